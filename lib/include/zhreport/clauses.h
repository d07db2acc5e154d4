// Clauses: each sentence of a report read once into clauses, with the predicate that governs
// their counts, so that a count's metric and its context come from the same reading.
//
//   std::string text = "十年来,上海市先后派出10批医疗队共计286名专家,其中医生200名。";
//   zhreport::Reading r = zhreport::read_clauses(text);
//   r.sentences.size();                  // 1
//   r.clauses.size();                    // 3: 十年来 | 上海市先后派出… | 其中医生200名
//   const zhreport::Clause& c = r.clauses[1];
//   r.frames[c.first_frame].frame->verb; // "派出": persons are experts, the subject is `from`
//   r.clauses[2].continues;              // true (其中): it inherits the predicate of clause 1
//   zhreport::governing_frame(r, 2, pos_of_200);  // the 派出 hit
//
// How a sentence is read (docs/clauses.md):
//   sentences  split at 。!?！？ and line ends; clauses at ,，;；:： inside them
//   predicate  every verb of data/frames.tsv in the clause, in text order (FrameHit); a pattern
//              A…B (接收…进修) matches when B follows A in the clause.
//   continues  a clause starting with 其中, 此外, 同时, 还, 并, 另 (or 当天, 次日) continues the
//              statement before it: it inherits what it does not state itself (its predicate
//              when it has none, its place and period).
// Places and time phrases are read by places.h and times.h; the context of a fact (facts.h)
// walks from its clause to its sentence, the statements it continues and the report's subject.
// Linear in the text; one vector per kind of thing, no allocation per character.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "zhreport/document.h"

namespace zhreport {

enum class Persons { none, experts, trainees, patients };
enum class Side { none, from, to };
enum class Governs { after, before, both };

// A metric that a frame's reading replaces (data/frames.tsv `overrides`): counts found so far
// to be of `metric`, however named (any), named by no word (unnamed: no cue decided it), by a
// noun that may go either way (either: 骨干), or by a word before the count (before).
struct Override {
  enum class Named { any, unnamed, either, before };
  std::string metric;
  Named named = Named::any;
};

// One item of an overrides column: trainees, other:unnamed, trainees:either, other:before.
Override parse_override(std::string_view item);

// One row of data/frames.tsv.
struct Frame {
  std::string verb;  // 派出, or the first part of a pattern (接收…进修 → 接收)
  std::string tail;  // the second part of a pattern (进修), else empty
  Persons persons = Persons::none;
  Side subject = Side::none;
  Side place_after = Side::none;
  Governs governs = Governs::after;
  std::string object_metric;        // e.g. surgeries for 开展…手术; empty for none
  std::vector<Override> overrides;  // the metrics found so far that its reading replaces
};

// Whether a frame says anything about the counts it governs (persons_are or object_metric);
// the others (赴, 到, 在, 帮扶…) only mark the side of the place after them.
bool governs_counts(const Frame& frame);

// The frames of data/frames.tsv (static, stable pointers).
const std::vector<Frame>& frames();

struct FrameHit {
  const Frame* frame = nullptr;
  size_t start = 0, end = 0;            // the verb's bytes
  size_t tail_start = 0, tail_end = 0;  // a pattern's second part, else equal to end
};

struct Clause {
  size_t start = 0, end = 0;              // bytes, without the break that ends it
  size_t sentence = 0;                    // index into Reading::sentences
  size_t first_frame = 0, end_frame = 0;  // its own frame hits: Reading::frames[first, end)
  bool continues = false;  // 其中, 此外, 同时…: it continues the statement before it
};

struct Sentence {
  size_t start = 0, end = 0;  // bytes, with the mark that ends it
  size_t block = 0;           // index of its block in Document::blocks (0 for plain text)
  size_t first_clause = 0, end_clause = 0;
  bool continues = false;  // its first clause continues the sentence before it
};

struct Reading {
  std::vector<Sentence> sentences;
  std::vector<Clause> clauses;
  std::vector<FrameHit> frames;
  // The clause holding byte `pos`, or clauses.size() when none does.
  size_t clause_at(size_t pos) const;
  // For every kClauseBucket bytes of the text, the first clause that ends after the bucket's
  // start (read_clauses fills it): clause_at, asked of every count and of every place and time
  // of its context, steps on a clause or two from there instead of searching them all.
  static constexpr size_t kClauseBucket = 64;
  std::vector<uint32_t> first_clause_of_bucket;
  // Where a number may start (the first digit of a run of them, or a numeral character:
  // numbers.h), in order: the scan of the clauses stops there too, so that find_numbers(text,
  // begin, end, number_starts, out) need not walk the text again.
  std::vector<size_t> number_starts;
  // The blocks read (indexes into Document::blocks) that hold a break between cells, a blank or
  // |, in order: only they may be lines of a table (table_rows.h), which the scan finds without
  // searching every block again.
  std::vector<size_t> blocks_with_cell_breaks;
};

// Reads `text` (normalized, Simplified) as one block.
Reading read_clauses(std::string_view text);
// Reads the countable blocks of `document` (analyze_document(text)).
Reading read_clauses(std::string_view text, const Document& document);
// The same into `reading`, whose vectors keep their room from the text read before: a batch
// reads report after report, where allocating them for each showed in the profile.
void read_clauses(std::string_view text, const Document& document, Reading& reading);

// The frame hit that governs a count at `pos` of clause `clause`: a frame that governs counts
// before it and stands after `pos` (选派8名医生赴上海进修: 进修), else the nearest one before
// `pos` that governs counts after it, else, for a clause that continues the one before it
// (其中…) or opens with a count right after one that does (其中2人任副院长,6人任护士长), the
// last frame of an earlier clause of the sentence. nullptr when none.
const FrameHit* governing_frame(const Reading& reading, size_t clause, size_t pos);

}  // namespace zhreport
