// zhconv: Traditional → Simplified Chinese, byte-identical to OpenCC on valid UTF-8, any input
// encoding, streaming in flat memory.
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <cctype>
#include <string>
#include <vector>

#include "batch.h"
#include "cli.h"
#include "version.h"
#include "zhreport/convert_stream.h"

namespace {

constexpr const char* kDescription =
    "Converts Traditional Chinese to Simplified (OpenCC 1.4.2's t2s, tw2s, hk2s or tw2sp, with "
    "identical output on valid UTF-8) and writes UTF-8. Inputs: files, archives; none or - = "
    "stdin. The encoding (UTF-8, GB18030, Big5, UTF-16) is detected per input unless --from "
    "says it. Invalid bytes become U+FFFD and are reported (exit 1); a missing file, a "
    "directory or a binary file is reported and skipped (exit 2), the other inputs are still "
    "converted. HTML (files, archive members, WARC bodies) is converted as text with its markup "
    "intact; zhextract and zhvalidate read pages as pages.";

// Inputs above this size are streamed in chunks of it (flat memory: peak RSS stays under
// OpenCC's); smaller ones are converted whole, on -j worker threads. 64 KiB: the chunk, its
// decoded copy and its output stay in the L2 cache beside the conversion tables (256 KiB was
// slower by a tenth).
constexpr size_t kChunk = size_t{64} << 10;

// "invalid UTF-8 at byte 17", "3 invalid Big5 sequences, first at byte 17".
std::string describe_invalid(const zhreport::ConvertStream& stream) {
  const auto& invalid = stream.invalid();
  std::string encoding(
      zhreport::encoding_name(stream.encoding().value_or(zhreport::Encoding::utf8)));
  for (char& c : encoding) c = char(std::toupper(static_cast<unsigned char>(c)));
  if (encoding == "BIG5") encoding = "Big5";
  if (invalid.size() == 1) return fmt::format("invalid {} at byte {}", encoding, invalid[0].offset);
  return fmt::format("{} invalid {} sequences, first at byte {}", invalid.size(), encoding,
                     invalid[0].offset);
}

// One document through the stream; `next` fills the next chunk (empty at the end) or fails,
// `write` takes converted text as it comes.
template <typename Next, typename Write>
zhreport::cli::DocumentResult convert_document(const zhreport::ConvertStreamOptions& options,
                                               Next next, Write write) {
  zhreport::cli::DocumentResult result;
  zhreport::ConvertStream stream(options);
  std::string chunk;
  std::string_view out;
  for (bool last = false; !last;) {
    zhreport::Result<bool> more = next(chunk);
    if (!more) {
      result.failed = true;
      result.problems.push_back(more.error().message);
      return result;
    }
    last = !more.value();
    if (std::optional<zhreport::Error> error = stream.feed(chunk, last, out)) {
      result.failed = result.unreadable = true;
      result.problems.push_back(error->message);
      return result;
    }
    write(out);
  }
  if (!stream.invalid().empty()) result.problems.push_back(describe_invalid(stream));
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app(kDescription, "zhconv");
  zhreport::cli::add_version_flag(app);
  std::vector<std::string> inputs;
  std::string config = "t2s", from, output;
  zhreport::ConvertStreamOptions options;
  zhreport::cli::BatchOptions batch;
  batch.tool = "zhconv";
  batch.source.directories = false;
  batch.stream_above = kChunk;
  batch.source.html_to_text = false;  // HTML is converted as text, markup and all
  app.add_option("FILE", inputs, "Files or archives; none or - = stdin");
  app.add_option("-o,--output", output, "Write to FILE instead of stdout");
  app.add_option("--config", config, "OpenCC configuration")
      ->check(CLI::IsMember({"t2s", "tw2s", "hk2s", "tw2sp"}))
      ->capture_default_str();
  app.add_option("--from", from, "Input encoding: utf-8, gb18030 (gbk), big5, utf-16le, utf-16be");
  app.add_flag("--rare-forms", options.rare_forms,
               "Also use Simplified forms that common fonts lack and may show as boxes (OpenCC's "
               "tofu-risk dictionaries, its --include-tofu-risk-dictionaries)");
  app.add_flag("--clean", options.clean,
               "Normalize first: NFC, widths, spaces, and the artifact repairs (pinyin "
               "annotations, doubled punctuation, HTML remnants, lone ? lines)");
  zhreport::cli::add_batch_flags(app, batch);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? zhreport::cli::kOk : zhreport::cli::kError;
  }
  options.config = *zhreport::parse_config(config);
  if (!from.empty()) {
    options.from = zhreport::parse_encoding(from);
    if (!options.from) {
      fmt::print(stderr, "zhconv: --from: unknown encoding '{}'\n", from);
      return zhreport::cli::kError;
    }
  }

  zhreport::cli::Output out;
  if (!out.open(output, batch.tool)) return zhreport::cli::kError;
  zhreport::cli::BatchHandlers handlers;
  handlers.process = [&](std::string_view, std::string_view bytes) {
    std::string converted;
    bool given = false;  // the whole document is one chunk
    auto next = [&](std::string& chunk) -> zhreport::Result<bool> {
      chunk.assign(given ? std::string_view() : bytes);
      return !std::exchange(given, true);
    };
    auto result = convert_document(options, next, [&](std::string_view s) { converted += s; });
    result.output = std::move(converted);
    return result;
  };
  handlers.stream = [&](std::string_view, zhreport::Source& source, zhreport::cli::Output& sink) {
    return convert_document(
        options, [&](std::string& chunk) { return source.read_some(kChunk, chunk); },
        [&](std::string_view text) { sink.write(text); });
  };
  return zhreport::cli::run_batch(batch, inputs, out, handlers);
}
