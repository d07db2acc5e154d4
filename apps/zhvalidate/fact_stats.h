// The counts zhstats would report for a fact file, as a zhvalidate note: how many facts a table
// folds (restated quantities), how many of the counted ones lack a to or a year. Kept apart
// from the fact checks so that a partial table is never mistaken for a complete one.
#pragma once

#include <optional>

#include "zhreport/stats.h"
#include "zhreport/validate.h"

namespace zhreport::validate_app {

class FactStatsNote {
 public:
  void add(const Fact& fact) { stats_.add(fact); }
  void add(const DocumentRecord& record) { stats_.add(record); }
  // nullopt when no fact was read.
  std::optional<Problem> note() const;

 private:
  StatsAccumulator stats_;
};

}  // namespace zhreport::validate_app
