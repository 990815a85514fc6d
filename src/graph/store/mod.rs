//! The oxigraph store on disk: one named graph per document, and in the
//! store's default graph every distinct triple of the named graphs once
//! ([`merge`]). A changed document is replaced in one transaction that also
//! keeps the default graph in step; new documents are staged and committed
//! at once through the bulk loader ([`bulk`]); each document graph records
//! the hash of what it was built from ([`hashes`]), so a re-build skips the
//! unchanged ones.

pub mod bulk;
pub mod hashes;
pub mod merge;

use crate::graph::vocab;
use crate::pipeline::DocumentGraph;
use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::{BlankNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use oxigraph::store::{StorageError, Store};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The project's ontology (Turtle), loaded into its own graph on every build.
pub const ONTOLOGY_TTL: &str = include_str!("../../../ontology/councilgraph.ttl");

/// Store errors, with the store's path.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    #[error("store {path} is in use by another councilgraph process (close it, or use --store to choose another)")]
    Locked { path: PathBuf },
    #[error("no store at {path}: run `councilgraph build PATH --store {path}` first")]
    Missing { path: PathBuf },
    #[error("cannot open store {path}: {source}")]
    Open { path: PathBuf, source: StorageError },
    #[error("writing to store {path}: {source}")]
    Write { path: PathBuf, source: StorageError },
    #[error("store {path} holds documents minted under the base <{theirs}>, not <{ours}>: build with --base {theirs}, or into another --store")]
    OtherBase { path: PathBuf, theirs: String, ours: String },
    #[error("reading store {path}: {source}")]
    Read { path: PathBuf, source: StorageError },
    #[error("store {path} was built by an older councilgraph (its default graph is empty): run `councilgraph build` into it again to fill it")]
    Unmerged { path: PathBuf },
    #[error("the built-in ontology does not parse: {0}")]
    Ontology(String),
    #[error("grouping the inspections in store {path}: {message}")]
    Events { path: PathBuf, message: String },
}

fn open_error(path: &Path, e: StorageError) -> StoreError {
    let msg = e.to_string().to_lowercase();
    if msg.contains("lock") {
        StoreError::Locked { path: path.to_owned() }
    } else {
        StoreError::Open { path: path.to_owned(), source: e }
    }
}

/// Opens (creating if needed) a store for writing, and deletes the sorted
/// files a killed bulk load left beside it (never part of the store: this
/// process holds the store's lock, so no other load is using them).
pub fn open_for_writing(path: &Path) -> Result<Store, StoreError> {
    let store = Store::open(path).map_err(|e| open_error(path, e))?;
    for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("bulk-") && name.ends_with(".sst") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
    Ok(store)
}

/// Opens an existing store for reading; other processes may read it too.
pub fn open_for_reading(path: &Path) -> Result<Store, StoreError> {
    if !path.join("CURRENT").exists() {
        return Err(StoreError::Missing { path: path.to_owned() });
    }
    Store::open_read_only(path).map_err(|e| open_error(path, e))
}

/// Refuses a store of the older layout (named graphs, empty default
/// graph), where every query would silently answer nothing.
pub fn check_layout(store: &Store, path: &Path) -> Result<(), StoreError> {
    match merge::layout(store).map_err(|e| StoreError::Read { path: path.to_owned(), source: e })? {
        merge::Layout::Unmerged => Err(StoreError::Unmerged { path: path.to_owned() }),
        _ => Ok(()),
    }
}

/// How many more times a read is tried when a build changes the store under it.
const READ_RETRIES: u32 = 6;

/// Opens the store read-only and runs `read` on it. RocksDB's read-only
/// view of a store that a build is writing at the same moment can fail to
/// open or fail mid-read ("IO error: … log", "Corruption: … MANIFEST"),
/// though the store itself is fine; then the store is opened afresh and
/// `read` runs again, up to six more times, after a short pause. `read` may
/// run more than once, so it must keep its output to itself (a buffer)
/// until it returns.
pub fn read_with_retry<T, E>(path: &Path, mut read: impl FnMut(&Store) -> Result<T, E>) -> Result<T, E>
where
    E: From<StoreError> + std::fmt::Display,
{
    let mut attempt = 0;
    loop {
        let result = open_for_reading(path).map_err(E::from).and_then(|st| read(&st));
        match result {
            Err(e) if attempt < READ_RETRIES && is_race(&format!("{e:#}")) => {
                std::thread::sleep(std::time::Duration::from_millis(20 << attempt));
                attempt += 1;
            }
            r => return r,
        }
    }
}

/// True for the errors a read racing a writer gives.
fn is_race(message: &str) -> bool {
    let m = message.to_ascii_lowercase();
    ["io error", "corruption", "no such file", "while reading", "while open"].iter().any(|w| m.contains(w))
}

/// Refuses a store whose documents were minted under another base than
/// `base`: one store holds one base, or the same article would be two
/// documents and the same person two entities.
pub fn check_base(store: &Store, path: &Path, base: &str) -> Result<(), StoreError> {
    match stored_base(store, path)? {
        Some(theirs) if theirs != base => {
            Err(StoreError::OtherBase { path: path.to_owned(), theirs, ours: base.to_owned() })
        }
        _ => Ok(()),
    }
}

/// The base the store's documents were minted under; `None` for a store
/// with no documents.
pub fn stored_base(store: &Store, path: &Path) -> Result<Option<String>, StoreError> {
    let article = vocab::schema::NEWS_ARTICLE;
    let first = store.quads_for_pattern(None, Some(vocab::rdf::TYPE), Some(article.into()), None).next();
    let Some(quad) = first.transpose().map_err(|e| StoreError::Read { path: path.to_owned(), source: e })? else {
        return Ok(None);
    };
    let NamedOrBlankNode::NamedNode(doc) = quad.subject else { return Ok(None) };
    // A document IRI is `{base}doc/{slug}`, and a slug has no `/`.
    Ok(Some(doc.as_str().rsplit_once("doc/").map_or(doc.as_str(), |(b, _)| b).to_owned()))
}

/// Replaces one document's graph, and its part of the default graph, in
/// one transaction.
pub fn replace_document(store: &Store, path: &Path, doc: &DocumentGraph) -> Result<(), StoreError> {
    replace_graph(store, path, doc.graph.as_ref(), &doc.quads)
}

/// Replaces a named graph with `quads`, in one transaction.
pub fn replace_graph(store: &Store, path: &Path, graph: NamedNodeRef<'_>, quads: &[Quad]) -> Result<(), StoreError> {
    let write = |e| StoreError::Write { path: path.to_owned(), source: e };
    let mut tx = store.start_transaction().map_err(write)?;
    merge::replace_in(&mut tx, graph, quads).map_err(write)?;
    tx.commit().map_err(write)
}

/// Replaces a derived graph (one a build works out from the documents, such
/// as the inspections). A small one is replaced in one transaction. A large
/// one: the old graph is dropped in one transaction, then the new one goes
/// in through the bulk loader, many times faster than a transaction for it
/// (at 10,000 articles, 0.2 s against 3.4 s); a process stopped in between
/// leaves no such graph, never half of one, and the next build writes it
/// again. Small graphs stay in a transaction because each bulk commit adds
/// files that RocksDB then merges and deletes, which a reader open on the
/// store at that moment may trip over (see DESIGN.md, "Reads during a build").
pub fn rewrite_derived_graph(
    store: &Store,
    path: &Path,
    graph: NamedNodeRef<'_>,
    quads: Vec<Quad>,
) -> Result<(), StoreError> {
    let write = |e| StoreError::Write { path: path.to_owned(), source: e };
    if quads.len() < bulk::BATCH_QUADS {
        return replace_graph(store, path, graph, &quads);
    }
    if store.contains_named_graph(graph).map_err(write)? {
        remove_document(store, path, graph)?;
    }
    let mut staged = bulk::Staged::new(store);
    staged.add_quads(quads).map_err(write)?;
    staged.commit().map_err(write)
}

/// Drops a document's graph, and what only it stated from the default
/// graph, in one transaction.
pub fn remove_document(store: &Store, path: &Path, graph: NamedNodeRef<'_>) -> Result<(), StoreError> {
    let write = |e| StoreError::Write { path: path.to_owned(), source: e };
    let mut tx = store.start_transaction().map_err(write)?;
    merge::remove_in(&mut tx, graph).map_err(write)?;
    tx.commit().map_err(write)
}

/// Compacts the store (after a large load: sorted runs merged, deleted
/// entries dropped, the write-ahead log emptied).
pub fn compact(store: &Store, path: &Path) -> Result<(), StoreError> {
    store.optimize().map_err(|e| StoreError::Write { path: path.to_owned(), source: e })
}

/// The ontology's quads, in the ontology graph.
///
/// The Turtle parser gives anonymous blank nodes (`[ … ]`, lists) random
/// ids; they are renamed in order of appearance (`cgontology0`, …), so every
/// build writes the very same quads and building twice changes nothing.
pub fn ontology_quads() -> Result<Vec<Quad>, StoreError> {
    let parsed = RdfParser::from_format(RdfFormat::Turtle)
        .with_default_graph(vocab::ONTOLOGY_GRAPH)
        .for_slice(ONTOLOGY_TTL.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| StoreError::Ontology(e.to_string()))?;
    let mut names: HashMap<BlankNode, BlankNode> = HashMap::new();
    let mut stable = |b: BlankNode| {
        let n = names.len();
        names.entry(b).or_insert_with(|| BlankNode::new_unchecked(format!("cgontology{n}"))).clone()
    };
    Ok(parsed
        .into_iter()
        .map(|q| {
            let subject = match q.subject {
                NamedOrBlankNode::BlankNode(b) => NamedOrBlankNode::BlankNode(stable(b)),
                s => s,
            };
            let object = match q.object {
                Term::BlankNode(b) => Term::BlankNode(stable(b)),
                o => o,
            };
            Quad::new(subject, q.predicate, object, q.graph_name)
        })
        .collect())
}

/// Loads (replaces) the ontology graph.
pub fn load_ontology(store: &Store, path: &Path) -> Result<usize, StoreError> {
    let quads = ontology_quads()?;
    replace_graph(store, path, vocab::ONTOLOGY_GRAPH, &quads)?;
    Ok(quads.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Document;
    use crate::resolve::Iris;

    #[test]
    fn rebuilding_a_document_replaces_its_graph() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let store = open_for_writing(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        let iris = Iris::default();
        let a = crate::pipeline::process(
            &Document::from_text("d", "d.txt", "Councillor Ann Lee said: \"We will act on this now.\""),
            &iris,
        );
        let b = crate::pipeline::process(&Document::from_text("d", "d.txt", "Nothing here."), &iris);
        replace_document(&store, dir.path(), &a).unwrap_or_else(|e| panic!("{e}"));
        let n_a = store.len().unwrap_or(0);
        replace_document(&store, dir.path(), &a).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(store.len().unwrap_or(0), n_a);
        replace_document(&store, dir.path(), &b).unwrap_or_else(|e| panic!("{e}"));
        // b's quads in its graph, and each of their triples once in the default graph
        assert_eq!(store.len().unwrap_or(0), 2 * b.quads.len());
    }

    #[test]
    fn a_read_is_tried_again_only_after_the_errors_of_a_race() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        drop(open_for_writing(dir.path()).unwrap_or_else(|e| panic!("{e}")));
        let mut calls = 0;
        let r: anyhow::Result<()> = read_with_retry(dir.path(), |_| {
            calls += 1;
            if calls < 3 {
                anyhow::bail!("IO error: No such file or directory: 000012.log")
            }
            anyhow::bail!("bad query")
        });
        assert_eq!((r.map_err(|e| e.to_string()), calls), (Err("bad query".into()), 3));
        let mut calls = 0;
        let r: anyhow::Result<u8> = read_with_retry(dir.path(), |_| {
            calls += 1;
            anyhow::bail!("Corruption: MANIFEST may be corrupted")
        });
        assert!(r.is_err());
        assert_eq!(calls, 7);
        let missing = dir.path().join("none");
        let r: anyhow::Result<()> = read_with_retry(&missing, |_| Ok(()));
        assert!(r.is_err_and(|e| e.to_string().starts_with("no store at")));
    }

    #[test]
    fn one_store_holds_one_base() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let store = open_for_writing(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        let base = "https://example.org/kg/";
        assert!(check_base(&store, dir.path(), base).is_ok(), "an empty store takes any base");
        let iris = Iris::with_base(base).unwrap_or_else(|e| panic!("{e}"));
        let g = crate::pipeline::process(&Document::from_text("d", "d.txt", "Text."), &iris);
        replace_document(&store, dir.path(), &g).unwrap_or_else(|e| panic!("{e}"));
        assert!(check_base(&store, dir.path(), base).is_ok());
        let e = check_base(&store, dir.path(), Iris::default().base()).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.contains("under the base <https://example.org/kg/>, not <https://w3id.org/councilgraph/id/>"), "{e}");
    }

    #[test]
    fn the_ontology_parses() {
        assert!(ontology_quads().map(|q| q.len()).unwrap_or(0) > 50);
    }

    #[test]
    fn the_ontology_gives_the_same_quads_every_time() {
        let a = ontology_quads().unwrap_or_else(|e| panic!("{e}"));
        let b = ontology_quads().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(a, b);
    }

    #[test]
    fn every_cg_term_used_is_declared() {
        let store_terms = ["contentHash"];
        for local in vocab::CG_TERMS_USED.iter().chain(crate::resolve::CONCEPT_LOCAL_NAMES).chain(&store_terms) {
            let iri = format!("<{}{local}>", vocab::ns::CG);
            let prefixed = format!("cg:{local} ");
            assert!(
                ONTOLOGY_TTL.contains(&iri) || ONTOLOGY_TTL.contains(&prefixed),
                "cg:{local} is not declared in ontology/councilgraph.ttl"
            );
        }
    }
}
