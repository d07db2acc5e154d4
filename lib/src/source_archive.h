// Internal to the source box: the members of one archive (libarchive), as documents.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "source_reader.h"
#include "zhreport/source.h"

struct archive;
struct archive_entry;

namespace zhreport::source_detail {

// A tar header that libarchive reads as a regular file or a directory and nothing more: a
// valid checksum (of unsigned bytes), GNU or ustar magic, type '0', NUL or '5', an octal size
// (0 for a directory), a name in ASCII (a ustar prefix joined as libarchive joins it) that
// does not end with '/' for a file, no GNU sparse or real-size fields. Anything else (pax and
// GNU long-name headers, links, old tar, the end-of-archive mark) is nullopt: libarchive's.
struct PlainTarHeader {
  std::string name;
  uint64_t size = 0;
  bool directory = false;
};
std::optional<PlainTarHeader> plain_tar_header(std::string_view block);

class ArchiveMembers {
 public:
  // Opens the archive file `path`, or an archive held in memory (a member of another archive);
  // members get the id "ID!PATH".
  static Result<std::unique_ptr<ArchiveMembers>> open_file(const std::string& path, std::string id,
                                                           const SourceOptions& options);
  static Result<std::unique_ptr<ArchiveMembers>> open_bytes(std::string bytes, std::string id,
                                                            const SourceOptions& options);
  ~ArchiveMembers();
  ArchiveMembers(const ArchiveMembers&) = delete;
  ArchiveMembers& operator=(const ArchiveMembers&) = delete;

  enum class Next { document, nested_archive, end };
  // The next member: `doc` (error set when it is skipped or unreadable) and `reader` for its
  // bytes, valid until the next call. nested_archive: an archive member to open when nested
  // archives are on. A corrupt archive gives one document carrying the error, then ends.
  Next next(SourceDocument& doc, std::unique_ptr<ContentReader>& reader);

  // Compressed bytes read so far.
  uint64_t bytes_consumed() const;

 private:
  class MemberReader;
  ArchiveMembers(std::string id, const SourceOptions& options, std::string bytes);
  // Reads the tar file at `path` without libarchive when libarchive took its first header for
  // an uncompressed tar and plain_tar_header reads that header too.
  void read_plain_tar(const std::string& path);
  Next next_plain(SourceDocument& doc, std::unique_ptr<ContentReader>& reader);
  // Hands the tar file to libarchive from the header at `offset` on.
  Next to_libarchive(SourceDocument& doc, std::unique_ptr<ContentReader>& reader, uint64_t offset);
  // The tar file's bytes from `at` that window_ holds, at least `least` of them unless the
  // file ends before (read into window_ from `at` when it does not hold them).
  std::string_view tar_window(uint64_t at, size_t least);
  // What next() tells of a member that is no directory, once its header is read.
  Next member(SourceDocument& doc, std::unique_ptr<ContentReader>& reader, std::string_view path,
              bool regular);
  Result<size_t> read_data(char* buffer, size_t n);
  // Reads what is left of the current member through the zip-bomb guard.
  Result<bool> drain_member();
  Result<std::string> read_member(uint64_t limit);
  Next member_document(SourceDocument& doc, std::unique_ptr<ContentReader>& reader);
  Next fail(SourceDocument& doc, std::string id, Error error);

  archive* archive_ = nullptr;
  // The first header, read by read_plain_tar when the archive stays libarchive's.
  std::optional<int> first_status_;
  archive_entry* first_entry_ = nullptr;
  // An uncompressed tar whose headers are plain (plain_tar_header) is read here, not by
  // libarchive: its reading of a member's header (a wide-character copy of the name among the
  // rest) cost some 11,000 instructions, more than a small report's way to the extractor.
  int tar_fd_ = -1;
  bool plain_tar_ = false;
  uint64_t tar_size_ = 0;           // of the file
  uint64_t tar_at_ = 0;             // where the current member's data goes on
  uint64_t tar_left_ = 0;           // of the current member's data
  uint64_t tar_next_ = 0;           // the next header
  uint64_t base_ = 0;               // where libarchive took the file over: its counts start there
  std::unique_ptr<char[]> window_;  // the file from window_at_, read a block at a time
  uint64_t window_at_ = 0;
  size_t window_size_ = 0;
  std::string id_;
  SourceOptions options_;
  std::string bytes_;  // the archive itself when it came from memory
  uint64_t expanded_ = 0;
  bool member_open_ = false;
  bool finished_ = false;
};

}  // namespace zhreport::source_detail
