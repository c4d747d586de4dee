#!/usr/bin/env bash
# Sets up everything on a fresh Debian 12 machine, builds TraceDesk (release) and starts it.
# With no arguments it opens the bundled sample trace; otherwise the arguments go to tracedesk
# (a FILE, or options such as --summary FILE, --fetch ID ...).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
exec "$here/build/release/app/tracedesk" "$@"
