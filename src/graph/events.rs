//! The inspections graph: every article's report of an inspection read back
//! from the store, grouped into events by [`crate::resolve::events`], and written
//! as one graph that each build replaces.
//!
//! An event is a `cg:Inspection` and a `cg:InspectionEvent` with the
//! council, the inspectorate, its date where the reports give one
//! (`dcterms:date`, `xsd:gYearMonth` or `xsd:gYear`), one judgement per
//! area (the first report's that grades it, with its article, rule and
//! sentence: the reports of one event never grade an area two ways),
//! `cg:articleCount` and `prov:wasDerivedFrom`
//! each reporting article; each report points to it with `cg:ofInspection`,
//! and each council to its latest with `cg:latestInspection`. The graph is
//! written through the bulk loader ([`store::rewrite_derived_graph`]).

use crate::graph::reports::{Reports, Stored};
use crate::graph::store::{self, StoreError};
use crate::graph::vocab::{cg, dcterms, prov, rdf, rdfs, xsd};
use crate::graph::writer::Writer;
use crate::resolve::events::{cluster, latest, Event, When};
use crate::resolve::Iris;
use oxigraph::model::{GraphName, Literal, NamedNode, Term};
use oxigraph::store::Store;
use std::collections::HashSet;
use std::path::Path;

/// The name of the inspections graph.
pub fn graph_name(iris: &Iris) -> NamedNode {
    iris.mint("graph", "inspections")
}

/// Rebuilds the inspections graph when the documents `changed`, or when the
/// store has none yet.
pub fn refresh_if(changed: bool, st: &Store, path: &Path, iris: &Iris) -> Result<(), StoreError> {
    let read = |e| StoreError::Read { path: path.to_owned(), source: e };
    if changed || !st.contains_named_graph(&graph_name(iris)).map_err(read)? {
        refresh(st, path, iris)?;
    }
    Ok(())
}

/// Rebuilds the inspections graph from the documents in the store; returns
/// how many events it holds.
pub fn refresh(st: &Store, path: &Path, iris: &Iris) -> Result<usize, StoreError> {
    let read = |e: String| StoreError::Events { path: path.to_owned(), message: e };
    let reports = Reports::from_store(st, &HashSet::new()).map_err(read)?;
    rewrite(st, path, iris, reports)
}

/// Rewrites the inspections graph from `reports`, every report of the
/// store's documents (gathered by the caller, see [`Reports`]); returns how
/// many events it holds.
pub fn rewrite(st: &Store, path: &Path, iris: &Iris, reports: Reports) -> Result<usize, StoreError> {
    let (stored, reports) = reports.into_sorted();
    let events = cluster(&reports);
    let graph = graph_name(iris);
    let quads = event_quads(&events, &stored, iris, &graph);
    store::rewrite_derived_graph(st, path, graph.as_ref(), quads)?;
    Ok(events.len())
}

fn event_quads(
    events: &[Event<NamedNode>],
    stored: &[Stored],
    iris: &Iris,
    graph: &NamedNode,
) -> Vec<oxigraph::model::Quad> {
    let mut w = Writer::new(GraphName::NamedNode(graph.clone()));
    w.add(graph.clone(), rdf::TYPE, cg::DERIVED_GRAPH);
    w.add(graph.clone(), rdfs::LABEL, Literal::new_simple_literal("inspections, grouped across the store's articles"));
    let ofsted = iris.organisation("ofsted");
    let event_iri = |e: &Event<NamedNode>| iris.mint2("inspection-event", &e.council, &e.key);
    for i in latest(events) {
        if let Some(&r) = events[i].reports.first() {
            w.add(stored[r].council.clone(), cg::LATEST_INSPECTION, event_iri(&events[i]));
        }
    }
    for e in events {
        let Some(first) = e.reports.first().map(|&i| &stored[i]) else { continue };
        let n = event_iri(e);
        w.add(n.clone(), rdf::TYPE, cg::INSPECTION);
        w.add(n.clone(), rdf::TYPE, cg::INSPECTION_EVENT);
        w.add(n.clone(), cg::INSPECTED_BODY, first.council.clone());
        w.add(n.clone(), cg::INSPECTOR, ofsted.clone());
        match e.when {
            When::Month(..) => w.add(n.clone(), dcterms::DATE, date_literal(e.when, xsd::G_YEAR_MONTH)),
            When::Year(_) => w.add(n.clone(), dcterms::DATE, date_literal(e.when, xsd::G_YEAR)),
            When::Unknown => {}
        }
        if e.former {
            w.add(n.clone(), cg::FORMER, Literal::from(true));
        }
        // One judgement per area: the first report's that grades it (an
        // extracted fact, with its article, rule and sentence).
        for area in e.grades.keys() {
            let first = e.reports.iter().find_map(|&i| stored[i].judgements.get(area));
            if let Some(j) = first {
                w.add(n.clone(), cg::JUDGEMENT_PROP, j.clone());
            }
        }
        let articles: std::collections::BTreeSet<_> = e.reports.iter().map(|&i| &stored[i].graph).collect();
        w.add(n.clone(), cg::ARTICLE_COUNT, Literal::from(articles.len() as i64));
        for &i in &e.reports {
            w.add(n.clone(), prov::WAS_DERIVED_FROM, stored[i].graph.clone());
            w.add(stored[i].node.clone(), cg::OF_INSPECTION, n.clone());
        }
    }
    w.finish()
}

fn date_literal(when: When, datatype: oxigraph::model::NamedNodeRef<'_>) -> Term {
    Literal::new_typed_literal(when.key().unwrap_or_default(), datatype).into()
}
