#include "context.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <optional>
#include <string>
#include <tuple>

#include "context_words.h"
#include "document_text.h"
#include "level_hospitals.h"
#include "zhreport/numbers.h"
#include "zhreport/places.h"
#include "zhreport/times.h"

namespace zhreport {
namespace embedded {
extern const std::string_view times_tsv;
}  // namespace embedded

namespace facts_detail {
namespace {

using text::code_point_at;
using text::next_char;

constexpr size_t kNone = SIZE_MAX;

// The giving side of a national programme (spec: 全国).
const Place kNationwide{"全国", "", "全国", PlaceLevel::province};

// A place the report names, with the side of the aid relationship its words give it.
struct Mention {
  size_t start = 0, end = 0;
  const Place* place = nullptr;
  Side side = Side::none;  // none: named without a marker (a candidate for `to`)
  size_t clause = kNone;
  bool visited = false;  // from: where persons go to study or return (赴福州进修, 回到成都)
  bool origin = false;   // where persons come from (来自武汉、宜昌等地): no receiving side
  bool home = false;  // the home of the team counted in its clause (来自福州市第一医院的专家)
  bool sender = false;  // the subject of a verb of sending or aid (浙江省累计向甘孜州下派…)
  bool aided = false;     // the object of a verb of aid (对口帮扶城步县人民医院)
  bool own = false;       // 我院: the publisher's own word for itself (own_institution)
  bool hospital = false;  // a hospital that sends teams (data/institutions.tsv): never receives
};

// A time phrase with the clause it stands in.
struct Time {
  TimePhrase phrase;
  size_t clause = kNone;
  bool adverbial = false;  // opens or closes its clause: it scopes over the sentence
};

// `a` lies inside `b` (拉萨市 in 西藏自治区, 乌什县 in 阿克苏地区), and is not `b`.
bool inside(const Place* a, const Place* b) {
  if (a == b || a->name == b->name) return false;
  return a->prefecture == b->name || (a->province == b->name && a->level != PlaceLevel::country);
}

bool same_area(const Place* a, const Place* b) {
  return a && b && (a->name == b->name || inside(a, b) || inside(b, a));
}

// A city's or province's hospitals sending doctors down to a county of its own (医疗人才下沉:
// 南阳市 → 淅川县, 四川省人民医院 → 昭觉县), a province's aiding a county or city of its own
// (湖南省人民医院对口帮扶城步县人民医院: `aided`, the place after a verb of aid; not 在甘孜州开班,
// where a province's course is held): the place receives though it lies in the giver.
bool sends_within(const Place* place, const Place* giver, bool aided) {
  if (!place || !giver || place->level == PlaceLevel::country) return false;
  bool county_of_giver =
      place->level == PlaceLevel::county &&
      (giver->level == PlaceLevel::prefecture
           ? place->prefecture == giver->name
           : giver->level == PlaceLevel::province && place->province == giver->name);
  return county_of_giver || (aided && inside(place, giver));
}

// The characters a count's number opens or ends with (援藏210名, 327名和216名): not 零/〇, which do
// neither and open words (零距离), unlike numbers_chars.h's numerals.
constexpr std::u32string_view kCountDigits = U"0123456789一二三四五六七八九十百千万两";

// A team abroad receives abroad: where a scope names a foreign place, China's own divisions
// beside it are where the team set out or a hospital's name (…在哈尔滨举行出征仪式, 援埃医疗队
// 在提露内斯-北京医院工作), no receivers.
void keep_abroad(std::vector<const Mention*>& ms) {
  if (ms.size() < 2) return;  // (most scopes: no place beside another to drop)
  if (std::none_of(ms.begin(), ms.end(), [](const Mention* m) { return m->place->abroad; })) {
    return;
  }
  std::erase_if(ms, [](const Mention* m) { return !m->place->abroad; });
}

struct Reduced {
  const Place* place = nullptr;
  const Mention* mention = nullptr;  // the phrase that names it, when one does
  bool ambiguous = false;
};

// The prefecture a place is or lies in; empty for a province, a country and a county under its
// province directly.
std::string_view prefecture(const Place* p) {
  return p->level == PlaceLevel::prefecture ? p->name : p->prefecture;
}

// A county-level division under its province directly, in no prefecture (the 兵团's 图木舒克市).
bool under_province(const Place* p) {
  return p->level == PlaceLevel::county && p->prefecture.empty();
}

// One place for several mentions: the most specific of a chain (西藏, 拉萨市 → 拉萨市), else the
// prefecture or province they share, else ambiguous (西藏、新疆、青海 → none).
Reduced reduce(const std::vector<const Mention*>& ms) {
  Reduced r;
  if (ms.empty()) return r;
  const Mention* best = ms[0];
  bool chain = true;
  for (const Mention* m : ms) {
    if (m->place->name == best->place->name) continue;
    if (inside(m->place, best->place)) {
      best = m;
    } else if (!inside(best->place, m->place)) {
      chain = false;
    }
  }
  if (chain) {
    for (const Mention* m : ms) chain = chain && same_area(m->place, best->place);
  }
  if (chain) {
    r.place = best->place;
    r.mention = best;
    return r;
  }
  // the most specific places only (援疆…赴阿瓦提县、乌什县: the counties' prefecture)
  std::vector<const Mention*> leaves;
  for (const Mention* m : ms) {
    bool contains = std::any_of(
        ms.begin(), ms.end(), [&](const Mention* other) { return inside(other->place, m->place); });
    if (!contains) leaves.push_back(m);
  }
  // (a prefecture and a county under its province directly, a 兵团 division's city, named
  // together are the prefecture's: 对口支援哈密市和兵团第十三师 → 哈密市)
  if (leaves.size() == 2 && under_province(leaves[0]->place) != under_province(leaves[1]->place)) {
    const Place* other = leaves[under_province(leaves[0]->place) ? 1 : 0]->place;
    if (other->level == PlaceLevel::prefecture && other->province == leaves[0]->place->province) {
      r.place = other;
      return r;
    }
  }
  std::string_view shared_prefecture = prefecture(leaves[0]->place);
  std::string_view shared_province = leaves[0]->place->province;
  for (const Mention* m : leaves) {
    if (prefecture(m->place) != shared_prefecture) shared_prefecture = {};
    if (m->place->province != shared_province) shared_province = {};
  }
  if (!shared_prefecture.empty()) r.place = find_place(shared_prefecture);
  if (!r.place && !shared_province.empty()) r.place = find_place(shared_province);
  r.ambiguous = r.place == nullptr;
  return r;
}

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

// Calls `f` with each offset where `word` occurs in `s`, in order: memchr for the word's last
// byte (in Chinese text a continuation byte, which ends about one character in 64), then a
// comparison of the bytes before it. memmem cost several times as much on the whole report for
// words such as 以来 and 期间 that occur a few times in it.
template <typename F>
void for_each_occurrence(std::string_view s, std::string_view word, F f) {
  if (word.empty()) return;
  for (size_t end = word.size() - 1; end < s.size(); ++end) {
    const void* last = std::memchr(s.data() + end, word.back(), s.size() - end);
    if (!last) return;
    end = static_cast<size_t>(static_cast<const char*>(last) - s.data());
    size_t at = end + 1 - word.size();
    // (the byte before it first: that rules out most without a call)
    bool before = word.size() < 2 || s[end - 1] == word[word.size() - 2];
    if (before && s.compare(at, word.size(), word) == 0) f(at);
  }
}

// “十三五”期间, 十二五期间: a plan's whole period (an era with its last year, then a word of
// role era_span: data/times.tsv), in `out` unless a phrase found already holds it.
void add_era_spans(std::string_view s, std::vector<TimePhrase>& out) {
  static const std::vector<std::string_view> spans = [] {
    std::vector<std::string_view> words;
    for (const auto& row : text::tsv_rows(embedded::times_tsv)) {
      if (row.size() >= 2 && row[1] == "era_span") words.push_back(row[0]);
    }
    return words;
  }();
  // Where a plan word (an era with its last year) ends right before a span word, or before the
  // closing quote before one: the text is searched once per span word (期间 is rare), not once
  // per plan. (plan, where), by plan in table order, then by position.
  std::vector<std::pair<size_t, size_t>> found;
  auto plans_ending_at = [&](size_t end) {
    for (size_t plan = 0; plan < eras().size(); ++plan) {
      const Era& era = eras()[plan];
      if (!era.until.empty() && s.substr(0, end).ends_with(era.word)) {
        found.emplace_back(plan, end - era.word.size());
      }
    }
  };
  constexpr std::string_view kQuote = "”";
  for (std::string_view span : spans) {
    for_each_occurrence(s, span, [&](size_t q) {
      plans_ending_at(q);
      if (s.substr(0, q).ends_with(kQuote)) plans_ending_at(q - kQuote.size());
    });
  }
  std::sort(found.begin(), found.end());
  found.erase(std::unique(found.begin(), found.end()), found.end());
  for (auto [plan, at] : found) {
    const Era& era = eras()[plan];
    size_t end = at + era.word.size();
    if (s.substr(end).starts_with(kQuote)) end += kQuote.size();
    auto span = std::find_if(spans.begin(), spans.end(),
                             [&](std::string_view w) { return s.substr(end).starts_with(w); });
    if (span == spans.end()) continue;
    end += span->size();
    bool inside_known = std::any_of(out.begin(), out.end(), [&, at = at](const TimePhrase& t) {
      return t.start < end && at < t.end;
    });
    if (inside_known) continue;
    TimePhrase t;
    t.start = at, t.end = end;
    t.kind = TimeKind::range;
    t.since = era.since, t.until = era.until;
    out.push_back(std::move(t));
  }
}

// 党的十八大以来: a since phrase of a named era (data/times.tsv); “十三五”期间: a plan's years.
void add_eras(std::string_view s, std::string_view report_date, std::vector<TimePhrase>& out) {
  add_era_spans(s, out);
  constexpr std::string_view kSince = "以来";
  constexpr size_t kMaxBetween = 12;  // bytes: 召开, 胜利召开, 战略实施
  // (eras() is sorted longest first: 京津冀协同发展)
  const size_t window = kMaxBetween + (eras().empty() ? 0 : eras().front().word.size());
  for_each_occurrence(s, kSince, [&](size_t found) {
    size_t from = found > window ? found - window : 0;
    std::string_view before = s.substr(from, found - from);
    for (const Era& era : eras()) {
      size_t in = text::find(before, era.word);
      if (in == before.npos) continue;
      size_t at = from + in;
      {
        size_t after = at + era.word.size();
        size_t since = found - after;
        bool inside_known = std::any_of(out.begin(), out.end(), [&](const TimePhrase& t) {
          return t.start <= at && at < t.end;
        });
        if (inside_known) continue;
        TimePhrase t;
        t.start = at;
        t.end = after + since + kSince.size();
        t.kind = TimeKind::since;
        t.since = era.since;
        t.until = report_date;
        out.push_back(std::move(t));
      }
      break;  // the longest era word before this 以来
    }
  });
  std::sort(out.begin(), out.end(),
            [](const TimePhrase& a, const TimePhrase& b) { return a.start < b.start; });
}

// A verb of aid (帮扶, 对口支援, 援助…: data/context.tsv), not one of going or being somewhere
// (赴, 到, 在).
bool is_aid(std::string_view verb) { return contains_word(verb, Role::aid); }

// A preposition of the verb's object (向, 为, 对, 给: toward, data/context.tsv), as a frame:
// 向…派驻.
bool is_toward(std::string_view verb) {
  const std::vector<std::string_view>& toward = words(Role::toward);
  return std::find(toward.begin(), toward.end(), verb) != toward.end();
}

// Past the digits or Chinese numerals at `pos` (3, 二十二, 〇), else `pos`: an ordinal's or a
// number of provinces' (第二十二批, 6省市), so no 千/万 as numbers_chars.h's numerals have.
size_t past_numerals(std::string_view s, size_t pos) {
  constexpr std::u32string_view kNumerals = U"0123456789〇零一二三四五六七八九十百两";
  while (pos < s.size() && kNumerals.find(code_point_at(s, pos)) != kNumerals.npos) {
    pos = next_char(s, pos);
  }
  return pos;
}

// A team named by its ordinal: 第22批援贝宁医疗队 → 22 and 援贝宁医疗队, the name that tells
// one programme's teams from another's.
struct Batch {
  int number = 0;  // 0: none
  std::string_view team;
};

// The team named by its ordinal at `pos` (第二十二批援贝宁医疗队), when the team's name ends
// with 队 within a few characters; else number 0.
Batch batch_at(std::string_view s, size_t pos) {
  constexpr std::string_view kOrdinal = "第", kBatch = "批", kTeam = "队";
  constexpr size_t kMaxName = 36;  // bytes: “组团式”援藏医疗队
  if (!s.substr(pos).starts_with(kOrdinal)) return {};
  size_t digits = pos + kOrdinal.size(), end = past_numerals(s, digits);
  if (end == digits || !s.substr(end).starts_with(kBatch)) return {};
  std::string_view after = s.substr(end + kBatch.size(), kMaxName);
  size_t team = after.find(kTeam);
  std::optional<double> n = parse_numeral(s.substr(digits, end - digits));
  if (!n || team == after.npos || team == 0) return {};
  return {static_cast<int>(*n), after.substr(0, team + kTeam.size())};
}

// Past a team's ordinal at `pos` (第二十二批, 第3批次, 第十届, 首批), else `pos`.
size_t past_ordinal(std::string_view s, size_t pos) {
  std::string_view rest = s.substr(pos);
  if (rest.starts_with(
          "首")) {  // (asked after every place: most have neither 首 nor 第 after them)
    for (std::string_view first : {"首批", "首届"}) {
      if (rest.starts_with(first)) return pos + first.size();
    }
    return pos;
  }
  if (!rest.starts_with("第")) return pos;
  size_t digits = pos + std::string_view("第").size();
  size_t p = past_numerals(s, digits);
  if (p == digits) return pos;
  for (std::string_view w : {"批次", "批", "届"}) {
    if (s.substr(p).starts_with(w)) return p + w.size();
  }
  return pos;
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

// A CJK ideograph (the unified block and extension A): the characters a Chinese name runs on in.
bool is_han(char32_t c) { return c >= 0x3400 && c <= 0x9FFF; }

// The bytes of the run of ideographs `s` opens with (周口市中心医院 of 周口市中心医院(以下简称…).
size_t han_run(std::string_view s) {
  size_t end = 0;
  while (end < s.size() && is_han(text::code_point_at(s, end))) end = text::next_char(s, end);
  return end;
}

// Whether a mention of `found` overlaps the bytes [start, end).
bool overlaps(const std::vector<PlaceMention>& found, size_t start, size_t end) {
  return std::any_of(found.begin(), found.end(),
                     [&](const PlaceMention& m) { return m.start < end && start < m.end; });
}

// `found` in text order again after mentions were added at its end.
void sort_by_start(std::vector<PlaceMention>& found) {
  std::sort(found.begin(), found.end(),
            [](const PlaceMention& a, const PlaceMention& b) { return a.start < b.start; });
}

int year_of(std::string_view iso) {
  return iso.size() >= 4 ? std::atoi(std::string(iso.substr(0, 4)).c_str()) : 0;
}

// N of N年来 / 近N年 (a recent phrase), 0 when it counts no years.
int years_of_recent(std::string_view phrase) {
  size_t year = phrase.find("年");
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
    if (phrase.starts_with(lead) && lead.size() > begin) begin = lead.size();
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

// A date minus a length, as precise as the length needs: months → YYYY-MM, days → YYYY-MM-DD.
std::optional<std::string> subtract_length(std::string_view date, int days, int months) {
  int y = year_of(date), mo = std::atoi(std::string(date.substr(5, 2)).c_str());
  int d = std::atoi(std::string(date.substr(8, 2)).c_str());
  int total = y * 12 + (mo - 1) - months;
  y = total / 12, mo = total % 12 + 1;
  d -= days;
  while (d < 1) {  // months of 30 days are close enough for a start date
    d += 30;
    if (--mo < 1) mo = 12, --y;
  }
  char buffer[48];
  if (days == 0) {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d", y, mo);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, mo, d);
  }
  return std::string(buffer);
}

// A length of time (N个月, N天, N周, N年, N年半) within the first bytes of `rest`: {days,
// months}, nullopt when none.
std::optional<std::pair<int, int>> length_at(std::string_view rest) {
  rest = rest.substr(0, 24);
  for (auto [unit, d, m] : {std::tuple{"个月", 0, 1}, std::tuple{"天", 1, 0},
                            std::tuple{"周", 7, 0}, std::tuple{"年", 0, 12}}) {
    size_t u = rest.find(unit);
    if (u == rest.npos) continue;
    auto n = parse_numeral(rest.substr(0, u));
    if (!n || *n <= 0 || *n > 1000) continue;
    int days = static_cast<int>(*n) * d, months = static_cast<int>(*n) * m;
    if (rest.substr(u + std::string_view(unit).size()).starts_with("半")) {  // 一年半
      months += m / 2, days += d ? 15 * d / d : 0;
    }
    return std::pair{days, months};
  }
  return std::nullopt;
}

// The length a team served that `text` states right after a verb of completing (完成两年援外
// 任务, 结束一年半的工作): nullopt when none.
std::optional<std::pair<int, int>> served_length(std::string_view text) {
  for (std::string_view w : words(Role::completes)) {
    size_t found = text.find(w);
    if (found == text.npos) continue;
    if (auto length = length_at(text.substr(found + w.size()))) return length;
  }
  return std::nullopt;
}

// The period of a dated event and the length 为期N个月/N天/N周/N年 that `text` states after it:
// {since, until}; nullopt when it states none.
std::optional<std::pair<std::string, std::string>> period_of_length(std::string_view date,
                                                                    std::string_view text) {
  size_t at = text.npos, lasting = 0;
  for (std::string_view w : words(Role::lasting)) {  // 为期
    if (size_t found = text.find(w); found < at) at = found, lasting = w.size();
  }
  auto length = at == text.npos ? served_length(text) : length_at(text.substr(at + lasting));
  if (!length) return std::nullopt;
  auto [days, months] = *length;
  // 完成/结束为期两年的任务, 完成两年援外任务: the date ends the period, which began that long
  // before
  if (at == text.npos || ends_with_word(text.substr(0, at), Role::completes)) {
    return std::pair{*subtract_length(date, days, months), std::string(date)};
  }
  int y = year_of(date), mo = std::atoi(std::string(date.substr(5, 2)).c_str()),
      d = std::atoi(std::string(date.substr(8, 2)).c_str());
  mo += months;
  d += days;
  for (;;) {
    y += (mo - 1) / 12, mo = (mo - 1) % 12 + 1;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int in_month = kDays[mo - 1] + (mo == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
    if (d <= in_month) break;
    d -= in_month, ++mo;
  }
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", y, mo, d);
  return std::pair{std::string(date), std::string(buffer)};
}

class Resolver {
 public:
  Resolver(std::string_view s, const Document& doc, const Reading& r) : s_(s), doc_(doc), r_(r) {
    find_parts();
    find_lead();
    find_publisher();
    body_area_ = named_body(Role::authority, "");
    read_places();
    widen_to_prefectures();
    read_times();
    subject();
  }

  void resolve(Fact& f, size_t at) const {
    size_t clause = r_.clause_at(at);
    if (clause == r_.clauses.size()) {
      f.until = report_date_;
      return;
    }
    bool county_gives = false;
    resolve_from(f, clause, at, &county_gives);
    resolve_to(f, clause, at);
    // (a county's own institution gives to its townships: the county receives too)
    if (county_gives) set_place(to_side(f), to_, to_mention_);
    whole_area(f, clause, at);
    resolve_period(f, clause, at);
    years_counted(f, clause, at);
    start_of_receiver(f);
    size_t common = std::min(f.since.size(), f.until.size());
    if (f.since.compare(0, common, f.until, 0, common) > 0) {  // phrases that disagree: the
      f.until = f.since;                                       // stated start wins
      f.until_span = f.since_span;
    }
  }

 private:
  const Sentence& sentence_of(size_t clause) const {
    return r_.sentences[r_.clauses[clause].sentence];
  }

  // The report's lead: its countable blocks up to the second that ends a sentence (its subject);
  // its period may be stated a paragraph later (…举行。本批医疗队…。一年半来,…).
  void find_lead() {
    size_t sentences = 0;
    for (const Block& b : doc_.blocks) {
      if (!is_countable(b.kind)) continue;
      if (sentences < 2) lead_end_ = b.end;
      period_end_ = b.end;
      std::string_view line = s_.substr(b.start, b.end - b.start);
      bool ends = line.find("。") != line.npos || line.ends_with("!") || line.ends_with("?");
      if (ends && ++sentences == 3) break;
    }
  }

  void read_places() {
    // The countable blocks, and the metadata of the header (来源:平川县融媒体中心): boilerplate
    // is never read.
    std::vector<PlaceMention> found, alone;
    for (size_t i = 0; i < doc_.blocks.size(); ++i) {
      const Block& b = doc_.blocks[i];
      bool header = b.kind == BlockKind::metadata && b.start < lead_end_;
      if (!is_countable(b.kind) && !header) continue;
      size_t orphans = alone.size();
      for (PlaceMention m : find_places(s_.substr(b.start, b.end - b.start), &alone)) {
        m.start += b.start;
        m.end += b.start;
        found.push_back(m);
      }
      for (size_t k = orphans; k < alone.size(); ++k)
        alone[k].start += b.start, alone[k].end += b.start;
    }
    add_counties_of_named(found, alone);
    if (!publisher_ && says_own()) mark_self_named(found);
    // (a sending hospital in the title over the receiving one: 湘雅二院援藏 山南市人民医院…)
    if (!publisher_ || publisher_in_title_) {
      if (const Place* h = hospital_of_report(found, publisher_in_title_)) publisher_ = h;
    }
    add_own_institution(found);
    add_short_names(found);
    add_this_hospital(found);
    add_level_hospitals(found);
    for (const PlaceMention& m : found) {
      const Place* place = m.place;
      if (!place && m.how == PlaceMention::How::programme_prefix) {
        place = resolve_prefix(m.prefix, found);
      } else if (m.how == PlaceMention::How::institution) {
        // 协和医院: whose, the report's places say; a name given before as a place's own
        // hospital's (四川大学华西医院) is that place's
        if (!place) place = resolve_institution(m.prefix, found);
        if (const Place* before = named_before(s_, m, found)) {
          place = before;
        } else if (const Place* later = is_title(m.start) ? named_later(m, found) : nullptr) {
          place = later;
        }
      }
      size_t clause = r_.clause_at(m.start);
      if (!place) continue;
      std::string_view before = s_.substr(0, m.start);
      if (ends_with_word(before, Role::no_side_before) ||
          starts_with_word(s_.substr(m.end), Role::no_side_after) || opens_dateline(m.end)) {
        continue;  // 《兵团日报》, where a page was posted, (记者 张琳 西安报道)
      }
      if (clause == r_.clauses.size()) {  // 来源:镇雄县融媒体中心: the report's own place
        if (!own_ && place->level == PlaceLevel::county) own_ = place;
        continue;
      }
      bool programme =
          m.how == PlaceMention::How::programme || m.how == PlaceMention::How::programme_prefix;
      places_.push_back({m.start, m.end, place, programme ? Side::to : Side::none, clause});
      std::string_view at = s_.substr(m.start);
      places_.back().own =
          starts_with_word(at, Role::own_institution) || starts_with_word(at, Role::own_area);
      places_.back().hospital = m.how == PlaceMention::How::institution;
    }
    std::vector<std::pair<size_t, size_t>> speech = direct_speech();
    for (size_t i = 0; i < places_.size(); ++i) {
      // 星海医院与大连市金州区妇幼保健院组成联合团队: the giver's partner of its own area is
      // part of the giver, no receiver nor a giver apart
      bool partner = partner_of_giver(i);
      places_[i].side = partner ? Side::none : side_of(i);
      // 在浙大一院“院包科”帮扶下, 在华西医院举行: a sending hospital receives nothing
      if (places_[i].hospital && places_[i].side == Side::to) places_[i].side = Side::none;
      bool listed = listed_after_origin(i);
      places_[i].origin = places_[i].side == Side::none && (listed || partner);
      // “以前看病都要去兰州。”, “病人得往郑州跑”: where a speaker went is no side of the report's
      // counts, also after a word of going (去, 往)
      bool spoken = std::any_of(speech.begin(), speech.end(), [&](const auto& q) {
        return q.first < places_[i].start && places_[i].end <= q.second;
      });
      // (and so is where patients went to seek care: 过去群众看病要跑到西昌甚至成都)
      spoken = spoken || sought_care(places_[i]);
      if (spoken && places_[i].side != Side::from) {
        places_[i].side = Side::none, places_[i].aided = false;
        places_[i].origin = true;
        continue;
      }
      // 来自南宁邕江医院的13名专家: the team's home gives; so does each place of the list, also
      // one that a programme word after it already makes give (来自杭州、宁波的10名援疆专家)
      bool gives = places_[i].side == Side::from && !places_[i].sender;
      if ((places_[i].origin && !partner) || (listed && gives)) {
        const Mention& o = places_[i];
        size_t end = r_.clauses[o.clause].end;
        if (contains_word(s_.substr(o.end, end - o.end), Role::team)) {
          places_[i].side = Side::from, places_[i].visited = true, places_[i].origin = false;
          places_[i].home = true;
        }
      }
      // (nor where it is named without a side)
      if (places_[i].hospital && places_[i].side == Side::none) places_[i].origin = true;
      if (!partner && places_[i].side == Side::none && sends_jointly(i))
        places_[i].side = Side::from;
      const Mention& m = places_[i];
      if (i > 0 && m.side == Side::none && places_[i - 1].end == m.start &&
          inside(m.place, places_[i - 1].place)) {
        places_[i].side = places_[i - 1].side;  // 天津市北辰区: one name, one side, and its
        places_[i].sender = places_[i - 1].sender;  // most specific part is the sender
        places_[i - 1].sender = false;
      } else if (i > 0 && m.side == Side::none && places_[i - 1].clause == m.clause &&
                 s_.substr(places_[i - 1].end, m.start - places_[i - 1].end) == "、") {
        // 向淅川县、…、镇平县: a list after its marker; 北京、天津、江苏等8个省市累计选派: a
        // list of peers that give (not 上海、浦东: a place and a part of it). One list, one side.
        const Mention& before = places_[i - 1];
        if (before.side == Side::to) places_[i].side = Side::to;
        if (before.side == Side::from && !same_area(m.place, before.place)) {
          places_[i].side = Side::from;
          places_[i].visited = before.visited, places_[i].home = before.home;
        }
      }
    }
    // 宁波医生在布拖, 上海专家赴日喀则: a place right before its team's persons (team: data/
    // context.tsv), where a later place of the clause receives, is the team's home: it gives
    // (not a country: 援马达加斯加医疗队出征仪式在兰州举行 names where the team goes)
    // (a province before its team in a report on aid abroad, wherever the receiver is named:
    // 在桑给巴尔,江苏医疗队培养…, 江西队员在洛美…; so is a province before its health commission,
    // which sends its teams abroad: 广西壮族自治区卫生健康委举行欢送会,为…援尼日尔医疗队送行)
    bool abroad_report = std::any_of(places_.begin(), places_.end(),
                                     [](const Mention& m) { return m.place->abroad; });
    for (size_t i = 0; i < places_.size(); ++i) {
      Mention& m = places_[i];
      if (m.side != Side::none || m.origin || m.place->level == PlaceLevel::country) continue;
      size_t end = i + 1 < places_.size() ? places_[i + 1].start : r_.clauses[m.clause].end;
      std::string_view after = s_.substr(m.end, end - m.end);
      bool home_abroad = abroad_report && m.place->level == PlaceLevel::province;
      bool team = starts_with_word(after, Role::team);
      if (!team && !(home_abroad && starts_with_word(after, Role::authority))) continue;
      const Mention* next = i + 1 < places_.size() ? &places_[i + 1] : nullptr;
      bool receives_after = team && next && next->clause == m.clause && next->side == Side::to &&
                            !same_area(m.place, next->place);
      if (receives_after || home_abroad) m.side = Side::from;
    }
    // 本批医疗队共19人,其中河北省12人、陕西省7人: in a part (其中: data/context.tsv), a province
    // right before a count of persons is where those members come from: it gives them. So does
    // a county-level giver named before (a district of a joint team) that opens an item of a
    // list of counts of persons, past its hospital's name and a verb of sending (其中雁塔区医院
    // 6名、长安区医院4名; 越秀区人民医院派出7人、海珠区人民医院派出5人), though the verb before
    // it took it for where they go, and one that opens a clause whose next place receives
    // (越秀区人民医院还向炉霍县人民医院捐赠…), whatever its verb.
    for (size_t i = 0; i < places_.size(); ++i) {
      Mention& m = places_[i];
      if (m.side == Side::from) continue;
      bool province = false, named_giver = false;
      if (m.place->level == PlaceLevel::province && m.side == Side::none) {
        const Clause& c = r_.clauses[m.clause];
        province = starts_with_word(s_.substr(c.start, c.end - c.start), Role::part);
      } else if (m.place->level == PlaceLevel::county) {
        named_giver = gave_before(i) && opens_item(i);
      }
      bool counts = (province || named_giver) && counts_persons_after(m);
      const Mention* next = i + 1 < places_.size() ? &places_[i + 1] : nullptr;
      bool gives_to_next = !counts && m.side == Side::none && next && next->clause == m.clause &&
                           next->side == Side::to && gave_before(i) && opens_clause(i) &&
                           !same_area(m.place, next->place);
      if ((!counts && !gives_to_next) || m.place->abroad) continue;
      m.side = Side::from;
      // (武汉市江岸区医院: one name, one side)
      if (i > 0 && places_[i - 1].end == m.start && inside(m.place, places_[i - 1].place)) {
        places_[i - 1].side = Side::from;
      }
    }
    // 河北、陕西第八批援藏医疗队: places listed before the one a giving word follows give with it
    for (size_t i = places_.size(); i-- > 1;) {
      Mention& before = places_[i - 1];
      const Mention& m = places_[i];
      if (m.side == Side::from && !m.visited && before.side == Side::none && !before.origin &&
          before.clause == m.clause && !same_area(before.place, m.place) &&
          s_.substr(before.end, m.start - before.end) == "、") {
        before.side = Side::from;
      }
    }
    // 会泽县人民医院:派驻专家14名: a county's hospital heading an item is the item's receiver, no
    // subject of its verb
    for (Mention& m : places_) {
      if (m.side == Side::from && heads_item(m)) m.side = Side::to, m.sender = false;
    }
    // 我院 stands for the publisher as a giver only (我院向…派驻, 我院援…医疗队), not in 我院
    // 医护人员 of a receiving hospital's page; 我省 receives where a preposition of the verb's
    // object makes it (东部地区累计向我省选派…: toward)
    std::erase_if(places_, [&](const Mention& m) {
      bool toward = starts_with_word(s_.substr(m.start), Role::own_area) &&
                    ends_with_word(s_.substr(0, m.start), Role::toward);
      return m.own && m.side != Side::from && !toward;
    });
  }

  // The place whose own hospital the report names, after the title's short name `m`, by the
  // same name (齐鲁医院 over 山东大学齐鲁医院(以下简称齐鲁医院): 山东省); nullptr when none.
  const Place* named_later(const PlaceMention& m, const std::vector<PlaceMention>& found) const {
    std::string_view name = s_.substr(m.start, m.end - m.start);
    for (size_t at = s_.find(name, m.end); at != s_.npos; at = s_.find(name, at + name.size())) {
      PlaceMention use = m;  // (named before this use: any use after the title's)
      use.start = at, use.end = at + name.size();
      if (const Place* p = named_before(s_, use, found)) return p;
    }
    return nullptr;
  }

  // Whether place i opens an item of a list in its clause (其中雁塔区…、长安区…): the clause's
  // first words, past a word of part (其中), or right after 、; named after its own prefecture
  // (武汉市江岸区) or not.
  bool opens_item(size_t i) const {
    const Mention& m = places_[i];
    size_t start = m.start;
    if (i > 0 && places_[i - 1].end == m.start && inside(m.place, places_[i - 1].place)) {
      start = places_[i - 1].start;
    }
    const Clause& c = r_.clauses[m.clause];
    std::string_view before = s_.substr(c.start, start - c.start);
    const std::vector<std::string_view>& part = words(Role::part);
    return before.empty() || before.ends_with("、") ||
           std::find(part.begin(), part.end(), before) != part.end();
  }

  // Whether the place of mention i gave where the report named it before.
  bool gave_before(size_t i) const {
    return std::any_of(places_.begin(), places_.begin() + i, [&](const Mention& p) {
      return p.place == places_[i].place && p.side == Side::from;
    });
  }

  // 由西安市雁塔区人民医院和长安区医院联合选派, …医院与…医院组成联合医疗队: the second of two
  // hospitals joined by a partner word (or 、), where the first gives and a word after them in
  // their clause or the next of their sentence says they send together (joint: data/context.tsv;
  // 武陵区人民医院与鼎城区人民医院打破区域界限,联合组建…), gives with it.
  bool sends_jointly(size_t i) const {
    if (i == 0) return false;
    const Mention& first = places_[i - 1];
    const Mention& m = places_[i];
    if (first.side != Side::from || first.clause != m.clause) return false;
    size_t link = past_institution(first.end);
    if (link == first.end || link >= m.start) return false;
    std::string_view between = s_.substr(link, m.start - link);
    const std::vector<std::string_view>& partners = words(Role::partner);
    if (between != "、" && std::find(partners.begin(), partners.end(), between) == partners.end()) {
      return false;
    }
    size_t last = std::min(m.clause + 2, sentence_of(m.clause).end_clause) - 1;
    size_t end = r_.clauses[last].end;
    return contains_word(s_.substr(m.end, end - m.end), Role::joint);
  }

  // Past the name of an institution at `pos` (人民医院 of 雁塔区人民医院, or a word of role
  // institution alone: 医院 of 长安区医院); `pos` where none.
  size_t past_institution(size_t pos) const {
    if (std::string_view name = institution_name_at(pos); !name.empty()) return pos + name.size();
    for (std::string_view w : words(Role::institution)) {
      if (s_.substr(pos).starts_with(w)) return pos + w.size();
    }
    return pos;
  }

  // 央广网伊宁12月20日消息: a place right before a day's date and a dateline word
  // (data/context.tsv) is where the report was filed.
  bool opens_dateline(size_t end) const {
    size_t p = end;
    for (std::string_view unit : {"月", "日"}) {
      size_t digits = 0;
      while (p < s_.size() && s_[p] >= '0' && s_[p] <= '9' && digits < 2) ++p, ++digits;
      if (digits == 0 || !s_.substr(p).starts_with(unit)) return false;
      p += unit.size();
    }
    return starts_with_word(s_.substr(p), Role::dateline);
  }

  // 州奎屯医院 (伊犁州's hospital in 奎屯), 岳普湖县人民医院等4家县级医院, 温宿县、阿瓦提县等4个
  // 县市: a county named for a prefecture's hospital, or as one of more counties than it names,
  // stands for its prefecture.
  void widen_to_prefectures() {
    for (size_t i = 0; i < places_.size(); ++i) {
      Mention& m = places_[i];
      if (m.place->level != PlaceLevel::county || m.place->prefecture.empty()) continue;
      bool several = one_of_counties(m);
      if (!several && !names_prefecture_hospital(i)) continue;
      const Place* wider = find_place(m.place->prefecture);
      if (!wider) continue;
      m.place = wider;
      // (the counties listed before it with it: 温宿县、阿瓦提县等…)
      for (size_t j = i;
           several && j > 0 && places_[j - 1].place->level == PlaceLevel::county &&
           places_[j - 1].place->prefecture == wider->name &&
           s_.substr(places_[j - 1].end, places_[j].start - places_[j - 1].end) == "、";
           --j) {
        places_[j - 1].place = wider;
      }
    }
  }

  // 州奎屯医院: a county's short name right after 州 or 地区 (no name of their own) and right
  // before 医院.
  bool names_prefecture_hospital(size_t i) const {
    const Mention& m = places_[i];
    std::string_view before = s_.substr(0, m.start);
    bool of_prefecture = before.ends_with("州") || before.ends_with("地区");
    bool own_name = i > 0 && places_[i - 1].end == m.start;  // 博州精河县: a prefecture's county
    return of_prefecture && !own_name && s_.substr(m.start, m.end - m.start) != m.place->name &&
           s_.substr(m.end).starts_with("医院");
  }

  // 岳普湖县人民医院等4家县级医院: a county followed, in a few characters of its clause, by 等
  // and a count of county units (县, 县市, 县级医院).
  bool one_of_counties(const Mention& m) const {
    constexpr size_t kMaxName = 24, kMaxUnit = 18;  // bytes: 人民医院…; 家县级医院
    std::string_view after = s_.substr(m.end, kMaxName);
    size_t at = text::find(after, "等");
    if (at == after.npos) return false;  // (most places: no 等 after them)
    std::string_view name = after.substr(0, at);
    for (std::string_view mark : {"、", ",", "。"}) {
      if (name.find(mark) != name.npos) return false;
    }
    size_t p = m.end + at + std::string_view("等").size();
    if (p >= s_.size() || kCountDigits.find(code_point_at(s_, p)) == kCountDigits.npos) {
      return false;
    }
    return text::find(s_.substr(p, kMaxUnit), "县") != std::string_view::npos;
  }

  // The place of the institution that published the report: the first place that opens the name
  // of an institution (institution: data/context.tsv; 绵阳市涪江医院医务部 → 绵阳市, 天津市河东区
  // 第二人民医院 → 天津市) at the start of a credit or metadata line or right after its label
  // (供稿:, (文/), else in a page's credits (document.h: its site's name, its lines around the
  // article), else at the start of the title.
  void find_publisher() {
    auto place = [](std::string_view line) { return institution_place(line); };
    publisher_ = in_blocks({BlockKind::metadata, BlockKind::boilerplate}, place);
    if (!publisher_) publisher_ = in_credits(place);
    if (!publisher_) publisher_in_title_ = (publisher_ = in_blocks({BlockKind::title}, place));
  }

  // A hospital's own news post names itself by its usual name (data/institutions.tsv), in its
  // title (华西医院第五批援藏医疗队出征) or, under a title of 我院, in its body (浙大一院已先后
  // 派出…): the city of the hospital in the title, else of the hospitals the report names when
  // they are all in one city (`title_only`: in the title only); nullptr otherwise, and in a
  // report that never says 我院
  // (own_institution: data/context.tsv), which may be anyone's. The publisher when no credit
  // names one.
  const Place* hospital_of_report(const std::vector<PlaceMention>& found, bool title_only) const {
    const Place* city = nullptr;
    bool several = false, title = false;
    for (const PlaceMention& m : found) {
      if (m.how != PlaceMention::How::institution) continue;
      const Place* place = m.place ? m.place : resolve_institution(m.prefix, found);
      if (!place) continue;
      if (is_title(m.start)) {
        city = place, several = false, title = true;
        break;
      }
      several = several || (city && city != place);
      if (!city) city = place;
    }
    if (!city || several || (title_only && !title)) return nullptr;
    return says_own() ? city : nullptr;  // (asked last: most reports name no such hospital)
  }

  // Whether the body says 我院 (own_institution: data/context.tsv); searched once.
  bool says_own() const {
    if (!says_own_) {
      const std::vector<std::string_view>& own = words(Role::own_institution);
      says_own_ =
          std::any_of(own.begin(), own.end(), [&](std::string_view w) { return in_body(w); });
    }
    return *says_own_;
  }

  // 宁波市甬江医院第三批援凉医疗队…。…,甬江医院先后派出…: a place that opens the name of an
  // institution (institution: data/context.tsv) which opens a clause of the body without it (its
  // usual short name, 甬江医院) names a hospital the report tells of by its own name, as
  // institutions.tsv's do (How::institution: hospital_of_report's, never a receiver). Not a
  // receiving county's 昭觉县人民医院 (a county's hospitals are the receivers of this genre, and
  // asking each costs a search of the body), nor a place before another (重庆市巫山县人民医院).
  void mark_self_named(std::vector<PlaceMention>& found) const {
    std::vector<std::string_view> not_alone;  // (a name searched once: 县人民医院 recurs)
    for (size_t i = 0; i < found.size(); ++i) {
      PlaceMention& m = found[i];
      if (!m.place || m.place->level == PlaceLevel::county ||
          m.how == PlaceMention::How::programme || m.how == PlaceMention::How::programme_prefix ||
          m.how == PlaceMention::How::institution ||
          (i + 1 < found.size() && found[i + 1].start == m.end)) {
        continue;
      }
      std::string_view name = institution_name_at(m.end);
      if (name.empty() || std::find(not_alone.begin(), not_alone.end(), name) != not_alone.end()) {
        continue;
      }
      if (opens_clause_alone(name)) {
        m.how = PlaceMention::How::institution;
      } else {
        not_alone.push_back(name);
      }
    }
  }

  // The name of an institution at `pos` (甬江医院 of 宁波市甬江医院): Chinese characters up to
  // the first word of role institution that ends them, past at least one other; empty when none.
  std::string_view institution_name_at(size_t pos) const {
    constexpr size_t kName = 36;  // bytes of the name (twelve characters), as institution_place
    std::string_view run = s_.substr(pos, kName);
    if (!contains_word(run, Role::institution) || starts_with_word(run, Role::institution)) {
      return {};
    }
    for (size_t end = 0; end < run.size();) {
      char32_t c = text::code_point_at(run, end);
      if (!is_han(c)) break;
      end = text::next_char(run, end);
      if (ends_with_word(run.substr(0, end), Role::institution)) return run.substr(0, end);
    }
    return {};
  }

  // Whether an institution's name follows at `pos`: its own word (人民医院) or a name ending in one
  // (甬江医院).
  bool names_institution_at(size_t pos) const {
    return starts_with_word(s_.substr(pos), Role::institution) || !institution_name_at(pos).empty();
  }

  // Whether `name` opens a clause of the body: after no Chinese character (，甬江医院先后派出).
  bool opens_clause_alone(std::string_view name) const {
    bool alone = false;
    for_each_in_body(name, [&](size_t at) {
      char32_t c = at == 0 ? 0 : text::code_point_at(s_, text::previous_char(s_, at));
      alone = alone || !is_han(c);
    });
    return alone;
  }

  // The first place `place_of` finds in a block of one of `kinds`, in the report's order.
  template <typename F>
  const Place* in_blocks(std::initializer_list<BlockKind> kinds, F place_of) const {
    for (const Block& b : doc_.blocks) {
      if (std::find(kinds.begin(), kinds.end(), b.kind) == kinds.end()) continue;
      if (const Place* p = place_of(s_.substr(b.start, b.end - b.start))) return p;
    }
    return nullptr;
  }

  // The first place `place_of` finds in a line of the page's credits (Document::publisher).
  template <typename F>
  const Place* in_credits(F place_of) const {
    for (std::string_view rest = doc_.publisher; !rest.empty();) {
      size_t nl = std::min(rest.find('\n'), rest.size());
      if (const Place* p = place_of(text::trim(rest.substr(0, nl)))) return p;
      rest.remove_prefix(std::min(rest.size(), nl + 1));
    }
    return nullptr;
  }

  // Calls `f` with the offset of each occurrence of `word` in the report's countable blocks.
  template <typename F>
  void for_each_in_body(std::string_view word, F f) const {
    for (const Block& b : doc_.blocks) {
      if (!is_countable(b.kind)) continue;
      for_each_occurrence(s_.substr(b.start, b.end - b.start), word,
                          [&](size_t at) { f(b.start + at); });
    }
  }

  // Whether a countable block holds `word` (as for_each_in_body: an empty word is in none).
  bool in_body(std::string_view word) const {
    return !word.empty() &&
           std::any_of(doc_.blocks.begin(), doc_.blocks.end(), [&](const Block& b) {
             return is_countable(b.kind) &&
                    text::contains(s_.substr(b.start, b.end - b.start), word);
           });
  }

  // The place that opens an institution's name in `line`, at its start or after a label's mark:
  // the name runs on in Chinese characters (no digits, blanks or punctuation) to a word of role
  // `role` (institution; authority: a government body).
  static const Place* institution_place(std::string_view line, Role role = Role::institution) {
    if (!contains_word(line, role)) return nullptr;
    constexpr size_t kName = 36;  // bytes of the name after its place (twelve characters)
    // a label's mark before the name (a page's credits are not normalized: full width too)
    static constexpr std::array<std::string_view, 10> kMarks = {":",  "/",  "(",  " ",  "　",
                                                                "：", "／", "（", "\t", "|"};
    for (const PlaceMention& m : find_places(line)) {
      std::string_view before = line.substr(0, m.start);
      bool opens = before.empty() || std::any_of(kMarks.begin(), kMarks.end(),
                                                 [&](auto mark) { return before.ends_with(mark); });
      if (!m.place || !opens) continue;
      std::string_view name = line.substr(m.end, kName);
      if (contains_word(name.substr(0, han_run(name)), role)) return m.place;
    }
    return nullptr;
  }

  // The area of the body that published the report at the level `word` names by its character
  // of a level (我省, 省内, 省级: a province; 我市: a city; 我区: an autonomous region or a
  // district): the place that opens the name of the publishing authority (湖北省卫生健康委员会),
  // else institution, else paper (广西日报's 我区), in its title, credit or metadata lines, where
  // the name ends with that character.
  const Place* own_area_of(std::string_view word) const {
    static constexpr std::array<std::string_view, 3> kLevels = {"省", "市", "区"};
    auto named = std::find_if(kLevels.begin(), kLevels.end(),
                              [&](std::string_view l) { return text::contains(word, l); });
    if (named == kLevels.end()) return nullptr;
    std::string_view level = *named;
    for (Role role : {Role::authority, Role::institution, Role::paper}) {
      if (const Place* body = named_body(role, level)) return body;
    }
    return nullptr;
  }

  // The first place, its name ending with `level` (any: ""), that opens the name of a body of
  // `role` in the title, a metadata line or the page's credits.
  const Place* named_body(Role role, std::string_view level) const {
    for (const Place* p : bodies(role)) {
      if (p->name.ends_with(level)) return p;
    }
    return nullptr;
  }

  // The place that opens the name of a body of `role` (institution_place) in each title and
  // metadata line, then in each line of the page's credits, where one does, in that order: read
  // once per role for every level named_body is asked (我省, 我市, 我区).
  const std::vector<const Place*>& bodies(Role role) const {
    for (const auto& [name, places] : bodies_) {
      if (name == role) return places;
    }
    std::vector<const Place*> places;
    auto add = [&](std::string_view line) -> const Place* {
      if (const Place* p = institution_place(line, role)) places.push_back(p);
      return nullptr;  // (on to the next line)
    };
    in_blocks({BlockKind::title, BlockKind::metadata}, add);
    in_credits(add);
    return bodies_.emplace_back(role, std::move(places)).second;
  }

  // 我院向松潘县人民医院派驻专家 (own_institution: data/context.tsv): in a report its publisher
  // published, the word is a mention of the publisher's place, whose side its clause gives; so
  // is 我省累计选派… (own_area) of the publishing body's area.
  void add_own_institution(std::vector<PlaceMention>& found) const {
    size_t before = found.size();
    auto add = [&](Role role, auto place_of) {
      for (std::string_view w : words(role)) {
        const Place* place = place_of(w);
        if (!place) continue;
        for_each_in_body(w, [&](size_t at) {
          found.push_back({at, at + w.size(), place, PlaceMention::How::official, {}});
        });
      }
    };
    add(Role::own_institution, [&](std::string_view) { return publisher_; });
    add(Role::own_area, [&](std::string_view w) { return own_area_of(w); });
    if (found.size() == before) return;
    sort_by_start(found);
  }

  // 临县, 岚县 (names of two characters the places table matches only right after their
  // prefecture: 吕梁市临县) and 和平区 (a name several divisions share: 沈阳市和平区) named alone
  // in a report that names the prefecture of one of them elsewhere (吕梁市人民医院…与临县人民医院;
  // 沈阳市和平区…。和平区人民医院…): that county; none when it names the prefectures of two.
  static void add_counties_of_named(std::vector<PlaceMention>& found,
                                    const std::vector<PlaceMention>& alone) {
    if (alone.empty()) return;  // (most reports: none)
    size_t before = found.size();
    for (PlaceMention a : alone) {
      const Place* county = nullptr;
      bool several = false;
      for (size_t k = 0; k < before && !several; ++k) {
        const Place* prefecture = found[k].place;
        if (!prefecture || prefecture->level != PlaceLevel::prefecture) continue;
        const Place* of_it = find_county_in(a.place->name, *prefecture);
        if (!of_it || of_it == county) continue;
        several = county != nullptr;
        county = of_it;
      }
      if (!county || several || overlaps(found, a.start, a.end)) continue;
      a.place = county;
      found.push_back(a);
    }
    if (found.size() == before) return;
    sort_by_start(found);
  }

  // 周口市中心医院(以下简称“市中心医院”, 以下简称市中心医院): the short name a report gives an
  // institution whose name opens with a place of prefecture or province level stands for that place
  // wherever the report uses it later (市中心医院累计派驻…), as the hospital's (How::institution,
  // never a receiver), whatever other places the report names. A county's hospital is left to the
  // clause (县医院 receives, county_institution).
  void add_short_names(std::vector<PlaceMention>& found) const {
    constexpr size_t kMaxName = 36, kMaxShort = 24;  // bytes: twelve and eight characters
    std::vector<PlaceMention> added;
    for_each_in_body("简称", [&](size_t at) {
      std::string_view before = s_.substr(0, at);
      if (before.ends_with("以下")) before.remove_suffix(std::string_view("以下").size());
      if (!before.ends_with("(") && !before.ends_with("（")) return;
      size_t open = before.size() - (before.ends_with("(") ? 1 : std::string_view("（").size());
      std::string_view rest = s_.substr(at + std::string_view("简称").size());
      if (rest.starts_with(":") || rest.starts_with("："))
        rest.remove_prefix(rest[0] == ':' ? 1 : 3);
      // (以下简称海珠二院): without quotation marks, the ideographs up to the bracket's close
      bool quoted = rest.starts_with("“");
      if (quoted) rest.remove_prefix(std::string_view("“").size());
      size_t close = quoted ? rest.substr(0, kMaxShort + 1).find("”") : han_run(rest);
      if (close == std::string_view::npos || close == 0 || close > kMaxShort) return;
      if (!quoted && !rest.substr(close).starts_with(")") &&
          !rest.substr(close).starts_with("）")) {
        return;
      }
      std::string_view short_name = rest.substr(0, close);
      // the place that opens the name right before the bracket (周口市 of 周口市中心医院)
      auto named = std::find_if(found.rbegin(), found.rend(),
                                [&](const PlaceMention& m) { return m.end <= open; });
      if (named == found.rend() || !named->place || open - named->end > kMaxName ||
          (named->place->level == PlaceLevel::county && !follows_its_city(found, named)) ||
          named->place->level == PlaceLevel::country) {
        return;
      }
      if (han_run(s_.substr(named->end, open - named->end)) != open - named->end) return;
      const Place* place = named->place;
      size_t from = short_name.data() - s_.data() + short_name.size();
      for_each_in_body(short_name, [&](size_t use) {
        if (use < from) return;
        if (!overlaps(found, use, use + short_name.size())) {
          added.push_back(
              {use, use + short_name.size(), place, PlaceMention::How::institution, {}});
        }
      });
    });
    if (added.empty()) return;
    found.insert(found.end(), added.begin(), added.end());
    sort_by_start(found);
  }

  // Whether the county-level place of mention `m` (in `found`, in text order) is named right after
  // its own prefecture-level city (烟台市芝罘区人民医院): a city's district hospital, as the giving
  // cities of this genre name theirs, not a receiving county's (县医院, left to the clause).
  static bool follows_its_city(const std::vector<PlaceMention>& found,
                               std::vector<PlaceMention>::const_reverse_iterator m) {
    auto city = std::next(m);
    return city != found.rend() && city->place && city->end == m->start &&
           city->place->name == m->place->prefecture && m->place->name.ends_with("区");
  }

  // 信阳市中心医院则承担了商城县的帮扶任务。…,该院向商城县人民医院派出…: 该院 opening a clause
  // stands for the hospital its paragraph named last, when that hospital's name opens with a place
  // of prefecture or province level or is one of data/institutions.tsv (浙大二院)
  // (How::institution, never a receiver); a county's hospital is left to the clause, as its short
  // names are, unless a verb of aid governs it (浙大二院介绍了帮扶建始县人民医院的经验。该院…): the
  // helped one is passed over for the hospital that helps.
  void add_this_hospital(std::vector<PlaceMention>& found) const {
    constexpr std::string_view kThis = "该院";
    constexpr size_t kMaxName = 36;  // bytes: twelve characters
    std::vector<PlaceMention> added;
    for (const Block& b : doc_.blocks) {
      if (!is_countable(b.kind)) continue;
      std::string_view block = s_.substr(b.start, b.end - b.start);
      for_each_occurrence(block, kThis, [&](size_t offset) {
        size_t at = b.start + offset;
        size_t clause = r_.clause_at(at);
        if (clause == r_.clauses.size() || r_.clauses[clause].start != at) return;
        for (auto m = found.rbegin(); m != found.rend(); ++m) {
          if (m->end > at) continue;
          if (m->start < b.start || !m->place) return;
          if (m->how != PlaceMention::How::institution) {
            std::string_view name = s_.substr(m->end, std::min(kMaxName, at - m->end));
            size_t hospital = text::find(name, "医院");
            if (hospital == std::string_view::npos) continue;
            if (han_run(name) < hospital) continue;  // the name runs on in ideographs to 医院
          }
          if (m->place->level == PlaceLevel::county &&
              ends_with_word(s_.substr(b.start, m->start - b.start), Role::aid)) {
            continue;
          }
          if (m->place->level == PlaceLevel::county || m->place->level == PlaceLevel::country) {
            return;
          }
          added.push_back({at, at + kThis.size(), m->place, PlaceMention::How::institution, {}});
          return;
        }
      });
    }
    if (added.empty()) return;
    found.insert(found.end(), added.begin(), added.end());
    sort_by_start(found);
  }

  // 省立医院派驻…, 市中心医院轮派… (level_hospitals.h): a sending hospital of the province or
  // city the report is about, where the report says which: a mention of that place
  // (How::institution, never a receiver), unless the report's own short name already says whose.
  void add_level_hospitals(std::vector<PlaceMention>& found) const {
    if (!one_province(found)) return;  // (most reports: places of two provinces, or none)
    std::vector<std::pair<size_t, size_t>> statements;
    for (const Block& b : doc_.blocks) {
      if (is_countable(b.kind)) statements.emplace_back(b.start, b.end);
    }
    std::vector<LevelHospital> hospitals = find_level_hospitals(s_, statements, found);
    if (hospitals.empty()) return;
    std::vector<PlaceMention> credits;  // the places of the report's source and credit lines
    auto add = [&](std::string_view line) -> const Place* {
      std::vector<PlaceMention> named = find_places(line);
      credits.insert(credits.end(), named.begin(), named.end());
      return nullptr;  // (on to the next line)
    };
    in_blocks({BlockKind::metadata}, add);
    in_credits(add);
    std::vector<PlaceMention> added;
    for (const LevelHospital& h : hospitals) {
      bool short_name = std::any_of(found.begin(), found.end(), [&](const PlaceMention& m) {
        return m.how == PlaceMention::How::institution && m.start < h.end && h.start < m.end;
      });
      if (short_name) continue;
      if (const Place* area = level_area(h, found, credits)) {
        added.push_back({h.start, h.end, area, PlaceMention::How::institution, {}});
      }
    }
    if (added.empty()) return;
    found.insert(found.end(), added.begin(), added.end());
    sort_by_start(found);
  }

  // The side of a place: 浙江省援疆 (before a programme: from); after 赴/到/在/帮扶… (a frame's
  // place_after; 到…进修: from); 北京市卫生健康委…选派 (a clause-opening subject of a sending
  // verb: from); else none.
  Side side_of(size_t i) {
    const Mention& m = places_[i];
    if (m.side != Side::none) return m.side;
    const Clause& c = r_.clauses[m.clause];
    // 中国(山西)援喀麦隆医疗队, 江苏援外医疗队: the province of a national team, a place before 援
    // 湖南省第二十二批援塞拉利昂医疗队: past the team's ordinal, and past its hospital's name
    // before the ordinal (宁波市北仑区第二人民医院第三批援川医疗队)
    // 在江苏省对口支援下: the supporter (giver_before, giver_after: data/context.tsv)
    size_t past = past_ordinal(s_, m.end);
    // (a hospital's name looked for only where 批 follows in the clause: most places have no
    // team's ordinal after them)
    constexpr size_t kName = 36;  // bytes: twelve characters, as institution_name_at
    std::string_view ahead = s_.substr(m.end, std::min(kName, c.end - std::min(c.end, m.end)));
    if (past == m.end && text::find(ahead, "批") != std::string_view::npos) {
      size_t named = m.end + institution_name_at(m.end).size();
      if (size_t ordinal = past_ordinal(s_, named); ordinal != named) past = ordinal;
    }
    std::string_view after = s_.substr(past, std::min<size_t>(c.end - std::min(c.end, past), 24));
    if (after.starts_with(")")) after.remove_prefix(1);
    if (starts_with_word(after, Role::giver_before) ||
        ends_with_word(s_.substr(0, m.start), Role::giver_after)) {
      return Side::from;
    }
    // 阳谷县和东阿县由市中医医院联合帮扶: places right before 由 in a clause of aid are aided by
    // what follows it
    if (aided_by_later(i)) {
      places_[i].aided = true;
      return Side::to;
    }
    // 青岛市与甘肃省陇南市深化东西部协作, 永州市第三人民医院与宁远县人民医院签订对口帮扶协议,
    // 大连—六盘水东西部协作: the first of a pair of partners in a clause of aid gives, and so
    // does the first of a dashed pair that heads its paragraph in a review (江苏—海南:江苏省…)
    // (the clause is searched for a word of aid last: most places have no partner)
    if (size_t j = partner_after(i);
        j != kNone && !inside(m.place, places_[j].place) &&
        (heads_pair(i, j) || contains_word(s_.substr(c.start, c.end - c.start), Role::aid))) {
      return Side::from;
    }
    for (size_t k = i + 1; k < places_.size() && places_[k].clause == m.clause; ++k) {
      const Mention& later = places_[k];
      bool programme = later.side == Side::to && !same_area(m.place, later.place);
      bool adjacent = later.start <= m.end + 3;
      if (programme && (adjacent || k == i + 1)) return Side::from;
    }
    if (s_.substr(c.start, m.start - c.start).ends_with("由")) {
      // 由北京市卫生健康委组派: the sender; 由佛山市第一人民医院牵头帮扶: the one that aids
      for (size_t k = c.first_frame; k < c.end_frame; ++k) {
        const Frame* f = r_.frames[k].frame;
        if (r_.frames[k].start >= m.end && (f->subject == Side::from || is_aid(f->verb))) {
          return sender(i);
        }
      }
    }
    if (partner_of_receiver(i)) return Side::from;
    constexpr size_t kMaxGap = 30;  // bytes between the marker and the place (分赴西藏、新疆)
    Side side = Side::none;
    const Frame* marker = nullptr;
    for (size_t k = c.first_frame; k < c.end_frame; ++k) {
      const FrameHit& hit = r_.frames[k];
      if (hit.frame->place_after == Side::none || hit.end > m.start) continue;
      if (m.start - hit.end <= kMaxGap) side = hit.frame->place_after, marker = hit.frame;
    }
    // 选送错那市人民医院8名骨干到…进修: the place of the persons a verb of sending to study
    // counts (its institution, then the count) is where they come from, which receives
    if (side == Side::from && marker->persons == Persons::trainees && counts_persons_after(m)) {
      side = Side::to;
    }
    places_[i].visited = side == Side::from;
    places_[i].aided = side == Side::to && is_aid(marker->verb);
    // 赴上海进修: a place one goes to (a marker of place only) for study; not the object of a
    // verb of its own (接收东乡县…医护人员到厦门进修: 东乡县 is where they come from)
    bool goes_to = marker && marker->persons == Persons::none;
    for (size_t k = c.first_frame; k < c.end_frame && side == Side::to && goes_to; ++k) {
      const FrameHit& hit = r_.frames[k];  // 赴上海进修: where they go to study is the giver
      bool study = hit.frame->persons == Persons::trainees && hit.frame->governs != Governs::after;
      if (hit.start >= m.end && study && hit.frame->place_after == Side::from) {
        places_[i].visited = true;
        return Side::from;
      }
    }
    if (side != Side::none) return side;
    if (kicker(m)) return Side::none;
    if (opens_clause(i)) {  // the clause's subject, before a verb whose subject gives (or
      // receives: 县医院与市医院组建医联体,接收下沉专家6名: the host of the experts), in its
      // clause or a later one of its sentence that no other place opens
      if (helped(m) || listed_receiver(m)) return Side::to;
      size_t end = subject_end(i);
      for (size_t cl = m.clause; cl < end; ++cl) {
        for (size_t k = r_.clauses[cl].first_frame; k < r_.clauses[cl].end_frame; ++k) {
          const FrameHit& hit = r_.frames[k];
          if (hit.start < m.end || hit.frame->persons != Persons::experts) continue;
          if (cl != m.clause && (persons_as_partner(hit) || team_before(cl, hit))) continue;
          if (hit.frame->subject == Side::to) return Side::to;
          if (hit.frame->subject == Side::from && !sent_to_study(cl, k)) {
            return topic_receiver(i, k, end) ? Side::to : sender(i);
          }
        }
      }
      // 乌鲁木齐市天山医学中心对口帮扶和田地区墨玉县人民医院: the subject of a verb of aid whose
      // object is another place of the verb's clause gives, and so does the home of a team (data/
      // context.tsv) that goes there in its clause or in a later one that opens with the verb of
      // going (深圳一家医院的5名专家来到河池市凤山县;
      // 四川省人民医院组织巡回医疗队,深入凉山州昭觉县: a county of its own too; not 从沈阳到塔城),
      // not to study (通渭县选派45名骨干赴济南进修); so does its hospital that works there
      // (杭州市某医院在雷山县人民医院开展…)
      for (size_t k = c.first_frame; k < r_.clauses[end - 1].end_frame; ++k) {
        const FrameHit& hit = r_.frames[k];
        if (hit.start < m.end || hit.frame->place_after != Side::to) continue;
        size_t verb_clause = r_.clause_at(hit.start);
        bool opens_later =
            verb_clause != m.clause && hit.start <= r_.clauses[verb_clause].start + 3;
        size_t team_end = verb_clause == m.clause ? hit.start : c.end;
        bool going = (verb_clause == m.clause || opens_later) &&
                     contains_word(s_.substr(m.end, team_end - m.end), Role::team) &&
                     !sent_to_study(verb_clause, k);
        // 杭州市钱江医院(钱江医院)在雷山县人民医院开展…: the place's hospital, named right before a
        // marker of where it works (its short name in brackets after it), works there
        std::string_view name = s_.substr(m.end, hit.start - std::min(hit.start, m.end));
        for (auto [open, close] : {std::pair{"(", ")"}, std::pair{"（", "）"}}) {
          if (name.ends_with(close)) name = name.substr(0, name.rfind(open));
        }
        bool works = verb_clause == m.clause && hit.frame->persons == Persons::none &&
                     !name.empty() && han_run(name) == name.size() &&
                     ends_with_word(name, Role::institution) && !sent_to_study(verb_clause, k);
        if (!is_aid(hit.frame->verb) && !going && !works) continue;
        for (size_t j = i + 1; j < places_.size() && places_[j].clause <= verb_clause; ++j) {
          const Place* object = places_[j].place;
          // (甘肃省第二人民医院…对口支援渭源县人民医院: a province's hospitals aid a place of their
          // own)
          bool other =
              !same_area(object, m.place) || sends_within(object, m.place, is_aid(hit.frame->verb));
          if (places_[j].clause == verb_clause && places_[j].start >= hit.end && other) {
            // works only where a hospital of the place follows the marker (在雷山县人民医院开展),
            // not wherever it holds a meeting (在宁波举办培训班)
            if (!is_aid(hit.frame->verb) && !going &&
                (places_[j].start != hit.end || !names_institution_at(places_[j].end))) {
              break;
            }
            // (天津帮扶专家在玛曲…: a verb of aid that names the team after it is the team's
            // home, not a sender in its own right)
            return starts_with_word(s_.substr(hit.end), Role::team) ? Side::from : sender(i);
          }
        }
      }
    }
    return Side::none;
  }

  // Whether place `m` is where patients went to seek care (过去群众看病要跑到西昌甚至成都): after a
  // marker of place and a word of seeks_care (data/context.tsv) in its clause.
  bool sought_care(const Mention& m) const {
    const Clause& c = r_.clauses[m.clause];
    // (the frames first: most clauses have no marker of place before their places)
    bool marked = std::any_of(r_.frames.begin() + c.first_frame, r_.frames.begin() + c.end_frame,
                              [&](const FrameHit& hit) {
                                return hit.end <= m.start && hit.frame->place_after == Side::to &&
                                       hit.frame->persons == Persons::none;
                              });
    return marked && contains_word(s_.substr(c.start, m.start - c.start), Role::seeks_care);
  }

  // Whether place i, alone or heading a list of places joined by 、 or a partner word (阳谷县和
  // 东阿县), stands right before 由 in a clause of aid: the clause is passive, its places are
  // aided by the one after 由 (…由市中医医院与市人民医院联合帮扶).
  bool aided_by_later(size_t i) const {
    constexpr std::string_view kBy = "由", kListMark = "、";
    const Mention& m = places_[i];
    const std::vector<std::string_view>& partners = words(Role::partner);
    size_t last = i;
    for (; last + 1 < places_.size() && places_[last + 1].clause == m.clause; ++last) {
      std::string_view between =
          s_.substr(places_[last].end, places_[last + 1].start - places_[last].end);
      if (between != kListMark &&
          std::find(partners.begin(), partners.end(), between) == partners.end()) {
        break;
      }
    }
    if (!s_.substr(places_[last].end).starts_with(kBy)) return false;
    const Clause& c = r_.clauses[m.clause];
    return contains_word(s_.substr(c.start, c.end - c.start), Role::aid);
  }

  // Whether county i, opening a statement of sending frame hit k that names no place the persons
  // go to in clauses [clause of i, end), is the topic of a city's summary with a statement per
  // county (冠县派驻医师25名): a county that a giver of its own area sent to before receives what
  // its statement counts, no sender of its own.
  bool topic_receiver(size_t i, size_t k, size_t end) const {
    const Mention& m = places_[i];
    if (m.place->level != PlaceLevel::county) return false;
    // (下沉到乡镇卫生院, 向14个乡镇分院下沉: the persons go somewhere, below the county: its own
    // hospitals send them down, the county gives)
    for (size_t j = r_.clauses[m.clause].first_frame; j < r_.clauses[end - 1].end_frame; ++j) {
      bool after_place = j > k || (r_.frames[j].start >= m.end && j != k);
      if (after_place && r_.frames[j].frame->place_after == Side::to) return false;
    }
    for (size_t j = i + 1; j < places_.size() && places_[j].clause < end; ++j) {
      if (places_[j].start >= r_.frames[k].end) return false;
    }
    bool received = false, giver = false;
    for (size_t j = 0; j < i; ++j) {
      const Mention& p = places_[j];
      received = received || (p.place == m.place && p.side == Side::to);
      giver = giver || (p.side == Side::from && sends_within(m.place, p.place, false));
    }
    return received && giver;
  }

  // Whether place `m` is the title's kicker (威宁:省级专家下沉…): the place the report is about,
  // set before a colon, no subject of the verb after it.
  bool kicker(const Mention& m) const {
    std::string_view after = s_.substr(m.end);
    if (!after.starts_with(":") && !after.starts_with("：")) return false;
    return std::any_of(doc_.blocks.begin(), doc_.blocks.end(), [&](const Block& b) {
      return b.kind == BlockKind::title && b.start == m.start;
    });
  }

  // Whether a verb of sending names its persons as a noun, the partner of a relationship (下沉
  // 医生与42名乡村医生结对: team, then partner, data/context.tsv): in a later clause, it is no
  // predicate of the place that opens an earlier one (美姑县则推出…模式,下沉医生与…结对).
  bool persons_as_partner(const FrameHit& hit) const {
    std::string_view after = s_.substr(hit.end, 24);
    for (std::string_view w : words(Role::team)) {
      if (after.starts_with(w) && starts_with_word(after.substr(w.size()), Role::partner))
        return true;
    }
    return false;
  }

  // Whether the verb of `hit` has a team of its own as the subject of its clause: a short name
  // (at most eight characters, no count) that ends with a word of the team (联合专家团下沉专家在
  // 乡镇卫生院坐诊: team, data/context.tsv; not 全省共有600名城市医生下沉): in a later clause, it
  // is no predicate of the place that opens an earlier one (宁津县…纳入医共体管理,联合专家团下沉…).
  bool team_before(size_t clause, const FrameHit& hit) const {
    constexpr size_t kName = 24;  // bytes
    size_t start = r_.clauses[clause].start;
    std::string_view subject = s_.substr(start, hit.start - std::min(hit.start, start));
    return subject.size() <= kName && han_run(subject) == subject.size() &&
           ends_with_word(subject, Role::team);
  }

  // Whether the clause of a clause-opening place says it is helped (县医院在派驻专家帮助下建成…:
  // 在 after it, then a word that closes 在…下 later in the clause: helped, data/context.tsv): it
  // receives.
  bool helped(const Mention& m) const {
    size_t end = r_.clauses[m.clause].end;
    std::string_view rest = s_.substr(m.end, end - m.end);
    size_t at = text::find(rest, "在");
    return at != rest.npos && contains_word(rest.substr(at), Role::helped);
  }

  // Whether a county of the giving city receives: the city sends to it (宜昌市…选派医师到秭归县)
  // or names its hospital (hospital: data/context.tsv;
  // 遵义市第一人民医院与余庆县人民医院组建医联体).
  bool receives_within(const Mention& m, const Place* giver) const {
    return sends_within(m.place, giver, m.aided) &&
           (m.side == Side::to ||
            (m.side == Side::none && starts_with_word(s_.substr(m.end), Role::hospital)));
  }

  // Whether a clause-opening place heads an item of a list after a colon whose statement sends
  // toward places it does not name (向结对县派驻医生:绿春县派驻医生9名;…; a frame of a word of
  // role toward, data/context.tsv): the item's receiver.
  bool listed_receiver(const Mention& m) const {
    const Sentence& sentence = sentence_of(m.clause);
    for (size_t cl = sentence.first_clause; cl < m.clause; ++cl) {
      const Clause& c = r_.clauses[cl];
      std::string_view rest = s_.substr(c.end);
      if (!rest.starts_with(":") && !rest.starts_with("：")) continue;
      for (size_t k = c.first_frame; k < c.end_frame; ++k) {
        const FrameHit& to = r_.frames[k];
        if (!is_toward(to.frame->verb)) continue;
        bool named = std::any_of(places_.begin(), places_.end(), [&](const Mention& p) {
          return p.start >= to.end && p.end <= c.end;
        });
        bool sends = std::any_of(r_.frames.begin() + k + 1, r_.frames.begin() + c.end_frame,
                                 [](const FrameHit& h) { return h.frame->subject == Side::from; });
        if (!named && sends) return true;
      }
    }
    return false;
  }

  // Place i gives as the subject of a verb of sending or aid: a sender in its own right, named
  // at its own level (浙江省…下派 under a report on 杭州市's team: 浙江省).
  // Not in the title, which shortens names (北京石景山医疗帮扶…: 北京's district).
  Side sender(size_t i) {
    places_[i].sender = !is_title(places_[i].start);
    return Side::from;
  }

  // Whether place i opens its clause: first in it, or past one character that is neither a
  // preposition of its object (向西藏选派: toward, data/context.tsv) nor a verb that marks it
  // (在拉萨市: a frame of data/frames.tsv), or after 位于 (located: 位于南昌的…医院选派…) or a
  // word that continues the statement before (其中南昌市对口阿克陶县: continues).
  bool opens_clause(size_t i) const {
    const Mention& m = places_[i];
    const Clause& c = r_.clauses[m.clause];
    std::string_view before = s_.substr(c.start, m.start - c.start);
    if (starts_with_word(before, Role::located)) return true;
    const std::vector<std::string_view>& continues = words(Role::continues);
    if (std::find(continues.begin(), continues.end(), before) != continues.end()) return true;
    if (before.size() > 3 || ends_with_word(before, Role::toward)) return false;
    for (size_t k = c.first_frame; k < c.end_frame; ++k) {
      if (r_.frames[k].end == m.start) return false;
    }
    return true;
  }

  // The end of the clauses that place i, opening its clause, is the subject of: the next clause
  // of its sentence that another place opens (玉树地震后,北京市…派出: 北京市's), else the
  // sentence's end.
  size_t subject_end(size_t i) const {
    const Sentence& sentence = sentence_of(places_[i].clause);
    for (size_t j = i + 1; j < places_.size() && places_[j].clause < sentence.end_clause; ++j) {
      if (places_[j].clause != places_[i].clause && opens_clause(j)) return places_[j].clause;
    }
    return sentence.end_clause;
  }

  // Whether the report makes `place` a sender in its own right somewhere (sender()).
  bool names_sender(const Place* place) const {
    return std::any_of(places_.begin(), places_.end(),
                       [&](const Mention& m) { return m.sender && m.place->name == place->name; });
  }

  // The place joined to place i as its partner (who is listed with whom): the next place of its
  // clause, named otherwise, after a partner word (data/context.tsv: 与, 和, 同) at most 24 bytes
  // on (宁波市12家三级医院与四川省凉山州…), where place i's name opens its clause (十堰市郧西县
  // 人民医院与…; not a list after a verb: 对口支援阿图什市人民医院和乌恰县人民医院, 在马拉维和
  // 苏丹), or right after a dash (a pair's name: 召开天津—甘南东西部协作座谈会); else kNone.
  size_t partner_after(size_t i) const {
    const Mention& m = places_[i];
    size_t j = i + 1;
    if (j == places_.size() || m.place->name == places_[j].place->name || !joined(i, j)) {
      return kNone;
    }
    if (s_.substr(m.end).starts_with("—")) return j;
    size_t name = i;  // 十堰市郧西县人民医院: one name
    while (name > 0 && places_[name - 1].end == places_[name].start) --name;
    return opens_clause(name) ? j : kNone;
  }

  // Whether places i and j = partner_after(i) are the whole of a clause that opens its line and
  // ends at a colon, joined by a dash (北京—玉树:): the heading of a pair's paragraph, the first
  // the giver and the second the receiver of what the line tells.
  bool heads_pair(size_t i, size_t j) const {
    const Clause& c = r_.clauses[places_[i].clause];
    return places_[i].start == c.start && places_[j].end == c.end &&
           s_.substr(places_[i].end).starts_with("—") && ends_with_colon(places_[i].clause) &&
           (c.start == 0 || s_[c.start - 1] == '\n');
  }

  // Whether place i is the partner of the place before it, which receives (县医院与市医院组建
  // 医联体,接收下沉专家6名: the city's hospital sends them down).
  bool partner_of_receiver(size_t i) const {
    return i > 0 && places_[i - 1].side == Side::to && partner_after(i - 1) == i &&
           !inside(places_[i].place, places_[i - 1].place);
  }

  // Whether places i and j = i + 1 of one clause are joined by a partner word (data/context.tsv:
  // 与, 和, 同, a dash) at most 24 bytes after place i.
  bool joined(size_t i, size_t j) const {
    constexpr size_t kMaxGap = 24;  // bytes: 12家三级医院与
    if (places_[j].clause != places_[i].clause) return false;
    std::string_view between = s_.substr(places_[i].end, places_[j].start - places_[i].end);
    return between.size() <= kMaxGap && contains_word(between, Role::partner);
  }

  // Whether place i names, with the places it continues (大连市金州区), the partner of the place
  // before them, which gives, lies in that giver's area and forms one team with it (joint:
  // 大连市星海医院与大连市金州区妇幼保健院组成联合团队), not the other side of a pair (南阳市第一
  // 人民医院与淅川县人民医院签订帮扶协议).
  bool partner_of_giver(size_t i) const {
    size_t name = i;
    while (name > 0 && places_[name - 1].end == places_[name].start) --name;
    if (name == 0) return false;
    size_t last = i;  // the name's most specific place (金州区 of 大连市金州区)
    while (last + 1 < places_.size() && places_[last].end == places_[last + 1].start) ++last;
    const Mention& giver = places_[name - 1];
    const Clause& c = r_.clauses[places_[i].clause];
    return giver.side == Side::from && joined(name - 1, name) &&
           same_area(places_[last].place, giver.place) &&
           contains_word(s_.substr(places_[i].end, c.end - places_[i].end), Role::joint);
  }

  // The byte ranges inside the quotation marks of direct speech: quotes that hold a sentence
  // end (“…就能做微创了。”), not a quoted name (“组团式”).
  std::vector<std::pair<size_t, size_t>> direct_speech() const {
    std::vector<std::pair<size_t, size_t>> out;
    constexpr std::string_view kOpen = "“", kClose = "”";
    static_assert(kOpen[0] == kClose[0], "both marks are found by their first byte");
    // One pass over the marks (memchr for their first byte): each open quote closes at the first
    // close quote after it, which the opens not closed yet share.
    std::vector<size_t> opens;
    for (size_t at = s_.find(kOpen[0]); at != s_.npos; at = s_.find(kOpen[0], at + 1)) {
      std::string_view mark = s_.substr(at, kOpen.size());
      if (mark == kOpen) opens.push_back(at);
      if (mark != kClose) continue;
      for (size_t open : opens) {
        std::string_view inner = s_.substr(open, at - open);
        if (inner.find('\n') != inner.npos) continue;  // unbalanced: a quote never closed
        if (inner.ends_with("。") || inner.ends_with("!") || inner.ends_with("?")) {
          out.emplace_back(open, at);
        }
      }
      opens.clear();
    }
    return out;
  }

  // Whether the persons of sending frame hit k of `clause` go to study (黔南州选派医务人员215名到
  // 广州跟岗学习): a verb of study after it in its clause; its subject then receives.
  bool sent_to_study(size_t clause, size_t k) const {
    const Clause& c = r_.clauses[clause];
    for (size_t j = k + 1; j < c.end_frame; ++j) {
      const Frame* f = r_.frames[j].frame;
      if (f->persons == Persons::trainees && f->governs != Governs::after &&
          f->place_after == Side::from) {
        return true;
      }
    }
    return false;
  }

  // Whether place i is one of a list right after 来自 (origin: data/context.tsv) in its clause.
  bool listed_after_origin(size_t i) const {
    const Mention& m = places_[i];
    size_t begin = r_.clauses[m.clause].start;
    std::string_view before = s_.substr(begin, m.start - begin);
    if (!contains_word(before, Role::origin)) return false;  // most places: no rfind at every byte
    size_t at = before.npos, length = 0;
    for (std::string_view w : words(Role::origin)) {
      size_t found = before.rfind(w);
      if (found != before.npos && (at == before.npos || found > at)) at = found, length = w.size();
    }
    if (at == before.npos) return false;
    size_t p = begin + at + length;
    size_t k = i;
    while (k > 0 && places_[k - 1].clause == m.clause && places_[k - 1].start >= p) --k;
    for (; p < m.start;) {  // only places and list marks between
      if (k < i && places_[k].start == p) {
        p = places_[k++].end;
        continue;
      }
      std::string_view rest = s_.substr(p, m.start - p);
      size_t n = 0;
      for (std::string_view mark : {"、", "和", "及", " "}) {
        if (rest.starts_with(mark)) n = mark.size();
      }
      if (!n) return false;
      p += n;
    }
    return true;
  }

  // The time phrases of the countable blocks, against the report's date.
  // (`found`: what find_times gave for another date, to read again.)
  std::vector<TimePhrase> phrases_of(std::string_view date,
                                     const std::vector<TimePhrase>* found = nullptr) const {
    std::vector<TimePhrase> phrases = found ? redate_times(s_, *found, date) : find_times(s_, date);
    add_eras(s_, date, phrases);
    return phrases;
  }

  void read_times() {
    report_date_ = doc_.date;
    std::vector<TimePhrase> found = find_times(s_, report_date_);
    std::vector<TimePhrase> phrases = found;
    add_eras(s_, report_date_, phrases);
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
          size_t at = rest.find(w);
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
    find_programme_starts();
    // 今年1月,…抵达喀什。半年来,…: months counted back from the report's date start at the
    // month a sentence of the paragraph dated just before (a month earlier or later)
    auto months = [](std::string_view iso) {
      return year_of(iso) * 12 + std::atoi(std::string(iso.substr(5, 2)).c_str()) - 1;
    };
    for (size_t i = 0; i < times_.size(); ++i) {
      // 第五批医疗队(2018年7月—2021年7月)…。三年间: the years of the term stated before
      TimePhrase& recent = times_[i].phrase;
      if (recent.kind != TimeKind::recent || i == 0) continue;
      const TimePhrase& term = times_[i - 1].phrase;
      std::string_view text = s_.substr(recent.start, recent.end - recent.start);
      // (N年间, N年里: within; not N年来: up to now, unless below)
      bool within = ends_with_word(text, Role::within);
      bool up_to_now = text.ends_with("来");
      int years = within || up_to_now ? years_of_recent(text) : 0;
      size_t term_block = sentence_of(times_[i - 1].clause).block;
      size_t block = sentence_of(times_[i].clause).block;
      // (两年间 opening the paragraph after the one that states the team's term: that term)
      // (not a year an event of the paragraph before is dated in: 帮助…于2018年创建三甲。\n一年间)
      bool stated = term.kind == TimeKind::range || times_[i - 1].adverbial;
      bool same_block = term_block == block || (within && term_block + 1 == block && stated);
      bool term_years = term.kind == TimeKind::range && !term.since.empty() &&
                        !term.until.empty() &&
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
      // 去年3月…抵达。一年来 (dated 2024-03-20): years counted back from the report's month
      std::string counted_back = recent.since;
      int years = years_of_recent(s_.substr(recent.start, recent.end - recent.start));
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
        bool start =
            earlier.phrase.kind == TimeKind::point || earlier.phrase.kind == TimeKind::since;
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
        bool start =
            earlier.phrase.kind == TimeKind::point || earlier.phrase.kind == TimeKind::since;
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
        const TimePhrase* stated = nullptr;  // the nearest point before it
        for (size_t k = i; k > 0 && !stated;) {
          if (times_[--k].phrase.kind == TimeKind::point) stated = &times_[k].phrase;
        }
        bool whole = stated && stated->since.size() == 4 && stated->since == stated->until;
        if (whole && year_of(stated->since) == year_of(recent.since) + 1) {
          recent.since = stated->since;
          continue;
        }
        // (2022年是…第一年。一年来 dated 2023-01: the year the report tells of as a whole, the
        // subject of 是, which has ended, alone; not the year of an event: 2022年,…签订协议)
        std::string_view after = stated ? s_.substr(stated->end) : std::string_view();
        if (after.starts_with(",")) after.remove_prefix(1);
        if (whole && years == 1 && stated->since == recent.since && after.starts_with("是") &&
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

  // 自1967年起承担援刚果(布)医疗任务,1977年起承担援加蓬医疗任务: a sentence that states when each
  // of two or more programmes began (a start with its receiver after it in its clause, or right
  // before it in parentheses: 援马耳他(1984年起)和援圭亚那(1993年起), an aside that may leave out
  // a programme told before, 1964年…援桑给巴尔), or after 分别 the starts listed before the
  // receivers listed, in order (分别于1976年和1984年开始向莫桑比克和佛得角派遣).
  void find_programme_starts() {
    for (size_t i = 0; i < times_.size(); ++i) {
      const Time& t = times_[i];
      bool start = t.phrase.kind == TimeKind::since && !t.phrase.since.empty();
      if (!start || t.clause >= r_.clauses.size()) continue;
      if (respective_starts(i)) continue;
      auto aside = [&](const Mention& m) {
        return m.end + 1 == t.phrase.start && s_[m.end] == '(' && m.side != Side::from;
      };
      auto receiver = std::find_if(places_.begin(), places_.end(), [&](const Mention& m) {
        return aside(m) ||
               (m.clause == t.clause && m.start >= t.phrase.end && m.side != Side::from);
      });
      if (receiver == places_.end()) continue;
      size_t sentence = r_.clauses[t.clause].sentence;
      bool same = !starts_.empty() && starts_.back().sentence == sentence;
      // (one programme's, or one within another's: 伊犁州 … 援疆)
      if (same && same_area(starts_.back().receiver, receiver->place)) continue;
      starts_.push_back({i, receiver->place, sentence, aside(*receiver)});
    }
    // (a sentence of one start only has no programmes to tell apart)
    std::erase_if(starts_, [&](const Start& a) {
      return std::count_if(starts_.begin(), starts_.end(),
                           [&](const Start& b) { return b.sentence == a.sentence; }) < 2;
    });
  }

  // 分别于1976年和1984年开始向莫桑比克和佛得角派遣医疗队: the years listed (和, 、) right before
  // the start phrase `last` in a clause with a word of respectively (data/context.tsv) start the
  // programmes of the receivers listed after it, in order. False where the clause lists none.
  bool respective_starts(size_t last) {
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

  // A count whose start is one of the starts of a sentence that states several (or a N年来 right
  // after it, in its paragraph: 50多年来, 天津市累计向刚果(布)…): the start of its own receiver's
  // programme, the earliest when it has none (全省累计向两国派出…).
  void start_of_receiver(Fact& f) const {
    if (starts_.empty() || f.since_span.empty()) return;
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

  // 2023年对口帮扶|…这一年 over a report that states no date of its own: the year its title
  // states is the year it tells of, from which 今年, 去年 and N年来 count, but not its date: what
  // runs to now (今年以来, 截至目前, 今年) ends on a date the report does not state (until empty).
  void count_from_title_year(const std::vector<TimePhrase>& found,
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

  // Whether an undated report's phrases date nothing but programmes' starts (自2002年以来): no
  // event, range nor end that 去年 or 一年来 could count from.
  static bool dates_only_starts(const std::vector<TimePhrase>& phrases) {
    return std::none_of(phrases.begin(), phrases.end(), [](const TimePhrase& t) {
      return t.kind != TimeKind::since && !(t.since.empty() && t.until.empty());
    });
  }

  // A report without a stated date: the date of the event its lead opens with (1月16日, in the
  // year that puts it after every date the report narrates), or the end of the period its lead
  // counts (党的十八大以来…十年来: 2012 + 10).
  std::string infer_report_date(const std::vector<TimePhrase>& phrases) const {
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
      if (t.kind != TimeKind::point || t.since.size() != 10 || clause == r_.clauses.size())
        continue;
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

  // 湖北省卫生健康委员会2023年工作总结 (year_report: data/context.tsv): a year's summary, whose
  // period is the year its title states (titled_, clause kNone), not its publication's.
  void find_titled_year(const std::vector<TimePhrase>& phrases) {
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

  // 全年选派… (whole_year) in a year's summary: the year its title states, a period of its clause.
  void add_whole_years() {
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

  // The report's own giving and receiving side and period: its title and lead.
  void subject() {
    std::vector<const Mention*> from, to, visited;
    for (const Mention& m : places_) {
      if (m.start >= lead_end_) break;
      if (m.side == Side::from) (m.visited ? visited : from).push_back(&m);
    }
    if (from.empty()) from = visited;   // 赴福州进修: the giver's place, not how it is named
    if (from.empty() && !body_area_) {  // (a government body's report: titled_body below)
      if (const Mention* own = titled_outside_receivers()) from.push_back(own);
    }
    // 我院 gives for its publisher when the lead names no giver (中国(浙江)援马里医疗队…我院3名队员
    // under a hospital's site: 浙江省)
    if (std::any_of(from.begin(), from.end(), [](const Mention* m) { return !m->own; })) {
      std::erase_if(from, [](const Mention* m) { return m->own; });
    }
    Reduced f = reduce(from);
    // 河南省第25批援埃塞俄比亚医疗队…由郑州大学第一附属医院牵头组建: a province's team abroad is
    // the province's, whichever of its cities' hospitals leads it or sends its members
    bool abroad_lead = f.place && !f.ambiguous &&
                       std::any_of(places_.begin(), places_.end(), [&](const Mention& m) {
                         return m.start < lead_end_ && m.place->abroad;
                       });
    for (const Mention* m : from) {
      if (abroad_lead && m->place->level == PlaceLevel::province && inside(f.place, m->place)) {
        f = {m->place, m, false};
        province_team_abroad_ = true;
        break;
      }
    }
    // 北京市卫生健康委员会2023年工作报告 over …进驻拉萨市人民医院: a lead that names no giver is
    // the account of the body its title names (我委), which gives
    const Mention* titled_giver = f.place || f.ambiguous ? nullptr : titled_body();
    // 杭州市某医院2023年度对口支援工作总结 over 我院…: so is the institution its title opens with
    const Mention* institution = nullptr;
    if (!titled_giver && !f.place && !f.ambiguous) {
      titled_giver = institution = titled_institution();
    }
    if (titled_giver) f = {titled_giver->place, titled_giver, false};
    // senders in their own right at several levels of one area (深圳市…选派 and 深圳市罗湖区
    // 派驻…): the widest gives the report's programme, the narrower are parts of it that their
    // own statements name
    for (const Mention* m : from) {
      bool wider = f.mention && f.mention->sender && m->sender && inside(f.place, m->place);
      if (wider) f = {m->place, m, false};
    }
    // the title's giver is the report's subject, over a giver of its area that the lead tells of
    // (湖北三级医院医生下沉县域 over 郧西县…与武汉一家三甲医院: 湖北省; 江苏医疗援疆十年 over
    // 苏州市对口支援…: 江苏省), unless the lead spells the title's place out as the first part
    // of its giver's name (北京石景山… over 北京市石景山区…选派: the title shortens the name)
    std::vector<const Mention*> titled;
    for (const Mention* m : from) {
      if (is_title(m->start)) titled.push_back(m);
    }
    Reduced in_title = reduce(titled);
    bool spelled_out =
        f.mention && std::any_of(places_.begin(), places_.end(), [&](const Mention& m) {
          return m.end == f.mention->start && m.place == in_title.place;
        });
    // (also where the lead names the partner of its team beside it: 湖南省…援津巴布韦医疗队与
    // 河南省援赞比亚医疗队… under 湖南援津医疗队…, the report's own team over its partner's)
    auto partner = [&](const Mention* m) {
      return ends_with_word(s_.substr(0, m->start), Role::partner);
    };
    bool one_of_lead = f.ambiguous && !ends_list_of_many(from) &&
                       std::any_of(from.begin(), from.end(),
                                   [&](const Mention* m) {
                                     return !is_title(m->start) && m->place == in_title.place;
                                   }) &&
                       std::all_of(from.begin(), from.end(), [&](const Mention* m) {
                         return same_area(m->place, in_title.place) || partner(m);
                       });
    if (in_title.place && !in_title.ambiguous &&
        (same_area(in_title.place, f.place) || one_of_lead) && !spelled_out) {
      f = in_title;
    }
    from_ = f.ambiguous ? nullptr : f.place;
    if (f.ambiguous && ends_list_of_many(from)) from_ = &kNationwide;
    from_mention_ = f.mention;
    for (const Mention& m : places_) {
      if (m.start >= lead_end_) break;
      // the giver's own place is no receiving side, but a county its city sends to is
      // (宜昌市…选派医师到秭归县: 秭归县 lies in 宜昌市)
      bool giver = same_area(m.place, from_) && !receives_within(m, from_);
      if (m.side != Side::from && !giver && !m.origin) to.push_back(&m);
    }
    // The title's place first, made more specific by the lead (援藏 in the title, 在日喀则市
    // in the lead); the lead's places alone otherwise. Where team members come from (来自上海、
    // 江苏) is no receiving side.
    std::vector<const Mention*> title;
    for (const Mention* m : to) {
      if (is_title(m->start)) title.push_back(m);
    }
    Reduced t = reduce(title.empty() ? to : title);
    if (!title.empty() && t.place && !t.ambiguous && t.place->level == PlaceLevel::province) {
      std::vector<const Mention*> within;
      for (const Mention* m : to) {
        if (!is_title(m->start) && inside(m->place, t.place) && !after_origin(*m)) {
          within.push_back(m);
        }
      }
      Reduced narrower = reduce(within);
      if (narrower.place && !narrower.ambiguous) t = narrower;
    }
    to_ = t.ambiguous ? nullptr : t.place;
    to_mention_ = t.mention;
    // 南阳市…向淅川县、西峡县派驻: the giver's own counties, which reduce to the giver itself (or
    // to a prefecture of the giving province: 四川省人民医院…深入凉山州昭觉县、布拖县)
    own_area_ = to_ && from_ && same_area(to_, from_);
    std::string_view body = s_.substr(0, period_end_);
    if (!t.place && !t.ambiguous && contains_word(body, Role::own_county)) {
      // 我县, 全县: the county the page names as its source, else the first county named
      if (!own_) {
        for (const Mention& m : places_) {
          if (m.place->level == PlaceLevel::county && m.side != Side::from) {
            own_ = m.place;
            break;
          }
        }
      }
      if (!own_ && from_ && from_->level == PlaceLevel::county) own_ = from_;  // 余庆县…全县
      to_ = own_, to_mention_ = nullptr, own_area_ = own_ != nullptr;
    }
    if (!to_ && !t.ambiguous && institution && names_in_lead(from_)) {
      // 温州市第二人民医院…总结 over 我院牵头的温州市城市医疗集团…: the institution's own city,
      // which the lead names as where it works, receives too
      to_ = from_, to_mention_ = from_mention_, own_area_ = true;
    }
    if (!to_ && !t.ambiguous && from_ && from_->level == PlaceLevel::county) {
      // 宁都县总医院…下沉到14个乡镇卫生院: a county that gives and names no receiver sends to
      // its own townships (below county level): the county receives too
      to_ = from_, to_mention_ = from_mention_, own_area_ = true;
    }
    if (!from_ && to_ && to_->level == PlaceLevel::county && county_institution_sends()) {
      // 兰考县依托县域医共体…。县人民医院、县中医院共向13个乡镇卫生院派驻: a county's own
      // hospitals send down to its townships: the county gives, and receives
      from_ = to_, from_mention_ = to_mention_, own_area_ = true;
    }
    if (!from_) {
      // no giving side marked: a place of the lead outside the receiving side (国家医疗队(四川
      // 大学华西医院)…抵达甘南), else a national team (中国援圭亚那医疗队, 我国…派出) is 全国
      std::vector<const Mention*> outside;
      for (const Mention* m : to) {
        if (to_ && !same_area(m->place, to_) && !same_area(to_, m->place) &&
            m->place->level != PlaceLevel::country && to_->level != PlaceLevel::country &&
            m->place->province != to_->province) {
          outside.push_back(m);
        }
      }
      Reduced giver = reduce(outside);  // 来自上海、江苏、浙江: several, none of them the giver
      if (giver.place && !giver.ambiguous) from_ = giver.place, from_mention_ = giver.mention;
    }
    // 由河北、陕西组建的医疗队: a lead that names several givers of one team (a joint team) leaves
    // its counts to none of them, nor to one the report names elsewhere or its publisher
    bool joint = false;
    for (size_t i = 1; f.ambiguous && i < from.size(); ++i) {
      const Mention& a = *from[i - 1];
      joint = joint ||
              (a.clause == from[i]->clause && s_.substr(a.end, from[i]->start - a.end) == "、");
    }
    joint = joint && !ends_list_of_many(from);
    if (!from_ && to_ && !joint && !contains_word(s_.substr(0, lead_end_), Role::many_givers)) {
      // 中国援马里医疗队…完成任务回国。…据悉,浙江省已先后向马里派遣医疗队员: a team whose lead
      // names no giver is sent by the one place the report makes a sender toward its receiver
      // (not a programme of many givers: 全国17个省市…选派, one of them named later)
      const Mention* sent = nullptr;
      bool several = false;
      for (const Mention& m : places_) {
        if (!m.sender || !sends_toward(m, to_)) continue;
        several = several || (sent && sent->place != m.place);
        if (!sent) sent = &m;
      }
      if (sent && !several) from_ = sent->place, from_mention_ = sent;
    }
    if (!from_ && !joint && publisher_ && !same_area(publisher_, to_)) {
      // 县医院迎来第十批对口支援专家 over 供稿:某市医院: the publisher, outside the receiving
      // side, of a report that names no giver gives
      from_ = publisher_, from_mention_ = nullptr;
    }
    if (!from_) {
      std::string_view lead = s_.substr(0, lead_end_);
      if (contains_word(lead, Role::nationwide)) from_ = &kNationwide;
    }
    bool only_own = std::all_of(places_.begin(), places_.end(),
                                [&](const Mention& m) { return m.place == to_; });
    if (!from_ && to_ && to_->level == PlaceLevel::county && only_own &&
        contains_word(body, Role::own_county) && contains_word(body, Role::county_network)) {
      // a county's report on itself (全县) on its own network of hospitals (医共体) that names no
      // other place: its hospitals send down to its townships (县医院医共体…与全县20个乡镇卫生院
      // 结对), the county gives
      from_ = to_, from_mention_ = to_mention_, own_area_ = true;
    }
    if ((from_ == &kNationwide || titled_giver) && receives_in_several_provinces()) {
      // a review of a national programme that tells of 援藏, 援疆 and 援青 in turn: its counts
      // that name no receiver are the nation's, no one province's (and a body's report on its
      // aid to several provinces: its own, to no one of them)
      to_ = nullptr, to_mention_ = nullptr;
    }
    if (to_ && to_->level == PlaceLevel::province) {
      // 援疆 in the title, 阿拉尔市 named twice in the report: the more specific place.
      // Not in a review of several receivers inside it (北京→拉萨市, 上海→日喀则市, 广东→林芝市).
      const Mention* best = nullptr;
      size_t best_count = 0;
      constexpr size_t kSeveral = 3;  // prefectures (two: a team's base and an outing)
      // (nor in one of two partnerships, each a sender's of its own: 福州市对口帮扶固原市…。
      // 厦门市帮扶吴忠市)
      constexpr size_t kPartnerships = 2;
      std::vector<std::string_view> areas, paired;
      for (const Mention& m : places_) {
        if (m.side == Side::from || !inside(m.place, to_)) continue;
        std::string_view area = m.place->level == PlaceLevel::county && !m.place->prefecture.empty()
                                    ? m.place->prefecture
                                    : m.place->name;
        if (std::find(areas.begin(), areas.end(), area) == areas.end()) areas.push_back(area);
        bool of_sender = m.side == Side::to &&
                         std::any_of(places_.begin(), places_.end(), [&](const Mention& s) {
                           return s.clause == m.clause && s.sender && !same_area(s.place, m.place);
                         });
        if (of_sender && std::find(paired.begin(), paired.end(), area) == paired.end()) {
          paired.push_back(area);
        }
      }
      bool several = areas.size() >= kSeveral || paired.size() >= kPartnerships;
      for (const Mention& m : places_) {
        if (several) break;
        if (m.side == Side::from || !inside(m.place, to_)) continue;
        size_t count = 0;
        for (const Mention& other : places_) {
          count += other.side != Side::from && other.place->name == m.place->name;
        }
        if (count > best_count) best = &m, best_count = count;
      }
      if (best && best_count >= 2) to_ = best->place, to_mention_ = best;
    }
    if (!titled_.phrase.since.empty()) period_ = &titled_;  // a year's summary
    for (const Time& t : times_) {  // a period counted (以来, N年来, 截至) first
      if (period_ || t.phrase.start >= period_end_) break;
      bool period = t.phrase.kind == TimeKind::since || t.phrase.kind == TimeKind::recent ||
                    (t.phrase.kind == TimeKind::range && t.adverbial);  // 2021年至2023年,我县…
      // (not a partnership's age, 这是…帮扶的第七个年头, that a lead tells before the start its
      // totals count from: 2018年以来,…累计派驻)
      bool age = s_.substr(t.phrase.start).starts_with("第");
      if (period && !age && !(t.phrase.since.empty() && t.phrase.until.empty())) {
        period_ = &t;
        break;
      }
    }
    for (const Time& t : times_) {  // else the event the lead opens with
      if (period_ || t.phrase.start >= lead_end_) break;
      if (t.phrase.kind == TimeKind::point && !t.phrase.since.empty()) period_ = &t;
    }
    for (const Sentence& sentence : r_.sentences) {
      if (sentence.start >= lead_end_ || (period_ && sentence.end > period_->phrase.start)) break;
      lead_batch_ = lead_batch_ || names_batch(sentence);
    }
    any_ordinal(0, std::min(lead_end_, s_.size()), [&](size_t at) {
      if (Batch b = batch_at(s_, at); b.number > 0) lead_batches_.push_back(b);
      return false;  // (every one)
    });
    if (period_ && period_ != &titled_ && !sums_up_many_givers(*period_)) {
      Fact of_period;
      resolve_from(of_period, period_->clause);
      // (the giver its own paragraph names: 2015年…启动。十年来,援藏医疗队员… is every giver's)
      const Block stated = doc_.blocks.empty() ? Block{BlockKind::paragraph, 0, s_.size()}
                                               : doc_.blocks[sentence_of(period_->clause).block];
      bool named = of_period.from_span.start >= stated.start && !of_period.from_span.empty() &&
                   of_period.from_span.end <= stated.end;
      if (named) period_giver_ = find_place(of_period.from, of_period.from_province);
    }
  }

  // Whether the statement of the report's period `period`, or one of the lead's that states it
  // again (a title's “十四五”以来 over the lead's), sums up the aid of many givers (many_givers:
  // “十四五”以来,东部地区累计向我省选派…): then the period is every giver's in the review.
  bool sums_up_many_givers(const Time& period) const {
    return std::any_of(times_.begin(), times_.end(), [&](const Time& t) {
      if (t.clause >= r_.clauses.size() || t.phrase.start >= lead_end_) return false;
      if (&t != &period &&
          (t.phrase.kind != period.phrase.kind || t.phrase.since != period.phrase.since)) {
        return false;
      }
      const Sentence& sentence = sentence_of(t.clause);
      return names_many_givers(sentence.start, sentence.end);
    });
  }

  // Whether the lead names `place` outside the title.
  bool names_in_lead(const Place* place) const {
    return std::any_of(places_.begin(), places_.end(), [&](const Mention& m) {
      return m.start < lead_end_ && m.place == place && !is_title(m.start);
    });
  }

  // 福建省新闻发布会 over …我省累计选派专家652名赴宁夏: the title's place named without a side and
  // not again in the lead, where the lead names no giver and marks receivers that all lie outside
  // it, is the report's own place, which gives, no receiver; else nullptr.
  const Mention* titled_outside_receivers() const {
    const Mention* titled = nullptr;
    bool marked = false;
    for (const Mention& m : places_) {
      if (m.start >= lead_end_) break;
      if (is_title(m.start)) {
        if (m.side != Side::none || (titled && titled->place != m.place)) return nullptr;
        titled = &m;
        continue;
      }
      // (a lead that names the title's place again gives it its own side: 从珠海来到怒江)
      if (titled && m.place == titled->place) return nullptr;
      if (m.side != Side::to) continue;
      if (!titled || same_area(m.place, titled->place)) return nullptr;
      marked = true;
    }
    return marked ? titled : nullptr;
  }

  // The title's mention of the area of the government body that published the report
  // (authority: data/context.tsv; 广东省卫生健康委员会2023年度…工作总结), named there without a
  // side, when the lead names a place outside that area that does not give (…与重庆市14个区县的
  // 医疗机构结对帮扶: not the report's giver, its receiver); else nullptr.
  const Mention* titled_body() const {
    if (!body_area_) return nullptr;
    const Mention* body = nullptr;
    bool sends_out = false;
    for (const Mention& m : places_) {
      if (m.start >= lead_end_) break;
      if (!body && is_title(m.start) && m.place == body_area_ && m.side == Side::none) body = &m;
      sends_out = sends_out || (m.side != Side::from && !same_area(m.place, body_area_));
    }
    return sends_out ? body : nullptr;
  }

  // The title's mention of the place that opens the name of an institution at its start
  // (institution_place: 温州市第二人民医院2022年度对口支援工作总结), named there with no giving
  // side, in a report whose body says 我院 (own_institution: data/context.tsv): the institution's
  // own account, which it gives; else nullptr.
  const Mention* titled_institution() const {
    auto title = std::find_if(doc_.blocks.begin(), doc_.blocks.end(),
                              [](const Block& b) { return b.kind == BlockKind::title; });
    if (title == doc_.blocks.end()) return nullptr;
    const Place* place = institution_place(s_.substr(title->start, title->end - title->start));
    if (!place) return nullptr;
    auto named = std::find_if(places_.begin(), places_.end(), [&](const Mention& m) {
      return m.start >= title->start && m.start < title->end && m.place == place;
    });
    if (named == places_.end() || named->side == Side::from) return nullptr;
    return says_own() ? &*named : nullptr;  // (asked last: few titles open with a name)
  }

  // Whether a place of the clause of sender `m` receives in `receiver`'s area (…向马里派遣).
  bool sends_toward(const Mention& m, const Place* receiver) const {
    return std::any_of(places_.begin(), places_.end(), [&](const Mention& p) {
      return p.clause == m.clause && p.side == Side::to && same_area(p.place, receiver);
    });
  }

  // Whether the lead names a county's own institution without the county's name (县人民医院:
  // county_institution, data/context.tsv; not 兰考县人民医院) as the subject of a verb of sending.
  bool county_institution_sends() const {
    std::string_view lead = s_.substr(0, lead_end_);
    for (std::string_view w : words(Role::county_institution)) {
      for (size_t at = lead.find(w); at != lead.npos; at = lead.find(w, at + w.size())) {
        bool of_place = std::any_of(places_.begin(), places_.end(), [&](const Mention& m) {
          return m.start < at + w.size() && at < m.end;
        });
        size_t clause = r_.clause_at(at);
        if (of_place || clause == r_.clauses.size()) continue;
        const Clause& c = r_.clauses[clause];
        for (size_t k = c.first_frame; k < c.end_frame; ++k) {
          if (r_.frames[k].start > at && r_.frames[k].frame->subject == Side::from) return true;
        }
      }
    }
    return false;
  }

  // 县人民医院、县中医院向乡镇卫生院下派医师62名, 县中医院发挥…,培训乡村医生460人次: in a report
  // that receives in a county, the county's own institution named without the county (county_
  // institution: data/context.tsv), opening a clause of the count's sentence from `first` up to
  // the count's `clause`, the subject of a verb whose subject gives in that sentence: the county
  // gives (to its townships), whoever gives the report's other counts.
  std::optional<Span> county_institution_gives(size_t first, size_t clause) const {
    if (!to_ || to_->level != PlaceLevel::county) return std::nullopt;
    const Sentence& sentence = sentence_of(clause);
    for (size_t k = std::max(first, sentence.first_clause); k <= clause; ++k) {
      const Clause& c = r_.clauses[k];
      std::string_view opening = s_.substr(c.start, c.end - c.start);
      if (!starts_with_word(opening, Role::county_institution)) continue;
      // (not one that sends its own staff to study: 县妇幼保健院选派5名助产士到省院进修)
      bool gives = false;
      for (size_t cl = k; cl < sentence.end_clause; ++cl) {
        for (size_t j = r_.clauses[cl].first_frame; j < r_.clauses[cl].end_frame; ++j) {
          if (r_.frames[j].frame->subject != Side::from) continue;
          if (sent_to_study(cl, j)) return std::nullopt;
          gives = true;
        }
      }
      if (!gives) return std::nullopt;
      size_t length = 0;
      for (std::string_view w : words(Role::county_institution)) {
        if (opening.starts_with(w)) length = std::max(length, w.size());
      }
      return Span{c.start, c.start + length};
    }
    return std::nullopt;
  }

  // Whether the places the report marks as receiving lie in several provinces (援藏…; 援疆…).
  bool receives_in_several_provinces() const {
    std::string_view first;
    for (const Mention& m : places_) {
      if (m.side != Side::to || m.place->level == PlaceLevel::country) continue;
      std::string_view province =
          m.place->level == PlaceLevel::province ? m.place->name : m.place->province;
      if (first.empty()) first = province;
      if (province != first) return true;
    }
    return false;
  }

  // The report's period, for a count of `f`'s giver at `at`: not one that another giver's
  // statement dates (a review: 自1996年闽宁协作启动…福建已选派…; 沪滇协作中,上海市…), nor one
  // that starts at a date a later sentence of a report on one team states (第三批医疗队…返回。
  // 队员们…。自2017年结对以来,医院已派出3批…: the programme's history told after the team's
  // tally is no period of it; its stay, 一年半来, is).
  const Time* report_period(const Fact& f, size_t at) const {
    if (period_ && lead_batch_ && period_->phrase.kind == TimeKind::since &&
        period_->phrase.start > sentence_of(r_.clause_at(at)).end) {
      return lead_tour();
    }
    if (!period_ || !period_giver_ || f.from.empty()) return period_;
    const Place* giver = find_place(f.from, f.from_province);
    return !giver || same_area(giver, period_giver_) ? period_ : nullptr;
  }

  // 11月28日,第192批医疗队…完成两年援外任务 (or …回国。在两年援外工作中): the date in the lead
  // that ends the tour of the team it names, which dates the team's counts told before the
  // review of the programme (自1975年以来); nullptr when the lead tells no tour.
  const Time* lead_tour() const {
    for (const Time& t : times_) {
      if (t.phrase.start >= lead_end_) break;
      if (t.phrase.kind != TimeKind::point || t.phrase.since.size() != 10) continue;
      const Sentence& sentence = sentence_of(t.clause);
      // (not 结束为期18个月的任务: the term of the mission, no length stated as served)
      if (served_length(s_.substr(t.phrase.end, sentence.end - t.phrase.end)) ||
          served_before(t.phrase.since, t.clause)) {
        return &t;
      }
    }
    return nullptr;
  }

  bool is_title(size_t pos) const {
    for (const Block& b : doc_.blocks) {
      if (b.start <= pos && pos < b.end) return b.kind == BlockKind::title;
    }
    return false;
  }

  bool after_origin(const Mention& m) const {
    std::string_view before = s_.substr(0, m.start);
    if (before.size() > 12) before = before.substr(before.size() - 12);
    return contains_word(before, Role::origin);
  }

  // A side of a fact: its place's name, the province it lies in, the phrase that names it.
  struct SideFields {
    std::string& name;
    std::string& province;
    Span& span;
  };
  static SideFields to_side(Fact& f) { return {f.to, f.to_province, f.to_span}; }
  static SideFields from_side(Fact& f) { return {f.from, f.from_province, f.from_span}; }

  void set_place(SideFields side, const Place* place, const Mention* m) const {
    // A side is a division of China or a country (facts.md): 桑给巴尔 is told as 坦桑尼亚.
    const Place* told = place && place->level != PlaceLevel::country && place->abroad
                            ? find_place(place->province)
                            : place;
    side.name = told ? std::string(told->name) : std::string();
    // (全国 lies in no province)
    bool in_province = told && told->name != kNationwide.name;
    side.province = in_province ? std::string(told->province) : std::string();
    side.span = m && place && m->place->name == place->name ? Span{m->start, m->end} : Span{};
  }

  // The places of clause range [first, end) with a side (`from`), or without one of from. The
  // list is the resolver's scratch, reused per call (asked for several times per fact): valid
  // until the next call.
  const std::vector<const Mention*>& places_in(size_t first, size_t end, bool from,
                                               const Place* giver) const {
    std::vector<const Mention*>& out = places_scratch_;
    out.clear();
    auto lo = std::lower_bound(places_.begin(), places_.end(), first,
                               [](const Mention& m, size_t c) { return m.clause < c; });
    for (auto it = lo; it != places_.end() && it->clause < end; ++it) {
      bool of_giver =  // 在上海市第一人民医院学习: the giver's own place (宁远县 in 永州市 is not)
          giver && (it->place->name == giver->name || inside(giver, it->place) ||
                    // 山东援疆…享受到济南、青岛专家的诊疗: a city of the giving province named
                    // without a marker
                    (it->side == Side::none && giver->level == PlaceLevel::province &&
                     it->place->level == PlaceLevel::prefecture && inside(it->place, giver)));
      if (from ? it->side == Side::from : it->side != Side::from && !of_giver && !it->origin) {
        out.push_back(&*it);
      }
    }
    if (!from) keep_abroad(out);
    return out;
  }

  // Whether a semicolon ends `clause`.
  bool ends_part(size_t clause) const { return clause_ends_at(clause, ';', "；"); }

  // Whether a colon ends `clause`.
  bool ends_with_colon(size_t clause) const { return clause_ends_at(clause, ':', "："); }

  // Whether the mark that ends `clause` is `ascii` or its full-width form `wide`.
  bool clause_ends_at(size_t clause, char ascii, std::string_view wide) const {
    std::string_view rest = s_.substr(r_.clauses[clause].end);
    // (the first byte first: a clause ends at punctuation, most of it ASCII)
    return !rest.empty() && (rest[0] == ascii || (rest[0] == wide[0] && rest.starts_with(wide)));
  }

  // 河北省12人, 雁塔区医院6名, 越秀区人民医院派出7人: a count of persons (digits, then 人 or 名)
  // right after the place, its institution's name and a verb of sending, in its clause.
  bool counts_persons_after(const Mention& m) const {
    const Clause& c = r_.clauses[m.clause];
    size_t end = c.end, p = past_institution(m.end);
    for (size_t k = c.first_frame; k < c.end_frame; ++k) {
      const FrameHit& hit = r_.frames[k];
      if (hit.start == p && hit.frame->subject == Side::from) p = hit.end;
    }
    while (p < end && kCountDigits.find(code_point_at(s_, p)) != kCountDigits.npos) {
      p = next_char(s_, p);
    }
    size_t digits_end = p;
    while (p < end && s_[p] == ' ') ++p;  // (11 名: a space the page left before the unit)
    std::string_view unit = s_.substr(p, end - p);
    return digits_end > m.end && (unit.starts_with("人") || unit.starts_with("名"));
  }

  // 其中河北省12人、陕西省7人: where the count's clause lists counts after their givers, the
  // giver of the count's own item (after the list mark before it); nullptr otherwise.
  const Mention* item_giver(size_t clause, size_t at) const {
    const Clause& c = r_.clauses[clause];
    if (at < c.start || at > c.end) return nullptr;
    constexpr std::string_view kMark = "、";
    std::string_view before = s_.substr(c.start, at - c.start);
    size_t mark = before.rfind(kMark);
    size_t item = mark == before.npos ? c.start : c.start + mark + kMark.size();
    bool listed = mark != before.npos || s_.substr(at, c.end - at).find(kMark) != before.npos;
    if (!listed) return nullptr;
    const Mention* found = nullptr;
    for (const Mention& m : places_) {
      if (m.clause == clause && m.side == Side::from && m.start >= item && m.end <= at &&
          counts_persons_after(m)) {
        found = &m;
      }
    }
    return found;
  }

  // Where the count's statement names several givers: the one giver of its part from the last
  // clause that opens with 其中 (part: data/context.tsv) up to the count's (两省…共选派3260人次,
  // 其中浙江…,派驻2140人次: 浙江省), else none.
  void giver_of_part(Fact& f, size_t clause) const {
    for (size_t c = clause + 1; c-- > part_of(clause).first;) {
      if (!starts_with_word(s_.substr(r_.clauses[c].start), Role::part)) continue;
      Reduced r = reduce(places_in(c, clause + 1, true, nullptr));
      if (r.place && !r.ambiguous) set_place(from_side(f), r.place, r.mention);
      return;
    }
  }

  // Each clause's part of its sentence (part_of), cut once for the document: a part ends at a
  // semicolon or the sentence's end, and at a colon before the first semicolon, which opens
  // items (由两家医院联合帮扶:阳谷县派驻医师20名,带教…;东阿县…: the heading, then each item).
  void find_parts() {
    parts_.resize(r_.clauses.size());
    for (const Sentence& sentence : r_.sentences) {
      size_t first = sentence.first_clause;
      size_t heading = kNone;  // the clause that ends at a colon before the first semicolon
      bool parted = false;     // a semicolon seen
      for (size_t c = first; c < sentence.end_clause; ++c) {
        bool semicolon = ends_part(c);
        if (semicolon && heading != kNone) {  // (the heading, then its items)
          for (size_t k = first; k <= heading; ++k) parts_[k] = {first, heading + 1};
          first = heading + 1, heading = kNone;
        }
        if (!semicolon && !parted && heading == kNone && ends_with_colon(c)) heading = c;
        parted = parted || semicolon;
        if (c + 1 < sentence.end_clause && !semicolon) continue;
        for (size_t k = first; k <= c; ++k) parts_[k] = {first, c + 1};
        first = c + 1;
      }
    }
  }

  // The clauses [first, end) of the part of its sentence that holds `clause`: semicolons part a
  // sentence into statements of their own (北京市向拉萨市派出…;上海市支援日喀则市,十年来开展…).
  std::pair<size_t, size_t> part_of(size_t clause) const { return parts_[clause]; }

  // Clause ranges [first, end), at most three (kept in place: they are asked for per fact).
  struct Scopes {
    std::array<std::pair<size_t, size_t>, 3> items;
    size_t size = 0;
    const std::pair<size_t, size_t>* begin() const { return items.data(); }
    const std::pair<size_t, size_t>* end() const { return items.data() + size; }
  };

  // The scopes of a count, narrowest first: its clause, its part of the sentence, its sentence.
  Scopes scopes_of(size_t clause) const {
    const Sentence& sentence = sentence_of(clause);
    Scopes out;
    out.items[out.size++] = {clause, clause + 1};
    auto part = part_of(clause);
    if (part.second - part.first > 1 &&
        part != std::pair{sentence.first_clause, sentence.end_clause}) {
      out.items[out.size++] = part;
    }
    out.items[out.size++] = {sentence.first_clause, sentence.end_clause};
    return out;
  }

  // Whether bytes [from, to) name many givers (many_givers: data/context.tsv), not as the part
  // of a place right before the word (西藏东部: the east of one region).
  // (many_givers_in first: it answers most scopes without a search.)
  bool names_many_givers(size_t from, size_t to) const {
    std::string_view text = s_.substr(from, to - from);
    for (std::string_view w : words(Role::many_givers)) {
      for (size_t at = text.find(w); at != text.npos; at = text.find(w, at + w.size())) {
        bool of_place = std::any_of(places_.begin(), places_.end(),
                                    [&](const Mention& m) { return m.end == from + at; });
        if (!of_place) return true;
      }
    }
    return false;
  }

  // 湘雅医院、湖南省人民医院等5家医院组团帮扶…: a sending hospital named by its own name
  // (data/institutions.tsv: its city) beside one named by its province, in one clause: the
  // province's hospitals give.
  Reduced province_of_hospitals(Reduced r) const {
    if (!r.mention || !r.mention->hospital) return r;
    for (const Mention& m : places_) {
      if (m.clause == r.mention->clause && m.place->level == PlaceLevel::province &&
          inside(r.place, m.place) && names_institution_at(m.end)) {
        return {m.place, &m, false};
      }
    }
    return r;
  }

  // `at`, when given: where the count stands (teams of several givers); `county_gives`, when
  // given: set where a county's own institution gives the count.
  void resolve_from(Fact& f, size_t clause, size_t at = kNone, bool* county_gives = nullptr) const {
    for (auto [first, end] : scopes_of(clause)) {
      const std::vector<const Mention*>& givers = places_in(first, end, true, nullptr);
      Reduced r = province_of_hospitals(reduce(givers));
      if (r.ambiguous && ends_list_of_many(givers)) {
        return set_place(from_side(f), &kNationwide, nullptr);
      }
      // (several givers, also districts that reduce to their city: 其中雁塔区医院6名、长安区
      // 医院4名 gives each its own)
      if (r.ambiguous || (r.place && !r.mention)) {
        if (const Mention* own = item_giver(clause, at)) {
          return set_place(from_side(f), own->place, own);
        }
        if (r.ambiguous) return giver_of_part(f, clause);
      }
      // 五年间东部10省市共选派…, 全国已批复建设125个: many provinces give it (many_givers:
      // data/context.tsv), whoever the report's giver is; a region's collective whose sentence
      // names neither provinces nor the nation (东部地区, 东部帮扶城市: no nationwide word) is no
      // giver the spec knows, neither a division nor a national programme: none
      size_t from = r_.clauses[first].start, to = r_.clauses[end - 1].end;
      if (!r.place && many_givers_in(first, end) && names_many_givers(from, to)) {
        const Sentence& sentence = sentence_of(clause);
        bool nation = contains_word(s_.substr(sentence.start, sentence.end - sentence.start),
                                    Role::nationwide);
        return set_place(from_side(f), nation ? &kNationwide : nullptr, nullptr);
      }
      if (r.place && province_team_abroad_ && inside(r.place, from_)) {
        return set_place(from_side(f), from_, from_mention_);  // (the province's team abroad)
      }
      if (r.place && from_ && r.place != from_ && same_area(r.place, from_)) {
        // the report's giver, named more or less specifically (江苏省…赴南京进修: 江苏省;
        // 北辰区对口帮扶玛曲县…天津帮扶专家: 北辰区)
        // 2022年,潍坊市4家医院派出的9名专家: a city of the giving province that sends gives, and
        // so does the home of the team (来自福州市第一医院的专家…带教本地医生6名)
        // 遵义市第一人民医院…派出专家到余庆县人民医院 in a report of 余庆县 on its own townships:
        // the city gives to the county
        bool sends = (r.mention && (!r.mention->visited || r.mention->home) && !r.mention->own &&
                      inside(r.place, from_)) ||
                     sends_within(to_, r.place, false);
        // (but a sender in its own right keeps its level: 浙江省累计向甘孜州下派… in a report on
        // 杭州市's team, and so does its name elsewhere: 深圳专家 or 赴深圳进修 where 深圳市…选派)
        sends = sends || (r.mention && names_sender(r.place));
        if (r.place->level != PlaceLevel::county && !sends) {
          return set_place(from_side(f), from_, from_mention_);
        }
      }
      if (r.place) return set_place(from_side(f), r.place, r.mention);
      if (std::optional<Span> name = county_institution_gives(first, clause)) {
        set_place(from_side(f), to_, nullptr);
        f.from_span = *name;
        if (county_gives) *county_gives = true;
        return;
      }
    }
    // …由佛山市第一人民医院牵头帮扶。援疆专家在伽师…: a city of the report's giving province
    // that an earlier sentence of the paragraph makes give
    for (size_t i : earlier_sentences(clause)) {
      const Sentence& earlier = r_.sentences[i];
      Reduced r = reduce(places_in(earlier.first_clause, earlier.end_clause, true, nullptr));
      if (r.ambiguous || !r.place) continue;
      bool sends = r.mention && (!r.mention->visited || r.mention->home);
      if (from_ && sends && inside(r.place, from_)) {
        return set_place(from_side(f), r.place, r.mention);
      }
      break;
    }
    set_place(from_side(f), from_, from_mention_);
  }

  // Whether mention `h`, a county, opens a clause that a colon ends and that names an
  // institution (会泽县人民医院:…): the heading of an item on one receiving hospital.
  bool heads_item(const Mention& h) const {
    const Clause& c = r_.clauses[h.clause];
    std::string_view clause = s_.substr(c.start, c.end - c.start);
    return h.place->level == PlaceLevel::county && h.start == c.start &&
           s_.substr(c.end).starts_with(":") && ends_with_word(clause, Role::institution);
  }

  // Whether several givers end a list with 等 or their number of 省市 (北京、天津、江苏等8个
  // 省市, 北京、上海…山东6省市): a programme of many provinces (全国). Two are a pair of givers,
  // each named, not many (浙江、广东两省: no one giver, and not the nation), and so are provinces
  // counted as 省 alone (安徽、湖北、湖南三省联合组派: a joint team of the three, not the nation).
  bool ends_list_of_many(const std::vector<const Mention*>& givers) const {
    constexpr double kMany = 3;
    return std::any_of(givers.begin(), givers.end(), [&](const Mention* m) {
      std::string_view rest = s_.substr(m->end, 24);
      if (rest.starts_with("等")) return true;
      size_t p = past_numerals(rest, 0);
      if (p == 0) return false;
      std::optional<double> number = parse_numeral(rest.substr(0, p));
      if (rest.substr(p).starts_with("个")) p += std::string_view("个").size();
      return rest.substr(p).starts_with("省市") && number.value_or(kMany) >= kMany;
    });
  }

  // Whether the clauses [first, end) of one sentence name many givers (many_givers: data/
  // context.tsv). Asked per fact and scope: a sentence without the words answers for all its
  // scopes from one search of it.
  bool many_givers_in(size_t first, size_t end) const {
    if (many_givers_.empty()) many_givers_.assign(r_.sentences.size(), kUnknown);
    auto text_of = [&](size_t a, size_t b) {
      return s_.substr(r_.clauses[a].start, r_.clauses[b - 1].end - r_.clauses[a].start);
    };
    int8_t& in_sentence = many_givers_[r_.clauses[first].sentence];
    if (in_sentence == kUnknown) {
      const Sentence& sentence = sentence_of(first);
      in_sentence =
          contains_word(text_of(sentence.first_clause, sentence.end_clause), Role::many_givers);
    }
    return in_sentence && contains_word(text_of(first, end), Role::many_givers);
  }
  static constexpr int8_t kUnknown = -1;

  // contains_word(s_.substr(from, to - from), role), for the questions asked per count of the
  // ranges the lead, its sentence, paragraph or clause share with the other counts (searches_).
  bool has_word(size_t from, size_t to, Role role) const {
    return searches_.contains(from, std::min(to, s_.size()), role);
  }

  // 共完成手术9400余台,其中在麦盖提县人民医院完成…: a place of a part of a statement (from the
  // first clause of its sentence opening with part: data/context.tsv, to the sentence's end) is
  // the part's only, not of the counts of `clause` before it nor of later sentences.
  bool of_other_part(const Mention& m, size_t clause) const {
    size_t index = r_.clauses[m.clause].sentence;
    const Sentence& sentence = r_.sentences[index];
    size_t& part = part_clause_[index];  // (read once per sentence: asked per place and count)
    if (part == kUnread) {
      part = kNone;
      const std::vector<std::string_view>& parts = words(Role::part);  // (looked up once)
      for (size_t c = sentence.first_clause; c < sentence.end_clause && part == kNone; ++c) {
        const Clause& cl = r_.clauses[c];
        std::string_view clause_text = s_.substr(cl.start, cl.end - cl.start);
        for (std::string_view w : parts) part = clause_text.starts_with(w) ? c : part;
      }
    }
    return part != kNone && part <= m.clause && (clause < part || clause >= sentence.end_clause);
  }

  // The receiving places of clauses [first, end) for a count of `clause` (places_in's list).
  const std::vector<const Mention*>& receivers_for(size_t first, size_t end, size_t clause,
                                                   const Place* giver) const {
    places_in(first, end, false, giver);
    if (places_scratch_.empty()) return places_scratch_;
    if (part_clause_.empty()) part_clause_.assign(r_.sentences.size(), kUnread);
    std::erase_if(places_scratch_, [&](const Mention* m) { return of_other_part(*m, clause); });
    return places_scratch_;
  }

  // 在巴里坤县人民医院完成手术930余台,在伊吾县开展巡回义诊12次,服务群众2400多人次: a clause
  // naming no place and no total (to_now: data/context.tsv, 共) goes on from the clause right
  // before it in its part of the sentence when that one opens with where its work was done (在
  // and a place), not the several places of the sentence; nullptr otherwise.
  const Mention* place_going_on(size_t clause, const Place* giver) const {
    if (clause == 0 || part_of(clause).first >= clause) return nullptr;
    const Clause& own = r_.clauses[clause];
    std::string_view text = s_.substr(own.start, own.end - own.start);
    const Clause& before = r_.clauses[clause - 1];
    if (!s_.substr(before.start, before.end - before.start).starts_with("在") ||
        contains_word(text, Role::to_now) || text::find(text, "共") != text.npos ||
        !receivers_for(clause, clause + 1, clause, giver).empty()) {
      return nullptr;
    }
    // (the place right after 在: not 在成都专家的帮助下, the helpers' home: helped)
    std::string_view opening = s_.substr(before.start, before.end - before.start);
    const auto& places = receivers_for(clause - 1, clause, clause, giver);
    bool where = places.size() == 1 &&
                 places[0]->start == before.start + std::string_view("在").size() &&
                 !ends_with_word(opening, Role::helped);
    return where ? places[0] : nullptr;
  }

  // 辽宁省今年选派的31名援疆医疗人才,分布在塔城地区人民医院和沙湾市…: a programme word (援疆: its
  // province) says less than the places inside that province that the clause right after the
  // count names, when it holds no count of its own (where the counted went): one place, or the
  // prefecture of several (喀什地区深喀第一人民医院和塔什库尔干塔吉克自治县人民医院: 喀什地区).
  Reduced past_programme(Reduced r, size_t clause, const Place* giver) const {
    if (!r.mention || r.place->level != PlaceLevel::province ||
        !s_.substr(r.mention->start).starts_with("援")) {
      return r;
    }
    size_t next = clause + 1;
    if (next >= part_of(clause).second) return r;
    const Clause& c = r_.clauses[next];
    std::string_view text = s_.substr(c.start, c.end - c.start);
    if (text.find_first_of("0123456789") != text.npos) return r;
    std::vector<const Mention*> inner;  // (of one name, its last part: 喀什地区疏附县 → 疏附县)
    for (const Mention* m : receivers_for(next, next + 1, clause, giver)) {
      if (!inside(m->place, r.place)) continue;
      if (!inner.empty() && inner.back()->end == m->start &&
          inside(m->place, inner.back()->place)) {
        inner.back() = m;
      } else {
        inner.push_back(m);
      }
    }
    if (inner.empty()) return r;
    bool one = std::all_of(inner.begin(), inner.end(),
                           [&](const Mention* m) { return m->place == inner[0]->place; });
    if (one) return {inner[0]->place, inner[0], false};
    std::string_view shared = prefecture(inner[0]->place);
    for (const Mention* m : inner) {
      if (prefecture(m->place) != shared) return r;
    }
    const Place* place = shared.empty() ? nullptr : find_place(shared);
    return place ? Reduced{place, nullptr, false} : r;
  }

  // A province or prefecture made more specific by the one place inside it that the paragraph
  // before the count or (a province only) the report's subject names (援藏 after 助力健康拉萨:
  // 拉萨市; 北京专家在张家口… under a title on 崇礼: the city the sentence names).
  Reduced refine(Reduced r, size_t clause, const Place* giver) const {
    if (!r.place || r.place->level == PlaceLevel::county || r.place->level == PlaceLevel::country) {
      return r;
    }
    // 在克拉玛依市,…组建由援疆专家领衔的工作室9个: the clauses of its sentence before it first
    std::vector<const Mention*> near;
    for (const Mention* m : places_in(part_of(clause).first, clause, false, giver)) {
      if (inside(m->place, r.place)) near.push_back(m);
    }
    Reduced nearer = reduce(near);
    if (nearer.place && !nearer.ambiguous && inside(nearer.place, r.place)) return nearer;
    // 向我省选派… (own_area): the publishing body's whole province, whatever county the
    // paragraph before or the report's subject names
    if (r.mention && r.mention->own && r.place->level == PlaceLevel::province) return r;
    // A prefecture the count's own sentence names is narrowed only by its paragraph: the one
    // before, drawn on through 此外, 当天…, may be about one county of it (在元阳县人民医院…。
    // 此外,红河州选派23名医务人员…,价值480万元: 红河州).
    const Sentence& own = sentence_of(clause);
    bool own_sentence = r.mention && r.place->level == PlaceLevel::prefecture &&
                        r.mention->clause >= own.first_clause && r.mention->clause < own.end_clause;
    size_t block = own.block;
    std::vector<const Mention*> within;
    for (size_t i : earlier_sentences(clause)) {
      const Sentence& earlier = r_.sentences[i];
      if (own_sentence && earlier.block != block) break;
      for (const Mention* m :
           receivers_for(earlier.first_clause, earlier.end_clause, clause, giver)) {
        if (inside(m->place, r.place)) within.push_back(m);
      }
    }
    Mention subject{0, 0, to_, Side::to, kNone};
    // (not a province right before a count of its own, a digit right after it: 对口帮扶云南省40家
    // 县级医院)
    size_t after = r.mention ? r.mention->end : s_.size();
    bool own_count = r.mention && r.mention->clause == clause && after < s_.size() &&
                     s_[after] >= '0' && s_[after] <= '9';
    bool province = r.place->level == PlaceLevel::province && !own_count;
    if (province && to_ && inside(to_, r.place)) within.push_back(&subject);
    Reduced narrower = reduce(within);
    if (narrower.place && !narrower.ambiguous && inside(narrower.place, r.place)) {
      if (narrower.mention == &subject) narrower.mention = to_mention_;
      return narrower;
    }
    return r;
  }

  // The sentence indexes hi - 1 down to lo (a range-for over them allocates nothing: it runs
  // per fact).
  struct Descending {
    struct Iterator {
      size_t i;
      size_t operator*() const { return i - 1; }
      Iterator& operator++() { return --i, *this; }
      bool operator!=(const Iterator& other) const { return i != other.i; }
    };
    size_t lo, hi;
    Iterator begin() const { return {hi}; }
    Iterator end() const { return {lo}; }
  };

  // The sentences before the count's that it draws on, nearest first: those of its paragraph,
  // and when it continues a statement (当天, 此外…), those of the paragraph before.
  Descending earlier_sentences(size_t clause) const {
    const Sentence& sentence = sentence_of(clause);
    size_t index = r_.clauses[clause].sentence, lo = index;
    size_t block = sentence.block;
    bool crossed = false, continues = sentence.continues;
    for (size_t i = index; i > 0;) {
      const Sentence& earlier = r_.sentences[--i];
      if (earlier.block != block) {
        if (crossed || !continues) break;
        crossed = true;
        block = earlier.block;
      }
      continues = continues || earlier.continues;
      lo = i;
    }
    return {lo, index};
  }

  // 其中援疆880名、援藏210名、援青170名: the place that opens the count's own item of a list
  // in its clause (after the last 、 before it), nullptr when none or the clause lists nothing.
  const Mention* item_place(size_t clause, size_t at, const Place* giver) const {
    const Clause& c = r_.clauses[clause];
    std::string_view text = s_.substr(c.start, c.end - c.start);
    if (text.find("、") == text.npos || at < c.start || at > c.end) return nullptr;
    constexpr std::string_view kMark = "、";
    size_t mark = text.substr(0, at - c.start).rfind(kMark);
    size_t item = mark == text.npos ? c.start : c.start + mark + kMark.size();
    // a list of counts, not of places (赴阿瓦提、乌什、柯坪等4个县的11所卫生院): the item beside
    // it (the one before, else the one after) has a number too
    std::string_view beside;
    if (mark != text.npos) {
      size_t before = text.substr(0, mark).rfind(kMark);
      before = before == text.npos ? 0 : before + kMark.size();
      beside = text.substr(before, mark - before);
    } else {
      size_t next = text.find(kMark, at - c.start);
      if (next == text.npos) return nullptr;
      size_t after = next + kMark.size();
      beside = text.substr(after, text.find(kMark, after) - after);
    }
    // (a count that ends it: 援藏210名, not 宁波市12家医院与凉山州、甘孜州的20家医院, nor a
    // numeral of a place's name: 帮扶百色市、河池市的医院41家)
    constexpr size_t kMaxAfterCount = 4;  // characters: 名, 人次, 名专家
    size_t offset = static_cast<size_t>(beside.data() - s_.data());
    auto of_place = [&](size_t p) {
      return std::any_of(places_.begin(), places_.end(),
                         [&](const Mention& m) { return m.start <= p && p < m.end; });
    };
    bool number = false;
    for (size_t p = beside.size(), chars = 0; p > 0 && chars <= kMaxAfterCount && !number;
         ++chars) {
      p = text::previous_char(beside, p);
      number =
          kCountDigits.find(code_point_at(beside, p)) != kCountDigits.npos && !of_place(offset + p);
    }
    if (!number) return nullptr;
    const Mention* found = nullptr;
    for (const Mention* m : places_in(clause, clause + 1, false, giver)) {
      if (m->start < item || m->end > at) continue;
      if (found && !same_area(found->place, m->place)) return nullptr;
      if (!found || inside(m->place, found->place)) found = m;
    }
    return found;
  }

  // 分别向莫桑比克、佛得角派出医疗队员327名和216名 (…。两支医疗队在岗队员分别为23名和18名 after
  // a sentence naming the two): counts listed after 分别 (respectively: data/context.tsv) go to the
  // places listed before them, each to its own in order, where the two lists are as long; nullptr
  // otherwise.
  const Mention* respective_place(size_t clause, size_t at, const Place* giver) const {
    const Clause& c = r_.clauses[clause];
    if (at < c.start) return nullptr;
    std::string_view before = s_.substr(c.start, at - c.start);
    size_t first = std::string_view::npos;
    for (std::string_view word : words(Role::respectively)) {
      size_t mark = before.find(word);
      if (mark != before.npos) first = std::min(first, c.start + mark + word.size());
    }
    if (first == std::string_view::npos) return nullptr;
    std::vector<const Mention*> places;
    for (const Mention* m : places_in(clause, clause + 1, false, giver)) {
      if (m->end <= at) places.push_back(m);
    }
    if (!places.empty()) {
      first = std::max(first, places.back()->end);
    } else {  // the places of the nearest earlier sentence that names some
      for (size_t i : earlier_sentences(clause)) {
        const Sentence& earlier = r_.sentences[i];
        const auto& named = places_in(earlier.first_clause, earlier.end_clause, false, giver);
        if (named.empty()) continue;
        places.assign(named.begin(), named.end());
        break;
      }
    }
    if (places.size() < 2) return nullptr;
    // the counts' list: items joined by 和, 、 or 及, each opening with its number
    size_t item = 0, items = 1;
    for (size_t p = first; p < c.end; p = next_char(s_, p)) {
      char32_t ch = code_point_at(s_, p);
      if (ch != U'和' && ch != U'、' && ch != U'及') continue;
      size_t next = next_char(s_, p);
      if (next >= c.end || kCountDigits.find(code_point_at(s_, next)) == kCountDigits.npos)
        return nullptr;
      ++items;
      if (p < at) ++item;
    }
    for (const Mention* m : places) {
      if (std::count_if(places.begin(), places.end(),
                        [&](const Mention* o) { return same_area(o->place, m->place); }) > 1) {
        return nullptr;  // 西藏拉萨市: one place, not two
      }
    }
    return items == places.size() ? places[item] : nullptr;
  }

  void resolve_to(Fact& f, size_t clause, size_t at) const {
    const Place* giver = f.from.empty() ? from_ : find_place(f.from, f.from_province);
    // 栾川县人民医院向本县12个乡镇卫生院派出医生: a county gives to its own townships
    // (own_of_giver: data/context.tsv), whatever other counties the paragraph named
    const Clause& own = r_.clauses[clause];
    if (giver && giver->level == PlaceLevel::county &&
        has_word(own.start, own.end, Role::own_of_giver)) {
      return set_place(to_side(f), giver, nullptr);
    }
    if (const Mention* m = respective_place(clause, at, giver)) {
      return set_place(to_side(f), m->place, m);
    }
    if (const Mention* m = item_place(clause, at, giver)) {
      Reduced r = refine({m->place, m, false}, clause, giver);
      return set_place(to_side(f), r.place, r.mention);
    }
    if (const Mention* m = place_going_on(clause, giver)) {
      Reduced r = refine({m->place, m, false}, clause, giver);
      return set_place(to_side(f), r.place, r.mention);
    }
    // The count's scopes, then the sentences before it: the first that names a place decides.
    auto decides = [&](size_t first, size_t end) {
      Reduced r = past_programme(reduce(receivers_for(first, end, clause, giver)), clause, giver);
      if (r.ambiguous) {
        set_place(to_side(f), nullptr, nullptr);
      } else if (r.place) {
        r = refine(r, clause, giver);
        set_place(to_side(f), r.place, r.mention);
      } else {
        return false;
      }
      return true;
    };
    for (auto [first, end] : scopes_of(clause)) {
      if (decides(first, end)) return;
    }
    // a total of many givers in a report of one (东部10省市共选派…): its receivers are many too
    if (f.from == kNationwide.name && from_ != &kNationwide) return;
    for (size_t i : earlier_sentences(clause)) {
      if (decides(r_.sentences[i].first_clause, r_.sentences[i].end_clause)) return;
    }
    // 县医院…下沉到全县23个乡镇卫生院: a county's own programme receives in the county
    bool of_giver = !own_area_ && same_area(to_, giver) &&
                    !(to_mention_ && receives_within(*to_mention_, giver));
    // 江苏省…组织全省二级以上医院向县乡两级下沉医疗人才: a province's or city's programme
    // within its whole area (whole: data/context.tsv) that names no receiver (nor, in the lead,
    // the report any outside it: a review's total of its aid elsewhere) receives in the giver;
    // so does a sentence of it in a report on one county of the giver (2023年全省三级医院共向县级
    // 医院下沉医务人员3260名 over 郧西县's partnership with 武汉)
    if ((!to_ || of_giver) && giver && giver->level != PlaceLevel::country &&
        giver != &kNationwide && within_whole() && !sums_aid_outside(clause, giver)) {
      return set_place(to_side(f), giver, nullptr);
    }
    set_place(to_side(f), of_giver ? nullptr : to_, to_mention_);
  }

  // 全省已有1.1万名城市医生下沉到县乡两级, 全区共组建巡回医疗队120支: in a report of aid
  // within one province or city, a count of the whole area (whole: data/context.tsv) before it
  // in its sentence, which names no receiver, is given and received in that area: the province
  // (全省, 全区 of an autonomous region) or the city (全市) of the giver.
  void whole_area(Fact& f, size_t clause, size_t at) const {
    const Sentence& sentence = sentence_of(clause);
    // (has_word first: most sentences name no whole area, and its search is shared by the counts)
    if (!has_word(sentence.start, sentence.end, Role::whole)) return;
    std::string_view whole = s_.substr(sentence.start, sentence.end - sentence.start);
    std::string_view word;
    bool before_count = false;
    for (std::string_view w : words(Role::whole)) {
      size_t found = text::find(whole, w);
      if (found == whole.npos) continue;
      word = w;
      before_count = sentence.start + found < at;
    }
    if (word.empty()) return;
    const Place* known = f.from.empty() ? nullptr : find_place(f.from, f.from_province);
    if (!known || known->level == PlaceLevel::country) return;
    if (!places_in(sentence.first_clause, sentence.end_clause, false, known).empty()) return;
    const Place* area = nullptr;
    if (word.ends_with("市")) {
      area = known->level == PlaceLevel::county && !known->prefecture.empty()
                 ? find_place(known->prefecture)
                 : known;
    } else {
      area = known->level == PlaceLevel::province ? known : find_place(known->province);
      if (area && word.ends_with("区") && !area->name.ends_with("自治区")) area = nullptr;
    }
    // (not 全市 of the receiver; but a body's report on its own area is within it: 湖北省卫生健康
    // 委员会…全省58家三级医院对口支援…, whatever it told of aid outside before; not in its lead
    // when the report receives elsewhere: 全省累计选派4300名 sums up the aid the review tells)
    bool own_body = area && area == body_area_ && !sums_aid_outside(clause, area);
    if (!area || (!own_body && (!to_ || !(to_ == area || inside(to_, area))))) return;
    set_place(to_side(f), area, nullptr);
    if (before_count &&
        places_in(sentence.first_clause, sentence.end_clause, true, nullptr).empty()) {
      set_place(from_side(f), area, nullptr);
    }
  }

  // Whether the count's sentence is one of the body's first two (not the title's) in a report
  // that names a place of China outside `area` receiving or where the work happens (在林芝市):
  // the opening total of a review of aid to other provinces (全省累计选派4300名), not a
  // programme within (nor beside a team abroad: 派出援马里医疗队。全省40家医院对口支援…).
  bool sums_aid_outside(size_t clause, const Place* area) const {
    constexpr size_t kOpening = 2;
    size_t own = r_.clauses[clause].sentence, body = 0;
    for (size_t i = 0; i < own && body < kOpening; ++i) {
      if (!is_title(r_.sentences[i].start)) ++body;
    }
    if (body >= kOpening) return false;
    return std::any_of(places_.begin(), places_.end(), [&](const Mention& m) {
      return m.side != Side::from && !m.origin && !m.place->abroad && m.place != area &&
             !inside(m.place, area);
    });
  }

  // Whether the report's lead says the giver's whole area (全省, 全市): the report's subject is a
  // programme within it (not 全省将培训双语医生500名 at the end of a report on one course; nor
  // the whole area's aid abroad, 全省先后向马里、几内亚派出援外医疗队, a sentence of the whole
  // that names a place abroad).
  bool within_whole() const {
    if (!has_word(0, lead_end_, Role::whole)) return false;
    for (const Sentence& sentence : r_.sentences) {
      if (sentence.start >= lead_end_) break;
      if (!has_word(sentence.start, std::min(sentence.end, lead_end_), Role::whole)) continue;
      bool abroad_named = std::any_of(places_.begin(), places_.end(), [&](const Mention& m) {
        return m.start >= sentence.start && m.end <= sentence.end && m.place->abroad;
      });
      if (!abroad_named) return true;
    }
    return false;
  }

  static bool states_until(const TimePhrase& t) {
    return !t.until.empty() &&
           (t.kind == TimeKind::point || t.kind == TimeKind::range || t.kind == TimeKind::until);
  }

  // The phrase's period; a period opened without an end (自2018年起) ends where another phrase
  // of its sentence says (汇报2018年下沉工作总结: 2018); a dated start with a length after it
  // (2019年12月9日…为期一个月的培训) ends that much later.
  void set_period(Fact& f, const Time& t) const {
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
    if (!states_until(t.phrase) && !f.since.empty() && !to_now) {
      for (const Time& other : times_) {
        bool in = other.clause >= sentence.first_clause && other.clause < sentence.end_clause;
        // (not a year a value is compared at: 手术量由2020年的3000台增至去年的7000台; nor the date
        // of a later statement past a semicolon: 自1984年起…已派出19批;1993年首批…出发)
        bool compared = s_.substr(other.phrase.end).starts_with("的");
        bool later_part = in && part_of(other.clause).first > t.clause;
        // (nor a target after the report's date: 承诺到2025年底前…)
        bool target = !report_date_.empty() && other.phrase.until > report_date_;
        if (in && &other != &t && states_until(other.phrase) && other.phrase.until >= f.since &&
            !compared && !later_part && !target && !aside(other, t.phrase.start)) {
          f.until = other.phrase.until;
          f.until_span = {other.phrase.start, other.phrase.end};
          break;
        }
      }
    }
    if (t.phrase.kind == TimeKind::point && f.since.size() == 7) {
      // 于2022年11月抵达几内亚,2024年11月完成任务回国: a team's stay, from its arrival to the
      // later date of its sentence, else (去年10月抵达朱巴) to the report's date
      for (const Time& other : times_) {
        bool in = other.clause >= sentence.first_clause && other.clause < sentence.end_clause;
        bool target = !report_date_.empty() && other.phrase.until > report_date_;
        if (in && other.phrase.kind == TimeKind::point && other.phrase.start > t.phrase.end &&
            !other.phrase.until.empty() && other.phrase.since > f.until && !target) {
          f.until = other.phrase.until;
          f.until_span = {other.phrase.start, other.phrase.end};
          return;
        }
      }
      const Clause& c = r_.clauses[t.clause];
      if (has_word(t.phrase.end, c.end, Role::arrives) && report_date_ > f.until) {
        f.until = report_date_;
        f.until_span = Span{};
      }
    }
    if (t.phrase.kind == TimeKind::point && f.since.size() == 10) {
      std::string_view rest = s_.substr(t.phrase.end, sentence.end - t.phrase.end);
      auto period = period_of_length(f.since, rest);
      if (!period) period = served_before(f.since, t.clause);
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

  // 1月7日,医疗队…回国。在两年援外工作中,…: the sentence after a dated return opens with the
  // length the team served (在…中, …期间, …里: within, data/context.tsv), which ended at that date:
  // {since, until}; nullopt when it states none.
  std::optional<std::pair<std::string, std::string>> served_before(std::string_view date,
                                                                   size_t clause) const {
    size_t next = r_.clauses[clause].sentence + 1;
    if (next >= r_.sentences.size()) return std::nullopt;
    const Clause& opening = r_.clauses[r_.sentences[next].first_clause];
    std::string_view text = s_.substr(opening.start, opening.end - opening.start);
    if (text.starts_with("在")) text.remove_prefix(std::string_view("在").size());
    bool within = ends_with_word(text, Role::within);
    auto length = within ? length_at(text) : std::nullopt;  // (a numeral opens it)
    if (!length) return std::nullopt;
    return std::pair{*subtract_length(date, length->first, length->second), std::string(date)};
  }

  // The time phrase of the count's clause (the nearest before it, else after), else of its
  // sentence (one opening or closing a clause first), else the last such of the nearest earlier
  // sentence of its paragraph, else the report's period; else until = the report's date.
  void resolve_period(Fact& f, size_t clause, size_t at) const {
    const Time* t = period_of(f, clause, at);
    if (t && t->phrase.kind == TimeKind::until && f.since.empty()) open_start(f, *t, clause, at);
    if (f.until < report_date_ && tells_so_far(clause, at)) {
      f.until = report_date_;
      f.until_span = Span{};
    }
  }

  // Whether a clause of the count's part opens with a present word and tells a result so far
  // before the count (目前已为30名患者提供透析): it counts up to the report's date, past a period
  // in scope that ended before (2022年…一年来 in a report of 2023-01).
  bool tells_so_far(size_t clause, size_t at) const {
    for (size_t cl = part_of(clause).first; cl <= clause; ++cl) {
      const Clause& c = r_.clauses[cl];
      if (starts_with_word(s_.substr(c.start, c.end - c.start), Role::present) &&
          has_word(c.start, at, Role::so_far)) {
        return true;
      }
    }
    return false;
  }

  // 自2022年…以来,三年累计派出专家107名 (in a 2025 report): a total of N years (a length right
  // before a total word of the count's clause: to_now, data/context.tsv) from a year's start
  // that its sentence states before it covers its first N years, to the year N − 1 after it,
  // where that ends before the period (not 近五年累计, nor a start told elsewhere).
  void years_counted(Fact& f, size_t clause, size_t at) const {
    constexpr std::string_view kYear = "年";
    const Clause& c = r_.clauses[clause];
    if (f.since.size() != 4 || at <= c.start || at > c.end) return;
    const Sentence& sentence = sentence_of(clause);
    if (f.since_span.empty() || f.since_span.start < sentence.start || f.since_span.end > c.start) {
      return;
    }
    std::string_view before = s_.substr(c.start, at - c.start);
    for (std::string_view w : words(Role::to_now)) {
      size_t found = before.find(w);
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

  // 自2017年以来,…,截至目前已累计派出6批: a period closed without a start (截至) starts where
  // the period in scope does: a since or recent phrase of its sentence, else of an earlier
  // sentence of its paragraph, else the report's period.
  void open_start(Fact& f, const Time& closing, size_t clause, size_t at) const {
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
    for (const Time& t : times_) {
      // (not a dated start past a semicolon after the count: 其中,援埃医疗队派出24批;自1978年
      // 以来,援赞医疗队派出23批 opens the later statement's period only; 两年多来 counts back
      // from the report's date for both)
      bool later_part = t.phrase.kind == TimeKind::since && t.clause < r_.clauses.size() &&
                        part_of(t.clause).first > clause;
      if (t.clause >= sentence.first_clause && t.clause < sentence.end_clause && opens(t) &&
          !later_part) {
        return take(t);
      }
    }
    for (size_t i : earlier_sentences(clause)) {
      const Sentence& earlier = r_.sentences[i];
      const Time* found = nullptr;
      for (const Time& t : times_) {  // 2023年,第七批医疗队…。截至12月中旬: the team's year too
        bool in = t.clause >= earlier.first_clause && t.clause < earlier.end_clause;
        bool point = t.phrase.kind == TimeKind::point && !t.phrase.since.empty() &&
                     t.phrase.since <= f.until;
        if (in && t.adverbial && (opens(t) || point)) found = &t;
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
    if (period && opens(*period) && !batch) return take(*period);
    if (const Time* months = months_closed(closing)) take(*months);
  }

  // 2024年1至9月,…。\n截至9月底,累计…: where the report's period opens none, 截至 the month that
  // ends the months stated just before it (the nearest earlier phrase, in its paragraph or the
  // one before) closes those months; nullptr otherwise.
  const Time* months_closed(const Time& closing) const {
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

  // The start of the stay of the team a sentence names before `at` (this_team: 本批, 该批): the
  // nearest earlier since phrase (2023年6月起) or arrival (2022年12月抵达) up to `until`; nullptr
  // when the sentence names no such team or none is told.
  const Time* stay_before(const Sentence& sentence, size_t at, std::string_view until) const {
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

  // Whether `sentence` names a team by its ordinal (第三批医疗队).
  bool names_batch(const Sentence& sentence) const {
    return any_ordinal(sentence.start, sentence.end,
                       [&](size_t at) { return past_ordinal(s_, at) != at; });
  }

  // Whether `visit(at)` holds at a 第 in [begin, end), asked of each in order until one does.
  template <typename Visit>
  bool any_ordinal(size_t begin, size_t end, Visit visit) const {
    constexpr std::string_view kOrdinal = "第";
    std::string_view upto = s_.substr(0, end);  // not a search to the next 第 beyond
    for (size_t at = upto.find(kOrdinal, begin); at != upto.npos;
         at = upto.find(kOrdinal, at + 1)) {
      if (visit(at)) return true;
    }
    return false;
  }

  // 本批医疗队于2020年5月进疆…。\n援疆专家还…义诊20次: a paragraph that states no time
  // carries on the period of the team whose stay an earlier paragraph tells, for a count of the
  // same giver: the nearest period stated before it (a since, recent or until phrase, a term
  // opening a clause, an arrival), when its paragraph tells of the team's arrival, or an event's
  // days (巡回医疗期间 after 1月15日至18日); nullptr when none, and the report's period applies.
  const Time* carried_period(const Fact& f, const Sentence& sentence) const {
    const Time* nearest = nullptr;
    for (size_t i = times_.size(); i > 0 && !nearest;) {
      const Time& t = times_[--i];
      if (t.phrase.start >= sentence.start || sentence_of(t.clause).block >= sentence.block) {
        continue;
      }
      if (t.phrase.since.empty() && t.phrase.until.empty()) continue;
      TimeKind kind = t.phrase.kind;
      bool period = kind == TimeKind::since || kind == TimeKind::recent ||
                    kind == TimeKind::until || (kind == TimeKind::range && t.adverbial);
      if (period || (kind == TimeKind::point && arrives_after(t))) nearest = &t;
    }
    if (!nearest) return nullptr;
    bool days = nearest->phrase.kind == TimeKind::range && nearest->phrase.since.size() == 10;
    size_t block = sentence_of(nearest->clause).block;
    bool stay = std::any_of(times_.begin(), times_.end(), [&](const Time& t) {
      return sentence_of(t.clause).block == block && t.phrase.start <= nearest->phrase.start &&
             arrives_after(t);
    });
    if (!days && !stay) return nullptr;
    const Place* giver = f.from.empty() ? nullptr : find_place(f.from, f.from_province);
    Fact of_period;
    resolve_from(of_period, nearest->clause);
    const Place* stated = find_place(of_period.from, of_period.from_province);
    return !giver || !stated || same_area(giver, stated) ? nearest : nullptr;
  }

  // 本批医疗队于2018年8月出征,39名队员…, 自2022年7月进疆以来: a month's date followed in its
  // sentence by a team's arrival or departure (data/context.tsv: arrives) starts the team's stay.
  bool arrives_after(const Time& t) const {
    if (t.phrase.since.size() < 7) return false;
    if (has_word(t.phrase.start, t.phrase.end, Role::arrives)) return true;
    const Sentence& sentence = sentence_of(t.clause);
    return has_word(t.phrase.end, sentence.end, Role::arrives);
  }

  // 新一批医疗队共有队员18名: a sentence that names the new team (this_team) before the count and
  // states no time is dated by the nearest team's arrival told before it.
  const Time* team_arrival(const Sentence& sentence, size_t at) const {
    if (!has_word(sentence.start, at, Role::this_team)) return nullptr;
    for (size_t i = times_.size(); i > 0;) {
      const Time& t = times_[--i];
      if (t.phrase.start >= sentence.start) continue;
      if (arrives_after(t)) return &t;
    }
    return nullptr;
  }

  // A sentence that states no time but refers to one told before: 同期 (same_period) to the
  // nearest period with a start or an end (截至…); 会上, 签约当天 (at_event, in its paragraph
  // before the count) to the nearest date of a day, when its paragraph states no time before the
  // count. nullptr when it refers to none.
  const Time* referred_period(const Sentence& sentence, size_t at) const {
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
    bool dated = std::any_of(times_.begin(), times_.end(), [&](const Time& t) {
      return t.phrase.start >= start && t.phrase.start < at;
    });
    if (dated) return nullptr;
    return before(start, [](const TimePhrase& t) { return t.since.size() == 10; });
  }

  // 5月17日,…召开工作总结座谈会。…自2022年2月进驻以来,… \n 会上,院长介绍,…: what a speaker
  // reports (reports: data/context.tsv, in the count's paragraph before it) at a meeting (`event`,
  // a day) reviews the stay its paragraph states the start of after the meeting's date: that start
  // opens the period, which ends at the meeting; not what is done there (会上,…签约). nullptr when
  // none.
  const Time* stay_reviewed_at(const Time& event, const Sentence& sentence, size_t at) const {
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

  // 累计派驻专家112名(截至去年7月为86名): a date in parentheses that do not hold the count at
  // `at` dates only what they hold (not a team's term: 第九批医疗队(2019年7月—2022年7月)).
  bool aside(const Time& t, size_t at) const {
    if (t.phrase.kind == TimeKind::range || t.clause >= r_.clauses.size()) return false;
    const Clause& c = r_.clauses[t.clause];
    std::string_view before = s_.substr(c.start, t.phrase.start - c.start);
    size_t open = before.rfind('(');
    if (open == before.npos || before.find(')', open) != before.npos) return false;
    size_t close = s_.find(')', t.phrase.end);
    open += c.start;
    return close != s_.npos && (at < open || at > close);
  }

  // Whether a clause of the count's sentence before it, up to its own, opens a period at an
  // event it does not date (上海对口支援迪庆以来,已有150名专家…: undated, data/context.tsv), an
  // event no earlier sentence dates either (自2019年起…帮扶。…帮扶以来; 去年10月签订托管协议。…
  // 托管以来; a team's arrival: that date): the count runs from the programme's unstated beginning,
  // whatever later sentences date.
  // 自1975年以来,…,目前仍有10个医疗分队在摩洛哥工作; 近年来,…建成4个专科中心: a count in a
  // part of its sentence after a clause that opens with a word of the present (present:
  // data/context.tsv), no time phrase, total (累计, 先后: to_now) nor result so far (目前已带教…:
  // so_far) between them, has no start.
  bool tells_present(size_t clause, size_t at) const {
    size_t opening = kNone;
    for (size_t cl = part_of(clause).first; cl <= clause; ++cl) {
      const Clause& c = r_.clauses[cl];
      if (starts_with_word(s_.substr(c.start, c.end - c.start), Role::present)) opening = cl;
    }
    if (opening == kNone) return false;
    size_t start = r_.clauses[opening].start;
    bool dated = std::any_of(times_.begin(), times_.end(), [&](const Time& t) {
      return t.phrase.start >= start && t.phrase.start < at;
    });
    return !dated && !has_word(start, at, Role::to_now) && !has_word(start, at, Role::so_far);
  }

  // Whether `term` is a plan's whole period (十三五: eras()) and the report is dated in its last
  // year or the next.
  bool plan_dated_after(const TimePhrase& term) const {
    int after_term = year_of(report_date_) - year_of(term.until);
    return after_term >= 0 && after_term <= 1 &&
           std::any_of(eras().begin(), eras().end(), [&](const Era& era) {
             return era.since == term.since && era.until == term.until;
           });
  }

  // Whether a clause names a team by an ordinal below the one the lead gives the
  // same programme's team (第21批援贝宁医疗队 in a report of the 第22批援贝宁医疗队's send-off):
  // the team before it, whose results it tells.
  bool names_earlier_batch(const Clause& c) const {
    return !lead_batches_.empty() && any_ordinal(c.start, c.end, [&](size_t at) {
      Batch b = batch_at(s_, at);
      return b.number > 0 &&
             std::any_of(lead_batches_.begin(), lead_batches_.end(), [&](const Batch& led) {
               return led.team == b.team && b.number < led.number;
             });
    });
  }

  // 上一批医疗队在任期内还培训医护人员300余人次: the counts of the team before this one cover its
  // own term, which a paragraph stating no time leaves undated, not the report's period nor the
  // new team's stay (a clause of the sentence up to the count opens with past_team:
  // data/context.tsv, or names an earlier team's ordinal). Asked only where no time phrase dated
  // the count.
  bool tells_past_team(const Sentence& sentence, size_t clause, size_t at) const {
    size_t index = r_.clauses[clause].sentence;
    if (past_team_clause_.empty()) past_team_clause_.assign(r_.sentences.size(), kUnread);
    size_t& opening = past_team_clause_[index];  // (read once per sentence: asked per count)
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
  static constexpr size_t kUnread = kNone - 1;

  bool opens_undated(const Sentence& sentence, size_t clause, size_t at) const {
    bool started = std::any_of(times_.begin(), times_.end(), [&](const Time& t) {
      return t.phrase.start < sentence.start && !t.phrase.since.empty() &&
             (t.phrase.kind == TimeKind::since || t.phrase.kind == TimeKind::range ||
              arrives_after(t));  // 2022年12月抵达塞拉利昂。…医疗队抵塞以来
    });
    if (started) return false;
    for (size_t cl = sentence.first_clause; cl <= clause; ++cl) {
      const Clause& c = r_.clauses[cl];
      std::string_view text = s_.substr(c.start, std::min(c.end, at) - std::min(c.start, at));
      size_t opens = text.npos;
      for (std::string_view w : words(Role::undated)) opens = std::min(opens, text.find(w));
      if (opens == text.npos) continue;
      bool dated = std::any_of(times_.begin(), times_.end(), [&](const Time& t) {
        return t.clause == cl && !(t.phrase.since.empty() && t.phrase.until.empty());
      });
      if (!dated && !dated_before(sentence, c.start + opens)) return true;
    }
    return false;
  }

  // Whether the event named right before `end` (托管 of 托管以来, 支援 of 对口支援迪庆以来: past a
  // place's name, not a one-character short name: 抵塞) is told in an earlier sentence that
  // states a date, or the sentence before of its paragraph states one (闽宁协作始于1996年。
  // 自闽宁对口协作启动以来).
  bool dated_before(const Sentence& sentence, size_t end) const {
    constexpr size_t kEvent = 6;  // bytes: two characters (托管, 帮扶, 抵塞)
    for (const Mention& m : places_) {
      if (m.end == end && m.end - m.start >= kEvent) end = m.start;
    }
    for (size_t i : earlier_sentences(sentence.first_clause)) {
      const Sentence& earlier = r_.sentences[i];
      bool dated = std::any_of(times_.begin(), times_.end(), [&](const Time& t) {
        return t.clause >= earlier.first_clause && t.clause < earlier.end_clause &&
               !t.phrase.since.empty();
      });
      if (dated && earlier.block == sentence.block) return true;
      break;
    }
    if (end < sentence.start + kEvent) return false;
    std::string_view event = s_.substr(end - kEvent, kEvent);
    return std::any_of(times_.begin(), times_.end(), [&](const Time& t) {
      if (t.phrase.start >= sentence.start || (t.phrase.since.empty() && t.phrase.until.empty()))
        return false;
      const Sentence& told = sentence_of(t.clause);
      return s_.substr(told.start, told.end - told.start).find(event) != std::string_view::npos;
    });
  }

  // 医疗队在科纳克里工作两年,诊治患者…: a count's sentence that states before it the length its
  // team served (serves: data/context.tsv) counts that length back from the report's date, not
  // the period of the programme told before. False when it states none or the report no date.
  bool served_in(Fact& f, const Sentence& sentence, size_t at) const {
    if (report_date_.size() != 10) return false;
    std::optional<std::pair<int, int>> length;
    std::string_view before = s_.substr(sentence.start, at - sentence.start);
    // (not a term to come: 新一批医疗队将在…工作两年)
    bool to_come = before.find("将") != before.npos;
    for (std::string_view w : words(Role::serves)) {
      for (size_t found = to_come ? before.npos : before.find(w); found != before.npos && !length;
           found = before.find(w, found + 1)) {
        length = length_at(before.substr(found + w.size()));
      }
    }
    if (!length) return false;
    f.since = *subtract_length(report_date_, length->first, length->second);
    f.until = report_date_;
    f.since_span = f.until_span = Span{};
    return true;
  }

  // The phrase the period comes from (nullptr: the report's date, or none).
  const Time* period_of(Fact& f, size_t clause, size_t at) const {
    auto usable = [](const Time& t) { return !(t.phrase.since.empty() && t.phrase.until.empty()); };
    auto lo = std::lower_bound(times_.begin(), times_.end(), clause,
                               [](const Time& t, size_t c) { return t.clause < c; });
    const Time* before = nullptr;
    const Time* after = nullptr;
    for (auto it = lo; it != times_.end() && it->clause == clause; ++it) {
      if (!usable(*it) || aside(*it, at)) continue;
      if (it->phrase.start < at) before = &*it;
      if (it->phrase.start >= at && !after) after = &*it;
    }
    if (const Time* t = before ? before : after) {
      set_period(f, *t);
      return t;
    }
    if (tells_present(clause, at)) {
      f.since.clear();
      f.until = report_date_;
      f.since_span = f.until_span = Span{};
      return nullptr;
    }
    const Sentence& sentence = sentence_of(clause);
    if (opens_undated(sentence, clause, at)) {
      f.since.clear();
      f.until = report_date_;
      f.since_span = f.until_span = Span{};
      return nullptr;
    }
    const Time* best = nullptr;
    const Clause& own_clause = r_.clauses[clause];
    // 至今, or a total (先后, 累计…) counted from an inherited start (data/context.tsv)
    bool to_now = has_word(own_clause.start, own_clause.end, Role::to_now);
    const Time* undated = nullptr;  // a time of the sentence that the report's date would give
    for (const Time& t : times_) {
      if (t.clause < sentence.first_clause || t.clause >= sentence.end_clause || aside(t, at)) {
        continue;
      }
      // 医院于2017年成功创建三甲,累计开展新项目462项: an event inside another clause does not
      // date this one's count
      std::string_view before = s_.substr(0, t.phrase.start);
      bool event = ends_with_word(before, Role::event);  // 于2017年
      // (but a team's arrival starts its stay: 于2023年3月抵达维拉港,8名队员来自…)
      if (event && t.clause < r_.clauses.size()) {
        const Clause& c = r_.clauses[t.clause];
        event = !has_word(t.phrase.end, c.end, Role::arrives);
      }
      if (!t.adverbial && t.phrase.kind == TimeKind::point && event && t.clause != clause) continue;
      // 先后派出专家62名,…,该院去年完成的手术达4100台: a date inside a later clause dates that
      // clause's own statement, not a total (to_now: 先后, 累计…)
      if (!t.adverbial && t.phrase.kind == TimeKind::point && t.clause > clause && to_now) continue;
      // 先后有62名骨干赴津进修,其中去年一年就有20人: a later part narrows, it dates no total
      if (t.clause > clause && r_.clauses[t.clause].continues) continue;
      // 选派第十批医疗人才64名;截至2022年底,累计选派…: a later statement past a semicolon
      // dates its own counts
      if (part_of(t.clause).first > clause) continue;
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
      bool dated_start = t.phrase.kind == TimeKind::point &&
                         (t.phrase.since.size() >= 7 ||
                          (t.clause < r_.clauses.size() &&
                           has_word(t.phrase.end, r_.clauses[t.clause].end, Role::arrives)));
      if (to_now && dated_start && !report_date_.empty() && f.until < report_date_) {
        f.until = report_date_;
        f.until_span = Span{};
      }
      return &t;
    };
    if (best) return set_to_now(*best);
    // 去年12月抵达…, 一年来,… in a report that dates nothing but a programme's start: the
    // count's own time is told but not its year, so no period told before it (自2002年以来)
    // stands in for it
    if (undated && undatable_) {
      f.since.clear();
      f.until.clear();
      f.since_span = f.until_span = Span{};
      return nullptr;
    }
    if (served_in(f, sentence, at)) return nullptr;
    // 2023年,…派驻专家156名。\n分县区看,淄博市…19名: the statement a paragraph breaks down
    // dates it, as the last count of the paragraph before would be
    if (const Block& b = doc_.blocks[sentence.block];
        sentence.block > 0 &&
        starts_with_word(s_.substr(b.start, b.end - b.start), Role::breakdown)) {
      // (the clause before the sentence: the last of the paragraph before, or of the sentence
      // before in the paragraph, which the same reading dates)
      size_t before = sentence.first_clause;
      const Block& above = doc_.blocks[sentence.block - 1];
      if (before > 0 && r_.clauses[before - 1].start >= above.start) {
        return period_of(f, before - 1, r_.clauses[before - 1].end);
      }
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
      for (const Time& t : times_) {
        bool in = t.clause >= earlier.first_clause && t.clause < earlier.end_clause;
        // (or a team's arrival inside its clause: 医疗队今年5月抵达哈拉雷。队员们累计开展手术…)
        bool arrival = in && t.phrase.kind == TimeKind::point && !t.phrase.since.empty() &&
                       has_word(t.phrase.end, r_.clauses[t.clause].end, Role::arrives);
        // (a year's summary: its 自2015年…以来, 截至2022年底 date their own totals only, not the
        // year's work)
        bool total = t.phrase.kind == TimeKind::since || t.phrase.kind == TimeKind::until;
        bool own_total = total && period_ == &titled_;
        // (or a start after its subject: 江苏省自1964年起向坦桑尼亚派遣医疗队。在桑给巴尔,…)
        bool start = t.phrase.kind == TimeKind::since;
        if (in && (t.adverbial || arrival || start) && usable(t) && !own_total) best = &t;
      }
      if (best) return set_to_now(*best);
    }
    if (!past_team) {
      if (const Time* team = team_arrival(sentence, at)) return set_to_now(*team);
      if (const Time* carried = carried_period(f, sentence)) return set_to_now(*carried);
      if (const Time* period = report_period(f, at)) return set_to_now(*period);
    }
    f.since.clear();
    f.until = report_date_;
    f.since_span = f.until_span = Span{};
    return nullptr;
  }

  std::string_view s_;
  const Document& doc_;
  const Reading& r_;
  size_t lead_end_ = 0, period_end_ = 0;
  bool province_team_abroad_ = false;  // the lead's giver: a province's team abroad, over a city
                                       // of the province that leads it
  std::vector<std::pair<size_t, size_t>> parts_;  // of each clause (part_of)
  std::vector<Mention> places_;
  mutable std::vector<const Mention*> places_scratch_;  // places_in's list
  mutable std::vector<int8_t> many_givers_;             // of each sentence: 1, 0 or kUnknown
  mutable WordSearches searches_{s_};                   // has_word's
  std::vector<Time> times_;
  struct Start {
    size_t time;            // in times_
    const Place* receiver;  // named after it in its clause
    size_t sentence;
    bool aside;  // in parentheses after its receiver: not every programme's, no earliest one
  };
  std::vector<Start> starts_;  // of sentences that state several programmes' starts
  std::string report_date_;
  bool undatable_ = false;  // no report date, nor any date but programmes' starts to count from
  const Place* from_ = nullptr;
  const Place* to_ = nullptr;
  const Place* publisher_ = nullptr;  // of the institution that published the report
  // bodies()' lists by role (a reference to one lasts until another role is first asked)
  mutable std::vector<std::pair<Role, std::vector<const Place*>>> bodies_;
  bool publisher_in_title_ = false;  // found in the title only (the title may name two)
  const Place* own_ = nullptr;  // a county of the page's metadata (来源:平川县融媒体中心)
  // the report receives in its giver's own area: a county's townships (全县, 我县), a city's
  // counties (南阳市…向淅川县、西峡县派驻)
  bool own_area_ = false;
  const Mention* from_mention_ = nullptr;
  const Mention* to_mention_ = nullptr;
  const Time* period_ = nullptr;
  const Place* body_area_ = nullptr;      // of the government body that published the report
  mutable std::optional<bool> says_own_;  // says_own(), once asked
  Time titled_;  // the year a year's summary states in its title (year_report); since "": none
  const Place* period_giver_ = nullptr;  // the giver of the statement the period comes from
  bool lead_batch_ = false;              // the lead names one team by its ordinal (第三批)
  std::vector<Batch> lead_batches_;      // the teams the lead names by their ordinals
  // of each sentence: the first clause that opens with a part word, kNone, or kUnread
  mutable std::vector<size_t> part_clause_;
  // of each sentence: the first clause that opens with a past_team word, kNone, or kUnread
  mutable std::vector<size_t> past_team_clause_;
};

// A heading restates a count of the body (近300名援藏医疗队员 over the paragraph that tells it):
// it takes the context of the body's statement.
bool is_heading(std::string_view s, const Block& b) {
  constexpr size_t kMaxHeading = 40;  // display columns
  std::string_view line = s.substr(b.start, b.end - b.start);
  bool sentence = line.find("。") != line.npos || line.ends_with("!") || line.ends_with("?");
  return b.kind == BlockKind::title ||
         (!sentence && text::display_width(line, kMaxHeading) < kMaxHeading);
}

// Whether each count (at its byte `at`) stands in a heading (is_heading), read once per block:
// each heading's count is compared with every later one, and a block holds several.
std::vector<bool> in_headings(std::string_view s, const Document& doc, const Reading& r,
                              const std::vector<size_t>& at) {
  constexpr int8_t kUnread = -1;
  std::vector<int8_t> heading_block(doc.blocks.size(), kUnread);
  std::vector<bool> out(at.size());
  for (size_t i = 0; i < at.size(); ++i) {
    size_t clause = r.clause_at(at[i]);
    if (clause == r.clauses.size()) continue;
    size_t block = r.sentences[r.clauses[clause].sentence].block;
    if (heading_block[block] == kUnread) heading_block[block] = is_heading(s, doc.blocks[block]);
    out[i] = heading_block[block];
  }
  return out;
}

void add_context_unchecked(std::string_view text, const Document& document, const Reading& reading,
                           std::vector<Fact>& facts, const std::vector<size_t>& at);

}  // namespace

void add_context(std::string_view text, const Document& document, const Reading& reading,
                 std::vector<Fact>& facts, const std::vector<size_t>& at) {
  if (facts.empty()) return;
  try {
    add_context_unchecked(text, document, reading, facts, at);
  } catch (const std::exception&) {  // never across the library's boundary: no context then
    for (Fact& f : facts) {
      f.to.clear(), f.from.clear(), f.since.clear(), f.until.clear();
      f.to_span = f.from_span = f.since_span = f.until_span = Span{};
      f.to_province.clear(), f.from_province.clear();
    }
  }
}

namespace {

void add_context_unchecked(std::string_view text, const Document& document, const Reading& reading,
                           std::vector<Fact>& facts, const std::vector<size_t>& at) {
  Resolver resolver(text, document, reading);
  for (size_t i = 0; i < facts.size(); ++i) resolver.resolve(facts[i], at[i]);
  if (document.blocks.empty()) return;
  const std::vector<bool> in_heading = in_headings(text, document, reading, at);
  for (size_t i = 0; i < facts.size(); ++i) {
    if (!in_heading[i]) continue;
    for (size_t k = i + 1; k < facts.size(); ++k) {
      const Fact& body = facts[k];
      bool same = body.metric == facts[i].metric && body.value == facts[i].value &&
                  body.qualifier == facts[i].qualifier;
      if (!same || in_heading[k]) continue;
      Fact& heading = facts[i];
      heading.to = body.to, heading.from = body.from;
      heading.since = body.since, heading.until = body.until;
      heading.to_span = body.to_span, heading.from_span = body.from_span;
      heading.to_province = body.to_province, heading.from_province = body.from_province;
      heading.since_span = body.since_span, heading.until_span = body.until_span;
      break;
    }
  }
}

}  // namespace

}  // namespace facts_detail
}  // namespace zhreport
