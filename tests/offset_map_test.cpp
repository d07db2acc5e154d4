#include "zhreport/offset_map.h"

#include <doctest/doctest.h>

using namespace zhreport;

TEST_CASE("identity map and composition") {
  OffsetMap id = OffsetMap::identity(4);
  CHECK(id.size() == 4);
  CHECK(id.map(4) == 4);
  // A later stage dropped bytes 1..2 of a 4-byte text: its 2 bytes come from 0 and 3.
  OffsetMap later;
  later.source = {0, 3, 4};
  OffsetMap earlier;  // and the earlier stage had shifted everything by 10
  earlier.source = {10, 11, 12, 13, 14};
  OffsetMap both = later.compose_onto(earlier);
  CHECK(both.source == zhreport::Offsets{10, 13, 14});
  CHECK_FALSE(OffsetMap{}.compose_onto(earlier).tracked());
}
