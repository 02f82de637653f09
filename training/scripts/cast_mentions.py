#!/usr/bin/env python3
"""Derive every mention of an annotated cast from the article text, for training the entity model.

A cast file (../shared/annotation/GUIDE.md) lists each person, organization and place once with every surface
form the article writes (`name` and `aliases`, verbatim), plus `non_entities`: phrases that look like names but
are not people, organizations or places here ("đường Trần Hưng Đạo", "Premier League"). Mentions are every
occurrence of every form, at word boundaries, longest first, so "UBND tỉnh Thanh Hóa" (organization) wins over
"Thanh Hóa" (place) inside it and "Bệnh viện Bạch Mai" (a non-entity phrase or an organization) blocks the
person-looking "Bạch Mai". Offsets are UTF-16 code units of the text, the product's own convention.

Usage:
  cast_mentions.py ARTICLE.txt CAST.json            print the mentions in context (for reviewing a cast)
  cast_mentions.py --write ARTICLE.txt CAST.json    add "mentions" to CAST.json (and check every form occurs)
"""
import json, sys, unicodedata

TYPES = (("people", "person"), ("organizations", "organization"), ("places", "location"))


def utf16_offsets(text):
    """Python string index → UTF-16 offset."""
    out, n = [], 0
    for ch in text:
        out.append(n)
        n += 2 if ord(ch) > 0xFFFF else 1
    out.append(n)
    return out


def is_word_char(ch):
    return ch.isalnum() or unicodedata.category(ch) == "Mn"


def forms_of(cast):
    forms = []  # (form, type)
    for key, typ in TYPES:
        for item in cast.get(key, []):
            for f in [item.get("name", "")] + list(item.get("aliases", [])):
                if f and f.strip():
                    forms.append((f.strip(), typ))
    for f in cast.get("non_entities", []):
        if f and f.strip():
            forms.append((f.strip(), None))
    # Author and credits are not mentions of people; their forms block nothing by themselves.
    return forms


def find_mentions(text, cast):
    text = unicodedata.normalize("NFC", text)
    forms = forms_of(cast)
    missing = [f for f, _ in forms if f not in text]
    candidates = []
    for form, typ in forms:
        start = text.find(form)
        while start >= 0:
            end = start + len(form)
            left_ok = start == 0 or not is_word_char(text[start - 1]) or not is_word_char(form[0])
            right_ok = end == len(text) or not is_word_char(text[end]) or not is_word_char(form[-1])
            if left_ok and right_ok:
                candidates.append((start, end, typ))
            start = text.find(form, start + 1)
    # Longest first, then leftmost; a taken character cannot be reused.
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken = [False] * (len(text) + 1)
    chosen = []
    for s, e, typ in candidates:
        if any(taken[s:e]):
            continue
        for i in range(s, e):
            taken[i] = True
        if typ is not None:
            chosen.append((s, e, typ))
    chosen.sort()
    u16 = utf16_offsets(text)
    mentions = [{"type": t, "start": u16[s], "end": u16[e], "text": text[s:e]} for s, e, t in chosen]
    return mentions, missing


def main():
    args = sys.argv[1:]
    write = args and args[0] == "--write"
    if write:
        args = args[1:]
    article, cast_path = args
    text = open(article, encoding="utf-8").read()
    cast = json.load(open(cast_path, encoding="utf-8"))
    mentions, missing = find_mentions(text, cast)
    for f in missing:
        print(f"NOT IN TEXT: {f!r}", file=sys.stderr)
    if write:
        cast["mentions"] = mentions
        with open(cast_path, "w", encoding="utf-8") as out:
            json.dump(cast, out, ensure_ascii=False, indent=1)
            out.write("\n")
        return 1 if missing else 0
    py = unicodedata.normalize("NFC", text)
    u16 = utf16_offsets(py)
    back = {o: i for i, o in enumerate(u16)}
    for m in mentions:
        s, e = back[m["start"]], back[m["end"]]
        left = py[max(0, s - 30):s].replace("\n", " ")
        right = py[e:e + 30].replace("\n", " ")
        print(f"{m['type'][:3].upper()}  …{left}[{py[s:e]}]{right}…")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
