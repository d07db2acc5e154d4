#include "zhreport/source.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/core.h>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "source_archive.h"
#include "source_reader.h"

namespace zhreport {

namespace source_detail {

Result<size_t> StringReader::read(char* buffer, size_t n) {
  size_t count = std::min(n, bytes_.size() - position_);
  std::memcpy(buffer, bytes_.data() + position_, count);
  position_ += count;
  return count;
}

bool ends_with_any(std::string_view path, std::initializer_list<std::string_view> suffixes) {
  // Each suffix's last byte is compared first (most suffixes differ there), then the rest, the
  // path's bytes lowered as they are compared: not a lowered copy of the path (an allocation for
  // every archive member), nor its last bytes lowered for every name. The suffixes are ASCII:
  // ASCII's lowering is the one that can match them.
  if (path.empty()) return false;
  const auto lower = [](char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  };
  const char last = lower(path.back());
  return std::any_of(suffixes.begin(), suffixes.end(), [&](std::string_view suffix) {
    if (suffix.empty() || suffix.back() != last || suffix.size() > path.size()) return false;
    const std::string_view tail = path.substr(path.size() - suffix.size());
    return std::equal(tail.begin(), tail.end() - 1, suffix.begin(),
                      [&](char c, char s) { return lower(c) == s; });
  });
}

std::string system_error_message(int errno_value) {
  std::string message = std::strerror(errno_value);
  if (!message.empty()) message[0] = static_cast<char>(std::tolower(message[0]));
  return message;
}

}  // namespace source_detail

using source_detail::ArchiveMembers;
using source_detail::ContentReader;
using source_detail::system_error_message;

namespace {

namespace fs = std::filesystem;

// A file descriptor: a named file (closed at the end) or stdin (left open).
class FileReader : public ContentReader {
 public:
  FileReader(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FileReader() override {
    if (owned_) ::close(fd_);
  }
  Result<size_t> read(char* buffer, size_t n) override {
    for (;;) {
      ssize_t count = ::read(fd_, buffer, n);
      if (count >= 0) return static_cast<size_t>(count);
      if (errno != EINTR)
        return Error{ErrorCode::io, "read failed: " + system_error_message(errno)};
    }
  }

 private:
  int fd_;
  bool owned_;
};

// One command-line input after directories are expanded: a path, stdin, or a problem found
// while listing (kept in its place so the order of reports follows the order of inputs).
struct Entry {
  std::string path;
  bool is_stdin = false;
  std::optional<Error> error;
  std::optional<uint64_t> size;
};

Error io_error(std::string message) { return Error{ErrorCode::io, std::move(message)}; }

// Regular files under `dir`, recursively, sorted by path; symbolic links to directories are
// not followed (no cycles); other special files and broken links are reported, not dropped.
void list_directory(const std::string& dir, std::vector<Entry>& out) {
  std::vector<Entry> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::none, ec);
  if (ec) {
    out.push_back({dir, false, io_error("cannot list directory: " + ec.message()), {}});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::directory_entry& entry = *it;
    std::string path = entry.path().string();
    std::error_code status_ec;
    if (entry.is_regular_file(status_ec)) {
      std::error_code size_ec;
      uint64_t size = entry.file_size(size_ec);
      found.push_back({path, false, {}, size_ec ? std::nullopt : std::optional<uint64_t>(size)});
    } else if (entry.is_directory(status_ec)) {
      continue;
    } else if (entry.is_symlink(status_ec) && !entry.exists(status_ec)) {
      found.push_back({path, false, io_error("broken symbolic link"), {}});
    } else {
      found.push_back({path, false, Error{ErrorCode::invalid_argument, "not a regular file"}, {}});
    }
  }
  if (ec) found.push_back({dir, false, io_error("cannot list directory: " + ec.message()), {}});
  std::sort(found.begin(), found.end(),
            [](const Entry& a, const Entry& b) { return a.path < b.path; });
  out.insert(out.end(), std::make_move_iterator(found.begin()),
             std::make_move_iterator(found.end()));
}

std::vector<Entry> expand(const std::vector<std::string>& inputs, const SourceOptions& options) {
  std::vector<Entry> entries;
  if (inputs.empty()) entries.push_back({"-", true, {}, {}});
  for (const std::string& input : inputs) {
    if (input == "-") {
      entries.push_back({"-", true, {}, {}});
      continue;
    }
    struct stat info;
    if (::stat(input.c_str(), &info) != 0) {
      entries.push_back({input, false, io_error(system_error_message(errno)), {}});
    } else if (S_ISDIR(info.st_mode)) {
      if (options.directories) {
        list_directory(input, entries);
      } else {
        entries.push_back({input, false, io_error("is a directory"), {}});
      }
    } else {
      std::optional<uint64_t> size;
      if (S_ISREG(info.st_mode)) size = static_cast<uint64_t>(info.st_size);
      entries.push_back({input, false, {}, size});
    }
  }
  return entries;
}

Error too_large(uint64_t size, uint64_t limit, bool at_least) {
  return Error{ErrorCode::too_large,
               fmt::format("document is {}{} bytes, over the limit of {} bytes",
                           at_least ? "more than " : "", at_least ? limit : size, limit)};
}

}  // namespace

std::string_view source_status_name(SourceStatus status) {
  switch (status) {
    case SourceStatus::ok:
      return "ok";
    case SourceStatus::skipped:
      return "skipped";
    case SourceStatus::failed:
      return "failed";
  }
  return "failed";
}

SourceStatus status_of(const Error& error) {
  return error.code == ErrorCode::too_large || error.code == ErrorCode::invalid_argument
             ? SourceStatus::skipped
             : SourceStatus::failed;
}

bool is_archive_name(std::string_view path) {
  return source_detail::ends_with_any(
      path, {".tar", ".tar.gz", ".tgz", ".tar.zst", ".tzst", ".tar.bz2", ".tbz2", ".tar.xz", ".txz",
             ".zip", ".warc", ".warc.gz"});
}

class Source::Impl {
 public:
  Impl(std::vector<std::string> inputs, const SourceOptions& options)
      : options_(options), entries_(expand(inputs, options)) {
    uint64_t total = 0;
    for (const Entry& entry : entries_) {
      if (entry.is_stdin || (!entry.error && !entry.size)) total_known_ = false;
      total += entry.size.value_or(0);
      if (is_archive_name(entry.path) && options_.archives) documents_known_ = false;
    }
    total_bytes_ = total;
  }

  const SourceDocument* next() {
    reader_.reset();
    for (;;) {
      if (!archives_.empty()) {
        if (const SourceDocument* member = next_member()) return member;
        continue;
      }
      if (next_entry_ == entries_.size()) return nullptr;
      Entry& entry = entries_[next_entry_++];
      current_ = SourceDocument{};
      current_.id = entry.path;
      current_.size = entry.size;
      if (!entry.error && !entry.is_stdin && options_.archives && is_archive_name(entry.path)) {
        auto opened = ArchiveMembers::open_file(entry.path, entry.path, options_);
        if (opened) {
          archives_.push_back(std::move(opened).value());
          archive_size_ = entry.size.value_or(0);
          continue;
        }
        current_.error = opened.error();
        return &current_;
      }
      current_.plain_file = true;
      open_file(entry);
      return &current_;
    }
  }

  Result<std::string> read_all() {
    if (current_.error) return *current_.error;
    if (!reader_) return io_error("no document to read");
    const uint64_t limit = options_.max_doc_bytes;
    if (current_.size && *current_.size > limit)
      return finish(too_large(*current_.size, limit, false));
    std::string bytes;
    if (current_.size) bytes.reserve(*current_.size);
    // Read through one reused block (an archive member's bytes are appended from libarchive's
    // own buffer): growing `bytes` by a block per read would zero-fill 64 KiB for every small
    // document (a tenth of zhextract's time on 5 KB reports).
    if (read_block_.empty()) read_block_.resize(kReadBlock);
    for (;;) {
      Result<size_t> count = reader_->append_to(bytes, read_block_);
      if (!count) return finish(count.error());
      if (current_.plain_file) consumed_ += count.value();
      if (count.value() == 0) break;
      if (bytes.size() > limit) return finish(too_large(bytes.size(), limit, true));
    }
    reader_.reset();
    return bytes;
  }

  Result<bool> read_some(size_t max_bytes, std::string& chunk) {
    if (current_.error || !reader_) chunk.clear();
    if (current_.error) return *current_.error;
    if (!reader_) return false;
    chunk.resize(max_bytes);  // a reused chunk keeps its size: no zero-filling on every read
    Result<size_t> count = reader_->read(chunk.data(), max_bytes);
    if (!count) {
      chunk.clear();
      return finish(count.error());
    }
    chunk.resize(count.value());
    if (current_.plain_file) consumed_ += count.value();
    if (count.value() == 0) reader_.reset();
    return count.value() != 0;
  }

  uint64_t bytes_consumed() const {
    return consumed_ + (archives_.empty() ? 0 : archives_.front()->bytes_consumed());
  }
  std::optional<uint64_t> total_bytes() const {
    return total_known_ ? std::optional<uint64_t>(total_bytes_) : std::nullopt;
  }
  std::optional<size_t> total_documents() const {
    return documents_known_ ? std::optional<size_t>(entries_.size()) : std::nullopt;
  }

 private:
  void open_file(Entry& entry) {
    if (entry.error) {
      current_.error = std::move(entry.error);
    } else if (entry.is_stdin) {
      reader_ = std::make_unique<FileReader>(STDIN_FILENO, false);
    } else {
      int fd = ::open(entry.path.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) {
        current_.error = io_error("cannot open: " + system_error_message(errno));
      } else {
        reader_ = std::make_unique<FileReader>(fd, true);
      }
    }
  }

  // The next member of the innermost open archive; nullptr when that archive has ended.
  const SourceDocument* next_member() {
    ArchiveMembers& members = *archives_.back();
    ArchiveMembers::Next next = members.next(current_, reader_);
    if (next == ArchiveMembers::Next::end) {
      // A zip is read by seeking: all of it counts as consumed once it is done.
      if (archives_.size() == 1) consumed_ += std::max(members.bytes_consumed(), archive_size_);
      archives_.pop_back();
      return nullptr;
    }
    if (next == ArchiveMembers::Next::document) return &current_;
    // A nested archive: read whole (it is a member like any other, within max_doc_bytes).
    static constexpr size_t kMaxNesting = 8;
    if (archives_.size() >= kMaxNesting) {
      current_.error = Error{ErrorCode::invalid_argument, "archives nested too deep, not opened"};
      return &current_;
    }
    Result<std::string> bytes = read_all();
    if (!bytes) return &current_;
    auto opened = ArchiveMembers::open_bytes(std::move(bytes).value(), current_.id, options_);
    if (!opened) {
      current_.error = opened.error();
      return &current_;
    }
    archives_.push_back(std::move(opened).value());
    return nullptr;
  }

  // A read error ends the document: the error is remembered so later reads repeat it.
  Error finish(Error error) {
    reader_.reset();
    current_.error = error;
    return error;
  }

  static constexpr size_t kReadBlock = 1 << 16;
  SourceOptions options_;
  std::string read_block_;  // read_all's buffer
  std::vector<Entry> entries_;
  size_t next_entry_ = 0;
  SourceDocument current_;
  std::unique_ptr<ContentReader> reader_;
  std::vector<std::unique_ptr<ArchiveMembers>> archives_;  // open archives, outermost first
  uint64_t consumed_ = 0;      // bytes of plain files and of archives already finished
  uint64_t archive_size_ = 0;  // of the outermost open archive
  uint64_t total_bytes_ = 0;
  bool total_known_ = true;
  bool documents_known_ = true;
};

Source::Source(std::vector<std::string> inputs, const SourceOptions& options)
    : impl_(std::make_unique<Impl>(std::move(inputs), options)) {}
Source::~Source() = default;
const SourceDocument* Source::next() { return impl_->next(); }
Result<std::string> Source::read_all() { return impl_->read_all(); }
Result<bool> Source::read_some(size_t max_bytes, std::string& chunk) {
  return impl_->read_some(max_bytes, chunk);
}
uint64_t Source::bytes_consumed() const { return impl_->bytes_consumed(); }
std::optional<uint64_t> Source::total_bytes() const { return impl_->total_bytes(); }
std::optional<size_t> Source::total_documents() const { return impl_->total_documents(); }

}  // namespace zhreport
