//! `councilgraph build`: read, extract (in parallel), write each document
//! in one transaction, and summarise.
//!
//! A document that fails (text over `--max-document-bytes`, a panic in an
//! extractor) is named on stderr with the reason and nothing of it is
//! written; the rest of the batch is built and the exit status is 1.
//!
//! Ctrl-C (or SIGTERM) stops between documents: every document written so
//! far is complete, none is half written, and the exit status is 130.

use super::build_summary::{Entities, Reason, Summary};
use super::build_write::{Counts, Writer};
use super::{Printer, Status};
use crate::cli::BuildArgs;
use crate::graph::store::{self, hashes};
use crate::graph::vocab::{cg, rdf, schema};
use crate::graph::{self};
use crate::ingest::{self, ReadOptions, Skipped};
use crate::pipeline::{self, DocumentGraph, Identities};
use crate::resolve::Iris;
use anyhow::Context;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::Path;
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
    if inputs.is_empty() {
        // Nothing to read: no store is created.
        if args.json {
            Summary::empty(path, &skipped, started.elapsed().as_secs_f64()).print()?;
        }
        let printer = if args.json { printer.silenced() } else { printer };
        for s in &skipped {
            printer.info(format!("    {}: {}", s.source, s.reason));
        }
        if let Some(e) = skipped.iter().find(|s| s.is_error) {
            anyhow::bail!("could not read {}: {}; nothing was built", e.source, e.reason);
        }
        printer.info("councilgraph: no article files found; nothing was built");
        return Ok(Status::Ok);
    }
    let st = store::open_for_writing(path)?;
    store::check_base(&st, path, iris.base())?;
    if store::merge::layout(&st).context("reading the store")? == store::merge::Layout::Unmerged {
        let n = store::merge::fill_default_graph(&st).context("filling the default graph")?;
        printer.info(format!(
            "councilgraph: filled the default graph of a store from an older councilgraph ({n} quads merged)"
        ));
    }
    store::load_ontology(&st, path)?;
    let mut writer = Writer::new(&st, path)?;

    let bar = printer.progress.then(|| {
        let b = indicatif::ProgressBar::new(inputs.len() as u64);
        b.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} inputs  {elapsed}  {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        b
    });
    let opts = ReadOptions { stdin_id: args.documents.id.clone(), ..ReadOptions::default() };
    let settings = format!("{}\n{}", iris.base(), args.documents.text);
    let mut tally = Tally::default();
    let mut ids = Identities::default();
    // Documents come a bounded batch at a time, JSON Lines one line at a
    // time: memory holds a batch, whatever the size of the input.
    let mut batches = ingest::documents(inputs, &opts).batches(CHUNK);
    'chunks: loop {
        if stop() {
            break;
        }
        let Some(read) = batches.next() else { break };
        skipped.extend(read.skipped);
        tally.warnings.extend(read.warnings);
        let mut todo = Vec::new();
        for mut d in read.documents {
            tally.warnings.extend(ids.claim(&mut d, &iris));
            let hash = hashes::of(&d, &settings);
            if !writer.is_unchanged(&iris.document(&d.id), &hash) {
                todo.push((d, hash));
            }
        }
        let max = args.documents.max_document_bytes;
        let text = args.documents.text;
        // Extracted a batch at a time: one JSON Lines input may hold many
        // documents, and only a batch of graphs is ever in memory.
        for batch in todo.chunks(CHUNK) {
            let graphs: Vec<_> = batch
                .par_iter()
                .map(|(d, _)| {
                    pipeline::process_checked(d, &iris, max)
                        .map(|g| if text { graph::text::with_text(g, d) } else { g })
                })
                .collect();
            for ((doc, hash), g) in batch.iter().zip(graphs) {
                if stop() {
                    break 'chunks;
                }
                match g {
                    Ok(mut g) => {
                        hashes::stamp(&mut g, hash);
                        tally.add(&g);
                        writer.write(g).with_context(|| format!("writing {}", doc.source))?;
                    }
                    Err(e) => tally.failed.push((doc.source.clone(), e.to_string())),
                }
            }
        }
        if let Some(b) = &bar {
            b.set_position(batches.inputs_read() as u64);
        }
    }
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    // Pruning needs the full list of inputs: not after Ctrl-C, nor when an
    // input could not be read (its documents would look gone).
    let unread = skipped.iter().any(|s| s.is_error);
    if args.prune && (stop() || unread) {
        printer.warn("--prune skipped: the build did not read every input");
    }
    tally.counts = writer.finish(args.prune && !stop() && !unread)?;
    // After the commit: the inspections are grouped over every document.
    let c = tally.counts;
    graph::events::refresh_if(c.new + c.replaced + c.pruned > 0, &st, path, &iris)?;
    let total = st.len().unwrap_or(0);
    st.flush().context("flushing the store")?;
    drop(st);
    if args.json {
        json_summary(&tally, &skipped, total, started, path, stop()).print()?;
    }
    report(&tally, &skipped, total, started, path, stop(), if args.json { printer.silenced() } else { printer });
    if stop() {
        return Ok(Status::Interrupted);
    }
    outcome(&tally, &skipped)
}

/// What the documents of a build gave.
#[derive(Default)]
struct Tally {
    /// New, replaced, unchanged and pruned documents.
    counts: Counts,
    /// Documents written (new or replaced).
    documents: usize,
    quads: usize,
    /// People, parties, councils and organisations: one IRI across
    /// documents, so each is counted once.
    entities: HashSet<(&'static str, String)>,
    /// Quotations and inspections: each belongs to one document, so they are
    /// counted, not remembered (a set of them grew by about 100 MB at
    /// 100,000 articles).
    per_document: HashMap<&'static str, usize>,
    warnings: Vec<String>,
    /// (source, reason) of each document that gave no graph.
    failed: Vec<(String, String)>,
}

impl Tally {
    fn add(&mut self, g: &DocumentGraph) {
        self.documents += 1;
        self.quads += g.quads.len();
        for q in &g.quads {
            if q.predicate.as_ref() == rdf::TYPE {
                match class_name(&q.object) {
                    Some(class @ ("quotation" | "inspection")) => *self.per_document.entry(class).or_default() += 1,
                    Some(class) => {
                        self.entities.insert((class, q.subject.to_string()));
                    }
                    None => {}
                }
            }
        }
    }

    /// How many entities of a class the documents written named.
    fn count(&self, class: &str) -> usize {
        match self.per_document.get(class) {
            Some(&n) => n,
            None => self.entities.iter().filter(|e| e.0 == class).count(),
        }
    }
}

/// Warnings, failures and the summary, on stderr.
fn report(
    t: &Tally,
    skipped: &[Skipped],
    total: usize,
    started: Instant,
    path: &Path,
    stopped: bool,
    printer: Printer,
) {
    for w in &t.warnings {
        printer.warn(w);
    }
    for (source, reason) in &t.failed {
        printer.failed(source, reason);
    }
    let c = t.counts;
    let documents = c.new + c.replaced + c.unchanged;
    if stopped {
        printer.warn(format!(
            "interrupted: {} document{} written, each complete; the rest were not read",
            t.documents,
            plural(t.documents)
        ));
    }
    let elapsed = started.elapsed().as_secs_f64();
    printer.info(format!(
        "councilgraph: built {documents} document{} into {} in {elapsed:.2} s",
        plural(documents),
        path.display()
    ));
    printer.info(format!(
        "  documents: {} new, {} replaced, {} unchanged (not rebuilt){}",
        c.new,
        c.replaced,
        c.unchanged,
        if c.pruned > 0 { format!(", {} pruned", c.pruned) } else { String::new() }
    ));
    printer.info(format!(
        "  skipped: {}{}",
        skipped.len(),
        if skipped.is_empty() { String::new() } else { format!(" ({})", summary(skipped)) }
    ));
    for s in skipped {
        printer.info(format!("    {}: {}", s.source, s.reason));
    }
    if !t.failed.is_empty() {
        printer.info(format!("  failed: {} (not written; reasons above)", t.failed.len()));
    }
    printer.info(format!(
        "  quads written: {} (the store holds {total}: named graphs, ontology and merged default graph)",
        t.quads
    ));
    let n = |c: &str| t.count(c);
    printer.info(format!(
        "  entities: {} people, {} parties, {} councils, {} other organisations; {} quotations, {} inspections",
        n("person"),
        n("party"),
        n("council"),
        n("organisation"),
        n("quotation"),
        n("inspection")
    ));
}

/// The summary for `--json`.
fn json_summary<'a>(
    t: &'a Tally,
    skipped: &'a [Skipped],
    total: usize,
    started: Instant,
    path: &Path,
    stopped: bool,
) -> Summary<'a> {
    let n = |c: &str| t.count(c);
    let c = t.counts;
    Summary {
        documents: c.new + c.replaced + c.unchanged,
        new: c.new,
        replaced: c.replaced,
        unchanged: c.unchanged,
        pruned: c.pruned,
        quads: t.quads,
        store_quads: total,
        failed: t.failed.iter().map(|(source, reason)| Reason { source, reason }).collect(),
        warnings: &t.warnings,
        entities: Entities {
            people: n("person"),
            parties: n("party"),
            councils: n("council"),
            organisations: n("organisation"),
            quotations: n("quotation"),
            inspections: n("inspection"),
        },
        interrupted: stopped,
        ..Summary::empty(path, skipped, started.elapsed().as_secs_f64())
    }
}

/// Exit status 1, with one line, when any input was not read or any
/// document failed; the rest was built either way.
fn outcome(t: &Tally, skipped: &[Skipped]) -> anyhow::Result<Status> {
    let unread = skipped.iter().find(|s| s.is_error);
    match (t.failed.len(), unread) {
        (0, None) => Ok(Status::Ok),
        (0, Some(e)) => anyhow::bail!("could not read {}: {}", e.source, e.reason),
        (n, unread) => {
            let built = t.counts.new + t.counts.replaced + t.counts.unchanged;
            anyhow::bail!(
                "{n} document{} failed and {} not written{}; the other {built} {} built",
                plural(n),
                if n == 1 { "was" } else { "were" },
                unread.map(|e| format!(", and {} could not be read", e.source)).unwrap_or_default(),
                if built == 1 { "was" } else { "were" }
            )
        }
    }
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
