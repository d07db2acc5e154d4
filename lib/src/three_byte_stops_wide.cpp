// ThreeByteStops::skip 64 bytes at a time, for x86-64 processors with AVX-512 VBMI, chosen at
// run time (three_byte_stops_wide.h). This file alone is compiled for them (lib/CMakeLists.txt),
// so it includes no header with inline functions but the intrinsics' own and
// wide_masks.h, which only the AVX-512 files include.
#include "three_byte_stops_wide.h"

#if ZHREPORT_WIDE_SKIP
#include <immintrin.h>

#include "wide_masks.h"

namespace zhreport::text::wide {

namespace {

using wide_masks::bytes;
using wide_masks::first_bits;

// What the processor has and the kernel saves. (__builtin_cpu_init first: this runs among the
// program's static initializers, perhaps before libgcc's own.)
bool available() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vbmi");
}

// The bytes at i where `b` & mask == value.
__mmask64 where(__m512i b, char mask, char value) {
  return _mm512_cmpeq_epi8_mask(_mm512_and_si512(b, bytes(mask)), bytes(value));
}

}  // namespace

const bool kAvailable = available();

Block stops_of(const unsigned char* u, size_t size, size_t pos, const Tables& t) {
  const __m512i t0 = _mm512_loadu_si512(t.tails[0]), t1 = _mm512_loadu_si512(t.tails[1]),
                t2 = _mm512_loadu_si512(t.tails[2]), t3 = _mm512_loadu_si512(t.tails[3]),
                t4 = _mm512_loadu_si512(t.tails[4]), t5 = _mm512_loadu_si512(t.tails[5]),
                t6 = _mm512_loadu_si512(t.tails[6]), t7 = _mm512_loadu_si512(t.tails[7]);
  // 1 << i at index i < 8 of each 16-byte lane (for _mm512_shuffle_epi8)
  static const unsigned char kBitOf[64] = {1, 2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 0, 0, 0,
                                           1, 2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 0, 0, 0,
                                           1, 2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 0, 0, 0,
                                           1, 2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 0, 0, 0};
  const size_t left = size - pos;
  const __mmask64 in = first_bits(left);
  const __m512i b0 = _mm512_maskz_loadu_epi8(in, u + pos);
  const __m512i b1 = _mm512_maskz_loadu_epi8(first_bits(left - 1), u + pos + 1);
  const __m512i b2 = _mm512_maskz_loadu_epi8(left < 2 ? 0 : first_bits(left - 2), u + pos + 2);
  const __mmask64 ascii = ~_mm512_movepi8_mask(b0) & in;
  const __mmask64 follow = where(b0, '\xC0', '\x80');
  const __mmask64 lead2 = where(b0, '\xE0', '\xC0'), lead3 = where(b0, '\xF0', '\xE0'),
                  lead4 = where(b0, '\xF0', '\xF0');
  const __mmask64 expected =
      lead2 << 1 | lead3 << 1 | lead3 << 2 | lead4 << 1 | lead4 << 2 | lead4 << 3;
  // Bytes that are not where UTF-8 puts them, or a three-byte character cut by the end: the
  // scalar loop decides (it reads such bytes its own way). (Leads of two and four bytes stop the
  // scan whatever follows them.)
  const __mmask64 whole3 = where(b1, '\xC0', '\x80') & where(b2, '\xC0', '\x80');
  if (((follow ^ expected) & in) != 0 || (lead3 & ~whole3) != 0) return {0, 0, false};
  // The tails table of a three-byte character: its third byte's bits 3-5 choose one of eight
  // 64-byte tables, its second byte's low six bits the byte in it, the third byte's low three
  // bits the bit. Two tables a lookup (vpermi2b reads seven bits of the index: the second
  // byte's six, bit 3 of the third moved to the seventh), then bits 4 and 5 of the third
  // choose among the four, all independent of each other.
  const __m512i index =
      _mm512_or_si512(b1, _mm512_and_si512(_mm512_slli_epi16(b2, 3), bytes(0x40)));
  const __mmask64 bit4 = _mm512_test_epi8_mask(b2, bytes(0x10)),
                  bit5 = _mm512_test_epi8_mask(b2, bytes(0x20));
  const __m512i low = _mm512_mask_blend_epi8(bit4, _mm512_permutex2var_epi8(t0, index, t1),
                                             _mm512_permutex2var_epi8(t2, index, t3));
  const __m512i high = _mm512_mask_blend_epi8(bit4, _mm512_permutex2var_epi8(t4, index, t5),
                                              _mm512_permutex2var_epi8(t6, index, t7));
  const __m512i chosen = _mm512_mask_blend_epi8(bit5, low, high);
  const __m512i bit =
      _mm512_shuffle_epi8(_mm512_loadu_si512(kBitOf), _mm512_and_si512(b2, bytes(7)));
  const __mmask64 in_set = _mm512_test_epi8_mask(chosen, bit);
  const __m512i passes = _mm512_permutex2var_epi8(_mm512_loadu_si512(t.ascii_passes), b0,
                                                  _mm512_loadu_si512(t.ascii_passes + 64));
  const __mmask64 stops =
      (lead3 & in_set) | (ascii & ~_mm512_test_epi8_mask(passes, passes)) | lead2 | lead4;
  // The next block starts at the character after the last of this one, whose last bytes may
  // lie beyond it.
  const size_t next = left <= 64 ? size : pos + 64 + (lead3 >> 63 ? 2 : (lead3 >> 62) & 1);
  return {stops, next, true};
}

}  // namespace zhreport::text::wide

#else

namespace zhreport::text::wide {
const bool kAvailable = false;
Block stops_of(const unsigned char*, size_t, size_t, const Tables&) { return {0, 0, false}; }
}  // namespace zhreport::text::wide

#endif
