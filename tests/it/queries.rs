//! Every query in queries/ runs on the seeds and finds a known answer;
//! every check-*.rq finds nothing.

use crate::util::{csv_rows, root, seed_store};

fn run(name: &str) -> Vec<Vec<String>> {
    csv_rows(seed_store(), &root().join("queries").join(format!("{name}.rq")).display().to_string())
}

fn has(rows: &[Vec<String>], want: &[&str]) -> bool {
    rows.iter().any(|r| want.iter().all(|w| r.iter().any(|c| c == w)))
}

const TESTED: &[&str] = &[
    "quotes-by-person",
    "quotes-by-party",
    "councils-by-grade",
    "posts",
    "opposition-critics",
    "people-by-party",
    "resignation-calls",
    "documents-mentioning-council",
    "councillors-by-council",
    "most-quoted",
    "article-dates",
    "council-control",
];

#[test]
fn quotes_by_person() {
    let rows = run("quotes-by-person");
    let docs: std::collections::BTreeSet<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        docs.into_iter().collect::<Vec<_>>(),
        ["001_e9a50d3fe32fcae9", "002_998a4d9671fc4d96", "004_773e6525f7c0014f"]
    );
    assert!(rows.iter().any(|r| r[1].starts_with("We fully accept Ofsted")), "{rows:?}");
}

#[test]
fn quotes_by_party() {
    let rows = run("quotes-by-party");
    assert!(rows.iter().any(|r| r[0] == "UK Independence Party" && r[2] == "3"), "{rows:?}");
}

#[test]
fn councils_by_grade() {
    let rows = run("councils-by-grade");
    assert!(has(&rows, &["Dudley Council", "overall effectiveness", "inadequate"]), "{rows:?}");
    assert!(
        has(&rows, &["Dudley Council", "experiences and progress of care leavers", "requires improvement to be good"]),
        "{rows:?}"
    );
    assert!(has(&rows, &["Sandwell Council", "overall effectiveness", "inadequate"]), "{rows:?}");
}

#[test]
fn posts() {
    let rows = run("posts");
    assert!(has(&rows, &["Sarah Norman", "chief executive", "Dudley Council"]), "{rows:?}");
    assert!(has(&rows, &["Tim Crumpton", "cabinet member for children's services", "true"]), "{rows:?}");
}

#[test]
fn opposition_critics() {
    let rows = run("opposition-critics");
    assert!(has(&rows, &["Dudley Council", "Labour Party", "Patrick Harley", "Conservative Party"]), "{rows:?}");
    assert!(!rows.iter().any(|r| r[2] == "Ian Cooper"), "a Labour cabinet member is no opposition critic: {rows:?}");
}

#[test]
fn people_by_party() {
    let rows = run("people-by-party");
    assert!(has(&rows, &["UK Independence Party", "Dean Perks"]), "{rows:?}");
    assert!(has(&rows, &["Conservative Party", "James Morris"]), "{rows:?}");
}

#[test]
fn resignation_calls() {
    let rows = run("resignation-calls");
    assert!(has(&rows, &["Patrick Harley", "Tim Crumpton"]), "{rows:?}");
    assert!(has(&rows, &["James Morris", "Steve Eling"]), "{rows:?}");
}

#[test]
fn documents_mentioning_council() {
    let rows = run("documents-mentioning-council");
    let docs: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(docs, ["000_75f2b3a10f055015", "001_e9a50d3fe32fcae9", "002_998a4d9671fc4d96", "004_773e6525f7c0014f"]);
}

#[test]
fn councillors_by_council() {
    let rows = run("councillors-by-council");
    assert!(has(&rows, &["Sandwell Council", "Steve Eling"]), "{rows:?}");
    assert!(!rows.iter().any(|r| r[1] == "Sarah Norman"), "a chief executive is no councillor: {rows:?}");
}

#[test]
fn most_quoted() {
    let rows = run("most-quoted");
    assert!(has(&rows, &["Sarah Norman", "3"]), "{rows:?}");
}

#[test]
fn article_dates() {
    let rows = run("article-dates");
    assert!(has(&rows, &["004_773e6525f7c0014f", "2016-04-06", "William Eichler"]), "{rows:?}");
}

#[test]
fn council_control() {
    let rows = run("council-control");
    assert!(
        has(
            &rows,
            &["Sandwell Council", "Labour Party", "http://statistics.data.gov.uk/id/statistical-geography/E08000028"]
        ),
        "{rows:?}"
    );
}

#[test]
fn checks_find_nothing() {
    let dir = root().join("queries");
    let mut checked = 0;
    for e in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{e}")).filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with("check-") && name.ends_with(".rq") {
            let rows = csv_rows(seed_store(), &e.path().display().to_string());
            assert!(rows.is_empty(), "{name} found {rows:?}");
            checked += 1;
        }
    }
    assert!(checked >= 3);
}

#[test]
fn every_query_file_is_tested() {
    let dir = root().join("queries");
    for e in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{e}")).filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".rq") {
            assert!(
                stem.starts_with("check-") || TESTED.contains(&stem),
                "queries/{name} has no test in tests/it/queries.rs"
            );
        }
    }
}
