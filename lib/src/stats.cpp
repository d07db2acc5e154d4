#include "zhreport/stats.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

#include "stats_digits.h"
#include "zhreport/output.h"

namespace zhreport {

namespace {

constexpr std::array<std::pair<Dimension, std::string_view>, 4> kDimensionNames = {{
    {Dimension::metric, "metric"},
    {Dimension::year, "year"},
    {Dimension::region, "region"},
    {Dimension::doc, "doc"},
}};
constexpr std::string_view kNone = "(none)";

// Position of a metric in the vocabulary, so tables list metrics in the spec's order.
size_t metric_rank(std::string_view metric) {
  return static_cast<size_t>(std::find(kMetrics.begin(), kMetrics.end(), metric) -
                             kMetrics.begin());
}

std::string year_of(std::string_view date) {
  if (date.size() < 4 ||
      !std::all_of(date.begin(), date.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) {
    return {};
  }
  return std::string(date.substr(0, 4));
}

}  // namespace

std::string_view dimension_name(Dimension d) {
  for (const auto& [dimension, name] : kDimensionNames) {
    if (dimension == d) return name;
  }
  return "metric";
}

Result<std::vector<Dimension>> parse_dimensions(std::string_view comma_separated) {
  std::vector<Dimension> dimensions;
  size_t pos = 0;
  while (pos <= comma_separated.size()) {
    const size_t comma = std::min(comma_separated.find(',', pos), comma_separated.size());
    const std::string_view name = comma_separated.substr(pos, comma - pos);
    const auto known = std::find_if(kDimensionNames.begin(), kDimensionNames.end(),
                                    [&](const auto& entry) { return entry.second == name; });
    if (known == kDimensionNames.end()) {
      return Error{ErrorCode::invalid_argument,
                   fmt::format("unknown grouping '{}' (known: metric, year, region, doc)", name)};
    }
    if (std::find(dimensions.begin(), dimensions.end(), known->first) != dimensions.end()) {
      return Error{ErrorCode::invalid_argument, fmt::format("grouping '{}' given twice", name)};
    }
    dimensions.push_back(known->first);
    pos = comma + 1;
  }
  return dimensions;
}

// ----------------------------------------------------------------------------- sums

ExactSum ExactSum::of(double value) {
  if (!std::isfinite(value)) return {};
  constexpr double kLimit = 1e30;  // far beyond any count; keeps the __int128 conversion defined
  value = std::clamp(value, -kLimit, kLimit);
  double whole;
  const double fraction = std::modf(value, &whole);
  return {static_cast<__int128>(whole) * 1000000 + std::llround(fraction * 1e6)};
}

void append_decimal(std::string& out, ExactSum sum) {
  const __int128 whole = sum.micros / 1000000;
  const auto fraction =
      static_cast<unsigned>(sum.micros < 0 ? -(sum.micros % 1000000) : sum.micros % 1000000);
  if (whole == 0 && sum.micros < 0) out += '-';  // -0.25: the whole part alone has no sign
  append_int128_digits(out, whole);
  if (fraction == 0) return;
  std::string decimals = fmt::format("{:06}", fraction);
  decimals.erase(decimals.find_last_not_of('0') + 1);
  out += '.';
  out += decimals;
}

void Totals::add(const Fact& fact) {
  min = facts == 0 ? fact.value : std::min(min, fact.value);
  max = facts == 0 ? fact.value : std::max(max, fact.value);
  ++facts;
  const ExactSum value = ExactSum::of(fact.value);
  sum += value;
  if (fact.qualifier == Qualifier::exact) {
    sum_exact += value;
  } else {
    ++approx_facts;
  }
}

void Totals::add(const Totals& other) {
  if (other.facts == 0) return;
  min = facts == 0 ? other.min : std::min(min, other.min);
  max = facts == 0 ? other.max : std::max(max, other.max);
  facts += other.facts;
  approx_facts += other.approx_facts;
  sum += other.sum;
  sum_exact += other.sum_exact;
}

// ----------------------------------------------------------------------------- accumulating

uint64_t StatsAccumulator::Document::facts() const {
  uint64_t n = 0;
  for (const auto& [metric, totals] : metrics) n += totals.facts;
  return n;
}

void StatsAccumulator::start(std::string_view doc) {
  end_input();
  current_ = Document{};
  current_.doc = doc;
  current_hash_.clear();
  open_ = true;
}

void StatsAccumulator::add(const Fact& fact) {
  ++facts_read_;
  if (!open_ || fact.doc != current_.doc) start(fact.doc);
  auto& metrics = current_.metrics;
  auto it = std::find_if(metrics.begin(), metrics.end(),
                         [&](const auto& entry) { return entry.first == fact.metric; });
  if (it == metrics.end()) it = metrics.insert(metrics.end(), {fact.metric, Totals{}});
  it->second.add(fact);
}

void StatsAccumulator::add(const DocumentRecord& document) {
  ++documents_read_;
  // A second record for the same id is a second copy of the document.
  if (!open_ || document.doc != current_.doc || current_.has_record) start(document.doc);
  current_.has_record = true;
  current_.year = year_of(document.date);
  current_.regions = document.regions;
  std::sort(current_.regions.begin(), current_.regions.end());
  current_.regions.erase(std::unique(current_.regions.begin(), current_.regions.end()),
                         current_.regions.end());
  current_hash_ = document.content_hash;
}

void StatsAccumulator::end_input() {
  if (!open_) return;
  open_ = false;
  current_.metrics.shrink_to_fit();  // kept per document: growth slack would double memory
  std::sort(current_.metrics.begin(), current_.metrics.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string identity = current_hash_.empty() ? "doc:" + current_.doc : "hash:" + current_hash_;
  keep(std::move(identity), std::move(current_));
}

void StatsAccumulator::keep(std::string identity, Document document) {
  auto [it, inserted] = documents_.try_emplace(std::move(identity), std::move(document));
  if (inserted) return;
  Document& kept = it->second;
  // The same report twice: keep the smaller id (ties broken by content) whatever the order.
  const bool replace = document.doc != kept.doc
                           ? document.doc < kept.doc
                           : serialize(it->first, document) < serialize(it->first, kept);
  Document& dropped = replace ? kept : document;
  ++duplicate_documents_;
  duplicate_facts_ += dropped.facts();
  if (replace) std::swap(kept, document);
}

StatsSummary StatsAccumulator::summary() const {
  StatsSummary s;
  s.facts_read = facts_read_;
  s.documents_read = documents_read_;
  s.bad_lines_skipped = bad_lines_skipped_;
  s.duplicate_documents = duplicate_documents_;
  s.duplicate_facts = duplicate_facts_;
  s.documents = documents_.size();
  for (const auto& [identity, document] : documents_) {
    const uint64_t facts = document.facts();
    s.facts += facts;
    if (!document.has_record) s.facts_without_record += facts;
  }
  return s;
}

// ----------------------------------------------------------------------------- the table

StatsTable StatsAccumulator::table(const std::vector<Dimension>& by) const {
  // Groups are collected under a flat key (the parts joined by NUL, which no id contains) and
  // sorted once at the end: the per-document work stays a hash lookup.
  struct Group {
    StatsRow row;
    const Document* last_document = nullptr;  // counts each document once per group
  };
  std::unordered_map<std::string, Group> groups;
  const std::vector<std::string> no_region = {std::string(kNone)};
  const bool by_region = std::find(by.begin(), by.end(), Dimension::region) != by.end();
  std::string key;
  for (const auto& [identity, document] : documents_) {
    const auto& regions = document.regions.empty() ? no_region : document.regions;
    for (const auto& [metric, totals] : document.metrics) {
      for (size_t r = 0; r < (by_region ? regions.size() : 1); ++r) {
        key.clear();
        for (Dimension d : by) {
          switch (d) {
            case Dimension::metric:
              key += metric;
              break;
            case Dimension::year:
              key += document.year.empty() ? kNone : document.year;
              break;
            case Dimension::region:
              key += regions[r];
              break;
            case Dimension::doc:
              key += document.doc;
              break;
          }
          key += '\0';
        }
        Group& group = groups[key];
        group.row.totals.add(totals);
        if (group.last_document != &document) {
          group.last_document = &document;
          ++group.row.docs;
        }
      }
    }
  }
  StatsTable table{by, {}};
  table.rows.reserve(groups.size());
  for (auto& [flat, group] : groups) {
    for (size_t start = 0, end; (end = flat.find('\0', start)) != std::string::npos;
         start = end + 1) {
      group.row.keys.push_back(flat.substr(start, end - start));
    }
    table.rows.push_back(std::move(group.row));
  }
  // Metrics in vocabulary order, everything else bytewise.
  std::vector<size_t> metric_column;
  for (size_t i = 0; i < by.size(); ++i) {
    if (by[i] == Dimension::metric) metric_column.push_back(i);
  }
  std::sort(table.rows.begin(), table.rows.end(), [&](const StatsRow& a, const StatsRow& b) {
    for (size_t i = 0; i < a.keys.size(); ++i) {
      if (a.keys[i] == b.keys[i]) continue;
      if (!metric_column.empty() && metric_column[0] == i &&
          metric_rank(a.keys[i]) != metric_rank(b.keys[i])) {
        return metric_rank(a.keys[i]) < metric_rank(b.keys[i]);
      }
      return a.keys[i] < b.keys[i];
    }
    return false;
  });
  return table;
}

// ----------------------------------------------------------------------------- writers

namespace {

constexpr std::array<std::string_view, 7> kValueColumns = {
    "facts", "docs", "sum", "sum_exact", "approx_facts", "min", "max"};

// The value cells of a row, formatted once for every writer.
std::array<std::string, 7> value_cells(const StatsRow& row) {
  std::array<std::string, 7> cells;
  cells[0] = fmt::format("{}", row.totals.facts);
  cells[1] = fmt::format("{}", row.docs);
  append_decimal(cells[2], row.totals.sum);
  append_decimal(cells[3], row.totals.sum_exact);
  cells[4] = fmt::format("{}", row.totals.approx_facts);
  append_number(cells[5], row.totals.min);
  append_number(cells[6], row.totals.max);
  return cells;
}

std::vector<std::string_view> header(const StatsTable& table) {
  std::vector<std::string_view> names;
  for (Dimension d : table.by) names.push_back(dimension_name(d));
  names.insert(names.end(), kValueColumns.begin(), kValueColumns.end());
  return names;
}

void append_markdown_cell(std::string& out, std::string_view text) {
  for (char c : text) {
    if (c == '|') out += '\\';
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
}

}  // namespace

void append_csv(std::string& out, const StatsTable& table) {
  const auto names = header(table);
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += ',';
    out += names[i];
  }
  out += '\n';
  for (const StatsRow& row : table.rows) {
    for (const std::string& key : row.keys) {
      append_csv_field(out, key);
      out += ',';
    }
    const auto cells = value_cells(row);
    for (size_t i = 0; i < cells.size(); ++i) {
      if (i) out += ',';
      out += cells[i];
    }
    out += '\n';
  }
}

void append_markdown(std::string& out, const StatsTable& table) {
  const auto names = header(table);
  out += '|';
  for (std::string_view name : names) fmt::format_to(std::back_inserter(out), " {} |", name);
  out += "\n|";
  for (size_t i = 0; i < names.size(); ++i) out += i < table.by.size() ? "---|" : "---:|";
  out += '\n';
  for (const StatsRow& row : table.rows) {
    out += '|';
    for (const std::string& key : row.keys) {
      out += ' ';
      append_markdown_cell(out, key);
      out += " |";
    }
    for (const std::string& cell : value_cells(row))
      fmt::format_to(std::back_inserter(out), " {} |", cell);
    out += '\n';
  }
}

void append_json(std::string& out, const StatsTable& table, const StatsSummary& summary) {
  JsonObjectWriter object(out);
  object.key("by");
  out += '[';
  for (size_t i = 0; i < table.by.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, dimension_name(table.by[i]));
  }
  out += ']';
  object.key("rows");
  out += '[';
  for (size_t r = 0; r < table.rows.size(); ++r) {
    if (r) out += ',';
    const StatsRow& row = table.rows[r];
    JsonObjectWriter cells(out);
    for (size_t i = 0; i < table.by.size(); ++i)
      cells.string(dimension_name(table.by[i]), row.keys[i]);
    const auto values = value_cells(row);
    for (size_t i = 0; i < values.size(); ++i) {
      cells.key(kValueColumns[i]);
      out += values[i];  // already a JSON number
    }
    cells.close();
  }
  out += ']';
  object.key("summary");
  JsonObjectWriter totals(out);
  totals.count("facts_read", summary.facts_read);
  totals.count("documents_read", summary.documents_read);
  totals.count("bad_lines_skipped", summary.bad_lines_skipped);
  totals.count("duplicate_documents", summary.duplicate_documents);
  totals.count("duplicate_facts", summary.duplicate_facts);
  totals.count("facts_without_record", summary.facts_without_record);
  totals.count("documents", summary.documents);
  totals.count("facts", summary.facts);
  totals.close();
  object.close();
  out += '\n';
}

}  // namespace zhreport
