#include "zhreport/offset_map.h"

#include <numeric>

namespace zhreport {

OffsetMap OffsetMap::identity(size_t size) {
  OffsetMap m;
  m.source.resize(size + 1);
  std::iota(m.source.begin(), m.source.end(), 0u);
  return m;
}

OffsetMap OffsetMap::compose_onto(const OffsetMap& earlier) const {
  if (!tracked() || !earlier.tracked()) return {};
  OffsetMap m;
  m.source.reserve(source.size());
  for (uint32_t mid : source) m.source.push_back(earlier.source[mid]);
  return m;
}

}  // namespace zhreport
