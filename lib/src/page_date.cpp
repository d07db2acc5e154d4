// A page's publication date, in order of trust (choose_date's table of sources): <meta>
// publication fields, JSON-LD, an element marked datePublished, <time> above the article's
// first paragraph, the lines between headline and article (or the page header holding the
// headline), the lines right above the headline, a date or info line right after the article,
// a publication date in the footer block that follows it, then the page's scripts. Dates in
// comments, related lists, top bars and the narrative never count.
#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <iterator>
#include <utility>

#include "page_reader.h"
#include "zhreport/document.h"

namespace zhreport::page_detail {

namespace {

bool names_date(std::string_view line) {
  for (std::string_view key : {"发布", "日期", "时间", "来源", "发表", "更新", "發佈", "發布",
                               "時間", "來源", "發表"}) {  // Traditional pages too
    if (line.find(key) != std::string_view::npos) return true;
  }
  return false;
}

// The date after a label of publication (发布日期：…, 发表时间：…, 发布于 …, a paper's
// 本文刊发于《某某日报》2024年05月21日 第03版), if any.
std::optional<std::string> labelled_publication_date(std::string_view line) {
  for (std::string_view key :
       {"发布日期", "发布时间", "发表日期", "发表时间", "发布于", "刊发于", "刊登于", "發佈日期",
        "發布日期", "發佈時間", "發布時間", "發表日期", "發表時間", "刊發於", "刊登於"}) {
    size_t at = line.find(key);
    if (at == std::string_view::npos) continue;
    if (auto date = find_date(line.substr(at))) return date;
  }
  return std::nullopt;
}

constexpr std::string_view kThisPageLabels[] = {"本页发布", "本頁發佈", "本頁發布", "本页更新",
                                                "本頁更新", "本文发布", "本文發佈", "本文發布"};

// The date after a label of this page's own publication or update (本页发布日期：…, 本页更新：…,
// 本文发布：…, this article's), if any: a site's footer that says whose date it gives. Every
// occurrence of a label is read: one may name the publisher (本文发布者：…) before the date.
std::optional<std::string> this_page_date(std::string_view text) {
  for (std::string_view key : kThisPageLabels) {
    for (size_t at = text.find(key); at != std::string_view::npos;
         at = text.find(key, at + key.size())) {
      constexpr size_t kNear = 40;  // bytes of 日期：2023年07月04日 after the label
      if (auto date = find_date(text.substr(at, key.size() + kNear))) return date;
    }
  }
  return std::nullopt;
}

// The date after a label of an update in a site's footer (更新日期:…, 最后更新：…), if any; not
// one the label gives the site (网站更新时间, 本站更新), where the page's own may follow
// (网站更新时间：… 更新时间：…): every occurrence of a label is read.
std::optional<std::string> page_update_date(std::string_view text) {
  for (std::string_view key : {"最后更新", "最後更新", "更新日期", "更新时间", "更新時間"}) {
    for (size_t at = text.find(key); at != std::string_view::npos;
         at = text.find(key, at + key.size())) {
      std::string_view before = text.substr(0, at);
      bool site = before.ends_with("网站") || before.ends_with("網站") || before.ends_with("本站");
      if (site) continue;
      constexpr size_t kNear = 40;  // bytes of ：2023年07月04日 after the label
      if (auto date = find_date(text.substr(at, key.size() + kNear))) return date;
    }
  }
  return std::nullopt;
}

// The text of an element and its descendants, up to about `limit` bytes.
void append_text(const GumboNode* node, size_t limit, std::string& out) {
  for (unsigned i = 0; i < children_of(node).length && out.size() < limit; ++i) {
    const auto* child = static_cast<const GumboNode*>(children_of(node).data[i]);
    if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) {
      out += child->v.text.text;
    } else if (child->type == GUMBO_NODE_ELEMENT && !is_hidden(child->v.element.tag)) {
      append_text(child, limit, out);
    }
  }
}

// A top bar's today (2026年12月3日 星期四, 今天是…): a weekday or 今天 on a line that names
// neither a source nor a publication. An info line may give the weekday too (2024年3月8日 星期五
// 来源：新华网).
bool is_today_line(std::string_view line) {
  return (line.find("星期") != std::string_view::npos ||
          line.find("今天") != std::string_view::npos) &&
         !names_date(line);
}

bool is_date_digit(char32_t c) {
  return (c >= '0' && c <= '9') || c == U'〇' || c == U'○' || c == U'十' ||
         std::u32string_view(U"一二三四五六七八九").find(c) != std::u32string_view::npos;
}

bool is_date_mark(char32_t c) {
  return c == '-' || c == '/' || c == '.' || c == ':' || c == ' ' || c == U'年' || c == U'月' ||
         c == U'日' || c == U'时' || c == U'分';
}

bool is_lone_date(std::string_view line) {
  size_t digits = 0, other = 0;
  for (size_t i = 0; i < line.size(); i = text::next_char(line, i)) {
    char32_t c = text::code_point_at(line, i);
    if (is_date_digit(c)) {
      ++digits;  // 2023-06-12, 二〇二三年六月十二日
    } else if (!is_date_mark(c)) {
      ++other;
    }
  }
  return digits >= 6 && other == 0;
}

// The date to the day that a text opens with, alone before its first other character, when
// the editor's or source's credit follows (2025年03月12日 then 责任编辑：…, the lines of a block
// read as one text): a date alone after an article may be a comment's.
std::optional<std::string> opening_day(std::string_view text) {
  size_t end = 0;
  while (end < text.size() && (is_date_digit(text::code_point_at(text, end)) ||
                               is_date_mark(text::code_point_at(text, end)))) {
    end = text::next_char(text, end);
  }
  std::string_view run = text.substr(0, end), rest = text.substr(end);
  bool credit = names_date(rest) || rest.find("编辑") != std::string_view::npos ||
                rest.find("編輯") != std::string_view::npos;
  if (!credit || !is_lone_date(run)) return std::nullopt;
  auto date = find_date(run);
  constexpr size_t kDayLength = 10;  // YYYY-MM-DD
  if (!date || date->size() != kDayLength) return std::nullopt;
  return date;
}

// The first date of a line; in a line of digits alone, also one split by the page's markup
// into its parts (新华网's <em>2021</em> <em>08</em>/<em>10</em>: 2021 08/10 09:32:17).
std::optional<std::string> line_date(std::string_view line) {
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

// A date line of a page's header: a date alone, a line naming it (发布时间:…), or a short one
// without sentence punctuation (2023年06月12日08:15 | 来源:人民网).
std::optional<std::string> header_line_date(std::string_view line) {
  auto date = line_date(line);
  if (!date) return std::nullopt;
  bool plain = line.find("，") == std::string_view::npos &&
               line.find("。") == std::string_view::npos && text::display_width(line) <= 60;
  if (is_lone_date(line) || names_date(line) || plain) return date;
  return std::nullopt;
}

// A line of the article's prose: a sentence of some length, or a long line.
bool is_paragraph(std::string_view line) {
  if (text::display_width(line, 200) >= 200) return true;
  return text::display_width(line, 40) >= 40 &&
         (line.ends_with("。") || line.ends_with("！") || line.ends_with("？"));
}

// The first date among short lines between the headline and the article that name it or
// hold nothing else (a subtitle or an editor's note between them may hold a narrative date).
// In the article's own lines (`in_article`: the headline inside the block taken as the
// article), its first paragraph ends the look: the comments and lists further down the block
// are not the header.
std::optional<std::string> first_header_date(std::string_view region, bool in_article) {
  for (size_t pos = 0, lines = 0; pos < region.size() && lines < 8;) {
    size_t nl = region.find('\n', pos);
    if (nl == std::string_view::npos) nl = region.size();
    std::string_view line = text::trim(region.substr(pos, nl - pos));
    pos = nl + 1;
    if (line.empty()) continue;
    ++lines;
    if (text::display_width(line, 200) >= 200) break;  // the article has begun
    if (in_article && is_paragraph(line)) break;
    if (auto date = header_line_date(line)) return date;
  }
  return std::nullopt;
}

// A short info line that a date opens, without sentence punctuation (2022-06-14　文/办公室
// 浏览次数：1268): a hospital site's line under its article.
bool opens_info_line(std::string_view line) {
  if (line.size() < 8 ||
      !std::all_of(line.begin(), line.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) {
    return false;
  }
  if (!find_date(line.substr(0, std::min<size_t>(line.size(), 24))) ||
      line.find("，") != std::string_view::npos || line.find("。") != std::string_view::npos ||
      text::display_width(line, 61) > 60) {
    return false;
  }
  // What an info line says besides the date, a label with its colon or slash (文/…,
  // 浏览次数：…); a list of other articles, each opened by its date (2022-06-20 我院召开…
  // 阅读 100), says none of it.
  for (std::string_view label :
       {"文",     "图",       "作者",   "编辑", "责编",     "审核",   "供稿",   "撰稿",   "摄影",
        "浏览",   "浏览次数", "浏览量", "点击", "点击数",   "点击量", "阅读",   "阅读量", "阅读数",
        "访问量", "访问次数", "編輯",   "瀏覽", "瀏覽次數", "點擊",   "點擊數", "閱讀"}) {
    for (size_t at = line.find(label); at != std::string_view::npos;
         at = line.find(label, at + 1)) {
      std::string_view rest = line.substr(at + label.size());
      if (rest.starts_with("：") || rest.starts_with(":") || rest.starts_with("/")) return true;
    }
  }
  return false;
}

// An info line set in brackets after the article ((2023-11-02 责任编辑：…)): the line inside them.
std::string_view unbracketed(std::string_view line) {
  for (auto [open, close] :
       {std::pair<std::string_view, std::string_view>{"（", "）"}, {"(", ")"}}) {
    if (line.starts_with(open) && line.ends_with(close) &&
        line.size() > open.size() + close.size()) {
      return text::trim(line.substr(open.size(), line.size() - open.size() - close.size()));
    }
  }
  return line;
}

// Whether `code` holds `title` as written within 800 bytes of `at`: the object that dates the
// page, not a feed of other articles.
bool titled_near(std::string_view code, size_t at, std::string_view title) {
  if (text::display_width(title) < 8) return false;
  constexpr size_t kNear = 800;
  size_t from = at > kNear ? at - kNear : 0;
  std::string_view around = code.substr(from, std::min(code.size() - from, 2 * kNear));
  return around.find(title) != std::string_view::npos;
}

// Seconds since 1970 as a date in Beijing time (UTC+8), as Chinese sites mean them.
std::optional<std::string> date_of_seconds(long long seconds) {
  using namespace std::chrono;
  year_month_day day{floor<days>(sys_seconds{std::chrono::seconds{seconds + 8 * 3600}})};
  int year = static_cast<int>(day.year());
  if (year < 1995 || year > 2100) return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02}", year, static_cast<unsigned>(day.month()),
                     static_cast<unsigned>(day.day()));
}

// A field's date: 2020-03-18 09:10, 2020-03-18T09:10:00+08:00, 20200318, or seconds or
// milliseconds since 1970 (1584493800, 1584493800000).
std::optional<std::string> date_of_value(std::string_view value) {
  value = text::trim(value);
  if (auto date = find_date(value)) return date;
  auto digits = [](std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  // 20200318, 20200318091000
  if (value.size() >= 8 && digits(value.substr(0, 8))) {
    std::string spaced =
        fmt::format("{}-{}-{}", value.substr(0, 4), value.substr(4, 2), value.substr(6, 2));
    if (auto date = find_date(spaced)) return date;
  }
  if ((value.size() == 10 || value.size() == 13) && digits(value)) {
    return date_of_seconds(std::stoll(std::string(value.substr(0, 10))));
  }
  return std::nullopt;
}

// A source of a page's date: its name, and the finder that returns the date and, when it
// says more than the name, its own source name (meta:PubDate, text:lone_line).
struct DateSource {
  std::string_view name;
  std::optional<Dated> (Reader::*find)(const Page& page, int body) const;
};

// The site's footer: a <footer> element, or a block whose class or id names one (div.footer,
// div#foot) on a site without that element.
bool is_site_footer(const Node& n) {
  if (n.tag == GUMBO_TAG_FOOTER) return true;
  if (!is_block(n.tag)) return false;
  for (const char* name : {"class", "id"}) {
    std::string_view value = attribute(n.node, name);
    for (size_t i = 0; i + 4 <= value.size(); ++i) {
      if (iequals(value.substr(i, 4), "foot")) return true;
    }
  }
  return false;
}

}  // namespace

// The sources of a page's date, in order of trust: the first that finds one dates the page.
// Adding a source is adding a row.
void Reader::choose_date(Page& page, int body) {
  static constexpr DateSource kSources[] = {
      {"meta", &Reader::date_in_metas},      // <meta name="PubDate">, article:published_time
      {"jsonld", &Reader::date_in_json_ld},  // "datePublished", Baidu's "pubDate"
      {"meta:datePublished", &Reader::date_marked},  // <span itemprop="datePublished">
      {"time", &Reader::date_in_time},               // <time datetime> above the article
      {"text:metadata", &Reader::date_under_headline},  // 来源:… 发布时间:… under the headline
      {"text:metadata", &Reader::date_above_headline},  // 发布日期: in a table above it
      {"text:metadata", &Reader::date_after_body},      // a date line right after the article
      {"text:footer", &Reader::date_in_footer},  // 发布时间:… in the footer right after it
      {"script", &Reader::date_in_scripts},      // var publish_time = "…", window.DATA
      {"text:footer_update", &Reader::date_updated_in_footer},  // 更新日期:… in the site's footer
  };
  for (const DateSource& source : kSources) {
    if (std::optional<Dated> found = (this->*source.find)(page, body)) {
      page.date = std::move(found->date);
      page.date_source = found->source.empty() ? std::string(source.name) : found->source;
      return;
    }
  }
}

std::optional<Dated> Reader::date_in_metas(const Page&, int) const {
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
    if (auto date = date_of_value(m->content)) return Dated{*date, "meta:" + m->name};
  }
  return std::nullopt;
}

// schema.org's datePublished; Baidu's cambrian JSON-LD (大众网) says pubDate.
std::optional<Dated> Reader::date_in_json_ld(const Page&, int) const {
  for (std::string_view key : {"datePublished", "pubDate"}) {
    std::string published = json_ld_string(key);
    if (published.empty()) continue;
    if (auto date = date_of_value(published)) return Dated{*date, ""};
  }
  return std::nullopt;
}

// An element marked as the publication date (<span itemprop="datePublished">).
std::optional<Dated> Reader::date_marked(const Page&, int) const {
  for (int d : published_) {
    const Node& n = nodes_[static_cast<size_t>(d)];
    if (n.chrome) continue;
    std::string_view value = attribute(n.node, "content");
    if (value.empty()) value = attribute(n.node, "datetime");
    std::optional<std::string> date =
        value.empty() ? find_date(heading_text(d)) : date_of_value(value);
    if (date) return Dated{*date, ""};
  }
  return std::nullopt;
}

// A <time> above the article's end: one further down dates a list or a comment; so does one
// after the article's first paragraph in a block that holds the comments too.
std::optional<Dated> Reader::date_in_time(const Page&, int body) const {
  size_t until = std::string::npos;
  if (body >= 0 && !times_.empty()) {
    const size_t b = begin_[static_cast<size_t>(body)], e = end_[static_cast<size_t>(body)];
    until = e;
    std::string_view article = line_range(b, e);
    for (size_t pos = 0; pos < article.size();) {
      size_t nl = article.find('\n', pos);
      if (nl == std::string_view::npos) nl = article.size();
      std::string_view line = text::trim(article.substr(pos, nl - pos));
      if (is_paragraph(line)) {
        until = b + nl;
        break;
      }
      pos = nl + 1;
    }
  }
  for (int t : times_) {
    const Node& n = nodes_[static_cast<size_t>(t)];
    if (n.chrome) continue;
    if (begin_[static_cast<size_t>(t)] >= until) continue;
    std::string_view value = attribute(n.node, "datetime");
    std::optional<std::string> date =
        value.empty() ? find_date(heading_text(t)) : date_of_value(value);
    if (date) return Dated{*date, ""};
  }
  return std::nullopt;
}

// The lines between the headline and the article (or the article's first lines when the
// headline is in it), or around the headline in a page header marked as chrome.
std::optional<Dated> Reader::date_under_headline(const Page& page, int body) const {
  if (body < 0) return std::nullopt;
  size_t body_begin = begin_[static_cast<size_t>(body)];
  size_t body_end = end_[static_cast<size_t>(body)];
  size_t from = std::string::npos;
  if (title_node_ >= 0 && nodes_[static_cast<size_t>(title_node_)].chrome) {
    if (auto date = date_in_header(title_node_)) return Dated{*date, ""};
    return std::nullopt;
  }
  if (title_node_ >= 0) {
    // Right after the headline's text: a title block may hold the info line under it, an h1
    // a date after the headline (<span>2023-06-12</span>).
    size_t b = begin_[static_cast<size_t>(title_node_)], e = end_[static_cast<size_t>(title_node_)];
    size_t at = page.title.empty() ? std::string::npos : line_range(b, e).find(page.title);
    from = at != std::string::npos ? b + at + page.title.size() : e;
  } else if (!page.title.empty()) {
    size_t found = lines_.find(page.title);
    if (found != std::string::npos && found < body_end) from = found + page.title.size();
  }
  if (from == std::string::npos) return std::nullopt;
  size_t to = from < body_begin ? body_begin : std::min(body_end, from + 600);
  if (auto date = first_header_date(line_range(from, std::max(from, to)), from >= body_begin)) {
    return Dated{*date, ""};
  }
  return std::nullopt;
}

// The few lines right above the headline (the article when no headline is known): a
// line naming the publication date (a government page's table: 成文日期：… 发布日期：…, the
// date after the label), or a date line of its own next to the headline. A top bar's
// today (星期四) is not one.
std::optional<Dated> Reader::date_above_headline(const Page&, int body) const {
  if (body < 0) return std::nullopt;
  const int head =
      title_node_ >= 0 && !nodes_[static_cast<size_t>(title_node_)].chrome ? title_node_ : body;
  // A lone date counts only inside the element that holds both the headline and the article:
  // a side column before them (最新文章 … 2024-01-11) is another part of the page.
  int scope = head;
  auto holds = [&](int a, int i) { return a <= i && nodes_[static_cast<size_t>(a)].last >= i; };
  while (scope >= 0 && !(holds(scope, head) && holds(scope, body))) {
    scope = nodes_[static_cast<size_t>(scope)].parent;
  }
  if (scope == body) scope = nodes_[static_cast<size_t>(body)].parent;  // no headline known
  if (scope >= 0 && nodes_[static_cast<size_t>(scope)].tag == GUMBO_TAG_BODY) scope = -1;
  const size_t scope_begin = scope >= 0 ? begin_[static_cast<size_t>(scope)] : 0;
  const size_t to = std::min(begin_[static_cast<size_t>(head)], lines_.size());
  std::string_view above = line_range(0, to);
  constexpr size_t kLines = 8, kLoneLines = 2;
  size_t seen = 0;
  for (size_t end = above.size(); end > 0 && seen < kLines;) {
    size_t nl = above.rfind('\n', end - 1);
    size_t b = nl == std::string_view::npos ? 0 : nl + 1;
    std::string_view line = text::trim(above.substr(b, end - b));
    end = nl == std::string_view::npos ? 0 : nl;
    if (line.empty()) continue;
    ++seen;
    if (is_today_line(line)) continue;
    if (auto date = labelled_publication_date(line)) return Dated{*date, ""};
    if (seen <= kLoneLines && b >= scope_begin && is_lone_date(line)) {
      if (auto date = line_date(line)) return Dated{*date, "text:lone_line"};
    }
  }
  return std::nullopt;
}

// After the article, within a few lines and before any comment or related list: a date line,
// a line naming the date (发布日期:…), or a short info line it opens (2022-06-14 文/… 浏览次数),
// also in brackets ((2022-06-14 责任编辑：…)).
// A date line with a clock time after a line without a label (a reader's name: 张三, then
// 2024-03-10 12:00) is an unmarked comment's; an issuer's signature dates its notice by day.
std::optional<Dated> Reader::date_after_body(const Page&, int body) const {
  if (body < 0) return std::nullopt;
  std::string_view after = line_range(end_[static_cast<size_t>(body)], lines_.size());
  bool after_unlabelled = false;
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
    for (std::string_view word :
         {"评论", "留言", "网友", "相关", "推荐", "热点", "热门", "上一篇", "下一篇", "阅读排行",
          "評論", "網友", "相關", "推薦", "熱點", "熱門"}) {
      other = other || line.find(word) != std::string_view::npos;
    }
    if (other) break;
    auto date = line_date(line);
    if (!date) {
      after_unlabelled = after_unlabelled || (line.find(':') == std::string_view::npos &&
                                              line.find("：") == std::string_view::npos);
      continue;
    }
    if (is_lone_date(line)) {
      if (after_unlabelled && line.find(':') != std::string_view::npos) break;  // a comment's
      return Dated{*date, "text:lone_line"};
    }
    if (names_date(line) || opens_info_line(unbracketed(line))) return Dated{*date, ""};
  }
  return std::nullopt;
}

// A small site's info line in the footer block that directly follows the article (div.foot,
// read as chrome: 发布时间：2024年06月24日 编辑：…): the first element after the article that
// holds text, when it names the publication (not a site's 更新时间 or copyright years) or opens
// with a date line of its own. Further down, only a label of this page's own date (本页发布日期,
// a county site's footer under the editor and the teasers) dates it, or a label of publication
// in the site's footer (<footer> or div.footer: 发布日期：… 京ICP备…, below a sidebar or the
// related list): no list of other pages.
std::optional<Dated> Reader::date_in_footer(const Page&, int body) const {
  if (body < 0) return std::nullopt;
  constexpr size_t kMaxFooter = 400;
  // Past the first element, only such a label or the site's footer dates the page: a page
  // without either needs no walk through the rest of its elements.
  const bool labelled =
      std::any_of(std::begin(kThisPageLabels), std::end(kThisPageLabels),
                  [&](std::string_view label) { return text::contains(html_, label); });
  const size_t after = static_cast<size_t>(nodes_[static_cast<size_t>(body)].last) + 1;
  const bool footer = std::any_of(nodes_.begin() + static_cast<std::ptrdiff_t>(after), nodes_.end(),
                                  [](const Node& n) { return is_site_footer(n); });
  bool first = true;
  for (size_t i = after; i < nodes_.size(); ++i) {
    std::string text;
    append_text(nodes_[i].node, kMaxFooter, text);
    if (text::trim(text).empty()) continue;
    if (auto date = this_page_date(text)) return Dated{*date, ""};
    if (is_site_footer(nodes_[i])) {
      if (auto date = labelled_publication_date(text)) return Dated{*date, ""};
    }
    if (!first && !labelled && !footer) break;
    if (!first) continue;
    first = false;
    if (!nodes_[i].chrome) continue;
    if (auto date = labelled_publication_date(text)) return Dated{*date, ""};
    // A date line that opens the block (2025年03月12日<br>责任编辑：…): the article's, where a
    // later date in it may be a teaser's (上一篇：…).
    if (is_today_line(text)) continue;
    if (auto date = opening_day(text::trim(text))) return Dated{*date, "text:lone_line"};
  }
  return std::nullopt;
}

// The last source: a page that nothing else dates and whose site footer (<footer>, div#footer)
// gives an update date that is not the site's (更新日期:2023-04-07 beside the ICP number and the
// site's visit count, 最后更新：2023年8月18日) was last touched then, published then or before.
std::optional<Dated> Reader::date_updated_in_footer(const Page&, int body) const {
  if (body < 0) return std::nullopt;
  constexpr size_t kMaxFooter = 400;
  for (size_t i = static_cast<size_t>(nodes_[static_cast<size_t>(body)].last) + 1;
       i < nodes_.size(); ++i) {
    if (!is_site_footer(nodes_[i])) continue;
    std::string text;
    append_text(nodes_[i].node, kMaxFooter, text);
    if (auto date = page_update_date(text)) return Dated{*date, ""};
  }
  return std::nullopt;
}

std::optional<Dated> Reader::date_in_scripts(const Page& page, int) const {
  if (auto date = script_date(page.title)) return Dated{*date, ""};
  return std::nullopt;
}

// The date a page's scripts assign to a publication-time variable (a WeChat article's
// var publish_time = "2024-01-09", var createTime = '2022-06-15 20:30', var ct = "1704795720",
// seconds since 1970, dated in Beijing time), first by the order of the names. An object's
// key: value (JSON's "pubtime": "…", a script's publishTime: 1709866800, a number or a string)
// is read only in a script that holds the page's title near it (window.DATA = {"title": …,
// "pubtime": …}): scripts carry feeds of other articles that way too.
std::optional<std::string> Reader::script_date(std::string_view title) const {
  static constexpr std::string_view kNames[] = {
      "publish_time", "publishtime", "publishdate", "publish_date", "pubtime",     "pub_time",
      "pubdate",      "newstime",    "ptime",       "createtime",   "create_time", "ct"};
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
      const bool quoted = i > 0 && code[i - 1] == '"' && end < code.size() && code[end] == '"';
      i = end;
      size_t rank = std::size(kNames);
      for (size_t k = 0; k < std::size(kNames); ++k) {
        if (iequals(name, kNames[k])) rank = k;
      }
      if (rank >= best_rank) continue;
      size_t at = code.find_first_not_of(" \t", end + quoted);
      if (at == std::string_view::npos) continue;
      if (code[at] == ':') {  // a key of an object that carries the page's own title
        if (!titled_near(code, end, title)) continue;
      } else if (quoted || code[at] != '=' || (at + 1 < code.size() && code[at + 1] == '=')) {
        continue;
      }
      at = code.find_first_not_of(" \t", at + 1);
      if (at == std::string_view::npos) continue;
      std::string_view value;
      if (code[at] == '"' || code[at] == '\'') {
        size_t close = code.find(code[at], at + 1);
        if (close == std::string_view::npos || close - at > 40) continue;
        value = code.substr(at + 1, close - at - 1);
      } else {  // seconds or milliseconds since 1970, unquoted
        size_t digits = code.find_first_not_of("0123456789", at);
        value = code.substr(at, (digits == std::string_view::npos ? code.size() : digits) - at);
        if (value.size() != 10 && value.size() != 13) continue;
      }
      std::optional<std::string> date = date_of_value(value);
      if (date) {
        best = date;
        best_rank = rank;
      }
    }
  }
  return best;
}

// The headline sits in a page header marked as chrome (新华网: the header holds the date, the
// source, a share bar and the h1): a date line among the few lines around the headline in
// that header, the part of the page above the article that holds the headline. A top bar's
// "today" (星期四) is not one.
std::optional<std::string> Reader::date_in_header(int heading) const {
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
    if (is_today_line(line)) return std::nullopt;
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

}  // namespace zhreport::page_detail
