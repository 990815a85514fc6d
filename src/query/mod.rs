//! Query: SPARQL over the store, whose default graph holds every distinct
//! triple of the documents' graphs once (`GRAPH ?g` reaches each document); results as an aligned table or as the W3C SPARQL 1.1
//! result formats (CSV, TSV, JSON, XML); CONSTRUCT and DESCRIBE as RDF.

pub mod explain;
pub mod guard;
pub mod messages;
mod table;
pub mod wording;

use crate::export::rdf::{with_prefixes, RdfExportFormat};
use oxigraph::model::Term;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::io::Write;

/// How query results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    /// An aligned table for people (SELECT); Turtle for graphs.
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
    /// For CONSTRUCT/DESCRIBE results.
    Rdf(RdfExportFormat),
}

/// What a query run printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Rows(usize),
    Boolean(bool),
    Triples(usize),
}

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    #[error("cannot read the query from {path}: {source}")]
    Read { path: String, source: std::io::Error },
    #[error("the query is empty")]
    Empty,
    /// The whole message, from [`messages::syntax`].
    #[error("{0}")]
    Syntax(String),
    #[error("no query file {0}: give SPARQL text, the path of a .rq file, or - for standard input")]
    NoFile(String),
    #[error("query refused: {0}")]
    Shape(#[from] guard::ShapeError),
    #[error("query failed: {0}")]
    Evaluation(String),
    #[error("writing results: {0}")]
    Write(#[from] std::io::Error),
    #[error("--format {0} does not fit this query: {1}")]
    Format(&'static str, &'static str),
}

/// The query text from an argument: a path to an existing file, `-` for
/// standard input, or the SPARQL itself.
pub fn read_query_arg(arg: &str) -> Result<String, QueryError> {
    let text = if arg == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)
            .map_err(|e| QueryError::Read { path: "-".into(), source: e })?;
        s
    } else if !arg.contains('\n') && !arg.contains('{') && std::path::Path::new(arg).is_file() {
        std::fs::read_to_string(arg).map_err(|e| QueryError::Read { path: arg.into(), source: e })?
    } else if arg.ends_with(".rq") && !arg.contains(' ') {
        return Err(QueryError::NoFile(arg.into()));
    } else {
        arg.to_owned()
    };
    if text.trim().is_empty() {
        return Err(QueryError::Empty);
    }
    Ok(text)
}

/// Parses a query for this store: the default graph is the store's, the
/// deduplicated merge of all named graphs.
pub fn prepare(query: &str) -> Result<oxigraph::sparql::PreparedSparqlQuery, QueryError> {
    prepare_with(query, SparqlEvaluator::new())
}

/// Like [`prepare`], with an evaluator of the caller's (a time limit, say).
pub fn prepare_with(
    query: &str,
    evaluator: SparqlEvaluator,
) -> Result<oxigraph::sparql::PreparedSparqlQuery, QueryError> {
    guard::check(query)?;
    // The store's own default graph holds every distinct triple of the
    // documents' graphs once; FROM and FROM NAMED, when the query has them,
    // choose another dataset.
    evaluator.parse_query(query).map_err(|e| QueryError::Syntax(messages::syntax(query, &e.to_string())))
}

/// A parser message on one line: white space folded, and a long list of
/// expected tokens cut short.
pub fn one_line(msg: &str) -> String {
    let folded = msg.split_whitespace().collect::<Vec<_>>().join(" ");
    if folded.chars().count() <= 160 {
        return folded;
    }
    let cut: String = folded.chars().take(150).collect();
    let cut = cut.rsplit_once(", ").map_or(cut.as_str(), |(a, _)| a).to_owned();
    format!("{cut}, …")
}

/// Runs a query and writes its results.
pub fn run(store: &Store, query: &str, format: ResultFormat, out: &mut dyn Write) -> Result<Outcome, QueryError> {
    let results = prepare(query)?.on_store(store).execute().map_err(|e| QueryError::Evaluation(e.to_string()))?;
    let results_format = |f: ResultFormat| match f {
        ResultFormat::Csv => Some(QueryResultsFormat::Csv),
        ResultFormat::Tsv => Some(QueryResultsFormat::Tsv),
        ResultFormat::Json => Some(QueryResultsFormat::Json),
        ResultFormat::Xml => Some(QueryResultsFormat::Xml),
        _ => None,
    };
    match results {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            let mut rows: Vec<Vec<Option<Term>>> = Vec::new();
            for s in solutions {
                let s = s.map_err(|e| QueryError::Evaluation(e.to_string()))?;
                rows.push(s.values().to_vec());
            }
            match format {
                ResultFormat::Table => table::write(out, &variables, &rows)?,
                ResultFormat::Rdf(f) => {
                    return Err(QueryError::Format(
                        rdf_name(f),
                        "a SELECT query gives rows: use table, csv, tsv, json or xml",
                    ))
                }
                f => {
                    let rf = results_format(f).unwrap_or(QueryResultsFormat::Csv);
                    let mut w = QueryResultsSerializer::from_format(rf)
                        .serialize_solutions_to_writer(&mut *out, variables.clone())?;
                    for row in &rows {
                        w.serialize(
                            variables.iter().zip(row).filter_map(|(v, t)| t.as_ref().map(|t| (v.as_ref(), t.as_ref()))),
                        )?;
                    }
                    w.finish()?;
                }
            }
            Ok(Outcome::Rows(rows.len()))
        }
        QueryResults::Boolean(b) => {
            match results_format(format) {
                Some(rf) => {
                    QueryResultsSerializer::from_format(rf).serialize_boolean_to_writer(&mut *out, b)?;
                }
                None => writeln!(out, "{b}")?,
            }
            Ok(Outcome::Boolean(b))
        }
        QueryResults::Graph(triples) => {
            let rdf = match format {
                ResultFormat::Rdf(f) => f,
                ResultFormat::Table => RdfExportFormat::Turtle,
                other => {
                    return Err(QueryError::Format(
                        format_name(other),
                        "CONSTRUCT and DESCRIBE give triples: use turtle, ntriples, nquads, rdfxml or jsonld",
                    ))
                }
            };
            let Some(rdf_format) = rdf.rdf_format() else {
                return Err(QueryError::Format("dot", "use turtle, ntriples, nquads, rdfxml or jsonld"));
            };
            let mut ser = with_prefixes(oxigraph::io::RdfSerializer::from_format(rdf_format)).for_writer(&mut *out);
            let mut n = 0;
            for t in triples {
                let t = t.map_err(|e| QueryError::Evaluation(e.to_string()))?;
                ser.serialize_triple(&t)?;
                n += 1;
            }
            ser.finish()?;
            Ok(Outcome::Triples(n))
        }
    }
}

/// The `--format` name of a format.
fn format_name(f: ResultFormat) -> &'static str {
    match f {
        ResultFormat::Table => "table",
        ResultFormat::Csv => "csv",
        ResultFormat::Tsv => "tsv",
        ResultFormat::Json => "json",
        ResultFormat::Xml => "xml",
        ResultFormat::Rdf(r) => rdf_name(r),
    }
}

/// The `--format` name of an RDF format.
fn rdf_name(f: RdfExportFormat) -> &'static str {
    match f {
        RdfExportFormat::Turtle => "turtle",
        RdfExportFormat::NTriples => "ntriples",
        RdfExportFormat::NQuads => "nquads",
        RdfExportFormat::TriG => "trig",
        RdfExportFormat::RdfXml => "rdfxml",
        RdfExportFormat::JsonLd => "jsonld",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_say_where() {
        let e = prepare("SELECT ?x WHERE { ?x ?y }").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(e.starts_with("invalid SPARQL"), "{e}");
        assert!(e.chars().any(|c| c.is_ascii_digit()), "no position in: {e}");
    }

    #[test]
    fn inline_query_or_file() {
        assert_eq!(read_query_arg("ASK {}").ok().as_deref(), Some("ASK {}"));
        assert!(read_query_arg("missing.rq").is_err());
        assert!(matches!(read_query_arg("  "), Err(QueryError::Empty)));
    }
}
