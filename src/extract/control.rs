//! Which party controls a council: "the Labour-controlled authority",
//! "the Labour led-council", "Tory-run Riverton Council", "the council is
//! controlled by the Liberal Democrats", "when Labour took over the council".
//! The council is the one named in the phrase, else the article's council.

use super::context::Context;
use super::pattern::regex as re;
use super::{Extraction, FactKind};
use crate::reference::parties::{Strength, PARTIES};
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?P<party>(?:\p{Lu}[\p{L}]*\s)?\p{Lu}[\p{L}]*)[-\s](?i:controlled|led|run|dominated)[-\s]?(?P<what>(?i:council|authority|administration|cabinet)|(?:\p{Lu}[\p{L}]*\s+){1,4}(?:Council|MBC))",
    )
});
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:(?-u:\b)(?:council|authority|administration))\s+(?:is|was|has\s+been|had\s+been)\s+(?:(?:currently|now|still)\s+)?(?i:controlled|run|led)\s+by\s+(?:the\s+)?(?P<party>(?:\p{Lu}[\p{L}]*\s?){1,3})",
    )
});
static RULING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:ruling|controlling|governing|majority)\s+(?P<party>\p{Lu}[\p{L}]*(?:\s\p{Lu}[\p{L}]*)?)\s+(?i:group|administration|party)(?-u:\b)",
    )
});
static TOOK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?P<party>\p{Lu}[\p{L}]*(?:\s\p{Lu}[\p{L}]*)?)\s+(?:took|seized|won|gained|retained|kept)\s+(?:over\s+)?(?:control\s+of\s+)?the\s+(?i:council|authority)(?-u:\b)",
    )
});

pub fn find(ctx: &Context<'_>, out: &mut Extraction) {
    let text = ctx.masked.clone();
    for rx in [&*BEFORE, &*AFTER, &*TOOK, &*RULING] {
        for c in rx.captures_iter(&text) {
            let (Some(all), Some(pm)) = (c.get(0), c.name("party")) else {
                continue;
            };
            let name = pm.as_str().trim();
            let Some(party) = PARTIES
                .lookup(name, Strength::Weak)
                .or_else(|| PARTIES.find(name).last().filter(|h| h.strength >= Strength::Weak).map(|h| h.party))
            else {
                continue;
            };
            if !PARTIES.all[party].is_party {
                continue;
            }
            let span = Span::new(all.start(), all.end());
            let Some(council) = ctx.council_in(span).or(ctx.primary_council) else {
                continue;
            };
            out.add_council(council);
            out.add_party(party);
            out.push("control.phrase", span, FactKind::ControlledBy { council, party });
        }
    }
}
