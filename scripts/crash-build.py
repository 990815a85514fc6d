#!/usr/bin/env python3
"""Crash safety and reads during a build, measured on a real store.

usage: scripts/crash-build.py [--bin PATH] [--source DIR] [--docs N] [--trials N] [--reads N]

Copies the articles of DIR (default ../shared/dev/texts) under distinct names
until there are N documents (default 2,100), builds them once cleanly, then:

1. kill -9 trials, of two kinds in turn, each killed with SIGKILL at a random
   moment:
   - fresh: a build into an empty store (the bulk path: new documents are
     staged and committed at once);
   - rebuild: a build into a copy of a store built with --text (every document
     changed, so each is replaced in its own transaction).
   Each checks that the store opens, that every document graph in it equals
   the same graph of the clean build (or, for a rebuild, of the --text build:
   no half-written document), that the default graph is exactly the merge of
   the named graphs, and that building again into the killed store gives the
   clean store.
2. reads during a build: runs N `query` commands while a build that replaces
   every document runs, and counts the ones that fail.

Prints one line per trial and a summary; exits 1 when any check fails.
Figures, not timings: nothing here depends on the speed of the machine.
"""
import argparse
import collections
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def make_corpus(source, count, into):
    names = sorted(f for f in os.listdir(source) if f.endswith(".txt"))
    if not names:
        sys.exit(f"crash-build: no .txt articles in {source}")
    for i in range(count):
        name = names[i % len(names)]
        shutil.copy(os.path.join(source, name), os.path.join(into, f"{i // len(names)}-{name}"))


def graphs_of(binary, store):
    """The store's quads by graph, as N-Quads lines."""
    r = subprocess.run([binary, "export", "--store", store, "--format", "nquads", "-q"], capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError(f"export failed: {r.stderr.strip()}")
    graphs = collections.defaultdict(set)
    for line in r.stdout.splitlines():
        if line.strip():
            graph = line.rsplit(" ", 2)[-2] if line.rstrip().endswith(" .") else "default"
            graphs[graph].add(line)
    return graphs


def merge_problems(binary, store, graphs):
    """Differences between the store's default graph and the merge of its named graphs."""
    r = subprocess.run([binary, "export", "--store", store, "--format", "ntriples", "-q"], capture_output=True, text=True)
    if r.returncode != 0:
        return [f"export of the default graph failed: {r.stderr.strip()}"]
    default = {line.strip() for line in r.stdout.splitlines() if line.strip()}
    merged = {line.rsplit(" ", 2)[0] + " ." for quads in graphs.values() for line in quads}
    if default == merged:
        return []
    return [f"default graph is not the merge: {len(default - merged)} extra, {len(merged - default)} missing triples"]


def build(binary, corpus, store, *extra):
    return subprocess.Popen([binary, "build", corpus, "--store", store, "-q", *extra], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


def kill_trial(binary, corpus, work, clean, texted, seconds, trial):
    store = os.path.join(work, f"killed-{trial}")
    rebuild = trial % 2 == 0
    if rebuild:
        shutil.copytree(os.path.join(work, "texted"), store)
    p = build(binary, corpus, store)
    time.sleep(random.uniform(0.05, seconds * 0.9))
    p.kill()
    p.wait()
    problems = []
    try:
        killed = graphs_of(binary, store)
    except RuntimeError as e:
        return [f"store does not open after kill: {e}"], 0, 0, rebuild
    partial = [g for g, quads in killed.items() if quads != clean.get(g) and not (rebuild and quads == texted.get(g))]
    problems += [f"graph {g} differs from the clean build ({len(killed[g])} vs {len(clean.get(g, ()))} quads)"
                 for g in partial]
    problems += merge_problems(binary, store, killed)
    new = sum(1 for g, quads in killed.items() if quads == clean.get(g))
    r = build(binary, corpus, store)
    r.wait()
    if r.returncode != 0:
        problems.append(f"rebuild failed: {r.stderr.strip()}")
    elif graphs_of(binary, store) != clean:
        problems.append("rebuild differs from the clean build")
    else:
        problems += merge_problems(binary, store, clean)
    shutil.rmtree(store, ignore_errors=True)
    return problems, len(killed), new, rebuild


def reads_during_build(binary, corpus, work, reads):
    store = os.path.join(work, "reads")
    subprocess.run([binary, "build", corpus, "--store", store, "-q"], check=True)
    p = build(binary, corpus, store, "--text")
    failures = []
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    for _ in range(reads):
        r = subprocess.run([binary, "query", query, "--store", store, "--format", "csv"], capture_output=True, text=True)
        if r.returncode != 0:
            failures.append(r.stderr.strip())
    during = p.poll() is None
    p.wait()
    return failures, during


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    ap.add_argument("--bin", default=os.path.join(target, "release", "councilgraph"))
    ap.add_argument("--source", default=os.path.join(ROOT, "..", "shared", "dev", "texts"))
    ap.add_argument("--docs", type=int, default=2100)
    ap.add_argument("--trials", type=int, default=10)
    ap.add_argument("--reads", type=int, default=100)
    args = ap.parse_args()
    if not os.access(args.bin, os.X_OK):
        sys.exit(f"crash-build: no binary at {args.bin} (cargo build --release, or --bin)")
    work = tempfile.mkdtemp(prefix="cg-crash-")
    try:
        corpus = os.path.join(work, "corpus")
        os.mkdir(corpus)
        make_corpus(args.source, args.docs, corpus)
        started = time.time()
        subprocess.run([args.bin, "build", corpus, "--store", os.path.join(work, "clean"), "-q"], check=True)
        seconds = time.time() - started
        clean = graphs_of(args.bin, os.path.join(work, "clean"))
        print(f"clean build: {args.docs} documents, {len(clean)} graphs, {seconds:.1f} s")
        subprocess.run([args.bin, "build", corpus, "--store", os.path.join(work, "texted"), "-q", "--text"], check=True)
        texted = graphs_of(args.bin, os.path.join(work, "texted"))
        failed = 0
        for t in range(1, args.trials + 1):
            problems, graphs, new, rebuild = kill_trial(args.bin, corpus, work, clean, texted, seconds, t)
            failed += bool(problems)
            kind = f"rebuild, {new} replaced" if rebuild else "fresh"
            print(f"kill trial {t} ({kind}): {graphs} graphs survived, "
                  + ("; ".join(problems[:3]) if problems else "all whole, merge exact, rebuild equal"))
        failures, during = reads_during_build(args.bin, corpus, work, args.reads)
        print(f"reads during a build: {args.reads - len(failures)}/{args.reads} succeeded"
              + ("" if during else " (the build finished before the last read)"))
        for f in failures[:3]:
            print(f"  {f}")
        print(f"summary: {args.trials - failed}/{args.trials} kill trials clean, {len(failures)} failed reads")
        return 1 if failed or failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
