// normalize: valid UTF-8 in, valid UTF-8 out, offsets monotonic onto the input. And on any bytes,
// the normalizer's 64-byte skip (where the processor has AVX-512 VBMI) stops where its SSE2 twin
// does, from every position, the text not yet copied starting there or up to three bytes before.
#include <algorithm>
#include <string_view>

#include "fuzz_check.h"
#include "normalize_internal.h"
#include "normalize_wide.h"
#include "three_byte_stops_wide.h"
#include "zhreport/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (zhreport::text::wide::kAvailable) {
    for (bool repairs : {true, false}) {
      const unsigned char* classes = zhreport::normalize_internal::ascii_classes(repairs);
      for (size_t pos = 0; pos <= size; ++pos) {
        for (size_t back = 0; back <= std::min<size_t>(pos, 3); ++back) {
          const auto scalar =
              zhreport::normalize_internal::skip_plain(text, pos, pos - back, classes);
          const auto wide = zhreport::normalize_wide::skip(data, size, pos, pos - back, classes);
          FUZZ_CHECK(wide.end == scalar.end);
          FUZZ_CHECK(wide.passed_line_break == scalar.passed_line_break);
        }
      }
    }
  }
  if (!zhreport::fuzz::valid_utf8(text)) return 0;
  zhreport::Normalized normalized = zhreport::normalize(text, {.track_offsets = true});
  FUZZ_CHECK(zhreport::fuzz::valid_utf8(normalized.text));
  FUZZ_CHECK(zhreport::fuzz::monotonic_onto(normalized.offsets, normalized.text.size(), size));
  FUZZ_CHECK(zhreport::normalize(text).text == normalized.text);
  return 0;
}
