// decode: any bytes → valid UTF-8 with an exact offset map, the same whole or streamed.
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "zhreport/decode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  zhreport::Result<zhreport::Decoded> decoded = zhreport::decode(bytes, {.track_offsets = true});
  if (!decoded) return 0;
  FUZZ_CHECK(zhreport::fuzz::valid_utf8(decoded->text));
  FUZZ_CHECK(zhreport::fuzz::monotonic_onto(decoded->offsets, decoded->text.size(), size));
  for (const zhreport::InvalidSequence& bad : decoded->invalid) {
    FUZZ_CHECK(bad.length > 0 && bad.offset + bad.length <= size);
  }
  // Streamed in two chunks split anywhere, the output is the same as decoding whole.
  zhreport::StreamDecoder stream(decoded->encoding);
  std::string streamed;
  size_t split = size ? data[0] % (size + 1) : 0;
  stream.decode(bytes.substr(0, split), false, streamed);
  stream.decode(bytes.substr(split), true, streamed);
  zhreport::Result<zhreport::Decoded> forced = zhreport::decode(bytes, {.from = decoded->encoding});
  if (forced) FUZZ_CHECK(streamed == forced->text);
  return 0;
}
