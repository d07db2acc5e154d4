// The fields of a line of a tab- or comma-separated table, for the build-time tools (they run
// before the library whose tables they generate exists, so they cannot use lib's text::split).
#pragma once

#include <sstream>
#include <string>
#include <vector>

inline std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, separator);) fields.push_back(field);
  return fields;
}
