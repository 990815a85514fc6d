//! Ingest: paths, folders and standard input in; [`Document`]s out.
//!
//! Only this stage reads input. A document is the unit of everything that
//! follows: one named graph, one transaction.

/// One input article: its identifier, where it came from, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The document identifier (`dcterms:identifier`): the file name without
    /// extension, or a JSON Lines record's `id`.
    pub id: String,
    /// Where it was read from (`dcterms:source`): a path, `-` or a URL.
    pub source: String,
    /// The article text (for HTML, the main text only).
    pub text: String,
    /// Metadata the container gave (HTML meta tags, JSON Lines fields).
    pub meta: DocMeta,
}

/// Metadata given by the input container rather than found in the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocMeta {
    pub title: Option<String>,
    pub author: Option<String>,
    /// Publication date as `YYYY-MM-DD`.
    pub date: Option<String>,
    pub url: Option<String>,
}

impl Document {
    /// A plain-text document with no metadata.
    pub fn from_text(id: impl Into<String>, source: impl Into<String>, text: impl Into<String>) -> Self {
        Self { id: id.into(), source: source.into(), text: text.into(), meta: DocMeta::default() }
    }
}
