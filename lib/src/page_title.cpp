// A page's title, in order of trust: ArticleTitle, og:title, JSON-LD headline, a heading that
// <title> confirms, <title> without its site's name, the heading right above the article;
// then spelled as the headline that reads the same. Never a menu, a credit or a caption.
#include <algorithm>
#include <cctype>
#include <utility>

#include "page_reader.h"
#include "zhreport/document.h"

namespace zhreport::page_detail {

namespace {

std::vector<std::string_view> title_parts(std::string_view title) {
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
std::string_view without_ellipsis(std::string_view part, bool& cut) {
  cut = false;
  for (std::string_view e : {"...", "…", "..", "……"}) {
    while (part.ends_with(e)) {
      part.remove_suffix(e.size());
      cut = true;
    }
  }
  return text::trim(part);
}

// A headline without the media label a site puts after it: 标题（组图）, 标题 [图], 标题【视频】.
std::string without_media_label(std::string text) {
  static constexpr std::string_view kLabels[] = {"图", "组图", "多图", "图文", "视频", "高清组图"};
  static constexpr std::pair<std::string_view, std::string_view> kBrackets[] = {
      {"（", "）"}, {"(", ")"}, {"[", "]"}, {"【", "】"}};
  for (const auto& [open, close] : kBrackets) {
    for (std::string_view label : kLabels) {
      std::string whole = std::string(open) + std::string(label) + std::string(close);
      if (!text.ends_with(whole)) continue;
      std::string rest(text::trim(std::string_view(text).substr(0, text.size() - whole.size())));
      return text::display_width(rest) >= 8 ? rest : text;
    }
  }
  return text;
}

// A part of <title> that names a site, a channel or an account (某某网, 新闻频道, 某某客户端).
bool site_like(std::string_view part) {
  for (std::string_view word :
       {"网", ".com", ".cn", "新闻", "频道", "日报", "晚报", "政府", "门户", "客户端", "号"}) {
    if (part.find(word) != std::string_view::npos) return true;
  }
  return false;
}

// A title without its site's name: 标题_频道_网站 → 标题, 栏目 | 标题_网站 → 标题,
// 中国-东盟卫生合作论坛举行-新华网 → 中国-东盟卫生合作论坛举行. Trailing parts go while they are
// shorter than the longest part left (the site, its channel); a short leading part goes
// when a '|' or '_' follows it (a column's name).
std::string without_site(std::string_view title) {
  std::vector<std::string_view> parts = title_parts(title);
  if (parts.empty()) return "";
  size_t lo = 0, hi = parts.size();
  auto longest = [&](size_t from, size_t to) {
    size_t widest = 0;
    for (size_t i = from; i < to; ++i) widest = std::max(widest, text::display_width(parts[i]));
    return widest;
  };
  while (hi - lo > 1 && (text::display_width(parts[hi - 1]) < longest(lo, hi - 1) ||
                         (site_like(parts[hi - 1]) && longest(lo, hi - 1) >= 8))) {
    --hi;
  }
  // A site's name before the headline (某某网-标题, 某某网 - 标题) goes whatever separates them.
  while (hi - lo > 1 && text::display_width(parts[lo]) <= 12) {
    size_t after = static_cast<size_t>(parts[lo].data() + parts[lo].size() - title.data());
    std::string_view rest = text::trim(title.substr(after));
    bool site = site_like(parts[lo]) && longest(lo + 1, hi) >= 8 &&
                longest(lo + 1, hi) > text::display_width(parts[lo]);
    if (!(rest.starts_with("|") || rest.starts_with("｜") || rest.starts_with("_") || site)) break;
    ++lo;
  }
  const char* begin = parts[lo].data();
  const char* end = parts[hi - 1].data() + parts[hi - 1].size();
  return std::string(begin, static_cast<size_t>(end - begin));
}

}  // namespace

// A title as compared across the page's places: without blanks and punctuation.
std::string loose(std::string_view s) {
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

void Reader::choose_title(Page& page) {
  choose_title_source(page);
  spell_as_heading(page);
}

// The lines that may say who published the page, each of its own line: the site's name
// (<title>'s last part after the headline: 标题_某某医院, 新闻动态-某某医院), the lines between
// the headline and the article (某某医院 2024-07-05) and the few right after the article
// (供稿:某某医院医务部), before any comment or related list.
void Reader::choose_credits(Page& page, int body) {
  const std::string whole = clean(page_title_);
  std::vector<std::string_view> parts = title_parts(whole);
  if (parts.size() > 1 && loose(parts.back()) != loose(page.title)) {
    page.credits.append(parts.back()).push_back('\n');
  }
  if (body < 0) return;
  constexpr size_t kAround = 600;  // bytes: an info line, a credit line or two
  size_t body_begin = begin_[static_cast<size_t>(body)];
  size_t body_end = end_[static_cast<size_t>(body)];
  if (title_node_ >= 0 && end_[static_cast<size_t>(title_node_)] < body_begin) {
    size_t from = std::max(end_[static_cast<size_t>(title_node_)],
                           body_begin - std::min(body_begin, kAround));
    page.credits.append(line_range(from, body_begin)).push_back('\n');
  }
  page.credits.append(line_range(body_end, std::min(lines_.size(), body_end + kAround)));
}

// A title from the page's metadata or <title> is spelled as the headline that reads the same
// but for blanks and punctuation (新华网's h1 天津：… for <title> 天津…, 大公网's 湘吐情深｜… for
// og:title 湘吐情深 …), even in a page header marked as chrome; a headline that is the title
// after a kicker and a colon (苏铜协作五年：苏州专家… for og:title 苏州专家…) is the whole title.
// Headlines with more after the title (（组图）, a date) stay cut to it, unless <title> starts with
// the whole headline (通讯｜“…”——记… for <title> 通讯｜“…”——记…-新华网).
void Reader::spell_as_heading(Page& page) {
  if (page.title.empty() || title_heading_ >= 0) return;
  const std::string want = loose(page.title);
  if (text::display_width(want) < 8) return;
  // h1 before other headings, those outside chrome first; one in chrome only above the article
  // (the same title in a list of hot articles further down is not the headline).
  for (int pass = 0; pass < 4; ++pass) {
    for (int h : headings_) {
      const Node& n = nodes_[static_cast<size_t>(h)];
      if ((pass < 2) != (n.tag == GUMBO_TAG_H1) || (pass % 2 == 1) != n.chrome) continue;
      if (n.chrome && body_ >= 0 && h > body_) continue;
      std::string t = headline_text(h);
      // 通讯｜“…”——记…医疗队 in the h1, <title> that h1 and the site: a column's name and a
      // subtitle <title>'s parts lost belong to the headline
      bool same = loose(t) == want ||
                  (clean(page_title_).starts_with(t) && loose(t).find(want) != std::string::npos);
      bool kicker = false;
      if (!same && t.size() > page.title.size() && t.ends_with(page.title)) {
        std::string_view before =
            text::trim(std::string_view(t).substr(0, t.size() - page.title.size()));
        kicker =
            text::display_width(before) <= 30 && (before.ends_with("：") || before.ends_with(":") ||
                                                  before.ends_with("｜") || before.ends_with("|"));
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

void Reader::choose_title_source(Page& page) {
  std::string site_title = clean(page_title_);
  std::string core = without_site(site_title);
  // Its last part, the site's name where it has one ("" for a <title> of separators alone).
  const std::vector<std::string_view> site_parts = title_parts(site_title);
  const std::string site_name = site_parts.empty() ? "" : std::string(site_parts.back());
  // A site's name alone (og:title 某某新闻网, as <title>) is no headline.
  auto usable = [&](const std::string& t) {
    return text::display_width(t) >= 6 && !(text::display_width(t) <= 16 && site_like(t)) &&
           (site_parts.empty() || t != clean(site_name) || site_parts.size() == 1);
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
  // A title block that holds a heading (div.title_area: the h1 and the info line under it)
  // is confirmed through that heading: the block's text runs on into the info line.
  const std::vector<int> all = candidates;
  std::erase_if(candidates, [&](int h) {
    const Node& n = nodes_[static_cast<size_t>(h)];
    return !is_heading(n.tag) && std::any_of(all.begin(), all.end(), [&](int inner) {
      return inner > h && inner <= n.last && is_heading(nodes_[static_cast<size_t>(inner)].tag);
    });
  });
  // The parts of <title> kept as the headline's: a column's or the site's name after it
  // (标题-新闻动态-某医院) confirms no heading (a side menu's <h3>新闻动态</h3>).
  const std::vector<std::string_view> core_parts = title_parts(core);
  for (int h : candidates) {
    std::string t = headline_text(h);
    if (text::display_width(t) < 4) continue;
    if (t == site_name && site_like(t)) continue;  // the site's logo: <h1><a>某某网</a></h1>
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
    for (std::string_view part : core_parts) {
      if (text::display_width(part) < 8 || !(t == part || t.starts_with(part))) continue;
      title_node_ = h;
      set_title(page, std::string(part), source_of_heading(h), nullptr, h);
      return;
    }
  }
  // <title> without its site's name, trusted before a nearby heading only when it had a
  // site's name to remove: a <title> of one part is often the site's name alone.
  const bool suffixed = site_parts.size() > 1;
  if (suffixed && usable(core) && text::display_width(core) >= 8) {
    set_title(page, core, "title", nullptr);
    return;
  }
  if (int h = heading_above_body(candidates); h >= 0) {
    title_node_ = h;
    set_title(page, headline_text(h), source_of_heading(h), nullptr, h);
    return;
  }
  if (!core.empty() && usable(core) && text::display_width(core) >= 8) {
    set_title(page, core, "title", nullptr);
    return;
  }
  for (int h : headings_) {
    const Node& n = nodes_[static_cast<size_t>(h)];
    if (n.chrome || n.tag != GUMBO_TAG_H1) continue;
    std::string t = headline_text(h);
    if (text::display_width(t) < 6) continue;
    title_node_ = h;
    set_title(page, t, "h1", nullptr, h);
    return;
  }
  if (!core.empty() && text::display_width(core) >= 6) set_title(page, core, "title", nullptr);
}

// The heading nearest above the article (at most an info line between them), or the
// article's first block when it is a heading: the page's headline.
int Reader::heading_above_body(const std::vector<int>& candidates) const {
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
    std::string t = headline_text(h);
    if (text::display_width(t) < 10 || t.ends_with("。")) continue;
    if (nearest < 0 || e > end_[static_cast<size_t>(nearest)]) nearest = h;
  }
  return nearest;
}

// A heading's text without a label the site sets after the headline in an element of its own
// (<span class="tag">原创</span>, 独家, 置顶: at most four characters, no digits), a date or an
// info line (<span>2023-06-12 来源：某某网</span>), or a bracketed media label ([组图], （图）),
// after a headline of at least eight columns.
std::string Reader::headline_text(int h) const {
  std::string t = without_media_label(heading_text(h));
  const GumboVector& kids = nodes_[static_cast<size_t>(h)].node->v.element.children;
  for (unsigned i = kids.length; i-- > 0;) {
    const auto* kid = static_cast<const GumboNode*>(kids.data[i]);
    if (kid->type == GUMBO_NODE_WHITESPACE || kid->type == GUMBO_NODE_COMMENT) continue;
    if (kid->type != GUMBO_NODE_ELEMENT) break;
    std::string label = clean(subtree_text(kid));
    // <span>2023-06-12</span>, <span>2023-06-12 来源：某某网</span>: a date on a short line
    // without sentence punctuation
    const bool date = text::display_width(label, 61) <= 60 &&
                      label.find("，") == std::string::npos &&
                      label.find("。") == std::string::npos && find_date(label).has_value();
    if (label.empty() || !t.ends_with(label) ||
        (!date &&
         (text::count_code_points(label) > 4 ||
          std::any_of(label.begin(), label.end(), [](char c) { return c >= '0' && c <= '9'; })))) {
      break;
    }
    std::string rest(text::trim(std::string_view(t).substr(0, t.size() - label.size())));
    if (text::display_width(rest) >= 8) t = std::move(rest);
    break;
  }
  return t;
}

std::string Reader::source_of_heading(int h) const {
  GumboTag tag = nodes_[static_cast<size_t>(h)].tag;
  if (tag == GUMBO_TAG_H1) return "h1";
  if (tag == GUMBO_TAG_H2) return "h2";
  if (tag == GUMBO_TAG_H3) return "h3";
  return "heading";
}

void Reader::set_title(Page& page, std::string title, std::string source, const Meta* m,
                       int heading) {
  page.title = std::move(title);
  page.title_source = std::move(source);
  title_meta_ = m;
  title_heading_ = heading;
}

}  // namespace zhreport::page_detail
