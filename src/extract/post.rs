//! Posts: who holds which office, and the party, council and ward a post
//! phrase gives.
//!
//! A post phrase is `[modifiers] [qualifiers] HEAD [for|of|on COMPLEMENT]`:
//! "former cabinet member for children's services", "Conservative group
//! leader", "Halesowen and Rowley Regis MP", "UKIP leader on Dudley
//! Council", "Dudley Council’s leader". It belongs to a person when it stands
//! right before the name (pre-modifier, also through "and": "UKIP MEP and
//! Sedgley ward Councillor Bill Etheridge"), follows the name as an
//! apposition ("Jane Doe, chief executive of the trust,"), or follows
//! "was appointed (as)" / "became". Qualifiers that are parties give the
//! holder's party; councils give the post's organisation; "X ward" gives
//! the ward; a place before MP/MEP becomes "MP for X".
//!
//! Example: "Conservative group leader Councillor Ann Lee said" gives Ann
//! Lee the post "group leader" of the Conservative Party and membership of
//! the Conservative Party.

use super::context::Context;
use super::lexicon::{self, FORMER_MODIFIERS, LABEL_MODIFIERS, MODIFIERS, QUALIFIER_NOUNS};
use super::pattern::{alternation as alt, regex as re};
use super::{Entity, Extraction, FactKind, Post};
use crate::reference::councils::{CouncilForm, COUNCILS};
use crate::reference::parties::{Strength, PARTIES};
use crate::segment::text::slice;
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

/// A post phrase found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostPhrase {
    pub span: Span,
    /// The head, lower case (acronyms as written): "leader", "MP".
    pub head: String,
    pub label: String,
    pub former: bool,
    pub party: Option<usize>,
    pub council: Option<usize>,
    /// Local organisation index (a trust, a national body).
    pub organisation: Option<usize>,
    pub ward: Option<String>,
    /// "council leader", "the authority's spokesman": the post is the council's.
    pub council_qualifier: bool,
    /// "from May 2012 to May 2015": (`2012-05`, `2015-05`).
    pub during: Option<(String, String)>,
    /// A plural head ("councillors") may apply to several names.
    pub plural: bool,
}

static PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    let mods: Vec<&str> = FORMER_MODIFIERS.iter().chain(MODIFIERS).chain(LABEL_MODIFIERS).copied().collect();
    re(&format!(
        r"(?P<mods>(?:(?i:{mods})(?:\s+|-))*)(?P<quals>(?:(?:ex-)?(?:\p{{Lu}}[\p{{L}}-]*(?:\s+(?:and|of|upon|on|under)\s+\p{{Lu}}[\p{{L}}-]*)*(?:['’]s)?|(?i:{quals})(?:['’]s)?)\s+)*?)(?P<head>(?i:{heads})|MPs?|MEPs?|MSP)(?-u:\b)",
        mods = alt(&mods),
        quals = alt(QUALIFIER_NOUNS),
        heads = alt(lexicon::HEADS),
    ))
});

/// Words that start no qualifier: a sentence's first word, determiners.
const NOT_QUALIFIERS: &[&str] = &[
    "The",
    "A",
    "An",
    "But",
    "And",
    "However",
    "Meanwhile",
    "Yesterday",
    "Today",
    "Last",
    "This",
    "That",
    "When",
    "While",
    "After",
    "Before",
    "As",
    "If",
    "In",
    "On",
    "At",
    "For",
    "Of",
    "To",
    "By",
    "With",
    "From",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "Her",
    "His",
    "Their",
    "Its",
    "Our",
    "Then",
    "Now",
    "Both",
    "Some",
    "Many",
];

/// Words that end a complement.
const COMPLEMENT_STOPS: &[&str] = &[
    "said",
    "says",
    "saying",
    "told",
    "tells",
    "added",
    "adds",
    "has",
    "had",
    "have",
    "was",
    "were",
    "is",
    "are",
    "who",
    "which",
    "that",
    "but",
    "to",
    "when",
    "since",
    "in",
    "from",
    "last",
    "this",
    "yesterday",
    "today",
    "will",
    "would",
    "after",
    "before",
    "until",
    "by",
    "with",
    "as",
    "at",
    "during",
    "about",
    "over",
    "because",
    "while",
    "and",
    "or",
    "he",
    "she",
    "they",
    "it",
    "called",
    "praised",
    "also",
    "insisted",
    "warned",
];

/// Words before "council" in a complement that only say which council:
/// "on the city council", "of the borough council".
const COUNCIL_WORDS: &[&str] = &["on", "of", "at", "the", "city", "county", "borough", "district", "metropolitan"];

/// Heads whose complement ("for children's services") is part of the post.
const PORTFOLIO_HEADS: &[&str] = &[
    "cabinet member",
    "portfolio holder",
    "executive member",
    "lead member",
    "director",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "secretary",
    "commissioner",
    "head",
    "managing director",
    "secretary of state",
    "deputy leader",
    "leader",
    "chairman",
    "chairwoman",
    "chair",
    "chairperson",
];

/// Finds every post phrase in the article (outside quotations).
pub fn find_posts(ctx: &Context<'_>, out: &mut Extraction) -> Vec<PostPhrase> {
    let text = &ctx.masked;
    let mentions: Vec<Span> = out.person_mentions().iter().map(|m| m.0).collect();
    let mention_starts: std::collections::HashSet<usize> = mentions.iter().map(|m| m.start).collect();
    let mut posts = Vec::new();
    for c in PHRASE.captures_iter(text) {
        let (Some(all), Some(head_m)) = (c.get(0), c.name("head")) else {
            continue;
        };
        let head_raw = head_m.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
        let acronym = head_raw.chars().all(|ch| ch.is_ascii_uppercase() || ch == 's') && head_raw.len() <= 4;
        if !acronym && head_raw.chars().next().is_some_and(|ch| ch.is_uppercase()) && head_raw.len() <= 3 {
            continue;
        }
        let head = if acronym {
            head_raw.trim_end_matches('s').to_owned()
        } else {
            head_raw.to_lowercase().replace('’', "'")
        };
        let plural = head_raw.ends_with('s') && (acronym || head == "councillors");
        let head = if head == "councillors" { "councillor".to_owned() } else { head };

        // Qualifiers: drop leading words that cannot qualify a post.
        let mods_m = c.name("mods");
        let mut start = all.start();
        let mut quals: Vec<(usize, &str)> = Vec::new();
        if let Some(q) = c.name("quals") {
            let mut pos = q.start();
            for w in q.as_str().split_whitespace() {
                let at = text[pos..].find(w).map_or(pos, |i| pos + i);
                pos = at + w.len();
                quals.push((at, w));
            }
        }
        // A name never qualifies a post: "Jane Doe MP" is Jane Doe, an MP.
        let name_end = mentions.iter().filter(|m| quals.iter().any(|q| q.0 == m.start)).map(|m| m.end).max();
        if let Some(e) = name_end {
            quals.retain(|q| q.0 >= e);
            start = quals.first().map_or(head_m.start(), |q| q.0);
        }
        // Nothing before a line break qualifies the post after it.
        if let Some(nl) = slice(text, all.start(), head_m.start()).rfind('\n') {
            let cut = all.start() + nl;
            quals.retain(|q| q.0 > cut);
            start = quals.first().map_or(head_m.start(), |q| q.0);
        }
        let mods_text = mods_m.map_or("", |m| m.as_str());
        if mods_text.is_empty() {
            while let Some(&(_, w)) = quals.first() {
                let bare = w.trim_end_matches("'s").trim_end_matches("’s");
                if NOT_QUALIFIERS.contains(&bare) || ["and", "of", "upon", "on", "under"].contains(&w) {
                    quals.remove(0);
                    start = quals.first().map_or(head_m.start(), |q| q.0);
                } else {
                    break;
                }
            }
            if quals.is_empty() {
                start = head_m.start();
            }
        }
        let span_start = if mods_text.is_empty() { start } else { all.start() };
        let former = mods_text
            .split(|ch: char| ch.is_whitespace() || ch == '-')
            .any(|w| FORMER_MODIFIERS.contains(&w.to_lowercase().as_str()))
            || quals.iter().any(|q| q.1.starts_with("ex-"));
        let mut label_mods: Vec<String> = mods_text
            .split(|ch: char| ch.is_whitespace() || ch == '-')
            .map(str::to_lowercase)
            .filter(|w| LABEL_MODIFIERS.contains(&w.as_str()))
            .collect();

        let mut party = None;
        let mut council = None;
        let mut ward = None;
        let mut place: Vec<&str> = Vec::new();
        let mut label_quals: Vec<String> = Vec::new();
        let mut council_qualifier = false;
        let quals_span = Span::new(span_start, head_m.start());
        // parties and councils among the qualifiers
        for h in ctx.parties_in(quals_span) {
            if h.strength >= Strength::Weak {
                party = Some(h.party);
            }
        }
        if let Some(h) = ctx.councils_in(quals_span).first() {
            council = Some(h.council);
        }
        let mut i = 0;
        while i < quals.len() {
            let (at, w) = quals[i];
            let bare = w.trim_end_matches("'s").trim_end_matches("’s");
            let bare = bare.strip_prefix("ex-").unwrap_or(bare);
            let word = Span::new(at, at + w.len());
            let in_named = ctx.overlaps_named_body(word);
            if quals.get(i + 1).is_some_and(|n| n.1 == "ward") {
                let mut words = vec![bare.to_owned()];
                // "Bank Top ward": take the capitalised run before "ward"
                while let Some(prev) = place.last() {
                    if prev.chars().next().is_some_and(char::is_uppercase) {
                        words.insert(0, (*prev).to_owned());
                        place.pop();
                    } else {
                        break;
                    }
                }
                ward = Some(words.join(" "));
                i += 2;
                continue;
            }
            if in_named {
                i += 1;
                continue;
            }
            let proper = ["secretary", "minister", "commissioner", "secretary of state"].contains(&head.as_str());
            let common_noun = !proper && QUALIFIER_NOUNS.contains(&bare.to_lowercase().as_str());
            if LABEL_MODIFIERS.contains(&bare.to_lowercase().as_str()) {
                // "KCC's Interim Corporate Director": capitalised label words
                label_mods.push(bare.to_lowercase());
            } else if (bare.chars().next().is_some_and(char::is_uppercase) && !common_noun) || w == "and" {
                place.push(bare);
            } else if ["council", "authority"].contains(&bare.to_lowercase().as_str())
                && (bare.len() < w.len()
                    || ["leader", "chief executive", "councillor", "deputy leader", "cabinet member"]
                        .contains(&head.as_str()))
            {
                council_qualifier = true;
            } else {
                label_quals.push(bare.to_lowercase().replace('’', "'"));
            }
            i += 1;
        }
        while place.last() == Some(&"and") {
            place.pop();
        }
        while place.first() == Some(&"and") {
            place.remove(0);
        }
        // "Labour Riverside councillor": a place that is no council is the ward.
        if ward.is_none() && council.is_none() && head.starts_with("councillor") && !place.is_empty() {
            ward = Some(place.join(" ").replace('’', "'"));
            place.clear();
        }

        // Complement: "for children's services", "of Dudley Council".
        let mut end = head_m.end();
        let mut complement: Vec<String> = Vec::new();
        let mut organisation = None;
        let rest = &text[end..];
        static PREP: LazyLock<Regex> = LazyLock::new(|| re(r"^\s+(for|of|on|at)\s+"));
        if let Some(pm) = PREP.captures(rest) {
            let prep = pm.get(1).map_or("", |m| m.as_str());
            let mut pos = end + pm.get(0).map_or(0, |m| m.end());
            let mut words = 0;
            let mut consumed_to = None;
            let mut last_capitalised = false;
            loop {
                let r = &text[pos..];
                let ws = r.len() - r.trim_start_matches([' ', '\t']).len();
                let r2 = &r[ws..];
                let wlen = r2.find(|ch: char| ch.is_whitespace() || ",.;:()\"“”‘!?".contains(ch)).unwrap_or(r2.len());
                if wlen == 0 || words >= 8 {
                    break;
                }
                let w = &r2[..wlen];
                let at = pos + ws;
                if mention_starts.contains(&at) {
                    break;
                }
                if COMPLEMENT_STOPS.contains(&w.to_lowercase().as_str()) {
                    // "children and families": "and" between lower-case portfolio words
                    let next = r2[wlen..]
                        .trim_start()
                        .split(|ch: char| ch.is_whitespace() || ",.;:".contains(ch))
                        .next()
                        .unwrap_or("");
                    // "Child and Family Services": "and" inside a title-case portfolio
                    let same_case = |ch: char| ch.is_lowercase() || last_capitalised && ch.is_uppercase();
                    let after = &r2[wlen..];
                    let next_at = at + wlen + (after.len() - after.trim_start().len());
                    let joins = w == "and"
                        && !complement.is_empty()
                        && next.chars().next().is_some_and(same_case)
                        && !mention_starts.contains(&next_at)
                        && !COMPLEMENT_STOPS.contains(&next);
                    if !joins {
                        break;
                    }
                }
                if let Some(o) = ctx.org_at(at) {
                    organisation = Some(o.org);
                    pos = o.span.end;
                    consumed_to = Some(pos);
                    words += 1;
                    continue;
                }
                let council_here = ctx.councils_in(Span::new(at, text.len())).first().copied().filter(|h| {
                    h.byte_start == at
                        && (h.form == CouncilForm::Council
                            || ctx.parties_in(Span::new(h.byte_end, text.len())).first().is_some_and(|pp| {
                                slice(text, h.byte_end, pp.byte_start)
                                    .trim()
                                    .trim_start_matches(['\'', '’', 's'])
                                    .trim()
                                    .is_empty()
                            }))
                });
                if let Some(h) = council_here {
                    council = Some(h.council);
                    // "director of Riverton Council's children's services"
                    let possessive = ["'s", "’s"].iter().find(|p| text[h.byte_end..].starts_with(*p));
                    pos = h.byte_end + possessive.map_or(0, |p| p.len());
                    consumed_to = Some(pos);
                    words += 1;
                    // "Dudley Conservatives": a place before a party
                    continue;
                }
                if let Some(h) = ctx
                    .parties_in(Span::new(at, text.len()))
                    .first()
                    .filter(|h| h.byte_start == at && h.strength >= Strength::Weak)
                {
                    if prep == "of" || prep == "on" || prep == "for" && complement.is_empty() {
                        party = Some(h.party);
                    }
                    pos = h.byte_end;
                    consumed_to = Some(pos);
                    words += 1;
                    continue;
                }
                let lw = w.to_lowercase().replace('’', "'");
                // "leader of the Tories on the city council": the article's council
                if lw == "council" || lw == "authority" {
                    council_qualifier = true;
                    while complement.last().is_some_and(|c| COUNCIL_WORDS.contains(&c.as_str())) {
                        complement.pop();
                    }
                    pos = at + wlen;
                    consumed_to = Some(pos);
                    words += 1;
                    continue;
                }
                if ![
                    "the",
                    "led-council's",
                    "controlled",
                    "council's",
                    "authority's",
                    "borough's",
                    "county's",
                    "a",
                    "an",
                ]
                .contains(&lw.as_str())
                    && !lw.ends_with("-council's")
                    && !lw.ends_with("-led")
                {
                    if w.chars().next().is_some_and(char::is_uppercase)
                        && complement.is_empty()
                        && !PORTFOLIO_HEADS.contains(&head.as_str())
                    {
                        // "MP for Riverton": a place
                        place.push(w);
                    } else {
                        complement.push(lw);
                        last_capitalised = w.chars().next().is_some_and(char::is_uppercase);
                    }
                }
                pos = at + wlen;
                consumed_to = Some(pos);
                words += 1;
            }
            if let Some(c2) = consumed_to {
                end = c2;
                let keeps_complement = PORTFOLIO_HEADS.contains(&head.as_str())
                    || ["bishop", "archbishop", "mayor", "lord mayor", "head", "director"].contains(&head.as_str());
                if !complement.is_empty() && keeps_complement {
                    complement.insert(0, prep.to_owned());
                } else {
                    complement.clear();
                }
            }
        }
        // Strip trailing function words from a complement.
        while complement.last().is_some_and(|w| ["and", "the", "of", "for", "on", "at", "in"].contains(&w.as_str())) {
            complement.pop();
        }
        if complement.len() == 1 {
            complement.clear();
        }

        let place_name = place.join(" ").replace('’', "'");
        let mut label = String::new();
        for m in &label_mods {
            label.push_str(m);
            label.push(' ');
        }
        let proper_head = ["secretary", "minister", "commissioner", "secretary of state"].contains(&head.as_str());
        if proper_head && !place_name.is_empty() {
            // "Home Secretary", "Children's Commissioner"
            label.push_str(&place_name);
            label.push(' ');
            label.push_str(&capitalise(&head));
        } else {
            for q in &label_quals {
                label.push_str(q);
                label.push(' ');
            }
            label.push_str(&head);
        }
        if !complement.is_empty() {
            label.push(' ');
            label.push_str(&complement.join(" "));
        } else if ["MP", "MEP", "MSP", "bishop", "mayor"].contains(&head.as_str())
            && !place_name.is_empty()
            && !proper_head
        {
            label.push_str(if head.chars().all(|ch| ch.is_uppercase()) { " for " } else { " of " });
            label.push_str(&place_name);
        }
        let council_via_place = if council.is_none() && !place_name.is_empty() {
            COUNCILS
                .find(&place_name)
                .into_iter()
                .find(|h| h.byte_start == 0 && h.byte_end == place_name.len())
                .map(|h| h.council)
        } else {
            None
        };
        static DURING: LazyLock<Regex> = LazyLock::new(|| {
            re(
                r"^\s*,?\s*(?:from|between)\s+(?:(?P<m1>(?i:january|february|march|april|may|june|july|august|september|october|november|december))\s+)?(?P<y1>(?:19|20)\d\d)\s+(?:to|until|till|and|through\s+to|through|-|–)\s+(?:(?P<m2>(?i:january|february|march|april|may|june|july|august|september|october|november|december))\s+)?(?P<y2>(?:19|20)\d\d)\b",
            )
        });
        let during = DURING.captures(&text[end..]).map(|c| {
            let part = |m: &str, y: &str| -> String {
                match c.name(m).and_then(|m| super::dateline::month_number(m.as_str())) {
                    Some(i) => format!("{}-{i:02}", c.name(y).map_or("", |x| x.as_str())),
                    None => c.name(y).map_or(String::new(), |x| x.as_str().to_owned()),
                }
            };
            (part("m1", "y1"), part("m2", "y2"))
        });
        let council =
            council.or(council_via_place.filter(|_| !["MP", "MEP", "MSP", "bishop"].contains(&head.as_str())));
        posts.push(PostPhrase {
            span: Span::new(span_start, end),
            head,
            label: label.trim().to_owned(),
            former,
            party,
            council,
            organisation,
            ward,
            council_qualifier,
            during,
            plural,
        });
    }
    posts
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

static APPOSITION_GAP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^,\s+(?:\([\p{L} ]{1,20}\)\s+)?(?:(?:the|a|an)\s+|who\s+is\s+(?:now\s+)?(?:also\s+)?(?:the\s+|a\s+)?|who\s+was\s+(?:the\s+|a\s+)?|now\s+(?:the\s+)?)?$",
    )
});
static APPOINTED_GAP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s+(?:(?:was|has\s+been|had\s+been|is|will\s+be|were)\s+(?:appointed|named|elected|made|confirmed|installed|voted\s+in|chosen)(?:\s+(?:in|on)\s+(?:\p{Lu}\p{Ll}+\s+)?(?:\d{1,2}\s+)?(?:\p{Lu}\p{Ll}+\s+)?\d{4})?(?:\s+as)?|became|becomes|is|was|remains)\s+(?:the\s+|a\s+|an\s+)?(?:new\s+|part-time\s+|full-time\s+|permanent\s+)*$",
    )
});
static REVERSE_GAP: LazyLock<Regex> = LazyLock::new(|| re(r"^,\s+(?:the\s+)?$"));

/// Gives each post phrase to the person it describes and records the
/// post, party, council and ward facts.
pub fn attach(ctx: &Context<'_>, posts: &[PostPhrase], out: &mut Extraction) {
    let text = &ctx.masked;
    let mentions = out.person_mentions();
    let mut owner: Vec<Option<(usize, &'static str)>> = vec![None; posts.len()];
    for (k, p) in posts.iter().enumerate() {
        // pre-modifier: the name follows at once
        let from = mentions.partition_point(|m| m.0.start <= p.span.start);
        let premod = mentions[from..].iter().take(2).find(|m| {
            let gap = slice(text, p.span.end, m.0.start);
            (m.0.start >= p.span.end && !gap.contains('\n') && gap.trim().is_empty())
                || (m.0.start > p.span.start && m.0.start < p.span.end && m.0.end > p.span.end)
        });
        if let Some(m) = premod {
            owner[k] = Some((m.1, "post.premodifier"));
            continue;
        }
        // apposition after a name, or "was appointed"
        let before_p = mentions.partition_point(|m| m.0.start < p.span.start);
        if let Some(m) = mentions[..before_p].iter().rev().find(|m| m.0.end <= p.span.start) {
            let gap = slice(text, m.0.end, p.span.start);
            if APPOSITION_GAP.is_match(gap) {
                owner[k] = Some((m.1, "post.apposition"));
                continue;
            }
            if gap == " " && ["MP", "MEP", "MSP"].contains(&p.head.as_str()) && p.span.end - p.span.start <= 3 {
                owner[k] = Some((m.1, "post.name-suffix"));
                continue;
            }
            // "Jane Doe, chief executive of the trust, was appointed as chair"
            let mut bare_gap = String::new();
            let mut pos = m.0.end;
            for other in posts.iter().filter(|o| o.span.start >= m.0.end && o.span.end <= p.span.start) {
                bare_gap.push_str(slice(text, pos, other.span.start));
                pos = other.span.end;
            }
            bare_gap.push_str(slice(text, pos, p.span.start));
            let bare_gap =
                bare_gap.strip_prefix(", ,").or_else(|| bare_gap.strip_prefix(", the ,")).unwrap_or(&bare_gap);
            if APPOINTED_GAP.is_match(gap) || APPOINTED_GAP.is_match(bare_gap) {
                owner[k] = Some((m.1, "post.appointed"));
                continue;
            }
        }
        // "Tory group leader, Cllr Ann Lee,": the post, then the name
        if let Some(m) = mentions[mentions.partition_point(|m| m.0.start < p.span.end)..].first() {
            let gap = slice(text, p.span.end, m.0.start);
            let before = slice(text, 0, p.span.start).trim_end();
            let at_clause_start = before.is_empty()
                || before.ends_with(['.', '\n', ',', ':'])
                || before.ends_with("The")
                || before.ends_with("the")
                || [" while", " and", " but", " whereas"].iter().any(|w| before.ends_with(w));
            if REVERSE_GAP.is_match(gap) && at_clause_start {
                owner[k] = Some((m.1, "post.reverse-apposition"));
            }
        }
    }
    // "the cabinet member for health, Labour councillor X": a post set beside
    // a post that stands before a name
    for k in (0..posts.len()).rev() {
        if let (None, Some(n)) = (owner[k], posts.get(k + 1)) {
            let gap = slice(text, posts[k].span.end, n.span.start);
            if gap.trim() == "," && owner[k + 1].is_some_and(|o| o.1 == "post.premodifier") {
                owner[k] = owner[k + 1].map(|o| (o.0, "post.apposed-post"));
            }
        }
    }
    // "Jane Doe MP, the children's minister,": a post in apposition to an owned one
    for k in 1..posts.len() {
        if owner[k].is_none() && owner[k - 1].is_some() {
            let gap = slice(text, posts[k - 1].span.end, posts[k].span.start);
            if APPOSITION_GAP.is_match(gap) {
                owner[k] = owner[k - 1].map(|o| (o.0, "post.apposed-post"));
            }
        }
    }
    // "UKIP MEP and Sedgley ward Councillor X": a post joined by "and" to an owned one
    for k in (0..posts.len()).rev() {
        if owner[k].is_none() {
            if let Some(n) = posts.get(k + 1) {
                let gap = slice(text, posts[k].span.end, n.span.start);
                if gap.trim() == "and" {
                    owner[k] = owner[k + 1].map(|o| (o.0, "post.coordinated"));
                }
            }
        }
    }
    for (k, p) in posts.iter().enumerate() {
        let Some((person, rule)) = owner[k] else {
            continue;
        };
        record(ctx, p, person, rule, out);
    }
}

/// "Deputy leader Jo Bell": a leader of nothing named, in an article about
/// a council, leads the council.
fn is_bare_leader(text: &str, p: &PostPhrase) -> bool {
    let written = slice(text, p.span.start, p.span.end).split_whitespace().collect::<Vec<_>>().join(" ");
    ["leader", "deputy leader"].contains(&p.label.as_str())
        && written.to_lowercase() == p.label
        && p.party.is_none()
        && p.council.is_none()
        && p.organisation.is_none()
        && p.ward.is_none()
}

fn record(ctx: &Context<'_>, p: &PostPhrase, person: usize, rule: &'static str, out: &mut Extraction) {
    let political = lexicon::POLITICAL_HEADS.contains(&p.head.as_str());
    if let (Some(party), true) = (p.party, political) {
        if PARTIES.all[party].is_party {
            out.add_party(party);
            out.push(rule, p.span, FactKind::PartyMember { person, party });
        }
    }
    if let Some(w) = &p.ward {
        out.push(rule, p.span, FactKind::RepresentsWard { person, ward: w.clone() });
    }
    let councillor = lexicon::COUNCILLOR_HEADS.contains(&p.head.as_str());
    let council_leader = p.head.contains("leader")
        && (p.council.is_some()
            || p.council_qualifier
            || p.head == "opposition leader"
            || is_bare_leader(&ctx.masked, p));
    // "Councillor X, of Y Council": an unqualified post is Y's, not the article's council's
    let home = super::seat::apposed_council(ctx, &out.persons[person].mentions).or(ctx.primary_council);
    if councillor || council_leader {
        if let Some(c) = p.council.or(home) {
            out.add_council(c);
            out.push(rule, p.span, FactKind::CouncilMember { person, council: c });
        }
    }
    if p.head == "councillor" {
        return;
    }
    let organisation = if p.head.contains("leader") && p.party.is_some() && !p.council_qualifier {
        p.party.map(Entity::Party)
    } else if let Some(c) = p.council {
        Some(Entity::Council(c))
    } else if let Some(o) = p.organisation {
        Some(Entity::Organisation(o))
    } else if councillor || p.council_qualifier || p.head == "opposition leader" || is_bare_leader(&ctx.masked, p) {
        home.map(Entity::Council)
    } else {
        None
    };
    if let Some(Entity::Council(c)) = organisation {
        out.add_council(c);
    }
    if let Some(Entity::Party(pp)) = organisation {
        out.add_party(pp);
    }
    let label = p.label.replace("council leader", "leader").replace("authority leader", "leader");
    // a post held over a past period is a former post
    let former = p.former || p.during.is_some();
    out.push(
        rule,
        p.span,
        FactKind::HoldsPost { person, post: Post { label, organisation, former, during: p.during.clone() } },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::context::Context;
    use crate::segment::segment;

    fn posts_of(text: &str) -> Vec<(String, bool, Option<String>)> {
        let seg = segment(text);
        let mut out = Extraction::default();
        let ctx = Context::new(&seg, &mut out);
        crate::extract::person::find_people(&ctx, &mut out);
        find_posts(&ctx, &mut out)
            .into_iter()
            .map(|p| (p.label, p.former, p.party.map(|i| PARTIES.all[i].key.clone())))
            .collect()
    }

    #[test]
    fn phrases() {
        assert_eq!(
            posts_of("Former cabinet member for adult care Ron Tate spoke."),
            [("cabinet member for adult care".into(), true, None)]
        );
        assert_eq!(
            posts_of("Lib Dem group leader Councillor Ann Lee spoke."),
            [("group leader".into(), false, Some("libdem".into())), ("councillor".into(), false, None)]
        );
        assert_eq!(
            posts_of("Riverton and Wold MP Al Stone spoke."),
            [("MP for Riverton and Wold".into(), false, None)]
        );
        assert_eq!(posts_of("Former Home Secretary Jo Bell spoke."), [("Home Secretary".into(), true, None)]);
        assert_eq!(posts_of("the ex-Lowtown MP said"), [("MP for Lowtown".into(), true, None)]);
    }
}
