#!/usr/bin/env python3
"""Hostile clients against `councilgraph serve` on loopback, bounded in time.

    scripts/serve-stress.py [--binary PATH] [--hold SECONDS] [--aggregates N]

Builds the seeds into a temporary store, starts `serve` on a free port and
runs, in order, printing one line of figures each:

1. 100 GETs with 10,000-deep nesting and 100 with 3,000 FILTERs (all must
   be refused with 400 and the server must still answer);
2. 32 idle connections held for --hold seconds (default 60; reopened when
   the server closes them) while another client keeps querying;
3. --aggregates (default 50) aggregates past a 1 s time limit: after each
   503, the CPU time the server and its workers use in the next 2 s and
   their resident memory;
4. a cross-origin form POST of `CLEAR ALL` to a server started with
   --allow-update (must be refused, the store intact).

Exits 1 if any check fails. Uses only python's standard library.
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FAILED = []


def check(ok, what):
    if not ok:
        FAILED.append(what)
        print(f"  FAILED: {what}")


def start(binary, store, *extra):
    p = subprocess.Popen(
        [binary, "serve", "--bind", "127.0.0.1:0", "--store", store, *extra],
        stderr=subprocess.PIPE, text=True)
    line = p.stderr.readline()
    addr = line.split("http://")[1].split("/")[0]
    threading.Thread(target=lambda: [None for _ in p.stderr], daemon=True).start()
    return p, addr


def http(addr, query=None, method="GET", body=None, headers=None, timeout=60):
    url = f"http://{addr}/sparql"
    if query is not None:
        url += "?query=" + urllib.parse.quote(query)
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def resident_kb(pid):
    """Resident memory of a process and its children."""
    rss = 0
    out = subprocess.run(["ps", "-e", "-o", "pid=,ppid=,rss="], capture_output=True, text=True).stdout
    for line in out.splitlines():
        f = line.split()
        if len(f) == 3 and str(pid) in (f[0], f[1]):
            rss += int(f[2])
    return rss


def clock_ticks(pid):
    """CPU time in seconds, to 10 ms, of a process and its children (Linux)."""
    total = 0
    for p in [pid] + children(pid):
        try:
            f = open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()
            total += int(f[11]) + int(f[12])
        except OSError:
            pass
    return total / os.sysconf("SC_CLK_TCK")


def children(pid):
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in out.split()]


def deep_queries(addr):
    deep = "SELECT * WHERE " + "{" * 10000 + "}" * 10000
    filters = "SELECT * WHERE { ?s ?p ?o " + "FILTER(?o) " * 3000 + "}"
    statuses = [http(addr, q)[0] for q in [deep] * 100 + [filters] * 100]
    alive = http(addr, "ASK {}")[0]
    print(f"1. 200 deep or long queries: {statuses.count(400)} refused with 400, "
          f"others {sorted(set(statuses) - {400})}; server then answers {alive}")
    check(statuses.count(400) == 200 and alive == 200, "deep queries")


def idle_connections(addr, hold):
    stop = time.time() + hold
    reopened = [0]

    def idler(i):
        partial = [b"", b"GET /sparql?query=ASK", b"POST /sparql HTTP/1.1\r\nContent-Length: 100\r\n\r\nASK"][i % 3]
        while time.time() < stop:
            host, port = addr.rsplit(":", 1)
            s = socket.create_connection((host, int(port)))
            s.sendall(partial)
            s.settimeout(max(0.1, stop - time.time()))
            try:
                while s.recv(4096):
                    pass
                reopened[0] += 1
            except (socket.timeout, OSError):
                pass
            s.close()

    threads = [threading.Thread(target=idler, args=(i,)) for i in range(32)]
    for t in threads:
        t.start()
    answered, slowest = 0, 0.0
    while time.time() < stop:
        t0 = time.time()
        status = http(addr, "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", timeout=30)[0]
        slowest = max(slowest, time.time() - t0)
        answered += status == 200
        time.sleep(0.2)
    for t in threads:
        t.join()
    print(f"2. 32 idle connections held {hold:.0f} s: other client answered {answered} times, "
          f"slowest {slowest * 1000:.0f} ms; the server closed idle connections {reopened[0]} times")
    check(answered > 0 and slowest < 30, "idle connections")


def aggregates(binary, store, n):
    p, addr = start(binary, store, "--timeout", "1", "--threads", "2")
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    worst_cpu, worst_rss, timed_out = 0.0, 0, 0
    for _ in range(n):
        status = http(addr, q)[0]
        timed_out += status == 503
        c0 = clock_ticks(p.pid)
        time.sleep(2)
        worst_cpu = max(worst_cpu, clock_ticks(p.pid) - c0)
        worst_rss = max(worst_rss, resident_kb(p.pid))
    p.terminate()
    p.wait()
    print(f"3. {n} aggregates past a 1 s limit: {timed_out} got 503; in the 2 s after each, "
          f"at most {worst_cpu:.2f} CPU s used; resident memory at most {worst_rss // 1024} MB")
    check(timed_out == n and worst_cpu < 0.5, "timed-out aggregates")


def cross_origin(binary, seeds_store, tmp):
    store = os.path.join(tmp, "update.db")
    shutil.copytree(seeds_store, store)
    p, addr = start(binary, store, "--allow-update")
    count = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"
    before = http(addr, count, headers={"Accept": "text/csv"})[1]
    status = http(addr, method="POST", body=b"update=CLEAR+ALL", headers={
        "Content-Type": "application/x-www-form-urlencoded", "Origin": "http://evil.example"})[0]
    after = http(addr, count, headers={"Accept": "text/csv"})[1]
    p.terminate()
    p.wait()
    print(f"4. cross-origin CLEAR ALL with --allow-update: {status}; triples before "
          f"{before.split()[-1].decode()}, after {after.split()[-1].decode()}")
    check(status == 403 and before == after, "cross-origin update")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    ap.add_argument("--binary", default=os.path.join(target, "release", "councilgraph"))
    ap.add_argument("--hold", type=float, default=60)
    ap.add_argument("--aggregates", type=int, default=50)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = os.path.join(tmp, "seeds.db")
        subprocess.run([args.binary, "build", os.path.join(ROOT, "seeds"), "--store", store, "-q"], check=True)
        p, addr = start(args.binary, store, "--read-timeout", "10")
        try:
            deep_queries(addr)
            idle_connections(addr, args.hold)
        finally:
            p.terminate()
            p.wait()
        aggregates(args.binary, store, args.aggregates)
        cross_origin(args.binary, store, tmp)
    print("all checks passed" if not FAILED else f"failed: {', '.join(FAILED)}")
    sys.exit(1 if FAILED else 0)


if __name__ == "__main__":
    main()
