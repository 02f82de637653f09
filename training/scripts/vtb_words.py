#!/usr/bin/env python3
"""The multi-syllable words of UD Vietnamese-VTB treebank files, as a word list.

Usage: vtb_words.py --out FILE TREEBANK.conllu [TREEBANK.conllu ...]

Each token's FORM keeps the spaces between its syllables ("công ty"); the list holds every form of two to six
syllables made of letters only (no digits or punctuation), lowercased and NFC, once, sorted by code point. The
output carries a header naming its source and licence (CC BY-SA 4.0): the file is shipped as it is written,
separately from the project's MIT data.
"""
import argparse
import os
import re
import unicodedata

LETTERS = re.compile(r'^[^\W\d_]+$')


def words_of(path):
    with open(path, encoding='utf-8') as f:
        for line in f:
            cols = line.rstrip('\n').split('\t')
            if len(cols) < 2 or not cols[0].isdigit():
                continue
            syllables = unicodedata.normalize('NFC', cols[1]).lower().split()
            if 2 <= len(syllables) <= 6 and all(LETTERS.match(s) for s in syllables):
                yield ' '.join(syllables)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--out', required=True)
    parser.add_argument('treebanks', nargs='+')
    args = parser.parse_args()
    words = set()
    for path in args.treebanks:
        words.update(words_of(path))
    names = ', '.join(os.path.basename(p) for p in args.treebanks)
    with open(args.out, 'w', encoding='utf-8') as out:
        out.write('# Multi-syllable words of UD Vietnamese-VTB (%s), %d entries, lowercased.\n' % (names, len(words)))
        out.write('# Source: Universal Dependencies, UD_Vietnamese-VTB (https://github.com/UniversalDependencies/UD_Vietnamese-VTB),\n')
        out.write('# from the VLSP Vietnamese Treebank. Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/).\n')
        out.write('# Made by training/scripts/vtb_words.py; changes: word forms only, lowercased, deduplicated, sorted.\n')
        for w in sorted(words):
            out.write(w + '\n')


if __name__ == '__main__':
    main()
