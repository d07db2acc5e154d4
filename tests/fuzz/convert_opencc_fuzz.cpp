// Differential: convert equals OpenCC 1.4.2 (the oracle, tests/opencc/oracle.h) on valid UTF-8,
// every configuration, with and without the tofu-risk dictionaries (non-BMP characters,
// compatibility ideographs and ideographic description sequences included).
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "oracle.h"
#include "zhreport/convert.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const auto config = static_cast<zhreport::Config>(data[0] % 4);
  const bool rare_forms = (data[0] / 4) % 2;
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  // No NUL: OpenCC's tool writes its output with fputs, which stops at one.
  if (!zhreport::fuzz::valid_utf8(text) || text.find('\0') != std::string_view::npos) return 0;
  std::string ours = zhreport::Converter::get(config, rare_forms).convert(text);
  std::string theirs = zhreport::testing::opencc_convert(config, text, rare_forms);
  if (ours != theirs) {
    std::fprintf(stderr, "config %s%s\ninput:  %.*s\nours:   %s\nopencc: %s\n",
                 std::string(zhreport::config_name(config)).c_str(),
                 rare_forms ? " (rare forms)" : "", static_cast<int>(text.size()), text.data(),
                 ours.c_str(), theirs.c_str());
    std::abort();
  }
  return 0;
}
