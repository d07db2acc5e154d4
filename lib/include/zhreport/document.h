// Document structure: which lines of a report are its text, and what the page says about it.
//
//   zhreport::Document doc = zhreport::analyze_document(simplified_text);
//   doc.title;     // "组团式援疆三年结硕果"  (first meaningful line, when it reads as a title)
//   doc.date;      // "2023-06-18"          (发布时间:2023-06-18, or a leading date line)
//   doc.regions;   // {"新疆维吾尔自治区", "阿克苏地区"}
//   for (const zhreport::Block& b : doc.blocks)
//     if (zhreport::is_countable(b.kind)) use(simplified_text.substr(b.start, b.end - b.start));
//
// The text is normalized Simplified Chinese (normalize.h, then convert.h). Each non-blank line
// is one block. Boilerplate is recognized by the markers in data/boilerplate.tsv (navigation
// 当前位置, metadata 来源/发布时间/阅读数, share prompts 扫一扫, credits 文/… 编辑|…, ---单位---)
// and by one shape: a run of three or more trailing lines cut at the same display width without
// final punctuation (teasers of other articles appended by the site). Captions are 图1 … lines
// and the caption markers of the table. Counts on boilerplate, metadata and caption lines are
// never facts. Regions: the provinces, prefecture-level divisions and countries of places.h.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace zhreport {

enum class BlockKind { title, metadata, paragraph, caption, boilerplate };
std::string_view block_kind_name(BlockKind kind);  // "title" "metadata" "paragraph" ...
// Title and paragraphs hold the report's own statements; the rest is the page around them.
inline bool is_countable(BlockKind kind) {
  return kind == BlockKind::title || kind == BlockKind::paragraph;
}

struct Block {
  BlockKind kind = BlockKind::paragraph;
  size_t start = 0;  // byte range of the line in the text, blanks trimmed, no newline
  size_t end = 0;
};

struct Document {
  std::vector<Block> blocks;  // one per non-blank line, in order
  std::string title;          // empty when the report starts with a paragraph
  // ISO 8601: YYYY-MM-DD, or YYYY-MM when the page dates itself to the month only (a speech's
  // credit line (2024年8月 …)); empty when the page gives none.
  std::string date;
  // Where the date was read: "text:metadata" (发布时间:…, 来源:… 2017-07-21, a credit line) or
  // "text:lone_line" (a date on a line of its own, before or after the body).
  std::string date_source;
  // The page's own address when the text states it on a line of its own (a saved copy's first
  // line, 原文链接:…) before any related-articles list; empty otherwise. Its date (date_in_path)
  // is the last resort, after every date the text states.
  std::string address;
  // Lines that may say who published the report where its text does not: a page's credits (its
  // site's name, the lines around the article: page.h), in Simplified; empty for plain text,
  // whose credit lines are blocks. The context reads the place of a publishing institution in
  // them (绵阳市涪江医院 → 绵阳市).
  std::string publisher;
  // Where a related-articles line (推荐阅读, 往期回顾…: data/boilerplate.tsv) ends the report: the
  // byte its line starts at (what follows is the page's, not read for facts); the text's size
  // when none does.
  size_t related_start = 0;
  std::vector<std::string> regions;  // official names, in order of first mention
  size_t chars = 0;                  // code points of the text
};

struct DocumentOptions {
  bool describe = true;  // fill regions and chars (scans of the text that blocks do not need)
};

Document analyze_document(std::string_view text, const DocumentOptions& options = {});
// The same, into `doc`, whose vectors and strings keep their room (a batch's thread reuses one
// for every report).
void analyze_document(std::string_view text, const DocumentOptions& options, Document& doc);

// The first date in `line` as ISO 8601: 2019-02-23, 2019/2/23, 2019.02.23, 2019年2月23日 (blanks
// allowed between the parts, as in 2016 年4 月23 日). nullopt when there is none.
std::optional<std::string> find_date(std::string_view line);

// The date an input's path or address gives: …/2024-11/26/…, …/202411/26/…, …/2024/11/26/…,
// t20241126_…, …/20241126/…, 2024-11-26.html. nullopt when it gives none.
std::optional<std::string> date_in_path(std::string_view path);

// Provinces, prefecture-level divisions and countries named in `text` (official names from
// places.h, first mention first; counties and programme abbreviations such as 援藏 do not add).
// Short forms (新疆, 遵义) count unless the table marks them too ambiguous to stand alone (中山 of
// 中山大学, 长治 of 长治久安).
std::vector<std::string> find_regions(std::string_view text);

}  // namespace zhreport
