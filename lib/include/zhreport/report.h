// The HTML report of the statistics: one self-contained page (Apache ECharts, the map outlines,
// the data and our script inlined; nothing fetched when it is opened) with a summary, charts
// by receiving province, by year and giving -> receiving, maps of China and of the world, and
// a sortable table whose rows show their largest facts with the sentence they come from.
//
//   zhreport::StatsAccumulator stats;
//   zhreport::ReportSamples samples;           // the few largest facts of each group
//   for (each record) { stats.add(record); samples.add(record); }
//   auto manifest = zhreport::parse_manifest(manifest_text);  // optional (zhextract --manifest)
//   std::string html;
//   zhreport::append_html_report(html, stats, samples, manifest ? &manifest.value() : nullptr);
//
// The page is built from the aggregates only (StatsAccumulator::table by metric,to_province;
// metric,year; metric,from_province,to_province; metric,from,to), never from every fact, so
// its size follows the number of groups: a report of a million facts stays small.
//
// Untrusted text (titles, quotes, ids, manifest reasons) goes into one JSON blob inside
// <script type="application/json"> with <, >, & and U+2028/2029 escaped as \uXXXX, and the
// page's script puts it into the DOM as text only: a quote holding </script> or <img onerror>
// is shown, never run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "zhreport/error.h"
#include "zhreport/fact.h"
#include "zhreport/stats.h"

namespace zhreport {

// One fact as the page shows it, so a reader can check a figure against its sentence.
struct ReportSample {
  std::string doc, title, quote, metric, from, to, since, until;
  std::string from_province, to_province;  // places.h side_province
  double value = 0;
  Qualifier qualifier = Qualifier::exact;
};

// The `per_series` largest facts (by value) of each series (metric, from, to and their
// provinces), with their
// document's title: bounded memory whatever the number of facts. Every row of a table grouped
// by metric/from/to or their provinces is a union of series, so its largest facts are among
// these. Facts folded into others (restatements) can be among them: the page says so.
class ReportSamples {
 public:
  explicit ReportSamples(size_t per_series = 3) : per_series_(per_series) {}
  void add(const Fact& fact);
  void add(const DocumentRecord& document);

  // The largest facts among the series accepted by `keep` (called with a ReportSample of the
  // series: its metric, from, to and provinces), at most `limit`, largest first, one per
  // distinct (quote, value).
  template <typename Keep>
  std::vector<const ReportSample*> top(Keep keep, size_t limit) const {
    std::vector<const ReportSample*> out;
    for (const auto& [key, list] : series_) {
      if (list.empty() || !keep(list.front())) continue;
      for (const ReportSample& s : list) out.push_back(&s);
    }
    return largest(std::move(out), limit);
  }
  // The title of a document (from its record, wherever it stood), else "".
  std::string_view title(const ReportSample& sample) const;

 private:
  static std::vector<const ReportSample*> largest(std::vector<const ReportSample*> all,
                                                  size_t limit);
  size_t per_series_;
  std::unordered_map<std::string, std::vector<ReportSample>> series_;  // sorted, largest first
  std::string last_doc_, last_title_;                                  // the last document record
  std::unordered_map<std::string, std::string> titles_;  // of sampled docs whose record came later
  std::string key_;
};

// What a zhextract --manifest says (TSV: id, status, reason, bytes, facts; '#' lines ignored).
struct ManifestSummary {
  uint64_t documents = 0;
  uint64_t ok = 0, skipped = 0, failed = 0;
  struct Reason {
    std::string status, reason;
    uint64_t count = 0;
    std::vector<std::string> examples;  // a few ids
  };
  std::vector<Reason> reasons;  // the documents not ok, by status and reason, most frequent first
};
Result<ManifestSummary> parse_manifest(std::string_view tsv);

struct ReportOptions {
  std::string title = "援助医疗统计报告";
  size_t samples_per_row = 3;
  size_t max_flow_rows = 300;  // giving -> receiving rows kept per metric (largest sums first)
};

// Appends the whole page. `manifest` may be null.
void append_html_report(std::string& out, const StatsAccumulator& stats,
                        const ReportSamples& samples, const ManifestSummary* manifest,
                        const ReportOptions& options = {});

// Text for inside <script type="application/json">: JSON whose <, >, &, U+2028 and U+2029 are
// \u escapes, so no "</script>" or "<!--" can end or bend the element.
std::string script_safe_json(std::string_view json);

}  // namespace zhreport
