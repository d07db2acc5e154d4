#include "zhreport/html.h"

#include <doctest/doctest.h>
#include <unicode/ucnv.h>

#include <string>

namespace {

struct Case {
  const char* name;
  const char* html;
  const char* text;
};

// `utf8` in GBK bytes, made with ICU.
std::string to_gbk(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 2 + 16, '\0');
  int32_t length = ucnv_convert("gbk", "utf-8", out.data(), static_cast<int32_t>(out.size()),
                                utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<size_t>(length));
  return out;
}

}  // namespace

TEST_CASE("html: the text a reader sees, one line per block") {
  const Case cases[] = {
      {"paragraphs become lines", "<p>第一段</p><p>第二段</p>", "第一段\n第二段\n"},
      {"scripts and styles are dropped",
       "<head><style>p{color:red}</style><script>var n = '30名';</script></head>"
       "<body><h1>援疆</h1><noscript>请启用脚本</noscript><p>医疗队</p></body>",
       "援疆\n医疗队\n"},
      {"entities are decoded by the parser", "<h1>a</h1><p>医生&amp;护士&nbsp;共&#51;0名&lt;</p>",
       "a\n医生&护士\u00a0共30名<\n"},
      {"inline elements stay on the line", "<h1>t</h1><p>共<b>30</b>名<a href=x>专家</a></p>",
       "t\n共30名专家\n"},
      {"white space collapses, br ends a line", "<h1>t</h1><div>  义诊\n\n  活动<br>第二行 </div>",
       "t\n义诊 活动\n第二行\n"},
      {"table cells are separated, rows are lines",
       "<h1>t</h1><table><tr><td>医生</td><td>12名</td></tr><tr><td>护士</td><td>8名</td></tr></"
       "table>",
       "t\n医生 12名\n护士 8名\n"},
      {"pre keeps its line breaks", "<h1>t</h1><pre>一\n二</pre>", "t\n一\n二\n"},
      {"comments are dropped", "<h1>t</h1><p>甲<!-- 100名 -->乙</p>", "t\n甲乙\n"},
      {"title is the first line when there is no h1",
       "<html><head><title>援藏医疗队抵达</title></head><body><p>正文</p></body></html>",
       "援藏医疗队抵达\n正文\n"},
      {"no title line when the page has its own h1",
       "<title>援藏医疗队抵达_新闻网</title><h1>援藏医疗队抵达</h1><p>正文</p>",
       "援藏医疗队抵达\n正文\n"},
      {"broken markup still yields its text", "<p>未闭合<div>段落<p>再一段",
       "未闭合\n段落\n再一段\n"},
      {"empty page", "", ""},
  };
  for (const Case& test : cases) {
    zhreport::Result<std::string> text = zhreport::html_to_text(test.html);
    REQUIRE_MESSAGE(text.ok(), test.name);
    CHECK_MESSAGE(text.value() == test.text, test.name);
  }
}

TEST_CASE("html: a GBK page is decoded by its HTTP charset or by detection") {
  std::string page = to_gbk("<h1>医疗队</h1><p>派出专家三十名，诊治患者一千余人次。</p>");
  CHECK(zhreport::html_to_text(page, "gb2312").value() ==
        "医疗队\n派出专家三十名，诊治患者一千余人次。\n");
  CHECK(zhreport::html_to_text(page).value() == "医疗队\n派出专家三十名，诊治患者一千余人次。\n");
}

TEST_CASE("html: pages nested too deeply for the parser are refused, quickly") {
  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "<div>";
  zhreport::Result<std::string> text = zhreport::html_to_text(deep + "x");
  REQUIRE_FALSE(text.ok());
  CHECK(text.error().code == zhreport::ErrorCode::too_large);

  std::string many_breaks = "<h1>t</h1>";  // void elements do not nest
  for (int i = 0; i < 20000; ++i) many_breaks += "行<br>";
  CHECK(zhreport::html_to_text(many_breaks).ok());
}

TEST_CASE("html: file names") {
  CHECK(zhreport::is_html_name("a/b.html"));
  CHECK(zhreport::is_html_name("B.HTM"));
  CHECK_FALSE(zhreport::is_html_name("b.txt"));
  CHECK_FALSE(zhreport::is_html_name("html"));
}
