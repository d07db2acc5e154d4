#include "zhreport/convert.h"

#include <algorithm>
#include <array>
#include <bit>
#include <numeric>
#include <type_traits>

#include "convert_tables.h"

namespace zhreport {

using convert_detail::Cell;
using convert_detail::Group;
using convert_detail::Item;
using convert_detail::match_bucket;
using convert_detail::Special;

namespace {

constexpr std::array<std::string_view, 4> kConfigNames = {"t2s", "tw2s", "hk2s", "tw2sp"};

// Where converted bytes go, written through a raw pointer with slack so short copies are
// fixed-size moves, and through a cursor by the fast loop (run_group_fast). PlainSink: only the
// text. TrackingSink: also its map to the input (copied bytes map to themselves, and so do a
// character's replaced by one as long; any other replacement's map to its key's start).
// The room run_group_fast asks for ahead of its cursor: more than any of its steps writes. A
// sink starts with that much beyond the text expected, not to grow (copying all it holds) when
// the fast loop nears the end of a text that converts to its own length.
constexpr size_t kCursorRoom = 64;

class PlainSink {
 public:
  static constexpr bool kTracks = false;
  static constexpr size_t kSlack = 16;
  // Bytes up to `input_end` may be read past a copy's end, for fixed-size moves. With `used`,
  // the text goes to out[*used...] and *used is advanced: `out` is a reused buffer, grown when
  // it must be but never shrunk, so its bytes are not zero-filled again for every chunk.
  PlainSink(std::string& out, const char* input_end, size_t expected, size_t* used = nullptr)
      : out_(out), input_end_(input_end), used_(used ? *used : out.size()), keep_(used) {
    const size_t size = used_ + expected + kCursorRoom + kSlack;
    if (!keep_ || out_.size() < size) out_.resize(size);
    write_ = out_.data() + used_;
    limit_ = out_.data() + out_.size() - kSlack;
  }
  ~PlainSink() {
    if (keep_) {
      *keep_ = size_t(write_ - out_.data());
    } else {
      out_.resize(size_t(write_ - out_.data()));
    }
  }
  PlainSink(const PlainSink&) = delete;
  PlainSink& operator=(const PlainSink&) = delete;

  void copy(const char* from, const char* to) {
    size_t n = size_t(to - from);
    make_room(n);
    if (n <= kSlack && input_end_ - from >= ptrdiff_t(kSlack)) {
      std::memcpy(write_, from, kSlack);
    } else {
      std::memcpy(write_, from, n);
    }
    write_ += n;
  }
  void put(std::string_view value, const char* /*source*/) {
    make_room(value.size());
    std::memcpy(write_, value.data(), value.size());
    write_ += value.size();
  }
  // A value at least 8 readable bytes before the end of its buffer (Group::pool), written for
  // the character of `source_length` bytes at `source`.
  void put_padded(const char* value, size_t n, const char* source, size_t /*source_length*/) {
    if (n > 8) return put(std::string_view(value, n), source);
    make_room(8);
    std::memcpy(write_, value, 8);
    write_ += n;
  }
  // Drops what this sink wrote.
  void rollback() { write_ = out_.data() + used_; }
  // Direct writing (the fast loop): a cursor with at least `n` bytes of room, and back.
  char* cursor(size_t n) {
    make_room(n);
    return write_;
  }
  char* limit() const { return limit_; }
  void commit(char* cursor) { write_ = cursor; }

 private:
  void make_room(size_t n) {
    if (size_t(limit_ - write_) >= n) return;
    size_t used = size_t(write_ - out_.data());
    out_.resize(std::max(out_.size() * 2, used + n + kSlack));
    write_ = out_.data() + used;
    limit_ = out_.data() + out_.size() - kSlack;
  }
  std::string& out_;
  const char* input_end_;
  size_t used_;
  size_t* keep_;
  char* write_;
  char* limit_;  // kSlack bytes before the end of out_
};

// PlainSink's text and its OffsetMap: an entry per byte written, appended as runs. The fast loop
// writes the text through the cursor and tells the map once per stretch (track_copied), so its
// bytes cost no work each.
class TrackingSink {
 public:
  static constexpr bool kTracks = true;
  // `origin` is the input position whose offset is `base`; about `expected` bytes will come.
  // With `used`, the text goes to out[*used...] as PlainSink's does.
  TrackingSink(std::string& out, OffsetMap& map, const char* origin, const char* input_end,
               size_t base, size_t expected, size_t* used = nullptr)
      : text_(out, input_end, expected, used),
        map_(map),
        origin_(origin),
        base_(base),
        entries_before_(map.entries()) {}

  void rollback() {
    text_.rollback();
    map_.truncate(entries_before_);
  }
  size_t offset_of(const char* p) const { return base_ + size_t(p - origin_); }
  void copy(const char* from, const char* to) {
    text_.copy(from, to);
    track_copied(from, to);
  }
  void put(std::string_view value, const char* source) {
    text_.put(value, source);
    track_repeated(source, value.size());
  }
  // A character replaced by one as long maps byte to byte, as if copied (the fast loop's rule).
  void put_padded(const char* value, size_t n, const char* source, size_t source_length) {
    text_.put_padded(value, n, source, source_length);
    if (n == source_length) {
      track_copied(source, source + n);
    } else {
      track_repeated(source, n);
    }
  }
  void put_mapped(std::string_view text, const OffsetMap& sources) {
    text_.put(text, nullptr);
    map_.append(sources);
  }
  char* cursor(size_t n) { return text_.cursor(n); }
  char* limit() const { return text_.limit(); }
  void commit(char* cursor) { text_.commit(cursor); }
  // The input [from, to) was written byte for byte.
  void track_copied(const char* from, const char* to) {
    map_.append_copied(offset_of(from), size_t(to - from));
  }

 private:
  // `n` bytes were written for the input at `source`.
  void track_repeated(const char* source, size_t n) { map_.append_repeated(offset_of(source), n); }
  PlainSink text_;
  OffsetMap& map_;
  const char* origin_;
  size_t base_;
  size_t entries_before_;
};

const char* skip_ascii(const char* p, const char* end) {
  while (end - p >= 8) {
    uint64_t word;
    std::memcpy(&word, p, 8);
    if (word & 0x8080808080808080ull) break;
    p += 8;
  }
  while (p < end && static_cast<unsigned char>(*p) < 0x80) ++p;
  return p;
}

struct Char {
  size_t length;
  uint32_t cell;
};

inline Char char_at(const Group& group, const char* p, const char* end) {
  auto u = reinterpret_cast<const unsigned char*>(p);
  if ((u[0] & 0xF0) == 0xE0 && end - p >= 3) {  // three bytes: all of CJK, the common case
    return {3, group.cells.get_bmp(utf8::code_point(u, 3))};
  }
  size_t len = utf8::sequence_length(*u);
  if (len > size_t(end - p)) len = size_t(end - p);
  return {len, group.cells.get(utf8::code_point(u, len))};
}

inline const Item* match_phrase(const Converter::Tables& tables, const Special& special,
                                const char* p, const char* end) {
  if (special.segment.empty()) return nullptr;
  return match_bucket(tables.segmenter, special.segment, p, end);
}

// Whether to stop at a character normalization would change (the first pass, on raw text).
enum class Raw : bool { no, yes };

// One position of run_group, the general way: writes what OpenCC writes for the match, sequence
// or character at p and returns the next position; null when `raw` meets a character that
// normalization would change.
template <typename Sink>
const char* convert_at(const Group& group, const char* p, const char* end, Sink& sink, Raw raw) {
  const auto [len, cell] = char_at(group, p, end);
  if (!Cell::acts(cell)) {
    sink.copy(p, p + len);
    return p + len;
  }
  if (!Cell::special(cell)) {
    sink.put_padded(group.pool.data() + Cell::offset(cell), Cell::length(cell), p, len);
    return p + len;
  }
  const Special& special = group.specials[cell & Cell::kPayload];
  if (special.normalize && raw == Raw::yes) return nullptr;
  const Item* item = nullptr;
  if (!special.lookup.empty()) {
    if (!special.may_follow(p + len, end)) {  // no longer key can match: the character's own
      if (!Cell::length(special.value)) {
        sink.copy(p, p + len);
      } else {
        sink.put_padded(group.pool.data() + Cell::offset(special.value),
                        Cell::length(special.value), p, len);
      }
      return p + len;
    }
    item = match_bucket(group.candidates, special.lookup, p, end);
  }
  if (item) {
    if (item->identity()) {
      sink.copy(p, p + item->key.size());
    } else {
      sink.put(item->value, p);
    }
    return p + item->key.size();
  }
  if (special.lookup.empty() && Cell::length(special.value)) {
    sink.put_padded(group.pool.data() + Cell::offset(special.value), Cell::length(special.value), p,
                    len);
    return p + len;
  }
  const size_t n = special.ids ? convert_detail::ids_length(p, end) : 0;
  sink.copy(p, p + (n ? n : len));
  return p + (n ? n : len);
}

// The code point of the three-byte sequence in the low three bytes of `in` (first byte lowest).
inline uint32_t code_point3(uint32_t in) {
  return ((in & 0x0F) << 12) | ((in & 0x3F00) >> 2) | ((in >> 16) & 0x3F);
}

// code_point3 of the two three-byte sequences in the low six bytes of `in` at once: the first's
// code point in bits 0..15, the second's in bits 24..39 (the same shifts, each mask twice).
inline uint64_t code_points3(uint64_t in) {
  return ((in & 0x0F00000Full) << 12) | ((in & 0x3F00003F00ull) >> 2) |
         ((in >> 16) & 0x3F00003Full);
}

// Whether a fast3 entry says "write this value" (its bytes).
inline bool is_value(uint32_t entry) { return entry < Group::kFastSpecial; }

// The fast loop of run_group, one character a step. A three-byte character is four bytes
// read, one table entry and four bytes written (the fourth overwritten next), with no branch on
// whether it changes; an ASCII character is copied when no ASCII character acts. The step's kind
// is a branch, not a computed length: the CPU predicts it and reads on, where a length computed
// from the bytes read would make every step wait for the previous one's load. Everything else
// goes through convert_at. Input and output advance together here (three bytes or one), and a
// character replaced by one as long maps byte to byte: with tracking, what the loop writes maps
// as copied, told to the sink once per stretch. fast3's cache misses are each document's first
// touch of its characters' lines (other stages evict them between documents): a bitmap of the
// characters that are their own value, asked before fast3, spared 13% of them, but its branch
// made zhextract 2% and zhconv on Traditional text 2x slower. Also measured and dropped (branch
// cvt10-wide): AVX-512 steps of 16 characters or 48 bytes, fast3 gathered (fast here), tested
// equal to this loop: a step's advance waits for its gather (10-20 ns a call), where this
// loop's predicted branches read on, and a report's runs are short (half its three-byte
// characters in runs under 16: Specials, ASCII): zhconv on Traditional text 1.2-2.7x slower,
// convert 6.1% -> 7.2-9.8% of zhextract's time (perf); a pass prefetching each character's
// fast3 line first, 6.1% -> 8.7%.
template <typename Sink>
bool run_group_fast(const Group& group, const char* begin, const char* end, Sink& sink, Raw raw) {
  // Locals, not members: the byte stores below may alias anything the compiler cannot see.
  const uint32_t* const fast = group.fast3.data();
  const Special* const specials = group.specials.data();
  const bool ascii_inert = group.ascii_inert;
  const char* p = begin;
  char* w = nullptr;
  char* limit = nullptr;
  // With tracking: the start of the stretch not yet told to the sink.
  const char* copied = begin;
  auto open = [&] {
    w = sink.cursor(kCursorRoom);
    limit = sink.limit() - kCursorRoom;
  };
  open();
  while (p < end) {
    if (w > limit) {
      sink.commit(w);
      open();
    }
    // Each step reads at least a byte and writes at most three: `stop` keeps both the four-byte
    // reads in the input and the writes under `limit`, in one comparison per character.
    size_t steps = 0;
    if (end - p >= 4) steps = std::min(size_t(end - p) - 4, size_t(limit - w) / 3) + 1;
    const char* const stop = p + steps;
    // Two three-byte characters, or a run of ASCII, a step below: eight bytes read where `stop`
    // lies at most three before the end, so at least five before `stop` (four let the read pass
    // the end by one); two steps' worth of writing, so the second starts before `stop` too.
    const char* const wide_stop = steps > 4 ? stop - 4 : p;
    while (p < stop) {
      // Two three-byte characters (most of a Chinese text): one eight-byte read and both code
      // points in one set of shifts; each that becomes a value is written, in a loop of its
      // own while both do. A first that may start a longer key (一, 上, 不: 7% of a report's
      // characters) is told here by the second, whose code point is at hand (Special::may_follow
      // as the step below asks it); a second that may is the next round's first.
      while (p < wide_stop) {
        uint64_t in2;
        std::memcpy(&in2, p, 8);
        if ((in2 & 0xF00000F0ull) == 0xE00000E0ull) {
          const uint64_t points = code_points3(in2);
          const uint32_t next = (points >> 24) & 0xFFFF;
          uint32_t first = fast[points & 0xFFFF];
          if (!is_value(first)) {
            if (first >= Group::kFastSlow) break;
            const Special& special = specials[first & 0xFFFFFF];
            if (special.may_follow_code(next)) break;
            first = special.fast_value;
          }
          const uint32_t second = fast[next];
          std::memcpy(w, &first, 4);
          if (!is_value(second)) {
            w += 3;
            p += 3;
            continue;
          }
          std::memcpy(w + 3, &second, 4);
          w += 6;
          p += 6;
        } else if ((in2 & 0x80) == 0 && ascii_inert) {
          // The ASCII bytes that open the eight, all eight copied (digits, a date, spaces).
          const uint64_t high = in2 & 0x8080808080808080ull;
          const size_t n = high ? static_cast<size_t>(std::countr_zero(high)) / 8 : 8;
          std::memcpy(w, &in2, 8);
          w += n;
          p += n;
        } else {
          break;
        }
      }
      if (p >= stop) break;
      uint32_t in;
      std::memcpy(&in, p, 4);
      if ((in & 0xF0) == 0xE0) {
        uint32_t entry = fast[code_point3(in)];
        if (!is_value(entry)) {
          if (entry >= Group::kFastSlow) break;
          const Special& special = specials[entry & 0xFFFFFF];
          // Special::may_follow, with the next character's bytes read at once when it has three
          // (almost always) and seven bytes are left; else the character alone, a value.
          uint32_t next;
          if (end - p >= 7 && (std::memcpy(&next, p + 3, 4), (next & 0xF0) == 0xE0)) {
            if (special.may_follow_code(code_point3(next))) break;
          } else if (special.may_follow(p + 3, end)) {
            break;
          }
          entry = special.fast_value;
        }
        std::memcpy(w, &entry, 4);
        w += 3;
        p += 3;
      } else if ((in & 0x80) == 0 && ascii_inert) {
        *w = char(in);
        ++w;
        ++p;
      } else {
        break;
      }
    }
    if (p >= end) break;
    if (w > limit || (p >= stop && end - p >= 4)) continue;  // room to make, or more to read
    sink.commit(w);
    if constexpr (Sink::kTracks) sink.track_copied(copied, p);
    p = convert_at(group, p, end, sink, raw);
    if (!p) return false;
    copied = p;
    open();
  }
  sink.commit(w);
  if constexpr (Sink::kTracks) sink.track_copied(copied, p);
  return true;
}

// One group over [begin, end): OpenCC's Conversion::AppendConverted of one segment. At each
// position the group's match is written; where none matches, an ideographic description sequence
// is copied whole, else the character. False when `raw` meets a character that normalization
// would change (nothing else is then defined about what was written).
template <typename Sink>
bool run_group(const Group& group, const char* begin, const char* end, Sink& sink, Raw raw) {
  if (!group.fast3.empty()) return run_group_fast(group, begin, end, sink, raw);
  // Groups without a fast path (normalization): the characters that act are rare.
  const char* p = begin;
  const char* copied = begin;  // [copied, p) is unchanged and not yet written
  auto replace = [&](const Item& item) {
    if (!item.identity()) {
      sink.copy(copied, p);
      sink.put(item.value, p);
      copied = p + item.key.size();
    }
    p += item.key.size();
  };
  auto replace_plain = [&](uint32_t cell, size_t len) {
    sink.copy(copied, p);
    sink.put_padded(group.pool.data() + Cell::offset(cell), Cell::length(cell), p, len);
    p += len;
    copied = p;
  };
  while (p < end) {
    if (group.ascii_inert && static_cast<unsigned char>(*p) < 0x80) {
      p = skip_ascii(p, end);
      continue;
    }
    const auto [len, cell] = char_at(group, p, end);
    if (!Cell::acts(cell)) {
      p += len;
    } else if (!Cell::special(cell)) {
      replace_plain(cell, len);
    } else {
      const Special& special = group.specials[cell & Cell::kPayload];
      if (special.normalize && raw == Raw::yes) return false;
      const Item* item = nullptr;
      if (!special.lookup.empty()) item = match_bucket(group.candidates, special.lookup, p, end);
      if (item) {
        replace(*item);
      } else if (special.lookup.empty() && Cell::length(special.value)) {
        replace_plain(special.value, len);
      } else if (size_t n = special.ids ? convert_detail::ids_length(p, end) : 0) {
        p += n;
      } else {
        p += len;
      }
    }
  }
  sink.copy(copied, end);
  return true;
}

// Buffers reused across the runs of one conversion (multi-group chains only).
struct Scratch {
  std::string text[2];
  OffsetMap sources[2];
  OffsetMap index;
};

// The chain over one run between phrases. Each group's output is the next group's input; with
// tracking, each stage's byte → input offset map is composed with the previous one.
template <typename Sink>
bool convert_run(const std::vector<Group>& chain, const char* begin, const char* end, Sink& sink,
                 Scratch& scratch, Raw raw) {
  if (chain.size() == 1) return run_group(chain[0], begin, end, sink, raw);
  std::string_view stage(begin, size_t(end - begin));
  const OffsetMap* stage_sources = nullptr;  // null: the run itself
  for (size_t i = 0; i < chain.size(); ++i) {
    const bool last = i + 1 == chain.size();
    const Raw stage_raw = i == 0 ? raw : Raw::no;
    if (last && !Sink::kTracks) {
      return run_group(chain[i], stage.data(), stage.data() + stage.size(), sink, stage_raw);
    }
    std::string& out = scratch.text[i % 2];
    out.clear();
    if constexpr (Sink::kTracks) {
      // The first stage maps straight to the sink's offsets; a later one to its stage's bytes,
      // then through the map of those.
      OffsetMap& sources = scratch.sources[i % 2];
      OffsetMap& map = stage_sources ? scratch.index : sources;
      map.truncate(0);
      {
        TrackingSink inner(out, map, stage.data(), stage.data() + stage.size(),
                           stage_sources ? 0 : sink.offset_of(begin), stage.size());
        if (!run_group(chain[i], stage.data(), stage.data() + stage.size(), inner, stage_raw)) {
          return false;
        }
      }
      if (stage_sources) sources = scratch.index.compose_onto(*stage_sources);
      stage_sources = &sources;
      if (last) sink.put_mapped(out, sources);
    } else {
      PlainSink inner(out, stage.data() + stage.size(), stage.size());
      if (!run_group(chain[i], stage.data(), stage.data() + stage.size(), inner, stage_raw)) {
        return false;
      }
    }
    stage = out;
  }
  return true;
}

// OpenCC's SingleStageConverter: segmentation (greedy longest match over the segmentation
// dictionary; an ideographic description sequence stays in its run), then the chain over each
// segment; without segmentation the chain over the whole text.
template <typename Sink>
bool convert_text(const Converter::Tables& tables, const char* begin, const char* end, Sink& sink,
                  Raw raw) {
  Scratch scratch;
  if (!tables.segmented) return convert_run(tables.run_chain, begin, end, sink, scratch, raw);
  const Group& first = tables.run_chain.front();
  const char* run = begin;
  const char* p = begin;
  while (p < end) {
    if (first.ascii_inert && static_cast<unsigned char>(*p) < 0x80) {
      p = skip_ascii(p, end);
      continue;
    }
    const auto [len, cell] = char_at(first, p, end);
    const Item* phrase = nullptr;
    if (Cell::special(cell)) {
      const Special& special = first.specials[cell & Cell::kPayload];
      if (special.normalize && raw == Raw::yes) return false;
      phrase = match_phrase(tables, special, p, end);
      if (!phrase && special.ids) {
        const size_t n = convert_detail::ids_length(p, end);
        p += n ? n : len;
        continue;
      }
    }
    if (!phrase) {
      p += len;
      continue;
    }
    if (run < p && !convert_run(tables.run_chain, run, p, sink, scratch, raw)) return false;
    if (phrase->identity()) {
      sink.copy(p, p + phrase->key.size());
    } else {
      sink.put(phrase->value, p);
    }
    p += phrase->key.size();
    run = p;
  }
  return run == end || convert_run(tables.run_chain, run, end, sink, scratch, raw);
}

// Whether OpenCC's normalization would change `text`: some character of it starts a key of the
// normalization groups (compatibility ideographs: rare, so the scan looks at lead bytes only).
bool needs_normalization(const Converter::Tables& tables, std::string_view text) {
  if (tables.normalization.empty()) return false;
  const auto& leads = tables.normalization_leads;
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  auto check = [&](const unsigned char* at) {
    if (!tables.normalization_pair(at[0], end - at > 1 ? at[1] : 0)) return false;
    const size_t len = std::min(utf8::sequence_length(*at), size_t(end - at));
    const char32_t cp = utf8::code_point(at, len);
    for (const Group& group : tables.normalization) {
      const uint32_t cell = group.cells.get(cp);
      if (Cell::acts(cell) && !(Cell::special(cell) && group.specials[cell & Cell::kPayload].ids)) {
        return true;
      }
    }
    return false;
  };
  if (leads.size() <= 4) {
    // memchr per lead byte would rescan; instead one pass, 8 bytes at a time, for any lead.
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t patterns[4];
    for (size_t i = 0; i < leads.size(); ++i) patterns[i] = ones * leads[i];
    for (; end - p >= 8; p += 8) {
      uint64_t word;
      std::memcpy(&word, p, 8);
      uint64_t hit = 0;
      for (size_t i = 0; i < leads.size(); ++i) {
        const uint64_t x = word ^ patterns[i];
        hit |= (x - ones) & ~x & highs;  // a zero byte: this lead (may flag one false neighbour)
      }
      while (hit) {
        const int byte = __builtin_ctzll(hit) / 8;
        if (check(p + byte)) return true;
        hit &= hit - 1;
      }
    }
  }
  for (; p < end; ++p) {
    if (std::find(leads.begin(), leads.end(), *p) != leads.end() && check(p)) return true;
  }
  return false;
}

}  // namespace

std::optional<Config> parse_config(std::string_view name) {
  for (size_t i = 0; i < kConfigNames.size(); ++i) {
    if (name == kConfigNames[i]) return Config(i);
  }
  return std::nullopt;
}

std::string_view config_name(Config config) { return kConfigNames[size_t(config)]; }

std::string_view opencc_data_version() { return convert_detail::opencc_version(); }

Converter::Converter(Config config, bool rare_forms)
    : config_(config), rare_forms_(rare_forms), tables_([config, rare_forms] {
        // Compiled in (constant data: nothing to build, pages read only where the text needs
        // them), except with the rare forms, which are built from the dictionaries.
        auto tables = std::make_unique<Tables>();
        if (rare_forms || !convert_detail::prebuilt_tables(config, *tables)) {
          auto data = std::make_unique<convert_detail::TableData>();
          convert_detail::build_tables(config, rare_forms, *data);
          convert_detail::view_tables(std::move(data), *tables);
        }
        return tables;
      }()) {}

Converter::~Converter() = default;

const Converter& Converter::get(Config config, bool rare_forms) {
  // One converter per configuration and switch, each built on first use (thread-safe statics).
  auto of = [](auto config_constant, bool rare) -> const Converter& {
    if (rare) {
      static const Converter converter(decltype(config_constant)::value, true);
      return converter;
    }
    static const Converter converter(decltype(config_constant)::value, false);
    return converter;
  };
  switch (config) {
    case Config::tw2s:
      return of(std::integral_constant<Config, Config::tw2s>{}, rare_forms);
    case Config::hk2s:
      return of(std::integral_constant<Config, Config::hk2s>{}, rare_forms);
    case Config::tw2sp:
      return of(std::integral_constant<Config, Config::tw2sp>{}, rare_forms);
    case Config::t2s:
      break;
  }
  return of(std::integral_constant<Config, Config::t2s>{}, rare_forms);
}

Config Converter::config() const { return config_; }
bool Converter::rare_forms() const { return rare_forms_; }

// OpenCC normalizes the whole text first; that changes only rare characters (compatibility
// ideographs), so the text is converted as it is, and only when the conversion meets one of
// them, normalized and converted again.
void Converter::convert_append(std::string_view utf8, std::string& out) const {
  convert_into(utf8, out, nullptr);
}

void Converter::convert_into(std::string_view utf8, std::string& out, size_t* used) const {
  {
    PlainSink sink(out, utf8.data() + utf8.size(), utf8.size(), used);
    if (convert_text(*tables_, utf8.data(), utf8.data() + utf8.size(), sink, Raw::yes)) return;
    sink.rollback();
  }
  std::string normalized;
  {
    PlainSink sink(normalized, utf8.data() + utf8.size(), utf8.size());
    Scratch scratch;
    convert_run(tables_->normalization, utf8.data(), utf8.data() + utf8.size(), sink, scratch,
                Raw::no);
  }
  PlainSink sink(out, normalized.data() + normalized.size(), normalized.size(), used);
  convert_text(*tables_, normalized.data(), normalized.data() + normalized.size(), sink, Raw::no);
}

std::string Converter::convert(std::string_view utf8) const {
  std::string out;
  convert_append(utf8, out);
  return out;
}

Converter::Converted Converter::convert_tracked(std::string_view utf8) const {
  Converted result;
  convert_tracked_into(utf8, result);
  return result;
}

void Converter::convert_tracked_into(std::string_view utf8, Converted& result) const {
  const char* const begin = utf8.data();
  const char* const end = begin + utf8.size();
  // The text is written over what result.text held and cut to its size at the end: a reused
  // buffer is neither emptied nor zero-filled again.
  size_t used = 0;
  result.offsets.truncate(0);
  bool converted = false;
  {
    TrackingSink sink(result.text, result.offsets, begin, end, 0, utf8.size(), &used);
    converted = convert_text(*tables_, begin, end, sink, Raw::yes);
    if (!converted) sink.rollback();
  }
  if (!converted) {
    // Normalized text with its bytes' input offsets, converted; the two maps composed.
    std::string normalized;
    OffsetMap normalized_sources, sources;
    {
      TrackingSink inner(normalized, normalized_sources, begin, end, 0, utf8.size());
      Scratch scratch;
      convert_run(tables_->normalization, begin, end, inner, scratch, Raw::no);
    }
    {
      TrackingSink inner(result.text, sources, normalized.data(),
                         normalized.data() + normalized.size(), 0, normalized.size(), &used);
      convert_text(*tables_, normalized.data(), normalized.data() + normalized.size(), inner,
                   Raw::no);
    }
    result.offsets = sources.compose_onto(normalized_sources);
  }
  result.text.resize(used);
  result.offsets.append_repeated(utf8.size(), 1);  // the end
}

namespace {

// A cut must not split an ideographic description sequence: the earliest operator within the 64
// code points before `cut` whose sequence is still incomplete at `cut`, else `cut`. No key
// holds an operator, so no match spans the position before one.
const char* before_open_sequence(const char* begin, const char* cut) {
  const char* result = cut;
  const char* p = cut;
  for (int n = 0; n < 64 && p > begin; ++n) {
    do {
      --p;
    } while (p > begin && (static_cast<unsigned char>(*p) & 0xC0) == 0x80);
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    if (cut - p >= 3 && u[0] == 0xE2 && u[1] == 0xBF && u[2] >= 0xB0) {  // U+2FF0..2FFF
      bool incomplete = false;
      convert_detail::ids_length(p, cut, &incomplete);
      if (incomplete) result = p;
    }
  }
  return result;
}

}  // namespace

size_t Converter::safe_prefix(std::string_view input) const {
  const Group& first = tables_->run_chain.front();
  const char* begin = input.data();
  const char* end = begin + input.size();
  // Cheap and usual: just after the last character that occurs in no key (ASCII, most
  // punctuation), since no match can span it, in any group of the chain.
  for (const char* p = end; p > begin;) {
    const char* start = p - 1;
    while (start > begin && p - start < 4 && (static_cast<unsigned char>(*start) & 0xC0) == 0x80) {
      --start;
    }
    const auto [len, cell] = char_at(first, start, p);
    if (start + utf8::sequence_length(static_cast<unsigned char>(*start)) == p &&
        !(cell & Cell::kInKey)) {
      return size_t(before_open_sequence(begin, p) - begin);
    }
    p = start;
  }
  // Text made only of key characters (so no ideographic description operator): replay where
  // matches are decided (the longest key still fits) and cut at a boundary OpenCC converts on
  // either side independently: a segment boundary, or without segmentation any position the
  // chain's first group reaches. Replayed up to the first character normalization would change.
  const char* stop = end;
  if (!tables_->normalization.empty()) {
    for (const char* p = begin; p < end;) {
      const size_t len =
          std::min(utf8::sequence_length(static_cast<unsigned char>(*p)), size_t(end - p));
      if (needs_normalization(*tables_, std::string_view(p, len))) {
        stop = p;
        break;
      }
      p += len;
    }
  }
  const size_t longest = tables_->segmented ? tables_->longest_segment_key : first.longest_key;
  if (size_t(stop - begin) <= longest) return 0;
  const char* limit = stop - longest;
  const char* safe = begin;
  for (const char* p = begin; p <= limit;) {
    const auto [len, cell] = char_at(first, p, end);
    if (!tables_->segmented) {
      safe = p;
      const Item* item = nullptr;
      if (Cell::special(cell)) {
        const Special& special = first.specials[cell & Cell::kPayload];
        if (!special.lookup.empty()) item = match_bucket(first.candidates, special.lookup, p, end);
      }
      p += item ? item->key.size() : len;
      continue;
    }
    const Item* phrase = nullptr;
    if (Cell::special(cell)) {
      phrase = match_phrase(*tables_, first.specials[cell & Cell::kPayload], p, end);
    }
    if (phrase) {
      p += phrase->key.size();
      safe = p;
    } else {
      p += len;
    }
  }
  return size_t(safe - begin);
}

Script detect_script(std::string_view text) {
  const auto& evidence = convert_detail::script_evidence();
  size_t traditional = 0, simplified = 0;
  auto p = reinterpret_cast<const unsigned char*>(text.data());
  auto end = p + text.size();
  while (p < end) {
    size_t len = std::min(utf8::sequence_length(*p), size_t(end - p));
    uint32_t e = evidence.get(utf8::code_point(p, len));
    traditional += e == convert_detail::kTraditional;
    simplified += e == convert_detail::kSimplified;
    p += len;
  }
  // The minority script is noise below 1 in 20 counted characters.
  const size_t minority = std::min(traditional, simplified);
  if (minority * 20 >= traditional + simplified && minority > 0) return Script::mixed;
  return traditional > simplified ? Script::traditional : Script::simplified;
}

std::string_view script_name(Script script) {
  switch (script) {
    case Script::traditional:
      return "traditional";
    case Script::mixed:
      return "mixed";
    case Script::simplified:
      break;
  }
  return "simplified";
}

size_t Converter::convert_some(std::string_view input, bool last, std::string& out) const {
  size_t take = last ? input.size() : safe_prefix(input);
  convert_append(input.substr(0, take), out);
  return take;
}

size_t Converter::convert_some(std::string_view input, bool last, std::string& buffer,
                               size_t& used) const {
  size_t take = last ? input.size() : safe_prefix(input);
  convert_into(input.substr(0, take), buffer, &used);
  return take;
}

}  // namespace zhreport
