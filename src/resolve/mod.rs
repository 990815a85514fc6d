//! Resolve: mentions → entities with deterministic IRIs.

pub mod iri;

pub use iri::{slug, BaseIriError, Iris};
