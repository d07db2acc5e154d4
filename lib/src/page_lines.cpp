// The text of a page as a reader sees it: every element that is not chrome nor a link list,
// a line per block, each byte with the offset of the HTML byte it came from; then the page's
// text: the title line and the article's lines (without the headline's own heading). Also the
// text of single elements (headings, a header in site chrome).
#include <algorithm>

#include "page_reader.h"

namespace zhreport::page_detail {

namespace {

bool is_link_list_tag(GumboTag tag) {
  return tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DL ||
         tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION ||
         tag == GUMBO_TAG_LI || tag == GUMBO_TAG_P || tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TD ||
         tag == GUMBO_TAG_SPAN || tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT;
}

}  // namespace

std::string clean(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : text::trim(s)) {
    if (is_html_space(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return std::string(text::trim(out));
}

// The text of an element's subtree, a line per block (for site chrome, left out of the lines).
std::string subtree_text(const GumboNode* element) {
  std::string out;
  struct Frame {
    const GumboNode* node;
    unsigned next;
  };
  std::vector<Frame> stack{{element, 0}};
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboVector& kids = frame.node->v.element.children;
    if (frame.next == kids.length) {
      if (is_block(frame.node->v.element.tag)) out += '\n';
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(kids.data[frame.next++]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA ||
        child->type == GUMBO_NODE_WHITESPACE) {
      for (const char* c = child->v.text.text; *c; ++c) out += is_html_space(*c) ? ' ' : *c;
    } else if (child->type == GUMBO_NODE_ELEMENT && !is_hidden(child->v.element.tag)) {
      if (child->v.element.tag == GUMBO_TAG_BR || is_block(child->v.element.tag)) out += '\n';
      stack.push_back({child, 0});
    }
  }
  return out;
}

void Reader::put(char c, uint32_t source) {
  if (c == '\n') {
    if (line_empty_) return;
    lines_ += '\n';
    line_sources_.push_back(source);
    line_empty_ = true;
    space_pending_ = false;
    return;
  }
  if (is_html_space(c)) {
    space_pending_ = true;
    return;
  }
  if (space_pending_ && !line_empty_) {
    lines_ += ' ';
    line_sources_.push_back(source);
  }
  space_pending_ = false;
  line_empty_ = false;
  lines_ += c;
  line_sources_.push_back(source);
}

// put() of each byte of a run without blanks, byte i from `source` + i.
void Reader::put_run(std::string_view run, size_t source) {
  if (space_pending_ && !line_empty_) {
    lines_ += ' ';
    line_sources_.push_back(static_cast<uint32_t>(source));
  }
  space_pending_ = false;
  line_empty_ = false;
  lines_.append(run);
  size_t n = line_sources_.size();
  line_sources_.resize(n + run.size());
  for (size_t i = 0; i < run.size(); ++i) line_sources_[n + i] = static_cast<uint32_t>(source + i);
}

void Reader::end_line() { put('\n', last_source_); }

// A text node's decoded text, each byte with the offset of the HTML byte it came from.
void Reader::put_text(const GumboNode* node, bool preformatted) {
  std::string_view text = node->v.text.text;
  std::string_view raw(node->v.text.original_text.data, node->v.text.original_text.length);
  size_t base = skeleton_.to_page(node->v.text.start_pos.offset);  // no cut inside a text
  if (!preformatted && raw == text) {
    // Most texts: no entity, no CR, so byte i came from base + i; runs between blanks at once.
    for (size_t i = 0; i < text.size();) {
      if (is_html_space(text[i])) {
        last_source_ = static_cast<uint32_t>(base + i + 1);
        put(' ', static_cast<uint32_t>(base + i));
        ++i;
        continue;
      }
      size_t end = i + 1;
      while (end < text.size() && !is_html_space(text[end])) ++end;
      put_run(text.substr(i, end - i), base + i);
      last_source_ = static_cast<uint32_t>(base + end);
      i = end;
    }
    return;
  }
  size_t j = 0;
  for (size_t i = 0; i < text.size();) {
    // Bytes of the source the text does not have: a CR of CR LF, and a tag the parser ignored
    // (a stray </x> or </script> in a paragraph), whose text around it is one node.
    while (j < raw.size()) {
      if (raw[j] == '\r' && text[i] != '\r') {
        ++j;
      } else if (raw[j] == '<' && text[i] != '<' && raw.find('>', j) != std::string_view::npos) {
        j = raw.find('>', j) + 1;
      } else {
        break;
      }
    }
    size_t source = base + std::min(j, raw.size());
    size_t length = 1;
    // An entity: any that is not the '&' itself, and &amp; (&#38;) that is.
    const bool amp = text[i] == '&' && j < raw.size() && raw[j] == '&' &&
                     (raw.substr(j, 5) == "&amp;" || raw.substr(j, 5) == "&#38;" ||
                      raw.substr(j, 5) == "&AMP;" || iequals(raw.substr(j, 6), "&#x26;"));
    if (j < raw.size() && raw[j] == '&' && (text[i] != '&' || amp)) {
      length = text::next_char(text, i) - i;
      size_t semicolon = raw.find(';', j);
      j = semicolon != std::string_view::npos && semicolon - j <= 32 ? semicolon + 1 : j + 1;
    } else {
      ++j;
    }
    for (size_t k = 0; k < length && i < text.size(); ++k, ++i) {
      char c = text[i];
      last_source_ = static_cast<uint32_t>(source + 1);
      if (preformatted && c == '\n') {
        put('\n', static_cast<uint32_t>(source));
      } else if (c == '\n' || (c != ' ' && is_html_space(c))) {
        put(' ', static_cast<uint32_t>(source));
      } else {
        put(c, static_cast<uint32_t>(source));
      }
    }
  }
}

// Pass 5: the text of every element that is not chrome nor a link list, in document order;
// begin_/end_ give each element's range of it.
void Reader::write_lines() {
  begin_.assign(nodes_.size(), 0);
  end_.assign(nodes_.size(), 0);
  lines_.reserve(html_.size() / 2);
  line_sources_.reserve(html_.size() / 2);
  size_t next = 0;  // elements are met in the order of index()
  struct Frame {
    const GumboNode* node;
    int index;
    unsigned next_child;
    bool pre;
  };
  if (nodes_.empty()) return;
  // The tree again from <html>: the same order as index(), the same elements skipped.
  std::vector<Frame> stack;
  auto enter = [&](const GumboNode* element, bool pre) -> bool {
    int index = static_cast<int>(next++);
    Node& n = nodes_[static_cast<size_t>(index)];
    bool skip = n.chrome || is_link_list(n);
    if (is_block(n.tag)) end_line();
    if (n.tag == GUMBO_TAG_TD || n.tag == GUMBO_TAG_TH) space_pending_ = true;
    begin_[static_cast<size_t>(index)] = lines_.size();
    if (skip) {
      skipped_subtree(index, next);
      end_[static_cast<size_t>(index)] = lines_.size();
      return false;
    }
    stack.push_back({element, index, 0, pre || n.tag == GUMBO_TAG_PRE});
    return true;
  };
  enter(nodes_[0].node, false);
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboVector& kids = children_of(frame.node);
    if (frame.next_child == kids.length) {
      Node& n = nodes_[static_cast<size_t>(frame.index)];
      if (is_block(n.tag)) end_line();
      end_[static_cast<size_t>(frame.index)] = lines_.size();
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(kids.data[frame.next_child++]);
    bool pre = frame.pre;
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA ||
        child->type == GUMBO_NODE_WHITESPACE) {
      put_text(child, pre);
      continue;
    }
    if (child->type != GUMBO_NODE_ELEMENT) continue;
    GumboTag tag = child->v.element.tag;
    if (is_hidden(tag)) continue;
    if (tag == GUMBO_TAG_BR) {
      next++;  // indexed as an element too
      end_line();
      continue;
    }
    enter(child, pre);
  }
  end_line();
}

// Advances `next` past the elements of a skipped subtree (they were indexed, not written).
void Reader::skipped_subtree(int index, size_t& next) const {
  next = std::max(next, static_cast<size_t>(nodes_[static_cast<size_t>(index)].last) + 1);
}

bool Reader::is_link_list(const Node& n) const {
  if (!is_link_list_tag(n.tag) || n.chars == 0 || is_body_or_above(n)) return false;
  return n.link_chars * 10 > n.chars * 6 && n.link_chars >= 4;
}

// The article's block or one of its ancestors: an element whose range of descendants holds
// the article's (elements are numbered in document order).
bool Reader::is_body_or_above(const Node& n) const {
  if (body_ < 0) return false;
  int index = static_cast<int>(&n - nodes_.data());
  return index <= body_ && n.last >= body_;
}

std::string_view Reader::line_range(size_t begin, size_t end) const {
  return std::string_view(lines_).substr(begin, end - begin);
}

namespace {

// Text with its blanks collapsed, and a line break between two Chinese characters dropped: a
// headline set on two lines (上海援藏医疗队<br>十年派出专家) reads as one.
std::string clean_joined(std::string_view s) {
  std::string out;
  bool space = false, newline = false;
  for (char c : text::trim(s)) {
    if (is_html_space(c)) {
      space = true;
      newline = newline || c == '\n';
      continue;
    }
    bool cjk_both = newline && !out.empty() && static_cast<unsigned char>(out.back()) >= 0x80 &&
                    static_cast<unsigned char>(c) >= 0x80;
    if (space && !out.empty() && !cjk_both) out += ' ';
    space = newline = false;
    out += c;
  }
  return std::string(text::trim(out));
}

}  // namespace

// An element's text, blanks collapsed: from the page's lines, or for one in site chrome (not
// among them) from the tree.
std::string Reader::heading_text(int index) const {
  if (nodes_[static_cast<size_t>(index)].chrome) {
    return clean_joined(subtree_text(nodes_[static_cast<size_t>(index)].node));
  }
  return clean_joined(
      line_range(begin_[static_cast<size_t>(index)], end_[static_cast<size_t>(index)]));
}

void Reader::append(std::string_view text, const uint32_t* sources, uint32_t fallback) {
  text_.append(text);
  if (sources) {
    sources_.insert(sources_.end(), sources, sources + text.size());
  } else {
    sources_.resize(sources_.size() + text.size(), fallback);
  }
}

// `text` as the page spells it at byte `at`.
void Reader::append_at(std::string_view text, size_t at) {
  text_.append(text);
  size_t n = sources_.size();
  sources_.resize(n + text.size());
  for (size_t i = 0; i < text.size(); ++i) sources_[n + i] = static_cast<uint32_t>(at + i);
}

void Reader::assemble(Page& page, int body) {
  if (!page.title.empty()) {
    const size_t in_html =
        title_heading_ >= 0 && nodes_[static_cast<size_t>(title_heading_)].chrome
            ? html_.find(
                  page.title,
                  skeleton_.to_page(
                      nodes_[static_cast<size_t>(title_heading_)].node->v.element.start_pos.offset))
            : std::string_view::npos;
    if (in_html != std::string_view::npos) {
      append_at(page.title, in_html);  // a headline in site chrome (not among the lines)
    } else if (title_heading_ >= 0 && !nodes_[static_cast<size_t>(title_heading_)].chrome) {
      size_t b = begin_[static_cast<size_t>(title_heading_)];
      std::string_view line = line_range(b, end_[static_cast<size_t>(title_heading_)]);
      size_t at = line.find(page.title);
      if (at != std::string_view::npos) {
        append(page.title, line_sources_.data() + b + at, 0);
      } else {
        append(page.title, nullptr, line_sources_.empty() ? 0 : line_sources_[b]);
      }
    } else if (title_meta_ && title_meta_->content_offset != SIZE_MAX &&
               title_meta_->content.find(page.title) != std::string::npos) {
      append_at(page.title, title_meta_->content_offset + title_meta_->content.find(page.title));
    } else if (size_t at = html_.find(page.title); at != std::string_view::npos) {
      append_at(page.title, at);  // JSON-LD, or <title> without its site's name: its first place
    } else {
      append(page.title, nullptr, 0);
    }
    append("\n", nullptr, sources_.empty() ? 0 : sources_.back() + 1);
  }
  if (body < 0) return;
  size_t b = begin_[static_cast<size_t>(body)], e = end_[static_cast<size_t>(body)];
  // Headings inside the article equal to the title are the title itself.
  std::vector<std::pair<size_t, size_t>> cut;
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const Node& n = nodes_[i];
    if (begin_[i] < b || end_[i] > e || begin_[i] == end_[i]) continue;
    bool title_here =
        static_cast<int>(i) == title_heading_ ||
        ((n.tag == GUMBO_TAG_H1 || n.tag == GUMBO_TAG_H2 || n.tag == GUMBO_TAG_H3) &&
         !page.title.empty() && heading_text(static_cast<int>(i)).starts_with(page.title));
    if (title_here) cut.push_back({begin_[i], end_[i]});
  }
  size_t at = b;
  for (const auto& [cb, ce] : cut) {
    if (cb < at) continue;
    append_lines(at, cb);
    at = ce;
  }
  append_lines(at, e);
}

void Reader::append_lines(size_t b, size_t e) {
  std::string_view part = line_range(b, e);
  while (!part.empty() && part.front() == '\n') {
    part.remove_prefix(1);
    ++b;
  }
  if (part.empty()) return;
  append(part, line_sources_.data() + b, 0);
  if (text_.back() != '\n') append("\n", nullptr, sources_.back() + 1);
}

}  // namespace zhreport::page_detail
