#include "document_text.h"

#include <bit>

namespace zhreport::text {

char32_t code_point_at_other(std::string_view s, size_t pos) {
  auto byte = [&](size_t i) -> char32_t {
    return i < s.size() ? static_cast<unsigned char>(s[i]) & 0x3Fu : 0;
  };
  char32_t lead = static_cast<unsigned char>(s[pos]);
  if (lead < 0x80) return lead;
  if (lead < 0xE0) return ((lead & 0x1Fu) << 6) | byte(pos + 1);
  if (lead < 0xF0) return ((lead & 0x0Fu) << 12) | (byte(pos + 1) << 6) | byte(pos + 2);
  return ((lead & 0x07u) << 18) | (byte(pos + 1) << 12) | (byte(pos + 2) << 6) | byte(pos + 3);
}

size_t count_code_points(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

size_t display_width(std::string_view s, size_t enough) {
  size_t width = 0;
  const auto* u = reinterpret_cast<const unsigned char*>(s.data());
  // U+3000..U+9FFF (leads E3..E9: CJK punctuation and ideographs, most of a Chinese line) are
  // wide whatever their other bytes: no need to decode them.
  const auto wide_lead = [](unsigned char lead) { return lead >= 0xE3 && lead <= 0xE9; };
  for (size_t i = 0, next = 0; i < s.size() && width < enough; i = next) {
    // While eight bytes are left: two such characters (first: most of a line), or the ASCII
    // bytes that open them (a column each), a round (a width asked with `enough` may pass it by
    // as many).
    if (s.size() - i >= 8) {
      if (wide_lead(u[i]) && wide_lead(u[i + 3])) {
        width += 4;
        next = i + 6;
        continue;
      }
      uint64_t word = 0;
      std::memcpy(&word, u + i, sizeof word);
      const uint64_t high = word & 0x8080808080808080ull;
      const size_t ascii =
          static_cast<size_t>(std::endian::native == std::endian::little ? std::countr_zero(high)
                                                                         : std::countl_zero(high)) /
          8;
      if (ascii > 0) {
        width += ascii;
        next = i + ascii;
        continue;
      }
    }
    if (wide_lead(u[i]) && i + 3 <= s.size()) {
      width += 2;
      next = i + 3;
      continue;
    }
    char32_t c = char_at(s, i, next);
    bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
                (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD) || c == 0x201C ||
                c == 0x201D || c == 0x2014 || c == 0x2026;
    width += wide ? 2 : 1;
  }
  return width;
}

bool is_table_rule(std::string_view line) {
  bool dash = false;
  for (char c : line) {
    if (c == '-') {
      dash = true;
    } else if (c != '|' && c != ':' && c != ' ' && c != '\t') {
      return false;
    }
  }
  return dash && cell_separators(line) > 0;
}

std::string_view trim_blanks(std::string_view s) {
  auto blank_prefix = [](std::string_view t) -> size_t {
    if (t.empty()) return 0;
    if (t[0] == ' ' || t[0] == '\t' || t[0] == '\r') return 1;
    if (t.substr(0, 3) == "\u3000") return 3;
    if (t.substr(0, 2) == "\u00A0") return 2;
    return 0;
  };
  auto blank_suffix = [](std::string_view t) -> size_t {
    if (t.empty()) return 0;
    char last = t.back();
    if (last == ' ' || last == '\t' || last == '\r') return 1;
    if (t.size() >= 3 && t.substr(t.size() - 3) == "\u3000") return 3;
    if (t.size() >= 2 && t.substr(t.size() - 2) == "\u00A0") return 2;
    return 0;
  };
  while (size_t n = blank_prefix(s)) s.remove_prefix(n);
  while (size_t n = blank_suffix(s)) s.remove_suffix(n);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char separator) {
  std::vector<std::string_view> parts;
  parts.reserve(8);  // one allocation for most lines of a table
  for_each_part(s, separator, [&](std::string_view part) { parts.push_back(part); });
  return parts;
}

std::vector<std::vector<std::string_view>> tsv_rows(std::string_view tsv) {
  std::vector<std::vector<std::string_view>> rows;
  for_each_tsv_row(tsv, [&](const std::vector<std::string_view>& row) { rows.push_back(row); });
  return rows;
}

}  // namespace zhreport::text
