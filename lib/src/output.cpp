#include "zhreport/output.h"

#include "output_fields.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>

#include "utf8.h"

namespace zhreport {

// ----------------------------------------------------------------------------- writers

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when the bytes there are not one.
size_t utf8_sequence_length(std::string_view s, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  size_t length;
  uint32_t min;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2, min = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3, min = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4, min = 0x10000;
  } else {
    return 0;
  }
  if (i + length > s.size()) return 0;
  uint32_t code = lead & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    code = (code << 6) | (byte(i + k) & 0x3F);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

// The writers behind the appends: each writes at `p`, which has the room it needs, and returns
// the end of what it wrote. zhextract writes a line per fact: bounding the line first and
// writing it through these grows the string once instead of some sixty appends.

// An integer in decimal, as fmt's "{}" writes it, without its formatting machinery (a fact
// line has four to six of them). One of up to four digits (values, most offsets in a report)
// is written in place, by its pairs of digits (one division by 100); a longer one two digits
// at a time from the last into a buffer, then copied by one store of the 20 bytes room:
// std::to_chars counted the digits first, in a call with range checks, twice the cost. Room:
// 20 bytes.
char* write_integer(char* p, uint64_t value) {
  static constexpr char kPairs[] =
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
      "40414243444546474849505152535455565758596061626364656667686970717273747576777879"
      "8081828384858687888990919293949596979899";
  const auto write_pair = [](char* at, uint64_t pair) { std::memcpy(at, kPairs + 2 * pair, 2); };
  if (value < 100) {
    if (value < 10) {
      *p = static_cast<char>('0' + value);
      return p + 1;
    }
    write_pair(p, value);
    return p + 2;
  }
  if (value < 10000) {
    const auto small = static_cast<uint32_t>(value);  // (a division in 32 bits is cheaper)
    const uint32_t high = small / 100;
    if (high < 10) {
      *p++ = static_cast<char>('0' + high);
    } else {
      write_pair(p, high);
      p += 2;
    }
    write_pair(p, small - 100 * high);
    return p + 2;
  }
  constexpr size_t kRoom = 20;  // the digits of UINT64_MAX
  char buffer[2 * kRoom];       // the digits end at kRoom; the copy reads kRoom from the first
  char* q = buffer + kRoom;
  for (; value >= 100; value /= 100) {
    q -= 2;
    write_pair(q, value % 100);
  }
  if (value >= 10) {
    q -= 2;
    write_pair(q, value);
  } else {
    *--q = static_cast<char>('0' + value);
  }
  std::memcpy(p, q, kRoom);
  return p + (buffer + kRoom - q);
}

char* write_integer(char* p, int64_t value) {
  if (value >= 0) return write_integer(p, static_cast<uint64_t>(value));
  *p++ = '-';
  return write_integer(p, uint64_t{0} - static_cast<uint64_t>(value));
}

template <typename Integer>
void append_integer(std::string& out, Integer value) {
  char buffer[24];
  out.append(buffer, write_integer(buffer, value));
}

void append_unsigned(std::string& out, uint64_t value) { append_integer(out, value); }

// Room for write_number: an int64, or a double in its shortest form (-2.2250738585072014e-308).
constexpr size_t kNumberRoom = 32;

char* write_number(char* p, double value) {
  // A whole number below 2^53 (exact in a double) as an integer, told by converting it back: a
  // fact's value, where the tests of finiteness, of std::trunc and of the range came first (the
  // range is false for infinities and NaN, which JSON has no number for).
  if (std::fabs(value) < 9007199254740992.0) {
    if (const auto whole = static_cast<int64_t>(value); static_cast<double>(whole) == value) {
      return write_integer(p, whole);
    }
  } else if (!std::isfinite(value)) {
    std::memcpy(p, "null", 4);
    return p + 4;
  }
  return fmt::format_to_n(p, kNumberRoom, "{}", value).out;  // shortest round-trip form
}

// How many of the eight bytes of `x` (little-endian) JSON takes as they are, from the first:
// ASCII from the space up, no quote, no backslash. (The lowest byte each test flags is exact: a
// borrow only runs up from a flagged byte.)
size_t plain_ascii_prefix(uint64_t x) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  auto has_zero = [&](uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  const uint64_t flagged = ((x | (x - 0x2020202020202020ull)) & kHighs) |
                           has_zero(x ^ (kOnes * '"')) | has_zero(x ^ (kOnes * '\\'));
  return flagged == 0 ? 8 : static_cast<size_t>(std::countr_zero(flagged)) / 8;
}

size_t plain_ascii_prefix8(const unsigned char* p) {
  uint64_t x;
  std::memcpy(&x, p, 8);
  return plain_ascii_prefix(x);
}

// The `n` bytes (1 to 7) at `s` as a word (little-endian) whose bytes above them are zero,
// read without a byte past them: two words of four (the bytes both hold are the same) or three
// single bytes.
uint64_t short_word(const unsigned char* s, size_t n) {
  if (n >= 4) {
    uint32_t first, last;
    std::memcpy(&first, s, 4);
    std::memcpy(&last, s + n - 4, 4);
    return first | uint64_t{last} << (8 * (n - 4));
  }
  return uint64_t{s[0]} | uint64_t{s[n / 2]} << (8 * (n / 2)) | uint64_t{s[n - 1]} << (8 * (n - 1));
}

// Whether the low `size` bytes of `x` are one or two characters of three bytes that JSON takes
// as they are (utf8::is_plain_three_byte's).
bool plain_three_byte_chars(uint64_t x, size_t size) {
  const auto plain_lead = [](uint64_t lead) { return lead != 0xE0 && lead != 0xED; };
  if (size == 3) return (x & 0xC0C0F0) == 0x8080E0 && plain_lead(x & 0xFF);
  return size == 6 && (x & 0xC0C0F0C0C0F0ull) == 0x8080E08080E0ull && plain_lead(x & 0xFF) &&
         plain_lead(x >> 24 & 0xFF);
}

// Room for write_json_string: the quotes, six bytes for each byte of text (\u001f), and one
// more: its last bytes are written by a store of eight, which may pass the closing quote by one.
size_t json_string_room(std::string_view text) { return 3 + 6 * text.size(); }

template <size_t N>
char* write_literal(char* p, const char (&text)[N]) {
  std::memcpy(p, text, N - 1);
  return p + N - 1;
}

// The escape of byte `c`, which JSON does not take as it is (a control character, a quote, a
// backslash, or a byte of no valid UTF-8 sequence).
char* write_escape(char* p, unsigned char c) {
  switch (c) {
    case '"':
      return write_literal(p, "\\\"");
    case '\\':
      return write_literal(p, "\\\\");
    case '\n':
      return write_literal(p, "\\n");
    case '\r':
      return write_literal(p, "\\r");
    case '\t':
      return write_literal(p, "\\t");
    case '\b':
      return write_literal(p, "\\b");
    case '\f':
      return write_literal(p, "\\f");
  }
  if (c < 0x20) {
    p = write_literal(p, "\\u00");
    *p++ = "0123456789abcdef"[c >> 4];
    *p++ = "0123456789abcdef"[c & 0xF];
    return p;
  }
  return write_literal(p,
                       "\xEF\xBF\xBD");  // an invalid UTF-8 byte: U+FFFD keeps the line valid JSON
}

// Writes the piece of `s` (`n` bytes) at `i`, a byte or a character, as JSON takes it, and moves
// `i` past it.
char* write_piece(char* p, const unsigned char* s, size_t n, size_t& i) {
  const unsigned char c = s[i];
  if (c < 0x80 ? c >= 0x20 && c != '"' && c != '\\' : utf8::is_plain_three_byte(s + i, n - i)) {
    const size_t length = c < 0x80 ? 1 : 3;
    std::memcpy(p, s + i, length);
    i += length;
    return p + length;
  }
  if (const size_t length =
          c < 0x80 ? 0 : utf8_sequence_length({reinterpret_cast<const char*>(s), n}, i)) {
    std::memcpy(p, s + i, length);
    i += length;
    return p + length;
  }
  ++i;
  return write_escape(p, c);
}

// `text` as a JSON string, with its quotes. Each piece is copied as it is read, by a store of
// its own fixed size: the room (six bytes a byte) always holds it, and most strings of a fact
// are a few characters, for which a copy per run (a call) cost more than the scan. The first
// byte chooses the tests: ASCII (names, dates, numbers) never tries the three-byte ones. The
// last bytes, fewer than eight (all of most strings of a fact: a unit, a name), are read as one
// word and written at once when they are plain ASCII, then none, one or two characters of three
// bytes (by a store of eight: the room has it), where the steps byte by byte and character by
// character cost a short string most of its time.
char* write_json_string(char* p, std::string_view text) {
  *p++ = '"';
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  while (n - i >= 8) {
    // Eight bytes copied, as many taken as are plain: digits before Chinese (1875余项) are
    // taken at once, not each after a failed test of the eight.
    if (s[i] < 0x80) {
      if (const size_t plain = plain_ascii_prefix8(s + i)) {
        std::memcpy(p, s + i, 8);
        p += plain;
        i += plain;
        continue;
      }
    } else if (utf8::is_plain_three_byte_pair(s + i)) {  // (Chinese text)
      std::memcpy(p, s + i, 8);
      p += 6;
      i += 6;
      continue;
    }
    p = write_piece(p, s, n, i);
  }
  if (const size_t r = n - i) {
    uint64_t x;  // the last r bytes, the others zero
    if (n >= 8) {
      std::memcpy(&x, s + n - 8, 8);
      x >>= 8 * (8 - r);
    } else {
      x = short_word(s, n);
    }
    // (the bytes past the text taken as spaces)
    const size_t ascii =
        x & 0x80 ? 0 : std::min(plain_ascii_prefix(x | 0x2020202020202020ull << (8 * r)), r);
    if (ascii == r || plain_three_byte_chars(x >> (8 * ascii), r - ascii)) {
      std::memcpy(p, &x, 8);
      p += r;
    } else {
      while (i < n) p = write_piece(p, s, n, i);
    }
  }
  *p++ = '"';
  return p;
}

// Has `write` (a function of where to write, returning the end of what it wrote) write at
// most `room` bytes, and appends them to `out`. They are written to a buffer of the thread's
// that is never zeroed: growing `out` by the room zero-filled it, six bytes for each byte of
// text, most never written (a quarter of a fact line's cost).
template <typename Write>
void append_written(std::string& out, size_t room, Write&& write) {
  thread_local std::unique_ptr<char[]> scratch;
  thread_local size_t scratch_size = 0;
  if (room > scratch_size) {
    scratch_size = std::max(room, 2 * scratch_size);
    scratch.reset(new char[scratch_size]);  // (default-initialized: not zeroed)
  }
  const char* end = write(scratch.get());
  out.append(scratch.get(), static_cast<size_t>(end - scratch.get()));
}

// A fact's keys as written before their values, `,"name":` (the first one's comma becomes its
// object's brace), padded to a fixed size so that each is one fixed-size copy.
struct KeyText {
  std::array<char, 24> bytes{};  // ,"from_province": the longest
  size_t size = 0;
};
constexpr std::array<KeyText, fact_fields::kCount> kFactKeys = [] {
  std::array<KeyText, fact_fields::kCount> keys{};
  for (size_t f = 0; f < fact_fields::kCount; ++f) {
    KeyText& key = keys[f];
    key.bytes[key.size++] = ',';
    key.bytes[key.size++] = '"';
    for (char c : fact_fields::kNames[f]) key.bytes[key.size++] = c;
    key.bytes[key.size++] = '"';
    key.bytes[key.size++] = ':';
  }
  return keys;
}();

char* write_key(char* p, fact_fields::Field field) {
  std::memcpy(p, kFactKeys[field].bytes.data(), sizeof kFactKeys[field].bytes);
  return p + kFactKeys[field].size;
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) text += ';';
    text += items[i];
  }
  return text;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
  append_written(out, json_string_room(text), [&](char* p) { return write_json_string(p, text); });
}

void append_number(std::string& out, double value) {
  append_written(out, kNumberRoom, [&](char* p) { return write_number(p, value); });
}

void append_tsv_field(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
        break;
    }
  }
}

void append_csv_field(std::string& out, std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += text;
    return;
  }
  out += '"';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void JsonObjectWriter::key(std::string_view name) {
  char buffer[64];
  if (name.size() + 4 > sizeof buffer) {
    out_ += first_ ? "{\"" : ",\"";
    out_ += name;
    out_ += "\":";
  } else {
    buffer[0] = first_ ? '{' : ',';
    buffer[1] = '"';
    std::memcpy(buffer + 2, name.data(), name.size());
    buffer[name.size() + 2] = '"';
    buffer[name.size() + 3] = ':';
    out_.append(buffer, name.size() + 4);
  }
  first_ = false;
}

void JsonObjectWriter::string(std::string_view name, std::string_view value) {
  key(name);
  append_json_string(out_, value);
}

void JsonObjectWriter::number(std::string_view name, double value) {
  key(name);
  append_number(out_, value);
}

void JsonObjectWriter::count(std::string_view name, uint64_t value) {
  key(name);
  append_unsigned(out_, value);
}

void JsonObjectWriter::strings(std::string_view name, const std::vector<std::string>& values) {
  key(name);
  out_ += '[';
  for (size_t i = 0; i < values.size(); ++i) {
    if (i) out_ += ',';
    append_json_string(out_, values[i]);
  }
  out_ += ']';
}

void JsonObjectWriter::close() { out_ += first_ ? "{}" : "}"; }

namespace {

// The room a fact's line takes, its document's id written in at most `doc_room` bytes.
size_t fact_line_room(const Fact& fact, size_t doc_room) {
  using namespace fact_fields;
  constexpr size_t kKeysRoom = kCount * sizeof(KeyText::bytes) + 2;  // and "}\n"
  size_t room = kKeysRoom + 2 * kNumberRoom + 2 * 20 + 4 * (2 * 20 + 3) + doc_room;
  for (std::string_view text :
       {std::string_view(fact.metric), qualifier_name(fact.qualifier), std::string_view(fact.unit),
        std::string_view(fact.counted), std::string_view(fact.quote)}) {
    room += json_string_room(text);
  }
  for (const std::string* text : context_strings(fact)) room += json_string_room(*text);
  for (const std::string* text : province_strings(fact)) room += json_string_room(*text);
  return room;
}

// Writes the start of a fact's line, from its brace to its quote, at `line`, its document's id
// written by `write_doc` (with its quotes); returns the end of what it wrote.
template <typename WriteDoc>
char* write_fact_head(char* const line, const Fact& fact, WriteDoc&& write_doc) {
  using namespace fact_fields;
  const std::string_view qualifier = qualifier_name(fact.qualifier);
  char* p = write_key(line, kDoc);
  *line = '{';
  p = write_doc(p);
  p = write_json_string(write_key(p, kMetric), fact.metric);
  p = write_number(write_key(p, kValue), fact.value);
  if (fact.value_max) p = write_number(write_key(p, kValueMax), *fact.value_max);
  p = write_key(p, kQualifier);  // a name of letters and '_': nothing to escape
  *p++ = '"';
  std::memcpy(p, qualifier.data(), qualifier.size());
  p += qualifier.size();
  *p++ = '"';
  p = write_json_string(write_key(p, kUnit), fact.unit);
  p = write_json_string(write_key(p, kCounted), fact.counted);
  p = write_integer(write_key(p, kStart), uint64_t{fact.start});
  p = write_integer(write_key(p, kEnd), uint64_t{fact.end});
  return write_json_string(write_key(p, kQuote), fact.quote);
}

// Writes the rest of a fact's line, its context (to .. from_province) and the line's end.
char* write_fact_context(char* p, const Fact& fact) {
  using namespace fact_fields;
  const auto strings = context_strings(fact);
  const auto spans = context_spans(fact);
  for (size_t i = 0; i < strings.size(); ++i) {
    p = write_json_string(write_key(p, static_cast<Field>(kTo + i)), *strings[i]);
  }
  for (size_t i = 0; i < spans.size(); ++i) {
    if (spans[i]->empty()) continue;
    p = write_key(p, static_cast<Field>(kToSpan + i));
    *p++ = '[';
    p = write_integer(p, uint64_t{spans[i]->start});
    *p++ = ',';
    p = write_integer(p, uint64_t{spans[i]->end});
    *p++ = ']';
  }
  p = write_json_string(write_key(p, kToProvince), fact.to_province);
  p = write_json_string(write_key(p, kFromProvince), fact.from_province);
  return write_literal(p, "}\n");
}

// Whether two facts have the same context: their lines end alike. The fields are fact_fields'
// lists, which the context is written from; the strings compared here, not by std::string's
// operator==, which is a call of its own for each.
bool same_context(const Fact& a, const Fact& b) {
  const auto same = [](const std::string* x, const std::string* y) {
    return x->size() == y->size() &&
           (x->empty() || std::memcmp(x->data(), y->data(), x->size()) == 0);
  };
  const auto spans_a = fact_fields::context_spans(a), spans_b = fact_fields::context_spans(b);
  const auto strings_a = fact_fields::context_strings(a);
  const auto strings_b = fact_fields::context_strings(b);
  const auto provinces_a = fact_fields::province_strings(a);
  const auto provinces_b = fact_fields::province_strings(b);
  return std::equal(spans_a.begin(), spans_a.end(), spans_b.begin(),
                    [](const Span* x, const Span* y) { return *x == *y; }) &&
         std::equal(strings_a.begin(), strings_a.end(), strings_b.begin(), same) &&
         std::equal(provinces_a.begin(), provinces_a.end(), provinces_b.begin(), same);
}

}  // namespace

void append_jsonl(std::string& out, const Fact& fact) {
  append_written(out, fact_line_room(fact, json_string_room(fact.doc)), [&](char* p) {
    p = write_fact_head(p, fact, [&](char* q) { return write_json_string(q, fact.doc); });
    return write_fact_context(p, fact);
  });
}

namespace {

// The lines of `facts`, each fact's doc `doc` where one is given (the facts of one document,
// their own docs left empty), else its own.
void append_lines(std::string& out, const std::vector<Fact>& facts, const std::string_view* doc) {
  // Room for every line at once, each line's counted once: grown line by line, the string was
  // copied again near the end of most documents.
  auto doc_of = [&](const Fact& fact) { return doc ? *doc : std::string_view(fact.doc); };
  size_t room = 0;
  for (const Fact& fact : facts) room += fact_line_room(fact, json_string_room(doc_of(fact)));
  append_written(out, room, [&](char* p) {
    // What the fact before shares with this one is copied from its line, as written there: its
    // document's id, and its context (most facts repeat the one before's: a side or a period
    // named once for many counts; 58% of them on the bench).
    std::string_view written_doc, context;
    const Fact* previous = nullptr;
    for (const Fact& fact : facts) {
      p = write_fact_head(p, fact, [&](char* q) {
        if (previous && (doc || previous->doc == fact.doc)) {
          std::memcpy(q, written_doc.data(), written_doc.size());
          return q + written_doc.size();
        }
        char* end = write_json_string(q, doc_of(fact));
        written_doc = std::string_view(q, static_cast<size_t>(end - q));
        return end;
      });
      if (previous && same_context(*previous, fact)) {
        std::memcpy(p, context.data(), context.size());
        p += context.size();
      } else {
        char* end = write_fact_context(p, fact);
        context = std::string_view(p, static_cast<size_t>(end - p));
        p = end;
      }
      previous = &fact;
    }
    return p;
  });
}

}  // namespace

void append_jsonl(std::string& out, const std::vector<Fact>& facts) {
  append_lines(out, facts, nullptr);
}

void append_jsonl(std::string& out, std::string_view doc, const std::vector<Fact>& facts) {
  append_lines(out, facts, &doc);
}

void append_jsonl(std::string& out, const DocumentRecord& document) {
  JsonObjectWriter object(out);
  object.string("type", "document");
  object.string("doc", document.doc);
  object.string("encoding", document.encoding);
  object.string("script", document.script);
  object.string("title", document.title);
  object.string("date", document.date);
  object.string("title_source", document.title_source);
  object.string("date_source", document.date_source);
  if (!document.body.empty()) object.string("body", document.body);
  object.strings("regions", document.regions);
  object.count("chars", document.chars);
  object.count("facts", document.facts);
  object.key("repairs");
  JsonObjectWriter repairs(out);
  for (const auto& [kind, n] : document.repairs) repairs.count(kind, n);
  repairs.close();
  object.strings("warnings", document.warnings);
  object.string("content_hash", document.content_hash);
  if (!document.error.empty()) object.string("error", document.error);
  object.close();
  out += '\n';
}

void append_fact_csv_header(std::string& out) {
  for (size_t f = 0; f < fact_fields::kCount; ++f) {
    if (f) out += ',';
    out += fact_fields::kNames[f];
  }
  out += '\n';
}

void append_csv(std::string& out, const Fact& fact) {
  append_csv_field(out, fact.doc);
  out += ',';
  append_csv_field(out, fact.metric);
  out += ',';
  append_number(out, fact.value);
  out += ',';
  if (fact.value_max) append_number(out, *fact.value_max);
  out += ',';
  out += qualifier_name(fact.qualifier);
  out += ',';
  append_csv_field(out, fact.unit);
  out += ',';
  append_csv_field(out, fact.counted);
  out += ',';
  append_unsigned(out, fact.start);
  out += ',';
  append_unsigned(out, fact.end);
  out += ',';
  append_csv_field(out, fact.quote);
  for (const std::string* context : fact_fields::context_strings(fact)) {
    out += ',';
    append_csv_field(out, *context);
  }
  for (const Span* span : fact_fields::context_spans(fact)) {
    out += ',';
    if (!span->empty()) fmt::format_to(std::back_inserter(out), "{}..{}", span->start, span->end);
  }
  for (const std::string* province : fact_fields::province_strings(fact)) {
    out += ',';
    append_csv_field(out, *province);
  }
  out += '\n';
}

void append_document_csv_header(std::string& out) {
  out +=
      "doc,encoding,script,title,date,title_source,date_source,body,regions,chars,facts,repairs,"
      "warnings,content_hash,error\n";
}

void append_csv(std::string& out, const DocumentRecord& document) {
  for (const std::string* field :
       {&document.doc, &document.encoding, &document.script, &document.title, &document.date,
        &document.title_source, &document.date_source, &document.body}) {
    append_csv_field(out, *field);
    out += ',';
  }
  append_csv_field(out, joined(document.regions));
  out += ',';
  append_unsigned(out, document.chars);
  out += ',';
  append_unsigned(out, document.facts);
  out += ',';
  std::vector<std::string> repairs;
  for (const auto& [kind, count] : document.repairs)
    repairs.push_back(fmt::format("{}={}", kind, count));
  append_csv_field(out, joined(repairs));
  out += ',';
  append_csv_field(out, joined(document.warnings));
  out += ',';
  append_csv_field(out, document.content_hash);
  out += ',';
  append_csv_field(out, document.error);
  out += '\n';
}

// ----------------------------------------------------------------------------- CSV reading

Result<std::vector<std::string>> read_csv_record(std::string_view text, size_t& pos) {
  std::vector<std::string> fields(1);
  size_t i = pos;
  bool quoted = false;
  bool after_quote = false;  // a quoted field just closed: only ',' or a line end may follow
  while (i < text.size()) {
    const char c = text[i];
    if (quoted) {
      if (c != '"') {
        fields.back() += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else {
        quoted = false;
        after_quote = true;
      }
      ++i;
      continue;
    }
    if (c == ',') {
      fields.emplace_back();
      after_quote = false;
    } else if (c == '\n' || (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
      pos = i + (c == '\r' ? 2 : 1);
      return fields;
    } else if (after_quote) {
      return Error{ErrorCode::parse, "text after a closing quote"};
    } else if (c == '"' && fields.back().empty()) {
      quoted = true;
    } else {
      fields.back() += c;
    }
    ++i;
  }
  if (quoted) return Error{ErrorCode::parse, "unterminated quoted field"};
  pos = text.size();
  return fields;
}

namespace {

std::string trimmed(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(" \t") - first + 1));
}

template <typename Number>
bool parse_whole(std::string_view text, Number& value) {
  const std::string clean = trimmed(text);
  const char* end = clean.data() + clean.size();
  const auto [ptr, ec] = std::from_chars(clean.data(), end, value);
  return ec == std::errc() && ptr == end && !clean.empty();
}

}  // namespace

namespace fact_fields {
std::string missing_message(unsigned present) {
  std::string names;
  size_t count = 0;
  for (size_t f = 0; f < kCount; ++f) {
    if (is_optional(f) || (present >> f & 1u)) continue;
    names += count++ ? ", " : "";
    names += kNames[f];
  }
  if (count == 0) return names;
  return (count == 1 ? "missing field " : "missing fields ") + names;
}
}  // namespace fact_fields

using namespace fact_fields;

Result<std::optional<Fact>> CsvFactReader::add_row(const std::vector<std::string>& fields) {
  if (!have_header_) {
    column_of_field_.assign(kCount, -1);
    for (size_t column = 0; column < fields.size(); ++column) {
      for (size_t f = 0; f < kCount; ++f) {
        if (trimmed(fields[column]) == kNames[f]) column_of_field_[f] = static_cast<int>(column);
      }
    }
    unsigned present = 0;
    for (size_t f = 0; f < kCount; ++f) present |= (column_of_field_[f] >= 0 ? 1u : 0u) << f;
    const std::string missing = missing_message(present);
    if (!missing.empty()) return Error{ErrorCode::parse, "header: " + missing};
    have_header_ = true;
    return std::optional<Fact>();
  }
  const auto field = [&](Field f) -> std::string_view {
    const int column = column_of_field_[f];
    return column >= 0 && static_cast<size_t>(column) < fields.size()
               ? std::string_view(fields[column])
               : std::string_view();
  };
  const size_t expected =
      static_cast<size_t>(*std::max_element(column_of_field_.begin(), column_of_field_.end())) + 1;
  if (fields.size() < expected) {
    return Error{ErrorCode::parse,
                 fmt::format("row has {} fields, the header needs {}", fields.size(), expected)};
  }
  Fact fact;
  fact.doc = field(kDoc);
  fact.metric = field(kMetric);
  fact.unit = field(kUnit);
  fact.counted = field(kCounted);
  fact.quote = field(kQuote);
  if (!parse_whole(field(kValue), fact.value)) {
    return Error{ErrorCode::parse, fmt::format("value is not a number: '{}'", field(kValue))};
  }
  if (!trimmed(field(kValueMax)).empty()) {
    double value_max;
    if (!parse_whole(field(kValueMax), value_max)) {
      return Error{ErrorCode::parse,
                   fmt::format("value_max is not a number: '{}'", field(kValueMax))};
    }
    fact.value_max = value_max;
  }
  const auto qualifier = parse_qualifier(trimmed(field(kQualifier)));
  if (!qualifier)
    return Error{ErrorCode::parse, fmt::format("unknown qualifier '{}'", field(kQualifier))};
  fact.qualifier = *qualifier;
  uint64_t start, end;
  if (!parse_whole(field(kStart), start)) {
    return Error{ErrorCode::parse, fmt::format("start is not a byte offset: '{}'", field(kStart))};
  }
  if (!parse_whole(field(kEnd), end)) {
    return Error{ErrorCode::parse, fmt::format("end is not a byte offset: '{}'", field(kEnd))};
  }
  fact.start = start;
  fact.end = end;
  const auto strings = context_strings(fact);
  const auto spans = context_spans(fact);
  for (size_t i = 0; i < strings.size(); ++i) {
    *strings[i] = trimmed(field(static_cast<Field>(kTo + i)));
    const std::string span = trimmed(field(static_cast<Field>(kToSpan + i)));
    if (span.empty()) continue;
    const size_t dots = span.find("..");
    if (dots == std::string::npos ||
        !parse_whole(std::string_view(span).substr(0, dots), spans[i]->start) ||
        !parse_whole(std::string_view(span).substr(dots + 2), spans[i]->end) ||
        spans[i]->end < spans[i]->start) {
      return Error{ErrorCode::parse,
                   fmt::format("{} is not START..END: '{}'", kNames[kToSpan + i], span)};
    }
  }
  const auto provinces = province_strings(fact);
  for (size_t i = 0; i < provinces.size(); ++i) {
    *provinces[i] = trimmed(field(static_cast<Field>(kToProvince + i)));
  }
  return std::optional<Fact>(std::move(fact));
}

}  // namespace zhreport
