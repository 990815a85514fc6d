//! Help text, versions, usage errors.

use crate::util::{cg, ok};

#[test]
fn every_command_has_help_with_an_example() {
    for cmd in ["build", "query", "export", "extract", "explain"] {
        let (out, _) = ok(cg().args([cmd, "--help"]));
        assert!(out.contains("Examples:"), "{cmd} --help has no example:\n{out}");
    }
    let (out, _) = ok(cg().arg("--help"));
    assert!(out.contains("Exit status"));
}

#[test]
fn usage_errors_exit_2() {
    let out = cg().arg("frobnicate").output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
    let out = cg().args(["export", "--format", "bmp"]).output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.status.code(), Some(2));
}
