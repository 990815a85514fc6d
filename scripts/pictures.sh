#!/usr/bin/env bash
# Regenerates the pictures in docs/pictures/ that README.md shows: the seed
# graph (default view) and a focus view, built from seeds/ with the release
# binary. Needs Graphviz (scripts/install-deps.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q
bin="${CARGO_TARGET_DIR:-target}/release/councilgraph"
store="$(mktemp -d)/pictures.db"
"$bin" build seeds --store "$store" -q
# The DOT sources are kept too: a test checks they match what the tool draws now.
picture() {
  local name=$1; shift
  "$bin" export --store "$store" --format dot "$@" --output "docs/pictures/$name.dot"
  dot -Tsvg "docs/pictures/$name.dot" -o "docs/pictures/$name.svg"
}
picture seed-graph
picture focus-pete-lowe --focus "Pete Lowe" --depth 2
picture councils --view councils
rm -rf "$(dirname "$store")"
