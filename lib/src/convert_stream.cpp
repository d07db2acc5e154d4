#include "zhreport/convert_stream.h"

#include <algorithm>

#include "zhreport/normalize.h"

namespace zhreport {

namespace {

constexpr size_t kDetectionBytes = size_t{64} << 10;
constexpr size_t kLongestLine = size_t{4} << 20;
constexpr size_t kBridge = 1024;  // see feed_into

// Where normalize() may stop in `text` without changing its result: after the last line break,
// or, on a line too long to hold, at the last character start.
size_t normalizable_prefix(std::string_view text) {
  size_t newline = text.rfind('\n');
  if (newline != std::string_view::npos) return newline + 1;
  if (text.size() < kLongestLine) return 0;
  size_t cut = text.size();
  while (cut > 0 && (static_cast<unsigned char>(text[cut - 1]) & 0xC0) == 0x80) --cut;
  return cut > 0 ? cut - 1 : 0;  // before the last (possibly incomplete) character
}

void add_repairs(std::vector<std::pair<std::string, size_t>>& total,
                 const std::vector<std::pair<std::string, size_t>>& more) {
  for (const auto& repair : more) {  // not a structured binding: clang 14 cannot capture one
    auto it = std::find_if(total.begin(), total.end(),
                           [&](const auto& r) { return r.first == repair.first; });
    if (it == total.end()) {
      total.push_back(repair);
    } else {
      it->second += repair.second;
    }
  }
}

}  // namespace

struct ConvertStream::State {
  ConvertStreamOptions options;
  const Converter& converter;
  std::optional<StreamDecoder> decoder;
  std::string head;     // bytes held until the encoding is detected
  std::string decoded;  // decoded, not yet normalized (clean) or converted
  std::string cleaned;  // normalized, not yet converted (clean)
  std::vector<std::pair<std::string, size_t>> repairs;
  std::optional<Error> error;
  bool started = false;  // output begun: whether a UTF-8 BOM is kept is decided
  const std::vector<InvalidSequence> none;
  std::string buffer;  // what feed() to a view converted: reused, never shrunk
};

ConvertStream::ConvertStream(const ConvertStreamOptions& options)
    : state_(new State{options,
                       Converter::get(options.config, options.rare_forms),
                       {},
                       {},
                       {},
                       {},
                       {},
                       {},
                       false,
                       {},
                       {}}) {
  if (options.from) state_->decoder.emplace(*options.from);
}

ConvertStream::~ConvertStream() = default;

std::optional<Error> ConvertStream::feed(std::string_view bytes, bool last, std::string& out) {
  return feed_into(bytes, last, out, nullptr);
}

std::optional<Error> ConvertStream::feed(std::string_view bytes, bool last,
                                         std::string_view& converted) {
  State& s = *state_;
  size_t used = 0;
  std::optional<Error> error = feed_into(bytes, last, s.buffer, &used);
  converted = std::string_view(s.buffer.data(), used);
  return error;
}

std::optional<Error> ConvertStream::feed_into(std::string_view bytes, bool last, std::string& out,
                                              size_t* used) {
  State& s = *state_;
  // Appends to `out`, or writes at out[*used...] (the stream's reused buffer).
  auto convert_some = [&](std::string_view text, bool final) {
    return used ? s.converter.convert_some(text, final, out, *used)
                : s.converter.convert_some(text, final, out);
  };
  if (s.error) return s.error;
  std::string head;  // the bytes held for detection, once it is done (`bytes` views them)
  if (!s.decoder) {
    s.head.append(bytes);
    if (s.head.size() < kDetectionBytes && !last) return std::nullopt;
    Result<Encoding> encoding =
        detect_encoding(std::string_view(s.head).substr(0, kDetectionBytes));
    if (!encoding) return s.error = encoding.error();
    s.decoder.emplace(encoding.value());
    head = std::move(s.head);
    s.head = std::string();
    bytes = head;
  }
  // Without --clean, valid UTF-8 is converted where it is (`view`), not copied into `decoded`.
  std::string_view view;
  if (s.options.clean) {
    s.decoder->decode(bytes, last, s.decoded);
  } else {
    view = s.decoder->decode_split(bytes, last, s.decoded);
  }
  if (std::optional<size_t> nul = s.decoder->nul_offset()) {
    return s.error = Error{ErrorCode::binary,
                           "binary content (NUL byte at offset " + std::to_string(*nul) + ")"};
  }
  if (!s.options.clean) {
    // OpenCC keeps a UTF-8 BOM as an ordinary character; so do we, to stay byte-identical.
    if (!s.started && (!s.decoded.empty() || !view.empty() || last)) {
      s.started = true;
      if (s.decoder->bom() && s.decoder->encoding() == Encoding::utf8) {
        constexpr std::string_view kBom = "\xEF\xBB\xBF";
        if (used) {
          if (out.size() < *used + kBom.size()) out.resize(*used + kBom.size());
          out.replace(*used, kBom.size(), kBom);
          *used += kBom.size();
        } else {
          out += kBom;
        }
      }
    }
    // The text is `decoded` (what the converter left last time, a completed sequence) then
    // `view`. They are joined by a copy only as far as the converter needs to pass the join:
    // a bridge of up to 1 KB of the view; past it, the view is converted where it is.
    if (!s.decoded.empty() && !view.empty()) {
      const size_t held = s.decoded.size();
      size_t bridge = std::min(view.size(), kBridge);
      while (bridge > 0 && bridge < view.size() &&
             (static_cast<unsigned char>(view[bridge]) & 0xC0) == 0x80) {
        --bridge;  // a character boundary
      }
      s.decoded.append(view.substr(0, bridge));
      const size_t taken = convert_some(s.decoded, last && bridge == view.size());
      if (taken >= held) {
        view.remove_prefix(taken - held);
        s.decoded.clear();
      } else {  // stopped before the join (a long run of key characters): copy the rest too
        s.decoded.erase(0, taken);
        s.decoded.append(view.substr(bridge));
        view = {};
      }
    }
    if (view.empty()) {
      s.decoded.erase(0, convert_some(s.decoded, last));
    } else {
      s.decoded.assign(view.substr(convert_some(view, last)));
    }
    return std::nullopt;
  }
  size_t ready = last ? s.decoded.size() : normalizable_prefix(s.decoded);
  if (ready > 0) {
    Normalized normalized = normalize(std::string_view(s.decoded).substr(0, ready));
    add_repairs(s.repairs, normalized.repairs);
    s.cleaned += normalized.text;
    s.decoded.erase(0, ready);
  }
  s.cleaned.erase(0, convert_some(s.cleaned, last));
  return std::nullopt;
}

std::optional<Encoding> ConvertStream::encoding() const {
  if (!state_->decoder) return std::nullopt;
  return state_->decoder->encoding();
}

const std::vector<InvalidSequence>& ConvertStream::invalid() const {
  return state_->decoder ? state_->decoder->invalid() : state_->none;
}

const std::vector<std::pair<std::string, size_t>>& ConvertStream::repairs() const {
  return state_->repairs;
}

}  // namespace zhreport
