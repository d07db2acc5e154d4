#include "read_inputs.h"

#include <fmt/core.h>

#include <fstream>
#include <iterator>
#include <optional>

#include "cli.h"
#include "line_reader.h"
#include "zhreport/output.h"

namespace zhreport::stats_app {

namespace {

std::vector<std::string> or_stdin(const std::vector<std::string>& paths) {
  return paths.empty() ? std::vector<std::string>{"-"} : paths;
}

bool blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

}  // namespace

int read_facts(const std::vector<std::string>& paths, bool skip_bad, StatsAccumulator& stats,
               ReportSamples* samples) {
  JsonlReader reader;
  Fact fact;
  DocumentRecord document;
  int code = cli::kOk;
  for (const std::string& path : or_stdin(paths)) {
    cli::LineReader lines;
    if (!lines.open(path)) {
      fmt::print(stderr, "zhstats: {}: {}\n", path, lines.error());
      return cli::kError;
    }
    std::string_view line;
    while (lines.next(line)) {
      if (blank(line)) continue;
      const auto kind = reader.parse_into(line, fact, document, /*text_fields=*/samples != nullptr);
      if (!kind) {
        fmt::print(stderr, "zhstats: {}:{}: {}\n", lines.name(), lines.line_number(),
                   kind.error().message);
        if (!skip_bad) return cli::kError;
        stats.note_bad_line();
        code = cli::kProblems;
      } else if (kind.value() == JsonlReader::Kind::fact) {
        stats.add(fact);
        if (samples) samples->add(fact);
      } else {
        stats.add(document);
        if (samples) samples->add(document);
      }
    }
    if (!lines.error().empty()) {
      fmt::print(stderr, "zhstats: {}: {}\n", lines.name(), lines.error());
      return cli::kError;
    }
    stats.end_input();
  }
  return code;
}

bool append_html(std::string& out, const StatsAccumulator& stats, const ReportSamples& samples,
                 const std::string& manifest_path) {
  std::optional<ManifestSummary> manifest;
  if (!manifest_path.empty()) {
    std::ifstream in(manifest_path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) {
      fmt::print(stderr, "zhstats: {}: cannot read the manifest\n", manifest_path);
      return false;
    }
    auto parsed = parse_manifest(text);
    if (!parsed) {
      fmt::print(stderr, "zhstats: {}: {}\n", manifest_path, parsed.error().message);
      return false;
    }
    manifest = std::move(parsed.value());
  }
  append_html_report(out, stats, samples, manifest ? &*manifest : nullptr);
  return true;
}

int read_states(const std::vector<std::string>& paths, StatsAccumulator& stats) {
  for (const std::string& path : or_stdin(paths)) {
    cli::LineReader lines;
    if (!lines.open(path)) {
      fmt::print(stderr, "zhstats: {}: {}\n", path, lines.error());
      return cli::kError;
    }
    // Line by line: a merge holds the combined documents, never a whole state text.
    std::string_view line;
    while (lines.next(line)) {
      const auto merged = stats.merge_state_line(line, lines.line_number());
      if (!merged) {
        fmt::print(stderr, "zhstats: {}: {}\n", lines.name(), merged.error().message);
        return cli::kError;
      }
    }
    if (!lines.error().empty()) {
      fmt::print(stderr, "zhstats: {}: {}\n", lines.name(), lines.error());
      return cli::kError;
    }
  }
  if (const auto versioned = stats.finish_merge(); !versioned) {
    fmt::print(stderr, "zhstats: {}\n", versioned.error().message);
    return cli::kError;
  }
  return cli::kOk;
}

}  // namespace zhreport::stats_app
