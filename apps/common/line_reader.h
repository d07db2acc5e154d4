// Reads a file or stdin line by line in large blocks, never holding the whole input.
//
//   zhreport::cli::LineReader lines;
//   if (!lines.open(path)) fail(path, lines.error());      // "" or "-" = stdin
//   std::string_view line;
//   while (lines.next(line)) use(lines.line_number(), line);  // line without its '\n'
//   if (!lines.error().empty()) fail(path, lines.error());
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace zhreport::cli {

// strerror() as the batch tools word it: "no such file or directory".
std::string system_error(int errno_value);

class LineReader {
 public:
  LineReader() = default;
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  bool open(const std::string& path);
  // The next line (valid until the next call); false at the end of input or on a read error.
  bool next(std::string_view& line);
  size_t line_number() const { return line_number_; }
  const std::string& error() const { return error_; }
  // "(stdin)" or the path, for messages.
  const std::string& name() const { return name_; }

 private:
  bool fill();  // reads more bytes; false at end of input

  std::FILE* file_ = nullptr;
  bool owned_ = false;
  bool eof_ = false;
  std::string buffer_;
  size_t begin_ = 0;  // start of the unread part of buffer_
  size_t line_number_ = 0;
  std::string error_;
  std::string name_;
};

}  // namespace zhreport::cli
