// What zhextract writes for each document: its facts (JSONL, CSV or aligned table), its
// document record (with --docs, or whenever the document failed), or instead of both its
// zhstats state (--partial). One object, so that the flags decide the output in one place.
//
//   zhreport::extract_app::Records records{.format = "csv"};
//   out.write(records.header());
//   out.write(records.of(zhreport::extract_document(id, bytes, options)));
#pragma once

#include <string>
#include <string_view>

#include "zhreport/error.h"
#include "zhreport/pipeline.h"

namespace zhreport::extract_app {

struct Records {
  std::string format = "jsonl";  // jsonl, csv or table
  bool docs = false;             // a document record after each document's facts (JSONL only)
  bool partial = false;          // each document's zhstats state instead of facts and record

  // Written once at the top: the CSV or table header, the state's version line, or nothing.
  std::string header() const;
  // The lines of one extracted document.
  std::string of(const Extraction& extraction) const;
  // Whether of() reads each fact's doc (ExtractOptions::fact_docs): CSV, tables and states do;
  // JSONL writes the record's id once for all of a document's facts.
  bool reads_fact_docs() const { return format != "jsonl" || partial; }
  // The lines of a document that could not be read: its record carrying the error.
  std::string of_unread(std::string_view id, const Error& error) const;
};

}  // namespace zhreport::extract_app
