"""The Python package on the demo corpus: the same answers as the command
line, errors as Python exceptions with the command line's messages, and
work done without the GIL."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import threading

import pytest

import verbatim
from conftest import REPO

PUTIN = (
    "With NATO’s eastward expansion... We cannot stay idle and passively observe these developments. "
    "This would be an absolutely irresponsible thing to do for us."
)


def test_elided_lead_quote_resolves_to_the_speech(corpus: verbatim.Corpus, demo: pathlib.Path) -> None:
    ans = corpus.find(PUTIN, speaker="Vladimir Putin")
    assert ans.verdict == "elided"
    assert ans.credit == "attributed"
    best = ans.matches[0]
    # the offsets slice the file to the reported text (bytes, as everywhere)
    page = (demo / "wikiquote" / "russia-nato-relations.txt").read_bytes()
    assert page[best.start : best.end].decode() == best.text
    assert page.index("(Full text)".encode()) < best.start, "the primary source, not the lead quote"
    assert "the situation for Russia has been becoming worse" in best.omitted[0].text
    assert ans.chain.origin == "Vladimir Putin"
    assert ans.to_dict()["verdict"] == "elided"


def test_verdicts_and_credits_on_the_inaugural_addresses(corpus: verbatim.Corpus) -> None:
    cases = [
        ("ask not what your country can do for you", None, "verbatim", None),
        ("ASK NOT WHAT YOUR COUNTRY CAN DO FOR YOU", "Kennedy", "normalized", "attributed"),
        ("the only thing we have to fear is fear itself", "Abraham Lincoln", "verbatim", "misattributed"),
        ("We are not enemies... We must not be enemies.", None, "elided", None),
        ("We are not enemies, but good friends. We must not be enemies.", None, "altered", None),
        ("The quick brown fox jumps over the lazy dog near the riverbank today.", "Kennedy", "not_found", "unknown"),
    ]
    for quote, who, verdict, credit in cases:
        ans = corpus.find(quote, speaker=who)
        assert (ans.verdict, ans.credit) == (verdict, credit), quote
    fear = corpus.verify("the only thing we have to fear is fear itself", "Abraham Lincoln")
    assert fear.credit_to == "Franklin D. Roosevelt"
    assert fear.matches[0].date == "1933-03-04"
    altered = corpus.find("We are not enemies, but good friends. We must not be enemies.")
    assert [e.op for e in altered.matches[0].edits] == ["added"]


def test_context_flags_name_the_source_words_that_show_them(corpus: verbatim.Corpus, demo: pathlib.Path) -> None:
    ans = corpus.find("In doing this there needs to be no bloodshed or violence, and there shall be none")
    best = ans.matches[0]
    assert ans.verdict == "verbatim"
    assert [f.kind for f in best.context] == ["cut_before_limit"]
    flag = best.context[0]
    assert flag.words == "unless it be forced upon the national authority"
    speech = (demo / "speeches" / "inaugural" / "1861-Lincoln.txt").read_bytes()
    assert speech[flag.start : flag.end].decode() == flag.words
    whole = corpus.find("Self-government can succeed only through an instructed electorate")
    assert whole.matches[0].context == []
    spliced = corpus.find(
        "In doing this there needs to be no bloodshed or violence. "
        "Self-government can succeed only through an instructed electorate."
    )
    assert spliced.verdict == "spliced"
    assert [m.part is not None for m in spliced.matches[:2]] == [True, True]


def test_a_later_president_quoting_an_earlier_one(corpus: verbatim.Corpus) -> None:
    q = "preservation of the General Government in its whole constitutional vigor, as the sheet anchor of our peace at home and safety abroad"
    ans = corpus.find(q, speaker="James K. Polk")
    assert ans.credit == "quoted_by"
    assert ans.credit_to == "Thomas Jefferson"
    assert [w.role for w in ans.chain.witnesses][:2] == ["origin", "quoter"]


def test_find_many_gives_find_s_answers_in_order(corpus: verbatim.Corpus) -> None:
    quotes = [
        "ask not what your country can do for you",
        "...",
        "the only thing we have to fear is fear itself",
        PUTIN,
    ] * 25
    # a missing speaker may come as None or as NaN (a pandas cell)
    speakers = [None, None, "Abraham Lincoln", float("nan")] * 25
    full = corpus.find_many(quotes, speakers, full=True)
    assert len(full) == len(quotes)
    for k in range(4):
        got = dict(full[k])
        assert got.pop("ms") >= 0
        if k == 1:
            assert got == {"verdict": "not_found", "error": "the quotation has no words", "matches": []}
            continue
        sp = speakers[k] if isinstance(speakers[k], str) else None
        assert got == corpus.find(quotes[k], sp).to_dict()
    flat = corpus.find_many(quotes, speakers)
    assert set(flat[2]) >= {"quote", "speaker", "verdict", "credit", "source", "start", "end", "omitted", "error"}
    assert flat[2]["credit"] == "misattributed" and flat[2]["credit_to"] == "Franklin D. Roosevelt"
    assert flat[3]["speaker"] is None and flat[3]["verdict"] == "elided"
    assert "the situation for Russia" in flat[3]["omitted"][0]
    assert flat[1]["error"] == "the quotation has no words"
    assert corpus.find_many([]) == []
    with pytest.raises(ValueError, match="2 quotations but 1 speakers"):
        corpus.find_many(["a b c", "d e f"], ["X"])


def test_check_a_document(corpus: verbatim.Corpus) -> None:
    article = (
        "At his first inauguration Franklin D. Roosevelt said: \u201cThe only thing we have to fear is fear itself.\u201d\n\n"
        "Abraham Lincoln said, \u201cAsk not what your country can do for you; ask what you can do for your country.\u201d\n\n"
        "\u201cWe are not enemies, but good friends,\u201d Lincoln told the South.\n"
    )
    doc = corpus.check(article)
    assert doc.kind == "prose"
    by_text = {q.text.split()[0].strip("\u201c"): q for q in doc.quotations}
    fear, ask, enemies = by_text["The"], by_text["Ask"], by_text["We"]
    assert fear.speaker == "Franklin D. Roosevelt" and fear.answer.credit == "attributed" and not fear.flagged
    assert ask.speaker == "Abraham Lincoln" and ask.answer.credit == "misattributed" and ask.flagged
    assert ask.answer.credit_to == "John F. Kennedy"
    assert enemies.answer.verdict == "altered" and enemies.flagged
    assert doc.flagged == 2
    assert article.encode()[: fear.start].count(b"\n") + 1 == fear.line == 1
    # offsets are bytes of the document's text, as everywhere in verbatim
    assert doc.text.encode()[fear.start : fear.end].decode() == fear.text


def test_stats_and_a_second_ingest_changing_nothing(corpus: verbatim.Corpus, demo: pathlib.Path) -> None:
    s = corpus.stats()
    assert s["sources"] == 61 and s["passages"] > 0
    again = corpus.ingest(manifest=demo / "manifest.jsonl")
    assert (again["new"], again["unchanged"]) == (0, 61)
    assert any("2005-Bush.txt" in w and "UTF-8" in w for w in again["warnings"])


def test_bad_input_is_a_value_error_naming_file_and_line(tmp_path: pathlib.Path, demo: pathlib.Path) -> None:
    c = verbatim.Corpus(tmp_path / "c")
    with pytest.raises(ValueError, match="no corpus here"):
        c.find("ask not what your country can do for you")
    with pytest.raises(ValueError, match="nope.txt"):
        c.ingest([tmp_path / "nope.txt"])
    assert not (tmp_path / "c").exists(), "nothing is written for a missing file"
    c.ingest(demo / "speeches" / "inaugural" / "1961-Kennedy.txt")
    before = c.stats()
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text('{"path": "a.txt"}\n{"path": \n')
    (tmp_path / "a.txt").write_text("Some words.")
    with pytest.raises(ValueError, match=r"manifest\.jsonl:2"):
        c.ingest(manifest=manifest)
    bad = tmp_path / "bad.json"
    bad.write_text('[{"text": ')
    with pytest.raises(ValueError, match="bad.json"):
        c.ingest([bad])
    assert c.stats() == before, "a bad file keeps what was stored"
    with pytest.raises(ValueError, match="no words"):
        c.find("... !!")
    with pytest.raises(ValueError, match="unknown format"):
        c.ingest([bad], format="pdf")
    with pytest.raises(ValueError, match="verify needs a speaker"):
        c.verify("ask not", "")


def test_a_corpus_that_cannot_be_written_is_a_corpus_error(tmp_path: pathlib.Path, demo: pathlib.Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    c = verbatim.Corpus(blocker / "corpus")
    with pytest.raises(verbatim.CorpusError):
        c.ingest(demo / "speeches" / "inaugural" / "1961-Kennedy.txt")
    assert issubclass(verbatim.CorpusError, RuntimeError)


def test_the_default_folder_is_the_command_line_s(tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("VERBATIM_CORPUS", str(tmp_path / "default"))
    assert verbatim.Corpus().path == str(tmp_path / "default")


def test_work_runs_without_the_gil(corpus: verbatim.Corpus) -> None:
    quotes = ["We are not enemies... We must not be enemies.", PUTIN] * 400
    done = threading.Event()
    result: list[object] = []

    def work() -> None:
        result.append(corpus.find_many(quotes))
        done.set()

    t = threading.Thread(target=work)
    t.start()
    # this thread keeps running Python while the batch is in the engine
    ticks = 0
    while not done.is_set():
        ticks += 1
    t.join()
    assert len(result[0]) == len(quotes)
    assert ticks > 10_000, f"the main thread ran {ticks} loops while the batch ran"


def _binary() -> pathlib.Path:
    for p in [os.environ.get("VERBATIM_BIN"), REPO / "target" / "release" / "verbatim", REPO / "target" / "debug" / "verbatim"]:
        if p and pathlib.Path(p).is_file():
            return pathlib.Path(p)
    pytest.fail("no verbatim binary: run `cargo build --release` (or set VERBATIM_BIN)")


def test_the_same_answers_as_the_command_line(corpus: verbatim.Corpus, tmp_path: pathlib.Path) -> None:
    queries = [
        {"id": 0, "quote": PUTIN, "speaker": "Vladimir Putin"},
        {"id": 1, "quote": "the only thing we have to fear is fear itself", "speaker": "Abraham Lincoln"},
        {"id": 2, "quote": "We are not enemies, but friends. Though passion may have strained"},
        {"id": 3, "quote": "a riddle wrapped in a mystery inside an enigma", "speaker": "Simon Jenkins"},
    ]
    batch = tmp_path / "q.jsonl"
    batch.write_text("".join(json.dumps(q) + "\n" for q in queries))
    out = subprocess.run(
        [_binary(), "--corpus", corpus.path, "find", "--jsonl", "--batch", batch],
        check=True, capture_output=True, text=True,
    ).stdout
    cli = [json.loads(line) for line in out.splitlines()]
    py = corpus.find_many([q["quote"] for q in queries], [q.get("speaker") for q in queries], full=True)
    for c, p in zip(cli, py):
        c.pop("id"), c.pop("ms"), p.pop("ms")
        assert c == p


def test_a_dataframe_in_and_a_dataframe_out(corpus: verbatim.Corpus) -> None:
    pd = pytest.importorskip("pandas", reason="pandas is not installed (pip install pandas)")
    sheet = pd.DataFrame(
        {
            "quote": ["ask not what your country can do for you", "the only thing we have to fear is fear itself", PUTIN],
            "speaker": [None, "Abraham Lincoln", "Vladimir Putin"],
        }
    )
    answers = pd.DataFrame(corpus.find_many(sheet["quote"], speakers=sheet["speaker"]))
    assert list(answers["verdict"]) == ["verbatim", "verbatim", "elided"]
    assert list(answers["credit"])[1:] == ["misattributed", "attributed"]
    assert answers.loc[1, "credit_to"] == "Franklin D. Roosevelt"
    assert answers.loc[0, "source"] == "speeches/inaugural/1961-Kennedy.txt"
