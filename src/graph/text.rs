//! `--text`: the document's text in its own graph as a NIF context, so the
//! quotations' character offsets resolve: each quotation gets
//! `nif:referenceContext` the context, whose `nif:isString` is the text.

use crate::graph::vocab::{nif, prov, rdf, xsd};
use crate::graph::writer::Writer;
use crate::ingest::Document;
use crate::pipeline::DocumentGraph;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode};

/// The IRI of a document's text: the document's IRI with `/text`.
pub fn context_iri(document: &NamedNode) -> NamedNode {
    NamedNode::new_unchecked(format!("{}/text", document.as_str()))
}

/// Adds the text of `doc` to its graph `g` and points every quotation
/// (every node with a `nif:beginIndex`) at it.
pub fn with_text(mut g: DocumentGraph, doc: &Document) -> DocumentGraph {
    let ctx = context_iri(&g.graph);
    let quoted: Vec<NamedOrBlankNode> =
        g.quads.iter().filter(|q| q.predicate.as_ref() == nif::BEGIN_INDEX).map(|q| q.subject.clone()).collect();
    let mut w = Writer::new(GraphName::NamedNode(g.graph.clone()));
    let chars = doc.text.chars().count();
    w.add(ctx.clone(), rdf::TYPE, nif::CONTEXT);
    w.add(ctx.clone(), nif::IS_STRING, Literal::new_simple_literal(&doc.text));
    w.add(ctx.clone(), nif::BEGIN_INDEX, Literal::new_typed_literal("0", xsd::INTEGER));
    w.add(ctx.clone(), nif::END_INDEX, Literal::new_typed_literal(chars.to_string(), xsd::INTEGER));
    w.add(ctx.clone(), prov::WAS_DERIVED_FROM, g.graph.clone());
    for s in quoted {
        w.add(s, nif::REFERENCE_CONTEXT, ctx.clone());
    }
    g.quads.extend(w.finish());
    g
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::Iris;

    #[test]
    fn quotations_point_at_the_text() {
        let doc = Document::from_text("d", "d.txt", "Cllr Jo Bloggs said: \"We will improve.\"\n");
        let g = with_text(crate::pipeline::process(&doc, &Iris::default()), &doc);
        let ctx = context_iri(&g.graph);
        let refs = g.quads.iter().filter(|q| q.predicate.as_ref() == nif::REFERENCE_CONTEXT).count();
        let begins = g.quads.iter().filter(|q| q.predicate.as_ref() == nif::BEGIN_INDEX).count();
        assert!(refs >= 1, "no quotation found");
        assert_eq!(refs + 1, begins, "every quotation and the context have a begin index");
        assert!(g.quads.iter().any(|q| q.subject == NamedOrBlankNode::NamedNode(ctx.clone())
            && q.predicate.as_ref() == nif::IS_STRING
            && q.object == Literal::new_simple_literal(&doc.text).into()));
    }
}
