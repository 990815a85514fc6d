//! How `explain` says a relation between two entities in words, from
//! either end: "controlled by Labour Party" on the council, "controls
//! Dudley Council" on the party.

use crate::graph::vocab::{cg, org, schema};

/// The phrases for one property, with `{}` for the other end's name: seen
/// from its subject, and seen from its object.
struct Wording {
    property: &'static str,
    forward: &'static str,
    backward: &'static str,
}

const WORDINGS: &[Wording] = &[
    Wording { property: org::MEMBER_OF.as_str(), forward: "member of {}", backward: "{} is a member" },
    Wording { property: cg::CONTROLLED_BY.as_str(), forward: "controlled by {}", backward: "controls {}" },
    Wording {
        property: cg::CALLED_FOR_RESIGNATION_OF.as_str(),
        forward: "called for the resignation of {}",
        backward: "{} called for their resignation",
    },
    Wording {
        property: cg::REPRESENTS_WARD.as_str(),
        forward: "represents the ward {}",
        backward: "represented by {}",
    },
];

/// The kinds of entity `explain` lists, in words.
const CLASSES: &[(&str, &str)] = &[
    (schema::PERSON.as_str(), "person"),
    (schema::POLITICAL_PARTY.as_str(), "party"),
    (cg::COUNCIL.as_str(), "council"),
    (schema::ORGANIZATION.as_str(), "organisation"),
    (schema::GOVERNMENT_ORGANIZATION.as_str(), "government body"),
    (cg::WARD.as_str(), "ward"),
];

/// A class in words ("PoliticalParty" → "party"); one without a word is
/// said by its local name split into words.
pub fn class(iri: &str) -> String {
    CLASSES.iter().find(|c| c.0 == iri).map_or_else(|| words(iri), |c| c.1.to_owned())
}

/// Which end of the relation the explained entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// The entity is the subject ("controlled by Labour Party").
    Subject,
    /// The entity is the object ("controls Dudley Council").
    Object,
}

/// The relation `property` with the entity at `end` and `other` at the
/// other end, in words. A property without a wording is said by its local
/// name split into words ("representsWard" → "represents ward").
pub fn relation(property: &str, end: End, other: &str) -> String {
    match (WORDINGS.iter().find(|w| w.property == property), end) {
        (Some(w), End::Subject) => w.forward.replacen("{}", other, 1),
        (Some(w), End::Object) => w.backward.replacen("{}", other, 1),
        (None, End::Subject) => format!("{} {other}", words(property)),
        (None, End::Object) => format!("{other} {} it", words(property)),
    }
}

/// "calledForResignationOf" (after the IRI's last `#` or `/`) → "called for resignation of".
fn words(iri: &str) -> String {
    let local = iri.rsplit(['#', '/']).next().unwrap_or(iri);
    let mut out = String::new();
    for c in local.chars() {
        if c.is_uppercase() && !out.is_empty() {
            out.push(' ');
        }
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations_read_from_both_ends() {
        let p = cg::CONTROLLED_BY.as_str();
        assert_eq!(relation(p, End::Subject, "Labour Party"), "controlled by Labour Party");
        assert_eq!(relation(p, End::Object, "Dudley Council"), "controls Dudley Council");
        let r = cg::CALLED_FOR_RESIGNATION_OF.as_str();
        assert_eq!(relation(r, End::Object, "James Morris"), "James Morris called for their resignation");
        assert_eq!(relation("https://example.org/ns#worksWith", End::Subject, "Jo"), "works with Jo");
        assert_eq!(relation("https://example.org/ns#worksWith", End::Object, "Jo"), "Jo works with it");
        assert_eq!(class(schema::POLITICAL_PARTY.as_str()), "party");
        assert_eq!(class("https://example.org/ns#CareHome"), "care home");
    }
}
