//! `councilgraph query`: run SPARQL, print results on stdout.

use super::{Printer, Status};
use crate::cli::{QueryArgs, QueryFormat};
use crate::export::rdf::RdfExportFormat;
use crate::graph::store;
use crate::query::{self, Outcome, ResultFormat};
use std::io::Write;

/// Runs on a thread with a stack large enough for any query the guard lets
/// through ([`query::guard`]).
pub fn run(args: &QueryArgs, printer: Printer) -> anyhow::Result<Status> {
    let args = args.clone();
    query::guard::on_query_stack(move || run_here(&args, printer))
        .unwrap_or_else(|| Err(anyhow::anyhow!("the query could not be run (no thread for it)")))
}

fn run_here(args: &QueryArgs, printer: Printer) -> anyhow::Result<Status> {
    let text = query::read_query_arg(&args.query)?;
    // Parse first: a bad query is reported even when there is no store yet.
    let _parsed = query::prepare(&text)?;
    let format = match args.format {
        QueryFormat::Table => ResultFormat::Table,
        QueryFormat::Csv => ResultFormat::Csv,
        QueryFormat::Tsv => ResultFormat::Tsv,
        QueryFormat::Json => ResultFormat::Json,
        QueryFormat::Xml => ResultFormat::Xml,
        QueryFormat::Turtle => ResultFormat::Rdf(RdfExportFormat::Turtle),
        QueryFormat::Ntriples => ResultFormat::Rdf(RdfExportFormat::NTriples),
        QueryFormat::Nquads => ResultFormat::Rdf(RdfExportFormat::NQuads),
        QueryFormat::Rdfxml => ResultFormat::Rdf(RdfExportFormat::RdfXml),
        QueryFormat::Jsonld => ResultFormat::Rdf(RdfExportFormat::JsonLd),
    };
    // Results are kept until the query is done, so a read that races a
    // build and is run again prints nothing twice.
    let (outcome, buf) = store::read_with_retry(&args.store.store, |st| -> anyhow::Result<_> {
        store::check_layout(st, &args.store.store)?;
        let mut buf = Vec::new();
        Ok((query::run(st, &text, format, &mut buf)?, buf))
    })?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    out.write_all(&buf)?;
    out.flush()?;
    match outcome {
        Outcome::Rows(n) => printer.info(format!("{n} row{}", if n == 1 { "" } else { "s" })),
        Outcome::Triples(n) => printer.info(format!("{n} triple{}", if n == 1 { "" } else { "s" })),
        Outcome::Boolean(_) => {}
    }
    Ok(Status::Ok)
}
