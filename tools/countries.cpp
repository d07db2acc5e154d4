// countries: writes the country rows of the place tables from data/countries.tsv, taking each
// country's Chinese name from ICU's zh locale data (Locale::getDisplayCountry) instead of a
// typed list. usage: countries INPUT OUTPUT
// Input rows: ISO 3166 alpha-2 code, name ('-': ICU's), spellings matched ('-': the name and
// ICU's name). Output rows: name, spellings (comma-separated). Fails on a code ICU lacks.
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, separator);) fields.push_back(field);
  return fields;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: countries INPUT OUTPUT\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "countries: cannot read %s\n", argv[1]);
    return 2;
  }
  std::string out =
      "# generated from data/countries.tsv by tools/countries; do not edit\n"
      "# name\tspellings matched (comma-separated)\n";
  const icu::Locale zh("zh");
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> f = split(line, '\t');
    if (f.size() < 3 || f[0].size() != 2) {
      std::fprintf(stderr, "countries: malformed row: %s\n", line.c_str());
      return 2;
    }
    icu::UnicodeString display;
    icu::Locale("", f[0].c_str()).getDisplayCountry(zh, display);
    std::string icu_name;
    display.toUTF8String(icu_name);
    if (icu_name.empty() || icu_name == f[0]) {
      std::fprintf(stderr, "countries: ICU has no Chinese name for %s\n", f[0].c_str());
      return 2;
    }
    std::string name = f[1] == "-" ? icu_name : f[1];
    std::string spellings = f[2];
    if (spellings == "-") spellings = name == icu_name ? name : name + "," + icu_name;
    out += name + "\t" + spellings + "\n";
  }
  std::FILE* file = std::fopen(argv[2], "wb");
  if (!file || std::fwrite(out.data(), 1, out.size(), file) != out.size()) {
    std::fprintf(stderr, "countries: cannot write %s\n", argv[2]);
    return 2;
  }
  return std::fclose(file) == 0 ? 0 : 2;
}
