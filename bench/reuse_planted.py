#!/usr/bin/env python3
"""Planted reuse: seeded documents with known reuse, scored as PAN scores text reuse.

    reuse_planted.py [--bin target/release/verbatim] [--seed 7] [--docs 400]
                     [--passages 200] [--levels none,edit5,edit20,ocr3,control]
                     [--work DIR]

Passages are quotations of 15 to 80 words from the quotable collection
(../shared/corpora/quotes/quotable). Each is planted in 2 to 5 dated documents
whose other text is filler: sentences of the inaugural addresses
(../shared/corpora/speeches/inaugural) and The Devil's Dictionary
(../shared/corpora/books), each kept only if none of its word
4-grams was kept before or occurs in a passage, and if it shares at most one
rare 3-gram (in two sentences only) with what was kept, so that the filler
itself holds no reuse (the addresses quote the Constitution and one
another; two of them share a sentence reworded, docs/REUSE.md). Documents
are 150 to 400 words, scaled down to what the filler holds, so that every
document has some. The earliest document of a passage holds it as written; the
others hold a copy changed at one of four levels:

  none     the passage as written
  edit5    5% of words changed (replaced, dropped, or a word added)
  edit20   20% of words changed, and neighbouring words swapped
  ocr3     3% of characters changed as OCR changes them (a letter for a
           look-alike, dropped, or doubled)
  control  every copy's words shuffled (no planted reuse left): a negative
           control, scored by the clusters it yields beyond boilerplate

Scores, by level:

  plagdet  Potthast et al. (2010), "An evaluation framework for plagiarism
           detection": character-level precision and recall over cases, with
           granularity (how many detections one case is split into);
           plagdet = F1 / log2(1 + granularity). A case is a pair of copies of
           one passage; a detection is a pair of members of one cluster.
  B3 F1    Bagga and Baldwin's B-cubed over the planted copies: each copy's
           cluster (the cluster with a member over most of it) against its
           passage.
  earliest share of passages whose cluster's origin is the copy in the
           earliest document (every document has its own date).

Everything is generated from --seed: the same seed makes the same documents.
"""
import argparse
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared", "corpora")
WORD = re.compile(r"[A-Za-z0-9]+(?:'[A-Za-z]+)?")
LOOKALIKE = {"l": "1", "1": "l", "o": "0", "0": "o", "e": "c", "c": "e", "rn": "m", "m": "rn", "i": "l",
             "h": "b", "b": "h", "u": "n", "n": "u", "a": "o", "s": "5", "t": "f", "f": "t"}


def ascii(s):
    table = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2014": " - ", "\u2013": "-",
             "\u2026": "...", "\u00a0": " "}
    for k, v in table.items():
        s = s.replace(k, v)
    return s.encode("ascii", "ignore").decode()


def words(s):
    return [w.lower() for w in WORD.findall(s)]


def grams(ws, n=4):
    return {tuple(ws[i:i + n]) for i in range(len(ws) - n + 1)}


def load_passages(rng, count):
    with open(os.path.join(SHARED, "quotes", "quotable", "quotes.json"), encoding="utf-8") as f:
        quotes = json.load(f)
    seen = set()
    out = []
    for q in quotes:
        text = " ".join(ascii(q["content"]).split())
        ws = words(text)
        if not 15 <= len(ws) <= 80:
            continue
        g = grams(ws)
        if g & seen:
            continue
        seen |= g
        out.append(text)
    rng.shuffle(out)
    return out[:count], seen


RARE_3GRAM = 2


def load_filler(rng, banned):
    folder = os.path.join(SHARED, "speeches", "inaugural")
    paths = [os.path.join(folder, name) for name in sorted(os.listdir(folder))]
    paths.append(os.path.join(SHARED, "books", "972_devils_dictionary_bierce.txt"))
    sentences = []
    for path in paths:
        with open(path, encoding="utf-8", errors="replace") as f:
            text = " ".join(ascii(f.read()).split())
        # a sentence with a quotation mark could leave a planted passage inside
        # an open quotation, where it is quoted, not said: filler has none
        sentences.extend(s.strip() for s in re.split(r"(?<=[.!?])\s+", text)
                         if len(s.split()) >= 6 and '"' not in s)
    rng.shuffle(sentences)
    # 3-grams in few sentences: two sentences sharing two of them are one
    # reworded (two addresses share "I hold concerning ... of present
    # importance"), which is reuse; stock phrases ("of the United States")
    # are in many and say nothing
    df = {}
    for s in sentences:
        for g in grams(words(s), 3):
            df[g] = df.get(g, 0) + 1
    seen = set(banned)
    seen3 = set()
    out = []
    for s in sentences:
        ws = words(s)
        g = grams(ws)
        rare = {t for t in grams(ws, 3) if df[t] <= RARE_3GRAM}
        if g & seen or len(rare & seen3) > 1:
            continue
        seen |= g
        seen3 |= rare
        out.append(s)
    return out


def edit_words(rng, text, rate, swap, vocab):
    ws = text.split()
    out = []
    for w in ws:
        r = rng.random()
        if r < rate / 3:
            out.append(rng.choice(vocab))  # replaced
        elif r < 2 * rate / 3:
            continue  # dropped
        elif r < rate:
            out.extend([w, rng.choice(vocab)])  # a word added
        else:
            out.append(w)
    if swap:
        i = 0
        while i < len(out) - 1:
            if rng.random() < rate / 2:
                out[i], out[i + 1] = out[i + 1], out[i]
                i += 2
            else:
                i += 1
    return " ".join(out)


def ocr(rng, text, rate):
    out = []
    i = 0
    while i < len(text):
        c = text[i]
        if c.isalnum() and rng.random() < rate:
            r = rng.random()
            if r < 0.5:
                out.append(LOOKALIKE.get(c.lower(), rng.choice("abcdefghijklmnopqrstuvwxyz")))
            elif r < 0.75:
                pass  # dropped
            else:
                out.append(c + c)  # doubled
        else:
            out.append(c)
        i += 1
    return "".join(out)


def shuffle_words(rng, text):
    ws = text.split()
    rng.shuffle(ws)
    return " ".join(ws)


def generate(level, seed, n_docs, n_passages, outdir):
    rng = random.Random(seed)
    passages, banned = load_passages(rng, n_passages)
    filler = load_filler(rng, banned)
    vocab = sorted({w for s in filler[:2000] for w in s.split() if w.isalpha()})
    # documents: distinct dates, filler of 150 to 400 words, passages planted between sentences
    days = rng.sample(range(365 * 120), n_docs)
    docs = [{"date": time.strftime("%Y-%m-%d", time.gmtime(-2208988800 + d * 86400)), "parts": []} for d in days]
    fill = iter(filler)
    # 150 to 400 words a document, scaled down when the filler is short, so
    # that every document has some (a document of planted passages alone
    # would hold two side by side)
    scale = min(1.0, sum(len(s.split()) for s in filler) / (n_docs * 300))
    for d in docs:
        want = rng.randint(150, 400) * scale
        got = 0
        while got < want:
            s = next(fill, None)
            if s is None:
                break
            d["parts"].append(("filler", s))
            got += len(s.split())
    plan = []
    for pid, text in enumerate(passages):
        k = rng.randint(2, 5)
        chosen = sorted(rng.sample(range(n_docs), k), key=lambda i: docs[i]["date"])
        for rank, di in enumerate(chosen):
            if level == "control":
                copy = shuffle_words(rng, text)
            elif rank == 0 or level == "none":
                copy = text
            elif level == "edit5":
                copy = edit_words(rng, text, 0.05, False, vocab)
            elif level == "edit20":
                copy = edit_words(rng, text, 0.20, True, vocab)
            elif level == "ocr3":
                copy = ocr(rng, text, 0.03)
            else:
                sys.exit(f"unknown level {level}")
            parts = docs[di]["parts"]
            # between two filler sentences (or at an end), never next to another
            # planted passage: two passages side by side in two documents are
            # one shared stretch, truly
            free = [i for i in range(len(parts) + 1)
                    if (i == 0 or parts[i - 1][0] == "filler") and (i == len(parts) or parts[i][0] == "filler")]
            at = rng.choice(free) if free else len(parts)
            parts.insert(at, ("plant", copy, pid, rank))
    os.makedirs(outdir)
    truth = []
    with open(os.path.join(outdir, "manifest.jsonl"), "w", encoding="utf-8") as man:
        for i, d in enumerate(docs):
            path = f"doc{i:04d}.txt"
            text = ""
            for part in d["parts"]:
                if text:
                    text += " "
                if part[0] == "plant":
                    truth.append({"doc": path, "start": len(text), "end": len(text) + len(part[1]),
                                  "passage": part[2], "rank": part[3], "date": d["date"]})
                text += part[1]
            with open(os.path.join(outdir, path), "w", encoding="ascii") as f:
                f.write(text + "\n")
            man.write(json.dumps({"path": path, "date": d["date"], "title": path}) + "\n")
    with open(os.path.join(outdir, "truth.json"), "w", encoding="utf-8") as f:
        json.dump(truth, f)
    return truth


def overlap(a0, a1, b0, b1):
    return max(0, min(a1, b1) - max(a0, b0))


def plagdet(cases, detections):
    """cases, detections: lists of ((doc, s, e), (doc, s, e)) pairs (unordered)."""
    def union_len(ranges):
        ranges = sorted(ranges)
        total, cur = 0, None
        for s, e in ranges:
            if cur is None or s > cur[1]:
                if cur:
                    total += cur[1] - cur[0]
                cur = [s, e]
            else:
                cur[1] = max(cur[1], e)
        if cur:
            total += cur[1] - cur[0]
        return total

    def meet(case, det):
        """The characters of case ⊓ det per side, or None when det does not detect case."""
        (c1, c2), (d1, d2) = case, det
        for x, y in (((c1, c2), (d1, d2)), ((c1, c2), (d2, d1))):
            if x[0][0] == y[0][0] and x[1][0] == y[1][0]:
                o1 = overlap(x[0][1], x[0][2], y[0][1], y[0][2])
                o2 = overlap(x[1][1], x[1][2], y[1][1], y[1][2])
                if o1 and o2:
                    return [(x[0][0], max(x[0][1], y[0][1]), min(x[0][2], y[0][2])),
                            (x[1][0], max(x[1][1], y[1][1]), min(x[1][2], y[1][2]))]
        return None

    # index detections by document pair for speed
    by_pair = {}
    for d in detections:
        key = tuple(sorted((d[0][0], d[1][0])))
        by_pair.setdefault(key, []).append(d)
    rec_sum, detected, gran_sum = 0.0, 0, 0
    prec_parts = {}
    for c in cases:
        key = tuple(sorted((c[0][0], c[1][0])))
        hits = []
        for d in by_pair.get(key, []):
            m = meet(c, d)
            if m:
                hits.append((d, m))
        if hits:
            detected += 1
            gran_sum += len(hits)
        size = sum(x[2] - x[1] for x in c)
        got = 0
        for side in (0, 1):
            doc = c[side][0]
            got += union_len([(r[1], r[2]) for _, m in hits for r in m if r[0] == doc and
                              overlap(r[1], r[2], c[side][1], c[side][2])])
        rec_sum += min(1.0, got / size)
        for d, m in hits:
            prec_parts.setdefault(d, []).extend(m)
    prec_sum = 0.0
    for d in detections:
        size = sum(x[2] - x[1] for x in d)
        parts = prec_parts.get(d, [])
        got = 0
        for side in (0, 1):
            doc, s, e = d[side]
            got += union_len([(max(r[1], s), min(r[2], e)) for r in parts if r[0] == doc and overlap(r[1], r[2], s, e)])
        prec_sum += min(1.0, got / size) if size else 0.0
    rec = rec_sum / len(cases) if cases else 0.0
    prec = prec_sum / len(detections) if detections else 0.0
    gran = gran_sum / detected if detected else 1.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, gran, f1 / math.log2(1 + gran)


def score(truth, clusters):
    copies = {}
    for t in truth:
        copies.setdefault(t["passage"], []).append(t)
    cases = []
    for cs in copies.values():
        for i in range(len(cs)):
            for j in range(i + 1, len(cs)):
                cases.append(((cs[i]["doc"], cs[i]["start"], cs[i]["end"]), (cs[j]["doc"], cs[j]["start"], cs[j]["end"])))
    detections = []
    linked = [c for c in clusters if not c["boilerplate"]]
    for c in linked:
        ms = c["members"]
        for i in range(len(ms)):
            for j in range(i + 1, len(ms)):
                if ms[i]["source"] != ms[j]["source"]:
                    detections.append(((ms[i]["source"], ms[i]["start"], ms[i]["end"]),
                                       (ms[j]["source"], ms[j]["start"], ms[j]["end"])))
    prec, rec, gran, pd = plagdet(cases, detections)
    # B-cubed over planted copies: a copy's predicted cluster is the cluster with a member over most of it
    member_at = {}
    for c in linked:
        for m in c["members"]:
            member_at.setdefault(m["source"], []).append((m["start"], m["end"], c["cluster"]))
    pred = {}
    for k, t in enumerate(truth):
        best = None
        for s, e, cid in member_at.get(t["doc"], []):
            o = overlap(s, e, t["start"], t["end"])
            if o * 2 >= t["end"] - t["start"] and (best is None or o > best[0]):
                best = (o, cid)
        pred[k] = best[1] if best else ("alone", k)
    p_sum = r_sum = 0.0
    for k, t in enumerate(truth):
        same_pred = [j for j in pred if pred[j] == pred[k]]
        same_gold = [j for j, u in enumerate(truth) if u["passage"] == t["passage"]]
        both = len(set(same_pred) & set(same_gold))
        p_sum += both / len(same_pred)
        r_sum += both / len(same_gold)
    bp, br = p_sum / len(truth), r_sum / len(truth)
    b3 = 2 * bp * br / (bp + br) if bp + br else 0.0
    # earliest: the cluster holding the passage's first copy has it as origin,
    # over every passage (a passage whose first copy is linked to none of its
    # copies counts as wrong), and over the passages found (the first copy in
    # a cluster with another copy): the second is the origin's accuracy alone
    right = total = found = 0
    for cs in copies.values():
        first = min(cs, key=lambda t: t["date"])
        total += 1
        for c in linked:
            o = c["members"][c["origin"]]
            holds = [m for m in c["members"] if any(m["source"] == t["doc"] and
                     overlap(m["start"], m["end"], t["start"], t["end"]) * 2 >= t["end"] - t["start"] for t in cs)]
            if len(holds) >= 2 and any(m["source"] == first["doc"] for m in holds):
                found += 1
                if o["source"] == first["doc"] and overlap(o["start"], o["end"], first["start"], first["end"]):
                    right += 1
                break
    return {"precision": prec, "recall": rec, "granularity": gran, "plagdet": pd,
            "b3": b3, "earliest": right / total if total else 0.0,
            "earliest_found": right / found if found else 0.0, "found": found, "clusters": len(linked),
            "boilerplate": len(clusters) - len(linked)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "verbatim"))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--passages", type=int, default=200)
    ap.add_argument("--levels", default="none,edit5,edit20,ocr3,control")
    ap.add_argument("--args", default="", help="more arguments for `verbatim reuse`")
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "verbatim-reuse-planted"))
    args = ap.parse_args()
    for level in args.levels.split(","):
        base = os.path.join(args.work, level)
        shutil.rmtree(base, ignore_errors=True)
        files = os.path.join(base, "files")
        truth = generate(level, args.seed, args.docs, args.passages, files)
        corpus = os.path.join(base, "corpus")
        p = subprocess.run([args.bin, "--corpus", corpus, "ingest", "--manifest", "manifest.jsonl"],
                           cwd=files, capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(f"ingest failed: {p.stderr[-500:]}")
        out = os.path.join(base, "clusters.jsonl")
        t = time.monotonic()
        p = subprocess.run([args.bin, "--corpus", corpus, "reuse", "--out", out] + args.args.split(), cwd=files,
                           capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(f"reuse failed: {p.stderr[-500:]}")
        secs = time.monotonic() - t
        with open(out, encoding="utf-8") as f:
            clusters = [json.loads(line) for line in f if line.strip()]
        s = score(truth, clusters)
        if level == "control":
            print(f"{level:<8} clusters beyond boilerplate {s['clusters']} · boilerplate {s['boilerplate']}"
                  f" · {len(truth)} shuffled copies · {secs:.1f} s")
        else:
            print(f"{level:<8} plagdet {s['plagdet']:.3f} (P {s['precision']:.3f} R {s['recall']:.3f}"
                  f" gran {s['granularity']:.3f}) · B3 F1 {s['b3']:.3f} · earliest {s['earliest']:.3f}"
                  f" (of the {s['found']} found {s['earliest_found']:.3f})"
                  f" · {s['clusters']} clusters, {len(truth)} copies · {secs:.1f} s")


if __name__ == "__main__":
    main()
