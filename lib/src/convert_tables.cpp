// Builds Converter::Tables from OpenCC's dictionaries, embedded as text at build time
// (data/dictionaries.cmake): one "key<TAB>value value..." line per entry, '#' lines comments. Keys
// and values stay views into the embedded text; only the page tables and the phrase outputs are
// allocated.
#include <algorithm>

#include "convert_tables.h"

namespace zhreport::embedded {
extern const std::string_view opencc_TSCharacters;  // for detect_script()
extern const std::string_view opencc_STCharacters;
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

using Texts = std::vector<std::string_view>;  // dictionary texts of a group, in group order

// Calls fn(key, values) for each "key<TAB>value value..." line (OpenCC's text dictionary: lines
// starting with '#' and empty lines are skipped, a CR before the LF is dropped).
template <typename Fn>
void for_each_line(std::string_view text, Fn fn) {
  while (!text.empty()) {
    size_t eol = text.find('\n');
    std::string_view line = text.substr(0, eol);
    text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
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

std::vector<Item> candidates_of(const Texts& dicts) {
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
Special& special_of(GroupData& group, char32_t cp) {
  uint32_t& cell = group.cells.at(cp);
  if (!Cell::special(cell)) {
    group.specials.push_back({cell & ~Cell::kInKey, {}, {}});
    cell = (cell & Cell::kInKey) | Cell::kSpecial | uint32_t(group.specials.size() - 1);
  }
  return group.specials[cell & Cell::kPayload];
}

GroupData compile_group(std::vector<Item> candidates) {
  GroupData group;
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
      Special& special = special_of(group, first->start);
      special.lookup = {uint32_t(first - all.begin()), uint32_t(last - all.begin())};
      special.second_chars = single && !fits ? ~uint64_t(0) : 0;
      for (auto c = first; c != last; ++c) {
        if (!is_single_char(c->key)) {
          special.second_chars |= char_bit(first_code_point(
              c->key.substr(utf8::sequence_length(static_cast<unsigned char>(c->key[0])))));
        }
      }
    }
    first = last;
  }
  group.pool.append(8, '\0');  // see Group::pool
  for (const Item& item : all) group.longest_key = std::max(group.longest_key, item.key.size());
  // OpenCC tries the dictionaries first and takes an operator's sequence whole only where no
  // key matches (no dictionary of 1.4.2 has a key with an operator in it).
  for (char32_t cp = 0x2FF0; cp <= 0x2FFF; ++cp) special_of(group, cp).ids = true;
  return group;
}

// The Group::fast3 entry of a plain cell of `cp`: a three-byte value (its own bytes when the cell
// copies it), else slow.
uint32_t fast_entry(const GroupData& group, uint32_t cell, char32_t cp) {
  if (!Cell::acts(cell)) {
    return (0xE0 | cp >> 12) | (0x80 | (cp >> 6 & 0x3F)) << 8 | (0x80 | (cp & 0x3F)) << 16;
  }
  if (Cell::special(cell) || Cell::length(cell) != 3) return Group::kFastSlow;
  const auto* value =
      reinterpret_cast<const unsigned char*>(group.pool.data() + Cell::offset(cell));
  if (utf8::sequence_length(value[0]) != 3) return Group::kFastSlow;
  return value[0] | uint32_t(value[1]) << 8 | uint32_t(value[2]) << 16;
}

// Group::fast3 from the cells (after every cell is final).
void compile_fast3(GroupData& group) {
  // Overlong forms and surrogates, which valid UTF-8 has not, go the slow way: copied as they are.
  group.fast3.assign(0x10000, Group::kFastSlow);
  for (char32_t cp = 0x800; cp < 0x10000; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    const uint32_t cell = group.cells.get_bmp(cp);
    uint32_t fast = Group::kFastSlow;
    if (!Cell::special(cell)) {
      fast = fast_entry(group, cell & ~Cell::kInKey, cp);
    } else {
      const uint32_t index = cell & Cell::kPayload;
      Special& special = group.specials[index];
      const uint32_t alone = fast_entry(group, special.value, cp);
      if (special.normalize || special.ids || alone == Group::kFastSlow) {
        fast = Group::kFastSlow;
      } else if (special.lookup.empty()) {
        fast = alone;
      } else if (special.second_chars != ~uint64_t(0) && index < (1u << 24)) {
        special.fast_value = alone;
        fast = Group::kFastSpecial | index;
      }
    }
    group.fast3[cp] = fast;
  }
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

void build_tables(Config config, bool rare_forms, TableData& tables) {
  const ConfigSpec& spec = config_spec(config);
  // OpenCC leaves out the "may_output_tofu" dictionaries unless asked for, and a group (a
  // conversion) left with none.
  auto texts_of = [&](const std::vector<GroupSpec>& groups) {
    std::vector<Texts> out;
    for (const GroupSpec& group : groups) {
      Texts texts;
      for (const DictSpec& dict : group) {
        if (!dict.tofu_risk || rare_forms) texts.push_back(*dict.text);
      }
      if (!texts.empty()) out.push_back(std::move(texts));
    }
    return out;
  };
  const std::vector<Texts> chain = texts_of(spec.chain);
  const std::vector<Texts> normalization = texts_of(spec.normalization);

  for (const Texts& texts : normalization) {
    tables.normalization.push_back(compile_group(candidates_of(texts)));
  }
  if (!tables.normalization.empty()) {
    tables.normalization_pairs.assign((1 << 16) / 64, 0);
    for (const Texts& texts : normalization) {
      for (std::string_view dict : texts) {
        for_each_entry(dict, [&](std::string_view key, std::string_view) {
          const auto lead = uint8_t(key[0]);
          const uint8_t second = key.size() > 1 ? uint8_t(key[1]) : 0;
          const size_t bit = lead * 256 + second;
          tables.normalization_pairs[bit / 64] |= uint64_t(1) << (bit % 64);
          auto& leads = tables.normalization_leads;
          if (std::find(leads.begin(), leads.end(), lead) == leads.end()) leads.push_back(lead);
        });
      }
    }
  }

  std::vector<std::vector<Item>> full_chain;
  for (const Texts& texts : chain) full_chain.push_back(candidates_of(texts));
  tables.segmented = spec.segmentation != nullptr;
  std::vector<Item> on_runs;
  if (!full_chain.empty()) on_runs = full_chain[0];
  if (tables.segmented) {
    // Group 0 on runs leaves out the segmentation dictionary (see Tables::run_chain); when the
    // group holds it, its candidates are the segmenter's, split off without parsing it again.
    const std::string_view segmentation = *spec.segmentation;
    const Texts& group0 = chain.empty() ? Texts{} : chain[0];
    auto in_group0 = std::find_if(group0.begin(), group0.end(), [&](std::string_view d) {
      return d.data() == segmentation.data();
    });
    if (in_group0 == group0.end()) {
      tables.segmenter = candidates_of({segmentation});
    } else {
      const uint32_t rank = uint32_t(in_group0 - group0.begin());
      on_runs.clear();
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
  }

  tables.run_chain.push_back(compile_group(std::move(on_runs)));
  for (size_t i = 1; i < chain.size(); ++i) {
    tables.run_chain.push_back(compile_group(std::move(full_chain[i])));
  }

  GroupData& first = tables.run_chain.front();
  const auto& phrases = tables.segmenter;
  for (size_t i = 0; i < phrases.size();) {
    Bucket bucket = bucket_of(phrases, phrases[i].start);
    special_of(first, phrases[i].start).segment = bucket;
    i = bucket.end;
  }
  if (tables.segmented) mark_key_characters(*spec.segmentation, first.cells);
  for (const std::vector<Texts>* texts : {&chain, &normalization}) {
    for (const Texts& group : *texts) {
      for (std::string_view dict : group) mark_key_characters(dict, first.cells);
    }
  }
  // A character normalization would change, met by the first pass over the raw text, makes the
  // conversion start over on the normalized text (convert.cpp).
  for (const Texts& texts : normalization) {
    for (std::string_view dict : texts) {
      for_each_entry(dict, [&](std::string_view key, std::string_view value) {
        if (key != value) special_of(first, first_code_point(key)).normalize = true;
      });
    }
  }
  // The fast path only where it pays: not for normalization, which runs on rare texts only
  // (its table would cost start-up page faults on every run).
  for (auto* groups : {&tables.run_chain, &tables.normalization}) {
    for (GroupData& group : *groups) {
      for (char32_t cp = 0; cp < 0x80; ++cp) group.ascii_inert &= !Cell::acts(group.cells.get(cp));
      if (groups == &tables.run_chain) compile_fast3(group);
    }
  }
}

void view_tables(std::unique_ptr<const TableData> data, Converter::Tables& tables) {
  for (const GroupData& group : data->normalization) tables.normalization.push_back(group.view());
  tables.normalization_leads = data->normalization_leads;
  tables.normalization_pairs = data->normalization_pairs;
  tables.segmented = data->segmented;
  tables.segmenter = data->segmenter;
  tables.longest_segment_key = data->longest_segment_key;
  for (const GroupData& group : data->run_chain) tables.run_chain.push_back(group.view());
  tables.data = std::move(data);
}

std::span<const Item> unpack_items(std::span<const PackedItem> packed, const char* text,
                                   Converter::Tables& tables) {
  std::vector<Item>& items = tables.items.emplace_back();
  items.reserve(packed.size());
  for (const PackedItem& p : packed) {
    items.push_back({p.start, p.rank, std::string_view(text + p.key, p.key_size),
                     std::string_view(text + p.value, p.value_size)});
  }
  return items;
}

size_t ids_length(const char* p, const char* end, bool* incomplete) {
  enum class Status { complete, incomplete, invalid };
  constexpr size_t kMaxDepth = 16, kMaxCodePoints = 64;
  size_t code_points = 0;
  // OpenCC's UTF8Util::ConsumeIdeographicDescriptionSequence.
  auto consume = [&](auto& self, const char* at, size_t depth_left, size_t& consumed) -> Status {
    if (at >= end) return Status::incomplete;
    if (depth_left == 0 || code_points >= kMaxCodePoints) return Status::invalid;
    const auto lead = static_cast<unsigned char>(*at);
    if ((lead & 0xC0) == 0x80 || lead >= 0xF8) return Status::invalid;
    const size_t len = utf8::sequence_length(lead);
    if (len > size_t(end - at)) return Status::incomplete;
    ++code_points;
    const char32_t cp = utf8::code_point(reinterpret_cast<const unsigned char*>(at), len);
    size_t arity = 0;
    if (is_ids_operator(cp)) arity = cp == 0x2FF2 || cp == 0x2FF3 ? 3 : cp >= 0x2FFE ? 1 : 2;
    size_t offset = len;
    for (size_t i = 0; i < arity; ++i) {
      size_t operand = 0;
      const Status status = self(self, at + offset, depth_left - 1, operand);
      if (status != Status::complete) return status;
      offset += operand;
    }
    consumed = offset;
    return Status::complete;
  };
  size_t consumed = 0;
  const Status status = consume(consume, p, kMaxDepth, consumed);
  if (incomplete) *incomplete = status == Status::incomplete;
  return status == Status::complete ? consumed : 0;
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
