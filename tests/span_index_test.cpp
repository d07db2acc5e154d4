// span_index.h: overlap questions over a report's mention spans, asked per candidate.
#include "span_index.h"

#include <doctest/doctest.h>

#include <random>
#include <utility>
#include <vector>

namespace {

using zhreport::facts_detail::SpanIndex;
using Spans = std::vector<std::pair<size_t, size_t>>;

bool scan_overlaps(const Spans& spans, size_t start, size_t end) {
  for (auto [s, e] : spans) {
    if (s < end && start < e) return true;
  }
  return false;
}

TEST_CASE("SpanIndex::overlaps: a span shares a byte with the range") {
  SpanIndex names({{10, 19}, {0, 6}});  // (in any order)
  CHECK(names.overlaps(4, 8));
  CHECK(names.overlaps(5, 6));
  CHECK_FALSE(names.overlaps(6, 10));  // between them: ends are exclusive
  CHECK(names.overlaps(18, 30));
  CHECK_FALSE(names.overlaps(19, 30));
  CHECK_FALSE(SpanIndex().overlaps(0, 100));
  // a long span before a short one still reaches past it (山东大学齐鲁医院 over 山东)
  SpanIndex nested({{0, 24}, {3, 6}});
  CHECK(nested.overlaps(12, 13));
}

TEST_CASE("SpanIndex::of: the spans of the items kept") {
  struct Item {
    size_t start, end;
    bool kept;
  };
  std::vector<Item> items{{0, 6, true}, {10, 19, false}};
  CHECK(SpanIndex::of(items).overlaps(12, 13));
  SpanIndex kept = SpanIndex::of(items, [](const Item& i) { return i.kept; });
  CHECK(kept.overlaps(2, 3));
  CHECK_FALSE(kept.overlaps(12, 13));
}

TEST_CASE("SpanIndex::overlaps answers as a scan of every span does") {
  std::mt19937 random(7);
  for (int round = 0; round < 200; ++round) {
    Spans spans;
    for (int i = random() % 12; i > 0; --i) {
      size_t start = random() % 60;
      spans.emplace_back(start, start + 1 + random() % 15);
    }
    SpanIndex index(spans);
    for (size_t start = 0; start < 80; ++start) {
      for (size_t end = start + 1; end < start + 10; ++end) {
        REQUIRE(index.overlaps(start, end) == scan_overlaps(spans, start, end));
      }
    }
  }
}

}  // namespace
