# Tables of places (lib/src/places.cpp) besides data/places.tsv (embedded in extract.cmake):
# the countries' rows are generated from data/countries.tsv with ICU's Chinese names.
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
