//! Inputs → a lazy stream of documents, so memory is bounded by what the
//! caller holds, not by the corpus.
//!
//! Files that hold one document (text, HTML) are read whole, a few dozen at
//! a time in parallel; JSON Lines files and standard input are read one line
//! at a time ([`super::lines`]). Standard input is JSON Lines when its first
//! non-blank line is a record (a JSON object with a string `text`), or when
//! [`ReadOptions::stdin_jsonl`] says so; else it is one document, read whole
//! as before.

use super::lines::LineStream;
use super::{decode, read_bytes_named, read_with, Document, Input, ReadOptions, ReadOutcome, Skipped};
use rayon::prelude::*;
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::Path;

/// Whole files read in parallel at once.
const READ_AHEAD: usize = 64;
/// Buffer of a streamed file or standard input.
const BUFFER_BYTES: usize = 256 * 1024;

/// One thing [`Documents`] found, in input order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    Document(Document),
    /// An input or a line not read, and why.
    Skipped(Skipped),
    /// A warning to show (it names its input, and line where there is one).
    Warning(String),
}

/// The documents of some inputs, read lazily in order: an [`Iterator`] of
/// [`Item`]s. Make one with [`documents`].
///
/// Everything [`super::read_with`] does for one input is kept: skips with
/// their reasons, warnings with path and line, invalid UTF-8, duplicate
/// `id`s within a JSON Lines input, HTML, control characters. Two things
/// differ, because a stream cannot look at its end first: standard input
/// is JSON Lines when its first non-blank line is a record (a later line
/// that is not one is skipped, naming `-:LINE`), and records of standard
/// input without an `id` are named `stdin-HASH-LINE` with the hash of that
/// first line (or `ID-LINE` with `--id`). The byte limit of
/// [`ReadOptions::max_input_bytes`] applies to each line of a JSON Lines
/// input (a longer line is skipped), so a JSON Lines input may be larger.
pub struct Documents {
    inputs: std::iter::Peekable<std::vec::IntoIter<Input>>,
    opts: ReadOptions,
    ready: VecDeque<Item>,
    stream: Option<LineStream>,
    inputs_read: usize,
}

/// The documents of `inputs` (from [`super::expand`]), read lazily.
///
/// For a caller that works in batches, [`Documents::batches`] gives the
/// [`ReadOutcome`] of each run of at most `size` documents; a build loop
/// that read a chunk of inputs at a time becomes
///
/// ```no_run
/// # use councilgraph::ingest::{self, ReadOptions};
/// # let paths = vec![std::path::PathBuf::from("articles/")];
/// let (inputs, _skipped) = ingest::expand(&paths).expect("stdin named once");
/// for read in ingest::documents(inputs, &ReadOptions::default()).batches(256) {
///     // read.documents: at most 256, in input order; read.skipped and
///     // read.warnings: what was met on the way to them.
/// }
/// ```
pub fn documents(inputs: Vec<Input>, opts: &ReadOptions) -> Documents {
    Documents {
        inputs: inputs.into_iter().peekable(),
        opts: opts.clone(),
        ready: VecDeque::new(),
        stream: None,
        inputs_read: 0,
    }
}

impl Documents {
    /// The same items grouped: each [`ReadOutcome`] holds at most `size`
    /// documents (at least one, unless only skips and warnings are left).
    pub fn batches(self, size: usize) -> Batches {
        Batches { documents: self, size: size.max(1) }
    }

    /// How many inputs have been read, or started, so far (for a progress bar).
    pub fn inputs_read(&self) -> usize {
        self.inputs_read
    }

    fn queue(&mut self, out: ReadOutcome) {
        self.ready.extend(out.warnings.into_iter().map(Item::Warning));
        self.ready.extend(out.skipped.into_iter().map(Item::Skipped));
        self.ready.extend(out.documents.into_iter().map(Item::Document));
    }

    /// Reads the next line of the open stream; false when it is over.
    fn read_stream(&mut self) -> bool {
        let Some(stream) = &mut self.stream else { return false };
        let mut out = ReadOutcome::default();
        let more = stream.read_line(&mut out);
        if !more {
            self.stream = None;
        }
        self.queue(out);
        true
    }

    /// Opens the next input, or reads the next run of whole files; false
    /// when there are no inputs left.
    fn open_next(&mut self) -> bool {
        let Some(input) = self.inputs.next() else { return false };
        self.inputs_read += 1;
        if is_streamed(&input) {
            match open(&input, &self.opts) {
                Opened::Stream(s) => self.stream = Some(s),
                Opened::Whole(out) => self.queue(out),
            }
            return true;
        }
        let mut group = vec![input];
        while group.len() < READ_AHEAD {
            match self.inputs.next_if(|i| !is_streamed(i)) {
                Some(i) => group.push(i),
                None => break,
            }
        }
        self.inputs_read += group.len() - 1;
        let opts = &self.opts;
        let reads: Vec<ReadOutcome> = group.par_iter().map(|i| read_with(i, opts)).collect();
        for r in reads {
            self.queue(r);
        }
        true
    }
}

impl Iterator for Documents {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            if !self.read_stream() && !self.open_next() {
                return None;
            }
        }
    }
}

/// [`Documents`] in runs of at most `size` documents; see [`Documents::batches`].
pub struct Batches {
    documents: Documents,
    size: usize,
}

impl Batches {
    /// How many inputs have been read, or started, so far.
    pub fn inputs_read(&self) -> usize {
        self.documents.inputs_read()
    }
}

impl Iterator for Batches {
    type Item = ReadOutcome;

    fn next(&mut self) -> Option<ReadOutcome> {
        let mut out = ReadOutcome::default();
        let mut any = false;
        while out.documents.len() < self.size {
            let Some(item) = self.documents.next() else { break };
            any = true;
            match item {
                Item::Document(d) => out.documents.push(d),
                Item::Skipped(s) => out.skipped.push(s),
                Item::Warning(w) => out.warnings.push(w),
            }
        }
        any.then_some(out)
    }
}

/// True for an input read line by line: standard input (if it turns out to
/// be JSON Lines) and files named `.jsonl` or `.ndjson`.
fn is_streamed(input: &Input) -> bool {
    match input {
        Input::Stdin => true,
        Input::File(p) => {
            p.extension().is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
        }
    }
}

enum Opened {
    Stream(LineStream),
    /// Read whole after all (binary, UTF-16, not JSON Lines, unreadable).
    Whole(ReadOutcome),
}

fn open(input: &Input, opts: &ReadOptions) -> Opened {
    let source = input.display();
    let error = |e: std::io::Error| -> Opened {
        Opened::Whole(ReadOutcome {
            skipped: vec![Skipped { source: source.clone(), reason: super::io_reason(&e), is_error: true }],
            ..ReadOutcome::default()
        })
    };
    let (path, file) = match input {
        Input::Stdin => {
            return open_stdin(Box::new(BufReader::with_capacity(BUFFER_BYTES, std::io::stdin())), opts);
        }
        Input::File(p) => (p, std::fs::File::open(p)),
    };
    let (reader, head) = match file.and_then(|f| with_head(BufReader::with_capacity(BUFFER_BYTES, f))) {
        Ok(r) => r,
        Err(e) => return error(e),
    };
    if decode::is_binary_head(&head) {
        return Opened::Whole(read_bytes_named(&source, None, &head));
    }
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return Opened::Whole(read_with(input, opts));
    }
    let reader: Box<dyn BufRead + Send> = Box::new(Cursor::new(head).chain(reader));
    Opened::Stream(LineStream::new(&source, &file_stem(path, &source), reader, opts.max_input_bytes))
}

/// Reads the first 8 KiB (enough to tell a binary input), and gives back
/// the reader where they end.
fn with_head<R: BufRead + Send + 'static>(mut reader: R) -> std::io::Result<(Box<dyn BufRead + Send>, Vec<u8>)> {
    let mut head = Vec::new();
    (&mut reader).take(decode::BINARY_SNIFF_LEN as u64).read_to_end(&mut head)?;
    Ok((Box::new(reader), head))
}

/// Standard input: JSON Lines, streamed, when its first non-blank line is a
/// record; else one document, read whole (up to the byte limit). Only the
/// first line is waited for, so a pipe's first record is read at once; a
/// NUL byte in the first 8 KiB read makes it binary, without reading on.
fn open_stdin(mut reader: Box<dyn BufRead + Send>, opts: &ReadOptions) -> Opened {
    let cap = opts.max_input_bytes;
    let mut seen = Vec::new();
    let mut line_start = 0;
    let first = loop {
        let room = if seen.len() < decode::BINARY_SNIFF_LEN {
            (decode::BINARY_SNIFF_LEN - seen.len()) as u64
        } else {
            cap.saturating_add(1).saturating_sub(seen.len() as u64)
        };
        let n = match (&mut reader).take(room).read_until(b'\n', &mut seen) {
            Ok(n) => n,
            Err(e) => return whole_stdin(Err(e), opts),
        };
        if decode::is_binary_head(&seen) {
            return Opened::Whole(read_bytes_named("-", None, &seen));
        }
        if seen.len() as u64 > cap {
            break None;
        }
        let eof = n == 0;
        if !eof && !seen.ends_with(b"\n") {
            // The line goes on past what was asked for.
            continue;
        }
        let line = String::from_utf8_lossy(&seen[line_start..]);
        let line = line.trim_start_matches('\u{FEFF}');
        if !line.trim().is_empty() {
            break Some(line.split('\r').next().unwrap_or_default().trim_end().to_owned());
        }
        if eof {
            break None;
        }
        line_start = seen.len();
    };
    match first {
        Some(line) if opts.stdin_jsonl || super::jsonl::is_record(&line) => {
            let stem = opts
                .stdin_id
                .clone()
                .unwrap_or_else(|| format!("stdin-{}", crate::resolve::short_hash(line.as_bytes())));
            let reader = Box::new(Cursor::new(seen).chain(reader));
            Opened::Stream(LineStream::new("-", &stem, reader, cap))
        }
        _ => {
            let room = cap.saturating_add(1).saturating_sub(seen.len() as u64);
            let rest = reader.take(room).read_to_end(&mut seen).map(|_| seen);
            whole_stdin(rest, opts)
        }
    }
}

/// Standard input read whole: what [`read_with`] does with it.
fn whole_stdin(bytes: std::io::Result<Vec<u8>>, opts: &ReadOptions) -> Opened {
    let skip = |reason: String| ReadOutcome {
        skipped: vec![Skipped { source: "-".into(), reason, is_error: true }],
        ..ReadOutcome::default()
    };
    Opened::Whole(match bytes {
        Ok(b) if b.len() as u64 > opts.max_input_bytes => {
            skip(format!("larger than {} bytes, not read", opts.max_input_bytes))
        }
        Ok(b) => {
            let stem = opts.stdin_id.clone().unwrap_or_else(|| format!("stdin-{}", crate::resolve::short_hash(&b)));
            read_bytes_named("-", Some(&stem), &b)
        }
        Err(e) => skip(super::io_reason(&e)),
    })
}

fn file_stem(path: &Path, source: &str) -> String {
    path.file_stem().map_or_else(|| source.to_owned(), |s| s.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> Input {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap_or_else(|e| panic!("{e}"));
        Input::File(p)
    }

    /// All the items of `inputs`, as one outcome.
    fn everything(inputs: Vec<Input>, opts: &ReadOptions) -> ReadOutcome {
        documents(inputs, opts).batches(usize::MAX).next().unwrap_or_default()
    }

    #[test]
    fn files_stream_in_order_with_what_a_whole_read_gives() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let d = dir.path();
        let inputs = vec![
            write(d, "a.txt", b"Plain article."),
            write(d, "b.jsonl", b"{\"text\":\"One.\"}\nbroken\n{\"id\":\"x\",\"text\":\"Two.\"}\n"),
            write(d, "c.html", b"<p>Page text.</p>"),
            write(d, "d.txt", b""),
            write(d, "e.ndjson", b"\x00\x01binary"),
            Input::File(d.join("missing.jsonl")),
            write(d, "f.txt", b"Last."),
        ];
        let opts = ReadOptions::default();
        let mut expected = ReadOutcome::default();
        for i in &inputs {
            let r = read_with(i, &opts);
            expected.documents.extend(r.documents);
            expected.skipped.extend(r.skipped);
            expected.warnings.extend(r.warnings);
        }
        assert_eq!(everything(inputs, &opts), expected);
        assert_eq!(expected.documents.len(), 5);
        assert_eq!(expected.skipped.len(), 4);
    }

    #[test]
    fn batches_hold_at_most_their_size_and_count_inputs() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let lines: String = (1..=7).map(|n| format!("{{\"text\":\"Record {n}.\"}}\n")).collect();
        let inputs = vec![write(dir.path(), "a.txt", b"First."), write(dir.path(), "r.jsonl", lines.as_bytes())];
        let mut batches = documents(inputs, &ReadOptions::default()).batches(3);
        let sizes: Vec<usize> = batches.by_ref().map(|b| b.documents.len()).collect();
        assert_eq!(sizes, [3, 3, 2]);
        assert_eq!(batches.inputs_read(), 2);
    }

    #[test]
    fn a_utf16_json_lines_file_is_read_whole() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mut b = vec![0xFF, 0xFE];
        b.extend("{\"text\":\"Wide.\"}\n".encode_utf16().flat_map(u16::to_le_bytes));
        let r = everything(vec![write(dir.path(), "w.jsonl", &b)], &ReadOptions::default());
        assert_eq!(r.documents.len(), 1);
        assert_eq!(r.documents[0].text, "Wide.");
    }

    #[test]
    fn standard_input_is_json_lines_when_its_first_line_is_a_record() {
        let opts = ReadOptions::default();
        let Opened::Stream(mut s) = open_stdin(Box::new(Cursor::new(b"\n{\"text\":\"A.\"}\nprose\n".to_vec())), &opts)
        else {
            panic!("not streamed")
        };
        let mut out = ReadOutcome::default();
        while s.read_line(&mut out) {}
        assert_eq!(out.documents.len(), 1);
        let hash = crate::resolve::short_hash(b"{\"text\":\"A.\"}");
        assert_eq!(out.documents[0].id, format!("stdin-{hash}-2"));
        assert_eq!(out.documents[0].source, "-:2");
        assert_eq!(out.skipped[0].source, "-:3");
        let text = b"Prose first.\n{\"text\":\"A.\"}\n";
        let Opened::Whole(out) = open_stdin(Box::new(Cursor::new(text.to_vec())), &opts) else { panic!("streamed") };
        assert_eq!(out.documents.len(), 1);
        assert_eq!(out.documents[0].id, format!("stdin-{}", crate::resolve::short_hash(text)));
        assert_eq!(out.documents[0].text, String::from_utf8_lossy(text));
        let forced = ReadOptions { stdin_jsonl: true, ..ReadOptions::default() };
        let Opened::Stream(mut s) = open_stdin(Box::new(Cursor::new(b"bad\n{\"text\":\"A.\"}\n".to_vec())), &forced)
        else {
            panic!("not streamed")
        };
        let mut out = ReadOutcome::default();
        while s.read_line(&mut out) {}
        assert_eq!((out.documents.len(), out.skipped[0].source.as_str()), (1, "-:1"));
        let named = ReadOptions { stdin_id: Some("batch".into()), ..ReadOptions::default() };
        let Opened::Stream(mut s) = open_stdin(Box::new(Cursor::new(b"{\"text\":\"A.\"}".to_vec())), &named) else {
            panic!("not streamed")
        };
        let mut out = ReadOutcome::default();
        while s.read_line(&mut out) {}
        assert_eq!(out.documents[0].id, "batch-1");
    }

    /// A pipe whose writer has not written more yet: reading it is a bug.
    struct Waiting;
    impl Read for Waiting {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            panic!("read past the first line")
        }
    }

    #[test]
    fn standard_input_is_opened_on_its_first_line_alone() {
        let pipe = Cursor::new(b"{\"text\":\"A.\"}\n".to_vec()).chain(Waiting);
        let opened = open_stdin(Box::new(BufReader::new(pipe)), &ReadOptions::default());
        assert!(matches!(opened, Opened::Stream(_)));
    }

    #[test]
    fn endless_binary_standard_input_is_read_only_to_its_first_bytes() {
        let zeros = BufReader::new(std::io::repeat(0));
        let Opened::Whole(out) = open_stdin(Box::new(zeros), &ReadOptions::default()) else { panic!("streamed") };
        assert_eq!(out.skipped[0].reason, "binary file (NUL byte at offset 0)");
    }

    #[test]
    fn standard_input_over_the_limit_is_not_read() {
        let opts = ReadOptions { max_input_bytes: 10, ..ReadOptions::default() };
        let Opened::Whole(out) = open_stdin(Box::new(Cursor::new(b"A long plain text.".to_vec())), &opts) else {
            panic!("streamed")
        };
        assert_eq!(out.skipped[0].reason, "larger than 10 bytes, not read");
        let Opened::Whole(out) = open_stdin(Box::new(Cursor::new(b"   \n\n".to_vec())), &ReadOptions::default()) else {
            panic!("streamed")
        };
        assert_eq!(out.skipped[0].reason, "empty file");
    }
}
