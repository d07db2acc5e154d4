// convert_stream.h: decode → (normalize) → convert in chunks equals the whole-document result.
#include "zhreport/convert_stream.h"

#include <doctest/doctest.h>
#include <unicode/ucnv.h>

#include <random>
#include <string>

#include "zhreport/normalize.h"

using namespace zhreport;

namespace {

const std::string kLine = "援藏醫療隊為當地培訓了三百名醫生，藉此機會回覆了專家。\n";
const std::string kArtifacts = "醫(yī)學(xué)專家,,來到醫院\n?\n&nbsp;</p>回覆了\n";

std::string repeat(const std::string& s, int times) {
  std::string out;
  for (int i = 0; i < times; ++i) out += s;
  return out;
}

// `utf8` in another charset, by ICU.
std::string encode(const std::string& utf8, const char* charset) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  int32_t n = ucnv_convert(charset, "UTF-8", out.data(), int32_t(out.size()), utf8.data(),
                           int32_t(utf8.size()), &status);
  REQUIRE(U_SUCCESS(status));
  out.resize(size_t(n));
  return out;
}

// Feeds `bytes` in random pieces; returns the output (or the error message).
std::string stream_in_pieces(const ConvertStreamOptions& options, const std::string& bytes,
                             unsigned seed) {
  std::mt19937 rng(seed);
  ConvertStream stream(options);
  std::string out;
  for (size_t at = 0;;) {
    size_t piece = std::min<size_t>(1 + rng() % 5000, bytes.size() - at);
    bool last = at + piece == bytes.size();
    if (auto error = stream.feed(std::string_view(bytes).substr(at, piece), last, out)) {
      return "error: " + error->message;
    }
    at += piece;
    if (last) return out;
  }
}

}  // namespace

TEST_CASE("ConvertStream: any chunking gives the whole document's conversion") {
  const std::string text = repeat(kLine, 400) + "最後一行沒有換行";
  const std::string expected = Converter::get(Config::t2s).convert(text);
  struct Case {
    const char* name;
    std::string bytes;
    std::optional<Encoding> from;
  };
  const Case cases[] = {
      {"utf-8 detected", text, std::nullopt},
      {"big5 detected", encode(text, "big5"), std::nullopt},
      {"big5 named", encode(text, "big5"), Encoding::big5},
      {"gb18030 named", encode(text, "gb18030"), Encoding::gb18030},
  };
  for (const Case& c : cases) {
    for (unsigned seed : {1u, 2u, 3u}) {
      CAPTURE(c.name);
      CAPTURE(seed);
      CHECK(stream_in_pieces({.config = Config::t2s, .from = c.from}, c.bytes, seed) == expected);
    }
  }
}

TEST_CASE("ConvertStream: valid UTF-8 converted in place joins what was held across chunks") {
  // The converter holds back the text after its last safe cut; the stream then converts that
  // and the next chunk through a bridge of up to 1 KB. Texts where the cut lies far back: runs
  // of key characters without punctuation, compatibility ideographs (normalization), invalid
  // bytes and 4-byte characters (decoded, not viewed); pieces small and large.
  const std::string run = "援藏醫療隊為當地培訓了三百名醫生藉此機會回覆了專家";
  const std::vector<std::string> texts = {
      repeat(run, 300),
      repeat(run + "\xEF\xA4\x80" + kLine, 100),
      repeat(kLine + run + "\x80" + "𠮷" + run, 60),
  };
  for (const std::string& text : texts) {
    ConvertStream whole(ConvertStreamOptions{});
    std::string expected;
    REQUIRE_FALSE(whole.feed(text, true, expected));
    for (unsigned seed : {1u, 2u, 3u, 4u}) {
      CAPTURE(seed);
      std::mt19937 rng(seed);
      ConvertStream stream(ConvertStreamOptions{});
      std::string out;
      for (size_t at = 0;;) {
        const size_t piece =
            std::min<size_t>(1 + rng() % (seed % 2 ? 200 : 5000), text.size() - at);
        const bool last = at + piece == text.size();
        std::string_view converted;
        REQUIRE_FALSE(stream.feed(std::string_view(text).substr(at, piece), last, converted));
        out += converted;
        at += piece;
        if (last) break;
      }
      CHECK(out == expected);
    }
  }
}

TEST_CASE("ConvertStream: feeding to a view of its buffer gives what feeding to a string does") {
  const std::string text = "\xEF\xBB\xBF" + repeat(kArtifacts + kLine, 300) + "\xFF末";
  for (bool clean : {false, true}) {
    CAPTURE(clean);
    const std::string expected = stream_in_pieces({.clean = clean}, text, 1);
    std::mt19937 rng(5);
    ConvertStream stream({.clean = clean});
    std::string out;
    for (size_t at = 0;;) {
      size_t piece = std::min<size_t>(1 + rng() % 70000, text.size() - at);
      bool last = at + piece == text.size();
      std::string_view converted;
      REQUIRE_FALSE(stream.feed(std::string_view(text).substr(at, piece), last, converted));
      out += converted;
      at += piece;
      if (last) break;
    }
    CHECK(out == expected);
    REQUIRE(stream.invalid().size() == 1);
    CHECK(stream.invalid()[0].offset == text.size() - 4);
  }
}

TEST_CASE("ConvertStream --clean: chunked equals normalize then convert of the whole") {
  const std::string text = repeat(kArtifacts + kLine, 200);
  const std::string expected = Converter::get(Config::t2s).convert(normalize(text).text);
  for (unsigned seed : {1u, 2u, 3u}) {
    CAPTURE(seed);
    CHECK(stream_in_pieces({.clean = true}, text, seed) == expected);
  }
  ConvertStream stream({.clean = true});
  std::string out;
  CHECK_FALSE(stream.feed(text, true, out));
  CHECK_FALSE(stream.repairs().empty());
}

TEST_CASE("ConvertStream keeps a UTF-8 BOM as OpenCC does, unless cleaning") {
  const std::string bom = "\xEF\xBB\xBF";
  for (unsigned seed : {1u, 2u}) {
    CHECK(stream_in_pieces({}, bom + kLine, seed) ==
          bom + Converter::get(Config::t2s).convert(kLine));
    CHECK(stream_in_pieces({.from = Encoding::utf8}, bom + kLine, seed).starts_with(bom));
  }
  CHECK_FALSE(stream_in_pieces({.clean = true}, bom + kLine, 1).starts_with(bom));
  CHECK(stream_in_pieces({}, bom, 1) == bom);
  // A UTF-16 BOM is the encoding's, not text: UTF-8 output has none.
  CHECK(stream_in_pieces({}, "\xFF\xFE" + encode(kLine, "utf-16le"), 1) ==
        Converter::get(Config::t2s).convert(kLine));
}

TEST_CASE("ConvertStream reports invalid bytes and stops at binary content") {
  ConvertStream stream({.from = Encoding::utf8});
  std::string out;
  CHECK_FALSE(stream.feed("醫生\xff醫生", true, out));
  CHECK(out == "医生\xef\xbf\xbd医生");
  REQUIRE(stream.invalid().size() == 1);
  CHECK(stream.invalid()[0].offset == 6);

  ConvertStream binary({.from = Encoding::utf8});
  auto error = binary.feed(std::string("醫生\0\0", 8), true, out);
  REQUIRE(error);
  CHECK(error->code == ErrorCode::binary);
}
