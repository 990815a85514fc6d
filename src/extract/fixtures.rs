//! Fixture tests: every `tests/fixtures/extract/*.txt` article (invented
//! names, our own sentences) is extracted and compared with its `.facts`
//! file. A line `kind<TAB>…` must be produced (a quote line matches when the
//! extracted quotation starts with the given words); a line `!kind<TAB>…`
//! must not be (for a quote: no quotation starting with those words by that
//! speaker). Lines starting with `#` are comments.

use crate::ingest::Document;
use std::path::Path;

fn check(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let facts = std::fs::read_to_string(path.with_extension("facts")).unwrap_or_default();
    let doc = Document::from_text("fixture", path.display().to_string(), text.clone());
    let seg = crate::segment::segment(&text);
    let x = super::extract(&seg, &doc);
    let got = super::report::lines(&text, &x);
    let matches = |want: &str| {
        if let Some(q) = want.strip_prefix("quote\t") {
            got.iter().any(|g| g.strip_prefix("quote\t").is_some_and(|g| g.starts_with(q)))
        } else {
            got.iter().any(|g| g == want)
        }
    };
    let mut problems = Vec::new();
    for line in facts.lines().map(str::trim_end).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        if let Some(neg) = line.strip_prefix('!') {
            if matches(neg) {
                problems.push(format!("{}: unwanted {neg}", path.display()));
            }
        } else if !matches(line) {
            problems.push(format!("{}: missing {line}", path.display()));
        }
    }
    if !problems.is_empty() {
        problems.push(format!("  extracted:\n    {}", got.join("\n    ")));
    }
    problems
}

#[test]
fn every_fixture_gives_its_facts() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/extract");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect()
        })
        .unwrap_or_default();
    files.sort();
    assert!(files.len() >= 8, "fixtures missing in {}", dir.display());
    let problems: Vec<String> = files.iter().flat_map(|f| check(f)).collect();
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}
