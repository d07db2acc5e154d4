// three_byte_stops.h: the filter that the scans of find_times and contains_word pass most
// characters with.
#include "three_byte_stops.h"

#include <doctest/doctest.h>

#include <string_view>

namespace {

using zhreport::text::ThreeByteStops;

TEST_CASE("ThreeByteStops::skip passes the three-byte characters that are not in the set") {
  ThreeByteStops stops;
  stops.add(U'至');
  CHECK(stops.skip("医疗队至今", 0) == 9);  // at 至
  CHECK(stops.skip("医疗队至今", 9) == 9);  // where it stands
  CHECK(stops.skip("医疗队", 0) == 9);      // none: the end
  CHECK(stops.skip("", 0) == 0);
  // at a character of another length, whatever it is
  CHECK(stops.skip("医疗a至", 0) == 6);
  CHECK(stops.skip("医𠮷至", 0) == 3);
  // a character with the same last two bytes under another lead byte stops it too (凳 is
  // E5 87 B3, 至 E8 87 B3): the caller tests the character it stops at
  CHECK(stops.skip("医凳", 0) == 3);
}

TEST_CASE("ThreeByteStops::skip stops alike wherever the character stands") {
  // skip() takes two characters a round while it can: a stop first or second in a round, or
  // in the characters left over after the rounds, is found all the same
  ThreeByteStops stops;
  stops.add(U'至');
  CHECK(stops.skip("至医疗队", 0) == 0);
  CHECK(stops.skip("医至疗队", 0) == 3);
  CHECK(stops.skip("医疗至队", 0) == 6);
  CHECK(stops.skip("医疗队至", 0) == 9);
  CHECK(stops.skip("医疗队医至", 0) == 12);
  CHECK(stops.skip("医疗队医疗", 3) == 15);
  CHECK(stops.skip("医疗a", 0) == 6);
  CHECK(stops.skip("医疗队医a", 0) == 12);
}

TEST_CASE("ThreeByteStops::add takes three-byte characters only") {
  ThreeByteStops stops;
  stops.add(U'a');
  stops.add(U'é');
  stops.add(U'𠮷');
  CHECK(stops.skip("医疗队", 0) == 9);
}

}  // namespace
