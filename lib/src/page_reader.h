// The page reader's internals (page.h is its interface), shared by its files:
//   page.cpp         read_page: the parse (gumbo, an arena per thread) and the passes in order
//   page_tree.cpp    the element table: one walk, chrome, block scores, the body, metadata
//   page_lines.cpp   the text a reader sees, with offsets; the page's text (title + article)
//   page_title.cpp   the title                page_date.cpp   the publication date
//   page_charset.cpp recognizing a page and its declared charset
#pragma once

#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document_text.h"
#include "zhreport/page.h"

namespace zhreport {

namespace html_detail {
// html.cpp: an upper estimate of how deeply the page's elements nest.
size_t estimated_depth(std::string_view page);
bool is_hidden(GumboTag tag);
bool is_block(GumboTag tag);
}  // namespace html_detail

namespace page_detail {

using html_detail::is_block;
using html_detail::is_hidden;

inline bool is_html_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

inline char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

inline bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

inline std::string_view attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

inline const GumboVector& children_of(const GumboNode* node) {
  return node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
}

inline bool is_heading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3;
}

// Text with its blanks collapsed to one and trimmed (page_lines.cpp).
std::string clean(std::string_view s);
// The text of an element's subtree, a line per block (page_lines.cpp).
std::string subtree_text(const GumboNode* element);
// A title as compared across the page's places: without blanks and punctuation
// (page_title.cpp).
std::string loose(std::string_view s);

// What gumbo parses: the page without the bodies of its scripts and styles (page_skeleton.cpp).
class Skeleton {
 public:
  explicit Skeleton(std::string_view page);
  // The bytes to parse: the page itself when nothing was cut.
  std::string_view parsed() const { return cuts_.empty() ? page_ : std::string_view(html_); }
  // An offset in parsed() → the same byte's offset in the page.
  size_t to_page(size_t offset) const;
  // The body cut at `offset` of parsed() (right after a <script>'s start tag), else empty.
  std::string_view body_at(size_t offset) const;

 private:
  static constexpr size_t kMinCut = 32;  // shorter bodies cost gumbo less than a cut
  struct Cut {
    uint32_t at;       // in parsed(): where the body was
    uint32_t removed;  // bytes cut up to and including this one
  };
  std::string_view page_;
  std::string html_;
  std::vector<Cut> cuts_;
  std::vector<std::string_view> bodies_;
  size_t removed_ = 0;
};

// One element of the page, in document order.
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

// A <meta> of the page.
struct Meta {
  std::string key;   // name, property or itemprop, lower case
  std::string name;  // as written
  std::string content;
  size_t content_offset = 0;  // of the content in the page, when known
};

// A date a source of the page gives, with the source's name when it says more than its row
// in choose_date's table (meta:PubDate, text:lone_line); empty: the row's name.
struct Dated {
  std::string date;
  std::string source;
};

// Reads one parsed page: the passes of read(), in order, each in the file that owns it.
class Reader {
 public:
  Reader(std::string_view html, const Skeleton& skeleton) : html_(html), skeleton_(skeleton) {}
  Page read(const GumboNode* root);  // page.cpp

  std::string text_;
  Offsets sources_;  // text_ → the page

 private:
  // page_tree.cpp
  void index(const GumboNode* root);
  void count_text(std::string_view text, int element, bool in_link);
  void collect_meta(const GumboNode* node);
  const Meta* meta(std::string_view key) const;
  std::string json_ld_string(std::string_view key) const;
  void decide_chrome();
  void score();
  double link_density(const Node& n) const;
  int best_body() const;
  std::string name_of(int index, int levels = 4) const;
  std::string address() const;
  std::string_view address_after_body() const;

  // page_lines.cpp
  void put(char c, uint32_t source);
  void end_line();
  void put_text(const GumboNode* node, bool preformatted);
  void write_lines();
  void skipped_subtree(int index, size_t& next) const;
  bool is_link_list(const Node& n) const;
  bool is_body_or_above(const Node& n) const;
  std::string_view line_range(size_t begin, size_t end) const;
  std::string heading_text(int index) const;
  void append(std::string_view text, const uint32_t* sources, uint32_t fallback);
  void append_at(std::string_view text, size_t at);
  void put_run(std::string_view run, size_t source);
  void assemble(Page& page, int body);
  void append_lines(size_t b, size_t e);

  // page_title.cpp
  void choose_title(Page& page);
  void choose_credits(Page& page, int body);
  void spell_as_heading(Page& page);
  void choose_title_source(Page& page);
  int heading_above_body(const std::vector<int>& candidates) const;
  std::string source_of_heading(int h) const;
  std::string headline_text(int h) const;
  void set_title(Page& page, std::string title, std::string source, const Meta* m,
                 int heading = -1);

  // page_date.cpp: choose_date tries its table of sources, the finders below, in order.
  void choose_date(Page& page, int body);
  std::optional<Dated> date_in_metas(const Page& page, int body) const;
  std::optional<Dated> date_in_json_ld(const Page& page, int body) const;
  std::optional<Dated> date_marked(const Page& page, int body) const;
  std::optional<Dated> date_in_time(const Page& page, int body) const;
  std::optional<Dated> date_under_headline(const Page& page, int body) const;
  std::optional<Dated> date_above_headline(const Page& page, int body) const;
  std::optional<Dated> date_after_body(const Page& page, int body) const;
  std::optional<Dated> date_in_footer(const Page& page, int body) const;
  std::optional<Dated> date_in_scripts(const Page& page, int body) const;
  std::optional<Dated> date_updated_in_footer(const Page& page, int body) const;
  std::optional<std::string> script_date(std::string_view title) const;
  std::optional<std::string> date_in_header(int heading) const;

  std::string_view html_;
  const Skeleton& skeleton_;
  std::vector<Node> nodes_;
  std::vector<Meta> metas_;
  std::vector<int> headings_, times_, published_;
  std::vector<std::string_view> scripts_;  // inline scripts' code (not JSON-LD)
  std::string page_title_, json_ld_;
  std::string_view canonical_;
  std::string lines_;
  Offsets line_sources_;
  std::vector<size_t> begin_, end_;
  bool line_empty_ = true, space_pending_ = false;
  uint32_t last_source_ = 0;
  int title_node_ = -1, title_heading_ = -1, body_ = -1;
  const Meta* title_meta_ = nullptr;
};

}  // namespace page_detail
}  // namespace zhreport
