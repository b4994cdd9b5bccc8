#!/usr/bin/python3
"""Writes expected.json for graph/community's tests, for every shared
reference graph (../shared/data/*/reference/*.json, rebuilt from per_node
and edge_list) and a few small graphs (with their edge lists):

- partitions (lists of node-id lists): connected components, NetworkX's
  louvain_communities(G, weight="weight", seed=1), and a partition into
  two halves of the sorted node ids; with NetworkX's modularity(G, P,
  weight="weight", resolution=r) for r in 0.5, 1, 2;
- the modularity that NetworkX's Louvain (seeds 1..5) and python-igraph's
  community_multilevel(weights="weight") (random seeds 1..5) reach at
  resolution 1: mean and max.

Run from the repository root with Debian's python3-networkx (2.8.8) and
python3-igraph (0.10.2):

    /usr/bin/python3 graph/community/testdata/make_expected.py
"""
import glob, json, os, random, sys, warnings

import igraph as ig
import networkx as nx

warnings.simplefilter("ignore")
ROOT = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(ROOT, "../../../../shared/data"))
RES = [0.5, 1.0, 2.0]


def graph(nodes, edges):
    G = nx.Graph()
    G.add_nodes_from(nodes)
    for u, v, w in edges:
        G.add_edge(u, v, weight=w)
    return G


def entry(G):
    nodes = sorted(G)
    parts = {
        "components": [sorted(c) for c in nx.connected_components(G)],
        "halves": [nodes[: len(nodes) // 2], nodes[len(nodes) // 2:]] if len(nodes) > 1 else [nodes],
    }
    out = {"partitions": {}}
    if G.number_of_edges() > 0:
        parts["louvain_nx"] = [sorted(c) for c in nx.community.louvain_communities(G, weight="weight", seed=1)]
    for name, p in parts.items():
        p = [c for c in p if c]
        q = {str(r): nx.community.modularity(G, p, weight="weight", resolution=r) if G.number_of_edges() else None
             for r in RES}
        out["partitions"][name] = {"communities": sorted(p), "modularity": q}
    if G.number_of_edges() > 0:
        nxq = [nx.community.modularity(G, nx.community.louvain_communities(G, weight="weight", seed=s), weight="weight")
               for s in range(1, 6)]
        h = ig.Graph.TupleList(((u, v, d["weight"]) for u, v, d in G.edges(data=True)), weights=True)
        igq = []
        for s in range(1, 6):
            random.seed(s)
            ig.set_random_number_generator(random)
            igq.append(h.community_multilevel(weights="weight").modularity)
        out["louvain_modularity"] = {"networkx_mean": sum(nxq) / 5, "networkx_max": max(nxq),
                                     "igraph_mean": sum(igq) / 5, "igraph_max": max(igq)}
    return out


SMALL = [
    ("empty-edges", ["a", "b", "c"], []),
    ("two-triangles", ["a", "b", "c", "d", "e", "f"],
     [("a", "b", 3), ("b", "c", 2), ("a", "c", 1), ("d", "e", 2), ("e", "f", 2), ("d", "f", 5), ("c", "d", 1)]),
    ("karate", [str(v) for v in nx.karate_club_graph()],
     [(str(u), str(v), d["weight"]) for u, v, d in nx.karate_club_graph().edges(data=True)]),
]


def main():
    doc = {"generator": "graph/community/testdata/make_expected.py", "networkx": nx.__version__,
           "igraph": ig.__version__, "reference": {}, "small": []}
    for path in sorted(glob.glob(os.path.join(SHARED, "*", "reference", "*.json"))):
        if os.path.basename(path) == "crosscheck.json":
            continue
        ref = json.load(open(path))
        G = graph(list(ref["per_node"]), [tuple(e) for e in ref["edge_list"]])
        doc["reference"][os.path.basename(path)[:-5]] = entry(G)
    for name, nodes, edges in SMALL:
        d = entry(graph(nodes, edges))
        d.update({"name": name, "nodes": nodes, "edges": [list(e) for e in edges]})
        doc["small"].append(d)
    with open(os.path.join(ROOT, "expected.json"), "w") as f:
        json.dump(doc, f, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
