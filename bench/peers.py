#!/usr/bin/env python3
"""verbatim beside four peer tools from PyPI, on the same query sets.

    python3 bench/peers.py [--sets seed speeches] [--bin target/release/verbatim]
                           [--limit N] [--peers quid krokai rapidfuzz text-matcher]
                           [--timeout 60] [--out /tmp/verbatim-bench/peers.json]

Prints a Markdown table (one row per system and set) and writes the same
numbers as JSON to --out (with found@1 by query kind). Progress goes to
stderr. `--peers` with no name runs verbatim alone. `--limit N` takes the
first N lines of queries.jsonl, and the sets are grouped by kind, so a small N
tries one kind only.

Protocol
--------
Sets are the shared yardstick's (../shared/bench/sets/NAME, see its README):
`prepare OUTDIR` writes the corpus files and OUTDIR/manifest.jsonl into the
same cache layout `quality` uses ($VERBATIM_BENCH_CACHE/NAME/files, default
cache /tmp/verbatim-bench), and is only called when that folder has no
manifest yet. Gold spans are byte offsets into those files.

verbatim runs in its natural mode: `ingest --manifest` into a fresh corpus
($CACHE/peers/NAME/corpus), then ONE `find --jsonl --batch` call for all
queries. Per-query time is the answer's "ms" field when the binary gives one;
otherwise the batch's wall time divided by the number of queries, the same
for every query (the table says which).

The peers run in a virtualenv this script makes ($CACHE/venv-peers), with
pinned PyPI versions. Each runs in its natural mode:

  quid          `Quid()` with default settings. Its README asks for the
                quoted text as *source* and the quoting text as *target*,
                and it merges matches across ellipses in the target only,
                so the document is the source and the quotation the target:
                `prepare_source_data(document)` once per document (its
                public caching hook), then
                `compare(document, quotation, positions, hashes)`. The
                returned match spans (character offsets in the document) are
                grouped into runs that lie close together; the run that
                covers most characters of the quotation is the answer, its
                span from its first start to its last end.
  krokai        `krokai.corpus.Corpus([files])` over the whole set, then
                `krokai.verify.check(quotation, corpus)`, which answers
                (verdict, path, detail): a document but no offsets, so its
                found@1 is n/a and only source@1 is scored. Corpus is built
                with derived_re=None: the default filename filter is for
                legal work folders and drops speeches named "...memorial..."
                or "...report..." as "our own analysis". Its verdicts are
                mapped onto verbatim's (KROKAI_VERDICTS below), so its
                verdict accuracy is approximate.
  rapidfuzz     `rapidfuzz.fuzz.partial_ratio_alignment(fragment, document)`
                for each fragment of the quotation split at elision marks
                ("...", "…", "[...]", "[…]", ". . ."); score = mean of the
                fragment scores, span = first fragment's start to last
                fragment's end; the best-scoring document wins.
  text-matcher  `Matcher(Text(quotation), Text(document))` with its CLI's
                defaults (threshold 3, cutoff 5, trigrams, stopwords removed
                by NLTK's English list, which this script writes into
                $CACHE/nltk_data because NLTK cannot download it here), then
                `.match()`; the match covering most of the quotation is the
                answer. Its Text() heals "word- word" hyphens, which shifts
                offsets; they are mapped back to the document.

Favouring of the peers. Quid, rapidfuzz and text-matcher compare two texts
and cannot search a corpus, so each query gets a candidate list instead: the
gold source document plus 9 other documents of the set drawn at random
(random.Random(query id), in shuffled order), or 10 random documents for a
query with no gold source (not_found). They search 10 documents where
verbatim and krokai search the whole corpus (1,071 files for speeches), one
of which is known to hold the answer: this favours them, in found@1 and even
more in time. The seed set has one document, so there everyone searches it.

Times. A peer's per-query time is time.perf_counter() around its whole search
over its candidate documents. Work a tool's API lets one do once per document
(Quid's prepare_source_data, text-matcher's Text of the document, krokai's
Corpus) is done once per document, outside that time, and reported in the
"prep s" column, as verbatim's ingest is. A query is stopped after --timeout
seconds of search (a miss). The speed ratio is the peer's median over
verbatim's median on the same set.

Scores follow `quality`. found@1: of the queries with a gold source, the share
whose best match is in the gold source (or an `alternates` one) and overlaps
its span by at least half (peers' character offsets converted to bytes
first). source@1: the same without the span. verdict accuracy: of all
queries, the share whose verdict equals the gold one (only for systems that
give verdicts). false-found: of the not_found queries, the share answered with
a verdict other than not_found/paraphrase (verbatim, krokai) or with any match
(Quid, text-matcher); rapidfuzz always returns an alignment, so "—".

Standard library only; the peers live in the virtualenv. The same file is
the worker run inside it (`--worker PEER JOB OUT`).
"""
import argparse
import bisect
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
ROOT = os.path.dirname(HERE)
SETS = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench", "sets"))
CACHE = os.environ.get("VERBATIM_BENCH_CACHE", os.path.join(tempfile.gettempdir(), "verbatim-bench"))

# Pinned so that runs compare: the versions this script was written against.
PEERS = {
    "quid": "Quid==2.6.7",
    "krokai": "krokai==0.15.0",
    "rapidfuzz": "rapidfuzz==3.14.6",
    "text-matcher": "text-matcher==0.1.6",
}
CANDIDATES = 10          # documents per query for peers that compare two texts

# krokai's verdicts onto verbatim's vocabulary (approximate by nature).
KROKAI_VERDICTS = {
    "VERIFIED": "verbatim", "TRUNCATED_CONDITION": "verbatim", "TRUNCATED_OPENING": "verbatim",
    "WRONG_SPEAKER": "verbatim", "SUPERSEDED_EDITION": "verbatim", "FOUND_ELSEWHERE": "verbatim",
    "PUNCTUATION": "normalized", "TYPESETTING": "normalized",
    "ASSEMBLED": "elided", "ELLIPSIS_HIDES": "elided",
    "SPLICED": "spliced", "SCATTERED": "spliced",
    "ALTERED": "altered", "OPERATOR": "altered", "PARTIAL": "altered", "FRAGMENTS": "altered",
    "NOT_FOUND": "not_found", "NO_SOURCE_ON_DISK": "not_found",
}

# NLTK's English stopword list (the `stopwords` corpus of nltk_data), which
# text-matcher loads with nltk.corpus.stopwords.words('english').
NLTK_ENGLISH_STOPWORDS = """i me my myself we our ours ourselves you you're you've you'll you'd your
yours yourself yourselves he him his himself she she's her hers herself it it's its itself they them
their theirs themselves what which who whom this that that'll these those am is are was were be been
being have has had having do does did doing a an the and but if or because as until while of at by for
with about against between into through during before after above below to from up down in out on off
over under again further then once here there when where why how all any both each few more most other
some such no nor not only own same so than too very s t can will just don don't should should've now d
ll m o re ve y ain aren aren't couldn couldn't didn didn't doesn doesn't hadn hadn't hasn hasn't haven
haven't isn isn't ma mightn mightn't mustn mustn't needn needn't shan shan't shouldn shouldn't wasn
wasn't weren weren't won won't wouldn wouldn't""".split()

ELISION_RE = re.compile(r"\[\s*(?:\.\s*){3}\]|\[…\]|\.\s\.\s\.|\.\.\.|…")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def die(msg):
    log(f"peers: {msg}")
    sys.exit(2)


def read_doc(path):
    """The file's text; undecodable bytes kept as surrogates so that byte offsets survive."""
    with open(path, "rb") as f:
        return f.read().decode("utf-8", "surrogateescape")


# ============================================================================================
# Worker side: runs inside the virtualenv, one peer per process.
# ============================================================================================

class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout()


def timed(fn, limit):
    """fn() under a wall-clock limit; returns (value, seconds). Raises Timeout."""
    import signal
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, max(limit, 0.001))
    t0 = time.perf_counter()
    try:
        value = fn()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return value, time.perf_counter() - t0


def cluster_spans(pairs, quote_len, gap):
    """Group (doc_start, doc_end, quote_start, quote_end) matches lying within `gap` characters of
    each other in the document; return (coverage of the quotation, start, end) of the best group."""
    best = None
    pairs = sorted(pairs)
    group = []

    def close(group):
        covered, last = 0, -1
        for q0, q1 in sorted((p[2], p[3]) for p in group):
            q0 = max(q0, last)
            if q1 > q0:
                covered += q1 - q0
                last = q1
        return (covered / max(quote_len, 1), min(p[0] for p in group), max(p[1] for p in group))

    for p in pairs:
        if group and p[0] - max(g[1] for g in group) > gap:
            cand = close(group)
            best = cand if best is None or cand[0] > best[0] else best
            group = []
        group.append(p)
    if group:
        cand = close(group)
        best = cand if best is None or cand[0] > best[0] else best
    return best


class QuidPeer:
    """Document = Quid's source, quotation = its target (README: the quoted text is the source)."""

    def __init__(self):
        import logging
        logging.getLogger("quid").setLevel(logging.ERROR)   # "reserved character" warnings
        from quid.core.Quid import Quid
        self.Quid = Quid

    def prepare(self, text):
        quid = self.Quid()
        positions, hashes = quid.prepare_source_data(text)
        return (quid, text, positions, hashes)

    def search(self, state, quote):
        quid, text, positions, hashes = state
        matches = quid.compare(text, quote, positions, hashes)
        pairs = [(m.source_span.start, m.source_span.end, m.target_span.start, m.target_span.end)
                 for m in matches]
        if not pairs:
            return None
        score, start, end = cluster_spans(pairs, len(quote), gap=len(quote) + 200)
        return {"score": score, "start": start, "end": end}


class RapidfuzzPeer:
    def __init__(self):
        from rapidfuzz import fuzz
        self.fuzz = fuzz

    def prepare(self, text):
        return text

    def search(self, text, quote):
        frags = [f.strip() for f in ELISION_RE.split(quote)]
        frags = [f for f in frags if any(c.isalnum() for c in f)] or [quote]
        al = [self.fuzz.partial_ratio_alignment(f, text) for f in frags]
        start, end = al[0].dest_start, al[-1].dest_end
        if end <= start:                       # fragments aligned out of order
            start, end = min(a.dest_start for a in al), max(a.dest_end for a in al)
        return {"score": sum(a.score for a in al) / len(al) / 100.0, "start": start, "end": end}


class TextMatcherPeer:
    HEAL = re.compile(r"([A-Za-z])- ([a-z])")   # what text_matcher.Text.preprocess removes

    def __init__(self):
        import contextlib
        import io
        from text_matcher.matcher import Matcher, Text
        self.Matcher, self.Text = Matcher, Text
        self.quiet = lambda: contextlib.redirect_stdout(io.StringIO())   # it prints every match

    def prepare(self, text):
        # Text.preprocess deletes "- " in "word- word": keep where, to map offsets back.
        cuts = [m.start() + 1 for m in self.HEAL.finditer(text)]
        healed = [c - 2 * k for k, c in enumerate(cuts)]
        with self.quiet():
            try:
                obj = self.Text(text, "document")
            except IndexError:                 # no word tokens at all
                obj = None
        return (obj, healed)

    def search(self, state, quote):
        doc, healed = state
        if doc is None:
            return None
        with self.quiet():
            try:
                qtext = self.Text(quote, "quotation")
                matcher = self.Matcher(qtext, doc)
                _n, locs_q, locs_d = matcher.match()
            except IndexError:                 # too few tokens (its Text/extend code indexes [-1])
                return None
        best = None
        for (q0, q1), (d0, d1) in zip(locs_q, locs_d):
            score = (q1 - q0) / max(len(qtext.text), 1)
            if best is None or score > best["score"]:
                best = {"score": score, "start": d0, "end": d1}
        if best:
            for key in ("start", "end"):       # healed offsets -> document offsets
                best[key] += 2 * bisect.bisect_right(healed, best[key])
        return best


def run_candidates(peer_name, job, out):
    """Document-major: prepare each document once, then run every query that has it."""
    peer = {"quid": QuidPeer, "rapidfuzz": RapidfuzzPeer, "text-matcher": TextMatcherPeer}[peer_name]()
    files, limit = job["files"], job["timeout"]
    by_doc = {}
    for q in job["queries"]:
        for doc in q["candidates"]:
            by_doc.setdefault(doc, []).append(q["id"])
    quotes = {q["id"]: q["quote"] for q in job["queries"]}
    spent = {q["id"]: 0.0 for q in job["queries"]}
    found = {q["id"]: [] for q in job["queries"]}
    timed_out, errors, prep_s = set(), [], 0.0
    t_start = time.monotonic()
    docs = sorted(by_doc)
    for k, doc in enumerate(docs, 1):
        text = read_doc(os.path.join(files, doc))
        t0 = time.perf_counter()
        try:
            state = peer.prepare(text)
        except Exception as e:                 # the document cannot be prepared: no answers in it
            errors.append(f"prepare {doc}: {type(e).__name__}: {e}")
            continue
        prep_s += time.perf_counter() - t0
        for qid in by_doc[doc]:
            if qid in timed_out:
                continue
            try:
                ans, dt = timed(lambda: peer.search(state, quotes[qid]), limit - spent[qid])
            except Timeout:
                spent[qid] = limit
                timed_out.add(qid)
                continue
            except Exception as e:
                errors.append(f"{qid} in {doc}: {type(e).__name__}: {e}")
                continue
            spent[qid] += dt
            if ans:
                # character offsets -> byte offsets into the file
                ans["start"] = len(text[:ans["start"]].encode("utf-8", "surrogateescape"))
                ans["end"] = len(text[:ans["end"]].encode("utf-8", "surrogateescape"))
                ans["source"] = doc
                found[qid].append(ans)
        if k % 25 == 0 or k == len(docs):
            el = time.monotonic() - t_start
            log(f"  {peer_name}: {k}/{len(docs)} documents, {el:.0f} s, "
                f"about {el / k * (len(docs) - k):.0f} s left")
    results = {}
    for qid in quotes:
        best = max(found[qid], key=lambda a: a["score"], default=None)   # ties: first found
        results[qid] = {"ms": 1000 * spent[qid], "matches": [best] if best else [],
                        "timed_out": qid in timed_out}
    write_json(out, {"peer": peer_name, "prep_s": prep_s, "errors": errors, "results": results})


def run_krokai(job, out):
    import contextlib
    import io
    from krokai.corpus import Corpus
    from krokai.verify import check
    files, limit = job["files"], job["timeout"]
    t0 = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        corpus = Corpus([files], quiet=True, derived_re=None)
    prep_s = time.perf_counter() - t0
    notes = [f"{len(corpus.paths)} files indexed"]
    skipped = (corpus.excluded_stub + corpus.excluded_empty + corpus.excluded_placeholder
               + [p for p, _ in corpus.unreadable])
    if skipped:
        notes.append(f"{len(skipped)} files not indexed by krokai")
    results, errors = {}, []
    t_start = time.monotonic()
    for k, q in enumerate(job["queries"], 1):
        res = {"ms": 1000 * limit, "matches": [], "timed_out": False}
        try:
            (verdict, where, _detail), dt = timed(lambda: check(q["quote"], corpus), limit)
            res["ms"] = 1000 * dt
            res["krokai_verdict"] = verdict
            res["verdict"] = KROKAI_VERDICTS.get(verdict, verdict.lower())
            if where:
                # a document, no span: scored for source@1 only
                res["matches"] = [{"source": os.path.relpath(where, files), "start": None, "end": None}]
        except Timeout:
            res["timed_out"] = True
        except Exception as e:
            errors.append(f"{q['id']}: {type(e).__name__}: {e}")
        results[q["id"]] = res
        if k % 50 == 0 or k == len(job["queries"]):
            log(f"  krokai: {k}/{len(job['queries'])} queries, {time.monotonic() - t_start:.0f} s")
    write_json(out, {"peer": "krokai", "prep_s": prep_s, "errors": errors, "notes": notes,
                     "results": results})


def write_json(path, obj):
    with open(path + ".tmp", "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False)
    os.replace(path + ".tmp", path)


def worker(peer, job_path, out):
    with open(job_path, encoding="utf-8") as f:
        job = json.load(f)
    if peer == "krokai":
        run_krokai(job, out)
    else:
        run_candidates(peer, job, out)


# ============================================================================================
# Driver side: system python, standard library.
# ============================================================================================

def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def ensure_venv(venv, peers):
    """Make the virtualenv and install the pinned peers one by one; return {peer: error or None}."""
    py = os.path.join(venv, "bin", "python")
    if not os.path.exists(py):
        log(f"peers: making virtualenv {venv}")
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    status = {}
    for peer in peers:
        req = PEERS[peer]
        marker = os.path.join(venv, "installed-" + req.replace("==", "-"))
        if os.path.exists(marker):
            status[peer] = None
            continue
        log(f"peers: pip install {req}")
        p = subprocess.run([py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", req],
                           capture_output=True, text=True)
        if p.returncode == 0:
            open(marker, "w").close()
            status[peer] = None
        else:
            status[peer] = "install failed: " + (p.stderr.strip().splitlines() or ["?"])[-1][:200]
    # text-matcher's NLTK stopwords, which NLTK would download from outside
    stop = os.path.join(CACHE, "nltk_data", "corpora", "stopwords", "english")
    if not os.path.exists(stop):
        os.makedirs(os.path.dirname(stop), exist_ok=True)
        with open(stop, "w", encoding="utf-8") as f:
            f.write("\n".join(NLTK_ENGLISH_STOPWORDS) + "\n")
    return status


def prepare_set(set_dir):
    """The set's files in quality's cache layout; prepared only if missing."""
    name = os.path.basename(set_dir.rstrip("/"))
    files = os.path.join(CACHE, name, "files")
    if not os.path.exists(os.path.join(files, "manifest.jsonl")):
        log(f"peers: preparing {name} into {files}")
        shutil.rmtree(files, ignore_errors=True)
        os.makedirs(files)
        p = subprocess.run([os.path.join(set_dir, "prepare"), files], capture_output=True, text=True)
        if p.returncode != 0:
            die(f"prepare {name} failed: {p.stderr.strip()[-500:]}")
    return name, files


def run_verbatim(binary, name, files, queries):
    work = os.path.join(CACHE, "peers", name)
    corpus = os.path.join(work, "corpus")
    shutil.rmtree(corpus, ignore_errors=True)
    os.makedirs(work, exist_ok=True)
    log(f"verbatim {name}: ingest")
    t0 = time.monotonic()
    p = subprocess.run([binary, "--corpus", corpus, "ingest", "--manifest",
                        os.path.join(files, "manifest.jsonl")], cwd=files, capture_output=True, text=True)
    ingest_s = time.monotonic() - t0
    if p.returncode != 0:
        die(f"verbatim ingest failed ({p.returncode}): {p.stderr.strip()[-800:]}")
    batch = os.path.join(work, "queries.jsonl")
    with open(batch, "w", encoding="utf-8") as f:
        for q in queries:
            line = {"id": q["id"], "quote": q["quote"]}
            if q.get("speaker"):
                line["speaker"] = q["speaker"]
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    log(f"verbatim {name}: find --batch ({len(queries)} queries)")
    t0 = time.monotonic()
    p = subprocess.run([binary, "--corpus", corpus, "find", "--jsonl", "--batch", batch],
                       cwd=files, capture_output=True, text=True)
    find_s = time.monotonic() - t0
    if p.returncode != 0:
        die(f"verbatim find failed ({p.returncode}): {p.stderr.strip()[-800:]}")
    answers = {}
    for line in p.stdout.splitlines():
        if line.strip():
            a = json.loads(line)
            answers[str(a.get("id"))] = a
    own_ms = all(isinstance(a.get("ms"), (int, float)) for a in answers.values()) and answers
    results = {}
    for q in queries:
        a = answers.get(str(q["id"]), {})
        results[q["id"]] = {
            "ms": a["ms"] if own_ms else 1000 * find_s / len(queries),
            "verdict": a.get("verdict"),
            "matches": [{k: m.get(k) for k in ("source", "start", "end")} for m in (a.get("matches") or [])[:1]],
            "timed_out": False,
        }
    notes = [f"whole corpus; ingest {ingest_s:.1f} s"]
    notes.append(f"ms: the binary's own per-query time (batch wall time {find_s:.2f} s)" if own_ms else
                 f"no per-query ms in the answers: batch wall time / queries ({find_s:.1f} s / {len(queries)}), "
                 "process start and corpus open included")
    shutil.rmtree(corpus, ignore_errors=True)
    return {"prep_s": ingest_s, "results": results, "notes": notes, "errors": [],
            "own_ms": bool(own_ms), "find_s": find_s}


def candidates_for(q, docs):
    """Gold source + 9 random others (or 10 random for not_found), shuffled: seeded by the query id."""
    rng = random.Random(str(q["id"]))
    gold = (q["expect"].get("source") or "").split("#", 1)[0]
    if gold and gold in docs:
        others = [d for d in docs if d != gold]
        cands = [gold] + rng.sample(others, min(CANDIDATES - 1, len(others)))
    else:
        cands = rng.sample(docs, min(CANDIDATES, len(docs)))
    rng.shuffle(cands)
    return cands


def run_peer(peer, venv, name, files, queries, docs, timeout):
    work = os.path.join(CACHE, "peers", name)
    os.makedirs(work, exist_ok=True)
    job = {"files": files, "timeout": timeout,
           "queries": [{"id": q["id"], "quote": q["quote"],
                        "candidates": [] if peer == "krokai" else candidates_for(q, docs)}
                       for q in queries]}
    job_path = os.path.join(work, f"job-{peer}.json")
    out = os.path.join(work, f"out-{peer}.json")
    write_json(job_path, job)
    if os.path.exists(out):
        os.remove(out)
    env = dict(os.environ, NLTK_DATA=os.path.join(CACHE, "nltk_data"), PYTHONUNBUFFERED="1")
    log(f"{peer} {name}: {len(queries)} queries")
    t0 = time.monotonic()
    p = subprocess.run([os.path.join(venv, "bin", "python"), os.path.abspath(__file__),
                        "--worker", peer, job_path, out], env=env, stdout=subprocess.DEVNULL)
    if p.returncode != 0 or not os.path.exists(out):
        return {"error": f"worker exited {p.returncode}"}
    with open(out, encoding="utf-8") as f:
        res = json.load(f)
    log(f"{peer} {name}: done in {time.monotonic() - t0:.0f} s")
    notes = list(res.get("notes") or [])
    if peer != "krokai":
        notes.append("searches 10 candidate documents incl. the gold one (favoured)"
                     if len(docs) > CANDIDATES else f"searches all {len(docs)} document(s)")
    n_to = sum(r["timed_out"] for r in res["results"].values())
    if n_to:
        notes.append(f"{n_to} queries timed out at {timeout:g} s")
    if res["errors"]:
        notes.append(f"{len(res['errors'])} errors, e.g. {res['errors'][0][:120]}")
    res["notes"] = notes
    return res


# --- scoring, as ../shared/bench/quality does ------------------------------------------------

def same_source(got, want):
    if not got or not want:
        return False
    got = got.split("#", 1)[0].replace("\\", "/")
    return got == want or got.endswith("/" + want)


def golds(expect):
    return [expect] + list(expect.get("alternates") or [])


def hit(match, expect):
    try:
        m0, m1 = int(match["start"]), int(match["end"])
    except (KeyError, TypeError, ValueError):
        return False
    for g in golds(expect):
        if same_source(match.get("source"), g.get("source")):
            if max(0, min(m1, g["end"]) - max(m0, g["start"])) * 2 >= g["end"] - g["start"]:
                return True
    return False


def percentile(values, p):
    """Nearest rank."""
    v = sorted(values)
    return v[max(0, math.ceil(p * len(v)) - 1)] if v else None


def score(system, queries, res, has_spans=True, has_verdicts=False, false_found_by_match=True):
    pos = found = src = verdict_ok = neg = false = 0
    kinds = {}                                  # kind -> [queries with source, found@1 hits]
    for q in queries:
        r = res["results"].get(q["id"]) or {"matches": []}
        best = (r.get("matches") or [None])[0]
        want = q["expect"]
        if want["verdict"] == "not_found":
            neg += 1
            if has_verdicts:
                false += r.get("verdict") not in ("not_found", "paraphrase")
            else:
                false += best is not None
        else:
            pos += 1
            ok = bool(best) and hit(best, want)
            found += ok
            k = kinds.setdefault(q.get("kind", "?"), [0, 0])
            k[0] += 1
            k[1] += ok
            src += bool(best) and any(same_source(best.get("source"), g.get("source")) for g in golds(want))
        verdict_ok += has_verdicts and r.get("verdict") == want["verdict"]
    ms = [r["ms"] for r in res["results"].values()]
    ratio = lambda a, b: round(a / b, 3) if b else None
    return {
        "system": system, "n": len(queries), "positives": pos, "negatives": neg,
        "found_at_1": ratio(found, pos) if has_spans else None,
        "source_at_1": ratio(src, pos),
        "verdict_accuracy": ratio(verdict_ok, len(queries)) if has_verdicts else None,
        "false_found": ratio(false, neg) if false_found_by_match is not None else None,
        "median_ms": percentile(ms, 0.5), "p99_ms": percentile(ms, 0.99),
        "prep_s": round(res.get("prep_s") or 0.0, 2),
        "notes": res.get("notes") or [],
        "found_at_1_by_kind": {k: round(h / n, 3) for k, (n, h) in sorted(kinds.items())} if has_spans else None,
    }


def fmt(x, digits=3):
    if x is None:
        return "—"
    return f"{x:.{digits}f}" if isinstance(x, float) else str(x)


def fmt_ms(x):
    if x is None:
        return "—"
    return f"{x:.2f}" if x < 10 else f"{x:.0f}"


def fmt_ratio(x):
    if x is None:
        return "—"
    return f"{x:.2f}" if x < 10 else f"{x:.0f}"


def table(rows):
    out = ["| system | set | queries (with source) | found@1 | source@1 | verdict acc. | false-found "
           "| median ms | p99 ms | speed ratio | prep s | notes |",
           "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        if r.get("error"):
            out.append(f"| {r['system']} | {r['set']} | {r.get('n', '—')} | n/a | n/a | n/a | n/a | n/a "
                       f"| n/a | n/a | n/a | {r['error']} |")
            continue
        found = fmt(r["found_at_1"]) if r["found_at_1"] is not None else (
            "n/a" if r["system"] == "krokai" else "—")
        out.append(
            f"| {r['system']} | {r['set']} | {r['n']} ({r['positives']}) | {found} | {fmt(r['source_at_1'])} "
            f"| {fmt(r['verdict_accuracy'])} | {fmt(r['false_found'])} | {fmt_ms(r['median_ms'])} "
            f"| {fmt_ms(r['p99_ms'])} | {fmt_ratio(r['speed_ratio'])} "
            f"| {r['prep_s']:.1f} | {'; '.join(r['notes'])} |")
    return "\n".join(out)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(*sys.argv[2:5])
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", nargs="+", default=["seed", "speeches"],
                    help="set names under ../shared/bench/sets, or set folders")
    ap.add_argument("--bin", default=os.environ.get("VERBATIM_BIN", os.path.join(ROOT, "target", "release", "verbatim")))
    ap.add_argument("--limit", type=int, help="only the first N queries of each set")
    ap.add_argument("--peers", nargs="*", default=list(PEERS), choices=list(PEERS),
                    help="peers to run (none: verbatim only)")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds of search per query for a peer")
    ap.add_argument("--venv", default=os.path.join(CACHE, "venv-peers"))
    ap.add_argument("--out", default=os.path.join(CACHE, "peers.json"))
    args = ap.parse_args()

    binary = os.path.abspath(args.bin)
    if not os.access(binary, os.X_OK):
        die(f"no executable at {binary}: build it first (cargo build --release)")
    install = ensure_venv(args.venv, args.peers)

    rows = []
    for s in args.sets:
        set_dir = s if os.path.isdir(s) else os.path.join(SETS, s)
        if not os.path.exists(os.path.join(set_dir, "queries.jsonl")):
            die(f"no query set at {set_dir}")
        name, files = prepare_set(set_dir)
        queries = load_jsonl(os.path.join(set_dir, "queries.jsonl"))[: args.limit]
        docs = sorted(m["path"] for m in load_jsonl(os.path.join(files, "manifest.jsonl")))

        v = run_verbatim(binary, name, files, queries)
        base = score("verbatim", queries, v, has_verdicts=True)
        base["notes"] = v["notes"]
        base["ms_source"] = "engine" if v["own_ms"] else "batch wall time / queries"
        set_rows = [base]
        for peer in args.peers:
            if install.get(peer):
                set_rows.append({"system": peer, "set": name, "n": len(queries), "error": install[peer]})
                continue
            res = run_peer(peer, args.venv, name, files, queries, docs, args.timeout)
            if res.get("error"):
                set_rows.append({"system": peer, "set": name, "n": len(queries), "error": res["error"]})
                continue
            row = score(peer, queries, res, has_spans=peer != "krokai", has_verdicts=peer == "krokai",
                        false_found_by_match=None if peer == "rapidfuzz" else True)
            if peer == "krokai":
                row["notes"] = ["no span in its answer: found@1 n/a, source@1 only",
                                "whole corpus", "verdicts mapped to verbatim's"] + row["notes"]
            set_rows.append(row)
        for r in set_rows:
            r["set"] = name
            if not r.get("error"):
                r["speed_ratio"] = (round(r["median_ms"] / base["median_ms"], 3)
                                    if base["median_ms"] else None)
        rows += set_rows

    md = table(rows)
    print(md)
    print("\nspeed ratio = the system's median ms / verbatim's median ms on the same set. "
          "Peers other than krokai search only 10 candidate documents per query, the gold one "
          "among them (favoured); verbatim and krokai search the whole corpus.")
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    write_json(args.out, {"generated": time.strftime("%Y-%m-%d %H:%M:%S"), "binary": binary,
                          "limit": args.limit, "timeout_s": args.timeout,
                          "peer_versions": {p: PEERS[p] for p in args.peers}, "rows": rows,
                          "markdown": md})
    log(f"peers: wrote {args.out}")


if __name__ == "__main__":
    main()
