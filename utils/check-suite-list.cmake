cmake_minimum_required(VERSION 3.16)
# Run by CTest (test `pmipv6-suite-list`): fails when the test runner registers
# a test suite that CMakeLists.txt did not find by scanning the test sources
# (such a suite would otherwise never run under ctest), or when a scanned
# suite is not registered.
#   cmake -DRUNNER=<pmipv6-test-runner> -DSUITES=<a;b;c> -P check-suite-list.cmake
execute_process(
  COMMAND ${RUNNER} --list
  OUTPUT_VARIABLE out
  RESULT_VARIABLE rc
)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${RUNNER} --list failed (${rc})")
endif()
string(REPLACE "\n" ";" lines "${out}")
set(registered)
foreach(line ${lines})
  string(STRIP "${line}" line)
  if(line STREQUAL "")
    continue()
  endif()
  # `--list` prints "<type>  <name>" (or just the name with
  # --print-test-name-list); the name is the last word
  string(REGEX REPLACE ".*[ \t]" "" name "${line}")
  list(APPEND registered ${name})
endforeach()
set(errors 0)
foreach(name ${registered})
  if(NOT name IN_LIST SUITES)
    message(SEND_ERROR "suite '${name}' is registered but CMakeLists.txt did "
                       "not find `TestSuite(\"${name}\"` in the test sources; "
                       "it would not run under ctest")
    math(EXPR errors "${errors} + 1")
  endif()
endforeach()
foreach(name ${SUITES})
  if(NOT name IN_LIST registered)
    message(SEND_ERROR "suite '${name}' is in a test source but not "
                       "registered in the test runner")
    math(EXPR errors "${errors} + 1")
  endif()
endforeach()
list(LENGTH registered n)
message(STATUS "${n} suites registered: ${registered}")
