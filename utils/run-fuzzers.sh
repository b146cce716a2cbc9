#!/usr/bin/env bash
# Builds every fuzz/*-fuzzer.cc as a libFuzzer + AddressSanitizer executable
# (clang++, model sources instrumented, linked against Debian's ns-3 libraries)
# and runs each for SECONDS seconds.
#
# usage: utils/run-fuzzers.sh [SECONDS] [FUZZER-NAME...]
#        utils/run-fuzzers.sh --minimize [FUZZER-NAME...]
#   SECONDS        per fuzzer (default $PMIPV6_FUZZ_SECONDS or 60)
#   FUZZER-NAME    e.g. mobility-header-fuzzer (default: all)
#   --minimize     no fuzzing: merge (libFuzzer -merge=1) the committed corpus, the inputs of
#                  the last rounds and the seeds into a fresh folder, which replaces
#                  fuzz/corpus/TARGET/ (TARGET: the name without "-fuzzer")
# The build uses CMake (option PMIPV6_FUZZ, in build-fuzz/) so that the source
# lists stay in CMakeLists.txt only. Seeds: each fuzzer writes its own (the
# module's sample messages, `NAME --write-corpus=DIR`) into build-fuzz/seeds/NAME/,
# and the committed, minimized corpus fuzz/corpus/TARGET/ is read too (the
# pmipv6-fuzz-regression suite replays it); new inputs go to
# build-fuzz/corpus/NAME/ (so that a round continues where the last one
# stopped), crashes to build-fuzz/artifacts/. Each run's executions are printed
# ("PASS: NAME (N runs)"). Extra libFuzzer flags: $PMIPV6_FUZZ_ARGS (e.g.
# -runs=N for a round of N executions). Build dir: $PMIPV6_FUZZ_BUILD_DIR.
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
MINIMIZE=0
if [ "${1:-}" = --minimize ]; then
    MINIMIZE=1
    shift
    SECS=0
else
    SECS=${1:-${PMIPV6_FUZZ_SECONDS:-60}}
    [ $# -gt 0 ] && shift
fi
BUILD=${PMIPV6_FUZZ_BUILD_DIR:-$REPO/build-fuzz}
JOBS=${PMIPV6_JOBS:-$(nproc)}

shopt -s nullglob
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
    for f in "$REPO"/fuzz/*-fuzzer.cc; do names+=("$(basename "$f" .cc)"); done
fi
if [ ${#names[@]} -eq 0 ]; then
    echo "run-fuzzers: no fuzz/*-fuzzer.cc"
    exit 0
fi
command -v clang++ >/dev/null || "$REPO/utils/setup.sh"

export CCACHE_BASEDIR=$REPO CCACHE_NOHASHDIR=true
cmake -S "$REPO" -B "$BUILD" -G Ninja -DCMAKE_CXX_COMPILER=clang++ \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPMIPV6_FUZZ=ON -DPMIPV6_PYTHON=OFF \
    -DPMIPV6_ONLY_EXISTING=ON >/dev/null
cmake --build "$BUILD" -j "$JOBS" --target "${names[@]}"

passed=0
failed=0
mkdir -p "$BUILD/artifacts"
for name in "${names[@]}"; do
    target=${name%-fuzzer}
    committed="$REPO/fuzz/corpus/$target"
    corpus=("$BUILD/corpus/$name")
    mkdir -p "${corpus[0]}"
    [ -d "$committed" ] && corpus+=("$committed")
    seeds="$BUILD/seeds/$name"
    rm -rf "$seeds"
    # (-runs=0: a fuzzer without the seed mode runs nothing instead of fuzzing)
    ASAN_OPTIONS=detect_leaks=0 "$BUILD/$name" --write-corpus="$seeds" -runs=0 >/dev/null 2>&1
    [ -d "$seeds" ] && corpus+=("$seeds")
    if [ "$MINIMIZE" -eq 1 ]; then
        fresh="$BUILD/minimized/$target"
        rm -rf "$fresh"
        mkdir -p "$fresh"
        if "$BUILD/$name" -merge=1 -timeout=10 "$fresh" "${corpus[@]}" >"$BUILD/$name-merge.log" 2>&1; then
            rm -rf "$committed"
            mkdir -p "$(dirname "$committed")"
            cp -r "$fresh" "$committed"
            passed=$((passed + 1))
            echo "MINIMIZED: $target ($(find "$committed" -type f | wc -l) files, $(du -sk "$committed" | cut -f1) KiB)"
        else
            failed=$((failed + 1))
            echo "FAIL: merge of $name (log: $BUILD/$name-merge.log)"
            tail -n 40 "$BUILD/$name-merge.log"
        fi
        continue
    fi
    echo "run-fuzzers: $name for ${SECS}s"
    # shellcheck disable=SC2086
    if "$BUILD/$name" -max_total_time="$SECS" -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$BUILD/artifacts/$name-" ${PMIPV6_FUZZ_ARGS:-} "${corpus[@]}" \
        >"$BUILD/$name.log" 2>&1; then
        passed=$((passed + 1))
        echo "PASS: $name ($(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$BUILD/$name.log" | grep -o '[0-9]*$' || echo '?') runs)"
    else
        failed=$((failed + 1))
        echo "FAIL: $name (log: $BUILD/$name.log)"
        tail -n 40 "$BUILD/$name.log"
    fi
done
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
