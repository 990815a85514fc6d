//! The store's layout: the default graph holds each distinct triple once,
//! re-builds skip unchanged documents, `--prune` drops the ones gone, `load`
//! bulk-loads shards, and a store of the older layout is refused or filled.

use crate::util::{cg, fails, ok, seed_store, seeds};
use std::path::Path;

const PEOPLE: &str = "PREFIX schema: <http://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?p ?n WHERE { ?p a schema:Person ; rdfs:label ?n }";

const DOCUMENTS: &str = "SELECT ?g WHERE { GRAPH ?g { ?g a <http://schema.org/NewsArticle> } }";

/// Rows of a SELECT, as TSV lines without the header.
fn rows(store: &Path, query: &str) -> Vec<String> {
    let (out, _) = ok(cg().args(["query", "-q", "--format", "tsv", query, "--store"]).arg(store));
    out.lines().skip(1).map(str::to_owned).collect()
}

/// Two invented articles in a new folder.
fn articles(dir: &Path) -> std::path::PathBuf {
    let folder = dir.join("articles");
    std::fs::create_dir_all(&folder).unwrap_or_else(|e| panic!("{e}"));
    write(&folder, "alpha", "Councillor Ann Lee said: \"We will act on this now.\"");
    write(&folder, "beta", "Councillor Ann Lee said: \"The plan is sound.\" Councillor Tom Vale said: \"It is not.\"");
    folder
}

fn write(folder: &Path, name: &str, text: &str) {
    std::fs::write(folder.join(format!("{name}.txt")), text).unwrap_or_else(|e| panic!("{e}"));
}

fn build(paths: &[&Path], store: &Path, extra: &[&str]) -> String {
    let mut cmd = cg();
    cmd.arg("build").args(paths).arg("--store").arg(store).args(extra);
    ok(&mut cmd).1
}

#[test]
fn the_default_graph_gives_each_row_once() {
    let people = rows(seed_store(), PEOPLE);
    let mut distinct = people.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(people.len(), distinct.len(), "rows repeat: {people:#?}");
    let persons = rows(seed_store(), "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?p a <http://schema.org/Person> } }");
    assert_eq!(people.len(), persons.len(), "one label per person");
    assert!(persons.len() >= 10, "{persons:?}");
    // GRAPH ?g still reaches every document
    assert_eq!(rows(seed_store(), DOCUMENTS).len(), 5);
}

#[test]
fn a_rebuild_skips_unchanged_documents_and_replaces_changed_ones() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (folder, store) = (articles(dir.path()), dir.path().join("s.db"));
    let err = build(&[&folder], &store, &[]);
    assert!(err.contains("documents: 2 new, 0 replaced, 0 unchanged"), "{err}");
    let before = rows(&store, PEOPLE);
    let err = build(&[&folder], &store, &[]);
    assert!(err.contains("built 2 documents"), "{err}");
    assert!(err.contains("documents: 0 new, 0 replaced, 2 unchanged"), "{err}");
    assert!(err.contains("quads written: 0"), "{err}");
    assert_eq!(before, rows(&store, PEOPLE));
    // beta no longer names Tom Vale: he leaves the default graph, Ann Lee stays
    write(&folder, "beta", "Councillor Ann Lee said: \"The plan is sound.\"");
    let (out, err) = ok(cg().arg("build").arg(&folder).arg("--store").arg(&store).arg("--json"));
    assert!(err.is_empty() || !err.contains("error"), "{err}");
    let v: serde_json::Value = serde_json::from_str(out.trim()).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(
        (v["new"].as_u64(), v["replaced"].as_u64(), v["unchanged"].as_u64()),
        (Some(0), Some(1), Some(1)),
        "{v}"
    );
    let people = rows(&store, PEOPLE).join("\n");
    assert!(people.contains("Ann Lee") && !people.contains("Tom Vale"), "{people}");
}

#[test]
fn prune_drops_the_documents_no_longer_among_the_inputs() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (folder, store) = (articles(dir.path()), dir.path().join("s.db"));
    build(&[&folder], &store, &[]);
    std::fs::remove_file(folder.join("beta.txt")).unwrap_or_else(|e| panic!("{e}"));
    let err = build(&[&folder], &store, &[]);
    assert!(err.contains("1 unchanged"), "{err}");
    assert_eq!(rows(&store, DOCUMENTS).len(), 2, "without --prune the gone document stays");
    let err = build(&[&folder], &store, &["--prune"]);
    assert!(err.contains("1 pruned"), "{err}");
    assert_eq!(rows(&store, DOCUMENTS).len(), 1);
    let people = rows(&store, PEOPLE).join("\n");
    assert!(people.contains("Ann Lee") && !people.contains("Tom Vale"), "{people}");
}

#[test]
fn load_takes_shards_and_rejects_a_malformed_one_whole() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let folder = articles(dir.path());
    let mut shards = Vec::new();
    for name in ["alpha", "beta"] {
        let (nq, _) = ok(cg().args(["extract", "-q"]).arg(folder.join(format!("{name}.txt"))));
        let shard = dir.path().join(format!("{name}.nq"));
        std::fs::write(&shard, nq).unwrap_or_else(|e| panic!("{e}"));
        shards.push(shard);
    }
    let bad = dir.path().join("bad.nq");
    std::fs::write(&bad, "<https://example.org/s> <https://example.org/p> \"cut off .\n")
        .unwrap_or_else(|e| panic!("{e}"));

    let store = dir.path().join("loaded.db");
    let err = fails(cg().arg("load").arg(&shards[0]).arg(&bad).arg("--store").arg(&store));
    assert!(err.contains("bad.nq: line 1:") && err.contains("nothing was loaded"), "{err}");
    if store.exists() {
        assert!(rows(&store, DOCUMENTS).is_empty(), "a document of the good shard is visible");
    }

    let (_, err) = ok(cg().arg("load").args(&shards).arg("--store").arg(&store));
    assert!(err.contains("loaded 2 documents from 2 shards"), "{err}");
    let built = dir.path().join("built.db");
    build(&[&folder], &built, &[]);
    assert_eq!(rows(&store, PEOPLE).len(), rows(&built, PEOPLE).len());
    assert_eq!(rows(&store, DOCUMENTS).len(), 2);
    let (_, err) = ok(cg().arg("load").args(&shards).arg("--store").arg(&store));
    assert!(err.contains("0 new, 2 replaced"), "{err}");
    assert_eq!(rows(&store, PEOPLE).len(), rows(&built, PEOPLE).len());
}

#[test]
fn a_store_of_the_older_layout_is_refused_then_filled_by_build() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("old.db");
    let (nq, _) = ok(cg().args(["extract", "-q"]).arg(seeds()));
    {
        // what an older councilgraph wrote: the named graphs only
        let st = oxigraph::store::Store::open(&store).unwrap_or_else(|e| panic!("{e}"));
        st.load_from_slice(oxigraph::io::RdfFormat::NQuads, nq.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        st.flush().unwrap_or_else(|e| panic!("{e}"));
    }
    let err = fails(cg().args(["query", PEOPLE, "--store"]).arg(&store));
    assert!(err.contains("built by an older councilgraph") && err.contains("councilgraph build"), "{err}");
    let err = build(&[&seeds()], &store, &[]);
    assert!(err.contains("filled the default graph"), "{err}");
    assert_eq!(rows(&store, PEOPLE), rows(seed_store(), PEOPLE));
}
