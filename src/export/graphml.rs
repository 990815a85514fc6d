//! GraphML (Gephi, Cytoscape, yEd) and JSON nodes-and-links (d3, vis,
//! sigma) of the selected network, with the same labels and attributes as
//! the DOT picture.

use super::network::{Network, NodeKind};
use super::ExportError;
use std::io::Write;

fn kind_name(k: NodeKind) -> &'static str {
    match k {
        NodeKind::Person => "person",
        NodeKind::Party => "party",
        NodeKind::Council => "council",
        NodeKind::Organisation => "organisation",
        NodeKind::Ward => "ward",
        NodeKind::Article => "article",
    }
}

/// Escapes text for XML content and attribute values; drops characters XML 1.0 forbids.
pub fn xml_escape(s: &str) -> String {
    crate::markup::escape(s, crate::markup::Controls::Drop)
}

/// Writes GraphML.
pub fn write_graphml(g: &Network, out: &mut dyn Write) -> Result<(), ExportError> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (id, what, name) in [
        ("label", "node", "label"),
        ("kind", "node", "kind"),
        ("iri", "node", "iri"),
        ("notes", "node", "notes"),
        ("colour", "node", "colour"),
        ("degree", "node", "degree"),
        ("elabel", "edge", "label"),
        ("ekind", "edge", "kind"),
        ("etooltip", "edge", "tooltip"),
    ] {
        let ty = if id == "degree" { "int" } else { "string" };
        writeln!(out, r#"  <key id="{id}" for="{what}" attr.name="{name}" attr.type="{ty}"/>"#)?;
    }
    writeln!(out, r#"  <graph id="councilgraph" edgedefault="directed">"#)?;
    for i in g.node_indices() {
        let n = &g[i];
        writeln!(out, r#"    <node id="n{}">"#, i.index())?;
        writeln!(out, r#"      <data key="label">{}</data>"#, xml_escape(&n.label))?;
        writeln!(out, r#"      <data key="kind">{}</data>"#, kind_name(n.kind))?;
        writeln!(out, r#"      <data key="iri">{}</data>"#, xml_escape(&n.iri))?;
        if !n.notes.is_empty() {
            writeln!(out, r#"      <data key="notes">{}</data>"#, xml_escape(&n.notes.join("; ")))?;
        }
        if let Some(c) = &n.colour {
            writeln!(out, r#"      <data key="colour">{}</data>"#, xml_escape(c))?;
        }
        writeln!(out, r#"      <data key="degree">{}</data>"#, g.neighbors_undirected(i).count())?;
        writeln!(out, "    </node>")?;
    }
    for e in g.edge_indices() {
        let Some((a, b)) = g.edge_endpoints(e) else { continue };
        let d = &g[e];
        writeln!(out, r#"    <edge id="e{}" source="n{}" target="n{}">"#, e.index(), a.index(), b.index())?;
        writeln!(out, r#"      <data key="elabel">{}</data>"#, xml_escape(&d.label))?;
        writeln!(out, r#"      <data key="ekind">{:?}</data>"#, d.kind)?;
        if !d.tooltip.is_empty() {
            writeln!(out, r#"      <data key="etooltip">{}</data>"#, xml_escape(&d.tooltip))?;
        }
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>\n</graphml>")?;
    Ok(())
}

/// Writes `{"nodes": [...], "links": [...]}`.
pub fn write_json(g: &Network, out: &mut dyn Write) -> Result<(), ExportError> {
    let nodes: Vec<serde_json::Value> = g
        .node_indices()
        .map(|i| {
            let n = &g[i];
            serde_json::json!({
                "id": format!("n{}", i.index()),
                "label": n.label,
                "kind": kind_name(n.kind),
                "iri": n.iri,
                "notes": n.notes,
                "colour": n.colour,
                "degree": g.neighbors_undirected(i).count(),
            })
        })
        .collect();
    let links: Vec<serde_json::Value> = g
        .edge_indices()
        .filter_map(|e| {
            let (a, b) = g.edge_endpoints(e)?;
            let d = &g[e];
            Some(serde_json::json!({
                "source": format!("n{}", a.index()),
                "target": format!("n{}", b.index()),
                "label": d.label,
                "kind": format!("{:?}", d.kind).to_lowercase(),
                "tooltip": d.tooltip,
            }))
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &serde_json::json!({ "nodes": nodes, "links": links }))
        .map_err(std::io::Error::other)?;
    writeln!(out)?;
    Ok(())
}
