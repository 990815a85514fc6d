//! `build --json`: the build's summary as one JSON object on stdout, for
//! scripts, with the same numbers as the lines on stderr.

use crate::ingest::Skipped;
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// What a build did.
#[derive(Debug, Serialize)]
pub struct Summary<'a> {
    /// The store written to.
    pub store: String,
    /// Documents built, each complete: new, replaced and unchanged.
    pub documents: usize,
    /// Documents the store did not hold.
    pub new: usize,
    /// Documents whose content changed, rebuilt.
    pub replaced: usize,
    /// Documents whose content (and councilgraph version) had not changed, not rebuilt.
    pub unchanged: usize,
    /// Documents dropped by `--prune`.
    pub pruned: usize,
    /// Quads the new and replaced documents gave.
    pub quads: usize,
    /// Quads in the store afterwards, ontology included.
    pub store_quads: usize,
    /// Documents that gave no graph, with the reason.
    pub failed: Vec<Reason<'a>>,
    /// Inputs not read, or lines of them, with the reason.
    pub skipped: Vec<Reason<'a>>,
    pub warnings: &'a [String],
    /// Entities of each kind among the documents written.
    pub entities: Entities,
    /// True when Ctrl-C stopped the build early.
    pub interrupted: bool,
    pub seconds: f64,
}

#[derive(Debug, Serialize)]
pub struct Reason<'a> {
    pub source: &'a str,
    pub reason: &'a str,
}

#[derive(Debug, Default, Serialize)]
pub struct Entities {
    pub people: usize,
    pub parties: usize,
    pub councils: usize,
    pub organisations: usize,
    pub quotations: usize,
    pub inspections: usize,
}

impl<'a> Summary<'a> {
    /// A summary with no documents yet (what a build that read nothing reports).
    pub fn empty(store: &Path, skipped: &'a [Skipped], seconds: f64) -> Self {
        Self {
            store: store.display().to_string(),
            documents: 0,
            new: 0,
            replaced: 0,
            unchanged: 0,
            pruned: 0,
            quads: 0,
            store_quads: 0,
            failed: Vec::new(),
            skipped: skipped.iter().map(|s| Reason { source: &s.source, reason: &s.reason }).collect(),
            warnings: &[],
            entities: Entities::default(),
            interrupted: false,
            // to the millisecond
            seconds: (seconds * 1000.0).round() / 1000.0,
        }
    }

    /// The summary as one line of JSON on stdout.
    pub fn print(&self) -> anyhow::Result<()> {
        let mut out = std::io::stdout().lock();
        serde_json::to_writer(&mut out, self)?;
        out.write_all(b"\n")?;
        out.flush()?;
        Ok(())
    }
}
