// The context of facts (to, from, since, until; ../shared/spec/facts.md) from the reading of
// their clauses (clauses.h), the places (places.h) and the time phrases (times.h) of the report.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "zhreport/clauses.h"
#include "zhreport/document.h"
#include "zhreport/fact.h"

namespace zhreport::facts_detail {

// Sets the context fields and spans of `facts` (spans in `text` bytes). `at[i]` is where the
// count of facts[i] stands (its number) in `text`.
void add_context(std::string_view text, const Document& document, const Reading& reading,
                 std::vector<Fact>& facts, const std::vector<size_t>& at);

}  // namespace zhreport::facts_detail
