#include "zhreport/decode.h"

#include <doctest/doctest.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <random>

using namespace zhreport;

namespace {

// Our own sentences, in the genre, in both scripts.
const std::string kSimplified =
    "第十批医疗队抵达后,专家们开展手术200余台,培训当地医务人员1500人次,新技术12项。";
const std::string kTraditional =
    "第十批醫療隊抵達後,專家們開展手術200餘臺,培訓當地醫務人員1500人次,新技術12項。";

// `utf8` encoded with ICU's converter `charset`, as a file in that charset would hold it.
std::string encode(const std::string& utf8, const char* charset) {
  icu::UnicodeString units = icu::UnicodeString::fromUTF8(utf8);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(charset, &status);
  REQUIRE(U_SUCCESS(status));
  std::string out(static_cast<size_t>(units.length()) * 4 + 4, '\0');
  int32_t n = ucnv_fromUChars(converter, out.data(), static_cast<int32_t>(out.size()),
                              units.getBuffer(), units.length(), &status);
  ucnv_close(converter);
  REQUIRE(U_SUCCESS(status));
  out.resize(static_cast<size_t>(n));
  return out;
}

Decoded decode_ok(std::string_view bytes, const DecodeOptions& options = {}) {
  Result<Decoded> r = decode(bytes, options);
  REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : r.error().message));
  return std::move(r).value();
}

// Every character of the output, sliced out of the original bytes through the offset map and
// decoded on its own, is that character again.
void check_offsets_slice_back(std::string_view original, const Decoded& d) {
  REQUIRE(d.offsets.tracked());
  REQUIRE(d.offsets.size() == d.text.size());
  CHECK(d.offsets.map(d.text.size()) == original.size());
  size_t i = 0;
  while (i < d.text.size()) {
    size_t len = 1;
    auto lead = static_cast<unsigned char>(d.text[i]);
    if (lead >= 0xF0)
      len = 4;
    else if (lead >= 0xE0)
      len = 3;
    else if (lead >= 0xC0)
      len = 2;
    std::string_view ch(d.text.data() + i, len);
    size_t from = d.offsets.map(i), to = d.offsets.map(i + len);
    REQUIRE(from < to);
    for (size_t k = 1; k < len; ++k) {
      CHECK(d.offsets.map(i + k) >= from);
      CHECK(d.offsets.map(i + k) < to);
    }
    Decoded piece = decode_ok(original.substr(from, to - from), {.from = d.encoding});
    if (ch != "\xEF\xBF\xBD") CHECK(piece.text == ch);
    i += len;
  }
}

// What ICU's converter `charset` alone makes of `bytes`, as decode() reports it: the text, each
// byte's origin, and each substitution (one U+FFFD per sequence ICU rejects). ICU has all the
// bytes at once and stops at each sequence it rejects, so nothing is held back from an earlier
// call: the sequence ends where ICU stopped, each unit's offset counts from where the call began.
struct IcuReading {
  std::string text;
  std::vector<size_t> origins;  // one per byte of text
  std::vector<InvalidSequence> invalid;
};
IcuReading icu_reading(std::string_view bytes, const char* charset) {
  IcuReading r;
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(charset, &status);
  REQUIRE(U_SUCCESS(status));
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  auto append = [&r](UChar32 c, size_t origin) {
    std::string utf8;
    icu::UnicodeString(c).toUTF8String(utf8);
    r.text += utf8;
    r.origins.insert(r.origins.end(), utf8.size(), origin);
  };
  std::vector<UChar> units(bytes.size() + 1);
  std::vector<int32_t> offsets(bytes.size() + 1);
  const char* source = bytes.data();
  const char* const end = bytes.data() + bytes.size();
  for (;;) {
    const size_t call_start = size_t(source - bytes.data());
    UChar* target = units.data();
    status = U_ZERO_ERROR;
    ucnv_toUnicode(converter, &target, units.data() + units.size(), &source, end, offsets.data(),
                   true, &status);
    const auto count = size_t(target - units.data());
    for (size_t i = 0; i < count; ++i) {
      REQUIRE(offsets[i] >= 0);
      UChar32 c = units[i];
      if (U16_IS_LEAD(c) && i + 1 < count && U16_IS_TRAIL(units[i + 1])) {
        c = U16_GET_SUPPLEMENTARY(c, units[i + 1]);
        ++i;
      }
      append(c, call_start + size_t(offsets[i]));  // a pair's units share theirs
    }
    if (U_SUCCESS(status)) break;
    REQUIRE((status == U_ILLEGAL_CHAR_FOUND || status == U_INVALID_CHAR_FOUND ||
             status == U_TRUNCATED_CHAR_FOUND));
    UErrorCode pending_status = U_ZERO_ERROR;
    REQUIRE(ucnv_toUCountPending(converter, &pending_status) == 0);
    char bad[32];
    int8_t length = sizeof bad;
    ucnv_getInvalidChars(converter, bad, &length, &pending_status);
    const InvalidSequence sequence{size_t(source - bytes.data()) - size_t(length), size_t(length)};
    REQUIRE(std::string_view(bad, size_t(length)) ==
            bytes.substr(sequence.offset, sequence.length));
    r.invalid.push_back(sequence);
    append(0xFFFD, sequence.offset);
  }
  ucnv_close(converter);
  return r;
}

}  // namespace

TEST_CASE("encoding names and aliases") {
  for (Encoding e :
       {Encoding::utf8, Encoding::gb18030, Encoding::big5, Encoding::utf16le, Encoding::utf16be}) {
    CHECK(parse_encoding(encoding_name(e)) == e);
  }
  struct Case {
    const char* name;
    std::optional<Encoding> expected;
  };
  for (const Case& c : std::initializer_list<Case>{{"UTF8", Encoding::utf8},
                                                   {"GBK", Encoding::gb18030},
                                                   {"gb2312", Encoding::gb18030},
                                                   {"Big5-HKSCS", Encoding::big5},
                                                   {"UTF-16", Encoding::utf16le},
                                                   {"utf_16BE", Encoding::utf16be},
                                                   {"latin1", std::nullopt},
                                                   {"", std::nullopt}}) {
    CAPTURE(c.name);
    CHECK(parse_encoding(c.name) == c.expected);
  }
}

TEST_CASE("valid UTF-8 passes through, 4-byte characters included") {
  const std::string text = "𠮷野家 " + kSimplified + "\n";
  Decoded d = decode_ok(text, {.track_offsets = true});
  CHECK(d.encoding == Encoding::utf8);
  CHECK_FALSE(d.bom);
  CHECK(d.text == text);
  CHECK(d.invalid.empty());
  CHECK(d.offsets == OffsetMap::identity(text.size()));
  CHECK(decode_ok("").text.empty());
}

TEST_CASE("borrow_when_copied: no text and no map for text that is the input, both for any other") {
  const DecodeOptions options{.track_offsets = true, .borrow_when_copied = true};
  for (const std::string& bytes : {kSimplified, std::string()}) {
    Decoded d = decode_ok(bytes, options);
    CHECK(d.copied);
    CHECK(d.text.empty());
    CHECK_FALSE(d.offsets.tracked());
    CHECK(decode_ok(bytes).copied);
    CHECK(decode_ok(bytes).text == bytes);
  }
  for (const std::string& bytes :
       {"\xEF\xBB\xBF" + kSimplified, kSimplified + "\xFF", encode(kSimplified, "GB18030")}) {
    Decoded d = decode_ok(bytes, options);
    CHECK_FALSE(d.copied);
    CHECK(d.text == decode_ok(bytes).text);
    CHECK(d.offsets.tracked());
    CHECK(d.offsets == decode_ok(bytes, {.track_offsets = true}).offsets);
  }
}

TEST_CASE("byte-order marks are honoured and skipped") {
  struct Case {
    const char* charset;
    std::string mark;
    Encoding expected;
  };
  for (const Case& c : std::initializer_list<Case>{{"UTF-8", "\xEF\xBB\xBF", Encoding::utf8},
                                                   {"UTF-16LE", "\xFF\xFE", Encoding::utf16le},
                                                   {"UTF-16BE", "\xFE\xFF", Encoding::utf16be}}) {
    CAPTURE(c.charset);
    std::string bytes = c.mark + encode("𠮷 " + kTraditional, c.charset);
    Decoded d = decode_ok(bytes, {.track_offsets = true});
    CHECK(d.encoding == c.expected);
    CHECK(d.bom);
    CHECK(d.text == "𠮷 " + kTraditional);
    CHECK(d.offsets.map(0) == c.mark.size());
    check_offsets_slice_back(bytes, d);
    CHECK(detect_encoding(bytes).value() == c.expected);
  }
}

TEST_CASE("invalid UTF-8: one U+FFFD per maximal subpart, with exact offsets") {
  struct Case {
    std::string what;
    std::string bytes;
    std::string text;
    std::vector<InvalidSequence> invalid;
  };
  const std::string R = "\xEF\xBF\xBD";
  const std::vector<Case> cases = {
      {"lone continuation",
       "a\x80"
       "b",
       "a" + R + "b",
       {{1, 1}}},
      {"truncated at end", "a\xE4\xB8", "a" + R, {{1, 2}}},
      {"truncated before ASCII",
       "\xE4\xB8"
       "a",
       R + "a",
       {{0, 2}}},
      {"truncated 4-byte", "\xF0\xA0\xAE", R, {{0, 3}}},
      {"overlong 2-byte", "\xC0\x80", R + R, {{0, 1}, {1, 1}}},
      {"overlong 3-byte", "\xE0\x80\x80", R + R + R, {{0, 1}, {1, 1}, {2, 1}}},
      {"surrogate", "x\xED\xA0\x80", "x" + R + R + R, {{1, 1}, {2, 1}, {3, 1}}},
      {"above U+10FFFF", "\xF4\x90\x80\x80", R + R + R + R, {{0, 1}, {1, 1}, {2, 1}, {3, 1}}},
      {"invalid lead byte", "中\xFF文", "中" + R + "文", {{3, 1}}},
      {"BOM then bad byte",
       "\xEF\xBB\xBF"
       "a\xFE",
       "a" + R,
       {{4, 1}}},
  };
  for (const Case& c : cases) {
    CAPTURE(c.what);
    Decoded d = decode_ok(c.bytes, {.from = Encoding::utf8, .track_offsets = true});
    CHECK(d.text == c.text);
    CHECK(d.invalid == c.invalid);
    check_offsets_slice_back(c.bytes, d);
  }
}

TEST_CASE("a UTF-8 file with one bad byte stays UTF-8; one with stray Latin-1 too") {
  std::string damaged = kSimplified + kSimplified;
  damaged.insert(31, 1, '\xB7');  // between two characters
  Decoded d = decode_ok(damaged);
  CHECK(d.encoding == Encoding::utf8);
  CHECK(d.invalid == std::vector<InvalidSequence>{{31, 1}});

  Decoded latin = decode_ok("caf\xE9 au lait");  // nothing looks Chinese in any charset
  CHECK(latin.encoding == Encoding::utf8);
  CHECK(latin.invalid == std::vector<InvalidSequence>{{3, 1}});
  // Latin-1 pairs with ASCII letters into valid GB18030 and UTF-16 ideographs, rare ones.
  for (const char* latin1 : {"R\xE9sum\xE9 of the r\xE9union, \xE9t\xE9 \xE0 Paris.",
                             "Gr\xFC\xDF"
                             "e aus M\xFCnchen und K\xF6ln."}) {
    CAPTURE(latin1);
    CHECK(decode_ok(latin1).encoding == Encoding::utf8);
  }
}

TEST_CASE("a GB18030 head before a long UTF-8 body: the whole census decides, not its head") {
  // The UTF-8 census stops early only once the rest of the bytes could not outweigh the
  // invalid sequences found: a damaged head of a long UTF-8 text keeps it UTF-8.
  std::string body;
  for (int i = 0; i < 40; ++i) body += kSimplified;
  std::string head = encode(kSimplified, "GB18030");
  CHECK(decode_ok(head + body).encoding == Encoding::utf8);
  std::string long_gb;
  for (int i = 0; i < 40; ++i) long_gb += head;
  Decoded gb = decode_ok(long_gb);
  CHECK(gb.encoding == Encoding::gb18030);
  CHECK(gb.text == body);
}

TEST_CASE("GB18030 and Big5 are told apart, long and short") {
  struct Case {
    std::string text;
    std::string charset;
    Encoding expected;
  };
  const std::vector<Case> cases = {
      {kSimplified, "GB18030", Encoding::gb18030},
      {kTraditional, "Big5", Encoding::big5},
      {kTraditional, "GB18030", Encoding::gb18030},  // Traditional text in GBK is common
      {"医疗队", "GB18030", Encoding::gb18030},
      {"醫療隊", "Big5", Encoding::big5},
      {"援疆专家", "GBK", Encoding::gb18030},
      {"援疆專家", "Big5", Encoding::big5},
      {"发布时间:2022年11月3日  来源:卫生健康局\n", "GB18030", Encoding::gb18030},
      {"發佈時間:2022年11月3日  來源:衛生局\n", "Big5", Encoding::big5},
      {"林嘉禾、邓雨萱、韦思远、覃慧", "GB18030", Encoding::gb18030},  // names: rare characters
      {"苗圃、蹲守,循序", "GB18030", Encoding::gb18030},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CAPTURE(c.charset);
    std::string bytes = encode(c.text, c.charset.c_str());
    CHECK(detect_encoding(bytes).value() == c.expected);
    Decoded d = decode_ok(bytes, {.track_offsets = true});
    CHECK(d.encoding == c.expected);
    CHECK(d.text == c.text);
    CHECK(d.invalid.empty());
    check_offsets_slice_back(bytes, d);
  }
}

TEST_CASE("a charset found by detection decodes as when it is given: text, offsets, damage") {
  // Detection reads a short input whole to judge a charset; decode() keeps that reading.
  for (const auto& c : {std::pair{kSimplified, "GB18030"}, std::pair{kTraditional, "Big5"}}) {
    const auto& [text, charset] = c;
    std::string bytes = encode(text, charset) + "\xFF" + encode(text, charset);
    Decoded detected = decode_ok(bytes, {.track_offsets = true});
    Decoded given = decode_ok(bytes, {.from = detected.encoding, .track_offsets = true});
    CAPTURE(c.second);  // not the binding: clang 14 cannot capture one
    CHECK(detected.encoding != Encoding::utf8);
    CHECK(detected.text == given.text);
    CHECK(detected.invalid == given.invalid);
    CHECK(detected.invalid.size() == 1);
    CHECK(detected.offsets == given.offsets);
  }
}

TEST_CASE("detection gives up a reading that cannot win part way, and decides as if read whole") {
  // Spaced with NBSPs (strange characters: more than one per ten ideographs), a GB18030
  // reading is not clean, so the Big5 and UTF-16 readings are tried too, a piece at a time; a
  // Big5 report's reading comes after the GB18030 one that does not convince, read in pieces
  // and kept.
  std::string spaced = kSimplified;
  for (int i = 0; i < 8; ++i) spaced += "\u00A0";
  std::string gb, big5;
  for (int i = 0; i < 100; ++i) {
    gb += encode(spaced + "\n", "GB18030");
    big5 += encode(kTraditional + "\n", "Big5");
  }
  for (const auto& [bytes, expected] :
       {std::pair{gb, Encoding::gb18030}, std::pair{big5, Encoding::big5}}) {
    CAPTURE(encoding_name(expected));
    Decoded detected = decode_ok(bytes, {.track_offsets = true});
    Decoded given = decode_ok(bytes, {.from = expected, .track_offsets = true});
    CHECK(detected.encoding == expected);
    CHECK(detect_encoding(bytes).value() == expected);
    CHECK(detected.text == given.text);
    CHECK(detected.invalid == given.invalid);
    CHECK(detected.offsets == given.offsets);
  }
}

TEST_CASE("GB18030 four-byte sequences decode with offsets") {
  const std::string text = "吉野家不是𠮷野家";
  std::string bytes = encode(text, "GB18030");
  Decoded d = decode_ok(bytes, {.from = Encoding::gb18030, .track_offsets = true});
  CHECK(d.text == text);
  check_offsets_slice_back(bytes, d);
}

TEST_CASE("invalid GB18030 and Big5 bytes are listed with their offsets") {
  std::string gb = encode("医疗", "GB18030") + "\xFF" + encode("专家", "GB18030");
  Decoded d = decode_ok(gb, {.from = Encoding::gb18030, .track_offsets = true});
  CHECK(d.text == "医疗\xEF\xBF\xBD专家");
  CHECK(d.invalid == std::vector<InvalidSequence>{{4, 1}});
  check_offsets_slice_back(gb, d);

  std::string big5 = encode("醫療", "Big5") + "\xA4";  // a lead byte cut by the end
  Decoded b = decode_ok(big5, {.from = Encoding::big5});
  CHECK(b.text == "醫療\xEF\xBF\xBD");
  CHECK(b.invalid == std::vector<InvalidSequence>{{4, 1}});
}

TEST_CASE("UTF-16 without BOM: by NUL bytes, and pure Chinese without any") {
  for (const std::string& text : {std::string("Report 2024: ") + kSimplified, kTraditional}) {
    for (auto c :
         {std::pair{"UTF-16LE", Encoding::utf16le}, std::pair{"UTF-16BE", Encoding::utf16be}}) {
      auto [charset, expected] = c;
      CAPTURE(c.first);
      CAPTURE(text);
      std::string bytes = encode(text, charset);
      Decoded d = decode_ok(bytes, {.track_offsets = true});
      CHECK(d.encoding == expected);
      CHECK_FALSE(d.bom);
      CHECK(d.text == text);
      check_offsets_slice_back(bytes, d);
    }
  }
}

TEST_CASE("unpaired UTF-16 surrogates and an odd last byte become U+FFFD") {
  std::string bytes =
      encode("医", "UTF-16LE") + std::string("\x00\xD8", 2) + encode("疗", "UTF-16LE") + "\x41";
  Decoded d = decode_ok(bytes, {.from = Encoding::utf16le});
  CHECK(d.text == "医\xEF\xBF\xBD疗\xEF\xBF\xBD");
  CHECK(d.invalid == std::vector<InvalidSequence>{{2, 2}, {6, 1}});
}

TEST_CASE("NUL bytes outside UTF-16 mean binary content") {
  const std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\x01\0", 20);
  struct Case {
    std::string bytes;
    std::optional<Encoding> from;
    size_t offset;
  };
  for (const Case& c : std::vector<Case>{{png, std::nullopt, 8},
                                         {std::string("abc\0def", 7), std::nullopt, 3},
                                         {std::string("abc\0def", 7), Encoding::utf8, 3},
                                         {encode("医疗", "GB18030") + '\0', Encoding::gb18030, 4},
                                         {kSimplified + '\0', std::nullopt, kSimplified.size()}}) {
    Result<Decoded> r = decode(c.bytes, {.from = c.from});
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == ErrorCode::binary);
    CHECK(r.error().message ==
          "binary content (NUL byte at offset " + std::to_string(c.offset) + ")");
  }
  CHECK(detect_encoding(png).error().code == ErrorCode::binary);

  StreamDecoder stream(Encoding::utf8);
  std::string out;
  stream.decode("ab", false, out);
  stream.decode(std::string_view("c\0d", 3), true, out);
  CHECK(stream.nul_offset() == 3);
}

TEST_CASE("detect_encoding forgives a sequence cut by the end of the head") {
  std::string head = kSimplified.substr(0, 10);  // 3 characters and a third of one
  CHECK(detect_encoding(head).value() == Encoding::utf8);
  CHECK(decode_ok(head).invalid == std::vector<InvalidSequence>{{9, 1}});
}

TEST_CASE("streaming decode equals one-shot decode for random chunk splits") {
  std::string damaged_utf8 =
      "\xEF\xBB\xBF" + kSimplified + "\x80\xE4\xB8" + kTraditional + "\xF0\x9F";
  std::string damaged_gb = encode(kSimplified + "𠮷", "GB18030") + "\xFF\x81" +
                           encode(kTraditional, "GB18030") + "\x95\x32";
  std::string damaged_big5 = encode(kTraditional, "Big5") + "\xC8" + encode(kTraditional, "Big5");
  std::string utf16le =
      "\xFF\xFE" + encode("𠮷 " + kTraditional, "UTF-16LE") + std::string("\x00\xDC", 2);
  std::string utf16be = encode("𠮷 " + kSimplified, "UTF-16BE") + "\xD8";
  struct Case {
    Encoding encoding;
    std::string bytes;
  };
  std::mt19937 random(20241124);
  for (const Case& c : std::vector<Case>{{Encoding::utf8, damaged_utf8},
                                         {Encoding::gb18030, damaged_gb},
                                         {Encoding::big5, damaged_big5},
                                         {Encoding::utf16le, utf16le},
                                         {Encoding::utf16be, utf16be}}) {
    CAPTURE(encoding_name(c.encoding));
    Decoded whole = decode_ok(c.bytes, {.from = c.encoding});
    CHECK_FALSE(whole.invalid.empty());
    for (int round = 0; round < 200; ++round) {
      StreamDecoder stream(c.encoding);
      std::string out;
      size_t at = 0;
      while (at < c.bytes.size()) {
        size_t n = std::uniform_int_distribution<size_t>(0, round < 100 ? 4 : 40)(random);
        n = std::min(n, c.bytes.size() - at);
        stream.decode(std::string_view(c.bytes).substr(at, n), false, out);
        at += n;
      }
      stream.decode({}, true, out);
      REQUIRE(out == whole.text);
      REQUIRE(stream.invalid() == whole.invalid);
      CHECK(stream.bom() == whole.bom);
    }
  }
}

TEST_CASE("streaming UTF-8 in long chunks: valid runs checked whole, damage still found") {
  // Chunks of hundreds of bytes take the vectorized check up to their last complete sequence;
  // the sequence a chunk cuts, and every chunk holding damage, take the byte loop.
  std::string text;
  for (int i = 0; i < 40; ++i) text += kTraditional + "𠮷 abc " + kSimplified;
  const std::string valid = text;
  const std::string damaged = text.substr(0, 1001) + "\xC0\xAF" + text.substr(1001, 3000) +
                              "\xED\xA0\x80" + text.substr(4001) + "\xE4\xB8";
  std::mt19937 random(20261203);
  for (const std::string* bytes : {&valid, &damaged}) {
    Decoded whole = decode_ok(*bytes, {.from = Encoding::utf8});
    CHECK(whole.invalid.empty() == (bytes == &valid));
    for (int round = 0; round < 50; ++round) {
      StreamDecoder stream(Encoding::utf8);
      std::string out;
      for (size_t at = 0; at < bytes->size();) {
        size_t n =
            std::min(std::uniform_int_distribution<size_t>(0, 700)(random), bytes->size() - at);
        stream.decode(std::string_view(*bytes).substr(at, n), false, out);
        at += n;
      }
      stream.decode({}, true, out);
      REQUIRE(out == whole.text);
      REQUIRE(stream.invalid() == whole.invalid);
    }
  }
}

TEST_CASE("regression: memchr on an empty view's null data (UBSan)") {
  Result<Decoded> d =
      decode(std::string_view(), {.from = Encoding::gb18030, .track_offsets = true});
  REQUIRE(d.ok());
  CHECK(d->text.empty());
  CHECK(d->offsets == OffsetMap::identity(0));
  StreamDecoder stream(Encoding::utf8);
  std::string out;
  stream.decode(std::string_view(), true, out);
  CHECK(out.empty());
  CHECK_FALSE(stream.nul_offset());
}

TEST_CASE("regression: ICU passes a lone UTF-16 trail surrogate through; it is listed") {
  struct Case {
    Encoding encoding;
    std::string bytes;
    std::string text;
    size_t offset;
  };
  for (const Case& c : {Case{Encoding::utf16le, std::string("A\0\0\xDC", 4), "A\xEF\xBF\xBD", 2},
                        Case{Encoding::utf16be, std::string("\xDC\0\0A", 4),
                             "\xEF\xBF\xBD"
                             "A",
                             0}}) {
    Decoded d = decode_ok(c.bytes, {.from = c.encoding});
    CHECK(d.text == c.text);
    CHECK(d.invalid == std::vector<InvalidSequence>{{c.offset, 2}});
  }
}

TEST_CASE("regression: damage cut by a chunk boundary (GB18030 81 30 | 20) is listed at its lead") {
  // ICU reads the bytes after an invalid lead again; when they came from an earlier chunk it
  // read them from its own buffer, and the damage was placed by a pointer into that buffer.
  const std::string R = "\xEF\xBF\xBD";
  struct Case {
    Encoding encoding;
    std::string bytes;
    std::string text;
    std::vector<InvalidSequence> invalid;
  };
  for (const Case& c : {
           Case{Encoding::gb18030,
                encode("中文", "GB18030") + "\x81\x30\x20" + encode("好", "GB18030"),
                "中文" + R + "0 好",
                {{4, 1}}},
           Case{Encoding::gb18030,
                "\x81\x30\x81\x20"
                "a",
                R + "0" + R + " a",
                {{0, 1}, {2, 1}}},
           Case{Encoding::gb18030, "a\x81\x30\x81", "a" + R, {{1, 3}}},
           Case{Encoding::big5,
                encode("中", "Big5") + "\xA4\x20"
                                       "a",
                "中" + R + " a",
                {{2, 1}}},
       }) {
    CAPTURE(c.bytes);
    Decoded whole = decode_ok(c.bytes, {.from = c.encoding});
    CHECK(whole.text == c.text);
    CHECK(whole.invalid == c.invalid);
    // Every way of cutting the bytes into three chunks, empty ones included.
    for (size_t first = 0; first <= c.bytes.size(); ++first) {
      for (size_t second = first; second <= c.bytes.size(); ++second) {
        CAPTURE(first);
        CAPTURE(second);
        const std::string_view bytes = c.bytes;
        StreamDecoder stream(c.encoding);
        std::string out;
        stream.decode(bytes.substr(0, first), false, out);
        stream.decode(bytes.substr(first, second - first), false, out);
        stream.decode(bytes.substr(second), true, out);
        CHECK(out == c.text);
        CHECK(stream.invalid() == c.invalid);
      }
    }
  }
}

TEST_CASE("characters ICU reads again from bytes held across its calls keep their own offsets") {
  // decode() gives ICU a long line in pieces of 16 KiB; a damaged four-byte sequence the piece
  // boundary cuts is read again from ICU's buffer, where ICU writes no offsets: after 81 30 81 |
  // 81 40 the digit is at the held start and the pair 81 81 a byte after it.
  constexpr size_t kPiece = 16 * 1024;
  for (const std::string damage :
       {"\x81\x30\x81\x81\x40", "\x81\x30\x31\x32", "\x81\x30\x81\x20", "\x81\x30\x81\x30\xFF"}) {
    for (size_t before_cut = 1; before_cut < damage.size(); ++before_cut) {
      CAPTURE(damage);
      CAPTURE(before_cut);
      std::string bytes(kPiece - before_cut, 'a');
      bytes[0] = '\xFF';  // a byte that leads nothing, so that ICU, not the pair table, reads on
      bytes += damage + "b";
      const IcuReading icu = icu_reading(bytes, "GB18030");
      Decoded d = decode_ok(bytes, {.from = Encoding::gb18030, .track_offsets = true});
      REQUIRE(d.text == icu.text);
      CHECK(d.invalid == icu.invalid);
      for (size_t i = 0; i < icu.origins.size(); ++i) REQUIRE(d.offsets.map(i) == icu.origins[i]);
    }
  }
}

TEST_CASE("StreamDecoder::decode_split: what it appends, then its view, is decode()'s text") {
  // Long valid runs (viewed in place), sequences cut between chunks, invalid bytes, 4-byte
  // characters, a BOM; chunks of random sizes.
  std::string text = "\xEF\xBB\xBF";
  for (int i = 0; i < 600; ++i) {
    text += kSimplified + (i % 97 == 5 ? "\xE4\xB8" : "") + (i % 89 == 7 ? "\x80x" : "") +
            (i % 5 == 0 ? "𠮷" : "") + "\n";
  }
  std::string expected;
  {
    StreamDecoder whole(Encoding::utf8);
    whole.decode(text, true, expected);
  }
  for (unsigned seed : {1u, 2u, 3u}) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    StreamDecoder decoder(Encoding::utf8);
    std::string out, got;
    size_t viewed = 0;
    for (size_t at = 0;;) {
      const size_t piece = std::min<size_t>(1 + rng() % 3000, text.size() - at);
      const bool last = at + piece == text.size();
      const std::string_view chunk = std::string_view(text).substr(at, piece);
      out.clear();
      const std::string_view view = decoder.decode_split(chunk, last, out);
      if (!view.empty()) {  // a part of the chunk itself, not a copy
        CHECK(view.data() >= chunk.data());
        CHECK(view.data() + view.size() <= chunk.data() + chunk.size());
        viewed += view.size();
      }
      got += out;
      got += view;
      at += piece;
      if (last) break;
    }
    CHECK(got == expected);
    CHECK(viewed > text.size() / 3);
    StreamDecoder whole(Encoding::utf8);
    std::string ignored;
    whole.decode(text, true, ignored);
    CHECK(decoder.invalid().size() == whole.invalid().size());
    CHECK(decoder.bom());
  }
}

TEST_CASE("GB18030 and Big5 decode as ICU's converters alone do, whatever the bytes") {
  // The two-byte characters come from a table, everything else from ICU: texts, random pairs,
  // and damage of every kind (lone bytes, four-byte sequences whole and cut, line feeds inside
  // sequences), one-shot and in random chunks.
  std::mt19937 random(20261205);
  auto byte = [&](unsigned low, unsigned high) {
    return char(std::uniform_int_distribution<unsigned>(low, high)(random));
  };
  for (const auto& c :
       {std::pair{"GB18030", Encoding::gb18030}, std::pair{"Big5-HKSCS", Encoding::big5}}) {
    const char* charset = c.first;
    const Encoding encoding = c.second;
    CAPTURE(charset);
    const std::string text = encode(kSimplified + "\n" + kTraditional, charset);
    for (int round = 0; round < 300; ++round) {
      std::string bytes;
      for (int piece = 0; piece < 60; ++piece) {
        switch (random() % 9) {
          case 0:
            bytes += text.substr(random() % text.size(), random() % 40);
            break;
          case 1:
            bytes += {byte(0x81, 0xFE), byte(0x30, 0x39), byte(0x81, 0xFE), byte(0x30, 0x39)};
            break;
          case 2:
            bytes += byte(0x80, 0xFF);  // a lead alone, or a byte that leads nothing
            break;
          case 3:
            bytes += random() % 2 ? "\n" : "a ";
            break;
          case 4:  // GB18030's NBSP, whole or cut
            bytes += std::string_view("\x81\x30\x84\x32").substr(0, 1 + random() % 4);
            break;
          default:
            bytes += {byte(0x81, 0xFE), byte(0x40, 0xFE)};  // any pair, valid or not
        }
      }
      const IcuReading icu = icu_reading(bytes, charset);
      Decoded d = decode_ok(bytes, {.from = encoding, .track_offsets = true});
      REQUIRE(d.text == icu.text);
      REQUIRE(d.invalid == icu.invalid);
      for (size_t i = 0; i < icu.origins.size(); ++i) REQUIRE(d.offsets.map(i) == icu.origins[i]);
      StreamDecoder stream(encoding);
      std::string out;
      for (size_t at = 0; at < bytes.size();) {
        const size_t n = std::min<size_t>(random() % 7, bytes.size() - at);
        stream.decode(std::string_view(bytes).substr(at, n), false, out);
        at += n;
      }
      stream.decode({}, true, out);
      REQUIRE(out == icu.text);
      REQUIRE(stream.invalid() == icu.invalid);
    }
  }
}

TEST_CASE("GB18030 and Big5: runs of two-byte characters of every length, however they end") {
  // The table's loop takes characters two at a time, then one: runs of every length up to 9
  // after 0 to 3 ASCII bytes, ended by the input's end, ASCII, a byte that leads nothing, a
  // character of four bytes; and runs across the table's block of input (1024 bytes) from
  // either parity.
  for (const auto& c :
       {std::pair{"GB18030", Encoding::gb18030}, std::pair{"Big5-HKSCS", Encoding::big5}}) {
    const char* charset = c.first;
    CAPTURE(charset);
    const std::string han = encode("中文大小人", charset);  // in both charsets, two bytes each
    REQUIRE(han.size() == 10);
    std::vector<std::string> inputs;
    for (size_t ascii = 0; ascii < 4; ++ascii) {
      for (size_t length = 0; length < 10; ++length) {
        std::string run(ascii, 'a');
        for (size_t k = 0; k < length; ++k) run += han.substr(2 * (k % 5), 2);
        for (std::string_view end : {"", "a", "\x80", "\x81\x30\x84\x32"}) {
          inputs.push_back(run + std::string(end));
        }
      }
    }
    for (size_t ascii = 0; ascii < 2; ++ascii) {
      std::string run(ascii, 'a');
      for (size_t k = 0; k < 700; ++k) run += han.substr(2 * (k % 5), 2);
      inputs.push_back(run);
      inputs.push_back(run + "a");
    }
    for (const std::string& bytes : inputs) {
      CAPTURE(bytes.size());
      const IcuReading icu = icu_reading(bytes, charset);
      Decoded d = decode_ok(bytes, {.from = c.second, .track_offsets = true});
      REQUIRE(d.text == icu.text);
      REQUIRE(d.invalid == icu.invalid);
      for (size_t i = 0; i < icu.origins.size(); ++i) REQUIRE(d.offsets.map(i) == icu.origins[i]);
    }
  }
}

TEST_CASE(
    "valid UTF-8 is told valid whatever character its first 1024 bytes cut, and damage after") {
  // detect() checks the input's head, then the rest: a character cut by the head's end, of
  // each length, at each of its bytes; and a bad byte or a cut sequence after the head.
  for (std::string_view character : {"é", "中", "𠮷"}) {
    for (size_t ascii = 1018; ascii <= 1024; ++ascii) {
      CAPTURE(character);
      CAPTURE(ascii);
      const std::string text = std::string(ascii, 'a') + std::string(character) + "b" + kSimplified;
      Decoded d = decode_ok(text);
      CHECK(d.copied);
      CHECK(d.text == text);
      CHECK(d.invalid.empty());
      for (const std::string& damaged :
           {text + "\xB7" + kSimplified, text + std::string(character.substr(0, 1))}) {
        Decoded bad = decode_ok(damaged);
        CHECK_FALSE(bad.copied);
        CHECK(bad.encoding == Encoding::utf8);
        CHECK(bad.invalid.size() == 1);
      }
    }
  }
}
