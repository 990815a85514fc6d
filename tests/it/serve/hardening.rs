//! Issue 9: nothing a client sends can crash, freeze or empty the endpoint.

use super::{get, raw, request, start};
use crate::util::{cg, cli_count, encode, ok, seed_store, seeds};
use std::io::Write;
use std::net::TcpStream;
use std::time::Duration;

fn ask(addr: &str) -> u16 {
    get(addr, &format!("/sparql?query={}", encode("ASK { ?s ?p ?o }")), "").status
}

#[test]
fn deep_nesting_and_thousands_of_filters_are_refused_not_fatal() {
    let s = start(seed_store(), &[]);
    let deep = format!("SELECT * WHERE {}{}", "{".repeat(10_000), "}".repeat(10_000));
    let filters = format!("SELECT * WHERE {{ ?s ?p ?o {} }}", "FILTER(?o) ".repeat(3_000));
    for q in [&deep, &filters] {
        let a = get(&s.addr, &format!("/sparql?query={}", encode(q)), "");
        assert_eq!(a.status, 400, "{}", a.text());
        assert!(a.text().contains("query refused"), "{}", a.text());
        let a = request(&s.addr, "POST", "/sparql", &[("Content-Type", "application/sparql-query")], q.as_bytes());
        assert_eq!(a.status, 400, "{}", a.text());
    }
    assert_eq!(ask(&s.addr), 200, "the server is still up");
    // the command line refuses them too, with one line and exit 1
    for q in [&deep, &filters] {
        let out =
            cg().args(["query", q.as_str(), "--store"]).arg(seed_store()).output().unwrap_or_else(|e| panic!("{e}"));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.starts_with("councilgraph: error: query refused: "), "{err}");
    }
}

#[test]
fn idle_connections_neither_block_others_nor_stay_open() {
    let s = start(seed_store(), &["--threads", "2", "--read-timeout", "2"]);
    let mut idle = Vec::new();
    for i in 0..32 {
        let mut c = TcpStream::connect(&s.addr).unwrap_or_else(|e| panic!("{e}"));
        let partial: &[u8] = match i % 3 {
            0 => b"",
            1 => b"GET /sparql?query=ASK",
            _ => b"POST /sparql HTTP/1.1\r\nContent-Type: application/sparql-query\r\nContent-Length: 100\r\n\r\nASK",
        };
        let _ = c.write_all(partial);
        idle.push(c);
    }
    assert_eq!(ask(&s.addr), 200, "answered while 32 connections idle");
    // each idle connection is closed by the server (an upper bound, not a timing)
    for mut c in idle {
        let _ = c.set_read_timeout(Some(Duration::from_secs(30)));
        let mut out = Vec::new();
        let closed = std::io::Read::read_to_end(&mut c, &mut out).is_ok();
        let text = String::from_utf8_lossy(&out);
        assert!(closed, "still open after 30 s");
        assert!(text.is_empty() || text.starts_with("HTTP/1.1 408"), "{text}");
    }
}

#[test]
fn a_query_past_its_time_limit_is_stopped_and_frees_its_worker() {
    // one worker: if the slow query kept running, the next one could not start
    let s = start(seed_store(), &["--threads", "1", "--timeout", "1"]);
    let slow = [
        "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
        "SELECT ?a WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i LIMIT 1",
    ];
    for q in slow {
        let a = get(&s.addr, &format!("/sparql?query={}", encode(q)), "");
        assert_eq!(a.status, 503, "{}", a.text());
        assert!(a.text().contains("time limit"), "{}", a.text());
        assert_eq!(ask(&s.addr), 200);
    }
}

#[test]
fn cross_origin_updates_are_refused_and_the_store_kept() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("s.db");
    ok(cg().arg("build").arg(seeds().join("003_ffc3ee22a31ed9e6.txt")).arg("--store").arg(&store).arg("-q"));
    let s = start(&store, &["--allow-update"]);
    let count = || {
        let a = get(&s.addr, &format!("/sparql?query={}", encode("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")), "text/csv");
        a.text().lines().nth(1).unwrap_or("").to_owned()
    };
    let before = count();
    let form = format!("update={}", encode("CLEAR ALL"));
    let form_type = ("Content-Type", "application/x-www-form-urlencoded");
    for headers in [
        vec![form_type, ("Origin", "http://evil.example")],
        vec![form_type, ("Origin", "null")],
        vec![form_type, ("Sec-Fetch-Site", "cross-site")],
    ] {
        let a = request(&s.addr, "POST", "/sparql", &headers, form.as_bytes());
        assert_eq!(a.status, 403, "{}", a.text());
        assert_eq!(a.header("access-control-allow-origin"), None, "no CORS on updates");
    }
    // a page on another name that resolves here (DNS rebinding)
    let rebound = raw(
        &s.addr,
        format!("POST /sparql HTTP/1.1\r\nHost: evil.example\r\nOrigin: http://evil.example\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{form}", form.len())
            .as_bytes(),
    );
    assert_eq!(rebound.map(|a| a.status), Some(403));
    assert_eq!(count(), before, "store intact");
    assert_ne!(before, "0");
    // the same update from the endpoint's own origin is allowed
    let origin = format!("http://{}", s.addr);
    let a = request(&s.addr, "POST", "/sparql", &[form_type, ("Origin", &origin)], form.as_bytes());
    assert_eq!(a.status, 204, "{}", a.text());
    assert_eq!(count(), "0");
}

#[test]
fn malformed_requests_get_a_status_not_a_hang() {
    let s = start(seed_store(), &["--max-body", "1000"]);
    let cases: [(&[u8], u16); 6] = [
        (b"POST /sparql HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 5\r\nContent-Type: application/sparql-query\r\n\r\nASK{}", 400),
        (b"POST /sparql HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nASK{}", 400),
        (b"POST /sparql HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nASK{}\r\n0\r\n\r\n", 501),
        (b"POST /sparql HTTP/1.1\r\nContent-Length: 18446744073709551616\r\n\r\n", 413),
        (b"GET /sparql HTTP/9.9\r\n\r\n", 505),
        (b"BREW coffee\r\n\r\n", 400),
    ];
    for (req, status) in cases {
        let a = raw(&s.addr, req).unwrap_or_else(|| panic!("no answer to {}", String::from_utf8_lossy(req)));
        assert_eq!(a.status, status, "{}: {}", String::from_utf8_lossy(req), a.text());
    }
    let huge = format!("GET /sparql?query={} HTTP/1.1\r\n\r\n", "x".repeat(100_000));
    assert_eq!(raw(&s.addr, huge.as_bytes()).map(|a| a.status), Some(431));
    let big = vec![b'#'; 20_000];
    let a = request(&s.addr, "POST", "/sparql", &[("Content-Type", "application/sparql-query")], &big);
    assert_eq!(a.status, 413);
    assert_eq!(ask(&s.addr), 200);
}

#[test]
fn option_values_out_of_range_are_usage_errors() {
    for args in [
        ["--timeout", "1e300"],
        ["--timeout", "NaN"],
        ["--timeout", "0"],
        ["--read-timeout", "100000"],
        ["--max-body", "18446744073709551615"],
        ["--max-body", "0"],
        ["--threads", "0"],
    ] {
        let out =
            cg().arg("serve").args(args).arg("--store").arg(seed_store()).output().unwrap_or_else(|e| panic!("{e}"));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(args[0]) && !err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn a_read_only_server_sees_documents_built_after_it_started() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("s.db");
    ok(cg().arg("build").arg(seeds().join("000_75f2b3a10f055015.txt")).arg("--store").arg(&store).arg("-q"));
    let s = start(&store, &[]);
    let count = || {
        let a = get(&s.addr, &format!("/sparql?query={}", encode("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")), "text/csv");
        a.text().lines().nth(1).unwrap_or("").to_owned()
    };
    let before = count();
    assert_eq!(get(&s.addr, "/id/person/sarah-norman/e08000027", "").status, 404);
    ok(cg().arg("build").arg(seeds()).arg("--store").arg(&store).arg("-q"));
    assert_ne!(count(), before);
    assert_eq!(count(), cli_count(&store, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"));
    assert_eq!(get(&s.addr, "/id/person/sarah-norman/e08000027", "").status, 200);
}
