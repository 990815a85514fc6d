//! National bodies that speak in children's-services news: the inspectorate,
//! charities, government departments.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

const TABLE: &str = include_str!("../../ontology/reference/organisations.tsv");

/// What kind of body an organisation is (descriptions such as "the charity"
/// refer back by kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OrgKind {
    Inspectorate,
    Charity,
    Government,
    Association,
    Agency,
    Ombudsman,
    Office,
    Trust,
    Other,
}

impl OrgKind {
    fn parse(s: &str) -> Self {
        match s {
            "inspectorate" => Self::Inspectorate,
            "charity" => Self::Charity,
            "government" => Self::Government,
            "association" => Self::Association,
            "agency" => Self::Agency,
            "ombudsman" => Self::Ombudsman,
            "office" => Self::Office,
            "trust" => Self::Trust,
            _ => Self::Other,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Organisation {
    pub key: String,
    pub name: String,
    pub kind: OrgKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrgHit {
    pub org: usize,
    pub byte_start: usize,
    pub byte_end: usize,
}

pub struct Organisations {
    pub all: Vec<Organisation>,
    forms: AhoCorasick,
    form_ids: Vec<usize>,
}

fn build() -> Organisations {
    let mut all = Vec::new();
    let mut forms: Vec<(String, usize)> = Vec::new();
    for row in super::rows(TABLE) {
        if row.len() < 4 {
            continue;
        }
        let i = all.len();
        forms.push((row[1].to_owned(), i));
        for a in super::aliases(row[2]) {
            forms.push((a.to_owned(), i));
        }
        all.push(Organisation { key: row[0].to_owned(), name: row[1].to_owned(), kind: OrgKind::parse(row[3]) });
    }
    forms.sort();
    forms.dedup_by(|a, b| a.0 == b.0);
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .build(forms.iter().map(|f| f.0.as_str()))
        .unwrap_or_else(|e| unreachable!("organisation gazetteer: {e}"));
    Organisations { all, forms: ac, form_ids: forms.iter().map(|f| f.1).collect() }
}

/// The table of national bodies, parsed on first use.
pub static ORGANISATIONS: LazyLock<Organisations> = LazyLock::new(build);

impl Organisations {
    pub fn find(&self, text: &str) -> Vec<OrgHit> {
        self.forms
            .find_iter(text)
            .filter(|m| super::is_word_bounded(text, m.start(), m.end()))
            .map(|m| OrgHit { org: self.form_ids[m.pattern().as_usize()], byte_start: m.start(), byte_end: m.end() })
            .collect()
    }

    pub fn by_key(&self, key: &str) -> Option<usize> {
        self.all.iter().position(|o| o.key == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_bodies_by_name_and_alias() {
        let o = &*ORGANISATIONS;
        let hits = o.find("The DfE and Ofsted wrote to the NSPCC.");
        let keys: Vec<&str> = hits.iter().map(|h| o.all[h.org].key.as_str()).collect();
        assert_eq!(keys, ["dfe", "ofsted", "nspcc"]);
    }
}
