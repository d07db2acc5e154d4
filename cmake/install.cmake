# What `cmake --install build [--prefix DIR]` (and DESTDIR=... staged installs, and the Debian
# package of scripts/package) puts in place:
#   bin/                      zhconv zhextract zhvalidate zhstats
#   LIBDIR/                   libzhreport.a, libzhreport.so.X.Y.Z (SONAME libzhreport.so.X.Y)
#   include/zhreport/         the public headers
#   LIBDIR/cmake/zhreport/    find_package(zhreport CONFIG) → zhreport::zhreport (shared)
#   LIBDIR/pkgconfig/         zhreport.pc (pkg-config zhreport; --static for libzhreport.a)
# Every installed file is relocatable: the CMake package and zhreport.pc find the prefix from
# their own location, and nothing refers to the build tree.
include(CMakePackageConfigHelpers)

set(ZHREPORT_TOOLS zhconv zhextract zhvalidate zhstats)
install(TARGETS ${ZHREPORT_TOOLS} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT tools)
install(TARGETS zhreport ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT library)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/lib/include/zhreport
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT library)

if(ZHREPORT_SHARED_LIB)
  set(cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/zhreport)
  install(TARGETS zhreport_shared EXPORT zhreportTargets COMPONENT library
          LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
  install(EXPORT zhreportTargets NAMESPACE zhreport:: DESTINATION ${cmake_dir}
          COMPONENT library)
  configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/zhreportConfig.cmake.in
    ${CMAKE_BINARY_DIR}/zhreportConfig.cmake INSTALL_DESTINATION ${cmake_dir})
  # Before 1.0 only the same 0.MINOR is compatible (see ZHREPORT_SOVERSION).
  if(PROJECT_VERSION_MAJOR EQUAL 0)
    set(compatibility SameMinorVersion)
  else()
    set(compatibility SameMajorVersion)
  endif()
  write_basic_package_version_file(${CMAKE_BINARY_DIR}/zhreportConfigVersion.cmake
    COMPATIBILITY ${compatibility})
  install(FILES ${CMAKE_BINARY_DIR}/zhreportConfig.cmake
                ${CMAKE_BINARY_DIR}/zhreportConfigVersion.cmake
          DESTINATION ${cmake_dir} COMPONENT library)

  # zhreport.pc: prefix relative to the file itself, so --prefix at install time is honoured.
  set(pkgconfig_dir ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
  string(REGEX REPLACE "[^/]+" ".." ZHREPORT_PC_UP ${pkgconfig_dir})
  configure_file(${CMAKE_CURRENT_LIST_DIR}/zhreport.pc.in ${CMAKE_BINARY_DIR}/zhreport.pc @ONLY)
  install(FILES ${CMAKE_BINARY_DIR}/zhreport.pc DESTINATION ${pkgconfig_dir}
          COMPONENT library)
endif()
