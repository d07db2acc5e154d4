// The context of facts (to, from, since, until; ../shared/spec/facts.md) from the reading of
// their clauses (clauses.h), the places (places.h) and the time phrases (times.h) of the report.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "table_rows.h"
#include "zhreport/clauses.h"
#include "zhreport/document.h"
#include "zhreport/fact.h"

namespace zhreport::facts_detail {

// Sets the context fields and spans of `facts` (spans in `text` bytes). `at[i]` is where the
// count of facts[i] stands (its number) in `text`; `headers[i]` the header cells of block i where
// it is a table's row (table_headers), else empty.
void add_context(std::string_view text, const Document& document, const Reading& reading,
                 const std::vector<std::vector<Cell>>& headers, std::vector<Fact>& facts,
                 const std::vector<size_t>& at);

}  // namespace zhreport::facts_detail
