//! Facts → quads, all in the document's named graph.

use crate::graph::vocab::{dcterms, rdf, schema};
use crate::ingest::Document;
use crate::pipeline::{DocumentGraph, EntityCounts};
use crate::resolve::Iris;
use oxigraph::model::{GraphName, Literal, Quad};

/// The document's graph: its own description and every fact read from it.
pub fn document_graph(doc: &Document, iris: &Iris) -> DocumentGraph {
    let graph = iris.document(&doc.id);
    let g = GraphName::NamedNode(graph.clone());
    let quads = vec![
        Quad::new(graph.clone(), rdf::TYPE, schema::NEWS_ARTICLE, g.clone()),
        Quad::new(graph.clone(), dcterms::IDENTIFIER, Literal::new_simple_literal(&doc.id), g.clone()),
        Quad::new(graph.clone(), dcterms::SOURCE, Literal::new_simple_literal(&doc.source), g),
    ];
    DocumentGraph { id: doc.id.clone(), graph, quads, counts: EntityCounts::default() }
}
