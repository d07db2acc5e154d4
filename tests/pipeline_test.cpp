// pipeline.h: the document record, and fact spans that point at the original bytes whatever
// the encoding and whatever normalization removed before them.
#include "zhreport/pipeline.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>

namespace {

std::string_view slice(std::string_view bytes, const zhreport::Fact& f) {
  return bytes.substr(f.start, f.end - f.start);
}

}  // namespace

TEST_CASE("pipeline: the document record of a Simplified UTF-8 report") {
  std::string_view bytes =
      "当前位置:首页 > 工作动态\n援疆医疗队总结\n发布时间:2023-06-18 阅读数:512\n"
      "医疗队赴新疆喀什地区,共派出12名专家,开展手术300台次。\n";
  zhreport::Extraction x = zhreport::extract_document("a.txt", bytes);
  const zhreport::DocumentRecord& r = x.record;
  CHECK(r.doc == "a.txt");
  CHECK(r.encoding == "utf-8");
  CHECK(r.script == "simplified");
  CHECK(r.title == "援疆医疗队总结");
  CHECK(r.date == "2023-06-18");
  CHECK(r.regions == std::vector<std::string>{"新疆维吾尔自治区", "喀什地区"});
  CHECK(r.error.empty());
  CHECK(r.warnings.empty());
  CHECK(r.content_hash.size() == 16);
  REQUIRE(x.facts.size() == 2);
  CHECK(r.facts == 2);
  CHECK(x.facts[0].doc == "a.txt");
  CHECK(slice(bytes, x.facts[0]) == "12名专家");
  CHECK(slice(bytes, x.facts[1]) == "手术300台次");
}

TEST_CASE("pipeline: describe off skips script, regions, chars, repairs and hash, not the facts") {
  std::string_view bytes = "援疆医疗队总结\n医疗队赴新疆喀什地区,共派出12名专家。\n";
  zhreport::Extraction full = zhreport::extract_document("a.txt", bytes);
  zhreport::ExtractOptions options;
  options.describe = false;
  zhreport::Extraction bare = zhreport::extract_document("a.txt", bytes, options);
  CHECK(bare.record.script.empty());
  CHECK(bare.record.regions.empty());
  CHECK(bare.record.content_hash.empty());
  CHECK(bare.record.chars == 0);
  CHECK(full.record.chars > 0);
  CHECK(bare.record.title == full.record.title);
  REQUIRE(bare.facts.size() == 1);
  REQUIRE(full.facts.size() == 1);
  CHECK(bare.facts[0].start == full.facts[0].start);
  CHECK(bare.facts[0].quote == full.facts[0].quote);
  // (a full-width digit is a repair)
  std::string_view wide = "医疗队共派出１２名专家。\n";
  CHECK(!zhreport::extract_document("b.txt", wide).record.repairs.empty());
  CHECK(zhreport::extract_document("b.txt", wide, options).record.repairs.empty());
}

TEST_CASE("pipeline: fact_docs off leaves the facts' docs empty, the record's id set") {
  std::string_view bytes = "医疗队赴新疆喀什地区,共派出12名专家。\n";
  zhreport::ExtractOptions options;
  options.fact_docs = false;
  zhreport::Extraction full = zhreport::extract_document("a.txt", bytes);
  zhreport::Extraction bare = zhreport::extract_document("a.txt", bytes, options);
  REQUIRE(full.facts.size() == 1);
  REQUIRE(bare.facts.size() == 1);
  CHECK(full.facts[0].doc == "a.txt");
  CHECK(bare.facts[0].doc.empty());
  CHECK(bare.record.doc == "a.txt");
  CHECK(bare.facts[0].quote == full.facts[0].quote);
}

TEST_CASE("pipeline: spans in GB18030 input are GB18030 bytes") {
  // 共派出12名专家。 in GB18030.
  std::string bytes = "\xb9\xb2\xc5\xc9\xb3\xf6\x31\x32\xc3\xfb\xd7\xa8\xbc\xd2\xa1\xa3";
  zhreport::ExtractOptions options;
  options.from = zhreport::Encoding::gb18030;
  zhreport::Extraction x = zhreport::extract_document("gb.txt", bytes, options);
  CHECK(x.record.encoding == "gb18030");
  REQUIRE(x.facts.size() == 1);
  CHECK(x.facts[0].quote == "12名专家");
  CHECK(slice(bytes, x.facts[0]) == "\x31\x32\xc3\xfb\xd7\xa8\xbc\xd2");
  // The same text in UTF-8 has the same content hash: dedup works across encodings.
  CHECK(zhreport::extract_document("u.txt", "共派出12名专家。").record.content_hash ==
        x.record.content_hash);
}

TEST_CASE("pipeline: Traditional input with pinyin annotations before the count") {
  std::string_view bytes = "醫(yī)療(liáo)隊派出１２名專家。";
  zhreport::Extraction x = zhreport::extract_document("t.txt", bytes);
  REQUIRE(x.facts.size() == 1);
  CHECK(x.facts[0].quote == "12名专家");
  CHECK(x.facts[0].counted == "专家");
  CHECK(slice(bytes, x.facts[0]) == "１２名專家");
  CHECK(!x.record.repairs.empty());
}

TEST_CASE("pipeline: binary input is an error record without facts") {
  zhreport::Extraction x = zhreport::extract_document("b.bin", std::string_view("12名\0专家", 12));
  CHECK(!x.record.error.empty());
  CHECK(x.facts.empty());
  CHECK(x.record.facts == 0);
}

TEST_CASE("pipeline: invalid bytes become a warning") {
  zhreport::Extraction x =
      zhreport::extract_document("w.txt", "共派出12名专家\xff,开展手术300台次。");
  REQUIRE(x.record.warnings.size() == 1);
  CHECK(x.record.warnings[0].find("invalid") != std::string::npos);
  CHECK(x.facts.size() == 2);
}

TEST_CASE("pipeline: regression: a file of several reports lost all but the first silently") {
  // A related-articles line ends a report, and what follows it is the page's: in a file that
  // holds several reports one after another, that was every report after the first.
  std::string report = "援疆医疗队总结\n医疗队赴新疆喀什地区,共派出12名专家,开展手术300台次。\n";
  std::string teasers = "推荐阅读\n援藏医疗队再出发\n义诊活动走进社区\n";
  zhreport::Extraction page = zhreport::extract_document("page.txt", report + teasers);
  CHECK(page.record.warnings.empty());  // a page's own list of teasers: nothing to say
  std::string several = report + teasers;
  while (several.size() < 20000) several += report;
  zhreport::Extraction x = zhreport::extract_document("several.txt", several);
  CHECK(x.facts.size() == 2);  // (the first report's: the tail is still not read)
  REQUIRE(x.record.warnings.size() == 1);
  CHECK(x.record.warnings[0].find("related-articles line at byte " +
                                  std::to_string(report.size())) != std::string::npos);
}

TEST_CASE("pipeline: the metrics filter") {
  zhreport::ExtractOptions options;
  options.metrics = {"surgeries"};
  zhreport::Extraction x =
      zhreport::extract_document("m.txt", "共派出12名专家,开展手术300台次。", options);
  REQUIRE(x.facts.size() == 1);
  CHECK(x.facts[0].metric == "surgeries");
  CHECK(x.record.facts == 1);
}

TEST_CASE("pipeline: regression: a doubled comma after a count is not in its span") {
  std::string_view bytes = "共开展手术300台次,,培训医生2000人次,。";
  zhreport::Extraction x = zhreport::extract_document("c.txt", bytes);
  REQUIRE(x.facts.size() == 2);
  CHECK(slice(bytes, x.facts[0]) == "手术300台次");
  CHECK(slice(bytes, x.facts[1]) == "培训医生2000人次");
}

TEST_CASE("pipeline: a pinyin annotation after the span's last character stays outside") {
  std::string_view bytes = "派出12名專(zhuān)家(jiā),開展手術(shù)。";
  zhreport::Extraction x = zhreport::extract_document("p.txt", bytes);
  REQUIRE(x.facts.size() == 1);
  CHECK(x.facts[0].quote == "12名专家");
  CHECK(slice(bytes, x.facts[0]) == "12名專(zhuān)家");
}

// Regression (set12 since/until): a page dated only by its <meta>, or a text dated only by its
// path, counted its periods against no date (十年来 → nothing, 今年 → the wrong year).
TEST_CASE("pipeline: regression: the context counts periods from the page's or the path's date") {
  std::string_view page =
      "<html><head><meta name=\"publishdate\" content=\"2023-05-08\"><title>援藏总结</title>"
      "</head><body><h1>援藏总结</h1><div class=\"content\"><p>十年来,江西省先后派出医生"
      "60名赴林芝市工作。</p></div></body></html>";
  zhreport::Extraction x = zhreport::extract_document("a.html", page);
  CHECK(x.record.date == "2023-05-08");
  REQUIRE(x.facts.size() == 1);
  CHECK(x.facts[0].since == "2013");
  CHECK(x.facts[0].until == "2023-05-08");

  std::string_view text = "援藏总结\n今年以来,江西省派出医生12名赴林芝市工作。\n";
  zhreport::Extraction y = zhreport::extract_document("news/2022-09/14/a.txt", text);
  CHECK(y.record.date == "2022-09-14");
  REQUIRE(y.facts.size() == 1);
  CHECK(y.facts[0].since == "2022");
  CHECK(y.facts[0].until == "2022-09-14");
}

// Regression (set20 u04, a Big5 file): a Traditional report dated only by its 網址 line had no
// date (the label is read after conversion; Big5 decoding has its own tests).
TEST_CASE("pipeline: regression: a Traditional report dated only by its labelled address line") {
  std::string_view bytes =
      "縣醫院來了北京專家\n網址：http://www.example-county.gov.cn/news/202405/t20240521_1203.html\n"
      "今年以來，北京專家在縣醫院開展手術60臺。\n";
  zhreport::Extraction x = zhreport::extract_document("u.txt", bytes);
  CHECK(x.record.script == "traditional");
  CHECK(x.record.date == "2024-05-21");
  CHECK(x.record.date_source == "path");
}

// Issue 11: the title is the headline as the page spells it, converted to Simplified like every
// field of the record (three of five annotators of Traditional pages gave it so); artifacts are
// repaired, punctuation stays the page's. Regression: a text's title kept the doubled comma
// that ends its line.
TEST_CASE("pipeline: a Traditional report's title in Simplified, artifacts repaired") {
  zhreport::Extraction text =
      zhreport::extract_document("t.txt", "援藏醫療隊：半年完成手術80臺\n醫療隊共派出專家12名。\n");
  CHECK(text.record.script == "traditional");
  CHECK(text.record.title == "援藏医疗队：半年完成手术80台");
  zhreport::Extraction pinyin = zhreport::extract_document(
      "p.txt", "援藏醫(yī)療隊 半年完成手術80臺,,\n醫療隊共派出專家12名。\n");
  CHECK(pinyin.record.title == "援藏医疗队 半年完成手术80台");
  CHECK(pinyin.record.title_source == "text");
  zhreport::Extraction page = zhreport::extract_document(
      "p.html",
      "<!DOCTYPE html><html><head><title>援藏醫療隊：半年完成手術80臺｜某某新聞網</title></head>"
      "<body><h1>援藏醫療隊：半年完成手術80臺</h1><div class=\"content\"><p>醫療隊共派出專家12名，"
      "開展義診20次。</p></div></body></html>");
  CHECK(page.record.script == "traditional");
  CHECK(page.record.title == "援藏医疗队：半年完成手术80台");
  CHECK(page.record.title_source == "h1");
  // A Simplified report's title is unchanged.
  CHECK(zhreport::extract_document("s.txt", "援藏医疗队：半年完成手术80台\n共派出专家12名。\n")
            .record.title == "援藏医疗队：半年完成手术80台");
}

// Regression: a headline whose pinyin annotations were repaired lost its full-width
// punctuation to normalize's width folding (`两周年：带出…` became `两周年:带出…`).
TEST_CASE("pipeline: regression: a repaired title keeps its full-width colon and comma") {
  zhreport::Extraction x = zhreport::extract_document(
      "t.txt", "对口帮扶两周年：医(yī)疗队带出一支队伍，（二）\n医疗队共派出专家12名。\n");
  CHECK(x.record.title == "对口帮扶两周年：医疗队带出一支队伍，（二）");
  CHECK(x.record.title_source == "text");
}

// Regression: a page's <h1> (or its metadata title) kept the pinyin annotations that the text's
// own title line loses (`医(yī)务骨干` as the title of a saved page).
TEST_CASE("pipeline: regression: a page's title kept its pinyin annotations") {
  zhreport::Extraction x = zhreport::extract_document(
      "p.html",
      "<!DOCTYPE html><html><head><title>站点</title></head><body>"
      "<h1>塔县20名醫(yī)務骨幹赴贛進修結業：收穫滿滿</h1>"
      "<p>近日，塔县20名医务骨干在南昌完成为期半年的进修。</p></body></html>");
  CHECK(x.record.title == "塔县20名医务骨干赴赣进修结业：收获满满");
  CHECK(x.record.title_source == "h1");
}
