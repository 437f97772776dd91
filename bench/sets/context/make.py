#!/usr/bin/env python3
"""make.py FULLDIR -- build the `context` query set from real passages.

FULLDIR holds the shared `speeches` and `ungdc` corpora as their own
`prepare` scripts write them (FULLDIR/speeches/..., FULLDIR/ungdc/...); the
`prepare` beside this file makes it. This script writes, beside itself,
`queries.jsonl` (the queries and their gold) and `files.txt` (the documents
the corpus needs). It is deterministic: the same corpora give the same set.

The gold is made by construction, never by asking the engine: each query is
cut from a real sentence by a rule of this file (cut before a limiting
clause, start after a negating frame, elide a negation, insert "not", ...),
and the rule says which flag the query must raise. Every flagged kind has as
many controls made the same way from sentences where the cut, the elision or
the change touches nothing material; a control's gold is no flag at all.
The word lists below are this file's own, written from the definitions in
METHOD.md, not imported from the engine. See METHOD.md.
"""
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PER_KIND = 25          # queries per flagged kind, and as many controls
SEED = 20261130

# -- what counts as material, by the definitions in METHOD.md ------------------
NEGATIONS = {"not", "no", "never", "none", "nobody", "nothing", "nowhere", "neither", "nor", "cannot",
             "n't", "without"}
CONDITIONS = {"if", "unless", "provided", "providing", "whether", "until", "till", "except", "excepting",
              "save", "but", "although", "though", "however", "yet", "whereas"}
QUANTIFIERS = {"only", "some", "few", "fewer", "several", "many", "most", "mostly", "partly", "partially",
               "almost", "nearly", "hardly", "barely", "scarcely", "rarely", "seldom", "less", "least",
               "perhaps", "possibly", "probably", "maybe", "sometimes", "occasionally", "usually", "often",
               "generally", "all", "every", "each", "any", "much", "more", "than"}
FALSITY = {"false", "falsely", "untrue", "wrong", "wrongly", "mistaken", "myth", "lie", "lies", "illusion",
           "nonsense", "deny", "denies", "denied", "reject", "rejects", "doubt", "pretend"}
REPORTING = {"say", "says", "said", "claim", "claims", "claimed", "argue", "argues", "argued", "believe",
             "believes", "believed", "insist", "insists", "contend", "contends", "maintain", "maintains",
             "allege", "alleges", "suggest", "suggests", "think", "thinks", "thought", "told", "tell",
             "assert", "asserts", "charge", "charges", "warn", "warns", "declare", "declares", "hear", "heard"}
MATERIAL = NEGATIONS | CONDITIONS | QUANTIFIERS | FALSITY | REPORTING
AUX = {"is", "are", "was", "were", "will", "can", "must", "should", "would", "could", "has", "have", "does",
       "do", "shall", "may"}
ABBREV = {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "no", "gen", "gov", "sen", "rep", "prof", "rev", "hon",
          "vs", "co", "inc", "mt", "ft", "u.s", "u.n", "e.g", "i.e", "etc"}


def low(w):
    return re.sub(r"[^\w']", "", w.lower()).replace("\u2019", "'")


def words_of(s):
    return [low(w) for w in s.split()]


def is_material(w):
    w = low(w)
    return w in MATERIAL or w.endswith("n't") or w.endswith("n\u2019t") or any(c.isdigit() for c in w)


# -- documents and sentences ----------------------------------------------------
class Doc:
    def __init__(self, rel, raw):
        self.rel = rel
        self.text = raw.decode("utf-8")
        self.raw = raw
        self._prefix = None

    def byte(self, i):
        """Byte offset of character index i."""
        if self.text.isascii():
            return i
        return len(self.text[:i].encode("utf-8"))


def sentences(doc):
    """(start, end) character ranges of the sentences of each paragraph."""
    text = doc.text
    for para in re.finditer(r"(?:[^\n]|\n(?![ \t\r]*\n))+", text):
        p0, p = para.start(), para.group()
        start = 0
        for m in re.finditer(r"[.!?][\"\u201d\u2019]?(?=\s+[\"\u201c]?[A-Z])", p):
            before = re.search(r"(\S+)$", p[:m.start()])
            word = before.group(1).lower().strip("\"\u201c(") if before else ""
            if word in ABBREV or len(word) == 1:
                continue
            yield p0 + start + (len(p[start:]) - len(p[start:].lstrip())), p0 + m.end()
            start = m.end()
        rest = p[start:]
        if rest.strip():
            yield p0 + start + (len(rest) - len(rest.lstrip())), p0 + len(p.rstrip())


def clean(s):
    """A sentence as people paste it: one line, single spaces."""
    return " ".join(s.split())


GOOD = re.compile(r"^[A-Z][^\"\u201c\u201d()\[\]{}:;*_<>|#/\\]*[.!?]$")


def usable(doc, a, b, lo=12, hi=55):
    s = doc.text[a:b]
    if "-\n" in s or "-\r\n" in s or "\t" in s:
        return False
    c = clean(s)
    n = len(c.split())
    if doc.text.count(s) > 1:
        return False     # the same words twice in one document: the gold would be ambiguous
    # quotation marks inside would make the words someone else's
    return lo <= n <= hi and GOOD.match(c) is not None and "'" not in c.replace("'s ", "").replace("n't", "")


def span(doc, a, b, query, kind, verdict, flags, control=False, extra=None):
    q = {"id": None, "kind": kind, "quote": query,
         "expect": {"verdict": verdict, "source": doc.rel, "start": doc.byte(a), "end": doc.byte(b),
                    "context": sorted(flags)}}
    if control:
        q["control"] = True
    if extra:
        q["expect"].update(extra)
    return q


def word_spans(s, base):
    return [(base + m.start(), base + m.end()) for m in re.finditer(r"\S+", s)]


# -- the constructions ------------------------------------------------------------
LIMIT_AFTER = re.compile(r"(,? unless |,? except (?:when |where |for |in )|, but only |,? only if |,? only when |"
                         r",? provided that |,? as long as |,? so long as |,? until |, but |, although |, though |"
                         r", yet |, except )")
PLAIN_AFTER = re.compile(r"(, and (?!not |only |never |yet |then )| in the | of the | for the | to the | with the |"
                         r", which | from the | on the | by the )")


def cut_before(doc, a, b, limiting, pat=None):
    s = doc.text[a:b]
    pat = pat or (LIMIT_AFTER if limiting else PLAIN_AFTER)
    for m in pat.finditer(s):
        head = s[:m.start()]
        if len(head.split()) < 8 or re.search(r"[,;]\s*$", head):
            continue
        if not limiting and re.search(LIMIT_AFTER, s[m.start():m.start() + 40]):
            continue
        # the quotation ends at the last word before the clause
        e = a + len(head.rstrip(" ,;"))
        return a, e, clean(doc.text[a:e])
    return None


LIMIT_BEFORE = [
    r"It (?:is|was) (?:not true|false|untrue|wrong|a myth|not the case|a mistake|an illusion|nonsense|an error)"
    r" (?:to (?:say|think|believe|suggest|claim) )?that ",
    r"(?:No one|Nobody|No country|No nation|None of us) (?:can |could |should |would |will |may )?"
    r"(?:seriously |now |any longer )?(?:say|claim|argue|believe|pretend|maintain|suggest|imagine|think) that ",
    r"(?:I|We) (?:do not|don't|cannot|can not|did not|will not|could not|would not|should not) (?:believe|accept|"
    r"think|agree|say|claim|pretend|imagine) that ",
    r"If [^,;]{10,120}, ",
    r"Unless [^,;]{10,120}, ",
    r"Only (?:if|when) [^,;]{5,120}, ",
    r"Even if [^,;]{5,120}, ",
]
PLAIN_BEFORE = [r"(?:In|During|After|Since|Over|At|On|Throughout|Today|Now|Here|This year|Last year|In recent years)"
                r" [^,;]{3,80}, "]
REPORTED_BEFORE = [
    r"(?:Critics|Opponents|Skeptics|Sceptics|Some|Others|Many|They|People|Cynics|Some people|Some critics|"
    r"Many people|Some observers|Those who [a-z]+(?: [a-z]+)?) (?:have |will |would |may |might |often |still |"
    r"now |also )?(?:say|says|said|claim|claimed|argue|argued|believe|believed|insist|insisted|contend|"
    r"contended|maintain|maintained|allege|alleged|suggest|suggested|tell us|told us) that ",
    r"(?:[A-Z][a-z]+ )?(?:reject|rejects|rejected|accept|accepts|dismiss|dismisses|"
    r"share|shares|hear|heard) the (?:claim|notion|idea|argument|assertion|allegation|contention|"
    r"view|belief|assumption) that ",
    r"The (?:claim|notion|idea|argument|assertion|allegation|contention|view|belief|assumption) that ",
    r"We (?:are|were|have been) (?:often |constantly |sometimes |repeatedly )?told that ",
    r"It (?:is|has been|was|is often|has often been|is sometimes) (?:said|argued|claimed|alleged|suggested) that ",
]
OWN_BEFORE = [r"(?:I|We) (?:firmly |strongly |sincerely |truly |deeply |fully |also )?(?:believe|think|know|"
              r"am convinced|are convinced|hope|trust|feel|am confident|are confident) that "]


def cut_after(doc, a, b, patterns, check_plain=False):
    s = doc.text[a:b]
    if s.rstrip().endswith("?"):
        return None     # a question is no frame of what follows
    for p in patterns:
        m = re.match(p, clean(s))
        if not m:
            continue
        frame = m.group()
        if check_plain and any(is_material(w) for w in frame.split()):
            return None
        # find where the frame ends in the original (whitespace may differ)
        n_words = len(frame.split())
        ws = word_spans(s, a)
        if len(ws) - n_words < 6:
            return None
        start = ws[n_words][0]
        return start, b, clean(doc.text[start:b]), frame.strip()
    return None


def elide(doc, a, b, rng, material, hide=None):
    s = doc.text[a:b]
    ws = word_spans(s, a)
    n = len(ws)
    spots = []
    for i in range(4, n - 5):
        w = doc.text[ws[i][0]:ws[i][1]]
        if re.search(r"[,.;:!?]$", w):
            continue
        if hide is not None:
            if low(w) in hide:
                spots.append(i)
        elif material and low(w) in {"not", "never", "only", "some", "if", "unless", "except", "few", "no", "nor",
                                      "none", "nothing", "until", "neither"}:
            spots.append(i)
        elif not material and re.fullmatch(r"[a-z]{3,}", w) and not is_material(w):
            spots.append(i)
    if not spots:
        return None
    i = rng.choice(spots)
    k = 1 if hide is not None else rng.choice([1, 2, 3])
    j = min(i + k, n - 5)
    hidden = [doc.text[x:y] for x, y in ws[i:j]]
    if any(re.search(r"[,.;:!?]$", h) for h in hidden[:-1]) or (not material and any(is_material(h) for h in hidden)):
        return None
    if re.search(r"[,.;:!?]$", hidden[-1]) or not hidden:
        return None
    left = clean(doc.text[a:ws[i - 1][1]])
    right = clean(doc.text[ws[j][0]:b])
    return f"{left} ... {right}"


def negate(doc, a, b, rng, mode):
    """mode: insert (add "not"), drop (remove "not"), change (swap a word), skip (drop a word)."""
    s = doc.text[a:b]
    ws = word_spans(s, a)
    toks = [doc.text[x:y] for x, y in ws]
    lows = [low(t) for t in toks]
    has_neg = any(w in NEGATIONS or w.endswith("n't") for w in lows)
    n = len(toks)
    if mode in ("insert", "never"):
        if has_neg:
            return None
        spots = [i for i in range(2, n - 3) if lows[i] in AUX and re.fullmatch(r"[a-z]+", toks[i])
                 and re.fullmatch(r"[a-z]+", toks[i + 1]) and lows[i + 1] not in MATERIAL]
        if not spots:
            return None
        i = rng.choice(spots)
        return " ".join(toks[:i + 1] + ["not" if mode == "insert" else "never"] + toks[i + 1:]), "altered"
    if mode == "drop":
        spots = [i for i in range(2, n - 3) if toks[i] == "not" and lows[i - 1] in AUX]
        if not spots or sum(1 for w in lows if w in NEGATIONS) != 1:
            return None
        i = rng.choice(spots)
        return " ".join(toks[:i] + toks[i + 1:]), "spliced"
    if mode == "contract":
        # "cannot" -> "can", "don't" -> "do": the negation dropped inside a word
        undo = {"cannot": "can", "can't": "can", "don't": "do", "doesn't": "does", "didn't": "did",
                "won't": "will", "isn't": "is", "aren't": "are", "wasn't": "was", "shouldn't": "should",
                "couldn't": "could", "wouldn't": "would", "hasn't": "has", "haven't": "have"}
        spots = [i for i in range(1, n - 2) if toks[i].replace("\u2019", "'") in undo]
        if not spots or sum(1 for w in lows if w in NEGATIONS or w.endswith("n't")) != 1:
            return None
        i = rng.choice(spots)
        return " ".join(toks[:i] + [undo[toks[i].replace("\u2019", "'")]] + toks[i + 1:]), "altered"
    if mode == "always":
        spots = [i for i in range(2, n - 2) if toks[i] == "always"]
        if not spots or has_neg:
            return None
        i = rng.choice(spots)
        return " ".join(toks[:i] + ["never"] + toks[i + 1:]), "altered"
    if mode == "aux":
        swap = {"will": "shall", "shall": "will", "can": "may", "may": "can", "must": "should", "should": "must"}
        spots = [i for i in range(2, n - 2) if toks[i] in swap]
        if not spots or has_neg:
            return None
        i = rng.choice(spots)
        return " ".join(toks[:i] + [swap[toks[i]]] + toks[i + 1:]), "altered"
    if mode == "also":
        spots = [i for i in range(2, n - 3) if lows[i] in AUX and re.fullmatch(r"[a-z]+", toks[i + 1])
                 and lows[i + 1] not in MATERIAL]
        if not spots or has_neg:
            return None
        i = rng.choice(spots)
        return " ".join(toks[:i + 1] + [rng.choice(["also", "indeed", "certainly"])] + toks[i + 1:]), "altered"
    if has_neg:
        return None
    spots = [i for i in range(3, n - 4) if re.fullmatch(r"[a-z]{6,}", toks[i]) and not is_material(toks[i])]
    if not spots:
        return None
    i = rng.choice(spots)
    if mode == "change":
        swap = {"important": "significant", "significant": "important", "international": "global",
                "countries": "nations", "development": "progress", "security": "safety", "economic": "financial"}
        new = swap.get(toks[i], "particular" if toks[i] != "particular" else "specific")
        return " ".join(toks[:i] + [new] + toks[i + 1:]), "altered"
    return " ".join(toks[:i] + toks[i + 1:]), "spliced"


# -- the second family: other words for the same definitions, and hard controls
# that look like limits and are not (double negatives, the speaker's own side)
LIMIT_AFTER_B = re.compile(r"(,? provided |,? on condition that |,? at least |,? as far as |,? insofar as |"
                           r",? in so far as |,? to the extent that |,? other than |,? apart from |,? save for |"
                           r",? subject to |,? barring |, but not |, if |, whereas |,? except where )")
PLAIN_AFTER_B = re.compile(r"(,? because |, while | so that |, as | since | in order to |, thus |, therefore |"
                           r", who | where )")
LIMIT_BEFORE_B = [
    r"It would be (?:naive|wrong|a mistake|an illusion|foolish|dangerous|an error) to (?:think|believe|assume|"
    r"suppose|say|conclude) that ",
    r"Few (?:would|can|could|will) (?:argue|claim|say|believe|maintain|suggest) that ",
    r"There is no (?:truth|evidence|basis|reason to believe|proof) (?:in the (?:claim|idea|assertion) )?that ",
    r"It is (?:hardly|scarcely|by no means|far from) (?:true|the case|certain|clear|evident|obvious) that ",
    r"Should [^,;]{8,100}, ",
    r"Were [^,;]{8,100}, ",
    r"In the event that [^,;]{8,100}, ",
    r"Provided that [^,;]{8,100}, ",
    r"As long as [^,;]{8,100}, ",
]
PLAIN_BEFORE_B = [
    r"(?:There is|There can be) no doubt that ",
    r"(?:No one|Nobody) (?:can |could |would |will )?(?:deny|doubt|dispute|question|ignore|forget) that ",
    r"(?:We|I) (?:cannot|can not|must not|should not|will not|do not) (?:forget|ignore|overlook|deny|doubt) that ",
    r"It is (?:clear|true|evident|obvious|certain|undeniable|beyond doubt|a fact) that ",
    r"It is (?:my|our) (?:firm |strong |sincere |deep )?(?:belief|view|conviction|hope) that ",
    r"(?:We all know|As we all know|Everyone knows|We know) that ",
]
REPORTED_BEFORE_B = [
    r"(?:The|the) (?:representative|delegation|Foreign Minister|Prime Minister|President) of (?:the )?[A-Z][a-z]+"
    r"(?: [A-Z][a-z]+)? (?:has |had |also )?(?:said|stated|claimed|suggested|alleged|maintained|asserted|"
    r"declared|argued) that ",
    r"Some (?:have|had) (?:suggested|argued|said|claimed|stated|asserted) that ",
    r"There are (?:those|some|people) who (?:say|believe|argue|claim|think|maintain|assert) that ",
    r"It has (?:been|often been|sometimes been|also been) (?:said|suggested|argued|claimed|stated|asserted) that ",
    r"Some would have us believe that ",
    r"(?:He|She) (?:said|declared|stated|claimed|asserted|argued) that ",
]
OWN_BEFORE_B = [
    r"(?:I|We) (?:would like to|wish to|want to|must|should like to) (?:say|stress|emphasize|emphasise|recall|"
    r"point out|reiterate|state|underline|affirm|declare) that ",
    r"(?:Let me|Let us|Allow me to|Permit me to) (?:say|stress|emphasize|emphasise|recall|point out|reiterate|"
    r"state|underline|affirm) that ",
    r"(?:My|Our) (?:delegation|Government|country|people|party) (?:firmly |strongly |also |fully |therefore |"
    r"has always |have always )?(?:believes|believe|considers|maintained|maintains|is convinced|are convinced|"
    r"holds|supports the view|has stated|stated) that ",
]
HIDE_B = {"perhaps", "almost", "partly", "mostly", "hardly", "rarely", "sometimes", "often", "probably",
          "many", "most", "several", "possibly", "nearly", "largely", "seldom", "usually", "generally"}
KEEP_B = {"very", "truly", "really", "indeed", "also", "great", "important", "new", "further", "entire",
          "whole", "international", "particular", "special", "current", "present", "own", "same"}


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make.py FULLDIR")
    full = sys.argv[1]
    rng = random.Random(SEED)
    paths = []
    for top in ("speeches/inaugural", "speeches/millercenter", "speeches/books", "ungdc/ungdc"):
        for root, _, files in os.walk(os.path.join(full, top)):
            for f in files:
                if f.endswith(".txt"):
                    paths.append(os.path.relpath(os.path.join(root, f), full))
    paths.sort()
    rng.shuffle(paths)
    # every speech and the book, and UN speeches to 3,000 documents in all
    speeches = [p for p in paths if p.startswith("speeches/")]
    ungdc = [p for p in paths if p.startswith("ungdc/")][:max(0, 3000 - len(speeches))]
    docs = []
    for rel in speeches + ungdc:
        with open(os.path.join(full, rel), "rb") as f:
            raw = f.read()
        # a Project Gutenberg book: its text, not the licence around it
        start, end = raw.find(b"*** START OF"), raw.find(b"*** END OF")
        if start >= 0 and end > start:
            raw = b" " * (raw.index(b"\n", start) + 1) + raw[raw.index(b"\n", start) + 1:end]
        try:
            docs.append(Doc(rel, raw))
        except UnicodeDecodeError:
            continue
    # the sentences of the three kinds of text taken in turn (UN speeches,
    # presidents' speeches, the book), so that no kind crowds out the others
    families = {}
    for d in docs:
        fam = "book" if "/books/" in d.rel else d.rel.split("/")[0]
        families.setdefault(fam, []).extend((d, a, b) for a, b in sentences(d) if usable(d, a, b))
    for v in families.values():
        rng.shuffle(v)
    sents = []
    pools = [families[k] for k in sorted(families)]
    for i in range(max(len(v) for v in pools)):
        sents.extend(v[i] for v in pools if i < len(v))
    print(f"make: {len(docs)} documents, {len(sents)} usable sentences", file=sys.stderr)

    out = []
    used = set()

    def take(kind, n, build):
        got = 0
        for d, a, b in sents:
            if got >= n:
                break
            key = (d.rel, a)
            if key in used:
                continue
            q = build(d, a, b)
            if q is None:
                continue
            used.add(key)
            q["id"] = f"{kind}-{len([x for x in out if x['kind'] == kind]) + 1:03d}"
            out.append(q)
            got += 1
        if got < n:
            print(f"make: only {got} of {n} for {kind}", file=sys.stderr)

    def cut_before_q(limiting, trailing=False):
        def build(d, a, b):
            r = cut_before(d, a, b, limiting)
            if not r:
                return None
            s, e, text = r
            flags = ["cut_before_limit"] if limiting else []
            if trailing:
                return span(d, s, e, text + "...", "trailing-ellipsis", "elided", flags, control=not limiting)
            return span(d, s, e, text, "cut_before_limit" if limiting else "cut_before_control", "verbatim",
                        flags, control=not limiting)
        return build

    def cut_after_q(patterns, kind, flags, control, plain=False, leading=False):
        def build(d, a, b):
            r = cut_after(d, a, b, patterns, check_plain=plain)
            if not r:
                return None
            s, e, text, frame = r
            # a frame that names someone's claim and denies it is both
            fl = set(flags)
            if re.search(r"\b(?:claim|notion|idea|argument|assertion|allegation|contention|view|belief|assumption)"
                         r" that$", frame) and not re.search(r"\b(?:my|our) \w+ that$", frame):
                fl.add("reported_speech")
                if re.search(r"\b(?:reject|rejects|rejected|dismiss|dismisses|no truth|no evidence|no basis|"
                             r"no proof)\b", frame):
                    fl.add("cut_after_limit")
            fl = sorted(fl)
            if leading:
                return span(d, s, e, "..." + text, "leading-ellipsis", "elided", fl, control=control and not fl,
                            extra={"frame": frame})
            return span(d, s, e, text, kind, "verbatim", fl, control=control and not fl, extra={"frame": frame})
        return build

    def elide_q(material):
        def build(d, a, b):
            text = elide(d, a, b, rng, material)
            if not text:
                return None
            return span(d, a, b, text, "elision_hides_limit" if material else "elision_control", "elided",
                        ["elision_hides_limit"] if material else [], control=not material)
        return build

    def negate_q(mode):
        def build(d, a, b):
            r = negate(d, a, b, rng, mode)
            if not r:
                return None
            text, verdict = r
            flagged = mode in ("insert", "drop")
            return span(d, a, b, text, f"negation_{mode}" if flagged else f"negation_control_{mode}", verdict,
                        ["negation_changed"] if flagged else [], control=not flagged)
        return build

    take("cut_before_limit", PER_KIND, cut_before_q(True))
    take("cut_before_control", PER_KIND, cut_before_q(False))
    take("cut_after_limit", PER_KIND, cut_after_q(LIMIT_BEFORE, "cut_after_limit", ["cut_after_limit"], False))
    take("cut_after_control", PER_KIND, cut_after_q(PLAIN_BEFORE, "cut_after_control", [], True, plain=True))
    take("elision_hides_limit", PER_KIND, elide_q(True))
    take("elision_control", PER_KIND, elide_q(False))
    take("negation_insert", PER_KIND - PER_KIND // 2, negate_q("insert"))
    take("negation_drop", PER_KIND // 2, negate_q("drop"))
    take("negation_control_change", PER_KIND - PER_KIND // 2, negate_q("change"))
    take("negation_control_skip", PER_KIND // 2, negate_q("skip"))
    take("reported_speech", PER_KIND, cut_after_q(REPORTED_BEFORE, "reported_speech", ["reported_speech"], False))
    take("reported_control", PER_KIND, cut_after_q(OWN_BEFORE, "reported_control", [], True))
    # leading and trailing marks: elided, and flagged by what they leave out
    take("trailing-ellipsis", 4, cut_before_q(True, trailing=True))
    take("trailing-ellipsis", 4, cut_before_q(False, trailing=True))
    take("leading-ellipsis", 4, cut_after_q(LIMIT_BEFORE, "", ["cut_after_limit"], False, leading=True))
    take("leading-ellipsis", 4, cut_after_q(PLAIN_BEFORE, "", [], True, plain=True, leading=True))
    # the second family
    take("cut_before_limit-b", 15, lambda d, a, b: (lambda r: r and span(d, r[0], r[1], r[2], "cut_before_limit-b",
         "verbatim", ["cut_before_limit"]))(cut_before(d, a, b, True, LIMIT_AFTER_B)))
    take("cut_before_control-b", 15, lambda d, a, b: (lambda r: r and span(d, r[0], r[1], r[2],
         "cut_before_control-b", "verbatim", [], control=True))(cut_before(d, a, b, False, PLAIN_AFTER_B)))
    take("cut_after_limit-b", 15, cut_after_q(LIMIT_BEFORE_B, "cut_after_limit-b", ["cut_after_limit"], False))
    take("cut_after_control-b", 15, cut_after_q(PLAIN_BEFORE_B, "cut_after_control-b", [], True))
    take("reported_speech-b", 15, cut_after_q(REPORTED_BEFORE_B, "reported_speech-b", ["reported_speech"], False))
    take("reported_control-b", 15, cut_after_q(OWN_BEFORE_B, "reported_control-b", [], True))
    take("elision_hides_limit-b", 15, lambda d, a, b: (lambda t: t and span(d, a, b, t, "elision_hides_limit-b",
         "elided", ["elision_hides_limit"]))(elide(d, a, b, rng, True, HIDE_B)))
    take("elision_control-b", 15, lambda d, a, b: (lambda t: t and span(d, a, b, t, "elision_control-b",
         "elided", [], control=True))(elide(d, a, b, rng, False, KEEP_B)))
    for mode, flagged, n in (("never", True, 5), ("contract", True, 5), ("always", True, 5),
                             ("aux", False, 8), ("also", False, 7)):
        kind = "negation_changed-b" if flagged else "negation_control-b"
        take(kind, n, lambda d, a, b, mode=mode, flagged=flagged, kind=kind: (lambda r: r and span(
            d, a, b, r[0], kind, r[1], ["negation_changed"] if flagged else [], control=not flagged))(
            negate(d, a, b, rng, mode)))
    editorial(take, span, rng)
    splices(out, sents, used, rng)
    hyphenation(out, docs, rng)

    with open(os.path.join(HERE, "queries.jsonl"), "w", encoding="utf-8") as f:
        for q in out:
            f.write(json.dumps(q, ensure_ascii=False) + "\n")
    files = sorted({q["expect"]["source"] for q in out}
                   | {p["source"] for q in out for p in q["expect"].get("parts", [])})
    # distractors: documents that hold none of the gold, so that retrieval has
    # something to choose from
    rest = [d.rel for d in docs if d.rel not in files][:150]
    with open(os.path.join(HERE, "files.txt"), "w", encoding="utf-8") as f:
        for p in sorted(set(files) | set(rest)):
            f.write(p + "\n")
    kinds = {}
    for q in out:
        kinds[q["kind"]] = kinds.get(q["kind"], 0) + 1
    print(f"make: {len(out)} queries: {kinds}", file=sys.stderr)


def editorial(take, span, rng):
    """Square brackets, [sic], notes and pasted markup: normalized or verbatim, never flagged."""
    def letters(d, a, b):
        s = clean(d.text[a:b])
        if not re.match(r"(The|This|We|Our|It|In) ", s):
            return None
        return span(d, a, b, "[" + s[0].lower() + "]" + s[1:], "brackets", "normalized", [], control=True)

    def insertion(d, a, b):
        s = d.text[a:b]
        m = re.search(r" (it|they|he|she) ", s)
        if not m or m.start() < 20:
            return None
        who = {"it": "[the Organization]", "they": "[the members]", "he": "[the President]",
               "she": "[the Minister]"}[m.group(1)]
        q = clean(s[:m.start()]) + " " + who + " " + clean(s[m.end():])
        return span(d, a, b, q, "brackets", "normalized", [], control=True)

    def sic(d, a, b):
        s = clean(d.text[a:b])
        ws = s.split()
        i = len(ws) // 2
        if re.search(r"[,.;:]$", ws[i]):
            return None
        return span(d, a, b, " ".join(ws[:i + 1] + ["[sic]"] + ws[i + 1:]), "sic", "normalized", [], control=True)

    def note(d, a, b):
        s = clean(d.text[a:b])
        return span(d, a, b, s + " [emphasis added]", "sic", "normalized", [], control=True)

    def markup(d, a, b):
        s = clean(d.text[a:b])
        ws = s.split()
        style = rng.choice(["bold", "quote", "guillemets"])
        if style == "bold":
            i = len(ws) // 3
            q = " ".join(ws[:i] + ["**" + ws[i]] + ws[i + 1:i + 4] + [ws[i + 4] + "**"] + ws[i + 5:])
        elif style == "quote":
            q = "> " + s
        else:
            q = "\u00bb " + s + " \u00ab"
        return span(d, a, b, q, "markup", "verbatim", [], control=True)

    take("brackets", 4, letters)
    take("brackets", 4, insertion)
    take("sic", 4, sic)
    take("sic", 2, note)
    take("markup", 6, markup)


def splices(out, sents, used, rng):
    """Two whole sentences from two documents, joined by a mark or a space: spliced, one match per part."""
    pool = [(d, a, b) for d, a, b in sents if (d.rel, a) not in used and 14 <= len(clean(d.text[a:b]).split()) <= 30]
    n = 0
    for i in range(0, len(pool) - 1, 2):
        if n >= 8:
            break
        (d1, a1, b1), (d2, a2, b2) = pool[i], pool[i + 1]
        if d1.rel == d2.rel:
            continue
        join = " ... " if n % 2 == 0 else " "
        q = clean(d1.text[a1:b1]) + join + clean(d2.text[a2:b2])
        n += 1
        out.append({"id": f"splice-{n:03d}", "kind": "cross-splice", "quote": q, "control": True,
                    "expect": {"verdict": "spliced", "source": d1.rel, "start": d1.byte(a1), "end": d1.byte(b1),
                               "context": [],
                               "parts": [{"source": d1.rel, "start": d1.byte(a1), "end": d1.byte(b1)},
                                         {"source": d2.rel, "start": d2.byte(a2), "end": d2.byte(b2)}]}})


def hyphenation(out, docs, rng):
    """A word hyphenated at a line break in the source, quoted whole: verbatim."""
    n = 0
    for d in docs:
        if n >= 6:
            break
        for m in re.finditer(r"([A-Za-z]{3,})-\r?\n[ \t]*([a-z]{3,})", d.text):
            # a syllable break when the whole word is written elsewhere in the
            # document, a compound when the hyphenated word is; else unknown
            if re.search(r"\b" + re.escape(m.group(1) + m.group(2)) + r"\b", d.text):
                whole = m.group(1) + m.group(2)
            elif re.search(r"\b" + re.escape(m.group(1) + "-" + m.group(2)) + r"\b", d.text):
                whole = m.group(1) + "-" + m.group(2)
            else:
                continue
            a = d.text.rfind("\n", 0, m.start())
            a = max(a, d.text.rfind(". ", 0, m.start()) + 1)
            e = d.text.find(".", m.end())
            if e < 0 or e - a > 400:
                continue
            seg_a = a + (len(d.text[a:m.start()]) - len(d.text[a:m.start()].lstrip()))
            q = clean(d.text[seg_a:m.start()] + whole + d.text[m.end():e + 1])
            if len(q.split()) < 8 or not re.match(r"[A-Z]", q) or re.search(r"[\"\u201c\u201d()\[\]]", q):
                continue
            n += 1
            out.append({"id": f"hyphen-{n:03d}", "kind": "hyphenation", "quote": q, "control": True,
                        "expect": {"verdict": "verbatim", "source": d.rel, "start": d.byte(seg_a),
                                   "end": d.byte(e + 1), "context": []}})
            break


if __name__ == "__main__":
    main()
