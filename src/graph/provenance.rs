//! Provenance in PROV terms: a fact's node (statement, membership,
//! judgement, quotation) `prov:wasDerivedFrom` the article and
//! `cg:followedRule` (a sub-property of `prov:wasInfluencedBy`) the
//! extraction rule, a `prov:Plan`; and the article's `dcterms:source` as an
//! absolute IRI (a URL, or a `file:` IRI of the absolute path), never a
//! relative path.

use crate::graph::vocab::{cg, prov, rdf, rdfs};
use crate::graph::writer::Writer;
use crate::resolve::Iris;
use oxigraph::model::{Literal, NamedNode};
use std::path::Path;

/// Says that `node` came from the document `doc` by the rule `rule`, and
/// describes the rule as a plan.
pub fn derived(w: &mut Writer, iris: &Iris, node: &NamedNode, doc: &NamedNode, rule: &str) {
    let plan = iris.mint("rule", rule);
    w.add(node.clone(), prov::WAS_DERIVED_FROM, doc.clone());
    w.add(node.clone(), cg::FOLLOWED_RULE, plan.clone());
    w.add(plan.clone(), rdf::TYPE, prov::PLAN);
    w.add(plan, rdfs::LABEL, Literal::new_simple_literal(rule));
}

/// The IRI a document was read from: a URL as it is, a file as the `file:`
/// IRI of its absolute path (a JSON Lines record: of its file); `None` for
/// standard input, which has no address.
pub fn source_iri(source: &str) -> Option<NamedNode> {
    if source == "-" || source.starts_with("-:") {
        return None;
    }
    if let Some(url) = NamedNode::new(source).ok().filter(|u| is_url(u.as_str())) {
        return Some(url);
    }
    let path = jsonl_file(source).unwrap_or(source);
    let absolute = std::path::absolute(Path::new(path)).ok()?;
    NamedNode::new(format!("file://{}", encode_path(&absolute.to_string_lossy()))).ok()
}

fn is_url(s: &str) -> bool {
    ["http://", "https://", "file:"].iter().any(|scheme| s.starts_with(scheme))
}

/// `f.jsonl:12` (record 12 of a JSON Lines file) → `f.jsonl`.
fn jsonl_file(source: &str) -> Option<&str> {
    let (file, line) = source.rsplit_once(':')?;
    let jsonl = file.ends_with(".jsonl") || file.ends_with(".ndjson");
    (jsonl && !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit())).then_some(file)
}

/// Percent-encodes what may not stand in an IRI path (spaces, `%`, `#`,
/// `?`, brackets, quotes); `/` and non-ASCII letters stay.
fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        if c.is_ascii_alphanumeric() || "/-._~!$&'()*+,;=:@".contains(c) || (!c.is_ascii() && !c.is_control()) {
            out.push(c);
        } else {
            for b in c.to_string().bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_become_absolute_iris() {
        assert_eq!(
            source_iri("https://example.org/a?b=1").map(|n| n.into_string()),
            Some("https://example.org/a?b=1".into())
        );
        assert_eq!(source_iri("-"), None);
        assert_eq!(source_iri("-:3"), None);
        let here = std::env::current_dir().unwrap_or_else(|e| panic!("{e}"));
        let file = source_iri("a dir/n#1.txt").map(|n| n.into_string()).unwrap_or_default();
        assert!(file.starts_with("file:///"), "{file}");
        assert!(file.ends_with("/a%20dir/n%231.txt"), "{file}");
        assert!(file.contains(&encode_path(&here.to_string_lossy())), "{file}");
        let record = source_iri("news.jsonl:12").map(|n| n.into_string()).unwrap_or_default();
        assert!(record.ends_with("/news.jsonl"), "{record}");
    }
}
