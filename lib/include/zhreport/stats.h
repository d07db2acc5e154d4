// Statistics over facts: grouped, folded so that no quantity counts twice, deduplicated, and
// mergeable across any split of the input.
//
//   zhreport::StatsAccumulator stats;
//   for (each record of a JSONL stream) stats.add(fact) or stats.add(document_record);
//   auto by = zhreport::parse_dimensions("metric,from,to");  // Result<std::vector<Dimension>>
//   zhreport::StatsTable table = stats.table(by.value());
//   std::string csv;  zhreport::append_csv(csv, table);
//
//   // Map-reduce: each shard writes its state, a reducer merges any number of them.
//   std::string state;  shard.append_state(state);
//   zhreport::StatsAccumulator all;  all.merge_state(state_text);   // Result<bool>
//
// Documents. The records (facts and document records) that share a `doc` id are one
// document, wherever they stand in the input: a document cut into pieces by a line split is
// put together again, in one run as in a merge. Its identity is the record's content_hash, or
// its id when it has no record or no hash. Two documents with the same identity are the same
// report archived twice: the one with the smaller id is kept, the other is dropped and counted
// in StatsSummary::duplicate_documents/duplicate_facts. An id read with N document records
// (or with N times the record's `facts` count of facts) is N copies of one report: counted
// once, the other copies counted as duplicates.
//
// Folding (docs/statistics.md). A series is (metric, from, to) when `from` or `to` is known,
// else (metric, document): facts with neither are never folded across documents. A fact's
// period is [since, until], each date the interval it denotes (2019 = all of 2019); an empty
// since is the programme's unstated beginning, an empty until the document's date. Facts of
// one series whose periods overlap (transitively) are one quantity restated: the table counts
// one of them, the kept fact, and adds the others to `folded`. The kept fact has the latest
// until, then the latest document date, then the larger value, then an exact qualifier, then
// the smaller doc id. Facts whose periods are disjoint add (2019年度 + 2020年度). A fact with
// no until and no document date has an unknown period: it folds only with the facts of its
// own document and series that lack one too.
//
// Groups. `year` is the year of the kept fact's until (else of its document's date); `region`
// is each region its document record names (a fact counts once in every region of its
// document, so region rows overlap); `to`/`from` are the fact's context, `to_province`/
// `from_province` the province they lie in: the fact's own to_province/from_province, else (files
// written before them) the province of the name by the places tables (a country, 全国, and a name
// the tables do not know, is its own province). An unknown key is "(none)". `docs` counts the
// distinct documents whose kept facts are in the group.
//
// Sums. `sum` adds the kept facts' `value` (the lower end of a range or vague count; for
// more_than/nearly/about/at_least/at_most the bound as written): an estimate, unless
// approx_facts is 0. `sum_exact` adds only exact-qualifier values. Sums are integers of
// millionths: exact to six decimal places and independent of input order.
//
// Memory: per document, its record's fields and, per series, one entry per group of
// overlapping facts (the kept fact, the union of the periods, how many were folded), never
// one per fact. The state (append_state) is that, one self-contained text line per document
// fragment, so shards can be cut at any line, concatenated, line-sorted and merged: merging
// the states of any split of the input gives the same table and the same state as one run.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "zhreport/error.h"
#include "zhreport/fact.h"

namespace zhreport {

enum class Dimension { metric, year, region, doc, to, from, to_province, from_province };
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

// The totals of some kept facts.
struct Totals {
  uint64_t facts = 0;         // kept facts
  uint64_t approx_facts = 0;  // kept facts whose qualifier is not exact
  ExactSum sum;               // all values
  ExactSum sum_exact;         // exact-qualifier values only
  double min = 0;             // meaningful when facts > 0
  double max = 0;
  uint64_t folded = 0;  // facts folded into the kept ones (restatements, overlapping periods)

  void add(double value, bool exact, uint64_t folded_facts);
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
  StatsRow total;              // every kept fact (no keys); docs = documents with one
};

// What was read and what was left out, so nothing is dropped without a count.
// facts_read = facts + folded_facts + duplicate_facts.
struct StatsSummary {
  uint64_t facts_read = 0;
  uint64_t documents_read = 0;  // document records read
  uint64_t bad_lines_skipped = 0;
  uint64_t duplicate_documents = 0;  // dropped as copies of a kept document
  uint64_t duplicate_facts = 0;      // their facts
  uint64_t documents = 0;            // distinct documents kept
  uint64_t facts = 0;                // kept facts: the ones counted in the table
  uint64_t folded_facts = 0;         // facts folded into a kept one
  // Among the kept facts: those grouped under (none) for region (no document record),
  // for to, and for year (no until and no document date).
  uint64_t facts_without_record = 0;
  uint64_t facts_without_to = 0;
  uint64_t facts_without_year = 0;
};

class StatsAccumulator {
 public:
  void add(const Fact& fact);
  void add(const DocumentRecord& document);
  // Kept for callers that mark the end of each input stream; documents are put together by
  // id whatever the stream, so this only forgets the last document looked up.
  void end_input() { last_ = nullptr; }
  void note_bad_line() { ++bad_lines_skipped_; }

  // Adds a state written by append_state (several states may be concatenated, their lines in
  // any order). Error (naming the line) on a malformed line or a missing/unknown version.
  Result<bool> merge_state(std::string_view state);
  // The same, one line at a time (line_number for messages); then finish_merge() checks that
  // a version line was seen.
  Result<bool> merge_state_line(std::string_view line, size_t line_number);
  Result<bool> finish_merge() const;
  // Lines sorted, so equal accumulators write equal states.
  void append_state(std::string& out) const;

  StatsTable table(const std::vector<Dimension>& by) const;
  StatsSummary summary() const;
  // Both at once (one pass over the documents instead of two).
  StatsTable table(const std::vector<Dimension>& by, StatsSummary& summary) const;

  // Internal, public for the implementation files: a group of overlapping facts of one series.
  struct Kept {            // the fact the group is counted as
    int32_t until = 0;     // last day of its period (YYYYMMDD, month/day 12/31 at most)
    int32_t doc_date = 0;  // its document's date, 0 when unknown (set when resolved)
    double value = 0;
    bool exact = true;
    uint32_t doc = 0;  // index of its document (set when resolved)
  };
  struct Group {
    int32_t lo = 0;        // the union of the periods: first day (0 = open start) ...
    int32_t hi = 0;        // ... and last day
    uint64_t members = 0;  // facts in the group, the kept one included
    Kept kept;
  };
  struct Series {
    uint32_t metric = 0, from = 0, to = 0;        // names (StatsAccumulator::name), 0 = ""
    uint32_t from_province = 0, to_province = 0;  // of the sides (places.h side_province)
    bool operator==(const Series&) const = default;
  };
  // A group as a document keeps it (32 bytes). Facts without an until of their own end at the
  // document's date, so they all overlap: one open group per series (hi = 0), resolved when
  // the date is known. The dated groups of a series are disjoint.
  struct Entry {
    uint32_t series = 0;  // index into Document::series
    int32_t lo = 0;
    int32_t hi = 0;     // 0: the open group
    int32_t until = 0;  // the kept fact's (0 in the open group)
    uint32_t members = 0;
    bool exact = true;
    double value = 0;
  };
  // Hashes a std::string and a std::string_view alike: a lookup by a field of a state line
  // allocates no key.
  struct TextHash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>()(text); }
  };
  struct Document {
    std::string doc;
    uint32_t records = 0;  // document records read with this id
    std::string content_hash, date;
    std::vector<std::string> regions;  // sorted, unique
    uint64_t record_facts = 0;         // the record's `facts`
    std::vector<Series> series;
    std::vector<Entry> entries;  // by series, the open group first, then by lo
    uint64_t facts() const;
    // Folds a group of series `series` into the entries (an open one when g.hi == 0).
    void add(uint32_t series, const Group& g);
  };
  using Documents = std::unordered_map<std::string, Document, TextHash, std::equal_to<>>;

 private:
  Document& document(std::string_view doc);
  void combine(Document& into, Document&& from) const;
  std::string serialize(const Document& document) const;
  uint32_t intern(std::string_view name);
  const std::string& name(uint32_t id) const { return names_[id]; }
  bool series_less(const Series& a, const Series& b) const;

  Documents documents_;  // by doc id, fragments combined
  Document* last_ = nullptr;
  // Metric, place names, interned: a series is three numbers.
  std::vector<std::string> names_{""};
  std::unordered_map<std::string, uint32_t, TextHash, std::equal_to<>> name_ids_{{"", 0}};
  uint32_t last_from_ = 0, last_to_ = 0;  // the last non-empty ones
  uint32_t last_from_province_ = 0, last_to_province_ = 0;
  bool any_cross_ = false;  // a series with a from or a to: folded across documents
  std::array<uint32_t, 32> metric_cache_{};  // by length and first byte
  std::array<uint32_t, 256> name_cache_{};   // intern's, by length and two bytes
  uint64_t facts_read_ = 0;
  uint64_t documents_read_ = 0;
  uint64_t bad_lines_skipped_ = 0;
  bool versioned_ = false;
};

// Table writers: CSV (RFC 4180, header row), markdown, and JSON with the totals and summary.
// Columns: the dimensions, then facts, docs, sum, sum_exact, approx_facts, min, max, folded.
// CSV for Excel (excel = true): a UTF-8 byte-order mark and CRLF line ends.
void append_csv(std::string& out, const StatsTable& table, bool excel = false);
void append_markdown(std::string& out, const StatsTable& table);
void append_json(std::string& out, const StatsTable& table, const StatsSummary& summary);

}  // namespace zhreport
