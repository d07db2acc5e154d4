// Small pieces shared by decode, normalize and convert.
#pragma once

#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

#include "zhreport/offset_map.h"

namespace zhreport {

// Offset map entries for `count` bytes copied unchanged from source offset `from` on.
inline void append_copied_offsets(Offsets& offsets, size_t from, size_t count) {
  size_t old = offsets.size();
  offsets.resize(old + count);
  std::iota(offsets.begin() + static_cast<std::ptrdiff_t>(old), offsets.end(),
            static_cast<uint32_t>(from));
}

}  // namespace zhreport
