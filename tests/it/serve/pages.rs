//! Issue 11, items 2 and 3: entity pages by path with content negotiation,
//! search, a crawl of every page of the seed graph, and the pages in
//! headless Chromium (a link followed, the canned queries run).

use super::{get, start};
use crate::util::{cg, have, ok, root, seed_store};
use std::collections::{BTreeSet, VecDeque};
use std::process::Command;

const BASE: &str = "https://w3id.org/councilgraph/id/";
const NORMAN: &str = "/id/person/sarah-norman/e08000027";

fn hrefs(html: &str) -> Vec<String> {
    html.split("href=\"").skip(1).filter_map(|s| s.split('"').next()).map(|s| s.replace("&amp;", "&")).collect()
}

#[test]
fn entity_pages_negotiate_html_and_rdf() {
    let s = start(seed_store(), &[]);
    let a = get(&s.addr, NORMAN, "text/turtle");
    assert_eq!(a.status, 200, "{}", a.text());
    assert!(a.header("content-type").is_some_and(|t| t.starts_with("text/turtle")));
    assert!(a.text().contains("\"Sarah Norman\""), "{}", a.text());
    let a = get(&s.addr, NORMAN, "application/n-triples");
    assert!(
        a.text()
            .lines()
            .any(|l| l.starts_with(&format!("<{BASE}person/sarah-norman/e08000027> ")) && l.ends_with(" .")),
        "{}",
        a.text()
    );
    assert!(get(&s.addr, NORMAN, "application/ld+json")
        .header("content-type")
        .is_some_and(|t| t == "application/ld+json"));
    assert_eq!(get(&s.addr, NORMAN, "image/png").status, 406);
    let page = get(&s.addr, NORMAN, "text/html").text();
    for needle in
        ["<h1>Sarah Norman</h1>", "Quotations (17)", "chief executive", "href=\"/id/doc/001_e9a50d3fe32fcae9\""]
    {
        assert!(page.contains(needle), "{needle} not in {page}");
    }
    assert_eq!(page.matches("class=\"quotation\"").count(), 17);
    assert_eq!(get(&s.addr, "/id/person/nobody-at-all", "").status, 404);
    assert_eq!(get(&s.addr, "/id/person/bad%20<iri>", "").status, 404);
    let doc = get(&s.addr, "/id/doc/003_ffc3ee22a31ed9e6", "").text();
    for needle in [
        "003_ffc3ee22a31ed9e6",
        "2018-01-29",
        "Facts in this article",
        "Quotations in this article",
        "href=\"/id/person/james-morris/e08000028\"",
    ] {
        assert!(doc.contains(needle), "{needle} not in {doc}");
    }
    let found = get(&s.addr, "/search?q=NORMAN", "").text();
    assert!(found.contains(&format!("href=\"{NORMAN}\"")), "{found}");
    assert!(get(&s.addr, "/search?q=%3Cscript%3E%22", "").text().contains("&lt;script&gt;&quot;"));
}

#[test]
fn every_page_of_the_seed_graph_and_every_link_on_it_resolves() {
    let store = seed_store();
    let s = start(store, &["--threads", "2"]);
    let (csv, _) = ok(cg()
        .args(["query", "--format", "csv", "--store"])
        .arg(store)
        .arg(format!("SELECT DISTINCT ?e WHERE {{ ?e ?p ?o FILTER(STRSTARTS(STR(?e), \"{BASE}\")) }}")));
    let entities: Vec<String> =
        csv.lines().skip(1).map(|l| format!("/id/{}", l.trim().trim_start_matches(BASE))).collect();
    assert!(entities.len() > 200, "{}", entities.len());
    let mut todo: VecDeque<String> = entities.iter().cloned().collect();
    todo.push_back("/".into());
    let mut seen: BTreeSet<String> = todo.iter().cloned().collect();
    let mut broken = Vec::new();
    while let Some(path) = todo.pop_front() {
        let a = get(&s.addr, &path, "text/html");
        if a.status != 200 {
            broken.push(format!("{path}: {}", a.status));
            continue;
        }
        for link in hrefs(&a.text()) {
            if link.starts_with('/') && !link.starts_with("/sparql") && seen.insert(link.clone()) {
                todo.push_back(link);
            }
        }
    }
    assert!(broken.is_empty(), "{} broken links: {broken:?}", broken.len());
    assert!(seen.len() >= entities.len(), "{} pages", seen.len());
}

fn chromium_dom(url: &str) -> String {
    let out = Command::new("chromium")
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=10000", "--dump-dom", url])
        .output()
        .unwrap_or_else(|e| panic!("chromium: {e}"));
    assert!(out.status.success(), "{url}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn in_chromium_search_leads_to_her_page_and_on_to_an_article() {
    if !have("chromium", &["--version"]) {
        return;
    }
    let s = start(seed_store(), &[]);
    let url = |path: &str| format!("http://{}{path}", s.addr);
    let found = chromium_dom(&url("/search?q=norman"));
    let link = hrefs(&found).into_iter().find(|h| h.starts_with("/id/person/")).unwrap_or_else(|| panic!("{found}"));
    assert_eq!(link, NORMAN);
    let page = chromium_dom(&url(&link));
    assert!(page.contains("<h1>Sarah Norman</h1>"), "{page}");
    assert_eq!(page.matches("<li class=\"quotation\">").count(), 17, "{page}");
    assert!(page.contains("Posts (3)") && page.contains("chief executive"), "{page}");
    let article = hrefs(&page).into_iter().find(|h| h.starts_with("/id/doc/")).unwrap_or_else(|| panic!("{page}"));
    let doc = chromium_dom(&url(&article));
    assert!(doc.contains("Facts in this article") || doc.contains("Quotations in this article"), "{doc}");
    assert!(doc.contains(&format!("href=\"{NORMAN}\"")), "the article links back: {doc}");
}

#[test]
fn in_chromium_every_query_file_is_on_the_page_and_runs() {
    if !have("chromium", &["--version"]) {
        return;
    }
    let s = start(seed_store(), &[]);
    let index = chromium_dom(&format!("http://{}/", s.addr));
    let mut names: Vec<String> = std::fs::read_dir(root().join("queries"))
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str().and_then(|n| n.strip_suffix(".rq")).map(str::to_owned))
        .collect();
    names.sort();
    assert!(names.len() >= 22);
    for name in &names {
        assert!(index.contains(&format!("<option value=\"{name}\"")), "{name} not on the page");
        let dom = chromium_dom(&format!("http://{}/#query={name}", s.addr));
        let status = dom.split("<span id=\"status\">").nth(1).and_then(|s| s.split('<').next()).unwrap_or("");
        assert!(status.ends_with(" rows") || status == "true" || status == "false", "{name}: status {status:?}");
        if name.starts_with("check-") {
            assert_eq!(status, "0 rows", "{name}");
        } else if status != "0 rows" {
            assert!(
                dom.contains("<table id=\"results\">") && dom.contains(">CSV</a>") && dom.contains(">JSON</a>"),
                "{name}"
            );
        }
    }
    // a name in a canned query's result links to the entity's page
    let dom = chromium_dom(&format!("http://{}/#query=posts", s.addr));
    assert!(dom.contains("<a href=\"/id/person/sarah-norman/e08000027\" class=\"entity\">Sarah Norman</a>"), "{dom}");
    // an entity IRI in a result links to its page (the query in the box lists people)
    let dom = chromium_dom(&format!("http://{}/#run", s.addr));
    assert!(dom.contains("href=\"/id/person/"), "{dom}");
}

/// The `<circle>`s of the result's network picture, and its labels.
fn network_in(dom: &str) -> (usize, String) {
    let svg = dom.split("<svg id=\"network\"").nth(1).map(|s| s.split("</svg>").next().unwrap_or("")).unwrap_or("");
    (svg.matches("<circle").count(), svg.to_owned())
}

#[test]
fn in_chromium_a_result_that_is_a_network_gets_its_picture() {
    if !have("chromium", &["--version"]) {
        return;
    }
    let s = start(seed_store(), &[]);
    // SELECT: each party linked to its people, one node per entity
    let text = std::fs::read_to_string(root().join("queries/people-by-party.rq")).unwrap_or_else(|e| panic!("{e}"));
    let rows = crate::util::csv_rows(seed_store(), &text);
    let entities: BTreeSet<&str> = rows.iter().flat_map(|r| [r[0].as_str(), r[1].as_str()]).collect();
    let dom = chromium_dom(&format!("http://{}/#query=people-by-party", s.addr));
    let (circles, svg) = network_in(&dom);
    assert_eq!(circles, entities.len(), "{dom}");
    assert!(svg.contains("href=\"/id/party/labour\"") && svg.contains(">Tim Crumpton</text>"), "{svg}");
    assert!(dom.contains("id=\"network-key\""), "{dom}");
    // CONSTRUCT: who called for whose resignation
    let construct =
        "PREFIX cg: <https://w3id.org/councilgraph/ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> \
        CONSTRUCT { ?a cg:calledForResignationOf ?b . ?a rdfs:label ?l . ?b rdfs:label ?m } \
        WHERE { ?a cg:calledForResignationOf ?b ; rdfs:label ?l . ?b rdfs:label ?m }";
    let people = crate::util::csv_rows(
        seed_store(),
        "PREFIX cg: <https://w3id.org/councilgraph/ns#> SELECT DISTINCT ?p WHERE { { ?p cg:calledForResignationOf ?x } UNION { ?x cg:calledForResignationOf ?p } }",
    );
    let dom = chromium_dom(&format!("http://{}/#sparql={}", s.addr, crate::util::encode(construct)));
    let (circles, svg) = network_in(&dom);
    assert_eq!(circles, people.len(), "{dom}");
    assert!(svg.contains(">Steve Eling</text>") && svg.contains("href=\"/id/person/james-morris/e08000028\""), "{svg}");
    // a result with no two entities in a row has no picture
    let dom = chromium_dom(&format!("http://{}/#query=article-dates", s.addr));
    assert!(dom.contains(" rows</span>") && !dom.contains("id=\"network"), "{dom}");
}
