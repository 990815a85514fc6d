//! Shell completions and manual pages, generated from the same definition
//! as --help (issue 11, item 5).

use crate::util::{cg, have, ok};
use std::process::Command;

#[test]
fn bash_completion_completes_commands_and_formats() {
    let (script, _) = ok(cg().args(["completions", "bash"]));
    if !have("bash", &["--version"]) {
        return;
    }
    // Load the script and ask it what follows a prefix, as bash would on Tab.
    let complete = |words: &str| {
        let program = format!(
            "{script}\nCOMP_WORDS=({words}); COMP_CWORD=$(( ${{#COMP_WORDS[@]}} - 1 )); COMP_LINE=\"{words}\"; COMP_POINT=${{#COMP_LINE}}\n_councilgraph councilgraph \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"\nprintf '%s\\n' \"${{COMPREPLY[@]}}\""
        );
        let out = Command::new("bash").args(["--norc", "-c", &program]).output().unwrap_or_else(|e| panic!("{e}"));
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let mut words: Vec<String> =
            String::from_utf8_lossy(&out.stdout).split_whitespace().map(str::to_owned).collect();
        words.sort();
        words
    };
    assert_eq!(complete("councilgraph exp"), ["explain", "export"]);
    let formats = complete("councilgraph export --format t");
    assert_eq!(formats, ["trig", "turtle"]);
    let shells = complete("councilgraph completions z");
    assert_eq!(shells, ["zsh"]);
}

#[test]
fn completions_for_every_shell_and_unknown_shells_refused() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (out, _) = ok(cg().args(["completions", shell]));
        assert!(out.contains("councilgraph") && out.contains("export"), "{shell}");
    }
    let out = cg().args(["completions", "tcsh"]).output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("[possible values: bash, elvish, fish, powershell, zsh]"));
}

/// groff's warnings on a page (empty when it is well formed).
fn groff_warnings(page: &str) -> String {
    let mut child = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    if let Some(mut stdin) = child.stdin.take() {
        std::io::Write::write_all(&mut stdin, page.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    }
    let out = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn manual_pages_for_the_program_and_each_command() {
    let (page, _) = ok(cg().arg("man"));
    let version = env!("CARGO_PKG_VERSION");
    assert!(page.contains(&format!(".TH councilgraph 1  \"councilgraph {version}\"")), "{page}");
    for cmd in ["build", "query", "export", "serve", "push", "completions"] {
        assert!(page.contains(&format!("councilgraph\\-{cmd}(1)")), "the page does not name {cmd}");
    }
    let (export, _) = ok(cg().args(["man", "export"]));
    assert!(export.contains(&format!(".TH councilgraph-export 1  \"councilgraph {version}\"")), "{export}");
    assert!(export.contains("\\fB\\-\\-focus\\fR"), "{export}");
    assert!(export.contains("councilgraph export \\-\\-format graphml \\-\\-output graph.graphml"), "{export}");
    if have("groff", &["--version"]) {
        assert_eq!(groff_warnings(&page), "");
        assert_eq!(groff_warnings(&export), "");
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (_, err) = ok(cg().arg("man").arg("--dir").arg(dir.path()));
    let mut files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    files.sort();
    assert_eq!(files.len(), 11, "{files:?}");
    assert!(files.contains(&"councilgraph-serve.1".to_owned()) && files.contains(&"councilgraph.1".to_owned()));
    assert_eq!(err.lines().count(), 11, "{err}");
    let e = crate::util::fails(cg().args(["man", "frobnicate"]));
    assert_eq!(
        e,
        "councilgraph: error: no command \"frobnicate\" has a manual page: give one of build, load, query, export, extract, explain, serve, push, completions, man"
    );
}
