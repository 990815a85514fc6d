#!/usr/bin/env bash
# Benchmark of the whole command line at several corpus sizes (figures
# only: nothing here passes or fails, and it is not a test).
#
#   scripts/bench.sh                 # 1000 and 10000 articles
#   scripts/bench.sh 1000 10000 100000
#   BIN=/path/to/councilgraph BENCH_DIR=/big/disk scripts/bench.sh 1000
#
# For each size N it makes (once, then reuses) a corpus of N articles from
# ../shared/dev/texts, copied under distinct names and ids (d01_barnet-7),
# so the same people recur across documents as in a real archive, both as
# a folder of .txt files and as one JSON Lines file, under
# $BENCH_DIR (default ~/.cache/councilgraph/bench), outside the repository.
# It then prints: extract (folder and JSON Lines) articles/s, quads/s and
# peak RSS; build (folder, JSON Lines, and again unchanged) time,
# articles/s, quads/s, peak RSS and store size;
# `councilgraph load` of the extracted N-Quads when the binary has `load`;
# Oxigraph's own bulk loader (pyoxigraph Store.bulk_load) on the same
# N-Quads, and on the very quads the build left in its store (side by side
# with the build: quads/s and store size); the N-Quads size over the input size; and the median of 3 runs
# of every canned query in queries/*.rq against the built store (a run
# longer than QUERY_TIMEOUT seconds, default 30, is stopped and shown as
# such, and the query not run again: some grow fast with the store).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
texts="${TEXTS:-$here/../shared/dev/texts}"
bin="${BIN:-${CARGO_TARGET_DIR:-$here/target}/release/councilgraph}"
root="${BENCH_DIR:-$HOME/.cache/councilgraph/bench}"
query_timeout="${QUERY_TIMEOUT:-30}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

die() { echo "bench: $*" >&2; exit 1; }
[ -x "$bin" ] || die "no binary at $bin (cargo build --release, or set BIN)"
[ -d "$texts" ] || die "no folder $texts (set TEXTS)"
[ -x /usr/bin/time ] || die "needs /usr/bin/time (apt-get install time)"
for n in "${sizes[@]}"; do
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "a size is a number of articles, not '$n'"
done
has_load=false
"$bin" help 2>/dev/null | grep -qE '^ +load( |$)' && has_load=true
has_pyoxigraph=false
python3 -c 'import pyoxigraph' 2>/dev/null && has_pyoxigraph=true

# corpus N DIR: DIR/texts/*.txt and DIR/corpus.jsonl with N articles.
corpus() {
  [ -f "$2/done" ] && return
  rm -rf "$2" && mkdir -p "$2/texts"
  python3 - "$texts" "$1" "$2" <<'EOF'
import json, pathlib, sys
src, n, out = pathlib.Path(sys.argv[1]), int(sys.argv[2]), pathlib.Path(sys.argv[3])
articles = [(p.stem, p.read_text(encoding="utf-8-sig")) for p in sorted(src.glob("*.txt"))]
with open(out / "corpus.jsonl", "w", encoding="utf-8") as jsonl:
    for i in range(n):
        stem, text = articles[i % len(articles)]
        name = f"{stem}-{i // len(articles) + 1}"
        (out / "texts" / f"{name}.txt").write_text(text, encoding="utf-8")
        jsonl.write(json.dumps({"id": name, "text": text}) + "\n")
EOF
  touch "$2/done"
}

# timed CMD...: runs CMD, keeps wall seconds and peak RSS (MB) in $wall
# and $rss; its stdout goes where the caller sends it. Returns CMD's status.
timed() {
  local f status=0
  f="$(mktemp)"
  /usr/bin/time -o "$f" -f '%e %M' "$@" || status=$?
  read -r wall rss < <(tail -1 "$f")
  rss=$((rss / 1024))
  rm -f "$f"
  return $status
}
# must CMD...: timed, and the bench stops if CMD fails.
must() { timed "$@" || die "failed ($?): $*"; }

# python3 -c "$bulk_load" NQUADS DIR: pyoxigraph's bulk loader, NQUADS into a
# new store DIR (a program, not a function, so that /usr/bin/time can run it).
bulk_load='import sys, pyoxigraph as ox
s = ox.Store(sys.argv[2]); s.bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_QUADS); s.flush()'
# side LABEL SECONDS RSS STORE_MB: one row of the same-quads comparison.
side() {
  printf '  %-24s %8.2f s  %9s quads/s  %6s MB peak  %8s MB store\n' "$1" "$2" "$(rate "$same" "$2")" "$3" "$4"
}
mb() { du -sb "$1" | cut -f1 | awk '{ printf "%.1f", $1 / 1e6 }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }
line() { printf '%-26s %8.2f s  %8s articles/s  %9s quads/s  %6s MB peak%s\n' "$1" "$2" "$(rate "$n" "$2")" "$(rate "$quads" "$2")" "$3" "${4:-}"; }

commit="$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "councilgraph bench: commit $commit, $bin, $(nproc) cores, corpora under $root"
for n in "${sizes[@]}"; do
  dir="$root/$n"
  corpus "$n" "$dir"
  work="$(mktemp -d "${TMPDIR:-/tmp}/cg-bench.XXXXXX")"
  input=$(du -sb --apparent-size "$dir/texts" | cut -f1)
  jsonl=$(stat -c %s "$dir/corpus.jsonl")
  echo
  echo "== $n articles: folder $(awk -v b="$input" 'BEGIN { printf "%.1f", b / 1e6 }') MB, JSON Lines $(awk -v b="$jsonl" 'BEGIN { printf "%.1f", b / 1e6 }') MB"

  must "$bin" extract -q "$dir/texts" >"$work/folder.nq"
  quads=$(wc -l <"$work/folder.nq")
  line "extract (folder)" "$wall" "$rss"
  must "$bin" extract -q "$dir/corpus.jsonl" >/dev/null
  line "extract (JSON Lines)" "$wall" "$rss"
  must "$bin" extract -q - <"$dir/corpus.jsonl" >/dev/null
  line "extract (JSON Lines stdin)" "$wall" "$rss"

  must "$bin" build -q "$dir/texts" --store "$work/folder-store" >/dev/null
  line "build (folder)" "$wall" "$rss" "  $(mb "$work/folder-store") MB store"
  rm -rf "$work/folder-store"
  must "$bin" build -q "$dir/corpus.jsonl" --store "$work/store" >/dev/null
  build_wall=$wall build_rss=$rss build_mb=$(mb "$work/store")
  line "build (JSON Lines)" "$wall" "$rss" "  $build_mb MB store"
  must "$bin" build -q "$dir/corpus.jsonl" --store "$work/store" >/dev/null
  printf '%-26s %8.2f s  %8s articles/s  %9s          %6s MB peak\n' "build again, unchanged" "$wall" "$(rate "$n" "$wall")" "" "$rss"

  if $has_load; then
    must "$bin" load -q "$work/folder.nq" --store "$work/loaded" >/dev/null
    line "load (N-Quads)" "$wall" "$rss" "  $(mb "$work/loaded") MB store"
  fi
  if $has_pyoxigraph; then
    must python3 -c "$bulk_load" "$work/folder.nq" "$work/oxigraph"
    line "pyoxigraph bulk_load" "$wall" "$rss" "  $(mb "$work/oxigraph") MB store"
    # The bulk loader on the very quads the build leaves in the store (named
    # graphs, their merge in the default graph, the ontology), side by side.
    python3 -c 'import sys, pyoxigraph as ox
ox.Store.read_only(sys.argv[1]).dump(output=sys.argv[2], format=ox.RdfFormat.N_QUADS)' "$work/store" "$work/store.nq"
    same=$(wc -l <"$work/store.nq")
    must python3 -c "$bulk_load" "$work/store.nq" "$work/same"
    echo "same quads: the $same quads of the built store (named graphs, merged default graph, ontology)"
    side "build (JSON Lines)" "$build_wall" "$build_rss" "$build_mb"
    side "pyoxigraph bulk_load" "$wall" "$rss" "$(mb "$work/same")"
    awk -v b="$build_wall" -v l="$wall" -v sb="$build_mb" -v sl="$(mb "$work/same")" \
      'BEGIN { printf "  build: %.0f %% of the bulk loader'"'"'s quads/s; store %.2f x its size\n", 100 * l / b, sb / sl }'
    rm -rf "$work/same" "$work/store.nq"
  else
    echo "pyoxigraph bulk_load          (pyoxigraph missing: python3 -m pip install pyoxigraph)"
  fi
  nq=$(stat -c %s "$work/folder.nq")
  printf '%-26s %d quads, %.1f MB N-Quads = %.1f x the input\n' "output" "$quads" \
    "$(awk -v b="$nq" 'BEGIN { print b / 1e6 }')" "$(awk -v a="$nq" -v b="$input" 'BEGIN { print a / b }')"

  echo "queries (median of 3, s):"
  for q in "$here"/queries/*.rq; do
    times=()
    for _ in 1 2 3; do
      if ! timed timeout "$query_timeout" "$bin" query "$q" --store "$work/store" --format csv >/dev/null 2>/dev/null; then
        times=()
        break
      fi
      times+=("$wall")
    done
    if [ ${#times[@]} -eq 0 ]; then
      printf '  %-40s  > %s (stopped)\n' "$(basename "$q")" "$query_timeout"
      continue
    fi
    median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 2p)
    printf '  %-40s %6.2f\n' "$(basename "$q")" "$median"
  done
  rm -rf "$work"
done
