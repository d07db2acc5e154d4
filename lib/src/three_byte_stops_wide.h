// ThreeByteStops::skip (three_byte_stops.h) 64 bytes at a time, on processors with AVX-512 VBMI
// (three_byte_stops_wide.cpp, chosen at run time). This header is all that file includes of the
// project, and it includes nothing with a function: whatever that file compiles inline is
// compiled for those processors, and the linker may keep its copy for the whole program.
#pragma once

#include <cstddef>
#include <cstdint>

namespace zhreport::text::wide {

// A ThreeByteStops' set as the wide skip reads it, beside the table the scalar loop reads. At a
// cache line's start: the step loads each 64 bytes whole (split across two lines, each load had
// cost two), and the ThreeByteStops that holds it starts at one too (its scalar table's entries
// read, 64 bytes of each run of 256, on one line each, not two).
struct alignas(64) Tables {
  // Three-byte characters: bit (third & 7) of tails[(third >> 3) & 7][second & 63], where second
  // and third are the character's last two bytes.
  unsigned char tails[8][64];
  // 1 where an ASCII character does not stop the scan (pass_ascii).
  unsigned char ascii_passes[128];
};

// What a ThreeByteStops scan makes of 64 bytes.
struct Block {
  uint64_t stops;  // bit i: the scan stops at pos + i (if it gets there)
  size_t next;     // where the next block starts: the character after its last (or the end)
  bool exact;      // false: bytes not where UTF-8 puts them, for the scalar loop to read
};

// Whether this processor runs stops_of().
extern const bool kAvailable;

// The stops of u[pos, pos + 64) (or to `size`, pos < size) when a scan starts at `pos`.
Block stops_of(const unsigned char* u, size_t size, size_t pos, const Tables& t);

}  // namespace zhreport::text::wide
