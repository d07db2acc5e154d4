// A set of three-byte characters (all of CJK) that a scan stops at, tested on the last two bytes
// of each character as they stand in the text: the scans that stop at few characters pass the
// others without decoding them. A character of another lead byte with the same last two bytes
// stops them too, so the caller still tests the character it stops at.
//
//   text::ThreeByteStops stops;
//   stops.add(U'截');
//   size_t at = stops.skip(text, 0);  // at 截, at a character of another length, or at the end
#pragma once

#include <bit>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace zhreport::text {

class ThreeByteStops {
 public:
  // `c` is U+0800..U+FFFF (three bytes in UTF-8); other characters stop skip() anyway.
  void add(char32_t c) {
    if (c < 0x800 || c > 0xFFFF) return;
    const unsigned char tail[2] = {static_cast<unsigned char>(0x80 | ((c >> 6) & 0x3F)),
                                   static_cast<unsigned char>(0x80 | (c & 0x3F))};
    tails_.set(key(tail));
  }
  // The first position from `pos` that is not a three-byte character or holds one that may be
  // in the set; the size of `s` when there is none.
  size_t skip(std::string_view s, size_t pos) const {
    const auto* u = reinterpret_cast<const unsigned char*>(s.data());
    // Two characters a step, their lead bytes tested at once on eight bytes read together: most
    // of a report's characters are passed here, where a step per character cost a fifth more.
    while (pos + 8 <= s.size()) {
      uint64_t w = 0;
      std::memcpy(&w, u + pos, sizeof w);
      if ((w & kTwoLeadsMask) != kTwoLeads || tails_[key(u + pos + 1)]) break;
      if (tails_[key(u + pos + 4)]) return pos + 3;
      pos += 6;
    }
    while (pos + 3 <= s.size() && (u[pos] & 0xF0u) == 0xE0u && !tails_[key(u + pos + 1)]) pos += 3;
    return pos;
  }

 private:
  // The first and fourth of eight bytes read as one number (in the machine's byte order): the
  // lead bytes of two three-byte characters (1110xxxx) where their high halves are 0xE.
  static constexpr bool kLittle = std::endian::native == std::endian::little;
  static constexpr uint64_t kTwoLeadsMask = kLittle ? 0xF0'0000'F0 : 0xF000'00F0'0000'0000;
  static constexpr uint64_t kTwoLeads = kLittle ? 0xE0'0000'E0 : 0xE000'00E0'0000'0000;
  // The two bytes as one number, in whatever byte order: add() and skip() read them alike.
  static size_t key(const unsigned char* two) {
    uint16_t k = 0;
    std::memcpy(&k, two, sizeof k);
    return k;
  }
  std::bitset<0x10000> tails_;
};

}  // namespace zhreport::text
