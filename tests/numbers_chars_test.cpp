#include "numbers_chars.h"

#include <doctest/doctest.h>

#include <string_view>

using namespace zhreport::numbers_detail;

TEST_CASE("the character table's range bit is the range dashes and words, and no numeral's") {
  constexpr std::u32string_view kJoiners = U"—–－～〜至到";
  for (char32_t c = 0; c < 0x10000; ++c) {
    const bool joiner = kJoiners.find(c) != kJoiners.npos;
    CHECK(joins_range(c) == joiner);
    // (one load for: no ASCII character, none that continues a numeral, none that opens a range)
    CHECK(ends_plain_numeral(c) == (c >= 0x80 && classify(c).kind == Kind::other && !joiner));
  }
  CHECK(classify(U'至').kind == Kind::other);
  CHECK(!joins_range(U'-'));  // (range_connector's own: ASCII)
  CHECK(!joins_range(U'\U00020000'));
  CHECK(ends_plain_numeral(U'\U00020000'));
  CHECK(is_financial(U'伍'));
  CHECK(classify(U'伍').kind == Kind::digit);
}
