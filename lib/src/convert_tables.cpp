// Builds Converter::Tables from OpenCC's dictionaries, embedded as text at build time
// (data/dictionaries.cmake): one "key<TAB>value value..." line per entry. Keys and values stay
// views into the embedded text; only the page tables and the phrase outputs are allocated.
#include <algorithm>

#include "convert_tables.h"

namespace zhreport::embedded {
extern const std::string_view opencc_TSPhrases;
extern const std::string_view opencc_TSCharacters;
extern const std::string_view opencc_STCharacters;  // only for detect_script()
extern const std::string_view opencc_TWVariantsRev;
extern const std::string_view opencc_TWVariantsRevPhrases;
extern const std::string_view opencc_HKVariantsRev;
extern const std::string_view opencc_HKVariantsRevPhrases;
extern const std::string_view opencc_TWPhrasesRev;
}  // namespace zhreport::embedded

namespace zhreport::convert_detail {

uint32_t& CodePointTable::at(char32_t cp) {
  uint16_t& page = page_of_[cp >> 8];
  if (page == 0) {
    page = uint16_t(cells_.size() >> 8);
    cells_.resize(cells_.size() + 256);
  }
  return cells_[(size_t(page) << 8) | (cp & 0xFF)];
}

namespace {

using GroupSpec = std::vector<std::string_view>;  // embedded dictionary texts, in group order

// OpenCC's /usr/share/opencc/*.json for the configurations we offer: every one segments with
// TSPhrases, then runs its conversion chain.
std::vector<GroupSpec> chain_of(Config config) {
  namespace e = zhreport::embedded;
  const GroupSpec to_simplified = {e::opencc_TSPhrases, e::opencc_TSCharacters};
  switch (config) {
    case Config::t2s:
      return {to_simplified};
    case Config::tw2s:
      return {{e::opencc_TWVariantsRevPhrases, e::opencc_TWVariantsRev}, to_simplified};
    case Config::hk2s:
      return {{e::opencc_HKVariantsRevPhrases, e::opencc_HKVariantsRev}, to_simplified};
    case Config::tw2sp:
      return {{e::opencc_TWPhrasesRev, e::opencc_TWVariantsRevPhrases, e::opencc_TWVariantsRev},
              to_simplified};
  }
  return {};
}

// Calls fn(key, values) for each "key<TAB>value value..." line.
template <typename Fn>
void for_each_line(std::string_view text, Fn fn) {
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) continue;
    fn(line.substr(0, tab), line.substr(tab + 1));
  }
}

// OpenCC converts with the first of a key's values.
template <typename Fn>
void for_each_entry(std::string_view text, Fn fn) {
  for_each_line(text, [&](std::string_view key, std::string_view values) {
    std::string_view first = values.substr(0, values.find(' '));
    if (!first.empty()) fn(key, first);
  });
}

bool values_include(std::string_view values, std::string_view key) {
  while (!values.empty()) {
    size_t space = values.find(' ');
    if (values.substr(0, space) == key) return true;
    values.remove_prefix(space == std::string_view::npos ? values.size() : space + 1);
  }
  return false;
}

char32_t first_code_point(std::string_view s) {
  auto p = reinterpret_cast<const unsigned char*>(s.data());
  return utf8::code_point(p, std::min(utf8::sequence_length(p[0]), s.size()));
}

bool is_single_char(std::string_view s) { return utf8::sequence_length(uint8_t(s[0])) == s.size(); }

void sort_candidates(std::vector<Item>& candidates) {
  std::sort(candidates.begin(), candidates.end(), [](const Item& a, const Item& b) {
    if (a.start != b.start) return a.start < b.start;
    if (a.rank != b.rank) return a.rank < b.rank;
    return a.key.size() > b.key.size();
  });
}

std::vector<Item> candidates_of(const GroupSpec& dicts) {
  std::vector<Item> candidates;
  for (uint32_t rank = 0; rank < dicts.size(); ++rank) {
    for_each_entry(dicts[rank], [&](std::string_view key, std::string_view value) {
      candidates.push_back({first_code_point(key), rank, key, value});
    });
  }
  sort_candidates(candidates);
  return candidates;
}

Bucket bucket_of(const std::vector<Item>& candidates, char32_t start) {
  auto [first, last] = std::equal_range(
      candidates.begin(), candidates.end(), start, [](const auto& a, const auto& b) {
        if constexpr (std::is_same_v<std::decay_t<decltype(a)>, Item>) {
          return a.start < b;
        } else {
          return a < b.start;
        }
      });
  return {uint32_t(first - candidates.begin()), uint32_t(last - candidates.begin())};
}

// OpenCC's conversion of one segment by one group, straight from the candidates (build time).
std::string convert_segment(const std::vector<Item>& candidates, std::string_view segment) {
  std::string out;
  const char* p = segment.data();
  const char* end = p + segment.size();
  while (p < end) {
    size_t len = std::min(utf8::sequence_length(uint8_t(*p)), size_t(end - p));
    char32_t cp = utf8::code_point(reinterpret_cast<const unsigned char*>(p), len);
    if (const Item* item = match_bucket(candidates, bucket_of(candidates, cp), p, end)) {
      out += item->value;
      p += item->key.size();
    } else {
      out.append(p, len);
      p += len;
    }
  }
  return out;
}

// The cell of a group's character, made special (if it is not yet) so it can carry buckets.
Special& special_of(Group& group, char32_t cp) {
  uint32_t& cell = group.cells.at(cp);
  if (!Cell::special(cell)) {
    group.specials.push_back({cell & ~Cell::kInKey, {}, {}});
    cell = (cell & Cell::kInKey) | Cell::kSpecial | uint32_t(group.specials.size() - 1);
  }
  return group.specials[cell & Cell::kPayload];
}

Group compile_group(std::vector<Item> candidates) {
  Group group;
  group.candidates = std::move(candidates);
  const auto& all = group.candidates;
  for (auto first = all.begin(); first != all.end();) {
    auto last =
        std::find_if(first, all.end(), [&](const Item& c) { return c.start != first->start; });
    const Item* single = nullptr;  // the first dictionary's entry for the character alone
    bool multichar = false;
    for (auto c = first; c != last; ++c) {
      if (!is_single_char(c->key)) {
        multichar = true;
      } else if (!single) {
        single = &*c;
      }
    }
    group.has_multichar_keys |= multichar;
    uint32_t plain = 0;
    bool fits = single && single->value.size() <= Cell::kMaxLength;
    if (fits && !single->identity()) {
      plain = uint32_t(group.pool.size() << Cell::kLengthBits) | uint32_t(single->value.size());
      group.pool += single->value;
    }
    group.cells.at(first->start) = plain;
    if (multichar || (single && !fits)) {
      special_of(group, first->start).lookup = {uint32_t(first - all.begin()),
                                                uint32_t(last - all.begin())};
    }
    first = last;
  }
  group.pool.append(8, '\0');  // see Group::pool
  return group;
}

void mark_key_characters(std::string_view dict, CodePointTable& cells) {
  for_each_entry(dict, [&](std::string_view key, std::string_view) {
    auto p = reinterpret_cast<const unsigned char*>(key.data());
    auto end = p + key.size();
    while (p < end) {
      size_t len = std::min(utf8::sequence_length(*p), size_t(end - p));
      char32_t cp = utf8::code_point(p, len);
      if (cp != utf8::kNoCodePoint) cells.at(cp) |= Cell::kInKey;
      p += len;
    }
  });
}

}  // namespace

void build_tables(Config config, Converter::Tables& tables) {
  const std::string_view segmentation = zhreport::embedded::opencc_TSPhrases;
  const std::vector<GroupSpec> chain = chain_of(config);
  std::vector<std::vector<Item>> full_chain;
  for (const GroupSpec& spec : chain) full_chain.push_back(candidates_of(spec));

  // Group 0 on runs leaves out the segmentation dictionary (see Tables::run_chain); when the
  // group holds it, its candidates are the segmenter's, split off without parsing it again.
  const auto& group0 = chain[0];
  auto in_group0 = std::find_if(group0.begin(), group0.end(), [&](std::string_view d) {
    return d.data() == segmentation.data();
  });
  std::vector<Item> on_runs;
  if (in_group0 == group0.end()) {
    on_runs = full_chain[0];
    tables.segmenter = candidates_of({segmentation});
  } else {
    const uint32_t rank = uint32_t(in_group0 - group0.begin());
    for (const Item& item : full_chain[0]) {
      (item.rank == rank ? tables.segmenter : on_runs).push_back(item);  // stays sorted
    }
  }

  // A phrase segment's output is fixed: its key through the whole chain.
  for (Item& phrase : tables.segmenter) {
    std::string out(phrase.key);
    for (const auto& group : full_chain) out = convert_segment(group, out);
    phrase.value = tables.phrase_outputs.emplace_back(std::move(out));
    tables.longest_segment_key = std::max(tables.longest_segment_key, phrase.key.size());
  }

  tables.run_chain.push_back(compile_group(std::move(on_runs)));
  for (size_t i = 1; i < chain.size(); ++i) {
    tables.run_chain.push_back(compile_group(std::move(full_chain[i])));
  }

  Group& first = tables.run_chain.front();
  const auto& phrases = tables.segmenter;
  for (size_t i = 0; i < phrases.size();) {
    Bucket bucket = bucket_of(phrases, phrases[i].start);
    special_of(first, phrases[i].start).segment = bucket;
    i = bucket.end;
  }
  mark_key_characters(segmentation, first.cells);
  for (const GroupSpec& spec : chain) {
    for (std::string_view dict : spec) mark_key_characters(dict, first.cells);
  }
  for (Group& group : tables.run_chain) {
    for (char32_t cp = 0; cp < 0x80; ++cp) group.ascii_inert &= !Cell::acts(group.cells.get(cp));
  }
  tables.fused = tables.run_chain.size() == 1 && !first.has_multichar_keys;
}

const CodePointTable& script_evidence() {
  // A character is evidence of a script only when the other direction always changes it: 医
  // (s2t gives only 醫) is Simplified, 醫 (t2s gives only 医) is Traditional, but 才 后 里 台,
  // which s2t may keep, are written in both scripts and say nothing.
  static const CodePointTable table = [] {
    CodePointTable evidence;
    auto mark = [&](std::string_view dict, uint32_t script) {
      for_each_line(dict, [&](std::string_view key, std::string_view values) {
        if (is_single_char(key) && !values_include(values, key)) {
          evidence.at(first_code_point(key)) = script;
        }
      });
    };
    mark(zhreport::embedded::opencc_TSCharacters, kTraditional);
    mark(zhreport::embedded::opencc_STCharacters, kSimplified);
    return evidence;
  }();
  return table;
}

}  // namespace zhreport::convert_detail
