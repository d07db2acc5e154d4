#include "context.h"

#include <cmath>
#include <exception>

#include "context_resolver.h"

namespace zhreport::facts_detail {
namespace context {

Resolver::Resolver(std::string_view s, const Document& doc, const Reading& r,
                   const std::vector<std::vector<Cell>>& headers)
    : s_(s), doc_(doc), r_(r) {
  memo_.parts.resize(r_.clauses.size());
  for (size_t i = 0; i < headers.size() && i < doc_.blocks.size(); ++i) {
    if (!headers[i].empty()) table_rows_.emplace_back(doc_.blocks[i].start, doc_.blocks[i].end);
  }
  find_lead();
  find_publisher();
  body_area_ = named_body(Role::authority, "");
  read_places();
  widen_to_prefectures();
  first_place_of_clause_ = first_of_clauses(places_, r_.clauses.size());
  read_times(headers);
  subject();
}

void Resolver::resolve(Fact& f, size_t at) const {
  size_t clause = r_.clause_at(at);
  if (clause == r_.clauses.size()) {
    f.until = report_date_;
    return;
  }
  // (the counts of a clause mostly stand one after another: the last one's giver serves, unless
  // its own item or list told it)
  if (memo_.last_giver.clause != clause) {
    Giver giver = giver_of(clause, at);
    memo_.last_giver = {giver.by_position ? kNone : clause, giver};
  }
  bool county_gives = false;
  tell_giver(f, memo_.last_giver.giver, &county_gives);
  resolve_to(f, clause, at);
  // (a county's own institution gives to its townships: the county receives too)
  if (county_gives) set_place(to_side(f), to_, to_mention_);
  whole_area(f, clause, at);
  place_paragraph(f, at);
  resolve_period(f, clause, at);
  years_counted(f, clause, at);
  start_of_receiver(f);
  size_t common = std::min(f.since.size(), f.until.size());
  if (f.since.compare(0, common, f.until, 0, common) > 0) {  // phrases that disagree: the
    f.until = f.since;                                       // stated start wins
    f.until_span = f.since_span;
  }
}

std::span<const Time> Resolver::times_of(size_t first, size_t end) const {
  auto [lo, hi] = of_clauses(first_time_of_clause_, first, end);
  return {times_.begin() + lo, times_.begin() + hi};
}

std::span<const Time> Resolver::times_before(size_t pos) const {
  auto hi = std::partition_point(times_.begin(), times_.end(),
                                 [&](const Time& t) { return t.phrase.start < pos; });
  return {times_.begin(), hi};
}

std::span<const Mention> Resolver::mentions_of(size_t first, size_t end) const {
  auto [lo, hi] = of_clauses(first_place_of_clause_, first, end);
  return {places_.begin() + lo, places_.begin() + hi};
}

const Block* Resolver::block_at(size_t at) const {
  auto after = std::partition_point(doc_.blocks.begin(), doc_.blocks.end(),
                                    [&](const Block& b) { return b.start <= at; });
  if (after == doc_.blocks.begin() || at >= std::prev(after)->end) return nullptr;
  return &*std::prev(after);
}

namespace {

// The roles has_word is asked of per count, over its clause, sentence or paragraph. (Not those
// it asks of rarely, whose words would stop the block's scan for nothing, each searched when
// asked: so_far, whose one word, 已, is common in reports, asked in a clause that opens with a
// present word; reports and programme_start, asked of a meeting's stay and a team's first
// dispatch.)
constexpr Role kAskedPerCount[] = {
    Role::arrives,     Role::at_event,     Role::country_receivers, Role::county_receivers,
    Role::many_givers, Role::nation_gives, Role::own_of_giver,      Role::part,
    Role::past_team,   Role::present,      Role::respectively,      Role::same_period,
    Role::this_team,   Role::to_now,       Role::undated,           Role::whole};
constexpr uint64_t kAskedPerCountBits = [] {
  uint64_t bits = 0;
  for (Role role : kAskedPerCount) bits |= RoleSet::bit(role);
  return bits;
}();

}  // namespace

bool Resolver::has_word_rest(size_t from, size_t to, Role role) const {
  to = std::min(to, s_.size());
  const Block* block = kAskedPerCountBits & RoleSet::bit(role) ? block_holding(from, to) : nullptr;
  if (!block) return memo_.searches.contains(from, to, role);
  size_t index = static_cast<size_t>(block - doc_.blocks.data());
  if (memo_.words_of_block.empty()) memo_.words_of_block.resize(doc_.blocks.size());
  const Memo::BlockWords& read = memo_.words_of_block[index];
  // (read as far as asked: a paragraph's last counts stand far before its end, and most of its
  // questions are of the counts' own sentences)
  if (to > read.read_to) read_block_words(index, to);
  // (most blocks hold no word of most roles: answered by their bits)
  memo_.last_read_block = block, memo_.last_read_to = read.read_to;
  memo_.last_absent = kAskedPerCountBits & ~read.roles;
  if (!(read.roles & RoleSet::bit(role))) return false;
  return RoleSet::contains(std::span(memo_.block_words).subspan(read.first, read.end - read.first),
                           from, to, role);
}

void Resolver::read_block_words(size_t index, size_t to) const {
  static const RoleSet kRoles(kAskedPerCount);
  const Block& block = doc_.blocks[index];
  Memo::BlockWords& read = memo_.words_of_block[index];
  std::vector<RoleSet::Found>& words = memo_.block_words;
  if (read.end != words.size()) {  // (another block's words after its own: its own moved last)
    size_t count = read.end - read.first, last = words.size();
    words.resize(last + count);
    std::copy_n(words.begin() + static_cast<std::ptrdiff_t>(read.first), count,
                words.begin() + static_cast<std::ptrdiff_t>(last));
    read.first = last, read.end = last + count;
  }
  size_t from = std::max(read.read_to, block.start);
  RoleSet::Read found =
      kRoles.find_before(s_.substr(from, block.end - from), to - from, from, words);
  read.roles |= found.held;
  read.read_to = from + found.stopped;
  read.end = words.size();
}

const Block* Resolver::block_holding(size_t from, size_t to) const {
  // (the questions are of the report's clauses, sentences and paragraphs, and a count's of its
  // own block: the block last asked of first)
  const Block* block = memo_.last_asked_block;
  if (!block || block->start > from || from >= block->end) block = block_at(from);
  if (!block || to > block->end) return nullptr;  // (nor in plain text, which has no blocks)
  memo_.last_asked_block = block;
  return block;
}

void Resolver::find_lead() {
  size_t sentences = 0;
  for (const Block& b : doc_.blocks) {
    if (!is_countable(b.kind)) continue;
    if (sentences < 2) lead_end_ = b.end;
    period_end_ = b.end;
    std::string_view line = s_.substr(b.start, b.end - b.start);
    bool ends = line.find("。") != line.npos || line.ends_with("!") || line.ends_with("?");
    if (ends && ++sentences == 3) break;
  }
}

void Resolver::subject() {
  // (the lists of one thread, reused from report to report: allocated for each, they grew)
  thread_local std::vector<const Mention*> from, to, visited, titled, title;
  from.clear(), to.clear(), visited.clear(), titled.clear(), title.clear();
  for (const Mention& m : places_) {
    if (m.start >= lead_end_) break;
    if (m.side == Side::from) (m.visited ? visited : from).push_back(&m);
  }
  if (from.empty()) {  // 赴福州进修: the giver's place, not how it is named
    const Mention* province = province_of_hospital_over(visited);
    if (province)
      from.assign(1, province);
    else
      from = visited;
  }
  if (from.empty() && !body_area_) {  // (a government body's report: titled_body below)
    if (const Mention* own = titled_outside_receivers()) from.push_back(own);
  }
  // 我院 gives for its publisher when the lead names no giver (中国(浙江)援马里医疗队…我院3名队员
  // under a hospital's site: 浙江省)
  if (std::any_of(from.begin(), from.end(), [](const Mention* m) { return !m->own; })) {
    std::erase_if(from, [](const Mention* m) { return m->own; });
  }
  Reduced f = reduce(from);
  // 河南省第25批援埃塞俄比亚医疗队…由郑州大学第一附属医院牵头组建: a province's team abroad is
  // the province's, whichever of its cities' hospitals leads it or sends its members
  bool abroad_lead =
      f.place && !f.ambiguous && std::any_of(places_.begin(), places_.end(), [&](const Mention& m) {
        return m.start < lead_end_ && m.place->abroad;
      });
  for (const Mention* m : from) {
    if (abroad_lead && m->place->level == PlaceLevel::province && inside(f.place, m->place)) {
      f = {m->place, m, false};
      province_team_abroad_ = true;
      break;
    }
  }
  // 北京市卫生健康委员会2023年工作报告 over …进驻拉萨市人民医院: a lead that names no giver is
  // the account of the body its title names (我委), which gives
  const Mention* titled_giver = f.place || f.ambiguous ? nullptr : titled_body();
  // 杭州市某医院2023年度对口支援工作总结 over 我院…: so is the institution its title opens with
  const Mention* institution = nullptr;
  if (!titled_giver && !f.place && !f.ambiguous) {
    titled_giver = institution = titled_institution();
  }
  if (titled_giver) f = {titled_giver->place, titled_giver, false};
  // senders in their own right at several levels of one area (深圳市…选派 and 深圳市罗湖区
  // 派驻…): the widest gives the report's programme, the narrower are parts of it that their
  // own statements name
  for (const Mention* m : from) {
    bool wider = f.mention && f.mention->sender && m->sender && inside(f.place, m->place);
    if (wider) f = {m->place, m, false};
  }
  // the title's giver is the report's subject, over a giver of its area that the lead tells of
  // (湖北三级医院医生下沉县域 over 郧西县…与武汉一家三甲医院: 湖北省; 江苏医疗援疆十年 over
  // 苏州市对口支援…: 江苏省), unless the lead spells the title's place out as the first part
  // of its giver's name (北京石景山… over 北京市石景山区…选派: the title shortens the name)
  for (const Mention* m : from) {
    if (is_title(m->start)) titled.push_back(m);
  }
  Reduced in_title = reduce(titled);
  bool spelled_out =
      f.mention && std::any_of(places_.begin(), places_.end(), [&](const Mention& m) {
        return m.end == f.mention->start && m.place == in_title.place;
      });
  // (also where the lead names the partner of its team beside it: 湖南省…援津巴布韦医疗队与
  // 河南省援赞比亚医疗队… under 湖南援津医疗队…, the report's own team over its partner's)
  auto partner = [&](const Mention* m) {
    return ends_with_word(s_.substr(0, m->start), Role::partner);
  };
  bool one_of_lead = f.ambiguous && !ends_list_of_many(from) &&
                     std::any_of(from.begin(), from.end(),
                                 [&](const Mention* m) {
                                   return !is_title(m->start) && m->place == in_title.place;
                                 }) &&
                     std::all_of(from.begin(), from.end(), [&](const Mention* m) {
                       return same_area(m->place, in_title.place) || partner(m);
                     });
  if (in_title.place && !in_title.ambiguous &&
      (same_area(in_title.place, f.place) || one_of_lead) && !spelled_out) {
    f = in_title;
  }
  from_ = f.ambiguous ? nullptr : f.place;
  if (f.ambiguous && ends_list_of_many(from)) from_ = &kNationwide;
  from_mention_ = f.mention;
  for (const Mention& m : places_) {
    if (m.start >= lead_end_) break;
    // the giver's own place is no receiving side, but a county its city sends to is
    // (宜昌市…选派医师到秭归县: 秭归县 lies in 宜昌市)
    bool giver = same_area(m.place, from_) && !receives_within(m, from_);
    // (nor a place heading a paragraph of a review city by city: 太原市。…, a part of it)
    if (m.side != Side::from && !giver && !m.origin && !paragraph_place(m.start) &&
        !tells_result(m.clause)) {
      to.push_back(&m);
    }
  }
  // (nor where the lead names a receiver of its whole, a place a part of it names: 浙江共向四川选派
  // 专家900名。其中,浙江省人民医院帮扶昭觉县…, the part's, not the report's)
  if (std::any_of(to.begin(), to.end(), [&](const Mention* m) { return !in_part(*m); })) {
    std::erase_if(to, [&](const Mention* m) { return in_part(*m); });
  }
  // The title's place first, made more specific by the lead (援藏 in the title, 在日喀则市
  // in the lead); the lead's places alone otherwise. Where team members come from (来自上海、
  // 江苏) is no receiving side.
  for (const Mention* m : to) {
    if (is_title(m->start)) title.push_back(m);
  }
  Reduced t = reduce(title.empty() ? to : title);
  if (!title.empty() && t.place && !t.ambiguous && t.place->level == PlaceLevel::province) {
    std::vector<const Mention*> within;
    for (const Mention* m : to) {
      if (!is_title(m->start) && inside(m->place, t.place) && !after_origin(*m)) {
        within.push_back(m);
      }
    }
    Reduced narrower = reduce(within);
    // (not in a review of several receivers inside it: 援藏 in the title, 2015年以来…援藏 in the
    // lead, then 在日喀则,… for the first pair: the lead's totals are the whole province's)
    if (narrower.place && !narrower.ambiguous && !reviews_receivers_in(t.place)) t = narrower;
  }
  to_ = t.ambiguous ? nullptr : t.place;
  to_mention_ = t.mention;
  // 南阳市…向淅川县、西峡县派驻: the giver's own counties, which reduce to the giver itself (or
  // to a prefecture of the giving province: 四川省人民医院…深入凉山州昭觉县、布拖县)
  own_area_ = to_ && from_ && same_area(to_, from_);
  std::string_view body = s_.substr(0, period_end_);
  if (!t.place && !t.ambiguous && contains_word(body, Role::own_county)) {
    // 我县, 全县: the county the page names as its source, else the first county named
    if (!own_) {
      for (const Mention& m : places_) {
        if (m.place->level == PlaceLevel::county && m.side != Side::from) {
          own_ = m.place;
          break;
        }
      }
    }
    if (!own_ && from_ && from_->level == PlaceLevel::county) own_ = from_;  // 余庆县…全县
    to_ = own_, to_mention_ = nullptr, own_area_ = own_ != nullptr;
  }
  if (!to_ && !t.ambiguous && institution && names_in_lead(from_)) {
    // 温州市第二人民医院…总结 over 我院牵头的温州市城市医疗集团…: the institution's own city,
    // which the lead names as where it works, receives too
    to_ = from_, to_mention_ = from_mention_, own_area_ = true;
  }
  if (!to_ && !t.ambiguous && from_ && from_->level == PlaceLevel::county) {
    // 宁都县总医院…下沉到14个乡镇卫生院: a county that gives and names no receiver sends to
    // its own townships (below county level): the county receives too
    to_ = from_, to_mention_ = from_mention_, own_area_ = true;
  }
  if (!from_ && to_ && to_->level == PlaceLevel::county && county_institution_sends()) {
    // 兰考县依托县域医共体…。县人民医院、县中医院共向13个乡镇卫生院派驻: a county's own
    // hospitals send down to its townships: the county gives, and receives
    from_ = to_, from_mention_ = to_mention_, own_area_ = true;
  }
  if (!from_) {
    // no giving side marked: a place of the lead outside the receiving side (国家医疗队(四川
    // 大学华西医院)…抵达甘南), else a national team (中国援圭亚那医疗队, 我国…派出) is 全国
    std::vector<const Mention*> outside;
    for (const Mention* m : to) {
      if (to_ && !same_area(m->place, to_) && !same_area(to_, m->place) &&
          m->place->level != PlaceLevel::country && to_->level != PlaceLevel::country &&
          m->place->province != to_->province) {
        outside.push_back(m);
      }
    }
    Reduced giver = reduce(outside);  // 来自上海、江苏、浙江: several, none of them the giver
    if (giver.place && !giver.ambiguous) from_ = giver.place, from_mention_ = giver.mention;
  }
  // 由河北、陕西组建的医疗队: a lead that names several givers of one team (a joint team) leaves
  // its counts to none of them, nor to one the report names elsewhere or its publisher
  bool joint = false;
  for (size_t i = 1; f.ambiguous && i < from.size(); ++i) {
    const Mention& a = *from[i - 1];
    joint =
        joint || (a.clause == from[i]->clause && s_.substr(a.end, from[i]->start - a.end) == "、");
  }
  joint = joint && !ends_list_of_many(from);
  // The lead's words of many_givers and nationwide, both asked below of a lead that names no
  // giver: one scan for the two, when first asked.
  static const RoleSet kLeadRoles{Role::many_givers, Role::nationwide};
  std::vector<RoleSet::Found> lead_words;
  std::optional<uint64_t> lead_held;
  auto lead_has = [&](Role role) {
    if (!lead_held) lead_held = kLeadRoles.find(s_.substr(0, lead_end_), 0, lead_words);
    return (*lead_held & RoleSet::bit(role)) &&
           RoleSet::contains(lead_words, 0, std::min(lead_end_, s_.size()), role);
  };
  if (!from_ && to_ && !joint && !lead_has(Role::many_givers)) {
    // 中国援马里医疗队…完成任务回国。…据悉,浙江省已先后向马里派遣医疗队员: a team whose lead
    // names no giver is sent by the one place the report makes a sender toward its receiver
    // (not a programme of many givers: 全国17个省市…选派, one of them named later)
    const Mention* sent = nullptr;
    bool several = false;
    for (const Mention& m : places_) {
      if (!m.sender || !sends_toward(m, to_)) continue;
      several = several || (sent && sent->place != m.place);
      if (!sent) sent = &m;
    }
    // (山西:城市三级医院对口帮扶县级医院 over 长治市人民医院向武乡县派驻: one of the receiving
    // area's own cities sends in a review of aid within the area, which gives and receives)
    if (sent && !several && inside(sent->place, to_)) {
      from_ = to_, from_mention_ = to_mention_, own_area_ = true;
    } else if (sent && !several) {
      from_ = sent->place, from_mention_ = sent;
    }
  }
  if (!from_ && !joint && publisher_ && !same_area(publisher_, to_)) {
    // 县医院迎来第十批对口支援专家 over 供稿:某市医院: the publisher, outside the receiving
    // side, of a report that names no giver gives
    from_ = publisher_, from_mention_ = nullptr;
  }
  if (!from_ && lead_has(Role::nationwide)) from_ = &kNationwide;
  bool only_own =
      std::all_of(places_.begin(), places_.end(), [&](const Mention& m) { return m.place == to_; });
  if (!from_ && to_ && to_->level == PlaceLevel::county && only_own &&
      contains_word(body, Role::own_county) && contains_word(body, Role::county_network)) {
    // a county's report on itself (全县) on its own network of hospitals (医共体) that names no
    // other place: its hospitals send down to its townships (县医院医共体…与全县20个乡镇卫生院
    // 结对), the county gives
    from_ = to_, from_mention_ = to_mention_, own_area_ = true;
  }
  if ((from_ == &kNationwide || titled_giver) && receives_in_several_provinces()) {
    // a review of a national programme that tells of 援藏, 援疆 and 援青 in turn: its counts
    // that name no receiver are the nation's, no one province's (and a body's report on its
    // aid to several provinces: its own, to no one of them)
    to_ = nullptr, to_mention_ = nullptr;
  }
  if (to_ && to_->level == PlaceLevel::province) {
    // 援疆 in the title, 阿拉尔市 named twice in the report: the more specific place.
    // Not in a review of several receivers inside it (北京→拉萨市, 上海→日喀则市, 广东→林芝市).
    const Mention* best = nullptr;
    size_t best_count = 0;
    // (nor where the lead lists two of them together: 赴西藏自治区那曲市、阿里地区开展巡回医疗,
    // a team that works in both)
    bool several = reviews_receivers_in(to_) || lead_lists_prefectures_in(to_);
    for (const Mention& m : places_) {
      if (several) break;
      if (m.side == Side::from || !inside(m.place, to_)) continue;
      size_t count = 0;
      for (const Mention& other : places_) {
        count += other.side != Side::from && other.place->name == m.place->name;
      }
      if (count > best_count) best = &m, best_count = count;
    }
    if (best && best_count >= 2) to_ = best->place, to_mention_ = best;
  }
  if (!titled_.phrase.since.empty()) period_ = &titled_;  // a year's summary
  for (const Time& t : times_) {  // a period counted (以来, N年来, 截至) first
    if (period_ || t.phrase.start >= period_end_) break;
    // (unless a year the lead sums up comes before it: 2024年,…全年累计派出…。…“十四五”以来,
    // 全省共建成… dates its own count only)
    bool year = t.phrase.kind == TimeKind::point && t.phrase.since.size() == 4;
    if (year && sums_up_year(t)) {
      period_ = &t;
      break;
    }
    bool period = t.phrase.kind == TimeKind::since || t.phrase.kind == TimeKind::recent ||
                  (t.phrase.kind == TimeKind::range && t.adverbial);  // 2021年至2023年,我县…
    // (not a partnership's age, 这是…帮扶的第七个年头, that a lead tells before the start its
    // totals count from: 2018年以来,…累计派驻)
    bool age = s_.substr(t.phrase.start).starts_with("第");
    // (nor the start of one part of a review city by city: 运城市。2022年以来派驻…)
    bool part = paragraph_place(t.phrase.start) != nullptr;
    if (period && !age && !part && !(t.phrase.since.empty() && t.phrase.until.empty())) {
      period_ = &t;
      break;
    }
  }
  for (const Time& t : times_) {  // else the event the lead opens with
    if (period_ || t.phrase.start >= lead_end_) break;
    if (t.phrase.kind == TimeKind::point && !t.phrase.since.empty()) period_ = &t;
  }
  // The teams the lead names by their ordinals (lead_batches_), and whether a sentence of the
  // lead before its period names a team's batch (lead_batch_: names_batch of each): one search
  // of the 第 for both, the sentences (the first `asked`, which may run past the lead) walked
  // along it.
  size_t asked = 0;
  while (asked < r_.sentences.size() && r_.sentences[asked].start < lead_end_ &&
         !(period_ && r_.sentences[asked].end > period_->phrase.start)) {
    ++asked;
  }
  size_t lead = std::min(lead_end_, s_.size());
  size_t end = std::max(lead, asked > 0 ? r_.sentences[asked - 1].end : 0);
  size_t sentence = 0;  // the first of the sentences asked that may hold the next 第
  any_ordinal(0, end, [&](size_t at) {
    constexpr size_t kOrdinal = std::string_view("第").size();
    if (at + kOrdinal <= lead) {
      if (Batch b = batch_at(s_, at); b.number > 0) lead_batches_.push_back(b);
    }
    while (sentence < asked && r_.sentences[sentence].end < at + kOrdinal) ++sentence;
    if (!lead_batch_ && sentence < asked && r_.sentences[sentence].start <= at) {
      lead_batch_ = past_ordinal(s_, at) != at;
    }
    return false;  // (every one)
  });
  if (period_ && period_ != &titled_ && !sums_up_many_givers(*period_)) {
    Fact of_period;
    resolve_from(of_period, period_->clause);
    // (the giver its own paragraph names: 2015年…启动。十年来,援藏医疗队员… is every giver's)
    const Block stated = doc_.blocks.empty() ? Block{BlockKind::paragraph, 0, s_.size()}
                                             : doc_.blocks[sentence_of(period_->clause).block];
    bool named = of_period.from_span.start >= stated.start && !of_period.from_span.empty() &&
                 of_period.from_span.end <= stated.end;
    if (named) period_giver_ = find_place(of_period.from, of_period.from_province);
  }
}

bool Resolver::in_part(const Mention& m) const {
  return m.clause < r_.clauses.size() && opens_part(sentence_of(m.clause).first_clause);
}

bool Resolver::reviews_receivers_in(const Place* province) const {
  constexpr size_t kSeveral = 3;  // prefectures (two: a team's base and an outing)
  // (or two partnerships, each a sender's of its own: 福州市对口帮扶固原市…。厦门市帮扶吴忠市)
  constexpr size_t kPartnerships = 2;
  std::vector<std::string_view> areas, paired;
  for (const Mention& m : places_) {
    if (m.side == Side::from || !inside(m.place, province)) continue;
    std::string_view area = m.place->level == PlaceLevel::county && !m.place->prefecture.empty()
                                ? m.place->prefecture
                                : m.place->name;
    if (std::find(areas.begin(), areas.end(), area) == areas.end()) areas.push_back(area);
    bool of_sender =
        m.side == Side::to && std::any_of(places_.begin(), places_.end(), [&](const Mention& s) {
          return s.clause == m.clause && s.sender && !same_area(s.place, m.place);
        });
    if (of_sender && std::find(paired.begin(), paired.end(), area) == paired.end()) {
      paired.push_back(area);
    }
  }
  return areas.size() >= kSeveral || paired.size() >= kPartnerships;
}

bool Resolver::joined(const Mention& a, const Mention& b) const {
  std::string_view between = s_.substr(a.end, b.start - a.end);
  return between == "、" || between == "和";
}

bool Resolver::lead_lists_prefectures_in(const Place* province) const {
  const Mention* last = nullptr;  // the lead's last place inside the province
  for (const Mention& m : places_) {
    if (m.start >= lead_end_) break;
    if (m.side == Side::from || !inside(m.place, province)) continue;
    if (last && prefecture(last->place) != prefecture(m.place) && joined(*last, m)) return true;
    last = &m;
  }
  return false;
}

bool Resolver::sums_up_many_givers(const Time& period) const {
  return std::any_of(times_.begin(), times_.end(), [&](const Time& t) {
    if (t.clause >= r_.clauses.size() || t.phrase.start >= lead_end_) return false;
    if (&t != &period &&
        (t.phrase.kind != period.phrase.kind || t.phrase.since != period.phrase.since)) {
      return false;
    }
    const Sentence& sentence = sentence_of(t.clause);
    return names_many_givers(sentence.start, sentence.end);
  });
}

bool Resolver::names_in_lead(const Place* place) const {
  return std::any_of(places_.begin(), places_.end(), [&](const Mention& m) {
    return m.start < lead_end_ && m.place == place && !is_title(m.start);
  });
}

const Mention* Resolver::province_of_hospital_over(
    const std::vector<const Mention*>& visited) const {
  if (visited.empty()) return nullptr;
  for (const Mention& m : places_) {
    if (m.start >= lead_end_) break;
    if (m.place->level != PlaceLevel::province || m.side == Side::to ||
        !names_institution_at(m.end)) {
      continue;
    }
    bool within = std::all_of(visited.begin(), visited.end(),
                              [&](const Mention* v) { return inside(v->place, m.place); });
    if (within) return &m;
  }
  return nullptr;
}

const Mention* Resolver::titled_outside_receivers() const {
  const Mention* titled = nullptr;
  bool marked = false;
  for (const Mention& m : places_) {
    if (m.start >= lead_end_) break;
    if (is_title(m.start)) {
      if (m.side != Side::none || (titled && titled->place != m.place)) return nullptr;
      titled = &m;
      continue;
    }
    // (a lead that names the title's place again gives it its own side: 从珠海来到怒江)
    if (titled && m.place == titled->place) return nullptr;
    if (m.side != Side::to) continue;
    if (!titled || same_area(m.place, titled->place)) return nullptr;
    marked = true;
  }
  return marked ? titled : nullptr;
}

const Mention* Resolver::titled_body() const {
  if (!body_area_) return nullptr;
  const Mention* body = nullptr;
  bool sends_out = false;
  for (const Mention& m : places_) {
    if (m.start >= lead_end_) break;
    if (!body && is_title(m.start) && m.place == body_area_ && m.side == Side::none) body = &m;
    sends_out = sends_out || (m.side != Side::from && !same_area(m.place, body_area_));
  }
  return sends_out ? body : nullptr;
}

const Mention* Resolver::titled_institution() const {
  auto title = std::find_if(doc_.blocks.begin(), doc_.blocks.end(),
                            [](const Block& b) { return b.kind == BlockKind::title; });
  if (title == doc_.blocks.end()) return nullptr;
  const Place* place = institution_place(s_.substr(title->start, title->end - title->start));
  if (!place) return nullptr;
  auto named = std::find_if(places_.begin(), places_.end(), [&](const Mention& m) {
    return m.start >= title->start && m.start < title->end && m.place == place;
  });
  if (named == places_.end() || named->side == Side::from) return nullptr;
  return says_own() ? &*named : nullptr;  // (asked last: few titles open with a name)
}

bool Resolver::sends_toward(const Mention& m, const Place* receiver) const {
  return std::any_of(places_.begin(), places_.end(), [&](const Mention& p) {
    return p.clause == m.clause && p.side == Side::to && same_area(p.place, receiver);
  });
}

bool Resolver::county_institution_sends() const {
  std::string_view lead = s_.substr(0, lead_end_);
  for (std::string_view w : words(Role::county_institution)) {
    for (size_t at = text::find(lead, w); at != lead.npos;
         at = text::find(lead, w, at + w.size())) {
      bool of_place = std::any_of(places_.begin(), places_.end(), [&](const Mention& m) {
        return m.start < at + w.size() && at < m.end;
      });
      size_t clause = r_.clause_at(at);
      if (of_place || clause == r_.clauses.size()) continue;
      const Clause& c = r_.clauses[clause];
      for (size_t k = c.first_frame; k < c.end_frame; ++k) {
        if (r_.frames[k].start > at && r_.frames[k].frame->subject == Side::from) return true;
      }
    }
  }
  return false;
}

std::optional<Span> Resolver::county_institution_gives_rest(size_t first, size_t clause) const {
  const Sentence& sentence = sentence_of(clause);
  for (size_t k = std::max(first, sentence.first_clause); k <= clause; ++k) {
    const Clause& c = r_.clauses[k];
    std::string_view opening = s_.substr(c.start, c.end - c.start);
    if (!starts_with_word(opening, Role::county_institution)) continue;
    // (not one that sends its own staff to study: 县妇幼保健院选派5名助产士到省院进修)
    bool gives = false;
    for (size_t cl = k; cl < sentence.end_clause; ++cl) {
      for (size_t j = r_.clauses[cl].first_frame; j < r_.clauses[cl].end_frame; ++j) {
        if (r_.frames[j].frame->subject != Side::from) continue;
        if (sent_to_study(cl, j)) return std::nullopt;
        gives = true;
      }
    }
    if (!gives) return std::nullopt;
    size_t length = 0;
    for (std::string_view w : words(Role::county_institution)) {
      if (opening.starts_with(w)) length = std::max(length, w.size());
    }
    return Span{c.start, c.start + length};
  }
  return std::nullopt;
}

bool Resolver::receives_in_several_provinces() const {
  std::string_view first;
  for (size_t i = 0; i < places_.size(); ++i) {
    const Mention& m = places_[i];
    if (m.side != Side::to || m.place->level == PlaceLevel::country || in_list_of_many(i)) continue;
    std::string_view province =
        m.place->level == PlaceLevel::province ? m.place->name : m.place->province;
    if (first.empty()) first = province;
    if (province != first) return true;
  }
  return false;
}

bool Resolver::in_list_of_many(size_t i) const {
  size_t last = i;
  while (last + 1 < places_.size() && joined(places_[last], places_[last + 1])) ++last;
  return ends_list_of_many({&places_[last]});
}

const Time* Resolver::report_period(const Fact& f, size_t at) const {
  if (period_ && lead_batch_ && period_->phrase.kind == TimeKind::since &&
      period_->phrase.start > sentence_of(r_.clause_at(at)).end) {
    return lead_tour();
  }
  if (!period_ || !period_giver_ || f.from.empty()) return period_;
  const Place* giver = place_told(f.from, f.from_province);
  return !giver || same_area(giver, period_giver_) ? period_ : nullptr;
}

const Time* Resolver::lead_tour() const {
  for (const Time& t : times_) {
    if (t.phrase.start >= lead_end_) break;
    if (t.phrase.kind != TimeKind::point || t.phrase.since.size() != 10) continue;
    const Sentence& sentence = sentence_of(t.clause);
    // (not 结束为期18个月的任务: the term of the mission, no length stated as served)
    if (served_length(s_.substr(t.phrase.end, sentence.end - t.phrase.end)) ||
        period_told_after(t)) {
      return &t;
    }
  }
  return nullptr;
}

bool Resolver::is_title(size_t pos) const {
  const Block* b = block_at(pos);
  return b && b->kind == BlockKind::title;
}

bool Resolver::after_origin(const Mention& m) const {
  std::string_view before = s_.substr(0, m.start);
  if (before.size() > 12) before = before.substr(before.size() - 12);
  return contains_word(before, Role::origin);
}

}  // namespace context

namespace {

using context::Resolver;

// A heading restates a count of the body (近300名援藏医疗队员 over the paragraph that tells it,
// or rounds it: 1.3万余人次 over 13400余人次): it takes the context of the body's statement.
bool is_heading(std::string_view s, const Block& b) {
  constexpr size_t kMaxHeading = 40;  // display columns
  std::string_view line = s.substr(b.start, b.end - b.start);
  bool sentence = line.find("。") != line.npos || line.ends_with("!") || line.ends_with("?");
  return b.kind == BlockKind::title ||
         (!sentence && text::display_width(line, kMaxHeading) < kMaxHeading);
}

// Whether each count (at its byte `at`) stands in a heading (is_heading), read once per block:
// each heading's count is compared with every later one, and a block holds several.
std::vector<bool> in_headings(std::string_view s, const Document& doc, const Reading& r,
                              const std::vector<size_t>& at) {
  constexpr int8_t kUnread = -1;
  std::vector<int8_t> heading_block(doc.blocks.size(), kUnread);
  std::vector<bool> out(at.size());
  for (size_t i = 0; i < at.size(); ++i) {
    size_t clause = r.clause_at(at[i]);
    if (clause == r.clauses.size()) continue;
    size_t block = r.sentences[r.clauses[clause].sentence].block;
    if (heading_block[block] == kUnread) heading_block[block] = is_heading(s, doc.blocks[block]);
    out[i] = heading_block[block];
  }
  return out;
}

// Whether a heading's value restates the body's rounded down to its own last digit (1.3万余 over
// 13400余): the heading's value ends in at least two zeros, and the body's lies within its last
// digit's step above it.
bool rounds_to(double body, double heading) {
  constexpr double kLeast = 100;
  if (heading < kLeast || body < heading) return false;
  double step = kLeast;
  while (std::fmod(heading, step * 10) == 0) step *= 10;
  return std::fmod(heading, step) == 0 && body < heading + step;
}

void add_context_unchecked(std::string_view text, const Document& document, const Reading& reading,
                           const std::vector<std::vector<Cell>>& headers, std::vector<Fact>& facts,
                           const std::vector<size_t>& at);

}  // namespace

void add_context(std::string_view text, const Document& document, const Reading& reading,
                 const std::vector<std::vector<Cell>>& headers, std::vector<Fact>& facts,
                 const std::vector<size_t>& at) {
  if (facts.empty()) return;
  try {
    add_context_unchecked(text, document, reading, headers, facts, at);
  } catch (const std::exception&) {  // never across the library's boundary: no context then
    for (Fact& f : facts) {
      f.to.clear(), f.from.clear(), f.since.clear(), f.until.clear();
      f.to_span = f.from_span = f.since_span = f.until_span = Span{};
      f.to_province.clear(), f.from_province.clear();
    }
  }
}

namespace {

void add_context_unchecked(std::string_view text, const Document& document, const Reading& reading,
                           const std::vector<std::vector<Cell>>& headers, std::vector<Fact>& facts,
                           const std::vector<size_t>& at) {
  Resolver resolver(text, document, reading, headers);
  for (size_t i = 0; i < facts.size(); ++i) resolver.resolve(facts[i], at[i]);
  if (document.blocks.empty()) return;
  const std::vector<bool> in_heading = in_headings(text, document, reading, at);
  for (size_t i = 0; i < facts.size(); ++i) {
    if (!in_heading[i]) continue;
    // the body's statement of the same count, else of the count the heading rounds
    auto restated = [&](bool rounded) {
      for (size_t k = i + 1; k < facts.size(); ++k) {
        const Fact& body = facts[k];
        bool value = rounded ? rounds_to(body.value, facts[i].value) : body.value == facts[i].value;
        if (value && !in_heading[k] && body.metric == facts[i].metric &&
            body.qualifier == facts[i].qualifier) {
          return k;
        }
      }
      return facts.size();
    };
    size_t k = restated(false);
    if (k == facts.size()) k = restated(true);
    if (k == facts.size()) continue;
    const Fact& body = facts[k];
    Fact& heading = facts[i];
    heading.to = body.to, heading.from = body.from;
    heading.since = body.since, heading.until = body.until;
    heading.to_span = body.to_span, heading.from_span = body.from_span;
    heading.to_province = body.to_province, heading.from_province = body.from_province;
    heading.since_span = body.since_span, heading.until_span = body.until_span;
  }
}

}  // namespace

}  // namespace zhreport::facts_detail
