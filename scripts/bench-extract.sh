#!/usr/bin/env bash
# Extraction throughput: copies a folder of articles under distinct names
# until the copies reach SIZE megabytes, runs `councilgraph extract` on them
# RUNS times (output to /dev/null) and prints wall time, CPU time, peak
# memory and MB/s for each run, then the best and the median.
#
#   scripts/bench-extract.sh                      # ../shared/dev/texts to 50 MB, 5 runs
#   scripts/bench-extract.sh seeds 10 3           # the seeds to 10 MB, 3 runs
#   BIN=/path/to/councilgraph scripts/bench-extract.sh
#
# Figures only: nothing here passes or fails. Run it on an idle machine;
# compare two binaries by running it twice with BIN set.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
src="${1:-$here/../shared/dev/texts}"
size_mb="${2:-50}"
runs="${3:-5}"
bin="${BIN:-${CARGO_TARGET_DIR:-$here/target}/release/councilgraph}"

[ -x "$bin" ] || { echo "bench-extract: no binary at $bin (cargo build --release, or set BIN)" >&2; exit 1; }
[ -d "$src" ] || { echo "bench-extract: no folder $src" >&2; exit 1; }
command -v /usr/bin/time >/dev/null || { echo "bench-extract: needs /usr/bin/time (apt-get install time)" >&2; exit 1; }

corpus="$(mktemp -d "${TMPDIR:-/tmp}/cg-bench.XXXXXX")"
trap 'rm -rf "$corpus"' EXIT
target=$((size_mb * 1000 * 1000))
bytes=0
copy=0
while [ "$bytes" -lt "$target" ]; do
  copy=$((copy + 1))
  for f in "$src"/*.txt; do
    cp "$f" "$corpus/$(basename "$f" .txt)-$copy.txt"
    bytes=$((bytes + $(stat -c %s "$f")))
    [ "$bytes" -ge "$target" ] && break
  done
done
files=$(find "$corpus" -type f | wc -l)
mb=$(awk -v b="$bytes" 'BEGIN { printf "%.2f", b / 1e6 }')
echo "corpus: $files files, $mb MB (from $src); binary: $bin; $(nproc) cores"

results=()
for i in $(seq "$runs"); do
  line=$( { /usr/bin/time -f "%e %U %S %M" "$bin" extract -q "$corpus" >/dev/null; } 2>&1 | tail -1)
  read -r wall user sys rss <<<"$line"
  rate=$(awk -v m="$mb" -v w="$wall" 'BEGIN { printf "%.1f", m / w }')
  printf 'run %d: %6.2f s wall, %6.2f s user, %5.2f s sys, %4d MB peak, %5.1f MB/s\n' \
    "$i" "$wall" "$user" "$sys" $((rss / 1024)) "$rate"
  results+=("$wall")
done
printf '%s\n' "${results[@]}" | sort -n | awk -v m="$mb" '
  { w[NR] = $1 }
  END { med = w[int((NR + 1) / 2)]; printf "best %.1f MB/s, median %.1f MB/s\n", m / w[1], m / med }'
