#include "context_words.h"

#include <algorithm>
#include <bitset>
#include <deque>
#include <string>

#include "document_text.h"
#include "three_byte_stops.h"
#include "utf8.h"

namespace zhreport {
namespace embedded {
extern const std::string_view context_tsv;
}  // namespace embedded

namespace facts_detail {

struct Role {
  std::string_view name;
  std::vector<std::string_view> words;
  std::bitset<0x10000> pairs;       // the first two bytes of each word of two bytes or more
  std::bitset<0x10000> last_pairs;  // and its last two
  // The first characters of the words that start with a three-byte character (all of CJK): the
  // scan of contains_word passes every other such character without a look at the words.
  text::ThreeByteStops first_chars;
  bool single_bytes = false;  // a word shorter than two bytes: searched for the plain way
  size_t longest = 0;         // bytes of its longest word
};

namespace {

// The two bytes at s[at] as an index into Role::pairs (s.size() >= at + 2).
size_t pair_at(std::string_view s, size_t at) {
  return static_cast<size_t>(static_cast<unsigned char>(s[at])) << 8 |
         static_cast<unsigned char>(s[at + 1]);
}

// The roles by name, in an open-addressed table at most a quarter full, hashed on the name's
// size and three of its bytes: the names are few and short, and a role is looked up per place
// and per fact, where hashing every byte of the name cost more than the search it served.
class Roles {
 public:
  Roles() {
    for (const auto& row : text::tsv_rows(embedded::context_tsv)) {
      if (row.size() < 2) continue;
      Role* role = nullptr;
      for (Role& r : roles_) role = r.name == row[0] ? &r : role;
      if (!role) role = &roles_.emplace_back(Role{row[0], {}, {}, {}, {}, false, 0});
      role->words.push_back(row[1]);
      role->longest = std::max(role->longest, row[1].size());
      if (row[1].size() < 2) {
        role->single_bytes = true;
      } else {
        role->pairs.set(pair_at(row[1], 0));
        if (utf8::sequence_length(static_cast<unsigned char>(row[1][0])) == 3) {
          role->first_chars.add(text::code_point_at(row[1], 0));
        }
        role->last_pairs.set(pair_at(row[1], row[1].size() - 2));
      }
    }
    size_t size = 16;
    while (size < roles_.size() * 4) size *= 2;
    slots_.assign(size, nullptr);
    for (const Role& r : roles_) slots_[slot(r.name)] = &r;
  }
  const Role& find(std::string_view name) const {
    const Role* r = slots_[slot(name)];
    return r ? *r : none_;
  }

 private:
  // The slot of `name`: its own, or the empty one where it would go.
  size_t slot(std::string_view name) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = hash(name) & mask;; i = (i + 1) & mask) {
      if (!slots_[i] || slots_[i]->name == name) return i;
    }
  }
  static size_t hash(std::string_view s) {
    if (s.empty()) return 0;
    auto byte = [&](size_t i) { return static_cast<size_t>(static_cast<unsigned char>(s[i])); };
    return s.size() * 961 + byte(0) * 31 + byte(s.size() / 2) * 7 + byte(s.size() - 1);
  }
  std::deque<Role> roles_;  // stable addresses
  std::vector<const Role*> slots_;
  Role none_;
};

const Role& role_of(std::string_view name) {
  static const Roles roles;
  return roles.find(name);
}

// contains_word with the role looked up (WordSearches has it already).
bool contains_role_word(std::string_view haystack, const Role& role) {
  if (role.single_bytes) {
    return std::any_of(role.words.begin(), role.words.end(),
                       [&](std::string_view w) { return text::contains(haystack, w); });
  }
  const auto* u = reinterpret_cast<const unsigned char*>(haystack.data());
  const size_t n = haystack.size();
  for (size_t p = 0; p + 1 < n;) {
    // A three-byte character that starts no word is passed in a tight loop; the pairs then
    // rule out most characters of other lengths.
    p = role.first_chars.skip(haystack, p);
    if (p + 1 >= n) break;
    if (role.pairs[pair_at(haystack, p)]) {
      std::string_view rest = haystack.substr(p);
      for (std::string_view w : role.words) {
        if (rest.starts_with(w)) return true;
      }
    }
    // Past the character whole (the text is valid UTF-8, decode.h): no word starts with a
    // continuation byte.
    p += utf8::sequence_length(u[p]);
  }
  return false;
}

}  // namespace

const std::vector<std::string_view>& words(std::string_view role) { return role_of(role).words; }

bool contains_word(std::string_view haystack, std::string_view role) {
  return contains_role_word(haystack, role_of(role));
}

// The two questions are asked per place and per fact: a text whose first (last) two bytes
// start (end) none of the words is answered without comparing it with each.
bool starts_with_word(std::string_view text, std::string_view role) {
  const Role& r = role_of(role);
  if (!r.single_bytes && (text.size() < 2 || !r.pairs[pair_at(text, 0)])) return false;
  return std::any_of(r.words.begin(), r.words.end(),
                     [&](std::string_view w) { return text.starts_with(w); });
}

bool ends_with_word(std::string_view text, std::string_view role) {
  const Role& r = role_of(role);
  if (!r.single_bytes && (text.size() < 2 || !r.last_pairs[pair_at(text, text.size() - 2)])) {
    return false;
  }
  return std::any_of(r.words.begin(), r.words.end(),
                     [&](std::string_view w) { return text.ends_with(w); });
}

bool WordSearches::contains(size_t from, size_t to, std::string_view name) {
  const Role& role = role_of(name);
  auto [it, first] = known_.try_emplace(Start{&role, from}, Known{from, false});
  Known& known = it->second;
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
  bool found = contains_role_word(text_.substr(back, to - back), role);
  if (to >= known.to) known = {to, found};
  return found;
}

}  // namespace facts_detail
}  // namespace zhreport
