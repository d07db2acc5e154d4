// Other projects' numeral test cases (../shared/peer-tests), run against parse_numeral().
// We print the pass rate per file and mode and assert a floor just below today's rate, so a
// regression fails; docs/numbers.md explains each deliberate deviation.
#include "zhreport/numbers.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
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

// The rows of a TSV file without its header, or nothing when ../shared is absent.
std::optional<std::vector<Row>> read_peer_tsv(const std::string& relative) {
  const std::filesystem::path path = std::filesystem::path(ZHREPORT_SHARED_DIR) / relative;
  std::ifstream in(path);
  if (!in) return std::nullopt;
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
  if (!rows) {
    MESSAGE("skipped: " ZHREPORT_SHARED_DIR " is absent");
    return;
  }
  std::set<std::string> valid_in_some_mode;
  for (const Row& r : *rows) {
    if (r.at(1) != "ValueError") valid_in_some_mode.insert(r.at(0));
  }
  std::map<std::string, Tally> tallies;
  for (const Row& r : *rows) {
    const std::string& input = r.at(0);
    if (r.at(1) == "ValueError") {
      // cn2an's strict mode rejects colloquial and mixed forms that its normal and smart modes
      // read; we read those by design, so only rejections of malformed input must agree.
      const bool colloquial = valid_in_some_mode.count(input) > 0;
      tallies[colloquial ? "rejected by strict, valid in normal/smart" : "rejected in every mode"]
          .count(parse_numeral(input) == std::nullopt, input);
    } else {
      tallies[r.at(2)].count(same_value(parse_numeral(input), r.at(1)), input);
    }
  }
  const std::map<std::string, double> floors = {
      {"strict", 0.90},
      {"normal", 0.90},
      {"smart", 0.90},
      {"direct", 0.99},
      {"rejected in every mode", 0.90},
      {"rejected by strict, valid in normal/smart", 0.0},
  };
  for (const auto& [mode, tally] : tallies) report("cn2an " + mode, tally, floors.at(mode));
}

TEST_CASE("peer cases: duckling-zh numerals (whole input → value)") {
  const auto rows = read_peer_tsv("peer-tests/duckling-zh/numeral_cases.tsv");
  if (!rows) {
    MESSAGE("skipped: " ZHREPORT_SHARED_DIR " is absent");
    return;
  }
  Tally tally;
  for (const Row& r : *rows) tally.count(same_value(parse_numeral(r.at(0)), r.at(1)), r.at(0));
  report("duckling numeral", tally, 0.70);
}
