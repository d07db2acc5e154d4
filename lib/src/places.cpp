// places.h: the place tables, read once from the embedded TSV, and one scan of a text for them.
#include "zhreport/places.h"

#include <algorithm>
#include <array>
#include <bit>
#include <bitset>
#include <cstdint>
#include <cstring>
#include <deque>
#include <iterator>
#include <new>
#include <string>
#include <unordered_map>
#include <utility>

#include "document_text.h"
#include "three_byte_stops.h"

namespace zhreport {

namespace embedded {
extern const std::string_view places_tsv;
extern const std::string_view countries_tsv;
extern const std::string_view programmes_tsv;
extern const std::string_view nonplaces_tsv;
extern const std::string_view institutions_tsv;
}  // namespace embedded

namespace {

using How = PlaceMention::How;

constexpr std::string_view kNational = "全国";
constexpr std::string_view kAid = "援";
constexpr std::string_view kDistrict = "区", kArea = "域";  // 区域: a region
// Characters that end a word with 援 (支援, 救援…): 援 after them starts no programme. Not 后,
// 求, 应: 先后援疆, 要求援藏, 响应援青 are programmes.
constexpr std::u32string_view kAidWordLeads = U"支救增声驰外";

// What a string of the index names: a place (how), or no place at all (place == nullptr).
struct Word {
  const Place* place = nullptr;
  How how = How::official;
  bool after_parent = false;  // only right after its prefecture or province (礼县: `after`)
};

// Eight bytes as memcpy reads them into a number, in the machine's order (Tables' masks).
constexpr uint64_t bytes(std::array<unsigned char, 8> b) { return std::bit_cast<uint64_t>(b); }

PlaceLevel level_of(std::string_view name, std::string_view province, std::string_view level) {
  if (level == "country") return PlaceLevel::country;
  if (name == province) return PlaceLevel::province;
  static constexpr std::string_view kCounty[] = {
      "county", "autonomous_county", "county_city", "district", "banner", "autonomous_banner"};
  if (std::find(std::begin(kCounty), std::end(kCounty), level) != std::end(kCounty)) {
    return PlaceLevel::county;
  }
  return PlaceLevel::prefecture;
}

// Which of two places a shared string means: the higher level (province over prefecture over
// county), countries last.
int rank(PlaceLevel level) {
  switch (level) {
    case PlaceLevel::province:
      return 0;
    case PlaceLevel::prefecture:
      return 1;
    case PlaceLevel::county:
      return 2;
    case PlaceLevel::country:
      return 3;
  }
  return 4;
}

class Tables {
 public:
  Tables() {
    // Room for the places of the tables (~3,300 rows): the map is not rehashed while they are read.
    by_name_.reserve(4096);
    pending_.reserve(8192);  // their names and short forms
    // The generated country rows: name, then every spelling matched (comma-separated).
    text::for_each_tsv_row(embedded::countries_tsv, [&](const auto& row) {
      if (row.size() < 2) return;
      const Place* p = add_place({row[0], {}, row[0], PlaceLevel::country});
      if (!p) return;
      text::for_each_part(row[1], ',', [&](std::string_view spelling) {
        add_word(spelling, p, spelling == p->name ? How::official : How::short_name);
      });
    });
    // name, province, level, short forms (comma-separated; '-': none), prefecture (counties).
    text::for_each_tsv_row(embedded::places_tsv, [&](const auto& row) {
      if (row.size() < 4) return;
      std::string_view prefecture = row.size() > 4 && row[4] != "-" ? row[4] : std::string_view();
      bool after = row.size() > 5 && row[5] == "after";
      const Place* p =
          add_place({row[0], prefecture, row[1], level_of(row[0], row[1], row[2])}, after);
      if (!p) return;
      add_word(p->name, p, How::official, after);
      text::for_each_part(row[3], ',', [&](std::string_view spelling) {
        if (spelling != "-") add_word(spelling, p, How::short_name);
      });
    });
    for (Place& p : places_) p.abroad = is_foreign(&p);
    // Each name, a prefecture's and a province's too, is a view of one copy, its first place's
    // name (same_name: the resolver compares places' names by pointer, ~30 K times on 3 MB); a
    // homonym's is set by add_place; a prefecture or province no row names has one copy too.
    std::unordered_map<std::string_view, std::string_view> unnamed;
    for (Place& p : places_) {
      for (std::string_view* name : {&p.prefecture, &p.province}) {
        if (name->empty()) continue;
        const Place* first = find(*name);
        *name = first ? first->name : unnamed.try_emplace(*name, *name).first->second;
      }
    }
    for (const auto& [name, place] : by_name_) {
      if (place->abroad) initials_.set(text::code_point_at(name, 0) & 0xFFFF);
    }
    // abbreviation, official name ('-': a word that names no place).
    text::for_each_tsv_row(embedded::programmes_tsv, [&](const auto& row) {
      if (row.size() < 2) return;
      const Place* p = row[1] == "-" ? nullptr : find(row[1]);
      if (p || row[1] == "-") add_word(row[0], p, How::programme);
    });
    text::for_each_tsv_row(embedded::nonplaces_tsv, [&](const auto& row) {
      if (!row.empty()) add_word(row[0], nullptr, How::official);
    });
    // name, city, province ('-': the name is one hospital's; else a name several share, left to
    // resolve_institution), note.
    text::for_each_tsv_row(embedded::institutions_tsv, [&](const auto& row) {
      const Place* city = row.size() < 3 ? nullptr : find(row[1]);
      if (!city) return;
      if (row[2] == "-") {
        add_word(row[0], city, How::institution);
      } else {
        shared_.push_back({row[0], city, row[2]});
        add_word(row[0], nullptr, How::institution);
      }
    });
    build_index();
    for (Place& p : places_) p.plain_name = p.level == PlaceLevel::country && !reads_as_place(p);
  }

  const Place* find(std::string_view name) const {
    auto it = by_name_.find(name);
    return it == by_name_.end() ? nullptr : it->second;
  }
  // The divisions of a name several share (西湖区: 杭州市's, 南昌市's), in the table's order;
  // empty for any other name.
  const std::vector<const Place*>& homonyms(std::string_view name) const {
    auto it = homonym_group_.find(name);
    return it == homonym_group_.end() ? kNoHomonyms : homonyms_[it->second];
  }
  // Place::abroad, read once per place when the tables are.
  bool is_foreign(const Place* p) const {
    if (p->level == PlaceLevel::country) return true;
    const Place* top = p->province == p->name ? nullptr : find(p->province);
    return top && top->level == PlaceLevel::country;
  }
  bool is_initial(char32_t c) const { return initials_.test(c & 0xFFFF); }
  // Whether a place's official name, read alone, is a word of the index that names a place (not
  // 中非, China–Africa: data/programmes.tsv). Asked once per country, for Place::plain_name.
  bool reads_as_place(const Place& p) const {
    auto [word, length] = match(p.name, 0);
    return word && word->place && word->how != How::programme;
  }

  // A hospital of a name several hospitals share (协和医院): its city, and the province a report
  // must name for the name to stand for it.
  struct SharedName {
    std::string_view name;
    const Place* city;
    std::string_view province;
  };
  const std::vector<SharedName>& shared_names() const { return shared_; }

  using Candidates = std::vector<text::WordIndex<Word>::Entry>;
  // The words of the tables that start with these two characters (longest first), or nullptr.
  const Candidates* candidates_of(char32_t first, char32_t second) const {
    return index_.candidates_of(first, second);
  }
  // Where skip() stopped at two three-byte characters that start words of the tables, or at 援
  // before a three-byte character: their words, looked up by their six bytes (not decoded), for
  // the caller; else nothing (the caller decodes the characters).
  struct Stop {
    const Candidates* words = nullptr;
    bool aid = false;
  };
  // Past the characters that start no word of the tables and are not 援: the first position
  // from `pos` that may start one, holds 援, or is too near the end for the test. A
  // three-byte character (all of CJK) followed by another is passed by its last two bytes and
  // the last byte of the next (first_seconds_: nine of ten characters of a report, two a round,
  // in the loop rather than each by a return from it); one that may start a word is then looked
  // up with the next by their six bytes as they stand in the text (by_pair_), not decoded, and
  // `stop` receives its words. One before an ASCII character is passed by its last two bytes
  // (before_ascii_), as is a run of ASCII characters no word starts with (a number, a date). The
  // caller decodes the other characters stopped at: a character of another lead byte with the
  // same last bytes stops the scan too.
  size_t skip(std::string_view s, size_t pos, Stop& stop) const {
    const auto* u = reinterpret_cast<const unsigned char*>(s.data());
    // (pos < rounds_end, not pos + 9 <= s.size(): gcc warns of reads where that would wrap; nine
    // bytes: a round reads eight, and the last byte of the third character)
    const size_t rounds_end = s.size() < 9 ? 0 : s.size() - 8;
    for (;;) {
      while (pos < rounds_end) {
        // (the lead bytes tested on four bytes: their masks fit an instruction)
        if ((four_bytes(u + pos) & kLeadsMask) != kLeads) break;  // not two three-byte characters
        // (the two tested at once, each on the last byte of its next: the second's next may be of
        // another length, whose byte gives a bit of no character, which is right; a first
        // character of a word whose second is of another length has all its bits set)
        uint64_t first = seconds_at(u, pos), second = seconds_at(u, pos + 3);
        if (((first | second) & 1) == 0) {
          pos += 6;
          continue;
        }
        if (first & 1) {
          const uint64_t w = eight_bytes(u + pos);
          stop = {words_of(w), (w & kCharMask) == kAidBytes};
          if (stop.words || stop.aid) return pos;
        }
        pos += 3;  // (the second: tested as the first of its own pair at the next round)
      }
      if (pos >= s.size()) return pos;
      if (u[pos] >= 0x80) {
        bool passes = (u[pos] & 0xF0u) == 0xE0u && pos + 3 <= s.size() &&
                      (first_seconds_[tail(u + pos)] == 0 ||
                       (pos + 3 < s.size() && u[pos + 3] < 0x80 && !before_ascii_[tail(u + pos)]));
        if (!passes) return pos;
        pos += 3;  // (before an ASCII character, as 共 of 共13名: the run after it, at once)
      }
      // a run of ASCII characters (a number, a date, a line's end, punctuation)
      size_t run = pos;
      while (run < s.size() && u[run] < 0x80 && !ascii_starts_[u[run]]) ++run;
      if (run == pos && run < s.size() && u[run] < 0x80) return pos;  // (one a word starts with)
      pos = run;
    }
  }
  // The longest word of the tables at `pos`, or {nullptr, 0}. A district's name does not end
  // inside 区域 (region): 河北区域医疗中心 is 河北省's, not 天津市's 河北区.
  std::pair<const Word*, size_t> match(std::string_view s, size_t pos) const {
    size_t prefix = 0;
    return longest(s, pos, index_.candidates(s, pos, prefix), prefix);
  }
  // match() for a caller that has read the two characters at `pos`, `prefix` bytes together,
  // and looked their words up (candidates_of: one lookup, where a filter of the pair and then
  // the lookup read the index twice per stop of the scan).
  std::pair<const Word*, size_t> match(std::string_view s, size_t pos, const Candidates* candidates,
                                       size_t prefix) const {
    return longest(s, pos, candidates, prefix);
  }

 private:
  // The first of `candidates` (longest first), which start with the `prefix` bytes at `pos`,
  // that stands at `pos`.
  std::pair<const Word*, size_t> longest(std::string_view s, size_t pos,
                                         const Candidates* candidates, size_t prefix) const {
    if (candidates) {
      size_t left = s.size() - pos;
      for (const auto& [word, value] : *candidates) {
        // (the word's last byte first: it rules out most candidates without a call to compare)
        if (word.size() <= left && s[pos + word.size() - 1] == word.back() &&
            s.substr(pos + prefix, word.size() - prefix) == word.substr(prefix) &&
            !(word.ends_with(kDistrict) && s.substr(pos + word.size()).starts_with(kArea))) {
          return {&value, word.size()};
        }
      }
    }
    return {nullptr, 0};
  }

  // The first row of a name wins, but for the counties of a name several share (`after` rows:
  // 西湖区), each a place of its own; find() gives the first.
  const Place* add_place(Place p, bool after = false) {
    auto known = by_name_.find(p.name);
    bool homonym = known != by_name_.end() && after && p.level == PlaceLevel::county &&
                   known->second->level == PlaceLevel::county;
    if (known != by_name_.end() && !homonym) return nullptr;
    if (homonym) p.name = known->second->name;  // (one copy of each name: see the constructor)
    places_.push_back(p);
    const Place* added = &places_.back();
    if (!homonym) {
      by_name_.emplace(p.name, added);
      return added;
    }
    auto [group, fresh] = homonym_group_.try_emplace(p.name, homonyms_.size());
    if (fresh) homonyms_.push_back({known->second});
    homonyms_[group->second].push_back(added);
    return added;
  }
  void add_word(std::string_view word, const Place* place, How how, bool after_parent = false) {
    if (word.empty() || text::next_char(word, 0) >= word.size()) return;  // one character
    // Which of the words of one string wins: non-places and programmes first, then official
    // names, then short forms by level. Computed once here, not in each comparison of the sort.
    bool special = !place || how == How::programme;
    int order = special ? 0 : how == How::official ? 1 : 2;
    int precedence = order * 4 + (place ? rank(place->level) : 0);
    pending_.push_back({word, prefix_key(word), precedence, {place, how, after_parent}});
  }
  // The first eight bytes of a word, big-endian (zero-padded): words that differ there sort as
  // their keys do, without a call to compare them.
  static uint64_t prefix_key(std::string_view word) {
    uint64_t key = 0;
    for (size_t i = 0; i < 8; ++i) {
      key = key << 8 | (i < word.size() ? static_cast<unsigned char>(word[i]) : 0);
    }
    return key;
  }
  // Each string once, its word of the lowest precedence. A short form two places of the same
  // level share names neither; an official name several divisions share (`after`) names the
  // one the place before it says (find_places), all of them in one word.
  void build_index() {
    // The words of one string side by side, by their keys first: the strings are compared only
    // where the keys are equal.
    std::stable_sort(pending_.begin(), pending_.end(), [](const Pending& a, const Pending& b) {
      if (a.key != b.key) return a.key < b.key;
      int c = a.word.compare(b.word);
      return c != 0 ? c < 0 : a.precedence < b.precedence;
    });
    std::vector<std::string_view> pair_words;
    for (size_t i = 0; i < pending_.size();) {
      size_t j = i + 1;
      bool ambiguous = false;
      for (; j < pending_.size() && pending_[j].word == pending_[i].word; ++j) {
        if (pending_[j].precedence == pending_[i].precedence &&
            pending_[j].value.place != pending_[i].value.place) {
          ambiguous = true;
        }
      }
      // (a shared name: find_county_in picks its division by the place before it)
      bool shared = pending_[i].value.after_parent && homonym_group_.count(pending_[i].word);
      if (!ambiguous || shared) add_to_index(pending_[i].word, pending_[i].value, pair_words);
      i = j;
    }
    pending_.clear();
    pending_.shrink_to_fit();
    index_.finish();
    pair_lists_.reserve(pair_words.size());
    for (std::string_view word : pair_words) {
      std::array<char, 8> pair{};
      std::copy_n(word.data(), 6, pair.data());
      if (by_pair_.insert(eight_bytes(pair.data())) == pair_lists_.size()) {
        pair_lists_.push_back(
            index_.candidates_of(text::code_point_at(word, 0), text::code_point_at(word, 3)));
      }
    }
    first_seconds_[tail(kAid.data())] = ~uint64_t{0};
    before_ascii_[tail(kAid.data())] = true;
  }

  // (`pair_words`: those that start with two three-byte characters, for by_pair_)
  void add_to_index(std::string_view word, const Word& value,
                    std::vector<std::string_view>& pair_words) {
    index_.add(word, value);
    std::array<char, 8> pair{};
    std::copy_n(word.data(), std::min<size_t>(word.size(), 6), pair.data());
    if (word.size() >= 6 && (four_bytes(pair.data()) & kLeadsMask) == kLeads) {
      pair_words.push_back(word.substr(0, 6));  // (by_pair_ keeps each pair once)
    }
    auto first = static_cast<unsigned char>(word[0]);
    if (first < 0x80) ascii_starts_[first] = true;
    if ((first & 0xF0u) == 0xE0u && word.size() > 3) {
      // (a second character of another length: all, for skip() reads a second's bits on the
      // last byte of whatever follows it)
      bool three = (static_cast<unsigned char>(word[3]) & 0xF0u) == 0xE0u;
      first_seconds_[tail(word.data())] |=
          three ? uint64_t{1} << (static_cast<unsigned char>(pair[5]) & 63) : ~uint64_t{0};
      if (static_cast<unsigned char>(word[3]) < 0x80) before_ascii_[tail(word.data())] = true;
    }
  }
  // Eight bytes as one number, in the machine's order: the masks below are made alike.
  static uint64_t eight_bytes(const void* p) {
    uint64_t w = 0;
    std::memcpy(&w, p, sizeof w);
    return w;
  }
  static uint32_t four_bytes(const void* p) {
    uint32_t w = 0;
    std::memcpy(&w, p, sizeof w);
    return w;
  }
  // The last two bytes of the three-byte character at `c` as one number (text::tail_key).
  static size_t tail(const void* c) { return text::tail_key(static_cast<const char*>(c) + 1); }
  // first_seconds_ of the three-byte character at `pos` of `u`, shifted by the last byte of the
  // next: bit 0 is clear when no word starts with the two (set: one may). (Bits, not a bool: a
  // round tests two characters with one branch.)
  uint64_t seconds_at(const unsigned char* u, size_t pos) const {
    return first_seconds_[tail(u + pos)] >> (u[pos + 5] & 63);
  }
  // The words of the tables that start with the pair of three-byte characters of `w` (its first
  // six bytes), or nullptr.
  const Candidates* words_of(uint64_t w) const {
    uint32_t slot = by_pair_.find(w & kPairMask);
    return slot == text::KeySlots::kNone ? nullptr : pair_lists_[slot];
  }

  struct Pending {
    std::string_view word;
    uint64_t key;    // prefix_key(word)
    int precedence;  // lower wins among the words of one string
    Word value;
  };
  std::deque<Place> places_;
  std::unordered_map<std::string_view, const Place*> by_name_;  // the first place of a name
  std::vector<std::vector<const Place*>> homonyms_;             // a group per shared name
  std::unordered_map<std::string_view, size_t> homonym_group_;  // its index in homonyms_
  static inline const std::vector<const Place*> kNoHomonyms;
  std::vector<Pending> pending_;
  text::WordIndex<Word> index_;
  // skip()'s: for the first characters of the words (and 援) of three bytes, by their last two
  // bytes (tail), the last bytes of the characters after them, a bit per value of its low six
  // bits (all for 援); the ASCII ones (ascii_starts_). (Its entries sit in a quarter of the D1
  // cache's sets, tail's bytes being 0x80..0xBF: 302 K misses on b3, a third of its reads. Keyed
  // by k ^ k >> 2, which spreads them over all sets (& 0xFFF: 32 KB side by side): 195 K, but
  // +2.8 M instructions (+3.1 M) and no CPU time gained (cmpbin); a 32-bit entry: more stops.)
  // At a cache line's start, as before_ascii_: the 512 bytes of each run read lie on 8 lines,
  // not 9 (before_ascii_'s 64 on one, not 2).
  alignas(64) std::array<uint64_t, 0x10000> first_seconds_{};
  // the lead bytes of two three-byte characters; the bytes of one character, of two; 援's
  static constexpr uint32_t kLeadsMask = text::first_four(text::lead_bytes(0xF0)),
                            kLeads = text::first_four(text::lead_bytes(0xE0));
  static constexpr uint64_t kCharMask = bytes({0xFF, 0xFF, 0xFF});
  static constexpr uint64_t kPairMask = bytes({0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF});
  static constexpr uint64_t kAidBytes =
      bytes({static_cast<unsigned char>(kAid[0]), static_cast<unsigned char>(kAid[1]),
             static_cast<unsigned char>(kAid[2])});
  std::array<bool, 0x80> ascii_starts_{};  // the ASCII characters a word starts with
  // the first characters of three bytes of the words whose second is ASCII (and 援), as
  // first_seconds_
  alignas(64) std::array<bool, 0x10000> before_ascii_{};
  std::bitset<0x10000> initials_;  // first characters of foreign places (援马 → 马…)
  std::vector<SharedName> shared_;
  // the words of two three-byte characters by their six bytes (as eight_bytes reads them, the
  // rest zero): their lists in index_
  text::KeySlots by_pair_;
  std::vector<const Candidates*> pair_lists_;
};

// Never destroyed: the tables serve until the process ends, and freeing their thousands of
// nodes at exit would only cost each short run (one zhextract per file or per task) time. Built
// in static storage, with the program's other tables, not in a block of its own from malloc: the
// scan reads first_seconds_ across 128 KB (32 pages of 4 KB) and before_ascii_ across 16 KB,
// where whatever is done for the static tables' pages (huge pages) does for these too.
const Tables& tables() {
  alignas(Tables) static unsigned char storage[sizeof(Tables)];
  static const Tables* t = new (storage) Tables();
  return *t;
}

}  // namespace

std::string_view place_level_name(PlaceLevel level) {
  switch (level) {
    case PlaceLevel::country:
      return "country";
    case PlaceLevel::province:
      return "province";
    case PlaceLevel::prefecture:
      return "prefecture";
    case PlaceLevel::county:
      return "county";
  }
  return "";
}

namespace {

// 武汉协和医院, 成都锦江仁济医院: whether the text between a place and a hospital's name (at
// most two characters, none a word that links two names) goes on naming the place's own
// hospital, which the hospital's name ends (not 孙吴县是市一院…: 是 links them too).
bool names_on(std::string_view text, size_t from, size_t to) {
  constexpr size_t kMaxName = 6;                                   // bytes: two characters (锦江)
  constexpr std::u32string_view kLinks = U"的到赴在与和来去是、";  // 湖北的协和医院
  if (to < from || to - from > kMaxName) return false;
  for (size_t at = from; at < to; at = text::next_char(text, at)) {
    char32_t c = text::code_point_at(text, at);
    if (c < 0x4E00 || c > 0x9FFF || kLinks.find(c) != kLinks.npos) return false;
  }
  return true;
}

// Whether a township's 乡 or 镇 follows `at` (a name's end).
bool ends_township(std::string_view text, size_t at) {
  std::string_view rest = text.substr(at);
  return rest.starts_with("乡") || rest.starts_with("镇");
}

}  // namespace

std::vector<PlaceMention> find_places(std::string_view text, std::vector<PlaceMention>* alone) {
  std::vector<PlaceMention> found;
  find_places_into(text, found, alone);
  return found;
}

void find_places_into(std::string_view text, std::vector<PlaceMention>& found,
                      std::vector<PlaceMention>* alone) {
  const Tables& t = tables();
  found.clear();
  bool unresolved = false;
  auto is_place_at = [&](size_t pos) {
    if (pos >= text.size()) return false;
    auto [word, length] = t.match(text, pos);
    return word && word->place && word->how != How::programme;
  };
  // A short form gives way to an official name that starts inside it and ends beyond it:
  // 和田阳区 is 和 + 田阳区, not 和田 + 阳区; but not before 城区, a city's urban area (九江城区 is
  // 九江 + 城区, not 九 + 阳江市's 江城区).
  auto yields = [&](size_t start, size_t end) {
    if (text.substr(end).starts_with("城区")) return false;
    for (size_t j = text::next_char(text, start); j < end; j = text::next_char(text, j)) {
      auto [word, length] = t.match(text, j);
      if (word && word->place && word->how == How::official && j + length > end) return true;
    }
    return false;
  };
  // 陇南市礼县, 甘肃岷县, 杭州市西湖区: the county the word at `at` names whose prefecture or
  // province is the mention just before it (find_county_in).
  auto after_parent = [&](size_t at, size_t length) -> const Place* {
    if (found.empty() || found.back().end != at || !found.back().place) return nullptr;
    return find_county_in(text.substr(at, length), *found.back().place);
  };
  for (size_t i = 0; i < text.size();) {
    // Past the characters where no word of the tables starts (two characters at least) and no
    // 援: most of them, passed by skip(), the others each decoded.
    // (the two characters read here are looked up at once: match() would read them again)
    bool aid = false;  // 援 (kAid) at i
    size_t third = 0;
    const Tables::Candidates* candidates = nullptr;
    for (;;) {
      Tables::Stop stop;
      i = t.skip(text, i, stop);
      if (i >= text.size()) break;
      if (stop.words || stop.aid) {  // (most stops: their words looked up already)
        candidates = stop.words;
        aid = stop.aid;
        third = i + 6;
        break;
      }
      size_t second = 0;
      char32_t c = text::char_at(text, i, second);
      aid = c == U'援';
      if (second >= text.size()) {
        if (!aid) i = text.size();
        break;
      }
      candidates = t.candidates_of(c, text::char_at(text, second, third));
      if (candidates || aid) break;
      i = second;
    }
    if (i >= text.size()) break;
    auto [word, length] = t.match(text, i, candidates, third - i);
    if (aid && (!word || word->how == How::programme)) {
      // 援 + place: the place itself (援青海 is 青海省, 援马里 is 马里); after 支, 救…: no
      // programme (支援藏区).
      size_t next = i + kAid.size();
      bool lead = i > 0 && kAidWordLeads.find(text::code_point_at(
                               text, text::previous_char(text, i))) != std::u32string_view::npos;
      if (lead || is_place_at(next)) {
        i = next;
        continue;
      }
      if (!word && next < text.size() && t.is_initial(text::code_point_at(text, next))) {
        size_t end = text::next_char(text, next);
        found.push_back({i, end, nullptr, How::programme_prefix, text.substr(next, end - next)});
        unresolved = true;
        i = end;
        continue;
      }
    }
    // 番禺区沙湾人民医院: a short form right after a county-level place names a town of it, not
    // another county (沙湾市); so does one a character or two after it that 乡 or 镇 ends
    // (乌什县英阿瓦提乡, not 阿瓦提县).
    bool town = word && word->how == How::short_name && !found.empty() && found.back().place &&
                found.back().place->level == PlaceLevel::county &&
                word->place != found.back().place &&
                (found.back().end == i ||
                 (names_on(text, found.back().end, i) && ends_township(text, i + length)));
    bool local = word && word->how == How::institution && !found.empty() &&
                 names_on(text, found.back().end, i);
    const Place* place = word && word->after_parent ? after_parent(i, length) : nullptr;
    // (found alone: the caller may know its prefecture, also of a name several divisions share)
    if (word && word->after_parent && !place && alone) {
      alone->push_back({i, i + length, word->place, word->how, {}});
    }
    if (!word || town || local || (word->how == How::short_name && yields(i, i + length)) ||
        (word->after_parent && !place)) {
      i = text::next_char(text, i);
      continue;
    }
    if (word->place) {
      found.push_back({i, i + length, place ? place : word->place, word->how, {}});
    } else if (word->how == How::institution) {  // 协和医院: whose, the places around say
      found.push_back({i, i + length, nullptr, How::institution, text.substr(i, length)});
      unresolved = true;
    }
    i += length;
  }
  if (unresolved) {
    for (PlaceMention& m : found) {
      if (m.place) continue;
      m.place = m.how == How::programme_prefix ? resolve_prefix(m.prefix, found)
                                               : resolve_institution(m.prefix, found);
    }
  }
}

const Place* find_place(std::string_view official_name) { return tables().find(official_name); }

const Place* find_place(std::string_view official_name, std::string_view province) {
  const Tables& t = tables();
  const Place* first = t.find(official_name);
  if (!first || province.empty() || first->province == province) return first;
  for (const Place* p : t.homonyms(official_name)) {
    if (p->province == province) return p;
  }
  return nullptr;
}

bool is_shared_name(std::string_view official_name) {
  return !tables().homonyms(official_name).empty();
}

const Place* find_county_in(std::string_view official_name, const Place& parent) {
  const Tables& t = tables();
  const std::vector<const Place*>& shared = t.homonyms(official_name);
  if (shared.empty()) {
    const Place* p = t.find(official_name);
    bool inside = p && (p->prefecture == parent.name || p->province == parent.name);
    return inside ? p : nullptr;
  }
  const Place* in_province = nullptr;
  size_t provinces = 0;
  for (const Place* county : shared) {
    if (county->prefecture == parent.name) return county;
    if (county->province == parent.name) in_province = county, ++provinces;
  }
  return provinces == 1 ? in_province : nullptr;
}

std::string_view side_province(std::string_view name, std::string_view province) {
  if (!province.empty() || name.empty()) return province;
  const Place* p = find_place(name);
  return p ? p->province : name;
}

const Place* resolve_prefix(std::string_view prefix, const std::vector<PlaceMention>& named) {
  if (prefix.empty()) return nullptr;
  const Place* resolved = nullptr;
  for (const PlaceMention& m : named) {
    if (!m.place || m.how == How::programme_prefix || !m.place->name.starts_with(prefix)) {
      continue;
    }
    if (!m.place->abroad) continue;
    if (resolved && resolved != m.place) return nullptr;
    resolved = m.place;
  }
  return resolved;
}

const Place* resolve_institution(std::string_view name, const std::vector<PlaceMention>& named) {
  const Place* resolved = nullptr;
  for (const auto& [shared, city, province] : tables().shared_names()) {
    if (shared != name || (resolved && resolved == city)) continue;
    bool province_named = std::any_of(
        named.begin(), named.end(),
        [&, p = province](const PlaceMention& m) { return m.place && m.place->province == p; });
    if (!province_named) continue;
    if (resolved) return nullptr;
    resolved = city;
  }
  return resolved;
}

const Place* named_before(std::string_view text, const PlaceMention& m,
                          const std::vector<PlaceMention>& named) {
  std::string_view name = text.substr(m.start, m.end - m.start);
  auto place = named.begin();
  // (text::find: memchr for the name's last byte, not for its lead byte, which a sixth of a
  // Chinese text shares)
  for (size_t at = text::find(text, name); at < m.start;
       at = text::find(text, name, at + name.size())) {
    while (place != named.end() && place->end <= at) ++place;  // past the place just before
    if (place != named.begin() && std::prev(place)->place &&
        names_on(text, std::prev(place)->end, at)) {
      return std::prev(place)->place;
    }
  }
  return nullptr;
}

const Place* lookup_place(std::string_view name) {
  if (const Place* p = find_place(name)) return p;
  if (name.empty()) return nullptr;
  auto [word, length] = tables().match(name, 0);
  bool named_otherwise = word && (word->how == How::programme || word->how == How::institution);
  if (!word || length != name.size() || named_otherwise) return nullptr;
  return word->place;
}

bool is_known_place(std::string_view name) {
  return name == kNational || find_place(name) != nullptr;
}

}  // namespace zhreport
