#!/usr/bin/env python3
"""Builds our own word list, core/data/words/vi_words.txt, from lists the authors wrote.

  build_word_lists.py shipped [--authors FILE] [--split FILE] [--out FILE]
      The shipped list: our list (training/word_lists/vi_words_ours.txt) without the entries the treebank's
      conventions write as two words (training/word_lists/vi_words_split.txt), under a header.

  build_word_lists.py authors --out FILE LIST [LIST ...]
      The lists (one word per line) merged into one file: lowercased, NFC, each syllable checked to be a
      well-formed Vietnamese syllable (entries of 2-4 syllables only), both tone-mark placements of the open
      rimes oa/oe/uy added ("hòa"/"hoà", "thủy"/"thuỷ"), deduplicated, without entries made of two others
      (composed()), sorted, under a header saying where the entries came from. The shipped file is one of its own inputs: new words are added by running it on the
      file and a list of them. Stdlib only.
"""
import argparse
import unicodedata

TONES = {'\u0300', '\u0301', '\u0303', '\u0309', '\u0323'}
ONSETS = sorted(['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr', 'b', 'c', 'd', 'đ', 'g', 'h',
                 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''], key=len, reverse=True)
CODAS = ['ng', 'nh', 'ch', 'c', 'm', 'n', 'p', 't', 'i', 'y', 'o', 'u', '']
VOWELS = set('aăâeêioôơuưy')


def strip_tone(syllable):
    d = unicodedata.normalize('NFD', syllable)
    tones = [c for c in d if c in TONES]
    base = unicodedata.normalize('NFC', ''.join(c for c in d if c not in TONES))
    return base, tones


def well_formed(syllable):
    """Onset + 1-3 vowels + coda, at most one tone mark (foreign words and typos fail it)."""
    base, tones = strip_tone(syllable)
    if len(tones) > 1 or not base.isalpha():
        return False
    for onset in ONSETS:
        if base.startswith(onset):
            rest = base[len(onset):]
            for coda in CODAS:
                if coda and not rest.endswith(coda):
                    continue
                nucleus = rest[:len(rest) - len(coda)] if coda else rest
                if 1 <= len(nucleus) <= 3 and all(c in VOWELS for c in nucleus):
                    return True
    return False


def tone_variants(syllable):
    """Both placements of the tone mark on an open oa/oe/uy rime: hòa/hoà, khỏe/khoẻ, thủy/thuỷ."""
    base, tones = strip_tone(syllable)
    if not tones or base.startswith('qu'):
        return {syllable}
    for rime in ('oa', 'oe', 'uy'):
        if base.endswith(rime):
            head = base[:-2]
            first = unicodedata.normalize('NFC', head + rime[0] + tones[0] + rime[1])
            second = unicodedata.normalize('NFC', head + rime[0] + rime[1] + tones[0])
            return {syllable, first, second}
    return {syllable}


def variants(word):
    out = ['']
    for s in word.split(' '):
        out = [(o + ' ' + v).strip() for o in out for v in sorted(tone_variants(s))]
    return out


def org_heads(path):
    """The organization heads of core/data/org_heads.tsv ("ban", "bộ", "ban chỉ đạo"), lowercase."""
    heads = set()
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.strip() and not line.startswith('#'):
                heads.add(unicodedata.normalize('NFC', line.split('\t')[0].strip()).lower())
    return heads


def composed(word, words, heads):
    """Whether an entry is two entries of the list side by side, which the treebank's conventions write as
    two words and the rules would otherwise glue: four syllables made of two words ("ngân hàng thương mại"),
    or a body's name, an organization head and a word ("ban dân vận", "bộ chính trị": the head and the name
    are the product's two words, as organization names are read)."""
    s = word.split(' ')
    if len(s) == 4 and ' '.join(s[:2]) in words and ' '.join(s[2:]) in words:
        return True
    return any(len(s) - k >= 2 and ' '.join(s[:k]) in heads and ' '.join(s[k:]) in words for k in (1, 2))


def authors(args):
    words = set()
    rejected = 0
    for path in args.lists:
        with open(path, encoding='utf-8') as f:
            for line in f:
                line = unicodedata.normalize('NFC', line.strip()).lower()
                if not line or line.startswith('#'):
                    continue
                syllables = line.split()
                if not 2 <= len(syllables) <= 4 or not all(well_formed(s) for s in syllables):
                    rejected += 1
                    continue
                words.update(variants(' '.join(syllables)))
    heads = org_heads(args.org_heads)
    kept = {w for w in words if not composed(w, words, heads)}
    print('left out %d entries made of two others' % (len(words) - len(kept)))
    words = kept
    with open(args.out, 'w', encoding='utf-8') as out:
        out.write('# Vietnamese multi-syllable words, lowercase, compiled by the article-analyzer authors (same licence\n'
                  '# as the project). Made by training/scripts/build_word_lists.py authors from our own lists, with\n'
                  '# both tone-mark placements of oa/oe/uy, without entries made of two others. Merged into the word\n'
                  '# list when one is loaded.\n')
        for w in sorted(words):
            out.write(w + '\n')
    print('wrote %s: %d entries (%d lines rejected)' % (args.out, len(words), rejected))


def entries(path):
    with open(path, encoding='utf-8') as f:
        return [line.strip() for line in f if line.strip() and not line.startswith('#')]


def shipped(args):
    split = set(entries(args.split))
    ours = entries(args.authors)
    unknown = split.difference(ours)
    if unknown:
        raise SystemExit('%s: %d entries are not in %s, e.g. %s' % (args.split, len(unknown), args.authors,
                                                                     sorted(unknown)[0]))
    kept = sorted(w for w in set(ours) if w not in split)
    with open(args.out, 'w', encoding='utf-8') as out:
        out.write('# Vietnamese multi-syllable words, lowercase, by the article-analyzer authors (MIT, as the project).\n'
                  '# training/word_lists/vi_words_ours.txt without the entries that the segmentation conventions of\n'
                  '# the VLSP treebanks write as two words (training/word_lists/vi_words_split.txt). Made by\n'
                  '# training/scripts/build_word_lists.py shipped; edit those two files, not this one.\n')
        for w in kept:
            out.write(w + '\n')
    print('wrote %s: %d entries (%d of %d left out as two words)' % (args.out, len(kept), len(split), len(set(ours))))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest='command', required=True)
    a = sub.add_parser('authors')
    a.add_argument('--out', required=True)
    a.add_argument('--org-heads', default='core/data/org_heads.tsv')
    a.add_argument('lists', nargs='+')
    s = sub.add_parser('shipped')
    s.add_argument('--authors', default='training/word_lists/vi_words_ours.txt')
    s.add_argument('--split', default='training/word_lists/vi_words_split.txt')
    s.add_argument('--out', default='core/data/words/vi_words.txt')
    args = parser.parse_args()
    authors(args) if args.command == 'authors' else shipped(args)


if __name__ == '__main__':
    main()
