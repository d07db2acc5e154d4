// OpenCC's own 1.1.6 test cases (../shared/peer-tests/opencc/ver.1.1.6): the whole .in file
// converted must equal the .ans file, for every configuration we offer (they still hold with
// OpenCC 1.4.2's data, without the tofu-risk dictionaries).
#include <doctest/doctest.h>

#include "opencc/oracle.h"

using namespace zhreport;
using zhreport::testing::read_file;

TEST_CASE("OpenCC 1.1.6 test cases pass exactly") {
  const auto dir = zhreport::testing::kSharedDir / "peer-tests/opencc/ver.1.1.6";
  for (Config config : zhreport::testing::kConfigs) {
    const std::string name(config_name(config));
    CAPTURE(name);
    auto input = read_file(dir / (name + ".in"));
    auto answer = read_file(dir / (name + ".ans"));
    if (!input || !answer) {
      MESSAGE("skipped: no ", (dir / (name + ".in")).string());
      continue;
    }
    const std::string converted = Converter::get(config).convert(*input);
    // Line by line first, so a failure names the case.
    std::istringstream got(converted), want(*answer);
    std::string got_line, want_line;
    while (std::getline(want, want_line)) {
      std::getline(got, got_line);
      CHECK(got_line == want_line);
    }
    CHECK(converted == *answer);
  }
}
