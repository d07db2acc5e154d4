// Page: a saved web page read as its reader reads it — the article's title, its publication
// date and its text, without the site around it (navigation, related-article lists, comment
// threads, share widgets, footers, scripts, styles).
//
//   if (zhreport::looks_like_html(bytes)) {                 // <!DOCTYPE html, <html, <head…
//     zhreport::Result<zhreport::Page> page = zhreport::read_page(decoded_utf8);
//     page->title;   page->title_source;   // "援疆医生的一天"  "meta:ArticleTitle"
//     page->date;    page->date_source;    // "2020-03-18"     "meta:PubDate"
//     page->body;                          // "div#content": the block taken as the article
//     page->text;                          // title line, then the article's blocks, one a line
//     page->offsets.map(i);                // byte i of text → byte of the HTML it came from
//   }
//
// The page is parsed with gumbo (an HTML5 parser; never regexes over tags). Title, in order of
// trust: <meta name="ArticleTitle">, og:title, JSON-LD headline, a heading (h1…h3 or a *title*
// block) that <title> confirms, <title> without the site's name (标题_中国甘肃网 → 标题), a lone
// <h1>. Date: <meta> publication fields (PubDate, publishdate, article:published_time, …),
// JSON-LD datePublished, <time datetime>, then the lines between the headline and the article
// (来源:… 发布时间:2020-03-18 09:10) or around it in a page header that holds it, then the lines
// right above the headline (发布日期:… in a government page's table), then a date line or an info
// line right after the article, then a publication-time variable of the page's scripts (WeChat's
// var publish_time; window.DATA's "pubtime" beside the page's own title). A title is spelled as
// the headline that reads the same. Site chrome is
// left out of all of these, so a reader comment's time is never the article's. The article is
// the block whose own paragraphs carry the most sentence punctuation, discounted by the share
// of link text; inside it, link lists and chrome blocks are dropped.
// Source names: title_source "meta:ArticleTitle" "meta:og:title" "jsonld" "h1" "h2" "h3"
// "heading" "title"; date_source "meta:NAME" (NAME as the page spells it) "jsonld" "time"
// "text:metadata" "text:lone_line" "script". Empty when the page does not say.
#pragma once

#include <string>
#include <string_view>

#include "zhreport/error.h"
#include "zhreport/offset_map.h"

namespace zhreport {

struct Page {
  std::string text;   // the title line (when known), then the article's lines
  OffsetMap offsets;  // text → the HTML given to read_page (size text.size() + 1)
  std::string title;  // the article's title, empty when the page gives none
  std::string title_source;
  // The lines around the article that may say who published it, one a line: the site's name
  // that <title> gives after the headline (…_某某医院), the lines between the headline and the
  // article and a few right after it (供稿:某某医院医务部). Raw lines, comments and all: a
  // reader of them picks what it looks for.
  std::string credits;
  std::string date;  // ISO 8601 YYYY-MM-DD, empty when the page states none
  std::string date_source;
  std::string body;  // a CSS-like name of the block taken as the article: "div#content"
  // The page's own address (canonical link, og:url, a saved copy's "saved from url="), whose
  // path may date it (…/2024-11/26/…); empty when it gives none.
  std::string address;
};

// `html` is the page as UTF-8 (decode.h). Error too_large when its elements nest more than
// 10,000 deep (as html_to_text).
Result<Page> read_page(std::string_view html);

// True when the bytes start (after a BOM, blanks and comments) like an HTML document:
// <!DOCTYPE html, <html, <head, <meta or <body (any case). UTF-16 pages are not recognized.
bool looks_like_html(std::string_view bytes);

// The charset a page declares in its first 4 KB (<meta charset="gbk">, content="…;
// charset=gb2312">), as written; empty when none.
std::string_view declared_charset(std::string_view bytes);

// The charset to decode a page with: `hint` (an HTTP header's) or the declared one, unless
// the bytes are valid UTF-8 (then empty: UTF-8 is detected). A browser's saved copy is
// re-encoded to UTF-8 but keeps its <meta charset="gb2312">.
std::string_view page_charset(std::string_view bytes, std::string_view hint = {});

}  // namespace zhreport
