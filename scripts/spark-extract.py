#!/usr/bin/env python3
"""Runs `councilgraph extract` under Apache Spark: JSON Lines in, N-Quads shards out.

    scripts/spark-extract.py [options] INPUT OUTPUT [-- EXTRACT-OPTIONS...]

INPUT is JSON Lines (one article per line, as `councilgraph extract` reads
them): a file, a folder or a glob, on any file system Spark reads (local,
hdfs://, s3a://). Each partition's records are piped (RDD.pipe) through one
`councilgraph extract --jsonl -` process, unchanged; its N-Quads are written
to OUTPUT as text shards (part-00000, part-00001, ...). Extraction is a pure
function of each record and its IRIs are deterministic, so the shards merge
by union: `cat OUTPUT/part-*` is the graph, in any order.

Give each record an "id" (and a "url" if it has one): a record without an
id is named after its line in the partition, which depends on how the input
was split. A record without a url has no dcterms:source (as on stdin).

Options:
  --bin PATH         the councilgraph binary; it must exist at this path on
                     every worker (default: `councilgraph` on PATH)
  --master URL       Spark master (default: spark-submit's --master, else local[*])
  --partitions N     split the input into at least N partitions (default: Spark's)
  -h, --help         this text

EXTRACT-OPTIONS after `--` go to every extract process (say --base IRI or
--text). A record that extract cannot read or process is named on the
executor's stderr and left out; the job goes on (extract's exit status is
not checked, as one bad record must not fail a partition).
"""

import os
import shlex
import sys


def usage(message):
    print(f"spark-extract: {message} (try --help)", file=sys.stderr)
    sys.exit(2)


def parse(argv):
    opts = {"bin": "councilgraph", "master": None, "partitions": None}
    extra = []
    paths = []
    args = list(argv)
    while args:
        arg = args.pop(0)
        if arg == "--":
            extra = args
            break
        if arg in ("-h", "--help"):
            print(__doc__.strip())
            sys.exit(0)
        if arg in ("--bin", "--master", "--partitions"):
            if not args:
                usage(f"{arg} needs a value")
            opts[arg[2:]] = args.pop(0)
        elif arg.startswith("-") and arg != "-":
            usage(f"unknown option '{arg}'")
        else:
            paths.append(arg)
    if len(paths) != 2:
        usage("give INPUT and OUTPUT")
    if opts["partitions"] is not None:
        try:
            opts["partitions"] = int(opts["partitions"])
        except ValueError:
            usage("--partitions takes a number")
        if opts["partitions"] < 1:
            usage("--partitions takes a number of at least 1")
    return opts, paths[0], paths[1], extra


def main(argv):
    opts, source, output, extra = parse(argv)
    # The workers run the same python as the driver.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        print("spark-extract: pyspark is missing: python3 -m pip install pyspark", file=sys.stderr)
        return 1
    builder = SparkSession.builder.appName("councilgraph-extract")
    if opts["master"]:
        builder = builder.master(opts["master"])
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    try:
        sc = spark.sparkContext
        records = sc.textFile(source, minPartitions=opts["partitions"]) if opts["partitions"] else sc.textFile(source)
        command = shlex.join([opts["bin"], "extract", "--quiet", "--jsonl", *extra, "-"])
        quads = records.pipe(command)
        quads.saveAsTextFile(output)
        shards = records.getNumPartitions()
    finally:
        spark.stop()
    print(f"spark-extract: {shards} partitions of {source} written to {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
