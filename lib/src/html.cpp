#include "zhreport/html.h"

#include <fmt/core.h>
#include <gumbo.h>

#include <algorithm>
#include <cctype>

#include <memory>
#include <utility>
#include <vector>

#include "source_reader.h"
#include "zhreport/decode.h"

namespace zhreport {

namespace html_detail {

// Elements whose content is not text a reader sees.
bool is_hidden(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
      return true;
    default:
      return false;
  }
}

// Elements that start and end a line of text.
bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_BR:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
      return true;
    default:
      return false;
  }
}

}  // namespace html_detail

namespace {

using html_detail::is_block;
using html_detail::is_hidden;

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Text laid out in lines: white space collapsed, no empty lines, no spaces at line ends.
class Lines {
 public:
  void text(std::string_view text, bool preformatted) {
    for (char c : text) {
      if (preformatted && c == '\n') {
        end_line();
      } else if (is_html_space(c)) {
        space_pending_ = true;
      } else {
        if (space_pending_ && !line_empty_) out_ += ' ';
        space_pending_ = false;
        line_empty_ = false;
        out_ += c;
      }
    }
  }
  void separate() { space_pending_ = true; }
  void end_line() {
    if (!line_empty_) out_ += '\n';
    line_empty_ = true;
    space_pending_ = false;
  }
  std::string take() {
    end_line();
    return std::move(out_);
  }

 private:
  std::string out_;
  bool line_empty_ = true;
  bool space_pending_ = false;
};

struct GumboDeleter {
  void operator()(GumboOutput* output) const {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

// The tree walked without recursion: pages can nest deeper than a thread's stack.
std::string text_of(const GumboNode* root) {
  Lines body, title;
  bool has_h1 = false;
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
    bool preformatted;
  };
  std::vector<Frame> stack{{root, 0, false}};
  while (!stack.empty()) {
    Frame& frame = stack.back();
    const GumboNode* node = frame.node;
    const GumboVector& children =
        node->type == GUMBO_NODE_DOCUMENT ? node->v.document.children : node->v.element.children;
    if (frame.next_child == children.length) {
      if (node->type == GUMBO_NODE_ELEMENT && is_block(node->v.element.tag)) body.end_line();
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
    bool preformatted = frame.preformatted;
    switch (child->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        body.text(child->v.text.text, preformatted);
        break;
      case GUMBO_NODE_ELEMENT: {
        GumboTag tag = child->v.element.tag;
        if (tag == GUMBO_TAG_TITLE) {
          for (unsigned i = 0; i < child->v.element.children.length; ++i) {
            const auto* text = static_cast<const GumboNode*>(child->v.element.children.data[i]);
            if (text->type == GUMBO_NODE_TEXT) title.text(text->v.text.text, false);
          }
          break;
        }
        if (is_hidden(tag)) break;
        has_h1 = has_h1 || tag == GUMBO_TAG_H1;
        if (is_block(tag)) body.end_line();
        if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) body.separate();
        stack.push_back({child, 0, preformatted || tag == GUMBO_TAG_PRE});
        break;
      }
      default:  // comments, templates
        break;
    }
  }
  std::string text = body.take();
  return has_h1 ? text : title.take() + text;
}

bool is_void_element(std::string_view name) {
  static constexpr std::string_view kVoid[] = {"area",  "base",   "br",    "col",  "embed",
                                               "hr",    "img",    "input", "link", "meta",
                                               "param", "source", "track", "wbr"};
  return std::any_of(std::begin(kVoid), std::end(kVoid), [&](std::string_view element) {
    return name.size() == element.size() &&
           std::equal(name.begin(), name.end(), element.begin(), [](char a, char b) {
             return std::tolower(static_cast<unsigned char>(a)) == b;
           });
  });
}

}  // namespace

namespace html_detail {
// An upper estimate of how deeply the page's elements nest: start tags minus end tags, void
// and self-closing elements left out. gumbo's time grows with the square of the depth (a
// page of 100,000 nested <div>s takes a minute), so such pages are refused before parsing.
// This only guards the parser; the text comes from the parse tree.
size_t estimated_depth(std::string_view page) {
  size_t depth = 0, deepest = 0;
  for (size_t open = page.find('<'); open != std::string_view::npos;
       open = page.find('<', open + 1)) {
    bool closing = open + 1 < page.size() && page[open + 1] == '/';
    size_t name_start = open + 1 + (closing ? 1 : 0);
    size_t name_end = name_start;
    while (name_end < page.size() && std::isalnum(static_cast<unsigned char>(page[name_end]))) {
      ++name_end;
    }
    if (name_end == name_start || !std::isalpha(static_cast<unsigned char>(page[name_start]))) {
      continue;
    }
    if (closing) {
      if (depth > 0) --depth;
      continue;
    }
    size_t tag_end = page.find('>', name_end);
    bool self_closing = tag_end != std::string_view::npos && page[tag_end - 1] == '/';
    if (self_closing || is_void_element(page.substr(name_start, name_end - name_start))) continue;
    deepest = std::max(deepest, ++depth);
  }
  return deepest;
}

}  // namespace html_detail

using html_detail::estimated_depth;

bool is_html_name(std::string_view path) {
  return source_detail::ends_with_any(path, {".html", ".htm", ".xhtml", ".shtml"});
}

Result<std::string> html_to_text(std::string_view bytes, std::string_view charset) {
  DecodeOptions options;
  if (!charset.empty()) options.from = parse_encoding(charset);
  Result<Decoded> decoded = decode(bytes, options);
  if (!decoded) return decoded.error();
  const std::string& page = decoded->text;
  static constexpr size_t kMaxDepth = 10000;
  if (size_t depth = estimated_depth(page); depth > kMaxDepth) {
    return Error{ErrorCode::too_large,
                 fmt::format("HTML nests about {} elements deep, more than the {} this reader "
                             "parses",
                             depth, kMaxDepth)};
  }
  GumboOptions parse_options = kGumboDefaultOptions;
  parse_options.max_errors = 0;  // parse errors are not kept: broken pages are the norm
  std::unique_ptr<GumboOutput, GumboDeleter> output(
      gumbo_parse_with_options(&parse_options, page.data(), page.size()));
  return text_of(output->document);
}

}  // namespace zhreport
