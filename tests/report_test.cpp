#include "zhreport/report.h"

#include <doctest/doctest.h>

#include <string>

using namespace zhreport;

namespace {

Fact said(std::string doc, std::string metric, double value, std::string from, std::string to,
          std::string quote) {
  Fact f;
  f.doc = std::move(doc);
  f.metric = std::move(metric);
  f.value = value;
  f.from = std::move(from);
  f.to = std::move(to);
  f.quote = std::move(quote);
  f.until = "2022";
  return f;
}

DocumentRecord record(std::string doc, std::string title) {
  DocumentRecord d;
  d.doc = std::move(doc);
  d.title = std::move(title);
  d.date = "2022-05-01";
  return d;
}

// The JSON blob of a page: between the data script's tags.
std::string data_of(const std::string& page) {
  const std::string open = "<script type=\"application/json\" id=\"report-data\">";
  const size_t start = page.find(open);
  REQUIRE(start != std::string::npos);
  const size_t end = page.find("</script>", start);
  REQUIRE(end != std::string::npos);
  return page.substr(start + open.size(), end - start - open.size());
}

}  // namespace

TEST_CASE("script_safe_json escapes what could end or bend a script element") {
  CHECK(script_safe_json(R"({"q":"</script><!--&"})") ==
        R"({"q":"\u003c/script\u003e\u003c!--\u0026"})");
  CHECK(script_safe_json("\"a\xE2\x80\xA8"
                         "b\xE2\x80\xA9"
                         "c\"") == R"("a\u2028b\u2029c")");
  CHECK(script_safe_json("\"中文\"") == "\"中文\"");
}

TEST_CASE("ReportSamples keeps the largest facts of each series, one per sentence, with titles") {
  ReportSamples samples(2);
  samples.add(record("b", "标题B"));
  samples.add(said("b", "experts", 10, "上海市", "喀什地区", "10名专家"));
  samples.add(said("a", "experts", 30, "上海市", "喀什地区", "30名专家"));  // record later
  samples.add(said("c", "experts", 30, "上海市", "喀什地区", "30名专家"));  // a copy of a
  samples.add(said("b", "experts", 20, "上海市", "喀什地区", "20名专家"));
  samples.add(said("b", "experts", 99, "浙江省", "那曲市", "99名专家"));
  samples.add(record("a", "标题A"));
  const auto top = samples.top(
      [](const ReportSample& s) { return s.metric == "experts" && s.to == "喀什地区"; }, 5);
  REQUIRE(top.size() == 2);
  CHECK(top[0]->value == 30);
  CHECK(top[0]->doc == "a");
  CHECK(samples.title(*top[0]) == "标题A");
  CHECK(top[1]->value == 20);
  CHECK(samples.title(*top[1]) == "标题B");
  const auto all = samples.top([](const ReportSample&) { return true; }, 1);
  REQUIRE(all.size() == 1);
  CHECK(all[0]->value == 99);
}

// 西湖区 of 杭州市 (浙江省) and of 南昌市 (江西省): two series; a side without a stated province (a
// file written before the field) lies in its name's.
TEST_CASE("ReportSamples: a side's province is the fact's own, else its name's") {
  ReportSamples samples(3);
  Fact hangzhou = said("a", "experts", 5, "西湖区", "阿克苏地区", "5名专家");
  hangzhou.from_province = "浙江省";
  Fact nanchang = said("b", "experts", 7, "西湖区", "阿克苏地区", "7名专家");
  nanchang.from_province = "江西省";
  samples.add(hangzhou);
  samples.add(nanchang);
  const auto zhejiang =
      samples.top([](const ReportSample& s) { return s.from_province == "浙江省"; }, 5);
  REQUIRE(zhejiang.size() == 1);
  CHECK(zhejiang[0]->value == 5);
  CHECK(zhejiang[0]->to_province == "新疆维吾尔自治区");
  CHECK(samples.top([](const ReportSample& s) { return s.from == "西湖区"; }, 5).size() == 2);
}

TEST_CASE("parse_manifest counts documents by status and groups the reasons") {
  const auto m = parse_manifest(
      "id\tstatus\treason\tbytes\tfacts\n"
      "a.txt\tok\t\t10\t2\n"
      "b.pdf\tskipped\tnot a text document\t5\t0\n"
      "c.pdf\tskipped\tnot a text document\t5\t0\n"
      "d.txt\tfailed\ttoo large\t9\t0\n"
      "# 4 documents: 1 ok, 2 skipped, 1 failed\n");
  REQUIRE(m);
  CHECK(m.value().documents == 4);
  CHECK(m.value().ok == 1);
  CHECK(m.value().skipped == 2);
  CHECK(m.value().failed == 1);
  REQUIRE(m.value().reasons.size() == 2);
  CHECK(m.value().reasons[0].reason == "not a text document");
  CHECK(m.value().reasons[0].count == 2);
  CHECK(m.value().reasons[0].examples == std::vector<std::string>{"b.pdf", "c.pdf"});
  CHECK_FALSE(parse_manifest("id\tstatus\treason\nonly-one-field\n"));
}

TEST_CASE("append_html_report: one page, everything inlined, hostile text only inside JSON") {
  StatsAccumulator stats;
  ReportSamples samples;
  const std::string hostile = "</script><script>alert(1)</script><img src=x onerror=alert(2)>";
  DocumentRecord d = record("doc" + hostile, "T" + hostile);
  d.regions = {"新疆维吾尔自治区"};
  stats.add(d);
  samples.add(d);
  const Fact f = said(d.doc, "experts", 12, "上海市", "喀什地区", "Q" + hostile);
  stats.add(f);
  samples.add(f);
  ManifestSummary manifest;
  manifest.documents = 1;
  manifest.skipped = 1;
  manifest.reasons.push_back({"skipped", "R" + hostile, 1, {"x" + hostile}});
  std::string page;
  append_html_report(page, stats, samples, &manifest);

  CHECK(page.starts_with("<!DOCTYPE html>"));
  CHECK(page.find("@DATA@") == std::string::npos);
  CHECK(page.find("@ECHARTS@") == std::string::npos);
  CHECK(page.find("Apache License") != std::string::npos);
  CHECK(page.find("registerMap('china'") != std::string::npos);
  CHECK(page.find("<img src=x") == std::string::npos);
  CHECK(page.find("<script>alert") == std::string::npos);
  const std::string data = data_of(page);
  CHECK(data.find('<') == std::string::npos);
  CHECK(data.find("\\u003c/script\\u003e\\u003cscript\\u003ealert") != std::string::npos);
  // Aggregates by province (喀什地区 is in 新疆), the sample with its quote and title.
  CHECK(
      data.find(
          R"("province":{"by":["metric","to_province"],"all_rows":1,"rows":[["experts","新疆维吾尔自治区",1,1,12,12,0,12,12,0,[{"doc":)") !=
      std::string::npos);
  CHECK(data.find(R"("title":"T\u003c/script)") != std::string::npos);
  CHECK(data.find(R"("reason":"R\u003c/script)") != std::string::npos);
}

TEST_CASE("append_html_report: a page without facts or manifest") {
  StatsAccumulator stats;
  ReportSamples samples;
  std::string page;
  append_html_report(page, stats, samples, nullptr);
  const std::string data = data_of(page);
  CHECK(data.find(R"("manifest":null)") != std::string::npos);
  CHECK(data.find(R"("metric":{"by":["metric"],"all_rows":0,"rows":[]})") != std::string::npos);
}

TEST_CASE("append_html_report caps giving -> receiving rows per metric, not overall") {
  StatsAccumulator stats;
  ReportSamples samples;
  for (const Fact& f : {said("a", "experts", 5, "上海市", "喀什地区", "5名"),
                        said("b", "experts", 3, "浙江省", "那曲市", "3名"),
                        said("c", "money", 1e6, "广东省", "林芝市", "100万元")}) {
    stats.add(f);
    samples.add(f);
  }
  ReportOptions options;
  options.max_flow_rows = 1;
  std::string page;
  append_html_report(page, stats, samples, nullptr, options);
  const std::string data = data_of(page);
  const size_t flows = data.find(R"("flows":{)");
  REQUIRE(flows != std::string::npos);
  const std::string part = data.substr(flows, data.find(R"("country":)") - flows);
  CHECK(part.find(R"(["experts","上海市","喀什地区",1,1,5,)") != std::string::npos);
  CHECK(part.find(R"(["money","广东省","林芝市",1,1,1000000,)") != std::string::npos);
  CHECK(part.find("浙江省") == std::string::npos);
}
