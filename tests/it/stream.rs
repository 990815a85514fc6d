//! `councilgraph extract` as a streaming filter: JSON Lines on standard
//! input, N-Quads out record by record, in input order.

use crate::util::{bin, cg, ok};
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

const ONE: &str = r#"{"id":"wexcombe-1","text":"Councillor Ada Finch, the Labour leader of Wexcombe Council, said the report was fair."}"#;
const TWO: &str = r#"{"id":"wexcombe-2","text":"Councillor Bram Holt, the Green Party leader of Wexcombe Council, said it was not."}"#;

#[test]
fn a_record_s_quads_come_out_before_standard_input_ends() {
    let mut child = Command::new(bin())
        .args(["extract", "--quiet", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut stdin = child.stdin.take().unwrap_or_else(|| panic!("no stdin"));
    let stdout = child.stdout.take().unwrap_or_else(|| panic!("no stdout"));
    // A watchdog, so a filter that waits for the end of its input fails
    // the test rather than hanging it (this is not a timing assertion).
    let pid = child.id();
    std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(120));
        let _ = Command::new("kill").arg(pid.to_string()).status();
    });
    writeln!(stdin, "{ONE}").unwrap_or_else(|e| panic!("{e}"));
    stdin.flush().unwrap_or_else(|e| panic!("{e}"));
    let mut lines = BufReader::new(stdout).lines();
    let first = lines.next().and_then(Result::ok).unwrap_or_default();
    assert!(first.contains("/doc/wexcombe-1>"), "no quad of the first record while its input was open: {first:?}");
    writeln!(stdin, "{TWO}").unwrap_or_else(|e| panic!("{e}"));
    drop(stdin);
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(rest.iter().any(|l| l.contains("/doc/wexcombe-2>")), "{rest:?}");
    assert!(child.wait().is_ok_and(|s| s.success()));
}

#[test]
fn standard_input_and_a_file_give_the_same_quads_in_the_same_order() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let records: String = (0..600)
        .map(|n| {
            let text = if n % 2 == 0 { ONE } else { TWO };
            text.replacen(if n % 2 == 0 { "wexcombe-1" } else { "wexcombe-2" }, &format!("r{n}"), 1) + "\n"
        })
        .collect();
    let file = dir.path().join("batch.jsonl");
    std::fs::write(&file, &records).unwrap_or_else(|e| panic!("{e}"));
    let (from_file, _) = ok(cg().args(["extract", "--quiet"]).arg(&file));
    let (from_stdin, _) = ok(cg().args(["extract", "--quiet", "-"]).write_stdin(records));
    let without_source = |nq: &str| -> Vec<String> {
        nq.lines().filter(|l| !l.contains("<http://purl.org/dc/terms/source>")).map(str::to_owned).collect()
    };
    // 600 records: more than one batch, and every record's graph in input order.
    let order = |nq: &str| -> Vec<String> {
        let mut docs: Vec<String> = Vec::new();
        for l in nq.lines() {
            let g = l.rsplit_once(" <").map(|(_, g)| g.to_owned()).unwrap_or_default();
            if docs.last() != Some(&g) {
                docs.push(g);
            }
        }
        docs
    };
    assert_eq!(order(&from_stdin).len(), 600);
    assert_eq!(order(&from_stdin), order(&from_file));
    assert_eq!(without_source(&from_stdin), without_source(&from_file));
}

#[test]
fn jsonl_makes_standard_input_records_whatever_its_first_line() {
    let input = format!("not a record\n{ONE}\n");
    let out = cg().args(["extract", "-"]).write_stdin(input.clone()).output().unwrap_or_else(|e| panic!("{e}"));
    // Sniffed: the first line is not a record, so it is all one text.
    assert!(String::from_utf8_lossy(&out.stdout).contains("/doc/stdin-"));
    let out = cg().args(["extract", "--jsonl", "-"]).write_stdin(input).output().unwrap_or_else(|e| panic!("{e}"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("/doc/wexcombe-1>"), "{stdout}");
    assert!(stderr.contains("skipped -:1: invalid JSON Lines record"), "{stderr}");
}
