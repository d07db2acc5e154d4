// The time of the report and of its counts: the time phrases it states and its eras
// (Resolver::read_times), its date inferred, programme starts, and each count's period
// (set_period, resolve_period).

#include <bitset>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "context_resolver.h"
#include "span_index.h"
#include "times_internal.h"

namespace zhreport {
namespace embedded {
extern const std::string_view times_tsv;
}  // namespace embedded
namespace facts_detail::context {

namespace {

struct Era {
  std::string_view word, since;
  std::string_view until;  // a plan's last year (十三五: 2020), else empty
};

// The named eras: rows of role `era` in data/times.tsv (党的十八大 → 2012-11; 十三五 →
// 2016-2020).
const std::vector<Era>& eras() {
  static const std::vector<Era> list = [] {
    std::vector<Era> out;
    for (const auto& row : text::tsv_rows(embedded::times_tsv)) {
      if (row.size() < 3 || row[1] != "era") continue;
      std::string_view value = row[2];
      size_t dash = value.size() == 9 ? value.find('-') : value.npos;  // 2016-2020, not 2012-11
      if (dash == value.npos) {
        out.push_back({row[0], value, {}});
      } else {
        out.push_back({row[0], value.substr(0, dash), value.substr(dash + 1)});
      }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Era& a, const Era& b) { return a.word.size() > b.word.size(); });
    return out;
  }();
  return list;
}

// The first characters of the eras' words: add_eras compares the eras only where one of them
// stands in the few characters before a 以来 (none, mostly), where it searched those characters
// for each era.
const std::bitset<0x10000>& era_first_chars() {
  static const std::bitset<0x10000> chars = [] {
    std::bitset<0x10000> out;
    for (const Era& era : eras()) {
      if (!era.word.empty()) out.set(text::code_point_at(era.word, 0) & 0xFFFF);
    }
    return out;
  }();
  return chars;
}

// “十三五”期间, 十二五期间: a plan's whole period (an era with its last year, then a word of
// role era_span: data/times.tsv, standing at `spans`), in `out` unless a phrase found already
// holds it.
void add_era_spans(std::string_view s, const std::vector<size_t>& span_ends,
                   std::vector<TimePhrase>& out) {
  const std::vector<std::string_view>& spans = era_span_words();
  // Where a plan word (an era with its last year) ends right before a span word, or before the
  // closing quote before one. (plan, where), by plan in table order, then by position.
  std::vector<std::pair<size_t, size_t>> found;
  const std::vector<Era>& all = eras();
  auto plans_ending_at = [&](size_t end) {
    for (size_t plan = 0; plan < all.size(); ++plan) {
      const Era& era = all[plan];
      if (!era.until.empty() && s.substr(0, end).ends_with(era.word)) {
        found.emplace_back(plan, end - era.word.size());
      }
    }
  };
  constexpr std::string_view kQuote = "”";
  for (size_t q : span_ends) {
    plans_ending_at(q);
    if (s.substr(0, q).ends_with(kQuote)) plans_ending_at(q - kQuote.size());
  }
  if (found.empty()) return;
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  const SpanIndex known = SpanIndex::of(out);
  std::set<std::pair<size_t, size_t>> added;  // (which overlap none of the others)
  for (auto [plan, at] : found) {
    const Era& era = all[plan];
    size_t end = at + era.word.size();
    if (s.substr(end).starts_with(kQuote)) end += kQuote.size();
    auto span = std::find_if(spans.begin(), spans.end(),
                             [&](std::string_view w) { return s.substr(end).starts_with(w); });
    if (span == spans.end()) continue;
    end += span->size();
    auto last_before = added.lower_bound({end, 0});
    bool inside_known = known.overlaps(at, end) ||
                        (last_before != added.begin() && std::prev(last_before)->second > at);
    if (inside_known) continue;
    added.emplace(at, end);
    TimePhrase t;
    t.start = at, t.end = end;
    t.kind = TimeKind::range;
    t.since = era.since, t.until = era.until;
    out.push_back(std::move(t));
  }
}

// 党的十八大以来: a since phrase of a named era (data/times.tsv); “十三五”期间: a plan's years.
// `ends`: where find_times saw the words after them.
void add_eras(std::string_view s, std::string_view report_date, const EraEnds& ends,
              std::vector<TimePhrase>& out) {
  const size_t found_before = out.size();
  add_era_spans(s, ends.spans, out);
  // (most reports add none: the phrases found are in order)
  if (ends.since.empty() && out.size() == found_before) return;
  constexpr size_t kMaxBetween = 12;  // bytes: 召开, 胜利召开, 战略实施
  const std::vector<Era>& all = eras();
  // (eras() is sorted longest first: 京津冀协同发展)
  const size_t window = kMaxBetween + (all.empty() ? 0 : all.front().word.size());
  const SpanIndex known = SpanIndex::of(out);
  const size_t first_added = out.size();  // (the phrases added here end at their 以来, in order)
  const std::bitset<0x10000>& firsts = era_first_chars();
  std::vector<size_t> starts;  // where an era's first character stands in `before`, in order
  for (size_t found : ends.since) {
    size_t from = found > window ? found - window : 0;
    std::string_view before = s.substr(from, found - from);
    starts.clear();
    size_t i = 0;
    while (i < before.size() && (static_cast<unsigned char>(before[i]) & 0xC0u) == 0x80u) ++i;
    for (size_t next = 0; i < before.size(); i = next) {
      if (firsts.test(text::char_at(before, i, next) & 0xFFFF)) starts.push_back(i);
    }
    if (starts.empty()) continue;
    for (const Era& era : all) {
      auto in = std::find_if(starts.begin(), starts.end(), [&](size_t start) {
        return text::starts_with(before.substr(start), era.word);
      });
      if (in == starts.end()) continue;
      size_t at = from + *in;
      {
        size_t after = at + era.word.size();
        size_t since = found - after;
        bool inside_known = known.overlaps(at, at + 1);
        for (size_t k = out.size(); k > first_added && !inside_known && out[k - 1].end > at; --k) {
          inside_known = out[k - 1].start <= at;
        }
        if (inside_known) continue;
        TimePhrase t;
        t.start = at;
        t.end = after + since + kEraSince.size();
        t.kind = TimeKind::since;
        t.since = era.since;
        t.until = report_date;
        out.push_back(std::move(t));
      }
      break;  // the longest era word before this 以来
    }
  }
  if (out.size() == found_before) return;
  std::sort(out.begin(), out.end(),
            [](const TimePhrase& a, const TimePhrase& b) { return a.start < b.start; });
}

// A duration of more than N (一年多来, 两个多月来, 60余年来); with `unit` 年, of more than N years
// (二十多年来, 60余年来; not 一年多来).
bool more_than(std::string_view duration, std::string_view unit = "") {
  for (std::string_view more : {"多", "余"}) {
    for (size_t at = duration.find(more); at != duration.npos; at = duration.find(more, at + 1)) {
      if (duration.substr(at + more.size()).starts_with(unit)) return true;
    }
  }
  return false;
}

int year_of(std::string_view iso) {
  return iso.size() >= 4 ? std::atoi(std::string(iso.substr(0, 4)).c_str()) : 0;
}

// N of N年来 / 近N年 (a recent phrase), 0 when it counts no years.
int years_of_recent(std::string_view phrase) {
  size_t year = text::find(phrase, "年");
  if (year == phrase.npos) return 0;
  size_t begin = 0;
  static const std::vector<std::string_view> leads = [] {  // 近, 过去, 最近 (data/times.tsv)
    std::vector<std::string_view> out;
    for (const auto& row : text::tsv_rows(embedded::times_tsv)) {
      if (row.size() >= 2 && row[1] == "recent") out.push_back(row[0]);
    }
    return out;
  }();
  for (std::string_view lead : leads) {
    if (text::starts_with(phrase, lead) && lead.size() > begin) begin = lead.size();
  }
  auto n = parse_numeral(phrase.substr(begin, year - begin));
  return n && *n > 0 && *n < 100 ? static_cast<int>(*n) : 0;
}

// M月D日 at the start of `phrase`, or nullopt.
std::optional<std::pair<int, int>> month_day(std::string_view phrase) {
  int month = 0, day = 0;
  std::string p(phrase.substr(0, 24));
  if (std::sscanf(p.c_str(), "%d月%d日", &month, &day) == 2 && month >= 1 && month <= 12 &&
      day >= 1 && day <= 31) {
    return std::pair{month, day};
  }
  return std::nullopt;
}

// The days a length of `days` runs past its first day: a length of days counts that day too
// (为期15天 from 8月1日 ends on 8月15日), unlike one of months (为期一年 from 2023-07-10 ends on
// 2024-07-10).
int days_past_first(int days) { return days > 0 ? days - 1 : 0; }

// The day `offset` days after the first of `month`, as YYYY-MM-DD (an offset past the month's
// end runs on into the months after it, one below 0 back into those before): the calendar that
// both add_length and subtract_length count by.
std::string day_of_month(std::chrono::year_month month, int offset) {
  namespace chrono = std::chrono;
  chrono::year_month_day day{chrono::sys_days{month / 1} + chrono::days{offset}};
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(day.year()),
                static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
  return buffer;
}

// A date minus a length, as precise as the length needs: months → YYYY-MM, days → YYYY-MM-DD,
// the first day of a length of days that ends at `date`.
std::optional<std::string> subtract_length(std::string_view date, int days, int months) {
  namespace chrono = std::chrono;
  int y = year_of(date), mo = std::atoi(std::string(date.substr(5, 2)).c_str()),
      d = std::atoi(std::string(date.substr(8, 2)).c_str());
  chrono::year_month month = chrono::year{y} / mo - chrono::months{months};
  if (days != 0) return day_of_month(month, d - 1 - days_past_first(days));
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u", static_cast<int>(month.year()),
                static_cast<unsigned>(month.month()));
  return std::string(buffer);
}

// The last day of a length that starts at a day's `date` (YYYY-MM-DD).
std::string add_length(std::string_view date, int days, int months) {
  namespace chrono = std::chrono;
  int y = year_of(date), mo = std::atoi(std::string(date.substr(5, 2)).c_str()),
      d = std::atoi(std::string(date.substr(8, 2)).c_str());
  // (a day past the end of the month the months reach runs on into the next: 01-31 + 1 month)
  return day_of_month(chrono::year{y} / mo + chrono::months{months}, d - 1 + days_past_first(days));
}

// The period of a dated event and the length 为期N个月/N天/N周/N年 that `text` states after it:
// {since, until}; nullopt when it states none.
std::optional<std::pair<std::string, std::string>> period_of_length(std::string_view date,
                                                                    std::string_view text) {
  size_t at = text.npos, lasting = 0;
  for (std::string_view w : words(Role::lasting)) {  // 为期
    if (size_t found = text::find(text, w); found < at) at = found, lasting = w.size();
  }
  auto length = at == text.npos ? served_length(text) : length_at(text.substr(at + lasting));
  if (!length) return std::nullopt;
  auto [days, months] = *length;
  // 完成/结束为期两年的任务, 完成两年援外任务: the date ends the period, which began that long
  // before
  if (at == text.npos || ends_with_word(text.substr(0, at), Role::completes)) {
    return std::pair{*subtract_length(date, days, months), std::string(date)};
  }
  return std::pair{std::string(date), add_length(date, days, months)};
}

}  // namespace

std::vector<TimePhrase> Resolver::phrases_of(std::string_view date,
                                             const std::vector<TimePhrase>* found) const {
  std::vector<TimePhrase> phrases = found ? redate_times(s_, *found, date) : find_times(s_, date);
  add_eras(s_, date, era_ends_, phrases);
  return phrases;
}

void Resolver::read_times(const std::vector<std::vector<Cell>>& headers) {
  report_date_ = doc_.date;
  std::vector<TimePhrase> found = find_times(s_, report_date_, era_ends_);
  // (the phrases found are asked again only where the report has no date of its own)
  std::vector<TimePhrase> phrases = report_date_.empty() ? found : std::move(found);
  add_eras(s_, report_date_, era_ends_, phrases);
  if (report_date_.empty()) {
    report_date_ = infer_report_date(phrases);
    bool relative = std::any_of(phrases.begin(), phrases.end(), [](const TimePhrase& t) {
      return t.since.empty() || t.until.empty();
    });
    if (!report_date_.empty() && relative) phrases = phrases_of(report_date_, &found);
    if (report_date_.empty() && relative) count_from_title_year(found, phrases);
  }
  find_titled_year(phrases);
  undatable_ = report_date_.empty() && dates_only_starts(phrases);
  times_.reserve(phrases.size());  // (grown from one, each reallocation moved the times read)
  for (TimePhrase& t : phrases) {
    size_t clause = r_.clause_at(t.start);
    if (clause == r_.clauses.size()) continue;
    // 2018年7月进藏以来: a dated event a few characters before 以来 (runs_to_now) opens a period
    // that runs to the report's date
    if (t.kind == TimeKind::point && !t.since.empty()) {
      // bytes: 进藏, 结对, 开展帮扶, 东西部协作开展, 第十批辽宁援藏干部人才进藏 (inside
      // the clause: a comma ends the event)
      constexpr size_t kMaxEvent = 48;
      std::string_view rest =
          s_.substr(t.end, std::min(r_.clauses[clause].end - t.end, kMaxEvent + 6));
      for (std::string_view w : words(Role::runs_to_now)) {
        size_t at = text::find(rest, w);
        if (at == rest.npos || at == 0 || at > kMaxEvent || w != "以来") continue;
        t.kind = TimeKind::since;
        t.until = report_date_;
        t.end += at + w.size();
        break;
      }
    }
    // 2023年工作总结…自2015年…以来: a year's summary runs its since phrases to that year's end
    bool titled = !titled_.phrase.since.empty();
    if (titled && t.kind == TimeKind::since && t.until == report_date_) {
      t.until = titled_.phrase.until;
    }
    // 新华社郑州5月16日电: the report's dateline, no period of its counts
    if (t.kind == TimeKind::point && starts_with_word(s_.substr(t.end), Role::dateline)) continue;
    const Clause& c = r_.clauses[clause];
    bool adverbial = t.start <= c.start + 3 || t.end + 3 >= c.end;
    // 第九批援藏医疗队(2019年7月—2022年7月)共有队员9名: a team's term scopes like an adverbial
    adverbial = adverbial || (t.kind == TimeKind::range && s_.substr(0, t.start).ends_with("(") &&
                              s_.substr(t.end).starts_with(")"));
    times_.push_back({std::move(t), clause, adverbial});
  }
  add_whole_years();
  add_year_cells(headers);
  first_time_of_clause_ = first_of_clauses(times_, r_.clauses.size());
  find_programme_starts();
  find_year_starts();
  // 今年1月,…抵达喀什。半年来,…: months counted back from the report's date start at the
  // month a sentence of the paragraph dated just before (a month earlier or later)
  auto months = [](std::string_view iso) {
    return year_of(iso) * 12 + std::atoi(std::string(iso.substr(5, 2)).c_str()) - 1;
  };
  // (years_of_recent of each recent phrase, read once for both loops below: -1 until read)
  std::vector<int> counted;
  auto years_counted = [&](size_t i) {
    if (counted.empty()) counted.assign(times_.size(), -1);
    const TimePhrase& recent = times_[i].phrase;
    if (counted[i] < 0)
      counted[i] = years_of_recent(s_.substr(recent.start, recent.end - recent.start));
    return counted[i];
  };
  for (size_t i = 0; i < times_.size(); ++i) {
    // 第五批医疗队(2018年7月—2021年7月)…。三年间: the years of the term stated before
    TimePhrase& recent = times_[i].phrase;
    if (recent.kind != TimeKind::recent || i == 0) continue;
    // (past the years of a table's rows: 2020—2023年情况见下表:…表…。4年间 counts the years
    // stated before the table)
    size_t stated_at = i - 1;
    while (stated_at > 0 && times_[stated_at].row_year) --stated_at;
    const TimePhrase& term = times_[stated_at].phrase;
    std::string_view text = s_.substr(recent.start, recent.end - recent.start);
    // (N年间, N年里: within; not N年来: up to now, unless below)
    bool within = ends_with_word(text, Role::within);
    bool up_to_now = text.ends_with("来");
    int years = within || up_to_now ? years_counted(i) : 0;
    size_t term_block = sentence_of(times_[stated_at].clause).block;
    size_t block = sentence_of(times_[i].clause).block;
    // (两年间 opening the paragraph after the one that states the team's term: that term)
    // (not a year an event of the paragraph before is dated in: 帮助…于2018年创建三甲。\n一年间)
    bool stated = term.kind == TimeKind::range || times_[stated_at].adverbial;
    bool same_block = term_block == block || (within && term_block + 1 == block && stated);
    bool term_years = term.kind == TimeKind::range && !term.since.empty() && !term.until.empty() &&
                      std::abs(year_of(term.until) - year_of(term.since) - years) <= 1;
    // 2023年度,…。一年间: the year stated as a whole before
    bool whole_year = years == 1 && term.since.size() == 4 && term.since == term.until;
    // “十二五”期间,…。(a later paragraph) 五年里: whole years that are exactly the N counted
    bool whole_years = term.kind == TimeKind::range && term.since.size() == 4 &&
                       term.until.size() == 4 &&
                       year_of(term.until) - year_of(term.since) + 1 == years;
    // “十三五”期间(2016年至2020年),…。五年来 in a review dated in the plan's last year or the
    // next: N年来 counts the plan's whole years too (not those of any range: 从2017年至2024年…。
    // 八年来 runs to the report's date)
    if (up_to_now && !(whole_years && plan_dated_after(term))) continue;
    if ((same_block || whole_years) && years && (term_years || whole_year)) {
      recent.since = term.since, recent.until = term.until;
      recent.kind = TimeKind::range;
    }
  }
  for (size_t i = 0; i < times_.size(); ++i) {
    TimePhrase& recent = times_[i].phrase;
    if (recent.kind != TimeKind::recent) continue;
    if (take_start_before(i)) continue;
    // 去年3月…抵达。一年来 (dated 2024-03-20): years counted back from the report's month
    std::string counted_back = recent.since;
    int years = years_counted(i);
    if (counted_back.size() == 4 && report_date_.size() >= 7 && years &&
        year_of(counted_back) == year_of(report_date_) - years) {
      counted_back += report_date_.substr(4, 3);
    }
    size_t block = sentence_of(times_[i].clause).block;
    // 始于1997年。二十多年来: N多 years counted back from the year the paragraph says began
    std::string_view phrase = s_.substr(recent.start, recent.end - recent.start);
    // (or 自1968年起,…五十多年来: the year a since phrase opens with)
    if (counted_back.size() == 4 && i > 0 && more_than(phrase, "年")) {
      const Time& earlier = times_[i - 1];
      const std::string& began = earlier.phrase.since;
      int more = year_of(counted_back) - year_of(began);
      bool start = earlier.phrase.kind == TimeKind::point || earlier.phrase.kind == TimeKind::since;
      if (sentence_of(earlier.clause).block == block && start && began.size() == 4 && more > 0 &&
          more < 10) {
        recent.since = began;
      }
    }
    // 自1985年开始派遣…,40年来: a round N years after the year its sentence says the aid began,
    // one off it, count from that year
    if (recent.since.size() == 4 && i > 0 && years && !more_than(phrase)) {
      const Time& earlier = times_[i - 1];
      const std::string& began = earlier.phrase.since;
      bool start = earlier.phrase.kind == TimeKind::point || earlier.phrase.kind == TimeKind::since;
      bool same_sentence = &sentence_of(earlier.clause) == &sentence_of(times_[i].clause);
      if (start && same_sentence && began.size() == 4 &&
          std::abs(year_of(recent.since) - year_of(began)) == 1) {
        recent.since = began;
        continue;
      }
    }
    // 2021年是协作的开局之年。一年来 (dated 2021-12): N years counted with the year the report
    // stated before as a whole, which is N − 1 years before the report's
    if (recent.since.size() == 4 && years && !more_than(phrase)) {
      const Time* stated_time = nullptr;  // the nearest point before it
      for (size_t k = i; k > 0 && !stated_time;) {
        if (times_[--k].phrase.kind == TimeKind::point) stated_time = &times_[k];
      }
      const TimePhrase* stated = stated_time ? &stated_time->phrase : nullptr;
      bool whole = stated && stated->since.size() == 4 && stated->since == stated->until;
      if (whole && year_of(stated->since) == year_of(recent.since) + 1) {
        recent.since = stated->since;
        continue;
      }
      // (2022年是…第一年。一年来 dated 2023-01: the year the report tells of as a whole, the
      // subject of 是, which has ended, alone, or a year whose work its paragraph sums up, 全年;
      // not the year of an event: 2022年,…签订协议)
      std::string_view after = stated ? s_.substr(stated->end) : std::string_view();
      if (after.starts_with(",")) after.remove_prefix(1);
      bool summed_up = after.starts_with("是") || (whole && sums_up_year(*stated_time));
      if (whole && years == 1 && stated->since == recent.since && summed_up &&
          year_of(report_date_) == year_of(stated->since) + 1) {
        recent.until = stated->until;
        recent.kind = TimeKind::range;
        continue;
      }
    }
    if (counted_back.size() != 7) continue;
    for (size_t k = i; k > 0;) {
      const Time& earlier = times_[--k];
      if (sentence_of(earlier.clause).block != block) break;
      const std::string& since = earlier.phrase.since;
      if (earlier.phrase.kind != TimeKind::point || since.size() < 7) continue;
      if (std::abs(months(since) - months(counted_back)) <= 1) recent.since = since.substr(0, 7);
      break;
    }
  }
}

bool Resolver::sums_up_year(const Time& year) const {
  if (!year.adverbial || year.clause >= r_.clauses.size()) return false;
  size_t i = r_.clauses[year.clause].sentence;
  const Sentence& sentence = r_.sentences[i];
  size_t end = sentence.end;
  if (i + 1 < r_.sentences.size() && r_.sentences[i + 1].block == sentence.block) {
    end = r_.sentences[i + 1].end;
  }
  return year.clause == sentence.first_clause && has_word(sentence.start, end, Role::whole_year);
}

// (the start the sentence before states is the only one known; the end is not, without a date)
bool Resolver::take_start_before(size_t i) {
  TimePhrase& recent = times_[i].phrase;
  if (!report_date_.empty() || !recent.since.empty() || i == 0) return false;
  const Time& earlier = times_[i - 1];
  const Sentence& sentence = sentence_of(times_[i].clause);
  // (N年来, 一年多来: up to now from a start; not 过去一年, the last year whatever began before)
  std::string_view text = s_.substr(recent.start, recent.end - recent.start);
  bool opens =
      times_[i].adverbial && times_[i].clause == sentence.first_clause && text.ends_with("来");
  bool next = r_.clauses[earlier.clause].sentence + 1 == r_.clauses[times_[i].clause].sentence;
  if (!opens || !next || earlier.phrase.kind != TimeKind::since || earlier.phrase.since.empty()) {
    return false;
  }
  recent.since = earlier.phrase.since;
  return true;
}

void Resolver::find_programme_starts() {
  for (size_t i = 0; i < times_.size(); ++i) {
    const Time& t = times_[i];
    bool start = t.phrase.kind == TimeKind::since && !t.phrase.since.empty();
    if (!start || t.clause >= r_.clauses.size()) continue;
    if (respective_starts(i)) continue;
    auto aside = [&](const Mention& m) {
      return m.end + 1 == t.phrase.start && s_[m.end] == '(' && m.side != Side::from;
    };
    // (the first mention, in text order, before it in parentheses or after it in its clause)
    const Mention* receiver = nullptr;
    for (const Mention& m : mentions_of(t.clause, t.clause + 1)) {
      if (m.start >= t.phrase.end && m.side != Side::from) {
        receiver = &m;
        break;
      }
    }
    // (or right before it, in parentheses: 伊犁州(2010年以来); rare, so searched for)
    if (t.phrase.start > 0 && s_[t.phrase.start - 1] == '(') {
      auto before = std::find_if(places_.begin(), places_.end(), aside);
      if (before != places_.end() && (!receiver || &*before < receiver)) receiver = &*before;
    }
    if (!receiver) continue;
    size_t sentence = r_.clauses[t.clause].sentence;
    bool same = !starts_.empty() && starts_.back().sentence == sentence;
    // (one programme's, or one within another's: 伊犁州 … 援疆)
    if (same && same_area(starts_.back().receiver, receiver->place)) continue;
    starts_.push_back({i, receiver->place, sentence, aside(*receiver)});
  }
  // (a sentence of one start only has no programmes to tell apart; a sentence's are in a row)
  std::vector<Start> several;
  for (size_t first = 0, end = 0; first < starts_.size(); first = end) {
    while (end < starts_.size() && starts_[end].sentence == starts_[first].sentence) ++end;
    if (end - first >= 2)
      several.insert(several.end(), starts_.begin() + first, starts_.begin() + end);
  }
  starts_ = std::move(several);
}

void Resolver::find_year_starts() {
  for (size_t i = 0; i < times_.size(); ++i) {
    const Time& t = times_[i];
    const TimePhrase& year = t.phrase;
    bool bare = year.kind == TimeKind::point && year.since.size() == 4 && year.since == year.until;
    if (!bare || t.clause >= r_.clauses.size()) continue;
    const Sentence& sentence = sentence_of(t.clause);
    if (!has_word(year.end, sentence.end, Role::programme_start)) continue;
    // (the first place after the year that is not the giver: 广东省派出…赴赤道几内亚 → 赤道几内亚)
    std::span<const Mention> after = mentions_of(t.clause, sentence.end_clause);
    auto receiver = std::find_if(after.begin(), after.end(), [&](const Mention& m) {
      return m.start >= year.end && m.end <= sentence.end && m.side != Side::from && !m.sender &&
             !m.origin && !m.home;
    });
    if (receiver == after.end()) continue;
    year_starts_.push_back({i, receiver->place, r_.clauses[t.clause].sentence, false});
  }
  // (starts of one receiver's programme only have no programmes to tell apart)
  bool several = std::any_of(year_starts_.begin(), year_starts_.end(), [&](const Start& a) {
    return !same_area(a.receiver, year_starts_.front().receiver);
  });
  if (!several) year_starts_.clear();
}

void Resolver::start_of_programme(Fact& f, size_t at) const {
  if (!f.since.empty() || f.to.empty()) return;
  const Start* pick = nullptr;
  for (const Start& start : year_starts_) {
    const TimePhrase& year = times_[start.time].phrase;
    bool own = start.receiver->name == f.to;
    if (own && year.end <= at && (f.until.empty() || year.since <= f.until)) pick = &start;
  }
  if (!pick) return;
  const TimePhrase& year = times_[pick->time].phrase;
  f.since = year.since;
  f.since_span = {year.start, year.end};
}

bool Resolver::respective_starts(size_t last) {
  const Time& t = times_[last];
  const Clause& c = r_.clauses[t.clause];
  if (!has_word(c.start, t.phrase.start, Role::respectively)) return false;
  size_t first = last;
  while (first > 0) {
    const Time& before = times_[first - 1];
    std::string_view between =
        s_.substr(before.phrase.end, times_[first].phrase.start - before.phrase.end);
    bool listed = between == "和" || between == "、" || between == "与";
    if (before.clause != t.clause || before.phrase.kind != TimeKind::point ||
        before.phrase.since.size() != 4 || !listed) {
      break;
    }
    --first;
  }
  std::vector<const Mention*> receivers;
  for (const Mention& m : places_) {
    if (m.clause == t.clause && m.start >= t.phrase.end && m.side != Side::from) {
      receivers.push_back(&m);
    }
  }
  size_t n = last - first + 1;
  if (n < 2 || receivers.size() != n) return false;
  size_t sentence = c.sentence;
  for (size_t k = 0; k < n; ++k) {
    starts_.push_back({first + k, receivers[k]->place, sentence, false});
  }
  return true;
}

void Resolver::start_of_receiver_rest(Fact& f) const {
  const Time* used = nullptr;
  for (const Time& t : times_) {
    if (t.phrase.start == f.since_span.start && t.phrase.end == f.since_span.end) used = &t;
  }
  if (!used) return;
  size_t sentence = r_.clauses[used->clause].sentence;
  if (used->phrase.kind == TimeKind::recent) {  // the sentence before it, of its paragraph
    bool opens = sentence > 0 && used->clause == r_.sentences[sentence].first_clause;
    if (!opens || r_.sentences[sentence - 1].block != r_.sentences[sentence].block) return;
    --sentence;
  }
  const Start* pick = nullptr;
  for (const Start& start : starts_) {
    if (start.sentence != sentence) continue;
    const TimePhrase& phrase = times_[start.time].phrase;
    bool own = !f.to.empty() && start.receiver->name == f.to;
    bool earliest =
        f.to.empty() && !start.aside && (!pick || phrase.since < times_[pick->time].phrase.since);
    if (own || earliest) pick = &start;
  }
  if (!pick) return;
  const TimePhrase& phrase = times_[pick->time].phrase;
  f.since = phrase.since;
  f.since_span = {phrase.start, phrase.end};
}

void Resolver::count_from_title_year(const std::vector<TimePhrase>& found,
                                     std::vector<TimePhrase>& phrases) const {
  auto year = std::find_if(phrases.begin(), phrases.end(), [&](const TimePhrase& t) {
    return t.kind == TimeKind::point && t.since.size() == 4 && t.since == t.until &&
           is_title(t.start);
  });
  if (year == phrases.end()) return;
  std::string told = year->since;
  std::vector<TimePhrase> counted = phrases_of(told, &found);
  for (TimePhrase& t : counted) {
    auto undated = std::find_if(phrases.begin(), phrases.end(),
                                [&](const TimePhrase& u) { return u.start == t.start; });
    if (t.until == told && undated != phrases.end() && undated->until.empty()) t.until.clear();
  }
  phrases = std::move(counted);
}

bool Resolver::dates_only_starts(const std::vector<TimePhrase>& phrases) {
  return std::none_of(phrases.begin(), phrases.end(), [](const TimePhrase& t) {
    return t.kind != TimeKind::since && !(t.since.empty() && t.until.empty());
  });
}

std::string Resolver::infer_report_date(const std::vector<TimePhrase>& phrases) const {
  // The latest date the report narrates; a year alone that starts a programme (自1968年起)
  // dates no narrative, and gives no year to the lead's day.
  std::string latest;
  for (const TimePhrase& t : phrases) {
    if (t.kind == TimeKind::since && t.since.size() == 4 && t.until.empty()) continue;
    if (!t.until.empty() && t.until > latest) latest = t.until;
    if (!t.since.empty() && t.since > latest) latest = t.since;
  }
  for (const TimePhrase& t : phrases) {  // a note that dates the data: (本文数据截至2020年底)
    if (t.kind != TimeKind::until || t.until.empty()) continue;
    for (const Block& b : doc_.blocks) {
      if (b.start > t.start || t.end > b.end) continue;
      std::string_view line = s_.substr(b.start, b.end - b.start);
      while (line.ends_with(" ") || line.ends_with("。"))
        line.remove_suffix(line.ends_with(" ") ? 1 : 3);
      if (line.starts_with("(") && line.ends_with(")")) return t.until;
    }
  }
  for (const TimePhrase& t : phrases) {  // a date of the page's metadata (…2023-11-08 09:30)
    if (t.start >= lead_end_) break;
    bool metadata = std::any_of(doc_.blocks.begin(), doc_.blocks.end(), [&](const Block& b) {
      return b.kind == BlockKind::metadata && b.start <= t.start && t.end <= b.end;
    });
    if (metadata && t.kind == TimeKind::point && t.since.size() == 10) return t.since;
  }
  for (const TimePhrase& t : phrases) {  // a line of the header that is a date: (2023年8月16日)
    if (t.start >= lead_end_) break;
    size_t clause = r_.clause_at(t.start);
    if (t.kind != TimeKind::point || t.since.size() != 10 || clause == r_.clauses.size()) continue;
    const Block& b = doc_.blocks[sentence_of(clause).block];
    std::string rest(s_.substr(b.start, t.start - b.start));
    rest += s_.substr(t.end, b.end - t.end);
    if (rest.find_first_not_of("() ") == std::string::npos) return t.since;
  }
  for (const TimePhrase& t : phrases) {
    if (t.start >= lead_end_) break;
    std::string_view text = s_.substr(t.start, t.end - t.start);
    if (t.kind == TimeKind::point && t.since.empty()) {
      auto md = month_day(text);
      if (!md || latest.empty()) continue;
      int year = year_of(latest);
      char buffer[48];
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, md->first, md->second);
      std::string month_day_of = std::string(buffer).substr(5),
                  narrated = latest.size() > 5 ? latest.substr(5, 5) : std::string();
      if (month_day_of.substr(0, narrated.size()) < narrated) ++year;  // after 2020-07
      std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, md->first, md->second);
      return buffer;
    }
  }
  // 2021年5月,…签订协议。两年来,…: the recent phrase counts from the dated start before it;
  // not from a programme's start when the report dates nothing else (自2002年以来…。去年12月
  // 抵达…。一年来: the year counts from that undated arrival)
  const bool only_starts = dates_only_starts(phrases);
  for (const TimePhrase& t : phrases) {
    if (t.start >= period_end_ || only_starts) break;
    if (t.kind != TimeKind::recent || !t.since.empty()) continue;
    int years = years_of_recent(s_.substr(t.start, t.end - t.start));
    const TimePhrase* earliest = nullptr;  // the start the years count from
    for (const TimePhrase& anchor : phrases) {
      if (anchor.start >= t.start || !years) break;
      bool start = anchor.kind == TimeKind::since || anchor.kind == TimeKind::point;
      if (start && !anchor.since.empty() && (!earliest || anchor.since < earliest->since)) {
        earliest = &anchor;
      }
    }
    if (earliest) {
      std::string date = std::to_string(year_of(earliest->since) + years) +
                         (earliest->since.size() > 4 ? earliest->since.substr(4) : std::string());
      if (date >= latest.substr(0, date.size())) return date;  // not before what it narrates
    }
  }
  // 2024年1至9月,…。截至9月底,累计…: 截至 a month without its year is a month of the year
  // dated just before it (not before that date), and the data the report tells are as of then
  const TimePhrase* dated = nullptr;
  for (const TimePhrase& t : phrases) {
    if (t.kind != TimeKind::until || !t.until.empty()) {
      if (!t.until.empty()) dated = &t;
      continue;
    }
    std::string_view text = s_.substr(t.start, t.end - t.start);
    if (!dated || text.find("年") != text.npos) continue;  // (截至今年10月: the report's year)
    std::string end_of_year = dated->until.substr(0, 4) + "-12-31";
    std::vector<TimePhrase> again = find_times(text, end_of_year);
    if (again.empty() || again[0].until.size() != 7) continue;  // (截至目前: no month)
    if (again[0].until >= dated->until.substr(0, 7)) return again[0].until;
  }
  return {};
}

void Resolver::find_titled_year(const std::vector<TimePhrase>& phrases) {
  for (const Block& b : doc_.blocks) {
    if (b.kind != BlockKind::title) continue;
    for (const TimePhrase& t : phrases) {
      bool year = t.kind == TimeKind::point && t.since.size() == 4 && t.until == t.since;
      // (the word right after the year or later in the title: 2022年东西部协作工作情况的报告)
      if (year && b.start <= t.start && t.end <= b.end &&
          contains_word(s_.substr(t.end, b.end - t.end), Role::year_report)) {
        titled_ = {t, kNone, true};
        return;
      }
    }
  }
}

void Resolver::add_whole_years() {
  if (titled_.phrase.since.empty()) return;
  size_t before = times_.size();
  for (std::string_view w : words(Role::whole_year)) {
    for_each_in_body(w, [&](size_t start) {
      size_t end = start + w.size();
      size_t clause = r_.clause_at(start);
      bool taken = std::any_of(times_.begin(), times_.end(), [&](const Time& t) {
        return t.phrase.start < end && start < t.phrase.end;
      });
      if (clause == r_.clauses.size() || taken) return;
      const Clause& c = r_.clauses[clause];
      TimePhrase year{start, end, TimeKind::point, titled_.phrase.since, titled_.phrase.until};
      times_.push_back({std::move(year), clause, start <= c.start + 3 || end + 3 >= c.end});
    });
  }
  if (times_.size() == before) return;
  std::sort(times_.begin(), times_.end(),
            [](const Time& a, const Time& b) { return a.phrase.start < b.phrase.start; });
}

void Resolver::add_year_cells(const std::vector<std::vector<Cell>>& headers) {
  // (most reports: no table, whose rows the constructor noted, to pass each block's header for)
  if (table_rows_.empty()) return;
  auto text_of = [&](const Cell& c) { return s_.substr(c.start, c.end - c.start); };
  size_t before = times_.size();
  for (size_t i = 0; i < headers.size() && i < doc_.blocks.size(); ++i) {
    const std::vector<Cell>& header = headers[i];
    auto column = std::find_if(header.begin(), header.end(), [&](const Cell& c) {
      return is_word(text_of(c), Role::year_column);
    });
    if (column == header.end()) continue;
    std::vector<Cell> cells = cells_of(s_, doc_.blocks[i].start, doc_.blocks[i].end);
    if (cells.size() != header.size()) continue;
    const Cell& cell = cells[static_cast<size_t>(column - header.begin())];
    std::string_view year = text_of(cell);
    // (four digits of a plausible year, nothing else: not 2020—2021, not 2020年 already read)
    constexpr size_t kDigits = 4;
    constexpr int kFirstYear = 1949, kLastYear = 2100;
    bool digits = year.size() == kDigits && std::all_of(year.begin(), year.end(), [](char c) {
                    return c >= '0' && c <= '9';
                  });
    int value = digits ? year_of(year) : 0;
    size_t clause = r_.clause_at(cell.start);
    if (value < kFirstYear || value > kLastYear || clause == r_.clauses.size()) continue;
    TimePhrase phrase{cell.start, cell.end, TimeKind::point, std::string(year), std::string(year)};
    times_.push_back({std::move(phrase), clause, true, true});
  }
  if (times_.size() == before) return;
  std::sort(times_.begin(), times_.end(),
            [](const Time& a, const Time& b) { return a.phrase.start < b.phrase.start; });
}

bool Resolver::states_until(const TimePhrase& t) {
  return !t.until.empty() &&
         (t.kind == TimeKind::point || t.kind == TimeKind::range || t.kind == TimeKind::until);
}

void Resolver::set_period(Fact& f, const Time& t) const {
  // (a time of times_ is read once; one of a caller's own, made for one count, each time: the
  // bounds are compared before the offset is taken, which only a time of times_ has)
  if (std::less<>{}(&t, times_.data()) || !std::less<>{}(&t, times_.data() + times_.size())) {
    return read_period(f, t);
  }
  const auto index = static_cast<size_t>(&t - times_.data());
  if (memo_.periods.empty()) memo_.periods.resize(times_.size());
  std::optional<Memo::Period>& period = memo_.periods[index];
  if (!period) {
    read_period(f, t);
    period = Memo::Period{f.since, f.until, f.since_span, f.until_span};
    return;
  }
  f.since = period->since, f.until = period->until;
  f.since_span = period->since_span, f.until_span = period->until_span;
}

void Resolver::read_period(Fact& f, const Time& t) const {
  f.since = t.phrase.since;
  f.until = t.phrase.until;
  Span span{t.phrase.start, t.phrase.end};
  f.since_span = f.since.empty() ? Span{} : span;
  f.until_span = states_until(t.phrase) ? span : Span{};
  if (t.clause >= r_.clauses.size()) return;
  const Sentence& sentence = sentence_of(t.clause);
  std::string_view phrase = s_.substr(t.phrase.start, t.phrase.end - t.phrase.start);
  bool to_now = ends_with_word(phrase, Role::runs_to_now);  // 以来: runs to the report's date
  to_now = to_now || t.phrase.kind == TimeKind::recent;     // 10个月来: the last ten months
  if (!states_until(t.phrase) && !f.since.empty()) {
    for (const Time& other : times_of(sentence)) {
      // (not a year a value is compared at: 手术量由2020年的3000台增至去年的7000台; nor the date
      // of a later statement past a semicolon: 自1984年起…已派出19批;1993年首批…出发)
      bool compared = s_.substr(other.phrase.end).starts_with("的");
      bool later_part = part_of(other.clause).first > t.clause;
      // (nor a target after the report's date: 承诺到2025年底前…)
      bool target = !report_date_.empty() && other.phrase.until > report_date_;
      // (截至2022年底,…自1968年以来累计…: the date the total is told at closes even a period
      // that would run to the report's date)
      bool closes = !to_now || (other.phrase.kind == TimeKind::until &&
                                other.phrase.end <= t.phrase.start && other.adverbial);
      if (closes && &other != &t && states_until(other.phrase) && other.phrase.until >= f.since &&
          !compared && !later_part && !target && !aside(other, t.phrase.start) &&
          !opens_later_statement(other, t.clause)) {
        f.until = other.phrase.until;
        f.until_span = {other.phrase.start, other.phrase.end};
        break;
      }
    }
  }
  if (t.phrase.kind == TimeKind::point && f.since.size() == 7) {
    // 于2022年11月抵达几内亚,2024年11月完成任务回国: a team's stay, from its arrival to the
    // later date of its sentence, else (去年10月抵达朱巴) to the report's date
    for (const Time& other : times_of(sentence)) {
      bool target = !report_date_.empty() && other.phrase.until > report_date_;
      if (other.phrase.kind == TimeKind::point && other.phrase.start > t.phrase.end &&
          !other.phrase.until.empty() && other.phrase.since > f.until && !target) {
        f.until = other.phrase.until;
        f.until_span = {other.phrase.start, other.phrase.end};
        return;
      }
    }
    const Clause& c = r_.clauses[t.clause];
    if (arrives_in(t.phrase.end, c.end) && report_date_ > f.until) {
      f.until = report_date_;
      f.until_span = Span{};
    }
  }
  if (t.phrase.kind == TimeKind::point && f.since.size() == 10) {
    std::string_view rest = s_.substr(t.phrase.end, sentence.end - t.phrase.end);
    auto period = period_of_length(f.since, rest);
    if (!period) period = period_told_after(t);
    // 6月16日…抵达,开始为期一年的帮扶 (in a report of June 20th): a stay that only begins is
    // counted at its date
    if (period && report_date_.size() == 10 && period->second > report_date_) period.reset();
    if (period) {
      f.since = period->first, f.until = period->second;
      f.since_span = f.since == t.phrase.since ? span : Span{};
      f.until_span = f.until == t.phrase.until ? span : Span{};
    }
  }
}

std::optional<std::pair<std::string, std::string>> Resolver::period_told_after(
    const Time& t) const {
  size_t next = r_.clauses[t.clause].sentence + 1;
  if (next >= r_.sentences.size()) return std::nullopt;
  const Clause& opening = r_.clauses[r_.sentences[next].first_clause];
  std::string_view text = s_.substr(opening.start, opening.end - opening.start);
  if (text.starts_with("在")) text.remove_prefix(std::string_view("在").size());
  bool within = ends_with_word(text, Role::within);
  auto length = within ? length_at(text) : std::nullopt;  // (a numeral opens it)
  if (!length) return std::nullopt;
  const std::string& date = t.phrase.since;
  // (8月3日,专家团抵达…。10天里: a stay that began at the date runs the length after it)
  if (arrives_after(t)) return std::pair{date, add_length(date, length->first, length->second)};
  return std::pair{*subtract_length(date, length->first, length->second), date};
}

void Resolver::year_of_change(Fact& f, const Time& t, size_t clause, size_t at) const {
  const TimePhrase& range = t.phrase;
  if (range.kind != TimeKind::range || range.since.size() != 4 || range.until.size() != 4 ||
      range.since == range.until || clause >= r_.clauses.size() ||
      &sentence_of(t.clause) != &sentence_of(clause)) {
    return;  // (a range the count's own sentence states: not a lead's over a whole summary)
  }
  // (a range that writes both years, not one counted back: 三年来,…年手术量由…提高到…)
  std::string_view written = s_.substr(range.start, range.end - range.start);
  if (!text::contains(written, range.since) || !text::contains(written, range.until)) return;
  const Clause& c = r_.clauses[clause];
  std::string_view text = s_.substr(c.start, c.end - c.start);
  for (std::string_view word : words(Role::change_to)) {
    size_t change = text::find(text, word);
    if (change == text.npos) continue;
    size_t from = text.substr(0, change).rfind("由");
    if (from == text.npos || at < c.start + from) return;
    f.since = f.until = at < c.start + change ? range.since : range.until;
    f.since_span = f.until_span = {range.start, range.end};
    return;
  }
}

void Resolver::resolve_period(Fact& f, size_t clause, size_t at) const {
  const Time* t = period_of(f, clause, at);
  if (t) year_of_change(f, *t, clause, at);
  if (t && t->phrase.kind == TimeKind::until && f.since.empty()) open_start(f, *t, clause, at);
  if (t && t->phrase.kind == TimeKind::until) start_of_programme(f, at);
  served_to_event(f, clause, at);
  if (f.until < report_date_ && tells_so_far(clause, at)) {
    f.until = report_date_;
    f.until_span = Span{};
  }
}

void Resolver::served_to_event(Fact& f, size_t clause, size_t at) const {
  const Clause& c = r_.clauses[clause];
  if (f.since.size() != 10 || f.since != f.until || at <= c.start || at > c.end) return;
  std::optional<std::pair<int, int>> length = served_length(s_.substr(c.start, at - c.start));
  if (!length) return;
  if (auto since = subtract_length(f.since, length->first, length->second)) {
    f.since = *since;
    f.since_span = Span{};
  }
}

bool Resolver::tells_so_far(size_t clause, size_t at) const {
  for (size_t cl = part_of(clause).first; cl <= clause; ++cl) {
    const Clause& c = r_.clauses[cl];
    if (starts_with_word(s_.substr(c.start, c.end - c.start), Role::present) &&
        has_word(c.start, at, Role::so_far)) {
      return true;
    }
  }
  return false;
}

void Resolver::years_counted_rest(Fact& f, size_t clause, size_t at) const {
  constexpr std::string_view kYear = "年";
  const Clause& c = r_.clauses[clause];
  if (at <= c.start || at > c.end) return;
  const Sentence& sentence = sentence_of(clause);
  if (f.since_span.empty() || f.since_span.start < sentence.start || f.since_span.end > c.start) {
    return;
  }
  std::string_view before = s_.substr(c.start, at - c.start);
  for (std::string_view w : words(Role::to_now)) {
    size_t found = text::find(before, w);
    if (found == before.npos || !before.substr(0, found).ends_with(kYear)) continue;
    size_t end = found - kYear.size(), start = end;
    while (start > 0) {  // back over the numerals of the length (三, 10)
      size_t p = text::previous_char(before, start);
      if (past_numerals(before, p) == p) break;
      start = p;
    }
    auto years = parse_numeral(before.substr(start, end - start));
    if (!years || *years < 2 || *years >= 100) return;
    int until = year_of(f.since) + static_cast<int>(*years) - 1;
    if (until >= year_of(f.until)) return;
    f.until = std::to_string(until);
    f.until_span = Span{};
    return;
  }
}

void Resolver::open_start(Fact& f, const Time& closing, size_t clause, size_t at) const {
  auto opens = [&](const Time& t) {
    bool kind = t.phrase.kind == TimeKind::since || t.phrase.kind == TimeKind::recent;
    size_t common = std::min(t.phrase.since.size(), f.until.size());
    return &t != &closing && kind && !t.phrase.since.empty() &&
           t.phrase.since.compare(0, common, f.until, 0, common) <= 0;
  };
  auto take = [&](const Time& t) {
    f.since = t.phrase.since;
    f.since_span = {t.phrase.start, t.phrase.end};
  };
  const Sentence& sentence = sentence_of(clause);
  for (const Time& t : times_of(sentence)) {
    // (not a dated start past a semicolon after the count: 其中,援埃医疗队派出24批;自1978年
    // 以来,援赞医疗队派出23批 opens the later statement's period only; 两年多来 counts back
    // from the report's date for both)
    bool later_part = t.phrase.kind == TimeKind::since && t.clause < r_.clauses.size() &&
                      part_of(t.clause).first > clause;
    if (opens(t) && !later_part) return take(t);
  }
  for (size_t i : earlier_sentences(clause)) {
    const Sentence& earlier = r_.sentences[i];
    const Time* found = nullptr;
    // 2023年,第七批医疗队…。截至12月中旬: the team's year too
    for (const Time& t : times_of(earlier)) {
      bool point =
          t.phrase.kind == TimeKind::point && !t.phrase.since.empty() && t.phrase.since <= f.until;
      if (t.adverbial && (opens(t) || point)) found = &t;
    }
    if (found) return take(*found);
  }
  // 第十九批医疗队2023年6月起在…工作。\n截至2024年10月,本批医疗队共诊治…: a sentence on this
  // team (this_team) before the count starts at the team's stay told before, not the programme's
  // (队员们还培训…600人次 after that sentence: the 截至 it draws on is that sentence's)
  const Sentence& closed =
      closing.clause < r_.clauses.size() ? sentence_of(closing.clause) : sentence;
  size_t upto = &closed == &sentence ? at : closed.end;
  if (const Time* stay = stay_before(closed, upto, f.until)) return take(*stay);
  // (not a batch's stated after it: 截至2024年6月底累计派出83名。一年多来,第三批医疗队…; nor,
  // for a total, one stated before: 第七批…一年来的工作…。截至2023年8月,已累计选派8批次)
  const Time* period = report_period(f, closing.phrase.start);
  bool batch = period && period->clause < r_.clauses.size() &&
               names_batch(sentence_of(period->clause)) &&
               (period->phrase.start > closing.phrase.start ||
                (closing.phrase.end < at && has_word(closing.phrase.end, at, Role::to_now)));
  // (nor the team before this one's: 截至目前,累计派出146名。上一批医疗队入藏一年来,…)
  bool past = period && period->clause < r_.clauses.size() &&
              tells_past_team(sentence_of(period->clause), period->clause, period->phrase.end);
  if (period && opens(*period) && !batch && !past) return take(*period);
  if (const Time* months = months_closed(closing)) take(*months);
}

const Time* Resolver::months_closed(const Time& closing) const {
  size_t i = 1;  // (closing may be the titled year, no phrase of the text)
  while (i < times_.size() && &times_[i] != &closing) ++i;
  if (i >= times_.size()) return nullptr;
  const Time& before = times_[i - 1];
  if (before.clause >= r_.clauses.size() || closing.clause >= r_.clauses.size()) return nullptr;
  const TimePhrase& months = before.phrase;
  bool closes = months.kind == TimeKind::point && months.since.size() == 7 &&
                months.since < months.until && months.until == closing.phrase.until;
  size_t block = sentence_of(closing.clause).block;
  return closes && sentence_of(before.clause).block + 1 >= block ? &before : nullptr;
}

const Time* Resolver::stay_before(const Sentence& sentence, size_t at,
                                  std::string_view until) const {
  if (!has_word(sentence.start, at, Role::this_team)) return nullptr;
  for (size_t i = times_.size(); i > 0;) {
    const Time& t = times_[--i];
    if (t.phrase.start >= sentence.start || t.phrase.since.empty()) continue;
    size_t common = std::min(t.phrase.since.size(), until.size());
    if (t.phrase.since.compare(0, common, until, 0, common) > 0) continue;
    if (t.phrase.kind == TimeKind::since || arrives_after(t)) return &t;
  }
  return nullptr;
}

bool Resolver::names_batch(const Sentence& sentence) const {
  return any_ordinal(sentence.start, sentence.end,
                     [&](size_t at) { return past_ordinal(s_, at) != at; });
}

size_t Resolver::read_carried(const Sentence& sentence) const {
  if (memo_.carried_before.empty()) {
    memo_.carried_before.resize(times_.size());
    size_t last = kNone;
    for (size_t i = 0; i < times_.size(); ++i) {
      const Time& t = times_[i];
      TimeKind kind = t.phrase.kind;
      bool period = kind == TimeKind::since || kind == TimeKind::recent ||
                    kind == TimeKind::until || (kind == TimeKind::range && t.adverbial);
      bool dated = !t.phrase.since.empty() || !t.phrase.until.empty();
      if (dated && (period || (kind == TimeKind::point && arrives_after(t)))) last = i;
      memo_.carried_before[i] = last;
    }
  }
  // (the times of the paragraphs before the sentence's)
  size_t before = std::partition_point(times_.begin(), times_.end(),
                                       [&](const Time& t) {
                                         return t.phrase.start < sentence.start &&
                                                sentence_of(t.clause).block < sentence.block;
                                       }) -
                  times_.begin();
  if (before == 0 || memo_.carried_before[before - 1] == kNone) return kNone;
  const Time* nearest = &times_[memo_.carried_before[before - 1]];
  bool days = nearest->phrase.kind == TimeKind::range && nearest->phrase.since.size() == 10;
  size_t block = sentence_of(nearest->clause).block;
  std::span<const Time> upto = times_before(nearest->phrase.start + 1);
  bool stay = false;
  for (auto t = upto.rbegin(); t != upto.rend() && sentence_of(t->clause).block == block && !stay;
       ++t) {
    stay = arrives_after(*t);
  }
  return days || stay ? memo_.carried_before[before - 1] : kNone;
}

const Time* Resolver::carried_period(const Fact& f, const Sentence& sentence) const {
  // (read once per sentence: asked per count)
  if (memo_.carried_of_sentence.empty()) {
    memo_.carried_of_sentence.assign(r_.sentences.size(), kUnread);
  }
  size_t& carried = memo_.carried_of_sentence[&sentence - r_.sentences.data()];
  if (carried == kUnread) carried = read_carried(sentence);
  if (carried == kNone) return nullptr;
  const Time* nearest = &times_[carried];
  const Place* giver = f.from.empty() ? nullptr : place_told(f.from, f.from_province);
  Fact of_period;
  resolve_from(of_period, nearest->clause);
  const Place* stated = find_place(of_period.from, of_period.from_province);
  return !giver || !stated || same_area(giver, stated) ? nearest : nullptr;
}

bool Resolver::arrives_in(size_t from, size_t to) const {
  if (has_word(from, to, Role::arrives)) return true;
  constexpr std::string_view kArrive = "抵";
  bool arrives = false;
  for_each_occurrence(s_.substr(from, to - from), kArrive, [&](size_t at) {
    size_t next = from + at + kArrive.size();
    if (arrives || next >= s_.size()) return;
    std::string_view initial = s_.substr(next, next_char(s_, next) - next);
    arrives = std::any_of(places_.begin(), places_.end(), [&](const Mention& m) {
      return m.place && m.place->abroad && m.place->name.starts_with(initial);
    });
  });
  return arrives;
}

bool Resolver::arrives_after(const Time& t) const {
  if (t.phrase.since.size() < 7) return false;
  if (arrives_in(t.phrase.start, t.phrase.end)) return true;
  const Sentence& sentence = sentence_of(t.clause);
  return arrives_in(t.phrase.end, sentence.end);
}

void Resolver::run_stay_to_report(Fact& f, const Time& t, const Sentence& sentence) const {
  // (not a stay whose length the arrival's sentence tells: 来到…,开启为期半年的驻点帮扶)
  const Sentence& arrival = sentence_of(t.clause);
  bool lasting = has_word(t.phrase.end, arrival.end, Role::lasting);
  bool stay = t.phrase.since.size() == 7 && arrives_after(t);
  // (in an undated report, to a date unknown rather than the arrival's month; but a length the
  // count's paragraph tells counts from the arrival: 2024年3月…抵达。\n半年来,… → 2024-09)
  bool length_told = std::any_of(times_.begin(), times_.end(), [&](const Time& other) {
    return other.phrase.kind == TimeKind::recent && other.phrase.start < sentence.end &&
           sentence_of(other.clause).block == sentence.block;
  });
  bool unknown_end = report_date_.empty() && f.until == t.phrase.since && !length_told;
  if (stay && ((report_date_ > f.until && !lasting) || unknown_end)) {
    f.until = report_date_;
    f.until_span = Span{};
  }
}

const Time* Resolver::team_arrival(const Sentence& sentence, size_t at) const {
  if (!has_word(sentence.start, at, Role::this_team)) return nullptr;
  for (size_t i = times_.size(); i > 0;) {
    const Time& t = times_[--i];
    if (t.phrase.start >= sentence.start) continue;
    if (arrives_after(t)) return &t;
  }
  return nullptr;
}

const Time* Resolver::referred_period(const Sentence& sentence, size_t at) const {
  auto before = [&](size_t start, auto&& fits) -> const Time* {
    for (size_t i = times_.size(); i > 0;) {
      const Time& t = times_[--i];
      if (t.phrase.start < start && fits(t.phrase)) return &t;
    }
    return nullptr;
  };
  size_t start = doc_.blocks.empty() ? 0 : std::min(doc_.blocks[sentence.block].start, at);
  if (has_word(sentence.start, at, Role::same_period)) {
    // (截至2023年底,…。同期: a period its paragraph closes without a start, which open_start
    // gives it; not a year a value is compared at: 就诊率由2021年的82%提高到91%)
    return before(sentence.start, [&](const TimePhrase& t) {
      if (s_.substr(t.end).starts_with("的")) return false;
      return !t.since.empty() || (t.kind == TimeKind::until && t.start >= start);
    });
  }
  if (!has_word(start, at, Role::at_event)) return nullptr;
  bool dated = time_starts_in(start, at);
  if (dated) return nullptr;
  return before(start, [](const TimePhrase& t) { return t.since.size() == 10; });
}

const Time* Resolver::stay_reviewed_at(const Time& event, const Sentence& sentence,
                                       size_t at) const {
  if (event.phrase.kind != TimeKind::point || event.clause >= r_.clauses.size() ||
      !has_word(doc_.blocks[sentence.block].start, at, Role::reports)) {
    return nullptr;
  }
  size_t block = sentence_of(event.clause).block;
  for (const Time& t : times_) {
    if (t.phrase.start <= event.phrase.start || t.clause >= r_.clauses.size()) continue;
    if (t.phrase.start >= sentence.start || sentence_of(t.clause).block != block) break;
    if (t.phrase.kind == TimeKind::since && !t.phrase.since.empty() &&
        t.phrase.since < event.phrase.since) {
      return &t;
    }
  }
  return nullptr;
}

bool Resolver::aside(const Time& t, size_t at) const {
  if (t.phrase.kind == TimeKind::range || t.clause >= r_.clauses.size()) return false;
  const Clause& c = r_.clauses[t.clause];
  std::string_view before = s_.substr(c.start, t.phrase.start - c.start);
  size_t open = before.rfind('(');
  if (open == before.npos || before.find(')', open) != before.npos) return false;
  size_t close = s_.find(')', t.phrase.end);
  open += c.start;
  return close != s_.npos && (at < open || at > close);
}

size_t Resolver::listed_under(size_t block) const {
  auto text_of = [&](const Block& b) { return s_.substr(b.start, b.end - b.start); };
  if (!starts_with_word(text_of(doc_.blocks[block]), Role::list_item)) return kNone;
  size_t above = block;
  while (above > 0 && starts_with_word(text_of(doc_.blocks[above - 1]), Role::list_item)) --above;
  if (above == 0) return kNone;
  const Block& opening = doc_.blocks[above - 1];
  std::string_view line = text::trim(text_of(opening));
  for (std::string_view colon : {":", "："}) {
    if (!line.ends_with(colon)) continue;
    line.remove_suffix(colon.size());
    if (!ends_with_word(line, Role::part)) return kNone;
    // (the clause before the part word's: the statement it breaks down)
    size_t part = r_.clause_at(opening.start + line.size() - 1);
    if (part == r_.clauses.size() || part == 0) return kNone;
    return r_.clauses[part - 1].start >= opening.start ? part - 1 : kNone;
  }
  return kNone;
}

size_t Resolver::read_broken_down(const Sentence& sentence) const {
  if (sentence.block == 0 || sentence.block >= doc_.blocks.size()) return kNone;
  if (size_t listed = listed_under(sentence.block); listed != kNone) return listed;
  const Block& b = doc_.blocks[sentence.block];
  if (!starts_with_word(s_.substr(b.start, b.end - b.start), Role::breakdown) &&
      !paragraph_place(b.start)) {
    return kNone;
  }
  // (the clause before the sentence: the last of the paragraph before, or of the sentence
  // before in the paragraph, which the same reading dates)
  size_t before = sentence.first_clause;
  const Block& above = doc_.blocks[sentence.block - 1];
  return before > 0 && r_.clauses[before - 1].start >= above.start ? before - 1 : kNone;
}

void Resolver::end_at_broken_down(Fact& f, const Time& t, const Sentence& sentence) const {
  if (t.phrase.kind != TimeKind::since || f.until != report_date_ || f.since.empty()) return;
  size_t broken = broken_down(sentence);
  if (broken == kNone) return;
  Fact statement;
  period_of(statement, broken, r_.clauses[broken].end);
  if (statement.until.empty() || statement.until_span.empty() || statement.until >= f.until ||
      statement.until < f.since) {
    return;
  }
  f.until = statement.until;
  f.until_span = statement.until_span;
}

bool Resolver::opens_later_statement(const Time& t, size_t clause) const {
  if (t.phrase.kind != TimeKind::point || t.clause >= r_.clauses.size() || t.clause <= clause) {
    return false;
  }
  // (the year first, not an event's date: 共接诊…,于去年9月完成任务回国 ends the stay before)
  return t.phrase.start == r_.clauses[t.clause].start;
}

bool Resolver::tells_present(size_t clause, size_t at) const {
  // (most parts hold no present word at all: the block's words say so, before the clauses are
  // read one by one)
  size_t first = part_of(clause).first;
  if (!has_word(r_.clauses[first].start, r_.clauses[clause].end, Role::present)) return false;
  if (memo_.opens_present.empty()) memo_.opens_present.assign(r_.clauses.size(), kUnreadFlag);
  size_t opening = kNone;
  for (size_t cl = first; cl <= clause; ++cl) {
    int8_t& opens = memo_.opens_present[cl];  // (read once per clause: asked per count of its part)
    if (opens == kUnreadFlag) {
      const Clause& c = r_.clauses[cl];
      opens = starts_with_word(s_.substr(c.start, c.end - c.start), Role::present);
    }
    if (opens) opening = cl;
  }
  if (opening == kNone) return false;
  size_t start = r_.clauses[opening].start;
  bool dated = time_starts_in(start, at);
  return !dated && !has_word(start, at, Role::to_now) && !has_word(start, at, Role::so_far);
}

bool Resolver::plan_dated_after(const TimePhrase& term) const {
  int after_term = year_of(report_date_) - year_of(term.until);
  return after_term >= 0 && after_term <= 1 &&
         std::any_of(eras().begin(), eras().end(), [&](const Era& era) {
           return era.since == term.since && era.until == term.until;
         });
}

bool Resolver::names_earlier_batch_rest(const Clause& c) const {
  return any_ordinal(c.start, c.end, [&](size_t at) {
    Batch b = batch_at(s_, at);
    return b.number > 0 &&
           std::any_of(lead_batches_.begin(), lead_batches_.end(), [&](const Batch& led) {
             return led.team == b.team && b.number < led.number;
           });
  });
}

bool Resolver::tells_past_team(const Sentence& sentence, size_t clause, size_t at) const {
  size_t index = r_.clauses[clause].sentence;
  if (memo_.past_team_clause.empty()) memo_.past_team_clause.assign(r_.sentences.size(), kUnread);
  size_t& opening = memo_.past_team_clause[index];  // (read once per sentence: asked per count)
  // (most sentences name neither a past team nor, in a report that leads none, a batch: the
  // block's words say so, before the clauses are read one by one)
  if (opening == kUnread && lead_batches_.empty() &&
      !has_word(r_.clauses[sentence.first_clause].start, r_.clauses[sentence.end_clause - 1].end,
                Role::past_team)) {
    opening = kNone;
  }
  if (opening == kUnread) {
    opening = kNone;
    for (size_t cl = sentence.first_clause; cl < sentence.end_clause && opening == kNone; ++cl) {
      const Clause& c = r_.clauses[cl];
      if (starts_with_word(s_.substr(c.start, c.end - c.start), Role::past_team) ||
          names_earlier_batch(c)) {
        opening = cl;
      }
    }
  }
  return opening != kNone && opening <= clause && r_.clauses[opening].start < at;
}

bool Resolver::sends_first_team(const Time& t) const {
  if (t.phrase.kind != TimeKind::point || t.clause >= r_.clauses.size()) return false;
  return has_word(t.phrase.end, sentence_of(t.clause).end, Role::programme_start);
}

bool Resolver::opens_undated(const Sentence& sentence, size_t clause, size_t at) const {
  for (size_t cl = sentence.first_clause; cl <= clause; ++cl) {
    size_t opens = undated_opening(cl, at);
    if (opens == kNone) continue;
    std::span<const Time> own = times_of(cl, cl + 1);
    bool dated = std::any_of(own.begin(), own.end(), [&](const Time& t) {
      return !(t.phrase.since.empty() && t.phrase.until.empty());
    });
    if (dated || dated_before(sentence, opens)) continue;
    // (a start told before it: an arrival only for a period that opens with one,
    // 2022年12月抵达塞拉利昂。…医疗队抵塞以来, not 2022年10月,…来到和田。…北京对口支援和田地区
    // 以来, the programme's; one of its own sentence for a period that opens with none,
    // 自1968年起…,半个多世纪以来, not 自2002年…以来,…;本批队员抵达以来; or a date that sends
    // the programme's first team: 1975年9月,…首批医疗队抵达…。半个世纪以来)
    bool opens_arrival = arrives_in(r_.clauses[cl].start, std::min(r_.clauses[cl].end, at));
    // (asked last: most counts' clauses open no such period, and this reads every time phrase)
    bool started = std::any_of(times_.begin(), times_.end(), [&](const Time& t) {
      if (t.phrase.since.empty()) return false;
      bool start = t.phrase.kind == TimeKind::since || t.phrase.kind == TimeKind::range;
      if (t.phrase.start < sentence.start) {
        return start || (opens_arrival && arrives_after(t)) || sends_first_team(t);
      }
      return start && !opens_arrival && t.phrase.start < opens;
    });
    return !started;
  }
  return false;
}

const Time* Resolver::closed_before(const Sentence& sentence, size_t at) const {
  const Time* closed = nullptr;
  for (const Time& t : times_of(sentence)) {
    if (t.phrase.start >= at) break;
    if (t.phrase.kind == TimeKind::until && !t.phrase.until.empty() && !aside(t, at)) {
      closed = &t;
    }
  }
  return closed;
}

size_t Resolver::undated_opening_rest(size_t cl, size_t at) const {
  const Clause& c = r_.clauses[cl];
  auto first_in = [&](size_t end) {
    std::string_view text = s_.substr(c.start, end - std::min(c.start, end));
    size_t opens = text.npos;
    for (std::string_view w : words(Role::undated)) opens = std::min(opens, text::find(text, w));
    return opens == text.npos ? kNone : c.start + opens;
  };
  // (the first in the whole clause, read once per clause: it is asked for each count of its
  // sentence, most of them after it, whose answer it is; a count inside the clause searches up
  // to itself only where the first stands before it)
  if (memo_.undated_first.empty()) memo_.undated_first.assign(r_.clauses.size(), kUnread);
  size_t& first = memo_.undated_first[cl];
  if (first == kUnread) first = first_in(c.end);
  if (first == kNone || at >= c.end) return first;
  return first < at ? first_in(at) : kNone;
}

std::string_view Resolver::event_before(const Sentence& sentence, size_t end) const {
  constexpr size_t kEvent = 6;  // bytes: two characters (托管, 帮扶, 抵塞)
  for (const Mention& m : mentions_of(sentence)) {
    if (m.end == end && m.end - m.start >= kEvent) end = m.start;
  }
  if (end < sentence.start + kEvent) return {};
  return s_.substr(end - kEvent, kEvent);
}

const Time* Resolver::event_dated(const Sentence& sentence, size_t clause, size_t at) const {
  for (size_t cl = sentence.first_clause; cl <= clause; ++cl) {
    size_t opens = undated_opening(cl, at);
    if (opens == kNone) continue;
    // (自1996年首批医疗队出征以来: the clause dates its event itself)
    std::span<const Time> own = times_of(cl, cl + 1);
    bool dated_here =
        std::any_of(own.begin(), own.end(), [&](const Time& t) { return !t.phrase.since.empty(); });
    std::string_view event = event_before(sentence, opens);
    if (dated_here || event.empty()) return nullptr;
    std::span<const Time> before = times_before(sentence.start);  // (the latest told)
    auto dated = std::find_if(before.rbegin(), before.rend(), [&](const Time& t) {
      return !t.phrase.since.empty() && s_.substr(t.phrase.end).starts_with(event);
    });
    return dated == before.rend() ? nullptr : &*dated;
  }
  return nullptr;
}

bool Resolver::dated_before(const Sentence& sentence, size_t end) const {
  for (size_t i : earlier_sentences(sentence.first_clause)) {
    const Sentence& earlier = r_.sentences[i];
    std::span<const Time> told = times_of(earlier);
    bool dated = std::any_of(told.begin(), told.end(),
                             [&](const Time& t) { return !t.phrase.since.empty(); });
    if (dated && earlier.block == sentence.block) return true;
    break;
  }
  std::string_view event = event_before(sentence, end);
  if (event.empty()) return false;
  return std::any_of(times_.begin(), times_.end(), [&](const Time& t) {
    if (t.phrase.start >= sentence.start || (t.phrase.since.empty() && t.phrase.until.empty()))
      return false;
    const Sentence& told = sentence_of(t.clause);
    return s_.substr(told.start, told.end - told.start).find(event) != std::string_view::npos;
  });
}

bool Resolver::served_in(Fact& f, const Sentence& sentence, size_t at) const {
  if (report_date_.size() != 10) return false;
  std::optional<std::pair<int, int>> length;
  std::string_view before = s_.substr(sentence.start, at - sentence.start);
  // (not a term to come: 新一批医疗队将在…工作两年)
  bool to_come = text::find(before, "将") != before.npos;
  for (std::string_view w : words(Role::serves)) {
    for (size_t found = to_come ? before.npos : text::find(before, w);
         found != before.npos && !length; found = text::find(before, w, found + 1)) {
      length = length_at(before.substr(found + w.size()));
    }
  }
  if (!length) return false;
  f.since = *subtract_length(report_date_, length->first, length->second);
  f.until = report_date_;
  f.since_span = f.until_span = Span{};
  return true;
}

bool Resolver::names_other_receiver(size_t clause, const Fact& f) const {
  const Place* to = f.to.empty() ? nullptr : place_told(f.to, f.to_province);
  return to && std::any_of(places_.begin(), places_.end(), [&](const Mention& m) {
           return m.clause == clause && m.side != Side::from && !m.origin && !m.home &&
                  !same_area(m.place, to);
         });
}

const Time* Resolver::period_of(Fact& f, size_t clause, size_t at) const {
  auto usable = [](const Time& t) { return !(t.phrase.since.empty() && t.phrase.until.empty()); };
  const Time* before = nullptr;
  const Time* after = nullptr;
  for (const Time& t : times_of(clause, clause + 1)) {
    if (!usable(t) || aside(t, at)) continue;
    if (t.phrase.start < at) before = &t;
    if (t.phrase.start >= at && !after) after = &t;
  }
  if (const Time* t = before ? before : after) {
    set_period(f, *t);
    end_at_broken_down(f, *t, sentence_of(clause));
    return t;
  }
  if (tells_present(clause, at)) {
    f.since.clear();
    f.until = report_date_;
    f.since_span = f.until_span = Span{};
    return nullptr;
  }
  const Sentence& sentence = sentence_of(clause);
  // (one search for both: most sentences hold no such opening before the count)
  bool undated_before = opens_undated_before(sentence, at);
  if (undated_before && opens_undated(sentence, clause, at)) {
    // (工作开展以来,…,截至2023年底,累计选派…: the date its sentence closes it at ends it)
    const Time* closed = closed_before(sentence, at);
    f.since.clear();
    f.until = closed ? closed->phrase.until : report_date_;
    f.since_span = Span{};
    f.until_span = closed ? Span{closed->phrase.start, closed->phrase.end} : Span{};
    return nullptr;
  }
  if (const Time* t = undated_before ? event_dated(sentence, clause, at) : nullptr) {
    f.since = t->phrase.since;
    f.until = report_date_;
    f.since_span = {t->phrase.start, t->phrase.end};
    f.until_span = Span{};
    return t;
  }
  const Time* best = nullptr;
  const Clause& own_clause = r_.clauses[clause];
  // 至今, or a total (先后, 累计…) counted from an inherited start (data/context.tsv)
  bool to_now = has_word(own_clause.start, own_clause.end, Role::to_now);
  const Time* undated = nullptr;  // a time of the sentence that the report's date would give
  for (const Time& t : times_of(sentence)) {
    if (aside(t, at)) continue;
    // 医院于2017年成功创建三甲,累计开展新项目462项: an event inside another clause does not
    // date this one's count
    std::string_view before = s_.substr(0, t.phrase.start);
    bool event = ends_with_word(before, Role::event);  // 于2017年
    // (but a team's arrival starts its stay: 于2023年3月抵达维拉港,8名队员来自…; and the count's
    // clause may refer to the event's day before it: 于6月12日组织义诊,当天为320名群众诊疗)
    if (event && t.clause < r_.clauses.size()) {
      const Clause& c = r_.clauses[t.clause];
      bool that_day = t.clause < clause && t.phrase.since.size() == 10 &&
                      has_word(own_clause.start, at, Role::at_event);
      event = !arrives_in(t.phrase.end, c.end) && !that_day;
    }
    if (!t.adverbial && t.phrase.kind == TimeKind::point && event && t.clause != clause) continue;
    // 先后派出专家62名,…,该院去年完成的手术达4100台: a date inside a later clause dates that
    // clause's own statement, not a total (to_now: 先后, 累计…)
    if (!t.adverbial && t.phrase.kind == TimeKind::point && t.clause > clause && to_now) continue;
    // 其中,援塞拉利昂医疗队22批,援津巴布韦医疗队自1985年起派出19批: a start a later clause
    // states of another receiver's programme dates that clause's counts alone
    if (t.clause > clause && t.phrase.kind == TimeKind::since &&
        names_other_receiver(t.clause, f)) {
      continue;
    }
    // 先后有62名骨干赴津进修,其中去年一年就有20人: a later part narrows, it dates no total
    if (t.clause > clause && r_.clauses[t.clause].continues) continue;
    // 选派第十批医疗人才64名;截至2022年底,累计选派…: a later statement past a semicolon
    // dates its own counts
    if (part_of(t.clause).first > clause) continue;
    // 自2019年起派驻专家96名,帮助…建成9个重点专科,2023年该院完成…: a year opening a later
    // statement does not date the count after a start the sentence told before it
    if (best && best->phrase.start < at && opens_later_statement(t, clause)) continue;
    // 较2023年底的186名增加55名;累计在泰顺开展手术5900余台: a date an earlier part of the
    // sentence compares a value at dates that value alone (not a period: 一年来的工作成效:…)
    if (t.phrase.kind == TimeKind::point && part_of(t.clause).first < part_of(clause).first &&
        s_.substr(t.phrase.end).starts_with("的")) {
      continue;
    }
    // 自2021年8月抵达…以来,共接诊…,于去年9月完成任务回国: an event after the count (its
    // return) ends the stay opened before it, which dates the count (set_period)
    bool closes = event && t.phrase.kind == TimeKind::point && t.clause > clause && best &&
                  best->phrase.kind == TimeKind::since && best->phrase.start < at;
    if (closes) continue;
    if (!usable(t)) {
      // (截至目前 ends the period without starting it: an earlier start still opens it)
      if (!undated && t.phrase.kind != TimeKind::until) undated = &t;
      continue;
    }
    bool better = !best || (t.adverbial && !best->adverbial) ||
                  (t.adverbial == best->adverbial && t.clause < clause);
    if (better) best = &t;
  }
  // 2020年8月,…抵达喀什,至今已先后有3批: a clause that runs to now ends at the report's date;
  // so does one after a year a team set out in (1993年首批…出发,至今已派出14批), not a year's
  // whole period (2023年,…累计)
  auto set_to_now = [&](const Time& t) {
    set_period(f, t);
    bool dated_start =
        t.phrase.kind == TimeKind::point &&
        (t.phrase.since.size() >= 7 ||
         (t.clause < r_.clauses.size() && arrives_in(t.phrase.end, r_.clauses[t.clause].end)));
    if (to_now && dated_start && !report_date_.empty() && f.until < report_date_) {
      f.until = report_date_;
      f.until_span = Span{};
    }
    end_at_broken_down(f, t, sentence);
    return &t;
  };
  if (best) return set_to_now(*best);
  // 去年12月抵达…, 一年来,… in a report that dates nothing but a programme's start, or a start
  // of its own in one whose date nothing gives (今年以来, 今年上半年; not 一年半来, which may count
  // a term told before, nor in a report that closes a total at a date, 截至2024年11月底, and is
  // told in that date's year): the count's own time is told but not its year, so no period told
  // before it (自2002年以来) stands in for it
  bool own_start = undated && report_date_.empty() && undated->phrase.kind != TimeKind::recent &&
                   std::none_of(times_.begin(), times_.end(), [](const Time& t) {
                     return t.phrase.kind == TimeKind::until && !t.phrase.until.empty();
                   });
  if (undated && (undatable_ || own_start)) {
    f.since.clear();
    f.until.clear();
    f.since_span = f.until_span = Span{};
    return nullptr;
  }
  if (served_in(f, sentence, at)) return nullptr;
  // 2023年,…派驻专家156名。\n分县区看,淄博市…19名 (or 截至2023年底,全省…。\n太原市。…, a
  // paragraph a place heads): the statement a paragraph breaks down dates it, as the last count
  // of the paragraph before would be
  if (size_t broken = broken_down(sentence); broken != kNone) {
    return period_of(f, broken, r_.clauses[broken].end);
  }
  // (not the day of the meeting that tells of the team before this one: 欢迎会上,…上一批医疗队…)
  bool past_team = tells_past_team(sentence, clause, at);
  if (const Time* t = past_team ? nullptr : referred_period(sentence, at)) {
    const Time* chosen = set_to_now(*t);
    if (const Time* stay = stay_reviewed_at(*t, sentence, at)) {
      f.since = stay->phrase.since;
      f.since_span = {stay->phrase.start, stay->phrase.end};
    }
    return chosen;
  }
  for (size_t i : earlier_sentences(clause)) {
    if (past_team) break;  // (nor a start told before it: 河南自1974年起…。上一批医疗队…)
    const Sentence& earlier = r_.sentences[i];
    for (const Time& t : times_of(earlier)) {
      // (not a table row's year cell, which dates its row alone: 2024  413  6372 over a
      // sentence after the table, 其中,…三年派出专家47名)
      if (t.row_year) continue;
      // (or a team's arrival inside its clause: 医疗队今年5月抵达哈拉雷。队员们累计开展手术…)
      bool arrival = t.phrase.kind == TimeKind::point && !t.phrase.since.empty() &&
                     arrives_in(t.phrase.end, r_.clauses[t.clause].end);
      // (a year's summary: its 自2015年…以来, 截至2022年底 date their own totals only, not the
      // year's work)
      bool total = t.phrase.kind == TimeKind::since || t.phrase.kind == TimeKind::until;
      bool own_total = total && period_ == &titled_;
      // (or a start after its subject: 江苏省自1964年起向坦桑尼亚派遣医疗队。在桑给巴尔,…)
      bool start = t.phrase.kind == TimeKind::since;
      if ((t.adverbial || arrival || start) && usable(t) && !own_total) best = &t;
    }
    if (!best) continue;
    const Time* chosen = set_to_now(*best);
    run_stay_to_report(f, *best, sentence);
    return chosen;
  }
  if (!past_team) {
    if (const Time* team = team_arrival(sentence, at)) return set_to_now(*team);
    if (const Time* carried = carried_period(f, sentence)) {
      const Time* chosen = set_to_now(*carried);
      run_stay_to_report(f, *carried, sentence);  // (2022年2月…入疆。\n在某医院,专家开展…)
      return chosen;
    }
    if (const Time* period = report_period(f, at)) return set_to_now(*period);
  }
  f.since.clear();
  f.until = report_date_;
  f.since_span = f.until_span = Span{};
  return nullptr;
}

}  // namespace facts_detail::context
}  // namespace zhreport
