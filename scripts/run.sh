#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# README command 1: installs what is missing, builds, and runs EcoAtlas on the bundled seed
# landscape. With a display it opens the window; without one it exports every view (PNG, SVG,
# PDF) into ./ecoatlas-export and says where.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
app=build/app/ecoatlas
db=ecoatlas-export/seed.ecoatlas
mkdir -p ecoatlas-export
[ -f "$db" ] || "$app" --new-db "$db"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$app" "$db"
fi
echo "No display: exporting every view of the seed landscape instead."
"$app" --db "$db" --export-all ecoatlas-export
echo "Done: the views are in $(pwd)/ecoatlas-export (open the .png files). On a machine with a display, run the window with: $app $db"
