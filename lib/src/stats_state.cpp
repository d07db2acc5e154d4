// The zhstats state: text, one self-contained line per record, so that states can be
// concatenated and their lines shuffled or sorted (Hadoop Streaming sorts them) before a merge.
//
//   zhstats-state<TAB>3
//   totals<TAB>facts_read<TAB>documents_read<TAB>bad_lines_skipped
//   doc<TAB>DOC<TAB>RECORDS<TAB>CONTENT_HASH<TAB>DATE<TAB>RECORD_FACTS<TAB>N_REGIONS<TAB>REGION...
//      <TAB>N_SERIES then per series: METRIC FROM FROM_PROVINCE TO TO_PROVINCE, the open group
//      (MEMBERS, then when MEMBERS > 0: LO VALUE EXACT), N_DATED, per dated group: LO HI MEMBERS
//      UNTIL VALUE EXACT
//
// A doc line is a fragment of a document: the lines of one DOC (from shards cut anywhere) are
// combined when merged. Fields escape backslash, tab, CR and LF as \\ \t \r \n; values are
// written in the shortest form that reads back to the same double.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <tuple>

#include "zhreport/output.h"
#include "zhreport/stats.h"

namespace zhreport {

namespace {

constexpr std::string_view kVersionTag = "zhstats-state";
constexpr std::string_view kVersion = "3";

void append_field(std::string& out, std::string_view text) {
  out += '\t';
  append_tsv_field(out, text);
}

// The runs between backslashes are copied whole: most fields have none, and a byte at a time
// this was a quarter of the instructions of a zhstats merge.
std::string unescaped(std::string_view field) {
  std::string text;
  text.reserve(field.size());
  for (size_t i = 0;;) {
    const size_t slash = std::min(field.find('\\', i), field.size());
    text.append(field.substr(i, slash - i));
    if (slash + 1 >= field.size()) {  // the end, or a backslash that ends the field: kept
      text.append(field.substr(slash));
      return text;
    }
    const char c = field[slash + 1];
    text += c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c;
    i = slash + 2;
  }
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
  // The field's text without a copy when it holds no escape (nearly every field), else
  // unescaped into `scratch`.
  bool text(std::string_view& out, std::string& scratch) {
    if (!next(out)) return false;
    if (out.find('\\') != std::string_view::npos) out = scratch = unescaped(out);
    return true;
  }
  bool count(uint64_t& out) {
    std::string_view field;
    return next(field) && whole(field, out);
  }
  bool day(int32_t& out) {
    std::string_view field;
    return next(field) && whole(field, out) && out >= 0;
  }
  bool real(double& out) {
    std::string_view field;
    if (!next(field)) return false;
    // Most values are whole numbers: up to 15 digits they are exact as integers, and the same
    // double as the decimal reading gives (which costs several times more).
    uint64_t integer = 0;
    if (field.size() <= 15 && whole(field, integer)) {
      out = static_cast<double>(integer);
      return true;
    }
    return whole(field, out);
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

std::string StatsAccumulator::serialize(const Document& document) const {
  std::string line = "doc";
  append_field(line, document.doc);
  fmt::format_to(std::back_inserter(line), "\t{}", document.records);
  append_field(line, document.content_hash);
  append_field(line, document.date);
  fmt::format_to(std::back_inserter(line), "\t{}\t{}", document.record_facts,
                 document.regions.size());
  for (const std::string& region : document.regions) append_field(line, region);
  std::vector<uint32_t> series(document.series.size());
  for (uint32_t i = 0; i < series.size(); ++i) series[i] = i;
  std::sort(series.begin(), series.end(), [&](uint32_t a, uint32_t b) {
    return series_less(document.series[a], document.series[b]);
  });
  fmt::format_to(std::back_inserter(line), "\t{}", series.size());
  const auto kept = [&](const Entry& e) {
    line += '\t';
    append_number(line, e.value);
    line += e.exact ? "\t1" : "\t0";
  };
  for (uint32_t i : series) {
    const Series& s = document.series[i];
    append_field(line, name(s.metric));
    append_field(line, name(s.from));
    append_field(line, name(s.from_province));
    append_field(line, name(s.to));
    append_field(line, name(s.to_province));
    auto e = std::find_if(document.entries.begin(), document.entries.end(),
                          [&](const Entry& entry) { return entry.series == i; });
    if (e != document.entries.end() && e->hi == 0) {
      fmt::format_to(std::back_inserter(line), "\t{}\t{}", e->members, e->lo);
      kept(*e++);
    } else {
      line += "\t0";
    }
    auto end = e;
    while (end != document.entries.end() && end->series == i) ++end;
    fmt::format_to(std::back_inserter(line), "\t{}", end - e);
    for (; e != end; ++e) {
      fmt::format_to(std::back_inserter(line), "\t{}\t{}\t{}\t{}", e->lo, e->hi, e->members,
                     e->until);
      kept(*e);
    }
  }
  return line;
}

void StatsAccumulator::append_state(std::string& out) const {
  fmt::format_to(std::back_inserter(out), "{}\t{}\n", kVersionTag, kVersion);
  fmt::format_to(std::back_inserter(out), "totals\t{}\t{}\t{}\n", facts_read_, documents_read_,
                 bad_lines_skipped_);
  // Lines sorted: a line is "doc<TAB>ID<TAB>...", ids are unique, so the order is that of the
  // escaped id followed by a tab. Each line is written straight into `out`.
  std::vector<std::pair<std::string, const Document*>> order;
  order.reserve(documents_.size());
  for (const auto& [id, document] : documents_) {
    std::string key;
    append_tsv_field(key, id);
    key += '\t';
    order.emplace_back(std::move(key), &document);
  }
  std::sort(order.begin(), order.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [key, document] : order) {
    out += serialize(*document);
    out += '\n';
  }
}

Result<bool> StatsAccumulator::merge_state(std::string_view state) {
  size_t line_number = 0;
  size_t pos = 0;
  while (pos < state.size()) {
    const size_t newline = std::min(state.find('\n', pos), state.size());
    const auto merged = merge_state_line(state.substr(pos, newline - pos), ++line_number);
    if (!merged) return merged;
    pos = newline + 1;
  }
  return finish_merge();
}

Result<bool> StatsAccumulator::finish_merge() const {
  if (!versioned_) return Error{ErrorCode::parse, "not a zhstats state (no version line)"};
  return true;
}

Result<bool> StatsAccumulator::merge_state_line(std::string_view line, size_t line_number) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.empty()) return true;
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
    versioned_ = true;
  } else if (tag == "totals") {
    uint64_t counts[3];
    for (uint64_t& count : counts) {
      if (!fields.count(count)) return bad("malformed totals line");
    }
    if (!fields.at_end()) return bad("malformed totals line");
    facts_read_ += counts[0];
    documents_read_ += counts[1];
    bad_lines_skipped_ += counts[2];
  } else if (tag == "doc") {
    Document document;
    std::string_view id, name;
    std::string id_scratch, name_scratch;
    uint64_t records = 0, regions = 0, series = 0;
    bool ok = fields.text(id, id_scratch) && fields.count(records) && records < (1u << 31) &&
              fields.text(document.content_hash) && fields.text(document.date) &&
              fields.count(document.record_facts) && fields.count(regions) && regions < line.size();
    if (ok) document.regions.reserve(regions);
    for (uint64_t i = 0; ok && i < regions; ++i) ok = fields.text(document.regions.emplace_back());
    ok = ok && std::is_sorted(document.regions.begin(), document.regions.end()) &&
         fields.count(series) && series < line.size();
    if (ok) document.series.reserve(series);
    const auto kept = [&](Entry& e) {
      std::string_view exact;
      if (!fields.real(e.value) || !fields.next(exact) || (exact != "0" && exact != "1"))
        return false;
      e.exact = exact == "1";
      return true;
    };
    const auto members = [&](uint32_t& out) {
      uint64_t n = 0;
      if (!fields.count(n) || n > UINT32_MAX) return false;
      out = static_cast<uint32_t>(n);
      return true;
    };
    const auto interned = [&](uint32_t& out) {
      if (!fields.text(name, name_scratch)) return false;
      out = intern(name);
      return true;
    };
    bool distinct_series = true;  // as a state written by append_state has them
    for (uint32_t i = 0; ok && i < series; ++i) {
      Series& s = document.series.emplace_back();
      uint64_t dated = 0;
      Entry open;
      open.series = i;
      ok = interned(s.metric) && interned(s.from) && interned(s.from_province) && interned(s.to) &&
           interned(s.to_province) && members(open.members);
      any_cross_ = any_cross_ || s.from != 0 || s.to != 0;
      distinct_series =
          distinct_series && std::find(document.series.begin(), document.series.end() - 1, s) ==
                                 document.series.end() - 1;
      if (ok && open.members > 0) {
        ok = fields.day(open.lo) && kept(open);
        document.entries.push_back(open);
      }
      ok = ok && fields.count(dated) && dated < line.size();
      int32_t previous_hi = -1;
      for (uint64_t j = 0; ok && j < dated; ++j) {
        Entry e;
        e.series = i;
        ok = fields.day(e.lo) && fields.day(e.hi) && members(e.members) && fields.day(e.until) &&
             kept(e) && e.members > 0 && e.hi > 0 && e.lo <= e.hi && previous_hi < e.lo;
        previous_hi = e.hi;
        document.entries.push_back(e);
      }
    }
    if (!ok || !fields.at_end()) return bad("malformed document line");
    document.records = static_cast<uint32_t>(records);
    last_ = nullptr;
    // The first fragment of an id (in a merge of shards cut at document boundaries, the only
    // one) is taken as parsed: its entries are already folded, sorted and disjoint, so adding
    // them one by one to an empty document would rebuild the same entries (a third of the
    // merge's instructions).
    if (distinct_series && documents_.find(id) == documents_.end()) {
      document.doc = id;
      std::string key(id);
      documents_.try_emplace(std::move(key), std::move(document));
      return true;
    }
    combine(this->document(id), std::move(document));
    last_ = nullptr;
  } else {
    return bad(fmt::format("unknown record '{}'", tag.substr(0, 40)));
  }
  return true;
}

}  // namespace zhreport
