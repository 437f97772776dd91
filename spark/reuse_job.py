"""`verbatim reuse` on Apache Spark, for a corpus one machine should not do alone.

The work is the single process's, cut where it already cuts itself:

1. on the driver, ``verbatim reuse --plan`` reads the corpus's words once and
   says how many shards of the shingle hash space there are;
2. Spark runs one task a shard: the shard numbers of a partition are piped
   through ``verbatim reuse --shard -`` (``RDD.pipe``), which writes each
   shard's seeds to the corpus's work folder;
3. Spark runs one task a bucket of sources the same way
   (``verbatim reuse --bucket -``), which chains the seeds of the bucket's
   source pairs into links;
4. on the driver, ``verbatim reuse`` finds every step done, joins the links
   into clusters, dates them, stores them in the record and writes them.

So the output is the single process's, byte for byte: the steps are the
same functions on the same files, and a shard or bucket's file does not
depend on which process wrote it. Spark schedules, retries and speculates;
every step writes its file whole or not at all, so a task run twice is
harmless, and a job stopped half way restarts where it stopped.

What every worker needs: the ``verbatim`` binary and the corpus folder, at
the same paths as on the driver, on a filesystem they all see (NFS, a
cluster filesystem; on one machine, the disk). Only task numbers and one
JSON line a task travel through Spark.

    spark-submit --master spark://HOST:7077 spark/reuse_job.py \\
        --corpus /shared/corpus --bin /shared/bin/verbatim --out clusters.jsonl

Every option of ``verbatim reuse`` that changes what is found (--min-words,
--max-docs, --shingle, --gap, --drift) is passed to every step. The job
prints each phase's wall time and each task's time and peak memory; with
``--stats FILE`` it also writes every task's line there.
"""

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import time

# The options of `verbatim reuse` that change the output: given to every step.
MEANING = ("min_words", "max_docs", "shingle", "gap", "drift")


def parse_args(argv):
    ap = argparse.ArgumentParser(description="verbatim reuse on Apache Spark")
    ap.add_argument("--corpus", required=True, help="the corpus folder (ingested), seen by every worker")
    ap.add_argument("--bin", default=None, help="the verbatim binary, at this path on every worker")
    # required: spark-submit merges a Python driver's stderr into its stdout
    ap.add_argument("--out", required=True, help="write the clusters here")
    ap.add_argument("--format", choices=["jsonl", "passim"], default="jsonl")
    ap.add_argument("--shards", type=int, help="shards of the shingle hash space (default: enough for memory and cores)")
    ap.add_argument("--buckets", type=int, help="buckets of sources (default: enough for memory and cores)")
    ap.add_argument("--memory-mb", type=int, default=512, help="memory one task may take, MB")
    ap.add_argument("--min-words", type=int)
    ap.add_argument("--max-docs", type=int)
    ap.add_argument("--shingle", type=int)
    ap.add_argument("--gap", type=int)
    ap.add_argument("--drift", type=int)
    ap.add_argument("--stats", help="write each task's JSON line to this file")
    return ap.parse_args(argv)


def binary(path):
    found = path or shutil.which("verbatim")
    if not found:
        here = os.path.dirname(os.path.abspath(__file__))
        found = os.path.join(here, "..", "target", "release", "verbatim")
    found = os.path.abspath(found)
    if not os.access(found, os.X_OK):
        sys.exit(f"reuse_job: {found}: no verbatim binary there (give --bin)")
    return found


def meaning(args):
    out = ["--memory-mb", str(args.memory_mb)]
    for name in MEANING:
        value = getattr(args, name)
        if value is not None:
            out += ["--" + name.replace("_", "-"), str(value)]
    return out


class Driver:
    """Runs the binary on the driver for the steps that are not distributed."""

    def __init__(self, exe, corpus, params):
        self.base = [exe, "--corpus", corpus, "reuse"] + params

    def plan(self, extra):
        done = subprocess.run(self.base + extra + ["--plan"], capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"reuse_job: verbatim reuse --plan failed:\n{done.stderr}")
        return json.loads(done.stdout)

    def finish(self, extra, out, fmt):
        cmd = self.base + extra + ["--format", fmt, "--out", out]
        done = subprocess.run(cmd)
        if done.returncode != 0:
            sys.exit(f"reuse_job: verbatim reuse failed ({done.returncode})")


def distributed(sc, command, numbers, cpus):
    """Pipes each number through `command` in its own task; returns the
    tasks' JSON lines."""
    if not numbers:
        return []
    env = {"RAYON_NUM_THREADS": str(cpus)}
    rdd = sc.parallelize([str(n) for n in numbers], len(numbers))
    return [json.loads(line) for line in rdd.pipe(command, env=env, checkCode=True).collect()]


def main(argv=None):
    args = parse_args(argv)
    exe = binary(args.bin)
    corpus = os.path.abspath(args.corpus)
    params = meaning(args)
    driver = Driver(exe, corpus, params)

    from pyspark import SparkConf, SparkContext

    sc = SparkContext(conf=SparkConf().setAppName("verbatim reuse"))
    sc.setLogLevel("WARN")
    cores = sc.defaultParallelism
    cpus = int(sc.getConf().get("spark.task.cpus", "1"))
    timings = []
    stats = []
    try:
        t0 = time.monotonic()
        # the words, read once on the driver; then as many shards as memory
        # needs, and at least one a core
        auto = driver.plan([])
        shards = args.shards or max(auto["shards"], cores)
        fixed = ["--shards", str(shards)]
        plan = driver.plan(fixed)
        timings.append(("words", time.monotonic() - t0))

        t0 = time.monotonic()
        step = shlex.join(driver.base + fixed + ["--shard", "-"])
        stats += distributed(sc, step, plan["missing_shards"], cpus)
        timings.append(("shards", time.monotonic() - t0))

        t0 = time.monotonic()
        plan = driver.plan(fixed)
        buckets = args.buckets or max(plan["buckets"], cores)
        fixed += ["--buckets", str(buckets)]
        plan = driver.plan(fixed)
        step = shlex.join(driver.base + fixed + ["--bucket", "-"])
        stats += distributed(sc, step, plan["missing_buckets"], cpus)
        timings.append(("buckets", time.monotonic() - t0))
    finally:
        sc.stop()

    t0 = time.monotonic()
    driver.finish(fixed, args.out, args.format)
    timings.append(("clusters", time.monotonic() - t0))

    if args.stats:
        with open(args.stats, "w") as f:
            for s in stats:
                f.write(json.dumps(s) + "\n")
    peaks = [s["peak_mb"] for s in stats if s.get("peak_mb") is not None]
    took = ", ".join(f"{name} {secs:.1f} s" for name, secs in timings)
    print(
        f"reuse_job: {shards} shards and {buckets} buckets on {cores} cores "
        f"({len(stats)} tasks run, largest task {max(peaks, default=0)} MB): {took}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
