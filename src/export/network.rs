//! The network the pictures draw: people, councils, parties, bodies, wards
//! and articles as nodes, and the relations between them as edges —
//! party and council membership, posts (labelled with the post), control,
//! resignation calls, wards, and "quoted in" (speaker → article, counted,
//! never one edge per quotation). Ratings are notes on the council's node.
//!
//! Views pick a part of it, `focus` keeps the neighbourhood of one entity,
//! and `max_nodes` keeps the best-connected nodes (degrees by petgraph).

use super::ExportError;
use crate::graph::vocab::{cg, dcterms, org, rdf, rdfs, schema, ONTOLOGY_GRAPH};
use crate::reference::parties::PARTIES;
use oxigraph::model::{GraphNameRef, NamedNodeRef, NamedOrBlankNode, Term};
use oxigraph::store::Store;
use petgraph::graph::{DiGraph, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, BTreeSet, VecDeque};

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

#[derive(Debug, Clone)]
pub struct NodeData {
    pub iri: String,
    pub label: String,
    pub kind: NodeKind,
    /// Extra lines: posts with no organisation, ratings, quotation counts.
    pub notes: Vec<String>,
    pub colour: Option<String>,
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
pub fn entity_graph(store: &Store) -> Result<Network, ExportError> {
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
    let mut edge = |a: &str, b: &str, kind: EdgeKind, label: &str, style: &'static str, colour: &'static str| {
        if let (Some(&x), Some(&y)) = (index.get(a), index.get(b)) {
            edges.insert((x, y, EdgeData { kind, label: label.to_owned(), tooltip: String::new(), style, colour }));
        }
    };
    for (s, o) in pairs(store, org::MEMBER_OF)? {
        edge(&s, &o, EdgeKind::Member, "member of", "solid", "gray30");
    }
    for (s, o) in pairs(store, cg::CONTROLLED_BY)? {
        edge(&s, &o, EdgeKind::Control, "controlled by", "bold", "gray30");
    }
    for (s, o) in pairs(store, cg::CALLED_FOR_RESIGNATION_OF)? {
        edge(&s, &o, EdgeKind::Resignation, "called for resignation of", "bold", "red3");
    }
    for (s, o) in pairs(store, cg::REPRESENTS_WARD)? {
        edge(&s, &o, EdgeKind::Ward, "represents", "dotted", "gray30");
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
            Some(o) => {
                edge(person, o, EdgeKind::Post, &role, if former.contains(m) { "dashed" } else { "solid" }, "navy")
            }
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
    // Quotations: counted per speaker, and per speaker and article.
    let ids = literals(store, dcterms::IDENTIFIER)?;
    let texts = literals(store, schema::TEXT)?;
    let mut quotes: BTreeMap<String, usize> = BTreeMap::new();
    let mut per_article: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for q in store.quads_for_pattern(None, Some(cg::SAID), None, None) {
        let q = q?;
        let (Some(speaker), Some(quote), GraphNameRef::NamedNode(doc)) =
            (subject_iri(&q.subject), iri_of(&q.object), q.graph_name.as_ref())
        else {
            continue;
        };
        *quotes.entry(speaker.clone()).or_default() += 1;
        per_article
            .entry((speaker, doc.as_str().to_owned()))
            .or_default()
            .push(texts.get(&quote).cloned().unwrap_or_default());
    }
    for (speaker, n) in quotes {
        if let Some(&p) = index.get(&speaker) {
            notes.entry(p).or_default().insert(format!("{n} quotation{}", if n == 1 { "" } else { "s" }));
        }
    }
    for (i, n) in notes {
        g[i].notes = n.into_iter().collect();
    }
    for ((speaker, doc), words) in per_article {
        let Some(&s) = index.get(&speaker) else { continue };
        let a = *index.entry(doc.clone()).or_insert_with(|| {
            let label = ids.get(&doc).cloned().unwrap_or_else(|| doc.rsplit('/').next().unwrap_or(&doc).to_owned());
            g.add_node(NodeData { iri: doc.clone(), label, kind: NodeKind::Article, notes: Vec::new(), colour: None })
        });
        let first: String =
            words.first().map(|w| w.split_whitespace().take(8).collect::<Vec<_>>().join(" ")).unwrap_or_default();
        let n = words.len();
        edges.insert((
            s,
            a,
            EdgeData {
                kind: EdgeKind::Quoted,
                label: format!("{n} quotation{}", if n == 1 { "" } else { "s" }),
                tooltip: format!("“{first}…”"),
                style: "solid",
                colour: "gray50",
            },
        ));
    }
    for (a, b, e) in edges {
        g.add_edge(a, b, e);
    }
    Ok(g)
}

fn concept_labels(store: &Store) -> Result<BTreeMap<String, String>, ExportError> {
    literals(store, crate::graph::vocab::skos::PREF_LABEL)
}

/// Which part of the network to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// Every entity and relation; quotations as counts on the speakers.
    #[default]
    All,
    /// People and what they belong to, hold posts in, or call on.
    People,
    /// Councils, who controls them, who sits on them, their ratings.
    Councils,
    /// Who was quoted in which article.
    Quotes,
}

/// What to keep of the network.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub view: View,
    /// Keep only the neighbourhood of the entities whose name contains this.
    pub focus: Option<String>,
    /// How many steps from the focus.
    pub depth: usize,
    /// Keep at most this many nodes (the best connected).
    pub max_nodes: Option<usize>,
}

/// What a selection left out, for a message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeftOut {
    pub nodes: usize,
    /// The names of the best-connected nodes left out.
    pub examples: Vec<String>,
}

fn edge_in_view(view: View, k: EdgeKind, from: NodeKind, to: NodeKind) -> bool {
    match view {
        View::All => k != EdgeKind::Quoted,
        View::People => {
            matches!(k, EdgeKind::Member | EdgeKind::Post | EdgeKind::Resignation) && from == NodeKind::Person
        }
        View::Councils => {
            k == EdgeKind::Control || matches!(k, EdgeKind::Member | EdgeKind::Post) && to == NodeKind::Council
        }
        View::Quotes => k == EdgeKind::Quoted,
    }
}

fn node_in_view(view: View, k: NodeKind) -> bool {
    match view {
        View::All => k != NodeKind::Article,
        View::People => k == NodeKind::Person,
        View::Councils => k == NodeKind::Council,
        View::Quotes => false,
    }
}

/// Applies a selection: a view, a focus, a size limit.
pub fn select(g: &Network, sel: &Selection) -> Result<(Network, LeftOut), String> {
    // 1. the view: its edges, their ends, and the nodes it always shows
    let mut keep: BTreeSet<NodeIndex> = g.node_indices().filter(|&i| node_in_view(sel.view, g[i].kind)).collect();
    let mut kept_edges = Vec::new();
    for e in g.edge_references() {
        let (a, b) = (e.source(), e.target());
        if edge_in_view(sel.view, e.weight().kind, g[a].kind, g[b].kind) {
            keep.insert(a);
            keep.insert(b);
            kept_edges.push(e.id());
        }
    }
    // 2. the focus: a breadth-first walk over the view's edges
    let mut seeds: Vec<NodeIndex> = Vec::new();
    if let Some(name) = &sel.focus {
        let needle = name.to_lowercase();
        seeds = keep.iter().copied().filter(|&i| g[i].label.to_lowercase().contains(&needle)).collect();
        if seeds.is_empty() {
            return Err(format!("nothing in this view is named like {name:?}"));
        }
        let mut adjacency: BTreeMap<NodeIndex, Vec<NodeIndex>> = BTreeMap::new();
        for &e in &kept_edges {
            if let Some((a, b)) = g.edge_endpoints(e) {
                adjacency.entry(a).or_default().push(b);
                adjacency.entry(b).or_default().push(a);
            }
        }
        let mut dist: BTreeMap<NodeIndex, usize> = seeds.iter().map(|&s| (s, 0)).collect();
        let mut queue: VecDeque<NodeIndex> = seeds.iter().copied().collect();
        while let Some(n) = queue.pop_front() {
            let d = dist[&n];
            if d >= sel.depth {
                continue;
            }
            for &m in adjacency.get(&n).into_iter().flatten() {
                if let std::collections::btree_map::Entry::Vacant(e) = dist.entry(m) {
                    e.insert(d + 1);
                    queue.push_back(m);
                }
            }
        }
        keep = dist.into_keys().collect();
    }
    // 3. the limit: the focus first, then by degree, then by name
    let mut left_out = LeftOut::default();
    if let Some(max) = sel.max_nodes {
        if keep.len() > max {
            let degree = |i: NodeIndex| {
                kept_edges
                    .iter()
                    .filter(|&&e| {
                        g.edge_endpoints(e)
                            .is_some_and(|(a, b)| (a == i || b == i) && keep.contains(&a) && keep.contains(&b))
                    })
                    .count()
            };
            let mut ranked: Vec<NodeIndex> = keep.iter().copied().collect();
            ranked.sort_by(|&a, &b| {
                seeds
                    .contains(&b)
                    .cmp(&seeds.contains(&a))
                    .then(degree(b).cmp(&degree(a)))
                    .then(g[a].label.cmp(&g[b].label))
            });
            let dropped: Vec<NodeIndex> = ranked.split_off(max);
            left_out = LeftOut {
                nodes: dropped.len(),
                examples: dropped.iter().take(5).map(|&i| g[i].label.clone()).collect(),
            };
            keep = ranked.into_iter().collect();
        }
    }
    // 4. the subgraph
    let mut out = Network::new();
    let mut map: BTreeMap<NodeIndex, NodeIndex> = BTreeMap::new();
    for &i in &keep {
        map.insert(i, out.add_node(g[i].clone()));
    }
    for e in kept_edges {
        if let Some((a, b)) = g.edge_endpoints(e) {
            if let (Some(&x), Some(&y)) = (map.get(&a), map.get(&b)) {
                out.add_edge(x, y, g[e].clone());
            }
        }
    }
    Ok((out, left_out))
}
