//! The Graphviz picture: people, councils, parties, bodies and wards as
//! nodes (labelled with their names), and the relations between them as
//! labelled edges: party and council membership, posts (labelled with the
//! post), control, resignation calls, wards. Ratings are written on the
//! council's node, and quotations are counted on the speaker's node, never
//! drawn one by one. Every label is escaped, so no input text can break the
//! DOT syntax.

use super::ExportError;
use crate::graph::vocab::{cg, org, rdf, rdfs, schema, ONTOLOGY_GRAPH};
use crate::reference::parties::PARTIES;
use oxigraph::model::{GraphNameRef, NamedNodeRef, NamedOrBlankNode, Term};
use oxigraph::store::Store;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

/// The kind of an entity node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NodeKind {
    Person,
    Party,
    Council,
    Organisation,
    Ward,
}

#[derive(Debug, Clone)]
pub struct NodeData {
    pub iri: String,
    pub label: String,
    pub kind: NodeKind,
    /// Extra lines: posts with no organisation, ratings, quotation counts.
    pub notes: Vec<String>,
    pub colour: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct EdgeData {
    pub label: String,
    pub style: &'static str,
    pub colour: &'static str,
}

/// Escapes text for a double-quoted DOT string.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn is_doc_graph(g: GraphNameRef<'_>) -> bool {
    match g {
        GraphNameRef::NamedNode(n) => n != ONTOLOGY_GRAPH,
        _ => true,
    }
}

fn iri_of(t: &Term) -> Option<String> {
    match t {
        Term::NamedNode(n) => Some(n.as_str().to_owned()),
        _ => None,
    }
}

fn subject_iri(s: &NamedOrBlankNode) -> Option<String> {
    match s {
        NamedOrBlankNode::NamedNode(n) => Some(n.as_str().to_owned()),
        _ => None,
    }
}

/// (subject, object) IRI pairs of a predicate in the documents' graphs.
fn pairs(store: &Store, p: NamedNodeRef<'_>) -> Result<BTreeSet<(String, String)>, ExportError> {
    let mut v = BTreeSet::new();
    for q in store.quads_for_pattern(None, Some(p), None, None) {
        let q = q?;
        if !is_doc_graph(q.graph_name.as_ref()) {
            continue;
        }
        if let (Some(s), Some(o)) = (subject_iri(&q.subject), iri_of(&q.object)) {
            v.insert((s, o));
        }
    }
    Ok(v)
}

/// Literal values of a predicate, by subject.
fn literals(store: &Store, p: NamedNodeRef<'_>) -> Result<BTreeMap<String, String>, ExportError> {
    let mut m = BTreeMap::new();
    for q in store.quads_for_pattern(None, Some(p), None, None) {
        let q = q?;
        if let (Some(s), Term::Literal(l)) = (subject_iri(&q.subject), &q.object) {
            m.entry(s).or_insert_with(|| l.value().to_owned());
        }
    }
    Ok(m)
}

/// Builds the entity graph of the store.
pub fn entity_graph(store: &Store) -> Result<DiGraph<NodeData, EdgeData>, ExportError> {
    let labels = literals(store, rdfs::LABEL)?;
    let colours = literals(store, schema::COLOR)?;
    let mut kinds: BTreeMap<String, NodeKind> = BTreeMap::new();
    for (s, t) in pairs(store, rdf::TYPE)? {
        let kind = match t.as_str() {
            x if x == schema::PERSON.as_str() => NodeKind::Person,
            x if x == schema::POLITICAL_PARTY.as_str() => NodeKind::Party,
            x if x == cg::COUNCIL.as_str() => NodeKind::Council,
            x if x == schema::ORGANIZATION.as_str() || x == schema::GOVERNMENT_ORGANIZATION.as_str() => {
                NodeKind::Organisation
            }
            x if x == cg::WARD.as_str() => NodeKind::Ward,
            _ => continue,
        };
        kinds.entry(s).or_insert(kind);
    }
    let mut g: DiGraph<NodeData, EdgeData> = DiGraph::new();
    let mut index: BTreeMap<String, NodeIndex> = BTreeMap::new();
    for (iri, kind) in &kinds {
        let label = labels.get(iri).cloned().unwrap_or_else(|| iri.rsplit('/').next().unwrap_or(iri).to_owned());
        let colour = colours.get(iri).cloned().or_else(|| {
            (*kind == NodeKind::Party)
                .then(|| PARTIES.all.iter().find(|p| p.name == label).and_then(|p| p.colour.clone()))
                .flatten()
        });
        let i = g.add_node(NodeData { iri: iri.clone(), label, kind: *kind, notes: Vec::new(), colour });
        index.insert(iri.clone(), i);
    }
    let mut edges: BTreeSet<(NodeIndex, NodeIndex, EdgeData)> = BTreeSet::new();
    let mut edge = |a: &str, b: &str, label: &str, style: &'static str, colour: &'static str| {
        if let (Some(&x), Some(&y)) = (index.get(a), index.get(b)) {
            edges.insert((x, y, EdgeData { label: label.to_owned(), style, colour }));
        }
    };
    for (s, o) in pairs(store, org::MEMBER_OF)? {
        edge(&s, &o, "member of", "solid", "gray30");
    }
    for (s, o) in pairs(store, cg::CONTROLLED_BY)? {
        edge(&s, &o, "controlled by", "bold", "gray30");
    }
    for (s, o) in pairs(store, cg::CALLED_FOR_RESIGNATION_OF)? {
        edge(&s, &o, "called for resignation of", "bold", "red3");
    }
    for (s, o) in pairs(store, cg::REPRESENTS_WARD)? {
        edge(&s, &o, "represents", "dotted", "gray30");
    }
    // Posts: org:Membership nodes.
    let members: BTreeMap<String, String> = pairs(store, org::MEMBER)?.into_iter().collect();
    let orgs: BTreeMap<String, String> = pairs(store, org::ORGANIZATION)?.into_iter().collect();
    let roles: BTreeMap<String, String> = pairs(store, org::ROLE)?.into_iter().collect();
    let former: BTreeSet<String> =
        literals(store, cg::FORMER)?.into_iter().filter(|(_, v)| v == "true").map(|(k, _)| k).collect();
    let mut notes: BTreeMap<NodeIndex, BTreeSet<String>> = BTreeMap::new();
    for (m, person) in &members {
        let Some(role) = roles.get(m).and_then(|r| labels.get(r)) else {
            continue;
        };
        let role = if former.contains(m) { format!("former {role}") } else { role.clone() };
        match orgs.get(m) {
            Some(o) => edge(person, o, &role, if former.contains(m) { "dashed" } else { "solid" }, "navy"),
            None => {
                if let Some(&p) = index.get(person) {
                    notes.entry(p).or_default().insert(role);
                }
            }
        }
    }
    // Ratings on the council node.
    let inspected: BTreeMap<String, String> = pairs(store, cg::INSPECTED_BODY)?.into_iter().collect();
    let areas: BTreeMap<String, String> = pairs(store, cg::JUDGEMENT_AREA)?.into_iter().collect();
    let grades: BTreeMap<String, String> = pairs(store, cg::GRADE)?.into_iter().collect();
    let concept_labels = concept_labels(store)?;
    for (insp, j) in pairs(store, cg::JUDGEMENT_PROP)? {
        let (Some(council), Some(a), Some(gr)) = (inspected.get(&insp), areas.get(&j), grades.get(&j)) else {
            continue;
        };
        if let Some(&c) = index.get(council) {
            let a = concept_labels.get(a).cloned().unwrap_or_default();
            let gr = concept_labels.get(gr).cloned().unwrap_or_default();
            notes.entry(c).or_default().insert(format!("{a}: {gr}"));
        }
    }
    // Quotations counted per speaker.
    let mut quotes: BTreeMap<String, usize> = BTreeMap::new();
    for (speaker, _) in pairs(store, cg::SAID)? {
        *quotes.entry(speaker).or_default() += 1;
    }
    for (speaker, n) in quotes {
        if let Some(&p) = index.get(&speaker) {
            notes.entry(p).or_default().insert(format!("{n} quotation{}", if n == 1 { "" } else { "s" }));
        }
    }
    for (i, n) in notes {
        g[i].notes = n.into_iter().collect();
    }
    for (a, b, e) in edges {
        g.add_edge(a, b, e);
    }
    Ok(g)
}

fn concept_labels(store: &Store) -> Result<BTreeMap<String, String>, ExportError> {
    literals(store, crate::graph::vocab::skos::PREF_LABEL)
}

/// Writes the entity graph as DOT.
pub fn write_dot(g: &DiGraph<NodeData, EdgeData>, out: &mut dyn Write) -> Result<(), ExportError> {
    writeln!(out, "digraph councilgraph {{")?;
    writeln!(out, "  graph [rankdir=LR, fontname=\"Helvetica\", overlap=false, splines=true];")?;
    writeln!(out, "  node [fontname=\"Helvetica\", fontsize=11];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    for i in g.node_indices() {
        let n = &g[i];
        let degree = g.neighbors_undirected(i).count();
        let mut label = n.label.clone();
        for note in &n.notes {
            label.push('\n');
            label.push_str(note);
        }
        let (shape, fill) = match n.kind {
            NodeKind::Person => ("ellipse", "#FFFFFF".to_owned()),
            NodeKind::Party => ("box", n.colour.clone().unwrap_or_else(|| "#DDDDDD".into())),
            NodeKind::Council => ("doubleoctagon", "#FFF2CC".to_owned()),
            NodeKind::Organisation => ("box", "#E2EFDA".to_owned()),
            NodeKind::Ward => ("note", "#F2F2F2".to_owned()),
        };
        let font = if n.kind == NodeKind::Party && is_dark(&fill) { "white" } else { "black" };
        let size = 10 + degree.min(10);
        writeln!(
            out,
            "  n{} [label=\"{}\", shape={shape}, style=\"filled{}\", fillcolor=\"{}\", fontcolor={font}, fontsize={size}, tooltip=\"{}\"];",
            i.index(),
            escape(&label),
            if n.kind == NodeKind::Organisation { ",rounded" } else { "" },
            escape(&fill),
            escape(&n.iri)
        )?;
    }
    for e in g.edge_indices() {
        let Some((a, b)) = g.edge_endpoints(e) else {
            continue;
        };
        let d = &g[e];
        writeln!(
            out,
            "  n{} -> n{} [label=\"{}\", style={}, color={}];",
            a.index(),
            b.index(),
            escape(&d.label),
            d.style,
            d.colour
        )?;
    }
    writeln!(out, "}}")?;
    Ok(())
}

fn is_dark(hex: &str) -> bool {
    let h = hex.trim_start_matches('#');
    let c = |i: usize| u32::from_str_radix(h.get(i..i + 2).unwrap_or("ff"), 16).unwrap_or(255);
    (c(0) * 299 + c(2) * 587 + c(4) * 114) / 1000 < 140
}

/// Writes the store's entity graph as DOT.
pub fn export(store: &Store, out: &mut dyn Write) -> Result<(), ExportError> {
    let g = entity_graph(store)?;
    write_dot(&g, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_dot_intact() {
        assert_eq!(escape("a \"b\" \\c\nd {e} <f>"), "a \\\"b\\\" \\\\c\\nd {e} <f>");
    }
}
