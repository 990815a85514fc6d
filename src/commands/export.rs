//! `councilgraph export`: the store as RDF or DOT, to stdout or a file
//! (written beside it and renamed, so a failed export leaves no half file).

use super::{Printer, Status};
use crate::cli::{ExportArgs, ExportFormat, ViewArg};
use crate::export::network::{self, Selection, View};
use crate::export::{dot, graphml, rdf, rdf::RdfExportFormat, render};
use crate::graph::store;
use anyhow::Context;
use std::io::Write;

pub fn run(args: &ExportArgs, printer: Printer) -> anyhow::Result<Status> {
    let format = match (args.format, &args.output) {
        (Some(f), _) => f,
        (None, Some(p)) => ExportFormat::from_extension(p).with_context(|| {
            format!(
                "cannot tell the format from {}: give --format turtle|ntriples|nquads|trig|rdfxml|jsonld|dot",
                p.display()
            )
        })?,
        (None, None) => anyhow::bail!(
            "give --format turtle|ntriples|nquads|trig|rdfxml|jsonld|dot (or --output with a known extension)"
        ),
    };
    // Read whole before anything is written, so a read that races a build
    // and is run again writes nothing twice.
    let (buf, what) = store::read_with_retry(&args.store.store, |st| read(st, args, format, printer))?;
    match &args.output {
        Some(p) => {
            let tmp = p.with_extension(format!("{}.partial", p.extension().and_then(|e| e.to_str()).unwrap_or("out")));
            std::fs::write(&tmp, &buf).with_context(|| format!("writing {}", tmp.display()))?;
            std::fs::rename(&tmp, p).with_context(|| format!("writing {}", p.display()))?;
            printer.info(format!("wrote {what} to {}", p.display()));
        }
        None => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            out.write_all(&buf)?;
            out.flush()?;
            printer.info(format!("wrote {what}"));
        }
    }
    Ok(Status::Ok)
}

/// The export, whole, and what it holds (for the message).
fn read(
    st: &oxigraph::store::Store,
    args: &ExportArgs,
    format: ExportFormat,
    printer: Printer,
) -> anyhow::Result<(Vec<u8>, String)> {
    let mut buf: Vec<u8> = Vec::new();
    let rdf_format = match format {
        ExportFormat::Turtle => Some(RdfExportFormat::Turtle),
        ExportFormat::Ntriples => Some(RdfExportFormat::NTriples),
        ExportFormat::Nquads => Some(RdfExportFormat::NQuads),
        ExportFormat::Trig => Some(RdfExportFormat::TriG),
        ExportFormat::Rdfxml => Some(RdfExportFormat::RdfXml),
        ExportFormat::Jsonld => Some(RdfExportFormat::JsonLd),
        _ => None,
    };
    let what = if let Some(rf) = rdf_format {
        let n = rdf::export(st, rf, args.graph.as_deref(), &mut buf)?;
        format!("{n} {}", if rf.is_dataset() { "quads" } else { "triples" })
    } else {
        if args.graph.is_some() {
            anyhow::bail!("--graph works with the RDF formats; use --focus to draw part of the network");
        }
        let view = match args.view {
            ViewArg::All => View::All,
            ViewArg::People => View::People,
            ViewArg::Councils => View::Councils,
            ViewArg::Quotes => View::Quotes,
        };
        let selection = Selection { view, focus: args.focus.clone(), depth: args.depth, max_nodes: args.max_nodes };
        let full = network::entity_graph(st)?;
        let (g, left_out) = network::select(&full, &selection).map_err(anyhow::Error::msg)?;
        if left_out.nodes > 0 {
            printer.warn(format!(
                "--max-nodes left out {} node{}, among them: {}",
                left_out.nodes,
                if left_out.nodes == 1 { "" } else { "s" },
                left_out.examples.join(", ")
            ));
        }
        match format {
            ExportFormat::Graphml => graphml::write_graphml(&g, &mut buf)?,
            ExportFormat::Json => graphml::write_json(&g, &mut buf)?,
            _ => dot::write_dot(&g, &mut buf)?,
        }
        let rendered = match format {
            ExportFormat::Svg => Some("svg"),
            ExportFormat::Png => Some("png"),
            ExportFormat::Pdf => Some("pdf"),
            _ => None,
        };
        if let Some(t) = rendered {
            buf = render::render(&buf, t)?;
        }
        format!("a network of {} nodes and {} edges", g.node_count(), g.edge_count())
    };
    Ok((buf, what))
}
