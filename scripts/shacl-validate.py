#!/usr/bin/env python3
"""Validates every document graph of an N-Quads export with pyshacl.

usage: shacl-validate.py SHAPES.ttl EXPORT.nq

Each document graph is validated together with the ontology's graph (the
shapes' classes of grades and judgement areas live there); a graph the store
derives from the documents (one that says it is a cg:DerivedGraph, such as
the inspections graph) together with the ontology and every document graph,
whose entities it refers to. Prints one line per violation, "derived D", and
a last line "graphs N violations M" (N: document graphs); exits 1 when M > 0.
"""
import sys

import pyshacl
import rdflib

ONTOLOGY = rdflib.URIRef("https://w3id.org/councilgraph/ns")
DERIVED = rdflib.URIRef("https://w3id.org/councilgraph/ns#DerivedGraph")
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


def validate(name, graphs, shapes):
    """Validates the union of `graphs`; prints each violation; returns how many."""
    data = rdflib.Graph()
    for g in graphs:
        for t in g:
            data.add(t)
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes)
    if conforms:
        return 0
    results = list(report.subjects(rdflib.RDF.type, SH.ValidationResult))
    for result in results:
        print(name, report.value(result, SH.focusNode), report.value(result, SH.resultPath),
              report.value(result, SH.resultMessage))
    return len(results)


def main(shapes_path, export_path):
    shapes = rdflib.Graph().parse(shapes_path, format="turtle")
    data = rdflib.Dataset()
    data.parse(export_path, format="nquads")
    ontology = data.graph(ONTOLOGY)
    documents, derived = [], []
    for g in data.graphs():
        if g.identifier in (ONTOLOGY, rdflib.graph.DATASET_DEFAULT_GRAPH_ID) or len(g) == 0:
            continue
        (derived if (g.identifier, rdflib.RDF.type, DERIVED) in g else documents).append(g)
    violations = 0
    for g in documents:
        violations += validate(g.identifier, [g, ontology], shapes)
    for g in derived:
        violations += validate(g.identifier, [g, ontology, *documents], shapes)
    print(f"derived {len(derived)}")
    print(f"graphs {len(documents)} violations {violations}")
    return 1 if violations else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2])
    sys.exit(main(sys.argv[1], sys.argv[2]))
