// zhvalidate: what is wrong with report files and fact files, one line per problem.
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include "batch.h"
#include "cli.h"
#include "problems.h"
#include "version.h"
#include "zhreport/html.h"

namespace {

constexpr const char* kDescription =
    "Checks report files (any input zhextract takes: files, directories, archives, stdin) and "
    "fact files (.jsonl/.ndjson/.json or .csv from zhextract, or any file with --facts).\n"
    "Reports: empty, binary (NUL), invalid byte sequences, U+FFFD, lines over --max-line-bytes, "
    "likely mojibake, mixed script; a note gives the encoding, script and the repairs "
    "normalize would make. An HTML page (by name: .html .htm .shtml; or content: <!DOCTYPE "
    "html, <html) is checked as the article zhextract reads from it, positions in the HTML "
    "file; a note names the article block, title and date.\n"
    "Facts: required fields, metric in the vocabulary, qualifier, numbers >= 0, value_max >= "
    "value, start < end, to and from known places (a warning), and, when the doc's file is "
    "readable (relative to --root), that its "
    "bytes start..end decode, normalize and convert (t2s) to the quote. A note gives what "
    "zhstats would count: facts folded as restatements, counted facts without a to or a "
    "year.\n"
    "Output: FILE:LINE:COL: severity: message (COL in bytes), or JSONL with --format json.\n"
    "Exit: 0 clean (notes only), 1 errors or warnings found, 2 usage or I/O error.";

}  // namespace

int main(int argc, char** argv) {
  CLI::App app(kDescription, "zhvalidate");
  zhreport::cli::add_version_flag(app);
  std::vector<std::string> inputs;
  std::string format = "text", root, output;
  bool all_facts = false;
  zhreport::ReportCheckOptions report_options;
  zhreport::cli::BatchOptions batch;
  batch.tool = "zhvalidate";
  app.add_option("INPUT", inputs, "Report or fact files, directories; none or - = stdin");
  app.add_option("--format", format, "text or json (JSONL, one object per problem)")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  app.add_flag("--facts", all_facts, "Read every input as a fact file (JSONL, or CSV if .csv)");
  app.add_option("--root", root, "Directory that fact doc paths are relative to (default: .)");
  app.add_option("--max-line-bytes", report_options.max_line_bytes, "Longest line allowed")
      ->capture_default_str();
  app.add_option("-o,--output", output, "Write to FILE instead of stdout");
  zhreport::cli::add_batch_flags(app, batch);
  CLI11_PARSE(app, argc, argv);
  const bool json = format == "json";
  if (all_facts && inputs.empty()) inputs.push_back("-");  // zhextract | zhvalidate --facts

  zhreport::cli::Output out;
  if (!out.open(output, "zhvalidate")) return zhreport::cli::kError;
  zhreport::cli::Outcome outcome;
  std::vector<std::string> reports;
  for (const std::string& input : inputs) {
    bool csv = false;
    if (!(zhreport::validate_app::is_fact_file(input, csv) || all_facts)) {
      reports.push_back(input);
      continue;
    }
    std::string problems;
    outcome.raise(static_cast<zhreport::cli::ExitCode>(
        zhreport::validate_app::check_fact_file(input, csv, root, json, batch.quiet, problems)));
    out.write(problems);
  }
  if (!reports.empty() || inputs.empty()) {
    const auto check = [&](const zhreport::SourceDocument& doc, std::string_view bytes) {
      zhreport::cli::DocumentResult result;
      zhreport::ReportCheckOptions page_options = report_options;
      page_options.html = doc.html || zhreport::is_html_name(doc.id);
      const auto report = zhreport::check_report(bytes, page_options);
      zhreport::validate_app::append_problems(result.output, doc.id, report.problems, json);
      zhreport::validate_app::Tally tally;
      tally.add(report.problems);
      if (!tally.clean()) result.problems.push_back(tally.text());
      return result;
    };
    zhreport::cli::BatchHandlers handlers;
    handlers.process_doc = check;
    batch.source.html_to_text = false;  // pages whole: check_report reads them as pages
    outcome.raise(static_cast<zhreport::cli::ExitCode>(
        zhreport::cli::run_batch(batch, reports, out, handlers)));
  }
  if (!out.close()) outcome.raise(zhreport::cli::kError);
  return outcome.exit_code();
}
