// Running a tool over its inputs: the documents named on the command line (files, directories,
// archives, stdin; see zhreport/source.h) are read in order, processed on -j N threads (the one
// reading among them), and their outputs written in input order whatever N is. Problems go to
// stderr as "TOOL: ID: MESSAGE", every document gets a --manifest line, progress shows on a
// terminal.
//
//   zhreport::cli::BatchOptions batch{.tool = "zhextract"};
//   zhreport::cli::add_batch_flags(app, batch);        // -j --manifest --quiet --max-doc-bytes ...
//   CLI11_PARSE(app, argc, argv);
//   zhreport::cli::Output out;
//   if (!out.open(output_path, batch.tool)) return zhreport::cli::kError;
//   return zhreport::cli::run_batch(batch, inputs, out, {
//       .process = [&](std::string_view id, std::string_view bytes) {
//         zhreport::cli::DocumentResult result;
//         result.output = ...;                            // appended to `out` in input order
//         if (bad) result.problems.push_back("3 invalid bytes, first at byte 17");
//         return result;
//       }});
//
// Memory: documents are read ahead up to 8 MiB (at least one per thread), so peak memory is
// about N times the largest document plus a constant. Exit code: 0 when every document was read
// and processed without problems; 1 when a document had problems, was skipped (over
// --max-doc-bytes, unsafe archive path, nested archive, zip bomb) or failed in processing; 2
// when an input could not be read (missing, unreadable, a directory where none is allowed) or
// the output could not be written. That rule is the same for every tool (issue 15): a missing
// input is "TOOL: PATH: no such file or directory" and exit 2, the other inputs still processed
// (zhextract also writes its error record for it).
#pragma once

#include <CLI/CLI.hpp>

#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "cli.h"
#include "zhreport/source.h"

namespace zhreport::cli {

struct BatchOptions {
  std::string tool;      // prefix of every message, e.g. "zhconv"
  unsigned threads = 0;  // -j: threads in all, the reading one included; 0 = one per core
  std::string manifest;  // --manifest: TSV path, empty = none
  bool quiet = false;    // --quiet: no progress, no summary
  SourceOptions source;  // --max-doc-bytes, --nested-archives; tools set .directories
  // Plain files and stdin larger than this (or of unknown size, like a pipe) go to
  // BatchHandlers::stream when it is set, so they are never held in memory whole.
  uint64_t stream_above = uint64_t{16} << 20;
  // An empty document is a problem ("empty document" on stderr, exit code 1): a report tool
  // has nothing to say about it, a converter simply copies it.
  bool empty_is_problem = false;
  // --resume (tools that offer it, see add_resume_flag): run_resumable_batch keeps a journal.
  bool resume = false;
  // --range FROM:TO (tools that offer it, see add_range_flag): only the documents that start at
  // an offset in [range_from, range_to) of the inputs' bytes taken together, as stored before
  // any compression (the sizes of all the documents before them, as their headers give them);
  // the others are passed over unread, and reading stops at range_to. Ranges that do not
  // overlap take each document once, so a big archive can be cut into tasks.
  uint64_t range_from = 0;
  uint64_t range_to = UINT64_MAX;
};

// -j/--jobs, --manifest, -q/--quiet, --max-doc-bytes, --nested-archives.
void add_batch_flags(CLI::App& app, BatchOptions& options);
// --resume, for a tool that calls run_resumable_batch when it is set.
void add_resume_flag(CLI::App& app, BatchOptions& options);
// --range FROM:TO (bytes; TO empty = to the end).
void add_range_flag(CLI::App& app, BatchOptions& options);
bool ranged(const BatchOptions& options);

// The tool's output: a file (-o FILE) or stdout, written in large blocks.
class Output {
 public:
  Output() = default;
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;
  // "" or "-" = stdout. On failure prints "TOOL: PATH: reason" and returns false.
  // `append`: add to the end of an existing file instead of starting it over.
  bool open(const std::string& path, std::string_view tool, bool append = false);
  void write(std::string_view bytes);
  // Hands what is buffered to the system (flush) and on to the disk (sync); false after
  // printing why.
  bool flush();
  bool sync();
  // Bytes in the file so far (after flush(); the output is only ever appended to).
  uint64_t tell() const;
  // Flushes; false (after printing why) when anything could not be written.
  bool close();
  bool failed() const { return failed_; }

 private:
  std::FILE* file_ = nullptr;
  std::unique_ptr<char[]> buffer_;  // file_'s (not stdout's), freed after file_ is closed
  std::string path_;
  std::string tool_;
  bool failed_ = false;
};

// What processing one document produced.
struct DocumentResult {
  std::string output;                 // written to the Output in input order
  std::vector<std::string> problems;  // one stderr line each; the exit code becomes at least 1
  bool failed = false;                // not processed: manifest status "failed", reason problems[0]
  bool unreadable = false;            // failed because it is not text at all (binary): exit code 2
  size_t facts = 0;                   // for the manifest
};

struct BatchHandlers {
  // Called on any of the -j threads, the main one included, with a whole document; must be
  // safe to run concurrently.
  std::function<DocumentResult(std::string_view id, std::string_view bytes)> process;
  // Optional, used instead of `process` when set: the same, with what the source knows of the
  // document besides its bytes (an HTML page, its HTTP charset, a WARC record's date).
  std::function<DocumentResult(const SourceDocument& doc, std::string_view bytes)> process_doc;
  // Optional. Output for a document that could not be read (zhextract writes a document
  // record carrying the error); called on the main thread in input order.
  std::function<std::string(std::string_view id, const Error& error)> unread;
  // Optional. Streams a big plain file or stdin: read chunks with source.read_some() and
  // write to `out` directly. Runs on the main thread after every earlier output is written.
  std::function<DocumentResult(std::string_view id, Source& source, Output& out)> stream;
};

// Runs the whole batch and returns the exit code.
int run_batch(const BatchOptions& options, const std::vector<std::string>& inputs, Output& out,
              const BatchHandlers& handlers);

// run_batch as a resumable run (resume.h): the output goes to `output_path` (a file), starting
// with `header`; after a run killed at any moment the same call processes only the documents
// not yet complete, and the output and manifest end byte-identical to an uninterrupted run's.
int run_resumable_batch(const BatchOptions& options, const std::string& output_path,
                        std::string_view header, const std::vector<std::string>& inputs,
                        const BatchHandlers& handlers, std::string_view key);
// `key`: the inputs and every option that changes the output; a journal written under
// another key is not resumed.

}  // namespace zhreport::cli
