#include "cli.h"

#include <fmt/core.h>

#include <cstdio>

namespace zhreport::cli {

namespace {
void print(std::string_view tool, std::string_view where, std::string_view message) {
  if (where.empty()) {
    fmt::print(stderr, "{}: {}\n", tool, message);
  } else {
    fmt::print(stderr, "{}: {}: {}\n", tool, where, message);
  }
}
}  // namespace

void Outcome::problem(std::string_view tool, std::string_view where, std::string_view message) {
  print(tool, where, message);
  raise(kProblems);
}

void Outcome::fail(std::string_view tool, std::string_view where, std::string_view message) {
  print(tool, where, message);
  raise(kError);
}

}  // namespace zhreport::cli
