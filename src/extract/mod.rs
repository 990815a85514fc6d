//! Extract: a segmented document → facts, each with the rule that made it
//! and the span it came from.
//!
//! The passes run in order over one document, each a function of what came
//! before, and none reads anything but the document and the reference data:
//!
//! 1. [`context`]: mask quotations, find councils, parties and bodies;
//! 2. [`person`]: people and their mentions (names, titles, surnames);
//! 3. [`post`]: posts around names (appositions, pre-modifiers), with the
//!    party, council and ward they give;
//! 4. [`agent`]: who can speak: people, pronouns, descriptions ("the Tory
//!    MP"), bodies, "the report";
//! 5. [`attribution`]: quotations and their speakers;
//! 6. [`party`], [`control`], [`rating`], [`resignation`], [`byline`], [`dateline`]:
//!    the remaining facts.

pub mod agent;
pub mod attribution;
pub mod byline;
pub mod context;
pub mod control;
pub mod dateline;
#[cfg(test)]
mod fixtures;
pub mod lexicon;
pub mod party;
pub mod pattern;
pub mod person;
pub mod post;
pub mod rating;
pub mod report;
pub mod resignation;
pub mod seat;

use crate::ingest::Document;
use crate::reference::organisations::OrgKind;
use crate::segment::{Segmented, Span};
pub use lexicon::Gender;

/// A person named in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The fullest name the document gives, honorifics left out.
    pub name: String,
    /// Canonical honorifics used for the person ("Cllr", "Ms").
    pub honorifics: Vec<String>,
    pub gender: Option<Gender>,
    /// Where the document names the person (byte spans).
    pub mentions: Vec<Span>,
}

/// A body other than a council or a party: a national organisation from the
/// reference data, or one the text names (a children's trust).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    pub name: String,
    /// Reference key for national bodies; `None` for bodies found by pattern.
    pub reference: Option<String>,
    pub kind: OrgKind,
}

/// Anything that can speak, hold a post's organisation, or be a party.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Entity {
    /// Index into [`Extraction::persons`].
    Person(usize),
    /// Index into the council reference table.
    Council(usize),
    /// Index into [`Extraction::organisations`].
    Organisation(usize),
    /// Index into the party reference table.
    Party(usize),
}

/// Ofsted judgement areas (both frameworks fold onto these).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Area {
    Overall,
    HelpAndProtection,
    LookedAfter,
    Adoption,
    CareLeavers,
    Leadership,
}

/// Ofsted grades.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Grade {
    Outstanding,
    Good,
    RequiresImprovement,
    Inadequate,
}

/// A post held by a person.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Post {
    /// The post's label, e.g. "cabinet member for children's services".
    pub label: String,
    pub organisation: Option<Entity>,
    pub former: bool,
    /// `(from, to)` as `YYYY-MM` or `YYYY` where the text gives them.
    pub during: Option<(String, String)>,
}

/// What a fact says.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FactKind {
    PartyMember {
        person: usize,
        party: usize,
    },
    CouncilMember {
        person: usize,
        council: usize,
    },
    HoldsPost {
        person: usize,
        post: Post,
    },
    RepresentsWard {
        person: usize,
        ward: String,
    },
    ControlledBy {
        council: usize,
        party: usize,
    },
    /// `earlier`: the grade of an inspection before the current one.
    Rating {
        council: usize,
        area: Area,
        grade: Grade,
        earlier: bool,
    },
    /// `continues`: the quoted words of the quotation this one continues.
    Quote {
        speaker: Entity,
        text: Span,
        continues: Option<Span>,
    },
    /// `by` is a person, or a party whose group made the call.
    CalledForResignation {
        by: Entity,
        target: usize,
    },
    Published {
        date: String,
    },
    Author {
        person: usize,
    },
}

/// One fact, with the id of the rule that made it and the span it was read
/// from (the sentence, or the quoted words for a quotation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub rule: &'static str,
    pub span: Span,
    pub kind: FactKind,
}

/// Everything extracted from one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub persons: Vec<Person>,
    pub organisations: Vec<Organisation>,
    /// Councils the document names as entities (reference indices).
    pub councils: Vec<usize>,
    /// Parties the document names (reference indices).
    pub parties: Vec<usize>,
    /// How the document writes each council it names as a council
    /// ("Slough Borough Council"): its most frequent full form.
    pub council_names: std::collections::BTreeMap<usize, String>,
    /// The council the article is mainly about (named most often), if any.
    pub primary_council: Option<usize>,
    pub facts: Vec<Fact>,
    seen: std::collections::HashSet<FactKind>,
    /// person → parties, from the facts so far.
    pub(crate) parties_of: std::collections::HashMap<usize, Vec<usize>>,
    /// person → post labels, from the facts so far.
    pub(crate) posts_of: std::collections::HashMap<usize, Vec<String>>,
}

impl Extraction {
    /// Adds a fact unless the same one is already there.
    pub(crate) fn push(&mut self, rule: &'static str, span: Span, kind: FactKind) {
        if self.seen.insert(kind.clone()) {
            match &kind {
                FactKind::PartyMember { person, party } => self.parties_of.entry(*person).or_default().push(*party),
                FactKind::HoldsPost { person, post } => {
                    self.posts_of.entry(*person).or_default().push(post.label.clone())
                }
                _ => {}
            }
            self.facts.push(Fact { rule, span, kind });
        }
    }

    pub(crate) fn add_council(&mut self, c: usize) {
        if !self.councils.contains(&c) {
            self.councils.push(c);
        }
    }

    pub(crate) fn add_party(&mut self, p: usize) {
        if !self.parties.contains(&p) {
            self.parties.push(p);
        }
    }

    /// The local index of an organisation, added if new.
    pub(crate) fn organisation(&mut self, o: Organisation) -> usize {
        if let Some(i) = self.organisations.iter().position(|x| x.name == o.name) {
            return i;
        }
        self.organisations.push(o);
        self.organisations.len() - 1
    }
}

/// Runs every extractor over one segmented document.
pub fn extract(seg: &Segmented<'_>, doc: &Document) -> Extraction {
    let mut out = Extraction::default();
    let mut ctx = context::Context::new(seg, &mut out);
    person::find_people(&ctx, &mut out);
    let posts = post::find_posts(&ctx, &mut out);
    post::attach(&ctx, &posts, &mut out);
    party::find(&ctx, &mut out);
    let agents = agent::find(&ctx, &out);
    let resolved = attribution::attribute(&mut ctx, &agents, &mut out);
    resignation::find(&ctx, &agents, &resolved, &mut out);
    control::find(&ctx, &mut out);
    rating::find(&ctx, &mut out);
    let byline_date = byline::find(&ctx, doc, &mut out);
    dateline::find(&ctx, doc, byline_date, &mut out);
    person::infer_council_membership(&ctx, &mut out);
    out.primary_council = ctx.primary_council;
    out
}
