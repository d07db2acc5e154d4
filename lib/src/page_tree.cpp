// The element table of a page: one walk over gumbo's tree in document order (parents, blocks,
// text counts, metadata: <meta>, <title>, JSON-LD, scripts, <time>), then which elements are
// site chrome (by tag and by class/id words), each block's score and the block taken as the
// article's body, its CSS-like name and the page's own address.
#include <algorithm>
#include <cctype>

#include "page_reader.h"

namespace zhreport::page_detail {

namespace {

std::string lowercase(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
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

bool is_sentence_punct(char32_t c) {
  return c == U'，' || c == U'。' || c == U'；' || c == U'、' || c == U'！' || c == U'？' ||
         c == U'：' || c == U'“' || c == U'”';
}

std::string text_of(const GumboNode* node) {
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

}  // namespace

// Pass 1: every element in document order, with its parent; text attributed to blocks;
// metadata collected.
void Reader::index(const GumboNode* root) {
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
    if (tag == GUMBO_TAG_SCRIPT) {
      // Its code: cut from what gumbo parsed (page_skeleton.cpp), or a short one gumbo read.
      const GumboElement& e = child->v.element;
      std::string_view code = skeleton_.body_at(e.start_pos.offset + e.original_tag.length);
      if (code.empty() && e.children.length == 1 &&
          static_cast<const GumboNode*>(e.children.data[0])->type == GUMBO_NODE_TEXT) {
        code = static_cast<const GumboNode*>(e.children.data[0])->v.text.text;
      }
      if (iequals(attribute(child, "type"), "application/ld+json")) {
        json_ld_ += code;
        json_ld_ += '\n';
      } else if (!code.empty()) {
        scripts_.push_back(code);
      }
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
                     w == "tit" || w.starts_with("tit-") || w.starts_with("tit_") ||
                     w.find("biaoti") != std::string_view::npos ||
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
    stack.push_back({child, static_cast<int>(nodes_.size()) - 1, 0, in_link || tag == GUMBO_TAG_A});
  }
}

void Reader::count_text(std::string_view text, int element, bool in_link) {
  Node& n = nodes_[static_cast<size_t>(element)];
  uint32_t chars = 0, punct = 0;
  for (size_t i = 0; i < text.size(); i = text::next_char(text, i)) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {  // ASCII: never sentence punctuation here
      chars += !is_html_space(text[i]);
      continue;
    }
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

void Reader::collect_meta(const GumboNode* node) {
  for (const char* key_attribute : {"name", "property", "itemprop", "http-equiv"}) {
    const GumboAttribute* key = gumbo_get_attribute(&node->v.element.attributes, key_attribute);
    const GumboAttribute* content = gumbo_get_attribute(&node->v.element.attributes, "content");
    if (!key || !content) continue;
    Meta m{lowercase(text::trim(key->value)), std::string(text::trim(key->value)), content->value,
           0};
    // The value's bytes in the page: after the quote, when written without entities.
    const GumboStringPiece& raw = content->original_value;
    if (raw.length == m.content.size() + 2 || raw.length == m.content.size()) {
      m.content_offset =
          skeleton_.to_page(content->value_start.offset) + (raw.length == m.content.size() + 2);
    } else {
      m.content_offset = SIZE_MAX;
    }
    metas_.push_back(std::move(m));
    return;
  }
}

const Meta* Reader::meta(std::string_view key) const {
  for (const Meta& m : metas_)
    if (m.key == key && !text::trim(m.content).empty()) return &m;
  return nullptr;
}

// The first string value of `key` in the page's JSON-LD (no parser needed for one field).
std::string Reader::json_ld_string(std::string_view key) const {
  std::string quoted(1, '"');
  quoted.append(key);
  quoted += '"';
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

// Pass 2 and 3: positive_below bottom-up, then chrome top-down.
void Reader::decide_chrome() {
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
    bool by_tag = n.tag == GUMBO_TAG_HEAD || n.tag == GUMBO_TAG_NAV || n.tag == GUMBO_TAG_FOOTER ||
                  n.tag == GUMBO_TAG_ASIDE || n.tag == GUMBO_TAG_BUTTON ||
                  (n.tag == GUMBO_TAG_HEADER && !n.in_article);
    n.chrome = up || by_tag || (n.chrome_self && !n.positive_below);
  }
}

// Pass 4: subtree counts without chrome, bottom-up; paragraph scores given to their blocks
// and to the two levels above.
void Reader::score() {
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

double Reader::link_density(const Node& n) const {
  return n.chars ? static_cast<double>(n.link_chars) / n.chars : 0.0;
}

// <body> competes too: a mobile page may set its paragraphs straight in it, and then only it
// holds them all (each paragraph alone scores half of what it gives its container).
int Reader::best_body() const {
  int best = -1, body = -1;
  double best_score = 0;
  for (size_t i = 0; i < nodes_.size(); ++i) {
    const Node& n = nodes_[i];
    if (n.tag == GUMBO_TAG_BODY) body = static_cast<int>(i);
    if (n.chrome || n.tag == GUMBO_TAG_HTML || n.score <= 0) continue;
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
std::string Reader::name_of(int index, int levels) const {
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

// The page's own address: <link rel="canonical">, og:url, a CMS's Url, the comment a browser's
// "save page" puts first (<!-- saved from url=(0059)http://… -->), or the line a CMS prints
// within the first lines under the article (本文网址：http://…).
std::string Reader::address() const {
  if (!canonical_.empty()) return std::string(canonical_);
  if (const Meta* m = meta("og:url")) return m->content;
  if (const Meta* m = meta("url")) return m->content;  // a CMS's <meta name="Url">
  std::string_view head = html_.substr(0, 1024);
  size_t at = head.find("saved from url=");
  if (at == std::string_view::npos) return std::string(address_after_body());
  size_t start = head.find(')', at);
  size_t end = head.find("-->", at);
  if (start == std::string_view::npos || end == std::string_view::npos || end < start) return "";
  return std::string(text::trim(head.substr(start + 1, end - start - 1)));
}

// A labelled address line among the first lines after the article (本文网址：http://…, 本頁地址:
// …: a label of at most four characters naming an address, then the address alone); empty when
// none.
std::string_view Reader::address_after_body() const {
  if (body_ < 0) return {};
  constexpr size_t kLines = 3;
  constexpr size_t kMaxLabel = 4 * 3 + 3;  // four CJK characters and a full-width colon
  std::string_view after = line_range(end_[static_cast<size_t>(body_)], lines_.size());
  size_t seen = 0;
  for (size_t pos = 0; pos < after.size() && seen < kLines;) {
    size_t nl = after.find('\n', pos);
    if (nl == std::string_view::npos) nl = after.size();
    std::string_view line = text::trim(after.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty()) continue;
    ++seen;
    size_t web = line.find("http");
    if (web == std::string_view::npos || web > kMaxLabel) continue;
    std::string_view label = line.substr(0, web);
    bool labelled = false;
    for (std::string_view word : {"网址", "網址", "地址", "链接", "鏈接"}) {
      labelled = labelled || label.find(word) != std::string_view::npos;
    }
    // (not another page's: 相关链接)
    if (!labelled || label.find("相关") != std::string_view::npos ||
        label.find("相關") != std::string_view::npos) {
      continue;
    }
    std::string_view address = line.substr(web);
    return address.substr(0, address.find_first_of(" \t"));
  }
  return {};
}

}  // namespace zhreport::page_detail
