#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds EcoAtlas with AddressSanitizer and UndefinedBehaviorSanitizer (-DECOATLAS_SANITIZE=ON)
# into build-sanitize/ and runs the whole test suite there. Any sanitizer finding fails its
# test (ASan aborts; UBSan is built with -fno-sanitize-recover). Extra arguments go to ctest,
# e.g. -R tst_database. JOBS sets the parallelism (default: all cores).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="${JOBS:-$(nproc)}"
cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DECOATLAS_WERROR=ON -DECOATLAS_SANITIZE=ON >/dev/null
cmake --build build-sanitize -j"$jobs"
export QT_QPA_PLATFORM=offscreen
# detect_leaks=0: Qt's and fontconfig's process-lifetime caches are reported as leaks.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:strict_string_checks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
cd build-sanitize
ctest --output-on-failure -j"$jobs" --timeout 1800 "$@"
