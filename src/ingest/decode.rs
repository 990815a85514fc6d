//! Bytes → text: BOMs, UTF-16, line endings, and invalid UTF-8 (decoded
//! with replacement characters, with a warning that says where).

/// Why bytes give no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotText {
    Empty,
    /// A NUL byte at this offset, in the first 8 KiB.
    Binary(usize),
}

/// Decoded text and a warning when bytes had to be replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// Decodes a file's bytes; `source` names it in the warning.
pub fn decode(source: &str, bytes: &[u8]) -> Result<Decoded, NotText> {
    let (text, warning) = if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        (utf16(rest, u16::from_le_bytes), None)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        (utf16(rest, u16::from_be_bytes), None)
    } else {
        let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
        if let Some(i) = bytes.iter().take(8192).position(|&b| b == 0) {
            return Err(NotText::Binary(i));
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_owned(), None),
            Err(e) => (
                String::from_utf8_lossy(bytes).into_owned(),
                Some(format!(
                    "{source}: invalid UTF-8 at byte {}, decoded with replacement characters",
                    e.valid_up_to()
                )),
            ),
        }
    };
    let text = if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n") } else { text };
    if text.trim().is_empty() {
        return Err(NotText::Empty);
    }
    Ok(Decoded { text, warning })
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> String {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| word([c[0], c[1]])).collect();
    String::from_utf16_lossy(&units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_crlf() {
        let d = decode("a", b"\xEF\xBB\xBFone\r\ntwo\rthree").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(d.text, "one\ntwo\nthree");
        assert_eq!(d.warning, None);
    }

    #[test]
    fn invalid_utf8_is_reported_with_its_offset() {
        let d = decode("x.txt", b"caf\xE9 ok").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(d.text, "caf\u{FFFD} ok");
        assert_eq!(d.warning.as_deref(), Some("x.txt: invalid UTF-8 at byte 3, decoded with replacement characters"));
    }

    #[test]
    fn empty_binary_and_utf16() {
        assert_eq!(decode("a", b"  \n\t"), Err(NotText::Empty));
        assert_eq!(decode("a", b"PK\x03\x04\x00\x01"), Err(NotText::Binary(4)));
        let d = decode("a", &[0xFF, 0xFE, b'h', 0, b'i', 0]).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(d.text, "hi");
    }
}
