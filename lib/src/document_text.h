// Small text helpers shared by the document and facts stages: UTF-8 stepping, display width,
// and reading the project's TSV tables (data/*.tsv, embedded in the library).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace zhreport::text {

// Bytes of the UTF-8 sequence led by `lead` (1 for a stray continuation byte).
inline size_t utf8_length(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

// Start of the character after the one at `pos` (clamped to the end).
inline size_t next_char(std::string_view s, size_t pos) {
  size_t next = pos + utf8_length(static_cast<unsigned char>(s[pos]));
  return next < s.size() ? next : s.size();
}

// Start of the character before `pos` (pos > 0).
inline size_t previous_char(std::string_view s, size_t pos) {
  do {
    --pos;
  } while (pos > 0 && (static_cast<unsigned char>(s[pos]) & 0xC0) == 0x80);
  return pos;
}

// The code point at `pos` (valid UTF-8 assumed; decode.h guarantees it).
char32_t code_point_at(std::string_view s, size_t pos);

size_t count_code_points(std::string_view s);

// Columns on a terminal: 2 for CJK and full-width characters, 1 for the rest. Web pages cut
// teaser lines at a fixed width, which this measures.
size_t display_width(std::string_view s);

// Without leading and trailing ASCII blanks, U+3000 and NBSP.
std::string_view trim(std::string_view s);

std::vector<std::string_view> split(std::string_view s, char separator);

// The rows of a TSV table: comment lines (#) and blank lines skipped, fields split on tabs.
std::vector<std::vector<std::string_view>> tsv_rows(std::string_view tsv);

}  // namespace zhreport::text
