//! Agents: everything in the article's own words (outside quotations) that
//! can be the subject of a reporting verb: named people, pronouns,
//! descriptions ("the Tory MP", "the ex-Riverton MP"), councils and bodies,
//! "a spokesman for …", and the report or the inspectors.

use super::context::Context;
use super::lexicon::{Gender, REPORTING_VERBS};
use super::pattern::regex as re;
use super::Extraction;
use crate::reference::organisations::OrgKind;
use crate::reference::parties::{Strength, PARTIES};
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

/// What an agent mention is, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgentKind {
    Person(usize),
    /// he/she (`Some` gender) or it/this (`None`).
    Pronoun(Option<Gender>),
    /// The report, the inspectors, the inspection, the watchdog.
    Report,
    Council(usize),
    Organisation(usize),
    /// "Labour said", "the Green Party has called": a party as a speaker.
    Party(usize),
    /// "the council", "the authority": the article's council.
    TheCouncil,
    /// "the charity", "the trust", "the department": the last body of that kind.
    BodyOfKind(OrgKind),
    /// "the Tory MP", "the senior Labour councillor".
    Description {
        head: String,
        party: Option<usize>,
        place: Option<String>,
        former: bool,
    },
    /// "a spokesman for X": speaks for the body X (resolved like X).
    Spokesperson(Box<AgentKind>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentMention {
    pub span: Span,
    pub kind: AgentKind,
}

impl AgentMention {
    pub fn is_person_like(&self) -> bool {
        matches!(self.kind, AgentKind::Person(_) | AgentKind::Pronoun(Some(_)) | AgentKind::Description { .. })
    }
}

static REPORT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:report|inspectors|inspector|inspectorate|inspection|watchdog|regulator|visit|assessment)(?-u:\b)",
    )
});
static PRONOUN: LazyLock<Regex> = LazyLock::new(|| re(r"(?-u:\b)(?:[Hh]e|[Ss]he|[Ii]t|[Tt]his|[Tt]hey)(?-u:\b)"));
static DESCRIPTION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:[Tt]he|[Aa]n?)\s+(?P<mods>(?:(?i:former|ex|senior|top|veteran|current|local|opposition|outspoken|long-serving|new)[\s-]+)*)(?P<quals>(?:(?:ex-)?\p{Lu}[\p{L}-]*\s+){0,3})(?P<head>MP|MEP|(?i:councillor|council\s+leader|leader\s+of\s+the\s+council|minister|chairman|chairwoman|chief\s+executive|bishop|politician|peer|mayor))(?-u:\b)",
    )
});
static BODY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)[Tt]he\s+(?:(?i:children['’]s|local|county|borough|city|national|education|government|district)\s+)*(?P<noun>(?i:charity|council|authority|trust|department|government|watchdog|inspectorate|regulator))(?-u:\b)",
    )
});
static SPOKES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)(?:[Aa]n?|[Tt]he)\s+(?P<pre>(?:[\p{L}'’-]+\s+){0,4}?)spokes(?:man|woman|person)(?-u:\b)(?:\s+(?:for|from|at)\s+)?",
    )
});

fn followed_by_verb(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let words: Vec<String> = rest
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take(3)
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .collect();
    words.iter().any(|w| REPORTING_VERBS.contains(&w.as_str()))
}

/// Finds the agent mentions of a document, in text order, without overlaps.
pub fn find(ctx: &Context<'_>, out: &Extraction) -> Vec<AgentMention> {
    let text = &ctx.masked;
    let mut v: Vec<(AgentMention, u8)> = Vec::new(); // (mention, priority)
    for (span, p) in out.person_mentions() {
        v.push((AgentMention { span, kind: AgentKind::Person(p) }, 5));
    }
    for h in &ctx.councils {
        if h.form == crate::reference::councils::CouncilForm::Council {
            v.push((
                AgentMention { span: Span::new(h.byte_start, h.byte_end), kind: AgentKind::Council(h.council) },
                3,
            ));
        }
    }
    for o in &ctx.orgs {
        v.push((AgentMention { span: o.span, kind: AgentKind::Organisation(o.org) }, 3));
    }
    for h in &ctx.parties {
        let named = crate::segment::text::slice(text, h.byte_start, h.byte_end + 6).contains("Party");
        let party = &PARTIES.all[h.party];
        if party.is_party && h.strength >= Strength::Weak && (named || followed_by_verb(text, h.byte_end)) {
            v.push((AgentMention { span: Span::new(h.byte_start, h.byte_end), kind: AgentKind::Party(h.party) }, 1));
        }
    }
    for m in REPORT.find_iter(text) {
        v.push((AgentMention { span: Span::new(m.start(), m.end()), kind: AgentKind::Report }, 2));
    }
    for m in PRONOUN.find_iter(text) {
        let w = m.as_str().to_lowercase();
        let kind = match w.as_str() {
            "he" => AgentKind::Pronoun(Some(Gender::Male)),
            "she" => AgentKind::Pronoun(Some(Gender::Female)),
            _ if followed_by_verb(text, m.end()) => AgentKind::Pronoun(None),
            _ => continue,
        };
        v.push((AgentMention { span: Span::new(m.start(), m.end()), kind }, 2));
    }
    for m in BODY.captures_iter(text) {
        let (Some(all), Some(noun)) = (m.get(0), m.name("noun")) else {
            continue;
        };
        let kind = match noun.as_str().to_lowercase().as_str() {
            "council" | "authority" => AgentKind::TheCouncil,
            "charity" => AgentKind::BodyOfKind(OrgKind::Charity),
            "trust" => AgentKind::BodyOfKind(OrgKind::Trust),
            "department" | "government" => AgentKind::BodyOfKind(OrgKind::Government),
            _ => AgentKind::Report,
        };
        v.push((AgentMention { span: Span::new(all.start(), all.end()), kind }, 3));
    }
    let mentions = out.person_mentions();
    for m in DESCRIPTION.captures_iter(text) {
        let (Some(all), Some(head)) = (m.get(0), m.name("head")) else {
            continue;
        };
        // "the Tory MP Jane Doe" is a pre-modifier, not a description
        let after = &text[all.end()..];
        let next = mentions.partition_point(|x| x.0.start < all.end());
        if mentions.get(next).is_some_and(|x| text[all.end()..x.0.start].trim().is_empty())
            || after.trim_start().starts_with(|c: char| c.is_uppercase()) && !after.trim_start().starts_with("MP")
        {
            continue;
        }
        let before = text[..all.start()].trim_end();
        let prev = mentions.partition_point(|x| x.0.start < all.start());
        if before.ends_with(',')
            && prev > 0
            && mentions[prev - 1].0.end <= all.start()
            && text[mentions[prev - 1].0.end..all.start()].trim() == ","
        {
            continue; // an apposition
        }
        let mods = m.name("mods").map_or("", |x| x.as_str()).to_lowercase();
        let quals = m.name("quals").map_or("", |x| x.as_str());
        let mut party = None;
        let mut place = Vec::new();
        let mut former = mods.contains("former") || mods.contains("ex");
        let quals = quals.trim();
        let hits: Vec<_> = PARTIES.find(quals).into_iter().filter(|h| h.strength >= Strength::Weak).collect();
        if let Some(h) = hits.last() {
            party = Some(h.party);
        }
        let mut pos = 0;
        for q in quals.split_whitespace() {
            let at = quals[pos..].find(q).map_or(pos, |i| pos + i);
            pos = at + q.len();
            if hits.iter().any(|h| h.byte_start <= at && at < h.byte_end) {
                continue;
            }
            let q = if let Some(rest) = q.strip_prefix("ex-") {
                former = true;
                rest
            } else {
                q
            };
            place.push(q);
        }
        let head = head.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
        let head = if head.contains("leader") {
            "leader".to_owned()
        } else {
            head.to_lowercase().replace("mep", "MEP").replace("mp", "MP")
        };
        let place = (!place.is_empty()).then(|| place.join(" "));
        v.push((
            AgentMention {
                span: Span::new(all.start(), all.end()),
                kind: AgentKind::Description { head, party, place, former },
            },
            4,
        ));
    }
    for m in SPOKES.captures_iter(text) {
        let Some(all) = m.get(0) else { continue };
        let span = Span::new(all.start(), all.end());
        // the body: after "for/from/at", else in the words before "spokesman"
        let inner = |s: Span, v: &[(AgentMention, u8)]| {
            v.iter()
                .filter(|(a, _)| {
                    s.start <= a.span.start
                        && a.span.start <= s.end
                        && matches!(
                            a.kind,
                            AgentKind::Council(_)
                                | AgentKind::Organisation(_)
                                | AgentKind::TheCouncil
                                | AgentKind::BodyOfKind(_)
                                | AgentKind::Report
                        )
                })
                .min_by_key(|(a, _)| a.span.start)
                .map(|(a, _)| a.clone())
        };
        let after = inner(Span::new(span.end, (span.end + 2).min(text.len())), &v);
        let (body, end) = match after {
            Some(a) => (Some(a.kind.clone()), a.span.end),
            None => {
                let pre = m.name("pre").map_or(Span::new(span.start, span.start), |p| Span::new(p.start(), p.end()));
                let k = inner(pre, &v).map(|a| a.kind).or_else(|| {
                    let w = &text[pre.start..pre.end].to_lowercase();
                    (w.contains("council") || w.contains("authority")).then_some(AgentKind::TheCouncil)
                });
                (k, span.end)
            }
        };
        if let Some(b) = body {
            v.push((AgentMention { span: Span::new(span.start, end), kind: AgentKind::Spokesperson(Box::new(b)) }, 6));
        }
    }
    // Overlaps: the higher priority wins, then the longer, then the earlier.
    v.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.span.len().cmp(&a.0.span.len())).then(a.0.span.start.cmp(&b.0.span.start)));
    // kept spans never overlap, so only the last one starting before a
    // candidate's end can overlap it
    let mut kept: std::collections::BTreeMap<usize, AgentMention> = std::collections::BTreeMap::new();
    for (m, _) in v {
        let clash = kept.range(..m.span.end).next_back().is_some_and(|(_, k)| k.span.end > m.span.start);
        if !clash {
            kept.insert(m.span.start, m);
        }
    }
    kept.into_values().collect()
}
