//! The quads of one document's graph, in the order first added, each once.

use oxigraph::model::{GraphName, NamedNodeRef, NamedOrBlankNode, Quad, Term};
use rustc_hash::FxHashSet;

/// Collects quads into one graph; `finish` drops repeats, keeping the order
/// in which quads were first added.
pub struct Writer {
    graph: GraphName,
    out: Vec<Quad>,
}

impl Writer {
    pub fn new(graph: GraphName) -> Self {
        Self { graph, out: Vec::new() }
    }

    pub fn add(&mut self, s: impl Into<NamedOrBlankNode>, p: NamedNodeRef<'_>, o: impl Into<Term>) {
        self.out.push(Quad::new(s.into(), p, o.into(), self.graph.clone()));
    }

    pub fn finish(self) -> Vec<Quad> {
        // FxHash: the quads are our own, and SipHash showed in profiles.
        let mut seen: FxHashSet<&Quad> = FxHashSet::default();
        seen.reserve(self.out.len());
        let first: Vec<bool> = self.out.iter().map(|q| seen.insert(q)).collect();
        drop(seen);
        self.out.into_iter().zip(first).filter_map(|(q, first)| first.then_some(q)).collect()
    }
}
