#!/usr/bin/env bash
# `npm test`: set up what is missing, build native and wasm, then run every test:
#   1. Catch2 unit and fixture tests, natively (ctest);
#   2. the same fixtures through the wasm module and the JS package under Node (node --test tests/js);
#   3. the page in Debian's Chromium (node --test tests/browser).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/setup.sh
bash scripts/build.sh
ctest --test-dir build/native --output-on-failure -j2
node --test tests/js/ tests/browser/
