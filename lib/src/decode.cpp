// Bytes → UTF-8. The UTF-8 path is our own (a validating copy, fast on ASCII and CJK runs);
// GB18030, Big5 and UTF-16 go through ICU converters with a callback that lists every
// substitution. One engine (StreamDecoder::State) serves both decode() and streaming, so
// chunked output equals one-shot output by construction.
#include "zhreport/decode.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <utility>

#include "decode_chars.h"
#include "utf8.h"

namespace zhreport {

namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";  // U+FFFD in UTF-8
// How much of the input detection looks at: plenty for statistics, bounded cost.
constexpr size_t kDetectionSample = 64 * 1024;

std::string_view bom_of(Encoding encoding) {
  switch (encoding) {
    case Encoding::utf8:
      return "\xEF\xBB\xBF";
    case Encoding::utf16le:
      return "\xFF\xFE";
    case Encoding::utf16be:
      return "\xFE\xFF";
    default:
      return {};
  }
}

bool is_utf16(Encoding e) { return e == Encoding::utf16le || e == Encoding::utf16be; }

std::optional<size_t> find_nul(std::string_view bytes) {
  if (bytes.empty()) return std::nullopt;  // data() may be null
  const void* p = std::memchr(bytes.data(), 0, bytes.size());
  if (!p) return std::nullopt;
  return static_cast<size_t>(static_cast<const char*>(p) - bytes.data());
}

// --- UTF-8 ------------------------------------------------------------------------------------

enum class Utf8Status { valid, invalid, truncated };
struct Utf8Step {
  Utf8Status status;
  size_t length;  // valid: the sequence; invalid: its maximal subpart; truncated: bytes seen
};

// One step of UTF-8 decoding at p (avail > 0), per Unicode Table 3-7: an ill-formed sequence
// is replaced by one U+FFFD per maximal subpart (as ICU, WHATWG and Python do).
inline Utf8Step utf8_step(const unsigned char* p, size_t avail) {
  unsigned char b = p[0];
  if (b < 0x80) return {Utf8Status::valid, 1};
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF;  // range of the second byte
  if (b >= 0xC2 && b <= 0xDF) {
    need = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    need = 3;
    if (b == 0xE0) lo = 0xA0;  // overlong
    if (b == 0xED) hi = 0x9F;  // surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    need = 4;
    if (b == 0xF0) lo = 0x90;  // overlong
    if (b == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return {Utf8Status::invalid, 1};
  }
  for (size_t i = 1; i < need; ++i) {
    if (i >= avail) return {Utf8Status::truncated, i};
    unsigned char c = p[i];
    bool ok = i == 1 ? (c >= lo && c <= hi) : (c >= 0x80 && c <= 0xBF);
    if (!ok) return {Utf8Status::invalid, i};
  }
  return {Utf8Status::valid, need};
}

// The length of data[0..n) without a multi-byte sequence its end cuts short (it may still be
// invalid: only the lead byte's length is looked at).
size_t complete_prefix(const unsigned char* data, size_t n) {
  for (size_t back = 1; back <= 4 && back <= n; ++back) {
    const unsigned char c = data[n - back];
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    return utf8::sequence_length(c) > back ? n - back : n;
  }
  return n;
}

// The fast paths of the loops below, each returning where it stopped. ASCII, 8 bytes at a time:
size_t skip_ascii(const unsigned char* data, size_t i, size_t n) {
  while (n - i >= 8) {
    uint64_t word;
    std::memcpy(&word, data + i, 8);
    if (word & 0x8080808080808080ull) break;
    i += 8;
  }
  return i;
}

// Runs of three-byte sequences whose lead needs no range check on the second byte (all of
// CJK), two at a time: leads 1110xxxx (not E0, ED), continuation bytes 10xxxxxx. Chinese text
// spends most of its decoding here.
size_t skip_plain_three_byte_pairs(const unsigned char* data, size_t i, size_t n) {
  while (n - i >= 8 && utf8::is_plain_three_byte_pair(data + i)) i += 6;
  return i;
}

// Decodes data[0..n) (stream offset `base`) into out; returns the bytes consumed, which is
// less than n only when !last and the data ends inside a sequence.
size_t decode_utf8(const unsigned char* data, size_t n, size_t base, bool last, std::string& out,
                   OffsetMap* offsets, std::vector<InvalidSequence>& invalid) {
  size_t run = 0;  // start of the pending run of valid bytes
  size_t i = 0;
  auto flush_run = [&](size_t end) {
    out.append(reinterpret_cast<const char*>(data) + run, end - run);
    if (offsets) offsets->append_copied(base + run, end - run);
  };
  // Valid text, almost every input: up to its last complete sequence, one vectorized check
  // (simdjson's validator, many bytes a cycle) and one copy; the loop below then sees only the
  // few bytes of a sequence the chunk cuts, or the whole chunk when it holds invalid bytes.
  if (size_t whole = complete_prefix(data, n);
      whole >= 64 && simdjson::validate_utf8(reinterpret_cast<const char*>(data), whole)) {
    i = whole;
  }
  while (i < n) {
    i = skip_plain_three_byte_pairs(data, skip_ascii(data, i, n), n);
    while (n - i >= 3 && data[i] >= 0xE1 && data[i] <= 0xEF && data[i] != 0xED &&
           (data[i + 1] & 0xC0) == 0x80 && (data[i + 2] & 0xC0) == 0x80) {
      i += 3;
    }
    if (i >= n) break;
    Utf8Step step = utf8_step(data + i, n - i);
    if (step.status == Utf8Status::valid) {
      i += step.length;
      continue;
    }
    if (step.status == Utf8Status::truncated && !last) break;
    flush_run(i);
    out.append(kReplacement, 3);
    if (offsets) offsets->append_repeated(base + i, 3);
    invalid.push_back({base + i, step.length});
    i += step.length;
    run = i;
  }
  flush_run(i);
  return i;
}

struct Utf8Census {
  size_t multibyte = 0;  // valid sequences of 2..4 bytes
  size_t invalid = 0;    // maximal subparts
  // Not UTF-8 (invalid * 8 > multibyte): the counts are those of a prefix, where what follows
  // could no longer change that (a GB18030 report is known a few hundred bytes in).
  bool foreign() const { return invalid * 8 > multibyte; }
};

// A sequence cut by the end of `bytes` counts as invalid only when `complete`. Stops once the
// census is foreign() whatever the rest holds (each valid sequence there takes two bytes at
// least).
Utf8Census utf8_census(std::string_view bytes, bool complete) {
  Utf8Census census;
  auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size();
  for (size_t i = 0; i < n;) {
    // A byte no sequence starts with (a continuation byte, C0, C1, F5..FF: utf8_step's invalid
    // subpart of one byte), as most bytes of another charset are, before the fast paths.
    if (const unsigned char b = p[i]; (b >= 0x80 && b < 0xC2) || b >= 0xF5) {
      ++census.invalid;
      if (census.invalid * 8 > census.multibyte + (n - i) / 2) break;
      ++i;
      continue;
    }
    // The decoding loop's fast paths: ASCII, then pairs of plain three-byte sequences.
    i = skip_ascii(p, i, n);
    const size_t pairs_start = i;
    i = skip_plain_three_byte_pairs(p, i, n);
    census.multibyte += (i - pairs_start) / 3;
    if (i >= n) break;
    if (p[i] < 0x80) {
      ++i;
      continue;
    }
    if (utf8::is_plain_three_byte(p + i, n - i)) {
      ++census.multibyte;
      i += 3;
      continue;
    }
    Utf8Step step = utf8_step(p + i, n - i);
    if (step.status == Utf8Status::valid) {
      ++census.multibyte;
    } else if (step.status == Utf8Status::invalid || complete) {
      ++census.invalid;
      if (census.invalid * 8 > census.multibyte + (n - i) / 2) break;
    }
    i += step.length;
  }
  return census;
}

// --- ICU ------------------------------------------------------------------------------------

const char* icu_name(Encoding encoding) {
  switch (encoding) {
    case Encoding::gb18030:
      return "GB18030";
    // Big5-HKSCS (ICU ibm-1375) decodes every character of Windows' Big5 (cp950) the same
    // way, and also the Hong Kong characters that cp950 maps to the private use area.
    case Encoding::big5:
      return "Big5-HKSCS";
    case Encoding::utf16le:
      return "UTF-16LE";
    case Encoding::utf16be:
      return "UTF-16BE";
    case Encoding::utf8:
      break;
  }
  return "UTF-8";
}

bool by_offset(const InvalidSequence& a, const InvalidSequence& b) { return a.offset < b.offset; }

// --- characters as detection counts them --------------------------------------------------------

using decode_detail::char_class;
using decode_detail::CharClass;
using decode_detail::han_classes;
using decode_detail::HanClasses;
using decode_detail::kCharClasses;
using decode_detail::kHanFirst;
using ClassCounts = std::array<size_t, kCharClasses>;

constexpr auto kAsciiClasses = [] {
  std::array<CharClass, 0x80> classes{};
  for (char32_t c = 0; c < 0x80; ++c)
    classes[c] = decode_detail::is_ordinary(c) ? CharClass::ordinary : CharClass::strange;
  return classes;
}();

// Adds the characters of valid UTF-8 `text` to `counts` by class.
void count_classes(std::string_view text, ClassCounts& counts);

// --- GB18030 and Big5 by table ------------------------------------------------------------------

// ICU's converters take some hundred instructions a character (through UTF-16, with a callback
// and an offset per unit). A two-byte character of GB18030 or Big5 decodes the same wherever it
// stands, so ICU's own converter decodes each of them once, at build time, into a table
// (decode_chars.h), and the text is read through it; ICU still decodes whatever the table lacks
// (GB18030's four-byte sequences, invalid bytes, the Big5-HKSCS pairs that give two characters)
// up to the end of that line. A line feed ends any sequence (it is no byte of one), so ICU starts
// and stops at the points where, converting the whole input, it would have held no bytes either.
class PairTable {
 public:
  constexpr explicit PairTable(const uint32_t* entries) : entries_(entries) {}
  // The two bytes at p as one number, the lead byte high: a pair the table may decode is
  // kFirstPair or above (its lead byte from 0x80).
  static uint32_t pair_at(const unsigned char* p) { return uint32_t(p[0]) << 8 | p[1]; }
  static constexpr uint32_t kFirstPair = 0x8000;
  // For a pair from kFirstPair: 0 when the table does not decode it, else the character's UTF-8
  // bytes (the first lowest), their count (bits 24..27) and the character's class (bits 28..31).
  uint32_t entry(uint32_t pair) const { return entries_[size_t(pair) - kFirstPair]; }
  static size_t length(uint32_t entry) { return (entry >> 24) & 0xF; }
  // length(entry) == 3 (most characters), in one test.
  static bool three_bytes(uint32_t entry) { return (entry & 0x0F000000u) == 0x03000000u; }
  // Both of length 3, in one test: of the lengths (0 to 4), 3 alone has both low bits.
  static bool both_three_bytes(uint32_t a, uint32_t b) {
    return (a & b & 0x03000000u) == 0x03000000u;
  }
  static CharClass class_of(uint32_t entry) { return CharClass(entry >> 28); }

 private:
  const uint32_t* entries_;
};

constexpr PairTable kGb18030Table(decode_detail::kGb18030Pairs),
    kBig5Table(decode_detail::kBig5HkscsPairs);

// GB18030 writes NBSP (U+00A0) in four bytes, which the pair tables do not hold; web pages are
// full of them, and ICU read the rest of each line that held one. Decoded as ICU decodes it.
constexpr std::string_view kGb18030Nbsp = "\x81\x30\x84\x32", kNbsp = "\xC2\xA0";
constexpr CharClass kNbspClass =
    decode_detail::is_ordinary(0xA0) ? CharClass::ordinary : CharClass::strange;

// The table of `encoding`; null for charsets without one.
const PairTable* pair_table(Encoding encoding) {
  if (encoding == Encoding::gb18030) return &kGb18030Table;
  if (encoding == Encoding::big5) return &kBig5Table;
  return nullptr;
}

// ICU's converters, each opened once a process with the callback decode() needs (ICU stops at
// each invalid sequence and we substitute it: a callback cannot place what it rejects, as ICU
// hands it the bytes it replays from its own buffer). A reading clones its own (ucnv_clone is
// thread-safe) where it needs one; null where ICU lacks the converter (UTF-8 needs none).
class IcuConverters {
 public:
  IcuConverters() {
    for (Encoding e : {Encoding::gb18030, Encoding::big5, Encoding::utf16le, Encoding::utf16be}) {
      UErrorCode status = U_ZERO_ERROR;
      UConverter* converter = ucnv_open(icu_name(e), &status);
      if (U_SUCCESS(status)) {
        ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
      }
      if (U_FAILURE(status) && converter) ucnv_close(std::exchange(converter, nullptr));
      converters_[size_t(e)] = converter;
    }
  }
  ~IcuConverters() {
    for (UConverter* converter : converters_) {
      if (converter) ucnv_close(converter);
    }
  }
  IcuConverters(const IcuConverters&) = delete;
  IcuConverters& operator=(const IcuConverters&) = delete;
  const UConverter* of(Encoding encoding) const { return converters_[size_t(encoding)]; }

 private:
  std::array<UConverter*, 5> converters_{};
};

const UConverter* icu_converter(Encoding encoding) {
  static const IcuConverters converters;
  return converters.of(encoding);
}

}  // namespace

// --- the engine -------------------------------------------------------------------------------

struct StreamDecoder::State {
  Encoding encoding;
  bool bom = false;
  bool bom_checked = false;
  std::string head;          // the first bytes, held until the BOM question is settled
  std::string utf8_pending;  // an incomplete UTF-8 sequence from the previous chunk
  size_t position = 0;       // stream offset of the next byte fed
  std::vector<InvalidSequence> invalid;
  std::optional<size_t> nul;
  // ICU's converter, cloned at its first use (icu()): most GB18030 and Big5 texts need none.
  UConverter* converter = nullptr;
  // Whether ICU has the converter (only a broken ICU installation lacks these; decode() reports
  // it, a stream turns every byte into a listed U+FFFD).
  bool available = false;
  // Detection's census: when set, every character decoded is counted there by class.
  ClassCounts* counts = nullptr;
  // Whether the census is all a reading is for (a detection's reading that is not kept): what
  // ICU decodes is then counted unit by unit, not written as UTF-8 and read again.
  bool counts_only = false;

  explicit State(Encoding e)
      : encoding(e),
        bom_checked(bom_of(e).empty()),
        available(e != Encoding::utf8 && icu_converter(e)) {}
  ~State() {
    if (converter) ucnv_close(converter);
  }
  State(const State&) = delete;
  State& operator=(const State&) = delete;

  void feed(std::string_view chunk, bool last, std::string& out, OffsetMap* offsets) {
    if (!bom_checked) {
      std::string_view mark = bom_of(encoding);
      head.append(chunk);
      if (head.size() < mark.size() && !last) return;
      bom_checked = true;
      std::string held = std::move(head);
      if (std::string_view(held).starts_with(mark)) {
        bom = true;
        position = mark.size();
        held.erase(0, mark.size());
      }
      convert(held, last, out, offsets);
      return;
    }
    convert(chunk, last, out, offsets);
  }

  void convert(std::string_view chunk, bool last, std::string& out, OffsetMap* offsets) {
    if (!nul && !is_utf16(encoding)) {
      if (std::optional<size_t> at = find_nul(chunk)) nul = position + *at;
    }
    if (encoding == Encoding::utf8) {
      convert_utf8(chunk, last, out, offsets);
    } else {
      convert_charset(chunk, last, out, offsets);
    }
  }

  // decode() of UTF-8 leaving valid text where it is: appends to `out` what had to be decoded
  // (a sequence held from the previous chunk and completed by this one; the whole chunk if it
  // holds invalid bytes) and returns the rest, a view into `chunk` (empty if none).
  std::string_view decode_split(std::string_view chunk, bool last, std::string& out) {
    if (encoding != Encoding::utf8 || !bom_checked) {
      feed(chunk, last, out, nullptr);
      return {};
    }
    if (!nul) {
      if (std::optional<size_t> at = find_nul(chunk)) nul = position + *at;
    }
    const size_t skip = finish_pending(chunk, last, out, nullptr);
    if (skip == std::string_view::npos) return {};
    const std::string_view rest = chunk.substr(skip);
    const auto* data = reinterpret_cast<const unsigned char*>(rest.data());
    const size_t whole = complete_prefix(data, rest.size());
    if (whole >= 64 && (!last || whole == rest.size()) &&
        simdjson::validate_utf8(rest.data(), whole)) {
      utf8_pending.assign(rest.substr(whole));
      position += chunk.size();
      return rest.substr(0, whole);
    }
    const size_t used =
        decode_utf8(data, rest.size(), position + skip, last, out, nullptr, invalid);
    utf8_pending.assign(rest.substr(used));
    position += chunk.size();
    return {};
  }

  // Completes a sequence held from the previous chunk with the first bytes of `chunk`, into
  // `out`; returns how many bytes of chunk that took, or npos when chunk was too short to
  // complete it (then all of it is held, and `position` is past it).
  size_t finish_pending(std::string_view chunk, bool last, std::string& out, OffsetMap* offsets) {
    if (utf8_pending.empty()) return 0;
    // Decode the pending bytes plus a few from this chunk; whatever that consumes beyond the
    // pending bytes is taken from the chunk.
    const size_t n = chunk.size();
    size_t held = utf8_pending.size();
    size_t take = std::min<size_t>(n, 4);
    std::string joined = utf8_pending + std::string(chunk.substr(0, take));
    size_t start = position - held;
    size_t used = decode_utf8(reinterpret_cast<const unsigned char*>(joined.data()), joined.size(),
                              start, last && take == n, out, offsets, invalid);
    if (used < held) {  // still incomplete: the chunk was tiny
      utf8_pending = joined.substr(used);
      position += n;
      return std::string_view::npos;
    }
    utf8_pending.clear();
    return used - held;
  }

  void convert_utf8(std::string_view chunk, bool last, std::string& out, OffsetMap* offsets) {
    auto* data = reinterpret_cast<const unsigned char*>(chunk.data());
    size_t n = chunk.size();
    const size_t skip = finish_pending(chunk, last, out, offsets);
    if (skip == std::string_view::npos) return;
    size_t used = decode_utf8(data + skip, n - skip, position + skip, last, out, offsets, invalid);
    utf8_pending.assign(chunk.substr(skip + used));
    position += n;
  }

  bool usable() const { return encoding == Encoding::utf8 || available; }

  // The converter, cloned now if it is not yet; null when ICU lacks it.
  UConverter* icu() {
    if (converter || !available) return converter;
    UErrorCode status = U_ZERO_ERROR;
    converter = ucnv_clone(icu_converter(encoding), &status);
    if (U_FAILURE(status) && converter) ucnv_close(std::exchange(converter, nullptr));
    return converter;
  }

  // GB18030 and Big5 through their pair table where it decodes, the rest and other charsets
  // through ICU.
  void convert_charset(std::string_view chunk, bool last, std::string& out, OffsetMap* offsets) {
    const PairTable* table = available ? pair_table(encoding) : nullptr;
    if (!table) return convert_icu(chunk, last, out, offsets);
    size_t at = 0;
    do {
      if (!icu_holds_bytes()) at = convert_by_table(*table, chunk, at, out, offsets);
      if (at == chunk.size() && !(last && icu_holds_bytes())) break;
      const size_t line_feed = chunk.find('\n', at);
      const size_t line_end = line_feed == std::string_view::npos ? chunk.size() : line_feed + 1;
      convert_icu(chunk.substr(at, line_end - at), last && line_end == chunk.size(), out, offsets);
      at = line_end;
    } while (at < chunk.size());
  }

  bool icu_holds_bytes() const { return icu_held_bytes() > 0; }

  // How many bytes before `position` ICU holds: a sequence cut by the end of its last input, or
  // the bytes after an invalid sequence, which it reads again.
  size_t icu_held_bytes() const {
    UErrorCode status = U_ZERO_ERROR;
    return converter ? static_cast<size_t>(ucnv_toUCountPending(converter, &status)) : 0;
  }

  // Decodes chunk[at...] through `table`, ASCII as it is, up to the chunk's end or the first pair
  // the table lacks; returns where it stopped.
  size_t convert_by_table(const PairTable& table, std::string_view chunk, size_t at,
                          std::string& out, OffsetMap* offsets) {
    // A block of input at a time is written to the stack, then appended: the room for it,
    // made in `out` by resize(), was zero-filled first (a byte or two an instruction).
    constexpr size_t kBlock = 1024;
    // Two bytes give at most three, and each character is stored as four (a pair may start at
    // the block's last byte).
    char written[kBlock * 3 / 2 + 4];
    const auto* data = reinterpret_cast<const unsigned char*>(chunk.data());
    const size_t n = chunk.size();
    // (a copy: the table's pointer stays in a register, where the stores through `w` might
    // have changed it)
    const PairTable pairs = table;
    ClassCounts seen{};
    // The characters of three bytes from two since `stretch` are told to the map at once.
    size_t stretch = at;
    auto end_stretch = [&](size_t end) {
      if (offsets && end > stretch)
        offsets->append_groups(position + (stretch - at), 3, 2, (end - stretch) / 2);
    };
    size_t i = at;
    bool stopped = false;
    while (i < n && !stopped) {
      const size_t block_end = std::min(n, i + kBlock);
      char* w = written;
      // (a pair that starts before it has its second byte in the chunk)
      const size_t pairs_end = std::min(block_end, n - 1);
      // (and a second pair after it: two pairs start before pairs_end)
      const size_t twos_end = pairs_end > 2 ? pairs_end - 2 : 0;
      while (i < block_end) {
        // A run of ASCII (digits, line ends: short, between runs of characters), then the
        // characters after it without a return to the loop's top.
        if (data[i] < 0x80) {
          end_stretch(i);
          const size_t start = i;
          do {
            *w++ = char(data[i]);
            ++seen[size_t(kAsciiClasses[data[i]])];
          } while (++i < block_end && data[i] < 0x80);
          // (a run of its own: the characters before it end the last run, but at the block's or
          // the chunk's start, where it may be cut in one run more)
          if (offsets) offsets->push_copied(position + (start - at), i - start);
          stretch = i;
          if (i >= block_end) break;
        }
        // Runs of characters of three bytes, most of a report, two at a time (one test for both
        // lead bytes, one for both lengths), then the last one: one test of the entry (a pair
        // the table lacks has none) for both.
        while (i < twos_end) {
          const uint32_t first = PairTable::pair_at(data + i),
                         second = PairTable::pair_at(data + i + 2);
          if (!(first & second & PairTable::kFirstPair)) break;
          const uint32_t a = pairs.entry(first), b = pairs.entry(second);
          if (!PairTable::both_three_bytes(a, b)) break;
          std::memcpy(w, &a, 4);
          std::memcpy(w + 3, &b, 4);
          ++seen[size_t(PairTable::class_of(a))];
          ++seen[size_t(PairTable::class_of(b))];
          i += 4;
          w += 6;
        }
        for (uint32_t pair = 0, entry = 0;
             i < pairs_end && (pair = PairTable::pair_at(data + i)) >= PairTable::kFirstPair &&
             PairTable::three_bytes(entry = pairs.entry(pair));
             i += 2, w += 3) {
          std::memcpy(w, &entry, 4);
          ++seen[size_t(PairTable::class_of(entry))];
        }
        if (i >= block_end) break;
        if (data[i] < 0x80) continue;
        // A pair the table lacks, or a character of another length: an entry of the map's own.
        const uint32_t entry = i < pairs_end ? pairs.entry(PairTable::pair_at(data + i)) : 0;
        if (!entry && encoding == Encoding::gb18030 && n - i >= kGb18030Nbsp.size() &&
            std::memcmp(data + i, kGb18030Nbsp.data(), kGb18030Nbsp.size()) == 0) {
          end_stretch(i);
          w = std::copy(kNbsp.begin(), kNbsp.end(), w);
          ++seen[size_t(kNbspClass)];
          if (offsets) offsets->append_repeated(position + (i - at), kNbsp.size());
          i += kGb18030Nbsp.size();
          stretch = i;
          continue;
        }
        if (!entry) {
          stopped = true;
          break;
        }
        std::memcpy(w, &entry, 4);
        ++seen[size_t(PairTable::class_of(entry))];
        const size_t length = PairTable::length(entry);
        w += length;
        end_stretch(i);
        if (offsets) offsets->append_repeated(position + (i - at), length);
        i += 2;
        stretch = i;
      }
      out.append(written, size_t(w - written));
    }
    end_stretch(i);
    position += i - at;
    if (counts) {
      for (size_t k = 0; k < kCharClasses; ++k) (*counts)[k] += seen[k];
    }
    return i;
  }

  void convert_icu(std::string_view chunk, bool last, std::string& out, OffsetMap* offsets) {
    const size_t counted = out.size();
    convert_icu_uncounted(chunk, last, out, offsets);
    if (counts && !counts_only) count_classes(std::string_view(out).substr(counted), *counts);
  }

  void convert_icu_uncounted(std::string_view chunk, bool last, std::string& out,
                             OffsetMap* offsets) {
    if (!icu()) {
      if (chunk.empty()) return;
      invalid.push_back({position, chunk.size()});
      put_replacement(out);
      if (offsets) offsets->append_repeated(position, 3);
      position += chunk.size();
      return;
    }
    // At most one UChar per input byte, plus the bytes held from the previous call.
    constexpr size_t kPiece = 16 * 1024;
    std::array<UChar, kPiece + 16> units;
    std::array<int32_t, kPiece + 16> unit_offsets;
    // (a reading that only counts asks ICU for none: it keeps how many invalid sequences it
    // met, not where)
    int32_t* origins = counts_only ? nullptr : unit_offsets.data();
    const char* source = chunk.data();
    const char* end = chunk.data() + chunk.size();
    bool stopped = false;
    do {
      const char* piece_end = std::min(end, source + kPiece);
      bool flush = last && piece_end == end;
      UErrorCode status = U_ZERO_ERROR;
      const size_t held_start = position - icu_held_bytes();
      const char* call_source = source;
      const size_t call_position = position;
      // Units ICU wrote from bytes it held have no offset; each is a byte past the one before
      // (a digit read again after an invalid lead, then what the next held byte begins).
      size_t held_units = 0;
      UChar* target = units.data();
      ucnv_toUnicode(converter, &target, units.data() + units.size(), &source, piece_end, origins,
                     flush, &status);
      size_t count = static_cast<size_t>(target - units.data());
      // At most three bytes a unit (four for the two of a surrogate pair), written in place.
      const size_t out_start = out.size();
      if (!counts_only) out.resize(out_start + 3 * count);
      char* written = out.data() + out_start;
      for (size_t i = 0; i < count; ++i) {
        int32_t o = origins ? origins[i] : 0;
        size_t origin = o < 0 ? held_start + held_units++ : call_position + static_cast<size_t>(o);
        char32_t c = units[i];
        if (U16_IS_SURROGATE(c)) {
          if (U16_IS_LEAD(c) && i + 1 < count && U16_IS_TRAIL(units[i + 1])) {
            c = U16_GET_SUPPLEMENTARY(c, units[i + 1]);
            ++i;
          } else {
            // ICU's UTF-16 converters pass a lone trail surrogate through; it is invalid.
            c = 0xFFFD;
            InvalidSequence bad{origin, 2};
            invalid.insert(std::upper_bound(invalid.begin(), invalid.end(), bad, by_offset), bad);
          }
        }
        if (counts_only) {
          ++(*counts)[size_t(char_class(c))];
          continue;
        }
        char* end_of_c = utf8::write(written, c);
        if (offsets) offsets->append_repeated(origin, static_cast<size_t>(end_of_c - written));
        written = end_of_c;
      }
      if (!counts_only) out.resize(static_cast<size_t>(written - out.data()));
      position = call_position + static_cast<size_t>(source - call_source);
      stopped = status == U_ILLEGAL_CHAR_FOUND || status == U_INVALID_CHAR_FOUND ||
                status == U_TRUNCATED_CHAR_FOUND;
      if (stopped) substitute_invalid(out, offsets);
      // After a stop at the end of the input, ICU may still hold bytes to read again.
    } while (source < end || (stopped && last));
  }

  // ICU stopped at an invalid sequence: it ends where the bytes ICU holds to read again begin.
  void substitute_invalid(std::string& out, OffsetMap* offsets) {
    char bytes[32];  // ICU's own buffer for them is as long
    int8_t length = sizeof bytes;
    UErrorCode status = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter, bytes, &length, &status);
    const InvalidSequence bad{position - icu_held_bytes() - static_cast<size_t>(length),
                              static_cast<size_t>(length)};
    invalid.push_back(bad);
    put_replacement(out);
    if (offsets) offsets->append_repeated(bad.offset, 3);
  }

  // The U+FFFD of an invalid sequence ICU read: written, or counted where the census is all.
  void put_replacement(std::string& out) {
    if (counts_only) {
      ++(*counts)[size_t(char_class(0xFFFD))];
    } else {
      out.append(kReplacement, 3);
    }
  }
};

StreamDecoder::StreamDecoder(Encoding encoding) : state_(std::make_unique<State>(encoding)) {}
StreamDecoder::~StreamDecoder() = default;
StreamDecoder::StreamDecoder(StreamDecoder&&) noexcept = default;
StreamDecoder& StreamDecoder::operator=(StreamDecoder&&) noexcept = default;

void StreamDecoder::decode(std::string_view chunk, bool last, std::string& out) {
  state_->feed(chunk, last, out, nullptr);
}
std::string_view StreamDecoder::decode_split(std::string_view chunk, bool last, std::string& out) {
  return state_->decode_split(chunk, last, out);
}
Encoding StreamDecoder::encoding() const { return state_->encoding; }
bool StreamDecoder::bom() const { return state_->bom; }
const std::vector<InvalidSequence>& StreamDecoder::invalid() const { return state_->invalid; }
std::optional<size_t> StreamDecoder::nul_offset() const { return state_->nul; }

// --- names ------------------------------------------------------------------------------------

std::string_view encoding_name(Encoding encoding) {
  switch (encoding) {
    case Encoding::utf8:
      return "utf-8";
    case Encoding::gb18030:
      return "gb18030";
    case Encoding::big5:
      return "big5";
    case Encoding::utf16le:
      return "utf-16le";
    case Encoding::utf16be:
      return "utf-16be";
  }
  return "utf-8";
}

std::optional<Encoding> parse_encoding(std::string_view name) {
  std::string key;
  for (char c : name) {
    if (c == '-' || c == '_') continue;
    key.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  struct Alias {
    std::string_view key;
    Encoding encoding;
  };
  static constexpr Alias kAliases[] = {
      {"utf8", Encoding::utf8},       {"gb18030", Encoding::gb18030}, {"gbk", Encoding::gb18030},
      {"gb2312", Encoding::gb18030},  {"cp936", Encoding::gb18030},   {"euccn", Encoding::gb18030},
      {"big5", Encoding::big5},       {"big5hkscs", Encoding::big5},  {"cp950", Encoding::big5},
      {"utf16le", Encoding::utf16le}, {"utf16", Encoding::utf16le},   {"ucs2le", Encoding::utf16le},
      {"utf16be", Encoding::utf16be}, {"ucs2be", Encoding::utf16be},
  };
  for (const Alias& alias : kAliases) {
    if (alias.key == key) return alias.encoding;
  }
  return std::nullopt;
}

// --- detection --------------------------------------------------------------------------------

namespace {

void count_classes(std::string_view text, ClassCounts& counts) {
  const HanClasses& han = han_classes();
  auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  for (size_t i = 0; i < n;) {
    const unsigned char b = s[i];
    // Most of a Chinese text first: ideographs (U+4E00..U+9FFF, led by E4 to E9; U+4000..U+4DFF
    // before them are strange) and ASCII.
    if (b >= 0xE4 && b <= 0xE9 && n - i >= 3) {
      const char32_t c = utf8::code_point(s + i, 3);
      i += 3;
      ++counts[size_t(c < kHanFirst ? CharClass::strange : han[c - kHanFirst])];
      continue;
    }
    if (b < 0x80) {
      ++i;
      ++counts[size_t(kAsciiClasses[b])];
      continue;
    }
    const size_t length = utf8::sequence_length(b);
    if (length > n - i) break;
    // Supplementary planes: rare in reports.
    const char32_t c = length == 4 ? 0x10000 : utf8::code_point(s + i, length);
    i += length;
    ++counts[size_t(char_class(c))];
  }
}

// How Chinese a decoded text looks.
struct Plausibility {
  size_t han = 0;          // CJK unified ideographs
  size_t common = 0;       // of which frequent ones
  size_t traditional = 0;  // of which Traditional forms, in a GB18030 reading
  size_t strange = 0;      // characters Chinese reports hardly ever contain
  size_t invalid = 0;      // bytes the charset rejected
  // GB18030 files hold Traditional text too, but mostly Simplified: between two readings as
  // common as each other (short texts), the Simplified GB18030 one or the Big5 one wins.
  long score() const {
    return 4 * static_cast<long>(common) - static_cast<long>(traditional) -
           2 * static_cast<long>(strange) - 8 * static_cast<long>(invalid);
  }
  bool utf16 = false;  // a reading in which ASCII bytes pair up into ideographs
  // Mostly frequent characters; or, for a GB18030 or Big5 reading without a single invalid
  // or strange character (lists of names are made of rarer ones), a fair share of them.
  bool convincing() const {
    bool clean = invalid == 0 && strange == 0 && !utf16;
    return score() > 0 && (common * 10 >= han * 4 || (clean && common * 5 >= han));
  }
};

// A whole input as decode() reads it in one charset, with each output byte's origin.
struct Reading {
  std::string text;
  OffsetMap offsets;
  std::vector<InvalidSequence> invalid;
  std::optional<size_t> nul;
};

// What detect() asks of a reading after the first that convinced: to be convincing too, and to
// score at least `best` or to be clean (detect()'s sense: which ends its look at UTF-16).
struct Contest {
  std::optional<long> best;  // the best convincing score so far; none when none convinced
};

// Whether a reading whose counts are `p` so far, with `left` bytes of the sample still to read,
// can no longer count in `contest`: each character still to come takes two bytes at least
// (ASCII is none of the ideographs), and the score's penalties and the ideographs only grow.
bool out_of_contest(const Plausibility& p, size_t left, const Contest& contest) {
  const size_t more = left / 2;
  Plausibility top = p;  // every character to come a frequent one, and no ideograph counted
  top.common += more;
  const bool may_end_utf16 = p.invalid == 0 && p.strange * 10 <= p.han + more;
  return !top.convincing() || (contest.best && top.score() < *contest.best && !may_end_utf16);
}

// How Chinese `sample` reads in `encoding`; when `keep` is given (a complete input), the
// reading itself is kept there too, for decode() not to read the input twice. With a
// `contest`, the sample is read a piece at a time and nullopt returned once the reading cannot
// count there (what a wrong charset reads is clear long before its end).
std::optional<Plausibility> plausibility(Encoding encoding, std::string_view sample, bool complete,
                                         Reading* keep = nullptr,
                                         const Contest* contest = nullptr) {
  // (small: a wrong reading of a report of 1 KB is given up after ~40% of it, where pieces of
  // 512 bytes read most of it, or all where it was shorter; pieces of 32 cost more than they save)
  constexpr size_t kPiece = 64;
  StreamDecoder::State state(encoding);
  std::string text;
  OffsetMap offsets;
  if (!state.usable()) keep = nullptr;
  // (GB18030 and Big5: three bytes from two at most)
  if (keep) text.reserve(sample.size() + sample.size() / 2);
  ClassCounts counts{};
  state.counts = &counts;
  state.counts_only = !keep;
  const auto measure = [&] {
    const auto count = [&](CharClass c) { return counts[size_t(c)]; };
    Plausibility p;
    p.invalid = state.invalid.size();
    p.utf16 = is_utf16(encoding);
    p.common = count(CharClass::common_han) + count(CharClass::common_traditional_han);
    p.han = p.common + count(CharClass::rare_han);
    if (encoding == Encoding::gb18030) p.traditional = count(CharClass::common_traditional_han);
    p.strange = count(CharClass::strange);
    return p;
  };
  // (a stream decodes pieces as it decodes the whole)
  size_t fed = 0;
  while (contest && sample.size() - fed > kPiece) {
    state.feed(sample.substr(fed, kPiece), false, text, keep ? &offsets : nullptr);
    fed += kPiece;
    // (ICU may hold a few bytes of a character cut by the piece's end)
    if (out_of_contest(measure(), sample.size() - fed + 8, *contest)) return std::nullopt;
  }
  state.feed(sample.substr(fed), complete, text, keep ? &offsets : nullptr);
  Plausibility p = measure();
  if (keep) *keep = {std::move(text), std::move(offsets), std::move(state.invalid), state.nul};
  return p;
}

// ICU's detector, restricted to our candidates, best first.
std::vector<Encoding> icu_candidates(std::string_view sample) {
  std::vector<Encoding> order;
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* detector = ucsdet_open(&status);
  ucsdet_setText(detector, sample.data(), static_cast<int32_t>(sample.size()), &status);
  int32_t found = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(detector, &found, &status);
  for (int32_t i = 0; U_SUCCESS(status) && i < found; ++i) {
    UErrorCode name_status = U_ZERO_ERROR;
    std::optional<Encoding> e = parse_encoding(ucsdet_getName(matches[i], &name_status));
    if (e && *e != Encoding::utf8 && std::find(order.begin(), order.end(), *e) == order.end()) {
      order.push_back(*e);
    }
  }
  ucsdet_close(detector);
  for (Encoding e : {Encoding::gb18030, Encoding::big5, Encoding::utf16le, Encoding::utf16be}) {
    if (std::find(order.begin(), order.end(), e) == order.end()) order.push_back(e);
  }
  return order;
}

Error binary_error(size_t offset) {
  return Error{ErrorCode::binary,
               "binary content (NUL byte at offset " + std::to_string(offset) + ")"};
}

// NUL bytes are ASCII's high (or low) half in UTF-16; anywhere else they mean binary data.
std::optional<Encoding> utf16_by_nuls(std::string_view sample, bool complete) {
  size_t even = 0, odd = 0;
  for (size_t i = 0; i < sample.size(); ++i) {
    if (sample[i] == 0) ++(i % 2 ? odd : even);
  }
  Encoding guess;
  if (odd > 9 * even) {
    guess = Encoding::utf16le;
  } else if (even > 9 * odd) {
    guess = Encoding::utf16be;
  } else {
    return std::nullopt;
  }
  // ASCII-rich UTF-16 is half NUL bytes; Chinese UTF-16 must read as Chinese.
  Plausibility p = *plausibility(guess, sample, complete);
  bool ascii_rich = (odd + even) * 8 >= sample.size();
  if (p.invalid * 100 > sample.size() / 2 + 1 || !(ascii_rich || p.convincing())) {
    return std::nullopt;
  }
  return guess;
}

struct Detection {
  explicit Detection(Encoding e, bool clean = false) : encoding(e), clean_utf8(clean) {}
  Encoding encoding;
  bool clean_utf8 = false;  // valid UTF-8 without BOM: decode() can copy it as it is
  // The whole input read in `encoding`, when deciding took that (a GB18030 or Big5 input of
  // up to kDetectionSample bytes): decode() takes it as it is.
  std::optional<Reading> reading;
};

Result<Detection> detect(std::string_view bytes, bool complete) {
  // (each BOM opens with a byte from 0xEF: most inputs are told by their first)
  const bool may_open_bom = !bytes.empty() && static_cast<unsigned char>(bytes[0]) >= 0xEF;
  for (Encoding e : {Encoding::utf8, Encoding::utf16le, Encoding::utf16be}) {
    if (may_open_bom && bytes.starts_with(bom_of(e))) return Detection{e};
  }
  std::string_view sample = bytes.substr(0, kDetectionSample);
  bool sample_complete = complete && sample.size() == bytes.size();
  if (std::optional<size_t> nul = find_nul(bytes)) {
    if (std::optional<Encoding> e = utf16_by_nuls(sample, sample_complete)) return Detection{*e};
    return binary_error(*nul);
  }
  // Valid UTF-8, almost every input: one vectorized check (simdjson's validator), of its head
  // first: another charset fails there (its first non-ASCII bytes), where the whole input was
  // read (a UTF-8 head cut where no sequence is is valid with the rest alone).
  constexpr size_t kUtf8Head = 1024;
  const size_t head = complete_prefix(reinterpret_cast<const unsigned char*>(bytes.data()),
                                      std::min(bytes.size(), kUtf8Head));
  if (simdjson::validate_utf8(bytes.data(), head) &&
      (head == bytes.size() ||  // (an input of up to kUtf8Head bytes, whole)
       simdjson::validate_utf8(bytes.data() + head, bytes.size() - head))) {
    return Detection{Encoding::utf8, true};
  }
  Utf8Census census = utf8_census(bytes, complete);
  // Valid UTF-8 but for a few stray bytes: a damaged UTF-8 file, not another charset (text in
  // GB18030 or Big5 forms valid UTF-8 sequences only by accident, far less often than not).
  if (census.invalid == 0) return Detection{Encoding::utf8, true};
  if (!census.foreign()) return Detection{Encoding::utf8};
  // Our own reading decides. ICU's detector runs every recognizer it has (it cost half of
  // zhextract's time on GB18030 reports), so it is asked only to order a tie.
  // A convincing GB18030 or Big5 reading without invalid bytes and with few strange characters
  // (pinyin tone letters, NBSPs: under one per ten ideographs) settles it: the UTF-16 readings
  // (pure Chinese UTF-16 has no NUL bytes) would pair its bytes into odd characters, and reading
  // them cost a third of zhextract's time on such reports.
  // A GB18030 reading of 50 or more ideographs, nine in ten of them common, no invalid byte
  // and as few strange characters settles it alone: Big5 text read as GB18030 gives mostly
  // rare ideographs.
  std::vector<std::pair<Encoding, long>> scores;
  // The first reading, GB18030's, when the sample is the whole input: the others, most given up
  // on, are read without their offsets; decode() reads the input again in the rare one that
  // wins (Big5, UTF-16 without NUL bytes).
  Reading first;
  bool clean = false;
  // After the first, a reading is given up once it cannot convince or change the outcome.
  Contest contest;
  const Contest* against = nullptr;  // (none for the first reading)
  for (Encoding e : {Encoding::gb18030, Encoding::big5, Encoding::utf16le, Encoding::utf16be}) {
    if (clean && is_utf16(e)) break;
    std::optional<Plausibility> read = plausibility(
        e, sample, sample_complete, sample_complete && !against ? &first : nullptr, against);
    against = &contest;
    if (!read || !read->convincing()) continue;
    const Plausibility& p = *read;
    contest.best = std::max(contest.best.value_or(p.score()), p.score());
    scores.emplace_back(e, p.score());
    clean = clean || (p.invalid == 0 && p.strange * 10 <= p.han);
    if (clean && e == Encoding::gb18030 && p.han >= 50 && p.common * 10 >= p.han * 9) break;
  }
  // Nothing convincing: read it as UTF-8, so the damage shows as listed U+FFFD.
  if (!contest.best) return Detection{Encoding::utf8};
  std::vector<Encoding> top;
  for (const auto& [e, score] : scores) {
    if (score == *contest.best) top.push_back(e);
  }
  Encoding chosen = top.front();
  if (top.size() > 1) {
    for (Encoding e : icu_candidates(sample)) {
      if (std::find(top.begin(), top.end(), e) != top.end()) {
        chosen = e;
        break;
      }
    }
  }
  Detection detection{chosen};
  if (sample_complete && chosen == Encoding::gb18030) detection.reading = std::move(first);
  return detection;
}

}  // namespace

Result<Encoding> detect_encoding(std::string_view head) {
  Result<Detection> d = detect(head, false);
  if (!d) return d.error();
  return d->encoding;
}

Result<Decoded> decode(std::string_view bytes, const DecodeOptions& options) {
  Detection detection{Encoding::utf8};
  if (options.from) {
    detection.encoding = *options.from;
    detection.clean_utf8 = detection.encoding == Encoding::utf8 &&
                           !bytes.starts_with(bom_of(Encoding::utf8)) &&
                           simdjson::validate_utf8(bytes.data(), bytes.size());
  } else {
    Result<Detection> d = detect(bytes, true);
    if (!d) return d.error();
    detection = std::move(d).value();
  }
  Encoding encoding = detection.encoding;
  Decoded decoded;
  decoded.encoding = encoding;
  // Offsets map every output byte to its input byte; the last entry is the input's end. The
  // input must fit the map's 32-bit offsets.
  OffsetMap* offsets = nullptr;
  if (options.track_offsets) {
    if (bytes.size() > UINT32_MAX)
      return Error{ErrorCode::too_large, "input over 4 GiB cannot be tracked"};
    if (!(detection.clean_utf8 && options.borrow_when_copied)) offsets = &decoded.offsets;
  }
  if (detection.reading) {  // read whole while detecting
    Reading& reading = *detection.reading;
    if (reading.nul) return binary_error(*reading.nul);
    decoded.text = std::move(reading.text);
    if (offsets) {
      *offsets = std::move(reading.offsets);
      offsets->append_repeated(bytes.size(), 1);
    }
    decoded.invalid = std::move(reading.invalid);
    return decoded;
  }
  StreamDecoder::State state(encoding);
  if (!state.usable()) {
    return Error{ErrorCode::encoding,
                 "no ICU converter for " + std::string(encoding_name(encoding))};
  }
  if (detection.clean_utf8) {
    // Fast path: valid UTF-8 is the text already (NUL bytes aside), each byte its own origin.
    // (detect() looked for NUL bytes before it called the input clean.)
    if (options.from) {
      if (std::optional<size_t> nul = find_nul(bytes)) return binary_error(*nul);
    }
    decoded.copied = true;
    if (!options.borrow_when_copied) decoded.text.assign(bytes);
    if (offsets) offsets->append_copied(0, bytes.size());
  } else {
    decoded.text.reserve(bytes.size() + bytes.size() / 2);
    state.feed(bytes, true, decoded.text, offsets);
  }
  if (state.nul) return binary_error(*state.nul);
  if (offsets) offsets->append_repeated(bytes.size(), 1);
  decoded.bom = state.bom;
  decoded.invalid = std::move(state.invalid);
  return decoded;
}

}  // namespace zhreport
