//! Resolution across documents (issue 10): a person IRI stands for one real
//! person. Articles of our own in `tests/fixtures/resolution/`.

use crate::util::{cg, count, csv_rows, ok, root, seed_store};
use std::path::{Path, PathBuf};

const PREFIXES: &str = "PREFIX schema: <http://schema.org/> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> \
                        PREFIX org: <http://www.w3.org/ns/org#> PREFIX dcterms: <http://purl.org/dc/terms/>";

fn fixture_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("s.db");
    ok(cg().arg("build").arg(root().join("tests/fixtures/resolution")).arg("--store").arg(&store));
    (dir, store)
}

/// (person IRI, document id) for every document that names `name`.
fn iris_by_document(store: &Path, name: &str) -> Vec<(String, String)> {
    let q = format!(
        "{PREFIXES} SELECT DISTINCT ?p ?doc WHERE {{ GRAPH ?g {{ ?g dcterms:identifier ?doc . \
         ?p a schema:Person ; rdfs:label \"{name}\" }} }}"
    );
    csv_rows(store, &q).into_iter().map(|r| (r[0].clone(), r[1].clone())).collect()
}

fn distinct_iris(rows: &[(String, String)]) -> std::collections::BTreeSet<&str> {
    rows.iter().map(|(p, _)| p.as_str()).collect()
}

#[test]
fn two_councillors_who_share_a_name_on_two_councils_are_two_people() {
    let (_dir, store) = fixture_store();
    let smiths = iris_by_document(&store, "John Smith");
    assert_eq!(distinct_iris(&smiths).len(), 2, "{smiths:?}");
    // and each keeps his own party: nothing of one is said of the other
    let q = format!("{PREFIXES} SELECT DISTINCT ?p ?party WHERE {{ ?p rdfs:label \"John Smith\" ; org:memberOf ?x . ?x a schema:PoliticalParty ; rdfs:label ?party }}");
    let parties = csv_rows(&store, &q);
    assert_eq!(parties.len(), 2, "{parties:?}");
    assert_ne!(parties[0][0], parties[1][0], "one IRI holds both parties: {parties:?}");
}

#[test]
fn one_officer_quoted_in_three_articles_is_one_person_with_or_without_the_post() {
    let (_dir, store) = fixture_store();
    let rows = iris_by_document(&store, "Hal Penrose");
    let in_walsall: Vec<_> = rows.iter().filter(|(_, d)| d != "penrose-elsewhere").cloned().collect();
    assert_eq!(in_walsall.len(), 3, "{rows:?}");
    assert_eq!(distinct_iris(&in_walsall).len(), 1, "{rows:?}");
    // The same name in an article about another council, with nothing that
    // ties it to the first: kept apart rather than guessed together.
    assert_eq!(distinct_iris(&rows).len(), 2, "{rows:?}");
}

#[test]
fn the_readme_s_counting_example_gives_the_eighteen_people_of_the_seeds() {
    // the 18 distinct people of the seeds' gold file, each once: one IRI
    // each, one label each, and the default graph holds each triple once
    let q = format!("{PREFIXES} SELECT (COUNT(*) AS ?people) WHERE {{ ?p a schema:Person ; rdfs:label ?n }}");
    assert_eq!(count(seed_store(), &q), 18);
}

#[test]
fn on_the_seeds_sarah_norman_is_one_iri_over_three_documents() {
    let rows = iris_by_document(seed_store(), "Sarah Norman");
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(distinct_iris(&rows).len(), 1, "{rows:?}");
}

#[test]
fn iris_are_the_same_on_every_run_and_carry_the_anchor() {
    let dir = root().join("tests/fixtures/resolution/smith-walsall.txt");
    let (a, _) = ok(cg().arg("extract").arg(&dir));
    let (b, _) = ok(cg().arg("extract").arg(&dir));
    assert_eq!(a, b);
    // Walsall's ONS code is the anchor of its councillor
    assert!(a.contains("/person/john-smith/e08000030>"), "{a}");
}
