#!/usr/bin/env python3
"""Write the texts of the annotated training articles, taken from the raw corpus by id, to a folder outside the
repository (the corpus may not be copied into it). Usage: extract_articles.py --corpus RAW.jsonl
--annotations DIR --out DIR"""
import argparse, json, os

ap = argparse.ArgumentParser()
ap.add_argument("--corpus", required=True)
ap.add_argument("--annotations", required=True)
ap.add_argument("--out", required=True)
a = ap.parse_args()
wanted = {fn[:-5] for fn in os.listdir(a.annotations) if fn.endswith(".json")}
os.makedirs(a.out, exist_ok=True)
found = 0
with open(a.corpus, encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        if d["id"] in wanted:
            with open(os.path.join(a.out, d["id"] + ".txt"), "w", encoding="utf-8") as out:
                out.write(d["text"])
            found += 1
missing = len(wanted) - found
print(f"extracted {found} annotated articles" + (f", {missing} not in the corpus" if missing else ""))
