#!/usr/bin/env python3
"""How ingest and query costs grow with the corpus: 10 MB, 50 MB, all of UNGDC
(about 200 MB) and 1 GB (UNGDC replicated with perturbed words and fresh
titles), each ingested into a fresh corpus and queried with the UNGDC query
set in one batch.

    python3 bench/scale.py [--bin target/release/verbatim] [--sizes 10,50,all,1000] [--plot docs/scale.png]

Needs the UNGDC set prepared by `../shared/bench/quality ../shared/bench/sets/ungdc`
(or prepares it). Reports, per size: text MB, ingest seconds and MB/s,
peak RSS of ingest (from /usr/bin/time), record and index
sizes, query p50/p99 (the engine's own per-query time from `find --batch`),
and writes a PNG plot with matplotlib from a virtualenv the script makes
(PyPI `matplotlib`).
"""
import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared")
CACHE = os.environ.get("VERBATIM_BENCH_CACHE", os.path.join(tempfile.gettempdir(), "verbatim-bench"))


def ungdc_files():
    """The prepared UNGDC set: (OUTDIR, manifest entries)."""
    out = os.path.join(CACHE, "ungdc", "files")
    manifest = os.path.join(out, "manifest.jsonl")
    if not os.path.exists(manifest):
        subprocess.run([os.path.join(SHARED, "bench", "sets", "ungdc", "prepare"), out], check=True)
    with open(manifest, encoding="utf-8") as f:
        entries = [json.loads(l) for l in f if l.strip()]
    return out, entries


def perturb(text, rng):
    """A copy that reads like another speech: about one word in twelve replaced."""
    words = text.split(" ")
    for i in range(len(words)):
        if rng.random() < 1 / 12 and words[i].isalpha():
            words[i] = rng.choice(words)
    return " ".join(words)


def build(size_mb, src_dir, entries, dest):
    """Writes a corpus of about size_mb (None: all of UNGDC) and its manifest."""
    os.makedirs(dest, exist_ok=True)
    rng = random.Random(size_mb or 0)
    order = list(entries)
    if size_mb is not None and size_mb < 1000:
        rng.shuffle(order)
    manifest = []
    total = 0
    target = None if size_mb is None else size_mb * 1_000_000
    copy = 0
    while True:
        for e in order:
            if target is not None and total >= target:
                break
            src = os.path.join(src_dir, e["path"])
            with open(src, encoding="utf-8") as f:
                text = f.read()
            if copy == 0:
                rel = e["path"]
                dst = os.path.join(dest, rel)
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                shutil.copyfile(src, dst)
                m = dict(e)
            else:
                rel = f"copy{copy}/{e['path']}"
                dst = os.path.join(dest, rel)
                os.makedirs(os.path.dirname(dst), exist_ok=True)
                with open(dst, "w", encoding="utf-8") as f:
                    f.write(perturb(text, rng))
                m = dict(e)
                m["title"] = f"{e.get('title') or e['path']} (variant {copy})"
            m["path"] = rel
            manifest.append(m)
            total += len(text.encode("utf-8"))
        if target is None or total >= target:
            break
        copy += 1
    with open(os.path.join(dest, "manifest.jsonl"), "w", encoding="utf-8") as f:
        for m in manifest:
            f.write(json.dumps(m) + "\n")
    return total


def timed(cmd, **kw):
    """Runs cmd under /usr/bin/time; returns (CompletedProcess, seconds, peak RSS MB)."""
    rss_file = os.path.join(CACHE, "scale-rss.txt")
    t0 = time.time()
    p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file] + cmd, capture_output=True, text=True, **kw)
    secs = time.time() - t0
    with open(rss_file) as f:
        kb = int(f.read().strip().splitlines()[-1])
    return p, secs, kb / 1024


def du(path):
    n = 0
    for root, _, files in os.walk(path):
        for f in files:
            try:
                n += os.path.getsize(os.path.join(root, f))
            except OSError:
                pass
    return n


def percentile(xs, p):
    xs = sorted(xs)
    if not xs:
        return 0.0
    k = min(len(xs) - 1, max(0, int(round(p / 100 * (len(xs) - 1)))))
    return xs[k]


def plot(rows, path):
    venv = os.path.join(CACHE, "venv-plot")
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    if subprocess.run([py, "-c", "import matplotlib"], capture_output=True).returncode != 0:
        subprocess.run([py, "-m", "pip", "install", "-q", "matplotlib"], check=True)
    script = r'''
import json, sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
rows = json.loads(sys.argv[1]); out = sys.argv[2]
mb = [r["text_mb"] for r in rows]
fig, ax = plt.subplots(1, 3, figsize=(13, 3.8))
ax[0].plot(mb, [r["p50_ms"] for r in rows], "o-", label="p50")
ax[0].plot(mb, [r["p99_ms"] for r in rows], "s-", label="p99")
ax[0].set_title("query latency (ms)"); ax[0].legend()
ax[1].plot(mb, [r["ingest_mb_s"] for r in rows], "o-")
ax[1].set_title("ingest (MB/s)"); ax[1].set_ylim(bottom=0)
ax[2].plot(mb, [r["index_mb"] for r in rows], "o-", label="index")
ax[2].plot(mb, [r["peak_rss_mb"] for r in rows], "s-", label="ingest peak RSS")
ax[2].set_title("size (MB)"); ax[2].legend()
for a in ax:
    a.set_xscale("log"); a.set_xlabel("corpus text (MB)"); a.grid(alpha=.3)
fig.suptitle("verbatim: cost against corpus size (UNGDC, 2-core machine)")
fig.tight_layout(); fig.savefig(out, dpi=110)
'''
    subprocess.run([py, "-c", script, json.dumps(rows), path], check=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "verbatim"))
    ap.add_argument("--sizes", default="10,50,all,1000")
    ap.add_argument("--plot", default=os.path.join(ROOT, "docs", "scale.png"))
    ap.add_argument("--out", default=os.path.join(CACHE, "scale.json"))
    a = ap.parse_args()
    src, entries = ungdc_files()
    queries = os.path.join(SHARED, "bench", "sets", "ungdc", "queries.jsonl")
    batch = os.path.join(CACHE, "scale-queries.jsonl")
    with open(queries, encoding="utf-8") as f, open(batch, "w", encoding="utf-8") as out:
        for line in f:
            if line.strip():
                q = json.loads(line)
                out.write(json.dumps({"id": q["id"], "quote": q["quote"], "speaker": q.get("speaker")}) + "\n")
    rows = []
    for s in a.sizes.split(","):
        size = None if s == "all" else int(s)
        work = os.path.join(CACHE, f"scale-{s}")
        shutil.rmtree(work, ignore_errors=True)
        files = os.path.join(work, "files")
        text_bytes = build(size, src, entries, files)
        corpus = os.path.join(work, "corpus")
        p, secs, rss = timed([a.bin, "--corpus", corpus, "ingest", "--manifest", os.path.join(files, "manifest.jsonl")])
        if p.returncode != 0:
            sys.exit(f"ingest failed at {s}: {p.stderr[-2000:]}")
        q, qsecs, _ = timed([a.bin, "--corpus", corpus, "find", "--jsonl", "--batch", batch])
        ms = [json.loads(l).get("ms", 0.0) for l in q.stdout.splitlines() if l.strip()]
        row = {
            "size": s,
            "text_mb": round(text_bytes / 1e6, 1),
            "ingest_s": round(secs, 1),
            "ingest_mb_s": round(text_bytes / 1e6 / secs, 1),
            "peak_rss_mb": round(rss),
            "record_mb": round(os.path.getsize(os.path.join(corpus, "record.sqlite")) / 1e6, 1),
            "index_mb": round(du(os.path.join(corpus, "index")) / 1e6, 1),
            "queries": len(ms),
            "p50_ms": round(percentile(ms, 50), 2),
            "p99_ms": round(percentile(ms, 99), 2),
            "batch_s": round(qsecs, 2),
        }
        rows.append(row)
        print(json.dumps(row), file=sys.stderr)
        shutil.rmtree(files, ignore_errors=True)
        shutil.rmtree(corpus, ignore_errors=True)
    with open(a.out, "w") as f:
        json.dump(rows, f, indent=1)
    print("| corpus text | ingest | ingest rate | ingest peak RSS | record | index | query p50 | query p99 |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['text_mb']} MB | {r['ingest_s']} s | {r['ingest_mb_s']} MB/s | {r['peak_rss_mb']} MB | {r['record_mb']} MB | {r['index_mb']} MB | {r['p50_ms']} ms | {r['p99_ms']} ms |")
    if a.plot:
        plot(rows, a.plot)
        print(f"plot: {a.plot}")


if __name__ == "__main__":
    main()
