//! `councilgraph extract`: documents → N-Quads on stdout, no store.
//!
//! A document that fails (text over `--max-document-bytes`, a panic in an
//! extractor) is named on stderr with the reason and none of its quads are
//! printed; the other documents' are, and the exit status is 1.

use super::{Printer, Status};
use crate::cli::ExtractArgs;
use crate::ingest::{self, Input, ReadOptions};
use crate::pipeline::{self, DocumentError, Identities};
use crate::resolve::Iris;
use oxigraph::io::{RdfFormat, RdfSerializer};
use rayon::prelude::*;
use std::io::Write;

pub fn run(args: &ExtractArgs, printer: Printer) -> anyhow::Result<Status> {
    let iris = Iris::with_base(&args.base)?;
    let (inputs, mut skipped) = ingest::expand(&args.paths)?;
    let opts = ReadOptions { stdin_id: args.documents.id.clone(), ..ReadOptions::default() };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut documents = 0;
    let mut failed = 0;
    let mut ids = Identities::default();
    for chunk in inputs.chunks(64) {
        let reads: Vec<ingest::ReadOutcome> = chunk.par_iter().map(|i: &Input| ingest::read_with(i, &opts)).collect();
        let mut docs = Vec::new();
        for r in reads {
            for w in &r.warnings {
                printer.warn(w);
            }
            skipped.extend(r.skipped);
            for mut d in r.documents {
                if let Some(w) = ids.claim(&mut d, &iris) {
                    printer.warn(w);
                }
                docs.push(d);
            }
        }
        let max = args.documents.max_document_bytes;
        let outputs: Vec<Result<Vec<u8>, DocumentError>> =
            docs.par_iter().map(|d| pipeline::process_checked(d, &iris, max).map(|g| nquads(&g))).collect();
        for (doc, o) in docs.iter().zip(outputs) {
            match o {
                Ok(o) => {
                    out.write_all(&o)?;
                    documents += 1;
                }
                Err(e) => {
                    out.flush()?;
                    printer.failed(&doc.source, &e.to_string());
                    failed += 1;
                }
            }
        }
    }
    out.flush()?;
    for s in &skipped {
        printer.info(format!("skipped {}: {}", s.source, s.reason));
    }
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
