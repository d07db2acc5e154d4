// JsonlReader: simdjson's on-demand parser, fields read in one pass in whatever order they come.
#include <fmt/format.h>
#include <simdjson.h>

#include <array>
#include <cctype>
#include <cstdint>

#include "output_fields.h"
#include "zhreport/output.h"

namespace zhreport {

namespace ondemand = simdjson::ondemand;

struct JsonlReader::Impl {
  ondemand::parser parser;
  std::string padded;  // the line plus SIMDJSON_PADDING readable bytes
};

JsonlReader::JsonlReader() : impl_(std::make_unique<Impl>()) {}
JsonlReader::~JsonlReader() = default;

namespace {

Error parse_error(std::string message) { return Error{ErrorCode::parse, std::move(message)}; }

// simdjson's messages are sentences; ours are lower case without a trailing period.
Error not_json(simdjson::error_code error) {
  std::string reason = simdjson::error_message(error);
  if (!reason.empty() && reason.back() == '.') reason.pop_back();
  if (reason.size() > 1 && std::isupper(static_cast<unsigned char>(reason[0])) &&
      !std::isupper(static_cast<unsigned char>(reason[1])))
    reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
  return parse_error("not JSON: " + reason);
}

Error field_error(std::string_view key, std::string_view expected) {
  return parse_error(fmt::format("field {}: expected {}", key, expected));
}

std::string_view without_trailing_space(std::string_view line) {
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
    line.remove_suffix(1);
  }
  return line;
}

// Reads one value of the types used by the records; false when the JSON type is not it.
bool read(ondemand::value& value, std::string& out) {
  std::string_view text;
  if (value.get_string().get(text)) return false;
  out.assign(text);
  return true;
}

// A string's type checked without unescaping or copying it.
bool is_string(ondemand::value& value) {
  ondemand::raw_json_string raw;
  return !value.get_raw_json_string().get(raw);
}

bool read(ondemand::value& value, double& out) { return !value.get_double().get(out); }

bool read(ondemand::value& value, size_t& out) {
  uint64_t number;
  if (value.get_uint64().get(number)) return false;
  out = number;
  return true;
}

// A span as [start, end] with start <= end.
bool read(ondemand::value& value, Span& out) {
  ondemand::array array;
  if (value.get_array().get(array)) return false;
  size_t values[2], n = 0;
  for (auto element : array) {
    uint64_t number;
    if (n == 2 || element.get_uint64().get(number)) return false;
    values[n++] = number;
  }
  if (n != 2 || values[1] < values[0]) return false;
  out = Span{values[0], values[1]};
  return true;
}

bool read(ondemand::value& value, std::vector<std::string>& out) {
  ondemand::array array;
  if (value.get_array().get(array)) return false;
  out.clear();
  for (auto element : array) {
    std::string_view text;
    if (element.get_string().get(text)) return false;
    out.emplace_back(text);
  }
  return true;
}

bool read(ondemand::value& value, std::vector<std::pair<std::string, size_t>>& out) {
  ondemand::object object;
  if (value.get_object().get(object)) return false;
  out.clear();
  for (auto field : object) {
    std::string_view key;
    uint64_t count;
    if (field.unescaped_key().get(key)) return false;
    std::string kind(key);
    if (field.value().get_uint64().get(count)) return false;
    out.emplace_back(std::move(kind), count);
  }
  return true;
}

using namespace fact_fields;

// Reads a fact, or stops at a "type":"document" member and returns Kind::document.
Result<JsonlReader::Kind> read_fact(ondemand::object& object, Fact& fact, bool text_fields) {
  uint32_t seen = 0;
  std::string qualifier;
  fact.value_max.reset();
  for (std::string* context : context_strings(fact)) context->clear();
  for (Span* span : context_spans(fact)) *span = Span{};
  for (std::string* province : province_strings(fact)) province->clear();
  for (auto field : object) {
    std::string_view key;
    if (const auto error = field.unescaped_key().get(key)) return not_json(error);
    ondemand::value value;
    if (const auto error = field.value().get(value)) return not_json(error);
    size_t index = 0;
    while (index < kCount && kNames[index] != key) ++index;
    bool ok = true;
    switch (index) {
      case kDoc:
        ok = read(value, fact.doc);
        break;
      case kMetric:
        ok = read(value, fact.metric);
        break;
      case kValue:
        ok = read(value, fact.value);
        break;
      case kValueMax: {
        bool is_null = false;
        if (!value.is_null().get(is_null) && is_null) break;
        double max;
        ok = read(value, max);
        if (ok) fact.value_max = max;
        break;
      }
      case kQualifier:
        ok = read(value, qualifier);
        break;
      case kUnit:
        ok = text_fields ? read(value, fact.unit) : is_string(value);
        break;
      case kCounted:
        ok = text_fields ? read(value, fact.counted) : is_string(value);
        break;
      case kStart:
        ok = read(value, fact.start);
        break;
      case kEnd:
        ok = read(value, fact.end);
        break;
      case kQuote:
        ok = text_fields ? read(value, fact.quote) : is_string(value);
        break;
      case kTo:
      case kFrom:
      case kSince:
      case kUntil:
        ok = read(value, *context_strings(fact)[index - kTo]);
        break;
      case kToSpan:
      case kFromSpan:
      case kSinceSpan:
      case kUntilSpan:
        ok = read(value, *context_spans(fact)[index - kToSpan]);
        break;
      case kToProvince:
      case kFromProvince:
        ok = read(value, *province_strings(fact)[index - kToProvince]);
        break;
      default:
        if (key != "type") continue;  // unknown keys are ignored: newer writers may add fields
        std::string_view type;
        if (value.get_string().get(type)) return field_error("type", "a string");
        if (type == "document") return JsonlReader::Kind::document;  // the caller starts over
        if (type != "fact") return parse_error(fmt::format("unknown type '{}'", type));
        continue;
    }
    if (!ok) {
      const bool numeric = index == kValue || index == kValueMax;
      const bool offset = index == kStart || index == kEnd;
      const bool span = index >= kToSpan && index <= kUntilSpan;
      return field_error(key, numeric  ? "a number"
                              : offset ? "a non-negative integer"
                              : span   ? "[start, end] byte offsets"
                                       : "a string");
    }
    seen |= 1u << index;
  }
  const std::string missing = missing_message(seen);
  if (!missing.empty()) return parse_error(missing);
  const auto parsed = parse_qualifier(qualifier);
  if (!parsed) return parse_error(fmt::format("unknown qualifier '{}'", qualifier));
  fact.qualifier = *parsed;
  return JsonlReader::Kind::fact;
}

Result<JsonlReader::Kind> read_document(ondemand::object& object, DocumentRecord& document) {
  document = DocumentRecord{};
  bool have_doc = false;
  for (auto field : object) {
    std::string_view key;
    if (const auto error = field.unescaped_key().get(key)) return not_json(error);
    ondemand::value value;
    if (const auto error = field.value().get(value)) return not_json(error);
    bool ok = true;
    std::string_view expected = "a string";
    if (key == "doc") {
      ok = read(value, document.doc);
      have_doc = ok;
    } else if (key == "encoding") {
      ok = read(value, document.encoding);
    } else if (key == "script") {
      ok = read(value, document.script);
    } else if (key == "title") {
      ok = read(value, document.title);
    } else if (key == "date") {
      ok = read(value, document.date);
    } else if (key == "title_source") {
      ok = read(value, document.title_source);
    } else if (key == "date_source") {
      ok = read(value, document.date_source);
    } else if (key == "body") {
      ok = read(value, document.body);
    } else if (key == "content_hash") {
      ok = read(value, document.content_hash);
    } else if (key == "error") {
      ok = read(value, document.error);
    } else if (key == "regions" || key == "warnings") {
      ok = read(value, key == "regions" ? document.regions : document.warnings);
      expected = "an array of strings";
    } else if (key == "chars" || key == "facts") {
      ok = read(value, key == "chars" ? document.chars : document.facts);
      expected = "a non-negative integer";
    } else if (key == "repairs") {
      ok = read(value, document.repairs);
      expected = "an object of counts";
    }
    if (!ok) return field_error(key, expected);
  }
  if (!have_doc) return parse_error("missing field doc");
  return JsonlReader::Kind::document;
}

}  // namespace

Result<JsonlReader::Kind> JsonlReader::parse_into(std::string_view line, Fact& fact,
                                                  DocumentRecord& document, bool text_fields) {
  line = without_trailing_space(line);
  if (line.empty()) return parse_error("empty line");
  std::string& buffer = impl_->padded;
  buffer.assign(line);
  buffer.resize(line.size() + simdjson::SIMDJSON_PADDING);
  ondemand::document json;
  if (const auto error =
          impl_->parser.iterate(buffer.data(), line.size(), buffer.size()).get(json)) {
    return not_json(error);
  }
  ondemand::object object;
  if (const auto error = json.get_object().get(object)) {
    return error == simdjson::INCORRECT_TYPE ? parse_error("not a JSON object") : not_json(error);
  }
  // One pass reads a fact; a "type":"document" member sends it back to read a document.
  auto kind = read_fact(object, fact, text_fields);
  if (kind && kind.value() == Kind::document) {
    if (object.reset().error()) return parse_error("not a JSON object");
    kind = read_document(object, document);
  }
  if (!kind) return kind;
  // Past the object's closing brace the iterator must be out of bounds: nothing may follow.
  if (!json.current_location().error()) return parse_error("text after the JSON object");
  return kind;
}

Result<Record> JsonlReader::parse(std::string_view line) {
  Fact fact;
  DocumentRecord document;
  const auto kind = parse_into(line, fact, document);
  if (!kind) return kind.error();
  if (kind.value() == Kind::document) return Record(std::move(document));
  return Record(std::move(fact));
}

}  // namespace zhreport
