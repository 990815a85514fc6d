#!/usr/bin/env bash
# The first command: install what the build needs, build the release binary,
# build the graph from seeds/ into ./councilgraph.db, and show a first result.
# A clean build compiles RocksDB and takes about 10 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --build-only
cargo build --release --locked
bin="${CARGO_TARGET_DIR:-target}/release/councilgraph"
"$bin" build seeds --store councilgraph.db
echo
echo "Quotations by Sarah Norman (queries/quotes-by-person.rq):"
"$bin" query queries/quotes-by-person.rq --store councilgraph.db
echo
echo "Councils by grade (queries/councils-by-grade.rq):"
"$bin" query queries/councils-by-grade.rq --store councilgraph.db
