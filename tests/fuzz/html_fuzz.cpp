// html_to_text: any bytes give valid UTF-8 text or an error, never a crash or a hang.
#include <string_view>

#include "fuzz_check.h"
#include "zhreport/html.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  zhreport::Result<std::string> text = zhreport::html_to_text(bytes);
  if (text) FUZZ_CHECK(zhreport::fuzz::valid_utf8(text.value()));
  return 0;
}
