// places.h: divisions, countries (names from ICU), programme abbreviations, and the traps of
// ordinary words, on phrases written for this test.
#include "zhreport/places.h"

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

namespace {

using How = zhreport::PlaceMention::How;

// "name/how" of each mention ("?马" for an unresolved 援马), joined by spaces.
std::string found(std::string_view text) {
  std::string out;
  for (const auto& m : zhreport::find_places(text)) {
    if (!out.empty()) out += ' ';
    if (m.place) {
      out += m.place->name;
    } else {
      out += "?";
      out += m.prefix;
    }
    switch (m.how) {
      case How::official:
        break;
      case How::short_name:
        out += "/short";
        break;
      case How::programme:
        out += "/programme";
        break;
      case How::programme_prefix:
        out += "/prefix";
        break;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("places: official names and short forms, longest match, in text order") {
  struct Case {
    std::string_view text, expected;
  };
  const Case cases[] = {
      {"新疆阿克苏地区和喀什地区", "新疆维吾尔自治区/short 阿克苏地区 喀什地区"},
      {"广西百色市与遵义、拉萨", "广西壮族自治区/short 百色市 遵义市/short 拉萨市/short"},
      {"医疗队从上海出发前往日喀则", "上海市/short 日喀则市/short"},
      // A province wins over a prefecture of the same short form.
      {"吉林和海南", "吉林省/short 海南省/short"},
      // Ordinary words that hold a short form.
      {"中山大学附属医院,长治久安", ""},
      {"中山市", "中山市"},
      {"阿里地区,阿里,阿里巴巴", "阿里地区 阿里地区/short"},
      {"湖南非常重视", "湖南省/short"},
      {"", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(found(c.text) == c.expected);
  }
}

TEST_CASE("places: mentions are byte spans of the text") {
  std::string_view text = "赴新疆阿克苏";
  auto mentions = zhreport::find_places(text);
  REQUIRE(mentions.size() == 2);
  CHECK(text.substr(mentions[0].start, mentions[0].end - mentions[0].start) == "新疆");
  CHECK(text.substr(mentions[1].start, mentions[1].end - mentions[1].start) == "阿克苏");
  CHECK(mentions[1].place->level == zhreport::PlaceLevel::prefecture);
  CHECK(mentions[1].place->province == "新疆维吾尔自治区");
}

TEST_CASE("places: countries take their names from ICU's Chinese locale data") {
  struct Case {
    std::string_view text, expected;
  };
  const Case cases[] = {
      {"马达加斯加、摩洛哥", "马达加斯加 摩洛哥"},
      // Longest match: one country is not read inside another.
      {"南非和南苏丹", "南非 南苏丹"},
      {"几内亚、几内亚比绍、赤道几内亚", "几内亚 几内亚比绍 赤道几内亚"},
      {"多米尼克与多米尼加", "多米尼克 多米尼加"},
      // Usual short names where ICU's differs; 中非 alone is China–Africa.
      {"中非共和国", "中非/short"},
      {"中非合作论坛", ""},
      {"刚果(布)和刚果(金)", "刚果(布) 刚果(金)"},
      {"刚果（布）", "刚果(布)/short"},
      {"美国", "美国"},
      {"巴勒斯坦", "巴勒斯坦"},
      // Words that hold a country's name.
      {"增加纳入,更加蓬勃,苏丹红", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(found(c.text) == c.expected);
  }
  const zhreport::Place* ci = zhreport::find_place("科特迪瓦");
  REQUIRE(ci);
  CHECK(ci->level == zhreport::PlaceLevel::country);
  CHECK(ci->province == "科特迪瓦");
  CHECK(ci->prefecture.empty());
  CHECK_FALSE(zhreport::find_place("中国"));
}

TEST_CASE("places: programme abbreviations") {
  struct Case {
    std::string_view text, expected;
  };
  const Case cases[] = {
      {"援疆援藏援青", "新疆维吾尔自治区/programme 西藏自治区/programme 青海省/programme"},
      {"上海援遵专家", "上海市/short 遵义市/programme"},
      {"援滇援黔", "云南省/programme 贵州省/programme"},
      // 援 before a place's name is that place.
      {"援青海医疗队", "青海省/short"},
      {"援遵义", "遵义市/short"},
      // Words of 援 that name no place, and 援 that ends another word.
      {"援外医疗队,援助,援建,援非", ""},
      {"对口支援藏区,救援马上", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(found(c.text) == c.expected);
  }
}

TEST_CASE(
    "places: 援 + a foreign place's first character resolves through the name a report gives") {
  CHECK(found("援马医疗队") == "?马/prefix");
  CHECK(found("援马医疗队抵达马达加斯加") == "马达加斯加/prefix 马达加斯加");
  CHECK(found("援摩洛哥医疗队,援摩") == "摩洛哥 摩洛哥/prefix");
  CHECK(found("援桑医疗队在桑给巴尔") == "桑给巴尔/prefix 桑给巴尔");
  // Two countries of that character: ambiguous.
  CHECK(found("援马,马里和马拉维") == "?马/prefix 马里 马拉维");
  // Across sentences: the report's mentions.
  auto report = zhreport::find_places("第22批援马达加斯加医疗队");
  CHECK(zhreport::resolve_prefix("马", report)->name == "马达加斯加");
  CHECK(zhreport::resolve_prefix("摩", report) == nullptr);
  CHECK(zhreport::resolve_prefix("", report) == nullptr);
  // Chinese places do not resolve a prefix (马鞍山市 is a giving side).
  CHECK(zhreport::resolve_prefix("马", zhreport::find_places("马鞍山")) == nullptr);
  const zhreport::Place* zanzibar = zhreport::find_place("桑给巴尔");
  REQUIRE(zanzibar);
  CHECK(zanzibar->province == "坦桑尼亚");
}

TEST_CASE("places: find_place and is_known_place take official names only") {
  REQUIRE(zhreport::find_place("阿克苏地区"));
  CHECK(zhreport::find_place("阿克苏地区")->province == "新疆维吾尔自治区");
  CHECK(zhreport::find_place("西藏自治区")->level == zhreport::PlaceLevel::province);
  CHECK(zhreport::find_place("阿克苏") == nullptr);
  CHECK(zhreport::is_known_place("全国"));
  CHECK(zhreport::is_known_place("上海市"));
  CHECK(zhreport::is_known_place("南苏丹"));
  CHECK_FALSE(zhreport::is_known_place("上海"));
  CHECK_FALSE(zhreport::is_known_place(""));
  CHECK(zhreport::place_level_name(zhreport::PlaceLevel::county) == "county");
}

TEST_CASE("places: one pass over a long text") {
  std::string text;
  for (int i = 0; i < 2000; ++i)
    text += "浙江省援疆医疗队在阿克苏地区人民医院完成手术538台次,培训医务人员200余名。";
  auto start = std::chrono::steady_clock::now();
  size_t mentions = zhreport::find_places(text).size();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(mentions == 6000);
  // ~240 KB: far below a second even on a loaded machine (a lookup per character).
  CHECK(seconds < 1.0);
}
