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
// Lenient: an invalid byte reads as {kInvalidByte, 1}. Inline: the repairs read every letter of
// a pinyin annotation through it.
inline Char char_at(std::string_view s, size_t i) {
  auto* p = reinterpret_cast<const unsigned char*>(s.data()) + i;
  size_t avail = s.size() - i;
  unsigned char b = p[0];
  if (b < 0x80) return {b, 1};
  size_t len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
  if (len == 0 || len > avail) return {kInvalidByte, 1};
  char32_t c = b & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    if ((p[k] & 0xC0) != 0x80) return {kInvalidByte, 1};
    c = (c << 6) | (p[k] & 0x3F);
  }
  return {c, len};
}

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

// `written`: a syllable as annotations mostly write it, with a precomposed tone mark where pinyin
// puts it (ü, untoned, also as v), in at most 7 bytes, looked up as the normalizer looks up the
// bytes before an annotation's ')'. Every such annotation is one (the letter by letter reading
// agrees); the others are read letter by letter.
bool is_toned_syllable(std::string_view written);

}  // namespace zhreport::normalize_internal
