//! Incremental builds: each document graph records, as `cg:contentHash` on
//! the document node, an MD5 of what it was built from — the document's
//! identifier, source, text and container metadata, the build's settings
//! that change the graph (base, `--text`), and this councilgraph's version,
//! so a new release rebuilds everything once. A re-build skips a document
//! whose stored hash equals the new one.

use crate::graph::vocab;
use crate::ingest::Document;
use crate::pipeline::DocumentGraph;
use md5::{Digest, Md5};
use oxigraph::model::{Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use oxigraph::store::{StorageError, Store};
use std::collections::HashMap;

/// `cg:contentHash`: the hash of what a document graph was built from.
pub const CONTENT_HASH: NamedNodeRef<'static> =
    NamedNodeRef::new_unchecked("https://w3id.org/councilgraph/ns#contentHash");

/// The hash of `doc` as built with `settings` (the base and the options that
/// change a graph), as 32 hex digits.
pub fn of(doc: &Document, settings: &str) -> String {
    let mut h = Md5::new();
    let meta = &doc.meta;
    let fields = [
        Some(env!("CARGO_PKG_VERSION")),
        Some(settings),
        Some(doc.id.as_str()),
        Some(doc.source.as_str()),
        Some(doc.text.as_str()),
        meta.title.as_deref(),
        meta.author.as_deref(),
        meta.date.as_deref(),
        meta.url.as_deref(),
    ];
    for f in fields {
        // length-prefixed, so no two field lists give the same bytes
        match f {
            Some(s) => {
                h.update((s.len() as u64 + 1).to_le_bytes());
                h.update(s.as_bytes());
            }
            None => h.update(0u64.to_le_bytes()),
        }
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// Adds the hash to the document's graph, on the document node.
pub fn stamp(graph: &mut DocumentGraph, hash: &str) {
    graph.quads.push(Quad::new(
        graph.graph.clone(),
        CONTENT_HASH,
        Literal::new_simple_literal(hash),
        graph.graph.clone(),
    ));
}

/// Every document graph in the store (the ontology's and the derived
/// graphs, such as the inspections graph, left out), with the hash it
/// records (none for a graph an older councilgraph or `load` wrote).
pub fn stored(store: &Store) -> Result<HashMap<NamedNode, Option<String>>, StorageError> {
    let mut all = HashMap::new();
    for g in store.named_graphs() {
        if let NamedOrBlankNode::NamedNode(n) = g? {
            if n.as_ref() != vocab::ONTOLOGY_GRAPH && !is_derived(store, &n)? {
                all.insert(n, None);
            }
        }
    }
    for q in store.quads_for_pattern(None, Some(CONTENT_HASH), None, None) {
        let q = q?;
        let (oxigraph::model::GraphName::NamedNode(g), Term::Literal(l)) = (&q.graph_name, &q.object) else {
            continue;
        };
        if q.subject == NamedOrBlankNode::NamedNode(g.clone()) {
            if let Some(slot) = all.get_mut(g) {
                *slot = Some(l.value().to_owned());
            }
        }
    }
    Ok(all)
}

/// True for a graph that says it is a `cg:DerivedGraph`.
fn is_derived(store: &Store, g: &NamedNode) -> Result<bool, StorageError> {
    let says = oxigraph::model::QuadRef::new(g, vocab::rdf::TYPE, vocab::cg::DERIVED_GRAPH, g);
    store.contains(says)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_follows_every_input_of_a_graph() {
        let doc = Document::from_text("d", "d.txt", "Some text.");
        let h = of(&doc, "base");
        assert_eq!(h.len(), 32);
        assert_eq!(h, of(&doc.clone(), "base"));
        assert_ne!(h, of(&doc, "base text"));
        assert_ne!(h, of(&Document::from_text("d", "d.txt", "Other text."), "base"));
        assert_ne!(h, of(&Document::from_text("e", "d.txt", "Some text."), "base"));
        let mut titled = doc.clone();
        titled.meta.title = Some(String::new());
        assert_ne!(h, of(&titled, "base"), "an empty title is not no title");
    }

    #[test]
    fn stored_hashes_are_read_back_per_graph() {
        let store = Store::new().unwrap_or_else(|e| panic!("{e}"));
        let iris = crate::resolve::Iris::default();
        let doc = Document::from_text("d", "d.txt", "Nothing.");
        let mut g = crate::pipeline::process(&doc, &iris);
        stamp(&mut g, "abc");
        super::super::replace_document(&store, std::path::Path::new("mem"), &g).unwrap_or_else(|e| panic!("{e}"));
        let old = NamedNode::new_unchecked("https://example.org/old");
        store.insert(&Quad::new(old.clone(), old.clone(), old.clone(), old.clone())).unwrap_or_else(|e| panic!("{e}"));
        let all = stored(&store).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(all.get(&g.graph), Some(&Some("abc".to_owned())));
        assert_eq!(all.get(&old), Some(&None));
        assert_eq!(all.len(), 2);
    }
}
