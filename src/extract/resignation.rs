//! Calls for resignation. The caller is a person, or a party when a party's
//! group makes the call ("Opposition Tory members", "the Labour group");
//! the targets are the people (or pronouns and descriptions resolved to
//! people) the call names.
//!
//! | rule | form |
//! |---|---|
//! | `resignation.call` | "X called on Y to resign / stand down / step down / quit / consider their positions", "X urged Y to go", "X demanded Y's resignation", "X reiterated his call for Y to quit" |
//! | `resignation.heads` | "X called for the resignation (the heads) of Y and Z" |
//! | `resignation.passive` | "Y was called on to step down by X", "Y has been urged to resign by X" |
//! | `resignation.should` | "X said Y should resign / must go / ought to step down" |
//! | `resignation.no-confidence` | "X tabled a motion of no confidence in Y", "a vote of no confidence in Y, proposed by X" |
//!
//! Example: "Labour councillor Ben Osei urged Cllr Tolley to step down." gives
//! `<ben-osei> cg:calledForResignationOf <graham-tolley>`.
//!
//! Not calls: "Y resigned", "Y refused to resign", "X called for an
//! inquiry", "X called Y to account", "Y rejected calls for her to quit"
//! (the caller is unnamed). Known misses: calls inside quotations ("I call
//! on him to resign," she said), possessive pronouns as targets ("called
//! for his resignation").

use super::agent::AgentMention;
use super::context::Context;
use super::pattern::regex as re;
use super::{Entity, Extraction, FactKind};
use crate::reference::parties::{Strength, PARTIES};
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

/// What the target is asked to do.
const QUIT: &str = r"(?:resign|quit|step\s+down|stand\s+down|stand\s+aside|go(?:\s*[.,;!]|\s*$|\s+now(?-u:\b))|be\s+(?:sacked|removed|dismissed)|(?:re)?consider\s+(?:his|her|their)\s+(?:positions?|futures?))";

static CALL: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)(?-u:\b)(?:call(?:s|ed|ing)?|demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|press(?:es|ed|ing)?)\s+(?:on\s+|upon\s+|for\s+)?(?P<target>.{{1,120}}?)(?:['’]s?\s+(?:immediate\s+)?(?:resignation|removal|sacking|dismissal|head)|\s+to\s+(?:(?:immediately|now)\s+)?{QUIT})"
    ))
});
static HEADS_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:call(?:s|ed|ing)?\s+for|demand(?:s|ed|ing)?)\s+(?:the\s+)?(?:immediate\s+)?(?:resignations?|heads|head|removal|sacking)\s+of\s+(?P<target>[^.;]{1,160})",
    )
});
static PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)(?-u:\b)(?:was|were|has\s+been|have\s+been|had\s+been|is\s+being|is|are)\s+(?:(?:\w+ly|also|now)\s+)?(?:called\s+(?:on|upon)|urged|asked|pressed|told)\s+to\s+{QUIT}[^.;]{{0,120}}?\s+by\s+(?P<by>[^.;]{{1,100}})"
    ))
});
static SHOULD: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(r"(?i)\s(?:should|must|ought\s+to|needs?\s+to)\s+(?:(?:now|immediately|also|either)\s+)?{QUIT}"))
});
static NO_CONFIDENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:(?:motion|vote)\s+of\s+no[\s-]+confidence|no[\s-]+confidence\s+(?:motion|vote))\s+(?:in|against)\s+(?P<target>[^.;]{1,100})",
    )
});
/// The verb before a motion that makes its subject the mover.
static MOVE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:tabled?|moved?|proposed?|submit(?:ted)?|put\s+forward|brought|bring|launch(?:ed)?|lodged?|called\s+for|calls\s+for|will\s+table|plans?\s+to\s+table)(?-u:\b)",
    )
});
/// A reporting verb between a caller and "Y should resign".
static SAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:said|says|believes?|thinks?|argued?|argues|insisted|insists|claimed|claims|told|stated|added|declared)(?-u:\b)",
    )
});
static BOUNDARY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:;|:|,?\s+(?:but|while|whereas|although|though|after|because)\s+)"));
/// Where the target list of a call ends.
static TARGET_END: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?:,\s+(?:who|which|after|saying|claiming|adding)|\s+(?:after|over|following|because|for\s+failing|amid|when|as|who|which)\s)",
    )
});
/// What may stand between a party and the call verb when the party's group
/// is the caller: "Opposition Tory members previously called for".
static GROUP_GAP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:['’]s)?(?:\s+(?:group|groups|members|councillors|party|opposition|MPs|politicians|leadership|benches|have|has|had|are|were|is|was|been|also|now|already|today|yesterday|formally|publicly|\w+ly))*\s*$",
    )
});

/// The people among the agent mentions inside `[a, b)`, in text order.
struct People<'a> {
    agents: &'a [AgentMention],
    resolved: &'a [Option<Entity>],
}

impl People<'_> {
    fn within(&self, a: usize, b: usize) -> Vec<Entity> {
        let mut v = Vec::new();
        let lo = self.agents.partition_point(|m| m.span.start < a);
        for (m, r) in self.agents.iter().zip(self.resolved).skip(lo) {
            if m.span.start >= b {
                break;
            }
            if let (true, Some(e @ Entity::Person(_))) = (m.span.end <= b, r) {
                if !v.contains(e) {
                    v.push(*e);
                }
            }
        }
        v
    }

    /// The last person mention inside `[a, b)`.
    fn last(&self, a: usize, b: usize) -> Option<(Span, Entity)> {
        let lo = self.agents.partition_point(|m| m.span.start < a);
        let hi = self.agents.partition_point(|m| m.span.start < b);
        self.agents.get(lo..hi)?.iter().zip(self.resolved.get(lo..hi)?).rev().find_map(|(m, r)| match r {
            Some(e @ Entity::Person(_)) if m.span.end <= b => Some((m.span, *e)),
            _ => None,
        })
    }
}

/// The party whose group is the subject of `[a, b)`: its last party name,
/// followed only by group words and adverbs.
fn party_group(ctx: &Context<'_>, text: &str, a: usize, b: usize) -> Option<Entity> {
    let h = ctx.parties_in(Span::new(a, b)).last()?;
    let gap = text.get(h.byte_end..b)?;
    let weak_ok = h.strength >= Strength::Weak && gap.trim_start().starts_with(['g', 'm', 'c']);
    (PARTIES.all[h.party].is_party && (h.strength == Strength::Strong || weak_ok) && GROUP_GAP.is_match(gap))
        .then_some(Entity::Party(h.party))
}

/// The callers who are the subject of the clause ending at `at`: the first
/// person (all of them when joined by "and"), else a party's group.
fn subject(ctx: &Context<'_>, people: &People<'_>, text: &str, from: usize, at: usize) -> Vec<Entity> {
    let head = text.get(from..at).unwrap_or("");
    let clause = BOUNDARY.find_iter(head).last().map_or(from, |m| from + m.end());
    let mut callers = people.within(clause, at);
    if !text.get(clause..at).unwrap_or("").contains(" and ") {
        callers.truncate(1);
    }
    if callers.is_empty() {
        callers.extend(party_group(ctx, text, clause, at));
    }
    callers
}

/// The end of a target list starting at `a` and running to at most `b`.
fn target_end(text: &str, a: usize, b: usize) -> usize {
    text.get(a..b).and_then(|t| TARGET_END.find(t)).map_or(b, |m| a + m.start())
}

fn push(out: &mut Extraction, rule: &'static str, span: Span, callers: &[Entity], targets: &[Entity]) {
    for &by in callers {
        for &t in targets {
            let Entity::Person(target) = t else { continue };
            if by != t {
                if let Entity::Party(p) = by {
                    out.add_party(p);
                }
                out.push(rule, span, FactKind::CalledForResignation { by, target });
            }
        }
    }
}

/// Finds the calls for resignation, sentence by sentence, in the article's
/// own words (attributed quotations blanked).
pub fn find(ctx: &Context<'_>, agents: &[AgentMention], resolved: &[Option<Entity>], out: &mut Extraction) {
    let text = ctx.masked_attributed.as_str();
    let people = People { agents, resolved };
    for s in &ctx.seg.sentences {
        let Some(t) = text.get(s.span.start..s.span.end) else {
            continue;
        };
        let at = |i: usize| s.span.start + i;
        active(ctx, &people, text, s.span, t, out);
        for c in PASSIVE.captures_iter(t) {
            let (Some(all), Some(by)) = (c.get(0), c.name("by")) else { continue };
            let targets: Vec<Entity> = people.last(s.span.start, at(all.start())).map(|x| x.1).into_iter().collect();
            let end = target_end(text, at(by.start()), at(by.end()));
            let mut callers = people.within(at(by.start()), end);
            callers.truncate(1);
            if callers.is_empty() {
                callers.extend(party_group(ctx, text, at(by.start()), end));
            }
            push(out, "resignation.passive", s.span, &callers, &targets);
        }
        should(ctx, &people, text, s.span, t, out);
        no_confidence(ctx, &people, text, s.span, t, out);
    }
}

/// "X called on Y to resign", "X called for the heads of Y and Z".
fn active(ctx: &Context<'_>, people: &People<'_>, text: &str, s: Span, t: &str, out: &mut Extraction) {
    for (rx, rule) in [(&*CALL, "resignation.call"), (&*HEADS_OF, "resignation.heads")] {
        for c in rx.captures_iter(t) {
            let (Some(all), Some(tg)) = (c.get(0), c.name("target")) else { continue };
            if tg.as_str().trim_start().to_lowercase().starts_with("by ") {
                continue; // "urged by Y to resign": passive
            }
            let (a, b) = (s.start + tg.start(), s.start + tg.end());
            let targets = people.within(a, target_end(text, a, b + 2));
            let callers = subject(ctx, people, text, s.start, s.start + all.start());
            push(out, rule, s, &callers, &targets);
        }
    }
}

/// "X said Y should resign": Y is the person right before "should"; X the
/// subject of a reporting verb before Y, or named after the call ("…, said X").
fn should(ctx: &Context<'_>, people: &People<'_>, text: &str, s: Span, t: &str, out: &mut Extraction) {
    for m in SHOULD.find_iter(t) {
        let verb = s.start + m.start();
        let Some((span, target)) = people.last(s.start, verb) else { continue };
        if verb - span.end > 60 {
            continue;
        }
        let lead = text.get(s.start..span.start).unwrap_or("");
        let callers = if let Some(v) = SAY.find_iter(lead).last() {
            subject(ctx, people, text, s.start, s.start + v.start())
        } else {
            let after = s.start + m.end();
            let tail = text.get(after..s.end).unwrap_or("");
            let mut v =
                if SAY.find(tail).is_some_and(|v| v.start() < 40) { people.within(after, s.end) } else { Vec::new() };
            v.truncate(1);
            v
        };
        push(out, "resignation.should", s, &callers, &[target]);
    }
}

/// "X tabled a motion of no confidence in Y"; "… in Y, proposed by X".
fn no_confidence(ctx: &Context<'_>, people: &People<'_>, text: &str, s: Span, t: &str, out: &mut Extraction) {
    for c in NO_CONFIDENCE.captures_iter(t) {
        let (Some(all), Some(tg)) = (c.get(0), c.name("target")) else { continue };
        let (a, b) = (s.start + tg.start(), s.start + tg.end());
        let end = target_end(text, a, b).min(text.get(a..b).and_then(|x| x.find(',')).map_or(b, |i| a + i));
        let targets = people.within(a, end);
        let lead = text.get(s.start..s.start + all.start()).unwrap_or("");
        let callers = if let Some(v) = MOVE.find_iter(lead).last() {
            subject(ctx, people, text, s.start, s.start + v.start())
        } else {
            let rest = text.get(end..s.end).unwrap_or("");
            match rest.find(" by ") {
                Some(i) if MOVE.is_match(rest.get(..i).unwrap_or("")) => {
                    let mut v = people.within(end + i, s.end);
                    v.truncate(1);
                    v
                }
                _ => Vec::new(),
            }
        };
        push(out, "resignation.no-confidence", s, &callers, &targets);
    }
}
