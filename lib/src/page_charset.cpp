// Recognizing a page (its first bytes) and the charset to decode it with (declared, unless
// the bytes are UTF-8).
#include <cctype>

#include "page_reader.h"
#include "zhreport/decode.h"

namespace zhreport {

using page_detail::iequals;
using page_detail::is_html_space;

namespace {

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

}  // namespace

bool looks_like_html(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  for (int rounds = 0; rounds < 16; ++rounds) {
    while (!bytes.empty() && is_html_space(bytes.front())) bytes.remove_prefix(1);
    if (bytes.starts_with("<!--")) {
      size_t end = bytes.find("-->");
      if (end == std::string_view::npos) return false;
      bytes.remove_prefix(end + 3);
      continue;
    }
    if (bytes.starts_with("<?xml")) {
      size_t end = bytes.find("?>");
      if (end == std::string_view::npos) return false;
      bytes.remove_prefix(end + 2);
      continue;
    }
    break;
  }
  // (a text, most inputs, is told by its first byte)
  if (!bytes.starts_with('<')) return false;
  for (std::string_view start : {"<!doctype html", "<html", "<head", "<meta", "<body"}) {
    if (istarts_with(bytes, start) &&
        (bytes.size() == start.size() ||
         !std::isalnum(static_cast<unsigned char>(bytes[start.size()])))) {
      return true;
    }
  }
  return false;
}

namespace {

// Strict UTF-8 (no overlongs, no surrogates): a page that reads as UTF-8 is UTF-8 whatever its
// <meta> says (a browser's "save page" re-encodes and keeps the old declaration).
bool is_valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c < 0xE0 ? 2 : 0;
    if (n == 0 || (c >= 0xF0 && n != 4) || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    auto c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0) || (c == 0xF0 && c1 < 0x90) ||
        (c == 0xF4 && c1 >= 0x90)) {
      return false;
    }
    i += n;
  }
  return true;
}

}  // namespace

std::string_view page_charset(std::string_view bytes, std::string_view hint) {
  std::string_view charset = hint.empty() ? declared_charset(bytes) : hint;
  if (charset.empty() || parse_encoding(charset) == Encoding::utf8 || is_valid_utf8(bytes)) {
    return {};
  }
  return charset;
}

std::string_view declared_charset(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 4096);
  for (size_t at = 0; at < head.size();) {
    size_t found = std::string_view::npos;
    for (size_t i = at; i + 8 <= head.size(); ++i) {
      if (iequals(head.substr(i, 8), "charset=")) {
        found = i;
        break;
      }
    }
    if (found == std::string_view::npos) return {};
    size_t start = found + 8;
    while (start < head.size() && (head[start] == '"' || head[start] == '\'' || head[start] == ' '))
      ++start;
    size_t end = start;
    while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) ||
                                 head[end] == '-' || head[end] == '_')) {
      ++end;
    }
    if (end > start) return head.substr(start, end - start);
    at = start;
  }
  return {};
}

}  // namespace zhreport
