// OffsetMap: where each byte of a derived text came from in the original input bytes.
//
//   OffsetMap m = OffsetMap::identity(text.size());
//   size_t original_start = m.map(span_start), original_end = m.map(span_end);
//
//   OffsetMap built;                     // a stage writing its text appends, in text order:
//   built.append_copied(from, n);        //   n bytes copied from `from` on: from, from+1, ...
//   built.append_repeated(source, n);    //   n bytes written for the input at `source`
//   built.append_groups(source, 3, 2, k);  //   k characters of 3 bytes from 2 each, from `source`
//   on built.append_repeated(input_size, 1);  // and last, the entry of the text's end
//
// Every stage that changes the text (decode, page, normalize, convert) returns one; compose_onto()
// chains them, so a fact found in the converted text can be sliced out of the original file.
// It holds one entry per byte of the text plus one for its end, but stored as runs: a run is
// copied bytes (each entry one more than the one before), the bytes of one replacement (all the
// same entry), or a stretch of characters of one width written for sources of one length
// ("each 2 bytes there are 3 bytes here": a GB18030 or Big5 text decoded to UTF-8, which
// append_repeated() finds by itself when it is called once a character). Text mostly copied or
// decoded through a stage costs a few runs, not 4 bytes a byte; map() is a binary search over
// the runs.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <utility>
#include <vector>

namespace zhreport {

// An allocator whose resize() leaves new elements uninitialized: a dense offset array is written
// right after it grows, and zero-filling it first took 4% of zhextract's time.
template <typename T>
struct UninitializedAllocator : std::allocator<T> {
  template <typename U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  UninitializedAllocator() = default;
  template <typename U>
  UninitializedAllocator(const UninitializedAllocator<U>&) noexcept {}
  template <typename U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

// Offsets into an earlier text, one per byte of a later one (the page reader's lines, before
// they become an OffsetMap).
using Offsets = std::vector<uint32_t, UninitializedAllocator<uint32_t>>;

class OffsetMap {
 public:
  // Entries from `at` up to the next run's `at` (or the map's end): `width` entries `source`,
  // then `width` entries source + step, and so on. Copied bytes have width 1 and step 1, a
  // replacement step 0 (and width 1); a run of one entry is stored as copied.
  struct Run {
    uint32_t at;
    uint32_t source;
    uint16_t width;
    uint16_t step;
    bool copies() const { return width == 1 && step == 1; }
    // The entry `i` entries into the run.
    size_t entry(size_t i) const {
      return source + static_cast<size_t>(step) * (width == 1 ? i : i / width);
    }
  };

  static OffsetMap identity(size_t size);

  // Empty means "not tracked".
  bool tracked() const { return entries_ != 0; }
  // The text's size, the end entry not counted.
  size_t size() const { return entries_ == 0 ? 0 : entries_ - 1; }
  // Entries appended so far (while building: the text's bytes mapped).
  size_t entries() const { return entries_; }
  const std::vector<Run>& runs() const { return runs_; }
  // Offset in the earlier text of position `offset` of this text (offset < entries()). Inline
  // where it is in the run found last (most look-ups: a text's spans are mapped in order).
  size_t map(size_t offset) const {
    const size_t last = hint_.run.load(std::memory_order_relaxed);
    const Run* run = runs_.data() + last;
    const Run* const end = runs_.data() + runs_.size();
    if (run < end && run->at <= offset && (run + 1 == end || offset < run[1].at)) {
      return run->entry(offset - run->at);
    }
    return map_searched(offset);
  }
  // The map from this text straight to `earlier`'s own source: earlier ∘ this. Every entry of
  // this map must be below earlier.entries().
  OffsetMap compose_onto(const OffsetMap& earlier) const;

  void append_copied(size_t source, size_t count);
  // append_copied as a run of their own, without looking at the last run (the same entries, maybe
  // cut in one run more): small enough to be inlined where a text is written once per repair.
  void push_copied(size_t source, size_t count) {
    if (count == 0) return;
    push_run({static_cast<uint32_t>(entries_), static_cast<uint32_t>(source), 1, 1});
    entries_ += count;
  }
  void append_repeated(size_t source, size_t count);
  // `groups` times `width` entries: source, then source + step, ... (width >= 2): a stretch of
  // characters of one width written for sources of one length, in one call.
  void append_groups(size_t source, size_t width, size_t step, size_t groups);
  // `other`'s entries after this map's.
  void append(const OffsetMap& other);
  // Keeps the first `count` entries.
  void truncate(size_t count);

  // The same entries, however they are cut into runs.
  bool operator==(const OffsetMap&) const;

 private:
  // The run holding entry `offset`.
  const Run& run_of(size_t offset) const;
  // map() by a search of the runs, which it then starts at.
  size_t map_searched(size_t offset) const;
  // Entries `skip`..skip + count of `run`'s pattern (`run.at` not read).
  void append_part(const Run& run, size_t skip, size_t count);
  // append_groups where the last run is not copied bytes: a character at a time, until the last
  // run is the stretch's.
  void append_groups_by_step(size_t source, size_t width, size_t step, size_t groups);
  // Whether the last run is characters of `width` and `step` ending on a whole one, next `source`.
  bool continues_groups(size_t source, size_t width, size_t step) const;
  // runs_.push_back, its growth out of line: inline, a reallocation's code made every append
  // save and restore six registers (a normalized text appends once per repair).
  void push_run(const Run& run) {
    if (runs_.size() == runs_.capacity()) return push_run_grown(run);
    runs_.emplace_back(run);
  }
  void push_run_grown(const Run& run);
  std::vector<Run> runs_;
  size_t entries_ = 0;
  // The run map() found last: a text's spans are mapped in order, mostly near the one before.
  // Atomic (relaxed: plain loads and stores), so that map() stays safe to call from several
  // threads; a copy starts without it.
  struct Hint {
    mutable std::atomic<uint32_t> run{0};
    Hint() = default;
    Hint(const Hint&) noexcept {}  // (noexcept: a map still moves, not copies, in a vector)
    Hint& operator=(const Hint&) noexcept { return *this; }
  };
  Hint hint_;
};

// An entry extends the last run when it follows on (copies: one more than its last entry; a
// repetition: the same), and a run of one entry takes either kind; a repetition followed by one
// as long at a later source becomes a run of such characters.
// Inline: the decoders append once per character.
inline void OffsetMap::append_copied(size_t source, size_t count) {
  if (count == 0) return;
  if (!runs_.empty()) {
    Run& last = runs_.back();
    const size_t length = entries_ - last.at;
    if (last.copies() && source == last.source + length) {
      entries_ += count;
      return;
    }
    if (source == last.source && (last.step == 0 || length == 1)) {  // the first entry repeats
      last.step = 0;
      ++entries_;
      ++source;
      if (--count == 0) return;
    }
  }
  push_copied(source, count);
}

inline bool OffsetMap::continues_groups(size_t source, size_t width, size_t step) const {
  if (runs_.empty()) return false;
  const Run& last = runs_.back();
  const size_t length = entries_ - last.at;
  return last.width == width && last.step == step && length % width == 0 &&
         source == last.source + step * (length / width);
}

// After copied bytes (a decoder's stretch of characters between ASCII: most calls), what
// append_groups_by_step comes to, at once: a run of the stretch's characters, or of one repeated.
// Inline: a GB18030 or Big5 text tells a stretch at each run of ASCII.
inline void OffsetMap::append_groups(size_t source, size_t width, size_t step, size_t groups) {
  if (!runs_.empty() && groups > 0 && width >= 2 && width <= UINT16_MAX && step > 0 &&
      step <= UINT16_MAX) {
    if (const Run& last = runs_.back(); last.copies() && source != last.source) {
      const bool many = groups > 1;
      push_run({static_cast<uint32_t>(entries_), static_cast<uint32_t>(source),
                static_cast<uint16_t>(many ? width : 1), static_cast<uint16_t>(many ? step : 0)});
      entries_ += groups * width;
      return;
    }
  }
  append_groups_by_step(source, width, step, groups);
}

inline void OffsetMap::append_repeated(size_t source, size_t count) {
  if (count <= 1) return append_copied(source, count);
  if (!runs_.empty()) {
    Run& last = runs_.back();
    const size_t length = entries_ - last.at;
    if (source == last.source && (last.step == 0 || length == 1)) {
      last.step = 0;
      entries_ += count;
      return;
    }
    if (last.step == 0 && length == count && source > last.source &&
        source - last.source <= UINT16_MAX && count <= UINT16_MAX) {  // the second character
      last.width = static_cast<uint16_t>(count);
      last.step = static_cast<uint16_t>(source - last.source);
      entries_ += count;
      return;
    }
    if (last.width == count && last.step != 0 && continues_groups(source, count, last.step)) {
      entries_ += count;
      return;
    }
  }
  push_run({static_cast<uint32_t>(entries_), static_cast<uint32_t>(source), 1, 0});
  entries_ += count;
}

}  // namespace zhreport
