// Who gave and who received, for a count (Resolver::resolve_from, resolve_to): the places of
// its clause, part, sentence and the report's lead, with their partners and lists.

#include "context_resolver.h"

namespace zhreport {
namespace facts_detail::context {

namespace {

// A team abroad receives abroad: where a scope names a foreign place, China's own divisions
// beside it are where the team set out or a hospital's name (…在哈尔滨举行出征仪式, 援埃医疗队
// 在提露内斯-北京医院工作), no receivers.
void keep_abroad(std::vector<const Mention*>& ms) {
  if (ms.size() < 2) return;  // (most scopes: no place beside another to drop)
  if (std::none_of(ms.begin(), ms.end(), [](const Mention* m) { return m->place->abroad; })) {
    return;
  }
  std::erase_if(ms, [](const Mention* m) { return !m->place->abroad; });
}

}  // namespace

void Resolver::set_place(SideFields side, const Place* place, const Mention* m) const {
  // A side is a division of China or a country (facts.md): 桑给巴尔 is told as 坦桑尼亚.
  const Place* told = place && place->level != PlaceLevel::country && place->abroad
                          ? find_place(place->province)
                          : place;
  // (assigned in place: a fact's sides are set several times, each a new string before)
  side.name = told ? told->name : std::string_view();
  // (全国 lies in no province)
  bool in_province = told && told->name != kNationwide.name;
  side.province = in_province ? told->province : std::string_view();
  bool named = m && place && (m->place == place || same_name(m->place->name, place->name));
  side.span = named ? Span{m->start, m->end} : Span{};
}

const std::vector<const Mention*>& Resolver::places_among(size_t lo, size_t hi, bool from,
                                                          const Place* giver) const {
  std::vector<const Mention*>& out = memo_.places_scratch;
  out.clear();
  auto of_giver = [&](const Mention& m) {
    // 在上海市第一人民医院学习: the giver's own place (宁远县 in 永州市 is not)
    return giver && (same_name(m.place->name, giver->name) || inside(giver, m.place) ||
                     // 山东援疆…享受到济南、青岛专家的诊疗: a city of the giving province named
                     // without a marker
                     (m.side == Side::none && giver->level == PlaceLevel::province &&
                      m.place->level == PlaceLevel::prefecture && inside(m.place, giver)));
  };
  for (const Mention& m : std::span(places_).subspan(lo, hi - lo)) {
    // (whether a place is the giver's asked last: of a receiver only)
    if (from ? m.side == Side::from : m.side != Side::from && !m.origin && !of_giver(m)) {
      out.push_back(&m);
    }
  }
  if (!from) keep_abroad(out);
  return out;
}

bool Resolver::mark_at(size_t at, char ascii, std::string_view wide) const {
  std::string_view rest = s_.substr(at);
  // (the first byte first: most text is followed by neither, and a clause ends at punctuation,
  // most of it ASCII)
  return !rest.empty() && (rest[0] == ascii || (rest[0] == wide[0] && rest.starts_with(wide)));
}

bool Resolver::counts_persons_after(const Mention& m) const {
  const Clause& c = r_.clauses[m.clause];
  size_t end = c.end, p = past_institution(m.end);
  for (size_t k = c.first_frame; k < c.end_frame; ++k) {
    const FrameHit& hit = r_.frames[k];
    if (hit.start == p && hit.frame->subject == Side::from) p = hit.end;
  }
  while (p < end && is_count_digit(code_point_at(s_, p))) {
    p = next_char(s_, p);
  }
  size_t digits_end = p;
  while (p < end && s_[p] == ' ') ++p;  // (11 名: a space the page left before the unit)
  std::string_view unit = s_.substr(p, end - p);
  return digits_end > m.end && (unit.starts_with("人") || unit.starts_with("名"));
}

bool Resolver::opens_listed_sending(size_t i) const {
  const Mention& m = places_[i];
  std::string_view before = s_.substr(0, m.start);
  constexpr std::string_view kMark = "、";
  if (!before.ends_with(kMark)) return false;
  before.remove_suffix(kMark.size());
  std::string_view unit = before.ends_with("名") ? "名" : before.ends_with("人") ? "人" : "";
  if (unit.empty()) return false;
  before.remove_suffix(unit.size());
  for (std::string_view about : {"余", "多"}) {  // (150余名、: the count's qualifier)
    if (before.ends_with(about)) before.remove_suffix(about.size());
  }
  char32_t last =
      before.empty() ? 0 : code_point_at(before, text::previous_char(before, before.size()));
  if (!is_count_digit(last)) return false;
  const Clause& c = r_.clauses[m.clause];
  size_t verb = past_institution(m.end);
  bool sends = std::any_of(
      r_.frames.begin() + c.first_frame, r_.frames.begin() + c.end_frame,
      [&](const FrameHit& hit) { return hit.start == verb && hit.frame->subject == Side::from; });
  return sends && counts_persons_after(m);
}

const Mention* Resolver::item_giver(size_t clause, size_t at) const {
  const Clause& c = r_.clauses[clause];
  if (at < c.start || at > c.end) return nullptr;
  constexpr std::string_view kMark = "、";
  std::string_view before = s_.substr(c.start, at - c.start);
  size_t mark = before.rfind(kMark);
  size_t item = mark == before.npos ? c.start : c.start + mark + kMark.size();
  bool listed = mark != before.npos || s_.substr(at, c.end - at).find(kMark) != before.npos;
  if (!listed) return nullptr;
  const Mention* found = nullptr;
  for (const Mention& m : places_) {
    if (m.clause == clause && m.side == Side::from && m.start >= item && m.end <= at &&
        counts_persons_after(m)) {
      found = &m;
    }
  }
  return found;
}

Resolver::Giver Resolver::giver_of_part(size_t clause) const {
  for (size_t c = clause + 1; c-- > part_of(clause).first;) {
    if (!starts_with_word(s_.substr(r_.clauses[c].start), Role::part)) continue;
    Reduced r = reduce(places_in(c, clause + 1, true, nullptr));
    if (r.place && !r.ambiguous) return {true, r.place, r.mention, std::nullopt, false};
    break;
  }
  return {};
}

uint64_t Resolver::read_parts(size_t clause) const {
  const Sentence& sentence = r_.sentences[r_.clauses[clause].sentence];
  // (clauses are numbered in 32 bits: a report of 4 G of them would be 4 G characters at least)
  auto set = [&](size_t from, size_t to, size_t first, size_t end) {
    std::fill(memo_.parts.begin() + static_cast<std::ptrdiff_t>(from),
              memo_.parts.begin() + static_cast<std::ptrdiff_t>(to), uint64_t{first} << 32 | end);
  };
  size_t first = sentence.first_clause;
  // (most sentences hold no semicolon: one part, no colon asked of their clauses)
  bool semicolons = false;
  for (size_t c = first; c < sentence.end_clause && !semicolons; ++c) semicolons = ends_part(c);
  if (!semicolons) {
    set(first, sentence.end_clause, first, sentence.end_clause);
    return memo_.parts[clause];
  }
  size_t heading = kNone;  // the clause that ends at a colon before the first semicolon
  bool parted = false;     // a semicolon seen
  for (size_t c = first; c < sentence.end_clause; ++c) {
    bool semicolon = ends_part(c);
    if (semicolon && heading != kNone) {  // (the heading, then its items)
      set(first, heading + 1, first, heading + 1);
      first = heading + 1, heading = kNone;
    }
    if (!semicolon && !parted && heading == kNone && ends_with_colon(c)) heading = c;
    parted = parted || semicolon;
    if (c + 1 < sentence.end_clause && !semicolon) continue;
    set(first, c + 1, first, c + 1);
    first = c + 1;
  }
  return memo_.parts[clause];
}

Resolver::Scopes Resolver::scopes_of(size_t clause) const {
  auto& [last, out] = memo_.last_scopes;
  if (last == clause) return out;
  last = clause, out = {};
  const Sentence& sentence = sentence_of(clause);
  out.items[out.size++] = {clause, clause + 1};
  auto part = part_of(clause);
  if (part.second - part.first > 1 &&
      part != std::pair{sentence.first_clause, sentence.end_clause}) {
    out.items[out.size++] = part;
  }
  out.items[out.size++] = {sentence.first_clause, part.second};
  return out;
}

bool Resolver::names_many_givers(size_t from, size_t to) const {
  std::string_view text = s_.substr(from, to - from);
  for (std::string_view w : words(Role::many_givers)) {
    for (size_t at = text::find(text, w); at != text.npos;
         at = text::find(text, w, at + w.size())) {
      bool of_place = std::any_of(places_.begin(), places_.end(),
                                  [&](const Mention& m) { return m.end == from + at; });
      if (!of_place) return true;
    }
  }
  return false;
}

Reduced Resolver::province_of_hospitals(Reduced r) const {
  // (the test before the call: most givers are no hospital)
  return r.mention && r.mention->hospital ? province_of_hospitals_rest(r) : r;
}

Reduced Resolver::province_of_hospitals_rest(Reduced r) const {
  for (const Mention& m : places_) {
    if (m.clause == r.mention->clause && m.place->level == PlaceLevel::province &&
        inside(r.place, m.place) && names_institution_at(m.end)) {
      return {m.place, &m, false};
    }
  }
  return r;
}

const Mention* Resolver::row_giver(size_t clause) const {
  // (the test before the call: most reports hold no table)
  return table_rows_.empty() ? nullptr : row_giver_rest(clause);
}

const Mention* Resolver::row_giver_rest(size_t clause) const {
  const Clause& c = r_.clauses[clause];
  auto row = std::upper_bound(table_rows_.begin(), table_rows_.end(), c.start,
                              [](size_t at, const auto& span) { return at < span.first; });
  if (row == table_rows_.begin() || std::prev(row)->second < c.end) return nullptr;
  // (aid from one area to another: a table within a province, 县名  帮扶医院…, keeps its
  // hospitals' own reading)
  if (!from_ || !to_ || inside(to_, from_) || inside(from_, to_)) return nullptr;
  // (and a receiver beside it, outside the giving area: 永新县  158  2130 names no giver)
  const Mention* found = nullptr;
  bool receiver = false;
  for (const Mention& m : places_) {
    if (m.clause != clause) continue;
    if (!inside(m.place, from_)) receiver = true;
    if (m.place == from_ || !inside(m.place, from_) || m.hospital) continue;
    if (found) return nullptr;  // (two of them: no one giver)
    found = &m;
  }
  return receiver ? found : nullptr;
}

void Resolver::resolve_from(Fact& f, size_t clause, size_t at, bool* county_gives) const {
  tell_giver(f, giver_of(clause, at), county_gives);
}

void Resolver::tell_giver(Fact& f, const Giver& giver, bool* county_gives) const {
  if (!giver.told) return;
  set_place(from_side(f), giver.place, giver.mention);
  if (!giver.institution) return;
  f.from_span = *giver.institution;
  if (county_gives) *county_gives = true;
}

Resolver::Giver Resolver::giver_of(size_t clause, size_t at) const {
  bool by_position = false;  // (once a count's own item or list was asked of)
  auto told = [&](const Place* place, const Mention* m) {
    return Giver{true, place, m, std::nullopt, by_position};
  };
  // (a table's row names its sides in cells, with no verb to tell them)
  if (const Mention* giver = row_giver(clause)) return told(giver->place, giver);
  for (auto [first, end] : scopes_of(clause)) {
    const std::vector<const Mention*>& givers = places_in(first, end, true, nullptr);
    Reduced r = province_of_hospitals(reduce(givers));
    if (r.ambiguous && ends_list_of_many(givers)) {
      return told(&kNationwide, nullptr);
    }
    // (several givers, also districts that reduce to their city: 其中雁塔区医院6名、长安区
    // 医院4名 gives each its own)
    if (r.ambiguous || (r.place && !r.mention)) {
      by_position = true;
      // 北京市、江苏省分别选派医疗人才215名、132名: each count to the giver listed in its place
      if (const Mention* own = respective_place(clause, at, nullptr, true)) {
        return told(own->place, own);
      }
      if (const Mention* own = item_giver(clause, at)) return told(own->place, own);
      if (r.ambiguous) {
        Giver part = giver_of_part(clause);
        part.by_position = true;
        return part;
      }
    }
    // 五年间东部10省市共选派…, 全国已批复建设125个: many provinces give it (many_givers:
    // data/context.tsv), whoever the report's giver is; a region's collective whose sentence
    // names neither provinces nor the nation (东部地区, 东部帮扶城市: no nationwide word) is no
    // giver the spec knows, neither a division nor a national programme: none
    size_t from = r_.clauses[first].start, to = r_.clauses[end - 1].end;
    if (!r.place && many_givers_in(first, end) && names_many_givers(from, to)) {
      const Sentence& sentence = sentence_of(clause);
      bool nation =
          contains_word(s_.substr(sentence.start, sentence.end - sentence.start), Role::nationwide);
      return told(nation ? &kNationwide : nullptr, nullptr);
    }
    if (r.place && province_team_abroad_ && inside(r.place, from_)) {
      return told(from_, from_mention_);  // (the province's team abroad)
    }
    if (r.place && from_ && r.place != from_ && same_area(r.place, from_)) {
      // the report's giver, named more or less specifically (江苏省…赴南京进修: 江苏省;
      // 北辰区对口帮扶玛曲县…天津帮扶专家: 北辰区)
      // 2022年,潍坊市4家医院派出的9名专家: a city of the giving province that sends gives, and
      // so does the home of the team (来自福州市第一医院的专家…带教本地医生6名)
      // 遵义市第一人民医院…派出专家到余庆县人民医院 in a report of 余庆县 on its own townships:
      // the city gives to the county
      bool sends = (r.mention && (!r.mention->visited || r.mention->home) && !r.mention->own &&
                    !of_province_programme(*r.mention) && inside(r.place, from_)) ||
                   sends_within(to_, r.place, false);
      // (but a sender in its own right keeps its level: 浙江省累计向甘孜州下派… in a report on
      // 杭州市's team, and so does its name elsewhere: 深圳专家 or 赴深圳进修 where 深圳市…选派;
      // not a city persons go to study in whose sender aids other receivers only: 到南昌进修 in
      // a report on 江西省人民医院's aid to 寻乌县, where 南昌大学第一附属医院 aids 于都县)
      bool elsewhere = r.mention && r.mention->visited && sends_elsewhere_only(r.place, to_);
      sends = sends || (r.mention && names_sender(r.place) && !elsewhere);
      if (r.place->level != PlaceLevel::county && !sends) return told(from_, from_mention_);
    }
    if (r.place) return told(r.place, r.mention);
    if (std::optional<Span> name = county_institution_gives(first, clause)) {
      Giver county = told(to_, nullptr);
      county.institution = name;
      return county;
    }
  }
  // 国家卫生健康委向萨摩亚捐赠…, 我国累计向40个国家派遣…: a sentence that names no giving
  // place but the nation as its giver (nation_gives: data/context.tsv) is the nation's, whatever
  // province gives the report
  const Sentence& sentence = sentence_of(clause);
  if (has_word(sentence.start, sentence.end, Role::nation_gives)) {
    return told(&kNationwide, nullptr);
  }
  // …由佛山市第一人民医院牵头帮扶。援疆专家在伽师…: a city of the report's giving province
  // that an earlier sentence of the paragraph makes give; in a report of no one giver (上海、
  // 北京两地…), the giver of the team an earlier sentence names (上海市第五批援果洛医疗队…。队员们
  // 还…)
  for (size_t i : earlier_sentences(clause)) {
    const Sentence& earlier = r_.sentences[i];
    Reduced r = reduce(places_in(earlier.first_clause, earlier.end_clause, true, nullptr));
    if (r.ambiguous || !r.place) continue;
    bool sends =
        r.mention && (!r.mention->visited || r.mention->home) && !of_province_programme(*r.mention);
    bool of_giver = from_ ? inside(r.place, from_) : opens_team_of_paragraph(r.mention, clause);
    if (sends && of_giver) return told(r.place, r.mention);
    break;
  }
  return told(from_, from_mention_);
}

bool Resolver::of_province_programme(const Mention& m) const {
  return m.hospital && from_ && from_->level == PlaceLevel::province;
}

bool Resolver::opens_team_of_paragraph(const Mention* giver, size_t clause) const {
  return giver && giver->side == Side::from && batch_at(s_, giver->end).number > 0 &&
         !names_batch(sentence_of(clause));
}

bool Resolver::heads_item(const Mention& h) const {
  const Clause& c = r_.clauses[h.clause];
  std::string_view clause = s_.substr(c.start, c.end - c.start);
  return h.place->level == PlaceLevel::county && h.start == c.start &&
         s_.substr(c.end).starts_with(":") && ends_with_word(clause, Role::institution);
}

bool Resolver::ends_list_of_many(const std::vector<const Mention*>& givers) const {
  constexpr double kMany = 3;
  constexpr std::string_view kBreaks[] = {"，", "、", "。", "；", ",", ";"};
  return std::any_of(givers.begin(), givers.end(), [&](const Mention* m) {
    std::string_view rest = s_.substr(m->end, 24);
    if (rest.starts_with("等")) return true;
    size_t p = past_numerals(rest, 0);
    if (p == 0) return false;
    std::optional<double> number = parse_numeral(rest.substr(0, p));
    if (rest.substr(p).starts_with("个")) p += std::string_view("个").size();
    // (or past the programme's name: 北京、天津…山东6个对口援青省市)
    constexpr size_t kMaxName = 12;  // bytes: 对口援青
    size_t provinces = rest.find("省市", p);
    if (provinces == rest.npos || provinces - p > kMaxName) return false;
    std::string_view name = rest.substr(p, provinces - p);
    bool breaks = std::any_of(std::begin(kBreaks), std::end(kBreaks),
                              [&](std::string_view b) { return name.find(b) != name.npos; });
    return !breaks && number.value_or(kMany) >= kMany;
  });
}

bool Resolver::of_other_part(const Mention& m, size_t clause) const {
  size_t index = r_.clauses[m.clause].sentence;
  const Sentence& sentence = r_.sentences[index];
  size_t& part = memo_.part_clause[index];  // (read once per sentence: asked per place and count)
  if (part == kUnread) {
    part = kNone;
    // (most sentences hold no word of part: the block's words say so)
    bool parted = has_word(r_.clauses[sentence.first_clause].start,
                           r_.clauses[sentence.end_clause - 1].end, Role::part);
    for (size_t c = sentence.first_clause; parted && c < sentence.end_clause && part == kNone;
         ++c) {
      const Clause& cl = r_.clauses[c];
      if (starts_with_word(s_.substr(cl.start, cl.end - cl.start), Role::part)) part = c;
    }
  }
  if (part == kNone || part > m.clause) return false;
  bool opens_paragraph = part == sentence.first_clause &&
                         (index == 0 || r_.sentences[index - 1].block != sentence.block);
  if (opens_paragraph && clause >= sentence.end_clause &&
      sentence_of(clause).block == sentence.block) {
    return false;
  }
  return clause < part || clause >= sentence.end_clause;
}

bool Resolver::tells_result(size_t clause) const {
  if (clause >= r_.clauses.size()) return false;  // (the title's places: no clause)
  const Clause& c = r_.clauses[clause];
  return clause != sentence_of(clause).first_clause &&
         starts_with_word(s_.substr(c.start, c.end - c.start), Role::result);
}

const std::vector<const Mention*>& Resolver::receivers_for(size_t first, size_t end, size_t clause,
                                                           const Place* giver) const {
  places_in(first, end, false, giver);
  if (memo_.places_scratch.empty()) return memo_.places_scratch;
  if (memo_.part_clause.empty()) memo_.part_clause.assign(r_.sentences.size(), kUnread);
  std::erase_if(memo_.places_scratch, [&](const Mention* m) {
    // (a sentence read before and found to hold no part asked without a call: most)
    bool parted = memo_.part_clause[r_.clauses[m->clause].sentence] != kNone;
    return (parted && of_other_part(*m, clause)) ||
           (m->clause > clause && tells_result(m->clause)) ||
           (broken_down_by_part(m->place, clause) && !listed_with_other(*m));
  });
  // (the list is in order: the places up to the count's clause first)
  auto later = std::find_if(memo_.places_scratch.begin(), memo_.places_scratch.end(),
                            [&](const Mention* m) { return m->clause > clause; });
  auto narrows = [&](const Mention* m) {
    return opens_clause(static_cast<size_t>(m - places_.data())) &&
           std::any_of(memo_.places_scratch.begin(), later,
                       [&](const Mention* named) { return inside(m->place, named->place); });
  };
  memo_.places_scratch.erase(std::remove_if(later, memo_.places_scratch.end(), narrows),
                             memo_.places_scratch.end());
  return memo_.places_scratch;
}

size_t Resolver::part_after(size_t clause) const {
  const Sentence& sentence = sentence_of(clause);
  size_t part = clause + 1;
  if (part >= sentence.end_clause) return kNone;
  // (most clauses have no word of part after them: the block's words say so)
  if (!has_word(r_.clauses[clause].start, r_.clauses[sentence.end_clause - 1].end, Role::part)) {
    return kNone;
  }
  // (其中 alone before a comma: the part is the clause after it, 其中,对口支援荆州市的…)
  const Clause& after = r_.clauses[part];
  if (is_word(s_.substr(after.start, after.end - after.start), Role::part)) ++part;
  return part < sentence.end_clause && opens_part(part) ? part : kNone;
}

bool Resolver::broken_down_by_part(const Place* place, size_t clause) const {
  if (memo_.parts_after.empty()) memo_.parts_after.assign(r_.clauses.size(), kUnread);
  size_t& part = memo_.parts_after[clause];  // (read once per clause: asked per place and count)
  if (part == kUnread) part = part_after(clause);
  // (the test before the call: most clauses have no part after them)
  return part != kNone && part_sends_to(place, clause, part);
}

bool Resolver::part_sends_to(const Place* place, size_t clause, size_t part) const {
  const Clause& next = r_.clauses[part];
  auto first = std::partition_point(places_.begin(), places_.end(),
                                    [&](const Mention& m) { return m.start < next.start; });
  for (auto m = first; m != places_.end() && m->start < next.end; ++m) {
    // (not a programme's name: 其中长期援疆专家65名 breaks down by term, not by place)
    if (m->side != Side::to || s_.substr(m->start).starts_with("援")) continue;
    // (nor a part by hospital, 其中帮扶海北州人民医院的专家21名, nor a province's or a
    // country's: 其中5项在莫桑比克属首次开展; a city's or a county's only)
    if (!below_province(m->place) || past_institution(m->end) != m->end) continue;
    if (m->place != place && !inside(place, m->place)) continue;
    // (a part by hospital in the place the count's own clause names: …386名医疗人才赴克州,其中
    // 克州人民医院接收专家203名)
    const Clause& own = r_.clauses[clause];
    bool named = std::any_of(places_.begin(), places_.end(), [&](const Mention& o) {
      return o.start >= own.start && o.end <= own.end &&
             (o.place == m->place || inside(o.place, m->place));
    });
    return !named;
  }
  return false;
}

bool Resolver::listed_with_other(const Mention& m) const {
  size_t i = static_cast<size_t>(&m - places_.data());
  auto other = [&](size_t a, size_t b) {
    const Mention& o = places_[a == i ? b : a];
    return o.side != Side::from && !same_area(o.place, m.place) && joined(places_[a], places_[b]);
  };
  return (i > 0 && other(i - 1, i)) || (i + 1 < places_.size() && other(i, i + 1));
}

const Mention* Resolver::place_going_on(size_t clause, const Place* giver) const {
  if (clause == 0 || part_of(clause).first >= clause) return nullptr;
  const Clause& own = r_.clauses[clause];
  std::string_view text = s_.substr(own.start, own.end - own.start);
  const Clause& before = r_.clauses[clause - 1];
  if (!s_.substr(before.start, before.end - before.start).starts_with("在") ||
      contains_word(text, Role::to_now) || text::find(text, "共") != text.npos ||
      !receivers_for(clause, clause + 1, clause, giver).empty()) {
    return nullptr;
  }
  // (the place right after 在: not 在成都专家的帮助下, the helpers' home: helped)
  std::string_view opening = s_.substr(before.start, before.end - before.start);
  const auto& places = receivers_for(clause - 1, clause, clause, giver);
  bool where = places.size() == 1 &&
               places[0]->start == before.start + std::string_view("在").size() &&
               !ends_with_word(opening, Role::helped);
  return where ? places[0] : nullptr;
}

Reduced Resolver::past_programme(Reduced r, size_t clause, const Place* giver) const {
  // (the test before the call: most scopes name no programme's province)
  if (!r.mention || r.place->level != PlaceLevel::province ||
      !s_.substr(r.mention->start).starts_with("援")) {
    return r;
  }
  return past_programme_rest(r, clause, giver);
}

Reduced Resolver::past_programme_rest(Reduced r, size_t clause, const Place* giver) const {
  size_t next = clause + 1;
  if (next >= part_of(clause).second) return r;
  const Clause& c = r_.clauses[next];
  std::string_view text = s_.substr(c.start, c.end - c.start);
  // (not find_first_of, which calls memchr over the digits for each byte of the clause)
  if (std::any_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
    return r;
  }
  std::vector<const Mention*> inner;  // (of one name, its last part: 喀什地区疏附县 → 疏附县)
  for (const Mention* m : receivers_for(next, next + 1, clause, giver)) {
    if (!inside(m->place, r.place)) continue;
    if (!inner.empty() && inner.back()->end == m->start && inside(m->place, inner.back()->place)) {
      inner.back() = m;
    } else {
      inner.push_back(m);
    }
  }
  if (inner.empty()) return r;
  bool one = std::all_of(inner.begin(), inner.end(),
                         [&](const Mention* m) { return m->place == inner[0]->place; });
  if (one) return {inner[0]->place, inner[0], false};
  std::string_view shared = prefecture(inner[0]->place);
  for (const Mention* m : inner) {
    if (prefecture(m->place) != shared) return r;
  }
  const Place* place = shared.empty() ? nullptr : find_place(shared);
  return place ? Reduced{place, nullptr, false} : r;
}

Reduced Resolver::refine(Reduced r, size_t clause, const Place* giver) const {
  if (!r.place || r.place->level == PlaceLevel::county || r.place->level == PlaceLevel::country) {
    return r;
  }
  // 在克拉玛依市,…组建由援疆专家领衔的工作室9个: the clauses of its sentence before it first
  std::vector<const Mention*> near;
  for (const Mention* m : places_in(part_of(clause).first, clause, false, giver)) {
    if (inside(m->place, r.place)) near.push_back(m);
  }
  Reduced nearer = reduce(near);
  if (nearer.place && !nearer.ambiguous && inside(nearer.place, r.place)) return nearer;
  // 向我省选派… (own_area): the publishing body's whole province, whatever county the
  // paragraph before or the report's subject names
  if (r.mention && r.mention->own && r.place->level == PlaceLevel::province) return r;
  // 宁夏又选派136名医务骨干到福建进修: the place that sends its own staff to study, the
  // whole area's trainees, whatever county the sentence before tells of
  if (r.mention && sends_to_study(*r.mention)) return r;
  // A prefecture the count's own sentence names is narrowed only by its paragraph: the one
  // before, drawn on through 此外, 当天…, may be about one county of it (在元阳县人民医院…。
  // 此外,红河州选派23名医务人员…,价值480万元: 红河州).
  const Sentence& own = sentence_of(clause);
  bool own_sentence = r.mention && r.place->level == PlaceLevel::prefecture &&
                      r.mention->clause >= own.first_clause && r.mention->clause < own.end_clause;
  // (nor one right before a count of its own units, a digit right after it: 共对口帮扶定西市3家
  // 县级医院,累计派驻专家38名 is the prefecture's, whatever county the sentence before tells of)
  if (own_sentence && digit_at(r.mention->end)) return r;
  size_t block = own.block;
  std::vector<const Mention*> within;
  for (size_t i : earlier_sentences(clause)) {
    const Sentence& earlier = r_.sentences[i];
    if (own_sentence && earlier.block != block) break;
    for (const Mention* m :
         receivers_for(earlier.first_clause, earlier.end_clause, clause, giver)) {
      if (inside(m->place, r.place)) within.push_back(m);
    }
  }
  Mention subject{0, 0, to_, Side::to, kNone};
  // (not a province right before a count of its own, a digit right after it: 对口帮扶云南省40家
  // 县级医院; nor one whose units the lead counts: 广东派出专家420名到贵州… over 覆盖贵州6个
  // 市州的25个县, the whole province's total, whatever county the report tells of)
  bool own_count = r.mention && r.mention->clause == clause && digit_at(r.mention->end);
  // (the lead's units asked last: they are searched for in every place of the lead)
  bool province = r.place->level == PlaceLevel::province && !own_count && to_ &&
                  inside(to_, r.place) && !lead_counts_units_of(r.place);
  if (province && !broken_down_by_part(to_, clause)) {
    within.push_back(&subject);
  }
  Reduced narrower = reduce(within);
  if (narrower.place && !narrower.ambiguous && inside(narrower.place, r.place)) {
    if (narrower.mention == &subject) narrower.mention = to_mention_;
    return narrower;
  }
  return r;
}

bool Resolver::sends_to_study(const Mention& m) const {
  if (m.clause >= r_.clauses.size()) return false;
  constexpr size_t kMaxAdverb = 6;  // bytes between the place and its verb: 又, 先后
  const Clause& c = r_.clauses[m.clause];
  for (size_t k = c.first_frame; k < c.end_frame; ++k) {
    const FrameHit& hit = r_.frames[k];
    bool subject = hit.start >= m.end && hit.start - m.end <= kMaxAdverb;
    if (subject && hit.frame->subject == Side::from && sent_to_study(m.clause, k)) return true;
  }
  return false;
}

Resolver::Descending Resolver::earlier_sentences(size_t clause) const {
  size_t index = r_.clauses[clause].sentence;
  // (asked of each count by the giver's, receiver's and period's rules: its sentence's last)
  auto& [last, last_lo] = memo_.last_earlier;
  if (last == index) return {last_lo, index};
  const Sentence& sentence = r_.sentences[index];
  size_t lo = index;
  size_t block = sentence.block;
  bool crossed = false, continues = sentence.continues;
  for (size_t i = index; i > 0;) {
    const Sentence& earlier = r_.sentences[--i];
    if (earlier.block != block) {
      if (crossed || !continues) break;
      crossed = true;
      block = earlier.block;
    }
    continues = continues || earlier.continues;
    lo = i;
  }
  last = index, last_lo = lo;
  return {lo, index};
}

const Mention* Resolver::item_place(size_t clause, size_t at, const Place* giver) const {
  const Clause& c = r_.clauses[clause];
  // (the mark before the call: most clauses list nothing)
  std::string_view text = s_.substr(c.start, c.end - c.start);
  if (text.find("、") == text.npos || at < c.start || at > c.end) return nullptr;
  return item_place_rest(clause, at, giver);
}

const Mention* Resolver::item_place_rest(size_t clause, size_t at, const Place* giver) const {
  const Clause& c = r_.clauses[clause];
  std::string_view text = s_.substr(c.start, c.end - c.start);
  constexpr std::string_view kMark = "、";
  size_t mark = text.substr(0, at - c.start).rfind(kMark);
  size_t item = mark == text.npos ? c.start : c.start + mark + kMark.size();
  // a list of counts, not of places (赴阿瓦提、乌什、柯坪等4个县的11所卫生院): the item beside
  // it (the one before, else the one after) has a number too
  std::string_view beside;
  if (mark != text.npos) {
    size_t before = text.substr(0, mark).rfind(kMark);
    before = before == text.npos ? 0 : before + kMark.size();
    beside = text.substr(before, mark - before);
  } else {
    size_t next = text.find(kMark, at - c.start);
    if (next == text.npos) return nullptr;
    size_t after = next + kMark.size();
    beside = text.substr(after, text.find(kMark, after) - after);
  }
  // (a count that ends it: 援藏210名, not 宁波市12家医院与凉山州、甘孜州的20家医院, nor a
  // numeral of a place's name: 帮扶百色市、河池市的医院41家)
  constexpr size_t kMaxAfterCount = 4;  // characters: 名, 人次, 名专家
  size_t offset = static_cast<size_t>(beside.data() - s_.data());
  std::span<const Mention> named = mentions_of(clause, clause + 1);
  auto of_place = [&](size_t p) {
    return std::any_of(named.begin(), named.end(),
                       [&](const Mention& m) { return m.start <= p && p < m.end; });
  };
  bool number = false;
  for (size_t p = beside.size(), chars = 0; p > 0 && chars <= kMaxAfterCount && !number; ++chars) {
    p = text::previous_char(beside, p);
    number = is_count_digit(code_point_at(beside, p)) && !of_place(offset + p);
  }
  if (!number) return nullptr;
  const Mention* found = nullptr;
  for (const Mention* m : places_in(clause, clause + 1, false, giver)) {
    if (m->start < item || m->end > at) continue;
    if (found && !same_area(found->place, m->place)) return nullptr;
    if (!found || inside(m->place, found->place)) found = m;
  }
  return found;
}

const Mention* Resolver::respective_place(size_t clause, size_t at, const Place* giver,
                                          bool from) const {
  const Clause& c = r_.clauses[clause];
  // (most clauses hold no word of respectively before the count: the block's words say so,
  // before the call)
  if (at < c.start || !has_word(c.start, at, Role::respectively)) return nullptr;
  return respective_place_rest(clause, at, giver, from);
}

const Mention* Resolver::respective_place_rest(size_t clause, size_t at, const Place* giver,
                                               bool from) const {
  const Clause& c = r_.clauses[clause];
  std::string_view before = s_.substr(c.start, at - c.start);
  size_t first = std::string_view::npos;
  for (std::string_view word : words(Role::respectively)) {
    size_t mark = text::find(before, word);
    if (mark != before.npos) first = std::min(first, c.start + mark + word.size());
  }
  if (first == std::string_view::npos) return nullptr;
  std::vector<const Mention*> places;
  for (const Mention* m : places_in(clause, clause + 1, from, giver)) {
    if (m->end <= at) places.push_back(m);
  }
  if (!places.empty()) {
    first = std::max(first, places.back()->end);
  } else if (!from) {
    // the places of the nearest earlier clause of its sentence that names some (…派驻庆元和景宁
    // 的专家分别为61人次和51人次;在两县开展手术分别为486台和392台), else of the nearest earlier
    // sentence
    for (size_t i = clause; i > sentence_of(clause).first_clause && places.empty(); --i) {
      const auto& named = places_in(i - 1, i, false, giver);
      places.assign(named.begin(), named.end());
    }
    for (size_t i : earlier_sentences(clause)) {
      if (!places.empty()) break;
      const Sentence& earlier = r_.sentences[i];
      const auto& named = places_in(earlier.first_clause, earlier.end_clause, false, giver);
      if (named.empty()) continue;
      places.assign(named.begin(), named.end());
      break;
    }
  }
  if (places.size() < 2) return nullptr;
  // the counts' list: items joined by 和, 、 or 及, each opening with its number
  size_t item = 0, items = 1;
  for (size_t p = first; p < c.end; p = next_char(s_, p)) {
    char32_t ch = code_point_at(s_, p);
    if (ch != U'和' && ch != U'、' && ch != U'及') continue;
    size_t next = next_char(s_, p);
    if (next >= c.end || !is_count_digit(code_point_at(s_, next))) return nullptr;
    ++items;
    if (p < at) ++item;
  }
  for (const Mention* m : places) {
    if (std::count_if(places.begin(), places.end(),
                      [&](const Mention* o) { return same_area(o->place, m->place); }) > 1) {
      return nullptr;  // 西藏拉萨市: one place, not two
    }
  }
  return items == places.size() ? places[item] : nullptr;
}

const Place* Resolver::place_told(std::string_view name, std::string_view province) const {
  const auto& [place, of_province] = memo_.last_told;
  if (place && name == place->name && province == of_province) return place;
  const Place* found = find_place(name, province);
  // (kept by the table's strings, which outlast the fact's: the place found spells both)
  if (found && found->name == name && (province.empty() || found->province == province)) {
    memo_.last_told = {found, province.empty() ? std::string_view() : found->province};
  }
  return found;
}

void Resolver::resolve_to(Fact& f, size_t clause, size_t at) const {
  const Place* giver = f.from.empty() ? from_ : place_told(f.from, f.from_province);
  // 栾川县人民医院向本县12个乡镇卫生院派出医生: a county gives to its own townships
  // (own_of_giver: data/context.tsv), whatever other counties the paragraph named
  const Clause& own = r_.clauses[clause];
  if (giver && giver->level == PlaceLevel::county &&
      has_word(own.start, own.end, Role::own_of_giver)) {
    return set_place(to_side(f), giver, nullptr);
  }
  if (const Mention* m = respective_place(clause, at, giver)) {
    return set_place(to_side(f), m->place, m);
  }
  if (const Mention* m = item_place(clause, at, giver)) {
    Reduced r = refine({m->place, m, false}, clause, giver);
    return set_place(to_side(f), r.place, r.mention);
  }
  // (the counts of a clause mostly stand one after another: the last clause's answer serves)
  bool many_givers = f.from == kNationwide.name;
  Memo::ClauseReceiver& last = memo_.last_receiver;
  if (last.clause != clause || last.giver != giver || last.many_givers != many_givers) {
    last = {clause, giver, many_givers, receiver_of_clause(clause, giver, many_givers)};
  }
  if (last.receiver.told) set_place(to_side(f), last.receiver.place, last.receiver.mention);
}

Resolver::Receiver Resolver::receiver_of_clause(size_t clause, const Place* giver,
                                                bool many_givers) const {
  auto told = [](const Place* place, const Mention* m) { return Receiver{true, place, m}; };
  if (const Mention* m = place_going_on(clause, giver)) {
    Reduced r = refine({m->place, m, false}, clause, giver);
    return told(r.place, r.mention);
  }
  // The count's scopes, then the sentences before it: the first that names a place decides.
  auto decides = [&](size_t first, size_t end) -> std::optional<Receiver> {
    Reduced r = past_programme(reduce(receivers_for(first, end, clause, giver)), clause, giver);
    if (r.ambiguous) return told(nullptr, nullptr);
    if (!r.place) return std::nullopt;
    r = refine(r, clause, giver);
    return told(r.place, r.mention);
  };
  for (auto [first, end] : scopes_of(clause)) {
    if (std::optional<Receiver> r = decides(first, end)) return *r;
  }
  // 河南省人民医院先后与12家县级医院建立对口帮扶关系,累计派出专家2300余人次: a sentence over
  // many county hospitals of the giver's area that names none is the area's, not one county's a
  // later paragraph tells of
  if (counts_county_receivers(clause, giver)) return told(giver, nullptr);
  // 龙游县人民医院还将技术下沉到14家乡镇卫生院,组织巡回义诊活动56次: a county that sends down to
  // townships (townships: data/context.tsv), its sentence naming no receiver, gives within itself
  // in a report on that county (not a district of a giving city in a report on the county it
  // aids: 石景山区…下沉到察右中旗的乡镇卫生院)
  const Sentence& sentence = sentence_of(clause);
  if (giver && giver->level == PlaceLevel::county && (!to_ || to_ == giver) &&
      has_word(sentence.start, sentence.end, Role::townships)) {
    return told(giver, nullptr);
  }
  // 中国累计向76个国家和地区派遣医疗队员3万人次 after 1963年,中国向阿尔及利亚派出…: a total
  // sent to many countries it does not name has no one receiver, not the country told before
  if (counts_in_sentence(clause, Role::country_receivers)) return told(nullptr, nullptr);
  // a total of many givers in a report of one (东部10省市共选派…): its receivers are many too
  if (many_givers && from_ != &kNationwide) return {};
  for (size_t i : earlier_sentences(clause)) {
    if (std::optional<Receiver> r =
            decides(r_.sentences[i].first_clause, r_.sentences[i].end_clause)) {
      return *r;
    }
  }
  // 县医院…下沉到全县23个乡镇卫生院: a county's own programme receives in the county
  bool of_giver =
      !own_area_ && same_area(to_, giver) && !(to_mention_ && receives_within(*to_mention_, giver));
  // 江苏省…组织全省二级以上医院向县乡两级下沉医疗人才: a province's or city's programme
  // within its whole area (whole: data/context.tsv) that names no receiver (nor, in the lead,
  // the report any outside it: a review's total of its aid elsewhere) receives in the giver;
  // so does a sentence of it in a report on one county of the giver (2023年全省三级医院共向县级
  // 医院下沉医务人员3260名 over 郧西县's partnership with 武汉)
  if ((!to_ || of_giver) && giver && giver->level != PlaceLevel::country && giver != &kNationwide &&
      within_whole() && !sums_aid_outside(clause, giver)) {
    return told(giver, nullptr);
  }
  const Place* subject = of_giver ? nullptr : to_;
  if (subject && broken_down_by_part(subject, clause)) {
    // 山东共派出医疗队员800名,其中支援襄阳市的队员500名 under a report on 襄阳市: the whole is
    // wider than the subject, its province (none known above a province or a country)
    const Place* whole = below_province(subject) ? find_place(subject->province) : nullptr;
    return told(whole, nullptr);
  }
  return told(subject, to_mention_);
}

void Resolver::whole_area(Fact& f, size_t clause, size_t at) const {
  const Sentence& sentence = sentence_of(clause);
  // 全区共派出1520名医师…。其中,包头市派出265名: a sentence that continues one of the whole
  // area (its first clause: 其中) is within it too
  size_t index = r_.clauses[clause].sentence;
  const Sentence& stated =
      index > 0 && r_.clauses[sentence.first_clause].continues ? r_.sentences[index - 1] : sentence;
  // (has_word first: most sentences name no whole area, and its search is shared by the counts)
  if (!has_word(stated.start, stated.end, Role::whole)) return;
  std::string_view whole = s_.substr(stated.start, stated.end - stated.start);
  if (contains_word(whole, Role::abroad)) return;  // (全省共选派援外医疗队员: aid abroad)
  std::string_view word;
  bool before_count = false;
  for (std::string_view w : words(Role::whole)) {
    size_t found = text::find(whole, w);
    if (found == whole.npos) continue;
    word = w;
    before_count = stated.start + found < at;
  }
  if (word.empty()) return;
  const Place* known = f.from.empty() ? nullptr : place_told(f.from, f.from_province);
  if (!known || known->level == PlaceLevel::country) return;
  if (!places_in(sentence.first_clause, sentence.end_clause, false, known).empty()) return;
  const Place* area = nullptr;
  if (word.ends_with("市")) {
    // (a county's 全市 is its prefecture's; a county-level city's, its own: 监利市…全市21个乡镇)
    bool county_city = known->name.ends_with("市");
    area = known->level == PlaceLevel::county && !known->prefecture.empty() && !county_city
               ? find_place(known->prefecture)
               : known;
  } else {
    area = known->level == PlaceLevel::province ? known : find_place(known->province);
    if (area && word.ends_with("区") && !area->name.ends_with("自治区")) area = nullptr;
  }
  // (not 全市 of the receiver; but a body's report on its own area is within it: 湖北省卫生健康
  // 委员会…全省58家三级医院对口支援…, whatever it told of aid outside before; not in its lead
  // when the report receives elsewhere: 全省累计选派4300名 sums up the aid the review tells)
  bool own_body = area && area == body_area_ && !sums_aid_outside(clause, area);
  if (!area || (!own_body && (!to_ || !(to_ == area || inside(to_, area))))) return;
  set_place(to_side(f), area, nullptr);
  if (before_count &&
      places_in(sentence.first_clause, sentence.end_clause, true, nullptr).empty()) {
    set_place(from_side(f), area, nullptr);
  }
}

const Mention* Resolver::paragraph_place(size_t at) const {
  const Block* block = block_holding(at, at);  // (a count's: the block last asked of first)
  if (!block || block->kind == BlockKind::title) return nullptr;
  if (memo_.block_headings.empty()) memo_.block_headings.resize(doc_.blocks.size());
  std::optional<const Mention*>& heading = memo_.block_headings[block - doc_.blocks.data()];
  if (!heading) heading = place_heading(*block);
  return *heading;
}

const Mention* Resolver::place_heading(const Block& block) const {
  auto first = std::partition_point(places_.begin(), places_.end(),
                                    [&](const Mention& m) { return m.start < block.start; });
  if (first == places_.end() || first->start >= block.end) return nullptr;
  std::string_view before = s_.substr(block.start, first->start - block.start);
  if (!text::trim(before).empty()) return nullptr;
  std::string_view after = s_.substr(first->end, block.end - first->end);
  if (!after.starts_with("。") && !after.starts_with(":") && !after.starts_with("：")) {
    return nullptr;
  }
  for (auto m = first + 1; m != places_.end() && m->start < block.end; ++m) {
    if (m->place != first->place && !inside(m->place, first->place)) return nullptr;
  }
  return &*first;
}

void Resolver::place_paragraph(Fact& f, size_t at) const {
  const Mention* heading = paragraph_place(at);
  if (!heading || at < heading->end) return;
  const Place* place = heading->place;
  const Place* to = f.to.empty() ? nullptr : place_told(f.to, f.to_province);
  const Place* giver = f.from.empty() ? nullptr : place_told(f.from, f.from_province);
  bool gives = giver && inside(place, giver);
  bool within_giver = gives && to && (to == giver || inside(to, giver));
  if (gives) set_place(from_side(f), place, heading);
  if ((!gives || within_giver) && !(to && inside(to, place))) set_place(to_side(f), place, heading);
}

bool Resolver::counts_county_receivers(size_t clause, const Place* giver) const {
  if (!giver || giver == &kNationwide ||
      (giver->level != PlaceLevel::province && giver->level != PlaceLevel::prefecture)) {
    return false;
  }
  // (not aid elsewhere: 深圳市…为三家县级医院添置了设备 in a report on 河池市)
  if (to_ && to_ != giver && !inside(to_, giver)) return false;
  return counts_in_sentence(clause, Role::county_receivers) ||      // 12家县级医院
         counts_after_in_sentence(clause, Role::county_receivers);  // 县级医院117家
}

bool Resolver::counts_after_in_sentence(size_t clause, Role role) const {
  const Sentence& sentence = sentence_of(clause);
  std::string_view text = s_.substr(sentence.start, sentence.end - sentence.start);
  for (std::string_view w : words(role)) {
    size_t first = next_char(w, 0);
    std::string_view classifier = w.substr(0, first), units = w.substr(first);
    for (size_t at = text::find(text, units); at != text.npos;
         at = text::find(text, units, at + units.size())) {
      size_t p = at + units.size(), number = p;
      while (p < text.size() && is_count_digit(code_point_at(text, p))) {
        p = next_char(text, p);
      }
      if (p == number) continue;
      for (std::string_view about : {"余", "多"}) {  // (县级医院110余家)
        if (text.substr(p).starts_with(about)) p += about.size();
      }
      if (text.substr(p).starts_with(classifier)) return true;
    }
  }
  return false;
}

bool Resolver::counts_in_sentence(size_t clause, Role role) const {
  const Sentence& sentence = sentence_of(clause);
  if (!has_word(sentence.start, sentence.end, role)) return false;
  std::string_view text = s_.substr(sentence.start, sentence.end - sentence.start);
  for (std::string_view w : words(role)) {
    size_t found = text::find(text, w);
    if (found == 0 || found == text.npos) continue;
    char32_t before = code_point_at(text, text::previous_char(text, found));
    if (is_count_digit(before)) return true;
  }
  return false;
}

bool Resolver::sums_aid_outside(size_t clause, const Place* area) const {
  constexpr size_t kOpening = 2;
  size_t own = r_.clauses[clause].sentence, body = 0;
  for (size_t i = 0; i < own && body < kOpening; ++i) {
    if (!is_title(r_.sentences[i].start)) ++body;
  }
  if (body >= kOpening) return false;
  return std::any_of(places_.begin(), places_.end(), [&](const Mention& m) {
    return m.side != Side::from && !m.origin && !m.place->abroad && m.place != area &&
           !inside(m.place, area);
  });
}

bool Resolver::within_whole() const {
  if (!memo_.within_whole) memo_.within_whole = lead_says_whole();
  return *memo_.within_whole;
}

bool Resolver::lead_says_whole() const {
  if (!has_word(0, lead_end_, Role::whole)) return false;
  for (const Sentence& sentence : r_.sentences) {
    if (sentence.start >= lead_end_) break;
    if (!has_word(sentence.start, std::min(sentence.end, lead_end_), Role::whole)) continue;
    bool abroad_named = std::any_of(places_.begin(), places_.end(), [&](const Mention& m) {
      return m.start >= sentence.start && m.end <= sentence.end && m.place->abroad;
    });
    std::string_view text = s_.substr(sentence.start, sentence.end - sentence.start);
    if (!abroad_named && !contains_word(text, Role::abroad)) return true;
  }
  return false;
}

}  // namespace facts_detail::context
}  // namespace zhreport
