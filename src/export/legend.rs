//! The key of a picture: one Graphviz HTML-like table that says what the
//! fills, shapes, lines and outline mean — only for what the picture shows —
//! and what the selection left out.

use super::network::{EdgeKind, Network, NodeKind};
use super::palette::{self, party_colour};
use super::select::LeftOut;
use super::ExportError;
use std::collections::BTreeMap;
use std::io::Write;

/// Escapes text for a Graphviz HTML-like label (one line).
pub fn html_escape(s: &str) -> String {
    crate::markup::escape(s, crate::markup::Controls::Space)
}

/// A row in a colour, its text in black or white, whichever reads.
fn swatch(colour: &str, text: &str) -> String {
    let font = if palette::is_dark(colour) { "white" } else { "black" };
    format!(r#"<tr><td bgcolor="{colour}" align="left"><font color="{font}">{}</font></td></tr>"#, html_escape(text))
}

fn heading(text: &str) -> String {
    format!(r#"<tr><td align="left" border="0"><b>{}</b></td></tr>"#, html_escape(text))
}

fn line(text: &str) -> String {
    format!(r#"<tr><td align="left">{}</td></tr>"#, html_escape(text))
}

/// The parties of the people drawn (and the party nodes), by name.
fn parties(g: &Network) -> (BTreeMap<String, String>, bool) {
    let mut out = BTreeMap::new();
    let mut partyless = false;
    for n in g.node_weights() {
        match n.kind {
            NodeKind::Person if n.parties.is_empty() => partyless = true,
            NodeKind::Person => {
                for p in &n.parties {
                    out.insert(p.name.clone(), party_colour(p.colour.as_deref()).to_owned());
                }
            }
            NodeKind::Party => {
                out.insert(n.label.clone(), party_colour(n.colour.as_deref()).to_owned());
            }
            _ => {}
        }
    }
    (out, partyless)
}

/// The rows on colours: parties, then grades.
fn colour_rows(g: &Network) -> Vec<String> {
    let mut rows = Vec::new();
    let (parties, partyless) = parties(g);
    if !parties.is_empty() || partyless {
        rows.push(heading("People and parties: the party's colour"));
        rows.extend(parties.iter().map(|(name, c)| swatch(c, name)));
        if partyless {
            rows.push(swatch(palette::NO_PARTY, "no party in the articles"));
        }
    }
    let councils: Vec<Option<&str>> =
        g.node_weights().filter(|n| n.kind == NodeKind::Council).map(|n| n.grade.as_deref()).collect();
    if !councils.is_empty() {
        rows.push(heading("Councils: latest Ofsted grade, date of the article"));
        for (grade, colour) in palette::GRADES {
            if councils.contains(&Some(grade)) {
                rows.push(swatch(colour, grade));
            }
        }
        if councils.iter().any(|g| palette::GRADES.iter().all(|(name, _)| Some(*name) != *g)) {
            rows.push(swatch(palette::UNGRADED, "no grade in the articles"));
        }
    }
    rows
}

/// The rows on shapes, lines and the focus outline.
fn shape_rows(g: &Network) -> Vec<String> {
    let mut kinds: Vec<NodeKind> = g.node_weights().map(|n| n.kind).collect();
    kinds.sort();
    kinds.dedup();
    let shapes: Vec<&str> = kinds
        .iter()
        .map(|k| match k {
            NodeKind::Person => "ellipse: person",
            NodeKind::Party => "box: party",
            NodeKind::Council => "octagon: council",
            NodeKind::Organisation => "rounded box: other body",
            NodeKind::Ward => "note: ward",
            NodeKind::Article => "folder: article (headline, or councils named; date)",
        })
        .collect();
    let mut rows = vec![heading("Shapes and lines")];
    rows.extend(shapes.iter().map(|s| line(s)));
    let has = |k: EdgeKind| g.edge_weights().any(|e| e.kind == k);
    if has(EdgeKind::Post) {
        rows.push(line("blue line: a post (dashed: a former one)"));
    }
    if has(EdgeKind::Resignation) {
        rows.push(line("red line: called for resignation"));
    }
    if has(EdgeKind::Control) {
        rows.push(line("bold line: controlled by"));
    }
    if g.node_weights().any(|n| n.focus) {
        rows.push(swatch(palette::FOCUS, "thick outline: the --focus entity"));
    }
    rows
}

/// The rows on what was left out.
fn left_out_rows(left_out: &LeftOut) -> Vec<String> {
    let mut rows = Vec::new();
    if left_out.nodes > 0 {
        let kinds: Vec<String> = left_out.by_kind.iter().map(|(k, n)| format!("{n} {}", k.name(*n))).collect();
        rows.push(heading(&format!("Not drawn: {} more ({})", left_out.nodes, kinds.join(", "))));
        if let Some(max) = left_out.limit {
            rows.push(line(&format!("only the {max} best-connected are drawn: --max-nodes N to change")));
        }
    }
    if left_out.isolated > 0 {
        rows.push(heading(&format!("Not drawn: {} with no connection in this view", left_out.isolated)));
    }
    rows
}

/// Writes the key as one node.
pub fn write_legend(g: &Network, left_out: &LeftOut, out: &mut dyn Write) -> Result<(), ExportError> {
    if g.node_count() == 0 && left_out == &LeftOut::default() {
        return Ok(());
    }
    let mut rows = vec![heading("Key")];
    rows.extend(colour_rows(g));
    rows.extend(shape_rows(g));
    rows.extend(left_out_rows(left_out));
    writeln!(
        out,
        "  legend [shape=plaintext, fontsize=11, label=<<table border=\"0\" cellborder=\"1\" cellspacing=\"2\" cellpadding=\"3\">{}</table>>];",
        rows.join("")
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_labels_are_escaped() {
        assert_eq!(html_escape("<b>A & \"B\"</b>\n"), "&lt;b&gt;A &amp; &quot;B&quot;&lt;/b&gt; ");
    }

    #[test]
    fn the_key_names_what_was_left_out() {
        let left_out = LeftOut {
            nodes: 3,
            by_kind: [(NodeKind::Person, 2), (NodeKind::Council, 1)].into_iter().collect(),
            examples: Vec::new(),
            limit: Some(10),
            isolated: 4,
        };
        let rows = left_out_rows(&left_out).join("");
        assert!(rows.contains("Not drawn: 3 more (2 people, 1 council)"), "{rows}");
        assert!(rows.contains("the 10 best-connected"), "{rows}");
        assert!(rows.contains("4 with no connection"), "{rows}");
    }
}
