// three_byte_stops: ThreeByteStops::skip and a Scan stop where a step per character does, on any
// bytes (the 64-byte step where the processor has AVX-512 VBMI, and its way back to the step per
// character at bytes that are no UTF-8).
#include <string_view>
#include <vector>

#include "fuzz_check.h"
#include "three_byte_stops.h"

namespace {

constexpr std::string_view kStops[] = {"至", "年", "。", "的"};

bool passes_ascii(unsigned char c) { return c == ',' || c == 'a' || c == ' '; }

// Where ThreeByteStops::skip stops from each position of `s` (and its end), a character at a time
// from the end back: a position holds a stop, or the bytes after a lead of three are its last
// two, whatever they are, and the stop is the next character's.
std::vector<size_t> step_by_step(std::string_view s) {
  std::vector<size_t> stop(s.size() + 1, s.size());
  for (size_t pos = s.size(); pos-- > 0;) {
    const auto byte = static_cast<unsigned char>(s[pos]);
    size_t step = 0;  // (0: a stop)
    if (byte < 0x80) {
      step = passes_ascii(byte) ? 1 : 0;
    } else if ((byte & 0xF0) == 0xE0 && pos + 3 <= s.size()) {
      step = 3;
      for (std::string_view c : kStops) {
        if (s.substr(pos + 1, 2) == c.substr(1)) step = 0;
      }
    }
    stop[pos] = step == 0 ? pos : stop[pos + step];
  }
  return stop;
}

const zhreport::text::ThreeByteStops& stops() {
  static const zhreport::text::ThreeByteStops instance = [] {
    zhreport::text::ThreeByteStops s;
    for (char32_t c : {U'至', U'年', U'。', U'的'}) s.add(c);
    s.pass_ascii([](char c) { return passes_ascii(static_cast<unsigned char>(c)); });
    return s;
  }();
  return instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::vector<size_t> expected = step_by_step(text);
  zhreport::text::ThreeByteStops::Scan scan(stops(), text);
  for (size_t pos = 0; pos <= size; ++pos) {
    FUZZ_CHECK(stops().skip(text, pos) == expected[pos]);
    FUZZ_CHECK(scan.skip(pos) == expected[pos]);
  }
  return 0;
}
