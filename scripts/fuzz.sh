#!/usr/bin/env bash
# Runs each fuzz target in fuzz/ for SECONDS (default 60), one after the
# other, with cargo-fuzz on the nightly toolchain (CI does not: it stays on
# stable), and prints executions and crashes per target.
#
#   scripts/fuzz.sh 120
#   FUZZ_TARGETS="ingest_html ingest_jsonl" scripts/fuzz.sh 60
#
# Seeds are fuzz/corpus/TARGET/ (our own invented text, committed); what the
# fuzzer learns goes to fuzz/work/TARGET/ and crashing inputs to
# fuzz/artifacts/TARGET/ (both ignored by git). The first build compiles
# RocksDB again, in its own target directory: about 10 minutes on 2 cores.
# Exit status: 0 when no target crashed, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/../fuzz"

seconds="${1:-60}"
targets=(${FUZZ_TARGETS:-extract_text ingest_html ingest_jsonl serve_sparql})
# serve_sparql's query workers are the councilgraph binary itself: build it
# (stable, the usual target directory) and tell the fuzz target where it is.
main_target="${CARGO_TARGET_DIR:-${HOME}/.cache/councilgraph/target}"
CARGO_TARGET_DIR="$main_target" cargo build --release --locked --manifest-path ../Cargo.toml || exit 1
export COUNCILGRAPH_BIN="$main_target/release/councilgraph"
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-${HOME}/.cache/councilgraph/fuzz-target}"

if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
  echo "fuzz.sh: needs the nightly toolchain and cargo-fuzz: rustup toolchain install nightly && cargo install cargo-fuzz" >&2
  exit 1
fi
# Our code has no unsafe: the sanitizer would only slow the runs down.
cargo +nightly fuzz build -O -s none || exit 1

status=0
summary=()
for t in "${targets[@]}"; do
  mkdir -p "work/$t"
  log="work/$t.log"
  cargo +nightly fuzz run -O -s none "$t" "work/$t" "corpus/$t" -- \
    -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=2048 >"$log" 2>&1
  rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  if [ -z "$runs" ]; then
    runs=$(grep -oE '^#[0-9]+' "$log" | tail -1 | tr -d '#')
  fi
  crashes=$(find "artifacts/$t" -type f 2>/dev/null | wc -l)
  if [ "$rc" -ne 0 ]; then
    status=1
    echo "== $t: stopped with status $rc; the end of its log ($log):" >&2
    grep -E 'panicked|ERROR|SUMMARY|Test unit written' "$log" | head -5 >&2
  fi
  summary+=("$t: ${runs:-0} executions in ${seconds} s, exit status $rc, crash inputs saved so far: $crashes")
done
printf '%s\n' "${summary[@]}"
exit "$status"
