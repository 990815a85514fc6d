//! "Quoted in" for the pictures: one edge per speaker and article, labelled
//! with the number of quotations and the first words of the first one, and
//! a count of quotations on each speaker. Articles become nodes here,
//! labelled by headline (or the councils they name) and date.

use super::docs::{literal_map, Docs};
use super::network::{iri_of, subject_iri, Builder, EdgeData, EdgeKind, NodeData, NodeKind};
use super::ExportError;
use crate::graph::vocab::{cg, schema};
use oxigraph::model::GraphNameRef;
use oxigraph::store::Store;
use std::collections::BTreeMap;

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Quotation counts on speakers, and speaker → article edges.
pub(super) fn quotations(store: &Store, docs: &Docs, b: &mut Builder) -> Result<(), ExportError> {
    let texts = literal_map(store, schema::TEXT)?;
    let mut quotes: BTreeMap<String, usize> = BTreeMap::new();
    let mut per_article: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for q in store.quads_for_pattern(None, Some(cg::SAID), None, None) {
        let q = q?;
        let (Some(speaker), Some(quote), GraphNameRef::NamedNode(doc)) =
            (subject_iri(&q.subject), iri_of(&q.object), q.graph_name.as_ref())
        else {
            continue;
        };
        if !docs.allows(q.graph_name.as_ref()) {
            continue;
        }
        *quotes.entry(speaker.clone()).or_default() += 1;
        per_article
            .entry((speaker, doc.as_str().to_owned()))
            .or_default()
            .push(texts.get(&quote).cloned().unwrap_or_default());
    }
    for (speaker, n) in quotes {
        b.note(&speaker, format!("{n} quotation{}", plural(n)));
    }
    for ((speaker, doc), words) in per_article {
        let Some(&s) = b.index.get(&speaker) else { continue };
        let a = match b.index.get(&doc) {
            Some(&a) => a,
            None => {
                let a = b.g.add_node(NodeData::new(doc.clone(), docs.label(&doc), NodeKind::Article));
                b.index.insert(doc.clone(), a);
                a
            }
        };
        let first: String =
            words.first().map(|w| w.split_whitespace().take(8).collect::<Vec<_>>().join(" ")).unwrap_or_default();
        let n = words.len();
        let data = EdgeData {
            kind: EdgeKind::Quoted,
            label: format!("{n} quotation{}", plural(n)),
            tooltip: format!("“{first}…”"),
            style: "solid",
            colour: "gray50",
        };
        b.edges.insert((s, a, data));
    }
    Ok(())
}
