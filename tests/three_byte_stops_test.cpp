// three_byte_stops.h: the filter that the scans of the fact stage (find_numbers, find_times,
// find_places, the clause reader, contains_word) pass most characters with.
#include "three_byte_stops.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

using zhreport::text::ThreeBytePairs;
using zhreport::text::ThreeByteStops;

TEST_CASE("ThreeByteStops::skip passes the three-byte characters that are not in the set") {
  ThreeByteStops stops;
  stops.add(U'至');
  CHECK(stops.skip("医疗队至今", 0) == 9);  // at 至
  CHECK(stops.skip("医疗队至今", 9) == 9);  // where it stands
  CHECK(stops.skip("医疗队", 0) == 9);      // none: the end
  CHECK(stops.skip("", 0) == 0);
  // at a character of another length, whatever it is
  CHECK(stops.skip("医疗a至", 0) == 6);
  CHECK(stops.skip("医𠮷至", 0) == 3);
  // a character with the same last two bytes under another lead byte stops it too (凳 is
  // E5 87 B3, 至 E8 87 B3): the caller tests the character it stops at
  CHECK(stops.skip("医凳", 0) == 3);
}

TEST_CASE("ThreeByteStops::skip stops where a step per character would, at any place in the text") {
  // (it passes two characters a step: a stop, or a character of another length, first or second
  // of a pair, and texts too short for a step of six bytes)
  ThreeByteStops stops;
  stops.add(U'至');
  auto one_by_one = [&](std::string_view s, size_t pos) {
    while (pos + 3 <= s.size() && (static_cast<unsigned char>(s[pos]) & 0xF0) == 0xE0 &&
           s.substr(pos, 3) != "至" && s.substr(pos, 3) != "凳") {
      pos += 3;
    }
    return pos;
  };
  for (std::string_view stop : {"至", "凳", "a", "é", "𠮷", "。"}) {
    for (size_t before = 0; before < 7; ++before) {
      std::string text;
      for (size_t i = 0; i < before; ++i) text += "医疗";
      text += stop;
      text += "医疗队";
      for (size_t pos = 0; pos <= text.size(); pos += 3) {
        CAPTURE(text);
        CAPTURE(pos);
        CHECK(stops.skip(text, pos) == one_by_one(text, pos));
      }
    }
  }
}

TEST_CASE(
    "ThreeByteStops::pass_ascii passes the ASCII characters it is told, and stops at the rest") {
  ThreeByteStops stops;
  stops.add(U'至');
  CHECK(stops.skip("医疗, 队(1)至", 0) == 6);  // every ASCII character stops it at first
  stops.pass_ascii([](char c) { return c < '0' || c > '9'; });
  CHECK(stops.skip("医疗, 队(1)至", 0) == 12);     // at 1
  CHECK(stops.skip("医疗, 队(1)至", 13) == 14);    // at 至
  CHECK(stops.skip("a, b; c", 0) == 7);            // all passed: the end
  CHECK(stops.skip("医疗,医疗,医疗,9", 0) == 21);  // runs of two characters between them
  CHECK(stops.skip("医疗,é医", 0) == 7);           // still at a character of another length
}

TEST_CASE("ThreeByteStops::skip and Scan stop where a step per character would, over long texts") {
  // The wide skip (64 bytes a step where the processor has AVX-512 VBMI) against a step per
  // character: texts of hundreds of bytes of characters in and out of the set, of every length,
  // passed and stopping ASCII, and bytes that are no UTF-8, from every position.
  const std::vector<std::string_view> pieces = {
      "至", "凳", "医", "疗",   "队",   "年",       "a",    "1",           ",",
      "é",  "𠮷", "。", "\x80", "\xE5", "\xE5\x87", "\xFF", "\xE8\x41\x42"};
  ThreeByteStops stops;
  for (char32_t c : {U'至', U'年', U'。'}) stops.add(c);
  stops.pass_ascii([](char c) { return c == ',' || c == 'a'; });
  auto one_by_one = [](std::string_view s, size_t pos) {
    auto in_set = [](std::string_view c) {
      // (the set's characters, and those of other lead bytes with their last two bytes)
      for (std::string_view stop : {"至", "年", "。"}) {
        if (c.substr(1) == stop.substr(1)) return true;
      }
      return false;
    };
    while (pos < s.size()) {
      const auto byte = static_cast<unsigned char>(s[pos]);
      if (byte < 0x80) {
        if (byte != ',' && byte != 'a') return pos;
        ++pos;
      } else if ((byte & 0xF0) == 0xE0 && pos + 3 <= s.size() && !in_set(s.substr(pos, 3))) {
        pos += 3;
      } else {
        return pos;
      }
    }
    return pos;
  };
  std::mt19937 random(7);
  for (int round = 0; round < 400; ++round) {
    std::string text;
    const size_t length = random() % 300;
    // (mostly characters the scan passes, as in a report; now and then any piece)
    while (text.size() < length) {
      const size_t piece = random() % 8 == 0 ? random() % pieces.size() : 2 + random() % 3;
      text += pieces[piece];
    }
    // (a Scan asked at every position, forward, then from where the last skip stopped, and back)
    ThreeByteStops::Scan scan(stops, text), again(stops, text);
    size_t next_call = 0;  // of `again`: one past where it stopped last
    for (size_t pos = 0; pos <= text.size(); ++pos) {
      CAPTURE(round);
      CAPTURE(pos);
      REQUIRE(stops.skip(text, pos) == one_by_one(text, pos));
      REQUIRE(scan.skip(pos) == one_by_one(text, pos));
      if (pos == next_call) {
        const size_t at = again.skip(pos);
        REQUIRE(at == one_by_one(text, pos));
        next_call = at + 1;
      }
    }
    for (size_t pos = text.size() + 1; pos-- > 0;) REQUIRE(scan.skip(pos) == one_by_one(text, pos));
  }
}

TEST_CASE("ThreeByteStops::add takes three-byte characters only") {
  ThreeByteStops stops;
  stops.add(U'a');
  stops.add(U'é');
  stops.add(U'𠮷');
  CHECK(stops.skip("医疗队", 0) == 9);
}

TEST_CASE("ThreeBytePairs::may_start passes the pairs added, and all it cannot tell") {
  ThreeBytePairs pairs;
  pairs.add(U'上', U'年');
  pairs.add(U'自', U'2');
  pairs.add_any(U'已');
  CHECK(pairs.may_start("上年度", 0));
  CHECK_FALSE(pairs.may_start("上海市", 0));
  CHECK(pairs.may_start("医上年度", 3));
  CHECK_FALSE(pairs.may_start("医上海市", 3));
  CHECK(pairs.may_start("自2019年", 0));  // an ASCII character after it
  CHECK_FALSE(pairs.may_start("自1999年", 0));
  CHECK(pairs.may_start("已派出", 0));  // any after it
  CHECK(pairs.may_start("已经", 0));
  // what it cannot tell: a character of another length, at `pos` or after it, and fewer than
  // three bytes after it
  CHECK(pairs.may_start("a上海", 0));
  CHECK(pairs.may_start("上é海", 0));
  CHECK(pairs.may_start("上𠮷", 0));
  CHECK(pairs.may_start("医上", 3));
  CHECK(pairs.may_start("上a", 0));
}

TEST_CASE("ThreeBytePairs::add_start adds a word's first two characters, or its one before any") {
  ThreeBytePairs pairs;
  pairs.add_start("以来");
  pairs.add_start("自2019");  // an ASCII character second
  pairs.add_start("近");      // one character: before any
  pairs.add_start("");        // nothing
  CHECK(pairs.may_start("以来的", 0));
  CHECK_FALSE(pairs.may_start("以及其", 0));
  CHECK(pairs.may_start("自2018", 0));
  CHECK_FALSE(pairs.may_start("自身的", 0));
  CHECK(pairs.may_start("近三年", 0));
  CHECK(pairs.may_start("近期的", 0));
  CHECK_FALSE(pairs.may_start("上海市", 0));
  // a second character the pairs do not take (of two bytes: ·): any after the first
  pairs.add_start("医·疗");
  CHECK(pairs.may_start("医院的", 0));
}

}  // namespace
