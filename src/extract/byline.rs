//! Authors: the byline at the top of the article (or an agency credit line
//! anywhere), after the container's metadata.
//!
//! | rule | form |
//! |---|---|
//! | `author.metadata` | the HTML or JSON Lines container's author |
//! | `author.by` | "By Jane Doe", "- By JANE DOE Local Democracy Reporting Service", "by Jane Doe, chief reporter", "By Jane Doe and John Roe" |
//! | `author.title` | "Jane Doe, Local Democracy Reporter", "Jane Doe \| Political Editor" on a line of its own |
//! | `author.name-date` | "Jane Doe 06 April 2016", "Jane Doe, Health Reporter \| 6 April 2016" |
//! | `author.over-date` | a name on a line of its own right above a date line (trade press: "Jane Doe" / "Tuesday, October 22, 2019") |
//!
//! A name is two or three capitalised words (or words in capitals, which
//! are title-cased); words that name a trade or a body ("Press
//! Association", "Staff Reporter", "Local Democracy") are not names.
//! Known misses: a byline in running text ("writes Jane Doe"), one-word
//! pen names.

use super::context::Context;
use super::dateline::{date_pattern, head, ymd};
use super::pattern::regex as re;
use super::{Extraction, FactKind};
use crate::ingest::Document;
use crate::segment::Span;
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// A capitalised word, a word in capitals, or a middle initial.
const NAME: &str = r"(?:(?:\p{Lu}(?:\p{Lu}|['’-]\p{Lu})+)(?:\s+(?:\p{Lu}\.\s*)?\p{Lu}(?:\p{Lu}|['’-]\p{Lu})+){1,2}|(?:Mc|Mac|O['’]|D['’])?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?:\s+(?:\p{Lu}\.\s*)?(?:Mc|Mac|O['’]|D['’])?\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?){1,2})";
/// A journalist's job title.
const TITLE: &str = r"(?i:(?:(?:local\s+democracy|chief|senior|political|health|education|court|crime|local\s+government|news|staff|business|social\s+affairs|community|investigations?|digital|assistant|deputy|group|trainee|multimedia|data|features|sports?|environment|home\s+affairs|public\s+sector|social\s+care|children['’]s\s+services|freelance|regional)\s+)*(?:reporter|correspondent|editor|journalist|writer|reporting\s+service))(?-u:\b)";
/// Words that stop a name: trades, bodies, page words (month and day names come from `dateline`).
const NOT_NAME: &[&str] = &[
    "local",
    "democracy",
    "reporting",
    "reporter",
    "reporters",
    "service",
    "press",
    "association",
    "agency",
    "staff",
    "news",
    "newsdesk",
    "desk",
    "team",
    "editor",
    "correspondent",
    "online",
    "digital",
    "media",
    "council",
    "the",
    "our",
    "chief",
    "senior",
    "political",
    "group",
    "ltd",
    "limited",
    "trust",
    "bbc",
    "reuters",
    "published",
    "updated",
    "posted",
    "share",
    "email",
    "image",
    "picture",
    "photo",
    "video",
    "christmas",
    "easter",
];
const MAX_LINE: usize = 120;

/// A name read from a line, with its start and end in the line.
type Name = (String, usize, usize);

static BY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(r"^[\s\-–•*|]*(?i:by)\s*:?\s+(?P<name>{NAME})(?:\s+(?i:and|&)\s+(?P<name2>{NAME}))?(?P<rest>.*)$"))
});
static BY_REST: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(r"^(?:\s*$|\s*[,|–—\-(/@]|\s+{TITLE}|\s+(?i:for|of|at)\s+\p{{Lu}}|\s+{})", date_pattern()))
});
static NAME_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(r"^(?P<name>{NAME})\s*[,|–—-]\s*(?i:the\s+|our\s+|a\s+)?{TITLE}(?P<rest>.{{0,60}})$"))
});
static NAME_DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(r"^(?:(?i:by)\s+)?(?P<name>{NAME})(?:\s*[,|–—-]\s*[^\d\n]{{0,40}}?)?\s+{}", date_pattern()))
});
static NAME_ONLY: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"^(?P<name>{NAME})$")));

/// A line that is only a person's name.
pub(crate) fn is_name_line(line: &str) -> bool {
    NAME_ONLY.captures(line.trim()).and_then(|c| c.name("name")).is_some_and(|n| clean(n.as_str()).is_some())
}

/// The name without trailing trade words, title-cased when in capitals,
/// and its length in `raw`; `None` when fewer than two name words are left.
fn clean(raw: &str) -> Option<(String, usize)> {
    let mut keep: Vec<&str> = Vec::new();
    let mut len = 0;
    for w in raw.split_whitespace() {
        let lower = w.to_lowercase();
        let calendar =
            super::dateline::MONTHS.contains(&lower.as_str()) || super::dateline::WEEKDAYS.contains(&lower.as_str());
        if calendar || NOT_NAME.contains(&lower.as_str()) {
            break;
        }
        keep.push(w);
        len = w.as_ptr() as usize - raw.as_ptr() as usize + w.len();
    }
    if keep.len() < 2 {
        return None;
    }
    let caps = keep.iter().all(|w| !w.chars().any(char::is_lowercase));
    let name: Vec<String> = keep.iter().map(|w| if caps { title_case(w) } else { (*w).to_owned() }).collect();
    Some((name.join(" "), len))
}

/// "O'NEILL-SMITH" → "O'Neill-Smith".
fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut start = true;
    for ch in w.chars() {
        if start {
            out.extend(ch.to_uppercase());
        } else {
            out.extend(ch.to_lowercase());
        }
        start = !ch.is_alphabetic();
    }
    out
}

/// The names a byline rule read from one line, with their spans in the line.
fn names(c: &Captures<'_>) -> Vec<Name> {
    ["name", "name2"]
        .iter()
        .filter_map(|g| c.name(g))
        .filter_map(|m| clean(m.as_str()).map(|(n, len)| (n, m.start(), m.start() + len)))
        .collect()
}

/// The authors of one line of the top, the rule, and a date it gives.
fn head_line(line: &str, next: &str) -> Option<(Vec<Name>, &'static str, Option<String>)> {
    if line.len() > MAX_LINE {
        return None;
    }
    if let Some(c) = NAME_DATE.captures(line) {
        return Some((names(&c), "author.name-date", ymd(&c)));
    }
    if let Some(c) = BY.captures(line) {
        if BY_REST.is_match(c.name("rest").map_or("", |r| r.as_str())) {
            return Some((names(&c), "author.by", None));
        }
    }
    if let Some(c) = NAME_TITLE.captures(line) {
        return Some((names(&c), "author.title", None));
    }
    if is_name_line(line) && super::dateline::is_date_line(next) {
        return NAME_ONLY.captures(line.trim()).map(|c| (names(&c), "author.over-date", None));
    }
    None
}

/// Adds the authors; returns the date a byline gives, if any.
pub fn find(ctx: &Context<'_>, doc: &Document, out: &mut Extraction) -> Option<String> {
    if let Some(a) = doc.meta.author.as_deref().map(str::trim).filter(|a| a.split_whitespace().count() >= 2) {
        let p = out.person(a);
        out.push("author.metadata", Span::default(), FactKind::Author { person: p });
        return None;
    }
    let paras = head(ctx);
    for (i, p) in paras.iter().enumerate() {
        let next = paras.get(i + 1).map_or("", |n| ctx.seg.slice(*n));
        if let Some((found, rule, date)) = head_line(ctx.seg.slice(*p), next) {
            if !found.is_empty() {
                add(out, p.start, &found, rule);
                return date;
            }
        }
    }
    for p in ctx.seg.paragraphs.iter().skip(paras.len()) {
        if let Some(c) = NAME_TITLE.captures(ctx.seg.slice(*p)).filter(|_| p.len() <= MAX_LINE) {
            let found = names(&c);
            if !found.is_empty() {
                add(out, p.start, &found, "author.title");
                break;
            }
        }
    }
    None
}

fn add(out: &mut Extraction, at: usize, found: &[Name], rule: &'static str) {
    for (name, a, b) in found {
        let p = out.person(name);
        let span = Span::new(at + a, at + b);
        out.note_mention(p, span);
        out.push(rule, span, FactKind::Author { person: p });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn authors(line: &str, next: &str) -> Vec<String> {
        head_line(line, next)
            .map(|(v, r, _)| v.into_iter().map(|n| format!("{} {r}", n.0)).collect())
            .unwrap_or_default()
    }

    #[test]
    fn bylines() {
        assert_eq!(authors("By Jane Doe", ""), ["Jane Doe author.by"]);
        assert_eq!(authors("- By JANE O'DOE Local Democracy Reporting Service", ""), ["Jane O'Doe author.by"]);
        assert_eq!(authors("by Jane Doe, chief reporter", ""), ["Jane Doe author.by"]);
        assert_eq!(authors("By Jane Doe and Sam Roe", ""), ["Jane Doe author.by", "Sam Roe author.by"]);
        assert_eq!(authors("Jane Doe, Local Democracy Reporter", ""), ["Jane Doe author.title"]);
        assert_eq!(authors("Jane Doe", "Tuesday, October 22, 2019"), ["Jane Doe author.over-date"]);
        assert!(authors("Jane Doe", "The council said it would appeal.").is_empty());
        assert!(authors("By Christmas Eve the council had agreed the plan.", "").is_empty());
        assert!(authors("By Press Association", "").is_empty());
        assert!(authors("Pic by Laura Spargo", "").is_empty());
    }
}
