// Small text helpers of the validators.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace zhreport::validate_text {

bool has_han(std::string_view utf8);
// The first `max_chars` characters of `utf8` (whole characters), with "…" when cut.
std::string excerpt(std::string_view utf8, size_t max_chars);

}  // namespace zhreport::validate_text
