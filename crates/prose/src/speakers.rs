//! Who a document says is speaking: the subject of a verb of saying next
//! to the quotation, a dash or tilde credit, "according to", "as X put it",
//! "in the words of X"; a pronoun resolved to the nearest fitting person
//! named before it. A quotation with no such cue has no speaker: a name
//! merely nearby is never taken.

use std::ops::Range;

use crate::marks::Quoted;

/// A word or punctuation mark of the context around a quotation.
#[derive(Debug, Clone)]
struct Tok<'a> {
    s: &'a str,
    at: usize,
}

impl Tok<'_> {
    fn end(&self) -> usize {
        self.at + self.s.len()
    }
    fn lower(&self) -> String {
        self.s.to_lowercase()
    }
    fn is_word(&self) -> bool {
        self.s.chars().next().is_some_and(|c| c.is_alphanumeric())
    }
    fn is_cap(&self) -> bool {
        self.s.chars().next().is_some_and(char::is_uppercase)
    }
    fn is(&self, p: &str) -> bool {
        self.s == p
    }
}

const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "St", "Jr", "Sr", "Prof", "Rev",
    "Hon", "Pres", "Sens", "Reps", "Mt", "Ft", "No", "Vol", "vs", "Inc", "Corp", "Co", "Ltd", "Dept", "Gov't", "Adm",
    "Cmdr", "Maj",
];

/// Words with their offsets; "." kept on abbreviations and initials
/// ("Mr.", "U.S.", "J."), apostrophes kept inside words.
fn tokens(text: &str, from: usize, to: usize) -> Vec<Tok<'_>> {
    let s = &text[from..to];
    let mut out = Vec::new();
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                let after = s[j + d.len_utf8()..].chars().next();
                // "fivethirtyeight.com", "whitehouse.gov": a dot before two to
                // four lowercase letters that end the word
                let domain = d == '.' && {
                    let rest: String = s[j + 1..].chars().take_while(|c| c.is_alphanumeric()).collect();
                    (2..=4).contains(&rest.len()) && rest.chars().all(|c| c.is_ascii_lowercase())
                };
                let inner = domain
                    || (matches!(d, '\'' | '\u{2019}' | '-' | '&') && after.is_some_and(|a| a.is_alphanumeric()))
                    || (d == '.'
                        && after.is_some_and(|a| a.is_alphabetic())
                        && s[i..j].chars().all(|x| x.is_uppercase() || x == '.' || x == '-'));
                if d.is_alphanumeric() || inner {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            // the full stop of an abbreviation or an initial belongs to it, and
            // so does one that a comma or a closing bracket follows: no sentence
            // ends there ("Sen. Claire McCaskill (D-Mo.) said", "R-Ky., said")
            if let Some(&(j, '.')) = it.peek() {
                let w = &s[i..end];
                let inside = matches!(s[j + 1..].chars().next(), Some(',' | ')'));
                if inside
                    || ABBREVIATIONS.contains(&w)
                    || (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
                    || w.contains('.')
                {
                    end = j + 1;
                    it.next();
                }
            }
            out.push(Tok { s: &s[i..end], at: from + i });
        } else {
            // a run of dashes or dots is one token
            let mut end = i + c.len_utf8();
            if c == '-' || c == '.' {
                while let Some(&(j, d)) = it.peek() {
                    if d == c {
                        end = j + 1;
                        it.next();
                    } else {
                        break;
                    }
                }
            }
            out.push(Tok { s: &s[i..end], at: from + i });
        }
    }
    out
}

/// Verbs of saying and writing, every form that appears as a cue.
const VERBS: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "write",
    "writes",
    "wrote",
    "written",
    "add",
    "adds",
    "added",
    "ask",
    "asks",
    "asked",
    "explain",
    "explains",
    "explained",
    "note",
    "notes",
    "noted",
    "declare",
    "declares",
    "declared",
    "state",
    "states",
    "stated",
    "argue",
    "argues",
    "argued",
    "insist",
    "insists",
    "insisted",
    "claim",
    "claims",
    "claimed",
    "continue",
    "continues",
    "continued",
    "reply",
    "replies",
    "replied",
    "respond",
    "responds",
    "responded",
    "remark",
    "remarks",
    "remarked",
    "recall",
    "recalls",
    "recalled",
    "warn",
    "warns",
    "warned",
    "tweet",
    "tweets",
    "tweeted",
    "announce",
    "announces",
    "announced",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "concede",
    "concedes",
    "conceded",
    "suggest",
    "suggests",
    "suggested",
    "joke",
    "jokes",
    "joked",
    "quip",
    "quips",
    "quipped",
    "shout",
    "shouts",
    "shouted",
    "cry",
    "cries",
    "cried",
    "whisper",
    "whispers",
    "whispered",
    "complain",
    "complains",
    "complained",
    "observe",
    "observes",
    "observed",
    "predict",
    "predicts",
    "predicted",
    "vow",
    "vows",
    "vowed",
    "promise",
    "promises",
    "promised",
    "urge",
    "urges",
    "urged",
    "conclude",
    "concludes",
    "concluded",
    "agree",
    "agrees",
    "agreed",
    "boast",
    "boasts",
    "boasted",
    "counter",
    "counters",
    "countered",
    "charge",
    "charges",
    "charged",
    "contend",
    "contends",
    "contended",
    "emphasize",
    "emphasizes",
    "emphasized",
    "stress",
    "stresses",
    "stressed",
    "maintain",
    "maintains",
    "maintained",
    "admit",
    "admits",
    "admitted",
    "report",
    "reports",
    "reported",
    "testify",
    "testifies",
    "testified",
    "muse",
    "mused",
    "sniff",
    "sniffed",
    "scoff",
    "scoffed",
    "lament",
    "laments",
    "lamented",
    "exclaim",
    "exclaimed",
    "recount",
    "recounted",
    "wonder",
    "wonders",
    "wondered",
    "thunder",
    "thundered",
    "proclaim",
    "proclaims",
    "proclaimed",
    "assure",
    "assured",
    "remind",
    "reminded",
    "hint",
    "hinted",
    "opine",
    "opined",
    "assert",
    "asserts",
    "asserted",
    "allege",
    "alleged",
    "confirm",
    "confirms",
    "confirmed",
    "deny",
    "denies",
    "denied",
    "demand",
    "demanded",
    "plead",
    "pleaded",
    "implore",
    "implored",
    "chime",
    "chimed",
    "chide",
    "chided",
    "mock",
    "mocked",
    "text",
    "texted",
    "email",
    "emailed",
    "post",
    "posted",
    "read",
    "reads",
    "begin",
    "began",
    "yell",
    "yelled",
    "scream",
    "screamed",
    "murmur",
    "murmured",
    "snap",
    "snapped",
    "retort",
    "retorted",
    "reason",
    "reasoned",
    "caution",
    "cautioned",
    "advise",
    "advised",
    "figure",
    "figured",
    "rail",
    "railed",
    "blast",
    "blasted",
    "tout",
    "touted",
    "praise",
    "praised",
    "chant",
    "chanted",
    "describe",
    "described",
    "call",
    "called",
    "sing",
    "sang",
    "shot",
    "fire",
    "fired",
    "gush",
    "gushed",
    "interject",
    "interjected",
    "offer",
    "offered",
    "sings",
    "calls",
    "projects",
    "projected",
    "barked",
    "blamed",
    "thanked",
    "calling",
    "telling",
    "writing",
    "adding",
    "warning",
    "arguing",
    "describing",
    "insisting",
    "claiming",
    "noting",
    "asking",
    "declaring",
    "explaining",
    "promising",
    "vowing",
    "urging",
    "tweeting",
    "complaining",
    "accusing",
    "accused",
    "accuses",
    "dubbed",
    "dubbing",
    "labeled",
    "labelled",
    "labeling",
    "branded",
    "branding",
    "quoted",
    "quoting",
    "estimated",
    "estimates",
    "believes",
    "believed",
    "thinks",
    "pointed",
    "points",
    "issued",
    "released",
    "indicated",
    "indicates",
    "cited",
    "cites",
    "slammed",
    "slams",
    "pledged",
    "pledges",
    "bemoaned",
    "characterizes",
    "characterized",
    "attacked",
    "attacking",
    "criticized",
    "criticizes",
    "criticizing",
    "lauded",
    "dismissed",
    "defended",
    "referred",
    "referring",
    "disclosed",
    "revealed",
    "reiterated",
    "repeated",
    "mentioned",
    "signaled",
    "echoed",
    "scolded",
    "questioned",
    "challenged",
    "likened",
    "compared",
    "summed",
    "responding",
    "replying",
    "retaliated",
    "fumed",
    "fumes",
    "surmised",
    "griped",
    "groused",
    "huffed",
    "boomed",
    "pondered",
    "sighed",
    "intoned",
    "raged",
    "ranted",
    "vented",
    "gloated",
    "beamed",
    "protested",
    "objected",
    "pressed",
    "elaborated",
    "clarified",
    "speculated",
    "commented",
    "reacted",
    "remembered",
    "answered",
    "answers",
    "mocks",
    "demurred",
    "describes",
    "yelling",
    "shouting",
    "joking",
    "chanting",
    "announcing",
    "stating",
    "suggesting",
    "predicting",
    "recalling",
    "concluding",
    "conceding",
    "admitting",
    "acknowledging",
    "boasting",
    "bragging",
    "bragged",
    "lamenting",
    "observing",
    "proclaiming",
    "quipping",
    "remarking",
    "reminding",
    "texting",
    "posting",
    "wondering",
    "charging",
    "touting",
    "praising",
    "blasting",
    "slamming",
    "mocking",
    "demanding",
    "pleading",
    "cautioning",
    "asserting",
    "maintaining",
    "contending",
    "countering",
    "retorting",
    "emphasizing",
    "stressing",
    "reiterating",
    "repeating",
    "citing",
    "echoing",
    "invoking",
    "invoked",
    "recounting",
    "testifying",
    "reporting",
    "confirming",
    "denying",
    "pledging",
    "whispering",
];

/// Cues of two words whose first is no verb of saying alone ("Trump went
/// on", "Bennett shot back", "she chimed in").
const PHRASAL: &[(&str, &str)] = &[
    ("went", "on"),
    ("goes", "on"),
    ("shot", "back"),
    ("fired", "back"),
    ("hit", "back"),
    ("pushed", "back"),
    ("snapped", "back"),
    ("chimed", "in"),
    ("weighed", "in"),
    ("pointed", "out"),
    ("points", "out"),
    ("spoke", "up"),
    ("piped", "up"),
    ("summed", "up"),
];

fn phrasal(r: &[Tok<'_>], k: usize) -> bool {
    let Some(next) = r.get(k + 1) else { return false };
    let (a, b) = (r[k].lower(), next.lower());
    !r[k].is_cap() && PHRASAL.iter().any(|(h, p)| *h == a && *p == b)
}

/// Verbs whose object is the one spoken to, never the speaker.
const TELL: &[&str] = &["tell", "tells", "told", "telling"];

/// Words between a subject and its verb ("Sotomayor has said", "he later told").
const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "previously",
    "repeatedly",
    "once",
    "would",
    "will",
    "could",
    "may",
    "might",
    "reportedly",
    "publicly",
    "recently",
    "often",
    "already",
    "again",
    "further",
    "simply",
    "just",
    "even",
    "still",
    "never",
    "did",
    "does",
    "do",
    "didn't",
    "doesn't",
    "don't",
    "didn\u{2019}t",
    "doesn\u{2019}t",
    "don\u{2019}t",
    "not",
    "won't",
    "can't",
];

/// Participles: their subject is the subject of the sentence ("Trump
/// attacked Obama, calling him “...”").
fn is_participle(t: &Tok<'_>) -> bool {
    t.s.ends_with("ing") && is_verb(t)
}

/// Forms that are nouns as often as verbs ("the report", "his remarks",
/// "the United States"): never cues.
const NOUNS_TOO: &[&str] = &[
    "note",
    "notes",
    "claim",
    "claims",
    "charge",
    "charges",
    "counter",
    "counters",
    "remark",
    "remarks",
    "report",
    "reports",
    "figure",
    "call",
    "reason",
    "promise",
    "promises",
    "demand",
    "vow",
    "vows",
    "joke",
    "jokes",
    "tweet",
    "tweets",
    "fire",
    "shot",
    "rail",
    "blast",
    "caution",
    "advise",
    "sing",
    "offer",
    "begin",
    "cry",
    "cries",
    "state",
    "states",
    "email",
    "text",
    "post",
    "read",
    "reads",
    "quip",
    "quips",
    "shout",
    "shouts",
    "plead",
    "chime",
    "chide",
    "mock",
    "praise",
    "tout",
    "chant",
    "describe",
    "estimates",
    "points",
    "cites",
    "pledges",
    "slams",
    "reply",
    "replies",
    "whisper",
    "whispers",
    "boast",
    "boasts",
    "stress",
    "stresses",
    "answer",
    "muse",
    "lament",
    "laments",
    "hint",
    "wonder",
    "wonders",
    "thunder",
    "recount",
];

/// A verb of saying: lowercase (a capitalised "States" or "Post" is a
/// name), and not a form that is as often a noun.
fn is_verb(t: &Tok<'_>) -> bool {
    let l = t.lower();
    !t.is_cap() && VERBS.contains(&l.as_str()) && !NOUNS_TOO.contains(&l.as_str())
}

/// Pronouns that stand for a person named elsewhere.
const PRONOUNS: &[&str] = &["he", "she", "they", "him", "her", "them", "we", "i", "it"];

/// Words that end a subject going backwards, or start a clause.
const CLAUSE_WORDS: &[&str] = &[
    "and", "but", "or", "that", "because", "when", "while", "after", "before", "if", "though", "although", "where",
    "which", "who", "whom", "as", "so", "then", "also", "has", "have", "had", "is", "was", "were", "are", "will",
    "would", "could", "should", "may", "might", "to", "in", "on", "at", "for", "with", "by", "from", "during", "about",
    "of", "later", "again", "once", "not", "never",
];

/// A word that ends a subject or starts a clause; a capitalised "Will" or
/// "May" inside a sentence is a name ("George Will wrote").
fn is_clause_word(t: &Tok<'_>) -> bool {
    let l = t.lower();
    CLAUSE_WORDS.contains(&l.as_str()) && l != "of" && !(t.is_cap() && matches!(l.as_str(), "will" | "may" | "from"))
}

/// A name, a title and a name, or a short noun phrase ("a campaign
/// spokesman", "the senator", "Clinton's spokesman Brian Fallon").
fn subject_ok(ts: &[Tok<'_>]) -> bool {
    if ts.is_empty() || ts.len() > 9 {
        return false;
    }
    if ts.iter().any(|t| !t.is_word() && !t.is("(") && !t.is(")")) {
        return false;
    }
    if ts.iter().any(|t| is_verb(t) || is_clause_word(t)) {
        return false;
    }
    if ts.iter().all(|t| is_calendar(t) || !t.is_cap() && !PRONOUNS.contains(&t.lower().as_str()))
        && ts.iter().any(is_calendar)
    {
        return false;
    }
    let first = ts[0].lower();
    if ts.len() == 1 && is_leader(&ts[0]) {
        return false;
    }
    ts.len() == 1 && (ts[0].is_cap() || PRONOUNS.contains(&first.as_str()))
        || ts.iter().any(|t| t.is_cap())
        || matches!(first.as_str(), "a" | "an" | "the" | "one" | "his" | "her" | "their" | "its" | "another" | "some" | "many")
        // "21 percent said", "Six in 10 voters said"
        || ts.len() >= 2 && first.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// What the document says of one quotation's speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The words that name the speaker at the cue ("he", "Mr. Trump", "a
    /// campaign spokesman").
    pub mention: Range<usize>,
    /// The person: the name in the mention, or for a pronoun the person it
    /// stands for, when one is named before it.
    pub name: Option<String>,
    /// The cue: the verb of saying, the dash, "according to".
    pub cue: Range<usize>,
}

/// The nearest sentence boundary before `at` (or `floor`).
fn sentence_start(text: &str, floor: usize, at: usize) -> usize {
    let b = text.as_bytes();
    let mut i = at;
    while i > floor {
        i -= 1;
        match b[i] {
            b'\n' if i > 0 && b[i - 1] == b'\n' => return i + 1,
            b'.' | b'!' | b'?' => {
                // "Mr." and initials are not ends of sentences
                let w = word_before(text, i);
                let abbr = ABBREVIATIONS.contains(&w) || w.chars().count() == 1 || w.contains('.');
                // a full stop inside closing marks ends it too ("… nation.” Russia")
                let closing = |j: usize| text.get(j..).is_some_and(|r| r.starts_with('\u{201d}') || r.starts_with('"'));
                let after =
                    if closing(i + 1) { i + 1 + text[i + 1..].chars().next().map_or(1, char::len_utf8) } else { i + 1 };
                if !abbr && b.get(after).is_some_and(|c| c.is_ascii_whitespace()) {
                    return after;
                }
            }
            _ => {}
        }
    }
    // (a floor inside a character moves to its end)
    ceil_char(text, floor)
}

/// The word (letters, digits and inner full stops) that ends at byte `i`.
fn word_before(text: &str, i: usize) -> &str {
    let head = &text[..i];
    let start =
        head.char_indices().rev().find(|(_, c)| !c.is_alphanumeric() && *c != '.').map_or(0, |(k, c)| k + c.len_utf8());
    &head[start..]
}

/// The start of the sentence that holds byte `at`, looking back no further
/// than `floor`.
pub(crate) fn sentence_start_in(text: &str, floor: usize, at: usize) -> usize {
    sentence_start(text, floor, at)
}

/// The end of the sentence that goes on after byte `at`, at most `ceil`.
pub(crate) fn sentence_end_after(text: &str, at: usize, ceil: usize) -> usize {
    sentence_end(text, at, ceil)
}

/// The first sentence end after `at` (or `ceil`).
fn sentence_end(text: &str, at: usize, ceil: usize) -> usize {
    let b = text.as_bytes();
    let mut i = at;
    while i < ceil {
        match b[i] {
            b'\n' if b.get(i + 1) == Some(&b'\n') => return i,
            b'.' | b'!' | b'?' => {
                let w = word_before(text, i);
                let abbr = ABBREVIATIONS.contains(&w)
                    || (w.chars().count() == 1 && w.chars().all(char::is_uppercase))
                    || w.contains('.');
                let followed_by_space =
                    b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace() || matches!(c, b'"' | 0xe2));
                if !abbr && followed_by_space {
                    return i + 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    ceil
}

fn span(ts: &[Tok<'_>]) -> Range<usize> {
    ts[0].at..ts[ts.len() - 1].end()
}

/// A word without its possessive ending ("Trump's", "Trump’s" → "Trump").
fn strip_possessive(w: &str) -> &str {
    w.trim_end_matches("'s").trim_end_matches("\u{2019}s")
}

/// The name the words spell, possessive endings dropped.
fn joined_name<'a, 'b: 'a>(ts: impl IntoIterator<Item = &'a Tok<'b>>) -> String {
    ts.into_iter().map(|t| strip_possessive(t.s)).collect::<Vec<_>>().join(" ")
}

/// Where the run of capitalised words that ends at `end` starts, at most
/// five words back ("with Trump reportedly yelling", "Trump in his speech").
fn cap_run_start(l: &[Tok<'_>], end: usize) -> usize {
    let mut a = end;
    while a > 0 && l[a - 1].is_word() && l[a - 1].is_cap() && end - a < 5 {
        a -= 1;
    }
    a
}

/// The speaker of `quotes[k]` as the text around it says, if it says.
pub fn speaker_of(text: &str, quotes: &[Quoted], k: usize) -> Option<(Range<usize>, Range<usize>)> {
    let q = &quotes[k];
    let next_q = quotes.get(k + 1).map_or(text.len(), |n| n.outer.start);
    let prev_q = if k > 0 { quotes[k - 1].outer.end } else { 0 };
    let inner = &text[q.inner.clone()];
    let ends_with_comma = inner.trim_end().ends_with(',') || inner.trim_end().ends_with('\u{2014}');
    // after the quotation, to the end of its sentence
    let r_end = sentence_end(text, q.outer.end, next_q.min(q.outer.end + 300).min(text.len()));
    let right = tokens(text, q.outer.end, floor_char(text, r_end));
    // before it, from the start of its sentence (or the quotation before)
    let mut l_start = sentence_start(text, prev_q.max(q.outer.start.saturating_sub(400)), q.outer.start);
    // "He said:" ending the paragraph before
    if text[l_start..q.outer.start].trim().is_empty() && text[..l_start].trim_end().ends_with(':') {
        let colon = text[..l_start].trim_end().len();
        l_start = sentence_start(text, prev_q.max(colon.saturating_sub(400)), colon);
    }
    let left = tokens(text, ceil_char(text, l_start), q.outer.start);
    // the whole sentence before the quotation, earlier quotations included:
    // where the cue is a participle or there is none, the subject is the
    // sentence's ("Kerpen needled the CNN “reporter,” saying, “…”")
    let whole_start = sentence_start(text, q.outer.start.saturating_sub(400), q.outer.start).min(l_start);
    let inside_earlier = |t: &Tok<'_>| quotes[..k].iter().any(|p| p.outer.start <= t.at && t.at < p.outer.end);
    let whole: Vec<Tok<'_>> =
        tokens(text, ceil_char(text, whole_start), q.outer.start).into_iter().filter(|t| !inside_earlier(t)).collect();
    // a quotation that ends with a full stop has ended its sentence: a verb
    // after it belongs to the next one ("Japan branded North Korea an “outlaw
    // nation.” Russia insisted ..."); a dash or tilde credit still reads
    let closed = closes_sentence(inner);
    // (but “…missing.” Trump said. is the quotation's own cue, a full stop
    // misplaced: a short subject and the verb, ending the sentence)
    let bare = |m: &Range<usize>, cue: &Range<usize>| {
        m.start >= q.outer.end
            && text[q.outer.end..m.start].trim().is_empty()
            && m.end - m.start < 40
            && text[cue.end..].trim_start().starts_with('.')
    };
    let from_right = right_cue(&right).filter(|(m, cue)| {
        !closed || !text[cue.clone()].chars().next().is_some_and(char::is_alphabetic) || bare(m, cue)
    });
    let from_left = left_cue(&left, &whole);
    match (from_right, from_left) {
        (Some(r), Some(l)) => {
            // the cue nearer the quotation wins; at equal distance "“...,” he
            // said" reads right and "He said: “...”" reads left
            let dr = right.iter().take_while(|t| t.at < r.1.start).filter(|t| t.is_word()).count();
            let dl = left.iter().filter(|t| t.at >= l.1.end && t.is_word()).count();
            if dr < dl || (dr == dl && (ends_with_comma || right.first().is_some_and(|t| t.is(",")))) {
                Some(r)
            } else {
                Some(l)
            }
        }
        (Some(r), None) => Some(r),
        (None, Some(l)) => Some(l),
        (None, None) => colon_intro(&left, &whole)
            .or_else(|| cue_sentence_before(text, l_start, prev_q, &left, &right))
            .or_else(|| {
                // a short phrase in marks is as often the writer's scare quote as
                // anyone's words: only a longer one goes to the sentence's subject
                (inner.split_whitespace().count() >= EMBEDDED_MIN_WORDS)
                    .then(|| embedded_in(&left))
                    .flatten()
                    .filter(|_| whole_start >= l_start)
            }),
    }
}

/// Whether quoted words end with the full stop of a sentence (not of
/// "U.S." or "Mr.", not an ellipsis).
pub(crate) fn closes_sentence(inner: &str) -> bool {
    let t = inner.trim_end();
    let Some(head) = t.strip_suffix('.') else { return false };
    if head.ends_with('.') {
        return false;
    }
    let w = word_before(t, head.len());
    !w.is_empty() && !ABBREVIATIONS.contains(&w) && !w.contains('.') && w.chars().count() > 1
}

pub(crate) fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// "…,” he said." / "…,” said Mr. Trump, …" / "…” — Commissioner Geoffrey
/// Starks" / "…,” according to a spokesman."
fn right_cue(r: &[Tok<'_>]) -> Option<(Range<usize>, Range<usize>)> {
    let mut i = 0;
    while i < r.len() && matches!(r[i].s, "," | ":" | ";" | ")" | "(") {
        i += 1;
    }
    let t = r.get(i)?;
    // a dash or tilde credit
    if matches!(t.s, "\u{2014}" | "\u{2015}" | "\u{2013}" | "--" | "~" | "-") {
        let np: Vec<Tok<'_>> =
            r[i + 1..].iter().take_while(|x| x.is_word() || x.is("(") || x.is(")")).take(8).cloned().collect();
        if np.first().is_some_and(|x| x.is_cap()) {
            return Some((span(&np), t.at..t.end()));
        }
        return None;
    }
    if t.lower() == "according" && r.get(i + 1).is_some_and(|x| x.lower() == "to") {
        let np = noun_phrase_after(&r[i + 2..])?;
        return Some((np, t.at..r[i + 1].end()));
    }
    // the first verb of saying in the next few words, with nothing that ends a clause before it
    let limit = (i + 24).min(r.len());
    // a form that is as often a noun is a verb here only where nothing else
    // fits: first ("…,” read the email) or closing a short clause (“…,” the
    // letter reads.)
    let weak = |k: usize| {
        let t = &r[k];
        !t.is_cap()
            && VERBS.contains(&t.lower().as_str())
            && (k == i
                || (k <= i + 4 && r.get(k + 1).is_none_or(|n| matches!(n.s, "." | ";")))
                // “…,” a welcome message on the website reads. / “…,” the document states, …
                || (k <= i + 7
                    && matches!(r[i].lower().as_str(), "a" | "an" | "the" | "this" | "that" | "his" | "her" | "their" | "its" | "one")
                    && !r[i..k].iter().any(|x| x.is(","))
                    && r.get(k + 1).is_none_or(|n| matches!(n.s, "." | ";" | ","))))
    };
    // past the first few words only "…, said Alan Abramowitz, a demographer."
    // closing the sentence
    let far_inversion =
        |k: usize| k > 0 && r[k - 1].is(",") && r[k].lower() == "said" && r.get(k + 1).is_some_and(|x| x.is_cap());
    // the first verb whose subject reads; "“…,” and donations began to pick
    // up, Gilbert said" passes "began"
    (i..r.len())
        .filter(|&k| {
            (k < limit || far_inversion(k)) && (is_verb(&r[k]) || weak(k) || phrasal(r, k)) && !is_participle(&r[k])
        })
        .take(3)
        .find_map(|v| right_cue_at(r, i, v))
}

/// The speaker of a right cue whose verb is `r[v]`, the words before it
/// starting at `r[i]`.
fn right_cue_at(r: &[Tok<'_>], i: usize, v: usize) -> Option<(Range<usize>, Range<usize>)> {
    if r[i..v].iter().any(|x| matches!(x.s, "." | "!" | "?" | ";" | "\u{201c}" | "\"")) {
        return None;
    }
    // "... and Clevelanders get nervous, said Christine Link": inversion after a comma
    // (not "told": "..., told The Huffington Post" names who was told)
    // (nor when a name opens the words before the comma: "Mitch McConnell,
    // R-Ky., said Tuesday")
    let named_first =
        r[i].is_cap() && r[i..v].iter().position(|x| x.is(",")).is_some_and(|c| c > 0 && subject_ok(&r[i..i + c]));
    let inverted = v > i
        && r[v - 1].is(",")
        && r.get(v + 1).is_some_and(|x| x.is_cap())
        && !TELL.contains(&r[v].lower().as_str())
        && !named_first;
    if v == i
        || inverted
        || (v == i + 1 && matches!(r[i].lower().as_str(), "then" | "later" | "also" | "again" | "once"))
    {
        // "said Mr. Trump, the nominee"
        let np = noun_phrase_after(&r[v + 1..])?;
        return Some((np, r[v].at..r[v].end()));
    }
    // "he said", "Clinton's spokesman Brian Fallon said", "Trump, the nominee, said"
    if v > i + 12 && !r[i..v].iter().any(|x| x.is(",")) {
        return None;
    }
    let subj = &r[i..v];
    let subj: Vec<Tok<'_>> = match subj.iter().position(|x| x.is(",")) {
        Some(c) if c > 0 => subj[..c].to_vec(),
        _ => subj.to_vec(),
    };
    let subj: Vec<Tok<'_>> = trim_adverbs(subj);
    // between the quotation and the verb, "and" joins ("Dovere and
    // Debenedetti wrote", "the Florida senator and candidate said")
    let unjoined: Vec<Tok<'_>> = subj.iter().filter(|t| !t.is("and")).cloned().collect();
    // (but "“…,” the dawn of the movement, Bozell says": a name after the
    // last comma before the verb is the subject, the words before it an
    // apposition to the quotation)
    let named_after_comma = r[i..v].iter().rposition(|x| x.is(",")).is_some_and(|c| {
        let after = &r[i + c + 1..v];
        !after.is_empty() && after.iter().all(|t| t.is_word() && t.is_cap()) && subject_ok(after)
    });
    let lowercase_led = subj.first().is_some_and(|t| !t.is_cap() && !PRONOUNS.contains(&t.lower().as_str()));
    if subject_ok(&unjoined)
        && subj.first().is_some_and(|t| !t.is("and"))
        && subj.last().is_some_and(|t| !t.is("and"))
        && !(lowercase_led && named_after_comma)
    {
        let end = if phrasal(r, v) { r[v + 1].end() } else { r[v].end() };
        return Some((span(&subj), r[v].at..end));
    }
    // "“Boots on the ground” would be appropriate, Republican candidate Ben
    // Carson said": the quotation inside a sentence, its subject after a comma
    if let Some(c) = r[i..v].iter().rposition(|x| x.is(",")) {
        let subj = trim_adverbs(r[i + c + 1..v].to_vec());
        // (", the lawsuit says." closing the sentence)
        let ends = r.get(v + 1).is_none_or(|n| matches!(n.s, "." | "!" | "?"));
        let led = |t: &Tok<'_>| {
            t.is_cap()
                || matches!(t.lower().as_str(), "he" | "she" | "they")
                || ends && matches!(t.lower().as_str(), "the" | "a" | "an")
        };
        if subj.first().is_some_and(led) && subject_ok(&subj) {
            return Some((span(&subj), r[v].at..r[v].end()));
        }
    }
    if r[i..v].iter().any(|x| x.is(",")) {
        return None;
    }
    // "a voice-over in the ad states": the noun phrase before its
    // prepositional phrase
    let words = trim_adverbs(r[i..v].to_vec());
    if let Some(p) =
        words.iter().position(|t| matches!(t.lower().as_str(), "in" | "on" | "at" | "from" | "for" | "with"))
    {
        let head = &words[..p];
        if p > 0 && matches!(head[0].lower().as_str(), "a" | "an" | "the" | "one" | "another") && subject_ok(head) {
            return Some((span(head), r[v].at..r[v].end()));
        }
    }
    // "Fight for $15 organizing director Kendall Fells told": the name
    // that ends the words before the verb
    let tail = words.iter().rposition(|t| !t.is_word() || is_clause_word(t) || is_verb(t)).map_or(0, |k| k + 1);
    let tail = &words[tail..];
    if tail.len() >= 2
        && tail.last().is_some_and(|t| t.is_cap())
        && tail.iter().filter(|t| t.is_cap()).count() >= 2
        && subject_ok(tail)
    {
        return Some((span(tail), r[v].at..r[v].end()));
    }
    None
}

/// Adverbs between a subject and its verb ("he later said").
fn trim_adverbs(mut s: Vec<Tok<'_>>) -> Vec<Tok<'_>> {
    while s.last().is_some_and(|t| {
        t.s.ends_with("ly") && !t.is_cap()
            || !t.is_cap()
                && (AUXILIARIES.contains(&t.lower().as_str())
                    || matches!(
                        t.lower().as_str(),
                        "now" | "always" | "first" | "is" | "was" | "are" | "were" | "been" | "being"
                    ))
    }) {
        s.pop();
    }
    s
}

/// A noun phrase at the start of `r`: up to a comma, a full stop, or a word
/// that starts a clause.
fn noun_phrase_after(r: &[Tok<'_>]) -> Option<Range<usize>> {
    // a pronoun is a whole subject ("she didn't limit her attacks")
    if r.first().is_some_and(|t| PRONOUNS.contains(&t.lower().as_str())) {
        return Some(r[0].at..r[0].end());
    }
    let mut end = 0;
    for (k, t) in r.iter().enumerate() {
        if !t.is_word() && !t.is("(") && !t.is(")") {
            break;
        }
        let l = t.lower();
        // a lowercase word in -ed after the name is its verb ("Bradley defeated")
        let past = k > 0 && !t.is_cap() && l.ends_with("ed") && !l.contains('-');
        if k > 0 && (is_clause_word(t) || is_verb(t) || past) {
            break;
        }
        end = k + 1;
        if end >= 8 {
            break;
        }
    }
    let np = &r[..end];
    (!np.is_empty() && subject_ok(np)).then(|| span(np))
}

/// "He said: “…”" / "Trump told reporters, “…”" / "As Lincoln put it, “…”"
/// / "In the words of X, “…”" / "According to X, “…”".
fn left_cue(l: &[Tok<'_>], whole: &[Tok<'_>]) -> Option<(Range<usize>, Range<usize>)> {
    if l.is_empty() {
        return None;
    }
    // the sentence's words before byte `at`, from its true start
    let upto = |at: usize| &whole[..whole.iter().position(|t| t.at >= at).unwrap_or(whole.len())];
    let words: Vec<String> = l.iter().map(|t| t.lower()).collect();
    // "Said Dorothy Poynter, who grew up with him, “…”"
    if l[0].is("Said") {
        if let Some(np) = noun_phrase_after(&l[1..]) {
            return Some((np, l[0].at..l[0].end()));
        }
    }
    // "in the words of X," / "according to X," / "in Forbes’ words,"
    for (k, w) in words.iter().enumerate() {
        let in_at = if w == "words" && k >= 2 {
            words[..k - 1].iter().rposition(|x| x == "in").filter(|&i| k - i <= 5)
        } else {
            None
        };
        if let Some(i) = in_at {
            let owner = &l[i + 1..k];
            let last = owner[owner.len() - 1].s;
            if (strip_possessive(last) != last || last.ends_with(['\'', '\u{2019}'])) && owner[0].is_cap() {
                let owner: Vec<Tok<'_>> = owner.iter().filter(|t| t.is_word()).cloned().collect();
                if !owner.is_empty() {
                    return Some((span(&owner), l[k].at..l[k].end()));
                }
            }
        }
        if w == "words" && k >= 1 && words.get(k + 1).is_some_and(|x| x == "of") {
            if let Some(np) = noun_phrase_after(&l[k + 2..]) {
                return Some((np, l[k].at..l[k + 1].end()));
            }
        }
        if w == "according" && words.get(k + 1).is_some_and(|x| x == "to") {
            if let Some(np) = noun_phrase_after(&l[k + 2..]) {
                return Some((np, l[k].at..l[k + 1].end()));
            }
        }
    }
    // "Clinton: “…”": a name and a colon, alone before the quotation, or
    // after a dash ("POLLS NOT WRONG, JUST EARLY - Mark Blumenthal and Jon
    // Cohen: “…”")
    if l.len() >= 2 && l[l.len() - 1].is(":") {
        let from = l.iter().rposition(|t| matches!(t.s, "-" | "--" | "\u{2013}" | "\u{2014}")).map_or(0, |d| d + 1);
        let name = &l[from..l.len() - 1];
        if !name.is_empty()
            && name.len() <= 6
            && name.iter().all(|t| t.is_word() && (t.is_cap() || t.is("and")))
            && name[0].is_cap()
            && name[name.len() - 1].is_cap()
        {
            return Some((span(name), l[l.len() - 1].at..l[l.len() - 1].end()));
        }
    }
    // "As X put it,"
    if let Some(k) = (0..l.len().saturating_sub(2))
        .rev()
        .find(|&k| matches!(words[k].as_str(), "put" | "puts") && words[k + 1] == "it")
    {
        if k >= 2 && words[..k].iter().any(|w| w == "as") {
            let a = words[..k].iter().rposition(|w| w == "as").unwrap_or(0);
            let subj: Vec<Tok<'_>> = l[a + 1..k].to_vec();
            if subject_ok(&subj) {
                return Some((span(&subj), l[k].at..l[k + 1].end()));
            }
        }
    }
    // the last verb of saying, not far from the quotation
    // a form that is as often a noun is a verb between a subject and "that",
    // a colon or the quotation ("The ad claims “…”", "Sanders notes that")
    let weak = |k: usize| {
        let t = &l[k];
        let w = t.lower();
        let before = k.checked_sub(1).map(|b| &l[b]);
        !t.is_cap()
            && w.ends_with('s')
            && VERBS.contains(&w.as_str())
            && l.get(k + 1).is_none_or(|n| matches!(n.s, "that" | ":" | ","))
            && before.is_some_and(|b| {
                let bl = b.lower();
                b.is_word() && strip_possessive(&bl) == bl && !matches!(bl.as_str(), "his" | "her" | "their" | "its" | "our" | "my" | "your" | "the" | "a" | "an" | "these" | "those" | "of" | "and" | "with")
            })
            // nor the noun of "her opening remarks that"
            && {
                let mut a = k;
                while a > 0 && l[a - 1].is_word() && !is_clause_word(&l[a - 1]) && k - a < 6 {
                    a -= 1;
                }
                a < k && !matches!(l[a].lower().as_str(), "his" | "her" | "their" | "its" | "our" | "my" | "your")
            }
    };
    let phrasal_cue =
        |k: usize| phrasal(l, k) && l.get(k + 2).is_none_or(|n| matches!(n.s, "," | ":" | "that" | "about"));
    let v = (0..l.len()).rev().take(25).find(|&k| is_verb(&l[k]) || weak(k) || phrasal_cue(k))?;
    let cue = if phrasal_cue(v) { l[v].at..l[v + 1].end() } else { l[v].at..l[v].end() };
    if is_participle(&l[v]) {
        // "…, Spicer said, adding, “…”": the subject of the verb before
        if v >= 2 && l[v - 1].is(",") && is_verb(&l[v - 2]) && !is_participle(&l[v - 2]) {
            if let Some((np, _)) = left_cue(&l[..v - 1], whole) {
                return Some((np, cue));
            }
        }
        // "with Trump reportedly yelling: “…”": the participle's own subject
        let mut k = v;
        while k > 0 && l[k - 1].s.ends_with("ly") && !l[k - 1].is_cap() {
            k -= 1;
        }
        let a = cap_run_start(l, k);
        // "with Trump reportedly yelling", "– Ryan saying …, and Trump calling it"
        if a < k
            && (a == 0 || matches!(l[a - 1].lower().as_str(), "with" | "and" | "," | "\u{2013}" | "\u{2014}" | "--"))
            && subject_ok(&l[a..k])
        {
            return Some((span(&l[a..k]), cue));
        }
        // the subject of the sentence, from the quotation before if there is
        // one, else from the sentence's start
        return clause_subject(&l[..v]).or_else(|| clause_subject(upto(l[v].at))).map(|np| (np, cue));
    }
    // "The email goes on to say: “…”", "Clinton refused to say", but not
    // "it's safe to say", "as if to say"
    let mut v = v;
    if v > 1 && l[v - 1].lower() == "to" {
        let g = if l[v - 2].lower() == "on" && v > 2 { v - 3 } else { v - 2 };
        let gov = &l[g];
        let gl = gov.lower();
        let verb_like = gl.ends_with("ed")
            || matches!(
                gl.as_str(),
                "goes"
                    | "go"
                    | "went"
                    | "want"
                    | "wants"
                    | "seems"
                    | "tries"
                    | "refuses"
                    | "declines"
                    | "continues"
                    | "decides"
                    | "appears"
                    | "plans"
                    | "hopes"
                    | "needs"
                    | "came"
                    | "took"
                    | "began"
                    | "chose"
                    | "chooses"
            );
        let idiom = matches!(
            gl.as_str(),
            "safe"
                | "fair"
                | "hard"
                | "if"
                | "it"
                | "is"
                | "was"
                | "be"
                | "needless"
                | "difficult"
                | "easy"
                | "enough"
                | "suffice"
        );
        if gov.is_word() && !gov.is_cap() && verb_like {
            v = g;
        } else if idiom {
            return None;
        } else {
            return sentence_subject(upto(l[v - 1].at)).map(|np| (np, cue));
        }
    }
    // between the verb and the quotation: objects and a colon, comma or "that"
    if l[v + 1..].iter().any(|t| matches!(t.s, "." | "!" | "?" | "\u{201d}" | "\"")) {
        return None;
    }
    // the subject: backwards from the verb (past "has", "also") to a clause boundary
    // "The paradox of Nancy, says Carl Anthony, a historian, is that …":
    // the verb before its subject
    if v > 0 && l[v - 1].is(",") && l.get(v + 1).is_some_and(|t| t.is_cap()) && !TELL.contains(&l[v].lower().as_str()) {
        if let Some(np) = noun_phrase_after(&l[v + 1..]) {
            if l.iter().find(|t| t.at >= np.end).is_some_and(|t| t.is(",")) {
                return Some((np, cue));
            }
        }
    }
    // (and "President Obama on Friday declared", "who has in the past described")
    let mut v0 = v;
    loop {
        let before = v0;
        while v0 > 0 && AUXILIARIES.contains(&l[v0 - 1].lower().as_str()) {
            v0 -= 1;
        }
        v0 -= time_phrase(&l[..v0]);
        if v0 == before {
            break;
        }
    }
    // "Scott Reed, the group's strategist, who added that …": the relative
    // pronoun is the subject; the person is the one it follows
    if v0 > 0 && matches!(l[v0 - 1].lower().as_str(), "who") && v0 >= 2 && l[v0 - 2].is(",") {
        return Some((l[v0 - 1].at..l[v0 - 1].end(), cue));
    }
    let mut s = v0;
    while s > 0 {
        let t = &l[s - 1];
        if !t.is_word() && !t.is("(") && !t.is(")") {
            break;
        }
        // "Lapp, a director, said she thinks “…”": the reported thought is
        // the outer speaker's, whose verb this is
        if is_verb(t) && !is_participle(t) && v0 - s <= 2 {
            return left_cue(&l[..s], whole);
        }
        // "of what President Wilson once said:": "what" opens the clause
        // whose subject speaks ("what it calls “…”" names the thing, and
        // the words are the outer subject's)
        if is_clause_word(t) || (t.lower() == "what" && !matches!(l[v].lower().as_str(), "call" | "calls" | "called")) {
            break;
        }
        s -= 1;
        if v0 - s >= 8 {
            break;
        }
    }
    let subj = trim_adverbs(l[s..v0].to_vec());
    // "Trump in his announcement speech called": the name before the
    // phrase, not the phrase
    if s >= 2
        && subj.first().is_some_and(|t| !t.is_cap())
        && matches!(l[s - 1].lower().as_str(), "in" | "at" | "during" | "on")
        && l[s - 2].is_cap()
        && !OPENERS.contains(&l[s - 2].lower().as_str())
    {
        let a = cap_run_start(l, s - 1);
        if subject_ok(&l[a..s - 1]) {
            return Some((span(&l[a..s - 1]), cue));
        }
    }
    if subject_ok(&subj) {
        return Some((span(&subj), cue));
    }
    // "a White House official who spoke anonymously to discuss strategy
    // said": the noun phrase before a relative clause
    if let Some(w) = (v0.saturating_sub(14)..v0).rev().find(|&k| l[k].lower() == "who" && k > 0 && l[k - 1].is_word()) {
        let mut a = w;
        while a > 0 && l[a - 1].is_word() && !is_clause_word(&l[a - 1]) && w - a < 8 {
            a -= 1;
        }
        if a < w && subject_ok(&l[a..w]) && !l[w + 1..v0].iter().any(|t| is_verb(t) && !is_participle(t)) {
            return Some((span(&l[a..w]), cue));
        }
    }
    // "A former candidate -- John McCain, who lost in 2008 -- said": past
    // the words between dashes
    if s == v0 && s > 1 && is_dash(&l[s - 1]) {
        if let Some(d) = (0..s - 1).rev().find(|&k| is_dash(&l[k])) {
            let mut a = d;
            while a > 0 && l[a - 1].is_word() && !CLAUSE_WORDS.contains(&l[a - 1].lower().as_str()) && d - a < 8 {
                a -= 1;
            }
            let subj = &l[a..d];
            if subject_ok(subj) {
                return Some((span(subj), cue));
            }
        }
    }
    // a second verb of the sentence's subject ("Roberts said Friday that ...
    // but said “…”", "Trump paused and added, “…”")
    if s == v0 && s > 0 && matches!(l[s - 1].lower().as_str(), "and" | "but") {
        if let Some(np) = clause_subject(&l[..s - 1]) {
            return Some((np, l[v].at..l[v].end()));
        }
    }
    // "James Zogby, a Sanders superdelegate ..., said:": skip the appositive
    if s == v0 && s > 0 && l[s - 1].is(",") {
        let comma = (0..s - 1).rev().find(|&k| l[k].is(","))?;
        // "Ramil Carr, 31, a Philadelphia freelance photographer, said", "Cory
        // James, 22, of Flint, Mich., said": the name that opens the sentence,
        // a comma after it, and only appositives before the verb
        let from = subject_from(l);
        if l.get(from).is_some_and(|t| t.is_cap()) && !l[..v0].iter().any(|t| is_verb(t) && !is_participle(t)) {
            if let Some(np) = noun_phrase_after(&l[from..]) {
                if l.iter().find(|t| t.at >= np.end).is_some_and(|t| t.is(",")) {
                    return Some((np, cue));
                }
            }
        }
        // "her senior policy adviser, Jake Sullivan, said": a name between
        // the commas (not a party and state, "R-Ky.", nor a state, "Mich.")
        let between = &l[comma + 1..s - 1];
        let named = between.iter().all(|t| t.is_word() && t.is_cap())
            && !between.iter().any(|t| t.s.contains('-') || t.s.ends_with('.'));
        if !between.is_empty() && between.len() <= 5 && named {
            return Some((span(between), cue));
        }
        let mut a = comma;
        while a > 0 && l[a - 1].is_word() && !CLAUSE_WORDS.contains(&l[a - 1].lower().as_str()) && comma - a < 6 {
            a -= 1;
        }
        let subj = l[a..comma].to_vec();
        if subj.first().is_some_and(|t| t.is_cap()) && subject_ok(&subj) {
            return Some((span(&subj), cue));
        }
        if l.get(from).is_some_and(|t| t.is_cap()) && !l[..v0].iter().any(|t| is_verb(t)) {
            if let Some(np) = noun_phrase_after(&l[from..]) {
                return Some((np, cue));
            }
        }
    }
    // an earlier verb of the sentence whose subject reads ("A source said
    // the parts of the network that were hacked suggested “…”")
    left_cue(&l[..v], whole)
}

/// How many words at the end of `l` say when ("on Friday", "last week",
/// "at the time", "on Tuesday night"): none of them is a subject.
fn time_phrase(l: &[Tok<'_>]) -> usize {
    let w = |k: usize| l.len().checked_sub(k).and_then(|i| l.get(i)).map(Tok::lower).unwrap_or_default();
    let part = |x: &str| matches!(x, "morning" | "afternoon" | "evening" | "night");
    let unit = |x: &str| {
        matches!(x, "week" | "month" | "year" | "weekend" | "summer" | "fall" | "spring" | "winter" | "night")
    };
    if w(3) == "at" && w(2) == "the" && w(1) == "time"
        || w(3) == "in" && w(2) == "the" && w(1) == "past"
        || w(3) == "at" && w(2) == "one" && w(1) == "point"
    {
        return 3;
    }
    if matches!(w(2).as_str(), "last" | "this" | "earlier" | "later") && unit(&w(1)) {
        return 2;
    }
    let cal = |k: usize| l.len().checked_sub(k).and_then(|i| l.get(i)).is_some_and(is_calendar);
    if w(3) == "on" && cal(2) && part(&w(1)) {
        return 3;
    }
    if matches!(w(2).as_str(), "on" | "last" | "this") && cal(1) {
        return 2;
    }
    0
}

fn is_dash(t: &Tok<'_>) -> bool {
    matches!(t.s, "--" | "\u{2014}" | "\u{2013}")
}

/// "Also, Trump isn't a conservative, he said. “He's a liberal!”": a
/// quotation that is a sentence of its own, after a sentence in the same
/// paragraph that reports someone's words ("X said", "X agreed", "X
/// tweeted a warning") and holds no quotation, is in that person's voice.
fn cue_sentence_before(
    text: &str,
    l_start: usize,
    prev_q: usize,
    left: &[Tok<'_>],
    right: &[Tok<'_>],
) -> Option<(Range<usize>, Range<usize>)> {
    if left.iter().any(|t| t.is_word() && !LEADERS.contains(&t.lower().as_str())) || right.iter().any(Tok::is_word) {
        return None;
    }
    let end = text[..l_start].trim_end().trim_end_matches(['.', '!', '?']).len();
    if end <= prev_q {
        return None;
    }
    let start = ceil_char(text, sentence_start(text, prev_q.max(end.saturating_sub(400)), end)).min(end);
    let sentence = &text[start..end];
    if sentence.contains('\n') || sentence.contains(['\u{201c}', '\u{201d}', '"']) || (start == prev_q && prev_q > 0) {
        return None;
    }
    let mut ts = tokens(text, start, end);
    while ts.last().is_some_and(|t| !t.is_word()) {
        ts.pop();
    }
    // "He didn't suggest retaliation." reports no words
    let (mention, cue) = left_cue(&ts, &ts)?;
    let negated = ts.iter().filter(|t| t.at < cue.start && t.at >= mention.end).any(|t| {
        let w = t.lower();
        w == "not" || w == "never" || w.ends_with("n't") || w.ends_with("n\u{2019}t")
    });
    (!negated).then_some((mention, cue))
}

/// Whether a capitalised word is one that opens sentences, not a name
/// ("Rather", "Meanwhile").
fn is_leader(t: &Tok<'_>) -> bool {
    LEADERS.contains(&t.lower().as_str())
}

/// Cap words that open a sentence without naming anyone ("Here is what he
/// wrote:").
const NOT_SUBJECTS: &[&str] = &["here", "there", "this", "that", "these", "those", "it", "what", "which"];

/// "Clinton has since apologized for what happened: “…”": a sentence that
/// ends with a colon before the quotation introduces its speaker's words.
fn colon_intro(l: &[Tok<'_>], whole: &[Tok<'_>]) -> Option<(Range<usize>, Range<usize>)> {
    let colon = l.last().filter(|t| t.is(":"))?;
    let head = &whole[..whole.iter().position(|t| t.at >= colon.at).unwrap_or(whole.len())];
    // "Reid said …, but he gave the Texan a compliment:": the last clause's
    let clause = (1..head.len())
        .rev()
        .find(|&k| head[k - 1].is(",") && matches!(head[k].lower().as_str(), "but" | "and" | "so"))
        .map_or(0, |k| k + 1);
    // "Here’s Clinton in December 1992: “…”"
    if head.len() >= 2 && matches!(head[0].lower().as_str(), "here's" | "here\u{2019}s") && head[1].is_cap() {
        return noun_phrase_after(&head[1..]).map(|np| (np, colon.at..colon.end()));
    }
    let np = opening_subject(&head[clause..]).or_else(|| opening_subject(head))?;
    Some((np, colon.at..colon.end()))
}

/// The subject that opens the sentence `l` (past "And", "In an interview,"),
/// a name or a pronoun or a noun phrase with a name in it, followed by its
/// verb: a lowercase word, past "has", "also", "later".
fn opening_subject(l: &[Tok<'_>]) -> Option<Range<usize>> {
    let from = subject_from(l);
    let first = l.get(from)?;
    let lower = first.lower();
    let base = strip_possessive(&lower);
    let determiner = matches!(lower.as_str(), "the" | "a" | "an");
    if !(first.is_cap() || determiner || matches!(lower.as_str(), "he" | "she" | "they"))
        || NOT_SUBJECTS.contains(&base)
        || is_calendar(first)
    {
        return None;
    }
    subject_and_verb(l, from).map(|(np, _)| np)
}

/// Past forms that end in neither "-ed" nor "-s" ("A 2014 report found").
const IRREGULAR_PAST: &[&str] = &[
    "found",
    "said",
    "told",
    "wrote",
    "gave",
    "took",
    "made",
    "got",
    "saw",
    "thought",
    "knew",
    "went",
    "came",
    "put",
    "began",
    "brought",
    "held",
    "kept",
    "left",
    "led",
    "meant",
    "met",
    "paid",
    "ran",
    "sent",
    "set",
    "spoke",
    "stood",
    "won",
    "felt",
    "heard",
    "became",
    "chose",
    "drew",
    "drove",
    "fell",
    "grew",
    "hit",
    "let",
    "lost",
    "rose",
    "sang",
    "shook",
    "sold",
    "spent",
    "struck",
    "swore",
    "taught",
    "threw",
    "understood",
    "wore",
];

pub(crate) fn is_number_word(w: &str) -> bool {
    w.chars().all(|c| c.is_ascii_digit())
        || matches!(
            w,
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "thirteen"
                | "fourteen"
                | "fifteen"
                | "twenty"
                | "thirty"
                | "forty"
                | "fifty"
                | "hundred"
        )
}

/// A word that reads as a verb after a subject: a past or third-person
/// form, an auxiliary.
fn verb_like(t: &Tok<'_>) -> bool {
    let w = t.lower();
    !t.is_cap()
        && t.is_word()
        && (w.ends_with("ed")
            || (w.ends_with('s') && !w.ends_with("ss") && w.len() > 3)
            || IRREGULAR_PAST.contains(&w.as_str()))
}

/// The subject that starts at `l[from]` and the verb after it (past "has",
/// "also"): the whole noun phrase when a lowercase word follows it, else
/// its shortest start that a verb-like word follows ("The Rove ad hits
/// Clinton for …", "Politico reveals a few facts:").
fn subject_and_verb(l: &[Tok<'_>], from: usize) -> Option<(Range<usize>, usize)> {
    let skip = |mut k: usize| {
        while k + 1 < l.len()
            && (AUXILIARIES.contains(&l[k].lower().as_str()) || l[k].s.ends_with("ly") && !l[k].is_cap())
        {
            k += 1;
        }
        k
    };
    let np = noun_phrase_after(&l[from..])?;
    let end = l.iter().position(|t| t.at >= np.end).unwrap_or(l.len());
    if end < l.len() {
        let k = skip(end);
        let verb = &l[k];
        if verb.is_word() && !verb.is_cap() && (!CLAUSE_WORDS.contains(&verb.lower().as_str()) || verb_like(verb)) {
            return Some((np, k));
        }
    }
    // (a one-word start is a name, not "The", "His", "Two", "Featuring")
    let one_word = |t: &Tok<'_>| {
        let w = t.lower();
        t.is_cap()
            && !w.ends_with("ing")
            && !matches!(
                w.as_str(),
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
                    | "such"
                    | "some"
                    | "many"
                    | "most"
                    | "all"
                    | "both"
                    | "each"
                    | "hundreds"
                    | "thousands"
                    | "dozens"
                    | "millions"
            )
            && !is_number_word(&w)
    };
    (from + 1..end).find_map(|j| {
        let k = skip(j);
        let head = &l[from..j];
        let fits = if head.len() == 1 {
            one_word(&head[0])
        } else {
            head.iter().any(|t| t.is_cap() && !is_number_word(&t.lower()))
        };
        (fits && verb_like(&l[k]) && subject_ok(head)).then(|| (span(head), k))
    })
}

/// The fewest words of a quotation inside a sentence with no verb of saying
/// for the sentence's subject to be taken as its speaker. On PolNeAR train,
/// such subjects were right for 71% of quotations of four words or more,
/// 58% of three-word ones and 47% of two-word ones: those, wrong more often
/// than right, get no speaker.
const EMBEDDED_MIN_WORDS: usize = 3;

/// Quoted words inside a sentence that has no verb of saying ("Trump
/// openly admires Putin as a “strong leader”"): the sentence's subject, a
/// name or a pronoun followed by its verb, is whose words they are.
fn embedded_in(l: &[Tok<'_>]) -> Option<(Range<usize>, Range<usize>)> {
    let start = sentence_subject(l)?.start;
    let from = l.iter().position(|t| t.at == start)?;
    // "Kasich has also broadly called for", "He also seeks", "the FBI lists"
    let (np, k) = subject_and_verb(l, from)?;
    let first = &l[from];
    let in_np = |t: &&Tok<'_>| t.at >= np.start && t.end() <= np.end;
    let named =
        first.is_cap() || PRONOUNS.contains(&first.lower().as_str()) || l.iter().filter(in_np).any(|t| t.is_cap());
    named.then(|| (np, l[k].at..l[k].end()))
}

/// Words that open a sentence before its subject ("And then Trump went on
/// the attack", "Still, Clinton said").
const LEADERS: &[&str] = &[
    "and",
    "but",
    "so",
    "yet",
    "still",
    "then",
    "now",
    "also",
    "meanwhile",
    "instead",
    "however",
    "indeed",
    "again",
    "later",
    "earlier",
    "finally",
    "moreover",
    "thus",
    "today",
    "yesterday",
    "tonight",
    "separately",
    "similarly",
    "likewise",
    "first",
    "second",
    "third",
    "afterward",
    "afterwards",
    "nevertheless",
    "nonetheless",
    "otherwise",
    "or",
    "rather",
];

/// First words of an opening phrase that a comma closes before the subject
/// ("In an interview,", "Hours later,", "Asked about the wall,").
const OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "since",
    "amid",
    "despite",
    "following",
    "under",
    "with",
    "without",
    "for",
    "from",
    "as",
    "while",
    "when",
    "if",
    "although",
    "though",
    "because",
    "by",
    "unlike",
    "like",
    "until",
    "once",
    "last",
    "earlier",
    "later",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "minutes",
    "moments",
    "asked",
    "pressed",
    "reached",
    "contacted",
    "questioned",
    "interviewed",
    "responding",
    "speaking",
    "writing",
    "appearing",
    "addressing",
    "according",
    "ever",
    "even",
    "long",
    "shortly",
    "soon",
    "just",
    "of",
    "alongside",
    "beyond",
    "besides",
    "among",
    "against",
    "toward",
    "towards",
    "per",
    "via",
    "across",
    "around",
    "near",
    "behind",
    "given",
    "thanks",
    "due",
    "instead",
    "based",
    "rather",
    "early",
    "late",
    "within",
    "throughout",
    "over",
    "into",
    "outside",
    "inside",
];

/// Days and months: times, never speakers ("President Obama on Friday
/// declared"), never people's names (the engine's name check reads it too).
pub const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn is_calendar(t: &Tok<'_>) -> bool {
    CALENDAR.contains(&t.lower().as_str())
}

/// Where the subject of the sentence that `l` opens may start: past
/// "And then", and past an opening phrase up to its comma.
fn subject_from(l: &[Tok<'_>]) -> usize {
    let mut k = 0;
    // a dateline: "WASHINGTON (AFP) –", "PORTLAND, Ore. —"
    if let Some(d) = l.iter().take(7).position(is_dash) {
        if d > 0 && l[..d].iter().all(|t| t.is_cap() || matches!(t.s, "(" | ")" | ",")) {
            k = d + 1;
        }
    }
    while k < l.len() && (LEADERS.contains(&l[k].lower().as_str()) || l[k].is(",")) && k < 4 {
        k += 1;
    }
    // ("Speaking at …," but not the names "King told", "Boreing said")
    let participle = |k: usize| {
        l[k].s.ends_with("ing")
            && l[k].is_cap()
            && l.get(k + 1).is_some_and(|n| {
                n.is_word() && !n.is_cap() && !is_verb(n) && !verb_like(n) && !AUXILIARIES.contains(&n.lower().as_str())
            })
    };
    let opener = l.get(k).is_some_and(|t| OPENERS.contains(&t.lower().as_str())) || k < l.len() && participle(k);
    if opener {
        // to the comma after which a subject starts ("In a wide-ranging,
        // in-prison interview with X, Lazar said")
        let subject_start = |j: usize| {
            l.get(j).is_some_and(|t| {
                t.is_cap()
                    || PRONOUNS.contains(&t.lower().as_str())
                    || matches!(
                        t.lower().as_str(),
                        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "one" | "some" | "many" | "even"
                    )
            })
        };
        let commas: Vec<usize> =
            l[k..].iter().take(30).enumerate().filter(|(_, t)| t.is(",")).map(|(c, _)| k + c).collect();
        if let Some(c) = commas.iter().find(|&&c| subject_start(c + 1)).or(commas.first()) {
            let mut from = c + 1;
            // "in Salem, New Hampshire, Trump went after Bush": a place
            // ends the opening phrase
            if let Some(np) = noun_phrase_after(&l[from..]) {
                let after = l.iter().position(|t| t.at >= np.end);
                if let Some(a) = after.filter(|&a| {
                    l[a].is(",") && l.get(a + 1).is_some_and(|t| t.is_cap() || PRONOUNS.contains(&t.lower().as_str()))
                }) {
                    if l[from..a].iter().all(|t| t.is_cap() && t.is_word()) && a - from <= 3 {
                        from = a + 1;
                    }
                }
            }
            return from;
        }
    }
    k
}

/// The subject of the last clause of `l` that has one: after ", and" or ",
/// but" ("the effort stalled, and he has battled with the union …, calling
/// the mayor “…”"), after "which" ("NAFTA, which Trump had called a
/// “disaster” and promised to “rip up”"); else the sentence's.
fn clause_subject(l: &[Tok<'_>]) -> Option<Range<usize>> {
    let joins = |k: usize| {
        let w = l[k].lower();
        (k > 0 && l[k - 1].is(",") && matches!(w.as_str(), "and" | "but")) || matches!(w.as_str(), "which" | "whom")
    };
    if let Some(k) = (0..l.len()).rev().find(|&k| joins(k)) {
        if let Some(np) = opening_subject(&l[k + 1..]) {
            return Some(np);
        }
    }
    sentence_subject(l)
}

/// The subject of the sentence that `l` opens: its first noun phrase that
/// starts with a capital or a pronoun, after an opening "Speaking at a town
/// hall," or "In an interview,".
fn sentence_subject(l: &[Tok<'_>]) -> Option<Range<usize>> {
    let from = subject_from(l);
    // "In December, the prince called for …": a noun phrase right there
    if l.get(from).is_some_and(|t| matches!(t.lower().as_str(), "the" | "a" | "an" | "his" | "her" | "their" | "its")) {
        if let Some(np) = noun_phrase_after(&l[from..]) {
            return Some(np);
        }
    }
    let start = (from..l.len()).find(|&k| {
        let w = l[k].lower();
        let base = strip_possessive(&w);
        // "It’s become such a presence that …", "Here is what …"
        let no_one =
            (base != w && NOT_SUBJECTS.contains(&base)) || matches!(w.as_str(), "here" | "there" | "what" | "which");
        l[k].is_word() && (l[k].is_cap() || PRONOUNS.contains(&w.as_str())) && !no_one
    })?;
    noun_phrase_after(&l[start..])
}

/// The person a mention names: its name words ("Clinton's spokesman Brian
/// Fallon" → "Brian Fallon"), or for a pronoun the person last named before
/// `before` as a speaker or, failing that, the last full name before it.
pub fn resolve(text: &str, mention: &Range<usize>, before: usize, earlier: &[(usize, String)]) -> Option<String> {
    let m = &text[mention.clone()];
    let lower = m.trim().to_lowercase();
    // "Scott Reed, the group's strategist, who": the person before
    if lower == "who" {
        let head = text[..mention.start].trim_end().trim_end_matches(',');
        let from = ceil_char(text, head.len().saturating_sub(300));
        let ts = tokens(text, from, head.len());
        let first =
            ts.iter().rposition(|t| !t.is_word() && !t.is(",") && !t.is("(") && !t.is(")")).map_or(0, |k| k + 1);
        let np: Vec<&Tok<'_>> = ts[first..]
            .iter()
            .skip_while(|t| !(t.is_cap() && t.is_word()))
            .take_while(|t| t.is_cap() && t.is_word())
            .collect();
        return (!np.is_empty()).then(|| joined_name(np));
    }
    if PRONOUNS.contains(&lower.as_str()) {
        if matches!(lower.as_str(), "i" | "we" | "it") {
            return None;
        }
        if let Some((_, n)) = earlier.iter().rev().find(|(at, _)| *at < before) {
            return Some(n.clone());
        }
        return last_full_name(&text[ceil_char(text, before.saturating_sub(1500))..before]);
    }
    let ts = tokens(text, mention.start, mention.end);
    // the last run of capitalised words (with a title before it)
    let mut best: Option<Range<usize>> = None;
    let mut k = 0;
    while k < ts.len() {
        if ts[k].is_cap() {
            let s = k;
            while k < ts.len() && (ts[k].is_cap() || ts[k].lower() == "de" || ts[k].lower() == "van") {
                k += 1;
            }
            best = Some(s..k);
        } else {
            k += 1;
        }
    }
    match best {
        Some(r)
            if !(r.len() == 1
                && matches!(
                    ts[r.start].s,
                    "The" | "A" | "An" | "One" | "Another" | "Some" | "His" | "Her" | "Their" | "Its"
                )) =>
        {
            Some(joined_name(&ts[r]))
        }
        _ => Some(m.trim().to_string()),
    }
}

/// The last name of two or more capitalised words in `s` (not at a sentence start alone).
fn last_full_name(s: &str) -> Option<String> {
    let ts = tokens(s, 0, s.len());
    let mut best = None;
    let mut k = 0;
    while k < ts.len() {
        if ts[k].is_cap() && ts[k].is_word() {
            let st = k;
            while k < ts.len() && ts[k].is_cap() && ts[k].is_word() {
                k += 1;
            }
            if k - st >= 2 {
                best = Some(joined_name(&ts[st..k]));
            }
        } else {
            k += 1;
        }
    }
    best
}
