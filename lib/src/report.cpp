// The HTML report (report.h): the aggregates as one JSON blob, inlined with ECharts, the map
// outlines and our page template (data/report.html, .css, .js).
#include "zhreport/report.h"

#include <algorithm>
#include <string>

#include "zhreport/output.h"
#include "zhreport/places.h"

namespace zhreport::embedded {
extern const std::string_view report_html;
extern const std::string_view report_css;
extern const std::string_view report_js;
extern const std::string_view report_echarts_js;
extern const std::string_view report_echarts_license;
extern const std::string_view report_echarts_notice;
extern const std::string_view report_china_js;
extern const std::string_view report_world_js;
extern const std::string_view report_maps_license;
extern const std::string_view report_country_names;
}  // namespace zhreport::embedded

namespace zhreport {

namespace {

constexpr std::string_view kNone = "(none)";

bool is_country(std::string_view name) {
  const Place* p = find_place(name);
  return p && p->level == PlaceLevel::country;
}

void append_html_text(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
}

// Third-party script text inside <script>: nothing in it may close the element.
void append_script(std::string& out, std::string_view js) {
  for (size_t i = 0; i < js.size(); ++i) {
    if (js[i] == '<' && (js.substr(i, 8) == "</script" || js.substr(i, 8) == "</SCRIPT" ||
                         js.substr(i, 4) == "<!--")) {
      out += "<\\";
      continue;
    }
    out += js[i];
  }
}

// Licence text inside <!-- -->: no "--" may end the comment early.
void append_comment_text(std::string& out, std::string_view text) {
  for (char c : text) {
    if (c == '-' && !out.empty() && out.back() == '-') out += ' ';
    out += c;
  }
}

void append_sample(std::string& out, const ReportSamples& samples, const ReportSample& s) {
  JsonObjectWriter o(out);
  o.string("doc", s.doc);
  o.string("title", samples.title(s));
  o.string("quote", s.quote);
  o.number("value", s.value);
  o.string("qualifier", qualifier_name(s.qualifier));
  o.string("from", s.from);
  o.string("to", s.to);
  o.string("since", s.since);
  o.string("until", s.until);
  o.close();
}

// One table: {"by":[...],"rows":[[keys..., facts, docs, sum, sum_exact, approx, min, max,
// folded, [samples]]...]}. Sums are exact decimals, written as JSON numbers.
template <typename Keep>
void append_table(std::string& out, const StatsTable& table, const ReportSamples& samples,
                  size_t per_row, Keep keep_row, size_t max_rows = SIZE_MAX) {
  std::vector<const StatsRow*> rows;
  for (const StatsRow& row : table.rows) {
    if (keep_row(row)) rows.push_back(&row);
  }
  if (rows.size() > max_rows) {
    // The largest sums of each metric (the first key): money's yuan never crowd out experts.
    std::stable_sort(rows.begin(), rows.end(), [](const StatsRow* a, const StatsRow* b) {
      if (a->keys[0] != b->keys[0]) return a->keys[0] < b->keys[0];
      return a->totals.sum.micros > b->totals.sum.micros;
    });
    std::vector<const StatsRow*> kept;
    for (size_t i = 0, rank = 0; i < rows.size(); ++i) {
      rank = i > 0 && rows[i]->keys[0] == rows[i - 1]->keys[0] ? rank + 1 : 0;
      if (rank < max_rows) kept.push_back(rows[i]);
    }
    rows = std::move(kept);
  }
  JsonObjectWriter o(out);
  o.key("by");
  out += '[';
  for (size_t i = 0; i < table.by.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, dimension_name(table.by[i]));
  }
  out += ']';
  o.count("all_rows", table.rows.size());  // before filtering and the cap
  o.key("rows");
  out += '[';
  for (size_t r = 0; r < rows.size(); ++r) {
    const StatsRow& row = *rows[r];
    if (r) out += ',';
    out += '[';
    for (const std::string& key : row.keys) {
      append_json_string(out, key);
      out += ',';
    }
    const Totals& t = row.totals;
    out += std::to_string(t.facts) + ',' + std::to_string(row.docs) + ',';
    append_decimal(out, t.sum);
    out += ',';
    append_decimal(out, t.sum_exact);
    out += ',' + std::to_string(t.approx_facts) + ',';
    append_number(out, t.min);
    out += ',';
    append_number(out, t.max);
    out += ',' + std::to_string(t.folded) + ",[";
    if (per_row > 0) {
      const auto& by = table.by;
      const auto matches = [&](const ReportSample& s) {
        const auto or_none = [](std::string_view name) { return name.empty() ? kNone : name; };
        for (size_t i = 0; i < by.size(); ++i) {
          const std::string& key = row.keys[i];
          switch (by[i]) {
            case Dimension::metric:
              if (s.metric != key) return false;
              break;
            case Dimension::from:
              if (or_none(s.from) != key) return false;
              break;
            case Dimension::to:
              if (or_none(s.to) != key) return false;
              break;
            case Dimension::from_province:
              if (or_none(s.from_province) != key) return false;
              break;
            case Dimension::to_province:
              if (or_none(s.to_province) != key) return false;
              break;
            default:
              break;
          }
        }
        return true;
      };
      const auto top = samples.top(matches, per_row);
      for (size_t i = 0; i < top.size(); ++i) {
        if (i) out += ',';
        append_sample(out, samples, *top[i]);
      }
    }
    out += "]]";
  }
  out += ']';
  o.close();
}

void append_summary(std::string& out, const StatsSummary& s, const StatsRow& total) {
  JsonObjectWriter c(out);
  c.count("facts_read", s.facts_read);
  c.count("documents_read", s.documents_read);
  c.count("bad_lines_skipped", s.bad_lines_skipped);
  c.count("duplicate_documents", s.duplicate_documents);
  c.count("duplicate_facts", s.duplicate_facts);
  c.count("facts_without_record", s.facts_without_record);
  c.count("documents", s.documents);
  c.count("facts", s.facts);
  c.count("folded_facts", s.folded_facts);
  c.count("facts_without_to", s.facts_without_to);
  c.count("facts_without_year", s.facts_without_year);
  c.count("approx_facts", total.totals.approx_facts);
  c.close();
}

void append_manifest(std::string& out, const ManifestSummary& m) {
  JsonObjectWriter o(out);
  o.count("documents", m.documents);
  o.count("ok", m.ok);
  o.count("skipped", m.skipped);
  o.count("failed", m.failed);
  o.key("reasons");
  out += '[';
  for (size_t i = 0; i < m.reasons.size() && i < 50; ++i) {
    if (i) out += ',';
    JsonObjectWriter r(out);
    r.string("status", m.reasons[i].status);
    r.string("reason", m.reasons[i].reason);
    r.count("count", m.reasons[i].count);
    r.strings("examples", m.reasons[i].examples);
    r.close();
  }
  out += ']';
  o.close();
}

// data/countries.tsv's Chinese names -> ICU's English ones, for the world map.
void append_country_names(std::string& out) {
  JsonObjectWriter o(out);
  std::string_view text = embedded::report_country_names;
  while (!text.empty()) {
    const size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    const size_t tab = line.find('\t');
    if (line.empty() || line[0] == '#' || tab == std::string_view::npos) continue;
    o.string(line.substr(0, tab), line.substr(tab + 1));
  }
  o.close();
}

std::string data_json(const StatsAccumulator& stats, const ReportSamples& samples,
                      const ManifestSummary* manifest, const ReportOptions& options) {
  using D = Dimension;
  const auto all = [](const StatsRow&) { return true; };
  std::string out;
  JsonObjectWriter o(out);
  o.string("title", options.title);
  StatsSummary summary;
  const StatsTable by_metric = stats.table({D::metric}, summary);
  o.key("summary");
  append_summary(out, summary, by_metric.total);
  o.key("manifest");
  if (manifest) {
    append_manifest(out, *manifest);
  } else {
    out += "null";
  }
  const size_t k = options.samples_per_row;
  o.key("metric");
  append_table(out, by_metric, samples, k, all);
  o.key("province");
  append_table(out, stats.table({D::metric, D::to_province}), samples, k, all);
  o.key("year");
  append_table(out, stats.table({D::metric, D::year}), samples, 0, all);
  o.key("province_flows");
  append_table(out, stats.table({D::metric, D::from_province, D::to_province}), samples, 0,
               [](const StatsRow& row) { return row.keys[1] != kNone && row.keys[2] != kNone; });
  o.key("flows");
  append_table(
      out, stats.table({D::metric, D::from, D::to}), samples, k,
      [](const StatsRow& row) { return row.keys[1] != kNone || row.keys[2] != kNone; },
      options.max_flow_rows);
  o.key("country");
  append_table(out, stats.table({D::metric, D::to}), samples, k,
               [](const StatsRow& row) { return is_country(row.keys[1]); });
  o.key("country_names");
  append_country_names(out);
  o.close();
  return out;
}

}  // namespace

std::string script_safe_json(std::string_view json) {
  std::string out;
  out.reserve(json.size() + json.size() / 16);
  for (size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
               (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

void append_html_report(std::string& out, const StatsAccumulator& stats,
                        const ReportSamples& samples, const ManifestSummary* manifest,
                        const ReportOptions& options) {
  const std::string data = script_safe_json(data_json(stats, samples, manifest, options));
  std::string_view page = embedded::report_html;
  // The template's @NAME@ markers, each replaced once, in order of appearance.
  while (!page.empty()) {
    const size_t at = page.find('@');
    const size_t end = at == std::string_view::npos ? at : page.find('@', at + 1);
    if (end == std::string_view::npos) {
      out += page;
      break;
    }
    const std::string_view name = page.substr(at + 1, end - at - 1);
    const bool marker = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
      return (c >= 'A' && c <= 'Z') || c == '_';
    });
    if (!marker) {
      out += page.substr(0, at + 1);
      page.remove_prefix(at + 1);
      continue;
    }
    out += page.substr(0, at);
    page.remove_prefix(end + 1);
    if (name == "TITLE") {
      append_html_text(out, options.title);
    } else if (name == "LICENSES") {
      append_comment_text(out, embedded::report_echarts_notice);
      out += "\n\n";
      append_comment_text(out, embedded::report_echarts_license);
      out += "\n\necharts-maps 1.1.0 (map outlines: china.js, world.js):\n";
      append_comment_text(out, embedded::report_maps_license);
    } else if (name == "CSS") {
      append_script(out, embedded::report_css);
    } else if (name == "ECHARTS") {
      append_script(out, embedded::report_echarts_js);
    } else if (name == "CHINA") {
      append_script(out, embedded::report_china_js);
    } else if (name == "WORLD") {
      append_script(out, embedded::report_world_js);
    } else if (name == "DATA") {
      out += data;
    } else if (name == "JS") {
      append_script(out, embedded::report_js);
    } else {
      out += '@';
      out += name;
      out += '@';
    }
  }
}

}  // namespace zhreport
