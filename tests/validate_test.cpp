#include "zhreport/validate.h"

#include <doctest/doctest.h>
#include <unicode/ucnv.h>

#include <string>

#include "zhreport/decode.h"

using namespace zhreport;

namespace {

// UTF-8 text in another encoding (ICU converter name), to build test inputs.
std::string encoded(std::string_view utf8, const char* encoding) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(encoding, "utf-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<size_t>(n));
  return out;
}

// The text a reader would see if `bytes` were decoded as `encoding`.
std::string misread(std::string_view bytes, Encoding encoding) {
  auto text = decode(bytes, {.from = encoding});
  REQUIRE(text.ok());
  return text->text;
}

std::string problems_text(const std::vector<Problem>& problems) {
  std::string text;
  for (const Problem& p : problems) {
    text += std::to_string(p.line) + ":" + std::to_string(p.column) + ": " +
            std::string(severity_name(p.severity)) + ": " + p.message + "\n";
  }
  return text;
}

size_t count(const std::vector<Problem>& problems, Severity severity) {
  size_t n = 0;
  for (const Problem& p : problems) n += p.severity == severity;
  return n;
}

}  // namespace

TEST_CASE("mojibake: UTF-8 read as GBK and misaligned GBK are found, real text is not") {
  const std::string utf8_as_gbk = misread("医院派出专家组开展义诊", Encoding::gb18030);
  std::string gbk = encoded("向专家们提出了新的建议和要求", "gb18030");
  gbk.erase(2, 1);  // one byte lost: every pair after it is misaligned
  const std::string misaligned = misread(gbk, Encoding::gb18030);
  CAPTURE(utf8_as_gbk);
  CAPTURE(misaligned);
  CHECK(find_mojibake(utf8_as_gbk).has_value());
  CHECK(find_mojibake(misaligned).has_value());
  CHECK(find_mojibake("编者按:" + utf8_as_gbk) == std::string_view("编者按:").size());

  const char* clean[] = {
      "阿克苏地区第一人民医院派出19名医疗人才",
      "醫療隊在日喀則市人民醫院開展手術538台次",  // Traditional: judged after t2s
      "为患者实施髂股静脉血栓取栓术",             // rare medical characters, but few
      "共选派31批医疗队共896名专家,其中西藏289名",
      "Medical aid team, 2021 report",
      "",
  };
  for (const char* line : clean) {
    CAPTURE(line);
    CHECK_FALSE(find_mojibake(line).has_value());
  }
}

TEST_CASE("report check: empty, binary and whitespace-only files") {
  auto empty = check_report("");
  REQUIRE(empty.problems.size() == 1);
  CHECK(problems_text(empty.problems) == "1:1: warning: empty file\n");

  auto binary = check_report(std::string("line one\nab\0cd", 14));
  CHECK(problems_text(binary.problems) == "2:3: error: binary content (NUL byte at offset 11)\n");

  auto blank = check_report("  \n\n");
  CHECK(count(blank.problems, Severity::warning) == 1);
  CHECK(problems_text(blank.problems).find("no text") != std::string::npos);
}

TEST_CASE("report check: invalid bytes and U+FFFD are located by line and byte column") {
  const std::string text = "第一行医疗队\n专家\xFF组\n\xEF\xBF\xBD丢失\n";
  auto check = check_report(text);
  CAPTURE(problems_text(check.problems));
  CHECK(check.encoding == "utf-8");
  CHECK(check.invalid_sequences == 1);
  CHECK(check.replacement_chars == 1);
  const std::string problems = problems_text(check.problems);
  CHECK(problems.find("2:7: error: invalid utf-8 byte sequence (0xFF) at byte 25") !=
        std::string::npos);
  CHECK(problems.find("3:1: warning: 1 U+FFFD replacement characters") != std::string::npos);
}

TEST_CASE("report check: a clean GB18030 report has only the note, with encoding and script") {
  const std::string bytes = encoded("援疆医疗队\n共派出36名专家,完成手术1200余台。\n", "gb18030");
  auto check = check_report(bytes);
  CHECK(check.encoding == "gb18030");
  CHECK(check.script == "simplified");
  REQUIRE(check.problems.size() == 1);
  CHECK(check.problems[0].severity == Severity::note);
  CHECK(check.problems[0].message.find("encoding gb18030, script simplified") != std::string::npos);
}

TEST_CASE("report check: long lines, mixed script, mojibake and repairs") {
  std::string text = "简体标题:医疗队派出专家\n";
  for (int i = 0; i < 6; ++i) text += "醫療隊醫生們學習專業技術,醫院護理\n";
  text += misread("医院派出专家组开展义诊", Encoding::gb18030) + "\n";
  text += "醫(yī)學(xué)专家,,来到这里\n";
  auto check = check_report(text, {.max_line_bytes = 40});
  const std::string problems = problems_text(check.problems);
  CAPTURE(problems);
  CHECK(check.script == "mixed");
  CHECK(problems.find("1:1: warning: mixed script") != std::string::npos);
  CHECK(problems.find("8:1: warning: likely mojibake") != std::string::npos);
  CHECK(problems.find("line is") != std::string::npos);
  CHECK(check.problems.back().severity == Severity::note);
  CHECK(check.problems.back().message.find("pinyin") != std::string::npos);
}

TEST_CASE("fact check: each field rule names the problem") {
  Fact good;
  good.doc = "a.txt";
  good.metric = "experts";
  good.value = 36;
  good.unit = "名";
  good.counted = "专家";
  good.start = 3;
  good.end = 10;
  good.quote = "36名专家";
  good.to = "日喀则市";
  good.from = "全国";
  good.since = "2014";
  good.until = "2024-08-09";
  FactChecker checker;
  CHECK(checker.check(good, 1).empty());
  // Official names, countries and 全国 are known places.
  good.to = "阿克苏地区";
  good.from = "全国";
  CHECK(checker.check(good, 1).empty());
  good.to = "摩洛哥";
  good.from = "上海市";
  CHECK(checker.check(good, 1).empty());
  // A name several divisions share, in the province the fact states or none (older files).
  Fact shared = good;
  shared.from = "西湖区";
  CHECK(checker.check(shared, 1).empty());
  shared.from_province = "江西省";
  shared.to_province = "摩洛哥";
  CHECK(checker.check(shared, 1).empty());
  Fact same_year = good;
  same_year.since = "2024-08";  // compared as far as both are stated
  same_year.until = "2024";
  CHECK(checker.check(same_year, 1).empty());

  const struct {
    void (*spoil)(Fact&);
    const char* message;
  } cases[] = {
      {[](Fact& f) { f.metric = "doctors"; }, "metric 'doctors' is not in the vocabulary"},
      {[](Fact& f) { f.value = -2; }, "value -2 is negative"},
      {[](Fact& f) { f.value_max = 20; }, "value_max 20 is below value 36"},
      {[](Fact& f) { f.qualifier = Qualifier::vague; }, "a vague count needs value_max"},
      {[](Fact& f) { f.end = 3; }, "empty span: start 3 is not before end 3"},
      {[](Fact& f) { f.quote.clear(); }, "quote is empty"},
      {[](Fact& f) { f.doc.clear(); }, "doc is empty"},
      {[](Fact& f) { f.to = "阿克苏"; }, "to '阿克苏' is not an official name (阿克苏地区)"},
      {[](Fact& f) { f.from = "上海"; }, "from '上海' is not an official name (上海市)"},
      {[](Fact& f) { f.to = "西岭县"; }, "to '西岭县' is not a known place"},
      {[](Fact& f) { f.since = "2019-13"; },
       "since '2019-13' is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD)"},
      {[](Fact& f) { f.until = "2022年"; },
       "until '2022年' is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD)"},
      {[](Fact& f) { f.until = "2013-12"; }, "since 2014 is after until 2013-12"},
      {[](Fact& f) {
         f.to_span = {9, 4};
       },
       "to_span 9..4 is reversed"},
      {[](Fact& f) { f.to = "西湖区", f.to_province = "河南省"; },
       "to '西湖区' is not in to_province '河南省'"},
      {[](Fact& f) { f.from_province = "全国"; }, "from '上海市' is not in from_province '全国'"},
      {[](Fact& f) { f.to.clear(), f.to_province = "西藏自治区"; },
       "to_province '西藏自治区' without a to"},
  };
  for (const auto& c : cases) {
    Fact f = good;
    c.spoil(f);
    const auto problems = checker.check(f, 7);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].line == 7);
    CHECK(problems[0].message == c.message);
  }
}

TEST_CASE("fact check: the span of a Big5 source must read as the quote") {
  const std::string prefix = encoded("醫療隊:", "big5");
  const std::string span = encoded("派出36名專家", "big5");
  const std::string source = prefix + span + encoded("。\n", "big5");
  Fact f;
  f.doc = "tw.txt";
  f.metric = "experts";
  f.value = 36;
  f.start = prefix.size();
  f.end = prefix.size() + span.size();
  f.quote = "派出36名专家";
  FactChecker checker;
  std::vector<Problem> problems;
  checker.check_quote(f, 2, source, problems);
  CHECK(problems_text(problems) == "");

  f.quote = "派出36名医生";
  checker.check_quote(f, 3, source, problems);
  CHECK(problems_text(problems) == "3:1: error: span " + std::to_string(f.start) + ".." +
                                       std::to_string(f.end) +
                                       " reads '派出36名专家', not the quote '派出36名医生'\n");
  problems.clear();
  f.quote = "派出36名专家";
  f.start += 1;  // the middle of a Big5 character
  checker.check_quote(f, 4, source, problems);
  REQUIRE(problems.size() == 1);  // an invalid sequence, or text that is not the quote
  CHECK(problems[0].message.find("span " + std::to_string(f.start) + "..") == 0);

  problems.clear();
  f.end = source.size() + 5;
  checker.check_quote(f, 5, source, problems);
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].message.find("past the end of tw.txt") != std::string::npos);
}
