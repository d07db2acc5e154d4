#include "zhreport/normalize.h"

#include <doctest/doctest.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>
#include <utf8proc.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "normalize_internal.h"
#include "normalize_wide.h"
#include "offset_entries.h"
#include "three_byte_stops_wide.h"
#include "zhreport/decode.h"

using namespace zhreport;

namespace {

using Repairs = std::map<std::string, size_t>;

Repairs repairs_of(const Normalized& n) { return Repairs(n.repairs.begin(), n.repairs.end()); }

struct Case {
  std::string what;
  std::string in;
  std::string out;
  Repairs repairs;
};

// Offsets: one per output byte plus the end, never going backwards, and every output
// character found again by normalizing the input span it maps to (after a letter, so that a
// lone "?" is not a line of its own).
void check_offsets(const std::string& in, const Normalized& n, const NormalizeOptions& options) {
  REQUIRE(n.offsets.size() == n.text.size());
  CHECK(n.offsets.map(n.text.size()) == in.size());
  for (size_t i = 0; i < n.text.size(); ++i) {
    REQUIRE(n.offsets.map(i) <= n.offsets.map(i + 1));
  }
  size_t i = 0;
  while (i < n.text.size()) {
    size_t len = normalize_internal::char_at(n.text, i).length;
    std::string ch = n.text.substr(i, len);
    size_t from = n.offsets.map(i), to = n.offsets.map(i + len);
    if (ch != "\n") {
      CAPTURE(ch);
      CAPTURE(in.substr(from, to - from));
      std::string probe = "X", expected = "X";  // appended, not "X" + s: GCC 12 -Wrestrict
      probe.append(in, from, to - from);
      expected += ch;
      CHECK(normalize(probe, options).text.starts_with(expected));
    }
    i += len;
  }
}

void run_cases(const std::vector<Case>& cases, const NormalizeOptions& options = {}) {
  for (const Case& c : cases) {
    CAPTURE(c.what);
    CAPTURE(c.in);
    NormalizeOptions tracked = options;
    tracked.track_offsets = true;
    Normalized n = normalize(c.in, tracked);
    CHECK(n.text == c.out);
    CHECK(repairs_of(n) == c.repairs);
    check_offsets(c.in, n, options);
    CHECK(normalize(c.in, options).text == n.text);  // tracking changes nothing
  }
}

}  // namespace

TEST_CASE("canonical form: widths, spaces, line ends, NFC") {
  run_cases({
      {"plain text untouched",
       "援疆医疗队2024年派出专家25名。\n",
       "援疆医疗队2024年派出专家25名。\n",
       {}},
      {"full-width digits and letters", "ＭＤＴ团队１２名", "MDT团队12名", {{"fullwidth", 5}}},
      {"full-width punctuation",
       "专家（医生）：３人，护士！",
       "专家(医生):3人,护士!",
       {{"fullwidth", 6}}},
      {"CJK punctuation stays", "“组团式”援藏……——《报告》、。", "“组团式”援藏……——《报告》、。", {}},
      {"NBSP and ideographic space",
       "来源:\u00A0医院\u3000阅读",
       "来源: 医院 阅读",
       {{"space", 2}}},
      {"zero-width space dropped", "15\u200B00名", "1500名", {{"space", 1}}},
      {"CRLF and CR", "第一行\r\n第二行\r第三行", "第一行\n第二行\n第三行", {}},
      {"decomposed accent composed", "Pe\u0301rez", "P\u00E9rez", {{"unicode_composition", 1}}},
      {"compatibility ideograph", "\uF9D1月", "\u516D月", {{"unicode_composition", 1}}},
      {"precomposed pinyin and 4-byte Han untouched", "yī 𠮷野家 한국", "yī 𠮷野家 한국", {}},
      {"invalid bytes copied", "医\xFF疗", "医\xFF疗", {}},
  });
}

TEST_CASE("runs of Han and CJK punctuation skipped whole still stop at what needs work") {
  // The fast paths skip two ideographs at a time and CJK punctuation one at a time; whatever
  // ends a run at any position is still seen: an ideographic space (folded), a combining mark
  // (NFC), a full-width letter, an invalid byte.
  for (size_t before = 0; before < 6; ++before) {
    CAPTURE(before);
    std::string run;
    for (size_t i = 0; i < before; ++i) run += i % 3 == 2 ? "、" : "醫";
    CHECK(normalize(run + "\u3000療“”").text == run + " 療“”");
    CHECK(normalize(run + "Ａ療。").text == run + "A療。");
    CHECK(normalize(run + "\u304B\u3099療").text == run + "\u304C療");
    CHECK(normalize(run + "療\xFF療").text == run + "療\xFF療");
  }
}

TEST_CASE("skip_plain passes what the loop has nothing to do for, 16 bytes a step") {
  using normalize_internal::ascii_classes;
  using normalize_internal::skip_plain;
  std::string run;
  for (int i = 0; i < 16; ++i) run += "醫";
  // Commas and punctuation between ideographs, spaces, a line break before a plain line: passed.
  const std::string text = run + ",療、療“療” 療\n療(yī)" + run;
  const size_t comma = run.size(), open = text.find('(');
  CHECK(skip_plain(text, 0, 0, ascii_classes(true)).end == open);
  CHECK(skip_plain(text, 0, 0, ascii_classes(true)).passed_line_break);
  // Without the repairs, a parenthesis is passed too (not the pinyin letter).
  CHECK(skip_plain(text, 0, 0, ascii_classes(false)).end == text.find("ī"));
  CHECK(!skip_plain(text, 0, 0, ascii_classes(false)).passed_line_break);
  // A comma whose ideograph before is not in the text not yet copied stops it.
  CHECK(skip_plain(text, comma, comma, ascii_classes(true)).end == comma);
  CHECK(skip_plain(text, comma, comma - 3, ascii_classes(true)).end == open);
  // The last 0 to 15 bytes are left to the loop.
  CHECK(skip_plain(run, 0, 0, ascii_classes(true)).end == run.size());
  CHECK(skip_plain(run, 1, 0, ascii_classes(true)).end == run.size() - 15);
}

TEST_CASE("normalize_wide::skip stops where skip_plain does, at any place in the text") {
  // 64 bytes a step where the processor has AVX-512 VBMI (text::wide::kAvailable), against the
  // SSE2 loop: texts of hundreds of bytes, mostly ideographs, with every kind of byte the skip
  // passes or stops at, from every position, the text not yet copied starting at it or up to
  // three bytes before, with the repairs and without.
  if (!text::wide::kAvailable) {
    MESSAGE("this processor has no AVX-512 VBMI: normalize_wide::skip is not compared here");
    return;
  }
  const std::vector<std::string_view> pieces = {"醫",
                                                "療",
                                                "隊",
                                                "一",
                                                ",",
                                                "、",
                                                "。",
                                                "“",
                                                "”",
                                                "\n",
                                                " ",
                                                "(",
                                                ")",
                                                "<",
                                                "&",
                                                "/",
                                                "\r",
                                                "a",
                                                "1",
                                                "é",
                                                "\xC2\xA0",
                                                "\xE2\x80\x8B",
                                                "\xE2\x80\xA8",
                                                "\xE3\x80\x80",
                                                "\xE3\x80\xAA",
                                                "\xE2\x80\x90",
                                                "\xE3\x80\x81",
                                                "\x80",
                                                "\xE5",
                                                "\xE5\x87",
                                                "\xFF",
                                                "𠮷",
                                                "Ａ",
                                                "\n?",
                                                "\xE5\xE5\x87,",
                                                "\x80\x80,",
                                                "療\x80,",
                                                "\xE9,\xE9\x80",
                                                "\n\n"};
  std::mt19937 random(11);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const size_t length = random() % 400;
    while (text.size() < length) {
      const size_t piece = random() % 4 == 0 ? random() % pieces.size() : random() % 4;
      text += pieces[piece];
    }
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    for (bool repairs : {true, false}) {
      const unsigned char* classes = normalize_internal::ascii_classes(repairs);
      for (size_t pos = 0; pos <= text.size(); ++pos) {
        for (size_t back = 0; back <= std::min<size_t>(pos, 3); ++back) {
          CAPTURE(round);
          CAPTURE(pos);
          CAPTURE(back);
          CAPTURE(repairs);
          const auto scalar = normalize_internal::skip_plain(text, pos, pos - back, classes);
          const auto wide = normalize_wide::skip(bytes, text.size(), pos, pos - back, classes);
          REQUIRE(wide.end == scalar.end);
          REQUIRE(wide.passed_line_break == scalar.passed_line_break);
        }
      }
    }
  }
}

TEST_CASE("pinyin annotations after Han characters are removed, in both scripts") {
  run_cases({
      {"traditional", "醫(yī)學(xué)人才培訓(xùn)", "醫學人才培訓", {{"pinyin_annotation", 3}}},
      {"simplified", "医(yī)疗(liáo)队", "医疗队", {{"pinyin_annotation", 2}}},
      {"ü with tone", "婦女(nǚ)患者", "婦女患者", {{"pinyin_annotation", 1}}},
      {"decomposed tone mark", "医(yi\u0304)生", "医生", {{"pinyin_annotation", 1}}},
      {"full-width parentheses", "醫（yī）生", "醫生", {{"pinyin_annotation", 1}}},
      {"nested in a real parenthesis",
       "遵義市(縣、區(qū))醫療機構",
       "遵義市(縣、區)醫療機構",
       {{"pinyin_annotation", 1}}},
      {"neutral tone after a toned one", "醫(yī)生們(men)", "醫生們", {{"pinyin_annotation", 2}}},
      {"u with a combining diaeresis, v for ü",
       "女(nu\u0308\u030C)驴(lv\u0301)",
       "女驴",
       {{"pinyin_annotation", 2}}},
      {"six letters", "壮(zhuàng)族", "壮族", {{"pinyin_annotation", 1}}},
  });
}

TEST_CASE("NFC may make the text longer than the input") {
  // A composition exclusion: क़ (U+0958) decomposes. (All of what NFC wrote maps to the
  // character before it, so check_offsets does not apply.)
  const Normalized n = normalize("医\u0958\u0958生", {.track_offsets = true});
  CHECK(n.text == "医\u0915\u093C\u0915\u093C生");
  CHECK(repairs_of(n) == Repairs{{"unicode_composition", 1}});
  CHECK(n.offsets.size() == n.text.size());
  CHECK(n.offsets.map(n.text.size() - 3) == 9);  // 生
}

TEST_CASE("normalize_into a reused result gives what normalize gives") {
  // Tracked then not (the map must be dropped), repairs then none, longer then shorter, and
  // longer than the input (NFC) after a short one.
  struct Case {
    std::string text;
    bool track;
  };
  const Case cases[] = {
      {"醫(yī)學(xué)人才\r\n培訓,,全角ＡＢＣ", true},
      {"医生", false},
      {"", true},
      {"e\u0301 培训 &amp; <br>", true},
      {"婦女(nǚ)患者", false},
      {"医\u0958\u0958生(yī),,", true},
  };
  Normalized reused;
  for (const Case& c : cases) {
    CAPTURE(c.text);
    const NormalizeOptions options{.track_offsets = c.track};
    normalize_into(c.text, options, reused);
    const Normalized fresh = normalize(c.text, options);
    CHECK(reused.text == fresh.text);
    CHECK(reused.repairs == fresh.repairs);
    CHECK(entries_of(reused.offsets) == entries_of(fresh.offsets));
  }
}

TEST_CASE("parentheses that are not pinyin annotations survive") {
  const std::vector<std::string> survivors = {
      "中山大学附属第七医院(后简称中山七院)",
      "中山大學附屬第七醫院(後簡稱中山七院)",
      "遵义市(县、区)医疗机构",
      "内蒙古7个旗(县)35名",
      "《诊疗指南》(2015年版",
      "如图(a)所示",
      "(记者 蒋若静)",
      "医院的(de)",      // toneless, and no toned annotation on the line
      "醫(yī)\n的(de)",  // the toned one was on another line
      "醫(yī)學院的文字比十六個字節長\n的(de)還有十六個字節以上的文字",  // the same, the line break
                                                                         // in the 16-byte skip
      "专家(Expert)",
      "(yī)开头",  // no Han character before
      "Li(lǐ)",
      "医(yīī)",  // two tone marks: no syllable
      "医(xyz)",
      "医(zhuàngg)",  // seven letters
      "医(lǘüüü)",    // five letters of ten bytes
      "医(shēngg)",
  };
  for (const std::string& s : survivors) {
    CAPTURE(s);
    Normalized n = normalize(s);
    std::string expected = s;
    if (s.starts_with("醫(yī)")) expected.erase(3, 5);  // (the toned annotation goes)
    CHECK(n.text == expected);
  }
}

TEST_CASE("pinyin syllable table") {
  using normalize_internal::is_pinyin_syllable;
  for (const char* s : {"yi", "xue", "zhuang", "lü", "nüe", "er", "a", "xiong", "shui", "de"}) {
    CAPTURE(s);
    CHECK(is_pinyin_syllable(s));
  }
  for (const char* s : {"", "x", "shong", "bue", "qa", "yii", "zhi2", "expert"}) {
    CAPTURE(s);
    CHECK_FALSE(is_pinyin_syllable(s));
  }
}

TEST_CASE("toned syllables: those the letter by letter reading takes, looked up at once") {
  using normalize_internal::is_toned_syllable;
  for (const char* s : {"yī", "xué", "zhuàng", "lǘ", "lüè", "lvè", "ér", "xiōng", "liù", "guì"}) {
    CAPTURE(s);
    CHECK(is_toned_syllable(s));
  }
  // Tone marks elsewhere than pinyin puts them are read letter by letter.
  for (const char* s : {"", "yi", "yīī", "xúé", "zhuàngg", "lv", "Yī", "xue\u0301", "qā", "líu"}) {
    CAPTURE(s);
    CHECK_FALSE(is_toned_syllable(s));
  }
  // What the table holds is an annotation wherever it is.
  const std::vector<std::string> letters = {"a", "e", "i", "n", "g", "h", "u", "v", "x",
                                            "z", "ü", "ā", "é", "ǐ", "ò", "ū", "ǘ", "ń"};
  std::mt19937 random(7);
  size_t toned = 0;
  for (int k = 0; k < 20000; ++k) {
    std::string s;
    for (size_t n = 1 + random() % 4; n > 0; --n) s += letters[random() % letters.size()];
    if (!is_toned_syllable(s)) continue;
    ++toned;
    CAPTURE(s);
    CHECK(normalize("医(" + s + ")生").text == "医生");
  }
  CHECK(toned > 100);
}

TEST_CASE("doubled punctuation: the comma goes, the stronger mark stays") {
  run_cases({
      {"comma full stop",
       "在田陽區人民醫院舉行,。",
       "在田陽區人民醫院舉行。",
       {{"doubled_punctuation", 1}}},
      {"comma enumeration comma",
       "江清浩,、鐘燕玲",
       "江清浩、鐘燕玲",
       {{"doubled_punctuation", 1}}},
      {"two commas", "近日,,专家", "近日,专家", {{"doubled_punctuation", 1}}},
      {"three commas", "近日,,,专家", "近日,专家", {{"doubled_punctuation", 2}}},
      {"comma semicolon", "文化”,;二是", "文化”;二是", {{"doubled_punctuation", 1}}},
      {"enumeration comma then comma", "求是、,传承", "求是、传承", {{"doubled_punctuation", 1}}},
      {"full-width doubled", "举行，。", "举行。", {{"doubled_punctuation", 1}}},
      // the fast path of a full-width comma between ideographs, and where it must not apply
      {"comma between ideographs", "医院,专家", "医院,专家", {}},
      {"full-width comma between ideographs", "医院，专家", "医院,专家", {{"fullwidth", 1}}},
      {"full-width comma after a stop", "举行。，专家", "举行。专家", {{"doubled_punctuation", 1}}},
      {"full-width comma after a broken ideograph",
       "医\xE4:，专家",
       "医\xE4:专家",
       {{"doubled_punctuation", 1}}},
      {"legitimate marks", "累计……——1,000人,其中", "累计……——1,000人,其中", {}},
  });
}

TEST_CASE("HTML remnants are removed or decoded") {
  run_cases({
      {"closing p at line end",
       "提出了新的帮扶请求。</p>\n下一段",
       "提出了新的帮扶请求。\n下一段",
       {{"html_remnant", 1}}},
      {"br in mid-line", "第一段<br>第二段", "第一段\n第二段", {{"html_remnant", 1}}},
      {"self-closing br at end", "第一段<br />", "第一段", {{"html_remnant", 1}}},
      {"p with attributes", "<p class=\"text\">段落</p>", "段落", {{"html_remnant", 2}}},
      {"inline tags", "<span style=\"color:red\">红</span>字", "红字", {{"html_remnant", 2}}},
      {"entities", "A&amp;B&nbsp;C&ldquo;D&rdquo;", "A&B C“D”", {{"html_remnant", 4}}},
      {"numeric entities", "&#12289;&#x3001;", "、、", {{"html_remnant", 2}}},
      {"closing tag that lost its '<' to mojibake",
       "帮扶请求?/p>\n下一段",
       "帮扶请求?\n下一段",
       {{"html_remnant", 1}}},
      {"not HTML",
       "a < b > c, R&D, &foo; <1>, <xyz>, 2019/02/23, 和/或, ?/x>",
       "a < b > c, R&D, &foo; <1>, <xyz>, 2019/02/23, 和/或, ?/x>",
       {}},
  });
}

TEST_CASE("lines holding only a lost character are removed") {
  run_cases({
      {"ASCII question mark", "第一行\n?\n第二行", "第一行\n第二行", {{"lost_character_line", 1}}},
      {"full-width with spaces",
       "第一行\n ？\u3000\n第二行",
       "第一行\n第二行",
       {{"lost_character_line", 1}}},
      {"several lines", "甲\n?\n乙\n??\n", "甲\n乙\n", {{"lost_character_line", 2}}},
      {"at the start, CRLF", "?\r\n第一行", "第一行", {{"lost_character_line", 1}}},
      {"at the end without line break", "第一行\n?", "第一行\n", {{"lost_character_line", 1}}},
      {"a real question", "如何让看病少排队?\n", "如何让看病少排队?\n", {}},
      // The line after it is long enough for the 16-byte skip: the line is looked at first.
      {"before a long line",
       "第一行\n??\n第二行的文字比十六个字节长",
       "第一行\n第二行的文字比十六个字节长",
       {{"lost_character_line", 1}}},
      {"after and before long lines",
       "第一行的文字比十六个字节长\n??\n第二行的文字比十六个字节长\n?",
       "第一行的文字比十六个字节长\n第二行的文字比十六个字节长\n",
       {{"lost_character_line", 2}}},
  });
}

TEST_CASE("repair_artifacts off keeps the artifacts, canonical form still applies") {
  run_cases({{"artifacts kept", "醫(yī),,</p>\r\n?\nＡ", "醫(yī),,</p>\n?\nA", {{"fullwidth", 1}}}},
            {.repair_artifacts = false});
}

TEST_CASE("offsets through decode and normalize slice the original file") {
  const std::string text = "醫(yī)學(xué)人才培訓(xùn)，共培訓(xùn)500人次。\r\n?\r\n專家,、護士";
  icu::UnicodeString units = icu::UnicodeString::fromUTF8(text);
  std::string original(static_cast<size_t>(units.length()) * 4, '\0');
  original.resize(units.extract(0, units.length(), original.data(),
                                static_cast<uint32_t>(original.size()), "GB18030"));
  Result<Decoded> d = decode(original, {.from = Encoding::gb18030, .track_offsets = true});
  REQUIRE(d.ok());
  Normalized n = normalize(d->text, {.track_offsets = true});
  CHECK(n.text == "醫學人才培訓,共培訓500人次。\n專家、護士");
  OffsetMap to_original = n.offsets.compose_onto(d->offsets);
  REQUIRE(to_original.size() == n.text.size());
  CHECK(to_original.map(n.text.size()) == original.size());
  // Removed text belongs to the character before it.
  struct Span {
    std::string normalized;  // found in the normalized text
    std::string source;      // what the original bytes hold there
  };
  for (const Span& s : std::vector<Span>{{"人才", "人才"},
                                         {"共培訓500人次", "共培訓(xùn)500人次"},
                                         {"醫學", "醫(yī)學(xué)"},
                                         {"專家", "專家,"},
                                         {"護士", "護士"}}) {
    CAPTURE(s.normalized);
    size_t at = n.text.find(s.normalized);
    REQUIRE(at != std::string::npos);
    size_t from = to_original.map(at), to = to_original.map(at + s.normalized.size());
    Result<Decoded> slice =
        decode(std::string_view(original).substr(from, to - from), {.from = Encoding::gb18030});
    REQUIRE(slice.ok());
    CHECK(slice->text == s.source);
  }
}

TEST_CASE("the inert ranges are really inert for NFC (checked against utf8proc)") {
  size_t inert = 0;
  for (char32_t c = 0; c < 0x30000; ++c) {
    if (!normalize_internal::is_inert(c)) continue;
    ++inert;
    const utf8proc_property_t* p = utf8proc_get_property(static_cast<utf8proc_int32_t>(c));
    bool second_in_composition = p->comb_index != UINT16_MAX && p->comb_index >= 0x8000;
    bool hangul_jamo = c >= 0x1100 && c <= 0x11FF;
    utf8proc_uint8_t encoded[4];
    utf8proc_ssize_t len = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), encoded);
    utf8proc_uint8_t* nfc = nullptr;
    utf8proc_ssize_t nfc_len = utf8proc_map(
        encoded, len, &nfc, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    bool stable = nfc_len == len && std::equal(encoded, encoded + len, nfc);
    std::free(nfc);
    if (p->combining_class != 0 || second_in_composition || hangul_jamo || !stable) {
      FAIL("U+" << std::hex << static_cast<uint32_t>(c) << " is not inert");
    }
  }
  CHECK(inert > 40000);
}

TEST_CASE("regression: empty input whose view has null data") {
  CHECK(normalize(std::string_view()).text.empty());
  CHECK(normalize(std::string_view(), {.track_offsets = true}).offsets == OffsetMap::identity(0));
}

TEST_CASE("text cut after line breaks normalizes piece by piece as in one go") {
  const std::string text =
      "?\r\n醫(yī)學(xué)專家,,共培訓(xùn)500人次,。</p>\n？\n第二段<br>ＭＤＴ(de)\r\n"
      "e\u0301\n,、醫院的(de)&nbsp;\n\n?\n";
  Normalized whole = normalize(text);
  std::vector<size_t> line_ends;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_ends.push_back(i + 1);
  }
  std::mt19937 random(7);
  for (int round = 0; round < 50; ++round) {
    std::string joined;
    Repairs counts;
    size_t from = 0;
    for (size_t end : line_ends) {
      if (random() % 2 && end != line_ends.back()) continue;
      Normalized piece = normalize(std::string_view(text).substr(from, end - from));
      joined += piece.text;
      for (const auto& [kind, n] : piece.repairs) counts[kind] += n;
      from = end;
    }
    CHECK(joined == whole.text);
    CHECK(counts == repairs_of(whole));
  }
}

// The real artifacts, read from ../shared/corpus (not copied into the project). Properties only:
// a second pass finds nothing left to repair, every '(' removed was a pinyin annotation's, and
// none of the doubled marks, tags or lost-character lines remain.
TEST_CASE("corpus: artifacts repaired, nothing else touched (reads ../shared, skips without)") {
  std::filesystem::path dir = std::filesystem::path(ZHREPORT_SHARED_DIR) / "corpus";
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("skipped: " << dir.string() << " is absent");
    return;
  }
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    ++files;
    CAPTURE(entry.path().filename().string());
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    Result<Decoded> d = decode(bytes.str());
    REQUIRE(d.ok());
    CHECK(d->invalid.empty());
    Normalized n = normalize(d->text);
    CHECK(normalize(n.text).repairs.empty());
    Repairs repairs = repairs_of(n);
    auto count = [](std::string_view text, std::string_view what) {
      size_t found = 0;
      for (size_t at = text.find(what); at != std::string_view::npos;
           at = text.find(what, at + 1)) {
        ++found;
      }
      return found;
    };
    CHECK(count(n.text, "(") == count(d->text, "(") - repairs["pinyin_annotation"]);
    for (std::string_view artifact : {",,", ",。", ",、", "</p>", "\n?\n"}) {
      CAPTURE(artifact);
      CHECK(count(n.text, artifact) == 0);
    }
  }
  CHECK(files > 0);
}
