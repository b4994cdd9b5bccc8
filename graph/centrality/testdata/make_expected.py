#!/usr/bin/python3
"""Writes expected.json: NetworkX values for the measures that the shared
reference files (../shared/data/*/reference/*.json) do not hold — Katz,
local clustering (plain and Onnela-weighted), core number, triangles and
unweighted edge betweenness — on every shared reference graph and on small
hand-made and generated graphs.

Run from the repository root with Debian's python3-networkx (2.8.8) and
python3-numpy:

    /usr/bin/python3 graph/centrality/testdata/make_expected.py

Reference graphs are rebuilt from each file's per_node keys (nodes, so
isolated ones are kept) and edge_list; their edges are not copied here (the
tests read them from ../shared). Small graphs carry their edge lists.
"""
import glob, json, math, os, random, sys, warnings

import networkx as nx
import numpy as np

warnings.simplefilter("ignore", FutureWarning)

ROOT = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(ROOT, "../../../../shared/data"))


def measures(G):
    """NetworkX values keyed by measure, then node id."""
    out = {}
    n = G.number_of_nodes()
    if G.number_of_edges() == 0:
        lmax = 0.0
    else:
        A = nx.to_numpy_array(G, weight="weight")
        lmax = float(np.linalg.eigvalsh(A)[-1])
    if lmax > 0:
        out["katz"] = nx.katz_centrality_numpy(G, alpha=0.85 / lmax, beta=1.0, weight="weight", normalized=True)
    elif n > 0:
        # No edges: x = beta for every node; normalised (relgraph's
        # documented convention; NetworkX's alpha would be undefined).
        out["katz"] = {v: 1 / math.sqrt(n) for v in G}
    out["clustering"] = nx.clustering(G)
    out["clustering_weighted"] = nx.clustering(G, weight="weight")
    out["coreness"] = nx.core_number(G)
    out["triangles"] = nx.triangles(G)
    for k in out:
        out[k] = {str(v): float(x) for v, x in out[k].items()}
    out["lambda_max"] = lmax
    eb = nx.edge_betweenness_centrality(G, normalized=True)
    out["edge_betweenness_unit"] = sorted([min(u, v), max(u, v), float(x)] for (u, v), x in eb.items())
    return out


def graph(nodes, edges):
    G = nx.Graph()
    G.add_nodes_from(nodes)
    for u, v, w in edges:
        if G.has_edge(u, v):
            G[u][v]["weight"] += w
        else:
            G.add_edge(u, v, weight=w)
    return G


def small_graphs():
    gs = [
        ("empty", [], []),
        ("single", ["a"], []),
        ("pair", ["a", "b"], [("a", "b", 2)]),
        ("isolated3", ["a", "b", "c"], []),
        ("star", ["h", "a", "b", "c", "d"], [("h", "a", 2), ("h", "b", 1), ("h", "c", 3), ("h", "d", 1)]),
        ("path", ["a", "b", "c", "d", "e"], [("a", "b", 1), ("b", "c", 2), ("c", "d", 3), ("d", "e", 1)]),
        ("two-components", ["a", "b", "c", "d", "e", "f"],
         [("a", "b", 1), ("b", "c", 4), ("a", "c", 2), ("d", "e", 5)]),
        ("k4-weighted", ["a", "b", "c", "d"],
         [("a", "b", 1), ("a", "c", 2), ("a", "d", 3), ("b", "c", 4), ("b", "d", 5), ("c", "d", 6)]),
        ("bowtie", ["a", "b", "c", "d", "e"],
         [("a", "b", 1), ("a", "c", 1), ("b", "c", 2), ("c", "d", 3), ("c", "e", 1), ("d", "e", 1)]),
    ]
    # A seeded preferential-attachment graph with integer weights 1..10.
    rng = random.Random(5)
    B = nx.barabasi_albert_graph(200, 3, seed=5)
    ids = ["n%03d" % i for i in range(200)]
    gs.append(("ba-200", ids, [(ids[u], ids[v], rng.randint(1, 10)) for u, v in sorted(B.edges())]))
    return gs


def main():
    doc = {"generator": "graph/centrality/testdata/make_expected.py",
           "networkx": nx.__version__, "reference": {}, "small": []}
    for path in sorted(glob.glob(os.path.join(SHARED, "*", "reference", "*.json"))):
        if os.path.basename(path) == "crosscheck.json":
            continue
        ref = json.load(open(path))
        G = graph(list(ref["per_node"]), [tuple(e) for e in ref["edge_list"]])
        doc["reference"][os.path.basename(path)[:-5]] = measures(G)
    for name, nodes, edges in small_graphs():
        G = graph(nodes, edges)
        doc["small"].append({"name": name, "nodes": nodes, "edges": [list(e) for e in edges],
                             "values": measures(G)})
    with open(os.path.join(ROOT, "expected.json"), "w") as f:
        json.dump(doc, f, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
