//! Pictures and graph formats: every DOT view renders in Graphviz without
//! warnings, labels are escaped whatever they hold, GraphML and JSON carry
//! the same network.

use crate::util::{cg, have, ok, seed_store};
use std::path::Path;
use std::process::Command;

fn render_clean(dot: &str) -> String {
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    std::io::Write::write_all(&mut child.stdin.take().unwrap_or_else(|| panic!("stdin")), dot.as_bytes()).ok();
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    assert!(out.status.success(), "dot failed");
    assert!(out.stderr.is_empty(), "dot warned: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn nodes_in_dot(dot: &str) -> usize {
    dot.lines()
        .filter(|l| {
            let mut words = l.split_whitespace();
            words.next().is_some_and(|w| w.starts_with('n') && w[1..].chars().all(|c| c.is_ascii_digit()))
                && words.next().is_some_and(|w| w.starts_with("[label="))
        })
        .count()
}

#[test]
fn every_view_and_a_focus_view_render_without_warnings() {
    if !have("dot", &["-V"]) {
        return;
    }
    for args in [
        &["--view", "all"][..],
        &["--view", "people"],
        &["--view", "councils"],
        &["--view", "quotes"],
        &["--focus", "Pete Lowe", "--depth", "2"],
    ] {
        let (dot, _) = ok(cg().args(["export", "--format", "dot"]).args(args).arg("--store").arg(seed_store()));
        let n = nodes_in_dot(&dot);
        assert!(n > 2, "{args:?}: {n} nodes");
        let svg = render_clean(&dot);
        assert!(svg.contains("<svg"), "{args:?}");
    }
}

#[test]
fn the_default_picture_is_legible() {
    let (dot, _) = ok(cg().args(["export", "--format", "dot", "--store"]).arg(seed_store()));
    let n = nodes_in_dot(&dot);
    assert!(n <= 80, "{n} nodes in the default view");
    for line in dot.lines().filter(|l| l.contains("label=\"")) {
        let label = line.split("label=\"").nth(1).unwrap_or("");
        assert!(!label.starts_with("http"), "an IRI as a label: {line}");
    }
    assert!(dot.contains("label=\"Sarah Norman"), "{dot}");
    assert!(dot.contains("fillcolor=\"#E4003B\""), "Labour's colour missing");
}

#[test]
fn focus_and_max_nodes() {
    let (dot, _) = ok(cg()
        .args(["export", "--format", "dot", "--focus", "Steve Eling", "--depth", "1", "--store"])
        .arg(seed_store()));
    assert!(dot.contains("Steve Eling") && dot.contains("Sandwell Council") && dot.contains("James Morris"), "{dot}");
    assert!(!dot.contains("Dudley Council"), "depth 1 reaches too far: {dot}");
    let (dot, err) = ok(cg().args(["export", "--format", "dot", "--max-nodes", "5", "--store"]).arg(seed_store()));
    assert_eq!(nodes_in_dot(&dot), 5);
    assert!(err.contains("left out"), "{err}");
    let err = crate::util::fails(
        cg().args(["export", "--format", "dot", "--focus", "Nobody Atall", "--store"]).arg(seed_store()),
    );
    assert!(err.contains("Nobody Atall"), "{err}");
}

/// A store whose labels hold everything that could break DOT or XML.
fn adversarial_store(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("weird.db");
    let store = oxigraph::store::Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let ttl = r#"
@prefix schema: <http://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix cg: <https://w3id.org/councilgraph/ns#> .
<https://example.org/p1> a schema:Person ; rdfs:label "Quote \" back\\slash {brace} [x] <b>bold</b> & amp\nnew line ;; -> edge" ;
    org:memberOf <https://example.org/c1> .
<https://example.org/c1> a cg:Council ; rdfs:label "}}}digraph x {{{ \\\" \\" .
"#;
    store
        .load_from_slice(
            oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
                .with_default_graph(oxigraph::model::NamedNodeRef::new_unchecked("https://example.org/doc")),
            ttl.as_bytes(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    drop(store);
    path
}

#[test]
fn adversarial_labels_are_escaped() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = adversarial_store(dir.path());
    let (dot, _) = ok(cg().args(["export", "--format", "dot", "--store"]).arg(&store));
    assert_eq!(nodes_in_dot(&dot), 2, "{dot}");
    if have("dot", &["-V"]) {
        let svg = render_clean(&dot);
        assert!(svg.contains("&lt;b&gt;bold&lt;/b&gt;"), "label text lost: {svg}");
        assert!(svg.contains("}}}digraph x {{{"), "{svg}");
    }
    let (graphml, _) = ok(cg().args(["export", "--format", "graphml", "--store"]).arg(&store));
    let check = Command::new("python3")
        .args(["-c", "import sys, xml.etree.ElementTree as E; t = E.fromstring(sys.stdin.read()); print(len(t.findall('.//{http://graphml.graphdrawing.org/xmlns}node')))"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn();
    if let Ok(mut child) = check {
        std::io::Write::write_all(&mut child.stdin.take().unwrap_or_else(|| panic!("stdin")), graphml.as_bytes()).ok();
        let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
        assert!(out.status.success(), "GraphML is not XML");
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "2");
    }
}

#[test]
fn graphml_and_json_carry_the_dot_network() {
    let (dot, _) = ok(cg().args(["export", "--format", "dot", "--store"]).arg(seed_store()));
    let n = nodes_in_dot(&dot);
    let (json, _) = ok(cg().args(["export", "--format", "json", "--store"]).arg(seed_store()));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["nodes"].as_array().map(Vec::len), Some(n));
    assert!(v["links"].as_array().is_some_and(|l| !l.is_empty()));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("g.graphml");
    ok(cg().args(["export", "--output"]).arg(&file).arg("--store").arg(seed_store()));
    if have("python3", &["-c", "import networkx"]) {
        let out = Command::new("python3")
            .args(["-c", "import sys, networkx as nx; g = nx.read_graphml(sys.argv[1]); print(g.number_of_nodes())"])
            .arg(&file)
            .output()
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), n.to_string());
    }
}

#[test]
fn svg_is_rendered_through_graphviz() {
    if !have("dot", &["-V"]) {
        return;
    }
    let (svg, _) = ok(cg().args(["export", "--format", "svg", "--view", "councils", "--store"]).arg(seed_store()));
    assert!(svg.contains("<svg") && svg.contains("Dudley Council"));
}

#[test]
fn readme_pictures_are_current() {
    // scripts/pictures.sh regenerates docs/pictures/; the DOT it drew must be
    // what the tool draws today.
    let dir = crate::util::root().join("docs/pictures");
    for (name, args) in [
        ("seed-graph", &[][..]),
        ("focus-pete-lowe", &["--focus", "Pete Lowe", "--depth", "2"][..]),
        ("councils", &["--view", "councils"][..]),
    ] {
        let committed = std::fs::read_to_string(dir.join(format!("{name}.dot"))).unwrap_or_default();
        let (now, _) = ok(cg().args(["export", "--format", "dot"]).args(args).arg("--store").arg(seed_store()));
        assert_eq!(committed, now, "docs/pictures/{name}.dot is stale: run scripts/pictures.sh");
        assert!(dir.join(format!("{name}.svg")).exists());
    }
}
