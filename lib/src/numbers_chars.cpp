#include "numbers_chars.h"

#include <bitset>

namespace zhreport::numbers_detail {

// The code point that ends at `pos` (0 when pos == 0).
Char char_before(std::string_view text, size_t pos) {
  size_t start = pos;
  while (start > 0 && pos - start < 4) {
    --start;
    if ((static_cast<unsigned char>(text[start]) & 0xC0) != 0x80) break;
  }
  if (start == pos) return {0, 0};
  const Char c = char_at(text, start);
  return c.len == pos - start ? c : Char{0xFFFD, 1};
}

// One line per meaning reads better than one per character:
// clang-format off
CharKind classify(char32_t c) {
  if ((c >= '0' && c <= '9') || (c >= U'０' && c <= U'９')) return {Kind::arabic, 0};
  switch (c) {
    case U'零': case U'〇': return {Kind::zero, 0};
    case U'一': case U'壹': return {Kind::digit, 1};
    case U'二': case U'贰': case U'貳': case U'两': case U'兩': return {Kind::digit, 2};
    case U'三': case U'叁': case U'參': case U'叄': return {Kind::digit, 3};
    case U'四': case U'肆': return {Kind::digit, 4};
    case U'五': case U'伍': return {Kind::digit, 5};
    case U'六': case U'陆': case U'陸': return {Kind::digit, 6};
    case U'七': case U'柒': return {Kind::digit, 7};
    case U'八': case U'捌': return {Kind::digit, 8};
    case U'九': case U'玖': return {Kind::digit, 9};
    case U'十': case U'拾': return {Kind::unit, 10};
    case U'百': case U'佰': return {Kind::unit, 100};
    case U'千': case U'仟': return {Kind::unit, 1000};
    case U'万': case U'萬': return {Kind::big, 1e4};
    case U'亿': case U'億': return {Kind::big, 1e8};
    case U'廿': return {Kind::tens, 2};
    case U'卅': return {Kind::tens, 3};
    case U'卌': return {Kind::tens, 4};
    case U'点': case U'點': return {Kind::point, 0};
    case U'几': case U'幾': return {Kind::ji, 0};
    case U'数': case U'數': return {Kind::shu, 0};
    case U'余': case U'餘': return {Kind::yu, 0};
    case U'多': return {Kind::duo, 0};
    case U'来': case U'來': return {Kind::lai, 0};
    default: return {Kind::other, 0};
  }
}
// clang-format on

bool is_financial(char32_t c) {
  // Asked of the first character of every number: one bit each rather than a search.
  static const std::bitset<0x10000> kFinancial = [] {
    std::bitset<0x10000> chars;
    for (char32_t f : std::u32string_view(U"壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟")) chars.set(f);
    return chars;
  }();
  return c < 0x10000 && kFinancial[c];
}

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

Kind kind_at(std::string_view text, size_t pos) {
  return pos < text.size() ? classify(char_at(text, pos).code).kind : Kind::other;
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
  for (char32_t c = 0; c < 0x10000; ++c) {
    if (!may_start(c)) continue;
    bits_[c >> 6] |= uint64_t{1} << (c & 63);
    three_byte_.add(c);
  }
}

}  // namespace zhreport::numbers_detail
