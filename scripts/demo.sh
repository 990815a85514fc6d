#!/usr/bin/env bash
# The README's first command: builds councilgraph, builds the graph of the
# five seed articles into ./councilgraph.db, and shows what it can answer.
#
# It installs what the build needs when missing (libclang-dev), then runs
# `cargo build --release --locked`. The first clean build compiles RocksDB
# and takes about 10 minutes on 2 cores; later builds are incremental.
# The binary is target/release/councilgraph, or $CARGO_TARGET_DIR/release/
# when CARGO_TARGET_DIR is set.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo >/dev/null 2>&1; then
  echo "demo.sh: cargo not found: install the Rust toolchain (rustup) first" >&2
  exit 1
fi

bash scripts/install-deps.sh --build-only
echo "demo: cargo build --release (the first build compiles RocksDB: about 10 minutes on 2 cores)" >&2
cargo build --release --locked

bin="${CARGO_TARGET_DIR:-target}/release/councilgraph"
store=councilgraph.db

echo >&2
"$bin" build seeds --store "$store"

show() {
  echo
  echo "== $1 ($2)"
  "$bin" query "$2" --store "$store"
}
show "Every quotation by Sarah Norman, Dudley's chief executive" queries/quotes-by-person.rq
show "Ofsted grades by council and judgement area" queries/councils-by-grade.rq
show "People quoted about a council run by a party other than theirs" queries/opposition-critics.rq

cat <<MSG

The graph is in $store. Try:
  $bin query queries/resignation-calls.rq --store $store
  $bin export --store $store --format turtle > graph.ttl
  $bin explain "Steve Eling" --store $store
More questions in queries/ (see queries/README.md).
MSG
