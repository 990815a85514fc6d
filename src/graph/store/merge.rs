//! The store's default graph: every distinct triple of every named graph
//! (the documents' and the ontology's), once. Queries read it as their
//! default graph, so a join over entities that many documents mention
//! gives each row once; `GRAPH ?g { … }` still reaches the documents.
//!
//! It is kept in step with the named graphs inside the very transaction that
//! changes a named graph: the new graph's triples are added; each triple of
//! the old graph that the new one no longer states is removed unless some
//! other named graph still states it.

use oxigraph::model::{GraphNameRef, NamedNodeRef, Quad, QuadRef, TripleRef};
use oxigraph::store::{StorageError, Store, Transaction};
use rustc_hash::FxHashSet;

/// The default-graph copy of a quad's triple.
pub fn in_default_graph(q: &Quad) -> QuadRef<'_> {
    QuadRef::new(&q.subject, &q.predicate, &q.object, GraphNameRef::DefaultGraph)
}

/// Replaces `graph` with `quads` (all in `graph`) inside `tx`, keeping the
/// default graph the merge of the named graphs.
pub fn replace_in(tx: &mut Transaction<'_>, graph: NamedNodeRef<'_>, quads: &[Quad]) -> Result<(), StorageError> {
    let old: Vec<Quad> =
        tx.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(graph))).collect::<Result<_, _>>()?;
    tx.clear_graph(GraphNameRef::NamedNode(graph))?;
    tx.insert_named_graph(graph);
    tx.extend(quads.iter());
    tx.extend(quads.iter().map(in_default_graph));
    let kept: FxHashSet<TripleRef<'_>> =
        quads.iter().map(|q| TripleRef::new(&q.subject, &q.predicate, &q.object)).collect();
    for q in &old {
        if !kept.contains(&TripleRef::new(&q.subject, &q.predicate, &q.object)) && !stated_by_a_named_graph(tx, q)? {
            tx.remove(in_default_graph(q));
        }
    }
    Ok(())
}

/// Removes `graph` and what only it stated from the default graph, inside `tx`.
pub fn remove_in(tx: &mut Transaction<'_>, graph: NamedNodeRef<'_>) -> Result<(), StorageError> {
    replace_in(tx, graph, &[])?;
    tx.remove_named_graph(graph)?;
    Ok(())
}

/// True when a named graph (of those left in `tx`) holds the quad's triple.
fn stated_by_a_named_graph(tx: &Transaction<'_>, q: &Quad) -> Result<bool, StorageError> {
    for other in
        tx.quads_for_pattern(Some(q.subject.as_ref()), Some(q.predicate.as_ref()), Some(q.object.as_ref()), None)
    {
        if !other?.graph_name.is_default_graph() {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The store's layout: whether its default graph is filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// No named graph at all.
    Empty,
    /// Named graphs and their merge in the default graph (this version's).
    Merged,
    /// Named graphs with an empty default graph: written by an older
    /// councilgraph, which read the union of the named graphs instead.
    Unmerged,
}

/// Tells the store's layout from its first quads.
pub fn layout(store: &Store) -> Result<Layout, StorageError> {
    if store.named_graphs().next().transpose()?.is_none() {
        return Ok(Layout::Empty);
    }
    let first = store.quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph)).next().transpose()?;
    Ok(if first.is_some() { Layout::Merged } else { Layout::Unmerged })
}

/// Fills the default graph of an older store from its named graphs, with
/// the bulk loader, in one atomic commit; returns the triples loaded.
pub fn fill_default_graph(store: &Store) -> Result<u64, StorageError> {
    let mut loader = super::bulk::loader(store);
    let mut n = 0u64;
    loader.load_ok_quads::<StorageError, StorageError>(store.iter().filter_map(|q| match q {
        Ok(q) if q.graph_name.is_default_graph() => None,
        Ok(q) => {
            n += 1;
            Some(Ok(Quad::new(q.subject, q.predicate, q.object, oxigraph::model::GraphName::DefaultGraph)))
        }
        Err(e) => Some(Err(e)),
    }))?;
    loader.commit()?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use oxigraph::model::{GraphName, Literal, NamedNode};

    fn iri(s: &str) -> NamedNode {
        NamedNode::new_unchecked(format!("https://example.org/{s}"))
    }

    fn quad(s: &str, o: &str, g: &NamedNode) -> Quad {
        Quad::new(iri(s), iri("p"), Literal::new_simple_literal(o), g.clone())
    }

    fn replace(store: &Store, g: &NamedNode, quads: &[Quad]) {
        let mut tx = store.start_transaction().unwrap_or_else(|e| panic!("{e}"));
        replace_in(&mut tx, g.as_ref(), quads).unwrap_or_else(|e| panic!("{e}"));
        tx.commit().unwrap_or_else(|e| panic!("{e}"));
    }

    fn remove(store: &Store, g: &NamedNode) {
        let mut tx = store.start_transaction().unwrap_or_else(|e| panic!("{e}"));
        remove_in(&mut tx, g.as_ref()).unwrap_or_else(|e| panic!("{e}"));
        tx.commit().unwrap_or_else(|e| panic!("{e}"));
    }

    /// The default graph's triples, as "subject-local object" strings, sorted.
    fn merged(store: &Store) -> Vec<String> {
        let mut v: Vec<String> = store
            .quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph))
            .map(|q| q.unwrap_or_else(|e| panic!("{e}")))
            .map(|q| {
                let s = q.subject.to_string();
                let o = match q.object {
                    oxigraph::model::Term::Literal(l) => l.value().to_owned(),
                    o => o.to_string(),
                };
                format!("{} {o}", s.trim_start_matches("<https://example.org/").trim_end_matches('>'))
            })
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_triple_two_documents_share_stays_until_both_are_gone() {
        let store = Store::new().unwrap_or_else(|e| panic!("{e}"));
        let (a, b) = (iri("a"), iri("b"));
        replace(&store, &a, &[quad("x", "shared", &a), quad("x", "only a", &a)]);
        replace(&store, &b, &[quad("x", "shared", &b), quad("y", "only b", &b)]);
        assert_eq!(merged(&store), ["x only a", "x shared", "y only b"]);
        remove(&store, &a);
        assert_eq!(merged(&store), ["x shared", "y only b"]);
        assert!(!store.contains_named_graph(a.as_ref()).unwrap_or(true));
        remove(&store, &b);
        assert!(merged(&store).is_empty());
        assert_eq!(store.len().unwrap_or(1), 0);
    }

    #[test]
    fn rebuilding_a_changed_document_removes_only_what_no_other_document_states() {
        let store = Store::new().unwrap_or_else(|e| panic!("{e}"));
        let (a, b) = (iri("a"), iri("b"));
        replace(&store, &a, &[quad("x", "shared", &a), quad("x", "old", &a), quad("x", "kept", &a)]);
        replace(&store, &b, &[quad("x", "shared", &b)]);
        replace(&store, &a, &[quad("x", "kept", &a), quad("x", "new", &a)]);
        assert_eq!(merged(&store), ["x kept", "x new", "x shared"]);
        // the named graphs are untouched by the merge
        let in_a = store.quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(a.as_ref()))).count();
        assert_eq!(in_a, 2);
    }

    #[test]
    fn an_unmerged_store_is_told_apart_and_filled() {
        let store = Store::new().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(layout(&store).ok(), Some(Layout::Empty));
        let a = iri("a");
        store.insert(&quad("x", "one", &a)).unwrap_or_else(|e| panic!("{e}"));
        store.insert(&quad("x", "one", &iri("b"))).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(layout(&store).ok(), Some(Layout::Unmerged));
        assert_eq!(fill_default_graph(&store).ok(), Some(2));
        assert_eq!(layout(&store).ok(), Some(Layout::Merged));
        assert_eq!(merged(&store), ["x one"]);
        let default = GraphName::DefaultGraph;
        assert_eq!(store.quads_for_pattern(None, None, None, Some(default.as_ref())).count(), 1);
    }
}
