//! Building the store: summaries, idempotence, stdin, locking.

use crate::util::{cg, fails, ok, seeds};

fn sorted_nquads(store: &std::path::Path) -> Vec<String> {
    let (out, _) = ok(cg().args(["export", "--format", "nquads", "--store"]).arg(store));
    let mut lines: Vec<String> = out.lines().map(str::to_owned).collect();
    lines.sort();
    lines
}

#[test]
fn build_summarises_and_building_twice_changes_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("s.db");
    let (_, err) = ok(cg().arg("build").arg(seeds()).arg("--store").arg(&store));
    assert!(err.contains("built 5 documents"), "{err}");
    assert!(err.contains("skipped: 0"), "{err}");
    assert!(err.contains("quads written:"), "{err}");
    assert!(err.contains("people"), "{err}");
    let first = sorted_nquads(&store);
    assert!(first.len() > 1000, "only {} quads", first.len());
    ok(cg().arg("build").arg(seeds()).arg("--store").arg(&store));
    assert_eq!(first, sorted_nquads(&store), "a second build changed the store");
}

#[test]
fn separate_runs_merge_by_union() {
    // extract is a pure function of each document: the union of per-file
    // extractions equals the extraction of the folder.
    let (all, _) = ok(cg().arg("extract").arg(seeds()));
    let mut parts = String::new();
    for f in [
        "000_75f2b3a10f055015.txt",
        "003_ffc3ee22a31ed9e6.txt",
        "001_e9a50d3fe32fcae9.txt",
        "002_998a4d9671fc4d96.txt",
        "004_773e6525f7c0014f.txt",
    ] {
        parts.push_str(&ok(cg().arg("extract").arg(seeds().join(f))).0);
    }
    let set = |s: &str| s.lines().map(str::to_owned).collect::<std::collections::BTreeSet<_>>();
    assert_eq!(set(&all), set(&parts));
}

#[test]
fn stdin_and_the_store_environment_variable() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("env.db");
    ok(cg()
        .args(["build", "-"])
        .env("COUNCILGRAPH_STORE", &store)
        .write_stdin("Councillor Jo Bell said: \"We will do better than this.\""));
    let (out, _) = ok(cg()
        .args([
            "query",
            "SELECT ?id WHERE { GRAPH ?g { ?g <http://purl.org/dc/terms/identifier> ?id } }",
            "--format",
            "csv",
        ])
        .env("COUNCILGRAPH_STORE", &store));
    assert!(out.contains("stdin"), "{out}");
}

#[test]
fn a_store_in_use_is_reported() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("locked.db");
    ok(cg().arg("build").arg(seeds().join("000_75f2b3a10f055015.txt")).arg("--store").arg(&store));
    let holder = oxigraph::store::Store::open(&store).unwrap_or_else(|e| panic!("{e}"));
    let err = fails(cg().arg("build").arg(seeds()).arg("--store").arg(&store));
    assert!(err.contains("in use by another"), "{err}");
    drop(holder);
    ok(cg().arg("build").arg(seeds()).arg("--store").arg(&store));
}

#[test]
fn base_iri_is_used_and_checked() {
    let (out, _) =
        ok(cg().args(["extract", "--base", "http://example.org/kg/"]).arg(seeds().join("003_ffc3ee22a31ed9e6.txt")));
    assert!(out.contains("<http://example.org/kg/person/james-morris>"), "{out}");
    fails(cg().args(["extract", "--base", "not an iri"]).arg(seeds()));
}
