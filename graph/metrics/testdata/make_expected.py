#!/usr/bin/python3
"""Writes expected.json: NetworkX's whole-graph figures for every shared
reference graph (../shared/data/*/reference/*.json, rebuilt from per_node
and edge_list) and for small degenerate graphs (with their edge lists).

Run from the repository root with Debian's python3-networkx (2.8.8):

    /usr/bin/python3 graph/metrics/testdata/make_expected.py

Undefined figures are null, following relgraph's conventions (see
graph/metrics/doc.go): density with fewer than two nodes, diameter and
average path length of an empty or disconnected graph, transitivity
without connected triples, assortativity without edges or with zero
variance.
"""
import glob, json, math, os, sys, warnings

import networkx as nx

warnings.simplefilter("ignore")
ROOT = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(ROOT, "../../../../shared/data"))


def figures(G):
    n, m = G.number_of_nodes(), G.number_of_edges()
    f = {"nodes": n, "edges": m}
    f["density"] = nx.density(G) if n >= 2 else None
    connected = n > 0 and nx.is_connected(G)
    f["diameter"] = nx.diameter(G) if connected else None
    f["average_path_length"] = nx.average_shortest_path_length(G) if connected else None
    f["average_clustering"] = nx.average_clustering(G) if n > 0 else None
    triples = sum(d * (d - 1) / 2 for _, d in G.degree())
    f["transitivity"] = nx.transitivity(G) if triples > 0 else None
    f["average_degree"] = 2 * m / n if n > 0 else None
    degs = dict(G.degree())
    f["max_degree"] = max(degs.values()) if n > 0 else None
    f["max_degree_ids"] = sorted(str(v) for v, d in degs.items() if d == f["max_degree"]) if n > 0 else []
    comps = list(nx.connected_components(G))
    f["connected_components"] = len(comps)
    f["largest_component"] = max((len(c) for c in comps), default=0)
    r = nx.degree_assortativity_coefficient(G) if m > 0 else float("nan")
    f["assortativity"] = None if math.isnan(r) else r
    return f


def graph(nodes, edges):
    G = nx.Graph()
    G.add_nodes_from(nodes)
    for u, v, w in edges:
        G.add_edge(u, v, weight=w)
    return G


SMALL = [
    ("empty", [], []),
    ("single", ["a"], []),
    ("pair", ["a", "b"], [("a", "b", 2)]),
    ("isolated3", ["a", "b", "c"], []),
    ("star", ["h", "a", "b", "c", "d"], [("h", "a", 2), ("h", "b", 1), ("h", "c", 3), ("h", "d", 1)]),
    ("path", ["a", "b", "c", "d", "e"], [("a", "b", 1), ("b", "c", 2), ("c", "d", 3), ("d", "e", 1)]),
    ("two-components", ["a", "b", "c", "d", "e", "f"], [("a", "b", 1), ("b", "c", 4), ("a", "c", 2), ("d", "e", 5)]),
    ("triangle", ["a", "b", "c"], [("a", "b", 1), ("b", "c", 1), ("a", "c", 1)]),
    ("bowtie", ["a", "b", "c", "d", "e"], [("a", "b", 1), ("a", "c", 1), ("b", "c", 2), ("c", "d", 3), ("c", "e", 1), ("d", "e", 1)]),
]


def main():
    doc = {"generator": "graph/metrics/testdata/make_expected.py", "networkx": nx.__version__,
           "reference": {}, "small": []}
    for path in sorted(glob.glob(os.path.join(SHARED, "*", "reference", "*.json"))):
        if os.path.basename(path) == "crosscheck.json":
            continue
        ref = json.load(open(path))
        G = graph(list(ref["per_node"]), [tuple(e) for e in ref["edge_list"]])
        doc["reference"][os.path.basename(path)[:-5]] = figures(G)
    for name, nodes, edges in SMALL:
        doc["small"].append({"name": name, "nodes": nodes, "edges": [list(e) for e in edges],
                             "figures": figures(graph(nodes, edges))})
    with open(os.path.join(ROOT, "expected.json"), "w") as f:
        json.dump(doc, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
