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
    assert!(out.contains("<http://example.org/kg/person/james-morris/e08000028>"), "{out}");
    fails(cg().args(["extract", "--base", "not an iri"]).arg(seeds()));
}

#[test]
fn quiet_builds_say_nothing_and_piped_builds_draw_no_bar() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("q.db");
    let (out, err) = ok(cg().args(["build", "--quiet"]).arg(seeds()).arg("--store").arg(&store));
    assert!(out.is_empty() && err.is_empty(), "stdout: {out}\nstderr: {err}");
    let (out, err) = ok(cg().arg("build").arg(seeds()).arg("--store").arg(&store));
    assert!(out.is_empty(), "build wrote data on stdout: {out}");
    assert!(!err.contains('\r') && !err.contains('\u{1b}'), "a progress bar on a pipe: {err:?}");
    assert!(err.contains("elapsed") || err.contains(" s"), "no time in the summary: {err}");
}

#[test]
fn the_ontology_is_loaded_into_its_own_graph() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("o.db");
    ok(cg().arg("build").arg(seeds().join("003_ffc3ee22a31ed9e6.txt")).arg("--store").arg(&store));
    let ontology = councilgraph::graph::vocab::ONTOLOGY_GRAPH.as_str();
    let q = format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ontology}> {{ ?s ?p ?o }} }}");
    let n = crate::util::count(&store, &q);
    assert!(n > 50, "{n} ontology triples");
    ok(cg().arg("build").arg(seeds().join("001_e9a50d3fe32fcae9.txt")).arg("--store").arg(&store));
    assert_eq!(crate::util::count(&store, &q), n, "the ontology graph was not replaced");
    let docs = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a <http://schema.org/NewsArticle> } }";
    assert_eq!(crate::util::count(&store, docs), 2, "the first document's graph was lost");
}

/// Ctrl-C stops between documents with status 130; what was written is whole.
#[test]
fn an_interrupted_build_leaves_whole_documents() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = dir.path().join("many");
    std::fs::create_dir_all(&input).ok();
    let seed = std::fs::read_to_string(seeds().join("002_998a4d9671fc4d96.txt")).unwrap_or_default();
    for i in 0..1500 {
        std::fs::write(input.join(format!("{i:04}.txt")), &seed).ok();
    }
    let store = dir.path().join("i.db");
    let mut child = std::process::Command::new(crate::util::bin())
        .arg("build")
        .arg(&input)
        .arg("--store")
        .arg(&store)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    // The handler is in place before the store is created.
    while !store.join("CURRENT").exists() {
        if child.try_wait().ok().flatten().is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let _ = std::process::Command::new("kill").arg("-INT").arg(child.id().to_string()).status();
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    match out.status.code() {
        Some(130) => assert!(stderr.contains("interrupted"), "{stderr}"),
        Some(0) => eprintln!("note: the build finished before the signal arrived"),
        other => panic!("exit {other:?}: {stderr}"),
    }
    // Every document graph in the store is whole: the same size as the
    // others, since every input is the same article.
    let (csv, _) = ok(cg()
        .args([
            "query",
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g a <http://schema.org/NewsArticle> . ?s ?p ?o } } GROUP BY ?g",
            "--format",
            "csv",
            "--store",
        ])
        .arg(&store));
    let sizes: std::collections::BTreeSet<String> =
        crate::util::parse_csv(&csv).into_iter().skip(1).filter_map(|r| r.get(1).cloned()).collect();
    assert!(sizes.len() <= 1, "graphs of different sizes: {sizes:?}");
}

#[test]
fn build_json_prints_a_summary_for_scripts() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = dir.path();
    for f in ["000_75f2b3a10f055015.txt", "003_ffc3ee22a31ed9e6.txt"] {
        std::fs::copy(seeds().join(f), d.join(f)).unwrap_or_else(|e| panic!("{e}"));
    }
    std::fs::write(d.join("empty.txt"), "").unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(d.join("long.txt"), "Councillor Jo Bell said it. ".repeat(400)).unwrap_or_else(|e| panic!("{e}"));
    let max = std::fs::metadata(d.join("000_75f2b3a10f055015.txt")).map(|m| m.len() + 1).unwrap_or(0).max(9000);
    let out = cg()
        .current_dir(d)
        .args(["build", ".", "--json", "--store", "s.db", "--max-document-bytes", &max.to_string()])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stdout.lines().count(), 1, "{stdout}");
    let v: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    // the documents that fit were written; their quads are in the store
    let documents = v["documents"].as_u64().unwrap_or(0);
    let quads = v["quads"].as_u64().unwrap_or(0) as usize;
    let (nq, _) = ok(cg()
        .current_dir(d)
        .args(["export", "--format", "nquads", "--graph"])
        .arg("https://w3id.org/councilgraph/id/doc/000_75f2b3a10f055015")
        .args(["--store", "s.db"]));
    assert!(documents >= 1 && quads > nq.lines().count(), "{v}");
    assert!(v["store_quads"].as_u64().unwrap_or(0) as usize > quads, "{v}");
    let failed = v["failed"].as_array().cloned().unwrap_or_default();
    assert!(
        failed
            .iter()
            .any(|f| f["source"] == "./long.txt"
                && f["reason"].as_str().is_some_and(|r| r.contains("--max-document-bytes"))),
        "{v}"
    );
    let skipped = v["skipped"].as_array().cloned().unwrap_or_default();
    assert_eq!(skipped.len(), 1, "{v}");
    assert_eq!(
        (skipped[0]["source"].as_str(), skipped[0]["reason"].as_str()),
        (Some("./empty.txt"), Some("empty file"))
    );
    assert!(v["seconds"].as_f64().is_some_and(|s| s >= 0.0), "{v}");
    assert!(v["entities"]["people"].as_u64().unwrap_or(0) > 0, "{v}");
    assert_eq!(v["interrupted"], false);
    // stderr keeps the failure and the error, not the human summary
    assert!(stderr.contains("councilgraph: failed ./long.txt"), "{stderr}");
    assert!(!stderr.contains("quads written"), "{stderr}");
    assert!(stderr.lines().last().is_some_and(|l| l.starts_with("councilgraph: error: 1 document failed")), "{stderr}");
}
