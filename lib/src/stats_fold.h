// Periods and folding for zhstats (docs/statistics.md): dates as day numbers, the order that
// picks the kept fact, and the sorted list of disjoint groups a series keeps.
#pragma once

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
// value, exact before approximate, the smaller document index.
inline bool beats(const Kept& a, const Kept& b) {
  if (a.until != b.until) return a.until > b.until;
  if (a.doc_date != b.doc_date) return a.doc_date > b.doc_date;
  if (a.value != b.value) return a.value > b.value;
  if (a.exact != b.exact) return a.exact;
  return a.doc < b.doc;
}

// `into` takes in `other`: the union of the periods, the members, the better kept fact.
inline void absorb(Group& into, const Group& other) {
  if (other.members == 0) return;
  if (into.members == 0) {
    into = other;
    return;
  }
  into.lo = into.lo < other.lo ? into.lo : other.lo;
  into.hi = into.hi > other.hi ? into.hi : other.hi;
  into.members += other.members;
  if (beats(other.kept, into.kept)) into.kept = other.kept;
}

// Adds a group to a list sorted by lo whose periods are disjoint: every group it overlaps
// (closed intervals) is folded into it.
void insert(std::vector<Group>& groups, Group group);

}  // namespace zhreport::stats_fold
