//! Which part of the network to draw: a view (its kinds of edges), a focus
//! (the neighbourhood of the entities named), what to do with nodes that
//! nothing connects, and a size limit that keeps the best-connected nodes
//! (degrees by petgraph) and counts the rest by kind for the legend.

use super::docs::DocFilter;
use super::network::{EdgeKind, Network, NodeKind};
use petgraph::graph::{EdgeIndex, NodeIndex};
use petgraph::visit::EdgeRef;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, VecDeque};

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

impl View {
    pub fn name(self) -> &'static str {
        match self {
            View::All => "all",
            View::People => "people",
            View::Councils => "councils",
            View::Quotes => "quotes",
        }
    }
}

/// What happens to nodes with no edge in the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Isolated {
    /// Drawn together in a box of their own.
    #[default]
    Group,
    /// Left out, and counted in the legend.
    Omit,
}

/// The default of `--max-nodes`: what stays legible on a page.
pub const DEFAULT_MAX_NODES: usize = 60;

/// What to keep of the network.
#[derive(Debug, Clone)]
pub struct Selection {
    pub view: View,
    /// Keep only the neighbourhood of the entities whose name contains this.
    pub focus: Option<String>,
    /// How many steps from the focus.
    pub depth: usize,
    /// Keep at most this many nodes (the best connected); `None`: all.
    pub max_nodes: Option<usize>,
    pub isolated: Isolated,
    /// Which articles the network is drawn from.
    pub docs: DocFilter,
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            view: View::All,
            focus: None,
            depth: 2,
            max_nodes: Some(DEFAULT_MAX_NODES),
            isolated: Isolated::Group,
            docs: DocFilter::default(),
        }
    }
}

/// What a selection left out, for the legend and a message.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeftOut {
    /// Nodes the size limit left out.
    pub nodes: usize,
    /// Those nodes, counted by kind.
    pub by_kind: BTreeMap<NodeKind, usize>,
    /// The names of the best-connected nodes left out.
    pub examples: Vec<String>,
    /// The limit that left them out.
    pub limit: Option<usize>,
    /// Unconnected nodes left out (`Isolated::Omit`).
    pub isolated: usize,
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

/// Applies a selection: a view, a focus, unconnected nodes, a size limit.
/// The focus entities come out with `focus` set.
pub fn select(g: &Network, sel: &Selection) -> Result<(Network, LeftOut), String> {
    let (mut keep, edges) = view(g, sel.view);
    let mut seeds = BTreeSet::new();
    if let Some(name) = &sel.focus {
        let (start, reached) = focus(g, &keep, &edges, name, sel.depth)?;
        (seeds, keep) = (start, reached);
    }
    let degree = degrees(g, &keep, &edges);
    let mut left_out = LeftOut { limit: sel.max_nodes, ..LeftOut::default() };
    if sel.isolated == Isolated::Omit {
        let before = keep.len();
        keep.retain(|i| degree.get(i).copied().unwrap_or(0) > 0 || seeds.contains(i));
        left_out.isolated = before - keep.len();
    }
    if let Some(max) = sel.max_nodes.filter(|&m| keep.len() > m) {
        keep = limit(g, keep, &seeds, &edges, &degree, max, &mut left_out);
    }
    Ok((subgraph(g, &keep, &edges, &seeds), left_out))
}

/// The view's edges, their ends, and the nodes it always shows.
fn view(g: &Network, view: View) -> (BTreeSet<NodeIndex>, Vec<EdgeIndex>) {
    let mut keep: BTreeSet<NodeIndex> = g.node_indices().filter(|&i| node_in_view(view, g[i].kind)).collect();
    let mut edges = Vec::new();
    for e in g.edge_references() {
        let (a, b) = (e.source(), e.target());
        if edge_in_view(view, e.weight().kind, g[a].kind, g[b].kind) {
            keep.insert(a);
            keep.insert(b);
            edges.push(e.id());
        }
    }
    (keep, edges)
}

/// A breadth-first walk over the view's edges from the entities named like
/// `name`: the start nodes and every node it reaches.
fn focus(
    g: &Network,
    in_view: &BTreeSet<NodeIndex>,
    edges: &[EdgeIndex],
    name: &str,
    depth: usize,
) -> Result<(BTreeSet<NodeIndex>, BTreeSet<NodeIndex>), String> {
    let needle = name.to_lowercase();
    let seeds: BTreeSet<NodeIndex> =
        in_view.iter().copied().filter(|&i| g[i].label.to_lowercase().contains(&needle)).collect();
    if seeds.is_empty() {
        return Err(format!("nothing in this view is named like {name:?}"));
    }
    let mut adjacency: BTreeMap<NodeIndex, Vec<NodeIndex>> = BTreeMap::new();
    for &e in edges {
        if let Some((a, b)) = g.edge_endpoints(e) {
            adjacency.entry(a).or_default().push(b);
            adjacency.entry(b).or_default().push(a);
        }
    }
    let mut dist: BTreeMap<NodeIndex, usize> = seeds.iter().map(|&s| (s, 0)).collect();
    let mut queue: VecDeque<NodeIndex> = seeds.iter().copied().collect();
    while let Some(n) = queue.pop_front() {
        let d = dist[&n];
        if d >= depth {
            continue;
        }
        for &m in adjacency.get(&n).into_iter().flatten() {
            if let std::collections::btree_map::Entry::Vacant(e) = dist.entry(m) {
                e.insert(d + 1);
                queue.push_back(m);
            }
        }
    }
    Ok((seeds, dist.into_keys().collect()))
}

/// Each kept node's number of view edges to other kept nodes.
fn degrees(g: &Network, keep: &BTreeSet<NodeIndex>, edges: &[EdgeIndex]) -> BTreeMap<NodeIndex, usize> {
    let mut d: BTreeMap<NodeIndex, usize> = BTreeMap::new();
    for &e in edges {
        if let Some((a, b)) = g.edge_endpoints(e) {
            if keep.contains(&a) && keep.contains(&b) {
                *d.entry(a).or_default() += 1;
                *d.entry(b).or_default() += 1;
            }
        }
    }
    d
}

/// The `max` nodes to draw, grown from the best-connected node outwards
/// so that what is drawn hangs together: at each step the node with the
/// most connections among those next to the drawn ones (the focus first;
/// ties by number of notes, then name), or, when none is next to them, the
/// best-connected node left.
fn limit(
    g: &Network,
    keep: BTreeSet<NodeIndex>,
    seeds: &BTreeSet<NodeIndex>,
    edges: &[EdgeIndex],
    degree: &BTreeMap<NodeIndex, usize>,
    max: usize,
    left_out: &mut LeftOut,
) -> BTreeSet<NodeIndex> {
    let d = |i: NodeIndex| degree.get(&i).copied().unwrap_or(0);
    let rank = |i: NodeIndex| (seeds.contains(&i), d(i), g[i].notes.len(), std::cmp::Reverse(g[i].label.clone()), i);
    let mut adjacency: BTreeMap<NodeIndex, Vec<NodeIndex>> = BTreeMap::new();
    for &e in edges {
        if let Some((a, b)) = g.edge_endpoints(e).filter(|(a, b)| keep.contains(a) && keep.contains(b)) {
            adjacency.entry(a).or_default().push(b);
            adjacency.entry(b).or_default().push(a);
        }
    }
    let mut rest: BinaryHeap<_> = keep.iter().map(|&i| rank(i)).collect();
    let mut frontier = BinaryHeap::new();
    let mut drawn: BTreeSet<NodeIndex> = BTreeSet::new();
    while drawn.len() < max {
        let next = frontier.pop().or_else(|| rest.pop());
        let Some((.., i)) = next else { break };
        if !drawn.insert(i) {
            continue;
        }
        for &m in adjacency.get(&i).into_iter().flatten() {
            if !drawn.contains(&m) {
                frontier.push(rank(m));
            }
        }
    }
    let mut dropped: Vec<NodeIndex> = keep.into_iter().filter(|i| !drawn.contains(i)).collect();
    dropped.sort_by_key(|&i| std::cmp::Reverse(rank(i)));
    left_out.nodes = dropped.len();
    for &i in &dropped {
        *left_out.by_kind.entry(g[i].kind).or_default() += 1;
    }
    left_out.examples = dropped.iter().take(5).map(|&i| g[i].label.clone()).collect();
    drawn
}

/// The kept nodes and the view's edges between them.
fn subgraph(g: &Network, keep: &BTreeSet<NodeIndex>, edges: &[EdgeIndex], seeds: &BTreeSet<NodeIndex>) -> Network {
    let mut out = Network::new();
    let mut map: BTreeMap<NodeIndex, NodeIndex> = BTreeMap::new();
    for &i in keep {
        let mut n = g[i].clone();
        n.focus = seeds.contains(&i);
        map.insert(i, out.add_node(n));
    }
    for &e in edges {
        if let Some((a, b)) = g.edge_endpoints(e) {
            if let (Some(&x), Some(&y)) = (map.get(&a), map.get(&b)) {
                out.add_edge(x, y, g[e].clone());
            }
        }
    }
    out
}
