//! The SPARQL 1.1 Service Description, answered on `GET /sparql` without a
//! query: Turtle by default, or N-Triples, JSON-LD, RDF/XML by `Accept`; a
//! browser (that prefers HTML) gets the query page instead.

use super::http::Request;
use super::negotiate::{Format, GRAPHS};
use super::reply::Reply;
use super::{page, protocol, Shared};
use crate::export::rdf::{with_prefixes, RdfExportFormat};
use oxigraph::io::{RdfFormat, RdfParser, RdfSerializer};

/// The description in Turtle, for an endpoint at `endpoint`.
pub fn turtle(endpoint: &str, updates: bool) -> String {
    let update = if updates { ", sd:SPARQL11Update" } else { "" };
    format!(
        "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

<{endpoint}> a sd:Service ;
  rdfs:label \"councilgraph SPARQL endpoint\" ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query{update} ;
  sd:feature sd:UnionDefaultGraph ;
  sd:resultFormat formats:SPARQL_Results_JSON, formats:SPARQL_Results_XML, formats:SPARQL_Results_CSV,
    formats:SPARQL_Results_TSV, formats:Turtle, formats:N-Triples, formats:JSON-LD, formats:RDF_XML ;
  sd:defaultDataset [
    a sd:Dataset ;
    rdfs:comment \"The default graph is the RDF merge of every article's named graph and the ontology's: each distinct triple once. GRAPH ?g reaches each article.\" ;
    sd:defaultGraph [ a sd:Graph ]
  ] .
"
    )
}

/// The description in the negotiated format (406 when none fits).
pub fn reply(shared: &Shared, request: &Request) -> Reply {
    let mut offered: Vec<(&str, Format)> = GRAPHS.to_vec();
    offered.push(("text/html", Format::Html));
    let format = match protocol::negotiate(&[], request.header("accept"), &offered, true) {
        Ok(f) => f,
        Err(reply) => return reply,
    };
    let host = request.header("host").map_or_else(|| shared.local.to_string(), protocol::clean);
    let ttl = turtle(&format!("http://{host}/sparql"), shared.settings.allow_update);
    match format {
        Format::Html => Reply::new(200, format.media_type(), page::index(&shared.settings.base)),
        Format::Rdf(RdfExportFormat::Turtle) => Reply::new(200, format.media_type(), ttl),
        Format::Rdf(f) => match convert(&ttl, f.rdf_format().unwrap_or(RdfFormat::Turtle)) {
            Ok(body) => Reply::new(200, format.media_type(), body),
            Err(e) => Reply::text(500, format!("cannot write the service description: {e}")),
        },
        Format::Results(_) => Reply::text(406, "the service description is RDF"),
    }
}

/// Turtle to another RDF format.
fn convert(ttl: &str, format: RdfFormat) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    let mut ser = with_prefixes(RdfSerializer::from_format(format)).for_writer(&mut out);
    for quad in RdfParser::from_format(RdfFormat::Turtle).for_reader(ttl.as_bytes()) {
        ser.serialize_quad(&quad?)?;
    }
    ser.finish()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_description_parses_in_every_format() {
        let ttl = turtle("http://127.0.0.1:7878/sparql", false);
        for f in [
            RdfFormat::Turtle,
            RdfFormat::NTriples,
            RdfFormat::JsonLd { profile: Default::default() },
            RdfFormat::RdfXml,
        ] {
            let out = convert(&ttl, f).unwrap_or_default();
            let n = RdfParser::from_format(f).for_reader(out.as_slice()).filter(Result::is_ok).count();
            assert!(n >= 14, "{f:?}: {n} triples");
        }
    }
}
