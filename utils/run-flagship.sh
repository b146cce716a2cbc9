#!/usr/bin/env bash
# Installs, builds (standalone, into build/) and runs the flagship example
# pmipv6-csma-handover (RFC 5213 handover between two MAGs), writing its printed results,
# a CSV of the figures and pcap files of every link into results/.
# Extra arguments are passed to the example; extra CMake arguments: $PMIPV6_CMAKE_ARGS.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${PMIPV6_BUILD_DIR:-$REPO/build}
JOBS=${PMIPV6_JOBS:-$(nproc)}
EXAMPLE=pmipv6-csma-handover
RESULTS=$REPO/results

"$REPO/utils/setup.sh"
export CCACHE_BASEDIR=$REPO CCACHE_NOHASHDIR=true
if [ -f "$BUILD/CMakeCache.txt" ] && ! grep -q "CMAKE_GENERATOR:INTERNAL=Ninja" "$BUILD/CMakeCache.txt"; then
    rm -rf "$BUILD"
fi
cmake -S "$REPO" -B "$BUILD" -G Ninja -DPython3_EXECUTABLE=/usr/bin/python3 ${PMIPV6_CMAKE_ARGS:-} >/dev/null
cmake --build "$BUILD" -j "$JOBS" --target "$EXAMPLE"

mkdir -p "$RESULTS"
cd "$RESULTS" # the example writes its files into the working directory
"$BUILD/$EXAMPLE" --pcap=1 --output="$RESULTS/$EXAMPLE.csv" "$@" 2>&1 | tee "$RESULTS/$EXAMPLE.txt"
echo "run-flagship: results in $RESULTS"
