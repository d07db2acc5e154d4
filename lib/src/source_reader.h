// Internal to the source box: how the bytes of the current document are read, whether they
// come from a file descriptor, an archive member or memory.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "zhreport/error.h"

namespace zhreport::source_detail {

class ContentReader {
 public:
  virtual ~ContentReader() = default;
  // Up to `n` bytes into `buffer`; 0 at the end.
  virtual Result<size_t> read(char* buffer, size_t n) = 0;
  // The next bytes appended to `out`, as many as it returns; 0 at the end. By read() into
  // `block`; a reader whose bytes already lie in a buffer (an archive's member) appends them from
  // there, without that copy.
  virtual Result<size_t> append_to(std::string& out, std::span<char> block) {
    Result<size_t> count = read(block.data(), block.size());
    if (count) out.append(block.data(), count.value());
    return count;
  }
};

// Bytes already in memory (HTML reduced to text, members of nested archives).
class StringReader : public ContentReader {
 public:
  explicit StringReader(std::string bytes) : bytes_(std::move(bytes)) {}
  Result<size_t> read(char* buffer, size_t n) override;

 private:
  std::string bytes_;
  size_t position_ = 0;
};

// Case-insensitive: "A.TAR.GZ" ends with ".tar.gz". Suffixes in lower case, of 8 bytes at most.
bool ends_with_any(std::string_view path, std::initializer_list<std::string_view> suffixes);

// "no such file or directory": strerror(errno) in the library's lower-case message style.
std::string system_error_message(int errno_value);

}  // namespace zhreport::source_detail
