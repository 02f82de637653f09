#!/usr/bin/env bash
# The cast and quotes of the 60 development articles, scored by the annotation scorers as they are
# (../shared/annotation/score_cast.py and score_quotes.py): people, organizations and places (precision, recall,
# F), people with a role found, author exact; quotes found, direct and reported, attributed right, precision.
# Usage: scripts/eval_cast.sh [--show N]   (--show prints the misses of the first N articles)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${ARTICLE_ANALYZER_SHARED:-$root/../shared}
cli=${ARTICLE_ANALYZER_CLI:-$root/build/native/core/article-analyzer}
args=(--articles "$shared/eval/vi_news_baomoi/articles" --gold "$shared/eval/vi_news_baomoi/annotations" "$@")
python3 "$shared/annotation/score_cast.py" "$cli" "${args[@]}"
python3 "$shared/annotation/score_quotes.py" "$cli" "${args[@]}"
