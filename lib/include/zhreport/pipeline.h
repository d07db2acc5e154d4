// The whole extraction of one document: bytes in any supported encoding → facts whose start/end
// point at the original bytes, plus the document's record.
//
//   zhreport::Extraction x = zhreport::extract_document("reports/a.txt", bytes);
//   if (!x.record.error.empty()) report(x.record.error);
//   for (const zhreport::Fact& f : x.facts) {
//     std::string_view original = bytes.substr(f.start, f.end - f.start);  // GB18030, Big5...
//     f.quote;  // the same span, normalized and Simplified
//   }
//
// Stages: decode (decode.h) → normalize (normalize.h) → Traditional→Simplified (convert.h) →
// structure (document.h) → counts (facts.h). Every stage keeps an OffsetMap, and a fact's span
// in the converted text is carried back through all three to the input bytes.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhreport/convert.h"
#include "zhreport/decode.h"
#include "zhreport/fact.h"

namespace zhreport {

struct ExtractOptions {
  Config config = Config::t2s;       // Traditional→Simplified configuration
  std::optional<Encoding> from;      // input encoding; default: detected
  bool repair_artifacts = true;      // normalize.h repairs (pinyin, doubled punctuation, …)
  std::vector<std::string> metrics;  // keep only these metrics; empty = all
  // Fill the record's script, regions, chars, repairs and content_hash. A caller that writes no
  // document records turns it off: those scans cost a fifth of the extraction.
  bool describe = true;
  // Give each fact its doc (the id). A caller that writes the id once for all the facts of a
  // document (zhextract's JSONL: append_jsonl(out, doc, facts)) turns it off: the facts' docs
  // stay empty, a string less to allocate and free per fact.
  bool fact_docs = true;
};

// What the container says about a document, besides its bytes (source.h): an HTML content
// type, the charset of an HTTP header, the date of a WARC record (ISO 8601).
struct DocumentHints {
  bool html = false;
  std::string charset;
  std::string date;
};

struct Extraction {
  DocumentRecord record;    // record.facts = facts.size()
  std::vector<Fact> facts;  // in text order, doc = the id given (empty: fact_docs off)
};

// Never fails: an input that cannot be decoded (binary content) yields record.error and no facts.
// HTML pages (by the id's name, the hints, or content starting like a page: page.h) are read
// as pages: the article's text, title and date; start/end still point at the page's bytes.
// The date falls back to the id's path (…/2024-11/26/…) and then to hints.date.
Extraction extract_document(std::string_view doc_id, std::string_view bytes,
                            const ExtractOptions& options = {}, const DocumentHints& hints = {});

// Hex of a 64-bit FNV-1a hash: the record's content_hash, stable across runs and machines.
std::string content_hash(std::string_view text);

}  // namespace zhreport
