# decode.cpp's pair tables (lib/src/decode_chars.h): ICU's converters decode every two-byte
# sequence of GB18030 and Big5-HKSCS at build time, and tools/pair_tables_gen prints the result as
# constant arrays, with each character's class as decode_chars.cpp (compiled into both) counts it.
add_executable(zhreport_pair_tables_gen ${PROJECT_SOURCE_DIR}/tools/pair_tables_gen.cpp
  ${PROJECT_SOURCE_DIR}/lib/src/decode_chars.cpp)
set_target_properties(zhreport_pair_tables_gen PROPERTIES
  RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/tools)
target_include_directories(zhreport_pair_tables_gen PRIVATE ${PROJECT_SOURCE_DIR}/lib/src)
target_link_libraries(zhreport_pair_tables_gen PRIVATE ICU::uc ICU::data)
set(pair_tables_cpp ${ZHREPORT_GENERATED_DIR}/pair_tables.cpp)
zhreport_generate(${pair_tables_cpp} zhreport_pair_tables_gen
  "Decoding GB18030's and Big5's two-byte characters into tables")
