//! End-to-end tests: they run the real binary. One test crate, so it links once.

mod util;

mod bad_input;
mod build;
mod cli;
mod concurrent_reads;
mod cross_store;
mod dev_corpus;
mod export;
mod extraction;
mod identifiers;
mod identity;
mod inspections;
mod isolation;
mod messages;
mod packaging;
mod push;
mod push_faults;
mod queries;
mod query;
mod resolution;
mod roundtrip;
mod serve;
mod shapes;
mod spark;
mod store_layout;
mod stream;
mod terminal;
mod text;
mod views;
