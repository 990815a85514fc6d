//! Command-line paths → inputs: files as given, folders read recursively
//! (sorted, hidden entries skipped, known article extensions only), `-` as
//! standard input.

use super::{IngestError, Input, Skipped};
use std::path::{Path, PathBuf};

/// Extensions read from folders (a file named explicitly is read whatever its name).
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "html", "htm", "jsonl", "ndjson"];

/// Expands command-line paths into inputs, reporting missing ones.
pub fn expand(paths: &[PathBuf]) -> Result<(Vec<Input>, Vec<Skipped>), IngestError> {
    let mut inputs = Vec::new();
    let mut skipped = Vec::new();
    let mut stdin = false;
    for p in paths {
        if p.as_os_str() == "-" {
            if stdin {
                return Err(IngestError::StdinTwice);
            }
            stdin = true;
            inputs.push(Input::Stdin);
            continue;
        }
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut inputs, &mut skipped),
            Ok(_) => inputs.push(Input::File(p.clone())),
            Err(e) => {
                skipped.push(Skipped { source: p.display().to_string(), reason: super::io_reason(&e), is_error: true })
            }
        }
    }
    Ok((inputs, skipped))
}

fn walk(dir: &Path, inputs: &mut Vec<Input>, skipped: &mut Vec<Skipped>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            skipped.push(Skipped { source: dir.display().to_string(), reason: super::io_reason(&e), is_error: true });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        let hidden = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if p.is_dir() {
            walk(&p, inputs, skipped);
        } else if p
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ARTICLE_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            inputs.push(Input::File(p));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_sorted_hidden_skipped_missing_reported() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let d = dir.path();
        for f in ["b.txt", "a.txt", ".hidden.txt", "notes.pdf", "sub/c.html"] {
            let p = d.join(f);
            std::fs::create_dir_all(p.parent().unwrap_or(d)).ok();
            std::fs::write(p, "x").ok();
        }
        let (inputs, skipped) = expand(&[d.to_path_buf(), d.join("missing.txt")]).unwrap_or_default();
        let names: Vec<String> = inputs
            .iter()
            .map(|i| match i {
                Input::File(p) => p.strip_prefix(d).map(|p| p.display().to_string()).unwrap_or_default(),
                Input::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(names, ["a.txt", "b.txt", "sub/c.html"]);
        assert_eq!(skipped.len(), 1);
        assert!(skipped[0].is_error);
    }

    #[test]
    fn stdin_twice_is_an_error() {
        assert!(expand(&[PathBuf::from("-"), PathBuf::from("-")]).is_err());
    }
}
