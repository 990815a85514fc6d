//! Civic identifiers of English children's services authorities, by GSS
//! code: the DfE local-authority code and Ofsted's local-authority URN
//! (`ontology/reference/la-identifiers.tsv`, sources in its `SOURCES.md`).

use std::collections::HashMap;
use std::sync::LazyLock;

const TABLE: &str = include_str!("../../ontology/reference/la-identifiers.tsv");

/// The codes other datasets use for one authority; either may be unknown.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LaIdentifiers {
    /// DfE local-authority number, e.g. `332`.
    pub dfe_la_code: Option<String>,
    /// Ofsted's unique reference number for the authority, e.g. `80464`.
    pub ofsted_urn: Option<String>,
}

fn cell(row: &[&str], i: usize) -> Option<String> {
    row.get(i).filter(|c| !c.is_empty()).map(|c| (*c).to_owned())
}

fn build() -> HashMap<String, LaIdentifiers> {
    super::rows(TABLE)
        .filter(|row| !row.is_empty() && !row[0].is_empty())
        .map(|row| (row[0].to_owned(), LaIdentifiers { dfe_la_code: cell(&row, 2), ofsted_urn: cell(&row, 3) }))
        .collect()
}

/// The crosswalk, keyed by GSS code, parsed on first use.
pub static LA_IDENTIFIERS: LazyLock<HashMap<String, LaIdentifiers>> = LazyLock::new(build);

/// The identifiers of the authority with this GSS code, if the table has it.
pub fn by_gss(gss: &str) -> Option<&'static LaIdentifiers> {
    LA_IDENTIFIERS.get(gss)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_a_gss_code_and_a_code() {
        assert!(LA_IDENTIFIERS.len() > 150, "{}", LA_IDENTIFIERS.len());
        for (gss, ids) in LA_IDENTIFIERS.iter() {
            assert_eq!(gss.len(), 9, "{gss}");
            assert!(ids.dfe_la_code.is_some() || ids.ofsted_urn.is_some(), "{gss}: no code");
        }
    }

    #[test]
    fn abolished_councils_may_lack_a_urn() {
        let without_urn = LA_IDENTIFIERS.values().filter(|i| i.ofsted_urn.is_none()).count();
        assert!(without_urn < 20, "{without_urn}");
    }
}
