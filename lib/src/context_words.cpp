#include "context_words.h"

#include <algorithm>
#include <bitset>
#include <memory>
#include <string>
#include <unordered_map>

#include "document_text.h"
#include "utf8.h"

namespace zhreport {
namespace embedded {
extern const std::string_view context_tsv;
}  // namespace embedded

namespace facts_detail {
namespace {

struct Role {
  std::vector<std::string_view> words;
  std::bitset<0x10000> pairs;  // the first two bytes of each word of two bytes or more
  bool single_bytes = false;   // a word shorter than two bytes: searched for the plain way
};

const Role& role_of(std::string_view name) {
  static const auto table = [] {
    std::unordered_map<std::string_view, std::unique_ptr<Role>> out;
    for (const auto& row : text::tsv_rows(embedded::context_tsv)) {
      if (row.size() < 2) continue;
      auto& role = out[row[0]];
      if (!role) role = std::make_unique<Role>();
      role->words.push_back(row[1]);
      if (row[1].size() < 2) {
        role->single_bytes = true;
      } else {
        role->pairs.set(static_cast<unsigned char>(row[1][0]) << 8 |
                        static_cast<unsigned char>(row[1][1]));
      }
    }
    return out;
  }();
  static const Role none;
  auto it = table.find(name);
  return it == table.end() ? none : *it->second;
}

}  // namespace

const std::vector<std::string_view>& words(std::string_view role) { return role_of(role).words; }

bool contains_word(std::string_view haystack, std::string_view name) {
  const Role& role = role_of(name);
  if (role.single_bytes) {
    return std::any_of(role.words.begin(), role.words.end(),
                       [&](std::string_view w) { return text::contains(haystack, w); });
  }
  const auto* u = reinterpret_cast<const unsigned char*>(haystack.data());
  const size_t n = haystack.size();
  for (size_t p = 0; p + 1 < n;) {
    if (role.pairs[u[p] << 8 | u[p + 1]]) {
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

bool starts_with_word(std::string_view text, std::string_view role) {
  const auto& list = words(role);
  return std::any_of(list.begin(), list.end(),
                     [&](std::string_view w) { return text.starts_with(w); });
}

bool ends_with_word(std::string_view text, std::string_view role) {
  const auto& list = words(role);
  return std::any_of(list.begin(), list.end(),
                     [&](std::string_view w) { return text.ends_with(w); });
}

}  // namespace facts_detail
}  // namespace zhreport
