// Differential tests: our converter against libopencc 1.1.6 on real reports (../shared/corpus,
// as they are and made Traditional by OpenCC's s2t) and on generated text that strings together
// every key of every dictionary of a configuration with random neighbours.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "opencc/oracle.h"

namespace zhreport::embedded {
extern const std::string_view opencc_TSPhrases;
extern const std::string_view opencc_TSCharacters;
extern const std::string_view opencc_TWVariantsRev;
extern const std::string_view opencc_TWVariantsRevPhrases;
extern const std::string_view opencc_HKVariantsRev;
extern const std::string_view opencc_HKVariantsRevPhrases;
extern const std::string_view opencc_TWPhrasesRev;
}  // namespace zhreport::embedded

using namespace zhreport;

namespace {

// Where two outputs part, with some context, so a failure is readable.
std::string first_difference(const std::string& ours, const std::string& theirs) {
  size_t at =
      std::mismatch(ours.begin(), ours.end(), theirs.begin(), theirs.end()).first - ours.begin();
  size_t from = at > 30 ? at - 30 : 0;
  return "at byte " + std::to_string(at) + ": ours …" + ours.substr(from, 60) + "… opencc …" +
         theirs.substr(from, 60) + "…";
}

void check_same(Config config, const std::string& text) {
  const std::string ours = Converter::get(config).convert(text);
  const std::string theirs = zhreport::testing::opencc_convert(config, text);
  if (ours != theirs) FAIL_CHECK(config_name(config), " differs ", first_difference(ours, theirs));
}

// The dictionaries of each configuration (/usr/share/opencc/<config>.json).
std::vector<std::string_view> dictionaries_of(Config config) {
  namespace e = zhreport::embedded;
  std::vector<std::string_view> dicts = {e::opencc_TSPhrases, e::opencc_TSCharacters};
  switch (config) {
    case Config::t2s:
      break;
    case Config::tw2s:
      dicts.insert(dicts.end(), {e::opencc_TWVariantsRevPhrases, e::opencc_TWVariantsRev});
      break;
    case Config::hk2s:
      dicts.insert(dicts.end(), {e::opencc_HKVariantsRevPhrases, e::opencc_HKVariantsRev});
      break;
    case Config::tw2sp:
      dicts.insert(dicts.end(), {e::opencc_TWPhrasesRev, e::opencc_TWVariantsRevPhrases,
                                 e::opencc_TWVariantsRev});
      break;
  }
  return dicts;
}

// Keys and values of the dictionaries' "key<TAB>value value..." lines.
std::vector<std::string> words_of(const std::vector<std::string_view>& dicts) {
  std::vector<std::string> words;
  for (std::string_view dict : dicts) {
    size_t line_start = 0;
    while (line_start < dict.size()) {
      size_t eol = std::min(dict.find('\n', line_start), dict.size());
      std::string_view line = dict.substr(line_start, eol - line_start);
      line_start = eol + 1;
      size_t tab = line.find('\t');
      if (tab == std::string_view::npos) continue;
      words.emplace_back(line.substr(0, tab));
      std::string_view values = line.substr(tab + 1);
      words.emplace_back(values.substr(0, values.find(' ')));
    }
  }
  return words;
}

std::string first_char(const std::string& s) {
  size_t n = 1;
  while (n < s.size() && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) ++n;
  return s.substr(0, n);
}

// Every word once, shuffled, joined by nothing (so keys overlap and compete), punctuation,
// newlines, ASCII, a 4-byte character, or a character of another word.
std::string mix(std::vector<std::string> words, unsigned seed) {
  std::mt19937 rng(seed);
  std::shuffle(words.begin(), words.end(), rng);
  const std::vector<std::string> separators = {"", "", "", "", "，", "\n", " ", "a1", "𠮷", "。"};
  std::string text;
  for (const std::string& word : words) {
    text += word;
    size_t pick = rng() % (separators.size() + 2);
    if (pick < separators.size()) {
      text += separators[pick];
    } else {
      text += first_char(words[rng() % words.size()]);
    }
  }
  return text;
}

}  // namespace

TEST_CASE("same output as libopencc on the shared corpus, Simplified and made Traditional") {
  const auto dir = zhreport::testing::kSharedDir / "corpus";
  if (!std::filesystem::is_directory(dir)) {
    MESSAGE("skipped: no ", dir.string());
    return;
  }
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    auto text = zhreport::testing::read_file(entry.path());
    REQUIRE(text);
    CAPTURE(entry.path().filename().string());
    const std::string traditional = zhreport::testing::opencc_s2t(*text);
    for (Config config : zhreport::testing::kConfigs) {
      check_same(config, *text);
      check_same(config, traditional);
    }
    ++files;
  }
  CHECK(files > 0);
}

TEST_CASE("same output as libopencc on text mixing every dictionary entry") {
  for (Config config : zhreport::testing::kConfigs) {
    const std::vector<std::string> words = words_of(dictionaries_of(config));
    REQUIRE(words.size() > 1000);
    for (unsigned seed : {1u, 2u, 3u}) {
      CAPTURE(seed);
      check_same(config, mix(words, seed));
    }
  }
}
