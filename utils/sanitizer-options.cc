/*
 * SPDX-License-Identifier: GPL-2.0-only
 */

/**
 * \file
 * \brief Default options of AddressSanitizer, LeakSanitizer and
 * UndefinedBehaviorSanitizer, compiled into every executable of a
 * -DPMIPV6_SANITIZE=ON build (test runner, examples, benchmarks).
 *
 * The sanitizer runtimes read these before ASAN_OPTIONS, LSAN_OPTIONS and
 * UBSAN_OPTIONS, so an executable run by hand behaves as under ctest, and the
 * environment variables still override single options. They must live in the
 * executable: with the shared runtime, libasan comes before libns3-pmipv6 in
 * the lookup order and its own (empty) defaults would win.
 *
 * PMIPV6_LSAN_SUPPRESSIONS is the absolute path of utils/lsan.supp (a compile
 * definition set by CMakeLists.txt).
 */

#define PMIPV6_SANITIZER_HOOK                                                                      \
    extern "C" __attribute__((no_sanitize("address", "undefined"), visibility("default"), used))

/**
 * \brief ASan: leaks checked at exit, strict string checks, initialization order.
 * \return the option string
 */
PMIPV6_SANITIZER_HOOK const char*
__asan_default_options()
{
    return "detect_leaks=1:strict_string_checks=1:check_initialization_order=1:"
           "strict_init_order=1:detect_stack_use_after_return=1";
}

/**
 * \brief LSan: the suppressions of leaks inside Debian's libns3 (utils/lsan.supp).
 * \return the option string
 */
PMIPV6_SANITIZER_HOOK const char*
__lsan_default_options()
{
    return "suppressions=" PMIPV6_LSAN_SUPPRESSIONS ":print_suppressions=0";
}

/**
 * \brief UBSan: a stack trace with each report (the build already stops at the first one:
 * -fno-sanitize-recover=all).
 * \return the option string
 */
PMIPV6_SANITIZER_HOOK const char*
__ubsan_default_options()
{
    return "print_stacktrace=1:halt_on_error=1";
}
