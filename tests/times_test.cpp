// times.h: time phrases and the periods they state, table-driven.
#include "zhreport/times.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "times_internal.h"

using namespace zhreport;

namespace {

struct Case {
  const char* text;
  const char* document_date;
  const char* phrase;  // the text of the first phrase
  TimeKind kind;
  const char* since;
  const char* until;
};

const Case kCases[] = {
    // the spec's examples (report dated 2024-08-09)
    {"十年来,上海市先后派出10批医疗队", "2024-08-09", "十年来", TimeKind::recent, "2014",
     "2024-08-09"},
    {"截至2022年底,浙江省累计派出援疆医疗专家1000余名", "2024-08-09", "截至2022年底",
     TimeKind::until, "", "2022-12"},
    {"从1975年至2022年,共派出医疗队员", "2024-08-09", "从1975年至2022年", TimeKind::range, "1975",
     "2022"},
    {"自2009年以来,累计接诊", "2024-08-09", "自2009年以来", TimeKind::since, "2009", "2024-08-09"},
    {"2019年度,受援医院派出医务人员35人次", "2024-08-09", "2019年度", TimeKind::point, "2019",
     "2019"},
    {"8个月来,专家们完成手术", "2024-08-09", "8个月来", TimeKind::recent, "2023-12", "2024-08-09"},
    {"8月6日,医疗队抵达", "2024-08-09", "8月6日", TimeKind::point, "2024-08-06", "2024-08-06"},
    // a month after the report's is last year's
    {"12月20日,医疗队抵达", "2024-08-09", "12月20日", TimeKind::point, "2023-12-20", "2023-12-20"},
    {"今年以来,已开展义诊12次", "2024-08-09", "今年以来", TimeKind::since, "2024", "2024-08-09"},
    {"去年完成手术300台", "2024-08-09", "去年", TimeKind::point, "2023", "2023"},
    {"2021年至今,累计培训", "2024-08-09", "2021年至今", TimeKind::since, "2021", "2024-08-09"},
    {"从2015年起,每年选派", "2024-08-09", "从2015年起", TimeKind::since, "2015", "2024-08-09"},
    {"2019-2021年,共派出", "", "2019-2021年", TimeKind::range, "2019", "2021"},
    {"2019—2020年度共派出", "", "2019—2020年度", TimeKind::range, "2019", "2020"},
    {"2021年3月至6月,共接诊", "", "2021年3月至6月", TimeKind::range, "2021-03", "2021-06"},
    {"2022年上半年,共接诊", "", "2022年上半年", TimeKind::point, "2022-01", "2022-06"},
    {"截至2023年6月底为止,累计", "", "截至2023年6月底为止", TimeKind::until, "", "2023-06"},
    {"截至目前,共派出", "2024-08-09", "截至目前", TimeKind::until, "", "2024-08-09"},
    {"近三年,累计派出", "2024-08-09", "近三年", TimeKind::recent, "2021", "2024-08-09"},
    {"一年多来,医疗队", "2024-08-09", "一年多来", TimeKind::recent, "2023", "2024-08-09"},
    // 余 like 多: more than N years
    {"40余年来,医疗队", "2024-08-09", "40余年来", TimeKind::recent, "1984", "2024-08-09"},
    {"进藏一年半以来,专家", "2024-08-09", "一年半以来", TimeKind::recent, "2023-02", "2024-08-09"},
    {"半年来,专家", "2024-08-09", "半年来", TimeKind::recent, "2024-02", "2024-08-09"},
    {"二〇一九年,医院派出", "", "二〇一九年", TimeKind::point, "2019", "2019"},
    {"2024年8月6日上午", "", "2024年8月6日", TimeKind::point, "2024-08-06", "2024-08-06"},
    {"发布于2024-08-06 09:10", "", "2024-08-06", TimeKind::point, "2024-08-06", "2024-08-06"},
    {"2016 年4 月23 日,义诊", "", "2016 年4 月23 日", TimeKind::point, "2016-04-23", "2016-04-23"},
    // without the report's date, relative phrases are found but say nothing
    {"十年来,上海市先后派出", "", "十年来", TimeKind::recent, "", ""},
    {"今年已派出5名专家", "", "今年", TimeKind::point, "", ""},
    // 至今年 is 至 and 今年, not 至今 (to now)
    {"去年9月至今年6月,共接诊", "2024-08-09", "去年9月至今年6月", TimeKind::range, "2023-09",
     "2024-06"},
    {"2022年至今年3月,共接诊", "2024-08-09", "2022年至今年3月", TimeKind::range, "2022", "2024-03"},
    // 从…的: the year a value is compared from, no period opened
    {"门诊量从2019年的5万人次增至", "2024-08-09", "从2019年", TimeKind::point, "2019", "2019"},
    // a range of days in one month (1月15日至18日)
    {"1月15日至18日,医院组织巡回医疗", "2024-01-22", "1月15日至18日", TimeKind::range, "2024-01-15",
     "2024-01-18"},
    // 连日来: the last few days, the report's month
    {"连日来,医疗队在当地义诊", "2024-08-09", "连日来", TimeKind::recent, "2024-08", "2024-08-09"},
    // N年里 (within_after): the last N years, like N年来
    {"三年里,专家们完成手术", "2024-08-09", "三年里", TimeKind::recent, "2021", "2024-08-09"},
    // 第N个年头 (nth_year_after): the Nth year up to the report's date, since its year − (N − 1)
    {"对口支援已进入第五个年头", "2024-08-09", "第五个年头", TimeKind::recent, "2020",
     "2024-08-09"},
    // the numbers a phrase starts with, in each form find_times lets through to read them
    {"前年派出5名专家", "2024-08-09", "前年", TimeKind::point, "2022", "2022"},
    {"两个多月来,医疗队", "2024-08-09", "两个多月来", TimeKind::recent, "2024-06", "2024-08-09"},
    {"十二月三日,义诊", "2024-12-20", "十二月三日", TimeKind::point, "2024-12-03", "2024-12-03"},
    {"二〇二〇至二〇二二年,共派出", "", "二〇二〇至二〇二二年", TimeKind::range, "2020", "2022"},
    {"于4 月23 日抵达", "2024-08-09", "4 月23 日", TimeKind::point, "2024-04-23", "2024-04-23"},
    // and after a word of one character (自, 从, 近): a date past blanks, a word, a numeral
    {"自 5月起,共接诊", "2024-08-09", "自 5月起", TimeKind::since, "2024-05", "2024-08-09"},
    {"从上年开始,共接诊", "2024-08-09", "从上年开始", TimeKind::since, "2023", "2024-08-09"},
    {"近半年来,共接诊", "2024-08-09", "近半年来", TimeKind::recent, "2024-02", "2024-08-09"},
    {"近三年,共接诊", "2024-08-09", "近三年", TimeKind::recent, "2021", "2024-08-09"},
    // a length of days or weeks before 来 (not 一天就, 一周年)
    {"十天来,共接诊", "2024-09-12", "十天来", TimeKind::recent, "2024-09-03", "2024-09-12"},
    {"到岗两周以来,共接诊", "2024-09-12", "两周以来", TimeKind::recent, "2024-08-30", "2024-09-12"},
    {"3个星期来,共接诊", "2024-09-12", "3个星期来", TimeKind::recent, "2024-08-23", "2024-09-12"},
    // months of one year whose first month is a bare number (1至11月: January to November), as
    // a part of the year (上半年)
    {"1至11月,专家团共派驻医师", "2024-12-03", "1至11月", TimeKind::point, "2024-01", "2024-11"},
    {"今年1至10月,共接诊", "2024-11-08", "今年1至10月", TimeKind::point, "2024-01", "2024-10"},
    {"2023年1至9月,共接诊", "", "2023年1至9月", TimeKind::point, "2023-01", "2023-09"},
    {"2023年1—6月,共接诊", "", "2023年1—6月", TimeKind::point, "2023-01", "2023-06"},
    // a range that ends after the report's month is last year's
    {"10至12月,共接诊", "2024-11-08", "10至12月", TimeKind::point, "2023-10", "2023-12"},
    // 年初 (after_start): a year's first month, which may open a range (2019年初至去年8月)
    {"2019年初至去年8月,共接诊", "2021-05-01", "2019年初至去年8月", TimeKind::range, "2019-01",
     "2020-08"},
    {"2019年初以来,共接诊", "2021-05-01", "2019年初以来", TimeKind::since, "2019-01", "2021-05-01"},
    {"2019年初,医疗队抵达", "", "2019年初", TimeKind::point, "2019-01", "2019-01"},
    // (not the 初 of a word after the year: 初步, 初见成效)
    {"2019年初步建成胸痛中心", "", "2019年", TimeKind::point, "2019", "2019"},
    // a report's date of a month or a year alone
    {"今年以来,共接诊", "2024-08", "今年以来", TimeKind::since, "2024", "2024-08"},
    {"今年以来,共接诊", "2024", "今年以来", TimeKind::since, "2024", "2024"},
    // a part of the year after 第: after a year, after 自, or from its numeral
    {"2023年第一季度,共接诊", "", "2023年第一季度", TimeKind::point, "2023-01", "2023-03"},
    {"自第一季度起,共接诊", "2024-08-09", "自第一季度起", TimeKind::since, "2024-01", "2024-08-09"},
    {"第一季度,共接诊", "2024-08-09", "一季度", TimeKind::point, "2024-01", "2024-03"},
    // 近 before a number of up to three digits, 多 or 余 and a unit
    {"近3余个月来,共接诊", "2024-08-09", "近3余个月来", TimeKind::recent, "2024-05", "2024-08-09"},
};

}  // namespace

TEST_CASE("time phrases state their periods (table)") {
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    auto phrases = find_times(c.text, c.document_date);
    REQUIRE_FALSE(phrases.empty());
    const TimePhrase& t = phrases.front();
    std::string text = c.text;
    CHECK(text.substr(t.start, t.end - t.start) == c.phrase);
    CHECK(time_kind_name(t.kind) == time_kind_name(c.kind));
    CHECK(t.since == c.since);
    CHECK(t.until == c.until);
  }
}

TEST_CASE("durations, counts, ages and codes are no time phrases") {
  for (const char* text :
       {"工作3年",      "派出专家286名", "多年来坚持", "近年来",   "3年起步",  "电话12019年",
        "培训2000人次", "第2批",         "12345678",   "县里",     "这里",     "一个人",
        "十分重要",     "两种药",        "增长12.5%",  "第一批",   "半数",     "上海",
        "前进",         "最好",          "每批1至2名", "3至5个月", "3222年度", "12345年",
        "过去的经验",   "自身",          "截至目",     "一天就",   "一周年",   "三个方面"}) {
    CAPTURE(text);
    CHECK(find_times(text, "2024-08-09").empty());
  }
}

TEST_CASE("numbers that start no date nor duration are no time phrases") {
  // a year alone; after 自 and 近, numbers of no date or duration; lengths that close no
  // duration (no 来, 以来, 里…); runs of numerals of no number (十三五, 三四级)
  for (const char* text : {"2090 普宁市", "自441名", "近4690人", "357年优秀", "一年中", "五年磨砺",
                           "一个月的", "十三五规划", "三四级手术", "半年的驻守", "891月签署"}) {
    CAPTURE(text);
    CHECK(find_times(text, "2024-08-09").empty());
  }
}

TEST_CASE("several phrases of a sentence are found in order, not overlapping") {
  std::string text = "2019年,派出10名;截至2022年底,累计派出286名,8月6日又派出5名。";
  auto phrases = find_times(text, "2024-08-09");
  REQUIRE(phrases.size() == 3);
  CHECK(phrases[0].until == "2019");
  CHECK(phrases[1].until == "2022-12");
  CHECK(phrases[2].since == "2024-08-06");
  for (size_t i = 1; i < phrases.size(); ++i) CHECK(phrases[i - 1].end <= phrases[i].start);
}

TEST_CASE("a date after 至 or 到 that ends no range of its own ends the period opened before") {
  for (const char* text :
       {"自2016年起至2023年底", "自2016年对口帮扶启动至2023年底", "从2016年开展帮扶到2023年底"}) {
    CAPTURE(text);
    auto phrases = find_times(text, "2024-03-05");
    REQUIRE(phrases.size() == 2);
    CHECK(phrases[0].since == "2016");
    CHECK(time_kind_name(phrases[1].kind) == "until");
    CHECK(phrases[1].since.empty());
    CHECK(phrases[1].until == "2023-12");
  }
  auto compared = find_times("门诊量从2021年的30万人次增长到2023年的50万人次", "2024-03-05");
  REQUIRE(compared.size() == 2);
  CHECK(time_kind_name(compared[1].kind) == "point");
}
TEST_CASE("redate_times reads the phrases found for one date as find_times would for another") {
  auto same = [](const std::vector<TimePhrase>& a, const std::vector<TimePhrase>& b) {
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      CHECK(a[i].start == b[i].start);
      CHECK(a[i].end == b[i].end);
      CHECK(a[i].kind == b[i].kind);
      CHECK(a[i].since == b[i].since);
      CHECK(a[i].until == b[i].until);
    }
  };
  for (const Case& c : kCases) {
    for (const char* other : {"", "2019", "2023-01-05"}) {
      CAPTURE(c.text);
      same(redate_times(c.text, find_times(c.text, other), c.document_date),
           find_times(c.text, c.document_date));
    }
  }
  // relative dates and lengths in one text, read first without a date
  const char* text = "8月6日抵达,今年以来、近3年、半年来、去年12月至今年3月,截至目前,12019年。";
  same(redate_times(text, find_times(text, ""), "2024-08-09"), find_times(text, "2024-08-09"));
}

TEST_CASE("an undated report's month without a year takes the year of the narrative before it") {
  // The latest date with a month stated before (2024年1月, or 2023年11月 then 5月: the next
  // year's), not a programme's start year (自1985年起); a dated report keeps its own year.
  auto narrated = find_times(
      "2024年1月起,医疗队每月派出专家。截至4月底,接诊1200人次。自2023年11月到岗以来,接诊8600人次。"
      "5月18日,两队联合义诊。",
      "");
  REQUIRE(narrated.size() == 4);
  CHECK(narrated[1].until == "2024-04");
  CHECK(narrated[3].since == "2024-05-18");
  auto forward = find_times("医疗队于2023年11月抵达。3月2日,医疗队开展义诊。", "");
  REQUIRE(forward.size() == 2);
  CHECK(forward[1].since == "2024-03-02");
  auto started = find_times("自1985年起派遣医疗队。5月18日,两队联合义诊。", "");
  REQUIRE(started.size() == 2);
  CHECK(started[1].since.empty());
  auto dated = find_times("2023年1月起,医疗队每月派出专家。5月18日,两队联合义诊。", "2024-06-01");
  REQUIRE(dated.size() == 2);
  CHECK(dated[1].since == "2024-05-18");
}

TEST_CASE("find_times notes where the words after an era stand, inside its phrases too") {
  EraEnds ends;
  std::string text = "党的十八大以来,2019年以来,“十三五”期间,以及其他时期间隔";
  find_times(text, "2024-08-09", ends);
  auto at = [&](std::string_view word, size_t from = 0) { return text.find(word, from); };
  CHECK(ends.since == std::vector<size_t>{at("以来"), at("以来", at("2019"))});
  CHECK(ends.spans == std::vector<size_t>{at("期间"), at("期间", at("期间") + 1)});
}

TEST_CASE("the units of data/times.tsv: years, months, days or weeks only before 来") {
  struct Unit {
    const char* text;
    const char* since;  // of a report dated 2024-08-09
  };
  for (auto [text, since] :
       {Unit{"三年来", "2021"}, Unit{"一年半来", "2023-02"}, Unit{"60余年来", "1964"},
        Unit{"8个月以来", "2023-12"}, Unit{"两个多月来", "2024-06"}, Unit{"两周以来", "2024-07-27"},
        Unit{"3个星期来", "2024-07-20"}, Unit{"十天来", "2024-07-31"},
        Unit{"两星期以来", "2024-07-27"}}) {
    CAPTURE(text);
    auto phrases = find_times(text, "2024-08-09");
    REQUIRE(phrases.size() == 1);
    CHECK(phrases[0].since == since);
    CHECK(phrases[0].end == std::string_view(text).size());
  }
  for (const char* none : {"三天里", "10天间", "一周年", "一天", "5天起"}) {
    CAPTURE(none);
    CHECK(find_times(none, "2024-08-09").empty());
  }
}

TEST_CASE("a run of digits starts a phrase before what a phrase holds after it, no other") {
  // (find_times passes a run before any other character without asking may_start_phrase)
  for (const char* text : {"2019 年", "2024-08-06", "2024.08.06", "2024/08/06", "2019至2021年",
                           "2019~2021年", "2019到2021年", "1-9月", "5月", "3个月来", "10余年来",
                           "10多年来", "2周以来", "3天来", "3星期来", "2019年"}) {
    CAPTURE(text);
    auto phrases = find_times(text, "2024-08-09");
    REQUIRE(phrases.size() == 1);
    CHECK(phrases[0].start == 0);
  }
  for (const char* none : {"2019号", "2019名", "30岁", "12%", "2019", "3x年"}) {
    CAPTURE(none);
    CHECK(find_times(none, "2024-08-09").empty());
  }
}

TEST_CASE("each Chinese digit's value, in a length and in a year") {
  struct Digit {
    const char* text;
    const char* since;  // of a report dated 2024-08-09
  };
  for (auto [text, since] :
       {Digit{"一年来", "2023"}, Digit{"两年来", "2022"}, Digit{"二年来", "2022"},
        Digit{"三年来", "2021"}, Digit{"四年来", "2020"}, Digit{"五年来", "2019"},
        Digit{"六年来", "2018"}, Digit{"七年来", "2017"}, Digit{"八年来", "2016"},
        Digit{"九年来", "2015"}, Digit{"二十五年来", "1999"}, Digit{"二○二○年", "2020"},
        Digit{"二零二一年", "2021"}, Digit{"二〇一九年", "2019"}}) {
    CAPTURE(text);
    auto phrases = find_times(text, "2024-08-09");
    REQUIRE(phrases.size() == 1);
    CHECK(phrases[0].since == since);
  }
}
