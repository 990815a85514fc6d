//! Issue 11, item 1: the SPARQL 1.1 Protocol and Service Description as
//! Oxigraph server does them, checked with plain HTTP and with SPARQLWrapper.

use super::{get, request, start};
use crate::util::{cli_count, encode, have, seed_store};
use std::process::Command;

const COUNT: &str = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
const DOC: &str = "https://w3id.org/councilgraph/id/doc/003_ffc3ee22a31ed9e6";

fn count_of(a: &super::Answer) -> String {
    a.text().lines().nth(1).unwrap_or("").trim().to_owned()
}

#[test]
fn negotiation_with_q_values_406_head_and_format() {
    let s = start(seed_store(), &[]);
    let q = format!("/sparql?query={}", encode(COUNT));
    let media = |a: &super::Answer| a.header("content-type").unwrap_or("").to_owned();
    let a = get(&s.addr, &q, "text/csv;q=0.5, application/sparql-results+xml");
    assert!(media(&a).starts_with("application/sparql-results+xml"), "{a:?}");
    let a = get(&s.addr, &q, "application/sparql-results+xml;q=0.2, text/tab-separated-values;q=0.9");
    assert!(media(&a).starts_with("text/tab-separated-values"), "{a:?}");
    assert!(media(&get(&s.addr, &q, "")).starts_with("application/sparql-results+json"));
    assert!(media(&get(&s.addr, &q, "*/*")).starts_with("application/sparql-results+json"));
    for unsupported in ["image/png", "text/turtle", "application/sparql-results+json;q=0"] {
        let a = get(&s.addr, &q, unsupported);
        assert_eq!(a.status, 406, "{unsupported}: {}", a.text());
        assert!(a.text().contains("available are"), "{}", a.text());
    }
    let construct = format!("/sparql?query={}", encode("CONSTRUCT WHERE { ?s a ?o } LIMIT 2"));
    assert_eq!(get(&s.addr, &construct, "text/csv").status, 406);
    assert!(media(&get(&s.addr, &construct, "application/ld+json;q=0.9, text/turtle;q=0.1"))
        .starts_with("application/ld+json"));
    // HEAD: the GET's headers, no body
    let head = request(&s.addr, "HEAD", &q, &[("Accept", "text/csv")], b"");
    let full = get(&s.addr, &q, "text/csv");
    assert_eq!((head.status, head.body.len()), (200, 0));
    assert_eq!(head.header("content-length"), full.header("content-length"));
    // format= is honoured for the names it documents, ignored otherwise
    let a = get(&s.addr, &format!("{q}&format=csv"), "application/sparql-results+json");
    assert!(media(&a).starts_with("text/csv"), "{a:?}");
    let a = get(&s.addr, &format!("{q}&format=nonsense"), "text/csv");
    assert!(media(&a).starts_with("text/csv"), "{a:?}");
    let a = get(&s.addr, &format!("{construct}&format=xml"), "");
    assert!(media(&a).starts_with("application/rdf+xml"), "{a:?}");
    // an update over GET is refused with the methods that work
    let a = get(&s.addr, &format!("/sparql?update={}", encode("CLEAR ALL")), "");
    assert_eq!((a.status, a.header("allow")), (405, Some("POST")));
}

#[test]
fn the_protocol_dataset_replaces_the_union() {
    let s = start(seed_store(), &[]);
    let csv = |target: &str| count_of(&get(&s.addr, target, "text/csv"));
    let q = format!("/sparql?query={}", encode(COUNT));
    let all = csv(&q);
    let one = csv(&format!("{q}&default-graph-uri={}", encode(DOC)));
    let one_graph = format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{DOC}> {{ ?s ?p ?o }} }}");
    let (all_cli, one_cli) = (cli_count(seed_store(), COUNT), cli_count(seed_store(), &one_graph));
    assert_eq!(all, all_cli);
    assert_eq!(one, one_cli);
    assert_ne!(all, one);
    let graphs = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
    let named = format!("/sparql?query={}&named-graph-uri={}", encode(graphs), encode(DOC));
    assert_eq!(csv(&named), "1");
    // the same by POST with a form, and in a direct POST's URL
    let form = format!("query={}&default-graph-uri={}", encode(COUNT), encode(DOC));
    let form_type = ("Content-Type", "application/x-www-form-urlencoded");
    let a = request(&s.addr, "POST", "/sparql", &[form_type, ("Accept", "text/csv")], form.as_bytes());
    assert_eq!(count_of(&a), one_cli);
    let direct = format!("/sparql?default-graph-uri={}", encode(DOC));
    let headers = [("Content-Type", "application/sparql-query"), ("Accept", "text/csv")];
    assert_eq!(count_of(&request(&s.addr, "POST", &direct, &headers, COUNT.as_bytes())), one_cli);
    let bad = get(&s.addr, &format!("{q}&default-graph-uri=not%20an%20iri"), "");
    assert_eq!(bad.status, 400, "{}", bad.text());
}

#[test]
fn the_service_description_parses_in_rdflib() {
    if !have("python3", &["-c", "import rdflib"]) {
        return;
    }
    let s = start(seed_store(), &[]);
    let script = r#"
import sys, urllib.request, rdflib
url, accept, fmt = sys.argv[1:]
req = urllib.request.Request(url, headers={"Accept": accept})
with urllib.request.urlopen(req) as r:
    body, ctype = r.read(), r.headers["Content-Type"]
g = rdflib.Graph().parse(data=body, format=fmt)
SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
print(ctype.split(";")[0], len(g), next(g.objects(None, SD.endpoint)), sep="|")
"#;
    let url = format!("http://{}/sparql", s.addr);
    for (accept, fmt, media) in [
        ("text/turtle", "turtle", "text/turtle"),
        ("application/ld+json", "json-ld", "application/ld+json"),
        ("application/rdf+xml", "xml", "application/rdf+xml"),
        ("application/n-triples", "nt", "application/n-triples"),
    ] {
        let out =
            Command::new("python3").args(["-c", script, &url, accept, fmt]).output().unwrap_or_else(|e| panic!("{e}"));
        assert!(out.status.success(), "{accept}: {}", String::from_utf8_lossy(&out.stderr));
        let line = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        let fields: Vec<&str> = line.split('|').collect();
        assert_eq!(fields[0], media, "{line}");
        assert!(fields[1].parse::<usize>().is_ok_and(|n| n >= 14), "{line}");
        assert_eq!(fields[2], url, "{line}");
    }
    // a browser (preferring HTML) gets the query page
    let a = get(&s.addr, "/sparql", "text/html,application/xhtml+xml,*/*;q=0.8");
    assert!(a.text().contains("<textarea"), "{}", a.text());
}

#[test]
fn sparqlwrapper_gets_every_format_it_asks_for() {
    if !have("python3", &["-c", "import SPARQLWrapper"]) {
        return;
    }
    let s = start(seed_store(), &[]);
    let script = r#"
import sys, warnings
from SPARQLWrapper import SPARQLWrapper, JSON, XML, CSV, TSV, TURTLE, N3, RDFXML, JSONLD, RDF, POST
warnings.simplefilter("ignore")
url = sys.argv[1]
select = "SELECT ?p WHERE { ?p a <http://schema.org/Person> } LIMIT 3"
ask = "ASK { ?p a <http://schema.org/Person> }"
construct = "CONSTRUCT { ?p a <http://schema.org/Person> } WHERE { ?p a <http://schema.org/Person> } LIMIT 3"
describe = "DESCRIBE <https://w3id.org/councilgraph/id/person/sarah-norman/e08000027>"
cases = [(select, f) for f in (JSON, XML, CSV, TSV)] + [(ask, f) for f in (JSON, XML)] + \
        [(q, f) for q in (construct, describe) for f in (TURTLE, N3, XML, RDFXML, JSONLD)]
for query, fmt in cases:
    for method in ("GET", POST):
        w = SPARQLWrapper(url)
        w.setQuery(query)
        w.setReturnFormat(fmt)
        w.setMethod(method)
        r = w.query()
        ctype = r.info()["content-type"].split(";")[0]
        converted = r.convert()
        size = len(converted) if hasattr(converted, "__len__") else -1
        print(query.split()[0], fmt, method, ctype, size, sep="|")
"#;
    let url = format!("http://{}/sparql", s.addr);
    let out = Command::new("python3").args(["-c", script, &url]).output().unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let expected = |form: &str, fmt: &str| match (form, fmt) {
        ("SELECT" | "ASK", "json") => "application/sparql-results+json",
        ("SELECT" | "ASK", "xml") => "application/sparql-results+xml",
        (_, "csv") => "text/csv",
        (_, "tsv") => "text/tab-separated-values",
        (_, "turtle" | "n3") => "text/turtle",
        (_, "xml" | "rdf+xml") => "application/rdf+xml",
        (_, "json-ld") => "application/ld+json",
        _ => "?",
    };
    let mut lines = 0;
    for line in stdout.lines() {
        let f: Vec<&str> = line.split('|').collect();
        assert_eq!(f[3], expected(f[0], f[1]), "{line}");
        assert!(f[4] != "0", "nothing converted: {line}");
        lines += 1;
    }
    assert_eq!(lines, 32, "{stdout}");
}

/// Two requests on one connection, for HTTP/1.1 by default and HTTP/1.0
/// when the client asks (the answer must say so, or the client waits for
/// the close).
#[test]
fn connections_are_kept_alive_when_asked() {
    use std::io::{BufRead, BufReader, Read, Write};
    let s = start(seed_store(), &[]);
    for (version, ask) in [("HTTP/1.1", ""), ("HTTP/1.0", "Connection: keep-alive\r\n")] {
        let stream = std::net::TcpStream::connect(&s.addr).unwrap_or_else(|e| panic!("{e}"));
        let _ = stream.set_read_timeout(Some(std::time::Duration::from_secs(30)));
        let mut reader = BufReader::new(stream.try_clone().unwrap_or_else(|e| panic!("{e}")));
        let mut writer = stream;
        for _ in 0..2 {
            let req = format!("GET /sparql?query={} {version}\r\nHost: x\r\n{ask}\r\n", encode("ASK {}"));
            writer.write_all(req.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
            let (mut length, mut keep) = (0usize, false);
            let mut line = String::new();
            reader.read_line(&mut line).unwrap_or_else(|e| panic!("{e}"));
            assert!(line.contains(" 200 "), "{version}: {line}");
            loop {
                line.clear();
                reader.read_line(&mut line).unwrap_or_else(|e| panic!("{e}"));
                let l = line.trim().to_ascii_lowercase();
                if l.is_empty() {
                    break;
                }
                if let Some(n) = l.strip_prefix("content-length:") {
                    length = n.trim().parse().unwrap_or(0);
                }
                keep |= l == "connection: keep-alive";
            }
            assert!(keep, "{version}: no Connection: keep-alive");
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap_or_else(|e| panic!("{e}"));
            assert!(String::from_utf8_lossy(&body).contains("true"));
        }
    }
}
