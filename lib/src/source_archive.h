// Internal to the source box: the members of one archive (libarchive), as documents.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "source_reader.h"
#include "zhreport/source.h"

struct archive;

namespace zhreport::source_detail {

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
  Result<size_t> read_data(char* buffer, size_t n);
  // The member's next block (not sparse), appended to `out` from libarchive's buffer; as
  // read_data, the bytes it added.
  Result<size_t> append_data(std::string& out);
  // `count` more bytes read, through the zip-bomb guard: `count`, or the error that ends the
  // archive.
  Result<size_t> count_expanded(size_t count);
  // Reads what is left of the current member through the zip-bomb guard.
  Result<bool> drain_member();
  Result<std::string> read_member(uint64_t limit);
  Next member_document(SourceDocument& doc, std::unique_ptr<ContentReader>& reader);
  Next fail(SourceDocument& doc, std::string id, Error error);

  archive* archive_ = nullptr;
  std::string id_;
  SourceOptions options_;
  std::string bytes_;  // the archive itself when it came from memory
  uint64_t expanded_ = 0;
  uint64_t member_read_ = 0;  // bytes of the current member read so far
  bool member_sparse_ = false;
  bool member_open_ = false;
  bool finished_ = false;
};

}  // namespace zhreport::source_detail
