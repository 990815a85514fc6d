//! Publication date and author: the container's metadata first, then a
//! byline or dateline at the top ("Jane Doe 06 April 2016", "By Jane Doe",
//! "Published: 6 April 2016"), then "today (Tuesday April 5)" with the year
//! the weekday fixes, at or after the latest year the article mentions.

use super::context::Context;
use super::pattern::regex as re;
use super::person::NAME_WORD;
use super::{Extraction, FactKind};
use crate::ingest::Document;
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

static MONTH: &str = r"(?i:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)";

static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:(?i:by)\s+)?(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}})(?:\s*[,|–—-]\s*[^\d\n]{{0,40}}?)?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{MONTH})\s+(?P<y>\d{{4}})(?-u:\b)"
    ))
});
static BY: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"^(?i:by)\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}})\s*(?:,|$|\n|\|)")));
static DATE_DMY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^(?:(?i:published|updated|posted|date)\s*:?\s*)?(?:(?i:mon|tue|wed|thu|fri|sat|sun)\w*,?\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{MONTH})\s+(?P<y>\d{{4}})(?-u:\b)"
    ))
});
static TODAY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)(?-u:\b)today\s*\(\s*(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?:(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH}))\s*\)"
    ))
});
static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"(?-u:\b)(?:19[5-9]\d|20\d\d)(?-u:\b)"));

/// A month's number (1–12) from its name or abbreviation.
pub(crate) fn month_number(m: &str) -> Option<u32> {
    let l = m.to_lowercase();
    MONTHS.iter().position(|x| x.starts_with(&l[..l.len().min(3)])).map(|i| i as u32 + 1)
}

/// Day of the week (0 = Monday) by Sakamoto's method.
fn weekday(y: i32, m: u32, d: u32) -> usize {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let w = (y + y / 4 - y / 100 + y / 400 + T[(m - 1) as usize] + d as i32) % 7; // 0 = Sunday
    ((w + 6) % 7) as usize
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    let days = [
        31,
        if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    (1..=12).contains(&m) && d >= 1 && d <= days[(m - 1) as usize]
}

fn iso(y: i32, m: u32, d: u32) -> Option<String> {
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

pub fn find(ctx: &Context<'_>, doc: &Document, out: &mut Extraction) {
    let seg = ctx.seg;
    let head: Vec<Span> = seg.paragraphs.iter().take(3).copied().collect();
    let mut date = doc.meta.date.clone();
    let mut author = doc.meta.author.clone().map(|a| (a, Span::default()));
    for p in &head {
        let line = seg.slice(*p);
        if let Some(c) = BYLINE.captures(line) {
            if author.is_none() {
                author =
                    c.name("name").map(|n| (n.as_str().to_owned(), Span::new(p.start + n.start(), p.start + n.end())));
            }
            if date.is_none() {
                date = ymd(&c);
            }
        } else if let Some(c) = BY.captures(line) {
            if author.is_none() {
                author =
                    c.name("name").map(|n| (n.as_str().to_owned(), Span::new(p.start + n.start(), p.start + n.end())));
            }
        } else if let Some(c) = DATE_DMY.captures(line) {
            if date.is_none() && line.len() < 60 {
                date = ymd(&c);
            }
        }
    }
    if date.is_none() {
        date = today_date(&ctx.masked);
    }
    if let Some(d) = date {
        out.push("published.dateline", Span::default(), FactKind::Published { date: d });
    }
    if let Some((name, span)) = author {
        let name = name.trim().to_owned();
        if name.split_whitespace().count() >= 2 {
            let p = out.person(&name);
            if span != Span::default() {
                out.note_mention(p, span);
            }
            out.push("author.byline", span, FactKind::Author { person: p });
        }
    }
}

fn ymd(c: &regex::Captures<'_>) -> Option<String> {
    let d: u32 = c.name("d")?.as_str().parse().ok()?;
    let m = month_number(c.name("m")?.as_str())?;
    let y: i32 = c.name("y")?.as_str().parse().ok()?;
    iso(y, m, d)
}

/// "today (Tuesday April 5)": the first year at or after the latest year
/// the article mentions on which that date falls on that weekday.
fn today_date(text: &str) -> Option<String> {
    let c = TODAY.captures(text)?;
    let wd = WEEKDAYS.iter().position(|w| c.name("wd").is_some_and(|x| x.as_str().eq_ignore_ascii_case(w)))?;
    let (m, d) = match (c.name("m1"), c.name("d1"), c.name("m2"), c.name("d2")) {
        (Some(m), Some(d), _, _) | (_, _, Some(m), Some(d)) => {
            (month_number(m.as_str())?, d.as_str().parse::<u32>().ok()?)
        }
        _ => return None,
    };
    let latest = YEAR.find_iter(text).filter_map(|y| y.as_str().parse::<i32>().ok()).max()?;
    (latest..latest + 7).find(|&y| valid(y, m, d) && weekday(y, m, d) == wd).and_then(|y| iso(y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays() {
        assert_eq!(weekday(2026, 11, 24), 1); // a Tuesday
        assert_eq!(weekday(2000, 1, 1), 5); // a Saturday
    }

    #[test]
    fn today_with_the_year_inferred() {
        let t = "Plans date from 2019 and 2021. The report, out today (Friday March 4), said so.";
        assert_eq!(today_date(t).as_deref(), Some("2022-03-04"));
        assert_eq!(today_date("out today (Friday March 4)"), None);
    }
}
