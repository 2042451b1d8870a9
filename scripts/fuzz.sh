#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (build-fuzz/, the libraries they
# call instrumented too) and runs each for the given number of seconds
# (default 30) from its seeds. A crash stops the run, names the target and
# leaves the input that caused it in build-fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-30}
if [[ ! -f build-fuzz/build.ninja ]]; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCONSORTIA_BUILD_FUZZ=ON -DCONSORTIA_BUILD_TESTS=ON -DCONSORTIA_BUILD_AGENT=OFF >/dev/null
fi
# target: seed directories (the corpus libFuzzer grows is build-fuzz/corpus/<target>)
declare -A seeds=(
  [decode_message]=""
  [genesis_json]="tests/fuzz/corpus/genesis_json"
  [scenario_json]="resources/scenarios"
  [evidence_proof]="tests/fuzz/corpus/evidence_proof"
  [config_files]="tests/fuzz/corpus/config_files"
)
targets=(decode_message genesis_json scenario_json evidence_proof config_files)
cmake --build build-fuzz -j "$(nproc)" --target "${targets[@]/#/fuzz_}"
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/$t"
  # shellcheck disable=SC2086
  if ! (cd build-fuzz && ./tests/fuzz/fuzz_"$t" -max_total_time="$secs" -print_final_stats=1 \
          "corpus/$t" ${seeds[$t]:+../${seeds[$t]}} >"fuzz_$t.log" 2>&1); then
    tail -n 40 "build-fuzz/fuzz_$t.log"
    echo "fuzz: fuzz_$t found a crash (build-fuzz/fuzz_$t.log; the input is in build-fuzz/)"
    exit 1
  fi
  runs=$(awk '/stat::number_of_executed_units/ {print $2}' "build-fuzz/fuzz_$t.log")
  rss=$(awk '/stat::peak_rss_mb/ {print $2}' "build-fuzz/fuzz_$t.log")
  echo "fuzz: fuzz_$t ran ${secs}s without a crash (${runs:-?} inputs, peak RSS ${rss:-?} MB)"
done
