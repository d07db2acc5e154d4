#include "partial.h"

#include "zhreport/stats.h"

namespace zhreport::extract_app {

namespace {

// append_state's first line is the version line; the rest are self-contained lines.
size_t after_first_line(const std::string& state) {
  const size_t newline = state.find('\n');
  return newline == std::string::npos ? state.size() : newline + 1;
}

}  // namespace

std::string state_header() {
  std::string state;
  StatsAccumulator().append_state(state);
  return state.substr(0, after_first_line(state));
}

std::string state_of(const std::vector<Fact>& facts, const DocumentRecord& record) {
  StatsAccumulator stats;
  // The order of the JSONL zhstats would read: the facts, then the document record.
  for (const Fact& fact : facts) stats.add(fact);
  stats.add(record);
  std::string state;
  stats.append_state(state);
  return state.substr(after_first_line(state));
}

}  // namespace zhreport::extract_app
