// Small pieces shared by decode and normalize.
#pragma once

#include <cstdint>
#include <numeric>
#include <string>
#include <vector>

namespace zhreport {

inline void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

// Offset map entries for `count` bytes copied unchanged from source offset `from` on.
inline void append_copied_offsets(std::vector<uint32_t>& offsets, size_t from, size_t count) {
  size_t old = offsets.size();
  offsets.resize(old + count);
  std::iota(offsets.begin() + static_cast<std::ptrdiff_t>(old), offsets.end(),
            static_cast<uint32_t>(from));
}

}  // namespace zhreport
