//! Text that reaches a terminal is escaped (issue 9): no raw control
//! characters from articles or file names in the query table, `explain`
//! or the messages on stderr.

use crate::util::{cg, ok};

/// True when `s` holds a character a terminal acts on (ESC, CSI, BEL …).
fn has_raw_controls(s: &str) -> bool {
    s.chars().any(|c| c.is_control() && c != '\n')
}

#[test]
fn article_text_and_file_names_are_escaped_on_the_terminal() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = dir.path().join("in");
    std::fs::create_dir_all(&d).ok();
    // C1 controls (U+009B is CSI) survive ingest; they must not reach a terminal raw.
    let story = "Councillor Hazel Brightwater said: \"We will\u{9b}2J publish the plan\u{85} next month.\"\n";
    std::fs::write(d.join("story.txt"), story).ok();
    std::fs::write(d.join("title\u{1b}]0;pwned\u{7}.txt"), "").ok();
    let store = dir.path().join("s.db");
    let (_, err) = ok(cg().arg("build").arg(&d).arg("--store").arg(&store));
    assert!(!has_raw_controls(&err), "raw control characters on stderr: {err:?}");
    assert!(err.contains("title\\u{1b}]0;pwned\\u{7}.txt: empty file"), "{err}");
    let (table, _) =
        ok(cg().args(["query", "SELECT ?t WHERE { ?q <http://schema.org/text> ?t }", "--store"]).arg(&store));
    assert!(!has_raw_controls(&table), "raw control characters in the table: {table:?}");
    assert!(table.contains("We will\\u{9b}2J publish"), "{table}");
    let (explained, _) = ok(cg().args(["explain", "Brightwater", "--store"]).arg(&store));
    assert!(!has_raw_controls(&explained), "raw control characters from explain: {explained:?}");
    assert!(explained.contains("\\u{9b}2J"), "{explained}");
    // Data formats keep the text as it is.
    let (csv, _) = ok(cg()
        .args(["query", "SELECT ?t WHERE { ?q <http://schema.org/text> ?t }", "--format", "csv", "--store"])
        .arg(&store));
    assert!(csv.contains('\u{9b}'), "{csv:?}");
}
