// Differential: convert equals libopencc (the oracle, linked here only) on valid UTF-8.
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "oracle.h"
#include "zhreport/convert.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr zhreport::Config kConfigs[] = {zhreport::Config::t2s, zhreport::Config::tw2s,
                                                  zhreport::Config::hk2s};
  zhreport::Config config = kConfigs[data[0] % 3];
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  // OpenCC takes C strings: a NUL would end its input early.
  if (!zhreport::fuzz::valid_utf8(text) || text.find('\0') != std::string_view::npos) return 0;
  std::string ours = zhreport::Converter::get(config).convert(text);
  std::string theirs =
      zhreport::testing::opencc_convert(std::string(zhreport::config_name(config)), text);
  if (ours != theirs) {
    std::fprintf(stderr, "config %s\ninput:  %.*s\nours:   %s\nopencc: %s\n",
                 std::string(zhreport::config_name(config)).c_str(), static_cast<int>(text.size()),
                 text.data(), ours.c_str(), theirs.c_str());
    std::abort();
  }
  return 0;
}
