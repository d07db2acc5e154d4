#include "line_reader.h"

#include <cctype>
#include <cerrno>
#include <cstring>

namespace zhreport::cli {

namespace {
constexpr size_t kBlock = size_t{1} << 20;
}  // namespace

std::string system_error(int errno_value) {
  std::string message = std::strerror(errno_value);
  // "no such file or directory", as the batch tools say it (zhreport/source.h).
  if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
  return message;
}

LineReader::~LineReader() {
  if (owned_ && file_) std::fclose(file_);
}

bool LineReader::open(const std::string& path) {
  if (path.empty() || path == "-") {
    file_ = stdin;
    name_ = "(stdin)";
    return true;
  }
  name_ = path;
  file_ = std::fopen(path.c_str(), "rb");
  if (!file_) {
    error_ = system_error(errno);
    return false;
  }
  owned_ = true;
  return true;
}

bool LineReader::fill() {
  if (eof_ || !file_) return false;
  buffer_.erase(0, begin_);  // keep only the unfinished line
  buffer_.reserve(buffer_.size() + kBlock);
  begin_ = 0;
  const size_t old_size = buffer_.size();
  buffer_.resize(old_size + kBlock);
  const size_t got = std::fread(buffer_.data() + old_size, 1, kBlock, file_);
  buffer_.resize(old_size + got);
  if (got < kBlock) {
    eof_ = true;
    if (std::ferror(file_)) error_ = system_error(errno);
  }
  return got > 0;
}

bool LineReader::next(std::string_view& line) {
  size_t scanned = begin_;
  while (true) {
    const size_t newline = buffer_.find('\n', scanned);
    if (newline != std::string::npos) {
      line = std::string_view(buffer_).substr(begin_, newline - begin_);
      begin_ = newline + 1;
      ++line_number_;
      return true;
    }
    scanned = buffer_.size() - begin_;  // offset into the unread part, stable across fill()
    if (!fill()) break;
    scanned += begin_;
  }
  if (begin_ == buffer_.size() || !error_.empty()) return false;
  line = std::string_view(buffer_).substr(begin_);  // a last line without '\n'
  begin_ = buffer_.size();
  ++line_number_;
  return true;
}

}  // namespace zhreport::cli
