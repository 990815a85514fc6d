//! Content negotiation: `Accept` with q-values and wildcards (RFC 9110
//! §12.5.1), and the `format` parameter some SPARQL clients send instead.

use crate::export::rdf::RdfExportFormat;
use oxigraph::sparql::results::QueryResultsFormat;

/// What a response can be written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Results(QueryResultsFormat),
    Rdf(RdfExportFormat),
    Html,
}

impl Format {
    /// The Content-Type of a response in this format.
    pub fn media_type(self) -> &'static str {
        match self {
            Self::Results(QueryResultsFormat::Json) => "application/sparql-results+json",
            Self::Results(QueryResultsFormat::Xml) => "application/sparql-results+xml",
            Self::Results(QueryResultsFormat::Csv) => "text/csv; charset=utf-8",
            Self::Results(_) => "text/tab-separated-values; charset=utf-8",
            Self::Rdf(RdfExportFormat::NTriples) => "application/n-triples",
            Self::Rdf(RdfExportFormat::JsonLd) => "application/ld+json",
            Self::Rdf(RdfExportFormat::RdfXml) => "application/rdf+xml",
            Self::Rdf(_) => "text/turtle; charset=utf-8",
            Self::Html => "text/html; charset=utf-8",
        }
    }
}

/// SELECT and ASK results, the first the default.
pub const RESULTS: &[(&str, Format)] = &[
    ("application/sparql-results+json", Format::Results(QueryResultsFormat::Json)),
    ("application/sparql-results+xml", Format::Results(QueryResultsFormat::Xml)),
    ("text/csv", Format::Results(QueryResultsFormat::Csv)),
    ("text/tab-separated-values", Format::Results(QueryResultsFormat::Tsv)),
    ("application/json", Format::Results(QueryResultsFormat::Json)),
    ("application/xml", Format::Results(QueryResultsFormat::Xml)),
    ("text/xml", Format::Results(QueryResultsFormat::Xml)),
];

/// CONSTRUCT and DESCRIBE results and RDF documents, the first the default.
pub const GRAPHS: &[(&str, Format)] = &[
    ("text/turtle", Format::Rdf(RdfExportFormat::Turtle)),
    ("application/n-triples", Format::Rdf(RdfExportFormat::NTriples)),
    ("application/ld+json", Format::Rdf(RdfExportFormat::JsonLd)),
    ("application/rdf+xml", Format::Rdf(RdfExportFormat::RdfXml)),
    ("application/x-turtle", Format::Rdf(RdfExportFormat::Turtle)),
    ("application/turtle", Format::Rdf(RdfExportFormat::Turtle)),
    ("application/x-json+ld", Format::Rdf(RdfExportFormat::JsonLd)),
];

/// Names accepted in `format=` (besides the media types above): the names
/// SPARQLWrapper, Virtuoso and Fuseki use.
const NAMES: &[(&str, Format, Format)] = &[
    // name, for SELECT/ASK, for CONSTRUCT/DESCRIBE
    ("json", Format::Results(QueryResultsFormat::Json), Format::Rdf(RdfExportFormat::JsonLd)),
    ("xml", Format::Results(QueryResultsFormat::Xml), Format::Rdf(RdfExportFormat::RdfXml)),
    ("csv", Format::Results(QueryResultsFormat::Csv), Format::Results(QueryResultsFormat::Csv)),
    ("tsv", Format::Results(QueryResultsFormat::Tsv), Format::Results(QueryResultsFormat::Tsv)),
    ("turtle", Format::Rdf(RdfExportFormat::Turtle), Format::Rdf(RdfExportFormat::Turtle)),
    ("ttl", Format::Rdf(RdfExportFormat::Turtle), Format::Rdf(RdfExportFormat::Turtle)),
    ("ntriples", Format::Rdf(RdfExportFormat::NTriples), Format::Rdf(RdfExportFormat::NTriples)),
    ("nt", Format::Rdf(RdfExportFormat::NTriples), Format::Rdf(RdfExportFormat::NTriples)),
    ("json-ld", Format::Rdf(RdfExportFormat::JsonLd), Format::Rdf(RdfExportFormat::JsonLd)),
    ("jsonld", Format::Rdf(RdfExportFormat::JsonLd), Format::Rdf(RdfExportFormat::JsonLd)),
    ("rdf+xml", Format::Rdf(RdfExportFormat::RdfXml), Format::Rdf(RdfExportFormat::RdfXml)),
    ("rdfxml", Format::Rdf(RdfExportFormat::RdfXml), Format::Rdf(RdfExportFormat::RdfXml)),
    ("rdf", Format::Rdf(RdfExportFormat::RdfXml), Format::Rdf(RdfExportFormat::RdfXml)),
];

/// The format for a response among `offered`: the first `format=` value
/// that names one of them, else the best match for `accept` (None: 406).
pub fn choose(formats: &[&str], accept: Option<&str>, offered: &[(&str, Format)], graphs: bool) -> Option<Format> {
    let known = |f: Format| offered.iter().any(|(_, o)| *o == f);
    for value in formats {
        let v = value.trim().to_ascii_lowercase();
        let named = NAMES.iter().find(|(n, _, _)| *n == v).map(|(_, r, g)| if graphs { *g } else { *r });
        let by_type = offered.iter().find(|(m, _)| *m == v).map(|(_, f)| *f);
        if let Some(f) = named.or(by_type).filter(|f| known(*f)) {
            return Some(f);
        }
    }
    best(accept, offered)
}

/// The offered format the `Accept` header likes best: highest q, then the
/// header's order, then ours. No header, or an empty one, takes our first.
pub fn best(accept: Option<&str>, offered: &[(&str, Format)]) -> Option<Format> {
    let ranges = match accept.map(parse) {
        None => return offered.first().map(|(_, f)| *f),
        Some(r) if r.is_empty() => return offered.first().map(|(_, f)| *f),
        Some(r) => r,
    };
    let mut chosen: Option<(f32, usize, Format)> = None;
    for (media, format) in offered {
        let Some((q, position)) = preference(&ranges, media) else { continue };
        if q > 0.0 && chosen.is_none_or(|(bq, bp, _)| q > bq || (q == bq && position < bp)) {
            chosen = Some((q, position, *format));
        }
    }
    chosen.map(|(_, _, f)| f)
}

/// One media range of an Accept header.
struct Range {
    kind: String,
    subtype: String,
    q: f32,
}

fn parse(accept: &str) -> Vec<Range> {
    accept
        .split(',')
        .filter_map(|part| {
            let mut params = part.split(';');
            let media = params.next()?.trim().to_ascii_lowercase();
            let (kind, subtype) = media.split_once('/')?;
            let q = params
                .filter_map(|p| p.trim().strip_prefix("q=").or_else(|| p.trim().strip_prefix("Q=")))
                .filter_map(|v| v.trim().parse::<f32>().ok())
                .map(|q| q.clamp(0.0, 1.0))
                .next()
                .unwrap_or(1.0);
            Some(Range { kind: kind.trim().to_owned(), subtype: subtype.trim().to_owned(), q })
        })
        .collect()
}

/// (q, position in the header) of the most specific range matching `media`.
fn preference(ranges: &[Range], media: &str) -> Option<(f32, usize)> {
    let (kind, subtype) = media.split_once('/')?;
    let mut best: Option<(u8, f32, usize)> = None;
    for (i, r) in ranges.iter().enumerate() {
        let specificity = match (r.kind.as_str(), r.subtype.as_str()) {
            (k, s) if k == kind && s == subtype => 2,
            (k, "*") if k == kind => 1,
            ("*", "*") => 0,
            _ => continue,
        };
        if best.is_none_or(|(bs, _, _)| specificity > bs) {
            best = Some((specificity, r.q, i));
        }
    }
    best.map(|(_, q, i)| (q, i))
}

#[cfg(test)]
mod tests {
    use super::*;
    const CSV: Format = Format::Results(QueryResultsFormat::Csv);
    const JSON: Format = Format::Results(QueryResultsFormat::Json);
    const XML: Format = Format::Results(QueryResultsFormat::Xml);

    #[test]
    fn q_values_wildcards_and_order() {
        assert_eq!(best(Some("text/csv;q=0.5, application/sparql-results+xml"), RESULTS), Some(XML));
        assert_eq!(best(Some("text/csv, application/json"), RESULTS), Some(CSV));
        assert_eq!(best(Some("*/*"), RESULTS), Some(JSON));
        assert_eq!(best(None, RESULTS), Some(JSON));
        assert_eq!(best(Some("text/*;q=0.9, */*;q=0.1"), RESULTS), Some(CSV));
        assert_eq!(best(Some("text/csv;q=0, */*"), RESULTS), Some(JSON));
        assert_eq!(best(Some("image/png"), RESULTS), None);
        assert_eq!(best(Some("application/sparql-results+json;q=0"), RESULTS), None);
        assert_eq!(
            best(Some("text/html,application/xhtml+xml,*/*;q=0.8"), GRAPHS),
            Some(Format::Rdf(RdfExportFormat::Turtle))
        );
    }

    #[test]
    fn format_parameter_only_for_known_values() {
        assert_eq!(choose(&["csv"], Some("application/json"), RESULTS, false), Some(CSV));
        assert_eq!(choose(&["nonsense"], Some("text/csv"), RESULTS, false), Some(CSV));
        assert_eq!(choose(&["xml"], None, GRAPHS, true), Some(Format::Rdf(RdfExportFormat::RdfXml)));
        assert_eq!(
            choose(&["rdf+xml", "application/rdf+xml"], None, GRAPHS, true),
            Some(Format::Rdf(RdfExportFormat::RdfXml))
        );
        assert_eq!(
            choose(&["tsv", "text/tab-separated-values"], None, RESULTS, false),
            Some(Format::Results(QueryResultsFormat::Tsv))
        );
        // a graph format named for a SELECT is not taken
        assert_eq!(choose(&["turtle"], None, RESULTS, false), Some(JSON));
    }

    proptest::proptest! {
        #![proptest_config(proptest::test_runner::Config { cases: 10_000, ..Default::default() })]
        /// Any Accept header and format value gives an offered format or none, never a panic.
        #[test]
        fn any_accept_header_is_answered(accept in "\\PC{0,120}", format in "\\PC{0,20}") {
            for (offered, graphs) in [(RESULTS, false), (GRAPHS, true)] {
                if let Some(f) = choose(&[format.as_str()], Some(&accept), offered, graphs) {
                    proptest::prop_assert!(offered.iter().any(|(_, o)| *o == f));
                }
            }
        }
    }
}
