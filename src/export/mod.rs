//! Export: the store as RDF (Turtle, TriG, N-Quads, N-Triples, RDF/XML,
//! JSON-LD), or its network of entities as a picture (DOT, rendered to SVG,
//! PNG or PDF through Graphviz) or for graph tools (GraphML, JSON).
//!
//! The pictures: `docs` picks the articles, `network` (with `grades` and
//! `quoted`) builds the entity graph, `select` keeps part of it, `dot`
//! (with `palette` and `legend`) writes it, `render` runs Graphviz.

pub mod docs;
pub mod dot;
pub mod focus;
pub mod grades;
pub mod graphml;
pub mod legend;
pub mod network;
pub mod palette;
mod quoted;
pub mod rdf;
pub mod render;
pub mod select;

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
    /// A view, focus or filter that selects nothing drawable.
    #[error("{0}")]
    Selection(String),
}
