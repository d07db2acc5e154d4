# OpenCC's dictionaries and configurations for convert.h, from the npm package opencc@VERSION:
# scripts/fetch-npm fetches its tarball once into a cache outside the build tree (pinned by
# the package's integrity hash, checked there), its data/dictionary/*.txt and data/config/*.json
# are extracted into the build tree at configure time, the configurations t2s, tw2s, hk2s and
# tw2sp are read here, and the dictionaries they name are embedded in the library. The few
# dictionaries OpenCC's own build derives (TWVariantsRev, HKVariantsRev, TSCharactersExt) are
# derived the same way by tools/opencc_derive. No dictionary text is in this repository.
set(ZHREPORT_OPENCC_VERSION "1.4.2" CACHE STRING
    "OpenCC release (npm package opencc) whose dictionaries and configurations convert.h follows")
# npm's integrity hash of each release we know (`npm view opencc@VERSION dist.integrity`).
set(ZHREPORT_OPENCC_INTEGRITY_1.4.2
    "sha512-fAo8GJy0XhFyw9zIsEHmEVKL+qK8qbw0hcCjqKN5cn2UA7FPOU6b13xpqpSUf8mLNLhBMmIVZu6J+fEjJ2KcyQ==")
set(ZHREPORT_CACHE_DIR "" CACHE PATH
    "Where scripts/fetch-npm keeps the npm tarball (default: ~/.cache/zhreport)")

set(integrity "${ZHREPORT_OPENCC_INTEGRITY_${ZHREPORT_OPENCC_VERSION}}")
if(NOT integrity)
  message(FATAL_ERROR "No pinned integrity hash for opencc@${ZHREPORT_OPENCC_VERSION}: add "
                      "ZHREPORT_OPENCC_INTEGRITY_${ZHREPORT_OPENCC_VERSION} to ${CMAKE_CURRENT_LIST_FILE}")
endif()
execute_process(
  COMMAND bash ${PROJECT_SOURCE_DIR}/scripts/fetch-npm opencc ${ZHREPORT_OPENCC_VERSION} ${integrity}
          ${ZHREPORT_CACHE_DIR}
  OUTPUT_VARIABLE opencc_tarball OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE fetched)
if(NOT fetched EQUAL 0)
  message(FATAL_ERROR "scripts/fetch-npm could not provide opencc@${ZHREPORT_OPENCC_VERSION}")
endif()

# The package's data, extracted once per integrity hash.
set(opencc_package ${ZHREPORT_GENERATED_DIR}/opencc-npm/package)
set(opencc_stamp ${ZHREPORT_GENERATED_DIR}/opencc-npm/integrity.txt)
set(extracted "")
if(EXISTS ${opencc_stamp})
  file(READ ${opencc_stamp} extracted)
endif()
if(NOT extracted STREQUAL integrity)
  file(REMOVE_RECURSE ${ZHREPORT_GENERATED_DIR}/opencc-npm)
  file(ARCHIVE_EXTRACT INPUT ${opencc_tarball} DESTINATION ${ZHREPORT_GENERATED_DIR}/opencc-npm
       PATTERNS "package/data/dictionary/*.txt" "package/data/config/*.json")
  file(WRITE ${opencc_stamp} "${integrity}")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${opencc_stamp})

# --- the configurations -------------------------------------------------------------------------
# Each becomes a ConfigSpec (convert_tables.h): normalization chain, segmentation dictionary (or
# none) and conversion chain, every group a list of {name, embedded text, may_output_tofu}.
set(opencc_dicts "")

# One dictionary of a group: {"type": "ocd2", "file": "NAME.ocd2", "may_output_tofu": bool}.
function(opencc_dict_cpp json out_var)
  string(JSON type GET "${json}" type)
  if(NOT type MATCHES "^(ocd2|text)$")
    message(FATAL_ERROR "OpenCC config: unsupported dictionary type ${type}")
  endif()
  string(JSON file GET "${json}" file)
  string(REGEX REPLACE "\\.(ocd2|txt)$" "" name "${file}")
  string(JSON tofu ERROR_VARIABLE no_tofu GET "${json}" may_output_tofu)
  if(no_tofu OR NOT tofu)
    set(tofu false)
  else()
    set(tofu true)
  endif()
  set(dicts ${opencc_dicts} ${name})
  set(opencc_dicts ${dicts} PARENT_SCOPE)
  set(${out_var} "{\"${name}\", &e::opencc_${name}, ${tofu}}" PARENT_SCOPE)
endfunction()

# A conversion's dictionary: a short-circuit group of dictionaries, or one dictionary.
function(opencc_group_cpp json out_var)
  string(JSON type GET "${json}" type)
  set(entries "")
  if(type STREQUAL "group")
    string(JSON policy ERROR_VARIABLE no_policy GET "${json}" match_policy)
    if(NOT no_policy AND NOT policy STREQUAL "short_circuit")
      message(FATAL_ERROR "OpenCC config: unsupported match_policy ${policy}")
    endif()
    string(JSON count LENGTH "${json}" dicts)
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
      string(JSON item GET "${json}" dicts ${i})
      string(JSON item_type GET "${item}" type)
      if(item_type STREQUAL "group")
        message(FATAL_ERROR "OpenCC config: nested groups are not supported")
      endif()
      opencc_dict_cpp("${item}" entry)
      list(APPEND entries "${entry}")
    endforeach()
  else()
    opencc_dict_cpp("${json}" entry)
    list(APPEND entries "${entry}")
  endif()
  list(JOIN entries ", " joined)
  set(opencc_dicts ${opencc_dicts} PARENT_SCOPE)
  set(${out_var} "{${joined}}" PARENT_SCOPE)
endfunction()

# A chain: [{"dict": ...}, ...] → {{group}, {group}}.
function(opencc_chain_cpp json member out_var)
  set(groups "")
  string(JSON count ERROR_VARIABLE absent LENGTH "${json}" ${member})
  if(NOT absent AND count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
      string(JSON dict GET "${json}" ${member} ${i} dict)
      opencc_group_cpp("${dict}" group)
      list(APPEND groups "${group}")
    endforeach()
  endif()
  list(JOIN groups ", " joined)
  set(opencc_dicts ${opencc_dicts} PARENT_SCOPE)
  set(${out_var} "{${joined}}" PARENT_SCOPE)
endfunction()

set(opencc_specs "")
foreach(config t2s tw2s hk2s tw2sp)  # the order of enum class Config
  set(path ${opencc_package}/data/config/${config}.json)
  file(READ ${path} json)
  opencc_chain_cpp("${json}" normalization normalization)
  opencc_chain_cpp("${json}" conversion_chain chain)
  string(JSON segmentation ERROR_VARIABLE no_segmentation GET "${json}" segmentation)
  set(segmenter "nullptr")
  if(NOT no_segmentation)
    string(JSON type GET "${segmentation}" type)
    if(NOT type STREQUAL "mmseg")
      message(FATAL_ERROR "OpenCC config ${config}: unsupported segmentation ${type}")
    endif()
    string(JSON dict GET "${segmentation}" dict)
    opencc_dict_cpp("${dict}" entry)
    string(REGEX MATCH "opencc_[A-Za-z0-9_]+" symbol "${entry}")
    set(segmenter "&e::${symbol}")
  endif()
  string(APPEND opencc_specs
         "      {\"${config}\", ${normalization}, ${segmenter}, ${chain}},\n")
endforeach()
list(APPEND opencc_dicts STCharacters)  # only for detect_script()
list(REMOVE_DUPLICATES opencc_dicts)

# --- the dictionaries ---------------------------------------------------------------------------
add_executable(zhreport_opencc_derive ${PROJECT_SOURCE_DIR}/tools/opencc_derive.cpp)
set_target_properties(zhreport_opencc_derive PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tools)
# What OpenCC's data/CMakeLists.txt generates, and from what.
set(opencc_derived_TWVariantsRev reverse TWVariants)
set(opencc_derived_HKVariantsRev reverse HKVariants)
set(opencc_derived_TSCharactersExt tofu-risk TSCharacters)
file(MAKE_DIRECTORY ${ZHREPORT_GENERATED_DIR}/opencc)
set(declarations "")
foreach(dict ${opencc_dicts})
  set(text ${opencc_package}/data/dictionary/${dict}.txt)
  if(NOT EXISTS ${text})
    if(NOT opencc_derived_${dict})
      message(FATAL_ERROR "OpenCC dictionary ${dict}: not in the package and not derivable")
    endif()
    list(GET opencc_derived_${dict} 0 mode)
    list(GET opencc_derived_${dict} 1 from)
    set(text ${ZHREPORT_GENERATED_DIR}/opencc/${dict}.txt)
    add_custom_command(OUTPUT ${text}
      COMMAND zhreport_opencc_derive ${mode} ${opencc_package}/data/dictionary/${from}.txt ${text}
      DEPENDS zhreport_opencc_derive ${opencc_package}/data/dictionary/${from}.txt
      COMMENT "Deriving OpenCC dictionary ${dict} from ${from}" VERBATIM)
  endif()
  zhreport_embed(opencc_${dict} ${text})
  string(APPEND declarations "extern const std::string_view opencc_${dict};\n")
endforeach()

set(opencc_configs_cpp ${ZHREPORT_GENERATED_DIR}/opencc_configs.cpp)
file(CONFIGURE OUTPUT ${opencc_configs_cpp} @ONLY CONTENT
"// generated from opencc-@ZHREPORT_OPENCC_VERSION@.tgz (package/data/config/*.json) by data/dictionaries.cmake; do not edit
#include \"convert_tables.h\"

namespace zhreport::embedded {
@declarations@}  // namespace zhreport::embedded

namespace zhreport::convert_detail {

std::string_view opencc_version() { return \"@ZHREPORT_OPENCC_VERSION@\"; }

const ConfigSpec& config_spec(Config config) {
  namespace e = zhreport::embedded;
  static const ConfigSpec specs[] = {
@opencc_specs@  };
  return specs[size_t(config)];
}

}  // namespace zhreport::convert_detail
")
set(ZHREPORT_GENERATED_SOURCES ${ZHREPORT_GENERATED_SOURCES} ${opencc_configs_cpp})

# --- the compiled tables --------------------------------------------------------------------------
# What build_tables makes of the configurations above (without the rare forms), as constant
# arrays: tools/convert_tables_gen runs the library's own table code at build time, so a
# converter starts without parsing or compiling anything (convert.cpp, prebuilt_tables).
set(opencc_embedded_sources "")
foreach(dict ${opencc_dicts})
  list(APPEND opencc_embedded_sources ${ZHREPORT_GENERATED_DIR}/embedded_opencc_${dict}.cpp)
endforeach()
add_executable(zhreport_convert_tables_gen ${PROJECT_SOURCE_DIR}/tools/convert_tables_gen.cpp
  ${PROJECT_SOURCE_DIR}/lib/src/convert_tables.cpp ${opencc_embedded_sources} ${opencc_configs_cpp})
set_target_properties(zhreport_convert_tables_gen PROPERTIES
  RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tools)
target_include_directories(zhreport_convert_tables_gen PRIVATE
  ${PROJECT_SOURCE_DIR}/lib/src ${PROJECT_SOURCE_DIR}/lib/include)
set(convert_tables_data_cpp ${ZHREPORT_GENERATED_DIR}/convert_tables_data.cpp)
zhreport_generate(${convert_tables_data_cpp} zhreport_convert_tables_gen
  "Compiling OpenCC's dictionaries into constant tables")
