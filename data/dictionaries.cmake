# OpenCC dictionaries for convert.h, read from Debian's OpenCC data at build time: each .ocd2 is
# turned into text ("key<TAB>value value...") with opencc_dict and embedded in the library.
# No dictionary text is committed; convert.cpp compiles these into its own lookup tables.
find_program(OPENCC_DICT_EXECUTABLE opencc_dict REQUIRED)
set(ZHREPORT_OPENCC_DATA_DIR /usr/share/opencc CACHE PATH "Directory of OpenCC's .ocd2 dictionaries")
file(MAKE_DIRECTORY ${ZHREPORT_GENERATED_DIR}/opencc)

# The dictionaries of OpenCC's t2s, tw2s, hk2s and tw2sp configurations.
# STCharacters only tells detect_script() which characters are Simplified-only.
foreach(dict TSPhrases TSCharacters TWVariantsRev TWVariantsRevPhrases HKVariantsRev
             HKVariantsRevPhrases TWPhrasesRev STCharacters)
  set(ocd2 ${ZHREPORT_OPENCC_DATA_DIR}/${dict}.ocd2)
  set(text ${ZHREPORT_GENERATED_DIR}/opencc/${dict}.txt)
  add_custom_command(OUTPUT ${text}
    COMMAND ${OPENCC_DICT_EXECUTABLE} -i ${ocd2} -o ${text} -f ocd2 -t text
    DEPENDS ${ocd2}
    COMMENT "Reading OpenCC dictionary ${dict}" VERBATIM)
  zhreport_embed(opencc_${dict} ${text})
endforeach()
