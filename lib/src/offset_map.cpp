#include "zhreport/offset_map.h"

#include <algorithm>
#include <cstdint>

namespace zhreport {

OffsetMap OffsetMap::identity(size_t size) {
  OffsetMap m;
  m.append_copied(0, size + 1);
  return m;
}

const OffsetMap::Run& OffsetMap::run_of(size_t offset) const {
  // The last run starting at or before `offset` (the first starts at 0): a binary search whose
  // halving is a conditional move, not a branch the CPU would mispredict half the time.
  const Run* run = runs_.data();
  for (size_t n = runs_.size(); n > 1;) {
    const size_t half = n / 2;
    run = run[half].at <= offset ? run + half : run;
    n -= half;
  }
  return *run;
}

void OffsetMap::push_run_grown(const Run& run) {
  runs_.reserve(std::max<size_t>(16, runs_.capacity() * 2));
  runs_.push_back(run);
}

size_t OffsetMap::map_searched(size_t offset) const {
  const Run& run = run_of(offset);
  hint_.run.store(static_cast<uint32_t>(&run - runs_.data()), std::memory_order_relaxed);
  return run.entry(offset - run.at);
}

void OffsetMap::append_groups_by_step(size_t source, size_t width, size_t step, size_t groups) {
  for (size_t k = 0; k < groups; ++k) {
    // Once the last run is these characters (from the second on, or at once when it was before),
    // the rest extends it.
    if (continues_groups(source + step * k, width, step)) {
      entries_ += (groups - k) * width;
      return;
    }
    append_repeated(source + step * k, width);
    // A character that starts a run of its own: the next makes it a run of characters
    // (append_repeated's second character) that the rest extend, all told here at once.
    const Run& last = runs_.back();
    if (k + 1 < groups && last.step == 0 && last.source == source + step * k &&
        entries_ - last.at == width && step > 0 && step <= UINT16_MAX && width <= UINT16_MAX) {
      runs_.back().width = static_cast<uint16_t>(width);
      runs_.back().step = static_cast<uint16_t>(step);
      entries_ += (groups - k - 1) * width;
      return;
    }
  }
}

void OffsetMap::append_part(const Run& run, size_t skip, size_t count) {
  if (run.step == 0) return append_repeated(run.source, count);
  if (run.width == 1) return append_copied(run.entry(skip), count);
  // A character cut at the start, the whole ones, one cut at the end.
  const size_t width = run.width;
  size_t group = skip / width;
  if (const size_t into = skip % width; into != 0) {
    const size_t n = std::min(count, width - into);
    append_repeated(run.entry(skip), n);
    count -= n;
    ++group;
  }
  append_groups(run.source + run.step * group, width, run.step, count / width);
  append_repeated(run.source + run.step * (group + count / width), count % width);
}

void OffsetMap::append(const OffsetMap& other) {
  for (size_t k = 0; k < other.runs_.size(); ++k) {
    const Run& run = other.runs_[k];
    const size_t end = k + 1 < other.runs_.size() ? other.runs_[k + 1].at : other.entries_;
    append_part(run, 0, end - run.at);
  }
}

void OffsetMap::truncate(size_t count) {
  if (count >= entries_) return;
  // The runs from `count` on go at once (one by one, a reused map's every run was popped).
  runs_.erase(std::partition_point(runs_.begin(), runs_.end(),
                                   [count](const Run& run) { return run.at < count; }),
              runs_.end());
  entries_ = count;
  if (runs_.empty()) return;
  // What is left of a run of characters may be part of one: a repetition (or a single entry).
  Run& last = runs_.back();
  const size_t length = entries_ - last.at;
  if (length <= last.width)
    last = {last.at, last.source, 1, length == 1 ? uint16_t{1} : uint16_t{0}};
}

OffsetMap OffsetMap::compose_onto(const OffsetMap& earlier) const {
  if (!tracked() || !earlier.tracked()) return {};
  OffsetMap m;
  m.runs_.reserve(runs_.size());
  const auto& outer = earlier.runs_;
  for (size_t k = 0; k < runs_.size(); ++k) {
    const Run& run = runs_[k];
    const size_t length = (k + 1 < runs_.size() ? runs_[k + 1].at : entries_) - run.at;
    if (run.step == 0) {
      m.append_repeated(earlier.map(run.source), length);
      continue;
    }
    size_t e = static_cast<size_t>(&earlier.run_of(run.source) - outer.data());
    auto end_of = [&](size_t r) { return r + 1 == outer.size() ? SIZE_MAX : outer[r + 1].at; };
    if (!run.copies()) {
      // Characters: each one's source through the earlier run holding it (they only go up).
      for (size_t i = 0; i < length; i += run.width) {
        const size_t at = run.entry(i);
        while (at >= end_of(e)) ++e;
        m.append_repeated(outer[e].entry(at - outer[e].at),
                          std::min<size_t>(run.width, length - i));
      }
      continue;
    }
    // Copied entries follow the earlier map's runs across the range they cover.
    size_t at = run.source, left = length;
    while (left > 0) {
      const Run& through = outer[e];
      const size_t n = std::min(left, end_of(e) - at);
      m.append_part(through, at - through.at, n);
      at += n;
      left -= n;
      ++e;
    }
  }
  return m;
}

bool OffsetMap::operator==(const OffsetMap& other) const {
  if (entries_ != other.entries_) return false;
  size_t a = 0, b = 0;
  for (size_t i = 0; i < entries_; ++i) {
    while (a + 1 < runs_.size() && runs_[a + 1].at <= i) ++a;
    while (b + 1 < other.runs_.size() && other.runs_[b + 1].at <= i) ++b;
    if (runs_[a].entry(i - runs_[a].at) != other.runs_[b].entry(i - other.runs_[b].at)) {
      return false;
    }
  }
  return true;
}

}  // namespace zhreport
