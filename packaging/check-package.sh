#!/usr/bin/env bash
# Checks a TraceDesk .deb: extracts it into a scratch root with dpkg-deb -x, runs the installed binary
# (--version, --summary on the bundled sample), validates the desktop file, the AppStream metainfo and the
# MIME definitions, and looks at the declared dependencies and the icons.
#   packaging/check-package.sh FILE.deb
#   packaging/check-package.sh --build BUILD_DIR   # packs BUILD_DIR's binaries with its CPackConfig first
set -euo pipefail
src="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/tracedesk-package.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

if [ "${1:-}" = "--build" ]; then
  build="$(cd "$2" && pwd)"
  # Only the DEB generator, uncompressed: the test checks the package, not the compressor.
  cpack --config "$build/CPackConfig.cmake" -G DEB -B "$scratch/pkg" \
        -D CPACK_DEBIAN_COMPRESSION_TYPE=none >"$scratch/cpack.log" 2>&1 || { cat "$scratch/cpack.log"; fail "cpack"; }
  deb="$(ls "$scratch"/pkg/*.deb)"
else
  deb="$1"
fi
[ -f "$deb" ] || fail "no package at $deb"
echo "checking $deb"

control="$(dpkg-deb -f "$deb")"
echo "$control" | grep -E '^(Package|Version|Depends):'
for dep in libqt6widgets6 libqt6network6 libqt6core6 qt6-qpa-plugins qt6-base-abi; do
  echo "$control" | grep -E "^Depends:.*\b$dep\b" >/dev/null || fail "Depends does not name $dep"
done

root="$scratch/root"
dpkg-deb -x "$deb" "$root"
app_id=org.tracedesk.TraceDesk
for f in usr/bin/tracedesk \
         usr/share/applications/$app_id.desktop \
         usr/share/metainfo/$app_id.metainfo.xml \
         usr/share/mime/packages/$app_id.xml \
         usr/share/icons/hicolor/scalable/apps/$app_id.svg; do
  [ -f "$root/$f" ] || fail "the package has no /$f"
done
for size in 16 22 24 32 48 64 128 256; do
  png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
  [ -f "$png" ] || fail "no ${size}x${size} icon"
  file "$png" | grep -q "PNG image data, $size x $size" || fail "$png is not a ${size}x${size} PNG: $(file -b "$png")"
done
if dpkg-deb -c "$deb" | grep -E 'demo-server|tst_|bench' >/dev/null; then fail "test or demo programs in the package"; fi

bin="$root/usr/bin/tracedesk"
version="$("$bin" --version)"
[ "$version" = "TraceDesk $(dpkg-deb -f "$deb" Version)" ] || fail "--version says '$version'"
summary="$("$bin" --summary "$src/resources/sample-trace.json")"
echo "$summary" | grep -E '"spanCount": [1-9]' >/dev/null || fail "--summary on the sample: $summary"

desktop-file-validate "$root/usr/share/applications/$app_id.desktop" || fail "desktop-file-validate"
grep -q '^MimeType=.*x-scheme-handler/tracedesk;' "$root/usr/share/applications/$app_id.desktop" || fail "no tracedesk:// handler"
appstreamcli validate --no-net "$root/usr/share/metainfo/$app_id.metainfo.xml" || fail "appstreamcli validate"
mkdir -p "$scratch/mime/packages"
cp "$root/usr/share/mime/packages/$app_id.xml" "$scratch/mime/packages/"
XDG_DATA_HOME="$scratch" update-mime-database "$scratch/mime" 2>"$scratch/mime.log" || { cat "$scratch/mime.log"; fail "update-mime-database"; }
[ ! -s "$scratch/mime.log" ] || { cat "$scratch/mime.log"; fail "update-mime-database complained"; }
[ -f "$scratch/mime/application/vnd.tracedesk.trace+json.xml" ] || fail "the MIME type was not registered"
echo "package OK"
