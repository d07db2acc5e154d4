// libopencc as the oracle of the differential tests (linked into zhreport_opencc_tests only),
// and reading the shared test data, which may be absent (tests then pass with a MESSAGE).
#pragma once

#include <opencc/opencc.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

#include "zhreport/convert.h"

namespace zhreport::testing {

inline const std::filesystem::path kSharedDir = ZHREPORT_SHARED_DIR;

inline std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// libopencc handles by configuration file name, opened once and closed at exit.
class OpenccHandles {
 public:
  ~OpenccHandles() {
    for (auto& [name, handle] : handles_) {
      if (handle != kFailed) opencc_close(handle);
    }
  }
  opencc_t get(const std::string& name) {
    auto it = handles_.find(name);
    if (it == handles_.end()) {
      std::string path = std::string(ZHREPORT_OPENCC_DATA_DIR) + "/" + name + ".json";
      it = handles_.emplace(name, opencc_open(path.c_str())).first;
    }
    return it->second;
  }
  static inline const opencc_t kFailed = reinterpret_cast<opencc_t>(-1);

 private:
  std::map<std::string, opencc_t> handles_;
};

// libopencc 1.1.6 with /usr/share/opencc/<name>.json.
inline std::string opencc_convert(const std::string& name, std::string_view text) {
  static OpenccHandles handles;
  opencc_t handle = handles.get(name);
  if (handle == OpenccHandles::kFailed) return "<opencc_open failed: " + name + ">";
  char* converted = opencc_convert_utf8(handle, text.data(), text.size());
  std::string result = converted ? converted : "<opencc failed>";
  opencc_convert_utf8_free(converted);
  return result;
}

inline std::string opencc_convert(Config config, std::string_view text) {
  return opencc_convert(std::string(config_name(config)), text);
}

// OpenCC's Simplified → Traditional, to make Traditional test text from Simplified text.
inline std::string opencc_s2t(std::string_view text) { return opencc_convert("s2t", text); }

inline constexpr Config kConfigs[] = {Config::t2s, Config::tw2s, Config::hk2s, Config::tw2sp};

}  // namespace zhreport::testing
