//! Lists the query files of `queries/` for the `serve` page, so every
//! `.rq` there is compiled into the binary and offered on `GET /`.

use std::fmt::Write;

fn main() {
    println!("cargo:rerun-if-changed=queries");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("queries");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "rq")).collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out =
        String::from("/// (file stem, text) of every query in `queries/`.\npub const QUERIES: &[(&str, &str)] = &[\n");
    for f in &files {
        let stem = f.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        // The path is put together when the crate compiles, not here: a build
        // script's output is reused while `queries/` is unchanged, even by a
        // checkout at another path sharing the target directory.
        let _ = writeln!(
            out,
            "    ({stem:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/queries/{stem}.rq\"))),"
        );
    }
    out.push_str("];\n");
    let target = std::path::Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("queries.rs");
    if let Err(e) = std::fs::write(&target, out) {
        panic!("cannot write {}: {e}", target.display());
    }
}
