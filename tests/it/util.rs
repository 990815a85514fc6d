//! Helpers for the end-to-end tests: run the binary, build stores once.

use assert_cmd::Command;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The seed articles.
pub fn seeds() -> PathBuf {
    root().join("seeds")
}

/// The binary under test, for tests that need a bare `std::process::Command`
/// (spawning, signals, closing pipes).
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_councilgraph"))
}

/// A command for the binary under test.
pub fn cg() -> Command {
    let mut c = Command::cargo_bin("councilgraph").unwrap_or_else(|e| panic!("binary: {e}"));
    c.env_remove("COUNCILGRAPH_STORE").env_remove("COUNCILGRAPH_QUIET");
    c
}

/// Output of a command that must succeed: (stdout, stderr).
pub fn ok(cmd: &mut Command) -> (String, String) {
    let out = cmd.output().unwrap_or_else(|e| panic!("run: {e}"));
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "command failed ({:?}):\nstdout: {stdout}\nstderr: {stderr}", out.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
    (stdout, stderr)
}

/// Output of a command that must fail with exit status 1: stderr.
pub fn fails(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap_or_else(|e| panic!("run: {e}"));
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "expected exit 1; stderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let last = stderr.lines().last().unwrap_or("");
    assert!(last.starts_with("councilgraph: error: "), "the last line is not the error: {stderr}");
    last.to_owned()
}

/// A store built from the seeds once per test run (read-only use).
pub fn seed_store() -> &'static Path {
    static STORE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, p) = STORE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let p = dir.path().join("seeds.db");
        ok(cg().arg("build").arg(seeds()).arg("--store").arg(&p));
        (dir, p)
    });
    p
}

/// Rows of a query in CSV (header dropped), sorted.
pub fn csv_rows(store: &Path, query: &str) -> Vec<Vec<String>> {
    let (out, _) = ok(cg().args(["query", query, "--format", "csv", "--store"]).arg(store));
    let mut rows: Vec<Vec<String>> = parse_csv(&out).into_iter().skip(1).collect();
    rows.sort();
    rows
}

/// A small RFC 4180 reader (quoted fields, doubled quotes, CRLF).
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// The single number a COUNT query returns.
pub fn count(store: &Path, query: &str) -> usize {
    csv_rows(store, query)
        .first()
        .and_then(|r| r.first())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no count from {query}"))
}

/// True when `tool` runs; in CI a missing tool is a failure.
pub fn have(tool: &str, args: &[&str]) -> bool {
    let ok = std::process::Command::new(tool).args(args).output().is_ok_and(|o| o.status.success());
    if !ok {
        assert!(std::env::var("CI").is_err(), "{tool} is missing in CI: scripts/install-deps.sh installs it");
        eprintln!("note: {tool} not found, check skipped (scripts/install-deps.sh installs it)");
    }
    ok
}

/// A minimal HTTP/1.0 exchange: (status, body).
pub fn http(addr: &str, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> (u16, String) {
    let mut s = TcpStream::connect(addr).unwrap_or_else(|e| panic!("{e}"));
    let mut req = format!("{method} {path} HTTP/1.0\r\nHost: {addr}\r\nContent-Length: {}\r\n", body.len());
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    let _ = s.write_all(req.as_bytes());
    let _ = s.write_all(body);
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).into_owned();
    let status = text.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map(|x| x.1.to_owned()).unwrap_or_default();
    (status, body)
}

pub fn encode(q: &str) -> String {
    q.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The single number a counting query gives on `store` through `query`
/// (the command line), to compare with what another path answers.
pub fn cli_count(store: &Path, query: &str) -> String {
    let (out, _) = ok(cg().arg("query").arg(query).arg("--store").arg(store).args(["--format", "csv"]));
    out.lines().nth(1).unwrap_or("").trim().to_owned()
}

/// Runs `python3 SCRIPT ARGS…` and returns what it gave.
pub fn python<A: AsRef<std::ffi::OsStr>>(script: &Path, args: impl IntoIterator<Item = A>) -> std::process::Output {
    std::process::Command::new("python3").arg(script).args(args).output().unwrap_or_else(|e| panic!("python3: {e}"))
}

/// Validates an N-Quads export with the shipped shapes through
/// `scripts/shacl-validate.py`: (whether it conforms, the report).
pub fn shacl(export: &Path) -> (bool, String) {
    let out = python(&root().join("scripts/shacl-validate.py"), [root().join("ontology/shapes.ttl").as_path(), export]);
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned())
}
