//! What makes two mentions of a name, in two documents, one person.
//!
//! A name alone does not: two councillors called John Smith on two councils
//! are two people, and merging them would pin one's words and party on the
//! other. Each document ties each person it names to a body — the council
//! they sit on or hold a post at, the organisation or party of their post,
//! else the council the article is about — and the person's IRI is minted
//! from the name *and* that anchor. The same name under the same anchor in
//! any document is one IRI; under different anchors, different IRIs. The
//! anchor comes from the document alone, so documents are still resolved
//! one at a time and separate runs still merge by a plain union.

use crate::extract::{Entity, Extraction, FactKind};
use crate::reference::councils::COUNCILS;
use crate::reference::parties::PARTIES;

/// The body a document ties a person to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    /// A council (reference index): a councillor, an officer, or anyone
    /// named in an article about that council with no other tie.
    Council(usize),
    /// A national body or trust, by reference key or name.
    Organisation(String),
    /// A party, for a party post that is not a council's ("Labour leader").
    Party(usize),
    /// A journalist known only from the byline: bylines cross councils.
    Byline,
}

impl Anchor {
    /// The anchor's part of a person's key: an ONS code, a body's or party's
    /// reference key, or `author`.
    pub fn key(&self) -> String {
        match self {
            Anchor::Council(c) => COUNCILS.all[*c].gss.clone(),
            Anchor::Organisation(key) => key.clone(),
            Anchor::Party(p) => PARTIES.all[*p].key.clone(),
            Anchor::Byline => "author".to_owned(),
        }
    }
}

/// The anchor of person `p` in one document, by the first rule that holds:
/// a council the person sits on; the body of a current post, then of a
/// former one (a former director of one council is still that person);
/// the byline, for a person the article names only as its author; the
/// council the article is about. `None` when the article gives no body at all.
pub fn of(x: &Extraction, p: usize) -> Option<Anchor> {
    council_seat(x, p)
        .or_else(|| post_body(x, p, false))
        .or_else(|| post_body(x, p, true))
        .or_else(|| only_author(x, p).then_some(Anchor::Byline))
        .or(x.primary_council.map(Anchor::Council))
}

fn council_seat(x: &Extraction, p: usize) -> Option<Anchor> {
    x.facts.iter().find_map(|f| match f.kind {
        FactKind::CouncilMember { person, council } if person == p => Some(Anchor::Council(council)),
        _ => None,
    })
}

fn post_body(x: &Extraction, p: usize, former: bool) -> Option<Anchor> {
    x.facts.iter().find_map(|f| match &f.kind {
        FactKind::HoldsPost { person, post } if *person == p && post.former == former => match post.organisation? {
            Entity::Council(c) => Some(Anchor::Council(c)),
            Entity::Party(party) => Some(Anchor::Party(party)),
            Entity::Organisation(o) => {
                let org = &x.organisations[o];
                Some(Anchor::Organisation(org.reference.clone().unwrap_or_else(|| org.name.clone())))
            }
            Entity::Person(_) => None,
        },
        _ => None,
    })
}

/// True when the article names `p` as its author and says nothing else of them.
fn only_author(x: &Extraction, p: usize) -> bool {
    let is_author = x.facts.iter().any(|f| matches!(f.kind, FactKind::Author { person } if person == p));
    let said_anything = x.facts.iter().any(|f| match &f.kind {
        FactKind::Quote { speaker, .. } => *speaker == Entity::Person(p),
        FactKind::PartyMember { person, .. } | FactKind::RepresentsWard { person, .. } => *person == p,
        FactKind::CalledForResignation { by, target } => *by == Entity::Person(p) || *target == p,
        _ => false,
    });
    is_author && !said_anything
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Document;

    fn extraction(text: &str) -> Extraction {
        let doc = Document::from_text("d", "d.txt", text);
        let seg = crate::segment::segment(&doc.text);
        crate::extract::extract(&seg, &doc)
    }

    fn anchor_of(x: &Extraction, name: &str) -> Option<String> {
        let p = x.persons.iter().position(|p| p.name == name)?;
        of(x, p).map(|a| a.key())
    }

    #[test]
    fn a_councillor_is_anchored_to_the_council_they_sit_on() {
        let x = extraction(
            "Walsall Council met on Monday.\n\nCouncillor Bryn Tolley said: \"We will look at this again.\"",
        );
        assert_eq!(anchor_of(&x, "Bryn Tolley").as_deref(), Some("E08000030"));
    }

    #[test]
    fn an_officer_is_anchored_to_the_body_of_the_post_not_the_article_s_council() {
        let x = extraction(
            "Walsall Council's plans were discussed by Walsall Council.\n\nTom Aldgate, director of children's services at Rutland County Council, said: \"We learned from it.\"\n\nOfelia Tarn, chief executive of the NSPCC, said: \"It is good news.\"",
        );
        assert_eq!(anchor_of(&x, "Tom Aldgate").as_deref(), Some("E06000017"));
        assert_eq!(anchor_of(&x, "Ofelia Tarn").as_deref(), Some("nspcc"));
    }

    #[test]
    fn a_person_with_no_tie_is_anchored_to_the_article_s_council() {
        let x =
            extraction("Walsall Council has a new plan. Parent Gwen Ashby said: \"It is far too late for us now.\"");
        assert_eq!(anchor_of(&x, "Gwen Ashby").as_deref(), Some("E08000030"));
        let y = extraction("Parent Gwen Ashby said: \"It is far too late for us now.\"");
        assert_eq!(anchor_of(&y, "Gwen Ashby"), None, "no council in the article: the name alone");
    }
}
