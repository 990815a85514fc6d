//! New documents go into the store through oxigraph's bulk loader: their
//! quads (and the default-graph copies of their triples) are sorted into
//! SST files beside the store and ingested in ONE atomic RocksDB commit
//! (`IngestExternalFiles` over every column family at once) when the build
//! ends. Until then readers see none of them; a process killed before the
//! commit leaves none of them (the loader's files are not part of the
//! store), and one killed after it leaves all of them, so no reader ever
//! sees half a document.

use super::merge::in_default_graph;
use oxigraph::model::{Quad, TripleRef};
use oxigraph::store::{BulkLoader, StorageError, Store};
use rustc_hash::{FxBuildHasher, FxHashSet};
use std::hash::{BuildHasher, Hash, Hasher};

/// Quads (named-graph quads and default-graph copies) gathered before they
/// go to the bulk loader as one batch: each batch the loader is given
/// becomes its own sorted files, which RocksDB must then merge, and reads
/// straight after the commit must look into every one of them; so they must
/// not be small. But the loader holds about a kilobyte per quad of a batch
/// while it sorts it, in each of its threads: at 100,000 articles, 50,000-quad
/// batches peaked at 643 MB and 200,000-quad ones at 1,312 MB.
pub const BATCH_QUADS: usize = 100_000;
/// The bulk loader's background threads (each sorts one batch).
const LOADER_THREADS: usize = 2;
/// Memory the bulk loader may hold, in MB: sized so its own batches are
/// [`BATCH_QUADS`] (it takes MB × 1000 / threads quads a batch).
pub const LOADER_MEGABYTES: usize = BATCH_QUADS * LOADER_THREADS / 1000;

/// Default-graph triples remembered as already staged, at most: past this the
/// memory is cleared and a repeated triple is staged again (harmless: the
/// loader and the store keep each key once; this only saves their work).
const SEEN_TRIPLES: usize = 1_000_000;

/// A bulk loader with this project's memory bounds.
pub fn loader(store: &Store) -> BulkLoader<'_> {
    store.bulk_loader().with_num_threads(LOADER_THREADS).with_max_memory_size_in_megabytes(LOADER_MEGABYTES)
}

/// New documents, staged for one atomic commit.
pub struct Staged<'a> {
    loader: BulkLoader<'a>,
    /// Quads waiting for the next batch.
    pending: Vec<Quad>,
    /// 128-bit fingerprints of the default-graph triples staged so far (two
    /// independent 64-bit hashes: FxHash and SipHash), so a triple that many
    /// documents state is handed to the loader once.
    seen: FxHashSet<u128>,
    /// Documents staged so far.
    pub documents: usize,
    /// Quads staged so far (named graphs only).
    pub quads: usize,
}

impl<'a> Staged<'a> {
    pub fn new(store: &'a Store) -> Self {
        Self { loader: loader(store), pending: Vec::new(), seen: FxHashSet::default(), documents: 0, quads: 0 }
    }

    /// Stages one whole document: its quads, in its named graph, and their
    /// triples in the default graph.
    pub fn add(&mut self, quads: Vec<Quad>) -> Result<(), StorageError> {
        self.add_quads(quads)?;
        self.documents += 1;
        Ok(())
    }

    /// Stages quads (named graphs only) and their triples in the default
    /// graph; the caller counts documents.
    pub fn add_quads(&mut self, quads: Vec<Quad>) -> Result<(), StorageError> {
        if self.seen.len() >= SEEN_TRIPLES {
            self.seen = FxHashSet::default();
        }
        for q in &quads {
            if self.seen.insert(fingerprint(TripleRef::new(&q.subject, &q.predicate, &q.object))) {
                self.pending.push(in_default_graph(q).into_owned());
            }
        }
        self.quads += quads.len();
        self.pending.extend(quads);
        if self.pending.len() >= BATCH_QUADS {
            self.send()?;
        }
        Ok(())
    }

    /// Hands the pending quads to the loader (which sorts them into files
    /// in the background).
    fn send(&mut self) -> Result<(), StorageError> {
        if !self.pending.is_empty() {
            self.loader.load_quads(std::mem::take(&mut self.pending))?;
        }
        Ok(())
    }

    /// Makes every staged document visible at once.
    pub fn commit(mut self) -> Result<(), StorageError> {
        self.send()?;
        self.loader.commit()
    }
}

/// Two independent 64-bit hashes of a triple, side by side.
fn fingerprint(t: TripleRef<'_>) -> u128 {
    let fx = FxBuildHasher.hash_one(t);
    let mut sip = std::hash::DefaultHasher::new();
    t.hash(&mut sip);
    (u128::from(fx) << 64) | u128::from(sip.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphNameRef, Literal, NamedNode};

    #[test]
    fn staged_documents_appear_only_at_the_commit_with_their_merge() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let store = Store::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        let g = |n: &str| NamedNode::new_unchecked(format!("https://example.org/{n}"));
        let q = |graph: &NamedNode| Quad::new(g("s"), g("p"), Literal::new_simple_literal("o"), graph.clone());
        let mut staged = Staged::new(&store);
        staged.add(vec![q(&g("a"))]).unwrap_or_else(|e| panic!("{e}"));
        staged.add(vec![q(&g("b"))]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(store.len().unwrap_or(1), 0, "nothing is visible before the commit");
        assert_eq!((staged.documents, staged.quads), (2, 2));
        staged.commit().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(store.len().unwrap_or(0), 3, "two named-graph quads and one merged triple");
        let default = store.quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph)).count();
        assert_eq!(default, 1);
    }
}
