//! A JSON Lines input read one line at a time from a [`BufRead`], so memory
//! holds one record, not the file: the same records, skips, warnings and
//! line numbers as reading the whole text (byte-order mark, invalid UTF-8
//! with the byte offset of the first bad byte, `\r\n` and lone `\r` line
//! breaks, blank lines, an input with no text at all).

use super::jsonl::Records;
use super::{controls, io_reason, ReadOutcome, Skipped};
use std::borrow::Cow;
use std::io::{BufRead, Read};

const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// The lines of one JSON Lines input, read on demand.
pub struct LineStream {
    reader: Box<dyn BufRead + Send>,
    source: String,
    records: Records,
    /// Lines counted so far (a lone carriage return ends a line, as it does
    /// when the whole text is read).
    lines: usize,
    /// Byte offset in the input of the next line.
    offset: u64,
    /// A line longer than this is skipped, not read.
    max_line_bytes: u64,
    utf8_warned: bool,
    any_text: bool,
    done: bool,
    buf: Vec<u8>,
}

impl LineStream {
    /// `source` names the input in messages and records (`path:line`);
    /// `stem` names records without an `id` (`stem-line`).
    pub fn new(source: &str, stem: &str, reader: Box<dyn BufRead + Send>, max_line_bytes: u64) -> Self {
        Self {
            reader,
            source: source.to_owned(),
            records: Records::new(source, stem),
            lines: 0,
            offset: 0,
            max_line_bytes,
            utf8_warned: false,
            any_text: false,
            done: false,
            buf: Vec::new(),
        }
    }

    /// Reads the next line into `out` (its document, skip or warnings);
    /// false once the input is over (after saying so if it held no text).
    pub fn read_line(&mut self, out: &mut ReadOutcome) -> bool {
        if self.done {
            return false;
        }
        self.buf.clear();
        let limit = self.max_line_bytes.saturating_add(1);
        let read = (&mut self.reader).take(limit).read_until(b'\n', &mut self.buf);
        let n = match read {
            Ok(n) => n,
            Err(e) => return self.stop(out, Some(io_reason(&e))),
        };
        if n == 0 {
            let empty = (!self.any_text).then(|| "empty file".to_owned());
            self.stop(out, empty);
            return false;
        }
        let start = self.offset;
        self.offset += n as u64;
        if self.buf.last() != Some(&b'\n') && n as u64 > self.max_line_bytes {
            self.lines += 1;
            self.any_text = true;
            let reason = format!("line longer than {} bytes, not read", self.max_line_bytes);
            out.skipped.push(Skipped { source: format!("{}:{}", self.source, self.lines), reason, is_error: false });
            return match skip_line(&mut self.reader) {
                Ok(skipped) => {
                    self.offset += skipped;
                    true
                }
                Err(e) => self.stop(out, Some(io_reason(&e))),
            };
        }
        self.parse(start, out);
        true
    }

    /// Parses the line in `buf`, which started at byte `start` of the input.
    fn parse(&mut self, start: u64, out: &mut ReadOutcome) {
        let buf = std::mem::take(&mut self.buf);
        let mut bytes = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let mut at = start;
        if start == 0 {
            if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
                bytes = rest;
                at += UTF8_BOM.len() as u64;
            }
        }
        let text = match std::str::from_utf8(bytes) {
            Ok(s) => Cow::Borrowed(s),
            Err(e) => {
                if !self.utf8_warned {
                    self.utf8_warned = true;
                    let bad = at + e.valid_up_to() as u64;
                    out.warnings.push(format!(
                        "{}: invalid UTF-8 at byte {bad}, decoded with replacement characters",
                        self.source
                    ));
                }
                String::from_utf8_lossy(bytes)
            }
        };
        let text = text.strip_suffix('\r').unwrap_or(&text);
        self.any_text |= !text.trim().is_empty();
        for part in text.split('\r') {
            self.lines += 1;
            let first_new = out.documents.len();
            self.records.line(self.lines, part, out);
            for d in &mut out.documents[first_new..] {
                out.warnings.extend(controls::clean_document(d));
            }
        }
        self.buf = buf;
    }

    /// Ends the stream, with `reason` as a skip of the whole input if given.
    fn stop(&mut self, out: &mut ReadOutcome, reason: Option<String>) -> bool {
        self.done = true;
        if let Some(reason) = reason {
            let is_error = reason != "empty file";
            out.skipped.push(Skipped { source: self.source.clone(), reason, is_error });
        }
        true
    }
}

/// Consumes the rest of a line without keeping it; returns its length.
fn skip_line(reader: &mut dyn BufRead) -> std::io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(skipped);
        }
        let (used, ended) = match buf.iter().position(|&b| b == b'\n') {
            Some(i) => (i + 1, true),
            None => (buf.len(), false),
        };
        reader.consume(used);
        skipped += used as u64;
        if ended {
            return Ok(skipped);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::read_bytes;

    fn stream(bytes: &[u8], max: u64) -> ReadOutcome {
        let reader = Box::new(std::io::Cursor::new(bytes.to_vec()));
        let mut s = LineStream::new("f.jsonl", "f", reader, max);
        let mut out = ReadOutcome::default();
        while s.read_line(&mut out) {}
        out
    }

    #[test]
    fn a_stream_reads_what_a_whole_read_does() {
        let inputs: [&[u8]; 7] = [
            b"\xEF\xBB\xBF{\"text\":\"A.\"}\r\n\r\n{\"id\":\"x\",\"text\":\"B.\"}\n{\"id\":\"x\",\"text\":\"C.\"}",
            b"{\"text\":\"Bad \xC0 byte.\"}\nnot json\n{\"text\":\"Bad \xFF again.\"}\n",
            b"{\"text\":\"One.\"}\r{\"text\":\"Two.\"}\r\r\n{\"text\":\"Three.\"}\r",
            b"{\"text\":\"Ctl \x1b here.\",\"date\":\"4 May\"}\n[1]\n{\"text\":7}\n",
            b"  \n\t\n",
            b"",
            b"\xEF\xBB\xBF",
        ];
        for bytes in inputs {
            let whole = read_bytes("f.jsonl", bytes);
            let mut streamed = stream(bytes, 1 << 20);
            let mut expected = whole.clone();
            // Warnings come in the order met; a whole read gives the decoding one first.
            streamed.warnings.sort();
            expected.warnings.sort();
            assert_eq!(streamed, expected, "{:?}", String::from_utf8_lossy(bytes));
        }
    }

    #[test]
    fn a_line_over_the_limit_is_skipped_and_the_next_one_read() {
        let long = format!("{{\"text\":\"{}\"}}", "x".repeat(100));
        let input = format!("{{\"text\":\"Short.\"}}\n{long}\n{{\"text\":\"After.\"}}\n");
        let r = stream(input.as_bytes(), 50);
        let texts: Vec<&str> = r.documents.iter().map(|d| d.text.as_str()).collect();
        assert_eq!(texts, ["Short.", "After."]);
        assert_eq!(r.documents[1].source, "f.jsonl:3");
        let skips: Vec<(&str, &str)> = r.skipped.iter().map(|s| (s.source.as_str(), s.reason.as_str())).collect();
        assert_eq!(skips, [("f.jsonl:2", "line longer than 50 bytes, not read")]);
    }

    #[test]
    fn invalid_utf8_offsets_count_from_the_start_of_the_input() {
        let r = stream(b"{\"text\":\"ok\"}\n{\"text\":\"a\xC0\"}\n", 1 << 20);
        assert_eq!(r.warnings, ["f.jsonl: invalid UTF-8 at byte 24, decoded with replacement characters"]);
        assert_eq!(r.documents[1].text, "a\u{FFFD}");
    }
}
