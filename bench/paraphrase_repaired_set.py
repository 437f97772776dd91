#!/usr/bin/env python3
"""Rebuild the paraphrase set without the psalm headings its queries picked up.

    paraphrase_repaired_set.py OUT_DIR [--set ../shared/bench/sets/paraphrase]

The set's `extract_web` splits `diatheke`'s whole-Bible OSIS output at each
verse reference. Over a range, diatheke prints the heading that stands before
a verse (a psalm's title, and from Psalm 145 on "A praise psalm by David."
before every later verse) at the start of that verse's line, before its
reference. So the text between two references ends with the next verse's
heading, and 13,765 of the WEB's 37,519 verses carry a heading that is not
theirs: 256 of the set's 300 paraphrase queries, 8 of its 100 altered and
34 of its 100 absent ones. The share of words in order, which sorts a verse
into paraphrase, altered or unused, is measured with those words in.

This script:
1. runs the set's own `extract_web` (the WEB, as the set has it) and checks
   that the set's own `build`, fed that and the whole KJV Old Testament,
   gives the set's `queries.jsonl` byte for byte;
2. takes off each verse the heading that diatheke printed on the next
   verse's line (and nothing else: a verse whose text holds that heading
   but not at its end is left as it is and counted; a heading that
   `extract_web` already took out is no longer there to take);
3. runs the same `build` on the repaired verses, into OUT_DIR/queries.jsonl,
   with a `prepare` beside it that prepares the set's own corpus.

Needs Debian's `diatheke`, `sword-text-web` and `bible-kjv` (the whole KJV,
Ruth, Esther and Lamentations included, which `build` needs for the absent
queries). Standard library only.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

REF = re.compile(r"(?:I{1,3} )?[A-Z][A-Za-z]+(?: of [A-Z][a-z]+| [A-Z][a-z]+)* \d+:\d+: ")


def die(msg):
    print(f"paraphrase_repaired_set: {msg}", file=sys.stderr)
    sys.exit(2)


def plain(s):
    """A heading's text as extract_web leaves a verse's: tags out, spaces single."""
    s = re.sub(r"<[^>]+>", "", s)
    return re.sub(r"\s+", " ", s).strip()


def headings():
    """{"Psalms 21:12": "For the Chief Musician. A Psalm by David."}: the text
    diatheke printed before each verse's reference, keyed by the verse before."""
    raw = subprocess.run(["diatheke", "-b", "engWEB2015eb", "-f", "osis", "-k", "Genesis 1:1-Revelation 22:21"],
                         capture_output=True, text=True, check=True).stdout
    out, prev = {}, None
    for line in raw.split("\n"):
        m = REF.search(line)
        if not m:
            continue
        head = plain(line[:m.start()])
        if head and prev:
            out[prev] = head
        prev = m.group(0)[:-2]
    return out


def kjv_books(set_dir, dest):
    """The KJV Old Testament, one file a book, named as the set's corpus names them."""
    corpus = os.path.join(set_dir, "..", "..", "..", "corpora", "bible", "kjv-ot")
    names = {n[:2]: n for n in os.listdir(corpus)}
    names.update({"08": "08_Ruth.txt", "17": "17_Esther.txt", "25": "25_Lamentations.txt"})
    text = subprocess.run(["bible", "-f", "-m", "20000", "Gen1:1-Mal4:6"], capture_output=True, text=True,
                          check=True).stdout
    books = []
    for line in text.split("\n"):
        m = re.match(r"[0-9A-Za-z]+?(\d+):(\d+) ", line)
        if not m:
            continue
        if (m.group(1), m.group(2)) == ("1", "1"):
            books.append([])
        books[-1].append(line)
    if len(books) != 39:
        die(f"bible gave {len(books)} books of the Old Testament, not 39")
    for i, lines in enumerate(books, 1):
        with open(os.path.join(dest, names[f"{i:02d}"]), "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
    for n in os.listdir(corpus):
        with open(os.path.join(corpus, n), "rb") as a, open(os.path.join(dest, n), "rb") as b:
            if a.read() != b.read():
                die(f"{n}: bible's text differs from the set's corpus")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("out_dir")
    ap.add_argument("--set", default=os.path.join(here, "..", "..", "shared", "bench", "sets", "paraphrase"))
    a = ap.parse_args()
    set_dir = os.path.abspath(a.set)
    os.makedirs(a.out_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        kjv = os.path.join(tmp, "kjv")
        os.makedirs(kjv)
        kjv_books(set_dir, kjv)
        web = subprocess.run([os.path.join(set_dir, "extract_web")], capture_output=True, text=True,
                             check=True).stdout
        as_set = os.path.join(tmp, "web.tsv")
        with open(as_set, "w", encoding="utf-8") as f:
            f.write(web)
        check = os.path.join(tmp, "queries.jsonl")
        subprocess.run([os.path.join(set_dir, "build"), kjv, as_set, "ot", check], check=True)
        with open(check, "rb") as x, open(os.path.join(set_dir, "queries.jsonl"), "rb") as y:
            if x.read() != y.read():
                die("the set's build does not reproduce its queries.jsonl here; nothing repaired")
        heads = headings()
        repaired, kept, lines = 0, 0, []
        for line in web.rstrip("\n").split("\n"):
            ref, _, text = line.partition("\t")
            head = heads.get(ref)
            if head and (text == head or text.endswith(" " + head)):
                text = text[: -len(head)].rstrip()
                repaired += 1
            elif head and head in text:
                kept += 1
            lines.append(f"{ref}\t{text}")
        fixed = os.path.join(tmp, "web-repaired.tsv")
        with open(fixed, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        out = os.path.join(a.out_dir, "queries.jsonl")
        subprocess.run([os.path.join(set_dir, "build"), kjv, fixed, "ot", out], check=True)
    prepare = os.path.join(a.out_dir, "prepare")
    with open(prepare, "w", encoding="utf-8") as f:
        f.write(f"#!/bin/sh\nexec {json.dumps(os.path.join(set_dir, 'prepare'))} \"$@\"\n")
    os.chmod(prepare, 0o755)
    print(f"{repaired} verses lost a heading that was not theirs; {kept} holding one elsewhere were left as they "
          f"are; wrote {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
