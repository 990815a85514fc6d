//! Grade words that state a judgement: "rated inadequate", "an
//! 'outstanding' rating", "good across the board" — and not the ordinary
//! adjective ("good practice", "inadequate staffing", "not good enough").

use super::super::pattern::regex as re;
use super::super::Grade;
use regex::Regex;
use std::sync::LazyLock;

/// A grade read in a sentence (byte offsets into the document).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GradeMention {
    pub start: usize,
    pub end: usize,
    pub grade: Grade,
    /// Written between quotation marks ("rated 'good'").
    pub quoted: bool,
}

static GRADE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:inadequate|(?:requires?|required|requiring)\s+improvement(?:\s+to\s+be\s+good)?|outstanding|good|(?:the\s+)?(?:lowest|highest)\s+(?:possible\s+)?(?:rating|grade|judgement))(?-u:\b)",
    )
});

/// Words that may follow a grade that is a judgement.
const FOLLOWERS: &[&str] = &[
    "overall",
    "rating",
    "ratings",
    "judgement",
    "judgements",
    "judgment",
    "grade",
    "grades",
    "verdict",
    "assessment",
    "assessments",
    "across",
    "in",
    "for",
    "at",
    "by",
    "with",
    "on",
    "after",
    "following",
    "from",
    "since",
    "under",
    "when",
    "to",
    "and",
    "or",
    "but",
    "last",
    "this",
    "earlier",
    "before",
    "again",
    "once",
    "now",
    "status",
    "label",
    "across-the-board",
    "during",
    "according",
    "as",
    "two",
    "three",
    "four",
    "five",
    "all",
];

/// Words right before a grade that deny or weaken it.
const NEGATORS: &[&str] = &["not", "no", "never", "yet", "nothing", "isn't", "wasn't", "aren't", "weren't", "very"];

fn is_quote_mark(c: char) -> bool {
    "\"'‘’“”".contains(c)
}

fn grade_of(s: &str) -> Grade {
    let l = s.to_lowercase();
    if l.starts_with("inadequate") || l.contains("lowest") {
        Grade::Inadequate
    } else if l.contains("improvement") {
        Grade::RequiresImprovement
    } else if l.starts_with("outstanding") || l.contains("highest") {
        Grade::Outstanding
    } else {
        Grade::Good
    }
}

/// The word after `end`, skipping quotation marks; `None` at punctuation or
/// the end of the text. A hyphen joined to the grade ("good-quality") is a
/// word of its own.
fn next_word(text: &str, end: usize, limit: usize) -> Option<String> {
    let rest = text.get(end..limit.max(end))?;
    if rest.starts_with('-') {
        return Some("-".into());
    }
    let rest = rest.trim_start_matches(|c: char| is_quote_mark(c) || c == ' ');
    let w: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '\'').collect();
    (!w.is_empty()).then(|| w.to_lowercase())
}

/// The last `n` words before `start`, lower case, nearest last.
pub fn words_before(text: &str, start: usize, n: usize) -> Vec<String> {
    let head = crate::segment::text::before(text, start, 80);
    let words: Vec<String> = head
        .split(|c: char| c.is_whitespace() || is_quote_mark(c))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'').to_lowercase())
        .collect();
    words[words.len().saturating_sub(n)..].to_vec()
}

/// True when an area phrase starts right after `end` ("inadequate
/// children's services", "the 'good' service").
pub fn area_follows(text: &str, end: usize, limit: usize) -> bool {
    let rest = crate::segment::text::slice(text, end, (end + 80).min(limit));
    let trimmed = rest.trim_start_matches(|c: char| is_quote_mark(c) || c == ' ');
    let skipped = rest.len() - trimmed.len();
    super::area::mentions(trimmed, 0).first().is_some_and(|a| a.start == 0) && skipped <= 5
}

/// True when a grade word at `start..end` of `text` reads as a judgement.
fn is_judgement(text: &str, start: usize, end: usize, limit: usize) -> bool {
    let follows_ok = match next_word(text, end, limit) {
        None => true,
        Some(w) => FOLLOWERS.contains(&w.as_str()) || area_follows(text, end, limit),
    };
    let negated = words_before(text, start, 2).iter().any(|w| NEGATORS.contains(&w.as_str()));
    follows_ok && !negated
}

/// Grade mentions in `text[span]` that read as judgements.
pub fn mentions(text: &str, start: usize, end: usize) -> Vec<GradeMention> {
    let t = crate::segment::text::slice(text, start, end);
    GRADE
        .find_iter(t)
        .map(|m| (start + m.start(), start + m.end(), m.as_str()))
        .filter(|&(s, e, w)| w.contains(' ') && !w.contains("improvement") || is_judgement(text, s, e, end))
        .map(|(s, e, w)| {
            let before = text.get(..s).and_then(|b| b.chars().next_back());
            let after = text.get(e..).and_then(|a| a.chars().next());
            let quoted = before.is_some_and(is_quote_mark) && after.is_some_and(is_quote_mark);
            GradeMention { start: s, end: e, grade: grade_of(w), quoted }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grades(t: &str) -> Vec<Grade> {
        mentions(t, 0, t.len()).into_iter().map(|g| g.grade).collect()
    }

    #[test]
    fn judgements_and_adjectives() {
        assert_eq!(grades("It was rated good overall."), [Grade::Good]);
        assert_eq!(grades("an 'inadequate' rating"), [Grade::Inadequate]);
        assert_eq!(grades("now requires improvement to be good."), [Grade::RequiresImprovement]);
        assert_eq!(grades("received the lowest rating"), [Grade::Inadequate]);
        assert!(grades("good practice and inadequate staffing").is_empty());
        assert!(grades("it is not good enough").is_empty());
        assert!(grades("the service is not yet good.").is_empty());
        assert!(grades("good-quality homes").is_empty());
    }
}
