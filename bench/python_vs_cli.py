#!/usr/bin/env python3
"""The Python package against the command line on one batch of queries:
the same answers, and the time of each.

    pip install ./python
    python3 ../shared/bench/quality ../shared/bench/sets/ungdc --bin target/release/verbatim --keep
    python3 bench/python_vs_cli.py --corpus /tmp/verbatim-bench/ungdc/corpus \\
        --queries ../shared/bench/sets/ungdc/queries.jsonl --bin target/release/verbatim

Both answer every query of the file (`{"quote", "speaker"}` a line) against
the same corpus: the command line with `find --jsonl --batch`, Python with
`Corpus.find_many(..., full=True)`. Answers are compared as JSON objects,
less `id` and `ms` (the engine's own time, which differs run to run). Runs
alternate between the two, `--runs` times each, and the median wall time of
each is reported: for the command line the whole process (start, opening the
corpus, answering, printing), for Python the call alone, from a process that
has imported the package and opened nothing yet.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--queries", required=True)
    ap.add_argument("--bin", default="target/release/verbatim")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    import verbatim

    rows = [json.loads(line) for line in open(args.queries, encoding="utf-8") if line.strip()]
    quotes = [r["quote"] for r in rows]
    speakers = [r.get("speaker") for r in rows]

    def strip(v: dict) -> dict:
        v = dict(v)
        v.pop("id", None)
        v.pop("ms", None)
        return v

    def cpu(who: int) -> float:
        r = resource.getrusage(who)
        return r.ru_utime + r.ru_stime

    cli_times, py_times = [], []
    cli_cpu, py_cpu = 0.0, 0.0
    cli_answers: list[dict] = []
    py_answers: list[dict] = []
    for _ in range(args.runs):
        t0, c0 = time.perf_counter(), cpu(resource.RUSAGE_CHILDREN)
        out = subprocess.run(
            [args.bin, "--corpus", args.corpus, "find", "--jsonl", "--batch", args.queries],
            check=True, capture_output=True, text=True,
        ).stdout
        cli_times.append(time.perf_counter() - t0)
        cli_cpu += cpu(resource.RUSAGE_CHILDREN) - c0
        cli_answers = [strip(json.loads(line)) for line in out.splitlines()]

        corpus = verbatim.Corpus(args.corpus)
        t0, c0 = time.perf_counter(), cpu(resource.RUSAGE_SELF)
        got = corpus.find_many(quotes, speakers, full=True)
        py_times.append(time.perf_counter() - t0)
        py_cpu += cpu(resource.RUSAGE_SELF) - c0
        py_answers = [strip(v) for v in got]

    same = sum(a == b for a, b in zip(cli_answers, py_answers))
    differ = [k for k, (a, b) in enumerate(zip(cli_answers, py_answers)) if a != b]
    n = len(rows)
    print(f"queries {n}; answers from the command line {len(cli_answers)}, from Python {len(py_answers)}")
    print(f"same answers: {same}/{n}" + (f" (first differing: line {differ[0] + 1})" if differ else ""))
    cli, py = statistics.median(cli_times), statistics.median(py_times)
    print(f"command line find --batch: {cli:.2f} s median of {args.runs} ({', '.join(f'{t:.2f}' for t in cli_times)})")
    print(f"Python find_many:          {py:.2f} s median of {args.runs} ({', '.join(f'{t:.2f}' for t in py_times)})")
    print(f"Python / command line: {py / cli:.2f}")
    # CPU seconds per wall second: near the core count when a batch uses every core
    print(f"cores busy ({os.cpu_count()} here): command line {cli_cpu / sum(cli_times):.2f}, Python {py_cpu / sum(py_times):.2f}")
    return 0 if same == n and len(cli_answers) == n else 1


if __name__ == "__main__":
    sys.exit(main())
