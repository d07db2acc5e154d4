#include "table.h"

#include <fmt/core.h>
#include <utf8proc.h>

#include <array>
#include <string_view>

#include "zhreport/output.h"
#include "zhreport/qualifier.h"

namespace zhreport::extract_app {

namespace {

// Column widths in terminal columns; the last column (quote) is not padded.
constexpr std::array<size_t, 9> kWidths = {30, 21, 12, 10, 6, 12, 18, 12, 22};

size_t terminal_width(std::string_view text) {
  size_t width = 0;
  const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  for (utf8proc_ssize_t i = 0; i < static_cast<utf8proc_ssize_t>(text.size());) {
    utf8proc_int32_t c;
    utf8proc_ssize_t n = utf8proc_iterate(bytes + i, text.size() - i, &c);
    if (n <= 0) n = 1, c = '?';
    width += std::max(0, utf8proc_charwidth(c));
    i += n;
  }
  return width;
}

void append_cell(std::string& out, std::string_view text, size_t width, bool right = false) {
  size_t used = terminal_width(text);
  std::string padding(used < width ? width - used : 0, ' ');
  if (right) out += padding;
  out += text;
  if (!right) out += padding;
  out += ' ';
}

// The table shows a document by its file name: full paths would push every row out of line.
std::string_view file_name(std::string_view doc) {
  size_t cut = doc.find_last_of("/!");
  return cut == std::string_view::npos ? doc : doc.substr(cut + 1);
}

}  // namespace

void append_table_header(std::string& out) {
  constexpr std::array<std::string_view, 10> kNames = {
      "doc", "metric", "value", "qualifier", "unit", "counted", "to", "from", "period", "quote"};
  for (size_t i = 0; i < kWidths.size(); ++i) append_cell(out, kNames[i], kWidths[i], i == 2);
  out += kNames.back();
  out += '\n';
}

void append_table_row(std::string& out, const Fact& fact) {
  std::string value;
  append_number(value, fact.value);
  if (fact.value_max) {
    value += '-';
    append_number(value, *fact.value_max);
  }
  append_cell(out, file_name(fact.doc), kWidths[0]);
  append_cell(out, fact.metric, kWidths[1]);
  append_cell(out, value, kWidths[2], true);
  append_cell(out, qualifier_name(fact.qualifier), kWidths[3]);
  append_cell(out, fact.unit, kWidths[4]);
  append_cell(out, fact.counted, kWidths[5]);
  append_cell(out, fact.to, kWidths[6]);
  append_cell(out, fact.from, kWidths[7]);
  // since..until, or the one that is known
  std::string period = fact.since;
  if (!fact.until.empty() && fact.until != fact.since) period += ".." + fact.until;
  append_cell(out, period, kWidths[8]);
  out += fact.quote;
  out += '\n';
}

}  // namespace zhreport::extract_app
