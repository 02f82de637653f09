#!/usr/bin/env python3
"""Writes core/data/en_abbreviations.tsv from pySBD's English lists (MIT), and prints its SENTENCE_STARTERS,
the first block of core/data/en_sentence_starters.txt.

Usage: training/scripts/pysbd_abbreviations.py ../shared/data/en_abbreviations/pysbd_standard.py
"""
import pathlib
import re
import sys

HEADER = """# English abbreviations for sentence splitting, lowercase and without their final ".", with their class:
#   prepositive  written before a name or a number ("Dr.", "Gen.", "St."): never ends a sentence;
#   number       before a number ("p. 55", "No. 9") it ends none;
#   other        "etc.", "Jan.": before a number or a lowercase word it ends none.
# From pySBD (https://github.com/nipunsadvilkar/pySBD, pysbd/lang/common/standard.py at
# 5905f13be4fc95f407b98392e0ec303617a33d86, the lists ABBREVIATIONS, PREPOSITIVE_ABBREVIATIONS and
# NUMBER_ABBREVIATIONS), MIT License, Copyright (c) 2019 Nipun Sadvilkar. Converted by
# training/scripts/pysbd_abbreviations.py.
"""


def python_list(source, name):
    match = re.search(name + r"\s*=\s*\[(.*?)\]", source, re.S)
    return re.findall(r"'([^']*)'", match.group(1))


def main():
    source = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8")
    everything = set(python_list(source, "ABBREVIATIONS"))
    prepositive = set(python_list(source, "PREPOSITIVE_ABBREVIATIONS"))
    number = set(python_list(source, "NUMBER_ABBREVIATIONS"))
    rows = []
    for abbreviation in sorted(everything | prepositive | number):
        kind = "prepositive" if abbreviation in prepositive else "number" if abbreviation in number else "other"
        rows.append(f"{abbreviation}\t{kind}")
    out = pathlib.Path(__file__).resolve().parents[2] / "core" / "data" / "en_abbreviations.tsv"
    out.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    starters = re.search(r'SENTENCE_STARTERS = "(.*?)"\\\s*"(.*?)"\.split', source, re.S)
    print("\n".join((starters.group(1) + starters.group(2)).split()))


if __name__ == "__main__":
    main()
