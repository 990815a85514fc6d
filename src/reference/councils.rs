//! English, Welsh and Scottish local authorities with their ONS (GSS) codes.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::sync::LazyLock;

const TABLE: &str = include_str!("../../ontology/reference/local-authorities.tsv");

/// One local authority.
#[derive(Debug, Clone)]
pub struct Council {
    /// Current GSS code, e.g. `E08000027`.
    pub gss: String,
    /// The place name, e.g. `Dudley`.
    pub name: String,
    /// The official name, e.g. `Dudley Metropolitan Borough Council`.
    pub official_name: String,
    /// The display label, e.g. `Dudley Council`.
    pub label: String,
    /// Wikidata item of the council body (not of its area).
    pub wikidata: Option<String>,
    /// GOV.UK local-authority register code, e.g. `DUD`.
    pub register_code: Option<String>,
    pub current: bool,
}

/// How a council was named in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CouncilForm {
    /// As a council: "Dudley Council", "Dudley MBC", the official name.
    Council,
    /// Only the place: "Dudley".
    Place,
}

/// A council named in a text, with its byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CouncilHit {
    pub council: usize,
    pub form: CouncilForm,
    pub byte_start: usize,
    pub byte_end: usize,
}

pub struct Councils {
    pub all: Vec<Council>,
    council_forms: AhoCorasick,
    council_form_ids: Vec<usize>,
    place_forms: AhoCorasick,
    place_form_ids: Vec<usize>,
}

const SUFFIXES: &[&str] = &[
    "Council",
    "Metropolitan Borough Council",
    "Metropolitan District Council",
    "Borough Council",
    "City Council",
    "County Council",
    "District Council",
    "MBC",
    "Met Council",
    "council",
    "borough council",
    "city council",
    "county council",
];

fn build() -> Councils {
    let mut all = Vec::new();
    let mut cforms: Vec<(String, usize)> = Vec::new();
    let mut pforms: Vec<(String, usize)> = Vec::new();
    for row in super::rows(TABLE) {
        if row.len() < 7 {
            continue;
        }
        let i = all.len();
        let name = row[1].to_owned();
        let official = row[2].to_owned();
        let aliases: Vec<&str> = super::aliases(row[4]).collect();
        let short = format!("{name} Council");
        // "Leeds City Council", "Kent County Council" as written; "Dudley
        // Metropolitan Borough Council" as people say it, "Dudley Council".
        let formal = official.contains("City Council")
            || official.contains("County Council")
            || official.starts_with("Royal Borough")
            || (official.starts_with("City of") && !official.contains("Metropolitan"));
        let label = if !formal && (official == short || aliases.iter().any(|a| *a == short)) {
            short
        } else {
            official.clone()
        };
        let current = row[6] == "current";
        for s in SUFFIXES {
            cforms.push((format!("{name} {s}"), i));
        }
        cforms.push((official.clone(), i));
        for a in &aliases {
            cforms.push(((*a).to_owned(), i));
        }
        pforms.push((name.clone(), i));
        all.push(Council {
            gss: row[0].to_owned(),
            name,
            official_name: official,
            label,
            wikidata: Some(row[5].to_owned()).filter(|w| !w.is_empty()),
            register_code: row.get(11).filter(|r| !r.is_empty()).map(|r| (*r).to_owned()),
            current,
        });
    }
    // A name used by an abolished and a current council resolves to the current one.
    let prefer_current = |forms: &mut Vec<(String, usize)>| {
        forms.sort_by(|a, b| a.0.cmp(&b.0).then(all[b.1].current.cmp(&all[a.1].current)));
        forms.dedup_by(|a, b| a.0 == b.0);
    };
    prefer_current(&mut cforms);
    prefer_current(&mut pforms);
    let build_ac = |forms: &[(String, usize)]| {
        AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(forms.iter().map(|f| f.0.as_str()))
            .unwrap_or_else(|e| unreachable!("council gazetteer: {e}"))
    };
    Councils {
        council_forms: build_ac(&cforms),
        council_form_ids: cforms.iter().map(|f| f.1).collect(),
        place_forms: build_ac(&pforms),
        place_form_ids: pforms.iter().map(|f| f.1).collect(),
        all,
    }
}

/// The council table, parsed on first use.
pub static COUNCILS: LazyLock<Councils> = LazyLock::new(build);

impl Councils {
    /// Every council named in `text`, as a council or as a place, left to
    /// right, longest match first; a council form wins over a place inside it.
    pub fn find(&self, text: &str) -> Vec<CouncilHit> {
        let mut hits: Vec<CouncilHit> = Vec::new();
        for m in self.council_forms.find_iter(text) {
            if super::is_word_bounded(text, m.start(), m.end()) {
                hits.push(CouncilHit {
                    council: self.council_form_ids[m.pattern().as_usize()],
                    form: CouncilForm::Council,
                    byte_start: m.start(),
                    byte_end: m.end(),
                });
            }
        }
        let council_hits = hits.len();
        for m in self.place_forms.find_iter(text) {
            let inside = hits[..council_hits].iter().any(|h| m.start() < h.byte_end && h.byte_start < m.end());
            if !inside && super::is_word_bounded(text, m.start(), m.end()) {
                hits.push(CouncilHit {
                    council: self.place_form_ids[m.pattern().as_usize()],
                    form: CouncilForm::Place,
                    byte_start: m.start(),
                    byte_end: m.end(),
                });
            }
        }
        hits.sort_by_key(|h| h.byte_start);
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_councils_and_places() {
        let c = &*COUNCILS;
        let text = "Sandwell MBC and Dudley Metropolitan Borough Council met in Dudley; Dudley council agreed.";
        let hits = c.find(text);
        let names: Vec<(&str, CouncilForm, &str)> =
            hits.iter().map(|h| (c.all[h.council].gss.as_str(), h.form, &text[h.byte_start..h.byte_end])).collect();
        assert_eq!(
            names,
            vec![
                ("E08000028", CouncilForm::Council, "Sandwell MBC"),
                ("E08000027", CouncilForm::Council, "Dudley Metropolitan Borough Council"),
                ("E08000027", CouncilForm::Place, "Dudley"),
                ("E08000027", CouncilForm::Council, "Dudley council"),
            ]
        );
        assert_eq!(c.all[hits[0].council].label, "Sandwell Council");
    }

    #[test]
    fn places_need_word_boundaries_and_capitals() {
        let hits = COUNCILS.find("Readingly, they were reading about Buryfield.");
        assert!(hits.is_empty(), "{hits:?}");
    }
}
