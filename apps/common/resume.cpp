#include "resume.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/core.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>
#include <vector>

namespace zhreport::cli {

namespace {

// FNV-1a, 64 bits: stable across builds, enough to tell two commands apart.
std::string digest(std::string_view text) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return fmt::format("{:016x}", hash);
}

std::optional<uint64_t> file_size(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return static_cast<uint64_t>(st.st_size);
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> fields;
  for (size_t start = 0;;) {
    size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

std::optional<uint64_t> number(std::string_view text) {
  if (text.empty() || text.size() > 19) return std::nullopt;
  uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  return value;
}

// "C docs out manifest exit ok skipped failed synced" → a checkpoint.
std::optional<Checkpoint> parse_checkpoint(std::string_view line) {
  std::vector<std::string_view> f = split_tabs(line);
  if (f.size() != 9 || f[0] != "C") return std::nullopt;
  uint64_t v[8];
  for (size_t i = 0; i < 8; ++i) {
    std::optional<uint64_t> n = number(f[i + 1]);
    if (!n) return std::nullopt;
    v[i] = *n;
  }
  if (v[3] > 2) return std::nullopt;
  Checkpoint c;
  c.documents = v[0];
  c.out_bytes = v[1];
  c.manifest_bytes = v[2];
  c.exit_code = static_cast<int>(v[3]);
  c.counts[0] = v[4];
  c.counts[1] = v[5];
  c.counts[2] = v[6];
  return c;
}

}  // namespace

Journal::~Journal() {
  if (fd_ >= 0) ::close(fd_);
}

bool Journal::fail(const std::string& path, const std::string& reason) {
  fmt::print(stderr, "{}: {}: {}\n", tool_, path, reason);
  return false;
}

bool Journal::open(const std::string& out, const std::string& manifest, std::string_view key,
                   std::string_view tool) {
  tool_ = tool;
  out_ = out;
  manifest_ = manifest;
  out_part_ = out + ".part";
  manifest_part_ = manifest.empty() ? "" : manifest + ".part";
  path_ = out + ".journal";
  header_ = fmt::format("zhreport-journal\t1\t{}\n", digest(key));

  std::string text;
  if (std::ifstream in{path_, std::ios::binary}) {
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
  }
  // Only complete lines count: a line cut by the kill is as good as never written.
  size_t end_of_header = text.find('\n');
  bool ours = end_of_header != std::string::npos &&
              std::string_view(text).substr(0, end_of_header + 1) == header_;
  // A finished run's journal is two lines: another command may start over after it.
  bool finished = end_of_header != std::string::npos &&
                  std::string_view(text).substr(end_of_header + 1).starts_with("D\t");
  if (end_of_header != std::string::npos && !ours && !finished) {
    return fail(path_,
                "journal of another command (other inputs or flags); remove it to start over");
  }
  std::optional<Checkpoint> chosen;
  size_t chosen_end = 0;
  if (ours) {
    std::optional<uint64_t> out_size = file_size(out_part_);
    std::optional<uint64_t> manifest_size =
        manifest_part_.empty() ? std::optional<uint64_t>(0) : file_size(manifest_part_);
    for (size_t start = end_of_header + 1;;) {
      size_t newline = text.find('\n', start);
      if (newline == std::string::npos) break;
      std::string_view line = std::string_view(text).substr(start, newline - start);
      start = newline + 1;
      if (line.starts_with("D\t")) {
        std::optional<uint64_t> code = number(line.substr(2));
        if (!code || *code > 2) return fail(path_, "corrupt journal; remove it to start over");
        state_ = State::finished;
        last_.exit_code = static_cast<int>(*code);
        return rename_parts();
      }
      std::optional<Checkpoint> checkpoint = parse_checkpoint(line);
      if (!checkpoint) return fail(path_, "corrupt journal; remove it to start over");
      // After a machine crash a checkpoint may be ahead of what reached the disk: keep the
      // last one the files still hold.
      if (out_size && manifest_size && *out_size >= checkpoint->out_bytes &&
          *manifest_size >= checkpoint->manifest_bytes) {
        chosen = checkpoint;
        chosen_end = start;
      }
    }
  }
  if (chosen) {
    if (::truncate(out_part_.c_str(), static_cast<off_t>(chosen->out_bytes)) != 0)
      return fail(out_part_, fmt::format("cannot truncate: {}", std::strerror(errno)));
    if (!manifest_part_.empty() &&
        ::truncate(manifest_part_.c_str(), static_cast<off_t>(chosen->manifest_bytes)) != 0)
      return fail(manifest_part_, fmt::format("cannot truncate: {}", std::strerror(errno)));
    if (::truncate(path_.c_str(), static_cast<off_t>(chosen_end)) != 0)
      return fail(path_, fmt::format("cannot truncate: {}", std::strerror(errno)));
    state_ = State::resumed;
    last_ = *chosen;
    fd_ = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  } else {
    state_ = State::fresh;
    fd_ = ::open(path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0666);
    if (fd_ >= 0 && !write_all(fd_, header_)) {
      return fail(path_, fmt::format("cannot write journal: {}", std::strerror(errno)));
    }
  }
  if (fd_ < 0) return fail(path_, fmt::format("cannot open journal: {}", std::strerror(errno)));
  return true;
}

bool Journal::record(const Checkpoint& c, bool synced) {
  std::string line =
      fmt::format("C\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", c.documents, c.out_bytes, c.manifest_bytes,
                  c.exit_code, c.counts[0], c.counts[1], c.counts[2], synced ? 1 : 0);
  if (!write_all(fd_, line)) {
    return fail(path_, fmt::format("cannot write journal: {}", std::strerror(errno)));
  }
  last_ = c;
  return true;
}

bool Journal::rename_parts() {
  // The manifest first: once OUT has its final name, everything has.
  for (auto [from, to] : {std::pair{&manifest_part_, &manifest_}, std::pair{&out_part_, &out_}}) {
    if (from->empty() || !file_size(*from)) continue;
    if (std::rename(from->c_str(), to->c_str()) != 0)
      return fail(*to, fmt::format("cannot rename {}: {}", *from, std::strerror(errno)));
  }
  return true;
}

bool Journal::finish(int exit_code) {
  std::string done = fmt::format("D\t{}\n", exit_code);
  if (!write_all(fd_, done) || ::fdatasync(fd_) != 0) {
    return fail(path_, fmt::format("cannot write journal: {}", std::strerror(errno)));
  }
  if (!rename_parts()) return false;
  // The checkpoints are no longer needed: keep the header and the final line only.
  std::string compact = path_ + ".tmp";
  int fd = ::open(compact.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  bool ok = fd >= 0 && write_all(fd, header_ + done) && ::fdatasync(fd) == 0;
  if (fd >= 0) ::close(fd);
  if (!ok || std::rename(compact.c_str(), path_.c_str()) != 0) {
    return fail(path_, fmt::format("cannot write journal: {}", std::strerror(errno)));
  }
  last_.exit_code = exit_code;
  return true;
}

}  // namespace zhreport::cli
