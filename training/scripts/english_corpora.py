#!/usr/bin/env python3
"""Turns the openly licensed English entity corpora in ../shared/data into training documents for
`article-train entities`: DIR/<id>.txt (the text) and DIR/<id>.json ({"id", "mentions": [{type, start, end,
text}]}, UTF-16 offsets into the text), the format of training/annotations/.

Sources (read at training time, never copied into the repository):
  - GUM (en_gum/, WebAnno TSV; annotations CC BY 4.0, texts CC BY / CC BY-SA as its LICENSE.txt lists).
    GUM marks every mention, named or not, as a whole noun phrase ("a team of six Afghan teenage girls",
    "US President Donald Trump", "the Daughters of the American Revolution Constitution Hall in Washington
    D.C."). A named entity in the sense of ../shared/annotation/GUIDE.md (and of CoNLL) is the proper name at
    the start of such a phrase, so each mention is cut to its name (`name_of_mention`), and a name nested
    inside a longer name is not a name of its own ("FIRST" in "FIRST Global Challenge Robot Olympics").
    Mentions of kinds we have no type for (events, works, objects) still take the place of what they hold,
    so the model learns that "Robot Olympics" is neither a person nor a place.
  - WNUT-17 (en_ner_wnut17/, CoNLL columns; CC BY 4.0): person → person, location → location, corporation and
    group → organization; products and creative works are no entity of ours.

GUM documents are written as prose: one line for the heading, then paragraphs of a few sentences, with the
tokens joined back (no space before "," or "'s"), since pasted articles are prose. WNUT's tweets are kept as
tokens joined by spaces, twenty to a document, one per line.

Only GUM's genres whose texts are CC BY (news and interviews from Wikinews, academic and court texts) are
read by default: the biographies and travel guides are CC BY-SA (Wikipedia, Wikivoyage), and a model the MIT
package ships is not to carry a share-alike licence. `--genres` reads others for experiments.

Usage: english_corpora.py --out DIR [--gum DIR] [--wnut DIR] [--sources gum,wnut] [--genres news,...]
"""
import argparse
import json
import os
import re
import sys

OUR_TYPE = {"person": "person", "place": "location", "organization": "organization"}
WNUT_TYPE = {"person": "person", "location": "location", "corporation": "organization", "group": "organization"}

# Words that join the capitalized words of one name ("Bank of England", "Procter & Gamble", "Leonardo da
# Vinci") but do not end it; and determiners before a name that are not part of it.
CONNECTORS = {"of", "the", "and", "&", "de", "da", "del", "di", "du", "von", "van", "der", "la", "le", "for", "on",
              "-", "'s", "upon", "al", "bin", "y"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
               "your"}
# What may follow a name that is the head of its phrase ("the FIRST Global Challenge Robot Olympics in the
# …", "Dean Kamen, who …"). Any other word after it inside the mention makes the name a modifier ("Afghan
# team", "U.S. policies"), which is no name of the mention's kind.
AFTER_HEAD = {"in", "at", "from", "with", "who", "whom", "which", "that", "whose", "where", "on", "by", "to",
              "for", "of", ",", "(", "-", "--", "and", "or", "'s", "’s", "'", '"', ":", ";", "as", "under",
              "near", "since", "over", "about", "after", "before", "during", "into"}
PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "us", "them", "me", "him", "her", "one", "this", "that",
            "these", "those", "there", "here", "who", "everyone", "someone", "all", "both", "each"}
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "%",
                   "’s"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "£", "€", "#"}


def capitalized(token):
    return token[:1].isupper()


def utf16_length(s):
    return len(s.encode("utf-16-le")) // 2


def read_title_words(path):
    """English titles from core/data/titles.tsv (first column), lowercased: "President", "Sen." before a
    name are not part of it (GUIDE.md: roles are not names)."""
    words = set()
    if not os.path.exists(path):
        return words
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            title = line.split("\t")[0].strip()
            if title and all(ord(c) < 128 for c in title):
                words.add(title.lower())
    return words


def read_country_words(path):
    words = set()
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            for w in line.split("\t")[0].lower().split():
                words.add(w)
    return words


def read_suffixes(path):
    return [l.strip() for l in open(path, encoding="utf-8") if l.strip() and not l.startswith("#")]


def is_demonym(token, country_words, suffixes):
    """As the analyzer's demonym() reads en_demonym_suffixes.txt: "Afghan", "Syrians", "British"."""
    w = token.lower()
    if not token[:1].isupper() or w in country_words:
        return False
    for word in (w, w[:-1] if w.endswith("s") else ""):
        if not word or word in country_words:
            continue
        for suffix in suffixes:
            if len(word) < len(suffix) + 4 or not word.endswith(suffix):
                continue
            stem = word[:len(word) - len(suffix)]
            if any(c.startswith(stem) and len(c) <= len(stem) + 3 for c in country_words):
                return True
    return False


def read_gum(path):
    """Sentences of one GUM document: [[token]], and its mentions: [(sentence, first, last + 1, kind)]."""
    sentences, spans = [], {}
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#Text="):
            sentences.append([])
            continue
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 7 or "-" not in cols[0]:
            continue
        s = len(sentences) - 1
        t = len(sentences[s])
        sentences[s].append(cols[2])
        if cols[3] == "_":
            continue
        for k, kind in enumerate(cols[3].split("|")):
            m = re.match(r"([a-z]+)(?:\[(\d+)\])?$", kind)
            if not m:
                continue
            key = m.group(2) or f"single-{s}-{t}-{k}"
            if key in spans:
                spans[key][2] = t + 1
            else:
                spans[key] = [s, t, t + 1, m.group(1)]
    return sentences, [tuple(v) for v in spans.values()]


def name_of_mention(tokens, first, end, titles, capitalized_elsewhere, is_demonym_word):
    """The proper name a GUM mention opens with, as (first, end) token positions, or None."""
    while first < end and tokens[first].lower() in DETERMINERS:
        first += 1
    # "Afghan Ambassador to the United States Hamdullah Mohib", "U.S. President Donald Trump": what comes
    # before a title (a demonym, a country) and the title itself are no part of the name.
    for t in range(end - 1, first - 1, -1):
        if tokens[t].lower() in titles and t + 1 < end and capitalized(tokens[t + 1]):
            first = t + 1
            break
    while first < end and is_demonym_word(tokens[first]) and first + 1 < end and capitalized(tokens[first + 1]):
        first += 1

    def connects(k):  # connectors, then a capitalized word, all inside the mention
        while k < end and tokens[k].lower() in CONNECTORS:
            k += 1
        return k < end and capitalized(tokens[k])

    last = first
    while last < end and (capitalized(tokens[last]) or
                          (tokens[last].lower() in CONNECTORS and last > first and connects(last))):
        last += 1
    while last > first and tokens[last - 1].lower() in CONNECTORS:
        last -= 1
    if last == first:
        return None
    if last < end and tokens[last].lower() not in AFTER_HEAD:
        return None  # a modifier
    if last - first == 1 and tokens[first].lower() in PRONOUNS and not (tokens[first].isupper() and len(tokens[first]) > 1):
        return None  # "They", "We"; but "US" is a country
    if all(is_demonym_word(t) or t.lower() in CONNECTORS for t in tokens[first:last]):
        return None
    if tokens[last - 1].lower() in titles:  # "the Afghan Ambassador", "the President": a role
        return None
    # A capitalized first word of a sentence is a name only if the text writes it capitalized elsewhere too
    # ("Officials said …" is no name).
    if first == 0 and last - first == 1 and tokens[first] not in capitalized_elsewhere:
        return None
    return first, last


def gum_document(path, titles, is_demonym_word):
    sentences, mentions = read_gum(path)
    capitalized_elsewhere = {tok for sent in sentences for i, tok in enumerate(sent) if i > 0 and capitalized(tok)}
    names = []  # (sentence, first, end, kind, length of the mention)
    for s, first, end, kind in mentions:
        if not any(capitalized(t) for t in sentences[s][first:end]):
            continue
        found = name_of_mention(sentences[s], first, end, titles, capitalized_elsewhere, is_demonym_word)
        if found:
            names.append((s, found[0], found[1], kind, end - first))
    # The longest name wins where names overlap, and of one name, the tightest mention ("Donald Trump" the
    # person, not "Donald Trump's policies"); what remains of our types becomes a mention.
    names.sort(key=lambda n: (-(n[2] - n[1]), n[4], n[0], n[1]))
    taken, kept = set(), []
    for s, a, b, kind, _ in names:
        if any((s, t) in taken for t in range(a, b)):
            continue
        taken.update((s, t) for t in range(a, b))
        if kind in OUR_TYPE:
            kept.append((s, a, b, OUR_TYPE[kind]))
    return sentences, kept


def join_tokens(tokens, prose=True):
    """Tokens joined as prose (no space before "," or "'s"), or else with one space between, with each
    token's UTF-16 start: (text, [start])."""
    text, starts = "", []
    for i, tok in enumerate(tokens):
        if i > 0 and (not prose or (tok not in NO_SPACE_BEFORE and tokens[i - 1] not in NO_SPACE_AFTER)):
            text += " "
        starts.append(utf16_length(text))
        text += tok
    return text, starts


def write_document(out_dir, doc_id, lines, mentions, prose=True, line_break="\n\n"):
    """lines: [[sentence tokens]] per line; mentions: [(line, sentence, first, end, type)]."""
    text, spans = "", {}  # (line, sentence) → (token starts, token ends)
    for li, line in enumerate(lines):
        if li > 0:
            text += line_break
        for si, tokens in enumerate(line):
            if si > 0:
                text += " "
            sentence_text, token_starts = join_tokens(tokens, prose)
            base = utf16_length(text)
            spans[(li, si)] = ([base + s for s in token_starts],
                               [base + s + utf16_length(tok) for s, tok in zip(token_starts, tokens)])
            text += sentence_text
    units = text.encode("utf-16-le")
    out = []
    for li, si, a, b, kind in mentions:
        start, end = spans[(li, si)][0][a], spans[(li, si)][1][b - 1]
        out.append({"type": kind, "start": start, "end": end,
                    "text": units[2 * start:2 * end].decode("utf-16-le")})
    with open(os.path.join(out_dir, doc_id + ".txt"), "w", encoding="utf-8") as f:
        f.write(text + "\n")
    with open(os.path.join(out_dir, doc_id + ".json"), "w", encoding="utf-8") as f:
        json.dump({"id": doc_id, "mentions": out}, f, ensure_ascii=False, indent=1)
    return len(out)


CC_BY_GENRES = ("academic", "court", "interview", "news")


def convert_gum(gum_dir, out_dir, titles, is_demonym_word, genres=CC_BY_GENRES, sentences_per_paragraph=3):
    docs = mentions = 0
    for name in sorted(os.listdir(gum_dir)):
        if not name.endswith(".tsv") or name.split("_")[1] not in genres:
            continue
        sentences, names = gum_document(os.path.join(gum_dir, name), titles, is_demonym_word)
        # The heading alone on the first line, then paragraphs.
        place = {0: (0, 0)}
        lines = [[sentences[0]]] if sentences else []
        for s in range(1, len(sentences)):
            if (s - 1) % sentences_per_paragraph == 0:
                lines.append([])
            place[s] = (len(lines) - 1, len(lines[-1]))
            lines[-1].append(sentences[s])
        placed = [(place[s][0], place[s][1], a, b, kind) for s, a, b, kind in names]
        mentions += write_document(out_dir, name[:-4], lines, placed)
        docs += 1
    return docs, mentions


def read_wnut(path):
    sentences, sentence = [], []
    for line in open(path, encoding="utf-8"):
        cols = line.rstrip("\n").split("\t")
        if len(cols) < 2 or not cols[0]:
            if sentence:
                sentences.append(sentence)
            sentence = []
            continue
        sentence.append((cols[0], cols[-1]))
    if sentence:
        sentences.append(sentence)
    return sentences


def convert_wnut(wnut_dir, out_dir, per_document=20):
    docs = mentions = 0
    for name in ("wnut17train.conll", "emerging.dev.conll"):
        path = os.path.join(wnut_dir, name)
        if not os.path.exists(path):
            continue
        tweets = read_wnut(path)
        for d in range(0, len(tweets), per_document):
            lines, placed = [], []
            for tweet in tweets[d:d + per_document]:
                tokens = [t for t, _ in tweet]
                li = len(lines)
                lines.append([tokens])
                i = 0
                while i < len(tweet):
                    tag = tweet[i][1]
                    if not tag.startswith("B-"):
                        i += 1
                        continue
                    kind, j = tag[2:], i + 1
                    while j < len(tweet) and tweet[j][1] == "I-" + kind:
                        j += 1
                    if kind in WNUT_TYPE:
                        placed.append((li, 0, i, j, WNUT_TYPE[kind]))
                    i = j
            # Tokens joined by spaces: a tweet's tokens are not prose to join back.
            doc_id = f"wnut_{name.split('.')[0]}_{d // per_document:04d}"
            mentions += write_document(out_dir, doc_id, lines, placed, prose=False, line_break="\n")
            docs += 1
    return docs, mentions


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    shared = os.path.join(root, "..", "shared", "data")
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gum", default=os.path.join(shared, "en_gum"))
    parser.add_argument("--wnut", default=os.path.join(shared, "en_ner_wnut17"))
    parser.add_argument("--titles", default=os.path.join(root, "core", "data", "titles.tsv"))
    parser.add_argument("--sources", default="gum,wnut")
    parser.add_argument("--genres", default=",".join(CC_BY_GENRES))
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    sources = set(args.sources.split(","))
    if "gum" in sources:
        countries = read_country_words(os.path.join(root, "core", "data", "gaz_countries.tsv"))
        suffixes = read_suffixes(os.path.join(root, "core", "data", "en_demonym_suffixes.txt"))
        docs, mentions = convert_gum(args.gum, args.out, read_title_words(args.titles),
                                     lambda t: is_demonym(t, countries, suffixes), args.genres.split(","))
        print(f"GUM: {docs} documents, {mentions} names", file=sys.stderr)
    if "wnut" in sources:
        docs, mentions = convert_wnut(args.wnut, args.out)
        print(f"WNUT-17: {docs} documents, {mentions} names", file=sys.stderr)


if __name__ == "__main__":
    main()
