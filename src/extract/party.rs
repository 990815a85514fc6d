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
    LazyLock::new(|| re(r"^\s*\((?P<a>[\p{L} .&'’-]{2,40}?)(?:\s*[,:;]\s*(?P<b>\p{Lu}[\p{L} '’&-]{1,40}?))?\)"));
/// ", Labour, said": a party as an apposition.
static APPOSED: LazyLock<Regex> = LazyLock::new(|| re(r"^,\s+(?P<party>\p{Lu}[\p{L} ]{1,30}?),"));
/// "(Lab) representing Riverside", "who represents Riverside".
static REPRESENTING: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:\s*\([^)]{1,40}\))?,?\s+(?:who\s+represents|representing|councillor\s+for)\s+(?:the\s+)?(?P<ward>\p{Lu}[\p{L}'’-]*(?:\s+(?:and|with|upon|on|in|under|\p{Lu}[\p{L}'’-]*))*)",
    )
});
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
            parenthesis(out, person, span, c.name("a").map(|m| m.as_str()), c.name("b").map(|m| m.as_str()));
        }
        if let Some(p) = APPOSED.captures(after).and_then(|c| longest_party(c.name("party")?.as_str(), Strength::Weak))
        {
            add(out, person, p, span, "party.apposition");
        }
        if let Some(w) = REPRESENTING.captures(after).and_then(|c| c.name("ward")) {
            let ward = w.as_str().trim().replace('’', "'");
            if !ctx.overlaps_named_body(Span::new(span.end + w.start(), span.end + w.end())) {
                out.push("ward.representing", span, FactKind::RepresentsWard { person, ward });
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

/// "(Lab, Riverside)" or "(Riverside, Lab)": one part a party, the other
/// the ward.
fn parenthesis(out: &mut Extraction, person: usize, span: Span, a: Option<&str>, b: Option<&str>) {
    let (Some(a), b) = (a.map(str::trim), b.map(str::trim)) else { return };
    let party_of = |s: &str| longest_party(s, Strength::Abbreviation);
    let (party, ward) = match (party_of(a), b.and_then(party_of)) {
        (Some(p), _) => (p, b),
        (None, Some(p)) => (p, Some(a)),
        (None, None) => return,
    };
    add(out, person, party, span, "party.parenthesis");
    if let Some(w) = ward {
        out.push("ward.parenthesis", span, FactKind::RepresentsWard { person, ward: w.replace('’', "'") });
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
