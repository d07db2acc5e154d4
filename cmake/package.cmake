# The Debian package (scripts/package → build/zhreport_VERSION_ARCH.deb): everything
# `cmake --install` puts in place, under /usr, with the runtime dependencies of the libraries the
# tools and libzhreport.so link found by dpkg-shlibdeps, a shlibs file and the ldconfig trigger.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME zhreport)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "zhreport maintainers <zhreport@lists.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "facts and Simplified text from Chinese reports on medical aid")
set(CPACK_PACKAGE_DESCRIPTION
    "zhreport reads Chinese news-style reports on medical aid programmes in any
common encoding (UTF-8, GB18030, Big5, UTF-16) and archive format, and
extracts counted facts (experts sent, surgeries, trainees, by region and year)
with the byte span each came from.

zhconv converts Traditional Chinese to Simplified, byte-identical to OpenCC;
zhextract writes the facts as JSONL or CSV; zhvalidate checks reports and fact
files; zhstats sums facts by metric, year and region. libzhreport (static and
shared, with headers, a CMake package and a pkg-config file) does the same for
C++ programs.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # zhreport_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Our own shlibs and an ldconfig trigger, rather than CPack's generated shlibs with postinst and
# postrm scripts calling ldconfig (lintian: lacks-ldconfig-trigger, maintscript-calls-ldconfig).
file(WRITE ${CMAKE_BINARY_DIR}/debian/shlibs
     "libzhreport ${ZHREPORT_SOVERSION} zhreport (>= ${PROJECT_VERSION})\n")
file(WRITE ${CMAKE_BINARY_DIR}/debian/triggers "activate-noawait ldconfig\n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_BINARY_DIR}/debian/shlibs ${CMAKE_BINARY_DIR}/debian/triggers)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Tab completion needs bash-completion to load share/bash-completion/completions.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS bash-completion)
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "pkg-config, cmake")
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR})

# Debian's copyright and changelog (a native package: changelog.gz), in every install.
# (the configure time, or SOURCE_DATE_EPOCH when set)
string(TIMESTAMP ZHREPORT_CHANGELOG_DATE "%a, %d %b %Y %H:%M:%S +0000" UTC)
configure_file(${CMAKE_CURRENT_LIST_DIR}/debian/changelog.in ${CMAKE_BINARY_DIR}/debian/changelog
               @ONLY)
add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/debian/changelog.gz
  COMMAND ${GZIP_EXECUTABLE} -9nkf ${CMAKE_BINARY_DIR}/debian/changelog
  DEPENDS ${CMAKE_BINARY_DIR}/debian/changelog VERBATIM)
add_custom_target(zhreport_changelog ALL DEPENDS ${CMAKE_BINARY_DIR}/debian/changelog.gz)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/debian/copyright ${CMAKE_BINARY_DIR}/debian/changelog.gz
        DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT tools)

include(CPack)
