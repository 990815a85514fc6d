//! Export: the store as RDF (Turtle, TriG, N-Triples, N-Quads, RDF/XML,
//! JSON-LD), or its network of entities as a picture (DOT, rendered to SVG,
//! PNG or PDF through Graphviz) or for graph tools (GraphML, JSON).

pub mod dot;
pub mod focus;
pub mod graphml;
pub mod network;
pub mod rdf;
pub mod render;

/// Export errors.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExportError {
    #[error("reading the store: {0}")]
    Store(#[from] oxigraph::store::StorageError),
    #[error("writing: {0}")]
    Write(#[from] std::io::Error),
    #[error(
        "no graph {0} in the store (list them with: councilgraph query 'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{}} }}')"
    )]
    NoSuchGraph(String),
    #[error("invalid graph IRI {0:?}")]
    BadGraph(String),
    /// A view or focus that selects nothing drawable.
    #[error("{0}")]
    Selection(String),
}
