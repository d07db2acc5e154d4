// zhstats' input side: fact JSONL and state files into a StatsAccumulator, errors reported as
// "zhstats: FILE:LINE: reason". Both return an exit code (cli::ExitCode).
#pragma once

#include <string>
#include <vector>

#include "zhreport/stats.h"

namespace zhreport::stats_app {

// Blank lines are ignored. A malformed line stops the run (exit 2) or, with skip_bad, is
// counted in the summary (exit 1).
int read_facts(const std::vector<std::string>& paths, bool skip_bad, StatsAccumulator& stats);
int read_states(const std::vector<std::string>& paths, StatsAccumulator& stats);

}  // namespace zhreport::stats_app
