# Profile-guided optimisation with GCC (ZHREPORT_PGO): `generate` builds with counters that a
# run writes into ZHREPORT_PGO_DIR; `use` compiles with those counts, which lays out the hot
# branches and inlines by measured use: ~6% fewer instructions and ~8% less CPU time for
# zhextract in scripts/bench. scripts/bootstrap does both steps for the Release build in build/.
# Files the training run never reached (tests, other tools) compile as without a profile.
set(ZHREPORT_PGO OFF CACHE STRING "Profile-guided optimisation (GCC): OFF, generate or use")
set_property(CACHE ZHREPORT_PGO PROPERTY STRINGS OFF generate use)
set(ZHREPORT_PGO_DIR "" CACHE PATH "The training run's profile (.gcda) directory")

if(ZHREPORT_PGO)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    message(FATAL_ERROR "ZHREPORT_PGO needs GCC (the profile format is GCC's)")
  endif()
  if(NOT ZHREPORT_PGO_DIR)
    message(FATAL_ERROR "ZHREPORT_PGO=${ZHREPORT_PGO} needs ZHREPORT_PGO_DIR")
  endif()
  # The profile files are named by the object's path under the build directory, so the
  # training build and the final one may live in different directories.
  set(pgo_prefix -fprofile-prefix-path=${CMAKE_BINARY_DIR})
  if(ZHREPORT_PGO STREQUAL "generate")
    # prefer-atomic: -j runs documents on several threads.
    add_compile_options(-fprofile-generate=${ZHREPORT_PGO_DIR} -fprofile-update=prefer-atomic
                        ${pgo_prefix})
    add_link_options(-fprofile-generate=${ZHREPORT_PGO_DIR})
  elseif(ZHREPORT_PGO STREQUAL "use")
    # partial-training: code the run did not reach is optimised as usual, not for size.
    # No error for an object without counts (a test) or with stale ones (a source edited
    # since training): those compile as without a profile.
    add_compile_options(-fprofile-use=${ZHREPORT_PGO_DIR} -fprofile-partial-training ${pgo_prefix}
                        -Wno-missing-profile -Wno-coverage-mismatch)
  else()
    message(FATAL_ERROR "ZHREPORT_PGO must be OFF, generate or use, not ${ZHREPORT_PGO}")
  endif()
endif()
