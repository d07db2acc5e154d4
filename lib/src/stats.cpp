#include "zhreport/stats.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <tuple>
#include <unordered_map>

#include "stats_digits.h"
#include "stats_fold.h"
#include "zhreport/output.h"
#include "zhreport/places.h"

namespace zhreport {

using Group = StatsAccumulator::Group;
using Kept = StatsAccumulator::Kept;

namespace {

constexpr std::array<std::pair<Dimension, std::string_view>, 8> kDimensionNames = {{
    {Dimension::metric, "metric"},
    {Dimension::year, "year"},
    {Dimension::region, "region"},
    {Dimension::doc, "doc"},
    {Dimension::to, "to"},
    {Dimension::from, "from"},
    {Dimension::to_province, "to_province"},
    {Dimension::from_province, "from_province"},
}};
constexpr std::string_view kNone = "(none)";

// Position of a metric in the vocabulary, so tables list metrics in the spec's order.
size_t metric_rank(std::string_view metric) {
  return static_cast<size_t>(std::find(kMetrics.begin(), kMetrics.end(), metric) -
                             kMetrics.begin());
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
                   fmt::format("unknown grouping '{}' (known: metric, year, region, doc, to, from, "
                               "to_province, from_province)",
                               name)};
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
  // Nearly every value is a whole number: nothing to round (modf and llround were a third of
  // the table's instructions).
  if (std::fabs(value) < 9e15) {
    const auto whole = static_cast<int64_t>(value);
    if (static_cast<double>(whole) == value) return {static_cast<__int128>(whole) * 1000000};
  }
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

void Totals::add(double value, bool exact, uint64_t folded_facts) {
  min = facts == 0 ? value : std::min(min, value);
  max = facts == 0 ? value : std::max(max, value);
  ++facts;
  folded += folded_facts;
  const ExactSum exact_value = ExactSum::of(value);
  sum += exact_value;
  if (exact) {
    sum_exact += exact_value;
  } else {
    ++approx_facts;
  }
}

void Totals::add(const Totals& other) {
  if (other.facts == 0) return;
  min = facts == 0 ? other.min : std::min(min, other.min);
  max = facts == 0 ? other.max : std::max(max, other.max);
  facts += other.facts;
  folded += other.folded;
  approx_facts += other.approx_facts;
  sum += other.sum;
  sum_exact += other.sum_exact;
}

// ----------------------------------------------------------------------------- accumulating

uint64_t StatsAccumulator::Document::facts() const {
  uint64_t n = 0;
  for (const Entry& e : entries) n += e.members;
  return n;
}

namespace {

Group group_of(const StatsAccumulator::Entry& e) {
  return {e.lo, e.hi, e.members, {e.until, 0, e.value, e.exact, 0}};
}

StatsAccumulator::Entry entry_of(uint32_t series, const Group& g) {
  return {series,
          g.lo,
          g.hi,
          g.kept.until,
          static_cast<uint32_t>(std::min<uint64_t>(g.members, UINT32_MAX)),
          g.kept.exact,
          g.kept.value};
}

}  // namespace

void StatsAccumulator::Document::add(uint32_t series, const Group& g) {
  auto first = entries.begin();
  while (first != entries.end() && first->series < series) ++first;
  auto last = first;
  while (last != entries.end() && last->series == series) ++last;
  if (g.hi == 0) {  // the open group
    if (first != last && first->hi == 0) {
      Group open = group_of(*first);
      stats_fold::absorb(open, g);
      *first = entry_of(series, open);
    } else {
      entries.insert(first, entry_of(series, g));
    }
    return;
  }
  if (first != last && first->hi == 0) ++first;
  // The dated groups it overlaps (disjoint and sorted by lo, so sorted by hi too).
  while (first != last && first->hi < g.lo) ++first;
  auto end = first;
  Group merged = g;
  while (end != last && end->lo <= g.hi) stats_fold::absorb(merged, group_of(*end++));
  if (first == end) {
    entries.insert(first, entry_of(series, merged));
    return;
  }
  *first = entry_of(series, merged);
  entries.erase(first + 1, end);
}

StatsAccumulator::Document& StatsAccumulator::document(std::string_view doc) {
  // The document left behind is most likely complete: drop its growth slack (kept per
  // document, it would double the memory).
  if (last_ && last_->series.capacity() > last_->series.size()) last_->series.shrink_to_fit();
  if (last_ && last_->entries.capacity() > last_->entries.size()) last_->entries.shrink_to_fit();
  auto it = documents_.find(doc);
  if (it == documents_.end()) {
    it = documents_.try_emplace(std::string(doc)).first;
    it->second.doc = doc;
  }
  last_ = &it->second;
  return it->second;
}

uint32_t StatsAccumulator::intern(std::string_view text) {
  if (text.empty()) return 0;
  // A merge interns three names a series, a few dozen distinct ones over and over: a slot by
  // length and last bytes answers most without hashing the name.
  const size_t n = text.size();
  uint32_t& cached = name_cache_[(n * 131 + static_cast<unsigned char>(text[n - 1]) * 7 +
                                  static_cast<unsigned char>(text[n / 2])) %
                                 name_cache_.size()];
  if (names_[cached] == text) return cached;
  if (const auto known = name_ids_.find(text); known != name_ids_.end()) {
    return cached = known->second;
  }
  const auto id = static_cast<uint32_t>(names_.size());
  names_.emplace_back(text);
  name_ids_.emplace(names_.back(), id);
  return cached = id;
}

bool StatsAccumulator::series_less(const Series& a, const Series& b) const {
  return std::tie(name(a.metric), name(a.from), name(a.from_province), name(a.to),
                  name(a.to_province)) < std::tie(name(b.metric), name(b.from),
                                                  name(b.from_province), name(b.to),
                                                  name(b.to_province));
}

void StatsAccumulator::add(const Fact& fact) {
  ++facts_read_;
  Document& d = last_ && last_->doc == fact.doc ? *last_ : document(fact.doc);
  // Most facts repeat the previous fact's places: compare before hashing.
  const uint32_t from = fact.from.empty()               ? 0
                        : name(last_from_) == fact.from ? last_from_
                                                        : (last_from_ = intern(fact.from));
  const uint32_t to = fact.to.empty()             ? 0
                      : name(last_to_) == fact.to ? last_to_
                                                  : (last_to_ = intern(fact.to));
  // (their provinces as the previous fact's, again most often)
  const auto province = [&](const std::string& side, const std::string& stated, uint32_t& last) {
    const std::string_view p = side_province(side, stated);
    return p.empty() ? 0 : name(last) == p ? last : (last = intern(p));
  };
  const uint32_t from_province = province(fact.from, fact.from_province, last_from_province_);
  const uint32_t to_province = province(fact.to, fact.to_province, last_to_province_);
  uint32_t& cached =
      metric_cache_[(fact.metric.size() * 31 + (fact.metric.empty() ? 0 : fact.metric[0])) %
                    metric_cache_.size()];
  if (name(cached) != fact.metric) cached = intern(fact.metric);
  const uint32_t metric = cached;
  const Series fact_series{metric, from, to, from_province, to_province};
  auto series = std::find(d.series.begin(), d.series.end(), fact_series);
  if (series == d.series.end()) {
    any_cross_ = any_cross_ || from != 0 || to != 0;
    series = d.series.insert(d.series.end(), fact_series);
  }
  const int32_t until = fact.until.empty() ? 0 : stats_fold::last_day(fact.until);
  const int32_t since = fact.since.empty() ? 0 : stats_fold::first_day(fact.since);
  const Kept kept{until, 0, fact.value, fact.qualifier == Qualifier::exact, 0};
  // Without an until the period ends at the document's date, which may come later (or in
  // another shard): the open group.
  d.add(static_cast<uint32_t>(series - d.series.begin()),
        Group{until == 0 ? since : std::min(since, until), until, 1, kept});
}

namespace {

auto record_key(const StatsAccumulator::Document& d) {
  return std::tie(d.content_hash, d.date, d.regions, d.record_facts);
}

}  // namespace

void StatsAccumulator::add(const DocumentRecord& record) {
  ++documents_read_;
  Document copy;
  copy.records = 1;
  copy.content_hash = record.content_hash;
  copy.date = record.date;
  copy.regions = record.regions;
  std::sort(copy.regions.begin(), copy.regions.end());
  copy.regions.erase(std::unique(copy.regions.begin(), copy.regions.end()), copy.regions.end());
  copy.record_facts = record.facts;
  combine(document(record.doc), std::move(copy));
}

void StatsAccumulator::combine(Document& into, Document&& from) const {
  if (from.records > 0 && (into.records == 0 || record_key(from) < record_key(into))) {
    // Two records for one id: the same choice whatever the order they come in.
    into.content_hash = std::move(from.content_hash);
    into.date = std::move(from.date);
    into.regions = std::move(from.regions);
    into.record_facts = from.record_facts;
  }
  into.records += from.records;
  std::vector<uint32_t> index(from.series.size());
  for (size_t i = 0; i < from.series.size(); ++i) {
    const Series& s = from.series[i];
    auto series = std::find(into.series.begin(), into.series.end(), s);  // one name table
    if (series == into.series.end()) series = into.series.insert(into.series.end(), s);
    index[i] = static_cast<uint32_t>(series - into.series.begin());
  }
  for (const Entry& e : from.entries) into.add(index[e.series], group_of(e));
}

// ----------------------------------------------------------------------------- resolving

namespace {

using Document = StatsAccumulator::Document;
using Series = StatsAccumulator::Series;

// A kept fact, as the table counts it.
struct Quantity {
  uint32_t doc;  // index into Resolver::documents
  const Series* series;
  int32_t until;  // 0 when unknown: no year
  double value;
  bool exact;
  uint64_t folded;
};

// How many copies of one report an id holds: one per document record, or the multiple of the
// record's fact count read.
uint64_t copies_of(const Document& d, uint64_t facts) {
  uint64_t copies = std::max<uint64_t>(d.records, 1);
  if (d.record_facts > 0 && facts % d.record_facts == 0)
    copies = std::max(copies, facts / d.record_facts);
  return copies;
}

bool cross_document(const Series& s) { return s.from != 0 || s.to != 0; }

// Turns the documents into kept facts, visited in document order (so that a group's distinct
// documents can be counted by comparing with the last one). Two passes over the documents:
// the first folds the cross-document series (keeping only their groups), the second visits
// every document's own kept facts together with the cross-document ones it holds.
class Resolver {
 public:
  std::vector<const Document*> documents;  // kept
  uint64_t duplicate_documents = 0;
  uint64_t duplicate_facts = 0;

  explicit Resolver(const StatsAccumulator::Documents& all_documents) {
    // The same report under several ids: the smallest id is kept. (Ids are unique here, so a
    // document without a hash is never a copy.) No order depends on the map's: the kept fact
    // of a tie is chosen by id too.
    std::unordered_map<std::string_view, const Document*> hashes;
    hashes.reserve(all_documents.size());
    for (const auto& [id, d] : all_documents) {
      if (d.records == 0 || d.content_hash.empty()) continue;
      auto [it, inserted] = hashes.try_emplace(d.content_hash, &d);
      if (!inserted && d.doc < it->second->doc) it->second = &d;
    }
    documents.reserve(all_documents.size());
    for (const auto& [id, d] : all_documents) {
      if (d.records == 0 || d.content_hash.empty() || hashes[d.content_hash] == &d) {
        documents.push_back(&d);
      } else {
        const uint64_t facts = d.facts();
        duplicate_documents += copies_of(d, facts);
        duplicate_facts += facts;
      }
    }
  }

  // Calls visit_quantity(const Quantity&) for every kept fact. any_cross: whether any series
  // has a from or a to (else the first pass is skipped).
  template <typename Visit>
  void visit(bool any_cross, Visit&& visit_quantity) {
    struct KeyHash {
      size_t operator()(const std::array<uint32_t, 5>& k) const {
        return std::hash<uint64_t>()(
            ((uint64_t{k[0]} << 32 | k[1]) * 0x9E3779B97F4A7C15ULL ^ k[2]) ^
            (uint64_t{k[3]} << 32 | k[4]) * 0xC2B2AE3D27D4EB4FULL);
      }
    };
    struct Shared {
      const Series* series;
      std::vector<Group> groups;
    };
    std::unordered_map<std::array<uint32_t, 5>, Shared, KeyHash> shared;
    for (uint32_t i = 0; i < (any_cross ? documents.size() : 0); ++i) {
      groups_of(i, [&](const Series& s, const Group& g, bool cross) {
        if (!cross) return;
        Shared& series = shared
                             .try_emplace({s.metric, s.from, s.to, s.from_province, s.to_province},
                                          Shared{&s, {}})
                             .first->second;
        stats_fold::insert(series.groups, g, [&](uint32_t a, uint32_t b) {
          return documents[a]->doc < documents[b]->doc;
        });
      });
    }
    std::vector<Quantity> cross;
    for (const auto& [key, series] : shared) {
      for (const Group& g : series.groups) cross.push_back(quantity(series.series, g));
    }
    shared.clear();
    std::sort(cross.begin(), cross.end(),
              [](const Quantity& a, const Quantity& b) { return a.doc < b.doc; });
    auto next = cross.begin();
    for (uint32_t i = 0; i < documents.size(); ++i) {
      for (; next != cross.end() && next->doc == i; ++next) visit_quantity(*next);
      uint64_t members = 0, facts = 0;
      const uint64_t copies = groups_of(
          i,
          [&](const Series& s, const Group& g, bool cross_doc) {
            members += g.members;
            if (!cross_doc) visit_quantity(quantity(&s, g));
          },
          &facts);
      duplicate_documents += copies - 1;
      duplicate_facts += facts - members;
    }
  }

 private:
  static Quantity quantity(const Series* series, const Group& g) {
    return {g.kept.doc, series, g.kept.until, g.kept.value, g.kept.exact, g.members - 1};
  }

  // Calls f(series, group, cross_document) for every group of document i, its periods
  // resolved against the document's date and its copies counted once; returns the copies.
  template <typename F>
  uint64_t groups_of(uint32_t i, F&& f, uint64_t* facts_out = nullptr) {
    const Document& d = *documents[i];
    const uint64_t facts = d.facts();
    if (facts_out) *facts_out = facts;
    const uint64_t copies = copies_of(d, facts);
    const int32_t date = d.records > 0 ? stats_fold::last_day(d.date) : 0;
    for (auto e = d.entries.begin(); e != d.entries.end();) {
      const Series& s = d.series[e->series];
      Group open{0, 0, 0, {}};
      if (e->hi == 0) open = group_of(*e++);
      groups_.clear();
      for (; e != d.entries.end() && &d.series[e->series] == &s; ++e)
        groups_.push_back(group_of(*e));
      if (open.members > 0 && date > 0) {
        open.lo = std::min(open.lo, date);
        open.hi = date;
        open.kept.until = date;
        stats_fold::insert(groups_, open);
        open.members = 0;
      }
      for (Group& g : groups_) {
        g.members = (g.members + copies - 1) / copies;  // each copy restates every fact
        g.kept.doc = i;
        g.kept.doc_date = date;
        f(s, g, cross_document(s));
      }
      if (open.members > 0) {  // no period known: stays apart, within its document
        open.members = (open.members + copies - 1) / copies;
        open.kept.doc = i;
        f(s, open, false);
      }
    }
    return copies;
  }

  std::vector<Group> groups_;
};

void append_year(std::string& key, int32_t day) {
  if (day <= 0) {
    key += kNone;
    return;
  }
  const int year = day / 10000;
  const char digits[4] = {
      static_cast<char>('0' + year / 1000 % 10), static_cast<char>('0' + year / 100 % 10),
      static_cast<char>('0' + year / 10 % 10), static_cast<char>('0' + year % 10)};
  key.append(digits, 4);
}

std::string_view or_none(std::string_view text) { return text.empty() ? kNone : text; }

}  // namespace

StatsSummary StatsAccumulator::summary() const {
  StatsSummary s;
  table({}, s);
  return s;
}

StatsTable StatsAccumulator::table(const std::vector<Dimension>& by) const {
  StatsSummary s;
  return table(by, s);
}

// ----------------------------------------------------------------------------- the table

StatsTable StatsAccumulator::table(const std::vector<Dimension>& by, StatsSummary& summary) const {
  Resolver resolver(documents_);
  // Groups are collected under a flat key (the parts joined by NUL, which no id contains) and
  // sorted once at the end: the per-fact work stays a hash lookup.
  struct Row {
    StatsRow row;
    uint32_t last_document = UINT32_MAX;  // counts each document once per group
  };
  std::unordered_map<std::string, Row> rows;
  const std::vector<std::string> no_region = {std::string(kNone)};
  const bool by_region = std::find(by.begin(), by.end(), Dimension::region) != by.end();
  StatsTable table{by, {}, {}};
  summary = StatsSummary{};
  uint32_t last_document = UINT32_MAX;
  std::string key;
  resolver.visit(any_cross_, [&](const Quantity& q) {
    const Document& document = *resolver.documents[q.doc];
    table.total.totals.add(q.value, q.exact, q.folded);
    if (last_document != q.doc) ++table.total.docs;
    last_document = q.doc;
    summary.facts_without_record += document.records == 0;
    summary.facts_without_to += q.series->to == 0;
    summary.facts_without_year += q.until == 0;
    if (by.empty()) return;
    const auto& regions = document.regions.empty() ? no_region : document.regions;
    for (size_t r = 0; r < (by_region ? regions.size() : 1); ++r) {
      key.clear();
      for (Dimension d : by) {
        switch (d) {
          case Dimension::metric:
            key += name(q.series->metric);
            break;
          case Dimension::year:
            append_year(key, q.until);
            break;
          case Dimension::region:
            key += regions[r];
            break;
          case Dimension::doc:
            key += document.doc;
            break;
          case Dimension::to:
            key += or_none(name(q.series->to));
            break;
          case Dimension::from:
            key += or_none(name(q.series->from));
            break;
          case Dimension::to_province:
            key += or_none(name(q.series->to_province));
            break;
          case Dimension::from_province:
            key += or_none(name(q.series->from_province));
            break;
        }
        key += '\0';
      }
      Row& row = rows[key];
      row.row.totals.add(q.value, q.exact, q.folded);
      if (row.last_document != q.doc) {
        row.last_document = q.doc;
        ++row.row.docs;
      }
    }
  });
  summary.facts_read = facts_read_;
  summary.documents_read = documents_read_;
  summary.bad_lines_skipped = bad_lines_skipped_;
  summary.duplicate_documents = resolver.duplicate_documents;
  summary.duplicate_facts = resolver.duplicate_facts;
  summary.documents = resolver.documents.size();
  summary.facts = table.total.totals.facts;
  summary.folded_facts = table.total.totals.folded;
  table.rows.reserve(rows.size());
  for (auto& [flat, row] : rows) {
    for (size_t start = 0, end; (end = flat.find('\0', start)) != std::string::npos;
         start = end + 1) {
      row.row.keys.push_back(flat.substr(start, end - start));
    }
    table.rows.push_back(std::move(row.row));
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

constexpr std::array<std::string_view, 8> kValueColumns = {
    "facts", "docs", "sum", "sum_exact", "approx_facts", "min", "max", "folded"};

// The value cells of a row, formatted once for every writer.
std::array<std::string, 8> value_cells(const StatsRow& row) {
  std::array<std::string, 8> cells;
  cells[0] = fmt::format("{}", row.totals.facts);
  cells[1] = fmt::format("{}", row.docs);
  append_decimal(cells[2], row.totals.sum);
  append_decimal(cells[3], row.totals.sum_exact);
  cells[4] = fmt::format("{}", row.totals.approx_facts);
  append_number(cells[5], row.totals.min);
  append_number(cells[6], row.totals.max);
  cells[7] = fmt::format("{}", row.totals.folded);
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

void append_csv(std::string& out, const StatsTable& table, bool excel) {
  const size_t begin = out.size();
  if (excel) out += "\xEF\xBB\xBF";  // the byte-order mark Excel takes for "UTF-8"
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
  if (!excel) return;
  std::string crlf;  // every line end, those inside quoted fields too: Excel reads both
  crlf.reserve(out.size() - begin + table.rows.size() + 1);
  for (size_t i = begin; i < out.size(); ++i) {
    if (out[i] == '\n' && (i == begin || out[i - 1] != '\r')) crlf += '\r';
    crlf += out[i];
  }
  out.replace(begin, std::string::npos, crlf);
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
  const auto append_row = [&](const StatsRow& row) {
    JsonObjectWriter cells(out);
    for (size_t i = 0; i < row.keys.size(); ++i)
      cells.string(dimension_name(table.by[i]), row.keys[i]);
    const auto values = value_cells(row);
    for (size_t i = 0; i < values.size(); ++i) {
      cells.key(kValueColumns[i]);
      out += values[i];  // already a JSON number
    }
    cells.close();
  };
  for (size_t r = 0; r < table.rows.size(); ++r) {
    if (r) out += ',';
    append_row(table.rows[r]);
  }
  out += ']';
  object.key("totals");
  append_row(table.total);
  object.key("summary");
  JsonObjectWriter counts(out);
  counts.count("facts_read", summary.facts_read);
  counts.count("documents_read", summary.documents_read);
  counts.count("bad_lines_skipped", summary.bad_lines_skipped);
  counts.count("duplicate_documents", summary.duplicate_documents);
  counts.count("duplicate_facts", summary.duplicate_facts);
  counts.count("facts_without_record", summary.facts_without_record);
  counts.count("documents", summary.documents);
  counts.count("facts", summary.facts);
  counts.count("folded_facts", summary.folded_facts);
  counts.count("facts_without_to", summary.facts_without_to);
  counts.count("facts_without_year", summary.facts_without_year);
  counts.close();
  object.close();
  out += '\n';
}

}  // namespace zhreport
