#!/usr/bin/env bash
# Regenerates tests/fixtures/<slug>/expected.json with the native CLI, in canonical form (sorted keys,
# 2-space indent, UTF-8, trailing newline), so that `git diff tests/fixtures` is the review of a change.
# Usage: scripts/regen-fixtures.sh [slug…]   (default: every folder with an input.txt)
#   A new case: mkdir tests/fixtures/<slug>, write input.txt (and options.json: the JS API's options object,
#   {"language", "referenceDate", "tokens", "wordSpans", "spanText"}), run this script with the slug, read the result, commit.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fixtures="$root/tests/fixtures"
cli="$root/build/native/core/article-analyzer"

[ "${ARTICLE_REGEN_NO_BUILD:-}" = 1 ] || bash "$root/scripts/build.sh" native
[ -x "$cli" ] || { echo "regen-fixtures: no CLI at $cli; run scripts/build.sh native" >&2; exit 1; }

if [ $# -gt 0 ]; then
  slugs=("$@")
else
  slugs=()
  for dir in "$fixtures"/*/; do
    [ -f "$dir/input.txt" ] && slugs+=("$(basename "$dir")")
  done
fi

for slug in "${slugs[@]}"; do
  dir="$fixtures/$slug"
  [ -f "$dir/input.txt" ] || { echo "regen-fixtures: $dir/input.txt does not exist" >&2; exit 1; }
  # options.json → CLI flags (the CLI takes the same three options as flags).
  flags=()
  if [ -f "$dir/options.json" ]; then
    mapfile -t flags < <(python3 - "$dir/options.json" <<'PY'
import json, sys
options = json.load(open(sys.argv[1], encoding="utf-8"))
unknown = set(options) - {"language", "referenceDate", "tokens", "wordSpans", "spanText"}
if unknown:
    sys.exit(f"regen-fixtures: {sys.argv[1]}: unknown option(s) {sorted(unknown)}")
if "language" in options:
    print("--language"); print(options["language"])
if "referenceDate" in options:
    print("--reference-date"); print(options["referenceDate"])
forms = {False: "none", True: "objects", "compact": "compact"}
for key, flag in (("tokens", "--tokens"), ("wordSpans", "--word-spans")):
    if key in options:
        print(flag); print(forms[options[key]])
if options.get("spanText") is False:
    print("--no-span-text")
PY
    )
  fi
  status=0
  # The word list the CLI loads by default is the one the tests and the JS package load.
  # --encoding utf-8: a fixture holds the bytes the library itself is given (invalid-utf8 stays an error).
  out=$("$cli" --encoding utf-8 ${flags[@]+"${flags[@]}"} "$dir/input.txt") || status=$?
  # Exit 2 is unusable input: its JSON (with the error) is the expected output.
  if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
    echo "regen-fixtures: $slug: the CLI failed (exit $status)" >&2
    exit 1
  fi
  printf '%s' "$out" | python3 -c '
import json, sys
doc = json.load(sys.stdin)
with open(sys.argv[1], "w", encoding="utf-8", newline="\n") as f:
    json.dump(doc, f, ensure_ascii=False, indent=2, sort_keys=True)
    f.write("\n")
' "$dir/expected.json"
  echo "regen-fixtures: $slug"
done
