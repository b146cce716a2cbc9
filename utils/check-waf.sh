#!/usr/bin/env bash
# Builds and tests pmipv6 inside a waf-era ns-3 source tree (ns-3.31, Debian 11's
# ns3 source package), the way a user of those releases would: this repository
# linked into contrib/pmipv6, `./waf configure --enable-tests --enable-examples
# --enable-modules=pmipv6`, `./waf build`, then test.py for every pmipv6 suite
# and, one at a time with its arguments, every example that test/examples-to-run.py
# lists (nothing else of the tree).
#
# The tree: a deb-src entry for bullseye main derived from the machine's own apt
# sources (utils/apt-deb-src.sh bullseye), then `apt-get source ns3=3.31+dfsg-3`
# into ~/.cache/pmipv6/ns3-3.31-src, reused between runs (a second run rebuilds
# only what changed). ns-3 itself is not patched: ns-3.31 is configured with
# --disable-werror (gcc 12 warns in its code) and C++17 (the module needs it);
# the module bridges the API differences in model/pmipv6-ns3-compat.h, which its
# wscript force-includes.
#
# Environment:
#   PMIPV6_NS3_WAF_SRC   work dir for the source (default ~/.cache/pmipv6/ns3-3.31-src)
#   PMIPV6_NS3_WAF_TREE  use this waf-era ns-3 source tree instead (a directory
#                        with `waf` and `wscript`; e.g. `git archive ns-3.31` of
#                        ns-3-dev, when the archive does not serve the package)
#   PMIPV6_JOBS          parallel build jobs (default: number of cores)
#   PMIPV6_PROFILE       ns-3 build profile (default: debug, -O0, asserts and logs)
#   PMIPV6_EXAMPLE_TIMEOUT  seconds an example may run (default 1200)
# Options:
#   --deps-only      build ns-3 without the module (warms the tree and ccache), no tests
#   --no-tests       build everything, run no tests
#   --tests-only     no configure, no build: run the tests of the last build
#   --suites-only    like --tests-only, the test suites only
#   --examples-only  like --tests-only, the examples only
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=${PMIPV6_NS3_WAF_SRC:-$HOME/.cache/pmipv6/ns3-3.31-src}
JOBS=${PMIPV6_JOBS:-$(nproc)}
PROFILE=${PMIPV6_PROFILE:-debug}
PKG_VERSION=3.31+dfsg-3
PY=/usr/bin/python3 # Debian's Python (waf and test.py need nothing else)
DEPS_ONLY=0
RUN_TESTS=1
BUILD=1
RUN_SUITES=1
RUN_EXAMPLES=1
for arg in "$@"; do
    case "$arg" in
    --deps-only) DEPS_ONLY=1 RUN_TESTS=0 ;;
    --no-tests) RUN_TESTS=0 ;;
    --tests-only) BUILD=0 ;;
    --suites-only) BUILD=0 RUN_EXAMPLES=0 ;;
    --examples-only) BUILD=0 RUN_SUITES=0 ;;
    *)
        echo "usage: $0 [--deps-only|--no-tests|--tests-only|--suites-only|--examples-only]" >&2
        exit 2
        ;;
    esac
done

log() { echo "check-waf: $*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
# a waf-era ns-3 tree: has wscript and waf, no ns3 script
is_tree() { [ -f "$1/wscript" ] && [ -f "$1/waf" ] && [ -f "$1/test.py" ]; }
find_tree() {
    local d
    for d in "$WORK"/*/ns-3.* "$WORK"/ns-3.*; do
        if is_tree "$d"; then
            echo "$d"
            return 0
        fi
    done
    return 1
}

# 1. the source tree
start_all=$(date +%s)
if [ -n "${PMIPV6_NS3_WAF_TREE:-}" ]; then
    NS3=$(cd "$PMIPV6_NS3_WAF_TREE" && pwd)
    is_tree "$NS3" || {
        echo "check-waf: $NS3 is not a waf-era ns-3 tree (no waf, wscript or test.py)" >&2
        exit 1
    }
elif ! NS3=$(find_tree); then
    "$REPO/utils/apt-deb-src.sh" bullseye
    command -v dpkg-source >/dev/null || as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends dpkg-dev
    mkdir -p "$WORK"
    log "apt-get source ns3=$PKG_VERSION into $WORK"
    if ! (cd "$WORK" && apt-get source -qq "ns3=$PKG_VERSION" 2>&1 | grep -v "^W: Download is performed unsandboxed"; exit "${PIPESTATUS[0]}"); then
        echo "check-waf: the archive did not serve ns3 $PKG_VERSION; set PMIPV6_NS3_WAF_TREE" \
            "to an ns-3.31 source tree (for example \`git archive ns-3.31\` of ns-3-dev)" >&2
        exit 1
    fi
    NS3=$(find_tree) || {
        echo "check-waf: no waf-era ns-3 tree (waf, wscript, test.py) under $WORK" >&2
        exit 1
    }
fi
log "ns-3 tree: $NS3 ($(cat "$NS3/VERSION" 2>/dev/null || echo '?'))"
cd "$NS3"

# 2. the module, linked in (or not, to warm the dependencies)
if [ "$DEPS_ONLY" -eq 1 ]; then
    rm -f contrib/pmipv6
else
    ln -sfn "$REPO" contrib/pmipv6
fi
# the ns-3 modules pmipv6 needs, from the wscript's create_ns3_module call
DEP_MODULES=$($PY - "$REPO/wscript" <<'EOF'
import re, sys
m = re.search(r"create_ns3_module\('pmipv6',\s*\[([^\]]*)\]", open(sys.argv[1]).read())
print(",".join(re.findall(r"'([^']+)'", m.group(1))))
EOF
)
MODULES=pmipv6
[ "$DEPS_ONLY" -eq 0 ] || MODULES=$DEP_MODULES

if [ "$BUILD" -eq 1 ]; then
    # 3. configure. ns-3.31 warns under gcc 12 (-Werror off) and builds C++11 by
    # default; the module needs C++17. ccache, when installed, caches the compiles.
    CXX_CMD=${CXX:-g++}
    if command -v ccache >/dev/null && [[ "$CXX_CMD" != ccache* ]]; then
        CXX_CMD="ccache $CXX_CMD"
    fi
    CONFIG=(-d "$PROFILE" --enable-tests --enable-examples --enable-modules="$MODULES"
        --disable-werror --disable-python --cxx-standard=-std=c++17)
    STAMP=build/.pmipv6-configure-args
    STAMP_TEXT="$CXX_CMD ${CONFIG[*]} $(cat "$REPO/wscript" "$REPO/examples/wscript" | sha1sum | cut -d" " -f1)"
    if [ ! -f build/c4che/_cache.py ] || [ "$(cat "$STAMP" 2>/dev/null)" != "$STAMP_TEXT" ]; then
        log "configure: ${CONFIG[*]}"
        CXX="$CXX_CMD" $PY ./waf configure "${CONFIG[@]}" >waf-configure.log 2>&1 || {
            tail -n 50 waf-configure.log
            exit 1
        }
        echo "$STAMP_TEXT" >"$STAMP"
        # the module's own configure-time messages (Boost.Graph, Python module, C++17)
        grep -E '^pmipv6|^Checking for Boost.Graph' waf-configure.log || true
    fi

    # 4. build what test.py needs: test-runner (every enabled module and its test
    # library) and pmipv6's examples; the dependencies' own examples are not built.
    TARGETS=test-runner
    if [ "$DEPS_ONLY" -eq 0 ]; then
        TARGETS=$TARGETS,$(grep -o "create_ns3_program('[^']*'" "$REPO/examples/wscript" |
            sed "s/.*('//;s/'//" | paste -sd, -)
    fi
    log "build (-j $JOBS)"
    start=$(date +%s)
    # ns-3.31's waf does not rebuild objects that include a module header through its copy in
    # build/ns3 when only that header changed (seen: a test object compiled against an older
    # binding-update-list.h, then linked with a module built against the new one: heap
    # corruption in 20 suites). So when any of the module's headers changed since the last
    # build here, the module's objects are removed and rebuilt; a fresh tree is not affected.
    HEADERS_SIG=$(cat "$REPO"/model/*.h "$REPO"/helper/*.h "$REPO"/test/*.h 2>/dev/null | sha1sum | cut -d" " -f1)
    HEADERS_STAMP=build/.pmipv6-headers-sig
    if [ "$DEPS_ONLY" -eq 0 ] && [ -d build/contrib/pmipv6 ] &&
        [ "$(cat "$HEADERS_STAMP" 2>/dev/null)" != "$HEADERS_SIG" ]; then
        log "the module's headers changed since the last build here: rebuilding the module"
        rm -rf build/contrib/pmipv6 build/lib/*pmipv6*
    fi
    # ns-3.31's waf copies module headers into build/ns3 only when their task generators are posted:
    # a plain build posts them all, --targets does not, --run posts them all (and builds only the
    # program when --targets names it too). So: --run one small pmipv6 example first (every module's
    # headers copied, for a fresh tree; that program and the libraries it uses built), then
    # --targets for the rest. ns-3.31 orders the header copies before linking only, not before
    # compiling, so a first build after a new pmipv6 header could compile a source that includes
    # it as "ns3/x.h" before the copy ("No such file"): the wscripts make every pmipv6 compile task
    # run after pmipv6's header copies and ns3/pmipv6-module.h (wscript, _after_headers), which
    # orders it for any waf build, not only this script's.
    FIRST=$(grep -o "create_ns3_program('[^']*'" "$REPO/examples/wscript" | sed "s/.*('//;s/'//" |
        head -n 1)
    $PY ./waf --run "$FIRST" --targets="$FIRST" -j "$JOBS" >waf-headers.log 2>&1 || {
        grep -E -A5 'error:' waf-headers.log | head -n 80
        tail -n 20 waf-headers.log
        exit 1
    }
    $PY ./waf build -j "$JOBS" --targets="$TARGETS" >waf-build.log 2>&1 || {
        grep -E -A5 'error:' waf-build.log | head -n 80
        tail -n 20 waf-build.log
        exit 1
    }
    [ "$DEPS_ONLY" -eq 1 ] || echo "$HEADERS_SIG" >"$HEADERS_STAMP"
    log "build took $(($(date +%s) - start)) s"
else
    [ -f build/c4che/_cache.py ] || {
        echo "check-waf: $NS3 is not built: run without --tests-only first" >&2
        exit 1
    }
    [ "$(cat build/.pmipv6-headers-sig 2>/dev/null)" = "$(cat "$REPO"/model/*.h "$REPO"/helper/*.h "$REPO"/test/*.h 2>/dev/null | sha1sum | cut -d" " -f1)" ] ||
        log "warning: the module's headers changed since the last build here"
fi
[ "$RUN_TESTS" -eq 1 ] || {
    log "total $(($(date +%s) - start_all)) s"
    exit 0
}

# 5. tests: every pmipv6 suite the runner knows, plus every suite named in the
# test sources (a suite that failed to register is reported as failing)
RUNNER=$(ls build/utils/ns*-test-runner* | head -n1)
mapfile -t suites < <(
    {
        LD_LIBRARY_PATH=$NS3/build/lib "$RUNNER" --print-test-name-list | grep '^pmipv6' || true
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
# test.py's result lines without colours and without a "[3/7] " counter
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
start=$(date +%s)
[ "$RUN_SUITES" -eq 1 ] || suites=()
for s in "${suites[@]}"; do
    rc=0
    out=$($PY ./test.py --nowaf -s "$s" 2>&1 | clean) || rc=$?
    # "1 of 1 tests passed (1 passed, 0 skipped, 0 failed, 0 crashed, 0 valgrind errors)"
    if [ "$rc" -eq 0 ] && echo "$out" | grep -Eq '\([1-9][0-9]* passed, [0-9]+ skipped, 0 failed, 0 crashed'; then
        pass "$s"
    else
        fail "$s"
        echo "$out" | tail -n 40
    fi
done
if [ "$RUN_EXAMPLES" -eq 1 ] && [ "${#examples[@]}" -gt 0 ]; then
    # Each listed example on its own, with its arguments, as test.py runs one (its program
    # from the build, in a scratch directory, the build's libraries on LD_LIBRARY_PATH; passed
    # when it exits with 0), and nothing else of the tree. ns-3.31's `test.py -e NAME` takes no
    # arguments, and `--constrain=example` runs every enabled module's examples.
    case "$PROFILE" in
    release) SUFFIX= ;;
    *) SUFFIX=-$PROFILE ;;
    esac
    for e in "${examples[@]}"; do
        name=${e%% *}
        args=
        [ "$name" = "$e" ] || args=${e#* }
        program=$NS3/build/contrib/pmipv6/examples/ns$(cat VERSION)-$name$SUFFIX
        if [ ! -x "$program" ]; then
            fail "example $e"
            echo "(not built: $program)"
            continue
        fi
        scratch=$(mktemp -d)
        t0=$(date +%s)
        rc=0
        # shellcheck disable=SC2086 # the arguments are words
        (cd "$scratch" && LD_LIBRARY_PATH=$NS3/build/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH} \
            timeout "${PMIPV6_EXAMPLE_TIMEOUT:-1200}" "$program" $args >output.txt 2>&1) || rc=$?
        if [ "$rc" -eq 0 ]; then
            pass "example $e ($(($(date +%s) - t0)) s)"
        else
            fail "example $e"
            echo "exit status $rc after $(($(date +%s) - t0)) s; its last lines:"
            tail -n 20 "$scratch/output.txt"
        fi
        rm -rf "$scratch"
    done
fi
log "tests took $(($(date +%s) - start)) s"
if [ "${#failures[@]}" -gt 0 ]; then
    log "failed: ${failures[*]}"
fi
log "total $(($(date +%s) - start_all)) s"
echo "waf ($(cat VERSION 2>/dev/null || echo '?')): $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
