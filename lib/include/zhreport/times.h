// Time phrases: which period a report's counts cover, read from the words around its dates.
//
//   auto phrases = zhreport::find_times("截至2022年底,浙江省累计派出专家1000余名", "2024-08-09");
//   phrases[0].kind;   // TimeKind::until
//   phrases[0].since;  // ""         (the programme's unstated beginning)
//   phrases[0].until;  // "2022-12"
//   phrases[0].start, phrases[0].end;  // the bytes of 截至2022年底 in the text
//
// The text is normalized Simplified (normalize.h, convert.h): ASCII digits. Dates are ISO 8601
// and only as precise as stated: 2014, 2019-01, 2024-08-06. The words around a date come from
// data/times.tsv (roles explained there):
//   point    a dated event or year: 2022年, 8月6日 (year from the report's date), 2019年度,
//            2022年上半年 (since 2022-01, until 2022-06), 今年/去年 (from the report's date)
//   range    two dates: 从1975年至2022年, 2019-2021年, 2021年3月至6月
//   since    自2009年以来, 从2015年起, 2021年至今: since the date, until the report's date
//   until    截至2022年底 (until 2022-12), 截至目前 (the report's date); since empty
//   recent   N年来 / 近N年 / N个月来 / 半年来 / 三年里: the last N years (years: since = the
//            report's year − N, as in 十年来 in 2024 → 2014) or months, until the report's date;
//            连日来: the last few days (since the report's month)
// Relative phrases need the report's date (YYYY-MM-DD or a prefix); without one they are still
// found, with empty since/until. Durations alone (工作3年), 多年来 and ages are no phrases.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace zhreport {

enum class TimeKind { point, range, since, until, recent };
std::string_view time_kind_name(TimeKind kind);  // "point" "range" "since" "until" "recent"

struct TimePhrase {
  size_t start = 0;  // byte range of the phrase in the text
  size_t end = 0;
  TimeKind kind = TimeKind::point;
  std::string since;  // first date of the period, ISO 8601 as precise as stated; "" = open
  std::string until;  // last date of the period; "" = unknown
};

// Every time phrase of `text`, in text order, not overlapping. `document_date` is the report's
// publication date (ISO 8601, any precision), or empty when unknown.
std::vector<TimePhrase> find_times(std::string_view text, std::string_view document_date);

// find_times(text, document_date) from `found`, the phrases find_times(text, another_date)
// gave: where a phrase starts and ends does not depend on the date, so only those phrases are
// read again (a report whose date is inferred from its phrases, then applied to them).
std::vector<TimePhrase> redate_times(std::string_view text, const std::vector<TimePhrase>& found,
                                     std::string_view document_date);

}  // namespace zhreport
