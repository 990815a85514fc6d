//! The whole per-document pipeline: segment → extract → resolve → quads.
//!
//! [`process`] is a pure function of one document, so callers may run it on
//! many documents in parallel and write each result in its own transaction.
//! [`process_checked`] is what the commands call: it keeps one document's
//! failure (a text over the size budget, a panic in an extractor) to that
//! document, as a [`DocumentError`].

mod ids;
pub mod isolate;
#[cfg(test)]
mod properties;

pub use ids::Identities;

use crate::ingest::Document;
use crate::resolve::Iris;
use oxigraph::model::{NamedNode, Quad};
use std::sync::OnceLock;

/// Everything one document contributes to the store: its named graph.
#[derive(Debug, Clone)]
pub struct DocumentGraph {
    /// The document identifier.
    pub id: String,
    /// The named graph (the document's IRI).
    pub graph: NamedNode,
    /// All quads, each in `graph`.
    pub quads: Vec<Quad>,
}

/// The default of `--max-document-bytes`: far beyond any news article.
pub const DEFAULT_MAX_DOCUMENT_BYTES: usize = 32 * 1024 * 1024;

/// Why one document gave no graph.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DocumentError {
    #[error("text of {bytes} bytes is over the budget of {budget} bytes (--max-document-bytes)")]
    TooLarge { bytes: usize, budget: usize },
    #[error("extraction failed: {0}")]
    Panicked(String),
}

/// Runs the pipeline on one document.
pub fn process(doc: &Document, iris: &Iris) -> DocumentGraph {
    crate::graph::quads::document_graph(doc, iris)
}

/// Runs the pipeline on one document whose text is at most `max_bytes`
/// long; a panic inside is caught and reported as the document's error.
pub fn process_checked(doc: &Document, iris: &Iris, max_bytes: usize) -> Result<DocumentGraph, DocumentError> {
    if doc.text.len() > max_bytes {
        return Err(DocumentError::TooLarge { bytes: doc.text.len(), budget: max_bytes });
    }
    isolate::catch(|| {
        test_panic(doc);
        process(doc, iris)
    })
    .map_err(DocumentError::Panicked)
}

/// For tests only: when `COUNCILGRAPH_TEST_PANIC_ON` is set and non-empty,
/// a document whose text contains its value panics inside the document
/// boundary, as an extractor bug would. End-to-end tests use it to check
/// that one failing document does not take its batch down, without relying
/// on a bug that will be fixed.
fn test_panic(doc: &Document) {
    static MARKER: OnceLock<Option<String>> = OnceLock::new();
    let marker = MARKER.get_or_init(|| std::env::var("COUNCILGRAPH_TEST_PANIC_ON").ok().filter(|m| !m.is_empty()));
    if let Some(m) = marker {
        if doc.text.contains(m.as_str()) {
            panic!("test panic: the text contains COUNCILGRAPH_TEST_PANIC_ON");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_over_the_budget_is_refused_before_extraction() {
        let doc = Document::from_text("d", "d.txt", "Councillor Ann Lee said so.");
        let e = process_checked(&doc, &Iris::default(), 10).err();
        assert_eq!(e, Some(DocumentError::TooLarge { bytes: 27, budget: 10 }));
        assert_eq!(
            e.map(|e| e.to_string()).unwrap_or_default(),
            "text of 27 bytes is over the budget of 10 bytes (--max-document-bytes)"
        );
        let g = process_checked(&doc, &Iris::default(), 27).map(|g| g.quads.len()).unwrap_or(0);
        assert!(g > 0);
    }
}
