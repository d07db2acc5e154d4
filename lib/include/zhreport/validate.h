// Validation: what is wrong with a report file or a fact file, before anyone trusts a number.
//
//   zhreport::ReportCheck r = zhreport::check_report(bytes);
//   for (const zhreport::Problem& p : r.problems)
//     print("{}:{}:{}: {}: {}", path, p.line, p.column, severity_name(p.severity), p.message);
//
//   zhreport::FactChecker facts;                 // one per fact file
//   auto problems = facts.check(fact, line);     // fields: metric, qualifier, numbers, span,
//   places if (auto source = read(fact.doc)) facts.check_quote(fact, line, *source, problems);
//
// Positions: `line` is 1-based; `column` is the 1-based BYTE column in the original file (for
// fact files: the line of the record, column 1). Severity: `error` and `warning` are problems
// (zhvalidate exits 1), `note` is information (encoding, script, repairs that would apply).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhreport/decode.h"
#include "zhreport/fact.h"

namespace zhreport {

enum class Severity { error, warning, note };
std::string_view severity_name(Severity severity);  // "error" "warning" "note"

struct Problem {
  size_t line = 1;
  size_t column = 1;
  Severity severity = Severity::error;
  std::string message;
};

struct ReportCheckOptions {
  size_t max_line_bytes = size_t{1} << 20;  // longer lines are reported
  size_t max_listed = 20;                   // per kind of positional problem; the rest counted
  // Check an HTML page as a page (page.h): its article's text, positions in the HTML file.
  // Pages are also recognized by their content (<!DOCTYPE html, <html…) without this.
  bool html = false;
};

struct ReportCheck {
  std::string encoding;  // detected, "" when not decodable (binary)
  std::string script;    // simplified traditional mixed, "" when not decodable
  size_t invalid_sequences = 0;
  size_t replacement_chars = 0;  // U+FFFD already in the text (not from invalid bytes)
  size_t mojibake_lines = 0;
  std::vector<std::pair<std::string, size_t>> repairs;  // normalize's, by kind
  std::vector<Problem> problems;                        // in file order, notes last
};

// Checks one report file's bytes: empty, binary (NUL), invalid byte sequences, U+FFFD,
// lines over max_line_bytes, likely mojibake, mixed script; notes the encoding, script and
// the artifact repairs normalize() would make. An HTML page is checked as its article's text
// (no line lengths: markup is not text), with a note naming its article block, title and date.
ReportCheck check_report(std::string_view bytes, const ReportCheckOptions& options = {});

// Likely mojibake (text decoded with the wrong encoding) in one line of decoded UTF-8. For
// each run of non-ASCII text with 3+ Han characters of which under 90% are common (GB2312
// level 1, judged after t2s so that Traditional text counts as common): take the bytes back
// and decode them as the writer may have meant — UTF-8 read as GBK (医院 → 鍖婚櫌), GBK read
// as Big5 or the reverse, GBK pairs misaligned by a lost byte (向?qū)<覀兲岢隽诵碌). When one
// reading is at least 85% common and 15 points better, the run is mojibake: returns its byte
// offset in `line`.
std::optional<size_t> find_mojibake(std::string_view line);

// `line` with each mojibake run (as find_mojibake finds them) replaced by its better reading;
// nullopt when no run has a reading good enough (the text is garbled beyond repair).
std::optional<std::string> repair_mojibake(std::string_view line);

// Checks fact records of one fact file: required fields (the readers of output.h report
// those), metric in the vocabulary, qualifier, numbers >= 0, value_max >= value, start < end,
// to and from known places (places.h: official names, countries, 全国; a warning);
// and, given the source file's bytes, that the span decodes (decode + normalize + t2s) to
// the recorded quote.
class FactChecker {
 public:
  std::vector<Problem> check(const Fact& fact, size_t line) const;
  // Appends a problem when the span is out of range or does not read as the quote. The last
  // source's decoding is cached: call it for a document's facts one after another.
  void check_quote(const Fact& fact, size_t line, std::string_view source_bytes,
                   std::vector<Problem>& problems);

 private:
  std::string cached_doc_;                   // "" = nothing cached
  std::optional<Encoding> cached_encoding_;  // nullopt: the source is not decodable
  std::string cached_error_;
};

}  // namespace zhreport
