#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# README command 2: installs what is missing, builds warning-free (-Werror) and runs every
# test with ctest. GUI tests use the offscreen platform, so no display is needed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh -DECOATLAS_WERROR=ON
export QT_QPA_PLATFORM=offscreen
(cd build && ctest --output-on-failure -j"$(nproc)" --timeout 900)
# The Debian package: built, lintian-clean, unpacked and run (scripts/package.sh).
bash scripts/package.sh
