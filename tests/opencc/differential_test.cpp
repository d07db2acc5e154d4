// Differential tests: our converter against OpenCC 1.4.2 (with and without the tofu-risk
// dictionaries) on real reports (../shared/corpus, as they are and made Traditional by OpenCC's
// s2t) and on generated text that strings together every key and value of every dictionary of
// a configuration with random neighbours: compatibility ideographs, ideographic description
// operators, characters outside the BMP.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "opencc/oracle.h"

#include "convert_tables.h"

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
  for (bool rare_forms : {false, true}) {
    const std::string ours = Converter::get(config, rare_forms).convert(text);
    const std::string theirs = zhreport::testing::opencc_convert(config, text, rare_forms);
    if (ours != theirs) {
      FAIL_CHECK(config_name(config), rare_forms ? " (rare forms)" : "", " differs ",
                 first_difference(ours, theirs));
    }
  }
}

// The dictionaries of each configuration (OpenCC's <config>.json), tofu-risk ones included.
std::vector<std::string_view> dictionaries_of(Config config) {
  const auto& spec = convert_detail::config_spec(config);
  std::vector<std::string_view> dicts;
  for (const auto* groups : {&spec.normalization, &spec.chain}) {
    for (const auto& group : *groups) {
      for (const auto& dict : group) dicts.push_back(*dict.text);
    }
  }
  if (spec.segmentation) dicts.push_back(*spec.segmentation);
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
      if (line.empty() || line[0] == '#') continue;
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
// newlines, ASCII, a 4-byte character, an ideographic description operator (whose sequence
// then takes the next characters whole), a compatibility ideograph, or a character of another
// word.
std::string mix(std::vector<std::string> words, unsigned seed) {
  std::mt19937 rng(seed);
  std::shuffle(words.begin(), words.end(), rng);
  const std::vector<std::string> separators = {
      "", "", "", "", "，", "\n", " ", "a1", "𠮷", "。", "⿰", "⿲", "⿾", "\uF900", "\U0002F800"};
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

TEST_CASE("same output as OpenCC 1.4.2 on the shared corpus, Simplified and made Traditional") {
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

TEST_CASE("same output as OpenCC 1.4.2 on text mixing every dictionary entry") {
  for (Config config : zhreport::testing::kConfigs) {
    const std::vector<std::string> words = words_of(dictionaries_of(config));
    REQUIRE(words.size() > 1000);
    for (unsigned seed : {1u, 2u, 3u}) {
      CAPTURE(seed);
      check_same(config, mix(words, seed));
    }
  }
}
