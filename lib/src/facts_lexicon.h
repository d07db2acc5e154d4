// The cue lexicon of facts.cpp: classifiers, cue words with the positions they work in, and
// the words that make a number no count, loaded from the data/ tables compiled into the library.
#pragma once

#include <bitset>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "document_text.h"
#include "three_byte_stops.h"
#include "zhreport/clauses.h"
#include "zhreport/qualifier.h"

namespace zhreport::facts_detail {

using text::code_point_at;
using text::next_char;
using text::previous_char;

struct Classifier {
  std::string text;
  // person, item, money, place ... (classifiers.tsv; a view of the embedded table, so that the
  // comparisons with a literal, several per count, are inline)
  std::string_view kind;
  double yuan = 0;  // money only
  size_t id = 0;    // its index in Lexicon::classifiers (Cue::fits)
};

enum Where : unsigned {
  kNoun = 1,
  kBefore = 2,
  kAfter = 4,
  kHead = 32,
  kEither = 64,
  kTeam = 128,
  kBuild = 256
};

struct Cue {
  std::string metric;
  std::string text;
  unsigned where = 0;
  bool any_classifier = false;
  std::vector<std::string> classifiers;
  // 1 at the id of each classifier of the lexicon named in `classifiers`: fits() is asked of the
  // cues of most characters around a count, where comparing the names had cost a call each.
  std::vector<uint8_t> takes;

  bool fits(const Classifier& c, Where w) const {
    return (where & w) && (any_classifier || (c.id < takes.size() && takes[c.id]));
  }
};

// One row of data/lists.tsv: what a count takes from the count it is listed with.
struct ListRule {
  bool later = true;                     // the later count of the two changes, else the earlier
  Override metric;                       // its metric so far, and how it was named
  std::vector<std::string> classifiers;  // empty: any
  std::string partner, becomes;
  size_t reach = 0;  // 0: the antecedent in the sentence; else at most this many characters apart
  bool elided = false;  // a count with no noun of its own, inheriting from its antecedent
  bool cue = false;     // the partner is a cue of its metric before the count's own, in its clause

  bool fits(std::string_view classifier) const {
    return classifiers.empty() ||
           std::find(classifiers.begin(), classifiers.end(), classifier) != classifiers.end();
  }
};

struct Lexicon {
  std::vector<Classifier> classifiers;                     // longest first
  text::CharIndex<const Classifier*> classifier_by_first;  // longest first under each
  std::vector<std::unique_ptr<Cue>> cues;
  text::WordIndex<const Cue*> cue_index;
  text::WordList before_number, after_classifier, after_number, quoted_name, job_title_head;
  // The last characters of the before_number words by their last two bytes (text::tail_key),
  // all of three bytes (a word that ends otherwise sets before_number_ends_otherwise): asked
  // before every number that may count, most of which no such character precedes.
  std::bitset<0x10000> before_number_tails;
  bool before_number_ends_otherwise = false;
  // The same of the after_classifier words' first characters and the after_number words'
  // second (the first is the classifier's, before which they are asked): asked after every
  // number with a classifier, most of which no such character follows.
  std::bitset<0x10000> after_classifier_tails, after_number_tails;
  bool after_classifier_otherwise = false, after_number_otherwise = false;
  std::vector<std::string> in_clause, average;
  std::vector<std::string> alone;  // numerals that alone are no count (一支, 千名医生下基层)
  // data/words.tsv: the function words of the count reading.
  std::u32string recipient, ends_noun, grade, conjunction;  // characters
  text::WordList not_recipient, adjective_suffix, performs;
  std::vector<std::string> currency;
  std::vector<std::pair<std::string, std::string>> column_unit;  // name end, classifier
  std::vector<std::pair<std::string, Qualifier>> qualifier_after, qualifier_before_currency,
      qualifier_before_verb;
  // The last characters of the qualifier_before_verb words by their last two bytes, as
  // before_number_tails: asked at each character walked back from most counts (facts.cpp
  // qualify_across_verb), before few of which such a word ends.
  std::bitset<0x10000> qualifier_before_verb_tails;
  bool qualifier_before_verb_otherwise = false;
  // The same of the qualifier_after words' first characters: asked after every number with a
  // classifier (read_count), after few of which such a word stands.
  std::bitset<0x10000> qualifier_after_tails;
  bool qualifier_after_otherwise = false;
  std::vector<ListRule> lists;  // data/lists.tsv
  // The rows that apply_list asks of every count, once with the later count of a pair changing,
  // once with the earlier (the elided rows are asked by elided()).
  std::vector<const ListRule*> lists_later, lists_earlier;

  // Whether s[at] leads a character of three bytes (s.size() >= at + 3).
  static bool opens_three_bytes(std::string_view s, size_t at) {
    return (static_cast<unsigned char>(s[at]) & 0xF0u) == 0xE0u;
  }
  // Whether s[at] leads a three-byte character that ends by `end` and has none of `tails`' last
  // two bytes: a walk (Stops' walk tails) or a word test passes it without decoding it.
  static bool passes_unstopped(const std::bitset<0x10000>& tails, std::string_view s, size_t at,
                               size_t end) {
    return at + 3 <= end && opens_three_bytes(s, at) && !tails[text::tail_key(s.data() + at + 1)];
  }
  // before_number.ends(s), told inline where the character that ends `s` is of three bytes and
  // ends no such word (`s` ends at a character's end).
  bool ends_before_number(std::string_view s) const {
    const size_t n = s.size();
    if (!before_number_ends_otherwise && n >= 3 &&
        passes_unstopped(before_number_tails, s, n - 3, n)) {
      return false;
    }
    return before_number.ends(s);
  }

  // Whether a qualifier_before_verb word may end `s` (false where the character that ends it,
  // at a character's end, is of three bytes and ends none).
  bool may_end_with_qualifier_before_verb(std::string_view s) const {
    const size_t n = s.size();
    return qualifier_before_verb_otherwise || n < 3 ||
           !passes_unstopped(qualifier_before_verb_tails, s, n - 3, n);
  }

  // Whether a qualifier_after word may start at s[pos] (before `limit`; false where the
  // character there is of three bytes and starts none).
  bool may_start_qualifier_after(std::string_view s, size_t pos, size_t limit) const {
    return qualifier_after_otherwise || !passes_unstopped(qualifier_after_tails, s, pos, limit);
  }

  // after_classifier.starts(s) and after_number.starts(s), told inline where the character
  // that a word would have there is of three bytes and none of theirs.
  bool starts_after_classifier(std::string_view s) const {
    if (!after_classifier_otherwise && passes_unstopped(after_classifier_tails, s, 0, s.size())) {
      return false;
    }
    return after_classifier.starts(s);
  }
  bool starts_after_number(std::string_view s) const {
    if (!after_number_otherwise && s.size() >= 6 && opens_three_bytes(s, 0) &&
        passes_unstopped(after_number_tails, s, 3, s.size())) {
      return false;
    }
    return after_number.starts(s);
  }

  // What a count without a noun of its own, under `classifier`, is after an antecedent of
  // `partner` (lists.tsv, reach elided: the persons of teams are experts), or nullptr when it
  // takes the antecedent's metric.
  const ListRule* elided(std::string_view partner, std::string_view classifier) const {
    for (const ListRule& rule : lists) {
      if (rule.elided && rule.partner == partner && rule.fits(classifier)) return &rule;
    }
    return nullptr;
  }

  Lexicon();  // loads data/classifiers.tsv, cues.tsv, noncounts.tsv, words.tsv and frames.tsv

  // False when no cue with `where` that fits `c` starts with the character `first` (true: one
  // may). Asked of most characters around a count ahead of the cue index: a cue starts at one
  // character in eight of a report, one of the count's classifier and position at fewer.
  // `where` is one position, or kNoun | kHead (a counted noun's first character: the cues of
  // kHead are filed under kNoun too).
  bool may_start_cue(char32_t first, const Classifier& c, Where where) const {
    return cue_starts_.test((first ^ cue_salt(c.id, where & (~where + 1))) & 0xFFFF);
  }

  const Classifier* classifier_at(std::string_view s, size_t pos) const {
    const auto* candidates =
        pos < s.size() ? classifier_by_first.find(code_point_at(s, pos)) : nullptr;
    if (!candidates) return nullptr;
    size_t first = next_char(s, pos) - pos;  // (each candidate starts with that character)
    for (const auto& [word, c] : *candidates) {
      if (word.size() <= s.size() - pos && text::rest_matches(s, pos, word, first)) return c;
    }
    return nullptr;
  }

  // A bracketed part that ends `s` (派驻人数(名), 完成手术（台次）): where its opening bracket
  // is, and the classifier it holds whole (nullptr when it holds anything else); nullopt when
  // `s` ends with no bracket.
  struct Bracketed {
    size_t open;
    const Classifier* classifier;
  };
  std::optional<Bracketed> bracketed_at_end(std::string_view s) const {
    for (auto [open, close] : {std::pair<std::string_view, std::string_view>{"(", ")"},
                               std::pair<std::string_view, std::string_view>{"（", "）"}}) {
      if (!text::ends_with(s, close)) continue;  // before rfind: asked at every number of a block
      size_t at = s.rfind(open);
      if (at == std::string_view::npos) continue;
      std::string_view inside = s.substr(at + open.size());
      inside.remove_suffix(close.size());
      const Classifier* c = classifier_at(inside, 0);
      return Bracketed{at, c && c->text.size() == inside.size() ? c : nullptr};
    }
    return std::nullopt;
  }

  // 服务群众人次达1.2万: a two-character classifier of person-times, cases or operations right
  // before the number (and its 达/约…), optionally with 为/是; or any classifier in brackets right
  // before it, as a row of a summary writes it (完成手术（台次）266); sets `unit_start` to where
  // it starts.
  const Classifier* classifier_before(std::string_view s, size_t begin, size_t number_start,
                                      size_t& unit_start) const {
    std::string_view before = s.substr(begin, number_start - begin);
    if (std::optional<Bracketed> b = bracketed_at_end(before); b && b->classifier) {
      unit_start = begin + b->open;
      return b->classifier;
    }
    using namespace std::string_view_literals;
    for (std::string_view link : {"为"sv, "是"sv}) {
      if (text::ends_with(before, link)) before.remove_suffix(link.size());
    }
    if (!text::ends_with(before, "次")) return nullptr;  // quick reject: 人次 例次 台次 end so
    for (const Classifier& c : classifiers) {
      bool unit_like = c.kind == "person_times" || c.kind == "case" || c.kind == "operation";
      if (unit_like && c.text.size() > 3 && before.ends_with(c.text)) {
        unit_start = begin + before.size() - c.text.size();
        return &c;
      }
    }
    return nullptr;
  }

  // The longest cue starting at `pos`, ending by `limit`, that fits the classifier there. (Asked
  // of most characters around a count, most of which start no cue: that much is told inline.)
  const Cue* cue_at(std::string_view s, size_t pos, size_t limit, const Classifier& c,
                    Where where) const {
    return cue_of(s, pos, code_point_at(s, pos), limit, c, where);
  }
  // cue_at, for a caller that has read `first`, the character at `pos`.
  const Cue* cue_of(std::string_view s, size_t pos, char32_t first, size_t limit,
                    const Classifier& c, Where where) const {
    return may_start_cue(first, c, where) ? cue_starting(s, pos, first, limit, c, where) : nullptr;
  }
  // cue_at, at a character that a cue may start with (may_start_cue): `first`, the one at `pos`.
  const Cue* cue_starting(std::string_view s, size_t pos, char32_t first, size_t limit,
                          const Classifier& c, Where where) const;

 private:
  // A bit per first character of a cue, moved by its classifier and position (so that a loop
  // over the characters around a count computes the move once): a few false positives, which
  // cue_starting turns down.
  static uint32_t cue_salt(size_t classifier, unsigned where_bit) {
    return static_cast<uint32_t>(classifier * 0x9E3779B1u ^ where_bit * 0x85EBCA6Bu) >> 16;
  }
  std::bitset<0x10000> cue_starts_;
};

// The one lexicon, loaded on first use.
const Lexicon& lexicon();

}  // namespace zhreport::facts_detail
