#!/usr/bin/env bash
# The second command: install the test tools when missing, then check
# formatting and lints and run every test (unit, fixtures, end to end with
# independent RDF parsers and Graphviz), all in release mode so RocksDB is
# compiled once.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cargo fmt --all --check
cargo clippy --release --all-targets --locked -- -D warnings
cargo test --release --locked
RUSTDOCFLAGS='-D warnings' cargo doc --release --no-deps --locked
