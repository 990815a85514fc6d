//! `councilgraph export`: the store as RDF or DOT, to stdout or a file
//! (written beside it and renamed, so a failed export leaves no half file).

use super::{Printer, Status};
use crate::cli::{ExportArgs, ExportFormat, IsolatedArg, ViewArg};
use crate::export::docs::{DocFilter, Docs};
use crate::export::network::{self, Network};
use crate::export::select::{self, Isolated, LeftOut, Selection, View};
use crate::export::{dot, focus, graphml, rdf, rdf::RdfExportFormat, render};
use crate::graph::store;
use anyhow::Context;
use clap::ValueEnum;
use std::io::{IsTerminal, Write};

pub fn run(args: &ExportArgs, printer: Printer) -> anyhow::Result<Status> {
    let format = format(args)?;
    if args.output.is_none() && is_binary(format) && std::io::stdout().is_terminal() {
        let name = name(format);
        anyhow::bail!(
            "--format {name} is binary and standard output is a terminal: give --output FILE.{name} or redirect (> graph.{name})"
        );
    }
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

/// `--format`, or the format `--output`'s extension names.
fn format(args: &ExportArgs) -> anyhow::Result<ExportFormat> {
    match (args.format, &args.output) {
        (Some(f), _) => Ok(f),
        (None, Some(p)) => ExportFormat::from_extension(p).with_context(|| {
            let why = match p.extension() {
                Some(e) => format!(".{} is not a known extension", e.to_string_lossy()),
                None => "it has no extension".to_owned(),
            };
            format!("cannot tell the format from {}: {why}; give --format {}", p.display(), all_names())
        }),
        (None, None) => {
            anyhow::bail!("give --format {} (or --output FILE with one of their extensions)", all_names())
        }
    }
}

/// The format's name on the command line.
fn name(f: ExportFormat) -> String {
    f.to_possible_value().map(|v| v.get_name().to_owned()).unwrap_or_default()
}

/// Every format's name, as `a|b|c`.
fn all_names() -> String {
    ExportFormat::value_variants().iter().map(|&f| name(f)).collect::<Vec<_>>().join("|")
}

/// Formats that are not text, so not for a terminal.
fn is_binary(f: ExportFormat) -> bool {
    matches!(f, ExportFormat::Png | ExportFormat::Pdf)
}

fn rdf_format(format: ExportFormat) -> Option<RdfExportFormat> {
    Some(match format {
        ExportFormat::Turtle => RdfExportFormat::Turtle,
        ExportFormat::Ntriples => RdfExportFormat::NTriples,
        ExportFormat::Nquads => RdfExportFormat::NQuads,
        ExportFormat::Trig => RdfExportFormat::TriG,
        ExportFormat::Rdfxml => RdfExportFormat::RdfXml,
        ExportFormat::Jsonld => RdfExportFormat::JsonLd,
        _ => return None,
    })
}

/// The export, whole, and what it holds (for the message).
fn read(
    st: &oxigraph::store::Store,
    args: &ExportArgs,
    format: ExportFormat,
    printer: Printer,
) -> anyhow::Result<(Vec<u8>, String)> {
    let mut buf: Vec<u8> = Vec::new();
    if let Some(rf) = rdf_format(format) {
        if args.since.is_some() || !args.councils.is_empty() {
            anyhow::bail!("--since and --council choose what a picture draws; they do not work with --format {rf:?}");
        }
        let n = if args.focus.is_some() {
            let graph = rdf::graph_arg(st, args.graph.as_deref())?;
            let c = chosen(st, args, false, printer)?;
            rdf::write_quads(focus::neighbourhood(st, &c.full, &c.drawn, graph.as_ref())?, rf, &mut buf)?
        } else {
            if !rf.is_dataset() && args.graph.is_none() {
                crate::graph::store::check_layout(st, &args.store.store)?;
            }
            rdf::export(st, rf, args.graph.as_deref(), &mut buf)?
        };
        return Ok((buf, format!("{n} {}", if rf.is_dataset() { "quads" } else { "triples" })));
    }
    if args.graph.is_some() {
        anyhow::bail!(
            "--graph works with the RDF formats; use --focus, --since or --council to draw part of the network"
        );
    }
    let what = network_export(st, args, format, printer, &mut buf)?;
    Ok((buf, what))
}

/// The selection the network options ask for; `picture` for the formats
/// Graphviz draws, which keep 60 nodes unless told otherwise.
fn selection(args: &ExportArgs, picture: bool) -> Selection {
    let view = match args.view {
        ViewArg::All => View::All,
        ViewArg::People => View::People,
        ViewArg::Councils => View::Councils,
        ViewArg::Quotes => View::Quotes,
    };
    Selection {
        view,
        focus: args.focus.clone(),
        depth: args.depth,
        max_nodes: match args.max_nodes {
            Some(0) => None,
            Some(n) => Some(n),
            None => picture.then_some(select::DEFAULT_MAX_NODES),
        },
        isolated: match args.isolated {
            IsolatedArg::Group => Isolated::Group,
            IsolatedArg::Omit => Isolated::Omit,
        },
        docs: DocFilter { since: args.since.clone(), councils: args.councils.clone() },
    }
}

/// The network of the chosen articles and the part the options select.
struct Chosen {
    full: Network,
    drawn: Network,
    selection: Selection,
    left_out: LeftOut,
}

/// Chooses the articles and the part of their network to draw (what was
/// left out is said on stderr).
fn chosen(st: &oxigraph::store::Store, args: &ExportArgs, picture: bool, printer: Printer) -> anyhow::Result<Chosen> {
    let selection = selection(args, picture);
    let docs = Docs::load(st, &selection.docs)?;
    let full = network::entity_graph_of(st, &docs)?;
    let (drawn, left_out) = select::select(&full, &selection).map_err(anyhow::Error::msg)?;
    warn_left_out(&left_out, printer);
    Ok(Chosen { full, drawn, selection, left_out })
}

/// A network format (a picture, GraphML or JSON) into `buf`; returns what it holds.
fn network_export(
    st: &oxigraph::store::Store,
    args: &ExportArgs,
    format: ExportFormat,
    printer: Printer,
    buf: &mut Vec<u8>,
) -> anyhow::Result<String> {
    let picture = !matches!(format, ExportFormat::Graphml | ExportFormat::Json);
    let Chosen { drawn: g, selection, left_out, .. } = chosen(st, args, picture, printer)?;
    match format {
        ExportFormat::Graphml => graphml::write_graphml(&g, buf)?,
        ExportFormat::Json => graphml::write_json(&g, buf)?,
        _ => dot::write_dot(&g, &dot::Picture { caption: dot::caption(&selection), left_out }, buf)?,
    }
    let rendered = match format {
        ExportFormat::Svg => Some("svg"),
        ExportFormat::Png => Some("png"),
        ExportFormat::Pdf => Some("pdf"),
        _ => None,
    };
    if let Some(t) = rendered {
        *buf = render::render(buf, t)?;
    }
    Ok(format!("a network of {} nodes and {} edges", g.node_count(), g.edge_count()))
}

fn warn_left_out(left_out: &LeftOut, printer: Printer) {
    if left_out.nodes > 0 {
        printer.info(format!(
            "--max-nodes {} left out {} node{}, among them: {} (--max-nodes 0 draws them all)",
            left_out.limit.unwrap_or(0),
            left_out.nodes,
            if left_out.nodes == 1 { "" } else { "s" },
            left_out.examples.join(", ")
        ));
    }
    if left_out.isolated > 0 {
        printer.info(format!("--isolated omit left out {} unconnected node(s)", left_out.isolated));
    }
}
