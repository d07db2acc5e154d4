// document_text.h: the word indexes every scan of a text looks words up in (places, cues, time
// words), whatever the number of words and however the keys collide.
#include "document_text.h"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using zhreport::text::CharIndex;
using zhreport::text::KeySlots;
using zhreport::text::WordIndex;

TEST_CASE("text::trim removes blanks of each kind at either end, and only blanks") {
  using zhreport::text::trim;
  for (const std::string blank : {" ", "\t", "\r", "\u3000", "\u00A0"}) {
    CAPTURE(blank);
    const std::string word = "援藏";
    CHECK(trim(blank + word) == word);
    CHECK(trim(word + blank) == word);
    CHECK(trim(blank + blank + word + blank) == word);
    CHECK(trim(blank + blank).empty());
  }
  // Characters that share a blank's first or last byte stay: 【 (E3 80 90), 耀 (E8 80 80), © (C2
  // A9), 蠠 (E8 A0 A0).
  CHECK(trim("【通知】") == "【通知】");
  CHECK(trim("耀") == "耀");
  CHECK(trim("©2024") == "©2024");
  CHECK(trim("蠠") == "蠠");
  CHECK(trim("").empty());
}

TEST_CASE("text::display_width counts two columns for CJK and full-width, one for the rest") {
  using zhreport::text::display_width;
  CHECK(display_width("") == 0);
  CHECK(display_width("abc") == 3);
  CHECK(display_width("援藏医疗队") == 10);
  // Runs of ASCII and of ideographs, each shorter and longer than eight bytes, at every offset.
  const std::string mixed = "2024年援藏ABCDEFGHIJ医疗队x，（“援”）é😀 123456789";
  const size_t width = 4 + 2 + 4 + 10 + 6 + 1 + 2 + 2 + 6 + 2 + 1 + 1 + 1 + 9;
  CHECK(display_width(mixed) == width);
  for (size_t n = 0; n < 20; ++n) {
    CAPTURE(n);
    CHECK(display_width(std::string(n, 'a') + mixed) == n + width);
    CHECK(display_width(std::string(n, 'a') + "援藏" + std::string(n, 'b')) == 2 * n + 4);
  }
  // With `enough`: exact below it, at least it once reached.
  CHECK(display_width(mixed, width + 1) == width);
  for (size_t enough = 1; enough <= width; ++enough) CHECK(display_width(mixed, enough) >= enough);
}

TEST_CASE("KeySlots numbers keys in the order first added, through growth and collisions") {
  KeySlots slots;
  CHECK(slots.find(42) == KeySlots::kNone);  // empty
  std::vector<uint64_t> keys;
  for (uint64_t i = 0; i < 5000; ++i) keys.push_back(i * 0x10000 + (i % 7));  // clustered
  for (size_t i = 0; i < keys.size(); ++i) CHECK(slots.insert(keys[i]) == i);
  for (size_t i = 0; i < keys.size(); ++i) {
    CHECK(slots.insert(keys[i]) == i);  // again: the same number
    CHECK(slots.find(keys[i]) == i);
  }
  CHECK(slots.find(3) == KeySlots::kNone);
  CHECK(slots.find(0x10000) == KeySlots::kNone);
  CHECK(slots.insert(0) == 0);  // key 0 is a key like any other
}

TEST_CASE("utf8::sequence_length tells the length a lead byte leads, 1 for any other byte") {
  using zhreport::utf8::sequence_length;
  CHECK(sequence_length('a') == 1);
  CHECK(sequence_length(0x80) == 1);  // a continuation byte
  CHECK(sequence_length(0xBF) == 1);
  CHECK(sequence_length(0xC3) == 2);  // é
  CHECK(sequence_length(0xDF) == 2);
  CHECK(sequence_length(0xE4) == 3);  // 中
  CHECK(sequence_length(0xEF) == 3);
  CHECK(sequence_length(0xF0) == 4);  // 😀
  CHECK(sequence_length(0xF7) == 4);
  CHECK(sequence_length(0xF8) == 1);
  CHECK(sequence_length(0xFF) == 1);
}

TEST_CASE("previous_char steps back one character of any length") {
  // (three-byte characters take a shortcut: next to ASCII, two-byte and four-byte ones)
  const std::string s = "a援é藏😀b中";
  std::vector<size_t> starts;
  for (size_t p = 0; p < s.size(); p = zhreport::text::next_char(s, p)) starts.push_back(p);
  REQUIRE(starts.size() == 7);
  size_t pos = s.size();
  for (size_t i = starts.size(); i-- > 0;) {
    pos = zhreport::text::previous_char(s, pos);
    CHECK(pos == starts[i]);
  }
}

TEST_CASE("text::find gives what std::string_view::find gives") {
  // Each case also in a text past the length from which a word of ASCII goes through memmem.
  const std::string filler(600, 'x');
  struct Case {
    std::string_view text, word;
    size_t from;
  };
  const Case cases[] = {
      {"2023年以来,平均每年派出", "平均", 0},
      {"平均派驻4.8人,人均", "均", 0},           // one character
      {"年均年均", "年均", 1},                   // from inside the first
      {"年均年均", "年均", 6},                   // the last
      {"年均年均", "年均", 7},                   // from past the last start
      {"日均与月均", "年均", 0},                 // the same last bytes, another character
      {"每月派出8名", "每", 0},                  // the anchor is the word's last byte
      {"一年半来", "\xE5", 0},                   // a lead byte alone: no anchor
      {"来源:http://www.example.cn", "://", 0},  // ASCII: the plain search
      {"他说:“我们”。", "“", 0},                 // punctuation: the plain search
      {"摄影:张三", "摄影:", 0},                 // ASCII after the anchor
      {"摄影", "摄影:", 0},                      // the text ends before the word does
      {"x影:", "摄影:", 0},                      // the anchor found, the word not
      {"", "平均", 0},
      {"平均", "", 0},
      {"平均", "平均", 9},  // from past the end
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    CAPTURE(c.word);
    CAPTURE(c.from);
    CHECK(zhreport::text::find(c.text, c.word, c.from) == c.text.find(c.word, c.from));
    const std::string longer = filler + std::string(c.text);
    CHECK(zhreport::text::find(longer, c.word, c.from + filler.size()) ==
          std::string_view(longer).find(c.word, c.from + filler.size()));
  }
}

TEST_CASE("NextOccurrence tells of spans in order what text::contains tells of each") {
  struct Case {
    std::string_view text, word;
    std::vector<std::pair<size_t, size_t>> spans;  // [start, end), starts ascending
  };
  const std::string spaced = "首页 > 新闻\n 工作动态\n 院内 > 支援 > 正文";
  const Case cases[] = {
      {spaced, ">", {{0, 14}, {15, 27}, {28, spaced.size()}}},
      {spaced, ">", {{0, 3}, {3, 7}, {7, 9}}},      // the word starts the second span
      {spaced, ">", {{0, 14}, {0, 14}, {28, 30}}},  // a span asked twice
      {"发表于湖北\n发表", "发表于", {{0, 9}, {0, 8}, {16, 22}}},  // cut by the span's end
      {"某某医院 发表于湖北", "发表于", {{0, 12}, {13, 22}}},
      {"abc", "x", {{0, 3}, {3, 3}}},            // nowhere
      {"a>b>c", ">", {{2, 3}, {2, 4}, {4, 5}}},  // between, at the end, none after
      {"首页 » 新闻 » 正文", "»", {{0, 7}, {7, 12}, {12, 24}}},
      {"院内\xC2\xA0新闻»", "»", {{0, 8}, {8, 16}}},  // the first byte without the word
      {"院内，新闻＞支援", "＞", {{0, 6}, {6, 18}}},  // "，" shares ＞'s first two bytes
  };
  for (const Case& c : cases) {
    zhreport::text::NextOccurrence next(c.text, c.word);
    for (const auto& span : c.spans) {
      // (not a structured binding: clang 14 cannot capture one, and CAPTURE is a lambda)
      const size_t start = span.first, end = span.second;
      CAPTURE(c.text);
      CAPTURE(start);
      CHECK(next.within(start, end) ==
            zhreport::text::contains(c.text.substr(start, end - start), c.word));
    }
  }
}

TEST_CASE("CharIndex finds the words under a character, in the order added") {
  CharIndex<int> index;
  index.add("新疆", 1);
  index.add("新", 2);
  index.add(U'疆', "新疆", 3);  // keyed by another character
  const auto* under = index.find(U'新');
  REQUIRE(under);
  REQUIRE(under->size() == 2);
  CHECK((*under)[0].second == 1);
  CHECK((*under)[1].second == 2);
  CHECK(index.find(U'疆')->front().second == 3);
  CHECK(index.find(U'藏') == nullptr);
  CHECK(index.find(U'新' + 0x10000) == nullptr);  // a plane-1 character with the same low bits
}

TEST_CASE("WordIndex gives the words starting at a position, longest first, with their prefix") {
  WordIndex<int> index;
  std::vector<std::string> many;  // enough words for the table to grow many times
  for (char32_t c = U'一'; c < U'一' + 3000; ++c) {
    std::u32string w = {U'区', c};
    std::string utf8;
    for (char32_t x : w) {
      utf8 += static_cast<char>(0xE0 | (x >> 12));
      utf8 += static_cast<char>(0x80 | ((x >> 6) & 0x3F));
      utf8 += static_cast<char>(0x80 | (x & 0x3F));
    }
    many.push_back(utf8);
  }
  for (const std::string& w : many) index.add(w, 0);
  index.add("泽普", 1);
  index.add("泽普县", 2);
  index.finish();
  std::string_view text = "在泽普县人民医院";
  size_t prefix = 0;
  const auto* candidates = index.candidates(text, 3, prefix);
  REQUIRE(candidates);
  CHECK(prefix == 6);  // 泽普
  REQUIRE(candidates->size() == 2);
  CHECK((*candidates)[0].first == "泽普县");
  CHECK((*candidates)[1].first == "泽普");
  CHECK(index.candidates(text, 0) == nullptr);  // 在泽
  CHECK(index.candidates("泽", 0) == nullptr);  // one character left
  CHECK(index.candidates("区一", 0)->front().first == many.front());
  CHECK(index.candidates("区" + many.back().substr(3), 0)->front().first == many.back());
  CHECK(index.candidates("区A", 0) == nullptr);
  // the same for a caller that read the first character itself
  size_t prefix_after = 0;
  CHECK(index.candidates_after(text, 3, U'泽', prefix_after) == candidates);
  CHECK(prefix_after == 6);
  CHECK(index.candidates_after("泽", 0, U'泽', prefix_after) == nullptr);
  // and for one that read both
  CHECK(index.candidates_of(U'泽', U'普') == candidates);
  CHECK(index.candidates_of(U'在', U'泽') == nullptr);
  CHECK(index.candidates_of(U'区', U'一')->front().first == many.front());
}

}  // namespace
