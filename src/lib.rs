//! councilgraph: turn news articles about English councils' children's
//! services into an RDF knowledge graph.
//!
//! The pipeline runs one document at a time; every stage but the store is a
//! pure function, so documents are processed in parallel:
//!
//! ```text
//! files | dir | -  ─► ingest ─► Document ─► segment ─► paragraphs, sentences, quotation spans
//!                                                              │
//!                                        extract (mentions, posts, parties, quotes, ratings …)
//!                                                              │
//!      oxigraph store ◄── graph: one transaction per document ◄── resolve: entities with IRIs
//!        ├─► query  ─► table | csv | tsv | json | xml
//!        ├─► export ─► turtle | trig | nquads | ntriples | rdfxml | jsonld | dot
//!        └─► serve  ─► SPARQL endpoint on localhost
//! ```
//!
//! ```
//! use councilgraph::{ingest::Document, pipeline};
//!
//! let doc = Document::from_text("example", "example.txt",
//!     "Councillor Jane Doe, leader of Riverton Council, said: \"We will do better.\"");
//! let graph = pipeline::process(&doc, &councilgraph::resolve::Iris::default());
//! assert!(graph.quads.len() > 5);
//! ```

pub mod cli;
pub mod commands;
pub mod export;
pub mod extract;
pub mod graph;
pub mod ingest;
pub mod markup;
pub mod pipeline;
pub mod push;
pub mod query;
pub mod reference;
pub mod resolve;
pub mod segment;
pub mod serve;
pub mod terminal;
