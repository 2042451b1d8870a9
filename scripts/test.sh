#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, runs the GoogleTest suites
# through ctest (unit, simulator with the 500-seed sweep, integration with real
# processes), then a bounded libFuzzer run of the message decoder.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
scripts/build.sh
ctest --test-dir build -j "$(nproc)" --output-on-failure --timeout 1500 "$@"
if [[ -z "${CONSORTIA_SKIP_FUZZ:-}" ]]; then
  scripts/fuzz.sh "${CONSORTIA_FUZZ_SECONDS:-60}"
fi
