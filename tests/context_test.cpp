// The context of a fact (to, from, since, until; ../shared/spec/facts.md "The context of a
// fact"): one row per rule of the clause model or row of the data tables it comes from, each a
// short report of our own (title, date line, body), checked in both scripts.
#include <doctest/doctest.h>

#include <fstream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "context_words.h"
#include "zhreport/convert.h"
#include "zhreport/document.h"
#include "zhreport/facts.h"

namespace {

struct Expected {
  double value;
  std::string_view to, from, since, until;
};

struct Case {
  std::string_view rule;
  std::string_view simplified, traditional;
  std::vector<Expected> facts;
};

void check(const Case& c) {
  INFO(c.rule);
  const zhreport::Converter& t2s = zhreport::Converter::get(zhreport::Config::t2s);
  for (const std::string& text : {std::string(c.simplified), t2s.convert(c.traditional)}) {
    INFO(text);
    zhreport::Document document = zhreport::analyze_document(text);
    std::vector<zhreport::Fact> facts = zhreport::find_facts(text, document);
    REQUIRE(facts.size() == c.facts.size());
    for (size_t i = 0; i < facts.size(); ++i) {
      const zhreport::Fact& f = facts[i];
      INFO("fact " << i << ": " << f.quote);
      CHECK(f.value == c.facts[i].value);
      CHECK(f.to == c.facts[i].to);
      CHECK(f.from == c.facts[i].from);
      CHECK(f.since == c.facts[i].since);
      CHECK(f.until == c.facts[i].until);
    }
  }
}

}  // namespace

TEST_CASE("context: a foreign-aid team's name gives both sides") {
  const std::vector<Case> cases = {
      {"an ordinal between the province and 援: 江西省第七批援多哥医疗队",
       "江西省第七批援多哥医疗队凯旋\n2021-03-02\n江西省第七批援多哥医疗队圆满完成任务。"
       "医疗队在洛美共接诊患者3000人次。",
       "江西省第七批援多哥醫療隊凱旋\n2021-03-02\n江西省第七批援多哥醫療隊圓滿完成任務。"
       "醫療隊在洛美共接診患者3000人次。",
       {{3000, "多哥", "江西省", "", "2021-03-02"}}},
      {"由 + a sending verb: the sender (组派 is a row of data/frames.tsv)",
       "第九批援贝宁医疗队\n2020-05-06\n第九批援贝宁医疗队由宁夏回族自治区卫生健康委组派,"
       "15名队员来自区内6家医院。",
       "第九批援貝寧醫療隊\n2020-05-06\n第九批援貝寧醫療隊由寧夏回族自治區衛生健康委組派,"
       "15名隊員來自區內6家醫院。",
       {{15, "贝宁", "宁夏回族自治区", "", "2020-05-06"},
        {6, "贝宁", "宁夏回族自治区", "", "2020-05-06"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: the giving side of the report, named more or less specifically") {
  const std::vector<Case> cases = {
      {"the subject of a verb of aid whose object is another place gives",
       "医疗人才下沉芒康\n2022-06-01\n今年起,昌都市人民医院对口帮扶芒康县人民医院,"
       "先后派出专家12名。",
       "醫療人才下沉芒康\n2022-06-01\n今年起,昌都市人民醫院對口幫扶芒康縣人民醫院,"
       "先後派出專家12名。",
       {{12, "芒康县", "昌都市", "2022", "2022-06-01"}}},
      {"a city of the sending province where trainees study is still the province's side",
       "福建援宁工作\n2021-09-09\n福建省援宁医疗队在固原市工作。医疗队选派当地6名骨干赴福州进修,"
       "开展讲座20场。",
       "福建援寧工作\n2021-09-09\n福建省援寧醫療隊在固原市工作。醫療隊選派當地6名骨幹赴福州進修,"
       "開展講座20場。",
       {{6, "固原市", "福建省", "", "2021-09-09"}, {20, "固原市", "福建省", "", "2021-09-09"}}},
      {"a place right before its team's persons (杭州专家) where another receives gives",
       "杭州专家在芒康:这一年\n2023-11-07\n一年来,我院先后派出专家12名,接诊患者3000人次。"
       "“杭州专家来了以后,老百姓看病方便了。”",
       "杭州專家在芒康:這一年\n2023-11-07\n一年來,我院先後派出專家12名,接診患者3000人次。"
       "“杭州專家來了以後,老百姓看病方便了。”",
       {{12, "芒康县", "杭州市", "2022", "2023-11-07"},
        {3000, "芒康县", "杭州市", "2022", "2023-11-07"}}},
      {"由 + a place + a verb of aid (由常州市第一人民医院牵头帮扶): that place gives",
       "江苏组团式援疆\n2022-05-17\n自2017年以来,江苏省对口支援阿图什市人民医院和乌恰县人民医院。"
       "乌恰县人民医院由常州市第一人民医院牵头帮扶。专家在乌恰累计完成手术800台。",
       "江蘇組團式援疆\n2022-05-17\n自2017年以來,江蘇省對口支援阿圖什市人民醫院和烏恰縣人民醫院。"
       "烏恰縣人民醫院由常州市第一人民醫院牽頭幫扶。專家在烏恰累計完成手術800臺。",
       {{800, "乌恰县", "常州市", "2017", "2022-05-17"}}},
      {"a district of the report sends; the sentence names its city",
       "津甘协作\n2022-09-15\n天津市北辰区对口帮扶玛曲县。据统计,天津帮扶专家在玛曲诊疗患者"
       "1000人次。",
       "津甘協作\n2022-09-15\n天津市北辰區對口幫扶瑪曲縣。據統計,天津幫扶專家在瑪曲診療患者"
       "1000人次。",
       {{1000, "玛曲县", "北辰区", "", "2022-09-15"}}},
      {"the reporter's dateline (记者 … 西安报道) is no side",
       "陕西援藏\n2023-07-14\n(记者 王明 "
       "西安报道)2015年以来,陕西省先后选派医疗人才90名赴阿里地区。",
       "陝西援藏\n2023-07-14\n(記者 王明 "
       "西安報道)2015年以來,陝西省先後選派醫療人才90名赴阿里地區。",
       {{90, "阿里地区", "陕西省", "2015", "2023-07-14"}}},
      {"从…出发 (a pattern of data/frames.tsv): where the team sets out from gives",
       "医疗队出征\n2022-06-15\n6月14日,我院第三批医疗队一行9人从西宁出发,前往玉树州开展帮扶工作。",
       "醫療隊出征\n2022-06-15\n6月14日,我院第三批醫療隊一行9人從西寧出發,前往玉樹州開展幫扶工作。",
       {{9, "玉树藏族自治州", "西宁市", "2022-06-14", "2022-06-14"}}},
      {"回到 (a row of data/frames.tsv): the team's home is the giving side, not a receiving one",
       "四川省第九批援佛得角医疗队\n2020-03-02\n医疗队共接诊患者5000人次,圆满完成任务回到成都。",
       "四川省第九批援佛得角醫療隊\n2020-03-02\n醫療隊共接診患者5000人次,圓滿完成任務回到成都。",
       {{5000, "佛得角", "四川省", "", "2020-03-02"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: the title's giver is the report's subject") {
  const std::vector<Case> cases = {
      {"a province in the title (山东医疗援青) gives the report's counts over a city of it that "
       "the lead tells of later (regression: the lead's city gave the province's total)",
       "山东医疗援青五年\n2024-08-20\n五年来,山东省坚持把医疗援青作为对口支援的重要内容,累计选派"
       "医疗人才300余名赴海北藏族自治州。\n各市结对帮扶各有侧重。济南市对口支援门源回族自治县,"
       "五年间组派5批医疗队。",
       "山東醫療援青五年\n2024-08-20\n五年來,山東省堅持把醫療援青作為對口支援的重要內容,累計選派"
       "醫療人才300餘名赴海北藏族自治州。\n各市結對幫扶各有側重。濟南市對口支援門源回族自治縣,"
       "五年間組派5批醫療隊。",
       {{300, "海北藏族自治州", "山东省", "2019", "2024-08-20"},
        {5, "门源回族自治县", "济南市", "2019", "2024-08-20"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: a city of the giving province that sends gives its own counts") {
  const std::vector<Case> cases = {
      {"the home of a team (team: data/context.tsv) that goes to another place gives (regression: "
       "the title's 杭州 was taken as the receiver, and the county as the giver)",
       "杭州专家的这一年\n2023-12-01\n2023年5月,"
       "杭州一家三甲医院的6名专家来到黔东南州台江县人民医院,"
       "开启为期半年的驻点帮扶。驻点期间,他们完成手术120台。",
       "杭州專家的這一年\n2023-12-01\n2023年5月,"
       "杭州一家三甲醫院的6名專家來到黔東南州台江縣人民醫院,"
       "開啟為期半年的駐點幫扶。駐點期間,他們完成手術120台。",
       {{6, "台江县", "杭州市", "2023-05", "2023-05"},
        {120, "台江县", "杭州市", "2023-05", "2023-05"}}},
      {"the home of a team an earlier sentence of the paragraph names (来自…帮扶队) gives the "
       "team's later counts (regression: they took the report's province)",
       "鲁甘协作\n2023-06-20\n山东省累计选派医疗人才300名来甘肃帮扶。\n"
       "在渭源县人民医院,来自济南市的10名专家组成帮扶团队。两年间,团队开展新技术20项。\n"
       "在西和县,来自潍坊市的第二批帮扶队驻点帮扶,6名队员覆盖麻醉、儿科等科室。",
       "魯甘協作\n2023-06-20\n山東省累計選派醫療人才300名來甘肅幫扶。\n"
       "在渭源縣人民醫院,來自濟南市的10名專家組成幫扶團隊。兩年間,團隊開展新技術20項。\n"
       "在西和縣,來自濰坊市的第二批幫扶隊駐點幫扶,6名隊員覆蓋麻醉、兒科等科室。",
       {{300, "渭源县", "山东省", "2021", "2023-06-20"},
        {10, "渭源县", "济南市", "2021", "2023-06-20"},
        {20, "渭源县", "济南市", "2021", "2023-06-20"},
        {6, "西和县", "潍坊市", "", "2023-06-20"}}},
      {"the home of the team counted in its sentence (来自福州市第一医院的专家), in the report's "
       "giving province, gives",
       "福建援宁医疗\n2024-03-18\n福建省对口支援固原市。在隆德县人民医院,来自福州市第一医院的专家"
       "一年来带教本地医生6名。",
       "福建援寧醫療\n2024-03-18\n福建省對口支援固原市。在隆德縣人民醫院,來自福州市第一醫院的專家"
       "一年來帶教本地醫生6名。",
       {{6, "隆德县", "福州市", "2023", "2024-03-18"}}},
      {"two cities of the giving province listed after 来自, the second before a programme word "
       "(援疆专家): each is the team's home, and together they give as their province "
       "(regression: the second alone gave every count of the report)",
       "浙江援疆医疗队深耕阿克苏\n2023-10-01\n浙江省第十批援疆医疗队进驻阿克苏地区以来,聚焦重症"
       "救治。今年以来,队员们培训基层人员800人次。\n在阿克苏地区第一人民医院,来自杭州、宁波的10名"
       "援疆专家组建了救治团队,抢救危重患者200例。",
       "浙江援疆醫療隊深耕阿克蘇\n2023-10-01\n浙江省第十批援疆醫療隊進駐阿克蘇地區以來,聚焦重症"
       "救治。今年以來,隊員們培訓基層人員800人次。\n在阿克蘇地區第一人民醫院,來自杭州、寧波的10名"
       "援疆專家組建了救治團隊,搶救危重患者200例。",
       {{800, "阿克苏地区", "浙江省", "2023", "2023-10-01"},
        {10, "阿克苏地区", "浙江省", "2023", "2023-10-01"},
        {200, "阿克苏地区", "浙江省", "2023", "2023-10-01"}}},
      {"潍坊市…派出 under a report of 山东省: 潍坊市 (regression: the report's province won)",
       "山东医疗援青\n2023-06-01\n海北州是山东省对口支援的地区。自2010年以来,山东省累计选派医疗人才"
       "420余人次。\n截至2022年底,"
       "山东专家在海北完成手术1万余台。\n刚察县人民医院是山东援青的重点帮扶医院之一。2022年,"
       "潍坊市3家医院派出的8名专家在"
       "该院驻点帮扶。",
       "山東醫療援青\n2023-06-01\n海北州是山東省對口支援的地區。自2010年以來,山東省累計選派醫療人才"
       "420餘人次。\n截至2022年底,"
       "山東專家在海北完成手術1萬餘臺。\n剛察縣人民醫院是山東援青的重點幫扶醫院之一。2022年,"
       "濰坊市3家醫院派出的8名專家在"
       "該院駐點幫扶。",
       {{420, "海北藏族自治州", "山东省", "2010", "2023-06-01"},
        {10000, "海北藏族自治州", "山东省", "2010", "2022-12"},
        {3, "刚察县", "潍坊市", "2022", "2022"},
        {8, "刚察县", "潍坊市", "2022", "2022"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: cities of the giving province named without a marker") {
  const std::vector<Case> cases = {
      {"杭州市和宁波市…的队员 under a team of 浙江省: no receiving side (regression: the "
       "giving province became the receiver)",
       "浙江援马里医疗队凯旋\n2024-03-20\n浙江省第二批援马里医疗队圆满完成任务。两年来,医疗队在"
       "马里接诊患者5万人次。杭州市和宁波市8家医院的21名队员全部平安回国。",
       "浙江援馬里醫療隊凱旋\n2024-03-20\n浙江省第二批援馬里醫療隊圓滿完成任務。兩年來,醫療隊在"
       "馬里接診患者5萬人次。杭州市和寧波市8家醫院的21名隊員全部平安回國。",
       {{50000, "马里", "浙江省", "2022", "2024-03-20"},
        {8, "马里", "浙江省", "2022", "2024-03-20"},
        {21, "马里", "浙江省", "2022", "2024-03-20"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: the period of a count") {
  const std::vector<Case> cases = {
      {"a team's arrival inside an earlier sentence's clause starts the stay a later total counts "
       "(regression: 累计开展手术 took the report's period, 自1980年起)",
       "援外医疗队在非洲\n2023-11-20\n自1980年起,广西承担向尼日尔派遣医疗队的任务。\n"
       "在尼日尔,广西第十批援尼医疗队今年3月抵达尼亚美,10名队员分驻两家医院。"
       "队员们累计开展手术150余台。",
       "援外醫療隊在非洲\n2023-11-20\n自1980年起,廣西承擔向尼日爾派遣醫療隊的任務。\n"
       "在尼日爾,廣西第十批援尼醫療隊今年3月抵達尼亞美,10名隊員分駐兩家醫院。"
       "隊員們累計開展手術150餘臺。",
       {{10, "尼日尔", "广西壮族自治区", "2023-03", "2023-11-20"},
        {2, "尼日尔", "广西壮族自治区", "2023-03", "2023-11-20"},
        {150, "尼日尔", "广西壮族自治区", "2023-03", "2023-11-20"}}},
      {"一年间 after a year stated as a whole (2023年度) is that year, not the year to the "
       "report's "
       "date; a total 截至 its end has no start",
       "福建援宁医疗\n2024-01-20\n截至2023年底,福建省累计选派医疗人才500名赴固原市。\n"
       "2023年度,福建省新派出医疗人才40名。一年间,专家共接诊患者5000人次。",
       "福建援寧醫療\n2024-01-20\n截至2023年底,福建省累計選派醫療人才500名赴固原市。\n"
       "2023年度,福建省新派出醫療人才40名。一年間,專家共接診患者5000人次。",
       {{500, "固原市", "福建省", "", "2023-12"},
        {40, "固原市", "福建省", "2023", "2023"},
        {5000, "固原市", "福建省", "2023", "2023"}}},
      {"a period closed without a start (截至目前) starts where its sentence's period does",
       "援藏总结\n2022-04-01\n自2016年以来,广东省对口支援林芝市,截至目前已累计派出专家120名。",
       "援藏總結\n2022-04-01\n自2016年以來,廣東省對口支援林芝市,截至目前已累計派出專家120名。",
       {{120, "林芝市", "广东省", "2016", "2022-04-01"}}},
      {"截至今年10月底 ends at that month: 今 of 今年 is no 截至今 (regression: it read "
       "until the report's date, then a month of its own)",
       "援疆工作\n2023-12-01\n浙江省对口支援阿克苏地区。截至今年10月底,援疆专家累计开展手术900台。",
       "援疆工作\n2023-12-01\n浙江省對口支援阿克蘇地區。截至今年10月底,援疆專家累計開展手術900臺。",
       {{900, "阿克苏地区", "浙江省", "", "2023-10"}}},
      {"a news agency's dateline (…5月18日电, dateline) dates no count, and its city (新华社郑州: "
       "no_side_before) is no receiving side",
       "援外医疗队回国\n2023-05-20\n新华社郑州5月18日电 河南省援厄立特里亚医疗队18名队员日前圆满"
       "完成任务回国。",
       "援外醫療隊回國\n2023-05-20\n新華社鄭州5月18日電 河南省援厄立特里亞醫療隊18名隊員日前圓滿"
       "完成任務回國。",
       {{18, "厄立特里亚", "河南省", "", "2023-05-20"}}},
      {"a dated event a few characters before 以来 (2018年7月进藏以来) opens a period to the "
       "report's date (regression: it read the month alone)",
       "天津援藏医疗队总结\n2021-07-02\n6月30日,天津市援藏医疗队在昌都市举行工作总结会。2018年7月"
       "进藏以来,21名队员扎根昌都市人民医院,完成手术6000余台。",
       "天津援藏醫療隊總結\n2021-07-02\n6月30日,天津市援藏醫療隊在昌都市舉行工作總結會。2018年7月"
       "進藏以來,21名隊員紮根昌都市人民醫院,完成手術6000餘臺。",
       {{21, "昌都市", "天津市", "2018-07", "2021-07-02"},
        {6000, "昌都市", "天津市", "2018-07", "2021-07-02"}}},
      {"also when the event names a batch of cadres (2022年第十批辽宁援藏干部人才进藏以来: "
       "sixteen characters) (regression: the year alone, until 2022)",
       "辽宁援藏综述\n2024-06-18\n2022年第十批辽宁援藏干部人才进藏以来,辽宁省累计选派医疗人才"
       "130名支援那曲市。",
       "遼寧援藏綜述\n2024-06-18\n2022年第十批遼寧援藏幹部人才進藏以來,遼寧省累計選派醫療人才"
       "130名支援那曲市。",
       {{130, "那曲市", "辽宁省", "2022", "2024-06-18"}}},
      {"a year inside a later clause (该院去年完成…) does not date a total (先后: to_now) before "
       "it",
       "粤东帮扶综述\n2023-12-08\n2021年以来,广东省组织高水平医院帮扶县级医院。\n在梅州市五华县,"
       "广州某医院先后派出专家60名,该院去年完成的三四级手术达4000台。",
       "粵東幫扶綜述\n2023-12-08\n2021年以來,廣東省組織高水平醫院幫扶縣級醫院。\n在梅州市五華縣,"
       "廣州某醫院先後派出專家60名,該院去年完成的三四級手術達4000臺。",
       {{60, "五华县", "广州市", "2021", "2023-12-08"},
        {4000, "五华县", "广州市", "2022", "2022"}}},
      {"…or where the period of the report does (截至 in a later paragraph)",
       "援疆八年\n2023-12-01\n八年来,浙江省对口支援阿克苏地区。\n截至2023年10月底,援疆专家累计开展"
       "手术900台。",
       "援疆八年\n2023-12-01\n八年來,浙江省對口支援阿克蘇地區。\n截至2023年10月底,援疆專家累計開展"
       "手術900臺。",
       {{900, "阿克苏地区", "浙江省", "2015", "2023-10"}}},
      {"自…以来 runs to the report's date, whatever event its sentence dates later",
       "援藏总结\n2023-07-14\n2016年以来,福建省先后选派医疗人才80名赴昌都市,帮助当地医院于2020年"
       "创建三甲医院。",
       "援藏總結\n2023-07-14\n2016年以來,福建省先後選派醫療人才80名赴昌都市,幫助當地醫院於2020年"
       "創建三甲醫院。",
       {{80, "昌都市", "福建省", "2016", "2023-07-14"}}},
      {"a team's stay: from the month it arrives to the later date of its sentence",
       "援多哥医疗队\n2023-12-01\n第二十批援多哥医疗队由江西省卫生健康委组派,"
       "12名队员于2021年11月抵达"
       "洛美,2023年11月完成任务回国。",
       "援多哥醫療隊\n2023-12-01\n第二十批援多哥醫療隊由江西省衛生健康委組派,"
       "12名隊員於2021年11月抵達"
       "洛美,2023年11月完成任務回國。",
       {{12, "多哥", "江西省", "2021-11", "2023-11"}}},
      {"…else, arrived (抵达: data/context.tsv) in a month, to the report's date",
       "援南苏丹医疗队\n2017-07-21\n安徽省第四批援南苏丹医疗队于去年10月抵达朱巴,共有队员12名。",
       "援南蘇丹醫療隊\n2017-07-21\n安徽省第四批援南蘇丹醫療隊於去年10月抵達朱巴,共有隊員12名。",
       {{12, "南苏丹", "安徽省", "2016-10", "2017-07-21"}}},
      {"a team's term in parentheses scopes over the sentences after it",
       "援藏医疗队\n2023-01-05\n河北省第五批援藏医疗队(2018年7月—2021年7月)共有队员10名。三年间,"
       "他们完成手术500台。",
       "援藏醫療隊\n2023-01-05\n河北省第五批援藏醫療隊(2018年7月—2021年7月)共有隊員10名。三年間,"
       "他們完成手術500臺。",
       {{10, "西藏自治区", "河北省", "2018-07", "2021-07"},
        {500, "西藏自治区", "河北省", "2018-07", "2021-07"}}},
      {"a team's arrival (于…抵达, arrives) in another clause dates the team's counts of its "
       "sentence, unlike another event (于2017年创建三甲)",
       "江西援多哥医疗队\n2024-01-"
       "08\n江西省自2016年以来已向多哥派出4批医疗队。第四批医疗队于2023年3月"
       "抵达洛美,12名队员分别来自江西省的6家医院。",
       "江西援多哥醫療隊\n2024-01-"
       "08\n江西省自2016年以來已向多哥派出4批醫療隊。第四批醫療隊於2023年3月"
       "抵達洛美,12名隊員分別來自江西省的6家醫院。",
       {{4, "多哥", "江西省", "2016", "2024-01-08"},
        {12, "多哥", "江西省", "2023-03", "2024-01-08"},
        {6, "多哥", "江西省", "2023-03", "2024-01-08"}}},
      {"二十多年来 after the year the paragraph says the aid began (始于1997年) starts then",
       "辽宁援疆\n2024-04-02\n辽宁对口支援塔城地区始于1997年。二十多年来,"
       "辽宁累计派出医疗人才700名。",
       "遼寧援疆\n2024-04-02\n遼寧對口支援塔城地區始於1997年。二十多年來,"
       "遼寧累計派出醫療人才700名。",
       {{700, "塔城地区", "辽宁省", "1997", "2024-04-02"}}},
      {"years counted back (一年来) start at the month the paragraph dated a year before",
       "援多哥医疗队一年\n2024-03-20\n第八批援多哥医疗队18名队员于去年3月抵达洛美。一年来,"
       "队员们共诊治患者8000人次。",
       "援多哥醫療隊一年\n2024-03-20\n第八批援多哥醫療隊18名隊員於去年3月抵達洛美。一年來,"
       "隊員們共診治患者8000人次。",
       {{18, "多哥", "", "2023-03", "2024-03-20"}, {8000, "多哥", "", "2023-03", "2024-03-20"}}},
      {"months counted back (半年来) start at the month the paragraph dated just before",
       "援疆半年\n2023-06-20\n今年1月,第十批援疆医疗队抵达和田地区。半年来,"
       "队员们接诊患者9000人次。",
       "援疆半年\n2023-06-20\n今年1月,第十批援疆醫療隊抵達和田地區。半年來,"
       "隊員們接診患者9000人次。",
       {{9000, "和田地区", "", "2023-01", "2023-06-20"}}},
      {"N个月来 runs to the report's date, whatever else its sentence dates",
       "援外医疗队\n2019-10-08\n医疗队于去年11月抵达利隆圭,10个月来,队员们在马拉维诊治患者1400人次,"
       "并于今年5月开展义诊。",
       "援外醫療隊\n2019-10-08\n醫療隊於去年11月抵達利隆圭,10個月來,隊員們在馬拉維診治患者1400人次,"
       "並於今年5月開展義診。",
       {{1400, "马拉维", "", "2018-11", "2019-10-08"}}},
      {"an undated report's note (本文数据截至…) dates its totals",
       "广东援疆回顾\n自2010年以来,广东省先后派出医疗人才600名赴喀什地区。\n(本文数据截至2021年底)",
       "廣東援疆回顧\n自2010年以來,廣東省先後派出醫療人才600名赴喀什地區。\n(本文數據截至2021年底)",
       {{600, "喀什地区", "广东省", "2010", "2021-12"}}},
      {"N余年来 after the year a programme began starts in that year",
       "援外回顾\n2024-03-18\n1968年,广西派出首批援尼日尔医疗队。50余年来,广西累计派出"
       "医疗队员700余人次。",
       "援外回顧\n2024-03-18\n1968年,廣西派出首批援尼日爾醫療隊。50餘年來,廣西累計派出"
       "醫療隊員700餘人次。",
       {{700, "尼日尔", "广西壮族自治区", "1968", "2024-03-18"}}},
      {"a team's return after the two years it served dates its counts before the review",
       "援外医疗队回国\n2023-10-20\n10月18日,四川省第30批援马拉维医疗队12名队员圆满完成"
       "两年援外任务,回到成都。\n队长说,当地条件艰苦。\n援外期间,医疗队完成手术900余台。\n"
       "自1980年以来,四川省已向马拉维派出医疗队员500余人次。",
       "援外醫療隊回國\n2023-10-20\n10月18日,四川省第30批援馬拉維醫療隊12名隊員圓滿完成"
       "兩年援外任務,回到成都。\n隊長說,當地條件艱苦。\n援外期間,醫療隊完成手術900餘臺。\n"
       "自1980年以來,四川省已向馬拉維派出醫療隊員500餘人次。",
       {{12, "马拉维", "四川省", "2021-10", "2023-10-18"},
        {900, "马拉维", "四川省", "2021-10", "2023-10-18"},
        {500, "马拉维", "四川省", "1980", "2023-10-20"}}},
      {"the length served, told in the sentence after a team's dated return (在两年…中)",
       "援外医疗队回国\n2023-10-20\n10月18日,四川省第30批援马拉维医疗队12名队员顺利回国。\n"
       "在两年援外工作中,队员们完成手术900余台。\n"
       "自1980年以来,四川省已向马拉维派出医疗队员500余人次。",
       "援外醫療隊回國\n2023-10-20\n10月18日,四川省第30批援馬拉維醫療隊12名隊員順利回國。\n"
       "在兩年援外工作中,隊員們完成手術900餘臺。\n"
       "自1980年以來,四川省已向馬拉維派出醫療隊員500餘人次。",
       {{12, "马拉维", "四川省", "2021-10", "2023-10-18"},
        {900, "马拉维", "四川省", "2021-10", "2023-10-18"},
        {500, "马拉维", "四川省", "1980", "2023-10-20"}}},
      {"a count of the present state (目前仍有) or of uncounted recent years (近年来) has no "
       "start; a result so far (目前已) keeps the period in scope",
       "援外回顾\n2024-05-10\n自1980年以来,四川省已向马拉维派出医疗队员500余人次,目前仍有"
       "18名队员在当地工作。近年来,医疗队帮助当地建成3个专科中心。医疗队还带教当地医生,"
       "目前已带教40名。",
       "援外回顧\n2024-05-10\n自1980年以來,四川省已向馬拉維派出醫療隊員500餘人次,目前仍有"
       "18名隊員在當地工作。近年來,醫療隊幫助當地建成3個專科中心。醫療隊還帶教當地醫生,"
       "目前已帶教40名。",
       {{500, "马拉维", "四川省", "1980", "2024-05-10"},
        {18, "马拉维", "四川省", "", "2024-05-10"},
        {3, "马拉维", "四川省", "", "2024-05-10"},
        {40, "马拉维", "四川省", "1980", "2024-05-10"}}},
      {"a part of a breakdown (其中) takes the total's start, not the since phrase of the part "
       "after its semicolon",
       "援外回顾\n2025-02-10\n1970年,湖北省派出首批援外医疗队。截至2024年底,湖北省累计向"
       "阿尔及利亚、莱索托派出医疗队40批。\n其中,援阿尔及利亚医疗队派出27批;自1975年以来,"
       "援莱索托医疗队派出13批。",
       "援外回顧\n2025-02-10\n1970年,湖北省派出首批援外醫療隊。截至2024年底,湖北省累計向"
       "阿爾及利亞、萊索托派出醫療隊40批。\n其中,援阿爾及利亞醫療隊派出27批;自1975年以來,"
       "援萊索托醫療隊派出13批。",
       {{40, "", "湖北省", "1970", "2024-12"},
        {27, "阿尔及利亚", "湖北省", "1970", "2024-12"},
        {13, "莱索托", "湖北省", "1975", "2025-02-10"}}},
      {"N年间 (间: since_after in data/times.tsv) counts back from the report's date",
       "援外医疗分队\n2021-11-20\n本批医疗分队由10名队员组成,两年间在当地完成手术900台。",
       "援外醫療分隊\n2021-11-20\n本批醫療分隊由10名隊員組成,兩年間在當地完成手術900臺。",
       {{10, "", "", "2019", "2021-11-20"}, {900, "", "", "2019", "2021-11-20"}}},
      {"a period closed without a start takes the team's year that opens its paragraph",
       "援疆医疗队\n2023-12-29\n自2017年以来,辽宁省派出医疗队7批。\n2023年,"
       "第七批医疗队抵达塔城地区。"
       "截至12月中旬,医疗队已完成手术1200台。",
       "援疆醫療隊\n2023-12-29\n自2017年以來,遼寧省派出醫療隊7批。\n2023年,"
       "第七批醫療隊抵達塔城地區。"
       "截至12月中旬,醫療隊已完成手術1200臺。",
       {{7, "塔城地区", "辽宁省", "2017", "2023-12-29"},
        {1200, "塔城地区", "辽宁省", "2023", "2023-12"}}},
      {"a later clause that narrows (其中去年…) does not date the total before it",
       "援疆进修\n2024-12-03\n天津市对口支援策勒县人民医院。\n医院建成胸痛中心。\n在天津的支持下,"
       "策勒县人民医院先后有60名骨干赴津进修,"
       "其中去年一年就有20人。",
       "援疆進修\n2024-12-03\n天津市對口支援策勒縣人民醫院。\n醫院建成胸痛中心。\n在天津的支持下,"
       "策勒縣人民醫院先後有60名骨幹赴津進修,"
       "其中去年一年就有20人。",
       {{60, "策勒县", "天津市", "", "2024-12-03"}, {20, "策勒县", "天津市", "2023", "2023"}}},
      {"an event of another clause (于2017年创建) does not date a count",
       "援藏十年\n2024-08-12\n十年来,上海市先后选派专家300名赴日喀则市。日喀则市人民医院于2017年"
       "创建三甲医院,累计开展新技术400项。",
       "援藏十年\n2024-08-12\n十年來,上海市先後選派專家300名赴日喀則市。日喀則市人民醫院於2017年"
       "創建三甲醫院,累計開展新技術400項。",
       {{300, "日喀则市", "上海市", "2014", "2024-08-12"},
        {400, "日喀则市", "上海市", "2014", "2024-08-12"}}},
      {"a year a value is compared at (由2019年的…增至去年的…) does not end a period opened "
       "before it (regression: 自2021年5月起 ended in 2023)",
       "托管县医院\n2024-02-26\n湖南省某医院自2021年5月起托管龙山县人民医院,先后派出专家40名,"
       "门诊量由2019年的水平翻番。",
       "託管縣醫院\n2024-02-26\n湖南省某醫院自2021年5月起託管龍山縣人民醫院,先後派出專家40名,"
       "門診量由2019年的水平翻番。",
       {{40, "龙山县", "湖南省", "2021-05", "2024-02-26"}}},
      {"a stay that only begins (开始为期一年) at a date a few days before the report is counted "
       "at that date (regression: it ran a year past the report)",
       "专家进驻\n2023-06-20\n6月16日,深圳市第三批帮扶专家9名抵达都安县,开始为期一年的驻点帮扶。",
       "專家進駐\n2023-06-20\n6月16日,深圳市第三批幫扶專家9名抵達都安縣,開始為期一年的駐點幫扶。",
       {{9, "都安瑶族自治县", "深圳市", "2023-06-16", "2023-06-16"}}},
      {"N多年来 after a since phrase of its paragraph (自1975年起) starts at its year",
       "援外医疗\n2023-05-04\n自1975年起,湖北省承担援莱索托医疗任务,"
       "四十多年来共派出医疗队员600余人次。",
       "援外醫療\n2023-05-04\n自1975年起,湖北省承擔援萊索托醫療任務,"
       "四十多年來共派出醫療隊員600餘人次。",
       {{600, "莱索托", "湖北省", "1975", "2023-05-04"}}},
      {"一年来 in a report of late 2022 after 2022 stated as a whole counts that year",
       "协作一年\n2022-12-20\n2022年是两地结对的第一年。一年来,杭州市累计选派专家60名。\n"
       "一年来,专家们举办讲座90场。",
       "協作一年\n2022-12-20\n2022年是兩地結對的第一年。一年來,杭州市累計選派專家60名。\n"
       "一年來,專家們舉辦講座90場。",
       {{60, "", "杭州市", "2022", "2022-12-20"}, {90, "", "杭州市", "2022", "2022-12-20"}}},
      {"a period closed without a start (截至) starts with the report's period stated after it "
       "(十年间)…",
       "援川十年\n2024-09-03\n截至2024年8月底,宁波市累计向越西县派出医疗人才300名。\n"
       "十年间,宁波专家完成手术9000台。",
       "援川十年\n2024-09-03\n截至2024年8月底,寧波市累計向越西縣派出醫療人才300名。\n"
       "十年間,寧波專家完成手術9000臺。",
       {{300, "越西县", "宁波市", "2014", "2024-08"},
        {9000, "越西县", "宁波市", "2014", "2024-09-03"}}},
      {"…but not with a batch's period (一年多来,第二批医疗队…)",
       "援川医疗\n2024-07-05\n截至2024年6月底,宁波市累计向越西县派出医疗人才70名。\n"
       "一年多来,第二批医疗队12名队员完成手术500台。",
       "援川醫療\n2024-07-05\n截至2024年6月底,寧波市累計向越西縣派出醫療人才70名。\n"
       "一年多來,第二批醫療隊12名隊員完成手術500臺。",
       {{70, "越西县", "宁波市", "", "2024-06"},
        {12, "越西县", "宁波市", "2023", "2024-07-05"},
        {500, "越西县", "宁波市", "2023", "2024-07-05"}}},
      {"a paragraph that states no time carries on the nearest period an earlier one states: a "
       "team's departure (出征: arrives) after the programme's period",
       "援外医疗队\n2021-12-02\n11月28日,河北省援马拉维医疗队凯旋。\n"
       "自1973年以来,河北省已累计派出医疗队员900余人次。本批医疗队于2019年12月出征,"
       "由河北省5家医院的16名队员组成。\n援外期间,队员们完成手术700余台。",
       "援外醫療隊\n2021-12-02\n11月28日,河北省援馬拉維醫療隊凱旋。\n"
       "自1973年以來,河北省已累計派出醫療隊員900餘人次。本批醫療隊於2019年12月出征,"
       "由河北省5家醫院的16名隊員組成。\n援外期間,隊員們完成手術700餘臺。",
       {{900, "马拉维", "河北省", "1973", "2021-12-02"},
        {5, "马拉维", "河北省", "2019-12", "2021-12-02"},
        {16, "马拉维", "河北省", "2019-12", "2021-12-02"},
        {700, "马拉维", "河北省", "2019-12", "2021-12-02"}}},
      {"…or an event's days (巡回医疗期间 after 1月15日至18日), rather than the report's period",
       "巡回医疗\n2024-01-22\n一年来,长沙市某医院对口帮扶古丈县人民医院,派出专家20名。\n"
       "1月15日至18日,医院组织专家深入古丈县4个乡镇开展巡回医疗,诊疗群众1500人次。\n"
       "巡回医疗期间,专家们还举办培训8场。",
       "巡迴醫療\n2024-01-22\n一年來,長沙市某醫院對口幫扶古丈縣人民醫院,派出專家20名。\n"
       "1月15日至18日,醫院組織專家深入古丈縣4個鄉鎮開展巡迴醫療,診療群眾1500人次。\n"
       "巡迴醫療期間,專家們還舉辦培訓8場。",
       {{20, "古丈县", "长沙市", "2023", "2024-01-22"},
        {4, "古丈县", "长沙市", "2024-01-15", "2024-01-18"},
        {1500, "古丈县", "长沙市", "2024-01-15", "2024-01-18"},
        {8, "古丈县", "长沙市", "2024-01-15", "2024-01-18"}}},
      {"同期 (same_period) is the period stated before it, whoever gives",
       "协作盘点\n2025-01-10\n2021年至2024年,浙江省累计向凉山州派出医疗人才2000人次。\n"
       "同期,福建省向固原市派出医疗专家500名。",
       "協作盤點\n2025-01-10\n2021年至2024年,浙江省累計向涼山州派出醫療人才2000人次。\n"
       "同期,福建省向固原市派出醫療專家500名。",
       {{2000, "凉山彝族自治州", "浙江省", "2021", "2024"},
        {500, "固原市", "福建省", "2021", "2024"}}},
      {"会上, 签约当天 (at_event): the day of the event the report told before",
       "签约仪式\n2023-04-12\n2021年以来,福州市某医院派出专家30名支援西吉县。\n"
       "4月8日,两院在西吉县举行签约仪式。\n签约当天,医院向西吉县捐赠价值20万元的设备。\n"
       "会上,5名专家受到表彰。",
       "簽約儀式\n2023-04-12\n2021年以來,福州市某醫院派出專家30名支援西吉縣。\n"
       "4月8日,兩院在西吉縣舉行簽約儀式。\n簽約當天,醫院向西吉縣捐贈價值20萬元的設備。\n"
       "會上,5名專家受到表彰。",
       {{30, "西吉县", "福州市", "2021", "2023-04-12"},
        {200000, "西吉县", "福州市", "2023-04-08", "2023-04-08"},
        {5, "西吉县", "福州市", "2023-04-08", "2023-04-08"}}},
      {"a date in parentheses after a count (截至去年7月为86名) dates only the count inside them",
       "结对帮扶\n2023-07-10\n自2019年6月结对以来,长春市某医院已累计向通榆县派驻专家112名"
       "(截至去年7月为86名),开展新技术43项。",
       "結對幫扶\n2023-07-10\n自2019年6月結對以來,長春市某醫院已累計向通榆縣派駐專家112名"
       "(截至去年7月為86名),開展新技術43項。",
       {{112, "通榆县", "长春市", "2019-06", "2023-07-10"},
        {86, "通榆县", "长春市", "2019-06", "2022-07"},
        {43, "通榆县", "长春市", "2019-06", "2023-07-10"}}},
      {"a sentence that names the new team (新一批, this_team) and states no time is dated by "
       "the team's arrival told before",
       "援青医疗队\n2022-08-15\n8月12日,北京市第五批援青医疗队抵达玉树州。\n"
       "北京市自2010年起对口支援玉树州,先后派出医疗专家400余人次。\n"
       "新一批医疗队共有队员18名。",
       "援青醫療隊\n2022-08-15\n8月12日,北京市第五批援青醫療隊抵達玉樹州。\n"
       "北京市自2010年起對口支援玉樹州,先後派出醫療專家400餘人次。\n"
       "新一批醫療隊共有隊員18名。",
       {{400, "玉树藏族自治州", "北京市", "2010", "2022-08-15"},
        {18, "玉树藏族自治州", "北京市", "2022-08-12", "2022-08-12"}}},
      {"a year before an event of seven characters and 以来 opens a period to the report's date "
       "(regression: 2019年东西部协作开展以来 was the year 2019 alone)",
       "杭州医生在台江\n2022-04-02\n2019年东西部协作开展以来,杭州市已选派30名医生赴台江县帮扶。",
       "杭州醫生在臺江\n2022-04-02\n2019年東西部協作開展以來,杭州市已選派30名醫生赴台江縣幫扶。",
       {{30, "台江县", "杭州市", "2019", "2022-04-02"}}},
      {"an event the report never dates opens the period of its sentence's count (对口支援…以来: "
       "undated), not the year a later sentence states (regression: 今年以来 gave 2021)",
       "沪滇协作\n2021-06-10\n6月8日,上海某医院援建的远程诊室在怒江州启用。\n"
       "上海对口支援怒江州以来,已有80余名医疗专家到怒江州工作。今年以来,专家们开展会诊50例。",
       "滬滇協作\n2021-06-10\n6月8日,上海某醫院援建的遠程診室在怒江州啟用。\n"
       "上海對口支援怒江州以來,已有80餘名醫療專家到怒江州工作。今年以來,專家們開展會診50例。",
       {{80, "怒江傈僳族自治州", "上海市", "", "2021-06-10"},
        {50, "怒江傈僳族自治州", "上海市", "2021", "2021-06-10"}}},
      {"a programme's history told after the tally of one team (第八批) is no period of that "
       "tally (regression: 自1971年以来 gave every count of the team since 1971)",
       "援外医疗队回国\n2023-05-20\n5月18日,广西第八批援科摩罗医疗队结束任务回到南宁。\n"
       "在科摩罗期间,队员们累计诊治患者2万人次,完成手术600台。\n"
       "自1971年以来,广西已向科摩罗派出医疗队员500余人次。",
       "援外醫療隊回國\n2023-05-20\n5月18日,廣西第八批援科摩羅醫療隊結束任務回到南寧。\n"
       "在科摩羅期間,隊員們累計診治患者2萬人次,完成手術600台。\n"
       "自1971年以來,廣西已向科摩羅派出醫療隊員500餘人次。",
       {{20000, "科摩罗", "广西壮族自治区", "", "2023-05-20"},
        {600, "科摩罗", "广西壮族自治区", "", "2023-05-20"},
        {500, "科摩罗", "广西壮族自治区", "1971", "2023-05-20"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: data/context.tsv is sorted by role and word, with known roles") {
  std::ifstream in(std::string(ZHREPORT_SOURCE_DIR) + "/data/context.tsv");
  REQUIRE(in);
  // the roles the code knows (context_words.h), which every row's must be
  std::set<std::string, std::less<>> roles;
  for (int r = 0; r <= static_cast<int>(zhreport::facts_detail::Role::year_report); ++r) {
    roles.emplace(zhreport::facts_detail::role_name(static_cast<zhreport::facts_detail::Role>(r)));
  }
  std::string line, previous;
  size_t rows = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t'), second = line.find('\t', tab + 1);
    REQUIRE(tab != std::string::npos);
    std::string key = line.substr(0, second);
    INFO(line);
    CHECK(roles.count(line.substr(0, tab)) == 1);
    CHECK(previous < key);
    previous = key;
    ++rows;
  }
  CHECK(rows > 40);
}

TEST_CASE("context: the words of data/context.tsv and the eras of data/times.tsv") {
  const std::vector<Case> cases = {
      {"an era of times.tsv followed by 以来 starts the period (党的十八大以来 → 2012-11)",
       "援青十年\n2022-10-01\n党的十八大以来,山东省先后选派医疗人才300名赴海北州。",
       "援青十年\n2022-10-01\n黨的十八大以來,山東省先後選派醫療人才300名赴海北州。",
       {{300, "海北藏族自治州", "山东省", "2012-11", "2022-10-01"}}},
      {"a continuation word (当日) carries the dated event into the next sentence",
       "义诊活动\n2021-05-20\n5月18日,江苏省援疆专家在伊宁县开展义诊。当日,专家们接诊群众260人。",
       "義診活動\n2021-05-20\n5月18日,江蘇省援疆專家在伊寧縣開展義診。當日,專家們接診群眾260人。",
       {{260, "伊宁县", "江苏省", "2021-05-18", "2021-05-18"}}},
      {"a programme of many provinces (nationwide: 省市) gives from 全国",
       "医疗援青十年\n2024-09-01\n十年来,对口支援省市先后选派医疗人才1500名支援青海省。",
       "醫療援青十年\n2024-09-01\n十年來,對口支援省市先後選派醫療人才1500名支援青海省。",
       {{1500, "青海省", "全国", "2014", "2024-09-01"}}},
      {"a national team in the lead (nationwide: 中国医疗队) gives from 全国",
       "中国医疗队在马拉维\n2020-08-01\n中国医疗队在马拉维开展义诊,接诊患者800人次。",
       "中國醫療隊在馬拉維\n2020-08-01\n中國醫療隊在馬拉維開展義診,接診患者800人次。",
       {{800, "马拉维", "全国", "", "2020-08-01"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: the receiving side a sentence names") {
  const std::vector<Case> cases = {
      {"a city the sentence names is not narrowed to the county of the report's title",
       "北京专家常驻崇礼\n2022-02-01\n2019年以来,北京市对口帮扶张家口市,其中常驻崇礼区专家60名。\n"
       "三年来,北京专家在张家口累计诊疗患者9000人次。",
       "北京專家常駐崇禮\n2022-02-01\n2019年以來,北京市對口幫扶張家口市,其中常駐崇禮區專家60名。\n"
       "三年來,北京專家在張家口累計診療患者9000人次。",
       {{60, "崇礼区", "北京市", "2019", "2022-02-01"},
        {9000, "张家口市", "北京市", "2019", "2022-02-01"}}},
      {"places listed after 来自 (origin: data/context.tsv) are where persons come from",
       "湖南援藏医疗队\n2023-05-10\n湖南省援藏医疗队在山南市工作。医疗队共有专家20名,"
       "来自长沙、株洲、"
       "湘潭等地的6家医院。",
       "湖南援藏醫療隊\n2023-05-10\n湖南省援藏醫療隊在山南市工作。醫療隊共有專家20名,"
       "來自長沙、株洲、"
       "湘潭等地的6家醫院。",
       {{20, "山南市", "湖南省", "", "2023-05-10"}, {6, "山南市", "湖南省", "", "2023-05-10"}}},
      {"位于 (located) before the subject's place of a sending verb: it gives",
       "专家下沉到县里\n2024-07-01\n2023年5月起,位于赣州的赣南医院选派8名专家常驻寻乌县人民医院。",
       "專家下沉到縣裡\n2024-07-01\n2023年5月起,位於贛州的贛南醫院選派8名專家常駐尋烏縣人民醫院。",
       {{8, "寻乌县", "赣州市", "2023-05", "2024-07-01"}}},
      {"来自 + a place + the team (专家: team in data/context.tsv): the team's home gives",
       "专家驻点帮扶\n2022-05-30\n在都安瑶族自治县人民医院,来自柳州的12名专家驻点帮扶。",
       "專家駐點幫扶\n2022-05-30\n在都安瑤族自治縣人民醫院,來自柳州的12名專家駐點幫扶。",
       {{12, "都安瑶族自治县", "柳州市", "", "2022-05-30"}}},
      {"a place in direct speech (“…去拉萨…。”) is no receiving side of the sentences after it",
       "上海医疗专家帮扶芒康县人民医院\n2024-05-21\n上海市先后派出专家20名常驻芒康县人民医院。\n"
       "“以前看病要去拉萨,现在在县医院就能做手术了。”一位患者说。三年来,专家团队累计接诊患者"
       "2000人次。",
       "上海醫療專家幫扶芒康縣人民醫院\n2024-05-21\n上海市先後派出專家20名常駐芒康縣人民醫院。\n"
       "“以前看病要去拉薩,現在在縣醫院就能做手術了。”一位患者說。三年來,專家團隊累計接診患者"
       "2000人次。",
       {{20, "芒康县", "上海市", "2021", "2024-05-21"},
        {2000, "芒康县", "上海市", "2021", "2024-05-21"}}},
      {"X与Y…结对 (aid: data/context.tsv): the first gives; the second's prefectures reduce to it",
       "东西部协作综述\n2024-03-05\n浙江省与四川省结对多年。其中,宁波市12家三级医院与四川省凉山州、"
       "甘孜州的20家县级医院结对。",
       "東西部協作綜述\n2024-03-05\n浙江省與四川省結對多年。其中,寧波市12家三級醫院與四川省涼山州、"
       "甘孜州的20家縣級醫院結對。",
       {{12, "四川省", "宁波市", "", "2024-03-05"}, {20, "四川省", "宁波市", "", "2024-03-05"}}},
      {"X—Y in a clause of aid names a pairing: the first gives",
       "津甘协作座谈会\n2023-09-15\n9月12日,天津市卫生健康委在甘南州召开天津—甘南东西部协作座谈会。"
       "两年来,我市先后选派86名专家赴甘南州开展帮扶。",
       "津甘協作座談會\n2023-09-15\n9月12日,天津市衛生健康委在甘南州召開天津—甘南東西部協作座談會。"
       "兩年來,我市先後選派86名專家赴甘南州開展幫扶。",
       {{86, "甘南藏族自治州", "天津市", "2021", "2023-09-15"}}},
      {"the object of 接收 is where trainees come from, not where they go to study (regression: "
       "接收X县…到Y进修 made X a giving side, and the report lost its giver)",
       "青山医院结对帮扶\n2023-06-01\n青山医院所在的宁波市与贵州省余庆县结对帮扶已满三年。"
       "医院累计派出专家30名,接收余庆县15名医生到宁波进修。",
       "青山醫院結對幫扶\n2023-06-01\n青山醫院所在的寧波市與貴州省餘慶縣結對幫扶已滿三年。"
       "醫院累計派出專家30名,接收餘慶縣15名醫生到寧波進修。",
       {{30, "余庆县", "宁波市", "", "2023-06-01"}, {15, "余庆县", "宁波市", "", "2023-06-01"}}},
      {"a county of any province receives (东西部协作: 思南县 of 铜仁市, a row of the package)",
       "苏铜协作\n2023-09-01\n2021年以来,苏州市对口帮扶贵州省铜仁市,"
       "苏州大学附属第一医院派出专家10名到思南县人民医院。",
       "蘇銅協作\n2023-09-01\n2021年以來,蘇州市對口幫扶貴州省銅仁市,"
       "蘇州大學附屬第一醫院派出專家10名到思南縣人民醫院。",
       {{10, "思南县", "苏州市", "2021", "2023-09-01"}}},
      {"a prefecture its own sentence names is not narrowed to a county of the paragraph before "
       "(此外 continues it; regression: 会泽县 became known and took 曲靖市's trainees)",
       "上海帮扶曲靖\n2023-08-01\n上海市对口帮扶曲靖市。上海专家在会泽县人民医院完成手术30台。\n"
       "此外,曲靖市选派12名医务人员到上海进修,上海方面还为当地捐赠资金50万元。",
       "上海幫扶曲靖\n2023-08-01\n上海市對口幫扶曲靖市。上海專家在會澤縣人民醫院完成手術30台。\n"
       "此外,曲靖市選派12名醫務人員到上海進修,上海方面還為當地捐贈資金50萬元。",
       {{30, "会泽县", "上海市", "", "2023-08-01"},
        {12, "曲靖市", "上海市", "", "2023-08-01"},
        {500000, "曲靖市", "上海市", "", "2023-08-01"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: a city's hospital sends doctors down to a county of its own") {
  const std::vector<Case> cases = {
      {"a county's report on itself (全县) on its own network of hospitals (医共体: "
       "county_network) "
       "that names no other place: the county gives (regression: no giver)",
       "县医共体医生下乡全覆盖\n2024-05-06\n为方便群众就医,商水县人民医院医共体自去年9月起开展医生"
       "下乡活动,组织80名医生与全县20个乡镇卫生院结对。\n截至今年4月底,下乡医生诊疗群众3万人次。",
       "縣醫共體醫生下鄉全覆蓋\n2024-05-06\n爲方便羣衆就醫,商水縣人民醫院醫共體自去年9月起開展醫生"
       "下鄉活動,組織80名醫生與全縣20個鄉鎮衛生院結對。\n截至今年4月底,下鄉醫生診療羣衆3萬人次。",
       {{80, "商水县", "商水县", "2023-09", "2024-05-06"},
        {20, "商水县", "商水县", "2023-09", "2024-05-06"},
        {30000, "商水县", "商水县", "2023-09", "2024-04"}}},
      {"the county after 到 receives, though it lies in the giving city (regression: 医疗人才下沉 "
       "within a prefecture lost its `to`)",
       "城里医生常驻山乡\n2023-04-01\n2022年起,"
       "遵义市第一人民医院选派8名医生到余庆县人民医院驻点。\n"
       "一年来,驻点医生累计接诊患者5000人次。",
       "城裡醫生常駐山鄉\n2023-04-01\n2022年起,"
       "遵義市第一人民醫院選派8名醫生到餘慶縣人民醫院駐點。\n"
       "一年來,駐點醫生累計接診患者5000人次。",
       {{8, "余庆县", "遵义市", "2022", "2023-04-01"},
        {5000, "余庆县", "遵义市", "2022", "2023-04-01"}}},
      {"a county's own programme (全县: own_county) receives in the county that gives "
       "(regression: the giver's own place left the county's report without a `to`)",
       "县医院医生下沉乡镇\n2023-03-01\n余庆县推行县乡一体化改革,县人民医院选派40名医生下沉到"
       "全县10个乡镇卫生院。",
       "縣醫院醫生下沉鄉鎮\n2023-03-01\n餘慶縣推行縣鄉一體化改革,縣人民醫院選派40名醫生下沉到"
       "全縣10個鄉鎮衛生院。",
       {{40, "余庆县", "余庆县", "", "2023-03-01"}, {10, "余庆县", "余庆县", "", "2023-03-01"}}},
      {"a county that gives and names no receiver sends to its own townships: it receives too "
       "(regression: a county's 医共体 report without 全县 had no `to`)",
       "医共体专家下乡\n2024-05-10\n今年以来,石阡县总医院从县人民医院抽调医师20名,"
       "分批下沉到龙塘镇等8个乡镇卫生院坐诊。",
       "醫共體專家下鄉\n2024-05-10\n今年以來,石阡縣總醫院從縣人民醫院抽調醫師20名,"
       "分批下沉到龍塘鎮等8個鄉鎮衛生院坐診。",
       {{20, "石阡县", "石阡县", "2024", "2024-05-10"},
        {8, "石阡县", "石阡县", "2024", "2024-05-10"}}},
      {"向 (a row of data/frames.tsv) before a list of counties of the giving city: each receives, "
       "and a county hospital helped by the experts (在…帮助下) does not give; counts of the "
       "counties together receive in the city (regression: the first county was read as the "
       "giver, and the total had no `to`)",
       "市医院专家常驻县医院\n2024-06-01\n近两年来,南阳市中心医院依托城市医联体,"
       "向淅川县、西峡县、内乡县、镇平县的县级医院派驻专家40名,其中淅川县12名。\n"
       "淅川县人民医院在派驻专家帮助下建成卒中中心。\n驻点专家合计开展手术420台。",
       "市醫院專家常駐縣醫院\n2024-06-01\n近兩年來,南陽市中心醫院依託城市醫聯體,"
       "向淅川縣、西峽縣、內鄉縣、鎮平縣的縣級醫院派駐專家40名,其中淅川縣12名。\n"
       "淅川縣人民醫院在派駐專家幫助下建成卒中中心。\n駐點專家合計開展手術420台。",
       {{40, "南阳市", "南阳市", "2022", "2024-06-01"},
        {12, "淅川县", "南阳市", "2022", "2024-06-01"},
        {420, "南阳市", "南阳市", "2022", "2024-06-01"}}},
      {"a county of the giving city named in the lead without a side (its partner in a 医联体) "
       "receives the report's counts that name no place (regression: it was left out as the "
       "giver's own place)",
       "医联体帮扶见效\n2024-03-01\n2023年以来,遵义市第一人民医院与余庆县人民医院组建紧密型"
       "医联体,先后派驻骨干10名。\n驻点期间,帮扶团队开展手术200台。",
       "醫聯體幫扶見效\n2024-03-01\n2023年以來,遵義市第一人民醫院與餘慶縣人民醫院組建緊密型"
       "醫聯體,先後派駐骨幹10名。\n駐點期間,幫扶團隊開展手術200台。",
       {{10, "余庆县", "遵义市", "2023", "2024-03-01"},
        {200, "余庆县", "遵义市", "2023", "2024-03-01"}}},
      {"the city of a county that sends to its own townships gives what it sends to the county "
       "(regression: the report's county was taken as the giver of the city's experts)",
       "县乡一体化见成效\n2024-07-01\n今年上半年,余庆县推进县乡一体化,县人民医院向全县10个乡镇"
       "卫生院下沉医生30名。遵义市第一人民医院作为城市帮扶医院,上半年派出专家6批次到余庆县人民"
       "医院坐诊。",
       "縣鄉一體化見成效\n2024-07-01\n今年上半年,餘慶縣推進縣鄉一體化,縣人民醫院向全縣10個鄉鎮"
       "衛生院下沉醫生30名。遵義市第一人民醫院作為城市幫扶醫院,上半年派出專家6批次到餘慶縣人民"
       "醫院坐診。",
       {{10, "余庆县", "余庆县", "2024-01", "2024-06"},
        {30, "余庆县", "余庆县", "2024-01", "2024-06"},
        {6, "余庆县", "遵义市", "2024-01", "2024-06"}}},
      {"a provincial hospital's touring team (巡回医疗队: team) that goes (深入, a row of "
       "data/frames.tsv) to counties of its own province: the province gives, the counties' "
       "prefecture receives (regression: no giver; the province was read as a place of the "
       "receivers)",
       "巡回医疗进凉山\n2024-11-20\n今年以来,四川省人民医院组织巡回医疗队,深入凉山彝族自治州"
       "昭觉县、布拖县,义诊群众3000人次。",
       "巡迴醫療進涼山\n2024-11-20\n今年以來,四川省人民醫院組織巡迴醫療隊,深入涼山彝族自治州"
       "昭覺縣、布拖縣,義診群眾3000人次。",
       {{3000, "凉山彝族自治州", "四川省", "2024", "2024-11-20"}}},
      {"a county hospital guided by the experts sent down (在…指导下) receives (regression: it "
       "was read as the subject of 下沉 and gave, and the province's report received in the "
       "prefecture)",
       "城市医生下沉山区\n2024-06-03\n2023年以来,全省共有900名城市医生下沉到凉山彝族自治州开展"
       "帮扶。\n布拖县人民医院在下沉专家指导下,今年完成手术600台。",
       "城市醫生下沉山區\n2024-06-03\n2023年以來,全省共有900名城市醫生下沉到涼山彝族自治州開展"
       "幫扶。\n布拖縣人民醫院在下沉專家指導下,今年完成手術600台。",
       {{900, "凉山彝族自治州", "", "2023", "2024-06-03"}, {600, "布拖县", "", "2024", "2024"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: a county's own hospitals and doctors sent down") {
  const std::vector<Case> cases = {
      {"a verb of sending that names its persons as a partner (下沉医生与…结对) in a later clause "
       "is no predicate of the county opening the sentence: the county receives (regression: "
       "the county was read as the subject of 下沉 and gave)",
       "医疗人才下沉昭通\n2024-05-01\n云南省卫生健康委介绍,2023年以来,全省共有600名城市医生下沉到"
       "昭通市开展帮扶。\n镇雄县则推出结对模式,下沉医生与30名乡村医生结对。",
       "醫療人才下沉昭通\n2024-05-01\n雲南省衛生健康委介紹,2023年以來,全省共有600名城市醫生下沉到"
       "昭通市開展幫扶。\n鎮雄縣則推出結對模式,下沉醫生與30名鄉村醫生結對。",
       {{600, "昭通市", "云南省", "2023", "2024-05-01"},
        {30, "镇雄县", "云南省", "2023", "2024-05-01"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: a list of receivers after the statement that sends to them") {
  const std::vector<Case> cases = {
      {"items headed by counties after 向结对县派驻医生: each county receives what its item counts "
       "(regression: the county opening each item was read as the subject that sends)",
       "闵行医生在红河\n2025-10-14\n2024年以来,闵行区各医院持续向结对县派驻医生:绿春县派驻医生9名、"
       "开展手术312台;元阳县派驻医生7名、开展手术226台。\n合计派驻医生16名。",
       "閔行醫生在紅河\n2025-10-14\n2024年以來,閔行區各醫院持續向結對縣派駐醫生:綠春縣派駐醫生9名、"
       "開展手術312台;元陽縣派駐醫生7名、開展手術226台。\n合計派駐醫生16名。",
       {{9, "绿春县", "闵行区", "2024", "2025-10-14"},
        {312, "绿春县", "闵行区", "2024", "2025-10-14"},
        {7, "元阳县", "闵行区", "2024", "2025-10-14"},
        {226, "元阳县", "闵行区", "2024", "2025-10-14"},
        {16, "红河哈尼族彝族自治州", "闵行区", "2024", "2025-10-14"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: a province's hospital aids a county of its own") {
  const std::vector<Case> cases = {
      {"the county after a verb of aid receives, though it lies in the giving province "
       "(regression: the giver's own place left the county's later counts without a `to`)",
       "省医院帮扶安远县\n2024-03-01\n3月1日,"
       "江西省人民医院对口帮扶安远县人民医院工作推进会在安远召开。"
       "三年来,江西省人民医院先后派出专家40名常驻安远,"
       "开展新技术30项。\n帮扶专家结对培养本地骨干20名。",
       "省醫院幫扶安遠縣\n2024-03-01\n3月1日,"
       "江西省人民醫院對口幫扶安遠縣人民醫院工作推進會在安遠召開。"
       "三年來,江西省人民醫院先後派出專家40名常駐安遠,"
       "開展新技術30項。\n幫扶專家結對培養本地骨幹20名。",
       {{40, "安远县", "江西省", "2021", "2024-03-01"},
        {30, "安远县", "江西省", "2021", "2024-03-01"},
        {20, "安远县", "江西省", "2021", "2024-03-01"}}},
      {"the province whose hospitals open a clause of aid gives, though the county they aid lies "
       "in it (regression: a place of its own was no object of the verb of aid: no giver)",
       "渭源县2023年城乡对口支援工作总结\n2024-01-08\n2023年度,我县落实对口支援工作要求,"
       "甘肃省第二人民医院、甘肃省肿瘤医院2家省级医院对口支援渭源县人民医院。"
       "全年支援医院共派驻专家19名,开展新技术12项。",
       "渭源縣2023年城鄉對口支援工作總結\n2024-01-08\n2023年度,我縣落實對口支援工作要求,"
       "甘肅省第二人民醫院、甘肅省腫瘤醫院2家省級醫院對口支援渭源縣人民醫院。"
       "全年支援醫院共派駐專家19名,開展新技術12項。",
       {{2, "渭源县", "甘肃省", "2023", "2023"},
        {19, "渭源县", "甘肃省", "2023", "2023"},
        {12, "渭源县", "甘肃省", "2023", "2023"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: a hospital named by its level alone (level_hospital: data/context.tsv)") {
  const std::vector<Case> cases = {
      {"省立医院 in a county's report, its source line naming the county: the county's province "
       "(regression: no giver)",
       "省立医院帮扶平阴县人民医院一年间\n来源:平阴县融媒体中心 2024-05-10\n"
       "2023年以来,省立医院向平阴县人民医院派驻专家15名。一年来,专家团队完成手术300台。",
       "省立醫院幫扶平陰縣人民醫院一年間\n來源:平陰縣融媒體中心 2024-05-10\n"
       "2023年以來,省立醫院向平陰縣人民醫院派駐專家15名。一年來,專家團隊完成手術300臺。",
       {{15, "平阴县", "山东省", "2023", "2024-05-10"},
        {300, "平阴县", "山东省", "2023", "2024-05-10"}}},
      {"市中心医院 in a report that names its city: that city (regression: no giver)",
       "市中心医院专家下沉盐亭\n2024-06-01\n2024年以来,市中心医院先后选派专家8名到盐亭县人民医院"
       "坐诊,完成手术150台。盐亭县是绵阳市紧密型医联体的首批试点县。",
       "市中心醫院專家下沉鹽亭\n2024-06-01\n2024年以來,市中心醫院先後選派專家8名到鹽亭縣人民醫院"
       "坐診,完成手術150臺。鹽亭縣是綿陽市緊密型醫聯體的首批試點縣。",
       {{8, "盐亭县", "绵阳市", "2024", "2024-06-01"},
        {150, "盐亭县", "绵阳市", "2024", "2024-06-01"}}},
      {"a report that names only its county and no source leaves the province unsaid",
       "省人民医院专家驻点蓬溪\n记者 王明\n2024-06-01\n今年以来,省人民医院派出专家8名到"
       "蓬溪县人民医院驻点。",
       "省人民醫院專家駐點蓬溪\n記者 王明\n2024-06-01\n今年以來,省人民醫院派出專家8名到"
       "蓬溪縣人民醫院駐點。",
       {{8, "蓬溪县", "", "2024", "2024-06-01"}}},
      {"provincial hospitals listed together under a county's source line: a programme of several, "
       "its giver unsaid",
       "省级专家来平阴义诊\n来源:平阴县融媒体中心 2024-05-10\n5月8日,省立医院、省肿瘤医院的"
       "20名专家来到平阴县开展义诊。",
       "省級專家來平陰義診\n來源:平陰縣融媒體中心 2024-05-10\n5月8日,省立醫院、省腫瘤醫院的"
       "20名專家來到平陰縣開展義診。",
       {{20, "平阴县", "", "2024-05-08", "2024-05-08"}}},
      {"省 of a hospital in an autonomous region's county: no province of that kind",
       "省妇幼保健院专家进驻永宁\n来源:永宁县卫生健康局 2024-05-10\n今年3月,省妇幼保健院派出专家"
       "8名进驻永宁县妇幼保健院。",
       "省婦幼保健院專家進駐永寧\n來源:永寧縣衛生健康局 2024-05-10\n今年3月,省婦幼保健院派出專家"
       "8名進駐永寧縣婦幼保健院。",
       {{8, "永宁县", "", "2024-03", "2024-03"}}},
      {"市人民医院 in a county-level city's report is its own, no prefecture's",
       "都江堰医生下乡\n来源:都江堰市融媒体中心 2024-05-10\n2024年以来,市人民医院派出医生12名到"
       "成都市都江堰市的乡镇卫生院驻点。",
       "都江堰醫生下鄉\n來源:都江堰市融媒體中心 2024-05-10\n2024年以來,市人民醫院派出醫生12名到"
       "成都市都江堰市的鄉鎮衛生院駐點。",
       {{12, "都江堰市", "", "2024", "2024-05-10"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: places that are no subject of the verb after them") {
  const std::vector<Case> cases = {
      {"a title's kicker (威宁:…) names the report's place, no giver (regression: the county "
       "gave every count the lead's sentence did not name a giver for)",
       "威宁:省级专家下沉 县医院强筋壮骨\n2024-11-08\n今年以来,贵州省人民医院选派18名专家到"
       "威宁彝族回族苗族自治县人民医院帮扶。\n专家团队帮助新建学科2个,开展新技术21项。",
       "威寧:省級專家下沉 縣醫院強筋壯骨\n2024-11-08\n今年以來,貴州省人民醫院選派18名專家到"
       "威寧彝族回族苗族自治縣人民醫院幫扶。\n專家團隊幫助新建學科2個,開展新技術21項。",
       {{18, "威宁彝族回族苗族自治县", "贵州省", "2024", "2024-11-08"},
        {2, "威宁彝族回族苗族自治县", "贵州省", "2024", "2024-11-08"},
        {21, "威宁彝族回族苗族自治县", "贵州省", "2024", "2024-11-08"}}},
      {"将 before a hospital marks the object of the verb (toward: data/context.tsv), not its "
       "subject (regression: the city hospital passed on gave the county's own network's counts)",
       "县域医共体提质增效\n来源:会泽县融媒体中心 2024-03-15\n2023年以来,曲靖市第一人民医院"
       "派出专家15名到会泽县人民医院帮扶。会泽县人民医院作为牵头医院,将曲靖市第一人民医院"
       "带来的技术下沉到乡镇。一年来,县医共体向21个乡镇卫生院派驻医师42名。",
       "縣域醫共體提質增效\n來源:會澤縣融媒體中心 2024-03-15\n2023年以來,曲靖市第一人民醫院"
       "派出專家15名到會澤縣人民醫院幫扶。會澤縣人民醫院作為牽頭醫院,將曲靖市第一人民醫院"
       "帶來的技術下沉到鄉鎮。一年來,縣醫共體向21個鄉鎮衛生院派駐醫師42名。",
       {{15, "会泽县", "曲靖市", "2023", "2024-03-15"},
        {21, "会泽县", "会泽县", "2023", "2024-03-15"},
        {42, "会泽县", "会泽县", "2023", "2024-03-15"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: a programme within the giver's whole area") {
  const std::vector<Case> cases = {
      {"全省 in the count's sentence, which names no place, in a report of aid within the "
       "province: "
       "the province gives and receives the count (regression: the report's city and county)",
       "杭州医生下沉淳安\n2024-03-07\n3月5日,"
       "杭州市第一人民医院第5批下沉专家6名抵达淳安县第一人民医院。"
       "据省卫生健康委统计,截至2023年底,全省已有9000名城市医生下沉到县乡两级。",
       "杭州醫生下沉淳安\n2024-03-07\n3月5日,"
       "杭州市第一人民醫院第5批下沉專家6名抵達淳安縣第一人民醫院。"
       "據省衛生健康委統計,截至2023年底,全省已有9000名城市醫生下沉到縣鄉兩級。",
       {{6, "淳安县", "杭州市", "2024-03-05", "2024-03-05"},
        {9000, "浙江省", "浙江省", "", "2023-12"}}},
      {"全省 in the lead (whole: data/context.tsv): a province that sends down to its own counties "
       "and names no other receiver receives (regression: its own place left `to` empty)",
       "浙江医疗人才下沉县乡\n2024-02-"
       "01\n浙江省卫生健康委2023年组织全省三级医院向县乡两级下沉医务人员"
       "2000名。\n一年来,下沉医生在基层完成手术5000台。",
       "浙江醫療人才下沉縣鄉\n2024-02-"
       "01\n浙江省衛生健康委2023年組織全省三級醫院向縣鄉兩級下沉醫務人員"
       "2000名。\n一年來,下沉醫生在基層完成手術5000台。",
       {{2000, "浙江省", "浙江省", "2023", "2023"},
        {5000, "浙江省", "浙江省", "2023", "2024-02-01"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: a body's review of its aid outside, its lead summed up by 全省") {
  const std::vector<Case> cases = {
      {"the lead's total of the whole province, in a review that names receivers outside it, is "
       "the review's total: no one receiver (regression: the province received it)",
       "江西卫健系统对口支援工作回顾\n发布时间:2024-03-11 来源:江西省卫生健康委员会\n"
       "五年来,江西省卫生健康系统对口支援新疆克州和西藏阿里地区。全省累计选派医务人员900余名,"
       "投入资金3亿元。\n在克州,江西派出专家400名。",
       "江西衛健系統對口支援工作回顧\n發佈時間:2024-03-11 來源:江西省衛生健康委員會\n"
       "五年來,江西省衛生健康系統對口支援新疆克州和西藏阿里地區。全省累計選派醫務人員900餘名,"
       "投入資金3億元。\n在克州,江西派出專家400名。",
       {{900, "", "江西省", "2019", "2024-03-11"},
        {300000000, "", "江西省", "2019", "2024-03-11"},
        {400, "克孜勒苏柯尔克孜自治州", "江西省", "2019", "2024-03-11"}}},
      {"a year's lead of the whole province sent to the paired areas, which later sentences "
       "name outside it (regression: the province received it)",
       "福建卫健委2023年度对口支援工作综述\n发布日期:2024-01-10 信息来源:省卫生健康委\n"
       "2023年度,全省卫生健康系统共选派300名医务人员赴对口地区开展帮扶。\n"
       "对口支援方面,援藏医疗队在林芝市开展手术900台次;援疆医疗队在昌吉州培训医务人员500人次。",
       "福建衛健委2023年度對口支援工作綜述\n發佈日期:2024-01-10 信息來源:省衛生健康委\n"
       "2023年度,全省衛生健康系統共選派300名醫務人員赴對口地區開展幫扶。\n"
       "對口支援方面,援藏醫療隊在林芝市開展手術900台次;援疆醫療隊在昌吉州培訓醫務人員500人次。",
       {{300, "", "福建省", "2023", "2023"},
        {900, "林芝市", "福建省", "2023", "2023"},
        {500, "昌吉回族自治州", "福建省", "2023", "2023"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: two givers named, and the part of their total each gives") {
  const std::vector<Case> cases = {
      {"a pair of provinces (江苏、福建两省) is two givers, not the nation; a part opened by 其中 "
       "names its own giver (regression: 全国, then no giver for the part)",
       "四川:对口支援成效\n2024-05-20\n2021年以来,江苏、福建两省累计向四川选派医疗人才2000人次,"
       "其中江苏帮扶阿坝州,派驻1200人次;福建帮扶凉山州,派驻800人次。",
       "四川:對口支援成效\n2024-05-20\n2021年以來,江蘇、福建兩省累計向四川選派醫療人才2000人次,"
       "其中江蘇幫扶阿壩州,派駐1200人次;福建幫扶涼山州,派駐800人次。",
       {{2, "四川省", "", "2021", "2024-05-20"},
        {2000, "四川省", "", "2021", "2024-05-20"},
        {1200, "阿坝藏族羌族自治州", "江苏省", "2021", "2024-05-20"},
        {800, "凉山彝族自治州", "福建省", "2021", "2024-05-20"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: a sentence of the giver's whole area in a report on one of its counties") {
  const std::vector<Case> cases = {
      {"全省 (whole) in the count's sentence, no receiver named: the province receives, though the "
       "report's subject is one county's partnership with a city of it (regression: the county "
       "received the province's total and the city gave it)",
       "湖南三级医院医生下沉县域\n2024-04-16\n记者从湖南省卫生健康委获悉,2023年全省三级医院共向"
       "县级医院下沉医务人员2000名。\n桑植县人民医院与长沙一家三甲医院组建紧密型专科联盟,"
       "去年以来接收下沉专家20名。",
       "湖南三級醫院醫生下沉縣域\n2024-04-16\n記者從湖南省衛生健康委獲悉,2023年全省三級醫院共向"
       "縣級醫院下沉醫務人員2000名。\n桑植縣人民醫院與長沙一家三甲醫院組建緊密型專科聯盟,"
       "去年以來接收下沉專家20名。",
       {{2000, "湖南省", "湖南省", "2023", "2023"},
        {20, "桑植县", "长沙市", "2023", "2024-04-16"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: a review article that names several receivers") {
  const std::vector<Case> cases = {
      {"a list of provinces that ends with 等 or their number (等8个省市, 3省市) gives as 全国; "
       "each "
       "place of the list gives; and the national totals of a review that receives in several "
       "provinces have no receiver (regression: the list's givers were ambiguous and the "
       "unmarked ones read as receivers)",
       "援藏援青十年回眸\n2025-08-20\n2015年以来,北京、天津、江苏等8个省市累计选派援藏医疗人才600余"
       "名,“组团式”帮扶西藏自治区人民医院和5家地市医院。\n在青海,援青工作于2016年起步,山东、浙江、"
       "辽宁等省对口支援青海5个自治州,累计完成手术8000台。\n国家卫生健康委介绍,截至2024年底,"
       "受援医院"
       "累计接收进修人员3000余名。",
       "援藏援青十年回眸\n2025-08-20\n2015年以來,北京、天津、江蘇等8個省市累計選派援藏醫療人才600餘"
       "名,“組團式”幫扶西藏自治區人民醫院和5家地市醫院。\n在青海,援青工作於2016年起步,山東、浙江、"
       "遼寧等省對口支援青海5個自治州,累計完成手術8000臺。\n國家衛生健康委介紹,截至2024年底,"
       "受援醫院"
       "累計接收進修人員3000餘名。",
       {{8, "西藏自治区", "全国", "2015", "2025-08-20"},
        {600, "西藏自治区", "全国", "2015", "2025-08-20"},
        {5, "西藏自治区", "全国", "2015", "2025-08-20"},
        {5, "青海省", "全国", "2016", "2025-08-20"},
        {8000, "青海省", "全国", "2016", "2025-08-20"},
        {3000, "", "全国", "2015", "2024-12"}}},
      {"a list of provinces followed by their number (北京、上海、山东3省市) gives as 全国",
       "援青医疗人才工作进展\n2024-04-02\n2022年以来,"
       "北京、上海、山东3省市的支援单位共选派医疗人才90"
       "名,支援果洛、玉树2个州的医院。",
       "援青醫療人才工作進展\n2024-04-02\n2022年以來,"
       "北京、上海、山東3省市的支援單位共選派醫療人才90"
       "名,支援果洛、玉樹2個州的醫院。",
       {{3, "青海省", "全国", "2022", "2024-04-02"},
        {90, "青海省", "全国", "2022", "2024-04-02"},
        {2, "青海省", "全国", "2022", "2024-04-02"}}},
      {"a province right before a count of its own (云南省35家县级医院) is not narrowed to the "
       "report's county (regression: the province's hospitals went to 元阳县)",
       "沪滇协作见闻\n2024-05-10\n在红河州元阳县人民医院,上海专家完成手术300台。\n"
       "2021年至2023年,上海共有20家三级医院对口帮扶云南省35家县级医院。",
       "滬滇協作見聞\n2024-05-10\n在紅河州元陽縣人民醫院,上海專家完成手術300台。\n"
       "2021年至2023年,上海共有20家三級醫院對口幫扶雲南省35家縣級醫院。",
       {{300, "元阳县", "上海市", "2021", "2023"},
        {20, "云南省", "上海市", "2021", "2023"},
        {35, "云南省", "上海市", "2021", "2023"}}},
      {"a total of many givers (many_givers: 东部8省市, 全国) is the nation's, with no one "
       "receiver, "
       "and the period it states dates the other givers' counts (regression: the totals took the "
       "first province's sides, and its period was no other giver's)",
       "东西部协作综述\n2024-03-05\n2019—2023年,东部省市加大对西部的帮扶力度。五年间,东部8省市共"
       "选派医疗人才1.5万人次。\n浙江省累计选派专家900人次赴四川,帮扶凉山州。\n"
       "全国已批复建设60个区域医疗中心项目。",
       "東西部協作綜述\n2024-03-05\n2019—2023年,東部省市加大對西部的幫扶力度。五年間,東部8省市共"
       "選派醫療人才1.5萬人次。\n浙江省累計選派專家900人次赴四川,幫扶涼山州。\n"
       "全國已批覆建設60個區域醫療中心項目。",
       {{8, "", "全国", "2019", "2023"},
        {15000, "", "全国", "2019", "2023"},
        {900, "凉山彝族自治州", "浙江省", "2019", "2023"},
        {60, "", "全国", "2019", "2023"}}},
      {"a list of counts: each takes the place that opens its own item (regression: 援藏N名、"
       "援疆M名 read the whole clause and got no `to`)",
       "浙江省援藏援疆援青工作总结\n2023-12-20\n2023年,浙江省共选派医疗人才300名,"
       "其中援藏100名、援疆150名、援青50名。",
       "浙江省援藏援疆援青工作總結\n2023-12-20\n2023年,浙江省共選派醫療人才300名,"
       "其中援藏100名、援疆150名、援青50名。",
       {{300, "", "浙江省", "2023", "2023"},
        {100, "西藏自治区", "浙江省", "2023", "2023"},
        {150, "新疆维吾尔自治区", "浙江省", "2023", "2023"},
        {50, "青海省", "浙江省", "2023", "2023"}}},
      {"the report's period stated for one giver does not date another giver's counts",
       "东西部协作综述\n2024-03-05\n自1996年以来,福建省已向宁夏选派医疗人才1200名。\n"
       "沪滇协作中,上海市医生在普洱市完成手术1900台。",
       "東西部協作綜述\n2024-03-05\n自1996年以來,福建省已向寧夏選派醫療人才1200名。\n"
       "滬滇協作中,上海市醫生在普洱市完成手術1900臺。",
       {{1200, "宁夏回族自治区", "福建省", "1996", "2024-03-05"},
        {1900, "普洱市", "上海市", "", "2024-03-05"}}},
      {"semicolons part a sentence into statements, each with its own giver and receiver",
       "京沪粤帮扶西藏十年\n2024-08-01\n十年来,北京市向拉萨市派出专家500名;上海市支援日喀则市,"
       "开展新技术900项;广东省帮扶林芝市,培养骨干300名。",
       "京滬粵幫扶西藏十年\n2024-08-01\n十年來,北京市向拉薩市派出專家500名;上海市支援日喀則市,"
       "開展新技術900項;廣東省幫扶林芝市,培養骨幹300名。",
       {{500, "拉萨市", "北京市", "2014", "2024-08-01"},
        {900, "日喀则市", "上海市", "2014", "2024-08-01"},
        {300, "林芝市", "广东省", "2014", "2024-08-01"}}},
      {"the title's province is not narrowed to the one of several receivers named twice "
       "(regression: a review's totals went to 拉萨市)",
       "京沪粤援藏十年\n2024-08-01\n十年来,全国援藏医疗队累计诊疗患者50万人次。北京市向拉萨市派出"
       "专家500名,帮助拉萨市人民医院创建三甲医院;上海市支援日喀则市,开展新技术900项;"
       "广东省帮扶林芝市,培养骨干300名。",
       "京滬粵援藏十年\n2024-08-01\n十年來,全國援藏醫療隊累計診療患者50萬人次。北京市向拉薩市派出"
       "專家500名,幫助拉薩市人民醫院創建三甲醫院;上海市支援日喀則市,開展新技術900項;"
       "廣東省幫扶林芝市,培養骨幹300名。",
       {{500000, "西藏自治区", "全国", "2014", "2024-08-01"},
        {500, "拉萨市", "北京市", "2014", "2024-08-01"},
        {900, "日喀则市", "上海市", "2014", "2024-08-01"},
        {300, "林芝市", "广东省", "2014", "2024-08-01"}}},
      {"a programme word made more specific by the place an earlier clause of its sentence names",
       "江苏医疗援疆援藏\n2024-01-10\n江苏省选派专家分赴新疆、西藏。在克拉玛依市,"
       "江苏援疆专家组建名医工作室9个。在拉萨市,江苏援藏专家完成手术1100台。",
       "江蘇醫療援疆援藏\n2024-01-10\n江蘇省選派專家分赴新疆、西藏。在克拉瑪依市,"
       "江蘇援疆專家組建名醫工作室9個。在拉薩市,江蘇援藏專家完成手術1100台。",
       {{9, "克拉玛依市", "江苏省", "", "2024-01-10"},
        {1100, "拉萨市", "江苏省", "", "2024-01-10"}}},
      {"where a meeting is held (召开: no_side_after) does not narrow the receiving prefecture",
       "援疆医疗队工作座谈会\n2023-09-10\n9月8日,援疆医疗队工作座谈会在伊宁市召开。三年来,"
       "江苏省先后选派150名医疗人才赴伊犁哈萨克自治州开展帮扶。",
       "援疆醫療隊工作座談會\n2023-09-10\n9月8日,援疆醫療隊工作座談會在伊寧市召開。三年來,"
       "江蘇省先後選派150名醫療人才赴伊犁哈薩克自治州開展幫扶。",
       {{150, "伊犁哈萨克自治州", "江苏省", "2020", "2023-09-10"}}},
      {"the subject of a sending verb whose persons go to study receives (regression: "
       "红河州选派…到上海跟岗学习 made 红河州 a giver, and the report lost its giver)",
       "沪滇协作\n2023-10-10\n2021年以来,上海市与红河州开展东西部协作。红河州选派医务人员80名到"
       "上海跟岗学习,上海专家在红河州开展手术500台。",
       "滬滇協作\n2023-10-10\n2021年以來,上海市與紅河州開展東西部協作。紅河州選派醫務人員80名到"
       "上海跟崗學習,上海專家在紅河州開展手術500台。",
       {{80, "红河哈尼族彝族自治州", "上海市", "2021", "2023-10-10"},
        {500, "红河哈尼族彝族自治州", "上海市", "2021", "2023-10-10"}}},
      {"partners that 组建 an alliance (组建…联盟: data/frames.tsv) neither send; the one that 接收"
       "s experts (接收…专家) receives, its partner gives (regression: 组建 read as sending)",
       "专科联盟见成效\n2024-04-02\n兴国县人民医院与南昌一家省级医院组建专科联盟,两年来接收下沉专家"
       "15名,开展新项目21项。",
       "專科聯盟見成效\n2024-04-02\n興國縣人民醫院與南昌一家省級醫院組建專科聯盟,兩年來接收下沉專家"
       "15名,開展新項目21項。",
       {{15, "兴国县", "南昌市", "2022", "2024-04-02"},
        {21, "兴国县", "南昌市", "2022", "2024-04-02"}}},
      {"the host of experts whose partner (和 …) is named without a frame of alliance receives",
       "医联体帮扶\n2023-11-20\n会昌县中医院和赣州一家三甲医院合作,医院接收专家9名。",
       "醫聯體幫扶\n2023-11-20\n會昌縣中醫院和贛州一家三甲醫院合作,醫院接收專家9名。",
       {{9, "会昌县", "赣州市", "", "2023-11-20"}}},
      {"partners joined by 和 (partner: data/context.tsv) in a clause of aid: the first gives",
       "广黔协作\n2023-12-01\n广州市和黔南州签订对口帮扶协议。一年来,"
       "专家团队在黔南州完成手术200台。",
       "廣黔協作\n2023-12-01\n廣州市和黔南州簽訂對口幫扶協議。一年來,"
       "專家團隊在黔南州完成手術200台。",
       {{200, "黔南布依族苗族自治州", "广州市", "2022", "2023-12-01"}}},
      {"a place after 地处 (located) is its clause's subject, the first partner of a pair of aid",
       "结对帮扶一周年\n2023-06-01\n2022年,地处株洲市的我院与炎陵县人民医院签订帮扶协议。一年来,"
       "我院先后派驻专家20人次。",
       "結對幫扶一週年\n2023-06-01\n2022年,地處株洲市的我院與炎陵縣人民醫院簽訂幫扶協議。一年來,"
       "我院先後派駐專家20人次。",
       {{20, "炎陵县", "株洲市", "2022", "2023-06-01"}}},
      {"a list of places is no list of counts: the count's item does not narrow it",
       "医疗队下乡义诊\n2023-09-01\n浙江援疆医疗队赴阿瓦提县、乌什县、柯坪县等3个县开展义诊20次。",
       "醫療隊下鄉義診\n2023-09-01\n浙江援疆醫療隊赴阿瓦提縣、烏什縣、柯坪縣等3個縣開展義診20次。",
       {{3, "阿克苏地区", "浙江省", "", "2023-09-01"},
        {20, "阿克苏地区", "浙江省", "", "2023-09-01"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: the subject that sends, and the level it gives at") {
  const std::vector<Case> cases = {
      {"a place after a preposition of its object (向: toward) is not the subject that sends "
       "(regression: 向西藏、新疆选派 made both givers, and the report lost its giver)",
       "援藏援疆十年\n2022-09-01\n2012年以来,江西省卫生健康系统认真落实部署,"
       "向西藏、新疆等地选派医疗人才。十年间,全省累计派出医疗人才600余名。",
       "援藏援疆十年\n2022-09-01\n2012年以來,江西省衛生健康系統認真落實部署,"
       "向西藏、新疆等地選派醫療人才。十年間,全省累計派出醫療人才600餘名。",
       {{600, "", "江西省", "2012", "2022-09-01"}}},
      {"a place that opens an earlier clause is not the subject of a verb whose clause another "
       "place opens (regression: 雅安地震后 made 雅安市 a giver too)",
       "浙雅协作十年\n2023-05-01\n雅安地震后,浙江省自2013年起对口支援雅安市,"
       "十年来先后派出医疗专家300人次。",
       "浙雅協作十年\n2023-05-01\n雅安地震後,浙江省自2013年起對口支援雅安市,"
       "十年來先後派出醫療專家300人次。",
       {{300, "雅安市", "浙江省", "2013", "2023-05-01"}}},
      {"the subject of a verb of aid in a later clause of its sentence gives (regression: the "
       "hospital's city was no giver when 以…形式, stood between)",
       "院包科帮扶\n2023-06-01\n为落实对口支援部署,南昌市人民医院自2020年起以“院包科”形式,"
       "整建制帮扶寻乌县人民医院。三年来,该院派驻专家45人次。",
       "院包科幫扶\n2023-06-01\n為落實對口支援部署,南昌市人民醫院自2020年起以“院包科”形式,"
       "整建制幫扶尋烏縣人民醫院。三年來,該院派駐專家45人次。",
       {{45, "寻乌县", "南昌市", "2020", "2023-06-01"}}},
      {"a province that sends in the count's own sentence gives at its level, a city that forms "
       "the team at its own (regression: the report's city replaced the province)",
       "第五批江苏医疗队返程\n2023-07-01\n7月初,第五批江苏省医疗队结束在伊犁州的任务。自2017年以来,"
       "江苏省累计向伊犁州选派医疗人才500余名。本批医疗队由苏州市组建,共30名队员。",
       "第五批江蘇醫療隊返程\n2023-07-01\n7月初,第五批江蘇省醫療隊結束在伊犁州的任務。自2017年以來,"
       "江蘇省累計向伊犁州選派醫療人才500餘名。本批醫療隊由蘇州市組建,共30名隊員。",
       {{500, "伊犁哈萨克自治州", "江苏省", "2017", "2023-07-01"},
        {30, "伊犁哈萨克自治州", "苏州市", "2017", "2023-07-01"}}},
      {"the city that sends in its own right is the report's giver over its district that opens "
       "the report, and its short name without a verb is it too (regression: 南山区 for 深圳专家)",
       "粤桂协作\n2022-01-05\n近日,深圳市南山区派驻那坡县人民医院的专家又有了新任务。\n2021年,"
       "深圳市向百色市选派医疗人才120名。在那坡县,深圳专家完成手术300台。",
       "粵桂協作\n2022-01-05\n近日,深圳市南山區派駐那坡縣人民醫院的專家又有了新任務。\n2021年,"
       "深圳市向百色市選派醫療人才120名。在那坡縣,深圳專家完成手術300台。",
       {{120, "百色市", "深圳市", "2021", "2021"}, {300, "那坡县", "深圳市", "2021", "2021"}}},
      {"a team named by a verb of aid (天津帮扶专家) is the district's team, no sender of its own",
       "津甘协作\n2022-01-01\n天津市北辰区对口帮扶玛曲县。据统计,天津帮扶专家在玛曲县累计诊疗患者1."
       "6万人次。",
       "津甘協作\n2022-01-01\n天津市北辰區對口幫扶瑪曲縣。據統計,天津幫扶專家在瑪曲縣累計診療患者1."
       "6萬人次。",
       {{16000, "玛曲县", "北辰区", "", "2022-01-01"}}},
      {"a direction right after a place (西藏东部) is no programme of many givers (many_givers: "
       "东部)",
       "天津援藏\n2022-10-10\n天津市先后派出医疗队赴昌都市,帮助昌都市人民医院开展新技术120项,"
       "其中30项填补西藏东部空白。",
       "天津援藏\n2022-10-10\n天津市先後派出醫療隊赴昌都市,幫助昌都市人民醫院開展新技術120項,"
       "其中30項填補西藏東部空白。",
       {{120, "昌都市", "天津市", "", "2022-10-10"}, {30, "昌都市", "天津市", "", "2022-10-10"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: the giver named only as the institution that published the report") {
  const std::vector<Case> cases = {
      {"我院 of a hospital's own account stands for the place that opens the hospital's name in "
       "its credit line (own_institution, institution: data/context.tsv)",
       "我院对口帮扶工作小结\n来源:绵阳市涪江医院 2023-07-10\n2023年,我院向松潘县人民医院派驻专家"
       "12名,开展手术160台。",
       "我院對口幫扶工作小結\n來源:綿陽市涪江醫院 2023-07-10\n2023年,我院向松潘縣人民醫院派駐專家"
       "12名,開展手術160台。",
       {{12, "松潘县", "绵阳市", "2023", "2023"}, {160, "松潘县", "绵阳市", "2023", "2023"}}},
      {"a receiving hospital's report that names no giver: the institution of its byline after "
       "the body gives",
       "木里县人民医院迎来帮扶专家\n2023-03-20\n3月18日,木里县人民医院迎来第五批对口支援专家,"
       "共8名专家。\n供稿:攀枝花市金沙医院医务部",
       "木里縣人民醫院迎來幫扶專家\n2023-03-20\n3月18日,木里縣人民醫院迎來第五批對口支援專家,"
       "共8名專家。\n供稿:攀枝花市金沙醫院醫務部",
       {{8, "木里藏族自治县", "攀枝花市", "2023-03-18", "2023-03-18"}}},
      {"a receiving hospital that heads an item of the body (会泽县人民医院:…) is no giver of it",
       "我院帮扶工作总结\n供稿:昆明市滇池医院医务部\n2022年,我院向会泽县、富源县派驻专家20名。\n"
       "会泽县人民医院:派驻专家12名,开展手术300台。",
       "我院幫扶工作總結\n供稿:昆明市滇池醫院醫務部\n2022年,我院向會澤縣、富源縣派駐專家20名。\n"
       "會澤縣人民醫院:派駐專家12名,開展手術300台。",
       {{20, "曲靖市", "昆明市", "2022", "2022"},
        {12, "会泽县", "昆明市", "2022", "2022"},
        {300, "会泽县", "昆明市", "2022", "2022"}}},
      {"我院 of a receiving hospital's staff (我院医生) is no giver, and a giver the lead names "
       "comes first",
       "上海专家来我院\n来源:日喀则市人民医院\n2023年,上海市派出专家30名赴日喀则市人民医院,"
       "带教我院医生45名。",
       "上海專家來我院\n來源:日喀則市人民醫院\n2023年,上海市派出專家30名赴日喀則市人民醫院,"
       "帶教我院醫生45名。",
       {{30, "日喀则市", "上海市", "2023", "2023"}, {45, "日喀则市", "上海市", "2023", "2023"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: a hospital's own account that names itself in full gives from its place") {
  const std::vector<Case> cases = {
      {"a title that opens with the name of the institution the body calls 我院 (a year's summary "
       "whose lead names no giver): the place of the name gives, not receives (regression: "
       "from empty)",
       "温州市第二人民医院2022年度对口支援工作总结\n2023-01-05\n2022年,我院围绕新疆喀什地区、"
       "贵州省黔南州两个方向开展工作。\n全年选派援疆专家12名,分驻喀什地区第一人民医院。",
       "溫州市第二人民醫院2022年度對口支援工作總結\n2023-01-05\n2022年,我院圍繞新疆喀什地區、"
       "貴州省黔南州兩個方向開展工作。\n全年選派援疆專家12名,分駐喀什地區第一人民醫院。",
       {{2, "", "温州市", "2022", "2022"}, {12, "喀什地区", "温州市", "2022", "2022"}}},
      {"the same title over a lead that names only the hospital's own city (its city's medical "
       "group), its name repeated in the byline: the city gives and receives",
       "温州市第二人民医院2022年度医联体工作总结\n本年度,我院牵头的温州市城市医疗集团成员单位"
       "增至20家。全年向成员单位派出下沉专家60名。\n温州市第二人民医院\n2022年12月28日",
       "溫州市第二人民醫院2022年度醫聯體工作總結\n本年度,我院牽頭的溫州市城市醫療集團成員單位"
       "增至20家。全年向成員單位派出下沉專家60名。\n溫州市第二人民醫院\n2022年12月28日",
       {{20, "温州市", "温州市", "2022", "2022"}, {60, "温州市", "温州市", "2022", "2022"}}},
      {"under a title of 我院 that no credit names, the hospital the body names in full (温州市"
       "瓯海医院) and then by its short name opening a clause (瓯海医院先后派出) is 我院: its "
       "place gives, and receives nothing (regression: to 温州市, from empty)",
       "我院第二批援凉医疗队凯旋\n11月20日,在布拖县人民医院门前,温州市瓯海医院第二批援凉医疗队"
       "7名队员与当地同事告别。两年来,瓯海医院先后派出2批医疗队,开展手术300台。\n2023年11月25日",
       "我院第二批援涼醫療隊凱旋\n11月20日,在布拖縣人民醫院門前,溫州市甌海醫院第二批援涼醫療隊"
       "7名隊員與當地同事告別。兩年來,甌海醫院先後派出2批醫療隊,開展手術300台。\n2023年11月25日",
       {{7, "布拖县", "温州市", "2023-11-20", "2023-11-20"},
        {2, "布拖县", "温州市", "2021", "2023-11-25"},
        {300, "布拖县", "温州市", "2021", "2023-11-25"}}},
      {"the same under a two-line title and a byline with no place, where the receiving "
       "hospital is named after its province and opens a clause (重庆市巫溪县人民医院…,巫溪县人民"
       "医院新开展): that hospital's name is its county's (regression: from empty)",
       "浙渝情深 医路同行\n——我院2023年度对口帮扶巫溪县工作综述\n2023年是温州市瓯海医院对口帮扶"
       "重庆市巫溪县人民医院的第二年。一年来,瓯海医院选派专家6人赴巫溪县开展帮扶。在专家的帮助下,"
       "巫溪县人民医院新开展新技术5项。\n(通讯员 李明 2024年1月10日)",
       "浙渝情深 醫路同行\n——我院2023年度對口幫扶巫溪縣工作綜述\n2023年是溫州市甌海醫院對口幫扶"
       "重慶市巫溪縣人民醫院的第二年。一年來,甌海醫院選派專家6人赴巫溪縣開展幫扶。在專家的幫助下,"
       "巫溪縣人民醫院新開展新技術5項。\n(通訊員 李明 2024年1月10日)",
       {{6, "巫溪县", "温州市", "2023", "2024-01-10"},
        {5, "巫溪县", "温州市", "2023", "2024-01-10"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: the title's place named without a side, outside the lead's receivers, gives") {
  const std::vector<Case> cases = {
      {"a press conference's title names its province, the lead sends elsewhere (赴青海) and "
       "names no giver: the title's place gives (regression: the two sides swapped)",
       "福建省卫生健康新闻发布会\n2024-09-12\n“十四五”以来,我省累计选派专家300名赴青海开展帮扶,"
       "完成手术5000台。",
       "福建省衛生健康新聞發布會\n2024-09-12\n“十四五”以來,我省累計選派專家300名赴青海開展幫扶,"
       "完成手術5000台。",
       {{300, "青海省", "福建省", "2021", "2024-09-12"},
        {5000, "青海省", "福建省", "2021", "2024-09-12"}}},
      {"a receiver inside the title's place keeps the title's place as the receiving area",
       "甘孜州卫生健康新闻发布会\n2024-09-12\n今年以来,累计选派专家30名赴泸定县开展帮扶。",
       "甘孜州衛生健康新聞發布會\n2024-09-12\n今年以來,累計選派專家30名赴瀘定縣開展幫扶。",
       {{30, "泸定县", "", "2024", "2024-09-12"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: 我省 of a government body's report stands for the body's own area") {
  const std::vector<Case> cases = {
      {"我省 (own_area: data/context.tsv) is the province that opens the publishing body's name "
       "in the title (authority), a giver over a national team's name (regression: 全国)",
       "江西省卫生健康委员会援外工作小结\n2023-08-01\n2023年,我省派出第20批援马里中国医疗队,"
       "共30名队员,接诊患者5000人次。",
       "江西省衛生健康委員會援外工作小結\n2023-08-01\n2023年,我省派出第20批援馬里中國醫療隊,"
       "共30名隊員,接診患者5000人次。",
       {{30, "马里", "江西省", "2023", "2023"}, {5000, "马里", "江西省", "2023", "2023"}}},
      {"全省 (whole) of the body's own report after aid abroad: its province gives and receives "
       "(regression: 马里 carried on)",
       "江西省卫生健康委员会援外工作小结\n2023-08-01\n2023年,我省派出第20批援马里中国医疗队,"
       "共30名队员。全省40家三级医院对口支援80家县级医院。",
       "江西省衛生健康委員會援外工作小結\n2023-08-01\n2023年,我省派出第20批援馬里中國醫療隊,"
       "共30名隊員。全省40家三級醫院對口支援80家縣級醫院。",
       {{30, "马里", "江西省", "2023", "2023"},
        {40, "江西省", "江西省", "2023", "2023"},
        {80, "江西省", "江西省", "2023", "2023"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: a year's summary covers the year its title states") {
  const std::vector<Case> cases = {
      {"全年 (whole_year) of a summary titled 2022年工作总结 (year_report: data/context.tsv) is "
       "that year, not the publication's; its 自…以来 dates its own total only, up to that year "
       "(regression: 2016 carried to the next sentence, until the publication date)",
       "江西省卫生健康委员会2022年工作总结\n2023-01-20\n一是援藏。全年选派专家20名,"
       "开展手术300台;自2016年开展援藏以来,我省累计选派专家150名。二是援疆。"
       "向克州选派医生12名。\n自2018年以来,我省累计向克州选派专家90名。",
       "江西省衛生健康委員會2022年工作總結\n2023-01-20\n一是援藏。全年選派專家20名,"
       "開展手術300台;自2016年開展援藏以來,我省累計選派專家150名。二是援疆。"
       "向克州選派醫生12名。\n自2018年以來,我省累計向克州選派專家90名。",
       {{20, "西藏自治区", "江西省", "2022", "2022"},
        {300, "西藏自治区", "江西省", "2022", "2022"},
        {150, "西藏自治区", "江西省", "2016", "2022"},
        {12, "克孜勒苏柯尔克孜自治州", "江西省", "2022", "2022"},
        {90, "克孜勒苏柯尔克孜自治州", "江西省", "2018", "2022"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: a health commission's report on its own aid (我委), its body in the title") {
  const std::vector<Case> cases = {
      {"a lead that names no giver is the account of the body the title names (authority: "
       "data/context.tsv), which gives; its aid to several provinces leaves a total that names "
       "no receiver with none (regression: 拉萨市 gave, 江苏省 received)",
       "江苏省卫生健康委员会2023年工作报告\n2024-01-20\n2023年,我委持续推进医疗援助。\n"
       "援藏方面,第八批医疗队30名专家进驻拉萨市人民医院,开展手术500台。\n"
       "向伊犁州选派医疗人才60名。\n截至2023年底,我省累计选派医疗人才2000人次。",
       "江蘇省衛生健康委員會2023年工作報告\n2024-01-20\n2023年,我委持續推進醫療援助。\n"
       "援藏方面,第八批醫療隊30名專家進駐拉薩市人民醫院,開展手術500臺。\n"
       "向伊犁州選派醫療人才60名。\n截至2023年底,我省累計選派醫療人才2000人次。",
       {{30, "拉萨市", "江苏省", "2023", "2023"},
        {500, "拉萨市", "江苏省", "2023", "2023"},
        {60, "伊犁哈萨克自治州", "江苏省", "2023", "2023"},
        {2000, "", "江苏省", "", "2023-12"}}},
      {"the same where the lead's receiver is named without a marker (…与重庆市的医院结对帮扶): "
       "not the report's giver (regression: 重庆市 gave)",
       "浙江省卫生健康委员会2022年工作报告\n2023-02-01\n2022年,我委推进东西部协作。\n"
       "组织省内医院与重庆市的医院结对帮扶,全年选派医务人员120名。",
       "浙江省衛生健康委員會2022年工作報告\n2023-02-01\n2022年,我委推進東西部協作。\n"
       "組織省內醫院與重慶市的醫院結對幫扶,全年選派醫務人員120名。",
       {{120, "重庆市", "浙江省", "2022", "2022"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: a year's report titled 关于2022年…工作情况的报告") {
  const std::vector<Case> cases = {
      {"the year_report word later in the title (data/context.tsv) makes the report a year's; "
       "截至2022年底 past a semicolon dates its own statement only, and not the next sentence's "
       "count either (regression: since empty for 40 and 15)",
       "湖南省卫生健康委员会关于2022年对口支援工作情况的报告\n2023-02-10\n"
       "2022年,我委继续做好对口支援工作。\n援疆方面,选派第九批医疗人才40名赴吐鲁番市;"
       "截至2022年底,我省累计选派医疗人才800余名。向山南市派驻专家15名。",
       "湖南省衛生健康委員會關於2022年對口支援工作情況的報告\n2023-02-10\n"
       "2022年,我委繼續做好對口支援工作。\n援疆方面,選派第九批醫療人才40名赴吐魯番市;"
       "截至2022年底,我省累計選派醫療人才800餘名。向山南市派駐專家15名。",
       {{40, "吐鲁番市", "湖南省", "2022", "2022"},
        {800, "吐鲁番市", "湖南省", "", "2022-12"},
        {15, "山南市", "湖南省", "2022", "2022"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: two prefectures listed before a count receive as their province") {
  const std::vector<Case> cases = {
      {"百 of 百色市 is no numeral of a count listed beside (regression: 河池市, the last item)",
       "广东援助回顾\n2024-01-10\n2023年,广东省重点帮扶百色市、河池市的县级医院41家。",
       "廣東援助回顧\n2024-01-10\n2023年,廣東省重點幫扶百色市、河池市的縣級醫院41家。",
       {{41, "广西壮族自治区", "广东省", "2023", "2023"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: a review of two partnerships inside the receiving province") {
  const std::vector<Case> cases = {
      {"two prefectures each aided by a sender of its own (福州市对口帮扶固原市, 厦门市帮扶吴忠市) "
       "leave the province a count names as it is (regression: 固原市, named twice)",
       "闽宁协作回顾\n2023-08-01\n自1996年以来,福建省先后选派医疗人才1600余名赴宁夏工作。\n"
       "福州市对口帮扶固原市,为固原市培养医生60名。厦门市帮扶吴忠市,投入资金4800万元。",
       "閩寧協作回顧\n2023-08-01\n自1996年以來,福建省先後選派醫療人才1600餘名赴寧夏工作。\n"
       "福州市對口幫扶固原市,為固原市培養醫生60名。廈門市幫扶吳忠市,投入資金4800萬元。",
       {{1600, "宁夏回族自治区", "福建省", "1996", "2023-08-01"},
        {60, "固原市", "福州市", "1996", "2023-08-01"},
        {48000000, "吴忠市", "厦门市", "1996", "2023-08-01"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: a review that pairs the giver's cities with counties") {
  const std::vector<Case> cases = {
      {"a city paired with a county (对口, 结对: verbs of aid of data/frames.tsv), also after 其中 "
       "(continues), and a city's medical team (医疗队: team) give at the city's level, not the "
       "province's (regression: 江西省 for each)",
       "江西援疆回顾\n2022-05-10\n2021年,江西省累计选派医疗人才300名赴克孜勒苏柯尔克孜自治州。"
       "其中南昌市对口阿克陶县,先后派出医生40名。九江市结对乌恰县,为当地培养医生60名。"
       "赣州市医疗队在阿图什市开展义诊,接诊群众5000人次。",
       "江西援疆回顧\n2022-05-10\n2021年,江西省累計選派醫療人才300名赴克孜勒蘇柯爾克孜自治州。"
       "其中南昌市對口阿克陶縣,先後派出醫生40名。九江市結對烏恰縣,為當地培養醫生60名。"
       "贛州市醫療隊在阿圖什市開展義診,接診群眾5000人次。",
       {{300, "克孜勒苏柯尔克孜自治州", "江西省", "2021", "2021"},
        {40, "阿克陶县", "南昌市", "2021", "2021"},
        {60, "乌恰县", "九江市", "2021", "2021"},
        {5000, "阿图什市", "赣州市", "2021", "2021"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: an autonomous county by its common short form") {
  const std::vector<Case> cases = {
      {"孟连县 names 孟连傣族拉祜族佤族自治县 (tools/places_gen: first two characters and 县), in "
       "its own sentence and in the next (regression: 普洱市, then none)",
       "沪滇协作回顾\n2024-02-01\n2023年,杨浦区向普洱市孟连县选派医疗人才8名。"
       "杨浦区全年为孟连县开展远程会诊90次。",
       "滬滇協作回顧\n2024-02-01\n2023年,楊浦區向普洱市孟連縣選派醫療人才8名。"
       "楊浦區全年為孟連縣開展遠程會診90次。",
       {{8, "孟连傣族拉祜族佤族自治县", "杨浦区", "2023", "2023"},
        {90, "孟连傣族拉祜族佤族自治县", "杨浦区", "2023", "2023"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: a plan's whole period (era with its last year, then 期间: data/times.tsv)") {
  const std::vector<Case> cases = {
      {"“十二五”期间 is 2011..2015, and N年里 in a later paragraph counts the same whole years "
       "(regression: the report's period 五年里 back from its date)",
       "江西援疆回顾\n2016-08-01\n“十二五”期间,江西省共选派医疗人才260名赴阿克陶县。\n"
       "南昌市对口阿克陶县,五年里派出专家30名。",
       "江西援疆回顧\n2016-08-01\n“十二五”期間,江西省共選派醫療人才260名赴阿克陶縣。\n"
       "南昌市對口阿克陶縣,五年裡派出專家30名。",
       {{260, "阿克陶县", "江西省", "2011", "2015"}, {30, "阿克陶县", "南昌市", "2011", "2015"}}},
      {"two plans, quoted and not, each its own years (one search for 期间 finds both)",
       "宁夏援藏回顾\n2022-06-01\n十三五期间,宁夏累计选派医疗人才120名赴阿里地区。\n"
       "“十四五”期间,宁夏已选派医疗人才45名赴阿里地区。",
       "寧夏援藏回顧\n2022-06-01\n十三五期間,寧夏累計選派醫療人才120名赴阿里地區。\n"
       "“十四五”期間,寧夏已選派醫療人才45名赴阿里地區。",
       {{120, "阿里地区", "宁夏回族自治区", "2016", "2020"},
        {45, "阿里地区", "宁夏回族自治区", "2021", "2025"}}},
      {"N年来 in a review dated right after the plan counts the plan's whole years "
       "(regression: 2016 to the report's date)",
       "江西援疆回顾\n2021-01-10\n“十三五”期间(2016年至2020年),"
       "江西省共选派医疗人才300名赴阿克陶县。\n"
       "五年来,江西省投入资金8000万元。",
       "江西援疆回顧\n2021-01-10\n“十三五”期間(2016年至2020年),"
       "江西省共選派醫療人才300名赴阿克陶縣。\n"
       "五年來,江西省投入資金8000萬元。",
       {{300, "阿克陶县", "江西省", "2016", "2020"},
        {80000000, "阿克陶县", "江西省", "2016", "2020"}}},
      {"but not in a review dated later: N年来 runs to its date",
       "江西援疆回顾\n2023-01-10\n“十三五”期间(2016年至2020年),"
       "江西省共选派医疗人才300名赴阿克陶县。\n"
       "五年来,江西省投入资金8000万元。",
       "江西援疆回顧\n2023-01-10\n“十三五”期間(2016年至2020年),"
       "江西省共選派醫療人才300名赴阿克陶縣。\n"
       "五年來,江西省投入資金8000萬元。",
       {{300, "阿克陶县", "江西省", "2016", "2020"},
        {80000000, "阿克陶县", "江西省", "2018", "2023-01-10"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: a national team's province named only in a later sentence") {
  const std::vector<Case> cases = {
      {"the one place the report makes a sender toward the team's country gives the team's "
       "counts (regression: none, 中国援 names no province)",
       "中国第十批援马拉维医疗队凯旋\n2023-02-10\n中国第十批援马拉维医疗队近日完成任务回国。"
       "医疗队12名队员在利隆圭工作一年,累计诊疗患者2万人次。\n"
       "据统计,陕西省先后向马拉维派遣医疗队员约200人次。",
       "中國第十批援馬拉維醫療隊凱旋\n2023-02-10\n中國第十批援馬拉維醫療隊近日完成任務回國。"
       "醫療隊12名隊員在利隆圭工作一年,累計診療患者2萬人次。\n"
       "據統計,陝西省先後向馬拉維派遣醫療隊員約200人次。",
       {{12, "马拉维", "陕西省", "", "2023-02-10"},
        {20000, "马拉维", "陕西省", "", "2023-02-10"},
        {200, "马拉维", "陕西省", "", "2023-02-10"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: a team abroad receives abroad") {
  const std::vector<Case> cases = {
      {"the home city of the send-off and a hospital named after a Chinese city receive nothing "
       "beside the team's country",
       "湖南省第九批援塞拉利昂医疗队出征\n2022-05-06\n5月4日,湖南省第九批援塞拉利昂医疗队在长沙"
       "举行出征仪式。该队共20名队员。\n"
       "上一批援塞医疗队16名队员在弗里敦的湘雅-北京医院工作,完成手术900台。",
       "湖南省第九批援塞拉利昂醫療隊出征\n2022-05-06\n5月4日,湖南省第九批援塞拉利昂醫療隊在長沙"
       "舉行出征儀式。該隊共20名隊員。\n"
       "上一批援塞醫療隊16名隊員在弗里敦的湘雅-北京醫院工作,完成手術900台。",
       {{20, "塞拉利昂", "湖南省", "2022-05-04", "2022-05-04"},
        {16, "塞拉利昂", "湖南省", "", "2022-05-06"},
        {900, "塞拉利昂", "湖南省", "", "2022-05-06"}}},
      {"a country right after 援 is the team's, never the subject of its verb (toward: "
       "data/context.tsv)",
       "江西省援外医疗工作\n2023-01-10\n2022年,江西省援外医疗队在外队员合计30名。"
       "其中,援多哥医疗队在洛美派驻队员12名,援突尼斯医疗队完成手术40例。",
       "江西省援外醫療工作\n2023-01-10\n2022年,江西省援外醫療隊在外隊員合計30名。"
       "其中,援多哥醫療隊在洛美派駐隊員12名,援突尼斯醫療隊完成手術40例。",
       {{30, "", "江西省", "2022", "2022"},
        {12, "多哥", "江西省", "2022", "2022"},
        {40, "突尼斯", "江西省", "2022", "2022"}}},
      {"援中非 is the Central African Republic, whose short name alone is China–Africa "
       "(data/programmes.tsv)",
       "第十批援中非医疗队启程\n2021-06-02\n6月1日,安徽省第十批援中非医疗队启程。"
       "医疗队共12名队员。",
       "第十批援中非醫療隊啟程\n2021-06-02\n6月1日,安徽省第十批援中非醫療隊啟程。"
       "醫療隊共12名隊員。",
       {{12, "中非", "安徽省", "2021-06-01", "2021-06-01"}}},
      {"a division of a foreign country receives as its country (facts.md: a Chinese division "
       "or a country's short name)",
       "援外医疗队凯旋\n2024-03-02\n3月1日,江苏省第三十二批援桑给巴尔医疗队回国。"
       "医疗队在桑给巴尔完成手术1500台。",
       "援外醫療隊凱旋\n2024-03-02\n3月1日,江蘇省第三十二批援桑給巴爾醫療隊回國。"
       "醫療隊在桑給巴爾完成手術1500台。",
       {{1500, "坦桑尼亚", "江苏省", "2024-03-01", "2024-03-01"}}},
      {"a province's own paper (来源:某某日报: paper) says 我区 of its region",
       "我区援外医疗三十年\n来源:宁夏日报 2023-08-01\n三十年来,我区先后派出援外医疗队员400人次。",
       "我區援外醫療三十年\n來源:寧夏日報 2023-08-01\n三十年來,我區先後派出援外醫療隊員400人次。",
       {{400, "", "宁夏回族自治区", "1993", "2023-08-01"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: counts listed after 分别 go to the places listed before them, in order") {
  const std::vector<Case> cases = {
      {"in the clause: 分别向A、B派出X名和Y名",
       "援外医疗五十年\n2023-03-01\n五十年来,湖北省分别向阿尔及利亚、莱索托派出队员800名和90名。",
       "援外醫療五十年\n2023-03-01\n五十年來,湖北省分別向阿爾及利亞、萊索托派出隊員800名和90名。",
       {{800, "阿尔及利亚", "湖北省", "1973", "2023-03-01"},
        {90, "莱索托", "湖北省", "1973", "2023-03-01"}}},
      {"in the sentence before, when the count's own names no place (Malta: data/countries.tsv)",
       "江苏援外医疗工作座谈会\n2024-02-01\n江苏省承担援马耳他、援圭亚那任务。"
       "目前两支医疗队在岗队员分别为7名和12名。",
       "江蘇援外醫療工作座談會\n2024-02-01\n江蘇省承擔援馬耳他、援圭亞那任務。"
       "目前兩支醫療隊在崗隊員分別為7名和12名。",
       {{2, "", "江苏省", "", "2024-02-01"},
        {7, "马耳他", "江苏省", "", "2024-02-01"},
        {12, "圭亚那", "江苏省", "", "2024-02-01"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: the team before this one, in a sentence stating no time (past_team)") {
  const std::vector<Case> cases = {
      {"its counts, in a paragraph stating no time, cover its own undated term, not the "
       "programme's period told before",
       "第九批援多米尼克医疗队抵达\n2023-06-10\n福建省第九批援多米尼克医疗队日前抵达罗索。"
       "自2013年起,福建省累计派出医疗队员60余人次。\n"
       "上一批医疗队在任期内完成手术500余台。",
       "第九批援多米尼克醫療隊抵達\n2023-06-10\n福建省第九批援多米尼克醫療隊日前抵達羅索。"
       "自2013年起,福建省累計派出醫療隊員60餘人次。\n"
       "上一批醫療隊在任期內完成手術500餘台。",
       {{60, "多米尼克", "福建省", "2013", "2023-06-10"},
        {500, "多米尼克", "福建省", "", "2023-06-10"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: places that name a part, a prefecture's hospital or several counties") {
  const std::vector<Case> cases = {
      {"regression: a place of a part (其中在…) received the total before it and the counts of "
       "the next sentence",
       "山西援疆医疗队在喀什地区开展帮扶\n2022-08-15\n两年来,医疗队共完成手术3200余台,其中在"
       "泽普县人民医院完成腔镜手术600台。医疗队还开展义诊50次。",
       "山西援疆醫療隊在喀什地區開展幫扶\n2022-08-15\n兩年來,醫療隊共完成手術3200餘臺,其中在"
       "澤普縣人民醫院完成腔鏡手術600臺。醫療隊還開展義診50次。",
       {{3200, "喀什地区", "山西省", "2020", "2022-08-15"},
        {600, "泽普县", "山西省", "2020", "2022-08-15"},
        {50, "喀什地区", "山西省", "2020", "2022-08-15"}}},
      {"regression: a prefecture's hospital named after its county (州奎屯医院) made the county "
       "receive, and narrowed the prefecture of the next sentence to it",
       "江苏援疆十年\n2020-06-01\n江苏省累计向伊犁哈萨克自治州派出医疗人才800余人次。其中,帮助"
       "州奎屯医院等建成重点专科12个。十年间,援疆医生在伊犁州完成手术2万台次。",
       "江蘇援疆十年\n2020-06-01\n江蘇省累計向伊犁哈薩克自治州派出醫療人才800餘人次。其中,幫助"
       "州奎屯醫院等建成重點專科12個。十年間,援疆醫生在伊犁州完成手術2萬臺次。",
       {{800, "伊犁哈萨克自治州", "江苏省", "2010", "2020-06-01"},
        {12, "伊犁哈萨克自治州", "江苏省", "2010", "2020-06-01"},
        {20000, "伊犁哈萨克自治州", "江苏省", "2010", "2020-06-01"}}},
      {"regression: a county named as one of several (…县人民医院等4家县级医院) received alone",
       "山东援疆工作综述\n2023-05-10\n山东省对口支援喀什地区。山东投入资金5000万元,支持英吉沙县"
       "人民医院等4家县级医院建设胸痛中心。",
       "山東援疆工作綜述\n2023-05-10\n山東省對口支援喀什地區。山東投入資金5000萬元,支持英吉沙縣"
       "人民醫院等4家縣級醫院建設胸痛中心。",
       {{50000000, "喀什地区", "山东省", "", "2023-05-10"},
        {4, "喀什地区", "山东省", "", "2023-05-10"}}},
      {"regression: the programme word beside a count (援疆医疗人才) received, narrowed to the "
       "title's county, over the places its sentence lists",
       "辽宁援塔医疗队深入裕民县义诊\n2024-09-20\n9月18日,医疗队在裕民县开展义诊。\n据了解,辽宁省"
       "今年选派的25名援疆医疗人才,分布在塔城地区人民医院和额敏县、裕民县等县市医院。",
       "遼寧援塔醫療隊深入裕民縣義診\n2024-09-20\n9月18日,醫療隊在裕民縣開展義診。\n據瞭解,遼寧省"
       "今年選派的25名援疆醫療人才,分佈在塔城地區人民醫院和額敏縣、裕民縣等縣市醫院。",
       {{25, "塔城地区", "辽宁省", "2024", "2024"}}},
      {"regression: the city of a news site's dateline (某某网伊宁…消息) was the one place inside "
       "the prefecture once its counties stood for it",
       "江苏援伊医疗队年度总结\n2021-12-20\n央视网伊宁12月18日消息,江苏省援伊医疗队在伊犁州人民医院"
       "召开总结会。本批医疗队分布在霍城、巩留等8个县市。\n今年以来,医疗队完成手术2600余台。",
       "江蘇援伊醫療隊年度總結\n2021-12-20\n央視網伊寧12月18日消息,江蘇省援伊醫療隊在伊犁州人民醫院"
       "召開總結會。本批醫療隊分佈在霍城、鞏留等8個縣市。\n今年以來,醫療隊完成手術2600餘臺。",
       {{8, "伊犁哈萨克自治州", "江苏省", "2021", "2021-12-20"},
        {2600, "伊犁哈萨克自治州", "江苏省", "2021", "2021-12-20"}}},
      {"regression: a clause going on from the one before it, where the work was done (在…), "
       "received at the prefecture of the sentence's two counties",
       "河北援巴州医疗队轮换交接\n2023-08-30\n半年里,队员们在和静县人民医院完成手术500余台,在和硕县"
       "开展巡回义诊8次,服务农牧民群众1500多人次。",
       "河北援巴州醫療隊輪換交接\n2023-08-30\n半年裏,隊員們在和靜縣人民醫院完成手術500餘臺,在和碩縣"
       "開展巡迴義診8次,服務農牧民群眾1500多人次。",
       {{500, "和静县", "河北省", "2023-02", "2023-08-30"},
        {8, "和硕县", "河北省", "2023-02", "2023-08-30"},
        {1500, "和硕县", "河北省", "2023-02", "2023-08-30"}}},
      {"(its other side: 在 and the helpers' home is no place where the work was done)",
       "成都援昭觉医疗队工作综述\n2024-04-08\n昭觉县人民医院受援以来,在成都专家的帮助下,医院新建了"
       "卒中中心等5个科室和中心。",
       "成都援昭覺醫療隊工作綜述\n2024-04-08\n昭覺縣人民醫院受援以來,在成都專家的幫助下,醫院新建了"
       "卒中中心等5個科室和中心。",
       {{5, "昭觉县", "成都市", "", "2024-04-08"}}},
      {"regression: a town named like a county elsewhere (托里镇 of 精河县) was that county",
       "湖北援博医疗队下乡巡诊\n2024-06-01\n湖北援博医疗队在精河县人民医院帮扶。队员们下沉到托里镇"
       "卫生院,服务群众300余人。",
       "湖北援博醫療隊下鄉巡診\n2024-06-01\n湖北援博醫療隊在精河縣人民醫院幫扶。隊員們下沉到托里鎮"
       "衛生院,服務群眾300餘人。",
       {{300, "精河县", "湖北省", "", "2024-06-01"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE(
    "context: a hospital named by its usual name gives from its city (data/institutions.tsv)") {
  const std::vector<Case> cases = {
      {"the hospital of the title is 我院, over the receiving hospital the title also names "
       "(regression: 我院 stood for 林芝市, the receiver)",
       "华西医院援藏十年 林芝市人民医院建成三甲\n2024-05-06\n"
       "2014年以来,我院累计选派专家60名赴林芝市人民医院开展组团式援藏。",
       "華西醫院援藏十年 林芝市人民醫院建成三甲\n2024-05-06\n"
       "2014年以來,我院累計選派專家60名赴林芝市人民醫院開展組團式援藏。",
       {{60, "林芝市", "成都市", "2014", "2024-05-06"}}},
      {"under a title of 我院, the one hospital the body names; a shared name (协和医院) by the "
       "province the report names (regression: no giver)",
       "我院援疆医疗队载誉归来\n2023-09-01\n今年2月,协和医院援疆医疗队8名队员抵达博州。"
       "湖北自2010年起对口支援博州,我院共选派专家50名。",
       "我院援疆醫療隊載譽歸來\n2023-09-01\n今年2月,協和醫院援疆醫療隊8名隊員抵達博州。"
       "湖北自2010年起對口支援博州,我院共選派專家50名。",
       {{8, "博尔塔拉蒙古自治州", "武汉市", "2023-02", "2023-02"},
        {50, "博尔塔拉蒙古自治州", "武汉市", "2010", "2023-09-01"}}},
      {"a sending hospital in 在…帮扶下 after the receiving one receives nothing (regression: "
       "to empty, two receivers)",
       "浙江援疆工作总结\n2023-12-20\n阿克苏地区第一人民医院在浙大一院“院包科”帮扶下,"
       "新开展新技术30项。",
       "浙江援疆工作總結\n2023-12-20\n阿克蘇地區第一人民醫院在浙大一院“院包科”幫扶下,"
       "新開展新技術30項。",
       {{30, "阿克苏地区", "浙江省", "", "2023-12-20"}}},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("context: a foreign-aid team's first batch, term and history") {
  const std::vector<Case> cases = {
      {"首批 is a team's ordinal too: the province before it gives (援 names no country here)",
       "浙江省首批援南太平洋医疗队凯旋\n2022-04-01\n浙江省首批援南太平洋医疗队圆满完成任务。"
       "医疗队在斐济共接诊患者2500人次。",
       "浙江省首批援南太平洋醫療隊凱旋\n2022-04-01\n浙江省首批援南太平洋醫療隊圓滿完成任務。"
       "醫療隊在斐濟共接診患者2500人次。",
       {{2500, "斐济", "浙江省", "", "2022-04-01"}}},
      {"两年间 opening the paragraph after the team's stated term is that term",
       "江西省第五批援乍得医疗队回国\n2023-02-10\n2月8日,江西省第五批援乍得医疗队结束任务回国。"
       "该批医疗队于2021年1月至2022年12月在恩贾梅纳工作。\n两年间,医疗队共接诊患者3万人次。",
       "江西省第五批援乍得醫療隊回國\n2023-02-10\n2月8日,江西省第五批援乍得醫療隊結束任務回國。"
       "該批醫療隊於2021年1月至2022年12月在恩賈梅納工作。\n兩年間,醫療隊共接診患者3萬人次。",
       {{30000, "乍得", "江西省", "2021-01", "2022-12"}}},
      {"40年来 after the year its sentence says the aid began (自1985年开始) starts then",
       "湖北援阿尔及利亚医疗队\n2024-05-01\n据了解,湖北省自1985年开始派遣援阿尔及利亚医疗队,"
       "40年来共派出队员300人次。",
       "湖北援阿爾及利亞醫療隊\n2024-05-01\n據瞭解,湖北省自1985年開始派遣援阿爾及利亞醫療隊,"
       "40年來共派出隊員300人次。",
       {{300, "阿尔及利亚", "湖北省", "1985", "2024-05-01"}}},
      {"多年来 opening a clause: years the report does not count (present), no start",
       "江西援多哥医疗队新老交接\n2024-03-01\n江西省第八批援多哥医疗队日前在洛美举行交接仪式。\n"
       "江西省自1974年开始向多哥派遣医疗队,近50年来共派出医疗队员300人次。\n"
       "多年来,援多哥医疗队还帮助当地医院建立了3个专科。",
       "江西援多哥醫療隊新老交接\n2024-03-01\n江西省第八批援多哥醫療隊日前在洛美舉行交接儀式。\n"
       "江西省自1974年開始向多哥派遣醫療隊,近50年來共派出醫療隊員300人次。\n"
       "多年來,援多哥醫療隊還幫助當地醫院建立了3個專科。",
       {{300, "多哥", "江西省", "1974", "2024-03-01"}, {3, "多哥", "江西省", "", "2024-03-01"}}},
      {"截至 in a sentence on this team (本批) starts at the team's stay, not the programme's, "
       "for the counts of the sentences that draw on it too",
       "江西援多哥医疗队\n2021-04-01\n江西省自1974年起向多哥派遣医疗队。\n"
       "第七批援多哥医疗队2020年3月起在洛美工作。\n截至2021年2月,"
       "本批援多哥医疗队共接诊患者9000人次。队员们还培训当地护士300人次。",
       "江西援多哥醫療隊\n2021-04-01\n江西省自1974年起向多哥派遣醫療隊。\n"
       "第七批援多哥醫療隊2020年3月起在洛美工作。\n截至2021年2月,"
       "本批援多哥醫療隊共接診患者9000人次。隊員們還培訓當地護士300人次。",
       {{9000, "多哥", "江西省", "2020-03", "2021-02"},
        {300, "多哥", "江西省", "2020-03", "2021-02"}}},
  };
  for (const Case& c : cases) check(c);
}

// 西湖区 is 杭州市's and 南昌市's: named right after its city, it is that city's district, and the
// fact says which by the province of each side (to_province, from_province).
TEST_CASE("context: a district several cities share, right after its city, gives") {
  struct Sides {
    std::string_view text, from, from_province, to, to_province;
  };
  const Sides cases[] = {
      {"西湖区帮扶阿克苏\n2023-05-10\n杭州市西湖区中医院派出专家5名到阿克苏地区人民医院开展帮扶。",
       "西湖区", "浙江省", "阿克苏地区", "新疆维吾尔自治区"},
      {"西湖区帮扶吉安\n2023-05-"
       "10\n南昌市西湖区人民医院派出专家6名到吉安市永新县人民医院开展帮扶。",
       "西湖区", "江西省", "永新县", "江西省"},
      // the country as the province of a side abroad; none for 全国
      {"援摩医疗队\n2023-05-10\n全国各省共派出医疗队员9名赴摩洛哥开展援外医疗。", "全国", "",
       "摩洛哥", "摩洛哥"},
  };
  for (const Sides& c : cases) {
    CAPTURE(c.text);
    zhreport::Document document = zhreport::analyze_document(c.text);
    std::vector<zhreport::Fact> facts = zhreport::find_facts(c.text, document);
    REQUIRE(facts.size() == 1);
    CHECK(facts[0].from == c.from);
    CHECK(facts[0].from_province == c.from_province);
    CHECK(facts[0].to == c.to);
    CHECK(facts[0].to_province == c.to_province);
  }
}

TEST_CASE("context: 医疗人才下沉 inside a prefecture: short names and a county's own hospitals") {
  const std::vector<Case> cases = {
      {"a report's own short name (以下简称“市一院”) stands for its institution's city, also "
       "where a quote names another city of the province (no one city for 市一院 otherwise)",
       "市级专家驻点帮扶\n2024-10-08\n2023年5月,南阳市第一人民医院(以下简称“市一院”)与淅川县人民"
       "医院签订帮扶协议。\n“过去看大病要去郑州,现在不用了。”一位患者说。2024年以来,市一院累计派驻"
       "专家20名。",
       "市級專家駐點幫扶\n2024-10-08\n2023年5月,南陽市第一人民醫院(以下簡稱“市一院”)與淅川縣人民"
       "醫院簽訂幫扶協議。\n“過去看大病要去鄭州,現在不用了。”一位患者說。2024年以來,市一院累計派駐"
       "專家20名。",
       {{20, "淅川县", "南阳市", "2024", "2024-10-08"}}},
      {"a county whose two-character name the places table reads only after its prefecture "
       "(礼县), named alone in a report on that prefecture (陇南市), is the county",
       "市级医院帮扶礼县\n2024-06-01\n2022年起,陇南市人民医院与礼县人民医院组建紧密型医疗集团。\n"
       "在礼县,市级专家团队开展新技术20项。",
       "市級醫院幫扶禮縣\n2024-06-01\n2022年起,隴南市人民醫院與禮縣人民醫院組建緊密型醫療集團。\n"
       "在禮縣,市級專家團隊開展新技術20項。",
       {{20, "礼县", "陇南市", "2022", "2024-06-01"}}},
      {"a county's own hospitals named without the county (县人民医院, 县中医院: county_institution) "
       "that send or train in their sentence give for the county, beside the city that gives to "
       "the county hospital",
       "市县医院专家下乡\n2024-05-10\n去年以来,我县深化城乡医院对口支援,衡阳市中心医院向衡山县人民医院"
       "派驻专家12名,县人民医院、县中医院向乡镇卫生院下派医师40名。\n县中医院在各乡镇卫生院建设中医馆,"
       "培训乡村医生300人次。",
       "市縣醫院專家下鄉\n2024-05-10\n去年以來,我縣深化城鄉醫院對口支援,衡陽市中心醫院向衡山縣人民醫院"
       "派駐專家12名,縣人民醫院、縣中醫院向鄉鎮衛生院下派醫師40名。\n縣中醫院在各鄉鎮衛生院建設中醫館,"
       "培訓鄉村醫生300人次。",
       {{12, "衡山县", "衡阳市", "2023", "2024-05-10"},
        {40, "衡山县", "衡山县", "2023", "2024-05-10"},
        {300, "衡山县", "衡山县", "2023", "2024-05-10"}}},
  };
  for (const Case& c : cases) check(c);
}
