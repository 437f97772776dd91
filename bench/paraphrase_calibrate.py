#!/usr/bin/env python3
"""Choose the paraphrase threshold on a development set, and draw its curve.

    paraphrase_calibrate.py SET_DIR --bin PATH [--model DIR] [--svg FILE] [--cache DIR]

Runs every query of the set through `find --batch` with the threshold at -1,
so that each quotation the lexical search cannot place comes back with its
nearest window and that window's score. Then, for every threshold t:

- recall: the share of the set's paraphrase queries whose nearest window
  hits the gold span and has a score of at least t;
- precision: of the queries answered `paraphrase` at t (any kind), the share
  that are paraphrase queries answered with the gold span;
- absent kept: the share of the set's not_found queries still not found.

The threshold chosen is the lowest at which at least 99% of the absent
(not_found) queries stay not found: an answer `paraphrase` names a source,
so a wrong one fabricates a source, which is worse than a paraphrase
missed. It is also chosen on each half of the set (queries alternately)
and scored on the other, to show how much the choice depends on the
queries it was made on. `--answers-in FILE` scores answers written before
with `--answers` instead of running the binary; `--also-absent SET_DIR ANSWERS` adds
another set's absent queries, scored from its answers, to the ones the threshold
must keep absent. `--parallels FILE` leaves out the absent queries it names (the
first column of a TSV): verses the set calls absent because their book is not in
the corpus, whose content another book of the corpus holds (see the file); their
answers are printed instead. The SVG plots precision, recall and absent kept against the
threshold. Standard library only.
"""
import argparse
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile

here = os.path.dirname(os.path.abspath(__file__))


def die(msg):
    print(f"paraphrase_calibrate: {msg}", file=sys.stderr)
    sys.exit(2)


def hit(m, want):
    src = (m.get("source") or "").split("#", 1)[0]
    if not (src == want["source"] or src.endswith("/" + want["source"])):
        return False
    ov = max(0, min(m["end"], want["end"]) - max(m["start"], want["start"]))
    return ov * 2 >= want["end"] - want["start"]


def run(binary, set_dir, cache, model, keep=None, parallels=frozenset()):
    name = os.path.basename(set_dir.rstrip("/"))
    files = os.path.join(cache, name, "files")
    if not os.path.exists(os.path.join(files, "manifest.jsonl")):
        shutil.rmtree(files, ignore_errors=True)
        os.makedirs(files)
        subprocess.run([os.path.join(set_dir, "prepare"), files], check=True)
    corpus = os.path.join(cache, name, "calibrate-corpus")
    shutil.rmtree(corpus, ignore_errors=True)
    subprocess.run([binary, "--corpus", corpus, "ingest", "--manifest", os.path.join(files, "manifest.jsonl")],
                   cwd=files, check=True, capture_output=True)
    queries = [json.loads(l) for l in open(os.path.join(set_dir, "queries.jsonl"), encoding="utf-8") if l.strip()]
    batch = os.path.join(cache, name, "calibrate-queries.jsonl")
    with open(batch, "w", encoding="utf-8") as f:
        for q in queries:
            f.write(json.dumps({"id": q["id"], "quote": q["quote"]}, ensure_ascii=False) + "\n")
    cmd = [binary, "--corpus", corpus, "--paraphrase-threshold", "-1"]
    if model:
        cmd += ["--model", model]
    p = subprocess.run(cmd + ["find", "--jsonl", "--batch", batch], cwd=files, capture_output=True, text=True)
    if p.returncode != 0:
        die(f"find failed: {p.stderr[-500:]}")
    shutil.rmtree(corpus, ignore_errors=True)
    if keep:
        with open(keep, "w", encoding="utf-8") as f:
            f.write(p.stdout)
    return rows_of(queries, {str(a["id"]): a for a in map(json.loads, p.stdout.splitlines())}, parallels)


def score(set_dir, answers_path, parallels=frozenset()):
    queries = [json.loads(l) for l in open(os.path.join(set_dir, "queries.jsonl"), encoding="utf-8") if l.strip()]
    with open(answers_path, encoding="utf-8") as f:
        answers = {str(a["id"]): a for a in map(json.loads, f)}
    return rows_of(queries, answers, parallels)


def rows_of(queries, answers, parallels=frozenset()):
    rows = []
    for q in queries:
        a = answers.get(str(q["id"]), {})
        if str(q["id"]) in parallels:
            # absent by the set's rule, but the corpus holds what it says
            ms = a.get("matches") or []
            said = a.get("verdict") == "paraphrase" and ms
            where = f'{ms[0]["source"]} [{ms[0]["start"]}..{ms[0]["end"]}]' if said else "-"
            print(f'parallel {q["id"]}: {"score %.3f at %s" % (ms[0]["score"], where) if said else "not answered"}')
            continue
        ms = a.get("matches") or []
        if a.get("verdict") != "paraphrase" or not ms:
            # placed lexically, or nothing shared at all: no cosine
            rows.append((q["kind"], None, False))
            continue
        right = q["expect"]["verdict"] == "paraphrase" and hit(ms[0], q["expect"])
        rows.append((q["kind"], ms[0]["score"], right))
    return rows


def as_f32(t):
    """`t` as the engine holds it: scores and the threshold are f32, and a
    score equal to the threshold is answered."""
    return struct.unpack("f", struct.pack("f", t))[0]


def at(rows, t):
    t32 = as_f32(t)
    n_para = sum(1 for k, _, _ in rows if k == "paraphrase")
    n_abs = sum(1 for k, _, _ in rows if k == "not_found")
    said = [(k, right) for k, c, right in rows if c is not None and c >= t32]
    right = sum(1 for _, r in said if r)
    absent_said = sum(1 for k, _ in said if k == "not_found")
    return {
        "t": t,
        "recall": right / n_para if n_para else 0.0,
        "precision": right / len(said) if said else 1.0,
        "absent_kept": 1 - absent_said / n_abs if n_abs else 1.0,
        "verdicts_right": right + (n_abs - absent_said),
        "n": n_para + n_abs,
    }


# the share of absent quotations that must stay absent
ABSENT_KEPT = 0.99


def choose(rows, grid):
    ok = [at(rows, t) for t in grid if at(rows, t)["absent_kept"] >= ABSENT_KEPT]
    return ok[0] if ok else at(rows, grid[-1])


def svg(curve, chosen, path):
    w, h, pad = 640, 400, 50
    x = lambda t: pad + (t - curve[0]["t"]) / (curve[-1]["t"] - curve[0]["t"]) * (w - 2 * pad)
    y = lambda v: h - pad - v * (h - 2 * pad)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12">',
           f'<rect width="{w}" height="{h}" fill="white"/>']
    for v in (0, 0.25, 0.5, 0.75, 1):
        out.append(f'<line x1="{pad}" x2="{w - pad}" y1="{y(v)}" y2="{y(v)}" stroke="#ddd"/>')
        out.append(f'<text x="{pad - 8}" y="{y(v) + 4}" text-anchor="end">{v:.2f}</text>')
    for c in curve[:: max(1, len(curve) // 10)]:
        out.append(f'<text x="{x(c["t"])}" y="{h - pad + 16}" text-anchor="middle">{c["t"]:.2f}</text>')
    out.append(f'<text x="{w / 2}" y="{h - 10}" text-anchor="middle">threshold (score)</text>')
    for key, colour in (("precision", "#1f77b4"), ("recall", "#d62728"), ("absent_kept", "#2ca02c")):
        pts = " ".join(f"{x(c['t']):.1f},{y(c[key]):.1f}" for c in curve)
        out.append(f'<polyline points="{pts}" fill="none" stroke="{colour}" stroke-width="2"/>')
    cx = x(chosen["t"])
    out.append(f'<line x1="{cx}" x2="{cx}" y1="{pad}" y2="{h - pad}" stroke="black" stroke-dasharray="4 3"/>')
    out.append(f'<text x="{cx + 4}" y="{pad + 12}">chosen {chosen["t"]:.2f}</text>')
    for i, (label, colour) in enumerate((("precision", "#1f77b4"), ("recall", "#d62728"),
                                         ("absent kept", "#2ca02c"))):
        out.append(f'<text x="{w - pad - 100}" y="{pad + 30 + 16 * i}" fill="{colour}">{label}</text>')
    out.append("</svg>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("set_dir")
    ap.add_argument("--bin", default="target/release/verbatim")
    ap.add_argument("--model")
    ap.add_argument("--svg")
    ap.add_argument("--answers", help="also write the raw answers (JSON Lines) here")
    ap.add_argument("--answers-in", help="score these answers (from --answers) instead of running the binary")
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "verbatim-bench"))
    ap.add_argument("--also-absent", nargs=2, metavar=("SET_DIR", "ANSWERS"),
                    help="count that set's absent (not_found) queries too, scored from its answers")
    ap.add_argument("--parallels", help="a TSV whose first column names absent queries whose content the corpus "
                                        "holds (bench/paraphrase_parallels.tsv): left out of the absent ones")
    args = ap.parse_args()
    parallels = frozenset()
    if args.parallels:
        with open(args.parallels, encoding="utf-8") as f:
            parallels = frozenset(l.split("\t", 1)[0] for l in f if l.strip() and not l.startswith("#"))
    if args.answers_in:
        rows = score(os.path.abspath(args.set_dir), args.answers_in, parallels)
    else:
        rows = run(os.path.abspath(args.bin), os.path.abspath(args.set_dir), args.cache, args.model, args.answers,
                   parallels)
    if args.also_absent:
        also = score(os.path.abspath(args.also_absent[0]), args.also_absent[1], parallels)
        extra = [r for r in also if r[0] == "not_found"]
        print(f"with {len(extra)} absent queries of {args.also_absent[0]}")
        rows += extra
    grid = [round(0.01 * i, 2) for i in range(96)]
    curve = [at(rows, t) for t in grid]
    best = choose(rows, grid)
    print(f"{'t':>5}{'precision':>11}{'recall':>8}{'absent kept':>13}")
    for c in curve[10::5]:
        print(f"{c['t']:>5.2f}{c['precision']:>11.3f}{c['recall']:>8.3f}{c['absent_kept']:>13.3f}")
    print(f"\nchosen {best['t']:.2f}: precision {best['precision']:.3f} · recall {best['recall']:.3f}"
          f" · absent kept {best['absent_kept']:.3f} · right verdicts {best['verdicts_right']}/{best['n']}")
    halves = [rows[0::2], rows[1::2]]
    for i in (0, 1):
        t = choose(halves[i], grid)["t"]
        o = at(halves[1 - i], t)
        print(f"chosen on half {i + 1}: {t:.2f}; on the other half precision {o['precision']:.3f}"
              f" · recall {o['recall']:.3f} · absent kept {o['absent_kept']:.3f}")
    if args.svg:
        svg(curve, best, args.svg)


if __name__ == "__main__":
    main()
