//! The distributed path: `scripts/spark-extract.py` runs `councilgraph
//! extract` under Apache Spark (`local[2]`) over the 40 development articles
//! (`../shared/dev/texts`, read in place and written as JSON Lines into a
//! temporary folder, one record per article with its file stem as `id`) in
//! 4 partitions, and the union of the shards' quads must be the quads of
//! `councilgraph extract` of the folder.
//!
//! The two runs differ in one way only, by design: a file's `dcterms:source`
//! is its path, and a JSON Lines record without a `url` read from standard
//! input has none. So the folder's `dcterms:source` quads are left out of
//! the comparison (and the shards must have none); every other quad,
//! including each document's IRI and identifier, must be equal.
//!
//! Spark must be installed (`scripts/install-deps.sh` installs pyspark and
//! checks Java): without it this test fails, it does not skip.

use crate::util::{self, bin, ok};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

const DC_SOURCE: &str = "<http://purl.org/dc/terms/source>";

/// The development articles as one JSON Lines file, in `dir`.
fn dev_jsonl(texts: &Path, dir: &Path) -> std::path::PathBuf {
    let mut files: Vec<_> = std::fs::read_dir(texts)
        .unwrap_or_else(|e| panic!("{}: {e}", texts.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 40, "the development corpus changed");
    let mut lines = String::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let id = f.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
        lines.push_str(&serde_json::json!({ "id": id, "text": text }).to_string());
        lines.push('\n');
    }
    let path = dir.join("dev.jsonl");
    std::fs::write(&path, lines).unwrap_or_else(|e| panic!("{e}"));
    path
}

/// The distinct non-empty lines of N-Quads text.
fn quads(text: &str) -> BTreeSet<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_owned).collect()
}

#[test]
fn spark_shards_union_to_the_quads_of_extract() {
    let pyspark = Command::new("python3").args(["-c", "import pyspark"]).output();
    assert!(
        pyspark.as_ref().is_ok_and(|o| o.status.success()),
        "pyspark is missing (scripts/install-deps.sh installs it): {pyspark:?}"
    );
    let texts = util::root().join("../shared/dev/texts");
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let input = dev_jsonl(&texts, dir.path());
    let shards = dir.path().join("shards");
    let out = Command::new("python3")
        .arg(util::root().join("scripts/spark-extract.py"))
        .arg("--bin")
        .arg(bin())
        .args(["--master", "local[2]", "--partitions", "4"])
        .arg(&input)
        .arg(&shards)
        .output()
        .unwrap_or_else(|e| panic!("python3: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "spark-extract failed ({:?}):\n{stderr}", out.status);

    let mut union = BTreeSet::new();
    let mut filled = 0;
    for entry in std::fs::read_dir(&shards).unwrap_or_else(|e| panic!("{e}")).filter_map(Result::ok) {
        if !entry.file_name().to_string_lossy().starts_with("part-") {
            continue;
        }
        let shard = quads(&std::fs::read_to_string(entry.path()).unwrap_or_else(|e| panic!("{e}")));
        filled += usize::from(!shard.is_empty());
        union.extend(shard);
    }
    assert!(filled >= 3, "only {filled} shards hold quads: the job did not run in several partitions\n{stderr}");
    assert!(!union.iter().any(|q| q.contains(DC_SOURCE)), "a record without a url got a dcterms:source");

    let (folder, _) = ok(util::cg().args(["extract", "--quiet"]).arg(&texts));
    let folder: BTreeSet<String> = quads(&folder).into_iter().filter(|q| !q.contains(DC_SOURCE)).collect();
    assert!(folder.len() > 1000, "{} quads", folder.len());
    let missing: Vec<_> = folder.difference(&union).take(5).collect();
    let extra: Vec<_> = union.difference(&folder).take(5).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing from the shards: {missing:#?}\nonly in the shards: {extra:#?}"
    );
}
