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
#include <memory>
#include <new>
#include <utility>
#include <vector>

namespace zhreport {

// An allocator whose resize() leaves new elements uninitialized: an offset map is written right
// after it grows, and zero-filling it first took 4% of zhextract's time.
template <typename T>
struct UninitializedAllocator : std::allocator<T> {
  template <typename U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  UninitializedAllocator() = default;
  template <typename U>
  UninitializedAllocator(const UninitializedAllocator<U>&) noexcept {}
  template <typename U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

// Offsets into an earlier text, one per byte of a later one.
using Offsets = std::vector<uint32_t, UninitializedAllocator<uint32_t>>;

struct OffsetMap {
  // source[i] = offset in the earlier text of byte i of this text; source.size() = size + 1,
  // and source.back() is the earlier text's end. Empty means "not tracked".
  Offsets source;

  static OffsetMap identity(size_t size);
  bool tracked() const { return !source.empty(); }
  size_t size() const { return source.empty() ? 0 : source.size() - 1; }
  // Offset in the earlier text of position `offset` of this text (offset <= size()).
  size_t map(size_t offset) const { return source[offset]; }
  // The map from this text straight to `earlier`'s own source: earlier ∘ this.
  OffsetMap compose_onto(const OffsetMap& earlier) const;
};

}  // namespace zhreport
