//! How `build` writes: a document whose stored hash is unchanged is skipped;
//! a changed one is replaced in one transaction (its part of the default
//! graph kept in step); a new one is staged in the bulk loader, and every
//! staged document becomes visible at once when the build ends
//! ([`store::bulk`]). `--prune` then drops the documents this run did not
//! read, and after many replaced or pruned documents the store is compacted.

use crate::graph::store::{self, bulk::Staged};
use crate::pipeline::DocumentGraph;
use anyhow::Context;
use oxigraph::model::NamedNode;
use oxigraph::store::Store;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// Replaced or pruned documents from which the store is compacted (their
/// deletions are dropped). Staged documents do not count: RocksDB compacts
/// the files it ingests by itself, and `optimize` after a bulk load of
/// 10,000 articles took 5.6 s of a 42 s build and left the store the size
/// it was (591 MB).
const COMPACT_AFTER_DOCUMENTS: usize = 1_000;

/// What the writer did with the documents.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub new: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub pruned: usize,
}

pub struct Writer<'a> {
    store: &'a Store,
    path: &'a Path,
    /// The store's documents when the build began, with their hashes.
    stored: HashMap<NamedNode, Option<String>>,
    /// The documents this run read, with their hashes.
    seen: HashMap<NamedNode, String>,
    /// Documents written (or staged) by this run.
    written: HashSet<NamedNode>,
    staged: Staged<'a>,
    /// A document read twice in one run, with other content the second time:
    /// it replaces the first after the commit.
    late: Vec<DocumentGraph>,
    pub counts: Counts,
}

impl<'a> Writer<'a> {
    pub fn new(store: &'a Store, path: &'a Path) -> anyhow::Result<Self> {
        let stored = store::hashes::stored(store).context("reading the store's documents")?;
        Ok(Self {
            store,
            path,
            stored,
            seen: HashMap::new(),
            written: HashSet::new(),
            staged: Staged::new(store),
            late: Vec::new(),
            counts: Counts::default(),
        })
    }

    /// Records that this run read the document; true (and counted) when its
    /// graph is already in the store, built from the same content.
    pub fn is_unchanged(&mut self, graph: &NamedNode, hash: &str) -> bool {
        let again = self.seen.insert(graph.clone(), hash.to_owned());
        let unchanged = match again {
            Some(earlier) => earlier == hash,
            None => self.stored.get(graph).is_some_and(|h| h.as_deref() == Some(hash)),
        };
        self.counts.unchanged += usize::from(unchanged);
        unchanged
    }

    /// Writes one document (its hash stamped already).
    pub fn write(&mut self, graph: DocumentGraph) -> anyhow::Result<()> {
        if !self.written.insert(graph.graph.clone()) {
            self.late.push(graph);
        } else if self.stored.contains_key(&graph.graph) {
            store::replace_document(self.store, self.path, &graph)?;
            self.counts.replaced += 1;
        } else {
            let id = graph.id;
            self.staged.add(graph.quads).with_context(|| format!("staging {id}"))?;
            self.counts.new += 1;
        }
        Ok(())
    }

    /// Commits the staged documents, then prunes (when asked) and compacts
    /// (after a large load).
    pub fn finish(self, prune: bool) -> anyhow::Result<Counts> {
        let Self { store, path, stored, seen, staged, late, mut counts, .. } = self;
        staged.commit().with_context(|| format!("committing the new documents to {}", path.display()))?;
        for g in &late {
            store::replace_document(store, path, g)?;
        }
        if prune {
            let mut gone: Vec<&NamedNode> = stored.keys().filter(|g| !seen.contains_key(*g)).collect();
            gone.sort();
            for g in gone {
                store::remove_document(store, path, g.as_ref())?;
                counts.pruned += 1;
            }
        }
        if counts.replaced + counts.pruned >= COMPACT_AFTER_DOCUMENTS {
            store::compact(store, path)?;
        }
        Ok(counts)
    }
}
