#!/usr/bin/env bash
# Runs utils/setup.sh as on a fresh machine, with none of its packages installed, without
# installing anything: dpkg-query, apt-get and sudo are stubbed on PATH. Checks that it exits
# 0, runs `apt-get update` and one `apt-get install` naming every package, and (when we are
# root) does not go through sudo. Also checks the present-everything path: the same install
# line runs again. A CTest test (setup-sh-fresh-machine).
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
stub=$(mktemp -d)
trap 'rm -rf "$stub"' EXIT
fail() {
    echo "check-setup: FAIL: $*" >&2
    cat "$stub/apt.log" >&2 2>/dev/null || true
    exit 1
}
mkstubs() { # $1: what dpkg-query reports
    printf '#!/bin/sh\necho %s\n' "$1" >"$stub/dpkg-query"
    printf '#!/bin/sh\necho "apt-get $*" >>"%s/apt.log"\n' "$stub" >"$stub/apt-get"
    printf '#!/bin/sh\necho "sudo $*" >>"%s/apt.log"\nexec "$@"\n' "$stub" >"$stub/sudo"
    chmod +x "$stub"/*
    : >"$stub/apt.log"
}
packages=$(bash "$REPO/utils/setup.sh" --list | tr '\n' ' ' | sed 's/ $//')

mkstubs not-installed
PATH="$stub:$PATH" bash "$REPO/utils/setup.sh" >"$stub/out" 2>&1 || fail "setup.sh exited non-zero on a fresh machine: $(tail -n 3 "$stub/out")"
grep -q '^apt-get update' "$stub/apt.log" || fail "no apt-get update on a fresh machine"
grep -qF "apt-get install -y -qq --no-install-recommends $packages" "$stub/apt.log" || fail "no apt-get install of every package"
if [ "$(id -u)" -eq 0 ] && grep -q '^sudo' "$stub/apt.log"; then
    fail "went through sudo as root"
fi

mkstubs installed
PATH="$stub:$PATH" bash "$REPO/utils/setup.sh" >"$stub/out" 2>&1 || fail "setup.sh exited non-zero with everything present"
grep -qF "apt-get install -y -qq --no-install-recommends $packages" "$stub/apt.log" || fail "the install line did not run with everything present"
grep -q '^apt-get update' "$stub/apt.log" && fail "apt-get update ran although nothing was missing"
echo "check-setup: fresh and present paths OK ($(echo "$packages" | wc -w) packages)"
