#!/usr/bin/env bash
# Builds the native library, CLI and tests (build/native) and the WebAssembly module (build/wasm), then
# places the module, its glue, the word list (as text and compiled), the model and the core's schema constants
# where the JS package expects them (wasm/js/gen/).
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
  # Replace each file atomically (copy, then rename), so a page loading during a rebuild never reads a
  # half-written module.
  place() {
    cmp -s "$1" "$2" && return 0
    cp "$1" "$2.tmp.$$" && mv -f "$2.tmp.$$" "$2"
  }
  place "$root/build/wasm/wasm/article_analyzer.wasm" "$gen/article_analyzer.wasm"
  place "$root/build/wasm/wasm/article_analyzer.js" "$gen/article_analyzer.js"
  place "$root/core/data/words/vi_words.txt" "$gen/vi_words.txt"
  # The word list compiled, which the JS package loads: the native build writes it with its CLI
  # (article-analyzer --compile-words; core/CMakeLists.txt), built here if this run built only the wasm module.
  [ -f "$root/build/native/CMakeCache.txt" ] || cmake -S "$root" -B "$root/build/native" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$root/build/native" -j"$jobs" --target article_words_compiled >/dev/null
  place "$root/build/native/vi_words.bin" "$gen/vi_words.bin"
  place "$root/core/data/model/entity_vi.bin" "$gen/entity_vi.bin"
  # The core's limits and kinds as JavaScript constants (gen/schema.js), from the module just built.
  node "$root/scripts/write-schema.mjs"
fi
