// The zhstats state: text, one self-contained line per record, so that states can be
// concatenated and their lines shuffled or sorted (Hadoop Streaming sorts them) before a merge.
//
//   zhstats-state<TAB>1
//   totals<TAB>facts_read<TAB>documents_read<TAB>bad_lines_skipped<TAB>duplicate_documents
//         <TAB>duplicate_facts
//   document<TAB>IDENTITY<TAB>DOC<TAB>YEAR<TAB>HAS_RECORD(0|1)<TAB>N_REGIONS<TAB>REGION...
//           <TAB>N_METRICS then per metric: METRIC facts approx_facts sum sum_exact min max
//
// Fields escape backslash, tab, CR and LF as \\ \t \r \n. Sums are integers of millionths;
// min and max are written in the shortest form that reads back to the same double.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "stats_digits.h"
#include "zhreport/output.h"
#include "zhreport/stats.h"

namespace zhreport {

namespace {

constexpr std::string_view kVersionTag = "zhstats-state";
constexpr std::string_view kVersion = "1";

void append_field(std::string& out, std::string_view text) {
  out += '\t';
  append_tsv_field(out, text);
}

void append_int128(std::string& out, __int128 value) {
  out += '\t';
  append_int128_digits(out, value);
}

std::string unescaped(std::string_view field) {
  std::string text;
  text.reserve(field.size());
  for (size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\' || i + 1 == field.size()) {
      text += field[i];
      continue;
    }
    const char c = field[++i];
    text += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
  }
  return text;
}

// Reads the tab-separated fields of one line in order.
class FieldReader {
 public:
  explicit FieldReader(std::string_view line) : line_(line) {}
  bool next(std::string_view& field) {
    if (pos_ > line_.size()) return false;
    const size_t tab = std::min(line_.find('\t', pos_), line_.size());
    field = line_.substr(pos_, tab - pos_);
    pos_ = tab + 1;
    return true;
  }
  bool text(std::string& out) {
    std::string_view field;
    if (!next(field)) return false;
    out = unescaped(field);
    return true;
  }
  bool count(uint64_t& out) {
    std::string_view field;
    return next(field) && whole(field, out);
  }
  bool integer(__int128& out) {
    std::string_view field;
    if (!next(field) || field.empty()) return false;
    const bool negative = field[0] == '-';
    __int128 value = 0;
    for (size_t i = negative ? 1 : 0; i < field.size(); ++i) {
      if (field[i] < '0' || field[i] > '9' || i > 40) return false;
      value = value * 10 + (field[i] - '0');
    }
    out = negative ? -value : value;
    return field.size() > (negative ? 1u : 0u);
  }
  bool real(double& out) {
    std::string_view field;
    return next(field) && whole(field, out);
  }
  bool at_end() const { return pos_ > line_.size(); }

 private:
  template <typename Number>
  static bool whole(std::string_view field, Number& out) {
    const auto [ptr, ec] = std::from_chars(field.data(), field.data() + field.size(), out);
    return ec == std::errc() && ptr == field.data() + field.size() && !field.empty();
  }
  std::string_view line_;
  size_t pos_ = 0;
};

}  // namespace

std::string StatsAccumulator::serialize(const std::string& identity, const Document& document) {
  std::string line = "document";
  append_field(line, identity);
  append_field(line, document.doc);
  append_field(line, document.year);
  append_field(line, document.has_record ? "1" : "0");
  append_field(line, fmt::format("{}", document.regions.size()));
  for (const std::string& region : document.regions) append_field(line, region);
  append_field(line, fmt::format("{}", document.metrics.size()));
  for (const auto& [metric, totals] : document.metrics) {
    append_field(line, metric);
    fmt::format_to(std::back_inserter(line), "\t{}\t{}", totals.facts, totals.approx_facts);
    append_int128(line, totals.sum.micros);
    append_int128(line, totals.sum_exact.micros);
    line += '\t';
    append_number(line, totals.min);
    line += '\t';
    append_number(line, totals.max);
  }
  return line;
}

void StatsAccumulator::append_state(std::string& out) const {
  fmt::format_to(std::back_inserter(out), "{}\t{}\n", kVersionTag, kVersion);
  fmt::format_to(std::back_inserter(out), "totals\t{}\t{}\t{}\t{}\t{}\n", facts_read_,
                 documents_read_, bad_lines_skipped_, duplicate_documents_, duplicate_facts_);
  std::vector<std::string> lines;
  lines.reserve(documents_.size());
  for (const auto& [identity, document] : documents_)
    lines.push_back(serialize(identity, document));
  std::sort(lines.begin(), lines.end());
  for (const std::string& line : lines) {
    out += line;
    out += '\n';
  }
}

Result<bool> StatsAccumulator::merge_state(std::string_view state) {
  bool versioned = false;
  size_t line_number = 0;
  size_t pos = 0;
  while (pos < state.size()) {
    const size_t newline = std::min(state.find('\n', pos), state.size());
    std::string_view line = state.substr(pos, newline - pos);
    pos = newline + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    const auto bad = [&](std::string_view why) {
      return Error{ErrorCode::parse, fmt::format("line {}: {}", line_number, why)};
    };
    FieldReader fields(line);
    std::string_view tag;
    fields.next(tag);
    if (tag == kVersionTag) {
      std::string_view version;
      if (!fields.next(version) || version != kVersion || !fields.at_end()) {
        return bad(
            fmt::format("unsupported state version (this zhstats reads version {})", kVersion));
      }
      versioned = true;
    } else if (tag == "totals") {
      uint64_t counts[5];
      for (uint64_t& count : counts) {
        if (!fields.count(count)) return bad("malformed totals line");
      }
      if (!fields.at_end()) return bad("malformed totals line");
      facts_read_ += counts[0];
      documents_read_ += counts[1];
      bad_lines_skipped_ += counts[2];
      duplicate_documents_ += counts[3];
      duplicate_facts_ += counts[4];
    } else if (tag == "document") {
      std::string identity, has_record;
      Document document;
      uint64_t regions = 0, metrics = 0;
      bool ok = fields.text(identity) && fields.text(document.doc) && fields.text(document.year) &&
                fields.text(has_record) && fields.count(regions) && regions < line.size();
      for (uint64_t i = 0; ok && i < regions; ++i)
        ok = fields.text(document.regions.emplace_back());
      ok = ok && fields.count(metrics) && metrics < line.size();
      for (uint64_t i = 0; ok && i < metrics; ++i) {
        auto& [metric, totals] = document.metrics.emplace_back();
        ok = fields.text(metric) && fields.count(totals.facts) &&
             fields.count(totals.approx_facts) && fields.integer(totals.sum.micros) &&
             fields.integer(totals.sum_exact.micros) && fields.real(totals.min) &&
             fields.real(totals.max);
      }
      if (!ok || !fields.at_end() || (has_record != "0" && has_record != "1")) {
        return bad("malformed document line");
      }
      document.has_record = has_record == "1";
      keep(std::move(identity), std::move(document));
    } else {
      return bad(fmt::format("unknown record '{}'", tag.substr(0, 40)));
    }
  }
  if (!versioned) return Error{ErrorCode::parse, "not a zhstats state (no version line)"};
  return true;
}

}  // namespace zhreport
