// Writing and reading facts and document records as JSONL and CSV (RFC 4180).
//
//   std::string out;
//   zhreport::append_jsonl(out, fact);          // {"doc":"a.txt","metric":"experts",...}\n
//   zhreport::append_fact_csv_header(out);      // doc,metric,value,...\n
//   zhreport::append_csv(out, fact);
//
//   zhreport::JsonlReader reader;                // reuse one reader for many lines
//   zhreport::Result<zhreport::Record> r = reader.parse(line);
//   if (!r) report(path, line_number, r.error().message);
//   else if (auto* fact = std::get_if<zhreport::Fact>(&r.value())) use(*fact);
//
// JSONL (one object per line):
//   fact:     {"doc","metric","value","value_max" (only when set),"qualifier","unit","counted",
//              "start","end","quote","to","from","since","until",
//              "to_span","from_span","since_span","until_span" ([start,end], only when stated)}
//   document: {"type":"document","doc","encoding","script","title","date","title_source",
//              "date_source","body" (only when set: HTML pages),"regions":[...],
//              "chars","facts","repairs":{kind:n},"warnings":[...],"content_hash",
//              "error" (only when set)}
// Numbers: integral values are printed without a decimal point (15000, not 15000.0), others
// in the shortest form that reads back to the same double (1.5, 0.1). Strings are escaped so
// that the output is always valid JSON; invalid UTF-8 bytes become U+FFFD.
// CSV: a header row, then one row per record; a field holding a comma, quote, CR or LF is
// quoted, with quotes doubled. Document lists (regions, warnings) and repairs are joined with
// ';' (repairs as kind=n). A context span is written START..END (empty when not stated).
// Readers accept facts without the context fields (files written before them).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "zhreport/error.h"
#include "zhreport/fact.h"

namespace zhreport {

using Record = std::variant<Fact, DocumentRecord>;

// --- writers: each appends to `out`; JSONL and CSV rows end with '\n' ---
void append_jsonl(std::string& out, const Fact& fact);
// The lines of many facts, each as append_jsonl(out, fact) writes it; a document's id shared
// with the fact before is escaped once (zhextract's facts come a document at a time).
void append_jsonl(std::string& out, const std::vector<Fact>& facts);
// The same of the facts of one document, each line's doc `doc` whatever the fact's (the facts of
// ExtractOptions::fact_docs off, whose docs are empty).
void append_jsonl(std::string& out, std::string_view doc, const std::vector<Fact>& facts);
void append_jsonl(std::string& out, const DocumentRecord& document);
void append_fact_csv_header(std::string& out);
void append_csv(std::string& out, const Fact& fact);
void append_document_csv_header(std::string& out);
void append_csv(std::string& out, const DocumentRecord& document);

// Building blocks, shared with other writers (stats tables, validation reports).
void append_json_string(std::string& out, std::string_view text);  // with the quotes
void append_number(std::string& out, double value);                // 15000, 1.5; NaN/inf as null
void append_csv_field(std::string& out, std::string_view text);    // quoted only if needed
// A TSV field that stays on one line: backslash, tab, CR and LF escaped as \\ \t \r \n.
void append_tsv_field(std::string& out, std::string_view text);

// Writes one JSON object member by member (keys are written as given: plain ASCII names).
//   JsonObjectWriter o(out); o.string("metric", "experts"); o.count("facts", 3); o.close();
class JsonObjectWriter {
 public:
  explicit JsonObjectWriter(std::string& out) : out_(out) {}
  void key(std::string_view name);  // then append the value to the string yourself
  void string(std::string_view name, std::string_view value);
  void number(std::string_view name, double value);
  void count(std::string_view name, uint64_t value);
  void strings(std::string_view name, const std::vector<std::string>& values);
  void close();  // the closing brace ("{}" when no member was written)

 private:
  std::string& out_;
  bool first_ = true;
};

// --- readers ---

// Parses JSONL lines (one record per line; trailing CR and blanks tolerated). A line with
// "type":"document" is a DocumentRecord, any other object a Fact. Facts must carry every field
// but value_max; documents need "doc". Unknown keys are ignored. Errors name the field.
class JsonlReader {
 public:
  JsonlReader();
  ~JsonlReader();
  JsonlReader(const JsonlReader&) = delete;
  JsonlReader& operator=(const JsonlReader&) = delete;

  Result<Record> parse(std::string_view line);

  // Same, but fills the caller's records in place so that their strings keep their capacity:
  // the fast path for reading millions of facts. Returns which of the two was filled.
  // Without text_fields, a fact's unit, counted and quote are checked to be strings but left
  // empty (what aggregators that never look at them want).
  enum class Kind { fact, document };
  Result<Kind> parse_into(std::string_view line, Fact& fact, DocumentRecord& document,
                          bool text_fields = true);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Splits one CSV record (RFC 4180) off the front of `text`, starting at `pos`, and moves `pos`
// past its line end. A quoted field may span lines. Error on an unterminated quote or on text
// after a closing quote.
Result<std::vector<std::string>> read_csv_record(std::string_view text, size_t& pos);

// Turns CSV rows into facts. The first row given is the header: columns are found by name
// (any order; unknown columns ignored; every fact field but value_max required).
class CsvFactReader {
 public:
  // nullopt for the header row; a Fact for each row after it.
  Result<std::optional<Fact>> add_row(const std::vector<std::string>& fields);

 private:
  std::vector<int> column_of_field_;  // fact field index -> CSV column, -1 when absent
  bool have_header_ = false;
};

}  // namespace zhreport
