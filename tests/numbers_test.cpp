#include "zhreport/numbers.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

using namespace zhreport;

namespace {

struct WholeCase {
  std::string_view input;
  std::optional<double> expected;
};

// What find_numbers() saw, as "quote=value[..max] qualifier", quote from qualifier_start.
std::string describe(std::string_view text, const NumberMatch& m) {
  auto number = [](double v) {
    std::string s = std::to_string(v);
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
    return s;
  };
  std::string out(text.substr(m.qualifier_start, m.end - m.qualifier_start));
  out.append("=").append(number(m.value));
  if (m.value_max) out.append("..").append(number(*m.value_max));
  out.append(" ").append(qualifier_name(m.qualifier));
  return out;
}

std::vector<std::string> describe_all(std::string_view text) {
  std::vector<std::string> out;
  for (const NumberMatch& m : find_numbers(text)) out.push_back(describe(text, m));
  return out;
}

template <size_t N>
void check_whole(const WholeCase (&cases)[N], std::optional<double> (*parse)(std::string_view)) {
  for (const auto& c : cases) {
    CAPTURE(c.input);
    const auto got = parse(c.input);
    REQUIRE(got.has_value() == c.expected.has_value());
    if (got) CHECK(*got == doctest::Approx(*c.expected));
  }
}

struct FindCase {
  std::string_view text;
  std::vector<std::string> expected;
};

template <size_t N>
void check_found(const FindCase (&cases)[N]) {
  for (const auto& c : cases) {
    CAPTURE(c.text);
    CHECK(describe_all(c.text) == c.expected);
  }
}

}  // namespace

TEST_CASE("parse_numeral reads Arabic, Chinese, financial and mixed numerals") {
  const WholeCase cases[] = {
      {"538", 538},
      {"36,000", 36000},
      {"1,234,567", 1234567},
      {"1.5", 1.5},
      {"０３８", 38},
      {"零", 0},
      {"〇", 0},
      {"十", 10},
      {"十五", 15},
      {"二十", 20},
      {"一百零三", 103},
      {"三百二十", 320},
      {"两千零六", 2006},
      {"一千零十", 1010},
      {"四万零三百", 40300},
      {"三万四千五百零七", 34507},
      {"八亿七千万", 870000000},
      {"三千万亿", 3e15},
      {"貳佰零參", 203},
      {"肆仟柒佰陸拾", 4760},
      {"叁萬伍仟", 35000},
      {"兩萬", 20000},
      {"廿八", 28},
      {"卅", 30},
      {"六百卌二", 642},
      {"三点一四", 3.14},
      {"六點二五", 6.25},
      {"1.5万", 15000},
      {"2.8億", 280000000},
      {"一点五万", 15000},
      {"4千", 4000},
      {"7万零九十", 70090},
      {"二〇二一", 2021},
      {"五五", 55},
      {"负十二", -12},
      {"-4.5", -4.5},
      // colloquial elision
      {"三万五", 35000},
      {"两千六", 2600},
      {"一百二", 120},
      {"千三", 1300},
      {"萬八", 18000},
      // not one exact number
      {"", std::nullopt},
      {"点五", std::nullopt},
      {"三点", std::nullopt},
      {"十二十三", std::nullopt},
      {"1,2345", std::nullopt},
      {"3,4", std::nullopt},
      {"八百余", std::nullopt},
      {"几十", std::nullopt},
      {"20-30", std::nullopt},
      {"百分之五", std::nullopt},
      {"15名", std::nullopt},
      {"负", std::nullopt},
      {"1.2.3", std::nullopt},
      {"百十一", std::nullopt},  // two bare units are a word
      {"万千", std::nullopt},
      {"两个亿", std::nullopt},                 // the classifier ends the numeral
      {"123456789012345678901", std::nullopt},  // an identifier
  };
  check_whole(cases, parse_numeral);
}

TEST_CASE("find_numbers reads every numeral form with its qualifier") {
  const FindCase cases[] = {
      {"援建7所学校", {"7=7 exact"}},
      {"累计门诊36,000人次", {"36,000=36000 exact"}},
      {"分别为3,4名", {"3=3 exact", "4=4 exact"}},
      {"投资1.5万元", {"1.5万=15000 exact"}},
      {"培训3千余人", {"3千余=3000 more_than"}},
      {"捐赠10余万元", {"10余万=100000 more_than"}},
      {"撰写论文百余篇", {"百余=100 more_than"}},
      {"惠及千余户", {"千余=1000 more_than"}},
      {"服務2萬多人次", {"2萬多=20000 more_than"}},
      {"手术1500余台", {"1500余=1500 more_than"}},
      {"开展100多项", {"100多=100 more_than"}},
      {"讲座二十余场", {"二十余=20 more_than"}},
      {"举办学术活动30 余场", {"30 余=30 more_than"}},
      {"十多个科室", {"十多=10 more_than"}},
      {"受益1.2万余人次", {"1.2万余=12000 more_than"}},
      {"二十来名队员", {"二十来=20 about"}},
      {"百来人", {"百来=100 about"}},
      {"门诊量12，800人次", {"12，800=12800 exact"}},
      {"１，２００余名", {"１，２００余=1200 more_than"}},
      {"义诊三百多人", {"三百多=300 more_than"}},
      {"一百三十五名", {"一百三十五=135 exact"}},
      {"貳佰零參位", {"貳佰零參=203 exact"}},
      {"救治兩萬三千人", {"兩萬三千=23000 exact"}},
  };
  check_found(cases);
}

TEST_CASE("find_numbers reads ranges and vague counts") {
  const FindCase cases[] = {
      {"每批20-30人", {"20-30=20..30 exact"}},
      {"每批20~30人", {"20~30=20..30 exact"}},
      {"每批20—30人", {"20—30=20..30 exact"}},
      {"驻点3至5年", {"3至5=3..5 exact"}},
      {"每次3到5名", {"3到5=3..5 exact"}},
      {"资金2-3万元", {"2-3万=20000..30000 exact"}},
      {"兩到三萬元", {"兩到三萬=20000..30000 exact"}},
      {"一百二十到一百五十万元", {"一百二十到一百五十万=1200000..1500000 exact"}},
      {"从800到1万元", {"800到1万=800..10000 exact"}},
      {"约20-30人", {"约20-30=20..30 about"}},
      {"二三十名学员", {"二三十=20..30 vague"}},
      {"三四名医生", {"三四=3..4 vague"}},
      {"三五百人", {"三五百=300..500 vague"}},
      {"十几名", {"十几=11..19 vague"}},
      {"十数名", {"十数=11..19 vague"}},
      {"二十几位", {"二十几=21..29 vague"}},
      {"几十名", {"几十=20..90 vague"}},
      {"几百人", {"几百=200..900 vague"}},
      {"培养了数百名医务人员", {"数百=200..900 vague"}},
      {"数十名", {"数十=20..90 vague"}},
      {"抢救危重病人数十名",
       {"数十=20..90 vague"}},  // regression: 病人 then 数十, not 人数 then 十
      {"慰问孤寡老人数十名", {"数十=20..90 vague"}},  // a noun of persons of data/persons.tsv
      {"服务人数十万人次", {"十万=100000 exact"}},    // 人数 alone stays a word
      {"数千人次", {"数千=2000..9000 vague"}},
      {"数万人", {"数万=20000..90000 vague"}},
      {"數十萬", {"數十萬=200000..900000 vague"}},
      {"十几万元", {"十几万=110000..190000 vague"}},
      // 30 is smaller than 2023: a date, not a range
      {"2023-05-12", {"2023=2023 exact", "05=5 exact", "12=12 exact"}},
  };
  check_found(cases);
}

TEST_CASE("find_numbers keeps times, versions, dates and plan names apart") {
  const FindCase cases[] = {
      {"上午10点30分", {"10=10 exact", "30=30 exact"}},
      {"9:00开诊", {"9=9 exact", "00=0 exact"}},
      {"十点三十分", {"十=10 exact", "三十=30 exact"}},
      {"增长三点五万", {"三点五万=35000 exact"}},
      {"V1.2.3版", {}},
      {"地址10.0.0.1", {}},
      {"编号123456789012345678901234", {}},
      {"一二三四五六七八九〇一二三四五六七八九〇一二三", {}},
      {"2022-2024年", {"2022-2024=2022..2024 exact"}},
      {"十三五期间", {"十三=13 exact", "五=5 exact"}},
      {"三五成群", {"三五=3..5 vague"}},
      {"H7N9", {"7=7 exact", "9=9 exact"}},
      {"-5度", {"5=5 exact"}},
      {"1万元-5万元", {"1万=10000 exact", "5万=50000 exact"}},
  };
  check_found(cases);
}

TEST_CASE("find_numbers takes prefix qualifier words") {
  const FindCase cases[] = {
      {"共有约145人", {"约145=145 about"}},
      {"大约100名", {"大约100=100 about"}},
      {"近300名", {"近300=300 nearly"}},
      {"将近300名", {"将近300=300 nearly"}},
      {"接近5000人次", {"接近5000=5000 nearly"}},
      {"超过100项", {"超过100=100 more_than"}},
      {"逾千人", {"逾千=1000 more_than"}},
      {"上万名群众", {"上万=10000 more_than"}},
      {"不少于50名", {"不少于50=50 at_least"}},
      {"至少20家", {"至少20=20 at_least"}},
      {"不到10人", {"不到10=10 at_most"}},
      {"不足20人", {"不足20=20 at_most"}},
      {"手术量达538台次", {"达538=538 exact"}},
      {"超过100余项", {"超过100余=100 more_than"}},
      {"约 60 人", {"约 60=60 about"}},
      {"约有80人", {"约有80=80 about"}},
      {"门诊量过万", {"过万=10000 more_than"}},
      {"通过3项", {"3=3 exact"}},  // 过 qualifies only a bare unit (过万, 过千)
      // 共 and 累计 add up; they do not qualify (the facts layer reads them)
      {"共派出896名", {"896=896 exact"}},
      {"累计诊疗36,000人次", {"36,000=36000 exact"}},
      // words that end in a qualifier character are no qualifier
      {"签约3家医院", {"3=3 exact"}},
      {"最近5年", {"5=5 exact"}},
      {"表达3点", {"3=3 exact"}},
  };
  check_found(cases);
}

TEST_CASE("find_numbers reads Traditional numerals as it reads Simplified ones") {
  const FindCase cases[] = {
      {"累計診療三萬五千餘人次", {"三萬五千餘=35000 more_than"}},
      {"培訓數百名醫護人員", {"數百=200..900 vague"}},
      {"幾十位專家", {"幾十=20..90 vague"}},
      {"二十來個科室", {"二十來=20 about"}},
      {"投入壹佰貳拾萬元", {"壹佰貳拾萬=1200000 exact"}},
      {"兩億", {"兩億=200000000 exact"}},
      {"三點五萬", {"三點五萬=35000 exact"}},
  };
  check_found(cases);
}

TEST_CASE("find_numbers reports byte offsets and the written form") {
  const std::string_view text = "全省共派出12批醫療隊、近三百名专家,其中1.5万人次受益。";
  const auto found = find_numbers(text);
  REQUIRE(found.size() == 3);
  CHECK(text.substr(found[0].start, found[0].end - found[0].start) == "12");
  CHECK(found[0].start == 15);
  CHECK(found[0].form == NumberForm::arabic);
  CHECK(text.substr(found[1].qualifier_start, found[1].end - found[1].qualifier_start) == "近三百");
  CHECK(found[1].start == found[1].qualifier_start + 3);
  CHECK(found[1].value == 300);
  CHECK(found[1].qualifier == Qualifier::nearly);
  CHECK(found[1].form == NumberForm::chinese);
  CHECK(text.substr(found[2].start, found[2].end - found[2].start) == "1.5万");
  CHECK(found[2].value == 15000);
  CHECK(found[2].form == NumberForm::mixed);
  CHECK(find_numbers("1500余台")[0].form == NumberForm::arabic);
  CHECK(find_numbers("百余台")[0].form == NumberForm::chinese);
  CHECK(find_numbers("10余万元")[0].form == NumberForm::mixed);
}

TEST_CASE("find_numbers gives byte offsets in a long sentence, Simplified and Traditional") {
  struct Expected {
    std::string_view quote;  // from qualifier_start to end
    size_t qualifier_start, start, end;
  };
  const std::pair<std::string_view, std::vector<Expected>> cases[] = {
      {"两年来累计选派4批共60余名专家,开展手术约1,200台次、新技术二十项",
       {{"两", 0, 0, 3},
        {"4", 21, 21, 22},
        {"60余", 28, 28, 33},
        {"约1,200", 55, 58, 63},
        {"二十", 81, 81, 87}}},
      {"兩年來累計選派4批共60餘名專家,開展手術約1,200臺次、新技術二十項",
       {{"兩", 0, 0, 3},
        {"4", 21, 21, 22},
        {"60餘", 28, 28, 33},
        {"1,200", 58, 58, 63},  // 約 is Traditional: converted text has 约
        {"二十", 81, 81, 87}}},
  };
  for (const auto& c : cases) {
    const auto& [text, expected] = c;
    CAPTURE(c.first);
    const auto found = find_numbers(text);
    REQUIRE(found.size() == expected.size());
    for (size_t i = 0; i < found.size(); ++i) {
      const NumberMatch& m = found[i];
      CHECK(text.substr(m.qualifier_start, m.end - m.qualifier_start) == expected[i].quote);
      CHECK(m.qualifier_start == expected[i].qualifier_start);
      CHECK(m.start == expected[i].start);
      CHECK(m.end == expected[i].end);
    }
  }
}

TEST_CASE("find_numbers returns lone characters faithfully, marked as Chinese") {
  // 一 in 统一 and 万 in 万一 are candidates; the facts layer wants a classifier after them.
  const auto found = find_numbers("统一部署,万一出现");
  REQUIRE(found.size() == 3);
  CHECK(found[0].value == 1);
  CHECK(found[0].form == NumberForm::chinese);
  CHECK(found[0].end - found[0].start == 3);
  CHECK(found[1].value == 10000);  // 万一 is not 11000: a bare 万 takes no elided digit
  CHECK(found[2].value == 1);
}

TEST_CASE("find_numbers reads a blank between groups of three digits as a thousands separator") {
  const FindCase cases[] = {
      // a listing whose columns are wider than one blank (U+3000, two blanks), or running text
      {"门诊诊疗\u3000\u3000\u30009 860 人次", {"9 860=9860 exact"}},
      {"培训医务人员  2 300 人次", {"2 300=2300 exact"}},
      {"累计门诊12 480人次", {"12 480=12480 exact"}},
      {"服务群众1 250 600人次", {"1 250 600=1250600 exact"}},
      // one blank between the columns too: each number is a cell of its own
      {"县医院 9 310 800", {"9=9 exact", "310=310 exact", "800=800 exact"}},
      // not three digits in every group, or a number listed after them: no groups
      {"2023 415", {"2023=2023 exact", "415=415 exact"}},
      {"编号12 3456", {"12=12 exact", "3456=3456 exact"}},
      {"电话400 820 8820", {"400=400 exact", "820=820 exact", "8820=8820 exact"}},
      {"分别为12  345名", {"12=12 exact", "345=345 exact"}},
  };
  check_found(cases);
}

TEST_CASE("find_numbers takes no lone financial numeral (队伍, 陆续, 收拾)") {
  const FindCase cases[] = {
      {"医疗队伍陆续抵达", {}},
      {"收拾行装", {}},
      {"伍佰元", {"伍佰=500 exact"}},
      {"陆拾名", {"陆拾=60 exact"}},
  };
  check_found(cases);
}

TEST_CASE("find_numbers marks percentages and reads digit strings digit by digit") {
  CHECK(describe_all("占百分之三十") == std::vector<std::string>{"百分之三十=30 exact"});
  auto percent = find_numbers("增长30%");
  REQUIRE(percent.size() == 1);
  CHECK(percent[0].percent);
  CHECK(percent[0].value == 30);
  CHECK(find_numbers("百分之三十")[0].percent);
  CHECK(describe_all("二〇二三年") == std::vector<std::string>{"二〇二三=2023 exact"});
}

TEST_CASE("find_numbers over a line reads what the whole text reads there") {
  // Each line of these texts (a number and a prefix word at its start, a range, a date, 数
  // after a noun), read alone, gives the numbers of the whole text that start in it.
  const std::string_view texts[] = {
      "共派出12批医疗队\n约300名专家赴当地\n2023-05-12 发布",
      "门诊3千5百人次\n  超过20-30名\n抢救危重病人数十名",
      "十几名医生\n\n 百分之三十的县 \n1.5万元",
  };
  for (std::string_view text : texts) {
    CAPTURE(text);
    std::vector<NumberMatch> lines;
    for (size_t start = 0; start <= text.size();) {
      size_t end = std::min(text.find('\n', start), text.size());
      find_numbers(text, start, end, lines);
      start = end + 1;
    }
    std::vector<std::string> whole, by_line;
    for (const NumberMatch& m : find_numbers(text)) whole.push_back(describe(text, m));
    for (const NumberMatch& m : lines) by_line.push_back(describe(text, m));
    CHECK(by_line == whole);
  }
}

TEST_CASE("regression: find_numbers over a range past the text's end reads nothing beyond it") {
  // (a range ending past the text read the byte after it)
  std::vector<NumberMatch> out;
  find_numbers("派出12", 0, 40, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].value == 12);
  out.clear();
  find_numbers("派出12", 30, 40, out);
  CHECK(out.empty());
}

TEST_CASE("find_numbers over a range gives no prefix word before its start") {
  // 约 stands before the range: the number is read as it is written inside it
  std::vector<NumberMatch> out;
  find_numbers("约300名", 3, 9, out);
  REQUIRE(out.size() == 1);
  CHECK(out[0].value == 300);
  CHECK(out[0].qualifier == Qualifier::exact);
  CHECK(out[0].qualifier_start == 3);
}

TEST_CASE("parse_number_at reads the numeral at a position") {
  const std::string_view text = "派出近300名专家";
  const auto m = parse_number_at(text, 9);
  REQUIRE(m.has_value());
  CHECK(m->value == 300);
  CHECK(m->qualifier == Qualifier::nearly);
  CHECK(m->qualifier_start == 6);
  CHECK_FALSE(parse_number_at(text, 0).has_value());
  CHECK_FALSE(parse_number_at(text, 100).has_value());
}

TEST_CASE("plain_numeral tells where a number alone ends, before it is read") {
  // Where it is told, the number read at the position in the whole text ends there (or none is
  // read, the run of digits passed whole). (Read up to the text's end, not up to the end told: a
  // text cut there would end any number there.)
  const std::string_view texts[] = {
      "进一步推进,一些百姓说2023年5月12日出发",
      "一百名,一至三批,百分之三,1.5万,3万,二三十人,12 480人次,编号12345678901234567890123号",
      "零星病例,两院之间,十年来,2019-2021年,20～30名,一、二批,1,200名",
  };
  size_t told = 0;
  for (std::string_view text : texts) {
    CAPTURE(text);
    for (size_t pos = 0; pos < text.size(); ++pos) {
      size_t end = plain_numeral(text, pos).end;
      if (end == 0) continue;
      CAPTURE(pos);
      ++told;
      std::vector<NumberMatch> read;
      find_numbers(text, pos, text.size(), read);
      if (!read.empty() && read[0].start == pos) CHECK(read[0].end == end);
    }
  }
  CHECK(told == 53);  // (from every digit of a run: a run of the digits after it)
  CHECK(plain_numeral("进一步", 3).end == 6);
  CHECK(plain_numeral("2023年", 0).end == 4);
  CHECK(plain_numeral("一百名", 0).end == 0);
  CHECK(plain_numeral("一至三批", 0).end == 0);
  CHECK(plain_numeral("百分之三", 0).end == 0);
  CHECK(plain_numeral("1.5万", 0).end == 0);
  CHECK(plain_numeral("3万", 0).end == 0);
  CHECK(plain_numeral("12 480人次", 0).end == 0);
  CHECK(plain_numeral("2023 年", 0).end == 4);
  // the character after, past the blanks, and where it stands
  CHECK(plain_numeral("2023 年", 0).next == 5);
  CHECK(plain_numeral("2023 年", 0).after == U'年');
  CHECK(plain_numeral("进一步", 3).next == 6);
  CHECK(plain_numeral("进一步", 3).after == U'步');
  CHECK(plain_numeral("2000 余名", 0).end == 0);
  CHECK(plain_numeral("177 亿", 0).end == 0);
  CHECK(plain_numeral("3 至 5", 0).end == 0);
}

TEST_CASE("qualifier_word_before tells whether a number read there takes a prefix word") {
  CHECK(qualifier_word_before("约一个", 3, 0));
  CHECK(qualifier_word_before("超过 一名", 7, 0));  // a blank between
  CHECK(qualifier_word_before("上万人", 3, 0));     // 上 before a bare unit
  CHECK_FALSE(qualifier_word_before("上一个", 3, 0));
  CHECK_FALSE(qualifier_word_before("签约一个", 6, 0));  // 签约 is no 约
  CHECK_FALSE(qualifier_word_before("约一个", 3, 3));    // not before the floor
  CHECK_FALSE(qualifier_word_before("一个", 0, 0));
  // Where it tells none, the number read there has no qualifier_start before its start.
  std::string_view text = "组建一支医疗队,约一个月,超过 一名,上万人,签约一个,达一批";
  for (size_t pos = 0; pos < text.size(); ++pos) {
    auto m = parse_number_at(text, pos);
    if (!m) continue;
    CAPTURE(pos);
    CHECK(qualifier_word_before(text, pos, 0) == (m->qualifier_start < pos));
  }
}

TEST_CASE("parse_yuan reads money written out in full") {
  const WholeCase cases[] = {
      {"壹拾壹元整", 11},       {"叁佰圆正", 300},
      {"捌拾陆元伍角", 86.5},   {"柒佰零贰圆叁角肆分", 702.34},
      {"56元7角8分", 56.78},    {"二十块五毛", 20.5},
      {"两块三毛五", 2.35},     {"九元零五分", 9.05},
      {"四块六分钱", 4.06},     {"2.5万元", 25000},
      {"三百万", std::nullopt}, {"元", std::nullopt},
      {"十元多", std::nullopt},
  };
  check_whole(cases, parse_yuan);
}

TEST_CASE("find_numbers reads a run of digits before a character of no numeral as the reader") {
  // (the run is read at once: what may still follow it, a separator, a full-width digit, a
  // range, 余 or a unit, goes to the numeral reader)
  static const FindCase cases[] = {
      {"派出12名专家", {"12=12 exact"}},
      {"0012名", {"0012=12 exact"}},
      {"3，400人次", {"3，400=3400 exact"}},
      {"1，2，3名", {"1=1 exact", "2=2 exact", "3=3 exact"}},
      {"3０名", {"3０=30 exact"}},
      {"20至30名", {"20至30=20..30 exact"}},
      {"100余名", {"100余=100 more_than"}},
      {"近300名", {"近300=300 nearly"}},
      {"123456789012345名", {"123456789012345=123456789012345 exact"}},
      {"12345678901234567890123号", {}},
      {"尾号7", {"7=7 exact"}},
      // blanks after the run: read at once before a character of no numeral, as the reader ends
      // it there; before 余, 多 or 万/亿, or digits (a group), the reader reads on
      {"派出12 名专家", {"12=12 exact"}},
      {"12   名", {"12=12 exact"}},
      {"5 至 8 名", {"5 至 8=5..8 exact"}},
      {"2000 余名", {"2000 余=2000 more_than"}},
      {"177 亿元", {"177 亿=17700000000 exact"}},
      {"12  345名", {"12=12 exact", "345=345 exact"}},
      // 余 or 多 right after the run: more than, where the reader takes it
      {"30多人", {"30多=30 more_than"}},
      {"35多人", {"35=35 exact"}},
      {"5余名", {"5=5 exact"}},
      {"300余万元", {"300余万=3000000 more_than"}},
      {"300余 名", {"300余=300 more_than"}},
      // an ASCII character right after the run ends it, but a comma, a point or %
      {"COVID-19\n", {"19=19 exact"}},
      {"1+1模式", {"1=1 exact", "1=1 exact"}},
      {"36,000人", {"36,000=36000 exact"}},
      {"1.5万", {"1.5万=15000 exact"}},
      {"12 %", {"12=12 exact"}},
      {"8:30", {"8=8 exact", "30=30 exact"}},
  };
  check_found(cases);
}

TEST_CASE("find_numbers reads a Chinese digit before a character of no numeral as the reader") {
  static const FindCase cases[] = {
      {"两个", {"两=2 exact"}},
      {"派出三批", {"三=3 exact"}},
      {"二、三、", {"二=2 exact", "三=3 exact"}},
      {"二三十人", {"二三十=20..30 vague"}},
      {"二十名", {"二十=20 exact"}},
      {"两千名", {"两千=2000 exact"}},
      {"队伍。", {}},
      {"三 名", {"三=3 exact"}},
  };
  check_found(cases);
}
