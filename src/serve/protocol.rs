//! The SPARQL 1.1 Protocol: reading the operation from a request, content
//! negotiation, and running it with a time limit.

use super::Settings;
use crate::export::rdf::{with_prefixes, RdfExportFormat};
use oxigraph::io::RdfSerializer;
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::io::Read;
use std::sync::mpsc;

/// A response, before it becomes tiny_http's.
pub struct Reply {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
}

impl Reply {
    fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self { status, content_type: content_type.to_owned(), body: body.into() }
    }
    fn text(status: u16, msg: impl Into<String>) -> Self {
        let mut m = msg.into();
        m.push('\n');
        Self::new(status, "text/plain; charset=utf-8", m)
    }

    pub fn into_tiny(self) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
        let header = |k: &str, v: &str| tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()).ok();
        let mut r = tiny_http::Response::from_data(self.body).with_status_code(self.status);
        for h in [
            header("Content-Type", &self.content_type),
            header("Access-Control-Allow-Origin", "*"),
            header("Access-Control-Allow-Methods", "GET, POST, OPTIONS"),
            header("Access-Control-Allow-Headers", "Content-Type, Accept"),
            header("Vary", "Accept"),
        ]
        .into_iter()
        .flatten()
        {
            r.add_header(h);
        }
        r
    }
}

enum Operation {
    Query(String),
    Update(String),
}

fn header<'a>(request: &'a tiny_http::Request, name: &str) -> Option<&'a str> {
    request.headers().iter().find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name)).map(|h| h.value.as_str())
}

/// Decodes `application/x-www-form-urlencoded` pairs.
pub fn form_pairs(s: &str) -> Vec<(String, String)> {
    s.split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Answers one request.
pub fn respond(store: &Store, settings: &Settings, request: &mut tiny_http::Request) -> Reply {
    let method = request.method().as_str().to_ascii_uppercase();
    let url = request.url().to_owned();
    let (path, query_string) = url.split_once('?').unwrap_or((&url, ""));
    if method == "OPTIONS" {
        return Reply::new(204, "text/plain", Vec::new());
    }
    match path {
        "/" | "/index.html" if method == "GET" => {
            return Reply::new(200, "text/html; charset=utf-8", super::page::index())
        }
        "/sparql" | "/query" | "/update" => {}
        _ => return Reply::text(404, format!("no such page {path}: the SPARQL endpoint is /sparql")),
    }
    let params = form_pairs(query_string);
    let param = |name: &str, pairs: &[(String, String)]| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let op = match method.as_str() {
        "GET" => match (param("query", &params), param("update", &params)) {
            (Some(q), _) => Operation::Query(q),
            (None, Some(_)) => return Reply::text(405, "updates must be sent with POST"),
            (None, None) => return Reply::text(400, "missing the query parameter: /sparql?query=SELECT…"),
        },
        "POST" => {
            let mut body = Vec::new();
            let limit = settings.max_body as u64;
            if let Err(e) = request.as_reader().take(limit + 1).read_to_end(&mut body) {
                return Reply::text(400, format!("cannot read the request body: {e}"));
            }
            if body.len() as u64 > limit {
                return Reply::text(413, format!("request body over the limit of {} bytes", settings.max_body));
            }
            let body = String::from_utf8_lossy(&body).into_owned();
            let ctype = header(request, "Content-Type")
                .unwrap_or("")
                .split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            match ctype.as_str() {
                "application/sparql-query" => Operation::Query(body),
                "application/sparql-update" => Operation::Update(body),
                "application/x-www-form-urlencoded" | "" => {
                    let pairs = form_pairs(&body);
                    match (param("query", &pairs), param("update", &pairs)) {
                        (Some(q), _) => Operation::Query(q),
                        (None, Some(u)) => Operation::Update(u),
                        _ => return Reply::text(400, "missing the query or update parameter"),
                    }
                }
                other => return Reply::text(415, format!("unsupported Content-Type {other}: use application/sparql-query, application/sparql-update or a form")),
            }
        }
        _ => return Reply::text(405, format!("method {method} not allowed: use GET or POST")),
    };
    let accept = param("format", &params).or_else(|| header(request, "Accept").map(str::to_owned)).unwrap_or_default();
    match op {
        Operation::Update(u) => update(store, settings, &u),
        Operation::Query(q) => query(store, settings, &q, &accept),
    }
}

fn update(store: &Store, settings: &Settings, update: &str) -> Reply {
    if !settings.allow_update {
        return Reply::text(
            403,
            "this endpoint is read-only: updates are refused (start it with --allow-update to allow them)",
        );
    }
    match SparqlEvaluator::new().parse_update(update) {
        Err(e) => Reply::text(400, format!("invalid SPARQL update: {}", crate::query::one_line(&e.to_string()))),
        Ok(prepared) => match prepared.on_store(store).execute() {
            Ok(()) => Reply::new(204, "text/plain", Vec::new()),
            Err(e) => Reply::text(500, format!("update failed: {e}")),
        },
    }
}

/// Picks a results format from an Accept header (or a `format` parameter).
fn results_format(accept: &str) -> QueryResultsFormat {
    let a = accept.to_ascii_lowercase();
    let order = [
        ("sparql-results+json", QueryResultsFormat::Json),
        ("application/json", QueryResultsFormat::Json),
        ("sparql-results+xml", QueryResultsFormat::Xml),
        ("application/xml", QueryResultsFormat::Xml),
        ("text/csv", QueryResultsFormat::Csv),
        ("text/tab-separated-values", QueryResultsFormat::Tsv),
        ("json", QueryResultsFormat::Json),
        ("xml", QueryResultsFormat::Xml),
        ("csv", QueryResultsFormat::Csv),
        ("tsv", QueryResultsFormat::Tsv),
    ];
    // the first media type of the header that we know
    for part in a.split(',') {
        let media = part.split(';').next().unwrap_or("").trim();
        if let Some((_, f)) = order.iter().find(|(k, _)| media.contains(k)) {
            return *f;
        }
    }
    QueryResultsFormat::Json
}

fn graph_format(accept: &str) -> RdfExportFormat {
    let a = accept.to_ascii_lowercase();
    for part in a.split(',') {
        let media = part.split(';').next().unwrap_or("").trim();
        let f = match media {
            "text/turtle" | "turtle" | "ttl" => Some(RdfExportFormat::Turtle),
            "application/n-triples" | "ntriples" | "nt" => Some(RdfExportFormat::NTriples),
            "application/ld+json" | "jsonld" | "json-ld" => Some(RdfExportFormat::JsonLd),
            "application/rdf+xml" | "rdfxml" | "xml" => Some(RdfExportFormat::RdfXml),
            _ => None,
        };
        if let Some(f) = f {
            return f;
        }
    }
    RdfExportFormat::Turtle
}

fn media_type(f: QueryResultsFormat) -> &'static str {
    match f {
        QueryResultsFormat::Json => "application/sparql-results+json",
        QueryResultsFormat::Xml => "application/sparql-results+xml",
        QueryResultsFormat::Csv => "text/csv; charset=utf-8",
        _ => "text/tab-separated-values; charset=utf-8",
    }
}

fn graph_media_type(f: RdfExportFormat) -> &'static str {
    match f {
        RdfExportFormat::Turtle => "text/turtle",
        RdfExportFormat::NTriples => "application/n-triples",
        RdfExportFormat::JsonLd => "application/ld+json",
        _ => "application/rdf+xml",
    }
}

/// Runs the query on another thread, cancelling it past the time limit.
fn query(store: &Store, settings: &Settings, query: &str, accept: &str) -> Reply {
    let token = CancellationToken::new();
    let prepared =
        match crate::query::prepare_with(query, SparqlEvaluator::new().with_cancellation_token(token.clone())) {
            Ok(p) => p,
            Err(e) => return Reply::text(400, e.to_string()),
        };
    let (tx, rx) = mpsc::channel();
    let store = store.clone();
    let accept = accept.to_owned();
    std::thread::spawn(move || {
        let _ = tx.send(run(&store, prepared, &accept));
    });
    match rx.recv_timeout(settings.timeout) {
        Ok(r) => r,
        Err(_) => {
            token.cancel();
            Reply::text(
                503,
                format!("the query ran past the time limit of {} s and was stopped", settings.timeout.as_secs_f64()),
            )
        }
    }
}

fn run(store: &Store, prepared: oxigraph::sparql::PreparedSparqlQuery, accept: &str) -> Reply {
    let fail = |e: &dyn std::fmt::Display| Reply::text(500, format!("query failed: {e}"));
    let results = match prepared.on_store(store).execute() {
        Ok(r) => r,
        Err(e) => return fail(&e),
    };
    let mut body = Vec::new();
    match results {
        QueryResults::Solutions(solutions) => {
            let f = results_format(accept);
            let variables = solutions.variables().to_vec();
            let mut w = match QueryResultsSerializer::from_format(f).serialize_solutions_to_writer(&mut body, variables)
            {
                Ok(w) => w,
                Err(e) => return fail(&e),
            };
            for s in solutions {
                let s = match s {
                    Ok(s) => s,
                    Err(e) => return fail(&e),
                };
                if let Err(e) = w.serialize(&s) {
                    return fail(&e);
                }
            }
            if let Err(e) = w.finish() {
                return fail(&e);
            }
            Reply::new(200, media_type(f), body)
        }
        QueryResults::Boolean(b) => {
            let f = results_format(accept);
            if let Err(e) = QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(&mut body, b) {
                return fail(&e);
            }
            Reply::new(200, media_type(f), body)
        }
        QueryResults::Graph(triples) => {
            let f = graph_format(accept);
            let Some(rf) = f.rdf_format() else { return Reply::text(406, "unsupported RDF format") };
            let mut ser = with_prefixes(RdfSerializer::from_format(rf)).for_writer(&mut body);
            for t in triples {
                let t = match t {
                    Ok(t) => t,
                    Err(e) => return fail(&e),
                };
                if let Err(e) = ser.serialize_triple(&t) {
                    return fail(&e);
                }
            }
            if let Err(e) = ser.finish() {
                return fail(&e);
            }
            Reply::new(200, graph_media_type(f), body)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_and_negotiation() {
        assert_eq!(
            form_pairs("query=SELECT+%3Fx%20WHERE&x="),
            [("query".into(), "SELECT ?x WHERE".into()), ("x".into(), String::new())]
        );
        assert_eq!(form_pairs("q=100%"), [("q".into(), "100%".into())]);
        assert_eq!(results_format("text/csv, application/json;q=0.5"), QueryResultsFormat::Csv);
        assert_eq!(results_format("*/*"), QueryResultsFormat::Json);
        assert_eq!(graph_format("application/n-triples"), RdfExportFormat::NTriples);
    }
}
