//! Resolve: the entities one document names → IRIs shared by every
//! document.
//!
//! Within a document, `extract` has already joined a person's mentions
//! ("Jane Doe", "Cllr Doe", "she"). Across documents, an entity's IRI comes
//! from a normalised key — a person's full name and [`anchor`] (the body the
//! document ties them to), a council's ONS code, a party's reference key, a
//! body's reference key or name — so the same person, council or party is
//! one IRI in every document and on every run, and two people who share a
//! name but not a council stay apart.

pub mod anchor;
pub mod events;
pub mod iri;

pub use iri::{short_hash, slug, BaseIriError, Iris};

use crate::extract::{Area, Entity, Extraction, Grade};
use crate::graph::vocab::ns;
use crate::reference::councils::COUNCILS;
use crate::reference::parties::PARTIES;
use oxigraph::model::NamedNode;

/// The key under which a person is the same across documents: the name,
/// with curly apostrophes and spacing normalised.
pub fn person_key(name: &str) -> String {
    name.replace('’', "'").split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Iris {
    /// Person `p` of an extraction: `person/{name}/{anchor}`, or
    /// `person/{name}` when the document ties them to no body at all.
    pub fn person(&self, x: &Extraction, p: usize) -> NamedNode {
        let name = person_key(&x.persons[p].name);
        match anchor::of(x, p) {
            Some(a) => self.mint2("person", &name, &a.key()),
            None => self.mint("person", &name),
        }
    }
    pub fn council(&self, council: usize) -> NamedNode {
        self.mint("council", &COUNCILS.all[council].gss)
    }
    pub fn party(&self, party: usize) -> NamedNode {
        self.mint("party", &PARTIES.all[party].key)
    }
    pub fn organisation(&self, key: &str) -> NamedNode {
        self.mint("org", key)
    }
    pub fn role(&self, label: &str) -> NamedNode {
        self.mint("role", label)
    }
    pub fn ward(&self, council: Option<usize>, ward: &str) -> NamedNode {
        match council {
            Some(c) => self.mint2("ward", &COUNCILS.all[c].gss, ward),
            None => self.mint("ward", ward),
        }
    }
}

/// The IRIs of the entities one extraction names. A person's anchor reads
/// the document's facts, so each person's IRI is worked out once here, not
/// at every fact that names them.
pub struct EntityIris<'a> {
    iris: &'a Iris,
    x: &'a Extraction,
    people: Vec<NamedNode>,
}

impl<'a> EntityIris<'a> {
    pub fn new(iris: &'a Iris, x: &'a Extraction) -> Self {
        let people = (0..x.persons.len()).map(|p| iris.person(x, p)).collect();
        Self { iris, x, people }
    }

    /// The IRI of any entity the extraction names.
    pub fn of(&self, e: Entity) -> NamedNode {
        match e {
            Entity::Person(p) => self.people[p].clone(),
            Entity::Council(c) => self.iris.council(c),
            Entity::Party(p) => self.iris.party(p),
            Entity::Organisation(o) => {
                let org = &self.x.organisations[o];
                self.iris.organisation(org.reference.as_deref().unwrap_or(&org.name))
            }
        }
    }
}

/// The ONS statistical-geography IRI of a council.
pub fn ons_iri(council: usize) -> NamedNode {
    NamedNode::new_unchecked(format!("{}{}", ns::ONS, COUNCILS.all[council].gss))
}

/// A Wikidata entity IRI.
pub fn wikidata_iri(qid: &str) -> Option<NamedNode> {
    NamedNode::new(format!("{}{}", ns::WIKIDATA, qid)).ok()
}

/// The SKOS concept of a judgement area (declared in the ontology).
pub fn area_concept(a: Area) -> NamedNode {
    let local = match a {
        Area::Overall => "area-overall-effectiveness",
        Area::HelpAndProtection => "area-help-and-protection",
        Area::LookedAfter => "area-children-looked-after",
        Area::Adoption => "area-adoption-performance",
        Area::CareLeavers => "area-care-leavers",
        Area::Leadership => "area-leadership",
    };
    NamedNode::new_unchecked(format!("{}{local}", ns::CG))
}

/// The SKOS concept of a grade (declared in the ontology).
pub fn grade_concept(g: Grade) -> NamedNode {
    let local = match g {
        Grade::Outstanding => "grade-outstanding",
        Grade::Good => "grade-good",
        Grade::RequiresImprovement => "grade-requires-improvement",
        Grade::Inadequate => "grade-inadequate",
    };
    NamedNode::new_unchecked(format!("{}{local}", ns::CG))
}

/// The local names of every concept `area_concept` and `grade_concept` mint.
pub const CONCEPT_LOCAL_NAMES: &[&str] = &[
    "area-overall-effectiveness",
    "area-help-and-protection",
    "area-children-looked-after",
    "area-adoption-performance",
    "area-care-leavers",
    "area-leadership",
    "grade-outstanding",
    "grade-good",
    "grade-requires-improvement",
    "grade-inadequate",
];
