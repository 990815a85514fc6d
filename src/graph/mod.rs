//! Graph: facts become quads (`quads`), quads go into the oxigraph store
//! (`store`), and every IRI comes from `vocab`.
//!
//! Offsets are bytes inside the pipeline and become characters (Unicode
//! scalar values) here, once.

mod civic;
mod provenance;
pub mod quads;
pub mod store;
pub mod text;
pub mod vocab;
mod writer;
