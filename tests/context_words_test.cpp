// context_words.h: the roles of data/context.tsv and the searches of a text for their words.
#include "context_words.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace {

using zhreport::facts_detail::contains_word;
using zhreport::facts_detail::ends_with_word;
using zhreport::facts_detail::is_word;
using zhreport::facts_detail::Role;
using zhreport::facts_detail::role_name;
using zhreport::facts_detail::RoleSet;
using zhreport::facts_detail::starts_with_word;
using zhreport::facts_detail::words;
using zhreport::facts_detail::WordSearches;

TEST_CASE("contains_word finds a role's word anywhere, as a search for each word would") {
  CHECK(contains_word("青岛市与甘肃省陇南市深化东西部协作", Role::aid));  // at the end
  CHECK(contains_word("对口支援墨竹工卡县", Role::aid));                  // at the start
  CHECK(contains_word("援助", Role::aid));                                // the whole text
  CHECK_FALSE(contains_word("医疗队抵达喀什", Role::aid));
  CHECK_FALSE(contains_word("", Role::aid));
  // a word's first two bytes, not its first character, pick the words to compare: 帮 and 协
  // share their lead byte with thousands of characters
  CHECK_FALSE(contains_word("帮助协调", Role::aid));
  // whatever the characters before it: ASCII, two-byte, four-byte
  CHECK(contains_word("2020年8月至今", Role::to_now));
  CHECK(contains_word("a·b累计", Role::to_now));
  CHECK(contains_word("𠮷累计", Role::to_now));
  // a character that shares the last two bytes of a word's first (凳 and 至 of 至今) is no word
  CHECK_FALSE(contains_word("板凳今天", Role::to_now));
  CHECK(contains_word("板凳至今", Role::to_now));
  // every word of the role is compared where its first bytes stand, not only the first word
  std::string long_text;
  for (int i = 0; i < 300; ++i) long_text += "医疗队";  // past the length where memmem is used
  CHECK_FALSE(contains_word(long_text, Role::to_now));
  CHECK(contains_word(long_text + "至今", Role::to_now));
}

TEST_CASE("contains_word finds every level_hospital word, also before 级") {
  // find_level_hospitals searches only the parts of a report where contains_word finds one,
  // which passes over a word that ends with a division right before 级 (全省级医院)
  for (std::string_view w : words(Role::level_hospital)) {
    CAPTURE(w);
    CHECK(contains_word("来自" + std::string(w) + "级", Role::level_hospital));
  }
}

TEST_CASE("words, starts_with_word and ends_with_word read the roles of data/context.tsv") {
  CHECK(words(Role::aid).size() >= 6);
  CHECK(starts_with_word("累计派出专家", Role::to_now));
  CHECK_FALSE(starts_with_word("派出专家累计", Role::to_now));
  CHECK(ends_with_word("来自南宁邕江医院的13名专家", Role::team));
}

TEST_CASE("starts_with_word, is_word and ends_with_word answer as a comparison with each word") {
  // (their inline test of a text's first or last two bytes rules out no text a word fits)
  constexpr auto kRoles = static_cast<size_t>(Role::year_report) + 1;
  std::vector<std::string> texts = {"", "a", "其中", "医疗队", "累"};
  for (size_t r = 0; r < kRoles; ++r) {
    for (std::string_view w : words(static_cast<Role>(r))) {
      std::string word(w);
      for (std::string text : {word, "前" + word, word + "后", word.substr(0, word.size() - 1)}) {
        texts.push_back(text);
      }
    }
  }
  size_t wrong = 0;
  for (size_t r = 0; r < kRoles; ++r) {
    const auto role = static_cast<Role>(r);
    const std::vector<std::string_view>& ws = words(role);
    for (std::string_view text : texts) {
      auto any = [&](auto&& fits) { return std::any_of(ws.begin(), ws.end(), fits); };
      bool starts = any([&](std::string_view w) { return text.starts_with(w); });
      bool is = any([&](std::string_view w) { return text == w; });
      bool ends = any([&](std::string_view w) { return text.ends_with(w); });
      wrong += starts_with_word(text, role) != starts || is_word(text, role) != is ||
               ends_with_word(text, role) != ends;
    }
  }
  CHECK(wrong == 0);
}

TEST_CASE("RoleEnds holds a role's bit at the first and the last two bytes of each of its words") {
  namespace wd = zhreport::facts_detail::words_detail;
  wd::read_words();
  size_t missing = 0, stray = 0;
  for (size_t r = 0; r < wd::kRoleCount; ++r) {
    const uint64_t bit = wd::role_bit(static_cast<Role>(r));
    for (std::string_view w : words(static_cast<Role>(r))) {
      if (w.size() < 2) {
        missing += (wd::role_ends.single_bytes & bit) == 0;
        continue;
      }
      missing += (wd::role_ends.first_pairs[wd::pair_at(w, 0)] & bit) == 0;
      missing += (wd::role_ends.last_pairs[wd::pair_at(w, w.size() - 2)] & bit) == 0;
    }
  }
  for (size_t pair = 0; pair < 0x10000; ++pair) {  // (no bit past the roles')
    stray += (wd::role_ends.first_pairs[pair] | wd::role_ends.last_pairs[pair]) >> wd::kRoleCount;
  }
  CHECK(missing == 0);
  CHECK(stray == 0);
}

TEST_CASE("starts_with_word tells a word's first character from one that shares its first bytes") {
  // 紧 shares the lead byte and the second byte of 累 (累计, to_now): only the third differs
  struct Row {
    std::string_view text;
    bool starts;
  };
  for (const Row& row : {Row{"累计派出", true}, Row{"紧计派出", false}, Row{"紧急派出", false},
                         Row{"累", false}, Row{"累计", true}}) {
    CAPTURE(row.text);
    CHECK(starts_with_word(row.text, Role::to_now) == row.starts);
  }
}

TEST_CASE("WordSearches answers as contains_word over each range, however the ranges follow") {
  // a word that lies across the end of the last range scanned (会上 at 会|上), one inside a
  // shorter range, ranges that grow, shrink and start elsewhere
  const std::string text = "签约仪式举行。会上,双方签订协议,当天捐赠设备20台。同期派出专家5名。";
  WordSearches searches(text);
  std::vector<size_t> ends;
  for (size_t at = 0; at <= text.size(); ++at) {
    if (at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80) {
      ends.push_back(at);
    }
  }
  for (Role role : {Role::at_event, Role::same_period, Role::to_now}) {
    std::string_view name = role_name(role);
    for (size_t from : {size_t(0), ends[3], ends[7]}) {
      for (size_t i = 0; i < ends.size(); ++i) {
        for (size_t to : {ends[i], ends[ends.size() - 1 - i]}) {  // growing, then shrinking
          if (to < from) continue;
          CAPTURE(name);
          CAPTURE(from);
          CAPTURE(to);
          CHECK(searches.contains(from, to, role) ==
                contains_word(std::string_view(text).substr(from, to - from), role));
        }
      }
    }
  }
}

TEST_CASE("RoleSet's words of a text answer as contains_word over each range of it") {
  // words that overlap (全省, 省级 is none), a division before 级 (全省级医院: a level, where the
  // range holds the 级) and one that is not, words at the ends, a range that cuts a word
  const std::string text = "全省累计派出专家,全省级医院同期派驻全市";
  const RoleSet asked{Role::whole, Role::to_now, Role::same_period};
  std::vector<RoleSet::Found> found;
  uint64_t held = asked.find(text, 0, found);
  CHECK((held & RoleSet::bit(Role::whole)) != 0);
  CHECK((held & RoleSet::bit(Role::at_event)) == 0);
  std::vector<size_t> ends;
  for (size_t at = 0; at <= text.size(); ++at) {
    if (at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80) {
      ends.push_back(at);
    }
  }
  for (Role role : {Role::whole, Role::to_now, Role::same_period}) {
    std::string_view name = role_name(role);
    for (size_t from : ends) {
      for (size_t to : ends) {
        if (to < from) continue;
        CAPTURE(name);
        CAPTURE(from);
        CAPTURE(to);
        CHECK(RoleSet::contains(found, from, to, role) ==
              contains_word(std::string_view(text).substr(from, to - from), role));
      }
    }
  }
}

}  // namespace

TEST_CASE(
    "RoleSet reads a text in two steps as in one: find_before, then on from where it stopped") {
  // a word across the step (累计 where the first step ends inside it), words at the ends
  const std::string text = "全省累计派出专家,全省级医院同期派驻全市";
  const RoleSet asked{Role::whole, Role::to_now, Role::same_period};
  std::vector<RoleSet::Found> whole;
  uint64_t held = asked.find(text, 0, whole);
  for (size_t end = 0; end <= text.size(); ++end) {
    if (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) continue;
    CAPTURE(end);
    std::vector<RoleSet::Found> found;
    RoleSet::Read first = asked.find_before(text, end, 0, found);
    CHECK(first.stopped >= end);
    for (const RoleSet::Found& f : found) CHECK(f.start < first.stopped);
    std::string_view rest = std::string_view(text).substr(std::min(first.stopped, text.size()));
    RoleSet::Read second = asked.find_before(rest, rest.size(), first.stopped, found);
    CHECK((first.held | second.held) == held);
    REQUIRE(found.size() == whole.size());
    for (size_t i = 0; i < found.size(); ++i) {
      CHECK(found[i].start == whole[i].start);
      CHECK(found[i].end == whole[i].end);
      CHECK(found[i].role == whole[i].role);
      CHECK(found[i].before_level == whole[i].before_level);
    }
  }
}
