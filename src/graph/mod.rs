//! Graph: facts become quads (`quads`), quads go into the oxigraph store
//! (`store`), and every IRI comes from `vocab`. Once the documents are in,
//! `events` groups their reports of inspections into events.
//!
//! Offsets are bytes inside the pipeline and become characters (Unicode
//! scalar values) here, once.

mod civic;
pub mod events;
mod provenance;
pub mod quads;
pub mod store;
pub mod text;
pub mod vocab;
mod writer;
