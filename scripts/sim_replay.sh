#!/usr/bin/env bash
# Replays a fixed set of simulator runs (24 seeds over faults, Byzantine
# behaviours, crashes, governance and upgrades) and compares each report
# (which holds no wall time) with the reference in tests/fixtures/sim-replay/. The
# reports carry a digest of every event the run processed, so equal reports
# mean event-for-event identical runs.
#
#   scripts/sim_replay.sh            compare (exit 1 naming each run that differs)
#   scripts/sim_replay.sh --update   write the reference anew (after a change
#                                    that is meant to alter runs; say why in the commit)
#
# The reference has one line per run: its name, a tab, and the report (JSON).
set -euo pipefail
case "${1:-}" in
  ""|--update) ;;
  -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "sim_replay: unknown argument '$1' (--update or --help)" >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
SIM=${CONSORTIA_SIM:-${BUILD_DIR:-build}/node/consortia-sim}
REF=tests/fixtures/sim-replay/reference.jsonl
S=resources/scenarios
runs=(
  "healthy|--nodes 4 --seconds 30 --seed 1"
  "loss|--nodes 4 --seconds 30 --seed 2 --link loss_10%"
  "delay-reorder|--nodes 4 --seconds 30 --seed 3 --link delay_100ms_30ms_25%_reorder_25%"
  "duplicate-corrupt|--nodes 7 --seconds 30 --seed 4 --link duplicate_5% --link corrupt_1%"
  "rate|--nodes 4 --seconds 30 --seed 5 --tps 50 --link rate_2048kbit"
  "tbf|--nodes 4 --seconds 30 --seed 6 --tps 50 --link tbf_rate_1024kbit_latency_50ms_burst_2048"
  "crash|--nodes 7 --seconds 40 --seed 7 --crash 2"
  "twins|--nodes 7 --seconds 30 --seed 8 --byzantine twins:2"
  "equivocate|--nodes 7 --seconds 30 --seed 9 --byzantine equivocate:2"
  "doublevote|--nodes 7 --seconds 30 --seed 10 --byzantine doublevote:2"
  "silent|--nodes 7 --seconds 30 --seed 11 --byzantine silent:2"
  "forge|--nodes 7 --seconds 30 --seed 12 --byzantine forge:2"
  "custody-duplicate|--nodes 4 --seconds 30 --seed 13 --custody --link duplicate_10%"
  "sm2|--nodes 4 --seconds 20 --seed 14 --suite sm2-sm3"
  "partition-heal|--scenario $S/partition-heal.json --seed 15"
  "join-under-load|--scenario $S/join-under-load.json --seed 16"
  "membership-partition-crash|--scenario $S/membership-partition-crash.json --seed 17"
  "upgrade-one-old|--scenario $S/upgrade-one-old.json --seed 18"
  "upgrade-majority-old|--scenario $S/upgrade-majority-old.json --seed 19"
  "wan-netem|--scenario $S/wan-netem.json --seed 20 --seconds 60"
  "twins-beyond-f|--scenario $S/twins-beyond-f.json --seed 21"
  "silent-31|--nodes 31 --seconds 20 --seed 22 --tps 100 --byzantine silent:3"
  "byzantine-7|--scenario $S/byzantine-7.json --seed 23 --seconds 30"
  "mixed|--nodes 4 --seconds 30 --seed 24 --latency 5-50 --crash 1 --link loss_5%"
)
[[ -x "$SIM" ]] || { echo "sim_replay: no $SIM (build consortia-sim first)" >&2; exit 2; }
out=$(mktemp)
trap 'rm -f "$out"' EXIT
for r in "${runs[@]}"; do
  name=${r%%|*}
  # Options are split on spaces; underscores stand for spaces inside a rule.
  args=()
  for a in ${r#*|}; do args+=("${a//_/ }"); done
  report=$("$SIM" "${args[@]}" --json 2>/dev/null || true)
  [[ -n "$report" ]] || { echo "sim_replay: run $name produced no report" >&2; exit 2; }
  printf '%s\t%s\n' "$name" "$report" >>"$out"
done
if [[ "${1:-}" == "--update" ]]; then
  cp "$out" "$REF"
  echo "sim_replay: wrote $REF (${#runs[@]} runs)"
  exit 0
fi
differ=0
while IFS=$'\t' read -r name report; do
  want=$(awk -F'\t' -v n="$name" '$1 == n { print $2 }' "$REF")
  if [[ "$report" != "$want" ]]; then
    echo "sim_replay: $name differs from the reference"
    echo "  want: ${want:0:400}"
    echo "  got:  ${report:0:400}"
    differ=1
  fi
done <"$out"
((differ)) && exit 1
echo "sim_replay: ${#runs[@]} runs identical to the reference, event for event"
