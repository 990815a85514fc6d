//! `councilgraph export`: the store as RDF or DOT, to stdout or a file
//! (written beside it and renamed, so a failed export leaves no half file).

use super::{Printer, Status};
use crate::cli::{ExportArgs, ExportFormat};
use crate::export::{dot, rdf, rdf::RdfExportFormat};
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
    let st = store::open_for_reading(&args.store.store)?;
    let mut buf: Vec<u8> = Vec::new();
    let what = match format {
        ExportFormat::Dot => {
            if args.graph.is_some() {
                anyhow::bail!("--graph is not supported with --format dot");
            }
            dot::export(&st, &mut buf)?;
            "DOT picture".to_owned()
        }
        f => {
            let rf = match f {
                ExportFormat::Turtle => RdfExportFormat::Turtle,
                ExportFormat::Ntriples => RdfExportFormat::NTriples,
                ExportFormat::Nquads => RdfExportFormat::NQuads,
                ExportFormat::Trig => RdfExportFormat::TriG,
                ExportFormat::Rdfxml => RdfExportFormat::RdfXml,
                _ => RdfExportFormat::JsonLd,
            };
            let n = rdf::export(&st, rf, args.graph.as_deref(), &mut buf)?;
            format!("{n} {}", if rf.is_dataset() { "quads" } else { "triples" })
        }
    };
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
