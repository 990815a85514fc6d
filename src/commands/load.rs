//! `councilgraph load SHARDS...`: bulk-loads N-Quads files of documents'
//! named graphs (say, shards `councilgraph extract` wrote on many machines).
//!
//! Every shard is parsed first, its documents new to the store staged in the
//! bulk loader; a malformed line stops the load with its file and line, and
//! nothing of any shard is written. When all parse, the staged documents
//! become visible in one atomic commit, then each document the store held
//! already is replaced in its own transaction. The default graph is kept
//! the merge of the named graphs, and the ontology graph is (re)loaded from
//! this councilgraph, not from the shards.

use super::{Printer, Status};
use crate::graph::store::{self, bulk::Staged, hashes};
use crate::graph::vocab;
use anyhow::Context;
use oxigraph::io::{RdfFormat, RdfParseError, RdfParser};
use oxigraph::model::{GraphName, NamedNode, Quad};
use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Instant;

/// Quads handed to the bulk loader at a time.
const BATCH: usize = 16_384;

/// What the shards held, once parsed.
#[derive(Default)]
struct Parsed {
    /// Documents the store did not hold (staged).
    new: HashSet<NamedNode>,
    /// Documents the store held, with their new quads.
    replaced: HashMap<NamedNode, Vec<Quad>>,
    quads: usize,
}

pub fn run(args: &crate::cli::LoadArgs, printer: Printer) -> anyhow::Result<Status> {
    let started = Instant::now();
    let path = &args.store.store;
    for shard in &args.shards {
        if !shard.is_file() {
            anyhow::bail!("no shard file {}: give N-Quads files (from `councilgraph extract`)", shard.display());
        }
    }
    let st = store::open_for_writing(path)?;
    if store::merge::layout(&st).context("reading the store")? == store::merge::Layout::Unmerged {
        store::merge::fill_default_graph(&st).context("filling the default graph")?;
    }
    let stored = hashes::stored(&st).context("reading the store's documents")?;
    let mut staged = Staged::new(&st);
    let mut parsed = Parsed::default();
    for shard in &args.shards {
        parse_shard(shard, &stored, &mut staged, &mut parsed)?;
    }
    store::load_ontology(&st, path)?;
    staged.commit().with_context(|| format!("committing the new documents to {}", path.display()))?;
    let mut replaced: Vec<_> = parsed.replaced.into_iter().collect();
    replaced.sort_by(|a, b| a.0.cmp(&b.0));
    for (graph, quads) in &replaced {
        store::replace_graph(&st, path, graph.as_ref(), quads)?;
    }
    // staged documents are written sorted and compressed; replaced ones leave
    // deletions behind, which compaction drops
    if replaced.len() >= 1_000 {
        store::compact(&st, path)?;
    }
    // The inspections are grouped over every document, under the documents' base.
    if let Some(base) = store::stored_base(&st, path)? {
        crate::graph::events::refresh(&st, path, &crate::resolve::Iris::with_base(&base)?)?;
    }
    let total = st.len().unwrap_or(0);
    st.flush().context("flushing the store")?;
    report(&args.shards, parsed.new.len(), replaced.len(), parsed.quads, total, path, started, printer);
    Ok(Status::Ok)
}

/// Parses one shard: new documents' quads go to the bulk loader, those of
/// documents the store holds are kept for replacing.
fn parse_shard(
    shard: &Path,
    stored: &HashMap<NamedNode, Option<String>>,
    staged: &mut Staged<'_>,
    parsed: &mut Parsed,
) -> anyhow::Result<()> {
    let file = std::fs::File::open(shard).with_context(|| format!("cannot read {}", shard.display()))?;
    let parser = RdfParser::from_format(RdfFormat::NQuads).for_reader(std::io::BufReader::new(file));
    let mut batch = Vec::with_capacity(BATCH);
    for (i, q) in parser.enumerate() {
        let q = q.map_err(|e| malformed(shard, i, &e))?;
        let GraphName::NamedNode(g) = &q.graph_name else {
            anyhow::bail!(
                "{}: line {}: a triple outside any named graph; load takes documents' named graphs (N-Quads from `councilgraph extract`); nothing was loaded",
                shard.display(),
                i + 1
            );
        };
        if g.as_ref() == vocab::ONTOLOGY_GRAPH {
            continue;
        }
        parsed.quads += 1;
        if stored.contains_key(g) {
            parsed.replaced.entry(g.clone()).or_default().push(q);
            continue;
        }
        if !parsed.new.contains(g) {
            parsed.new.insert(g.clone());
        }
        batch.push(q);
        if batch.len() >= BATCH {
            staged.add_quads(std::mem::take(&mut batch)).context("staging quads")?;
        }
    }
    staged.add_quads(batch).context("staging quads")?;
    Ok(())
}

/// One line for a shard that does not parse. N-Quads has one statement per
/// line, so the parser's line is the statement's; `index` (the statement's
/// number) stands in when the parser gives none.
fn malformed(shard: &Path, index: usize, e: &RdfParseError) -> anyhow::Error {
    let (line, msg) = match e {
        RdfParseError::Syntax(s) => {
            let text = s.to_string();
            // the parser's own "Parser error at line N between columns …: " is said once already
            let text = if text.starts_with("Parser error at") {
                text.split_once(": ").map_or(text.clone(), |(_, m)| m.to_owned())
            } else {
                text
            };
            (s.location().map_or(index as u64 + 1, |l| l.start.line + 1), crate::query::one_line(&text))
        }
        RdfParseError::Io(io) => (index as u64 + 1, io.to_string()),
    };
    anyhow::anyhow!("{}: line {line}: not N-Quads: {msg}; nothing was loaded", shard.display())
}

#[allow(clippy::too_many_arguments)]
fn report(
    shards: &[std::path::PathBuf],
    new: usize,
    replaced: usize,
    quads: usize,
    total: usize,
    path: &Path,
    started: Instant,
    printer: Printer,
) {
    let n = new + replaced;
    printer.info(format!(
        "councilgraph: loaded {n} document{} from {} shard{} into {} in {:.2} s",
        if n == 1 { "" } else { "s" },
        shards.len(),
        if shards.len() == 1 { "" } else { "s" },
        path.display(),
        started.elapsed().as_secs_f64()
    ));
    printer.info(format!("  documents: {new} new, {replaced} replaced"));
    printer.info(format!(
        "  quads loaded: {quads} (the store holds {total}: named graphs, ontology and merged default graph)"
    ));
}
