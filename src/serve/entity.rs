//! Linked Data: every IRI minted under the served base resolves at its path
//! (`/id/person/sarah-norman/e08000027`): HTML for browsers — label, class, facts
//! grouped by property with the article and sentence each came from,
//! posts, quotations, ratings, what points at it — and its description
//! (`DESCRIBE`) in Turtle, N-Triples, JSON-LD or RDF/XML by `Accept`.
//! `/search?q=NAME` finds entities by name.

use super::execute::{Dataset, Job};
use super::html::{esc, href, page, term, words};
use super::http::Request;
use super::negotiate::{Format, GRAPHS};
use super::protocol::{clean, form_pairs, negotiate};
use super::reply::Reply;
use super::Shared;
use oxigraph::model::{NamedNode, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use oxigraph::store::Store;
use std::collections::BTreeMap;
use std::fmt::Write;

const PREFIXES: &str = "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <http://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX cg: <https://w3id.org/councilgraph/ns#>
";

/// A document's caption: headline or identifier, and date.
const DOC_CAPTION: &str = "OPTIONAL { ?g dcterms:identifier ?gid } OPTIONAL { ?g schema:headline ?gh }
  OPTIONAL { ?g schema:datePublished ?gd }
  BIND(CONCAT(COALESCE(?gh, ?gid, STR(?g)), IF(BOUND(?gd), CONCAT(\" (\", STR(?gd), \")\"), \"\")) AS ?doc)";

type Row = Vec<Option<Term>>;

/// Rows of one of our own SELECT queries (the store's default graph: the
/// documents' merged triples, each once).
fn rows(store: &Store, query: &str) -> Result<Vec<Row>, String> {
    let prepared = SparqlEvaluator::new().parse_query(&format!("{PREFIXES}{query}")).map_err(|e| e.to_string())?;
    let QueryResults::Solutions(solutions) = prepared.on_store(store).execute().map_err(|e| e.to_string())? else {
        return Ok(Vec::new());
    };
    solutions.map(|s| s.map(|s| s.values().to_vec()).map_err(|e| e.to_string())).collect()
}

fn text(t: &Option<Term>) -> Option<&str> {
    match t {
        Some(Term::Literal(l)) => Some(l.value()),
        Some(Term::NamedNode(n)) => Some(n.as_str()),
        _ => None,
    }
}

/// Answers `GET /id/…`.
pub fn reply(shared: &Shared, request: &Request) -> Reply {
    let base = &shared.settings.base;
    let rest = request.path().trim_start_matches("/id/");
    let Ok(iri) = NamedNode::new(format!("{base}{rest}")) else {
        return Reply::text(404, format!("no entity at {}", clean(request.path())));
    };
    let mut offered: Vec<(&str, Format)> = vec![("text/html", Format::Html)];
    offered.extend_from_slice(GRAPHS);
    let format = match negotiate(&[], request.header("accept"), &offered, true) {
        Ok(f) => f,
        Err(reply) => return reply,
    };
    let exists = rows(
        &shared.store.get(),
        &format!("SELECT DISTINCT ?x WHERE {{ {{ {iri} ?p ?x }} UNION {{ ?x ?p {iri} }} }} LIMIT 1"),
    );
    match exists {
        Ok(r) if r.is_empty() => return Reply::text(404, format!("the graph holds nothing about {iri}")),
        Err(e) => return Reply::text(500, format!("cannot read the store: {e}")),
        Ok(_) => {}
    }
    let reply = match format {
        Format::Html => html(&shared.store.get(), &iri, base).map(|body| Reply::new(200, format.media_type(), body)),
        _ => Ok(describe(shared, &iri, request.header("accept"))),
    };
    reply.unwrap_or_else(|e| Reply::text(500, format!("cannot read the store: {e}")))
}

/// The entity's description as RDF (the same as the endpoint's DESCRIBE).
fn describe(shared: &Shared, iri: &NamedNode, accept: Option<&str>) -> Reply {
    let job = Job {
        text: format!("DESCRIBE {iri}"),
        dataset: Dataset::default(),
        formats: Vec::new(),
        accept: accept.map(str::to_owned),
    };
    job.run(&shared.store.get()).with_header("Link", format!("<{}>; rel=\"describes\"", iri.as_str()))
}

/// The HTML page of one entity.
fn html(store: &Store, iri: &NamedNode, base: &str) -> Result<String, String> {
    let head = rows(
        store,
        &format!(
            "SELECT DISTINCT ?label ?type ?tl WHERE {{ OPTIONAL {{ {iri} rdfs:label ?label }} OPTIONAL {{ {iri} a ?type OPTIONAL {{ ?type rdfs:label ?tl }} }} }}"
        ),
    )?;
    let label = head.iter().find_map(|r| text(&r[0])).unwrap_or_else(|| super::html::local_name(iri.as_str()));
    let mut kinds: Vec<String> =
        head.iter().filter_map(|r| r[1].as_ref().map(|t| term(t, text(&r[2]), base))).collect();
    kinds.dedup();
    let mut body = format!(
        "<h1>{}</h1>\n<p class=\"kind\">{}</p>\n<p class=\"iri\">{}</p>\n",
        esc(label),
        kinds.join(", "),
        esc(iri.as_str())
    );
    body.push_str(&facts(store, iri, base)?);
    body.push_str(&posts(store, iri, base)?);
    body.push_str(&ratings(store, iri, base)?);
    body.push_str(&quotations(store, iri, base)?);
    body.push_str(&document_facts(store, iri, base)?);
    body.push_str(&incoming(store, iri, base)?);
    body.push_str(&format!(
        "<p class=\"source\">As RDF: <a href=\"{p}\" type=\"text/turtle\">Turtle</a> (send <code>Accept: text/turtle</code>, \
         <code>application/n-triples</code>, <code>application/ld+json</code> or <code>application/rdf+xml</code>).</p>",
        p = esc(&href(iri.as_str(), base))
    ));
    Ok(page(label, &body))
}

/// Where a fact came from: the article (linked) and the sentence.
fn source(doc_iri: &Option<Term>, doc: &Option<Term>, sentence: &Option<Term>, base: &str) -> String {
    let mut out = String::new();
    if let Some(d) = doc_iri {
        out.push_str(&format!(" <span class=\"source\">— {}</span>", term(d, text(doc), base)));
    }
    if let Some(s) = text(sentence) {
        out.push_str(&format!("<div class=\"sentence\">“{}”</div>", esc(s)));
    }
    out
}

/// Facts with the entity as subject, grouped by property.
fn facts(store: &Store, iri: &NamedNode, base: &str) -> Result<String, String> {
    let found = rows(
        store,
        &format!(
            "SELECT DISTINCT ?p ?o ?ol ?g ?doc ?sentence WHERE {{
               GRAPH ?g {{ {iri} ?p ?o }}
               FILTER(?p NOT IN (rdf:type, rdfs:label, cg:rule, cg:sentence, cg:said))
               OPTIONAL {{ ?o rdfs:label ?ol0 }} OPTIONAL {{ ?o skos:prefLabel ?ol1 }} BIND(COALESCE(?ol0, ?ol1) AS ?ol)
               OPTIONAL {{ GRAPH ?g {{ ?st rdf:subject {iri} ; rdf:predicate ?p ; rdf:object ?o ; cg:sentence ?sentence }} }}
               {DOC_CAPTION}
             }} ORDER BY ?p ?ol ?o ?doc"
        ),
    )?;
    Ok(grouped("Facts", "facts", &found, base, |r| {
        format!("{}{}", term_or_empty(&r[1], &r[2], base), source(&r[3], &r[4], &r[5], base))
    }))
}

/// Facts with the entity as object (quotations and posts have their own
/// sections), grouped by property.
fn incoming(store: &Store, iri: &NamedNode, base: &str) -> Result<String, String> {
    let found = rows(
        store,
        &format!(
            "SELECT DISTINCT ?p ?s ?sl ?g ?doc ?sentence WHERE {{
               GRAPH ?g {{ ?s ?p {iri} }}
               FILTER(?p NOT IN (rdf:subject, rdf:object, schema:creator, org:member))
               FILTER NOT EXISTS {{ ?s a rdf:Statement }}
               OPTIONAL {{ ?s rdfs:label ?sl }}
               OPTIONAL {{ GRAPH ?g {{ ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object {iri} ; cg:sentence ?sentence }} }}
               {DOC_CAPTION}
             }} ORDER BY ?p ?sl ?s ?doc LIMIT 2000"
        ),
    )?;
    Ok(grouped("Pointing here", "incoming", &found, base, |r| {
        // an article that mentions the entity is its own source
        let from = if r[3] == r[1] { source(&None, &None, &r[5], base) } else { source(&r[3], &r[4], &r[5], base) };
        format!("{}{from}", term_or_empty(&r[1], &r[2], base))
    }))
}

fn term_or_empty(t: &Option<Term>, label: &Option<Term>, base: &str) -> String {
    t.as_ref().map(|t| term(t, text(label), base)).unwrap_or_default()
}

/// A section of rows grouped by their first column (a property).
fn grouped(title: &str, id: &str, found: &[Row], base: &str, item: impl Fn(&Row) -> String) -> String {
    if found.is_empty() {
        return String::new();
    }
    let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for r in found {
        let Some(Term::NamedNode(p)) = &r[0] else { continue };
        groups.entry(words(p.as_str())).or_default().push(item(r));
    }
    let mut out = format!("<section id=\"{id}\"><h2>{}</h2>\n", esc(title));
    for (property, items) in groups {
        let _ = write!(out, "<h3>{}</h3><ul>", esc(&property));
        items.iter().for_each(|i| out.push_str(&format!("<li>{i}</li>")));
        out.push_str("</ul>\n");
    }
    let _ = base;
    out.push_str("</section>\n");
    out
}

/// Posts the entity holds (org:Membership).
fn posts(store: &Store, iri: &NamedNode, base: &str) -> Result<String, String> {
    let found = rows(
        store,
        &format!(
            "SELECT DISTINCT ?role ?rl ?org ?ol ?former ?g ?doc ?sentence WHERE {{
               GRAPH ?g {{ ?m org:member {iri} ; org:role ?role .
                 OPTIONAL {{ ?m org:organization ?org }} OPTIONAL {{ ?m cg:former ?former }} OPTIONAL {{ ?m cg:sentence ?sentence }} }}
               OPTIONAL {{ ?role rdfs:label ?rl }} OPTIONAL {{ ?org rdfs:label ?ol }}
               {DOC_CAPTION}
             }} ORDER BY ?rl ?ol ?doc"
        ),
    )?;
    if found.is_empty() {
        return Ok(String::new());
    }
    let mut out = format!("<section id=\"posts\"><h2>Posts ({})</h2><ul>\n", found.len());
    for r in &found {
        let former = if r[4].is_some() { "former " } else { "" };
        let org = r[2].as_ref().map(|o| format!(", {}", term(o, text(&r[3]), base))).unwrap_or_default();
        let _ = writeln!(
            out,
            "<li>{former}{}{org}{}</li>",
            term_or_empty(&r[0], &r[1], base),
            source(&r[5], &r[6], &r[7], base)
        );
    }
    out.push_str("</ul></section>\n");
    Ok(out)
}

/// Ofsted judgements of a council, with the inspection's article.
fn ratings(store: &Store, iri: &NamedNode, base: &str) -> Result<String, String> {
    let found = rows(
        store,
        &format!(
            "SELECT DISTINCT ?area ?al ?grade ?gl ?g ?doc ?sentence WHERE {{
               GRAPH ?g {{ ?i cg:inspectedBody {iri} ; cg:judgement ?j . ?j cg:judgementArea ?area ; cg:grade ?grade .
                 OPTIONAL {{ ?j cg:sentence ?sentence }} }}
               OPTIONAL {{ ?area skos:prefLabel ?al }} OPTIONAL {{ ?grade skos:prefLabel ?gl }}
               {DOC_CAPTION}
             }} ORDER BY ?doc ?al"
        ),
    )?;
    if found.is_empty() {
        return Ok(String::new());
    }
    let mut out = format!("<section id=\"ratings\"><h2>Ofsted ratings ({})</h2><ul>\n", found.len());
    for r in &found {
        let _ = writeln!(
            out,
            "<li>{}: <strong>{}</strong>{}</li>",
            term_or_empty(&r[0], &r[1], base),
            term_or_empty(&r[2], &r[3], base),
            source(&r[4], &r[5], &r[6], base)
        );
    }
    out.push_str("</ul></section>\n");
    Ok(out)
}

/// Quotations by the entity, each with its article.
fn quotations(store: &Store, iri: &NamedNode, base: &str) -> Result<String, String> {
    let found = rows(
        store,
        &format!(
            "SELECT DISTINCT ?q ?text ?g ?doc WHERE {{
               GRAPH ?g {{ ?q schema:creator {iri} ; schema:text ?text . OPTIONAL {{ ?q nif:beginIndex ?begin }} }}
               {DOC_CAPTION}
             }} ORDER BY ?doc ?begin"
        ),
    )?;
    if found.is_empty() {
        return Ok(String::new());
    }
    let mut out = format!("<section id=\"quotations\"><h2>Quotations ({})</h2><ol>\n", found.len());
    for r in &found {
        let quote = r[0].as_ref().map(|q| term(q, Some("quotation"), base)).unwrap_or_default();
        let _ = writeln!(
            out,
            "<li class=\"quotation\"><blockquote>{}</blockquote>{}{}</li>",
            esc(text(&r[1]).unwrap_or("")),
            source(&r[2], &r[3], &None, base),
            if quote.is_empty() { String::new() } else { format!(" <span class=\"source\">({quote})</span>") }
        );
    }
    out.push_str("</ol></section>\n");
    Ok(out)
}

/// For an article: the facts and quotations its graph holds.
fn document_facts(store: &Store, iri: &NamedNode, base: &str) -> Result<String, String> {
    let found = rows(
        store,
        &format!(
            "SELECT DISTINCT ?p ?s ?sl ?o ?ol ?sentence WHERE {{
               GRAPH {iri} {{ ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . OPTIONAL {{ ?st cg:sentence ?sentence }} }}
               OPTIONAL {{ ?s rdfs:label ?sl }} OPTIONAL {{ ?o rdfs:label ?ol }}
             }} ORDER BY ?p ?sl ?ol"
        ),
    )?;
    let mut out = grouped("Facts in this article", "article-facts", &found, base, |r| {
        format!(
            "{} → {}{}",
            term_or_empty(&r[1], &r[2], base),
            term_or_empty(&r[3], &r[4], base),
            source(&None, &None, &r[5], base)
        )
    });
    let quotes = rows(
        store,
        &format!(
            "SELECT DISTINCT ?c ?cl ?text WHERE {{
               GRAPH {iri} {{ ?q schema:text ?text . OPTIONAL {{ ?q schema:creator ?c }} OPTIONAL {{ ?q nif:beginIndex ?b }} }}
               OPTIONAL {{ ?c rdfs:label ?cl }}
             }} ORDER BY ?b"
        ),
    )?;
    if !quotes.is_empty() {
        let _ = writeln!(
            out,
            "<section id=\"article-quotations\"><h2>Quotations in this article ({})</h2><ol>",
            quotes.len()
        );
        for r in &quotes {
            let who = if r[0].is_some() { term_or_empty(&r[0], &r[1], base) } else { "(no speaker found)".into() };
            let _ = writeln!(
                out,
                "<li class=\"quotation\">{who}: <blockquote>{}</blockquote></li>",
                esc(text(&r[2]).unwrap_or(""))
            );
        }
        out.push_str("</ol></section>\n");
    }
    Ok(out)
}

/// `GET /search?q=NAME`: entities whose label contains NAME.
pub fn search(shared: &Shared, request: &Request) -> Reply {
    let q = form_pairs(request.query_string()).into_iter().find(|(k, _)| k == "q").map(|(_, v)| v).unwrap_or_default();
    let q = q.trim();
    let base = &shared.settings.base;
    let mut body = format!("<h1>Search</h1>\n<p>Entities whose name contains “{}”:</p>\n", esc(q));
    if q.is_empty() {
        return Reply::new(
            200,
            "text/html; charset=utf-8",
            page("Search", "<h1>Search</h1><p>Type a name in the box above.</p>"),
        );
    }
    let literal: String = q
        .chars()
        .filter(|c| !c.is_control())
        .flat_map(|c| match c {
            '"' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect();
    let found = rows(
        &shared.store.get(),
        &format!(
            "SELECT DISTINCT ?e ?label ?type WHERE {{ ?e rdfs:label ?label ; a ?type .
               FILTER(STRSTARTS(STR(?e), \"{base}\")) FILTER(CONTAINS(LCASE(STR(?label)), LCASE(\"{literal}\"))) }}
             ORDER BY LCASE(STR(?label)) LIMIT 200"
        ),
    );
    let found = match found {
        Ok(f) => f,
        Err(e) => return Reply::text(500, format!("cannot read the store: {e}")),
    };
    let mut seen = std::collections::BTreeSet::new();
    body.push_str("<ul id=\"results\">\n");
    for r in &found {
        let Some(Term::NamedNode(e)) = &r[0] else { continue };
        if seen.insert(e.as_str().to_owned()) {
            let kind = r[2].as_ref().map(|t| super::html::local_name(&t.to_string()).trim_end_matches('>').to_owned());
            let _ = writeln!(
                body,
                "<li>{} <span class=\"kind\">{}</span></li>",
                term(&Term::NamedNode(e.clone()), text(&r[1]), base),
                esc(&kind.unwrap_or_default())
            );
        }
    }
    body.push_str("</ul>\n");
    let _ = write!(body, "<p>{} found.</p>", seen.len());
    Reply::new(200, "text/html; charset=utf-8", page(&format!("Search: {q}"), &body))
}
