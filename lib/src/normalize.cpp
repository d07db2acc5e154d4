// One forward pass over the text. Runs of characters nothing applies to (ASCII other than the
// few that can start a repair, CJK ideographs, CJK punctuation...) are copied in bulk; every
// other character is looked at once. NFC (utf8proc) runs only on the short stretches that
// hold a character NFC could change, with the character before them as the starter.
#include "zhreport/normalize.h"

#include <utf8proc.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "document_text.h"
#include "normalize_internal.h"
#include "normalize_wide.h"
#include "three_byte_stops_wide.h"
#include "utf8.h"

namespace zhreport {

namespace normalize_internal {

Folded fold(char32_t c) {
  if (c >= 0xFF01 && c <= 0xFF5E) return {c - 0xFEE0, Repair::fullwidth};
  if (c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
      c == 0x1680) {
    return {' ', Repair::space};
  }
  if (c == 0x200B || c == 0xFEFF) return {kDropped, Repair::space};
  return {c, Repair::none};
}

bool is_inert(char32_t c) {
  struct Range {
    char32_t first, last;
  };
  // NFC leaves each of these alone and no neighbour can combine with them as a second part.
  // tests/normalize_test.cpp checks every one against utf8proc.
  static constexpr Range kInert[] = {
      {0x0000, 0x024F},  // ASCII, Latin-1, Latin Extended-A/B (pinyin letters)
      {0x2010, 0x2027},  // dashes, quotes, ellipsis
      {0x2030, 0x205E},  // per mille, reference mark...
      {0x2150, 0x21FF},  // number forms (Ⅻ), arrows
      {0x2460, 0x26FF},  // ① ─ ● ★
      {0x3001, 0x3029},  // CJK punctuation (3000 is folded, 302A..302F combine)
      {0x3030, 0x303F},  //
      {0x3041, 0x3096},  // hiragana (3099, 309A combine)
      {0x309B, 0x30FF},  // katakana
      {0x3100, 0x312F},  // bopomofo
      {0x3200, 0x33FF},  // enclosed CJK, CJK compatibility
      {0x3400, 0x9FFF},  // CJK ideographs, extension A
      {0xAC00, 0xD7A3},  // Hangul syllables
      {0xFE30, 0xFE4F},  // CJK compatibility forms
      {0xFF5F, 0xFFEF},  // half-width forms (FF01..FF5E are folded)
  };
  for (const Range& r : kInert) {
    if (c < r.first) return false;
    if (c <= r.last) return true;
  }
  return false;
}

namespace {

struct ToneMark {
  char32_t marked;
  std::string_view base;
};
constexpr ToneMark kToneMarks[] = {
    {0x0101, "a"}, {0x00E1, "a"}, {0x01CE, "a"}, {0x00E0, "a"}, {0x0113, "e"}, {0x00E9, "e"},
    {0x011B, "e"}, {0x00E8, "e"}, {0x012B, "i"}, {0x00ED, "i"}, {0x01D0, "i"}, {0x00EC, "i"},
    {0x014D, "o"}, {0x00F3, "o"}, {0x01D2, "o"}, {0x00F2, "o"}, {0x016B, "u"}, {0x00FA, "u"},
    {0x01D4, "u"}, {0x00F9, "u"}, {0x01D6, "ü"}, {0x01D8, "ü"}, {0x01DA, "ü"}, {0x01DC, "ü"},
    {0x0144, "n"}, {0x0148, "n"}, {0x01F9, "n"},
};

// Pinyin syllables: each initial with the finals it takes (ü written ü; j q x y write it u).
struct InitialFinals {
  std::string_view initial;
  std::string_view finals;
};
constexpr InitialFinals kSyllableTable[] = {
    {"", "a o e ai ei ao ou an en ang eng er n ng"},
    {"b", "a o ai ei ao an en ang eng i ie iao ian in ing u"},
    {"p", "a o ai ei ao ou an en ang eng i ie iao ian in ing u"},
    {"m", "a o e ai ei ao ou an en ang eng i ie iao iu ian in ing u"},
    {"f", "a o ei ou an en ang eng u"},
    {"d", "a e ai ei ao ou an en ang eng ong i ia ie iao iu ian ing u uo ui uan un"},
    {"t", "a e ai ao ou an ang eng ong i ie iao ian ing u uo ui uan un"},
    {"n", "a e ai ei ao ou an en ang eng ong i ie iao iu ian in iang ing u uo uan ü üe"},
    {"l", "a o e ai ei ao ou an ang eng ong i ia ie iao iu ian in iang ing u uo uan un ü üe"},
    {"g", "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang"},
    {"k", "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang"},
    {"h", "a e ai ei ao ou an en ang eng ong u ua uo uai ui uan un uang"},
    {"j", "i ia ie iao iu ian in iang ing iong u ue uan un"},
    {"q", "i ia ie iao iu ian in iang ing iong u ue uan un"},
    {"x", "i ia ie iao iu ian in iang ing iong u ue uan un"},
    {"zh", "a e ai ei ao ou an en ang eng ong i u ua uo uai ui uan un uang"},
    {"ch", "a e ai ao ou an en ang eng ong i u ua uo uai ui uan un uang"},
    {"sh", "a e ai ei ao ou an en ang eng i u ua uo uai ui uan un uang"},
    {"r", "e ao ou an en ang eng ong i u ua uo ui uan un"},
    {"z", "a e ai ei ao ou an en ang eng ong i u uo ui uan un"},
    {"c", "a e ai ao ou an en ang eng ong i u uo ui uan un"},
    {"s", "a e ai ao ou an en ang eng ong i u uo ui uan un"},
    {"y", "a o e ao ou an ang i in ing ong u ue uan un"},
    {"w", "a o ai ei an en ang eng u"},
};

// A syllable is a few bytes (zhuang, lüe): its bytes and their count as one number, looked up
// in a hash table of numbers. Asked for every Latin word in parentheses after a Han character,
// string hashing showed in the profile.
constexpr size_t kMaxSyllableBytes = 7;
uint64_t syllable_key(std::string_view syllable) {
  uint64_t key = 0;
  // Byte by byte: a memcpy of a size the compiler cannot see is a call into the C library.
  for (size_t k = 0; k < syllable.size(); ++k) key |= uint64_t{uint8_t(syllable[k])} << (8 * k);
  return key | uint64_t{syllable.size()} << 56;
}
constexpr uint64_t kKeyBytes = (uint64_t{1} << 56) - 1;  // a syllable_key without its size

// The place of a syllable's tone mark as pinyin writes it: on a or e, on the o of ou, else on
// the last vowel; npos for none (n, ng).
size_t marked_vowel(std::string_view syllable) {
  for (std::string_view first : {"a", "e", "ou"}) {
    if (size_t at = syllable.find(first); at != std::string_view::npos) return at;
  }
  return syllable.find_last_of("iou\xC3");  // (C3: the first byte of ü)
}

// The syllable_key of every syllable: toneless, and as annotations mostly write it, with its
// tone mark where pinyin puts it (ü also as v when the mark is elsewhere). A Normalizer holds
// them: a call per annotation, and the test that the tables are built, cost more than a look-up.
struct Syllables {
  text::KeySlots toneless;
  text::KeySlots toned;
  Syllables() {
    for (const InitialFinals& row : kSyllableTable) {
      text::for_each_part(row.finals, ' ', [&](std::string_view final_part) {
        const std::string syllable = std::string(row.initial) + std::string(final_part);
        if (syllable.size() <= kMaxSyllableBytes) toneless.insert(syllable_key(syllable));
        add_toned(syllable);
      });
    }
  }
  void add_toned(std::string_view syllable) {
    const size_t at = marked_vowel(syllable);
    if (at == std::string_view::npos) return;
    const std::string_view vowel = syllable.substr(at, syllable[at] == '\xC3' ? 2 : 1);
    const size_t size = syllable.size() - vowel.size() + 2;  // a marked vowel is two bytes
    if (size > kMaxSyllableBytes) return;
    const uint64_t bytes = syllable_key(syllable) & kKeyBytes;
    const size_t u = syllable.find("ü");
    for (const ToneMark& mark : kToneMarks) {
      if (mark.base.size() != vowel.size() || mark.base[0] != vowel[0]) continue;  // (ü: C3 BC)
      const uint64_t marked = (0xC0 | mark.marked >> 6) | (0x80 | (mark.marked & 0x3F)) << 8;
      const uint64_t written = replaced(bytes, at, vowel.size(), marked, 2);
      toned.insert(written | uint64_t{size} << 56);
      if (u != std::string_view::npos && u != at) {
        const size_t u_written = u < at ? u : u + 1;  // (after the marked vowel: one byte on)
        toned.insert(replaced(written, u_written, 2, 'v', 1) | uint64_t{size - 1} << 56);
      }
    }
  }
  // `bytes` (a key's bytes) with the `old_size` bytes at `at` replaced by the `new_size` of `with`.
  static uint64_t replaced(uint64_t bytes, size_t at, size_t old_size, uint64_t with,
                           size_t new_size) {
    return (bytes & ((uint64_t{1} << (8 * at)) - 1)) | with << (8 * at) |
           (bytes >> (8 * (at + old_size))) << (8 * (at + new_size));
  }
  // Whether a syllable_key is a syllable's: toneless, or as annotations mostly write it.
  bool has_toneless(uint64_t key) const { return toneless.find(key) != text::KeySlots::kNone; }
  bool has_toned(uint64_t key) const { return toned.find(key) != text::KeySlots::kNone; }
};
const Syllables& syllables() {
  static const Syllables tables;
  return tables;
}

// The syllable_key of the bytes of `word` (eight bytes of a text, the first lowest) before the
// first ')' among them, or kNoClose when none is: an annotation written as pinyin closes within
// the eight bytes after its '('.
constexpr uint64_t kNoClose = ~uint64_t{0};
uint64_t key_before_close(uint64_t word) {
  // A byte of x is 0 where word has ')'; the lowest bit of `closes` marks the first.
  const uint64_t x = word ^ 0x2929292929292929ull;
  const uint64_t closes = (x - 0x0101010101010101ull) & ~x & 0x8080808080808080ull;
  if (closes == 0) return kNoClose;
  const size_t size = static_cast<size_t>(std::countr_zero(closes)) / 8;
  return (word & ((uint64_t{1} << (8 * size)) - 1)) | uint64_t{size} << 56;
}

}  // namespace

bool is_pinyin_syllable(std::string_view toneless) {
  return !toneless.empty() && toneless.size() <= kMaxSyllableBytes &&
         syllables().has_toneless(syllable_key(toneless));
}

bool is_toned_syllable(std::string_view written) {
  if (written.size() > kMaxSyllableBytes) return false;
  // Its bytes and the ')' after them, as Normalizer reads them in a text.
  const uint64_t word = (syllable_key(written) & kKeyBytes) | uint64_t{')'} << (8 * written.size());
  return syllables().has_toned(key_before_close(word));
}

}  // namespace normalize_internal

namespace {

using namespace normalize_internal;

constexpr std::string_view kRepairNames[] = {"fullwidth",          "space",
                                             "pinyin_annotation",  "doubled_punctuation",
                                             "html_remnant",       "lost_character_line",
                                             "unicode_composition"};
static_assert(std::size(kRepairNames) == static_cast<size_t>(Repair::none));

// What the skip makes of each ASCII byte (normalize_wide::AsciiClass): kStops and kComma are
// those that may start a repair (repair_at; a line break run notes itself); everything else is
// copied as it is.
constexpr std::array<unsigned char, 128> make_ascii_classes(bool repairs) {
  std::array<unsigned char, 128> table{};
  table['\r'] = normalize_wide::kStops;
  if (repairs) {
    for (char c : {'(', '<', '&', '/'})
      table[static_cast<unsigned char>(c)] = normalize_wide::kStops;
    table[','] = normalize_wide::kComma;
    table['\n'] = normalize_wide::kLineBreak;
  }
  return table;
}
constexpr auto kAsciiCanonical = make_ascii_classes(false);
constexpr auto kAsciiRepairing = make_ascii_classes(true);
constexpr unsigned char kSpecial = normalize_wide::kStops | normalize_wide::kComma;

// Whether the bytes at i are CJK punctuation U+3001..3029 (、。《》「」) or U+2010..2027 (dashes,
// quotes, …): inert and never folded (is_inert, fold), so nothing for Normalizer::run to do.
bool is_plain_punctuation(const unsigned char* bytes, size_t i, size_t n) {
  const unsigned char b = bytes[i];
  return (b == 0xE3 || b == 0xE2) && i + 2 < n && bytes[i + 1] == 0x80 &&
         (b == 0xE3 ? bytes[i + 2] >= 0x81 && bytes[i + 2] <= 0xA9
                    : bytes[i + 2] >= 0x90 && bytes[i + 2] <= 0xA7);
}

// Past the bytes from i on that Normalizer::run has nothing to do for, 16 at a time: bytes of
// CJK ideographs U+4000..U+9FFF (leads E4..E9, continuation bytes), and ASCII from '0' on but
// '<' (every special ASCII byte is below '0' or is '<'). It stops at any other byte but those
// `passes(position)` lets it go on past (what run would only pass, or take without its loop: the
// commas and punctuation between ideographs, spaces, most line breaks), and sooner than needed is
// always safe: the loop then takes the bytes one by one. A lead E4..E9 without its continuation
// bytes, or a stray continuation byte, is an invalid byte the loop would copy as it is too.
template <typename Passes>
size_t skip_plain_bytes(const unsigned char* bytes, size_t i, size_t n, Passes&& passes) {
#if defined(__SSE2__)
  // SSE2 compares bytes as signed: 0x80..0xBF are -128..-65, 0xC0..0xFF are -64..-1, so the
  // leads and the ASCII below '0' are one range, -64..47, and the ideograph leads E4..E9 are
  // -28..-23. A range is one subtraction that moves it to the bottom (wrapping the bytes below
  // it to the top) and one comparison.
  const __m128i to_low_range = _mm_set1_epi8(64), low_range_end = _mm_set1_epi8(-128 + 48 + 64),
                to_ideograph_leads = _mm_set1_epi8(100), ideograph_leads_end = _mm_set1_epi8(-122),
                angle = _mm_set1_epi8('<');
  auto stops = [&](size_t at) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at));
    const __m128i lead_or_low_ascii = _mm_cmplt_epi8(_mm_sub_epi8(v, to_low_range), low_range_end);
    const __m128i ideograph_lead =
        _mm_cmplt_epi8(_mm_sub_epi8(v, to_ideograph_leads), ideograph_leads_end);
    return static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(
        _mm_andnot_si128(ideograph_lead, lead_or_low_ascii), _mm_cmpeq_epi8(v, angle))));
  };
  while (n - i >= 16) {
    // 32 bytes a round where there are: one test and one loop step for both halves.
    size_t step = 16;
    uint32_t mask = stops(i);
    if (n - i >= 32) {
      mask |= stops(i + 16) << 16;
      step = 32;
    }
    for (; mask != 0; mask &= mask - 1) {
      const size_t at = i + static_cast<size_t>(std::countr_zero(mask));
      if (!passes(at)) return at;
    }
    i += step;
  }
#else
  (void)bytes, (void)n, (void)passes;
#endif
  return i;
}

// Whether the character before i is a CJK ideograph U+4000..U+9FFF (leads E4..E9) among the
// bytes from `run` on (the text not yet copied), told by its bytes: what Normalizer::previous
// would decode for is_han().
bool follows_ideograph(const unsigned char* u, size_t i, size_t run) {
  return i >= run + 3 && u[i - 3] >= 0xE4 && u[i - 3] <= 0xE9 && (u[i - 2] & 0xC0) == 0x80 &&
         (u[i - 1] & 0xC0) == 0x80;
}

// Whether the `length` bytes at i stand between two CJK ideographs (leads E4..E9): then
// neither neighbour is a comma or a stronger mark. The one after may be any sequence with
// such a lead (a broken one decodes as kInvalidByte); the one before must be whole.
bool between_ideographs(const unsigned char* u, size_t n, size_t i, size_t length, size_t run) {
  const unsigned char after = i + length < n ? u[i + length] : 0;
  return after >= 0xE4 && after <= 0xE9 && follows_ideograph(u, i, run);
}

// Whether a line starting with byte b starts with a Han character, a letter or a digit, as most
// do: no space, tab, '?' or line break, nor a character folded to one of them, so it is no
// lost-character line.
bool starts_plain_line(unsigned char b) {
  return (b >= 0xE4 && b <= 0xE9) || (b >= 0x40 && b < 0x80) || (b >= '0' && b <= '9');
}

// normalize_internal::skip_plain, calling `passed_line_break()` where it passes a line break:
// inline where Normalizer::run calls it.
template <typename OnLineBreak>
size_t skip_plain_calling(const unsigned char* bytes, size_t n, size_t pos, size_t run,
                          const unsigned char* classes, OnLineBreak&& passed_line_break) {
  return skip_plain_bytes(bytes, pos, n, [&](size_t at) {
    const unsigned char b = bytes[at];
    if (b >= 0x80) return is_plain_punctuation(bytes, at, n);
    const unsigned char c = classes[b];
    if (c & normalize_wide::kComma) return between_ideographs(bytes, n, at, 1, run);
    if (!(c & normalize_wide::kLineBreak)) return !(c & normalize_wide::kStops);
    // A line break before a line that is no lost-character line: new_line, and on.
    if (at + 1 == n || !starts_plain_line(bytes[at + 1])) return false;
    passed_line_break();
    return true;
  });
}

}  // namespace

namespace normalize_internal {

const unsigned char* ascii_classes(bool repairs) {
  return repairs ? kAsciiRepairing.data() : kAsciiCanonical.data();
}

normalize_wide::Skipped skip_plain(std::string_view in, size_t pos, size_t run,
                                   const unsigned char* classes) {
  bool passed = false;
  const size_t end = skip_plain_calling(reinterpret_cast<const unsigned char*>(in.data()),
                                        in.size(), pos, run, classes, [&] { passed = true; });
  return {end, passed};
}

}  // namespace normalize_internal

namespace {

bool is_han(char32_t c) {
  return (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0x20000 && c <= 0x3FFFF);
}

// Marks a comma next to which is redundant.
bool is_stronger_mark(char32_t c) {
  return c == 0x3002 || c == 0x3001 || c == ';' || c == ':' || c == '!' || c == '?';
}

// kToneMarks by code point: the letters of an annotation are looked up one by one.
constexpr char32_t kFirstMarked = 0x00E0, kLastMarked = 0x01F9;
constexpr auto kToneBases = [] {
  std::array<std::string_view, kLastMarked - kFirstMarked + 1> bases{};
  for (const ToneMark& t : kToneMarks) bases[t.marked - kFirstMarked] = t.base;
  return bases;
}();

struct Entity {
  std::string_view name;
  char32_t value;
};
// The entities web pages about Chinese reports actually carry.
constexpr Entity kEntities[] = {
    {"amp", '&'},      {"apos", '\''},     {"bull", 0x2022},  {"emsp", ' '},     {"ensp", ' '},
    {"gt", '>'},       {"hellip", 0x2026}, {"ldquo", 0x201C}, {"lsquo", 0x2018}, {"lt", '<'},
    {"mdash", 0x2014}, {"middot", 0xB7},   {"nbsp", ' '},     {"ndash", 0x2013}, {"quot", '"'},
    {"rdquo", 0x201D}, {"rsquo", 0x2019},  {"thinsp", ' '},   {"times", 0xD7},   {"yen", 0xA5},
};

// Tags of the HTML that web converters leave behind; block tags separate lines.
constexpr std::string_view kBlockTags[] = {"article", "br",      "div",   "h1", "h2", "h3",
                                           "h4",      "h5",      "h6",    "hr", "li", "ol",
                                           "p",       "section", "table", "td", "tr", "ul"};
constexpr std::string_view kInlineTags[] = {"a",    "b",      "em",  "font", "i", "img",
                                            "span", "strong", "sub", "sup",  "u"};

bool is_ascii_alpha(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

class Normalizer {
 public:
  // Writes into `result`, whose buffers are reused: what they held is dropped.
  Normalizer(std::string_view in, const NormalizeOptions& options, Normalized& result)
      : in_(in),
        repairs_(options.repair_artifacts),
        classes_(ascii_classes(options.repair_artifacts)),
        result_(result),
        out_(result.text) {
    out_.clear();
    out_.reserve(in.size());
    result_.offsets.truncate(0);
    result_.repairs.clear();
    if (options.track_offsets) {
      offsets_ = &result_.offsets;
    }
  }

  void run() {
    auto* bytes = reinterpret_cast<const unsigned char*>(in_.data());
    const size_t n = in_.size();
    size_t i = 0;
    while (i < n) {
      if (line_start_) {
        line_start_ = false;
        if (repairs_ && skip_lost_character_line(i)) continue;
      }
      unsigned char b = bytes[i];
      if (b < 0x80) {
        if (b == '\n' && repairs_) {  // (what the repairs look at first on a line: run's loop)
          new_line();
          ++i;
          continue;
        }
        // A pinyin annotation after an ideograph, told here without repair_at's call.
        if (b == '(' && repairs_ && follows_ideograph(i)) {
          const size_t end = pinyin_annotation_end(i, 1);
          i = skip_plain(end != 0 ? (run_ = end) : i + 1);
          continue;
        }
        size_t next = (classes_[b] & kSpecial) && !is_plain_comma(i)
                          ? repair_at(i, static_cast<char>(b), 1)
                          : 0;
        if (next) {
          i = run_ = next;
          if (!line_start_) i = skip_plain(i);  // (what the loop would do: mostly Han follows)
        } else {
          i = line_start_ ? i + 1 : skip_plain(i + 1);  // a new line is looked at first
        }
        continue;
      }
      // CJK ideographs (U+4000..U+9FFF), the bulk of the text: nothing to do; 16 bytes at a
      // time, then two characters at a time while both are (leads E4..E9, continuation bytes
      // 10xxxxxx).
      if (b >= 0xE4 && b <= 0xE9 && i + 2 < n && (bytes[i + 1] & 0xC0) == 0x80 &&
          (bytes[i + 2] & 0xC0) == 0x80) {
        i = skip_plain(i + 3);
        while (n - i >= 8) {
          uint64_t word;
          std::memcpy(&word, bytes + i, 8);
          if ((word & 0x0000C0C0F0C0C0F0ull) != 0x00008080E08080E0ull ||
              uint8_t(uint8_t(word) - 0xE4) > 5 || uint8_t(uint8_t(word >> 24) - 0xE4) > 5) {
            break;
          }
          i += 6;
        }
        continue;
      }
      if (is_plain_punctuation(bytes, i, n)) {
        i = skip_plain(i + 3);
        continue;
      }
      Char ch = char_at(in_, i);
      Folded f = fold(ch.code);
      if (f.repair == Repair::none) {
        if (ch.code == kInvalidByte || is_inert(ch.code)) {
          i = skip_plain(i + ch.length);
        } else {
          flush(i);
          i = run_ = compose(i);
        }
      } else if (f.code == kDropped) {
        flush(i);
        count(f.repair);
        i = run_ = i + ch.length;
      } else if (size_t next = f.code < 0x80 && (classes_[f.code] & kSpecial)
                                   ? repair_at(i, static_cast<char>(f.code), ch.length)
                                   : 0) {
        i = run_ = next;  // a full-width form another repair removes counts as that one only
      } else {
        flush(i);
        count(f.repair);
        emit(f.code, i);
        i = run_ = i + ch.length;
      }
    }
    flush(n);
    if (offsets_) offsets_->append_repeated(n, 1);  // the end
    for (size_t k = 0; k < counts_.size(); ++k) {
      if (counts_[k]) result_.repairs.emplace_back(std::string(kRepairNames[k]), counts_[k]);
    }
  }

 private:
  // Copies the pending run of untouched input up to `end`. Its entries go in a run of their own
  // (push_copied): the pending run follows a repair, so it rarely continues the last run, and
  // append_copied's look at it, inlined here, made each call save and restore six registers.
  void flush(size_t end) {
    const size_t from = run_;
    run_ = end;
    if (offsets_) offsets_->push_copied(from, end - from);
    out_.append(in_.data() + from, end - from);
  }

  void emit(char32_t c, size_t source) {
    size_t before = out_.size();
    utf8::append(out_, c);
    if (offsets_) offsets_->append_repeated(source, out_.size() - before);
  }

  // The character at i as the repairs see it: widths folded, spaces unified.
  Char peek(size_t i) const {
    if (i >= in_.size()) return {kEnd, 0};
    // ASCII, which fold leaves alone: most of what the repairs look at (pinyin letters).
    const auto b = static_cast<unsigned char>(in_[i]);
    if (b < 0x80) return {b, 1};
    // Two bytes from U+00C0 on, which fold leaves alone: the pinyin letters with tone marks.
    if (b >= 0xC3 && b <= 0xDF && i + 1 < in_.size() &&
        (static_cast<unsigned char>(in_[i + 1]) & 0xC0) == 0x80) {
      return {char32_t(b & 0x1F) << 6 | (static_cast<unsigned char>(in_[i + 1]) & 0x3F), 2};
    }
    Char ch = char_at(in_, i);
    Folded f = fold(ch.code);
    if (f.repair != Repair::none) ch.code = f.code;
    return ch;
  }

  char32_t last_output() const {
    if (out_.empty()) return kEnd;
    size_t k = out_.size() - 1;
    while (k > 0 && (static_cast<unsigned char>(out_[k]) & 0xC0) == 0x80) --k;
    return char_at(out_, k).code;
  }

  void count(Repair r) { ++counts_[static_cast<size_t>(r)]; }

  // The character before input position i in the output.
  char32_t previous(size_t i) const {
    if (run_ < i) {
      size_t k = i - 1;
      while (k > run_ && (static_cast<unsigned char>(in_[k]) & 0xC0) == 0x80) --k;
      return char_at(in_, k).code;
    }
    return last_output();
  }

  void new_line() {
    line_start_ = true;
    line_has_pinyin_ = false;
  }

  // follows_ideograph, between_ideographs (above) in the input, for the pending run.
  bool follows_ideograph(size_t i) const {
    return zhreport::follows_ideograph(reinterpret_cast<const unsigned char*>(in_.data()), i, run_);
  }
  bool between_ideographs(size_t i, size_t length) const {
    return zhreport::between_ideographs(reinterpret_cast<const unsigned char*>(in_.data()),
                                        in_.size(), i, length, run_);
  }

  // A comma between ideographs, the most common special byte: nothing to repair.
  bool is_plain_comma(size_t i) const { return in_[i] == ',' && between_ideographs(i, 1); }

  // normalize_internal::skip_plain from i, 64 bytes a step where the processor can.
  size_t skip_plain(size_t i) {
    if (text::wide::kAvailable) return skip_wide(i);
    return skip_plain_calling(reinterpret_cast<const unsigned char*>(in_.data()), in_.size(), i,
                              run_, classes_, [this] { line_has_pinyin_ = false; });
  }
  // (A call of its own: with it inline, GCC kept the scalar loop out of line, +1.9 M on b3.)
  size_t skip_wide(size_t i) {
    const normalize_wide::Skipped skipped = normalize_wide::skip(
        reinterpret_cast<const unsigned char*>(in_.data()), in_.size(), i, run_, classes_);
    if (skipped.passed_line_break) line_has_pinyin_ = false;
    return skipped.end;
  }

  // The repair starting at i with ASCII `c` (`length` input bytes: a folded full-width form
  // is 3). Returns the input position after it, or 0 when there is nothing to repair (the
  // pending run goes on).
  size_t repair_at(size_t i, char c, size_t length) {
    switch (c) {
      case '\r':
        flush(i);
        emit('\n', i);
        new_line();
        return i + 1 < in_.size() && in_[i + 1] == '\n' ? i + 2 : i + 1;
      case '(':
        return follows_ideograph(i) || is_han(previous(i)) ? pinyin_annotation_end(i, length) : 0;
      case ',': {
        if (between_ideographs(i, length)) return 0;  // the common case, decoding nothing
        char32_t next = peek(i + length).code;
        if (next == ',' || is_stronger_mark(next) || is_stronger_mark(previous(i))) {
          flush(i);
          count(Repair::doubled_punctuation);
          return i + length;
        }
        return 0;
      }
      case '<':
        return html_tag_end(i);
      case '&':
        return html_entity_end(i);
      case '/': {  // "?/p>": a closing tag whose '<' went into a mis-decoded character
        char32_t before = previous(i);
        return before == '?' || before == 0xFF1F || before == 0xFFFD ? html_tag_end(i) : 0;
      }
    }
    return 0;
  }

  // After a Han character, "(yī)" ends at the returned position; 0 when it is no annotation.
  size_t pinyin_annotation_end(size_t open, size_t length) {
    size_t end = toned_annotation_end(open + length);
    if (end == 0) end = annotation_letters_end(open + length);
    if (end == 0) return 0;
    remove_annotation(open);
    return end;
  }

  // The annotation that starts at `open` is not copied (the caller moves run_ past it).
  void remove_annotation(size_t open) {
    flush(open);
    count(Repair::pinyin_annotation);
    line_has_pinyin_ = true;
  }

  // Past the ')' when the bytes from i up to the first ')' are a syllable with one precomposed
  // tone mark (Syllables::toned), else 0. Most annotations: the eight bytes from i are read at
  // once and looked up, where annotation_letters_end takes some 250 instructions.
  size_t toned_annotation_end(size_t i) const {
    if constexpr (std::endian::native != std::endian::little) return 0;  // (syllable_key's order)
    if (in_.size() - i < 8) return 0;
    uint64_t word;
    std::memcpy(&word, in_.data() + i, 8);
    const uint64_t key = key_before_close(word);
    if (key == kNoClose || !syllables_.has_toned(key)) return 0;
    return i + (key >> 56) + 1;
  }

  // The letters of an annotation from i read one by one, their toneless bytes going into their
  // syllable_key as they are read: past the closing parenthesis when they are a syllable (with
  // one tone mark, or none on a line where a toned annotation was removed), else 0.
  size_t annotation_letters_end(size_t i) const {
    uint64_t key = 0;
    size_t size = 0;
    auto add = [&](uint64_t byte) {  // (past a syllable's length, only counted)
      if (size < kMaxSyllableBytes) key |= byte << (8 * size);
      ++size;
    };
    auto add_u_umlaut = [&] { add(0xC3), add(0xBC); };  // ü
    size_t tones = 0;
    for (size_t letters = 0; letters <= 6; ++letters) {
      if (size > kMaxSyllableBytes) return 0;  // no syllable is that long
      Char ch = peek(i);
      char32_t c = ch.code;
      i += ch.length;
      if (c == ')') {
        bool toned = tones == 1;
        bool neutral = tones == 0 && line_has_pinyin_ && size >= 2;
        if (!(toned || neutral) || size == 0 ||
            !syllables_.has_toneless(key | uint64_t{size} << 56)) {
          return 0;
        }
        return i;
      }
      if (c >= 'a' && c <= 'z') {
        if (c == 'v') {
          add_u_umlaut();
        } else {
          add(c);
        }
      } else if (c == 0xFC) {
        add_u_umlaut();
      } else if (c == 0x0300 || c == 0x0301 || c == 0x0304 || c == 0x030C) {
        ++tones;  // a decomposed tone mark
      } else if (c == 0x0308 && size > 0 && (key >> (8 * (size - 1)) & 0xFF) == 'u') {
        key &= ~(uint64_t{0xFF} << (8 * --size));
        add_u_umlaut();  // u + combining diaeresis = ü
      } else {
        std::string_view base = c >= kFirstMarked && c <= kLastMarked ? kToneBases[c - kFirstMarked]
                                                                      : std::string_view();
        if (base.empty()) return 0;
        for (char byte : base) add(static_cast<unsigned char>(byte));
        ++tones;
      }
    }
    return 0;
  }

  // A tag starting at i with '<', or with the '/' of a closing tag that lost its '<'.
  size_t html_tag_end(size_t i) {
    bool lost_open = in_[i] == '/';
    size_t j = lost_open ? i : i + 1;
    if (j < in_.size() && in_[j] == '/') ++j;
    size_t name_start = j;
    while (j < in_.size() && (is_ascii_alpha(static_cast<unsigned char>(in_[j])) ||
                              (j > name_start && in_[j] >= '0' && in_[j] <= '9'))) {
      ++j;
    }
    std::string name(in_.substr(name_start, j - name_start));
    for (char& ch : name) ch = static_cast<char>(tolower(static_cast<unsigned char>(ch)));
    bool block =
        std::find(std::begin(kBlockTags), std::end(kBlockTags), name) != std::end(kBlockTags);
    bool inline_tag =
        std::find(std::begin(kInlineTags), std::end(kInlineTags), name) != std::end(kInlineTags);
    if (!block && !inline_tag) return 0;
    // Attributes, up to the closing '>' on the same line.
    if (j < in_.size() && in_[j] != '>' && (lost_open || (in_[j] != '/' && in_[j] != ' '))) {
      return 0;
    }
    size_t close = in_.find_first_of(">\n<", j);
    if (close == std::string_view::npos || in_[close] != '>' || close - j > 300) return 0;
    flush(i);
    count(Repair::html_remnant);
    size_t end = close + 1;
    bool at_line_edge = out_.empty() || out_.back() == '\n' || end == in_.size() ||
                        in_[end] == '\n' || in_[end] == '\r';
    if (block && !at_line_edge) {
      emit('\n', i);
      new_line();
    }
    return end;
  }

  size_t html_entity_end(size_t i) {
    size_t semicolon = in_.find(';', i + 1);
    if (semicolon == std::string_view::npos || semicolon - i > 10) return 0;
    std::string_view body = in_.substr(i + 1, semicolon - i - 1);
    char32_t value = 0;
    if (body.size() >= 2 && body[0] == '#') {
      bool hex = body[1] == 'x' || body[1] == 'X';
      std::string digits(body.substr(hex ? 2 : 1));
      if (digits.empty()) return 0;
      char* stop = nullptr;
      unsigned long v = std::strtoul(digits.c_str(), &stop, hex ? 16 : 10);
      if (*stop != '\0' || v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
      value = static_cast<char32_t>(v);
    } else {
      auto e = std::find_if(std::begin(kEntities), std::end(kEntities),
                            [body](const Entity& x) { return x.name == body; });
      if (e == std::end(kEntities)) return 0;
      value = e->value;
    }
    flush(i);
    count(Repair::html_remnant);
    Folded f = fold(value);
    if (f.repair != Repair::none) value = f.code;
    if (value != kDropped) emit(value, i);
    return semicolon + 1;
  }

  // At a line start: a line of only '?' (the trace of a character lost in an earlier
  // conversion) and spaces is skipped with its line break.
  bool skip_lost_character_line(size_t& i) {
    if (i < in_.size() && starts_plain_line(static_cast<unsigned char>(in_[i]))) return false;
    size_t j = i;
    size_t marks = 0;
    while (true) {
      Char ch = peek(j);
      if (ch.code == ' ' || ch.code == '\t') {
        j += ch.length;
      } else if (ch.code == '?') {
        ++marks;
        j += ch.length;
      } else if (ch.code == '\n' || ch.code == kEnd) {
        j += ch.length;
        break;
      } else if (ch.code == '\r') {
        j += j + 1 < in_.size() && in_[j + 1] == '\n' ? 2 : 1;
        break;
      } else {
        return false;
      }
    }
    if (marks == 0) return false;
    flush(i);
    count(Repair::lost_character_line);
    i = run_ = j;
    new_line();
    return true;
  }

  // NFC over the stretch of characters starting at i that NFC might change, together with
  // the character before it (a starter they may combine with). Returns the stretch's end.
  size_t compose(size_t i) {
    size_t end = i;
    while (end < in_.size()) {
      Char ch = char_at(in_, end);
      if (ch.code < 0x80 || ch.code == kInvalidByte || is_inert(ch.code) ||
          fold(ch.code).repair != Repair::none) {
        break;
      }
      end += ch.length;
    }
    size_t starter = out_.size();
    while (starter > 0 && (static_cast<unsigned char>(out_[starter - 1]) & 0xC0) == 0x80) {
      --starter;
    }
    if (starter > 0) --starter;
    std::string segment = out_.substr(starter) + std::string(in_.substr(i, end - i));
    utf8proc_uint8_t* composed = nullptr;
    utf8proc_ssize_t length =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(segment.data()),
                     static_cast<utf8proc_ssize_t>(segment.size()), &composed,
                     static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    std::string_view result = length < 0 ? std::string_view(segment)
                                         : std::string_view(reinterpret_cast<const char*>(composed),
                                                            static_cast<size_t>(length));
    if (result == segment) {
      run_ = i;
      flush(end);
    } else {
      count(Repair::unicode_composition);
      const size_t source = offsets_ && starter < out_.size() ? offsets_->map(starter) : i;
      out_.resize(starter);
      out_.append(result);
      if (offsets_) {
        offsets_->truncate(starter);
        offsets_->append_repeated(source, result.size());
      }
    }
    std::free(composed);
    return end;
  }

  std::string_view in_;
  bool repairs_;
  const unsigned char* classes_;  // ascii_classes
  Normalized& result_;
  std::string& out_;  // result_.text
  OffsetMap* offsets_ = nullptr;
  const Syllables& syllables_ = syllables();
  std::array<size_t, static_cast<size_t>(Repair::none)> counts_{};
  size_t run_ = 0;  // start of the input not yet copied
  bool line_start_ = true;
  bool line_has_pinyin_ = false;
};

}  // namespace

Normalized normalize(std::string_view utf8, const NormalizeOptions& options) {
  Normalized result;
  normalize_into(utf8, options, result);
  return result;
}

void normalize_into(std::string_view utf8, const NormalizeOptions& options, Normalized& result) {
  Normalizer(utf8, options, result).run();
}

}  // namespace zhreport
