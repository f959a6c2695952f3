#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Configures and builds EcoAtlas into build/ (Ninja, RelWithDebInfo). Extra arguments go to
# the CMake configure step, e.g. -DECOATLAS_WERROR=ON.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
cmake --build build -j"$(nproc)"
