// country_names: the Chinese and English names of the countries of data/countries.tsv, for the
// report's world map (its outlines are named in English). usage: country_names INPUT OUTPUT
// Input rows as tools/countries reads them (code, name or '-' for ICU's, spellings). Output
// rows: Chinese name (the one the place tables use), English name (ICU's en display name).
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace {

std::string display(const std::string& code, const icu::Locale& in) {
  icu::UnicodeString name;
  icu::Locale("", code.c_str()).getDisplayCountry(in, name);
  std::string out;
  name.toUTF8String(out);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: country_names INPUT OUTPUT\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "country_names: cannot read %s\n", argv[1]);
    return 2;
  }
  std::string out =
      "# generated from data/countries.tsv by tools/country_names; do not edit\n"
      "# Chinese name\tEnglish name (ICU)\n";
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    const size_t tab2 = line.find('\t', tab + 1);
    if (tab != 2 || tab2 == std::string::npos) {
      std::fprintf(stderr, "country_names: malformed row: %s\n", line.c_str());
      return 2;
    }
    const std::string code = line.substr(0, 2);
    std::string zh = line.substr(3, tab2 - 3);
    if (zh == "-") zh = display(code, icu::Locale("zh"));
    out += zh + "\t" + display(code, icu::Locale("en")) + "\n";
  }
  std::FILE* file = std::fopen(argv[2], "wb");
  if (!file || std::fwrite(out.data(), 1, out.size(), file) != out.size()) {
    std::fprintf(stderr, "country_names: cannot write %s\n", argv[2]);
    return 2;
  }
  return std::fclose(file) == 0 ? 0 : 2;
}
