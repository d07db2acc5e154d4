#include "zhreport/fact.h"

#include <algorithm>

namespace zhreport {

bool is_metric(std::string_view name) {
  return std::find(kMetrics.begin(), kMetrics.end(), name) != kMetrics.end();
}

namespace {
constexpr std::array<std::pair<Qualifier, std::string_view>, 7> kQualifierNames = {{
    {Qualifier::exact, "exact"},
    {Qualifier::more_than, "more_than"},
    {Qualifier::nearly, "nearly"},
    {Qualifier::about, "about"},
    {Qualifier::at_least, "at_least"},
    {Qualifier::at_most, "at_most"},
    {Qualifier::vague, "vague"},
}};
}  // namespace

std::string_view qualifier_name(Qualifier q) {
  for (const auto& [value, name] : kQualifierNames) {
    if (value == q) return name;
  }
  return "exact";
}

std::optional<Qualifier> parse_qualifier(std::string_view name) {
  for (const auto& [value, known] : kQualifierNames) {
    if (known == name) return value;
  }
  return std::nullopt;
}

}  // namespace zhreport
