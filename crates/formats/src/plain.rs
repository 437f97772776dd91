//! Plain text documents.

use crate::{FormatError, Source, SourceKind};
use std::path::Path;

/// Text decoded from bytes, with a note when it was not clean UTF-8.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    /// The byte offset of the first invalid sequence, when the bytes were not
    /// valid UTF-8 and were read lossily (for UTF-16, of an odd last byte).
    pub invalid_at: Option<usize>,
}

/// Decodes bytes as UTF-8, keeping them exact when they are valid (a byte
/// order mark included, so offsets stay file offsets); UTF-16 with a BOM is
/// converted; anything else is read lossily and the first bad offset reported.
pub fn decode_text(bytes: Vec<u8>) -> Decoded {
    if bytes.len() >= 2 && (bytes[..2] == [0xff, 0xfe] || bytes[..2] == [0xfe, 0xff]) {
        let le = bytes[0] == 0xff;
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|c| if le { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) })
            .collect();
        let mut text = String::from_utf16_lossy(&units);
        // an odd byte at the end is half a code unit: marked, not dropped
        let odd = (bytes.len() - 2) % 2 == 1;
        if odd {
            text.push(char::REPLACEMENT_CHARACTER);
        }
        return Decoded { text, invalid_at: odd.then_some(bytes.len() - 1) };
    }
    match String::from_utf8(bytes) {
        Ok(text) => Decoded { text, invalid_at: None },
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            Decoded { text: String::from_utf8_lossy(e.as_bytes()).into_owned(), invalid_at: Some(at) }
        }
    }
}

/// Reads a plain-text document. `name` is the path as it will be reported.
/// Returns the source and, when the bytes were not valid UTF-8, the offset of
/// the first invalid byte (the text was then read lossily).
pub fn read_plain(name: &str, bytes: Vec<u8>, path: &Path) -> Result<(Source, Option<usize>), FormatError> {
    if bytes.iter().take(8192).filter(|&&b| b == 0).count() > 0
        && !(bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]))
    {
        return Err(FormatError::Invalid { path: path.to_path_buf(), msg: "binary file (NUL bytes), not text".into() });
    }
    let decoded = decode_text(bytes);
    let source = Source::new(name, SourceKind::Document, "text", decoded.text);
    Ok((source, decoded.invalid_at))
}

#[cfg(test)]
mod tests {
    use super::decode_text;

    #[test]
    fn utf16_with_a_bom_and_an_odd_last_byte() {
        let d = decode_text(vec![0xff, 0xfe, b'h', 0, b'i', 0]);
        assert_eq!((d.text.as_str(), d.invalid_at), ("hi", None));
        let d = decode_text(vec![0xfe, 0xff, 0, b'h', b'i']);
        assert_eq!((d.text.as_str(), d.invalid_at), ("h\u{fffd}", Some(4)));
    }
}
