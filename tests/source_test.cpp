#include "zhreport/source.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
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

}  // namespace

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
  for (const char* name : {"a.txt", "a.gz", "tar", "a.html"}) {
    CHECK_FALSE_MESSAGE(zhreport::is_archive_name(name), name);
  }
}
