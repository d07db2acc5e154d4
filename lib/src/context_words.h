// The words of data/context.tsv by role (aid, team, giver_before…), and the three questions the
// context rules ask of a text with them: does it contain, start with, or end with one.
//
//   if (contains_word(clause, "aid") && !ends_with_word(before, "no_side_before")) …
//
// A role is looked up by name in a small hash table; contains_word looks at each character of the
// text once, against a bitmap of the first two bytes of the role's words, instead of searching
// the text once per word.
#pragma once

#include <string_view>
#include <vector>

namespace zhreport::facts_detail {

// The words of data/context.tsv with this role (static, in table order); empty when none.
const std::vector<std::string_view>& words(std::string_view role);

bool contains_word(std::string_view haystack, std::string_view role);
bool starts_with_word(std::string_view text, std::string_view role);
bool ends_with_word(std::string_view text, std::string_view role);

}  // namespace zhreport::facts_detail
