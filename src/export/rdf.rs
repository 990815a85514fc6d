//! RDF exports. Dataset formats (N-Quads, TriG, JSON-LD) write every quad
//! with its graph; triple formats (Turtle, N-Triples, RDF/XML) write the
//! union of the graphs, each distinct triple once.

use super::ExportError;
use crate::graph::vocab::ns::PREFIXES;
use oxigraph::io::{JsonLdProfile, RdfFormat, RdfSerializer};
use oxigraph::model::{GraphNameRef, NamedNode, Quad, Triple};
use oxigraph::store::Store;
use std::collections::BTreeSet;
use std::io::Write;

/// The RDF formats the tool writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RdfExportFormat {
    Turtle,
    NTriples,
    NQuads,
    TriG,
    RdfXml,
    JsonLd,
}

impl RdfExportFormat {
    /// The serialiser's format.
    pub fn rdf_format(self) -> Option<RdfFormat> {
        Some(match self {
            Self::Turtle => RdfFormat::Turtle,
            Self::NTriples => RdfFormat::NTriples,
            Self::NQuads => RdfFormat::NQuads,
            Self::TriG => RdfFormat::TriG,
            Self::RdfXml => RdfFormat::RdfXml,
            Self::JsonLd => RdfFormat::JsonLd { profile: JsonLdProfile::Streaming.into() },
        })
    }

    /// True when the format keeps named graphs.
    pub fn is_dataset(self) -> bool {
        matches!(self, Self::NQuads | Self::TriG | Self::JsonLd)
    }
}

/// A serialiser with the project's prefixes declared (formats without
/// prefixes ignore them).
pub fn with_prefixes(mut s: RdfSerializer) -> RdfSerializer {
    for (p, ns) in PREFIXES {
        s = match s.clone().with_prefix(*p, *ns) {
            Ok(x) => x,
            Err(_) => s,
        };
    }
    s
}

/// Writes the store (or one graph of it); returns how many triples or quads.
pub fn export(
    store: &Store,
    format: RdfExportFormat,
    graph: Option<&str>,
    out: &mut dyn Write,
) -> Result<usize, ExportError> {
    let graph = graph_arg(store, graph)?;
    let quads: Vec<Quad> = match &graph {
        Some(g) => store
            .quads_for_pattern(None, None, None, Some(GraphNameRef::NamedNode(g.as_ref())))
            .collect::<Result<_, _>>()?,
        // the named graphs for a dataset format; the store's default graph
        // (every distinct triple once) for a triple format
        None if format.is_dataset() => {
            store.iter().filter(|q| !matches!(q, Ok(q) if q.graph_name.is_default_graph())).collect::<Result<_, _>>()?
        }
        None => {
            store.quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph)).collect::<Result<_, _>>()?
        }
    };
    write_quads(quads, format, out)
}

/// The named graph an export is limited to (`--graph`), checked to exist.
pub fn graph_arg(store: &Store, graph: Option<&str>) -> Result<Option<NamedNode>, ExportError> {
    let Some(g) = graph else { return Ok(None) };
    let n = NamedNode::new(g).map_err(|_| ExportError::BadGraph(g.to_owned()))?;
    if !store.contains_named_graph(n.as_ref())? {
        return Err(ExportError::NoSuchGraph(g.to_owned()));
    }
    Ok(Some(n))
}

/// Writes quads, sorted: with their graphs in a dataset format, as the
/// union of distinct triples otherwise; returns how many were written.
pub fn write_quads(quads: Vec<Quad>, format: RdfExportFormat, out: &mut dyn Write) -> Result<usize, ExportError> {
    let Some(rdf_format) = format.rdf_format() else {
        return Ok(0);
    };
    let mut ser = with_prefixes(RdfSerializer::from_format(rdf_format)).for_writer(&mut *out);
    let n = if format.is_dataset() {
        let mut sorted = quads;
        sorted.sort_by_cached_key(|q| {
            (q.graph_name.to_string(), q.subject.to_string(), q.predicate.to_string(), q.object.to_string())
        });
        for q in &sorted {
            ser.serialize_quad(q)?;
        }
        sorted.len()
    } else {
        let triples: BTreeSet<(String, String, String, usize)> = quads
            .iter()
            .enumerate()
            .map(|(i, q)| (q.subject.to_string(), q.predicate.to_string(), q.object.to_string(), i))
            .collect();
        let mut seen = BTreeSet::new();
        let mut n = 0;
        for (s, p, o, i) in &triples {
            if seen.insert((s, p, o)) {
                let q = &quads[*i];
                ser.serialize_triple(&Triple::new(q.subject.clone(), q.predicate.clone(), q.object.clone()))?;
                n += 1;
            }
        }
        n
    };
    ser.finish()?;
    Ok(n)
}

/// The documents' graph names, sorted (the ontology graph left out).
pub fn document_graphs(store: &Store) -> Result<Vec<NamedNode>, ExportError> {
    let mut v: Vec<NamedNode> = store
        .named_graphs()
        .filter_map(|g| match g {
            Ok(oxigraph::model::NamedOrBlankNode::NamedNode(n)) => Some(Ok(n)),
            Ok(_) => None,
            Err(e) => Some(Err(e)),
        })
        .collect::<Result<_, _>>()?;
    v.retain(|n| n.as_ref() != crate::graph::vocab::ONTOLOGY_GRAPH);
    v.sort();
    Ok(v)
}
