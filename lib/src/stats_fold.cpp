#include "stats_fold.h"

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

}  // namespace zhreport::stats_fold
