#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, runs the GoogleTest suites
# through ctest (unit, simulator with the 500-seed sweep, integration with real
# processes), then bounded libFuzzer runs of the decoders and file readers.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
scripts/build.sh
ctest --test-dir build -j "$(nproc)" --output-on-failure --timeout 1500 "$@"
if [[ -z "${CONSORTIA_SKIP_FUZZ:-}" ]]; then
  scripts/fuzz.sh "${CONSORTIA_FUZZ_SECONDS:-25}"
fi
