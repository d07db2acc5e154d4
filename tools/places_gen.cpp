// places_gen: the compiled places table, data/places.tsv (curated) merged with every
// county-level division of @vant/area-data (fetched at configure time, data/places.cmake).
//   usage: places_gen CURATED NONPLACES AREA_JS ORIGIN OUTPUT
// AREA_JS is the package's dist/index.js: `province_list`, `city_list` and `county_list`, each
// `CODE: "NAME"` (GB/T 2260 codes, names with \uXXXX escapes); ORIGIN names it in the output's
// first line. A county's province and prefecture come from its code (the first two and four
// digits); counties of the municipalities and those under a province directly (省直辖县,
// code 4290xx) have none. Curated rows win: a name any curated row has, as official name or
// short form, is not generated. Left out, each for its reason:
//   - outside the mainland (codes 71-82: the package's Taiwan, Hong Kong and Macao rows);
//   - statistical units that are no division (codes xxxx71-79: 开发区, 高新区; the package's
//     own xxxx90-99 rows), names that end in no division's suffix (东莞's 镇 and 街道) and
//     市辖区;
//   - names of data/nonplaces.tsv (江北新区: a 国家级新区, not 重庆's 江北区).
// A name of two characters (礼县, 岷县) is inside ordinary words too often (高县 in 提高县级,
// 成县 in 建成县域, 和县 in 省市和县): its row says `after` in a sixth column, and it stands for
// its county only right after its prefecture or province (陇南市礼县, 甘肃岷县). So does a name
// several divisions share (西湖区 of 杭州市 and 南昌市, 城关区, 新华区, 桥西区), a row for each:
// which one a report means, the place named right before it says (杭州市西湖区); alone it stands
// for none, as places.h does with shared short forms.
// A generated row's short form is its name without 县/市/旗 when that leaves three characters
// or more (满洲里, 扎兰屯) and no other division's name gives the same: shorter ones are
// ordinary words too often (资源, 全州, 会同, 富裕, 东方 in the reports measured). An autonomous
// county's short forms are its first two characters and 县 or 自治县, the names reports use
// without the peoples (西盟县 for 西盟佤族自治县, 前郭县 for 前郭尔罗斯蒙古族自治县, 紫云自治县 for
// 紫云苗族布依族自治县), under the same check of the two characters and 县.
// Fails (exit 1) on a malformed package or a province or prefecture the curated table lacks.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "split_fields.h"

namespace {

bool read_file(const char* path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream bytes;
  bytes << in.rdbuf();
  out = bytes.str();
  return true;
}

// The data rows of a TSV table (comments and blank lines skipped).
std::vector<std::vector<std::string>> tsv_rows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  for (const std::string& line : split(text, '\n')) {
    if (!line.empty() && line[0] != '#') rows.push_back(split(line, '\t'));
  }
  return rows;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += char(c);
  } else if (c < 0x800) {
    out += char(0xC0 | (c >> 6));
    out += char(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += char(0xE0 | (c >> 12));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  } else {
    out += char(0xF0 | (c >> 18));
    out += char(0x80 | ((c >> 12) & 0x3F));
    out += char(0x80 | ((c >> 6) & 0x3F));
    out += char(0x80 | (c & 0x3F));
  }
}

// A JavaScript string literal's body: \uXXXX (surrogate pairs joined) and \" \\ escapes.
bool unescape(const std::string& body, std::string& out) {
  out.clear();
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] != '\\') {
      out += body[i];
      continue;
    }
    if (++i >= body.size()) return false;
    if (body[i] != 'u') {
      out += body[i];
      continue;
    }
    if (i + 4 >= body.size()) return false;
    char32_t c = char32_t(std::stoul(body.substr(i + 1, 4), nullptr, 16));
    i += 4;
    if (c >= 0xD800 && c < 0xDC00 && i + 6 < body.size() && body[i + 1] == '\\') {
      char32_t low = char32_t(std::stoul(body.substr(i + 3, 4), nullptr, 16));
      c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
      i += 6;
    }
    append_utf8(out, c);
  }
  return true;
}

// One list of the package (`NAME: { CODE: "TEXT", ... }`): code → name. Empty when absent.
std::map<std::string, std::string> js_list(const std::string& js, const std::string& name) {
  std::map<std::string, std::string> list;
  size_t at = js.find(name + ": {");
  if (at == std::string::npos) return list;
  size_t end = js.find('}', at);
  std::stringstream block(js.substr(at, end - at));
  for (std::string line; std::getline(block, line);) {
    size_t colon = line.find(':'), open = line.find('"'), close = line.rfind('"');
    if (colon == std::string::npos || open == std::string::npos || close <= open) continue;
    std::string code = line.substr(0, colon);
    code.erase(0, code.find_first_not_of(" \t"));
    std::string text;
    if (code.size() != 6 || code.find_first_not_of("0123456789") != std::string::npos ||
        !unescape(line.substr(open + 1, close - open - 1), text)) {
      continue;
    }
    list[code] = text;
  }
  return list;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

size_t characters(const std::string& s) {
  return size_t(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// The level of a county-level division by its name's suffix, and the suffix a short form
// drops ("": none is made); empty level: not a division's name.
std::pair<std::string, std::string> level_of(const std::string& name) {
  if (ends_with(name, "自治县")) return {"autonomous_county", ""};
  if (ends_with(name, "自治旗")) return {"autonomous_banner", ""};
  if (ends_with(name, "县")) return {"county", "县"};
  if (ends_with(name, "旗")) return {"banner", "旗"};
  if (ends_with(name, "市")) return {"county_city", "市"};
  if (ends_with(name, "区")) return {"district", ""};  // 特区, 林区 too
  return {"", ""};
}

// The short form matched for a county-level name ("-": none): see the header.
std::string short_form(const std::string& name, const std::string& level,
                       const std::string& suffix) {
  if (level == "autonomous_county") {
    size_t end = 0;  // where the third character starts
    for (int leads = 0; end < name.size(); ++end) {
      if ((name[end] & 0xC0) != 0x80 && ++leads == 3) break;
    }
    const std::string stem = name.substr(0, end);
    return stem + "县," + stem + "自治县";
  }
  if (!suffix.empty() && characters(name) - 1 >= 3)
    return name.substr(0, name.size() - suffix.size());
  return "-";
}

// The first of comma-separated short forms: an autonomous county's stem and 县 (西盟县), which
// stands for the others in the checks of uniqueness.
std::string first_short_form(const std::string& shorts) {
  return shorts.substr(0, shorts.find(','));
}

struct Row {
  std::string name, province, level, shorts, prefecture, after;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: places_gen CURATED NONPLACES AREA_JS ORIGIN OUTPUT\n");
    return 2;
  }
  std::string curated_text, nonplaces_text, js;
  if (!read_file(argv[1], curated_text) || !read_file(argv[2], nonplaces_text) ||
      !read_file(argv[3], js)) {
    std::fprintf(stderr, "places_gen: cannot read %s, %s or %s\n", argv[1], argv[2], argv[3]);
    return 2;
  }
  std::vector<Row> rows;
  std::set<std::string> taken;  // every name of the curated rows, and the non-places
  for (const auto& f : tsv_rows(curated_text)) {
    if (f.size() < 4) continue;
    rows.push_back({f[0], f[1], f[2], f[3], f.size() > 4 ? f[4] : "", f.size() > 5 ? f[5] : ""});
    taken.insert(f[0]);
    for (const std::string& s : split(f[3], ',')) taken.insert(s);
  }
  std::set<std::string> curated_names(taken.begin(), taken.end());
  for (const auto& f : tsv_rows(nonplaces_text)) taken.insert(f[0]);

  auto provinces = js_list(js, "province_list");
  auto cities = js_list(js, "city_list");
  auto counties = js_list(js, "county_list");
  if (provinces.empty() || cities.empty() || counties.empty()) {
    std::fprintf(stderr, "places_gen: %s is not the area data expected (%zu/%zu/%zu rows)\n",
                 argv[3], provinces.size(), cities.size(), counties.size());
    return 1;
  }
  std::map<std::string, int> uses;  // name → divisions of the package with it; also stems
  std::vector<Row> candidates;
  for (const auto& [code, name] : counties) {
    int tail = std::stoi(code.substr(4));
    auto [level, suffix] = level_of(name);
    std::string shorts = short_form(name, level, suffix);
    ++uses[name];
    if (!suffix.empty()) ++uses[name.substr(0, name.size() - suffix.size())];
    if (level == "autonomous_county") ++uses[first_short_form(shorts)];
    if (code >= "710000" || (tail >= 71 && tail <= 79) || tail >= 90 || level.empty() ||
        name == "市辖区" || name.find("开发区") != std::string::npos) {
      continue;
    }
    const std::string& province = provinces[code.substr(0, 2) + "0000"];
    std::string city = cities[code.substr(0, 4) + "00"];
    // 北京市's districts (city 北京市), 重庆市's counties (city 县), 省直辖县 (city code xx90).
    if (city == province || city == "县" || code.substr(2, 2) == "90") city = "-";
    if (!curated_names.count(province) || (city != "-" && !curated_names.count(city))) {
      std::fprintf(stderr, "places_gen: %s %s: %s or %s is not in %s\n", code.c_str(), name.c_str(),
                   province.c_str(), city.c_str(), argv[1]);
      return 1;
    }
    candidates.push_back(
        {name, province, level, shorts, city, characters(name) < 3 ? "after" : ""});
  }
  size_t generated = 0;
  for (Row& row : candidates) {
    if (taken.count(row.name)) continue;
    if (uses[row.name] > 1) row.after = "after";
    const std::string first_short = first_short_form(row.shorts);
    if (row.shorts != "-" && (uses[first_short] > 1 || taken.count(first_short))) row.shorts = "-";
    rows.push_back(row);
    ++generated;
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(a.name, a.province, a.prefecture) < std::tie(b.name, b.province, b.prefecture);
  });

  std::ofstream out(argv[5], std::ios::binary);
  out << "# generated by tools/places_gen from data/places.tsv and " << argv[4]
      << "; do not edit (data/places.tsv is the table to extend)\n"
      << "# " << rows.size() - generated << " curated rows, " << generated
      << " county-level divisions of the package; columns as in data/places.tsv\n";
  for (const Row& r : rows) {
    out << r.name << '\t' << r.province << '\t' << r.level << '\t' << r.shorts;
    if (!r.prefecture.empty()) out << '\t' << r.prefecture;
    if (!r.after.empty()) out << '\t' << r.after;
    out << '\n';
  }
  out.close();
  if (!out) {
    std::fprintf(stderr, "places_gen: cannot write %s\n", argv[5]);
    return 2;
  }
  return 0;
}
