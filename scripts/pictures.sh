#!/usr/bin/env bash
# Regenerates the pictures in docs/pictures/ that README.md shows, with the
# release binary: from seeds/, the default view, a focus view and the
# councils view; from the 40 development articles of ../shared/dev (read in
# place, only the pictures are kept), the default view and the councils
# view. Needs Graphviz (scripts/install-deps.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -q
bin="${CARGO_TARGET_DIR:-target}/release/councilgraph"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$bin" build seeds --store "$tmp/seeds.db" -q
# The DOT sources are kept too: a test checks they match what the tool draws now.
picture() {
  local store=$1 name=$2; shift 2
  "$bin" export --store "$store" --format dot "$@" --output "docs/pictures/$name.dot" -q
  dot -Tsvg "docs/pictures/$name.dot" -o "docs/pictures/$name.svg"
  dot -Tpng "docs/pictures/$name.dot" -o "docs/pictures/$name.png"
}
picture "$tmp/seeds.db" seed-graph
picture "$tmp/seeds.db" focus-pete-lowe --focus "Pete Lowe" --depth 2
picture "$tmp/seeds.db" councils --view councils
dev=../shared/dev/texts
if [ -d "$dev" ]; then
  "$bin" build "$dev" --store "$tmp/dev.db" -q
  picture "$tmp/dev.db" dev-graph
  picture "$tmp/dev.db" dev-councils --view councils --max-nodes 0
else
  echo "pictures: no $dev, the pictures of the development articles are left as they are" >&2
fi
