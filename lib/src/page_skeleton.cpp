// What gumbo parses: the page without the bodies of its <script> and <style> elements (most of
// a real page's bytes, and the slowest for gumbo's tokenizer to step through), with the map
// from the parsed bytes back to the page's and the scripts' code kept aside (JSON-LD, a WeChat
// article's publish_time). Only bodies whose end tag is found and that hold no "<!--" (where
// the HTML tokenizer's escape states could end them elsewhere) are cut; comments, <title>,
// <textarea> and raw-text elements are stepped over as the tokenizer does, so a "<script" in
// them is not taken for one.
#include <algorithm>
#include <cstring>

#include "page_reader.h"

namespace zhreport::page_detail {

namespace {

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The tag name at `at` (just after '<' or "</"), lower case, at most 16 bytes.
std::string_view tag_name(std::string_view html, size_t at, char (&buffer)[16]) {
  size_t n = 0;
  while (at + n < html.size() && n < sizeof buffer &&
         (is_ascii_alpha(html[at + n]) || (n > 0 && html[at + n] >= '0' && html[at + n] <= '9'))) {
    buffer[n] = lower(html[at + n]);
    ++n;
  }
  return {buffer, n};
}

// The end of the start tag whose name ends at `at`: after its '>', quoted values stepped over;
// npos when the page ends first.
size_t end_of_tag(std::string_view html, size_t at) {
  while (at < html.size()) {
    char c = html[at];
    if (c == '>') return at + 1;
    if (c == '"' || c == '\'') {
      // A quote opens a value only after '='; elsewhere the tokenizer takes it as a name's byte,
      // which stepping over to the next quote would get wrong only on broken markup.
      size_t before = at;
      while (before > 0 && is_html_space(html[before - 1])) --before;
      if (before > 0 && html[before - 1] == '=') {
        size_t close = html.find(c, at + 1);
        if (close == std::string_view::npos) return std::string_view::npos;
        at = close + 1;
        continue;
      }
    }
    ++at;
  }
  return std::string_view::npos;
}

// The position of the end tag "</name" (any case, then a blank, '/' or '>') from `at`, or npos.
size_t find_end_tag(std::string_view html, size_t at, std::string_view name) {
  while (true) {
    size_t lt = html.find("</", at);
    if (lt == std::string_view::npos) return lt;
    size_t after = lt + 2 + name.size();
    if (after < html.size() && iequals(html.substr(lt + 2, name.size()), name) &&
        (is_html_space(html[after]) || html[after] == '/' || html[after] == '>')) {
      return lt;
    }
    at = lt + 2;
  }
}

}  // namespace

Skeleton::Skeleton(std::string_view html) : page_(html) {
  char buffer[16];
  size_t copied = 0;  // bytes of the page before this are in html_ (or cut)
  for (size_t at = 0; at < html.size();) {
    const void* found = std::memchr(html.data() + at, '<', html.size() - at);
    if (!found) break;
    size_t lt = static_cast<size_t>(static_cast<const char*>(found) - html.data());
    if (html.substr(lt).starts_with("<!--")) {
      size_t end = html.find("-->", lt + 4);
      if (end == std::string_view::npos) break;
      at = end + 3;
      continue;
    }
    if (lt + 1 >= html.size() || !is_ascii_alpha(html[lt + 1])) {
      at = lt + 1;
      continue;
    }
    std::string_view name = tag_name(html, lt + 1, buffer);
    size_t open_end = end_of_tag(html, lt + 1 + name.size());
    if (open_end == std::string_view::npos) break;
    at = open_end;  // a self-closing '/' changes nothing for these elements
    bool cut = name == "script" || name == "style";
    bool skipped = name == "title" || name == "textarea" || name == "xmp" || name == "iframe" ||
                   name == "noembed" || name == "noframes" || name == "plaintext";
    if (!cut && !skipped) continue;
    if (name == "plaintext") break;
    size_t close = find_end_tag(html, open_end, name);
    if (close == std::string_view::npos) break;
    at = close;
    std::string_view body = html.substr(open_end, close - open_end);
    if (!cut || body.size() < kMinCut || body.find("<!--") != std::string_view::npos) continue;
    if (html_.empty()) html_.reserve(html.size());
    html_.append(html.substr(copied, open_end - copied));
    copied = close;
    removed_ += body.size();
    cuts_.push_back({static_cast<uint32_t>(html_.size()), static_cast<uint32_t>(removed_)});
    bodies_.push_back(body);
  }
  if (!cuts_.empty()) html_.append(html.substr(copied));
}

size_t Skeleton::to_page(size_t offset) const {
  auto after = std::upper_bound(cuts_.begin(), cuts_.end(), offset,
                                [](size_t o, const Cut& c) { return o < c.at; });
  return after == cuts_.begin() ? offset : offset + std::prev(after)->removed;
}

std::string_view Skeleton::body_at(size_t offset) const {
  auto it = std::lower_bound(cuts_.begin(), cuts_.end(), offset,
                             [](const Cut& c, size_t o) { return c.at < o; });
  if (it == cuts_.end() || it->at != offset) return {};
  return bodies_[static_cast<size_t>(it - cuts_.begin())];
}

}  // namespace zhreport::page_detail
