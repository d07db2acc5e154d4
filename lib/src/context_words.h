// The words of data/context.tsv by role (aid, team, giver_before…), and the three questions the
// context rules ask of a text with them: does it contain, start with, or end with one.
//
//   if (contains_word(clause, Role::aid) && !ends_with_word(before, Role::no_side_before)) …
//
// A role is named in code by its enumerator, its words found by index: the rules ask hundreds of
// thousands of questions per megabyte, where looking a role up by its name cost more than most of
// the answers. contains_word looks at each character of the text once, against a bitmap of the
// first two bytes of the role's words, instead of searching the text once per word.
#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "document_text.h"
#include "three_byte_stops.h"

namespace zhreport::facts_detail {

// The roles of data/context.tsv (its header says what each means), sorted by name: one list
// gives both the enumerators and the names the table spells (context_words.cpp).
#define ZHREPORT_CONTEXT_ROLES(X) \
  X(abroad)                       \
  X(aid)                          \
  X(arrives)                      \
  X(at_event)                     \
  X(authority)                    \
  X(breakdown)                    \
  X(change_to)                    \
  X(completes)                    \
  X(continues)                    \
  X(country_receivers)            \
  X(county_institution)           \
  X(county_network)               \
  X(county_receivers)             \
  X(dateline)                     \
  X(event)                        \
  X(giver_after)                  \
  X(giver_before)                 \
  X(helped)                       \
  X(hospital)                     \
  X(institution)                  \
  X(joint)                        \
  X(lasting)                      \
  X(level_hospital)               \
  X(list_item)                    \
  X(located)                      \
  X(many_givers)                  \
  X(nation_gives)                 \
  X(nationwide)                   \
  X(no_side_after)                \
  X(no_side_before)               \
  X(origin)                       \
  X(own_area)                     \
  X(own_county)                   \
  X(own_institution)              \
  X(own_of_giver)                 \
  X(paper)                        \
  X(part)                         \
  X(partner)                      \
  X(past_team)                    \
  X(present)                      \
  X(programme_start)              \
  X(reports)                      \
  X(respectively)                 \
  X(result)                       \
  X(runs_to_now)                  \
  X(same_period)                  \
  X(seeks_care)                   \
  X(serves)                       \
  X(so_far)                       \
  X(speaks)                       \
  X(team)                         \
  X(this_team)                    \
  X(to_now)                       \
  X(toward)                       \
  X(townships)                    \
  X(undated)                      \
  X(units)                        \
  X(whole)                        \
  X(whole_year)                   \
  X(within)                       \
  X(year_column)                  \
  X(year_report)

enum class Role {
#define ZHREPORT_ROLE_ENUMERATOR(name) name,
  ZHREPORT_CONTEXT_ROLES(ZHREPORT_ROLE_ENUMERATOR)
#undef ZHREPORT_ROLE_ENUMERATOR
};

// The name of `role` in data/context.tsv (aid, team…); every row's role is one of them.
std::string_view role_name(Role role);

// The words of data/context.tsv with this role (static, in table order).
const std::vector<std::string_view>& words(Role role);

namespace words_detail {

// The bytes of the roles' words that starts_with_word, is_word and ends_with_word test a text by
// inline before comparing it with each word: asked hundreds of thousands of times per megabyte,
// most texts are ruled out by their first (last) two bytes, where a call cost more than the test.
// By the two bytes, a bit per role (role_bit): the roles asked of one text read one entry, and
// the entries of the texts' first two bytes (a lead byte and one of 64 seconds) lie together for
// all roles. (A bitmap per role put each role's few lines in the same cache sets as the other
// roles', 16 KB apart.) At a cache line's start: the 512 bytes of a lead byte's 64 seconds on 8
// lines, not 9.
struct RoleEnds {
  alignas(64) std::array<uint64_t, 0x10000> first_pairs{};  // of each word of two bytes or more
  alignas(64) std::array<uint64_t, 0x10000> last_pairs{};   // and of its last two
  uint64_t single_bytes = 0;  // of the roles with a word shorter than two bytes: compared plainly
};

#define ZHREPORT_ROLE_COUNT(name) +1
inline constexpr size_t kRoleCount = 0 ZHREPORT_CONTEXT_ROLES(ZHREPORT_ROLE_COUNT);
#undef ZHREPORT_ROLE_COUNT
static_assert(kRoleCount <= 64, "a role is a bit of RoleEnds' entries");

constexpr uint64_t role_bit(Role role) { return uint64_t{1} << static_cast<unsigned>(role); }

// Of the roles, zero until read with the roles' words from data/context.tsv: roles_read is set
// once they are (context_words.cpp). A flag rather than a guarded static here: the test inline is
// a load and a branch, and the calls after it tail calls.
extern RoleEnds role_ends;
extern std::atomic<bool> roles_read;

// The two bytes at s[at] as an index into RoleEnds' pairs (s.size() >= at + 2).
inline size_t pair_at(std::string_view s, size_t at) {
  return static_cast<size_t>(static_cast<unsigned char>(s[at])) << 8 |
         static_cast<unsigned char>(s[at + 1]);
}

// Whether the first (last) two bytes of `text` start (end) none of the role's words.
inline bool opens_none(std::string_view text, Role role) {
  return !(role_ends.single_bytes & role_bit(role)) &&
         (text.size() < 2 || !(role_ends.first_pairs[pair_at(text, 0)] & role_bit(role)));
}
inline bool closes_none(std::string_view text, Role role) {
  return !(role_ends.single_bytes & role_bit(role)) &&
         (text.size() < 2 ||
          !(role_ends.last_pairs[pair_at(text, text.size() - 2)] & role_bit(role)));
}

// The three questions whole, the roles read first where they are not yet.
bool starts_with_any(std::string_view text, Role role);
bool is_any(std::string_view text, Role role);
bool ends_with_any(std::string_view text, Role role);

// Reads the roles' words where they are not yet (the first question of a process).
void read_words();
// contains_word once the roles are read: its tail call, where the test of the read words in it
// took each call through the saving and restoring of six registers (31k calls a 3 MB bench).
bool contains_read(std::string_view haystack, Role role);

}  // namespace words_detail

inline bool contains_word(std::string_view haystack, Role role) {
  if (!words_detail::roles_read.load(std::memory_order_acquire)) words_detail::read_words();
  return words_detail::contains_read(haystack, role);
}

inline bool starts_with_word(std::string_view text, Role role) {
  if (words_detail::roles_read.load(std::memory_order_acquire) &&
      words_detail::opens_none(text, role)) {
    return false;
  }
  return words_detail::starts_with_any(text, role);
}

// Whether `text` is one of the role's words, whole (其中 alone before a comma).
inline bool is_word(std::string_view text, Role role) {
  if (words_detail::roles_read.load(std::memory_order_acquire) &&
      words_detail::opens_none(text, role)) {
    return false;
  }
  return words_detail::is_any(text, role);
}

inline bool ends_with_word(std::string_view text, Role role) {
  if (words_detail::roles_read.load(std::memory_order_acquire) &&
      words_detail::closes_none(text, role)) {
    return false;
  }
  return words_detail::ends_with_any(text, role);
}

// The words of a set of roles in a text, found in one scan for them all: the rules of a count
// ask has_word of a dozen roles over its clause, sentence or paragraph, one scan of the text per
// role and range; the words a paragraph holds, read once, answer those.
//
//   static const RoleSet asked{Role::same_period, Role::at_event};
//   std::vector<RoleSet::Found> found;
//   uint64_t held = asked.find(paragraph, 0, found);
//   if (!(held & RoleSet::bit(Role::at_event))) …  // no word of at_event in any part of it
//   RoleSet::contains(found, from, to, Role::at_event)  // == contains_word(paragraph range, …)
class RoleSet {
 public:
  RoleSet(std::initializer_list<Role> roles) : RoleSet(std::span(roles.begin(), roles.size())) {}
  explicit RoleSet(std::span<const Role> roles);
  static constexpr uint64_t bit(Role role) { return words_detail::role_bit(role); }
  bool has(Role role) const { return (roles_ & bit(role)) != 0; }
  // A word of the set in a text: its bytes, its role, and whether it ends with a division right
  // before 级 (全省 of 全省级医院), which contains_word passes over where its range holds the 级.
  struct Found {
    size_t start, end;
    Role role;
    bool before_level;
  };
  // Appends to `out` the words of the set in `text` (each word at each character, in order of
  // start, their bytes `offset` on) and returns the bits of their roles: where a role's bit is
  // clear, no part of `text` contains a word of it.
  uint64_t find(std::string_view text, size_t offset, std::vector<Found>& out) const {
    return find_before(text, text.size(), offset, out).held;
  }
  // find's words that start before `end` (at the start of a character of `text`; a word may end
  // past it), and where the scan stopped: at or past `end`, no word starting before it unread.
  // The rest of the text is read from there.
  struct Read {
    uint64_t held;
    size_t stopped;
  };
  Read find_before(std::string_view text, size_t end, size_t offset, std::vector<Found>& out) const;
  // contains_word(text.substr(from, to - from), role), from `found`: find's words of the text
  // that holds [from, to), `from` at the start of a character.
  static bool contains(std::span<const Found> found, size_t from, size_t to, Role role);

 private:
  uint64_t roles_ = 0;
  text::ThreeByteStops first_chars_;  // of the words: the scan passes every other character
  // of their first two: and most of those it stops at (a bitmap of 16 K bits rather than 64 K,
  // 32 lines read per report where the hashed bits spread over 128, measured: D1 misses -5 K,
  // +0.05 M instructions and +2.7 K mispredicts on b3 for the pairs passed that are none)
  text::ThreeBytePairs pairs_;
  text::CharIndex<Role> words_;  // by their first character
};

struct RoleWords;  // a role's words and the bitmaps of their bytes (context_words.cpp)

// contains_word asked again and again of one text, of ranges that start at the same places (a
// count's sentence or paragraph up to the count, for each count of it): the answer is kept per
// start and role, and a longer range is scanned only past where the last one ended.
//
//   WordSearches searches(text);
//   searches.contains(from, to, Role::at_event)  // == contains_word(text.substr(from, to - from),
//   …)
class WordSearches {
 public:
  explicit WordSearches(std::string_view text) : text_(text) {}
  // `from` at the start of a character, from <= to <= the text's size.
  bool contains(size_t from, size_t to, Role role);

 private:
  struct Known {
    size_t to;   // the range scanned: [from, to)
    bool found;  // whether a word lies in it
  };
  std::string_view text_;
  // Known per start and role: the slot of (from, role) in known_ (a probe or two in a flat table,
  // where a node-based map allocated for each new start).
  text::KeySlots slots_;
  std::vector<Known> known_;
};

}  // namespace zhreport::facts_detail
