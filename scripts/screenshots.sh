#!/usr/bin/env bash
# Takes the README's window pictures: the bundled sample at 1400x900 and 1920x1080, light and dark, English
# and Chinese, under a virtual X display. Settings go to a temporary home, so yours are not touched.
#   BUILD=build/rel   the build whose app/tracedesk is used (default build/release)
#   OUT=docs          where the PNGs go
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
app="${BUILD:-build/release}/app/tracedesk"
out="${OUT:-docs}"
[ -x "$app" ] || { echo "screenshots: no $app; build it first (cmake --preset release && cmake --build --preset release)" >&2; exit 1; }
mkdir -p "$out"
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
for size in 1400x900 1920x1080; do
  for theme in light dark; do
    for lang in en zh_CN; do
      rm -rf "$home"/*
      mkdir -p "$home/config/TraceDesk"
      printf '[ui]\ntheme=%s\nlanguage=%s\n' "$theme" "$lang" > "$home/config/TraceDesk/TraceDesk.conf"
      file="$out/window-$size-$theme-$lang.png"
      XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" \
        xvfb-run -a -s "-screen 0 2000x1200x24" "$app" --no-library --window-size "$size" --screenshot "$file" "$@"
      echo "$file"
    done
  done
done
