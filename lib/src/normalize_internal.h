// normalize.cpp's building blocks, exposed for tests/normalize_test.cpp.
#pragma once

#include <cstddef>
#include <string_view>

#include "normalize_wide.h"

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

// The AsciiClass (normalize_wide.h) of each ASCII byte, with the repairs or without (128 bytes).
const unsigned char* ascii_classes(bool repairs);

// Past the bytes of `in` from `pos` on that Normalizer::run has nothing to do for (CJK ideographs,
// plain ASCII, the commas and CJK punctuation between ideographs, line breaks before a plain line)
// when the text not yet copied starts at `run` (run <= pos): the first byte it must look at, or
// where fewer than 16 bytes are left (read 16 at a time; the loop takes the rest). SSE2 (where
// the compiler has it; elsewhere `pos`); normalize_wide::skip, its twin 64 bytes a step, gives the
// same.
normalize_wide::Skipped skip_plain(std::string_view in, size_t pos, size_t run,
                                   const unsigned char* classes);

}  // namespace zhreport::normalize_internal
