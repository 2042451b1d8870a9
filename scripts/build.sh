#!/usr/bin/env bash
# Configures (once) and builds into build/ with Ninja: scripts/build.sh [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
if [[ ! -f "$BUILD_DIR/build.ninja" ]]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo ${CMAKE_ARGS:-}
fi
# Arguments name targets; none builds everything.
if (($#)); then
  cmake --build "$BUILD_DIR" -j "${JOBS:-$(nproc)}" --target "$@"
else
  cmake --build "$BUILD_DIR" -j "${JOBS:-$(nproc)}"
fi
