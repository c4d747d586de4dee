#!/usr/bin/env bash
# Try TraceDesk's Search tab in one command: sets up and builds (release) like scripts/run.sh, starts the
# demo server (spans API, Zipkin, Jaeger and Tempo on real traces of those projects) on 127.0.0.1, saves
# the profiles "Demo Zipkin", "Demo Jaeger" and "Demo Tempo", and opens the window on the Search tab.
# The demo server stops when the window closes. DEMO_PORT picks the port (default 9481).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
bin="$here/build/release/app"
port="${DEMO_PORT:-9481}"
"$bin/demoserver/tracedesk-demo-server" --port "$port" --slow-ms 5000 >/dev/null &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for kind in zipkin jaeger tempo; do
  title="$(tr '[:lower:]' '[:upper:]' <<<"${kind:0:1}")${kind:1}"
  "$bin/tracedesk" --save-profile "Demo $title" --backend "$kind" --base-url "http://127.0.0.1:$port/$kind" --auth none
done
"$bin/tracedesk" --new-window --search-page --profile "Demo Zipkin" "$@"
