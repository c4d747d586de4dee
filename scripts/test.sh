#!/usr/bin/env bash
# Sets up everything on a fresh Debian 12 machine, builds with AddressSanitizer and
# UndefinedBehaviorSanitizer (leaks checked for our code) with clang, runs every test, then fuzzes each
# reader for TRACEDESK_FUZZ_SECONDS (default 60). Exits non-zero on failure.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/deps.sh
cmake --preset asan >/dev/null
# Two jobs: CI machines have two cores, and the sanitizer build is memory-hungry.
cmake --build --preset asan -j "${TRACEDESK_JOBS:-2}"
ctest --preset asan -j 2 "$@"
# Then every fuzz target (tests/fuzz/) for a minute on both cores; a crash fails the run and is kept in
# tests/data/malformed/. TRACEDESK_FUZZ_SECONDS=0 skips it.
if [ "${TRACEDESK_FUZZ_SECONDS:-60}" != 0 ]; then
  TRACEDESK_FUZZ_WORKERS="${TRACEDESK_FUZZ_WORKERS:-2}" bash scripts/fuzz.sh "${TRACEDESK_FUZZ_SECONDS:-60}"
fi
