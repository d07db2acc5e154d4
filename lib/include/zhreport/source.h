// Source: the input documents named by a command line, one at a time, as (id, bytes).
//
//   zhreport::Source source({"reports/", "crawl.warc.gz", "-"});
//   while (const zhreport::SourceDocument* doc = source.next()) {
//     if (doc->error) { report(doc->id, doc->error->message); continue; }
//     zhreport::Result<std::string> bytes = source.read_all();   // or read_some() in chunks
//     if (!bytes) { report(doc->id, bytes.error().message); continue; }
//     use(doc->id, bytes.value());
//   }
//
// Inputs are files, directories (recursive, regular files only, sorted by path), "-" for
// stdin, and archives (.tar .tar.gz .tgz .tar.zst .tar.bz2 .tar.xz .zip .warc .warc.gz, chosen
// by file name) whose members become documents with id "ARCHIVE!MEMBER". HTML members are
// reduced to text (html.h). Nothing is parsed here: a document's bytes go on to decode.h.
//
// Every input is accounted for: a missing file, a directory where none is allowed, an unsafe
// member path, a nested archive or a corrupt archive each comes out as a document with `error`
// set, so callers can report it and list it in a manifest. Only paths the caller names are
// opened, and archive members are never written anywhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "zhreport/error.h"

namespace zhreport {

struct SourceOptions {
  // Recurse into directories; when false a directory is an error ("is a directory").
  bool directories = true;
  // Read archives (by file name) member by member; when false they are plain files.
  bool archives = true;
  // Open archives found inside archives; when false such members are skipped and reported.
  bool nested_archives = false;
  // Reduce HTML members (.html/.htm, WARC responses with an HTML content type) to text. When
  // false they come as the page's bytes, with SourceDocument::html and charset set, for a
  // reader of pages (page.h, what zhextract does).
  bool html_to_text = true;
  // A document larger than this is not read: read_all() fails with ErrorCode::too_large.
  uint64_t max_doc_bytes = uint64_t{64} << 20;
  // Zip-bomb guard: an archive stops with ErrorCode::too_large once it has expanded past
  // max_doc_bytes and to more than this many times the compressed bytes read so far.
  double max_expansion_ratio = 200;
};

// Why a document was not read: skipped by a limit or rule that protects the user, or failed
// because it could not be read at all.
enum class SourceStatus { ok, skipped, failed };
std::string_view source_status_name(SourceStatus);  // "ok" "skipped" "failed"
// too_large and the protective rules (unsafe path, nested archive) → skipped; the rest failed.
SourceStatus status_of(const Error&);

struct SourceDocument {
  std::string id;                // the path as given, "-" for stdin, "ARCHIVE!MEMBER"
  std::optional<Error> error;    // set when the document cannot be read
  std::optional<uint64_t> size;  // when known before reading (files, most members)
  bool from_html = false;        // the bytes are text extracted from HTML
  bool plain_file = false;       // a file or stdin, not an archive member
  bool html = false;             // an HTML page (by member name or HTTP content type), as is
  std::string charset;           // of the HTTP Content-Type header, when a WARC record gives it
  std::string date;              // WARC-Date of the record, ISO 8601 (YYYY-MM-DD), when known
};

class Source {
 public:
  // `inputs` are paths, "-" for stdin; none means stdin.
  explicit Source(std::vector<std::string> inputs, const SourceOptions& options = {});
  ~Source();
  Source(const Source&) = delete;
  Source& operator=(const Source&) = delete;

  // Advances to the next document; nullptr after the last. The pointer and the content
  // stay valid until the next call.
  const SourceDocument* next();

  // The current document's bytes, whole. ErrorCode::too_large past max_doc_bytes,
  // ErrorCode::io when reading fails, after which the document is done.
  Result<std::string> read_all();
  // Up to `max_bytes` more bytes of the current document into `chunk` (replacing it);
  // an empty chunk means the end. For plain files and stdin there is no size limit, so a
  // caller can stream inputs of any size in constant memory.
  Result<bool> read_some(size_t max_bytes, std::string& chunk);

  // Progress: input bytes consumed so far (compressed bytes for archives), and the total
  // size of the inputs named so far when it is known (not for stdin).
  uint64_t bytes_consumed() const;
  std::optional<uint64_t> total_bytes() const;
  // How many documents there will be, when known (no archives among the inputs).
  std::optional<size_t> total_documents() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// True when `path` names an archive the Source opens member by member.
bool is_archive_name(std::string_view path);

}  // namespace zhreport
