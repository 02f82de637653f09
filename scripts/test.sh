#!/usr/bin/env bash
# `npm test`: set up what is missing, build native and wasm, then run every test:
#   1. Catch2 unit and fixture tests, the stress suite (tests/stress) and the four-thread test, natively (ctest);
#   2. the unit and fixture tests again, built with AddressSanitizer and UndefinedBehaviorSanitizer
#      (build/asan), which must report nothing;
#   3. the four-thread test again, built with ThreadSanitizer (build/tsan), which must report no race;
#   4. each libFuzzer harness for 60 s (scripts/fuzz.sh; clang, ASan, UBSan);
#   5. the same fixtures through the wasm module and the JS package under Node (node --test tests/js);
#   6. the page in Debian's Chromium (node --test tests/browser).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
bash scripts/build.sh
ctest --test-dir build/native --output-on-failure -j2
[ -f build/asan/CMakeCache.txt ] ||
  cmake -S . -B build/asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS=-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer" \
    "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined" >/dev/null
cmake --build build/asan -j"${JOBS:-2}" --target article_tests >/dev/null
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 build/asan/tests/article_tests
[ -f build/tsan/CMakeCache.txt ] ||
  cmake -S . -B build/tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS=-fsanitize=thread \
    -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread >/dev/null
cmake --build build/tsan -j"${JOBS:-2}" --target article_threads >/dev/null
TSAN_OPTIONS="halt_on_error=1 exitcode=66 suppressions=$root/tests/threads/tsan.supp" build/tsan/tests/article_threads
bash scripts/fuzz.sh 60
node --test tests/js/ tests/browser/
