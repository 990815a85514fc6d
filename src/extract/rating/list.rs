//! Judgements set out as a list or a table: a sentence that gives a grade
//! and ends with a colon, followed by list items naming areas ("good across
//! all five areas:" then "1. Overall effectiveness." …), and table rows
//! that pair an area with a grade ("Help and protection: Inadequate").

use super::super::context::Context;
use super::{area, grade, Found};
use crate::segment::Span;

/// A paragraph that reads as a list item: a bullet or number, or a short line.
fn is_item(p: &str) -> bool {
    let t = p.trim_start();
    let bullet = t.starts_with(['•', '*', '-', '–', '·', '▪'])
        || t.chars().next().is_some_and(|c| c.is_ascii_digit()) && t.chars().take(4).any(|c| c == '.' || c == ')');
    bullet || t.split_whitespace().count() <= 14
}

/// Ratings from the items after a colon-ended grade sentence.
fn after_colon(ctx: &Context<'_>, text: &str, p: usize, out: &mut Vec<Found>) {
    let para = ctx.seg.paragraphs[p];
    let body = crate::segment::text::slice(text, para.start, para.end).trim_end();
    if !body.ends_with(':') || !super::link::CUE.is_match(body) {
        return;
    }
    let Some(g) = grade::mentions(text, para.start, para.end).last().copied() else { return };
    let Some(council) = ctx.council_in(para).or(ctx.primary_council) else { return };
    for item in ctx.seg.paragraphs[p + 1..].iter().take(12) {
        let t = crate::segment::text::slice(text, item.start, item.end);
        let areas: Vec<_> = area::mentions(t, item.start).into_iter().filter(|a| a.specific).collect();
        if !is_item(t) || areas.is_empty() {
            break;
        }
        let areas = areas.iter().flat_map(|a| a.areas.iter().copied()).collect();
        out.push(Found { span: *item, council, areas, grade: g.grade, earlier: false, rule: "rating.list-item" });
    }
}

/// "Overall effectiveness: Good" as a paragraph of its own.
fn table_row(ctx: &Context<'_>, text: &str, para: Span, out: &mut Vec<Found>) {
    let t = crate::segment::text::slice(text, para.start, para.end);
    let Some(sep) = t.find([':', '–', '—']) else { return };
    let (head, tail) = (&t[..sep], t[sep..].trim_start_matches([':', '–', '—', ' ']));
    let areas: Vec<_> = area::mentions(head, para.start).into_iter().filter(|a| a.specific).collect();
    let grades = grade::mentions(tail, 0, tail.len());
    let only_grade = grades.len() == 1 && tail.trim_end_matches(['.', ' ']).len() == grades[0].end - grades[0].start;
    if areas.is_empty() || !only_grade || !ctx.about_inspection {
        return;
    }
    let Some(council) = ctx.primary_council else { return };
    let areas = areas.iter().flat_map(|a| a.areas.iter().copied()).collect();
    out.push(Found { span: para, council, areas, grade: grades[0].grade, earlier: false, rule: "rating.table-row" });
}

pub(super) fn find(ctx: &Context<'_>, text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for (p, para) in ctx.seg.paragraphs.iter().enumerate() {
        after_colon(ctx, text, p, &mut out);
        table_row(ctx, text, *para, &mut out);
    }
    out
}
