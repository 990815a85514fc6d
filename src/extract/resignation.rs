//! Calls for resignation: "called for X's resignation", "called for X to
//! resign", "calls for the heads of X and Y", "urged X to step down",
//! "reiterated his call for X to quit". The callers are the people who are
//! the subject of the clause (several, when joined by "and"); the targets
//! are the people, descriptions or pronouns the call names.

use super::agent::AgentMention;
use super::context::Context;
use super::pattern::regex as re;
use super::{Entity, Extraction, FactKind};
use crate::segment::Span;
use regex::Regex;
use std::sync::LazyLock;

static CALL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)(?:call(?:s|ed|ing)?|demand(?:s|ed|ing)?|urg(?:e|es|ed|ing)|press(?:es|ed|ing)?)\s+(?:on\s+|for\s+)?(?P<target>.{1,120}?)(?:['’]s?\s+(?:resignation|removal|sacking|head)|\s+to\s+(?:resign|quit|step\s+down|stand\s+down|stand\s+aside|go)(?-u:\b))",
    )
});
static HEADS_OF: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?-u:\b)call(?:s|ed|ing)?\s+for\s+(?:the\s+)?(?:resignations?|heads|head|removal|sacking)\s+of\s+(?P<target>[^.;]{1,160})",
    )
});
static BOUNDARY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:;|:|,?\s+(?:but|while|whereas|although|though|after|because)\s+)"));

pub fn find(ctx: &Context<'_>, agents: &[AgentMention], resolved: &[Option<Entity>], out: &mut Extraction) {
    let text = &ctx.masked;
    for s in &ctx.seg.sentences {
        let t = &text[s.span.start..s.span.end];
        for rx in [&*CALL, &*HEADS_OF] {
            for c in rx.captures_iter(t) {
                let (Some(all), Some(tg)) = (c.get(0), c.name("target")) else {
                    continue;
                };
                let call_at = s.span.start + all.start();
                let target_span = Span::new(s.span.start + tg.start(), s.span.start + tg.end());
                let persons_in = |a: usize, b: usize| -> Vec<usize> {
                    let mut v = Vec::new();
                    let lo = agents.partition_point(|m| m.span.start < a);
                    for (i, m) in agents.iter().enumerate().skip(lo) {
                        if m.span.start >= b {
                            break;
                        }
                        if m.span.end <= b {
                            if let Some(Entity::Person(p)) = resolved[i] {
                                if !v.contains(&p) {
                                    v.push(p);
                                }
                            }
                        }
                    }
                    v
                };
                let targets = persons_in(target_span.start, target_span.end + 2);
                let clause = BOUNDARY
                    .find_iter(&text[s.span.start..call_at])
                    .last()
                    .map_or(s.span.start, |b| s.span.start + b.end());
                let mut callers = persons_in(clause, call_at);
                if callers.is_empty() {
                    continue;
                }
                // Callers joined by "and" before the verb; one subject otherwise.
                if !text[clause..call_at].contains(" and ") {
                    callers.truncate(1);
                }
                for &by in &callers {
                    for &target in &targets {
                        if by != target {
                            out.push("resignation.call", s.span, FactKind::CalledForResignation { by, target });
                        }
                    }
                }
            }
        }
    }
}
