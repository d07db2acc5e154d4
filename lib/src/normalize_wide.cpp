// normalize_internal::skip_plain 64 bytes at a time, for x86-64 processors with AVX-512 VBMI,
// chosen at run time (normalize_wide.h). This file alone is compiled for them (lib/CMakeLists.txt),
// so it includes no header with inline functions but the intrinsics' own and
// wide_masks.h, which only the AVX-512 files include.
#include "normalize_wide.h"

#if ZHREPORT_WIDE_SKIP
#include <immintrin.h>

#include "wide_masks.h"

namespace zhreport::normalize_wide {

namespace {

using wide_masks::bytes;
using wide_masks::first_bits;

// The bytes of `b` from `first` to `last`.
__mmask64 in_range(__m512i b, unsigned char first, unsigned char last) {
  return _mm512_cmple_epu8_mask(_mm512_sub_epi8(b, bytes(first)), bytes(last - first));
}

__mmask64 equal(__m512i b, unsigned char c) { return _mm512_cmpeq_epi8_mask(b, bytes(c)); }

}  // namespace

Skipped skip(const unsigned char* u, size_t size, size_t pos, size_t run,
             const unsigned char* classes) {
  const __m512i classes_low = _mm512_loadu_si512(classes),
                classes_high = _mm512_loadu_si512(classes + 64);
  // The ideograph leads and continuation bytes of the block before, bits 61..63 alone read: at
  // first those of the bytes before `pos` from `run` on (a comma's neighbour before `run` is in
  // the output, where skip_plain does not look: no ideograph).
  uint64_t leads_before = 0, follows_before = 0;
  for (size_t k = 1; k <= 3 && k <= pos - run; ++k) {
    const unsigned char b = u[pos - k];
    leads_before |= uint64_t{b >= 0xE4 && b <= 0xE9} << (64 - k);
    follows_before |= uint64_t{(b & 0xC0) == 0x80} << (64 - k);
  }
  bool passed_line_break = false;
  // Where the twin stops, as it reads 16 bytes at a time: the last 0 to 15 are left to the loop.
  const size_t limit = pos + ((size - pos) & ~size_t{15});
  for (; pos < limit; pos += 64) {
    const size_t left = size - pos;
    const __mmask64 in = first_bits(limit - pos);
    // Each byte, the one after it and the one after that (0 past the end).
    const __m512i b0 = _mm512_maskz_loadu_epi8(first_bits(left), u + pos);
    const __m512i b1 = _mm512_maskz_loadu_epi8(first_bits(left - 1), u + pos + 1);
    const __m512i b2 = _mm512_maskz_loadu_epi8(first_bits(left - 2), u + pos + 2);  // (left >= 16)
    const __mmask64 leads = in_range(b0, 0xE4, 0xE9), follows = in_range(b0, 0x80, 0xBF);
    const __mmask64 ascii = ~_mm512_movepi8_mask(b0) & in;
    const __m512i classes_of = _mm512_permutex2var_epi8(classes_low, b0, classes_high);
    const __mmask64 stops_ascii = ascii & _mm512_test_epi8_mask(classes_of, bytes(kStops));
    const __mmask64 commas = ascii & _mm512_test_epi8_mask(classes_of, bytes(kComma));
    const __mmask64 line_breaks = ascii & _mm512_test_epi8_mask(classes_of, bytes(kLineBreak));
    const __mmask64 lead_after = in_range(b1, 0xE4, 0xE9);
    const __mmask64 after_ideograph = (leads << 3 | leads_before >> 61) &
                                      (follows << 2 | follows_before >> 62) &
                                      (follows << 1 | follows_before >> 63);
    const __mmask64 plain_line = lead_after | in_range(b1, 0x40, 0x7F) | in_range(b1, '0', '9');
    const __mmask64 punctuation = equal(b1, 0x80) & ((equal(b0, 0xE3) & in_range(b2, 0x81, 0xA9)) |
                                                     (equal(b0, 0xE2) & in_range(b2, 0x90, 0xA7)));
    const __mmask64 other_leads = _mm512_movepi8_mask(b0) & in & ~follows & ~leads & ~punctuation;
    const __mmask64 stops = stops_ascii | (commas & ~(lead_after & after_ideograph)) |
                            (line_breaks & ~plain_line) | other_leads;
    const __mmask64 passed = line_breaks & plain_line;
    if (stops != 0) {
      const __mmask64 before = (stops & -stops) - 1;
      return {pos + static_cast<size_t>(__builtin_ctzll(stops)),
              passed_line_break || (passed & before) != 0};
    }
    passed_line_break = passed_line_break || passed != 0;
    leads_before = leads;
    follows_before = follows;
  }
  return {limit, passed_line_break};
}

}  // namespace zhreport::normalize_wide

#else

namespace zhreport::normalize_wide {
Skipped skip(const unsigned char*, size_t, size_t pos, size_t, const unsigned char*) {
  return {pos, false};
}
}  // namespace zhreport::normalize_wide

#endif
