#!/usr/bin/env python3
"""Score the context flags on bench/sets/context (see its METHOD.md).

    python3 bench/context.py [--bin target/release/verbatim] [--set bench/sets/context]

Runs the shared `quality` script on the set (found@1, verdicts), keeping the
answers, then scores the `context` flags of each answer's best match against
the gold made by construction:

- per flag kind: precision (of the queries whose best match raised it, the
  share whose gold has it) and recall (of the queries whose gold has it, the
  share whose best match raised it), over every query of the set;
- controls flagged: of the control queries (gold: no flag), the share whose
  best match raised any flag;
- for spliced queries with `parts`, whether the matches give each part, in
  order.

Exit 0 when it ran, 2 when it could not. Prints one summary line at the end.
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
KINDS = ["cut_before_limit", "cut_after_limit", "elision_hides_limit", "negation_changed", "reported_speech"]


def overlap(m, g):
    if not m.get("source", "").split("#", 1)[0].endswith(g["source"]):
        return False
    a, b = max(m["start"], g["start"]), min(m["end"], g["end"])
    return (b - a) * 2 >= g["end"] - g["start"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default="target/release/verbatim")
    ap.add_argument("--set", default=os.path.join(REPO, "bench", "sets", "context"))
    ap.add_argument("--shared", default=os.environ.get("VERBATIM_SHARED", os.path.join(REPO, "..", "shared")))
    ap.add_argument("--cache", default=os.environ.get("VERBATIM_BENCH_CACHE",
                                                      os.path.join(tempfile.gettempdir(), "verbatim-bench")))
    ap.add_argument("--show", type=int, default=10, help="misses to print per kind")
    args = ap.parse_args()
    quality = os.path.join(args.shared, "bench", "quality")
    if not os.path.exists(quality):
        sys.exit(f"context: no {quality}; pass --shared")
    env = dict(os.environ, VERBATIM_SHARED=os.path.abspath(args.shared))
    # `quality` reuses a prepared corpus; one prepared from another file list is stale
    name = os.path.basename(os.path.abspath(args.set).rstrip("/"))
    files = os.path.join(args.cache, name, "files")
    listing = os.path.join(args.set, "files.txt")
    if not os.path.exists(listing):   # a set that reads another set's corpus
        listing = os.path.join(os.path.dirname(os.path.abspath(args.set)), "context", "files.txt")
    with open(listing, encoding="utf-8") as f:
        wanted = f.read()
    stamp = os.path.join(args.cache, name, "files.txt")
    if not os.path.exists(stamp) or open(stamp, encoding="utf-8").read() != wanted:
        shutil.rmtree(files, ignore_errors=True)
        os.makedirs(os.path.dirname(stamp), exist_ok=True)
        with open(stamp, "w", encoding="utf-8") as f:
            f.write(wanted)
    p = subprocess.run([sys.executable, quality, args.set, "--bin", args.bin, "--keep", "--cache", args.cache],
                       env=env, capture_output=True, text=True)
    print(p.stdout, end="")
    if p.returncode != 0:
        print(p.stderr, file=sys.stderr)
        sys.exit(2)
    answers = {}
    with open(os.path.join(args.cache, name, "answers.jsonl"), encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            answers[str(a["id"])] = a
    queries = [json.loads(l) for l in open(os.path.join(args.set, "queries.jsonl"), encoding="utf-8") if l.strip()]

    tp = {k: 0 for k in KINDS}
    fp = {k: 0 for k in KINDS}
    fn = {k: 0 for k in KINDS}
    misses = {k: [] for k in KINDS + ["control"]}
    controls = flagged = 0
    parts_n = parts_ok = 0
    for q in queries:
        a = answers.get(q["id"], {})
        best = (a.get("matches") or [{}])[0]
        got = {c["kind"] for c in best.get("context", [])}
        want = set(q["expect"].get("context", []))
        for k in KINDS:
            if k in got and k in want:
                tp[k] += 1
            elif k in got:
                fp[k] += 1
                misses[k].append(("false", q, best))
            elif k in want:
                fn[k] += 1
                misses[k].append(("missed", q, best))
        if q.get("control"):
            controls += 1
            if got:
                flagged += 1
                misses["control"].append(("flagged", q, best))
        if q["expect"].get("parts"):
            parts_n += 1
            ms = a.get("matches") or []
            parts_ok += len(ms) >= 2 and all(overlap(m, g) for m, g in zip(ms, q["expect"]["parts"]))

    def r(x, y):
        return f"{x / y:.3f}" if y else "  -  "

    print(f"\n{'flag':<22}{'gold':>6}{'raised':>8}{'precision':>11}{'recall':>8}")
    for k in KINDS:
        print(f"{k:<22}{tp[k] + fn[k]:>6}{tp[k] + fp[k]:>8}{r(tp[k], tp[k] + fp[k]):>11}{r(tp[k], tp[k] + fn[k]):>8}")
    print(f"{'controls flagged':<22}{controls:>6}{flagged:>8}{r(flagged, controls):>11}")
    if parts_n:
        print(f"{'splice parts in order':<22}{parts_n:>6}{parts_ok:>8}{r(parts_ok, parts_n):>11}")
    for k, ms in misses.items():
        for why, q, best in ms[:args.show]:
            ctx = [(c["kind"], c["words"][:60]) for c in best.get("context", [])]
            print(f"  {k} {why}: {q['id']}: {q['quote'][:110]!r} -> {best.get('verdict')} {ctx}")
    worst_p = min(tp[k] / (tp[k] + fp[k]) if tp[k] + fp[k] else 1.0 for k in KINDS)
    worst_r = min(tp[k] / (tp[k] + fn[k]) if tp[k] + fn[k] else 1.0 for k in KINDS)
    print(f"\nCONTEXT: worst precision {worst_p:.3f} · worst recall {worst_r:.3f} · controls flagged "
          f"{r(flagged, controls)} · splice parts {r(parts_ok, parts_n)}")


if __name__ == "__main__":
    main()
