//! `councilgraph extract`: documents → N-Quads on stdout, no store.

use super::{Printer, Status};
use crate::cli::ExtractArgs;
use crate::ingest::{self, Input};
use crate::pipeline;
use crate::resolve::Iris;
use oxigraph::io::{RdfFormat, RdfSerializer};
use rayon::prelude::*;
use std::io::Write;

pub fn run(args: &ExtractArgs, printer: Printer) -> anyhow::Result<Status> {
    let iris = Iris::with_base(&args.base)?;
    let (inputs, mut skipped) = ingest::expand(&args.paths)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut documents = 0;
    for chunk in inputs.chunks(64) {
        let results: Vec<(ingest::ReadOutcome, Vec<Vec<u8>>)> = chunk
            .par_iter()
            .map(|input: &Input| {
                let r = ingest::read(input);
                let outputs = r
                    .documents
                    .iter()
                    .map(|d| {
                        let g = pipeline::process(d, &iris);
                        let mut ser = RdfSerializer::from_format(RdfFormat::NQuads).for_writer(Vec::new());
                        for q in &g.quads {
                            // writing to a Vec cannot fail
                            let _ = ser.serialize_quad(q);
                        }
                        ser.finish().unwrap_or_default()
                    })
                    .collect();
                (r, outputs)
            })
            .collect();
        for (r, outputs) in results {
            for w in &r.warnings {
                printer.warn(w);
            }
            skipped.extend(r.skipped);
            for o in outputs {
                out.write_all(&o)?;
                documents += 1;
            }
        }
    }
    out.flush()?;
    for s in &skipped {
        printer.info(format!("skipped {}: {}", s.source, s.reason));
    }
    printer.info(format!("extracted {documents} document{}", if documents == 1 { "" } else { "s" }));
    if let Some(e) = skipped.iter().find(|s| s.is_error) {
        anyhow::bail!("could not read {}: {}", e.source, e.reason);
    }
    Ok(Status::Ok)
}
