// normalize: one canonical form of decoded text, and the scars of its journey repaired.
//
//   zhreport::Normalized n = zhreport::normalize(decoded.text, {.track_offsets = true});
//   n.text;                                  // NFC, widths folded, artifacts repaired
//   n.offsets.compose_onto(decoded.offsets); // normalized byte → original file byte
//   for (auto& [kind, count] : n.repairs) ...   // e.g. {"pinyin_annotation", 70}
//
// Always (not counted unless noted):
//   - CRLF and lone CR become LF;
//   - NFC (utf8proc), applied only around characters that NFC could change: ASCII, CJK
//     ideographs, kana, CJK punctuation and precomposed Latin pass straight through
//     ("unicode_composition" when it changes something: e + U+0301, U+F9D1 六);
//   - full-width forms U+FF01..U+FF5E become ASCII ("fullwidth"): digits, letters, and the
//     full-width punctuation Chinese text uses (，：；（）！？ → , : ; ( ) ! ?). The corpora
//     already write half-width commas; folding the whole block gives one form to match.
//     CJK punctuation outside that block (。、《》“”「」…—) stays as it is;
//   - NBSP, U+3000 and the other Unicode spaces become ' '; zero-width spaces and stray
//     BOMs are removed ("space").
// With repair_artifacts:
//   - "pinyin_annotation": 醫(yī)學(xué) → 醫學. Removed only after a Han character and only
//     when the parenthesised text is one pinyin syllable with a tone mark, or a toneless
//     syllable (de, men) on a line where a toned annotation was already removed. So
//     (后简称中山七院), (縣、區), 7个旗(县), (2015年版 and 图(a) survive.
//   - "doubled_punctuation": a comma next to a stronger mark goes: ,, → ,  ,。 → 。  ,、 → 、
//     ,; → ;  、, → 、 (…… and —— are not doubled punctuation and stay);
//   - "html_remnant": tags (</p>, <br/>, <div class="x">) are removed, block tags in
//     mid-line become a line break; so is a closing tag whose '<' a mis-decoded character
//     swallowed (蟆?/p>); entities (&nbsp; &amp; &#12289; &#x3001;) are decoded;
//   - "lost_character_line": a line holding only ? or ？ (and spaces) is removed with its
//     line break: a character the original encoding could not represent.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "zhreport/offset_map.h"

namespace zhreport {

struct NormalizeOptions {
  bool repair_artifacts = true;  // the repairs above; off = canonical form only
  bool track_offsets = false;    // fill Normalized::offsets (4 bytes per output byte)
};

struct Normalized {
  std::string text;
  // Output byte → input byte; end entry = input size. Removed text belongs to the character
  // before it (the span of 醫 in 醫(yī)學 is "醫(yī)"). A character that NFC recomposed maps
  // every byte to the start of the characters it came from.
  OffsetMap offsets;
  // Counts by kind, only kinds that occurred, in a fixed order.
  std::vector<std::pair<std::string, size_t>> repairs;
};

// `utf8` should be valid UTF-8 (decode() output); stray invalid bytes are copied unchanged.
// Every rule looks no further than its own line, so a text cut after line breaks normalizes
// piece by piece to the same result (and repair counts) as in one go: that is how a stream
// is normalized with flat memory.
Normalized normalize(std::string_view utf8, const NormalizeOptions& options = {});
// The same into `result`, reusing its buffers (a caller normalizing one text after another
// keeps one Normalized and allocates nothing once it is large enough).
void normalize_into(std::string_view utf8, const NormalizeOptions& options, Normalized& result);

}  // namespace zhreport
