// normalize.cpp's building blocks, exposed for tests/normalize_test.cpp.
#pragma once

#include <cstddef>
#include <string_view>

namespace zhreport::normalize_internal {

inline constexpr char32_t kInvalidByte = 0xFFFFFFFF;  // a byte that starts no UTF-8 character
inline constexpr char32_t kEnd = 0xFFFFFFFE;          // past the end of the text
inline constexpr char32_t kDropped = 0xFFFFFFFD;      // fold(): the character goes

struct Char {
  char32_t code;
  size_t length;  // bytes
};
// Lenient: an invalid byte reads as {kInvalidByte, 1}.
Char char_at(std::string_view s, size_t i);

enum class Repair {
  fullwidth,
  space,
  pinyin_annotation,
  doubled_punctuation,
  html_remnant,
  lost_character_line,
  unicode_composition,
  none,  // also the number of kinds
};

struct Folded {
  char32_t code;
  Repair repair;  // none: unchanged
};
// Full-width ASCII forms → ASCII, Unicode spaces → ' ', zero-width spaces → kDropped.
Folded fold(char32_t c);

// True when NFC leaves c alone whatever surrounds it: c is NFC, has combining class 0 and is
// never the second part of a composition.
bool is_inert(char32_t c);

// `toneless`: lower-case letters with ü for ü/v, tone marks removed.
bool is_pinyin_syllable(std::string_view toneless);

}  // namespace zhreport::normalize_internal
