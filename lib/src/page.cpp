#include "zhreport/page.h"

#include <fmt/core.h>
#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "document_text.h"
#include "zhreport/decode.h"
#include "zhreport/document.h"

namespace zhreport {

namespace html_detail {
// html.cpp: an upper estimate of how deeply the page's elements nest.
size_t estimated_depth(std::string_view page);
bool is_hidden(GumboTag tag);
bool is_block(GumboTag tag);
}  // namespace html_detail

namespace {

using html_detail::is_block;
using html_detail::is_hidden;

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

std::string_view attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

const GumboVector& children_of(const GumboNode* node) {
  return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
}

// --- class and id words -------------------------------------------------------------------

// Words of a class or id that name site chrome: anything but the article.
bool is_chrome_word(std::string_view w) {
  static constexpr std::string_view kContains[] = {
      "comment", "share",     "related", "recommend", "breadcrumb", "crumb",  "footer",
      "sidebar", "copyright", "pinglun", "bdshare",   "jiathis",    "navbar", "toolbar",
      "advert",  "reply",     "tuijian", "xiangguan", "hotnews",    "login",  "weixin",
      "qrcode",  "erweima",   "relate",  "discuss",   "gentie",     "cmt"};
  static constexpr std::string_view kPrefixes[] = {"nav",  "menu", "foot",   "xgxw",  "xgwz",
                                                   "xgyd", "rank", "banner", "pager", "pagination"};
  static constexpr std::string_view kWords[] = {
      "ad",    "ads",        "top",    "bottom", "header", "side",  "hot",   "more",
      "links", "friendlink", "search", "prev",   "next",   "print", "tools", "tags"};
  for (std::string_view c : kContains)
    if (w.find(c) != std::string_view::npos) return true;
  for (std::string_view p : kPrefixes)
    if (w.starts_with(p)) return true;
  for (std::string_view x : kWords)
    if (w == x) return true;
  return false;
}

// Words that name the article's container.
bool is_content_word(std::string_view w) {
  static constexpr std::string_view kContains[] = {"content",    "article", "detail",   "conent",
                                                   "trs_editor", "neirong", "zhengwen", "artibody",
                                                   "post-body",  "entry",   "story"};
  static constexpr std::string_view kWords[] = {"text", "main", "zw",       "body",     "txt",
                                                "con",  "zoom", "fontzoom", "ofontsize"};
  for (std::string_view c : kContains)
    if (w.find(c) != std::string_view::npos) return true;
  for (std::string_view x : kWords)
    if (w == x) return true;
  return false;
}

// The words of an element's class and id, lower case, split at anything but letters and digits
// (and '_' kept inside TRS_Editor-like names).
template <typename F>
void for_each_word(const GumboNode* node, F&& f) {
  for (const char* name : {"class", "id"}) {
    std::string value = lowercase(attribute(node, name));
    size_t start = 0;
    for (size_t i = 0; i <= value.size(); ++i) {
      bool word_char = i < value.size() && (std::isalnum(static_cast<unsigned char>(value[i])) ||
                                            value[i] == '_' || value[i] == '-');
      if (word_char) continue;
      if (i > start) f(std::string_view(value).substr(start, i - start));
      start = i + 1;
    }
  }
}

// --- the element table --------------------------------------------------------------------

struct Node {
  const GumboNode* node = nullptr;
  int parent = -1;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  bool chrome_self = false;     // marked as chrome by tag or by class/id
  bool content_self = false;    // a class/id word names the article
  bool positive_below = false;  // it or a descendant is content_self
  bool chrome = false;          // it or an ancestor is chrome (decided after positive_below)
  bool in_article = false;      // inside <article> or <main>
  bool titled = false;          // a block whose class or id names a title (div.title, td.bt)
  int block = -1;               // nearest block ancestor (itself when a block)
  int last = -1;                // the last of its descendants (itself when it has none)
  uint32_t own_chars = 0, own_punct = 0;          // text in its own lines (not in nested blocks)
  uint32_t own_breaks = 0;                        // <br> among them: a block of several paragraphs
  uint32_t chars = 0, link_chars = 0, punct = 0;  // of the non-chrome subtree
  double score = 0;
};

bool is_sentence_punct(char32_t c) {
  return c == U'，' || c == U'。' || c == U'；' || c == U'、' || c == U'！' || c == U'？' ||
         c == U'：' || c == U'“' || c == U'”';
}

bool is_heading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3;
}

bool is_link_list_tag(GumboTag tag) {
  return tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL || tag == GUMBO_TAG_DL ||
         tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_SECTION ||
         tag == GUMBO_TAG_LI || tag == GUMBO_TAG_P || tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TD ||
         tag == GUMBO_TAG_SPAN || tag == GUMBO_TAG_DD || tag == GUMBO_TAG_DT;
}

struct Meta {
  std::string key;   // name, property or itemprop, lower case
  std::string name;  // as written
  std::string content;
  size_t content_offset = 0;  // of the content in the page, when known
};

class Reader {
 public:
  explicit Reader(std::string_view html) : html_(html) {}

  Page read(const GumboNode* root) {
    index(root);
    decide_chrome();
    score();
    int body = best_body();
    body_ = body;
    write_lines();
    Page page;
    page.body = name_of(body);
    page.address = address();
    choose_title(page);
    assemble(page, body);
    choose_date(page, body);
    return page;
  }

 private:
  // Pass 1: every element in document order, with its parent; text attributed to blocks;
  // metadata collected.
  void index(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      int index;
      unsigned next;
      bool in_link;
    };
    std::vector<Frame> stack{{root, -1, 0, false}};
    while (!stack.empty()) {
      Frame& frame = stack.back();
      const GumboVector& kids = children_of(frame.node);
      if (frame.next == kids.length) {
        stack.pop_back();
        continue;
      }
      const auto* child = static_cast<const GumboNode*>(kids.data[frame.next++]);
      int parent = frame.index;
      bool in_link = frame.in_link;
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) {
        if (parent >= 0) count_text(child->v.text.text, parent, in_link);
        continue;
      }
      if (child->type != GUMBO_NODE_ELEMENT) continue;
      GumboTag tag = child->v.element.tag;
      if (tag == GUMBO_TAG_META) collect_meta(child);
      if (tag == GUMBO_TAG_LINK && iequals(attribute(child, "rel"), "canonical")) {
        canonical_ = attribute(child, "href");
      }
      if (tag == GUMBO_TAG_TITLE && page_title_.empty()) page_title_ = text_of(child);
      if (tag == GUMBO_TAG_SCRIPT && iequals(attribute(child, "type"), "application/ld+json")) {
        json_ld_ += text_of(child);
        json_ld_ += '\n';
      } else if (tag == GUMBO_TAG_SCRIPT && child->v.element.children.length == 1) {
        const auto* code = static_cast<const GumboNode*>(child->v.element.children.data[0]);
        if (code->type == GUMBO_NODE_TEXT) scripts_.push_back(code->v.text.text);
      }
      if (is_hidden(tag)) continue;
      Node n;
      n.node = child;
      n.parent = parent;
      n.tag = tag;
      const Node* up = parent >= 0 ? &nodes_[static_cast<size_t>(parent)] : nullptr;
      n.in_article = (up && up->in_article) || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN;
      n.block = is_block(tag) || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH
                    ? static_cast<int>(nodes_.size())
                    : (up ? up->block : -1);
      bool chrome_word = false, content_word = false, title_word = false;
      if (tag != GUMBO_TAG_BODY && tag != GUMBO_TAG_HTML) {
        for_each_word(child, [&](std::string_view w) {
          chrome_word = chrome_word || is_chrome_word(w);
          content_word = content_word || is_content_word(w);
          title_word = title_word || w.find("title") != std::string_view::npos || w == "bt" ||
                       w.find("headline") != std::string_view::npos;
        });
      }
      n.titled = title_word && is_block(tag) && !is_heading(tag);
      n.content_self = content_word && !chrome_word;
      n.chrome_self = chrome_word && !content_word;
      if (tag == GUMBO_TAG_TIME) times_.push_back(static_cast<int>(nodes_.size()));
      if (iequals(attribute(child, "itemprop"), "datePublished")) {
        published_.push_back(static_cast<int>(nodes_.size()));
      }
      if (tag == GUMBO_TAG_BR && up && up->block >= 0) {
        ++nodes_[static_cast<size_t>(up->block)].own_breaks;
      }
      if (is_heading(tag) || n.titled) headings_.push_back(static_cast<int>(nodes_.size()));
      nodes_.push_back(n);
      stack.push_back(
          {child, static_cast<int>(nodes_.size()) - 1, 0, in_link || tag == GUMBO_TAG_A});
    }
  }

  void count_text(std::string_view text, int element, bool in_link) {
    Node& n = nodes_[static_cast<size_t>(element)];
    uint32_t chars = 0, punct = 0;
    for (size_t i = 0; i < text.size(); i = text::next_char(text, i)) {
      if (is_html_space(text[i])) continue;
      char32_t c = text::code_point_at(text, i);
      if (c == 0xA0 || c == 0x3000) continue;
      ++chars;
      punct += is_sentence_punct(c);
    }
    if (in_link) n.link_chars += chars;  // kept in the element's own count for now
    n.chars += chars;
    if (n.block >= 0) {
      Node& b = nodes_[static_cast<size_t>(n.block)];
      if (!in_link) {
        b.own_chars += chars;
        b.own_punct += punct;
      }
    }
    n.punct += punct;
  }

  void collect_meta(const GumboNode* node) {
    for (const char* key_attribute : {"name", "property", "itemprop", "http-equiv"}) {
      const GumboAttribute* key = gumbo_get_attribute(&node->v.element.attributes, key_attribute);
      const GumboAttribute* content = gumbo_get_attribute(&node->v.element.attributes, "content");
      if (!key || !content) continue;
      Meta m{lowercase(text::trim(key->value)), std::string(text::trim(key->value)), content->value,
             0};
      // The value's bytes in the page: after the quote, when written without entities.
      const GumboStringPiece& raw = content->original_value;
      if (raw.length == m.content.size() + 2 || raw.length == m.content.size()) {
        m.content_offset = content->value_start.offset + (raw.length == m.content.size() + 2);
      } else {
        m.content_offset = SIZE_MAX;
      }
      metas_.push_back(std::move(m));
      return;
    }
  }

  const Meta* meta(std::string_view key) const {
    for (const Meta& m : metas_)
      if (m.key == key && !text::trim(m.content).empty()) return &m;
    return nullptr;
  }

  static std::string text_of(const GumboNode* node) {
    std::string out;
    const GumboVector& kids = node->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(kids.data[i]);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA ||
          child->type == GUMBO_NODE_WHITESPACE) {
        out += child->v.text.text;
      }
    }
    return out;
  }

  // Pass 2 and 3: positive_below bottom-up, then chrome top-down.
  void decide_chrome() {
    for (size_t i = nodes_.size(); i-- > 0;) {
      Node& n = nodes_[i];
      n.last = std::max(n.last, static_cast<int>(i));
      if (n.parent >= 0) {
        Node& p = nodes_[static_cast<size_t>(n.parent)];
        p.last = std::max(p.last, n.last);
      }
      n.positive_below =
          n.positive_below || n.content_self || (n.tag == GUMBO_TAG_ARTICLE && !n.chrome_self);
      if (n.parent >= 0 && n.positive_below)
        nodes_[static_cast<size_t>(n.parent)].positive_below = true;
    }
    for (Node& n : nodes_) {
      bool up = n.parent >= 0 && nodes_[static_cast<size_t>(n.parent)].chrome;
      bool by_tag = n.tag == GUMBO_TAG_HEAD || n.tag == GUMBO_TAG_NAV ||
                    n.tag == GUMBO_TAG_FOOTER || n.tag == GUMBO_TAG_ASIDE ||
                    n.tag == GUMBO_TAG_BUTTON || (n.tag == GUMBO_TAG_HEADER && !n.in_article);
      n.chrome = up || by_tag || (n.chrome_self && !n.positive_below);
    }
  }

  // Pass 4: subtree counts without chrome, bottom-up; paragraph scores given to their blocks
  // and to the two levels above.
  void score() {
    for (size_t i = nodes_.size(); i-- > 0;) {
      Node& n = nodes_[i];
      if (n.chrome) {
        n.chars = n.link_chars = n.punct = 0;
        continue;
      }
      if (n.parent >= 0) {
        Node& p = nodes_[static_cast<size_t>(n.parent)];
        if (!p.chrome) {
          p.chars += n.chars;
          p.link_chars += n.link_chars;
          p.punct += n.punct;
        }
      }
    }
    for (size_t i = 0; i < nodes_.size(); ++i) {
      Node& n = nodes_[i];
      if (n.chrome || n.own_chars < 10) continue;
      double w = 1.0 + n.own_punct + std::min(n.own_chars / 100.0, 3.0);
      // A paragraph scores half for itself, its container the other half: the container of
      // two paragraphs outscores either. A block of paragraphs split by <br> keeps it all.
      n.score += n.own_breaks ? w : w / 2;
      double share = w / 2;
      for (int up = n.parent; up >= 0 && share >= w / 8;
           up = nodes_[static_cast<size_t>(up)].parent) {
        nodes_[static_cast<size_t>(up)].score += share;
        share /= 2;
      }
    }
  }

  double link_density(const Node& n) const {
    return n.chars ? static_cast<double>(n.link_chars) / n.chars : 0.0;
  }

  int best_body() const {
    int best = -1, body = -1;
    double best_score = 0;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      const Node& n = nodes_[i];
      if (n.tag == GUMBO_TAG_BODY) body = static_cast<int>(i);
      if (n.chrome || n.tag == GUMBO_TAG_BODY || n.tag == GUMBO_TAG_HTML || n.score <= 0) continue;
      double s = n.score * (1.0 - link_density(n));
      if (n.content_self || n.tag == GUMBO_TAG_ARTICLE) s *= 1.25;
      if (s > best_score) {
        best_score = s;
        best = static_cast<int>(i);
      }
    }
    return best >= 0 && best_score >= 3 ? best : body;
  }

  // "div#content", "div.rm_txt_con", or "div.main>div>p" up to the nearest named ancestor
  // (at most four levels: "…>div>div>p" beyond).
  std::string name_of(int index, int levels = 4) const {
    if (index < 0) return "";
    if (levels == 0) return "…";
    const Node& n = nodes_[static_cast<size_t>(index)];
    std::string name = gumbo_normalized_tagname(n.tag);
    if (name.empty()) name = "element";
    std::string_view id = text::trim(attribute(n.node, "id"));
    if (!id.empty()) return name + "#" + std::string(id);
    std::string_view classes = text::trim(attribute(n.node, "class"));
    if (!classes.empty()) {
      std::string_view first = classes.substr(0, classes.find_first_of(" \t\n"));
      return name + "." + std::string(first);
    }
    if (n.parent >= 0 && n.tag != GUMBO_TAG_BODY) return name_of(n.parent, levels - 1) + ">" + name;
    return name;
  }

  // The page's own address: <link rel="canonical">, og:url, or the comment a browser's "save
  // page" puts first (<!-- saved from url=(0059)http://… -->).
  std::string address() const {
    if (!canonical_.empty()) return std::string(canonical_);
    if (const Meta* m = meta("og:url")) return m->content;
    std::string_view head = html_.substr(0, 1024);
    size_t at = head.find("saved from url=");
    if (at == std::string_view::npos) return "";
    size_t start = head.find(')', at);
    size_t end = head.find("-->", at);
    if (start == std::string_view::npos || end == std::string_view::npos || end < start) return "";
    return std::string(text::trim(head.substr(start + 1, end - start - 1)));
  }

  // --- the page's lines, with the source offset of every byte ---

  void put(char c, uint32_t source) {
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

  void end_line() { put('\n', last_source_); }

  // A text node's decoded text, each byte with the offset of the HTML byte it came from.
  void put_text(const GumboNode* node, bool preformatted) {
    std::string_view text = node->v.text.text;
    std::string_view raw(node->v.text.original_text.data, node->v.text.original_text.length);
    size_t base = node->v.text.start_pos.offset;
    size_t j = 0;
    for (size_t i = 0; i < text.size();) {
      while (j < raw.size() && raw[j] == '\r' && text[i] != '\r') ++j;
      size_t source = base + std::min(j, raw.size());
      size_t length = 1;
      if (j < raw.size() && raw[j] == '&' && text[i] != '&') {
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
  void write_lines() {
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
  void skipped_subtree(int index, size_t& next) const {
    next = std::max(next, static_cast<size_t>(nodes_[static_cast<size_t>(index)].last) + 1);
  }

  bool is_link_list(const Node& n) const {
    if (!is_link_list_tag(n.tag) || n.chars == 0 || is_body_or_above(n)) return false;
    return n.link_chars * 10 > n.chars * 6 && n.link_chars >= 4;
  }

  // The article's block or one of its ancestors: an element whose range of descendants holds
  // the article's (elements are numbered in document order).
  bool is_body_or_above(const Node& n) const {
    if (body_ < 0) return false;
    int index = static_cast<int>(&n - nodes_.data());
    return index <= body_ && n.last >= body_;
  }

  std::string_view line_range(size_t begin, size_t end) const {
    return std::string_view(lines_).substr(begin, end - begin);
  }

  // --- title ---

  static std::vector<std::string_view> title_parts(std::string_view title) {
    std::vector<std::string_view> parts;
    static constexpr std::string_view kSeparators[] = {"_",   "|",  "｜", " - ", " – ",
                                                       " — ", "——", "--", "－",  "-"};
    size_t start = 0;
    for (size_t i = 0; i < title.size();) {
      size_t length = 0;
      for (std::string_view s : kSeparators) {
        if (title.substr(i).starts_with(s)) {
          length = s.size();
          break;
        }
      }
      // A plain '-' separates only between blanks or CJK on both sides of a site name.
      if (length == 1 && title[i] == '-' &&
          !(i > 0 && static_cast<unsigned char>(title[i - 1]) >= 0x80 && i + 1 < title.size() &&
            static_cast<unsigned char>(title[i + 1]) >= 0x80)) {
        length = 0;
      }
      if (length == 0) {
        i = text::next_char(title, i);
        if (i >= title.size()) break;
        continue;
      }
      std::string_view part = text::trim(title.substr(start, i - start));
      if (!part.empty()) parts.push_back(part);
      i += length;
      start = i;
    }
    std::string_view last = text::trim(title.substr(std::min(start, title.size())));
    if (!last.empty()) parts.push_back(last);
    return parts;
  }

  // A part cut short by the site (援疆医生在喀什完成…): without its ellipsis, and whether it was.
  static std::string_view without_ellipsis(std::string_view part, bool& cut) {
    cut = false;
    for (std::string_view e : {"...", "…", "..", "……"}) {
      while (part.ends_with(e)) {
        part.remove_suffix(e.size());
        cut = true;
      }
    }
    return text::trim(part);
  }

  static std::string clean(std::string_view s) {
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

  // A title without its site's name: 标题_频道_网站 → 标题, 栏目 | 标题_网站 → 标题,
  // 中国-东盟卫生合作论坛举行-新华网 → 中国-东盟卫生合作论坛举行. Trailing parts go while they are
  // shorter than the longest part left (the site, its channel); a short leading part goes
  // when a '|' or '_' follows it (a column's name).
  static std::string without_site(std::string_view title) {
    std::vector<std::string_view> parts = title_parts(title);
    if (parts.empty()) return "";
    size_t lo = 0, hi = parts.size();
    auto longest = [&](size_t from, size_t to) {
      size_t widest = 0;
      for (size_t i = from; i < to; ++i) widest = std::max(widest, text::display_width(parts[i]));
      return widest;
    };
    auto site_like = [](std::string_view part) {
      for (std::string_view word :
           {"网", ".com", ".cn", "新闻", "频道", "日报", "晚报", "政府", "门户", "客户端", "号"}) {
        if (part.find(word) != std::string_view::npos) return true;
      }
      return false;
    };
    while (hi - lo > 1 && (text::display_width(parts[hi - 1]) < longest(lo, hi - 1) ||
                           (site_like(parts[hi - 1]) && longest(lo, hi - 1) >= 8))) {
      --hi;
    }
    while (hi - lo > 1 && text::display_width(parts[lo]) <= 12) {
      size_t after = static_cast<size_t>(parts[lo].data() + parts[lo].size() - title.data());
      std::string_view rest = text::trim(title.substr(after));
      if (!(rest.starts_with("|") || rest.starts_with("｜") || rest.starts_with("_"))) break;
      ++lo;
    }
    const char* begin = parts[lo].data();
    const char* end = parts[hi - 1].data() + parts[hi - 1].size();
    return std::string(begin, static_cast<size_t>(end - begin));
  }

  // An element's text, blanks collapsed: from the page's lines, or for one in site chrome (not
  // among them) from the tree.
  std::string heading_text(int index) const {
    if (nodes_[static_cast<size_t>(index)].chrome) {
      return clean(subtree_text(nodes_[static_cast<size_t>(index)].node));
    }
    return clean(line_range(begin_[static_cast<size_t>(index)], end_[static_cast<size_t>(index)]));
  }

  // The text of an element's subtree, a line per block (for site chrome, left out of the lines).
  static std::string subtree_text(const GumboNode* element) {
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

  void choose_title(Page& page) {
    choose_title_source(page);
    spell_as_heading(page);
  }

  // A title from the page's metadata or <title> is spelled as the headline that reads the same
  // but for blanks and punctuation (新华网's h1 天津：… for <title> 天津…, 大公网's 湘吐情深｜… for
  // og:title 湘吐情深 …), even in a page header marked as chrome; a headline that is the title
  // after a kicker and a colon (苏铜协作五年：苏州专家… for og:title 苏州专家…) is the whole title.
  // Headlines with more after the title (（组图）, a date) stay cut to it.
  void spell_as_heading(Page& page) {
    if (page.title.empty() || title_heading_ >= 0) return;
    const std::string want = loose(page.title);
    if (text::display_width(want) < 8) return;
    for (bool h1_only : {true, false}) {
      for (int h : headings_) {
        if (h1_only != (nodes_[static_cast<size_t>(h)].tag == GUMBO_TAG_H1)) continue;
        std::string t = heading_text(h);
        bool same = loose(t) == want;
        bool kicker = false;
        if (!same && t.size() > page.title.size() && t.ends_with(page.title)) {
          std::string_view before =
              text::trim(std::string_view(t).substr(0, t.size() - page.title.size()));
          kicker = text::display_width(before) <= 30 &&
                   (before.ends_with("：") || before.ends_with(":") || before.ends_with("｜") ||
                    before.ends_with("|"));
        }
        if (!same && !kicker) continue;
        if (t != page.title) page.title_source = source_of_heading(h);
        page.title = std::move(t);
        title_node_ = h;
        title_heading_ = h;
        return;
      }
    }
  }

  // A title as compared across the page's places: without blanks and punctuation.
  static std::string loose(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
      size_t next = text::next_char(s, i);
      char32_t c = text::code_point_at(s, i);
      bool punct = (c < 0x80 && !std::isalnum(static_cast<int>(c))) || c == 0xA0 || c == 0xB7 ||
                   (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F) ||
                   (c >= 0xFF00 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
                   (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65);
      if (!punct) out.append(s.substr(i, next - i));
      i = next;
    }
    return out;
  }

  void choose_title_source(Page& page) {
    std::string site_title = clean(page_title_);
    std::string core = without_site(site_title);
    auto usable = [&](const std::string& t) {
      return text::display_width(t) >= 6 &&
             (site_title.empty() || t != clean(title_parts(site_title).back()) ||
              title_parts(site_title).size() == 1);
    };
    if (const Meta* m = meta("articletitle"); m && usable(clean(m->content))) {
      set_title(page, without_site(clean(m->content)), "meta:" + m->name, m);
      return;
    }
    if (const Meta* m = meta("og:title"); m && usable(clean(m->content))) {
      set_title(page, without_site(clean(m->content)), "meta:og:title", m);
      return;
    }
    if (std::string headline = json_ld_string("headline"); usable(headline)) {
      set_title(page, without_site(headline), "jsonld", nullptr);
      return;
    }
    // A heading the <title> confirms: equal to its first part, or the start of <title>; a
    // heading with more text after the <title>'s part (trailing date or source) is cut to it.
    std::vector<int> candidates;
    for (int h : headings_) {
      if (!nodes_[static_cast<size_t>(h)].chrome) candidates.push_back(h);
    }
    for (int h : candidates) {
      std::string t = heading_text(h);
      if (text::display_width(t) < 4) continue;
      bool confirmed = !core.empty() && (t == core || site_title.starts_with(t));
      if (confirmed) {
        title_node_ = h;
        set_title(page, t, source_of_heading(h), nullptr, h);
        return;
      }
      // <title> cut short by the site: the heading it begins is the whole title.
      bool cut = false;
      std::string_view stem = without_ellipsis(core, cut);
      if (cut && text::display_width(stem) >= 8 && t.starts_with(stem)) {
        title_node_ = h;
        set_title(page, t, source_of_heading(h), nullptr, h);
        return;
      }
      // A headline with more after it (（组图）, a date, a source) is cut to the <title>'s part.
      for (std::string_view part : title_parts(site_title)) {
        if (text::display_width(part) < 8 || !(t == part || t.starts_with(part))) continue;
        title_node_ = h;
        set_title(page, std::string(part), source_of_heading(h), nullptr, h);
        return;
      }
    }
    // <title> without its site's name, trusted before a nearby heading only when it had a
    // site's name to remove: a <title> of one part is often the site's name alone.
    const bool suffixed = title_parts(site_title).size() > 1;
    if (suffixed && usable(core) && text::display_width(core) >= 8) {
      set_title(page, core, "title", nullptr);
      return;
    }
    if (int h = heading_above_body(candidates); h >= 0) {
      title_node_ = h;
      set_title(page, heading_text(h), source_of_heading(h), nullptr, h);
      return;
    }
    if (!core.empty() && usable(core) && text::display_width(core) >= 8) {
      set_title(page, core, "title", nullptr);
      return;
    }
    for (int h : headings_) {
      const Node& n = nodes_[static_cast<size_t>(h)];
      if (n.chrome || n.tag != GUMBO_TAG_H1) continue;
      std::string t = heading_text(h);
      if (text::display_width(t) < 6) continue;
      title_node_ = h;
      set_title(page, t, "h1", nullptr, h);
      return;
    }
    if (!core.empty() && text::display_width(core) >= 6) set_title(page, core, "title", nullptr);
  }

  // The heading nearest above the article (at most an info line between them), or the
  // article's first block when it is a heading: the page's headline.
  int heading_above_body(const std::vector<int>& candidates) const {
    if (body_ < 0) return -1;
    const size_t body_begin = begin_[static_cast<size_t>(body_)];
    constexpr size_t kMaxGap = 400;  // bytes of text between them: an info line, a subtitle
    int nearest = -1;
    for (int h : candidates) {
      const size_t b = begin_[static_cast<size_t>(h)], e = end_[static_cast<size_t>(h)];
      if (b == e) continue;
      bool above = e <= body_begin && body_begin - e <= kMaxGap;
      bool opening = b >= body_begin && b - body_begin <= 2;
      if (!above && !opening) continue;
      std::string t = heading_text(h);
      if (text::display_width(t) < 10 || t.ends_with("。")) continue;
      if (nearest < 0 || e > end_[static_cast<size_t>(nearest)]) nearest = h;
    }
    return nearest;
  }

  std::string source_of_heading(int h) const {
    GumboTag tag = nodes_[static_cast<size_t>(h)].tag;
    if (tag == GUMBO_TAG_H1) return "h1";
    if (tag == GUMBO_TAG_H2) return "h2";
    if (tag == GUMBO_TAG_H3) return "h3";
    return "heading";
  }

  void set_title(Page& page, std::string title, std::string source, const Meta* m,
                 int heading = -1) {
    page.title = std::move(title);
    page.title_source = std::move(source);
    title_meta_ = m;
    title_heading_ = heading;
  }

  // The first string value of `key` in the page's JSON-LD (no parser needed for one field).
  std::string json_ld_string(std::string_view key) const {
    std::string quoted = "\"" + std::string(key) + "\"";
    size_t at = json_ld_.find(quoted);
    if (at == std::string::npos) return "";
    size_t colon = json_ld_.find(':', at + quoted.size());
    if (colon == std::string::npos) return "";
    size_t open = json_ld_.find_first_not_of(" \t\r\n", colon + 1);
    if (open == std::string::npos || json_ld_[open] != '"') return "";
    std::string value;
    for (size_t i = open + 1; i < json_ld_.size() && json_ld_[i] != '"'; ++i) {
      if (json_ld_[i] == '\\' && i + 1 < json_ld_.size()) ++i;
      value += json_ld_[i];
    }
    return clean(value);
  }

  // --- the text: title line, then the article without the title's own heading ---

  void append(std::string_view text, const uint32_t* sources, uint32_t fallback) {
    for (size_t i = 0; i < text.size(); ++i) {
      text_ += text[i];
      sources_.push_back(sources ? sources[i] : fallback);
    }
  }

  void assemble(Page& page, int body) {
    if (!page.title.empty()) {
      const size_t in_html =
          title_heading_ >= 0 && nodes_[static_cast<size_t>(title_heading_)].chrome
              ? html_.find(
                    page.title,
                    nodes_[static_cast<size_t>(title_heading_)].node->v.element.start_pos.offset)
              : std::string_view::npos;
      if (in_html != std::string_view::npos) {
        // A headline in site chrome (not among the lines): where the page spells it.
        for (size_t i = 0; i < page.title.size(); ++i) {
          text_ += page.title[i];
          sources_.push_back(static_cast<uint32_t>(in_html + i));
        }
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
        size_t at = title_meta_->content_offset + title_meta_->content.find(page.title);
        for (size_t i = 0; i < page.title.size(); ++i) {
          text_ += page.title[i];
          sources_.push_back(static_cast<uint32_t>(at + i));
        }
      } else if (size_t at = html_.find(page.title); at != std::string_view::npos) {
        // JSON-LD, or <title> without its site's name: where the page spells it first.
        for (size_t i = 0; i < page.title.size(); ++i) {
          text_ += page.title[i];
          sources_.push_back(static_cast<uint32_t>(at + i));
        }
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

  void append_lines(size_t b, size_t e) {
    std::string_view part = line_range(b, e);
    while (!part.empty() && part.front() == '\n') {
      part.remove_prefix(1);
      ++b;
    }
    if (part.empty()) return;
    append(part, line_sources_.data() + b, 0);
    if (text_.back() != '\n') append("\n", nullptr, sources_.back() + 1);
  }

  // --- date ---

  void choose_date(Page& page, int body) {
    static constexpr std::string_view kDateMetas[] = {"pubdate",
                                                      "publishdate",
                                                      "publish_date",
                                                      "publish-date",
                                                      "publishtime",
                                                      "publish_time",
                                                      "article:published_time",
                                                      "og:article:published_time",
                                                      "og:release_date",
                                                      "datepublished",
                                                      "article:published",
                                                      "firstpublishedtime",
                                                      "og:time",
                                                      "apub:time",
                                                      "og:published_time",
                                                      "article:publish_time",
                                                      "pubtime",
                                                      "ptime",
                                                      "publish-time",
                                                      "weibo:webpage:create_at",
                                                      "weibo:article:create_at",
                                                      "dc.date.issued",
                                                      "dcterms.issued",
                                                      "release_date",
                                                      "sailthru.date",
                                                      "dc.date",
                                                      "date"};
    for (std::string_view key : kDateMetas) {
      const Meta* m = meta(key);
      if (!m) continue;
      if (auto date = date_of_value(m->content)) {
        page.date = *date;
        page.date_source = "meta:" + m->name;
        return;
      }
    }
    // schema.org's datePublished; Baidu's cambrian JSON-LD (大众网) says pubDate.
    for (std::string_view key : {"datePublished", "pubDate"}) {
      std::string published = json_ld_string(key);
      if (published.empty()) continue;
      if (auto date = date_of_value(published)) {
        page.date = *date;
        page.date_source = "jsonld";
        return;
      }
    }
    // An element marked as the publication date (<span itemprop="datePublished">), then a
    // <time> above the article's end: one further down dates a list or a comment.
    for (int d : published_) {
      const Node& n = nodes_[static_cast<size_t>(d)];
      if (n.chrome) continue;
      std::string_view value = attribute(n.node, "content");
      if (value.empty()) value = attribute(n.node, "datetime");
      std::optional<std::string> date =
          value.empty() ? find_date(heading_text(d)) : date_of_value(value);
      if (date) {
        page.date = *date;
        page.date_source = "meta:datePublished";
        return;
      }
    }
    for (int t : times_) {
      const Node& n = nodes_[static_cast<size_t>(t)];
      if (n.chrome) continue;
      if (body >= 0 && begin_[static_cast<size_t>(t)] >= end_[static_cast<size_t>(body)]) continue;
      std::string_view value = attribute(n.node, "datetime");
      std::optional<std::string> date =
          value.empty() ? find_date(heading_text(t)) : date_of_value(value);
      if (date) {
        page.date = *date;
        page.date_source = "time";
        return;
      }
    }
    // The lines between the headline and the article (or the article's first lines when the
    // headline is in it), then the lines right after the article.
    if (body < 0) return;
    size_t body_begin = begin_[static_cast<size_t>(body)];
    size_t body_end = end_[static_cast<size_t>(body)];
    size_t from = std::string::npos;
    if (title_node_ >= 0 && nodes_[static_cast<size_t>(title_node_)].chrome) {
      if (auto date = date_in_header(title_node_)) {
        page.date = *date;
        page.date_source = "text:metadata";
        return;
      }
    } else if (title_node_ >= 0) {
      from = end_[static_cast<size_t>(title_node_)];
    } else if (!page.title.empty()) {
      size_t found = lines_.find(page.title);
      if (found != std::string::npos && found < body_end) from = found + page.title.size();
    }
    if (from != std::string::npos) {
      size_t to = from < body_begin ? body_begin : std::min(body_end, from + 600);
      if (auto date = first_header_date(line_range(from, std::max(from, to)))) {
        page.date = *date;
        page.date_source = "text:metadata";
        return;
      }
    }
    // After the article: a date line, or a line naming the date (发布日期:…), within a few lines.
    std::string_view after = line_range(body_end, lines_.size());
    size_t seen = 0;
    for (size_t pos = 0; pos < after.size() && seen < 4;) {
      size_t nl = after.find('\n', pos);
      if (nl == std::string_view::npos) nl = after.size();
      std::string_view line = text::trim(after.substr(pos, nl - pos));
      pos = nl + 1;
      if (line.empty()) continue;
      ++seen;
      // Comments, related and recommended articles: their dates are not the article's.
      bool other = false;
      for (std::string_view word : {"评论", "留言", "网友", "相关", "推荐", "热点", "热门",
                                    "上一篇", "下一篇", "阅读排行"}) {
        other = other || line.find(word) != std::string_view::npos;
      }
      if (other) break;
      auto date = line_date(line);
      if (!date) continue;
      if (is_lone_date(line)) {
        page.date = *date;
        page.date_source = "text:lone_line";
        return;
      }
      if (names_date(line)) {
        page.date = *date;
        page.date_source = "text:metadata";
        return;
      }
    }
    if (auto date = script_date()) {
      page.date = *date;
      page.date_source = "script";
    }
  }

  // The date a page's scripts assign to a publication-time variable (a WeChat article's
  // var publish_time = "2024-01-09", var createTime = '2022-06-15 20:30', var ct = "1704795720",
  // seconds since 1970, dated in Beijing time), first by the order of the names. JSON's
  // "key": value is not read: scripts carry feeds of other articles that way.
  std::optional<std::string> script_date() const {
    static constexpr std::string_view kNames[] = {"publish_time", "publishtime", "publishdate",
                                                  "pubtime",      "pubdate",     "createtime",
                                                  "create_time",  "ct"};
    std::optional<std::string> best;
    size_t best_rank = std::size(kNames);
    auto ident = [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
    };
    for (std::string_view code : scripts_) {
      for (size_t i = 0; i < code.size();) {
        if (!ident(code[i]) || (i > 0 && (ident(code[i - 1]) || code[i - 1] == '.'))) {
          ++i;
          continue;
        }
        size_t end = i;
        while (end < code.size() && ident(code[end])) ++end;
        std::string_view name = code.substr(i, end - i);
        i = end;
        size_t rank = std::size(kNames);
        for (size_t k = 0; k < std::size(kNames); ++k) {
          if (iequals(name, kNames[k])) rank = k;
        }
        if (rank >= best_rank) continue;
        size_t at = code.find_first_not_of(" \t", end);
        if (at == std::string_view::npos || code[at] != '=' ||
            (at + 1 < code.size() && code[at + 1] == '=')) {
          continue;
        }
        at = code.find_first_not_of(" \t", at + 1);
        if (at == std::string_view::npos || (code[at] != '"' && code[at] != '\'')) continue;
        size_t close = code.find(code[at], at + 1);
        if (close == std::string_view::npos || close - at > 40) continue;
        std::string_view value = code.substr(at + 1, close - at - 1);
        std::optional<std::string> date;
        if (value.size() == 10 &&
            std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          date = date_of_seconds(std::stoll(std::string(value)));
        } else {
          date = date_of_value(value);
        }
        if (date) {
          best = date;
          best_rank = rank;
        }
      }
    }
    return best;
  }

  // Seconds since 1970 as a date in Beijing time (UTC+8), as Chinese sites mean them.
  static std::optional<std::string> date_of_seconds(long long seconds) {
    using namespace std::chrono;
    year_month_day day{floor<days>(sys_seconds{std::chrono::seconds{seconds + 8 * 3600}})};
    int year = static_cast<int>(day.year());
    if (year < 1995 || year > 2100) return std::nullopt;
    return fmt::format("{:04}-{:02}-{:02}", year, static_cast<unsigned>(day.month()),
                       static_cast<unsigned>(day.day()));
  }

  // The headline sits in a page header marked as chrome (新华网: the header holds the date, the
  // source, a share bar and the h1): a date line among the few lines around the headline in
  // that header, the part of the page above the article that holds the headline. A top bar's
  // "today" (星期四) is not one.
  std::optional<std::string> date_in_header(int heading) const {
    if (body_ < 0) return std::nullopt;
    auto holds_body = [&](int i) {
      return i <= body_ && nodes_[static_cast<size_t>(i)].last >= body_;
    };
    int top = heading;
    while (nodes_[static_cast<size_t>(top)].parent >= 0 &&
           !holds_body(nodes_[static_cast<size_t>(top)].parent)) {
      top = nodes_[static_cast<size_t>(top)].parent;
    }
    if (holds_body(top)) return std::nullopt;
    std::string header = subtree_text(nodes_[static_cast<size_t>(top)].node);
    std::vector<std::string_view> lines;
    for (std::string_view line : text::split(header, '\n')) {
      line = text::trim(line);
      if (!line.empty()) lines.push_back(line);
    }
    const std::string headline = loose(heading_text(heading));
    size_t at = lines.size();
    for (size_t i = 0; i < lines.size() && at == lines.size(); ++i) {
      if (!headline.empty() && loose(lines[i]) == headline) at = i;
    }
    if (at == lines.size()) return std::nullopt;
    constexpr size_t kNear = 4;
    auto dated = [&](std::string_view line) -> std::optional<std::string> {
      if (line.find("星期") != std::string_view::npos ||
          line.find("今天") != std::string_view::npos) {
        return std::nullopt;
      }
      return header_line_date(line);
    };
    for (size_t i = at + 1; i < lines.size() && i <= at + kNear; ++i) {
      if (auto date = dated(lines[i])) return date;
    }
    for (size_t i = at; i-- > 0 && at - i <= kNear;) {
      if (auto date = dated(lines[i])) return date;
    }
    return std::nullopt;
  }

  // A date line of a page's header: a date alone, a line naming it (发布时间:…), or a short one
  // without sentence punctuation (2023年06月12日08:15 | 来源:人民网).
  static std::optional<std::string> header_line_date(std::string_view line) {
    auto date = line_date(line);
    if (!date) return std::nullopt;
    bool plain = line.find("，") == std::string_view::npos &&
                 line.find("。") == std::string_view::npos && text::display_width(line) <= 60;
    if (is_lone_date(line) || names_date(line) || plain) return date;
    return std::nullopt;
  }

  // The first date of a line; in a line of digits alone, also one split by the page's markup
  // into its parts (新华网's <em>2021</em> <em>08</em>/<em>10</em>: 2021 08/10 09:32:17).
  static std::optional<std::string> line_date(std::string_view line) {
    if (auto date = find_date(line)) return date;
    if (!is_lone_date(line)) return std::nullopt;
    int parts[3] = {0, 0, 0};
    size_t digits[3] = {0, 0, 0}, n = 0;
    for (size_t i = 0; i < line.size() && n < 3;) {
      if (line[i] < '0' || line[i] > '9') {
        ++i;
        continue;
      }
      while (i < line.size() && line[i] >= '0' && line[i] <= '9') {
        parts[n] = parts[n] * 10 + (line[i] - '0');
        ++digits[n];
        ++i;
      }
      ++n;
    }
    if (n < 3 || digits[0] != 4 || digits[1] > 2 || digits[2] > 2) return std::nullopt;
    if (parts[0] < 1990 || parts[0] > 2100 || parts[1] < 1 || parts[1] > 12 || parts[2] < 1 ||
        parts[2] > 31) {
      return std::nullopt;
    }
    return fmt::format("{:04}-{:02}-{:02}", parts[0], parts[1], parts[2]);
  }

  static bool names_date(std::string_view line) {
    for (std::string_view key : {"发布", "日期", "时间", "来源", "发表", "更新"}) {
      if (line.find(key) != std::string_view::npos) return true;
    }
    return false;
  }

  static bool is_lone_date(std::string_view line) {
    size_t digits = 0, other = 0;
    for (size_t i = 0; i < line.size(); i = text::next_char(line, i)) {
      char32_t c = text::code_point_at(line, i);
      if (c >= '0' && c <= '9') {
        ++digits;
      } else if (!(c == '-' || c == '/' || c == '.' || c == ':' || c == ' ' || c == U'年' ||
                   c == U'月' || c == U'日' || c == U'时' || c == U'分')) {
        ++other;
      }
    }
    return digits >= 6 && other == 0;
  }

  // The first date among short lines between the headline and the article that name it or
  // hold nothing else (a subtitle or an editor's note between them may hold a narrative date).
  static std::optional<std::string> first_header_date(std::string_view region) {
    for (size_t pos = 0, lines = 0; pos < region.size() && lines < 8;) {
      size_t nl = region.find('\n', pos);
      if (nl == std::string_view::npos) nl = region.size();
      std::string_view line = text::trim(region.substr(pos, nl - pos));
      pos = nl + 1;
      if (line.empty()) continue;
      ++lines;
      if (text::display_width(line, 200) >= 200) break;  // the article has begun
      if (auto date = header_line_date(line)) return date;
    }
    return std::nullopt;
  }

  static std::optional<std::string> date_of_value(std::string_view value) {
    value = text::trim(value);
    if (auto date = find_date(value)) return date;
    // 20200318, 20200318091000
    if (value.size() >= 8 && std::all_of(value.begin(), value.begin() + 8,
                                         [](char c) { return c >= '0' && c <= '9'; })) {
      std::string spaced =
          fmt::format("{}-{}-{}", value.substr(0, 4), value.substr(4, 2), value.substr(6, 2));
      return find_date(spaced);
    }
    return std::nullopt;
  }

 public:
  std::string text_;
  std::vector<uint32_t> sources_;

 private:
  std::string_view html_;
  std::vector<Node> nodes_;
  std::vector<Meta> metas_;
  std::vector<int> headings_, times_, published_;
  std::vector<std::string_view> scripts_;  // inline scripts' code (not JSON-LD)
  std::string page_title_, json_ld_;
  std::string_view canonical_;
  std::string lines_;
  std::vector<uint32_t> line_sources_;
  std::vector<size_t> begin_, end_;
  bool line_empty_ = true, space_pending_ = false;
  uint32_t last_source_ = 0;
  int title_node_ = -1, title_heading_ = -1, body_ = -1;
  const Meta* title_meta_ = nullptr;
};

// The parser's memory: one growing arena per thread, reset for each page. gumbo allocates and
// frees a small block for every node, token and string buffer; with the arena, frees are free
// and the tree is dropped at once instead of walked (a fifth of a page's reading time).
class Arena {
 public:
  void reset() {
    if (blocks_.size() > 1) {  // keep the largest block for the next page
      blocks_.erase(blocks_.begin(), blocks_.end() - 1);
    }
    used_ = 0;
  }
  void* allocate(size_t size) {
    size = (size + 15) & ~size_t{15};
    if (blocks_.empty() || used_ + size > capacity_) {
      capacity_ = std::max(size, std::max(kMinBlock, capacity_ * 2));
      blocks_.push_back(std::make_unique<std::byte[]>(capacity_));
      used_ = 0;
    }
    void* at = blocks_.back().get() + used_;
    used_ += size;
    return at;
  }
  // A page bigger than this leaves the arena at the size it grew to; release it.
  void trim() {
    if (capacity_ > kKeepAtMost) {
      blocks_.clear();
      capacity_ = used_ = 0;
    }
  }

 private:
  static constexpr size_t kMinBlock = size_t{1} << 20;
  static constexpr size_t kKeepAtMost = size_t{64} << 20;
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  size_t capacity_ = 0, used_ = 0;
};

void* arena_allocate(void* arena, size_t size) {
  return static_cast<Arena*>(arena)->allocate(size);
}
void arena_free(void*, void*) {}

}  // namespace

Result<Page> read_page(std::string_view html) {
  static constexpr size_t kMaxDepth = 10000;
  if (size_t depth = html_detail::estimated_depth(html); depth > kMaxDepth) {
    return Error{ErrorCode::too_large,
                 fmt::format("HTML nests about {} elements deep, more than the {} this reader "
                             "parses",
                             depth, kMaxDepth)};
  }
  thread_local Arena arena;
  arena.reset();
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  options.allocator = arena_allocate;
  options.deallocator = arena_free;
  options.userdata = &arena;
  const GumboOutput* output = gumbo_parse_with_options(&options, html.data(), html.size());
  Reader reader(html);
  Page page = reader.read(output->document);
  arena.reset();
  arena.trim();
  page.text = std::move(reader.text_);
  page.offsets.source.assign(reader.sources_.begin(), reader.sources_.end());
  for (uint32_t& s : page.offsets.source)
    s = std::min<uint32_t>(s, static_cast<uint32_t>(html.size()));
  page.offsets.source.push_back(static_cast<uint32_t>(html.size()));
  return page;
}

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
