// Numbers: every numeric expression in normalized Simplified Chinese text.
//
//   for (const NumberMatch& n : zhreport::find_numbers("共选派12批医疗队近300名专家")) {
//     // n.value = 12 (exact, arabic), then n.value = 300 (nearly; qualifier_start at 近)
//   }
//   zhreport::parse_numeral("三万四千五百零七");  // 34507
//   zhreport::parse_numeral("1.5万");             // 15000
//
// What is read (Simplified and Traditional characters alike):
//   Arabic      538  36,000 (comma groups of exactly three digits)  1.5  full-width ０-９
//   Chinese     零/〇 一…九 两 十 百 千 万 亿 (萬 億 兩), financial 壹贰叁…拾佰仟 (貳 參 陸),
//               廿 卅 卌, decimals with 点/點, colloquial elision 三万五 = 35000, 一百二 = 120
//   mixed       1.5万  10万三千  3千
//   more_than   余/多 after the number or before 万/亿: 1500余 百余 3千余 10余万 100多 2万多
//               1.2万余, also after a space (2000 余); 来 after 十/百/千 is about (二十来)
//   ranges      20-30 20~30 20—30 3至5 两到三万 (the second number's 万/亿 scales the first:
//               2-3万 = 20000..30000); value..value_max, qualifier exact (an explicit range is
//               exact about its bounds; a prefix word like 约 still applies)
//   vague       数百 几十 → 200..900, 20..90; 十几 十数 → 11..19; adjacent digits 二三十 → 20..30,
//               三四 → 3..4, 三五百 → 300..500: value..value_max, qualifier vague
//   prefixes    约 约有 大约 大概 近 将近 接近 几近 超过 超 逾 上/过 (only before a bare unit:
//               上千 过万) 不少于 至少 不低于 不到 不足 不超过 达 达到 多达 高达 (达 is exact):
//               qualifier_start moves back to the word, unless the character before it makes
//               another word (签约, 最近). A numeral's own 余/多/几 win over the prefix.
//               Suffix qualifiers after a classifier (以上 左右) are the facts layer's.
//   percent     百分之三十 and 30% are found with percent = true (they are never counts).
//   not numbers 1.2.3 and 192.168.1.1 (skipped whole); 10点30 and 十点三十分 are two numbers
//               (clock times); in 2023-05-12 the 05 starts no range.
//
// find_numbers() returns candidates faithfully: the 一 of 统一 or 一些, the 十 of 十分 and the
// 万 of 万里 are numbers here. `form` tells the caller how the number was written, so the
// facts layer can demand a classifier after a lone Chinese character before it believes one.
// Only two word rules live here: a lone financial numeral is a word (队伍, 陆续), and a bare
// leading 百/千/万/亿 takes no elided digit (万一 is 10000 and 1, not 11000).
// No negatives in running text ('-' is a range dash there); parse_numeral() accepts 负/-.
// Choices and deviations from peer projects (cn2an, Duckling, JioNLP): docs/numbers.md.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "zhreport/qualifier.h"

namespace zhreport {

// How the digits and units were written; 余/多/来, 点 and range dashes do not count.
enum class NumberForm {
  arabic,   // only Arabic digits: 538, 36,000, 1.5, 1500余, 20-30
  chinese,  // only Chinese numeral characters: 三百二十, 百余, 一
  mixed,    // both: 1.5万, 10余万
};

struct NumberMatch {
  size_t start = 0;  // first byte of the numeral (after any prefix qualifier word)
  size_t end = 0;  // one past the numeral, incl. 余/多/几 (1500余, 10余万, 二三十, 数百)
  size_t qualifier_start = 0;  // == start, or the first byte of a prefix word (约, 近, 超过…)
  double value = 0;            // lower bound for ranges and vague counts
  std::optional<double> value_max;  // upper bound of a range or vague count
  Qualifier qualifier = Qualifier::exact;
  NumberForm form = NumberForm::arabic;
  bool percent = false;  // 百分之三十, or Arabic digits followed by '%' (the '%' is not in end)
};

// Every numeric expression of `text`, left to right, non-overlapping, byte offsets into text.
std::vector<NumberMatch> find_numbers(std::string_view text);
// The numbers of find_numbers(text) that start in text[begin, end), appended to `out`, for a
// range that no number runs into from before (a line): the text around it is read as in the
// whole text (a prefix word before a number, 数 after a noun), no prefix word reaching before
// `begin`. A caller that reads only some lines of a text need not read the others. A range past
// the text's end is cut at it.
void find_numbers(std::string_view text, size_t begin, size_t end, std::vector<NumberMatch>& out);
// The same, without a scan of the range, for a caller that has every position of it where a
// number may start (the first digit of a run of ASCII digits, which a number read there takes
// whole, or a numeral character; in order, and maybe more outside the range):
// Reading::number_starts of clauses.h, whose scan of the text stops there too. A caller may
// leave out the positions in [pos, plain_numeral(text, pos).end) (below): no number there is read.
void find_numbers(std::string_view text, size_t begin, size_t end, std::span<const size_t> starts,
                  std::vector<NumberMatch>& out);
// Where the number read at `pos` ends when the character after it tells that without reading it:
// a Chinese numeral alone (一, 两, 零, 百, 万…) or a run of ASCII digits, before a character that
// neither continues a numeral nor opens a range, blanks allowed between (the 一 of 一些, the 百
// of 百姓, 2023 of 2023年 and 2023 年; not 一百, 一至三, 百分之三, 1.5, 3万 or 2000 余); 0 when it
// does not. (A run of digits too long for a number is none, and the scan goes on after it all
// the same.) A caller that turns such a number down by the character after it need not read it:
// `after` is that character, at `next` (past the blanks), asked without decoding it again.
struct PlainNumeral {
  size_t end = 0;  // 0: not told
  size_t next = 0;
  char32_t after = 0;
};
PlainNumeral plain_numeral(std::string_view text, size_t pos);

// Whether a prefix qualifier word (约, 近, 超过…: above) ends at `pos`, spaces allowed between,
// not reaching before `floor`: one that a number read at `pos` would take. Without one, no
// higher floor finds one either, and the number read there is exact unless its own 余/多/几 or
// a range says otherwise.
bool qualifier_word_before(std::string_view text, size_t pos, size_t floor);

// The numeral that starts exactly at `pos` (a digit, numeral character, 几/数 before a unit,
// or 百分之), with its prefix qualifier looked up before `pos`; nullopt when none starts there.
std::optional<NumberMatch> parse_number_at(std::string_view text, size_t pos);

// The value of `whole` when the whole string is one exact number: 一百零三, 34,567, 1.5万,
// 负十一, -1.2, 二〇〇二 (a digit string read digit by digit). nullopt for ranges, vague counts,
// 余/多, percentages, and anything with text around it.
std::optional<double> parse_numeral(std::string_view whole);

// The amount in yuan of a whole string written as money: 壹拾壹元整, 玖仟陆佰陆拾伍圆壹角捌分,
// 123元1角1分, 十块三毛, 1.2万元. nullopt unless the whole string is one such amount.
std::optional<double> parse_yuan(std::string_view whole);

}  // namespace zhreport
