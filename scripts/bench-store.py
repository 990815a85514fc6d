#!/usr/bin/env python3
"""Build and query timings of the store, beside oxigraph's own bulk loader.

usage: scripts/bench-store.py BIN CORPUS_DIR WORK_DIR

Runs, one after the other on the same machine: `BIN extract` of the corpus
to N-Quads; a fresh `BIN build`; pyoxigraph's `Store.bulk_load` of the same
N-Quads into an empty store (pip install pyoxigraph); a re-build with
nothing changed; every query of queries/ three times (median). Peak RSS
from /usr/bin/time -v, sizes from `du -sb`. Prints a Markdown table.
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path


def timed(cmd, **kw):
    """(seconds, peak RSS in MB, completed process) of one command."""
    start = time.monotonic()
    p = subprocess.run(["/usr/bin/time", "-v", *cmd], capture_output=True, text=True, **kw)
    seconds = time.monotonic() - start
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr)
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
    return seconds, int(m.group(1)) / 1024 if m else float("nan"), p


def du(path):
    return int(subprocess.run(["du", "-sb", str(path)], capture_output=True, text=True).stdout.split()[0])


def main():
    binary, corpus, work = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    queries = sorted((Path(__file__).resolve().parent.parent / "queries").glob("*.rq"))
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    articles = sum(1 for f in corpus.iterdir() if f.suffix == ".txt")
    nq = work / "all.nq"
    with open(nq, "w") as out:
        subprocess.run([binary, "extract", str(corpus), "-q"], stdout=out, check=True)
    quads = sum(1 for _ in open(nq))
    rows = []
    store = work / "cg.db"
    s, rss, _ = timed([binary, "build", str(corpus), "--store", str(store), "-q", "--no-progress"])
    rows.append(("councilgraph build (fresh)", s, rss, du(store)))
    ox = work / "ox.db"
    loader = (
        "import sys, pyoxigraph as o; st = o.Store(sys.argv[1]); "
        "st.bulk_load(path=sys.argv[2], format=o.RdfFormat.N_QUADS); st.optimize() if hasattr(st, 'optimize') else None; st.flush()"
    )
    s, rss, _ = timed([sys.executable, "-c", loader, str(ox), str(nq)])
    rows.append(("pyoxigraph Store.bulk_load (same N-Quads)", s, rss, du(ox)))
    s, rss, _ = timed([binary, "build", str(corpus), "--store", str(store), "-q", "--no-progress"])
    rows.append(("councilgraph build (again, nothing changed)", s, rss, du(store)))
    print(f"{articles} articles, {quads} quads (extract)\n")
    print("| run | seconds | articles/s | quads/s | peak RSS MB | store MB |")
    print("|---|---:|---:|---:|---:|---:|")
    for name, s, rss, size in rows:
        print(f"| {name} | {s:.2f} | {articles / s:.0f} | {quads / s:.0f} | {rss:.0f} | {size / 1e6:.1f} |")
    print("\n| query | median s (of 3) | rows |")
    print("|---|---:|---:|")
    for q in queries:
        times = []
        out = None
        for _ in range(3):
            start = time.monotonic()
            p = subprocess.run(
                [binary, "query", str(q), "--store", str(store), "--format", "tsv"],
                capture_output=True, text=True, timeout=600,
            )
            times.append(time.monotonic() - start)
            out = p
        n = max(0, len(out.stdout.splitlines()) - 1) if out.returncode == 0 else f"error: {out.stderr.strip()[:80]}"
        print(f"| {q.name} | {statistics.median(times):.3f} | {n} |")


if __name__ == "__main__":
    main()
