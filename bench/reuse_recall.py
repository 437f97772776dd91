#!/usr/bin/env python3
"""Recall of real reuse: do the credit set's pairs come out of `verbatim reuse` linked?

    reuse_recall.py [--set ../shared/bench/sets/credit] [--bin target/release/verbatim]
                    [--cache DIR] [--clusters FILE]

Each query of the credit set is made from a real pair: a president (B) who
quoted an earlier president's words (A) inside quotation marks. `expect.source`
is A's span and the first of `expect.alternates` is B's. A pair counts as found
when one cluster holds a member overlapping half of A's span or more and one
overlapping half of B's, and the cluster's origin is A's span or another copy
of A's speech (the corpus holds some speeches twice, as an inaugural file dated
by its year and a Miller Center file dated by its day: same speaker, same
date). A passage can stand in more than one cluster (a phrase of it reused
apart from the whole): the pair counts when any of them links it rightly. Prints one line per miss
and a summary line. Ingests the set's corpus into CACHE/corpus unless
--clusters gives a finished `reuse` output.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time


def overlap(a0, a1, b0, b1):
    return max(0, min(a1, b1) - max(a0, b0))


def same(path, want):
    return path == want or path.endswith("/" + want)


def covers(member, span):
    return same(member["source"], span["source"]) and \
        overlap(member["start"], member["end"], span["start"], span["end"]) * 2 >= span["end"] - span["start"]


def right_origin(cluster, a, copies):
    """The origin is A's span, a listed copy of it, or A's speech in another
    file: the same speaker on the same date, or in the same year when one of
    the two files gives the year alone."""
    o = cluster["members"][cluster["origin"]]
    if covers(o, a) or any(covers(o, x) for x in copies):
        return True
    am = next(m for m in cluster["members"] if covers(m, a))
    if not o.get("speaker") or o.get("speaker") != am.get("speaker") or not o.get("date") or not am.get("date"):
        return False
    d1, d2 = o["date"], am["date"]
    return d1 == d2 or ((len(d1) == 4 or len(d2) == 4) and d1[:4] == d2[:4])


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--set", default=os.path.join(here, "..", "..", "shared", "bench", "sets", "credit"))
    ap.add_argument("--bin", default=os.path.join(here, "..", "target", "release", "verbatim"))
    ap.add_argument("--cache", default=os.path.join(tempfile.gettempdir(), "verbatim-reuse-recall"))
    ap.add_argument("--clusters")
    args = ap.parse_args()

    pairs = {}
    with open(os.path.join(args.set, "queries.jsonl"), encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            q = json.loads(line)
            e = q["expect"]
            alts = e.get("alternates") or []
            if not alts:
                continue
            a = {k: e[k] for k in ("source", "start", "end")}
            b = alts[0]
            copies = [x for x in alts[1:]]
            pairs[(a["source"], a["start"], b["source"], b["start"])] = (a, b, copies, q["id"])

    clusters_path = args.clusters
    if not clusters_path:
        files = os.path.join(args.cache, "files")
        if not os.path.exists(os.path.join(files, "manifest.jsonl")):
            os.makedirs(files, exist_ok=True)
            p = subprocess.run([os.path.join(args.set, "prepare"), files], capture_output=True, text=True)
            if p.returncode != 0:
                sys.exit(f"prepare failed: {p.stderr[-500:]}")
        corpus = os.path.join(args.cache, "corpus")
        if not os.path.exists(os.path.join(corpus, "record.sqlite")):
            p = subprocess.run([args.bin, "--corpus", corpus, "ingest", "--manifest", "manifest.jsonl"],
                               cwd=files, capture_output=True, text=True)
            if p.returncode != 0:
                sys.exit(f"ingest failed: {p.stderr[-500:]}")
        clusters_path = os.path.join(args.cache, "clusters.jsonl")
        t = time.monotonic()
        p = subprocess.run([args.bin, "--corpus", corpus, "reuse", "--out", clusters_path],
                           cwd=files, capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(f"reuse failed: {p.stderr[-500:]}")
        print(f"reuse: {time.monotonic() - t:.1f} s; {p.stderr.strip().splitlines()[-1]}")

    clusters = []
    with open(clusters_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                clusters.append(json.loads(line))

    linked = right = 0
    for (a, b, copies, qid) in pairs.values():
        hits = [c for c in clusters
                if any(covers(m, a) for m in c["members"]) and any(covers(m, b) for m in c["members"])]
        if not hits:
            print(f"  not linked: {qid} {a['source']}@{a['start']} <- {b['source']}@{b['start']}")
            continue
        linked += 1
        if any(right_origin(c, a, copies) for c in hits):
            right += 1
        else:
            o = hits[0]["members"][hits[0]["origin"]]
            print(f"  wrong origin: {qid} cluster {hits[0]['cluster']} origin {o['source']}@{o['start']} ({o['date']})")
    n = len(pairs)
    print(f"REUSE recall: pairs {n} · linked {linked / n:.3f} · linked with the right origin {right / n:.3f}")


if __name__ == "__main__":
    main()
