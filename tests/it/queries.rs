//! The canned queries in `queries/`, run on a store built from the five seed
//! articles.
//!
//! Each query has a test that checks answers a careful reader takes from the
//! seeds (the facts in the shared gold file, `gold/seeds.tsv`), written to the
//! data model rather than to whatever the extractor prints today. Every
//! `check-*.rq` must find nothing, every file's `# Columns:` header must name
//! the columns it returns, and every query file must have a test here.
//!
//! The helpers are private to this file so that it depends only on the
//! binary's command line: `build` once, then `query FILE --format csv`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A test on one cell's text.
type CellTest = dyn Fn(&str) -> bool;

const D000: &str = "000_75f2b3a10f055015";
const D001: &str = "001_e9a50d3fe32fcae9";
const D002: &str = "002_998a4d9671fc4d96";
const D003: &str = "003_ffc3ee22a31ed9e6";
const D004: &str = "004_773e6525f7c0014f";

/// The questions in `queries/` (check-*.rq aside), one test each below.
/// `every_query_file_has_a_test` keeps this list and the folder in step.
const TESTED: &[&str] = &[
    "article-dates",
    "council-control",
    "councillor-wards",
    "councillors-by-council",
    "councils-by-grade",
    "documents-mentioning-council",
    "latest-grade-by-council",
    "most-quoted",
    "opposition-critics",
    "people-by-party",
    "people-in-document",
    "posts",
    "quotes-by-organisation",
    "quotes-by-party",
    "quotes-by-person",
    "resignation-calls",
];

/// Checks the data model requires; more may be added.
const REQUIRED_CHECKS: &[&str] = &["check-entity-single-label", "check-quote-has-speaker", "check-quote-offsets"];

// ---------------------------------------------------------------- helpers

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn query_dir() -> PathBuf {
    repo().join("queries")
}

fn councilgraph() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("councilgraph").unwrap_or_else(|e| panic!("no binary: {e}"));
    cmd.env_remove("COUNCILGRAPH_STORE").env_remove("COUNCILGRAPH_QUIET");
    cmd
}

/// Runs a command that must succeed and returns its standard output.
fn succeed(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("cannot run councilgraph: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "councilgraph failed ({}):\n{stderr}", out.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
    stdout
}

/// The store built from `seeds/`, once per test run. It lives under Cargo's
/// scratch folder for integration tests (`target/tmp`), which `cargo clean`
/// empties; the static keeps it for the whole run.
fn seed_store() -> &'static Path {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = STORE.get_or_init(|| {
        let dir = tempfile::Builder::new()
            .prefix("queries-seeds-")
            .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
            .unwrap_or_else(|e| panic!("temp dir: {e}"));
        let path = dir.path().join("seeds.db");
        succeed(councilgraph().arg("build").arg(repo().join("seeds")).arg("--store").arg(&path));
        (dir, path)
    });
    path
}

/// A query's result: the CSV header and its rows, in the order printed.
#[derive(Debug)]
struct Table {
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn col(&self, name: &str) -> usize {
        self.columns.iter().position(|c| c == name).unwrap_or_else(|| panic!("no column {name} in {:?}", self.columns))
    }

    /// The values of one column, row by row.
    fn column(&self, name: &str) -> Vec<&str> {
        let i = self.col(name);
        self.rows.iter().map(|r| r[i].as_str()).collect()
    }

    /// The rows as maps from column name to value.
    fn records(&self) -> Vec<BTreeMap<&str, &str>> {
        self.rows
            .iter()
            .map(|r| self.columns.iter().map(String::as_str).zip(r.iter().map(String::as_str)).collect())
            .collect()
    }

    /// The rows whose columns satisfy every (column, test) pair.
    fn matching(&self, tests: &[(&str, &CellTest)]) -> Vec<BTreeMap<&str, &str>> {
        self.records().into_iter().filter(|r| tests.iter().all(|(c, t)| t(r.get(c).copied().unwrap_or("")))).collect()
    }
}

/// Runs `queries/NAME.rq` on the seed store.
fn run(name: &str) -> Table {
    run_file(&query_dir().join(format!("{name}.rq")))
}

fn run_file(file: &Path) -> Table {
    let out = succeed(councilgraph().arg("query").arg(file).arg("--store").arg(seed_store()).args(["--format", "csv"]));
    let mut records = parse_csv(&out).into_iter();
    let columns = records.next().unwrap_or_default();
    let rows: Vec<Vec<String>> = records.collect();
    for r in &rows {
        assert_eq!(r.len(), columns.len(), "{}: row {r:?} does not match the header {columns:?}", file.display());
    }
    Table { columns, rows }
}

/// RFC 4180: commas, quoted fields with doubled quotes and line breaks, CRLF.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    field.push('"');
                    chars.next();
                }
                '"' => in_quotes = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' => in_quotes = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// Lower case, typographic quotes made plain, spaces collapsed.
fn fold(s: &str) -> String {
    let plain: String = s
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            _ => c,
        })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A party label reduced the way the gold file compares parties.
fn party(label: &str) -> String {
    let l = fold(label);
    if l.contains("conservative") || l.contains("tory") || l.contains("tories") {
        "conservative".into()
    } else if l.contains("labour") {
        "labour".into()
    } else if l.contains("uk independence") || l == "ukip" {
        "ukip".into()
    } else {
        l
    }
}

/// A council label without "Council", "Metropolitan", "Borough" and the like.
fn council(label: &str) -> String {
    fold(label)
        .split(' ')
        .filter(|w| !matches!(*w, "council" | "metropolitan" | "borough" | "city" | "county" | "district" | "of"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn is(want: &'static str) -> impl Fn(&str) -> bool {
    move |v| v == want
}

fn is_party(want: &'static str) -> impl Fn(&str) -> bool {
    move |v| party(v) == want
}

fn is_council(want: &'static str) -> impl Fn(&str) -> bool {
    move |v| council(v) == want
}

fn has_words(want: &'static str) -> impl Fn(&str) -> bool {
    move |v| fold(v).contains(want)
}

fn number(s: &str) -> i64 {
    s.parse().unwrap_or_else(|e| panic!("not a number: {s:?} ({e})"))
}

fn set<T: Ord>(values: impl IntoIterator<Item = T>) -> BTreeSet<T> {
    values.into_iter().collect()
}

/// The column names a query file's `# Columns:` header gives, in order.
fn header_columns(text: &str) -> Vec<String> {
    let mut spec = String::new();
    let mut lines = text.lines();
    for line in lines.by_ref() {
        if let Some(rest) = line.strip_prefix("# Columns:") {
            spec.push_str(rest);
            break;
        }
    }
    // Continuation lines are indented comments.
    for line in lines {
        match line.strip_prefix('#') {
            Some(rest) if rest.starts_with("  ") => {
                spec.push(' ');
                spec.push_str(rest.trim());
            }
            _ => break,
        }
    }
    let mut names = Vec::new();
    let mut depth = 0;
    let mut item = String::new();
    for c in spec.chars().chain(std::iter::once(',')) {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                if let Some(word) = item.split_whitespace().next() {
                    names.push(word.to_owned());
                }
                item.clear();
            }
            _ if depth == 0 => item.push(c),
            _ => {}
        }
    }
    names
}

fn query_files() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(query_dir())
        .unwrap_or_else(|e| panic!("queries/: {e}"))
        .map(|e| e.unwrap_or_else(|e| panic!("queries/: {e}")).file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix(".rq").map(str::to_owned))
        .collect();
    names.sort();
    names
}

// ---------------------------------------------------------------- questions

/// Sarah Norman's quotations in the gold file: (document, first words).
const SARAH_NORMAN: &[(&str, &str)] = &[
    (D001, "children's services in the borough simply weren't good enough"),
    (D001, "this is why we brought in a new senior management team"),
    (D001, "we fully accept ofsted's findings"),
    (D002, "i can only apologise to the children, young people and families"),
    (D002, "when i joined dudley council last year"),
    (D002, "we brought in outside experts to review practices"),
    (D002, "the inspection result very much confirmed"),
    (D002, "one of the positives from the report"),
    (D002, "we haven't been slack in making progress"),
    (D002, "i think from the experiences of other councils"),
    (D002, "we started this work in spring last year"),
    (D002, "it's possible that the government could decide"),
    (D002, "we want to work very constructively with the commissioner"),
    (D004, "we fully accept ofsted's findings"),
    (D004, "we have acted quickly over the last 12 months"),
    (D004, "the report makes it clear that we were starting from a low base"),
];

#[test]
fn quotes_by_person() {
    let t = run("quotes-by-person");
    assert_eq!(set(t.column("doc")), set([D001, D002, D004]), "{t:#?}");
    assert!(t.column("speaker").iter().all(|s| *s == "Sarah Norman"), "{t:#?}");
    for (doc, words) in SARAH_NORMAN {
        assert!(
            t.records().iter().any(|r| r["doc"] == *doc && fold(r["quote"]).contains(words)),
            "Sarah Norman's quotation \"{words}\" in {doc} is missing: {t:#?}"
        );
    }
    for r in t.records() {
        assert!(number(r["begin"]) < number(r["end"]), "{r:?}");
    }
}

#[test]
fn quotes_by_party() {
    let t = run("quotes-by-party");
    let by_party: BTreeMap<String, (i64, i64)> =
        t.records().iter().map(|r| (party(r["party"]), (number(r["quotations"]), number(r["speakers"])))).collect();
    assert_eq!(by_party.keys().map(String::as_str).collect::<Vec<_>>(), ["conservative", "labour", "ukip"], "{t:#?}");
    // Harley 6, Jones 2, Morris 5; Brothwood 4, Perks 1, Etheridge 2.
    assert_eq!(by_party["conservative"], (13, 3), "{t:#?}");
    assert_eq!(by_party["ukip"], (7, 3), "{t:#?}");
    // Crumpton 3 and Cooper 3 for certain; Lowe and Hackett are Labour only by inference.
    let (quotes, speakers) = by_party["labour"];
    assert!(quotes >= 6 && speakers >= 2, "{t:#?}");
    // Most quoted first.
    let counts: Vec<i64> = t.column("quotations").into_iter().map(number).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{t:#?}");
}

#[test]
fn quotes_by_organisation() {
    let t = run("quotes-by-organisation");
    let ofsted = t.matching(&[("organisation", &is("Ofsted"))]);
    assert_eq!(set(ofsted.iter().map(|r| r["doc"])), set([D000, D001, D002, D003, D004]), "{t:#?}");
    assert!(
        ofsted
            .iter()
            .any(|r| r["doc"] == D002 && fold(r["quote"]).contains("many aspects of political leadership are weak")),
        "{t:#?}"
    );
    assert!(
        t.records()
            .iter()
            .any(|r| r["doc"] == D000 && fold(r["quote"]).contains("vulnerable children are being failed")),
        "the NSPCC's statement: {t:#?}"
    );
    let people = ["Sarah Norman", "Patrick Harley", "James Morris", "Jacqui Smith"];
    assert!(!t.column("organisation").iter().any(|o| people.contains(o)), "people are not organisations: {t:#?}");
}

#[test]
fn most_quoted() {
    let t = run("most-quoted");
    let first = t.records().into_iter().next().unwrap_or_else(|| panic!("no rows"));
    assert_eq!(first["speaker"], "Ofsted", "22 quotations from the reports, more than anyone: {t:#?}");
    assert_eq!(first["docs"], "5", "{t:#?}");
    let norman = t.matching(&[("speaker", &is("Sarah Norman"))]);
    assert_eq!(norman.len(), 1, "{t:#?}");
    assert!(number(norman[0]["quotations"]) >= 16 && norman[0]["docs"] == "3", "{t:#?}");
    // Sarah Norman is the most quoted person.
    let people_before: Vec<&str> = t.column("speaker").into_iter().take_while(|s| *s != "Sarah Norman").collect();
    assert_eq!(people_before, ["Ofsted"], "{t:#?}");
    let counts: Vec<i64> = t.column("quotations").into_iter().map(number).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "not in descending order: {t:#?}");
}

/// Gold ratings: (council, words of the area's label, grade). Sandwell's
/// areas other than overall are stated only by inference (optional).
const RATINGS: &[(&str, &str, &str)] = &[
    ("dudley", "overall", "inadequate"),
    ("dudley", "help and protection", "inadequate"),
    ("dudley", "looked after", "inadequate"),
    ("dudley", "adoption", "inadequate"),
    ("dudley", "leadership", "inadequate"),
    ("dudley", "care leavers", "requires improvement to be good"),
    ("sandwell", "overall", "inadequate"),
];
const OPTIONAL_RATINGS: &[(&str, &str, &str)] = &[
    ("sandwell", "help and protection", "inadequate"),
    ("sandwell", "looked after", "inadequate"),
    ("sandwell", "adoption", "inadequate"),
    ("sandwell", "leadership", "inadequate"),
];

#[test]
fn councils_by_grade() {
    let t = run("councils-by-grade");
    for (c, area, grade) in RATINGS {
        assert!(
            t.records()
                .iter()
                .any(|r| council(r["council"]) == *c && fold(r["area"]).contains(area) && r["grade"] == *grade),
            "{c}: {area} should be {grade}: {t:#?}"
        );
    }
    // Nothing else, and one grade per council and area.
    for r in t.records() {
        let known = RATINGS.iter().chain(OPTIONAL_RATINGS).any(|(c, area, grade)| {
            council(r["council"]) == *c && fold(r["area"]).contains(area) && r["grade"] == *grade
        });
        assert!(known, "a rating the articles do not give: {r:?}");
    }
    let pairs: Vec<(&str, &str)> = t.records().iter().map(|r| (r["council"], r["area"])).collect();
    let unique: BTreeSet<&(&str, &str)> = pairs.iter().collect();
    assert_eq!(unique.len(), pairs.len(), "two grades for one area: {t:#?}");
    let overall = t.matching(&[("council", &is_council("dudley")), ("area", &is("overall effectiveness"))]);
    assert_eq!(overall.len(), 1, "{t:#?}");
    let docs = set(overall[0]["docs"].split(' '));
    assert!(docs.is_superset(&set([D001, D002, D004])), "{t:#?}");
}

#[test]
fn latest_grade_by_council() {
    let t = run("latest-grade-by-council");
    // Every grade the seeds give is the current inspection's, and each
    // council's inspection is one event, dated by its articles.
    for (c, area, grade) in RATINGS {
        let found = t
            .records()
            .iter()
            .any(|r| council(r["council"]) == *c && fold(r["area"]).contains(area) && r["grade"] == *grade);
        assert!(found, "{c}: {area} should be {grade}: {t:#?}");
    }
    for r in t.records() {
        let date = if council(r["council"]) == "dudley" { "2016-04" } else { "2018-01" };
        assert_eq!(r["date"], date, "{r:?}");
    }
    let dudley = t.matching(&[("council", &is_council("dudley")), ("area", &is("overall effectiveness"))]);
    assert_eq!(dudley.len(), 1, "{t:#?}");
    assert_eq!(dudley[0]["articles"], "4", "the four Dudley articles report one inspection: {t:#?}");
}

#[test]
fn council_control() {
    let t = run("council-control");
    let control: BTreeSet<(String, String)> =
        t.records().iter().map(|r| (council(r["council"]), party(r["party"]))).collect();
    let want: BTreeSet<(String, String)> =
        [("dudley", "labour"), ("sandwell", "labour")].iter().map(|(c, p)| (c.to_string(), p.to_string())).collect();
    assert_eq!(control, want, "{t:#?}");
    let ons = "http://statistics.data.gov.uk/id/statistical-geography/";
    assert!(t.matching(&[("council", &is_council("dudley"))]).iter().all(|r| r["ons"] == format!("{ons}E08000027")));
    assert!(t.matching(&[("council", &is_council("sandwell"))]).iter().all(|r| r["ons"] == format!("{ons}E08000028")));
    let dudley_docs: BTreeSet<&str> =
        t.matching(&[("council", &is_council("dudley"))]).iter().flat_map(|r| r["docs"].split(' ')).collect();
    assert!(dudley_docs.is_superset(&set([D000, D001])), "{t:#?}");
}

#[test]
fn councillors_by_council() {
    let t = run("councillors-by-council");
    let seats: BTreeSet<(String, &str)> =
        t.records().iter().map(|r| (council(r["council"]), r["councillor"])).collect();
    let dudley = [
        "Bill Etheridge",
        "Dave Vickers",
        "Dean Perks",
        "Ian Cooper",
        "Les Jones",
        "Patrick Harley",
        "Paul Brothwood",
        "Pete Lowe",
        "Tim Crumpton",
    ];
    let mut want: BTreeSet<(String, &str)> = dudley.iter().map(|p| ("dudley".to_owned(), *p)).collect();
    want.insert(("sandwell".to_owned(), "Simon Hackett"));
    want.insert(("sandwell".to_owned(), "Steve Eling"));
    assert_eq!(seats, want, "{t:#?}");
    assert!(
        t.matching(&[("councillor", &is("Dean Perks")), ("party", &is_party("ukip"))]).len() == 1,
        "Dean Perks is a UKIP councillor: {t:#?}"
    );
    assert!(!t.column("councillor").contains(&"Sarah Norman"), "a chief executive does not sit on the council");
}

#[test]
fn councillor_wards() {
    let t = run("councillor-wards");
    // The only ward the articles give (and only by inference from
    // "Sedgley ward Councillor Bill Etheridge"): nothing else may appear.
    for r in t.records() {
        assert_eq!((r["councillor"], r["ward"], r["doc"]), ("Bill Etheridge", "Sedgley", D002), "{t:#?}");
        assert!(r["council"].is_empty() || council(r["council"]) == "dudley", "{r:?}");
    }
}

#[test]
fn posts() {
    let t = run("posts");
    let holds = |person: &'static str, post: &'static str, org: Option<&'static str>, former: &'static str| {
        let rows = t.matching(&[("person", &is(person)), ("post", &has_words(post)), ("former", &is(former))]);
        let found =
            rows.iter().any(|r| org.is_none_or(|o| council(r["organisation"]) == o || fold(r["organisation"]) == o));
        assert!(found, "{person}: {post} ({org:?}, former {former}) missing: {t:#?}");
    };
    holds("Sarah Norman", "chief executive", Some("dudley"), "false");
    holds("Tim Crumpton", "cabinet member", Some("dudley"), "true");
    holds("Ian Cooper", "cabinet member", Some("dudley"), "false");
    holds("Les Jones", "leader", Some("dudley"), "true");
    holds("Pete Lowe", "leader", Some("dudley"), "false");
    holds("Steve Eling", "leader", Some("sandwell"), "false");
    holds("Simon Hackett", "cabinet member", Some("sandwell"), "false");
    holds("Jacqui Smith", "home secretary", None, "true");
    holds("Jacqui Smith", "chair", Some("sandwell children's trust"), "false");
    holds("James Morris", "mp", None, "false");
    holds("Eleanor Brazil", "commissioner", None, "false");
    holds("Graham Usher", "bishop", None, "false");
    for r in t.records() {
        assert!(matches!(r["former"], "true" | "false"), "{r:?}");
        assert!(!r["docs"].is_empty(), "{r:?}");
    }
    assert!(!t.column("person").contains(&"Dean Perks"), "the articles give Dean Perks no post: {t:#?}");
}

#[test]
fn people_by_party() {
    let t = run("people-by-party");
    let members: BTreeSet<(String, &str)> = t.records().iter().map(|r| (party(r["party"]), r["person"])).collect();
    let certain = [
        ("conservative", "James Morris"),
        ("conservative", "Les Jones"),
        ("conservative", "Patrick Harley"),
        ("labour", "Ian Cooper"),
        ("labour", "Tim Crumpton"),
        ("ukip", "Bill Etheridge"),
        ("ukip", "Dean Perks"),
        ("ukip", "Paul Brothwood"),
    ];
    let inferred = [("labour", "Pete Lowe"), ("labour", "Simon Hackett"), ("labour", "Steve Eling")];
    for (p, person) in certain {
        assert!(members.contains(&(p.to_owned(), person)), "{person} belongs to {p}: {t:#?}");
    }
    for (p, person) in &members {
        let known = certain.iter().chain(&inferred).any(|(q, n)| q == p && n == person);
        assert!(known, "{person} is not known to belong to {p}: {t:#?}");
    }
    let harley = t.matching(&[("person", &is("Patrick Harley"))]);
    assert_eq!(harley.len(), 1, "{t:#?}");
    assert_eq!(harley[0]["docs"], "3", "Patrick Harley is named in 000, 001 and 002: {t:#?}");
}

#[test]
fn opposition_critics() {
    let t = run("opposition-critics");
    let critics: BTreeSet<(String, &str, &str)> =
        t.records().iter().map(|r| (council(r["council"]), r["critic"], r["doc"])).collect();
    for (c, person, doc) in [
        ("dudley", "Patrick Harley", D000),
        ("dudley", "Patrick Harley", D001),
        ("dudley", "Paul Brothwood", D000),
        ("dudley", "Les Jones", D000),
        ("dudley", "Dean Perks", D000),
        ("sandwell", "James Morris", D003),
    ] {
        assert!(critics.contains(&(c.to_owned(), person, doc)), "{person} criticises {c} in {doc}: {t:#?}");
    }
    for r in t.records() {
        assert_eq!(party(r["controlling_party"]), "labour", "{r:?}");
        assert_ne!(party(r["critic_party"]), "labour", "{r:?}");
    }
    for labour in ["Ian Cooper", "Tim Crumpton", "Simon Hackett", "Sarah Norman"] {
        assert!(!t.column("critic").contains(&labour), "{labour} is no opposition critic: {t:#?}");
    }
    assert!(!critics.contains(&("sandwell".to_owned(), "Patrick Harley", D000)), "000 does not name Sandwell");
}

#[test]
fn resignation_calls() {
    let t = run("resignation-calls");
    let calls: BTreeSet<(&str, &str)> = t.records().iter().map(|r| (r["caller"], r["target"])).collect();
    let want =
        set([("Patrick Harley", "Tim Crumpton"), ("Paul Brothwood", "Tim Crumpton"), ("James Morris", "Steve Eling")]);
    assert_eq!(calls, want, "{t:#?}");
    assert!(t.matching(&[("caller", &is("James Morris")), ("doc", &is(D003))]).len() == 1, "{t:#?}");
    assert!(
        t.matching(&[("caller", &is("Patrick Harley")), ("target", &is("Tim Crumpton"))])
            .iter()
            .any(|r| r["doc"] == D000),
        "{t:#?}"
    );
}

#[test]
fn documents_mentioning_council() {
    let t = run("documents-mentioning-council");
    assert_eq!(set(t.column("doc")), set([D000, D001, D002, D004]), "Dudley is not named in 003: {t:#?}");
    assert!(t.column("council").iter().all(|c| council(c) == "dudley"), "{t:#?}");
    assert!(t.matching(&[("doc", &is(D004)), ("date", &is("2016-04-06"))]).len() == 1, "{t:#?}");
}

#[test]
fn people_in_document() {
    let t = run("people-in-document");
    assert!(t.column("doc").iter().all(|d| *d == D003), "{t:#?}");
    assert_eq!(
        set(t.column("person")),
        set(["Frances Craven", "Jacqui Smith", "James Morris", "Simon Hackett", "Steve Eling"]),
        "{t:#?}"
    );
    let smith = t.matching(&[("person", &is("Jacqui Smith"))]);
    let posts = fold(smith[0]["posts"]);
    assert!(posts.contains("former home secretary") && posts.contains("sandwell children's trust"), "{t:#?}");
    let eling = t.matching(&[("person", &is("Steve Eling"))]);
    assert!(fold(eling[0]["posts"]).contains("leader"), "{t:#?}");
}

#[test]
fn article_dates() {
    let t = run("article-dates");
    assert_eq!(t.column("doc"), [D000, D001, D002, D003, D004], "{t:#?}");
    for r in t.records() {
        assert!(r["source"].ends_with(&format!("{}.txt", r["doc"])), "{r:?}");
    }
    let d004 = t.matching(&[("doc", &is(D004))]);
    assert_eq!((d004[0]["date"], d004[0]["author"]), ("2016-04-06", "William Eichler"), "{t:#?}");
    // Dates the text gives only by inference may be there; if so, right.
    for (doc, date) in [(D001, "2016-04-05"), (D003, "2018-01-29")] {
        let row = t.matching(&[("doc", &is(doc))]);
        assert!(row[0]["date"].is_empty() || row[0]["date"] == date, "{t:#?}");
    }
    for doc in [D000, D001, D002, D003] {
        assert!(t.matching(&[("doc", &is(doc))])[0]["author"].is_empty(), "{doc} names no author: {t:#?}");
    }
}

// ---------------------------------------------------------------- checks and bookkeeping

#[test]
fn checks_find_nothing() {
    let checks: Vec<String> = query_files().into_iter().filter(|n| n.starts_with("check-")).collect();
    for required in REQUIRED_CHECKS {
        assert!(checks.iter().any(|c| c == required), "queries/{required}.rq is missing");
    }
    let mut failures = Vec::new();
    for check in &checks {
        let t = run(check);
        if !t.rows.is_empty() {
            failures.push(format!("{check}.rq found {} problems:\n  {:?}\n  {:?}", t.rows.len(), t.columns, t.rows));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_query_file_has_a_test() {
    let questions: Vec<String> = query_files().into_iter().filter(|n| !n.starts_with("check-")).collect();
    let tested: Vec<String> = TESTED.iter().map(|s| s.to_string()).collect();
    assert_eq!(questions, tested, "queries/ and TESTED in tests/it/queries.rs differ: add a test for a new query");
}

#[test]
fn headers_name_the_columns() {
    for name in query_files() {
        let file = query_dir().join(format!("{name}.rq"));
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let title = text.lines().next().unwrap_or("");
        assert!(title.starts_with("# ") && title.len() > 4, "{name}.rq does not open with a title comment");
        let columns = header_columns(&text);
        assert!(!columns.is_empty(), "{name}.rq has no '# Columns:' line");
        assert_eq!(run(&name).columns, columns, "{name}.rq: the header's columns differ from the result's");
    }
}
