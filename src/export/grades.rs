//! Each council's current Ofsted grade for the pictures: the overall
//! effectiveness (or, when the article gives none, the first area it
//! grades) of the latest reported inspection that is not marked
//! `cg:former`, with the date of the article that reported it.

use super::docs::{literal_map, Docs};
use super::ExportError;
use crate::graph::vocab::{cg, skos};
use oxigraph::model::{NamedOrBlankNode, Term};
use oxigraph::store::Store;
use std::collections::BTreeMap;

/// The grade a council's node shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grade {
    /// "inadequate", "good", …
    pub grade: String,
    /// The judgement area the grade is for.
    pub area: String,
    /// The date of the article that reported it.
    pub date: Option<String>,
}

impl Grade {
    /// The line under the council's name.
    pub fn note(&self) -> String {
        let area = if self.area == OVERALL { String::new() } else { format!(" ({})", self.area) };
        match &self.date {
            Some(d) => format!("Ofsted{area}: {}, {d}", self.grade),
            None => format!("Ofsted{area}: {}", self.grade),
        }
    }
}

const OVERALL: &str = "overall effectiveness";

/// (subject, object, graph) of a predicate's IRI objects, in kept graphs.
fn triples(store: &Store, docs: &Docs, p: oxigraph::model::NamedNodeRef<'_>) -> Result<Vec<[String; 3]>, ExportError> {
    let mut out = Vec::new();
    for q in store.quads_for_pattern(None, Some(p), None, None) {
        let q = q?;
        if !docs.allows(q.graph_name.as_ref()) {
            continue;
        }
        if let (NamedOrBlankNode::NamedNode(s), Term::NamedNode(o), oxigraph::model::GraphName::NamedNode(g)) =
            (&q.subject, &q.object, &q.graph_name)
        {
            out.push([s.as_str().to_owned(), o.as_str().to_owned(), g.as_str().to_owned()]);
        }
    }
    Ok(out)
}

/// The current grade of every council the kept articles rate.
pub fn current(store: &Store, docs: &Docs) -> Result<BTreeMap<String, Grade>, ExportError> {
    let concepts = literal_map(store, skos::PREF_LABEL)?;
    let former = literal_map(store, cg::FORMER)?;
    let mut areas: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let area_of: BTreeMap<String, String> =
        triples(store, docs, cg::JUDGEMENT_AREA)?.into_iter().map(|[j, a, _]| (j, a)).collect();
    let grade_of: BTreeMap<String, String> =
        triples(store, docs, cg::GRADE)?.into_iter().map(|[j, g, _]| (j, g)).collect();
    for [insp, j, _] in triples(store, docs, cg::JUDGEMENT_PROP)? {
        if let (Some(a), Some(g)) = (area_of.get(&j), grade_of.get(&j)) {
            let name =
                |c: &String| concepts.get(c).cloned().unwrap_or_else(|| c.rsplit('/').next().unwrap_or(c).to_owned());
            areas.entry(insp).or_default().push((name(a), name(g)));
        }
    }
    let mut best: BTreeMap<String, (Option<String>, bool, Grade)> = BTreeMap::new();
    for [insp, council, doc] in triples(store, docs, cg::INSPECTED_BODY)? {
        if former.get(&insp).is_some_and(|v| v == "true") {
            continue;
        }
        let Some(list) = areas.get_mut(&insp) else { continue };
        list.sort();
        let overall = list.iter().find(|(a, _)| a == OVERALL);
        let Some((area, grade)) = overall.or(list.first()).cloned() else { continue };
        let date = docs.date(&doc).map(str::to_owned);
        let candidate = (date.clone(), overall.is_some(), Grade { grade, area, date });
        let newer = best.get(&council).is_none_or(|b| (&candidate.0, candidate.1) > (&b.0, b.1));
        if newer {
            best.insert(council, candidate);
        }
    }
    Ok(best.into_iter().map(|(c, (_, _, g))| (c, g)).collect())
}
