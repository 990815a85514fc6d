//! Graphviz DOT: the selected network as a picture. Node shapes and colours
//! follow the kind (parties in their colours), font size follows degree,
//! and every label is escaped so no input text can break the DOT syntax.

use super::network::{self, Network, NodeKind, Selection};
use super::ExportError;
use oxigraph::store::Store;
use std::io::Write;

/// Writes the whole entity network of a store as DOT: people, parties,
/// councils, other organisations and wards (the ontology graph left out),
/// with membership, post, control, resignation and ward edges, ratings and
/// quotation counts as notes on the nodes. Nodes and edges come out in a
/// fixed order, so the same store always gives the same text.
pub fn to_dot(store: &Store, w: &mut impl Write) -> Result<(), ExportError> {
    to_dot_selected(store, &Selection::default(), w)
}

/// Like [`to_dot`], for part of the network (a view, a focus, a size limit).
pub fn to_dot_selected(store: &Store, selection: &Selection, w: &mut impl Write) -> Result<(), ExportError> {
    let full = network::entity_graph(store)?;
    let (g, _) = network::select(&full, selection).map_err(ExportError::Selection)?;
    write_dot(&g, w)
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

/// Writes the entity graph as DOT.
pub fn write_dot(g: &Network, out: &mut dyn Write) -> Result<(), ExportError> {
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
            NodeKind::Party => {
                ("box", n.colour.as_deref().filter(|c| is_hex_colour(c)).unwrap_or("#DDDDDD").to_owned())
            }
            NodeKind::Council => ("doubleoctagon", "#FFF2CC".to_owned()),
            NodeKind::Organisation => ("box", "#E2EFDA".to_owned()),
            NodeKind::Ward => ("note", "#F2F2F2".to_owned()),
            NodeKind::Article => ("folder", "#DDEBF7".to_owned()),
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
            "  n{} -> n{} [label=\"{}\", tooltip=\"{}\", style={}, color={}];",
            a.index(),
            b.index(),
            escape(&d.label),
            escape(&d.tooltip),
            d.style,
            d.colour
        )?;
    }
    writeln!(out, "}}")?;
    Ok(())
}

/// True for `#RRGGBB`: a colour that comes from the data is used only if
/// Graphviz is sure to know it (anything else would make `dot` warn).
fn is_hex_colour(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

fn is_dark(hex: &str) -> bool {
    let h = hex.trim_start_matches('#');
    let c = |i: usize| u32::from_str_radix(h.get(i..i + 2).unwrap_or("ff"), 16).unwrap_or(255);
    (c(0) * 299 + c(2) * 587 + c(4) * 114) / 1000 < 140
}

#[cfg(test)]
mod tests {
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
            nodes.push(g.add_node(network::NodeData {
                iri: format!("https://example.org/{i}?q=\"{label}\""),
                label: (*label).to_owned(),
                kind: kinds[i % kinds.len()],
                notes: vec![(*label).to_owned(), "2 quotations".to_owned()],
                colour: (i % kinds.len() == 1).then(|| format!("#00{i}0\"{{")),
            }));
        }
        for pair in nodes.windows(2) {
            g.add_edge(
                pair[0],
                pair[1],
                network::EdgeData {
                    kind: network::EdgeKind::Post,
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
        write_dot(&hostile_network(), &mut out).unwrap_or_else(|e| panic!("{e}"));
        let text = String::from_utf8(out).unwrap_or_else(|e| panic!("{e}"));
        // One statement per line: no raw newline escaped from a label.
        assert_eq!(text.lines().count(), 4 + HOSTILE.len() + (HOSTILE.len() - 1) + 1, "{text}");
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
        write_dot(&hostile_network(), &mut out).unwrap_or_else(|e| panic!("{e}"));
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

    #[test]
    fn only_plain_hex_colours_from_the_data_are_used() {
        assert!(is_hex_colour("#0087DC"));
        for bad in ["#0087D", "#0087DCX", "red\"", "#00é7DC", ""] {
            assert!(!is_hex_colour(bad), "{bad}");
        }
    }
}
