//! Whether a grade is an earlier inspection's: "moved from 'inadequate' to
//! 'good'", "had previously been rated outstanding", "at its last
//! inspection in 2016, when it was judged good", "after being found
//! inadequate", "two years after they were rated good".

use super::super::pattern::regex as re;
use super::link::Sentence;
use regex::Regex;
use std::sync::LazyLock;

static FROM_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:(?:moved|moves|moving|upgraded|downgraded|elevated|improved|raised|risen|rose|rise|dropped|fell|fallen|slipped|climbed|jumped|went|gone|lifted|promoted|demoted|changed)(?-u:\b)[^.;]{0,60}?(?-u:\b)from|out\s+of)\s+(?:(?:the|an?|its|their)\s+)?(?:[\p{L}-]+\s+){0,3}?(?:of\s+)?['’‘“”\x22]?\s*$",
    )
});
static PAST_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:previous|previously|last\s+(?:\w+\s+)?(?:inspection|review|evaluation|visit|report)|earlier|back\s+in|since|used\s+to|was\s+once|in\s+the\s+past|formerly|after\s+being|having\s+been|had\s+been\s+rated|had\s+received|had\s+had|(?:years?|months?)\s+after\s+(?:it|they|the\s+(?:council|service|services|authority))\s+(?:was|were|had\s+been))(?-u:\b)",
    )
});

static PAST_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^[^.;]{0,25}?(?-u:\b)(?:at|in|during)\s+(?:its|the|their|a)\s+(?:previous|last|earlier|former)\s+(?:\w+\s+)?(?:inspection|review|evaluation|visit|report)",
    )
});

/// True when grade `i` of `s` is an earlier inspection's.
pub fn is_earlier(s: &Sentence<'_>, i: usize) -> bool {
    let g = s.grades[i];
    let prev = if i > 0 { s.grades[i - 1].end } else { s.start };
    let head = crate::segment::text::slice(s.text, prev, g.start);
    if FROM_BEFORE.is_match(head) {
        return true;
    }
    // "from A to B": A, written first, is the earlier.
    let next_is_to = s.grades.get(i + 1).is_some_and(|n| {
        let gap = crate::segment::text::slice(s.text, g.end, n.start);
        gap.trim_matches(|c: char| !c.is_alphanumeric()).eq_ignore_ascii_case("to")
    });
    let next = s.grades.get(i + 1).map_or(s.end, |n| n.start);
    let tail = crate::segment::text::slice(s.text, g.end, next);
    next_is_to || PAST_MARKER.is_match(head) || PAST_AFTER.is_match(tail)
}

/// The latest year a sentence names ("in 2017"), if any.
pub fn year_in(text: &str) -> Option<u16> {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"(?-u:\b)(?:19[89]\d|20\d\d)(?-u:\b)"));
    YEAR.find_iter(text).filter_map(|m| m.as_str().parse().ok()).max()
}
