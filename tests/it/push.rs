//! `push` into a real external store: OpenLink Virtuoso on loopback, with
//! both protocols and Digest authentication, compared graph by graph
//! through Virtuoso's own SPARQL endpoint.

use crate::util::{cg, csv_rows, encode, fails, have, http, ok, parse_csv, root, seed_store};
use std::collections::BTreeMap;
use std::process::Command;

/// A Virtuoso started by tests/virtuoso/start.sh, stopped when dropped.
struct Virtuoso {
    dir: tempfile::TempDir,
}

impl Drop for Virtuoso {
    fn drop(&mut self) {
        let _ = Command::new("bash").arg(root().join("tests/virtuoso/stop.sh")).arg(self.dir.path()).status();
    }
}

const EP: &str = "127.0.0.1:8890";
const PER_GRAPH: &str = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"https://w3id.org/councilgraph\")) } GROUP BY ?g";

fn remote_counts() -> BTreeMap<String, String> {
    let (status, body) =
        http(EP, "GET", &format!("/sparql?query={}", encode(PER_GRAPH)), &[("Accept", "text/csv")], b"");
    assert_eq!(status, 200, "{body}");
    parse_csv(&body).into_iter().skip(1).filter(|r| r.len() == 2).map(|r| (r[0].clone(), r[1].clone())).collect()
}

fn local_counts() -> BTreeMap<String, String> {
    let q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g";
    csv_rows(seed_store(), q).into_iter().map(|r| (r[0].clone(), r[1].clone())).collect()
}

fn push(args: &[&str], password: &str) -> assert_cmd::Command {
    let mut c = cg();
    c.arg("push")
        .args(args)
        .args(["--user", "dba", "--password-env", "CG_TEST_PW", "--store"])
        .arg(seed_store())
        .env("CG_TEST_PW", password);
    c
}

#[test]
fn push_to_virtuoso_with_both_protocols() {
    if !have("sh", &["-c", "command -v virtuoso-t"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let started = Command::new("bash")
        .arg(root().join("tests/virtuoso/start.sh"))
        .arg(dir.path())
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    let _guard = Virtuoso { dir };
    assert!(started.success(), "Virtuoso did not start");
    let local = local_counts();
    assert!(local.len() >= 6);

    let gsp = format!("http://{EP}/sparql-graph-crud-auth");
    let (_, err) = ok(&mut push(&["--endpoint", &gsp], "dba"));
    assert!(err.contains("pushed 7 of 7 graphs"), "{err}");
    assert!(!err.contains("dba\n") && !err.contains("password"), "{err}");
    assert_eq!(remote_counts(), local, "after a Graph Store Protocol push");
    ok(&mut push(&["--endpoint", &gsp], "dba"));
    assert_eq!(remote_counts(), local, "pushing twice changed the store");

    let update = format!("http://{EP}/sparql-auth");
    ok(&mut push(&["--protocol", "update", "--endpoint", &update, "--batch", "100"], "dba"));
    assert_eq!(remote_counts(), local, "after a SPARQL Update push");

    let err = fails(&mut push(&["--endpoint", &gsp], "not-the-password"));
    assert!(err.contains("refused the credentials"), "{err}");
    assert!(!err.contains("not-the-password"), "the password was printed: {err}");
}

#[test]
fn push_to_an_endpoint_that_is_down() {
    let err = fails(
        cg().args(["push", "--retries", "1", "--endpoint", "http://127.0.0.1:9/store", "--store"]).arg(seed_store()),
    );
    assert!(err.contains("Connection") || err.contains("connect"), "{err}");
    let err = fails(cg().args(["push", "--endpoint", "ftp://example.org/x", "--store"]).arg(seed_store()));
    assert!(err.contains("invalid endpoint"), "{err}");
}
