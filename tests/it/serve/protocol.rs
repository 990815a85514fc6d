//! The SPARQL endpoint: an off-the-shelf client (rdflib's SPARQLStore) gets
//! the same rows as `councilgraph query`; updates, time limits and body
//! limits behave.

use super::start;
use crate::util::{cg, csv_rows, encode, have, http, ok, root, seeds};
use std::process::Command;

#[test]
fn a_standard_client_gets_the_rows_of_councilgraph_query() {
    if !have("python3", &["-c", "import rdflib"]) {
        return;
    }
    let store = crate::util::seed_store();
    let server = start(store, &[]);
    let endpoint = format!("http://{}/sparql", server.addr);
    let script = "import sys, json, rdflib\nfrom rdflib.plugins.stores.sparqlstore import SPARQLStore\ng = rdflib.Graph(store=SPARQLStore(sys.argv[1], returnFormat='json'))\nrows = [['' if v is None else str(v) for v in r] for r in g.query(open(sys.argv[2]).read())]\nprint(json.dumps(rows))";
    let mut checked = 0;
    for e in std::fs::read_dir(root().join("queries")).unwrap_or_else(|e| panic!("{e}")).filter_map(Result::ok) {
        let path = e.path();
        if path.extension().is_none_or(|x| x != "rq") {
            continue;
        }
        let out = Command::new("python3")
            .args(["-c", script, &endpoint])
            .arg(&path)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(out.status.success(), "{}: {}", path.display(), String::from_utf8_lossy(&out.stderr));
        let mut theirs: Vec<Vec<String>> = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
        theirs.sort();
        let ours = csv_rows(store, &path.display().to_string());
        assert_eq!(theirs, ours, "{}", path.display());
        checked += 1;
    }
    assert!(checked >= 12);
}

#[test]
fn protocol_forms_updates_limits() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("s.db");
    ok(cg().arg("build").arg(seeds().join("003_ffc3ee22a31ed9e6.txt")).arg("--store").arg(&store));
    let update = "INSERT DATA { GRAPH <urn:x:g> { <urn:x:a> <urn:x:b> <urn:x:c> } }";
    {
        let s = start(&store, &["--timeout", "1", "--max-body", "10000"]);
        let (st, body) = http(&s.addr, "GET", &format!("/sparql?query={}", encode("ASK {}")), &[], b"");
        assert_eq!((st, body.contains("true")), (200, true), "{body}");
        let (st, body) = http(
            &s.addr,
            "POST",
            "/sparql",
            &[("Content-Type", "application/sparql-query"), ("Accept", "text/csv")],
            b"SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
        );
        assert_eq!(st, 200, "{body}");
        assert!(body.starts_with("n\r\n"), "{body}");
        let form = format!(
            "query={}",
            encode("CONSTRUCT { ?s ?p ?o } WHERE { ?s a <http://schema.org/Person> ; ?p ?o } LIMIT 3")
        );
        let (st, body) = http(
            &s.addr,
            "POST",
            "/sparql",
            &[("Content-Type", "application/x-www-form-urlencoded"), ("Accept", "application/n-triples")],
            form.as_bytes(),
        );
        assert_eq!(st, 200, "{body}");
        assert!(body.lines().all(|l| l.ends_with(" .")), "{body}");
        let (st, body) =
            http(&s.addr, "POST", "/sparql", &[("Content-Type", "application/sparql-update")], update.as_bytes());
        assert_eq!(st, 403, "{body}");
        assert!(body.contains("read-only"), "{body}");
        let slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }";
        let (st, body) = http(&s.addr, "GET", &format!("/sparql?query={}", encode(slow)), &[], b"");
        assert_eq!(st, 503, "{body}");
        assert!(body.contains("time limit"), "{body}");
        let (st, _) =
            http(&s.addr, "POST", "/sparql", &[("Content-Type", "application/sparql-query")], &vec![b'#'; 20_000]);
        assert_eq!(st, 413);
        let (st, body) = http(&s.addr, "GET", "/", &[], b"");
        assert!(st == 200 && body.contains("<textarea"), "{body}");
        let (st, body) = http(&s.addr, "GET", &format!("/sparql?query={}", encode("SELECT WHERE")), &[], b"");
        assert!(st == 400 && body.contains("invalid SPARQL"), "{body}");
    }
    let s = start(&store, &["--allow-update"]);
    let (st, body) =
        http(&s.addr, "POST", "/sparql", &[("Content-Type", "application/sparql-update")], update.as_bytes());
    assert_eq!(st, 204, "{body}");
    let (_, body) = http(
        &s.addr,
        "GET",
        &format!("/sparql?query={}", encode("ASK { GRAPH <urn:x:g> { <urn:x:a> ?p ?o } }")),
        &[],
        b"",
    );
    assert!(body.contains("true"), "{body}");
}
