// UTF-8 stepping and encoding shared by the stages (private to the library). The text they get is
// valid UTF-8 (decode.h guarantees it); these only have to stay safe on bytes that are not.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

namespace zhreport::utf8 {

// Length of the sequence led by `lead`; 1 for bytes that cannot lead one. (A table: one load
// where the tests of the lead byte's range took three for a CJK character, at every step of
// the scans that walk a text character by character.)
inline constexpr std::array<uint8_t, 256> kSequenceLengths = [] {
  std::array<uint8_t, 256> lengths{};
  for (size_t lead = 0; lead < lengths.size(); ++lead) {
    lengths[lead] = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF8 ? 4 : 1;
  }
  return lengths;
}();
inline size_t sequence_length(unsigned char lead) { return kSequenceLengths[lead]; }

// Code point of the `len`-byte sequence at p (as sequence_length says); kNoCodePoint if it cannot
// be one (a stray continuation byte, or a sequence cut short by the end of the text).
inline constexpr char32_t kNoCodePoint = 0xFFFFFFFF;
inline char32_t code_point(const unsigned char* p, size_t len) {
  switch (len) {
    case 2:
      return (char32_t(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    case 3:
      return (char32_t(p[0] & 0x0F) << 12) | (char32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    case 4:
      return (char32_t(p[0] & 0x07) << 18) | (char32_t(p[1] & 0x3F) << 12) |
             (char32_t(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    default:
      return p[0] < 0x80 ? p[0] : kNoCodePoint;
  }
}

// Whether p[0..2] (avail bytes readable) is a valid three-byte sequence whose lead byte needs
// no range check of the second byte (E1..EC, EE, EF): almost all of Chinese text, so that
// validators can take it in one step before their general path.
inline bool is_plain_three_byte(const unsigned char* p, size_t avail) {
  return avail >= 3 && p[0] >= 0xE1 && p[0] <= 0xEF && p[0] != 0xED && (p[1] & 0xC0) == 0x80 &&
         (p[2] & 0xC0) == 0x80;
}

// Whether the eight bytes at p start with two such sequences: one load and one mask for two
// characters (byte order: little-endian, as every target of the library).
inline bool is_plain_three_byte_pair(const unsigned char* p) {
  uint64_t word;
  std::memcpy(&word, p, 8);
  if ((word & 0x0000C0C0F0C0C0F0ull) != 0x00008080E08080E0ull) return false;
  const auto first = static_cast<unsigned char>(word),
             second = static_cast<unsigned char>(word >> 24);
  return first != 0xE0 && first != 0xED && second != 0xE0 && second != 0xED;
}

// Writes the one to four bytes of `c` at `p` and returns the end of them: for loops that size
// their output once.
inline char* write(char* p, char32_t c) {
  if (c < 0x80) {
    *p++ = static_cast<char>(c);
  } else if (c < 0x800) {
    *p++ = static_cast<char>(0xC0 | (c >> 6));
    *p++ = static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    *p++ = static_cast<char>(0xE0 | (c >> 12));
    *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *p++ = static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *p++ = static_cast<char>(0xF0 | (c >> 18));
    *p++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *p++ = static_cast<char>(0x80 | (c & 0x3F));
  }
  return p;
}

inline void append(std::string& out, char32_t c) {
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

}  // namespace zhreport::utf8
