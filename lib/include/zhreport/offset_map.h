// OffsetMap: where each byte of a derived text came from in the original input bytes.
//
//   OffsetMap m = OffsetMap::identity(text.size());
//   size_t original_start = m.source(span_start), original_end = m.source(span_end);
//
// Every stage that changes the text (decode, normalize, convert) returns one; compose()
// chains them, so a fact found in the converted text can be sliced out of the original file.
// It is dense (one entry per byte plus one for the end), which is cheap for documents and is
// only built when a caller asks for it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace zhreport {

struct OffsetMap {
  // source[i] = offset in the earlier text of byte i of this text; source.size() = size + 1,
  // and source.back() is the earlier text's end. Empty means "not tracked".
  std::vector<uint32_t> source;

  static OffsetMap identity(size_t size);
  bool tracked() const { return !source.empty(); }
  size_t size() const { return source.empty() ? 0 : source.size() - 1; }
  // Offset in the earlier text of position `offset` of this text (offset <= size()).
  size_t map(size_t offset) const { return source[offset]; }
  // The map from this text straight to `earlier`'s own source: earlier ∘ this.
  OffsetMap compose_onto(const OffsetMap& earlier) const;
};

}  // namespace zhreport
