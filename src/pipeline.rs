//! The whole per-document pipeline: segment → extract → resolve → quads.
//!
//! [`process`] is a pure function of one document, so callers may run it on
//! many documents in parallel and write each result in its own transaction.

use crate::ingest::Document;
use crate::resolve::Iris;
use oxigraph::model::{NamedNode, Quad};

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

/// Runs the pipeline on one document.
pub fn process(doc: &Document, iris: &Iris) -> DocumentGraph {
    crate::graph::quads::document_graph(doc, iris)
}
