#include "numbers_chars.h"

#include <iterator>
#include <tuple>

namespace zhreport::numbers_detail {

Char char_before_other(std::string_view text, size_t pos) {
  size_t start = pos;
  while (start > 0 && pos - start < 4) {
    --start;
    if ((static_cast<unsigned char>(text[start]) & 0xC0) != 0x80) break;
  }
  if (start == pos) return {0, 0};
  const Char c = char_at(text, start);
  return c.len == pos - start ? c : Char{0xFFFD, 1};
}

namespace {

struct Meaning {
  std::u32string_view chars;
  CharKind kind;
};

// One line per meaning reads better than one per character:
// clang-format off
constexpr Meaning kMeanings[] = {
    {U"0123456789０１２３４５６７８９", {Kind::arabic, 0}},
    {U"零〇", {Kind::zero, 0}},
    {U"一壹", {Kind::digit, 1}},
    {U"二贰貳两兩", {Kind::digit, 2}},
    {U"三叁參叄", {Kind::digit, 3}},
    {U"四肆", {Kind::digit, 4}},
    {U"五伍", {Kind::digit, 5}},
    {U"六陆陸", {Kind::digit, 6}},
    {U"七柒", {Kind::digit, 7}},
    {U"八捌", {Kind::digit, 8}},
    {U"九玖", {Kind::digit, 9}},
    {U"十拾", {Kind::unit, 10}},
    {U"百佰", {Kind::unit, 100}},
    {U"千仟", {Kind::unit, 1000}},
    {U"万萬", {Kind::big, 1e4}},
    {U"亿億", {Kind::big, 1e8}},
    {U"廿", {Kind::tens, 2}},
    {U"卅", {Kind::tens, 3}},
    {U"卌", {Kind::tens, 4}},
    {U"点點", {Kind::point, 0}},
    {U"几幾", {Kind::ji, 0}},
    {U"数數", {Kind::shu, 0}},
    {U"余餘", {Kind::yu, 0}},
    {U"多", {Kind::duo, 0}},
    {U"来來", {Kind::lai, 0}},
};
// clang-format on

constexpr std::u32string_view kFinancialForms = U"壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟";
constexpr std::u32string_view kRangeJoiners = U"—–－～〜至到";

constexpr CharTable char_table() {
  static_assert(std::size(kMeanings) < std::tuple_size_v<decltype(CharTable::kinds)>);
  CharTable table;
  uint8_t at = 1;  // 0 stays Kind::other
  for (const Meaning& meaning : kMeanings) {
    table.kinds[at] = meaning.kind;
    for (char32_t c : meaning.chars) table.index[c] = at;
    ++at;
  }
  for (char32_t c : kFinancialForms) table.index[c] |= CharTable::kFinancial;
  for (char32_t c : kRangeJoiners) table.index[c] |= CharTable::kJoinsRange;
  return table;
}

}  // namespace

constinit const CharTable kCharTable = char_table();

std::optional<int> string_digit(char32_t c, bool whole) {
  const CharKind k = classify(c);
  if (k.kind == Kind::zero) return 0;
  if (k.kind == Kind::digit && !is_liang(c)) return static_cast<int>(k.value);
  if (whole && c == U'幺') return 1;
  return std::nullopt;
}

std::optional<std::pair<int, size_t>> arabic_digit(std::string_view text, size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  const unsigned char b = text[pos];
  if (b >= '0' && b <= '9') return std::pair{b - '0', size_t{1}};
  if (b != 0xEF) return std::nullopt;
  const Char c = char_at(text, pos);
  if (c.code >= U'０' && c.code <= U'９') return std::pair{int(c.code - U'０'), c.len};
  return std::nullopt;
}

namespace {

// The length of a thousands separator at `p`: a comma (or full-width "，"), or, when `blank`,
// one ASCII blank; 0 for none.
size_t separator_at(std::string_view text, size_t p, bool blank) {
  if (blank) return text.substr(p, 1) == " " ? 1 : 0;
  return text.substr(p, 1) == "," ? 1 : text.substr(p, 3) == "，" ? 3 : 0;
}

// A group of digits: a separator and three digits not followed by a fourth ("3,4" in a list is
// 3 and 4). Adds the digits to `number` and returns the group's end, or nothing.
std::optional<size_t> group_at(std::string_view text, size_t p, bool blank, Decimal& number) {
  const size_t separator = separator_at(text, p, blank);
  if (separator == 0) return std::nullopt;
  size_t q = p + separator;
  Decimal grown = number;
  for (int i = 0; i < 3; ++i) {
    const auto d = arabic_digit(text, q);
    if (!d) return std::nullopt;
    grown.push_digit(d->first, false);
    q += d->second;
  }
  if (arabic_digit(text, q)) return std::nullopt;
  number = grown;
  return q;
}

// Whether the digits at `pos` may take groups separated by blanks (门诊诊疗　　9 860 人次): not
// when a single blank stands before them, for then a blank also separates the cells of a
// listing (县医院 9 310 800) and cannot tell a group from the next cell.
bool blank_groups_fit(std::string_view text, size_t pos) {
  return !(pos >= 1 && text[pos - 1] == ' ' && (pos < 2 || text[pos - 2] != ' '));
}

}  // namespace

ArabicNumber read_arabic(std::string_view text, size_t pos) {
  ArabicNumber out{pos, {}, false};
  size_t lead_digits = 0;
  while (auto d = arabic_digit(text, out.end)) {
    out.number.push_digit(d->first, false);
    out.end += d->second;
    ++lead_digits;
  }
  if (lead_digits <= 3) {
    const size_t lead_end = out.end;
    while (const auto end = group_at(text, out.end, false, out.number)) out.end = *end;
    if (out.end == lead_end && blank_groups_fit(text, pos)) {
      Decimal grouped = out.number;
      size_t end = out.end;
      while (const auto next = group_at(text, end, true, grouped)) end = *next;
      // a number listed after them (电话400 820 8820): the digits were cells, not groups
      const bool listed = text.substr(end, 1) == " " && arabic_digit(text, end + 1);
      if (end != lead_end && !listed) {
        out.number = grouped;
        out.end = end;
      }
    }
  }
  if (out.end < text.size() && text[out.end] == '.' && arabic_digit(text, out.end + 1)) {
    ++out.end;
    while (auto d = arabic_digit(text, out.end)) {
      if (out.number.scale < kMaxScale) out.number.push_digit(d->first, true);
      out.end += d->second;
    }
    out.fraction = true;
  }
  return out;
}

namespace {

// Whether a number can start with this character (the fast filter of find_numbers).
bool may_start(char32_t c) {
  switch (classify(c).kind) {
    case Kind::arabic:
    case Kind::digit:
    case Kind::zero:
    case Kind::unit:
    case Kind::big:
    case Kind::tens:
    case Kind::ji:
    case Kind::shu:
      return true;
    default:
      return false;
  }
}

}  // namespace

StartTable::StartTable() {
  // (over the characters of kMeanings, the only ones kCharTable gives a kind, rather than over
  // every code point)
  for (const Meaning& meaning : kMeanings) {
    for (char32_t c : meaning.chars) {
      if (!may_start(c)) continue;
      bits_[c >> 6] |= uint64_t{1} << (c & 63);
      chars_ += c;
      three_byte_.add(c);
    }
  }
  three_byte_.pass_ascii([&](char c) { return !test(static_cast<unsigned char>(c)); });
}

const StartTable& start_table() {
  static const StartTable instance;
  return instance;
}

}  // namespace zhreport::numbers_detail
