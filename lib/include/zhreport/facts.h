// Facts: the counts a report states, each as number + classifier + what is counted + metric.
//
//   std::string text = "派驻的专家共开展1500余台手术,培训医务人员近5000人次。";
//   for (const zhreport::Fact& f : zhreport::find_facts(text)) {
//     // surgeries 1500 more_than 台 手术, then training_attendances 5000 nearly 人次 培训
//     // f.start/f.end are byte offsets into `text`; f.quote is that span
//   }
//
// How a count is read (tables in data/, user-extendable):
//   number      numbers.h find_numbers(); the lone indefinite 一 (一支, 一名) is no count
//   classifier  data/classifiers.tsv, after optional blanks and 余/多 (2000 余名); none = no
//               count, unless a two-character person-times/case/operation classifier stands
//               right before the number (服务群众人次达1.2万, 手术台次为300). Money classifiers
//               (元 万元 亿元) scale the value to yuan.
//   qualifier   the number's own (约 近 逾 达 余 数百…), 以上/左右/上下/以下 after the
//               classifier, or one before a currency name (约人民币300万元)
//   not counts  data/noncounts.tsv: 第N (ordinals), N个月/N个多小时 (durations), 十四五期间…;
//               also numbers glued to Latin letters or '+' (COVID-19, 1+7), and percentages
//   metric      data/cues.tsv, first match of: a noun cue in the counted noun after the
//               classifier (19名医疗人才); the nearest before cue in the clause (手术538台次),
//               not reaching across 为/给 (为当地40名医务人员进行培训); the noun of an earlier
//               count of the sentence with the same kind of classifier (or persons after
//               person-times or teams: 8支医疗队,共计136人) when the noun is elided
//               (共896名专家,其中西藏289名); an after cue later in the clause (8位医师参加…
//               进修); else `other`. Cues of metric `other` name nouns that are no metric
//               (6位负责人, 新建科室3个, 76个国家和地区): found first, they make the count
//               `other`. A sending verb (派出 选派 抽调…) before persons makes them experts
//               (派出32名医疗骨干支援…) unless a study verb follows (选派8名医生赴…进修:
//               trainees).
// Only the countable blocks of a document (title, paragraphs: see document.h) are searched.
#pragma once

#include <string_view>
#include <vector>

#include "zhreport/document.h"
#include "zhreport/fact.h"

namespace zhreport {

struct Reading;  // zhreport/clauses.h

// Every count in `text` (normalized, Simplified), in text order. `doc` is left empty;
// start/end are byte offsets into `text` and quote is text[start, end).
std::vector<Fact> find_facts(std::string_view text);
// Same, skipping the lines that `document` (analyze_document(text)) marks as boilerplate,
// metadata or captions.
std::vector<Fact> find_facts(std::string_view text, const Document& document);
// Same, reading the clauses into `scratch`, which a caller of many documents reuses.
std::vector<Fact> find_facts(std::string_view text, const Document& document, Reading& scratch);

}  // namespace zhreport
