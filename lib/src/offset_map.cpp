#include "zhreport/offset_map.h"

#include <algorithm>

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

size_t OffsetMap::map(size_t offset) const {
  const Run& run = run_of(offset);
  return run.copies ? run.source + (offset - run.at) : run.source;
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
