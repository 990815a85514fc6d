//! Reference data compiled into the binary: councils (with ONS codes),
//! political parties (with Wikidata ids, Electoral Commission ids and
//! colours), national bodies, and councils' civic identifiers (DfE LA code,
//! Ofsted URN).
//!
//! The tables live in `ontology/reference/` as TSV (see its `SOURCES.md`)
//! and are parsed once, on first use.

pub mod councils;
pub mod identifiers;
pub mod organisations;
pub mod parties;

/// Splits a TSV table into rows of cells, skipping the header line.
fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines().skip(1).filter(|l| !l.trim().is_empty()).map(|l| l.split('\t').map(str::trim).collect())
}

/// A comma-separated alias list as trimmed, non-empty names.
fn aliases(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(", ").map(str::trim).filter(|a| !a.is_empty())
}

/// True when the byte range `start..end` of `text` is a whole word run:
/// not preceded or followed by a letter, digit or apostrophe-joined letter.
pub fn is_word_bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let ok_before = before.is_none_or(|c| !c.is_alphanumeric());
    let ok_after = match after {
        None => true,
        Some(c) if c.is_alphanumeric() => false,
        Some('-') => !text[end + 1..].starts_with(|c: char| c.is_alphabetic()),
        _ => true,
    };
    ok_before && ok_after
}
