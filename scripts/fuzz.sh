#!/usr/bin/env bash
# Runs every libFuzzer target (tests/fuzz/) for SECONDS each, one after the other, seeded from tests/data.
#   scripts/fuzz.sh [SECONDS] [TARGET...]      default: 60 seconds, every target
# Environment: TRACEDESK_BUILD_DIR (default build/asan, configured with `cmake --preset asan`),
#   TRACEDESK_FUZZ_WORKERS (parallel processes per target, default 1; 2 uses both cores of a CI machine),
#   TRACEDESK_FUZZ_LOGS (where each target's log goes, default BUILD_DIR/fuzz-logs).
# The corpus each target grows is kept in BUILD_DIR/fuzz-corpus/TARGET, so later runs start from it.
# A crash, leak, timeout or out-of-memory input is copied to tests/data/malformed/fuzz-TARGET-HASH.json
# and makes the script fail after all targets ran.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-60}"
shift || true
build="${TRACEDESK_BUILD_DIR:-$here/build/asan}"
workers="${TRACEDESK_FUZZ_WORKERS:-1}"
logs="${TRACEDESK_FUZZ_LOGS:-$build/fuzz-logs}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(fuzz_load fuzz_spansapi fuzz_zipkin_v1 fuzz_zipkin_v2 fuzz_zipkin_thrift fuzz_sls fuzz_jaeger fuzz_otlp fuzz_cts fuzz_fastsplit)
fi

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:allocator_may_return_null=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export LSAN_OPTIONS="suppressions=$here/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export QT_QPA_PLATFORM=offscreen

mkdir -p "$logs"
failed=()
printf '%-20s %12s %8s %8s  %s\n' target executions exec/s corpus result
for t in "${targets[@]}"; do
  exe="$build/tests/fuzz/$t"
  if [ ! -x "$exe" ]; then
    echo "fuzz: $exe is missing; build it with: cmake --preset asan && cmake --build --preset asan --target fuzzers" >&2
    exit 1
  fi
  corpus="$build/fuzz-corpus/$t"
  artifacts="$(mktemp -d)"
  mkdir -p "$corpus"
  log="$logs/$t.log"
  args=(-max_total_time="$seconds" -max_len=65536 -timeout=20 -rss_limit_mb=2048 -print_final_stats=1
        -artifact_prefix="$artifacts/")
  if [ "$workers" -gt 1 ]; then
    args+=(-fork="$workers")
  fi
  # The first directory receives new inputs; tests/data (fixtures, real-world traces, malformed files) seeds.
  rc=0
  "$exe" "${args[@]}" "$corpus" "$here/tests/data" >"$log" 2>&1 || rc=$?
  # One process prints its final stats; -fork prints "#N: cov: ..." lines as jobs finish.
  execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | awk '{s+=$1} END {print s+0}' || true)"
  if [ "${execs:-0}" = 0 ]; then
    execs="$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#' || true)"
  fi
  speed="$(grep -o 'exec/s:\? [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)"
  size="$(find "$corpus" -type f | wc -l)"
  result=ok
  slow=0
  for a in "$artifacts"/*; do
    [ -e "$a" ] || continue
    # A slow unit is not a failure (a busy machine makes them); timeouts are.
    case "$(basename "$a")" in slow-unit-*) slow=$((slow + 1)); continue ;; esac
    hash="$(sha1sum "$a" | cut -c1-12)"
    kind="$(basename "$a" | cut -d- -f1)"
    dest="$here/tests/data/malformed/fuzz-${t#fuzz_}-$kind-$hash.json"
    cp "$a" "$dest"
    result="FAILED ($kind: ${dest#"$here"/})"
  done
  if [ "$rc" -ne 0 ] && [ "$result" = ok ]; then
    result="FAILED (exit $rc, see $log)"
  fi
  if [ "$result" = ok ] && [ "$slow" -gt 0 ]; then
    result="ok ($slow slow inputs, see $log)"
  fi
  case "$result" in ok*) ;; *) failed+=("$t") ;; esac
  rm -rf "$artifacts"
  printf '%-20s %12s %8s %8s  %s\n' "$t" "${execs:-?}" "${speed:-?}" "$size" "$result"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: ${failed[*]} failed; the inputs are in tests/data/malformed/ (logs in $logs)" >&2
  exit 1
fi
