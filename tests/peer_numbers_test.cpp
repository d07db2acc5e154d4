// Other projects' numeral test cases (../shared/peer-tests), run against parse_numeral().
// We print the pass rate per file and mode and assert a floor just below today's rate, so a
// regression fails; docs/numbers.md explains each deliberate deviation.
#include "zhreport/numbers.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace zhreport;

namespace {

using Row = std::vector<std::string>;

// The rows of a TSV file without its header, or nothing (and a skip message) when ../shared
// is absent.
std::optional<std::vector<Row>> read_peer_tsv(const std::string& relative) {
  const std::filesystem::path path = std::filesystem::path(ZHREPORT_SHARED_DIR) / relative;
  std::ifstream in(path);
  if (!in) {
    MESSAGE("skipped: " << path.string() << " is absent");
    return std::nullopt;
  }
  std::vector<Row> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    Row row;
    size_t from = 0;
    for (size_t tab; (tab = line.find('\t', from)) != std::string::npos; from = tab + 1) {
      row.push_back(line.substr(from, tab - from));
    }
    row.push_back(line.substr(from));
    rows.push_back(std::move(row));
  }
  return rows;
}

bool same_value(std::optional<double> got, const std::string& expected) {
  if (!got) return false;
  const double want = std::strtod(expected.c_str(), nullptr);
  return std::fabs(*got - want) <= 1e-9 * std::max(1.0, std::fabs(want));
}

// cn2an reads money strings (壹拾壹元整) with the same call; we have parse_yuan for them.
std::optional<double> numeral_or_money(const std::string& input) {
  if (auto v = parse_numeral(input)) return v;
  return parse_yuan(input);
}

struct Tally {
  int passed = 0;
  int total = 0;
  std::vector<std::string> failures;
  void count(bool ok, const std::string& input) {
    ++total;
    if (ok) {
      ++passed;
    } else {
      failures.push_back(input);
    }
  }
  double rate() const { return total == 0 ? 1 : double(passed) / total; }
};

void report(const std::string& name, const Tally& t, double floor) {
  std::string failed;
  for (const auto& f : t.failures) failed += " " + f;
  MESSAGE(name << ": " << t.passed << "/" << t.total << " pass; failing:" << failed);
  CHECK(t.rate() >= floor);
}

}  // namespace

TEST_CASE("peer cases: cn2an numerals (strict/normal/smart/direct modes, strict rejections)") {
  const auto rows = read_peer_tsv("peer-tests/cn2an/cn2an_cases.tsv");
  if (!rows) return;
  std::set<std::string> valid_in_some_mode;
  for (const Row& r : *rows) {
    if (r.at(1) != "ValueError") valid_in_some_mode.insert(r.at(0));
  }
  std::map<std::string, Tally> tallies;
  for (const Row& r : *rows) {
    const std::string& input = r.at(0);
    if (r.at(1) == "ValueError" && valid_in_some_mode.count(input) > 0) {
      // cn2an's strict mode rejects colloquial and mixed forms that its normal and smart modes
      // read (三万五, 1.5万); we read them by design, as those modes do.
      tallies["strict-only rejections, read as normal/smart do"].count(
          numeral_or_money(input).has_value(), input);
    } else if (r.at(1) == "ValueError") {
      tallies["rejected in every mode"].count(!numeral_or_money(input).has_value(), input);
    } else {
      tallies[r.at(2)].count(same_value(numeral_or_money(input), r.at(1)), input);
    }
  }
  const std::map<std::string, double> floors = {
      {"strict", 0.99},
      {"normal", 0.99},
      {"smart", 0.99},
      {"direct", 0.99},
      {"rejected in every mode", 0.99},
      {"strict-only rejections, read as normal/smart do", 0.99},
  };
  for (const auto& [mode, tally] : tallies) report("cn2an " + mode, tally, floors.at(mode));
}

TEST_CASE("peer cases: duckling-zh numerals (whole input → value)") {
  const auto rows = read_peer_tsv("peer-tests/duckling-zh/numeral_cases.tsv");
  if (!rows) return;
  Tally tally;
  for (const Row& r : *rows) tally.count(same_value(parse_numeral(r.at(0)), r.at(1)), r.at(0));
  report("duckling numeral", tally, 0.74);
}

// JioNLP's parse_money gives [low, high] for an amount with its currency; we compare the
// numeric part: parse_yuan() of the whole input, else the first number find_numbers() sees.
TEST_CASE("peer cases: jionlp money amounts (numeric part)") {
  const auto rows = read_peer_tsv("peer-tests/jionlp/money_parse_cases.tsv");
  if (!rows) return;
  std::map<std::string, Tally> tallies;
  for (const Row& r : *rows) {
    const std::string& input = r.at(0);
    const double low = std::strtod(r.at(1).c_str(), nullptr);
    const double high = std::strtod(r.at(2).c_str(), nullptr);
    std::optional<double> value = parse_yuan(input);
    std::optional<double> value_max;
    if (!value) {
      const auto found = find_numbers(input);
      if (!found.empty()) {
        value = found.front().value;
        value_max = found.front().value_max;
      }
    }
    const bool ok = same_value(value, r.at(1)) &&
                    (low == high ? !value_max : value_max && same_value(value_max, r.at(2)));
    tallies[r.at(4) == "accurate" ? "accurate" : "blur (ranges, vague, qualified)"].count(ok,
                                                                                          input);
  }
  const std::map<std::string, double> floors = {{"accurate", 0.95},
                                                {"blur (ranges, vague, qualified)", 0.6}};
  for (const auto& [kind, tally] : tallies) report("jionlp " + kind, tally, floors.at(kind));
}

// cn2an's transform("…", "cn2an") rewrites every Chinese number of a sentence in Arabic
// digits; we do the same with find_numbers() spans. Its unit rewriting (摄氏度 → ℃),
// fractions and signs (零下, 负) are outside what numbers does.
TEST_CASE("peer cases: cn2an sentence transform (find_numbers spans)") {
  const auto rows = read_peer_tsv("peer-tests/cn2an/cn2an_transform_cases.tsv");
  if (!rows) return;
  Tally tally;
  for (const Row& r : *rows) {
    if (r.at(2) != "cn2an") continue;
    const std::string& input = r.at(0);
    std::string out;
    size_t copied = 0;
    for (const NumberMatch& m : find_numbers(input)) {
      char digits[32];
      std::snprintf(digits, sizeof digits, "%.15g", m.value);
      out.append(input, copied, m.start - copied).append(digits);
      if (m.percent && input.compare(m.end, 1, "%") != 0) out.append("%");
      copied = m.end;
    }
    out.append(input, copied);
    tally.count(out == r.at(1), input);
  }
  report("cn2an transform", tally, 0.7);
}
