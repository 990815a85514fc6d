//! JSON Lines: one article per line, `{"text": …}` with optional `id`,
//! `url`, `title`, `date`, `author` (a string or `{"name": …}`). A bad line
//! is reported and skipped; the rest of the file goes on.

use super::{DocMeta, Document, ReadOutcome, Skipped};
use serde_json::Value;

/// True when every non-empty line is a JSON object with a `text` field.
pub fn looks_like_jsonl(text: &str) -> bool {
    let mut any = false;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        any = true;
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(o)) if o.get("text").is_some_and(Value::is_string) => {}
            _ => return false,
        }
    }
    any
}

fn string(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => string(o.get("name")),
        Value::Array(a) => string(a.first()),
        _ => None,
    }
}

/// Reads the records of a JSON Lines file. `stem` names documents without an `id`.
pub fn read(source: &str, stem: &str, text: &str) -> ReadOutcome {
    let mut out = ReadOutcome::default();
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        let skip = |reason: String| Skipped { source: format!("{source}:{n}"), reason, is_error: false };
        let obj = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(o)) => o,
            Ok(_) => {
                out.skipped.push(skip("not a JSON object".into()));
                continue;
            }
            Err(e) => {
                out.skipped.push(skip(format!("invalid JSON: {e}")));
                continue;
            }
        };
        let Some(body) = obj.get("text").and_then(Value::as_str).filter(|t| !t.trim().is_empty()) else {
            out.skipped.push(skip("no \"text\" field".into()));
            continue;
        };
        let id = string(obj.get("id")).unwrap_or_else(|| format!("{stem}-{n}"));
        let url = string(obj.get("url"));
        let date = string(obj.get("date")).map(|d| d.chars().take(10).collect::<String>());
        let meta =
            DocMeta { title: string(obj.get("title")), author: string(obj.get("author")), date, url: url.clone() };
        let src = url.unwrap_or_else(|| format!("{source}:{n}"));
        out.documents.push(Document { id, source: src, text: body.replace("\r\n", "\n"), meta });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_ids_and_bad_lines() {
        let t = "{\"id\":\"a1\",\"text\":\"One.\",\"author\":{\"name\":\"Jo Bell\"},\"date\":\"2020-02-03T10:00:00Z\"}\n\nnot json\n{\"text\":\"Two.\",\"url\":\"https://example.org/2\"}\n{\"title\":\"no text\"}\n";
        let r = read("f.jsonl", "f", t);
        assert_eq!(r.documents.len(), 2);
        assert_eq!(r.documents[0].id, "a1");
        assert_eq!(r.documents[0].meta.author.as_deref(), Some("Jo Bell"));
        assert_eq!(r.documents[0].meta.date.as_deref(), Some("2020-02-03"));
        assert_eq!(r.documents[1].id, "f-4");
        assert_eq!(r.documents[1].source, "https://example.org/2");
        assert_eq!(r.skipped.len(), 2);
        assert_eq!(r.skipped[0].source, "f.jsonl:3");
        assert!(looks_like_jsonl("{\"text\":\"x\"}\n"));
        assert!(!looks_like_jsonl("plain text"));
    }
}
