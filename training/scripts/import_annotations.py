#!/usr/bin/env python3
"""Copy cast files into training/annotations/vi_news/ with their derived mentions, after checking them.

Usage: import_annotations.py --casts DIR --articles DIR [--out training/annotations/vi_news]
Each cast must name only forms that occur verbatim in its article; every derived mention must slice to its text
(UTF-16 offsets). Only ids, offsets and entity strings are written: never article text.
"""
import argparse, json, os, sys

sys.path.insert(0, os.path.dirname(__file__))
from cast_mentions import find_mentions  # noqa: E402

KEEP = ("id", "people", "organizations", "places", "non_entities", "author", "topic")


def utf16_slice(text, start, end):
    b = text.encode("utf-16-le")
    return b[2 * start:2 * end].decode("utf-16-le")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--casts", required=True)
    ap.add_argument("--articles", required=True)
    ap.add_argument("--out", default="training/annotations/vi_news")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    ok = bad = 0
    for fn in sorted(os.listdir(a.casts)):
        if not fn.endswith(".json"):
            continue
        try:
            cast = json.load(open(os.path.join(a.casts, fn), encoding="utf-8"))
        except json.JSONDecodeError as e:
            print(f"{fn}: not JSON ({e})", file=sys.stderr)
            bad += 1
            continue
        text = open(os.path.join(a.articles, fn[:-5] + ".txt"), encoding="utf-8").read()
        mentions, missing = find_mentions(text, cast)
        if missing:
            print(f"{fn}: forms not in the text: {missing}", file=sys.stderr)
            for key in ("people", "organizations", "places"):
                for item in cast.get(key, []):
                    item["aliases"] = [x for x in item.get("aliases", []) if x in text]
            cast["non_entities"] = [x for x in cast.get("non_entities", []) if x in text]
            mentions, _ = find_mentions(text, cast)
        for m in mentions:
            assert utf16_slice(text, m["start"], m["end"]) == m["text"], (fn, m)
        out = {k: cast[k] for k in KEEP if k in cast}
        out["mentions"] = mentions
        with open(os.path.join(a.out, fn), "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, indent=1)
            f.write("\n")
        ok += 1
    print(f"imported {ok}, unreadable {bad}")


if __name__ == "__main__":
    main()
