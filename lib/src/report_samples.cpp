// The largest facts of each series (report.h), and the manifest summary.
#include <algorithm>
#include <map>
#include <tuple>

#include "zhreport/places.h"
#include "zhreport/report.h"

namespace zhreport {

namespace {

// Larger value first; ties by document id, then quote, so the choice is order-independent.
bool before(const ReportSample& a, const ReportSample& b) {
  if (a.value != b.value) return a.value > b.value;
  return std::tie(a.doc, a.quote) < std::tie(b.doc, b.quote);
}

}  // namespace

void ReportSamples::add(const Fact& fact) {
  if (per_series_ == 0) return;
  key_.clear();
  const std::string_view from_province = side_province(fact.from, fact.from_province);
  const std::string_view to_province = side_province(fact.to, fact.to_province);
  key_.append(fact.metric).append(1, '\0').append(fact.from).append(1, '\0').append(fact.to);
  key_.append(1, '\0').append(from_province).append(1, '\0').append(to_province);
  std::vector<ReportSample>& list = series_[key_];
  ReportSample s;
  s.doc = fact.doc;
  s.quote = fact.quote;
  s.value = fact.value;
  if (list.size() >= per_series_ && !before(s, list.back())) return;  // the common case
  // A copy of a report (same sentence, same number) shows once: the smaller id.
  for (ReportSample& other : list) {
    if (other.value == s.value && other.quote == s.quote) {
      if (s.doc < other.doc) other.doc = s.doc;
      return;
    }
  }
  s.metric = fact.metric;
  s.from = fact.from;
  s.to = fact.to;
  s.from_province = from_province;
  s.to_province = to_province;
  s.since = fact.since;
  s.until = fact.until;
  s.qualifier = fact.qualifier;
  if (fact.doc == last_doc_) {
    s.title = last_title_;
  } else {
    titles_.try_emplace(fact.doc);  // its record may come later
  }
  list.insert(std::upper_bound(list.begin(), list.end(), s, before), std::move(s));
  if (list.size() > per_series_) list.pop_back();
}

void ReportSamples::add(const DocumentRecord& document) {
  last_doc_ = document.doc;
  last_title_ = document.title;
  if (auto it = titles_.find(document.doc); it != titles_.end() && it->second.empty()) {
    it->second = document.title;
  }
}

std::string_view ReportSamples::title(const ReportSample& sample) const {
  if (!sample.title.empty()) return sample.title;
  if (auto it = titles_.find(sample.doc); it != titles_.end()) return it->second;
  return {};
}

std::vector<const ReportSample*> ReportSamples::largest(std::vector<const ReportSample*> all,
                                                        size_t limit) {
  std::sort(all.begin(), all.end(),
            [](const ReportSample* a, const ReportSample* b) { return before(*a, *b); });
  std::vector<const ReportSample*> out;
  for (const ReportSample* s : all) {
    if (out.size() >= limit) break;
    const bool seen = std::any_of(out.begin(), out.end(), [&](const ReportSample* o) {
      return o->value == s->value && o->quote == s->quote;
    });
    if (!seen) out.push_back(s);
  }
  return out;
}

Result<ManifestSummary> parse_manifest(std::string_view tsv) {
  ManifestSummary m;
  std::map<std::pair<std::string, std::string>, ManifestSummary::Reason> reasons;
  size_t line_number = 0;
  for (size_t pos = 0; pos < tsv.size();) {
    size_t end = tsv.find('\n', pos);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> fields;
    for (size_t start = 0;;) {
      const size_t tab = line.find('\t', start);
      fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (line_number == 1 && fields.size() >= 2 && fields[0] == "id" && fields[1] == "status") {
      continue;  // the header
    }
    if (fields.size() < 3) {
      return Error{ErrorCode::invalid_argument,
                   "manifest line " + std::to_string(line_number) +
                       ": expected id, status, reason, bytes, facts (tab-separated)"};
    }
    ++m.documents;
    const std::string_view status = fields[1];
    if (status == "ok") {
      ++m.ok;
      continue;
    }
    ++(status == "skipped" ? m.skipped : m.failed);
    auto& r = reasons[{std::string(status), std::string(fields[2])}];
    if (r.count++ == 0) {
      r.status = status;
      r.reason = fields[2];
    }
    if (r.examples.size() < 3) r.examples.emplace_back(fields[0]);
  }
  for (auto& [key, reason] : reasons) m.reasons.push_back(std::move(reason));
  std::stable_sort(m.reasons.begin(), m.reasons.end(),
                   [](const auto& a, const auto& b) { return a.count > b.count; });
  return m;
}

}  // namespace zhreport
