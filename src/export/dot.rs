//! Graphviz DOT: the selected network as a picture. People are filled in
//! their parties' colours, councils in the colour of their current Ofsted
//! grade, the `--focus` entities outlined; nodes nothing connects are drawn
//! apart in a box of their own, and a key says what colours and shapes
//! mean and what was left out. Font size follows degree, and every label is
//! escaped so no input text can break the DOT syntax.

use super::legend;
use super::network::{Network, NodeKind};
use super::palette::{self, fills, is_dark};
use super::select::{self, LeftOut, Selection};
use super::ExportError;
use oxigraph::store::Store;
use petgraph::graph::NodeIndex;
use std::io::Write;

/// What the picture says about itself besides the network: its caption
/// and what the selection left out.
#[derive(Debug, Clone, Default)]
pub struct Picture {
    /// One line at the top: the view and the filters.
    pub caption: String,
    pub left_out: LeftOut,
}

/// Writes the entity network of a store as DOT, as `export --format dot`
/// draws it by default. Nodes and edges come out in a fixed order, so the
/// same store always gives the same text.
pub fn to_dot(store: &Store, w: &mut impl Write) -> Result<(), ExportError> {
    to_dot_selected(store, &Selection::default(), w)
}

/// Like [`to_dot`], for part of the network (a view, a focus, a size limit).
pub fn to_dot_selected(store: &Store, selection: &Selection, w: &mut impl Write) -> Result<(), ExportError> {
    let docs = super::docs::Docs::load(store, &selection.docs)?;
    let full = super::network::entity_graph_of(store, &docs)?;
    let (g, left_out) = select::select(&full, selection).map_err(ExportError::Selection)?;
    write_dot(&g, &Picture { caption: caption(selection), left_out }, w)
}

/// The caption of a selection: its view and filters.
pub fn caption(sel: &Selection) -> String {
    let mut parts = vec![format!("view: {}", sel.view.name())];
    if let Some(f) = &sel.focus {
        parts.push(format!("around {f} ({} step{})", sel.depth, if sel.depth == 1 { "" } else { "s" }));
    }
    parts.extend(sel.docs.describe());
    parts.join(" · ")
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

/// Writes the network as DOT: header, connected nodes, the box of
/// unconnected ones, edges, the key.
pub fn write_dot(g: &Network, picture: &Picture, out: &mut dyn Write) -> Result<(), ExportError> {
    writeln!(out, "digraph councilgraph {{")?;
    writeln!(
        out,
        "  graph [rankdir=LR, fontname=\"Helvetica\", overlap=false, splines=true, labelloc=t, labeljust=l, fontsize=16, label=\"{}\"];",
        escape(&picture.caption)
    )?;
    writeln!(out, "  node [fontname=\"Helvetica\", fontsize=11];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    let (connected, alone): (Vec<NodeIndex>, Vec<NodeIndex>) =
        g.node_indices().partition(|&i| g.neighbors_undirected(i).next().is_some());
    for &i in &connected {
        write_node(g, i, "  ", out)?;
    }
    write_unconnected(g, &alone, out)?;
    write_edges(g, out)?;
    legend::write_legend(g, &picture.left_out, out)?;
    writeln!(out, "}}")?;
    Ok(())
}

/// One node statement.
fn write_node(g: &Network, i: NodeIndex, indent: &str, out: &mut dyn Write) -> Result<(), ExportError> {
    let n = &g[i];
    let degree = g.neighbors_undirected(i).count();
    let mut label = n.label.clone();
    for note in &n.notes {
        label.push('\n');
        label.push_str(note);
    }
    let shape = match n.kind {
        NodeKind::Person => "ellipse",
        NodeKind::Party | NodeKind::Organisation => "box",
        NodeKind::Council => "doubleoctagon",
        NodeKind::Ward => "note",
        NodeKind::Article => "folder",
    };
    let colours = fills(n);
    let style = match (n.kind, colours.len()) {
        (NodeKind::Organisation, _) => "filled,rounded",
        (NodeKind::Person, k) if k > 1 => "wedged",
        _ => "filled",
    };
    let font = if colours.iter().all(|c| is_dark(c)) { "white" } else { "black" };
    let outline = if n.focus { format!(", color=\"{}\", penwidth=5", palette::FOCUS) } else { String::new() };
    writeln!(
        out,
        "{indent}n{} [label=\"{}\", shape={shape}, style=\"{style}\", fillcolor=\"{}\", fontcolor={font}, fontsize={}{outline}, tooltip=\"{}\"];",
        i.index(),
        escape(&label),
        colours.join(":"),
        10 + degree.min(10),
        escape(&n.iri)
    )?;
    Ok(())
}

/// Nodes with no edge, in a box of their own, four to a row.
fn write_unconnected(g: &Network, alone: &[NodeIndex], out: &mut dyn Write) -> Result<(), ExportError> {
    if alone.is_empty() {
        return Ok(());
    }
    writeln!(out, "  subgraph cluster_unconnected {{")?;
    writeln!(
        out,
        "    graph [label=\"Not connected to anything drawn ({})\", style=\"dashed,rounded\", color=gray50, fontsize=12];",
        alone.len()
    )?;
    for &i in alone {
        write_node(g, i, "    ", out)?;
    }
    for row in alone.chunks(4).filter(|r| r.len() > 1) {
        let chain: Vec<String> = row.iter().map(|i| format!("n{}", i.index())).collect();
        writeln!(out, "    {} [style=invis];", chain.join(" -> "))?;
    }
    writeln!(out, "  }}")?;
    Ok(())
}

fn write_edges(g: &Network, out: &mut dyn Write) -> Result<(), ExportError> {
    for e in g.edge_indices() {
        let Some((a, b)) = g.edge_endpoints(e) else {
            continue;
        };
        let d = &g[e];
        writeln!(
            out,
            "  n{} -> n{} [label=\"{}\", tooltip=\"{}\", style={}, color={}];",
            a.index(),
            b.index(),
            escape(&d.label),
            escape(&d.tooltip),
            d.style,
            d.colour
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::network::{EdgeData, EdgeKind, NodeData, PartyColour};
    use super::*;

    #[test]
    fn escaping_keeps_dot_intact() {
        assert_eq!(escape("a \"b\" \\c\nd {e} <f>"), "a \\\"b\\\" \\\\c\\nd {e} <f>");
    }

    /// Labels that would break DOT if pasted in raw.
    const HOSTILE: &[&str] = &[
        "Quote \" inside",
        "back\\slash at the end \\",
        "line\nbreak\r\ncarriage",
        "} ] ; -> -- digraph { node",
        "<b>html</b> & <i>",
        "Zoë Ó Súilleabháin — “curly” ‘quotes’ 中文",
        "\\N \\G \\l \\\"",
        "tab\tand\u{7}bell\u{0}nul",
        "",
    ];

    fn hostile_network() -> Network {
        let mut g = Network::new();
        let kinds = [
            NodeKind::Person,
            NodeKind::Party,
            NodeKind::Council,
            NodeKind::Organisation,
            NodeKind::Ward,
            NodeKind::Article,
        ];
        let mut nodes = Vec::new();
        for (i, label) in HOSTILE.iter().enumerate() {
            let mut n = NodeData::new(
                format!("https://example.org/{i}?q=\"{label}\""),
                (*label).to_owned(),
                kinds[i % kinds.len()],
            );
            n.notes = vec![(*label).to_owned(), "2 quotations".to_owned()];
            n.colour = (i % kinds.len() == 1).then(|| format!("#00{i}0\"{{"));
            n.parties = vec![PartyColour { name: (*label).to_owned(), colour: Some(format!("#{i}\"")) }];
            if i % 2 == 0 {
                // In two parties: a wedged fill.
                n.parties.push(PartyColour { name: "Labour Party".to_owned(), colour: Some("#E4003B".to_owned()) });
            }
            n.focus = i == 2;
            nodes.push(g.add_node(n));
        }
        for pair in nodes.windows(2) {
            g.add_edge(
                pair[0],
                pair[1],
                EdgeData {
                    kind: EdgeKind::Post,
                    label: g[pair[1]].label.clone(),
                    tooltip: g[pair[0]].label.clone(),
                    style: "dashed",
                    colour: "navy",
                },
            );
        }
        g
    }

    #[test]
    fn hostile_labels_stay_inside_their_strings() {
        let mut out = Vec::new();
        write_dot(&hostile_network(), &Picture { caption: HOSTILE.join(" "), ..Picture::default() }, &mut out)
            .unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8(out).unwrap_or_else(|e| panic!("{e}"));
        // One statement per line: no raw newline escaped from a label.
        assert_eq!(text.lines().count(), 4 + HOSTILE.len() + (HOSTILE.len() - 1) + 2, "{text}");
        for line in text.lines().filter(|l| l.starts_with("  n")) {
            // Every double quote in a statement is either escaped or one of
            // an even number of delimiters.
            let mut delimiters = 0;
            let mut chars = line.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => {
                        chars.next();
                    }
                    '"' => delimiters += 1,
                    _ => {}
                }
            }
            assert_eq!(delimiters % 2, 0, "{line}");
            assert!(line.ends_with("];"), "{line}");
            assert!(!line.chars().any(|c| c.is_control()), "{line:?}");
        }
    }

    #[test]
    fn graphviz_reads_hostile_labels_without_a_warning() {
        let mut out = Vec::new();
        write_dot(&hostile_network(), &Picture { caption: HOSTILE.join(" "), ..Picture::default() }, &mut out)
            .unwrap_or_else(|e| panic!("{e}"));
        let child = std::process::Command::new("dot")
            .arg("-Tsvg")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn();
        let Ok(mut child) = child else {
            assert!(std::env::var("CI").is_err(), "Graphviz `dot` is missing in CI");
            eprintln!("note: Graphviz `dot` not found, check skipped");
            return;
        };
        if let Some(mut stdin) = child.stdin.take() {
            stdin.write_all(&out).unwrap_or_else(|e| panic!("{e}"));
        }
        let result = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
        assert!(result.status.success(), "{}", String::from_utf8_lossy(&result.stderr));
        assert!(result.stderr.is_empty(), "dot warned: {}", String::from_utf8_lossy(&result.stderr));
        let svg = String::from_utf8_lossy(&result.stdout);
        assert!(svg.contains("Zoë Ó Súilleabháin"), "{svg}");
        assert!(svg.contains("&lt;b&gt;html&lt;/b&gt;"), "{svg}");
    }
}
