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

// libopencc 1.1.6 with /usr/share/opencc/<config>.json (one handle per configuration).
inline std::string opencc_convert(Config config, std::string_view text) {
  static std::map<Config, opencc_t> handles;
  opencc_t& handle = handles[config];
  if (!handle) {
    std::string path = std::string(ZHREPORT_OPENCC_DATA_DIR) + "/" +
                       std::string(config_name(config)) + ".json";
    handle = opencc_open(path.c_str());
  }
  if (handle == reinterpret_cast<opencc_t>(-1)) return "<opencc_open failed>";
  char* converted = opencc_convert_utf8(handle, text.data(), text.size());
  std::string result = converted ? converted : "<opencc failed>";
  opencc_convert_utf8_free(converted);
  return result;
}

// OpenCC's Simplified → Traditional, to make Traditional test text from Simplified text.
inline std::string opencc_s2t(std::string_view text) {
  static opencc_t handle = opencc_open(ZHREPORT_OPENCC_DATA_DIR "/s2t.json");
  char* converted = opencc_convert_utf8(handle, text.data(), text.size());
  std::string result = converted ? converted : "";
  opencc_convert_utf8_free(converted);
  return result;
}

inline constexpr Config kConfigs[] = {Config::t2s, Config::tw2s, Config::hk2s, Config::tw2sp};

}  // namespace zhreport::testing
