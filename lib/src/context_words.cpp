#include "context_words.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <iterator>
#include <string>

#include "document_text.h"
#include "three_byte_stops.h"
#include "utf8.h"

namespace zhreport {
namespace embedded {
extern const std::string_view context_tsv;
}  // namespace embedded

namespace facts_detail {

struct RoleWords {
  std::vector<std::string_view> words;
  // The first characters of the words that start with a three-byte character (all of CJK): the
  // scan of contains_word passes every other such character, and the ASCII characters no word
  // starts with, without a look at the words.
  text::ThreeByteStops first_chars;
  // The same characters by code point: starts_with_word's test of a text's first character,
  // which rules out what the pairs cannot (a CJK lead byte and a second byte open 64 characters).
  std::bitset<0x10000> first_points;
  size_t longest = 0;  // bytes of its longest word
};

namespace {

// The names of the roles in data/context.tsv, in the order of Role.
constexpr std::string_view kRoleNames[] = {
#define ZHREPORT_ROLE_NAME(name) #name,
    ZHREPORT_CONTEXT_ROLES(ZHREPORT_ROLE_NAME)
#undef ZHREPORT_ROLE_NAME
};
constexpr size_t kRoles = std::size(kRoleNames);
static_assert(std::is_sorted(std::begin(kRoleNames), std::end(kRoleNames)),
              "roles are listed by name, as the header of data/context.tsv lists them");

using words_detail::pair_at;
using words_detail::role_ends;
static_assert(kRoles == words_detail::kRoleCount);

// The roles, read once. In static storage and zero until read, the tables of their scans (3 MB,
// ThreeByteStops') take no clearing at the start; constant-initialized at namespace scope, they
// take no guard of their own either: role_words() and the inline tests of context_words.h,
// asked a few hundred thousand times per megabyte, test words_detail::roles_read.
constinit std::array<RoleWords, kRoles> roles;

// The words of each role from data/context.tsv (a row of a role not in kRoleNames is not read:
// tests/context_test.cpp checks that there is none).
void read_roles() {
  std::vector<std::bitset<0x80>> ascii_first(kRoles);  // the ASCII bytes a word starts with
  for (const auto& row : text::tsv_rows(embedded::context_tsv)) {
    if (row.size() < 2) continue;
    const auto* name = std::find(std::begin(kRoleNames), std::end(kRoleNames), row[0]);
    if (name == std::end(kRoleNames)) continue;
    const auto index = static_cast<size_t>(name - std::begin(kRoleNames));
    RoleWords& r = roles[index];
    const uint64_t bit = words_detail::role_bit(static_cast<Role>(index));
    r.words.push_back(row[1]);
    r.longest = std::max(r.longest, row[1].size());
    if (row[1].size() < 2) {
      role_ends.single_bytes |= bit;
    } else {
      role_ends.first_pairs[pair_at(row[1], 0)] |= bit;
      const auto first = static_cast<unsigned char>(row[1][0]);
      if (utf8::sequence_length(first) == 3) {
        r.first_chars.add(text::code_point_at(row[1], 0));
        r.first_points.set(text::code_point_at(row[1], 0));
      }
      if (first < 0x80) ascii_first[index].set(first);
      role_ends.last_pairs[pair_at(row[1], row[1].size() - 2)] |= bit;
    }
  }
  for (size_t i = 0; i < kRoles; ++i) {
    roles[i].first_chars.pass_ascii(
        [&](char c) { return !ascii_first[i].test(static_cast<unsigned char>(c)); });
  }
}

const RoleWords& role_words(Role role) {
  if (!words_detail::roles_read.load(std::memory_order_acquire)) {
    static const bool read =
        (read_roles(), words_detail::roles_read.store(true, std::memory_order_release), true);
    (void)read;
  }
  return roles[static_cast<size_t>(role)];
}

// A word ending with a division (省市, 全省) right before 级 names the level of the institutions
// that follow (东部地区省市级医院, 县级医院), not the divisions themselves.
bool names_level(std::string_view word, std::string_view after) {
  if (!after.starts_with("级") || word.empty()) return false;
  static constexpr std::u32string_view kDivisions = U"省市县区州乡镇";
  char32_t last = text::code_point_at(word, text::previous_char(word, word.size()));
  return kDivisions.find(last) != kDivisions.npos;
}

// contains_word with the role looked up (WordSearches has it already).
bool contains_role_word(std::string_view haystack, const RoleWords& role, uint64_t bit) {
  if (role_ends.single_bytes & bit) {
    return std::any_of(role.words.begin(), role.words.end(),
                       [&](std::string_view w) { return text::contains(haystack, w); });
  }
  const auto* u = reinterpret_cast<const unsigned char*>(haystack.data());
  const size_t n = haystack.size();
  text::ThreeByteStops::Scan scan(role.first_chars, haystack);
  for (size_t p = 0; p + 1 < n;) {
    // A three-byte or ASCII character that starts no word is passed in a tight loop; the pairs
    // then rule out most characters of other lengths.
    p = scan.skip(p);
    if (p + 1 >= n) break;
    if (role_ends.first_pairs[pair_at(haystack, p)] & bit) {
      std::string_view rest = haystack.substr(p);
      for (std::string_view w : role.words) {
        if (text::starts_with(rest, w) && !names_level(w, rest.substr(w.size()))) return true;
      }
    }
    // Past the character whole (the text is valid UTF-8, decode.h): no word starts with a
    // continuation byte.
    p += utf8::sequence_length(u[p]);
  }
  return false;
}

}  // namespace

namespace words_detail {

constinit RoleEnds role_ends;
constinit std::atomic<bool> roles_read{false};

// The three questions past the test of a text's first (last) two bytes inline (context_words.h),
// which the roles read answer here: a text that passed it is compared with each word.
bool starts_with_any(std::string_view text, Role role) {
  const RoleWords& r = role_words(role);
  if (opens_none(text, role)) return false;
  // (a three-byte character that opens no word: a word of two bytes or more that opened with
  // it would open with its three bytes)
  bool three = text.size() >= 3 && utf8::sequence_length(static_cast<unsigned char>(text[0])) == 3;
  if (!(role_ends.single_bytes & role_bit(role)) && three &&
      !r.first_points[text::code_point_at(text, 0)]) {
    return false;
  }
  return std::any_of(r.words.begin(), r.words.end(),
                     [&](std::string_view w) { return text::starts_with(text, w); });
}

bool is_any(std::string_view text, Role role) {
  const RoleWords& r = role_words(role);
  if (opens_none(text, role)) return false;
  return std::find(r.words.begin(), r.words.end(), text) != r.words.end();
}

bool ends_with_any(std::string_view text, Role role) {
  const RoleWords& r = role_words(role);
  if (closes_none(text, role)) return false;
  return std::any_of(r.words.begin(), r.words.end(),
                     [&](std::string_view w) { return text.ends_with(w); });
}

}  // namespace words_detail

std::string_view role_name(Role role) { return kRoleNames[static_cast<size_t>(role)]; }

const std::vector<std::string_view>& words(Role role) { return role_words(role).words; }

namespace words_detail {

void read_words() { (void)role_words(Role::abroad); }

bool contains_read(std::string_view haystack, Role role) {
  return contains_role_word(haystack, roles[static_cast<size_t>(role)], role_bit(role));
}

}  // namespace words_detail

RoleSet::RoleSet(std::span<const Role> roles) {
  static_assert(kRoles < 64, "a role is a bit of a mask");
  std::bitset<0x80> ascii_first;  // the ASCII bytes a word starts with
  for (Role role : roles) {
    roles_ |= bit(role);
    for (std::string_view w : words(role)) {
      if (w.empty()) continue;
      words_.add(w, role);
      char32_t first = text::code_point_at(w, 0);
      first_chars_.add(first);
      pairs_.add_start(w);
      if (static_cast<unsigned char>(w[0]) < 0x80)
        ascii_first.set(static_cast<unsigned char>(w[0]));
    }
  }
  first_chars_.pass_ascii([&](char c) { return !ascii_first.test(static_cast<unsigned char>(c)); });
}

RoleSet::Read RoleSet::find_before(std::string_view text, size_t end, size_t offset,
                                   std::vector<Found>& out) const {
  uint64_t held = 0;
  text::ThreeByteStops::Scan scan(first_chars_, text);
  size_t p = scan.skip(0);
  for (; p < end; p = scan.skip(p)) {
    if (!pairs_.may_start(text, p)) {
      p += 3;  // (a three-byte character)
      continue;
    }
    if (const auto* starting = words_.find(text::code_point_at(text, p))) {
      std::string_view rest = text.substr(p);
      for (const auto& [w, role] : *starting) {
        if (!text::starts_with(rest, w)) continue;
        held |= bit(role);
        bool level = names_level(w, rest.substr(w.size()));
        out.push_back({offset + p, offset + p + w.size(), role, level});
      }
    }
    p = text::next_char(text, p);
  }
  return {held, p};
}

bool RoleSet::contains(std::span<const Found> found, size_t from, size_t to, Role role) {
  auto w = std::partition_point(found.begin(), found.end(),
                                [&](const Found& f) { return f.start < from; });
  constexpr size_t kLevel = std::string_view("级").size();
  for (; w != found.end() && w->start < to; ++w) {
    // (a word whose 级 lies in the range names a level: names_level)
    bool level = w->before_level && w->end + kLevel <= to;
    if (w->role == role && w->end <= to && !level) return true;
  }
  return false;
}

bool WordSearches::contains(size_t from, size_t to, Role name) {
  const RoleWords& role = role_words(name);
  static_assert(kRoles <= 64, "a role takes the low six bits of a slot's key");
  const uint32_t slot = slots_.insert(uint64_t{from} << 6 | static_cast<uint64_t>(name));
  const bool first = slot == known_.size();
  if (first) known_.push_back(Known{from, false});
  Known& known = known_[slot];
  if (!first && to <= known.to) {
    if (!known.found) return false;  // nothing in a range that holds this one
  } else if (!first && known.found) {
    return true;  // the word found lies in this longer range too
  }
  // Scanned: from the start, or far enough before the end of the last scan that a word
  // ending past it is seen whole, at the start of a character.
  size_t back = from;
  if (!first && to > known.to && known.to - from >= role.longest) {
    back = known.to - role.longest + 1;
    while (back > from && (static_cast<unsigned char>(text_[back]) & 0xC0) == 0x80) --back;
  }
  bool found =
      contains_role_word(text_.substr(back, to - back), role, words_detail::role_bit(name));
  if (to >= known.to) known = {to, found};
  return found;
}

}  // namespace facts_detail
}  // namespace zhreport
