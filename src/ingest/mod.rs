//! Ingest: paths, folders and standard input in; [`Document`]s out.
//!
//! Only this stage reads input. A document is the unit of everything that
//! follows: one named graph, one transaction. Plain text, HTML pages (main
//! text only) and JSON Lines (one article per line) are read; empty and
//! binary files are skipped with the reason; invalid UTF-8 is decoded with
//! replacement characters and a warning that gives the byte offset.
//!
//! [`documents`] reads inputs lazily, JSON Lines one line at a time, so a
//! caller's memory is bounded by what it holds; [`read_with`] reads one
//! input whole.

mod controls;
mod decode;
mod html;
mod jsonl;
mod lines;
mod meta;
mod stream;
mod walk;

pub use controls::is_forbidden;
pub use stream::{documents, Batches, Documents, Item};
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

/// An I/O error as a skip reason: the OS's words, lower case, without the
/// "(os error N)" tail.
pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => {
            let msg = e.to_string();
            let msg = msg.rfind(" (os error ").map_or(msg.as_str(), |i| &msg[..i]);
            msg.to_lowercase()
        }
    }
}

/// How inputs are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// The identifier of what standard input holds (`--id`); by default
    /// `stdin-` and a hash of the content, so two different texts piped
    /// into two builds do not replace each other.
    pub stdin_id: Option<String>,
    /// An input longer than this many bytes is not read (for JSON Lines
    /// read by [`documents`]: a line longer than this).
    pub max_input_bytes: u64,
    /// Standard input is JSON Lines whatever its first line (by default
    /// [`documents`] decides by the first non-blank line).
    pub stdin_jsonl: bool,
}

/// The default of [`ReadOptions::max_input_bytes`]: 1 GiB.
pub const DEFAULT_MAX_INPUT_BYTES: u64 = 1 << 30;

impl Default for ReadOptions {
    fn default() -> Self {
        Self { stdin_id: None, max_input_bytes: DEFAULT_MAX_INPUT_BYTES, stdin_jsonl: false }
    }
}

/// Reads one input with the default options; see [`read_with`].
pub fn read(input: &Input) -> ReadOutcome {
    read_with(input, &ReadOptions::default())
}

/// Reads one input: text, HTML (by extension `.html`/`.htm`, or content
/// that starts with `<!doctype html` or `<html`) or JSON Lines
/// (`.jsonl`/`.ndjson`). Standard input is sniffed: JSON Lines when every
/// non-empty line is an object with a `"text"`, else HTML or text. A file
/// that cannot be read, or is longer than the options allow, comes back as
/// a [`Skipped`] error; a binary file is recognised from its first 8 KiB,
/// without reading the rest (`/dev/zero`).
pub fn read_with(input: &Input, opts: &ReadOptions) -> ReadOutcome {
    let source = input.display();
    let bytes = match input {
        Input::File(p) => std::fs::File::open(p).and_then(|f| read_limited(f, opts.max_input_bytes)),
        Input::Stdin => read_limited(std::io::stdin().lock(), opts.max_input_bytes),
    };
    let error = |reason: String| ReadOutcome {
        skipped: vec![Skipped { source: source.clone(), reason, is_error: true }],
        ..ReadOutcome::default()
    };
    match bytes {
        Ok(Some(b)) => {
            let stem = match input {
                Input::Stdin => {
                    Some(opts.stdin_id.clone().unwrap_or_else(|| format!("stdin-{}", crate::resolve::short_hash(&b))))
                }
                Input::File(_) => None,
            };
            read_bytes_named(&source, stem.as_deref(), &b)
        }
        Ok(None) => error(format!("larger than {} bytes, not read", opts.max_input_bytes)),
        Err(e) => error(io_reason(&e)),
    }
}

/// Reads at most `cap` bytes (`None` when there are more). Stops after the
/// first 8 KiB when they already make the input binary.
fn read_limited(mut r: impl Read, cap: u64) -> std::io::Result<Option<Vec<u8>>> {
    let mut bytes = Vec::new();
    (&mut r).take(decode::BINARY_SNIFF_LEN as u64).read_to_end(&mut bytes)?;
    if decode::is_binary_head(&bytes) {
        return Ok(Some(bytes));
    }
    let room = cap.saturating_add(1).saturating_sub(bytes.len() as u64);
    r.take(room).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= cap).then_some(bytes))
}

/// Reads a byte buffer already in memory as if it came from `source` (a path
/// or `-`): what [`read`] does once it has the bytes. Never panics.
pub fn read_bytes(source: &str, bytes: &[u8]) -> ReadOutcome {
    read_bytes_named(source, None, bytes)
}

/// [`read_bytes`], with the stem that names the documents when `stem` is
/// given (else the file name without extension; for `-`, `stdin`).
fn read_bytes_named(source: &str, stem: Option<&str>, bytes: &[u8]) -> ReadOutcome {
    let mut out = parse_bytes(source, stem, bytes);
    for d in &mut out.documents {
        out.warnings.extend(controls::clean_document(d));
    }
    out
}

fn parse_bytes(source: &str, stem: Option<&str>, bytes: &[u8]) -> ReadOutcome {
    let mut out = ReadOutcome::default();
    let skip = |reason: String| Skipped { source: source.to_owned(), reason, is_error: false };
    let stdin = source == "-";
    let path = std::path::Path::new(source);
    let stem = match stem {
        Some(s) => s.to_owned(),
        None if stdin => "stdin".to_owned(),
        None => path.file_stem().map_or_else(|| source.to_owned(), |s| s.to_string_lossy().into_owned()),
    };
    let ext = if stdin {
        String::new()
    } else {
        path.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default()
    };
    let text = match decode::decode(source, bytes) {
        Ok(d) => {
            out.warnings.extend(d.warning);
            d.text
        }
        Err(decode::NotText::Empty) => {
            out.skipped.push(skip("empty file".into()));
            return out;
        }
        Err(decode::NotText::Binary(at)) => {
            out.skipped.push(skip(format!("binary file (NUL byte at offset {at})")));
            return out;
        }
    };
    if ext == "jsonl" || ext == "ndjson" || (stdin && jsonl::looks_like_jsonl(&text)) {
        let r = jsonl::read(source, &stem, &text);
        out.documents = r.documents;
        out.skipped.extend(r.skipped);
        out.warnings.extend(r.warnings);
    } else if ext == "html" || ext == "htm" || html::looks_like_html(&text) {
        match html::extract(&text) {
            Err(reason) => out.skipped.push(skip(reason)),
            Ok((body, _)) if body.is_empty() => out.skipped.push(skip("no article text in the page".into())),
            Ok((body, meta)) => out.documents.push(Document { id: stem, source: source.to_owned(), text: body, meta }),
        }
    } else {
        out.documents.push(Document::from_text(stem, source, text));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn one(source: &str, bytes: &[u8]) -> Document {
        let mut r = read_bytes(source, bytes);
        assert_eq!(r.documents.len(), 1, "{source}: {r:?}");
        r.documents.remove(0)
    }

    fn skipped(source: &str, bytes: &[u8]) -> Skipped {
        let r = read_bytes(source, bytes);
        assert!(r.documents.is_empty(), "{source}: {r:?}");
        assert_eq!(r.skipped.len(), 1, "{source}: {r:?}");
        r.skipped[0].clone()
    }

    fn fixture(name: &str) -> (String, Vec<u8>) {
        let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest").join(name);
        let bytes = std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
        (p.display().to_string(), bytes)
    }

    #[test]
    fn ids_are_file_stems_and_sources_the_path_as_given() {
        let d = one("articles/002_9f8e7d6c5b4a3921.txt", b"Hello.");
        assert_eq!((d.id.as_str(), d.source.as_str()), ("002_9f8e7d6c5b4a3921", "articles/002_9f8e7d6c5b4a3921.txt"));
        assert_eq!(d.meta, DocMeta::default());
        assert_eq!(one("page.html", b"<p>Hi.</p>").id, "page");
        assert_eq!(one("notes", b"No extension.").id, "notes");
        assert_eq!(one("a.b.md", b"Two dots.").id, "a.b");
        let d = one("-", b"From stdin.");
        assert_eq!((d.id.as_str(), d.source.as_str()), ("stdin", "-"));
    }

    #[test]
    fn plain_text_is_kept_as_it_is_apart_from_bom_and_line_endings() {
        let d = one("a.txt", b"\xEF\xBB\xBF  Title\r\n\r\nBody  text.\r\n");
        assert_eq!(d.text, "  Title\n\nBody  text.\n");
        // Markdown and unknown extensions are text too, even with markup in them.
        assert_eq!(one("a.md", b"# Head\n\n<b>bold</b>").text, "# Head\n\n<b>bold</b>");
    }

    #[test]
    fn invalid_utf8_is_read_with_a_warning() {
        let r = read_bytes("x.txt", b"Good start \xC0 then more");
        assert_eq!(r.documents[0].text, "Good start \u{FFFD} then more");
        assert_eq!(r.warnings, ["x.txt: invalid UTF-8 at byte 11, decoded with replacement characters"]);
    }

    #[test]
    fn utf16_files_are_read() {
        let mut b = vec![0xFE, 0xFF];
        b.extend("Line one\r\nline two".encode_utf16().flat_map(u16::to_be_bytes));
        assert_eq!(one("u.txt", &b).text, "Line one\nline two");
    }

    #[test]
    fn empty_and_binary_files_are_skipped_not_errors() {
        assert_eq!(
            skipped("e.txt", b" \n\t\n"),
            Skipped { source: "e.txt".into(), reason: "empty file".into(), is_error: false }
        );
        assert_eq!(skipped("-", b"").reason, "empty file");
        let s = skipped("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
        assert_eq!(s.reason, "binary file (NUL byte at offset 8)");
        assert!(!s.is_error);
        assert!(s.reason.starts_with("binary file"));
    }

    #[test]
    fn unreadable_inputs_are_errors_with_the_os_reason() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let missing = dir.path().join("gone.txt");
        let r = read(&Input::File(missing.clone()));
        assert_eq!(
            r.skipped,
            [Skipped {
                source: missing.display().to_string(),
                reason: "no such file or directory".into(),
                is_error: true
            }]
        );
        let r = read(&Input::File(dir.path().to_path_buf()));
        assert!(r.skipped[0].is_error);
        assert!(!r.skipped[0].reason.contains("os error"), "{}", r.skipped[0].reason);
        assert_eq!(r.skipped[0].reason, r.skipped[0].reason.to_lowercase());
    }

    #[test]
    fn inputs_are_read_up_to_a_limit_and_binary_ones_only_to_their_first_bytes() {
        let text = b"Short article text.".repeat(1000);
        assert_eq!(read_limited(&text[..], 19_000).ok().flatten().map(|b| b.len()), Some(19_000));
        assert_eq!(read_limited(&text[..], 18_999).ok().flatten(), None);
        // An endless stream of NUL bytes (`/dev/zero`) stops after 8 KiB.
        let zeros = std::io::repeat(0);
        let head = read_limited(zeros, DEFAULT_MAX_INPUT_BYTES).ok().flatten().unwrap_or_default();
        assert_eq!(head.len(), decode::BINARY_SNIFF_LEN);
        let r = read_with(&Input::File("/dev/zero".into()), &ReadOptions::default());
        assert_eq!(r.skipped.first().map(|s| s.reason.as_str()), Some("binary file (NUL byte at offset 0)"));
        // An endless text stream stops at the limit.
        let opts = ReadOptions { max_input_bytes: 100_000, ..ReadOptions::default() };
        let yes = std::io::repeat(b'y');
        assert_eq!(read_limited(yes, opts.max_input_bytes).ok().flatten(), None);
    }

    #[test]
    fn read_goes_through_the_file_system() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let p = dir.path().join("story.htm");
        std::fs::write(&p, "<title>T</title><article><p>Body.</p></article>").unwrap_or_else(|e| panic!("{e}"));
        let r = read(&Input::File(p.clone()));
        assert_eq!(r.documents[0].id, "story");
        assert_eq!(r.documents[0].source, p.display().to_string());
        assert_eq!(r.documents[0].text, "Body.");
        assert_eq!(r.documents[0].meta.title.as_deref(), Some("T"));
    }

    #[test]
    fn html_is_chosen_by_extension_or_by_content() {
        let page = b"<p>One &amp; two.</p><script>x()</script>";
        assert_eq!(one("p.html", page).text, "One & two.");
        assert_eq!(one("p.HTM", page).text, "One & two.");
        // Without the extension the same bytes are text...
        assert_eq!(one("p.txt", page).text, String::from_utf8_lossy(page));
        // ...unless they open like a page, wherever they come from.
        let doc = b"\n  <!DOCTYPE html><html><body><p>Sniffed.</p></body></html>";
        assert_eq!(one("p.txt", doc).text, "Sniffed.");
        assert_eq!(one("-", doc).text, "Sniffed.");
        assert_eq!(one("-", b"<html><p>Also.</p>").text, "Also.");
    }

    #[test]
    fn a_page_without_article_text_is_skipped() {
        let s = skipped("empty.html", b"<html><head><title>Nothing</title></head><body><nav>Menu</nav></body></html>");
        assert_eq!(s.reason, "no article text in the page");
        assert!(!s.is_error);
    }

    #[test]
    fn a_page_nested_too_deeply_to_parse_is_skipped() {
        let page = format!("<html><body>{}Deep.", "<div>".repeat(100_000));
        let s = skipped("deep.html", page.as_bytes());
        assert!(s.reason.starts_with("HTML nested too deeply"), "{}", s.reason);
        assert!(!s.is_error);
    }

    #[test]
    fn json_lines_by_extension_and_sniffed_on_stdin() {
        let lines =
            b"{\"text\":\"First.\"}\n\n{\"id\":\"b\",\"text\":\"Second.\",\"date\":\"2023-03-04T05:06:07Z\"}\nbroken\n";
        let r = read_bytes("in/batch.jsonl", lines);
        let ids: Vec<&str> = r.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["batch-1", "b"]);
        assert_eq!(r.documents[0].source, "in/batch.jsonl:1");
        assert_eq!(r.documents[1].meta.date.as_deref(), Some("2023-03-04"));
        assert_eq!(r.skipped.len(), 1);
        assert_eq!(r.skipped[0].source, "in/batch.jsonl:4");
        assert_eq!(read_bytes("x.NDJSON", b"{\"text\":\"A.\"}").documents.len(), 1);
        // Standard input: JSON Lines only when every line is a record.
        let r = read_bytes("-", b"{\"text\":\"A.\"}\n{\"text\":\"B.\"}\n");
        let got: Vec<(&str, &str)> = r.documents.iter().map(|d| (d.id.as_str(), d.source.as_str())).collect();
        assert_eq!(got, [("stdin-1", "-:1"), ("stdin-2", "-:2")]);
        let d = one("-", b"{\"text\":\"A.\"}\nand then prose\n");
        assert_eq!(d.text, "{\"text\":\"A.\"}\nand then prose\n");
    }

    #[test]
    fn the_three_forms_of_one_article_give_the_same_paragraphs() {
        let read = |name: &str| {
            let (source, bytes) = fixture(name);
            let r = read_bytes(&source, &bytes);
            assert!(r.skipped.is_empty() && r.warnings.is_empty(), "{name}: {r:?}");
            assert_eq!(r.documents.len(), 1, "{name}");
            r.documents.into_iter().next().unwrap_or_else(|| Document::from_text("", "", ""))
        };
        let (t, h, j) = (read("article.txt"), read("article.html"), read("article.jsonl"));
        let paragraphs = |d: &Document| d.text.split("\n\n").map(|p| p.trim().to_owned()).collect::<Vec<_>>();
        assert_eq!(paragraphs(&t).len(), 4);
        assert_eq!(paragraphs(&h), paragraphs(&t));
        assert_eq!(paragraphs(&j), paragraphs(&t));
        assert_eq!(h.text, t.text.trim_end());
        assert_eq!(j.text, t.text.trim_end());
        assert_eq!((t.id.as_str(), h.id.as_str(), j.id.as_str()), ("article", "article", "article"));
        // The page and the record carry the same metadata.
        assert_eq!(h.meta.author.as_deref(), Some("Pat Rowe"));
        assert_eq!(h.meta.date.as_deref(), Some("2022-10-04"));
        assert_eq!(h.meta.title.as_deref(), Some("Fostering service told to improve"));
        assert_eq!(h.meta.url.as_deref(), Some("https://news.example/fostering-service"));
        assert_eq!(h.meta, j.meta);
        assert_eq!(j.source, "https://news.example/fostering-service");
    }

    #[test]
    fn large_inputs_are_read_whole_in_linear_time() {
        let para = "Councillor Imogen Vale said the service had improved. ";
        let big = format!("{}\n\n", para.repeat(40)).repeat(5_000);
        assert!(big.len() > 10_000_000);
        let d = one("big.txt", big.replace('\n', "\r\n").as_bytes());
        assert_eq!(d.text.len(), big.len());

        let page = format!("<html><body><article>{}</article></body></html>", format!("<p>{para}</p>").repeat(200_000));
        assert!(page.len() > 10_000_000);
        let d = one("big.html", page.as_bytes());
        assert_eq!(d.text.matches("\n\n").count(), 200_000 - 1);

        let line = serde_json::json!({ "text": para.repeat(40) }).to_string();
        let jsonl = format!("{line}\n").repeat(5_000);
        assert!(jsonl.len() > 10_000_000);
        assert_eq!(read_bytes("-", jsonl.as_bytes()).documents.len(), 5_000);
    }

    fn html_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("<p>".to_owned()),
            Just("</p>".to_owned()),
            Just("<div class=\"share nav\">".to_owned()),
            Just("</div>".to_owned()),
            Just("<article>".to_owned()),
            Just("<header><h1>".to_owned()),
            Just("<br>".to_owned()),
            Just("<script type=\"application/ld+json\">{\"author\":".to_owned()),
            Just("<meta name=\"date\" content=\"2020-02-30\">".to_owned()),
            Just("<time datetime=\"".to_owned()),
            Just("&amp;&#0;&#xD800;&".to_owned()),
            "[ -~é—\u{a0}\n]{0,12}",
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| format!("<!doctype html>{}", v.concat()))
    }

    proptest! {
        #[test]
        fn read_bytes_never_panics(
            bytes in proptest::collection::vec(any::<u8>(), 0..2048),
            name in "(-|x\\.txt|x\\.html|x\\.jsonl|x\\.ndjson|x|\\.|/|a/\\.html)",
        ) {
            let r = read_bytes(&name, &bytes);
            prop_assert!(r.documents.iter().all(|d| !d.text.trim().is_empty()));
        }

        #[test]
        fn read_bytes_never_panics_on_page_like_input(page in html_like()) {
            let r = read_bytes("p.html", page.as_bytes());
            for d in &r.documents {
                prop_assert!(!d.text.starts_with(char::is_whitespace) && !d.text.ends_with(char::is_whitespace));
                prop_assert!(!d.text.contains("\n\n\n"));
                if let Some(date) = &d.meta.date {
                    prop_assert_eq!(meta::iso_date(date), Some(date.clone()));
                }
            }
        }

        #[test]
        fn read_bytes_never_panics_on_json_lines_like_input(lines in proptest::collection::vec(
            "\\{(\"(text|id|date|author|url|title)\":(\"[ -~]{0,8}\"|[0-9]{1,3}|null|\\{\"name\":\"[a-z ]{0,6}\"\\}|\\[\\]),?){0,4}\\}?",
            0..10,
        )) {
            let r = read_bytes("r.jsonl", lines.join("\n").as_bytes());
            prop_assert!(r.documents.len() + r.skipped.len() <= lines.len().max(1));
        }
    }
}
