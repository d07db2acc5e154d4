#include "facts_lexicon.h"

#include <algorithm>
#include <utility>

namespace zhreport {
namespace embedded {
extern const std::string_view classifiers_tsv;
extern const std::string_view cues_tsv;
extern const std::string_view noncounts_tsv;
extern const std::string_view words_tsv;
extern const std::string_view lists_tsv;
}  // namespace embedded

namespace facts_detail {
namespace {

// The verbs of data/frames.tsv are cues too, so that a verb is listed once: a verb of sending
// (persons_are experts) before persons counts them as experts (派出32名), a verb of study that
// follows its persons (persons_are trainees, governs before) counts them as trainees (8位医师参加
// 了…进修), and one that governs both ways (跟班学习) either side.
void add_frame_cues(Lexicon& lex) {
  for (const Frame& frame : frames()) {
    if (!frame.tail.empty()) continue;  // a pattern's verb alone says nothing
    auto cue = std::make_unique<Cue>();
    cue->text = frame.verb;
    if (frame.persons == Persons::experts && frame.governs == Governs::after) {
      cue->metric = "experts";
      cue->where = kBefore;
      cue->classifiers = {"名", "位", "人", "人次"};
    } else if (frame.persons == Persons::trainees && frame.governs == Governs::after) {
      cue->metric = "trainees";
      cue->where = kBefore;
      cue->classifiers = {"名", "位", "人"};
    } else if (frame.persons == Persons::trainees) {
      cue->metric = "trainees";
      cue->where = frame.governs == Governs::both ? kBefore | kAfter : kAfter;
      cue->classifiers = {"名", "位", "人"};
    } else {
      continue;
    }
    lex.cue_index.add(cue->text, cue.get());
    lex.cues.push_back(std::move(cue));
  }
}

// Sets in `tails` the tail_key of the character at word[at], where it is one of three bytes;
// else `otherwise` (the inline tests of the lexicon's word lists do not hold for the word).
void add_tail(std::string_view word, size_t at, std::bitset<0x10000>& tails, bool& otherwise) {
  if (at < word.size() && next_char(word, at) - at == 3) {
    tails.set(text::tail_key(word.data() + at + 1));
  } else {
    otherwise = true;
  }
}

}  // namespace

Lexicon::Lexicon() {
  for (const auto& row : text::tsv_rows(embedded::classifiers_tsv)) {
    if (row.size() < 3) continue;
    Classifier c{std::string(row[0]), row[1], 0, 0};
    if (c.kind == "money") c.yuan = std::stod(std::string(row[2]));
    classifiers.push_back(std::move(c));
  }
  std::stable_sort(classifiers.begin(), classifiers.end(),
                   [](const auto& a, const auto& b) { return a.text.size() > b.text.size(); });
  for (size_t i = 0; i < classifiers.size(); ++i) {
    classifiers[i].id = i;
    classifier_by_first.add(classifiers[i].text, &classifiers[i]);
  }
  for (const auto& row : text::tsv_rows(embedded::cues_tsv)) {
    if (row.size() < 4) continue;
    auto cue = std::make_unique<Cue>();
    cue->metric = row[0];
    cue->text = row[1];
    for (std::string_view w : text::split(row[2], ',')) {
      cue->where |= w == "noun"     ? kNoun
                    : w == "before" ? kBefore
                    : w == "after"  ? kAfter
                    : w == "head"   ? kHead
                    : w == "either" ? kEither
                    : w == "team"   ? kTeam
                    : w == "build"  ? kBuild
                                    : 0u;
    }
    for (std::string_view c : text::split(row[3], ' ')) {
      if (c == "*") cue->any_classifier = true;
      if (!c.empty()) cue->classifiers.emplace_back(c);
    }
    cue_index.add(cue->text, cue.get());
    cues.push_back(std::move(cue));
  }
  add_frame_cues(*this);
  cue_index.finish();
  for (const auto& cue : cues) {
    char32_t first = code_point_at(cue->text, 0);
    unsigned where = cue->where & kHead ? cue->where | kNoun : cue->where;  // (may_start_cue)
    auto file = [&](size_t id) {
      for (unsigned w = where; w != 0; w &= w - 1) {
        cue_starts_.set((first ^ cue_salt(id, w & (~w + 1))) & 0xFFFF);
      }
    };
    cue->takes.assign(classifiers.size(), 0);
    for (const std::string& name : cue->classifiers) {
      const auto* named = name.empty() ? nullptr : classifier_by_first.find(code_point_at(name, 0));
      if (!named) continue;
      for (const auto& [text, c] : *named) {
        if (text != name) continue;
        cue->takes[c->id] = 1;
        file(c->id);
      }
    }
    if (cue->any_classifier) {
      for (const Classifier& c : classifiers) file(c.id);
    }
  }
  for (const auto& row : text::tsv_rows(embedded::noncounts_tsv)) {
    if (row.size() < 2) continue;
    if (row[1] == "before_number") {
      before_number.add(row[0]);
      add_tail(row[0], previous_char(row[0], row[0].size()), before_number_tails,
               before_number_ends_otherwise);
    }
    if (row[1] == "after_classifier") {
      after_classifier.add(row[0]);
      add_tail(row[0], 0, after_classifier_tails, after_classifier_otherwise);
    }
    if (row[1] == "after_number") {
      after_number.add(row[0]);
      // (starts_after_number tests the second character's tail where the first is of three
      // bytes; a word whose first is not asks the whole list always)
      if (next_char(row[0], 0) != 3) after_number_otherwise = true;
      add_tail(row[0], next_char(row[0], 0), after_number_tails, after_number_otherwise);
    }
    if (row[1] == "in_clause") in_clause.emplace_back(row[0]);
    if (row[1] == "average") average.emplace_back(row[0]);
    if (row[1] == "alone") alone.emplace_back(row[0]);
    if (row[1] == "quoted_name") quoted_name.add(row[0]);
    if (row[1] == "job_title_head") job_title_head.add(row[0]);
  }
  for (const auto& row : text::tsv_rows(embedded::words_tsv)) {
    if (row.size() < 3 || row[0].empty()) continue;
    std::string_view word = row[0], role = row[1];
    char32_t first = code_point_at(word, 0);
    if (role == "recipient") recipient += first;
    if (role == "ends_noun") ends_noun += first;
    if (role == "grade") grade += first;
    if (role == "conjunction") conjunction += first;
    if (role == "not_recipient") not_recipient.add(word);
    if (role == "adjective_suffix") adjective_suffix.add(word);
    if (role == "performs") performs.add(word);
    if (role == "currency") currency.emplace_back(word);
    if (role == "column_unit") column_unit.emplace_back(word, row[2]);
    auto qualifier = parse_qualifier(row[2]);
    if (role == "qualifier_after" && qualifier) {
      qualifier_after.emplace_back(word, *qualifier);
      add_tail(word, 0, qualifier_after_tails, qualifier_after_otherwise);
    }
    if (role == "qualifier_before_currency" && qualifier) {
      qualifier_before_currency.emplace_back(word, *qualifier);
    }
    if (role == "qualifier_before_verb" && qualifier) {
      qualifier_before_verb.emplace_back(word, *qualifier);
      add_tail(word, previous_char(word, word.size()), qualifier_before_verb_tails,
               qualifier_before_verb_otherwise);
    }
  }
  for (const auto& row : text::tsv_rows(embedded::lists_tsv)) {
    if (row.size() < 6) continue;
    ListRule rule;
    rule.later = row[0] == "later";
    rule.metric = parse_override(row[1]);
    for (std::string_view c : text::split(row[2], ' ')) {
      if (!c.empty() && c != "*") rule.classifiers.emplace_back(c);
    }
    rule.partner = row[3];
    rule.elided = row[4] == "elided";
    rule.cue = row[4] == "cue";
    bool by_chars = row[4] != "sentence" && !rule.elided && !rule.cue;
    rule.reach = by_chars ? std::stoul(std::string(row[4])) : 0;
    rule.becomes = row[5];
    lists.push_back(std::move(rule));
  }
  for (const ListRule& rule : lists) {
    if (!rule.elided) (rule.later ? lists_later : lists_earlier).push_back(&rule);
  }
  for (auto* list :
       {&qualifier_after, &qualifier_before_currency, &qualifier_before_verb}) {  // 大约 before 约
    std::stable_sort(list->begin(), list->end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
  }
}

const Cue* Lexicon::cue_starting(std::string_view s, size_t pos, char32_t first, size_t limit,
                                 const Classifier& c, Where where) const {
  size_t prefix = 0;
  const auto* candidates = cue_index.candidates_after(s, pos, first, prefix);
  if (!candidates) return nullptr;
  for (const auto& [word, cue] : *candidates) {
    if (pos + word.size() <= limit && pos + word.size() <= s.size() &&
        text::rest_matches(s, pos, word, prefix) && cue->fits(c, where)) {
      return cue;
    }
  }
  return nullptr;
}

const Lexicon& lexicon() {
  static const Lexicon instance;
  return instance;
}

}  // namespace facts_detail
}  // namespace zhreport
