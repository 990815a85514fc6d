//! Facts as plain text lines, one per fact (`kind<TAB>field…<TAB>[rule]`),
//! for debugging rules and for the fixture tests.

use super::{Entity, Extraction, FactKind};
use crate::reference::{councils::COUNCILS, parties::PARTIES};

/// The display name of an entity.
pub fn name(x: &Extraction, e: Entity) -> String {
    match e {
        Entity::Person(p) => x.persons[p].name.clone(),
        Entity::Council(c) => COUNCILS.all[c].label.clone(),
        Entity::Party(p) => PARTIES.all[p].name.clone(),
        Entity::Organisation(o) => x.organisations[o].name.clone(),
    }
}

/// One line per person and per fact, without the rule.
pub fn lines(text: &str, x: &Extraction) -> Vec<String> {
    let mut out: Vec<String> = x.persons.iter().map(|p| format!("person\t{}", p.name)).collect();
    for f in &x.facts {
        let person = |p: &usize| x.persons[*p].name.clone();
        out.push(match &f.kind {
            FactKind::PartyMember { person: p, party } => {
                format!("party\t{}\t{}", person(p), PARTIES.all[*party].name)
            }
            FactKind::CouncilMember { person: p, council } => {
                format!("member\t{}\t{}", person(p), COUNCILS.all[*council].label)
            }
            FactKind::HoldsPost { person: p, post } => format!(
                "role\t{}\t{}\t{}{}",
                person(p),
                post.label,
                post.organisation.map(|o| name(x, o)).unwrap_or_default(),
                if post.former { "\tformer" } else { "" }
            ),
            FactKind::RepresentsWard { person: p, ward } => format!("ward\t{}\t{ward}", person(p)),
            FactKind::ControlledBy { council, party } => {
                format!("control\t{}\t{}", COUNCILS.all[*council].label, PARTIES.all[*party].name)
            }
            FactKind::Rating { council, area, grade, earlier } => format!(
                "rating\t{}\t{area:?}\t{grade:?}{}",
                COUNCILS.all[*council].label,
                if *earlier { "\tearlier" } else { "" }
            ),
            FactKind::Quote { speaker, text: t, .. } => {
                format!("quote\t{}\t{}", name(x, *speaker), text[t.start..t.end].replace(['\t', '\n'], " "))
            }
            FactKind::CalledForResignation { by, target } => {
                format!("resign\t{}\t{}", name(x, *by), person(target))
            }
            FactKind::Published { date } => format!("published\t{date}"),
            FactKind::Author { person: p } => format!("author\t{}", person(p)),
        });
    }
    for l in &mut out {
        while l.ends_with('\t') {
            l.pop();
        }
    }
    out
}
