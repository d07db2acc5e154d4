#include "zhreport/page.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "zhreport/decode.h"
#include "zhreport/pipeline.h"
#include "zhreport/validate.h"

namespace {

// A page around `article`, with navigation, a related list, comments and a footer.
std::string page_with(const std::string& head, const std::string& article,
                      const std::string& after = "") {
  return "<!DOCTYPE html><html><head><meta charset=\"utf-8\">" + head +
         "</head><body><div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/a\">新闻</a> <a "
         "href=\"/b\">登录</a></div><div class=\"top\">2026年12月3日 星期四</div>" +
         article + after +
         "<div class=\"related\"><h3>相关新闻</h3><ul><li><a href=\"/r\">援疆医疗队派出20名专家"
         "</a> 2019-01-02</li></ul></div><div class=\"comment\"><p>网友:我们县来了10名专家。</p>"
         "<span>2024-09-09 10:00</span></div><div class=\"footer\">版权所有 某某网</div>"
         "</body></html>";
}

const std::string kBody =
    "<div id=\"content\"><p>十年来，上海市累计选派286名医疗专家赴日喀则市开展工作。</p>"
    "<p>专家们完成手术4.6万余台，培养当地医疗骨干500余名。</p></div>";

// An article's paragraphs set straight in the block that holds its headline.
const std::string kParagraphs =
    "<p>十年来，宁夏累计选派医疗专家120名赴塔城开展工作，完成手术300余台。</p><p>专家们培养当地"
    "医疗骨干80余名，开展新技术20项，填补空白10项。</p>";

zhreport::Page read(const std::string& html) {
  zhreport::Result<zhreport::Page> page = zhreport::read_page(html);
  REQUIRE(page.ok());
  return page.value();
}

}  // namespace

TEST_CASE("page: pages are recognized by their start, never by tags further in") {
  CHECK(zhreport::looks_like_html("<!DOCTYPE html><html>"));
  CHECK(zhreport::looks_like_html("\xEF\xBB\xBF  <!-- saved -->\n<HTML lang=zh>"));
  CHECK(zhreport::looks_like_html("<?xml version=\"1.0\"?>\n<!doctype html PUBLIC>"));
  CHECK(zhreport::looks_like_html("<head><meta charset=gbk>"));
  CHECK_FALSE(zhreport::looks_like_html("援疆工作总结\n<p>共派出12名专家</p>"));
  CHECK_FALSE(zhreport::looks_like_html("<htmlx>"));
  CHECK(zhreport::declared_charset("<meta charset=\"GBK\">") == "GBK");
  CHECK(zhreport::declared_charset("<meta http-equiv=\"Content-Type\" "
                                   "content=\"text/html; charset=gb2312\">") == "gb2312");
  CHECK(zhreport::declared_charset("<html><body>").empty());
}

TEST_CASE("page: CMS meta tags give title and date; the article is its block alone") {
  zhreport::Page page = read(page_with(
      "<title>上海援藏十年_新闻中心_某某网</title><meta name=\"ArticleTitle\" "
      "content=\"上海援藏十年\"><meta name=\"PubDate\" content=\"2020-03-18 09:10\">",
      "<h1>上海援藏十年</h1><div class=\"info\">来源：某某网 发布时间：2020-03-19</div>" + kBody));
  CHECK(page.title == "上海援藏十年");
  CHECK(page.title_source == "meta:ArticleTitle");
  CHECK(page.date == "2020-03-18");
  CHECK(page.date_source == "meta:PubDate");
  CHECK(page.body == "div#content");
  CHECK(page.text ==
        "上海援藏十年\n十年来，上海市累计选派286名医疗专家赴日喀则市开展工作。\n"
        "专家们完成手术4.6万余台，培养当地医疗骨干500余名。\n");
}

TEST_CASE("page: without meta tags, the headline <title> confirms and the info line under it") {
  zhreport::Page page = read(page_with(
      "<title>上海援藏医疗队十年派出专家286名_新闻中心_某某网</title>",
      "<div class=\"logo\"><h1>某某网</h1></div><h2>上海援藏医疗队十年派出专家286名 （组图）</h2>"
      "<div class=\"info\">2020年03月18日 09:10 来源：某某网</div>" +
          kBody));
  CHECK(page.title == "上海援藏医疗队十年派出专家286名");
  CHECK(page.title_source == "h2");
  CHECK(page.date == "2020-03-18");
  CHECK(page.date_source == "text:metadata");
}

TEST_CASE("page: a comment's time, a related list's date, the top bar's date are never the date") {
  zhreport::Page page = read(page_with("<title>上海援藏医疗队十年派出专家286名_某某网</title>",
                                       "<h1>上海援藏医疗队十年派出专家286名</h1>" + kBody));
  CHECK(page.title == "上海援藏医疗队十年派出专家286名");
  CHECK(page.date.empty());
  CHECK(page.text.find("10名专家") == std::string::npos);
  CHECK(page.text.find("20名专家") == std::string::npos);
  CHECK(page.text.find("首页") == std::string::npos);
  // <time> in a comment thread, after the article.
  zhreport::Page timed = read(page_with(
      "<title>援外医疗队完成手术1200台 | 某某日报</title>",
      "<article><h1>援外医疗队完成手术1200台</h1>" + kBody +
          "</article><section id=\"comments\"><article class=\"comment\"><p>致敬！</p><time "
          "datetime=\"2023-05-21\">5月21日</time></article></section>"));
  CHECK(timed.date.empty());
}

TEST_CASE("page: a date line right after the article; a <title> of the site's name alone") {
  zhreport::Page page =
      read(page_with("<title>某某县人民医院</title>",
                     "<div class=\"nr_title\">帮扶医院专家团队来我院开展义诊活动</div>" + kBody,
                     "<div class=\"date\">2021-05-06</div>"));
  CHECK(page.title == "帮扶医院专家团队来我院开展义诊活动");
  CHECK(page.title_source == "heading");
  CHECK(page.date == "2021-05-06");
  CHECK(page.date_source == "text:lone_line");
}

TEST_CASE(
    "regression: a <title> of separators alone (<title>|</title>) crashed the title's choice") {
  // (found by fuzz_html: the title had no parts, and its last part was read all the same)
  for (std::string title : {"<title>|</title>", "<title> - _ </title>"}) {
    CAPTURE(title);
    zhreport::Page page =
        read(page_with(title, "<h1>援疆医疗队在喀什开展义诊活动</h1>" + kBody, ""));
    CHECK(page.title == "援疆医疗队在喀什开展义诊活动");
  }
}

TEST_CASE("regression: the info line in a footer right after the article did not date the page") {
  // A small site puts 发布时间 in its footer block (div.foot), which is chrome: the footer that
  // directly follows the article still dates it; a site footer's copyright years, an update
  // time or a footer further down do not.
  zhreport::Page foot = read(page_with(
      "<title>某某网</title>",
      "<h2>医疗队赴阿勒泰开展义诊</h2><div class=\"article\">" + kBody + "</div>",
      "<div "
      "class=\"foot\">发布时间：2024年05月14日&nbsp;&nbsp;编辑：王明&nbsp;&nbsp;【打印】</div>"));
  CHECK(foot.date == "2024-05-14");
  CHECK(foot.date_source == "text:footer");
  zhreport::Page updated =
      read(page_with("<title>某某网</title>",
                     "<h2>医疗队赴阿勒泰开展义诊</h2><div class=\"article\">" + kBody + "</div>",
                     "<div class=\"foot\">网站更新时间：2024年05月14日 版权所有 2005-2024</div>"));
  CHECK(updated.date.empty());
}

TEST_CASE(
    "regression: the site footer's 本页发布日期 below the editor and the teasers was missed") {
  // The footer right after the article holds only the editor's credit; the site's footer further
  // down names this page's date (本页发布日期, in Traditional on a Hong Kong-style page too; a
  // hospital site's 本页更新, the page's own, where the site's 网站更新时间 is not; 本文发布, this
  // article's own).
  for (const std::string label :
       {"本页发布日期：", "本頁發佈日期：", "本页更新：", "本文发布：", "本文發佈："}) {
    zhreport::Page page =
        read(page_with("<title>某某网</title>",
                       "<h2>医疗队赴玛多县开展义诊</h2><div class=\"article\">" + kBody + "</div>",
                       "<p class=\"editor\">责任编辑：李强</p><div class=\"prev\"><a "
                       "href=\"/n/2023-07/02/c_1.htm\">上一篇：某县开展植树活动</a></div><div "
                       "class=\"site-foot\">某县融媒体中心 版权所有 " +
                           label + "2023-07-04</div>"));
    CHECK(page.date == "2023-07-04");
  }
}

TEST_CASE(
    "regression: a label of this page's date without one near it hid the label's date after") {
  // this_page_date looked at the first 本文发布/本页发布/… alone: where that one names the
  // publisher (本文发布者：…), the page's date after the same label, further on in a block that
  // is not the site's footer, did not date the page.
  struct Case {
    std::string line, date;
  };
  const std::vector<Case> cases = {
      {"本文发布者：某某县人民医院宣传科　本文发布时间：2023-07-04", "2023-07-04"},
      {"本頁發佈單位：某某縣衛生健康局辦公室　本頁發佈日期：2023-07-04", "2023-07-04"},
      {"本页更新人员：某某县卫生健康局办公室　本页更新：2023-07-04", "2023-07-04"},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    zhreport::Page page = read(page_with(
        "<title>某某网</title>",
        "<h2>医疗队赴玛多县开展义诊</h2><div class=\"article\">" + kBody + "</div>",
        "<p class=\"editor\">责任编辑：李强</p><div class=\"copyright\">" + c.line + "</div>"));
    CHECK(page.date == c.date);
  }
}

TEST_CASE("regression: a date line opening the footer right after the article did not date it") {
  // The footer block (div.foot-info, chrome) holds the date on a line of its own, then the
  // editor and the previous article's teaser, whose year is not the article's; a date alone
  // after the article may be a comment's, a top bar's today or a copyright's years.
  auto followed_by = [](const std::string& after) {
    return read(page_with(
        "<title>某某网</title>",
        "<h2>医疗队赴玛多县开展义诊</h2><div class=\"article\">" + kBody + "</div>", after));
  };
  zhreport::Page lone = followed_by(
      "<div class=\"foot-info\">2023年07月04日<br>责任编辑：李强　上一篇：2022年的工作回顾</div>");
  CHECK(lone.date == "2023-07-04");
  CHECK(lone.date_source == "text:lone_line");
  CHECK(followed_by("<div class=\"foot-info\">2026年12月3日 星期四 欢迎访问</div>").date.empty());
  CHECK(followed_by("<div class=\"foot\">2005-2024 版权所有 某某网</div>").date.empty());
  CHECK(followed_by("<div class=\"comment-list\"><span>2024-02-01</span> 点赞</div>").date.empty());
}

TEST_CASE("page: JSON-LD, og:title with the site's name, <time>, a cut <title>") {
  zhreport::Page ld = read(
      page_with("<title>x</title><script type=\"application/ld+json\">{\"headline\":\"援疆十年 "
                "成果丰硕\",\"datePublished\":\"2022-09-15T08:30:00+08:00\"}</script>",
                kBody));
  CHECK(ld.title == "援疆十年 成果丰硕");
  CHECK(ld.title_source == "jsonld");
  CHECK(ld.date == "2022-09-15");
  CHECK(ld.date_source == "jsonld");
  zhreport::Page og =
      read(page_with("<meta property=\"og:title\" content=\"援疆医生的一天 - 澎湃新闻\"><meta "
                     "property=\"article:published_time\" content=\"2024-08-06T10:25:00+08:00\">",
                     kBody));
  CHECK(og.title == "援疆医生的一天");
  CHECK(og.date_source == "meta:article:published_time");
  zhreport::Page time = read(page_with(
      "<title>援外医疗队在马达加斯加完成…_某某日报</title>",
      "<article><h1>援外医疗队在马达加斯加完成手术1200台</h1><time datetime=\"2023-05-20\">"
      "</time>" +
          kBody + "</article>"));
  CHECK(time.title == "援外医疗队在马达加斯加完成手术1200台");
  CHECK(time.date == "2023-05-20");
  CHECK(time.date_source == "time");
}

TEST_CASE("page: every byte of the article's text maps to where it is in the HTML") {
  std::string html = page_with("<title>援疆_某某网</title>",
                               "<h1>援疆医疗队</h1><div id=\"content\"><p>派出&nbsp;12名专家，"
                               "完成手术&lt;300&gt;台。</p>\n<p>培训\r\n医生50名。</p></div>");
  zhreport::Page page = read(html);
  REQUIRE(page.offsets.size() == page.text.size());
  size_t at = page.text.find("12名专家");
  REQUIRE(at != std::string::npos);
  CHECK(html.substr(page.offsets.map(at), 11) == "12名专家");
  at = page.text.find("医生50名");
  CHECK(html.substr(page.offsets.map(at), 11) == "医生50名");
  // An entity maps to its '&'.
  at = page.text.find("<300>");
  REQUIRE(at != std::string::npos);
  CHECK(html.substr(page.offsets.map(at), 4) == "&lt;");
  CHECK(page.offsets.map(page.text.size()) == html.size());
}

TEST_CASE("page: extract_document reads a page as a page; facts point at the page's bytes") {
  std::string html = page_with(
      "<title>援疆_某某网</title><meta name=\"PubDate\" "
      "content=\"2020-03-18\">",
      "<h1>上海援藏十年</h1>" + kBody);
  zhreport::Extraction x = zhreport::extract_document("saved/page.html", html);
  CHECK(x.record.title == "上海援藏十年");
  CHECK(x.record.title_source == "h1");
  CHECK(x.record.date == "2020-03-18");
  CHECK(x.record.body == "div#content");
  REQUIRE(x.facts.size() == 3);
  for (const zhreport::Fact& f : x.facts) {
    CHECK(html.substr(f.start, f.end - f.start) == f.quote);
  }
  // By content, whatever the name; the path gives the date when the page gives none.
  std::string bare = page_with("<title>上海援藏十年_某某网</title>", kBody);
  zhreport::Extraction y = zhreport::extract_document("www/2024-11/26/t20241126_1.txt", bare);
  CHECK(y.record.title == "上海援藏十年");
  CHECK(y.record.date == "2024-11-26");
  CHECK(y.record.date_source == "path");
  CHECK(y.facts.size() == 3);
  // A WARC record's date comes last.
  zhreport::Extraction z = zhreport::extract_document(
      "crawl.warc!x", bare, {}, {.html = true, .charset = "", .date = "2019-06-01"});
  CHECK(z.record.date == "2019-06-01");
  CHECK(z.record.date_source == "warc");
}

TEST_CASE("regression: a title with mojibake is repaired, or left empty with a warning") {
  const std::string original = "援疆医疗队共派出专家";
  CHECK_FALSE(zhreport::repair_mojibake(original));
  // The title's UTF-8 bytes read as GB18030, as a misconfigured site serves them.
  auto garbled = zhreport::decode(original, {.from = zhreport::Encoding::gb18030});
  REQUIRE(garbled.ok());
  REQUIRE(garbled->invalid.empty());
  CHECK(zhreport::find_mojibake(garbled->text));
  CHECK(zhreport::repair_mojibake(garbled->text).value_or("") == original);
  std::string html =
      page_with("<meta property=\"og:title\" content=\"" + garbled->text + "\">", kBody);
  zhreport::Extraction x = zhreport::extract_document("a.html", html);
  CHECK(x.record.title == original);
  REQUIRE_FALSE(x.record.warnings.empty());
  CHECK(x.record.warnings[0].starts_with("title had mojibake, repaired"));
}

TEST_CASE("page: a saved copy's address dates it; a re-encoded copy keeps its old charset") {
  std::string saved =
      "<!-- saved from url=(0059)http://www.gov.cn/xinwen/2020-03/18/content_5492869.htm -->\n" +
      page_with("<meta charset=\"gb2312\"><title>援鄂医疗队完成任务_中国政府网</title>", kBody);
  CHECK(zhreport::looks_like_html(saved));
  // The file is UTF-8 whatever its <meta> says: read as GB18030 it would be garbled.
  CHECK(zhreport::page_charset(saved).empty());
  CHECK(zhreport::page_charset("<meta charset=gbk>\xD2\xBD\xD4\xBA\xB6\xD3") == "gbk");
  zhreport::Extraction x = zhreport::extract_document("saved.html", saved);
  CHECK(x.record.encoding == "utf-8");
  CHECK(x.record.title == "援鄂医疗队完成任务");
  CHECK(x.record.date == "2020-03-18");
  CHECK(x.record.date_source == "path");
  zhreport::Page canonical = read(page_with(
      "<link rel=\"canonical\" href=\"https://news.example.cn/c/2024-08-06/doc-1.shtml\">", kBody));
  CHECK(canonical.address == "https://news.example.cn/c/2024-08-06/doc-1.shtml");
  // A CMS's <meta name="Url">, its folders one digit a part.
  zhreport::Extraction cms = zhreport::extract_document(
      "page.html", page_with("<title>援鄂医疗队完成任务_某某省人民政府</title><meta name=\"Url\" "
                             "content=\"https://www.example.gov.cn/10462/2022/3/30/art_1.shtml\">",
                             kBody));
  CHECK(cms.record.date == "2022-03-30");
  CHECK(cms.record.date_source == "path");
}

TEST_CASE("regression: the address line a CMS prints under the article did not date the page") {
  // 本文网址：… right after the text is the page's own address, whose folders give its day (in
  // Traditional on a Hong Kong-style page too); an address in a related list further down is
  // another page's.
  for (const std::string label : {"本文网址：", "本文網址："}) {
    zhreport::Extraction x = zhreport::extract_document(
        "page.html",
        page_with("<title>某某网</title>",
                  "<h2>医疗队赴玛多县开展义诊</h2><div class=\"article\">" + kBody + "</div>",
                  "<div class=\"url\">" + label +
                      "http://www.example.gov.cn/xw/2023-07/04/content_1.html</div>"));
    CHECK(x.record.date == "2023-07-04");
    CHECK(x.record.date_source == "path");
  }
  zhreport::Extraction teaser = zhreport::extract_document(
      "page.html",
      page_with("<title>某某网</title>",
                "<h2>医疗队赴玛多县开展义诊</h2><div class=\"article\">" + kBody + "</div>",
                "<p>相关链接：http://www.example.gov.cn/xw/2019-01/02/content_1.html</p>"
                "<p>责任编辑：李强</p>"));
  CHECK(teaser.record.date.empty());
}

TEST_CASE("regression: a labelled publication date in the site's <footer> below a sidebar") {
  // A page whose only date is its footer's 发布日期 under the share bar and a sidebar of hot
  // news: the footer element (<footer>) names this page's date; a footer's copyright years or
  // update time, a sidebar's date are no page's date.
  auto footer = [](const std::string& line) {
    return read(page_with(
        "<title>某某网</title>",
        "<h2>医疗队赴玛多县开展义诊</h2><div class=\"article\">" + kBody + "</div>",
        "<div class=\"share\">分享到：微信</div><aside><h3>热点新闻</h3><ul><li>某县开展植树活动"
        "</li></ul></aside><footer><p>某某网 主办 电话：010-12345678</p><p>" +
            line + "</p></footer>"));
  };
  CHECK(footer("发布日期：2023-07-04　京ICP备12345678号").date == "2023-07-04");
  CHECK(footer("网站更新时间：2024年05月14日 版权所有 2005-2024").date.empty());
}

TEST_CASE("regression: a labelled publication date in a block named footer below the teasers") {
  // A small site without a <footer> element names its footer block by class or id (div.footer,
  // div#footer) and gives the page's 发布时间 there, below the related list: the site's footer,
  // like <footer>; a block further down that is not the footer, or a footer's update time, does
  // not date the page.
  auto page = [](const std::string& footer) {
    return read(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>某某网</title></head><body>"
        "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/a\">新闻</a></div><div "
        "class=\"article\"><h1>医疗队赴玛多县开展义诊</h1><div class=\"info\">来源：某某网　"
        "阅读数：120</div>" +
        kBody +
        "</div><div class=\"related\"><h3>相关新闻</h3><ul><li><a href=\"/r\">某县开展植树活动"
        "</a></li></ul></div>" +
        footer + "</body></html>");
  };
  CHECK(page("<div class=\"footer\">发布时间：2022-11-25 17:20<br>主办：某某网　"
             "晋ICP备12345678号</div>")
            .date == "2022-11-25");
  CHECK(page("<div id=\"footer\">发布日期：2023年07月04日　主办：某某网</div>").date ==
        "2023-07-04");
  CHECK(page("<div class=\"footer\">网站更新时间：2024年05月14日 版权所有</div>").date.empty());
  // A paper's site names the print edition the article ran in: its date is the article's.
  CHECK(page("<div class=\"footer\">本文刊发于《某某晚报》2023年09月08日 第04版<br>某某报社版权"
             "所有</div>")
            .date == "2023-09-08");
  CHECK(page("<div class=\"hot\">发布时间：2022-11-25 17:20</div>").date.empty());
  // A page that no other source dates: its own update date in the site's footer (更新日期,
  // 最后更新, not the site's: 网站更新时间) is the best date it gives, taken last.
  zhreport::Page updated =
      page("<div id=\"footer\">某某网主办　更新日期:2022-03-15　访问量:1024</div>");
  CHECK(updated.date == "2022-03-15");
  CHECK(updated.date_source == "text:footer_update");
  CHECK(page("<div class=\"footer\">© 某某网　最後更新：2021年6月9日　聯絡我們</div>").date ==
        "2021-06-09");
}

TEST_CASE("regression: a footer's update date after the site's own (网站更新时间) was never read") {
  // page_update_date looked at the first 更新时间 alone: where that one is the site's, the
  // page's own 更新时间 after it did not date a page that nothing else dates.
  struct Case {
    std::string footer, date;
  };
  const std::vector<Case> cases = {
      {"网站更新时间：2024年05月14日　访问量:1024　更新时间：2023年08月18日", "2023-08-18"},
      {"網站更新時間：2024年05月14日　訪問量:1024　更新時間：2023年8月18日", "2023-08-18"},
      {"本站更新日期：2024-05-14　更新日期：2022-03-15", "2022-03-15"},
      {"网站更新时间：2024年05月14日　本站更新时间：2024年05月15日", ""},
  };
  for (const Case& c : cases) {
    INFO(c.footer);
    zhreport::Page page = read(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>某某网</title></head><body>"
        "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/a\">新闻</a></div><div "
        "class=\"article\"><h1>医疗队赴玛多县开展义诊</h1><div class=\"info\">来源：某某网　"
        "阅读数：120</div>" +
        kBody + "</div><div class=\"footer\">" + c.footer + "</div></body></html>");
    CHECK(page.date == c.date);
  }
}

TEST_CASE("page: <title> without the site's name, its channel or a column's name") {
  CHECK(read(page_with("<title>中国-东盟卫生合作论坛举行-新华网</title>", kBody)).title ==
        "中国-东盟卫生合作论坛举行");
  CHECK(read(page_with("<title>健康甘肃 | 对口帮扶助力县医院创建二级甲等医院_中国甘肃网</title>",
                       kBody))
            .title == "对口帮扶助力县医院创建二级甲等医院");
  CHECK(read(page_with("<title>援藏医生的一天_新闻频道_央视网(cctv.com)</title>", kBody)).title ==
        "援藏医生的一天");
  // A meta name written with a trailing blank (ifeng's "og:time ").
  zhreport::Page ifeng =
      read(page_with("<meta name=\"og:time \" content=\"2020-03-18 09:10:00\">"
                     "<title>援鄂医疗队凯旋_凤凰网</title>",
                     kBody));
  CHECK(ifeng.date == "2020-03-18");
  CHECK(ifeng.date_source == "meta:og:time");
}

TEST_CASE("regression: a deeply nested page with a long link list reads in linear time") {
  std::string html = "<html><body>";
  for (int i = 0; i < 3000; ++i) html += "<div>";
  for (int i = 0; i < 20; ++i) html += "<p>派出12名专家，完成手术300台。</p>";
  for (int i = 0; i < 3000; ++i) html += "</div>";
  html += "<ul>";
  for (int i = 0; i < 5000; ++i) html += "<li><a href=\"#\">链接文字</a></li>";
  html += "</ul></body></html>";
  zhreport::Page page = read(html);
  CHECK(page.body == "…>div>div>div>div");  // a bounded name, not 3000 levels
  CHECK(page.text.find("链接文字") == std::string::npos);
  CHECK(page.text.find("派出12名专家") != std::string::npos);
}

TEST_CASE("regression: a headline in a page header marked as chrome, its date split by markup") {
  // A news agency's template: the header holds the date in parts, the source, a share bar and
  // the h1 (with a colon <title> drops); a top bar above it has today's date.
  std::string html =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>江西十年援疆派出医生420名-某某社"
      "</title></head><body><div class=\"topbar\">2026年12月03日 星期四 <a href=\"/\">首页</a>"
      "</div><div class=\"header clearfix\"><div class=\"header-time\"><span class=\"year\"><em>"
      " 2019</em></span>\n<span class=\"day\"><em> 05</em>/<em>21</em></span>\n<span "
      "class=\"time\"> 10:02:45</span></div><div class=\"source\">来源：某某社</div><div "
      "class=\"share\">分享到：<a class=\"wx\"></a></div><div class=\"head-line\"><h1><span>"
      "江西：十年援疆派出医生420名</span></h1></div></div><div class=\"main\"><div id=\"detail\">"
      "<p>十年来，江西省累计选派医生420名赴新疆开展工作，完成手术1.2万台。</p><p>专家们培养当地"
      "医疗骨干300余名，开展新技术80项。</p></div></div><div class=\"comment\"><span>2024-01-01"
      "</span></div></body></html>";
  zhreport::Page page = read(html);
  CHECK(page.title == "江西：十年援疆派出医生420名");
  CHECK(page.title_source == "h1");
  CHECK(page.date == "2019-05-21");
  CHECK(page.date_source == "text:metadata");
  // The title line maps to the h1's bytes.
  REQUIRE(page.text.starts_with(page.title));
  CHECK(html.substr(page.offsets.map(0), page.title.size()) == page.title);
  // Without the header's date line, the top bar's today is not taken.
  std::string undated = html;
  undated.replace(
      undated.find("<div class=\"header-time\">"),
      undated.find("<div class=\"source\">") - undated.find("<div class=\"header-time\">"), "");
  CHECK(read(undated).date.empty());
}

TEST_CASE("regression: a chrome h1 that <title> begins with is whole: column name and subtitle") {
  // <title> = the h1 + the site: its parts (a column's name before ｜, a subtitle after ——)
  // are no site names, and the h1 in the page header spells the headline
  std::string html =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>特写｜“专家来了，心里踏实了”——"
      "记江西援疆医疗队-某某社</title></head><body><div class=\"header clearfix\"><div "
      "class=\"source\">来源：某某社</div><div class=\"head-line\"><h1><span>特写｜“专家来了，心里"
      "踏实了”——记江西援疆医疗队</span></h1></div></div><div class=\"main\"><div id=\"detail\">"
      "<p>十年来，江西省累计选派医生420名赴新疆开展工作，完成手术1.2万台。</p><p>专家们培养当地"
      "医疗骨干300余名，开展新技术80项。</p></div></div></body></html>";
  zhreport::Page page = read(html);
  CHECK(page.title == "特写｜“专家来了，心里踏实了”——记江西援疆医疗队");
  CHECK(page.title_source == "h1");
}

TEST_CASE("regression: og:title spelled as the h1 that reads the same; a kicker before a colon") {
  // og:title runs the headline together (no blank, a blank for ｜); the info line under the h1
  // then dates the page.
  zhreport::Page spaced = read(page_with(
      "<meta property=\"og:title\" content=\"川渝携手“组团式”帮扶让群众在家门口看病_某某新闻\">",
      "<h1 class=\"post_title\">川渝携手 “组团式”帮扶让群众在家门口看病</h1><div "
      "class=\"post_info\">2022-11-08 09:31:05　来源: 某某日报</div>" +
          kBody));
  CHECK(spaced.title == "川渝携手 “组团式”帮扶让群众在家门口看病");
  CHECK(spaced.title_source == "h1");
  CHECK(spaced.date == "2022-11-08");
  zhreport::Page bar =
      read(page_with("<meta property=\"og:title\" content=\"沪滇情深 上海医生助力县医院创三级\">",
                     "<h1>沪滇情深｜上海医生助力县医院创三级</h1>" + kBody));
  CHECK(bar.title == "沪滇情深｜上海医生助力县医院创三级");
  // og:title and <title> carry only the part after the h1's kicker.
  zhreport::Page kicker = read(page_with(
      "<title>苏州专家在铜仁带出一支队伍_澎湃号·政务_某某新闻</title><meta property=\"og:title\" "
      "content=\"苏州专家在铜仁带出一支队伍\">",
      "<h1>苏铜协作五年：苏州专家在铜仁带出一支队伍</h1>" + kBody));
  CHECK(kicker.title == "苏铜协作五年：苏州专家在铜仁带出一支队伍");
  // A headline with more after the title stays cut to it.
  zhreport::Page trailing =
      read(page_with("<meta property=\"og:title\" content=\"苏州专家在铜仁带出一支队伍\">",
                     "<h1>苏州专家在铜仁带出一支队伍（组图）</h1>" + kBody));
  CHECK(trailing.title == "苏州专家在铜仁带出一支队伍");
  CHECK(trailing.title_source == "meta:og:title");
}

TEST_CASE("regression: Baidu's JSON-LD pubDate; a WeChat article's script variables") {
  zhreport::Page cambrian = read(page_with(
      "<title>鲁喀情深_某某频道_某某网</title><script type=\"application/ld+json\">{\"@context\":"
      "\"https://ziyuan.baidu.com/contexts/cambrian.jsonld\",\"title\":\"鲁喀情深\",\"pubDate\":"
      "\"2021-06-18T15:26:00\",\"upDate\":\"2021-06-19T08:00:00\"}</script>",
      "<h2>鲁喀情深：援疆医疗队送医下乡</h2>" + kBody));
  CHECK(cambrian.date == "2021-06-18");
  CHECK(cambrian.date_source == "jsonld");
  // The publication time only in the scripts (the visible <em> is filled by them in a browser);
  // a feed of other articles ("publish_time": in JSON) and a comparison are not assignments.
  const std::string feed =
      "<script>var feed = [{\"publish_time\":\"2019-01-01\"}]; if (a.createTime == '2018-01-01') "
      "{}</script>";
  zhreport::Page wechat = read(page_with(
      "<title>出征！六名医务人员踏上援疆路</title>" + feed,
      "<h1 id=\"activity-name\">出征！六名医务人员踏上援疆路</h1><em id=\"publish_time\"></em>" +
          kBody,
      "<script>var ct = \"1704795720\";\nvar publish_time = \"2024-01-09\" || \"\";</script>"));
  CHECK(wechat.date == "2024-01-09");
  CHECK(wechat.date_source == "script");
  zhreport::Page created = read(page_with("<title>逆行向西！第三批医疗队奔赴怒江</title>",
                                          "<h1>逆行向西！第三批医疗队奔赴怒江</h1>" + kBody,
                                          "<script>var createTime = '2022-06-15 20:30';</script>"));
  CHECK(created.date == "2022-06-15");
  // Seconds since 1970 alone, in Beijing time: 1704816000 is 2024-01-09 16:00 UTC, the 10th.
  zhreport::Page seconds =
      read(page_with("<title>援疆医生的一天</title>", "<h1>援疆医生的一天</h1>" + kBody,
                     "<script>var ct = \"1704816000\";</script>"));
  CHECK(seconds.date == "2024-01-10");
  CHECK(read(page_with("<title>援疆医生的一天</title>", "<h1>援疆医生的一天</h1>" + kBody, feed))
            .date.empty());
}

TEST_CASE("page: script and style bodies are cut before parsing, offsets still the page's") {
  const std::string big_script =
      "<script>var items = [" + std::string(2000, '1') +
      "]; if (a < b && c > d) document.write('<p>不是正文</p>');</script>";
  // "<script" inside a comment, a <title> and an attribute are not scripts; a script holding
  // "<!--" is left to the parser (its escape states may end it elsewhere).
  std::string html =
      "<!DOCTYPE html><html><head><title>援疆<script>十年_某某网</title><!-- <script> -->"
      "<style>.nav{color:red}" +
      std::string(100, ' ') + "</style>" + big_script +
      "<script type=\"application/ld+json\">{\"datePublished\":\"2021-03-04\",\"x\":\"" +
      std::string(100, 'y') +
      "\"}</script></head><body><div class=\"nav\" title=\"<script>\">"
      "<a href=\"/\">首页</a></div><script><!-- document.write('</script>') --></script>"
      "<div id=\"content\"><p>十年来，上海市累计选派286名医疗专家赴日喀则市开展工作。</p>" +
      big_script + "<p>专家们完成手术4.6万余台，培养当地医疗骨干500余名。</p></div></body></html>";
  zhreport::Page page = read(html);
  CHECK(page.title == "援疆<script>十年");
  CHECK(page.date == "2021-03-04");
  CHECK(page.date_source == "jsonld");
  CHECK(page.body == "div#content");
  CHECK(page.text.find("不是正文") == std::string::npos);
  CHECK(page.text.find("document") == std::string::npos);
  for (std::string_view quote : {"286名医疗专家", "手术4.6万余台", "500余名"}) {
    size_t at = page.text.find(quote);
    REQUIRE(at != std::string::npos);
    CHECK(html.substr(page.offsets.map(at), quote.size()) == quote);
  }
}

TEST_CASE("regression: the title in a hot list below the article is not its headline") {
  // Only a hot list's item spells the title (with a full-width colon); its date is the list's.
  zhreport::Page page = read(page_with(
      "<meta property=\"og:title\" content=\"援藏十年 上海医生扎根日喀则\">",
      kBody + "<div class=\"hotnews\"><h3>援藏十年：上海医生扎根日喀则</h3><span>2019-02-03</span>"
              "</div>"));
  CHECK(page.title == "援藏十年 上海医生扎根日喀则");
  CHECK(page.title_source == "meta:og:title");
  CHECK(page.date.empty());
}

TEST_CASE("regression: spans across a stray tag, &amp;, a line break or <strong> check as quotes") {
  // Each made the span wrong (a stray end tag, &amp; before it) or unreadable by zhvalidate (the
  // page's markup and line breaks inside the quote).
  std::string html = page_with(
      "<title>援疆医疗队三年工作回顾_某某网</title>",
      "<h1>援疆医疗队三年工作回顾</h1><div id=\"content\"><p>三年来，医疗队完成手术\r\n2100余台，"
      "服务群众</x>500人次。</p><p>县医院对&amp;口帮扶专家42名，培训医生<strong>300</strong>名。"
      "</p></div>");
  zhreport::Extraction x = zhreport::extract_document("saved/review.html", html);
  REQUIRE(x.facts.size() >= 4);
  zhreport::FactChecker checker;
  std::vector<zhreport::Problem> problems;
  for (size_t i = 0; i < x.facts.size(); ++i)
    checker.check_quote(x.facts[i], i + 1, html, problems);
  for (const zhreport::Problem& p : problems) INFO(p.message);
  CHECK(problems.empty());
  for (const zhreport::Fact& f : x.facts) {
    if (f.quote == "专家42名") CHECK(html.substr(f.start, f.end - f.start) == "专家42名");
    if (f.quote == "群众500人次") CHECK(html.substr(f.start, 6) == "群众");
  }
}

// One page per form of title and date the reader knows, each in the site chrome of page_with
// (a top bar dated today, a related list and a comment thread with their own dates).
TEST_CASE("page: each form of title and date, in order of trust") {
  struct Case {
    std::string form;
    std::string head, article, after;
    const char* title;
    const char* title_source;
    const char* date;
    const char* date_source;
  };
  const std::string h1 = "<h1>宁夏医疗队在塔城完成手术300余台</h1>";
  const Case cases[] = {
      {"CMS meta tags",
       "<title>宁夏医疗队在塔城完成手术300余台_要闻_某某网</title><meta name=\"ArticleTitle\" "
       "content=\"宁夏医疗队在塔城完成手术300余台\"><meta name=\"PubDate\" content=\"2021-04-07 "
       "08:00\"><meta name=\"ContentSource\" content=\"某某日报\">",
       h1 + kBody, "", "宁夏医疗队在塔城完成手术300余台", "meta:ArticleTitle", "2021-04-07",
       "meta:PubDate"},
      {"og: and article: tags",
       "<meta property=\"og:title\" content=\"宁夏医疗队在塔城完成手术300余台 - 某某新闻\"><meta "
       "property=\"article:published_time\" content=\"2021-04-08T07:51:00+08:00\">",
       h1 + kBody, "", "宁夏医疗队在塔城完成手术300余台", "meta:og:title", "2021-04-08",
       "meta:article:published_time"},
      {"meta in milliseconds since 1970",
       "<title>宁夏医疗队在塔城完成手术300余台_某某网</title>"
       "<meta name=\"publishdate\" content=\"1617850800000\">",
       h1 + kBody, "", "宁夏医疗队在塔城完成手术300余台", "h1", "2021-04-08", "meta:publishdate"},
      {"JSON-LD",
       "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"宁夏医疗队"
       "在塔城完成手术300余台\",\"datePublished\":\"2021-04-09T10:00:00+08:00\",\"dateModified\":"
       "\"2021-04-12T10:00:00+08:00\"}</script>",
       kBody, "", "宁夏医疗队在塔城完成手术300余台", "jsonld", "2021-04-09", "jsonld"},
      {"itemprop datePublished", "<title>宁夏医疗队在塔城完成手术300余台_某某网</title>",
       h1 + "<span itemprop=\"datePublished\">2021年04月10日</span>" + kBody, "",
       "宁夏医疗队在塔城完成手术300余台", "h1", "2021-04-10", "meta:datePublished"},
      {"<time datetime>", "<title>宁夏医疗队在塔城完成手术300余台 | 某某报</title>",
       h1 +
           "<div class=\"meta\"><time datetime=\"2021-04-11T14:05:00+08:00\">4月11日</time></div>" +
           kBody,
       "", "宁夏医疗队在塔城完成手术300余台", "h1", "2021-04-11", "time"},
      {"info line 来源 发布时间", "<title>宁夏医疗队在塔城完成手术300余台_某某网</title>",
       h1 + "<div class=\"info\">来源：某某日报　发布时间：2021-04-12 09:30　作者：李明</div>" +
           kBody,
       "", "宁夏医疗队在塔城完成手术300余台", "h1", "2021-04-12", "text:metadata"},
      {"info line opened by the date", "<title>宁夏医疗队在塔城完成手术300余台-某某网</title>",
       h1 + "<div class=\"info\"><span>2021-04-13 10:23</span> 来源: <a>某某客户端</a></div>" +
           kBody,
       "", "宁夏医疗队在塔城完成手术300余台", "h1", "2021-04-13", "text:metadata"},
      {"title block holding the h1 and the info line",
       "<title>宁夏医疗队在塔城完成手术300余台_新闻频道_某某网</title>",
       "<div class=\"title_area\">" + h1 +
           "<div class=\"info1\">来源：某某客户端 | 2021年04月14日 21:14</div><div "
           "class=\"function\">字号 <a>大</a> <a>小</a></div></div>" +
           kBody,
       "", "宁夏医疗队在塔城完成手术300余台", "h1", "2021-04-14", "text:metadata"},
      {"lone date line after the article", "<title>某某县人民医院</title>",
       "<div class=\"news_title\"><h3>宁夏医疗队在塔城完成手术300余台</h3></div>" + kBody,
       "<div class=\"news_date\">2021年04月15日</div>", "宁夏医疗队在塔城完成手术300余台", "h3",
       "2021-04-15", "text:lone_line"},
      {"info line after the article",
       "<title>宁夏医疗队在塔城完成手术300余台-院内新闻-某某医院</title>", h1 + kBody,
       "<div class=\"dinfo\"><span>2021-04-16</span>　<span>文/院办　图/宣传科</span>　<span>"
       "浏览次数：<b>512</b></span></div>",
       "宁夏医疗队在塔城完成手术300余台", "h1", "2021-04-16", "text:metadata"},
      {"script variable", "<title>宁夏医疗队在塔城完成手术300余台</title>", h1 + kBody,
       "<script>var publish_time = \"2021-04-17\";</script>", "宁夏医疗队在塔城完成手术300余台",
       "h1", "2021-04-17", "script"},
      {"script object carrying the page's title",
       "<title>宁夏医疗队在塔城完成手术300余台_某某新闻</title><script>window.DATA = {\"title\": "
       "\"宁夏医疗队在塔城完成手术300余台\", \"pubtime\": \"2021-04-18 11:05:36\"};</script>",
       h1 + kBody, "", "宁夏医疗队在塔城完成手术300余台", "h1", "2021-04-18", "script"},
      {"none stated: only comments, a related list and today's top bar",
       "<title>宁夏医疗队在塔城完成手术300余台 - 某某头条</title>", h1 + kBody, "",
       "宁夏医疗队在塔城完成手术300余台", "h1", "", ""},
      {"<title> minus the site's name, no heading",
       "<title>宁夏医疗队在塔城完成手术300余台_中国某某网</title>",
       "<div class=\"newsinfo\">2021-04-19 08:26</div>" + kBody, "",
       "宁夏医疗队在塔城完成手术300余台", "title", "2021-04-19", "text:lone_line"},
      {"a notice's signature and its date in Chinese after the article",
       "<title>关于宁夏医疗队工作情况的通报</title>",
       "<h1>关于宁夏医疗队工作情况的通报</h1>" + kBody,
       "<div class=\"sign\"><p>某某省卫生健康委员会</p><p>二〇二一年四月二十九日</p></div>",
       "关于宁夏医疗队工作情况的通报", "h1", "2021-04-29", "text:lone_line"},
      {"a government page's table above the headline",
       "<title>关于宁夏医疗队工作情况的通报_某某省人民政府</title>",
       "<table class=\"xxgk\"><tr><td>索引号：</td><td>1133/2021-00123</td><td>发布机构：</td>"
       "<td>某某省卫生健康委</td></tr><tr><td>成文日期：</td><td>2021-04-20</td><td>发布日期："
       "</td><td>2021-04-26</td></tr></table><h1>关于宁夏医疗队工作情况的通报</h1>" +
           kBody,
       "", "关于宁夏医疗队工作情况的通报", "h1", "2021-04-26", "text:metadata"},
      {"a date line right above the headline",
       "<title>宁夏医疗队在塔城完成手术300余台_某某网</title>",
       "<div class=\"crumb\">当前位置：首页 &gt; 新闻</div><div class=\"date\">2021-04-27</div>" +
           h1 + "<div class=\"src\">来源：某某报　作者：王某</div>" + kBody,
       "", "宁夏医疗队在塔城完成手术300余台", "h1", "2021-04-27", "text:lone_line"},
      {"a news site's script data with the page's title",
       "<title>宁夏医疗队在塔城完成手术300余台</title><script>var allData = {\"docData\": "
       "{\"title\": \"宁夏医疗队在塔城完成手术300余台\", \"newsTime\": \"2021-04-28 08:20:33\"}};"
       "</script>",
       h1 + kBody, "", "宁夏医疗队在塔城完成手术300余台", "h1", "2021-04-28", "script"},
      {"<title> after the site's name", "<title>中国某某网-宁夏医疗队在塔城完成手术300余台</title>",
       "<div class=\"logo\">中国某某网</div>" + kBody, "", "宁夏医疗队在塔城完成手术300余台",
       "title", "", ""},
      {"og:title only the site's name",
       "<title>某某新闻网</title><meta property=\"og:title\" "
       "content=\"某某新闻网\">",
       h1 + kBody, "", "宁夏医疗队在塔城完成手术300余台", "h1", "", ""},
      {"a headline block named tit, a generic <title>", "<title>新闻详情</title>",
       "<div class=\"tit\"><b>宁夏医疗队在塔城完成手术300余台</b></div><div class=\"sj\">"
       "2021-05-08</div>" +
           kBody,
       "", "宁夏医疗队在塔城完成手术300余台", "heading", "2021-05-08", "text:metadata"},
      {"a photo caption right above the headline", "<title>某某医院</title>",
       "<div class=\"topimg\"><img src=\"a.jpg\"><p class=\"imgtit\">▲ 医院领导为宁夏医疗队授旗"
       "</p></div><h1 class=\"dtit\">宁夏医疗队在塔城完成手术300余台</h1>" +
           kBody,
       "", "宁夏医疗队在塔城完成手术300余台", "h1", "", ""},
      {"a column label right before the headline",
       "<title>宁夏医疗队在塔城完成手术300余台 - 某某网</title>",
       "<div class=\"lanmu_label\">援疆动态</div><h1 class=\"title_h1\">宁夏医疗队在塔城完成手术"
       "300余台</h1><div class=\"info\">时间：2021-05-09 09:14:00</div>" +
           kBody,
       "", "宁夏医疗队在塔城完成手术300余台", "h1", "2021-05-09", "text:metadata"},
      {"a Traditional page's table above the headline",
       "<title>寧夏醫療隊在塔城完成手術300餘台</title>",
       "<table><tr><td>發佈機構：</td><td>某某衛生署</td></tr><tr><td>發佈日期：</td><td>2021-05-10"
       "</td></tr></table><h1>寧夏醫療隊在塔城完成手術300餘台</h1>" +
           kBody,
       "", "寧夏醫療隊在塔城完成手術300餘台", "h1", "2021-05-10", "text:metadata"},
      {"a date set after the headline inside its h1", "<title>某某网</title>",
       "<h1>宁夏医疗队在塔城完成手术300余台 <span class=\"date\">2021-05-11</span></h1>" + kBody,
       "", "宁夏医疗队在塔城完成手术300余台", "h1", "2021-05-11", "text:metadata"},
      {"a headline set on two lines", "<title>某某网</title>",
       "<h1>宁夏医疗队<br>在塔城完成手术300余台</h1>" + kBody, "",
       "宁夏医疗队在塔城完成手术300余台", "h1", "", ""},
      {"headline with trailing text",
       "<meta property=\"og:title\" content=\"宁夏医疗队在塔城完成手术300余台\">",
       "<h1>宁夏医疗队在塔城完成手术300余台 <span class=\"zoom\"><a>A+</a><a>A-</a></span></h1>"
       "<div class=\"con-info\"><span class=\"time\">2021-04-20 10:15</span></div>" +
           kBody,
       "", "宁夏医疗队在塔城完成手术300余台", "meta:og:title", "2021-04-20", "text:metadata"},
      {"headline with a label after it, <title> only the site's name", "<title>某某网</title>",
       "<h1>宁夏医疗队在塔城完成手术300余台 <span class=\"article-tag\">原创</span></h1>" + kBody,
       "", "宁夏医疗队在塔城完成手术300余台", "h1", "", ""},
      {"none stated: other articles, each opened by its date, right after the article",
       "<title>宁夏医疗队在塔城完成手术300余台_某某医院</title>", h1 + kBody,
       "<ul class=\"list\"><li>2021-04-24 某某医院召开党建工作会议</li><li>2021-04-25 "
       "某某医院举办护士节活动</li></ul>",
       "宁夏医疗队在塔城完成手术300余台", "h1", "", ""},
      {"none stated: a side column's dates before the headline",
       "<title>宁夏医疗队在塔城完成手术300余台_某某网</title>",
       "<div class=\"left\"><div class=\"box\"><h3>最新文章</h3><p>某某医院召开党建会议</p><p>"
       "2021-01-10</p></div></div><div class=\"right\">" +
           h1 + "<div class=\"info\">作者：王某 | 阅读：1234</div>" + kBody + "</div>",
       "", "宁夏医疗队在塔城完成手术300余台", "h1", "", ""},
      {"the site's logo an h1, <title> only the site's name", "<title>某某网</title>",
       "<h1 class=\"site\"><a href=\"/\">某某网</a></h1><h2>宁夏医疗队在塔城完成手术300余台</h2>" +
           kBody,
       "", "宁夏医疗队在塔城完成手术300余台", "h2", "", ""},
      {"an info line inside the h1 after the headline", "<title>某某网</title>",
       "<h1>宁夏医疗队在塔城完成手术300余台<span class=\"src\">2021-05-12 09:00 来源：某某网"
       "</span></h1>" +
           kBody,
       "", "宁夏医疗队在塔城完成手术300余台", "h1", "2021-05-12", "text:metadata"},
      {"a media label after the headline", "<title>某某网</title>",
       "<h1>宁夏医疗队在塔城完成手术300余台 [组图]</h1>" + kBody, "",
       "宁夏医疗队在塔城完成手术300余台", "h1", "", ""},
      {"a weekday in the info line of a header marked as chrome",
       "<title>宁夏医疗队在塔城完成手术300余台-某某网</title>",
       "<div class=\"header\"><h1>宁夏医疗队在塔城完成手术300余台</h1><div>2021年5月14日 星期五 "
       "来源：某某网</div></div>" +
           kBody,
       "", "宁夏医疗队在塔城完成手术300余台", "title", "2021-05-14", "text:metadata"},
      {"a script object's unquoted key, seconds unquoted",
       "<title>宁夏医疗队在塔城完成手术300余台 - 某某头条</title>", h1 + kBody,
       "<script>var DATA = {articleInfo: {title: \"宁夏医疗队在塔城完成手术300余台\", "
       "publishTime: 1621044000}};</script>",
       "宁夏医疗队在塔城完成手术300余台", "h1", "2021-05-15", "script"},
      {"none stated: an unquoted key of a feed without the page's title",
       "<title>宁夏医疗队在塔城完成手术300余台 - 某某头条</title>", h1 + kBody,
       "<script>var feed = [{title: \"某某医院召开党建工作会议\", publishTime: 1621044000}];"
       "</script>",
       "宁夏医疗队在塔城完成手术300余台", "h1", "", ""},
      {"none stated: an unmarked comment after the article, its reader's name then its time",
       "<title>宁夏医疗队在塔城完成手术300余台_某某网</title>", h1 + kBody,
       "<div><div>塔城小李</div><div>2021-05-16 12:30</div><div>感谢医疗队</div></div>",
       "宁夏医疗队在塔城完成手术300余台", "h1", "", ""},
      {"none stated: a list item with a read count after the article",
       "<title>宁夏医疗队在塔城完成手术300余台_某某网</title>", h1 + kBody,
       "<div class=\"pages\"><p>2021-01-13 某某医院召开党建会议 阅读 100</p></div>",
       "宁夏医疗队在塔城完成手术300余台", "h1", "", ""},
      // Regressions, each named after its bug.
      {"regression: a title block holding the h1 and the info line was taken as the headline, "
       "the info line under it read as part of it, and the page had no date",
       "<title>宁夏医疗队在塔城完成手术300余台--新闻频道--某某网</title>",
       "<div class=\"text_title\">" + h1 +
           "<div class=\"box01\"><div class=\"fl\">2021年04月21日08:31 | 来源：<a>某某网</a>"
           "</div></div></div>" +
           kBody,
       "", "宁夏医疗队在塔城完成手术300余台", "h1", "2021-04-21", "text:metadata"},
      {"regression: a side menu's heading equal to <title>'s column name (标题-新闻动态-某医院) "
       "was the title",
       "<title>宁夏医疗队在塔城完成手术300余台-新闻动态-某某医院</title>",
       "<div class=\"left-side\"><h3>新闻动态</h3><ul><li><a>医院新闻</a></li><li><a>通知公告"
       "</a></li></ul><div class=\"contact\"><p>门诊时间：8:00-12:00</p><p>地址：某某路88号</p>"
       "</div></div><div class=\"detail\"><h1 class=\"dtit\">宁夏医疗队在塔城完成手术300余台"
       "</h1>" +
           kBody + "</div>",
       "<div class=\"dinfo\"><span>2021-04-22</span>　<span>浏览次数：88</span></div>",
       "宁夏医疗队在塔城完成手术300余台", "h1", "2021-04-22", "text:metadata"},
      {"regression: a script's feed of other articles (title, pubtime) dated the page",
       "<title>宁夏医疗队在塔城完成手术300余台_某某新闻</title><script>var list = [{\"title\": "
       "\"另一篇报道的标题在这里\", \"pubtime\": \"2021-01-01 08:00\"}];</script>",
       h1 + kBody, "", "宁夏医疗队在塔城完成手术300余台", "h1", "", ""},
      {"regression: a comment's time inside the block taken as the article was its date (the look "
       "for an info line under the headline ran on into an unmarked comment thread)",
       "<title>宁夏医疗队在塔城完成手术300余台_某某网</title>",
       "<div class=\"main\">" + h1 + kParagraphs +
           "<div class=\"box\"><div class=\"liuyan-item\"><span>小王</span> <span>2024-01-02 "
           "10:00</span><p>好样的，为医疗队点赞，专家们辛苦了！</p></div></div></div>",
       "", "宁夏医疗队在塔城完成手术300余台", "h1", "", ""},
      {"regression (its other side): the info line under the headline in the same block still "
       "dates it",
       "<title>宁夏医疗队在塔城完成手术300余台_某某网</title>",
       "<div class=\"main\">" + h1 + "<p>2021-05-06 来源：某某网</p>" + kParagraphs + "</div>", "",
       "宁夏医疗队在塔城完成手术300余台", "h1", "2021-05-06", "text:metadata"},
      {"regression: a comment's <time> inside the block taken as the article was its date",
       "<title>宁夏医疗队在塔城完成手术300余台_某某网</title>",
       "<div class=\"main\">" + h1 + kParagraphs +
           "<ul class=\"box\"><li><b>小王</b><time datetime=\"2024-01-02\">2024-01-02</time><p>"
           "好样的，为医疗队点赞！</p></li></ul></div>",
       "", "宁夏医疗队在塔城完成手术300余台", "h1", "", ""},
      {"regression (its other side): a <time> under the headline, before the first paragraph, "
       "still dates it",
       "<title>宁夏医疗队在塔城完成手术300余台_某某网</title>",
       "<div class=\"main\">" + h1 + "<time datetime=\"2021-05-07\">5月7日</time>" + kParagraphs +
           "</div>",
       "", "宁夏医疗队在塔城完成手术300余台", "h1", "2021-05-07", "time"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.form);
    zhreport::Page page = read(page_with(c.head, c.article, c.after));
    CHECK(page.title == c.title);
    CHECK(page.title_source == c.title_source);
    CHECK(page.date == c.date);
    CHECK(page.date_source == c.date_source);
  }
}

TEST_CASE(
    "regression: an info line in brackets after the article ((2021-05-08 责任编辑：…)) did "
    "not date the page") {
  const std::string html =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>福建援疆医疗队工作总结-某某医院"
      "</title></head><body><div class=\"article\"><h1>福建援疆医疗队工作总结</h1><div "
      "class=\"info\">来源：某某指挥部</div><div class=\"content\" id=\"zoom\"><p>福建省第十批援疆"
      "工作期满。三年来，福建先后选派医疗人才3批、共计96名，在昌吉州人民医院和两县医院开展组团式"
      "帮扶。</p><p>专家们共完成手术5200余台，引进新技术新项目150项，开展义诊活动80余次，诊疗群众"
      "4.5万人次。</p><p>福建累计投入医疗援疆资金8000万元，支持县级医院建设胸痛中心和卒中中心。</p>"
      "</div><p class=\"credit\">（2021-05-08 &nbsp;责任编辑：王某）</p><p>上一篇：某某医院召开"
      "职工大会</p></div><div class=\"footer\">地址：某某路1号 电话：0994-1234567</div></body>"
      "</html>";
  zhreport::Page page = read(html);
  CHECK(page.body == "div#zoom");
  CHECK(page.date == "2021-05-08");
  CHECK(page.date_source == "text:metadata");
}

TEST_CASE("regression: a mobile page's paragraphs set straight in <body> are all its article") {
  // No container: the longest paragraph outscored every other block and was taken alone.
  const std::string article =
      "<p>记者从省卫生健康委获悉，去年全省城市医院共向山区县派出医生820名。</p>"
      "<p>江口县人民医院接收下沉专家16名，开展新技术21项，转诊率明显下降。</p>"
      "<p>石阡县从县医院选派12名医生到8个乡镇卫生院坐诊，每周不少于两天。</p>"
      "<p>据介绍，该省自2020年起实施城市医院对口帮扶县医院工程，截至去年底累计派出医务人员"
      "6000余人次，帮助县医院新建重点专科95个。省卫生健康委表示，今年将继续推动优质资源下沉，"
      "让群众在家门口看好病。</p>";
  const std::string page =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>城市医生下沉山区县_某某日报网"
      "</title></head><body><div><a href=\"/\">返回</a> <a href=\"/\">首页</a></div>"
      "<h2>城市医生下沉山区县</h2><div>某某日报记者 李某</div>" +
      article +
      "<p>编辑：王某</p><div>相关推荐</div><div><a href=\"/1\">县医院新增8个临床专科</a> 03-02"
      "</div><div><a href=\"/2\">15名专家赴山区义诊</a> 2024-02-11</div><div>某某日报网 版权所有"
      "</div></body></html>";
  zhreport::Page read_page = read(page);
  CHECK(read_page.body == "body");
  CHECK(read_page.title == "城市医生下沉山区县");
  for (const char* paragraph : {"派出医生820名", "下沉专家16名", "选派12名医生", "重点专科95个"}) {
    CAPTURE(paragraph);
    CHECK(read_page.text.find(paragraph) != std::string::npos);
  }
  CHECK(read_page.text.find("县医院新增8个临床专科") == std::string::npos);
  zhreport::Extraction x = zhreport::extract_document("m/page.html", page);
  std::vector<double> values;
  for (const zhreport::Fact& f : x.facts) values.push_back(f.value);
  CHECK(values == std::vector<double>{820, 16, 21, 12, 8, 6000, 95});
  // Its 相关推荐 list, now in the article's block, neither counts nor dates it.
  CHECK(x.record.date.empty());
  // Text set straight in <body>, paragraphs parted by <br>: the same.
  zhreport::Page broken = read(
      "<!DOCTYPE html><html><head><title>城市医生下沉山区县</title></head><body>"
      "<h2>城市医生下沉山区县</h2>记者从省卫生健康委获悉，去年全省城市医院共向山区县派出医生"
      "820名。<br><br>江口县人民医院接收下沉专家16名，开展新技术21项。<br><br><p>编辑：王某</p>"
      "</body></html>");
  CHECK(broken.body == "body");
  CHECK(broken.text.find("下沉专家16名") != std::string::npos);
}

TEST_CASE("page: the credits say who published it, and the facts' giver comes from them") {
  // the site's name after the headline in <title>, a byline after the article
  const std::string html = page_with(
      "<title>我院专家驻点帮扶半年_宜宾市岷江医院</title>",
      "<h1>我院专家驻点帮扶半年</h1><div id=\"content\"><p>2024年上半年，我院向屏山县人民医院"
      "派驻专家10名，完成手术120台。</p><p>专家们还开展义诊活动6次，服务群众800余人。</p>"
      "</div><div class=\"editor\">供稿：宜宾市岷江医院医务部</div>");
  zhreport::Page page = read(html);
  CHECK(page.credits.find("宜宾市岷江医院\n") == 0);
  CHECK(page.credits.find("供稿：宜宾市岷江医院医务部") != std::string::npos);
  zhreport::Extraction x = zhreport::extract_document("site/a.html", html);
  REQUIRE(x.facts.size() == 4);
  for (const zhreport::Fact& f : x.facts) {
    INFO(f.quote);
    CHECK(f.from == "宜宾市");
    CHECK(f.to == "屏山县");
  }
  // a receiving hospital's site: its credits name the giver only in the site's name
  const std::string receiving = page_with(
      "<title>迎来帮扶专家-攀枝花市金沙医院</title>",
      "<h1>迎来帮扶专家</h1><div id=\"content\"><p>3月18日，木里县人民医院迎来第五批对口支援"
      "专家，共8名专家，将驻点一年，重点帮助医院建设胸痛中心。</p><p>专家们当天就开展了"
      "义诊，并为群众讲解了高原常见病的预防知识。</p></div>");
  zhreport::Extraction y = zhreport::extract_document("site/b.html", receiving);
  REQUIRE(y.facts.size() == 1);
  CHECK(y.facts[0].from == "攀枝花市");
  CHECK(y.facts[0].to == "木里藏族自治县");
}
