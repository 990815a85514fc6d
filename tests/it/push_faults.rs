//! `push` against a scripted HTTP server on loopback (issue 9): redirects
//! are failures, a failed later batch names the graph left partial,
//! credentials in the URL are used and never printed, absurd numbers are
//! refused with one line.

use crate::util::{cg, fails, seed_store};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

/// One request as the server saw it: the request line and its headers.
type Seen = Arc<Mutex<Vec<String>>>;

/// Serves every connection with `answer(n, request)` (n counts from 0),
/// reading each request whole first. Returns the address and the requests.
fn server(answer: impl Fn(usize, &str) -> String + Send + 'static) -> (String, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
    let addr = listener.local_addr().map(|a| a.to_string()).unwrap_or_default();
    let seen: Seen = Arc::default();
    let log = seen.clone();
    std::thread::spawn(move || {
        for (n, stream) in listener.incoming().enumerate() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap_or_else(|e| panic!("{e}")));
            let mut head = String::new();
            let mut length = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap_or(0);
                }
                head.push_str(&line);
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            log.lock().map(|mut l| l.push(head.clone())).ok();
            let _ = stream.write_all(answer(n, &head).as_bytes());
        }
    });
    (addr, seen)
}

fn status(code: &str, extra: &str) -> String {
    format!("HTTP/1.1 {code}\r\n{extra}Content-Length: 0\r\nConnection: close\r\n\r\n")
}

#[test]
fn a_redirect_is_a_failure_not_a_success() {
    let (addr, seen) = server(|_, _| status("301 Moved Permanently", "Location: http://elsewhere.example/store\r\n"));
    let err = fails(
        cg().args(["push", "--retries", "0", "--endpoint", &format!("http://{addr}/store"), "--store"])
            .arg(seed_store()),
    );
    assert!(err.contains("answered 301 (a redirect to http://elsewhere.example/store)"), "{err}");
    let requests = seen.lock().map(|s| s.clone()).unwrap_or_default();
    assert!(requests.iter().all(|r| !r.starts_with("GET")), "the redirect was followed: {requests:?}");
}

#[test]
fn a_failed_later_batch_names_the_partial_graph() {
    // The first graph's first batch lands, its second fails.
    let (addr, _) = server(|n, _| if n == 0 { status("204 No Content", "") } else { status("400 Bad Request", "") });
    let out = cg()
        .args(["push", "--retries", "0", "--batch", "100", "--endpoint", &format!("http://{addr}/store"), "--store"])
        .arg(seed_store())
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("the remote graph is partial: it holds 100 of the"), "{stderr}");
    let last = stderr.lines().last().unwrap_or("");
    assert!(
        last.contains("(left partial on the remote: https://w3id.org/councilgraph/id/doc/000_75f2b3a10f055015)"),
        "{last}"
    );
    assert_eq!(stderr.matches("left partial").count(), 1, "only the first graph is partial: {stderr}");
}

#[test]
fn credentials_in_the_url_are_sent_but_never_printed() {
    let (addr, seen) = server(|_, req| {
        if req.contains("Authorization: Basic") {
            status("503 Service Unavailable", "")
        } else {
            status("401 Unauthorized", "WWW-Authenticate: Basic realm=\"kg\"\r\n")
        }
    });
    let url = format!("http://editor:s3cret-pw@{addr}/store");
    let out = cg().args(["push", "--retries", "0", "--endpoint", &url, "--store"]).arg(seed_store()).output();
    let out = out.unwrap_or_else(|e| panic!("{e}"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("s3cret"), "the password was printed: {stderr}");
    assert!(stderr.contains(&format!("http://{addr}/store")), "{stderr}");
    let requests = seen.lock().map(|s| s.clone()).unwrap_or_default();
    // base64("editor:s3cret-pw")
    assert!(requests.iter().any(|r| r.contains("Authorization: Basic ZWRpdG9yOnMzY3JldC1wdw==")), "{requests:?}");
    assert!(requests.iter().all(|r| !r.contains("s3cret")), "the password went into the request line");
}

#[test]
fn absurd_numbers_are_refused_with_one_line() {
    let store = seed_store();
    for (cmd, flag, value, expected) in [
        ("push", "--timeout", "1e300", "--timeout must be a number of seconds from 0.001 to 86400 (got 1e300)"),
        ("push", "--timeout", "NaN", "--timeout must be a number of seconds"),
        ("push", "--retries", "4000000000", "--retries must be from 0 to 20"),
        ("push", "--batch", "0", "--batch must be from 1 to"),
    ] {
        // serve's ranges are checked by its argument parser (tests/it/serve/hardening.rs)
        let mut c = cg();
        c.args([cmd, flag, value, "--store"]).arg(store);
        c.args(["--endpoint", "http://127.0.0.1:9/store"]);
        let err = fails(&mut c);
        assert!(err.contains(expected), "{cmd} {flag} {value}: {err}");
        let out = c.output().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1, "{cmd} {flag} {value}");
    }
}
