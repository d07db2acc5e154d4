// The context of a fact (to, from, since, until; ../shared/spec/facts.md "The context of a
// fact"): one row per rule of the clause model or row of the data tables it comes from, each a
// short report of our own (title, date line, body), checked in both scripts.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

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
