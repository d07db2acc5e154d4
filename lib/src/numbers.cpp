#include "zhreport/numbers.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "document_text.h"
#include "numbers_chars.h"

namespace zhreport {
namespace embedded {
extern const std::string_view persons_tsv;
}  // namespace embedded

namespace {

using namespace numbers_detail;

// A digit run this long is an identifier or a hash, not a quantity (and would overflow).
constexpr double kIdentifierSize = 1e20;

// How a numeral is being read: inside running text, or as a whole string.
enum class Mode { find, whole };

// A numeral read at some position, before ranges and prefix qualifiers are applied.
struct Numeral {
  size_t end = 0;
  double lo = 0, hi = 0;
  bool vague = false;
  bool more_than = false;
  bool about = false;  // 二十来
  bool percent = false;
  bool arabic = false;
  bool chinese = false;
  bool has_big = false;   // 万 or 亿 somewhere
  bool has_unit = false;  // any of 十百千万亿
  bool range = false;     // an explicit range: 20-30, 3至5
  double tail_units = 1;  // product of units after the last digit: 三十万 → 1e5
  double tail_big = 1;    // product of 万/亿 after the last digit: 三十万 → 1e4
};

// Characters that, right before 数, make it part of a word (人数百余 is not 数百); the caller
// lets the nouns of persons of data/persons.tsv go, after which 数 opens the count
// (抢救危重病人数十名).
bool ends_word_with_shu(char32_t c) {
  static constexpr std::u32string_view kWords =
      U"人总次例件床户多少半无指分系基台倍岁位个天年页字票点变参函级尽悉如计读频架场项批家均篇";
  return kWords.find(c) != std::u32string_view::npos;
}

// Whether a noun of persons of data/persons.tsv ends at `pos` (病人数十名).
bool after_noun_of_persons(std::string_view text, size_t pos) {
  static const std::vector<std::string_view> nouns = [] {
    std::vector<std::string_view> out;
    for (const auto& row : text::tsv_rows(embedded::persons_tsv)) out.push_back(row[0]);
    return out;
  }();
  for (std::string_view noun : nouns) {
    if (text::ends_with(text.substr(0, pos), noun)) return true;
  }
  return false;
}

// Whether 余 or 多 (`kind`) right after a run of Arabic digits worth `v` says more than it: ten
// or more, and 多 only after a round number (1500余, 100多; not 15多, 5余). Asked by the reader and
// by plain_arabic, which must agree.
bool digits_take_more(double v, Kind kind) {
  return v >= 10 && (kind == Kind::yu || static_cast<uint64_t>(v) % 10 == 0);
}

// The numeral starting at pos. The reader keeps two accumulators (lo, hi) so that vague
// digits (几, 数, 二三) give a range; they are equal otherwise. Each token handler returns the
// position after the token, or p to end the numeral before it.
class NumeralReader {
 public:
  NumeralReader(std::string_view text, Mode mode) : text_(text), mode_(mode) {}

  std::optional<Numeral> read(size_t pos) {
    start_ = pos;
    size_t p = pos;
    while (p < text_.size() && !done_) {
      const size_t next = step(p);
      if (next == p) break;
      p = next;
    }
    if (!any_) return std::nullopt;
    out_.lo = total(0);
    out_.hi = total(1);
    out_.end = good_end_;
    return out_;
  }

 private:
  struct Pair {
    double v[2] = {0, 0};
  };

  // The pending digit(s) times `factor`. Colloquial elision: 三万五 = 35000, 一百二 = 120 — a
  // Chinese digit right after 百/千/万/亿 fills the next lower place. 零 in between (一百零二)
  // or Arabic digits (1百01) keep the ones place.
  double pending_times(int i, double factor) const {
    if (!has_pending_) return 0;
    const double place =
        pending_elides_ && pending_after_unit_ >= 100 ? pending_after_unit_ / 10 : 1;
    return pending_.v[i] * place * factor / pending_scale_;
  }

  double total(int i) const { return yi_.v[i] + wan_.v[i] + section_.v[i] + pending_times(i, 1); }

  void set_pending(double lo, double hi, double scale, bool elides) {
    pending_.v[0] = lo;
    pending_.v[1] = hi;
    pending_scale_ = scale;
    pending_elides_ = elides && last_unit_ > 0;
    pending_after_unit_ = last_unit_;
    pending_arabic_ = false;
    has_pending_ = true;
    last_unit_ = 0;
    out_.tail_units = 1;
    out_.tail_big = 1;
  }

  // A unit token was read: bookkeeping shared by 十百千, 廿卅卌 and 万亿.
  size_t took_unit(size_t p, size_t end, double value) {
    has_pending_ = false;
    last_unit_ = value;
    place_ = value;
    out_.tail_units *= value;
    out_.has_unit = true;
    out_.chinese = true;
    bare_unit_end_ = std::string_view::npos;
    return accept(p, end);
  }

  size_t accept(size_t p, size_t end) {
    if (end == p) return p;
    any_ = true;
    good_end_ = end;
    return end;
  }

  size_t step(size_t p) {
    const Char c = char_at(text_, p);
    const CharKind k = classify(c.code);
    switch (k.kind) {
      case Kind::arabic:
        return arabic(p);
      case Kind::digit:
        return digit(p, c, k.value);
      case Kind::zero:
        return zero(p, c);
      case Kind::unit:
        return unit(p, c, k.value);
      case Kind::tens:
        return tens(p, c, k.value);
      case Kind::big:
        return big(p, c, k.value);
      case Kind::point:
        return point(p, c);
      case Kind::ji:
        return ji(p, c);
      case Kind::shu:
        return shu(p, c);
      case Kind::yu:
      case Kind::duo:
        return more(p, c, k.kind);
      case Kind::lai:
        return lai(p, c);
      case Kind::other:
        break;
    }
    if (c.code == U'幺' && mode_ == Mode::whole && p == start_) return digit_string(p).value_or(p);
    if (c.code == ' ') return spaced(p);
    if (c.code == '%' && any_ && !out_.chinese) out_.percent = true;
    return p;
  }

  bool digits_closed() const { return has_pending_ || after_decimal_ || after_more_ || sequence_; }

  size_t arabic(size_t p) {
    if (digits_closed()) return p;
    const ArabicNumber a = read_arabic(text_, p);
    if (a.fraction && text_.substr(a.end, 1) == "." && arabic_digit(text_, a.end + 1)) {
      return p;  // 1.2.3, 192.168.1.1: a version or an address, not a number
    }
    if (a.number.value() >= kIdentifierSize) return p;
    if (p != start_) {
      // 1万600, 200亿零四千230, 1百01: an Arabic tail must fit below the last unit. In running
      // text a lone digit must multiply a unit (3千5百), since 3千5 could mean 3500.
      if (a.fraction || place_ == 0 || a.number.value() >= place_) return p;
      const Kind after = kind_at(text_, a.end);
      if (mode_ == Mode::find && a.number.value() < 10 && after != Kind::unit) return p;
    }
    set_pending(a.number.mantissa, a.number.mantissa, a.number.scale, false);
    pending_arabic_ = true;
    after_decimal_ = a.fraction;
    out_.arabic = true;
    return accept(p, a.end);
  }

  size_t digit(size_t p, Char c, double value) {
    if (digits_closed()) return p;
    // In running text a bare leading 百/千/万/亿 takes no elided digit: 万一 is not 11000.
    if (mode_ == Mode::find && p == bare_unit_end_) return p;
    if (p == start_) {
      if (auto end = digit_string(p)) return *end;
    }
    const size_t next = p + c.len;
    out_.chinese = true;
    if (next < text_.size()) {
      const Char c2 = char_at(text_, next);
      const CharKind k2 = classify(c2.code);
      // 三五 only leads (三五百): after 十 it is the 十三五 of plan names.
      const bool three_five = value == 3 && k2.value == 5 && p == start_;
      if (k2.kind == Kind::digit && (k2.value == value + 1 || three_five)) {
        // 二三十, 三五百, 十二三, 两三: "two or three", vague between the two.
        set_pending(value, k2.value, 1, true);
        out_.vague = true;
        return accept(p, next + c2.len);
      }
    }
    set_pending(value, value, 1, true);
    return accept(p, next);
  }

  // 二〇二三, 一七二零 (three or more digits; two when reading a whole string): digit by digit.
  // Returns the end of the string, p to read no number, or nullopt when there is no string.
  std::optional<size_t> digit_string(size_t p) {
    size_t q = p;
    size_t count = 0;
    double mantissa = 0;
    while (q < text_.size()) {
      const Char c = char_at(text_, q);
      const auto d = string_digit(c.code, mode_ == Mode::whole);
      if (!d) break;
      mantissa = mantissa * 10 + *d;
      ++count;
      q += c.len;
    }
    const size_t min_count = mode_ == Mode::whole ? 2 : 3;
    if (count < min_count) return std::nullopt;
    if (mantissa >= kIdentifierSize) return p;  // no number at all, not a number from its start
    set_pending(mantissa, mantissa, 1, false);
    sequence_ = true;
    out_.chinese = true;
    return accept(p, q);
  }

  size_t zero(size_t p, Char c) {
    if (digits_closed()) return p;
    if (p == start_) {
      if (auto end = digit_string(p)) return *end;
      set_pending(0, 0, 1, false);
      out_.chinese = true;
      return accept(p, p + c.len);
    }
    last_unit_ = 0;  // 一百零二: the digit after 零 is the ones place
    bare_unit_end_ = std::string_view::npos;
    return p + c.len;  // not accepted: a trailing 零 is not part of the number
  }

  size_t unit(size_t p, Char c, double value) {
    if (after_more_ || sequence_) return p;
    if (last_small_ > 0 && value >= last_small_) return p;  // 十一十二: units must descend
    if (after_decimal_ && !has_pending_) return p;
    if (p == bare_unit_end_) return p;  // 百十, 万千: two bare units are a word, not a number
    const size_t end = p + c.len;
    for (int i = 0; i < 2; ++i) {
      section_.v[i] += has_pending_ ? pending_.v[i] * value / pending_scale_ : value;
    }
    const bool bare_start = p == start_;
    section_used_ = true;
    last_small_ = value;
    took_unit(p, end, value);
    if (bare_start && value >= 100) bare_unit_end_ = end;
    return end;
  }

  size_t tens(size_t p, Char c, double digit_value) {
    if (digits_closed()) return p;
    if (last_small_ > 0 && last_small_ <= 10) return p;
    for (double& v : section_.v) v += digit_value * 10;
    section_used_ = true;
    last_small_ = 10;
    out_.tail_units = 1;
    out_.tail_big = 1;
    return took_unit(p, p + c.len, 10);
  }

  size_t big(size_t p, Char c, double value) {
    if (sequence_) return p;
    const bool empty_section = section_.v[1] == 0 && !has_pending_ && !section_used_;
    const bool bare_start = !any_;
    if (empty_section && any_ && !(value == 1e8 && seen_wan_)) return p;  // 一亿万
    if (bare_start) {
      for (double& v : section_.v) v = 1;  // a bare 万 at the start: ten thousand
    }
    if (value == 1e4) {
      if (seen_wan_) return p;
      for (int i = 0; i < 2; ++i) wan_.v[i] = section_.v[i] * value + pending_times(i, value);
      seen_wan_ = true;
    } else {
      if (seen_yi_) return p;
      for (int i = 0; i < 2; ++i) {
        yi_.v[i] = (yi_.v[i] + wan_.v[i] + section_.v[i]) * value + pending_times(i, value);
      }
      wan_ = {};
      seen_yi_ = true;
      seen_wan_ = false;
    }
    section_ = {};
    section_used_ = false;
    last_small_ = 0;
    out_.tail_big *= value;
    out_.has_big = true;
    if (after_more_) done_ = true;  // 10余万: nothing may follow
    const size_t end = took_unit(p, p + c.len, value);
    if (bare_start) bare_unit_end_ = end;
    return end;
  }

  size_t point(size_t p, Char c) {
    if (!any_ || after_decimal_ || after_more_ || out_.vague || seen_wan_ || seen_yi_) return p;
    if (out_.arabic && !out_.chinese) return p;  // 10点30 is a time, not 10.3
    if (has_pending_ && pending_elides_ && pending_after_unit_ >= 100) return p;
    Decimal number;
    number.mantissa = total(0);
    bool arabic = false;
    size_t q = p + c.len;
    while (q < text_.size()) {
      if (auto a = arabic_digit(text_, q)) {
        number.push_digit(a->first, true);
        q += a->second;
        arabic = true;
        continue;
      }
      const Char f = char_at(text_, q);
      const auto d = string_digit(f.code, false);
      if (!d) break;
      number.push_digit(*d, true);
      q += f.len;
    }
    if (number.scale == 1) return p;  // 三点: no digits, so not a decimal
    // 十点三十分 is a clock time: a decimal's digits take no 十/百/千 after them.
    if (mode_ == Mode::find && kind_at(text_, q) == Kind::unit) return p;
    section_ = {};
    section_used_ = false;
    last_small_ = 0;
    place_ = 0;
    last_unit_ = 0;
    set_pending(number.mantissa, number.mantissa, number.scale, false);
    sequence_ = false;
    after_decimal_ = true;
    out_.arabic = out_.arabic || arabic;
    return accept(p, q);
  }

  size_t ji(size_t p, Char c) {
    if (digits_closed()) return p;
    const size_t next = p + c.len;
    const Kind after = kind_at(text_, next);
    const bool unit_follows = after == Kind::unit || after == Kind::big;
    double lo = 0;
    if (any_ && last_unit_ == 10) {
      lo = 1;  // 十几, 二十几: the ones place
    } else if (unit_follows && (!any_ || last_unit_ > 0)) {
      lo = 2;  // 几十, 几百: a leading digit, at least two
    } else {
      return p;  // 几个, 几乎
    }
    set_pending(lo, 9, 1, false);
    out_.vague = true;
    out_.chinese = true;
    return accept(p, next);
  }

  size_t shu(size_t p, Char c) {
    const size_t next = p + c.len;
    if (any_ && last_unit_ == 10 && !digits_closed()) {
      set_pending(1, 9, 1, false);  // 十数名: ten-odd, as 十几
      out_.vague = true;
      return accept(p, next);
    }
    if (p != start_) return p;
    const Kind after = kind_at(text_, next);
    if (after != Kind::unit && after != Kind::big) return p;
    if (mode_ == Mode::find && ends_word_with_shu(char_before(text_, p).code) &&
        !after_noun_of_persons(text_, p)) {
      return p;
    }
    set_pending(2, 9, 1, false);
    out_.vague = true;
    out_.chinese = true;
    return accept(p, next);
  }

  // 余/多 after the number: 1500余, 百余, 100多, 十多, 2万多, 1.2万余; 15多, 三多 and 1.5余
  // are not Chinese.
  size_t more(size_t p, Char c, Kind kind) {
    if (!any_ || after_more_ || out_.vague || sequence_) return p;
    bool fits = false;
    if (!has_pending_) {
      fits = last_unit_ > 0;  // right after 十百千万亿
    } else if (pending_arabic_ && pending_scale_ == 1) {
      fits = digits_take_more(pending_.v[0], kind);
    }
    if (!fits) return p;
    after_more_ = true;
    out_.more_than = true;
    return accept(p, p + c.len);
  }

  // 来 after 十/百/千: 二十来名, 百来人 — "about".
  size_t lai(size_t p, Char c) {
    if (has_pending_ || after_more_ || out_.vague || last_unit_ == 0 || last_unit_ > 1000) {
      return p;
    }
    after_more_ = true;  // like 余, only 万/亿 may follow
    out_.about = true;
    return accept(p, p + c.len);
  }

  // "2000 余名", "177.1 亿": spaces between Arabic digits and 余/多/万/亿.
  size_t spaced(size_t p) {
    if (!has_pending_ || !pending_arabic_ || out_.chinese) return p;
    const size_t q = skip_spaces(text_, p);
    const Kind after = kind_at(text_, q);
    if (q - p > 2 || (after != Kind::yu && after != Kind::duo && after != Kind::big)) return p;
    return q;
  }

  std::string_view text_;
  Mode mode_;
  size_t start_ = 0;
  size_t good_end_ = 0;
  size_t bare_unit_end_ =
      std::string_view::npos;  // end of a bare leading 百/千/万/亿 (万一 stops there)
  Numeral out_;
  Pair yi_, wan_, section_, pending_;
  double pending_scale_ = 1;
  bool has_pending_ = false;
  bool pending_elides_ = false;
  bool pending_arabic_ = false;
  double pending_after_unit_ = 0;
  double last_unit_ = 0;   // the unit right before this position; 0 after 零 or a digit
  double place_ = 0;       // the last unit read, even across 零 (limits an Arabic tail)
  double last_small_ = 0;  // the last 十百千 of the current section, to keep them descending
  bool section_used_ = false;
  bool seen_wan_ = false, seen_yi_ = false;
  bool after_decimal_ = false, after_more_ = false;
  bool sequence_ = false;
  bool any_ = false;
  bool done_ = false;
};

// A word right before a number that qualifies it. `not_after` lists characters that make the
// word part of another one (签约, 最近): then it is no qualifier. `bare_unit_only` words
// qualify only a bare 百/千/万/亿 (上万, 过千), since 上/过 before digits mean other things.
struct PrefixWord {
  std::string_view word;
  Qualifier qualifier;
  std::u32string_view not_after = U"";
  bool bare_unit_only = false;
};

constexpr std::u32string_view kNotBeforeYue =
    U"签合预制节公条履特邀相守违失婚契誓盟租聘隐缔践爽赴解集简规";

// Longest first where one word ends another (不超过 before 超过, 将近 before 近).
constexpr PrefixWord kPrefixWords[] = {
    {"不少于", Qualifier::at_least},
    {"不低于", Qualifier::at_least},
    {"至少有", Qualifier::at_least},
    {"至少", Qualifier::at_least},
    {"不超过", Qualifier::at_most},
    {"不到", Qualifier::at_most, U"做找想办得见达等听看说"},
    {"不足", Qualifier::at_most},
    {"超过了", Qualifier::more_than},
    {"超过", Qualifier::more_than},
    {"逾", Qualifier::more_than},
    {"突破", Qualifier::more_than},
    {"超", Qualifier::more_than, U"赶高"},
    {"将近", Qualifier::nearly},
    {"接近", Qualifier::nearly},
    {"几近", Qualifier::nearly},
    {"近", Qualifier::nearly, U"最附临靠邻亲贴就远"},
    {"大约有", Qualifier::about},
    {"大约", Qualifier::about},
    {"大概", Qualifier::about},
    {"约有", Qualifier::about, kNotBeforeYue},
    {"约为", Qualifier::about, kNotBeforeYue},
    {"约", Qualifier::about, kNotBeforeYue},
    {"达到了", Qualifier::exact},
    {"达到", Qualifier::exact},
    {"多达", Qualifier::exact},
    {"高达", Qualifier::exact},
    {"达", Qualifier::exact, U"表传下发通雷转豁送"},
    {"上", Qualifier::more_than, U"以加马晚早之向往线网路会上", true},
    {"过", Qualifier::more_than, U"通经不度越跨错路穿", true},
};

struct Prefix {
  size_t start;
  Qualifier qualifier;
};

// kPrefixWords by their last character (all of them ideographs of the Basic Multilingual
// Plane), in their order: most numbers follow none of those characters, and those that do (有,
// 了, 上) one or two of the words.
struct PrefixWordsByLast {
  std::array<uint8_t, 0x10000> list{};  // 0: none; else 1 + the index into `lists`
  std::vector<std::vector<const PrefixWord*>> lists;
  PrefixWordsByLast() {
    static_assert(std::size(kPrefixWords) < 0x100);
    for (const PrefixWord& w : kPrefixWords) {
      const char32_t last = char_before(w.word, w.word.size()).code;
      if (list[last] == 0) {
        lists.emplace_back();
        list[last] = static_cast<uint8_t>(lists.size());
      }
      lists[list[last] - 1].push_back(&w);
    }
  }
  const std::vector<const PrefixWord*>* ending_with(char32_t c) const {
    return c < 0x10000 && list[c] != 0 ? &lists[list[c] - 1] : nullptr;
  }
};

// The qualifier word ending at `pos` (spaces allowed between), not reaching before `floor`.
std::optional<Prefix> prefix_before(std::string_view text, size_t pos, size_t floor,
                                    bool bare_unit) {
  while (pos > floor && text[pos - 1] == ' ') --pos;
  static const PrefixWordsByLast by_last;
  const auto* words = by_last.ending_with(char_before(text, pos).code);
  if (!words) return std::nullopt;
  for (const PrefixWord* word : *words) {
    const PrefixWord& w = *word;
    if (w.bare_unit_only && !bare_unit) continue;
    if (!text::ends_with(text.substr(0, pos), w.word) || pos - w.word.size() < floor) continue;
    const size_t start = pos - w.word.size();
    if (w.not_after.find(char_before(text, start).code) != std::u32string_view::npos) continue;
    return Prefix{start, w.qualifier};
  }
  return std::nullopt;
}

// A range dash or word after a number: - ~ — – ～ 〜 至 到 (spaces around allowed).
std::optional<size_t> range_connector(std::string_view text, size_t pos) {
  size_t q = skip_spaces(text, pos);
  if (q >= text.size()) return std::nullopt;
  if (text[q] == '-' || text[q] == '~') {
    ++q;
    if (q < text.size() && text[q] == '-') ++q;
    return skip_spaces(text, q);
  }
  const Char c = char_at(text, q);
  if (!joins_range(c.code)) return std::nullopt;
  q += c.len;
  if (c.code == U'—' && starts_with_at(text, q, "—")) q += c.len;  // ——
  return skip_spaces(text, q);
}

// 2023-05-12: the 05 is no range start, it is the middle of a date.
bool inside_chain(std::string_view text, size_t pos) {
  if (pos < 2) return false;
  const char sep = text[pos - 1];
  const char before = text[pos - 2];
  return (sep == '-' || sep == '/' || sep == '.' || sep == ':') && before >= '0' && before <= '9';
}

NumberForm form_of(bool arabic, bool chinese) {
  if (arabic && chinese) return NumberForm::mixed;
  return arabic ? NumberForm::arabic : NumberForm::chinese;
}

// "20-30", "2-3万" (the second number's 万 scales the first), "两到三万", "一千到两千万".
void extend_to_range(std::string_view text, Numeral& first, size_t start) {
  if (first.vague || first.more_than || first.about || first.percent || inside_chain(text, start))
    return;
  const auto second_start = range_connector(text, first.end);
  if (!second_start) return;
  const auto second = NumeralReader(text, Mode::find).read(*second_start);
  if (!second || second->vague || second->more_than || second->about) return;
  // Try the second number's trailing units on the first, from most to least.
  double scales[] = {second->tail_units, second->tail_big, 1};
  for (size_t i = first.has_big ? 2 : first.has_unit ? 1 : 0; i < 3; ++i) {
    const double lo = first.lo * scales[i];
    if (lo >= second->lo) continue;
    first.lo = lo;
    first.hi = second->hi;
    first.end = second->end;
    first.arabic = first.arabic || second->arabic;
    first.chinese = first.chinese || second->chinese;
    first.percent = second->percent;
    first.has_big = second->has_big;
    first.range = true;
    return;
  }
}

// 百, 千, 万, 亿 (and their other forms): a number that starts with one alone may take 上/过.
bool is_bare_unit(char32_t c) {
  const CharKind kind = classify(c);
  return (kind.kind == Kind::unit || kind.kind == Kind::big) && kind.value >= 100;
}

// The numeral at `pos` when it is a run of ASCII digits that a character of no numeral's
// (Kind::other) follows, as NumeralReader reads it (most counts: 12名, 2023年, 2023-05); nullopt
// for any other, which the reader reads. No separator may follow (the full-width comma of 3，400),
// no point or %; sixteen digits or more go to the reader, which tells an identifier. Blanks may
// stand between (12 名: a third of the numbers the reader took on the bench slice), which the
// reader ends the numeral before (spaced) where such a character follows them, and which start
// no group of digits (read_arabic's 9 860) since no digit follows. 余, or 多 (300余名, 30多人),
// right after the run and before such a character: the run more than, where the reader's `more`
// takes it (digits_take_more), else the run alone.
std::optional<Numeral> plain_arabic(std::string_view text, size_t pos) {
  constexpr size_t kMaxDigits = 15;  // (exact in a double, far below kIdentifierSize)
  size_t end = pos;
  double mantissa = 0;
  while (end < text.size() && text[end] >= '0' && text[end] <= '9') {
    mantissa = mantissa * 10 + (text[end] - '0');
    ++end;
  }
  const size_t next = skip_spaces(text, end);
  if (end == pos || end - pos > kMaxDigits || next >= text.size()) return std::nullopt;
  Numeral out;
  out.end = end;
  out.lo = out.hi = mantissa;
  out.arabic = true;
  if (const auto byte = static_cast<unsigned char>(text[next]); byte < 0x80) {
    // (right after the run, an ASCII character ends it as a character of no numeral (2023-05,
    // 1+1, a line's end), but a comma (36,000), a point (1.5) and %, which the reader reads)
    return next == end && byte != ',' && byte != '.' && byte != '%' ? std::optional(out)
                                                                    : std::nullopt;
  }
  const Char after = char_at(text, next);
  if (after.code == U'，') return std::nullopt;
  const Kind kind = classify(after.code).kind;
  if (kind == Kind::other) return out;
  if (next != end || (kind != Kind::yu && kind != Kind::duo)) return std::nullopt;
  if (!digits_take_more(mantissa, kind)) return out;
  const size_t past = next + after.len;
  if (past >= text.size() || static_cast<unsigned char>(text[past]) < 0x80 ||
      classify(char_at(text, past).code).kind != Kind::other) {
    return std::nullopt;
  }
  out.end = past;
  out.more_than = true;
  return out;
}

// The numeral at `pos`, a Chinese digit (`first`: 两, 三, 伍…), when a character of no numeral's
// follows it (两个, 三批, 二、), as NumeralReader reads it (its digit: no digit string, no vague
// pair, and a blank or % after a Chinese numeral ends it); nullopt for any other.
std::optional<Numeral> lone_chinese_digit(std::string_view text, size_t pos, Char first) {
  const CharKind kind = classify(first.code);
  const size_t end = pos + first.len;
  if (kind.kind != Kind::digit || end >= text.size() ||
      classify(char_at(text, end).code).kind != Kind::other) {
    return std::nullopt;
  }
  Numeral out;
  out.end = end;
  out.lo = out.hi = kind.value;
  out.chinese = true;
  return out;
}

std::optional<NumberMatch> match_at(std::string_view text, size_t pos, size_t floor) {
  const Char at_pos = char_at(text, pos);  // decoded once for the four questions below
  size_t numeral_start = pos;
  bool percent_words = false;
  if (at_pos.code == U'百' && starts_with_at(text, pos, "百分之")) {
    percent_words = NumeralReader(text, Mode::find).read(pos + 9).has_value();
    if (percent_words) numeral_start = pos + 9;
  }
  std::optional<Numeral> numeral = plain_arabic(text, numeral_start);
  if (!numeral && !percent_words) numeral = lone_chinese_digit(text, pos, at_pos);
  if (!numeral) numeral = NumeralReader(text, Mode::find).read(numeral_start);
  if (!numeral) return std::nullopt;
  const Char first = percent_words ? char_at(text, numeral_start) : at_pos;
  const bool lone = numeral->end == numeral_start + first.len;
  if (is_financial(first.code) && (lone || !numeral->has_unit)) return std::nullopt;
  if (!percent_words) extend_to_range(text, *numeral, pos);
  NumberMatch m;
  m.start = pos;
  m.end = numeral->end;
  m.qualifier_start = pos;
  m.value = numeral->lo;
  if (numeral->hi != numeral->lo || numeral->range) m.value_max = numeral->hi;
  m.form = form_of(numeral->arabic, numeral->chinese);
  m.percent = numeral->percent || percent_words;
  if (numeral->vague) {
    m.qualifier = Qualifier::vague;
  } else if (numeral->more_than) {
    m.qualifier = Qualifier::more_than;
  } else if (numeral->about) {
    m.qualifier = Qualifier::about;
  }
  if (auto prefix = prefix_before(text, pos, floor, is_bare_unit(at_pos.code))) {
    m.qualifier_start = prefix->start;
    if (m.qualifier == Qualifier::exact) m.qualifier = prefix->qualifier;
  }
  return m;
}

// After a digit that starts no number (1.2.3, a 30-digit identifier, the 伍 of 队伍), the
// position past its whole run, so that no number is read from the middle of the run.
size_t skip_digit_run(std::string_view text, size_t pos, size_t len) {
  const bool arabic = arabic_digit(text, pos).has_value();
  pos += len;
  while (pos < text.size()) {
    const Char c = char_at(text, pos);
    const bool same_run =
        arabic ? arabic_digit(text, pos) || c.code == '.' : string_digit(c.code, false).has_value();
    if (!same_run) break;
    pos += c.len;
  }
  return pos;
}

// The number at `p`, a character of `len` bytes that a number may start with, appended to
// `out`: the position after it, where the scan goes on (and `floor`, which no prefix word of a
// later number reaches before); past the character's run of digits when none is there.
size_t read_candidate(std::string_view text, size_t p, size_t len, size_t& floor,
                      std::vector<NumberMatch>& out) {
  if (auto m = match_at(text, p, floor)) {
    out.push_back(*m);
    return floor = m->end;
  }
  return skip_digit_run(text, p, len);
}

}  // namespace

void find_numbers(std::string_view text, size_t begin, size_t end, std::vector<NumberMatch>& out) {
  const StartTable& starts = start_table();
  end = std::min(end, text.size());  // (a range past the text reads nothing beyond it)
  // The scan stops at `end`; a number read from before it may run past it, as in the whole text.
  const std::string_view scanned = text.substr(0, end);
  size_t floor = begin;
  size_t p = begin;
  text::ThreeByteStops::Scan scan = starts.scan(scanned);
  while (p < end) {
    p = scan.skip(p);
    if (p >= end) break;
    const unsigned char b = text[p];
    size_t len = 1;
    bool candidate = b >= '0' && b <= '9';
    if (b >= 0x80) {
      const Char c = char_at(text, p);
      len = c.len;
      candidate = starts.test(c.code);
    }
    p = candidate ? read_candidate(text, p, len, floor, out) : p + len;
  }
}

void find_numbers(std::string_view text, size_t begin, size_t end, std::span<const size_t> starts,
                  std::vector<NumberMatch>& out) {
  end = std::min(end, text.size());
  size_t floor = begin;
  size_t p = begin;  // (the candidates before it are inside a number or a run of digits read)
  auto at = std::lower_bound(starts.begin(), starts.end(), begin);
  for (; at != starts.end() && *at < end; ++at) {
    if (*at < p) continue;
    p = read_candidate(text, *at, char_at(text, *at).len, floor, out);
  }
}

PlainNumeral plain_numeral(std::string_view text, size_t pos) {
  return plain_numeral_at(text, pos);
}

std::vector<NumberMatch> find_numbers(std::string_view text) {
  std::vector<NumberMatch> out;
  find_numbers(text, 0, text.size(), out);
  return out;
}

bool qualifier_word_before(std::string_view text, size_t pos, size_t floor) {
  return pos < text.size() &&
         prefix_before(text, pos, floor, is_bare_unit(char_at(text, pos).code)).has_value();
}

std::optional<NumberMatch> parse_number_at(std::string_view text, size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  return match_at(text, pos, 0);
}

std::optional<double> parse_numeral(std::string_view whole) {
  size_t p = 0;
  bool negative = false;
  for (std::string_view sign : {"负", "負", "-"}) {
    if (starts_with_at(whole, 0, sign)) {
      negative = true;
      p = skip_spaces(whole, sign.size());
      break;
    }
  }
  const auto n = NumeralReader(whole, Mode::whole).read(p);
  if (!n || n->end != whole.size() || n->vague || n->more_than || n->about || n->percent) {
    return std::nullopt;
  }
  return negative ? -n->lo : n->lo;
}

std::optional<double> parse_yuan(std::string_view whole) {
  size_t yuan_end = std::string_view::npos;
  size_t after = 0;
  for (std::string_view unit : {"元", "圆", "圓", "块", "塊"}) {
    const size_t at = whole.find(unit);
    if (at < yuan_end) {
      yuan_end = at;
      after = at + unit.size();
    }
  }
  if (yuan_end == std::string_view::npos) return std::nullopt;
  const auto yuan = parse_numeral(whole.substr(0, yuan_end));
  if (!yuan || *yuan < 0) return std::nullopt;
  // Then 角/毛 and 分, one digit each; a digit after 毛 with no 分 is 分 (两毛五).
  const auto digit_at = [&](size_t q) -> std::optional<std::pair<double, size_t>> {
    if (q >= whole.size()) return std::nullopt;
    const size_t len = char_at(whole, q).len;
    const auto d = parse_numeral(whole.substr(q, len));
    if (!d || *d > 9) return std::nullopt;
    return std::pair{*d, q + len};
  };
  const auto unit_at = [&](size_t q) { return q < whole.size() ? char_at(whole, q).code : 0; };
  double cents = 0;
  size_t p = after;
  if (whole.substr(p, 3) == "零" && p + 3 < whole.size()) p += 3;  // 九元零五分
  if (auto d = digit_at(p)) {
    const char32_t unit = unit_at(d->second);
    if (unit != U'角' && unit != U'毛' && unit != U'分') return std::nullopt;
    cents = d->first * (unit == U'分' ? 1 : 10);
    p = d->second + 3;
    if (auto fen = unit != U'分' ? digit_at(p) : std::nullopt) {
      cents += fen->first;
      p = unit_at(fen->second) == U'分' ? fen->second + 3 : fen->second;
    }
  }
  for (std::string_view closing : {"整", "正", "钱", "錢"}) {
    if (whole.substr(p) == closing) p = whole.size();
  }
  if (p != whole.size()) return std::nullopt;
  return *yuan + cents / 100;
}

}  // namespace zhreport
