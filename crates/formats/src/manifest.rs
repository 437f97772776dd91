//! The metadata manifest: one JSON object a line.

use crate::FormatError;
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// One manifest line. Paths are relative to the manifest's folder.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ManifestEntry {
    pub path: String,
    pub title: Option<String>,
    pub speaker: Option<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub format: Option<String>,
    /// `document` or `collection`.
    pub kind: Option<String>,
    /// The line of the manifest this entry came from.
    #[serde(skip)]
    pub line: usize,
    /// The path resolved against the manifest's folder.
    #[serde(skip)]
    pub resolved: PathBuf,
}

/// Reads a manifest, checking every line; the first bad line is an error
/// naming the manifest and the line.
pub fn read_manifest(path: &Path) -> Result<Vec<ManifestEntry>, FormatError> {
    let text = std::fs::read_to_string(path).map_err(|e| FormatError::Io { path: path.to_path_buf(), source: e })?;
    parse_manifest(&text, path)
}

/// Parses a manifest's text; `path` names it in errors and anchors its
/// relative paths.
pub fn parse_manifest(text: &str, path: &Path) -> Result<Vec<ManifestEntry>, FormatError> {
    let base = path.parent().unwrap_or(Path::new("."));
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let mut e: ManifestEntry = serde_json::from_str(t).map_err(|e| FormatError::Syntax {
            path: path.to_path_buf(),
            line: line_no,
            msg: e.to_string(),
        })?;
        if e.path.trim().is_empty() {
            return Err(FormatError::Syntax { path: path.to_path_buf(), line: line_no, msg: "empty \"path\"".into() });
        }
        if let Some(f) = &e.format {
            if crate::Format::parse(f).is_none() {
                return Err(FormatError::Syntax {
                    path: path.to_path_buf(),
                    line: line_no,
                    msg: format!("unknown format {f:?} (known: {})", crate::Format::known()),
                });
            }
        }
        if let Some(d) = &e.date {
            if !valid_date(d) {
                return Err(FormatError::Syntax {
                    path: path.to_path_buf(),
                    line: line_no,
                    msg: format!("date {d:?} is not YYYY, YYYY-MM or YYYY-MM-DD"),
                });
            }
        }
        e.line = line_no;
        e.resolved = base.join(&e.path);
        out.push(e);
    }
    Ok(out)
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with plausible months and days.
pub fn valid_date(d: &str) -> bool {
    let parts: Vec<&str> = d.split('-').collect();
    let num = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
        [y, m, dd] => {
            num(y, 4)
                && num(m, 2)
                && num(dd, 2)
                && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
                && (1..=31).contains(&dd.parse::<u32>().unwrap_or(0))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(valid_date("1961"));
        assert!(valid_date("1961-01-20"));
        assert!(!valid_date("1961-13"));
        assert!(!valid_date("Jan 1961"));
    }

    #[test]
    fn bad_line_is_named() {
        let dir = std::env::temp_dir().join(format!("vb-manifest-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("m.jsonl");
        std::fs::write(&p, "{\"path\": \"a.txt\"}\n{\"path\": 3}\n").unwrap();
        let err = read_manifest(&p).unwrap_err().to_string();
        assert!(err.contains("m.jsonl:2:"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
