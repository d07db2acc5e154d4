// Upstream OpenCC's newer test cases (../shared/peer-tests/opencc/testcases.json), written for
// dictionaries newer than Debian's 1.1.6: we report the pass rate per configuration, and assert
// that on every one of these inputs we agree with libopencc 1.1.6 itself.
#include <doctest/doctest.h>

#include <vector>

#include "opencc/oracle.h"
#include "utf8.h"

using namespace zhreport;

namespace {

struct Case {
  std::string id, input;
  std::vector<std::pair<std::string, std::string>> expected;  // config name → output
};

// Just enough JSON for {"cases":[{"id":…,"input":…,"expected":{name:output,…}},…]} with
// trailing commas: strings (with escapes) and the structure around them.
class CaseReader {
 public:
  explicit CaseReader(std::string_view json) : json_(json) {}

  std::vector<Case> cases() {
    std::vector<Case> cases;
    if (!seek("\"cases\"") || !expect('[')) return cases;
    while (skip_space() && peek() == '{') {
      ++pos_;
      Case c;
      while (skip_space() && peek() == '"') {
        std::string field = string();
        expect(':');
        if (field == "expected") {
          expect('{');
          while (skip_space() && peek() == '"') {
            std::string config = string();
            expect(':');
            c.expected.emplace_back(config, string());
            comma();
          }
          expect('}');
        } else {
          (field == "id" ? c.id : c.input) = string();
        }
        comma();
      }
      expect('}');
      comma();
      cases.push_back(std::move(c));
    }
    return cases;
  }

 private:
  bool seek(std::string_view s) {
    pos_ = json_.find(s, pos_);
    if (pos_ == std::string_view::npos) return false;
    pos_ += s.size();
    return expect(':');
  }
  char peek() const { return pos_ < json_.size() ? json_[pos_] : '\0'; }
  bool skip_space() {
    while (pos_ < json_.size() && std::isspace(static_cast<unsigned char>(json_[pos_]))) ++pos_;
    return pos_ < json_.size();
  }
  bool expect(char c) {
    skip_space();
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  void comma() { expect(','); }
  std::string string() {
    std::string out;
    if (!expect('"')) return out;
    while (pos_ < json_.size() && json_[pos_] != '"') {
      char c = json_[pos_++];
      if (c != '\\') {
        out += c;
        continue;
      }
      char e = json_[pos_++];
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          unsigned cp = std::stoul(std::string(json_.substr(pos_, 4)), nullptr, 16);
          pos_ += 4;
          zhreport::utf8::append(out, cp);
          break;
        }
        default:
          out += e;
      }
    }
    ++pos_;
    return out;
  }
  std::string_view json_;
  size_t pos_ = 0;
};

}  // namespace

TEST_CASE("OpenCC testcases.json: pass rate per configuration, identical to libopencc") {
  const auto path = zhreport::testing::kSharedDir / "peer-tests/opencc/testcases.json";
  auto json = zhreport::testing::read_file(path);
  if (!json) {
    MESSAGE("skipped: no ", path.string());
    return;
  }
  const std::vector<Case> cases = CaseReader(*json).cases();
  REQUIRE(cases.size() > 100);
  for (Config config : zhreport::testing::kConfigs) {
    const std::string name(config_name(config));
    size_t total = 0, passed = 0;
    for (const Case& c : cases) {
      for (const auto& [config_key, expected] : c.expected) {
        if (config_key != name) continue;
        CAPTURE(c.id);
        const std::string ours = Converter::get(config).convert(c.input);
        CHECK(ours == zhreport::testing::opencc_convert(config, c.input));
        ++total;
        passed += ours == expected;
      }
    }
    CHECK(total > 0);
    MESSAGE(name, ": ", passed, "/", total, " upstream cases pass with Debian's OpenCC 1.1.6 data");
  }
}
