//! Running queries and updates. A query is checked ([`guard`]), then sent to
//! a worker process ([`super::pool`]) that parses it, evaluates it on a
//! thread with a large stack and writes its results in the negotiated
//! format. oxigraph's `CancellationToken` is checked only when evaluation
//! reads the store, so a cross product or an aggregate over results held in
//! memory would run on long after its time limit; a worker is killed
//! instead, which stops the work and frees its memory at once.

use super::negotiate::{Format, GRAPHS, RESULTS};
use super::protocol::negotiate;
use super::reply::Reply;
use super::Shared;
use crate::export::rdf::with_prefixes;
use crate::query::guard;
use oxigraph::io::RdfSerializer;
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode};
use oxigraph::sparql::results::QueryResultsSerializer;
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use serde::{Deserialize, Serialize};
use spargebra::{Query, SparqlParser};
use std::time::Instant;

/// The dataset named by the protocol's `default-graph-uri` and
/// `named-graph-uri` (both empty: the query's own, else the store's default graph).
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Dataset {
    pub default: Vec<String>,
    pub named: Vec<String>,
}

/// Runs a query in a worker process and answers with its results, or
/// 503 when the time limit is up (the worker is then killed, so the work
/// stops and its memory is freed at once).
pub fn query(shared: &Shared, text: &str, dataset: &Dataset, formats: &[&str], accept: Option<&str>) -> Reply {
    if let Err(e) = guard::check(text) {
        return Reply::text(400, format!("query refused: {e}"));
    }
    let job = Job {
        text: text.to_owned(),
        dataset: dataset.clone(),
        formats: formats.iter().map(|s| (*s).to_owned()).collect(),
        accept: accept.map(str::to_owned),
    };
    shared.pool.run(&job, Instant::now() + shared.settings.timeout)
}

/// Runs an update (no time limit: an update is not stopped halfway).
pub fn update(shared: &Shared, text: &str) -> Reply {
    if let Err(e) = guard::check(text) {
        return Reply::text(400, format!("update refused: {e}"));
    }
    let store = shared.store.get();
    let text = text.to_owned();
    let run = move || match SparqlEvaluator::new().parse_update(&text) {
        Err(e) => Reply::text(400, format!("invalid SPARQL update: {}", crate::query::one_line(&e.to_string()))),
        Ok(prepared) => match prepared.on_store(&store).execute() {
            Ok(()) => Reply::new(204, "text/plain", Vec::new()),
            Err(e) => Reply::text(500, format!("update failed: {e}")),
        },
    };
    let reply = guard::on_query_stack(run).unwrap_or_else(|| Reply::text(500, "the update stopped without an answer"));
    if reply.status == 204 {
        // workers read a snapshot: new ones see the update
        shared.pool.retire_all();
    }
    reply
}

/// A query and how to answer it: what a worker process is sent.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Job {
    pub text: String,
    pub dataset: Dataset,
    pub formats: Vec<String>,
    pub accept: Option<String>,
}

impl Job {
    /// Parses, negotiates, evaluates and serialises (call it on a thread
    /// with a large stack: [`guard::on_query_stack`]).
    pub fn run(&self, store: &Store) -> Reply {
        let parsed = match SparqlParser::new().parse_query(&self.text) {
            Ok(q) => q,
            Err(e) => return Reply::text(400, crate::query::messages::syntax(&self.text, &e.to_string())),
        };
        let graphs = matches!(parsed, Query::Construct { .. } | Query::Describe { .. });
        let formats: Vec<&str> = self.formats.iter().map(String::as_str).collect();
        let format = match negotiate(&formats, self.accept.as_deref(), if graphs { GRAPHS } else { RESULTS }, graphs) {
            Ok(f) => f,
            Err(reply) => return reply,
        };
        let mut prepared = SparqlEvaluator::new().for_query(parsed);
        if let Err(reply) = set_dataset(prepared.dataset_mut(), &self.dataset) {
            return reply;
        }
        match prepared.on_store(store).execute() {
            Ok(results) => write(results, format),
            Err(e) => Reply::text(500, format!("query failed: {e}")),
        }
    }
}

fn set_dataset(spec: &mut oxigraph::sparql::QueryDataset, dataset: &Dataset) -> Result<(), Reply> {
    if dataset.default.is_empty() && dataset.named.is_empty() {
        // the store's default graph: the merged triples, each once
        return Ok(());
    }
    let iri = |s: &String| {
        NamedNode::new(s.as_str())
            .map_err(|e| Reply::text(400, format!("invalid graph IRI {}: {e}", super::protocol::clean(s))))
    };
    let default = dataset.default.iter().map(|s| iri(s).map(GraphName::from)).collect::<Result<Vec<_>, _>>()?;
    let named = dataset.named.iter().map(|s| iri(s).map(NamedOrBlankNode::from)).collect::<Result<Vec<_>, _>>()?;
    spec.set_default_graph(default);
    spec.set_available_named_graphs(named);
    Ok(())
}

/// Serialises results in the chosen format.
fn write(results: QueryResults<'_>, format: Format) -> Reply {
    let fail = |e: &dyn std::fmt::Display| Reply::text(500, format!("query failed: {e}"));
    let mut body = Vec::new();
    let written: Result<(), Box<dyn std::error::Error>> = match (results, format) {
        (QueryResults::Solutions(solutions), Format::Results(f)) => (|| {
            let variables = solutions.variables().to_vec();
            let mut w = QueryResultsSerializer::from_format(f).serialize_solutions_to_writer(&mut body, variables)?;
            for s in solutions {
                w.serialize(&s?)?;
            }
            w.finish()?;
            Ok(())
        })(),
        (QueryResults::Boolean(b), Format::Results(f)) => QueryResultsSerializer::from_format(f)
            .serialize_boolean_to_writer(&mut body, b)
            .map(|_| ())
            .map_err(Into::into),
        (QueryResults::Graph(triples), Format::Rdf(f)) => (|| {
            let rf = f.rdf_format().ok_or("no such RDF format")?;
            // a graph is a set: the union default graph gives a triple once per document
            let mut graph = oxigraph::model::Graph::new();
            for t in triples {
                graph.insert(&t?);
            }
            let mut ser = with_prefixes(RdfSerializer::from_format(rf)).for_writer(&mut body);
            for t in &graph {
                ser.serialize_triple(t)?;
            }
            ser.finish()?;
            Ok(())
        })(),
        _ => Err("the negotiated format does not fit the results".into()),
    };
    match written {
        Ok(()) => Reply::new(200, format.media_type(), body),
        Err(e) => fail(&e),
    }
}
