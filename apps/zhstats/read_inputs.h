// zhstats' input side: fact JSONL and state files into a StatsAccumulator, errors reported as
// "zhstats: FILE:LINE: reason". Both return an exit code (cli::ExitCode).
#pragma once

#include <string>
#include <vector>

#include "zhreport/report.h"
#include "zhreport/stats.h"

namespace zhreport::stats_app {

// Blank lines are ignored. A malformed line stops the run (exit 2) or, with skip_bad, is
// counted in the summary (exit 1). With `samples` (the HTML report), facts keep their quotes
// and each record goes there too.
int read_facts(const std::vector<std::string>& paths, bool skip_bad, StatsAccumulator& stats,
               ReportSamples* samples = nullptr);
// The HTML report; manifest_path (zhextract --manifest), when not empty, is read for the
// skipped documents. False (the error printed) when the manifest cannot be read.
bool append_html(std::string& out, const StatsAccumulator& stats, const ReportSamples& samples,
                 const std::string& manifest_path);
int read_states(const std::vector<std::string>& paths, StatsAccumulator& stats);

}  // namespace zhreport::stats_app
