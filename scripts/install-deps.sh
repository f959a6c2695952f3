#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages EcoAtlas needs to build, run and test.
# Idempotent: installs only what is missing. Must run as root (or via sudo).
set -euo pipefail

PKGS=(
  build-essential cmake ninja-build pkg-config git
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite qt6-charts-dev qt6-svg-dev
  libqt6opengl6-dev libgl-dev libvulkan-dev
  fonts-noto-cjk fonts-noto-core
  xvfb xauth
  poppler-utils librsvg2-bin libxml2-utils sqlite3
  lintian help2man desktop-file-utils appstream dpkg-dev libglib2.0-bin shared-mime-info
)

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PKGS[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
