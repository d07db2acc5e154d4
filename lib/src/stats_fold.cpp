#include "stats_fold.h"

#include <algorithm>

namespace zhreport::stats_fold {

namespace {

// YYYY, YYYY-MM or YYYY-MM-DD (anything after the day is ignored); false otherwise.
bool parse(std::string_view date, int& year, int& month, int& day) {
  const auto digits = [&](size_t pos, size_t n, int& out) {
    if (date.size() < pos + n) return false;
    out = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (date[i] < '0' || date[i] > '9') return false;
      out = out * 10 + (date[i] - '0');
    }
    return true;
  };
  month = day = 0;
  if (!digits(0, 4, year) || year == 0) return false;
  if (date.size() == 4) return true;
  if (date[4] != '-' || !digits(5, 2, month) || month < 1 || month > 12) return false;
  if (date.size() == 7) return true;
  return date[7] == '-' && digits(8, 2, day) && day >= 1 && day <= 31;
}

}  // namespace

int32_t first_day(std::string_view date) {
  int year, month, day;
  if (!parse(date, year, month, day)) return 0;
  return year * 10000 + (month ? month : 1) * 100 + (day ? day : 1);
}

int32_t last_day(std::string_view date) {
  int year, month, day;
  if (!parse(date, year, month, day)) return 0;
  return year * 10000 + (month ? month : 12) * 100 + (day ? day : 31);
}

void insert(std::vector<Group>& groups, Group group) {
  // Disjoint and sorted by lo, so sorted by hi too: the first group ending at or after the
  // new one's start is the first it can overlap.
  auto first = std::lower_bound(groups.begin(), groups.end(), group.lo,
                                [](const Group& g, int32_t lo) { return g.hi < lo; });
  auto last = first;
  while (last != groups.end() && last->lo <= group.hi) absorb(group, *last++);
  if (first == last) {
    groups.insert(first, group);
    return;
  }
  *first = group;
  groups.erase(first + 1, last);
}

}  // namespace zhreport::stats_fold
