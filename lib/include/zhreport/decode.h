// decode: bytes of unknown encoding → UTF-8, with every invalid byte accounted for.
//
//   zhreport::Result<zhreport::Decoded> r = zhreport::decode(bytes, {.track_offsets = true});
//   if (!r) return r.error();  // ErrorCode::binary when the input has NUL bytes
//   for (auto bad : r->invalid) report(bad.offset, bad.length);  // each became one U+FFFD
//   size_t original = r->offsets.map(utf8_position);             // byte offset in `bytes`
//
// Detection, in order: a byte-order mark; valid UTF-8 (the fast path: no conversion at all);
// UTF-8 that is valid but for a few stray bytes (kept as UTF-8, the strays replaced and listed);
// NUL bytes mostly on one parity (UTF-16 holding ASCII); otherwise the candidates GB18030,
// Big5, UTF-16LE and UTF-16BE are decoded and scored by their share of the ~1150 most frequent
// Chinese characters (a wrong charset yields characters picked almost at random, plus invalid
// and strange ones); ICU's detector's order breaks ties, and between two equally common
// readings of a short text the Simplified GB18030 one or the Big5 one wins. When no reading
// is convincing, the input is read as UTF-8 with replacements: a wrong guess would hide the
// damage, a U+FFFD list shows it. Big5 is decoded as Big5-HKSCS, its superset.
//
// Streaming, for inputs too large to hold (memory stays flat):
//   auto enc = zhreport::detect_encoding(first_chunk);  // or parse_encoding(flag)
//   zhreport::StreamDecoder d(enc.value());
//   while (read(chunk)) d.decode(chunk, at_eof, out);     // out gets UTF-8 appended
//   d.invalid();  d.nul_offset();                         // offsets from stream start
// A head of pure ASCII is no evidence: it detects as UTF-8 whatever follows.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhreport/error.h"
#include "zhreport/offset_map.h"

namespace zhreport {

enum class Encoding { utf8, gb18030, big5, utf16le, utf16be };

// "utf-8" "gb18030" "big5" "utf-16le" "utf-16be"
std::string_view encoding_name(Encoding encoding);

// Case-insensitive; accepts common aliases: utf8, gbk, gb2312, cp936 (all read as gb18030, a
// superset), big5-hkscs, cp950, utf-16 (little-endian, as Windows writes it), ucs-2le...
std::optional<Encoding> parse_encoding(std::string_view name);

// A run of input bytes that is not valid in the encoding; it became one U+FFFD in the output.
struct InvalidSequence {
  size_t offset;  // in the ORIGINAL bytes (BOM included)
  size_t length;
  bool operator==(const InvalidSequence&) const = default;
};

struct DecodeOptions {
  std::optional<Encoding> from =
      std::nullopt;            // default: detect. A BOM of this same encoding is still skipped.
  bool track_offsets = false;  // fill Decoded::offsets (4 bytes per output byte)
  // When the text would be the input's bytes as they are (valid UTF-8 without a BOM;
  // Decoded::copied says so), leave Decoded::text empty and Decoded::offsets untracked (each
  // offset is its own): a caller that keeps the bytes reads them instead, and saves copying
  // them and writing the map (most inputs).
  bool borrow_when_copied = false;
};

struct Decoded {
  std::string text;  // UTF-8, BOM removed
  Encoding encoding = Encoding::utf8;
  bool bom = false;
  std::vector<InvalidSequence> invalid;
  OffsetMap offsets;    // text byte → input byte; end entry = bytes.size()
  bool copied = false;  // the text is the input's bytes as they are (valid UTF-8 without a BOM)
};

// Error binary ("binary content (NUL byte at offset N)") when a NUL byte appears in an
// input that is not UTF-16.
Result<Decoded> decode(std::string_view bytes, const DecodeOptions& options = {});

// The encoding decode() would pick for an input starting with `head` (a prefix of the input:
// a multi-byte sequence cut at its end is not held against it). Error binary on NUL bytes
// outside UTF-16.
Result<Encoding> detect_encoding(std::string_view head);

// Decodes a stream chunk by chunk with the state carried across chunks: a character split
// between two chunks decodes as if the chunks were one. A BOM of `encoding` at the start of the
// stream is skipped. Output equals decode(whole, {.from = encoding}).text.
class StreamDecoder {
 public:
  explicit StreamDecoder(Encoding encoding);
  ~StreamDecoder();
  StreamDecoder(StreamDecoder&&) noexcept;
  StreamDecoder& operator=(StreamDecoder&&) noexcept;

  // Appends the UTF-8 of `chunk` to `out`; `last` flushes a sequence left incomplete at the end.
  void decode(std::string_view chunk, bool last, std::string& out);
  // The same, without copying valid UTF-8: appends to `out` only what had to be decoded (a
  // sequence completed across chunks, any other encoding, a chunk with invalid bytes) and
  // returns the rest of the decoded text, which follows what was appended: a view into `chunk`
  // (empty when there is none; valid until `chunk` changes).
  std::string_view decode_split(std::string_view chunk, bool last, std::string& out);

  Encoding encoding() const;
  bool bom() const;
  // Offsets from the start of the stream.
  const std::vector<InvalidSequence>& invalid() const;
  // First NUL byte seen in a non-UTF-16 stream (binary content); it is passed through as U+0000.
  std::optional<size_t> nul_offset() const;

  struct State;  // defined in decode.cpp

 private:
  std::unique_ptr<State> state_;
};

}  // namespace zhreport
