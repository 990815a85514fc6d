//! Queries in every result format, malformed queries, missing stores.

use crate::util::{cg, fails, ok, parse_csv, seed_store};

const PEOPLE: &str = "SELECT DISTINCT ?name WHERE { ?p a <http://schema.org/Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?name } ORDER BY ?name";

#[test]
fn every_result_format() {
    let store = seed_store();
    let (csv, _) = ok(cg().args(["query", PEOPLE, "--format", "csv", "--store"]).arg(store));
    let rows = parse_csv(&csv);
    assert_eq!(rows[0], ["name"]);
    assert!(rows.iter().any(|r| r[0] == "Sarah Norman"));
    let (tsv, _) = ok(cg().args(["query", PEOPLE, "--format", "tsv", "--store"]).arg(store));
    assert!(tsv.starts_with("?name\n"), "{tsv}");
    let (json, _) = ok(cg().args(["query", PEOPLE, "--format", "json", "--store"]).arg(store));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    assert!(v["results"]["bindings"].as_array().is_some_and(|b| b.len() == rows.len() - 1));
    let (xml, _) = ok(cg().args(["query", PEOPLE, "--format", "xml", "--store"]).arg(store));
    assert!(xml.contains("<sparql") && xml.trim_end().ends_with("</sparql>"), "{xml}");
    let (table, err) = ok(cg().args(["query", PEOPLE, "--store"]).arg(store));
    assert!(table.lines().nth(1).is_some_and(|l| l.starts_with("----")), "{table}");
    assert!(err.contains(&format!("{} rows", rows.len() - 1)), "{err}");
}

#[test]
fn ask_construct_and_stdin() {
    let store = seed_store();
    let (out, _) = ok(cg().args(["query", "ASK { ?s ?p ?o }", "--store"]).arg(store));
    assert_eq!(out.trim(), "true");
    let (out, _) = ok(cg()
        .args([
            "query",
            "CONSTRUCT { ?p a <http://schema.org/Person> } WHERE { ?p a <http://schema.org/Person> }",
            "--store",
        ])
        .arg(store));
    assert!(out.contains("schema:Person"), "{out}");
    let (out, _) = ok(cg()
        .args(["query", "-", "--format", "csv", "--store"])
        .arg(store)
        .write_stdin("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"));
    assert!(out.starts_with("n\r\n") || out.starts_with("n\n"), "{out}");
}

#[test]
fn malformed_query_gives_the_position() {
    let err = fails(cg().args(["query", "SELECT ?x WHERE { ?x ?y }", "--store"]).arg(seed_store()));
    assert!(err.contains("invalid SPARQL"), "{err}");
    assert!(err.contains("1:"), "no line:column in {err}");
}

#[test]
fn missing_store_says_to_build() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let err = fails(cg().args(["query", "ASK {}", "--store"]).arg(dir.path().join("none.db")));
    assert!(err.contains("councilgraph build"), "{err}");
}

#[test]
fn missing_query_file() {
    let err = fails(cg().args(["query", "no-such-query.rq", "--store"]).arg(seed_store()));
    assert!(err.contains("no-such-query.rq"), "{err}");
}
