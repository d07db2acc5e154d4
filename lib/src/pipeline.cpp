#include "zhreport/pipeline.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

#include "document_text.h"
#include "zhreport/document.h"
#include "zhreport/facts.h"
#include "zhreport/normalize.h"

namespace zhreport {

namespace {

std::string invalid_warning(const std::vector<InvalidSequence>& invalid) {
  size_t bytes = 0;
  for (const InvalidSequence& s : invalid) bytes += s.length;
  char message[128];
  std::snprintf(message, sizeof message,
                "%zu invalid byte sequence%s (%zu bytes), first at byte %zu", invalid.size(),
                invalid.size() == 1 ? "" : "s", bytes, invalid.front().offset);
  return message;
}

}  // namespace

std::string content_hash(std::string_view text) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 0x100000001b3ull;
  }
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

Extraction extract_document(std::string_view doc_id, std::string_view bytes,
                            const ExtractOptions& options) {
  Extraction out;
  DocumentRecord& record = out.record;
  record.doc = doc_id;
  Result<Decoded> decoded = decode(bytes, {.from = options.from, .track_offsets = true});
  if (!decoded) {
    record.error = decoded.error().message;
    return out;
  }
  record.encoding = encoding_name(decoded->encoding);
  if (!decoded->invalid.empty()) record.warnings.push_back(invalid_warning(decoded->invalid));

  Normalized normalized = normalize(
      decoded->text, {.repair_artifacts = options.repair_artifacts, .track_offsets = true});
  record.repairs = normalized.repairs;
  if (options.describe) record.script = script_name(detect_script(normalized.text));
  Converter::Converted converted = Converter::get(options.config).convert_tracked(normalized.text);
  const std::string& text = converted.text;

  Document document = analyze_document(text, {.describe = options.describe});
  record.title = document.title;
  record.date = document.date;
  record.regions = document.regions;
  record.chars = document.chars;
  if (options.describe) record.content_hash = content_hash(text);

  // Each stage's map takes an offset of its output back to its input; chained, to the bytes.
  auto original = [&](size_t offset) {
    return decoded->offsets.map(normalized.offsets.map(converted.offsets.map(offset)));
  };
  // An end is taken as the end of the span's last character: normalize gives what it removed
  // (a doubled comma, a pinyin annotation) to the character before, which is not the span's.
  auto original_end = [&](size_t start, size_t end) {
    size_t normalized_end = converted.offsets.map(end);
    if (end <= start || normalized_end == 0) return original(end);
    size_t last = text::previous_char(normalized.text, normalized_end);
    size_t decoded_last = normalized.offsets.map(last);
    return decoded->offsets.map(text::next_char(decoded->text, decoded_last));
  };
  for (Fact& fact : find_facts(text, document)) {
    if (!options.metrics.empty() && std::find(options.metrics.begin(), options.metrics.end(),
                                              fact.metric) == options.metrics.end()) {
      continue;
    }
    fact.doc = doc_id;
    size_t start = fact.start;
    fact.start = original(start);
    fact.end = original_end(start, fact.end);
    for (Span* span : {&fact.to_span, &fact.from_span, &fact.since_span, &fact.until_span}) {
      if (span->empty()) continue;  // the context spans map back like the fact's own
      size_t span_start = span->start;
      span->start = original(span_start);
      span->end = original_end(span_start, span->end);
    }
    out.facts.push_back(std::move(fact));
  }
  record.facts = out.facts.size();
  return out;
}

}  // namespace zhreport
