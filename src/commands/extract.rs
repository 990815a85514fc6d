//! `councilgraph extract`: documents → N-Quads on stdout, no store.
//!
//! A document that fails (text over `--max-document-bytes`, a panic in an
//! extractor) is named on stderr with the reason and none of its quads are
//! printed; the other documents' are, and the exit status is 1.

use super::{Printer, Status};
use crate::cli::ExtractArgs;
use crate::graph;
use crate::ingest::{self, Document, Input, ReadOptions};
use crate::pipeline::{self, DocumentError, Identities};
use crate::resolve::Iris;
use oxigraph::io::{RdfFormat, RdfSerializer};
use rayon::prelude::*;
use std::io::Write;

/// Documents read and processed per batch; a batch's output is written while
/// the next batch is processed, so neither core waits on the other.
const BATCH: usize = 256;

pub fn run(args: &ExtractArgs, printer: Printer) -> anyhow::Result<Status> {
    let iris = Iris::with_base(&args.base)?;
    let (inputs, mut skipped) = ingest::expand(&args.paths)?;
    let opts = ReadOptions { stdin_id: args.documents.id.clone(), ..ReadOptions::default() };
    let mut out = Output { writer: std::io::BufWriter::new(std::io::stdout()), documents: 0, failed: 0, printer };
    let mut ids = Identities::default();
    let mut pending = Batch::default();
    for chunk in inputs.chunks(BATCH) {
        let docs = read_batch(chunk, &opts, &iris, &mut ids, &mut skipped, printer);
        let max = args.documents.max_document_bytes;
        let text = args.documents.text;
        let graph_of = |d: &Document| {
            pipeline::process_checked(d, &iris, max).map(|g| if text { graph::text::with_text(g, d) } else { g })
        };
        let (written, outputs) = rayon::join(
            || out.write(std::mem::take(&mut pending)),
            || docs.par_iter().map(|d| graph_of(d).map(|g| nquads(&g))).collect(),
        );
        written?;
        pending = Batch { docs, outputs };
    }
    out.write(pending)?;
    out.writer.flush()?;
    for s in &skipped {
        printer.info(format!("skipped {}: {}", s.source, s.reason));
    }
    summarise(out.documents, out.failed, &skipped, printer)
}

/// One batch of documents and, in the same order, their N-Quads or failures.
#[derive(Default)]
struct Batch {
    docs: Vec<Document>,
    outputs: Vec<Result<Vec<u8>, DocumentError>>,
}

/// Where processed batches go, and what has gone there so far.
struct Output {
    writer: std::io::BufWriter<std::io::Stdout>,
    documents: usize,
    failed: usize,
    printer: Printer,
}

impl Output {
    fn write(&mut self, batch: Batch) -> std::io::Result<()> {
        for (doc, o) in batch.docs.iter().zip(batch.outputs) {
            match o {
                Ok(o) => {
                    self.writer.write_all(&o)?;
                    self.documents += 1;
                }
                Err(e) => {
                    self.writer.flush()?;
                    self.printer.failed(&doc.source, &e.to_string());
                    self.failed += 1;
                }
            }
        }
        Ok(())
    }
}

/// Reads one batch of inputs in parallel and names its documents in order.
fn read_batch(
    inputs: &[Input],
    opts: &ReadOptions,
    iris: &Iris,
    ids: &mut Identities,
    skipped: &mut Vec<ingest::Skipped>,
    printer: Printer,
) -> Vec<Document> {
    let reads: Vec<ingest::ReadOutcome> = inputs.par_iter().map(|i| ingest::read_with(i, opts)).collect();
    let mut docs = Vec::new();
    for r in reads {
        for w in &r.warnings {
            printer.warn(w);
        }
        skipped.extend(r.skipped);
        for mut d in r.documents {
            if let Some(w) = ids.claim(&mut d, iris) {
                printer.warn(w);
            }
            docs.push(d);
        }
    }
    docs
}

/// The closing line, and the exit status: failures and unreadable inputs
/// are errors after everything else has been printed.
fn summarise(documents: usize, failed: usize, skipped: &[ingest::Skipped], printer: Printer) -> anyhow::Result<Status> {
    printer.info(format!("extracted {documents} document{}", if documents == 1 { "" } else { "s" }));
    if failed > 0 {
        anyhow::bail!(
            "{failed} document{} failed and {} not printed; the other {documents} were",
            if failed == 1 { "" } else { "s" },
            if failed == 1 { "was" } else { "were" }
        );
    }
    if let Some(e) = skipped.iter().find(|s| s.is_error) {
        anyhow::bail!("could not read {}: {}", e.source, e.reason);
    }
    Ok(Status::Ok)
}

/// A document's quads as N-Quads.
fn nquads(g: &pipeline::DocumentGraph) -> Vec<u8> {
    let mut ser = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
    for q in &g.quads {
        // writing to a Vec cannot fail
        let _ = ser.serialize_quad(q);
    }
    ser.finish().unwrap_or_default()
}
