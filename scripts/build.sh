#!/usr/bin/env bash
# Builds the native library, CLI and tests (build/native) and the WebAssembly module (build/wasm), then
# places the module, its glue and the word list where the JS package expects them (wasm/js/gen/).
# Usage: scripts/build.sh [native|wasm|all]   (default all)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/env.sh"
what=${1:-all}
jobs=${JOBS:-2}

if [ "$what" = native ] || [ "$what" = all ]; then
  [ -f "$root/build/native/CMakeCache.txt" ] || cmake -S "$root" -B "$root/build/native" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$root/build/native" -j"$jobs" >/dev/null
fi

if [ "$what" = wasm ] || [ "$what" = all ]; then
  [ -f "$root/build/wasm/CMakeCache.txt" ] ||
    emcmake cmake -S "$root" -B "$root/build/wasm" -DCMAKE_BUILD_TYPE=Release -DICU_WASM_DIR="$ICU_WASM_DIR" >/dev/null
  cmake --build "$root/build/wasm" -j"$jobs" >/dev/null
  gen="$root/wasm/js/gen"
  mkdir -p "$gen"
  for f in article_analyzer.js article_analyzer.wasm; do
    cmp -s "$root/build/wasm/wasm/$f" "$gen/$f" || cp "$root/build/wasm/wasm/$f" "$gen/$f"
  done
  cmp -s "$root/core/data/external/vi_words.txt" "$gen/vi_words.txt" || cp "$root/core/data/external/vi_words.txt" "$gen/vi_words.txt"
fi
