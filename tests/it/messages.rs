//! Issue 11, item 5: the command line's messages, each one clear line and
//! its exit status.

use crate::util::{bin, cg, fails, have, ok, seed_store};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// Every export format's name, as the messages list them.
const FORMATS: &str = "turtle|ntriples|nquads|trig|rdfxml|jsonld|dot|svg|png|pdf|graphml|json";

fn query_error(args: &[&str]) -> String {
    fails(cg().arg("query").args(args).arg("--store").arg(seed_store()))
}

#[test]
fn query_messages_say_what_failed_and_what_to_do() {
    let e = query_error(&["nope.rq"]);
    assert_eq!(
        e,
        "councilgraph: error: no query file nope.rq: give SPARQL text, the path of a .rq file, or - for standard input"
    );
    let e = query_error(&["SELECT * WHERE { ?s ?p ?o } LIMIT 1", "--format", "turtle"]);
    assert_eq!(
        e,
        "councilgraph: error: --format turtle does not fit this query: a SELECT query gives rows: use table, csv, tsv, json or xml"
    );
    let e = query_error(&["CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", "--format", "csv"]);
    assert!(
        e.starts_with("councilgraph: error: --format csv does not fit this query: CONSTRUCT and DESCRIBE give triples"),
        "{e}"
    );
    let e = query_error(&["SELEC ?x WHERE { ?x ?y ?z }"]);
    assert!(e.starts_with("councilgraph: error: invalid SPARQL at line 1, column "), "{e}");
    assert!(e.contains("not SELEC") && e.ends_with("; line 1: SELEC ?x WHERE { ?x ?y ?z }"), "{e}");
    let e = query_error(&["DROP GRAPH <https://w3id.org/councilgraph/ns>"]);
    assert!(e.contains("this is a SPARQL update, and `query` only reads") && e.contains("serve --allow-update"), "{e}");
}

/// `serve -q` prints nothing; Ctrl-C (SIGINT) stops it with status 130.
#[test]
fn serve_is_quiet_with_q_and_exits_130_on_ctrl_c() {
    if Command::new("kill").arg("-l").output().is_err() {
        return;
    }
    for quiet in [false, true] {
        // a free port, so the quiet server can be seen to listen
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .unwrap_or_else(|e| panic!("{e}"));
        let addr = format!("127.0.0.1:{port}");
        let mut cmd = Command::new(bin());
        cmd.args(["serve", "--bind", &addr, "--store"]).arg(seed_store());
        if quiet {
            cmd.arg("-q");
        }
        let mut child = cmd.stderr(Stdio::piped()).stdout(Stdio::null()).spawn().unwrap_or_else(|e| panic!("{e}"));
        let mut stderr = BufReader::new(child.stderr.take().unwrap_or_else(|| panic!("stderr")));
        let mut first = String::new();
        if !quiet {
            let _ = stderr.read_line(&mut first);
            assert!(first.starts_with("councilgraph: listening on http://127.0.0.1:"), "{first}");
        } else {
            // it listens (with its Ctrl-C handler in place) before it accepts
            let up = (0..300).any(|_| {
                std::thread::sleep(std::time::Duration::from_millis(100));
                std::net::TcpStream::connect(&addr).is_ok()
            });
            assert!(up, "serve -q never listened on {addr}");
        }
        let killed = Command::new("kill").args(["-INT", &child.id().to_string()]).status();
        assert!(killed.is_ok_and(|s| s.success()));
        let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
        let mut rest = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut rest);
        assert_eq!(status.code(), Some(130), "quiet {quiet}: {first}{rest}");
        if quiet {
            assert_eq!(rest, "", "serve -q printed");
        }
    }
}

#[test]
fn export_without_a_known_format_lists_every_format() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let e = fails(cg().current_dir(dir.path()).args(["export", "--output", "graph.gml", "--store"]).arg(seed_store()));
    assert_eq!(
        e,
        format!(
            "councilgraph: error: cannot tell the format from graph.gml: .gml is not a known extension; give --format {FORMATS}"
        )
    );
    let e = fails(cg().args(["export", "--store"]).arg(seed_store()));
    assert_eq!(
        e,
        format!("councilgraph: error: give --format {FORMATS} (or --output FILE with one of their extensions)")
    );
    assert!(!dir.path().join("graph.gml").exists());
}

/// Runs `councilgraph ARGS` with standard output on a terminal (through
/// util-linux's `script`): (exit status, what the terminal showed).
fn on_a_terminal(args: &str) -> Option<(Option<i32>, Vec<u8>)> {
    Command::new("script").arg("--version").output().ok()?;
    let line = format!("{} {args}", bin().display());
    let out = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    Some((out.status.code(), out.stdout))
}

#[test]
fn binary_formats_are_not_written_to_a_terminal() {
    let store = seed_store().display().to_string();
    for format in ["png", "pdf"] {
        let Some((code, shown)) = on_a_terminal(&format!("export --format {format} --store {store}")) else {
            assert!(std::env::var("CI").is_err(), "script (util-linux) is missing in CI");
            return;
        };
        let shown = String::from_utf8_lossy(&shown);
        assert_eq!(code, Some(1), "{shown}");
        assert_eq!(
            shown.trim_end(),
            format!(
                "councilgraph: error: --format {format} is binary and standard output is a terminal: give --output FILE.{format} or redirect (> graph.{format})"
            )
        );
    }
    // not on a terminal, the picture is written
    if have("dot", &["-V"]) {
        let out = cg().args(["export", "--format", "png", "--store"]).arg(seed_store()).output();
        let out = out.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(out.status.code(), Some(0));
        assert!(out.stdout.starts_with(b"\x89PNG"), "not a PNG");
    }
}

/// Subjects of N-Triples lines.
fn subjects(nt: &str) -> std::collections::BTreeSet<String> {
    nt.lines().filter_map(|l| l.split_whitespace().next()).map(str::to_owned).collect()
}

#[test]
fn rdf_export_with_focus_gives_the_neighbourhood() {
    let store = seed_store();
    let person = "<https://w3id.org/councilgraph/id/person/steve-eling/e08000028>";
    let (all, _) = ok(cg().args(["export", "--format", "ntriples", "--store"]).arg(store));
    let (near, err) = ok(cg()
        .args(["export", "--format", "ntriples", "--focus", "Steve Eling", "--depth", "0", "--store"])
        .arg(store));
    assert!(err.starts_with("wrote "), "{err}");
    assert!(near.lines().count() * 10 < all.lines().count(), "--focus was ignored: {} lines", near.lines().count());
    let subjects = subjects(&near);
    assert!(subjects.contains(person), "{near}");
    // what is said about him, with its sentence and rule: his resignation called for
    assert!(near.lines().any(|l| l.contains("calledForResignationOf")), "{near}");
    assert!(near.lines().any(|l| l.contains(&format!("rdf-syntax-ns#object> {person}"))), "{near}");
    // every other node described hangs on to him (directly, or as a post's
    // role or the rule, a prov:Plan, that a fact about him followed)
    for s in subjects.iter().filter(|s| *s != person) {
        let refers = near.lines().any(|l| l.starts_with(s.as_str()) && l.contains(person));
        let role = s.contains("/role/");
        let plan =
            s.contains("/rule/") && near.lines().any(|l| l.contains("followedRule") && l.ends_with(&format!("{s} .")));
        assert!(refers || role || plan, "{s} is described but does not hang on to {person}");
    }
    assert!(!near.contains("person/sarah-norman/e08000027> <"), "another person is described");
    // a wider depth takes in more; a dataset format keeps the documents'
    // graphs (and the inspections graph, for the inspection of his council)
    let (wider, _) = ok(cg().args(["export", "--format", "nquads", "--focus", "Steve Eling", "--store"]).arg(store));
    assert!(wider.lines().count() > near.lines().count());
    let kept = |l: &str| l.contains("/id/doc/") || l.ends_with("/id/graph/inspections> .");
    assert!(wider.lines().all(kept), "a quad outside the documents' graphs");
    let e = fails(cg().args(["export", "--format", "turtle", "--focus", "Nobody Atall", "--store"]).arg(store));
    assert_eq!(e, "councilgraph: error: nothing in this view is named like \"Nobody Atall\"");
}

#[test]
fn explain_says_relations_in_words() {
    let (out, _) = ok(cg().args(["explain", "Labour", "--store"]).arg(seed_store()));
    assert!(out.starts_with("Labour Party (party) <https://w3id.org/councilgraph/id/party/labour>"), "{out}");
    assert!(out.contains("] controls Dudley Council\n"), "{out}");
    assert!(out.contains("] Ian Cooper is a member\n"), "{out}");
    // no property's raw name (`controlledBy this`) on a fact's line
    let camel = |w: &str| w.chars().next().is_some_and(char::is_lowercase) && w.chars().any(char::is_uppercase);
    for line in out.lines().filter(|l| l.starts_with("  [")) {
        let what = line.split_once("] ").map(|x| x.1).unwrap_or("");
        assert!(!what.split_whitespace().any(camel) && !what.ends_with(" this"), "{line}");
    }
}

#[test]
fn push_that_stops_early_names_the_graphs_not_tried() {
    let out = cg()
        .args(["push", "--retries", "0", "--endpoint", "http://127.0.0.1:9/store", "--store"])
        .arg(seed_store())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert!(lines[0].starts_with("councilgraph: failed https://w3id.org/councilgraph/id/doc/000_75f2b3a10f055015: gave up after 1 attempt: connection failed"), "{err}");
    let untried: Vec<&str> = lines.iter().filter_map(|l| l.strip_prefix("not tried ")).collect();
    assert_eq!(untried.len(), 6, "{err}");
    assert!(untried.contains(&"https://w3id.org/councilgraph/ns"), "{err}");
    assert!(lines.contains(&"councilgraph: pushed 0 of 7 graphs (0 triples) to http://127.0.0.1:9/store; 1 failed; 6 not tried (the push stopped at the first failure)"), "{err}");
    let last = lines.last().copied().unwrap_or("");
    assert!(last.starts_with("councilgraph: error: 7 graphs not pushed to http://127.0.0.1:9/store (1 failed, 6 not tried): gave up after 1 attempt: connection failed"), "{err}");
    assert!(last.ends_with("; check that the endpoint is up and --endpoint is right, then push again (each graph is replaced, not duplicated)"), "{err}");
}

#[test]
fn json_lines_errors_say_the_line_and_what_was_expected() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("batch.jsonl");
    let lines = [
        "not json",
        "{\"text\": \"Councillor Jo Bell said: \\\"We will act.\\\"\"}",
        "{\"text\": \"x\" \"id\": 2}",
        "{\"text\": nope}",
        "{\"text\": \"cut",
    ];
    std::fs::write(&file, lines.join("\n")).unwrap_or_else(|e| panic!("{e}"));
    let (_, err) = ok(cg().current_dir(dir.path()).args(["build", "batch.jsonl", "--store", "s.db"]));
    for expected in [
        "    batch.jsonl:1: invalid JSON Lines record (expected a JSON object such as {\"text\": \"…\"} on each line, found \"not json\")",
        "    batch.jsonl:3: invalid JSON Lines record (column 14: expected `,` or `}` after a value, found \"\\\"id\\\": 2}\")",
        "    batch.jsonl:4: invalid JSON Lines record (column 10: expected a value (\"text\", a number, true, false, null, {…} or […]), found \"nope}\")",
        "    batch.jsonl:5: invalid JSON Lines record (column 13: the line ends before the object does: a record must be whole, on one line)",
    ] {
        assert!(err.lines().any(|l| l == expected), "missing {expected}\n{err}");
    }
    assert!(!err.contains("expected ident"), "{err}");
    assert!(err.contains("councilgraph: built 1 document"), "{err}");
}
