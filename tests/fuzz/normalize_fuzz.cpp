// normalize: valid UTF-8 in, valid UTF-8 out, offsets monotonic onto the input.
#include <string_view>

#include "fuzz_check.h"
#include "zhreport/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!zhreport::fuzz::valid_utf8(text)) return 0;
  zhreport::Normalized normalized = zhreport::normalize(text, {.track_offsets = true});
  FUZZ_CHECK(zhreport::fuzz::valid_utf8(normalized.text));
  FUZZ_CHECK(zhreport::fuzz::monotonic_onto(normalized.offsets, normalized.text.size(), size));
  FUZZ_CHECK(zhreport::normalize(text).text == normalized.text);
  return 0;
}
