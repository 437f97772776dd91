"""verbatim: find where a quotation really comes from.

Give it a quotation as people pass it around (shortened with "...", re-cased,
a word changed, credited to someone) and it returns the source passage with
byte offsets, who said it and when, how the quotation differs from the source
(verbatim, normalized, elided, spliced, altered), what each ellipsis hides,
and whether the credit is right (attributed, misattributed, quoted_by,
unknown).

    >>> import verbatim
    >>> corpus = verbatim.Corpus("corpus/")
    >>> corpus.ingest(["speeches/"], manifest="manifest.jsonl")
    >>> ans = corpus.find("ask not what your country can do for you", speaker="Kennedy")
    >>> ans.verdict, ans.credit, ans.matches[0].start

The engine is the one the ``verbatim`` command runs; this package converts
its answers to Python objects. Work runs without the GIL, and
:meth:`Corpus.find_many` answers a batch on every core.

Errors: the caller's input at fault (a missing file, a bad manifest line, a
quotation with no words, a folder with no corpus) raises ``ValueError`` with
the command line's message, naming the file and line; a corpus that cannot
be read or written raises :class:`CorpusError`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Iterable, Optional, Union

from ._verbatim import Corpus as _NativeCorpus
from ._verbatim import CorpusError, __version__

__all__ = [
    "Corpus",
    "CorpusError",
    "Answer",
    "Match",
    "Omission",
    "Edit",
    "Flag",
    "Witness",
    "Chain",
    "Quotation",
    "CheckedDocument",
    "__version__",
]

PathLike = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class Omission:
    """The source text one elision mark ("...") hides, with its byte range."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Edit:
    """One difference between the quotation and its source.

    ``op`` is ``changed`` (``quote`` stands where the source has ``source``),
    ``added`` (``quote`` is not in the source), ``omitted`` (``source``
    words left out without a mark) or ``editorial`` (an editor's square
    brackets, ``[t]he``, ``[the President]``, ``[sic]``, standing for the
    ``source`` words when any). Offsets are the source's, when known.
    """

    op: str
    quote: Optional[str] = None
    source: Optional[str] = None
    start: Optional[int] = None
    end: Optional[int] = None


@dataclass(frozen=True)
class Flag:
    """A reason to read a match with care: the quotation may say what its
    source does not.

    ``kind`` is ``cut_before_limit`` (the source's sentence goes on with a
    limiting clause), ``cut_after_limit`` (it starts after words that
    reverse or limit it), ``elision_hides_limit`` (a cut hides a negation,
    condition, exception or quantifier), ``negation_changed`` (a negation
    added or dropped) or ``reported_speech`` (the source gives the words as
    someone else's). ``words`` are the source words that show it, at byte
    offsets ``start``/``end`` of the source text.
    """

    kind: str
    words: str
    start: int
    end: int


@dataclass(frozen=True)
class Match:
    """A place in the corpus where the quotation's words stand.

    ``start``/``end`` are byte offsets into the source's text, and ``text``
    is that slice. ``owner`` is whose words they are according to this source
    (``owner_from`` says how that was found).
    """

    source_id: int
    source: str
    title: Optional[str]
    speaker: Optional[str]
    date: Optional[str]
    kind: str
    start: int
    end: int
    text: str
    score: float
    verdict: str
    omitted: list[Omission]
    edits: list[Edit]
    owner: Optional[str]
    owner_from: str
    owner_via: Optional[str]
    standing: str
    not_by: Optional[str]
    nested: Optional[dict[str, Any]]
    primary: bool
    context: list[Flag] = field(default_factory=list)
    part: Optional[tuple[int, int]] = None
    """For a quotation spliced from separate places: the byte range of the
    quotation that this match places."""
    reuse: Optional[dict[str, Any]] = None
    """The reuse cluster holding these words once `verbatim reuse` has run:
    ``{"cluster", "size", "boilerplate", "chain": [...]}``, the chain from
    the cluster's origin to this source."""

    @classmethod
    def _from(cls, d: dict[str, Any]) -> "Match":
        return cls(
            source_id=d["source_id"],
            source=d["source"],
            title=d.get("title"),
            speaker=d.get("speaker"),
            date=d.get("date"),
            kind=d["kind"],
            start=d["start"],
            end=d["end"],
            text=d["text"],
            score=d["score"],
            verdict=d["verdict"],
            omitted=[Omission(**o) for o in d.get("omitted", [])],
            edits=[Edit(**e) for e in d.get("edits", [])],
            owner=d.get("owner"),
            owner_from=d.get("owner_from", ""),
            owner_via=d.get("owner_via"),
            standing=d.get("standing", ""),
            not_by=d.get("not_by"),
            nested=d.get("nested"),
            primary=bool(d.get("primary")),
            context=[Flag(**f) for f in d.get("context", [])],
            part=(d["part"]["start"], d["part"]["end"]) if d.get("part") else None,
            reuse=d.get("reuse"),
        )


@dataclass(frozen=True)
class Witness:
    """One source that gives the words, with its role in the chain:
    ``origin``, ``repeats``, ``quoter``, ``collection`` or ``debunk``."""

    source_id: int
    source: str
    start: int
    end: int
    date: Optional[str]
    speaker: Optional[str]
    role: str
    inner: Optional[str]
    evidence: Optional[str]


@dataclass(frozen=True)
class Chain:
    """Every witness of the words, earliest first, and whose words they are."""

    origin: Optional[str] = None
    origin_from: Optional[str] = None
    witnesses: list[Witness] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)

    @classmethod
    def _from(cls, d: Optional[dict[str, Any]]) -> "Chain":
        if not d:
            return cls()
        return cls(
            origin=d.get("origin"),
            origin_from=d.get("origin_from"),
            witnesses=[Witness(**w) for w in d.get("witnesses", [])],
            ambiguous=list(d.get("ambiguous", [])),
        )


@dataclass(frozen=True)
class Answer:
    """The answer for one quotation.

    ``verdict``: verbatim, normalized, elided, spliced, altered or not_found.
    ``credit`` (when a speaker was given): attributed, misattributed,
    quoted_by or unknown; ``credit_to`` names whose words they are (for
    misattributed) or whom the speaker quoted (for quoted_by). ``matches``
    are best first. :meth:`to_dict` gives the command line's JSON form.
    """

    verdict: str
    credit: Optional[str]
    credit_to: Optional[str]
    matches: list[Match]
    chain: Chain
    _raw: dict[str, Any] = field(repr=False, compare=False)

    @classmethod
    def _from(cls, d: dict[str, Any]) -> "Answer":
        return cls(
            verdict=d["verdict"],
            credit=d.get("credit"),
            credit_to=d.get("credit_to"),
            matches=[Match._from(m) for m in d.get("matches", [])],
            chain=Chain._from(d.get("chain")),
            _raw=d,
        )

    def to_dict(self) -> dict[str, Any]:
        """The answer as ``verbatim find --json`` prints it."""
        return self._raw


@dataclass(frozen=True)
class Quotation:
    """A quotation in a checked document: its byte range in the document's
    text (and line and column), the speaker the document gives it, and its
    answer (None when it is too short to look up)."""

    start: int
    end: int
    line: int
    column: int
    text: str
    speaker: Optional[str]
    mention: Optional[dict[str, Any]]
    cue: Optional[dict[str, Any]]
    flagged: bool
    answer: Optional[Answer]

    @classmethod
    def _from(cls, d: dict[str, Any]) -> "Quotation":
        a = d.get("answer")
        return cls(
            start=d["start"],
            end=d["end"],
            line=d["line"],
            column=d["column"],
            text=d["text"],
            speaker=d.get("speaker"),
            mention=d.get("mention"),
            cue=d.get("cue"),
            flagged=bool(d.get("flagged")),
            answer=Answer._from(a) if a is not None else None,
        )


@dataclass(frozen=True)
class CheckedDocument:
    """A checked document: ``kind`` is "prose" (quotations found in running
    text) or "page" (a quote page's own entries); offsets refer to ``text``
    (for HTML, the text of the page); ``flagged`` counts the quotations that
    are altered, spliced or misattributed."""

    kind: str
    text: str
    quotations: list[Quotation]
    flagged: int


def _speaker(s: Any) -> Optional[str]:
    """A speaker cell as the engine takes it: a non-empty string, else None
    (so that pandas' NaN and None both mean "no speaker")."""
    if isinstance(s, str) and s.strip():
        return s
    return None


class Corpus:
    """A corpus folder: ingest into it, and ask it where quotations come from.

    ``Corpus(path)`` opens the corpus in ``path`` (made on the first ingest);
    ``Corpus()`` opens the default folder, the one the ``verbatim`` command
    uses: ``$VERBATIM_CORPUS``, else ``~/.local/share/verbatim/corpus`` on
    Linux. A Corpus may be shared between threads.
    """

    def __init__(self, path: Optional[PathLike] = None) -> None:
        self._native = _NativeCorpus(os.fspath(path) if path is not None else None)

    @property
    def path(self) -> str:
        """The corpus folder."""
        return os.fspath(self._native.path)

    def __repr__(self) -> str:
        return f"verbatim.Corpus({self.path!r})"

    def ingest(
        self,
        paths: Union[PathLike, Iterable[PathLike]] = (),
        manifest: Optional[PathLike] = None,
        format: Optional[str] = None,
        commit_mb: float = 256.0,
    ) -> dict[str, Any]:
        """Reads files and folders (recursively) and a manifest's files into
        the corpus, and returns what was done (files, sources new, replaced
        and unchanged, quotations read, warnings, the corpus's counts).

        ``manifest`` is a JSON Lines file, one ``{"path", "speaker", "date",
        "title", "format", ...}`` a line, paths relative to it. ``format``
        forces a reader (``text``, ``wikiquote-text``, ``wikitext``, ``dump``,
        ``fortune``, ``json``, ``jsonl``). Ingesting the same files again
        changes nothing. A bad file raises ValueError naming it (and the
        line); what was committed before it stays.
        """
        if isinstance(paths, (str, os.PathLike)):
            paths = [paths]
        return self._native.ingest(
            [os.fspath(p) for p in paths],
            os.fspath(manifest) if manifest is not None else None,
            format,
            commit_mb,
        )

    def find(self, quote: str, speaker: Optional[str] = None) -> Answer:
        """Where ``quote`` comes from and how it differs from its source;
        with ``speaker``, whether the credit is right."""
        return Answer._from(self._native.find(quote, _speaker(speaker)))

    def verify(self, quote: str, speaker: str) -> Answer:
        """Whether ``speaker`` said ``quote``: :meth:`find` with a speaker."""
        if _speaker(speaker) is None:
            raise ValueError("verify needs a speaker")
        return self.find(quote, speaker)

    def find_many(
        self,
        quotes: Iterable[str],
        speakers: Optional[Iterable[Any]] = None,
        *,
        full: bool = False,
    ) -> list[dict[str, Any]]:
        """Answers many quotations at once, on every core, in input order.

        ``quotes`` and ``speakers`` may be lists or pandas Series (a missing
        speaker is None or NaN). Returns one record per quotation, flat, for
        ``pandas.DataFrame(records)``: quote, speaker, verdict, credit,
        credit_to, and the best match's source, title, source_speaker, date,
        start, end, text, score and omitted (the texts the ellipses hide),
        with ``error`` for a quotation that cannot be looked up and ``ms``,
        the engine's time. With ``full=True`` each record is instead the
        answer in the command line's JSON form (as ``verbatim find --batch``
        prints it, with ``ms``).
        """
        qs = [str(q) for q in quotes]
        sp = [_speaker(s) for s in speakers] if speakers is not None else []
        if sp and len(sp) != len(qs):
            raise ValueError(f"{len(qs)} quotations but {len(sp)} speakers")
        answers = self._native.find_many(qs, sp)
        if full:
            return answers
        out = []
        for k, a in enumerate(answers):
            best = a["matches"][0] if a.get("matches") else {}
            out.append(
                {
                    "quote": qs[k],
                    "speaker": sp[k] if sp else None,
                    "verdict": a.get("verdict"),
                    "credit": a.get("credit"),
                    "credit_to": a.get("credit_to"),
                    "source": best.get("source"),
                    "title": best.get("title"),
                    "source_speaker": best.get("speaker"),
                    "date": best.get("date"),
                    "start": best.get("start"),
                    "end": best.get("end"),
                    "text": best.get("text"),
                    "score": best.get("score"),
                    "omitted": [o["text"] for o in best.get("omitted", [])],
                    "error": a.get("error"),
                    "ms": a.get("ms"),
                }
            )
        return out

    def check(self, text: str, format: Optional[str] = None) -> CheckedDocument:
        """Every quotation in a document (plain text, Markdown, HTML, or a
        quote page), the speaker the document gives it, and its answer
        against the corpus. A quotation is never its own witness."""
        d = self._native.check(text, format)
        return CheckedDocument(
            kind=d["kind"],
            text=d["text"],
            quotations=[Quotation._from(q) for q in d["quotations"]],
            flagged=d["flagged"],
        )

    def stats(self) -> dict[str, int]:
        """Counts and sizes: sources, quotations, passages, bytes of text,
        of the record and of the index."""
        return self._native.stats()

