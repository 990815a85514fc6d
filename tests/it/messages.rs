//! Issue 11, item 5: the command line's messages, each one clear line and
//! its exit status.

use crate::util::{bin, cg, fails, seed_store};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

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
