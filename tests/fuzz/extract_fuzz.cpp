// extract_document: never fails on any bytes; every fact points inside the original bytes.
#include <string_view>

#include "fuzz_check.h"
#include "zhreport/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  zhreport::Extraction x = zhreport::extract_document("fuzz", bytes);
  FUZZ_CHECK(x.record.facts == x.facts.size());
  for (const zhreport::Fact& fact : x.facts) {
    FUZZ_CHECK(fact.start <= fact.end && fact.end <= size);
    FUZZ_CHECK(zhreport::fuzz::valid_utf8(fact.quote));
  }
  return 0;
}
