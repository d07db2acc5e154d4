// The records zhreport produces: one Fact per count found, one DocumentRecord per input.
// Field meanings follow ../shared/spec/facts.md; writers and readers live in output.h.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zhreport/qualifier.h"

namespace zhreport {

// The fixed metric vocabulary; `other` is a count that fits none of the rest.
inline constexpr std::array<std::string_view, 15> kMetrics = {
    "experts",        "teams",         "surgeries",
    "new_techniques", "trainees",      "training_attendances",
    "patients",       "consultations", "teaching_sessions",
    "hospitals",      "clinics_free",  "papers",
    "specialties",    "money",         "other"};

bool is_metric(std::string_view name);

// A byte span [start, end) in the original input bytes; empty when no phrase states the thing
// (a context field inherited from the sentence, the report's subject or its date).
struct Span {
  size_t start = 0;
  size_t end = 0;
  bool empty() const { return start == end; }
  bool operator==(const Span&) const = default;
};

struct Fact {
  std::string doc;                  // input path, or ARCHIVE!MEMBER
  std::string metric;               // one of kMetrics
  double value = 0;                 // 1.5万 -> 15000; money in yuan
  std::optional<double> value_max;  // ranges and vague counts only
  Qualifier qualifier = Qualifier::exact;
  std::string unit;     // classifier as written, Simplified: 名 台次 万元 ...
  std::string counted;  // what is counted, Simplified: 专家 手术 ...
  size_t start = 0;     // byte span in the ORIGINAL input bytes, end exclusive
  size_t end = 0;
  std::string quote;  // normalized Simplified text of the span
  // The context (../shared/spec/facts.md, "The context of a fact"); empty when unknown.
  std::string to;  // receiving side: official division name (日喀则市) or a country (摩洛哥)
  std::string from;   // giving side: 上海市, 浙江省, 全国
  std::string since;  // first date of the period counted, ISO 8601 as precise as stated: 2014
  std::string until;  // last date of the period: 2022-12, 2024-08-09
  // Where a phrase of the report states each of them (original bytes), else empty.
  Span to_span, from_span, since_span, until_span;
  // The province-level division or the country each side lies in (places.h Place::province:
  // 浙江省 for 杭州市's 西湖区, 新疆维吾尔自治区 for 阿克苏地区, 摩洛哥 for 摩洛哥); empty when the
  // side is empty or 全国, and in files written before these fields. Several divisions share
  // some names (西湖区 of 杭州市 and of 南昌市): with its province a side is one place again
  // (find_place(name, province)), and roll-ups by province need no lookup.
  std::string to_province, from_province;
};

struct DocumentRecord {
  std::string doc;
  std::string encoding;  // utf-8 gb18030 big5 utf-16le utf-16be
  std::string script;    // simplified traditional mixed
  std::string title;
  std::string date;  // ISO 8601 (YYYY-MM-DD), empty when unknown
  // Where title and date were read (page.h, document.h): title_source "meta:ArticleTitle"
  // "meta:og:title" "jsonld" "h1" "h2" "h3" "heading" "title" "text"; date_source
  // "meta:NAME" "jsonld" "time" "text:metadata" "text:lone_line" "path" "warc". body: the
  // HTML block taken as the article ("div#content"), empty for plain text.
  std::string title_source;
  std::string date_source;
  std::string body;
  std::vector<std::string> regions;  // provinces and prefecture-level places, Simplified
  size_t chars = 0;                  // code points of the normalized text
  size_t facts = 0;
  std::vector<std::pair<std::string, size_t>> repairs;  // repair kind -> count
  std::vector<std::string> warnings;
  std::string content_hash;  // hex digest of the normalized Simplified text (for dedup)
  std::string error;         // set when the document could not be processed
};

}  // namespace zhreport
