// Small text helpers shared by the document and facts stages: UTF-8 stepping, display width,
// and reading the project's TSV tables (data/*.tsv, embedded in the library).
#pragma once

#include <algorithm>
#include <bitset>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "utf8.h"

namespace zhreport::text {

// Start of the character after the one at `pos` (clamped to the end).
inline size_t next_char(std::string_view s, size_t pos) {
  size_t next = pos + utf8::sequence_length(static_cast<unsigned char>(s[pos]));
  return next < s.size() ? next : s.size();
}

// Start of the character before `pos` (pos > 0, the start of a character).
inline size_t previous_char(std::string_view s, size_t pos) {
  // (most characters are three bytes long: told by one test of their lead byte, where the walk
  // back tested three bytes)
  if (pos >= 3 && (static_cast<unsigned char>(s[pos - 3]) & 0xF0u) == 0xE0u) return pos - 3;
  do {
    --pos;
  } while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80);
  return pos;
}

// The code point of the three-byte sequence at `pos` (pos + 3 <= s.size()): all of CJK.
inline char32_t three_byte_code_point(std::string_view s, size_t pos) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]) & 0x3Fu; };
  return ((static_cast<unsigned char>(s[pos]) & 0x0Fu) << 12) | (byte(pos + 1) << 6) |
         byte(pos + 2);
}

// code_point_at for the characters other than ASCII and whole three-byte ones (out of line).
char32_t code_point_at_other(std::string_view s, size_t pos);

// The code point at `pos` (valid UTF-8 assumed; decode.h guarantees it; a sequence cut by the
// end of `s` reads as if padded with zero bits). ASCII and three-byte characters are read here,
// the rest out of line: whole, gcc did not inline it into the lexicon lookups that ask it of
// most characters of a report (a call each).
inline char32_t code_point_at(std::string_view s, size_t pos) {
  const auto lead = static_cast<unsigned char>(s[pos]);
  if (lead < 0x80) return lead;
  if ((lead & 0xF0u) == 0xE0u && pos + 3 <= s.size()) return three_byte_code_point(s, pos);
  return code_point_at_other(s, pos);
}

// code_point_at(s, pos), and `next` = next_char(s, pos): the three-byte case (all of CJK) without
// the checks of the general one, for the scans that visit every character of a text.
inline char32_t char_at(std::string_view s, size_t pos, size_t& next) {
  if ((static_cast<unsigned char>(s[pos]) & 0xF0u) == 0xE0u && pos + 3 <= s.size()) {
    next = pos + 3;
    return three_byte_code_point(s, pos);
  }
  next = next_char(s, pos);
  return code_point_at(s, pos);
}

size_t count_code_points(std::string_view s);

// Whether `word` stands at s[pos] (pos + word.size() <= s.size()) when its first `known` bytes
// are known to: the others compared one by one, for the short words (verbs, cues) looked up at
// every character that starts one, where a call to memcmp cost more than the comparison.
inline bool rest_matches(std::string_view s, size_t pos, std::string_view word, size_t known) {
  for (size_t i = known; i < word.size(); ++i) {
    if (s[pos + i] != word[i]) return false;
  }
  return true;
}

// s.find(word, from). std::string_view::find stops (a memchr call each) at every byte equal to
// the word's first, and an ideograph's lead byte (E4..E9) is shared by a sixth of a Chinese text
// (年, 平, 日, 月 share E5 or E6): for a word that starts with one, memchr goes instead from one
// of the word's last continuation byte to the next, a byte that about one character in sixty
// ends with. Punctuation's lead bytes are rarer than that (“ E2), its last bytes not. Other
// words go through memmem over long texts, which skips ahead once it has built its table (not
// worth it for a clause).
inline size_t find(std::string_view s, std::string_view word, size_t from = 0) {
  const auto lead = word.empty() ? 0u : static_cast<unsigned char>(word[0]);
  size_t anchor = lead >= 0xE4 && lead <= 0xE9 && from < s.size() ? word.size() : 0;
  while (anchor > 0 && (static_cast<unsigned char>(word[anchor - 1]) & 0xC0u) != 0x80u) --anchor;
  if (anchor == 0) {
    constexpr size_t kLong = 512;  // bytes
    if (s.size() - std::min(from, s.size()) < kLong || word.size() < 3) return s.find(word, from);
    const void* at = memmem(s.data() + from, s.size() - from, word.data(), word.size());
    return at ? static_cast<size_t>(static_cast<const char*>(at) - s.data())
              : std::string_view::npos;
  }
  --anchor;  // (at least 1: the lead is no continuation byte)
  // (the byte before the anchor first, and the last byte of the character before the anchor's:
  // they rule out most without a call, also where the last character is common, 院 of 我院)
  for (size_t at = from + anchor; at < s.size(); ++at) {
    const void* hit = std::memchr(s.data() + at, word[anchor], s.size() - at);
    if (!hit) break;
    at = static_cast<size_t>(static_cast<const char*>(hit) - s.data());
    const size_t start = at - anchor;
    if (s[at - 1] == word[anchor - 1] && (anchor < 3 || s[at - 3] == word[anchor - 3]) &&
        s.size() - start >= word.size() &&
        std::memcmp(s.data() + start, word.data(), word.size()) == 0) {
      return start;
    }
  }
  return std::string_view::npos;
}
inline bool contains(std::string_view s, std::string_view word) {
  return find(s, word) != std::string_view::npos;
}

// Whether a word occurs in one span of a text after another, the spans in order (a document's
// lines): one search over the text finds the word's next occurrence for every span before it,
// where a search in each span costs a call per line for a word that most lines lack.
//
//   text::NextOccurrence arrow(text, ">");
//   arrow.within(line_start, line_end);  // line_start never below the last call's
class NextOccurrence {
 public:
  NextOccurrence(std::string_view text, std::string_view word)
      : text_(text), word_(word), next_(search(0)) {}
  // Whether the word lies wholly in [start, end) of the text.
  bool within(size_t start, size_t end) {
    if (next_ < start) next_ = search(start);
    return next_ != std::string_view::npos && next_ + word_.size() <= end;
  }

 private:
  // text::find for a word of ideographs (its search anchored on a rare byte); for another, memchr
  // from one of its first byte to the next, a byte rare in a report (>, |, /, », ＞) where
  // std::string_view::find tests every byte of the whole text and memmem builds a table first.
  size_t search(size_t from) const {
    const auto lead = word_.empty() ? 0u : static_cast<unsigned char>(word_[0]);
    if (word_.empty() || (lead >= 0xE4 && lead <= 0xE9)) return find(text_, word_, from);
    for (size_t at = from; at < text_.size(); ++at) {
      const void* hit = std::memchr(text_.data() + at, word_[0], text_.size() - at);
      if (!hit) break;
      at = static_cast<size_t>(static_cast<const char*>(hit) - text_.data());
      if (text_.substr(at).starts_with(word_)) return at;
    }
    return std::string_view::npos;
  }

  std::string_view text_, word_;
  size_t next_;  // where the word occurs first from the last start asked; npos for nowhere
};
// s.ends_with(word), its last byte compared first, inline: asked before most numbers, where the
// byte rules out nearly every word without a call to memcmp.
inline bool ends_with(std::string_view s, std::string_view word) {
  return word.empty() || (s.size() >= word.size() && s.back() == word.back() && s.ends_with(word));
}
// s.starts_with(word), the same way: the byte where the word would end compared first (a word
// of ideographs opens with a lead byte a sixth of a text shares), asked after most places.
inline bool starts_with(std::string_view s, std::string_view word) {
  return word.empty() ||
         (s.size() >= word.size() && s[word.size() - 1] == word.back() && s.starts_with(word));
}
// Whether `word` stands at s[pos] and ends by `limit`, the same way, with no view made of the
// rest: asked around most counts and places, where a call to text::starts_with or memcmp costs
// more than the test.
inline bool word_at(std::string_view s, size_t pos, size_t limit, std::string_view word) {
  size_t n = word.size();
  return n == 0 || (pos + n <= limit && s[pos + n - 1] == word[n - 1] &&
                    std::memcmp(s.data() + pos, word.data(), n - 1) == 0);
}

// Columns on a terminal: 2 for CJK and full-width characters, 1 for the rest. Web pages cut
// teaser lines at a fixed width, which this measures. Counting stops once `enough` is reached.
size_t display_width(std::string_view s, size_t enough = SIZE_MAX);

// display_width(s, width) >= width, without measuring a text too short for it: in UTF-8 no
// character is wider than its bytes (two columns take three or four), and most lines a
// document's analysis asks about are short.
inline bool is_wide(std::string_view s, size_t width) {
  return s.size() >= width && display_width(s, width) >= width;
}

// trim() of a text that opens or ends with one of the bytes of a blank (out of line).
std::string_view trim_blanks(std::string_view s);

// Without leading and trailing ASCII blanks, U+3000 and NBSP. Most texts trimmed (every line of
// a document) have none: told by their first and last bytes, inline.
inline std::string_view trim(std::string_view s) {
  const auto opens_blank = [](unsigned char c) {  // (U+3000 E3 80 80, NBSP C2 A0)
    return c == ' ' || c == '\t' || c == '\r' || c == 0xE3 || c == 0xC2;
  };
  const auto ends_blank = [](unsigned char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == 0x80 || c == 0xA0;
  };
  if (s.empty() || (!opens_blank(static_cast<unsigned char>(s.front())) &&
                    !ends_blank(static_cast<unsigned char>(s.back())))) {
    return s;
  }
  return trim_blanks(s);
}

std::vector<std::string_view> split(std::string_view s, char separator);

// Tables written as lines with `|` between cells (| 桦南县 | 14 | 186 |, 县名|人数|手术; the
// full-width ｜ is normalized to it): a line's separators, and whether it is the rule a
// Markdown-like table draws under its header (|---|:---:|), separators, dashes, colons and
// blanks only.
inline size_t cell_separators(std::string_view line) {
  // memchr from one to the next: most lines hold none, and a test of every byte showed in the
  // profile (every line of every document is asked).
  size_t n = 0;
  for (size_t at = line.find('|'); at != std::string_view::npos; at = line.find('|', at + 1)) ++n;
  return n;
}
bool is_table_rule(std::string_view line);

// split() without its vector: `f(part)` for each part, in order (memchr, not a test of every
// byte). The tables read at every start-up split thousands of fields.
template <typename F>
void for_each_part(std::string_view s, char separator, F&& f) {
  for (size_t start = 0;;) {
    size_t end = s.find(separator, start);
    f(s.substr(start, end - start));
    if (end == s.npos) break;
    start = end + 1;
  }
}

// Keys to the numbers 0, 1, 2… in the order first added: open addressing over a power-of-two
// table at most half full, so that a lookup is a multiplication and a probe or two (the
// indexes below answer a lookup for most characters of every text).
class KeySlots {
 public:
  // The number of `key`, given to it now when new.
  uint32_t insert(uint64_t key) {
    if ((size_ + 1) * 2 > keys_.size()) grow();
    size_t i = probe(key);
    if (slots_[i] == 0) {
      keys_[i] = key;
      slots_[i] = ++size_;
    }
    return slots_[i] - 1;
  }
  // The number of `key`, or kNone.
  static constexpr uint32_t kNone = UINT32_MAX;
  uint32_t find(uint64_t key) const {
    if (keys_.empty()) return kNone;
    return slots_[probe(key)] - 1;  // 0 (empty) - 1 == kNone
  }

 private:
  size_t probe(uint64_t key) const {
    size_t mask = keys_.size() - 1;
    size_t i = static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
    while (slots_[i] != 0 && keys_[i] != key) i = (i + 1) & mask;
    return i;
  }
  void grow() {
    std::vector<uint64_t> keys = std::move(keys_);
    std::vector<uint32_t> slots = std::move(slots_);
    keys_.assign(keys.empty() ? 16 : keys.size() * 2, 0);
    slots_.assign(keys_.size(), 0);
    for (size_t i = 0; i < keys.size(); ++i) {
      if (slots[i] != 0) {
        size_t at = probe(keys[i]);
        keys_[at] = keys[i];
        slots_[at] = slots[i];
      }
    }
  }
  std::vector<uint64_t> keys_;
  std::vector<uint32_t> slots_;  // the key's number + 1; 0: empty
  uint32_t size_ = 0;
};

// Words keyed by one of their characters (the first, unless told), with a bitmap of those
// characters so that most lookups end without a hash lookup.
template <typename Value>
class CharIndex {
 public:
  using Entry = std::pair<std::string_view, Value>;

  // `word` must outlive the index (the embedded tables do).
  void add(char32_t key, std::string_view word, Value value) {
    seen_.set(key & 0xFFFF);
    uint32_t slot = slots_.insert(key);
    if (slot == lists_.size()) lists_.emplace_back();
    lists_[slot].emplace_back(word, value);
  }
  void add(std::string_view word, Value value) { add(code_point_at(word, 0), word, value); }
  // The words under `key`, in the order added, or nullptr.
  const std::vector<Entry>* find(char32_t key) const {
    if (!seen_.test(key & 0xFFFF)) return nullptr;
    uint32_t slot = slots_.find(key);
    return slot == KeySlots::kNone ? nullptr : &lists_[slot];
  }

 private:
  std::bitset<0x10000> seen_;
  KeySlots slots_;
  std::vector<std::vector<Entry>> lists_;
};

// A set of words to test the start or the end of a text against (the non-count words of
// facts.cpp): a lookup by the text's first or last character instead of a scan of them all.
class WordList {
 public:
  void add(std::string_view word) {
    by_first_.add(word, true);
    by_last_.add(code_point_at(word, previous_char(word, word.size())), word, true);
  }
  bool starts(std::string_view s) const {
    const auto* words = s.empty() ? nullptr : by_first_.find(code_point_at(s, 0));
    return words && std::any_of(words->begin(), words->end(),
                                [&](const auto& w) { return text::starts_with(s, w.first); });
  }
  bool ends(std::string_view s) const {
    const auto* words =
        s.empty() ? nullptr : by_last_.find(code_point_at(s, previous_char(s, s.size())));
    return words && std::any_of(words->begin(), words->end(),
                                [&](const auto& w) { return text::ends_with(s, w.first); });
  }

 private:
  CharIndex<bool> by_first_, by_last_;
};

// Words of two or more characters found at a position of a text, for scanning a text for many
// words at once: keyed by their first two code points, with a bitmap of first code points so
// that most positions are rejected without a hash lookup.
template <typename Value>
class WordIndex {
 public:
  using Entry = std::pair<std::string_view, Value>;

  // `word` must outlive the index (the embedded tables do).
  void add(std::string_view word, Value value) {
    char32_t first = code_point_at(word, 0);
    first_seen_.set(first & 0xFFFF);
    uint64_t k = key(first, code_point_at(word, next_char(word, 0)));
    pair_seen_.set(filter(k));
    uint32_t slot = slots_.insert(k);
    if (slot == lists_.size()) lists_.emplace_back();
    lists_[slot].emplace_back(word, value);
  }
  // Orders each key's words longest first (stable: equal lengths keep their order of add()).
  void finish() {
    for (auto& list : lists_) {
      if (list.size() < 2) continue;  // most: and stable_sort would allocate its buffer
      std::stable_sort(list.begin(), list.end(), [](const Entry& a, const Entry& b) {
        return a.first.size() > b.first.size();
      });
    }
  }
  // False when no word starts with the character `first` (true: one may).
  bool may_start_with(char32_t first) const { return first_seen_.test(first & 0xFFFF); }
  // The words that may start at `pos` (longest first; the caller compares), or nullptr.
  const std::vector<Entry>* candidates(std::string_view s, size_t pos) const {
    size_t ignored = 0;
    return candidates(s, pos, ignored);
  }
  // The same, and `prefix`: the bytes of the two characters at `pos` that every candidate
  // starts with (a caller compares only the rest).
  const std::vector<Entry>* candidates(std::string_view s, size_t pos, size_t& prefix) const {
    char32_t first = code_point_at(s, pos);
    return may_start_with(first) ? candidates_after(s, pos, first, prefix) : nullptr;
  }
  // The same, for a caller that has read `first`, the character at `pos`, and found that a word
  // may start with it (may_start_with).
  const std::vector<Entry>* candidates_after(std::string_view s, size_t pos, char32_t first,
                                             size_t& prefix) const {
    size_t second = next_char(s, pos);
    if (second >= s.size()) return nullptr;
    uint64_t k = key(first, code_point_at(s, second));
    if (!pair_seen_.test(filter(k))) return nullptr;
    uint32_t slot = slots_.find(k);
    if (slot == KeySlots::kNone) return nullptr;
    prefix = next_char(s, second) - pos;
    return &lists_[slot];
  }
  // The words that start with the characters `first`, `second`, for a caller that has read
  // both, or nullptr.
  const std::vector<Entry>* candidates_of(char32_t first, char32_t second) const {
    uint32_t slot = slots_.find(key(first, second));
    return slot == KeySlots::kNone ? nullptr : &lists_[slot];
  }

 private:
  static uint64_t key(char32_t a, char32_t b) { return (uint64_t{a} << 32) | b; }
  static size_t filter(uint64_t k) { return (k * 0xD6E8FEB86659FD93ull) >> 48; }
  std::bitset<0x10000> first_seen_;
  std::bitset<0x10000> pair_seen_;  // filter(key) of the words: most pairs of a text are none
  KeySlots slots_;
  std::vector<std::vector<Entry>> lists_;
};

// The rows of a TSV table: comment lines (#) and blank lines skipped, fields split on tabs.
std::vector<std::vector<std::string_view>> tsv_rows(std::string_view tsv);

// tsv_rows() without its vectors: `f(fields)` for each row, one vector of fields reused (the
// places' ~3,000 rows are read at every start-up).
template <typename F>
void for_each_tsv_row(std::string_view tsv, F&& f) {
  std::vector<std::string_view> fields;
  for_each_part(tsv, '\n', [&](std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') return;
    fields.clear();
    for_each_part(line, '\t', [&](std::string_view field) { fields.push_back(field); });
    f(static_cast<const std::vector<std::string_view>&>(fields));
  });
}

}  // namespace zhreport::text
