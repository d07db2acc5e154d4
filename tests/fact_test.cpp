#include "zhreport/fact.h"

#include <doctest/doctest.h>

using namespace zhreport;

TEST_CASE("qualifier names round-trip and unknown names are refused") {
  for (auto q : {Qualifier::exact, Qualifier::more_than, Qualifier::nearly, Qualifier::about,
                 Qualifier::at_least, Qualifier::at_most, Qualifier::vague}) {
    auto parsed = parse_qualifier(qualifier_name(q));
    REQUIRE(parsed.has_value());
    CHECK(*parsed == q);
  }
  CHECK_FALSE(parse_qualifier("roughly").has_value());
}

TEST_CASE("metric vocabulary is the spec's") {
  CHECK(is_metric("experts"));
  CHECK(is_metric("training_attendances"));
  CHECK(is_metric("other"));
  CHECK_FALSE(is_metric("doctors"));
}
