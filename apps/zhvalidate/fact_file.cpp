// Fact-file validation: every record read, checked, and its span compared with its source.
#include <fmt/core.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "cli.h"
#include "fact_stats.h"
#include "line_reader.h"
#include "problems.h"
#include "zhreport/output.h"

namespace zhreport::validate_app {

namespace {

// The bytes of a fact's source document, one document cached at a time.
class Sources {
 public:
  explicit Sources(std::string root) : root_(std::move(root)) {}
  // nullopt when the source cannot be read (an archive member, a moved file).
  const std::optional<std::string>& get(const std::string& doc) {
    if (doc == doc_) return bytes_;
    doc_ = doc;
    bytes_.reset();
    std::filesystem::path path(doc);
    if (path.is_relative() && !root_.empty()) path = std::filesystem::path(root_) / path;
    std::ifstream in(path, std::ios::binary);
    if (doc.find('!') == std::string::npos && in) {
      std::ostringstream buffer;
      buffer << in.rdbuf();
      bytes_ = std::move(buffer).str();
      ++found_;
    } else {
      ++missing_;
    }
    return bytes_;
  }
  size_t found() const { return found_; }
  size_t missing() const { return missing_; }

 private:
  std::string root_;
  std::string doc_;
  std::optional<std::string> bytes_;
  size_t found_ = 0, missing_ = 0;
};

}  // namespace

int check_fact_file(const std::string& path, bool csv, const std::string& root, bool json,
                    bool quiet, std::string& out) {
  cli::LineReader lines;
  if (!lines.open(path)) {
    fmt::print(stderr, "zhvalidate: {}: {}\n", path, lines.error());
    return cli::kError;
  }
  FactChecker checker;
  Sources sources(root);
  JsonlReader jsonl;
  CsvFactReader csv_reader;
  std::string pending;  // a CSV record whose quoted field spans lines
  size_t record_line = 0, facts = 0;
  Tally tally;
  FactStatsNote stats;
  const auto check = [&](const Result<Fact>& fact, size_t line) {
    std::vector<Problem> problems;
    if (!fact) {
      problems.push_back({line, 1, Severity::error, fact.error().message});
    } else {
      ++facts;
      stats.add(fact.value());
      problems = checker.check(fact.value(), line);
      if (const auto& bytes = sources.get(fact->doc))
        checker.check_quote(fact.value(), line, *bytes, problems);
    }
    tally.add(problems);
    append_problems(out, lines.name(), problems, json);
  };
  std::string_view line;
  while (lines.next(line)) {
    if (!csv) {
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      auto record = jsonl.parse(line);
      if (record && std::holds_alternative<DocumentRecord>(record.value())) {
        stats.add(std::get<DocumentRecord>(record.value()));
        continue;
      }
      check(record ? Result<Fact>(std::get<Fact>(std::move(record.value())))
                   : Result<Fact>(record.error()),
            lines.line_number());
      continue;
    }
    if (pending.empty()) record_line = lines.line_number();
    pending.append(line).append("\n");
    size_t pos = 0;
    auto fields = read_csv_record(pending, pos);
    if (!fields && fields.error().message.find("unterminated") != std::string::npos) continue;
    pending.clear();
    if (!fields) {
      check(fields.error(), record_line);
      continue;
    }
    auto row = csv_reader.add_row(fields.value());
    if (!row) {
      check(row.error(), record_line);
    } else if (row.value()) {
      check(std::move(*row.value()), record_line);
    }
  }
  if (!pending.empty()) check(Error{ErrorCode::parse, "unterminated quoted field"}, record_line);
  if (!lines.error().empty()) {
    fmt::print(stderr, "zhvalidate: {}: {}\n", lines.name(), lines.error());
    return cli::kError;
  }
  if (auto note = stats.note()) append_problems(out, lines.name(), {*note}, json);
  if (!quiet) {
    fmt::print(stderr,
               "zhvalidate: {}: {} facts, {}; quotes checked against {} sources ({} not found)\n",
               lines.name(), facts, tally.text(), sources.found(), sources.missing());
  }
  return tally.clean() ? cli::kOk : cli::kProblems;
}

}  // namespace zhreport::validate_app
