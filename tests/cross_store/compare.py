#!/usr/bin/env python3
"""Run every canned query on councilgraph's store, and on its N-Quads export
loaded into pyoxigraph and Apache Jena (TDB2), each with the union of the
named graphs as the default graph; print one line per query and exit 1 when
any store's rows differ from councilgraph's or repeat.

usage: compare.py BINARY STORE QUERY_DIR

Jena comes from Debian's libapache-jena-java (/usr/share/java), run by
JenaQueries.java beside this file.

Rows are compared as multisets of SPARQL CSV rows, so row order (left open by
ties in ORDER BY) does not count. GROUP_CONCAT leaves the order of the values
it joins open too, so those columns are compared as sorted lists.
"""
import csv
import io
import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

import glob
import zipfile

import pyoxigraph

HERE = os.path.dirname(os.path.abspath(__file__))
CONCAT = re.compile(r'GROUP_CONCAT\s*\((?:[^()]|\([^()]*\))*?separator\s*=\s*"([^"]*)"\s*\)\s*AS\s*\?(\w+)', re.I | re.S)


def rows_of(text):
    table = list(csv.reader(io.StringIO(text)))
    return (table[0], table[1:]) if table else ([], [])


def canonical(query, header, rows):
    """Rows as sorted tuples, GROUP_CONCAT cells sorted within."""
    joined = {var: sep for sep, var in CONCAT.findall(query)}
    out = []
    for row in rows:
        cells = []
        for name, cell in zip(header, row):
            sep = joined.get(name)
            cells.append(sep.join(sorted(cell.split(sep))) if sep else cell)
        out.append(tuple(cells))
    return out


def councilgraph(binary, store, path):
    r = subprocess.run([binary, "query", path, "--store", store, "--format", "csv"], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"councilgraph query {path} failed: {r.stderr.strip()}")
    return rows_of(r.stdout)


def pyoxigraph_rows(ox, query):
    results = ox.query(query, use_default_graph_as_union=True)
    text = results.serialize(format=pyoxigraph.QueryResultsFormat.CSV).decode("utf-8")
    return rows_of(text)


JENA_JARS = ["jena-arq", "jena-base", "jena-core", "jena-dboe-base", "jena-dboe-index", "jena-dboe-storage",
             "jena-dboe-trans-data", "jena-dboe-transaction", "jena-iri", "jena-tdb2", "commons-cli", "commons-codec",
             "commons-compress", "commons-csv", "commons-io", "commons-lang3", "dexx.collection", "gson", "guava",
             "jackson-core", "jackson-databind", "jackson-annotations", "jsonld-java", "jakarta.json-api",
             "titanium-json-ld", "protobuf", "thrift", "slf4j-api", "slf4j-simple", "httpclient", "httpcore"]


def jena_classpath(tmp):
    """Debian's Jena jars, plus the xerces message files its jena-core ships
    under a package path where Jena 4.5 does not look for them (without them
    it fails at start-up)."""
    java = "/usr/share/java"
    if not os.path.exists(os.path.join(java, "jena-arq.jar")):
        sys.exit("Apache Jena is not installed (apt-get install libapache-jena-java default-jre-headless)")
    fix = os.path.join(tmp, "jena-fix")
    prefix = "org/apache/jena/ext/xerces/"
    with zipfile.ZipFile(os.path.join(java, "jena-core.jar")) as jar:
        for name in jar.namelist():
            if name.startswith(prefix) and not name.endswith("/"):
                target = os.path.join(fix, "xerces", name[len(prefix):])
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with open(target, "wb") as f:
                    f.write(jar.read(name))
    jars = [p for j in JENA_JARS for p in glob.glob(os.path.join(java, j + ".jar"))]
    return ":".join([fix, *jars])


def jena_rows(classpath, nquads, paths, out):
    java = ["java", "-cp", classpath, os.path.join(HERE, "JenaQueries.java"), nquads, out, *paths]
    r = subprocess.run(java, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"Jena failed: {r.stderr.strip()[-2000:]}")
    found = {}
    for p in paths:
        name = os.path.basename(p)[:-3]
        with open(os.path.join(out, name + ".csv"), encoding="utf-8") as f:
            found[name] = rows_of(f.read())
    return found


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    binary, store, qdir = argv[1:]
    paths = sorted(os.path.join(qdir, f) for f in os.listdir(qdir) if f.endswith(".rq"))
    with tempfile.TemporaryDirectory() as tmp:
        nquads = os.path.join(tmp, "export.nq")
        r = subprocess.run([binary, "export", "--format", "nquads", "--output", nquads, "--store", store],
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"councilgraph export failed: {r.stderr.strip()}")
        ox = pyoxigraph.Store()
        ox.load(path=nquads, format=pyoxigraph.RdfFormat.N_QUADS)
        jena = jena_rows(jena_classpath(tmp), nquads, paths, tmp)
        failures = 0
        print(f"{'query':42} {'councilgraph':>12} {'pyoxigraph':>10} {'jena':>6}  same")
        for p in paths:
            name = os.path.basename(p)[:-3]
            with open(p, encoding="utf-8") as f:
                query = f.read()
            results = {
                "councilgraph": councilgraph(binary, store, p),
                "pyoxigraph": pyoxigraph_rows(ox, query),
                "jena": jena[name],
            }
            rows = {k: canonical(query, h, rs) for k, (h, rs) in results.items()}
            headers = {k: h for k, (h, _) in results.items()}
            same = all(Counter(rows[k]) == Counter(rows["councilgraph"]) for k in rows) and \
                len({tuple(h) for h in headers.values()}) == 1
            repeats = {k: len(v) - len(set(v)) for k, v in rows.items() if len(v) != len(set(v))}
            ok = same and not repeats
            failures += not ok
            print(f"{name:42} {len(rows['councilgraph']):>12} {len(rows['pyoxigraph']):>10} {len(rows['jena']):>6}  "
                  f"{'yes' if ok else 'NO'}")
            if not same:
                for k in ("pyoxigraph", "jena"):
                    extra = Counter(rows[k]) - Counter(rows["councilgraph"])
                    missing = Counter(rows["councilgraph"]) - Counter(rows[k])
                    for row in list(extra)[:3]:
                        print(f"    only in {k}: {row}")
                    for row in list(missing)[:3]:
                        print(f"    missing in {k}: {row}")
            if repeats:
                print(f"    repeated rows: {repeats}")
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
