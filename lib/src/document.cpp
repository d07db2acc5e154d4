#include "zhreport/document.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <cstdio>
#include <initializer_list>
#include <string>

#include "document_text.h"
#include "three_byte_stops.h"
#include "zhreport/places.h"

namespace zhreport {
namespace embedded {
extern const std::string_view boilerplate_tsv;
}  // namespace embedded

namespace {

using text::code_point_at;
using text::display_width;
using text::is_wide;
using text::next_char;

constexpr std::array<std::string_view, 5> kBlockKindNames = {"title", "metadata", "paragraph",
                                                             "caption", "boilerplate"};

// A line this wide or wider is a paragraph, whatever words it holds.
constexpr size_t kMaxMarkedWidth = 120;
// Teasers: at least this many trailing lines, each at least this wide, all within kTeaserSpread
// columns of the widest (the site cut them at one width).
constexpr size_t kMinTeaserLines = 3;
constexpr size_t kMinTeaserWidth = 30;
constexpr size_t kTeaserSpread = 8;
// A title is a line narrower than this that does not end a sentence.
constexpr size_t kMaxTitleWidth = 160;
// The date is looked for in the page's first lines only, before the first line of the body: a
// sentence, or a line at least this wide.
constexpr size_t kHeaderLines = 8;
constexpr size_t kMinBodyWidth = 80;

constexpr std::string_view kSentenceEnds[] = {"。", "!", "?", "！", "？", ";", "；", "…"};
// The last bytes of kSentenceEnds: most lines end with another and are done with at once.
constexpr auto kSentenceEndLastBytes = [] {
  std::array<bool, 256> last{};
  for (std::string_view end : kSentenceEnds) last[static_cast<unsigned char>(end.back())] = true;
  return last;
}();

bool ends_sentence(std::string_view line) {
  if (line.empty() || !kSentenceEndLastBytes[static_cast<unsigned char>(line.back())]) {
    return false;
  }
  return std::any_of(std::begin(kSentenceEnds), std::end(kSentenceEnds),
                     [&](std::string_view end) { return line.ends_with(end); });
}

struct Marker {
  std::string text;
  enum class Match { line, prefix, contains } match;
  BlockKind kind;
  bool related = false;  // a list of other articles follows
  bool credit = false;   // a reporter's or an author's credit
};

// The markers, metadata first, then in table order (the first that matches a line wins), indexed by
// their first character so that a line is scanned once instead of once per marker.
struct Markers {
  std::vector<Marker> rows;
  text::CharIndex<size_t> by_first;  // row numbers, ascending under each character
  // The first characters of the markers that may stand anywhere in a line (Match::contains; the
  // others are looked up at its start), for a scan that passes the others without decoding them
  // (every short line of a page is asked, and most of its characters start no marker).
  text::ThreeByteStops first_chars;
  // Their first two characters: most of the characters that the scan stops at (日, 时, 来, 发
  // of prose) are followed by none that a marker has after them (日期, 时间, 来源, 发布).
  text::ThreeBytePairs first_pairs;
  std::vector<std::string> dating;    // words that make a line after the body a dateline
  std::vector<std::string> reported;  // words of reporting after a credit's date
  std::vector<std::string> issued;    // words of issuing after a closing signature's date
  std::vector<std::string> outlets;   // words that end a news outlet's name
  // The first characters of the columns' names (line markers of navigation and sharing), which
  // a breadcrumb opens with (is_column_breadcrumb): a line that opens otherwise is none, and is
  // not searched for its arrows (» and ＞ were each searched for over the whole text).
  std::bitset<0x10000> column_firsts;

  Markers() {
    for (const auto& row : text::tsv_rows(embedded::boilerplate_tsv)) {
      if (row.size() < 3) continue;
      if (row[2] == "dating" || row[2] == "reported" || row[2] == "issued" || row[2] == "outlet") {
        (row[2] == "dating"     ? dating
         : row[2] == "reported" ? reported
         : row[2] == "issued"   ? issued
                                : outlets)
            .emplace_back(row[0]);
        continue;
      }
      Marker m{std::string(row[0]), Marker::Match::contains, BlockKind::boilerplate};
      if (row[1] == "line") m.match = Marker::Match::line;
      if (row[1] == "prefix") m.match = Marker::Match::prefix;
      if (row[2] == "caption") m.kind = BlockKind::caption;
      if (row[2] == "metadata") m.kind = BlockKind::metadata;
      m.related = row[2] == "related";
      m.credit = row[2] == "credit";
      rows.push_back(std::move(m));
    }
    // A line with metadata and navigation markers (2024-01-16 来源:… 【打印本页】) is metadata:
    // it may hold the date.
    std::stable_partition(rows.begin(), rows.end(),
                          [](const Marker& m) { return m.kind == BlockKind::metadata; });
    std::array<bool, 0x80> ascii_first{};  // of the markers first_chars takes
    for (size_t row = 0; row < rows.size(); ++row) {
      const std::string_view marker = rows[row].text;
      by_first.add(marker, row);
      if (rows[row].match != Marker::Match::contains || marker.empty()) continue;
      const char32_t first = code_point_at(marker, 0);
      first_chars.add(first);
      if (first < 0x80) ascii_first[first] = true;
      first_pairs.add_start(marker);
    }
    first_chars.pass_ascii([&](char c) { return !ascii_first[static_cast<unsigned char>(c)]; });
    for (const Marker& m : rows) {
      if (is_column(m) && !m.text.empty()) column_firsts.set(code_point_at(m.text, 0) & 0xFFFF);
    }
  }

  // A column's name, which may head a breadcrumb.
  static bool is_column(const Marker& m) {
    return m.match == Marker::Match::line && m.kind == BlockKind::boilerplate && !m.credit &&
           !m.related;
  }
  // Whether `line` (not empty) may open with a column's name: false tells it does not.
  bool may_open_with_column(std::string_view line) const {
    const auto* u = reinterpret_cast<const unsigned char*>(line.data());
    const char32_t first = line.size() >= 3 && (u[0] & 0xF0u) == 0xE0u  // (most lines: inline)
                               ? utf8::code_point(u, 3)
                               : code_point_at(line, 0);
    return column_firsts.test(first & 0xFFFF);
  }

  // The first row that marks `line`, if any.
  const Marker* find(std::string_view line) const {
    size_t best = rows.size();
    // 【推荐阅读】: a prefix may stand in brackets
    size_t lead = text::starts_with(line, "【") ? std::string_view("【").size()
                  : line.starts_with('[')       ? 1
                                                : 0;
    // The markers starting at `pos` (`next`: the position after its character).
    auto look_up = [&](size_t pos, size_t& next) {
      const auto* candidates = by_first.find(text::char_at(line, pos, next));
      if (!candidates) return;
      for (const auto& [word, row] : *candidates) {
        if (row >= best) break;
        const Marker& m = rows[row];
        bool hit = m.match == Marker::Match::line ? pos == 0 && line == m.text
                   : m.match == Marker::Match::prefix
                       ? (pos == 0 || pos == lead) && line.substr(pos).starts_with(m.text)
                       : line.substr(pos).starts_with(m.text);
        if (hit) best = row;
      }
    };
    size_t next = 0;
    // A line or a prefix marker at the line's start or lead, any marker there; then the scan for
    // those that may stand anywhere.
    if (!line.empty()) look_up(0, next);
    if (lead != 0 && lead < line.size()) look_up(lead, next);
    next = 0;
    for (size_t pos = first_chars.skip(line, 0); pos < line.size();
         pos = first_chars.skip(line, next)) {
      if (!first_pairs.may_start(line, pos)) {
        next = pos + 3;  // (a three-byte character: may_start passes the others)
        continue;
      }
      look_up(pos, next);
    }
    return best < rows.size() ? &rows[best] : nullptr;
  }
};

bool starts_with_figure_number(std::string_view line) {
  if (!line.starts_with("图")) return false;
  std::string_view rest = text::trim(line.substr(3));
  if (rest.empty()) return false;
  if (rest[0] >= '0' && rest[0] <= '9') return true;
  for (std::string_view numeral : {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}) {
    if (rest.starts_with(numeral)) return true;
  }
  return false;
}

const Markers& markers() {
  static const Markers table;
  return table;
}

// Whether a line is kMaxMarkedWidth wide or wider by its bytes alone: a character takes at most
// 4 bytes per column (an emoji: 4 bytes, one column), so a longer line is, without measuring.
bool surely_wide(std::string_view line) { return line.size() >= 4 * kMaxMarkedWidth; }

// The marker of a short line, if any.
const Marker* marker_of(std::string_view line) {
  if (surely_wide(line) || line.ends_with("。") || is_wide(line, kMaxMarkedWidth)) {
    return nullptr;
  }
  return markers().find(line);
}

// A site's menu or breadcrumb: short items between two or more of one separator (首页 > 新闻
// > 正文, 网站首页 | 新闻动态 | 联系我们), where a title has at most one (援外日记|在桑给巴尔).
bool is_menu(std::string_view line) {
  constexpr size_t kMaxItemWidth = 20;
  if (surely_wide(line)) return false;  // (before the searches: every line is asked)
  bool separated =
      line.find('>') != std::string_view::npos || line.find('|') != std::string_view::npos;
  if (!separated || ends_sentence(line) || is_wide(line, kMaxMarkedWidth)) {
    return false;
  }
  for (char separator : {'>', '|'}) {
    // Each item up to a separator, and the last up to the line's end.
    size_t separators = 0, item_start = 0;
    for (size_t at = line.find(separator);; at = line.find(separator, at + 1)) {
      const size_t end = std::min(at, line.size());
      if (display_width(text::trim(line.substr(item_start, end - item_start))) > kMaxItemWidth) {
        separators = 0;
        break;
      }
      if (at == std::string_view::npos) break;
      ++separators;
      item_start = at + 1;
    }
    if (separators >= 2) return true;
  }
  return false;
}

// A one-step breadcrumb from a column's name (院内新闻 > 对口支援): a headline never opens with a
// column's name and an arrow, where one bar (工作动态 | …) may head a post.
bool is_column_breadcrumb(std::string_view line) {
  if (surely_wide(line)) return false;  // (before the searches: every line is asked)
  for (std::string_view arrow : {">", "»", "＞"}) {
    size_t at = line.find(arrow);
    if (at == std::string_view::npos ||
        line.find(arrow, at + arrow.size()) != std::string_view::npos ||
        is_wide(line, kMaxMarkedWidth)) {
      continue;
    }
    const Marker* column = markers().find(text::trim(line.substr(0, at)));
    if (column && Markers::is_column(*column)) return true;
  }
  return false;
}

// Which characters that a menu or a breadcrumb needs a line holds: most lines hold none, and
// are not asked whether they are either.
struct LineSigns {
  bool separator;  // '>' or '|' (is_menu)
  bool arrow;  // '>', '»' or '＞', and it may open with a column's name (is_column_breadcrumb)
};

// The kind a line has on its own (teasers and the title are decided over the whole page), given
// its marker_of and its signs.
BlockKind classify_line(std::string_view line, const Marker* m, LineSigns signs) {
  if (starts_with_figure_number(line)) return BlockKind::caption;
  // 来源:… | 发布时间:… | 点击:… is metadata, for all its separators.
  if (m && m->kind == BlockKind::metadata) return BlockKind::metadata;
  if ((signs.separator && is_menu(line)) || (signs.arrow && is_column_breadcrumb(line))) {
    return BlockKind::boilerplate;
  }
  return m ? m->kind : BlockKind::paragraph;
}

// The address of a line that is a web address and nothing else (a saved copy's first line), or
// one labelled as a link or an address (原文链接:…, 网址：…, 本页地址:…: a label of at most four
// characters that ends so); empty for any other line.
std::string_view address_in(std::string_view line) {
  constexpr size_t kMaxLabel = 4 * 3;  // four CJK characters in UTF-8
  // Every line of a document is asked: most are told by a few bytes that they neither open with
  // an address (http…, www.) nor with a label's word, which ends with 接 or 址 (its last two
  // bytes looked for among the label's), where searches of the whole line for "://" and "www."
  // stopped at every ':' (normalized Chinese text is full of them, the full-width colon folded).
  if (line[0] != 'h' && line[0] != 'w') {
    const std::string_view head = line.substr(0, kMaxLabel);
    bool labelled = false;
    for (size_t at = 4; at + 2 <= head.size() && !labelled; ++at) {
      const auto tail = static_cast<unsigned char>(head[at + 1]);
      labelled = (tail == 0xA5 && head[at] == '\x8E') || (tail == 0x80 && head[at] == '\x9D');
    }
    if (!labelled) return {};
  }
  for (std::string_view word : {"链接", "地址", "网址"}) {
    size_t at = line.substr(0, kMaxLabel).find(word);  // only a label's place: cheap on prose
    if (at == std::string_view::npos) continue;
    line.remove_prefix(at + word.size());
    for (std::string_view colon : {":", "："}) {
      if (line.starts_with(colon)) line.remove_prefix(colon.size());
    }
    line = text::trim(line);
    break;
  }
  bool web =
      line.starts_with("http://") || line.starts_with("https://") || line.starts_with("www.");
  if (!web) return {};  // before reading the whole line: every line of a document is asked
  bool one_word = std::none_of(line.begin(), line.end(), [](char c) {
    return c == ' ' || c == '\t' || static_cast<unsigned char>(c) >= 0x80;
  });
  return one_word ? line : std::string_view();
}

// A headline as a reader sees it: doubled punctuation after it (迎来新生,,) is no part of it.
std::string_view headline_text(std::string_view line) {
  for (bool trimmed = true; trimmed;) {
    trimmed = false;
    for (std::string_view end : {",", "，", "、"}) {
      if (!line.ends_with(end)) continue;
      line.remove_suffix(end.size());
      trimmed = true;
    }
    line = text::trim(line);
  }
  return line;
}

// Once the report has begun, a "related articles" line and everything after it is the page's
// (`related`: whether each block's marker_of is one of them). Returns where that list starts
// (blocks.size() when there is none).
size_t mark_related(std::vector<Block>& blocks, const std::vector<char>& related) {
  bool body_seen = false;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const Block& b = blocks[i];
    if (body_seen) {
      if (related[i]) {
        for (size_t j = i; j < blocks.size(); ++j) blocks[j].kind = BlockKind::boilerplate;
        return i;
      }
    }
    body_seen = body_seen || (b.kind == BlockKind::paragraph && i > 0);
  }
  return blocks.size();
}

// A line that may be many things but never a report's title: a photo credit or a caption
// (…摄, 摄影:…, 供图, 图为…), read before the headline on pages that open with a picture.
bool is_credit_or_caption(std::string_view line) {
  for (std::string_view end : {"摄", "摄)", "摄）", "供图", "供图)", "供图）"}) {
    if (line.ends_with(end)) return true;
  }
  // 摄影:, 摄影：, 摄影/, 图片来源, 图/, 图:, 图：: what follows each 摄影 and each 图 (two
  // searches of a line that may be a whole paragraph, not one per word)
  const auto followed = [&](std::string_view word, std::initializer_list<std::string_view> nexts) {
    for (size_t at = text::find(line, word); at != std::string_view::npos;
         at = text::find(line, word, at + word.size())) {
      const std::string_view rest = line.substr(at + word.size());
      for (std::string_view next : nexts) {
        if (rest.starts_with(next)) return true;
      }
    }
    return false;
  };
  return followed("摄影", {":", "：", "/"}) || followed("图", {"片来源", "/", ":", "："});
}

// An account's headline under its column's name (数说帮扶｜前三季度…都干了啥？快来看看！): a short
// name, one bar, then a headline that asks or calls out, as the first line of a body does not.
bool column_headline(std::string_view line) {
  constexpr size_t kMaxColumnWidth = 16;
  static constexpr std::string_view kBars[] = {"|", "｜"};
  size_t bar = std::string_view::npos, bar_size = 0, bars = 0;
  for (std::string_view b : kBars) {
    for (size_t at = line.find(b); at != std::string_view::npos; at = line.find(b, at + b.size())) {
      ++bars;
      bar = at;
      bar_size = b.size();
    }
  }
  if (bars != 1) return false;
  std::string_view column = text::trim(line.substr(0, bar));
  if (column.empty() || is_wide(column, kMaxColumnWidth) || ends_sentence(column) ||
      text::contains(column, ",") || text::contains(column, "，")) {
    return false;
  }
  std::string_view headline = line.substr(bar + bar_size);
  for (std::string_view call : {"!", "?", "！", "？"}) {
    if (headline.ends_with(call)) return true;
  }
  return false;
}

struct DateMatch {
  std::string iso;
  size_t start, end;
};

// Reads digits at `pos` (after blanks); returns the count of digits read.
size_t read_digits(std::string_view s, size_t& pos, int& value) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  size_t begin = pos;
  value = 0;
  while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9' && pos - begin < 4) {
    value = value * 10 + (s[pos] - '0');
    ++pos;
  }
  return pos - begin;
}

bool read_separator(std::string_view s, size_t& pos, std::string_view chinese) {
  while (pos < s.size() && s[pos] == ' ') ++pos;
  if (pos < s.size() && (s[pos] == '-' || s[pos] == '/' || s[pos] == '.')) {
    ++pos;
    return true;
  }
  if (s.substr(pos).starts_with(chinese)) {
    pos += chinese.size();
    return true;
  }
  return false;
}

// 18.03.2020: day, month and year between dots (a European page's date line).
std::optional<DateMatch> day_first_date(std::string_view line, size_t i) {
  size_t pos = i;
  int year = 0, month = 0, day = 0;
  size_t n = read_digits(line, pos, day);
  if (n == 0 || n > 2 || day < 1 || day > 31 || pos >= line.size() || line[pos] != '.') {
    return std::nullopt;
  }
  ++pos;
  n = read_digits(line, pos, month);
  if (n == 0 || n > 2 || month < 1 || month > 12 || pos >= line.size() || line[pos] != '.') {
    return std::nullopt;
  }
  ++pos;
  if (read_digits(line, pos, year) != 4 || year < 1900 || year > 2100) return std::nullopt;
  if (pos < line.size() && line[pos] >= '0' && line[pos] <= '9') return std::nullopt;
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
  return DateMatch{iso, i, pos};
}

// A digit written in Chinese (二〇二四), else -1.
int chinese_digit(char32_t c) {
  static constexpr std::u32string_view kDigits = U"〇一二三四五六七八九";
  if (c == U'○' || c == U'零' || c == U'Ｏ') return 0;
  size_t at = kDigits.find(c);
  return at == std::u32string_view::npos ? -1 : static_cast<int>(at);
}

// A number of 1 to 31 written in Chinese (六, 十, 十二, 二十, 三十一) at `pos`; 0 when none.
int chinese_number(std::string_view s, size_t& pos) {
  int value = 0, tens = -1;
  size_t p = pos;
  for (int n = 0; n < 3 && p < s.size(); ++n) {
    char32_t c = text::code_point_at(s, p);
    int d = chinese_digit(c);
    if (c == U'十' && tens < 0) {
      tens = value ? value : 1;
      value = 0;
    } else if (d >= 1 && (n == 0 || tens >= 0)) {
      value = d;
    } else {
      break;
    }
    p = text::next_char(s, p);
  }
  int number = tens >= 0 ? tens * 10 + value : value;
  if (number > 0) pos = p;
  return number;
}

// 二〇二四年三月十二日: a formal document's date, its year digit by digit, whose four digits (each
// of three bytes) stand right before the 年 at `mark`, if any.
constexpr std::string_view kYear = "年";
constexpr size_t kChineseYearBytes = 4 * 3;
std::optional<DateMatch> chinese_date_before(std::string_view line, size_t mark) {
  if (mark < kChineseYearBytes) return std::nullopt;
  const size_t i = mark - kChineseYearBytes;
  size_t pos = i;
  int year = 0, digits = 0;
  while (pos < mark) {
    int d = chinese_digit(text::code_point_at(line, pos));
    if (d < 0) break;
    year = year * 10 + d;
    ++digits;
    pos = text::next_char(line, pos);
  }
  if (digits != 4 || pos != mark || year < 1949 || year > 2100) return std::nullopt;
  pos += kYear.size();
  int month = chinese_number(line, pos);
  if (month < 1 || month > 12 || !line.substr(pos).starts_with("月")) return std::nullopt;
  pos += std::string_view("月").size();
  int day = chinese_number(line, pos);
  if (day < 1 || day > 31 || !line.substr(pos).starts_with("日")) return std::nullopt;
  pos += std::string_view("日").size();
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
  return DateMatch{iso, i, pos};
}

// The first such date of a line: read back from each 年, in order, rather than tried at every
// character.
std::optional<DateMatch> chinese_date(std::string_view line) {
  for (size_t mark = text::find(line, kYear); mark != std::string_view::npos;
       mark = text::find(line, kYear, mark + kYear.size())) {
    if (auto date = chinese_date_before(line, mark)) return date;
  }
  return std::nullopt;
}

std::optional<DateMatch> arabic_date_at(std::string_view line, size_t i) {
  if (auto date = day_first_date(line, i)) return date;
  size_t pos = i;
  int year = 0, month = 0, day = 0;
  if (read_digits(line, pos, year) != 4 || year < 1900 || year > 2100) return std::nullopt;
  if (!read_separator(line, pos, "年")) return std::nullopt;
  size_t n = read_digits(line, pos, month);
  if (n == 0 || n > 2 || month < 1 || month > 12) return std::nullopt;
  if (!read_separator(line, pos, "月")) return std::nullopt;
  n = read_digits(line, pos, day);
  if (n == 0 || n > 2 || day < 1 || day > 31) return std::nullopt;
  if (line.substr(pos).starts_with("日")) pos += 3;
  char iso[16];
  std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
  return DateMatch{iso, i, pos};
}

std::optional<DateMatch> arabic_date(std::string_view line) {
  for (size_t i = 0; i + 4 <= line.size(); ++i) {
    if (line[i] < '0' || line[i] > '9' || (i > 0 && line[i - 1] >= '0' && line[i - 1] <= '9')) {
      continue;
    }
    if (auto date = arabic_date_at(line, i)) return date;
  }
  return std::nullopt;
}

// The first date of a line: in digits (2024-03-12, 2024年3月12日, 12.03.2024), or written in
// Chinese (二〇二四年三月十二日).
std::optional<DateMatch> find_date_match(std::string_view line) {
  std::optional<DateMatch> digits = arabic_date(line);
  if (digits && digits->start == 0) return digits;
  // Only a line with a Chinese year's 年 needs the slower look.
  if (line.find("年") == std::string_view::npos) return digits;
  std::optional<DateMatch> chinese = chinese_date(line);
  if (!chinese || (digits && digits->start < chinese->start)) return digits;
  return chinese;
}

// find_date_match's date when it opens the line, else none: tried at the line's start only.
std::optional<DateMatch> date_at_start(std::string_view line) {
  if (line.size() >= 4 && line[0] >= '0' && line[0] <= '9') return arabic_date_at(line, 0);
  if (line.substr(std::min(line.size(), kChineseYearBytes)).starts_with(kYear)) {
    return chinese_date_before(line, kChineseYearBytes);
  }
  return std::nullopt;
}

// What a diary's or a log's date line adds to the date: the weekday and the weather
// (2024年3月12日　晴, 2023年5月2日 星期二 多云转小雨).
bool is_day_note(std::string_view tail) {
  static constexpr std::u32string_view kChars =
      U"星期周一二三四五六日天晴阴多云小中大暴雨雪转阵雷雾霾风 　，,";
  bool any = false;
  for (size_t i = 0; i < tail.size(); i = text::next_char(tail, i)) {
    char32_t c = text::code_point_at(tail, i);
    if (kChars.find(c) == std::u32string_view::npos) return false;
    any = any || (c != U' ' && c != U'　' && c != U'，' && c != U',');
  }
  return any;
}

// The length of the weekday that `s` opens with (星期四, 周四, 礼拜四), else 0.
size_t weekday_length(std::string_view s) {
  static constexpr std::u32string_view kDays = U"一二三四五六日天";
  for (std::string_view word : {"星期", "礼拜", "周"}) {
    if (!s.starts_with(word) || s.size() <= word.size()) continue;
    size_t next = text::next_char(s, word.size());
    if (kDays.find(text::code_point_at(s, word.size())) != std::u32string_view::npos) return next;
  }
  return 0;
}

// A source's name after a date line's time (某县融媒体中心): short (narrower than `width`
// columns), no punctuation or digits, as a headline or a sentence that goes on after the date has.
bool is_source_name(std::string_view tail, size_t width) {
  static constexpr std::u32string_view kBreaks = U"，,。；;：:！？!?、“”\"|｜";
  tail = text::trim(tail);
  if (tail.empty() || is_wide(tail, width)) return false;
  for (size_t i = 0; i < tail.size(); i = text::next_char(tail, i)) {
    char32_t c = text::code_point_at(tail, i);
    if ((c >= U'0' && c <= U'9') || kBreaks.find(c) != std::u32string_view::npos) return false;
  }
  return true;
}

// The length of the run of digits, colons and spaces that opens `after` (a date's time of day,
// 09:15:20).
size_t time_of_day_length(std::string_view after) {
  size_t k = 0;
  while (k < after.size() &&
         (after[k] == ' ' || after[k] == ':' || (after[k] >= '0' && after[k] <= '9')))
    ++k;
  return k;
}

// A news outlet's name (2024-06-18 某县融媒体中心, …2024年01月16日 河南日报): a short name that
// ends as one (outlet: data/boilerplate.tsv), as long as an autonomous county's at most
// (融水苗族自治县融媒体中心).
bool names_outlet(std::string_view source) {
  constexpr size_t kMaxOutletWidth = 40;
  source = text::trim(source);
  return is_source_name(source, kMaxOutletWidth) &&
         std::any_of(markers().outlets.begin(), markers().outlets.end(),
                     [&](std::string_view w) { return source.ends_with(w); });
}

// A line that is a date and nothing else (a time of day, a weekday and the weather may follow).
bool is_date_line(std::string_view line) {
  // (2023年8月16日): a date line in brackets is still one.
  for (auto [open, close] :
       {std::pair<std::string_view, std::string_view>{"(", ")"}, {"（", "）"}}) {
    if (line.starts_with(open) && line.ends_with(close) &&
        line.size() > open.size() + close.size()) {
      line = text::trim(line.substr(open.size(), line.size() - open.size() - close.size()));
      break;
    }
  }
  // A date at the line's start opens with a digit, Arabic or Chinese: most lines are ruled out
  // here rather than searched for a date further on.
  bool digit = !line.empty() && ((line[0] >= '0' && line[0] <= '9') ||
                                 chinese_digit(text::code_point_at(line, 0)) >= 0);
  if (!digit) return false;
  // (a date further on would not do: not searched for)
  auto date = date_at_start(line);
  if (!date) return false;
  std::string_view after = line.substr(date->end);
  size_t k = time_of_day_length(after);
  if (k == after.size() || is_day_note(after.substr(k))) return true;
  // 2025-10-15 10:22:31 某县融媒体中心, 2024-08-15 星期四 某某网: after a time of day or a
  // weekday, the source's short name; without one, a name that ends as a news outlet's
  // (2024-06-18 某县融媒体中心), where a headline that opens with a date goes on otherwise
  // (2024年6月3日 义诊进社区)
  constexpr size_t kMaxNameWidth = 24;
  std::string_view source = text::trim(after.substr(k));
  size_t weekday = weekday_length(source);
  if ((after.substr(0, k).find(':') != std::string_view::npos || weekday > 0) &&
      is_source_name(source.substr(weekday), kMaxNameWidth)) {
    return true;
  }
  return names_outlet(source);
}

// The publication date of a metadata line: the one after 发布 or 日期 when the line has
// several (来源:2017-04-25 发布时间:2017-04-25), else the first.
std::optional<std::string> metadata_date(std::string_view line) {
  for (std::string_view key : {"发布", "日期", "时间"}) {
    size_t at = text::find(line, key);
    if (at == std::string_view::npos) continue;
    if (auto date = find_date_match(line.substr(at))) return date->iso;
  }
  return find_date(line);
}

// Marks a trailing run of lines cut at one display width, without final punctuation, as
// boilerplate: the teasers of unrelated articles some sites append; not the rows of a table at
// the end of the report (`table_lines`, keep_tables).
void mark_teasers(std::string_view text, std::vector<Block>& blocks,
                  const std::vector<char>& table_lines) {
  size_t end = blocks.size();
  while (end > 0 && blocks[end - 1].kind != BlockKind::paragraph) --end;
  auto line_of = [&](size_t i) {
    return text.substr(blocks[i].start, blocks[i].end - blocks[i].start);
  };
  // (told before measuring the line)
  auto no_teaser = [&](size_t i) {
    return blocks[i].kind != BlockKind::paragraph || line_of(i).ends_with("。") || table_lines[i];
  };
  // Too few lines pass that test for a run of teasers (a report's last paragraph ends as a
  // sentence): none is measured.
  size_t passing = 0;
  while (passing < kMinTeaserLines && passing < end && !no_teaser(end - 1 - passing)) ++passing;
  if (passing < kMinTeaserLines) return;
  size_t begin = end, widest = 0, narrowest = SIZE_MAX;
  while (begin > 0) {
    if (no_teaser(begin - 1)) break;
    size_t width = display_width(line_of(begin - 1));
    if (width < kMinTeaserWidth) break;
    size_t new_widest = std::max(widest, width), new_narrowest = std::min(narrowest, width);
    if (new_widest - new_narrowest > kTeaserSpread) break;
    widest = new_widest;
    narrowest = new_narrowest;
    --begin;
  }
  if (end - begin < kMinTeaserLines) return;
  for (size_t i = begin; i < end; ++i) blocks[i].kind = BlockKind::boilerplate;
}

// A table written as lines with `|` between cells (| 受援县 | 派驻人员(人) | over | 桦南县 | 14 |)
// is no menu, however short its lines: a line of names without a digit, then (past a rule
// |---|) lines of as many separators that hold digits. Only what is_menu marked is given back.
// `barred`: whether each block's line holds a `|` (most lines hold none, and are not searched
// again; a byte each, where std::vector<bool>'s bit took a dozen instructions to read). Sets
// `table_lines`, of each block, to whether it is such a table's line.
void keep_tables(std::string_view text, std::vector<Block>& blocks, const std::vector<char>& barred,
                 std::vector<char>& table_lines) {
  table_lines.assign(blocks.size(), false);
  auto line_of = [&](size_t i) {
    return text.substr(blocks[i].start, blocks[i].end - blocks[i].start);
  };
  auto has_digit = [](std::string_view line) {
    return std::any_of(line.begin(), line.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  auto keep = [&](size_t i) {
    if (blocks[i].kind == BlockKind::boilerplate && is_menu(line_of(i))) {
      blocks[i].kind = BlockKind::paragraph;
    }
  };
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (!barred[i]) continue;
    std::string_view header = line_of(i);
    size_t separators = text::cell_separators(header);
    if (separators < 2 || has_digit(header)) continue;
    size_t first = i + 1;
    if (first < blocks.size() && text::is_table_rule(line_of(first))) ++first;
    size_t end = first;
    while (end < blocks.size() && barred[end] &&
           text::cell_separators(line_of(end)) == separators && has_digit(line_of(end))) {
      ++end;
    }
    if (end == first) continue;
    keep(i);
    for (size_t row = first; row < end; ++row) keep(row);
    std::fill(table_lines.begin() + i, table_lines.begin() + end, true);
    i = end - 1;
  }
}

}  // namespace

std::string_view block_kind_name(BlockKind kind) {
  return kBlockKindNames[static_cast<size_t>(kind)];
}

std::optional<std::string> find_date(std::string_view line) {
  if (auto date = find_date_match(line)) return date->iso;
  return std::nullopt;
}

std::optional<std::string> date_in_path(std::string_view path) {
  auto digit = [&](size_t i) { return i < path.size() && path[i] >= '0' && path[i] <= '9'; };
  auto number = [&](size_t at, size_t n) {
    int value = 0;
    for (size_t k = 0; k < n; ++k) value = value * 10 + (path[at + k] - '0');
    return value;
  };
  auto separator = [&](size_t i) {
    return i < path.size() && (path[i] == '/' || path[i] == '-' || path[i] == '_');
  };
  // The last date in the path: the file's own name and folders come after the site's.
  std::optional<std::string> found;
  for (size_t i = 0; i + 8 <= path.size(); ++i) {
    // (a digit here starts a run: each run is passed whole, at the end of the loop)
    if (path[i] < '0' || path[i] > '9') continue;
    size_t run = i;
    while (digit(run)) ++run;
    int year = 0, month = 0, day = 0;
    size_t run_length = run - i;
    if (run_length == 8) {  // 20241126
      year = number(i, 4), month = number(i + 4, 2), day = number(i + 6, 2);
    } else if (run_length == 6 && separator(run) && digit(run + 1) && digit(run + 2) &&
               !digit(run + 3)) {  // 202411/26
      year = number(i, 4), month = number(i + 4, 2), day = number(run + 1, 2);
    } else if (run_length == 4 && separator(run) && digit(run + 1) && digit(run + 2)) {
      size_t m = run + 1;
      if (digit(m + 2) && digit(m + 3) && !digit(m + 4)) {  // 2024/1126
        year = number(i, 4), month = number(m, 2), day = number(m + 2, 2);
      } else if (!digit(m + 2) && separator(m + 2) && digit(m + 3) && digit(m + 4) &&
                 !digit(m + 5)) {  // 2024-11/26, 2024/11/26, 2024-11-26
        year = number(i, 4), month = number(m, 2), day = number(m + 3, 2);
      }
    }
    // 2022/3/30/: folders of one or two digits (a CMS's /art/2022/3/30/), the day a folder too
    // (a '/' after it), never a numbered file (2024/1/5.txt).
    if (year == 0 && run_length == 4 && run < path.size() && path[run] == '/') {
      size_t m = run + 1, me = m;
      while (digit(me) && me - m < 3) ++me;
      size_t d = me + 1, de = d;
      while (digit(de) && de - d < 3) ++de;
      if (me > m && me - m <= 2 && me < path.size() && path[me] == '/' && de > d && de - d <= 2 &&
          de < path.size() && path[de] == '/') {
        year = number(i, 4), month = number(m, me - m), day = number(d, de - d);
      }
    }
    if (year >= 1990 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31) {
      char iso[16];
      std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
      found = iso;
    }
    i = run;
  }
  return found;
}

namespace {

// Appends the places named in `text` that `regions` does not hold yet: provinces, prefectures
// and countries named by their names (programme abbreviations such as 援藏 are the subject of
// a report's facts, not places it names).
void add_regions(std::string_view text, std::vector<std::string>& regions) {
  for (const PlaceMention& m : find_places(text)) {
    if (!m.place || m.place->level == PlaceLevel::county) continue;
    if (m.how != PlaceMention::How::official && m.how != PlaceMention::How::short_name) continue;
    if (std::find(regions.begin(), regions.end(), m.place->name) == regions.end()) {
      regions.emplace_back(m.place->name);
    }
  }
}

// A site's name above its menu is not the title: when the title is followed only by
// navigation lines, then a headline-like line and the page's metadata line (来源:… 发布时间:…),
// that line is the title.
void headline_above_metadata(std::string_view text, Document& doc) {
  size_t title = doc.blocks.size();
  for (size_t i = 0; i < doc.blocks.size() && i < kHeaderLines; ++i) {
    if (doc.blocks[i].kind == BlockKind::title) {
      title = i;
      break;
    }
  }
  if (title + 3 >= doc.blocks.size()) return;
  size_t i = title + 1;
  while (i < doc.blocks.size() && i < kHeaderLines &&
         doc.blocks[i].kind == BlockKind::boilerplate) {
    ++i;
  }
  if (i == title + 1 || i + 1 >= doc.blocks.size()) return;
  // A site's name holds no count; a headline with one stays the title.
  std::string_view old =
      text.substr(doc.blocks[title].start, doc.blocks[title].end - doc.blocks[title].start);
  if (std::any_of(old.begin(), old.end(), [](char c) { return c >= '0' && c <= '9'; })) return;
  Block& candidate = doc.blocks[i];
  std::string_view line = text.substr(candidate.start, candidate.end - candidate.start);
  if (candidate.kind != BlockKind::paragraph || ends_sentence(line) ||
      is_wide(line, kMaxTitleWidth) || doc.blocks[i + 1].kind != BlockKind::metadata) {
    return;
  }
  doc.blocks[title].kind = BlockKind::boilerplate;
  candidate.kind = BlockKind::title;
  doc.title.assign(headline_text(line));
}

// What follows an e-paper's date when it names the page (第A03版:民生, 第3版): nothing of
// it is narrative. Returns `after` without it, or `after` unchanged.
std::string_view without_page(std::string_view after) {
  std::string_view rest = text::trim(after);
  if (!rest.starts_with("第")) return after;
  rest.remove_prefix(std::string_view("第").size());
  size_t page = 0;
  while (page < rest.size() && page < 4 && std::isalnum(static_cast<unsigned char>(rest[page]))) {
    ++page;
  }
  if (page == 0 || !rest.substr(page).starts_with("版")) return after;
  rest.remove_prefix(page + std::string_view("版").size());
  // 第A03版:民生: the page's name after a colon
  if (rest.starts_with(":") || rest.starts_with("：")) return {};
  return rest;
}

// Without the page's tools in brackets that close a line (某县卫生健康局 2020/12/21
// 【打印】【关闭】).
std::string_view without_tools(std::string_view line) {
  line = text::trim(line);
  while (line.ends_with("】")) {
    size_t open = line.rfind("【");
    if (open == std::string_view::npos) break;
    line = text::trim(line.substr(0, open));
  }
  return line;
}

// Display columns a signature or a credit line stays below (a paper's issue with its reporters
// after it a little wider): a wider line is prose.
constexpr size_t kCreditWidth = 61;
constexpr size_t kIssueCreditWidth = 81;

// A paper's credit line of items between bars (某某日报 | 2024-06-20 | 记者 某某): one item a
// date on its own, another the outlet's name or a reporter's credit, where a site's menu (首页 |
// 新闻 | 政务, which is_menu also matches) holds neither.
bool dated_between_bars(std::string_view line) {
  if (line.find('|') == std::string_view::npos || is_wide(line, kMaxMarkedWidth)) return false;
  bool date = false, credit = false;
  for (size_t start = 0; start <= line.size();) {
    size_t bar = std::min(line.find('|', start), line.size());
    std::string_view item = text::trim(line.substr(start, bar - start));
    start = bar + 1;
    if (item.empty()) continue;
    if (is_date_line(item)) {
      date = true;
      continue;
    }
    const Marker* marker = markers().find(item);
    bool outlet = std::any_of(markers().outlets.begin(), markers().outlets.end(),
                              [&](std::string_view w) { return item.ends_with(w); });
    credit = credit || (marker && marker->credit) || (outlet && is_source_name(item, kCreditWidth));
  }
  return date && credit;
}

// A short line that a date ends, or holds in brackets: an issuer's signature or a paper's
// credit (省卫生健康委员会办公室 2024年4月2日, 《南方卫生报》(2024年03月05日 第07版),
// 《南方卫生报》 2024年03月05日 第A07版:民生, （省卫生健康委员会办公室 2024年4月2日）), the
// page's tools after it too. A paper's issue (the date right after 《…》:
// （原载《某日报》2024年3月15日 第3版 记者 …）) dates the credit whatever names follow, in a line a
// little wider.
bool dated_credit(std::string_view line) {
  if (dated_between_bars(line)) return true;
  // (the width measured last: most lines asked are the body's last, ended as sentences)
  if (ends_sentence(line) || line.find("，") != std::string_view::npos ||
      line.find(",") != std::string_view::npos || is_wide(line, kIssueCreditWidth)) {
    return false;
  }
  auto date = find_date_match(line);
  if (!date || date->start == 0) return false;
  std::string_view before = text::trim(line.substr(0, date->start));
  if (before.ends_with("(") || before.ends_with("（")) return !is_wide(line, kCreditWidth);
  if (before.ends_with("》")) return true;
  if (is_wide(line, kCreditWidth)) return false;
  std::string_view after = without_page(without_tools(line.substr(date->end)));
  for (std::string_view close : {")", "）"}) {
    if (before.starts_with(close == ")" ? "(" : "（") && after.ends_with(close)) {
      after.remove_suffix(close.size());
    }
  }
  // 2023年9月6日报道, 2023年9月6日电: the credit's word of reporting after its date.
  for (const auto* words : {&markers().reported, &markers().issued}) {
    for (std::string_view word : *words) {
      if (after.ends_with(word)) after.remove_suffix(word.size());
    }
  }
  size_t k = time_of_day_length(after);
  if (k == after.size()) return true;
  // (记者 … 通讯员 …) 2024年01月16日 河南日报: the paper's name after the issue's date
  if (names_outlet(after)) return true;
  // 原创 某某医院 某某健康 2024年03月08日 09:20 四川: after the time of day, the place a social
  // platform shows as the author's IP location (a province, 中国香港 at the widest).
  constexpr size_t kMaxLocationWidth = 9;
  return after.substr(0, k).find(':') != std::string_view::npos &&
         is_source_name(after.substr(k), kMaxLocationWidth);
}

// A bracketed credit line under a speech's or a statement's title that dates it to the month
// only: (2024年8月 省卫生健康委主任), （2023年12月）. Gives "2024-08" (ISO 8601's month).
std::optional<std::string> month_credit(std::string_view line) {
  if (!(line.starts_with("(") || line.starts_with("（")) ||
      !(line.ends_with(")") || line.ends_with("）")) || is_wide(line, 41) ||
      line.find("，") != std::string_view::npos || find_date_match(line)) {
    return std::nullopt;
  }
  size_t open = line.starts_with("(") ? 1 : std::string_view("（").size();
  size_t pos = open;
  int year = 0, month = 0;
  if (read_digits(line, pos, year) != 4 || year < 1949 || year > 2100) return std::nullopt;
  if (!line.substr(pos).starts_with("年")) return std::nullopt;
  pos += std::string_view("年").size();
  size_t n = read_digits(line, pos, month);
  if (n == 0 || n > 2 || month < 1 || month > 12 || !line.substr(pos).starts_with("月")) {
    return std::nullopt;
  }
  char iso[8];
  std::snprintf(iso, sizeof iso, "%04d-%02d", year, month);
  return std::string(iso);
}

// A line that opens with a label naming its date or credit (发布时间：…, 来源 …, 责任编辑：…): a
// dating word at its start, or in the few characters before its colon.
bool opens_with_dating_label(std::string_view line) {
  auto holds_dating_word = [](std::string_view part, bool at_start) {
    return std::any_of(markers().dating.begin(), markers().dating.end(),
                       [&](std::string_view word) {
                         return at_start ? part.starts_with(word) : text::contains(part, word);
                       });
  };
  if (holds_dating_word(line, true)) return true;
  constexpr size_t kLabelWidth = 8;  // 责任编辑
  size_t colon = std::min(line.find("："), line.find(':'));
  if (colon == std::string_view::npos) return false;
  std::string_view label = line.substr(0, colon);
  return !is_wide(label, kLabelWidth + 1) && holds_dating_word(label, false);
}

// A line after the body that dates the report: its block is metadata, no longer body text.
void dates_the_document(Block& block, std::string_view line, std::string_view source,
                        Document& doc) {
  block.kind = BlockKind::metadata;
  doc.date = find_date(line).value_or("");
  doc.date_source = source;
}

// Lines after the body (before a related-articles list) that date the page: a date on a line
// of its own (2017-07-21, 18.03.2020 09:10), or a metadata or credit line holding one
// (发布时间:…, 来源:… 2017-07-21). The one nearest the body wins; a paragraph ends the search.
void trailing_date(std::string_view text, Document& doc, size_t related) {
  constexpr size_t kTrailerLines = 6;
  size_t end = std::min(related, doc.blocks.size());
  size_t stop = end > kTrailerLines ? end - kTrailerLines : 0;
  for (size_t i = end; i-- > stop;) {
    Block& b = doc.blocks[i];
    std::string_view line = text.substr(b.start, b.end - b.start);
    if (b.kind == BlockKind::title) break;
    if (is_date_line(line)) {
      dates_the_document(b, line, "text:lone_line", doc);
      continue;
    }
    // 记者 李华 | 2021年09月03日 08:15: a reporter's credit is boilerplate, but dates the page
    bool may_credit = b.kind == BlockKind::paragraph || b.kind == BlockKind::boilerplate;
    if (may_credit && dated_credit(line)) {
      dates_the_document(b, line, "text:metadata", doc);
      continue;
    }
    if (b.kind == BlockKind::paragraph) {
      // A bulleted teaser of another article (· 某县医院新住院楼投入使用 新增床位120张) is no body.
      if (line.starts_with("·") || line.starts_with("•")) continue;
      // A signature or a note (省卫生健康委员会, （此件公开发布）) is no body yet.
      if (ends_sentence(line) || is_wide(line, 41) || line.find("，") != std::string_view::npos) {
        break;
      }
      continue;
    }
    if (b.kind == BlockKind::caption) continue;
    bool dated = b.kind == BlockKind::metadata ||
                 std::any_of(markers().dating.begin(), markers().dating.end(),
                             [&](std::string_view word) { return text::contains(line, word); });
    if (!dated) continue;
    if (auto date = metadata_date(line)) {
      doc.date = *date;
      doc.date_source = "text:metadata";
    }
  }
  // 某市卫生健康委员会　2024年3月5日发布: the issuer's signature closing the page dates it below a
  // related list too, whose teasers' dates (a title and its day) are no date of the report; so
  // does the page's info line that opens with its label (发布时间：2021-12-20　浏览：1,105,
  // 责任编辑：张三 2023-11-02), where a teaser opens with its title. The site's footer may close
  // the page under it (主办：…, 某ICP备…).
  if (!doc.date.empty() || related >= doc.blocks.size()) return;
  constexpr size_t kClosingLines = 3;
  size_t closing_stop =
      std::max(related, doc.blocks.size() - std::min(doc.blocks.size(), kClosingLines));
  for (size_t i = doc.blocks.size(); i-- > closing_stop;) {
    Block& closing = doc.blocks[i];
    std::string_view line = text.substr(closing.start, closing.end - closing.start);
    bool issued = i + 1 == doc.blocks.size() &&
                  std::any_of(markers().issued.begin(), markers().issued.end(),
                              [&](std::string_view word) { return line.ends_with(word); });
    if ((issued && dated_credit(line)) ||
        (opens_with_dating_label(line) && !is_wide(line, kCreditWidth) && find_date(line))) {
      dates_the_document(closing, line, "text:metadata", doc);
      return;
    }
  }
}

}  // namespace

std::vector<std::string> find_regions(std::string_view text) {
  std::vector<std::string> regions;
  add_regions(text, regions);
  return regions;
}

Document analyze_document(std::string_view text, const DocumentOptions& options) {
  Document doc;
  analyze_document(text, options, doc);
  return doc;
}

void analyze_document(std::string_view text, const DocumentOptions& options, Document& doc) {
  // A fresh Document, whatever fields it gains, but for the room of its blocks and title, kept.
  std::vector<Block> blocks = std::move(doc.blocks);
  std::string title = std::move(doc.title);
  blocks.clear(), title.clear();
  doc = Document{};
  doc.blocks = std::move(blocks), doc.title = std::move(title);
  if (options.describe) doc.chars = text::count_code_points(text);
  // Of each block: its marker_of starts a list of related articles (a byte each: a bit of a
  // std::vector<bool> took a dozen instructions to push, at every line).
  // (These and keep_tables' table_lines reused: no allocation a document.)
  thread_local std::vector<char> related, barred, table_lines;
  related.clear(), barred.clear();  // barred: of each block, its line holds a '|'
  // The first block that is a web address (and where it points), asked of each line once.
  size_t address_block = SIZE_MAX;
  std::string_view address;
  // The characters that the tests of a line need and most lines lack, each searched for over the
  // text once instead of in every line (two calls a line). (Not 发表于: its search stops at a byte
  // common in prose, so it is asked of short lines only.)
  text::NextOccurrence angle(text, ">"), bar(text, "|");
  const Markers& table = markers();
  // Room for the lines of ordinary prose (one every ~200 bytes), so that the vectors seldom grow.
  doc.blocks.reserve(text.size() / 128 + 8);
  related.reserve(doc.blocks.capacity());
  barred.reserve(doc.blocks.capacity());
  size_t line_start = 0;
  while (line_start <= text.size()) {
    size_t line_end = text.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = text.size();
    std::string_view raw = text.substr(line_start, line_end - line_start);
    std::string_view line = text::trim(raw);
    if (!line.empty()) {
      size_t start = line.data() - text.data(), end = start + line.size();
      const Marker* marker = marker_of(line);
      bool has_angle = angle.within(start, end), has_bar = bar.within(start, end);
      // (the other arrows searched for in a line that may open a breadcrumb only, not over the
      // text: it is short, and most lines open otherwise)
      LineSigns signs{.separator = has_angle || has_bar,
                      .arrow = table.may_open_with_column(line) &&
                               (has_angle || line.find("»") != std::string_view::npos ||
                                line.find("＞") != std::string_view::npos)};
      BlockKind kind = classify_line(line, marker, signs);
      // A social account's header: 某某医院 2023-11-08 09:30 发表于湖北.
      // (not searched in a surely wide line: most paragraphs are, and the search stops at every
      // byte that ends 于, a common last byte)
      if (kind == BlockKind::paragraph && !surely_wide(line) && text::contains(line, "发表于") &&
          !is_wide(line, kMaxMarkedWidth) && find_date(line)) {
        kind = BlockKind::metadata;
      }
      std::string_view line_address = address_in(line);
      if (!line_address.empty() && address.empty()) {
        address = line_address;
        address_block = doc.blocks.size();
      }
      if (kind == BlockKind::paragraph && !line_address.empty()) kind = BlockKind::boilerplate;
      doc.blocks.push_back({kind, start, end});
      related.push_back(marker && marker->related);
      barred.push_back(has_bar);
    }
    line_start = line_end + 1;
  }
  keep_tables(text, doc.blocks, barred, table_lines);
  size_t related_start = mark_related(doc.blocks, related);
  if (address_block < related_start) doc.address = address;
  doc.related_start =
      related_start < doc.blocks.size() ? doc.blocks[related_start].start : text.size();
  mark_teasers(text, doc.blocks, table_lines);

  bool title_decided = false, body_started = false;
  for (size_t i = 0; i < doc.blocks.size(); ++i) {
    Block& b = doc.blocks[i];
    std::string_view line = text.substr(b.start, b.end - b.start);
    bool header = i < kHeaderLines && !body_started;
    // 记者 张强 文/摄 2023.09.06 under the headline: a credit marked as boilerplate dates it too.
    const Marker* credit_marker =
        header && b.kind == BlockKind::boilerplate ? marker_of(line) : nullptr;
    // A credit line between bars (某某日报 | 2024-06-20 | 记者 某某) that is_menu took for a menu.
    bool credit = (credit_marker && credit_marker->credit) ||
                  (header && b.kind == BlockKind::boilerplate && dated_between_bars(line));
    if (header && (b.kind == BlockKind::paragraph || credit) &&
        (is_date_line(line) || (i > 0 && title_decided && dated_credit(line)))) {
      b.kind = BlockKind::metadata;
    }
    if (header && doc.date.empty() && i > 0 && title_decided && b.kind == BlockKind::paragraph) {
      if (auto month = month_credit(line)) {
        b.kind = BlockKind::metadata;
        doc.date = *month;
        doc.date_source = "text:metadata";
      }
    }
    if (header && doc.date.empty() && b.kind == BlockKind::metadata) {
      if (auto date = metadata_date(line)) {
        doc.date = *date;
        doc.date_source = is_date_line(line) ? "text:lone_line" : "text:metadata";
      }
    }
    if (b.kind != BlockKind::paragraph) continue;
    if (!title_decided && is_credit_or_caption(line)) {
      b.kind = BlockKind::caption;
      continue;
    }
    // A first line that reads as a sentence is the report's first paragraph, not a title;
    // one that exclaims is a headline when the page's metadata line follows it, or under a
    // column's name.
    // (asked of the first paragraph only: column_headline searches the whole line for bars)
    const auto headline = [&] {
      bool exclaims = line.ends_with("!") || line.ends_with("！");
      return !ends_sentence(line) || column_headline(line) ||
             (exclaims && i + 1 < doc.blocks.size() &&
              doc.blocks[i + 1].kind == BlockKind::metadata);
    };
    if (!title_decided && headline() && !is_wide(line, kMaxTitleWidth)) {
      b.kind = BlockKind::title;
      doc.title.assign(headline_text(line));
    } else if (!body_started && (ends_sentence(line) || is_wide(line, kMinBodyWidth))) {
      body_started = true;  // a subtitle or a 主题: line still belongs to the header
    }
    title_decided = true;
  }
  headline_above_metadata(text, doc);
  if (doc.date.empty()) trailing_date(text, doc, related_start);
  for (const Block& b : doc.blocks) {
    if (options.describe && is_countable(b.kind)) {
      add_regions(text.substr(b.start, b.end - b.start), doc.regions);
    }
  }
}

}  // namespace zhreport
