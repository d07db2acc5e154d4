#include "level_hospitals.h"

#include <algorithm>
#include <string_view>

#include "context_words.h"
#include "document_text.h"
#include "span_index.h"

namespace zhreport::facts_detail {
namespace {

// Characters that make a word of the 省 or 市 after them (全省, 我省, 本市, 城市, 县市, 两市医院):
// no hospital's level.
constexpr std::u32string_view kWordBefore = U"城全各本我外该省市县州区地两";

// The marks between two hospitals of one list (省立医院、省肿瘤医院; 省妇幼保健院和省儿童医院);
// not 与, which joins partners (省立医院与沂水县人民医院签订协议).
constexpr std::string_view kListMarks[] = {"、", "和", "及"};

// The province a place lies in (itself for one); nullptr for a place abroad.
const Place* province_of(const Place* p) {
  if (p->level == PlaceLevel::country) return nullptr;
  const Place* province = p->level == PlaceLevel::province ? p : find_place(p->province);
  return province && province->level == PlaceLevel::province ? province : nullptr;
}

// The prefecture-level division a place lies in (itself for one); nullptr for a province and
// for a county directly under its province.
const Place* prefecture_of(const Place* p) {
  if (p->level == PlaceLevel::prefecture) return p;
  if (p->level != PlaceLevel::county || p->prefecture.empty()) return nullptr;
  return find_place(p->prefecture);
}

// The one prefecture-level city of the places of `named` below their province, which all lie
// in `province`; nullptr when they lie in several, none, or a county-level city is named (its
// own 市人民医院 is no prefecture's).
const Place* one_city(const std::vector<PlaceMention>& named, const Place* province) {
  const Place* city = nullptr;
  for (const PlaceMention& m : named) {
    if (!m.place || m.place == province) continue;
    const Place* p = prefecture_of(m.place);
    bool county_city = m.place->level == PlaceLevel::county && m.place->name.ends_with("市");
    if (!p || county_city || (city && city != p)) return nullptr;
    city = p;
  }
  return city;
}

bool lies_in(const Place* p, const Place* area) {
  return p == area || p->province == area->name || p->prefecture == area->name;
}

}  // namespace

const Place* one_province(const std::vector<PlaceMention>& named) {
  const Place* province = nullptr;
  for (const PlaceMention& m : named) {
    if (!m.place) continue;
    const Place* p = province_of(m.place);
    if (!p || (province && province != p)) return nullptr;
    province = p;
  }
  return province;
}

std::vector<LevelHospital> find_level_hospitals(std::string_view text,
                                                const std::vector<std::pair<size_t, size_t>>& parts,
                                                const std::vector<PlaceMention>& named) {
  // The parts that hold a name at all, found in one scan of each for all the names (most
  // reports' none), where each name was searched for in each part. (contains_word passes over a
  // word that ends with a division right before 级, which no name does: a test says so.)
  std::vector<std::pair<size_t, size_t>> holding;
  for (auto [from, to] : parts) {
    if (contains_word(text.substr(from, to - from), Role::level_hospital))
      holding.emplace_back(from, to);
  }
  std::vector<LevelHospital> found;
  if (holding.empty()) return found;
  SpanIndex places = SpanIndex::of(named);
  for (std::string_view w : words(Role::level_hospital)) {
    for (auto [from, to] : holding) {
      std::string_view part = text.substr(from, to - from);
      for (size_t at = text::find(part, w); at != part.npos;
           at = text::find(part, w, at + w.size())) {
        size_t start = from + at;
        bool of_place = places.overlaps(start, start + 1);  // 山东省立医院: 山东省's 省
        char32_t before =
            start > 0 ? text::code_point_at(text, text::previous_char(text, start)) : 0;
        if (of_place || kWordBefore.find(before) != kWordBefore.npos) continue;
        PlaceLevel level = w.starts_with("省") ? PlaceLevel::province : PlaceLevel::prefecture;
        found.push_back({start, start + w.size(), level, false});
      }
    }
  }
  std::sort(found.begin(), found.end(),
            [](const LevelHospital& a, const LevelHospital& b) { return a.start < b.start; });
  auto name = [&](const LevelHospital& h) { return text.substr(h.start, h.end - h.start); };
  std::vector<std::string_view> listed;
  for (size_t i = 0; i + 1 < found.size(); ++i) {
    std::string_view between = text.substr(found[i].end, found[i + 1].start - found[i].end);
    if (std::find(std::begin(kListMarks), std::end(kListMarks), between) == std::end(kListMarks)) {
      continue;
    }
    listed.push_back(name(found[i]));
    listed.push_back(name(found[i + 1]));
  }
  std::sort(listed.begin(), listed.end());
  for (LevelHospital& h : found)
    h.listed = std::binary_search(listed.begin(), listed.end(), name(h));
  return found;
}

LevelAreas level_areas(const std::vector<PlaceMention>& named,
                       const std::vector<PlaceMention>& credits) {
  auto area_of = [&](const Place* area, std::string_view kind) {
    LevelAreas::Area out;
    if (!area || !area->name.ends_with(kind)) return out;
    out.place = area;
    out.named = std::any_of(named.begin(), named.end(), [&](const PlaceMention& m) {
      return m.place == area && m.how != PlaceMention::How::institution;
    });
    out.credited = std::any_of(credits.begin(), credits.end(),
                               [&](const auto& m) { return m.place && lies_in(m.place, area); });
    return out;
  };
  const Place* province = one_province(named);
  return {area_of(province, "省"), area_of(province ? one_city(named, province) : nullptr, "市")};
}

const Place* level_area(const LevelHospital& h, const LevelAreas& areas) {
  const LevelAreas::Area& area = h.level == PlaceLevel::province ? areas.province : areas.city;
  return area.named || (area.credited && !h.listed) ? area.place : nullptr;
}

}  // namespace zhreport::facts_detail
