//! Checking a document: every quotation in it, the speaker it gives, and
//! the verdict against the corpus.
//!
//! Quotations come from running text ([`verbatim_prose`]) or, for a quote
//! page, from the page's own structure (its recorded quotations and
//! credits). A quotation is never its own witness: when the document is in
//! the corpus, the match at the quotation's own place is set aside.

use std::ops::Range;

use verbatim_model::Source;

use crate::{Answer, CreditVerdict, Engine, EngineError, Verdict};

/// A document held in memory, read for checking: the text every offset
/// refers to, and its quotations.
#[derive(Debug, Clone)]
pub struct Document {
    pub text: String,
    pub quotes: Vec<DocQuote>,
    /// "prose" (quoted spans found in running text) or "page" (a quote
    /// page's own entries).
    pub kind: &'static str,
}

impl Document {
    /// The document `verbatim_formats::read_document` read: a quote page's
    /// recorded quotations, or the quotations in prose.
    pub fn new(source: Source, page: bool) -> Document {
        if page {
            Document { quotes: page_quotes(&source), text: source.text, kind: "page" }
        } else {
            Document { quotes: prose_quotes(&source.text), text: source.text, kind: "prose" }
        }
    }
}

/// A quotation as the document gives it.
#[derive(Debug, Clone)]
pub struct DocQuote {
    /// Byte range of the quoted words in the document's text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The speaker the document gives (a name; for a pronoun, the person it
    /// stands for), if any.
    pub speaker: Option<String>,
    /// Where the document names the speaker (the subject of "said", a
    /// credit line), if it does.
    pub mention: Option<Range<usize>>,
    /// The words that give the speaker: the verb of saying, the dash,
    /// "according to", the colon of an introducing sentence.
    pub cue: Option<Range<usize>>,
}

/// Quotations in running text, with the speakers the text gives.
pub fn prose_quotes(text: &str) -> Vec<DocQuote> {
    verbatim_prose::quotations(text)
        .into_iter()
        .map(|q| DocQuote {
            start: q.inner.start,
            end: q.inner.end,
            text: text[q.inner.clone()].to_string(),
            // a speaker is claimed only when the text names a person ("a
            // campaign spokesman" and "Here's" name nobody to check)
            speaker: q.speaker.as_ref().and_then(|s| s.name.clone()).filter(|n| crate::names::is_person(n)),
            mention: q.speaker.as_ref().map(|s| s.mention.clone()),
            cue: q.speaker.map(|s| s.cue),
        })
        .collect()
}

/// The quotations a reader found on a quote page, with their credits.
pub fn page_quotes(source: &Source) -> Vec<DocQuote> {
    source
        .quotations
        .iter()
        .map(|q| DocQuote {
            start: q.start,
            end: q.end,
            text: source.text[q.start..q.end].to_string(),
            speaker: q.credit.speaker.as_ref().map(|f| f.value.clone()),
            mention: None,
            cue: None,
        })
        .collect()
}

/// One quotation of the document and what the corpus says of it.
#[derive(Debug, Clone)]
pub struct Checked {
    pub quote: DocQuote,
    /// `None` when the quotation is too short to look up (fewer than
    /// [`MIN_WORDS`] words: a title, a scare-quoted word), or cannot be
    /// (see `error`).
    pub answer: Option<Answer>,
    /// Why this quotation was not looked up (longer than
    /// [`crate::MAX_QUERY_WORDS`]): one quotation's problem, not the
    /// document's.
    pub error: Option<String>,
}

impl Checked {
    /// Whether this quotation should stop a publication: words changed or
    /// left out without a mark, or credited to the wrong person.
    pub fn flagged(&self) -> bool {
        self.answer.as_ref().is_some_and(|a| {
            matches!(a.verdict, Verdict::Altered | Verdict::Spliced) || a.credit == Some(CreditVerdict::Misattributed)
        })
    }
}

/// Quotations shorter than this are listed but not looked up.
pub const MIN_WORDS: usize = 3;

impl Engine {
    /// Verifies each quotation of a document whose text is `text`.
    pub fn check(&self, text: &str, quotes: Vec<DocQuote>) -> Result<Vec<Checked>, EngineError> {
        let own = self.corpus().sources_with_text(text)?;
        let mut out = Vec::with_capacity(quotes.len());
        for q in quotes {
            if verbatim_text::tokenize(&q.text).len() < MIN_WORDS {
                out.push(Checked { quote: q, answer: None, error: None });
                continue;
            }
            self.check_deadline()?;
            let (s, e) = (q.start, q.end);
            match self
                .find_except(&q.text, q.speaker.as_deref(), &|m| own.contains(&m.source_id) && m.start < e && s < m.end)
            {
                Ok(a) => out.push(Checked { quote: q, answer: Some(a), error: None }),
                Err(err @ (EngineError::TooLong(_) | EngineError::EmptyQuery)) => {
                    out.push(Checked { quote: q, answer: None, error: Some(err.to_string()) })
                }
                Err(err) => return Err(err),
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use verbatim_model::SourceKind;
    use verbatim_store::Corpus;

    fn engine(dir: &std::path::Path) -> Engine {
        let mut w = Corpus::open(dir).unwrap().into_writer(|| {}).unwrap();
        let text = "The only thing we have to fear is fear itself, nameless, unreasoning, unjustified terror.";
        w.add(vec![verbatim_model::Source::new("fdr.txt", SourceKind::Document, "text", text.into())]).unwrap();
        Engine::new(w.finish().unwrap())
    }

    #[test]
    fn one_over_long_quotation_is_its_own_error_not_the_document_s() {
        let dir = tempfile::tempdir().unwrap();
        let e = engine(dir.path());
        let long = vec!["word"; crate::MAX_QUERY_WORDS + 1].join(" ");
        let doc =
            format!("He said, \u{201c}only thing we have to fear is fear itself.\u{201d} Then: \u{201c}{long}\u{201d}");
        let checked = e.check(&doc, prose_quotes(&doc)).unwrap();
        assert_eq!(checked.len(), 2);
        assert_eq!(checked[0].answer.as_ref().map(|a| a.verdict), Some(Verdict::Verbatim));
        assert!(checked[1].answer.is_none());
        assert!(checked[1].error.as_deref().is_some_and(|m| m.contains("at most")), "{:?}", checked[1].error);
    }

    #[test]
    fn work_stops_at_the_deadline_and_goes_on_when_it_is_lifted() {
        let dir = tempfile::tempdir().unwrap();
        let e = engine(dir.path());
        let q = "only thing we have to fear is fear itself";
        e.set_deadline(Some(std::time::Instant::now() - std::time::Duration::from_millis(1)));
        assert!(matches!(e.find(q, None), Err(EngineError::Deadline)));
        let doc = format!("He said, \u{201c}{q}.\u{201d}");
        assert!(matches!(e.check(&doc, prose_quotes(&doc)), Err(EngineError::Deadline)));
        e.set_deadline(None);
        assert_eq!(e.find(q, None).unwrap().verdict, Verdict::Verbatim);
    }
}
