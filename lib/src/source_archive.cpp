#include "source_archive.h"

#include <archive.h>
#include <archive_entry.h>
#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "zhreport/html.h"

namespace zhreport::source_detail {

namespace {

Error corrupt(archive* a) {
  const char* why = archive_error_string(a);
  return Error{ErrorCode::parse, fmt::format("corrupt archive: {}", why ? why : "unknown error")};
}

Error skipped(std::string message) {
  return Error{ErrorCode::invalid_argument, std::move(message)};
}

// Absolute paths, drive letters and ".." components: a tool that wrote members out would
// write outside its directory. We write nothing, but the user should know.
bool unsafe_member_path(std::string_view path) {
  if (path.empty()) return false;
  if (path.front() == '/' || path.front() == '\\') return true;
  if (path.size() >= 2 && path[1] == ':' && std::isalpha(static_cast<unsigned char>(path[0]))) {
    return true;
  }
  // A component "..", found by its dots (a name holds few), not by a look at every byte.
  const auto separator = [&](size_t i) { return path[i] == '/' || path[i] == '\\'; };
  for (size_t at = path.find(".."); at != std::string_view::npos; at = path.find("..", at + 1)) {
    if ((at == 0 || separator(at - 1)) && (at + 2 == path.size() || separator(at + 2))) {
      return true;
    }
  }
  return false;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

// A WARC response record's payload: the HTTP status line and headers, then the body.
struct HttpResponse {
  std::string_view content_type;  // media type only, lower case not guaranteed
  std::string_view charset;
  bool chunked = false;
  std::string_view content_encoding;
  std::string_view body;
};

std::optional<HttpResponse> parse_http_response(std::string_view payload) {
  if (!payload.starts_with("HTTP/")) return std::nullopt;
  size_t header_end = payload.find("\r\n\r\n");
  size_t body_start = header_end + 4;
  if (header_end == std::string_view::npos) {
    header_end = payload.find("\n\n");
    body_start = header_end + 2;
  }
  if (header_end == std::string_view::npos) header_end = body_start = payload.size();
  HttpResponse response;
  response.body = payload.substr(std::min(body_start, payload.size()));
  std::string_view headers = payload.substr(0, header_end);
  while (!headers.empty()) {
    size_t line_end = std::min(headers.find('\n'), headers.size());
    std::string_view line = headers.substr(0, line_end);
    headers.remove_prefix(std::min(line_end + 1, headers.size()));
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = trim(line.substr(0, colon)), value = trim(line.substr(colon + 1));
    if (equals_ignoring_case(name, "content-type")) {
      size_t semicolon = value.find(';');
      response.content_type = trim(value.substr(0, semicolon));
      for (std::string_view rest = semicolon == std::string_view::npos
                                       ? std::string_view()
                                       : value.substr(semicolon + 1);
           !rest.empty();) {
        size_t next = std::min(rest.find(';'), rest.size());
        std::string_view parameter = trim(rest.substr(0, next));
        rest.remove_prefix(std::min(next + 1, rest.size()));
        if (parameter.size() > 8 && equals_ignoring_case(parameter.substr(0, 8), "charset=")) {
          response.charset = trim(parameter.substr(8));
          if (response.charset.size() >= 2 && response.charset.front() == '"') {
            response.charset = response.charset.substr(1, response.charset.size() - 2);
          }
        }
      }
    } else if (equals_ignoring_case(name, "transfer-encoding")) {
      response.chunked = equals_ignoring_case(value, "chunked");
    } else if (equals_ignoring_case(name, "content-encoding")) {
      response.content_encoding = value;
    }
  }
  return response;
}

// Transfer-Encoding: chunked → the body's bytes. A truncated body keeps what arrived.
std::string dechunk(std::string_view body) {
  std::string out;
  while (!body.empty()) {
    size_t line_end = body.find('\n');
    if (line_end == std::string_view::npos) break;
    std::string_view size_text = trim(body.substr(0, body.find_first_of(";\r\n")));
    body.remove_prefix(line_end + 1);
    size_t size = 0;
    for (char c : size_text) {
      if (!std::isxdigit(static_cast<unsigned char>(c)) || size > (size_t{1} << 40)) break;
      size = size * 16 + static_cast<size_t>(std::isdigit(static_cast<unsigned char>(c))
                                                 ? c - '0'
                                                 : std::tolower(c) - 'a' + 10);
    }
    if (size == 0) break;
    out.append(body.substr(0, size));
    body.remove_prefix(std::min(size, body.size()));
    if (body.starts_with("\r\n"))
      body.remove_prefix(2);
    else if (body.starts_with("\n"))
      body.remove_prefix(1);
  }
  return out;
}

// The member's name in UTF-8, as `entry` holds it (until the next header is read). A name in
// ASCII reads the same in any charset an archive may use; libarchive's conversion to UTF-8 sets
// up an iconv conversion at every call (most of reading a small member's header), so it is
// asked only for other names.
std::string_view member_path(archive_entry* entry) {
  const char* raw = archive_entry_pathname(entry);
  if (raw) {
    const char* end = raw;  // (its end found as its bytes are tested)
    while (*end && static_cast<unsigned char>(*end) < 0x80) ++end;
    if (!*end) return std::string_view(raw, static_cast<size_t>(end - raw));
  }
  const char* name = archive_entry_pathname_utf8(entry);
  if (!name) name = raw;
  return name ? name : "";
}

// A time as its UTC date: 2024-11-26.
std::string iso_date(time_t time) {
  std::tm parts{};
  gmtime_r(&time, &parts);
  return fmt::format("{:04}-{:02}-{:02}", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday);
}

bool is_html_type(std::string_view type) {
  return equals_ignoring_case(type, "text/html") ||
         equals_ignoring_case(type, "application/xhtml+xml");
}

bool is_text_type(std::string_view type) {
  return type.empty() || (type.size() > 5 && equals_ignoring_case(type.substr(0, 5), "text/"));
}

// A gzip-compressed HTTP body (Content-Encoding: gzip), through libarchive's raw format.
Result<std::string> gunzip(std::string_view body, uint64_t limit) {
  std::unique_ptr<archive, int (*)(archive*)> a(archive_read_new(), archive_read_free);
  archive_read_support_filter_gzip(a.get());
  archive_read_support_format_raw(a.get());
  archive_entry* entry = nullptr;
  if (archive_read_open_memory(a.get(), body.data(), body.size()) != ARCHIVE_OK ||
      archive_read_next_header(a.get(), &entry) != ARCHIVE_OK) {
    return corrupt(a.get());
  }
  std::string out;
  char block[1 << 16];
  for (;;) {
    la_ssize_t count = archive_read_data(a.get(), block, sizeof block);
    if (count < 0) return corrupt(a.get());
    if (count == 0) return out;
    out.append(block, static_cast<size_t>(count));
    if (out.size() > limit) {
      return Error{ErrorCode::too_large,
                   fmt::format("compressed HTTP body expands past the limit of {} bytes", limit)};
    }
  }
}

archive* new_reader() {
  archive* a = archive_read_new();
  archive_read_support_filter_all(a);
  archive_read_support_format_tar(a);
  archive_read_support_format_gnutar(a);
  archive_read_support_format_zip(a);
  archive_read_support_format_warc(a);
  return a;
}

}  // namespace

class ArchiveMembers::MemberReader : public ContentReader {
 public:
  explicit MemberReader(ArchiveMembers& members) : members_(members) {}
  Result<size_t> read(char* buffer, size_t n) override { return members_.read_data(buffer, n); }
  // (A sparse member's holes are zeros that read() writes.)
  Result<size_t> append_to(std::string& out, std::span<char> block) override {
    return members_.member_sparse_ ? ContentReader::append_to(out, block)
                                   : members_.append_data(out);
  }

 private:
  ArchiveMembers& members_;
};

ArchiveMembers::ArchiveMembers(std::string id, const SourceOptions& options, std::string bytes)
    : archive_(new_reader()), id_(std::move(id)), options_(options), bytes_(std::move(bytes)) {}

ArchiveMembers::~ArchiveMembers() { archive_read_free(archive_); }

Result<std::unique_ptr<ArchiveMembers>> ArchiveMembers::open_file(const std::string& path,
                                                                  std::string id,
                                                                  const SourceOptions& options) {
  std::unique_ptr<ArchiveMembers> members(new ArchiveMembers(std::move(id), options, {}));
  constexpr size_t kBlock = 1 << 16;
  if (archive_read_open_filename(members->archive_, path.c_str(), kBlock) != ARCHIVE_OK) {
    int why = archive_errno(members->archive_);
    if (why == EACCES || why == ENOENT || why == EISDIR || why == EIO) {
      return Error{ErrorCode::io,
                   fmt::format("cannot open archive: {}", system_error_message(why))};
    }
    return corrupt(members->archive_);
  }
  return members;
}

Result<std::unique_ptr<ArchiveMembers>> ArchiveMembers::open_bytes(std::string bytes,
                                                                   std::string id,
                                                                   const SourceOptions& options) {
  std::unique_ptr<ArchiveMembers> members(
      new ArchiveMembers(std::move(id), options, std::move(bytes)));
  if (archive_read_open_memory(members->archive_, members->bytes_.data(), members->bytes_.size()) !=
      ARCHIVE_OK) {
    return corrupt(members->archive_);
  }
  return members;
}

uint64_t ArchiveMembers::bytes_consumed() const {
  la_int64_t consumed = archive_filter_bytes(archive_, -1);
  return consumed > 0 ? static_cast<uint64_t>(consumed) : 0;
}

Result<size_t> ArchiveMembers::read_data(char* buffer, size_t n) {
  if (!member_open_) return size_t{0};
  la_ssize_t count = archive_read_data(archive_, buffer, n);
  if (count < 0) {
    member_open_ = false;
    if (count == ARCHIVE_FATAL) finished_ = true;
    return corrupt(archive_);
  }
  if (count == 0) member_open_ = false;
  return count_expanded(static_cast<size_t>(count));
}

Result<size_t> ArchiveMembers::append_data(std::string& out) {
  if (!member_open_) return size_t{0};
  const void* data = nullptr;
  size_t size = 0;
  la_int64_t offset = 0;
  int status;
  do {  // (an empty block is no end)
    status = archive_read_data_block(archive_, &data, &size, &offset);
  } while ((status == ARCHIVE_OK || status == ARCHIVE_WARN) && size == 0);
  if (status == ARCHIVE_EOF) {
    member_open_ = false;
    return size_t{0};
  }
  if (status < ARCHIVE_WARN || offset < 0 || static_cast<uint64_t>(offset) != member_read_) {
    member_open_ = false;
    if (status == ARCHIVE_FATAL) finished_ = true;
    return corrupt(archive_);
  }
  member_read_ += size;
  out.append(static_cast<const char*>(data), size);
  return count_expanded(size);
}

Result<size_t> ArchiveMembers::count_expanded(size_t count) {
  expanded_ += static_cast<uint64_t>(count);
  double compressed = static_cast<double>(std::max<uint64_t>(bytes_consumed(), 1));
  if (expanded_ > options_.max_doc_bytes &&
      static_cast<double>(expanded_) > options_.max_expansion_ratio * compressed) {
    member_open_ = false;
    finished_ = true;
    return Error{ErrorCode::too_large,
                 fmt::format("archive expands to more than {:g} times its compressed size "
                             "(a zip bomb?); the rest of it is not read",
                             options_.max_expansion_ratio)};
  }
  return static_cast<size_t>(count);
}

Result<bool> ArchiveMembers::drain_member() {
  char scratch[1 << 16];
  while (member_open_) {
    Result<size_t> count = read_data(scratch, sizeof scratch);
    if (!count) return count.error();
  }
  return true;
}

Result<std::string> ArchiveMembers::read_member(uint64_t limit) {
  std::string bytes;
  char block[1 << 16];
  while (member_open_) {
    Result<size_t> count = read_data(block, sizeof block);
    if (!count) return count.error();
    bytes.append(block, count.value());
    if (bytes.size() > limit) {
      return Error{
          ErrorCode::too_large,
          fmt::format("document is more than {} bytes, over the limit of {} bytes", limit, limit)};
    }
  }
  return bytes;
}

ArchiveMembers::Next ArchiveMembers::fail(SourceDocument& doc, std::string id, Error error) {
  doc.id = std::move(id);
  doc.error = std::move(error);
  return Next::document;
}

ArchiveMembers::Next ArchiveMembers::next(SourceDocument& doc,
                                          std::unique_ptr<ContentReader>& reader) {
  reader.reset();
  doc = SourceDocument{};
  while (!finished_) {
    if (Result<bool> drained = drain_member(); !drained) {
      return fail(doc, id_, drained.error());
    }
    archive_entry* entry = nullptr;
    int status = archive_read_next_header(archive_, &entry);
    if (status == ARCHIVE_EOF) break;
    if (status < ARCHIVE_WARN) {
      finished_ = true;
      return fail(doc, id_, corrupt(archive_));
    }
    member_open_ = true;
    member_read_ = 0;
    member_sparse_ = archive_entry_sparse_count(entry) > 0;
    if (archive_entry_filetype(entry) == AE_IFDIR) continue;
    const std::string_view path = member_path(entry);
    // (in the id's own buffer, which the document before left: no allocation a member)
    doc.id.assign(id_).append(1, '!').append(path);
    if (archive_entry_size_is_set(entry))
      doc.size = static_cast<uint64_t>(archive_entry_size(entry));
    bool warc = (archive_format(archive_) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_WARC;
    if (warc && archive_entry_mtime_is_set(entry)) doc.date = iso_date(archive_entry_mtime(entry));
    const bool archive = is_archive_name(path);
    if (archive_entry_filetype(entry) != AE_IFREG || archive_entry_hardlink(entry)) {
      doc.error = skipped("not a regular file (link or device)");
    } else if (unsafe_member_path(path)) {
      doc.error = skipped("unsafe member path (absolute or with ..), not read");
    } else if (archive && !options_.nested_archives) {
      doc.error = skipped("archive inside an archive, not opened (nested archives are off)");
    } else if (doc.size && *doc.size > options_.max_doc_bytes) {
      doc.error = Error{ErrorCode::too_large,
                        fmt::format("document is {} bytes, over the limit of {} bytes", *doc.size,
                                    options_.max_doc_bytes)};
    } else if (archive) {
      reader = std::make_unique<MemberReader>(*this);
      return Next::nested_archive;
    } else {
      return member_document(doc, reader);
    }
    return Next::document;
  }
  return Next::end;
}

// A member to read: as it is, or (HTML pages, WARC records) read whole and reduced to text.
ArchiveMembers::Next ArchiveMembers::member_document(SourceDocument& doc,
                                                     std::unique_ptr<ContentReader>& reader) {
  bool warc = (archive_format(archive_) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_WARC;
  doc.html = is_html_name(doc.id);
  bool html = options_.html_to_text && doc.html;
  if (!warc && !html) {
    reader = std::make_unique<MemberReader>(*this);
    return Next::document;
  }
  Result<std::string> bytes = read_member(options_.max_doc_bytes);
  if (!bytes) return fail(doc, doc.id, bytes.error());
  std::string_view body = bytes.value();
  // libarchive 3.6's WARC reader returns the record's 4-byte trailer as NULs after the block.
  if (warc && doc.size && body.size() > *doc.size) body = body.substr(0, *doc.size);
  std::string_view charset;
  std::string unpacked;
  if (warc) {
    if (std::optional<HttpResponse> response = parse_http_response(body)) {
      std::string_view encoding = response->content_encoding;
      if (!encoding.empty() && !equals_ignoring_case(encoding, "identity") &&
          !equals_ignoring_case(encoding, "gzip") && !equals_ignoring_case(encoding, "x-gzip")) {
        return fail(
            doc, doc.id,
            skipped(fmt::format("HTTP body in an unsupported Content-Encoding ({})", encoding)));
      }
      if (!is_text_type(response->content_type) && !is_html_type(response->content_type)) {
        return fail(doc, doc.id,
                    skipped(fmt::format("not text (Content-Type: {})", response->content_type)));
      }
      doc.html = doc.html || is_html_type(response->content_type);
      html = options_.html_to_text && doc.html;
      charset = response->charset;
      doc.charset = charset;
      body = response->body;
      if (response->chunked) body = unpacked = dechunk(body);
      if (!encoding.empty() && !equals_ignoring_case(encoding, "identity")) {
        Result<std::string> inflated = gunzip(body, options_.max_doc_bytes);
        if (!inflated) return fail(doc, doc.id, inflated.error());
        body = unpacked = std::move(inflated).value();
      }
    }
  }
  if (html) {
    Result<std::string> text = html_to_text(body, charset);
    if (!text) return fail(doc, doc.id, text.error());
    doc.from_html = true;
    doc.html = false;
    doc.charset.clear();
    doc.size = text->size();
    reader = std::make_unique<StringReader>(std::move(text).value());
  } else {
    doc.size = body.size();
    reader = std::make_unique<StringReader>(std::string(body));
  }
  return Next::document;
}

}  // namespace zhreport::source_detail
