// zhextract: facts (counts with provenance) from Chinese medical-aid reports, as JSONL or CSV.
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "batch.h"
#include "cli.h"
#include "partial.h"
#include "table.h"
#include "version.h"
#include "zhreport/output.h"
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
  std::string format = "jsonl";
  bool docs = false;
  bool partial = false;
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
  options.describe = flags.docs || flags.partial;
  if ((flags.docs || flags.partial) && flags.format != "jsonl") {
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
  app.add_option("--format", flags.format, "Output format (table: aligned columns to read)")
      ->check(CLI::IsMember({"jsonl", "csv", "table"}))
      ->capture_default_str();
  app.add_flag("--docs", flags.docs, "Also write one document record per input (JSONL)");
  app.add_flag("--partial", flags.partial,
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
  if (flags.partial && batch.resume) usage = "--partial: not with --resume";
  if (zhreport::cli::ranged(batch) && batch.resume) usage = "--range: not with --resume";
  if (usage) {
    fmt::print(stderr, "zhextract: {}\n", *usage);
    return zhreport::cli::kError;
  }
  const bool jsonl = flags.format == "jsonl";
  auto append_fact = [&](std::string& out, const zhreport::Fact& fact) {
    if (jsonl) return zhreport::append_jsonl(out, fact);
    if (flags.format == "csv") return zhreport::append_csv(out, fact);
    zhreport::extract_app::append_table_row(out, fact);
  };

  std::string header;
  if (flags.format == "csv") zhreport::append_fact_csv_header(header);
  if (flags.format == "table") zhreport::extract_app::append_table_header(header);
  if (flags.partial) header = zhreport::extract_app::state_header();
  zhreport::cli::BatchHandlers handlers;
  batch.source.html_to_text = false;  // pages come whole: extract_document reads them as pages
  handlers.process_doc = [&](const zhreport::SourceDocument& doc, std::string_view bytes) {
    std::string_view id = doc.id;
    zhreport::Extraction x = zhreport::extract_document(
        id, bytes, options, {.html = doc.html, .charset = doc.charset, .date = doc.date});
    zhreport::cli::DocumentResult result;
    if (flags.partial) {
      result.output = zhreport::extract_app::state_of(x.facts, x.record);
    } else {
      for (const zhreport::Fact& fact : x.facts) append_fact(result.output, fact);
      if ((flags.docs || !x.record.error.empty()) && jsonl)
        zhreport::append_jsonl(result.output, x.record);
    }
    if (!x.record.error.empty()) {
      result.failed = true;
      result.problems.push_back(x.record.error);
    }
    for (const std::string& warning : x.record.warnings) result.problems.push_back(warning);
    result.facts = x.facts.size();
    return result;
  };
  handlers.unread = [&](std::string_view id, const zhreport::Error& error) {
    zhreport::DocumentRecord record;
    record.doc = id;
    record.error = error.message;
    if (flags.partial) return zhreport::extract_app::state_of({}, record);
    std::string line;
    if (jsonl) zhreport::append_jsonl(line, record);
    return line;
  };
  if (batch.resume) {
    // Everything that changes the output: a journal of another command is not resumed.
    std::string key =
        fmt::format("zhextract\n{}\n{}\n{}\n{}\n{}\n{}\n{}\n{}", flags.format, flags.docs,
                    flags.metrics, flags.config, flags.from, batch.source.max_doc_bytes,
                    batch.source.nested_archives, batch.manifest);
    for (const std::string& input : inputs) key += "\n" + input;
    return zhreport::cli::run_resumable_batch(batch, flags.output, header, inputs, handlers, key);
  }
  zhreport::cli::Output out;
  if (!out.open(flags.output, batch.tool)) return zhreport::cli::kError;
  out.write(header);
  return zhreport::cli::run_batch(batch, inputs, out, handlers);
}
