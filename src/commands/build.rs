//! `councilgraph build`: read, extract (in parallel), write each document
//! in one transaction, and summarise.
//!
//! Ctrl-C (or SIGTERM) stops between documents: every document written so
//! far is complete, none is half written, and the exit status is 130.

use super::{Printer, Status};
use crate::cli::BuildArgs;
use crate::graph::store;
use crate::graph::vocab::{cg, rdf, schema};
use crate::ingest::{self, Input, Skipped};
use crate::pipeline::{self, DocumentGraph};
use crate::resolve::Iris;
use anyhow::Context;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Instant;

/// Inputs read and extracted together before their graphs are written.
const CHUNK: usize = 64;

pub fn run(args: &BuildArgs, printer: Printer) -> anyhow::Result<Status> {
    let started = Instant::now();
    let iris = Iris::with_base(&args.base)?;
    // Installed before the store is opened, so a signal never finds a store
    // open without the handler.
    let interrupted = Arc::new(AtomicBool::new(false));
    {
        let flag = interrupted.clone();
        let quiet = printer.quiet;
        // The first signal asks to stop after the documents in hand; a second
        // one (say, while standard input is still being read) stops at once,
        // which is safe too: a transaction is either committed or gone.
        // `set_handler` fails only if the process already has a handler (a
        // library caller's); that one then decides.
        let _ = ctrlc::set_handler(move || {
            if flag.swap(true, Ordering::SeqCst) {
                std::process::exit(130);
            }
            if !quiet {
                eprintln!("councilgraph: stopping after the documents in hand (again to stop at once)");
            }
        });
    }
    let stop = || interrupted.load(Ordering::SeqCst);
    let (inputs, mut skipped) = ingest::expand(&args.paths)?;
    let path = &args.store.store;
    let st = store::open_for_writing(path)?;
    store::load_ontology(&st, path)?;

    let bar = printer.progress.then(|| {
        let b = indicatif::ProgressBar::new(inputs.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} inputs  {elapsed}  {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let mut warnings: Vec<String> = Vec::new();
    let mut documents = 0usize;
    let mut quads = 0usize;
    let mut entities: HashSet<(&'static str, String)> = HashSet::new();
    let mut ids: HashMap<String, String> = HashMap::new();
    'chunks: for chunk in inputs.chunks(CHUNK) {
        if stop() {
            break;
        }
        let results: Vec<(ingest::ReadOutcome, Vec<DocumentGraph>)> = chunk
            .par_iter()
            .map(|input: &Input| {
                if stop() {
                    return (ingest::ReadOutcome::default(), Vec::new());
                }
                let r = ingest::read(input);
                let graphs = r.documents.iter().map(|d| pipeline::process(d, &iris)).collect();
                (r, graphs)
            })
            .collect();
        for (read, graphs) in results {
            if stop() {
                break 'chunks;
            }
            skipped.extend(read.skipped);
            warnings.extend(read.warnings);
            for (doc, g) in read.documents.iter().zip(&graphs) {
                if let Some(earlier) = ids.insert(doc.id.clone(), doc.source.clone()) {
                    warnings.push(format!(
                        "{} and {} share the identifier {:?}: the later replaces the earlier in the store",
                        earlier, doc.source, doc.id
                    ));
                }
                store::replace_document(&st, path, g).with_context(|| format!("writing {}", doc.source))?;
                documents += 1;
                quads += g.quads.len();
                for q in &g.quads {
                    if q.predicate.as_ref() == rdf::TYPE {
                        if let Some(class) = class_name(&q.object) {
                            entities.insert((class, q.subject.to_string()));
                        }
                    }
                }
            }
            if let Some(b) = &bar {
                b.inc(1);
            }
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let total = st.len().unwrap_or(0);
    st.flush().context("flushing the store")?;
    drop(st);

    for w in &warnings {
        printer.warn(w);
    }
    if stop() {
        printer.warn(format!(
            "interrupted: {documents} document{} written, each complete; the rest were not read",
            plural(documents)
        ));
    }
    let elapsed = started.elapsed().as_secs_f64();
    printer.info(format!(
        "councilgraph: built {documents} document{} into {} in {elapsed:.2} s",
        plural(documents),
        path.display()
    ));
    printer.info(format!(
        "  skipped: {}{}",
        skipped.len(),
        if skipped.is_empty() { String::new() } else { format!(" ({})", summary(&skipped)) }
    ));
    for s in &skipped {
        printer.info(format!("    {}: {}", s.source, s.reason));
    }
    printer.info(format!("  quads written: {quads} (the store holds {total}, ontology included)"));
    let n = |c: &str| entities.iter().filter(|e| e.0 == c).count();
    printer.info(format!(
        "  entities: {} people, {} parties, {} councils, {} other organisations; {} quotations, {} inspections",
        n("person"),
        n("party"),
        n("council"),
        n("organisation"),
        n("quotation"),
        n("inspection")
    ));
    if stop() {
        return Ok(Status::Interrupted);
    }
    if let Some(e) = skipped.iter().find(|s| s.is_error) {
        anyhow::bail!("could not read {}: {}", e.source, e.reason);
    }
    Ok(Status::Ok)
}

/// The class an `rdf:type` object counts under in the summary.
fn class_name(t: &oxigraph::model::Term) -> Option<&'static str> {
    let oxigraph::model::Term::NamedNode(n) = t else { return None };
    let n = n.as_ref();
    Some(if n == schema::PERSON {
        "person"
    } else if n == schema::POLITICAL_PARTY {
        "party"
    } else if n == cg::COUNCIL {
        "council"
    } else if n == schema::ORGANIZATION || n == schema::GOVERNMENT_ORGANIZATION {
        "organisation"
    } else if n == schema::QUOTATION {
        "quotation"
    } else if n == cg::INSPECTION {
        "inspection"
    } else {
        return None;
    })
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn summary(skipped: &[Skipped]) -> String {
    let mut reasons: Vec<String> =
        skipped.iter().map(|s| s.reason.split(" (").next().unwrap_or("").to_owned()).collect();
    reasons.sort();
    reasons.dedup();
    reasons.join(", ")
}
