//! The network the pictures draw: people, councils, parties, bodies, wards
//! and articles as nodes, and the relations between them as edges —
//! party and council membership, posts (labelled with the post), control,
//! resignation calls, wards, and "quoted in" (speaker → article, counted,
//! never one edge per quotation). People carry their parties (and their
//! colours), councils their current Ofsted grade with its date, articles
//! their headline (or the councils they name) and date.
//!
//! [`super::select`] then picks the part to draw.

use super::docs::{literal_map, DocFilter, Docs};
use super::ExportError;
use crate::graph::vocab::{cg, org, rdf, rdfs, schema};
use crate::reference::parties::PARTIES;
use oxigraph::model::{NamedNodeRef, NamedOrBlankNode, Term};
use oxigraph::store::Store;
use petgraph::graph::{DiGraph, NodeIndex};
use std::collections::{BTreeMap, BTreeSet};

/// The kind of an entity node.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NodeKind {
    Person,
    Party,
    Council,
    Organisation,
    Ward,
    Article,
}

impl NodeKind {
    /// The kind in words, plural when `n` is not one.
    pub fn name(self, n: usize) -> &'static str {
        let one = n == 1;
        match self {
            NodeKind::Person if one => "person",
            NodeKind::Person => "people",
            NodeKind::Party if one => "party",
            NodeKind::Party => "parties",
            NodeKind::Council if one => "council",
            NodeKind::Council => "councils",
            NodeKind::Organisation if one => "other body",
            NodeKind::Organisation => "other bodies",
            NodeKind::Ward if one => "ward",
            NodeKind::Ward => "wards",
            NodeKind::Article if one => "article",
            NodeKind::Article => "articles",
        }
    }
}

/// A party as a person's node shows it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartyColour {
    pub name: String,
    /// `#RRGGBB` from the data or our party table, when known.
    pub colour: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NodeData {
    pub iri: String,
    pub label: String,
    pub kind: NodeKind,
    /// Extra lines: posts with no organisation, the grade, quotation counts.
    pub notes: Vec<String>,
    /// A party's own colour.
    pub colour: Option<String>,
    /// A person's parties.
    pub parties: Vec<PartyColour>,
    /// A council's current Ofsted grade ("inadequate", …).
    pub grade: Option<String>,
    /// One of the entities `--focus` named.
    pub focus: bool,
}

impl NodeData {
    pub fn new(iri: String, label: String, kind: NodeKind) -> Self {
        NodeData { iri, label, kind, notes: Vec::new(), colour: None, parties: Vec::new(), grade: None, focus: false }
    }
}

/// The kind of a relation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum EdgeKind {
    Member,
    Post,
    Control,
    Resignation,
    Ward,
    Quoted,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct EdgeData {
    pub kind: EdgeKind,
    pub label: String,
    /// Shown on hover (the first words of quotations).
    pub tooltip: String,
    pub style: &'static str,
    pub colour: &'static str,
}

/// The network type the exporters draw.
pub type Network = DiGraph<NodeData, EdgeData>;

pub(super) fn iri_of(t: &Term) -> Option<String> {
    match t {
        Term::NamedNode(n) => Some(n.as_str().to_owned()),
        _ => None,
    }
}

pub(super) fn subject_iri(s: &NamedOrBlankNode) -> Option<String> {
    match s {
        NamedOrBlankNode::NamedNode(n) => Some(n.as_str().to_owned()),
        _ => None,
    }
}

/// (subject, object) IRI pairs of a predicate in the kept documents' graphs.
fn pairs(store: &Store, docs: &Docs, p: NamedNodeRef<'_>) -> Result<BTreeSet<(String, String)>, ExportError> {
    let mut v = BTreeSet::new();
    for q in store.quads_for_pattern(None, Some(p), None, None) {
        let q = q?;
        if !docs.allows(q.graph_name.as_ref()) {
            continue;
        }
        if let (Some(s), Some(o)) = (subject_iri(&q.subject), iri_of(&q.object)) {
            v.insert((s, o));
        }
    }
    Ok(v)
}

/// The graph being built: nodes by IRI, edges kept sorted until the end.
pub(super) struct Builder {
    pub(super) g: Network,
    pub(super) index: BTreeMap<String, NodeIndex>,
    pub(super) edges: BTreeSet<(NodeIndex, NodeIndex, EdgeData)>,
    notes: BTreeMap<NodeIndex, BTreeSet<String>>,
}

impl Builder {
    fn edge(&mut self, a: &str, b: &str, kind: EdgeKind, label: &str, style: &'static str, colour: &'static str) {
        if let (Some(&x), Some(&y)) = (self.index.get(a), self.index.get(b)) {
            let data = EdgeData { kind, label: label.to_owned(), tooltip: String::new(), style, colour };
            self.edges.insert((x, y, data));
        }
    }

    pub(super) fn note(&mut self, iri: &str, note: String) {
        if let Some(&i) = self.index.get(iri) {
            self.notes.entry(i).or_default().insert(note);
        }
    }

    fn finish(mut self) -> Network {
        for (i, n) in std::mem::take(&mut self.notes) {
            self.g[i].notes = n.into_iter().collect();
        }
        for (a, b, e) in std::mem::take(&mut self.edges) {
            self.g.add_edge(a, b, e);
        }
        self.g
    }
}

/// Builds the entity graph of every article in the store.
pub fn entity_graph(store: &Store) -> Result<Network, ExportError> {
    entity_graph_of(store, &Docs::load(store, &DocFilter::default())?)
}

/// Builds the entity graph of the kept articles.
pub fn entity_graph_of(store: &Store, docs: &Docs) -> Result<Network, ExportError> {
    let mut b = nodes(store, docs)?;
    relations(store, docs, &mut b)?;
    posts(store, docs, &mut b)?;
    party_colours(store, docs, &mut b)?;
    for (council, grade) in super::grades::current(store, docs)? {
        b.note(&council, grade.note());
        if let Some(&i) = b.index.get(&council) {
            b.g[i].grade = Some(grade.grade);
        }
    }
    super::quoted::quotations(store, docs, &mut b)?;
    Ok(b.finish())
}

fn kind_of(class: &str) -> Option<NodeKind> {
    Some(match class {
        x if x == schema::PERSON.as_str() => NodeKind::Person,
        x if x == schema::POLITICAL_PARTY.as_str() => NodeKind::Party,
        x if x == cg::COUNCIL.as_str() => NodeKind::Council,
        x if x == schema::ORGANIZATION.as_str() || x == schema::GOVERNMENT_ORGANIZATION.as_str() => {
            NodeKind::Organisation
        }
        x if x == cg::WARD.as_str() => NodeKind::Ward,
        _ => return None,
    })
}

/// One node per typed entity of the kept articles.
fn nodes(store: &Store, docs: &Docs) -> Result<Builder, ExportError> {
    let labels = literal_map(store, rdfs::LABEL)?;
    let colours = literal_map(store, schema::COLOR)?;
    let mut kinds: BTreeMap<String, NodeKind> = BTreeMap::new();
    for (s, t) in pairs(store, docs, rdf::TYPE)? {
        if let Some(kind) = kind_of(&t) {
            kinds.entry(s).or_insert(kind);
        }
    }
    let mut b = Builder { g: Network::new(), index: BTreeMap::new(), edges: BTreeSet::new(), notes: BTreeMap::new() };
    for (iri, kind) in kinds {
        let label = labels.get(&iri).cloned().unwrap_or_else(|| iri.rsplit('/').next().unwrap_or(&iri).to_owned());
        let mut n = NodeData::new(iri.clone(), label, kind);
        n.colour = colours.get(&iri).cloned().or_else(|| {
            (kind == NodeKind::Party)
                .then(|| PARTIES.all.iter().find(|p| p.name == n.label).and_then(|p| p.colour.clone()))
                .flatten()
        });
        let i = b.g.add_node(n);
        b.index.insert(iri, i);
    }
    Ok(b)
}

/// Membership, control, resignation and ward edges.
fn relations(store: &Store, docs: &Docs, b: &mut Builder) -> Result<(), ExportError> {
    for (s, o) in pairs(store, docs, org::MEMBER_OF)? {
        b.edge(&s, &o, EdgeKind::Member, "member of", "solid", "gray30");
    }
    for (s, o) in pairs(store, docs, cg::CONTROLLED_BY)? {
        b.edge(&s, &o, EdgeKind::Control, "controlled by", "bold", "gray30");
    }
    for (s, o) in pairs(store, docs, cg::CALLED_FOR_RESIGNATION_OF)? {
        b.edge(&s, &o, EdgeKind::Resignation, "called for resignation of", "bold", "red3");
    }
    for (s, o) in pairs(store, docs, cg::REPRESENTS_WARD)? {
        b.edge(&s, &o, EdgeKind::Ward, "represents", "dotted", "gray30");
    }
    Ok(())
}

/// Posts (org:Membership nodes): an edge to the organisation, or a note on
/// the person when the text names none.
fn posts(store: &Store, docs: &Docs, b: &mut Builder) -> Result<(), ExportError> {
    let labels = literal_map(store, rdfs::LABEL)?;
    let members: BTreeMap<String, String> = pairs(store, docs, org::MEMBER)?.into_iter().collect();
    let orgs: BTreeMap<String, String> = pairs(store, docs, org::ORGANIZATION)?.into_iter().collect();
    let roles: BTreeMap<String, String> = pairs(store, docs, org::ROLE)?.into_iter().collect();
    let former: BTreeSet<String> =
        literal_map(store, cg::FORMER)?.into_iter().filter(|(_, v)| v == "true").map(|(k, _)| k).collect();
    for (m, person) in &members {
        let Some(role) = roles.get(m).and_then(|r| labels.get(r)) else {
            continue;
        };
        let was = former.contains(m);
        let role = if was { format!("former {role}") } else { role.clone() };
        match orgs.get(m) {
            Some(o) => b.edge(person, o, EdgeKind::Post, &role, if was { "dashed" } else { "solid" }, "navy"),
            None => b.note(person, role),
        }
    }
    Ok(())
}

/// Every person's parties, with the party's colour.
fn party_colours(store: &Store, docs: &Docs, b: &mut Builder) -> Result<(), ExportError> {
    for (person, party) in pairs(store, docs, org::MEMBER_OF)? {
        let (Some(&p), Some(&q)) = (b.index.get(&person), b.index.get(&party)) else {
            continue;
        };
        if b.g[p].kind != NodeKind::Person || b.g[q].kind != NodeKind::Party {
            continue;
        }
        let swatch = PartyColour { name: b.g[q].label.clone(), colour: b.g[q].colour.clone() };
        if !b.g[p].parties.contains(&swatch) {
            b.g[p].parties.push(swatch);
            b.g[p].parties.sort();
        }
    }
    Ok(())
}
