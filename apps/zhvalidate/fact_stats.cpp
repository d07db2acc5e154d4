#include "fact_stats.h"

#include <fmt/core.h>

namespace zhreport::validate_app {

std::optional<Problem> FactStatsNote::note() const {
  const StatsSummary s = stats_.summary();
  if (s.facts_read == 0) return std::nullopt;
  Problem note;
  note.severity = Severity::note;
  note.message = fmt::format(
      "zhstats would count {} of {} facts ({} folded as restatements, {} duplicates); of those "
      "counted, {} have no to and {} no year",
      s.facts, s.facts_read, s.folded_facts, s.duplicate_facts, s.facts_without_to,
      s.facts_without_year);
  return note;
}

}  // namespace zhreport::validate_app
