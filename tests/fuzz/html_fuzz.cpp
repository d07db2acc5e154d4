// html_to_text and read_page: any bytes give valid UTF-8 text or an error, never a crash or a
// hang; every byte of a page's text maps inside the page.
#include <string_view>

#include "fuzz_check.h"
#include "zhreport/decode.h"
#include "zhreport/html.h"
#include "zhreport/page.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  zhreport::Result<std::string> text = zhreport::html_to_text(bytes);
  if (text) FUZZ_CHECK(zhreport::fuzz::valid_utf8(text.value()));
  zhreport::Result<zhreport::Decoded> decoded = zhreport::decode(bytes);
  if (!decoded) return 0;
  zhreport::Result<zhreport::Page> page = zhreport::read_page(decoded->text);
  if (!page) return 0;
  FUZZ_CHECK(zhreport::fuzz::valid_utf8(page->text));
  FUZZ_CHECK(page->offsets.size() == page->text.size());
  for (size_t i = 0; i <= page->text.size(); ++i) {
    FUZZ_CHECK(page->offsets.map(i) <= decoded->text.size());
  }
  return 0;
}
