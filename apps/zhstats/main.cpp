// zhstats: statistics of fact JSONL (zhextract output), or the merge of partial states.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>

#include "batch.h"
#include "cli.h"
#include "read_inputs.h"
#include "version.h"
#include "zhreport/stats.h"

namespace {

constexpr const char* kGroupingHelp =
    "Group by any of metric,year,region,doc,to,from,to_province,from_province (comma-separated, "
    "in column order). to/from: the fact's receiving and giving side; *_province: the province "
    "they lie in (a country is its own); year: of the fact's until, else of the document's "
    "date; region: a fact counts once in EACH region its document record names, so region rows "
    "overlap. Unknown = \"(none)\"";
constexpr const char* kDescription =
    "Statistics of facts (JSONL from zhextract, with --docs records) read from FILEs or stdin.\n"
    "Never double counts: facts of one series (metric, from, to; without both, of one document) "
    "whose periods [since, until] overlap are one quantity restated (a running total repeated "
    "year after year): the table counts the one with the latest until and the rest under "
    "folded; disjoint periods (2019年度, 2020年度) add. See docs/statistics.md.\n"
    "Columns: the groups, facts (counted), docs (distinct documents), sum (an estimate when "
    "approx_facts > 0), sum_exact (exact-qualifier values only), approx_facts (more_than, "
    "nearly, about, at_least, at_most, vague), min, max, folded.\n"
    "A report archived twice (same content_hash) is counted once: the copy with the smaller "
    "doc id is kept. A document's lines may stand anywhere in the input.\n"
    "zhstats --partial writes a mergeable state; zhstats merge STATE... prints the table of "
    "all of them, byte for byte what one run over all the inputs prints, however the input "
    "was cut.";

struct Flags {
  std::string by = "metric";
  std::string format = "csv";
  std::string output;
  std::string manifest;
  bool partial = false;
  bool excel = false;
  bool quiet = false;
};

void add_output_flags(CLI::App& app, Flags& flags) {
  app.add_option("--by", flags.by, kGroupingHelp)->capture_default_str();
  app.add_option("--format", flags.format,
                 "Table format; json: {by, rows, totals, summary} with the counts of folded facts "
                 "and of facts without a to or a year (docs/distributed.md); html: charts (README)")
      ->check(CLI::IsMember({"csv", "json", "markdown", "html"}))
      ->capture_default_str();
  app.add_option("--manifest", flags.manifest, "html: zhextract's --manifest, for the skipped");
  app.add_flag("--excel", flags.excel,
               "CSV for Excel (a Chinese Windows too): UTF-8 with a byte-order mark, CRLF line "
               "ends");
  app.add_flag("--partial", flags.partial,
               "Write the mergeable state (text, one line per document) instead of a table");
  app.add_option("-o,--output", flags.output, "Write to FILE instead of stdout");
  app.add_flag("-q,--quiet", flags.quiet, "No summary on stderr");
}

void print_summary(const zhreport::StatsSummary& s) {
  fmt::print(stderr,
             "zhstats: {} facts and {} document records read; {} facts of {} documents counted "
             "({} without a document record, {} without a to, {} without a year), {} folded "
             "into them; {} duplicate documents dropped ({} facts); {} bad lines skipped\n",
             s.facts_read, s.documents_read, s.facts, s.documents, s.facts_without_record,
             s.facts_without_to, s.facts_without_year, s.folded_facts, s.duplicate_documents,
             s.duplicate_facts, s.bad_lines_skipped);
}

// Writes the table (or the state) and returns the exit code.
int finish(const zhreport::StatsAccumulator& stats, const zhreport::ReportSamples& samples,
           const Flags& flags, int code) {
  const auto by = zhreport::parse_dimensions(flags.by);
  if (!by) {
    fmt::print(stderr, "zhstats: --by: {}\n", by.error().message);
    return zhreport::cli::kError;
  }
  std::string out;
  zhreport::StatsSummary summary;
  if (flags.partial) {
    stats.append_state(out);
    if (!flags.quiet) summary = stats.summary();
  } else if (flags.format == "html") {
    if (!zhreport::stats_app::append_html(out, stats, samples, flags.manifest))
      return zhreport::cli::kError;
    if (!flags.quiet) summary = stats.summary();
  } else {
    const zhreport::StatsTable table = stats.table(by.value(), summary);
    if (flags.format == "json") {
      zhreport::append_json(out, table, summary);
    } else if (flags.format == "markdown") {
      zhreport::append_markdown(out, table);
    } else {
      zhreport::append_csv(out, table, flags.excel);
    }
  }
  zhreport::cli::Output output;
  if (!output.open(flags.output, "zhstats")) return zhreport::cli::kError;
  output.write(out);
  if (!output.close()) return zhreport::cli::kError;
  if (!flags.quiet) print_summary(summary);
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app(kDescription, "zhstats");
  zhreport::cli::add_version_flag(app);
  Flags flags;
  std::vector<std::string> inputs;
  bool skip_bad = false;
  app.add_option("FILE", inputs, "Fact JSONL files; none or - = stdin");
  app.add_flag(
      "--skip-bad", skip_bad,
      "Skip malformed lines (counted in the summary, exit 1) instead of stopping (exit 2)");
  add_output_flags(app, flags);

  CLI::App* merge =
      app.add_subcommand("merge", "Merge states written by --partial; none or - = stdin");
  std::vector<std::string> states;
  merge->add_option("STATE", states, "State files (concatenated or line-sorted states are fine)");
  add_output_flags(*merge, flags);
  CLI11_PARSE(app, argc, argv);
  if (auto by = zhreport::parse_dimensions(flags.by); !by) {
    fmt::print(stderr, "zhstats: --by: {}\n", by.error().message);
    return zhreport::cli::kError;
  }
  if (flags.excel && (flags.format != "csv" || flags.partial)) {
    fmt::print(stderr, "zhstats: --excel is for --format csv tables\n");
    return zhreport::cli::kError;
  }
  if (!flags.manifest.empty() && (flags.format != "html" || flags.partial)) {
    fmt::print(stderr, "zhstats: --manifest is for --format html\n");
    return zhreport::cli::kError;
  }
  zhreport::StatsAccumulator stats;
  zhreport::ReportSamples samples;  // html only: the largest facts with their quotes
  auto* sampling = flags.format == "html" ? &samples : nullptr;
  const int code = merge->parsed()
                       ? zhreport::stats_app::read_states(states, stats)
                       : zhreport::stats_app::read_facts(inputs, skip_bad, stats, sampling);
  if (code == zhreport::cli::kError) return code;
  // Output is flushed and closed by now; skipping the destructors of one entry per document
  // saves several percent of the run.
  std::fflush(stderr);
  std::quick_exit(finish(stats, samples, flags, code));
}
