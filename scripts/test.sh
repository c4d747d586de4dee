#!/usr/bin/env bash
# Sets up everything on a fresh Debian 12 machine, builds with AddressSanitizer and
# UndefinedBehaviorSanitizer (leaks checked for our code) and runs every test. Exits non-zero on failure.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/deps.sh
cmake --preset asan >/dev/null
# Two jobs: CI machines have two cores, and the sanitizer build is memory-hungry.
cmake --build --preset asan -j "${TRACEDESK_JOBS:-2}"
ctest --preset asan -j 2 "$@"
