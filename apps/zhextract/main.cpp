// zhextract: facts (counts with provenance) from Chinese medical-aid reports, as JSONL or CSV.
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "batch.h"
#include "cli.h"
#include "large_pages.h"
#include "records.h"
#include "version.h"
#include "zhreport/pipeline.h"

namespace {

constexpr const char* kDescription =
    "Reads reports (files, directories recursively, archives; stdin when none), decodes them "
    "(UTF-8, GB18030, Big5, UTF-16), converts them to Simplified Chinese and writes one record "
    "per fact: doc metric value value_max qualifier unit counted start end quote. start/end are "
    "byte offsets in the ORIGINAL input. A document that cannot be read or decoded is reported "
    "on stderr and gets a document record carrying its error; the run goes on. HTML pages "
    "(by name, WARC content type or first bytes) are read as pages: the article alone, its "
    "title and publication date (document records say title_source, date_source and body).";

struct Flags {
  zhreport::extract_app::Records records;
  std::string metrics;
  std::string config = "t2s";
  std::string from;
  std::string output;
};

// The options for the library, or a usage message.
std::optional<std::string> to_options(const Flags& flags, zhreport::ExtractOptions& options) {
  for (const std::string& metric : CLI::detail::split(flags.metrics, ',')) {
    if (metric.empty()) continue;
    if (!zhreport::is_metric(metric)) {
      std::string known;
      for (std::string_view m : zhreport::kMetrics) known += fmt::format(" {}", m);
      return fmt::format("--metrics: unknown metric '{}' (known:{})", metric, known);
    }
    options.metrics.push_back(metric);
  }
  if (auto config = zhreport::parse_config(flags.config)) {
    options.config = *config;
  } else {
    return fmt::format("--config: unknown configuration '{}'", flags.config);
  }
  if (!flags.from.empty()) {
    options.from = zhreport::parse_encoding(flags.from);
    if (!options.from) return fmt::format("--from: unknown encoding '{}'", flags.from);
  }
  const auto& records = flags.records;
  options.describe = records.docs || records.partial;
  options.fact_docs = records.reads_fact_docs();
  if ((records.docs || records.partial) && records.format != "jsonl") {
    return std::string("--docs, --partial: document records and states are not CSV or tables");
  }
  return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app(kDescription, "zhextract");
  zhreport::cli::add_version_flag(app);
  Flags flags;
  std::vector<std::string> inputs;
  zhreport::cli::BatchOptions batch;
  batch.tool = "zhextract";
  batch.empty_is_problem = true;
  app.add_option("INPUT", inputs, "Files or directories; none or - = stdin");
  app.add_option("--format", flags.records.format, "Output format (table: aligned columns to read)")
      ->check(CLI::IsMember({"jsonl", "csv", "table"}))
      ->capture_default_str();
  app.add_flag("--docs", flags.records.docs, "Also write one document record per input (JSONL)");
  app.add_flag("--partial", flags.records.partial,
               "Write each document's zhstats state instead of its facts: zhstats merge prints "
               "the table of `zhextract --docs | zhstats` (what zhreport-dask runs on workers)");
  app.add_option("--metrics", flags.metrics, "Keep only these metrics (comma-separated)");
  app.add_option("--config", flags.config, "Conversion: t2s, tw2s, hk2s or tw2sp")
      ->capture_default_str();
  app.add_option("--from", flags.from, "Input encoding (default: detected per document)");
  app.add_option("-o,--output", flags.output, "Write to FILE instead of stdout");
  zhreport::cli::add_batch_flags(app, batch);
  zhreport::cli::add_resume_flag(app, batch);
  zhreport::cli::add_range_flag(app, batch);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? zhreport::cli::kOk : zhreport::cli::kError;
  }
  zhreport::ExtractOptions options;
  auto usage = to_options(flags, options);
  if (flags.records.partial && batch.resume) usage = "--partial: not with --resume";
  if (zhreport::cli::ranged(batch) && batch.resume) usage = "--range: not with --resume";
  if (usage) {
    fmt::print(stderr, "zhextract: {}\n", *usage);
    return zhreport::cli::kError;
  }
  const zhreport::extract_app::Records& records = flags.records;
  zhreport::cli::prefer_large_pages_for_tables();
  zhreport::cli::BatchHandlers handlers;
  batch.source.html_to_text = false;  // pages come whole: extract_document reads them as pages
  handlers.process_doc = [&](const zhreport::SourceDocument& doc, std::string_view bytes) {
    zhreport::Extraction x = zhreport::extract_document(
        doc.id, bytes, options, {.html = doc.html, .charset = doc.charset, .date = doc.date});
    zhreport::cli::DocumentResult result;
    result.output = records.of(x);
    result.facts = x.facts.size();
    if (!x.record.error.empty()) {
      result.failed = true;
      result.problems.push_back(x.record.error);
    }
    for (const std::string& warning : x.record.warnings) result.problems.push_back(warning);
    return result;
  };
  handlers.unread = [&](std::string_view id, const zhreport::Error& error) {
    return records.of_unread(id, error);
  };
  if (batch.resume) {
    // Everything that changes the output: a journal of another command is not resumed.
    std::string key =
        fmt::format("zhextract\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}", records.format, records.docs,
                    flags.metrics, flags.config, flags.from, batch.source.max_doc_bytes,
                    batch.source.nested_archives, batch.manifest);
    for (const std::string& input : inputs) key += "\n" + input;
    return zhreport::cli::run_resumable_batch(batch, flags.output, records.header(), inputs,
                                              handlers, key);
  }
  zhreport::cli::Output out;
  if (!out.open(flags.output, batch.tool)) return zhreport::cli::kError;
  out.write(records.header());
  return zhreport::cli::run_batch(batch, inputs, out, handlers);
}
