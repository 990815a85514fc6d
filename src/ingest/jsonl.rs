//! JSON Lines: one article per line, a JSON object with `text` and optional
//! `id`, `url`, `title`, `date`, `author` (a string or `{"name": …}`). A bad
//! line is reported as skipped, naming path and line; the rest goes on.

use super::decode::normalise_newlines;
use super::meta::{self, clean, iso_date};
use super::{DocMeta, Document, ReadOutcome, Skipped};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// True when there is at least one record and every non-empty line is a JSON
/// object with a string `text` field (how standard input is recognised).
pub fn looks_like_jsonl(text: &str) -> bool {
    let mut any = false;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        if !is_record(line) {
            return false;
        }
        any = true;
    }
    any
}

/// True when `line` is a JSON object with a string `text` field.
pub fn is_record(line: &str) -> bool {
    // Cheap test first, so a long plain text is not parsed line by line.
    line.trim_start().starts_with('{')
        && matches!(serde_json::from_str::<Value>(line), Ok(Value::Object(o)) if o.get("text").is_some_and(Value::is_string))
}

/// A field as one line of text: a string, a number, an object's `name`, or
/// the first such item of an array.
fn field(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => clean(s),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => field(o.get("name")),
        Value::Array(a) => a.iter().find_map(|x| field(Some(x))),
        _ => None,
    }
}

/// The article text of a record, or why the record has none.
fn body(obj: &Map<String, Value>) -> Result<&str, &'static str> {
    match obj.get("text") {
        None => Err("no \"text\" field"),
        Some(Value::String(t)) if t.trim().is_empty() => Err("empty \"text\""),
        Some(Value::String(t)) => Ok(t),
        Some(_) => Err("\"text\" is not a string"),
    }
}

/// Why a line is not a record, in words a user can act on: where on the
/// line it went wrong, what was expected there and what was found.
fn json_error(line: &str, e: &serde_json::Error) -> String {
    let trimmed = line.trim_start();
    if !trimmed.starts_with('{') {
        return format!(
            "invalid JSON Lines record (expected a JSON object such as {{\"text\": \"…\"}} on each line, found {})",
            found(trimmed)
        );
    }
    let msg = e.to_string();
    let msg = msg.rfind(" at line ").map_or(msg.as_str(), |i| &msg[..i]);
    // serde_json counts columns in bytes
    let mut at = e.column().saturating_sub(1).min(line.len());
    while !line.is_char_boundary(at) {
        at -= 1;
    }
    if msg == "expected ident" {
        // serde_json stops inside a bare word (`nope`): show it whole
        while at > 0 && line.as_bytes()[at - 1].is_ascii_alphabetic() {
            at -= 1;
        }
    }
    let col = at + 1;
    let here = &line[at..];
    let what = match msg {
        m if m.starts_with("EOF while parsing") => {
            "the line ends before the object does: a record must be whole, on one line".to_owned()
        }
        "key must be a string" => format!("expected a field name in double quotes, found {}", found(here)),
        "trailing characters" => format!("expected the end of the line after the object, found {}", found(here)),
        "expected `:`" => format!("expected `:` after a field name, found {}", found(here)),
        "expected `,` or `}`" => format!("expected `,` or `}}` after a value, found {}", found(here)),
        "expected `,` or `]`" => format!("expected `,` or `]` in a list, found {}", found(here)),
        "expected value" | "expected ident" => {
            format!("expected a value (\"text\", a number, true, false, null, {{…}} or […]), found {}", found(here))
        }
        m if m.starts_with("control character") => {
            "a tab or line break written as is inside a string: write it as \\t or \\n".to_owned()
        }
        m => m.to_owned(),
    };
    format!("invalid JSON Lines record (column {col}: {what})")
}

/// The start of `text`, quoted, or "the end of the line".
fn found(text: &str) -> String {
    let head: String = text.chars().take(12).collect();
    match head.as_str() {
        "" => "the end of the line".to_owned(),
        h if h.len() < text.len() => format!("{h:?}…"),
        h => format!("{h:?}"),
    }
}

/// Reads the records of a JSON Lines text. `stem` names records without an `id`.
pub fn read(source: &str, stem: &str, text: &str) -> ReadOutcome {
    let mut records = Records::new(source, stem);
    let mut out = ReadOutcome::default();
    for (i, line) in text.lines().enumerate() {
        records.line(i + 1, line, &mut out);
    }
    out
}

/// The records of one JSON Lines input, line by line: what [`read`] does
/// for a whole text, and what the streaming reader does one line at a time.
/// It remembers each `id`'s first line, to warn about duplicates.
#[derive(Debug)]
pub struct Records {
    source: String,
    stem: String,
    ids: HashMap<String, usize>,
}

impl Records {
    pub fn new(source: &str, stem: &str) -> Self {
        Self { source: source.to_owned(), stem: stem.to_owned(), ids: HashMap::new() }
    }

    /// Reads line `n` (counted from 1, without its line break) into `out`:
    /// a document, or a skip naming path and line; blank lines give nothing.
    pub fn line(&mut self, n: usize, line: &str, out: &mut ReadOutcome) {
        if line.trim().is_empty() {
            return;
        }
        let at = format!("{}:{n}", self.source);
        let obj = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(o)) => o,
            Ok(_) => {
                out.skipped.push(Skipped { source: at, reason: "not a JSON object".into(), is_error: false });
                return;
            }
            Err(e) => {
                out.skipped.push(Skipped { source: at, reason: json_error(line, &e), is_error: false });
                return;
            }
        };
        let text = match body(&obj) {
            Ok(t) => normalise_newlines(t.to_owned()),
            Err(reason) => {
                out.skipped.push(Skipped { source: at, reason: reason.into(), is_error: false });
                return;
            }
        };
        let id = field(obj.get("id")).unwrap_or_else(|| format!("{}-{n}", self.stem));
        let first = *self.ids.entry(id.clone()).or_insert(n);
        if first != n {
            out.warnings.push(format!("{at}: id \"{id}\" already used at line {first}"));
        }
        let date = field(obj.get("date")).and_then(|d| {
            let iso = iso_date(&d);
            if iso.is_none() {
                out.warnings.push(format!("{at}: date \"{d}\" is not YYYY-MM-DD, ignored"));
            }
            iso
        });
        let url = field(obj.get("url"));
        let meta = DocMeta {
            title: field(obj.get("title")),
            author: field(obj.get("author")).and_then(|a| meta::author(&a)),
            date,
            url: url.clone(),
        };
        out.documents.push(Document { id, source: url.unwrap_or(at), text, meta });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_article_per_line_with_its_fields() {
        let t = concat!(
            r#"{"id":"a1","text":"One.","title":" A  title ","url":"https://example.org/1","#,
            r#""author":{"name":"Jo Bell"},"date":"2020-02-03T10:00:00Z"}"#,
            "\n",
            r#"{"text":"Two.","author":"Sam Reed","id":42}"#,
            "\n"
        );
        let r = read("f.jsonl", "f", t);
        assert_eq!(r.skipped, []);
        assert_eq!(r.warnings, Vec::<String>::new());
        let a = &r.documents[0];
        assert_eq!((a.id.as_str(), a.source.as_str(), a.text.as_str()), ("a1", "https://example.org/1", "One."));
        assert_eq!(
            a.meta,
            DocMeta {
                title: Some("A title".into()),
                author: Some("Jo Bell".into()),
                date: Some("2020-02-03".into()),
                url: Some("https://example.org/1".into())
            }
        );
        let b = &r.documents[1];
        assert_eq!((b.id.as_str(), b.source.as_str()), ("42", "f.jsonl:2"));
        assert_eq!(b.meta.author.as_deref(), Some("Sam Reed"));
    }

    #[test]
    fn ids_default_to_stem_and_line_and_empty_lines_are_ignored() {
        let r = read("dir/batch.ndjson", "batch", "\n{\"text\":\"A.\"}\n   \n{\"text\":\"B.\"}\n");
        let got: Vec<(&str, &str)> = r.documents.iter().map(|d| (d.id.as_str(), d.source.as_str())).collect();
        assert_eq!(got, [("batch-2", "dir/batch.ndjson:2"), ("batch-4", "dir/batch.ndjson:4")]);
        assert!(r.skipped.is_empty());
    }

    #[test]
    fn bad_lines_are_skipped_with_path_and_line_and_the_rest_goes_on() {
        let t = "not json\n[1,2]\n{\"title\":\"no text\"}\n{\"text\":\"  \"}\n{\"text\":7}\n{\"text\":\"Fine.\"}\n{\"text\":\"cut";
        let r = read("f.jsonl", "f", t);
        assert_eq!(r.documents.len(), 1);
        assert_eq!(r.documents[0].id, "f-6");
        let got: Vec<(&str, &str)> = r.skipped.iter().map(|s| (s.source.as_str(), s.reason.as_str())).collect();
        assert_eq!(
            got,
            [
                (
                    "f.jsonl:1",
                    "invalid JSON Lines record (expected a JSON object such as {\"text\": \"…\"} on each line, found \"not json\")"
                ),
                ("f.jsonl:2", "not a JSON object"),
                ("f.jsonl:3", "no \"text\" field"),
                ("f.jsonl:4", "empty \"text\""),
                ("f.jsonl:5", "\"text\" is not a string"),
                (
                    "f.jsonl:7",
                    "invalid JSON Lines record (column 12: the line ends before the object does: a record must be whole, on one line)"
                ),
            ]
        );
        assert!(r.skipped.iter().all(|s| !s.is_error));
    }

    #[test]
    fn json_errors_say_where_and_what_was_expected() {
        let t = "{\"text\": \"x\" \"id\": 2}\n{text: \"x\"}\n{\"text\": \"ok\"} extra\n{\"text\": \"a\tb\"}\n{\"text\" \"x\"}\n{\"text\": nope}\n";
        let r = read("f.jsonl", "f", t);
        let got: Vec<&str> = r.skipped.iter().map(|s| s.reason.as_str()).collect();
        assert_eq!(
            got,
            [
                "invalid JSON Lines record (column 14: expected `,` or `}` after a value, found \"\\\"id\\\": 2}\")",
                "invalid JSON Lines record (column 2: expected a field name in double quotes, found \"text: \\\"x\\\"}\")",
                "invalid JSON Lines record (column 16: expected the end of the line after the object, found \"extra\")",
                "invalid JSON Lines record (column 12: a tab or line break written as is inside a string: write it as \\t or \\n)",
                "invalid JSON Lines record (column 9: expected `:` after a field name, found \"\\\"x\\\"}\")",
                "invalid JSON Lines record (column 10: expected a value (\"text\", a number, true, false, null, {…} or […]), found \"nope}\")",
            ]
        );
    }

    #[test]
    fn dates_keep_only_the_day_and_bad_ones_are_dropped_with_a_warning() {
        let t =
            "{\"text\":\"A.\",\"date\":\"2022-10-04T08:00:00+01:00\"}\n{\"text\":\"B.\",\"date\":\"4 October 2022\"}\n";
        let r = read("f.jsonl", "f", t);
        assert_eq!(r.documents[0].meta.date.as_deref(), Some("2022-10-04"));
        assert_eq!(r.documents[1].meta.date, None);
        assert_eq!(r.warnings, ["f.jsonl:2: date \"4 October 2022\" is not YYYY-MM-DD, ignored"]);
    }

    #[test]
    fn text_line_endings_are_normalised_and_duplicate_ids_warned() {
        let t = "{\"id\":\"x\",\"text\":\"One.\\r\\n\\r\\nTwo.\\rThree.\"}\n{\"id\":\"x\",\"text\":\"Again.\"}\n{\"id\":\"x\",\"text\":\"More.\"}\n";
        let r = read("f.jsonl", "f", t);
        assert_eq!(r.documents[0].text, "One.\n\nTwo.\nThree.");
        assert_eq!(
            r.warnings,
            ["f.jsonl:2: id \"x\" already used at line 1", "f.jsonl:3: id \"x\" already used at line 1"]
        );
    }

    #[test]
    fn recognising_json_lines_on_stdin() {
        assert!(looks_like_jsonl("{\"text\":\"x\"}\n\n{\"text\":\"y\",\"id\":1}\n"));
        assert!(!looks_like_jsonl("{\"text\":\"x\"}\n{\"body\":\"y\"}\n"));
        assert!(!looks_like_jsonl("{\"text\":1}\n"));
        assert!(!looks_like_jsonl("plain text\n"));
        assert!(!looks_like_jsonl("\n  \n"));
    }
}
