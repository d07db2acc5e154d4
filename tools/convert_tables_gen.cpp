// Build-time generator of lib's compiled-in conversion tables: runs build_tables
// (convert_tables.cpp, the same code the library runs for the rare forms) for t2s, tw2s, hk2s and
// tw2sp without the rare forms, and prints its result as constant arrays (C++ source on stdout)
// that prebuilt_tables() views. A converter then starts with no work: the tables are read-only
// data, paged in where a text needs them, instead of dictionaries parsed, sorted and compiled into
// freshly allocated memory on every start.
//   convert_tables_gen > convert_tables_data.cpp
// GCC 12 warns falsely about memcpy overlaps in chains of std::string + (its bug 105329).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "convert_tables.h"

using namespace zhreport;
using namespace zhreport::convert_detail;

namespace {

std::string out;                             // the generated file
std::map<std::string, std::string> emitted;  // array contents → name, so equal arrays are shared
int next_name = 0;

template <typename T>
std::string number(T v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

// A constant integer array (shared with an equal one emitted before); returns its name.
template <typename T>
std::string array(const char* type, const std::vector<T>& values) {
  std::string body;
  for (size_t i = 0; i < values.size(); ++i) {
    body += number(values[i]);
    body += i % 16 == 15 ? ",\n" : ",";
  }
  std::string key = std::string(type) + ":" + body;
  auto it = emitted.find(key);
  if (it != emitted.end()) return it->second;
  std::string name = "kArray" + std::to_string(next_name++);
  out += "alignas(64) constexpr " + std::string(type) + " " + name + "[] = {\n" + body + "};\n";
  emitted.emplace(std::move(key), name);
  return name;
}

// Bytes as a string literal (octal escapes: no escape runs into the next character).
std::string literal(std::string_view bytes) {
  std::string s = "\"";
  for (size_t i = 0; i < bytes.size(); ++i) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\%03o", static_cast<unsigned char>(bytes[i]));
    s += buf;
    if (i % 40 == 39 && i + 1 < bytes.size()) s += "\"\n\"";
  }
  return s + "\"";
}

// The strings one configuration's items and pools view.
struct Text {
  std::string name;
  std::string bytes;
  std::string view(std::string_view s) {
    size_t at = add(s);
    return "std::string_view(" + name + " + " + std::to_string(at) + ", " +
           std::to_string(s.size()) + ")";
  }
  size_t add(std::string_view s) {
    size_t at = bytes.size();
    bytes += s;
    return at;
  }
};

std::string items(const std::vector<Item>& list, Text& text) {
  if (list.empty()) return "{}";
  std::string name = "kArray" + std::to_string(next_name++);
  std::string body;
  for (const Item& item : list) {
    const size_t key = text.add(item.key), value = text.add(item.value);
    body += "{" + number(uint32_t(item.start)) + ", " + std::to_string(item.rank) + ", " +
            std::to_string(key) + ", " + std::to_string(item.key.size()) + ", " +
            std::to_string(value) + ", " + std::to_string(item.value.size()) + "},\n";
  }
  out += "constexpr PackedItem " + name + "[] = {\n" + body + "};\n";
  return "unpack_items(" + name + ", " + text.name + ", t)";
}

std::string bucket(Bucket b) {
  return "{" + std::to_string(b.begin) + ", " + std::to_string(b.end) + "}";
}

// A group's view, its candidates cut down to those a Special refers to (buckets renumbered).
std::string group(const GroupData& data, Text& text) {
  std::vector<Special> specials = data.specials;
  std::vector<Item> kept;
  for (Special& special : specials) {
    if (special.lookup.empty()) continue;
    const auto begin = uint32_t(kept.size());
    kept.insert(kept.end(), data.candidates.begin() + special.lookup.begin,
                data.candidates.begin() + special.lookup.end);
    special.lookup = {begin, uint32_t(kept.size())};
  }
  std::string specials_view = "{}";
  if (!specials.empty()) {
    std::string name = "kArray" + std::to_string(next_name++);
    std::string body;
    for (const Special& s : specials) {
      body += "{" + number(s.value) + ", " + bucket(s.segment) + ", " + bucket(s.lookup) + ", " +
              number(s.second_chars) + "ull, " + (s.ids ? "true" : "false") + ", " +
              (s.normalize ? "true" : "false") + ", " + number(s.fast_value) + "},\n";
    }
    out += "constexpr Special " + name + "[] = {\n" + body + "};\n";
    specials_view = "std::span<const Special>(" + name + ")";
  }
  const std::string candidates = items(kept, text);
  const std::string pages = array("uint16_t", data.cells.pages());
  const std::string cells = array("uint32_t", data.cells.cells());
  const std::string fast3 =
      data.fast3.empty() ? "{}"
                         : "std::span<const uint32_t>(" + array("uint32_t", data.fast3) + ")";
  return "Group{" + candidates + ", " + std::to_string(data.longest_key) + ", CodePointView(" +
         pages + ", " + cells + "), " + specials_view + ", " + text.view(data.pool) + ", " +
         (data.has_multichar_keys ? "true" : "false") + ", " +
         (data.ascii_inert ? "true" : "false") + ", " + fast3 + "}";
}

}  // namespace

constexpr std::pair<Config, const char*> kConfigs[] = {
    {Config::t2s, "t2s"}, {Config::tw2s, "tw2s"}, {Config::hk2s, "hk2s"}, {Config::tw2sp, "tw2sp"}};

int main() {
  std::string cases;
  std::vector<std::pair<std::string, std::string>> texts;  // name, bytes: emitted after use
  for (const auto& [config, name] : kConfigs) {
    TableData data;
    build_tables(config, false, data);
    const std::string id(name);
    Text text{"kText_" + id, {}};
    std::string body;
    for (const GroupData& g : data.normalization) {
      body += "    t.normalization.push_back(" + group(g, text) + ");\n";
    }
    if (!data.normalization_leads.empty()) {
      body += "    t.normalization_leads = std::span<const uint8_t>(" +
              array("uint8_t", data.normalization_leads) + ");\n";
    }
    if (!data.normalization_pairs.empty()) {
      body += "    t.normalization_pairs = std::span<const uint64_t>(" +
              array("uint64_t", data.normalization_pairs) + ");\n";
    }
    body += "    t.segmented = " + std::string(data.segmented ? "true" : "false") + ";\n";
    body += "    t.segmenter = " + items(data.segmenter, text) + ";\n";
    body += "    t.longest_segment_key = " + std::to_string(data.longest_segment_key) + ";\n";
    for (const GroupData& g : data.run_chain) {
      body += "    t.run_chain.push_back(" + group(g, text) + ");\n";
    }
    cases += "    case Config::" + id + ":\n" + body + "    return true;\n";
    texts.emplace_back(text.name, text.bytes);
  }
  std::string head =
      "// generated from OpenCC " + std::string(opencc_version()) +
      "'s dictionaries and configurations by tools/convert_tables_gen (build_tables for t2s, "
      "tw2s, hk2s, tw2sp without the rare forms); do not edit\n"
      "#include \"convert_tables.h\"\n\n"
      "namespace zhreport::convert_detail {\n\nnamespace {\n\n";
  for (const auto& [name, bytes] : texts) {
    head += "constexpr char " + name + "[] = " + literal(bytes) + ";\n";
  }
  std::fputs(head.c_str(), stdout);
  std::fputs(out.c_str(), stdout);
  std::printf(
      "\n}  // namespace\n\n"
      "bool prebuilt_tables(Config config, Converter::Tables& t) {\n"
      "  switch (config) {\n%s  }\n  return false;\n}\n\n"
      "}  // namespace zhreport::convert_detail\n",
      cases.c_str());
  return 0;
}
