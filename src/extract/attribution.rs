//! Quotations and their speakers.
//!
//! Walking the article sentence by sentence, each agent mention is resolved
//! (a pronoun to the last fitting subject, a description to the last fitting
//! person, "the report" to Ofsted), and each top-level quotation gets its
//! speaker from, in order:
//!
//! 1. a cue right after it: `"…," she said`, `"…," said Jane Doe`,
//!    `‘…’, says the report`, `"…" The words of Jane Doe …`;
//! 2. the last reporting verb before it in its sentence, whose subject is
//!    the first person (else the first agent) of the verb's clause, or the
//!    antecedent of "which/that/who" (`the report, which says "…"`);
//! 3. for a quotation that opens its paragraph: the quotation it continues,
//!    else the speaker of the paragraph before's last quotation, else the
//!    last person the paragraph before named (a speaker introduced in the
//!    sentence before).
//!
//! Quotations of fewer than three words are scare quotes, not quotations of
//! a person; nested quotations belong to the outer speaker.

use super::agent::{AgentKind, AgentMention};
use super::context::{blank_all, Context};
use super::lexicon::{Gender, POST_VERBS, REPORTING_VERBS};
use super::pattern::{alternation as alt, regex as re};
use super::{Entity, Extraction, FactKind, Post};
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

static VERB: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"(?i)(?-u:\b)(?:{})(?-u:\b)", alt(REPORTING_VERBS))));
static POST_CUE: LazyLock<Regex> = LazyLock::new(|| {
    let v = alt(POST_VERBS);
    re(&format!(
        r"^[\s,;.!?\-–—]*(?:(?i:(?:{v}))\s+(?P<a1>.{{1,80}})|(?P<a2>[^.;:!?]{{1,60}}?)\s+(?:(?i:has|had|also|then|later|simply|previously|once|again)\s+)*(?i:(?:{v}))(?-u:\b))"
    ))
});
static WORDS_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^[\s,.]*(?:(?:The|These|Those|Such)\s+(?:are\s+|were\s+)?(?:the\s+)?words\s+of|(?i:according\s+to))\s+")
});
static BOUNDARY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:;|:|\s[-–—]\s|,?\s+(?:but|and|while|whereas|although|though|with|after|because|so|yet)\s+)")
});
static AUXILIARY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:\s+(?:has|had|have|also|then|later|previously|now|repeatedly))+$"));
/// "according to the report, …": names the source of what follows.
static ACCORDING: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?-u:\b)according\s+to\s+"));
/// A cue closing the sentence after the quotation: `…, the report points out.`
static FINAL_CUE: LazyLock<Regex> = LazyLock::new(|| {
    let v = alt(POST_VERBS);
    re(&format!(
        r"^,\s+(?:[^,;:]{{1,60}}?\s+(?:(?i:has|had|also|then|later)\s+)*(?i:(?:{v}))|(?i:(?:{v}))\s+[^,;:]{{1,60}}?)(?-u:\b)\s*[.!?]?\s*$"
    ))
});
static RELATIVE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)(?:,\s*)?(?-u:\b)(?:which|that|who)\s+(?:also\s+|now\s+|still\s+)?$"));

/// What the walk remembers: agents in order of salience.
struct History {
    items: Vec<(Entity, usize)>, // (entity, sentence index)
    /// Every person mention of the document, in text order.
    mentions: Vec<(Span, usize)>,
}

impl History {
    fn last_person(&self, out: &Extraction, gender: Option<Gender>, skip: &[usize]) -> Option<usize> {
        self.items.iter().rev().take(200).find_map(|(e, _)| match e {
            Entity::Person(p) if !skip.contains(p) && gender_fits(out, *p, gender) => Some(*p),
            _ => None,
        })
    }
    fn last_non_person(&self, since: usize) -> Option<Entity> {
        self.items
            .iter()
            .rev()
            .filter(|(_, s)| *s + 3 >= since)
            .find_map(|(e, _)| (!matches!(e, Entity::Person(_))).then_some(*e))
    }
}

fn gender_fits(out: &Extraction, p: usize, g: Option<Gender>) -> bool {
    match (g, out.persons[p].gender) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// Resolves every agent mention and attributes every quotation. Returns the
/// entity each agent mention resolved to (aligned with `agents`).
pub fn attribute(ctx: &mut Context<'_>, agents: &[AgentMention], out: &mut Extraction) -> Vec<Option<Entity>> {
    let seg = ctx.seg;
    let mut resolved: Vec<Option<Entity>> = vec![None; agents.len()];
    let mut history = History { items: Vec::new(), mentions: out.person_mentions() };
    let mut speaker_of: Vec<Option<Entity>> = vec![None; seg.quotes.len()];
    let mut last_quote_in_para: Vec<Option<usize>> = vec![None; seg.paragraphs.len()];
    let quote_words = |q: &crate::segment::QuoteSpan| seg.slice(q.inner).split_whitespace().count();
    let mut attributed: Vec<Span> = Vec::new();
    let top_quotes: Vec<usize> = (0..seg.quotes.len()).filter(|&q| seg.quotes[q].depth == 0).collect();
    let mut list_intro: Option<(usize, Entity)> = None;

    for (si, s) in seg.sentences.iter().enumerate() {
        let a = agents.partition_point(|m| m.span.start < s.span.start);
        let b = agents.partition_point(|m| m.span.start < s.span.end);
        let in_s: Vec<usize> = (a..b).filter(|&i| s.span.covers(agents[i].span)).collect();
        // 1. resolve the sentence's agents in order
        let mut persons_so_far: Vec<usize> = Vec::new();
        for &i in &in_s {
            let e = resolve(ctx, out, &agents[i], &resolved, &in_s, &history, &persons_so_far, si);
            resolved[i] = e;
            if let Some(Entity::Person(p)) = e {
                persons_so_far.push(p);
            }
        }
        // The sentence's subject, and its first person (who pronouns in the
        // next sentences most often mean) as the most recent.
        if let Some(e) = in_s.iter().find_map(|&i| resolved[i]) {
            history.items.push((e, si));
        }
        if let Some(p) = persons_so_far.first() {
            if history.items.last().map(|x| x.0) != Some(Entity::Person(*p)) {
                history.items.push((Entity::Person(*p), si));
            }
        }
        // A sentence ending with a colon introduces a list: its speaker
        // speaks the list's quoted items.
        if crate::segment::text::slice(&ctx.masked, s.span.start, s.span.end).trim_end().ends_with(':') {
            if let Some(e) = pre_cue(ctx, agents, &resolved, s.span.start, s.span.start, s.span.end) {
                list_intro = Some((s.paragraph, e));
            }
        }
        // 2. the sentence's top-level quotations
        let qa = top_quotes.partition_point(|&q| seg.quotes[q].outer.start < s.span.start);
        let qb = top_quotes.partition_point(|&q| seg.quotes[q].outer.start < s.span.end);
        let qs: Vec<usize> = top_quotes[qa..qb.max(qa)].to_vec();
        for (k, &qi) in qs.iter().enumerate() {
            let q = seg.quotes[qi];
            let pre_start = if k > 0 { seg.quotes[qs[k - 1]].outer.end.max(s.span.start) } else { s.span.start };
            let post_end = qs.get(k + 1).map_or(s.span.end, |&n| seg.quotes[n].outer.start).max(q.outer.end);
            let (mut speaker, mut anonymous) = match post_cue(ctx, agents, &resolved, q.outer.end, post_end, q.closed) {
                Cue::Speaker(e) => (Some(e), false),
                Cue::Anonymous => (None, true),
                Cue::None => (None, false),
            };
            if speaker.is_none() && post_end == q.outer.end && k + 1 == qs.len() {
                // `"…." The words of Jane Doe`: the cue is the next sentence
                if let Some(next) = seg.sentences.get(si + 1).filter(|n| n.paragraph == s.paragraph) {
                    let region = crate::segment::text::slice(&ctx.masked, q.outer.end, next.span.end);
                    if WORDS_OF.is_match(region) {
                        if let Cue::Speaker(e) = post_cue(ctx, agents, &resolved, q.outer.end, next.span.end, q.closed)
                        {
                            speaker = Some(e);
                        }
                    }
                }
            }
            if speaker.is_none() && !anonymous {
                speaker = pre_cue(ctx, agents, &resolved, s.span.start, pre_start, q.outer.start);
            }
            if speaker.is_none() && !anonymous {
                match final_cue(ctx, agents, &resolved, q.outer.end, s.span.end) {
                    Cue::Speaker(e) => speaker = Some(e),
                    Cue::Anonymous => anonymous = true,
                    Cue::None => {}
                }
            }
            // `found the "A" had harmed children "B"`: B shares A's speaker
            if speaker.is_none() && !anonymous && k > 0 {
                speaker = speaker_of[qs[k - 1]];
            }
            if speaker.is_none() && !anonymous {
                speaker = list_intro.filter(|(p, _)| is_list_item_of(seg, *p, q.paragraph)).map(|x| x.1);
            }
            if speaker.is_none() && !anonymous && q.opens_paragraph {
                speaker = q.continues.and_then(|j| speaker_of[j]).or_else(|| {
                    let prev_para = q.paragraph.checked_sub(1)?;
                    match last_quote_in_para[prev_para] {
                        Some(j) => speaker_of[j],
                        None => {
                            let p = seg.paragraphs[prev_para];
                            let hi = agents.partition_point(|m| m.span.start < p.end);
                            let idx = (0..hi)
                                .rev()
                                .take_while(|&i| agents[i].span.start >= p.start)
                                .find(|&i| matches!(resolved[i], Some(Entity::Person(_))))?;
                            resolved[idx]
                        }
                    }
                });
            }
            speaker_of[qi] = speaker;
            if speaker.is_some() {
                last_quote_in_para[q.paragraph] = Some(qi);
            }
            let Some(sp) = speaker else { continue };
            if quote_words(&q) < 3 {
                continue;
            }
            history.items.push((sp, si));
            let continues = q.continues.filter(|&j| speaker_of[j] == Some(sp)).map(|j| seg.quotes[j].inner);
            let rule = if q.continues.is_some() { "quote.continuation" } else { "quote.attributed" };
            out.push(rule, q.inner, FactKind::Quote { speaker: sp, text: q.inner, continues });
            attributed.push(q.outer);
        }
    }
    attributed.sort();
    blank_all(&mut ctx.masked_attributed, attributed);
    resolved
}

/// True when paragraph `item` and every paragraph between it and `intro`
/// are list items (a bullet or a number first).
fn is_list_item_of(seg: &crate::segment::Segmented<'_>, intro: usize, item: usize) -> bool {
    let bulleted = |p: usize| {
        let t = seg.slice(seg.paragraphs[p]).trim_start();
        t.starts_with(['•', '*', '-', '–', '·', '▪'])
            || t.chars().next().is_some_and(|c| c.is_ascii_digit()) && t.chars().take(4).any(|c| c == '.' || c == ')')
    };
    intro < item && (intro + 1..=item).all(bulleted)
}

/// Indices of the agent mentions lying within `a..b`.
fn agents_within(agents: &[AgentMention], a: usize, b: usize) -> std::ops::Range<usize> {
    let lo = agents.partition_point(|m| m.span.start < a);
    let hi = agents.partition_point(|m| m.span.start < b);
    let mut end = lo;
    while end < hi.max(lo) && agents[end].span.end <= b {
        end += 1;
    }
    lo..end.max(lo)
}

#[allow(clippy::too_many_arguments)]
fn resolve(
    ctx: &mut Context<'_>,
    out: &mut Extraction,
    m: &AgentMention,
    resolved: &[Option<Entity>],
    in_s: &[usize],
    history: &History,
    persons_so_far: &[usize],
    si: usize,
) -> Option<Entity> {
    match &m.kind {
        AgentKind::Person(p) => Some(Entity::Person(*p)),
        AgentKind::Council(c) => Some(Entity::Council(*c)),
        AgentKind::Organisation(o) => Some(Entity::Organisation(*o)),
        AgentKind::Party(p) => {
            out.add_party(*p);
            Some(Entity::Party(*p))
        }
        AgentKind::Report => {
            if ctx.about_inspection {
                Some(Entity::Organisation(ctx.ofsted_or_add(out)))
            } else {
                None
            }
        }
        AgentKind::TheCouncil => ctx.primary_council.map(|c| {
            out.add_council(c);
            Entity::Council(c)
        }),
        AgentKind::BodyOfKind(kind) => {
            let before = |o: &usize| ctx.orgs.iter().any(|x| x.org == *o && x.span.start < m.span.start);
            let cands: Vec<usize> =
                (0..out.organisations.len()).filter(|o| out.organisations[*o].kind == *kind && before(o)).collect();
            let last = cands.into_iter().max_by_key(|o| {
                ctx.orgs.iter().filter(|x| x.org == *o && x.span.start < m.span.start).map(|x| x.span.start).max()
            });
            last.map(Entity::Organisation).or_else(|| {
                // "the children's charity": any body of that kind the article named
                (0..out.organisations.len()).find(|o| out.organisations[*o].kind == *kind).map(Entity::Organisation)
            })
        }
        AgentKind::Spokesperson(inner) => {
            let inner_m = AgentMention { span: m.span, kind: (**inner).clone() };
            resolve(ctx, out, &inner_m, resolved, in_s, history, persons_so_far, si)
        }
        AgentKind::Pronoun(Some(g)) => {
            // the sentence's first person, else the last fitting subject
            let first = persons_so_far.iter().copied().find(|p| gender_fits(out, *p, Some(*g)));
            let p = first.or_else(|| history.last_person(out, Some(*g), &[]))?;
            if out.persons[p].gender.is_none() && persons_so_far.is_empty() {
                out.persons[p].gender = Some(*g);
            }
            Some(Entity::Person(p))
        }
        AgentKind::Pronoun(None) => {
            let earlier = in_s.iter().filter(|&&i| i < resolved.len()).find_map(|&i| match resolved[i] {
                Some(e @ Entity::Organisation(_)) | Some(e @ Entity::Council(_)) => Some(e),
                _ => None,
            });
            earlier.or_else(|| history.last_non_person(si))
        }
        AgentKind::Description { head, party, place, former } => {
            let fits = |out: &Extraction, p: usize| {
                let party_ok = party.is_none_or(|pa| out.parties_of.get(&p).is_none_or(|v| v.iter().all(|q| *q == pa)));
                let place_ok = place.as_ref().is_none_or(|pl| {
                    out.posts_of.get(&p).is_none_or(|v| {
                        !v.iter()
                            .any(|l| l.starts_with(head.as_str()) && l.contains(" for ") && !l.ends_with(pl.as_str()))
                    })
                });
                party_ok && place_ok
            };
            let from_history = history.items.iter().rev().take(40).find_map(|(e, _)| match e {
                Entity::Person(p) if !persons_so_far.contains(p) && fits(out, *p) => Some(*p),
                _ => None,
            });
            let p = from_history.or_else(|| {
                let before = history.mentions.partition_point(|x| x.0.start < m.span.start);
                history.mentions[..before]
                    .iter()
                    .copied()
                    .rev()
                    .take(60)
                    .filter(|(s, p)| s.end <= m.span.start && !persons_so_far.contains(p))
                    .find(|(_, p)| fits(out, *p))
                    .map(|x| x.1)
            })?;
            if let Some(pa) = party {
                if crate::reference::parties::PARTIES.all[*pa].is_party {
                    out.add_party(*pa);
                    out.push("party.description", m.span, FactKind::PartyMember { person: p, party: *pa });
                }
            }
            if (head == "MP" || head == "MEP") && place.is_some() {
                let label = format!("{head} for {}", place.as_deref().unwrap_or_default());
                let has = out.facts.iter().any(|f| matches!(&f.kind, FactKind::HoldsPost { person, post } if *person == p && post.label.starts_with(head.as_str())));
                if !has {
                    out.push(
                        "post.description",
                        m.span,
                        FactKind::HoldsPost {
                            person: p,
                            post: Post { label, organisation: None, former: *former, during: None },
                        },
                    );
                }
            }
            Some(Entity::Person(p))
        }
    }
}

/// What the words right after a quotation say about its speaker.
enum Cue {
    Speaker(Entity),
    /// A speaker the article does not name: `"…," said one parent`.
    Anonymous,
    None,
}

/// `"…," she said` / `"…," said Jane Doe` / `‘…’, says the report`.
fn post_cue(
    ctx: &Context<'_>,
    agents: &[AgentMention],
    resolved: &[Option<Entity>],
    from: usize,
    to: usize,
    closed: bool,
) -> Cue {
    match post_cue_speaker(ctx, agents, resolved, from, to, closed) {
        Ok(Some(e)) => Cue::Speaker(e),
        Ok(None) => Cue::None,
        Err(()) => Cue::Anonymous,
    }
}

/// `Err(())` when a reporting verb follows the quotation but no agent the
/// article names is its subject.
fn post_cue_speaker(
    ctx: &Context<'_>,
    agents: &[AgentMention],
    resolved: &[Option<Entity>],
    from: usize,
    to: usize,
    closed: bool,
) -> Result<Option<Entity>, ()> {
    if !closed || from >= to {
        return Ok(None);
    }
    let region = crate::segment::text::slice(&ctx.masked, from, to);
    if let Some(m) = WORDS_OF.find(region) {
        let start = from + m.end();
        // The next sentence's agents are not resolved yet: take its first named person.
        let range = agents_within(agents, start, to);
        let person = range.clone().find_map(|i| match agents[i].kind {
            AgentKind::Person(p) => Some(Entity::Person(p)),
            _ => None,
        });
        return Ok(person.or_else(|| range.clone().next().and_then(|i| resolved[i])));
    }
    let Some(c) = POST_CUE.captures(region) else {
        return Ok(None);
    };
    let (a, verb_first) = match (c.name("a1"), c.name("a2")) {
        (Some(a), _) => (a, true),
        (None, Some(a)) => (a, false),
        _ => return Ok(None),
    };
    let a_span = Span::new(from + a.start(), from + a.end());
    let short = crate::segment::text::slice(&ctx.masked, a_span.start, a_span.end).split_whitespace().count() <= 3;
    let anonymous = if verb_first || short { Err(()) } else { Ok(None) };
    let lo = agents.partition_point(|m| m.span.start < a_span.start);
    let Some(i) = Some(lo).filter(|&i| i < agents.len() && agents[i].span.start < a_span.end) else {
        return anonymous;
    };
    let lead_words =
        crate::segment::text::slice(&ctx.masked, a_span.start, agents[i].span.start).split_whitespace().count();
    if lead_words > 3 {
        return anonymous;
    }
    if !verb_first
        && crate::segment::text::slice(&ctx.masked, agents[i].span.end, a_span.end).split_whitespace().count() > 3
    {
        return Ok(None);
    }
    // "…," he said — with no "he" to be found — is still a cue: no guessing.
    resolved[i].map(Some).ok_or(())
}

/// `"…" because of weak planning, the report points out.`: a reporting
/// clause that ends the sentence, after the last comma following the quotation.
fn final_cue(ctx: &Context<'_>, agents: &[AgentMention], resolved: &[Option<Entity>], from: usize, to: usize) -> Cue {
    let tail = crate::segment::text::slice(&ctx.masked, from, to);
    let Some(comma) = tail.rfind(',') else { return Cue::None };
    if !FINAL_CUE.is_match(&tail[comma..]) {
        return Cue::None;
    }
    post_cue(ctx, agents, resolved, from + comma, to, true)
}

/// `according to the report, the council "…"`: the agent right after the
/// last "according to" before the quotation, when no reporting verb follows.
fn according_to(
    ctx: &Context<'_>,
    agents: &[AgentMention],
    resolved: &[Option<Entity>],
    from: usize,
    to: usize,
) -> Option<Entity> {
    let region = crate::segment::text::slice(&ctx.masked, from, to);
    let m = ACCORDING.find_iter(region).last()?;
    if VERB.is_match(&region[m.end()..]) {
        return None;
    }
    let start = from + m.end();
    let i = agents_within(agents, start, to).next()?;
    let lead = crate::segment::text::slice(&ctx.masked, start, agents[i].span.start).split_whitespace().count();
    if lead > 2 {
        return None;
    }
    resolved[i]
}

/// The subject of the last reporting verb before the quotation.
fn pre_cue(
    ctx: &Context<'_>,
    agents: &[AgentMention],
    resolved: &[Option<Entity>],
    sentence_start: usize,
    from: usize,
    to: usize,
) -> Option<Entity> {
    if from >= to {
        return None;
    }
    if let Some(e) = according_to(ctx, agents, resolved, from, to) {
        return Some(e);
    }
    let region = crate::segment::text::slice(&ctx.masked, from, to);
    let v = VERB.find_iter(region).last()?;
    let v_at = from + v.start();
    let in_range = |a: usize, b: usize| agents_within(agents, a, b);
    // "the report, which says": the antecedent of the relative pronoun
    if let Some(r) = RELATIVE.find(crate::segment::text::slice(&ctx.masked, sentence_start, v_at)) {
        let rel_at = sentence_start + r.start();
        if let Some(i) = in_range(sentence_start, rel_at).last() {
            if resolved[i].is_some() {
                return resolved[i];
            }
        }
    }
    let clause_start = BOUNDARY
        .find_iter(crate::segment::text::slice(&ctx.masked, sentence_start, v_at))
        .last()
        .map_or(sentence_start, |b| sentence_start + b.end());
    let pick = |a: usize, b: usize| {
        let ids: Vec<usize> = in_range(a, b).filter(|&i| resolved[i].is_some()).collect();
        ids.iter()
            .copied()
            .find(|&i| matches!(resolved[i], Some(Entity::Person(_))))
            .or_else(|| ids.first().copied())
            .and_then(|i| resolved[i])
    };
    // "Jane Doe, cabinet member for children and families, said": a verb
    // right after a comma closes an apposition; its subject opens the sentence.
    let head = crate::segment::text::slice(&ctx.masked, sentence_start, v_at).trim_end();
    let head = AUXILIARY.replace(head, "");
    if head.trim_end().ends_with(',') {
        if let Some(e) = pick(sentence_start, v_at) {
            return Some(e);
        }
    }
    // No agent the article names: the speaker is someone it does not name.
    pick(clause_start, v_at).or_else(|| pick(sentence_start, clause_start))
}
