#!/usr/bin/env bash
# Builds the release packages: build/release/tracedesk_<version>_<arch>.deb and tracedesk-<version>-Linux.tar.gz,
# then checks the .deb (packaging/check-package.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
bash scripts/deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
(cd build/release && cpack)
bash packaging/check-package.sh build/release/tracedesk_*.deb
ls -l build/release/tracedesk*.deb build/release/tracedesk*.tar.gz
