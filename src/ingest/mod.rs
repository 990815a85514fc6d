//! Ingest: paths, folders and standard input in; [`Document`]s out.
//!
//! Only this stage reads input. A document is the unit of everything that
//! follows: one named graph, one transaction. Plain text, HTML pages (main
//! text only) and JSON Lines (one article per line) are read; empty and
//! binary files are skipped with the reason; invalid UTF-8 is decoded with
//! replacement characters and a warning that gives the byte offset.

mod decode;
mod html;
mod jsonl;
mod walk;

pub use walk::{expand, ARTICLE_EXTENSIONS};

use std::io::Read;
use std::path::PathBuf;

/// One input article: its identifier, where it came from, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The document identifier (`dcterms:identifier`): the file name without
    /// extension, or a JSON Lines record's `id`.
    pub id: String,
    /// Where it was read from (`dcterms:source`): a path, `-` or a URL.
    pub source: String,
    /// The article text (for HTML, the main text only).
    pub text: String,
    /// Metadata the container gave (HTML meta tags, JSON Lines fields).
    pub meta: DocMeta,
}

/// Metadata given by the input container rather than found in the text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocMeta {
    pub title: Option<String>,
    pub author: Option<String>,
    /// Publication date as `YYYY-MM-DD`.
    pub date: Option<String>,
    pub url: Option<String>,
}

impl Document {
    /// A plain-text document with no metadata.
    pub fn from_text(id: impl Into<String>, source: impl Into<String>, text: impl Into<String>) -> Self {
        Self { id: id.into(), source: source.into(), text: text.into(), meta: DocMeta::default() }
    }
}

/// An input named on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    /// How the input is named in messages.
    pub fn display(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_owned(),
        }
    }
}

/// Something not read, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub source: String,
    /// One line, lower case: "empty file", "binary file (NUL byte at offset 17)".
    pub reason: String,
    /// True when the user named something that could not be read at all.
    pub is_error: bool,
}

/// What reading one input gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOutcome {
    pub documents: Vec<Document>,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<String>,
}

/// Errors of a whole ingest call.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    #[error("standard input (-) can be read only once")]
    StdinTwice,
}

pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string().to_lowercase(),
    }
}

/// Reads one input.
pub fn read(input: &Input) -> ReadOutcome {
    let source = input.display();
    let bytes = match input {
        Input::File(p) => std::fs::read(p),
        Input::Stdin => {
            let mut b = Vec::new();
            std::io::stdin().read_to_end(&mut b).map(|_| b)
        }
    };
    match bytes {
        Ok(b) => read_bytes(&source, &b),
        Err(e) => ReadOutcome {
            skipped: vec![Skipped { source, reason: io_reason(&e), is_error: true }],
            ..ReadOutcome::default()
        },
    }
}

/// Reads bytes as if they came from `source` (a path or `-`).
pub fn read_bytes(source: &str, bytes: &[u8]) -> ReadOutcome {
    let mut out = ReadOutcome::default();
    let path = std::path::Path::new(source);
    let stem = if source == "-" {
        "stdin".to_owned()
    } else {
        path.file_stem().map_or_else(|| source.to_owned(), |s| s.to_string_lossy().into_owned())
    };
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    let decoded = match decode::decode(source, bytes) {
        Ok(d) => d,
        Err(decode::NotText::Empty) => {
            out.skipped.push(Skipped { source: source.to_owned(), reason: "empty file".into(), is_error: false });
            return out;
        }
        Err(decode::NotText::Binary(at)) => {
            out.skipped.push(Skipped {
                source: source.to_owned(),
                reason: format!("binary file (NUL byte at offset {at})"),
                is_error: false,
            });
            return out;
        }
    };
    out.warnings.extend(decoded.warning);
    let text = decoded.text;
    if ext == "jsonl" || ext == "ndjson" || (source == "-" && jsonl::looks_like_jsonl(&text)) {
        let r = jsonl::read(source, &stem, &text);
        out.documents = r.documents;
        out.skipped.extend(r.skipped);
        if out.documents.is_empty() && out.skipped.is_empty() {
            out.skipped.push(Skipped { source: source.to_owned(), reason: "no records".into(), is_error: false });
        }
    } else if ext == "html" || ext == "htm" || html::looks_like_html(&text) {
        let (body, meta) = html::extract(&text);
        if body.trim().is_empty() {
            out.skipped.push(Skipped {
                source: source.to_owned(),
                reason: "no article text in the page".into(),
                is_error: false,
            });
        } else {
            out.documents.push(Document { id: stem, source: source.to_owned(), text: body, meta });
        }
    } else {
        out.documents.push(Document { id: stem, source: source.to_owned(), text, meta: DocMeta::default() });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_ids_from_file_names() {
        let r = read_bytes("seeds/002_abc.txt", b"Hello.");
        assert_eq!(r.documents[0].id, "002_abc");
        assert_eq!(r.documents[0].source, "seeds/002_abc.txt");
        assert_eq!(read_bytes("-", b"Hi.").documents[0].id, "stdin");
    }

    #[test]
    fn the_three_forms_of_one_article_give_the_same_text() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest");
        let read = |f: &str| {
            let p = dir.join(f);
            read_bytes(&p.display().to_string(), &std::fs::read(&p).unwrap_or_default())
        };
        let t = read("article.txt");
        let h = read("article.html");
        let j = read("article.jsonl");
        assert_eq!(t.documents.len(), 1);
        assert_eq!(t.documents[0].text.trim(), h.documents[0].text);
        assert_eq!(t.documents[0].text.trim(), j.documents[0].text.trim());
        assert_eq!(h.documents[0].id, "article");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..512), ext in "(txt|html|jsonl|)") {
            let _ = read_bytes(&format!("x.{ext}"), &bytes);
        }
    }
}
