//! `extract` and `build` + `export --format nquads` are two ways to the same
//! quads: the store must not change a literal's datatype (offsets were
//! `xsd:nonNegativeInteger` on one path and `xsd:integer` on the other).

use crate::util::{cg, ok, seed_store, seeds};
use std::collections::BTreeSet;

/// The graphs a store adds and `extract` does not write: the ontology's, and
/// the inspections graph, which groups all the store's articles.
const STORE_GRAPHS: [&str; 2] =
    ["<https://w3id.org/councilgraph/ns> .", "<https://w3id.org/councilgraph/id/graph/inspections> ."];

/// `cg:contentHash`, which `build` records on each document (what it was
/// built from, for incremental builds) and `extract` does not write.
const CONTENT_HASH: &str = "<https://w3id.org/councilgraph/ns#contentHash>";

/// The distinct quads of an N-Quads text, without the store's own graphs
/// and the content hashes.
fn quads(text: &str) -> BTreeSet<String> {
    let ours = |l: &str| STORE_GRAPHS.iter().any(|g| l.ends_with(g)) || l.contains(CONTENT_HASH);
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !ours(l)).map(str::to_owned).collect()
}

#[test]
fn extract_and_export_give_the_same_quads() {
    let (extracted, _) = ok(cg().args(["extract", "-q"]).arg(seeds()));
    let (exported, _) = ok(cg().args(["export", "-q", "--format", "nquads", "--store"]).arg(seed_store()));
    let (a, b) = (quads(&extracted), quads(&exported));
    assert!(a.len() > 1000, "too few quads extracted: {}", a.len());
    let only_extract: Vec<&String> = a.difference(&b).take(5).collect();
    let only_export: Vec<&String> = b.difference(&a).take(5).collect();
    assert!(
        only_extract.is_empty() && only_export.is_empty(),
        "only in extract: {only_extract:#?}\nonly in export: {only_export:#?}"
    );
}
