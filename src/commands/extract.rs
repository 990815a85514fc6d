//! `councilgraph extract`: documents → N-Quads on stdout, no store.
//!
//! A streaming filter: documents are read lazily on a thread of their own
//! ([`ingest::documents`]; JSON Lines, from a file or standard input, one
//! line at a time), processed in parallel in bounded batches, and written
//! in input order, each batch flushed as soon as it is done, so memory is
//! bounded by a few batches and a pipe's reader sees output promptly.
//!
//! A document that fails (text over `--max-document-bytes`, a panic in an
//! extractor) is named on stderr with the reason and none of its quads are
//! printed; the other documents' are, and the exit status is 1.

use super::{Printer, Status};
use crate::cli::ExtractArgs;
use crate::graph;
use crate::ingest::{self, Document, Item, ReadOptions};
use crate::pipeline::{self, DocumentError, Identities};
use crate::resolve::Iris;
use oxigraph::io::{RdfFormat, RdfSerializer};
use rayon::prelude::*;
use std::io::Write;
use std::sync::mpsc::{sync_channel, Receiver, RecvTimeoutError};
use std::time::Duration;

/// Documents processed per batch; a batch's output is written while the
/// next batch is processed, so neither core waits on the other.
const BATCH: usize = 256;
/// Items read ahead of the batch in hand (the reader waits when it is full).
const READ_AHEAD: usize = 2 * BATCH;
/// How long a batch waits for its next document before it goes as it is
/// (so a slow pipe's records come out promptly, a fast one's in full batches).
const WAIT: Duration = Duration::from_millis(20);

pub fn run(args: &ExtractArgs, printer: Printer) -> anyhow::Result<Status> {
    let iris = Iris::with_base(&args.base)?;
    let (inputs, mut skipped) = ingest::expand(&args.paths)?;
    let opts = ReadOptions { stdin_id: args.documents.id.clone(), stdin_jsonl: args.jsonl, ..ReadOptions::default() };
    let (sender, items) = sync_channel(READ_AHEAD);
    // Joined only at the end: if writing fails, the reader ends at its next
    // item (or with the process).
    let reader = std::thread::spawn(move || {
        for item in ingest::documents(inputs, &opts) {
            if sender.send(item).is_err() {
                break;
            }
        }
    });
    let mut out = Output { writer: std::io::BufWriter::new(std::io::stdout()), documents: 0, failed: 0, printer };
    let mut ids = Identities::default();
    let mut pending = Batch::default();
    let max = args.documents.max_document_bytes;
    let text = args.documents.text;
    let graph_of = |d: &Document| {
        pipeline::process_checked(d, &iris, max).map(|g| if text { graph::text::with_text(g, d) } else { g })
    };
    loop {
        let first = match items.recv_timeout(WAIT) {
            Ok(item) => item,
            Err(RecvTimeoutError::Disconnected) => break,
            Err(RecvTimeoutError::Timeout) => {
                // Nothing to do until more input comes: show what is done.
                out.write(std::mem::take(&mut pending))?;
                match items.recv() {
                    Ok(item) => item,
                    Err(_) => break,
                }
            }
        };
        let docs = next_batch(first, &items, &iris, &mut ids, &mut skipped, printer);
        let (written, outputs) = rayon::join(
            || out.write(std::mem::take(&mut pending)),
            || docs.par_iter().map(|d| graph_of(d).map(|g| nquads(&g))).collect(),
        );
        written?;
        pending = Batch { docs, outputs };
    }
    out.write(pending)?;
    if reader.join().is_err() {
        anyhow::bail!("reading the inputs stopped unexpectedly; the output is incomplete");
    }
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
        self.writer.flush()
    }
}

/// The documents of one batch: `first`, then what is read without a pause
/// longer than [`WAIT`], up to [`BATCH`] documents, each named apart from the others; warnings
/// are shown as they come and skips kept for the end.
fn next_batch(
    first: Item,
    items: &Receiver<Item>,
    iris: &Iris,
    ids: &mut Identities,
    skipped: &mut Vec<ingest::Skipped>,
    printer: Printer,
) -> Vec<Document> {
    let mut docs = Vec::new();
    let mut item = Some(first);
    while let Some(i) = item {
        match i {
            Item::Document(mut d) => {
                if let Some(w) = ids.claim(&mut d, iris) {
                    printer.warn(w);
                }
                docs.push(d);
            }
            Item::Skipped(s) => skipped.push(s),
            Item::Warning(w) => printer.warn(w),
        }
        if docs.len() >= BATCH {
            break;
        }
        item = items.recv_timeout(WAIT).ok();
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
