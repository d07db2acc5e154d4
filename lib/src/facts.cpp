#include "zhreport/facts.h"

#include <algorithm>
#include <bitset>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <utility>

#include "context.h"
#include "document_text.h"
#include "facts_lexicon.h"
#include "numbers_chars.h"
#include "table_rows.h"
#include "three_byte_stops.h"
#include "zhreport/clauses.h"
#include "zhreport/numbers.h"

namespace zhreport {
namespace {

using namespace facts_detail;
using namespace std::string_view_literals;
using text::word_at;

// How far the context of a count reaches, in characters.
constexpr size_t kMaxCountedNoun = 16;  // 13个“组团式”医疗人才传帮带工作室
constexpr size_t kMaxClause = 40;

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The characters that end a sentence (。!?！？ and the end of a line), a clause (those and
// ,，;；:：) or a counted noun: asked of most characters around every number, so looked up in
// tables built once rather than compared one by one.
struct Stops {
  static constexpr std::u32string_view kSentenceEnds = U"。!?！？\n";
  static constexpr std::u32string_view kClauseMarks = U",，;；:：";
  // Where the counted noun after a classifier stops, besides a clause break: a number (1区2县),
  // punctuation, and the particles, verbs and prepositions that start a predicate
  // (data/words.tsv ends_noun: 3台设备为手术…, 6位负责人让…), so that a cue word of the
  // predicate is not taken for the counted noun.
  static constexpr std::u32string_view kNounEnds = U"、()（）《》【】 0123456789";
  // The quotes that close a quoted name (is_closing_quote).
  static constexpr std::u32string_view kClosingQuotes = U"”」";
  std::bitset<0x10000> sentence_end, clause_break, noun_end;
  std::u32string astral_noun_ends;  // of data/words.tsv, outside the tables' range
  // The characters that neither end a counted noun nor start a classifier: after a number, they
  // make it no count (no_count_end).
  std::bitset<0x10000> no_count;
  // The prepositions of data/words.tsv recipient (is_recipient_preposition), asked of every
  // character walked back from a count; those outside the table's range in astral_recipients.
  std::bitset<0x10000> recipient;
  std::u32string astral_recipients;
  // The three-byte characters that stop the walk back from a count for its before-cue
  // (nearest_cue_before): a recipient preposition, the first of a before-cue. By their last two
  // bytes (text::tail_key), so that the walk passes the others, most, without decoding them.
  std::bitset<0x10000> before_walk_tails;
  // The same of the after-cues' first characters, for the walk on from the counted noun.
  std::bitset<0x10000> after_walk_tails;
  // The same of the characters that read_count's walk over the counted noun stops at (those
  // that end it, （ and 等 among them, and the closing quotes).
  std::bitset<0x10000> noun_walk_tails;
  Stops() {
    // (the walks' bits: the tail_key of a three-byte character; they ask the others whole)
    auto add_tail = [](std::bitset<0x10000>& tails, char32_t c) {
      if (c >= 0x800 && c <= 0xFFFF) tails.set(text::tail_key(c));
    };
    for (char32_t c : lexicon().recipient) {
      add_tail(before_walk_tails, c);
      if (c < 0x10000) {
        recipient.set(c);
      } else {
        astral_recipients += c;
      }
    }
    for (const auto& cue : lexicon().cues) {
      char32_t first = code_point_at(cue->text, 0);
      if (cue->where & kBefore) add_tail(before_walk_tails, first);
      if (cue->where & kAfter) add_tail(after_walk_tails, first);
    }
    for (char32_t c : kSentenceEnds) sentence_end.set(c);
    clause_break = sentence_end;
    for (char32_t c : kClauseMarks) clause_break.set(c);
    noun_end = clause_break;
    for (char32_t c : kNounEnds) noun_end.set(c);
    for (char32_t c : lexicon().ends_noun) {
      if (c < 0x10000) {
        noun_end.set(c);
      } else {
        astral_noun_ends += c;
      }
    }
    for (auto chars : {kSentenceEnds, kClauseMarks, kNounEnds, kClosingQuotes,
                       std::u32string_view(lexicon().ends_noun)}) {
      for (char32_t c : chars) add_tail(noun_walk_tails, c);
    }
    no_count = ~noun_end;
    for (const Classifier& c : lexicon().classifiers) {
      char32_t first = code_point_at(c.text, 0);
      if (first < 0x10000) no_count.reset(first);
    }
  }
  bool ends_noun(char32_t c) const {
    return c < 0x10000 ? noun_end[c] : astral_noun_ends.find(c) != std::u32string::npos;
  }
  bool no_count_after(char32_t c) const { return c < 0x10000 && no_count[c]; }
  bool breaks_clause(char32_t c) const { return c < 0x10000 && clause_break[c]; }
  bool is_recipient(char32_t c) const {
    return c < 0x10000 ? recipient[c] : astral_recipients.find(c) != std::u32string::npos;
  }
};

const Stops& stops() {
  static const Stops instance;
  return instance;
}

bool is_sentence_end(char32_t c) { return c < 0x10000 && stops().sentence_end[c]; }

bool is_clause_break(char32_t c) { return stops().breaks_clause(c); }

bool ends_counted_noun(char32_t c) { return stops().ends_noun(c); }

// s[from, to) (from <= to <= s.size()), made in place: substr's check of its bounds is a call,
// and the reading of a count cuts the text around it a dozen times.
std::string_view span(std::string_view s, size_t from, size_t to) {
  return {s.data() + from, to - from};
}

// A preposition whose object receives the action (data/words.tsv recipient: 医疗队为当地40名医务
// 人员进行培训, 专家对数百名儿童进行筛查), so a cue before it is the agent's, not the count's; not
// inside a word of its own (not_recipient: 成为 作为 结对 针对 对口 对接…).
bool is_recipient_preposition(const Lexicon& lex, const Stops& stops, std::string_view s,
                              size_t pos, char32_t c, size_t begin) {
  if (!stops.is_recipient(c)) return false;
  size_t next = next_char(s, pos);
  return next < s.size() && !lex.not_recipient.ends(s.substr(begin, next - begin)) &&
         !lex.not_recipient.starts(s.substr(pos));
}

// Past a parenthesis of one or two characters at `pos` inside a noun (乡(镇)卫生院, 旗(县)),
// or 0 when there is none.
size_t past_short_parenthesis(std::string_view s, size_t pos, size_t limit) {
  char32_t open = code_point_at(s, pos);
  if (open != U'(' && open != U'（') return 0;
  size_t p = next_char(s, pos);
  for (size_t chars = 0; p < limit && chars <= 2; ++chars, p = next_char(s, p)) {
    char32_t c = code_point_at(s, p);
    if (c == U')' || c == U'）') return chars > 0 ? next_char(s, p) : 0;
    if (is_clause_break(c) || ends_counted_noun(c)) return 0;
  }
  return 0;
}

size_t skip_blanks(std::string_view s, size_t pos, size_t limit) {
  while (pos < limit && s[pos] == ' ') ++pos;
  return pos;
}

// The number at `pos` continues a list of ordinals: 第一、二、三期, 第5、6批.
bool continues_ordinal_list(std::string_view s, size_t begin, size_t pos) {
  // (as bits: asked before every number with a classifier, most of which follow none of them)
  static const std::bitset<0x10000> kListed = [] {
    std::bitset<0x10000> chars;
    for (char32_t c : std::u32string_view(U"、0123456789一二三四五六七八九十")) chars.set(c);
    return chars;
  }();
  bool listed = false;
  while (pos > begin) {
    size_t prev = previous_char(s, pos);
    // (a character of three bytes decoded inline: gcc's limits in read_count, which this is
    // inlined into, had made code_point_at a call here, asked before every count)
    char32_t c = pos - prev == 3 ? text::three_byte_code_point(s, prev) : code_point_at(s, prev);
    if (c == U'第') return listed;
    if (c >= 0x10000 || !kListed[c]) return false;
    listed = listed || c == U'、';
    pos = prev;
  }
  return false;
}

constexpr size_t kMaxQuoted = 12;  // characters of a quoted name: “三个一百”

bool is_closing_quote(char32_t c) {
  return Stops::kClosingQuotes.find(c) != std::u32string_view::npos;
}

// Whether the number starting at `start` stands inside quotes opened before it in its clause,
// which starts at `clause_start` (or at `begin`, before it: where no clause of the reading holds
// the number), after a break that the walk back stops at.
bool inside_quotes(const Stops& stops, std::string_view s, size_t begin, size_t clause_start,
                   size_t start) {
  // Most numbers have no opening quote within reach: a search of the bytes of their clause
  // before them rules that out before the characters are walked back one by one.
  constexpr size_t kReach = kMaxQuoted * 4;  // bytes: four at most per character
  std::string_view reach = span(s, std::max(begin, clause_start), start);
  reach.remove_prefix(reach.size() - std::min(reach.size(), kReach));
  if (reach.find("“") == reach.npos && reach.find("「") == reach.npos) return false;
  for (size_t pos = start, chars = 0; pos > begin && chars < kMaxQuoted; ++chars) {
    pos = previous_char(s, pos);
    char32_t c = code_point_at(s, pos);
    if (is_closing_quote(c) || stops.breaks_clause(c)) return false;
    if (c == U'“' || c == U'「') return true;
  }
  return false;
}

// The quotes that a number ending at `end` stands inside (inside_quotes) name a plan or
// programme: “三个一百”工程, “1+1+N”帮扶模式 (a few characters may sit between the quote and the
// name word).
bool quotes_name(std::string_view s, size_t end, size_t limit) {
  constexpr size_t kMaxBeforeName = 4;
  size_t pos = end;
  for (size_t chars = 0; pos < limit && chars < kMaxQuoted; ++chars, pos = next_char(s, pos)) {
    char32_t c = code_point_at(s, pos);
    if (is_closing_quote(c)) break;
    if (is_clause_break(c)) return false;
  }
  if (pos >= limit) return false;
  pos = next_char(s, pos);
  for (size_t chars = 0; pos < limit && chars <= kMaxBeforeName; ++chars, pos = next_char(s, pos)) {
    if (lexicon().quoted_name.starts(s.substr(pos, limit - pos))) return true;
    char32_t c = code_point_at(s, pos);
    if (c != U'的' && ends_counted_noun(c)) return false;  // “1名专家带2名徒弟”的模式
  }
  return false;
}

// A count being read: where its parts are and what has been decided so far.
struct Candidate {
  const NumberMatch* number;
  const Classifier* classifier;
  Qualifier qualifier;
  size_t count_start;     // qualifier_start, or the classifier standing before (人次达1.2万)
  size_t classifier_end;  // after the classifier and any 以上/左右
  size_t noun_start, noun_end;
  size_t clause_start, clause_end;
  // The clause of the reading that holds the number (clauses.size() when none): the clauses of
  // the count's other parts are mostly this one (clause_near), asked of it without a search.
  size_t clause;
};

// A count read, and how: its fact stands in find_facts' vector of facts, built there in place
// (moving a fact, a dozen strings, cost more than reading most counts), which is given room for
// a fact per number (an upper bound) so that no fact moves while these point at them.
struct FoundFact {
  Fact* fact = nullptr;
  size_t at = 0;             // where its number stands
  size_t count_start = 0;    // where the count starts (its qualifier), before any cue
  std::string_view kind;     // the classifier's kind (of the lexicon), for elided nouns
  const Cue* cue = nullptr;  // the cue that decided the metric, if any
};

// 约人民币300万元: a qualifier before the currency name (data/words.tsv currency) that precedes
// the number.
void qualify_across_currency(std::string_view s, size_t begin, Candidate& c) {
  const Lexicon& lex = lexicon();
  std::string_view before = s.substr(begin, c.count_start - begin);
  if (c.qualifier != Qualifier::exact) return;
  for (const std::string& currency : lex.currency) {
    if (!before.ends_with(currency)) continue;
    before.remove_suffix(currency.size());
    for (const auto& [word, qualifier] : lex.qualifier_before_currency) {
      if (before.ends_with(word)) {
        c.qualifier = qualifier;
        c.count_start = begin + before.size() - word.size();
        return;
      }
    }
    return;
  }
}

std::string_view metric_of(Persons persons) {
  return persons == Persons::experts    ? "experts"
         : persons == Persons::trainees ? "trainees"
         : persons == Persons::patients ? "patients"
                                        : "";
}

// Whether a frame of data/frames.tsv whose persons_are is `metric` lies in s[from, to) (a
// pattern with its tail).
bool frame_between(const Reading& reading, size_t from, size_t to, std::string_view metric) {
  auto first = std::lower_bound(reading.frames.begin(), reading.frames.end(), from,
                                [](const FrameHit& hit, size_t pos) { return hit.start < pos; });
  for (auto hit = first; hit != reading.frames.end() && hit->start < to; ++hit) {
    if (metric_of(hit->frame->persons) == metric && hit->tail_end <= to) return true;
  }
  return false;
}

// Whether a verb of data/frames.tsv starts at `start` and runs past `end`: a counted noun of one
// character cut there (其余14名分赴…: 分, cut at 赴, which ends nouns) is the verb's first
// character, no noun.
bool verb_across(const Reading& reading, size_t start, size_t end) {
  auto hit = std::lower_bound(reading.frames.begin(), reading.frames.end(), start,
                              [](const FrameHit& h, size_t p) { return h.start < p; });
  return hit != reading.frames.end() && hit->start == start && hit->end > end;
}

// Whether a number that is no count stands in s[from, end) (平均海拔3500米的县城…: the average
// word is that measure's, not the count's after it).
bool measure_between(std::string_view s, size_t from) {
  std::string_view between = s.substr(from);
  for (const NumberMatch& n : find_numbers(between)) {
    if (!lexicon().classifier_at(between, n.end)) return true;
  }
  return false;
}

// A character that every one of `words` holds (均 of 人均, 平均, 年均…), or "" when there is none.
std::string character_in_every(const std::vector<std::string>& words) {
  if (words.empty()) return {};
  std::string_view first = words.front();
  for (size_t p = 0; p < first.size(); p = next_char(first, p)) {
    std::string_view c = first.substr(p, next_char(first, p) - p);
    if (std::all_of(words.begin(), words.end(),
                    [&](const std::string& w) { return text::contains(w, c); })) {
      return std::string(c);
    }
  }
  return {};
}

// Whether a count stands in s[from, to) before a verb whose place follows it (到, 赴…: frames.tsv
// place_after to), so that a count after that verb is of the place the counted go to, which a
// rate word before them does not divide (每月派出8名医生到辖区的6家卫生院坐诊).
bool count_before_place(std::string_view s, const Reading& reading, size_t from, size_t to) {
  auto first = std::lower_bound(reading.frames.begin(), reading.frames.end(), from,
                                [](const FrameHit& hit, size_t pos) { return hit.start < pos; });
  for (auto hit = first; hit != reading.frames.end() && hit->start < to; ++hit) {
    if (hit->frame->place_after != Side::to) continue;
    std::string_view before = s.substr(from, hit->start - from);
    for (const NumberMatch& n : find_numbers(before)) {
      if (lexicon().classifier_at(before, n.end)) return true;
    }
  }
  return false;
}

// An average (平均派驻4.8人); or a rate or share (每天接诊60人, 每名专家带教2名学员,
// 每个县至少建成1个) unless persons are sent after the rate word: then it is a quota
// (每月派出1至2名专家, 每个受援县选派20名专家); nor is a count of the place they go to.
bool is_rate(const Lexicon& lex, std::string_view s, const Candidate& c, const Reading& reading) {
  std::string_view clause_before = span(s, c.clause_start, c.count_start);
  // The words of an average share a character (均 of 人均, 平均…): a clause without it holds
  // none of them.
  static const std::string in_every_average = character_in_every(lex.average);
  // Most clauses hold no character that those words, or the rate words below, need (均 or the
  // average words' first characters, the rate words' first: 每): one pass over the clause tells
  // that, where a search for each cost a call to memchr or two.
  static const text::ThreeByteStops needed = [&] {
    text::ThreeByteStops chars;
    std::u32string ascii;  // (of those: an ASCII character must stop the pass too)
    auto add = [&](std::string_view word) {
      char32_t c = code_point_at(word, 0);
      chars.add(c);
      if (c < 0x80) ascii += c;
    };
    if (in_every_average.empty()) {
      for (const std::string& w : lex.average) add(w);
    } else {
      add(in_every_average);
    }
    for (const std::string& w : lex.in_clause) add(w);
    chars.pass_ascii(
        [&](char c) { return ascii.find(static_cast<unsigned char>(c)) == ascii.npos; });
    return chars;
  }();
  // (none of those characters stands before `first`: the searches for them, and for the rate
  // words, which start with one, start there)
  const size_t first = needed.skip(clause_before, 0);
  if (first == clause_before.size()) return false;
  bool may_average = in_every_average.empty() ||
                     text::find(clause_before, in_every_average, first) != std::string_view::npos;
  for (size_t i = 0; i < lex.average.size() && may_average; ++i) {
    const std::string& w = lex.average[i];
    size_t at = text::find(clause_before, w);
    if (at != std::string_view::npos && !measure_between(clause_before, at + w.size())) return true;
  }
  // The words of a rate share few first characters (每个, 每人, 每天…: 每): a clause without
  // any of them holds none of the words.
  static const std::vector<std::string> rate_starts = [&] {
    std::vector<std::string> starts;
    for (const std::string& w : lex.in_clause) {
      std::string first = w.substr(0, next_char(w, 0));
      if (std::find(starts.begin(), starts.end(), first) == starts.end()) starts.push_back(first);
    }
    return starts;
  }();
  bool may_rate = std::any_of(rate_starts.begin(), rate_starts.end(), [&](const std::string& w) {
    return text::find(clause_before, w, first) != std::string_view::npos;
  });
  size_t rate_end = 0;
  for (size_t i = 0; i < lex.in_clause.size() && may_rate; ++i) {
    const std::string& w = lex.in_clause[i];
    size_t at = text::find(clause_before, w, first);
    if (at != std::string_view::npos) rate_end = std::max(rate_end, at + w.size());
  }
  if (rate_end == 0) return false;
  if (count_before_place(s, reading, c.clause_start + rate_end, c.count_start)) return false;
  bool persons = c.classifier->kind == "person" || c.classifier->kind == "person_times";
  return !persons || !frame_between(reading, c.clause_start + rate_end, c.count_start, "experts");
}

// 至少参加了一百次: a qualifier before the short verb that governs the number (data/words.tsv
// qualifier_before_verb) still bounds it.
void qualify_across_verb(const Lexicon& lex, const Stops& walk_stops, std::string_view s,
                         size_t begin, Candidate& c) {
  constexpr size_t kMaxVerb = 3;  // characters between: 参加了, 完成
  if (c.qualifier != Qualifier::exact) return;
  size_t p = c.count_start;
  for (size_t chars = 0; p > begin && chars <= kMaxVerb; ++chars) {
    std::string_view before = span(s, begin, p);
    if (lex.may_end_with_qualifier_before_verb(before)) {
      for (const auto& [word, qualifier] : lex.qualifier_before_verb) {
        if (text::ends_with(before, word)) {
          c.qualifier = qualifier;
          return;
        }
      }
    }
    size_t prev = previous_char(s, p);
    // (a character of three bytes, most, decoded inline: code_point_at was a call here)
    char32_t ch = p - prev == 3 ? text::three_byte_code_point(s, prev) : code_point_at(s, prev);
    p = prev;
    if (walk_stops.breaks_clause(ch) || (ch >= U'0' && ch <= U'9') || ch == U'、') return;
  }
}

// Reading::clause_at(pos), told without a search where `pos` stands in the clause `near` (a
// clause's index, or clauses.size()).
size_t clause_near(const Reading& reading, size_t near, size_t pos) {
  if (near < reading.clauses.size() && reading.clauses[near].start <= pos &&
      pos < reading.clauses[near].end) {
    return near;
  }
  return reading.clause_at(pos);
}

// Where the clause holding `pos` starts, at most kMaxClause characters back and not before
// `begin`: the start of its clause in `reading`, whose breaks are those of is_clause_break
// (clauses.h), so that no character on the way is decoded; `pos` itself when it stands in none.
// `near`: the clause that most likely holds `pos` (clause_near).
size_t clause_start_before(std::string_view s, const Reading& reading, size_t near, size_t begin,
                           size_t pos) {
  size_t clause = clause_near(reading, near, pos);
  size_t floor =
      clause < reading.clauses.size() ? std::max(begin, reading.clauses[clause].start) : pos;
  if (pos - floor <= kMaxClause) return floor;  // no more characters than bytes
  size_t start = pos;
  for (size_t chars = 0; start > floor && chars < kMaxClause; ++chars) {
    start = previous_char(s, start);
  }
  return start;
}

// Where the clause holding `pos` ends (before its break), at most kMaxClause characters on and
// not after `limit`; `pos` itself when it stands at a break. `near` as for clause_start_before.
size_t clause_end_after(std::string_view s, const Reading& reading, size_t near, size_t pos,
                        size_t limit) {
  size_t clause = pos < limit ? clause_near(reading, near, pos) : reading.clauses.size();
  size_t ceiling =
      clause < reading.clauses.size() ? std::min(limit, reading.clauses[clause].end) : pos;
  if (ceiling - pos <= kMaxClause) return ceiling;
  size_t end = pos;
  for (size_t chars = 0; end < ceiling && chars < kMaxClause; ++chars) end = next_char(s, end);
  return end;
}

// Whether the words around the number [start, end) of a block from `begin` make it no count
// (data/noncounts.tsv): a word before it (before_number: 第六批, 周三), or the number one of
// those that count nothing alone (alone: the indefinite article of 一支…医疗队, a slogan's round
// number of 千名医生下基层) unless `qualified()` (近千名, 千余名 count; asked only then).
template <typename Qualified>
bool no_count_by_words(const Lexicon& lex, std::string_view s, size_t begin, size_t start,
                       size_t end, Qualified qualified) {
  if (lex.ends_before_number(span(s, begin, start))) return true;
  std::string_view numeral = span(s, start, end);
  return std::find(lex.alone.begin(), lex.alone.end(), numeral) != lex.alone.end() && !qualified();
}

// Reads the classifier and its surroundings after a number; nullopt when it is no count.
std::optional<Candidate> read_count(const Lexicon& lex, const Stops& stops, std::string_view s,
                                    const NumberMatch& n, size_t begin, size_t limit,
                                    const Reading& reading) {
  if (n.percent) return std::nullopt;
  Candidate c{&n, nullptr, n.qualifier, n.qualifier_start, 0, 0, 0, 0, 0, 0};
  size_t pos = skip_blanks(s, n.end, limit);
  for (std::string_view more : {"余"sv, "多"sv}) {  // 2000 余名: the infix after a blank
    if (word_at(s, pos, limit, more)) {
      if (c.qualifier == Qualifier::exact) c.qualifier = Qualifier::more_than;
      pos = skip_blanks(s, pos + more.size(), limit);
    }
  }
  std::string_view rest = span(s, pos, limit);
  c.classifier = lex.classifier_at(rest, 0);
  bool classifier_before = false;
  if (!c.classifier) {  // checked first: most numbers have none
    c.classifier = lex.classifier_before(s, begin, n.qualifier_start, c.count_start);
    if (!c.classifier || (pos < limit && !stops.ends_noun(code_point_at(s, pos)))) {
      return std::nullopt;
    }
    classifier_before = true;
  }
  // (the words around the number before the cue after it: they turn down a quarter of the
  // numbers with a classifier, 一个 and 第一批 most)
  if (no_count_by_words(lex, s, begin, n.start, n.end,
                        [&] { return c.qualifier != Qualifier::exact; })) {
    return std::nullopt;
  }
  // 5家属 is no count, but in 5家乡镇卫生院 the counted noun is a cue that starts after 家.
  size_t after_classifier = pos + (classifier_before ? 0 : c.classifier->text.size());
  bool cue_follows = !classifier_before && after_classifier < limit &&
                     lex.cue_at(s, after_classifier, limit, *c.classifier, kNoun) != nullptr;
  if (!cue_follows && lex.starts_after_number(rest)) return std::nullopt;
  if (continues_ordinal_list(s, begin, n.start)) return std::nullopt;
  c.clause = reading.clause_at(n.start);
  // (the clause's start: where no clause holds the number, the block's)
  const size_t clause_start =
      c.clause < reading.clauses.size() ? reading.clauses[c.clause].start : begin;
  // (asked once for both questions below, unless a qualifier word stands before the number)
  bool number_quoted = inside_quotes(stops, s, begin, clause_start, n.start);
  if (number_quoted && quotes_name(s, n.end, limit)) return std::nullopt;
  if (n.start > begin && (is_ascii_letter(s[n.start - 1]) || s[n.start - 1] == '+')) {
    return std::nullopt;  // COVID-19, 1+7
  }
  if (n.end < limit && (is_ascii_letter(s[n.end]) || s[n.end] == '+')) return std::nullopt;
  if (!classifier_before) pos += c.classifier->text.size();
  std::string_view after = span(s, pos, limit);
  for (std::string_view filler : {""sv, "多"sv, "余"sv, "半"sv}) {  // 3个月, 5个多小时
    if (word_at(after, 0, after.size(), filler) &&
        lex.starts_after_classifier(span(after, filler.size(), after.size()))) {
      return std::nullopt;
    }
  }
  size_t past = skip_blanks(s, pos, limit);
  if (lex.may_start_qualifier_after(s, past, limit)) {
    for (const auto& [word, qualifier] : lex.qualifier_after) {
      if (word_at(s, past, limit, word)) {
        if (c.qualifier == Qualifier::exact) c.qualifier = qualifier;
        pos = past + word.size();
        break;
      }
    }
  }
  c.classifier_end = pos;
  if (c.classifier->kind == "money") qualify_across_currency(s, begin, c);
  qualify_across_verb(lex, stops, s, begin, c);

  c.noun_start = pos = skip_blanks(s, pos, limit);
  // a count inside quotes counts what they quote: “两个加强”推进医共体 counts no 医共体
  bool quoted =
      n.qualifier_start == n.start
          ? number_quoted
          : inside_quotes(stops, s, begin, n.qualifier_start < clause_start ? begin : clause_start,
                          n.qualifier_start);
  for (size_t chars = 0; pos < limit && chars < kMaxCountedNoun; ++chars) {
    // (a three-byte character that none of the questions below stops at, most, told by its
    // bytes)
    if (Lexicon::passes_unstopped(stops.noun_walk_tails, s, pos, limit)) {
      pos += 3;
      continue;
    }
    size_t next = 0;
    char32_t ch = text::char_at(s, pos, next);
    // 8个乡(镇)卫生院 (the bracket tested before the call: most characters are none)
    if (size_t past = ch == U'(' || ch == U'（' ? past_short_parenthesis(s, pos, limit) : 0) {
      pos = past;
      continue;
    }
    bool grade = ch == U'等' && pos > c.noun_start &&  // 三级甲等医院: 等 of a grade
                 lex.grade.find(code_point_at(s, previous_char(s, pos))) != std::u32string::npos;
    if ((!grade && stops.ends_noun(ch)) || (quoted && is_closing_quote(ch))) break;
    pos = next;
  }
  c.noun_end = pos;
  // 分别为11名和9名: a conjunction alone (data/words.tsv) is no noun
  std::string_view noun = span(s, c.noun_start, c.noun_end);
  if (!noun.empty() && lex.conjunction.find(code_point_at(noun, 0)) != std::u32string::npos &&
      next_char(noun, 0) == noun.size()) {
    c.noun_end = c.noun_start;
  }
  if (c.noun_end > c.noun_start && next_char(s, c.noun_start) == c.noun_end &&
      verb_across(reading, c.noun_start, c.noun_end)) {
    c.noun_end = c.noun_start;
  }

  c.clause_start = clause_start_before(s, reading, c.clause, begin, c.count_start);
  if (is_rate(lex, s, c, reading)) return std::nullopt;
  c.clause_end = clause_end_after(s, reading, c.clause, c.noun_end, limit);
  return c;
}

// The text of the counted noun, for `counted` when no cue names it.
std::string head_of(std::string_view s, const Candidate& c) {
  std::string_view noun = s.substr(c.noun_start, c.noun_end - c.noun_start);
  size_t end = 0;
  for (size_t chars = 0; end < noun.size() && chars < 6; ++chars) end = next_char(noun, end);
  return std::string(noun.substr(0, end));
}

// An earlier count of the same sentence, with the same kind of classifier, whose noun an
// elided count inherits (共选派896名专家,其中西藏289名); persons may also inherit from
// person-times (派出技术人员1200余人次,其中担任副院长的34人) or teams (组建8支医疗队,共计136人).
const FoundFact* antecedent(const Lexicon& lex, const Reading& reading,
                            const std::vector<FoundFact>& found, const Candidate& c, size_t begin) {
  // The start of the count's sentence in the reading of its block (after the mark that ends the
  // sentence before, or the block's start): a fact that ends before it is of another sentence,
  // unless the count's sentence continues that one (共选派专家42名…。其中,赴卢氏县12名: its parts).
  size_t clause = clause_near(reading, c.clause, c.number->qualifier_start);
  size_t sentence_start = begin;
  if (clause < reading.clauses.size()) {
    size_t sentence = reading.clauses[clause].sentence;
    if (reading.sentences[sentence].continues && sentence > 0) --sentence;
    sentence_start = reading.sentences[sentence].start;
  }
  for (auto it = found.rbegin(); it != found.rend(); ++it) {
    if (it->fact->end < std::max(begin, sentence_start)) break;
    bool persons = c.classifier->kind == "person";
    bool persons_of_times = persons && it->kind == "person_times";
    // persons of a count whose persons lists.tsv names (组建8支医疗队,共计136人)
    bool persons_of_teams = persons && lex.elided(it->fact->metric, c.classifier->text);
    // Things inherit only under the same classifier: 中心9个 does not make 救护车15辆 centres.
    bool same = it->kind == c.classifier->kind && (persons || it->fact->unit == c.classifier->text);
    if ((same || persons_of_times || persons_of_teams) && it->fact->metric != "other") {
      return &*it;
    }
  }
  return nullptr;
}

// The first cue with `where` (and `metric`, unless empty) that starts in the count's clause,
// not before `from`, before `until` (default: the count), or nullptr.
const Cue* cue_before(std::string_view s, const Candidate& c, Where where,
                      std::string_view metric = {}, size_t until = SIZE_MAX, size_t from = 0) {
  until = std::min(until, c.count_start);
  const Lexicon& lex = lexicon();
  for (size_t p = std::max(from, c.clause_start); p < until; p = next_char(s, p)) {
    const Cue* cue = lex.cue_at(s, p, until, *c.classifier, where);
    if (cue && (metric.empty() || cue->metric == metric)) return cue;
  }
  return nullptr;
}

// The before-cue nearest to `to` that starts in [from, to), or nullptr; `at` is where it starts.
// The scan stops at a preposition whose object the count is (为/给/对); of two cues ending
// together the longer wins (特色科室, not 科室); a service word that heads a job title is passed
// over (影像诊断医师11名 are persons, not diagnoses).
const Cue* nearest_cue_before(const Lexicon& lex, const Stops& walk_stops, std::string_view s,
                              const Classifier& classifier, size_t from, size_t to, size_t& at) {
  for (size_t p = to; p > from;) {
    // (a three-byte character, whole since `from` starts one, that is neither: told by its bytes)
    if (p - from >= 3 && Lexicon::passes_unstopped(walk_stops.before_walk_tails, s, p - 3, p)) {
      p -= 3;
      continue;
    }
    p = previous_char(s, p);
    char32_t c = code_point_at(s, p);  // (once for both questions: asked of every character)
    if (is_recipient_preposition(lex, walk_stops, s, p, c, from)) return nullptr;
    const Cue* cue = lex.cue_of(s, p, c, to, classifier, kBefore);
    if (!cue) continue;
    bool service = cue->metric == "patients" || cue->metric == "consultations";
    if (service &&
        lex.job_title_head.starts(s.substr(p + cue->text.size(), to - p - cue->text.size()))) {
      continue;
    }
    size_t end = p + cue->text.size();
    at = p;
    for (size_t q = p, chars = 0; q > from && chars < 4; ++chars) {
      q = previous_char(s, q);
      const Cue* longer = lex.cue_at(s, q, to, classifier, kBefore);
      if (longer && q + longer->text.size() >= end) {
        cue = longer;
        at = q;
      }
    }
    return cue;
  }
  return nullptr;
}

// Where the sentence holding `pos` starts, looking back at most `max_chars` and not before
// `begin`.
size_t sentence_start(std::string_view s, size_t pos, size_t begin, size_t max_chars) {
  for (size_t chars = 0; pos > begin && chars < max_chars; ++chars) {
    size_t prev = previous_char(s, pos);
    if (is_sentence_end(code_point_at(s, prev))) break;
    pos = prev;
  }
  return pos;
}

// The team (医疗队, 专家组…) named earlier in the count's sentence, before its clause.
const Cue* team_of_sentence(std::string_view s, const Candidate& c, size_t begin) {
  constexpr size_t kMaxSentence = 120;
  size_t start = sentence_start(s, c.clause_start, begin, kMaxSentence);
  const Lexicon& lex = lexicon();
  for (size_t p = c.clause_start; p > start;) {
    p = previous_char(s, p);
    if (const Cue* cue = lex.cue_at(s, p, c.clause_start, *c.classifier, kTeam)) return cue;
  }
  return nullptr;
}

// Whether the count follows a verb of doing right away (今年已完成了27台, 去年开展40余例;
// data/words.tsv performs), so that a count of things without a noun counts what its sentence
// named before (not 举行演练5次, 接受采访8次: a noun of its own before it).
bool after_performing_verb(std::string_view s, const Candidate& c) {
  constexpr std::string_view kPerfective = "了";
  std::string_view before = s.substr(c.clause_start, c.count_start - c.clause_start);
  if (before.ends_with(kPerfective)) before.remove_suffix(kPerfective.size());
  return lexicon().performs.ends(before);
}

// Whether the count stands right after the colon that ends a label (· 指导手术：630台次, 门诊量:
// 1.2万人次), so that a count of things without a noun counts what the label names.
bool after_label(std::string_view s, const Candidate& c) {
  if (c.count_start != c.clause_start || c.clause_start == 0) return false;
  char32_t mark = code_point_at(s, previous_char(s, c.clause_start));
  return mark == U'：' || mark == U':';
}

// The count of `c` read into `f`, a fact just made (its strings empty).
FoundFact make_fact(const Lexicon& lex, const Stops& stops, std::string_view s, const Candidate& c,
                    const std::vector<FoundFact>& found, size_t begin, const Reading& reading,
                    Fact& f) {
  const Classifier& classifier = *c.classifier;
  const NumberMatch& n = *c.number;
  FoundFact out;
  out.fact = &f;
  out.kind = classifier.kind;
  f.unit.append(classifier.text);
  f.qualifier = c.qualifier;
  double scale = classifier.yuan > 0 ? classifier.yuan : 1;
  f.value = n.value * scale;
  if (n.value_max) f.value_max = *n.value_max * scale;
  f.start = c.count_start;
  f.end = c.classifier_end;
  // The metric and the counted noun as read so far (views of the lexicon's cues, or of an
  // earlier fact's), written into the fact once, by finish, each appended to its empty string
  // (a test of room and a copy): assigned at each cue, each assignment was a call of
  // std::string's (of a copy, of a literal) with the tests of an overlap and of reallocation.
  std::string_view metric = "other", counted;
  const auto finish = [&](std::string_view counted_as) {
    f.metric.append(metric);
    f.counted.append(counted_as);
    return out;
  };
  // (the counted noun of a count that no cue names: the noun's head, else its classifier)
  const auto own_noun = [&] { return c.noun_start < c.noun_end ? head_of(s, c) : classifier.text; };
  auto decide = [&](const Cue* cue) {
    out.cue = cue;
    metric = cue->metric;
    counted = cue->text;
  };
  const Cue* cue = nullptr;
  // (each character decoded with the position after it: code_point_at was a call here)
  for (size_t p = c.noun_start, next = 0; p < c.noun_end && !cue; p = next) {
    char32_t ch = text::char_at(s, p, next);
    auto where = static_cast<Where>(p == c.noun_start ? kNoun | kHead : kNoun);
    if ((cue = lex.cue_of(s, p, ch, c.noun_end, classifier, where))) {
      if (cue->metric == "other" && lex.adjective_suffix.starts(s.substr(p + cue->text.size()))) {
        cue = nullptr;  // 国家级重点专科: an adjective, not the counted noun (words.tsv)
        continue;
      }
      // A compound's head is its last noun: 8个中心卫生院 are 卫生院, not 中心.
      while (const Cue* head = lex.cue_at(s, p + cue->text.size(), c.noun_end, classifier, kNoun)) {
        p += cue->text.size();
        cue = head;
      }
      decide(cue);
      f.end = std::max(f.end, p + cue->text.size());
    }
  }
  // 新成立…2个科室, 新建…科室3个: units of no metric that a verb of building before them
  // governs take its metric
  auto take_built_metric = [&](size_t until) {
    if (cue->metric != "other") return;
    if (const Cue* built = cue_before(s, c, kBuild, {}, until)) metric = built->metric;
  };
  if (cue) take_built_metric(c.count_start);
  if (!cue && c.noun_end < c.clause_end && code_point_at(s, c.noun_end) == U'的') {
    // 9名需要手术的患者: the noun after 的 is what is counted
    size_t head = next_char(s, c.noun_end);
    cue = head < c.clause_end ? lex.cue_at(s, head, c.clause_end, classifier, kNoun) : nullptr;
    if (cue && cue->metric != "other") {
      decide(cue);
      f.end = head + cue->text.size();
    } else {
      cue = nullptr;
    }
  }
  if (classifier.kind == "money") {
    metric = "money";
    return finish(counted.empty() ? own_noun() : counted);
  }
  if (cue) return finish(counted);
  size_t at = 0;
  if ((cue = nearest_cue_before(lex, stops, s, classifier, c.clause_start, c.count_start, at))) {
    decide(cue);
    f.start = at;
    take_built_metric(at);
  }
  if (cue) return finish(counted);
  if (c.noun_start == c.noun_end) {
    if (const FoundFact* earlier = antecedent(lex, reading, found, c, begin)) {
      // the persons of training person-times are trainees, those of teams experts (lists.tsv)
      const ListRule* rule = lex.elided(earlier->fact->metric, classifier.text);
      metric = rule ? rule->becomes : earlier->fact->metric;
      return finish(earlier->fact->counted);
    }
  }
  for (size_t p = c.noun_start, next = 0; p < c.clause_end && !cue; p = next) {
    // (a three-byte character that starts no after-cue, most, told by its bytes)
    if (Lexicon::passes_unstopped(stops.after_walk_tails, s, p, c.clause_end)) {
      next = p + 3;
      continue;
    }
    char32_t ch = text::char_at(s, p, next);
    if ((cue = lex.cue_of(s, p, ch, c.clause_end, classifier, kAfter))) decide(cue);
  }
  bool persons = classifier.kind == "person" || classifier.kind == "person_times";
  if (!cue && c.noun_start == c.noun_end &&
      (persons || after_performing_verb(s, c) || after_label(s, c))) {
    // Persons named in no cue of their clause (赴托管方进修,第一年18名), things done (微创手术
    // 从无到有,今年已完成了27台) or things a label names (教学查房：近两百次): the sentence's cue.
    size_t start = sentence_start(s, c.clause_start, begin, 2 * kMaxClause);
    if ((cue = nearest_cue_before(lex, stops, s, classifier, start, c.clause_start, at))) {
      decide(cue);
    }
  }
  if (!cue && classifier.kind == "person" && (cue = team_of_sentence(s, c, begin))) decide(cue);
  return finish(cue ? counted : own_noun());
}

// named_as past its inline test (the metrics' lengths).
bool named_as_rest(const Override& o, const FoundFact& found) {
  if (o.metric != found.fact->metric) return false;
  switch (o.named) {
    case Override::Named::any:
      return true;
    case Override::Named::unnamed:
      return !found.cue;
    case Override::Named::either:
      return found.cue && (found.cue->where & kEither);
    case Override::Named::before:
      return found.cue && found.fact->start < found.count_start;
  }
  return false;
}

// Whether the metric found so far for a count is `o`'s, named as `o` says (frames.tsv overrides,
// lists.tsv metric). (Most metrics asked of differ in length from the count's: told inline, the
// rest a call; one function measured +0.33 M instructions on the bench slice.)
bool named_as(const Override& o, const FoundFact& found) {
  return o.metric.size() == found.fact->metric.size() && named_as_rest(o, found);
}

// Whether a frame's reading replaces the metric found so far (data/frames.tsv overrides).
bool overrides(const Frame& frame, const FoundFact& found) {
  return std::any_of(frame.overrides.begin(), frame.overrides.end(),
                     [&](const Override& o) { return named_as(o, found); });
}

// Whether a word in s[from, to) says `metric` of persons counted by `classifier`: a cue before
// them, or a frame whose persons_are it is (派出5名专家,培训15名骨干医生).
bool said_between(std::string_view s, const Reading& reading, size_t from, size_t to,
                  const Classifier& classifier, std::string_view metric) {
  const Lexicon& lex = lexicon();
  for (size_t p = from; p < to; p = next_char(s, p)) {
    const Cue* cue = lex.cue_at(s, p, to, classifier, kBefore);
    if (cue && cue->metric == metric) return true;
  }
  return frame_between(reading, from, to, metric);
}

// What a rule of data/lists.tsv asks of the count being read before anything else: that it is
// what the rule changes (later, and the rules of a cue), or its partner (earlier). Most counts
// are neither, and then no earlier count need be looked for.
bool count_fits(const ListRule& rule, const FoundFact& fact, bool later) {
  return later || rule.cue ? rule.fits(fact.fact->unit) && named_as(rule.metric, fact)
                           : fact.fact->metric == rule.partner;
}

// Counts listed together (data/lists.tsv): a count takes the metric of the count it is listed
// after (派出专家34人,包括3名挂职副院长和15名骨干医生: experts), or, once `fact` is read, the
// count listed before it takes one from it (3批、共计106名专家: teams); unless a word between
// them says the changing count's own metric. Asked of a rule whose count_fits holds (which
// find_in_range asks inline: a call for every rule and count, most of which no rule fits, cost
// more than the tests).
void apply_list(const Lexicon& lex, std::string_view s, const Candidate& c,
                std::vector<FoundFact>& found, size_t begin, const Reading& reading,
                FoundFact& fact, const ListRule& rule, bool later) {
  if (rule.cue) {  // 讲座及病例讨论40余场: listed with a noun of teaching, not with a count
    // in the count's own item: after any count before it (教学查房30次、病例讨论12次)
    size_t item = found.empty() ? 0 : found.back().fact->end;
    if (cue_before(s, c, kBefore, rule.partner, fact.fact->start, item)) {
      fact.fact->metric = rule.becomes;
    }
    return;
  }
  FoundFact* earlier = nullptr;
  if (rule.reach == 0) {
    const FoundFact* a = antecedent(lex, reading, found, c, begin);
    earlier = a ? &found[static_cast<size_t>(a - found.data())] : nullptr;
  } else if (!found.empty() && found.back().fact->end <= c.count_start) {
    size_t chars = 0;
    for (size_t p = found.back().fact->end; p < c.count_start && chars <= rule.reach;
         p = next_char(s, p)) {
      ++chars;
    }
    if (chars <= rule.reach) earlier = &found.back();
  }
  if (!earlier) return;
  FoundFact& changing = later ? fact : *earlier;
  const FoundFact& partner = later ? *earlier : fact;
  if (!rule.fits(changing.fact->unit) || partner.fact->metric != rule.partner ||
      !named_as(rule.metric, changing)) {
    return;
  }
  const Classifier* own = later ? c.classifier : lex.classifier_at(changing.fact->unit, 0);
  size_t between = std::min(fact.fact->start, c.count_start);  // not the count's own cue
  if (own && said_between(s, reading, earlier->fact->end, between, *own, changing.fact->metric)) {
    return;
  }
  changing.fact->metric = rule.becomes;
}

// The clause's verb frame (clauses.h, data/frames.tsv) decides what its counts are when their
// nouns alone do not, for the metrics found so far that it overrides:
// - object_metric: 开展各类手术1200余人次 are surgeries, whatever the classifier (a count of
//   things: persons are counted by persons_are), as are the things whose noun holds the
//   pattern's tail (组建了心血管、肿瘤两个专科联盟: specialties);
// - persons_are trainees: 培育本土医疗人才50名 are trainees, not experts sent; 受援医院选派医务
//   人员35人次到上海进修 go to study (a study verb after person-times governs them too); but
//   200名党员学习 stay other (other:unnamed);
// - persons_are experts, a verb of sending before the count in its clause, or in a clause that
//   the count's continues: persons (and person-times) sent are experts, even 骨干
//   (trainees:either) and whatever their post (派出…负责人等管理人员136名: other:before; 其中担任
//   负责人的15人次) or none named (另有120名医务人员赴…: other:unnamed), unless a teaching verb
//   nearer the number governs them (派出专家培养骨干20名).
void apply_frame(std::string_view s, const Candidate& c, const Reading& reading, FoundFact& found) {
  size_t at = c.number->start;
  const FrameHit* hit = governing_frame(reading, c.clause, at);  // (c.clause holds `at`)
  if (!hit || !overrides(*hit->frame, found)) return;
  const Frame& frame = *hit->frame;
  Fact& f = *found.fact;
  std::string_view kind = c.classifier->kind;
  bool persons = kind == "person", person_times = kind == "person_times";
  bool own = hit->start >= c.clause_start && hit->tail_end <= at;  // not one it continues
  // the frame of an earlier clause that the count's clause continues (其中, 另有)
  bool continued = hit->start < reading.clauses[c.clause].start;
  // 组建了心血管、肿瘤两个专科联盟: the pattern's tail inside the count's own noun
  bool tail_in_noun = hit->start >= c.clause_start && hit->end <= at &&
                      hit->tail_start >= c.noun_start && hit->tail_end <= c.noun_end;
  if (!frame.object_metric.empty() && kind != "money" && !persons && (own || tail_in_noun)) {
    f.metric = frame.object_metric;  // 开展…手术: the pattern's tail names what is counted
    f.counted = s.substr(hit->tail_start, hit->tail_end - hit->tail_start);
    return;
  }
  bool sending = frame.persons == Persons::experts;
  if (frame.persons == Persons::none ||
      !(persons || (person_times && (hit->start >= at || sending)))) {
    return;
  }
  // A verb of sending governs from before the count, in its clause or one that the count's
  // clause continues (另有120余名医务人员赴…), unless a word between says what it would override
  // (派出专家培养骨干20名: trainees).
  if (sending) {
    if (!own && !continued) return;
    for (const Override& o : frame.overrides) {
      if (said_between(s, reading, hit->end, std::min(f.start, c.count_start), *c.classifier,
                       o.metric)) {
        return;
      }
    }
  }
  f.metric = metric_of(frame.persons);
}

// A count of a table row that no word of its own names (18名 under 派驻专家) is read as its
// column's name followed by its cell (派驻专家18名); `header`: the column names over the row.
void apply_column(std::string_view s, size_t begin, size_t end, const std::vector<Cell>& header,
                  FoundFact& found) {
  Fact& f = *found.fact;
  if (header.empty() || f.metric != "other" || found.cue) return;
  std::vector<Cell> cells = cells_of(s, begin, end);
  for (size_t k = 0; k < cells.size() && k < header.size(); ++k) {
    if (found.at < cells[k].start || found.at >= cells[k].end) continue;
    std::string named(s.substr(header[k].start, header[k].end - header[k].start));
    named += s.substr(cells[k].start, cells[k].end - cells[k].start);
    std::vector<Fact> read = find_facts(named);
    if (read.size() == 1 && read[0].metric != "other" && read[0].value == f.value) {
      f.metric = read[0].metric;
      f.counted = read[0].counted;
    }
    return;
  }
}

// Finds the counts of s[begin, end) among `numbers`, those read in it, appending their facts to
// `facts` and how each was read to `found`; `header`: the column names when the range is a row
// of a table-like listing. (The lexicon and the stop tables are fetched once for the report and
// handed down to every count's reading: a call and a static's guard each time, several times a
// count, had cost more.)
void find_in_range(const Lexicon& lex, const Stops& stops, std::string_view s, size_t begin,
                   size_t end, std::span<const NumberMatch> numbers, const Reading& reading,
                   const std::vector<Cell>& header, std::vector<Fact>& facts,
                   std::vector<FoundFact>& found) {
  for (auto it = numbers.begin(); it != numbers.end() && it->end <= end; ++it) {
    // A fact (a dozen strings) only for the numbers that are counts: most are not. (The quote
    // of a fact just made appended to its empty string, as make_fact's strings: not built and
    // moved there, nor assigned, whose replace tests an overlap; a cell's fact has its own.)
    auto keep = [&](const FoundFact& fact, bool made) {
      std::string_view quote = span(s, fact.fact->start, fact.fact->end);
      if (made) {
        fact.fact->quote.append(quote);
      } else {
        fact.fact->quote.assign(quote);
      }
      found.push_back(fact);
    };
    if (auto candidate = read_count(lex, stops, s, *it, begin, end, reading)) {
      FoundFact fact =
          make_fact(lex, stops, s, *candidate, found, begin, reading, facts.emplace_back());
      fact.at = it->start;
      fact.count_start = candidate->count_start;
      for (const ListRule* rule : lex.lists_later) {
        if (count_fits(*rule, fact, true)) {
          apply_list(lex, s, *candidate, found, begin, reading, fact, *rule, true);
        }
      }
      apply_frame(s, *candidate, reading, fact);
      for (const ListRule* rule : lex.lists_earlier) {
        if (count_fits(*rule, fact, false)) {
          apply_list(lex, s, *candidate, found, begin, reading, fact, *rule, false);
        }
      }
      apply_column(s, begin, end, header, fact);
      keep(fact, true);
    } else if (auto cell = count_in_cell(s, *it, begin, end, header)) {
      FoundFact fact;
      fact.fact = &facts.emplace_back(std::move(*cell));  // a table's bare number (嵩县  18  624)
      fact.at = it->start;
      fact.count_start = fact.fact->start;
      keep(fact, false);
    }
  }
}

// Where the number at `pos` of a block [begin, end) ends when it is surely no count, told
// before it is read (else 0): a Chinese numeral alone or a run of digits (plain_numeral)
// - before a character of the block that starts no classifier and ends no counted noun,
// - after a word that makes it none (data/noncounts.tsv before_number: 第六批, 周三),
// - or one that is no count alone (noncounts.tsv alone: 一支, 一个) and no qualifier word before
//   it makes inexact (约一个 counts, numbers.h qualifier_word_before),
// which read_count turns down whatever else stands around the number (进一步, 一些, 百姓, 2023年,
// 第一批: most of a report's numbers, where reading them cost more than the rest of their way to
// no fact). (Such a number takes no 余/多 after it, nor a range: plain_numeral.)
size_t no_count_end(const Lexicon& lex, const Stops& stops, std::string_view s, size_t pos,
                    size_t begin, size_t end) {
  PlainNumeral plain = numbers_detail::plain_numeral_at(s, pos);
  // (past the blanks, as read_count passes them: within the block)
  if (plain.end == 0 || plain.next >= end) return 0;
  bool no_count = stops.no_count_after(plain.after) ||
                  no_count_by_words(lex, s, begin, pos, plain.end,
                                    [&] { return qualifier_word_before(s, pos, begin); });
  return no_count ? plain.end : 0;
}

// Drops from Reading::number_starts the starts of the numbers of no_count_end, for find_numbers
// to pass over; not in a table's row, whose bare cells count_in_cell reads.
void drop_no_counts(const Lexicon& lex, const Stops& no_count_stops, std::string_view s,
                    const Document& document, const std::vector<std::vector<Cell>>& headers,
                    std::vector<size_t>& starts) {
  size_t kept = 0, k = 0;
  for (size_t i = 0; i < document.blocks.size(); ++i) {
    const Block& block = document.blocks[i];
    if (!is_countable(block.kind)) continue;
    bool row = !headers[i].empty();
    for (; k < starts.size() && starts[k] < block.end; ++k) {
      size_t pos = starts[k];
      if (row || pos < block.start ||
          no_count_end(lex, no_count_stops, s, pos, block.start, block.end) == 0) {
        starts[kept++] = pos;
      }
    }
  }
  while (k < starts.size()) starts[kept++] = starts[k++];
  starts.resize(kept);
}

}  // namespace

std::vector<Fact> find_facts(std::string_view text) {
  Document document;
  if (!text.empty()) document.blocks.push_back({BlockKind::paragraph, 0, text.size()});
  return find_facts(text, document);
}

std::vector<Fact> find_facts(std::string_view text, const Document& document) {
  Reading reading;
  return find_facts(text, document, reading);
}

std::vector<Fact> find_facts(std::string_view text, const Document& document, Reading& reading) {
  read_clauses(text, document, reading);
  std::vector<std::vector<Cell>> headers =
      table_headers(text, document, reading.blocks_with_cell_breaks);
  // The numbers of the countable blocks only: the page around the report (menus, dates, related
  // articles) holds many that no count is read from. (Those blocks' clauses are read, and where
  // numbers may start in them listed, in one scan.) Nor those that surely count nothing.
  const Lexicon& lex = lexicon();
  const Stops& count_stops = stops();
  drop_no_counts(lex, count_stops, text, document, headers, reading.number_starts);
  // Room for a number per place one may start (an upper bound): the vector grew a few times in
  // every document.
  std::vector<NumberMatch> numbers;
  numbers.reserve(reading.number_starts.size());
  // Each block's starts and numbers are found by a step on from the last block's (blocks are in
  // order, and so are both), where a search of the document's for each block had cost more than
  // reading most blocks' numbers. first_number[i]: where block i's numbers start in `numbers`.
  std::vector<size_t> first_number(document.blocks.size() + 1);
  std::span<const size_t> starts = reading.number_starts;
  for (size_t i = 0; i < document.blocks.size(); ++i) {
    const Block& block = document.blocks[i];
    first_number[i] = numbers.size();
    if (!is_countable(block.kind)) continue;
    size_t from = 0;
    while (from < starts.size() && starts[from] < block.start) ++from;
    size_t to = from;
    while (to < starts.size() && starts[to] < block.end) ++to;
    find_numbers(text, block.start, block.end, starts.subspan(from, to - from), numbers);
    starts = starts.subspan(to);
  }
  first_number.back() = numbers.size();
  // Room for a fact per number (an upper bound): the FoundFacts point at the facts, which must not
  // move.
  std::vector<Fact> facts;
  std::vector<FoundFact> found;
  facts.reserve(numbers.size());
  found.reserve(numbers.size());
  for (size_t i = 0; i < document.blocks.size(); ++i) {
    const Block& block = document.blocks[i];
    if (is_countable(block.kind)) {
      std::span<const NumberMatch> of_block(numbers.data() + first_number[i],
                                            first_number[i + 1] - first_number[i]);
      find_in_range(lex, count_stops, text, block.start, block.end, of_block, reading, headers[i],
                    facts, found);
    }
  }
  std::vector<size_t> at;  // where each fact's number stands
  at.reserve(found.size());
  for (const FoundFact& f : found) at.push_back(f.at);
  add_context(text, document, reading, headers, facts, at);
  return facts;
}

}  // namespace zhreport
