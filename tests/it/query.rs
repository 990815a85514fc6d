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
    assert!(err.contains("at line 1, column "), "no line and column in {err}");
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

#[test]
fn graph_results_in_every_rdf_format_and_ask_in_result_formats() {
    let store = seed_store();
    let construct = "CONSTRUCT { ?p a <http://schema.org/Person> } WHERE { ?p a <http://schema.org/Person> }";
    let (nt, err) = ok(cg().args(["query", construct, "--format", "ntriples", "--store"]).arg(store));
    let n = nt.lines().filter(|l| !l.is_empty()).count();
    assert!(n > 5 && nt.lines().all(|l| l.ends_with(" .")), "{nt}");
    assert!(err.contains(&format!("{n} triples")), "{err}");
    let (nq, _) = ok(cg().args(["query", construct, "--format", "nquads", "--store"]).arg(store));
    assert_eq!(nq.lines().count(), n);
    let (jsonld, _) = ok(cg().args(["query", construct, "--format", "jsonld", "--store"]).arg(store));
    serde_json::from_str::<serde_json::Value>(&jsonld).unwrap_or_else(|e| panic!("{e}: {jsonld}"));
    let (rdfxml, _) = ok(cg().args(["query", construct, "--format", "rdfxml", "--store"]).arg(store));
    assert!(rdfxml.contains("<rdf:RDF"), "{rdfxml}");
    let (ask, _) = ok(cg().args(["query", "ASK { ?s ?p ?o }", "--format", "json", "--store"]).arg(store));
    let v: serde_json::Value = serde_json::from_str(&ask).unwrap_or_else(|e| panic!("{e}: {ask}"));
    assert_eq!(v["boolean"], serde_json::Value::Bool(true));
    let (ask, _) = ok(cg().args(["query", "ASK { <urn:x:none> ?p ?o }", "--store"]).arg(store));
    assert_eq!(ask.trim(), "false");
    // A result format for triples, or an RDF format for rows, is refused.
    fails(cg().args(["query", construct, "--format", "csv", "--store"]).arg(store));
    fails(cg().args(["query", PEOPLE, "--format", "turtle", "--store"]).arg(store));
}

#[test]
fn the_table_is_compact_and_aligned() {
    let store = seed_store();
    let (table, _) = ok(cg()
        .args([
            "query",
            "SELECT ?class (COUNT(?x) AS ?n) WHERE { ?x a ?class } GROUP BY ?class ORDER BY ?class",
            "--store",
        ])
        .arg(store));
    let lines: Vec<&str> = table.lines().collect();
    assert!(lines[0].starts_with("class") && lines[0].trim_end().ends_with('n'), "{table}");
    assert!(table.contains("schema:Person"), "IRIs are not shortened:\n{table}");
    assert!(!table.contains("\"^^"), "literals are not shown plainly:\n{table}");
    // The second column starts at the same place on every row.
    let col = lines[1].find("  -").unwrap_or_else(|| panic!("{table}")) + 2;
    for l in &lines[2..] {
        let (a, b) = l.split_at(col);
        assert!(a.ends_with("  ") && !b.starts_with(' '), "misaligned: {l:?}\n{table}");
    }
}

#[test]
fn a_query_file_and_the_union_default_graph() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let rq = dir.path().join("graphs.rq");
    std::fs::write(
        &rq,
        "# how many articles\nSELECT (COUNT(DISTINCT ?d) AS ?n)\nWHERE { ?d a <http://schema.org/NewsArticle> }\n",
    )
    .ok();
    let (out, _) = ok(cg().arg("query").arg(&rq).args(["--format", "csv", "--store"]).arg(seed_store()));
    assert_eq!(parse_csv(&out)[1], ["5"], "{out}");
}

#[test]
fn queries_run_while_another_process_holds_the_store() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("held.db");
    ok(cg().arg("build").arg(crate::util::seeds().join("003_ffc3ee22a31ed9e6.txt")).arg("--store").arg(&store));
    let holder = oxigraph::store::Store::open(&store).unwrap_or_else(|e| panic!("{e}"));
    let (out, _) = ok(cg().args(["query", "ASK { ?s ?p ?o }", "--store"]).arg(&store));
    assert_eq!(out.trim(), "true");
    drop(holder);
}
