# Writes the tools' version source (cmake -P, run on every build): the project version and the
# OpenCC dictionaries from the configure step, plus the git revision when built from a checkout.
# configure_file() rewrites OUT only when its text changes, so an unchanged revision rebuilds
# nothing.
#   cmake -DVERSION=0.1.0 -DOPENCC=... -DSOURCE_DIR=... -DTEMPLATE=... -DOUT=... -P THIS
set(GIT_REVISION "")
if(EXISTS "${SOURCE_DIR}/.git")
  find_program(GIT_EXECUTABLE git)
  if(GIT_EXECUTABLE)
    execute_process(COMMAND ${GIT_EXECUTABLE} -C ${SOURCE_DIR} describe --always --dirty --abbrev=12
                    OUTPUT_VARIABLE GIT_REVISION OUTPUT_STRIP_TRAILING_WHITESPACE
                    ERROR_QUIET RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
      set(GIT_REVISION "")
    endif()
  endif()
endif()
configure_file(${TEMPLATE} ${OUT} @ONLY)
