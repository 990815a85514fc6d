#!/usr/bin/env python3
"""Validates every document graph of an N-Quads export with pyshacl.

usage: shacl-validate.py SHAPES.ttl EXPORT.nq

Each document graph is validated together with the ontology's graph (the
shapes' classes of grades and judgement areas live there). Prints one line
per violation and a last line "graphs N violations M"; exits 1 when M > 0.
"""
import sys

import pyshacl
import rdflib

ONTOLOGY = rdflib.URIRef("https://w3id.org/councilgraph/ns")


def main(shapes_path, export_path):
    shapes = rdflib.Graph().parse(shapes_path, format="turtle")
    data = rdflib.Dataset()
    data.parse(export_path, format="nquads")
    ontology = data.graph(ONTOLOGY)
    graphs = violations = 0
    for g in data.graphs():
        if g.identifier in (ONTOLOGY, rdflib.graph.DATASET_DEFAULT_GRAPH_ID) or len(g) == 0:
            continue
        graphs += 1
        doc = rdflib.Graph()
        for t in g:
            doc.add(t)
        for t in ontology:
            doc.add(t)
        conforms, report, _ = pyshacl.validate(doc, shacl_graph=shapes)
        if conforms:
            continue
        for result in report.subjects(rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/shacl#ValidationResult")):
            sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
            violations += 1
            print(g.identifier, report.value(result, sh.focusNode), report.value(result, sh.resultPath),
                  report.value(result, sh.resultMessage))
    print(f"graphs {graphs} violations {violations}")
    return 1 if violations else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__.strip().splitlines()[2])
    sys.exit(main(sys.argv[1], sys.argv[2]))
