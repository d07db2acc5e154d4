// zhextract --format table: facts as aligned columns for a person to read (CJK text counts
// two columns per character, as a terminal shows it; a document is shown by its file name).
// Not meant to be parsed: use JSONL or CSV.
#pragma once

#include <string>

#include "zhreport/fact.h"

namespace zhreport::extract_app {

void append_table_header(std::string& out);
void append_table_row(std::string& out, const Fact& fact);

}  // namespace zhreport::extract_app
