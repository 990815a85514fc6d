#!/usr/bin/env bash
# The README's second command: installs the test tools when missing
# (graphviz, raptor2-utils, serdi, chromium, Apache Jena, python's rdflib, networkx,
# SPARQLWrapper, pyshacl and pyoxigraph, and
# libclang-dev for the build), then checks formatting and lints, runs every
# test (unit, extraction fixtures, end to end with independent RDF parsers
# and Graphviz, the canned queries and data-quality checks) and builds the
# docs. Everything is built in release mode so RocksDB is compiled once.
# The first step that fails stops the script with its exit status.
set -euo pipefail
cd "$(dirname "$0")/.."

step() {
  echo "== $*" >&2
  "$@"
}

step bash scripts/install-deps.sh
step cargo fmt --all --check
step cargo clippy --release --all-targets --locked -- -D warnings
step cargo test --release --locked
RUSTDOCFLAGS='-D warnings' step cargo doc --no-deps --release --locked
