//! `--text` puts each document's text in its graph as a `nif:Context`, and
//! every quotation's offsets, read through `nif:referenceContext`, give back
//! exactly its words; the graph still conforms to the shapes.

use crate::util::{cg, csv_rows, ok, seeds, shacl};

#[test]
fn offsets_resolve_in_the_documents_text() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let store = dir.path().join("text.db");
    ok(cg().args(["build", "-q", "--text", "--store"]).arg(&store).arg(seeds()));
    let rows = csv_rows(
        &store,
        "PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
         SELECT DISTINCT ?q ?same WHERE {
           ?q <http://schema.org/text> ?words ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:referenceContext ?c .
           ?c a nif:Context ; nif:isString ?text .
           BIND(SUBSTR(?text, ?b + 1, ?e - ?b) = ?words AS ?same) }",
    );
    let quotes = csv_rows(&store, "SELECT DISTINCT ?q WHERE { ?q a <http://schema.org/Quotation> }");
    assert!(quotes.len() > 20, "{quotes:?}");
    assert_eq!(rows.len(), quotes.len(), "a quotation without its text: {rows:?}");
    let wrong: Vec<&Vec<String>> = rows.iter().filter(|r| r[1] != "true").collect();
    assert!(wrong.is_empty(), "offsets that do not give the quotation's words: {wrong:?}");

    let export = dir.path().join("text.nq");
    ok(cg().args(["export", "-q", "--format", "nquads", "--store"]).arg(&store).arg("--output").arg(&export));
    let (conforms, report) = shacl(&export);
    assert!(conforms && report.ends_with("graphs 5 violations 0\n"), "{report}");
}

#[test]
fn without_text_no_context_is_written() {
    let (nq, _) = ok(cg().args(["extract", "-q"]).arg(seeds()));
    assert!(!nq.contains("nif-core#Context") && !nq.contains("referenceContext"));
    let (with, _) = ok(cg().args(["extract", "-q", "--text"]).arg(seeds()));
    assert_eq!(with.matches("nif-core#Context>").count(), 5);
}
