//! Characters no output can carry: C0 control characters other than tab,
//! line feed and carriage return, and the non-characters U+FFFE and U+FFFF.
//! XML 1.0 forbids them (RDF/XML and SPARQL XML results would not parse)
//! and a terminal may act on them (ESC starts a control sequence).
//!
//! They are replaced with U+FFFD at ingest, with a warning, so every later
//! stage and every output format sees only text it can carry. Replacing
//! rather than dropping keeps the text's length in characters.

use super::Document;

/// True for a character the graph must not hold.
pub fn is_forbidden(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Replaces forbidden characters in place; returns how many there were.
fn replace(s: &mut String) -> usize {
    let n = s.chars().filter(|&c| is_forbidden(c)).count();
    if n > 0 {
        *s = s.chars().map(|c| if is_forbidden(c) { '\u{FFFD}' } else { c }).collect();
    }
    n
}

/// Cleans every text field of a document; returns the warning to give when
/// something was replaced.
pub fn clean_document(doc: &mut Document) -> Option<String> {
    let first = doc.text.chars().position(is_forbidden);
    let in_text = replace(&mut doc.text);
    let mut elsewhere = replace(&mut doc.id) + replace(&mut doc.source);
    for field in
        [&mut doc.meta.title, &mut doc.meta.author, &mut doc.meta.date, &mut doc.meta.url].into_iter().flatten()
    {
        elsewhere += replace(field);
    }
    if in_text + elsewhere == 0 {
        return None;
    }
    let mut where_ = Vec::new();
    if let Some(at) = first {
        where_.push(format!("{in_text} in the text, the first at character {at}"));
    }
    if elsewhere > 0 {
        where_.push(format!("{elsewhere} in its name or metadata"));
    }
    Some(format!(
        "{}: control characters that RDF/XML and terminals cannot carry replaced with U+FFFD ({})",
        doc.source,
        where_.join("; ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_non_characters_are_replaced_and_reported() {
        let mut d = Document::from_text("a\u{1b}b", "a.txt", "Cllr Ann Lee\u{1b}[31m said\u{0}\u{FFFF}\t so.\n");
        let w = clean_document(&mut d).unwrap_or_default();
        assert_eq!(d.text, "Cllr Ann Lee\u{FFFD}[31m said\u{FFFD}\u{FFFD}\t so.\n");
        assert_eq!(d.id, "a\u{FFFD}b");
        assert_eq!(
            w,
            "a.txt: control characters that RDF/XML and terminals cannot carry replaced with U+FFFD \
             (3 in the text, the first at character 12; 1 in its name or metadata)"
        );
    }

    #[test]
    fn clean_text_is_left_alone() {
        let mut d = Document::from_text("a", "a.txt", "Tabs\tand\r\nnew lines, £5m, “quotes”, \u{7f}\u{85}.");
        let before = d.clone();
        assert_eq!(clean_document(&mut d), None);
        assert_eq!(d, before);
    }
}
