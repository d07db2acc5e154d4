// Periods and folding for zhstats (docs/statistics.md): dates as day numbers, the order that
// picks the kept fact, and the sorted list of disjoint groups a series keeps.
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "zhreport/stats.h"

namespace zhreport::stats_fold {

using Group = StatsAccumulator::Group;
using Kept = StatsAccumulator::Kept;

// The first and the last day of the interval an ISO date denotes (2019 -> 20190101 and
// 20191231, 2019-02 -> 20190201 and 20190231: every day of a month is below 31, which is all
// comparisons need); 0 when the text is not such a date.
int32_t first_day(std::string_view date);
int32_t last_day(std::string_view date);

// Whether `a` is kept rather than `b`: the later until, the later document date, the larger
// value, exact before approximate, then the smaller document id: `smaller_doc(a.doc, b.doc)`.
struct SameDocument {
  bool operator()(uint32_t, uint32_t) const { return false; }
};
template <typename SmallerDoc = SameDocument>
bool beats(const Kept& a, const Kept& b, SmallerDoc smaller_doc = {}) {
  if (a.until != b.until) return a.until > b.until;
  if (a.doc_date != b.doc_date) return a.doc_date > b.doc_date;
  if (a.value != b.value) return a.value > b.value;
  if (a.exact != b.exact) return a.exact;
  return smaller_doc(a.doc, b.doc);
}

// `into` takes in `other`: the union of the periods, the members, the better kept fact.
template <typename SmallerDoc = SameDocument>
void absorb(Group& into, const Group& other, SmallerDoc smaller_doc = {}) {
  if (other.members == 0) return;
  if (into.members == 0) {
    into = other;
    return;
  }
  into.lo = into.lo < other.lo ? into.lo : other.lo;
  into.hi = into.hi > other.hi ? into.hi : other.hi;
  into.members += other.members;
  if (beats(other.kept, into.kept, smaller_doc)) into.kept = other.kept;
}

// Adds a group to a list sorted by lo whose periods are disjoint: every group it overlaps
// (closed intervals) is folded into it.
template <typename SmallerDoc = SameDocument>
void insert(std::vector<Group>& groups, Group group, SmallerDoc smaller_doc = {}) {
  // Disjoint and sorted by lo, so sorted by hi too: the first group ending at or after the
  // new one's start is the first it can overlap.
  auto first = std::lower_bound(groups.begin(), groups.end(), group.lo,
                                [](const Group& g, int32_t lo) { return g.hi < lo; });
  auto last = first;
  while (last != groups.end() && last->lo <= group.hi) absorb(group, *last++, smaller_doc);
  if (first == last) {
    groups.insert(first, group);
    return;
  }
  *first = group;
  groups.erase(first + 1, last);
}

}  // namespace zhreport::stats_fold
