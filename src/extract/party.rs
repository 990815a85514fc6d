//! Party membership written around a name (posts give the rest, see
//! `post`): "Jane Doe from the Conservatives", "Jane Doe from Riverton's
//! UKIP group", "Labour's Jane Doe", "Councillor Jane Doe (Lab, Riverside)"
//! — the last also gives the ward.

use super::context::Context;
use super::pattern::regex as re;
use super::{Extraction, FactKind};
use crate::reference::parties::{Strength, PARTIES};
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

static FROM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s+(?:from|of)\s+(?:the\s+)?(?:(?:\p{Lu}[\p{L}-]*\s+){0,2}\p{Lu}[\p{L}-]*['’]s\s+)?(?P<party>\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*)*)",
    )
});
static PAREN: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*\((?P<party>[\p{L} .&-]{2,30}?)(?:\s*[,:;]\s*(?P<ward>\p{Lu}[\p{L} '’&-]{1,40}?))?\)"));
static POSSESSIVE: LazyLock<Regex> = LazyLock::new(|| re(r"(?P<party>\p{Lu}[\p{L} ]*?)['’]s\s+$"));

pub fn find(ctx: &Context<'_>, out: &mut Extraction) {
    let text = &ctx.masked;
    for (span, person) in out.person_mentions() {
        let after = &text[span.end..];
        if let Some(c) = FROM.captures(after) {
            if let Some(p) = c.name("party").and_then(|m| longest_party(m.as_str(), Strength::Weak)) {
                add(out, person, p, span, "party.from");
            }
        }
        if let Some(c) = PAREN.captures(after) {
            if let Some(p) = c.name("party").and_then(|m| longest_party(m.as_str().trim(), Strength::Abbreviation)) {
                add(out, person, p, span, "party.parenthesis");
                if let Some(w) = c.name("ward") {
                    out.push(
                        "ward.parenthesis",
                        span,
                        FactKind::RepresentsWard { person, ward: w.as_str().trim().replace('’', "'") },
                    );
                }
            }
        }
        let before = crate::segment::text::before(text, span.start, 40);
        let before = before.get(before.find(' ').unwrap_or(0)..).unwrap_or("");
        if let Some(c) = POSSESSIVE.captures(before) {
            if let Some(p) = c.name("party").and_then(|m| longest_party(m.as_str().trim(), Strength::Strong)) {
                add(out, person, p, span, "party.possessive");
            }
        }
    }
}

/// The party a phrase names in full ("Conservatives", "Lib Dem"), else the
/// party its last words name.
fn longest_party(phrase: &str, min: Strength) -> Option<usize> {
    if let Some(p) = PARTIES.lookup(phrase, min) {
        return Some(p);
    }
    let hits = PARTIES.find(phrase);
    hits.last().filter(|h| h.byte_end == phrase.len() && h.strength >= min.max(Strength::Weak)).map(|h| h.party)
}

fn add(out: &mut Extraction, person: usize, party: usize, span: Span, rule: &'static str) {
    if PARTIES.all[party].is_party {
        out.add_party(party);
        out.push(rule, span, FactKind::PartyMember { person, party });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrase_lookup() {
        let k = |s: &str, m| longest_party(s, m).map(|i| PARTIES.all[i].key.clone());
        assert_eq!(k("Conservatives", Strength::Weak).as_deref(), Some("conservative"));
        assert_eq!(k("UKIP", Strength::Weak).as_deref(), Some("ukip"));
        assert_eq!(k("Lab", Strength::Abbreviation).as_deref(), Some("labour"));
        assert_eq!(k("Lab", Strength::Weak), None);
        assert_eq!(k("Riverside Residents", Strength::Weak), None);
    }
}
