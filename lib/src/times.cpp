#include "zhreport/times.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <span>

#include "document_text.h"
#include "three_byte_stops.h"
#include "times_internal.h"

namespace zhreport {
namespace embedded {
extern const std::string_view times_tsv;
}  // namespace embedded

namespace {

using text::code_point_at;
using text::next_char;

enum class Role {
  after_end,
  after_start,
  announce,
  lately,
  now,
  nth_year_after,
  part,
  recent,
  relative,
  since,
  since_after,
  to,
  unit,
  until,
  until_after,
  within_after,
  year_of
};

struct Word {
  Role role;
  int value = 0;                        // relative: years to add; unit: its length in `per`
  char per = 0;                         // unit: 'y' years, 'm' months, 'd' days
  int first_month = 0, last_month = 0;  // part
};

constexpr std::pair<std::string_view, Role> kRoleNames[] = {
    {"after_end", Role::after_end},
    {"after_start", Role::after_start},
    {"announce", Role::announce},
    {"lately", Role::lately},
    {"now", Role::now},
    {"nth_year_after", Role::nth_year_after},
    {"part", Role::part},
    {"recent", Role::recent},
    {"relative", Role::relative},
    {"since", Role::since},
    {"since_after", Role::since_after},
    {"to", Role::to},
    {"unit", Role::unit},
    {"until", Role::until},
    {"until_after", Role::until_after},
    {"within_after", Role::within_after},
    {"year_of", Role::year_of}};

// The roles of the words a time phrase may open with (截至, 自, 近, 今年, 上年…).
bool opens_phrase(Role r) {
  return r == Role::until || r == Role::since || r == Role::recent || r == Role::relative ||
         r == Role::lately || r == Role::part;  // (上半年 alone: read_date)
}

// Of those, the roles of the words read_phrase reads a date, a duration or a word after (截至,
// 自, 近): a phrase only where the character after them may start one.
bool opens_more(Role r) { return r == Role::until || r == Role::since || r == Role::recent; }

constexpr std::string_view kOrdinal = "第";  // of 第N个年头

// What a length of days or weeks is read before only (十天来, 两周以来: read_duration).
constexpr std::string_view kDaysBefore[] = {"来", "以来"};

// data/times.tsv by first character, longest first.
struct Lexicon {
  text::CharIndex<Word> words;
  std::bitset<0x10000> first_chars;       // of the words a phrase may start with, digits, numerals
  std::bitset<0x10000> word_first_chars;  // of the words alone
  text::ThreeByteStops stops;  // the same, for find_times' scan past the other characters
  // The first characters of each role's words: word_at is asked for one role at most characters
  // a phrase may start with (一, 2, 自…), and most start no word of it.
  std::array<std::bitset<0x10000>, std::size(kRoleNames)> role_first_chars;
  // The Chinese numerals of a year or a length (a year written out takes the circle too, 二○一九;
  // a length opening with 百, 百年来, is not read), as bits: may_start_phrase asks at most
  // characters find_times stops at.
  static constexpr std::u32string_view kNumerals = U"〇○零一二三四五六七八九十两";
  std::bitset<0x10000> numerals;
  bool is_numeral(char32_t c) const { return c < 0x10000 && numerals.test(c); }
  // The pairs of a character a phrase may start with and the character after it: a word's first
  // two (上年, 截至), a numeral and a numeral or a unit (十年, 二〇, 一 年), 半年, and a word of
  // one character (自, 近) and any that may start what follows it (自2019年, 近三年, 从上年, 自
  // 5月). Most characters find_times stops at are none of these (上海, 下沉, 一支, 第六, 自身).
  text::ThreeBytePairs pairs;
  // What may follow a number that a phrase holds (may_start_phrase): a unit of data/times.tsv
  // (N年, N个月), one of days before kDaysBefore (十天来), 余 before a unit of years (60余年来),
  // 多 (二十多年来), 月 (a month) and the words of nth_year_after (第N个年头). A number followed by
  // none starts no phrase (一支, 十分, 两种, 一个, 一天, 一周年).
  std::vector<std::string> after_number;
  std::bitset<0x10000> unit_first_chars;  // of after_number
  // Of after_number's words, those of one character (年, 月, 多): a number before one needs no
  // comparison of the others (may_start_phrase's unit_follows, after most numbers it lets by).
  std::bitset<0x10000> unit_alone_chars;
  // after_number's words by their first character, for unit_follows to compare only those (a
  // number before 个 or 余, 一个 and 10余 of most reports, compared all). (The value is unused.)
  text::CharIndex<bool> after_number_by_first;
  // The characters that may follow a run of digits where may_start_phrase lets it through: a
  // blank, a date's separator (- . /), a word of role `to` (2019至2021年, 1-9月) or of
  // after_number (年, 月, 个月…). find_times asks this of each run (most are counts: 120名, 3.5%)
  // before may_start_phrase's tests of each.
  std::bitset<0x10000> after_digits;
  // The words of EraEnds (times_internal.h): kEraSince and those of role era_span; find_times'
  // scan stops at their first characters too.
  std::vector<std::string_view> era_spans;
  std::bitset<0x10000> era_end_first_chars;
  // The characters that may follow a word of opens_more: a phrase's first characters (a date, a
  // duration, 连日来), a word of role now (截至目前), a blank before a month (自 5月).
  std::bitset<0x10000> after_opening;
  Lexicon() {
    std::vector<std::pair<std::string_view, Word>> rows;
    for (const auto& row : text::tsv_rows(embedded::times_tsv)) {
      if (row.size() >= 2 && row[1] == "era_span") era_spans.push_back(row[0]);
      if (row.size() < 3) continue;
      Word w{};
      bool known = false;
      for (const auto& [name, role] : kRoleNames) {
        if (row[1] == name) w.role = role, known = true;
      }
      if (!known) continue;
      std::string value(row[2]);
      if (w.role == Role::part) {
        std::sscanf(value.c_str(), "%d-%d", &w.first_month, &w.last_month);
      } else if (w.role == Role::unit) {
        if (std::sscanf(value.c_str(), "%d%c", &w.value, &w.per) != 2) continue;
      } else {
        w.value = std::atoi(value.c_str());
      }
      rows.emplace_back(row[0], w);
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    // the characters a phrase starts with; words of one of them (opens_more); words of now
    std::u32string starts, alone, starts_of_now;
    for (const auto& [word, w] : rows) {
      words.add(word, w);
      char32_t first = code_point_at(word, 0);
      role_first_chars[static_cast<size_t>(w.role)].set(first & 0xFFFF);
      if (w.role == Role::to && first >= 0x4E00) joiners.push_back(word);
      if (w.role == Role::announce) announcers.push_back(word);
      if (opens_phrase(w.role)) starts += first;
      // (a phrase at 第 is 第N个年头 alone, found at its number: 第一季度 opens none, its part
      // of the year is read after a year, 2023年第一季度, or from its numeral)
      if (opens_phrase(w.role) && !word.starts_with(kOrdinal)) {
        first_chars.set(first & 0xFFFF);
        word_first_chars.set(first & 0xFFFF);
        stops.add(first);
        if (next_char(word, 0) == word.size() && opens_more(w.role)) {
          alone += first;
        } else {
          pairs.add_start(word);
        }
      }
      if (w.role == Role::now) starts_of_now += first;
    }
    // (shortest first: 年 and 月 follow most numbers that do)
    after_number = {"月", "多"};
    for (auto row = rows.rbegin(); row != rows.rend(); ++row) {
      const auto& [word, w] = *row;
      std::string unit(word);
      if (w.role == Role::unit && w.per != 'd') after_number.push_back(unit);
      if (w.role == Role::unit && w.per == 'y') after_number.push_back("余" + unit);
      if (w.role == Role::nth_year_after) after_number.push_back(unit);
      if (w.role != Role::unit || w.per != 'd') continue;
      for (std::string_view before : kDaysBefore)
        after_number.push_back(unit + std::string(before));
    }
    for (std::string_view end : era_spans) add_era_end(end);
    add_era_end(kEraSince);
    // A phrase starts with a digit, a Chinese numeral (二〇一九年, 十年来, 半年来) or a word that
    // may stand first (截至, 自, 近, 今年…).
    for (char32_t c = U'0'; c <= U'9'; ++c) first_chars.set(c), starts += c;
    for (char32_t c : kNumerals) numerals.set(c);
    for (std::u32string_view numbers : {kNumerals, std::u32string_view(U"半")}) {
      for (char32_t c : numbers) {
        first_chars.set(c);
        stops.add(c);
        starts += c;
      }
    }
    for (std::u32string_view after :
         {std::u32string_view(starts), std::u32string_view(starts_of_now),
          std::u32string_view(U" ")}) {
      for (char32_t c : after) after_opening.set(c & 0xFFFF);
    }
    // (may_start_phrase: after a word of one character, after_opening; after a numeral, a
    // numeral or a unit, past blanks; after 半, 年)
    for (char32_t c : alone) {
      for (char32_t next : starts + starts_of_now) pairs.add(c, next);
      pairs.add(c, U' ');
    }
    for (char32_t c : kNumerals) {
      for (char32_t next : kNumerals) pairs.add(c, next);
      for (std::string_view unit : after_number) pairs.add(c, code_point_at(unit, 0));
      pairs.add(c, U' ');
    }
    pairs.add(U'半', U'年');
    for (std::string_view unit : after_number) {
      unit_first_chars.set(code_point_at(unit, 0));
      if (next_char(unit, 0) == unit.size()) unit_alone_chars.set(code_point_at(unit, 0));
      after_number_by_first.add(unit, true);
    }
    after_digits = unit_first_chars | role_first_chars[static_cast<size_t>(Role::to)];
    for (char c : {' ', '-', '.', '/'}) after_digits.set(static_cast<unsigned char>(c));
    // (the ASCII that starts no phrase nor word of EraEnds: letters, punctuation, blanks)
    stops.pass_ascii([&](char c) {
      auto u = static_cast<unsigned char>(c);
      return !starts_phrase(u) && !era_end_first_chars.test(u);
    });
  }
  void add_era_end(std::string_view word) {
    if (word.empty()) return;
    char32_t first = code_point_at(word, 0);
    era_end_first_chars.set(first & 0xFFFF);
    stops.add(first);
    pairs.add_start(word);
  }
  // Notes in `ends` the words of EraEnds that start at `pos`.
  void note_era_ends(std::string_view s, size_t pos, EraEnds& ends) const {
    std::string_view rest = s.substr(pos);
    if (text::starts_with(rest, kEraSince)) ends.since.push_back(pos);
    if (std::any_of(era_spans.begin(), era_spans.end(),
                    [&](std::string_view w) { return text::starts_with(rest, w); })) {
      ends.spans.push_back(pos);
    }
  }
  bool starts_phrase(char32_t c) const { return first_chars.test(c & 0xFFFF); }
  // Whether a word that closes a duration (来, 以来, 里…: since_after, within_after) may start at
  // `pos`; read_duration tells which.
  bool may_close_duration(std::string_view s, size_t pos) const {
    if (pos >= s.size()) return false;
    char32_t c = code_point_at(s, pos) & 0xFFFF;
    return role_first_chars[static_cast<size_t>(Role::since_after)].test(c) ||
           role_first_chars[static_cast<size_t>(Role::within_after)].test(c);
  }
  // Whether `before` ends with a word of role `to` that is a word (至, 到), not a dash: a date
  // after it that starts no range of its own ends a period.
  bool ends_with_joiner(std::string_view before) const { return ends_with_any(before, joiners); }
  std::vector<std::string_view> joiners;  // the words of role `to` that are ideographs
  // Whether `before` ends with a word of role `announce` (将于…): a month after it is to come.
  bool ends_with_announcer(std::string_view before) const {
    return ends_with_any(before, announcers);
  }
  std::vector<std::string_view> announcers;
  static bool ends_with_any(std::string_view before, const std::vector<std::string_view>& words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view w) { return before.ends_with(w); });
  }
  // The longest word with `role` at `pos`: its length in bytes, 0 when none. Most positions
  // asked start no word of the role: they are told here, the words compared in word_of.
  size_t word_at(std::string_view s, size_t pos, Role role, const Word** found = nullptr) const {
    if (pos >= s.size()) return 0;
    char32_t first = code_point_at(s, pos);
    if (!role_first_chars[static_cast<size_t>(role)].test(first & 0xFFFF)) return 0;
    return word_of(s, pos, first, role, found);
  }
  size_t word_of(std::string_view s, size_t pos, char32_t first, Role role,
                 const Word** found) const;
  // A word of role `now` at `pos` (今, 至今, 目前): its length, 0 when none or when a year named
  // from the report's date starts inside it and runs past it (至今年10月 is 至 and 今年10月).
  size_t now_at(std::string_view s, size_t pos) const {
    size_t n = word_at(s, pos, Role::now);
    for (size_t q = pos; n && q < pos + n; q = next_char(s, q)) {
      if (size_t r = word_at(s, q, Role::relative); r && q + r > pos + n) n = 0;
    }
    return n;
  }
};

// word_at's words of `role` that `first`, the character at `pos`, opens.
size_t Lexicon::word_of(std::string_view s, size_t pos, char32_t first, Role role,
                        const Word** found) const {
  const auto* candidates = words.find(first);
  if (!candidates) return 0;
  for (const auto& [word, w] : *candidates) {
    if (w.role == role && text::starts_with(s.substr(pos), word)) {
      if (found) *found = &w;
      return word.size();
    }
  }
  return 0;
}

const Lexicon& lexicon() {
  static const Lexicon lex;
  return lex;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether `word` stands at s[pos] (pos <= s.size()), its bytes compared here: asked after most
// numbers of a text, where a call to memcmp cost more than the comparison.
bool stands_at(std::string_view s, size_t pos, std::string_view word) {
  if (s.size() - pos < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (s[pos + i] != word[i]) return false;
  }
  return true;
}

// The value of a Chinese digit (〇 ○ 零 一 … 九, 两), or -1. (A switch: asked of most numerals
// read_length reads, where a search of the ten digits cost a loop each.)
int chinese_digit(char32_t c) {
  switch (c) {
    case U'〇':
    case U'○':
    case U'零':
      return 0;
    case U'一':
      return 1;
    case U'二':
    case U'两':
      return 2;
    case U'三':
      return 3;
    case U'四':
      return 4;
    case U'五':
      return 5;
    case U'六':
      return 6;
    case U'七':
      return 7;
    case U'八':
      return 8;
    case U'九':
      return 9;
    default:
      return -1;
  }
}

// A small number at `pos`: ASCII digits (at most `max_digits`) or a Chinese numeral below 100
// (三, 十, 十二, 二十五). Sets `end`; -1 when there is none.
int small_number(std::string_view s, size_t pos, size_t max_digits, size_t& end) {
  size_t p = pos;
  int value = 0;
  while (p < s.size() && is_digit(s[p]) && p - pos < max_digits + 1)
    value = value * 10 + (s[p++] - '0');
  if (p > pos) {
    if (p - pos > max_digits || (p < s.size() && is_digit(s[p]))) return -1;
    end = p;
    return value;
  }
  int tens = 0, units = -1;
  char32_t c = p < s.size() ? code_point_at(s, p) : 0;  // (each character decoded once)
  if (p < s.size() && c != U'十') {
    units = chinese_digit(c);
    if (units <= 0) return -1;
    p = next_char(s, p);
    c = p < s.size() ? code_point_at(s, p) : 0;
  }
  if (p < s.size() && c == U'十') {
    tens = units < 0 ? 1 : units;
    units = 0;
    p = next_char(s, p);
    int more = p < s.size() ? chinese_digit(code_point_at(s, p)) : -1;
    if (more > 0) units = more, p = next_char(s, p);
  }
  if (units < 0) return -1;
  end = p;
  return tens * 10 + units;
}

// A date as stated: year, a month range (a month, a part of the year) and a day; 0 = not stated.
struct Date {
  int year = 0;
  int first_month = 0, last_month = 0;
  int day = 0;
  size_t start = 0, end = 0;
  bool bare_year = false;  // four digits without 年 (only as the first year of a range)
};

std::string iso(int year, int month, int day) {
  if (year <= 0) return {};
  if (month == 0) return fmt::format("{:04d}", year);
  if (day == 0) return fmt::format("{:04d}-{:02d}", year, month);
  return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}
std::string first_of(const Date& d) { return iso(d.year, d.first_month, d.day); }
std::string last_of(const Date& d) { return iso(d.year, d.last_month, d.day); }

// The numbers of an ISO date (2024-08-09, 2024-08, 2024) into `parts` in order, as far as they
// are read: how many. (std::sscanf's "%d-%d-%d" cost ~500 instructions, once per report.)
size_t read_iso(std::string_view iso, std::span<int> parts) {
  const char* p = iso.data();
  const char* end = p + iso.size();
  size_t read = 0;
  for (; read < parts.size(); ++read) {
    if (read > 0 && (p == end || *p++ != '-')) break;
    auto [next, error] = std::from_chars(p, end, parts[read]);
    if (error != std::errc()) break;
    p = next;
  }
  return read;
}

// The report's date, split.
struct Today {
  int year = 0, month = 0, day = 0;
  std::string iso;
  explicit Today(std::string_view date) : iso(date) {
    int parts[3] = {0, 0, 0};
    read_iso(iso, parts);
    year = parts[0], month = parts[1], day = parts[2];
    if (year < 1900 || year > 2100) *this = Today();
  }
  Today() = default;
};

// An undated report's narrative so far: the latest date with a month it stated (2024年1月), whose
// year a later month without one takes (the next year's where the month is earlier: 2023年11月
// 抵达…3月2日); a year alone (自1985年起, a programme's start) dates no narrative.
struct Narrated {
  int year = 0, month = 0;
  void note(const std::string& iso) {
    int parts[2] = {0, 0};
    if (iso.size() < 7 || read_iso(iso, parts) != 2) return;
    if (parts[0] > year || (parts[0] == year && parts[1] > month))
      year = parts[0], month = parts[1];
  }
  int year_of(int month_stated) const {
    return year == 0 ? 0 : year + (month_stated < month ? 1 : 0);
  }
};

bool valid_year(int y) { return y >= 1949 && y <= 2100; }

// A four-digit year at `pos`, ASCII or Chinese digits (二〇一九); sets `end`.
int year_at(std::string_view s, size_t pos, size_t& end) {
  if (pos < s.size() && is_digit(s[pos])) {
    if (pos > 0 && is_digit(s[pos - 1])) return 0;
    size_t p = pos;
    int y = 0;
    while (p < s.size() && is_digit(s[p]) && p - pos < 5) y = y * 10 + (s[p++] - '0');
    if (p - pos != 4 || !valid_year(y)) return 0;
    end = p;
    return y;
  }
  size_t p = pos;
  int y = 0;
  for (int i = 0; i < 4; ++i) {
    if (p >= s.size()) return 0;
    int d = chinese_digit(code_point_at(s, p));
    if (d < 0) return 0;
    y = y * 10 + d;
    p = next_char(s, p);
  }
  if (!valid_year(y)) return 0;
  end = p;
  return y;
}

// Past the blanks that some pages put between a date's parts (2016 年4 月23 日).
size_t past_blanks(std::string_view s, size_t p) {
  while (p < s.size() && s[p] == ' ') ++p;
  return p;
}

// N至M月 (N-M月) at `end`, past a month's number N: the last month M, moving `end` past M to 月;
// 0 when no later month of the year follows.
int last_month_of_range(std::string_view s, int first, size_t& end) {
  size_t joiner = lexicon().word_at(s, end, Role::to), last_end = 0;
  int last = joiner ? small_number(s, end + joiner, 2, last_end) : -1;
  if (last <= first || last > 12 || !stands_at(s, last_end, "月")) return 0;
  end = last_end;
  return last;
}

// M月[D日|号] at `p`, or a range of months N至M月 (1至10月, 1-9月): fills `d` and moves `p` past
// it.
bool read_month_day(std::string_view s, size_t& p, Date& d) {
  size_t end = 0;
  int month = small_number(s, past_blanks(s, p), 2, end);
  end = past_blanks(s, end);
  int last = month >= 1 && !stands_at(s, end, "月") ? last_month_of_range(s, month, end) : 0;
  if (last) {
    p = end + 3;
    d.first_month = month, d.last_month = last;
    return true;
  }
  if (month < 1 || month > 12 || !stands_at(s, end, "月")) return false;
  if (stands_at(s, end + 3, "份")) end += 3;
  p = end + 3;
  d.first_month = d.last_month = month;
  size_t day_end = 0;
  int day = small_number(s, past_blanks(s, p), 2, day_end);
  day_end = day > 0 ? past_blanks(s, day_end) : day_end;
  if (day >= 1 && day <= 31 && (stands_at(s, day_end, "日") || stands_at(s, day_end, "号"))) {
    d.day = day;
    p = day_end + 3;
  }
  return true;
}

// Whether a word that ends a date at `pos` (初 of 2020年初) stands alone: no ideograph follows
// it but a time word (至, 以来, 至今), unlike 初步 or 初见成效.
bool ends_date_alone(std::string_view s, size_t pos) {
  const Lexicon& lex = lexicon();
  char32_t next = pos < s.size() ? code_point_at(s, pos) : 0;
  return next < 0x3400 || next > 0x9FFF || lex.word_at(s, pos, Role::to) ||
         lex.word_at(s, pos, Role::since_after) || lex.word_at(s, pos, Role::now);
}

// After a year: 年底, 年初, 上半年, 年度 and the like.
void read_year_suffix(std::string_view s, size_t& p, Date& d) {
  const Lexicon& lex = lexicon();
  const Word* w = nullptr;
  if (size_t n = lex.word_at(s, p, Role::after_end)) {
    if (d.first_month == 0) d.first_month = d.last_month = 12;
    p += n;
  } else if (d.first_month == 0 && (n = lex.word_at(s, p, Role::after_start, &w)) &&
             ends_date_alone(s, p + n)) {
    d.first_month = d.last_month = w->value;
    p += n;
  } else if (d.first_month == 0 && (n = lex.word_at(s, p, Role::part, &w))) {
    d.first_month = w->first_month;
    d.last_month = w->last_month;
    p += n;
  }
}

// A date at `pos`: 2022年[M月[D日]][底], 二〇一九年, 2024-08-06, 今年/去年…, M月D日 (the year
// `default_year`, else the report's, else the narrative's; 0 when unknown). nullopt when none
// starts there.
std::optional<Date> read_date(std::string_view s, size_t pos, int default_year, const Today& today,
                              const Narrated& narrated = {}) {
  const Lexicon& lex = lexicon();
  Date d;
  d.start = pos;
  size_t p = pos, end = 0;
  const Word* w = nullptr;
  if (size_t n = lex.word_at(s, pos, Role::relative, &w)) {
    d.year = today.year ? today.year + w->value : -1;
    p = pos + n;
    if (stands_at(s, p, "度")) p += 3;  // 本年度
    size_t q = p;
    Date md;
    if (read_month_day(s, q, md)) {
      d.first_month = md.first_month, d.last_month = md.last_month, d.day = md.day;
      p = q;
    }
    read_year_suffix(s, p, d);
  } else if (int year = year_at(s, pos, end)) {
    d.year = year;
    p = end;
    if (stands_at(s, past_blanks(s, p), "年")) p = past_blanks(s, p);
    char sep = p < s.size() ? s[p] : 0;
    if (size_t n = lex.word_at(s, p, Role::year_of)) {
      p += n;
    } else if (stands_at(s, p, "年")) {
      p += 3;
      size_t q = p;
      Date md;
      if (read_month_day(s, q, md)) {
        d.first_month = md.first_month, d.last_month = md.last_month, d.day = md.day;
        p = q;
      }
      read_year_suffix(s, p, d);
    } else if (sep == '-' || sep == '.' || sep == '/') {
      size_t q = p + 1, month_end = 0, day_end = 0;
      int month = small_number(s, q, 2, month_end);
      if (month >= 1 && month <= 12 && month_end < s.size() && s[month_end] == sep) {
        int day = small_number(s, month_end + 1, 2, day_end);
        if (day >= 1 && day <= 31) {
          d.first_month = d.last_month = month;
          d.day = day;
          p = day_end;
        }
      }
      if (d.day == 0) d.bare_year = true;  // 2019-2021年: a range's first year, or nothing
    } else {
      d.bare_year = true;
    }
  } else {
    if (pos > 0 && is_digit(s[pos - 1])) return std::nullopt;
    // 上半年共完成远程会诊2600余例: a part of the year alone is of the year a month would be
    if (!read_month_day(s, p, d)) {
      size_t n = lex.word_at(s, p, Role::part, &w);
      if (n == 0) return std::nullopt;
      d.first_month = w->first_month, d.last_month = w->last_month;
      p += n;
    }
    d.year = default_year;
    if (d.year == 0 && today.year) {
      d.year = today.year;
      // a month later than the report's is last year's (a report of January on December),
      // unless the report announces it (援乍得队员9名将于10月出发: this year's)
      bool later = d.last_month > today.month ||
                   (d.first_month == today.month && d.day > today.day && today.day > 0);
      if (later && !lexicon().ends_with_announcer(s.substr(0, pos))) --d.year;
    }
    if (d.year == 0) d.year = narrated.year_of(d.first_month);
    if (d.year == 0) d.year = -1;
  }
  d.end = p;
  return d;
}

// 1月15日至18日: the day that ends a range of days of `first`'s month; nullopt when none.
std::optional<Date> day_after(std::string_view s, size_t pos, const Date& first) {
  size_t end = 0;
  int day = first.day ? small_number(s, pos, 2, end) : -1;
  if (day <= first.day || day > 31) return std::nullopt;
  if (!stands_at(s, end, "日") && !stands_at(s, end, "号")) return std::nullopt;
  Date d = first;
  d.day = day;
  d.start = pos;
  d.end = end + 3;
  return d;
}

// 多 or 余 after a duration's number or unit (二十多年来, 60余年来): its length in bytes, else 0.
size_t more_mark(std::string_view s, size_t pos) {
  return stands_at(s, pos, "多") || stands_at(s, pos, "余") ? 3 : 0;
}

// The first day of the last `days` days up to `today` (a length of days counts its last day
// too: 十天来 on 09-12 runs from 09-03); its month only when `today` has no day (counted from
// the month's first).
std::string first_of_last_days(const Today& today, int days) {
  namespace chrono = std::chrono;
  chrono::sys_days last{chrono::year{today.year} / today.month / (today.day ? today.day : 1)};
  chrono::year_month_day first{last - chrono::days{days - 1}};
  return iso(static_cast<int>(first.year()), static_cast<int>(static_cast<unsigned>(first.month())),
             today.day ? static_cast<int>(static_cast<unsigned>(first.day())) : 0);
}

// A length of time at `pos`: a number (up to three digits, a Chinese numeral below 100), 多 or 余,
// a unit of data/times.tsv and after one of years 半 (一年半), 多 or 余 (一年多); what
// read_duration reads before the word that closes a duration (来).
struct Length {
  int number = 0;
  const Word* unit = nullptr;
  bool half = false;
  size_t end = 0;
};

std::optional<Length> read_length(std::string_view s, size_t pos) {
  Length l;
  size_t end = 0;
  l.number = small_number(s, pos, 3, end);
  if (l.number <= 0) return std::nullopt;
  end += more_mark(s, end);
  size_t unit_size = lexicon().word_at(s, end, Role::unit, &l.unit);
  if (!unit_size) return std::nullopt;
  end += unit_size;
  if (l.unit->per == 'y') {
    l.half = stands_at(s, end, "半");
    end += l.half ? 3 : more_mark(s, end);
  }
  l.end = end;
  return l;
}

// N年来, N个多月以来, 半年来 (with `recent_prefix`, 近N年 and 过去N个月 need no 来): the period
// of the last N years or months, until `today`; 第N个年头 (nth_year_after), the Nth year up to
// `today`. Its start is `pos`, or the 第 before it.
std::optional<TimePhrase> read_duration(std::string_view s, size_t pos, bool recent_prefix,
                                        const Today& today) {
  const Lexicon& lex = lexicon();
  size_t p = pos;
  int years = 0, months = 0, days = 0;
  if (s.substr(0, pos).ends_with(kOrdinal)) {  // 已进入第七个年头: since the year six years back
    size_t end = 0;
    int n = small_number(s, p, 3, end);
    size_t suffix = n > 0 ? lex.word_at(s, end, Role::nth_year_after) : 0;
    if (!suffix) return std::nullopt;
    TimePhrase t;
    t.kind = TimeKind::recent;
    t.start = pos - kOrdinal.size();
    t.end = end + suffix;
    if (today.year) t.since = iso(today.year - (n - 1), 0, 0), t.until = today.iso;
    return t;
  }
  if (stands_at(s, p, "半")) {
    p += 3;
    if (!stands_at(s, p, "年")) return std::nullopt;
    months = 6;
    p += 3;
  } else {
    auto length = read_length(s, p);
    if (!length) return std::nullopt;
    p = length->end;
    const int n = length->number;
    const Word* unit = length->unit;
    if (unit->per == 'y') {
      years = n * unit->value;
      if (length->half) months = years * 12 + 6, years = 0;  // 一年半来: the last 18 months
    } else if (unit->per == 'm') {
      months = n * unit->value;
    } else {
      // 到岗两周以来, 十天来: only before 来 or 以来 (三天里, 10天间 may be a stay's length
      // told after its date; 5天起 a term)
      days = n * unit->value;
      if (std::none_of(std::begin(kDaysBefore), std::end(kDaysBefore),
                       [&](std::string_view w) { return s.substr(p).starts_with(w); })) {
        return std::nullopt;
      }
    }
  }
  size_t suffix = lex.word_at(s, p, Role::since_after);
  if (suffix && s.substr(p, suffix) == "起") suffix = 0;  // 3年起 is a term, not a period
  if (!suffix) suffix = lex.word_at(s, p, Role::within_after);
  if (!suffix && !recent_prefix) return std::nullopt;
  TimePhrase t;
  t.kind = TimeKind::recent;
  t.start = pos;
  t.end = p + suffix;
  if (today.year) {
    t.until = today.iso;
    if (years) {
      t.since = iso(today.year - years, 0, 0);
    } else if (days) {
      t.since = today.month ? first_of_last_days(today, days) : iso(today.year, 0, 0);
    } else if (today.month) {
      int total = today.year * 12 + (today.month - 1) - months;
      t.since = iso(total / 12, total % 12 + 1, 0);
    } else {
      t.since = iso(today.year - (months + 11) / 12, 0, 0);
    }
  }
  return t;
}

// Whether read_phrase may find a phrase at `pos`, a character that starts_phrase. At a word's
// first character (上, 前, 最…) that is no number it finds one only where such a word stands
// (上年, not 上海). At a digit or a Chinese numeral it reads only a duration (N年来, 半年来,
// N个月以来), a year (2019年, 二〇一九年) or a month (N月), all of which need 年, 月, 多 or 个
// after the number, or four digits of a year, and a duration a word that closes it (来, 里): most
// numbers of a report (一个, 十分, 两种, 12.5%, 3456, 一年中) are none, and this test spares them
// read_phrase. It may say yes where read_phrase finds nothing, never the reverse.
// `next`: where the character at `pos` ends, or the run of digits it starts.
bool may_start_phrase(std::string_view s, size_t pos, char32_t first, size_t next) {
  const Lexicon& lex = lexicon();
  // Whether the four digits from `p` to `end` are a year read_date may read a phrase of: before
  // 年 (2019年, 2019 年度), a date's separator (2024-08-06) or a word of a range (2019至2021年);
  // a year alone is none (2090 普宁市).
  auto year_digits = [&](size_t p, size_t end) {
    int value = 0;
    for (; p < end; ++p) value = value * 10 + (s[p] - '0');
    return valid_year(value) &&
           (stands_at(s, past_blanks(s, end), "年") ||
            (end < s.size() && (s[end] == '-' || s[end] == '.' || s[end] == '/')) ||
            lex.word_at(s, end, Role::to));
  };
  if (lex.word_first_chars.test(first & 0xFFFF)) {
    // 上, 前, 最…: a phrase only where one of those words stands (上年, not 上海); a numeral
    // that starts such a word (一季度) may still start a number's phrase, tested below.
    if (is_digit(s[pos]) || first == U'半') return true;
    // (截至, 自, 近 and the like only before what read_phrase reads after them: not 过去的,
    // 自身; before digits, the number of a duration after 近 (近3年, not 近4690), a month or a
    // year after 自 and 截至 (自5月, 自2019年, not 自441)
    auto continues = [&](size_t p, Role role) {
      if (p >= s.size() || !lex.after_opening.test(code_point_at(s, p) & 0xFFFF)) return false;
      if (!is_digit(s[p])) return true;
      size_t end = p;
      while (end < s.size() && is_digit(s[end])) ++end;
      if (role == Role::recent) return end - p <= 3;
      return end - p <= 2 || (end - p == 4 && year_digits(p, end));
    };
    const auto* candidates = lex.words.find(first);
    if (candidates && std::any_of(candidates->begin(), candidates->end(), [&](const auto& e) {
          return opens_phrase(e.second.role) && text::starts_with(s.substr(pos), e.first) &&
                 (!opens_more(e.second.role) || continues(pos + e.first.size(), e.second.role));
        })) {
      return true;
    }
    if (!lex.is_numeral(first)) return false;
  }
  auto unit_follows = [&](size_t p) {
    p = past_blanks(s, p);
    // (余 only before 年: 60余年来; 1200余台 is a count, read often)
    if (p >= s.size()) return false;
    const char32_t c = code_point_at(s, p);
    if (lex.unit_alone_chars.test(c & 0xFFFF)) return true;
    const auto* units = lex.after_number_by_first.find(c);
    return units && std::any_of(units->begin(), units->end(),
                                [&](const auto& unit) { return stands_at(s, p, unit.first); });
  };
  auto months_follow = [&](size_t p) {  // 1至10月: a range of months (digits only)
    size_t end = p;
    return lex.word_at(s, p, Role::to) && last_month_of_range(s, 0, end);
  };
  // Of the numbers before a unit, only a duration's length closed as read_duration closes one
  // (十年来, 12个月以来, 三年里): not 一年中, 五年磨砺, 一个月的, 357年优秀. After 第, any
  // (第五个年头).
  auto closed_length = [&] {
    if (s.substr(0, pos).ends_with(kOrdinal)) return true;
    auto length = read_length(s, pos);
    return length && lex.may_close_duration(s, length->end);
  };
  auto month_follows = [&](size_t p) { return stands_at(s, past_blanks(s, p), "月"); };
  if (is_digit(s[pos])) {
    // (more digits than three are a year or nothing: no duration nor month has them)
    if (next - pos > 4) return false;
    if (next - pos == 4) return year_digits(pos, next);
    if (months_follow(next)) return true;
    return unit_follows(next) && ((next - pos <= 2 && month_follows(next)) || closed_length());
  }
  if (first == U'半') return stands_at(s, pos + 3, "年") && lex.may_close_duration(s, pos + 6);
  if (first < 0x800 || !lex.is_numeral(first)) return true;
  // (past the numeral, three bytes in UTF-8 like all of kNumerals)
  if (next < s.size() && !lex.is_numeral(code_point_at(s, next)) && !unit_follows(next)) {
    return false;
  }
  // the whole run of numerals: a year of four (二〇一九年, 二〇二〇至二〇二二年), a month (十二月,
  // 十至十二月) or a length (十年来); not 十三五, 三四级, 十八大
  size_t end = next, count = 1;
  while (end < s.size() && lex.is_numeral(code_point_at(s, end))) end = next_char(s, end), ++count;
  if (end >= s.size()) return false;
  if (count == 4 && (stands_at(s, past_blanks(s, end), "年") || s[end] == '-' || s[end] == '.' ||
                     s[end] == '/' || lex.word_at(s, end, Role::to))) {
    return true;
  }
  return month_follows(end) || lex.word_at(s, past_blanks(s, end), Role::to) || closed_length();
}

// The phrase starting at `pos`, if any.
std::optional<TimePhrase> read_phrase(std::string_view s, size_t pos, const Today& today,
                                      const Narrated& narrated) {
  const Lexicon& lex = lexicon();
  if (s.substr(pos).starts_with(kOrdinal)) {  // 第N个年头, read again where find_times found it
    return read_duration(s, pos + kOrdinal.size(), false, today);
  }
  size_t p = pos;
  bool until = false, since = false, recent = false;
  if (size_t n = lex.word_at(s, p, Role::until)) {
    until = true, p += n;
  } else if ((n = lex.word_at(s, p, Role::since))) {
    since = true, p += n;
  } else if ((n = lex.word_at(s, p, Role::recent))) {
    recent = true, p += n;
  }
  TimePhrase t;
  t.start = pos;
  if (size_t n = lex.word_at(s, p, Role::lately)) {  // 连日来: the report's month, to its date
    t.kind = TimeKind::recent;
    if (today.month) t.since = iso(today.year, today.month, 0), t.until = today.iso;
    t.end = p + n;
    return t;
  }
  if (until) {  // 截至目前; not 截至今年10月底 (今 of 今年 is a year, not now)
    if (size_t n = lex.now_at(s, p)) {
      t.kind = TimeKind::until;
      t.until = today.iso;
      t.end = p + n;
      return t;
    }
  }
  if (!until && !since) {
    if (auto d = read_duration(s, p, recent, today)) {
      if (recent) d->start = pos;  // 近三年: the phrase opens with 近
      return d;
    }
    if (recent) return std::nullopt;
  }
  auto first = read_date(s, p, 0, today, narrated);
  if (!first) return std::nullopt;
  p = first->end;
  // a range: 从1975年至2022年, 2019-2021年, 2021年3月至6月
  size_t joiner = lex.word_at(s, p, Role::to);
  std::optional<Date> second;
  bool to_now = false;
  if (joiner) {
    if (size_t n = lex.now_at(s, p + joiner); n && !until) {
      to_now = true;
      p += joiner + n;
    } else if ((second = read_date(s, p + joiner, first->year, today)) && !second->bare_year) {
      p = second->end;
      if (first->bare_year && second->first_month == 0 && stands_at(s, p, "度")) {
        p += 3;
      }
    } else if ((second = day_after(s, p + joiner, *first))) {
      p = second->end;
    } else {
      second.reset();
    }
  }
  if (size_t n = lex.now_at(s, p); n && !second && !to_now && !until) {
    to_now = true;  // 2021年至今
    p += n;
  }
  if (first->bare_year && !second) return std::nullopt;
  auto known = [](const Date& d) { return d.year > 0; };
  if (second) {
    t.kind = TimeKind::range;
    if (known(*first)) t.since = first_of(*first);
    if (known(*second)) t.until = last_of(*second);
  } else if (until) {
    if (size_t n = lex.word_at(s, p, Role::until_after)) p += n;
    t.kind = TimeKind::until;
    if (known(*first)) t.until = last_of(*first);
  } else {
    size_t after = to_now ? 0 : lex.word_at(s, p, Role::since_after);
    // 从2019年的5万人次增至…: the year a value is compared from, no period opened
    bool compared = since && !to_now && !after && stands_at(s, p, "的");
    if ((since && !compared) || to_now || after) {
      p += after;
      t.kind = TimeKind::since;
      if (known(*first)) t.since = first_of(*first);
      t.until = today.iso;
    } else {
      t.kind = TimeKind::point;
      if (known(*first)) t.since = first_of(*first), t.until = last_of(*first);
    }
  }
  t.end = p;
  return t;
}

// 自1996年闽宁协作启动至2023年底, 自2016年起至2023年底: a date right after 至 or 到 that follows
// a since phrase of its sentence ends that period: it is an until phrase, not an event; not a
// year compared with the start (从2021年的30万人次增长到去年的50万人次).
void close_open_periods(std::string_view text, std::vector<TimePhrase>& phrases) {
  const Lexicon& lex = lexicon();
  for (size_t i = 1; i < phrases.size(); ++i) {
    TimePhrase& t = phrases[i];
    const TimePhrase& opened = phrases[i - 1];
    if (t.kind != TimeKind::point || opened.kind != TimeKind::since || opened.since.empty() ||
        !lex.ends_with_joiner(text.substr(0, t.start))) {
      continue;
    }
    std::string_view between = text.substr(opened.end, t.start - opened.end);
    if (between.find("。") != between.npos || between.find('\n') != between.npos) continue;
    // 从2021年的不到30万人次增长到去年的近50万人次: two years compared, no period
    if (stands_at(text, t.end, "的")) continue;
    t.kind = TimeKind::until;
    t.since.clear();
  }
}

}  // namespace

std::string_view time_kind_name(TimeKind kind) {
  constexpr std::array<std::string_view, 5> kNames = {"point", "range", "since", "until", "recent"};
  return kNames[static_cast<size_t>(kind)];
}

const std::vector<std::string_view>& era_span_words() { return lexicon().era_spans; }

std::vector<TimePhrase> find_times(std::string_view text, std::string_view document_date) {
  EraEnds unused;
  return find_times(text, document_date, unused);
}

std::vector<TimePhrase> find_times(std::string_view text, std::string_view document_date,
                                   EraEnds& ends) {
  const Today today(document_date);
  const Lexicon& lex = lexicon();
  std::vector<TimePhrase> phrases;
  Narrated narrated;
  text::ThreeByteStops::Scan scan(lex.stops, text);
  for (size_t pos = 0; pos < text.size();) {
    pos = scan.skip(pos);
    if (pos >= text.size()) break;
    size_t next = 0;
    char32_t c = 0;
    if (is_digit(text[pos])) {
      // (a digit starts a phrase's number, no pair: past the whole run of digits, read once, so
      // that 12019年 never reads as 2019年)
      c = static_cast<unsigned char>(text[pos]);
      next = pos + 1;
      while (next < text.size() && is_digit(text[next])) ++next;
      if (lex.era_end_first_chars.test(c)) lex.note_era_ends(text, pos, ends);
      if (next == text.size() || !lex.after_digits.test(code_point_at(text, next) & 0xFFFF)) {
        pos = next;
        continue;
      }
    } else {
      if (!lex.pairs.may_start(text, pos)) {
        pos += 3;
        continue;
      }
      c = text::char_at(text, pos, next);
      if (lex.era_end_first_chars.test(c & 0xFFFF)) lex.note_era_ends(text, pos, ends);
      if (!lex.starts_phrase(c)) {
        pos = next;
        continue;
      }
    }
    if (may_start_phrase(text, pos, c, next)) {
      if (auto phrase = read_phrase(text, pos, today, narrated)) {
        // (and the words of EraEnds inside it: 2019年以来)
        for (size_t q = next_char(text, pos); q < phrase->end; q = next_char(text, q)) {
          if (lex.era_end_first_chars.test(code_point_at(text, q) & 0xFFFF)) {
            lex.note_era_ends(text, q, ends);
          }
        }
        pos = phrase->end;
        if (!today.year) narrated.note(phrase->since), narrated.note(phrase->until);
        phrases.push_back(std::move(*phrase));
        continue;
      }
    }
    pos = next;
  }
  close_open_periods(text, phrases);
  return phrases;
}

std::vector<TimePhrase> redate_times(std::string_view text, const std::vector<TimePhrase>& found,
                                     std::string_view document_date) {
  const Today today(document_date);
  std::vector<TimePhrase> phrases;
  phrases.reserve(found.size());
  Narrated narrated;
  for (const TimePhrase& t : found) {
    if (auto phrase = read_phrase(text, t.start, today, narrated)) {
      if (!today.year) narrated.note(phrase->since), narrated.note(phrase->until);
      phrases.push_back(std::move(*phrase));
    }
  }
  close_open_periods(text, phrases);
  return phrases;
}

}  // namespace zhreport
