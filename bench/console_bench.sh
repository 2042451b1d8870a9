#!/usr/bin/env bash
# The console at scale: a simulated network of N nodes (default 101) polled
# at 1 Hz. Prints the console's start-up time to the first painted topology,
# the GUI thread's CPU share and longest event-loop stall over a window, the
# time one poll of every agent takes, and the history's size per node.
#   bench/console_bench.sh [NODES] [SECONDS]      (build/ must hold the binaries)
set -euo pipefail
cd "$(dirname "$0")/.."
nodes=${1:-101}
seconds=${2:-120}
work=$(mktemp -d /tmp/consortia-console-bench-XXXXXX)
trap 'kill $sandbox 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
build/agent/consortia-agent sandbox --simulated "$nodes" --dir "$work/net" > "$work/sandbox.log" 2>&1 &
sandbox=$!
for _ in $(seq 600); do [ -f "$work/net/sandbox.pid" ] && break; sleep 0.1; done
[ -f "$work/net/sandbox.pid" ] || { echo "the simulated sandbox did not start" >&2; cat "$work/sandbox.log" >&2; exit 1; }
sleep 5  # the network settles into its block rhythm
# A fresh history file, so its size is this run's alone.
export XDG_DATA_HOME="$work/data"
# The overview (topology redrawn every second) and the charts (every node's
# series redrawn every three seconds) are the two heaviest tabs.
for tab in 0 4; do
  printf 'tab=%s ' "$([ $tab = 0 ] && echo overview || echo charts)"
  xvfb-run -a -s "-screen 0 1600x1000x24" build/app/consortia --no-sandbox --sandbox-dir "$work/net" \
    --tab "$tab" --measure "$seconds" 2>/dev/null | grep '^console-measure'
done
db=$(find "$work/data" -name history.db | head -1)
python3 - "$db" "$nodes" <<'PY'
import os, sqlite3, sys
db, nodes = sys.argv[1], int(sys.argv[2])
c = sqlite3.connect(db)
c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
rows = c.execute("SELECT COUNT(*) FROM samples").fetchone()[0]
pages = c.execute("PRAGMA page_count").fetchone()[0] * c.execute("PRAGMA page_size").fetchone()[0]
per_row = pages / max(rows, 1)
hour = 3600 * per_row              # the full-rate hour, per node
day = 1440 * per_row               # each further day at one sample a minute
month = hour + 30 * day            # what 30-day retention keeps per node
print(f"history rows={rows} file_bytes={pages} bytes_per_sample={per_row:.0f} "
      f"per_node_full_rate_hour_kib={hour/1024:.0f} per_node_per_day_kib={day/1024:.0f} "
      f"per_node_30_days_mib={month/2**20:.1f} network_30_days_mib={nodes*month/2**20:.0f}")
PY
