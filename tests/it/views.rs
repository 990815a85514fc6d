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

/// A store built once from the 40 development articles of `../shared/dev`
/// (read in place, nothing copied).
fn dev_store() -> &'static Path {
    static STORE: std::sync::OnceLock<(tempfile::TempDir, std::path::PathBuf)> = std::sync::OnceLock::new();
    let (_, p) = STORE.get_or_init(|| {
        let texts = crate::util::root().join("../shared/dev/texts");
        assert!(texts.is_dir(), "the development corpus is missing: {}", texts.display());
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let p = dir.path().join("dev.db");
        ok(cg().arg("build").arg(texts).arg("--store").arg(&p));
        (dir, p)
    });
    p
}

/// Every view, with each picture option, on the seeds and the development
/// articles: Graphviz reads each without a word on stderr.
#[test]
fn every_view_and_option_renders_without_warnings() {
    if !have("dot", &["-V"]) {
        return;
    }
    for store in [seed_store(), dev_store()] {
        for args in [
            &["--view", "all"][..],
            &["--view", "people"],
            &["--view", "councils"],
            &["--view", "quotes"],
            &["--focus", "Council", "--depth", "1"],
            &["--isolated", "omit"],
            &["--max-nodes", "0"],
            &["--max-nodes", "10", "--view", "quotes"],
            &["--since", "2016-04", "--view", "councils"],
            &["--council", "Dudley", "--council", "Barnet"],
        ] {
            let (dot, _) = ok(cg().args(["export", "--format", "dot"]).args(args).arg("--store").arg(store));
            let n = nodes_in_dot(&dot);
            assert!(n > 2, "{args:?}: {n} nodes");
            let svg = render_clean(&dot);
            assert!(svg.contains("<svg") && svg.contains("Key"), "{args:?}");
        }
    }
}

/// Node statements of a DOT text: id → (label, fillcolor, the whole line).
fn dot_nodes(dot: &str) -> Vec<(String, String, String)> {
    let attr = |line: &str, name: &str| {
        line.split(&format!("{name}=\"")).nth(1).and_then(|r| r.split('"').next()).unwrap_or("").to_owned()
    };
    dot.lines()
        .filter(|l| l.trim_start().starts_with('n') && l.contains("[label=") && !l.contains("->"))
        .map(|l| (attr(l, "label"), attr(l, "fillcolor"), l.to_owned()))
        .collect()
}

fn node<'a>(nodes: &'a [(String, String, String)], name: &str) -> &'a (String, String, String) {
    nodes
        .iter()
        .find(|(label, _, _)| label.split("\\n").next() == Some(name))
        .unwrap_or_else(|| panic!("no node {name} in {nodes:?}"))
}

/// In the councils view, where no party is drawn as a node, every
/// councillor's fill is their party's colour and the key names the party.
#[test]
fn people_wear_their_party_colour_and_the_key_names_it() {
    let members = crate::util::csv_rows(
        seed_store(),
        "PREFIX org: <http://www.w3.org/ns/org#> PREFIX schema: <http://schema.org/> PREFIX cg: <https://w3id.org/councilgraph/ns#>
         PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
         SELECT DISTINCT ?person ?party WHERE { ?p org:memberOf ?c ; rdfs:label ?person ; org:memberOf ?y .
           ?c a cg:Council . ?y a schema:PoliticalParty ; rdfs:label ?party }",
    );
    assert!(members.len() > 5, "{members:?}");
    let (dot, _) = ok(cg().args(["export", "--format", "dot", "--view", "councils", "--store"]).arg(seed_store()));
    let nodes = dot_nodes(&dot);
    for row in &members {
        let (_, fill, _) = node(&nodes, &row[0]);
        let swatch = format!("<td bgcolor=\"{fill}\" align=\"left\"><font color=\"white\">{}</font>", row[1]);
        assert!(
            dot.contains(&swatch),
            "{} ({}) is filled {fill}, which the key does not give the party",
            row[0],
            row[1]
        );
    }
    let (_, fill, _) = node(&nodes, "Sarah Norman");
    assert_eq!(fill, "#FFFFFF", "a person with no party is white");
    assert!(dot.contains("no party in the articles"));
}

#[test]
fn councils_show_their_current_grade_and_its_date() {
    let (dot, _) = ok(cg().args(["export", "--format", "dot", "--view", "councils", "--store"]).arg(seed_store()));
    let nodes = dot_nodes(&dot);
    let (label, fill, _) = node(&nodes, "Dudley Council");
    assert_eq!(label, "Dudley Council\\nOfsted: inadequate, 2016-04-06");
    assert_eq!(fill, "#D7191C");
    let (label, _, _) = node(&nodes, "Sandwell Council");
    assert!(label.ends_with("Ofsted: inadequate, 2018-01-29"), "{label}");
    assert!(dot.contains("Councils: latest Ofsted grade, date of the article"));
    assert!(dot.contains(">inadequate</font>"), "the key lacks the grade");
}

#[test]
fn the_focus_entity_is_outlined_and_named_in_the_key() {
    let (dot, _) = ok(cg().args(["export", "--format", "dot", "--focus", "Pete Lowe", "--store"]).arg(seed_store()));
    let outlined: Vec<String> =
        dot_nodes(&dot).into_iter().filter(|(_, _, line)| line.contains("penwidth=5")).map(|n| n.0).collect();
    assert_eq!(outlined, ["Pete Lowe\\n7 quotations"]);
    assert!(dot.contains("thick outline: the --focus entity"));
    assert!(dot.contains("label=\"view: all · around Pete Lowe (2 steps)\""), "no caption");
}

#[test]
fn articles_go_by_headline_or_the_councils_they_name_and_date() {
    let (dot, _) = ok(cg().args(["export", "--format", "dot", "--view", "quotes", "--store"]).arg(seed_store()));
    let articles: Vec<String> =
        dot_nodes(&dot).into_iter().filter(|(_, _, l)| l.contains("shape=folder")).map(|n| n.0).collect();
    assert_eq!(articles.len(), 5, "{articles:?}");
    assert!(articles.contains(&"Article on Sandwell Council\\n2018-01-29".to_owned()), "{articles:?}");
    // Two undated articles on Dudley: the identifier tells them apart.
    assert_eq!(articles.iter().filter(|a| a.ends_with("\\nundated")).count(), 2, "{articles:?}");
    assert!(articles.iter().all(|a| a.starts_with("Article on ")), "{articles:?}");
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        dir.path().join("fostering.html"),
        "<html><head><title>Fostering service told to improve</title></head><body><article><p>Councillor Jane Doe, \
         the Labour leader of Dudley Council, said: \"We will improve our fostering services now.\"</p></article></body></html>",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("h.db");
    ok(cg().arg("build").arg(dir.path().join("fostering.html")).arg("--store").arg(&store));
    let (dot, _) = ok(cg().args(["export", "--format", "dot", "--view", "quotes", "--store"]).arg(&store));
    assert!(dot.contains("label=\"Fostering service told to\\nimprove\\nundated\""), "{dot}");
}

#[test]
fn since_and_council_keep_the_articles_they_name() {
    let quotes = |args: &[&str]| {
        let (dot, _) = ok(cg()
            .args(["export", "--format", "dot", "--view", "quotes"])
            .args(args)
            .arg("--store")
            .arg(seed_store()));
        dot_nodes(&dot).into_iter().filter(|(_, _, l)| l.contains("shape=folder")).map(|n| n.0).collect::<Vec<_>>()
    };
    assert_eq!(quotes(&["--since", "2018"]), ["Article on Sandwell Council\\n2018-01-29"]);
    assert_eq!(quotes(&["--since", "2016-04-06"]).len(), 2);
    assert_eq!(quotes(&["--council", "sandwell"]), ["Article on Sandwell Council\\n2018-01-29"]);
    assert_eq!(quotes(&["--council", "Sandwell", "--council", "Dudley"]).len(), 5);
    let (dot, _) = ok(cg().args(["export", "--format", "dot", "--since", "2018", "--store"]).arg(seed_store()));
    assert!(!dot.contains("Dudley Council\\nOfsted"), "a grade from an earlier article: {dot}");
    assert!(dot.contains("articles since 2018"), "the caption does not say");
    let err =
        crate::util::fails(cg().args(["export", "--format", "dot", "--since", "2030", "--store"]).arg(seed_store()));
    assert!(err.contains("no article in the store is dated 2030 or later"), "{err}");
    let err = crate::util::fails(
        cg().args(["export", "--format", "dot", "--council", "Atlantis", "--store"]).arg(seed_store()),
    );
    assert!(err.contains("no article names a council like Atlantis"), "{err}");
    let err =
        crate::util::fails(cg().args(["export", "--format", "turtle", "--since", "2018", "--store"]).arg(seed_store()));
    assert!(err.contains("--since and --council choose what a picture draws"), "{err}");
    let out = cg().args(["export", "--format", "dot", "--since", "2018-13-01", "--store"]).arg(seed_store()).output();
    let out = out.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
}

#[test]
fn unconnected_nodes_are_grouped_or_left_out_and_counted() {
    let (grouped, _) = ok(cg().args(["export", "--format", "dot", "--store"]).arg(seed_store()));
    let head = grouped
        .lines()
        .find(|l| l.contains("Not connected to anything drawn ("))
        .unwrap_or_else(|| panic!("{grouped}"));
    let n: usize = head.split('(').nth(1).and_then(|r| r.split(')').next()).and_then(|n| n.parse().ok()).unwrap_or(0);
    assert!(n > 0, "{head}");
    assert!(grouped.contains("subgraph cluster_unconnected"));
    let (omitted, err) =
        ok(cg().args(["export", "--format", "dot", "--isolated", "omit", "--store"]).arg(seed_store()));
    assert!(!omitted.contains("cluster_unconnected"), "{omitted}");
    assert_eq!(nodes_in_dot(&omitted), nodes_in_dot(&grouped) - n);
    assert!(omitted.contains(&format!("Not drawn: {n} with no connection in this view")), "{omitted}");
    assert!(err.contains(&format!("--isolated omit left out {n} unconnected")), "{err}");
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
    assert!(dot.contains("only the 5 best-connected are drawn: --max-nodes N to change"), "{dot}");
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
    // what the tool draws today, from the seeds and the development articles.
    let dir = crate::util::root().join("docs/pictures");
    for (store, name, args) in [
        (seed_store(), "seed-graph", &[][..]),
        (seed_store(), "focus-pete-lowe", &["--focus", "Pete Lowe", "--depth", "2"][..]),
        (seed_store(), "councils", &["--view", "councils"][..]),
        (dev_store(), "dev-graph", &[][..]),
        (dev_store(), "dev-councils", &["--view", "councils", "--max-nodes", "0"][..]),
    ] {
        let committed = std::fs::read_to_string(dir.join(format!("{name}.dot"))).unwrap_or_default();
        let (now, _) = ok(cg().args(["export", "--format", "dot"]).args(args).arg("--store").arg(store));
        assert_eq!(committed, now, "docs/pictures/{name}.dot is stale: run scripts/pictures.sh");
        for ext in ["svg", "png"] {
            assert!(dir.join(format!("{name}.{ext}")).exists(), "docs/pictures/{name}.{ext} is missing");
        }
    }
}

/// A store like a thousand articles' worth: 1,000 document graphs, 2,000
/// people in 5 parties, 150 councils, each person on a council.
fn large_store(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("large.db");
    let store = oxigraph::store::Store::open(&path).unwrap_or_else(|e| panic!("{e}"));
    let mut nq = String::new();
    let parties = ["labour", "conservative", "libdem", "green", "reform"];
    let names = ["Labour Party", "Conservative Party", "Liberal Democrats", "Green Party", "Reform UK"];
    for person in 0..2000 {
        let doc = format!("<https://example.org/doc/{}>", person % 1000);
        let party = parties[person % parties.len()];
        let name = names[person % parties.len()];
        let council = person / 5 % 150;
        for (s, p, o) in [
            (
                format!("<https://example.org/person/{person}>"),
                "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                "<http://schema.org/Person>".to_owned(),
            ),
            (
                format!("<https://example.org/person/{person}>"),
                "http://www.w3.org/2000/01/rdf-schema#label",
                format!("\"Person {person}\""),
            ),
            (
                format!("<https://example.org/person/{person}>"),
                "http://www.w3.org/ns/org#memberOf",
                format!("<https://w3id.org/councilgraph/id/party/{party}>"),
            ),
            (
                format!("<https://example.org/person/{person}>"),
                "http://www.w3.org/ns/org#memberOf",
                format!("<https://example.org/council/{council}>"),
            ),
            (
                format!("<https://w3id.org/councilgraph/id/party/{party}>"),
                "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                "<http://schema.org/PoliticalParty>".to_owned(),
            ),
            (
                format!("<https://w3id.org/councilgraph/id/party/{party}>"),
                "http://www.w3.org/2000/01/rdf-schema#label",
                format!("\"{name}\""),
            ),
            (
                format!("<https://example.org/council/{council}>"),
                "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
                "<https://w3id.org/councilgraph/ns#Council>".to_owned(),
            ),
            (
                format!("<https://example.org/council/{council}>"),
                "http://www.w3.org/2000/01/rdf-schema#label",
                format!("\"Council {council}\""),
            ),
        ] {
            nq.push_str(&format!("{s} <{p}> {o} {doc} .\n"));
        }
    }
    store
        .load_from_slice(oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::NQuads), nq.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    drop(store);
    path
}

#[test]
fn the_default_view_of_a_large_graph_keeps_the_best_connected_and_counts_the_rest() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = large_store(dir.path());
    let (dot, err) = ok(cg().args(["export", "--format", "dot", "--store"]).arg(&store));
    assert_eq!(nodes_in_dot(&dot), 60, "the default is not 60 nodes");
    // The parties are the best connected: drawn, with councils and people
    // that connect them, not a pile of hubs with nothing between them.
    for party in ["Labour Party", "Conservative Party", "Liberal Democrats"] {
        assert!(dot.contains(&format!("[label=\"{party}\"")), "{party} left out");
    }
    assert!(!dot.contains("cluster_unconnected"), "unconnected nodes among the best connected");
    assert!(dot.contains("[label=\"Council ") && dot.contains("[label=\"Person "), "{dot}");
    assert!(dot.contains("Not drawn: 2095 more ("), "{dot}");
    assert!(err.contains("--max-nodes 60 left out 2095 nodes"), "{err}");
    if have("dot", &["-V"]) {
        render_clean(&dot);
    }
    let (dot, _) = ok(cg().args(["export", "--format", "dot", "--max-nodes", "200", "--store"]).arg(&store));
    assert_eq!(nodes_in_dot(&dot), 200);
    let (dot, _) = ok(cg().args(["export", "--format", "dot", "--max-nodes", "0", "--store"]).arg(&store));
    assert_eq!(nodes_in_dot(&dot), 2155);
    assert!(!dot.contains("Not drawn"));
    // graph tools get every node unless told otherwise
    let (json, _) = ok(cg().args(["export", "--format", "json", "--store"]).arg(&store));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["nodes"].as_array().map(Vec::len), Some(2155));
    let (json, _) = ok(cg().args(["export", "--format", "json", "--max-nodes", "60", "--store"]).arg(&store));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["nodes"].as_array().map(Vec::len), Some(60));
}
