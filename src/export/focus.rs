//! The neighbourhood of a `--focus` as RDF: the entities a picture with the
//! same options would draw, and the facts about them, with their sources.
//!
//! In: the store, the whole network and the selected part of it. Out: the
//! quads (from the documents' graphs) whose subject is a selected entity or
//! a node that states something about one (a reified statement, a post, a
//! quotation, an inspection), followed through the nodes those hang on to
//! (an inspection's judgements). Other entities and documents are only
//! referred to, never described, so the neighbourhood stays bounded.

use super::network::Network;
use super::ExportError;
use crate::graph::vocab::ONTOLOGY_GRAPH;
use oxigraph::model::{GraphNameRef, NamedNode, NamedOrBlankNode, Quad, Term};
use oxigraph::store::Store;
use std::collections::{BTreeSet, HashSet};

/// The quads describing the `selected` entities (in `graph` alone when given).
pub fn neighbourhood(
    store: &Store,
    all: &Network,
    selected: &Network,
    graph: Option<&NamedNode>,
) -> Result<Vec<Quad>, ExportError> {
    let entities: BTreeSet<&str> = all.node_weights().map(|n| n.iri.as_str()).collect();
    let focus: Vec<NamedNode> = selected.node_weights().filter_map(|n| NamedNode::new(n.iri.as_str()).ok()).collect();
    let in_scope = |g: GraphNameRef<'_>| match (g, graph) {
        (GraphNameRef::NamedNode(n), Some(only)) => n == only.as_ref(),
        (GraphNameRef::NamedNode(n), None) => n != ONTOLOGY_GRAPH,
        // the store's default graph repeats the documents' triples
        _ => false,
    };
    let is_entity = |s: &NamedOrBlankNode| matches!(s, NamedOrBlankNode::NamedNode(n) if entities.contains(n.as_str()));
    // Nodes that say something about a selected entity…
    let mut facts: HashSet<NamedOrBlankNode> = HashSet::new();
    for e in &focus {
        for q in store.quads_for_pattern(None, None, Some(e.as_ref().into()), None) {
            let q = q?;
            if in_scope(q.graph_name.as_ref()) && !is_entity(&q.subject) {
                facts.insert(q.subject);
            }
        }
    }
    // …and the nodes they hang on to, which are neither entities nor documents.
    let documents: HashSet<NamedOrBlankNode> =
        super::rdf::document_graphs(store)?.into_iter().map(Into::into).collect();
    facts.retain(|f| !documents.contains(f));
    let mut frontier: Vec<NamedOrBlankNode> = facts.iter().cloned().collect();
    while let Some(f) = frontier.pop() {
        for q in store.quads_for_pattern(Some(f.as_ref()), None, None, None) {
            let q = q?;
            let next = match q.object {
                Term::NamedNode(n) => NamedOrBlankNode::from(n),
                Term::BlankNode(b) => NamedOrBlankNode::from(b),
                _ => continue,
            };
            if in_scope(q.graph_name.as_ref())
                && described(store, &next)?
                && !is_entity(&next)
                && !documents.contains(&next)
                && facts.insert(next.clone())
            {
                frontier.push(next);
            }
        }
    }
    let mut out = Vec::new();
    let subjects = focus.into_iter().map(NamedOrBlankNode::from).chain(facts);
    for s in subjects {
        for q in store.quads_for_pattern(Some(s.as_ref()), None, None, None) {
            let q = q?;
            if in_scope(q.graph_name.as_ref()) {
                out.push(q);
            }
        }
    }
    Ok(out)
}

/// True when a document's graph says something about `node` (so it is a
/// node of the data, not a term of the vocabulary).
fn described(store: &Store, node: &NamedOrBlankNode) -> Result<bool, ExportError> {
    for q in store.quads_for_pattern(Some(node.as_ref()), None, None, None) {
        if q?.graph_name.as_ref() != GraphNameRef::NamedNode(ONTOLOGY_GRAPH) {
            return Ok(true);
        }
    }
    Ok(false)
}
