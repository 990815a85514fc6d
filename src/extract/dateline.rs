//! Publication date: the container's metadata first, then a date line at
//! the top of the article, then "today (Tuesday April 5)" with the year the
//! weekday fixes, at or after the latest year the article mentions (never
//! the clock's year).
//!
//! | rule | form |
//! |---|---|
//! | `published.metadata` | the HTML or JSON Lines container's date |
//! | `published.labelled` | "Published: 08:30 31 March 2019", "Date published: 04 August 2015", "Published 27th Nov 2015" |
//! | `published.dateline` | a line that is only a date: "Monday 4 September 2017", "Tuesday, October 22, 2019", "9th May 2022, 10:07 am" |
//! | `published.byline` | a date after the author's name: "Jane Doe 06 April 2016" (see [`super::byline`]) |
//! | `published.updated` | "Updated: 12 May 2019" when the top gives no other date |
//! | `published.today` | "published today (Thursday, 12 September)" |
//!
//! A date line next to a line of site navigation ("Home | News | Sport") is
//! the site's date bar, not the article's; a bare date on the very first
//! line gives way to any other date at the top.
//!
//! Known misses: dates given only in words ("last Tuesday"), dates at the
//! foot of the article.

use super::context::Context;
use super::pattern::regex as re;
use super::{Extraction, FactKind};
use crate::ingest::Document;
use crate::segment::Span;
use regex::{Captures, Regex};
use std::sync::LazyLock;

pub(crate) const MONTHS: &[&str] = &[
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
pub(crate) const WEEKDAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

pub(crate) const MONTH: &str = r"(?i:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)";
const WEEKDAY: &str = r"(?i:Mon|Tues?|Wed|Thu(?:rs)?|Fri|Sat|Sun)(?i:day|nesday|urday|sday)?\.?";
const TIME: &str = r"\d{1,2}[:.]\d{2}(?:\s*(?i:[ap]\.?m\.?))?(?:\s*(?i:BST|GMT|UTC))?";
/// Paragraphs at the top of the article where a date line may stand.
const HEAD_PARAGRAPHS: usize = 10;
const HEAD_BYTES: usize = 2500;

/// One date, day first ("4 September 2017"), month first ("October 22,
/// 2019"), or numeric ("12/03/2019", "2019-03-12"), after an optional weekday.
pub(crate) fn date_pattern() -> String {
    format!(
        r"(?:{WEEKDAY},?\s+)?(?:(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH})\.?,?\s+(?P<y>\d{{4}})|(?P<m2>{MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})|(?P<d3>\d{{1,2}})/(?P<m3>\d{{1,2}})/(?P<y3>\d{{4}})|(?P<y4>\d{{4}})-(?P<m4>\d{{2}})-(?P<d4>\d{{2}}))(?-u:\b)"
    )
}

/// A line that is a date, with an optional label and times around it.
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"^[\s\-–•*|]*(?:(?P<label>(?i:date\s+)?(?i:first\s+|last\s+)?(?i:published|posted|updated|modified|date))(?:\s+(?i:on|at))?\s*[:\-–]?\s*)?(?:{TIME}\s*[,|]?\s*)?{d}(?:,?\s+(?i:at\s+)?{TIME})?(?P<rest>.*)$",
        d = date_pattern()
    ))
});
/// What may follow the date on a date line: an update stamp, a time.
static REST: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(r"^[\s,|–-]*(?:(?i:(?:last\s+)?updated|modified)(?-u:\b)[^\n]{{0,60}})?\s*(?:{TIME})?\s*$"))
});
/// A line of site navigation: three or more section names.
static NAVIGATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:\s*(?:home|news|sport|sports|weather|business|politics|opinion|lifestyle|entertainment|what['’]s\s+on|jobs|property|motors|e-?edition|menu|search|sign\s+in|log\s*in|register|subscribe|newsletters?|contact(?:\s+us)?|advertise|puzzles|obituaries|announcements|local|video|videos|podcasts?|travel|health|education|crime|council|courts|environment|features|events|archive)\s*(?:[|/•·>›»,]\s*)?){3,}$",
    )
});
static TODAY: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)(?-u:\b)today\s*\(\s*(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+(?:(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH}))\s*\)"
    ))
});
static YEAR: LazyLock<Regex> = LazyLock::new(|| re(r"(?-u:\b)(?:19[5-9]\d|20\d\d)(?-u:\b)"));

/// How much a date at the top is worth: lower is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Labelled,
    Byline,
    Bare,
    FirstLine,
    Updated,
}

impl Tier {
    fn rule(self) -> &'static str {
        match self {
            Tier::Labelled => "published.labelled",
            Tier::Byline => "published.byline",
            Tier::Bare | Tier::FirstLine => "published.dateline",
            Tier::Updated => "published.updated",
        }
    }
}

/// A month's number (1–12) from its name or abbreviation.
pub(crate) fn month_number(m: &str) -> Option<u32> {
    let l = m.to_lowercase();
    let l = l.get(..l.len().min(3))?;
    MONTHS.iter().position(|x| x.starts_with(l)).map(|i| i as u32 + 1)
}

/// Day of the week (0 = Monday) by Sakamoto's method.
fn weekday(y: i32, m: u32, d: u32) -> usize {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if m < 3 { y - 1 } else { y };
    let w = (y + y / 4 - y / 100 + y / 400 + T[(m - 1) as usize] + d as i32) % 7; // 0 = Sunday
    ((w + 6) % 7) as usize
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    (1900..=2100).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days[(m - 1) as usize]
}

fn iso(y: i32, m: u32, d: u32) -> Option<String> {
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The ISO date of a match of [`date_pattern`].
pub(crate) fn ymd(c: &Captures<'_>) -> Option<String> {
    let num = |g: &str| c.name(g).and_then(|x| x.as_str().parse::<u32>().ok());
    let month = |g: &str| c.name(g).and_then(|x| month_number(x.as_str()));
    let (d, m, y) = if c.name("d").is_some() {
        (num("d")?, month("m")?, num("y")?)
    } else if c.name("d2").is_some() {
        (num("d2")?, month("m2")?, num("y2")?)
    } else if c.name("d3").is_some() {
        (num("d3")?, num("m3")?, num("y3")?)
    } else {
        (num("d4")?, num("m4")?, num("y4")?)
    };
    iso(i32::try_from(y).ok()?, m, d)
}

/// The date a line gives when the line is a date line, with its tier.
fn date_line(line: &str) -> Option<(String, Tier)> {
    if line.len() > 120 {
        return None;
    }
    let c = DATE_LINE.captures(line)?;
    if !REST.is_match(c.name("rest").map_or("", |r| r.as_str())) {
        return None;
    }
    let label = c.name("label").map(|l| l.as_str().to_lowercase());
    let tier = match label.as_deref() {
        Some(l) if l.contains("updated") || l.contains("modified") => Tier::Updated,
        Some(_) => Tier::Labelled,
        None => Tier::Bare,
    };
    Some((ymd(&c)?, tier))
}

/// A line that is a date line (of any tier).
pub(crate) fn is_date_line(line: &str) -> bool {
    date_line(line).is_some()
}

/// The paragraphs at the top of the article.
pub(crate) fn head(ctx: &Context<'_>) -> Vec<Span> {
    ctx.seg.paragraphs.iter().take(HEAD_PARAGRAPHS).take_while(|p| p.start < HEAD_BYTES).copied().collect()
}

/// The best date line at the top, skipping the site's date bar.
fn head_date(ctx: &Context<'_>) -> Option<(String, Tier)> {
    let paras = head(ctx);
    let line = |i: usize| paras.get(i).map_or("", |p| ctx.seg.slice(*p));
    let mut best: Option<(String, Tier)> = None;
    for i in 0..paras.len() {
        let Some((date, mut tier)) = date_line(line(i)) else {
            continue;
        };
        if tier == Tier::Bare {
            let nav = |j: Option<usize>| j.is_some_and(|j| NAVIGATION.is_match(line(j)));
            if nav(i.checked_sub(1)) || nav(Some(i + 1)) {
                continue;
            }
            if i == 0 {
                tier = Tier::FirstLine;
            } else if i > 0 && super::byline::is_name_line(line(i - 1)) {
                tier = Tier::Byline;
            }
        }
        if best.as_ref().is_none_or(|b| tier < b.1) {
            best = Some((date, tier));
        }
    }
    best
}

/// Adds the publication date of the document.
pub fn find(ctx: &Context<'_>, doc: &Document, byline_date: Option<String>, out: &mut Extraction) {
    let found = if let Some(d) = doc.meta.date.clone() {
        Some((d, "published.metadata"))
    } else {
        let top = head_date(ctx);
        match (top, byline_date) {
            (Some((d, t)), _) if t <= Tier::Byline => Some((d, t.rule())),
            (_, Some(d)) => Some((d, Tier::Byline.rule())),
            (Some((d, t)), None) => Some((d, t.rule())),
            (None, None) => today_date(&ctx.masked).map(|d| (d, "published.today")),
        }
    };
    if let Some((date, rule)) = found {
        out.push(rule, Span::default(), FactKind::Published { date });
    }
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

    #[test]
    fn date_lines() {
        let d = |l: &str| date_line(l).map(|(d, t)| format!("{d} {t:?}"));
        assert_eq!(d("Published: 08:30 31 March 2019").as_deref(), Some("2019-03-31 Labelled"));
        assert_eq!(
            d("PUBLISHED: 11:00 07 April 2017 | UPDATED: 13:27 07 April 2017").as_deref(),
            Some("2017-04-07 Labelled")
        );
        assert_eq!(d("Date published: 04 August 2015").as_deref(), Some("2015-08-04 Labelled"));
        assert_eq!(d("Tuesday, October 22, 2019").as_deref(), Some("2019-10-22 Bare"));
        assert_eq!(d("Monday 4 September 2017").as_deref(), Some("2017-09-04 Bare"));
        assert_eq!(d("Monday, 2nd March 2020, 10:07 am").as_deref(), Some("2020-03-02 Bare"));
        assert_eq!(d("07 Jan 2019 Last updated at 10:00").as_deref(), Some("2019-01-07 Bare"));
        assert_eq!(d("Updated: 12/05/2019").as_deref(), Some("2019-05-12 Updated"));
        assert_eq!(d("22 October 2019 was the day the report came out"), None);
        assert_eq!(d("31 February 2019"), None);
        assert_eq!(d("£4m in 2019"), None);
    }
}
