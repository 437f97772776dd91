//! The corpus as word ids: one `u32` a word, every source in id order, in a
//! file that is memory-mapped, so that a corpus larger than memory is read
//! from the page cache as the phases need it and never held whole.
//!
//! A word's id is the low 32 bits of its normalized form's hash
//! ([`verbatim_text::word_hash`]): the words are the engine's tokens, so a
//! passage's word range maps back to bytes through the same tokenizer.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use memmap2::Mmap;
use rayon::prelude::*;
use verbatim_store::{Corpus, SourceRow};

use crate::{Event, Result, ReuseError};

/// One source's place in the word file.
#[derive(Debug, Clone)]
pub struct Doc {
    pub id: i64,
    /// Index of the source's first word in the file.
    pub start: u64,
    pub len: u32,
}

/// The word file, mapped, and where each source's words stand in it.
pub struct Words {
    map: Option<Mmap>,
    pub docs: Vec<Doc>,
}

/// Sources read and tokenized at a time: enough to keep both cores busy,
/// few enough that the texts in hand stay a few MB.
const READ_BATCH: usize = 256;

impl Words {
    /// The word ids of document `d` (an index into `docs`).
    pub fn ids(&self, d: usize) -> &[u32] {
        let doc = &self.docs[d];
        let all = self.all();
        let s = doc.start as usize;
        &all[s..s + doc.len as usize]
    }

    fn all(&self) -> &[u32] {
        match &self.map {
            None => &[],
            Some(m) => {
                let bytes: &[u8] = m;
                // SAFETY: the map starts on a page boundary (so is aligned for
                // u32), its length is a multiple of 4 (checked at open), and
                // every bit pattern is a valid u32.
                unsafe { std::slice::from_raw_parts(bytes.as_ptr().cast::<u32>(), bytes.len() / 4) }
            }
        }
    }

    pub fn total(&self) -> u64 {
        self.docs.iter().map(|d| d.len as u64).sum()
    }

    /// Tokenizes every source into `dir/words.bin` (and its table of
    /// sources), or opens the file a previous run left for the same corpus.
    pub fn build(
        corpus: &Corpus,
        rows: &[SourceRow],
        dir: &Path,
        done: bool,
        on: &mut dyn FnMut(Event),
    ) -> Result<Words> {
        if done {
            if let Some(w) = Self::open_done(dir, rows)? {
                return Ok(w);
            }
        }
        let path = dir.join("words.bin");
        let docs_path = dir.join("docs.bin");
        let io = |e: std::io::Error| ReuseError::Io { path: path.clone(), source: e };
        let tmp = dir.join("words.bin.part");
        let mut out = BufWriter::with_capacity(1 << 20, File::create(&tmp).map_err(io)?);
        let mut docs = Vec::with_capacity(rows.len());
        let mut at = 0u64;
        on(Event::Phase { name: "words", total: rows.len() as u64 });
        for chunk in rows.chunks(READ_BATCH) {
            let mut texts = Vec::with_capacity(chunk.len());
            for r in chunk {
                texts.push(corpus.text(r.id)?.unwrap_or_default());
            }
            let ids: Vec<Vec<u32>> = texts.par_iter().map(|t| word_ids(t)).collect();
            for (r, ids) in chunk.iter().zip(ids) {
                let len = u32::try_from(ids.len()).map_err(|_| ReuseError::TooLarge(r.path.clone()))?;
                for w in &ids {
                    out.write_all(&w.to_ne_bytes()).map_err(io)?;
                }
                docs.push(Doc { id: r.id, start: at, len });
                at += len as u64;
            }
            on(Event::Advance(chunk.len() as u64));
        }
        out.flush().map_err(io)?;
        drop(out);
        let mut table = Vec::with_capacity(docs.len() * 20);
        for d in &docs {
            table.extend_from_slice(&d.id.to_ne_bytes());
            table.extend_from_slice(&d.start.to_ne_bytes());
            table.extend_from_slice(&d.len.to_ne_bytes());
        }
        std::fs::write(&docs_path, &table).map_err(|e| ReuseError::Io { path: docs_path.clone(), source: e })?;
        std::fs::rename(&tmp, &path).map_err(io)?;
        Self::open(&path, &docs_path, rows)?
            .ok_or_else(|| ReuseError::Corrupt(format!("{}: written but unreadable", path.display())))
    }

    /// Opens the word file an earlier run left in `dir`; `None` when there is
    /// none or it does not describe `rows`.
    pub fn open_done(dir: &Path, rows: &[SourceRow]) -> Result<Option<Words>> {
        let path = dir.join("words.bin");
        let docs_path = dir.join("docs.bin");
        if !(path.is_file() && docs_path.is_file()) {
            return Ok(None);
        }
        Self::open(&path, &docs_path, rows)
    }

    /// Opens a word file; `None` when it does not describe `rows`.
    fn open(path: &Path, docs_path: &Path, rows: &[SourceRow]) -> Result<Option<Words>> {
        let table =
            std::fs::read(docs_path).map_err(|e| ReuseError::Io { path: docs_path.to_path_buf(), source: e })?;
        if table.len() != rows.len() * 20 {
            return Ok(None);
        }
        let mut docs = Vec::with_capacity(rows.len());
        for (c, r) in table.chunks_exact(20).zip(rows) {
            let id = i64::from_ne_bytes(c[0..8].try_into().unwrap_or_default());
            let start = u64::from_ne_bytes(c[8..16].try_into().unwrap_or_default());
            let len = u32::from_ne_bytes(c[16..20].try_into().unwrap_or_default());
            if id != r.id {
                return Ok(None);
            }
            docs.push(Doc { id, start, len });
        }
        let total: u64 = docs.iter().map(|d| d.len as u64).sum();
        let f = File::open(path).map_err(|e| ReuseError::Io { path: path.to_path_buf(), source: e })?;
        let bytes = f.metadata().map_err(|e| ReuseError::Io { path: path.to_path_buf(), source: e })?.len();
        if bytes != total * 4 {
            return Ok(None);
        }
        let map = if bytes == 0 {
            None
        } else {
            // SAFETY: the file is written only under the work folder's
            // exclusive lock, and renamed into place whole; a run that maps
            // it holds the lock (shared or not), so nothing writes it while
            // it is mapped.
            Some(unsafe { Mmap::map(&f) }.map_err(|e| ReuseError::Io { path: path.to_path_buf(), source: e })?)
        };
        Ok(Some(Words { map, docs }))
    }
}

/// A text's word ids, one per token of [`verbatim_text::tokenize`].
pub fn word_ids(text: &str) -> Vec<u32> {
    verbatim_text::tokenize(text).iter().map(|t| t.hash() as u32).collect()
}
