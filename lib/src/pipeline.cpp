#include "zhreport/pipeline.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>

#include "document_text.h"
#include "zhreport/clauses.h"
#include "zhreport/document.h"
#include "zhreport/facts.h"
#include "zhreport/html.h"
#include "zhreport/normalize.h"
#include "zhreport/page.h"
#include "zhreport/validate.h"

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

namespace {

// A title as the page spells it, in Simplified Chinese like every field of the record (the
// annotators split on a Traditional page's title; data/eval/README.md), blanks trimmed. One read
// with the wrong encoding is repaired when its bytes read well another way, else left empty with a
// warning: a garbled title is worse than none.
std::string converted_title(std::string_view title, const ExtractOptions& options,
                            DocumentRecord& record) {
  title = text::trim(title);
  std::string repaired;
  if (options.describe && find_mojibake(title)) {
    if (std::optional<std::string> better = repair_mojibake(title)) {
      record.warnings.push_back("title had mojibake, repaired: " + *better);
      repaired = std::move(*better);
      title = repaired;
    } else {
      record.warnings.push_back("title has mojibake, left empty: " + std::string(title));
      return "";
    }
  }
  return std::string(text::trim(Converter::get(options.config).convert(title)));
}

// The normalized text from `start` to `end` with the full-width forms (：，（）) that normalize
// folded to ASCII put back as the original text writes them: a headline whose pinyin was
// repaired keeps its own punctuation (regression: `两周年：带出…` became `两周年:带出…`).
std::string with_original_widths(const Normalized& normalized, size_t start, size_t end,
                                 std::string_view original) {
  std::string out;
  for (size_t i = start; i < end; ++i) {
    char c = normalized.text[i];
    size_t at = normalized.offsets.map(i);
    bool folded = c > ' ' && c < 0x7F && at < original.size() &&
                  text::code_point_at(original, at) == static_cast<char32_t>(c) + 0xFEE0;
    if (folded) {
      out.append(original.substr(at, 3));  // U+FF01..U+FF5E: three bytes in UTF-8
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// The headline from `start` to `end` of `normalized` (read from `original`) as the original
// writes it, unless it holds artifacts (pinyin, doubled punctuation, markup remnants): those stay
// repaired, and the headline keeps its own punctuation.
std::string repaired_title(const Normalized& normalized, size_t start, size_t end,
                           std::string_view original) {
  size_t original_start = normalized.offsets.map(start);
  std::string_view span =
      original.substr(original_start, normalized.offsets.map(end) - original_start);
  bool artifacts = false;
  for (const auto& [kind, n] : normalize(span).repairs) {
    artifacts = artifacts || (kind != "fullwidth" && kind != "space");
  }
  return artifacts ? with_original_widths(normalized, start, end, original) : std::string(span);
}

}  // namespace

Extraction extract_document(std::string_view doc_id, std::string_view bytes,
                            const ExtractOptions& options, const DocumentHints& hints) {
  Extraction out;
  DocumentRecord& record = out.record;
  record.doc = doc_id;
  const bool html = hints.html || is_html_name(doc_id) || looks_like_html(bytes);
  std::optional<Encoding> from = options.from;
  if (html && !from) {
    std::string_view charset = page_charset(bytes, hints.charset);
    if (!charset.empty()) from = parse_encoding(charset);
  }
  // Offsets are only tracked when the decoding is not the bytes themselves (valid UTF-8
  // without a BOM maps each byte to itself: most inputs, and a page is mostly markup); such a
  // text is read where it is, not copied.
  Result<Decoded> decoded =
      decode(bytes, {.from = from, .track_offsets = true, .borrow_when_copied = true});
  if (!decoded) {
    record.error = decoded.error().message;
    return out;
  }
  const bool identity = decoded->copied;
  const std::string_view decoded_text = identity ? bytes : std::string_view(decoded->text);
  record.encoding = encoding_name(decoded->encoding);
  if (!decoded->invalid.empty()) record.warnings.push_back(invalid_warning(decoded->invalid));

  // A page: its article's text, with a map from that text back into the decoded page.
  std::optional<Page> page;
  if (html) {
    Result<Page> read = read_page(decoded_text);
    if (!read) {
      record.error = read.error().message;
      return out;
    }
    page = std::move(read).value();
  }
  std::string_view read_text = page ? std::string_view(page->text) : decoded_text;

  // The normalized and the converted text, each with its map, in buffers this thread reuses from
  // document to document: allocating and freeing them (and zero-filling the converted text's)
  // for every document showed in the profile.
  thread_local Normalized normalized;
  thread_local Converter::Converted converted;
  normalize_into(read_text, {.repair_artifacts = options.repair_artifacts, .track_offsets = true},
                 normalized);
  // (the record's repairs only where it is described: otherwise their list stays, and keeps its
  // room, in the buffer, which clears it before its next use)
  if (options.describe) {
    record.repairs = std::move(normalized.repairs);
    record.script = script_name(detect_script(normalized.text));
  }
  Converter::get(options.config).convert_tracked_into(normalized.text, converted);
  const std::string& text = converted.text;

  thread_local Document document;  // (its blocks' and strings' room reused, as the buffers above)
  analyze_document(text, {.describe = options.describe}, document);
  // The title as the page spells it (only converted to Simplified): normalize's full-width to
  // half-width and spacing repairs are for reading counts, not for quoting a headline.
  record.title = document.title;
  if (!record.title.empty()) record.title_source = "text";
  for (const Block& b : document.blocks) {
    if (!options.describe) break;  // no record written: the text's title will do
    if (b.kind != BlockKind::title) continue;
    // The title is its line without what ends it (a doubled comma): a prefix of the line.
    size_t title_end = text.compare(b.start, document.title.size(), document.title) == 0
                           ? b.start + document.title.size()
                           : b.end;
    std::string title = repaired_title(normalized, converted.offsets.map(b.start),
                                       converted.offsets.map(title_end), read_text);
    record.title = converted_title(title, options, record);
    record.title_source = record.title.empty() ? "" : "text";
    break;
  }
  record.date = document.date;
  record.date_source = document.date_source;
  if (page) {
    record.body = page->body;
    if (!page->title.empty()) {
      Normalized title = normalize(page->title, {.track_offsets = true});
      record.title = converted_title(repaired_title(title, 0, title.text.size(), page->title),
                                     options, record);
      record.title_source = record.title.empty() ? "" : page->title_source;
    }
    if (!page->date.empty()) {
      record.date = page->date;
      record.date_source = page->date_source;
    }
  }
  if (record.date.empty()) {
    std::optional<std::string> date = date_in_path(doc_id);
    if (!date && page) date = date_in_path(page->address);
    if (!date) date = date_in_path(document.address);
    if (date) {
      record.date = *date;
      record.date_source = "path";
    } else if (!hints.date.empty()) {
      record.date = hints.date.substr(0, 10);
      record.date_source = "warc";
    }
  }
  // The context's periods run to the report's date wherever it was found (a page's metadata,
  // the path, the WARC record), not only where the text states it.
  document.date = record.date;
  if (page) document.publisher = Converter::get(options.config).convert(page->credits);
  record.regions = document.regions;
  record.chars = document.chars;
  if (options.describe) record.content_hash = content_hash(text);

  // Each stage's map takes an offset of its output back to its input; chained, to the bytes.
  auto to_decoded = [&](size_t offset) { return page ? page->offsets.map(offset) : offset; };
  auto original = [&](size_t offset) {
    size_t at = to_decoded(normalized.offsets.map(converted.offsets.map(offset)));
    return identity ? at : decoded->offsets.map(at);
  };
  // An end is taken as the end of the span's last character: normalize gives what it removed
  // (a doubled comma, a pinyin annotation) to the character before, which is not the span's.
  auto original_end = [&](size_t start, size_t end) {
    size_t normalized_end = converted.offsets.map(end);
    if (end <= start || normalized_end == 0) return original(end);
    size_t last = text::previous_char(normalized.text, normalized_end);
    size_t decoded_last = to_decoded(normalized.offsets.map(last));
    size_t next = text::next_char(decoded_text, decoded_last);
    return identity ? next : decoded->offsets.map(next);
  };
  // A page's list of related articles is not read, but a tail longer than the report before
  // it, and than such a list, is more likely the next reports of a file that holds several.
  constexpr size_t kLongestRelatedList = 8192;  // bytes
  if (size_t tail = text.size() - document.related_start;
      tail > kLongestRelatedList && tail > document.related_start) {
    size_t at = original(document.related_start);
    record.warnings.push_back("the report ends at a related-articles line at byte " +
                              std::to_string(at) + "; the " +
                              std::to_string(original(text.size()) - at) +
                              " bytes from there on were not read for facts (several reports in "
                              "one file? give each its own)");
  }
  // The facts are mapped where find_facts left them: moving each (a dozen strings) into another
  // vector showed in the profile.
  thread_local Reading reading;  // (its vectors reused as the buffers above are)
  out.facts = find_facts(text, document, reading);
  if (!options.metrics.empty()) {
    std::erase_if(out.facts, [&](const Fact& fact) {
      return std::find(options.metrics.begin(), options.metrics.end(), fact.metric) ==
             options.metrics.end();
    });
  }
  // The context spans map back like the fact's own. Most repeat the previous fact's (a side or a
  // period named once for many counts): each field's last span and where it mapped are kept, so
  // that a repeated one is not mapped again.
  struct Mapped {
    Span from, to;
  };
  std::array<Mapped, 4> last{};  // of to_span, from_span, since_span, until_span
  for (Fact& fact : out.facts) {
    // Built and moved in: assigning the view went through std::string's generic replace, at
    // 137 instructions a fact, some 60 more than building one.
    if (options.fact_docs) fact.doc = std::string(doc_id);
    size_t start = fact.start;
    fact.start = original(start);
    fact.end = original_end(start, fact.end);
    std::array<Span*, 4> spans = {&fact.to_span, &fact.from_span, &fact.since_span,
                                  &fact.until_span};
    for (size_t k = 0; k < spans.size(); ++k) {
      Span& span = *spans[k];
      if (span.empty()) continue;
      if (span == last[k].from) {
        span = last[k].to;
        continue;
      }
      last[k].from = span;
      span = {original(span.start), original_end(span.start, span.end)};
      last[k].to = span;
    }
  }
  record.facts = out.facts.size();
  return out;
}

}  // namespace zhreport
