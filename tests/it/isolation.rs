//! One document's failure stays that document's (issue 9): a document that
//! panics in extraction or is over the size budget is named on stderr with
//! the reason, nothing of it is written, the rest lands, exit status 1.
//!
//! `COUNCILGRAPH_TEST_PANIC_ON` makes a document panic at the document
//! boundary when its text contains the value, like an extractor bug would.

use crate::util::{cg, count, fails};
use std::path::Path;

const MARKER: &str = "Zqxv-panic-marker";
const FIRST: &[&str] =
    &["Imogen", "Walter", "Priya", "Declan", "Hattie", "Osman", "Fenella", "Gideon", "Rosalind", "Tobias"];
const LAST: &[&str] = &["Ashdown", "Brearley", "Culshaw", "Dimmock", "Etherington"];

/// A short invented article about person `i`.
fn article(i: usize) -> String {
    let (first, last) = (FIRST[i % FIRST.len()], LAST[i / FIRST.len() % LAST.len()]);
    format!(
        "Councillor {first} {last}, cabinet member for children's services, said the new plan would help families.\n\n\
         \"We have listened to parents and we will keep listening,\" said Cllr {last}.\n"
    )
}

fn documents(store: &Path) -> usize {
    count(store, "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <http://schema.org/NewsArticle> }")
}

fn assert_quiet_panic(stderr: &str) {
    for noise in ["panicked", "RUST_BACKTRACE", "stack backtrace", "thread '"] {
        assert!(!stderr.contains(noise), "raw panic output on stderr: {stderr}");
    }
}

#[test]
fn fifty_good_articles_land_and_three_bad_ones_are_named() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = dir.path().join("in");
    std::fs::create_dir_all(&d).ok();
    for i in 0..50 {
        std::fs::write(d.join(format!("good-{i:02}.txt")), article(i)).ok();
    }
    std::fs::write(d.join("bad-panic-1.txt"), format!("{}\n{MARKER}\n", article(1))).ok();
    std::fs::write(d.join("bad-panic-2.md"), format!("Cllr Ann Lee spoke. {MARKER}")).ok();
    std::fs::write(d.join("bad-huge.txt"), article(2).repeat(40)).ok();
    let store = dir.path().join("s.db");
    let mut cmd = cg();
    cmd.arg("build").arg(&d).arg("--store").arg(&store).args(["--max-document-bytes", "4000"]);
    let out = cmd.env("COUNCILGRAPH_TEST_PANIC_ON", MARKER).output().unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_quiet_panic(&stderr);
    for name in ["bad-panic-1.txt: extraction failed: test panic", "bad-panic-2.md: extraction failed: test panic"] {
        assert!(stderr.contains("councilgraph: failed ") && stderr.contains(name), "{name} not named: {stderr}");
    }
    assert!(stderr.contains("bad-huge.txt: text of 7320 bytes is over the budget of 4000 bytes"), "{stderr}");
    assert!(stderr.contains("built 50 documents"), "{stderr}");
    let last = stderr.lines().last().unwrap_or("");
    assert_eq!(last, "councilgraph: error: 3 documents failed and were not written; the other 50 were built");
    assert_eq!(documents(&store), 50);
    assert_eq!(count(&store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?d <http://purl.org/dc/terms/identifier> ?id FILTER(STRSTARTS(?id, \"bad\")) } }"), 0);
}

#[test]
fn a_failing_rebuild_keeps_the_document_as_it_was() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("story.txt");
    let store = dir.path().join("s.db");
    std::fs::write(&file, article(3)).ok();
    crate::util::ok(cg().arg("build").arg(&file).arg("--store").arg(&store));
    let before = count(&store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
    std::fs::write(&file, format!("{}{MARKER}", article(4))).ok();
    fails(cg().arg("build").arg(&file).arg("--store").arg(&store).env("COUNCILGRAPH_TEST_PANIC_ON", MARKER));
    assert_eq!(count(&store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"), before);
}

#[test]
fn one_bad_record_of_a_json_lines_file_leaves_the_rest() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut lines: Vec<String> = (0..50).map(|i| serde_json::json!({ "text": article(i) }).to_string()).collect();
    lines.insert(20, serde_json::json!({ "id": "broken", "text": format!("Text. {MARKER}") }).to_string());
    lines.insert(30, "{\"text\": \"cut short".to_owned());
    let file = dir.path().join("batch.jsonl");
    std::fs::write(&file, lines.join("\n")).ok();
    let store = dir.path().join("s.db");
    let mut cmd = cg();
    cmd.arg("build").arg(&file).arg("--store").arg(&store).env("COUNCILGRAPH_TEST_PANIC_ON", MARKER);
    let err = fails(&mut cmd);
    assert!(err.contains("1 document failed"), "{err}");
    assert_eq!(documents(&store), 50);
}

#[test]
fn extract_prints_the_good_documents_and_names_the_bad_one() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for i in 0..5 {
        std::fs::write(dir.path().join(format!("a{i}.txt")), article(i)).ok();
    }
    std::fs::write(dir.path().join("a2.txt"), format!("{}{MARKER}", article(2))).ok();
    let out = cg()
        .arg("extract")
        .arg(dir.path())
        .env("COUNCILGRAPH_TEST_PANIC_ON", MARKER)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_quiet_panic(&stderr);
    assert!(stderr.contains("a2.txt: extraction failed: test panic"), "{stderr}");
    let nq = String::from_utf8_lossy(&out.stdout);
    let quads = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads)
        .for_slice(nq.as_bytes())
        .collect::<Result<Vec<_>, _>>()
        .unwrap_or_else(|e| panic!("{e}"));
    let graphs: std::collections::BTreeSet<String> = quads.iter().map(|q| q.graph_name.to_string()).collect();
    assert_eq!(graphs.len(), 4, "{graphs:?}");
    assert!(!nq.contains("/doc/a2>"));
}
