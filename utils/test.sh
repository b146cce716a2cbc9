#!/usr/bin/env bash
# Builds pmipv6 standalone (against Debian's ns-3 3.37) into build/ and runs
# every test suite and example test with ctest. Runs utils/setup.sh first.
# Warnings are errors (-DPMIPV6_WERROR=ON), as in ns-3's debug profile that
# utils/check-in-tree.sh builds with. Extra arguments go to the CMake configure
# step and win, e.g. -DPMIPV6_WERROR=OFF (so do those in $PMIPV6_CMAKE_ARGS).
# Environment: PMIPV6_BUILD_DIR (default build), PMIPV6_JOBS (default: cores).
#
# --sanitize (first argument): the same with AddressSanitizer, LeakSanitizer and
# UndefinedBehaviorSanitizer (-DPMIPV6_SANITIZE=ON: -fsanitize=address,undefined
# -fno-sanitize-recover=all) in build-sanitize/ (PMIPV6_BUILD_DIR wins): the
# module, its tests, examples and benchmarks, and the whole ctest; any report
# fails its test. The sanitizers' options (and utils/lsan.supp) are compiled
# into the executables (utils/sanitizer-options.cc); ASAN_OPTIONS, LSAN_OPTIONS
# and UBSAN_OPTIONS override single options. The Python module is not built
# (an ASan library cannot be loaded into an uninstrumented python).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SANITIZE=0
if [ "${1:-}" = "--sanitize" ]; then
    SANITIZE=1
    shift
fi
if [ $SANITIZE -eq 1 ]; then
    BUILD=${PMIPV6_BUILD_DIR:-$REPO/build-sanitize}
    set -- -DPMIPV6_SANITIZE=ON -DPMIPV6_PYTHON=OFF "$@"
else
    BUILD=${PMIPV6_BUILD_DIR:-$REPO/build}
fi
JOBS=${PMIPV6_JOBS:-$(nproc)}

"$REPO/utils/setup.sh"

# ccache: relative paths, so clones in other folders share the cache
export CCACHE_BASEDIR=$REPO CCACHE_NOHASHDIR=true

if [ -f "$BUILD/CMakeCache.txt" ] && ! grep -q "CMAKE_GENERATOR:INTERNAL=Ninja" "$BUILD/CMakeCache.txt"; then
    rm -rf "$BUILD" # configured with another generator
fi
start=$(date +%s)
cmake -S "$REPO" -B "$BUILD" -G Ninja -DPython3_EXECUTABLE=/usr/bin/python3 -DPMIPV6_WERROR=ON \
    ${PMIPV6_CMAKE_ARGS:-} "$@"
cmake --build "$BUILD" -j "$JOBS"
echo "test.sh: configure + build took $(($(date +%s) - start)) s"
start=$(date +%s)
rc=0
ctest --test-dir "$BUILD" --output-on-failure -j "$JOBS" || rc=$?
echo "test.sh: ctest took $(($(date +%s) - start)) s"
exit $rc
