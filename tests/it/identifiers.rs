//! Councils and parties carry the identifiers civic datasets join on, from
//! the reference tables; `owl:sameAs` never joins two kinds of thing.

use crate::util::{csv_rows, root, seed_store};
use std::collections::BTreeMap;

/// Rows of a reference table (header dropped), as cells.
fn table(name: &str) -> Vec<Vec<String>> {
    let path = root().join("ontology/reference").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines().skip(1).map(|l| l.split('\t').map(|c| c.trim().to_owned()).collect()).collect()
}

#[test]
fn dudley_carries_its_civic_identifiers() {
    let rows = csv_rows(
        seed_store(),
        "PREFIX cg: <https://w3id.org/councilgraph/ns#>
         SELECT DISTINCT ?gss ?la ?urn ?reg WHERE {
           ?c a cg:Council ; cg:gssCode ?gss ; cg:dfeLaCode ?la ; cg:ofstedUrn ?urn ; cg:registerCode ?reg .
           FILTER(?gss = \"E08000027\") }",
    );
    assert_eq!(rows, [["E08000027", "332", "80464", "DUD"]]);
    let crosswalk = table("la-identifiers.tsv");
    let row = crosswalk.iter().find(|r| r[0] == "E08000027").unwrap_or_else(|| panic!("no Dudley row"));
    assert_eq!((row[2].as_str(), row[3].as_str(), row[4].as_str()), ("332", "80464", "DUD"));
}

#[test]
fn parties_carry_electoral_commission_ids() {
    let rows = csv_rows(
        seed_store(),
        "SELECT DISTINCT ?l ?ec WHERE { ?p a <http://schema.org/PoliticalParty> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l ; <https://w3id.org/councilgraph/ns#electoralCommissionId> ?ec }",
    );
    let expected: Vec<Vec<String>> = table("parties.tsv")
        .into_iter()
        .filter(|r| rows.iter().any(|got| got[0] == r[1]))
        .flat_map(|r| r[6].split('+').map(|ec| vec![r[1].clone(), ec.to_owned()]).collect::<Vec<_>>())
        .collect();
    assert!(rows.len() >= 2, "{rows:?}");
    let mut expected = expected;
    expected.sort();
    assert_eq!(rows, expected);
}

/// What a `owl:sameAs` target is, from the reference tables that supply it.
fn target_kinds() -> BTreeMap<String, &'static str> {
    let mut kinds = BTreeMap::new();
    for r in table("local-authorities.tsv").iter().filter(|r| !r[5].is_empty()) {
        kinds.insert(format!("http://www.wikidata.org/entity/{}", r[5]), "council body");
    }
    for r in table("parties.tsv").iter().filter(|r| !r[3].is_empty()) {
        let kind = if r[7] == "false" { "class of politician" } else { "party" };
        kinds.insert(format!("http://www.wikidata.org/entity/{}", r[3]), kind);
    }
    kinds
}

#[test]
fn same_as_joins_only_things_of_one_kind() {
    let rows = csv_rows(
        seed_store(),
        "SELECT DISTINCT ?s ?type ?o WHERE { { ?s <http://www.w3.org/2002/07/owl#sameAs> ?o } UNION { ?s <http://schema.org/sameAs> ?o } OPTIONAL { ?s a ?type } }",
    );
    assert!(!rows.is_empty(), "no sameAs links in the seed graph");
    let kinds = target_kinds();
    let subject_kind = |t: &str| match t {
        "https://w3id.org/councilgraph/ns#Council" => "council body",
        "http://schema.org/PoliticalParty" => "party",
        _ => "other",
    };
    let listing: Vec<String> = rows
        .iter()
        .map(|r| {
            format!("{} ({}) sameAs {} ({})", r[0], subject_kind(&r[1]), r[2], kinds.get(&r[2]).unwrap_or(&"unknown"))
        })
        .collect();
    println!("{}", listing.join("\n"));
    for r in &rows {
        let target = kinds.get(&r[2]).copied().unwrap_or("unknown");
        assert_eq!(subject_kind(&r[1]), target, "{} a {} is owl:sameAs {} ({target})", r[0], r[1], r[2]);
    }
}
