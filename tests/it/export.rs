//! Every export format is read back by an independent parser with exactly
//! the number of triples or quads the store holds; DOT renders in Graphviz.

use crate::util::{cg, count, have, ok, seed_store};
use std::path::Path;
use std::process::Command;

const QUADS: &str = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
const TRIPLES: &str = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }";

fn export(format: &str, file: &Path) {
    ok(cg().args(["export", "--format", format, "--output"]).arg(file).arg("--store").arg(seed_store()));
}

/// rapper's count: "rapper: Parsing returned N triples".
fn rapper_count(input: &str, file: &Path) -> usize {
    let out = Command::new("rapper").args(["-i", input, "-c"]).arg(file).output().unwrap_or_else(|e| panic!("{e}"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "rapper failed on {}: {err}", file.display());
    err.split("returned ")
        .nth(1)
        .and_then(|s| s.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{err}"))
}

fn serdi_count(input: &str, file: &Path) -> usize {
    let out =
        Command::new("serdi").args(["-i", input, "-o", "nquads"]).arg(file).output().unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "serdi failed on {}: {}", file.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).lines().filter(|l| !l.trim().is_empty()).count()
}

/// rdflib's count: triples of a Graph, or quads of a Dataset.
fn rdflib_count(format: &str, file: &Path, dataset: bool) -> usize {
    let script = if dataset {
        "import sys, rdflib; d = rdflib.Dataset(); d.parse(sys.argv[1], format=sys.argv[2]); print(sum(1 for _ in d.quads((None, None, None, None)) if _[3] is not None and str(_[3]) != 'urn:x-rdflib:default'))"
    } else {
        "import sys, rdflib; g = rdflib.Graph(); g.parse(sys.argv[1], format=sys.argv[2]); print(len(g))"
    };
    let out =
        Command::new("python3").args(["-c", script]).arg(file).arg(format).output().unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "rdflib failed on {}: {}", file.display(), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).trim().parse().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn rdf_exports_parse_elsewhere_with_every_triple() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = seed_store();
    let quads = count(store, QUADS);
    let triples = count(store, TRIPLES);
    assert!(quads > triples, "{quads} quads, {triples} triples");
    let f = |name: &str| dir.path().join(name);
    for (format, file) in [
        ("turtle", "g.ttl"),
        ("ntriples", "g.nt"),
        ("nquads", "g.nq"),
        ("trig", "g.trig"),
        ("rdfxml", "g.rdf"),
        ("jsonld", "g.jsonld"),
    ] {
        export(format, &f(file));
    }
    if have("rapper", &["--version"]) {
        assert_eq!(rapper_count("turtle", &f("g.ttl")), triples);
        assert_eq!(rapper_count("ntriples", &f("g.nt")), triples);
        assert_eq!(rapper_count("rdfxml", &f("g.rdf")), triples);
        assert_eq!(rapper_count("nquads", &f("g.nq")), quads);
        assert_eq!(rapper_count("trig", &f("g.trig")), quads);
    }
    if have("serdi", &["-v"]) {
        assert_eq!(serdi_count("turtle", &f("g.ttl")), triples);
        assert_eq!(serdi_count("trig", &f("g.trig")), quads);
        assert_eq!(serdi_count("nquads", &f("g.nq")), quads);
    }
    if have("python3", &["-c", "import rdflib"]) {
        assert_eq!(rdflib_count("json-ld", &f("g.jsonld"), true), quads);
        assert_eq!(rdflib_count("xml", &f("g.rdf"), false), triples);
        assert_eq!(rdflib_count("turtle", &f("g.ttl"), false), triples);
        assert_eq!(rdflib_count("trig", &f("g.trig"), true), quads);
    }
}

#[test]
fn one_graph_and_format_from_extension() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("one.nq");
    let graph = "https://w3id.org/councilgraph/id/doc/003_ffc3ee22a31ed9e6";
    ok(cg().args(["export", "--graph", graph, "--output"]).arg(&out).arg("--store").arg(seed_store()));
    let text = std::fs::read_to_string(&out).unwrap_or_default();
    assert!(!text.is_empty() && text.lines().all(|l| l.ends_with(&format!("<{graph}> ."))), "{text}");
    let n = count(seed_store(), &format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"));
    assert_eq!(text.lines().count(), n);
}

#[test]
fn dot_renders_without_warnings() {
    if !have("dot", &["-V"]) {
        return;
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("g.dot");
    export("dot", &file);
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(text.contains("Sarah Norman") && text.contains("Dudley Council"), "{text}");
    assert!(!text.contains("label=\"https://"), "an IRI as a label:\n{text}");
    let out = Command::new("dot").arg("-Tsvg").arg(&file).output().unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success());
    assert!(out.stderr.is_empty(), "dot warned: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn unknown_extension_asks_for_a_format() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let err = crate::util::fails(
        cg().args(["export", "--output"]).arg(dir.path().join("x.bin")).arg("--store").arg(seed_store()),
    );
    assert!(err.contains("--format"), "{err}");
}

#[test]
fn aliases_and_extensions_name_the_same_formats() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = seed_store();
    let by_format = |format: &str| ok(cg().args(["export", "--format", format, "--store"]).arg(store)).0;
    let by_extension = |name: &str| {
        let file = dir.path().join(name);
        ok(cg().args(["export", "--output"]).arg(&file).arg("--store").arg(store));
        std::fs::read_to_string(&file).unwrap_or_default()
    };
    for (alias, format, extensions) in [
        ("ttl", "turtle", &["x.ttl"][..]),
        ("nt", "ntriples", &["x.nt"]),
        ("nq", "nquads", &["x.nq"]),
        ("trig", "trig", &["x.trig"]),
        ("xml", "rdfxml", &["x.rdf", "x.xml"]),
        ("json-ld", "jsonld", &["x.jsonld"]),
        ("gv", "dot", &["x.dot", "x.gv"]),
    ] {
        let canonical = by_format(format);
        assert!(!canonical.is_empty(), "{format}");
        assert_eq!(by_format(alias), canonical, "--format {alias}");
        for e in extensions {
            assert_eq!(by_extension(e), canonical, "--output {e}");
        }
    }
    // An explicit --format wins over the extension.
    let file = dir.path().join("graph.txt");
    ok(cg().args(["export", "--format", "nt", "--output"]).arg(&file).arg("--store").arg(store));
    assert_eq!(std::fs::read_to_string(&file).unwrap_or_default(), by_format("ntriples"));
}

#[test]
fn turtle_and_trig_use_the_prefixes_and_output_is_stable() {
    let store = seed_store();
    for format in ["turtle", "trig"] {
        let (a, _) = ok(cg().args(["export", "--format", format, "--store"]).arg(store));
        assert!(a.contains("@prefix schema: <http://schema.org/>"), "{format}:\n{}", &a[..a.len().min(2000)]);
        assert!(a.contains("@prefix cg: <https://w3id.org/councilgraph/ns#>"), "{format}");
        let (b, _) = ok(cg().args(["export", "--format", format, "--store"]).arg(store));
        assert_eq!(a, b, "{format} export is not deterministic");
    }
}

#[test]
fn one_graph_in_a_triple_format_and_unknown_graphs() {
    let store = seed_store();
    let graph = "https://w3id.org/councilgraph/id/doc/003_ffc3ee22a31ed9e6";
    let (nt, _) = ok(cg().args(["export", "--format", "nt", "--graph", graph, "--store"]).arg(store));
    let n = count(store, &format!("SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"));
    assert_eq!(nt.lines().count(), n);
    let err = crate::util::fails(
        cg().args(["export", "--format", "nq", "--graph", "https://example.org/none", "--store"]).arg(store),
    );
    assert!(err.contains("no graph"), "{err}");
    let err =
        crate::util::fails(cg().args(["export", "--format", "nq", "--graph", "not an iri", "--store"]).arg(store));
    assert!(err.contains("not an iri"), "{err}");
}

#[test]
fn dot_leaves_out_the_ontology_and_counts_quotations() {
    let (dot, _) = ok(cg().args(["export", "--format", "dot", "--store"]).arg(seed_store()));
    assert!(dot.starts_with("digraph"), "{dot}");
    assert!(dot.contains(" quotation"), "no quotation counts:\n{dot}");
    assert!(!dot.contains("label=\"Council\""), "an ontology class drawn as a node:\n{dot}");
    let quotes = count(seed_store(), "SELECT (COUNT(*) AS ?n) WHERE { ?q a <http://schema.org/Quotation> }");
    let nodes = dot.lines().filter(|l| l.starts_with("  n") && !l.contains("->")).count();
    assert!(nodes < quotes, "{nodes} nodes for {quotes} quotations: one node per quotation?");
}
