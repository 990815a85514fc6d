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

#[test]
fn stdin_twice_is_refused_by_build_too() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("s.db");
    let err = fails(cg().args(["build", "-", "-", "--store"]).arg(&store).write_stdin("x"));
    assert!(err.contains("only once"), "{err}");
}

#[test]
fn a_store_path_that_is_a_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("not-a-store");
    std::fs::write(&file, "hello").ok();
    let err = fails(cg().arg("build").arg(seeds().join("003_ffc3ee22a31ed9e6.txt")).arg("--store").arg(&file));
    assert!(err.contains("not-a-store"), "{err}");
    let err = fails(cg().args(["query", "ASK {}", "--store"]).arg(&file));
    assert!(err.contains("councilgraph build"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap_or_default(), "hello", "the file was changed");
}

#[test]
fn bad_inputs_mixed_with_good_ones_on_stdin_and_in_folders() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = dir.path().join("in");
    std::fs::create_dir_all(d.join("nested/empty-folder")).ok();
    std::fs::write(d.join("nested/quotes.txt"), "\"\"\"\n\u{201c}\u{201d} \\ {} <> \u{0}").ok();
    std::fs::write(d.join("nested/only-spaces.md"), "   \n\n\t").ok();
    std::fs::copy(seeds().join("001_e9a50d3fe32fcae9.txt"), d.join("nested/good.txt")).ok();
    let store = dir.path().join("s.db");
    let out = cg().arg("build").arg(&d).arg("-").arg("--store").arg(&store).write_stdin(&b"\xff\xfe\x00"[..]).output();
    let out = out.unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(matches!(out.status.code(), Some(0 | 1)), "{stderr}");
    assert!(stderr.contains("only-spaces.md"), "{stderr}");
    store_works(&store);
    assert_eq!(count(&store, "SELECT (COUNT(*) AS ?n) WHERE { ?d <http://purl.org/dc/terms/identifier> \"good\" }"), 1);
}

#[test]
fn a_malformed_query_file_names_the_position() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("s.db");
    ok(cg().arg("build").arg(seeds().join("003_ffc3ee22a31ed9e6.txt")).arg("--store").arg(&store));
    let rq = dir.path().join("bad.rq");
    std::fs::write(&rq, "SELECT ?x\nWHERE {\n  ?x ?y\n}\n").ok();
    let err = fails(cg().arg("query").arg(&rq).arg("--store").arg(&store));
    assert!(err.contains("invalid SPARQL"), "{err}");
    // The parser's position, and the line it is on.
    assert!(err.contains("invalid SPARQL at line 5, column 1: "), "no line and column in {err}");
    assert!(err.ends_with("; line 4: }"), "no echo of the last line in {err}");
    assert_eq!(err.lines().count(), 1);
    let err = fails(cg().args(["query", "-", "--store"]).arg(&store).write_stdin(""));
    assert!(err.contains("empty"), "{err}");
    let err = fails(cg().args(["query", "SELECT * WHERE { ?s ?p ?o FILTER(?o > ", "--store"]).arg(&store));
    assert!(err.contains("invalid SPARQL"), "{err}");
    store_works(&store);
}
