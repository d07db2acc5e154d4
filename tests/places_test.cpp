// places.h: divisions, countries (names from ICU), programme abbreviations, and the traps of
// ordinary words, on phrases written for this test.
#include "zhreport/places.h"

#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using How = zhreport::PlaceMention::How;

// The fields of each line of a tab-separated file, its lines beside them; comment lines
// (`#`) and empty lines left out.
struct TsvRow {
  std::string line;
  std::vector<std::string> fields;
};
std::vector<TsvRow> tsv_rows(std::istream& in) {
  std::vector<TsvRow> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    TsvRow row{line, {}};
    std::stringstream fields(line);
    for (std::string field; std::getline(fields, field, '\t');) row.fields.push_back(field);
    rows.push_back(std::move(row));
  }
  return rows;
}

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
      case How::institution:
        out += "/institution";
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
      {"走进特木里镇义诊", ""},  // a town of 布拖县, not 木里
      {"", ""},
      // Next to ASCII, at the very start and end, and 援 after ASCII: the scan past the
      // characters that start no word tests pairs and ASCII characters on their bytes.
      {"2023年,上海(医疗队)援藏,抵达拉萨", "上海市/short 西藏自治区/programme 拉萨市/short"},
      {"A,援疆:喀什", "新疆维吾尔自治区/programme 喀什地区/short"},
      {"拉萨", "拉萨市/short"},
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

TEST_CASE("places: counties, with their prefecture and province") {
  struct Case {
    std::string_view text, expected;
  };
  const Case cases[] = {
      {"泽普县人民医院", "泽普县"},
      {"在泽普、墨竹工卡和田阳区", "泽普县/short 墨竹工卡县/short 田阳区"},
      // The bare short form of a prefecture and its county or city means the prefecture.
      {"和田,和田县,和田市,和田地区", "和田地区/short 和田县 和田市 和田地区"},
      {"甘孜州甘孜县", "甘孜藏族自治州/short 甘孜县"},
      {"玉树州", "玉树藏族自治州/short"},
      {"克州、巴州和博州",
       "克孜勒苏柯尔克孜自治州/short 巴音郭楞蒙古自治州/short "
       "博尔塔拉蒙古自治州/short"},
      // Autonomous counties by their usual names.
      {"道真县和务川", "道真仡佬族苗族自治县/short 务川仡佬族苗族自治县/short"},
      // 河南县 of 黄南州, not 河南省; but 河南县级医院 and 河南县域 are 河南省's.
      {"黄南州河南县人民医院,河南县级医院,河南县域", "黄南藏族自治州/short 河南蒙古族自治县/short"},
      // Short forms that are ordinary words stand for nothing alone.
      {"城关,比如说,救治多名患者,久治不愈,共和国,同仁医院,合作", ""},
      {"健康马拉松,固定日常巡诊,安居乐业,真正安全", ""},
      {"致力于田间地头,于田", "于田县/short"},
      {"吉隆坡和吉隆", "吉隆县/short"},
      // Former names (撤县设区, 撤县设市) are the division's current name.
      {"田阳县人民医院,米林县", "田阳区/short 米林市/short"},
      // A short form that is the start of another word stands for nothing: 从江苏.
      {"从江苏来到人民和政府", "江苏省/short"},
      // A short form right after a county-level place names a town of it, not another county.
      {"越秀区沙湾社区卫生服务中心,沙湾", "越秀区 沙湾市/short"},
      // So does one a character or two after it that 乡 or 镇 ends: a township of that county
      // (乌什县英阿瓦提乡 is not in 阿瓦提县).
      {"乌什县英阿瓦提乡,阿瓦提乡", "乌什县 阿瓦提县/short"},
      // Counties of 赣州市 that its reports name by two characters (在兴国,…), not inside 振兴国家.
      {"在兴国,宁都和于都;乡村振兴国家重点帮扶县", "兴国县/short 宁都县/short 于都县/short"},
      {"实施科教兴国战略,学习新兴国家经验", ""},
      // 怒江 the river, in the names of its gorge and of a road's bends: no prefecture of 云南.
      {"地处怒江峡谷,翻越怒江72拐和怒江七十二拐;怒江州", "怒江傈僳族自治州/short"},
      // A city's short form before 城区 (its urban area) stays the city: not 九 + 江城区.
      {"九江城区医院,阳江市江城区", "九江市/short 阳江市 江城区"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(found(c.text) == c.expected);
  }
  const zhreport::Place* zepu = zhreport::find_place("泽普县");
  REQUIRE(zepu);
  CHECK(zepu->level == zhreport::PlaceLevel::county);
  CHECK(zepu->prefecture == "喀什地区");
  CHECK(zepu->province == "新疆维吾尔自治区");
  const zhreport::Place* aral = zhreport::find_place("阿拉尔市");  // a 兵团 city
  REQUIRE(aral);
  CHECK(aral->level == zhreport::PlaceLevel::county);
  CHECK(aral->prefecture.empty());
  CHECK(aral->province == "新疆维吾尔自治区");
  CHECK(zhreport::find_place("乃东区")->prefecture == "山南市");
  CHECK(zhreport::find_place("天祝藏族自治县")->province == "甘肃省");
}

TEST_CASE("places: each name is one copy, which places' prefectures and provinces view too") {
  // (the resolver compares names by pointer: context_resolver.h's same_name)
  const zhreport::Place* county = zhreport::find_place("乌什县");
  const zhreport::Place* prefecture = zhreport::find_place("阿克苏地区");
  const zhreport::Place* province = zhreport::find_place("新疆维吾尔自治区");
  REQUIRE((county && prefecture && province));
  CHECK(county->prefecture.data() == prefecture->name.data());
  CHECK(county->province.data() == province->name.data());
  CHECK(prefecture->province.data() == province->name.data());
  CHECK(province->province.data() == province->name.data());
  // a name several divisions share: both its places view the first's
  const zhreport::Place* hangzhou = zhreport::find_place("西湖区", "浙江省");
  const zhreport::Place* nanchang = zhreport::find_place("西湖区", "江西省");
  REQUIRE((hangzhou && nanchang && hangzhou != nanchang));
  CHECK(hangzhou->name.data() == nanchang->name.data());
  CHECK(nanchang->prefecture.data() == zhreport::find_place("南昌市")->name.data());
}

// A division of the 兵团 (第一师…第十四师) is named for the city that is its seat (师市合一):
// the reports of the genre write 第三师, 三师医院, 十四师分队 where they mean 图木舒克市, 昆玉市.
TEST_CASE("places: a 兵团 division stands for the city of its seat") {
  struct Case {
    std::string_view text, expected;
  };
  const Case cases[] = {
      {"对口支援兵团第一师和第十四师", "阿拉尔市/short 昆玉市/short"},
      {"新疆生产建设兵团第八师", "新疆维吾尔自治区/short 石河子市/short"},
      {"医生在三师医院坐诊,十三师分队", "图木舒克市/short 新星市/short"},
      {"第五师双河市,第十师北屯", "双河市/short 双河市 北屯市/short 北屯市/short"},
      // Two divisions have no city of their own: no other division inside their names.
      {"兵团第十一师和第十二师", ""},
      // Colleges named by their rank (第一师范学院) are no division.
      {"湖南第一师范学院和广东第二师范学院", "湖南省/short 广东省/short"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(found(c.text) == c.expected);
  }
}

// Every county-level division of China (data/places.cmake: data/places.tsv merged with the
// npm package @vant/area-data by tools/places_gen), not only those of the aid regions.
TEST_CASE("places: the counties of every province, from the package's codes") {
  struct Case {
    std::string_view text, expected;
  };
  const Case cases[] = {
      {"河北省阜平县医院与江西省兴国县", "河北省 阜平县 江西省 兴国县"},
      {"东西部协作:佛山市顺德区帮扶凉山州", "佛山市 顺德区 凉山彝族自治州/short"},
      {"湖南省花垣县、湖北省神农架林区、贵州省六枝特区",
       "湖南省 花垣县 湖北省 神农架林区 贵州省 六枝特区"},
      {"内蒙古科尔沁右翼中旗和鄂伦春自治旗", "内蒙古自治区/short 科尔沁右翼中旗 鄂伦春自治旗"},
      // 2024's new counties of 和田地区, and a county-level city under its province directly.
      {"和安县、和康县,仙桃市", "和安县 和康县 仙桃市"},
      // Names several divisions share stand for the one of the prefecture just before them.
      {"石家庄市桥西区、长春市朝阳区", "石家庄市 桥西区 长春市 朝阳区"},
      {"南京江北新区,苏州工业园区", "南京市/short 苏州市/short"},
      // Two-character names are inside ordinary words too often (提高县级, 建成县域, 省市和县):
      // a generated one stands for its county only right after its prefecture or province;
      // curated ones (嵩县) match alone.
      {"提高县级医院能力,建成县域医共体,老城区,省市和县三级", ""},
      {"甘肃省陇南市礼县、甘肃岷县,青岛帮扶礼县",
       "甘肃省 陇南市 礼县 甘肃省/short 岷县 青岛市/short"},
      {"安徽和县与山西省临县", "安徽省/short 和县 山西省 临县"},
      {"陇南市高县", "陇南市"},  // 高县 is 宜宾市's
      // 区域 is a region: 天津市's 河北区 and 乌海市's 海南区 are not read inside it.
      {"河北区域医疗中心,海南区域,天津市河北区", "河北省/short 海南省/short 天津市 河北区"},
      {"嵩县人民医院,岷县中医院", "嵩县 岷县"},
      // Generated rows' short forms: three characters or more, else only the full name.
      {"满洲里和扎兰屯", "满洲里市/short 扎兰屯市/short"},
      {"优质医疗资源下沉,覆盖全州,资源县人民医院", "资源县"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(found(c.text) == c.expected);
  }
  // Found alone, such a name is handed to the caller, who knows whether the report names its
  // prefecture elsewhere; not inside a word that ends with it (莅临县: data/nonplaces.tsv).
  std::vector<zhreport::PlaceMention> alone;
  CHECK(zhreport::find_places("专家在礼县坐诊,陇南市礼县", &alone).size() == 2);
  REQUIRE(alone.size() == 1);
  CHECK(alone[0].place->name == "礼县");
  CHECK(alone[0].start == std::string_view("专家在").size());
  alone.clear();
  zhreport::find_places("领导莅临县人民医院调研,亲临县医院", &alone);
  CHECK(alone.empty());
  // A name several divisions share comes with the first of them: the caller picks by the report.
  zhreport::find_places("和平区人民医院", &alone);
  REQUIRE(alone.size() == 1);
  CHECK(alone[0].place->name == "和平区");
  struct Division {
    std::string_view name, prefecture, province;
    zhreport::PlaceLevel level;
  };
  const Division divisions[] = {
      {"阜平县", "保定市", "河北省", zhreport::PlaceLevel::county},
      {"兴国县", "赣州市", "江西省", zhreport::PlaceLevel::county},
      {"顺德区", "佛山市", "广东省", zhreport::PlaceLevel::county},
      {"花垣县", "湘西土家族苗族自治州", "湖南省", zhreport::PlaceLevel::county},
      {"科尔沁右翼中旗", "兴安盟", "内蒙古自治区", zhreport::PlaceLevel::county},
      {"仙桃市", "", "湖北省", zhreport::PlaceLevel::county},  // 省直辖
      {"和安县", "和田地区", "新疆维吾尔自治区", zhreport::PlaceLevel::county},
      {"礼县", "陇南市", "甘肃省", zhreport::PlaceLevel::county},
      {"海淀区", "", "北京市", zhreport::PlaceLevel::county},
      {"城口县", "", "重庆市", zhreport::PlaceLevel::county},
      // A curated row wins over the package's.
      {"城关区", "拉萨市", "西藏自治区", zhreport::PlaceLevel::county},
  };
  for (const Division& d : divisions) {
    CAPTURE(d.name);
    const zhreport::Place* p = zhreport::find_place(d.name);
    REQUIRE(p);
    CHECK(p->prefecture == d.prefecture);
    CHECK(p->province == d.province);
    CHECK(p->level == d.level);
  }
  // Taiwan's, Hong Kong's and Macao's rows of the package are not divisions of the table; nor
  // are development zones.
  CHECK_FALSE(zhreport::find_place("中正区"));
  CHECK_FALSE(zhreport::find_place("石家庄高新技术产业开发区"));
}

// 西湖区 is 杭州市's and 南昌市's, 鼓楼区 南京市's and 徐州市's (both in 江苏省) and 福州市's: a
// name several divisions share stands for the one whose prefecture or province is named right
// before it, and for none alone.
TEST_CASE("places: a name several divisions share, after its prefecture or province") {
  struct Case {
    std::string_view text, expected, prefecture, province;  // of the shared name's mention
  };
  const Case cases[] = {
      {"杭州市西湖区中医院", "杭州市 西湖区", "杭州市", "浙江省"},
      {"南昌市西湖区人民医院", "南昌市 西湖区", "南昌市", "江西省"},
      {"浙江省杭州市西湖区", "浙江省 杭州市 西湖区", "杭州市", "浙江省"},
      {"浙江杭州西湖区", "浙江省/short 杭州市/short 西湖区", "杭州市", "浙江省"},
      {"江西南昌西湖区", "江西省/short 南昌市/short 西湖区", "南昌市", "江西省"},
      // Its province alone, when it has one division of the name.
      {"浙江省西湖区", "浙江省 西湖区", "杭州市", "浙江省"},
      {"福州市鼓楼区、徐州市鼓楼区", "福州市 鼓楼区 徐州市 鼓楼区", "徐州市", "江苏省"},
      {"西安市长安区", "西安市 长安区", "西安市", "陕西省"},
      {"大连市中山区", "大连市 中山区", "大连市", "辽宁省"},
      // Alone, after another prefecture, or after a province with two of them: none.
      {"西湖区中医院派出专家", "", "", ""},
      {"杭州市的西湖区", "杭州市", "", ""},
      {"郑州市西湖区", "郑州市", "", ""},
      {"江苏省鼓楼区", "江苏省", "", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(found(c.text) == c.expected);
    if (c.prefecture.empty()) continue;
    const auto mentions = zhreport::find_places(c.text);
    REQUIRE(!mentions.empty());
    const zhreport::Place* shared = mentions.back().place;
    REQUIRE(shared);
    CHECK(shared->prefecture == c.prefecture);
    CHECK(shared->province == c.province);
  }
}

TEST_CASE("places: find_place by name, and by name and province") {
  // By name alone: the first division of the name (a fact's side read back from a file written
  // before its province was).
  REQUIRE(zhreport::find_place("西湖区"));
  CHECK(zhreport::find_place("西湖区")->level == zhreport::PlaceLevel::county);
  struct Case {
    std::string_view name, province, prefecture;  // prefecture "-": no such place
  };
  const Case cases[] = {
      {"西湖区", "浙江省", "杭州市"}, {"西湖区", "江西省", "南昌市"},
      {"长安区", "陕西省", "西安市"}, {"长安区", "河北省", "石家庄市"},
      {"西湖区", "河南省", "-"},      {"泽普县", "新疆维吾尔自治区", "喀什地区"},
      {"泽普县", "西藏自治区", "-"},  {"上海市", "上海市", ""},
      {"摩洛哥", "摩洛哥", ""},       {"没有的地方", "浙江省", "-"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CAPTURE(c.province);
    const zhreport::Place* p = zhreport::find_place(c.name, c.province);
    if (c.prefecture == "-") {
      CHECK_FALSE(p);
      continue;
    }
    REQUIRE(p);
    CHECK(p->name == c.name);
    CHECK(p->province == c.province);
    CHECK(p->prefecture == c.prefecture);
  }
  // No province given: the name alone decides.
  CHECK(zhreport::find_place("泽普县", "") == zhreport::find_place("泽普县"));
}

TEST_CASE("places: find_county_in, the county of a name inside a prefecture or province") {
  struct Case {
    std::string_view name, parent, prefecture;  // prefecture "-": none
  };
  const Case cases[] = {
      {"礼县", "陇南市", "陇南市"},   {"礼县", "甘肃省", "陇南市"},
      {"礼县", "吕梁市", "-"},        {"西湖区", "杭州市", "杭州市"},
      {"西湖区", "南昌市", "南昌市"}, {"西湖区", "浙江省", "杭州市"},
      {"鼓楼区", "徐州市", "徐州市"}, {"鼓楼区", "南京市", "南京市"},
      {"鼓楼区", "江苏省", "-"},      {"西湖区", "郑州市", "-"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    CAPTURE(c.parent);
    const zhreport::Place* parent = zhreport::find_place(c.parent);
    REQUIRE(parent);
    const zhreport::Place* p = zhreport::find_county_in(c.name, *parent);
    if (c.prefecture == "-") {
      CHECK_FALSE(p);
      continue;
    }
    REQUIRE(p);
    CHECK(p->name == c.name);
    CHECK(p->prefecture == c.prefecture);
  }
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
      {"刚果(布)和刚果(金)", "刚果（布）/short 刚果（金）/short"},
      {"刚果（布）", "刚果（布）"},
      {"美国", "美国"},
      {"印尼和沙特阿拉伯", "印度尼西亚/short 沙特/short"},
      {"精英国际", ""},
      {"巴勒斯坦", "巴勒斯坦"},
      // Words that hold a country's name.
      {"增加纳入,更加蓬勃,苏丹红,俄罗斯族,印度洋畔,几内亚湾畔", ""},
      {"赤峰市巴林右旗", "赤峰市 巴林右旗"},
      {"斯威士兰(埃斯瓦蒂尼)", "斯威士兰 斯威士兰/short"},
      // Taiwan's names (ICU's zh_Hant_TW, in Simplified characters), as a Traditional report
      // from Taiwan reads after t2s; not where they are an ethnic group or a mountain.
      {"坦尚尼亚、尚比亚与辛巴威", "坦桑尼亚/short 赞比亚/short 津巴布韦/short"},
      {"哈萨克族、塔吉克族群众", ""},
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
  CHECK_FALSE(ci->plain_name);
  CHECK_FALSE(zhreport::find_place("中国"));
  // 中非 alone is China–Africa (data/programmes.tsv): the tables mark the country so, once.
  const zhreport::Place* cf = zhreport::find_place("中非");
  REQUIRE(cf);
  CHECK(cf->plain_name);
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
      // regression: 后, 求 and 应 end words with 援 (后援, 求援, 应援) but also come before a
      // programme.
      {"先后援疆,要求援藏,响应援青",
       "新疆维吾尔自治区/programme 西藏自治区/programme 青海省/programme"},
      {"援南疆,上海援喀,援果",
       "新疆维吾尔自治区/programme 上海市/short 喀什地区/programme "
       "果洛藏族自治州/programme"},
      {"援老区,援基层", ""},
      {"援巴新医疗队", "巴布亚新几内亚/short"},
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
  CHECK(found("援意医疗队抵达意大利") == "意大利/prefix 意大利");
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

TEST_CASE("places: a hospital of data/institutions.tsv stands for its city") {
  CHECK(found("湘雅二院专家到拉萨") == "长沙市/institution 拉萨市/short");
  // The longest name wins over the province or city that opens it.
  CHECK(found("浙大二院派出医生") == "杭州市/institution");
  CHECK(found("北京大学深圳医院的医生") == "深圳市/institution");
  CHECK(found("南充华西医院和华西医院") == "南充市/short 成都市/institution");
  // not 中山市: 中山一院 is 广州's
  CHECK(found("中山一院与中山市人民医院") == "广州市/institution 中山市");
  // not 井冈山市: a university's hospital in 吉安市 named after the mountain
  CHECK(found("井冈山大学附属医院专家到遂川县") == "吉安市/institution 遂川县");
  // A name several hospitals share: whose, the places of the text say (湖北 → 武汉's).
  CHECK(found("协和医院专家赴博州") == "?协和医院/institution 博尔塔拉蒙古自治州/short");
  CHECK(found("湖北的协和医院专家") == "湖北省/short 武汉市/institution");
  CHECK(found("福建省的协和医院") == "福建省 福州市/institution");
  // Right after a place: that place's own hospital (锦江区's 仁济医院, not 上海's).
  CHECK(found("成都锦江仁济医院") == "成都市/short");  // 锦江: several districts
  auto report = zhreport::find_places("湖北省对口支援博州,北京专家");
  CHECK(zhreport::resolve_institution("协和医院", report) == nullptr);  // two of its provinces
  report = zhreport::find_places("湖北省对口支援博州");
  CHECK(zhreport::resolve_institution("协和医院", report)->name == "武汉市");
  CHECK(zhreport::resolve_institution("华西医院", report) == nullptr);  // not a shared name
  // A hospital's name is no name of its city.
  CHECK(zhreport::lookup_place("华西医院") == nullptr);
}

TEST_CASE("places: lookup_place takes any name of the tables, whole") {
  struct Case {
    std::string_view name, official;
  };
  const Case cases[] = {
      {"镇沅县", "镇沅彝族哈尼族拉祜族自治县"},
      // Generated: an autonomous county by its first two characters and 县.
      {"孟连县", "孟连傣族拉祜族佤族自治县"},
      {"前郭县", "前郭尔罗斯蒙古族自治县"},
      // and by those two characters and 自治县, the peoples left out.
      {"孟连自治县", "孟连傣族拉祜族佤族自治县"},
      {"紫云自治县", "紫云苗族布依族自治县"},
      {"黔西县", "黔西市"},
      {"阿克苏", "阿克苏地区"},
      {"和田", "和田地区"},
      {"刚果布", "刚果（布）"},
      {"刚果(布)", "刚果（布）"},
      {"上海市", "上海市"},
      {"援疆", ""},        // a programme, not a name
      {"阿克苏市区", ""},  // not the whole name
      {"城关", ""},        // too ambiguous alone
      {"", ""},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const zhreport::Place* p = zhreport::lookup_place(c.name);
    CHECK((p ? p->name : std::string_view()) == c.official);
  }
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

// Checks a places table as tsv_rows reads it: sorted by name, province and prefecture, each
// row once, a name of several rows marked `after` on each, each row a place of the compiled
// table, each county's prefecture a prefecture of its province. Returns rows by level.
std::map<std::string, int> check_places_table(std::istream& in) {
  std::map<std::string, int> levels;
  std::vector<std::string> previous;
  bool previous_after = false;
  for (const auto& row : tsv_rows(in)) {
    const auto& [line, f] = row;
    CAPTURE(row.line);  // not the binding: clang 14 cannot capture one
    REQUIRE(f.size() >= 4);
    std::vector<std::string> key = {f[0], f[1], f.size() > 4 ? f[4] : ""};
    bool after = f.size() > 5 && f[5] == "after";
    CHECK(previous < key);  // sorted, each row once
    if (!previous.empty() && previous[0] == f[0]) CHECK((after && previous_after));
    previous = key;
    previous_after = after;
    const zhreport::Place* p = zhreport::find_place(f[0], f[1]);
    REQUIRE(p);
    ++levels[std::string(zhreport::place_level_name(p->level))];
    if (p->level == zhreport::PlaceLevel::county && !p->prefecture.empty()) {
      const zhreport::Place* prefecture = zhreport::find_place(p->prefecture);
      REQUIRE(prefecture);
      CHECK(prefecture->level == zhreport::PlaceLevel::prefecture);
      CHECK(prefecture->province == p->province);
    }
  }
  return levels;
}

TEST_CASE("places: the tables are consistent") {
  std::ifstream in(ZHREPORT_SOURCE_DIR "/data/places.tsv");
  REQUIRE(in);
  std::map<std::string, int> levels = check_places_table(in);
  CHECK(levels["province"] == 34);
  CHECK(levels["county"] >= 300);
  // Every row's province is a province or a country; a curated county row has five columns.
  std::ifstream again(ZHREPORT_SOURCE_DIR "/data/places.tsv");
  for (const auto& row : tsv_rows(again)) {
    const auto& [line, f] = row;
    CAPTURE(row.line);
    const zhreport::Place* p = zhreport::find_place(f[0]);
    REQUIRE(p);
    const zhreport::Place* province = zhreport::find_place(p->province);
    REQUIRE(province);
    CHECK((province->level == zhreport::PlaceLevel::province ||
           province->level == zhreport::PlaceLevel::country));
    if (p->level == zhreport::PlaceLevel::county) CHECK(f.size() == 5);
  }
  // Every programme names a place of the tables.
  std::ifstream programmes(ZHREPORT_SOURCE_DIR "/data/programmes.tsv");
  REQUIRE(programmes);
  for (std::string line; std::getline(programmes, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::string target = line.substr(line.find('\t') + 1);
    CAPTURE(line);
    CHECK((target == "-" || zhreport::is_known_place(target)));
  }
}

// The table compiled in: data/places.tsv merged with the package's counties (tools/places_gen).
// data/institutions.tsv: sorted by name and province, each row's city a city of the tables, each
// province of a shared name a province; a name is either one hospital's or shared.
TEST_CASE("places: the table of institutions is consistent") {
  std::ifstream in(ZHREPORT_SOURCE_DIR "/data/institutions.tsv");
  REQUIRE(in);
  std::map<std::string, std::string> kind;  // name → "-" or "shared"
  std::string previous;
  size_t rows = 0;
  for (const auto& row : tsv_rows(in)) {
    const auto& [line, f] = row;
    CAPTURE(row.line);  // not the binding: clang 14 cannot capture one
    REQUIRE(f.size() >= 3);
    std::string key = f[0] + '\t' + f[2];
    CHECK(previous < key);
    previous = key;
    const zhreport::Place* city = zhreport::find_place(f[1]);
    REQUIRE(city);
    CHECK(city->level != zhreport::PlaceLevel::county);
    if (f[2] != "-") {
      const zhreport::Place* province = zhreport::find_place(f[2]);
      REQUIRE(province);
      CHECK(province->level == zhreport::PlaceLevel::province);
      CHECK(city->province == f[2]);
    }
    std::string k = f[2] == "-" ? "-" : "shared";
    CHECK(kind.emplace(f[0], k).first->second == k);
    ++rows;
  }
  CHECK(rows >= 100);
}

TEST_CASE("places: the generated table is consistent, and every row of it is a place") {
  std::ifstream in(ZHREPORT_BIN_DIR "/../generated/places.tsv");
  REQUIRE(in);
  std::string line;
  REQUIRE(std::getline(in, line));
  CHECK(line.starts_with("# generated by tools/places_gen"));
  std::map<std::string, int> levels = check_places_table(in);
  // China has some 2,850 county-level divisions; the few left out are those whose name a
  // curated row or data/nonplaces.tsv has (城关区 is 拉萨市's).
  CHECK(levels["county"] >= 2750);
  CHECK(levels["province"] == 34);
}

// (the scan passes two characters a round and a run of ASCII ones at once, also right after a
// character it passed before them, and tests a round's second character on whatever byte
// follows it: a name at any offset, after or before ASCII characters, characters of two or four
// bytes and at the end, must still be tested where it starts; 援 too)
TEST_CASE("places: a name is found wherever it stands, by ASCII characters too") {
  for (std::string_view before : {"", "a", "12", "共13名", "2023年", "医疗队到", "了,", "为12,",
                                  "在 ", "说:", "一", "一二", "é", "😀", "医·"}) {
    for (std::string_view after : {"", "1", "2人", "医院。", ",", "了,", "é", "😀", "·"}) {
      for (std::string_view name : {"泽普县", "援疆"}) {
        std::string text = std::string(before) + std::string(name) + std::string(after);
        CAPTURE(text);
        auto found = zhreport::find_places(text);
        REQUIRE(found.size() == 1);
        CHECK(found[0].place->province == "新疆维吾尔自治区");
        CHECK(found[0].start == before.size());
        CHECK(found[0].end == before.size() + name.size());
      }
    }
  }
}

TEST_CASE("places: any cut of a text is safe to scan (spans stay inside it)") {
  const std::string text = "援马医疗队在马达加斯加,援疆专家到泽普县";
  for (size_t start = 0; start < text.size(); ++start) {
    for (size_t end = start; end <= text.size(); end += 1) {
      std::string_view cut = std::string_view(text).substr(start, end - start);
      for (const auto& m : zhreport::find_places(cut)) {
        CHECK(m.start < m.end);
        CHECK(m.end <= cut.size());
      }
    }
  }
}

// The gold files name places by the report's words (镇沅县 for 镇沅彝族哈尼族拉祜族自治县, the
// former 黔西县): each must be a name of the tables. Some evaluation reports were written with
// places that do not exist.
TEST_CASE("places: every to and from of the gold files is a name of the tables") {
  const std::set<std::string> kInvented = {"平川县", "西岭县", "浦江区"};
  std::vector<std::filesystem::path> dirs = {
      std::filesystem::path(ZHREPORT_SHARED_DIR) / "corpus",
      std::filesystem::path(ZHREPORT_SOURCE_DIR) / "data" / "samples"};
  for (const auto& set : std::filesystem::directory_iterator(
           std::filesystem::path(ZHREPORT_SOURCE_DIR) / "data" / "eval")) {
    if (set.is_directory()) dirs.push_back(set.path());
  }
  size_t checked = 0;
  for (const auto& dir : dirs) {
    if (!std::filesystem::is_directory(dir)) {
      MESSAGE("skipped: " << dir.string() << " is absent");
      continue;
    }
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
      if (!entry.path().string().ends_with(".gold.tsv")) continue;
      std::ifstream in(entry.path());
      const std::vector<TsvRow> rows = tsv_rows(in);
      if (rows.empty()) continue;
      std::vector<size_t> columns;  // of `to` and `from`, from the header
      for (size_t i = 0; i < rows[0].fields.size(); ++i) {
        if (rows[0].fields[i] == "to" || rows[0].fields[i] == "from") columns.push_back(i);
      }
      for (size_t r = 1; r < rows.size(); ++r) {
        const std::vector<std::string>& f = rows[r].fields;
        for (size_t i : columns) {
          if (i >= f.size() || f[i].empty() || kInvented.count(f[i])) {
            continue;
          }
          // (a joint team's two givers, 湖南省、安徽省: each is checked)
          constexpr std::string_view kAnd = "、";
          for (std::string_view rest = f[i];;) {
            size_t cut = rest.find(kAnd);
            std::string_view place = rest.substr(0, cut);
            CAPTURE(entry.path().string());
            CAPTURE(place);
            CHECK((place == "全国" || zhreport::lookup_place(place)));
            ++checked;
            if (cut == rest.npos) break;
            rest.remove_prefix(cut + kAnd.size());
          }
        }
      }
    }
  }
  MESSAGE(checked << " places checked");
}
