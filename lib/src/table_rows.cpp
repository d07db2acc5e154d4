#include "table_rows.h"

#include <algorithm>
#include <cstdint>

#include "document_text.h"
#include "facts_lexicon.h"
#include "zhreport/facts.h"

namespace zhreport::facts_detail {
namespace {

using text::code_point_at;
using text::next_char;

// Whether a blank starts at `p`: ' ', '\t', U+3000 or U+00A0 (a page's &nbsp;, which sites put
// between cells), told by its bytes (valid UTF-8: there is no other way to write them), where
// decoding every character of a cell took twice the instructions.
bool is_blank_at(std::string_view s, size_t p) {
  const auto* u = reinterpret_cast<const unsigned char*>(s.data()) + p;
  switch (u[0]) {
    case ' ':
    case '\t':
      return true;
    case 0xE3:
      return s.size() - p >= 3 && u[1] == 0x80 && u[2] == 0x80;
    case 0xC2:
      return s.size() - p >= 2 && u[1] == 0xA0;
    default:
      return false;
  }
}

// (Not find_first_of: libstdc++'s calls memchr over the set for every byte of `s`.)
bool has_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The cells of a line written with `|` between them (| 桦南县 | 14 | 186 |): each part trimmed,
// an empty one kept (a cell left blank keeps the columns after it in place), the parts before
// the first and after the last separator only when they hold text.
std::vector<Cell> cells_between_separators(std::string_view s, size_t begin, size_t end) {
  std::vector<Cell> cells;
  std::string_view line = s.substr(begin, end - begin);
  size_t part = 0;
  for (size_t bar = line.find('|');; bar = line.find('|', part)) {
    size_t part_end = bar == line.npos ? line.size() : bar;
    std::string_view cell = text::trim(line.substr(part, part_end - part));
    size_t start = begin + (cell.data() - line.data());
    bool outer = part == 0 || bar == line.npos;
    if (!outer || !cell.empty()) cells.push_back({start, start + cell.size()});
    if (bar == line.npos) break;
    part = bar + 1;
  }
  return cells;
}

// The cell at or after `p` (past blanks) in [p, end), or an empty one at `end`; one of more
// than `max_chars` characters is cut after max_chars + 1 of them (a caller that wants short
// cells only need not read a sentence to its first blank).
Cell next_cell(std::string_view s, size_t p, size_t end, size_t max_chars = SIZE_MAX) {
  while (p < end && is_blank_at(s, p)) p = next_char(s, p);
  size_t start = p;
  for (size_t chars = 0; p < end && chars <= max_chars && !is_blank_at(s, p); ++chars) {
    p = next_char(s, p);
  }
  return {start, p};
}

constexpr size_t kMaxName = 8;  // characters of a column's name: 培训医务人员, 完成手术台次
constexpr size_t kMaxUnit = 5;  // characters of the unit bracketed after it: (万人次)

// The characters of `s`, or nullopt when it holds a clause mark (no name does).
std::optional<size_t> name_chars(std::string_view s) {
  size_t chars = 0;
  for (size_t p = 0; p < s.size(); p = next_char(s, p), ++chars) {
    static constexpr std::u32string_view kClauseMarks = U",.;:!?，。、；：！？";
    if (kClauseMarks.find(code_point_at(s, p)) != kClauseMarks.npos) return std::nullopt;
  }
  return chars;
}

// Whether a cell may name a column: a few characters, no digit, no clause mark; a unit in
// brackets at its end is no part of the name's length (新开展技术项目(项)).
bool is_name(std::string_view s, const Cell& c) {
  std::string_view name = s.substr(c.start, c.end - c.start);
  if (has_digit(name)) return false;
  size_t unit = name.size();
  if (std::optional<Lexicon::Bracketed> b = lexicon().bracketed_at_end(name)) unit = b->open;
  std::optional<size_t> name_length = name_chars(name.substr(0, unit));
  std::optional<size_t> unit_length = name_chars(name.substr(unit));
  return name_length && *name_length <= kMaxName && unit_length && *unit_length <= kMaxUnit;
}

// The cells of a line of column names, three or more names (a sentence with blanks in it is no
// header), else none. The split stops at the first cell that names no column: most lines with a
// blank are sentences, and their first cell is already too long.
std::vector<Cell> header_cells(std::string_view s, size_t begin, size_t end) {
  constexpr size_t kMinColumns = 3;
  std::vector<Cell> cells;
  if (text::cell_separators(s.substr(begin, end - begin)) > 0) {
    cells = cells_between_separators(s, begin, end);
    if (!std::all_of(cells.begin(), cells.end(), [&](const Cell& c) { return is_name(s, c); })) {
      return {};
    }
  } else {
    for (Cell c = next_cell(s, begin, end, kMaxName + kMaxUnit); c.start < end;
         c = next_cell(s, c.end, end, kMaxName + kMaxUnit)) {
      // A cell cut short (more characters than a name and its unit have) is no name, without
      // reading it again: the first cell of most sentences.
      const bool cut = c.end < end && !is_blank_at(s, c.end);
      if (cut || !is_name(s, c)) return {};
      cells.push_back(c);
    }
  }
  if (cells.size() < kMinColumns) return {};
  return cells;
}

// 门急诊(万人次): a bracket that holds 万 or 千 right before a whole classifier, the multiplier
// the column's cells leave out (9.8 → 9.8万人次), with that classifier; nullopt otherwise.
std::optional<std::string> scaled_classifier(std::string_view bracket) {
  for (std::string_view open : {"(", "（"}) {
    if (bracket.starts_with(open)) bracket.remove_prefix(open.size());
  }
  for (std::string_view close : {")", "）"}) {
    if (bracket.ends_with(close)) bracket.remove_suffix(close.size());
  }
  for (std::string_view scale : {"万", "千"}) {
    if (!bracket.starts_with(scale)) continue;
    std::string_view rest = bracket.substr(scale.size());
    const Classifier* c = lexicon().classifier_at(rest, 0);
    if (c && c->text.size() == rest.size()) return std::string(scale) + c->text;
  }
  return std::nullopt;
}

// What a column's name gives the bare numbers under it: the classifier to read them with
// (one in brackets, 派驻人数(名) 帮扶资金（万元）; a name's end of data/words.tsv column_unit,
// 人数 → 人; else the first classifier of a cue in the name, 开展手术 → 台), or "" when the name
// ends with one read before a number (培训人次); nullopt when it names nothing countable.
// `bracketed`: whether the name writes it.
std::optional<std::string> column_classifier(std::string_view name, bool& bracketed) {
  const Lexicon& lex = lexicon();
  bracketed = false;
  if (std::optional<Lexicon::Bracketed> b = lex.bracketed_at_end(name)) {
    if (b->classifier) {
      bracketed = true;
      return b->classifier->text;
    }
    if (std::optional<std::string> scaled = scaled_classifier(name.substr(b->open))) {
      bracketed = true;
      return scaled;
    }
    name = name.substr(0, b->open);
  }
  for (const auto& [end, classifier] : lex.column_unit) {
    if (name.ends_with(end)) return classifier;
  }
  size_t unit_start = 0;
  if (lex.classifier_before(name, 0, name.size(), unit_start)) return "";
  // The last cue of the name: a name's head noun ends it (派驻专家 counts 专家, not the teams
  // 派驻 alone is a cue of).
  std::optional<std::string> head;
  for (size_t p = 0; p < name.size(); p = next_char(name, p)) {
    const auto* words = lex.cue_index.candidates(name, p);
    if (!words) continue;
    for (const auto& [word, cue] : *words) {
      if (name.substr(p).starts_with(word) && (cue->where & kBefore) && cue->metric != "other" &&
          !cue->classifiers.empty()) {
        head = cue->classifiers.front();
        break;
      }
    }
  }
  return head;
}

}  // namespace

std::vector<Cell> cells_of(std::string_view s, size_t begin, size_t end) {
  if (text::cell_separators(s.substr(begin, end - begin)) > 0) {
    return cells_between_separators(s, begin, end);
  }
  std::vector<Cell> cells;
  for (Cell c = next_cell(s, begin, end); c.start < end; c = next_cell(s, c.end, end)) {
    cells.push_back(c);
  }
  return cells;
}

std::vector<std::vector<Cell>> table_headers(std::string_view s, const Document& document,
                                             const std::vector<size_t>& with_cell_breaks) {
  const std::vector<Block>& blocks = document.blocks;
  std::vector<std::vector<Cell>> out(blocks.size());
  size_t rows_end = 0;  // the blocks before it are rows of a header found
  for (size_t i : with_cell_breaks) {
    if (i < rows_end) continue;
    const Block& b = blocks[i];
    std::vector<Cell> header = header_cells(s, b.start, b.end);
    if (header.empty()) continue;
    size_t first = i + 1;  // past a Markdown-like rule under the names (|---|---|)
    if (first < blocks.size() &&
        text::is_table_rule(
            s.substr(blocks[first].start, blocks[first].end - blocks[first].start))) {
      ++first;
    }
    for (size_t k = first; k < blocks.size() && is_countable(blocks[k].kind); ++k) {
      std::string_view row = s.substr(blocks[k].start, blocks[k].end - blocks[k].start);
      if (!has_digit(row) || cells_of(s, blocks[k].start, blocks[k].end).size() != header.size()) {
        break;
      }
      out[k] = header;
      rows_end = k + 1;
    }
  }
  return out;
}

std::optional<Fact> count_in_cell(std::string_view s, const NumberMatch& n, size_t begin,
                                  size_t end, const std::vector<Cell>& header) {
  if (header.empty()) return std::nullopt;
  std::vector<Cell> cells = cells_of(s, begin, end);
  for (size_t k = 0; k < cells.size() && k < header.size(); ++k) {
    if (n.qualifier_start != cells[k].start || n.end != cells[k].end) continue;
    std::string_view name = s.substr(header[k].start, header[k].end - header[k].start);
    bool bracketed = false;
    std::optional<std::string> classifier = column_classifier(name, bracketed);
    if (!classifier) return std::nullopt;
    for (std::string_view open : {"(", "（"}) name = name.substr(0, name.find(open));
    std::string_view cell = s.substr(cells[k].start, cells[k].end - cells[k].start);
    std::vector<Fact> read = find_facts(std::string(name) + std::string(cell) + *classifier);
    if (read.size() != 1 || read[0].metric == "other") return std::nullopt;
    Fact fact = std::move(read[0]);
    if (!bracketed) fact.unit.clear();
    fact.start = cells[k].start;
    fact.end = cells[k].end;
    return fact;
  }
  return std::nullopt;
}

}  // namespace zhreport::facts_detail
