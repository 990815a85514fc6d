//! Ofsted ratings: which grade an inspection gave which judgement area of a
//! council's children's services, in the article's own words (a grade read
//! only inside someone's attributed quotation is not asserted).
//!
//! Per sentence: grade words that read as judgements (`grade`), the
//! areas the sentence ties each to (`link`, a table of rules), the council
//! the sentence names (else the article's), and whether the grade is an
//! earlier inspection's ("moved from inadequate to good", "at its last
//! inspection in 2016"). Lists and tables of judgements after a colon are
//! read by `list`.

mod area;
mod earlier;
pub use earlier::year_in;
mod grade;
mod link;
mod list;

use super::context::Context;
use super::{Area, Extraction, FactKind, Grade};
use crate::reference::councils::CouncilForm;
use crate::segment::Span;

/// One rating found, before it is pushed as a fact.
struct Found {
    span: Span,
    council: usize,
    areas: Vec<Area>,
    grade: Grade,
    earlier: bool,
    rule: &'static str,
}

pub fn find(ctx: &Context<'_>, out: &mut Extraction) {
    let text = rating_text(ctx);
    let mut found = Vec::new();
    for s in &ctx.seg.sentences {
        found.extend(in_sentence(ctx, &text, s.span));
    }
    found.extend(list::find(ctx, &text));
    date_conflicts(&mut found, &text);
    for f in found {
        out.add_council(f.council);
        for area in f.areas {
            out.push(f.rule, f.span, FactKind::Rating { council: f.council, area, grade: f.grade, earlier: f.earlier });
        }
    }
}

fn in_sentence(ctx: &Context<'_>, text: &str, span: Span) -> Vec<Found> {
    let grades = grade::mentions(text, span.start, span.end);
    if grades.is_empty() {
        return vec![];
    }
    let t = crate::segment::text::slice(text, span.start, span.end);
    let cued = link::CUE.is_match(t);
    let s = link::Sentence {
        text,
        start: span.start,
        end: span.end,
        areas: area::mentions(t, span.start),
        grades: grades.clone(),
    };
    let mut found = Vec::new();
    for (i, g) in grades.iter().enumerate() {
        let Some((areas, rule)) = link::link(&s, i) else { continue };
        let specific = areas.iter().any(|a| *a != Area::Overall);
        if !(cued || (g.quoted || specific) && ctx.about_inspection) {
            continue;
        }
        let Some(council) = council_for(ctx, span, g.start) else { continue };
        let earlier = earlier::is_earlier(&s, i);
        found.push(Found { span, council, areas, grade: g.grade, earlier, rule });
    }
    found
}

/// The council a rating in `span` is about: the one the sentence names
/// nearest before the grade, else the first it names, else the article's.
/// Two current grades for one council and area: the one whose sentence
/// names an older year ("In 2017 it was rated inadequate") is the earlier
/// inspection's; a sentence naming no year speaks of the present.
fn date_conflicts(found: &mut [Found], text: &str) {
    let year = |f: &Found| earlier::year_in(crate::segment::text::slice(text, f.span.start, f.span.end));
    let years: Vec<Option<u16>> = found.iter().map(year).collect();
    for i in 0..found.len() {
        let Some(y) = years[i] else { continue };
        let newer = (0..found.len()).any(|j| {
            let (a, b) = (&found[i], &found[j]);
            j != i
                && !b.earlier
                && b.council == a.council
                && b.grade != a.grade
                && b.areas.iter().any(|x| a.areas.contains(x))
                && years[j].is_none_or(|yj| yj > y)
        });
        if newer {
            found[i].earlier = true;
        }
    }
}

/// A bare place name counts only as a possessor ("Wirral's services").
fn council_for(ctx: &Context<'_>, span: Span, grade_at: usize) -> Option<usize> {
    let names_council = |h: &&crate::reference::councils::CouncilHit| {
        h.form == CouncilForm::Council || ctx.text.get(h.byte_end..).is_some_and(|t| t.starts_with(['\'', '’']))
    };
    let hits: Vec<_> = ctx.councils_in(span).iter().filter(names_council).collect();
    hits.iter().rfind(|h| h.byte_end <= grade_at).or(hits.first()).map(|h| h.council).or(ctx.primary_council)
}

/// The text rating rules read: attributed quotations blanked, except those
/// that quote nothing but a grade ("a new rating of 'requires improvement
/// to be good'"), which are the article's own words about the grade.
fn rating_text(ctx: &Context<'_>) -> String {
    let mut text = ctx.masked_attributed.clone();
    for q in ctx.seg.quotes.iter().filter(|q| q.depth == 0) {
        let inner = ctx.seg.slice(q.inner).trim_matches(|c: char| !c.is_alphanumeric());
        let only_grade =
            grade::mentions(inner, 0, inner.len()).first().is_some_and(|g| g.start == 0 && g.end == inner.len());
        if only_grade && ctx.masked.get(q.inner.start..q.inner.end).is_some() {
            text.replace_range(q.inner.start..q.inner.end, ctx.seg.slice(q.inner));
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use crate::extract::{extract, report};
    use crate::ingest::Document;
    use crate::segment::segment;

    fn ratings(text: &str) -> Vec<String> {
        let doc = Document::from_text("t", "t.txt", text);
        let x = extract(&segment(text), &doc);
        report::lines(text, &x).into_iter().filter(|l| l.starts_with("rating")).collect()
    }

    #[test]
    fn headline_without_full_stop() {
        let text = "Wigan Council's children's services rated inadequate\n\nThe council was inspected in May.\n";
        assert_eq!(ratings(text), ["rating\tWigan Council\tOverall\tInadequate"]);
    }

    #[test]
    fn a_grade_some_years_after_which_is_the_earlier() {
        let text = "Wigan Council's children's services were rated inadequate by Ofsted.\n\nThe verdict comes two years after they were rated good.\n";
        let found = ratings(text);
        assert!(found.iter().any(|l| l.ends_with("Inadequate")), "{found:?}");
        assert!(found.iter().all(|l| !l.ends_with("\tGood")), "{found:?}");
        assert!(found.iter().any(|l| l.ends_with("Good\tearlier")), "{found:?}");
    }

    #[test]
    fn a_visit_after_the_service_was_rated_keeps_the_rating_current() {
        let text = "Councillors discussed a recent Ofsted monitoring visit after Wigan Council's children's services were rated inadequate in 2022.\n";
        assert_eq!(ratings(text), ["rating\tWigan Council\tOverall\tInadequate"]);
    }
}
