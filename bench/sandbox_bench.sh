#!/usr/bin/env bash
# A sandbox of real agents (4 by default; processes, gRPC over mutual TLS,
# SQLite) under the load tool, against the signature ceiling measured in the
# same run:
#   ceiling = cores x signature verifications per second per core / nodes
# (every node checks every transaction's signature once, and all of them
# share this machine's cores). Measures the agents idle, then runs the load tool at
# fixed rates, doubling until throughput stops following the offered rate,
# then once at its maximum rate, and prints one JSON object: the ceiling, each
# rate's throughput and p50/p99 latency, the saturated throughput and its
# ratio to the ceiling.
#
#   bench/sandbox_bench.sh [--suite ed25519-sha256|sm2-sm3] [--payload noop|evidence]
#                          [--nodes N] [--seconds S] [--start-rate R]
#                          [--agent BINARY]   (default build/agent/consortia-agent)
set -euo pipefail
cd "$(dirname "$0")/.."
suite=ed25519-sha256 payload=noop seconds=20 rate=250 nodes=4 agent=build/agent/consortia-agent
while (($#)); do
  case "$1" in
    --suite) suite=$2; shift 2 ;;
    --payload) payload=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --nodes) nodes=$2; shift 2 ;;
    --agent) agent=$2; shift 2 ;;
    --start-rate) rate=$2; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "sandbox_bench: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
case "$suite" in ed25519-sha256) algo=ed25519 ;; sm2-sm3) algo=sm2 ;; *) echo "sandbox_bench: unknown suite '$suite'" >&2; exit 2 ;; esac
case "$payload" in noop) noop=--noop ;; evidence) noop= ;; *) echo "sandbox_bench: unknown payload '$payload'" >&2; exit 2 ;; esac
[[ -x $agent ]] || { echo "sandbox_bench: no $agent (build first)" >&2; exit 2; }

work=$(mktemp -d /tmp/consortia-sandbox-bench-XXXXXX)
sandbox=""
trap 'kill $sandbox 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT

# The ceiling, measured now on this machine (the same run as the load).
# The best of three runs here and three after the load: a busy moment on a
# shared machine lowers a single run, and a lower ceiling flatters the ratio.
speed() {
  for _ in 1 2 3; do openssl speed -seconds 2 "$algo" 2>/dev/null | awk '/verify\/s/ {getline; print $NF}'; done
}
verify_runs=$(speed)
cores=$(nproc)

$agent sandbox --nodes "$nodes" --suite "$suite" --dir "$work/net" > "$work/sandbox.log" 2>&1 &
sandbox=$!
for _ in $(seq 300); do [[ -f $work/net/sandbox.pid ]] && break; sleep 0.1; done
[[ -f $work/net/sandbox.pid ]] || { echo "the sandbox did not start" >&2; cat "$work/sandbox.log" >&2; exit 1; }
sleep 10  # the agents connect and the chain settles into its idle rhythm

# Idle: each agent's CPU share and resident memory over 10 s.
idle=$(python3 - "$work/net" <<'PY'
import glob, json, os, sys, time
pids = []
for f in glob.glob(os.path.join(sys.argv[1], "nodes", "*", "data", "agent.pid")):
    try:
        pids.append(int(open(f).read().split()[0]))
    except (OSError, ValueError, IndexError):
        pass
tick = os.sysconf("SC_CLK_TCK")
def cpu(p):
    s = open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()
    return int(s[11]) + int(s[12])
before = {p: cpu(p) for p in pids}
time.sleep(10)
out = []
for p in pids:
    rss = int(open(f"/proc/{p}/statm").read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    out.append({"pid": p, "cpu_percent": round(100 * (cpu(p) - before[p]) / tick / 10, 2),
                "rss_mib": round(rss / 2**20, 1)})
print(json.dumps(out))
PY
)

load() {  # load RATE (0: as fast as the tool can)
  local args=(load --sandbox "$work/net" --seconds "$seconds" --json)
  [[ -n $noop ]] && args+=("$noop")
  (($1 > 0)) && args+=(--tps "$1")
  $agent "${args[@]}" 2> "$work/load.err" | tail -1 || true
}

runs=()
while :; do
  r=$(load "$rate")
  [[ -n $r ]] || { echo "the load tool failed at $rate tx/s:" >&2; cat "$work/load.err" >&2; exit 1; }
  runs+=("{\"rate\": $rate, \"result\": $r}")
  got=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["throughput_tps"])' "$r")
  # Saturated once throughput falls below 90 % of what was offered.
  python3 -c 'import sys; sys.exit(0 if float(sys.argv[1]) < 0.9 * float(sys.argv[2]) else 1)' "$got" "$rate" && break
  rate=$((rate * 2))
  ((rate <= 64000)) || break
done
max=$(load 0)
runs+=("{\"rate\": \"max\", \"result\": ${max:-null}}")
kill $sandbox 2>/dev/null || true
wait $sandbox 2>/dev/null || true
verify_runs+=$'\n'$(speed)
verify=$(sort -g <<< "$verify_runs" | tail -1)

python3 - "$suite" "$payload" "$cores" "$verify" "$idle" "$(uname -n)" "$nodes" "$verify_runs" "${runs[@]}" <<'PY'
import json, sys
suite, payload, cores, verify, idle, host, nodes, verify_runs = sys.argv[1:9]
runs = [json.loads(r) for r in sys.argv[9:]]
cores, verify, nodes = int(cores), float(verify), int(nodes)
ceiling = cores * verify / nodes
measured = [r for r in runs if r["result"]]
best = max(measured, key=lambda r: r["result"]["throughput_tps"])
sat = best["result"]["throughput_tps"]
print(json.dumps({
    "machine": host, "suite": suite, "payload": payload, "nodes": nodes, "cores": cores,
    "verify_per_second_per_core": verify, "verify_runs": [float(v) for v in verify_runs.split()], "ceiling_tps": round(ceiling, 1),
    "idle_agents": json.loads(idle),
    "rates": [{"offered": r["rate"], "throughput_tps": round(r["result"]["throughput_tps"], 1),
               "p50_ms": round(r["result"]["latency_ms"]["p50"], 1),
               "p99_ms": round(r["result"]["latency_ms"]["p99"], 1),
               "succ": r["result"]["succ"], "fail": r["result"]["fail"],
               "refused": r["result"].get("refused", 0)} for r in measured],
    "saturated_tps": round(sat, 1), "saturated_ratio_to_ceiling": round(sat / ceiling, 3),
    "p50_ms_at_saturation": round(best["result"]["latency_ms"]["p50"], 1),
}, indent=2))
PY
