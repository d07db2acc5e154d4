# Tables of places (lib/src/places.cpp). The countries' rows are generated from
# data/countries.tsv with ICU's Chinese names.
add_executable(zhreport_countries ${PROJECT_SOURCE_DIR}/tools/countries.cpp)
target_link_libraries(zhreport_countries PRIVATE ICU::uc ICU::i18n ICU::data)
set_target_properties(zhreport_countries PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tools)
add_custom_command(OUTPUT ${ZHREPORT_GENERATED_DIR}/countries.tsv
  COMMAND zhreport_countries places ${CMAKE_CURRENT_SOURCE_DIR}/countries.tsv
          ${ZHREPORT_GENERATED_DIR}/countries.tsv
  DEPENDS zhreport_countries ${CMAKE_CURRENT_SOURCE_DIR}/countries.tsv
  COMMENT "Generating countries.tsv from ICU's zh locale data" VERBATIM)
zhreport_embed(countries_tsv ${ZHREPORT_GENERATED_DIR}/countries.tsv)
zhreport_embed(nonplaces_tsv ${CMAKE_CURRENT_SOURCE_DIR}/nonplaces.tsv)
zhreport_embed(programmes_tsv ${CMAKE_CURRENT_SOURCE_DIR}/programmes.tsv)
zhreport_embed(institutions_tsv ${CMAKE_CURRENT_SOURCE_DIR}/institutions.tsv)

# The divisions: data/places.tsv (curated: every province and prefecture, the counties of the
# aid regions) merged by tools/places_gen with every county-level division of China from the npm
# package @vant/area-data (MIT; names and GB/T 2260 codes, kept current by its maintainers: the
# renamings up to 2024, 田阳县 → 田阳区, 和安县), fetched at configure time by scripts/fetch-npm
# and never committed. Curated rows win; README.md ("Dependencies") says why this package.
set(ZHREPORT_AREA_DATA_VERSION 2.1.0)
set(ZHREPORT_AREA_DATA_INTEGRITY
    sha512-wx9PrUX7wSUJiFcz8UrcvZfTjV6sTc+7SHcbjGQQzEcv5y+EwOo5uV4ZKdfrR5Hzcw4MA08LQdvXPSEb4nWbug==)
set(area_dir ${ZHREPORT_GENERATED_DIR}/area-data)
zhreport_npm_files(@vant/area-data ${ZHREPORT_AREA_DATA_VERSION} ${ZHREPORT_AREA_DATA_INTEGRITY}
  ${area_dir} dist/index.js LICENSE)
set(area_js ${area_dir}/@vant/area-data/package/dist/index.js)
add_executable(zhreport_places_gen ${PROJECT_SOURCE_DIR}/tools/places_gen.cpp)
set_target_properties(zhreport_places_gen PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tools)
add_custom_command(OUTPUT ${ZHREPORT_GENERATED_DIR}/places.tsv
  COMMAND zhreport_places_gen ${CMAKE_CURRENT_SOURCE_DIR}/places.tsv
          ${CMAKE_CURRENT_SOURCE_DIR}/nonplaces.tsv ${area_js}
          "@vant/area-data@${ZHREPORT_AREA_DATA_VERSION} (package/dist/index.js)"
          ${ZHREPORT_GENERATED_DIR}/places.tsv
  DEPENDS zhreport_places_gen ${CMAKE_CURRENT_SOURCE_DIR}/places.tsv
          ${CMAKE_CURRENT_SOURCE_DIR}/nonplaces.tsv ${area_js}
  COMMENT "Merging data/places.tsv with the counties of @vant/area-data" VERBATIM)
zhreport_embed(places_tsv ${ZHREPORT_GENERATED_DIR}/places.tsv)
