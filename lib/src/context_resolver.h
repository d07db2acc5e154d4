// The context resolver's parts (context*.cpp, private to them): the places and time phrases a
// report names, read once per report (class Resolver), and the context of each count from them.
//   context.cpp: the entry (add_context), the report's lead and subject, a fact's resolution;
//   context_places.cpp: reading place mentions and the side their words give each;
//   context_sides.cpp: who gave and who received, for a count;
//   context_periods.cpp: reading time phrases, the report's date, and a count's period.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "context_words.h"
#include "document_text.h"
#include "table_rows.h"
#include "times_internal.h"
#include "zhreport/clauses.h"
#include "zhreport/document.h"
#include "zhreport/fact.h"
#include "zhreport/numbers.h"
#include "zhreport/places.h"
#include "zhreport/times.h"

namespace zhreport::facts_detail::context {

using text::code_point_at;
using text::next_char;

inline constexpr size_t kNone = SIZE_MAX;

// The giving side of a national programme (spec: 全国).
inline const Place kNationwide{"全国", "", "全国", PlaceLevel::province};

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
  // a county of a list that stands for its prefecture (阿图什市、乌恰县等4个县市; 克州人民医院和
  // 阿图什市、乌恰县人民医院), now the prefecture: the list spans it
  bool spans = false;
};

// A time phrase with the clause it stands in.
struct Time {
  TimePhrase phrase;
  size_t clause = kNone;
  bool adverbial = false;  // opens or closes its clause: it scopes over the sentence
  bool row_year = false;   // a table row's year cell (add_year_cells): it dates its row alone
};

// Whether two names of places (Place::name, prefecture, province) are one: the tables keep one
// copy of each name (places.cpp), so equal names are equal views. (kNationwide's, the one place
// not of the tables, is no name of theirs.)
inline bool same_name(std::string_view of_place, std::string_view name) {
  return of_place.data() == name.data() && of_place.size() == name.size();
}

// `a` lies inside `b` (拉萨市 in 西藏自治区, 乌什县 in 阿克苏地区), and is not `b`.
inline bool inside(const Place* a, const Place* b) {
  if (a == b || same_name(a->name, b->name)) return false;
  return same_name(a->prefecture, b->name) ||
         (same_name(a->province, b->name) && a->level != PlaceLevel::country);
}

inline bool same_area(const Place* a, const Place* b) {
  if (!a || !b) return false;
  if (a == b || same_name(a->name, b->name)) return true;
  // (inside either way, the names compared once: inside(a, b) || inside(b, a))
  auto within = [](const Place* p, const Place* q) {
    return same_name(p->prefecture, q->name) ||
           (same_name(p->province, q->name) && p->level != PlaceLevel::country);
  };
  return within(a, b) || within(b, a);
}

// A city's or province's hospitals sending doctors down to a county of its own (医疗人才下沉:
// 南阳市 → 淅川县, 四川省人民医院 → 昭觉县), a province's aiding a county or city of its own
// (湖南省人民医院对口帮扶城步县人民医院: `aided`, the place after a verb of aid; not 在甘孜州开班,
// where a province's course is held): the place receives though it lies in the giver.
inline bool sends_within(const Place* place, const Place* giver, bool aided) {
  if (!place || !giver || place->level == PlaceLevel::country) return false;
  bool county_of_giver =
      place->level == PlaceLevel::county &&
      (giver->level == PlaceLevel::prefecture
           ? same_name(place->prefecture, giver->name)
           : giver->level == PlaceLevel::province && same_name(place->province, giver->name));
  return county_of_giver || (aided && inside(place, giver));
}

// The characters a count's number opens or ends with (援藏210名, 327名和216名): not 零/〇, which do
// neither and open words (零距离), unlike numbers_chars.h's numerals.
inline constexpr std::u32string_view kCountDigits = U"0123456789一二三四五六七八九十百千万两";
// Whether `c` is one of kCountDigits: a bit per CJK ideograph (U+4E00..U+9FFF), where a search
// of the list compared most characters of a walk over a count with each of its 24.
inline bool is_count_digit(char32_t c) {
  constexpr char32_t kFirst = 0x4E00, kEnd = 0xA000;
  static_assert(std::ranges::all_of(kCountDigits, [](char32_t d) {
    return (d >= U'0' && d <= U'9') || (d >= kFirst && d < kEnd);
  }));
  static constexpr auto kBits = [] {
    std::array<uint64_t, (kEnd - kFirst) / 64> bits{};
    for (char32_t d : kCountDigits) {
      if (d >= kFirst && d < kEnd) bits[(d - kFirst) / 64] |= uint64_t{1} << ((d - kFirst) % 64);
    }
    return bits;
  }();
  if (c < 0x80) return c >= U'0' && c <= U'9';
  return c >= kFirst && c < kEnd && (kBits[(c - kFirst) / 64] >> ((c - kFirst) % 64) & 1) != 0;
}

struct Reduced {
  const Place* place = nullptr;
  const Mention* mention = nullptr;  // the phrase that names it, when one does
  bool ambiguous = false;
};

// The prefecture a place is or lies in; empty for a province, a country and a county under its
// province directly.
inline std::string_view prefecture(const Place* p) {
  return p->level == PlaceLevel::prefecture ? p->name : p->prefecture;
}

// A county-level division under its province directly, in no prefecture (the 兵团's 图木舒克市).
inline bool under_province(const Place* p) {
  return p->level == PlaceLevel::county && p->prefecture.empty();
}

// A prefecture or a county: a part of a province.
inline bool below_province(const Place* p) {
  return p->level == PlaceLevel::prefecture || p->level == PlaceLevel::county;
}

// reduce of two mentions or more.
inline Reduced reduce_several(const std::vector<const Mention*>& ms) {
  Reduced r;
  const Mention* best = ms[0];
  bool chain = true;
  for (const Mention* m : ms) {
    if (m->place == best->place || same_name(m->place->name, best->place->name)) continue;
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
    // (a prefecture a list of its counties stands for is not narrowed to one of them named apart:
    // 分别进驻克州人民医院和阿图什市、乌恰县人民医院。乌恰县海拔2000多米 → 克州)
    for (const Mention* m : ms) {
      if (m->spans && inside(best->place, m->place)) best = m;
    }
    r.place = best->place;
    r.mention = best;
    return r;
  }
  // the most specific places only (援疆…赴阿瓦提县、乌什县: the counties' prefecture), the
  // leaves: the prefecture and province they share, the first two kept (counted as they come,
  // not listed: a vector allocated for each of some 2 K calls on the bench slice)
  std::array<const Place*, 2> first_leaves{};
  size_t leaves = 0;
  std::string_view shared_prefecture, shared_province;
  for (const Mention* m : ms) {
    bool contains = std::any_of(
        ms.begin(), ms.end(), [&](const Mention* other) { return inside(other->place, m->place); });
    if (contains) continue;
    if (leaves == 0) shared_prefecture = prefecture(m->place), shared_province = m->place->province;
    if (!same_name(prefecture(m->place), shared_prefecture)) shared_prefecture = {};
    if (!same_name(m->place->province, shared_province)) shared_province = {};
    if (leaves < first_leaves.size()) first_leaves[leaves] = m->place;
    ++leaves;
  }
  // (a prefecture and a county under its province directly, a 兵团 division's city, named
  // together are the prefecture's: 对口支援哈密市和兵团第十三师 → 哈密市)
  if (leaves == 2 && under_province(first_leaves[0]) != under_province(first_leaves[1])) {
    const Place* other = first_leaves[under_province(first_leaves[0]) ? 1 : 0];
    if (other->level == PlaceLevel::prefecture &&
        same_name(other->province, first_leaves[0]->province)) {
      r.place = other;
      return r;
    }
  }
  if (!shared_prefecture.empty()) r.place = find_place(shared_prefecture);
  if (!r.place && !shared_province.empty()) r.place = find_place(shared_province);
  r.ambiguous = r.place == nullptr;
  return r;
}

// One place for several mentions: the most specific of a chain (西藏, 拉萨市 → 拉萨市), else the
// prefecture or province they share, else ambiguous (西藏、新疆、青海 → none).
// (none or one told inline, as most scopes name: the call saved and restored the registers of
// the rest)
inline Reduced reduce(const std::vector<const Mention*>& ms) {
  if (ms.empty()) return {};
  if (ms.size() == 1) return {ms[0]->place, ms[0], false};
  return reduce_several(ms);
}

// Calls `f` with each offset where `word` occurs in `s`, in order (overlapping ones too), as
// text::find finds them: by the word's last byte where an ideograph leads it.
template <typename F>
void for_each_occurrence(std::string_view s, std::string_view word, F f) {
  if (word.empty()) return;
  for (size_t at = text::find(s, word); at != s.npos; at = text::find(s, word, at + 1)) f(at);
}

// Of each clause 0 to `clauses` (the end): the index of the first of `items` (in clause order:
// places, times) that stands in it or a later one.
template <typename T>
std::vector<uint32_t> first_of_clauses(const std::vector<T>& items, size_t clauses) {
  // (item by item, each taking the clauses up to its own not taken yet: a clause's test per item,
  // not an item's per clause)
  std::vector<uint32_t> out(clauses + 1, static_cast<uint32_t>(items.size()));
  size_t c = 0;
  for (size_t i = 0; i < items.size() && c <= clauses; ++i) {
    for (size_t last = std::min<size_t>(items[i].clause, clauses); c <= last; ++c) {
      out[c] = static_cast<uint32_t>(i);
    }
  }
  return out;
}

// The items [lo, hi) of clauses [first, end), by first_of_clauses' `index`.
inline std::pair<size_t, size_t> of_clauses(const std::vector<uint32_t>& index, size_t first,
                                            size_t end) {
  size_t last = index.size() - 1;
  size_t lo = index[std::min(first, last)];
  return {lo, std::max<size_t>(lo, index[std::min(end, last)])};
}

// Past the digits or Chinese numerals at `pos` (3, 二十二, 〇), else `pos`: an ordinal's or a
// number of provinces' (第二十二批, 6省市), so no 千/万 as numbers_chars.h's numerals have.
inline size_t past_numerals(std::string_view s, size_t pos) {
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
inline Batch batch_at(std::string_view s, size_t pos) {
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

// past_ordinal past its test of the character at `pos`, which is 首 or 第.
inline size_t past_opened_ordinal(std::string_view s, size_t pos) {
  std::string_view rest = s.substr(pos);
  if (text::starts_with(rest, "首")) {
    for (std::string_view first : {"首批", "首届"}) {
      if (rest.starts_with(first)) return pos + first.size();
    }
    return pos;
  }
  if (!text::starts_with(rest, "第")) return pos;
  size_t digits = pos + std::string_view("第").size();
  size_t p = past_numerals(s, digits);
  if (p == digits) return pos;
  for (std::string_view w : {"批次", "批", "届"}) {
    if (s.substr(p).starts_with(w)) return p + w.size();
  }
  return pos;
}

// Past a team's ordinal at `pos` (第二十二批, 第3批次, 第十届, 首批), else `pos`.
inline size_t past_ordinal(std::string_view s, size_t pos) {
  // (asked after every place: most have neither 首 nor 第 after them, told inline by the first
  // and last bytes of the character there, apart from the reading of an ordinal)
  auto opens = [&](std::string_view w) {
    return pos < s.size() && s.size() - pos >= w.size() && s[pos + 2] == w[2] && s[pos] == w[0];
  };
  return opens("首") || opens("第") ? past_opened_ordinal(s, pos) : pos;
}

// A length of time (N个月, N天, N周, N年, N年半) within the first bytes of `rest`: {days,
// months}, nullopt when none.
inline std::optional<std::pair<int, int>> length_at(std::string_view rest) {
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
inline std::optional<std::pair<int, int>> served_length(std::string_view text) {
  for (std::string_view w : words(Role::completes)) {
    size_t found = text::find(text, w);
    if (found == text.npos) continue;
    if (auto length = length_at(text.substr(found + w.size()))) return length;
  }
  return std::nullopt;
}

// Two conventions of the functions below, which answer questions asked per count or per place:
// - X and X_rest: X answers most calls by one cheap test inline (an empty list, a word the
//   block lacks, a lead byte) and calls X_rest, out of line, with the same arguments for the
//   others (a function gcc kept whole saved and restored every register for each call);
// - a question answered from a memo (memo_) has its entries computed once by a read_ function of
//   its own (read_broken_down, read_carried, read_period).
class Resolver {
 public:
  // (headers: the header cells of each block that is a table's row, add_context's)
  Resolver(std::string_view s, const Document& doc, const Reading& r,
           const std::vector<std::vector<Cell>>& headers);

  void resolve(Fact& f, size_t at) const;

 private:
  const Sentence& sentence_of(size_t clause) const {
    return r_.sentences[r_.clauses[clause].sentence];
  }

  // The times, and the place mentions, of clauses [first, end), and the times that start before
  // byte `pos`: both lists are in text order, and so in clause order. A count asks of its own
  // sentence or of what came before; a search of the whole list per count made a long report's
  // reading quadratic (a 9 MB report took minutes).
  std::span<const Time> times_of(size_t first, size_t end) const;
  std::span<const Time> times_of(const Sentence& s) const {
    return times_of(s.first_clause, s.end_clause);
  }
  std::span<const Time> times_before(size_t pos) const;
  // Whether a time phrase starts in bytes [from, to).
  bool time_starts_in(size_t from, size_t to) const {
    std::span<const Time> before = times_before(to);
    return !before.empty() && before.back().phrase.start >= from;
  }
  std::span<const Mention> mentions_of(size_t first, size_t end) const;
  std::span<const Mention> mentions_of(const Sentence& s) const {
    return mentions_of(s.first_clause, s.end_clause);
  }
  // The block that holds byte `at`; nullptr when none does.
  const Block* block_at(size_t at) const;

  // A table row's giver (县名  结对市  派驻专家…: 西吉县  泉州市  68): the row's one place of
  // the report's giving area, more specific than it and no hospital's, in a report of aid from
  // one area to another; nullptr when the clause is no row of a table or names none.
  const Mention* row_giver(size_t clause) const;
  // row_giver of a report that holds a table.
  const Mention* row_giver_rest(size_t clause) const;

  // The report's lead: its countable blocks up to the second that ends a sentence (its subject);
  // its period may be stated a paragraph later (…举行。本批医疗队…。一年半来,…).
  void find_lead();

  void read_places();
  // read_places' steps after the report's places are found: the mentions of the places of the
  // body's clauses, then their sides. (Functions of their own: in one, GCC stopped inlining the
  // tests of words it asks per place.)
  void add_mentions(const std::vector<PlaceMention>& found);
  void read_sides();

  // The place whose own hospital the report names, after the title's short name `m`, by the
  // same name (齐鲁医院 over 山东大学齐鲁医院(以下简称齐鲁医院): 山东省); nullptr when none.
  const Place* named_later(const PlaceMention& m, const std::vector<PlaceMention>& found) const;

  // Whether `clause` names a part of the statement before it (part: data/context.tsv): it opens
  // with the word (其中河北省12人), or follows a clause of the word alone (其中,河北省12人).
  bool opens_part(size_t clause) const;

  // Whether `m` stands in a sentence that opens with a part of the statement before it (其中,
  // 浙江省人民医院帮扶昭觉县…).
  bool in_part(const Mention& m) const;

  // Whether place i opens an item of a list in its clause (其中雁塔区…、长安区…): the clause's
  // first words, past a word of part (其中), or right after 、; named after its own prefecture
  // (武汉市江岸区) or not.
  bool opens_item(size_t i) const;

  // Whether the place of mention i had `side` where the report named it before (gave, received).
  bool had_side_before(size_t i, Side side) const;

  // 由西安市雁塔区人民医院和长安区医院联合选派, …医院与…医院组成联合医疗队: the second of two
  // hospitals joined by a partner word (or 、), where the first gives and a word after them in
  // their clause or the next of their sentence says they send together (joint: data/context.tsv;
  // 武陵区人民医院与鼎城区人民医院打破区域界限,联合组建…), gives with it.
  bool sends_jointly(size_t i) const;

  // Past the name of an institution at `pos` (人民医院 of 雁塔区人民医院, or a word of role
  // institution alone: 医院 of 长安区医院); `pos` where none.
  size_t past_institution(size_t pos) const;

  // 央广网伊宁12月20日消息: a place right before a day's date and a dateline word
  // (data/context.tsv) is where the report was filed.
  bool opens_dateline(size_t end) const;
  // opens_dateline where a digit stands at `end`.
  bool opens_dateline_rest(size_t end) const;

  // 州奎屯医院 (伊犁州's hospital in 奎屯), 岳普湖县人民医院等4家县级医院, 温宿县、阿瓦提县等4个
  // 县市, 海西州人民医院、格尔木市人民医院: a county named for a prefecture's hospital, as one of
  // more counties than it names, or listed beside its prefecture, stands for its prefecture.
  void widen_to_prefectures();

  // 州奎屯医院: a county's short name right after 州 or 地区 (no name of their own) and right
  // before 医院.
  bool names_prefecture_hospital(size_t i) const;

  // 海西州人民医院、格尔木市人民医院: a county listed (、, 和, 及) right after its prefecture or
  // the prefecture's institution: an item beside the prefecture's, the list spans the prefecture.
  bool listed_after_prefecture(size_t i) const;

  // 岳普湖县人民医院等4家县级医院: a county followed, in a few characters of its clause, by 等
  // and a count of county units (县, 县市, 县级医院), or by other counties' short names and
  // 等县 (墨江、景东、澜沧等县人民医院: the list's other names need not be places the index knows).
  bool one_of_counties(const Mention& m) const;

  // Past 等 that closes a list of names joined by 、 at `pos` (甘孜、阿坝、凉山等: a few short
  // names, nothing else); `pos` where no such list is.
  size_t past_names_to_etc(size_t pos) const;

  // Whether place i is the item of a list (、) right before place `next`, by its name alone or
  // its institution's (大方县人民医院、织金县…).
  bool listed_before(size_t i, size_t next) const;

  // The place of the institution that published the report: the first place that opens the name
  // of an institution (institution: data/context.tsv; 绵阳市涪江医院医务部 → 绵阳市, 天津市河东区
  // 第二人民医院 → 天津市) at the start of a credit or metadata line or right after its label
  // (供稿:, (文/), else in a page's credits (document.h: its site's name, its lines around the
  // article), else at the start of the title.
  void find_publisher();

  // A hospital's own news post names itself by its usual name (data/institutions.tsv), in its
  // title (华西医院第五批援藏医疗队出征) or, under a title of 我院, in its body (浙大一院已先后
  // 派出…): the city of the hospital in the title, else of the hospitals the report names when
  // they are all in one city (`title_only`: in the title only); nullptr otherwise, and in a
  // report that never says 我院
  // (own_institution: data/context.tsv), which may be anyone's. The publisher when no credit
  // names one.
  const Place* hospital_of_report(const std::vector<PlaceMention>& found, bool title_only) const;

  // Whether the body says 我院 (own_institution: data/context.tsv); searched once.
  bool says_own() const;

  // 宁波市甬江医院第三批援凉医疗队…。…,甬江医院先后派出…: a place that opens the name of an
  // institution (institution: data/context.tsv) which opens a clause of the body without it (its
  // usual short name, 甬江医院) names a hospital the report tells of by its own name, as
  // institutions.tsv's do (How::institution: hospital_of_report's, never a receiver). Not a
  // receiving county's 昭觉县人民医院 (a county's hospitals are the receivers of this genre, and
  // asking each costs a search of the body), nor a place before another (重庆市巫山县人民医院).
  void mark_self_named(std::vector<PlaceMention>& found) const;

  // The name of an institution at `pos` (甬江医院 of 宁波市甬江医院): Chinese characters up to
  // the first word of role institution that ends them, past at least one other; empty when none.
  std::string_view institution_name_at(size_t pos) const;

  // Whether an institution's name follows at `pos`: its own word (人民医院) or a name ending in one
  // (甬江医院).
  bool names_institution_at(size_t pos) const {
    return starts_with_word(s_.substr(pos), Role::institution) || !institution_name_at(pos).empty();
  }

  // Whether `name` opens a clause of the body: after no Chinese character (，甬江医院先后派出).
  bool opens_clause_alone(std::string_view name) const;

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
    for_each_in_body_from(0, word, f);
  }

  // for_each_in_body of the occurrences that start at byte `from` or later: the text before it
  // is not searched.
  // (one search of the whole text, its finds kept where a countable block holds them: a search
  // per block cost a call and its set-up per line for words most lines lack)
  // (a word that ends with 院, as most words searched for in the body do, 我院, 该院 and the
  // names of institutions, is compared where 院 stands, each 院 found once: a report on hospitals
  // holds scores of them, and the search for each word stopped at every one)
  template <typename F>
  void for_each_in_body_from(size_t from, std::string_view word, F f) const {
    if (word.size() > kYuan.size() && word.ends_with(kYuan)) {
      const size_t before = word.size() - kYuan.size();
      for (auto [at, block] : yuan_in_body()) {
        if (at < before || at - before < std::max(from, block)) continue;
        if (text::rest_matches(s_, at - before, word.substr(0, before), 0)) f(at - before);
      }
      return;
    }
    auto b = doc_.blocks.begin();
    for_each_occurrence(s_.substr(std::min(from, s_.size())), word, [&](size_t at) {
      at += from;
      while (b != doc_.blocks.end() && b->end < at + word.size()) ++b;
      if (b != doc_.blocks.end() && b->start <= at && is_countable(b->kind)) f(at);
    });
  }

  // Where 院 stands in the countable blocks, each with the start of its block (in order).
  static constexpr std::string_view kYuan = "院";
  const std::vector<std::pair<size_t, size_t>>& yuan_in_body() const;

  // Whether a countable block holds `word` (as for_each_in_body: an empty word is in none).
  bool in_body(std::string_view word) const;

  // The place that opens an institution's name in `line`, at its start or after a label's mark:
  // the name runs on in Chinese characters (no digits, blanks or punctuation) to a word of role
  // `role` (institution; authority: a government body).
  static const Place* institution_place(std::string_view line, Role role = Role::institution);

  // The area of the body that published the report at the level `word` names by its character
  // of a level (我省, 省内, 省级: a province; 我市: a city; 我区: an autonomous region or a
  // district): the place that opens the name of the publishing authority (湖北省卫生健康委员会),
  // else institution, else paper (广西日报's 我区), in its title, credit or metadata lines, where
  // the name ends with that character.
  const Place* own_area_of(std::string_view word) const;

  // The first place, its name ending with `level` (any: ""), that opens the name of a body of
  // `role` in the title, a metadata line or the page's credits.
  const Place* named_body(Role role, std::string_view level) const;

  // The place that opens the name of a body of `role` (institution_place) in each title and
  // metadata line, then in each line of the page's credits, where one does, in that order: read
  // once per role for every level named_body is asked (我省, 我市, 我区).
  const std::vector<const Place*>& bodies(Role role) const;

  // 我院向松潘县人民医院派驻专家 (own_institution: data/context.tsv): in a report its publisher
  // published, the word is a mention of the publisher's place, whose side its clause gives; so
  // is 我省累计选派… (own_area) of the publishing body's area.
  void add_own_institution(std::vector<PlaceMention>& found) const;

  // 临县, 岚县 (names of two characters the places table matches only right after their
  // prefecture: 吕梁市临县) and 和平区 (a name several divisions share: 沈阳市和平区) named alone:
  // the county county_named_alone gives the name, at each of its mentions.
  void add_counties_of_named(std::vector<PlaceMention>& found,
                             const std::vector<PlaceMention>& alone) const;
  // The county the name of a mention of `alone` stands for in a report that names `named`: the one
  // in a prefecture it names (吕梁市人民医院…与临县人民医院; 沈阳市和平区…。和平区人民医院…); else,
  // where a mention of the name opens it (opens_name: ,郏县人民医院; 向郏县人民医院) and goes on
  // with a body of its own (names_own_body: 郏县人民医院, 滑县医共体), the only division of the
  // name. nullptr when none, or when the prefectures named hold two. Not where a word runs into
  // the name: its first character often is, or ends, a word (县人民医院和县妇幼保健院, 队员随县
  // 医院, 提高县医院, 完成县医共体): in a report that names the province, as in one that does not.
  const Place* county_named_alone(const PlaceMention& name, const std::vector<PlaceMention>& named,
                                  const std::vector<PlaceMention>& alone) const;
  // Whether the text at `pos` goes on with a body of the place just before it: its hospital
  // (人民医院, 中医院: hospital), its network of hospitals (医共体: county_network) or its
  // government (人民政府, 卫生健康局: authority), data/context.tsv.
  bool names_own_body(size_t pos) const;
  // Whether a name at `pos` opens where no word runs into it: at the start of the text or of a
  // clause (after a mark, not a closing one), after a date (2023年), or after a word of toward (向:
  // data/context.tsv).
  bool opens_name(size_t pos) const;

  // 庆元县人民医院…。…派驻庆元和景宁的专家分别为61人次和51人次: a county the report names in
  // full (or by a short form of the places table: 景宁县) stands for itself by the two characters
  // its name opens with too (county_short_form), wherever no other place is read there. The
  // places table leaves these names out, as ordinary words too often (资源, 东方, 和平) where the
  // report is not on that county.
  void add_county_short_forms(std::vector<PlaceMention>& found) const;

  // 周口市中心医院(以下简称“市中心医院”, 以下简称市中心医院): the short name a report gives an
  // institution whose name opens with a place of prefecture or province level stands for that place
  // wherever the report uses it later (市中心医院累计派驻…), as the hospital's (How::institution,
  // never a receiver), whatever other places the report names. A county's hospital is left to the
  // clause (县医院 receives, county_institution).
  void add_short_names(std::vector<PlaceMention>& found) const;

  // 援助中非共和国…。…;向中非派出医疗队19批: a country's name that alone is an ordinary phrase
  // (中非, China–Africa: data/programmes.tsv; Place::plain_name) names the country right after a
  // word of toward (向: data/context.tsv) in a report that names the country otherwise
  // (中非共和国, 援中非).
  void add_plain_country_names(std::vector<PlaceMention>& found) const;

  // Whether the county-level place of mention `m` (in `found`, in text order) is named right after
  // its own prefecture-level city (烟台市芝罘区人民医院): a city's district hospital, as the giving
  // cities of this genre name theirs, not a receiving county's (县医院, left to the clause).
  static bool follows_its_city(const std::vector<PlaceMention>& found,
                               std::vector<PlaceMention>::const_reverse_iterator m);

  // 信阳市中心医院则承担了商城县的帮扶任务。…,该院向商城县人民医院派出…: 该院 opening a clause
  // stands for the hospital its paragraph named last, when that hospital's name opens with a place
  // of prefecture or province level or is one of data/institutions.tsv (浙大二院)
  // (How::institution, never a receiver); a county's hospital is left to the clause, as its short
  // names are, unless a verb of aid governs it (浙大二院介绍了帮扶建始县人民医院的经验。该院…): the
  // helped one is passed over for the hospital that helps; or unless the 该院 clause sends down to
  // township health centres (townships: 该院向全县23个乡镇卫生院派出医生), which it gives to.
  void add_this_hospital(std::vector<PlaceMention>& found) const;

  // 省立医院派驻…, 市中心医院轮派… (level_hospitals.h): a sending hospital of the province or
  // city the report is about, where the report says which: a mention of that place
  // (How::institution, never a receiver), unless the report's own short name already says whose.
  void add_level_hospitals(std::vector<PlaceMention>& found) const;

  // The side of a place: 浙江省援疆 (before a programme: from); after 赴/到/在/帮扶… (a frame's
  // place_after; 到…进修: from); 北京市卫生健康委…选派 (a clause-opening subject of a sending
  // verb: from); else none. Asked of a place with no side yet (not a programme's).
  Side side_of(size_t i);

  // Whether place `m` is where patients went to seek care (过去群众看病要跑到西昌甚至成都): after a
  // marker of place and a word of seeks_care (data/context.tsv) in its clause. `marker_end`:
  // first_marker_end of its clause.
  bool sought_care(const Mention& m, size_t marker_end) const;
  // Where the first marker of a place (a frame that marks where one goes to, of no persons) of
  // `clause` ends; kNone where none does.
  size_t first_marker_end(size_t clause) const;

  // Whether place i, alone or heading a list of places joined by 、 or a partner word (阳谷县和
  // 东阿县), stands right before 由 in a clause of aid: the clause is passive, its places are
  // aided by the one after 由 (…由市中医医院与市人民医院联合帮扶).
  bool aided_by_later(size_t i) const;

  // Whether county i, opening a statement of sending frame hit k that names no place the persons
  // go to in clauses [clause of i, end), is the topic of a city's summary with a statement per
  // county (冠县派驻医师25名): a county that a giver of its own area sent to before receives what
  // its statement counts, no sender of its own.
  bool topic_receiver(size_t i, size_t k, size_t end) const;

  // Whether place `m` is the title's kicker (威宁:省级专家下沉…): the place the report is about,
  // set before a colon, no subject of the verb after it.
  bool kicker(const Mention& m) const;
  // kicker of a place followed by a colon's first byte.
  bool kicker_rest(const Mention& m) const;

  // Whether a verb of sending names its persons as a noun, the partner of a relationship (下沉
  // 医生与42名乡村医生结对: team, then partner, data/context.tsv): in a later clause, it is no
  // predicate of the place that opens an earlier one (美姑县则推出…模式,下沉医生与…结对).
  bool persons_as_partner(const FrameHit& hit) const;

  // Whether the verb of `hit` has a team of its own as the subject of its clause: a short name
  // (at most eight characters, no count) that ends with a word of the team (联合专家团下沉专家在
  // 乡镇卫生院坐诊: team, data/context.tsv; not 全省共有600名城市医生下沉): in a later clause, it
  // is no predicate of the place that opens an earlier one (宁津县…纳入医共体管理,联合专家团下沉…).
  bool team_before(size_t clause, const FrameHit& hit) const;

  // Whether the clause of a clause-opening place says it is helped (县医院在派驻专家帮助下建成…:
  // 在 after it, then a word that closes 在…下 later in the clause: helped, data/context.tsv): it
  // receives.
  bool helped(const Mention& m) const;

  // Whether a county of the giving city receives: the city sends to it (宜昌市…选派医师到秭归县)
  // or names its hospital (hospital: data/context.tsv;
  // 遵义市第一人民医院与余庆县人民医院组建医联体).
  bool receives_within(const Mention& m, const Place* giver) const;

  // Whether a clause-opening place heads an item of a list after a colon whose statement sends
  // toward places it does not name (向结对县派驻医生:绿春县派驻医生9名;…; a frame of a word of
  // role toward, data/context.tsv): the item's receiver.
  bool listed_receiver(const Mention& m) const;

  // Place i gives as the subject of a verb of sending or aid: a sender in its own right, named
  // at its own level (浙江省…下派 under a report on 杭州市's team: 浙江省).
  // Not in the title, which shortens names (北京石景山医疗帮扶…: 北京's district).
  Side sender(size_t i);

  // Whether place i opens its clause: first in it, or past one character that is neither a
  // preposition of its object (向西藏选派: toward, data/context.tsv) nor a verb that marks it
  // (在拉萨市: a frame of data/frames.tsv), or after 位于 (located: 位于南昌的…医院选派…) or a
  // word that continues the statement before (其中南昌市对口阿克陶县: continues).
  bool opens_clause(size_t i) const;

  // The end of the clauses that place i, opening its clause, is the subject of: the next clause
  // of its sentence that another place opens (玉树地震后,北京市…派出: 北京市's), else the
  // sentence's end; its own clause only where that ends with a word of speaking (speaks:
  // data/context.tsv) and the place received before (某县…下沉某县。某县卫生健康局负责人介绍,
  // 下沉人员还…: the receiver's body speaks of the persons sent down; not 北京市卫生健康委…介绍,
  // 市卫生健康委…选派, a giver's body telling its own sending).
  size_t subject_end(size_t i) const;

  // Whether the report makes `place` a sender in its own right somewhere (sender()).
  bool names_sender(const Place* place) const;

  // Whether the report makes `place` a sender toward receivers outside `receiver`'s area only
  // (南昌大学第一附属医院对口支援于都县 in a report on 寻乌县: another programme's giver, where
  // 到南昌进修 names the city of the report's own hospital).
  bool sends_elsewhere_only(const Place* place, const Place* receiver) const;

  // Whether an ASCII digit is at `pos` (定西市3家: a count right after a place).
  bool digit_at(size_t pos) const { return pos < s_.size() && s_[pos] >= '0' && s_[pos] <= '9'; }

  // The place joined to place i as its partner (who is listed with whom): the next place of its
  // clause, named otherwise, after a partner word (data/context.tsv: 与, 和, 同) at most 24 bytes
  // on (宁波市12家三级医院与四川省凉山州…), where place i's name opens its clause (十堰市郧西县
  // 人民医院与…; not a list after a verb: 对口支援阿图什市人民医院和乌恰县人民医院, 在马拉维和
  // 苏丹), or right after a dash (a pair's name: 召开天津—甘南东西部协作座谈会); else kNone.
  size_t partner_after(size_t i) const;

  // Whether places i and j = partner_after(i) are the whole of a clause that opens its line and
  // ends at a colon, joined by a dash (北京—玉树:): the heading of a pair's paragraph, the first
  // the giver and the second the receiver of what the line tells.
  bool heads_pair(size_t i, size_t j) const;

  // Whether place i is the partner of the place before it, which receives (县医院与市医院组建
  // 医联体,接收下沉专家6名: the city's hospital sends them down).
  bool partner_of_receiver(size_t i) const;

  // Whether places i and j = i + 1 of one clause are joined by a partner word (data/context.tsv:
  // 与, 和, 同, a dash) at most 24 bytes after place i.
  bool joined(size_t i, size_t j) const;

  // Whether place i names, with the places it continues (大连市金州区), the partner of the place
  // before them, which gives, lies in that giver's area and forms one team with it (joint:
  // 大连市星海医院与大连市金州区妇幼保健院组成联合团队), not the other side of a pair (南阳市第一
  // 人民医院与淅川县人民医院签订帮扶协议).
  bool partner_of_giver(size_t i) const;
  // partner_of_giver where the place before place `name`, the first of i's name, gives.
  bool joins_giver(size_t i, size_t name) const;

  // The byte ranges inside the quotation marks of direct speech in `block` (into `out`, in
  // order): quotes that hold a sentence end (“…就能做微创了。”), not a quoted name (“组团式”);
  // of quotes opened before one close, the first's. A quote never closed on its line is none: a
  // block is a line, and the report's speech is that of its blocks.
  void direct_speech(const Block& block, std::vector<std::pair<size_t, size_t>>& out) const;

  // Whether the persons of sending frame hit k of `clause` go to study (黔南州选派医务人员215名到
  // 广州跟岗学习): a verb of study after it in its clause; its subject then receives.
  bool sent_to_study(size_t clause, size_t k) const;

  // Whether place i is one of a list right after 来自 (origin: data/context.tsv) in its clause.
  bool listed_after_origin(size_t i) const;

  // The time phrases of the countable blocks, against the report's date.
  // (`found`: what find_times gave for another date, to read again.)
  std::vector<TimePhrase> phrases_of(std::string_view date,
                                     const std::vector<TimePhrase>* found = nullptr) const;

  // (headers: the constructor's, for the rows a column of years dates: add_year_cells)
  void read_times(const std::vector<std::vector<Cell>>& headers);

  // 自2022年7月入驻以来,…。\n一年多来 in an undated report: gives the duration times_[i], which
  // opens the sentence after a start, that start as its since; false (nothing changed) where it
  // does not open such a sentence.
  bool take_start_before(size_t i);

  // 2023年,…对口帮扶…工作扎实推进。全年…派驻医师520人次: whether a year opening its sentence
  // is told as a whole, its work summed up (whole_year: data/context.tsv, in that sentence or
  // the next of its paragraph), not the year of an event (2023年,…签订协议).
  bool sums_up_year(const Time& year) const;

  // 自1967年起承担援刚果(布)医疗任务,1977年起承担援加蓬医疗任务: a sentence that states when each
  // of two or more programmes began (a start with its receiver after it in its clause, or right
  // before it in parentheses: 援马耳他(1984年起)和援圭亚那(1993年起), an aside that may leave out
  // a programme told before, 1964年…援桑给巴尔), or after 分别 the starts listed before the
  // receivers listed, in order (分别于1976年和1984年开始向莫桑比克和佛得角派遣).
  void find_programme_starts();

  // 分别于1976年和1984年开始向莫桑比克和佛得角派遣医疗队: the years listed (和, 、) right before
  // the start phrase `last` in a clause with a word of respectively (data/context.tsv) start the
  // programmes of the receivers listed after it, in order. False where the clause lists none.
  bool respective_starts(size_t last);

  // 1971年,广东省派出第一支医疗队赴赤道几内亚。…于2009年又承担起援助加纳的医疗任务: bare years
  // that start the programmes of two or more receivers (a word of programme_start, then the
  // receiver, after the year in its sentence), in year_starts_; none when one receiver's only.
  void find_year_starts();

  // 截至2023年底,浙江累计向马里派出…: a total closed without a start (`f.since` empty) takes the
  // year its own receiver's programme started (find_year_starts), stated before the count at
  // `at`.
  void start_of_programme(Fact& f, size_t at) const;

  // A count whose start is one of the starts of a sentence that states several (or a N年来 right
  // after it, in its paragraph: 50多年来, 天津市累计向刚果(布)…): the start of its own receiver's
  // programme, the earliest when it has none (全省累计向两国派出…).
  // (most reports state no such sentence: told inline)
  void start_of_receiver(Fact& f) const {
    if (!starts_.empty() && !f.since_span.empty()) start_of_receiver_rest(f);
  }
  void start_of_receiver_rest(Fact& f) const;

  // 2023年对口帮扶|…这一年 over a report that states no date of its own: the year its title
  // states is the year it tells of, from which 今年, 去年 and N年来 count, but not its date: what
  // runs to now (今年以来, 截至目前, 今年) ends on a date the report does not state (until empty).
  void count_from_title_year(const std::vector<TimePhrase>& found,
                             std::vector<TimePhrase>& phrases) const;

  // Whether an undated report's phrases date nothing but programmes' starts (自2002年以来): no
  // event, range nor end that 去年 or 一年来 could count from.
  static bool dates_only_starts(const std::vector<TimePhrase>& phrases);

  // A report without a stated date: the date of the event its lead opens with (1月16日, in the
  // year that puts it after every date the report narrates), or the end of the period its lead
  // counts (党的十八大以来…十年来: 2012 + 10).
  std::string infer_report_date(const std::vector<TimePhrase>& phrases) const;

  // 湖北省卫生健康委员会2023年工作总结 (year_report: data/context.tsv): a year's summary, whose
  // period is the year its title states (titled_, clause kNone), not its publication's.
  void find_titled_year(const std::vector<TimePhrase>& phrases);

  // 全年选派… (whole_year) in a year's summary: the year its title states, a period of its clause.
  void add_whole_years();

  // 年份  派驻队员 over 2021  40 (year_column: data/context.tsv): a table's row whose cell under a
  // column of years holds a year alone (2021, 2021年 being a phrase already) is dated by it, a
  // point phrase of its clause.
  void add_year_cells(const std::vector<std::vector<Cell>>& headers);

  // The report's own giving and receiving side and period: its title and lead.
  void subject();

  // Whether the statement of the report's period `period`, or one of the lead's that states it
  // again (a title's “十四五”以来 over the lead's), sums up the aid of many givers (many_givers:
  // “十四五”以来,东部地区累计向我省选派…): then the period is every giver's in the review.
  bool sums_up_many_givers(const Time& period) const;

  // Whether the report names several receivers inside `province` (three prefectures, or two
  // partnerships with a sender each): a review of its pairs (北京→拉萨市, 上海→日喀则市,
  // 广东→林芝市), whose totals are the province's, no one pair's.
  bool reviews_receivers_in(const Place* province) const;

  // Whether the lead lists two prefectures inside `province` together (赴西藏自治区那曲市、阿里
  // 地区开展巡回医疗): a team that works in both, whose counts are the province's.
  bool lead_lists_prefectures_in(const Place* province) const;

  // Whether the lead names `place` outside the title.
  bool names_in_lead(const Place* place) const;

  // 覆盖贵州6个市州的25个县, 与四川甘孜、阿坝等20个县的医院结对: whether the lead names `place`, or
  // an area `place` lies in, as receiving and follows it with a count of its units
  // (counts_units_at). A count that names the area is then the whole area's, not narrowed to the
  // report's county (refine).
  bool lead_counts_units_of(const Place* place) const;

  // Whether a count of a place's units (units: data/context.tsv) follows at `pos`, right after the
  // place or after 等 that closes a list of its places (甘孜、阿坝等20个县).
  bool counts_units_at(size_t pos) const;

  // 福建省新闻发布会 over …我省累计选派专家652名赴宁夏: the title's place named without a side and
  // not again in the lead, where the lead names no giver and marks receivers that all lie outside
  // it, is the report's own place, which gives, no receiver; else nullptr.
  const Mention* titled_outside_receivers() const;

  // 河南省中医院第五批医疗队…返回郑州: the lead's province that opens its own hospital's name,
  // where the lead's only givers are places within it that its persons go or return to (the
  // hospital's seat, not a giver of its own); nullptr otherwise.
  const Mention* province_of_hospital_over(const std::vector<const Mention*>& visited) const;

  // The title's mention of the area of the government body that published the report
  // (authority: data/context.tsv; 广东省卫生健康委员会2023年度…工作总结), named there without a
  // side, when the lead names a place outside that area that does not give (…与重庆市14个区县的
  // 医疗机构结对帮扶: not the report's giver, its receiver); else nullptr.
  const Mention* titled_body() const;

  // The title's mention of the place that opens the name of an institution at its start
  // (institution_place: 温州市第二人民医院2022年度对口支援工作总结), named there with no giving
  // side, in a report whose body says 我院 (own_institution: data/context.tsv): the institution's
  // own account, which it gives; else nullptr.
  const Mention* titled_institution() const;

  // Whether a place of the clause of sender `m` receives in `receiver`'s area (…向马里派遣).
  bool sends_toward(const Mention& m, const Place* receiver) const;

  // Whether the lead names a county's own institution without the county's name (县人民医院:
  // county_institution, data/context.tsv; not 兰考县人民医院) as the subject of a verb of sending.
  bool county_institution_sends() const;

  // 县人民医院、县中医院向乡镇卫生院下派医师62名, 县中医院发挥…,培训乡村医生460人次: in a report
  // that receives in a county, the county's own institution named without the county (county_
  // institution: data/context.tsv), opening a clause of the count's sentence from `first` up to
  // the count's `clause`, the subject of a verb whose subject gives in that sentence: the county
  // gives (to its townships), whoever gives the report's other counts.
  // (the report's receiver told inline: asked per scope of a count, and most reports receive in
  // no county)
  std::optional<Span> county_institution_gives(size_t first, size_t clause) const {
    if (!to_ || to_->level != PlaceLevel::county) return std::nullopt;
    return county_institution_gives_rest(first, clause);
  }
  // county_institution_gives in a report that receives in a county.
  std::optional<Span> county_institution_gives_rest(size_t first, size_t clause) const;

  // Whether the places the report marks as receiving lie in several provinces (援藏…; 援疆…), not
  // counting a list of many (今年以来,…向新疆、西藏、甘肃等6省区派出…: the programme's summary, no
  // account of each).
  bool receives_in_several_provinces() const;

  // Whether place i is an item of a list its last item closes with 等 or a count of provinces
  // (新疆、西藏、甘肃等6省区: ends_list_of_many).
  bool in_list_of_many(size_t i) const;

  // Whether `b` follows `a` as the next item of a list of names: 、 or 和 between them alone.
  bool joined(const Mention& a, const Mention& b) const;

  // The report's period, for a count of `f`'s giver at `at`: not one that another giver's
  // statement dates (a review: 自1996年闽宁协作启动…福建已选派…; 沪滇协作中,上海市…), nor one
  // that starts at a date a later sentence of a report on one team states (第三批医疗队…返回。
  // 队员们…。自2017年结对以来,医院已派出3批…: the programme's history told after the team's
  // tally is no period of it; its stay, 一年半来, is).
  const Time* report_period(const Fact& f, size_t at) const;

  // 11月28日,第192批医疗队…完成两年援外任务 (or …回国。在两年援外工作中): the date in the lead
  // that ends the tour of the team it names, which dates the team's counts told before the
  // review of the programme (自1975年以来); nullptr when the lead tells no tour.
  const Time* lead_tour() const;

  bool is_title(size_t pos) const;

  bool after_origin(const Mention& m) const;

  // A side of a fact: its place's name, the province it lies in, the phrase that names it.
  struct SideFields {
    std::string& name;
    std::string& province;
    Span& span;
  };
  static SideFields to_side(Fact& f) { return {f.to, f.to_province, f.to_span}; }
  static SideFields from_side(Fact& f) { return {f.from, f.from_province, f.from_span}; }

  void set_place(SideFields side, const Place* place, const Mention* m) const;

  // The places of clause range [first, end) with a side (`from`), or without one of from. The
  // list is the resolver's scratch, reused per call (asked for several times per fact): valid
  // until the next call.
  // (a range that holds no place told inline, as most clauses: the call saved and restored the
  // registers of the rest)
  const std::vector<const Mention*>& places_in(size_t first, size_t end, bool from,
                                               const Place* giver) const {
    auto [lo, hi] = of_clauses(first_place_of_clause_, first, end);
    if (lo == hi) {
      memo_.places_scratch.clear();
      return memo_.places_scratch;
    }
    return places_among(lo, hi, from, giver);
  }
  // places_in of places_[lo, hi).
  const std::vector<const Mention*>& places_among(size_t lo, size_t hi, bool from,
                                                  const Place* giver) const;

  // Whether a semicolon ends `clause`.
  bool ends_part(size_t clause) const { return clause_ends_at(clause, ';', "；"); }

  // Whether a colon ends `clause`.
  bool ends_with_colon(size_t clause) const { return clause_ends_at(clause, ':', "："); }

  // Whether the mark that ends `clause` is `ascii` or its full-width form `wide`.
  bool clause_ends_at(size_t clause, char ascii, std::string_view wide) const {
    return mark_at(r_.clauses[clause].end, ascii, wide);
  }
  // Whether the text at `at` opens with the mark `ascii` or its full-width form `wide`.
  bool mark_at(size_t at, char ascii, std::string_view wide) const;

  // 河北省12人, 雁塔区医院6名, 越秀区人民医院派出7人: a count of persons (digits, then 人 or 名)
  // right after the place, its institution's name and a verb of sending, in its clause.
  bool counts_persons_after(const Mention& m) const;

  // 郑州市派出200名、洛阳市派出150名: whether place i opens an item of a list of statements of
  // sending, each its giver, a verb of sending and its count of persons: after 、 that follows
  // the count of the item before, and before its own verb and count.
  bool opens_listed_sending(size_t i) const;

  // 其中河北省12人、陕西省7人: where the count's clause lists counts after their givers, the
  // giver of the count's own item (after the list mark before it); nullptr otherwise.
  const Mention* item_giver(size_t clause, size_t at) const;

  // Where the count's statement names several givers: the one giver of its part from the last
  // clause that opens with 其中 (part: data/context.tsv) up to the count's (两省…共选派3260人次,
  // 其中浙江…,派驻2140人次: 浙江省), else none.
  struct Giver;
  Giver giver_of_part(size_t clause) const;

  // The parts of the clauses of sentence `index` (part_of), cut when first asked of one (the
  // sentences of counts: most are of none): a part ends at a semicolon or the sentence's end, and
  // at a colon before the first semicolon, which opens items (由两家医院联合帮扶:阳谷县派驻医师
  // 20名,带教…;东阿县…: the heading, then each item). The part of `clause`, kept as memo_.parts.
  uint64_t read_parts(size_t clause) const;

  // The clauses [first, end) of the part of its sentence that holds `clause`: semicolons part a
  // sentence into statements of their own (北京市向拉萨市派出…;上海市支援日喀则市,十年来开展…).
  std::pair<size_t, size_t> part_of(size_t clause) const {
    uint64_t part = memo_.parts[clause];
    if (part == 0) part = read_parts(clause);  // (no part ends at 0)
    return {part >> 32, part & UINT32_MAX};
  }

  // Clause ranges [first, end), at most three (kept in place: they are asked for per fact).
  struct Scopes {
    std::array<std::pair<size_t, size_t>, 3> items;
    size_t size = 0;
    const std::pair<size_t, size_t>* begin() const { return items.data(); }
    const std::pair<size_t, size_t>* end() const { return items.data() + size; }
  };

  // The scopes of a count, narrowest first: its clause, its part of the sentence, its sentence up
  // to the end of that part (a later part, after ;, that names its own place tells of it:
  // …完成手术300台;在安远县,…).
  Scopes scopes_of(size_t clause) const;

  // Whether bytes [from, to) name many givers (many_givers: data/context.tsv), not as the part
  // of a place right before the word (西藏东部: the east of one region).
  // (many_givers_in first: it answers most scopes without a search.)
  bool names_many_givers(size_t from, size_t to) const;

  // 湘雅医院、湖南省人民医院等5家医院组团帮扶…: a sending hospital named by its own name
  // (data/institutions.tsv: its city) beside one named by its province, in one clause: the
  // province's hospitals give.
  Reduced province_of_hospitals(Reduced r) const;
  // province_of_hospitals of a hospital's mention.
  Reduced province_of_hospitals_rest(Reduced r) const;

  // `at`, when given: where the count stands (teams of several givers); `county_gives`, when
  // given: set where a county's own institution gives the count.
  void resolve_from(Fact& f, size_t clause, size_t at = kNone, bool* county_gives = nullptr) const;

  // A giver resolve_from tells, or none told (the count's from is left as it is).
  struct Giver {
    bool told = false;
    const Place* place = nullptr;
    const Mention* mention = nullptr;
    std::optional<Span> institution;  // of a county's own that gives (county_institution_gives)
    // told by where the count stands (its own item or list: respective_place, item_giver): the
    // clause's other counts may have other givers
    bool by_position = false;
  };

  // resolve_from's giver, for a count at `at` in `clause`.
  Giver giver_of(size_t clause, size_t at) const;

  // Sets the count's from to `giver`; `county_gives` as resolve_from's.
  void tell_giver(Fact& f, const Giver& giver, bool* county_gives) const;

  // Whether mention `h`, a county, opens a clause that a colon ends and that names an
  // institution (会泽县人民医院:…): the heading of an item on one receiving hospital.
  bool heads_item(const Mention& h) const;

  // Whether several givers end a list with 等 or their number of 省市 (北京、天津、江苏等8个
  // 省市, 北京、上海…山东6省市): a programme of many provinces (全国). Two are a pair of givers,
  // each named, not many (浙江、广东两省: no one giver, and not the nation), and so are provinces
  // counted as 省 alone (安徽、湖北、湖南三省联合组派: a joint team of the three, not the nation).
  bool ends_list_of_many(const std::vector<const Mention*>& givers) const;

  // Whether the clauses [first, end) of one sentence name many givers (many_givers: data/
  // context.tsv). Asked per fact and scope: a paragraph without the words answers for all its
  // scopes from one scan of it (has_word).
  bool many_givers_in(size_t first, size_t end) const {
    return has_word(r_.clauses[first].start, r_.clauses[end - 1].end, Role::many_givers);
  }

  // contains_word(s_.substr(from, to - from), role), for the questions asked per count of the
  // ranges the lead, its sentence, paragraph or clause share with the other counts
  // (memo_.searches). Where [from, to) lies in one block and `role` is a role of the rules of a
  // count (kAskedPerCount), the block's words of those roles, read in one scan when first asked,
  // answer without a search.
  bool has_word(size_t from, size_t to, Role role) const {
    // (most questions: of the block last read, of a role it holds no word of, answered inline)
    const Block* b = memo_.last_read_block;
    if (b && b->start <= from && from < b->end && to <= memo_.last_read_to &&
        (memo_.last_absent & RoleSet::bit(role))) {
      return false;
    }
    return has_word_rest(from, to, role);
  }
  // has_word past its inline answer: the block's words, read when first asked, or a search.
  bool has_word_rest(size_t from, size_t to, Role role) const;
  // The block that holds [from, to); nullptr when none does.
  const Block* block_holding(size_t from, size_t to) const;
  // Reads the words of block `index` for has_word on from where it last stopped, those that
  // start before `to` at least.
  void read_block_words(size_t index, size_t to) const;

  // 共完成手术9400余台,其中在麦盖提县人民医院完成…: a place of a part of a statement (from the
  // first clause of its sentence opening with part: data/context.tsv, to the sentence's end) is
  // the part's only, not of the counts of `clause` before it nor of later sentences. (A
  // paragraph that opens with it is the part: 其中,伊犁州友谊医院是…重点受援医院。…该院共接收
  // 专家218名, its later sentences are of the part too.)
  bool of_other_part(const Mention& m, size_t clause) const;

  // 医疗队开展新技术40项,…,推动岳普湖县人民医院创成二级甲等医院: a clause after the first of its
  // sentence that opens with a word of result (data/context.tsv) tells what the work of the
  // clauses before achieved; its places receive none of their counts, nor the report's.
  bool tells_result(size_t clause) const;

  // 宁夏又选派136名医务骨干到福建进修, 协助百色市选派54名骨干到深圳进修: whether the place of
  // `m` is the subject of a verb of sending right after it (past an adverb: 又) whose persons go
  // to study (sent_to_study): it sends its own staff, the trainees are its whole area's.
  bool sends_to_study(const Mention& m) const;

  // 重庆先后派出医疗队员900名支援湖北,其中对口支援荆州市的队员共600名: whether the clause right
  // after `clause` opens a part (其中: data/context.tsv) that sends to `place` or a place holding
  // it (a receiver its verb marks, not 其中9项填补了日喀则市技术空白): the count of `clause` is the
  // whole that part breaks down, not narrowed to the part's place wherever the report names it
  // (before, or as its subject).
  bool broken_down_by_part(const Place* place, size_t clause) const;
  // broken_down_by_part where `part` is the part after `clause`.
  bool part_sends_to(const Place* place, size_t clause, size_t part) const;
  // The clause right after `clause` that opens a part of its sentence (past 其中 alone), or kNone.
  size_t part_after(size_t clause) const;

  // Whether `m` is an item of a list of receivers with another place beside it (对口帮扶毕节市、
  // 黔南州): a whole that a part breaks down by one of them spans them all (broken_down_by_part
  // drops the part's place, not its list).
  bool listed_with_other(const Mention& m) const;

  // Whether `m` is a sending hospital (data/institutions.tsv) in a report whose giver is a
  // province (来自兰州大学第一医院的专家…甘肃省第五批援疆医疗队): a member of the province's
  // programme, which gives its counts, not the hospital's city (the annotators' convention in
  // every set that has such a case).
  bool of_province_programme(const Mention& m) const;

  // The receiving places of clauses [first, end) for a count of `clause` (places_in's list), not
  // the places of a part after it (broken_down_by_part), nor one that opens a clause after it
  // inside a place named up to it: the subject of a statement of its own (文山州接收专家176名,
  // 引进新技术320项,麻栗坡县人民医院…实现突破: 文山州's 320; not …派出96名,重点帮扶水城区人民医院).
  const std::vector<const Mention*>& receivers_for(size_t first, size_t end, size_t clause,
                                                   const Place* giver) const;

  // 在巴里坤县人民医院完成手术930余台,在伊吾县开展巡回义诊12次,服务群众2400多人次: a clause
  // naming no place and no total (to_now: data/context.tsv, 共) goes on from the clause right
  // before it in its part of the sentence when that one opens with where its work was done (在
  // and a place), not the several places of the sentence; nullptr otherwise.
  const Mention* place_going_on(size_t clause, const Place* giver) const;

  // 辽宁省今年选派的31名援疆医疗人才,分布在塔城地区人民医院和沙湾市…: a programme word (援疆: its
  // province) says less than the places inside that province that the clause right after the
  // count names, when it holds no count of its own (where the counted went): one place, or the
  // prefecture of several (喀什地区深喀第一人民医院和塔什库尔干塔吉克自治县人民医院: 喀什地区).
  Reduced past_programme(Reduced r, size_t clause, const Place* giver) const;
  // past_programme of a programme's province.
  Reduced past_programme_rest(Reduced r, size_t clause, const Place* giver) const;

  // A province or prefecture made more specific by the one place inside it that the paragraph
  // before the count or (a province only) the report's subject names (援藏 after 助力健康拉萨:
  // 拉萨市; 北京专家在张家口… under a title on 崇礼: the city the sentence names).
  Reduced refine(Reduced r, size_t clause, const Place* giver) const;

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
  Descending earlier_sentences(size_t clause) const;

  // 其中援疆880名、援藏210名、援青170名: the place that opens the count's own item of a list
  // in its clause (after the last 、 before it), nullptr when none or the clause lists nothing.
  const Mention* item_place(size_t clause, size_t at, const Place* giver) const;
  // item_place of a clause that holds a list mark, the count in it.
  const Mention* item_place_rest(size_t clause, size_t at, const Place* giver) const;

  // 分别向莫桑比克、佛得角派出医疗队员327名和216名 (…。两支医疗队在岗队员分别为23名和18名 after
  // a sentence naming the two, or an earlier clause of its own sentence): counts listed after
  // 分别 (respectively: data/context.tsv) go to the
  // places listed before them, each to its own in order, where the two lists are as long; nullptr
  // otherwise. `from`: the givers listed before them in their clause
  // (北京市、江苏省分别选派医疗人才 215名、132名), each count to its own.
  const Mention* respective_place(size_t clause, size_t at, const Place* giver,
                                  bool from = false) const;
  // respective_place where the clause holds a word of respectively before the count.
  const Mention* respective_place_rest(size_t clause, size_t at, const Place* giver,
                                       bool from) const;

  void resolve_to(Fact& f, size_t clause, size_t at) const;
  // find_place(name, province) of a side a fact was told (the same for most counts of a report:
  // the last one found is kept).
  const Place* place_told(std::string_view name, std::string_view province) const;

  // A receiver resolve_to tells (told), or leaves the count's to as it is (not told).
  struct Receiver {
    bool told = false;
    const Place* place = nullptr;
    const Mention* mention = nullptr;
  };

  // The receiver of a count of `clause` whose own item or list names none (item_place,
  // respective_place), the same for each count of the clause: from where it goes on, its
  // scopes, the sentences before it, the giver's area, the report's subject. `many_givers`:
  // the count's giver is 全国 (a total of many givers).
  Receiver receiver_of_clause(size_t clause, const Place* giver, bool many_givers) const;

  // 全省已有1.1万名城市医生下沉到县乡两级, 全区共组建巡回医疗队120支: in a report of aid
  // within one province or city, a count of the whole area (whole: data/context.tsv) before it
  // in its sentence, which names no receiver, is given and received in that area: the province
  // (全省, 全区 of an autonomous region) or the city (全市) of the giver.
  void whole_area(Fact& f, size_t clause, size_t at) const;

  // Whether the count's sentence counts county hospitals its giver, a province or a city, aids
  // (与12家县级医院建立对口帮扶关系: county_receivers after a number) in a report of aid within
  // the giver's area: many of its own counties, and the area receives the sentence's counts.
  bool counts_county_receivers(size_t clause, const Place* giver) const;

  // Whether the count's sentence holds a word of `role` right after a number (12家县级医院,
  // 76个国家和地区): it counts the units the word names.
  bool counts_in_sentence(size_t clause, Role role) const;

  // Whether the count's sentence holds a word of `role` named before its number, the word's
  // first character (its classifier) after the number (支援县级医院117家 for 117家县级医院).
  bool counts_after_in_sentence(size_t clause, Role role) const;

  // The place that heads the paragraph holding byte `at`: the paragraph opens with the place's
  // name alone as a sentence or before a colon (太原市。市内12家三级医院…, in a province's
  // review city by city), and names no place outside it after; nullptr otherwise.
  const Mention* paragraph_place(size_t at) const;
  // The place that heads `block`, as paragraph_place says (read once per block: asked per count).
  const Mention* place_heading(const Block& block) const;

  // A count in a paragraph a place heads (paragraph_place) is that place's part of the review:
  // the place receives it (unless the count names a place inside it), and gives it too where
  // it lies in the giver and the count is received inside the giver's area (a programme within
  // a province, its cities' hospitals helping their own counties); a place of the giving side
  // that heads a paragraph of aid elsewhere gives only.
  void place_paragraph(Fact& f, size_t at) const;

  // Whether the count's sentence is one of the body's first two (not the title's) in a report
  // that names a place of China outside `area` receiving or where the work happens (在林芝市):
  // the opening total of a review of aid to other provinces (全省累计选派4300名), not a
  // programme within (nor beside a team abroad: 派出援马里医疗队。全省40家医院对口支援…).
  bool sums_aid_outside(size_t clause, const Place* area) const;

  // Whether the report's lead says the giver's whole area (全省, 全市): the report's subject is a
  // programme within it (not 全省将培训双语医生500名 at the end of a report on one course; nor
  // the whole area's aid abroad, 全省先后向马里、几内亚派出援外医疗队, a sentence of the whole
  // that names a place abroad or says so: abroad, data/context.tsv).
  bool within_whole() const;
  bool lead_says_whole() const;  // within_whole, read once (asked per count)

  static bool states_until(const TimePhrase& t);

  // The phrase's period; a period opened without an end (自2018年起) ends where another phrase
  // of its sentence says (汇报2018年下沉工作总结: 2018); a dated start with a length after it
  // (2019年12月9日…为期一个月的培训) ends that much later.
  // (Read once per time of times_: the same for every count it dates.)
  void set_period(Fact& f, const Time& t) const;
  void read_period(Fact& f, const Time& t) const;  // set_period's, unread

  // 1月7日,医疗队…回国。在两年援外工作中,…: the sentence after a dated return opens with the
  // length the team served (在…中, …期间, …里: within, data/context.tsv), which ended at that date:
  // {since, until}; nullopt when it states none.
  // After a dated arrival (8月3日,专家团抵达…。10天里: arrives_after), the stay that began at the
  // date, the length after it.
  std::optional<std::pair<std::string, std::string>> period_told_after(const Time& t) const;

  // The time phrase of the count's clause (the nearest before it, else after), else of its
  // sentence (one opening or closing a clause first), else the last such of the nearest earlier
  // sentence of its paragraph, else the report's period; else until = the report's date.
  void resolve_period(Fact& f, size_t clause, size_t at) const;

  // 2022—2023年,…门诊量由21万人次增至28.6万人次 (change_to): over a range of whole years, the
  // value after 由 is of the range's first year, the one after the change word of its last.
  void year_of_change(Fact& f, const Time& t, size_t clause, size_t at) const;

  // 8月20日,…交接仪式…举行。完成一年援疆任务的24名医疗队员即将返赣: a count dated by an event's
  // day whose clause states before it the length its team served (完成一年…任务: served_length)
  // covers that length up to the event.
  void served_to_event(Fact& f, size_t clause, size_t at) const;

  // Whether a clause of the count's part opens with a present word and tells a result so far
  // before the count (目前已为30名患者提供透析): it counts up to the report's date, past a period
  // in scope that ended before (2022年…一年来 in a report of 2023-01).
  bool tells_so_far(size_t clause, size_t at) const;

  // 自2022年…以来,三年累计派出专家107名 (in a 2025 report): a total of N years (a length right
  // before a total word of the count's clause: to_now, data/context.tsv) from a year's start
  // that its sentence states before it covers its first N years, to the year N − 1 after it,
  // where that ends before the period (not 近五年累计, nor a start told elsewhere).
  // (the test most counts fail inline: a period of no single year's start has none)
  void years_counted(Fact& f, size_t clause, size_t at) const {
    if (f.since.size() == 4) years_counted_rest(f, clause, at);
  }
  void years_counted_rest(Fact& f, size_t clause, size_t at) const;

  // 自2017年以来,…,截至目前已累计派出6批: a period closed without a start (截至) starts where
  // the period in scope does: a since or recent phrase of its sentence, else of an earlier
  // sentence of its paragraph, else the report's period.
  void open_start(Fact& f, const Time& closing, size_t clause, size_t at) const;

  // 2024年1至9月,…。\n截至9月底,累计…: where the report's period opens none, 截至 the month that
  // ends the months stated just before it (the nearest earlier phrase, in its paragraph or the
  // one before) closes those months; nullptr otherwise.
  const Time* months_closed(const Time& closing) const;

  // 1975年9月,上海派出的首批医疗队抵达摩洛哥: a date whose sentence sends the programme's first
  // team after it (programme_start), the start an undated 半个世纪以来 told later keeps.
  bool sends_first_team(const Time& t) const;

  // The start of the stay of the team a sentence names before `at` (this_team: 本批, 该批): the
  // nearest earlier since phrase (2023年6月起) or arrival (2022年12月抵达) up to `until`; nullptr
  // when the sentence names no such team or none is told.
  const Time* stay_before(const Sentence& sentence, size_t at, std::string_view until) const;

  // Whether `giver` gives and opens the name of a team by its ordinal (上海市第五批援果洛医疗队)
  // in an earlier sentence, for a count whose sentence names no team by its ordinal (队员们还…):
  // the team the count's sentence goes on telling of (not 同期抵达的重庆第九批医疗队共10人).
  bool opens_team_of_paragraph(const Mention* giver, size_t clause) const;

  // Whether `sentence` names a team by its ordinal (第三批医疗队).
  bool names_batch(const Sentence& sentence) const;

  // Whether `visit(at)` holds at a 第 in [begin, end), asked of each in order until one does.
  template <typename Visit>
  bool any_ordinal(size_t begin, size_t end, Visit visit) const {
    constexpr std::string_view kOrdinal = "第";
    std::string_view upto = s_.substr(0, end);  // not a search to the next 第 beyond
    for (size_t at = text::find(upto, kOrdinal, begin); at != upto.npos;
         at = text::find(upto, kOrdinal, at + 1)) {
      if (visit(at)) return true;
    }
    return false;
  }

  // 本批医疗队于2020年5月进疆…。\n援疆专家还…义诊20次: a paragraph that states no time
  // carries on the period of the team whose stay an earlier paragraph tells, for a count of the
  // same giver: the nearest period stated before it (a since, recent or until phrase, a term
  // opening a clause, an arrival), when its paragraph tells of the team's arrival, or an event's
  // days (巡回医疗期间 after 1月15日至18日); nullptr when none, and the report's period applies.
  const Time* carried_period(const Fact& f, const Sentence& sentence) const;
  // The index in times_ of the period carried_period may carry on to `sentence`'s counts, whatever
  // their giver, or kNone.
  size_t read_carried(const Sentence& sentence) const;

  // 本批医疗队于2018年8月出征,39名队员…, 自2022年7月进疆以来: a month's date followed in its
  // sentence by a team's arrival or departure (data/context.tsv: arrives) starts the team's stay.
  bool arrives_after(const Time& t) const;

  // A team's arrival between `from` and `to`: a word of data/context.tsv (arrives: 抵达, 抵藏,
  // 进疆), or 抵 before the first character of a place abroad the report names (抵马 where it
  // names 马拉维, 抵塞 for 塞拉利昂): the abbreviation is open-ended, and 抵 alone opens 抵御,
  // 抵抗.
  bool arrives_in(size_t from, size_t to) const;

  // 2023年2月,…队员抵达博州。援疆期间,医疗队开展…: a later sentence or paragraph tells the work
  // of the stay an arrival in a month (`t`) opened, which runs to the report's date (not a day's
  // send-off: 5月4日…举行出征仪式。该队共20名队员); in an undated report, to an unknown date.
  void run_stay_to_report(Fact& f, const Time& t, const Sentence& sentence) const;

  // 新一批医疗队共有队员18名: a sentence that names the new team (this_team) before the count and
  // states no time is dated by the nearest team's arrival told before it.
  const Time* team_arrival(const Sentence& sentence, size_t at) const;

  // A sentence that states no time but refers to one told before: 同期 (same_period) to the
  // nearest period with a start or an end (截至…); 会上, 签约当天 (at_event, in its paragraph
  // before the count) to the nearest date of a day, when its paragraph states no time before the
  // count. nullptr when it refers to none.
  const Time* referred_period(const Sentence& sentence, size_t at) const;

  // 5月17日,…召开工作总结座谈会。…自2022年2月进驻以来,… \n 会上,院长介绍,…: what a speaker
  // reports (reports: data/context.tsv, in the count's paragraph before it) at a meeting (`event`,
  // a day) reviews the stay its paragraph states the start of after the meeting's date: that start
  // opens the period, which ends at the meeting; not what is done there (会上,…签约). nullptr when
  // none.
  const Time* stay_reviewed_at(const Time& event, const Sentence& sentence, size_t at) const;

  // 累计派驻专家112名(截至去年7月为86名): a date in parentheses that do not hold the count at
  // `at` dates only what they hold (not a team's term: 第九批医疗队(2019年7月—2022年7月)).
  bool aside(const Time& t, size_t at) const;

  // 2023年,…派驻专家156名。\n分县区看,淄博市…19名 (or 截至2023年底,全省…。\n太原市。…, a
  // paragraph a place heads, or an item of a list: listed_under): the clause whose statement the
  // sentence's paragraph breaks down (the last before the sentence), which dates it; kNone when
  // the paragraph breaks down none.
  // (inline: asked per count, read once per sentence)
  size_t broken_down(const Sentence& sentence) const {
    size_t index = r_.clauses[sentence.first_clause].sentence;
    if (memo_.broken_down.empty()) memo_.broken_down.assign(r_.sentences.size(), kUnread);
    size_t& broken = memo_.broken_down[index];
    if (broken == kUnread) broken = read_broken_down(sentence);
    return broken;
  }
  size_t read_broken_down(const Sentence& sentence) const;  // (broken_down's, unkept)

  // 截至2023年底,…累计派出…。其中:\n——援埃塞俄比亚医疗队…\n——援赞比亚医疗队…: the clause
  // whose statement a list's item breaks down (a paragraph that opens with list_item:
  // data/context.tsv, under items only, up to a paragraph that a part word and a colon close): the
  // clause before that word; kNone when block `block` is no such item.
  size_t listed_under(size_t block) const;

  // 截至2023年底,全省…。\n运城市。2022年以来派驻…: a start the count's own clause states (t)
  // in a breakdown runs to the end the broken-down statement states, not to the report's date.
  void end_at_broken_down(Fact& f, const Time& t, const Sentence& sentence) const;

  // …自2019年起派驻专家96名,帮助…,2023年该院完成手术1.6万台: a year that opens a clause after
  // `clause` in its sentence dates the statement it opens, not one told before it.
  bool opens_later_statement(const Time& t, size_t clause) const;

  // Whether a clause of the count's sentence before it, up to its own, opens a period at an
  // event it does not date (上海对口支援迪庆以来,已有150名专家…: undated, data/context.tsv), an
  // event no earlier sentence dates either (自2019年起…帮扶。…帮扶以来; 去年10月签订托管协议。…
  // 托管以来; a team's arrival: that date): the count runs from the programme's unstated beginning,
  // whatever later sentences date.
  // 自1975年以来,…,目前仍有10个医疗分队在摩洛哥工作; 近年来,…建成4个专科中心: a count in a
  // part of its sentence after a clause that opens with a word of the present (present:
  // data/context.tsv), no time phrase, total (累计, 先后: to_now) nor result so far (目前已带教…:
  // so_far) between them, has no start.
  bool tells_present(size_t clause, size_t at) const;

  // Whether `term` is a plan's whole period (十三五: eras()) and the report is dated in its last
  // year or the next.
  bool plan_dated_after(const TimePhrase& term) const;

  // Whether a clause names a team by an ordinal below the one the lead gives the
  // same programme's team (第21批援贝宁医疗队 in a report of the 第22批援贝宁医疗队's send-off):
  // the team before it, whose results it tells.
  // (most reports lead no team of a batch: told inline, the ordinals read out of line)
  bool names_earlier_batch(const Clause& c) const {
    return !lead_batches_.empty() && names_earlier_batch_rest(c);
  }
  bool names_earlier_batch_rest(const Clause& c) const;

  // 上一批医疗队在任期内还培训医护人员300余人次: the counts of the team before this one cover its
  // own term, which a paragraph stating no time leaves undated, not the report's period nor the
  // new team's stay (a clause of the sentence up to the count opens with past_team:
  // data/context.tsv, or names an earlier team's ordinal). Asked only where no time phrase dated
  // the count.
  bool tells_past_team(const Sentence& sentence, size_t clause, size_t at) const;
  static constexpr size_t kUnread = kNone - 1;
  static constexpr int8_t kUnreadFlag = -1;  // (of a flag kept per clause: false 0, true 1)

  bool opens_undated(const Sentence& sentence, size_t clause, size_t at) const;

  // The date a phrase of the sentence before `at` closes its counts at (截至2023年底: until), the
  // last such; nullptr when none.
  const Time* closed_before(const Sentence& sentence, size_t at) const;

  // Where clause `cl` up to `at` opens a period at an event it does not date (以来 after an
  // event: undated in data/context.tsv); kNone when it does not.
  // (most clauses asked of were read and hold none: answered inline)
  size_t undated_opening(size_t cl, size_t at) const {
    if (!memo_.undated_first.empty() && memo_.undated_first[cl] == kNone) return kNone;
    return undated_opening_rest(cl, at);
  }
  size_t undated_opening_rest(size_t cl, size_t at) const;
  // Whether the sentence up to `at` holds any such opening: one search a sentence, kept for its
  // other counts, where undated_opening searches clause by clause (opens_undated and event_dated
  // are asked only where it holds one).
  bool opens_undated_before(const Sentence& sentence, size_t at) const {
    return has_word(r_.clauses[sentence.first_clause].start, at, Role::undated);
  }

  // The event named right before `end`: its last two characters, past a place's name (托管 of
  // 托管以来, 支援 of 对口支援迪庆以来; not a one-character short name: 抵马); empty when the
  // sentence has none.
  std::string_view event_before(const Sentence& sentence, size_t end) const;

  // 第9批医疗队于2023年6月抵马,…。自抵马以来,…: the date an earlier sentence (the latest) tells
  // right before the same event, of a period a clause of the count's sentence up to it opens at
  // an event it does not date (undated: data/context.tsv); nullptr when none.
  const Time* event_dated(const Sentence& sentence, size_t clause, size_t at) const;

  // Whether the event named right before `end` (托管 of 托管以来, 支援 of 对口支援迪庆以来: past a
  // place's name, not a one-character short name: 抵塞) is told in an earlier sentence that
  // states a date, or the sentence before of its paragraph states one (闽宁协作始于1996年。
  // 自闽宁对口协作启动以来).
  bool dated_before(const Sentence& sentence, size_t end) const;

  // 医疗队在科纳克里工作两年,诊治患者…: a count's sentence that states before it the length its
  // team served (serves: data/context.tsv) counts that length back from the report's date, not
  // the period of the programme told before. False when it states none or the report no date.
  bool served_in(Fact& f, const Sentence& sentence, size_t at) const;

  // Whether clause `clause` names a receiving place outside the fact's `to` (another
  // receiver's statement).
  bool names_other_receiver(size_t clause, const Fact& f) const;

  // The phrase the period comes from (nullptr: the report's date, or none).
  const Time* period_of(Fact& f, size_t clause, size_t at) const;

  std::string_view s_;
  const Document& doc_;
  const Reading& r_;
  size_t lead_end_ = 0, period_end_ = 0;
  bool province_team_abroad_ = false;  // the lead's giver: a province's team abroad, over a city
                                       // of the province that leads it
  std::vector<std::pair<size_t, size_t>> table_rows_;  // the spans of a table's rows, in order
  std::vector<Mention> places_;
  std::vector<Time> times_;
  EraEnds era_ends_;  // read_times: where find_times saw the words after an era (以来, 期间)
  // Of each clause and the end: the index of the first place (time) of that clause or a later
  // one, for mentions_of and times_of (asked several times per count) without a search.
  std::vector<uint32_t> first_place_of_clause_, first_time_of_clause_;
  struct Start {
    size_t time;            // in times_
    const Place* receiver;  // named after it in its clause
    size_t sentence;
    bool aside;  // in parentheses after its receiver: not every programme's, no earliest one
  };
  std::vector<Start> starts_;       // of sentences that state several programmes' starts
  std::vector<Start> year_starts_;  // bare years that start several receivers' programmes
  std::string report_date_;
  bool undatable_ = false;  // no report date, nor any date but programmes' starts to count from
  const Place* from_ = nullptr;
  const Place* to_ = nullptr;
  const Place* publisher_ = nullptr;  // of the institution that published the report
  bool publisher_in_title_ = false;   // found in the title only (the title may name two)
  const Place* own_ = nullptr;  // a county of the page's metadata (来源:平川县融媒体中心)
  // the report receives in its giver's own area: a county's townships (全县, 我县), a city's
  // counties (南阳市…向淅川县、西峡县派驻)
  bool own_area_ = false;
  const Mention* from_mention_ = nullptr;
  const Mention* to_mention_ = nullptr;
  const Time* period_ = nullptr;
  const Place* body_area_ = nullptr;  // of the government body that published the report
  Time titled_;  // the year a year's summary states in its title (year_report); since "": none
  const Place* period_giver_ = nullptr;  // the giver of the statement the period comes from
  bool lead_batch_ = false;              // the lead names one team by its ordinal (第三批)
  std::vector<Batch> lead_batches_;      // the teams the lead names by their ordinals
  // Answers worked out when first asked, and scratch space: the only state that changes while
  // a const Resolver reads counts (a Resolver serves one document on one thread).
  struct Memo {
    explicit Memo(std::string_view text) : searches(text) {}
    std::vector<const Mention*> places_scratch;  // places_in's list
    WordSearches searches;                       // has_word's
    const Block* last_asked_block = nullptr;     // block_holding's last
    const Block* last_read_block = nullptr;      // has_word's last, how far it is read, and the
    size_t last_read_to = 0;                     // roles of kAskedPerCount it holds no word of
    uint64_t last_absent = 0;                    // there
    // has_word's words of the blocks read (kAskedPerCount), and of each block: where its words
    // are in them, the bits of their roles, and how far it is read (0: unread)
    std::vector<RoleSet::Found> block_words;
    struct BlockWords {
      size_t first = 0, end = 0;
      uint64_t roles = 0;
      size_t read_to = 0;
    };
    std::vector<BlockWords> words_of_block;
    // within_whole(), once asked
    std::optional<bool> within_whole;
    // bodies()' lists by role (a reference to one lasts until another role is first asked)
    std::vector<std::pair<Role, std::vector<const Place*>>> bodies;
    std::optional<bool> says_own;                                // says_own(), once asked
    std::array<std::optional<const Place*>, 3> own_areas;        // own_area_of's, by level
    std::optional<std::vector<std::pair<size_t, size_t>>> yuan;  // yuan_in_body(), once
    // of each clause: its part (part_of), its first clause << 32 | its end, or 0 until its
    // sentence is read (a number, not a pair: the vector is zeroed for each document, a memset)
    std::vector<uint64_t> parts;
    // of each sentence: the first clause that opens with a part word, kNone, or kUnread
    std::vector<size_t> part_clause;
    // of each sentence: the first clause that opens with a past_team word, kNone, or kUnread
    std::vector<size_t> past_team_clause;
    // of each sentence: broken_down's clause, kNone, or kUnread
    std::vector<size_t> broken_down;
    // of each clause, or kUnreadFlag: whether it opens with a present word (tells_present)
    std::vector<int8_t> opens_present;
    // of each clause: where its first undated word stands (undated_opening), kNone, or kUnread
    std::vector<size_t> undated_first;
    // of each clause: the clause after it that opens a part (part_after), kNone, or kUnread
    std::vector<size_t> parts_after;
    // of each time: the nearest at or before it that carried_period may carry on, kNone, or
    // unread (empty)
    std::vector<size_t> carried_before;
    // of each time: the period set_period gives the counts it dates, once asked
    struct Period {
      std::string since, until;
      Span since_span, until_span;
    };
    std::vector<std::optional<Period>> periods;
    // of each sentence: the time carried_period may carry on to its counts (an index of
    // times_, before the giver is compared), kNone, or kUnread
    std::vector<size_t> carried_of_sentence;
    // of each block: the place that heads it (place_heading), once asked
    std::vector<std::optional<const Mention*>> block_headings;
    // resolve_to's last receiver_of_clause, for the next count of the same clause and giver
    struct ClauseReceiver {
      size_t clause = kNone;
      const Place* giver = nullptr;
      bool many_givers = false;
      Receiver receiver;
    };
    ClauseReceiver last_receiver;
    // resolve's last giver_of, for the next count of the same clause (kNone: by position)
    struct ClauseGiver {
      size_t clause = kNone;
      Giver giver;
    };
    ClauseGiver last_giver;
    std::pair<const Place*, std::string_view> last_told;  // place_told's, its province
    // scopes_of's last clause and its scopes (giver_of and receiver_of_clause ask of each clause)
    std::pair<size_t, Scopes> last_scopes{kNone, {}};
    // earlier_sentences' last sentence and the first sentence it draws on
    std::pair<size_t, size_t> last_earlier{kNone, 0};
  };
  mutable Memo memo_{s_};
};

}  // namespace zhreport::facts_detail::context
