#!/usr/bin/env bash
# Runs Consortia on its embedded default: a local sandbox network. Until the
# agent and the console land, that network is simulated: 4 validators on a
# virtual network, with a report at the end. Extra arguments go to consortia-sim
# (e.g. --nodes 101 --seconds 60, --link "loss 10%", --byzantine twins:1).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh build
scripts/build.sh consortia-sim
exec build/node/consortia-sim --scenario resources/scenarios/healthy-4.json "$@"
