// Archives: any bytes opened as an archive give documents or errors, within the limits.
#include <memory>
#include <string>

#include "fuzz_check.h"
#include "source_archive.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  zhreport::SourceOptions options;
  options.max_doc_bytes = 1 << 20;
  options.nested_archives = true;
  auto opened = zhreport::source_detail::ArchiveMembers::open_bytes(
      std::string(reinterpret_cast<const char*>(data), size), "fuzz", options);
  if (!opened) return 0;
  zhreport::SourceDocument doc;
  std::unique_ptr<zhreport::source_detail::ContentReader> reader;
  char buffer[4096];
  using Next = zhreport::source_detail::ArchiveMembers::Next;
  while (opened.value()->next(doc, reader) != Next::end) {
    FUZZ_CHECK(doc.id.starts_with("fuzz!") || doc.id == "fuzz");
    if (!reader) continue;
    size_t total = 0;
    for (;;) {
      zhreport::Result<size_t> count = reader->read(buffer, sizeof buffer);
      if (!count || count.value() == 0) break;
      total += count.value();
      FUZZ_CHECK(total <= (size_t{1} << 20) * 256 + sizeof buffer);
    }
  }
  return 0;
}
