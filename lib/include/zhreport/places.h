// Places: the Chinese divisions and the countries a report names, as official names.
//
//   for (const zhreport::PlaceMention& m : zhreport::find_places("上海援疆医生在泽普县人民医院")) {
//     m.place->name;      // "新疆维吾尔自治区" (援疆, How::programme), then "泽普县"
//     m.place->province;  // "新疆维吾尔自治区" for both; 泽普县's prefecture is "喀什地区"
//   }
//   const zhreport::Place* p = zhreport::find_place("阿拉尔市");  // its province, for roll-ups
//   zhreport::find_place("西湖区", "江西省")->prefecture;          // "南昌市" (杭州市's: 浙江省)
//   zhreport::lookup_place("黔西县")->name;                       // "黔西市" (any name → official)
//   zhreport::is_known_place("全国");                            // true: a valid `from`
//
// The tables (compiled in): data/places.tsv (provinces, prefectures, counties with their
// prefecture) merged at build time with every other county-level division of China from the
// npm package @vant/area-data (full names; data/places.cmake), data/countries.tsv (ISO 3166
// codes; the Chinese names come from ICU's zh locale data at build time), data/programmes.tsv
// (援疆 → 新疆维吾尔自治区, and 援-words that name no place), data/nonplaces.tsv (words that
// contain a short form or a name but name no place: 阿里巴巴, 老城区), data/institutions.tsv
// (hospitals that send teams, as their city: 齐鲁医院 → 济南市, How::institution).
//
// Matching is one pass over the text, longest match first, no overlaps. Official names match,
// those the table marks `after` (the package's of two characters: 礼县; a name several divisions
// share: 西湖区 of 杭州市 and of 南昌市) only right after their prefecture or province (陇南市礼县,
// 甘肃礼县; 杭州市西湖区 is 杭州市's, 江西西湖区 南昌市's, 江苏鼓楼区 neither of 江苏's two); short
// forms (新疆, 日喀则, 泽普) match alone unless the table marks them too ambiguous ('-'); a short
// form shared by several places means the highest level (和田 → 和田地区, 吉林 → 吉林省). 援 + one
// character (援马, 援摩) is a programme_prefix mention: resolved within the same text when it names
// exactly one foreign place starting with that character, else left for resolve_prefix() with the
// mentions of the whole report. The text is Simplified Chinese with ASCII punctuation (normalize.h,
// convert.h): 刚果(布), which names ICU's 刚果（布）.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace zhreport {

enum class PlaceLevel { country, province, prefecture, county };
std::string_view place_level_name(PlaceLevel level);  // "country" "province" ...

struct Place {
  std::string_view name;  // official name: 泽普县, 喀什地区, 新疆维吾尔自治区, 马达加斯加
  std::string_view prefecture;  // a county's prefecture-level division; empty for the others
                                // and for counties under the province directly (石河子市)
  std::string_view province;    // the province-level division (itself for one); a country:
                              // itself; a division of a foreign country (桑给巴尔): the country
  PlaceLevel level = PlaceLevel::county;
  bool abroad = false;  // a country, or a division of one (桑给巴尔 of 坦桑尼亚): set by the tables
                        // once, where the rules that ask it per place and count looked it up
  bool plain_name = false;  // a country whose official name alone the tables read as no place
                            // (中非 is China–Africa, data/programmes.tsv): set by the tables once
};

struct PlaceMention {
  enum class How {
    official,          // 泽普县, 新疆维吾尔自治区, 马达加斯加
    short_name,        // 泽普, 新疆, 刚果布 (a country's other spellings too)
    programme,         // 援疆, 援遵 (data/programmes.tsv)
    programme_prefix,  // 援马, 援摩: 援 + the first character of a foreign place
    institution  // 华西医院, 浙大一院: a hospital of data/institutions.tsv, as its city
  };
  size_t start = 0;  // bytes in the text
  size_t end = 0;
  const Place* place = nullptr;  // nullptr for a programme_prefix not resolved in this text
                                 // and for a hospital's name several hospitals share (协和医院)
  How how = How::official;
  std::string_view prefix;  // programme_prefix: the character after 援 ("马"); institution: the
                            // name when several hospitals share it (resolve_institution); a
                            // view of the text
};

// The places named in `text`, in text order. `alone`, when given, receives the names the table
// marks `after` found without their prefecture or province right before them (临县 in 在临县):
// the caller knows whether the report names that prefecture elsewhere (a report on 吕梁市), or
// whether the name opens a clause before its county's own hospital (,郏县人民医院). A
// name several divisions share (和平区) comes with the first of them as its place.
std::vector<PlaceMention> find_places(std::string_view text,
                                      std::vector<PlaceMention>* alone = nullptr);
// find_places into `found`, cleared first: a caller that reads many texts (a report's blocks)
// reuses one vector's storage instead of allocating one per text.
void find_places_into(std::string_view text, std::vector<PlaceMention>& found,
                      std::vector<PlaceMention>* alone = nullptr);

// The place with this exact official name, or nullptr. Stable pointers (static tables). A name
// several divisions share (西湖区): the first row of the table.
const Place* find_place(std::string_view official_name);
// The place of this official name whose province (Place::province) is `province`: a fact's side
// read back by its name and province (西湖区, 江西省 → 南昌市's). nullptr when none; the first of
// them when the province has several (鼓楼区 of 南京市 and 徐州市); `province` empty: the name
// alone decides, as find_place(name).
const Place* find_place(std::string_view official_name, std::string_view province);

// Whether several divisions share this official name (西湖区 of 杭州市 and of 南昌市).
bool is_shared_name(std::string_view official_name);

// The county of this official name that lies in `parent`, a prefecture or a province (礼县 in
// 陇南市 or 甘肃省; 西湖区 in 杭州市 → 杭州市's): nullptr when none does, or when `parent` is a
// province of two of the name (鼓楼区 in 江苏省: 南京市's or 徐州市's).
const Place* find_county_in(std::string_view official_name, const Place& parent);

// The province a fact's side lies in, for roll-ups: `province` when the fact states it
// (Fact::to_province), else the province of the place named `name` (facts written before the
// field), else `name` itself (全国, a country, a name the tables do not know). Empty for "".
std::string_view side_province(std::string_view name, std::string_view province);

// The foreign place (country, or a division of one) among `named` whose name starts with
// `prefix` (援马 + a report naming 马达加斯加 → 马达加斯加); nullptr when none or several.
const Place* resolve_prefix(std::string_view prefix, const std::vector<PlaceMention>& named);

// The city of the hospital among those sharing the name `name` (协和医院: data/institutions.tsv)
// whose province is the province of a place among `named` (湖北 → 武汉市); nullptr when the
// places name none of their provinces or several.
const Place* resolve_institution(std::string_view name, const std::vector<PlaceMention>& named);

// A hospital's name (How::institution) that `text` named before `m` as a place's own hospital
// (四川大学华西医院 … 华西医院选派: the report names it 四川's): that place among `named` (the
// mentions of `text`, in text order), else nullptr.
const Place* named_before(std::string_view text, const PlaceMention& m,
                          const std::vector<PlaceMention>& named);

// The place any name of the tables stands for: its official name, a short form, a former name
// or another spelling (镇沅县 → 镇沅彝族哈尼族拉祜族自治县, 黔西县 → 黔西市, 刚果布 → 刚果（布）);
// the whole of `name` must be that name (西湖区, shared: the first). nullptr when unknown or shared
// by two places of a level, and for a hospital's name (华西医院 is in 成都市, not a name of it).
const Place* lookup_place(std::string_view name);

// An official name of the tables, or 全国 (a national programme's `from`).
bool is_known_place(std::string_view name);

}  // namespace zhreport
