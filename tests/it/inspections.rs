//! Inspections as events (issue 10): one IRI per council and inspection
//! across articles, dated, earlier inspections kept apart, and the latest
//! grade per council. Our own articles in `tests/fixtures/inspections/`.

use crate::util::{cg, csv_rows, ok, parse_csv, python, root, seed_store};
use std::path::{Path, PathBuf};

const EVENTS: &str = "PREFIX cg: <https://w3id.org/councilgraph/ns#> PREFIX dcterms: <http://purl.org/dc/terms/> \
    PREFIX prov: <http://www.w3.org/ns/prov#> \
    SELECT ?e ?date ?former (COUNT(DISTINCT ?doc) AS ?docs) (COUNT(DISTINCT ?report) AS ?reports) WHERE { \
      ?e a cg:InspectionEvent ; prov:wasDerivedFrom ?doc . ?report cg:ofInspection ?e . \
      OPTIONAL { ?e dcterms:date ?date } OPTIONAL { ?e cg:former ?former } } GROUP BY ?e ?date ?former";

fn latest(store: &Path) -> Vec<Vec<String>> {
    let q = root().join("queries/latest-grade-by-council.rq");
    let (out, _) = ok(cg().arg("query").arg(q).args(["--format", "csv", "--store"]).arg(store));
    parse_csv(&out).into_iter().skip(1).collect()
}

#[test]
fn four_articles_about_two_inspections_give_two_events_and_the_latest_grade() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("s.db");
    ok(cg().arg("build").arg(root().join("tests/fixtures/inspections/walsall.jsonl")).arg("--store").arg(&store));
    let events = csv_rows(&store, EVENTS);
    let base = "https://w3id.org/councilgraph/id/inspection-event/e08000030/";
    // 2023: the verdict, the reaction a week later, the undated article
    // (it agrees with 2023 only) and the 2026 article's "last inspection in
    // 2023"; 2026: the new one.
    assert_eq!(
        events,
        [
            vec![format!("{base}2023-03"), "2023-03".into(), String::new(), "4".into(), "4".into()],
            vec![format!("{base}2026-02"), "2026-02".into(), String::new(), "1".into(), "1".into()],
        ]
    );
    assert_eq!(latest(&store), [["Walsall Council", "2026-02", "overall effectiveness", "good", "1"]]);
}

#[test]
fn on_the_seeds_dudley_s_inspection_is_one_dated_event_over_four_articles() {
    let events = csv_rows(seed_store(), EVENTS);
    let dudley: Vec<_> = events.iter().filter(|r| r[0].contains("/e08000027/")).collect();
    assert_eq!(dudley.len(), 1, "{events:?}");
    assert_eq!(dudley[0][1..], ["2016-04", "", "4", "4"]);
    let rows = latest(seed_store());
    let areas: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| (r[0].as_str(), r[2].as_str(), r[3].as_str()))
        .filter(|r| r.1.starts_with("overall"))
        .collect();
    assert_eq!(
        areas,
        [
            ("Dudley Council", "overall effectiveness", "inadequate"),
            ("Sandwell Council", "overall effectiveness", "inadequate")
        ]
    );
    assert_eq!(rows.len(), 7, "Dudley's six judgements and Sandwell's one: {rows:?}");
}

fn shared() -> PathBuf {
    root().join("../shared")
}

/// The latest grades, given back to each article that reports the council,
/// as gold-format rating facts.
fn latest_as_facts(store: &Path) -> String {
    let reporters = csv_rows(
        store,
        "PREFIX cg: <https://w3id.org/councilgraph/ns#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> \
         PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX dcterms: <http://purl.org/dc/terms/> \
         SELECT DISTINCT ?pref ?doc ?label WHERE { GRAPH ?g { ?g dcterms:identifier ?doc . \
         ?r a cg:Inspection ; cg:inspectedBody ?c . ?c skos:prefLabel ?pref ; rdfs:label ?label } }",
    );
    let mut facts = String::new();
    for row in latest(store) {
        for r in reporters.iter().filter(|r| r[0] == row[0]) {
            facts.push_str(&format!("rating\t{}\t{}\t{}\t{}\n", r[1], r[2], row[2], row[3]));
        }
    }
    facts
}

#[test]
fn every_latest_grade_on_the_dev_articles_is_one_the_articles_give() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("dev.db");
    ok(cg().arg("build").arg(shared().join("dev/texts")).arg("--store").arg(&store));
    let facts = dir.path().join("latest.tsv");
    std::fs::write(&facts, latest_as_facts(&store)).unwrap_or_else(|e| panic!("{e}"));
    let out = python(&shared().join("gold/score.py"), [shared().join("dev/gold.tsv"), facts]);
    let table = String::from_utf8_lossy(&out.stdout);
    let rating = table.lines().find(|l| l.starts_with("rating")).unwrap_or_else(|| panic!("{table}"));
    let cols: Vec<&str> = rating.split_whitespace().collect();
    let (precision, tp): (f64, u32) = (cols[1].parse().unwrap_or(0.0), cols[4].parse().unwrap_or(0));
    // Earlier grades are left out on purpose, so recall is not the point;
    // every grade given as the latest must be one an article states.
    assert!(precision >= 0.97 && tp >= 40, "{table}");
}
