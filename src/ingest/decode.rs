//! Bytes → text: byte-order marks, UTF-16, line endings, binary and empty
//! files, and invalid UTF-8 (decoded with replacement characters, with a
//! warning that gives the byte offset in the file).
//!
//! Apart from the BOM and line endings the text is kept as it was: later
//! stages publish offsets into it.

/// How far into a file a NUL byte marks it as binary.
pub const BINARY_SNIFF_LEN: usize = 8 * 1024;

const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];
const UTF16_LE_BOM: &[u8] = &[0xFF, 0xFE];
const UTF16_BE_BOM: &[u8] = &[0xFE, 0xFF];

/// Why bytes give no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotText {
    /// Nothing but whitespace (or nothing at all).
    Empty,
    /// A NUL at this byte offset in the file, within the first 8 KiB.
    Binary(usize),
}

/// Decoded text, and a warning when some bytes had to be replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warning: Option<String>,
}

/// True when the first bytes of a file already make it binary for
/// [`decode`]: a NUL byte, and no UTF-16 byte-order mark.
pub fn is_binary_head(head: &[u8]) -> bool {
    !head.starts_with(UTF16_LE_BOM)
        && !head.starts_with(UTF16_BE_BOM)
        && head.iter().take(BINARY_SNIFF_LEN).any(|&b| b == 0)
}

/// Decodes a file's bytes; `source` names the file in the warning.
pub fn decode(source: &str, bytes: &[u8]) -> Result<Decoded, NotText> {
    let (text, warning) = if let Some(rest) = bytes.strip_prefix(UTF16_LE_BOM) {
        utf16(source, rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(UTF16_BE_BOM) {
        utf16(source, rest, u16::from_be_bytes)?
    } else {
        if let Some(at) = bytes.iter().take(BINARY_SNIFF_LEN).position(|&b| b == 0) {
            return Err(NotText::Binary(at));
        }
        let (bom, rest) = match bytes.strip_prefix(UTF8_BOM) {
            Some(rest) => (UTF8_BOM.len(), rest),
            None => (0, bytes),
        };
        match std::str::from_utf8(rest) {
            Ok(s) => (s.to_owned(), None),
            Err(e) => (
                String::from_utf8_lossy(rest).into_owned(),
                Some(format!(
                    "{source}: invalid UTF-8 at byte {}, decoded with replacement characters",
                    bom + e.valid_up_to()
                )),
            ),
        }
    };
    let text = normalise_newlines(text);
    if text.trim().is_empty() {
        return Err(NotText::Empty);
    }
    Ok(Decoded { text, warning })
}

/// Decodes UTF-16 after its BOM. An unpaired surrogate or a dangling odd
/// byte becomes U+FFFD with a warning; a NUL character means a binary file
/// (or UTF-32, which looks the same at first).
fn utf16(source: &str, bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<(String, Option<String>), NotText> {
    const BOM_LEN: usize = 2;
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut first_bad: Option<usize> = None;
    // Byte offset (in the file) of the next code unit.
    let mut at = BOM_LEN;
    for r in char::decode_utf16(units) {
        match r {
            Ok(c) => {
                if c == '\0' && at < BINARY_SNIFF_LEN {
                    return Err(NotText::Binary(at));
                }
                text.push(c);
                at += 2 * c.len_utf16();
            }
            Err(_) => {
                first_bad.get_or_insert(at);
                text.push(char::REPLACEMENT_CHARACTER);
                at += 2;
            }
        }
    }
    if bytes.len() % 2 == 1 {
        first_bad.get_or_insert(BOM_LEN + bytes.len() - 1);
        text.push(char::REPLACEMENT_CHARACTER);
    }
    let warning =
        first_bad.map(|b| format!("{source}: invalid UTF-16 at byte {b}, decoded with replacement characters"));
    Ok((text, warning))
}

/// Turns CRLF and lone CR into LF, in one pass.
pub fn normalise_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut parts = text.split('\r');
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for part in parts {
        out.push('\n');
        out.push_str(part.strip_prefix('\n').unwrap_or(part));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(source: &str, bytes: &[u8]) -> Decoded {
        decode(source, bytes).unwrap_or_else(|e| panic!("{source}: {e:?}"))
    }

    fn utf16le(s: &str) -> Vec<u8> {
        let mut b = UTF16_LE_BOM.to_vec();
        b.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        b
    }

    #[test]
    fn utf8_bom_is_stripped_and_line_endings_become_lf() {
        let d = ok("a.txt", b"\xEF\xBB\xBFone\r\ntwo\rthree\n\r\nfour\r\r\n");
        assert_eq!(d.text, "one\ntwo\nthree\n\nfour\n\n");
        assert_eq!(d.warning, None);
    }

    #[test]
    fn text_is_otherwise_unchanged() {
        let s = "  Tabs\tand  spaces, \u{a0}non-breaking, “curly” — dashes\n\n\nand trailing   \n";
        assert_eq!(ok("a.txt", s.as_bytes()).text, s);
    }

    #[test]
    fn invalid_utf8_is_reported_with_its_file_offset() {
        let d = ok("x.txt", b"caf\xE9 ok");
        assert_eq!(d.text, "caf\u{FFFD} ok");
        assert_eq!(d.warning.as_deref(), Some("x.txt: invalid UTF-8 at byte 3, decoded with replacement characters"));
        // The offset counts the BOM, so it points into the file as stored.
        let d = ok("y.txt", b"\xEF\xBB\xBFab\xFFcd");
        assert_eq!(d.warning.as_deref(), Some("y.txt: invalid UTF-8 at byte 5, decoded with replacement characters"));
        // A truncated multi-byte sequence at the very end.
        let d = ok("z.txt", "fin é".as_bytes().split_last().map(|(_, b)| b).unwrap_or_default());
        assert_eq!(d.text, "fin \u{FFFD}");
        assert!(d.warning.is_some_and(|w| w.contains("at byte 4")));
    }

    #[test]
    fn empty_and_whitespace_only() {
        assert_eq!(decode("a", b""), Err(NotText::Empty));
        assert_eq!(decode("a", b"  \n\t\r\n"), Err(NotText::Empty));
        assert_eq!(decode("a", b"\xEF\xBB\xBF \n"), Err(NotText::Empty));
        assert_eq!(decode("a", &utf16le(" \n")), Err(NotText::Empty));
    }

    #[test]
    fn nul_in_the_first_8_kib_means_binary() {
        assert_eq!(decode("a", b"PK\x03\x04\x00\x01"), Err(NotText::Binary(4)));
        let mut late = vec![b'x'; BINARY_SNIFF_LEN];
        late.push(0);
        assert!(decode("a", &late).is_ok());
    }

    #[test]
    fn utf16_with_a_bom() {
        let d = ok("a", &utf16le("Héllo\r\nworld 𝄞"));
        assert_eq!(d.text, "Héllo\nworld 𝄞");
        assert_eq!(d.warning, None);
        let mut be = UTF16_BE_BOM.to_vec();
        be.extend("hi".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(ok("a", &be).text, "hi");
    }

    #[test]
    fn bad_utf16_is_replaced_with_a_warning() {
        // "a", an unpaired high surrogate, "b", then a dangling odd byte.
        let d = ok("w.txt", &[0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0, b'c']);
        assert_eq!(d.text, "a\u{FFFD}b\u{FFFD}");
        assert_eq!(d.warning.as_deref(), Some("w.txt: invalid UTF-16 at byte 4, decoded with replacement characters"));
    }

    #[test]
    fn utf32_looks_binary() {
        assert_eq!(decode("a", &[0xFF, 0xFE, 0, 0, b'h', 0, 0, 0]), Err(NotText::Binary(2)));
    }

    #[test]
    fn newline_normalisation_is_linear_and_exact() {
        assert_eq!(normalise_newlines("\r".into()), "\n");
        assert_eq!(normalise_newlines("\r\n\r\n".into()), "\n\n");
        assert_eq!(normalise_newlines("a\n\rb".into()), "a\n\nb");
        let big = "line\r\n".repeat(200_000);
        assert_eq!(normalise_newlines(big).len(), 5 * 200_000);
    }
}
