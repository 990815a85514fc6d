//! Bad input: each gives a clear message or is processed, nothing panics,
//! and the store stays usable afterwards.

use crate::util::{cg, count, fails, ok, seeds};
use std::path::Path;

fn store_works(store: &Path) {
    assert!(count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") > 0);
}

#[test]
fn empty_binary_and_invalid_utf8_files() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = dir.path().join("in");
    std::fs::create_dir_all(&d).ok();
    std::fs::write(d.join("empty.txt"), "").ok();
    std::fs::write(d.join("binary.txt"), b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").ok();
    std::fs::write(d.join("latin1.txt"), b"Councillor Jos\xe9 Ruiz said: \"We will act on this at once.\"").ok();
    std::fs::copy(seeds().join("003_ffc3ee22a31ed9e6.txt"), d.join("good.txt")).ok();
    let store = dir.path().join("s.db");
    let (_, err) = ok(cg().arg("build").arg(&d).arg("--store").arg(&store));
    assert!(err.contains("empty.txt: empty file"), "{err}");
    assert!(err.contains("binary.txt: binary file"), "{err}");
    assert!(err.contains("latin1.txt: invalid UTF-8 at byte 14"), "{err}");
    assert!(err.contains("built 2 documents"), "{err}");
    store_works(&store);
}

#[test]
fn a_missing_path_fails_after_building_the_rest() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("s.db");
    let err = fails(
        cg().arg("build")
            .arg(seeds().join("003_ffc3ee22a31ed9e6.txt"))
            .arg(dir.path().join("nope.txt"))
            .arg("--store")
            .arg(&store),
    );
    assert!(err.contains("nope.txt") && err.contains("no such file"), "{err}");
    store_works(&store);
}

#[test]
fn stdin_twice_is_refused() {
    let err = fails(cg().args(["extract", "-", "-"]).write_stdin("x"));
    assert!(err.contains("only once"), "{err}");
}

#[test]
fn a_ten_megabyte_article_is_processed() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let seed = std::fs::read_to_string(seeds().join("002_998a4d9671fc4d96.txt")).unwrap_or_default();
    let mut big = String::new();
    while big.len() < 10_000_000 {
        big.push_str(&seed);
        big.push_str("\n\n");
    }
    let file = dir.path().join("big.txt");
    std::fs::write(&file, &big).ok();
    let store = dir.path().join("s.db");
    let (_, err) = ok(cg().arg("build").arg(&file).arg("--store").arg(&store));
    assert!(err.contains("built 1 document"), "{err}");
    assert!(count(&store, "SELECT (COUNT(*) AS ?n) WHERE { ?q a <http://schema.org/Quotation> }") > 10_000);
}

#[test]
fn a_malformed_query_leaves_the_store_usable() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("s.db");
    ok(cg().arg("build").arg(seeds()).arg("--store").arg(&store));
    fails(cg().args(["query", "SELEKT * WHERE {", "--store"]).arg(&store));
    store_works(&store);
}
