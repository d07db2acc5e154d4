// A hospital named by its level alone (省立医院, 省人民医院, 市中心医院: level_hospital, data/
// context.tsv), as the media of a county write of their province's or city's hospitals: it
// stands for the one province (省) or prefecture-level city (市) the report is about.
//
//   std::vector<PlaceMention> named = find_places(body);
//   LevelAreas areas = level_areas(named, credits);
//   for (const LevelHospital& h : find_level_hospitals(body, {{0, body.size()}}, named)) {
//     const Place* area = level_area(h, areas);  // 省立医院 in a 沂水县 report: 山东省
//   }
//
// Only where the report says which: a report naming places of two provinces (a 援藏 doctor of
// 省人民医院 in 那曲市), or none, leaves the hospital's place unknown, and so does a report that
// names only its county (临潭县) and no source: a reader knows the province, the report does not
// say it.
#pragma once

#include <cstddef>
#include <string_view>
#include <utility>
#include <vector>

#include "zhreport/places.h"

namespace zhreport::facts_detail {

struct LevelHospital {
  size_t start = 0, end = 0;                // bytes of the name in the text
  PlaceLevel level = PlaceLevel::province;  // province (省…) or prefecture (市…)
  // beside another of its level (省立医院、省肿瘤医院; 省妇幼保健院和省儿童医院)
  bool listed = false;
};

// The hospitals named by their level in the ranges `parts` of `text` (the report's statements),
// in text order: not where the 省 or 市 ends a place's name (`named`, mentions in the same text:
// 山东省立医院) or a word's (城市医院, 全省, 两市). A name listed beside another of its level is
// listed wherever the report names it (…省立医院、省肿瘤医院等…。省立医院还与县人民医院签订…).
std::vector<LevelHospital> find_level_hospitals(std::string_view text,
                                                const std::vector<std::pair<size_t, size_t>>& parts,
                                                const std::vector<PlaceMention>& named);

// The one province and the one prefecture-level city every place of `named` lies in, of that
// kind by its official name (山东省, 南充市: not 宁夏回族自治区, 凉山彝族自治州, nor a city where
// a county-level city is named, whose own 市人民医院 it may be), read once per report.
struct LevelAreas {
  struct Area {
    const Place* place = nullptr;  // nullptr: none
    bool named = false;            // the report names it (`named`, not by a hospital's name)
    bool credited = false;         // its source or credit lines name a place of it (`credits`:
                                   // 来源:沂水县融媒体中心)
  };
  Area province, city;
};
LevelAreas level_areas(const std::vector<PlaceMention>& named,
                       const std::vector<PlaceMention>& credits);

// The area of `h`'s level, when the report names it or, for a hospital not listed beside
// another, credits it; nullptr otherwise.
const Place* level_area(const LevelHospital& h, const LevelAreas& areas);

// The one province every place of `named` lies in, nullptr when they lie in several, abroad, or
// there are none: the cheap question asked before the text is searched for a level's hospital.
const Place* one_province(const std::vector<PlaceMention>& named);

}  // namespace zhreport::facts_detail
