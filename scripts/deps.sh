#!/usr/bin/env bash
# Installs the Debian 12 packages Consortia builds with, skipping those present.
# Usage: scripts/deps.sh [build|test]
set -euo pipefail
need=(cmake ninja-build g++ pkg-config libssl-dev libsqlite3-dev nlohmann-json3-dev libabsl-dev
      libgrpc++-dev libprotobuf-dev protobuf-compiler protobuf-compiler-grpc prometheus-cpp-dev
      qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
      libgl-dev fonts-noto-cjk qt6-translations-l10n libssh-dev libarchive-dev zlib1g-dev)
if [[ "${1:-build}" == test ]]; then
  # prometheus: the real server scrapes the agents; iproute2: namespaces, veth, tc;
  # openssh-server: a real sshd on loopback for the lifecycle's SSH tests;
  # systemd: systemd-analyze checks the agent's unit.
  need+=(libgtest-dev clang libclang-rt-14-dev prometheus iproute2 xvfb xauth imagemagick openssh-server systemd)
fi
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  SUDO=""
  [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
