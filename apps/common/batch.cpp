#include "batch.h"

#include "resume.h"
#include "zhreport/output.h"

#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace zhreport::cli {

void add_batch_flags(CLI::App& app, BatchOptions& options) {
  app.add_option("-j,--jobs", options.threads,
                 "Threads, the reading one included (default: one per core)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--manifest", options.manifest,
                 "Write one TSV line per input document: id, status, reason, bytes, facts");
  app.add_flag("-q,--quiet", options.quiet, "No progress display and no summary");
  app.add_option("--max-doc-bytes", options.source.max_doc_bytes,
                 "Skip (and report) documents larger than this (default 64 MiB)");
  app.add_flag("--nested-archives", options.source.nested_archives,
               "Also read archives found inside archives");
}

void add_resume_flag(CLI::App& app, BatchOptions& options) {
  app.add_flag("--resume", options.resume,
               "Resumable run (needs -o OUT): writes OUT.part and MANIFEST.part, renamed to "
               "their names only when complete, and a journal OUT.journal; after a run killed "
               "at any moment, the same command processes only the documents not yet complete "
               "and ends with the same bytes as an uninterrupted run");
}

void add_range_flag(CLI::App& app, BatchOptions& options) {
  app.add_option_function<std::string>(
         "--range",
         [&options](const std::string& text) {
           const size_t colon = text.find(':');
           const auto number = [](std::string_view digits, uint64_t& out) {
             const auto [end, ec] =
                 std::from_chars(digits.data(), digits.data() + digits.size(), out);
             return ec == std::errc() && end == digits.data() + digits.size() && !digits.empty();
           };
           const std::string_view from = std::string_view(text).substr(0, colon);
           const std::string_view to =
               colon == std::string::npos ? "" : std::string_view(text).substr(colon + 1);
           if (colon == std::string::npos || !number(from, options.range_from) ||
               (!to.empty() && !number(to, options.range_to)) ||
               options.range_to < options.range_from) {
             throw CLI::ValidationError("--range", "FROM:TO in bytes, FROM <= TO, TO may be empty");
           }
         },
         "Only the documents starting at byte FROM up to TO (excluded; empty = the end) of the "
         "inputs as stored uncompressed, counted by the sizes of the documents before them; "
         "the others are passed over unread. Ranges that do not overlap take each document "
         "once: a big archive cut into tasks (zhreport-dask)")
      ->type_name("FROM:TO");
}

bool ranged(const BatchOptions& options) {
  return options.range_from > 0 || options.range_to != UINT64_MAX;
}

Output::~Output() { close(); }

bool Output::open(const std::string& path, std::string_view tool, bool append) {
  tool_ = tool;
  path_ = path.empty() || path == "-" ? "stdout" : path;
  file_ = path.empty() || path == "-" ? stdout : std::fopen(path.c_str(), append ? "ab" : "wb");
  if (!file_) {
    fmt::print(stderr, "{}: {}: cannot open for writing: {}\n", tool_, path_, std::strerror(errno));
    return false;
  }
  // A buffer of our own: glibc sizes one it allocates by the file's block size (4 KB) whatever
  // size setvbuf is asked for, and zhextract's output then cost a system call per 4 KB. Stdout's
  // lives as long as stdout.
  static constexpr size_t kBuffer = 1 << 20;
  static char stdout_buffer[kBuffer];
  if (file_ != stdout) buffer_.reset(new char[kBuffer]);
  std::setvbuf(file_, file_ == stdout ? stdout_buffer : buffer_.get(), _IOFBF, kBuffer);
  return true;
}

void Output::write(std::string_view bytes) {
  if (failed_ || bytes.empty()) return;
  // Big pieces (zhconv's converted chunks) go straight to the file after what is buffered:
  // copying them through the stdio buffer cost more than the extra system calls save.
  static constexpr size_t kDirect = size_t{32} << 10;
  if (bytes.size() >= kDirect) {
    if (std::fflush(file_) == 0) {
      while (!bytes.empty()) {
        const ssize_t n = ::write(fileno(file_), bytes.data(), bytes.size());
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        bytes.remove_prefix(size_t(n));
      }
      if (bytes.empty()) return;
    }
  } else if (std::fwrite(bytes.data(), 1, bytes.size(), file_) == bytes.size()) {
    return;
  }
  fmt::print(stderr, "{}: {}: write failed: {}\n", tool_, path_, std::strerror(errno));
  failed_ = true;
}

bool Output::flush() {
  if (!failed_ && file_ && std::fflush(file_) != 0) {
    fmt::print(stderr, "{}: {}: write failed: {}\n", tool_, path_, std::strerror(errno));
    failed_ = true;
  }
  return !failed_;
}

bool Output::sync() {
  if (flush() && file_ && ::fdatasync(fileno(file_)) != 0 && errno != EINVAL) {
    fmt::print(stderr, "{}: {}: sync failed: {}\n", tool_, path_, std::strerror(errno));
    failed_ = true;
  }
  return !failed_;
}

namespace {
// Its size, not the position: a stream opened to append may not know its position yet.
uint64_t file_bytes(std::FILE* file) {
  struct stat st;
  return file && ::fstat(fileno(file), &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
}
}  // namespace

uint64_t Output::tell() const { return file_bytes(file_); }

bool Output::close() {
  if (!file_) return !failed_;
  bool flushed = std::fflush(file_) == 0;
  if (!flushed && !failed_) {
    fmt::print(stderr, "{}: {}: write failed: {}\n", tool_, path_, std::strerror(errno));
  }
  failed_ = failed_ || !flushed;
  if (file_ != stdout) std::fclose(file_);
  file_ = nullptr;
  return !failed_;
}

namespace {

using Clock = std::chrono::steady_clock;

// A document on its way through the batch: read on the main thread, processed by whichever
// thread is free first, then written out in input order by the main thread.
struct Job {
  SourceDocument source;  // what the source knows of it (id, html, charset, date)
  std::string bytes;
  std::optional<Error> unread;  // set when the source could not give the bytes
  uint64_t size = 0;
  uint64_t held = 0;  // what it counts against the read-ahead window
  DocumentResult result;
  // Set (release) once `result` is final, so the main thread can poll it without the lock.
  std::atomic<bool> done = false;
};

// Tab, newline and backslash escaped so every document stays one TSV line.
std::string tsv_field(std::string_view text) {
  std::string out;
  append_tsv_field(out, text);
  return out;
}

// "documents done/total, MB/s, ETA" redrawn on one stderr line, at most four times a second.
class Progress {
 public:
  Progress(std::string_view tool, bool enabled) : tool_(tool), enabled_(enabled) {}
  void update(const Source& source, size_t done) {
    if (!enabled_) return;
    Clock::time_point now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(250)) return;
    last_ = now;
    double seconds = std::chrono::duration<double>(now - start_).count();
    double megabytes = static_cast<double>(source.bytes_consumed()) / 1e6;
    double rate = seconds > 0 ? megabytes / seconds : 0;
    std::string line = fmt::format("{}: {}", tool_, done);
    if (std::optional<size_t> total = source.total_documents()) line += fmt::format("/{}", *total);
    line += fmt::format(" documents, {:.1f} MB, {:.1f} MB/s", megabytes, rate);
    std::optional<uint64_t> total_bytes = source.total_bytes();
    if (total_bytes && rate > 0) {
      double left = (static_cast<double>(*total_bytes) / 1e6 - megabytes) / rate;
      int eta = left > 0 ? static_cast<int>(left) : 0;
      line += fmt::format(", ETA {}:{:02}", eta / 60, eta % 60);
    }
    fmt::print(stderr, "\r{}\033[K", line);
    drawn_ = true;
  }
  void clear() {
    if (drawn_) fmt::print(stderr, "\r\033[K");
    drawn_ = false;
  }

 private:
  std::string tool_;
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point start_ = Clock::now();
  Clock::time_point last_;
};

// Worker threads taking jobs from a queue. The main thread shares the work: help() runs the
// oldest queued job on the calling thread, so -j N keeps N threads busy, reading included.
class Workers {
 public:
  using Process = BatchHandlers;
  Workers(unsigned count, const Process& process) : process_(process) {
    for (unsigned i = 0; i < count; ++i) threads_.emplace_back([this] { work(); });
  }
  ~Workers() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
    for (std::thread& thread : threads_) thread.join();
  }
  void submit(Job* job) {
    bool wake;
    {
      std::lock_guard lock(mutex_);
      queue_.push_back(job);
      wake = idle_ > 0;
    }
    if (wake) ready_.notify_one();
  }
  // Runs the oldest queued job here; false when every job is already taken.
  bool help() {
    Job* job;
    {
      std::lock_guard lock(mutex_);
      if (queue_.empty()) return false;
      job = queue_.front();
      queue_.pop_front();
    }
    run(process_, *job);
    job->done.store(true, std::memory_order_release);
    return true;
  }
  // Blocks until a worker has finished `job`, which it has already taken from the queue.
  void wait(Job* job) {
    std::unique_lock lock(mutex_);
    awaited_ = job;
    finished_.wait(lock, [job] { return job->done.load(std::memory_order_relaxed); });
    awaited_ = nullptr;
  }

  // Processes the job in place, turning anything the processor throws into a failed document.
  static void run(const Process& process, Job& job) {
    try {
      job.result = process.process_doc ? process.process_doc(job.source, job.bytes)
                                       : process.process(job.source.id, job.bytes);
    } catch (const std::exception& e) {
      job.result = {};
      job.result.failed = true;
      job.result.problems.push_back(fmt::format("internal error: {}", e.what()));
    }
    std::string().swap(job.bytes);  // only the output waits for its turn
  }

 private:
  void work() {
    for (;;) {
      Job* job;
      {
        std::unique_lock lock(mutex_);
        ++idle_;
        ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        --idle_;
        if (queue_.empty()) return;
        job = queue_.front();
        queue_.pop_front();
      }
      run(process_, *job);
      bool awaited;
      {
        std::lock_guard lock(mutex_);
        job->done.store(true, std::memory_order_release);
        awaited = awaited_ == job;
      }
      // Only the main thread waits, and only for the job it writes next: waking it for any
      // other job would be a context switch for nothing.
      if (awaited) finished_.notify_one();
    }
  }

  const Process& process_;
  std::vector<std::thread> threads_;
  std::deque<Job*> queue_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable finished_;
  unsigned idle_ = 0;       // workers waiting on ready_
  Job* awaited_ = nullptr;  // the job the main thread waits on in wait()
  bool stopping_ = false;
};

// Writes finished documents in order: output, stderr lines, manifest line, counts.
class Recorder {
 public:
  // With a journal that resumes a run, the counts start where it left off.
  Recorder(const BatchOptions& options, Output& out, const BatchHandlers& handlers,
           Journal* journal)
      : options_(options), out_(out), handlers_(handlers), journal_(journal) {
    if (resumed()) {
      const Checkpoint& last = journal_->last();
      for (size_t i = 0; i < 3; ++i) counts_[i] = last.counts[i];
      done_ = last.documents;
      outcome_.raise(static_cast<ExitCode>(last.exit_code));
    }
  }

  bool open_manifest() {
    if (!options_.manifest.empty()) {
      manifest_ = std::fopen(options_.manifest.c_str(), resumed() ? "a" : "w");
      if (!manifest_) {
        outcome_.fail(options_.tool, options_.manifest,
                      fmt::format("cannot open manifest: {}", std::strerror(errno)));
        return false;
      }
      if (!resumed()) fmt::print(manifest_, "id\tstatus\treason\tbytes\tfacts\n");
    }
    return resumed() || checkpoint();
  }

  // Journal only: hands both files to the system and records how much of them is complete
  // (every few seconds after an fdatasync, for a machine that crashes).
  bool checkpoint() {
    if (!journal_) return true;
    bool synced = Clock::now() - last_sync_ > std::chrono::seconds(2);
    bool ok = synced ? out_.sync() : out_.flush();
    if (manifest_) {
      ok = ok && std::fflush(manifest_) == 0 && (!synced || ::fdatasync(fileno(manifest_)) == 0);
    }
    if (synced) last_sync_ = Clock::now();
    Checkpoint c{done_,
                 out_.tell(),
                 file_bytes(manifest_),
                 outcome_.exit_code(),
                 {counts_[0], counts_[1], counts_[2]}};
    if (!ok || !journal_->record(c, synced)) {
      if (!out_.failed()) outcome_.fail(options_.tool, journal_->out_part(), "cannot checkpoint");
      outcome_.raise(kError);
      written_ = false;
      return false;
    }
    return true;
  }

  void record(Job& job) {
    SourceStatus status = SourceStatus::ok;
    std::string reason;
    if (job.unread) {
      status = status_of(*job.unread);
      reason = job.unread->message;
      if (handlers_.unread) out_.write(handlers_.unread(job.source.id, *job.unread));
      if (job.unread->code == ErrorCode::io) {
        outcome_.fail(options_.tool, job.source.id, reason);
      } else {
        outcome_.problem(options_.tool, job.source.id, reason);
      }
    } else {
      if (job.size == 0 && options_.empty_is_problem)
        job.result.problems.push_back("empty document");
      out_.write(job.result.output);
      for (const std::string& problem : job.result.problems) {
        outcome_.problem(options_.tool, job.source.id, problem);
      }
      if (job.result.failed) {
        status = SourceStatus::failed;
        outcome_.raise(job.result.unreadable ? kError : kProblems);
      }
      if (!job.result.problems.empty()) reason = job.result.problems.front();
    }
    ++counts_[static_cast<size_t>(status)];
    if (manifest_) {
      fmt::print(manifest_, "{}\t{}\t{}\t{}\t{}\n", tsv_field(job.source.id),
                 source_status_name(status), tsv_field(reason), job.size, job.result.facts);
    }
    ++done_;
  }

  size_t done() const { return done_; }
  bool resumed() const { return journal_ && journal_->state() == Journal::State::resumed; }

  // Summary on stderr and at the end of the manifest; returns the exit code.
  int finish() {
    size_t ok = counts_[0], skipped = counts_[1], failed = counts_[2];
    std::string summary =
        fmt::format("{} documents: {} ok, {} skipped, {} failed", done_, ok, skipped, failed);
    if (manifest_) {
      fmt::print(manifest_, "# {}\n", summary);
      bool synced =
          !journal_ || (std::fflush(manifest_) == 0 && ::fdatasync(fileno(manifest_)) == 0);
      if (std::fclose(manifest_) != 0 || !synced) {
        outcome_.fail(options_.tool, options_.manifest, "cannot write manifest");
        written_ = false;
      }
    }
    // Each problem already has its line; the summary is for a manifest run or a person watching.
    if (!options_.quiet && (manifest_ || ::isatty(STDERR_FILENO))) {
      fmt::print(stderr, "{}: {}\n", options_.tool, summary);
    }
    if ((journal_ && !out_.sync()) || !out_.close()) {
      outcome_.raise(kError);
      written_ = false;
    }
    // Every document is in both files, whatever the data's problems (an unreadable input is a
    // record and a message): the final names. After a write error the journal stays as it is.
    if (journal_ && written_ && !journal_->finish(outcome_.exit_code())) outcome_.raise(kError);
    return outcome_.exit_code();
  }

 private:
  const BatchOptions& options_;
  Output& out_;
  const BatchHandlers& handlers_;
  Journal* journal_;
  bool written_ = true;  // every write and checkpoint went through
  Clock::time_point last_sync_ = Clock::now();
  Outcome outcome_;
  std::FILE* manifest_ = nullptr;
  size_t counts_[3] = {0, 0, 0};
  size_t done_ = 0;
};

bool streams(const BatchOptions& options, const BatchHandlers& handlers,
             const SourceDocument& doc) {
  return handlers.stream && doc.plain_file && (!doc.size || *doc.size > options.stream_above);
}

int run(const BatchOptions& options, const std::vector<std::string>& inputs, Output& out,
        const BatchHandlers& handlers, Journal* journal) {
  Recorder recorder(options, out, handlers, journal);
  if (!recorder.open_manifest()) return kError;
  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  if (threads == 0) threads = 1;
  // The main thread is one of the N: it reads, writes and processes whenever it is ahead, so
  // only N - 1 workers are started, and none for -j 1 (processed inline, no hand-over).
  std::optional<Workers> workers;
  if (threads > 1) workers.emplace(threads - 1, handlers);
  // Read-ahead is bounded by bytes, not documents, so memory stays about N times the largest
  // document plus this constant whatever the document sizes; at least one document per thread
  // is read ahead so big documents still run in parallel. Each document also counts a fixed
  // overhead, which bounds the read-ahead of empty or tiny documents.
  constexpr uint64_t kWindowBytes = uint64_t{8} << 20;
  constexpr uint64_t kJobOverhead = 4096;
  uint64_t window = 0;

  Source source(inputs, options.source);
  // Resuming: the documents the journal counts as complete are passed over unread.
  for (size_t skip = recorder.done(); skip > 0; --skip) {
    if (!source.next()) {
      fmt::print(stderr, "{}: {}: the inputs hold fewer documents than the journal records\n",
                 options.tool, journal->out_part());
      return kError;
    }
  }
  Progress progress(options.tool, !options.quiet && ::isatty(STDERR_FILENO));
  std::deque<std::unique_ptr<Job>> pending;
  // Written jobs, for the next documents to take (no thread holds one): a job and its
  // document's id, past the short-string room, had been allocated for every document.
  std::vector<std::unique_ptr<Job>> spare;
  auto retire_finished = [&] {
    bool retired = false;
    while (!pending.empty() && pending.front()->done.load(std::memory_order_acquire)) {
      Job* job = pending.front().get();
      progress.clear();
      recorder.record(*job);
      window -= job->held;
      job->unread.reset();
      job->result = {};
      job->done.store(false, std::memory_order_relaxed);
      spare.push_back(std::move(pending.front()));
      pending.pop_front();
      progress.update(source, recorder.done());
      retired = true;
    }
    if (retired) recorder.checkpoint();
  };
  // Retires documents until `enough` holds: while the oldest is still being processed, this
  // thread processes a queued one rather than wait.
  auto make_room = [&](auto enough) {
    for (retire_finished(); !enough(); retire_finished()) {
      if (!workers->help()) workers->wait(pending.front().get());
    }
  };
  auto window_has_room = [&] { return pending.size() < threads || window < kWindowBytes; };
  auto drained = [&] { return pending.empty(); };

  uint64_t offset = 0;  // of the current document, for --range
  while (const SourceDocument* doc = source.next()) {
    const uint64_t starts_at = offset;
    offset += doc->size.value_or(0);
    if (starts_at >= options.range_to) break;
    if (starts_at < options.range_from) continue;
    std::unique_ptr<Job> job;
    if (spare.empty()) {
      job = std::make_unique<Job>();
    } else {
      job = std::move(spare.back());
      spare.pop_back();
    }
    job->source.id = doc->id;  // (into the room of the id before)
    job->source.html = doc->html;
    job->source.charset = doc->charset;
    job->source.date = doc->date;
    job->size = doc->size.value_or(0);
    bool queue = false;
    if (doc->error) {
      job->unread = doc->error;
    } else if (streams(options, handlers, *doc)) {
      if (workers) make_room(drained);
      uint64_t before = source.bytes_consumed();
      job->result = handlers.stream(doc->id, source, out);
      job->size = source.bytes_consumed() - before;
    } else if (Result<std::string> bytes = source.read_all(); !bytes) {
      job->unread = bytes.error();
    } else {
      job->bytes = std::move(bytes).value();
      job->size = job->bytes.size();
      if (workers) {
        queue = true;
      } else {
        Workers::run(handlers, *job);
      }
    }
    if (!queue) job->done.store(true, std::memory_order_relaxed);
    // Capacity, not size: what the document really holds, spare room of its reading included.
    job->held = job->bytes.capacity() + job->result.output.capacity() + kJobOverhead;
    window += job->held;
    pending.push_back(std::move(job));
    // A worker may finish the job at once: from here on only `done` is read.
    if (queue) workers->submit(pending.back().get());
    if (workers) {
      make_room(window_has_room);
    } else {
      retire_finished();
    }
  }
  if (workers) make_room(drained);
  progress.clear();
  return recorder.finish();
}

}  // namespace

int run_batch(const BatchOptions& options, const std::vector<std::string>& inputs, Output& out,
              const BatchHandlers& handlers) {
  return run(options, inputs, out, handlers, nullptr);
}

int run_resumable_batch(const BatchOptions& options, const std::string& output_path,
                        std::string_view header, const std::vector<std::string>& inputs,
                        const BatchHandlers& handlers, std::string_view key) {
  if (output_path.empty() || output_path == "-") {
    fmt::print(stderr, "{}: --resume needs -o FILE\n", options.tool);
    return kError;
  }
  Journal journal;
  if (!journal.open(output_path, options.manifest, key, options.tool)) return kError;
  if (journal.state() == Journal::State::finished) {
    if (!options.quiet) fmt::print(stderr, "{}: {}: already complete\n", options.tool, output_path);
    return journal.last().exit_code;
  }
  bool fresh = journal.state() == Journal::State::fresh;
  Output out;
  if (!out.open(journal.out_part(), options.tool, !fresh)) return kError;
  if (fresh) out.write(header);
  BatchOptions parts = options;
  parts.manifest = journal.manifest_part();
  return run(parts, inputs, out, handlers, &journal);
}

}  // namespace zhreport::cli
