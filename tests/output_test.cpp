#include "zhreport/output.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

using namespace zhreport;

namespace {

Fact sample_fact() {
  Fact f;
  f.doc = "dir/援疆,报告.txt";
  f.metric = "experts";
  f.value = 15000;
  f.qualifier = Qualifier::more_than;
  f.unit = "名";
  f.counted = "专家";
  f.start = 12;
  f.end = 30;
  f.quote = "派出\"1.5万余名\"专家\n第二行";
  return f;
}

DocumentRecord sample_document() {
  DocumentRecord d;
  d.doc = "a.txt";
  d.encoding = "big5";
  d.script = "traditional";
  d.title = "醫療隊";
  d.date = "2021-06-30";
  d.regions = {"新疆", "阿克苏地区"};
  d.chars = 1200;
  d.facts = 7;
  d.repairs = {{"pinyin", 3}, {"doubled_punctuation", 1}};
  d.warnings = {"teaser lines dropped"};
  d.content_hash = "abc123";
  return d;
}

// The lines append_jsonl writes for the whole batch at once are those it writes for each fact
// alone, after what the string already held.
void check_batch_is_each_line(const std::vector<Fact>& facts) {
  std::string each = "earlier line\n";
  for (const Fact& f : facts) append_jsonl(each, f);
  std::string all = "earlier line\n";
  append_jsonl(all, facts);
  CHECK(all == each);
  // The facts of one document, their docs left empty and the id given once: the same lines.
  const auto of_first = [&](const Fact& f) { return f.doc == facts.front().doc; };
  if (facts.empty() || !std::all_of(facts.begin(), facts.end(), of_first)) return;
  std::vector<Fact> bare = facts;
  for (Fact& f : bare) f.doc.clear();
  std::string given = "earlier line\n";
  append_jsonl(given, facts.front().doc, bare);
  CHECK(given == each);
}

}  // namespace

TEST_CASE("numbers print integral values without a decimal point, others shortest") {
  const struct {
    double value;
    const char* text;
  } cases[] = {{15000, "15000"},
               {0, "0"},
               {1.5, "1.5"},
               {0.1, "0.1"},
               {-3, "-3"},
               {123456789012, "123456789012"},
               {2.25e-7, "2.25e-07"},
               {9, "9"},
               {10, "10"},
               {99, "99"},
               {100, "100"},
               {-10, "-10"},
               {9007199254740991.0, "9007199254740991"},
               {-9007199254740991.0, "-9007199254740991"},
               {-0.0, "0"},
               {-1.5, "-1.5"},
               {9007199254740992.0, "9007199254740992"},
               {1e300, "1e+300"},
               {std::numeric_limits<double>::infinity(), "null"},
               {-std::numeric_limits<double>::infinity(), "null"},
               {std::numeric_limits<double>::quiet_NaN(), "null"}};
  for (const auto& c : cases) {
    std::string out;
    append_number(out, c.value);
    CAPTURE(c.text);
    CHECK(out == c.text);
  }
}

TEST_CASE("counts print every digit of the largest") {
  std::string out;
  JsonObjectWriter object(out);
  object.count("a", 0);
  object.count("b", 1000);
  object.count("c", UINT64_MAX);
  object.close();
  CHECK(out == "{\"a\":0,\"b\":1000,\"c\":18446744073709551615}");
}

TEST_CASE("integers of every count of digits print as std::to_string does") {
  // (up to four digits written in place, longer ones through a buffer)
  std::vector<uint64_t> values;
  for (uint64_t v = 0; v <= 20000; ++v) values.push_back(v);
  for (uint64_t power = 10; power <= UINT64_MAX / 10; power *= 10) {
    values.insert(values.end(), {power - 1, power, power + 1, power * 10 - 1});
  }
  values.push_back(UINT64_MAX);
  for (uint64_t v : values) {
    std::string out;
    JsonObjectWriter(out).count("n", v);
    CAPTURE(v);
    REQUIRE(out == "{\"n\":" + std::to_string(v));
  }
}

TEST_CASE("json strings escape quotes, backslashes, controls and invalid UTF-8") {
  const struct {
    std::string_view in;
    const char* out;
  } cases[] = {
      {"专家", "\"专家\""},
      {"a\"b\\c", "\"a\\\"b\\\\c\""},
      {"x\ny\tz\r", "\"x\\ny\\tz\\r\""},
      {std::string_view("\x01", 1), "\"\\u0001\""},
      {"bad\xff"
       "byte",
       "\"bad\xEF\xBF\xBD"
       "byte\""},
      {"\xe4\xb8", "\"\xEF\xBF\xBD\xEF\xBF\xBD\""},  // truncated sequence
  };
  for (const auto& c : cases) {
    std::string out;
    append_json_string(out, c.in);
    CHECK(out == c.out);
  }
}

TEST_CASE("json strings: a byte to escape is found at every place of an ASCII run") {
  // Plain ASCII is copied eight bytes at a time, and a run's end of four to seven bytes as two
  // words of four: each special byte, at each offset of such a block, in a run of each length,
  // must still stop the copy (and DEL, 0x7F, must not).
  for (char special : {'"', '\\', '\n', '\x1f', '\x7f', '\x80'}) {
    for (size_t length = 1; length <= 20; ++length) {
      for (size_t at = 0; at < length; ++at) {
        std::string in(length, 'a');
        in[at] = special;
        std::string expected = "\"";
        expected.append(at, 'a');
        if (special == '"') expected += "\\\"";
        if (special == '\\') expected += "\\\\";
        if (special == '\n') expected += "\\n";
        if (special == '\x1f') expected += "\\u001f";
        if (special == '\x7f') expected += "\x7f";
        if (special == '\x80') expected += "\xEF\xBF\xBD";
        expected.append(length - 1 - at, 'a');
        expected += '"';
        std::string out;
        append_json_string(out, in);
        CAPTURE(length);
        CAPTURE(at);
        CHECK(out == expected);
      }
    }
  }
}

TEST_CASE("json strings: the plain bytes before one to escape are all taken, and no more") {
  // A block's plain bytes are counted by its first flagged byte, which must be exact whatever
  // follows it (the flag tests borrow into the bytes above a flagged one).
  const auto escaped = [](std::string_view in) {
    std::string out = "\"";
    for (char c : in) {
      if (c == '"' || c == '\\') out += '\\';
      if (c == '\x01') out += "\\u0001";
      if (c == '\n') out += "\\n";
      if (c == '\x01' || c == '\n') continue;
      if (c == '\x80') out += "\xEF\xBF\xBD";
      if (c != '\x80') out += c;
    }
    return out + '"';
  };
  for (char special : {'"', '\\', '\n', '\x01', '\x80'}) {
    for (char next : {'!', '#', ']', ' ', '\x01', '\x80', '"'}) {
      for (size_t at = 0; at < 9; ++at) {
        std::string in = "0123456789abcdef";
        in[at] = special;
        in[at + 1] = next;
        std::string out;
        append_json_string(out, in);
        CAPTURE(at);
        CHECK(out == escaped(in));
      }
    }
  }
  std::string out;
  append_json_string(out, "1875余项新技术");
  CHECK(out == "\"1875余项新技术\"");
}

TEST_CASE("json strings: texts of every short length, of any pieces, as a byte-by-byte writer") {
  // A string's last bytes (fewer than eight) are tested as one word and written at once when
  // plain (ASCII, then characters of three bytes): pieces of every kind at every place of
  // strings of 0 to ~30 bytes, and each string cut at every length (a character cut short).
  const auto expected = [](std::string_view in) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(in[k]); };
    const auto continuation = [&](size_t k, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
      return k < in.size() && byte(k) >= lo && byte(k) <= hi;
    };
    std::string out = "\"";
    for (size_t i = 0; i < in.size();) {
      const unsigned char c = byte(i);
      size_t length = 0;
      if (c < 0x80) {
        length = c >= 0x20 && c != '"' && c != '\\';
      } else if (c >= 0xC2 && c <= 0xDF) {
        length = continuation(i + 1) ? 2 : 0;
      } else if (c >= 0xE0 && c <= 0xEF) {
        const bool second = c == 0xE0   ? continuation(i + 1, 0xA0)
                            : c == 0xED ? continuation(i + 1, 0x80, 0x9F)
                                        : continuation(i + 1);
        length = second && continuation(i + 2) ? 3 : 0;
      } else if (c >= 0xF0 && c <= 0xF4) {
        const bool second = c == 0xF0   ? continuation(i + 1, 0x90)
                            : c == 0xF4 ? continuation(i + 1, 0x80, 0x8F)
                                        : continuation(i + 1);
        length = second && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
      }
      if (length) {
        out += in.substr(i, length);
        i += length;
        continue;
      }
      if (c == '"' || c == '\\') out += std::string{'\\', static_cast<char>(c)};
      if (c == '\n') out += "\\n";
      if (c == '\t') out += "\\t";
      if (c < 0x20 && c != '\n' && c != '\t') {
        out += "\\u00";
        out += "0123456789abcdef"[c >> 4];
        out += "0123456789abcdef"[c & 0xF];
      }
      if (c >= 0x80) out += "\xEF\xBF\xBD";
      ++i;
    }
    return out + '"';
  };
  const std::vector<std::string_view> pieces = {"a",
                                                " ",
                                                "7",
                                                "\"",
                                                "\\",
                                                "\n",
                                                "\t",
                                                "\x01",
                                                "\x7f",
                                                "专家",
                                                "省",
                                                "\xE0\xA0\x80",  // U+0800 (E0, taken)
                                                "\xE0\x80\x80",  // an overlong form
                                                "\xED\x9F\xBF",
                                                "\xED\xA0\x80",  // U+D7FF, a surrogate
                                                "\xEF\xBF\xBD",
                                                "\xC3\xA9",
                                                "\xF0\x9F\x98\x80",
                                                "\xE4\xB8",
                                                "\x80"};
  uint32_t seed = 12345;
  const auto next = [&](uint32_t bound) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % bound;
  };
  for (int round = 0; round < 400; ++round) {
    std::string text;
    // (plain pieces most often, as in a fact's strings)
    for (uint32_t k = 0, count = next(9); k < count; ++k) {
      text += pieces[next(3) ? next(11) : next(static_cast<uint32_t>(pieces.size()))];
    }
    for (size_t length = 0; length <= text.size(); ++length) {
      const std::string_view in = std::string_view(text).substr(0, length);
      std::string out;
      append_json_string(out, in);
      CAPTURE(in);
      REQUIRE(out == expected(in));
    }
  }
}

TEST_CASE("csv fields are quoted only when they hold a comma, quote, CR or LF") {
  const struct {
    std::string_view in;
    const char* out;
  } cases[] = {{"plain", "plain"},
               {"a,b", "\"a,b\""},
               {"say \"hi\"", "\"say \"\"hi\"\"\""},
               {"two\nlines", "\"two\nlines\""},
               {"", ""}};
  for (const auto& c : cases) {
    std::string out;
    append_csv_field(out, c.in);
    CHECK(out == c.out);
  }
}

TEST_CASE("fact jsonl has the contract's keys in order and omits an absent value_max") {
  std::string out;
  Fact f = sample_fact();
  f.doc = "a.txt";
  f.quote = "1.5万余名专家";
  append_jsonl(out, f);
  CHECK(out ==
        "{\"doc\":\"a.txt\",\"metric\":\"experts\",\"value\":15000,\"qualifier\":\"more_than\","
        "\"unit\":\"名\",\"counted\":\"专家\",\"start\":12,\"end\":30,\"quote\":\"1.5万余名专家\","
        "\"to\":\"\",\"from\":\"\",\"since\":\"\",\"until\":\"\","
        "\"to_province\":\"\",\"from_province\":\"\"}"
        "\n");
  f.value_max = 30;
  out.clear();
  append_jsonl(out, f);
  CHECK(out.find("\"value\":15000,\"value_max\":30,") != std::string::npos);
}

TEST_CASE("many facts' jsonl is each fact's line, the document's id escaped once per run") {
  // Documents with and without characters to escape, each fact after one of the same document
  // or of another.
  std::vector<Fact> facts;
  for (const char* doc : {"dir/援疆,报告.txt", "dir/援疆,报告.txt", "b \"2\".txt", "a.txt",
                          "b \"2\".txt", "b \"2\".txt", ""}) {
    Fact f = sample_fact();
    f.doc = doc;
    f.value = double(facts.size());
    facts.push_back(f);
  }
  check_batch_is_each_line(facts);
  std::string none;
  append_jsonl(none, std::vector<Fact>{});
  CHECK(none.empty());
}

TEST_CASE("many facts' jsonl is each fact's line, a context shared with the fact before or not") {
  // Each fact's context differs from the one before's in one field, or in none.
  Fact first = sample_fact();
  first.to = "日喀则市";
  first.from = "上海市";
  first.since = "2014";
  first.to_province = "西藏自治区";
  first.from_province = "上海市";
  first.to_span = {1, 7};
  first.from_span = {9, 18};
  std::vector<Fact> facts = {first, first};
  const auto changed = [&](auto change) {
    facts.push_back(facts.back());
    change(facts.back());
    facts.push_back(facts.back());
  };
  changed([](Fact& f) { f.to = "拉萨市"; });
  changed([](Fact& f) { f.from = "\"浙江\"省"; });
  changed([](Fact& f) { f.since = ""; });
  changed([](Fact& f) { f.until = "2022-12"; });
  changed([](Fact& f) { f.to_span = {}; });
  changed([](Fact& f) { f.from_span.end = 19; });
  changed([](Fact& f) { f.since_span = {40, 44}; });
  changed([](Fact& f) { f.until_span = {50, 57}; });
  changed([](Fact& f) { f.to_province = ""; });
  changed([](Fact& f) { f.from_province = "浙江省"; });
  changed([](Fact& f) { f.doc = "b.txt"; });
  check_batch_is_each_line(facts);
}

TEST_CASE("append_jsonl of many facts is each fact's line, at the longest a line can be") {
  // The lines of many facts are written into one room summed for them all, which must hold the
  // longest a line can be: every field set, every string of bytes that escape to six, a
  // document's id alone in its run or shared with the line before.
  const std::string escaped(40, '\x01'), invalid(40, '\xff');
  Fact full = sample_fact();
  full.value = -1.0 / 3.0;
  full.value_max = 1e300;
  full.start = SIZE_MAX - 1;
  full.end = SIZE_MAX;
  for (std::string* text :
       {&full.metric, &full.unit, &full.counted, &full.quote, &full.to, &full.from, &full.since,
        &full.until, &full.to_province, &full.from_province}) {
    *text = escaped + invalid;
  }
  full.to_span = full.from_span = full.since_span = full.until_span = {SIZE_MAX - 1, SIZE_MAX};
  struct Case {
    std::string_view what;
    std::vector<std::string> docs;
  };
  const std::vector<Case> cases = {
      {"one fact", {escaped}},
      {"a run of one document", {escaped, escaped, escaped}},
      {"documents in turn", {escaped, invalid, "", escaped}},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    std::vector<Fact> facts;
    for (const std::string& doc : c.docs) {
      facts.push_back(full);
      facts.back().doc = doc;
    }
    check_batch_is_each_line(facts);
  }
}

TEST_CASE("fact and document records round-trip through jsonl") {
  JsonlReader reader;
  Fact f = sample_fact();
  f.value = 1.5;
  f.value_max = 2.5;
  std::string line;
  append_jsonl(line, f);
  auto parsed = reader.parse(line);
  REQUIRE(parsed.ok());
  const Fact& back = std::get<Fact>(parsed.value());
  CHECK(back.doc == f.doc);
  CHECK(back.value == f.value);
  CHECK(back.value_max == f.value_max);
  CHECK(back.qualifier == f.qualifier);
  CHECK(back.quote == f.quote);
  CHECK(back.start == 12);
  CHECK(back.end == 30);

  DocumentRecord d = sample_document();
  d.error = "binary input";
  line.clear();
  append_jsonl(line, d);
  CHECK(line.rfind("{\"type\":\"document\",\"doc\":\"a.txt\",", 0) == 0);
  parsed = reader.parse(line);
  REQUIRE(parsed.ok());
  const DocumentRecord& doc = std::get<DocumentRecord>(parsed.value());
  CHECK(doc.regions == d.regions);
  CHECK(doc.repairs == d.repairs);
  CHECK(doc.warnings == d.warnings);
  CHECK(doc.chars == 1200);
  CHECK(doc.content_hash == "abc123");
  CHECK(doc.error == "binary input");
}

TEST_CASE("context fields and their spans round-trip through jsonl and csv") {
  Fact f = sample_fact();
  f.to = "日喀则市";
  f.from = "上海市";
  f.since = "2014";
  f.until = "2024-08-09";
  f.from_span = Span{40, 49};
  f.since_span = Span{0, 9};
  f.to_province = "西藏自治区";
  f.from_province = "上海市";
  std::string line;
  append_jsonl(line, f);
  CHECK(line.find(
            "\"to\":\"日喀则市\",\"from\":\"上海市\",\"since\":\"2014\",\"until\":\"2024-08-09\","
            "\"from_span\":[40,49],\"since_span\":[0,9],\"to_province\":\"西藏自治区\","
            "\"from_province\":\"上海市\"}") != std::string::npos);
  JsonlReader reader;
  auto parsed = reader.parse(line);
  REQUIRE(parsed.ok());
  const Fact& back = std::get<Fact>(parsed.value());
  CHECK(back.to == f.to);
  CHECK(back.until == f.until);
  CHECK(back.from_span == f.from_span);
  CHECK(back.to_span.empty());
  CHECK(back.to_province == "西藏自治区");
  CHECK(back.from_province == "上海市");

  std::string text;
  append_fact_csv_header(text);
  append_csv(text, f);
  CHECK(text.find(",until_span,to_province,from_province\n") != std::string::npos);
  CHECK(text.find(",日喀则市,上海市,2014,2024-08-09,,40..49,0..9,,西藏自治区,上海市\n") !=
        std::string::npos);
  CsvFactReader csv;
  size_t pos = 0;
  std::optional<Fact> row;
  while (pos < text.size()) {
    auto record = read_csv_record(text, pos);
    REQUIRE(record.ok());
    auto fact = csv.add_row(record.value());
    REQUIRE(fact.ok());
    if (fact.value()) row = fact.value();
  }
  REQUIRE(row);
  CHECK(row->from == "上海市");
  CHECK(row->since_span == f.since_span);
  CHECK(row->to_province == "西藏自治区");
  CHECK(row->from_province == "上海市");

  // Files written before the provinces: read, the provinces empty.
  auto older = reader.parse(
      R"({"doc":"d","metric":"experts","value":1,"qualifier":"exact","unit":"名","counted":"x",)"
      R"("start":0,"end":1,"quote":"q","to":"西湖区","from":"","since":"","until":""})");
  REQUIRE(older.ok());
  CHECK(std::get<Fact>(older.value()).to == "西湖区");
  CHECK(std::get<Fact>(older.value()).to_province.empty());
  CsvFactReader older_csv;
  REQUIRE(older_csv
              .add_row({"doc", "metric", "value", "value_max", "qualifier", "unit", "counted",
                        "start", "end", "quote", "to", "from"})
              .ok());
  auto older_row =
      older_csv.add_row({"d", "experts", "1", "", "exact", "名", "x", "0", "1", "q", "西湖区", ""});
  REQUIRE(older_row.ok());
  CHECK(older_row.value()->to == "西湖区");
  CHECK(older_row.value()->to_province.empty());
  CHECK_FALSE(reader
                  .parse(R"({"doc":"d","metric":"experts","value":1,"qualifier":"exact",)"
                         R"("unit":"名","counted":"x","start":0,"end":1,"quote":"q",)"
                         R"("to_province":[1,2]})")
                  .ok());

  CHECK_FALSE(
      reader
          .parse(R"({"doc":"d","metric":"experts","value":1,"qualifier":"exact",)"
                 R"("unit":"名","counted":"x","start":0,"end":1,"quote":"q","to_span":[5,2]})")
          .ok());
}

TEST_CASE("jsonl reader accepts any key order, ignores unknown keys and a trailing CR") {
  JsonlReader reader;
  auto r = reader.parse(
      "{\"quote\":\"q\",\"end\":5,\"start\":1,\"counted\":\"手术\",\"unit\":\"台\",\"extra\":[1],"
      "\"qualifier\":\"exact\",\"value\":538,\"metric\":\"surgeries\",\"doc\":\"x\"}\r");
  REQUIRE(r.ok());
  CHECK(std::get<Fact>(r.value()).value == 538);
}

TEST_CASE("jsonl reader names the problem of a malformed line") {
  JsonlReader reader;
  const struct {
    std::string_view line;
    const char* reason;
  } cases[] = {
      {"", "empty line"},
      {"{\"doc\":\"x\"", "not JSON"},
      {"[1,2]", "not a JSON object"},
      {"{\"type\":\"document\",\"doc\":\"x\"} {}", "text after the JSON object"},
      {"{\"doc\":\"x\",\"metric\":\"experts\",\"value\":1,\"qualifier\":\"exact\"}",
       "missing fields unit, counted, start, end, quote"},
      {"{\"doc\":\"x\",\"metric\":\"experts\",\"value\":\"1\",\"qualifier\":\"exact\",\"unit\":"
       "\"\","
       "\"counted\":\"\",\"start\":0,\"end\":1,\"quote\":\"\"}",
       "field value: expected a number"},
      {"{\"doc\":\"x\",\"metric\":\"experts\",\"value\":1,\"qualifier\":\"roughly\",\"unit\":\"\","
       "\"counted\":\"\",\"start\":0,\"end\":1,\"quote\":\"\"}",
       "unknown qualifier 'roughly'"},
      {"{\"doc\":\"x\",\"metric\":\"experts\",\"value\":1,\"qualifier\":\"exact\",\"unit\":\"\","
       "\"counted\":\"\",\"start\":-4,\"end\":1,\"quote\":\"\"}",
       "field start: expected a non-negative integer"},
      {"{\"type\":\"document\",\"title\":\"t\"}", "missing field doc"},
      {"{\"type\":\"page\",\"doc\":\"x\"}", "unknown type 'page'"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.line);
    auto r = reader.parse(c.line);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::parse);
    CHECK(r.error().message.find(c.reason) != std::string::npos);
  }
}

TEST_CASE("csv records split on commas and line ends, quoted fields span lines") {
  std::string_view text = "a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,end\nlast";
  size_t pos = 0;
  auto first = read_csv_record(text, pos);
  REQUIRE(first.ok());
  CHECK(first.value() == std::vector<std::string>{"a", "b,c", "say \"hi\""});
  auto second = read_csv_record(text, pos);
  REQUIRE(second.ok());
  CHECK(second.value() == std::vector<std::string>{"two\nlines", "", "end"});
  auto third = read_csv_record(text, pos);
  REQUIRE(third.ok());
  CHECK(third.value() == std::vector<std::string>{"last"});
  CHECK(pos == text.size());

  pos = 0;
  CHECK_FALSE(read_csv_record("\"open", pos).ok());
  pos = 0;
  CHECK_FALSE(read_csv_record("\"closed\"x,y", pos).ok());
}

TEST_CASE("facts round-trip through csv, columns found by header name") {
  std::string text;
  append_fact_csv_header(text);
  Fact f = sample_fact();
  append_csv(text, f);
  f.value_max = 20;
  f.value = 2.5;
  append_csv(text, f);

  CsvFactReader reader;
  size_t pos = 0;
  std::vector<Fact> facts;
  while (pos < text.size()) {
    auto row = read_csv_record(text, pos);
    REQUIRE(row.ok());
    auto fact = reader.add_row(row.value());
    REQUIRE(fact.ok());
    if (fact.value()) facts.push_back(*fact.value());
  }
  REQUIRE(facts.size() == 2);
  CHECK(facts[0].doc == "dir/援疆,报告.txt");
  CHECK(facts[0].quote == sample_fact().quote);
  CHECK_FALSE(facts[0].value_max.has_value());
  CHECK(facts[1].value == 2.5);
  CHECK(facts[1].value_max == 20);
  CHECK(facts[1].qualifier == Qualifier::more_than);

  CsvFactReader reordered;
  REQUIRE(reordered
              .add_row({"quote", "end", "start", "counted", "unit", "qualifier", "value", "metric",
                        "doc"})
              .ok());
  auto row = reordered.add_row({"q", "9", "3", "专家", "名", "about", "145", "trainees", "d"});
  REQUIRE(row.ok());
  CHECK(row.value()->value == 145);
  CHECK(row.value()->qualifier == Qualifier::about);
  CHECK(row.value()->end == 9);
}

TEST_CASE("csv fact reader rejects a header without required columns and bad cells") {
  CsvFactReader reader;
  auto header = reader.add_row({"doc", "metric", "value"});
  REQUIRE_FALSE(header.ok());
  CHECK(header.error().message.find("qualifier, unit, counted, start, end, quote") !=
        std::string::npos);

  CsvFactReader good;
  REQUIRE(good.add_row({"doc", "metric", "value", "value_max", "qualifier", "unit", "counted",
                        "start", "end", "quote"})
              .ok());
  CHECK_FALSE(
      good.add_row({"d", "experts", "many", "", "exact", "名", "专家", "0", "3", "q"}).ok());
  CHECK_FALSE(good.add_row({"d", "experts", "3", "", "roughly", "名", "专家", "0", "3", "q"}).ok());
  CHECK_FALSE(good.add_row({"d", "experts", "3", "", "exact", "名", "专家", "-1", "3", "q"}).ok());
  CHECK_FALSE(good.add_row({"d", "experts", "3"}).ok());
}

TEST_CASE("document records write csv with lists joined by semicolons") {
  std::string out;
  append_document_csv_header(out);
  append_csv(out, sample_document());
  CHECK(out ==
        "doc,encoding,script,title,date,title_source,date_source,body,regions,chars,facts,repairs,"
        "warnings,content_hash,error\n"
        "a.txt,big5,traditional,醫療隊,2021-06-30,,,,新疆;阿克苏地区,1200,7,pinyin=3;doubled_"
        "punctuation=1,"
        "teaser lines dropped,abc123,\n");
}

TEST_CASE("document records say where title, date and body came from, in JSONL and CSV") {
  DocumentRecord d = sample_document();
  d.title_source = "meta:ArticleTitle";
  d.date_source = "meta:PubDate";
  d.body = "div#content";
  std::string line;
  append_jsonl(line, d);
  CHECK(line.find("\"date\":\"2021-06-30\",\"title_source\":\"meta:ArticleTitle\","
                  "\"date_source\":\"meta:PubDate\",\"body\":\"div#content\"") !=
        std::string::npos);
  JsonlReader reader;
  auto parsed = reader.parse(line);
  REQUIRE(parsed.ok());
  const auto& back = std::get<DocumentRecord>(parsed.value());
  CHECK(back.title_source == "meta:ArticleTitle");
  CHECK(back.date_source == "meta:PubDate");
  CHECK(back.body == "div#content");
  std::string csv;
  append_csv(csv, d);
  CHECK(csv.find(",2021-06-30,meta:ArticleTitle,meta:PubDate,div#content,") != std::string::npos);
  // Plain text has no body: the key is left out, the sources are written empty.
  d.body.clear();
  line.clear();
  append_jsonl(line, d);
  CHECK(line.find("\"body\"") == std::string::npos);
}

TEST_CASE("parse_into without text fields leaves unit, counted and quote empty but checks them") {
  JsonlReader reader;
  Fact fact;
  DocumentRecord document;
  std::string line;
  append_jsonl(line, sample_fact());
  auto kind = reader.parse_into(line, fact, document, /*text_fields=*/false);
  REQUIRE(kind.ok());
  CHECK(kind.value() == JsonlReader::Kind::fact);
  CHECK(fact.doc == sample_fact().doc);
  CHECK(fact.value == 15000);
  CHECK(fact.quote.empty());
  CHECK(fact.unit.empty());
  auto bad = reader.parse_into(
      "{\"doc\":\"x\",\"metric\":\"experts\",\"value\":1,\"qualifier\":\"exact\",\"unit\":3,"
      "\"counted\":\"\",\"start\":0,\"end\":1,\"quote\":\"\"}",
      fact, document, false);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message == "field unit: expected a string");
}

TEST_CASE("regression: simdjson's messages keep their acronyms when lower-cased (was 'jSON')") {
  JsonlReader reader;
  auto r = reader.parse("{\"doc\":\"x\",");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message.rfind("not JSON: JSON document ended early", 0) == 0);
  CHECK(r.error().message.back() != '.');
}

TEST_CASE("TSV fields stay on one line") {
  std::string out;
  append_tsv_field(out, "a\tb\nc\\d\re");
  CHECK(out == "a\\tb\\nc\\\\d\\re");
}
