// ConvertStream: one document's bytes → Simplified UTF-8, chunk by chunk in flat memory:
// decode (decode.h) → normalize (normalize.h, when `clean`) → convert (convert.h).
//
//   zhreport::ConvertStream stream({.config = zhreport::Config::t2s});
//   std::string out;
//   while (read(chunk)) {
//     if (std::optional<zhreport::Error> e = stream.feed(chunk, at_eof, out)) return *e;
//     write(out);
//     out.clear();
//   }
//   stream.invalid();  // each became U+FFFD; offsets in the document's bytes
//
// The output equals convert(normalize(decode(whole).text).text) (without `clean`:
// convert(decode(whole).text), after the input's UTF-8 BOM if it has one, as OpenCC keeps it)
// whatever the chunk sizes. Memory holds a chunk plus the few
// characters a phrase may still span; with `clean`, up to a line (normalize's repairs are
// line-local), and a line longer than 4 MiB is normalized in pieces.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zhreport/convert.h"
#include "zhreport/decode.h"
#include "zhreport/error.h"

namespace zhreport {

struct ConvertStreamOptions {
  Config config = Config::t2s;
  bool rare_forms = false;  // OpenCC's tofu-risk dictionaries too (Converter::get)
  std::optional<Encoding> from = std::nullopt;  // default: detected from the first 64 KiB
  bool clean = false;  // normalize with artifact repairs (normalize.h) before converting
};

class ConvertStream {
 public:
  explicit ConvertStream(const ConvertStreamOptions& options = {});
  ~ConvertStream();
  ConvertStream(const ConvertStream&) = delete;
  ConvertStream& operator=(const ConvertStream&) = delete;

  // Appends to `out` what can be converted so far; last=true flushes everything. An error
  // (ErrorCode::binary: a NUL byte outside UTF-16) ends the document: nothing more is converted.
  std::optional<Error> feed(std::string_view bytes, bool last, std::string& out);
  // The same without a copy: `converted` views the stream's own buffer (reused, so never
  // zero-filled again), valid until the next call.
  std::optional<Error> feed(std::string_view bytes, bool last, std::string_view& converted);

  // The encoding, once known (after the first feed that detected it).
  std::optional<Encoding> encoding() const;
  // Invalid sequences so far, offsets from the start of the document's bytes.
  const std::vector<InvalidSequence>& invalid() const;
  // Repairs made so far by kind (with `clean`), in normalize's order.
  const std::vector<std::pair<std::string, size_t>>& repairs() const;

 private:
  std::optional<Error> feed_into(std::string_view bytes, bool last, std::string& out, size_t* used);
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace zhreport
