//! Extraction through the binary: entities are one IRI across documents,
//! councils serve their ONS areas, and the three input forms of one article give
//! the same facts.

use crate::util::{cg, csv_rows, ok, root, seed_store};

#[test]
fn one_iri_per_person_across_documents() {
    let rows = csv_rows(
        seed_store(),
        "SELECT DISTINCT ?p ?doc WHERE { GRAPH ?g { ?q <http://schema.org/creator> ?p . ?g <http://purl.org/dc/terms/identifier> ?doc } ?p <http://www.w3.org/2000/01/rdf-schema#label> \"Sarah Norman\" }",
    );
    let iris: std::collections::BTreeSet<&String> = rows.iter().map(|r| &r[0]).collect();
    let docs: Vec<&str> = rows.iter().map(|r| r[1].as_str()).collect();
    assert_eq!(iris.len(), 1, "{rows:?}");
    assert_eq!(docs, ["001_e9a50d3fe32fcae9", "002_998a4d9671fc4d96", "004_773e6525f7c0014f"]);
    // every label names one entity per class
    let dup = csv_rows(
        seed_store(),
        "SELECT ?l WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?l ; a ?t . FILTER(?t IN (<http://schema.org/Person>, <http://schema.org/PoliticalParty>, <https://w3id.org/councilgraph/ns#Council>)) } GROUP BY ?l ?t HAVING (COUNT(DISTINCT ?e) > 1)",
    );
    assert!(dup.is_empty(), "{dup:?}");
}

#[test]
fn councils_serve_their_ons_areas() {
    let rows = csv_rows(
        seed_store(),
        "SELECT DISTINCT ?l ?ons WHERE { ?c a <https://w3id.org/councilgraph/ns#Council> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l ; <http://schema.org/areaServed> ?ons . }",
    );
    assert!(
        rows.contains(&vec![
            "Dudley Council".into(),
            "http://statistics.data.gov.uk/id/statistical-geography/E08000027".into()
        ]),
        "{rows:?}"
    );
    assert!(
        rows.contains(&vec![
            "Sandwell Council".into(),
            "http://statistics.data.gov.uk/id/statistical-geography/E08000028".into()
        ]),
        "{rows:?}"
    );
}

#[test]
fn html_and_json_lines_give_the_same_facts_as_text() {
    let dir = root().join("tests/fixtures/ingest");
    let facts = |file: &str| {
        let (out, _) = ok(cg().arg("extract").arg(dir.join(file)));
        let mut v: Vec<String> = out
            .lines()
            .filter(|l| {
                !l.contains("purl.org/dc/terms/source")
                    && !l.contains("schema.org/headline")
                    && !l.contains("schema.org/url")
                    && !l.contains("schema.org/author")
                    && !l.contains("datePublished")
                    && !l.contains("person/pat-rowe")
            })
            .map(str::to_owned)
            .collect();
        v.sort();
        v
    };
    let text = facts("article.txt");
    assert!(text.iter().any(|l| l.contains("Quotation")), "{text:?}");
    assert_eq!(text, facts("article.html"));
    assert_eq!(text, facts("article.jsonl"));
}

#[test]
fn explain_gives_sources() {
    let (out, _) = ok(cg().args(["explain", "Tim Crumpton", "--store"]).arg(seed_store()));
    assert!(out.contains("Tim Crumpton (person)"), "{out}");
    assert!(out.contains("[000_75f2b3a10f055015]"), "{out}");
    assert!(out.contains("cabinet member for children's services"), "{out}");
    assert!(out.contains("Patrick Harley called for their resignation"), "{out}");
    let err = crate::util::fails(cg().args(["explain", "Nobody Atall", "--store"]).arg(seed_store()));
    assert!(err.contains("nothing in the graph"), "{err}");
}
