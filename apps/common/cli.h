// What the command-line tools share: exit codes decided in one place, and one way to
// report a problem on stderr.
//
//   zhreport::cli::Outcome outcome;
//   outcome.fail("zhconv", path, "no such file");   // prints, exit code becomes 2
//   return outcome.exit_code();
#pragma once

#include <string_view>

namespace zhreport::cli {

enum ExitCode : int {
  kOk = 0,        // everything processed, nothing found wrong
  kProblems = 1,  // processed, but the data has problems (invalid bytes, failed documents)
  kError = 2,     // usage or I/O error
};

// Accumulates the worst outcome of a run; the exit code is its maximum.
class Outcome {
 public:
  // A problem in the data: "TOOL: WHERE: MESSAGE" on stderr, exit code at least 1.
  void problem(std::string_view tool, std::string_view where, std::string_view message);
  // An input that could not be processed at all: exit code 2.
  void fail(std::string_view tool, std::string_view where, std::string_view message);
  void raise(ExitCode code) {
    if (code > code_) code_ = code;
  }
  int exit_code() const { return code_; }

 private:
  ExitCode code_ = kOk;
};

}  // namespace zhreport::cli
