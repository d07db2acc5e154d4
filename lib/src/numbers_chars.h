// The character level of numbers.cpp: UTF-8 code points, what each numeral character means,
// and Arabic digit runs (36,000  1.5  ０３８). The grammar that joins them is in numbers.cpp.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "three_byte_stops.h"
#include "zhreport/numbers.h"

namespace zhreport::numbers_detail {

struct Char {
  char32_t code;
  size_t len;
};

// One UTF-8 code point at text[pos] (pos < size); a broken sequence reads as U+FFFD, length 1.
// Inline: the scan of find_numbers calls it for every character.
inline Char char_at(std::string_view text, size_t pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  const unsigned char b0 = byte(0);
  const size_t left = text.size() - pos;
  if (b0 < 0x80) return {b0, 1};
  if ((b0 & 0xF0) == 0xE0 && left >= 3) {  // first: all of CJK
    return {char32_t(b0 & 0x0F) << 12 | char32_t(byte(1) & 0x3F) << 6 | (byte(2) & 0x3F), 3};
  }
  if ((b0 & 0xE0) == 0xC0 && left >= 2) return {char32_t(b0 & 0x1F) << 6 | (byte(1) & 0x3F), 2};
  if ((b0 & 0xF8) == 0xF0 && left >= 4) {
    return {char32_t(b0 & 0x07) << 18 | char32_t(byte(1) & 0x3F) << 12 |
                char32_t(byte(2) & 0x3F) << 6 | (byte(3) & 0x3F),
            4};
  }
  return {0xFFFD, 1};
}

// char_before for the characters other than whole three-byte ones (out of line).
Char char_before_other(std::string_view text, size_t pos);

// The code point that ends at `pos` ({0, 0} when pos == 0). Inline for a three-byte character
// (all of CJK): asked before every number.
inline Char char_before(std::string_view text, size_t pos) {
  if (pos >= 3) {
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
    if ((byte(pos - 3) & 0xF0) == 0xE0 && (byte(pos - 2) & 0xC0) == 0x80 &&
        (byte(pos - 1) & 0xC0) == 0x80) {
      return char_at(text, pos - 3);
    }
  }
  return char_before_other(text, pos);
}

inline bool starts_with_at(std::string_view text, size_t pos, std::string_view word) {
  return text.substr(pos, word.size()) == word;
}
inline size_t skip_spaces(std::string_view text, size_t pos) {
  while (pos < text.size() && text[pos] == ' ') ++pos;
  return pos;
}

enum class Kind : uint8_t {
  other,
  digit,  // 一…九 两, financial and Traditional forms
  zero,   // 零 〇
  unit,   // 十 百 千 (拾 佰 仟)
  big,    // 万 亿 (萬 億)
  tens,   // 廿 卅 卌: a digit and 十 in one character
  point,  // 点 點
  ji,     // 几: an unknown digit (十几, 几十)
  shu,    // 数: "several" before a unit (数百)
  yu,     // 余: more than
  duo,    // 多: more than
  lai,    // 来: about (二十来)
  arabic  // 0-9 and full-width ０-９
};

struct CharKind {
  Kind kind;
  double value;  // digit value, or the unit's multiplier
};

// What each code point of the Basic Multilingual Plane means to the numeral reader: an index
// into `kinds` (0: Kind::other), with a bit for the financial forms. Built at compile time
// (numbers_chars.cpp): the reader asks it of every character of a number and of the one after,
// and two loads inline cost less than a switch called out of line or a static's guard.
struct CharTable {
  static constexpr uint8_t kFinancial = 0x80;
  // The range dashes and words other than - and ~ (— – － ～ 〜 至 到), all of Kind::other.
  static constexpr uint8_t kJoinsRange = 0x40;
  static constexpr uint8_t kFlags = kFinancial | kJoinsRange;
  std::array<uint8_t, 0x10000> index{};
  std::array<CharKind, 32> kinds{};
};
extern const CharTable kCharTable;

inline CharKind classify(char32_t c) {
  if (c >= 0x10000) return {Kind::other, 0};
  return kCharTable.kinds[kCharTable.index[c] & ~CharTable::kFlags];
}
// A range dash or word other than - and ~: — – － ～ 〜 至 到.
inline bool joins_range(char32_t c) {
  return c < 0x10000 && (kCharTable.index[c] & CharTable::kJoinsRange) != 0;
}
// A character that neither continues a numeral (Kind::other) nor opens a range, and is no ASCII
// one (which may be a dash, a point or a comma): one load for the three questions.
inline bool ends_plain_numeral(char32_t c) {
  return c >= 0x80 && (c >= 0x10000 || kCharTable.index[c] == 0);
}
// Kind::other past the end.
inline Kind kind_at(std::string_view text, size_t pos) {
  return pos < text.size() ? classify(char_at(text, pos).code).kind : Kind::other;
}

inline bool is_liang(char32_t c) { return c == U'两' || c == U'兩'; }
// Financial numerals write out whole amounts (伍佰, 陆拾); a lone one, or digits with no unit,
// are words: 队伍, 陆续, 收拾, 队伍陆续.
inline bool is_financial(char32_t c) {
  return c < 0x10000 && (kCharTable.index[c] & CharTable::kFinancial) != 0;
}
// A digit of a digit string (二〇二三, 一七二零): 零-九 but not 两; 幺 (one) when reading a
// whole string, since it only appears in read-out numbers.
std::optional<int> string_digit(char32_t c, bool whole);
// Arabic digit at pos: value and byte length (ASCII or full-width), or nullopt.
std::optional<std::pair<int, size_t>> arabic_digit(std::string_view text, size_t pos);

// Powers of ten up to here are exact doubles, so mantissa / scale is correctly rounded.
constexpr double kMaxScale = 1e22;

// A decimal kept as mantissa / scale so that 1.5万 and 一七二零点一 come out exact.
struct Decimal {
  double mantissa = 0;
  double scale = 1;
  double value() const { return mantissa / scale; }
  void push_digit(int d, bool fraction) {
    mantissa = mantissa * 10 + d;
    if (fraction) scale *= 10;
  }
};

struct ArabicNumber {
  size_t end;
  Decimal number;
  bool fraction;
};

// 538, 36,000 (comma groups of exactly three digits after a lead of one to three), 9 860 (groups
// after single blanks, unless a single blank also stands before the number), 1.5.
ArabicNumber read_arabic(std::string_view text, size_t pos);

// Whether a number can start with this character, for every code point of the Basic
// Multilingual Plane, one bit each (8 KiB): the scan over text that holds no number costs a
// load and a test per character.
class StartTable {
 public:
  StartTable();
  bool test(char32_t c) const { return c < 0x10000 && (bits_[c >> 6] >> (c & 63) & 1); }
  // The characters test() is true of: for a scan that stops at them among its own (the clause
  // reader's, which lists where numbers may start for find_numbers).
  std::u32string_view chars() const { return chars_; }
  // The first position from `pos` that is not a three-byte character or an ASCII one that
  // starts no number, or holds a three-byte one that may start a number (or shares its last two
  // bytes with one: test() it).
  // (a Scan of `text`: ThreeByteStops::Scan::skip(pos) is that position)
  text::ThreeByteStops::Scan scan(std::string_view text) const { return {three_byte_, text}; }

 private:
  std::array<uint64_t, 0x10000 / 64> bits_{};
  std::u32string chars_;
  text::ThreeByteStops three_byte_;  // the same characters, by their last two bytes
};

// The one StartTable, built on first use.
const StartTable& start_table();

// plain_numeral (zhreport/numbers.h), inline for the scan of a report's number starts
// (drop_no_counts of facts.cpp: every place a number may start, ~31,000 on the bench slice).
inline PlainNumeral plain_numeral_at(std::string_view text, size_t pos) {
  const Char c = char_at(text, pos);
  size_t end = pos;
  if (c.code >= '0' && c.code <= '9') {
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
  } else {
    // (not 几 and 数, which a unit must follow, nor 廿 and 卅, rare)
    const Kind kind = classify(c.code).kind;
    if (kind != Kind::digit && kind != Kind::zero && kind != Kind::unit && kind != Kind::big) {
      return {};
    }
    end += c.len;
  }
  // (past blanks, which end the number unless 余, 多 or 万/亿 follows them: 2000 余名, 177 亿)
  const size_t next = skip_spaces(text, end);
  if (next >= text.size()) return {};
  // (range_connector(text, end), told by `after` alone: it is no blank, - or ~)
  const char32_t after = char_at(text, next).code;
  if (!ends_plain_numeral(after)) return {};
  if (c.code == U'百' && after == U'分') return {};  // 百分之三
  return {end, next, after};
}

}  // namespace zhreport::numbers_detail
