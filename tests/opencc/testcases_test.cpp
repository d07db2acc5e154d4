// Upstream OpenCC's test cases (../shared/peer-tests/opencc/testcases.json): every case of t2s,
// tw2s, hk2s and tw2sp passes, with the tofu-risk dictionaries as upstream's own tests run them
// (--include-tofu-risk-dictionaries); and on every input, with and without them, our output is
// OpenCC 1.4.2's.
#include <doctest/doctest.h>

#include <simdjson.h>

#include <string>
#include <string_view>
#include <vector>

#include "opencc/oracle.h"

using namespace zhreport;

namespace {

struct Case {
  std::string id, input;
  std::vector<std::pair<std::string, std::string>> expected;  // config name → output
};

// testcases.json has trailing commas (`"s2t": "…",\n}`), which JSON, and so simdjson, rejects:
// drop every comma whose next non-space character closes an object or array, outside strings.
std::string without_trailing_commas(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  bool in_string = false;
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (in_string) {
      if (c == '\\') {
        out += c;  // an escaped character, '"' included, is copied as it is
        out += json[++i];
        continue;
      }
      in_string = c != '"';
    } else if (c == '"') {
      in_string = true;
    } else if (c == ',') {
      const size_t next = json.find_first_not_of(" \t\r\n", i + 1);
      if (next != std::string_view::npos && (json[next] == '}' || json[next] == ']')) continue;
    }
    out += c;
  }
  return out;
}

// simdjson throws on a malformed file, which fails the test with simdjson's message.
std::vector<Case> read_cases(std::string_view json) {
  std::vector<Case> cases;
  simdjson::dom::parser parser;
  for (simdjson::dom::object object : parser.parse(without_trailing_commas(json))["cases"]) {
    Case c{.id = std::string(object["id"]), .input = std::string(object["input"]), .expected = {}};
    for (auto [config, output] : object["expected"].get_object()) {
      c.expected.emplace_back(config, std::string_view(output));
    }
    cases.push_back(std::move(c));
  }
  return cases;
}

}  // namespace

TEST_CASE("OpenCC testcases.json: every case passes, identical to OpenCC 1.4.2") {
  const auto path = zhreport::testing::kSharedDir / "peer-tests/opencc/testcases.json";
  auto json = zhreport::testing::read_file(path);
  if (!json) {
    MESSAGE("skipped: no ", path.string());
    return;
  }
  const std::vector<Case> cases = read_cases(*json);
  REQUIRE(cases.size() > 100);
  for (Config config : zhreport::testing::kConfigs) {
    const std::string name(config_name(config));
    size_t total = 0, passed = 0, passed_by_default = 0;
    for (const Case& c : cases) {
      for (const auto& [config_key, expected] : c.expected) {
        if (config_key != name) continue;
        CAPTURE(c.id);
        const std::string ours = Converter::get(config, /*rare_forms=*/true).convert(c.input);
        const std::string by_default = Converter::get(config).convert(c.input);
        CHECK(ours == expected);
        CHECK(ours == zhreport::testing::opencc_convert(config, c.input, true));
        CHECK(by_default == zhreport::testing::opencc_convert(config, c.input, false));
        ++total;
        passed += ours == expected;
        passed_by_default += by_default == expected;
      }
    }
    CHECK(total > 0);
    MESSAGE(name, ": ", passed, "/", total,
            " upstream cases pass with the tofu-risk dictionaries, ", passed_by_default, "/", total,
            " without (the default)");
  }
}
