// Shared by the libFuzzer targets: an invariant check that crashes loudly (the fuzzer keeps
// the input), and a UTF-8 validity test for targets whose stage takes valid UTF-8 only.
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#define FUZZ_CHECK(condition)                                                                \
  do {                                                                                       \
    if (!(condition)) {                                                                      \
      std::fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #condition); \
      std::abort();                                                                          \
    }                                                                                        \
  } while (0)

namespace zhreport::fuzz {

// Well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
inline bool valid_utf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    auto byte = [&](size_t k) { return static_cast<uint8_t>(text[k]); };
    uint8_t lead = byte(i);
    size_t length = lead < 0x80                    ? 1
                    : lead >= 0xC2 && lead <= 0xDF ? 2
                    : (lead & 0xF0) == 0xE0        ? 3
                    : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                   : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (size_t k = 1; k < length; ++k) {
      if ((byte(i + k) & 0xC0) != 0x80) return false;
    }
    if (length == 3) {
      uint8_t second = byte(i + 1);
      if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F)) return false;
    }
    if (length == 4) {
      uint8_t second = byte(i + 1);
      if ((lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F)) return false;
    }
    i += length;
  }
  return true;
}

// Each entry at most its successor, the last the earlier text's size.
template <typename Map>
bool monotonic_onto(const Map& map, size_t text_size, size_t earlier_size) {
  if (map.entries() != text_size + 1 || map.map(text_size) != earlier_size) return false;
  for (size_t i = 1; i <= text_size; ++i) {
    if (map.map(i - 1) > map.map(i)) return false;
  }
  return true;
}

}  // namespace zhreport::fuzz
