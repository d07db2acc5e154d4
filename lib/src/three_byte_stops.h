// A set of three-byte characters (all of CJK) that a scan stops at, tested on the last two bytes
// of each character as they stand in the text: the scans that stop at few characters pass the
// others without decoding them. A character of another lead byte with the same last two bytes
// stops them too, so the caller still tests the character it stops at. Every ASCII character
// stops a scan too, unless it says which pass (pass_ascii).
//
//   text::ThreeByteStops stops;
//   stops.add(U'截');
//   size_t at = stops.skip(text, 0);  // at 截, at a character of another length, or at the end
//   stops.pass_ascii([](char c) { return c < '0' || c > '9'; });  // then: or at a digit
//
// Where the processor has AVX-512 VBMI, skip() reads 64 bytes a step (three_byte_stops_wide.h);
// a Scan of one text keeps the stops of the 64 bytes last read for its next calls.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "three_byte_stops_wide.h"
#include "utf8.h"

namespace zhreport::text {

// Eight bytes, as memcpy reads them into a number in the machine's order, that hold `lead` at
// 0 and 3 (the lead bytes of two three-byte characters) and zeros elsewhere.
constexpr uint64_t lead_bytes(unsigned char lead) {
  if constexpr (std::endian::native == std::endian::little) {
    return uint64_t{lead} | uint64_t{lead} << 24;
  } else {
    return uint64_t{lead} << 56 | uint64_t{lead} << 32;
  }
}

// The first four of eight bytes (lead_bytes), as memcpy reads them into a 32-bit number.
constexpr uint32_t first_four(uint64_t eight) {
  return static_cast<uint32_t>(std::endian::native == std::endian::little ? eight : eight >> 32);
}

// The last two bytes of a three-byte character (`two` points at them) as one number, in whatever
// byte order: ThreeByteStops and ThreeBytePairs read them alike wherever they are set or tested.
inline uint16_t tail_key(const unsigned char* two) {
  uint16_t k = 0;
  std::memcpy(&k, two, sizeof k);
  return k;
}

inline uint16_t tail_key(const char* two) {
  return tail_key(reinterpret_cast<const unsigned char*>(two));
}

// The tail_key of a character U+0800..U+FFFF.
inline uint16_t tail_key(char32_t c) {
  const unsigned char tail[2] = {static_cast<unsigned char>(0x80 | ((c >> 6) & 0x3F)),
                                 static_cast<unsigned char>(0x80 | (c & 0x3F))};
  return tail_key(tail);
}

class ThreeByteStops {
 public:
  // `c` is U+0800..U+FFFF (three bytes in UTF-8); other characters stop skip() anyway.
  void add(char32_t c) {
    if (c < 0x800 || c > 0xFFFF) return;
    tails_[tail_key(c)] = true;
    const unsigned second = (c >> 6) & 0x3F, third = c & 0x3F;
    wide_.tails[third >> 3][second] |= static_cast<unsigned char>(1u << (third & 7));
  }
  // The ASCII characters `passes(c)` is true of no longer stop skip(): the scan's caller would
  // only step past them (a comma, a parenthesis: a fifth of the characters of a report), and
  // does not return to the loop below for each.
  template <typename F>
  void pass_ascii(F&& passes) {
    for (unsigned char c = 0; c < sizeof wide_.ascii_passes; ++c) {
      wide_.ascii_passes[c] = passes(static_cast<char>(c));
    }
  }
  // The first position from `pos` that is not a three-byte character or a passed ASCII one, or
  // holds a three-byte character that may be in the set; the size of `s` when there is none.
  // (64 bytes a step where the processor has AVX-512 VBMI: three_byte_stops_wide.h)
  size_t skip(std::string_view s, size_t pos) const {
    return wide::kAvailable ? Scan(*this, s).skip(pos) : skip_scalar(s, pos);
  }

  // A scan of one text: skip() with the stops of the 64 bytes last read by the wide step kept for
  // the next calls (the scans stop every few characters: reading the block again for each call
  // cost as much as the step saved).
  //
  //   text::ThreeByteStops::Scan scan(stops, text);
  //   for (size_t p = scan.skip(0); p < text.size(); p = scan.skip(p + 3)) …
  class Scan {
   public:
    Scan(const ThreeByteStops& stops, std::string_view s) : stops_(stops), s_(s) {}
    size_t skip(size_t pos) {
      if (!wide::kAvailable) return stops_.skip_scalar(s_, pos);
      // (in the block read, at a character's first byte: the block's next stop from there)
      if (pos >= start_ && pos < end_ && !is_continuation(pos)) {
        if (const uint64_t later = block_.stops >> (pos - start_)) {
          return pos + static_cast<size_t>(std::countr_zero(later));
        }
        pos = block_.next;
      }
      return read_blocks(pos);
    }

   private:
    bool is_continuation(size_t pos) const {
      return (static_cast<unsigned char>(s_[pos]) & 0xC0u) == 0x80u;
    }
    size_t read_blocks(size_t pos) {
      const auto* u = reinterpret_cast<const unsigned char*>(s_.data());
      while (pos < s_.size() && !is_continuation(pos)) {
        block_ = wide::stops_of(u, s_.size(), pos, stops_.wide_);
        if (!block_.exact) break;
        start_ = pos;
        end_ = std::min(pos + 64, s_.size());
        if (block_.stops != 0) return pos + static_cast<size_t>(std::countr_zero(block_.stops));
        pos = block_.next;
      }
      start_ = end_ = 0;
      return stops_.skip_scalar(s_, pos);
    }
    const ThreeByteStops& stops_;
    std::string_view s_;
    wide::Block block_{};
    size_t start_ = 0, end_ = 0;  // of block_, whose stops hold there
  };

 private:
  size_t skip_scalar(std::string_view s, size_t pos) const {
    const auto* u = reinterpret_cast<const unsigned char*>(s.data());
    // Where six bytes are left no more (pos < rounds_end, not pos + 6 <= s.size(): gcc warns
    // of the reads at a position that would wrap around).
    const size_t rounds_end = s.size() < 6 ? 0 : s.size() - 5;
    for (;;) {
      // Two characters a round while six bytes are left: one bound check and one test of both
      // lead bytes (the scans of the fact stage pass every character of a report here).
      while (pos < rounds_end) {
        uint32_t w = 0;
        std::memcpy(&w, u + pos, sizeof w);
        if ((w & kLeadsMask) != kLeads) break;  // not two three-byte characters: one at a time
        if (tails_[tail_key(u + pos + 1)]) return pos;
        if (tails_[tail_key(u + pos + 4)]) return pos + 3;
        pos += 6;
      }
      if (pos >= s.size()) return pos;
      if (u[pos] < 0x80) {
        if (!wide_.ascii_passes[u[pos]]) return pos;
        ++pos;
      } else if ((u[pos] & 0xF0u) == 0xE0u && pos + 3 <= s.size() &&
                 !tails_[tail_key(u + pos + 1)]) {
        pos += 3;
      } else {
        return pos;
      }
    }
  }

  // The high four bits of bytes 0 and 3 of four read into a number (memcpy): the lead bytes of
  // two three-byte characters, 1110xxxx each. (Four bytes, not eight: the constants fit in the
  // instructions that test them, so no register holds them in the loops of the scans.)
  static constexpr uint32_t kLeadsMask = first_four(lead_bytes(0xF0)),
                            kLeads = first_four(lead_bytes(0xE0));
  // By tail_key, a byte per key rather than a bit: the test is one compare in the loop over every
  // character. An entry for every such number (64 KB), though only those of two continuation
  // bytes are ever set or read (4 KB of it, all that a scan brings into the cache): masking the
  // bytes to their low six bits, for a 16 KB table, cost an instruction per character of every
  // scan.
  std::array<bool, 0x10000> tails_{};
  // The set again, as the wide step reads it, and pass_ascii's (none: every ASCII character stops
  // skip()). With tails_, all zero until set: a ThreeByteStops in static storage takes no
  // clearing at the start.
  wide::Tables wide_{};
};

// Pairs of a three-byte character and the character after it, tested on their bytes as they
// stand in the text (the tail_key of each, or the next one's byte where it is ASCII): where a
// ThreeByteStops scan for words stopped at the first character of one, the pair rules out most
// characters that start none (上海 where 上年 is a word, 一支 where 一年 is) without decoding them
// or looking their words up. A bitmap of hashed pairs: one not added may pass too, never the
// reverse.
//
//   text::ThreeBytePairs pairs;
//   pairs.add(U'上', U'年');  // the first two characters of 上年
//   pairs.add_any(U'已');     // a word of one character: before any
//   pairs.add_start("上年");  // a word of either: its first two, or its one before any
//   if (!pairs.may_start(text, at)) …  // no pair added stands at `at`
class ThreeBytePairs {
 public:
  // `first` and `next` U+0800..U+FFFF, `next` also ASCII; may_start passes the others anyway.
  void add(char32_t first, char32_t next) {
    if (three_bytes(first) && (next < 0x80 || three_bytes(next))) {
      pairs_.set(bit(tail_key(first), next < 0x80 ? static_cast<uint16_t>(next) : tail_key(next)));
    }
  }
  // Any character after `first` (U+0800..U+FFFF).
  void add_any(char32_t first) {
    if (three_bytes(first)) any_.set(tail_key(first));
  }
  // The start of `word` (UTF-8): its first two characters, or any character after its first
  // where it has one only or a second the pairs do not take (of two or four bytes): a scan for
  // words stops at most of those it may start at.
  void add_start(std::string_view word) {
    if (word.empty()) return;
    const auto* u = reinterpret_cast<const unsigned char*>(word.data());
    const size_t first_length = std::min(utf8::sequence_length(u[0]), word.size());
    const char32_t first = utf8::code_point(u, first_length);
    if (first_length == word.size()) return add_any(first);
    const size_t next_length =
        std::min(utf8::sequence_length(u[first_length]), word.size() - first_length);
    const char32_t next = utf8::code_point(u + first_length, next_length);
    if (next >= 0x80 && !three_bytes(next)) return add_any(first);
    add(first, next);
  }
  // False when the three-byte character at `pos` and the next one are no pair added; true where
  // they may be, and where `pos` holds no three-byte character or fewer than three bytes follow
  // it.
  bool may_start(std::string_view s, size_t pos) const {
    const auto* u = reinterpret_cast<const unsigned char*>(s.data()) + pos;
    if (s.size() - pos < 6 || (u[0] & 0xF0u) != 0xE0u) return true;
    const uint16_t first = tail_key(u + 1);
    if (any_.test(first)) return true;
    uint16_t next = u[3];
    if (next >= 0x80) {
      if ((next & 0xF0u) != 0xE0u) return true;  // (a character of two or four bytes)
      next = tail_key(u + 4);
    }
    return pairs_.test(bit(first, next));
  }

 private:
  static bool three_bytes(char32_t c) { return c >= 0x800 && c <= 0xFFFF; }
  static size_t bit(uint16_t first, uint16_t next) {
    return ((uint32_t{first} << 16 | next) * 0x9E3779B1u) >> 16;
  }
  std::bitset<0x10000> pairs_, any_;  // any_: by the first's tail_key
};

}  // namespace zhreport::text
