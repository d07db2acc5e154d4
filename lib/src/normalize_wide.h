// Normalizer's skip past the bytes it has nothing to do for (normalize_internal::skip_plain)
// 64 bytes at a time, on processors with AVX-512 VBMI (text::wide::kAvailable, chosen at run
// time; normalize_wide.cpp). As three_byte_stops_wide.h: this header is all that file includes
// of the project, and it includes nothing with a function.
#pragma once

#include <cstddef>
#include <cstdint>

namespace zhreport::normalize_wide {

// What the skip makes of an ASCII byte, by bits (none: it passes the byte).
enum AsciiClass : unsigned char {
  kStops = 1,      // a repair may start there
  kComma = 2,      // passed between two CJK ideographs
  kLineBreak = 4,  // passed before a line that starts plain (a Han character, a letter, a digit)
};

struct Skipped {
  size_t end;              // the first byte the normalizer must look at (or of the last 15)
  bool passed_line_break;  // a kLineBreak byte was passed
};

// skip_plain (normalize_internal.h) from `pos` in u[0, size), for the text not yet copied
// starting at `run` (run <= pos <= size); `classes` holds 128 AsciiClass bytes.
Skipped skip(const unsigned char* u, size_t size, size_t pos, size_t run,
             const unsigned char* classes);

}  // namespace zhreport::normalize_wide
