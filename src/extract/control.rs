//! Which party controls a council. The council is the one named in the
//! phrase, else the article's council.
//!
//! | rule | form |
//! |---|---|
//! | `control.modifier` | "the Labour-controlled authority", "the Labour led-council", "Tory-run Riverton Council", "the Labour-run council's deputy leader" |
//! | `control.passive` | "the council is controlled by the Liberal Democrats", "the authority, which is run by Labour" |
//! | `control.ruling` | "the ruling Labour group", "the controlling Conservative administration" |
//! | `control.administration` | "the council's Labour administration", "the Labour leadership" (of the council), "the Tory cabinet" |
//! | `control.under` | "under Labour control", "in Conservative control" |
//! | `control.took` | "when Labour took over the council", "the Tories won control of the authority" |
//!
//! Not control: "Labour-run councils across the country", "a Tory-run
//! council" (any council, not this one), "the previously Labour-run
//! council", "the Conservative-led government", "the Labour leadership
//! contest". Known misses: control stated only by seat counts.

use super::context::Context;
use super::pattern::regex as re;
use super::{Extraction, FactKind};
use crate::reference::parties::{Strength, PARTIES};
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

const PARTY: &str = r"(?P<party>(?:\p{Lu}[\p{L}]*\s)?\p{Lu}[\p{L}]*)";

static MODIFIER: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?-u:\b){PARTY}[-\s](?i:controlled|led|run|dominated)[-\s]?(?P<what>(?i:council|authority|administration|cabinet)(?-u:\b)(?:['’]s)?|(?:\p{{Lu}}[\p{{L}}]*\s+){{0,4}}(?:Council|MBC|\p{{Lu}}[\p{{L}}]*)(?-u:\b))"
    ))
});
static PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:(?-u:\b)(?:council|authority|administration|which|that))\s+(?:is|was|has\s+been|had\s+been)\s+(?:(?:currently|now|still|long)\s+)?(?i:controlled|run|led)\s+by\s+(?:the\s+)?(?P<party>(?:\p{Lu}[\p{L}]*\s?){1,3})",
    )
});
static RULING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i:ruling|controlling|governing|majority)\s+(?P<party>\p{Lu}[\p{L}]*(?:\s\p{Lu}[\p{L}]*)?)\s+(?i:group|administration|party|cabinet|leadership)(?-u:\b)",
    )
});
static ADMINISTRATION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i:(?-u:\b)(?:the\s+council['’]s|the\s+authority['’]s|the|its))\s+{PARTY}\s+(?P<what>(?i:administration|leadership|cabinet))(?-u:\b)(?P<after>\s+\w+)?"
    ))
});
static UNDER: LazyLock<Regex> =
    LazyLock::new(|| re(&format!(r"(?-u:\b)(?i:under|in)\s+(?:the\s+)?{PARTY}\s+(?i:control)(?-u:\b)")));
static TOOK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?P<party>\p{Lu}[\p{L}]*(?:\s\p{Lu}[\p{L}]*)?)\s+(?:took|seized|won|gained|retained|kept|has\s+run|have\s+run|has\s+controlled|have\s+controlled)\s+(?:over\s+)?(?:(?:overall\s+)?control\s+of\s+)?the\s+(?i:council|authority)(?-u:\b)",
    )
});
static AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"^\s+(?:on|of|at|in|running|controlling)\s+(?:the\s+)?"));
/// Words before a modifier that make it some other council or a past one.
static NOT_THIS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:an?|another|other|many|some|every|all|most|several|two|three|four|five|previously|formerly|former|once|then)\s*$",
    )
});
/// Words after "the Labour leadership" that make it the party's own.
static PARTY_AFFAIRS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s+(?:contest|election|race|campaign|bid|candidates?|hopefuls?|challenge|ballot|ministers?|secretary|government|MPs?)(?-u:\b)",
    )
});

/// The party a phrase names (a party, not the independents).
fn party_of(name: &str) -> Option<usize> {
    let name = name.trim();
    let p = PARTIES
        .lookup(name, Strength::Weak)
        .or_else(|| PARTIES.find(name).last().filter(|h| h.strength >= Strength::Weak).map(|h| h.party))?;
    PARTIES.all[p].is_party.then_some(p)
}

/// Whether a match is about this council: not plural, not "a Labour-run
/// council", not a past control.
fn about_this(text: &str, start: usize, what: Option<&str>) -> bool {
    let plural = what.is_some_and(|w| {
        let w = w.trim_end().to_lowercase();
        w.ends_with("councils") || w.ends_with("authorities") || w.ends_with("administrations")
    });
    let before = tail(text, start, 24);
    !plural && !NOT_THIS.is_match(before)
}

/// At most the last `n` bytes of `text` before `end`, on a char boundary.
fn tail(text: &str, end: usize, n: usize) -> &str {
    let mut a = end.saturating_sub(n);
    while a > 0 && !text.is_char_boundary(a) {
        a -= 1;
    }
    text.get(a..end).unwrap_or("")
}

/// Adds the control facts of the document.
pub fn find(ctx: &Context<'_>, out: &mut Extraction) {
    let text = ctx.masked.as_str();
    let rules: [(&Regex, &'static str); 6] = [
        (&MODIFIER, "control.modifier"),
        (&PASSIVE, "control.passive"),
        (&TOOK, "control.took"),
        (&RULING, "control.ruling"),
        (&ADMINISTRATION, "control.administration"),
        (&UNDER, "control.under"),
    ];
    for (rx, rule) in rules {
        for c in rx.captures_iter(text) {
            let (Some(all), Some(pm)) = (c.get(0), c.name("party")) else { continue };
            let what = c.name("what").map(|w| w.as_str());
            if !about_this(text, all.start(), what)
                || c.name("after").is_some_and(|a| PARTY_AFFAIRS.is_match(a.as_str()))
            {
                continue;
            }
            let Some(party) = party_of(pm.as_str()) else { continue };
            let span = Span::new(all.start(), all.end());
            let named = council_named(ctx, &c);
            if rule == "control.modifier" && named.is_none() && !modifies_council_word(&c) {
                continue;
            }
            let Some(council) = named
                .or_else(|| ctx.council_in(span))
                .or_else(|| council_after(ctx, text, span.end))
                .or(ctx.primary_council)
            else {
                continue;
            };
            out.add_council(council);
            out.add_party(party);
            out.push(rule, span, FactKind::ControlledBy { council, party });
        }
    }
}

/// The council a phrase's head names ("Labour-run Riverton Council",
/// "the Labour-led Riverton council"): a council hit starting inside it.
fn council_named(ctx: &Context<'_>, c: &regex::Captures<'_>) -> Option<usize> {
    let w = c.name("what")?;
    let a = ctx.councils.partition_point(|h| h.byte_start < w.start());
    ctx.councils.get(a).filter(|h| h.byte_start < w.end()).map(|h| h.council)
}

/// The council named right after a phrase: "the ruling Labour group on
/// Riverton Council".
fn council_after(ctx: &Context<'_>, text: &str, end: usize) -> Option<usize> {
    let m = AFTER.find(text.get(end..)?)?;
    let a = ctx.councils.partition_point(|h| h.byte_start < end + m.end());
    ctx.councils.get(a).filter(|h| h.byte_start == end + m.end()).map(|h| h.council)
}

/// "Labour-run X": X is a council word ("council", "authority", "cabinet").
fn modifies_council_word(c: &regex::Captures<'_>) -> bool {
    let Some(w) = c.name("what") else { return false };
    let lw = w.as_str().to_lowercase();
    ["council", "authority", "administration", "cabinet"].iter().any(|k| lw.starts_with(k))
        || w.as_str().ends_with("Council")
        || w.as_str().ends_with("MBC")
}
