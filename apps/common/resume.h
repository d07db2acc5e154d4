// Resumable runs (zhextract -o OUT --manifest M --resume): the output and the manifest are
// written under temporary names (OUT.part, M.part) and renamed only once the run is complete,
// so a file with the final name is always a finished one. Beside them a journal, OUT.journal,
// gets one checkpoint line after every document retired: how many documents are complete and
// how many bytes of OUT.part and M.part hold them. A run killed at any moment (SIGKILL
// included) is resumed by the same command: the files are cut back to the last checkpoint,
// the documents it counts are skipped unread, and the rest is processed and appended, so
// the final files are byte for byte those of an uninterrupted run.
//
//   zhreport::cli::Journal journal;
//   if (!journal.open("out.jsonl", "m.tsv", key, "zhextract")) return kError;
//   switch (journal.state()) { ... }   // fresh, resumed (journal.last()), finished
//   journal.record(checkpoint, sync);  // after flushing OUT.part and M.part
//   journal.finish(exit_code);         // after syncing them: renames, keeps a short journal
//
// The journal's first line names the command (a digest of `key`: inputs and every flag that
// changes the output); resuming with another command is refused, so a stale journal never
// mixes two runs. Every few seconds a checkpoint follows an fdatasync of both files, and a
// checkpoint beyond a file's size (a machine that crashed before writing back) is ignored for
// an earlier one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace zhreport::cli {

struct Checkpoint {
  uint64_t documents = 0;          // complete in both files, counted from the first input
  uint64_t out_bytes = 0;          // of OUT.part that hold them (the header included)
  uint64_t manifest_bytes = 0;     // of M.part
  int exit_code = 0;               // the run's exit code so far
  uint64_t counts[3] = {0, 0, 0};  // ok, skipped, failed documents
};

class Journal {
 public:
  enum class State { fresh, resumed, finished };

  Journal() = default;
  ~Journal();
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;

  // Reads OUT.journal if there is one with the same key, cuts OUT.part and M.part back to its
  // last checkpoint that fits them, and opens the journal for appending. `manifest` may be
  // empty. False (after printing "TOOL: PATH: reason") on an I/O error or a journal of
  // another command.
  bool open(const std::string& out, const std::string& manifest, std::string_view key,
            std::string_view tool);
  State state() const { return state_; }
  const Checkpoint& last() const { return last_; }
  const std::string& out_part() const { return out_part_; }
  const std::string& manifest_part() const { return manifest_part_; }

  // Appends a checkpoint; `synced`: both files were fdatasync'ed just before.
  bool record(const Checkpoint& checkpoint, bool synced);
  // The run is complete (both files synced): records it, renames OUT.part to OUT and M.part
  // to M, and leaves a two-line journal that makes a later --resume a no-op.
  bool finish(int exit_code);

 private:
  bool fail(const std::string& path, const std::string& reason);
  bool rename_parts();

  std::string tool_;
  std::string out_, manifest_, out_part_, manifest_part_, path_;
  std::string header_;
  State state_ = State::fresh;
  Checkpoint last_;
  int fd_ = -1;
};

}  // namespace zhreport::cli
