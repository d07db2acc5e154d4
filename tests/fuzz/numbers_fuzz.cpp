// numbers: every match lies inside the text, on its own bytes, and reads back the same.
#include <cmath>
#include <string_view>

#include "fuzz_check.h"
#include "zhreport/numbers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!zhreport::fuzz::valid_utf8(text)) return 0;
  size_t previous_end = 0;
  for (const zhreport::NumberMatch& match : zhreport::find_numbers(text)) {
    FUZZ_CHECK(match.qualifier_start <= match.start && match.start < match.end);
    FUZZ_CHECK(match.end <= size && previous_end <= match.qualifier_start);
    FUZZ_CHECK(!std::isnan(match.value));
    if (match.value_max) FUZZ_CHECK(!std::isnan(*match.value_max));
    previous_end = match.end;
  }
  for (size_t pos = 0; pos < size; ++pos) {
    if (auto match = zhreport::parse_number_at(text, pos)) FUZZ_CHECK(match->end <= size);
  }
  zhreport::parse_numeral(text);
  zhreport::parse_yuan(text);
  return 0;
}
