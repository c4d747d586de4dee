#!/usr/bin/env bash
# Builds the release preset and prints the performance figures of README "Performance":
# load (TraceDesk vs simdjson vs python json.load) per size and form, then frame times in the window.
#   SIZES=1k,10k,100k,1M  sizes for the load benchmark (default 1k,10k,100k; 1M writes a 2.5 GB file)
#   FRAME_SPANS=100k      size for the frame benchmark
# Generated traces go to a temporary directory and are deleted; JSON lines go to build/release/bench-*.jsonl.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target gentrace tracedesk-bench tracedesk-framebench
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
build/release/bench/tracedesk-bench --sizes "${SIZES:-1k,10k,100k}" --json build/release/bench-load.jsonl
QT_QPA_PLATFORM=offscreen build/release/bench/tracedesk-framebench --spans "${FRAME_SPANS:-100k}" \
    | tee build/release/bench-frames.txt
