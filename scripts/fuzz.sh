#!/usr/bin/env bash
# Builds the libFuzzer harnesses (tests/fuzz) with clang, AddressSanitizer and UndefinedBehaviorSanitizer
# into build/fuzz, and runs each for SECONDS (default 600; `npm test` runs 60). Fails on the first crash,
# leak or sanitizer report; the input that caused it is kept in build/fuzz/crashes/.
# Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-600}
build="$root/build/fuzz"
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -g"
[ -f "$build/CMakeCache.txt" ] ||
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DARTICLE_ANALYZER_FUZZ=ON \
    -DCMAKE_CXX_FLAGS="$flags" >/dev/null
cmake --build "$build" -j"${JOBS:-2}" >/dev/null
mkdir -p "$build/crashes"
for harness in analyze decode options words; do
  corpus="$build/corpus/$harness"  # grows as it runs; seeded from the repository's own seeds
  mkdir -p "$corpus"
  echo "[fuzz] $harness for ${seconds}s"
  # -rss_limit_mb: inputs are small (max_len), so a run that needs more memory is a bug worth a report.
  set +e
  "$build/tests/fuzz/fuzz_$harness" -max_total_time="$seconds" -max_len=4096 -rss_limit_mb=2048 -timeout=10 \
    -dict="$root/tests/fuzz/vi.dict" -artifact_prefix="$build/crashes/$harness-" -print_final_stats=1 \
    "$corpus" "$root/tests/fuzz/corpus/$harness" >"$build/$harness.log" 2>&1
  status=$?
  set -e
  grep -E '^(Done [0-9]+ runs|==[0-9]+==ERROR|SUMMARY|stat::number_of_executed_units)' "$build/$harness.log" || true
  if [ "$status" -ne 0 ]; then
    echo "[fuzz] $harness failed (exit $status); see $build/$harness.log and $build/crashes/" >&2
    tail -40 "$build/$harness.log" >&2
    exit 1
  fi
done
echo "[fuzz] no failure"
