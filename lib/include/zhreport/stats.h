// Statistics over facts: grouped, honest about estimates, deduplicated, mergeable across shards.
//
//   zhreport::StatsAccumulator stats;
//   for (each record of a JSONL stream) stats.add(fact) or stats.add(document_record);
//   stats.end_input();                                     // at the end of each input stream
//   auto by = zhreport::parse_dimensions("metric,region");  // Result<std::vector<Dimension>>
//   zhreport::StatsTable table = stats.table(by.value());
//   std::string csv;  zhreport::append_csv(csv, table);
//
//   // Map-reduce: each shard writes its state, a reducer merges any number of them.
//   std::string state;  shard.append_state(state);
//   zhreport::StatsAccumulator all;  all.merge_state(state_text);   // Result<bool>
//
// Documents. A document is the contiguous run of records (facts and at most one document
// record) that share a `doc` id, as zhextract writes them. Its identity is the record's
// content_hash (hex digest of the normalized Simplified text), or its id when it has no record
// or no hash. Two documents with the same identity are the same report archived twice: the
// one with the smaller id is kept (whatever the input or merge order), the other is dropped
// and counted in Summary::duplicate_documents/duplicate_facts.
//
// Groups. `year` is the first four digits of the record's date; `region` is each region the
// record names: a fact counts once in every region of its document, so region rows overlap
// and do not add up to the total. A document without a record (or without a date or regions)
// is grouped under "(none)". `docs` counts the distinct documents with a fact in the group.
//
// Sums. `sum` adds every fact's `value` (the lower end of a range or vague count; for
// more_than/nearly/about/at_least/at_most the bound as written): an estimate, unless
// approx_facts is 0. `sum_exact` adds only exact-qualifier values. Sums are kept as integers
// of millionths, so they are exact to six decimal places and do not depend on input order.
//
// Memory: one small summary per distinct document (identity, id, year, regions and a total
// per metric), never per fact. The state (append_state) is that list, one self-contained
// text line per document, so shards can be concatenated, line-sorted (Hadoop Streaming) and
// merged: merging the states of any split of the input gives the same table as one run.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "zhreport/error.h"
#include "zhreport/fact.h"

namespace zhreport {

enum class Dimension { metric, year, region, doc };
std::string_view dimension_name(Dimension d);
// "metric,year" -> {metric, year}; error on an unknown or repeated name or an empty list.
Result<std::vector<Dimension>> parse_dimensions(std::string_view comma_separated);

// A decimal kept as an integer count of millionths: exact and order-independent sums.
struct ExactSum {
  __int128 micros = 0;
  static ExactSum of(double value);  // rounded to the nearest millionth
  ExactSum& operator+=(ExactSum other) {
    micros += other.micros;
    return *this;
  }
  bool operator==(const ExactSum&) const = default;
};
void append_decimal(std::string& out, ExactSum sum);  // 15000, 1.5, -0.25: no trailing zeros

// The totals of some facts.
struct Totals {
  uint64_t facts = 0;
  uint64_t approx_facts = 0;  // facts whose qualifier is not exact
  ExactSum sum;               // all values
  ExactSum sum_exact;         // exact-qualifier values only
  double min = 0;             // meaningful when facts > 0
  double max = 0;

  void add(const Fact& fact);
  void add(const Totals& other);
  bool operator==(const Totals&) const = default;
};

struct StatsRow {
  std::vector<std::string> keys;  // one per dimension, in --by order
  uint64_t docs = 0;
  Totals totals;
};

struct StatsTable {
  std::vector<Dimension> by;
  std::vector<StatsRow> rows;  // sorted by keys (metrics in vocabulary order, others bytewise)
};

// What was read and what was left out, so nothing is dropped without a count.
struct StatsSummary {
  uint64_t facts_read = 0;
  uint64_t documents_read = 0;  // document records read
  uint64_t bad_lines_skipped = 0;
  uint64_t duplicate_documents = 0;   // dropped as copies of a kept document
  uint64_t duplicate_facts = 0;       // their facts
  uint64_t facts_without_record = 0;  // counted, grouped under (none) for year and region
  uint64_t documents = 0;             // distinct documents kept
  uint64_t facts = 0;                 // facts counted in the table
};

class StatsAccumulator {
 public:
  void add(const Fact& fact);
  void add(const DocumentRecord& document);
  // Closes the current document: call at the end of every input stream.
  void end_input();
  void note_bad_line() { ++bad_lines_skipped_; }

  // Adds a state written by append_state (several states may be concatenated, their lines in
  // any order). Error (naming the line) on a malformed line or a missing/unknown version.
  Result<bool> merge_state(std::string_view state);
  // Call end_input() first. Lines sorted, so equal accumulators write equal states.
  void append_state(std::string& out) const;

  StatsTable table(const std::vector<Dimension>& by) const;
  StatsSummary summary() const;

 private:
  struct Document {
    std::string doc;
    std::string year;  // "" when unknown
    std::vector<std::string> regions;
    bool has_record = false;
    std::vector<std::pair<std::string, Totals>>
        metrics;  // sorted by name once the document is closed
    uint64_t facts() const;
  };
  void start(std::string_view doc);
  void keep(std::string identity, Document document);
  static std::string serialize(const std::string& identity, const Document& document);

  Document current_;
  std::string current_hash_;
  bool open_ = false;
  std::unordered_map<std::string, Document> documents_;  // identity -> kept copy
  uint64_t facts_read_ = 0;
  uint64_t documents_read_ = 0;
  uint64_t bad_lines_skipped_ = 0;
  uint64_t duplicate_documents_ = 0;
  uint64_t duplicate_facts_ = 0;
};

// Table writers: CSV (RFC 4180, header row), markdown, and JSON with the summary.
// Columns: the dimensions, then facts, docs, sum, sum_exact, approx_facts, min, max.
void append_csv(std::string& out, const StatsTable& table);
void append_markdown(std::string& out, const StatsTable& table);
void append_json(std::string& out, const StatsTable& table, const StatsSummary& summary);

}  // namespace zhreport
