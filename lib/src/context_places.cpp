// Reading the report's place mentions (Resolver::read_places): the places, short names,
// institutions and hospitals it names, and the side of the aid relationship their words give
// each.

#include <cstring>
#include <initializer_list>
#include <unordered_set>

#include "context_resolver.h"
#include "level_hospitals.h"
#include "span_index.h"

namespace zhreport {
namespace facts_detail::context {

namespace {

// `s` past a short quoted name that opens it (宁夏“光明行”医疗队: the programme of the team the
// place sends), else `s`.
std::string_view past_quoted_name(std::string_view s) {
  constexpr std::string_view kOpen = "“", kClose = "”";
  constexpr size_t kMaxName = 24;  // bytes: eight characters
  if (!text::starts_with(s, kOpen)) return s;
  size_t close = s.substr(0, kOpen.size() + kMaxName + kClose.size()).find(kClose);
  return close == s.npos ? s : s.substr(close + kClose.size());
}

// A frame whose verb is one of aid (帮扶, 对口支援, 援助…: data/context.tsv), not one of going or
// being somewhere (赴, 到, 在). (Read once per frame of the table: side_of asks it of every
// frame hit after a place.)
bool is_aid(const Frame& frame) {
  struct AidFrames {
    const Frame* first = frames().data();  // (the table, by its first row: one guard per ask)
    std::vector<bool> aid;
  };
  static const AidFrames kAid = [] {
    AidFrames table;
    for (const Frame& f : frames()) table.aid.push_back(contains_word(f.verb, Role::aid));
    return table;
  }();
  return kAid.aid[static_cast<size_t>(&frame - kAid.first)];
}

// A preposition of the verb's object (向, 为, 对, 给: toward, data/context.tsv), as a frame:
// 向…派驻.
bool is_toward(std::string_view verb) {
  const std::vector<std::string_view>& toward = words(Role::toward);
  return std::find(toward.begin(), toward.end(), verb) != toward.end();
}

// A CJK ideograph (the unified block and extension A): the characters a Chinese name runs on in.
bool is_han(char32_t c) { return c >= 0x3400 && c <= 0x9FFF; }

// The bytes of the run of ideographs `s` opens with (周口市中心医院 of 周口市中心医院(以下简称…).
size_t han_run(std::string_view s) {
  size_t end = 0;
  while (end < s.size() && is_han(text::code_point_at(s, end))) end = text::next_char(s, end);
  return end;
}

// Whether a mention of `found` overlaps the bytes [start, end).
bool overlaps(const std::vector<PlaceMention>& found, size_t start, size_t end) {
  return std::any_of(found.begin(), found.end(),
                     [&](const PlaceMention& m) { return m.start < end && start < m.end; });
}

// The county of the name in a place of `named` of the level (prefecture or province); nullptr
// when none, or when they hold two.
const Place* county_in_named(std::string_view name, const std::vector<PlaceMention>& named,
                             PlaceLevel level) {
  const Place* county = nullptr;
  for (const PlaceMention& m : named) {
    if (!m.place || m.place->level != level) continue;
    const Place* of_it = find_county_in(name, *m.place);
    if (!of_it || of_it == county) continue;
    if (county) return nullptr;
    county = of_it;
  }
  return county;
}

// 庆元 of 庆元县, 景宁 of 景宁畲族自治县: the two characters a county's name opens with where the
// rest names its level alone (县, 市, 旗) or its peoples and level (…自治县, …自治旗); empty for
// a district (东区, 矿区: ordinary words) and for the other names.
std::string_view county_short_form(const Place& county) {
  std::string_view name = county.name;
  if (county.level != PlaceLevel::county) return {};
  size_t two = text::next_char(name, text::next_char(name, 0));
  std::string_view rest = name.substr(two);
  bool level_alone = rest == "县" || rest == "市" || rest == "旗";
  bool autonomous = rest.ends_with("自治县") || rest.ends_with("自治旗");
  return level_alone || autonomous ? name.substr(0, two) : std::string_view();
}

// Whether `m` lies inside a range of `speech` (direct_speech: in order of their ends). A range
// that holds it is the first to end at or after it: the ranges of a later end start after that
// end (their quotes opened after it).
bool in_speech(const std::vector<std::pair<size_t, size_t>>& speech, const Mention& m) {
  auto q = std::partition_point(speech.begin(), speech.end(),
                                [&](const auto& range) { return range.second < m.end; });
  return q != speech.end() && q->first < m.start;
}

// `found` in text order again after mentions were added at its end.
void sort_by_start(std::vector<PlaceMention>& found) {
  std::sort(found.begin(), found.end(),
            [](const PlaceMention& a, const PlaceMention& b) { return a.start < b.start; });
}

// Whether `s` holds 批 (text::find(s, "批") != npos): memchr for its last byte and its others
// compared in place, inline, where side_of's call to text::find for the bytes after each place
// cost more than its search of them.
bool holds_batch(std::string_view s) {
  constexpr std::string_view kBatch = "批";
  static_assert(kBatch.size() == 3);
  for (size_t p = s.find(kBatch[2]); p != s.npos; p = s.find(kBatch[2], p + 1)) {
    if (p >= 2 && s[p - 1] == kBatch[1] && s[p - 2] == kBatch[0]) return true;
  }
  return false;
}

// Whether `between`, the text after a place's name, is what closes it as an item of a list: one
// of `marks`, after nothing or an institution's name of at most `max_name` bytes (人民医院、).
bool closes_item(std::string_view between, std::initializer_list<std::string_view> marks,
                 size_t max_name) {
  for (std::string_view mark : marks) {
    if (!between.ends_with(mark)) continue;
    between.remove_suffix(mark.size());
    return between.size() <= max_name && han_run(between) == between.size();
  }
  return false;
}

}  // namespace

void Resolver::read_places() {
  // The countable blocks, and the metadata of the header (来源:平川县融媒体中心): boilerplate
  // is never read.
  // (one of each per thread, reused from report to report: allocated per report, they grew)
  thread_local std::vector<PlaceMention> found, alone, in_block;
  found.clear(), alone.clear();
  for (size_t i = 0; i < doc_.blocks.size(); ++i) {
    const Block& b = doc_.blocks[i];
    bool header = b.kind == BlockKind::metadata && b.start < lead_end_;
    if (!is_countable(b.kind) && !header) continue;
    size_t orphans = alone.size();
    find_places_into(s_.substr(b.start, b.end - b.start), in_block, &alone);
    for (PlaceMention m : in_block) {
      m.start += b.start;
      m.end += b.start;
      found.push_back(m);
    }
    for (size_t k = orphans; k < alone.size(); ++k)
      alone[k].start += b.start, alone[k].end += b.start;
  }
  add_counties_of_named(found, alone);
  add_county_short_forms(found);
  if (!publisher_ && says_own()) mark_self_named(found);
  // (a sending hospital in the title over the receiving one: 湘雅二院援藏 山南市人民医院…)
  if (!publisher_ || publisher_in_title_) {
    if (const Place* h = hospital_of_report(found, publisher_in_title_)) publisher_ = h;
  }
  add_own_institution(found);
  add_short_names(found);
  add_plain_country_names(found);
  add_this_hospital(found);
  add_level_hospitals(found);
  add_mentions(found);
  read_sides();
}

void Resolver::add_mentions(const std::vector<PlaceMention>& found) {
  places_.reserve(found.size());
  // (found is in order of start: the clause of each is at or after the last one's, a step or two
  // on from it rather than a search each)
  size_t clause = 0;
  // starts_with_word with its test of the words' first two bytes asked here, inline, where gcc
  // kept it a call, three a place (the roles are read by the time most reports get here)
  const bool read = words_detail::roles_read.load(std::memory_order_acquire);
  auto opens = [&](std::string_view text, Role role) {
    return (!read || !words_detail::opens_none(text, role)) && starts_with_word(text, role);
  };
  for (const PlaceMention& m : found) {
    const Place* place = m.place;
    if (!place && m.how == PlaceMention::How::programme_prefix) {
      place = resolve_prefix(m.prefix, found);
    } else if (m.how == PlaceMention::How::institution) {
      // 协和医院: whose, the report's places say; a name given before as a place's own
      // hospital's (四川大学华西医院) is that place's
      if (!place) place = resolve_institution(m.prefix, found);
      if (const Place* before = named_before(s_, m, found)) {
        place = before;
      } else if (const Place* later = is_title(m.start) ? named_later(m, found) : nullptr) {
        place = later;
      }
    }
    while (clause < r_.clauses.size() && r_.clauses[clause].end <= m.start) ++clause;
    if (!place) continue;
    std::string_view before = s_.substr(0, m.start);
    if (ends_with_word(before, Role::no_side_before) ||
        opens(s_.substr(m.end), Role::no_side_after) || opens_dateline(m.end)) {
      continue;  // 《兵团日报》, where a page was posted, (记者 张琳 西安报道)
    }
    if (clause == r_.clauses.size() || r_.clauses[clause].start > m.start) {
      // 来源:镇雄县融媒体中心: the report's own place (no clause holds it)
      if (!own_ && place->level == PlaceLevel::county) own_ = place;
      continue;
    }
    bool programme =
        m.how == PlaceMention::How::programme || m.how == PlaceMention::How::programme_prefix;
    places_.push_back({m.start, m.end, place, programme ? Side::to : Side::none, clause});
    std::string_view at = s_.substr(m.start);
    places_.back().own = opens(at, Role::own_institution) || opens(at, Role::own_area);
    places_.back().hospital = m.how == PlaceMention::How::institution;
  }
}

void Resolver::read_sides() {
  // (the speech of a place's block, read when a place of it is first asked of: a search of the
  // whole report stopped at each of its many —, “ and ”, also of blocks that hold no place)
  std::vector<std::pair<size_t, size_t>> speech;
  auto block = doc_.blocks.begin(), speech_read = doc_.blocks.end();
  auto quoted = [&](const Mention& m) {
    while (block != doc_.blocks.end() && block->end <= m.start) ++block;
    if (block == doc_.blocks.end() || block->start > m.start) return false;
    if (block != speech_read) direct_speech(*block, speech), speech_read = block;
    return in_speech(speech, m);
  };
  // (the clause of the place last asked of sought_care, and where its first marker ends: the
  // clause's frames read once for its places)
  size_t marked_clause = kNone, marker_end = kNone;
  auto sought = [&](const Mention& m) {
    if (m.clause != marked_clause) {
      marked_clause = m.clause, marker_end = first_marker_end(m.clause);
    }
    return sought_care(m, marker_end);
  };
  // (the list and each place held where the calls below would have them reloaded: its size is
  // fixed up to the erase_if that ends this)
  const std::span<Mention> places(places_);
  for (size_t i = 0; i < places.size(); ++i) {
    Mention& p = places[i];
    // 星海医院与大连市金州区妇幼保健院组成联合团队: the giver's partner of its own area is
    // part of the giver, no receiver nor a giver apart
    bool partner = partner_of_giver(i);
    // (a programme's place receives already: side_of is asked of the others)
    if (partner) {
      p.side = Side::none;
    } else if (p.side == Side::none) {
      p.side = side_of(i);
    }
    // 在浙大一院“院包科”帮扶下, 在华西医院举行: a sending hospital receives nothing
    if (p.hospital && p.side == Side::to) p.side = Side::none;
    bool gives = p.side == Side::from && !p.sender;
    // (asked only where the answer counts: of a place with no side, or of a giver no sender)
    bool listed = (p.side == Side::none || gives) && listed_after_origin(i);
    p.origin = p.side == Side::none && (listed || partner);
    // “以前看病都要去兰州。”, “病人得往郑州跑”: where a speaker went is no side of the report's
    // counts, also after a word of going (去, 往); a giver stays one
    // (and so is where patients went to seek care: 过去群众看病要跑到西昌甚至成都)
    bool spoken = p.side != Side::from && (quoted(p) || sought(p));
    if (spoken) {
      p.side = Side::none, p.aided = false;
      p.origin = true;
      continue;
    }
    // 来自南宁邕江医院的13名专家: the team's home gives; so does each place of the list, also
    // one that a programme word after it already makes give (来自杭州、宁波的10名援疆专家)
    if ((p.origin && !partner) || (listed && gives)) {
      const Mention& o = p;
      size_t end = r_.clauses[o.clause].end;
      if (contains_word(s_.substr(o.end, end - o.end), Role::team)) {
        p.side = Side::from, p.visited = true, p.origin = false;
        p.home = true;
      }
    }
    // (nor where it is named without a side)
    if (p.hospital && p.side == Side::none) p.origin = true;
    // (the place before giving in its clause asked first: most places have none, and the call
    // cost more than the answer)
    bool after_giver =
        i > 0 && places[i - 1].side == Side::from && places[i - 1].clause == p.clause;
    if (!partner && p.side == Side::none && after_giver && sends_jointly(i)) {
      p.side = Side::from;
    }
    const Mention& m = p;
    if (i > 0 && m.side == Side::none && places[i - 1].end == m.start &&
        inside(m.place, places[i - 1].place)) {
      p.side = places[i - 1].side;      // 天津市北辰区: one name, one side, and its
      p.sender = places[i - 1].sender;  // most specific part is the sender
      places[i - 1].sender = false;
    } else if (i > 0 && m.side == Side::none && places[i - 1].clause == m.clause &&
               s_.substr(places[i - 1].end, m.start - places[i - 1].end) == "、") {
      // 向淅川县、…、镇平县: a list after its marker; 北京、天津、江苏等8个省市累计选派: a
      // list of peers that give (not 上海、浦东: a place and a part of it). One list, one side.
      const Mention& before = places[i - 1];
      if (before.side == Side::to) p.side = Side::to;
      if (before.side == Side::from && !same_area(m.place, before.place)) {
        p.side = Side::from;
        p.visited = before.visited, p.home = before.home;
      }
    }
  }
  // 宁波医生在布拖, 上海专家赴日喀则: a place right before its team's persons (team: data/
  // context.tsv), where a later place of the clause receives, is the team's home: it gives
  // (not a country: 援马达加斯加医疗队出征仪式在兰州举行 names where the team goes)
  // (a province before its team in a report on aid abroad, wherever the receiver is named:
  // 在桑给巴尔,江苏医疗队培养…, 江西队员在洛美…; so is a province before its health commission,
  // which sends its teams abroad: 广西壮族自治区卫生健康委举行欢送会,为…援尼日尔医疗队送行;
  // and a province before its institution's name, a member's employer: 队长、浙江省某医院主任医师;
  // not before the institution word alone, which a place's name may open abroad: 提露内斯-北京
  // 医院 in 亚的斯亚贝巴)
  bool abroad_report =
      std::any_of(places.begin(), places.end(), [](const Mention& m) { return m.place->abroad; });
  for (size_t i = 0; i < places.size(); ++i) {
    Mention& m = places[i];
    if (m.side != Side::none || m.origin || m.place->level == PlaceLevel::country) continue;
    const Mention* next = i + 1 < places.size() ? &places[i + 1] : nullptr;
    bool home_abroad = abroad_report && m.place->level == PlaceLevel::province;
    // (the words after it read only where it could give: most places are no province of such a
    // report, and the next place of their clause, if any, receives nothing)
    bool receiver_next = next && next->clause == m.clause && next->side == Side::to;
    if (!receiver_next && !home_abroad) continue;
    size_t end = next ? next->start : r_.clauses[m.clause].end;
    std::string_view after = s_.substr(m.end, end - m.end);
    bool team = starts_with_word(past_quoted_name(after), Role::team);
    if (!team && !(home_abroad && (starts_with_word(after, Role::authority) ||
                                   !institution_name_at(m.end).empty()))) {
      continue;
    }
    bool receives_after = team && receiver_next && !same_area(m.place, next->place);
    if (receives_after || home_abroad) m.side = Side::from;
  }
  // 本批医疗队共19人,其中河北省12人、陕西省7人: in a part (其中: data/context.tsv), a province
  // right before a count of persons is where those members come from: it gives them. So does
  // a county-level giver named before (a district of a joint team) that opens an item of a
  // list of counts of persons, past its hospital's name and a verb of sending (其中雁塔区医院
  // 6名、长安区医院4名; 越秀区人民医院派出7人、海珠区人民医院派出5人), though the verb before
  // it took it for where they go, and one that opens a clause whose next place receives
  // (越秀区人民医院还向炉霍县人民医院捐赠…), whatever its verb.
  // (the places that gave before place i, as had_side_before(i, Side::from) would find them,
  // kept as the loop goes: a search per place made a long report's reading quadratic)
  // (each giver noted once, when the loop has passed it: the loop turns the place before i into
  // a giver only where it turns place i into one)
  std::unordered_set<const Place*> gave_before;
  // (whether the clause last asked of opens a part: a list of provinces is one clause)
  size_t part_clause = kNone;
  bool part = false;
  for (size_t i = 0; i < places.size(); ++i) {
    Mention& m = places[i];
    if (m.side == Side::from) {
      gave_before.insert(m.place);
      continue;
    }
    bool province = false, named_giver = false;
    if (m.place->level == PlaceLevel::province && m.side == Side::none) {
      if (m.clause != part_clause) part_clause = m.clause, part = opens_part(m.clause);
      province = part;
    } else if (m.place->level == PlaceLevel::county) {
      named_giver = gave_before.contains(m.place) && opens_item(i);
    }
    bool counts = (province || named_giver) && counts_persons_after(m);
    const Mention* next = i + 1 < places.size() ? &places[i + 1] : nullptr;
    bool gives_to_next = !counts && m.side == Side::none && next && next->clause == m.clause &&
                         next->side == Side::to && gave_before.contains(m.place) &&
                         opens_clause(i) && !same_area(m.place, next->place);
    if ((!counts && !gives_to_next) || m.place->abroad) continue;
    m.side = Side::from;
    // (武汉市江岸区医院: one name, one side)
    if (i > 0 && places[i - 1].end == m.start && inside(m.place, places[i - 1].place)) {
      places[i - 1].side = Side::from;
      gave_before.insert(places[i - 1].place);
    }
    gave_before.insert(m.place);
  }
  // 河北、陕西第八批援藏医疗队: places listed before the one a giving word follows give with it
  for (size_t i = places.size(); i-- > 1;) {
    Mention& before = places[i - 1];
    const Mention& m = places[i];
    if (m.side == Side::from && !m.visited && before.side == Side::none && !before.origin &&
        before.clause == m.clause && !same_area(before.place, m.place) &&
        s_.substr(before.end, m.start - before.end) == "、") {
      before.side = Side::from;
    }
  }
  // 会泽县人民医院:派驻专家14名: a county's hospital heading an item is the item's receiver, no
  // subject of its verb
  for (Mention& m : places_) {
    if (m.side == Side::from && heads_item(m)) m.side = Side::to, m.sender = false;
  }
  // 我院 stands for the publisher as a giver only (我院向…派驻, 我院援…医疗队), not in 我院
  // 医护人员 of a receiving hospital's page; 我省 receives where a preposition of the verb's
  // object makes it (东部地区累计向我省选派…: toward)
  std::erase_if(places_, [&](const Mention& m) {
    if (!m.own || m.side == Side::from) return false;
    bool toward = starts_with_word(s_.substr(m.start), Role::own_area) &&
                  ends_with_word(s_.substr(0, m.start), Role::toward);
    return !toward;
  });
}

const Place* Resolver::named_later(const PlaceMention& m,
                                   const std::vector<PlaceMention>& found) const {
  std::string_view name = s_.substr(m.start, m.end - m.start);
  for (size_t at = s_.find(name, m.end); at != s_.npos; at = s_.find(name, at + name.size())) {
    PlaceMention use = m;  // (named before this use: any use after the title's)
    use.start = at, use.end = at + name.size();
    if (const Place* p = named_before(s_, use, found)) return p;
  }
  return nullptr;
}

bool Resolver::opens_part(size_t clause) const {
  const Clause& c = r_.clauses[clause];
  std::string_view text = s_.substr(c.start, c.end - c.start);
  // (the words' first two bytes asked inline before the call, as add_mentions does)
  if ((!words_detail::roles_read.load(std::memory_order_acquire) ||
       !words_detail::opens_none(text, Role::part)) &&
      starts_with_word(text, Role::part)) {
    return true;
  }
  if (clause == 0 || r_.clauses[clause - 1].sentence != c.sentence) return false;
  const Clause& before = r_.clauses[clause - 1];
  return is_word(s_.substr(before.start, before.end - before.start), Role::part);
}

bool Resolver::opens_item(size_t i) const {
  const Mention& m = places_[i];
  size_t start = m.start;
  if (i > 0 && places_[i - 1].end == m.start && inside(m.place, places_[i - 1].place)) {
    start = places_[i - 1].start;
  }
  const Clause& c = r_.clauses[m.clause];
  std::string_view before = s_.substr(c.start, start - c.start);
  return before.empty() || text::ends_with(before, "、") || is_word(before, Role::part);
}

bool Resolver::had_side_before(size_t i, Side side) const {
  return std::any_of(places_.begin(), places_.begin() + i, [&](const Mention& p) {
    return p.place == places_[i].place && p.side == side;
  });
}

bool Resolver::sends_jointly(size_t i) const {
  if (i == 0) return false;
  const Mention& first = places_[i - 1];
  const Mention& m = places_[i];
  if (first.side != Side::from || first.clause != m.clause) return false;
  size_t link = past_institution(first.end);
  if (link == first.end || link >= m.start) return false;
  std::string_view between = s_.substr(link, m.start - link);
  const std::vector<std::string_view>& partners = words(Role::partner);
  if (between != "、" && std::find(partners.begin(), partners.end(), between) == partners.end()) {
    return false;
  }
  size_t last = std::min(m.clause + 2, sentence_of(m.clause).end_clause) - 1;
  size_t end = r_.clauses[last].end;
  return contains_word(s_.substr(m.end, end - m.end), Role::joint);
}

size_t Resolver::past_institution(size_t pos) const {
  if (std::string_view name = institution_name_at(pos); !name.empty()) return pos + name.size();
  for (std::string_view w : words(Role::institution)) {
    if (s_.substr(pos).starts_with(w)) return pos + w.size();
  }
  return pos;
}

bool Resolver::opens_dateline(size_t end) const {
  // (the test before the call: most places are followed by no digit)
  return end < s_.size() && s_[end] >= '0' && s_[end] <= '9' && opens_dateline_rest(end);
}

bool Resolver::opens_dateline_rest(size_t end) const {
  size_t p = end;
  for (std::string_view unit : {"月", "日"}) {
    size_t digits = 0;
    while (p < s_.size() && s_[p] >= '0' && s_[p] <= '9' && digits < 2) ++p, ++digits;
    if (digits == 0 || !s_.substr(p).starts_with(unit)) return false;
    p += unit.size();
  }
  return starts_with_word(s_.substr(p), Role::dateline);
}

void Resolver::widen_to_prefectures() {
  for (size_t i = 0; i < places_.size(); ++i) {
    Mention& m = places_[i];
    if (m.place->level != PlaceLevel::county || m.place->prefecture.empty()) continue;
    bool several = one_of_counties(m), listed = several || listed_after_prefecture(i);
    if (!listed && !names_prefecture_hospital(i)) continue;
    const Place* wider = find_place(m.place->prefecture);
    if (!wider) continue;
    m.place = wider;
    m.spans = listed;
    // (the counties listed before it with it: 温宿县、阿瓦提县等…, or their institutions:
    // 大方县人民医院、织金县人民医院等5家县级医院)
    for (size_t j = i; several && j > 0 && places_[j - 1].place->level == PlaceLevel::county &&
                       places_[j - 1].place->prefecture == wider->name && listed_before(j - 1, j);
         --j) {
      places_[j - 1].place = wider;
      places_[j - 1].spans = true;
    }
  }
}

bool Resolver::listed_before(size_t i, size_t next) const {
  constexpr size_t kMaxInstitution = 24;  // bytes: 人民医院, 妇幼保健院
  std::string_view between = s_.substr(places_[i].end, places_[next].start - places_[i].end);
  return closes_item(between, {"、"}, kMaxInstitution);
}

bool Resolver::names_prefecture_hospital(size_t i) const {
  const Mention& m = places_[i];
  std::string_view before = s_.substr(0, m.start);
  bool of_prefecture = before.ends_with("州") || before.ends_with("地区");
  bool own_name = i > 0 && places_[i - 1].end == m.start;  // 博州精河县: a prefecture's county
  return of_prefecture && !own_name && s_.substr(m.start, m.end - m.start) != m.place->name &&
         s_.substr(m.end).starts_with("医院");
}

bool Resolver::listed_after_prefecture(size_t i) const {
  if (i == 0) return false;
  const Mention& prefecture = places_[i - 1];
  const Mention& m = places_[i];
  if (prefecture.place->level != PlaceLevel::prefecture ||
      m.place->prefecture != prefecture.place->name) {
    return false;
  }
  // (the prefecture's institution, if any, then 、, 和 or 及: the items after one widened before
  // it, 克州人民医院、阿克陶县人民医院和乌恰县人民医院, are its prefecture's now too)
  std::string_view between = s_.substr(prefecture.end, m.start - prefecture.end);
  return closes_item(between, {"、", "和", "及"}, between.size());
}

bool Resolver::lead_counts_units_of(const Place* place) const {
  if (!place || place->level == PlaceLevel::country) return false;
  for (const Mention& m : places_) {
    if (m.start >= lead_end_) break;
    bool area = m.place == place || inside(place, m.place);
    if (area && m.side != Side::from && m.place->level != PlaceLevel::county &&
        counts_units_at(m.end)) {
      return true;
    }
  }
  return false;
}

size_t Resolver::past_names_to_etc(size_t pos) const {
  constexpr size_t kMaxList = 48;  // bytes: a few short names, 甘孜、阿坝、凉山
  constexpr std::string_view kEtc = "等", kMark = "、";
  std::string_view rest = s_.substr(pos, kMaxList);
  size_t etc = text::find(rest, kEtc);
  if (etc == rest.npos) return pos;
  std::string_view list = rest.substr(0, etc);
  for (size_t p = 0; p < list.size();) {
    size_t name = han_run(list.substr(p));
    if (name == 0) break;
    p += name;
    if (p == list.size()) return pos + etc + kEtc.size();
    if (!list.substr(p).starts_with(kMark)) break;
    p += kMark.size();
  }
  return pos;
}

bool Resolver::counts_units_at(size_t pos) const {
  pos = past_names_to_etc(pos);
  size_t digits = pos;
  while (pos < s_.size() && is_count_digit(code_point_at(s_, pos))) {
    pos = next_char(s_, pos);
  }
  return pos > digits && starts_with_word(s_.substr(pos), Role::units);
}

bool Resolver::one_of_counties(const Mention& m) const {
  constexpr size_t kMaxName = 24, kMaxUnit = 18;  // bytes: 人民医院…; 家县级医院
  constexpr std::string_view kEtc = "等", kMark = "、", kCounty = "县";
  // 墨江、景东、澜沧等县: the other counties' short names, then 等 and 县 right after it
  if (s_.substr(m.end).starts_with(kMark)) {
    size_t first = m.end + kMark.size(), past = past_names_to_etc(first);
    return past != first && s_.substr(past).starts_with(kCounty);
  }
  std::string_view after = s_.substr(m.end, kMaxName);
  size_t at = text::find(after, kEtc);
  if (at == after.npos) return false;  // (most places: no 等 after them)
  std::string_view name = after.substr(0, at);
  for (std::string_view mark : {"、", ",", "。"}) {
    if (name.find(mark) != name.npos) return false;
  }
  size_t p = m.end + at + kEtc.size();
  if (s_.substr(p).starts_with(kCounty)) return true;  // (岳普湖县人民医院等县级医院)
  if (p >= s_.size() || !is_count_digit(code_point_at(s_, p))) {
    return false;
  }
  return text::find(s_.substr(p, kMaxUnit), kCounty) != std::string_view::npos;
}

void Resolver::find_publisher() {
  auto place = [](std::string_view line) { return institution_place(line); };
  publisher_ = in_blocks({BlockKind::metadata, BlockKind::boilerplate}, place);
  if (!publisher_) publisher_ = in_credits(place);
  if (!publisher_) publisher_in_title_ = (publisher_ = in_blocks({BlockKind::title}, place));
  // (none: no line of the title, metadata or credits opens an institution's name, which
  // bodies(Role::institution) would read them all again for, for own_area_of)
  if (!publisher_) memo_.bodies.emplace_back(Role::institution, std::vector<const Place*>());
}

const Place* Resolver::hospital_of_report(const std::vector<PlaceMention>& found,
                                          bool title_only) const {
  const Place* city = nullptr;
  bool several = false, title = false;
  for (const PlaceMention& m : found) {
    if (m.how != PlaceMention::How::institution) continue;
    const Place* place = m.place ? m.place : resolve_institution(m.prefix, found);
    if (!place) continue;
    if (is_title(m.start)) {
      city = place, several = false, title = true;
      break;
    }
    several = several || (city && city != place);
    if (!city) city = place;
  }
  if (!city || several || (title_only && !title)) return nullptr;
  return says_own() ? city : nullptr;  // (asked last: most reports name no such hospital)
}

bool Resolver::says_own() const {
  if (!memo_.says_own) {
    const std::vector<std::string_view>& own = words(Role::own_institution);
    memo_.says_own =
        std::any_of(own.begin(), own.end(), [&](std::string_view w) { return in_body(w); });
  }
  return *memo_.says_own;
}

void Resolver::mark_self_named(std::vector<PlaceMention>& found) const {
  std::vector<std::string_view> not_alone;      // (a name searched once: 县人民医院 recurs)
  const std::span<PlaceMention> places(found);  // (held: as read_sides)
  for (size_t i = 0; i < places.size(); ++i) {
    PlaceMention& m = places[i];
    if (!m.place || m.place->level == PlaceLevel::county || m.how == PlaceMention::How::programme ||
        m.how == PlaceMention::How::programme_prefix || m.how == PlaceMention::How::institution ||
        (i + 1 < places.size() && places[i + 1].start == m.end)) {
      continue;
    }
    std::string_view name = institution_name_at(m.end);
    if (name.empty() || std::find(not_alone.begin(), not_alone.end(), name) != not_alone.end()) {
      continue;
    }
    if (opens_clause_alone(name)) {
      m.how = PlaceMention::How::institution;
    } else {
      not_alone.push_back(name);
    }
  }
}

std::string_view Resolver::institution_name_at(size_t pos) const {
  constexpr size_t kName = 36;  // bytes of the name (twelve characters), as institution_place
  std::string_view run = s_.substr(pos, kName);
  // (an ideograph first, before the scan of the run: the name is one's run, and many places are
  // followed by a mark)
  if (run.empty() || !is_han(text::code_point_at(run, 0))) return {};
  if (!contains_word(run, Role::institution) || starts_with_word(run, Role::institution)) {
    return {};
  }
  for (size_t end = 0; end < run.size();) {
    char32_t c = text::code_point_at(run, end);
    if (!is_han(c)) break;
    end = text::next_char(run, end);
    // (the words' last two bytes asked inline before the call, as add_mentions does: the roles
    // are read, by contains_word above)
    if (!words_detail::closes_none(run.substr(0, end), Role::institution) &&
        ends_with_word(run.substr(0, end), Role::institution)) {
      return run.substr(0, end);
    }
  }
  return {};
}

bool Resolver::opens_clause_alone(std::string_view name) const {
  bool alone = false;
  for_each_in_body(name, [&](size_t at) {
    char32_t c = at == 0 ? 0 : text::code_point_at(s_, text::previous_char(s_, at));
    alone = alone || !is_han(c);
  });
  return alone;
}

const std::vector<std::pair<size_t, size_t>>& Resolver::yuan_in_body() const {
  if (memo_.yuan) return *memo_.yuan;
  memo_.yuan.emplace();
  // (room for a report's usual scores at once: grown from one, each report reallocated it ~5 times)
  memo_.yuan->reserve(64);
  // (memchr for its last byte and its other two compared in place: a search for the word called
  // memcmp at each 院)
  static_assert(kYuan.size() == 3);
  auto b = doc_.blocks.begin();
  for (size_t end = 2; end < s_.size(); ++end) {
    const void* hit = std::memchr(s_.data() + end, kYuan[2], s_.size() - end);
    if (!hit) break;
    end = static_cast<size_t>(static_cast<const char*>(hit) - s_.data());
    if (s_[end - 1] != kYuan[1] || s_[end - 2] != kYuan[0]) continue;
    size_t at = end - 2;
    while (b != doc_.blocks.end() && b->end < at + kYuan.size()) ++b;
    if (b == doc_.blocks.end()) break;
    if (b->start <= at && is_countable(b->kind)) memo_.yuan->emplace_back(at, b->start);
  }
  return *memo_.yuan;
}

bool Resolver::in_body(std::string_view word) const {
  bool found = false;
  for_each_in_body(word, [&](size_t) { found = true; });
  return found;
}

const Place* Resolver::institution_place(std::string_view line, Role role) {
  if (!contains_word(line, role)) return nullptr;
  constexpr size_t kName = 36;  // bytes of the name after its place (twelve characters)
  // a label's mark before the name (a page's credits are not normalized: full width too)
  static constexpr std::array<std::string_view, 10> kMarks = {":",  "/",  "(",  " ",  "　",
                                                              "：", "／", "（", "\t", "|"};
  for (const PlaceMention& m : find_places(line)) {
    std::string_view before = line.substr(0, m.start);
    bool opens = before.empty() || std::any_of(kMarks.begin(), kMarks.end(),
                                               [&](auto mark) { return before.ends_with(mark); });
    if (!m.place || !opens) continue;
    std::string_view name = line.substr(m.end, kName);
    if (contains_word(name.substr(0, han_run(name)), role)) return m.place;
  }
  return nullptr;
}

const Place* Resolver::own_area_of(std::string_view word) const {
  static constexpr std::array<std::string_view, 3> kLevels = {"省", "市", "区"};
  static constexpr std::u32string_view kLevelChars = U"省市区";  // (kLevels' characters)
  // the first of kLevels the word holds (its characters read: a word of two, where a search
  // for each level called memchr)
  size_t level = kLevels.size();
  for (size_t p = 0; p < word.size(); p = text::next_char(word, p)) {
    level = std::min(level, kLevelChars.find(text::code_point_at(word, p)));
  }
  if (level == kLevels.size()) return nullptr;
  // (once per level: most words of own_area name the province, 全省, 我省, 省内, 省级)
  std::optional<const Place*>& area = memo_.own_areas[level];
  if (area) return *area;
  area = nullptr;
  for (Role role : {Role::authority, Role::institution, Role::paper}) {
    if (const Place* body = named_body(role, kLevels[level])) {
      area = body;
      break;
    }
  }
  return *area;
}

const Place* Resolver::named_body(Role role, std::string_view level) const {
  for (const Place* p : bodies(role)) {
    if (p->name.ends_with(level)) return p;
  }
  return nullptr;
}

const std::vector<const Place*>& Resolver::bodies(Role role) const {
  for (const auto& [name, places] : memo_.bodies) {
    if (name == role) return places;
  }
  std::vector<const Place*> places;
  auto add = [&](std::string_view line) -> const Place* {
    if (const Place* p = institution_place(line, role)) places.push_back(p);
    return nullptr;  // (on to the next line)
  };
  in_blocks({BlockKind::title, BlockKind::metadata}, add);
  in_credits(add);
  return memo_.bodies.emplace_back(role, std::move(places)).second;
}

void Resolver::add_own_institution(std::vector<PlaceMention>& found) const {
  size_t before = found.size();
  auto add = [&](Role role, auto place_of) {
    for (std::string_view w : words(role)) {
      const Place* place = place_of(w);
      if (!place) continue;
      for_each_in_body(w, [&](size_t at) {
        found.push_back({at, at + w.size(), place, PlaceMention::How::official, {}});
      });
    }
  };
  add(Role::own_institution, [&](std::string_view) { return publisher_; });
  add(Role::own_area, [&](std::string_view w) { return own_area_of(w); });
  if (found.size() == before) return;
  sort_by_start(found);
}

void Resolver::add_counties_of_named(std::vector<PlaceMention>& found,
                                     const std::vector<PlaceMention>& alone) const {
  if (alone.empty()) return;  // (most reports: none)
  size_t before = found.size();
  for (PlaceMention a : alone) {
    // (the counties added are no prefecture that county_named_alone would read)
    const Place* county = county_named_alone(a, found, alone);
    if (!county || overlaps(found, a.start, a.end)) continue;
    a.place = county;
    found.push_back(a);
  }
  if (found.size() == before) return;
  sort_by_start(found);
}

void Resolver::add_county_short_forms(std::vector<PlaceMention>& found) const {
  // the counties named, each once, with where the report first names it and its short form
  // (empty: none, a county kept so that its name is read once)
  struct Named {
    const Place* county;
    size_t end;
    std::string_view short_form;
  };
  thread_local std::vector<Named> counties;  // (reused: see read_places)
  counties.clear();
  bool any_short = false;
  for (const PlaceMention& m : found) {
    // (the level first, and the short form of a county not met before only: most places are
    // none, or named again)
    if (!m.place || m.place->level != PlaceLevel::county) continue;
    auto named = [&](const Named& c) { return c.county == m.place; };
    if (std::any_of(counties.begin(), counties.end(), named)) continue;
    counties.push_back({m.place, m.end, county_short_form(*m.place)});
    any_short = any_short || !counties.back().short_form.empty();
  }
  if (!any_short) return;  // (most reports: no county of such a name)
  std::vector<PlaceMention> added;
  // (one search per use, not a scan of them all; built at the first use: most short forms have
  // none after the name in full)
  std::optional<SpanIndex> known;
  for (const Named& named : counties) {
    // (no structured binding: clang 14 cannot capture one in a lambda, and scripts/fuzz uses it)
    const Place* county = named.county;
    std::string_view short_form = named.short_form;
    if (short_form.empty()) continue;
    // (after the name in full, as a report abbreviates what it has introduced; not in the
    // title, which names its subject before the body does)
    for_each_in_body_from(named.end, short_form, [&](size_t use) {
      size_t end = use + short_form.size();
      if (!known) known = SpanIndex::of(found);
      if (!is_title(use) && !known->overlaps(use, end)) {
        added.push_back({use, end, county, PlaceMention::How::short_name, {}});
      }
    });
  }
  if (added.empty()) return;
  // 重庆城口、巫溪、酉阳等14个区县: an item of a list whose neighbours are no places named is one
  // of many counties the report does not name in full, not the receiver alone
  std::vector<size_t> starts, ends;  // of the places named and added, sorted: searched per item
  for (const std::vector<PlaceMention>* list : {&found, &added}) {
    for (const PlaceMention& m : *list) {
      starts.push_back(m.start);
      ends.push_back(m.end);
    }
  }
  std::sort(starts.begin(), starts.end());
  std::sort(ends.begin(), ends.end());
  constexpr std::string_view kMark = "、";
  std::erase_if(added, [&](const PlaceMention& m) {
    bool item_after = s_.substr(m.end).starts_with(kMark);
    bool item_before = s_.substr(0, m.start).ends_with(kMark);
    return (item_after &&
            !std::binary_search(starts.begin(), starts.end(), m.end + kMark.size())) ||
           (item_before && !std::binary_search(ends.begin(), ends.end(), m.start - kMark.size()));
  });
  if (added.empty()) return;
  found.insert(found.end(), added.begin(), added.end());
  sort_by_start(found);
}

const Place* Resolver::county_named_alone(const PlaceMention& name,
                                          const std::vector<PlaceMention>& named,
                                          const std::vector<PlaceMention>& alone) const {
  std::string_view official = name.place->name;
  if (const Place* county = county_in_named(official, named, PlaceLevel::prefecture)) {
    return county;
  }
  // (东区, 西区, 矿区: a district's name of two characters is an ordinary word)
  if (is_shared_name(official) || official.ends_with("区")) return nullptr;
  for (const PlaceMention& a : alone) {
    if (a.place == name.place && opens_name(a.start) && names_own_body(a.end)) return a.place;
  }
  return nullptr;
}

bool Resolver::opens_name(size_t pos) const {
  if (pos == 0) return true;
  size_t last = text::previous_char(s_, pos);
  char32_t c = text::code_point_at(s_, last);
  // (after a mark that opens or breaks, not one that closes: 县人民医院(医共体总院)和县中医院)
  static constexpr std::u32string_view kClosing = U")）”」』》】]";
  if (!is_han(c)) return kClosing.find(c) == std::u32string_view::npos;
  static constexpr std::u32string_view kDateUnits = U"年月日";
  if (kDateUnits.find(c) != std::u32string_view::npos) {
    return last > 0 && s_[last - 1] >= '0' && s_[last - 1] <= '9';
  }
  return ends_with_word(s_.substr(0, pos), Role::toward);
}

bool Resolver::names_own_body(size_t pos) const {
  std::string_view rest = s_.substr(pos);
  return starts_with_word(rest, Role::hospital) || starts_with_word(rest, Role::county_network) ||
         starts_with_word(rest, Role::authority);
}

void Resolver::add_short_names(std::vector<PlaceMention>& found) const {
  constexpr size_t kMaxName = 36, kMaxShort = 24;  // bytes: twelve and eight characters
  std::vector<PlaceMention> added;
  auto read = [&](size_t at) {  // 简称 at `at`
    std::string_view before = s_.substr(0, at);
    if (before.ends_with("以下")) before.remove_suffix(std::string_view("以下").size());
    if (!before.ends_with("(") && !before.ends_with("（")) return;
    size_t open = before.size() - (before.ends_with("(") ? 1 : std::string_view("（").size());
    std::string_view rest = s_.substr(at + std::string_view("简称").size());
    if (rest.starts_with(":") || rest.starts_with("：")) rest.remove_prefix(rest[0] == ':' ? 1 : 3);
    // (以下简称海珠二院): without quotation marks, the ideographs up to the bracket's close
    bool quoted = rest.starts_with("“");
    if (quoted) rest.remove_prefix(std::string_view("“").size());
    size_t close = quoted ? rest.substr(0, kMaxShort + 1).find("”") : han_run(rest);
    if (close == std::string_view::npos || close == 0 || close > kMaxShort) return;
    if (!quoted && !rest.substr(close).starts_with(")") && !rest.substr(close).starts_with("）")) {
      return;
    }
    std::string_view short_name = rest.substr(0, close);
    // the place that opens the name right before the bracket (周口市 of 周口市中心医院)
    auto named = std::find_if(found.rbegin(), found.rend(),
                              [&](const PlaceMention& m) { return m.end <= open; });
    if (named == found.rend() || !named->place || open - named->end > kMaxName ||
        (named->place->level == PlaceLevel::county && !follows_its_city(found, named)) ||
        named->place->level == PlaceLevel::country) {
      return;
    }
    if (han_run(s_.substr(named->end, open - named->end)) != open - named->end) return;
    const Place* place = named->place;
    size_t from = short_name.data() - s_.data() + short_name.size();
    for_each_in_body_from(from, short_name, [&](size_t use) {
      if (!overlaps(found, use, use + short_name.size())) {
        added.push_back({use, use + short_name.size(), place, PlaceMention::How::institution, {}});
      }
    });
  };
  // 简称 where it follows an opening bracket (and 以下), in the body: the brackets are found
  // first, few in a report, where a search for 简称 stopped at every character that ends with
  // 称's last byte (a thirtieth of them)
  constexpr std::string_view kCue = "简称", kBelow = "以下";
  std::vector<size_t> cues;
  for (std::string_view open : {"(", "（"}) {
    for (size_t p = s_.find(open); p != s_.npos; p = s_.find(open, p + 1)) {
      size_t at = p + open.size();
      if (s_.substr(at).starts_with(kBelow)) at += kBelow.size();
      if (s_.substr(at).starts_with(kCue)) cues.push_back(at);
    }
  }
  std::sort(cues.begin(), cues.end());
  for (size_t at : cues) {
    const Block* b = block_at(at);
    if (b && is_countable(b->kind) && at + kCue.size() <= b->end) read(at);
  }
  if (added.empty()) return;
  found.insert(found.end(), added.begin(), added.end());
  sort_by_start(found);
}

void Resolver::add_plain_country_names(std::vector<PlaceMention>& found) const {
  std::vector<const Place*> plain;  // the countries named whose name alone is no place
  for (const PlaceMention& m : found) {
    const Place* p = m.place;
    if (!p || !p->plain_name) continue;
    if (std::find(plain.begin(), plain.end(), p) == plain.end()) plain.push_back(p);
  }
  std::vector<PlaceMention> added;
  for (const Place* p : plain) {
    for_each_in_body(p->name, [&](size_t use) {
      size_t end = use + p->name.size();
      if (overlaps(found, use, end)) return;
      if (ends_with_word(s_.substr(0, use), Role::toward)) {
        added.push_back({use, end, p, PlaceMention::How::short_name, {}});
      }
    });
  }
  if (added.empty()) return;
  found.insert(found.end(), added.begin(), added.end());
  sort_by_start(found);
}

bool Resolver::follows_its_city(const std::vector<PlaceMention>& found,
                                std::vector<PlaceMention>::const_reverse_iterator m) {
  auto city = std::next(m);
  return city != found.rend() && city->place && city->end == m->start &&
         city->place->name == m->place->prefecture && m->place->name.ends_with("区");
}

void Resolver::add_this_hospital(std::vector<PlaceMention>& found) const {
  constexpr std::string_view kThis = "该院";
  constexpr size_t kMaxName = 36;  // bytes: twelve characters
  std::vector<PlaceMention> added;
  for_each_in_body(kThis, [&](size_t at) {
    const Block& b = *block_at(at);
    size_t clause = r_.clause_at(at);
    if (clause == r_.clauses.size() || r_.clauses[clause].start != at) return;
    // (from the last place before it: found is in order of start)
    auto before = std::partition_point(found.begin(), found.end(),
                                       [&](const PlaceMention& p) { return p.start < at; });
    for (auto m = std::make_reverse_iterator(before); m != found.rend(); ++m) {
      if (m->end > at) continue;
      if (m->start < b.start || !m->place) break;
      if (m->how != PlaceMention::How::institution) {
        std::string_view name = s_.substr(m->end, std::min(kMaxName, at - m->end));
        size_t hospital = text::find(name, "医院");
        if (hospital == std::string_view::npos) continue;
        if (han_run(name) < hospital) continue;  // the name runs on in ideographs to 医院
      }
      if (m->place->level == PlaceLevel::county &&
          ends_with_word(s_.substr(b.start, m->start - b.start), Role::aid)) {
        continue;
      }
      // (a county's hospital sending down to its townships gives: 该院向全县23个乡镇卫生院…)
      bool sends_down = m->place->level == PlaceLevel::county &&
                        has_word(at, r_.clauses[clause].end, Role::townships);
      if ((m->place->level == PlaceLevel::county && !sends_down) ||
          m->place->level == PlaceLevel::country) {
        break;
      }
      added.push_back({at, at + kThis.size(), m->place, PlaceMention::How::institution, {}});
      break;
    }
  });
  if (added.empty()) return;
  found.insert(found.end(), added.begin(), added.end());
  sort_by_start(found);
}

void Resolver::add_level_hospitals(std::vector<PlaceMention>& found) const {
  if (!one_province(found)) return;  // (most reports: places of two provinces, or none)
  std::vector<std::pair<size_t, size_t>> statements;
  for (const Block& b : doc_.blocks) {
    if (is_countable(b.kind)) statements.emplace_back(b.start, b.end);
  }
  std::vector<LevelHospital> hospitals = find_level_hospitals(s_, statements, found);
  if (hospitals.empty()) return;
  std::vector<PlaceMention> credits;  // the places of the report's source and credit lines
  auto add = [&](std::string_view line) -> const Place* {
    std::vector<PlaceMention> named = find_places(line);
    credits.insert(credits.end(), named.begin(), named.end());
    return nullptr;  // (on to the next line)
  };
  in_blocks({BlockKind::metadata}, add);
  in_credits(add);
  LevelAreas areas = level_areas(found, credits);
  SpanIndex short_names = SpanIndex::of(  // (of the institutions named)
      found, [](const PlaceMention& m) { return m.how == PlaceMention::How::institution; });
  std::vector<PlaceMention> added;
  for (const LevelHospital& h : hospitals) {
    if (short_names.overlaps(h.start, h.end)) continue;
    if (const Place* area = level_area(h, areas)) {
      added.push_back({h.start, h.end, area, PlaceMention::How::institution, {}});
    }
  }
  if (added.empty()) return;
  found.insert(found.end(), added.begin(), added.end());
  sort_by_start(found);
}

Side Resolver::side_of(size_t i) {
  const std::span<Mention> places(places_);  // (held: as read_sides)
  const Mention& m = places[i];
  const Clause& c = r_.clauses[m.clause];
  // 中国(山西)援喀麦隆医疗队, 江苏援外医疗队: the province of a national team, a place before 援
  // 湖南省第二十二批援塞拉利昂医疗队: past the team's ordinal, and past its hospital's name
  // before the ordinal (宁波市北仑区第二人民医院第三批援川医疗队)
  // 在江苏省对口支援下: the supporter (giver_before, giver_after: data/context.tsv)
  size_t past = past_ordinal(s_, m.end);
  // (a hospital's name looked for only where 批 follows in the clause: most places have no
  // team's ordinal after them)
  constexpr size_t kName = 36;  // bytes: twelve characters, as institution_name_at
  std::string_view ahead = s_.substr(m.end, std::min(kName, c.end - std::min(c.end, m.end)));
  if (past == m.end && holds_batch(ahead)) {
    size_t named = m.end + institution_name_at(m.end).size();
    if (size_t ordinal = past_ordinal(s_, named); ordinal != named) past = ordinal;
  }
  std::string_view after = s_.substr(past, std::min<size_t>(c.end - std::min(c.end, past), 24));
  if (text::starts_with(after, ")")) after.remove_prefix(1);
  // (the words' first and last two bytes asked inline before the calls, as add_mentions does:
  // most places follow and precede no word of giving)
  const bool read = words_detail::roles_read.load(std::memory_order_acquire);
  std::string_view before = s_.substr(0, m.start);
  if (((!read || !words_detail::opens_none(after, Role::giver_before)) &&
       starts_with_word(after, Role::giver_before)) ||
      ((!read || !words_detail::closes_none(before, Role::giver_after)) &&
       ends_with_word(before, Role::giver_after))) {
    return Side::from;
  }
  // (most places are the only one of their clause: no list, partner or place of a programme
  // word after them, nor a receiver before them, which the rules below look at)
  bool next_in_clause = i + 1 < places.size() && places[i + 1].clause == m.clause;
  // 阳谷县和东阿县由市中医医院联合帮扶: places right before 由 in a clause of aid are aided by
  // what follows it (a place alone: right before it)
  // (text::word_at, here and below: most places have no 由 right after or before)
  constexpr std::string_view kBy = "由";
  if ((next_in_clause || text::word_at(s_, m.end, s_.size(), kBy)) && aided_by_later(i)) {
    places[i].aided = true;
    return Side::to;
  }
  // 青岛市与甘肃省陇南市深化东西部协作, 永州市第三人民医院与宁远县人民医院签订对口帮扶协议,
  // 大连—六盘水东西部协作: the first of a pair of partners in a clause of aid gives, and so
  // does the first of a dashed pair that heads its paragraph in a review (江苏—海南:江苏省…)
  // (the clause is searched for a word of aid last: most places have no partner)
  if (size_t j = next_in_clause ? partner_after(i) : kNone;
      j != kNone && !inside(m.place, places[j].place) &&
      (heads_pair(i, j) || contains_word(s_.substr(c.start, c.end - c.start), Role::aid))) {
    return Side::from;
  }
  for (size_t k = i + 1; k < places.size() && places[k].clause == m.clause; ++k) {
    const Mention& later = places[k];
    bool programme = later.side == Side::to && !same_area(m.place, later.place);
    bool adjacent = later.start <= m.end + 3;
    if (programme && (adjacent || k == i + 1)) return Side::from;
  }
  if (m.start >= c.start + kBy.size() && text::word_at(s_, m.start - kBy.size(), m.start, kBy)) {
    // 由北京市卫生健康委组派: the sender; 由佛山市第一人民医院牵头帮扶: the one that aids
    for (size_t k = c.first_frame; k < c.end_frame; ++k) {
      const Frame* f = r_.frames[k].frame;
      if (r_.frames[k].start >= m.end && (f->subject == Side::from || is_aid(*f))) {
        return sender(i);
      }
    }
  }
  // (the place before receiving asked first: most have no side yet)
  if (i > 0 && places[i - 1].clause == m.clause && places[i - 1].side == Side::to &&
      partner_of_receiver(i)) {
    return Side::from;
  }
  // 郑州市派出200名、洛阳市派出150名: each item's place is the subject of its own verb of
  // sending, not a place after the first item's verb
  // (the last byte of a list mark right before it asked first: most places follow none)
  if (m.start > 0 && s_[m.start - 1] == "、"[2] && opens_listed_sending(i)) return Side::from;
  constexpr size_t kMaxGap = 30;  // bytes between the marker and the place (分赴西藏、新疆)
  Side side = Side::none;
  const Frame* marker = nullptr;
  for (size_t k = c.first_frame; k < c.end_frame; ++k) {
    const FrameHit& hit = r_.frames[k];
    if (hit.frame->place_after == Side::none || hit.end > m.start) continue;
    if (m.start - hit.end <= kMaxGap) side = hit.frame->place_after, marker = hit.frame;
  }
  // 选送错那市人民医院8名骨干到…进修: the place of the persons a verb of sending to study
  // counts (its institution, then the count) is where they come from, which receives
  if (side == Side::from && marker->persons == Persons::trainees && counts_persons_after(m)) {
    side = Side::to;
  }
  places[i].visited = side == Side::from;
  places[i].aided = side == Side::to && is_aid(*marker);
  // 赴上海进修: a place one goes to (a marker of place only) for study; not the object of a
  // verb of its own (接收东乡县…医护人员到厦门进修: 东乡县 is where they come from)
  bool goes_to = marker && marker->persons == Persons::none;
  for (size_t k = c.first_frame; k < c.end_frame && side == Side::to && goes_to; ++k) {
    const FrameHit& hit = r_.frames[k];  // 赴上海进修: where they go to study is the giver
    bool study = hit.frame->persons == Persons::trainees && hit.frame->governs != Governs::after;
    if (hit.start >= m.end && study && hit.frame->place_after == Side::from) {
      places[i].visited = true;
      return Side::from;
    }
  }
  if (side != Side::none) return side;
  if (kicker(m)) return Side::none;
  if (opens_clause(i)) {  // the clause's subject, before a verb whose subject gives (or
    // receives: 县医院与市医院组建医联体,接收下沉专家6名: the host of the experts), in its
    // clause or a later one of its sentence that no other place opens
    if (helped(m) || listed_receiver(m)) return Side::to;
    // (no verb in the rest of its sentence: the subject's end, which the verbs below are read up
    // to, not sought)
    if (c.first_frame == r_.clauses[sentence_of(m.clause).end_clause - 1].end_frame) {
      return Side::none;
    }
    size_t end = subject_end(i);
    for (size_t cl = m.clause; cl < end; ++cl) {
      for (size_t k = r_.clauses[cl].first_frame; k < r_.clauses[cl].end_frame; ++k) {
        const FrameHit& hit = r_.frames[k];
        if (hit.start < m.end || hit.frame->persons != Persons::experts) continue;
        if (cl != m.clause && (persons_as_partner(hit) || team_before(cl, hit))) continue;
        if (hit.frame->subject == Side::to) return Side::to;
        if (hit.frame->subject == Side::from && !sent_to_study(cl, k)) {
          return topic_receiver(i, k, end) ? Side::to : sender(i);
        }
      }
    }
    // 乌鲁木齐市天山医学中心对口帮扶和田地区墨玉县人民医院: the subject of a verb of aid whose
    // object is another place of the verb's clause gives, and so does the home of a team (data/
    // context.tsv) that goes there in its clause or in a later one that opens with the verb of
    // going (深圳一家医院的5名专家来到河池市凤山县;
    // 四川省人民医院组织巡回医疗队,深入凉山州昭觉县: a county of its own too; not 从沈阳到塔城),
    // not to study (通渭县选派45名骨干赴济南进修); so does its hospital that works there
    // (杭州市某医院在雷山县人民医院开展…)
    for (size_t k = c.first_frame; k < r_.clauses[end - 1].end_frame; ++k) {
      const FrameHit& hit = r_.frames[k];
      if (hit.start < m.end || hit.frame->place_after != Side::to) continue;
      size_t verb_clause = r_.clause_at(hit.start);
      bool opens_later = verb_clause != m.clause && hit.start <= r_.clauses[verb_clause].start + 3;
      size_t team_end = verb_clause == m.clause ? hit.start : c.end;
      // (going and works are asked only where the verb is none of aid: its place gives anyway)
      bool aid = is_aid(*hit.frame);
      bool going = !aid && (verb_clause == m.clause || opens_later) &&
                   contains_word(s_.substr(m.end, team_end - m.end), Role::team) &&
                   !sent_to_study(verb_clause, k);
      // 杭州市钱江医院(钱江医院)在雷山县人民医院开展…: the place's hospital, named right before a
      // marker of where it works (its short name in brackets after it), works there
      bool works = false;
      if (!aid && !going && verb_clause == m.clause && hit.frame->persons == Persons::none) {
        std::string_view name = s_.substr(m.end, hit.start - std::min(hit.start, m.end));
        for (auto [open, close] : {std::pair{"(", ")"}, std::pair{"（", "）"}}) {
          if (name.ends_with(close)) name = name.substr(0, name.rfind(open));
        }
        works = !name.empty() && han_run(name) == name.size() &&
                ends_with_word(name, Role::institution) && !sent_to_study(verb_clause, k);
      }
      if (!aid && !going && !works) continue;
      for (size_t j = i + 1; j < places.size() && places[j].clause <= verb_clause; ++j) {
        const Place* object = places[j].place;
        // (甘肃省第二人民医院…对口支援渭源县人民医院: a province's hospitals aid a place of their
        // own)
        bool other = !same_area(object, m.place) || sends_within(object, m.place, aid);
        if (places[j].clause == verb_clause && places[j].start >= hit.end && other) {
          // works only where a hospital of the place follows the marker (在雷山县人民医院开展),
          // not wherever it holds a meeting (在宁波举办培训班)
          if (!aid && !going &&
              (places[j].start != hit.end || !names_institution_at(places[j].end))) {
            break;
          }
          // (天津帮扶专家在玛曲…: a verb of aid that names the team after it is the team's
          // home, not a sender in its own right)
          return starts_with_word(s_.substr(hit.end), Role::team) ? Side::from : sender(i);
        }
      }
    }
  }
  return Side::none;
}

bool Resolver::sought_care(const Mention& m, size_t marker_end) const {
  // (the marker first: most clauses have none before their places)
  const Clause& c = r_.clauses[m.clause];
  return marker_end <= m.start &&
         contains_word(s_.substr(c.start, m.start - c.start), Role::seeks_care);
}

size_t Resolver::first_marker_end(size_t clause) const {
  const Clause& c = r_.clauses[clause];
  size_t end = kNone;
  for (size_t k = c.first_frame; k < c.end_frame; ++k) {
    const FrameHit& hit = r_.frames[k];
    if (hit.frame->place_after == Side::to && hit.frame->persons == Persons::none) {
      end = std::min(end, hit.end);
    }
  }
  return end;
}

bool Resolver::aided_by_later(size_t i) const {
  const std::span<const Mention> places(places_);  // (held: as read_sides)
  constexpr std::string_view kBy = "由", kListMark = "、";
  const Mention& m = places[i];
  size_t last = i;
  for (; last + 1 < places.size() && places[last + 1].clause == m.clause; ++last) {
    std::string_view between =
        s_.substr(places[last].end, places[last + 1].start - places[last].end);
    // (is_word: most text between two places opens no word of partner, told by its first bytes)
    if (between != kListMark && !is_word(between, Role::partner)) break;
  }
  // (text::word_at: text::starts_with is a call here)
  if (!text::word_at(s_, places[last].end, s_.size(), kBy)) return false;
  const Clause& c = r_.clauses[m.clause];
  return contains_word(s_.substr(c.start, c.end - c.start), Role::aid);
}

bool Resolver::topic_receiver(size_t i, size_t k, size_t end) const {
  const Mention& m = places_[i];
  if (m.place->level != PlaceLevel::county) return false;
  // (下沉到乡镇卫生院, 向14个乡镇分院下沉: the persons go somewhere, below the county: its own
  // hospitals send them down, the county gives)
  for (size_t j = r_.clauses[m.clause].first_frame; j < r_.clauses[end - 1].end_frame; ++j) {
    bool after_place = j > k || (r_.frames[j].start >= m.end && j != k);
    if (after_place && r_.frames[j].frame->place_after == Side::to) return false;
  }
  for (size_t j = i + 1; j < places_.size() && places_[j].clause < end; ++j) {
    if (places_[j].start >= r_.frames[k].end) return false;
  }
  bool received = false, giver = false;
  for (size_t j = 0; j < i; ++j) {
    const Mention& p = places_[j];
    received = received || (p.place == m.place && p.side == Side::to);
    giver = giver || (p.side == Side::from && sends_within(m.place, p.place, false));
  }
  return received && giver;
}

bool Resolver::kicker(const Mention& m) const {
  // (the colon's first byte before the call: most places are followed by other text)
  return m.end < s_.size() && (s_[m.end] == ':' || s_[m.end] == "："[0]) && kicker_rest(m);
}

bool Resolver::kicker_rest(const Mention& m) const {
  if (!mark_at(m.end, ':', "：")) return false;
  return std::any_of(doc_.blocks.begin(), doc_.blocks.end(), [&](const Block& b) {
    return b.kind == BlockKind::title && b.start == m.start;
  });
}

bool Resolver::persons_as_partner(const FrameHit& hit) const {
  std::string_view after = s_.substr(hit.end, 24);
  for (std::string_view w : words(Role::team)) {
    if (after.starts_with(w) && starts_with_word(after.substr(w.size()), Role::partner))
      return true;
  }
  return false;
}

bool Resolver::team_before(size_t clause, const FrameHit& hit) const {
  constexpr size_t kName = 24;  // bytes
  size_t start = r_.clauses[clause].start;
  std::string_view subject = s_.substr(start, hit.start - std::min(hit.start, start));
  return subject.size() <= kName && han_run(subject) == subject.size() &&
         ends_with_word(subject, Role::team);
}

bool Resolver::helped(const Mention& m) const {
  size_t end = r_.clauses[m.clause].end;
  std::string_view rest = s_.substr(m.end, end - m.end);
  size_t at = text::find(rest, "在");
  return at != rest.npos && contains_word(rest.substr(at), Role::helped);
}

bool Resolver::receives_within(const Mention& m, const Place* giver) const {
  return sends_within(m.place, giver, m.aided) &&
         (m.side == Side::to ||
          (m.side == Side::none && starts_with_word(s_.substr(m.end), Role::hospital)));
}

bool Resolver::listed_receiver(const Mention& m) const {
  const Sentence& sentence = sentence_of(m.clause);
  for (size_t cl = sentence.first_clause; cl < m.clause; ++cl) {
    if (!ends_with_colon(cl)) continue;
    const Clause& c = r_.clauses[cl];
    for (size_t k = c.first_frame; k < c.end_frame; ++k) {
      const FrameHit& to = r_.frames[k];
      if (!is_toward(to.frame->verb)) continue;
      bool named = std::any_of(places_.begin(), places_.end(), [&](const Mention& p) {
        return p.start >= to.end && p.end <= c.end;
      });
      bool sends = std::any_of(r_.frames.begin() + k + 1, r_.frames.begin() + c.end_frame,
                               [](const FrameHit& h) { return h.frame->subject == Side::from; });
      if (!named && sends) return true;
    }
  }
  return false;
}

Side Resolver::sender(size_t i) {
  places_[i].sender = !is_title(places_[i].start);
  return Side::from;
}

bool Resolver::opens_clause(size_t i) const {
  const Mention& m = places_[i];
  const Clause& c = r_.clauses[m.clause];
  std::string_view before = s_.substr(c.start, m.start - c.start);
  // (the words' first or last two bytes asked inline before the calls, as add_mentions does)
  const bool read = words_detail::roles_read.load(std::memory_order_acquire);
  if ((!read || !words_detail::opens_none(before, Role::located)) &&
      starts_with_word(before, Role::located)) {
    return true;
  }
  if (is_word(before, Role::continues)) return true;
  if (before.size() > 3) return false;
  if ((!read || !words_detail::closes_none(before, Role::toward)) &&
      ends_with_word(before, Role::toward)) {
    return false;
  }
  for (size_t k = c.first_frame; k < c.end_frame; ++k) {
    if (r_.frames[k].end == m.start) return false;
  }
  return true;
}

size_t Resolver::subject_end(size_t i) const {
  const std::span<const Mention> places(places_);  // (held: as read_sides)
  const Clause& own = r_.clauses[places[i].clause];
  if (ends_with_word(s_.substr(own.start, own.end - own.start), Role::speaks) &&
      had_side_before(i, Side::to)) {
    return places[i].clause + 1;
  }
  const Sentence& sentence = sentence_of(places[i].clause);
  for (size_t j = i + 1; j < places.size() && places[j].clause < sentence.end_clause; ++j) {
    if (places[j].clause != places[i].clause && opens_clause(j)) return places[j].clause;
  }
  return sentence.end_clause;
}

bool Resolver::names_sender(const Place* place) const {
  return std::any_of(places_.begin(), places_.end(), [&](const Mention& m) {
    return m.sender && same_name(m.place->name, place->name);
  });
}

bool Resolver::sends_elsewhere_only(const Place* place, const Place* receiver) const {
  if (!receiver) return false;
  bool elsewhere = false;
  for (const Mention& m : places_) {
    if (!m.sender || !same_name(m.place->name, place->name)) continue;
    for (const Mention& p : mentions_of(m.clause, m.clause + 1)) {
      if (p.side != Side::to) continue;
      if (same_area(p.place, receiver)) return false;
      elsewhere = true;
    }
  }
  return elsewhere;
}

size_t Resolver::partner_after(size_t i) const {
  const Mention& m = places_[i];
  size_t j = i + 1;
  // (joined first: most places have no next one in their clause, or not close after them)
  if (j == places_.size() || !joined(i, j) || same_name(m.place->name, places_[j].place->name)) {
    return kNone;
  }
  if (text::starts_with(s_.substr(m.end), "—")) return j;
  size_t name = i;  // 十堰市郧西县人民医院: one name
  while (name > 0 && places_[name - 1].end == places_[name].start) --name;
  return opens_clause(name) ? j : kNone;
}

bool Resolver::heads_pair(size_t i, size_t j) const {
  const Clause& c = r_.clauses[places_[i].clause];
  return places_[i].start == c.start && places_[j].end == c.end &&
         s_.substr(places_[i].end).starts_with("—") && ends_with_colon(places_[i].clause) &&
         (c.start == 0 || s_[c.start - 1] == '\n');
}

bool Resolver::partner_of_receiver(size_t i) const {
  return i > 0 && places_[i - 1].side == Side::to && partner_after(i - 1) == i &&
         !inside(places_[i].place, places_[i - 1].place);
}

bool Resolver::joined(size_t i, size_t j) const {
  constexpr size_t kMaxGap = 24;  // bytes: 12家三级医院与
  if (places_[j].clause != places_[i].clause) return false;
  std::string_view between = s_.substr(places_[i].end, places_[j].start - places_[i].end);
  return between.size() <= kMaxGap && contains_word(between, Role::partner);
}

bool Resolver::partner_of_giver(size_t i) const {
  size_t name = i;
  while (name > 0 && places_[name - 1].end == places_[name].start) --name;
  // (most places: none gives before them, told before the call)
  return name > 0 && places_[name - 1].side == Side::from && joins_giver(i, name);
}

bool Resolver::joins_giver(size_t i, size_t name) const {
  const Mention& giver = places_[name - 1];
  size_t last = i;  // the name's most specific place (金州区 of 大连市金州区)
  while (last + 1 < places_.size() && places_[last].end == places_[last + 1].start) ++last;
  const Clause& c = r_.clauses[places_[i].clause];
  return joined(name - 1, name) && same_area(places_[last].place, giver.place) &&
         contains_word(s_.substr(places_[i].end, c.end - places_[i].end), Role::joint);
}

void Resolver::direct_speech(const Block& block,
                             std::vector<std::pair<size_t, size_t>>& out) const {
  out.clear();
  constexpr std::string_view kOpen = "“", kClose = "”";
  static_assert(
      kOpen.size() == 3 && kClose.size() == 3 && kOpen[0] == kClose[0] && kOpen[1] == kClose[1],
      "both marks are found by their first byte and told apart by their last");
  // One pass over the marks (memchr for their first byte): each open quote closes at the first
  // close quote after it, which the opens not closed yet share: the range of the first of them
  // holds the others'. (The other marks of that first byte, —, …, are many: their bytes are
  // compared in place, not by a call.)
  std::string_view line = s_.substr(block.start, block.end - block.start);
  size_t open = line.npos;  // the first open quote not closed yet
  for (size_t at = line.find(kOpen[0]); at != line.npos; at = line.find(kOpen[0], at + 1)) {
    char last = at + 2 < line.size() && line[at + 1] == kOpen[1] ? line[at + 2] : '\0';
    if (last == kOpen[2] && open == line.npos) open = at;
    if (last != kClose[2] || open == line.npos) continue;
    std::string_view inner = line.substr(open, at - open);
    if (inner.ends_with("。") || inner.ends_with("!") || inner.ends_with("?")) {
      out.emplace_back(block.start + open, block.start + at);
    }
    open = line.npos;
  }
}

bool Resolver::sent_to_study(size_t clause, size_t k) const {
  const Clause& c = r_.clauses[clause];
  for (size_t j = k + 1; j < c.end_frame; ++j) {
    const Frame* f = r_.frames[j].frame;
    if (f->persons == Persons::trainees && f->governs != Governs::after &&
        f->place_after == Side::from) {
      return true;
    }
  }
  return false;
}

bool Resolver::listed_after_origin(size_t i) const {
  static constexpr std::array<std::string_view, 4> kMarks = {"、", "和", "及", " "};
  const Mention& m = places_[i];
  size_t begin = r_.clauses[m.clause].start;
  std::string_view before = s_.substr(begin, m.start - begin);
  // (the list runs on to the place: a mark, the word of origin or a place of the list ends right
  // before it, or a place reaches past its start; most places have none of those, and need no
  // search of their clause)
  // (the last two bytes of the words of origin asked inline before the call, as add_mentions
  // does)
  bool runs_on = ((!words_detail::roles_read.load(std::memory_order_acquire) ||
                   !words_detail::closes_none(before, Role::origin)) &&
                  ends_with_word(before, Role::origin)) ||
                 std::any_of(kMarks.begin(), kMarks.end(),
                             [&](std::string_view mark) { return text::ends_with(before, mark); });
  for (size_t k = i; !runs_on && k-- > 0 && places_[k].clause == m.clause;) {
    runs_on = places_[k].end >= m.start;
  }
  if (!runs_on) return false;
  if (!contains_word(before, Role::origin)) return false;  // most places: no rfind at every byte
  size_t at = before.npos, length = 0;
  for (std::string_view w : words(Role::origin)) {
    size_t found = before.rfind(w);
    if (found != before.npos && (at == before.npos || found > at)) at = found, length = w.size();
  }
  if (at == before.npos) return false;
  size_t p = begin + at + length;
  size_t k = i;
  while (k > 0 && places_[k - 1].clause == m.clause && places_[k - 1].start >= p) --k;
  for (; p < m.start;) {  // only places and list marks between
    if (k < i && places_[k].start == p) {
      p = places_[k++].end;
      continue;
    }
    std::string_view rest = s_.substr(p, m.start - p);
    size_t n = 0;
    for (std::string_view mark : kMarks) {
      if (rest.starts_with(mark)) n = mark.size();
    }
    if (!n) return false;
    p += n;
  }
  return true;
}

}  // namespace facts_detail::context
}  // namespace zhreport
