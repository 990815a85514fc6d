//! Command-line paths → inputs: a file as given, a folder read recursively
//! (sorted by path, hidden entries skipped, known article extensions only),
//! `-` as standard input (once).

use super::{io_reason, IngestError, Input, Skipped};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Extensions read from folders (a file named explicitly is read whatever its name).
pub const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "md", "html", "htm", "jsonl", "ndjson"];

/// Expands command-line paths into inputs, in the order given; a folder
/// contributes its article files sorted by path. Missing or unreadable paths
/// come back as [`Skipped`] errors; `-` named twice fails the whole call.
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
            Ok(m) if m.is_dir() => Walker { inputs: &mut inputs, skipped: &mut skipped, seen: HashSet::new() }.walk(p),
            Ok(_) => inputs.push(Input::File(p.clone())),
            Err(e) => skipped.push(error(p, &e)),
        }
    }
    Ok((inputs, skipped))
}

fn error(p: &Path, e: &std::io::Error) -> Skipped {
    Skipped { source: p.display().to_string(), reason: io_reason(e), is_error: true }
}

/// True for a file name the walk reads: not hidden, with an article extension.
fn is_article(name: &str) -> bool {
    !name.starts_with('.')
        && name.rsplit_once('.').is_some_and(|(_, ext)| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(ext)))
}

struct Walker<'a> {
    inputs: &'a mut Vec<Input>,
    skipped: &'a mut Vec<Skipped>,
    /// Folders already read (canonical paths), so a symlink loop ends.
    seen: HashSet<PathBuf>,
}

impl Walker<'_> {
    /// Depth-first with an explicit stack (no recursion), each folder's
    /// entries sorted, so the order is `Path`'s component-wise order.
    fn walk(&mut self, top: &Path) {
        let mut stack = vec![Entry::Dir(top.to_path_buf())];
        while let Some(entry) = stack.pop() {
            match entry {
                Entry::File(p) => self.inputs.push(Input::File(p)),
                Entry::Dir(dir) => {
                    let mut here = self.list(&dir);
                    here.sort_by(|a, b| a.path().cmp(b.path()));
                    stack.extend(here.into_iter().rev());
                }
            }
        }
    }

    /// A folder's article files and subfolders, unsorted; errors go to `skipped`.
    fn list(&mut self, dir: &Path) -> Vec<Entry> {
        if let Ok(real) = std::fs::canonicalize(dir) {
            if !self.seen.insert(real) {
                return Vec::new();
            }
        }
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                self.skipped.push(error(dir, &e));
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    self.skipped.push(error(dir, &e));
                    continue;
                }
            };
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            // Follows symlinks: a link to a folder is walked, a link to a file read.
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => out.push(Entry::Dir(path)),
                Ok(_) if is_article(&name) => out.push(Entry::File(path)),
                Ok(_) => {}
                Err(e) if is_article(&name) => self.skipped.push(error(&path, &e)),
                Err(_) => {}
            }
        }
        out
    }
}

enum Entry {
    File(PathBuf),
    Dir(PathBuf),
}

impl Entry {
    fn path(&self) -> &Path {
        match self {
            Entry::File(p) | Entry::Dir(p) => p,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[&str]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        for f in files {
            let p = dir.path().join(f);
            if let Some(parent) = p.parent() {
                std::fs::create_dir_all(parent).unwrap_or_else(|e| panic!("{e}"));
            }
            std::fs::write(p, "x").unwrap_or_else(|e| panic!("{e}"));
        }
        dir
    }

    fn names(inputs: &[Input], base: &Path) -> Vec<String> {
        inputs
            .iter()
            .map(|i| match i {
                Input::File(p) => p.strip_prefix(base).unwrap_or(p).display().to_string(),
                Input::Stdin => "-".into(),
            })
            .collect()
    }

    #[test]
    fn a_folder_gives_its_article_files_sorted_by_path() {
        let dir = tree(&[
            "b.txt",
            "a.TXT",
            "b/z.md",
            "b/a/deep.htm",
            "c.html",
            "d.jsonl",
            "e.ndjson",
            "f.text",
            "notes.pdf",
            "README",
            "image.png",
        ]);
        let (inputs, skipped) = expand(&[dir.path().to_path_buf()]).unwrap_or_default();
        assert_eq!(
            names(&inputs, dir.path()),
            ["a.TXT", "b/a/deep.htm", "b/z.md", "b.txt", "c.html", "d.jsonl", "e.ndjson", "f.text"]
        );
        assert!(skipped.is_empty());
    }

    #[test]
    fn hidden_files_and_folders_are_skipped() {
        let dir = tree(&["seen.txt", ".hidden.txt", ".git/x.txt", "sub/.cache/y.md", "sub/z.md"]);
        let (inputs, _) = expand(&[dir.path().to_path_buf()]).unwrap_or_default();
        assert_eq!(names(&inputs, dir.path()), ["seen.txt", "sub/z.md"]);
        // A hidden path named on the command line is read all the same.
        let (inputs, _) = expand(&[dir.path().join(".hidden.txt")]).unwrap_or_default();
        assert_eq!(inputs.len(), 1);
    }

    #[test]
    fn a_file_named_explicitly_is_taken_whatever_its_extension() {
        let dir = tree(&["notes.pdf"]);
        let p = dir.path().join("notes.pdf");
        let (inputs, skipped) = expand(std::slice::from_ref(&p)).unwrap_or_default();
        assert_eq!(inputs, [Input::File(p)]);
        assert!(skipped.is_empty());
    }

    #[test]
    fn paths_keep_their_command_line_order_and_stdin_its_place() {
        let dir = tree(&["one.txt", "two.txt"]);
        let args = [dir.path().join("two.txt"), PathBuf::from("-"), dir.path().join("one.txt")];
        let (inputs, _) = expand(&args).unwrap_or_default();
        assert_eq!(names(&inputs, dir.path()), ["two.txt", "-", "one.txt"]);
    }

    #[test]
    fn a_missing_path_is_an_error_and_the_rest_goes_on() {
        let dir = tree(&["here.txt"]);
        let missing = dir.path().join("missing.txt");
        let (inputs, skipped) = expand(&[missing.clone(), dir.path().join("here.txt")]).unwrap_or_default();
        assert_eq!(inputs.len(), 1);
        assert_eq!(
            skipped,
            [Skipped {
                source: missing.display().to_string(),
                reason: "no such file or directory".into(),
                is_error: true
            }]
        );
    }

    #[test]
    fn stdin_twice_is_an_error_of_the_whole_call() {
        let r = expand(&[PathBuf::from("-"), PathBuf::from("-")]);
        assert!(matches!(r, Err(IngestError::StdinTwice)));
        let (inputs, _) = expand(&[PathBuf::from("-")]).unwrap_or_default();
        assert_eq!(inputs, [Input::Stdin]);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_ends() {
        let dir = tree(&["sub/a.txt"]);
        std::os::unix::fs::symlink(dir.path(), dir.path().join("sub/loop")).unwrap_or_else(|e| panic!("{e}"));
        let (inputs, _) = expand(&[dir.path().to_path_buf()]).unwrap_or_default();
        assert_eq!(names(&inputs, dir.path()), ["sub/a.txt"]);
    }
}
