// convert: the same text whole, tracked and streamed in pieces; offsets monotonic.
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "zhreport/convert.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  auto config = static_cast<zhreport::Config>(data[0] % 4);
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (!zhreport::fuzz::valid_utf8(text)) return 0;
  const zhreport::Converter& converter = zhreport::Converter::get(config);
  std::string whole = converter.convert(text);
  FUZZ_CHECK(zhreport::fuzz::valid_utf8(whole));
  zhreport::Converter::Converted tracked = converter.convert_tracked(text);
  FUZZ_CHECK(tracked.text == whole);
  FUZZ_CHECK(zhreport::fuzz::monotonic_onto(tracked.offsets, whole.size(), text.size()));
  // Streaming: feed pieces of 7 bytes; what is not consumed is carried to the next call.
  std::string streamed, pending;
  for (size_t at = 0; at < text.size(); at += 7) {
    pending.append(text.substr(at, 7));
    size_t used = converter.convert_some(pending, false, streamed);
    FUZZ_CHECK(used <= pending.size());
    pending.erase(0, used);
  }
  FUZZ_CHECK(converter.convert_some(pending, true, streamed) == pending.size());
  FUZZ_CHECK(streamed == whole);
  return 0;
}
