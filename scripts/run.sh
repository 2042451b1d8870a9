#!/usr/bin/env bash
# Runs Consortia on its embedded default, a local sandbox network: the
# console opens and starts 4 real agents (consortia-agent processes on
# loopback, each with its own keys, certificates, ports and SQLite store),
# and stops them when it closes (--keep-sandbox leaves them running). The
# network lives in the user's data directory and resumes where it stopped.
# Without a display, the sandbox runs in the terminal until Ctrl-C.
# Extra arguments go to the console (e.g. --lang zh_CN, --nodes 7) or, without
# a display, to `consortia-agent sandbox` (e.g. --nodes 7, --dir DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh build
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  scripts/build.sh consortia consortia-agent
  exec build/app/consortia "$@"
fi
echo "no display: running the sandbox network without the console"
scripts/build.sh consortia-agent
exec build/agent/consortia-agent sandbox "$@"
