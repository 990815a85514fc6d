//! The same answers on every store (issue 10): every query in `queries/`
//! gives the same rows, none repeated, on councilgraph's store and on its
//! N-Quads export loaded into pyoxigraph and Apache Jena (TDB2), both with
//! the union of the named graphs as the default graph, as
//! `queries/README.md` tells their users to set. `tests/cross_store/compare.py`
//! runs the three and prints a line per query.

use crate::util::{bin, cg, ok, python, root, seed_store};
use std::path::Path;

fn compare(store: &Path) {
    let compare = root().join("tests/cross_store/compare.py");
    let out = python(&compare, [bin().as_path(), store, root().join("queries").as_path()]);
    let table = String::from_utf8_lossy(&out.stdout);
    println!("{table}");
    assert!(out.status.success(), "{table}\n{}", String::from_utf8_lossy(&out.stderr));
    let compared = table.lines().filter(|l| l.ends_with(" yes")).count();
    let files = std::fs::read_dir(root().join("queries")).map(|d| d.count()).unwrap_or(0);
    assert_eq!(compared, files - 1, "every .rq file (README.md aside) is compared:\n{table}");
}

#[test]
fn canned_queries_give_the_same_rows_on_pyoxigraph_and_jena_for_the_seeds() {
    compare(seed_store());
}

#[test]
fn canned_queries_give_the_same_rows_on_pyoxigraph_and_jena_for_the_dev_articles() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let store = dir.path().join("dev.db");
    ok(cg().arg("build").arg(root().join("../shared/dev/texts")).arg("--store").arg(&store));
    compare(&store);
}
