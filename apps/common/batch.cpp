#include "batch.h"

#include "zhreport/output.h"

#include <fmt/core.h>
#include <unistd.h>

#include <cerrno>
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
  app.add_option("-j,--jobs", options.threads, "Worker threads (default: one per core)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--manifest", options.manifest,
                 "Write one TSV line per input document: id, status, reason, bytes, facts");
  app.add_flag("-q,--quiet", options.quiet, "No progress display and no summary");
  app.add_option("--max-doc-bytes", options.source.max_doc_bytes,
                 "Skip (and report) documents larger than this (default 64 MiB)");
  app.add_flag("--nested-archives", options.source.nested_archives,
               "Also read archives found inside archives");
}

Output::~Output() { close(); }

bool Output::open(const std::string& path, std::string_view tool) {
  tool_ = tool;
  path_ = path.empty() || path == "-" ? "stdout" : path;
  file_ = path.empty() || path == "-" ? stdout : std::fopen(path.c_str(), "wb");
  if (!file_) {
    fmt::print(stderr, "{}: {}: cannot open for writing: {}\n", tool_, path_, std::strerror(errno));
    return false;
  }
  static constexpr size_t kBuffer = 1 << 20;
  std::setvbuf(file_, nullptr, _IOFBF, kBuffer);
  return true;
}

void Output::write(std::string_view bytes) {
  if (failed_ || bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    fmt::print(stderr, "{}: {}: write failed: {}\n", tool_, path_, std::strerror(errno));
    failed_ = true;
  }
}

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

// A document on its way through the batch: read on the main thread, processed by a worker,
// then written out in input order.
struct Job {
  std::string id;
  std::string bytes;
  std::optional<Error> unread;  // set when the source could not give the bytes
  uint64_t size = 0;
  DocumentResult result;
  bool submitted = false;  // handed to a worker thread
  bool done = false;       // the worker has finished (guarded by the workers' mutex)
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

// Worker threads taking jobs from a queue; the main thread waits on a job's `done`.
class Workers {
 public:
  using Process = std::function<DocumentResult(std::string_view, std::string_view)>;
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
    {
      std::lock_guard lock(mutex_);
      queue_.push_back(job);
    }
    ready_.notify_one();
  }
  bool done(Job* job) {
    std::lock_guard lock(mutex_);
    return job->done;
  }
  void wait(Job* job) {
    std::unique_lock lock(mutex_);
    finished_.wait(lock, [job] { return job->done; });
  }

 private:
  void work() {
    for (;;) {
      Job* job;
      {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;
        job = queue_.front();
        queue_.pop_front();
      }
      DocumentResult result = run(process_, *job);
      std::string().swap(job->bytes);  // only the output waits for its turn
      {
        std::lock_guard lock(mutex_);
        job->result = std::move(result);
        job->done = true;
      }
      finished_.notify_all();
    }
  }

 public:
  // The processor, with anything it throws turned into a failed document.
  static DocumentResult run(const Process& process, const Job& job) {
    try {
      return process(job.id, job.bytes);
    } catch (const std::exception& e) {
      DocumentResult failed;
      failed.failed = true;
      failed.problems.push_back(fmt::format("internal error: {}", e.what()));
      return failed;
    }
  }

 private:
  const Process& process_;
  std::vector<std::thread> threads_;
  std::deque<Job*> queue_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable finished_;
  bool stopping_ = false;
};

// Writes finished documents in order: output, stderr lines, manifest line, counts.
class Recorder {
 public:
  Recorder(const BatchOptions& options, Output& out, const BatchHandlers& handlers)
      : options_(options), out_(out), handlers_(handlers) {}

  bool open_manifest() {
    if (options_.manifest.empty()) return true;
    manifest_ = std::fopen(options_.manifest.c_str(), "w");
    if (!manifest_) {
      outcome_.fail(options_.tool, options_.manifest,
                    fmt::format("cannot open manifest: {}", std::strerror(errno)));
      return false;
    }
    fmt::print(manifest_, "id\tstatus\treason\tbytes\tfacts\n");
    return true;
  }

  void record(Job& job) {
    SourceStatus status = SourceStatus::ok;
    std::string reason;
    if (job.unread) {
      status = status_of(*job.unread);
      reason = job.unread->message;
      if (handlers_.unread) out_.write(handlers_.unread(job.id, *job.unread));
      if (job.unread->code == ErrorCode::io && !options_.unreadable_is_problem) {
        outcome_.fail(options_.tool, job.id, reason);
      } else {
        outcome_.problem(options_.tool, job.id, reason);
      }
    } else {
      if (job.size == 0 && options_.empty_is_problem)
        job.result.problems.push_back("empty document");
      out_.write(job.result.output);
      for (const std::string& problem : job.result.problems) {
        outcome_.problem(options_.tool, job.id, problem);
      }
      if (job.result.failed) {
        status = SourceStatus::failed;
        outcome_.raise(job.result.unreadable ? kError : kProblems);
      }
      if (!job.result.problems.empty()) reason = job.result.problems.front();
    }
    ++counts_[static_cast<size_t>(status)];
    if (manifest_) {
      fmt::print(manifest_, "{}\t{}\t{}\t{}\t{}\n", tsv_field(job.id), source_status_name(status),
                 tsv_field(reason), job.size, job.result.facts);
    }
    ++done_;
  }

  size_t done() const { return done_; }

  // Summary on stderr and at the end of the manifest; returns the exit code.
  int finish() {
    size_t ok = counts_[0], skipped = counts_[1], failed = counts_[2];
    std::string summary =
        fmt::format("{} documents: {} ok, {} skipped, {} failed", done_, ok, skipped, failed);
    if (manifest_) {
      fmt::print(manifest_, "# {}\n", summary);
      if (std::fclose(manifest_) != 0) {
        outcome_.fail(options_.tool, options_.manifest, "cannot write manifest");
      }
    }
    // Each problem already has its line; the summary is for a manifest run or a person watching.
    if (!options_.quiet && (manifest_ || ::isatty(STDERR_FILENO))) {
      fmt::print(stderr, "{}: {}\n", options_.tool, summary);
    }
    if (!out_.close()) outcome_.raise(kError);
    return outcome_.exit_code();
  }

 private:
  const BatchOptions& options_;
  Output& out_;
  const BatchHandlers& handlers_;
  Outcome outcome_;
  std::FILE* manifest_ = nullptr;
  size_t counts_[3] = {0, 0, 0};
  size_t done_ = 0;
};

bool streams(const BatchOptions& options, const BatchHandlers& handlers,
             const SourceDocument& doc) {
  return handlers.stream && doc.plain_file && (!doc.size || *doc.size > options.stream_above);
}

}  // namespace

int run_batch(const BatchOptions& options, const std::vector<std::string>& inputs, Output& out,
              const BatchHandlers& handlers) {
  Recorder recorder(options, out, handlers);
  if (!recorder.open_manifest()) return kError;
  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  if (threads == 0) threads = 1;
  // One worker processes inline on the main thread: same order, no hand-over.
  std::optional<Workers> workers;
  if (threads > 1) workers.emplace(threads, handlers.process);
  // A window of a few documents per worker keeps both busy while the oldest one is still being
  // processed; memory stays proportional to the workers (times the largest document).
  const size_t in_flight = 4 * size_t{threads};

  Source source(inputs, options.source);
  Progress progress(options.tool, !options.quiet && ::isatty(STDERR_FILENO));
  std::deque<std::unique_ptr<Job>> pending;
  auto retire_front = [&] {
    Job* job = pending.front().get();
    if (job->submitted) workers->wait(job);
    progress.clear();
    recorder.record(*job);
    pending.pop_front();
    progress.update(source, recorder.done());
  };

  while (const SourceDocument* doc = source.next()) {
    auto job = std::make_unique<Job>();
    job->id = doc->id;
    job->size = doc->size.value_or(0);
    if (doc->error) {
      job->unread = doc->error;
    } else if (streams(options, handlers, *doc)) {
      while (!pending.empty()) retire_front();
      uint64_t before = source.bytes_consumed();
      job->result = handlers.stream(doc->id, source, out);
      job->size = source.bytes_consumed() - before;
    } else if (Result<std::string> bytes = source.read_all(); !bytes) {
      job->unread = bytes.error();
    } else {
      job->bytes = std::move(bytes).value();
      job->size = job->bytes.size();
      if (workers) {
        workers->submit(job.get());
        job->submitted = true;
      } else {
        job->result = Workers::run(handlers.process, *job);
        std::string().swap(job->bytes);
      }
    }
    pending.push_back(std::move(job));
    while (!pending.empty() && (pending.size() >= in_flight || !pending.front()->submitted ||
                                workers->done(pending.front().get()))) {
      retire_front();
    }
  }
  while (!pending.empty()) retire_front();
  progress.clear();
  return recorder.finish();
}

}  // namespace zhreport::cli
