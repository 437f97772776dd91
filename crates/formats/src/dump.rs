//! MediaWiki XML dumps (`.xml`, `.xml.bz2`, multistream included), read
//! page by page as a stream: memory holds one page at a time, whatever the
//! size of the dump.
//!
//! Every article page (namespace 0, not a redirect) goes through the
//! wikitext reader and becomes a source named `dump#Title`. Entities other
//! than XML's five and character references are refused, not expanded, so
//! an entity bomb is an error, not a memory blow-up; a page larger than
//! [`MAX_PAGE_BYTES`] is refused too.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use quick_xml::events::Event;

use crate::{read_wikitext, FormatError, Source};

/// The largest page text accepted (the largest Wikipedia pages are a few MB).
pub const MAX_PAGE_BYTES: usize = 64 << 20;

/// Counts the bytes read from the file underneath (compressed bytes for a
/// `.bz2`), for a progress bar.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// The pages of a dump, one [`Source`] each.
pub struct DumpPages {
    reader: quick_xml::Reader<Box<dyn BufRead + Send>>,
    name: String,
    path: PathBuf,
    buf: Vec<u8>,
    /// Lines seen so far in the (decompressed) XML, for error messages.
    line: usize,
    done: bool,
    read: Arc<AtomicU64>,
}

/// Opens a dump; a `.bz2` (by its magic bytes) is decompressed on the fly,
/// all of its streams.
pub fn open_dump(path: &Path, name: &str) -> Result<DumpPages, FormatError> {
    let io = |e| FormatError::Io { path: path.to_path_buf(), source: e };
    let mut file = File::open(path).map_err(io)?;
    let mut magic = [0u8; 3];
    let n = file.read(&mut magic).map_err(io)?;
    drop(file);
    let file = File::open(path).map_err(io)?;
    let read = Arc::new(AtomicU64::new(0));
    let counted = Counting { inner: file, count: read.clone() };
    let inner: Box<dyn BufRead + Send> = if n == 3 && &magic == b"BZh" {
        Box::new(BufReader::with_capacity(1 << 16, bzip2::read::MultiBzDecoder::new(BufReader::new(counted))))
    } else {
        Box::new(BufReader::with_capacity(1 << 16, counted))
    };
    Ok(dump_pages(inner, path, name, read))
}

/// Reads pages from any XML stream (the fuzz target and tests use this).
pub fn dump_pages(inner: Box<dyn BufRead + Send>, path: &Path, name: &str, read: Arc<AtomicU64>) -> DumpPages {
    let mut reader = quick_xml::Reader::from_reader(inner);
    reader.config_mut().trim_text(false);
    DumpPages { reader, name: name.to_string(), path: path.to_path_buf(), buf: Vec::new(), line: 1, done: false, read }
}

impl DumpPages {
    /// Bytes read from the file so far (compressed bytes for a `.bz2`).
    pub fn bytes_read(&self) -> u64 {
        self.read.load(Ordering::Relaxed)
    }

    fn error<T>(&mut self, msg: String) -> Option<Result<T, FormatError>> {
        self.done = true;
        Some(Err(FormatError::Syntax { path: self.path.clone(), line: self.line, msg }))
    }
}

/// Which text of a page is being read.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Field {
    None,
    Title,
    Ns,
    Text,
}

/// An article page as it stands in the dump, before it is read.
pub struct RawPage {
    name: String,
    title: String,
    text: String,
}

impl RawPage {
    pub fn len(&self) -> usize {
        self.text.len()
    }
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
    /// Reads the page's wikitext (the costly part, done in parallel by
    /// [`DumpPages::next_batch`]).
    pub fn read(self) -> Result<Source, FormatError> {
        read_wikitext(&self.name, Some(&self.title), &self.text)
    }
}

impl DumpPages {
    /// The next pages, up to about `max_bytes` of wikitext, read in
    /// parallel. An error ends the batch: the pages before it come first.
    pub fn next_batch(&mut self, max_bytes: usize) -> Vec<Result<Source, FormatError>> {
        use rayon::prelude::*;
        let mut raw = Vec::new();
        let mut bytes = 0;
        let mut failed = None;
        while bytes < max_bytes {
            match self.next_page() {
                Some(Ok(p)) => {
                    bytes += p.len();
                    raw.push(p);
                }
                Some(Err(e)) => {
                    failed = Some(e);
                    break;
                }
                None => break,
            }
        }
        let mut out: Vec<Result<Source, FormatError>> = raw.into_par_iter().map(RawPage::read).collect();
        if let Some(e) = failed {
            out.push(Err(e));
        }
        out
    }

    /// The next article page, unread.
    pub fn next_page(&mut self) -> Option<Result<RawPage, FormatError>> {
        if self.done {
            return None;
        }
        let (mut title, mut ns, mut text) = (String::new(), String::new(), String::new());
        let mut in_page = false;
        let mut redirect = false;
        let mut field = Field::None;
        loop {
            self.buf.clear();
            let ev = match self.reader.read_event_into(&mut self.buf) {
                Ok(ev) => ev,
                Err(e) => {
                    let at = self.reader.error_position();
                    return self.error(format!("bad XML: {e} (byte {at} of the XML)"));
                }
            };
            let mut piece: Option<std::borrow::Cow<'_, str>> = None;
            match ev {
                Event::Start(e) => match e.local_name().as_ref() {
                    "page" => {
                        in_page = true;
                        redirect = false;
                        title.clear();
                        ns.clear();
                        text.clear();
                    }
                    "title" if in_page => field = Field::Title,
                    "ns" if in_page => field = Field::Ns,
                    "text" if in_page => {
                        field = Field::Text;
                        text.clear();
                    }
                    _ => {}
                },
                Event::Empty(e) if in_page && e.local_name().as_ref() == "redirect" => {
                    redirect = true;
                }
                Event::End(e) => match e.local_name().as_ref() {
                    "title" | "ns" | "text" => field = Field::None,
                    "page" if in_page => {
                        in_page = false;
                        let article = ns.trim().is_empty() || ns.trim() == "0";
                        if article && !redirect && !text.trim().is_empty() && !title.trim().is_empty() {
                            let t = title.trim().to_string();
                            let name = format!("{}#{}", self.name, t);
                            return Some(Ok(RawPage { name, title: t, text: std::mem::take(&mut text) }));
                        }
                    }
                    _ => {}
                },
                Event::Text(t) => {
                    self.line += t.bytes().filter(|&b| b == b'\n').count();
                    if field != Field::None {
                        piece = Some(t.xml10_content());
                    }
                }
                Event::CData(t) => {
                    self.line += t.bytes().filter(|&b| b == b'\n').count();
                    if field != Field::None {
                        piece = Some(std::borrow::Cow::Owned(t.to_string()));
                    }
                }
                Event::GeneralRef(r) => {
                    let ch = match r.resolve_char_ref() {
                        Ok(Some(c)) => c,
                        Ok(None) => match r.as_ref() {
                            "amp" => '&',
                            "lt" => '<',
                            "gt" => '>',
                            "quot" => '"',
                            "apos" => '\'',
                            other => {
                                let other = other.chars().take(40).collect::<String>();
                                return self
                                    .error(format!("unknown entity &{other}; (entity definitions are not expanded)"));
                            }
                        },
                        Err(e) => return self.error(format!("bad character reference: {e}")),
                    };
                    if field != Field::None {
                        piece = Some(std::borrow::Cow::Owned(ch.to_string()));
                    }
                }
                Event::Eof => {
                    self.done = true;
                    if in_page {
                        return self.error("the dump ends inside a page (truncated?)".into());
                    }
                    return None;
                }
                _ => {}
            }
            if let Some(p) = piece {
                let dst = match field {
                    Field::Title => &mut title,
                    Field::Ns => &mut ns,
                    Field::Text => &mut text,
                    Field::None => continue,
                };
                if dst.len() + p.len() > MAX_PAGE_BYTES {
                    return self.error(format!("a page is larger than {} MB", MAX_PAGE_BYTES >> 20));
                }
                dst.push_str(&p);
            }
        }
    }
}

impl Iterator for DumpPages {
    type Item = Result<Source, FormatError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_page().map(|p| p.and_then(RawPage::read))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(xml: &str) -> Vec<Result<Source, FormatError>> {
        let inner: Box<dyn BufRead + Send> = Box::new(std::io::Cursor::new(xml.as_bytes().to_vec()));
        dump_pages(inner, Path::new("d.xml"), "d.xml", Arc::new(AtomicU64::new(0))).collect()
    }

    const DUMP: &str = r#"<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/">
  <siteinfo><sitename>Wikiquote</sitename></siteinfo>
  <page>
    <title>Cecilia Eusepi</title>
    <ns>0</ns>
    <revision><text bytes="10" xml:space="preserve">'''Cecilia Eusepi''' (1910 &#8211; 1928) was a Servite.
== Quotes ==
* It is beautiful to give oneself to [[Jesus]] &amp; more.
** Letter (1927).
[[Category:1910 births]]</text></revision>
  </page>
  <page><title>Talk:X</title><ns>1</ns><revision><text>* talk</text></revision></page>
  <page><title>Redirected</title><ns>0</ns><redirect title="X" /><revision><text>#REDIRECT [[X]]</text></revision></page>
</mediawiki>
"#;

    #[test]
    fn articles_only() {
        let p: Vec<Source> = pages(DUMP).into_iter().collect::<Result<_, _>>().unwrap();
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].path, "d.xml#Cecilia Eusepi");
        let q = &p[0].quotations[0];
        assert_eq!(&p[0].text[q.start..q.end], "It is beautiful to give oneself to Jesus & more.");
        assert_eq!(q.credit.speaker.as_ref().unwrap().value, "Cecilia Eusepi");
        assert_eq!(q.credit.date.as_ref().unwrap().value, "1927");
    }

    #[test]
    fn bad_dumps_name_the_line() {
        let bomb = "<!DOCTYPE m [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;\">]>\n<mediawiki>\n<page><title>T</title><ns>0</ns>\n<revision><text>&b;</text></revision></page></mediawiki>";
        let r = pages(bomb);
        let e = r.last().unwrap().as_ref().unwrap_err().to_string();
        assert!(e.contains("unknown entity &b;") && e.starts_with("d.xml:4:"), "{e}");
        let cut = &DUMP[..DUMP.len() / 2];
        let e = pages(cut).pop().unwrap().unwrap_err().to_string();
        assert!(e.contains("truncated") || e.contains("bad XML"), "{e}");
        let e = pages("<mediawiki><page><title>T</ti></page>").pop().unwrap().unwrap_err().to_string();
        assert!(e.contains("bad XML"), "{e}");
    }
}
