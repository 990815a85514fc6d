//! The shipped SHACL shapes (`ontology/shapes.ttl`) hold on the seed graph
//! and on the development corpus's graph: pyshacl, through
//! `scripts/shacl-validate.py`, validates every document graph of an
//! `export --format nquads` and must find 0 violations.

use crate::util::{cg, ok, root, seed_store, shacl};
use std::path::Path;

/// Exports `store` as N-Quads and validates it; returns the validator's output.
fn validate(store: &Path, dir: &Path) -> String {
    let export = dir.join("export.nq");
    ok(cg().args(["export", "-q", "--format", "nquads", "--store"]).arg(store).arg("--output").arg(&export));
    let (conforms, text) = shacl(&export);
    assert!(conforms, "shapes violated:\n{text}");
    text
}

/// The number of document graphs the validator checked, from its last line.
fn graphs_checked(report: &str) -> usize {
    let last = report.lines().last().unwrap_or_default();
    let words: Vec<&str> = last.split_whitespace().collect();
    assert_eq!(words.first(), Some(&"graphs"), "{report}");
    assert_eq!(words.get(3), Some(&"0"), "{report}");
    words.get(1).and_then(|n| n.parse().ok()).unwrap_or_else(|| panic!("{report}"))
}

#[test]
fn seed_graph_conforms_to_the_shapes() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    assert_eq!(graphs_checked(&validate(seed_store(), dir.path())), 5);
}

#[test]
fn dev_graph_conforms_to_the_shapes() {
    let texts = root().join("../shared/dev/texts");
    assert!(texts.is_dir(), "the development corpus is missing: {}", texts.display());
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let store = dir.path().join("dev.db");
    ok(cg().args(["build", "-q", "--store"]).arg(&store).arg(&texts));
    assert_eq!(graphs_checked(&validate(&store, dir.path())), 40);
}

#[test]
fn shapes_catch_a_council_owl_same_as_its_area() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let (good, _) = ok(cg().args(["export", "-q", "--format", "nquads", "--store"]).arg(seed_store()));
    let dudley = "<https://w3id.org/councilgraph/id/council/e08000027>";
    let graph = good
        .lines()
        .find(|l| l.starts_with(dudley) && l.contains("22-rdf-syntax-ns#type"))
        .and_then(|l| l.split_whitespace().nth(3))
        .unwrap_or_else(|| panic!("no Dudley type quad"));
    let bad = format!(
        "{good}{dudley} <http://www.w3.org/2002/07/owl#sameAs> <http://statistics.data.gov.uk/id/statistical-geography/E08000027> {graph} .\n"
    );
    let file = dir.path().join("bad.nq");
    std::fs::write(&file, bad).unwrap_or_else(|e| panic!("write: {e}"));
    let (conforms, text) = shacl(&file);
    assert!(!conforms, "{text}");
    assert!(text.contains("council body") || text.contains("owl#sameAs"), "{text}");
}
