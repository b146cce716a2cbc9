#!/usr/bin/env bash
# Builds and tests pmipv6 inside an ns-3.37 source tree, the way an ns-3 user
# would: Debian's ns3 source package, this repository linked into
# contrib/pmipv6, `./ns3 configure --enable-tests --enable-examples
# --enable-modules=pmipv6`, then test.py for every pmipv6 suite and every
# example in test/examples-to-run.py.
#
# Idempotent: the source tree and its build are reused between runs (ccache and
# ninja make a second run take a minute or two).
#
# Environment:
#   PMIPV6_NS3_SRC  work dir for the ns-3 source  (default ~/.cache/pmipv6/ns3-src)
#   PMIPV6_JOBS     parallel build jobs           (default: number of cores)
#   PMIPV6_PROFILE  ns-3 build profile            (default: debug = -O0, logs,
#                   asserts, -Werror; as ns-3 developers build)
#   PMIPV6_CMAKE_ARGS  extra CMake arguments, e.g. -DPMIPV6_ONLY_EXISTING=ON
# Options:
#   --deps-only     build only the ns-3 modules pmipv6 depends on (warms the
#                   tree and ccache before the module compiles), run no tests
#   --no-tests      build everything, run no tests
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${PMIPV6_NS3_SRC:-$HOME/.cache/pmipv6/ns3-src}
JOBS=${PMIPV6_JOBS:-$(nproc)}
PROFILE=${PMIPV6_PROFILE:-debug}
PY=/usr/bin/python3
DEPS_ONLY=0
RUN_TESTS=1
for arg in "$@"; do
    case "$arg" in
    --deps-only) DEPS_ONLY=1 RUN_TESTS=0 ;;
    --no-tests) RUN_TESTS=0 ;;
    *)
        echo "usage: $0 [--deps-only|--no-tests]" >&2
        exit 2
        ;;
    esac
done
# ns-3 modules pmipv6 and its examples link, from PMIPV6_*LIBRARIES_TO_LINK in CMakeLists.txt
DEP_MODULES=$(grep -o '^ *\${lib[^}]*}' "$REPO/CMakeLists.txt" | sed 's/ *\${lib\(.*\)}/\1/' | tr '\n' ' ')

# `./ns3` sets CLICOLOR=1, and ns-3's CMake then adds -fdiagnostics-color=always
# to every compile command. When ninja re-runs CMake by itself (a CMakeLists.txt
# changed) without it, every command line changes: the precompiled header and
# all of ns-3 are rebuilt (and ccache cannot help, the PCH being new). Keep the
# environment the same for both.
export CLICOLOR=1

log() { echo "check-in-tree: $*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. deb-src entry for this release's main (derived from the machine's own apt
# sources by utils/apt-deb-src.sh), and the source package
if ! ls "$WORK"/ns3-*/ns-3.*/ns3 >/dev/null 2>&1; then
    "$REPO/utils/apt-deb-src.sh"
    if ! ls /var/lib/apt/lists/*_source_Sources* >/dev/null 2>&1; then
        as_root apt-get update -qq
    fi
    command -v dpkg-source >/dev/null || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends dpkg-dev
    mkdir -p "$WORK"
    log "apt-get source ns3 into $WORK"
    (cd "$WORK" && apt-get source -qq ns3 2>&1 | grep -v "^W: Download is performed unsandboxed" || true)
fi
NS3=$(ls -d "$WORK"/ns3-*/ns-3.* | head -n1)
[ -x "$NS3/ns3" ] || {
    echo "check-in-tree: no ns-3 tree under $WORK" >&2
    exit 1
}
log "ns-3 tree: $NS3"
cd "$NS3"

# 2. the module, linked in
if [ "$DEPS_ONLY" -eq 1 ]; then
    rm -f contrib/pmipv6
    MODULES=$(echo "$DEP_MODULES" | tr ' ' ',')
else
    ln -sfn "$REPO" contrib/pmipv6
    MODULES=pmipv6
fi

# 3. configure (ccache is picked up by ns-3's CMakeLists.txt when installed).
# Tests and examples of the dependencies are filtered out: only pmipv6's are built.
CONFIG=(-d "$PROFILE" -G Ninja --enable-tests --enable-examples
    --disable-python-bindings --enable-modules="$MODULES"
    --filter-module-examples-and-tests=pmipv6 -- -DPython3_EXECUTABLE=$PY
    ${PMIPV6_CMAKE_ARGS:-})
STAMP=cmake-cache/.pmipv6-configure-args
# re-configure when the arguments or the module's file lists (CMakeLists.txt) changed
STAMP_TEXT="${CONFIG[*]} $(sha1sum <"$REPO/CMakeLists.txt" | cut -d" " -f1)"
if [ ! -f cmake-cache/build.ninja ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$STAMP_TEXT" ]; then
    log "configure: ${CONFIG[*]}"
    # a previous configure with another generator leaves a cache ninja refuses
    if [ -f cmake-cache/CMakeCache.txt ] && ! grep -q "CMAKE_GENERATOR:INTERNAL=Ninja" cmake-cache/CMakeCache.txt; then
        rm -rf cmake-cache
    fi
    $PY ./ns3 configure "${CONFIG[@]}" >configure.log 2>&1 || {
        tail -n 50 configure.log
        exit 1
    }
    echo "$STAMP_TEXT" >"$STAMP"
fi

# 4. build
log "build (-j $JOBS)"
start=$(date +%s)
cmake --build cmake-cache -j "$JOBS"
log "build took $(($(date +%s) - start)) s"
[ "$RUN_TESTS" -eq 1 ] || exit 0

# 5. tests: every pmipv6 suite the runner knows, plus every suite named in the
# test sources (so a suite that failed to register is reported as failing)
RUNNER=$(ls build/utils/ns*-test-runner* | head -n1)
mapfile -t suites < <(
    {
        "$RUNNER" --print-test-name-list | grep '^pmipv6' || true
        grep -ho 'TestSuite[[:space:]]*([[:space:]]*"pmipv6-[^"]*"' "$REPO"/test/*.cc |
            sed 's/.*"\(pmipv6-[^"]*\)"/\1/' || true
    } | sort -u
)
# examples with do_run "True", with their arguments, as test.py names them
mapfile -t examples < <(
    $PY - "$REPO/test/examples-to-run.py" <<'EOF'
import sys
ns = {}
exec(open(sys.argv[1]).read(), ns)
for name, do_run, _ in ns.get("cpp_examples", []):
    if do_run == "True":
        print(name)
EOF
)
# test.py's result lines without colours and without the "[3/7] " counter
clean() { sed -e 's/\x1b\[[0-9;]*m//g' -e 's/^\[[0-9]*\/[0-9]*\] //'; }
passed=0
failed=0
failures=()
pass() {
    passed=$((passed + 1))
    echo "PASS: $1"
}
fail() {
    failed=$((failed + 1))
    failures+=("$1")
    echo "FAIL: $1"
}
for s in "${suites[@]}"; do
    rc=0
    out=$($PY ./test.py --no-build -s "$s" 2>&1 | clean) || rc=$?
    # test.py's summary: "1 of 1 tests passed (1 passed, 0 skipped, 0 failed, 0 crashed, ..."
    if [ "$rc" -eq 0 ] && echo "$out" | grep -Eq '\([1-9][0-9]* passed, [0-9]+ skipped, 0 failed, 0 crashed'; then
        pass "$s"
    else
        fail "$s"
        echo "$out" | tail -n 40
    fi
done
if [ "${#examples[@]}" -gt 0 ]; then
    # One test.py run for all examples, with the arguments from
    # examples-to-run.py (`-e NAME` would run an example without them). Only
    # pmipv6's examples are built, so only they run.
    rc=0
    out=$($PY ./test.py --no-build --constrain=example 2>&1 | clean) || rc=$?
    for e in "${examples[@]}"; do
        if echo "$out" | grep -Fxq "PASS: Example contrib/pmipv6/examples/$e"; then
            pass "example $e"
        else
            fail "example $e"
            echo "$out" | grep -F "Example contrib/pmipv6/examples/${e%% *}" || echo "(not run: not built?)"
        fi
    done
    [ "$rc" -eq 0 ] || echo "$out" | tail -n 40
fi
if [ "${#failures[@]}" -gt 0 ]; then
    log "failed: ${failures[*]}"
fi
echo "in-tree: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
