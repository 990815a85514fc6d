//! Graphviz DOT: the selected network as a picture. Node shapes and colours
//! follow the kind (parties in their colours), font size follows degree,
//! and every label is escaped so no input text can break the DOT syntax.

use super::network::{Network, NodeKind};
use super::ExportError;
use std::io::Write;

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
            NodeKind::Party => ("box", n.colour.clone().unwrap_or_else(|| "#DDDDDD".into())),
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
}
