// The fact fields, in output order: shared by the JSONL and CSV readers and writers.
#pragma once

#include <array>
#include <string_view>

#include "zhreport/fact.h"

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
  kTo,
  kFrom,
  kSince,
  kUntil,
  kToSpan,
  kFromSpan,
  kSinceSpan,
  kUntilSpan,
  kToProvince,
  kFromProvince,
  kCount
};
inline constexpr std::array<std::string_view, kCount> kNames = {
    "doc",     "metric",    "value",      "value_max",  "qualifier",   "unit",         "counted",
    "start",   "end",       "quote",      "to",         "from",        "since",        "until",
    "to_span", "from_span", "since_span", "until_span", "to_province", "from_province"};

// Fields a reader may go without: value_max, and the context (files written before it; the
// sides' provinces came after the rest of it).
inline bool is_optional(size_t field) { return field == kValueMax || field >= kTo; }

// The context strings of `fact` in field order kTo..kUntil, and their spans.
inline std::array<std::string*, 4> context_strings(Fact& fact) {
  return {&fact.to, &fact.from, &fact.since, &fact.until};
}
inline std::array<const std::string*, 4> context_strings(const Fact& fact) {
  return {&fact.to, &fact.from, &fact.since, &fact.until};
}
inline std::array<Span*, 4> context_spans(Fact& fact) {
  return {&fact.to_span, &fact.from_span, &fact.since_span, &fact.until_span};
}
inline std::array<const Span*, 4> context_spans(const Fact& fact) {
  return {&fact.to_span, &fact.from_span, &fact.since_span, &fact.until_span};
}
// The provinces of the sides, in field order kToProvince, kFromProvince.
inline std::array<std::string*, 2> province_strings(Fact& fact) {
  return {&fact.to_province, &fact.from_province};
}
inline std::array<const std::string*, 2> province_strings(const Fact& fact) {
  return {&fact.to_province, &fact.from_province};
}

// "missing field x" / "missing fields x, y" for the required fields (all but the optional ones)
// whose bit in `present` (1 << Field) is clear; empty when none is missing.
std::string missing_message(unsigned present);

}  // namespace zhreport::fact_fields
