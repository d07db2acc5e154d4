// The characters of a decoded text as charset detection counts them (decode.cpp), and the tables
// that decode GB18030's and Big5's two-byte characters: made at build time from ICU's converters
// by tools/pair_tables_gen, which counts the characters the same way (it compiles
// decode_chars.cpp too).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace zhreport::decode_detail {

// What a decoded character tells about the charset it was read in (decode.cpp's
// plausibility()): an ideograph, frequent or not, or a character Chinese reports hardly ever
// contain.
enum class CharClass : uint8_t { ordinary, rare_han, common_han, common_traditional_han, strange };
constexpr size_t kCharClasses = 5;

constexpr bool is_ordinary(char32_t c) {
  return (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t' ||
         (c >= 0x2000 && c <= 0x206F) ||  // general punctuation
         (c >= 0x3000 && c <= 0x303F) ||  // CJK punctuation
         (c >= 0xFF00 && c <= 0xFFEF) ||  // full-width forms
         c == 0xB7 || c == 0xD7;          // middle dot, multiplication sign
}

CharClass char_class(char32_t c);

constexpr char32_t kHanFirst = 0x4E00, kHanEnd = 0xA000;  // the CJK Unified Ideographs block
// The class of each ideograph of the block: rare, or one of the frequent ones.
using HanClasses = std::array<CharClass, kHanEnd - kHanFirst>;
const HanClasses& han_classes();

// A pair table: ICU's decoding of each pair of a lead byte from 0x80 and any second byte, at
// (lead - 0x80) << 8 | second. 0 when the table does not decode the pair (ICU reads it), else
// the character's UTF-8 bytes (the first lowest), their count (bits 24..27) and the
// character's class (bits 28..31).
constexpr size_t kPairEntries = 0x80 * 0x100;
extern const uint32_t kGb18030Pairs[kPairEntries];
extern const uint32_t kBig5HkscsPairs[kPairEntries];

}  // namespace zhreport::decode_detail
