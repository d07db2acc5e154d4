#include "zhreport/source.h"

#include <archive.h>
#include <archive_entry.h>
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace fs = std::filesystem;
using zhreport::ErrorCode;
using zhreport::Source;
using zhreport::SourceOptions;

namespace {

// A fresh directory under /tmp, removed when the test ends.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "zhreport_source_XXXXXX").string();
    path = ::mkdtemp(pattern.data());
  }
  ~TempDir() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& bytes) const {
    fs::path file = path / name;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
    return file.string();
  }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
};

// Every document of a source as (id, bytes or "ERROR: message").
std::vector<std::pair<std::string, std::string>> read_everything(Source& source) {
  std::vector<std::pair<std::string, std::string>> documents;
  while (const zhreport::SourceDocument* doc = source.next()) {
    if (doc->error) {
      documents.emplace_back(doc->id, "ERROR: " + doc->error->message);
      continue;
    }
    zhreport::Result<std::string> bytes = source.read_all();
    documents.emplace_back(doc->id, bytes ? bytes.value() : "ERROR: " + bytes.error().message);
  }
  return documents;
}

struct Member {
  std::string path;
  std::string bytes;
};

// An archive written with libarchive: format "pax" or "zip", filter "gzip", "zstd" or "".
void write_archive(const std::string& file, const char* format, const char* filter,
                   const std::vector<Member>& members) {
  archive* a = archive_write_new();
  REQUIRE(archive_write_set_format_by_name(a, format) == ARCHIVE_OK);
  if (*filter) REQUIRE(archive_write_add_filter_by_name(a, filter) == ARCHIVE_OK);
  REQUIRE(archive_write_open_filename(a, file.c_str()) == ARCHIVE_OK);
  for (const Member& member : members) {
    archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, member.path.c_str());
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_size(entry, static_cast<la_int64_t>(member.bytes.size()));
    REQUIRE(archive_write_header(a, entry) == ARCHIVE_OK);
    archive_write_data(a, member.bytes.data(), member.bytes.size());
    archive_entry_free(entry);
  }
  archive_write_close(a);
  archive_write_free(a);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A WARC record; a response's payload is an HTTP response.
std::string warc_record(const std::string& type, const std::string& uri,
                        const std::string& payload) {
  return "WARC/1.0\r\nWARC-Type: " + type + "\r\nWARC-Target-URI: " + uri +
         "\r\nWARC-Date: 2024-05-01T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:0>\r\n"
         "Content-Length: " +
         std::to_string(payload.size()) + "\r\n\r\n" + payload + "\r\n\r\n";
}

std::string http_response(const std::string& headers, const std::string& body) {
  return "HTTP/1.1 200 OK\r\n" + headers + "\r\n" + body;
}

// `bytes` gzip-compressed, by libarchive's raw format.
std::string gzip(const std::string& bytes) {
  std::string out(bytes.size() + 1024, '\0');
  size_t used = 0;
  archive* a = archive_write_new();
  archive_write_set_format_raw(a);
  archive_write_add_filter_gzip(a);
  REQUIRE(archive_write_open_memory(a, out.data(), out.size(), &used) == ARCHIVE_OK);
  archive_entry* entry = archive_entry_new();
  archive_entry_set_filetype(entry, AE_IFREG);
  REQUIRE(archive_write_header(a, entry) == ARCHIVE_OK);
  archive_write_data(a, bytes.data(), bytes.size());
  archive_entry_free(entry);
  archive_write_close(a);
  archive_write_free(a);
  out.resize(used);
  return out;
}

}  // namespace

namespace doctest {
template <>
struct StringMaker<std::vector<std::pair<std::string, std::string>>> {
  static String convert(const std::vector<std::pair<std::string, std::string>>& documents) {
    std::string text;
    for (const auto& [id, bytes] : documents) text += "\n  " + id + " => " + bytes.substr(0, 80);
    return text.c_str();
  }
};
}  // namespace doctest

TEST_CASE("source: files and directories come out in order, directories sorted and recursive") {
  TempDir dir;
  dir.write("d/b.txt", "乙");
  dir.write("d/sub/a.txt", "丙");
  dir.write("d/a.txt", "甲");
  std::string single = dir.write("single.txt", "丁");
  Source source({dir / "d", single});
  std::vector<std::pair<std::string, std::string>> expected = {{dir / "d/a.txt", "甲"},
                                                               {dir / "d/b.txt", "乙"},
                                                               {dir / "d/sub/a.txt", "丙"},
                                                               {single, "丁"}};
  CHECK(read_everything(source) == expected);
  CHECK(source.total_documents() == 4u);
  CHECK(source.total_bytes() == 12u);
  CHECK(source.bytes_consumed() == 12u);
}

TEST_CASE("source: unreadable inputs become documents with a reason, the rest is still read") {
  TempDir dir;
  std::string good = dir.write("good.txt", "ok");
  std::string locked = dir.write("locked.txt", "secret");
  fs::permissions(locked, fs::perms::none);
  fs::create_directories(dir / "empty_dir");
  SourceOptions no_directories;
  no_directories.directories = false;
  Source source({dir / "missing.txt", locked, dir / "empty_dir", good}, no_directories);
  std::vector<std::pair<std::string, std::string>> documents = read_everything(source);
  REQUIRE(documents.size() == 4);
  CHECK(documents[0] == std::pair<std::string, std::string>(dir / "missing.txt",
                                                            "ERROR: no such file or directory"));
  if (::geteuid() != 0) {  // root reads anything
    CHECK(documents[1].second == "ERROR: cannot open: permission denied");
  }
  CHECK(documents[2].second == "ERROR: is a directory");
  CHECK(documents[3].second == "ok");
}

TEST_CASE("source: documents over max_doc_bytes are refused as too large, read_some is not") {
  TempDir dir;
  std::string big = dir.write("big.txt", std::string(1000, 'a'));
  SourceOptions options;
  options.max_doc_bytes = 999;
  Source source({big, big}, options);
  REQUIRE(source.next() != nullptr);
  zhreport::Result<std::string> whole = source.read_all();
  REQUIRE_FALSE(whole.ok());
  CHECK(whole.error().code == ErrorCode::too_large);
  CHECK(zhreport::status_of(whole.error()) == zhreport::SourceStatus::skipped);

  REQUIRE(source.next() != nullptr);
  std::string chunk, all;
  while (source.read_some(300, chunk).value()) all += chunk;
  CHECK(all.size() == 1000);
  CHECK(source.next() == nullptr);
}

TEST_CASE("source: archive names are recognised by their suffix") {
  for (const char* name : {"a.tar", "a.TAR.GZ", "a.tgz", "a.tar.zst", "a.zip", "crawl.warc.gz"}) {
    CHECK_MESSAGE(zhreport::is_archive_name(name), name);
  }
  for (const char* name : {"a.txt", "a.gz", "tar", "a.html", "", ".ta", "a.tar.gzip", "a.tarx",
                           "a.wa\xC3\xA7", "a.t\xC1r"}) {
    CHECK_FALSE_MESSAGE(zhreport::is_archive_name(name), name);
  }
  for (const char* name : {".tar", "A.Warc", "x.tar.bz2", "x.TXZ", "dir.d/.zip"}) {
    CHECK_MESSAGE(zhreport::is_archive_name(name), name);
  }
}

TEST_CASE("source: archive members are documents ARCHIVE!PATH, in archive order") {
  TempDir dir;
  const std::vector<Member> members = {
      {"reports/a.txt", "援藏医疗队"},
      {"reports/b.html", "<title>t</title><h1>标题</h1><script>x</script><p>正文&amp;</p>"},
      {"../escape.txt", "outside"},
      {"/etc/absolute.txt", "absolute"},
      {"reports/../up.txt", "up"},
      {"reports/a..b/..c...txt", "点"},
      {"inner.zip", "PK..."},
      {"big.txt", std::string(2000, 'x')},
      {"z.txt", "最后"},
  };
  SourceOptions options;
  options.max_doc_bytes = 1000;
  for (auto archive : {std::tuple{"r.tar", "pax", ""},
                       {"r.tar.gz", "pax", "gzip"},
                       {"r.tar.zst", "pax", "zstd"},
                       {"r.zip", "zip", ""}}) {
    auto [name, format, filter] = archive;
    CAPTURE(std::get<0>(archive));  // not the binding: clang 14 cannot capture one
    std::string path = dir / name;
    write_archive(path, format, filter, members);
    Source source({path}, options);
    std::vector<std::pair<std::string, std::string>> expected = {
        {path + "!reports/a.txt", "援藏医疗队"},
        {path + "!reports/b.html", "标题\n正文&\n"},
        {path + "!../escape.txt", "ERROR: unsafe member path (absolute or with ..), not read"},
        {path + "!/etc/absolute.txt", "ERROR: unsafe member path (absolute or with ..), not read"},
        {path + "!reports/../up.txt", "ERROR: unsafe member path (absolute or with ..), not read"},
        {path + "!reports/a..b/..c...txt", "点"},
        {path + "!inner.zip",
         "ERROR: archive inside an archive, not opened (nested archives are off)"},
        {path + "!big.txt", "ERROR: document is 2000 bytes, over the limit of 1000 bytes"},
        {path + "!z.txt", "最后"},
    };
    CHECK(read_everything(source) == expected);
    CHECK_FALSE(source.total_documents());
    CHECK(source.bytes_consumed() == fs::file_size(path));
  }
}

TEST_CASE("source: nested archives are opened only when asked") {
  TempDir dir;
  std::string inner = dir / "inner.tar.gz";
  write_archive(inner, "pax", "gzip", {{"deep.txt", "内层"}});
  std::string outer = dir / "outer.zip";
  write_archive(outer, "zip", "", {{"inner.tar.gz", read_file(inner)}, {"top.txt", "外层"}});
  SourceOptions options;
  options.nested_archives = true;
  Source source({outer}, options);
  std::vector<std::pair<std::string, std::string>> expected = {
      {outer + "!inner.tar.gz!deep.txt", "内层"}, {outer + "!top.txt", "外层"}};
  CHECK(read_everything(source) == expected);
}

TEST_CASE("source: WARC response records give their HTTP body, HTML reduced to text") {
  TempDir dir;
  std::string html = "<html><body><h1>义诊</h1><p>专家12名</p></body></html>";
  std::string records =
      warc_record("warcinfo", "", "software: test\r\n") +
      warc_record("request", "http://news.example/a.html", "GET /a.html HTTP/1.1\r\n\r\n") +
      warc_record("response", "http://news.example/a.html",
                  http_response("Content-Type: text/html; charset=\"utf-8\"\r\n", html)) +
      warc_record("response", "http://news.example/logo",
                  http_response("Content-Type: image/png\r\n", "\x89PNG")) +
      warc_record("response", "http://news.example/chunked",
                  http_response("Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n",
                                "6\r\n医疗\r\n3\r\n队\r\n0\r\n\r\n")) +
      warc_record("response", "http://news.example/gzipped",
                  http_response("Content-Type: text/plain\r\nContent-Encoding: gzip\r\n",
                                gzip("压缩正文"))) +
      warc_record("response", "http://news.example/brotli",
                  http_response("Content-Type: text/plain\r\nContent-Encoding: br\r\n", "??")) +
      warc_record("resource", "http://news.example/b.txt", "纯文本");
  for (bool compressed : {false, true}) {
    std::string path =
        dir.write(compressed ? "c.warc.gz" : "c.warc", compressed ? gzip(records) : records);
    Source source({path});
    std::vector<std::pair<std::string, std::string>> expected = {
        {path + "!a.html", "义诊\n专家12名\n"},
        {path + "!logo", "ERROR: not text (Content-Type: image/png)"},
        {path + "!chunked", "医疗队"},
        {path + "!gzipped", "压缩正文"},
        {path + "!brotli", "ERROR: HTTP body in an unsupported Content-Encoding (br)"},
        {path + "!b.txt", "纯文本"},
    };
    CHECK(read_everything(source) == expected);
  }
}

TEST_CASE("source: a corrupt archive is reported after the members read before the damage") {
  TempDir dir;
  std::string good = dir / "good.tar.gz";
  std::vector<Member> members = {{"first.txt", "第一"}};
  std::string filler;
  for (int i = 0; i < 20000; ++i) filler += std::to_string(i * 7919 % 10007) + "名医生\n";
  members.push_back({"second.txt", filler});
  write_archive(good, "pax", "gzip", members);
  std::string bytes = read_file(good);
  std::string broken = dir.write("broken.tar.gz", bytes.substr(0, bytes.size() * 2 / 3));
  std::string not_gzip = dir.write("not.tar.gz", "\x1f\x8bthis is not gzip at all");
  std::string after = dir.write("after.txt", "之后");
  Source source({broken, not_gzip, after});
  std::vector<std::pair<std::string, std::string>> documents = read_everything(source);
  CAPTURE(documents);
  REQUIRE(documents.size() == 4);
  CHECK(documents[0] == std::pair<std::string, std::string>(broken + "!first.txt", "第一"));
  CHECK(documents[1].first == broken + "!second.txt");
  CHECK(documents[1].second.starts_with("ERROR: corrupt archive: "));
  CHECK(documents[2].first == not_gzip);
  CHECK(documents[2].second.starts_with("ERROR: corrupt archive: "));
  CHECK(documents[3].second == "之后");
}

TEST_CASE("source: a zip bomb stops at the expansion ratio, members before it are kept") {
  TempDir dir;
  std::string path = dir / "bomb.zip";
  std::vector<Member> members = {{"ok.txt", "正常"}};
  for (int i = 0; i < 8; ++i)
    members.push_back({"zeros" + std::to_string(i) + ".txt", std::string(400000, '\0')});
  write_archive(path, "zip", "", members);
  SourceOptions options;
  options.max_doc_bytes = 1000000;  // each zero-filled member fits; together they expand 1000×
  Source source({path}, options);
  std::vector<std::pair<std::string, std::string>> documents = read_everything(source);
  REQUIRE(documents.size() >= 2);
  CHECK(documents[0].second == "正常");
  CHECK(documents.back().second.find("zip bomb") != std::string::npos);
}
