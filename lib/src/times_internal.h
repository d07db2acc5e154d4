// times.cpp's scan, as the context's eras (context_periods.cpp) use it.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "zhreport/times.h"

namespace zhreport {

// The word after a named era that makes it a since phrase (党的十八大以来).
inline constexpr std::string_view kEraSince = "以来";

// Where the words that may close an era's phrase stand in a text, in text order: kEraSince, and
// the era_span words of data/times.tsv (“十三五”期间). The context looks for an era before each;
// find_times notes them in its scan of the text, so that the text is not searched again for them.
struct EraEnds {
  std::vector<size_t> since;  // of kEraSince
  std::vector<size_t> spans;  // of any era_span word
};

// The words of role era_span of data/times.tsv.
const std::vector<std::string_view>& era_span_words();

// find_times(text, document_date), noting `ends` on the way.
std::vector<TimePhrase> find_times(std::string_view text, std::string_view document_date,
                                   EraEnds& ends);

}  // namespace zhreport
