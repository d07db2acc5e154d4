#include "zhreport/clauses.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>

#include "document_text.h"
#include "numbers_chars.h"
#include "three_byte_stops.h"

namespace zhreport {
namespace embedded {
extern const std::string_view frames_tsv;
extern const std::string_view context_tsv;
}  // namespace embedded

namespace {

using text::code_point_at;
using text::next_char;

// What a character does to the reading: ends a sentence (。!?！？ and the end of a line),
// ends a clause (,，;；:：), or nothing.
enum class Mark { none, clause, sentence };
constexpr std::u32string_view kSentenceMarks = U"。!?！？\n";
constexpr std::u32string_view kClauseMarks = U",，;；:：";
// What parts the cells of a table's line (table_rows.h): blanks (U+00A0: a page's &nbsp;) and |.
constexpr std::u32string_view kCellBreaks = U" \t\u00a0\u3000|";

Persons persons_of(std::string_view s) {
  return s == "experts"    ? Persons::experts
         : s == "trainees" ? Persons::trainees
         : s == "patients" ? Persons::patients
                           : Persons::none;
}

Side side_of(std::string_view s) {
  return s == "from" ? Side::from : s == "to" ? Side::to : Side::none;
}

// experts,patients,other:unnamed → the overrides of a frame; - for none.
std::vector<Override> overrides_of(std::string_view column) {
  std::vector<Override> out;
  for (std::string_view item : text::split(column, ',')) {
    if (!item.empty() && item != "-") out.push_back(parse_override(item));
  }
  return out;
}

// A verb of the table as find_frames compares it: its bytes at hand, not behind the frame, and
// those after its first character (of `first` bytes) as eight read from the text hold them where
// there are no more than eight (`rest` under `rest_mask`, byte order: little-endian, as utf8.h's):
// one compare, where a loop compared them one by one.
struct Verb {
  std::string_view word;
  const Frame* frame;
  size_t first = 0;
  uint64_t rest = 0, rest_mask = 0;
  Verb(std::string_view w, const Frame* f) : word(w), frame(f) {
    first = std::min<size_t>(utf8::sequence_length(static_cast<unsigned char>(w[0])), w.size());
    if (w.size() - first > sizeof rest) return;
    std::memcpy(&rest, w.data() + first, w.size() - first);
    for (size_t i = 0; i < w.size() - first; ++i) rest_mask |= uint64_t{0xFF} << (8 * i);
  }
  // Whether the verb stands at s[p] (p + word.size() <= s.size()), its first character known to.
  bool at(std::string_view s, size_t p) const {
    if (rest_mask == 0 || p + first + sizeof rest > s.size()) {
      return text::rest_matches(s, p, word, first);
    }
    uint64_t bytes = 0;
    std::memcpy(&bytes, s.data() + p + first, sizeof bytes);
    return (bytes & rest_mask) == rest;
  }
};

// What a character is to the scan of a block, in one byte of FrameTable::role: nothing, a mark
// (kSentenceMarks, kClauseMarks), a break between cells (kCellBreaks), or the first character of
// verbs of the table (kFirstList on: the index of their list); with the bit kNumberStart where a
// number may start (numbers_chars.h).
enum Role : uint8_t {
  kNoRole,
  kClauseMark,
  kSentenceMark,
  kCellBreak,
  kFirstList,
  kNumberStart = 0x80
};

// A position of a clause where verbs of the table may start, and the list of those verbs.
struct Start {
  size_t pos;
  uint8_t list;
};

// A bit for the low six bits of a byte (where the continuation bytes that end UTF-8 sequences
// differ), for masks that rule out most of the positions where none of some words stands.
constexpr uint64_t last_bits(char c) { return uint64_t{1} << (static_cast<unsigned char>(c) & 63); }

struct FrameTable {
  std::vector<Frame> rows;
  // The verbs by first character, longest first, a pattern before the plain verb it starts with.
  std::vector<std::vector<Verb>> lists = std::vector<std::vector<Verb>>(kFirstList);
  // Of each list, the last_bits of the byte two after the verbs' first character (the last of a
  // three-byte second character), all of them where a verb of one character, or a second of
  // another length, matches whatever follows: a scan stopping at a first character (most are
  // common: 在, 下, 开, 进…) lists it only when that byte may be a verb's (most do not).
  std::array<uint64_t, kNumberStart> second_bits{};
  // The Role of every character of the Basic Multilingual Plane (a flat table: the scan looks
  // up every character it stops at, one load for both questions).
  std::array<uint8_t, 0x10000> role{};
  // The three-byte characters of some role by their last two bytes (text::tail_key), which
  // next_mark's scan tests of every character without decoding it: 0 where none ends so (most
  // characters), else the lead byte of the one that does and its role (lead << 8 | role), or
  // kShared << 8 where several do. The load that stops the scan tells it, mostly, what it
  // stopped at.
  // (tail_code and tail_stops start at a cache line: the entries a text reads, of tail_keys of
  // two continuation bytes, are the middle quarter of each run of 256, 64 bytes of tail_stops',
  // which sat across two lines each, and tail_code's 128 across three.)
  static constexpr uint16_t kShared = 0xFF;  // (never a lead byte)
  alignas(64) std::array<uint16_t, 0x10000> tail_code{};
  // Whether tail_code is not 0, a byte each: the test of the scan's loop over most characters,
  // one compare with memory where the code would take a load and a test (measured: skip_plain
  // testing tail_code alone, one table's lines read, not two, +2.5 M instructions on b3).
  alignas(64) std::array<bool, 0x10000> tail_stops{};
  // The lead byte of the three-byte character `c` (U+0800..U+FFFF).
  static uint16_t lead_of(char32_t c) { return static_cast<uint16_t>(0xE0 | (c >> 12)); }
  // The characters given a role (in tail_code, once their roles are set: none is kNoRole).
  void stop_at(std::u32string_view chars) {
    for (char32_t c : chars) {
      if (c < 0x800 || c > 0xFFFF) continue;
      uint16_t& code = tail_code[text::tail_key(c)];
      code = code == 0 || code >> 8 == lead_of(c) ? static_cast<uint16_t>(lead_of(c) << 8 | role[c])
                                                  : kShared << 8;
      tail_stops[text::tail_key(c)] = true;
    }
  }
  // The role of the three-byte character at `u`, whose tail_code is `code`.
  uint8_t role_of_three(uint16_t code, const unsigned char* u) const {
    if (code >> 8 == u[0]) return static_cast<uint8_t>(code);
    if (code >> 8 != kShared) return kNoRole;
    return role[text::three_byte_code_point({reinterpret_cast<const char*>(u), 3}, 0)];
  }
  // 其中, 此外, 同时…: words that make a clause continue the statement before it (the rows of
  // role `continues` in data/context.tsv), and the last_bits of their third bytes (all of them
  // where a word is too short for the test).
  text::WordList continues;
  uint64_t continues_third_bits = 0;
  uint8_t role_of(char32_t c) const { return c < 0x10000 ? role[c] : uint8_t{kNoRole}; }
  FrameTable() {
    constexpr std::string_view kEllipsis = "…";
    for (const auto& row : text::tsv_rows(embedded::frames_tsv)) {
      if (row.size() < 6) continue;
      Frame f;
      std::string_view verb = row[0];
      if (size_t gap = verb.find(kEllipsis); gap != verb.npos) {
        f.tail = verb.substr(gap + kEllipsis.size());
        verb = verb.substr(0, gap);
      }
      f.verb = verb;
      f.persons = persons_of(row[1]);
      f.subject = side_of(row[2]);
      f.place_after = side_of(row[3]);
      f.governs = row[4] == "before" ? Governs::before
                  : row[4] == "both" ? Governs::both
                                     : Governs::after;
      if (row[5] != "-") f.object_metric = row[5];
      if (row.size() >= 8) f.overrides = overrides_of(row[6]);
      rows.push_back(std::move(f));
    }
    std::u32string firsts;  // of the verbs
    std::vector<const Frame*> order;
    for (const Frame& f : rows) order.push_back(&f);
    std::stable_sort(order.begin(), order.end(), [](const Frame* a, const Frame* b) {
      if (a->verb.size() != b->verb.size()) return a->verb.size() > b->verb.size();
      return !a->tail.empty() && b->tail.empty();
    });
    for (const Frame* f : order) {
      char32_t first = code_point_at(f->verb, 0);
      if (f->verb.empty() || first >= 0x10000) continue;
      if (role[first] == kNoRole) {
        if (lists.size() == kNumberStart) continue;  // the table's limit of first characters
        role[first] = static_cast<uint8_t>(lists.size());
        lists.emplace_back();
      }
      lists[role[first]].push_back({f->verb, f});
      if (firsts.find(first) == firsts.npos) firsts += first;
      size_t second = next_char(f->verb, 0);
      bool second_of_three = second < f->verb.size() && next_char(f->verb, second) == second + 3;
      second_bits[role[first]] |= second_of_three ? last_bits(f->verb[second + 2]) : ~uint64_t{0};
    }
    for (char32_t c : kSentenceMarks) role[c] = kSentenceMark;
    for (char32_t c : kClauseMarks) role[c] = kClauseMark;
    for (char32_t c : kCellBreaks) role[c] = kCellBreak;
    const numbers_detail::StartTable& numbers = numbers_detail::start_table();
    for (char32_t c : numbers.chars()) role[c] |= kNumberStart;
    for (std::u32string_view marks : {std::u32string_view(firsts), kSentenceMarks, kClauseMarks,
                                      kCellBreaks, numbers.chars()}) {
      stop_at(marks);
    }
    for (const auto& row : text::tsv_rows(embedded::context_tsv)) {
      if (row.size() < 2 || row[0] != "continues" || row[1].empty()) continue;
      continues.add(row[1]);
      continues_third_bits |= row[1].size() >= 3 ? last_bits(row[1][2]) : ~uint64_t{0};
    }
  }
};

const FrameTable& table() {
  static const FrameTable instance;
  return instance;
}

// Whether the clause s[start, end) starts with a word that makes it continue the statement
// before it (FrameTable::continues). Every clause is asked: first the last_bits of its third
// byte (the last of a three-byte first character) against the words' (most clauses fail it),
// then a lookup by its first character (the rest start with one or two of the words).
bool starts_continuation(const FrameTable& t, std::string_view s, size_t start, size_t end) {
  if (end - start >= 3 && (t.continues_third_bits & last_bits(s[start + 2])) == 0) return false;
  return t.continues.starts(s.substr(start, end - start));
}

// The frames of a clause ending at `end`: every verb of the table, longest first at each
// position; `starts` are the positions of the clause, in order, where a verb of the table
// starts, with the list of those verbs, the only ones worth trying. How many it appends to `out`.
size_t find_frames(const FrameTable& t, std::string_view s, const std::vector<Start>& starts,
                   size_t end, std::vector<FrameHit>& out) {
  size_t free = 0;  // a verb found covers the positions before this
  size_t found = 0;
  for (const Start& start : starts) {
    size_t p = start.pos;
    if (p < free) continue;
    for (const Verb& verb : t.lists[start.list]) {
      // (their first characters are the same)
      const std::string_view word = verb.word;
      const Frame* frame = verb.frame;
      if (p + word.size() > end || !verb.at(s, p)) continue;
      FrameHit hit{frame, p, p + word.size(), p + word.size(), p + word.size()};
      if (!frame->tail.empty()) {
        // (text::find: the tails start with an ideograph, whose lead byte string_view::find
        // would stop at every sixth character of the clause)
        size_t at = text::find(s.substr(0, end), frame->tail, hit.end);
        if (at == std::string_view::npos) continue;
        hit.tail_start = at;
        hit.tail_end = hit.tail_start + frame->tail.size();
      }
      out.push_back(hit);
      ++found;
      free = p + word.size();
      break;
    }
  }
  return found;
}

// Whether `c` is an ASCII digit of no other role than starting numbers.
bool is_number_digit(char c, const FrameTable& t) {
  return c >= '0' && c <= '9' && t.role[static_cast<unsigned char>(c)] == kNumberStart;
}

// Whether a verb of list `role` may start at a character whose next one ends in `byte` (two
// bytes after the character's end: FrameTable::second_bits; all the verbs of a list where its
// bits are all set). (The byte is shifted here rather than through last_bits, which measured
// +0.36 M instructions on the bench slice.)
bool may_start(const FrameTable& t, uint8_t role, unsigned char byte) {
  return ((t.second_bits[role] >> (byte & 63)) & 1) != 0;
}

// Past the three-byte characters of no role from `p`, two a round (ThreeByteStops' loop, on
// tail_stops) while nine bytes are left before `rounds_end` + 8: the tail_code of the one it
// stops at, `p` at it, or 0 where something else stands at `p` (or too few bytes are left), for
// next_mark to tell what without returning to this loop for each such character.
// (Measured on b3, plain Release, and dropped: may_start asked here, so that a verb's first
// character no verb's second follows is passed in the loop (~49 K of ~120 K stops), +1.15 M
// instructions and no fewer mispredicts (cachegrind), cmpbin no faster: the branch moves, it
// does not go; the round's two stop tests as one branch, +0.68 M; its lead test on four bytes,
// +0.70 M; next_mark's starts written without a branch and counted by may_start, +2.1 M; a run
// of ASCII characters of no role passed at once, +0.5 M: gcc's registers for the loop, each.)
uint16_t skip_plain(const unsigned char* u, size_t& p, size_t rounds_end, const FrameTable& t) {
  constexpr uint64_t kLeadsMask = text::lead_bytes(0xF0), kLeads = text::lead_bytes(0xE0);
  while (p < rounds_end) {
    uint64_t w = 0;
    std::memcpy(&w, u + p, sizeof w);
    if (const uint64_t leads = w & kLeadsMask; leads != kLeads) {
      // A three-byte character before one of another length (a mark, a digit: ~40 K on the
      // bench slice) is told here too, not by next_mark's way for any character. (Its lead
      // byte read from `leads`: reading u[p] again, gcc built a loop of one more instruction.)
      if (static_cast<uint8_t>(leads) != 0xE0) return 0;
      if (t.tail_stops[text::tail_key(u + p + 1)]) return t.tail_code[text::tail_key(u + p + 1)];
      p += 3;
      return 0;
    }
    if (t.tail_stops[text::tail_key(u + p + 1)]) return t.tail_code[text::tail_key(u + p + 1)];
    if (t.tail_stops[text::tail_key(u + p + 4)]) {
      p += 3;
      return t.tail_code[text::tail_key(u + p + 1)];
    }
    p += 6;
  }
  return 0;
}

// The first mark of [p, end) (Mark::sentence at `end`): its position, with `mark` and `next`
// (the start of the character after it) set; the positions before it where a verb of the frame
// table may start are appended to `starts`, those where a number may are to `number_starts`;
// `cell_break` is set when a break between cells lies before it.
// The loop of every character: kept apart from read_blocks, which holds too much for the
// registers.
size_t next_mark(std::string_view s, size_t p, size_t end, const FrameTable& t,
                 std::vector<Start>& starts, std::vector<size_t>& number_starts, Mark& mark,
                 size_t& next, bool& cell_break) {
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  // (where nine bytes of the block are left no more: not p + 9 <= end, which gcc warns wraps)
  const size_t rounds_end = end < 9 ? 0 : end - 8;
  for (;;) {
    size_t after = 0;
    uint8_t role = kNoRole;
    if (uint16_t code = skip_plain(u, p, rounds_end, t)) {
      // (most of the characters it stops at: their role told by the load that stopped it)
      after = p + 3;
      role = t.role_of_three(code, u + p);
      if (role >= kFirstList && role < kNumberStart) {  // (most: the first characters of verbs)
        // (the next character's last byte, if it has three, lies in the block: skip_plain stops
        // while nine bytes are left)
        if (may_start(t, role, u[after + 2])) starts.push_back({p, role});
        p = after;
        continue;
      }
    } else if (p >= end) {
      break;
    } else if (u[p] < 0x80) {
      if (is_number_digit(s[p], t)) {  // a run of digits (most of what a number starts at)
        // Its first digit only: a number read there takes the run whole, or none does and the
        // reading passes it whole (numbers.h).
        number_starts.push_back(p++);
        while (p < end && is_number_digit(s[p], t)) ++p;
        continue;
      }
      after = p + 1;
      role = t.role[u[p]];
    } else if ((u[p] & 0xF0u) == 0xE0u && p + 3 <= s.size()) {
      after = p + 3;
      role = t.role_of_three(t.tail_code[text::tail_key(u + p + 1)], u + p);
    } else {
      role = t.role_of(text::char_at(s, p, after));
    }
    if (role == kNoRole) {
      p = after;
      continue;
    }
    if (role & kNumberStart) {
      number_starts.push_back(p);
      role &= ~kNumberStart;
    }
    if (role == kClauseMark || role == kSentenceMark) {
      mark = role == kSentenceMark ? Mark::sentence : Mark::clause;
      next = after;
      return p;
    }
    if (role >= kFirstList && (after + 2 < end ? may_start(t, role, u[after + 2])
                                               : t.second_bits[role] == ~uint64_t{0})) {
      starts.push_back({p, role});
    }
    if (role == kCellBreak) cell_break = true;
    p = after;
  }
  mark = Mark::sentence;  // the end of the block ends a sentence
  next = p;
  return p;
}

// One pass over the characters of each countable block of `blocks`: where its clauses and
// sentences end, where a verb of the frame table may start (`starts`: scratch, reused across
// blocks), and whether cells may part it. (The blocks of a document at once: per block, the
// table, the sizes of r's vectors and the registers took ~50 instructions, 8.7 K blocks on the
// bench slice.)
void read_blocks(std::string_view s, std::span<const Block> blocks, Reading& r,
                 std::vector<Start>& starts) {
  const FrameTable& t = table();
  // The sizes of r's vectors, at hand for every clause (size() divides by the size of an item).
  size_t clauses = r.clauses.size(), frames = r.frames.size(), sentences = r.sentences.size();
  for (size_t block = 0; block < blocks.size(); ++block) {
    if (!is_countable(blocks[block].kind)) continue;
    size_t p = blocks[block].start;
    const size_t end = blocks[block].end;
    bool cell_break = false;
    while (p < end) {
      const size_t sentence_start = p, first_clause = clauses;
      Mark mark = Mark::none;
      do {
        const size_t clause_start = p, first_frame = frames;
        size_t next = 0;
        p = next_mark(s, p, end, t, starts, r.number_starts, mark, next, cell_break);
        if (p > clause_start) {
          if (!starts.empty()) {  // most clauses: none
            frames += find_frames(t, s, starts, p, r.frames);
            starts.clear();
          }
          r.clauses.push_back({clause_start, p, sentences, first_frame, frames,
                               starts_continuation(t, s, clause_start, p)});
          ++clauses;
        }
        p = next;
      } while (mark != Mark::sentence);
      if (clauses > first_clause) {
        r.sentences.push_back(
            {sentence_start, p, block, first_clause, clauses, r.clauses[first_clause].continues});
        ++sentences;
      }
    }
    if (cell_break) r.blocks_with_cell_breaks.push_back(block);
  }
}

}  // namespace

Override parse_override(std::string_view item) {
  Override o;
  size_t colon = item.find(':');
  o.metric = item.substr(0, colon);
  std::string_view named = colon == item.npos ? "" : item.substr(colon + 1);
  o.named = named == "unnamed"  ? Override::Named::unnamed
            : named == "either" ? Override::Named::either
            : named == "before" ? Override::Named::before
                                : Override::Named::any;
  return o;
}

bool governs_counts(const Frame& frame) {
  return frame.persons != Persons::none || !frame.object_metric.empty();
}

const std::vector<Frame>& frames() { return table().rows; }

size_t Reading::clause_at(size_t pos) const {
  // (the clauses are in order and do not overlap: the first that ends after `pos` holds it, if
  // any does)
  const auto& index = first_clause_of_bucket;
  size_t k = index.empty() ? 0 : index[std::min(pos / kClauseBucket, index.size() - 1)];
  while (k < clauses.size() && clauses[k].end <= pos) ++k;
  return k < clauses.size() && clauses[k].start <= pos ? k : clauses.size();
}

namespace {

// Clause by clause: clause k is the first that ends after the start of the buckets from the
// first past the clause before's end to the first past its own (none where both ends share a
// bucket). The first two of them are written whatever their number (a clause is shorter than a
// bucket, mostly, and the next clause writes over what is not its), the rest, if any, by a loop:
// a walk of the buckets that asked of each whether the next clause ends there mispredicted
// (~37 K on the bench slice, cachegrind).
void index_clauses(Reading& r, size_t text_size) {
  constexpr size_t kBucket = Reading::kClauseBucket;
  const size_t buckets = text_size / kBucket + 1;
  auto& index = r.first_clause_of_bucket;
  index.resize(buckets + 2);  // (room for the writes past the last bucket, dropped at the end)
  uint32_t* out = index.data();
  size_t from = 0;  // the first bucket not given a clause yet
  for (size_t k = 0; k < r.clauses.size(); ++k) {
    const size_t to = (r.clauses[k].end + kBucket - 1) / kBucket;  // (at most `buckets`)
    out[from] = out[from + 1] = static_cast<uint32_t>(k);
    if (to > from + 2) std::fill(out + from + 2, out + to, static_cast<uint32_t>(k));
    from = to;
  }
  std::fill(out + from, out + buckets, static_cast<uint32_t>(r.clauses.size()));
  index.resize(buckets);
}

}  // namespace

Reading read_clauses(std::string_view text) {
  Reading r;
  std::vector<Start> starts;
  const Block whole{BlockKind::paragraph, 0, text.size()};
  read_blocks(text, {&whole, 1}, r, starts);
  index_clauses(r, text.size());
  return r;
}

Reading read_clauses(std::string_view text, const Document& document) {
  Reading r;
  read_clauses(text, document, r);
  return r;
}

void read_clauses(std::string_view text, const Document& document, Reading& r) {
  r.sentences.clear();
  r.clauses.clear();
  r.frames.clear();
  r.number_starts.clear();
  r.blocks_with_cell_breaks.clear();
  // Room for the clauses, frames and sentences of ordinary prose (a clause every ~40 bytes, a
  // sentence every ~115), so that the vectors seldom grow while the blocks are read.
  r.clauses.reserve(text.size() / 32);
  r.frames.reserve(text.size() / 32);
  r.sentences.reserve(text.size() / 96);
  r.number_starts.reserve(text.size() / 16);
  std::vector<Start> starts;
  starts.reserve(64);  // more than a clause holds: the scratch does not grow in every document
  read_blocks(text, document.blocks, r, starts);
  index_clauses(r, text.size());
}

namespace {

// Whether `clause` continues the statement before it: it says so (其中…), or it opens with a
// count right after a clause that says so, the next part of the same breakdown (其中2人任副院长,
// 6人任护士长).
bool continues_before(const Reading& r, size_t clause) {
  const Clause& c = r.clauses[clause];
  if (c.continues) return true;
  if (clause == r.sentences[c.sentence].first_clause || !r.clauses[clause - 1].continues) {
    return false;
  }
  return std::binary_search(r.number_starts.begin(), r.number_starts.end(), c.start);
}

}  // namespace

const FrameHit* governing_frame(const Reading& r, size_t clause, size_t pos) {
  if (clause >= r.clauses.size()) return nullptr;
  const Clause& c = r.clauses[clause];
  const FrameHit* before = nullptr;
  for (size_t i = c.first_frame; i < c.end_frame; ++i) {
    const FrameHit& hit = r.frames[i];
    if (!governs_counts(*hit.frame)) continue;
    bool governs_before = hit.frame->governs != Governs::after;
    bool governs_after = hit.frame->governs != Governs::before;
    if (hit.start >= pos && governs_before) return &hit;
    if (hit.end <= pos && governs_after) before = &hit;
  }
  if (before) return before;
  for (size_t i = c.first_frame; i < c.end_frame; ++i) {
    if (governs_counts(*r.frames[i].frame)) return nullptr;  // its own verbs do not govern it
  }
  // A clause that continues the one before it (其中…) without a verb of its own continues the
  // last frame of its sentence.
  if (!continues_before(r, clause)) return nullptr;
  for (size_t i = clause; i > r.sentences[c.sentence].first_clause;) {
    const Clause& earlier = r.clauses[--i];
    for (size_t k = earlier.end_frame; k > earlier.first_frame;) {
      const FrameHit& last = r.frames[--k];
      if (governs_counts(*last.frame))
        return last.frame->governs != Governs::before ? &last : nullptr;
    }
  }
  return nullptr;
}

}  // namespace zhreport
