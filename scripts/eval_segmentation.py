#!/usr/bin/env python3
"""Word-segmentation evaluation on UD Vietnamese-VTB (CoNLL-U), stdlib only.

Gold words are the FORM column (a multi-syllable word keeps its internal spaces); the input to the
segmenter is the `# text` line of each sentence. Scoring is done on syllables: the tokens of `# text`
separated by whitespace (punctuation tokens included). A word is a run [a, b] of syllable indices;
a predicted word is correct when its run equals a gold word's run. Micro-averaged P/R/F1 over all
sentences.

Modes
  --cmd "PROGRAM ARGS"  Run a segmenter. All `# text` lines joined with "\\n" (no trailing newline) go to
                        its stdin as UTF-8; it must print JSON with a top-level "words" array of objects
                        with "start"/"end" = UTF-16 code-unit offsets into that input (end exclusive).
                        A predicted word becomes the run of syllables it overlaps (so partial or sub-syllable
                        words are widened to whole syllables, and several pieces of one syllable collapse to
                        one word); syllables no predicted word covers become one-syllable predicted words;
                        a word spanning two sentences never counts as correct.
  --report              The learned segmenter (--model MODEL, a model file with its section) and the rules alone,
                        on VTB train and dev, as a table (each with the train part's words as its word list and
                        the lists compiled in; OOV: words the train part lacks).
  --consistency         How far a word list can take the rules on dev, and why: agreement between VTB's train
                        and dev parts, and between the shipped list and dev, on what is one word; dev F1 with
                        lists that decide each sequence as train's majority does, then as dev's own does
                        (oracles that show what the words train lacks are worth; nothing is written).
  --baseline            No program: forward maximum matching (up to 4 syllables) with the lexicon
                        (core/data/words/vi_words.txt), plus a proper-name rule: a run of 2+ capitalised
                        syllables (Title-case, not all-caps acronyms) is one word, tried before the
                        lexicon (--no-names turns the rule off). Lexicon look-up is case-insensitive.
  --segment             Act as a segmenter for --cmd (baseline algorithm): read text on stdin, print
                        {"words": [{"start", "end", "text"}]} with UTF-16 offsets. Lets the --cmd path be
                        checked end to end: `--cmd "python3 scripts/eval_segmentation.py --segment"`
                        must give exactly the --baseline score.

Output: a line `segmentation F1=... P=... R=... sentences=N ...`, or with --json a JSON object.
--breakdown adds counts of missed gold words by class (punct / number / name / reduplication-like /
multi-syllable in lexicon / multi-syllable not in lexicon / single); --errors N prints N sample
sentence diffs to stderr. Evaluation data stays where it is: nothing is written anywhere.
"""
import argparse
import bisect
import json
import os
import re
import shlex
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CONLLU = '/work/shared/eval/ud_vietnamese_vtb/vi_vtb-ud-dev.conllu'
DEFAULT_LEXICON = os.path.join(ROOT, 'core', 'data', 'words', 'vi_words.txt')
MAX_WORD_SYLLABLES = 4
TONE_MARKS = {'\u0300', '\u0301', '\u0303', '\u0309', '\u0323'}


# ----------------------------------------------------------------------------------------------
# Data
# ----------------------------------------------------------------------------------------------

class Sentence:
    __slots__ = ('sent_id', 'text', 'sylls', 'gold', 'gold_forms', 'gold_xpos')

    def __init__(self, sent_id, text, forms, xpos):
        self.sent_id = sent_id
        self.text = text
        # syllables: (start, end) Python-str offsets into text
        self.sylls = [(m.start(), m.end()) for m in re.finditer(r'\S+', text)]
        self.gold = []          # list of (a, b) syllable runs, b inclusive
        self.gold_forms = forms
        self.gold_xpos = xpos
        i = 0
        toks = [text[s:e] for s, e in self.sylls]
        for form in forms:
            parts = form.split()
            if toks[i:i + len(parts)] != parts:
                raise ValueError('FORM column does not align with # text')
            self.gold.append((i, i + len(parts) - 1))
            i += len(parts)
        if i != len(toks):
            raise ValueError('FORM column does not cover # text')


def load_conllu(path):
    sents, skipped = [], 0
    sent_id, text, forms, xpos = None, None, [], []

    def flush():
        nonlocal skipped
        if text is None:
            return
        try:
            sents.append(Sentence(sent_id, text, forms, xpos))
        except ValueError as e:
            skipped += 1
            print(f'warning: sentence {sent_id}: {e}; skipped', file=sys.stderr)

    with open(path, encoding='utf-8') as f:
        for raw in f:
            line = raw.rstrip('\r\n')
            if not line.strip():
                flush()
                sent_id, text, forms, xpos = None, None, [], []
            elif line.startswith('#'):
                key, sep, val = line[1:].partition('=')
                if sep and key.strip() == 'text':
                    text = val.strip()
                elif sep and key.strip() == 'sent_id':
                    sent_id = val.strip()
            else:
                cols = line.split('\t')
                if len(cols) < 5 or not cols[0].isdigit():
                    continue  # multiword ranges (1-2) and empty nodes (1.1)
                forms.append(cols[1])
                xpos.append(cols[4])
        flush()
    return sents, skipped


def load_lexicon(path):
    lex = set()
    with open(path, encoding='utf-8') as f:
        for line in f:
            w = line.strip()
            if w and not w.startswith('#'):
                lex.add(unicodedata.normalize('NFC', w).lower())
    return lex


# ----------------------------------------------------------------------------------------------
# UTF-16 offsets
# ----------------------------------------------------------------------------------------------

def utf16_prefix(s):
    """u[i] = UTF-16 offset of Python index i (len(s)+1 entries, strictly increasing)."""
    u = [0] * (len(s) + 1)
    acc = 0
    for i, ch in enumerate(s):
        u[i] = acc
        acc += 2 if ord(ch) > 0xFFFF else 1
    u[len(s)] = acc
    return u


def utf16_span_to_py(u, start, end):
    """UTF-16 [start, end) -> Python [ps, pe); an offset inside a surrogate pair widens the span."""
    ps = bisect.bisect_right(u, start) - 1
    pe = bisect.bisect_left(u, end)
    return max(ps, 0), min(pe, len(u) - 1)


# ----------------------------------------------------------------------------------------------
# Baseline segmenter (forward maximum matching)
# ----------------------------------------------------------------------------------------------

def _is_cap(tok):
    """Capitalised syllable for the proper-name rule: letters only, first one upper-case, and not an
    all-caps acronym (UBND, TP, HCM, and VTB's bracket tokens LBKT/RBKT stay out of name runs)."""
    return tok[:1].isupper() and tok.isalpha() and not (len(tok) > 1 and tok.isupper())


def fmm_segment(tokens, lex, names=True, max_len=MAX_WORD_SYLLABLES):
    """tokens: list of syllable strings -> list of (a, b) runs, b inclusive."""
    keys = [unicodedata.normalize('NFC', t).lower() for t in tokens]
    n, i, out = len(tokens), 0, []
    while i < n:
        if names and _is_cap(tokens[i]):
            k = i
            while k + 1 < n and _is_cap(tokens[k + 1]):
                k += 1
            if k > i:
                out.append((i, k))
                i = k + 1
                continue
        for length in range(min(max_len, n - i), 1, -1):
            if ' '.join(keys[i:i + length]) in lex:
                out.append((i, i + length - 1))
                i += length
                break
        else:
            out.append((i, i))
            i += 1
    return out


def segment_text(text, lex, names=True):
    """Baseline segmenter over raw text (one sentence per line) -> list of Python (start, end)."""
    words = []
    pos = 0
    for line in text.split('\n'):
        spans = [(m.start() + pos, m.end() + pos) for m in re.finditer(r'\S+', line)]
        toks = [text[s:e] for s, e in spans]
        for a, b in fmm_segment(toks, lex, names):
            words.append((spans[a][0], spans[b][1]))
        pos += len(line) + 1
    return words


# ----------------------------------------------------------------------------------------------
# Predictions from a program
# ----------------------------------------------------------------------------------------------

def run_program(cmd, data, timeout):
    argv = shlex.split(cmd)
    proc = subprocess.run(argv, input=data.encode('utf-8'), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=timeout)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode('utf-8', 'replace')[-4000:])
        raise SystemExit(f'error: segmenter exited with status {proc.returncode}')
    try:
        out = json.loads(proc.stdout.decode('utf-8'))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise SystemExit(f'error: segmenter output is not JSON: {e}')
    if not isinstance(out, dict) or not isinstance(out.get('words'), list):
        raise SystemExit('error: segmenter JSON has no top-level "words" array')
    return out['words']


def predictions_from_words(words, data, sents, starts, stats):
    """Map UTF-16 word offsets of the joined input to per-sentence syllable runs.

    Returns list (per sentence) of dict {(a, b): valid}; valid False for sentence-crossing pieces."""
    u = utf16_prefix(data)
    # global syllable table
    g_start, g_end, g_ref = [], [], []
    for si, (s, base) in enumerate(zip(sents, starts)):
        for j, (a, b) in enumerate(s.sylls):
            g_start.append(base + a)
            g_end.append(base + b)
            g_ref.append((si, j))
    preds = [dict() for _ in sents]
    for w in words:
        try:
            start, end = int(w['start']), int(w['end'])
        except (TypeError, KeyError, ValueError):
            stats['bad_words'] += 1
            continue
        if not (0 <= start < end <= u[-1]):
            stats['bad_words'] += 1
            continue
        ps, pe = utf16_span_to_py(u, start, end)
        k = bisect.bisect_right(g_end, ps)    # first syllable ending after ps
        pieces = {}
        while k < len(g_start) and g_start[k] < pe:
            si, j = g_ref[k]
            a, b = pieces.get(si, (j, j))
            pieces[si] = (min(a, j), max(b, j))
            k += 1
        if not pieces:
            stats['words_without_syllable'] += 1   # whitespace only
            continue
        crossing = len(pieces) > 1
        if crossing:
            stats['sentence_crossing_words'] += 1
        for si, run in pieces.items():
            if crossing:
                preds[si][run] = False
            else:
                preds[si].setdefault(run, True)
    return preds


# ----------------------------------------------------------------------------------------------
# Scoring
# ----------------------------------------------------------------------------------------------

def _toneless(s):
    d = unicodedata.normalize('NFD', s.lower())
    return unicodedata.normalize('NFC', ''.join(c for c in d if c not in TONE_MARKS))


_ONSET = re.compile(r'^(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?(.*)$')


def _redup_like(sylls):
    if len(sylls) < 2:
        return False
    t = [_toneless(x) for x in sylls]
    if len(set(t)) == 1:
        return True
    parts = [_ONSET.match(x).groups() for x in t]
    onsets = {p[0] or '' for p in parts}
    rimes = {p[1] for p in parts}
    return len(sylls) == 2 and ((len(onsets) == 1 and onsets != {''}) or len(rimes) == 1)


def classify_gold(sent, k, lex):
    a, b = sent.gold[k]
    form = sent.gold_forms[k]
    sylls = form.split()
    xpos = sent.gold_xpos[k]
    if not any(c.isalnum() for c in form):
        return 'punct'
    if any(c.isdigit() for c in form):
        return 'number'
    if xpos.startswith('NNP') or (b > a and all(x[:1].isupper() for x in sylls)):
        return 'name'
    if b == a:
        return 'single'
    if _redup_like(sylls):
        return 'redup_like'
    if lex is not None:
        key = unicodedata.normalize('NFC', form).lower()
        return 'multi_in_lexicon' if key in lex else 'multi_not_in_lexicon'
    return 'multi'


def is_oov(form, vocab):
    """A word of letters whose lowercase form the training treebank never has as a word."""
    return vocab is not None and any(c.isalpha() for c in form) and not any(c.isdigit() for c in form) and \
        unicodedata.normalize('NFC', form).lower() not in vocab


def score(sents, preds, lex=None, breakdown=False, errors=0, vocab=None):
    tot = dict(gold=0, pred=0, correct=0, gold_multi=0, correct_multi=0, pred_multi=0,
               overlap_syllables=0, gold_oov=0, correct_oov=0)
    classes = {}
    shown = 0
    for si, s in enumerate(sents):
        pred = dict(preds[si])
        covered = [0] * len(s.sylls)
        for (a, b) in pred:
            for j in range(a, b + 1):
                covered[j] += 1
        tot['overlap_syllables'] += sum(1 for c in covered if c > 1)
        for j, c in enumerate(covered):
            if c == 0:
                pred[(j, j)] = True
        gold = set(s.gold)
        ok = {r for r, valid in pred.items() if valid and r in gold}
        tot['gold'] += len(gold)
        tot['pred'] += len(pred)
        tot['correct'] += len(ok)
        tot['gold_multi'] += sum(1 for a, b in gold if b > a)
        tot['pred_multi'] += sum(1 for a, b in pred if b > a)
        tot['correct_multi'] += sum(1 for a, b in ok if b > a)
        for k, run in enumerate(s.gold):
            if is_oov(s.gold_forms[k], vocab):
                tot['gold_oov'] += 1
                tot['correct_oov'] += run in ok
        if breakdown:
            for k, run in enumerate(s.gold):
                c = classify_gold(s, k, lex)
                d = classes.setdefault(c, {'gold': 0, 'missed': 0})
                d['gold'] += 1
                if run not in ok:
                    d['missed'] += 1
        if errors and shown < errors and len(ok) < max(len(gold), len(pred)):
            shown += 1
            toks = [s.text[x:y] for x, y in s.sylls]
            fmt = lambda runs: ' '.join('_'.join(toks[a:b + 1]) for a, b in sorted(runs))
            print(f'--- {s.sent_id}\n gold: {fmt(gold)}\n pred: {fmt(pred)}', file=sys.stderr)
    p = tot['correct'] / tot['pred'] if tot['pred'] else 0.0
    r = tot['correct'] / tot['gold'] if tot['gold'] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    res = {'f1': round(f, 6), 'precision': round(p, 6), 'recall': round(r, 6),
           'sentences': len(sents), 'gold_words': tot['gold'], 'pred_words': tot['pred'],
           'correct_words': tot['correct'],
           'multi_syllable': {'gold': tot['gold_multi'], 'pred': tot['pred_multi'],
                              'correct': tot['correct_multi'],
                              'recall': round(tot['correct_multi'] / tot['gold_multi'], 6)
                              if tot['gold_multi'] else 0.0,
                              'precision': round(tot['correct_multi'] / tot['pred_multi'], 6)
                              if tot['pred_multi'] else 0.0},
           'overlapping_syllables': tot['overlap_syllables']}
    if vocab is not None:
        res['oov'] = {'gold': tot['gold_oov'], 'correct': tot['correct_oov'],
                      'recall': round(tot['correct_oov'] / tot['gold_oov'], 6) if tot['gold_oov'] else 0.0}
    if breakdown:
        res['missed_gold_by_class'] = dict(sorted(classes.items(), key=lambda kv: -kv[1]['missed']))
    return res


# ----------------------------------------------------------------------------------------------

def report(args):
    """F1, P, R and out-of-vocabulary recall of the analyzer's segmentation, learned and rules alone, on VTB train
    and dev. The word list is the shipped one plus the train part's words, so that dev words the train part
    lacks are missing from the treebank's share of it as they would be from any list; train scores are on the
    segmenter's own training data (and on words the list holds)."""
    import tempfile
    treebank = os.path.dirname(DEFAULT_CONLLU)
    train = os.path.join(treebank, 'vi_vtb-ud-train.conllu')
    cli = os.path.join(ROOT, 'build', 'native', 'core', 'article-analyzer')
    with tempfile.TemporaryDirectory() as tmp:
        # The shipped word list, then the train part's words (as `article-train words --dev` scores).
        train_words = os.path.join(tmp, 'train_words.txt')
        subprocess.run([sys.executable, os.path.join(ROOT, 'training', 'scripts', 'vtb_words.py'), '--out', train_words,
                        train], check=True, stdout=subprocess.DEVNULL)
        words = os.path.join(tmp, 'words.txt')
        with open(words, 'w', encoding='utf-8') as out:
            for path in (DEFAULT_LEXICON, train_words):
                with open(path, encoding='utf-8') as f:
                    out.write(f.read().rstrip('\n') + '\n')
        print('| treebank part | segmenter | F1 | P | R | OOV recall (OOV words) |\n|---|---|---:|---:|---:|---:|')
        for part in ('train', 'dev'):
            conllu = os.path.join(treebank, f'vi_vtb-ud-{part}.conllu')
            runs = [('rules alone', ['--model', ''])]
            if args.model:
                runs.insert(0, ('learned', ['--model', args.model]))
            for name, extra in runs:
                cmd = ' '.join(shlex.quote(a) for a in [cli, '--no-tokens', '--words', words] + extra)
                out = subprocess.run([sys.executable, os.path.abspath(__file__), conllu, '--cmd', cmd, '--json',
                                      '--vocab-from', train], check=True, capture_output=True, text=True).stdout
                r = json.loads(out)
                oov = r['oov']
                oov_text = f"{oov['recall']:.4f} ({oov['gold']})" if oov['gold'] else '—'
                print(f"| {part} | {name} | {r['f1']:.4f} | {r['precision']:.4f} | {r['recall']:.4f} | {oov_text} |")
    return 0


def sequence_counts(sents):
    """For each run of 2–5 syllables of the sentences, lowercased: how often the treebank writes it as one
    word, and how often it occurs at all."""
    from collections import Counter
    joined, seen = Counter(), Counter()
    for s in sents:
        toks = [unicodedata.normalize('NFC', s.text[a:b]).lower() for a, b in s.sylls]
        for a, b in s.gold:
            if b > a:
                joined[' '.join(toks[a:b + 1])] += 1
        for n in range(2, 6):
            for i in range(len(toks) - n + 1):
                seen[' '.join(toks[i:i + n])] += 1
    return joined, seen


def consistency(args):
    """How far a word list can take the analyzer on VTB dev, and why: how often the treebank's two parts agree
    on what is one word, how often the shipped list agrees with dev, and dev's F1 with the rules alone and
    word lists that decide each sequence as train's majority does, then also as dev's own majority does (an
    oracle, never a list to ship: it shows what the words the train part lacks are worth)."""
    import tempfile
    treebank = os.path.dirname(DEFAULT_CONLLU)
    train, _ = load_conllu(os.path.join(treebank, 'vi_vtb-ud-train.conllu'))
    dev, _ = load_conllu(os.path.join(treebank, 'vi_vtb-ud-dev.conllu'))
    tj, ts = sequence_counts(train)
    dj, ds = sequence_counts(dev)
    shipped = load_lexicon(args.lexicon)
    one_word = lambda w, joined, seen: 2 * joined[w] >= seen[w]
    letters = lambda w: all(c.isalpha() or c == ' ' for c in w)

    both = [w for w in set(tj) | set(dj) if ts[w] and ds[w]]
    agree = sum(one_word(w, tj, ts) == one_word(w, dj, ds) for w in both)
    occurrences = sum(ds[w] for w in both)
    against = sum(ds[w] - dj[w] if one_word(w, tj, ts) else dj[w] for w in both)
    dev_minority = sum(min(dj[w], ds[w] - dj[w]) for w in dj)
    print('| measure | value |\n|---|---:|')
    print(f'| sequences one word somewhere and in both parts: train and dev majorities agree | '
          f'{agree}/{len(both)} ({agree / len(both):.1%}) |')
    # Rare sequences, as most of a word list's entries are: once in each part.
    rare = [w for w in both if ts[w] == 1 and ds[w] == 1]
    rare_agree = sum(one_word(w, tj, ts) == one_word(w, dj, ds) for w in rare)
    print(f'| of those, once in each part: the two parts agree | {rare_agree}/{len(rare)} '
          f'({rare_agree / max(1, len(rare)):.1%}) |')
    print(f'| their dev occurrences against train\'s majority | {against}/{occurrences} ({against / occurrences:.1%}) |')
    print(f'| dev occurrences against dev\'s own majority (of sequences dev joins somewhere) | '
          f'{dev_minority}/{sum(ds[w] for w in dj)} |')
    # The review's judgments (training/word_lists: the entries it joined are the shipped list, those it split
    # are listed apart) against dev's majority, on sequences the train part has and has not.
    split_list = os.path.join(ROOT, 'training', 'word_lists', 'vi_words_split.txt')
    judged = [('joined', shipped, True)]
    if os.path.exists(split_list):
        judged.append(('split', load_lexicon(split_list), False))
    for verdict, entries_of, joins in judged:
        for name, seen_in_train in (('in train', True), ('not in train', False)):
            entries = [w for w in entries_of if ' ' in w and ds[w] and (ts[w] > 0) == seen_in_train
                       and 2 * dj[w] != ds[w]]
            agreeing = sum(one_word(w, dj, ds) == joins for w in entries)
            print(f'| list entries the review {verdict}, in dev and {name}: dev\'s majority agrees | '
                  f'{agreeing}/{len(entries)} ({agreeing / max(1, len(entries)):.1%}) |')

    candidates = {w for w in shipped | set(tj) | set(dj) if ' ' in w and letters(w)}
    lists = {
        'the shipped list + the sequences train joins': lambda w: w in shipped or (ts[w] and one_word(w, tj, ts)),
        'train\'s majority where train has the sequence, the shipped list elsewhere':
            lambda w: one_word(w, tj, ts) if ts[w] else w in shipped,
        'train\'s majority where train has it, dev\'s elsewhere (oracle)':
            lambda w: one_word(w, tj, ts) if ts[w] else (one_word(w, dj, ds) if ds[w] else w in shipped),
        'dev\'s majority for every sequence dev has (oracle)':
            lambda w: one_word(w, dj, ds) if ds[w] else w in shipped,
    }
    cli = os.path.join(ROOT, 'build', 'native', 'core', 'article-analyzer')
    conllu = os.path.join(treebank, 'vi_vtb-ud-dev.conllu')
    print('\n| word list (rules alone) | dev F1 | P | R |\n|---|---:|---:|---:|')
    with tempfile.TemporaryDirectory() as tmp:
        for name, keep in lists.items():
            words = os.path.join(tmp, 'words.txt')
            with open(words, 'w', encoding='utf-8') as out:
                out.write('\n'.join(sorted(w for w in candidates if keep(w))) + '\n')
            cmd = ' '.join(shlex.quote(a) for a in [cli, '--no-tokens', '--words', words, '--model', ''])
            r = json.loads(subprocess.run([sys.executable, os.path.abspath(__file__), conllu, '--cmd', cmd, '--json'],
                                          check=True, capture_output=True, text=True).stdout)
            print(f"| {name} | {r['f1']:.4f} | {r['precision']:.4f} | {r['recall']:.4f} |")
    return 0


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('conllu', nargs='?', default=DEFAULT_CONLLU)
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument('--cmd', help='segmenter command line (split with shlex)')
    mode.add_argument('--baseline', action='store_true', help='lexicon FMM baseline in Python')
    mode.add_argument('--report', action='store_true',
                      help='the table of issue 10: the learned segmenter and the rules alone, on VTB train and dev, '
                           'each with the word list of the train part only')
    mode.add_argument('--consistency', action='store_true',
                      help='how consistent VTB train and dev are on what is one word, how often the word list '
                           'agrees with dev, and dev F1 with word lists that follow train, then dev (oracles)')
    mode.add_argument('--segment', action='store_true',
                      help='be a segmenter: stdin text -> JSON words with UTF-16 offsets')
    ap.add_argument('--lexicon', default=DEFAULT_LEXICON)
    ap.add_argument('--no-names', action='store_true', help='baseline without the proper-name rule')
    ap.add_argument('--json', action='store_true', help='print results as JSON')
    ap.add_argument('--breakdown', action='store_true', help='missed gold words by class')
    ap.add_argument('--errors', type=int, default=0, metavar='N',
                    help='print N sentence diffs (gold vs predicted) to stderr')
    ap.add_argument('--timeout', type=float, default=600.0, help='segmenter timeout, seconds')
    ap.add_argument('--model', metavar='MODEL', help='--report: a model file with a word segmenter section '
                    '(article-train words, appended to an entity model) for the learned rows')
    ap.add_argument('--vocab-from', metavar='TRAIN.conllu',
                    help='report the recall of out-of-vocabulary words: gold words this treebank never has')
    args = ap.parse_args(argv)

    if args.report:
        return report(args)
    if args.consistency:
        return consistency(args)
    if args.segment:
        lex = load_lexicon(args.lexicon)
        text = sys.stdin.buffer.read().decode('utf-8')
        u = utf16_prefix(text)
        words = [{'start': u[s], 'end': u[e], 'text': text[s:e]}
                 for s, e in segment_text(text, lex, names=not args.no_names)]
        json.dump({'words': words}, sys.stdout, ensure_ascii=False)
        sys.stdout.write('\n')
        return 0

    sents, skipped = load_conllu(args.conllu)
    if not sents:
        raise SystemExit(f'error: no sentences in {args.conllu}')
    lex = load_lexicon(args.lexicon) if (args.baseline or args.breakdown) and \
        os.path.exists(args.lexicon) else None
    stats = {'bad_words': 0, 'words_without_syllable': 0, 'sentence_crossing_words': 0}
    if args.baseline:
        if lex is None:
            raise SystemExit(f'error: lexicon not found: {args.lexicon}')
        preds = []
        for s in sents:
            toks = [s.text[a:b] for a, b in s.sylls]
            preds.append({run: True for run in fmm_segment(toks, lex, names=not args.no_names)})
        label = 'baseline-fmm' + ('' if args.no_names else '+names')
    else:
        data = '\n'.join(s.text for s in sents)
        starts, pos = [], 0
        for s in sents:
            starts.append(pos)
            pos += len(s.text) + 1
        words = run_program(args.cmd, data, args.timeout)
        preds = predictions_from_words(words, data, sents, starts, stats)
        label = 'cmd'
    vocab = None
    if args.vocab_from:
        train, _ = load_conllu(args.vocab_from)
        vocab = {unicodedata.normalize('NFC', f).lower() for t in train for f in t.gold_forms}
    res = score(sents, preds, lex, breakdown=args.breakdown, errors=args.errors, vocab=vocab)
    res.update({'mode': label, 'conllu': args.conllu, 'skipped_sentences': skipped})
    if not args.baseline:
        res.update(stats)
    if args.baseline or args.breakdown:
        res['lexicon'] = args.lexicon
        res['lexicon_entries'] = len(lex) if lex is not None else 0
    if args.json:
        json.dump(res, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write('\n')
    else:
        m = res['multi_syllable']
        print(f"segmentation F1={res['f1']:.4f} P={res['precision']:.4f} R={res['recall']:.4f} "
              f"sentences={res['sentences']} gold={res['gold_words']} pred={res['pred_words']} "
              f"multi_R={m['recall']:.4f} multi_P={m['precision']:.4f} mode={label}"
              + (f" oov_R={res['oov']['recall']:.4f} oov={res['oov']['gold']}" if 'oov' in res else ''))
        if args.breakdown:
            for c, d in res['missed_gold_by_class'].items():
                print(f"  missed {c:<22} {d['missed']:>6} of {d['gold']:>6}")
    return 0


if __name__ == '__main__':
    sys.exit(main())
