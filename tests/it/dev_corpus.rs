//! The extraction floor on real articles: builds the 40 development
//! articles of `../shared/dev` with the binary under test, scores the facts
//! with the shared scorer (`../shared/gold/score.py`, through the shared
//! `kgfacts.py`, which uses only the public command line) and fails when
//! micro F1 falls under 0.93 or any kind with at least 10 gold facts under
//! 0.85. The articles are read where they are; nothing of them is copied.

use crate::util;
use std::path::PathBuf;
use std::process::Command;

const MICRO_FLOOR: f64 = 0.93;
const KIND_FLOOR: f64 = 0.85;
/// Kinds with fewer gold facts than this are too small for a floor.
const MIN_GOLD: u32 = 10;

fn shared() -> PathBuf {
    util::root().join("../shared")
}

/// One row of the score table: kind, F1, tp, fp, fn.
fn parse_row(line: &str) -> Option<(String, f64, u32, u32, u32)> {
    let cols: Vec<&str> = line.split_whitespace().collect();
    if cols.len() != 7 {
        return None;
    }
    let f1 = cols[3].parse().ok()?;
    Some((cols[0].to_owned(), f1, cols[4].parse().ok()?, cols[5].parse().ok()?, cols[6].parse().ok()?))
}

fn python(args: &[&std::ffi::OsStr]) -> String {
    let out = Command::new("python3").args(args).output().unwrap_or_else(|e| panic!("python3: {e}"));
    assert!(out.status.success(), "python3 {args:?} failed:\n{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn dev_articles_score_above_the_floor() {
    let shared = shared();
    assert!(shared.join("dev/texts").is_dir(), "the development corpus is missing: {}", shared.display());
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let store = dir.path().join("dev.db");
    let facts = python(&[
        shared.join("eval/kgfacts.py").as_os_str(),
        util::bin().as_os_str(),
        shared.join("dev/texts").as_os_str(),
        store.as_os_str(),
    ]);
    let facts_file = dir.path().join("facts.tsv");
    std::fs::write(&facts_file, facts).unwrap_or_else(|e| panic!("write: {e}"));
    let table = python(&[
        shared.join("gold/score.py").as_os_str(),
        shared.join("dev/gold.tsv").as_os_str(),
        facts_file.as_os_str(),
    ]);
    println!("{table}");
    let rows: Vec<_> = table.lines().filter_map(parse_row).collect();
    let micro = rows.iter().find(|r| r.0 == "micro").unwrap_or_else(|| panic!("no micro row in:\n{table}"));
    assert!(micro.1 >= MICRO_FLOOR, "micro F1 {} under {MICRO_FLOOR}:\n{table}", micro.1);
    for (kind, f1, tp, _, fn_) in rows.iter().filter(|r| r.0 != "micro") {
        if tp + fn_ >= MIN_GOLD {
            assert!(*f1 >= KIND_FLOOR, "{kind} F1 {f1} under {KIND_FLOOR}:\n{table}");
        }
    }
}

#[test]
fn score_rows_parse() {
    assert_eq!(parse_row("quote       0.946  0.869  0.906  192  11  29"), Some(("quote".into(), 0.906, 192, 11, 29)));
    assert_eq!(parse_row("kind            P      R     F1   tp  fp  fn"), None);
}
