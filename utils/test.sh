#!/usr/bin/env bash
# Builds pmipv6 standalone (against Debian's ns-3 3.37) into build/ and runs
# every test suite and example test with ctest. Runs utils/setup.sh first.
# Warnings are errors (-DPMIPV6_WERROR=ON), as in ns-3's debug profile that
# utils/check-in-tree.sh builds with. Extra arguments go to the CMake configure
# step and win, e.g. -DPMIPV6_WERROR=OFF (so do those in $PMIPV6_CMAKE_ARGS).
# Environment: PMIPV6_BUILD_DIR (default build), PMIPV6_JOBS (default: cores).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${PMIPV6_BUILD_DIR:-$REPO/build}
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
ctest --test-dir "$BUILD" --output-on-failure -j "$JOBS"
