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
    /// How many entities of each class the document mentions.
    pub counts: EntityCounts,
}

/// Entities per class in one document (or, summed, in a build).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct EntityCounts {
    pub persons: usize,
    pub parties: usize,
    pub councils: usize,
    pub organisations: usize,
    pub quotations: usize,
    pub inspections: usize,
}

impl std::ops::AddAssign for EntityCounts {
    fn add_assign(&mut self, o: Self) {
        self.persons += o.persons;
        self.parties += o.parties;
        self.councils += o.councils;
        self.organisations += o.organisations;
        self.quotations += o.quotations;
        self.inspections += o.inspections;
    }
}

/// Runs the pipeline on one document.
pub fn process(doc: &Document, iris: &Iris) -> DocumentGraph {
    crate::graph::quads::document_graph(doc, iris)
}
