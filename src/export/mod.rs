//! Export: the store as RDF (Turtle, TriG, N-Triples, N-Quads, RDF/XML,
//! JSON-LD) or as a Graphviz DOT picture of its entities.

pub mod dot;
pub mod rdf;

/// Export errors.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    #[error("reading the store: {0}")]
    Store(#[from] oxigraph::store::StorageError),
    #[error("writing: {0}")]
    Write(#[from] std::io::Error),
    #[error("no graph {0} in the store (see `councilgraph query 'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{}} }}'`)")]
    NoSuchGraph(String),
    #[error("invalid graph IRI {0:?}")]
    BadGraph(String),
}
