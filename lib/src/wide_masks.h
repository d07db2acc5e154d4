// The masks and byte vectors of the AVX-512 files (three_byte_stops_wide.cpp, normalize_wide.cpp).
// Only they include this header: both are compiled with the same AVX-512 flags, so its inline
// functions are the same code wherever they are used (another file could not compile them).
#pragma once

#include <immintrin.h>

#include <cstddef>

namespace zhreport::wide_masks {

// The first `n` bits (n <= 64).
inline __mmask64 first_bits(size_t n) { return n >= 64 ? ~__mmask64{0} : (__mmask64{1} << n) - 1; }

// `c` in each of the 64 bytes.
inline __m512i bytes(unsigned char c) { return _mm512_set1_epi8(static_cast<char>(c)); }

}  // namespace zhreport::wide_masks
