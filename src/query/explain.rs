//! `explain NAME`: everything the graph holds about the entities whose
//! label matches NAME, each fact with the document and the sentence it came
//! from.

use super::wording::{self, End};
use super::QueryError;
use crate::terminal::escape;
use oxigraph::model::Term;
use oxigraph::sparql::QueryResults;
use oxigraph::store::Store;
use std::io::Write;

const PREFIXES: &str = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX schema: <http://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX cg: <https://w3id.org/councilgraph/ns#>
";

fn rows(store: &Store, q: &str) -> Result<Vec<Vec<String>>, QueryError> {
    let results = super::prepare(&format!("{PREFIXES}{q}"))?
        .on_store(store)
        .execute()
        .map_err(|e| QueryError::Evaluation(e.to_string()))?;
    let mut out = Vec::new();
    if let QueryResults::Solutions(s) = results {
        for row in s {
            let row = row.map_err(|e| QueryError::Evaluation(e.to_string()))?;
            out.push(
                row.values()
                    .iter()
                    .map(|t| match t {
                        Some(Term::Literal(l)) => l.value().to_owned(),
                        Some(Term::NamedNode(n)) => n.as_str().to_owned(),
                        Some(t) => t.to_string(),
                        None => String::new(),
                    })
                    .collect(),
            );
        }
    }
    Ok(out)
}

fn lit(s: &str) -> String {
    let escaped: String = s
        .chars()
        .flat_map(|c| match c {
            '"' => vec!['\\', '"'],
            '\\' => vec!['\\', '\\'],
            '\n' => vec![' '],
            c => vec![c],
        })
        .collect();
    format!("\"{escaped}\"")
}

/// A fact row (doc, what, sentence, property, other end's label, which end)
/// as (doc, what in words, sentence).
fn in_words(mut r: Vec<String>) -> (String, String, String) {
    r.resize(6, String::new());
    let what = match r[5].as_str() {
        "subject" => wording::relation(&r[3], End::Subject, &r[4]),
        "object" => wording::relation(&r[3], End::Object, &r[4]),
        _ => std::mem::take(&mut r[1]),
    };
    (std::mem::take(&mut r[0]), what, std::mem::take(&mut r[2]))
}

/// Prints what the graph holds about entities named like `name`; returns
/// how many entities matched.
pub fn explain(store: &Store, name: &str, out: &mut dyn Write) -> Result<usize, QueryError> {
    let found = rows(
        store,
        &format!(
            "SELECT DISTINCT ?e ?label ?type WHERE {{ ?e rdfs:label ?label ; rdf:type ?type .
               FILTER(?type IN (schema:Person, schema:PoliticalParty, cg:Council, schema:Organization, schema:GovernmentOrganization, cg:Ward))
               FILTER(CONTAINS(LCASE(STR(?label)), LCASE({}))) }} ORDER BY ?label",
            lit(name)
        ),
    )?;
    let mut seen = std::collections::BTreeSet::new();
    for f in &found {
        let (e, label, ty) = (&f[0], &f[1], &f[2]);
        if !seen.insert(e.clone()) {
            continue;
        }
        let kind = wording::class(ty);
        writeln!(out, "{} ({}) <{}>", escape(label), escape(&kind), escape(e))?;
        let facts = rows(
            store,
            &format!(
                "SELECT ?doc ?what ?sentence ?p ?other ?end WHERE {{
                  {{ GRAPH ?g {{ ?st rdf:subject <{e}> ; rdf:predicate ?p ; rdf:object ?o ; cg:sentence ?sentence . ?o rdfs:label ?other . }}
                     BIND(\"subject\" AS ?end) }}
                  UNION
                  {{ GRAPH ?g {{ ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object <{e}> ; cg:sentence ?sentence . ?s rdfs:label ?other . }}
                     BIND(\"object\" AS ?end) }}
                  UNION
                  {{ GRAPH ?g {{ ?m org:member <{e}> ; org:role ?r ; cg:sentence ?sentence . ?r rdfs:label ?rl .
                       OPTIONAL {{ ?m org:organization ?o . ?o rdfs:label ?ol }} OPTIONAL {{ ?m cg:former ?f }} }}
                     BIND(CONCAT(IF(BOUND(?f), \"former \", \"\"), ?rl, IF(BOUND(?ol), CONCAT(\", \", ?ol), \"\")) AS ?what) }}
                  UNION
                  {{ GRAPH ?g {{ ?q schema:creator <{e}> ; schema:text ?t . }} BIND(\"said\" AS ?what) BIND(?t AS ?sentence) }}
                  UNION
                  {{ GRAPH ?g {{ ?i cg:inspectedBody <{e}> ; cg:judgement ?j . ?j cg:judgementArea ?a ; cg:grade ?gr ; cg:sentence ?sentence . }}
                     ?a skos:prefLabel ?al . ?gr skos:prefLabel ?grl .
                     BIND(CONCAT(\"rated \", ?grl, \" for \", ?al) AS ?what) }}
                  ?g dcterms:identifier ?doc .
                }} ORDER BY ?doc ?what ?sentence"
            ),
        )?;
        if facts.is_empty() {
            writeln!(out, "  (named, but no facts)")?;
        }
        let mut facts: Vec<(String, String, String)> = facts.into_iter().map(in_words).collect();
        facts.sort();
        for (doc, what, sentence) in facts {
            let sentence = sentence.replace('\n', " ");
            writeln!(out, "  [{}] {}\n      “{}”", escape(&doc), escape(&what), escape(&sentence))?;
        }
    }
    Ok(seen.len())
}
