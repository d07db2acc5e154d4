// OpenCC 1.4.2 as the oracle of the differential tests: built from ../shared/peer-src by
// tests/CMakeLists.txt into the build tree (ZHREPORT_OPENCC_ORACLE_DIR) and linked into
// zhreport_opencc_tests and the differential fuzz target only; and reading the shared test data.
#pragma once

#include <Config.hpp>
#include <SimpleConverter.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

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

// OpenCC 1.4.2's library with PREFIX/share/opencc/<name>.json; `rare_forms` includes the tofu-risk
// dictionaries (the library's default, not its command-line tool's). Converters are made once.
inline std::string opencc_convert(const std::string& name, std::string_view text,
                                  bool rare_forms = false) {
  static std::map<std::pair<std::string, bool>, std::unique_ptr<opencc::SimpleConverter>> cache;
  auto& converter = cache[{name, rare_forms}];
  if (!converter) {
    opencc::ConfigLoadOptions options;
    options.includeTofuRiskDictionaries = rare_forms;
    converter = std::make_unique<opencc::SimpleConverter>(
        std::string(ZHREPORT_OPENCC_ORACLE_DIR) + "/share/opencc/" + name + ".json", options);
  }
  return converter->Convert(std::string(text));
}

inline std::string opencc_convert(Config config, std::string_view text, bool rare_forms = false) {
  return opencc_convert(std::string(config_name(config)), text, rare_forms);
}

// OpenCC's Simplified → Traditional, to make Traditional test text from Simplified text.
inline std::string opencc_s2t(std::string_view text) { return opencc_convert("s2t", text); }

inline constexpr Config kConfigs[] = {Config::t2s, Config::tw2s, Config::hk2s, Config::tw2sp};

}  // namespace zhreport::testing
