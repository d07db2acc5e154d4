// countries: the generated country tables, from data/countries.tsv and ICU's locale data
// (Locale::getDisplayCountry) instead of typed lists. usage: countries places|english INPUT OUTPUT
//   places   rows of the place tables: name, spellings matched (comma-separated)
//   english  rows of the report's world map (its outlines are named in English): the Chinese
//            name the place tables use, ICU's English name
// Input rows: ISO 3166 alpha-2 code, name ('-': ICU's Chinese name), spellings matched ('-': the
// name, ICU's Chinese name and Taiwan's in Simplified characters, 坦尚尼亚). Fails on a
// malformed row or a code ICU has no Chinese name for.
#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "split_fields.h"

namespace {

std::string display_name(const std::string& code, const char* language) {
  icu::UnicodeString name;
  icu::Locale("", code.c_str()).getDisplayCountry(icu::Locale(language), name);
  std::string out;
  name.toUTF8String(out);
  return out == code ? std::string() : out;  // ICU echoes a code it has no name for
}

// The name Taiwan's locale data gives (zh_Hant_TW: 坦尚尼亞), in Simplified characters (坦尚尼亚):
// Traditional reports from Taiwan keep it after t2s. Empty when ICU has none or it has fewer
// than three characters (東加, 馬利: inside ordinary words, 广东加大).
std::string taiwan_name(const std::string& code) {
  icu::UnicodeString name;
  icu::Locale("", code.c_str()).getDisplayCountry(icu::Locale("zh", "TW", ""), name);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> hans(
      icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !hans) return {};
  hans->transliterate(name);
  std::string out;
  name.toUTF8String(out);
  return out == code || name.countChar32() < 3 ? std::string() : out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string mode = argc == 4 ? argv[1] : "";
  if (mode != "places" && mode != "english") {
    std::fprintf(stderr, "usage: countries places|english INPUT OUTPUT\n");
    return 2;
  }
  std::ifstream in(argv[2]);
  if (!in) {
    std::fprintf(stderr, "countries: cannot read %s\n", argv[2]);
    return 2;
  }
  std::string out = "# generated from data/countries.tsv by tools/countries " + mode +
                    "; do not edit\n" +
                    (mode == "places" ? "# name\tspellings matched (comma-separated)\n"
                                      : "# Chinese name\tEnglish name (ICU)\n");
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = split(line, '\t');
    if (f.size() < 3 || f[0].size() != 2) {
      std::fprintf(stderr, "countries: malformed row: %s\n", line.c_str());
      return 2;
    }
    const std::string icu_name = display_name(f[0], "zh");
    if (icu_name.empty()) {
      std::fprintf(stderr, "countries: ICU has no Chinese name for %s\n", f[0].c_str());
      return 2;
    }
    const std::string name = f[1] == "-" ? icu_name : f[1];
    if (mode == "english") {
      out += name + "\t" + display_name(f[0], "en") + "\n";
      continue;
    }
    std::string spellings = f[2];
    if (spellings == "-") {  // ICU's names: its Chinese one and Taiwan's (坦尚尼亚)
      spellings = name == icu_name ? name : name + "," + icu_name;
      const std::string taiwan = taiwan_name(f[0]);
      bool known = ("," + spellings + ",").find("," + taiwan + ",") != std::string::npos;
      if (!taiwan.empty() && !known) spellings += "," + taiwan;
    }
    out += name + "\t" + spellings + "\n";
  }
  std::FILE* file = std::fopen(argv[3], "wb");
  if (!file || std::fwrite(out.data(), 1, out.size(), file) != out.size()) {
    std::fprintf(stderr, "countries: cannot write %s\n", argv[3]);
    return 2;
  }
  return std::fclose(file) == 0 ? 0 : 2;
}
