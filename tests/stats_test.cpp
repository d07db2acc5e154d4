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

// A fact with its context: from, to, since, until.
Fact said(std::string doc, std::string metric, double value, std::string from, std::string to,
          std::string since, std::string until, Qualifier q = Qualifier::exact) {
  Fact f = fact(std::move(doc), std::move(metric), value, q);
  f.from = std::move(from);
  f.to = std::move(to);
  f.since = std::move(since);
  f.until = std::move(until);
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
  // a.txt's 19 and 4 experts (no from, no to, no period of their own) are one quantity of
  // its document restated: 19 is kept, 4 folded.
  CHECK(csv(stats, "metric") ==
        "metric,facts,docs,sum,sum_exact,approx_facts,min,max,folded\n"
        "experts,3,3,917.5,915,1,2.5,896,1\n"
        "teams,1,1,31,31,0,31,31,0\n"
        "surgeries,1,1,1500,0,1,1500,1500,0\n");
  const StatsSummary s = stats.summary();
  CHECK(s.facts_read == 9);
  CHECK(s.documents_read == 3);
  CHECK(s.duplicate_documents == 1);
  CHECK(s.duplicate_facts == 3);
  CHECK(s.facts_without_record == 1);
  CHECK(s.documents == 3);
  CHECK(s.facts == 5);
  CHECK(s.folded_facts == 1);
  CHECK(s.facts_without_to == 5);
  CHECK(s.facts_without_year == 1);
  CHECK(s.facts_read == s.facts + s.folded_facts + s.duplicate_facts);
}

TEST_CASE(
    "a fact counts in every region of its document; no record or region means (none); keys sort "
    "bytewise") {
  StatsAccumulator stats;
  feed(stats, corpus());
  CHECK(csv(stats, "region,metric") ==
        "region,metric,facts,docs,sum,sum_exact,approx_facts,min,max,folded\n"
        "(none),experts,1,1,2.5,0,1,2.5,2.5,0\n"
        "新疆,experts,1,1,19,19,0,19,19,1\n"
        "新疆,surgeries,1,1,1500,0,1,1500,1500,0\n"
        "西藏,experts,1,1,896,896,0,896,896,0\n"
        "西藏,teams,1,1,31,31,0,31,31,0\n"
        "阿克苏地区,experts,1,1,19,19,0,19,19,1\n"
        "阿克苏地区,surgeries,1,1,1500,0,1,1500,1500,0\n");
  CHECK(csv(stats, "year") ==
        "year,facts,docs,sum,sum_exact,approx_facts,min,max,folded\n"
        "(none),1,1,2.5,0,1,2.5,2.5,0\n"
        "2019,2,1,927,927,0,31,896,0\n"
        "2021,2,1,1519,19,1,19,1500,1\n");
}

TEST_CASE("the kept copy of a duplicate is the smaller id, whatever the order") {
  std::vector<Line> lines = corpus();
  std::reverse(lines.begin(), lines.end());  // records now follow their facts
  StatsAccumulator stats;
  feed(stats, lines);
  CHECK(csv(stats, "doc") ==
        "doc,facts,docs,sum,sum_exact,approx_facts,min,max,folded\n"
        "a.txt,2,1,1519,19,1,19,1500,1\n"
        "b.txt,2,1,927,927,0,31,896,0\n"
        "loose.txt,1,1,2.5,0,1,2.5,2.5,0\n");
  CHECK(stats.summary().duplicate_documents == 1);
}

TEST_CASE(
    "a document's lines are one document wherever they stand; a repeat without a record "
    "folds") {
  // Without a record nothing tells a second copy from a second fragment: the repeated fact
  // has the same series and period, so it folds.
  StatsAccumulator stats;
  feed(stats, {fact("x", "papers", 3), fact("y", "papers", 1), fact("x", "papers", 3)});
  CHECK(stats.summary().duplicate_documents == 0);
  CHECK(stats.summary().folded_facts == 1);
  CHECK(stats.summary().facts == 2);
}

TEST_CASE("an id read with two records is two copies of one report, counted once") {
  DocumentRecord x = record("x", "h", "2020-05-01", {"西藏"});
  x.facts = 3;
  const std::vector<Line> copy = {x, said("x", "experts", 12, "上海市", "日喀则市", "2020", "2020"),
                                  said("x", "experts", 7, "上海市", "日喀则市", "2019", "2019"),
                                  fact("x", "papers", 3)};
  for (bool by_count : {false, true}) {
    std::vector<Line> lines = copy;
    lines.insert(lines.end(), copy.begin() + (by_count ? 1 : 0), copy.end());
    StatsAccumulator stats;
    feed(stats, lines);
    const StatsSummary s = stats.summary();
    CAPTURE(by_count);
    CHECK(s.duplicate_documents == 1);
    CHECK(s.duplicate_facts == 3);
    CHECK(s.folded_facts == 0);
    CHECK(s.facts == 3);
    CHECK(csv(stats, "metric") ==
          "metric,facts,docs,sum,sum_exact,approx_facts,min,max,folded\n"
          "experts,2,1,19,19,0,7,12,0\n"
          "papers,1,1,3,3,0,3,3,0\n");
  }
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

TEST_CASE("values read back exactly whether whole, long, negative or fractional") {
  // Whole values of up to 15 digits take a faster reading than the rest: both must give the
  // bits written.
  const std::vector<Line> lines = {record("v.txt", "hv", "2020-01-01", {"上海市"}),
                                   fact("v.txt", "money", 123456789012345),
                                   fact("v.txt", "experts", 1234567890123456789.0),
                                   fact("v.txt", "teams", -3),
                                   fact("v.txt", "trainees", 0.5),
                                   fact("v.txt", "surgeries", 0)};
  const std::string state = state_of(lines);
  StatsAccumulator merged, single;
  REQUIRE(merged.merge_state(state).ok());
  feed(single, lines);
  CHECK(csv(merged, "metric") == csv(single, "metric"));
  std::string again;
  merged.append_state(again);
  CHECK(again == state);
}

TEST_CASE("a document line naming one series twice folds it as two fragments would") {
  // append_state never writes such a line, but a state edited by hand or by another tool may:
  // the merge must not take it as a finished document.
  const std::string twice =
      "zhstats-state\t3\n"
      "doc\tx\t0\t\t\t0\t0\t2\texperts\t\t\t\t\t1\t0\t5\t1\t0\texperts\t\t\t\t\t1\t0\t7\t1\t0\n";
  const std::string fragments =
      "zhstats-state\t3\n"
      "doc\tx\t0\t\t\t0\t0\t1\texperts\t\t\t\t\t1\t0\t5\t1\t0\n"
      "doc\tx\t0\t\t\t0\t0\t1\texperts\t\t\t\t\t1\t0\t7\t1\t0\n";
  StatsAccumulator a, b;
  REQUIRE(a.merge_state(twice).ok());
  REQUIRE(b.merge_state(fragments).ok());
  CHECK(csv(a, "metric") == csv(b, "metric"));
  CHECK(csv(a, "metric") ==
        "metric,facts,docs,sum,sum_exact,approx_facts,min,max,folded\n"
        "experts,1,1,7,7,0,7,7,1\n");
}

TEST_CASE("a malformed or unversioned state is refused with the line named") {
  const struct {
    std::string_view state;
    const char* reason;
  } cases[] = {
      {"totals\t1\t0\t0\n", "no version line"},
      {"zhstats-state\t1\n", "line 1: unsupported state version"},
      {"zhstats-state\t2\n", "line 1: unsupported state version"},  // series without provinces
      {"zhstats-state\t3\ntotals\t1\t0\n", "line 2: malformed totals line"},
      {"zhstats-state\t3\ndoc\tx\t0\t\t\t0\t0\t1\texperts\t\t\t\t\t1\t0\tfive\t1\t0\n",
       "line 2: malformed document line"},
      {"zhstats-state\t3\nrows\t3\n", "line 2: unknown record 'rows'"},
      {"zhstats-state\t3\ndoc\tx\t0\t\t\t0\t0\t1\texperts\t\t\t\t\t0\t2\t2019\t2020\t1\t2020\t1\t1"
       "\t2020\t2021\t1\t2021\t1\t1\n",
       "line 2: malformed document line"},  // dated groups that overlap
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
  CHECK(md.rfind("| metric | facts | docs | sum | sum_exact | approx_facts | min | max | folded |\n"
                 "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
                 "| experts | 3 | 3 | 917.5 | 915 | 1 | 2.5 | 896 | 1 |\n",
                 0) == 0);
  std::string json;
  append_json(json, table, stats.summary());
  CHECK(json.find("{\"metric\":\"surgeries\",\"facts\":1,\"docs\":1,\"sum\":1500,\"sum_exact\":0,"
                  "\"approx_facts\":1,\"min\":1500,\"max\":1500,\"folded\":0}") !=
        std::string::npos);
  CHECK(json.find("\"totals\":{\"facts\":5,\"docs\":3,\"sum\":2448.5,\"sum_exact\":946,"
                  "\"approx_facts\":2,\"min\":2.5,\"max\":1500,\"folded\":1}") !=
        std::string::npos);
  CHECK(json.find("\"facts_without_record\":1,\"documents\":3,\"facts\":5,\"folded_facts\":1,"
                  "\"facts_without_to\":5,\"facts_without_year\":1}") != std::string::npos);
  CHECK(json.find("\"duplicate_documents\":1,\"duplicate_facts\":3") != std::string::npos);
  JsonlReader reader;  // the JSON is one valid object
  CHECK(reader.parse(json).error().message.find("missing field") != std::string::npos);
}

// ----------------------------------------------------------------------------- folding

namespace {

// The programme of issue 12: 上海市 sends experts to 日喀则市; each year's report restates the
// running total, the 2021 report gives yearly figures.
std::vector<Line> programme() {
  return {
      record("r2022.txt", "h22", "2022-12-30", {"西藏"}),
      said("r2022.txt", "experts", 286, "上海市", "日喀则市", "", "2022-12"),
      said("r2022.txt", "surgeries", 35, "上海市", "日喀则市", "2019", "2019"),
      said("r2022.txt", "surgeries", 40, "上海市", "日喀则市", "2020", "2020"),
      record("r2023.txt", "h23", "2023-11-02", {"西藏"}),
      said("r2023.txt", "experts", 310, "上海市", "日喀则市", "", ""),  // until: the report's date
      said("r2023.txt", "experts", 310, "上海市", "日喀则市", "", ""),  // title and body
      said("r2023.txt", "surgeries", 40, "上海市", "日喀则市", "2020", "2020"),
      said("r2023.txt", "experts", 12, "浙江省", "阿克苏地区", "2023-03", "2023-08"),
  };
}

}  // namespace

TEST_CASE("running totals of one series fold to the latest; disjoint periods add") {
  StatsAccumulator stats;
  feed(stats, programme());
  CHECK(csv(stats, "metric,from,to") ==
        "metric,from,to,facts,docs,sum,sum_exact,approx_facts,min,max,folded\n"
        "experts,上海市,日喀则市,1,1,310,310,0,310,310,2\n"
        "experts,浙江省,阿克苏地区,1,1,12,12,0,12,12,0\n"
        "surgeries,上海市,日喀则市,2,2,75,75,0,35,40,1\n");
  CHECK(csv(stats, "metric,year") ==
        "metric,year,facts,docs,sum,sum_exact,approx_facts,min,max,folded\n"
        "experts,2023,2,1,322,322,0,12,310,2\n"
        "surgeries,2019,1,1,35,35,0,35,35,0\n"
        "surgeries,2020,1,1,40,40,0,40,40,1\n");
  const StatsSummary s = stats.summary();
  CHECK(s.facts == 4);
  CHECK(s.folded_facts == 3);
  CHECK(s.facts_read == s.facts + s.folded_facts + s.duplicate_facts);
}

TEST_CASE(
    "docs/statistics.md: 286 (2022 report) and 310 (2023 report) give 310, folded 1; "
    "2019年度 35 and 2020年度 40 give 75; a later yearly figure adds to a running total") {
  StatsAccumulator stats;
  feed(stats, {record("r2022", "h22", "2022-12-30", {}), record("r2023", "h23", "2023-11-20", {}),
               said("r2022", "experts", 286, "上海市", "日喀则市", "", ""),
               said("r2023", "experts", 310, "上海市", "日喀则市", "", ""),
               said("r2022", "surgeries", 35, "上海市", "日喀则市", "2019", "2019"),
               said("r2022", "surgeries", 40, "上海市", "日喀则市", "2020", "2020")});
  CHECK(csv(stats, "metric") ==
        "metric,facts,docs,sum,sum_exact,approx_facts,min,max,folded\n"
        "experts,1,1,310,310,0,310,310,1\n"
        "surgeries,2,1,75,75,0,35,40,0\n");
  StatsAccumulator later;
  feed(later, {said("a", "experts", 286, "上海市", "日喀则市", "", "2022-12"),
               said("b", "experts", 40, "上海市", "日喀则市", "2023", "2023")});
  CHECK(later.summary().facts == 2);
  feed(later, {said("c", "experts", 310, "上海市", "日喀则市", "", "2023-12")});
  CHECK(csv(later, "metric") ==
        "metric,facts,docs,sum,sum_exact,approx_facts,min,max,folded\n"
        "experts,1,1,310,310,0,310,310,2\n");
}

TEST_CASE("a running total overlaps every earlier period of its series; a later one does not") {
  StatsAccumulator stats;
  feed(stats, {record("a", "ha", "2021-01-10", {}),
               said("a", "trainees", 35, "北京市", "拉萨市", "2019", "2019"),
               said("a", "trainees", 40, "北京市", "拉萨市", "2020-01", "2020-12"),
               said("a", "trainees", 90, "北京市", "拉萨市", "", "2020-12"),
               said("a", "trainees", 7, "北京市", "拉萨市", "2021-01-02", "2021-01-02")});
  // 90 since the beginning restates 35 and 40; the January event is after it and adds.
  CHECK(csv(stats, "to") ==
        "to,facts,docs,sum,sum_exact,approx_facts,min,max,folded\n"
        "拉萨市,2,1,97,97,0,7,90,2\n");
}

TEST_CASE("ties: the later document date, then the larger value, then exact") {
  SUBCASE("same until, later report") {
    StatsAccumulator stats;
    feed(stats, {record("old", "h1", "2023-01-05", {}), record("new", "h2", "2023-02-01", {}),
                 said("old", "experts", 300, "上海市", "日喀则市", "", "2022"),
                 said("new", "experts", 280, "上海市", "日喀则市", "", "2022")});
    CHECK(csv(stats, "doc") ==
          "doc,facts,docs,sum,sum_exact,approx_facts,min,max,folded\n"
          "new,1,1,280,280,0,280,280,1\n");
  }
  SUBCASE("same until and date: the larger value, and exact before approximate") {
    StatsAccumulator stats;
    feed(stats, {record("a", "h1", "2023-01-05", {}),
                 said("a", "experts", 300, "上海市", "日喀则市", "", "2022", Qualifier::more_than),
                 said("a", "experts", 280, "上海市", "日喀则市", "", "2022"),
                 said("a", "experts", 300, "上海市", "日喀则市", "", "2022")});
    CHECK(csv(stats, "metric") ==
          "metric,facts,docs,sum,sum_exact,approx_facts,min,max,folded\n"
          "experts,1,1,300,300,0,300,300,2\n");
  }
}

TEST_CASE("facts with neither from nor to fold within their document only") {
  StatsAccumulator stats;
  feed(stats,
       {record("a", "h1", "2023-01-05", {}), fact("a", "patients", 500), fact("a", "patients", 800),
        record("b", "h2", "2023-01-05", {}), fact("b", "patients", 800)});
  CHECK(csv(stats, "metric") ==
        "metric,facts,docs,sum,sum_exact,approx_facts,min,max,folded\n"
        "patients,2,2,1600,1600,0,800,800,1\n");
}

TEST_CASE("a fact without until in a document without date has no year and folds apart") {
  StatsAccumulator stats;
  feed(stats, {record("a", "h1", "", {}), said("a", "experts", 5, "上海市", "日喀则市", "", ""),
               said("a", "experts", 6, "上海市", "日喀则市", "", ""),
               said("a", "experts", 9, "上海市", "日喀则市", "", "2020"),
               record("b", "h2", "2021-05-01", {}),
               said("b", "experts", 30, "上海市", "日喀则市", "", "")});
  CHECK(csv(stats, "year,doc") ==
        "year,doc,facts,docs,sum,sum_exact,approx_facts,min,max,folded\n"
        "(none),a,1,1,6,6,0,6,6,1\n"
        "2021,b,1,1,30,30,0,30,30,1\n");
  CHECK(stats.summary().facts_without_year == 1);
  CHECK(stats.summary().facts_without_to == 0);
}

TEST_CASE("to_province and from_province roll places up; unknown keys are (none)") {
  StatsAccumulator stats;
  feed(stats,
       {record("a", "h1", "2023-01-05", {}),
        said("a", "experts", 5, "上海市", "摩洛哥", "2022", "2022"), fact("a", "papers", 2)});
  CHECK(csv(stats, "to_province,from_province") ==
        "to_province,from_province,facts,docs,sum,sum_exact,approx_facts,min,max,folded\n"
        "(none),(none),1,1,2,2,0,2,2,0\n"
        "摩洛哥,上海市,1,1,5,5,0,5,5,0\n");
}

// 西湖区 is 杭州市's (浙江省) and 南昌市's (江西省): the fact says which, and a file written before
// its provinces leaves the name to the tables.
TEST_CASE("a side's province is the fact's own, else the province of its name") {
  Fact hangzhou = said("a", "experts", 5, "西湖区", "阿克苏地区", "2022", "2022");
  hangzhou.from_province = "浙江省";
  hangzhou.to_province = "新疆维吾尔自治区";
  Fact nanchang = said("b", "experts", 7, "西湖区", "阿克苏地区", "2022", "2022");
  nanchang.from_province = "江西省";
  nanchang.to_province = "新疆维吾尔自治区";
  const std::vector<Line> lines = {record("a", "h1", "2023-01-05", {}), hangzhou,
                                   record("b", "h2", "2023-01-05", {}), nanchang,
                                   // written before the provinces
                                   record("c", "h3", "2023-01-05", {}),
                                   said("c", "experts", 3, "上海市", "喀什地区", "2022", "2022")};
  StatsAccumulator stats;
  feed(stats, lines);
  // Two givers of one name: two series, which do not fold into each other.
  CHECK(csv(stats, "from_province,to_province") ==
        "from_province,to_province,facts,docs,sum,sum_exact,approx_facts,min,max,folded\n"
        "上海市,新疆维吾尔自治区,1,1,3,3,0,3,3,0\n"
        "江西省,新疆维吾尔自治区,1,1,7,7,0,7,7,0\n"
        "浙江省,新疆维吾尔自治区,1,1,5,5,0,5,5,0\n");
  CHECK(csv(stats, "from") ==
        "from,facts,docs,sum,sum_exact,approx_facts,min,max,folded\n"
        "上海市,1,1,3,3,0,3,3,0\n"
        "西湖区,2,2,12,12,0,5,7,0\n");
  // The provinces go through a state and its merge.
  StatsAccumulator merged;
  REQUIRE(merged.merge_state(state_of({lines.begin(), lines.begin() + 2})).ok());
  REQUIRE(merged.merge_state(state_of({lines.begin() + 2, lines.end()})).ok());
  CHECK(csv(merged, "from_province,to_province") == csv(stats, "from_province,to_province"));
}

TEST_CASE("CSV for Excel: a byte-order mark and CRLF, also inside a quoted field") {
  StatsAccumulator stats;
  feed(stats, {fact("a\nb", "papers", 2)});
  std::string out;
  append_csv(out, stats.table({Dimension::doc}), /*excel=*/true);
  CHECK(out ==
        "\xEF\xBB\xBF"
        "doc,facts,docs,sum,sum_exact,approx_facts,min,max,folded\r\n"
        "\"a\r\nb\",1,1,2,2,0,2,2,0\r\n");
}

// ----------------------------------------------------------------------------- any cut

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  for (size_t pos = 0; pos < text.size();) {
    const size_t nl = text.find('\n', pos);
    lines.push_back(text.substr(pos, nl - pos + 1));
    pos = nl + 1;
  }
  return lines;
}

}  // namespace

TEST_CASE("merging states of any line split equals the single run, however the states are mixed") {
  std::vector<Line> lines = programme();
  for (const Line& line : corpus()) lines.push_back(line);
  lines.push_back(record("loose.txt", "", "2020-02-02", {"青海"}));  // its facts came earlier
  // A second copy of r2022.txt under its own id: counted once.
  for (size_t i = 0; i < 4; ++i) lines.push_back(lines[i]);
  StatsAccumulator single;
  feed(single, lines);
  std::string single_state;
  single.append_state(single_state);
  const StatsSummary s = single.summary();
  CHECK(s.duplicate_documents == 2);  // copy/a.txt, and r2022.txt read twice
  CHECK(s.facts_read == s.facts + s.folded_facts + s.duplicate_facts);

  uint64_t seed = 12;
  const auto random = [&](uint64_t n) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (seed >> 33) % n;
  };
  for (int trial = 0; trial < 60; ++trial) {
    std::vector<size_t> cuts = {0, lines.size()};
    for (size_t n = 1 + random(5); n > 0; --n) cuts.push_back(random(lines.size() + 1));
    std::sort(cuts.begin(), cuts.end());
    std::string all;
    for (size_t i = 0; i + 1 < cuts.size(); ++i)
      all += state_of({lines.begin() + cuts[i], lines.begin() + cuts[i + 1]});
    std::vector<std::string> mixed = lines_of(all);
    if (trial % 3 == 1) std::sort(mixed.begin(), mixed.end());
    if (trial % 3 == 2) {
      for (size_t i = mixed.size(); i > 1; --i) std::swap(mixed[i - 1], mixed[random(i)]);
    }
    std::string text;
    for (const std::string& line : mixed) text += line;
    StatsAccumulator merged;
    REQUIRE(merged.merge_state(text).ok());
    CAPTURE(trial);
    for (std::string_view by : {"metric,from,to", "region,year", "doc,metric", "to_province"}) {
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

TEST_CASE("a damaged state is refused or read whole: what is read writes back the same") {
  std::vector<Line> lines = programme();
  for (const Line& line : corpus()) lines.push_back(line);
  const std::string state = state_of(lines);
  uint64_t seed = 99;
  const auto random = [&](uint64_t n) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (seed >> 33) % n;
  };
  const std::string alphabet = "0123456789\t\n-.\\a";
  size_t accepted = 0;
  for (int trial = 0; trial < 400; ++trial) {
    std::string damaged = state;
    for (size_t n = 1 + random(3); n > 0; --n) {
      const size_t pos = random(damaged.size());
      switch (random(3)) {
        case 0:
          damaged[pos] = alphabet[random(alphabet.size())];
          break;
        case 1:
          damaged.erase(pos, 1 + random(4));
          break;
        default:
          damaged.insert(pos, 1, alphabet[random(alphabet.size())]);
      }
    }
    StatsAccumulator stats;
    if (!stats.merge_state(damaged).ok()) continue;
    ++accepted;
    std::string once, twice;
    stats.append_state(once);
    StatsAccumulator again;
    REQUIRE(again.merge_state(once).ok());
    again.append_state(twice);
    CAPTURE(damaged);
    CHECK(twice == once);
    CHECK(csv(again, "metric,from,to,year,region") == csv(stats, "metric,from,to,year,region"));
  }
  CHECK(accepted > 0);
}
