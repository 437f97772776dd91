//! The record: SQLite, one file, the truth of the corpus.

use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension};
use verbatim_model::{
    Credit, Field, Origin, Quotation, ReuseCluster, ReuseMember, ReuseVerdict, Source, SourceKind, Standing,
};

use crate::{Added, Reported, Result, StoreError};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    title TEXT,
    kind TEXT NOT NULL,
    speaker TEXT,
    date TEXT,
    outlet TEXT,
    url TEXT,
    format TEXT NOT NULL,
    hash TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    text BLOB NOT NULL,
    indexed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS sources_unindexed ON sources(indexed) WHERE indexed = 0;
CREATE TABLE IF NOT EXISTS quotations (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    is_primary INTEGER NOT NULL,
    speaker TEXT, speaker_origin TEXT,
    work TEXT, work_origin TEXT,
    outlet TEXT, outlet_origin TEXT,
    date TEXT, date_origin TEXT,
    locator TEXT, locator_origin TEXT,
    standing TEXT NOT NULL DEFAULT 'sourced',
    not_by TEXT
);
CREATE INDEX IF NOT EXISTS quotations_source ON quotations(source_id, start);
CREATE TABLE IF NOT EXISTS reported (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    open INTEGER NOT NULL,
    close INTEGER NOT NULL,
    block INTEGER NOT NULL,
    speaker TEXT,
    mention_start INTEGER, mention_end INTEGER,
    cue_start INTEGER, cue_end INTEGER
);
CREATE INDEX IF NOT EXISTS reported_source ON reported(source_id, start);
CREATE TABLE IF NOT EXISTS index_deletes (source_id INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS reuse_clusters (
    id INTEGER PRIMARY KEY,
    size INTEGER NOT NULL,
    boilerplate INTEGER NOT NULL,
    origin INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS reuse_members (
    cluster_id INTEGER NOT NULL REFERENCES reuse_clusters(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    from_seq INTEGER,
    verdict TEXT NOT NULL,
    quoted INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, seq)
);
CREATE INDEX IF NOT EXISTS reuse_members_source ON reuse_members(source_id, start);
-- a cluster that lost a member (its source was replaced) is no longer true
CREATE TRIGGER IF NOT EXISTS reuse_member_gone AFTER DELETE ON reuse_members BEGIN
    DELETE FROM reuse_clusters WHERE id = old.cluster_id;
END;
INSERT OR IGNORE INTO meta(key, value) VALUES ('schema', '2');
";

/// A source's metadata as the record keeps it (the text is fetched apart).
#[derive(Debug, Clone)]
pub struct SourceRow {
    pub id: i64,
    pub path: String,
    pub title: Option<String>,
    pub kind: SourceKind,
    pub speaker: Option<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub format: String,
    pub hash: String,
    pub bytes: u64,
}

/// Counts and sizes of a corpus.
#[derive(Debug, Clone, Default)]
pub struct Stats {
    pub sources: u64,
    pub quotations: u64,
    pub text_bytes: u64,
    pub passages: u64,
    pub record_bytes: u64,
    pub index_bytes: u64,
}

pub(crate) struct Record {
    dir: PathBuf,
    conn: Connection,
}

impl Record {
    pub fn open(dir: &Path) -> Result<Record> {
        let d = dir.to_path_buf();
        let sql = |what: &'static str| {
            let d = d.clone();
            move |e| StoreError::Sql { dir: d, what, source: e }
        };
        let conn = Connection::open(dir.join("record.sqlite")).map_err(sql("open record.sqlite"))?;
        conn.busy_timeout(std::time::Duration::from_secs(30)).map_err(sql("busy timeout"))?;
        conn.pragma_update(None, "journal_mode", "WAL").map_err(sql("WAL mode"))?;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(sql("synchronous"))?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(sql("foreign keys"))?;
        let had_sources = table_exists(&conn, "sources").map_err(sql("read schema"))?;
        let had_reported = table_exists(&conn, "reported").map_err(sql("read schema"))?;
        // a reader of a complete record writes nothing: a write here, even one
        // that changes nothing, would take the write lock from under a writer
        if !schema_complete(&conn).map_err(sql("read schema"))? {
            conn.execute_batch(SCHEMA).map_err(sql("create schema"))?;
        }
        migrate(&conn).map_err(sql("upgrade schema"))?;
        if had_sources && !had_reported {
            // a record from before the who-speaks-where table: its sources are
            // read for reported spans by the next writer (see `Writer::repair`)
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('reported_pending', '1')", [])
                .map_err(sql("mark reported spans pending"))?;
        }
        Ok(Record { dir: d, conn })
    }

    fn err(&self, what: &'static str) -> impl FnOnce(rusqlite::Error) -> StoreError + '_ {
        move |e| StoreError::Sql { dir: self.dir.clone(), what, source: e }
    }

    pub fn needs_repair(&self) -> Result<bool> {
        let n: i64 = self
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM (SELECT 1 FROM sources WHERE indexed = 0 LIMIT 1))
                      + (SELECT count(*) FROM (SELECT 1 FROM index_deletes LIMIT 1))
                      + (SELECT count(*) FROM meta WHERE key = 'reported_pending')",
                [],
                |r| r.get(0),
            )
            .map_err(self.err("check for unindexed sources"))?;
        Ok(n > 0)
    }

    pub fn unindexed(&self) -> Result<Vec<i64>> {
        let mut st = self
            .conn
            .prepare("SELECT id FROM sources WHERE indexed = 0 ORDER BY id")
            .map_err(self.err("list unindexed"))?;
        let rows = st.query_map([], |r| r.get(0)).map_err(self.err("list unindexed"))?;
        rows.collect::<std::result::Result<Vec<i64>, _>>().map_err(self.err("list unindexed"))
    }

    pub fn pending_deletes(&self) -> Result<Vec<i64>> {
        let mut st = self.conn.prepare("SELECT source_id FROM index_deletes").map_err(self.err("list deletes"))?;
        let rows = st.query_map([], |r| r.get(0)).map_err(self.err("list deletes"))?;
        rows.collect::<std::result::Result<Vec<i64>, _>>().map_err(self.err("list deletes"))
    }

    /// Whether the record predates the reported-spans table and its sources
    /// still need reading for them.
    pub fn reported_pending(&self) -> Result<bool> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM meta WHERE key = 'reported_pending'", [], |r| r.get(0))
            .map_err(self.err("check reported spans"))?;
        Ok(n > 0)
    }

    /// Every source id, in order.
    pub fn source_ids(&self) -> Result<Vec<i64>> {
        let mut st = self.conn.prepare("SELECT id FROM sources ORDER BY id").map_err(self.err("list sources"))?;
        let rows = st.query_map([], |r| r.get(0)).map_err(self.err("list sources"))?;
        rows.collect::<std::result::Result<Vec<i64>, _>>().map_err(self.err("list sources"))
    }

    /// Replaces the reported spans of some sources, in one transaction, and
    /// (when `done`) clears the pending mark an older record carried.
    pub fn put_reported(&mut self, spans: &[(i64, Vec<Reported>)], done: bool) -> Result<()> {
        let dir = self.dir.clone();
        let e = |what: &'static str| {
            let dir = dir.clone();
            move |err| StoreError::Sql { dir, what, source: err }
        };
        let tx = self.conn.transaction_with_behavior(IMMEDIATE).map_err(e("begin"))?;
        for (id, rs) in spans {
            tx.execute("DELETE FROM reported WHERE source_id = ?1", [id]).map_err(e("refresh reported spans"))?;
            insert_reported(&tx, *id, rs).map_err(e("insert reported spans"))?;
        }
        if done {
            tx.execute("DELETE FROM meta WHERE key = 'reported_pending'", []).map_err(e("clear reported mark"))?;
        }
        tx.commit().map_err(e("commit"))
    }

    /// Replaces every reuse cluster with `clusters`, in one transaction.
    pub fn put_reuse(&mut self, clusters: &[ReuseCluster]) -> Result<()> {
        let dir = self.dir.clone();
        let e = |what: &'static str| {
            let dir = dir.clone();
            move |err| StoreError::Sql { dir, what, source: err }
        };
        let tx = self.conn.transaction_with_behavior(IMMEDIATE).map_err(e("begin"))?;
        tx.execute_batch("DELETE FROM reuse_members; DELETE FROM reuse_clusters;").map_err(e("clear reuse"))?;
        {
            let mut cl = tx
                .prepare("INSERT INTO reuse_clusters(id, size, boilerplate, origin) VALUES (?1, ?2, ?3, ?4)")
                .map_err(e("insert reuse clusters"))?;
            let mut me = tx
                .prepare(
                    "INSERT INTO reuse_members(cluster_id, seq, source_id, start, end, from_seq, verdict, quoted)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )
                .map_err(e("insert reuse members"))?;
            for c in clusters {
                cl.execute(params![c.id as i64, c.size as i64, c.boilerplate, c.origin as i64])
                    .map_err(e("insert reuse clusters"))?;
                for (seq, m) in c.members.iter().enumerate() {
                    me.execute(params![
                        c.id as i64,
                        seq as i64,
                        m.source_id,
                        m.start as i64,
                        m.end as i64,
                        m.from.map(|f| f as i64),
                        m.verdict.name(),
                        m.quoted
                    ])
                    .map_err(e("insert reuse members"))?;
                }
            }
        }
        tx.commit().map_err(e("commit"))
    }

    /// The reuse clusters with a member overlapping bytes `start..end` of a
    /// source, each whole, in order of id.
    pub fn reuse_at(&self, source_id: i64, start: usize, end: usize) -> Result<Vec<ReuseCluster>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT DISTINCT cluster_id FROM reuse_members
                 WHERE source_id = ?1 AND start < ?3 AND end > ?2 ORDER BY cluster_id",
            )
            .map_err(self.err("find reuse"))?;
        let ids = st
            .query_map(params![source_id, start as i64, end as i64], |r| r.get::<_, i64>(0))
            .map_err(self.err("find reuse"))?
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(self.err("find reuse"))?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let Some((size, boilerplate, origin)) = self
                .conn
                .query_row("SELECT size, boilerplate, origin FROM reuse_clusters WHERE id = ?1", [id], |r| {
                    Ok((r.get::<_, i64>(0)?, r.get::<_, bool>(1)?, r.get::<_, i64>(2)?))
                })
                .optional()
                .map_err(self.err("read reuse cluster"))?
            else {
                continue;
            };
            let mut st = self
                .conn
                .prepare_cached(
                    "SELECT source_id, start, end, from_seq, verdict, quoted FROM reuse_members
                     WHERE cluster_id = ?1 ORDER BY seq",
                )
                .map_err(self.err("read reuse members"))?;
            let members = st
                .query_map([id], |r| {
                    Ok(ReuseMember {
                        source_id: r.get(0)?,
                        start: r.get::<_, i64>(1)? as usize,
                        end: r.get::<_, i64>(2)? as usize,
                        from: r.get::<_, Option<i64>>(3)?.map(|f| f as usize),
                        verdict: ReuseVerdict::parse(&r.get::<_, String>(4)?),
                        quoted: r.get(5)?,
                    })
                })
                .map_err(self.err("read reuse members"))?
                .collect::<std::result::Result<Vec<_>, _>>()
                .map_err(self.err("read reuse members"))?;
            out.push(ReuseCluster {
                id: id as u64,
                size: size as usize,
                boilerplate,
                origin: origin as usize,
                members,
            });
        }
        Ok(out)
    }

    /// How many reuse clusters the record holds.
    pub fn reuse_count(&self) -> Result<u64> {
        self.conn
            .query_row("SELECT count(*) FROM reuse_clusters", [], |r| r.get::<_, i64>(0))
            .map(|n| n as u64)
            .map_err(self.err("count reuse clusters"))
    }

    /// The spans a source reports as someone's words, in order of `start`.
    pub fn reported(&self, id: i64) -> Result<Vec<Reported>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT start, end, open, close, block, speaker, mention_start, mention_end, cue_start, cue_end
                 FROM reported WHERE source_id = ?1 ORDER BY start",
            )
            .map_err(self.err("read reported spans"))?;
        let rows = st
            .query_map([id], |r| {
                let range = |a: usize, b: usize| -> rusqlite::Result<Option<std::ops::Range<usize>>> {
                    let (x, y): (Option<i64>, Option<i64>) = (r.get(a)?, r.get(b)?);
                    Ok(x.zip(y).map(|(x, y)| x as usize..y as usize))
                };
                Ok(Reported {
                    start: r.get::<_, i64>(0)? as usize,
                    end: r.get::<_, i64>(1)? as usize,
                    open: r.get::<_, i64>(2)? as usize,
                    close: r.get::<_, i64>(3)? as usize,
                    block: r.get::<_, i64>(4)? != 0,
                    speaker: r.get(5)?,
                    mention: range(6, 7)?,
                    cue: range(8, 9)?,
                })
            })
            .map_err(self.err("read reported spans"))?;
        rows.collect::<std::result::Result<Vec<_>, _>>().map_err(self.err("read reported spans"))
    }

    /// Every person the record names, each once: `(name, true)` for the
    /// names its metadata gives (source speakers, quotation credits, names
    /// of misattributions), `(name, false)` for the names texts give the
    /// speakers of reported spans.
    pub fn people(&self) -> Result<Vec<(String, bool)>> {
        let mut st = self
            .conn
            .prepare(
                "SELECT speaker, 1 FROM sources WHERE speaker IS NOT NULL
                 UNION SELECT speaker, 1 FROM quotations WHERE speaker IS NOT NULL
                 UNION SELECT not_by, 1 FROM quotations WHERE not_by IS NOT NULL
                 UNION SELECT speaker, 0 FROM reported WHERE speaker IS NOT NULL",
            )
            .map_err(self.err("list people"))?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? != 0))).map_err(self.err("list people"))?;
        rows.collect::<std::result::Result<Vec<(String, bool)>, _>>().map_err(self.err("list people"))
    }

    /// The index is gone: every source must be indexed again.
    pub fn mark_all_unindexed(&mut self) -> Result<()> {
        self.conn.execute_batch("UPDATE sources SET indexed = 0").map_err(self.err("mark unindexed"))
    }

    /// After the index committed: everything in the record is now indexed.
    pub fn mark_indexed(&mut self) -> Result<()> {
        self.conn
            .execute_batch(
                "BEGIN IMMEDIATE; UPDATE sources SET indexed = 1 WHERE indexed = 0; DELETE FROM index_deletes; COMMIT;",
            )
            .map_err(self.err("mark indexed"))
    }

    /// Writes a batch of sources in one transaction. Returns, for each, what
    /// happened and its id.
    pub fn put_batch(&mut self, sources: &[(Source, String, Vec<Reported>)]) -> Result<Vec<(Added, i64)>> {
        let dir = self.dir.clone();
        let e = |what: &'static str| {
            let dir = dir.clone();
            move |err| StoreError::Sql { dir, what, source: err }
        };
        let tx = self.conn.transaction_with_behavior(IMMEDIATE).map_err(e("begin"))?;
        let mut out = Vec::with_capacity(sources.len());
        for (s, hash, reported) in sources {
            let old: Option<(i64, String)> = tx
                .query_row("SELECT id, hash FROM sources WHERE path = ?1", [&s.path], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()
                .map_err(e("look up path"))?;
            let outcome = match &old {
                Some((id, h)) if h == hash => {
                    tx.execute(
                        "UPDATE sources SET title = ?2, kind = ?3, speaker = ?4, date = ?5, outlet = ?6, url = ?7, format = ?8 WHERE id = ?1",
                        params![id, s.title, s.kind.name(), s.speaker, s.date, s.outlet, s.url, s.format],
                    )
                    .map_err(e("update metadata"))?;
                    tx.execute("DELETE FROM quotations WHERE source_id = ?1", [id]).map_err(e("refresh quotations"))?;
                    insert_quotations(&tx, *id, &s.quotations).map_err(e("insert quotations"))?;
                    tx.execute("DELETE FROM reported WHERE source_id = ?1", [id])
                        .map_err(e("refresh reported spans"))?;
                    insert_reported(&tx, *id, reported).map_err(e("insert reported spans"))?;
                    out.push((Added::Unchanged, *id));
                    continue;
                }
                Some((id, _)) => {
                    tx.execute("DELETE FROM sources WHERE id = ?1", [id]).map_err(e("replace source"))?;
                    tx.execute("INSERT OR IGNORE INTO index_deletes(source_id) VALUES (?1)", [id])
                        .map_err(e("replace source"))?;
                    Added::Replaced
                }
                None => Added::New,
            };
            tx.execute(
                "INSERT INTO sources(path, title, kind, speaker, date, outlet, url, format, hash, bytes, text, indexed)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 0)",
                params![
                    s.path,
                    s.title,
                    s.kind.name(),
                    s.speaker,
                    s.date,
                    s.outlet,
                    s.url,
                    s.format,
                    hash,
                    s.text.len() as i64,
                    s.text.as_bytes()
                ],
            )
            .map_err(e("insert source"))?;
            let id = tx.last_insert_rowid();
            insert_quotations(&tx, id, &s.quotations).map_err(e("insert quotations"))?;
            insert_reported(&tx, id, reported).map_err(e("insert reported spans"))?;
            out.push((outcome, id));
        }
        tx.commit().map_err(e("commit"))?;
        Ok(out)
    }

    pub fn source(&self, id: i64) -> Result<Option<SourceRow>> {
        self.conn
            .query_row(
                "SELECT id, path, title, kind, speaker, date, outlet, url, format, hash, bytes FROM sources WHERE id = ?1",
                [id],
                row_to_source,
            )
            .optional()
            .map_err(self.err("read source"))
    }

    /// The sources whose text has this blake3 hash.
    pub fn with_hash(&self, hash: &str) -> Result<Vec<i64>> {
        let mut st =
            self.conn.prepare_cached("SELECT id FROM sources WHERE hash = ?1").map_err(self.err("find by hash"))?;
        let rows = st.query_map([hash], |r| r.get(0)).map_err(self.err("find by hash"))?;
        rows.collect::<std::result::Result<Vec<i64>, _>>().map_err(self.err("find by hash"))
    }

    pub fn sources(&self) -> Result<Vec<SourceRow>> {
        let mut st = self
            .conn
            .prepare("SELECT id, path, title, kind, speaker, date, outlet, url, format, hash, bytes FROM sources ORDER BY id")
            .map_err(self.err("list sources"))?;
        let rows = st.query_map([], row_to_source).map_err(self.err("list sources"))?;
        rows.collect::<std::result::Result<Vec<_>, _>>().map_err(self.err("list sources"))
    }

    pub fn text(&self, id: i64) -> Result<Option<String>> {
        let bytes: Option<Vec<u8>> = self
            .conn
            .query_row("SELECT text FROM sources WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(self.err("read text"))?;
        Ok(bytes.map(|b| String::from_utf8(b).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())))
    }

    pub fn text_range(&self, id: i64, start: usize, end: usize) -> Result<Option<(usize, String)>> {
        if end <= start {
            return Ok(Some((start, String::new())));
        }
        let bytes: Option<Vec<u8>> = self
            .conn
            .query_row(
                "SELECT substr(text, ?2, ?3) FROM sources WHERE id = ?1",
                params![id, start as i64 + 1, (end - start) as i64],
                |r| r.get(0),
            )
            .optional()
            .map_err(self.err("read text range"))?;
        let Some(mut b) = bytes else { return Ok(None) };
        // narrow to char boundaries: drop continuation bytes at the front and
        // an incomplete sequence at the back
        let lead = b.iter().take_while(|&&x| x & 0xC0 == 0x80).count();
        b.drain(..lead);
        let text = match String::from_utf8(b) {
            Ok(t) => t,
            Err(e) => {
                let ok = e.utf8_error().valid_up_to();
                let mut v = e.into_bytes();
                v.truncate(ok);
                String::from_utf8(v).unwrap_or_default()
            }
        };
        Ok(Some((start + lead, text)))
    }

    pub fn quotations(&self, id: i64) -> Result<Vec<Quotation>> {
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT start, end, is_primary, speaker, speaker_origin, work, work_origin, outlet, outlet_origin,
                        date, date_origin, locator, locator_origin, standing, not_by
                 FROM quotations WHERE source_id = ?1 ORDER BY start",
            )
            .map_err(self.err("read quotations"))?;
        let rows = st
            .query_map([id], |r| {
                let f = |v: usize, o: usize| -> rusqlite::Result<Option<Field>> {
                    let value: Option<String> = r.get(v)?;
                    let origin: Option<String> = r.get(o)?;
                    Ok(value.map(|value| Field { value, origin: Origin::parse(origin.as_deref().unwrap_or("stated")) }))
                };
                Ok(Quotation {
                    start: r.get::<_, i64>(0)? as usize,
                    end: r.get::<_, i64>(1)? as usize,
                    primary: r.get::<_, i64>(2)? != 0,
                    credit: Credit {
                        speaker: f(3, 4)?,
                        work: f(5, 6)?,
                        outlet: f(7, 8)?,
                        date: f(9, 10)?,
                        locator: f(11, 12)?,
                    },
                    standing: Standing::parse(&r.get::<_, String>(13)?),
                    not_by: r.get(14)?,
                })
            })
            .map_err(self.err("read quotations"))?;
        rows.collect::<std::result::Result<Vec<_>, _>>().map_err(self.err("read quotations"))
    }

    pub fn stats(&self) -> Result<Stats> {
        let (sources, text_bytes): (i64, i64) = self
            .conn
            .query_row("SELECT count(*), coalesce(sum(bytes), 0) FROM sources", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(self.err("stats"))?;
        let quotations: i64 =
            self.conn.query_row("SELECT count(*) FROM quotations", [], |r| r.get(0)).map_err(self.err("stats"))?;
        Ok(Stats {
            sources: sources as u64,
            quotations: quotations as u64,
            text_bytes: text_bytes as u64,
            ..Stats::default()
        })
    }
}

/// Brings a record written by an older version up to this schema. Columns
/// are only ever added, so an upgrade cannot lose what is stored.
fn migrate(conn: &Connection) -> rusqlite::Result<()> {
    let has_standing: bool =
        conn.query_row("SELECT count(*) > 0 FROM pragma_table_info('quotations') WHERE name = 'standing'", [], |r| {
            r.get(0)
        })?;
    if !has_standing {
        conn.execute_batch(
            "BEGIN IMMEDIATE;
             ALTER TABLE quotations ADD COLUMN standing TEXT NOT NULL DEFAULT 'sourced';
             ALTER TABLE quotations ADD COLUMN not_by TEXT;
             UPDATE meta SET value = '2' WHERE key = 'schema';
             COMMIT;",
        )?;
    }
    Ok(())
}

fn insert_quotations(tx: &rusqlite::Transaction<'_>, id: i64, qs: &[Quotation]) -> rusqlite::Result<()> {
    if qs.is_empty() {
        return Ok(());
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO quotations(source_id, start, end, is_primary, speaker, speaker_origin, work, work_origin,
                                outlet, outlet_origin, date, date_origin, locator, locator_origin, standing, not_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?;
    for q in qs {
        let v = |f: &Option<Field>| f.as_ref().map(|f| f.value.clone());
        let o = |f: &Option<Field>| f.as_ref().map(|f| f.origin.name());
        let c = &q.credit;
        st.execute(params![
            id,
            q.start as i64,
            q.end as i64,
            q.primary as i64,
            v(&c.speaker),
            o(&c.speaker),
            v(&c.work),
            o(&c.work),
            v(&c.outlet),
            o(&c.outlet),
            v(&c.date),
            o(&c.date),
            v(&c.locator),
            o(&c.locator),
            q.standing.name(),
            q.not_by
        ])?;
    }
    Ok(())
}

fn insert_reported(tx: &rusqlite::Transaction<'_>, id: i64, rs: &[Reported]) -> rusqlite::Result<()> {
    if rs.is_empty() {
        return Ok(());
    }
    let mut st = tx.prepare_cached(
        "INSERT INTO reported(source_id, start, end, open, close, block, speaker, mention_start, mention_end, cue_start, cue_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for r in rs {
        let a = |x: &Option<std::ops::Range<usize>>| x.as_ref().map(|x| x.start as i64);
        let b = |x: &Option<std::ops::Range<usize>>| x.as_ref().map(|x| x.end as i64);
        st.execute(params![
            id,
            r.start as i64,
            r.end as i64,
            r.open as i64,
            r.close as i64,
            r.block as i64,
            r.speaker,
            a(&r.mention),
            b(&r.mention),
            a(&r.cue),
            b(&r.cue)
        ])?;
    }
    Ok(())
}

/// Write transactions take the write lock when they begin: one that began
/// by reading and then wrote would have to upgrade its lock, which SQLite
/// refuses at once ("database is locked", no waiting) while another
/// connection holds it.
const IMMEDIATE: rusqlite::TransactionBehavior = rusqlite::TransactionBehavior::Immediate;

/// Whether every table and index of `SCHEMA` and its version row are there.
fn schema_complete(conn: &Connection) -> rusqlite::Result<bool> {
    let objects: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE name IN ('meta', 'sources', 'quotations', 'reported',
             'index_deletes', 'sources_unindexed', 'quotations_source', 'reported_source',
             'reuse_clusters', 'reuse_members', 'reuse_members_source', 'reuse_member_gone')",
        [],
        |r| r.get(0),
    )?;
    if objects < 12 {
        return Ok(false);
    }
    conn.query_row("SELECT count(*) > 0 FROM meta WHERE key = 'schema'", [], |r| r.get(0))
}

fn table_exists(conn: &Connection, name: &str) -> rusqlite::Result<bool> {
    conn.query_row("SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = ?1", [name], |r| r.get(0))
}

fn row_to_source(r: &rusqlite::Row<'_>) -> rusqlite::Result<SourceRow> {
    Ok(SourceRow {
        id: r.get(0)?,
        path: r.get(1)?,
        title: r.get(2)?,
        kind: SourceKind::parse(&r.get::<_, String>(3)?),
        speaker: r.get(4)?,
        date: r.get(5)?,
        outlet: r.get(6)?,
        url: r.get(7)?,
        format: r.get(8)?,
        hash: r.get(9)?,
        bytes: r.get::<_, i64>(10)? as u64,
    })
}
