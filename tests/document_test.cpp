// document.h: block kinds, title, date and regions, on pages written for this test.
#include "zhreport/document.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

namespace {

// The kind of each non-blank line of `text`, in order.
std::vector<std::string_view> kinds_of(std::string_view text) {
  std::vector<std::string_view> kinds;
  for (const zhreport::Block& b : zhreport::analyze_document(text).blocks) {
    kinds.push_back(zhreport::block_kind_name(b.kind));
  }
  return kinds;
}

}  // namespace

TEST_CASE("document: a Document analyzed into again holds what a fresh one does") {
  // Pages that set every field (title, a metadata date, an address, regions), then ones that
  // set none, into one Document, each compared with a fresh analysis.
  const std::vector<std::string_view> pages = {
      "http://www.example.gov.cn/news/1.html\n援疆医疗队抵达喀什地区\n发布时间:2024-05-06\n"
      "上海市援疆医疗队抵达喀什地区。\n推荐阅读\n其他文章\n",
      "上海市援疆医疗队抵达喀什地区。\n",
      "",
      "某县医院新住院楼投入使用\n2023年9月6日\n正文。\n",
  };
  for (bool describe : {true, false}) {
    zhreport::Document reused;
    for (std::string_view page : pages) {
      zhreport::analyze_document(page, {.describe = describe}, reused);
      const zhreport::Document fresh = zhreport::analyze_document(page, {.describe = describe});
      REQUIRE(reused.blocks.size() == fresh.blocks.size());
      for (size_t i = 0; i < fresh.blocks.size(); ++i) {
        CHECK(reused.blocks[i].kind == fresh.blocks[i].kind);
        CHECK(reused.blocks[i].start == fresh.blocks[i].start);
        CHECK(reused.blocks[i].end == fresh.blocks[i].end);
      }
      CHECK(reused.title == fresh.title);
      CHECK(reused.date == fresh.date);
      CHECK(reused.date_source == fresh.date_source);
      CHECK(reused.address == fresh.address);
      CHECK(reused.publisher == fresh.publisher);
      CHECK(reused.related_start == fresh.related_start);
      CHECK(reused.regions == fresh.regions);
      CHECK(reused.chars == fresh.chars);
    }
  }
}

TEST_CASE("document: navigation, metadata, credits and share prompts are boilerplate") {
  std::string_view page =
      "欢迎访问江南省人民医院网站!\n"
      "当前位置:首页 > 新闻中心\n"
      "援疆医疗队圆满完成任务\n"
      "来源:宣传科  发布时间:2021-07-02  阅读数:836\n"
      "  7月1日,医疗队返回江南。\n"
      "---江南省人民医院---\n"
      "文/王明\n"
      "编辑|李华\n"
      "审核|张强\n"
      "分享\n"
      "扫一扫 手机端浏览\n";
  std::vector<std::string_view> expected = {
      "boilerplate", "boilerplate", "title",       "metadata",    "paragraph",  "boilerplate",
      "boilerplate", "boilerplate", "boilerplate", "boilerplate", "boilerplate"};
  CHECK(kinds_of(page) == expected);
  zhreport::Document doc = zhreport::analyze_document(page);
  CHECK(doc.title == "援疆医疗队圆满完成任务");
  CHECK(doc.date == "2021-07-02");
}

TEST_CASE("regression: a short line of emoji was taken as wide by its bytes alone") {
  // An emoji takes four bytes and one column: a share prompt of 95 of them is 101 columns wide,
  // under the marked lines' limit of 120, in 390 bytes, over three bytes a column of 120.
  std::string share = "扫一扫 ";
  for (int i = 0; i < 95; ++i) share += "👍";
  std::string page = "援疆医疗队圆满完成任务\n7月1日,医疗队返回江南。\n" + share + "\n";
  std::vector<std::string_view> expected = {"title", "paragraph", "boilerplate"};
  CHECK(kinds_of(page) == expected);
}

TEST_CASE("document: the site's footer is boilerplate") {
  std::string_view page =
      "援疆医疗队圆满完成任务\n"
      "医疗队返回江南。\n"
      "版权所有 © 江南省人民医院 备案号:江ICP备12345678号\n"
      "地址:江南省南京市中山路321号 电话:025-12345678\n";
  std::vector<std::string_view> expected = {"title", "paragraph", "boilerplate", "boilerplate"};
  CHECK(kinds_of(page) == expected);
  CHECK(zhreport::analyze_document(page).regions.empty());
}

TEST_CASE("document: figure captions") {
  std::string_view page =
      "医疗队开展义诊\n"
      "医疗队在乡卫生院开展义诊活动。\n"
      "图1 专家为群众义诊\n"
      "图 2 12名专家合影\n"
      "图为医疗队员在查房。\n";
  std::vector<std::string_view> expected = {"title", "paragraph", "caption", "caption",
                                            "paragraph"};
  // 图为… ends a sentence, so it reads as a paragraph; a short one is a caption.
  CHECK(kinds_of(page) == expected);
  CHECK(kinds_of("标题\n图为专家合影\n") == std::vector<std::string_view>{"title", "caption"});
}

TEST_CASE("document: trailing teasers of other articles cut at one width are boilerplate") {
  std::string_view page =
      "标题\n"
      "医疗队完成了全年的帮扶任务,受到当地群众的好评。\n"
      "春季常见的过敏性疾病有哪些?专家提醒大家出门时一定要注意做好防护措施以免\n"
      "国家卫生健康委日前印发通知,要求各地进一步做好基层医疗卫生机构的建设工作\n"
      "多吃水果有益健康,但是有些水果并不适合空腹食用,下面就来看看哪些水果不能\n";
  std::vector<std::string_view> expected = {"title", "paragraph", "boilerplate", "boilerplate",
                                            "boilerplate"};
  CHECK(kinds_of(page) == expected);
  // Two such lines are not enough to call them teasers.
  std::string_view two =
      "标题\n"
      "医疗队完成了全年的帮扶任务,受到当地群众的好评。\n"
      "国家卫生健康委日前印发通知,要求各地进一步做好基层医疗卫生机构的建设工作\n"
      "多吃水果有益健康,但是有些水果并不适合空腹食用,下面就来看看哪些水果不能\n";
  CHECK(kinds_of(two).back() == "paragraph");
}

TEST_CASE("document: after a related-articles line, the rest of the page is boilerplate") {
  std::string_view page =
      "援疆医疗队圆满完成任务\n"
      "医疗队返回江南。\n"
      "▲医疗队员为群众义诊\n"
      "相关阅读\n"
      "我院5名专家赴西藏开展帮扶\n"
      "援疆医疗队开展义诊活动\n";
  std::vector<std::string_view> expected = {"title",       "paragraph",   "caption",
                                            "boilerplate", "boilerplate", "boilerplate"};
  CHECK(kinds_of(page) == expected);
  // In the navigation, before the report begins, the same words end nothing.
  CHECK(kinds_of("最新动态\n援疆医疗队圆满完成任务\n医疗队返回江南。\n") ==
        std::vector<std::string_view>{"boilerplate", "title", "paragraph"});
}

TEST_CASE("document: a report that starts with a sentence has no title") {
  zhreport::Document doc = zhreport::analyze_document(
      "近日,江南省人民医院第五批援藏医疗队抵达拉萨市,开始为期一年的帮扶工作。\n第二段。\n");
  CHECK(doc.title.empty());
  CHECK(doc.blocks[0].kind == zhreport::BlockKind::paragraph);
}

TEST_CASE("document: dates") {
  struct Case {
    std::string_view line;
    std::string_view iso;
  };
  for (const Case& c : std::vector<Case>{{"发布时间:2017-04-25", "2017-04-25"},
                                         {"2019/2/3 10:20", "2019-02-03"},
                                         {"2019.02.23", "2019-02-23"},
                                         {"日期:2022年11月3日", "2022-11-03"},
                                         {"2016 年4 月23 日", "2016-04-23"},
                                         {"来源:2020-13-01", ""},
                                         {"共派出538名专家", ""}}) {
    INFO(c.line);
    CHECK(zhreport::find_date(c.line).value_or("") == c.iso);
  }
  // A leading date line is the date; a date in the body is not.
  CHECK(zhreport::analyze_document("标题\n2024年8月9日\n正文。\n").date == "2024-08-09");
  CHECK(zhreport::analyze_document("标题\n2024年8月9日,专家抵达。\n正文。\n").date.empty());
  CHECK(zhreport::analyze_document("标题\n正文。\n8月6日,专家抵达。\n").date.empty());
  // Several dates on the metadata line: the one after 发布.
  CHECK(zhreport::analyze_document("标题\n来源:2017-04-24 发布时间:2017-04-25\n").date ==
        "2017-04-25");
}

TEST_CASE("document: the publication date after the body, day-first dates, the input path") {
  CHECK(zhreport::find_date("18.03.2020 09:10").value_or("") == "2020-03-18");
  CHECK(zhreport::find_date("版本 1.2.3").value_or("") == "");
  // A date on a line of its own after the body (real pages put it there).
  zhreport::Document after = zhreport::analyze_document("标题\n正文。\n2017-07-21\n");
  CHECK(after.date == "2017-07-21");
  CHECK(after.date_source == "text:lone_line");
  CHECK(zhreport::analyze_document("标题\n正文。\n18.03.2020 09:10\n").date == "2020-03-18");
  CHECK(zhreport::analyze_document("标题\n正文。\n2025年02月17日\n").date == "2025-02-17");
  // Next to a source line after the body.
  zhreport::Document credit = zhreport::analyze_document("标题\n正文。\n来源:人民网 2017-07-21\n");
  CHECK(credit.date == "2017-07-21");
  CHECK(credit.date_source == "text:metadata");
  // A reporter's credit with the date, or an issuer's bracketed signature, after the body.
  zhreport::Document reporter =
      zhreport::analyze_document("标题\n正文。\n记者 李华 | 2021年09月03日 08:15\n分享到:\n");
  CHECK(reporter.date == "2021-09-03");
  CHECK(reporter.date_source == "text:metadata");
  CHECK(zhreport::analyze_document("标题\n正文。\n（某市卫生健康局医政科 2020年5月6日）\n").date ==
        "2020-05-06");
  // Dates in a related-articles list after the body are other articles'.
  CHECK(zhreport::analyze_document("标题\n正文。\n相关新闻\n2019-05-01\n").date.empty());
  // Before the body: the header's date line.
  CHECK(zhreport::analyze_document("标题\n2024年8月9日\n正文。\n").date_source == "text:lone_line");
  CHECK(zhreport::analyze_document("标题\n发布时间:2024-08-09\n正文。\n").date_source ==
        "text:metadata");
  // regression: a date and its time followed by the source's name (a county media centre's
  // copy) was no date line; a headline that opens with a date and goes on is still no date line.
  CHECK(zhreport::analyze_document("标题\n2024-06-03 09:15:20   某县融媒体中心\n正文。\n").date ==
        "2024-06-03");
  CHECK(zhreport::analyze_document("标题\n2024-06-03 09:15 某县融媒体中心\n正文。\n").date ==
        "2024-06-03");
  CHECK(zhreport::analyze_document("2024年6月3日 义诊进社区\n正文。\n").title ==
        "2024年6月3日 义诊进社区");
  CHECK(zhreport::analyze_document("标题\n2024-06-03 09:15 我院专家赴某县义诊,受到欢迎\n正文。\n")
            .date.empty());
  // regression: without a time, a date and a news outlet's name (outlet: data/boilerplate.tsv)
  // were no date line: above the headline it was taken for the title, below it no date.
  zhreport::Document above =
      zhreport::analyze_document("2024-06-18　平阴县融媒体中心\n省级专家常驻平阴\n正文。\n");
  CHECK(above.date == "2024-06-18");
  CHECK(above.title == "省级专家常驻平阴");
  CHECK(zhreport::analyze_document("标题\n2024-09-26 三江侗族自治县融媒体中心\n正文。\n").date ==
        "2024-09-26");
  CHECK(zhreport::analyze_document("2024年6月3日 平阴县义诊进社区\n正文。\n").title ==
        "2024年6月3日 平阴县义诊进社区");
  // regression: a date, its weekday and the site's short name above the headline (a site's
  // copy of a paper's page) was taken for the title, and gave no date.
  zhreport::Document weekday =
      zhreport::analyze_document("2024-08-15 星期四   某某网\n省级专家常驻平阴\n正文。\n");
  CHECK(weekday.date == "2024-08-15");
  CHECK(weekday.title == "省级专家常驻平阴");
  CHECK(zhreport::analyze_document("2024年6月3日 周一 义诊进社区,受到欢迎\n正文。\n").date.empty());

  CHECK(zhreport::date_in_path("www.gov.cn/xinwen/2024-11/26/content_1.htm").value_or("") ==
        "2024-11-26");
  CHECK(zhreport::date_in_path("site/202411/26/t20241126_123.html").value_or("") == "2024-11-26");
  CHECK(zhreport::date_in_path("a/2024/11/26/x.html").value_or("") == "2024-11-26");
  CHECK(zhreport::date_in_path("a/art/2024/1126/x.html").value_or("") == "2024-11-26");
  CHECK(zhreport::date_in_path("crawl.tar!news/2024-11-26.html").value_or("") == "2024-11-26");
  CHECK(zhreport::date_in_path("www.sc.gov.cn/10462/2022/3/30/art_5_123.shtml").value_or("") ==
        "2022-03-30");
  CHECK_FALSE(zhreport::date_in_path("reports/2024/1/5.txt"));
  CHECK_FALSE(zhreport::date_in_path("reports/2024/report_12.txt"));
  CHECK_FALSE(zhreport::date_in_path("data/eval/set3/004_0046d4adf31ac67e.txt"));
}

TEST_CASE(
    "document: a signature, a paper's credit, a bracketed date line, a metadata line with |") {
  CHECK(zhreport::analyze_document(
            "通报\n正文。\n省卫生健康委员会\n2024年2月20日\n（此件公开发布）\n")
            .date == "2024-02-20");
  CHECK(zhreport::analyze_document("总结\n正文。\n市卫生健康委员会办公室　　2024年4月2日\n").date ==
        "2024-04-02");
  zhreport::Document paper =
      zhreport::analyze_document("标题\n正文。\n《南方卫生报》(2024年03月05日 第07版)\n");
  CHECK(paper.date == "2024-03-05");
  CHECK(paper.date_source == "text:metadata");
  CHECK(zhreport::analyze_document("在大会上的讲话\n(2023年8月16日)\n正文。\n").date ==
        "2023-08-16");
  CHECK(zhreport::analyze_document(
            "标题\n来源:市第三人民医院 | 发布时间:2024-01-18 | 点击:642\n正文。\n")
            .date == "2024-01-18");
  // A paper's credit line of items between bars (the outlet, the date, the reporter) is no
  // menu of the site: under the headline or after the body it dates the page.
  zhreport::Document bars =
      zhreport::analyze_document("援外医疗队出征\n江南日报 | 2024-05-08 | 记者 王某\n正文。\n");
  CHECK(bars.date == "2024-05-08");
  CHECK(bars.title == "援外医疗队出征");
  CHECK(zhreport::analyze_document("标题\n正文。\n江南日报 | 2024-05-08 | 记者 王某\n").date ==
        "2024-05-08");
  // A site's menu after the headline with no outlet nor credit in it dates nothing.
  CHECK(zhreport::analyze_document("标题\n首页 | 2024-05-08 | 新闻\n正文。\n").date.empty());
  // A narrative date in the body's last sentence is no signature.
  CHECK(zhreport::analyze_document("标题\n正文。\n活动将持续到2024年5月1日。\n").date.empty());
}

TEST_CASE("document: a photo credit, a caption or a navigation label is never the title") {
  CHECK(zhreport::analyze_document("新华社记者 张三 摄\n援疆医疗队凯旋\n正文。\n").title ==
        "援疆医疗队凯旋");
  CHECK(zhreport::analyze_document("首页\n援疆医疗队凯旋\n正文。\n").title == "援疆医疗队凯旋");
  CHECK(zhreport::analyze_document("新浪首页\n登录\n援疆医疗队凯旋\n正文。\n").title ==
        "援疆医疗队凯旋");
  CHECK(zhreport::analyze_document("图/王五\n援疆医疗队凯旋\n正文。\n").title == "援疆医疗队凯旋");
  // Each word of a credit after another 摄影 or 图 in the line (图书, 摄影展) than its own.
  for (std::string_view credit :
       {"摄影展现场 摄影:王五", "摄影展 摄影：王五", "图书馆 摄影/王五", "图书馆 图片来源:网络",
        "图书馆 图/王五", "图书 图:王五", "图书 图：王五"}) {
    CAPTURE(credit);
    CHECK(zhreport::analyze_document(std::string(credit) + "\n援疆医疗队凯旋\n正文。\n").title ==
          "援疆医疗队凯旋");
  }
  CHECK(zhreport::analyze_document("图书馆里的摄影展\n正文。\n").title == "图书馆里的摄影展");
}

TEST_CASE("document: a site's name, a menu, a follow prompt or an account line is no title") {
  zhreport::Document site = zhreport::analyze_document(
      "某某县融媒体中心\n首页 | 新闻 | 政务 | 民生\n省级专家下基层 群众家门口看名医\n"
      "来源:某某县融媒体中心 发布时间:2024-05-09 10:32\n正文。\n");
  CHECK(site.title == "省级专家下基层 群众家门口看名医");
  CHECK(site.date == "2024-05-09");
  CHECK(zhreport::analyze_document("首页 » 国际合作 » 正文\n对话援外医疗队队长\n正文。\n").title ==
        "对话援外医疗队队长");
  CHECK(zhreport::analyze_document("点击上方蓝字 关注我们\n援外医疗队启程\n正文。\n").title ==
        "援外医疗队启程");
  zhreport::Document account = zhreport::analyze_document(
      "某某市中医医院 2023-11-08 09:30 发表于湖北\n阅读量 2316\n岐黄薪火传千里\n正文。\n");
  CHECK(account.title == "岐黄薪火传千里");
  CHECK(account.date == "2023-11-08");
  // An exclaiming headline, when the account line follows it.
  CHECK(zhreport::analyze_document(
            "【喜讯】血液透析中心正式启用!\n省第二人民医院 2024-05-20 发表于甘肃\n正文。\n")
            .title == "【喜讯】血液透析中心正式启用!");
  // A headline with a count after a site's line stays the title.
  CHECK(zhreport::analyze_document(
            "援疆三年派出300名专家\n分享到\n——记某某医院\n发布时间:2024-01-02\n正文。\n")
            .title == "援疆三年派出300名专家");
}

TEST_CASE("document: regions are provinces and prefecture-level divisions, official names") {
  using Regions = std::vector<std::string>;
  CHECK(zhreport::find_regions("新疆阿克苏地区和喀什地区") ==
        Regions{"新疆维吾尔自治区", "阿克苏地区", "喀什地区"});
  CHECK(zhreport::find_regions("广西百色市与遵义、拉萨") ==
        Regions{"广西壮族自治区", "百色市", "遵义市", "拉萨市"});
  CHECK(zhreport::find_regions("玉树州和内蒙古") == Regions{"玉树藏族自治州", "内蒙古自治区"});
  // Short forms that are also ordinary words or other names stand for nothing alone.
  CHECK(zhreport::find_regions("中山大学附属医院,长治久安").empty());
  CHECK(zhreport::find_regions("中山市") == Regions{"中山市"});
  CHECK(zhreport::find_regions("中山南路,一路平安顺利,集中卫生资源").empty());
  // A shared short form means the province.
  CHECK(zhreport::find_regions("吉林和海南") == Regions{"吉林省", "海南省"});
  // Countries are regions; counties and programme abbreviations are not.
  CHECK(zhreport::find_regions("援摩洛哥医疗队") == Regions{"摩洛哥"});
  CHECK(zhreport::find_regions("援疆医生在泽普县") == Regions{});
}

TEST_CASE("document: regions come from the report's text, not its boilerplate") {
  zhreport::Document doc = zhreport::analyze_document(
      "援藏工作会议\n当前位置:首页 > 北京新闻\n医疗队从上海出发前往日喀则。\n图1 在西宁转机\n");
  CHECK(doc.regions == std::vector<std::string>{"上海市", "日喀则市"});
  CHECK(doc.chars == 46);  // code points, newlines included
}

TEST_CASE("document: regression: a breadcrumb or menu with spaces was taken for the title") {
  std::string_view page =
      "网站首页 | 新闻动态 | 党建工作 | 联系我们\n"
      "首页 > 医院新闻 > 综合新闻\n"
      "您当前的位置:首页 > 医院动态 > 对口帮扶\n"
      "援外日记|在桑给巴尔的第一百天\n"
      "2024-01-16 14:20 来源:党委宣传部 点击数:987 【打印本页】\n"
      "医疗队在桑给巴尔开展义诊。\n";
  std::vector<std::string_view> expected = {"boilerplate", "boilerplate", "boilerplate",
                                            "title",       "metadata",    "paragraph"};
  CHECK(kinds_of(page) == expected);
  zhreport::Document doc = zhreport::analyze_document(page);
  CHECK(doc.title == "援外日记|在桑给巴尔的第一百天");
  CHECK(doc.date == "2024-01-16");  // metadata wins over the navigation marker 打印本页
}

TEST_CASE(
    "regression: a site's column name or a one-step breadcrumb above the headline was the title") {
  // A hospital's news post copied with the column it sits in (本院新闻, 医院动态) or the short
  // breadcrumb above it (首页 > 工作动态, 医院新闻 > 正文): data/boilerplate.tsv.
  for (std::string_view above : {"本院新闻", "医院动态", "工作动态", "首页 > 工作动态",
                                 "医院新闻 > 正文", "新闻中心>正文"}) {
    std::string page = std::string(above) + "\n我院专家团队赴理塘开展义诊\n2024-05-06\n正文。\n";
    zhreport::Document doc = zhreport::analyze_document(page);
    CHECK_MESSAGE(doc.title == "我院专家团队赴理塘开展义诊", above);
    CHECK(doc.date == "2024-05-06");
  }
  // A one-step breadcrumb whose first step is a column's name (院内新闻 > 对口支援), where the
  // second step is no word of the table.
  for (std::string_view above : {"院内新闻 > 对口帮扶", "本院新闻>援外医疗", "工作动态 » 乡村振兴",
                                 "医院新闻＞对口帮扶", "English » Health"}) {
    std::string page = std::string(above) + "\n我院专家团队赴理塘开展义诊\n2024-05-06\n正文。\n";
    CHECK_MESSAGE(zhreport::analyze_document(page).title == "我院专家团队赴理塘开展义诊", above);
  }
  // An arrow after a name that is no column's (the line opens with no column's first character,
  // or with one of a longer word) is a headline's.
  for (std::string_view title : {"援外日记 » 在桑给巴尔", "新闻动态观察＞对口帮扶"}) {
    CHECK(zhreport::analyze_document(std::string(title) + "\n正文。\n").title == title);
  }
  // A title with one bar between a column's name and the headline stays the title.
  CHECK(zhreport::analyze_document("工作动态 | 我院专家团队赴理塘开展义诊\n正文。\n").title ==
        "工作动态 | 我院专家团队赴理塘开展义诊");
  // A headline that ends with a column's word stays the title.
  CHECK(zhreport::analyze_document("甘孜州医疗帮扶工作动态\n正文。\n").title ==
        "甘孜州医疗帮扶工作动态");
}

TEST_CASE("document: a subtitle or a 主题: line keeps the header open for the date") {
  std::string_view page =
      "青海省人民政府新闻办公室新闻发布会实录\n"
      "主题:援青医疗人才工作进展情况\n"
      "时间:2024年3月28日上午10:00\n"
      "主持人:各位记者朋友,大家上午好。\n"
      "发布时间:2025-01-01\n";
  zhreport::Document doc = zhreport::analyze_document(page);
  CHECK(doc.title == "青海省人民政府新闻办公室新闻发布会实录");
  CHECK(doc.date == "2024-03-28");
}

TEST_CASE(
    "document: regression: 阅读原文, 往期推荐, 下一条, 相关新闻, 【推荐阅读】 lines were counted") {
  std::string_view page =
      "援疆医疗队圆满完成任务\n"
      "医疗队返回江南。\n"
      "阅读原文 在看 点赞\n"
      "往期推荐:我省新增5家三甲医院\n"
      "下一条:我院3名专家入选省级医学领军人才\n"
      "相关新闻:我院召开第三季度医疗质量分析会\n"
      "【推荐阅读】\n"
      "我县新增3家省级示范村卫生室\n";
  std::vector<std::string_view> expected = {"title",       "paragraph",   "boilerplate",
                                            "boilerplate", "boilerplate", "boilerplate",
                                            "boilerplate", "boilerplate"};
  CHECK(kinds_of(page) == expected);
}

TEST_CASE("regression: a diary's date line with the weather dates the report") {
  std::string_view diary =
      "援外日记｜在异国的第一百天\n"
      "\n"
      "2024年3月12日 晴\n"
      "　　今天是我来到这里的第100天，我们科一共收了十二名住院病人。\n";
  zhreport::Document doc = zhreport::analyze_document(diary);
  CHECK(doc.date == "2024-03-12");
  CHECK(doc.date_source == "text:lone_line");
  CHECK(kinds_of(diary) == std::vector<std::string_view>{"title", "metadata", "paragraph"});
  CHECK(zhreport::analyze_document("援外日记\n2023年5月2日 星期二 多云转小雨\n今天门诊很忙。\n")
            .date == "2023-05-02");
  // A narrative line that starts with a date is not one.
  CHECK(zhreport::analyze_document("援外日记\n2024年3月12日晴天下午到达医院。\n今天门诊很忙。\n")
            .date.empty());
}

TEST_CASE("regression: a speech's credit line dated to the month dates the report to the month") {
  // (2024年8月 省卫生健康委主任) under a speech's title was read as no date at all.
  zhreport::Document speech = zhreport::analyze_document(
      "在援外医疗工作会议上的讲话\n(2024年8月 "
      "省卫生健康委副主任)\n同志们:\n今天我们在这里召开会议。\n");
  CHECK(speech.date == "2024-08");
  CHECK(speech.date_source == "text:metadata");
  CHECK(zhreport::analyze_document("讲话\n（2023年12月）\n正文。\n").date == "2023-12");
  // Only under the title: a bracketed month in the body, or a sentence, dates nothing.
  CHECK(zhreport::analyze_document("讲话\n正文。\n(2024年8月起施行)\n").date.empty());
  CHECK(zhreport::analyze_document("讲话\n(2024年8月，我们出发了)\n正文。\n").date.empty());
}

TEST_CASE("regression: a formal document's date written in Chinese dates it") {
  // 二〇二三年六月十二日 under a notice's signature was no date at all.
  CHECK(zhreport::find_date("二〇二三年六月十二日").value_or("") == "2023-06-12");
  CHECK(zhreport::find_date("二○二四年十二月三十一日").value_or("") == "2024-12-31");
  CHECK(zhreport::find_date("二〇二一年十月二十日印发").value_or("") == "2021-10-20");
  CHECK_FALSE(zhreport::find_date("二〇二三年六月"));
  CHECK_FALSE(zhreport::find_date("十二年来共派出医生"));
  // Read back from each 年: one too near the start, one after other digits, then the date.
  CHECK(zhreport::find_date("今年，一九九九年前后、三二〇二三二〇二三年六月十二日").value_or("") ==
        "2023-06-12");
  CHECK(zhreport::find_date("x年二〇二三年六月十二日").value_or("") == "2023-06-12");
  CHECK_FALSE(zhreport::find_date("二〇二三年六月十二"));
  // A date line opens with its date: one further on does not make it one.
  CHECK(zhreport::analyze_document("标题\n二〇二三年六月十二日\n正文。\n").date == "2023-06-12");
  CHECK(zhreport::analyze_document("标题\n2023年6月12日 星期一\n正文。\n").date == "2023-06-12");
  CHECK(zhreport::analyze_document("标题\n2023年我院派出专家，2024年3月1日返回。\n").date.empty());
  CHECK(zhreport::analyze_document("标题\n二〇二三年起，二〇二四年三月一日返回。\n").date.empty());
  zhreport::Document notice = zhreport::analyze_document(
      "关于援藏医疗队工作的通报\n各有关单位：\n现将有关情况通报如下。\n某某省卫生健康委员会\n"
      "二〇二三年六月十二日\n");
  CHECK(notice.date == "2023-06-12");
  CHECK(notice.date_source == "text:lone_line");
}

TEST_CASE("regression: a saved copy's address line was taken for the title and gave no date") {
  // A copied page's first line is its address; the headline follows it.
  zhreport::Document copy = zhreport::analyze_document(
      "http://www.example-news.cn/yldt/202309/t20230915_658214.shtml\n"
      "援外医疗队圆满完成任务\n"
      "9月12日,医疗队回到兰州。\n");
  CHECK(copy.title == "援外医疗队圆满完成任务");
  CHECK(copy.address == "http://www.example-news.cn/yldt/202309/t20230915_658214.shtml");
  CHECK(copy.blocks.front().kind == zhreport::BlockKind::boilerplate);
  // A labelled link after the body (原文链接:) is the page's address too.
  CHECK(
      zhreport::analyze_document("标题\n正文。\n原文链接：https://example.cn/2024-07/26/c_1.htm\n")
          .address == "https://example.cn/2024-07/26/c_1.htm");
  // So is one labelled 网址 under the headline (its t20240521 dates the page: pipeline).
  zhreport::Document labelled = zhreport::analyze_document(
      "县医院迎来北京专家\n网址：http://www.example.gov.cn/xwzx/202405/t20240521_1.html\n正文。\n");
  CHECK(labelled.address == "http://www.example.gov.cn/xwzx/202405/t20240521_1.html");
  CHECK(labelled.title == "县医院迎来北京专家");
  // Another article's link in a related list is not.
  CHECK(
      zhreport::analyze_document("标题\n正文。\n相关新闻\nhttps://example.cn/2019-05/01/c_2.htm\n")
          .address.empty());
  // A sentence that holds a link is no address line.
  CHECK(zhreport::analyze_document("标题\n详见 https://example.cn/2024-07/26/c_1.htm 。\n")
            .address.empty());
}

TEST_CASE("regression: an address line labelled 网址 (not 原文链接) did not date the report") {
  // Any label that names a link or an address: 网址, 本页地址, 文章链接.
  for (const char* label : {"网址：", "本页地址:", "文章链接 "}) {
    CAPTURE(label);
    zhreport::Document report = zhreport::analyze_document(
        "县医院来了北京专家\n" + std::string(label) +
        "http://www.example-county.gov.cn/news/202405/t20240521_1203.html\n"
        "今年以来，北京专家在县医院开展手术60台。\n");
    CHECK(report.title == "县医院来了北京专家");
    CHECK(report.address == "http://www.example-county.gov.cn/news/202405/t20240521_1203.html");
  }
  // A label at most four characters long, wherever its word stands in it; an address without
  // its scheme.
  const std::string address = "http://www.example.cn/2024-05/21/c_1.htm";
  for (const std::string label : {"1.链接:", "本页网址:", "网址 ", ""}) {
    CAPTURE(label);
    CHECK(zhreport::analyze_document("标题\n正文。\n" + label + address + "\n").address == address);
  }
  CHECK(zhreport::analyze_document("标题\n正文。\nwww.example.cn\n").address == "www.example.cn");
  CHECK(
      zhreport::analyze_document("标题\n正文。\n查看原文链接：" + address + "\n").address.empty());
  CHECK(zhreport::analyze_document("标题\n正文。\n1 原文链接:" + address + "\n").address.empty());
  // A label that names neither is no address line (a source line holding a link).
  CHECK(zhreport::analyze_document("标题\n来源：http://www.example.cn/2024-05/21/c_1.htm\n正文。\n")
            .address.empty());
}

TEST_CASE("regression: a lone date line above a 更多阅读 teaser did not date the page") {
  zhreport::Document page = zhreport::analyze_document(
      "援外医疗队在塞拉利昂\n医疗队员们每天奔波在病房之间。\n2024年02月26日 10:35\n"
      "更多阅读：某省第二十四批援外医疗队队员选拔启动，计划选拔15名队\n");
  CHECK(page.date == "2024-02-26");
  CHECK(page.date_source == "text:lone_line");
}

TEST_CASE("regression: bulleted teasers below the date line ended the search for it") {
  // Teasers of other articles that open with a bullet (·), wider than a signature, are no body:
  // the date line with its source above them (and a share line) still dates the report.
  zhreport::Document page = zhreport::analyze_document(
      "江南两市联合医疗队援藏一年\n医疗队今年完成手术300台。\n"
      "2023年11月20日 09:15 来源:江南日报 编辑:王明\n分享到:微信 微博 QQ\n"
      "· 江南市举办第十二届职工运动会暨全民健身主题宣传活动\n"
      "· 北川县人民医院门诊综合楼投入使用 新增床位80张\n");
  CHECK(page.date == "2023-11-20");
}

TEST_CASE("regression: doubled punctuation after a headline stayed in the title") {
  // 高原县医院迎来新生,, : a comma never ends a headline.
  CHECK(zhreport::analyze_document("佛山医生扎根理塘 县医院迎来新生,\n正文。\n").title ==
        "佛山医生扎根理塘 县医院迎来新生");
  CHECK(zhreport::analyze_document("佛山医生扎根理塘，\n正文。\n").title == "佛山医生扎根理塘");
}

TEST_CASE("regression: an e-paper's page line (第03版:要闻 … 上一版 下一版) was the title") {
  // A digital edition heads each article with its page's name, the date and the page
  // navigation: that line is metadata and dates the report; the headline follows it.
  zhreport::Document paper = zhreport::analyze_document(
      "当前位置:首页 > 数字报\n第03版:要闻　　2023年05月16日　星期二　　上一版　下一版\n"
      "援疆医生扎根喀什十年\n本报讯 十年来，省人民医院累计派出医生120名。\n");
  CHECK(paper.title == "援疆医生扎根喀什十年");
  CHECK(paper.date == "2023-05-16");
  CHECK(paper.date_source == "text:metadata");
}

TEST_CASE("regression: a paper's name, date and page under the headline did not date it") {
  // 《某某日报》 2023年03月14日 第A03版:民生: an e-paper's line naming the page after the date.
  for (std::string line : {"《江南日报》 2023年03月14日 第A03版：民生",
                           "江南日报 2023年03月14日 第3版", "《江南日报》2023-03-14 第A03版"}) {
    CAPTURE(line);
    zhreport::Document paper = zhreport::analyze_document(
        "专家沉下去 服务提上来\n" + line + "\n去年以来，医院每周派出12名医师到乡镇卫生院坐诊。\n");
    CHECK(paper.title == "专家沉下去 服务提上来");
    CHECK(paper.date == "2023-03-14");
  }
  // A page named without a date dates nothing; so does a sentence that names one.
  CHECK(zhreport::analyze_document("专家沉下去\n《江南日报》 第A03版\n正文。\n").date.empty());
  CHECK(zhreport::analyze_document("专家沉下去\n2023年03月14日第3版刊登了此事。\n正文。\n")
            .date.empty());
}

TEST_CASE("regression: a reporter's credit under the headline did not date the report") {
  // 本报记者 … 2023年9月6日报道, 记者 … 文/摄 2024.07.02: a credit line that ends with the
  // date (and a word of reporting) dates the report, as it does after the body.
  for (std::string credit :
       {"本报记者 王明 通讯员 李华 2023年9月6日报道", "记者 张强 通讯员 赵敏 文/摄 2023.09.06",
        "记者 张强 2023年9月6日电"}) {
    CAPTURE(credit);
    zhreport::Document report = zhreport::analyze_document(
        "援藏医疗队的一年\n" + credit + "\n今年以来，医疗队在县人民医院完成手术210台。\n");
    CHECK(report.title == "援藏医疗队的一年");
    CHECK(report.date == "2023-09-06");
  }
  // A credit line without a date dates nothing; a sentence ending with a date is no credit.
  CHECK(
      zhreport::analyze_document("援藏医疗队的一年\n记者 张强 通讯员 赵敏\n正文。\n").date.empty());
  CHECK(zhreport::analyze_document("援藏医疗队的一年\n医疗队2023年9月6日报道了此事。\n正文。\n")
            .date.empty());
}

TEST_CASE("regression: a column's headline that asks and exclaims was no title") {
  // An account's post opens with its column's name, one bar, then a question and a call
  // (栏目｜…？…！): a headline, though it ends as a sentence does.
  zhreport::Document post = zhreport::analyze_document(
      "健康帮扶|这一年,我们在山里做了些什么?一起来瞧瞧!\n某某县人民医院 医院发布\n"
      "各位读者好,今天说说我们下乡的事。\n");
  CHECK(post.title == "健康帮扶|这一年,我们在山里做了些什么?一起来瞧瞧!");
  // A question opening the body, a menu's label or a bar in a sentence stays no title.
  CHECK(zhreport::analyze_document("这一年,我们在山里做了些什么?\n正文。\n").title.empty());
  CHECK(zhreport::analyze_document("我们的帮扶|还有哪些不足,请大家指正。\n正文。\n").title.empty());
  CHECK(zhreport::analyze_document("首页 | 医院新闻 | 援外风采\n援外医疗队启程!\n正文。\n")
            .title.empty());
}

TEST_CASE("regression: an issuer's closing line after a related list did not date the report") {
  // The issuer signs the report's last line with 发布 after its date (…委员会　2024年3月5日发布),
  // below a one-line related list; a teaser's own date there stays no date of the report.
  zhreport::Document signed_page = zhreport::analyze_document(
      "某县医院迎来城市专家\n市医院向县医院派驻专家10名。\n【相关阅读】某地开展义诊 / "
      "某地召开会议\n"
      "某市卫生健康委员会　2024年3月5日发布\n");
  CHECK(signed_page.date == "2024-03-05");
  CHECK(zhreport::analyze_document("某县医院迎来城市专家\n市医院向县医院派驻专家10名。\n"
                                   "【相关阅读】\n某地召开全市卫生工作会议　2024年3月5日\n")
            .date.empty());
}

TEST_CASE(
    "regression: a closing credit, a signature with page tools or a last info line did not "
    "date the report") {
  struct Case {
    std::string_view text;
    std::string_view date;
  };
  const Case cases[] = {
      // A paper's credit in brackets names its reporters after the date and page.
      {"县医院添了新科室\n专家团队今年开展手术80台。\n"
       "（原载《江城晚报》2023年6月8日第2版　记者 王海 通讯员 李青）\n",
       "2023-06-08"},
      {"县医院添了新科室\n专家团队今年开展手术80台。\n(原载《江城晚报》2023年6月8日 记者 王海)\n",
       "2023-06-08"},
      // The reporters' credit, then the date and the paper's name after it.
      {"县医院添了新科室\n专家团队今年开展手术80台。\n(记者 王海 通讯员 李青) 2023年6月8日 "
       "江城日报\n",
       "2023-06-08"},
      // The issuer's signature, then the page's tools (print, close) in brackets.
      {"县医院添了新科室\n专家团队今年开展手术80台。\n某县卫生健康局　2022/05/"
       "10　【打印】【关闭】\n",
       "2022-05-10"},
      // The page's own info line, opening with its label, closes the page below a related list.
      {"县医院添了新科室\n专家团队今年开展手术80台。\n相关链接：\n某地开展义诊活动\n"
       "发布时间：2022-05-10　　浏览：2,310\n",
       "2022-05-10"},
      // A teaser that names its own date in the related list is no date of the report.
      {"县医院添了新科室\n专家团队今年开展手术80台。\n相关链接：\n"
       "某地开展义诊活动 发布时间：2022-05-10\n",
       ""},
      // The editor's credit with its date in the site's footer, above the site's licence line.
      {"县医院添了新科室\n专家团队今年开展手术80台。\n相关链接：某地开展义诊活动\n"
       "网站首页 | 联系我们\n责任编辑：张三　　2022-05-10 09:30\n某ICP备12345678号\n",
       "2022-05-10"},
      // A sentence quoting a paper's issue is narrative.
      {"县医院添了新科室\n据《江城晚报》2023年6月8日报道，专家团队今年开展手术80台。\n", ""},
  };
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(zhreport::analyze_document(c.text).date == c.date);
  }
}

TEST_CASE("regression: a social account's header ending with its IP location gave no date") {
  // 原创 作者 公众号 2024年03月08日 09:20 四川: the place the platform shows after the time
  // (the author's IP location) still leaves the line a dated credit.
  zhreport::Document header = zhreport::analyze_document(
      "援藏医生的一天\n原创 某某医院 某某健康 2024年03月08日 09:20 四川\n"
      "今年以来，医疗队完成手术210台。\n");
  CHECK(header.title == "援藏医生的一天");
  CHECK(header.date == "2024-03-08");
  // A time of day followed by words that go on is no credit.
  CHECK(zhreport::analyze_document(
            "援藏医生的一天\n原创 某某医院 2024年03月08日 09:20 专家到县医院义诊\n正文。\n")
            .date.empty());
}

TEST_CASE("regression: a paper's hotline and mailbox line under the closing credit hid its date") {
  // （某某日报记者 … 2023年5月4日） then 新闻热线:… 投稿邮箱:…: the paper's contact line is its
  // footer, as 电话:/地址: are.
  CHECK(zhreport::analyze_document("标题\n正文。\n(某某日报记者 张强 通讯员 李华 2023年5月4日)\n"
                                   "新闻热线:0123-4567890 投稿邮箱:news@example.com\n")
            .date == "2023-05-04");
}
