"""The Spark job end to end: a standalone cluster of one master and two
workers on 127.0.0.1 (spark/cluster), the job run on it over the demo corpus,
and its output compared byte for byte with one process's on the same corpus.

Needs Java 17 and pyspark in the Python that runs the tests (.ci/run installs
both) and the release binary (target/release/verbatim, or $VERBATIM_BIN).
"""

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPARK = ROOT / "spark"


def binary():
    path = Path(os.environ.get("VERBATIM_BIN", ROOT / "target" / "release" / "verbatim"))
    assert path.is_file(), f"{path}: build the binary first (cargo build --release)"
    return path


def spark_home():
    try:
        import pyspark
    except ImportError:
        pytest.fail(f"pyspark is not installed for {sys.executable} (pip install pyspark)")
    assert shutil.which("java"), "java is not installed (apt-get install openjdk-17-jre-headless)"
    return Path(pyspark.__file__).parent


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ingest(exe, corpus):
    done = subprocess.run(
        [exe, "--corpus", corpus, "ingest", "--manifest", "manifest.jsonl"],
        cwd=ROOT / "demo",
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    home = spark_home()
    run = tmp_path_factory.mktemp("spark")
    env = dict(
        os.environ,
        PYTHON=sys.executable,
        SPARK_HOME=str(home),
        VERBATIM_SPARK_RUN=str(run),
        VERBATIM_SPARK_PORT=str(free_port()),
    )
    started = subprocess.run([SPARK / "cluster", "start", "--workers", "2"], env=env, capture_output=True, text=True)
    assert started.returncode == 0, started.stderr + started.stdout
    master = started.stdout.strip().splitlines()[-1]
    try:
        yield master, env, run
    finally:
        subprocess.run([SPARK / "cluster", "stop"], env=env, capture_output=True)


def submit(master, env, *args):
    cmd = [
        Path(env["SPARK_HOME"]) / "bin" / "spark-submit",
        "--master",
        master,
        "--conf",
        "spark.driver.host=127.0.0.1",
        SPARK / "reuse_job.py",
        *args,
    ]
    job_env = dict(env, SPARK_LOCAL_IP="127.0.0.1", PYSPARK_PYTHON=sys.executable)
    done = subprocess.run([str(c) for c in cmd], env=job_env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]
    return done


def test_the_job_on_two_workers_gives_exactly_the_single_process_output(cluster, tmp_path):
    master, env, run = cluster
    exe = binary()
    one, two = tmp_path / "one", tmp_path / "two"
    ingest(exe, one)
    ingest(exe, two)
    single = subprocess.run(
        [exe, "--corpus", one, "reuse", "--out", tmp_path / "one.jsonl"], capture_output=True, text=True
    )
    assert single.returncode == 0, single.stderr

    stats = tmp_path / "stats.jsonl"
    done = submit(master, env, "--corpus", two, "--bin", exe, "--out", tmp_path / "two.jsonl", "--stats", stats)
    # spark-submit passes the job's stderr on to its stdout
    assert "reuse_job:" in done.stdout, done.stdout[-3000:]
    expected = (tmp_path / "one.jsonl").read_bytes()
    assert expected.count(b"\n") > 5, "the demo corpus has reuse to find"
    assert (tmp_path / "two.jsonl").read_bytes() == expected

    tasks = [json.loads(line) for line in stats.read_text().splitlines()]
    shards = [t for t in tasks if "shard" in t]
    buckets = [t for t in tasks if "bucket" in t]
    # at least one task a core, every one computed by a worker's process
    assert len(shards) >= 2 and len(buckets) >= 2, tasks
    assert all(t["computed"] and t["peak_mb"] > 0 for t in tasks), tasks
    assert sorted(t["shard"] for t in shards) == list(range(shards[0]["of"]))
    assert sorted(t["bucket"] for t in buckets) == list(range(buckets[0]["of"]))
    # the executors ran on the cluster's two workers
    executors = list((run / "work").glob("app-*/*"))
    assert len(executors) >= 2, executors

    # the clusters are in the record too: find shows the chain
    found = subprocess.run(
        [exe, "--corpus", two, "find", "--json", "Peace, commerce, and honest friendship with all nations"],
        capture_output=True,
        text=True,
    )
    assert json.loads(found.stdout)["matches"][0]["reuse"]["size"] >= 2

    # run again: every step is found done, nothing is computed, the same output
    again = tmp_path / "again.jsonl"
    submit(master, env, "--corpus", two, "--bin", exe, "--out", again, "--stats", stats)
    assert stats.read_text() == ""
    assert again.read_bytes() == expected
