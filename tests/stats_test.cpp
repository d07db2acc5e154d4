#include "zhreport/stats.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "zhreport/output.h"

using namespace zhreport;

namespace {

using Line = std::variant<Fact, DocumentRecord>;

Fact fact(std::string doc, std::string metric, double value, Qualifier q = Qualifier::exact) {
  Fact f;
  f.doc = std::move(doc);
  f.metric = std::move(metric);
  f.value = value;
  f.qualifier = q;
  return f;
}

DocumentRecord record(std::string doc, std::string hash, std::string date,
                      std::vector<std::string> regions) {
  DocumentRecord d;
  d.doc = std::move(doc);
  d.content_hash = std::move(hash);
  d.date = std::move(date);
  d.regions = std::move(regions);
  return d;
}

// Two reports on the same text (one archived twice, under two names), one in two regions,
// and one without a document record.
std::vector<Line> corpus() {
  return {
      record("a.txt", "h1", "2021-06-30", {"新疆", "阿克苏地区"}),
      fact("a.txt", "experts", 19),
      fact("a.txt", "surgeries", 1500, Qualifier::more_than),
      fact("a.txt", "experts", 4),
      fact("b.txt", "experts", 896),
      fact("b.txt", "teams", 31),
      record("b.txt", "h2", "2019-01-02", {"西藏"}),
      record("copy/a.txt", "h1", "2021-06-30", {"新疆", "阿克苏地区"}),
      fact("copy/a.txt", "experts", 19),
      fact("copy/a.txt", "surgeries", 1500, Qualifier::more_than),
      fact("copy/a.txt", "experts", 4),
      fact("loose.txt", "experts", 2.5, Qualifier::about),
  };
}

void feed(StatsAccumulator& stats, const std::vector<Line>& lines) {
  for (const Line& line : lines) std::visit([&](const auto& r) { stats.add(r); }, line);
  stats.end_input();
}

std::string csv(const StatsAccumulator& stats, std::string_view by) {
  std::string out;
  append_csv(out, stats.table(parse_dimensions(by).value()));
  return out;
}

std::string state_of(const std::vector<Line>& lines) {
  StatsAccumulator shard;
  feed(shard, lines);
  std::string state;
  shard.append_state(state);
  return state;
}

}  // namespace

TEST_CASE("dimensions parse from a comma list and refuse unknown or repeated names") {
  auto by = parse_dimensions("region,metric");
  REQUIRE(by.ok());
  CHECK(by.value() == std::vector<Dimension>{Dimension::region, Dimension::metric});
  CHECK_FALSE(parse_dimensions("metric,province").ok());
  CHECK_FALSE(parse_dimensions("metric,metric").ok());
  CHECK_FALSE(parse_dimensions("").ok());
}

TEST_CASE("exact sums are decimal, order independent and print without trailing zeros") {
  const struct {
    double value;
    const char* text;
  } cases[] = {{15000, "15000"},
               {1.5, "1.5"},
               {0.1, "0.1"},
               {-0.25, "-0.25"},
               {-3, "-3"},
               {123456789012.5, "123456789012.5"},
               {1e21, "1000000000000000000000"}};
  for (const auto& c : cases) {
    std::string out;
    append_decimal(out, ExactSum::of(c.value));
    CHECK(out == c.text);
  }
  ExactSum forward, backward;
  const double values[] = {0.1, 0.2, 0.3, 1e15, 0.7};
  for (double v : values) forward += ExactSum::of(v);
  for (int i = 4; i >= 0; --i) backward += ExactSum::of(values[i]);
  CHECK(forward == backward);
  std::string out;
  append_decimal(out, forward);
  CHECK(out == "1000000000000001.3");
}

TEST_CASE("grouping by metric keeps estimates out of sum_exact and drops the duplicate copy") {
  StatsAccumulator stats;
  feed(stats, corpus());
  CHECK(csv(stats, "metric") ==
        "metric,facts,docs,sum,sum_exact,approx_facts,min,max\n"
        "experts,4,3,921.5,919,1,2.5,896\n"
        "teams,1,1,31,31,0,31,31\n"
        "surgeries,1,1,1500,0,1,1500,1500\n");
  const StatsSummary s = stats.summary();
  CHECK(s.facts_read == 9);
  CHECK(s.documents_read == 3);
  CHECK(s.duplicate_documents == 1);
  CHECK(s.duplicate_facts == 3);
  CHECK(s.facts_without_record == 1);
  CHECK(s.documents == 3);
  CHECK(s.facts == 6);
}

TEST_CASE(
    "a fact counts in every region of its document; no record or region means (none); keys sort "
    "bytewise") {
  StatsAccumulator stats;
  feed(stats, corpus());
  CHECK(csv(stats, "region,metric") ==
        "region,metric,facts,docs,sum,sum_exact,approx_facts,min,max\n"
        "(none),experts,1,1,2.5,0,1,2.5,2.5\n"
        "新疆,experts,2,1,23,23,0,4,19\n"
        "新疆,surgeries,1,1,1500,0,1,1500,1500\n"
        "西藏,experts,1,1,896,896,0,896,896\n"
        "西藏,teams,1,1,31,31,0,31,31\n"
        "阿克苏地区,experts,2,1,23,23,0,4,19\n"
        "阿克苏地区,surgeries,1,1,1500,0,1,1500,1500\n");
  CHECK(csv(stats, "year") ==
        "year,facts,docs,sum,sum_exact,approx_facts,min,max\n"
        "(none),1,1,2.5,0,1,2.5,2.5\n"
        "2019,2,1,927,927,0,31,896\n"
        "2021,3,1,1523,23,1,4,1500\n");
}

TEST_CASE("the kept copy of a duplicate is the smaller id, whatever the order") {
  std::vector<Line> lines = corpus();
  std::reverse(lines.begin(), lines.end());  // records now follow their facts
  StatsAccumulator stats;
  feed(stats, lines);
  CHECK(csv(stats, "doc") ==
        "doc,facts,docs,sum,sum_exact,approx_facts,min,max\n"
        "a.txt,3,1,1523,23,1,4,1500\n"
        "b.txt,2,1,927,927,0,31,896\n"
        "loose.txt,1,1,2.5,0,1,2.5,2.5\n");
  CHECK(stats.summary().duplicate_documents == 1);
}

TEST_CASE("a document id that comes back later in the stream is a second copy") {
  StatsAccumulator stats;
  feed(stats, {fact("x", "papers", 3), fact("y", "papers", 1), fact("x", "papers", 3)});
  CHECK(stats.summary().duplicate_documents == 1);
  CHECK(stats.summary().facts == 2);
}

TEST_CASE("merging the states of any split, in any order, equals the single run") {
  const std::vector<Line> lines = corpus();
  StatsAccumulator single;
  feed(single, lines);
  std::string single_state;
  single.append_state(single_state);

  // Splits at document boundaries (a document's lines stay in one shard), in both orders.
  const std::vector<std::vector<size_t>> splits = {
      {0, 12}, {0, 4, 12}, {0, 7, 12}, {0, 4, 7, 11, 12}};
  for (const auto& cuts : splits) {
    std::vector<std::string> states;
    for (size_t i = 0; i + 1 < cuts.size(); ++i) {
      states.push_back(state_of({lines.begin() + cuts[i], lines.begin() + cuts[i + 1]}));
    }
    for (bool reversed : {false, true}) {
      if (reversed) std::reverse(states.begin(), states.end());
      StatsAccumulator merged;
      for (const std::string& state : states) REQUIRE(merged.merge_state(state).ok());
      for (std::string_view by : {"metric", "region,year", "doc,metric"}) {
        CAPTURE(by);
        CHECK(csv(merged, by) == csv(single, by));
      }
      std::string merged_state;
      merged.append_state(merged_state);
      CHECK(merged_state == single_state);
      std::string json_single, json_merged;
      append_json(json_single, single.table({Dimension::metric}), single.summary());
      append_json(json_merged, merged.table({Dimension::metric}), merged.summary());
      CHECK(json_merged == json_single);
    }
  }
}

TEST_CASE("a state survives concatenation and line sorting (Hadoop Streaming's shuffle)") {
  const std::vector<Line> lines = corpus();
  std::string both =
      state_of({lines.begin(), lines.begin() + 7}) + state_of({lines.begin() + 7, lines.end()});
  std::vector<std::string> sorted;
  size_t pos = 0;
  while (pos < both.size()) {
    const size_t nl = both.find('\n', pos);
    sorted.push_back(both.substr(pos, nl - pos + 1));
    pos = nl + 1;
  }
  std::sort(sorted.begin(), sorted.end());
  std::string shuffled;
  for (const auto& line : sorted) shuffled += line;

  StatsAccumulator merged, single;
  REQUIRE(merged.merge_state(shuffled).ok());
  feed(single, lines);
  CHECK(csv(merged, "metric,region") == csv(single, "metric,region"));
}

TEST_CASE("state values with tabs, newlines and fractions round-trip exactly") {
  const std::vector<Line> lines = {record("dir\twith tab\nand newline", "", "", {"区\\域"}),
                                   fact("dir\twith tab\nand newline", "money", 0.1),
                                   fact("dir\twith tab\nand newline", "money", 1e-7)};
  const std::string state = state_of(lines);
  StatsAccumulator merged, single;
  REQUIRE(merged.merge_state(state).ok());
  feed(single, lines);
  CHECK(csv(merged, "doc,region") == csv(single, "doc,region"));
  std::string again;
  merged.append_state(again);
  CHECK(again == state);
}

TEST_CASE("a malformed or unversioned state is refused with the line named") {
  const struct {
    std::string_view state;
    const char* reason;
  } cases[] = {
      {"totals\t1\t0\t0\t0\t0\n", "no version line"},
      {"zhstats-state\t2\n", "line 1: unsupported state version"},
      {"zhstats-state\t1\ntotals\t1\t0\n", "line 2: malformed totals line"},
      {"zhstats-state\t1\ndocument\tdoc:x\tx\t\t0\t0\t1\texperts\t1\t0\t5\tfive\t5\t5\n",
       "line 2: malformed document line"},
      {"zhstats-state\t1\nrows\t3\n", "line 2: unknown record 'rows'"},
  };
  for (const auto& c : cases) {
    StatsAccumulator stats;
    auto r = stats.merge_state(c.state);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().message.find(c.reason) != std::string::npos);
  }
}

TEST_CASE("markdown and json tables carry the same cells as csv") {
  StatsAccumulator stats;
  feed(stats, corpus());
  const StatsTable table = stats.table({Dimension::metric});
  std::string md;
  append_markdown(md, table);
  CHECK(md.rfind("| metric | facts | docs | sum | sum_exact | approx_facts | min | max |\n"
                 "|---|---:|---:|---:|---:|---:|---:|---:|\n"
                 "| experts | 4 | 3 | 921.5 | 919 | 1 | 2.5 | 896 |\n",
                 0) == 0);
  std::string json;
  append_json(json, table, stats.summary());
  CHECK(json.find("{\"metric\":\"surgeries\",\"facts\":1,\"docs\":1,\"sum\":1500,\"sum_exact\":0,"
                  "\"approx_facts\":1,\"min\":1500,\"max\":1500}") != std::string::npos);
  CHECK(json.find("\"duplicate_documents\":1,\"duplicate_facts\":3") != std::string::npos);
  JsonlReader reader;  // the JSON is one valid object
  CHECK(reader.parse(json).error().message.find("missing field") != std::string::npos);
}
