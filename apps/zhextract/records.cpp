#include "records.h"

#include "partial.h"
#include "table.h"
#include "zhreport/output.h"

namespace zhreport::extract_app {

std::string Records::header() const {
  std::string out;
  if (partial) return state_header();
  if (format == "csv") append_fact_csv_header(out);
  if (format == "table") append_table_header(out);
  return out;
}

std::string Records::of(const Extraction& x) const {
  if (partial) return state_of(x.facts, x.record);
  std::string out;
  if (format == "jsonl") {
    // (which sizes the string once for all the lines; the facts' docs may be left empty)
    append_jsonl(out, x.record.doc, x.facts);
  } else {
    // A fact's line is some 300 bytes: one allocation instead of a string grown line by line.
    constexpr size_t kLineBytes = 384;
    out.reserve(x.facts.size() * kLineBytes);
    for (const Fact& fact : x.facts) {
      if (format == "csv") append_csv(out, fact);
      if (format == "table") append_table_row(out, fact);
    }
  }
  if ((docs || !x.record.error.empty()) && format == "jsonl") append_jsonl(out, x.record);
  return out;
}

std::string Records::of_unread(std::string_view id, const Error& error) const {
  Extraction x;
  x.record.doc = id;
  x.record.error = error.message;
  return of(x);
}

}  // namespace zhreport::extract_app
