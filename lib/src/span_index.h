// Which of a set of byte spans overlap a range, in logarithmic time: the mentions of a long
// report are asked of once per candidate, and a scan of them all per question made its reading
// quadratic.
//
//   SpanIndex names({{0, 6}, {10, 19}});
//   names.overlaps(4, 8);  // true: [0, 6) holds bytes 4 and 5
//   names.overlaps(6, 10);  // false
//   SpanIndex::of(mentions);  // of any items with members start and end
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <utility>
#include <vector>

namespace zhreport::facts_detail {

class SpanIndex {
 public:
  SpanIndex() = default;
  // spans: [start, end) pairs, in any order.
  explicit SpanIndex(std::vector<std::pair<size_t, size_t>> spans) : spans_(std::move(spans)) {
    std::sort(spans_.begin(), spans_.end());
    size_t reach = 0;
    for (auto& [start, end] : spans_) end = reach = std::max(reach, end);
  }

  // The spans of those of `items` that `keep` keeps, each item with members start and end (place
  // mentions, time phrases).
  template <typename Items, typename Keep>
  static SpanIndex of(const Items& items, Keep keep) {
    std::vector<std::pair<size_t, size_t>> spans;
    spans.reserve(std::size(items));  // (at most one each: grown from one, it reallocated ~5 times)
    for (const auto& item : items) {
      if (keep(item)) spans.emplace_back(item.start, item.end);
    }
    return SpanIndex(std::move(spans));
  }
  template <typename Items>
  static SpanIndex of(const Items& items) {
    return of(items, [](const auto&) { return true; });
  }

  // Whether a span shares a byte with [start, end).
  bool overlaps(size_t start, size_t end) const {
    // (of the spans that start before `end`, the one that reaches furthest: spans_ holds, for
    // each, the furthest end of it and those before it)
    auto after = std::partition_point(spans_.begin(), spans_.end(),
                                      [&](const auto& s) { return s.first < end; });
    return after != spans_.begin() && std::prev(after)->second > start;
  }

 private:
  std::vector<std::pair<size_t, size_t>> spans_;  // by start; second: the furthest end so far
};

}  // namespace zhreport::facts_detail
