//! Political parties with their Wikidata ids and drawing colours.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

const TABLE: &str = include_str!("../../ontology/reference/parties.tsv");

/// One party (or the "independent" marker, which is not a party).
#[derive(Debug, Clone)]
pub struct Party {
    /// Stable key, e.g. `conservative`.
    pub key: String,
    /// Display label, e.g. `Conservative Party`.
    pub name: String,
    pub wikidata: Option<String>,
    /// Electoral Commission register numbers, e.g. `PP53`; a joint
    /// description (Labour and Co-operative) has one per party.
    pub ec_ids: Vec<String>,
    /// `#RRGGBB`, for drawing.
    pub colour: Option<String>,
    /// False for independents: a status, not an organisation.
    pub is_party: bool,
}

/// How reliable a party word is on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Only inside a parenthesis after a name: "(Lab, Riverside)", "(Con)".
    Abbreviation,
    /// A common word too ("Green", "Reform", "Independent"): only right
    /// before a post or "group"/"party".
    Weak,
    /// Unambiguous: "Labour", "Tories", "Liberal Democrats".
    Strong,
}

/// A party named in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartyHit {
    pub party: usize,
    pub strength: Strength,
    pub byte_start: usize,
    pub byte_end: usize,
}

pub struct Parties {
    pub all: Vec<Party>,
    forms: AhoCorasick,
    form_info: Vec<(usize, Strength)>,
}

/// Forms that are ordinary words as well as party names.
const WEAK: &[&str] = &[
    "Green",
    "Greens",
    "Reform",
    "Independent",
    "Independents",
    "Alliance",
    "Respect",
    "Aspire",
    "Alba",
    "Plaid",
    "Liberal",
];

fn strength_of(form: &str) -> Strength {
    if WEAK.contains(&form) {
        Strength::Weak
    } else if form.len() <= 4
        && form.chars().all(|c| c.is_ascii_uppercase() || c == '-')
        && !["UKIP", "SNP", "DUP", "UUP", "BNP", "SDLP", "SDP", "TUSC"].contains(&form)
    {
        Strength::Abbreviation
    } else if form.len() <= 4
        && form.chars().next().is_some_and(|c| c.is_uppercase())
        && form.chars().skip(1).all(|c| c.is_lowercase())
        && !["Tory"].contains(&form)
    {
        // "Con", "Lab", "Ind", "Cons"
        Strength::Abbreviation
    } else {
        Strength::Strong
    }
}

fn build() -> Parties {
    let mut all = Vec::new();
    let mut forms: Vec<(String, usize, Strength)> = Vec::new();
    for row in super::rows(TABLE) {
        if row.len() < 8 {
            continue;
        }
        let i = all.len();
        let key = row[0].to_owned();
        let name = row[1].to_owned();
        let mut names: Vec<String> = vec![name.clone()];
        names.extend(super::aliases(row[2]).map(str::to_owned));
        // Forms newspapers use that the table leaves implicit.
        match key.as_str() {
            "conservative" => names.extend(["Conservatives", "Tory", "Tories", "Cons"].map(String::from)),
            "labour" => names.extend(["Labour Party"].map(String::from)),
            "libdem" => {
                names.extend(["Liberal Democrats", "Lib Dems", "Lib Dem", "LibDem", "LibDems"].map(String::from))
            }
            "green" => names.extend(["Green Party", "Greens", "Green"].map(String::from)),
            "ukip" => names.extend(["Ukip"].map(String::from)),
            _ => {}
        }
        for n in names {
            let s = strength_of(&n);
            forms.push((n, i, s));
        }
        all.push(Party {
            key,
            name,
            wikidata: Some(row[3].to_owned()).filter(|w| !w.is_empty()),
            ec_ids: row[6].split('+').map(str::trim).filter(|e| !e.is_empty()).map(str::to_owned).collect(),
            colour: Some(row[4].to_owned()).filter(|c| !c.is_empty()),
            is_party: row[7] != "false",
        });
    }
    forms.sort_by(|a, b| a.0.cmp(&b.0));
    forms.dedup_by(|a, b| a.0 == b.0);
    let forms_ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(forms.iter().map(|f| f.0.as_str()))
        .unwrap_or_else(|e| unreachable!("party gazetteer: {e}"));
    Parties { all, forms: forms_ac, form_info: forms.iter().map(|f| (f.1, f.2)).collect() }
}

/// The party table, parsed on first use.
pub static PARTIES: LazyLock<Parties> = LazyLock::new(build);

impl Parties {
    /// Every party form in `text`, left to right (case-sensitive: party
    /// names are proper nouns).
    pub fn find(&self, text: &str) -> Vec<PartyHit> {
        self.forms
            .find_iter(text)
            .filter(|m| super::is_word_bounded(text, m.start(), m.end()))
            .map(|m| {
                let (party, strength) = self.form_info[m.pattern().as_usize()];
                PartyHit { party, strength, byte_start: m.start(), byte_end: m.end() }
            })
            .collect()
    }

    /// The party a whole phrase names, e.g. "Tories" or "Lib Dem".
    pub fn lookup(&self, phrase: &str, min: Strength) -> Option<usize> {
        let hits = self.find(phrase);
        hits.first().filter(|h| h.byte_start == 0 && h.byte_end == phrase.len() && h.strength >= min).map(|h| h.party)
    }

    /// The index of the party with this key.
    pub fn by_key(&self, key: &str) -> Option<usize> {
        self.all.iter().position(|p| p.key == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_and_strengths() {
        let p = &*PARTIES;
        let key = |s: &str| p.lookup(s, Strength::Abbreviation).map(|i| p.all[i].key.as_str());
        assert_eq!(key("Tories"), Some("conservative"));
        assert_eq!(key("Tory"), Some("conservative"));
        assert_eq!(key("Lib Dem"), Some("libdem"));
        assert_eq!(key("UKIP"), Some("ukip"));
        assert_eq!(key("Lab"), Some("labour"));
        assert_eq!(p.lookup("Lab", Strength::Strong), None);
        assert_eq!(p.lookup("Green", Strength::Strong), None);
        assert_eq!(p.lookup("Green", Strength::Weak).map(|i| p.all[i].key.as_str()), Some("green"));
        assert!(!p.all[p.by_key("independent").unwrap_or(0)].is_party);
    }

    #[test]
    fn labour_is_not_found_in_laboured() {
        assert!(PARTIES.find("a laboured Labourite point").is_empty());
    }
}
