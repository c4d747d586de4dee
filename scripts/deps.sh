#!/usr/bin/env bash
# The one list of Debian 12 packages TraceDesk needs to build, run, test, benchmark and package.
# Installs only what is missing, so a second run is quick and needs no network.
set -euo pipefail

PACKAGES=(
  # toolchain
  build-essential cmake ninja-build pkg-config git
  # Qt 6 and the libraries we build against
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev
  qt6-base-private-dev  # QTreeView's row search hint, see views/spantreeview.cpp
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-qpa-plugins
  qt6-translations-l10n
  qtkeychain-qt6-dev nlohmann-json3-dev
  libgraphviz-dev  # the trace graph's layout (dot)
  libqt6sql6-sqlite  # the local trace library (Qt SQL driver for SQLite)
  libgl-dev libqt6opengl6-dev libxkbcommon-dev libvulkan-dev
  # fonts so labels (including Chinese span data) render
  fonts-dejavu-core fonts-wqy-microhei
  # tests: a display for GUI smoke runs, sanitizers and the fuzzer runtime
  xvfb xauth clang libclang-rt-14-dev python3
  # packaging checks
  dpkg-dev desktop-file-utils appstream file shared-mime-info
  # benchmark baseline (simdjson parse time)
  libsimdjson-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
