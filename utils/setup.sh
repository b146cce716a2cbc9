#!/usr/bin/env bash
# Installs everything pmipv6 needs to build, test and run (Debian 12 packages).
# Shared by utils/test.sh, utils/run-flagship.sh and .ci/run. Idempotent: does
# nothing (and needs no network) when every package is already installed.
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

missing=()
for p in "${PACKAGES[@]}"; do
    if [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" != "installed" ]; then
        missing+=("$p")
    fi
done
if [ "${#missing[@]}" -eq 0 ]; then
    echo "setup: all ${#PACKAGES[@]} packages installed"
    exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO -E apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
echo "setup: done"
