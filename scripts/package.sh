#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the Debian package (cpack -G DEB) from build/ and checks it: lintian with no errors and
# no warnings, then the package unpacked into a temporary root, where the unpacked ecoatlas
# prints its version and exports the seed's network. Run after scripts/build.sh (README command
# 2 runs it). Prints the .deb's path last.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
cmake --build "$BUILD" --target package_files >/dev/null
(cd "$BUILD" && cpack -G DEB >/dev/null)
DEB=$(ls -t "$BUILD"/ecoatlas_*.deb | head -1)
echo "package: built $DEB ($(du -h "$DEB" | cut -f1))"

# lintian: no errors, no warnings (its note that it runs as root is not about the package).
RC=0
OUT=$(lintian --fail-on error,warning --tag-display-limit 0 "$DEB" 2>&1) || RC=$?
OUT=$(printf '%s\n' "$OUT" | grep -v -e 'running with root privileges is not recommended' -e '^$' || true)
[ -z "$OUT" ] || echo "$OUT"
if [ "$RC" -ne 0 ]; then echo "package: lintian failed"; exit 1; fi
echo "package: lintian passed (errors and warnings)"

ROOT=$(mktemp -d)
trap 'rm -rf "$ROOT"' EXIT
dpkg-deb -x "$DEB" "$ROOT"
export QT_QPA_PLATFORM=offscreen HOME="$ROOT/home"
mkdir -p "$HOME"
"$ROOT/usr/bin/ecoatlas" --version
"$ROOT/usr/bin/ecoatlas" --new-db "$ROOT/seed.ecoatlas" >/dev/null
"$ROOT/usr/bin/ecoatlas" --db "$ROOT/seed.ecoatlas" --export network --out "$ROOT/network.png"
test -s "$ROOT/network.png"
test -s "$ROOT/usr/share/man/man1/ecoatlas.1.gz"
echo "package: unpacked binary runs and exports"

# The MIME type: a landscape is recognised by its content (application id "ECOA" at offset 68)
# even without the .ecoatlas suffix, and a plain SQLite file is not taken for one.
desktop-file-validate "$ROOT/usr/share/applications/org.ecoatlas.EcoAtlas.desktop"
appstreamcli validate --no-net --explain "$ROOT/usr/share/metainfo/org.ecoatlas.EcoAtlas.metainfo.xml" >/dev/null
update-mime-database "$ROOT/usr/share/mime" 2>/dev/null
cp "$ROOT/seed.ecoatlas" "$ROOT/landscape.bin"
sqlite3 "$ROOT/plain.db" 'CREATE TABLE t (x)'
mime() { XDG_DATA_DIRS="$ROOT/usr/share:/usr/share" gio info -a standard::content-type "$1" \
         | sed -n 's/.*content-type: //p'; }
[ "$(mime "$ROOT/landscape.bin")" = application/x-ecoatlas-landscape ]
[ "$(mime "$ROOT/plain.db")" = application/vnd.sqlite3 ]
echo "package: desktop entry, AppStream metadata and MIME type valid"
echo "$DEB"
