// clauses: the reading covers the text in order, every frame lies in its clause, the governing
// frame is one of the reading's; the context of every fact points inside the text, with
// since <= until as far as both are stated.
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "zhreport/clauses.h"
#include "zhreport/document.h"
#include "zhreport/facts.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (!zhreport::fuzz::valid_utf8(text)) return 0;
  zhreport::Document document = zhreport::analyze_document(text);
  for (const zhreport::Reading& r :
       {zhreport::read_clauses(text), zhreport::read_clauses(text, document)}) {
    size_t previous_end = 0;
    for (size_t i = 0; i < r.clauses.size(); ++i) {
      const zhreport::Clause& c = r.clauses[i];
      FUZZ_CHECK(previous_end <= c.start && c.start < c.end && c.end <= size);
      FUZZ_CHECK(c.sentence < r.sentences.size());
      FUZZ_CHECK(c.first_frame <= c.end_frame && c.end_frame <= r.frames.size());
      for (size_t k = c.first_frame; k < c.end_frame; ++k) {
        const zhreport::FrameHit& hit = r.frames[k];
        FUZZ_CHECK(c.start <= hit.start && hit.end <= hit.tail_start && hit.tail_end <= c.end);
      }
      FUZZ_CHECK(r.clause_at(c.start) == i);
      for (size_t pos : {c.start, (c.start + c.end) / 2, c.end}) {
        const zhreport::FrameHit* hit = zhreport::governing_frame(r, i, pos);
        FUZZ_CHECK(!hit || (hit >= r.frames.data() && hit < r.frames.data() + r.frames.size()));
      }
      previous_end = c.end;
    }
  }
  for (const zhreport::Fact& f : zhreport::find_facts(text, document)) {
    for (zhreport::Span span : {f.to_span, f.from_span, f.since_span, f.until_span}) {
      FUZZ_CHECK(span.start <= span.end && span.end <= size);
    }
    size_t common = std::min(f.since.size(), f.until.size());
    FUZZ_CHECK(f.since.compare(0, common, f.until, 0, common) <= 0 || f.until.empty());
  }
  return 0;
}
