#include "zhreport/offset_map.h"

#include <algorithm>

namespace zhreport {

// The runs are kept as the greedy reading of the entries, left to right, would cut them: an
// entry extends the last run when it follows on (copies: one more than its last entry; a
// repetition: the same), and a run of one entry takes either kind. So equal entries give equal
// runs, however they were appended.

OffsetMap OffsetMap::identity(size_t size) {
  OffsetMap m;
  m.append_copied(0, size + 1);
  return m;
}

const OffsetMap::Run& OffsetMap::run_of(size_t offset) const {
  auto after = std::upper_bound(runs_.begin(), runs_.end(), offset,
                                [](size_t at, const Run& run) { return at < run.at; });
  return *(after - 1);
}

size_t OffsetMap::map(size_t offset) const {
  const Run& run = run_of(offset);
  return run.copies ? run.source + (offset - run.at) : run.source;
}

void OffsetMap::append_copied(size_t source, size_t count) {
  if (count == 0) return;
  if (!runs_.empty()) {
    Run& last = runs_.back();
    const size_t length = entries_ - last.at;
    if (last.copies && source == last.source + length) {
      entries_ += count;
      return;
    }
    if (source == last.source && (!last.copies || length == 1)) {  // the first entry repeats
      last.copies = false;
      ++entries_;
      ++source;
      if (--count == 0) return;
    }
  }
  runs_.push_back({static_cast<uint32_t>(entries_), static_cast<uint32_t>(source), true});
  entries_ += count;
}

void OffsetMap::append_repeated(size_t source, size_t count) {
  if (count <= 1) return append_copied(source, count);
  if (!runs_.empty()) {
    Run& last = runs_.back();
    const size_t length = entries_ - last.at;
    if (source == last.source && (!last.copies || length == 1)) {
      last.copies = false;
      entries_ += count;
      return;
    }
    if (last.copies && source == last.source + length) {  // the first entry follows on
      ++entries_;
      --count;
    }
  }
  runs_.push_back({static_cast<uint32_t>(entries_), static_cast<uint32_t>(source), count == 1});
  entries_ += count;
}

void OffsetMap::append(const OffsetMap& other) {
  for (size_t k = 0; k < other.runs_.size(); ++k) {
    const Run& run = other.runs_[k];
    const size_t end = k + 1 < other.runs_.size() ? other.runs_[k + 1].at : other.entries_;
    if (run.copies) {
      append_copied(run.source, end - run.at);
    } else {
      append_repeated(run.source, end - run.at);
    }
  }
}

void OffsetMap::truncate(size_t count) {
  if (count >= entries_) return;
  while (!runs_.empty() && runs_.back().at >= count) runs_.pop_back();
  entries_ = count;
  if (!runs_.empty() && entries_ - runs_.back().at == 1) runs_.back().copies = true;
}

OffsetMap OffsetMap::compose_onto(const OffsetMap& earlier) const {
  if (!tracked() || !earlier.tracked()) return {};
  OffsetMap m;
  m.runs_.reserve(runs_.size());
  const auto& outer = earlier.runs_;
  for (size_t k = 0; k < runs_.size(); ++k) {
    const Run& run = runs_[k];
    const size_t length = (k + 1 < runs_.size() ? runs_[k + 1].at : entries_) - run.at;
    if (!run.copies) {
      m.append_repeated(earlier.map(run.source), length);
      continue;
    }
    // Copied entries follow the earlier map's runs across the range they cover.
    size_t at = run.source, left = length;
    size_t e = static_cast<size_t>(&earlier.run_of(at) - outer.data());
    while (left > 0) {
      const Run& through = outer[e];
      const bool last = e + 1 == outer.size();
      const size_t n = last ? left : std::min(left, outer[e + 1].at - at);
      if (through.copies) {
        m.append_copied(through.source + (at - through.at), n);
      } else {
        m.append_repeated(through.source, n);
      }
      at += n;
      left -= n;
      ++e;
    }
  }
  return m;
}

}  // namespace zhreport
