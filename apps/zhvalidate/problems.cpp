#include "problems.h"

#include <fmt/core.h>

#include "zhreport/output.h"

namespace zhreport::validate_app {

void Tally::add(const std::vector<Problem>& problems) {
  for (const Problem& p : problems) {
    errors += p.severity == Severity::error;
    warnings += p.severity == Severity::warning;
  }
}

std::string Tally::text() const {
  return fmt::format("{} error{}, {} warning{}", errors, errors == 1 ? "" : "s", warnings,
                     warnings == 1 ? "" : "s");
}

void append_problems(std::string& out, std::string_view file, const std::vector<Problem>& problems,
                     bool json) {
  for (const Problem& p : problems) {
    if (!json) {
      fmt::format_to(std::back_inserter(out), "{}:{}:{}: {}: {}\n", file, p.line, p.column,
                     severity_name(p.severity), p.message);
      continue;
    }
    JsonObjectWriter object(out);
    object.string("file", file);
    object.count("line", p.line);
    object.count("column", p.column);
    object.string("severity", severity_name(p.severity));
    object.string("message", p.message);
    object.close();
    out += '\n';
  }
}

bool is_fact_file(std::string_view path, bool& csv) {
  const auto ends_with = [&](std::string_view suffix) { return path.ends_with(suffix); };
  csv = ends_with(".csv");
  return csv || ends_with(".jsonl") || ends_with(".ndjson") || ends_with(".json");
}

}  // namespace zhreport::validate_app
