// The compiled form of OpenCC dictionaries behind convert.h (private to the library).
//
// A configuration (OpenCC's t2s.json, ...) is a ConfigSpec, generated from OpenCC's own JSON by
// data/dictionaries.cmake: a normalization chain run over the whole text first, an optional
// segmentation dictionary, and the conversion chain.
//
// A dictionary GROUP (OpenCC's "group" dict: the first dictionary with any match wins, with its
// longest matching key) becomes one Group. Its candidates are all keys of its dictionaries
// sorted by (first character, dictionary, longest key first), so for a character the first
// candidate that matches is OpenCC's answer. A page table from code point to a 32-bit Cell says
// what to do with each character without looking at candidates: copy it, write a value, or (for
// the few characters that start a multi-character key) try the candidates.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "utf8.h"
#include "zhreport/convert.h"

namespace zhreport::convert_detail {

// What to do with one character, in 32 bits. Zero (ignoring kInKey) = copy it.
//   plain cell:   (pool offset << kLengthBits) | value length — write that value instead
//   kSpecial set: low bits index Group::specials (a segmentation phrase or a multi-character
//                 key may start here)
struct Cell {
  static constexpr uint32_t kLengthBits = 6;
  static constexpr uint32_t kMaxLength = (1u << kLengthBits) - 1;
  static constexpr uint32_t kInKey = 1u << 31;  // occurs in some key of the configuration
  static constexpr uint32_t kSpecial = 1u << 30;
  static constexpr uint32_t kPayload = kSpecial - 1;

  static bool acts(uint32_t cell) { return (cell & ~kInKey) != 0; }
  static bool special(uint32_t cell) { return cell & kSpecial; }
  static size_t length(uint32_t cell) { return cell & kMaxLength; }
  static size_t offset(uint32_t cell) { return (cell & kPayload) >> kLengthBits; }
};

// Candidates for one starting character: Group::candidates[begin, end); empty = none.
struct Bucket {
  uint32_t begin = 0, end = 0;
  bool empty() const { return begin == end; }
};

inline uint64_t char_bit(char32_t cp) { return uint64_t(1) << ((cp * 0x9E3779B1u) >> 26); }

struct Special {
  uint32_t value = 0;  // a plain cell: the single-character value, if any
  Bucket segment;      // segmentation phrases starting here (Tables::segmenter)
  Bucket lookup;       // the group's keys starting here, when one is longer than a character
  // Second characters of the keys in `lookup` longer than one character, hashed to a bit: a
  // quick no when the text's next character starts none of them.
  uint64_t second_chars = 0;
  bool ids = false;         // an ideographic description operator (U+2FF0..2FFF): see ids_length()
  bool normalize = false;   // normalization would change it (run_chain[0] only): start over
  uint32_t fast_value = 0;  // the character alone, a Group::fast3 value where fast3 points here

  // Whether a key of `lookup` longer than one character may match at the character before p.
  bool may_follow(const char* p, const char* end) const {
    if (p >= end) return false;
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    const size_t len = std::min(utf8::sequence_length(*u), size_t(end - p));
    return may_follow_code(utf8::code_point(u, len));
  }
  // Whether a key of `lookup` longer than one character may go on with character `c`.
  bool may_follow_code(char32_t c) const { return (second_chars & char_bit(c)) != 0; }
};

// OpenCC 1.4's ideographic description sequences: where no key matches at an operator
// (⿰⿱…), the whole sequence it begins (⿰訁殳) is copied unconverted, if it is complete in
// [p, end) (at most 64 code points, nesting at most 16 deep); returns its length in bytes, or 0
// (then the operator is an ordinary character). `incomplete` tells whether more text could
// still complete it.
size_t ids_length(const char* p, const char* end, bool* incomplete = nullptr);
inline bool is_ids_operator(char32_t cp) { return cp >= 0x2FF0 && cp <= 0x2FFF; }

// Code point → 32-bit cell, as 256-entry pages; pages with nothing set share an all-zero page.
// CodePointView reads one, built at run time (CodePointTable) or compiled in (constant arrays).
class CodePointView {
 public:
  static constexpr char32_t kLimit = 0x110000;
  constexpr CodePointView() = default;
  constexpr CodePointView(const uint16_t* page_of, const uint32_t* cells)
      : page_of_(page_of), cells_(cells) {}
  uint32_t get(char32_t cp) const {
    if (cp >= kLimit) return 0;
    return cells_[(size_t(page_of_[cp >> 8]) << 8) | (cp & 0xFF)];
  }
  uint32_t get_bmp(char32_t cp) const {  // cp < 0x10000
    return cells_[(size_t(page_of_[cp >> 8]) << 8) | (cp & 0xFF)];
  }

 private:
  const uint16_t* page_of_ = nullptr;  // kLimit >> 8 entries
  const uint32_t* cells_ = nullptr;    // page 0 is the shared empty page
};

class CodePointTable {
 public:
  static constexpr char32_t kLimit = CodePointView::kLimit;
  CodePointTable() : page_of_(kLimit >> 8, 0), cells_(256) {}
  uint32_t get(char32_t cp) const { return view().get(cp); }
  uint32_t get_bmp(char32_t cp) const { return view().get_bmp(cp); }
  uint32_t& at(char32_t cp);
  CodePointView view() const { return {page_of_.data(), cells_.data()}; }
  const std::vector<uint16_t>& pages() const { return page_of_; }
  const std::vector<uint32_t>& cells() const { return cells_; }

 private:
  std::vector<uint16_t> page_of_;
  std::vector<uint32_t> cells_;
};

struct Item {
  char32_t start;  // first character of key
  uint32_t rank;   // position of its dictionary in the group
  std::string_view key;
  std::string_view value;  // the entry's first value (OpenCC's default)
  bool identity() const { return key == value; }
};

// Whether [p, p + key.size()) is `key`; inline, 8 bytes at a time (keys are short, and most
// candidates differ from the text within their first 8 bytes).
inline bool starts_with_key(const char* p, std::string_view key) {
  size_t i = 0;
  for (; i + 8 <= key.size(); i += 8) {
    uint64_t a, b;
    std::memcpy(&a, p + i, 8);
    std::memcpy(&b, key.data() + i, 8);
    if (a != b) return false;
  }
  for (; i < key.size(); ++i) {
    if (p[i] != key[i]) return false;
  }
  return true;
}

// The first candidate of `bucket` whose key is a prefix of [p, end).
inline const Item* match_bucket(std::span<const Item> candidates, Bucket bucket, const char* p,
                                const char* end) {
  const size_t room = size_t(end - p);
  for (uint32_t i = bucket.begin; i < bucket.end; ++i) {
    const std::string_view key = candidates[i].key;
    if (key.size() <= room && starts_with_key(p, key)) return &candidates[i];
  }
  return nullptr;
}

// A group as the conversion reads it: views of its tables, built at run time (GroupData) or
// compiled in (convert_tables_data.cpp, generated at build time by tools/convert_tables_gen).
struct Group {
  // Sorted by (start, rank, key length descending); compiled-in groups keep only those that
  // some Special::lookup refers to.
  std::span<const Item> candidates;
  size_t longest_key = 0;  // bytes
  CodePointView cells;
  std::span<const Special> specials;
  std::string_view pool;  // single-character values, padded so 8 bytes can always be read
  bool has_multichar_keys = false;
  bool ascii_inert = true;  // no ASCII character acts: skip ASCII without lookups
  // The fast path for three-byte characters (U+0800..FFFF, all of CJK), indexed by code point:
  // below kFastSpecial, a value: its three bytes (first byte lowest) = write them (its own bytes
  // when it is copied unchanged; one comparison tells a value); kFastSpecial | index of its
  // Special = a longer key may start here: unless Special::may_follow, do as Special::fast_value
  // says; kFastSlow = look at the cell. Empty: no fast path (normalization groups).
  static constexpr uint32_t kFastSpecial = 0x01000000, kFastSlow = 0xFF000000;
  std::span<const uint32_t> fast3;
};

// A group as it is built (owning its tables).
struct GroupData {
  std::vector<Item> candidates;
  size_t longest_key = 0;
  CodePointTable cells;
  std::vector<Special> specials;
  std::string pool;
  bool has_multichar_keys = false;
  bool ascii_inert = true;
  std::vector<uint32_t> fast3;
  Group view() const {
    return {candidates, longest_key,        cells.view(), specials,
            pool,       has_multichar_keys, ascii_inert,  fast3};
  }
};

// A configuration as OpenCC's JSON states it (generated: data/dictionaries.cmake).
struct DictSpec {
  std::string_view name;         // "TSPhrases"
  const std::string_view* text;  // embedded "key<TAB>value value..." lines, '#' comments
  bool tofu_risk;                // "may_output_tofu": left out unless asked for (rare forms)
};
using GroupSpec = std::vector<DictSpec>;  // OpenCC's short-circuit group: first dict with a match
struct ConfigSpec {
  std::string_view name;
  std::vector<GroupSpec> normalization;  // run over the whole text before segmentation
  const std::string_view* segmentation;  // null: none (the chain converts the whole text)
  std::vector<GroupSpec> chain;
};
const ConfigSpec& config_spec(Config config);
std::string_view opencc_version();

}  // namespace zhreport::convert_detail

namespace zhreport {

namespace convert_detail {
// The tables of a configuration as they are built (owning what Converter::Tables views).
struct TableData {
  std::vector<GroupData> normalization;
  std::vector<uint8_t> normalization_leads;
  std::vector<uint64_t> normalization_pairs;  // a bit per lead * 256 + second
  bool segmented = false;
  std::vector<Item> segmenter;
  std::deque<std::string> phrase_outputs;  // what segmenter values view (stable addresses)
  size_t longest_segment_key = 0;
  std::vector<GroupData> run_chain;
};
}  // namespace convert_detail

struct Converter::Tables {
  // OpenCC's normalization (CJK compatibility ideographs → unified ones), run over the whole text
  // when some character of it starts a key of these groups. For a quick scan: the lead bytes of
  // those characters, and their first two bytes (bit lead * 256 + second).
  std::vector<convert_detail::Group> normalization;
  std::span<const uint8_t> normalization_leads;
  std::span<const uint64_t> normalization_pairs;
  bool normalization_pair(unsigned lead, unsigned second) const {
    const size_t bit = lead * 256 + second;
    return normalization_pairs[bit / 64] >> (bit % 64) & 1;
  }
  // Whether the configuration segments (tw2s, hk2s, tw2sp; t2s converts the whole text).
  bool segmented = false;
  // OpenCC's segmentation dictionary (TSPhrases), each key's value replaced by the whole chain's
  // output for it: a matched phrase is a segment of its own, so its output is fixed. Its buckets
  // are referenced from the specials of run_chain[0].
  std::span<const convert_detail::Item> segmenter;
  size_t longest_segment_key = 0;  // bytes
  // The chain applied to the runs between phrases (to the whole text without segmentation).
  // Group 0 leaves out the segmentation dictionary: at every position of a run the segmenter found
  // none of its keys, so it cannot match there.
  std::vector<convert_detail::Group> run_chain;
  // What the views above point into when the tables were built at run time (rare forms); the
  // default configurations' tables are compiled in and own only their items (unpack_items).
  std::unique_ptr<const convert_detail::TableData> data;
  std::deque<std::vector<convert_detail::Item>> items;
};

namespace convert_detail {
// Builds the tables of a configuration from the embedded dictionaries, with the tofu-risk
// dictionaries or without.
void build_tables(Config config, bool rare_forms, TableData& tables);
// Converter::Tables viewing `data` (which it then owns).
void view_tables(std::unique_ptr<const TableData> data, Converter::Tables& tables);
// An Item compiled in: offsets into its configuration's text instead of pointers, which would
// each need a relocation (and dirty a page) at every start, for every configuration.
struct PackedItem {
  char32_t start;
  uint32_t rank;
  uint32_t key, key_size, value, value_size;
};
// The items of `packed` (offsets into `text`), kept in tables.items.
std::span<const Item> unpack_items(std::span<const PackedItem> packed, const char* text,
                                   Converter::Tables& tables);
// The compiled-in tables of a configuration without the rare forms (convert_tables_data.cpp,
// generated at build time from build_tables' result); false when this build has none.
bool prebuilt_tables(Config config, Converter::Tables& tables);

// For detect_script(): what a character says about the script (from TSCharacters).
enum ScriptEvidence : uint32_t { kNoEvidence = 0, kTraditional = 1, kSimplified = 2 };
const CodePointTable& script_evidence();
}  // namespace convert_detail

}  // namespace zhreport
