// Html: all the text a reader sees on an HTML page, markup dropped (page.h reads the article
// alone, with its title and date).
//
//   zhreport::Result<std::string> text = zhreport::html_to_text(page_bytes, "gbk");
//   if (text) extract(text.value());      // UTF-8, one line per paragraph, heading, list item…
//
// The page is decoded first (decode.h; `charset` from an HTTP header when known, else
// detected), then parsed with gumbo, a complete HTML5 parser: scripts, styles and other
// non-text elements are dropped, block elements (p, div, h1…h6, li, tr, br…) end a line, runs
// of white space become one space, entities are decoded by the parser. The <title> becomes
// the first line when the page has no <h1>. Offsets of later stages point into this text, not
// into the HTML.
#pragma once

#include <string>
#include <string_view>

#include "zhreport/error.h"

namespace zhreport {

// Error binary when the page has NUL bytes (as decode() does); Error too_large when its
// elements nest more than 10,000 deep (the parser's time grows with the square of the depth).
Result<std::string> html_to_text(std::string_view bytes, std::string_view charset = {});

// True for names ending in .html .htm .xhtml .shtml (any case).
bool is_html_name(std::string_view path);

}  // namespace zhreport
