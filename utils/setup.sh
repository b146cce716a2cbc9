#!/usr/bin/env bash
# Installs everything pmipv6 needs to build, test and run (Debian 12 packages).
# Shared by utils/test.sh, utils/run-flagship.sh and .ci/run.
#
# It always runs the one `apt-get install` command that a fresh machine runs,
# so that a broken install line fails on every machine (CI included), not only
# on a fresh one; with every package present that command changes nothing and
# takes about a second. `apt-get update` runs first only when a package is
# missing (a fresh machine) or when the install fails on stale package lists.
# Works as root (no sudo needed) and as a user with sudo.
#
#   utils/setup.sh            install what is missing (idempotent)
#   utils/setup.sh --list     print the package list and exit
set -euo pipefail

PACKAGES=(
    # ns-3 3.37: headers, libraries, CMake config; `ns3` ships the helper
    # programs that the CMake config checks for (raw-sock-creator, ...)
    libns3-dev ns3
    # needed to link against libns3
    libgsl-dev libsqlite3-dev libxml2-dev
    # topology helpers, Python bindings
    libboost-graph-dev pybind11-dev python3-dev
    # sweeps and plots
    python3-matplotlib python3-distributed python3-pandas python3-tqdm python3-pytest python3-sphinx
    # decoding tests
    tshark
    # toolchain; clang for libFuzzer; dpkg-dev for `apt-get source ns3`
    cmake ninja-build g++ ccache clang dpkg-dev
)

if [ "${1:-}" = "--list" ]; then
    printf '%s\n' "${PACKAGES[@]}"
    exit 0
fi

# as_root CMD...: run CMD as root, through sudo when we are not root
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        echo "setup: not root and no sudo: cannot run '$*'" >&2
        echo "setup: install these Debian packages by hand: ${PACKAGES[*]}" >&2
        exit 1
    fi
}

missing=()
for p in "${PACKAGES[@]}"; do
    if [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" != "installed" ]; then
        missing+=("$p")
    fi
done

install() {
    # env(1) passes DEBIAN_FRONTEND through sudo, which resets the environment
    as_root env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}"
}

if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    install >/dev/null
else
    echo "setup: all ${#PACKAGES[@]} packages present; checking with apt-get install"
    if ! install >/dev/null; then
        echo "setup: apt-get install failed; refreshing the package lists and retrying"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        install >/dev/null
    fi
fi

echo "setup: done (${#PACKAGES[@]} packages installed)"
