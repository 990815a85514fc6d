//! Help text, versions, usage errors, closed pipes.

use crate::util::{bin, cg, ok, seed_store, seeds};
use std::ffi::OsString;
use std::process::{Command, Stdio};

#[test]
fn every_command_has_help_with_an_example() {
    for cmd in ["build", "load", "query", "export", "extract", "explain", "serve", "push", "completions", "man"] {
        let (out, _) = ok(cg().args([cmd, "--help"]));
        assert!(out.contains("Examples:"), "{cmd} --help has no example:\n{out}");
    }
    let (out, _) = ok(cg().arg("--help"));
    assert!(out.contains("Exit status"));
    assert!(out.contains("130"), "exit codes not listed:\n{out}");
    let (out, _) = ok(cg().args(["export", "--help"]));
    assert!(out.contains("union"), "export --help does not say what triple formats do with graphs:\n{out}");
}

/// Commands the examples start with.
const EXAMPLE_STARTS: &[&str] = &["councilgraph ", "cat ", "echo ", "curl ", "VT_PW=dba councilgraph ", "source "];

#[test]
fn help_examples_are_whole_lines_at_any_width() {
    for cmd in ["", "build", "load", "query", "export", "extract", "explain", "serve", "push", "completions", "man"] {
        for columns in ["40", "100"] {
            let (out, _) = ok(cg().args([cmd, "--help"].iter().filter(|a| !a.is_empty())).env("COLUMNS", columns));
            let examples = out.split_once("Examples:\n").map(|x| x.1).unwrap_or_else(|| panic!("{cmd}: no examples"));
            let lines: Vec<&str> = examples.lines().take_while(|l| !l.is_empty()).collect();
            assert!(!lines.is_empty(), "{cmd}: no examples");
            for line in lines {
                let ok = line.strip_prefix("  ").is_some_and(|l| EXAMPLE_STARTS.iter().any(|s| l.starts_with(s)));
                assert!(ok, "{cmd} --help at {columns} columns: an example was broken across lines: {line:?}");
            }
        }
    }
    // the longest one, whole
    let (out, _) = ok(cg().args(["push", "--help"]).env("COLUMNS", "40"));
    assert!(out.contains("\n  VT_PW=dba councilgraph push --protocol update --endpoint http://127.0.0.1:8890/sparql-auth --user dba --password-env VT_PW\n"), "{out}");
}

#[test]
fn usage_errors_exit_2() {
    let out = cg().arg("frobnicate").output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let out = cg().args(["export", "--format", "bmp"]).output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let out = cg().arg("build").output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2), "build without a PATH");
    let out = cg().args(["query", "ASK {}", "--format", "yaml"]).output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("csv"), "the choices are not listed");
}

#[test]
fn version() {
    let (out, _) = ok(cg().arg("--version"));
    assert!(out.starts_with("councilgraph "), "{out}");
}

/// Runs the binary with its standard output already closed by the reader,
/// as `councilgraph … | head` does once head has what it wants.
fn with_closed_stdout(args: &[OsString]) -> (Option<i32>, String) {
    let mut child = Command::new(bin())
        .args(args)
        .env_remove("COUNCILGRAPH_STORE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let store = seed_store().as_os_str().to_owned();
    let args = |words: &[&str], tail: &OsString| {
        let mut v: Vec<OsString> = words.iter().map(OsString::from).collect();
        v.push(tail.clone());
        v
    };
    let all = "SELECT * WHERE { ?s ?p ?o }";
    for run in [
        args(&["export", "--format", "nquads", "--store"], &store),
        args(&["export", "--format", "turtle", "--store"], &store),
        args(&["export", "--format", "dot", "--store"], &store),
        args(&["query", all, "--store"], &store),
        args(&["query", all, "--format", "csv", "--store"], &store),
        args(&["extract"], &seeds().into_os_string()),
    ] {
        let (code, stderr) = with_closed_stdout(&run);
        assert_eq!(code, Some(0), "{run:?}: {stderr}");
        assert!(!stderr.contains("error") && !stderr.contains("panicked"), "{run:?}: {stderr}");
    }
}
