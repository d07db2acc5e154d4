// Report-file checks: decode once with offsets, then look at the text line by line.
#include "zhreport/validate.h"

#include "zhreport/page.h"

#include <fmt/format.h>

#include <algorithm>

#include "validate_text.h"
#include "zhreport/convert.h"
#include "zhreport/decode.h"
#include "zhreport/normalize.h"

namespace zhreport {

std::string_view severity_name(Severity severity) {
  switch (severity) {
    case Severity::warning:
      return "warning";
    case Severity::note:
      return "note";
    case Severity::error:
      break;
  }
  return "error";
}

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Line and byte column of an original byte offset, from the original offsets of line starts.
class Positions {
 public:
  explicit Positions(std::vector<size_t> line_starts) : starts_(std::move(line_starts)) {}
  Problem at(size_t offset, Severity severity, std::string message) const {
    const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const size_t line = static_cast<size_t>(it - starts_.begin());  // >= 1: starts_[0] == 0
    return Problem{line, offset - starts_[line - 1] + 1, severity, std::move(message)};
  }

 private:
  std::vector<size_t> starts_;
};

std::string hex_bytes(std::string_view bytes) {
  std::string text;
  for (size_t i = 0; i < bytes.size() && i < 8; ++i) {
    fmt::format_to(std::back_inserter(text), "{}0x{:02X}", i ? " " : "",
                   static_cast<unsigned char>(bytes[i]));
  }
  return text;
}

// A binary file has no lines to speak of: count raw LF bytes before the NUL.
Problem binary_problem(std::string_view bytes, const Error& error) {
  const size_t nul = std::min(bytes.find('\0'), bytes.size());
  std::vector<size_t> starts{0};
  for (size_t i = bytes.find('\n'); i < nul; i = bytes.find('\n', i + 1)) starts.push_back(i + 1);
  return Positions(std::move(starts)).at(nul, Severity::error, error.message);
}

}  // namespace

ReportCheck check_report(std::string_view bytes, const ReportCheckOptions& options) {
  ReportCheck check;
  if (bytes.empty()) {
    check.problems.push_back({1, 1, Severity::warning, "empty file"});
    return check;
  }
  const bool html = options.html || looks_like_html(bytes);
  std::optional<Encoding> from;
  if (html) from = parse_encoding(declared_charset(bytes));
  auto decoded = decode(bytes, {.from = from, .track_offsets = true});
  if (!decoded) {
    check.problems.push_back(binary_problem(bytes, decoded.error()));
    return check;
  }
  // A page is checked as its reader sees it: the article's text, positions in the HTML file.
  std::optional<Page> page;
  OffsetMap page_offsets;
  if (html) {
    if (Result<Page> read = read_page(decoded->text)) {
      page = std::move(read).value();
      page_offsets = page->offsets.compose_onto(decoded->offsets);
    } else {
      check.problems.push_back({1, 1, Severity::error, read.error().message});
    }
  }
  const std::string& text = page ? page->text : decoded->text;
  const OffsetMap& offsets = page ? page_offsets : decoded->offsets;
  check.encoding = encoding_name(decoded->encoding);

  // Line starts in the text and their original offsets.
  std::vector<size_t> text_starts{0};
  for (size_t i = text.find('\n'); i != std::string::npos; i = text.find('\n', i + 1)) {
    text_starts.push_back(i + 1);
  }
  std::vector<size_t> original_starts;
  original_starts.reserve(text_starts.size());
  for (size_t start : text_starts) original_starts.push_back(offsets.map(start));
  original_starts[0] = 0;  // a BOM belongs to the first line
  const Positions positions(original_starts);

  std::vector<Problem>& problems = check.problems;
  const auto listed = [&](size_t index, size_t total, size_t offset, std::string message,
                          std::string_view kind) {
    if (index < options.max_listed) {
      problems.push_back(positions.at(offset, Severity::error, std::move(message)));
    } else if (index == options.max_listed) {
      problems.push_back(positions.at(offset, Severity::error,
                                      fmt::format("{} more {} not listed", total - index, kind)));
    }
  };
  check.invalid_sequences = decoded->invalid.size();
  for (size_t i = 0; i < decoded->invalid.size(); ++i) {
    const InvalidSequence& bad = decoded->invalid[i];
    listed(i, decoded->invalid.size(), bad.offset,
           fmt::format("invalid {} byte sequence ({}) at byte {}", check.encoding,
                       hex_bytes(bytes.substr(bad.offset, bad.length)), bad.offset),
           "invalid byte sequences");
  }

  // U+FFFD already in the file: those that are not the decoder's replacements.
  std::vector<size_t> invalid_offsets;
  for (const InvalidSequence& bad : decoded->invalid) invalid_offsets.push_back(bad.offset);
  std::optional<size_t> first_replacement;
  for (size_t i = text.find(kReplacement); i != std::string::npos;
       i = text.find(kReplacement, i + 3)) {
    if (std::binary_search(invalid_offsets.begin(), invalid_offsets.end(), offsets.map(i)))
      continue;
    if (!check.replacement_chars++) first_replacement = offsets.map(i);
  }
  if (first_replacement) {
    problems.push_back(positions.at(
        *first_replacement, Severity::warning,
        fmt::format("{} U+FFFD replacement characters in the text: characters lost before this "
                    "file was written (first here)",
                    check.replacement_chars)));
  }

  // Line by line: length, mojibake, script.
  // Lines by script (those with Han characters), and the first line of each.
  size_t lines_by_script[3] = {0, 0, 0};
  size_t first_by_script[3] = {0, 0, 0};
  for (size_t l = 0; l < text_starts.size(); ++l) {
    const size_t start = text_starts[l];
    const size_t end = l + 1 < text_starts.size() ? text_starts[l + 1] - 1 : text.size();
    const std::string_view line(text.data() + start, end - start);
    const size_t original_length =
        (l + 1 < original_starts.size() ? original_starts[l + 1] : bytes.size()) -
        original_starts[l];
    if (original_length > options.max_line_bytes && !page) {
      problems.push_back({l + 1, 1, Severity::warning,
                          fmt::format("line is {} bytes long (over {})", original_length,
                                      options.max_line_bytes)});
    }
    if (const auto at = find_mojibake(line)) {
      if (check.mojibake_lines++ < options.max_listed) {
        problems.push_back(positions.at(offsets.map(start + *at), Severity::warning,
                                        fmt::format("likely mojibake (text decoded with the wrong "
                                                    "encoding): '{}'",
                                                    validate_text::excerpt(line.substr(*at), 12))));
      }
    }
    if (validate_text::has_han(line)) {
      const auto script = static_cast<size_t>(detect_script(line));
      if (!lines_by_script[script]++) first_by_script[script] = l + 1;
    }
  }
  if (check.mojibake_lines > options.max_listed) {
    problems.push_back({1, 1, Severity::warning,
                        fmt::format("{} more lines with likely mojibake not listed",
                                    check.mojibake_lines - options.max_listed)});
  }

  const Script script = detect_script(text);
  check.script = script_name(script);
  if (script == Script::mixed) {
    // Point at the first line of the minority script, else at the first mixed line.
    const size_t simplified = static_cast<size_t>(Script::simplified);
    const size_t traditional = static_cast<size_t>(Script::traditional);
    const size_t mixed = static_cast<size_t>(Script::mixed);
    const size_t minority =
        lines_by_script[simplified] < lines_by_script[traditional] ? simplified : traditional;
    const size_t line =
        lines_by_script[minority] ? first_by_script[minority] : first_by_script[mixed];
    problems.push_back(
        {std::max<size_t>(line, 1), 1, Severity::warning,
         fmt::format("mixed script: {} Simplified, {} Traditional and {} mixed lines",
                     lines_by_script[simplified], lines_by_script[traditional],
                     lines_by_script[mixed])});
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    problems.push_back({1, 1, Severity::warning, "no text (only whitespace)"});
  }
  std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
    return std::pair(a.line, a.column) < std::pair(b.line, b.column);
  });

  check.repairs = normalize(text).repairs;
  std::string repairs;
  for (const auto& [kind, count] : check.repairs) {
    repairs += fmt::format("{}{} {}", repairs.empty() ? "" : ", ", kind, count);
  }
  problems.push_back({1, 1, Severity::note,
                      fmt::format("encoding {}{}, script {}; repairs that would apply: {}",
                                  check.encoding, decoded->bom ? " (BOM)" : "", check.script,
                                  repairs.empty() ? "none" : repairs)});
  if (page) {
    problems.push_back(
        {1, 1, Severity::note,
         fmt::format("HTML page: the article is {}, title '{}' ({}), date '{}' ({})",
                     page->body.empty() ? "(none)" : page->body, page->title,
                     page->title_source.empty() ? "none" : page->title_source, page->date,
                     page->date_source.empty() ? "none" : page->date_source)});
  }
  return check;
}

}  // namespace zhreport
