// zhextract --partial: the zhstats state (stats.h, append_state) of each document, written
// as it is extracted, instead of its facts. The output merges (`zhstats merge`) to the table
// `zhextract --docs | zhstats` prints, without writing the facts as JSONL and reading them
// back in a second process: what a distributed run (zhreport-dask) does on its workers.
//
//   out.write(zhreport::extract_app::state_header());
//   for (each document) out.write(zhreport::extract_app::state_of(facts, record));
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "zhreport/fact.h"

namespace zhreport::extract_app {

// The state's version line (as the library writes it), once at the top.
std::string state_header();

// The state lines of one document: a totals line and its doc line (self-contained, so the
// lines of all the documents concatenated are one valid state).
std::string state_of(const std::vector<Fact>& facts, const DocumentRecord& record);

}  // namespace zhreport::extract_app
