#!/usr/bin/env bash
# Runs Consortia on its embedded default: a local sandbox network of 4 real
# agents (consortia-agent processes on loopback, each with its own keys,
# certificates, ports and SQLite store), until Ctrl-C. The network lives in
# the user's data directory and resumes where it stopped. Extra arguments go
# to `consortia-agent sandbox` (e.g. --nodes 7, --dir DIR, --suite sm2-sm3).
# In another terminal: build/agent/consortia-agent load --tps 1000 --seconds 10
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh build
scripts/build.sh consortia-agent consortia-sim
exec build/agent/consortia-agent sandbox "$@"
