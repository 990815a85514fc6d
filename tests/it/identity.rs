//! Data that used to vanish without a word (issue 9): names that slug
//! alike, repeated standard input, a build of nothing, two bases in one
//! store, characters XML cannot carry.

use crate::util::{cg, count, fails, have, ok};
use std::path::Path;
use std::process::Command;

fn documents(store: &Path) -> usize {
    count(store, "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a <http://schema.org/NewsArticle> }")
}

const STORY: &str = "Councillor Hazel Brightwater said: \"We will publish the plan next month.\"\n";

#[test]
fn file_names_that_slug_alike_stay_three_documents() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = dir.path().join("in");
    std::fs::create_dir_all(&d).ok();
    for name in ["Report 1.txt", "report-1.txt", "REPORT.1.txt"] {
        std::fs::write(d.join(name), format!("{STORY}From {name}.\n")).ok();
    }
    let store = dir.path().join("s.db");
    let (_, err) = ok(cg().arg("build").arg(&d).arg("--store").arg(&store));
    assert_eq!(err.matches("would share the document IRI").count(), 2, "{err}");
    assert_eq!(documents(&store), 3);
    // The same folder again replaces the same three graphs.
    ok(cg().arg("build").arg(&d).arg("--store").arg(&store));
    assert_eq!(documents(&store), 3);
}

#[test]
fn standard_input_gets_a_content_hash_or_the_given_id() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("s.db");
    ok(cg().args(["build", "-", "--store"]).arg(&store).write_stdin("Cllr Ann Lee spoke first."));
    ok(cg().args(["build", "-", "--store"]).arg(&store).write_stdin("Cllr Ann Lee spoke again."));
    assert_eq!(documents(&store), 2);
    ok(cg().args(["build", "-", "--id", "lee-story", "--store"]).arg(&store).write_stdin("Cllr Ann Lee spoke."));
    let q = "SELECT (COUNT(*) AS ?n) WHERE { ?d <http://purl.org/dc/terms/identifier> \"lee-story\" }";
    assert_eq!(count(&store, q), 1);
    assert_eq!(documents(&store), 3);
    let (nq, _) = ok(cg().args(["extract", "-", "--id", "x1"]).write_stdin(STORY));
    assert!(nq.contains("/doc/x1>"), "{nq}");
}

#[test]
fn a_build_of_only_missing_paths_creates_no_store() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("s.db");
    let err = fails(cg().arg("build").arg(dir.path().join("nope.txt")).arg("--store").arg(&store));
    assert!(err.contains("nope.txt") && err.contains("nothing was built"), "{err}");
    assert!(!store.exists(), "a store was created");
}

#[test]
fn a_second_base_is_refused_and_the_store_is_left_alone() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("story.txt");
    std::fs::write(&file, STORY).ok();
    let store = dir.path().join("s.db");
    ok(cg().arg("build").arg(&file).arg("--store").arg(&store));
    let before = count(&store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }");
    let err = fails(cg().arg("build").arg(&file).args(["--base", "https://example.org/kg/", "--store"]).arg(&store));
    assert!(err.contains("under the base <https://w3id.org/councilgraph/id/>, not <https://example.org/kg/>"), "{err}");
    assert_eq!(count(&store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"), before);
    // The store's own base is still fine, given either way.
    ok(cg().arg("build").arg(&file).args(["--base", "https://w3id.org/councilgraph/id", "--store"]).arg(&store));
}

#[test]
fn control_characters_are_replaced_so_xml_outputs_stay_valid() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("ctl.jsonl");
    let text =
        "Councillor Hazel Brightwater\u{1b}[31m said: \"We will\u{0} publish\u{b} the plan\u{FFFF} next month.\"";
    let title = "A title\u{7}\u{FFFE}";
    std::fs::write(&file, serde_json::json!({ "id": "ctl\u{1}", "text": text, "title": title }).to_string()).ok();
    let store = dir.path().join("s.db");
    let (_, err) = ok(cg().arg("build").arg(&file).arg("--store").arg(&store));
    assert!(err.contains("control characters that RDF/XML and terminals cannot carry replaced with U+FFFD"), "{err}");
    assert!(!err.contains('\u{1b}'), "raw ESC on stderr");
    let rdf = dir.path().join("g.rdf");
    ok(cg().arg("export").arg("--output").arg(&rdf).arg("--store").arg(&store));
    let (xml, _) = ok(cg().args(["query", "SELECT * WHERE { ?s ?p ?o }", "--format", "xml", "--store"]).arg(&store));
    let results = dir.path().join("r.xml");
    std::fs::write(&results, xml).ok();
    let parse = "import sys, xml.dom.minidom as m\nfor f in sys.argv[1:]: m.parse(f)";
    let out = Command::new("python3").args(["-c", parse]).arg(&rdf).arg(&results).output();
    let out = out.unwrap_or_else(|e| panic!("python3: {e}"));
    assert!(out.status.success(), "not well-formed XML: {}", String::from_utf8_lossy(&out.stderr));
    if have("rapper", &["--version"]) {
        let out = Command::new("rapper").args(["-i", "rdfxml", "-c"]).arg(&rdf).output();
        assert!(out.is_ok_and(|o| o.status.success()), "rapper refused the RDF/XML");
    }
}
