// opencc_derive: the dictionaries OpenCC's build derives from its text dictionaries (its
// data/CMakeLists.txt), derived the same way at our build time:
//   opencc_derive reverse INPUT OUTPUT    value → keys (TWVariantsRev from TWVariants): for each
//       value, the keys that map to it in file order, the one a "# @reverse-prefer: K [V]" line
//       names first; sorted by key
//   opencc_derive tofu-risk INPUT OUTPUT  the entries after "# @tofu-risk:" lines, without
//       their first value when it is the key (TSCharactersExt from TSCharacters)
// Output lines are "key<TAB>value value..."; the first line says what it was generated from.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> split(const std::string& s, char by) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (size_t at; (at = s.find(by, start)) != std::string::npos; start = at + 1) {
    parts.push_back(s.substr(start, at - start));
  }
  parts.push_back(s.substr(start));
  return parts;
}

std::vector<std::string> words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

bool blank(const std::string& line) {
  return line.find_first_not_of(" \t\r\n\f\v") == std::string::npos;
}

struct Entry {
  std::string key;
  std::vector<std::string> values;
};

// "key<TAB>v1 v2": false when the line has no tab.
bool parse_entry(const std::string& line, Entry& entry) {
  size_t tab = line.find('\t');
  if (tab == std::string::npos) return false;
  entry.key = line.substr(0, tab);
  entry.values = split(line.substr(tab + 1), ' ');
  return true;
}

int fail(const std::string& message) {
  std::fprintf(stderr, "opencc_derive: %s\n", message.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) return fail("usage: opencc_derive reverse|tofu-risk INPUT OUTPUT");
  const std::string mode = argv[1];
  std::ifstream in(argv[2], std::ios::binary);
  if (!in) return fail(std::string("cannot read ") + argv[2]);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }

  std::vector<Entry> out;
  if (mode == "reverse") {
    const std::string prefer_tag = "# @reverse-prefer:";
    std::map<std::string, std::string> preferred;
    std::vector<std::string> order;  // values in order of first appearance
    std::map<std::string, std::vector<std::string>> keys_of;
    for (const std::string& line : lines) {
      if (line.rfind(prefer_tag, 0) == 0) {
        auto fields = words(line.substr(prefer_tag.size()));
        if (fields.empty() || fields.size() > 2) return fail("bad reverse preference: " + line);
        preferred[fields.front()] = fields.back();
        continue;
      }
      Entry entry;
      if (line.empty() || line[0] == '#' || blank(line)) continue;
      if (!parse_entry(line, entry)) return fail("no tab in: " + line);
      for (const std::string& value : entry.values) {
        auto [it, fresh] = keys_of.try_emplace(value);
        if (fresh) order.push_back(value);
        it->second.push_back(entry.key);
      }
    }
    for (const auto& [key, value] : preferred) {
      auto it = keys_of.find(key);
      if (it == keys_of.end()) return fail("reverse preference for unknown " + key);
      auto& keys = it->second;
      auto at = std::find(keys.begin(), keys.end(), value);
      if (at == keys.end())
        return fail("reverse preference " + key + " -> " + value + " unmatched");
      std::rotate(keys.begin(), at, at + 1);
    }
    for (const std::string& value : order) out.push_back({value, keys_of[value]});
    std::stable_sort(out.begin(), out.end(),
                     [](const Entry& a, const Entry& b) { return a.key < b.key; });
  } else if (mode == "tofu-risk") {
    const std::string tag = "# @tofu-risk:";
    for (size_t i = 0; i < lines.size(); ++i) {
      if (lines[i].rfind(tag, 0) != 0) continue;
      Entry entry;
      if (i + 1 >= lines.size() || lines[i + 1].empty() || lines[i + 1][0] == '#' ||
          !parse_entry(lines[i + 1], entry)) {
        return fail("no mapping after line " + std::to_string(i + 1));
      }
      entry.values = words(lines[i + 1].substr(lines[i + 1].find('\t') + 1));
      if (!entry.values.empty() && entry.values.front() == entry.key) {
        entry.values.erase(entry.values.begin());
      }
      if (entry.values.empty())
        return fail("no extension value after line " + std::to_string(i + 1));
      out.push_back(entry);
    }
  } else {
    return fail("unknown mode " + mode);
  }

  std::ofstream file(argv[3], std::ios::binary);
  std::string name = argv[2];
  name = name.substr(name.find_last_of('/') + 1);
  file << "# generated from " << name << " by tools/opencc_derive " << mode << "\n";
  for (const Entry& entry : out) {
    file << entry.key << '\t';
    for (size_t i = 0; i < entry.values.size(); ++i) file << (i ? " " : "") << entry.values[i];
    file << '\n';
  }
  return file.good() ? 0 : fail(std::string("cannot write ") + argv[3]);
}
