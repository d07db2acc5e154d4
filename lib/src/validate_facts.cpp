// Fact-record checks: field values, then the span against the source file's bytes.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <tuple>
#include <utility>

#include "validate_text.h"
#include "zhreport/convert.h"
#include "zhreport/html.h"
#include "zhreport/normalize.h"
#include "zhreport/page.h"
#include "zhreport/places.h"
#include "zhreport/validate.h"

namespace zhreport {

namespace {

bool digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// ISO 8601 as precise as stated: YYYY, YYYY-MM, YYYY-MM-DD, with a month and a day that exist.
bool is_iso_date(std::string_view s) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return false;
  if (!digits(s.substr(0, 4))) return false;
  if (s.size() == 4) return true;
  if (s[4] != '-' || !digits(s.substr(5, 2))) return false;
  int month = (s[5] - '0') * 10 + (s[6] - '0');
  if (month < 1 || month > 12) return false;
  if (s.size() == 7) return true;
  if (s[7] != '-' || !digits(s.substr(8, 2))) return false;
  int day = (s[8] - '0') * 10 + (s[9] - '0');
  return day >= 1 && day <= kDays[month - 1];
}

// The context fields (../shared/spec/facts.md): ISO dates, since <= until (compared as far as
// both are stated), spans that are not reversed. (Unknown places are warnings, in check().)
void check_context(const Fact& fact, const std::function<void(std::string)>& error) {
  for (const auto& [name, value] :
       {std::pair{"since", &fact.since}, std::pair{"until", &fact.until}}) {
    if (!value->empty() && !is_iso_date(*value)) {
      error(
          fmt::format("{} '{}' is not an ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD)", name, *value));
    }
  }
  size_t common = std::min(fact.since.size(), fact.until.size());
  if (common > 0 && is_iso_date(fact.since) && is_iso_date(fact.until) &&
      fact.since.compare(0, common, fact.until, 0, common) > 0) {
    error(fmt::format("since {} is after until {}", fact.since, fact.until));
  }
  for (const auto& [name, span] :
       {std::pair{"to", fact.to_span}, std::pair{"from", fact.from_span},
        std::pair{"since", fact.since_span}, std::pair{"until", fact.until_span}}) {
    if (span.end < span.start) {
      error(fmt::format("{}_span {}..{} is reversed", name, span.start, span.end));
    }
  }
}

}  // namespace

std::vector<Problem> FactChecker::check(const Fact& fact, size_t line) const {
  std::vector<Problem> problems;
  const auto error = [&](std::string message) {
    problems.push_back({line, 1, Severity::error, std::move(message)});
  };
  if (fact.doc.empty()) error("doc is empty");
  if (!is_metric(fact.metric))
    error(fmt::format("metric '{}' is not in the vocabulary", fact.metric));
  if (!(fact.value >= 0)) error(fmt::format("value {} is negative", fact.value));
  if (fact.value_max && !(*fact.value_max >= fact.value)) {
    error(fmt::format("value_max {} is below value {}", *fact.value_max, fact.value));
  }
  if (fact.qualifier == Qualifier::vague && !fact.value_max) error("a vague count needs value_max");
  if (fact.start >= fact.end)
    error(fmt::format("empty span: start {} is not before end {}", fact.start, fact.end));
  if (fact.quote.empty()) error("quote is empty");
  // The context names official divisions or countries (places.h), each in the province its
  // to_province/from_province states when the file has them (西湖区 of 浙江省 or of 江西省); a
  // place the tables do not know, hence a warning.
  using Side = std::tuple<std::string_view, const std::string&, const std::string&>;
  for (const auto& [field, value, province] :
       {Side{"to", fact.to, fact.to_province}, Side{"from", fact.from, fact.from_province}}) {
    if (value.empty() && !province.empty()) {
      problems.push_back({line, 1, Severity::warning,
                          fmt::format("{}_province '{}' without a {}", field, province, field)});
    }
    if (value.empty()) continue;
    if (is_known_place(value)) {
      if (!province.empty() && !find_place(value, province)) {
        problems.push_back(
            {line, 1, Severity::warning,
             fmt::format("{} '{}' is not in {}_province '{}'", field, value, field, province)});
      }
      continue;
    }
    const Place* place = lookup_place(value);
    problems.push_back(
        {line, 1, Severity::warning,
         place ? fmt::format("{} '{}' is not an official name ({})", field, value, place->name)
               : fmt::format("{} '{}' is not a known place", field, value)});
  }
  check_context(fact, error);
  return problems;
}

void FactChecker::check_quote(const Fact& fact, size_t line, std::string_view source_bytes,
                              std::vector<Problem>& problems) {
  const auto error = [&](std::string message) {
    problems.push_back({line, 1, Severity::error, std::move(message)});
  };
  for (const auto& [name, span] :
       {std::pair{"to", fact.to_span}, std::pair{"from", fact.from_span},
        std::pair{"since", fact.since_span}, std::pair{"until", fact.until_span}}) {
    if (span.end > source_bytes.size()) {
      error(fmt::format("{}_span {}..{} is past the end of {} ({} bytes)", name, span.start,
                        span.end, fact.doc, source_bytes.size()));
    }
  }
  if (fact.start >= fact.end) return;  // already reported by check()
  if (fact.end > source_bytes.size()) {
    error(fmt::format("span {}..{} is past the end of {} ({} bytes)", fact.start, fact.end,
                      fact.doc, source_bytes.size()));
    return;
  }
  if (cached_doc_ != fact.doc || cached_doc_.empty()) {
    cached_doc_ = fact.doc;
    const auto detected = detect_encoding(source_bytes);
    cached_encoding_ = detected ? std::optional<Encoding>(detected.value()) : std::nullopt;
    cached_error_ = detected ? "" : detected.error().message;
  }
  if (!cached_encoding_) {
    error(fmt::format("source {} cannot be decoded: {}", fact.doc, cached_error_));
    return;
  }
  const auto span =
      decode(source_bytes.substr(fact.start, fact.end - fact.start), {.from = cached_encoding_});
  if (!span) {
    error(fmt::format("span {}..{} cannot be decoded: {}", fact.start, fact.end,
                      span.error().message));
    return;
  }
  if (!span->invalid.empty()) {
    error(fmt::format("span {}..{} does not start and end on character boundaries of {}",
                      fact.start, fact.end, encoding_name(*cached_encoding_)));
    return;
  }
  // On a page the span holds what the reader dropped or rendered (a tag inside the quote, an
  // entity, a line break inside a paragraph): it is read as the page's reader reads it.
  std::string rendered;
  if (looks_like_html(source_bytes)) {
    if (Result<std::string> seen = html_to_text(span->text, "utf-8")) {
      std::string_view t = seen.value();
      while (!t.empty() && (t.front() == '\n' || t.front() == ' ')) t.remove_prefix(1);
      while (!t.empty() && (t.back() == '\n' || t.back() == ' ')) t.remove_suffix(1);
      rendered = std::string(t);
    }
  }
  const std::string text = Converter::get(Config::t2s)
                               .convert(normalize(rendered.empty() ? std::string_view(span->text)
                                                                   : std::string_view(rendered))
                                            .text);
  if (text != fact.quote) {
    error(fmt::format("span {}..{} reads '{}', not the quote '{}'", fact.start, fact.end,
                      validate_text::excerpt(text, 40), validate_text::excerpt(fact.quote, 40)));
  }
}

}  // namespace zhreport
