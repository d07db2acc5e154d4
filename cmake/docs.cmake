# Man pages and bash completions, generated at build time from each tool's --help, so a flag
# added to a tool is documented and completed without anyone listing it:
#   build/man/TOOL.1.gz        help2man, plus docs/man/TOOL.h2m (name, examples, see also) and
#                              docs/man/exit_status.h2m → share/man/man1
#   build/completions/TOOL     tools/bash_completion.py → share/bash-completion/completions
# zhreport_tool_docs(NAME [COMMAND...]) does both for one tool; COMMAND defaults to the target
# NAME's binary (a script such as build/bin/zhreport-dask passes its path).
option(ZHREPORT_DOCS "Generate man pages (help2man) and bash completions from --help" ON)
find_program(GZIP_EXECUTABLE gzip REQUIRED)
if(ZHREPORT_DOCS)
  find_program(HELP2MAN_EXECUTABLE help2man)
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  if(NOT HELP2MAN_EXECUTABLE)
    message(WARNING "help2man not found: no man pages (apt-get install help2man)")
  endif()
endif()

function(zhreport_tool_docs name)
  if(NOT ZHREPORT_DOCS)
    return()
  endif()
  set(command ${ARGN})
  set(depends ${ARGN})
  if(NOT command)
    set(command $<TARGET_FILE:${name}>)
    set(depends ${name})
  endif()
  set(outputs "")
  if(HELP2MAN_EXECUTABLE)
    set(man ${CMAKE_BINARY_DIR}/man/${name}.1)
    set(includes "")
    foreach(h2m ${PROJECT_SOURCE_DIR}/docs/man/${name}.h2m ${PROJECT_SOURCE_DIR}/docs/man/exit_status.h2m)
      if(EXISTS ${h2m})
        list(APPEND includes --include=${h2m})
        list(APPEND depends ${h2m})
      endif()
    endforeach()
    # --version-string: the page says the version, not the git revision of each build.
    add_custom_command(OUTPUT ${man}.gz
      COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/man
      COMMAND ${HELP2MAN_EXECUTABLE} --no-info --no-discard-stderr
              --version-string=${PROJECT_VERSION} --source=zhreport ${includes}
              --output=${man} ${command}
      COMMAND ${GZIP_EXECUTABLE} -9nf ${man}
      DEPENDS ${depends}
      COMMENT "Man page ${name}.1" VERBATIM)
    list(APPEND outputs ${man}.gz)
    install(FILES ${man}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1 COMPONENT tools)
  endif()
  set(completion ${CMAKE_BINARY_DIR}/completions/${name})
  add_custom_command(OUTPUT ${completion}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/completions
    COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/tools/bash_completion.py ${name}
            ${completion} ${command}
    DEPENDS ${depends} ${PROJECT_SOURCE_DIR}/tools/bash_completion.py
    COMMENT "Bash completion for ${name}" VERBATIM)
  list(APPEND outputs ${completion})
  install(FILES ${completion} DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
          COMPONENT tools)
  add_custom_target(${name}_docs ALL DEPENDS ${outputs})
endfunction()

foreach(tool ${ZHREPORT_TOOLS})
  zhreport_tool_docs(${tool})
endforeach()
