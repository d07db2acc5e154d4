// convert.h: the converter on sentences written for these tests (expected outputs checked
// against `opencc -c <config>.json` 1.4.2), offset maps, streaming, script detection.
// The exhaustive comparison with OpenCC 1.4.2 is in tests/opencc/differential_test.cpp.
#include "zhreport/convert.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "convert_tables.h"
#include "offset_entries.h"

using namespace zhreport;

namespace {

struct Conversion {
  Config config;
  std::string input, expected;
};

const std::vector<Conversion> kConversions = {
    {Config::t2s, "", ""},
    {Config::t2s, "plain ASCII, 123.\n", "plain ASCII, 123.\n"},
    {Config::t2s, "醫療隊為當地培訓了三百名醫生", "医疗队为当地培训了三百名医生"},
    {Config::t2s, "已经是简体字的文本", "已经是简体字的文本"},
    // Phrases override characters: 乾 alone is 干, 覆 stays 覆, 藉 stays 藉, 鍊 alone is 炼.
    {Config::t2s, "乾燥的天氣", "干燥的天气"},
    {Config::t2s, "乾隆皇帝回覆了信件，藉此機會送上項鍊。",
     "乾隆皇帝回复了信件，借此机会送上项链。"},
    // The longest phrase wins: 藉此機會 over 藉此.
    {Config::t2s, "藉此機會", "借此机会"},
    {Config::t2s, "藉此", "借此"},
    // 4-byte characters: U+29028's Simplified form U+2B55A is a tofu risk (rare_forms below),
    // U+20BB7 is copied.
    {Config::t2s, "\U00029028與\U00020BB7", "\U00029028与\U00020BB7"},
    // Place names (OpenCC 1.4's phrases): 乾安縣 keeps its 乾.
    {Config::t2s, "吉林省乾安縣", "吉林省乾安县"},
    // Compatibility ideographs are normalized first (U+F900 → 岂 via 豈, U+2F800 → 丽).
    {Config::t2s, "\uF900 \U0002F800", "岂 丽"},
    // An ideographic description sequence is copied unconverted; the character after it is not.
    {Config::t2s, "⿰訁殳與⿱⿰木木木樹", "⿰訁殳与⿱⿰木木木树"},
    {Config::tw2s, "⿰訁殳與", "⿰訁殳与"},
    // An operator without enough operands is an ordinary character: 訁 is converted.
    {Config::t2s, "與⿰訁", "与⿰讠"},
    {Config::t2s, "ＡＢＣ醫院", "ＡＢＣ医院"},
    // Chains: the regional variants first, then t2s.
    {Config::tw2s, "眾人為這裡的醫院捐款", "众人为这里的医院捐款"},
    {Config::tw2s, "才抬起頭說：太好了", "才抬起头说：太好了"},
    {Config::hk2s, "才抬起頭說：太好了", "才抬起头说：太好了"},
    {Config::tw2sp, "滑鼠與軟體", "鼠标与软件"},
    // A character copied by a later group's fast path after one that starts a phrase only
    // (regression: its fast entry was 0, written as four zero bytes).
    {Config::tw2s, "擊、PN", "击、PN"},
};

// Reports written for the tests, with phrases, punctuation and lines; no key-free character in
// the second one, so streaming must fall back to cutting at phrase boundaries.
const std::string kReport =
    "援疆醫療隊在當地開展了三百餘台手術，藉此機會培訓了醫護人員。\n"
    "乾隆年間的項鍊與回覆\U00029028\U00020BB7，專家們說：太好了！\n"
    "tw2sp 的鍵也有 ASCII：SQL隱碼攻擊、PN接面。\n";
const std::string kNoBreaks = [] {
  std::string s;
  for (int i = 0; i < 300; ++i) s += "藉此機會回覆項鍊乾燥醫療隊\U00029028";
  return s;
}();
// Ideographic description sequences (nested, and one cut short by a line end), compatibility
// ideographs inside and outside them, phrases around them.
const std::string kSequences = [] {
  std::string s;
  for (int i = 0; i < 100; ++i) {
    s += "藉此⿰訁殳機會⿱⿰木\uF900木樹\uF900乾燥⿲\n醫療隊⿰乾燥回覆\U0002F800。";
  }
  return s;
}();

// Feeds `text` to convert_some in random pieces, as a stream reader would.
std::string convert_in_pieces(const Converter& converter, const std::string& text, unsigned seed) {
  std::mt19937 rng(seed);
  std::string pending, out;
  for (size_t at = 0; at < text.size();) {
    size_t piece = std::min<size_t>(1 + rng() % 64, text.size() - at);
    pending.append(text, at, piece);
    at += piece;
    pending.erase(0, converter.convert_some(pending, false, out));
  }
  converter.convert_some(pending, true, out);
  return out;
}

}  // namespace

TEST_CASE("converts like OpenCC") {
  for (const Conversion& c : kConversions) {
    CAPTURE(config_name(c.config));
    CAPTURE(c.input);
    CHECK(Converter::get(c.config).convert(c.input) == c.expected);
    CHECK(Converter::get(c.config).convert_tracked(c.input).text == c.expected);
  }
}

TEST_CASE("rare forms: the tofu-risk dictionaries only when asked for, as OpenCC's tool") {
  for (Config config : {Config::t2s, Config::tw2s, Config::hk2s, Config::tw2sp}) {
    CAPTURE(config_name(config));
    CHECK(Converter::get(config).convert("㑮\U00029028") == "㑮\U00029028");
    CHECK(Converter::get(config, true).convert("㑮\U00029028") == "\U0002B748\U0002B55A");
    CHECK(Converter::get(config, true).rare_forms());
    CHECK_FALSE(Converter::get(config).rare_forms());
  }
}

TEST_CASE("opencc_data_version names the OpenCC release of the compiled-in data") {
  CHECK(opencc_data_version() == "1.4.2");
}

// The fast loop's two-character step read eight bytes where seven were left: one byte past the
// text. Only a sanitizer sees that, and only when the text ends where its allocation does and the
// read starts at an eight-byte boundary: each tail below, after 0 to 15 bytes of ASCII, in a
// buffer of exactly its size (CI's fuzzer found it, under ASan).
TEST_CASE("regression: the two-character step read a byte past the end of the text") {
  for (Config config : {Config::t2s, Config::tw2s, Config::hk2s, Config::tw2sp}) {
    for (std::string_view tail : {"許可權國家開發銀行𫍱，", "國家銀行，", "開發銀行a", "銀行"}) {
      for (size_t lead = 0; lead < 16; ++lead) {
        const std::string text = std::string(lead, 'a') + std::string(tail);
        auto exact = std::make_unique<char[]>(text.size());
        std::copy(text.begin(), text.end(), exact.get());
        const std::string_view at_end(exact.get(), text.size());
        CAPTURE(config_name(config));
        CAPTURE(text);
        const Converter& converter = Converter::get(config);
        CHECK(converter.convert(at_end) == converter.convert(text));
        CHECK(converter.convert_tracked(at_end).text == converter.convert(text));
      }
    }
  }
}

TEST_CASE("the fast loop: runs of ASCII of any length between characters, copied and mapped") {
  // The loop takes ASCII eight bytes at a time: runs shorter and longer than eight, at every
  // distance from the text's end.
  for (size_t run = 0; run <= 19; ++run) {
    for (size_t tail = 0; tail <= 9; ++tail) {
      const std::string ascii = std::string("0123456789 ,.abcdefghi").substr(0, run);
      const std::string text = "醫" + ascii + "療隊" + ascii + "醫" + std::string(tail, 'x');
      const std::string expected = "医" + ascii + "疗队" + ascii + "医" + std::string(tail, 'x');
      CAPTURE(text);
      const Converter& converter = Converter::get(Config::t2s);
      CHECK(converter.convert(text) == expected);
      const Converter::Converted tracked = converter.convert_tracked(text);
      CHECK(tracked.text == expected);
      std::vector<uint32_t> identity(text.size() + 1);
      for (size_t i = 0; i < identity.size(); ++i) identity[i] = uint32_t(i);
      CHECK(entries_of(tracked.offsets) == identity);  // every character as long as its input
    }
  }
}

TEST_CASE("the fast loop: a character that may start a phrase, first or second of a pair") {
  // 乾 starts phrases (乾燥 → 干燥, 乾隆 stays) and alone is 干: the two-character step tells it
  // by the character after it when it comes first, and takes it first next round when second.
  // Before it, 0 to 3 characters (both parities), after it a phrase's second character, another
  // character, ASCII or the text's end, with more text or none after.
  const std::vector<std::pair<std::string, std::string>> kCases = {
      {"乾燥", "干燥"}, {"乾隆", "乾隆"},     {"乾天", "干天"},    {"乾,", "干,"},
      {"乾", "干"},     {"乾乾燥", "干干燥"}, {"乾隆乾", "乾隆干"}};
  for (size_t lead = 0; lead <= 3; ++lead) {
    for (const auto& [piece, converted] : kCases) {
      for (std::string_view after : {"", "醫療隊的", "12 醫療"}) {
        std::string text, expected;
        for (size_t i = 0; i < lead; ++i) {
          text += "醫";
          expected += "医";
        }
        text += piece + std::string(after);
        expected += converted + Converter::get(Config::t2s).convert(after);
        CAPTURE(text);
        const Converter& converter = Converter::get(Config::t2s);
        CHECK(converter.convert(text) == expected);
        CHECK(converter.convert_tracked(text).text == expected);
      }
    }
  }
}

TEST_CASE("surrogates and overlong forms, which valid UTF-8 has not, are copied as they are") {
  const std::string text = "醫\xED\xA0\x80療\xE0\x80\x80隊\xED\xBF\xBF";
  CHECK(Converter::get(Config::t2s).convert(text) == "医\xED\xA0\x80疗\xE0\x80\x80队\xED\xBF\xBF");
}

TEST_CASE("convert_append appends") {
  std::string out = "前:";
  Converter::get(Config::t2s).convert_append("醫生", out);
  CHECK(out == "前:医生");
}

TEST_CASE("config names round-trip") {
  for (Config config : {Config::t2s, Config::tw2s, Config::hk2s, Config::tw2sp}) {
    CHECK(parse_config(config_name(config)) == config);
    CHECK(Converter::get(config).config() == config);
  }
  CHECK_FALSE(parse_config("s2t"));
  CHECK_FALSE(parse_config("T2S"));
}

TEST_CASE("offset map: copied bytes map to themselves, a phrase's bytes to its key's start") {
  // "A醫生B": 醫 (bytes 1-3) becomes 医, as long, so byte to byte like 生, which is the same in
  // both scripts: one run.
  auto single = Converter::get(Config::t2s).convert_tracked("A醫生B");
  CHECK(single.text == "A医生B");
  CHECK(entries_of(single.offsets) == std::vector<uint32_t>{0, 1, 2, 3, 4, 5, 6, 7, 8});
  CHECK(single.offsets.runs().size() == 1);
  // 回覆 is one phrase: all of 回复 maps to its start.
  auto phrase = Converter::get(Config::t2s).convert_tracked("回覆了");
  CHECK(phrase.text == "回复了");
  CHECK(entries_of(phrase.offsets) == std::vector<uint32_t>{0, 0, 0, 0, 0, 0, 6, 7, 8, 9});
}

TEST_CASE("offset map: through the normalization of compatibility ideographs") {
  // U+2F800 (4 bytes) becomes 丽 (3 bytes): all three map to its start; U+F900 becomes 岂 and 醫
  // 医, each as long as it was: byte to byte.
  auto tracked = Converter::get(Config::t2s).convert_tracked("a\U0002F800\uF900醫");
  CHECK(tracked.text == "a丽岂医");
  CHECK(entries_of(tracked.offsets) == std::vector<uint32_t>{0, 1, 1, 1, 5, 6, 7, 8, 9, 10, 11});
}

TEST_CASE("convert_tracked_into a reused result gives what convert_tracked gives") {
  // Longer, shorter, through the normalization of a compatibility ideograph, empty, longer again:
  // nothing of the text or map before may show.
  const std::string texts[] = {
      std::string(kReport),           "回覆了", "a\U0002F800\uF900醫", "", "A醫生B",
      std::string(kReport) + "回覆了"};
  Converter::Converted reused;
  for (const std::string& text : texts) {
    CAPTURE(text);
    Converter::get(Config::t2s).convert_tracked_into(text, reused);
    const Converter::Converted fresh = Converter::get(Config::t2s).convert_tracked(text);
    CHECK(reused.text == fresh.text);
    CHECK(entries_of(reused.offsets) == entries_of(fresh.offsets));
  }
}

TEST_CASE("offset map: slicing the input at mapped character starts gives its source") {
  for (Config config : {Config::t2s, Config::tw2s, Config::hk2s, Config::tw2sp}) {
    CAPTURE(config_name(config));
    auto tracked = Converter::get(config).convert_tracked(kReport);
    REQUIRE(tracked.offsets.size() == tracked.text.size());
    CHECK(tracked.offsets.map(tracked.text.size()) == kReport.size());
    const std::vector<uint32_t> source = entries_of(tracked.offsets);
    CHECK(std::is_sorted(source.begin(), source.end()));
    // Every output character starts at an input character start, and ASCII outside a
    // replacement (the next byte comes from the next input byte) maps to itself.
    for (size_t i = 0; i < tracked.text.size(); ++i) {
      const unsigned char byte = tracked.text[i];
      if ((byte & 0xC0) == 0x80) continue;
      CHECK((static_cast<unsigned char>(kReport[source[i]]) & 0xC0) != 0x80);
      if (byte < 0x80 && source[i + 1] == source[i] + 1) {
        CHECK(kReport[source[i]] == tracked.text[i]);
      }
    }
  }
}

TEST_CASE("streaming in random pieces gives the same text as converting the whole") {
  for (Config config : {Config::t2s, Config::tw2s, Config::hk2s, Config::tw2sp}) {
    const Converter& converter = Converter::get(config);
    for (const std::string* text : {&kReport, &kNoBreaks, &kSequences}) {
      const std::string whole = converter.convert(*text);
      for (unsigned seed = 1; seed <= 20; ++seed) {
        CAPTURE(config_name(config));
        CAPTURE(seed);
        CHECK(convert_in_pieces(converter, *text, seed) == whole);
      }
    }
  }
}

TEST_CASE("streaming into a reused buffer gives the same text, whatever the buffer held") {
  for (Config config : {Config::t2s, Config::tw2s, Config::tw2sp}) {
    const Converter& converter = Converter::get(config);
    for (const std::string* text : {&kReport, &kNoBreaks, &kSequences}) {
      CAPTURE(config_name(config));
      std::mt19937 rng(7);
      std::string pending, out, buffer(100, '#');  // stale bytes a conversion must not keep
      for (size_t at = 0; at < text->size();) {
        size_t piece = std::min<size_t>(1 + rng() % 300, text->size() - at);
        pending.append(*text, at, piece);
        at += piece;
        size_t used = 0;
        pending.erase(0, converter.convert_some(pending, false, buffer, used));
        out.append(buffer, 0, used);
      }
      size_t used = 0;
      converter.convert_some(pending, true, buffer, used);
      out.append(buffer, 0, used);
      CHECK(out == converter.convert(*text));
    }
  }
}

TEST_CASE("safe_prefix cuts after a character no key contains, else at a phrase boundary") {
  const Converter& t2s = Converter::get(Config::t2s);
  CHECK(t2s.safe_prefix("醫生。醫") == std::string("醫生。").size());
  CHECK(t2s.safe_prefix("醫生\n") == std::string("醫生\n").size());
  CHECK(t2s.safe_prefix("醫") == 0);  // the next character may make 醫 part of a phrase
  CHECK(t2s.safe_prefix("") == 0);
  // An incomplete character at the end is never cut into.
  CHECK(t2s.safe_prefix(std::string("a醫").substr(0, 3)) == 1);
  // No key-free character: still progress on long input.
  CHECK(t2s.safe_prefix(kNoBreaks) > kNoBreaks.size() / 2);
  CHECK(Converter::get(Config::tw2s).safe_prefix(kNoBreaks) > kNoBreaks.size() / 2);
  // Never inside an ideographic description sequence that more text could complete.
  CHECK(t2s.safe_prefix("醫。⿰a") == std::string("醫。").size());
  CHECK(t2s.safe_prefix("醫。⿰ab。") == std::string("醫。⿰ab。").size());
}

TEST_CASE("detect_script") {
  struct Case {
    std::string text;
    Script script;
  };
  const std::vector<Case> cases = {
      {"医疗队为当地培训了三百名医生", Script::simplified},
      {"醫療隊為當地培訓了三百名醫生", Script::traditional},
      {"医疗队为当地培训。醫療隊為當地培訓。", Script::mixed},
      {"123 abc 中人", Script::simplified},  // nothing to tell by
      {"", Script::simplified},
      // One Traditional character among 36 Simplified ones is noise; among 18 it is not.
      {"医疗队为当地培训了三百名医生，专家们说这里的医院条件变好了，患者们满意。"
       "医疗队为当地培训了三百名医生，专家们说这里的医院条件变好了，患者们满意。臺",
       Script::simplified},
      {"医疗队为当地培训了三百名医生，专家们说这里的医院条件变好了，患者们满意。臺", Script::mixed},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CHECK(detect_script(c.text) == c.script);
  }
  CHECK(script_name(Script::traditional) == "traditional");
  CHECK(script_name(Script::mixed) == "mixed");
  CHECK(script_name(Script::simplified) == "simplified");
}

TEST_CASE("regression: Traditional text using 才 後 裏 臺 餘 was called mixed") {
  // s2t keeps these characters in some words, so they are no evidence of Simplified script.
  CHECK(detect_script("人才培訓後,醫院裏的臺灣專家才來,其餘隊員於下月抵達。") ==
        Script::traditional);
  CHECK(detect_script("人才培训后,医院里的台湾专家才来,其余队员于下月抵达。") ==
        Script::simplified);
}

TEST_CASE("the compiled-in tables are what build_tables makes of the dictionaries at run time") {
  using namespace convert_detail;
  auto same_items = [](std::span<const Item> a, std::span<const Item> b, Bucket x, Bucket y) {
    REQUIRE(x.end - x.begin == y.end - y.begin);
    for (uint32_t i = 0; i < x.end - x.begin; ++i) {
      const Item &u = a[x.begin + i], &v = b[y.begin + i];
      CHECK((u.start == v.start && u.rank == v.rank && u.key == v.key && u.value == v.value));
    }
  };
  auto same_group = [&](const Group& a, const Group& b, std::span<const Item> segmenter_a,
                        std::span<const Item> segmenter_b) {
    CHECK(a.longest_key == b.longest_key);
    CHECK(a.has_multichar_keys == b.has_multichar_keys);
    CHECK(a.ascii_inert == b.ascii_inert);
    CHECK(a.pool == b.pool);
    CHECK(std::equal(a.fast3.begin(), a.fast3.end(), b.fast3.begin(), b.fast3.end()));
    REQUIRE(a.specials.size() == b.specials.size());
    size_t differing = 0;
    for (char32_t cp = 0; cp < CodePointView::kLimit; ++cp)
      differing += a.cells.get(cp) != b.cells.get(cp);
    CHECK(differing == 0);
    for (size_t i = 0; i < a.specials.size(); ++i) {
      const Special &s = a.specials[i], &t = b.specials[i];
      CHECK((s.value == t.value && s.second_chars == t.second_chars && s.ids == t.ids &&
             s.normalize == t.normalize && s.fast_value == t.fast_value));
      same_items(a.candidates, b.candidates, s.lookup, t.lookup);
      same_items(segmenter_a, segmenter_b, s.segment, t.segment);
    }
  };
  for (Config config : {Config::t2s, Config::tw2s, Config::hk2s, Config::tw2sp}) {
    CAPTURE(config_name(config));
    Converter::Tables compiled, built;
    REQUIRE(prebuilt_tables(config, compiled));
    auto data = std::make_unique<TableData>();
    build_tables(config, false, *data);
    view_tables(std::move(data), built);
    CHECK(compiled.segmented == built.segmented);
    CHECK(compiled.longest_segment_key == built.longest_segment_key);
    CHECK(std::ranges::equal(compiled.normalization_leads, built.normalization_leads));
    CHECK(std::ranges::equal(compiled.normalization_pairs, built.normalization_pairs));
    same_items(compiled.segmenter, built.segmenter, {0, uint32_t(compiled.segmenter.size())},
               {0, uint32_t(built.segmenter.size())});
    REQUIRE(compiled.run_chain.size() == built.run_chain.size());
    for (size_t i = 0; i < built.run_chain.size(); ++i) {
      same_group(compiled.run_chain[i], built.run_chain[i], compiled.segmenter, built.segmenter);
    }
    REQUIRE(compiled.normalization.size() == built.normalization.size());
    for (size_t i = 0; i < built.normalization.size(); ++i) {
      same_group(compiled.normalization[i], built.normalization[i], {}, {});
    }
  }
}
