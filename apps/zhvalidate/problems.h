// zhvalidate's output: one line per problem, as text (FILE:LINE:COL: severity: message) or JSONL.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "zhreport/validate.h"

namespace zhreport::validate_app {

struct Tally {
  size_t errors = 0;
  size_t warnings = 0;
  void add(const std::vector<Problem>& problems);
  bool clean() const { return errors + warnings == 0; }
  std::string text() const;  // "2 errors, 1 warning"
};

void append_problems(std::string& out, std::string_view file, const std::vector<Problem>& problems,
                     bool json);

// Checks a fact file (JSONL, or CSV when `csv`); reads each fact's source, relative to
// `root` unless absolute, when it exists. Writes problems to `out`; returns the exit code.
int check_fact_file(const std::string& path, bool csv, const std::string& root, bool json,
                    bool quiet, std::string& out);

// Fact files are recognised by their extension: .jsonl .ndjson .json (JSONL), .csv (CSV).
bool is_fact_file(std::string_view path, bool& csv);

}  // namespace zhreport::validate_app
