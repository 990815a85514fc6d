//! Command-line types (clap derive). Behaviour lives in `commands/`.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

const AFTER_HELP: &str = "Exit status: 0 ok, 1 error (a message on stderr), 2 usage error, 130 interrupted.

Examples:
  councilgraph build seeds/
  councilgraph query queries/quotes-by-person.rq
  councilgraph export --format turtle --output graph.ttl
  councilgraph explain \"Sarah Norman\"";

/// Turn news articles about English councils' children's services into a
/// knowledge graph: who said what, who belongs to which party and holds which
/// post, which council got which Ofsted grade, who called for whose
/// resignation.
#[derive(Debug, Parser)]
// `term_width = 0`: clap never wraps the help, so every example stays one
// line that can be copied; the text keeps the line breaks of these comments
// (`verbatim_doc_comment`), and a terminal folds what is wider than itself.
#[command(name = "councilgraph", version, about, verbatim_doc_comment, after_long_help = AFTER_HELP, term_width = 0)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// Print nothing on stderr but errors.
    #[arg(short, long, global = true, env = "COUNCILGRAPH_QUIET")]
    pub quiet: bool,
    /// Never draw a progress bar.
    #[arg(long, global = true)]
    pub no_progress: bool,
}

/// The store, shared by the commands that use one.
#[derive(Debug, Args, Clone)]
pub struct StoreArgs {
    /// The store directory (oxigraph on RocksDB).
    #[arg(long, env = "COUNCILGRAPH_STORE", default_value = "councilgraph.db", value_name = "DIR")]
    pub store: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Build(BuildArgs),
    Load(LoadArgs),
    Query(QueryArgs),
    Export(ExportArgs),
    Extract(ExtractArgs),
    Explain(ExplainArgs),
    Serve(ServeArgs),
    Push(PushArgs),
    Completions(CompletionsArgs),
    Man(ManArgs),
    /// (internal) a query worker for `serve`: jobs on stdin, replies on stdout.
    #[command(hide = true)]
    ServeWorker(ServeWorkerArgs),
}

#[derive(Debug, Args)]
pub struct ServeWorkerArgs {
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Read articles and write their facts into the store.
///
/// Each document goes into its own named graph, and its triples into the
/// store's default graph (each distinct triple once, what queries read).
/// New documents are bulk-loaded and appear together when the build ends;
/// a changed one is replaced in one transaction; an unchanged one (same
/// content, same councilgraph version, recorded as cg:contentHash) is not
/// rebuilt. Building twice gives the same store. --prune drops documents
/// the inputs no longer hold. Folders are read recursively (.txt, .md, .html, .htm,
/// .jsonl, .ndjson); `-` reads standard input.
#[derive(Debug, Args)]
#[command(
    verbatim_doc_comment,
    after_long_help = "Examples:
  councilgraph build seeds/
  councilgraph build articles/ more.jsonl --store /data/cg.db
  councilgraph build articles/ --prune     # drop documents whose files are gone
  cat story.txt | councilgraph build - --id story-2024-05-01"
)]
pub struct BuildArgs {
    /// Files, folders, or - for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub store: StoreArgs,
    /// Base of minted entity IRIs.
    #[arg(long, value_name = "IRI", default_value = "https://w3id.org/councilgraph/id/")]
    pub base: String,
    #[command(flatten)]
    pub documents: DocumentArgs,
    /// Afterwards, drop from the store every document this run did not read
    /// (a file removed from the inputs, a record gone from a JSON Lines
    /// file; with -, everything but the standard input's document). Skipped
    /// when an input could not be read or the build was interrupted.
    #[arg(long)]
    pub prune: bool,
    /// Print the summary as one JSON object on stdout (documents, quads,
    /// failed with reasons, skipped with reasons, seconds).
    #[arg(long)]
    pub json: bool,
}

/// Bulk-load N-Quads files of documents' named graphs into the store.
///
/// For shards that `councilgraph extract` wrote (on one machine or many):
/// every file is parsed first, and a malformed line stops the load with its
/// file and line, with nothing written. Then the documents new to the store
/// appear at once (one atomic commit), and each one the store held already
/// is replaced in its own transaction. The store's default graph is kept the
/// merge of the named graphs, and the ontology graph comes from this
/// councilgraph, not from the shards. A later `build` over the same articles
/// rebuilds the loaded documents once (they carry no content hash).
#[derive(Debug, Args)]
#[command(
    verbatim_doc_comment,
    after_long_help = "Examples:
  councilgraph extract articles/part-1 > shard-1.nq     # on each machine
  councilgraph load shard-*.nq --store /data/cg.db
  councilgraph query queries/people-by-party.rq --store /data/cg.db"
)]
pub struct LoadArgs {
    /// N-Quads files.
    #[arg(required = true, value_name = "SHARD")]
    pub shards: Vec<PathBuf>,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// How documents are named and bounded (build and extract).
#[derive(Debug, Args, Clone)]
pub struct DocumentArgs {
    /// The identifier of the document read from standard input (default:
    /// stdin- and a hash of the text).
    #[arg(long, value_name = "NAME")]
    pub id: Option<String>,
    /// A document whose text is longer than this is reported and not
    /// extracted.
    #[arg(long, value_name = "BYTES", default_value_t = crate::pipeline::DEFAULT_MAX_DOCUMENT_BYTES)]
    pub max_document_bytes: usize,
    /// Also write each document's text into its graph, as a nif:Context
    /// whose nif:isString the quotations' offsets point into
    /// (nif:referenceContext).
    #[arg(long)]
    pub text: bool,
}

/// Run a SPARQL query over the store.
///
/// QUERY is SPARQL text, the path of a .rq file, or - for standard input.
/// The default graph is the store's own: every distinct triple of the
/// documents' graphs (and the ontology's) once, so a row is not repeated
/// per document; GRAPH ?g { … } reaches each document. SELECT prints an aligned table (the row count goes to
/// stderr) unless --format is csv, tsv, json or xml. CONSTRUCT and DESCRIBE
/// print Turtle unless --format names another RDF format (ntriples, nquads,
/// rdfxml, jsonld); ASK prints true or false (or a result format).
#[derive(Debug, Clone, Args)]
#[command(
    verbatim_doc_comment,
    after_long_help = "Examples:
  councilgraph query queries/councils-by-grade.rq
  councilgraph query 'SELECT ?name WHERE { ?p a <http://schema.org/Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?name }' --format csv
  echo 'ASK { ?s ?p ?o }' | councilgraph query -"
)]
pub struct QueryArgs {
    /// SPARQL text, a .rq file, or -.
    pub query: String,
    #[command(flatten)]
    pub store: StoreArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = QueryFormat::Table)]
    pub format: QueryFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum QueryFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
    #[value(alias = "ttl")]
    Turtle,
    #[value(alias = "nt")]
    Ntriples,
    #[value(alias = "nq")]
    Nquads,
    #[value(alias = "rdf")]
    Rdfxml,
    #[value(alias = "json-ld")]
    Jsonld,
}

/// Write the graph as RDF, or its network as a picture or for graph tools.
///
/// Dataset formats (nquads, trig, jsonld) keep every document's named graph;
/// triple formats (turtle, ntriples, rdfxml) write the store's default
/// graph, the union of the graphs with each distinct triple once. dot, svg, png and pdf draw the network of
/// people, councils, parties and bodies (svg, png and pdf through Graphviz);
/// graphml (Gephi, Cytoscape, yEd) and json (nodes and links, for web graph
/// libraries) carry the same network with its labels and attributes.
#[derive(Debug, Args)]
#[command(
    verbatim_doc_comment,
    after_long_help = "Examples:
  councilgraph export --format turtle > graph.ttl
  councilgraph export --output graph.nq
  councilgraph export --output graph.svg
  councilgraph export --format svg --focus \"Pete Lowe\" --depth 2 > lowe.svg
  councilgraph export --format dot --view councils | dot -Tpng > councils.png
  councilgraph export --output big.svg --max-nodes 150
  councilgraph export --output recent.png --since 2019-01-01 --council Dudley --council Sandwell
  councilgraph export --output connected.svg --isolated omit
  councilgraph export --format graphml --output graph.graphml"
)]
pub struct ExportArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Output format (inferred from --output's extension when not given).
    #[arg(long, short, value_enum)]
    pub format: Option<ExportFormat>,
    /// Write to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Export only this named graph (a document's IRI; RDF formats).
    #[arg(long, value_name = "IRI")]
    pub graph: Option<String>,
    /// Which part of the network to draw (network formats).
    #[arg(long, value_enum, default_value_t = ViewArg::All)]
    pub view: ViewArg,
    /// Only the neighbourhood of the entities whose name contains NAME: drawn
    /// (network formats), or as RDF, their facts and where they came from.
    #[arg(long, value_name = "NAME")]
    pub focus: Option<String>,
    /// How many steps from the --focus entities to draw.
    #[arg(long, default_value_t = 2, value_name = "N")]
    pub depth: usize,
    /// Draw at most N nodes, the best connected (0 draws them all; pictures default to 60, graphml
    /// and json carry every node); the key and stderr count the rest, e.g. --max-nodes 150.
    #[arg(long, value_name = "N")]
    pub max_nodes: Option<usize>,
    /// Nodes with no connection in the view: drawn together in a box of their own (group), or
    /// left out and counted in the key (omit), e.g. --isolated omit.
    #[arg(long, value_enum, default_value_t = IsolatedArg::Group, value_name = "WHAT")]
    pub isolated: IsolatedArg,
    /// Draw only from articles published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD; undated
    /// articles are left out), e.g. --since 2019-01-01.
    #[arg(long, value_name = "DATE", value_parser = date_prefix)]
    pub since: Option<String>,
    /// Draw only from articles that name a council whose name contains NAME (repeat for more),
    /// e.g. --council Dudley --council Sandwell.
    #[arg(long = "council", value_name = "NAME")]
    pub councils: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum IsolatedArg {
    /// Draw them together in a box of their own.
    Group,
    /// Leave them out and count them in the key.
    Omit,
}

/// A date or the start of one: YYYY, YYYY-MM or YYYY-MM-DD.
fn date_prefix(s: &str) -> Result<String, String> {
    let parts: Vec<&str> = s.split('-').collect();
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let in_range = |p: &str, hi: u32| p.parse::<u32>().is_ok_and(|v| (1..=hi).contains(&v));
    let ok = match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2) && in_range(m, 12),
        [y, m, d] => digits(y, 4) && digits(m, 2) && in_range(m, 12) && digits(d, 2) && in_range(d, 31),
        _ => false,
    };
    if ok {
        Ok(s.to_owned())
    } else {
        Err("must be a date as YYYY, YYYY-MM or YYYY-MM-DD, such as 2019-01-01".into())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ViewArg {
    /// Every entity and relation; quotations counted on the speakers.
    All,
    /// People and the parties, councils and bodies they belong to or hold posts in.
    People,
    /// Councils, their controlling parties and councillors, with ratings.
    Councils,
    /// Who was quoted in which article.
    Quotes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    #[value(alias = "ttl")]
    Turtle,
    #[value(alias = "nt")]
    Ntriples,
    #[value(alias = "nq")]
    Nquads,
    Trig,
    #[value(alias = "rdf", alias = "xml")]
    Rdfxml,
    #[value(alias = "json-ld")]
    Jsonld,
    #[value(alias = "gv")]
    Dot,
    Svg,
    Png,
    Pdf,
    Graphml,
    /// Nodes and links as JSON.
    Json,
}

impl ExportFormat {
    /// The format a file extension names.
    pub fn from_extension(path: &std::path::Path) -> Option<Self> {
        Some(match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "ttl" => Self::Turtle,
            "nt" => Self::Ntriples,
            "nq" => Self::Nquads,
            "trig" => Self::Trig,
            "rdf" | "xml" | "owl" => Self::Rdfxml,
            "jsonld" => Self::Jsonld,
            "json" => Self::Json,
            "dot" | "gv" => Self::Dot,
            "svg" => Self::Svg,
            "png" => Self::Png,
            "pdf" => Self::Pdf,
            "graphml" => Self::Graphml,
            _ => return None,
        })
    }
}

/// Print the N-Quads of documents without a store.
///
/// Extraction is a pure function of each document, so this can be piped,
/// sharded and run on many machines; the outputs merge by concatenation.
/// A streaming filter: JSON Lines (a file, or standard input whose first
/// line is a record) is read one line at a time and each batch of
/// documents is written, in input order, as soon as it is done.
#[derive(Debug, Args)]
#[command(
    verbatim_doc_comment,
    after_long_help = "Examples:
  councilgraph extract seeds/000_75f2b3a10f055015.txt
  councilgraph extract articles/ > facts.nq
  cat records.jsonl | councilgraph extract --jsonl - > facts.nq"
)]
pub struct ExtractArgs {
    /// Files, folders, or - for standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Read standard input as JSON Lines (one record per line, each bad
    /// line skipped) even when its first line is not a record.
    #[arg(long)]
    pub jsonl: bool,
    /// Base of minted entity IRIs.
    #[arg(long, value_name = "IRI", default_value = "https://w3id.org/councilgraph/id/")]
    pub base: String,
    #[command(flatten)]
    pub documents: DocumentArgs,
}

/// Show what the graph holds about a person, party, council or body.
///
/// Every entity whose name contains NAME (ignoring case) is listed with its
/// facts, each with the document and the sentence it came from.
#[derive(Debug, Args)]
#[command(
    verbatim_doc_comment,
    after_long_help = "Examples:
  councilgraph explain \"Sarah Norman\"
  councilgraph explain Dudley"
)]
pub struct ExplainArgs {
    /// A name, or part of one.
    pub name: String,
    #[command(flatten)]
    pub store: StoreArgs,
}

/// Serve the store as a SPARQL 1.1 Protocol endpoint.
///
/// GET /sparql?query=…, or POST with application/sparql-query or a form;
/// results by content negotiation (SPARQL JSON, XML, CSV, TSV; Turtle,
/// N-Triples, JSON-LD, RDF/XML for CONSTRUCT and DESCRIBE). The default
/// graph is the store's: every distinct triple of the documents' graphs once
/// (default-graph-uri and named-graph-uri replace it). GET /sparql alone gives the service
/// description. Read-only unless --allow-update, and updates from other
/// origins are always refused. Entity IRIs under --base are served at
/// /id/PATH (HTML, or RDF by Accept); GET / is a page with a search box and
/// the queries of queries/. Each query runs in a worker process, killed
/// after --timeout. Stops on Ctrl-C (exit status 130).
#[derive(Debug, Args)]
#[command(
    verbatim_doc_comment,
    after_long_help = "Examples:
  councilgraph serve
  councilgraph serve --bind 127.0.0.1:8000 --timeout 10
  curl 'http://127.0.0.1:7878/sparql?query=ASK%7B%7D'
  curl -H 'Accept: text/turtle' http://127.0.0.1:7878/id/person/sarah-norman/e08000027
  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' http://127.0.0.1:7878/sparql"
)]
pub struct ServeArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Address to listen on (loopback by default; 0.0.0.0 exposes it to the network).
    #[arg(long, default_value = "127.0.0.1:7878", value_name = "ADDR")]
    pub bind: String,
    /// Stop a query after this many seconds (at most 86400).
    #[arg(long, default_value_t = 30.0, value_name = "SECONDS", value_parser = seconds)]
    pub timeout: f64,
    /// Close a connection whose request head, or body, takes longer than this many seconds to arrive.
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS", value_parser = seconds)]
    pub read_timeout: f64,
    /// Refuse request bodies larger than this many bytes (at most 1 GiB).
    #[arg(long, default_value_t = 1_048_576, value_name = "BYTES",
          value_parser = clap::value_parser!(u64).range(1..=1 << 30))]
    pub max_body: u64,
    /// Accept SPARQL updates (the store is then opened for writing); never from other origins.
    #[arg(long)]
    pub allow_update: bool,
    /// The base of the entity IRIs (as given to build): IRI BASE+PATH is served at /id/PATH.
    #[arg(long, value_name = "IRI", default_value = "https://w3id.org/councilgraph/id/")]
    pub base: String,
    /// Queries evaluated at once.
    #[arg(long, default_value_t = 4, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub threads: u16,
}

/// A number of seconds: positive, finite, at most a day.
fn seconds(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if v > 0.0 && v <= 86_400.0 => Ok(v),
        Ok(_) => Err("must be more than 0 and at most 86400 seconds".into()),
        Err(_) => Err("must be a number of seconds, such as 30 or 0.5".into()),
    }
}

/// Send every document's graph to an external triple store.
///
/// With the SPARQL 1.1 Graph Store HTTP Protocol (gsp: PUT per graph, so
/// pushing twice leaves the remote store the same) or SPARQL 1.1 Update
/// (update: DROP SILENT GRAPH + INSERT DATA per graph) for stores without
/// it. Reports each graph on stderr; exits 1 if any graph failed. Basic and
/// Digest authentication; the password is read from an environment
/// variable and never printed.
#[derive(Debug, Args)]
#[command(
    verbatim_doc_comment,
    after_long_help = "Examples:
  councilgraph push --endpoint http://127.0.0.1:7878/store                       # Oxigraph server
  councilgraph push --endpoint http://127.0.0.1:3030/ds/data                     # Apache Jena Fuseki
  VT_PW=dba councilgraph push --endpoint http://127.0.0.1:8890/sparql-graph-crud-auth --user dba --password-env VT_PW
  VT_PW=dba councilgraph push --protocol update --endpoint http://127.0.0.1:8890/sparql-auth --user dba --password-env VT_PW"
)]
pub struct PushArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// The Graph Store endpoint (gsp) or the update endpoint (update).
    #[arg(long, value_name = "URL")]
    pub endpoint: String,
    #[arg(long, value_enum, default_value_t = PushProtocol::Gsp)]
    pub protocol: PushProtocol,
    /// User name for Basic or Digest authentication.
    #[arg(long, value_name = "USER", requires = "password_env")]
    pub user: Option<String>,
    /// The environment variable that holds the password.
    #[arg(long, value_name = "VAR", requires = "user")]
    pub password_env: Option<String>,
    /// Triples per request.
    #[arg(long, default_value_t = 500, value_name = "N")]
    pub batch: usize,
    /// Attempts after a transient failure (connection error, 5xx), with backoff.
    #[arg(long, default_value_t = 3, value_name = "N")]
    pub retries: u32,
    /// Seconds to wait for each request.
    #[arg(long, default_value_t = 60.0, value_name = "SECONDS")]
    pub timeout: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PushProtocol {
    /// SPARQL 1.1 Graph Store HTTP Protocol.
    Gsp,
    /// SPARQL 1.1 Update.
    Update,
}

/// Print a shell completion script.
///
/// Completes commands, options and their values (formats, views,
/// protocols). Load it from the shell's start-up file.
#[derive(Debug, Args)]
#[command(
    verbatim_doc_comment,
    after_long_help = "Examples:
  councilgraph completions bash > ~/.local/share/bash-completion/completions/councilgraph
  councilgraph completions zsh > ~/.zfunc/_councilgraph
  councilgraph completions fish > ~/.config/fish/completions/councilgraph.fish
  source <(councilgraph completions bash)"
)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Print a manual page (roff) on stdout, or write them all.
///
/// The pages come from the same definition as --help: councilgraph(1) and
/// one page per command, councilgraph-build(1) and so on.
#[derive(Debug, Args)]
#[command(
    verbatim_doc_comment,
    after_long_help = "Examples:
  councilgraph man | man -l -
  councilgraph man export | man -l -
  councilgraph man --dir /usr/local/share/man/man1"
)]
pub struct ManArgs {
    /// The command whose page to print (default: the program's own page).
    #[arg(value_name = "COMMAND", conflicts_with = "dir")]
    pub command: Option<String>,
    /// Write every page into DIR (councilgraph.1, councilgraph-build.1, …).
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
