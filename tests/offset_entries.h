// An OffsetMap's entries one by one (entry i for byte i, the end's last): what the tests compare.
#pragma once

#include <cstdint>
#include <vector>

#include "zhreport/offset_map.h"

namespace zhreport {

inline std::vector<uint32_t> entries_of(const OffsetMap& map) {
  std::vector<uint32_t> entries;
  for (size_t i = 0; i < map.entries(); ++i) entries.push_back(static_cast<uint32_t>(map.map(i)));
  return entries;
}

}  // namespace zhreport
