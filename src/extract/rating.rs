//! Ofsted ratings: which grade an inspection gave which judgement area of
//! a council's children's services, in the article's own words (a grade
//! read only inside someone's quotation is not asserted).
//!
//! Forms: "inadequate ratings for 'A', 'B' and 'C'"; "'A' is rated as
//! requiring improvement"; "rated X's A and B as inadequate"; "the
//! 'inadequate' services"; "children's services 'inadequate'". Areas of
//! both frameworks fold onto six keys; "children's services" and the like
//! are the overall judgement. The council is the one the sentence names,
//! else the article's.

use super::context::Context;
use super::pattern::regex as re;
use super::{Area, Extraction, FactKind, Grade};
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

static GRADE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:inadequate|requires?\s+improvement(?:\s+to\s+be\s+good)?|requiring\s+improvement|outstanding|good)(?-u:\b)",
    )
});
const A: &str = "['’]";
static AREA: LazyLock<Vec<(Regex, Area, bool)>> = LazyLock::new(|| {
    // (pattern, area, specific): generic nouns count only in tight constructions
    let v: Vec<(String, Area, bool)> = vec![
        ("(?:the\\s+)?experiences\\s+and\\s+progress\\s+of\\s+children\\s+who\\s+need\\s+help\\s+and\\s+protection|children\\s+who\\s+need\\s+help\\s+and\\s+protection|help\\s+and\\s+protection|safeguarding(?:\\s+services)?|child\\s+protection(?:\\s+services)?".into(), Area::HelpAndProtection, true),
        ("(?:the\\s+)?experiences\\s+and\\s+progress\\s+of\\s+children\\s+in\\s+care(?:\\s+and\\s+care\\s+leavers)?|children\\s+looked\\s+after\\s+and\\s+achieving\\s+permanence|services\\s+for\\s+looked[\\s-]after\\s+children|looked[\\s-]after\\s+children|children\\s+looked\\s+after|children\\s+in\\s+care".into(), Area::LookedAfter, true),
        ("adoption\\s+performance|adoption(?:\\s+services)?".into(), Area::Adoption, true),
        ("(?:the\\s+)?experiences\\s+and\\s+progress\\s+of\\s+care\\s+leavers|care\\s+leavers|leaving\\s+care(?:\\s+services)?".into(), Area::CareLeavers, true),
        ("leadership,?\\s+management\\s+and\\s+governance|(?:the\\s+)?impact\\s+of\\s+leaders(?:\\s+on\\s+social\\s+work\\s+practice(?:\\s+with\\s+children\\s+and\\s+families)?)?|leadership\\s+and\\s+management".into(), Area::Leadership, true),
        ("overall\\s+effectiveness|overall\\s+judgement|overall\\s+rating".into(), Area::Overall, true),
        (format!("children{A}s\\s+(?:social\\s+care\\s+)?services|children{A}s\\s+social\\s+care|social\\s+care\\s+services|services\\s+for\\s+children|services|department|council|authority|rating|judgement|grade"), Area::Overall, false),
    ];
    v.into_iter().map(|(p, a, s)| (re(&format!("(?i)(?-u:\\b)(?:{p})(?-u:\\b)")), a, s)).collect()
});
static CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:ofsted|rated|rates|rating|ratings|judged|judgement|graded|inspection|inspectors|inspectorate|report|labels|labelled|deemed|found)(?-u:\b)",
    )
});
static RATED_AS: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)(?-u:\b)(?:rated|rates|rating|judged|judges|graded|labels|labelled|deemed|branded|found)(?-u:\b)")
});

fn grade_of(s: &str) -> Grade {
    let l = s.to_lowercase();
    if l.starts_with("inadequate") {
        Grade::Inadequate
    } else if l.contains("improvement") {
        Grade::RequiresImprovement
    } else if l.starts_with("outstanding") {
        Grade::Outstanding
    } else {
        Grade::Good
    }
}

/// Area mentions of a stretch of text: (start, end, area, specific), longest first.
fn areas(t: &str, offset: usize) -> Vec<(usize, usize, Area, bool)> {
    let mut v: Vec<(usize, usize, Area, bool)> = Vec::new();
    for (rx, area, specific) in AREA.iter() {
        for m in rx.find_iter(t) {
            v.push((offset + m.start(), offset + m.end(), *area, *specific));
        }
    }
    v.sort_by(|a, b| a.0.cmp(&b.0).then((b.1 - b.0).cmp(&(a.1 - a.0))));
    let mut kept: Vec<(usize, usize, Area, bool)> = Vec::new();
    for a in v {
        if !kept.iter().any(|k| k.0 < a.1 && a.0 < k.1) {
            kept.push(a);
        }
    }
    kept
}

fn quote_mark(c: Option<char>) -> bool {
    c.is_some_and(|c| "\"'‘’“”".contains(c))
}

pub fn find(ctx: &Context<'_>, out: &mut Extraction) {
    let text = &ctx.masked_attributed;
    for s in &ctx.seg.sentences {
        let t = &text[s.span.start..s.span.end];
        if !GRADE.is_match(t) {
            continue;
        }
        let context = CONTEXT.is_match(t);
        let all_areas = areas(t, s.span.start);
        for g in GRADE.find_iter(t) {
            let (gs, ge) = (s.span.start + g.start(), s.span.start + g.end());
            let grade = grade_of(g.as_str());
            let quoted = quote_mark(text[..gs].chars().next_back()) && quote_mark(text[ge..].chars().next());
            let before = text[s.span.start..gs].trim_end_matches(['"', '\'', '‘', '’', '“', '”', ' ']);
            let after = text[ge..s.span.end].trim_start_matches(['"', '\'', '‘', '’', '“', '”', ' ']);
            if matches!(grade, Grade::Good | Grade::Outstanding) {
                let lb = before.to_lowercase();
                let predicative = [
                    " as", "rated", "judged", "graded", " be", " been", " was", " were", " is", " are", " remain",
                    " remains",
                ];
                if !(quoted || predicative.iter().any(|w| lb.ends_with(w)) && context) {
                    continue;
                }
            }
            if !context && !quoted {
                continue;
            }
            let mut found: Vec<Area> = Vec::new();
            let mut rule = "";
            // A. "inadequate ratings for A, B and C"
            static FOR_LIST: LazyLock<Regex> =
                LazyLock::new(|| re(r"(?i)^(?:ratings?|judgements?|grades?)\s+(?:for|in|on|across)\s+"));
            if let Some(m) = FOR_LIST.find(after) {
                let from = s.span.end - after.len() + m.end();
                found = all_areas.iter().filter(|a| a.0 >= from && a.3).map(|a| a.2).collect();
                rule = "rating.grade-for-areas";
            }
            // B. "rated A and B as inadequate"
            if found.is_empty() && before.to_lowercase().ends_with(" as") {
                if let Some(v) = RATED_AS.find_iter(before).last() {
                    let from = s.span.start + v.end();
                    let between: Vec<&(usize, usize, Area, bool)> =
                        all_areas.iter().filter(|a| a.0 >= from && a.1 <= gs).collect();
                    found = between.iter().filter(|a| a.3).map(|a| a.2).collect();
                    if found.is_empty() && !between.is_empty() {
                        found.push(Area::Overall);
                    }
                    rule = "rating.rated-as";
                }
            }
            // C. "A is rated as requiring improvement", E. "children's services 'inadequate'"
            if found.is_empty() {
                static LINK: LazyLock<Regex> = LazyLock::new(|| {
                    re(
                        r"(?i)^(?:\s+(?:of|for)\s+[\p{L}'’]+(?:\s+[\p{L}'’]+)?)?[\s,'’‘“”]*(?:(?:is|are|was|were|has\s+been|have\s+been|remains?|still|now|also|been|rated|judged|graded|found|deemed|as|to|be)\s+)*[\s'’‘“”]*$",
                    )
                });
                if let Some(a) = all_areas.iter().rev().find(|a| a.1 <= gs) {
                    static ASIDE: LazyLock<Regex> = LazyLock::new(|| re(r",[^,]{1,30},"));
                    let gap = ASIDE.replace_all(&text[a.1..gs], " ");
                    if LINK.is_match(&gap) && (a.3 || quoted || context) {
                        found.push(a.2);
                        rule = "rating.area-is-grade";
                    }
                }
            }
            // D. "the 'inadequate' services"
            if found.is_empty() {
                if let Some(a) = all_areas.iter().find(|a| a.0 >= ge) {
                    if text[ge..a.0].trim_matches(|c: char| c.is_whitespace() || "'’‘“”\"".contains(c)).is_empty()
                    {
                        found.push(a.2);
                        rule = "rating.grade-area";
                    }
                }
            }
            let span = Span::new(s.span.start, s.span.end);
            let Some(council) = ctx.council_in(span).or(ctx.primary_council) else {
                continue;
            };
            for area in found {
                out.add_council(council);
                out.push(rule, span, FactKind::Rating { council, area, grade });
            }
        }
    }
}
