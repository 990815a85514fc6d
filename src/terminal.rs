//! Text on its way to a terminal: control characters (C0, DEL, C1) and the
//! bidirectional overrides are shown escaped as `\u{1b}`, so an article, a
//! file name or a server's answer cannot move the cursor, recolour or
//! retitle the terminal, or hide part of a line. Used for every message on
//! stderr and for the text outputs meant for people (the query table,
//! `explain`); data formats (CSV, JSON, RDF) are written as they are.

use std::borrow::Cow;

/// True for a character a terminal may act on rather than show.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `s` with every unsafe character (newlines included) escaped.
pub fn escape(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        assert_eq!(escape("red \u{1b}[31mtext\u{7}"), "red \\u{1b}[31mtext\\u{7}");
        assert_eq!(escape("a\nb\r\tc\u{9b}2J\u{7f}"), "a\\u{a}b\\u{d}\\u{9}c\\u{9b}2J\\u{7f}");
        assert_eq!(escape("abc\u{202e}def"), "abc\\u{202e}def");
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        let s = "Cllr Zoë Núñez said “£5m” — fine.";
        assert!(matches!(escape(s), Cow::Borrowed(x) if x == s));
    }
}
