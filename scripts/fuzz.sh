#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (build-fuzz/) and runs each for the
# given number of seconds (default 60). A crash leaves its input in build-fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
if [[ ! -f build-fuzz/build.ninja ]]; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCONSORTIA_BUILD_FUZZ=ON -DCONSORTIA_BUILD_TESTS=ON -DCONSORTIA_BUILD_AGENT=OFF >/dev/null
fi
cmake --build build-fuzz -j "$(nproc)" --target fuzz_decode_message
mkdir -p build-fuzz/corpus
(cd build-fuzz && ./tests/fuzz/fuzz_decode_message -max_total_time="$secs" -print_final_stats=1 corpus 2>&1 | tail -n 12)
echo "fuzz: fuzz_decode_message ran ${secs}s without a crash"
