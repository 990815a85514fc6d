//! Reads while a build writes (issue 9): queries, exports and `explain` on
//! a store that a build is writing succeed, every one.

use crate::util::{bin, cg, ok};

/// A short invented article about person `i`.
fn article(i: usize) -> String {
    format!(
        "Councillor Person{i} Quillfeather, cabinet member for children's services, said the plan would help families.\n\n\
         \"We have listened to parents in ward {i} and we will keep listening,\" said Cllr Quillfeather.\n"
    )
}

#[test]
fn a_hundred_reads_during_a_build_all_succeed() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let d = dir.path().join("in");
    std::fs::create_dir_all(&d).ok();
    for i in 0..600 {
        std::fs::write(d.join(format!("a{i:04}.txt")), article(i)).ok();
    }
    let store = dir.path().join("s.db");
    ok(cg().arg("build").arg(d.join("a0000.txt")).arg("--store").arg(&store));
    let mut build = std::process::Command::new(bin())
        .args(["build", "-q", "--store"])
        .arg(&store)
        .arg(&d)
        .env_remove("COUNCILGRAPH_STORE")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let mut failures = Vec::new();
    let mut during = 0;
    for i in 0..100 {
        if build.try_wait().is_ok_and(|s| s.is_none()) {
            during += 1;
        }
        let mut c = cg();
        match i % 4 {
            0 => c.args(["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv"]),
            1 => c.args(["query", "ASK { ?d a <http://schema.org/NewsArticle> }"]),
            2 => c.args(["export", "--format", "nquads", "--graph", "https://w3id.org/councilgraph/id/doc/a0000"]),
            _ => c.args(["explain", "Quillfeather"]),
        };
        let out = c.arg("--store").arg(&store).output().unwrap_or_else(|e| panic!("{e}"));
        if !out.status.success() {
            failures.push(String::from_utf8_lossy(&out.stderr).into_owned());
        }
    }
    eprintln!("{during} of 100 reads started while the build was running");
    let built = build.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    assert!(built.status.success(), "the build failed: {}", String::from_utf8_lossy(&built.stderr));
    assert_eq!(failures, Vec::<String>::new(), "{} of 100 reads failed", failures.len());
}
