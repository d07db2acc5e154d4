#include "zhreport/offset_map.h"

#include <doctest/doctest.h>

#include <vector>

#include "offset_entries.h"

using namespace zhreport;

namespace {

// One append: `count` entries copied from `source` on, or repeating it.
struct Step {
  bool copied;
  size_t source, count;
};
constexpr bool kCopied = true, kRepeated = false;

OffsetMap built(const std::vector<Step>& steps) {
  OffsetMap m;
  for (const Step& s : steps) {
    if (s.copied) {
      m.append_copied(s.source, s.count);
    } else {
      m.append_repeated(s.source, s.count);
    }
  }
  return m;
}

// The same entries appended one at a time: a map equal to any other way of appending them.
OffsetMap one_by_one(const std::vector<uint32_t>& entries) {
  OffsetMap m;
  for (uint32_t e : entries) m.append_copied(e, 1);
  return m;
}

struct Building {
  const char* what;
  std::vector<Step> steps;
  std::vector<uint32_t> entries;
  size_t runs;
};

const std::vector<Building> kBuildings = {
    {"all copied, the end included", {{kCopied, 0, 5}}, {0, 1, 2, 3, 4}, 1},
    {"the end entry alone (an empty text)", {{kRepeated, 0, 1}}, {0}, 1},
    {"replacement longer than its source: 2 bytes become 6",
     {{kCopied, 0, 1}, {kRepeated, 1, 6}, {kCopied, 3, 2}},
     {0, 1, 1, 1, 1, 1, 1, 3, 4},
     3},
    {"replacement shorter than its source: 4 bytes become 3",
     {{kCopied, 0, 1}, {kRepeated, 1, 3}, {kCopied, 5, 1}},
     {0, 1, 1, 1, 5},
     3},
    {"deletion: bytes 2..4 dropped", {{kCopied, 0, 2}, {kCopied, 5, 3}}, {0, 1, 5, 6, 7}, 2},
    {"a repetition whose first entry follows the copied ones",
     {{kCopied, 0, 2}, {kRepeated, 2, 3}},
     {0, 1, 2, 2, 2},
     2},
    {"copied bytes starting where a repetition's source is",
     {{kRepeated, 4, 2}, {kCopied, 4, 3}},
     {4, 4, 4, 5, 6},
     2},
    {"the end entry right after a replacement",
     {{kCopied, 0, 1}, {kRepeated, 1, 3}, {kRepeated, 4, 1}},
     {0, 1, 1, 1, 4},
     3},
    {"two replacements in a row, as long as each other: one run of characters",
     {{kRepeated, 0, 3}, {kRepeated, 3, 3}},
     {0, 0, 0, 3, 3, 3},
     1},
    {"a step of nothing changes nothing",
     {{kCopied, 0, 2}, {kCopied, 9, 0}, {kRepeated, 9, 0}, {kCopied, 2, 1}},
     {0, 1, 2},
     1},
    {"going backwards (a page's title before its body)",
     {{kCopied, 7, 2}, {kCopied, 0, 3}},
     {7, 8, 0, 1, 2},
     2},
    {"characters of 2 bytes there and 3 here, one at a time: one run between the copied ones",
     {{kCopied, 0, 1}, {kRepeated, 1, 3}, {kRepeated, 3, 3}, {kRepeated, 5, 3}, {kCopied, 7, 2}},
     {0, 1, 1, 1, 3, 3, 3, 5, 5, 5, 7, 8},
     3},
    {"characters of 4 bytes there and 3 here",
     {{kRepeated, 0, 3}, {kRepeated, 4, 3}, {kRepeated, 8, 3}},
     {0, 0, 0, 4, 4, 4, 8, 8, 8},
     1},
    {"characters of 1 byte there and 2 here",
     {{kRepeated, 0, 2}, {kRepeated, 1, 2}},
     {0, 0, 1, 1},
     1},
    {"a character of another width ends the run",
     {{kRepeated, 0, 3}, {kRepeated, 2, 3}, {kRepeated, 4, 4}},
     {0, 0, 0, 2, 2, 2, 4, 4, 4, 4},
     2},
    {"a character whose source skips bytes ends the run",
     {{kRepeated, 0, 3}, {kRepeated, 2, 3}, {kRepeated, 5, 3}, {kRepeated, 7, 3}},
     {0, 0, 0, 2, 2, 2, 5, 5, 5, 7, 7, 7},
     2},
    {"characters, then the end entry",
     {{kRepeated, 3, 3}, {kRepeated, 5, 3}, {kRepeated, 7, 1}},
     {3, 3, 3, 5, 5, 5, 7},
     2},
};

}  // namespace

TEST_CASE("offset map: entries and runs of each way of building one") {
  for (const Building& b : kBuildings) {
    CAPTURE(b.what);
    const OffsetMap m = built(b.steps);
    CHECK(entries_of(m) == b.entries);
    CHECK(m.runs().size() == b.runs);
    CHECK(m == one_by_one(b.entries));
    CHECK(m.size() + 1 == b.entries.size());
    // Cut anywhere, it is the map of the entries kept.
    for (size_t keep = 0; keep <= b.entries.size(); ++keep) {
      CAPTURE(keep);
      OffsetMap cut = m;
      cut.truncate(keep);
      CHECK(cut == one_by_one({b.entries.begin(), b.entries.begin() + keep}));
      CHECK(cut.runs().size() <= b.runs);
    }
    // Appended to another map, its entries follow that map's.
    OffsetMap joined = built({{kCopied, 0, 3}});
    joined.append(m);
    std::vector<uint32_t> both{0, 1, 2};
    both.insert(both.end(), b.entries.begin(), b.entries.end());
    CHECK(joined == one_by_one(both));
    CHECK(joined.runs().size() <= b.runs + 1);
  }
}

TEST_CASE("offset map: look-ups in any order, after a cut and in a copy, find their run") {
  // map() starts at the run it found last: every order must give the same entries.
  for (const Building& b : kBuildings) {
    CAPTURE(b.what);
    OffsetMap m = built(b.steps);
    const size_t n = b.entries.size();
    for (size_t i = n; i-- > 0;) CHECK(m.map(i) == b.entries[i]);
    for (size_t i = 0; i < n; ++i) {
      CHECK(m.map(n - 1 - i) == b.entries[n - 1 - i]);
      CHECK(m.map(i) == b.entries[i]);
    }
    const OffsetMap copy = m;
    CHECK(entries_of(copy) == b.entries);
    m.map(n - 1);
    m.truncate(1);  // (the run found last is gone)
    CHECK(m.map(0) == b.entries[0]);
  }
}

TEST_CASE("offset map: identity and what is not tracked") {
  CHECK(entries_of(OffsetMap::identity(3)) == std::vector<uint32_t>{0, 1, 2, 3});
  CHECK(OffsetMap::identity(3).runs().size() == 1);
  CHECK_FALSE(OffsetMap{}.tracked());
  CHECK(OffsetMap{}.size() == 0);
  CHECK_FALSE(OffsetMap{}.compose_onto(OffsetMap::identity(4)).tracked());
  CHECK_FALSE(OffsetMap::identity(4).compose_onto(OffsetMap{}).tracked());
  CHECK_FALSE(built({{kCopied, 0, 3}}) == built({{kRepeated, 0, 3}}));
  CHECK_FALSE(built({{kCopied, 0, 3}}) == built({{kCopied, 0, 4}}));
}

TEST_CASE("offset map: composition, entry by entry through the earlier map") {
  struct Composition {
    const char* what;
    std::vector<Step> later, earlier;
    size_t runs;  // of the composed map
  };
  const std::vector<Composition> compositions = {
      {"a deletion after a shift by 10", {{kCopied, 0, 1}, {kCopied, 3, 2}}, {{kCopied, 10, 5}}, 2},
      {"copied bytes across an earlier replacement and deletion",
       {{kCopied, 0, 7}},
       {{kCopied, 0, 1}, {kRepeated, 1, 3}, {kCopied, 6, 2}, {kRepeated, 9, 1}},
       4},
      {"a replacement onto earlier copied bytes",
       {{kCopied, 0, 1}, {kRepeated, 1, 3}, {kCopied, 4, 2}},
       {{kCopied, 20, 6}},
       3},
      {"a replacement onto the middle of an earlier one",
       {{kRepeated, 2, 3}, {kCopied, 4, 2}},
       {{kCopied, 0, 1}, {kRepeated, 1, 3}, {kCopied, 4, 2}},
       2},
      {"both compact: replacements on each side, the ends meeting",
       {{kRepeated, 0, 6}, {kCopied, 3, 3}, {kRepeated, 6, 1}},
       {{kCopied, 0, 3}, {kRepeated, 3, 6}, {kCopied, 5, 1}, {kRepeated, 9, 1}},
       2},
      {"copied bytes across earlier characters, cut inside the first and the last",
       {{kCopied, 2, 9}},
       {{kCopied, 0, 1},
        {kRepeated, 1, 3},
        {kRepeated, 3, 3},
        {kRepeated, 5, 3},
        {kRepeated, 7, 3},
        {kCopied, 9, 2}},
       3},
      {"later characters onto earlier copied bytes",
       {{kRepeated, 0, 3}, {kRepeated, 2, 3}, {kRepeated, 4, 3}, {kCopied, 6, 1}},
       {{kCopied, 10, 7}},
       2},
      {"later characters onto earlier characters",
       {{kRepeated, 0, 2}, {kRepeated, 1, 2}, {kRepeated, 2, 2}, {kRepeated, 3, 2}},
       {{kRepeated, 0, 3}, {kRepeated, 2, 3}},
       2},
  };
  for (const Composition& c : compositions) {
    CAPTURE(c.what);
    const OffsetMap later = built(c.later), earlier = built(c.earlier);
    const std::vector<uint32_t> through = entries_of(earlier);
    std::vector<uint32_t> expected;
    for (uint32_t mid : entries_of(later)) expected.push_back(through.at(mid));
    const OffsetMap both = later.compose_onto(earlier);
    CHECK(entries_of(both) == expected);
    CHECK(both == one_by_one(expected));
    CHECK(both.runs().size() == c.runs);
  }
}

TEST_CASE("offset map: append_groups gives the runs of appending its characters one by one") {
  // After each of these, characters of `width` from `source` on, `step` apart.
  const std::vector<std::vector<Step>> befores = {
      {},
      {{kCopied, 0, 4}},
      {{kCopied, 4, 1}},
      {{kCopied, 3, 1}},
      {{kCopied, 9, 2}},
      {{kRepeated, 4, 3}},
      {{kRepeated, 2, 3}},
      {{kRepeated, 0, 3}, {kRepeated, 2, 3}},
  };
  for (const auto& before : befores) {
    for (size_t width = 2; width <= 4; ++width) {
      for (size_t step = 0; step <= 3; ++step) {
        for (size_t groups = 0; groups <= 4; ++groups) {
          CAPTURE(before.size());
          CAPTURE(width);
          CAPTURE(step);
          CAPTURE(groups);
          OffsetMap at_once = built(before), one_by_one = built(before);
          at_once.append_groups(4, width, step, groups);
          for (size_t k = 0; k < groups; ++k) one_by_one.append_repeated(4 + step * k, width);
          CHECK(at_once == one_by_one);
          REQUIRE(at_once.runs().size() == one_by_one.runs().size());
          for (size_t r = 0; r < at_once.runs().size(); ++r) {
            const OffsetMap::Run &a = at_once.runs()[r], &b = one_by_one.runs()[r];
            CHECK(a.at == b.at);
            CHECK(a.source == b.source);
            CHECK(a.width == b.width);
            CHECK(a.step == b.step);
          }
        }
      }
    }
  }
}

TEST_CASE("offset map: push_copied gives append_copied's entries in a run of their own") {
  for (const Building& b : kBuildings) {
    CAPTURE(b.what);
    // After each way of building, copied entries that continue the last run, repeat its first
    // entry or start elsewhere, and none.
    for (size_t source : {size_t{0}, size_t{3}, size_t{7}, size_t{8}, size_t{20}}) {
      CAPTURE(source);
      OffsetMap pushed = built(b.steps), appended = built(b.steps);
      pushed.push_copied(source, 0);
      CHECK(pushed.runs().size() == appended.runs().size());
      pushed.push_copied(source, 4);
      appended.append_copied(source, 4);
      CHECK(pushed == appended);
      CHECK(pushed.runs().size() == b.runs + 1);
      pushed.append_repeated(30, 1);
      appended.append_repeated(30, 1);
      CHECK(entries_of(pushed) == entries_of(appended));
    }
  }
}
