// The fact fields, in output order: shared by the JSONL and CSV readers and writers.
#pragma once

#include <array>
#include <string_view>

namespace zhreport::fact_fields {

enum Field {
  kDoc,
  kMetric,
  kValue,
  kValueMax,
  kQualifier,
  kUnit,
  kCounted,
  kStart,
  kEnd,
  kQuote,
  kCount
};
inline constexpr std::array<std::string_view, kCount> kNames = {
    "doc", "metric", "value", "value_max", "qualifier", "unit", "counted", "start", "end", "quote"};

// "missing field x" / "missing fields x, y" for the required fields (all but value_max) whose
// bit in `present` (1 << Field) is clear; empty when none is missing.
std::string missing_message(unsigned present);

}  // namespace zhreport::fact_fields
