#!/usr/bin/env bash
# Compares relgraph with python-igraph and NetworkX on this machine:
# weighted betweenness, closeness, PageRank, eigenvector and Louvain on
#   asoiaf-all  the union of the five books of ../shared/data/asoiaf
#               (weights summed; 796 nodes)
#   ba-2000     relgraph generate --model ba --nodes 2000 --m 5 --seed 1
#   er-10000    relgraph generate --model er --nodes 10000 --edges 100000 --seed 1
#               (igraph and relgraph only: NetworkX needs most of an hour)
# and prints each time and the ratios relgraph/igraph and relgraph/NetworkX.
# relgraph is timed as a whole process; igraph and NetworkX in-process after
# loading the graph; relgraph's kernels are also timed in-process
# (BenchmarkFile in graph/centrality) for a like-for-like view. Debian's python3-igraph and python3-networkx are
# installed with apt-get if missing. Usage, from the repository root:
#
#   bench/compare.sh [--repeat N] [--json FILE] [--graphs G,…] [--tasks T,…]
#
# --graphs and --tasks run a subset (graphs asoiaf-all, ba-2000, er-10000;
# tasks betweenness, closeness, pagerank, eigenvector, louvain): e.g.
# `bench/compare.sh --repeat 5 --tasks pagerank,eigenvector` takes about a
# minute where the whole table takes several (NetworkX's betweenness).
#
# Figures and their reading are in docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
py=/usr/bin/python3
if ! $py -c 'import igraph, networkx, numpy, scipy' 2>/dev/null; then
  echo "== installing python3-igraph python3-networkx (apt-get)"
  apt-get install -y python3-igraph python3-networkx python3-numpy python3-scipy >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "== building relgraph"
go build -o "$work/relgraph" ./cmd/relgraph
go test -c -o "$work/centrality.test" ./graph/centrality
rg="$work/relgraph"

echo "== graphs in $work"
"$rg" generate --model ba --nodes 2000 --m 5 --seed 1 -o "$work/ba-2000.csv"
"$rg" generate --model er --nodes 10000 --edges 100000 --seed 1 -o "$work/er-10000.csv"
shared=../shared/data/asoiaf
graphs=ba-2000,er-10000
if [ -d "$shared" ]; then
  $py - "$shared" "$work/asoiaf-all.csv" <<'PY'
import csv, glob, sys
w = {}
for f in sorted(glob.glob(sys.argv[1] + "/asoiaf-book*-edges.csv")):
    with open(f, newline="") as fh:  # the files end lines with a bare CR
        for row in csv.DictReader(fh):
            k = tuple(sorted((row["Source"], row["Target"])))
            w[k] = w.get(k, 0) + int(row["weight"])
with open(sys.argv[2], "w", newline="") as out:
    c = csv.writer(out, lineterminator="\n")
    c.writerow(["source", "target", "weight"])
    for (u, v), x in sorted(w.items()):
        c.writerow([u, v, x])
PY
  graphs=asoiaf-all,$graphs
else
  echo "(../shared/data/asoiaf not found: the asoiaf union is left out)"
fi
# relgraph reads the CSV edge list where it can; otherwise it gets the same
# graph as relgraph JSON (written from the CSV, same nodes, edges, weights).
for g in ${graphs//,/ }; do
  if ! "$rg" stats "$work/$g.csv" >/dev/null 2>&1; then
    $py - "$work/$g.csv" "$work/$g.json" <<'PY'
import csv, json, sys
nodes, edges = set(), []
with open(sys.argv[1], newline="") as f:
    r = csv.reader(f); next(r)
    for u, v, w in r:
        u, v = sorted((u, v)); nodes.update((u, v))
        edges.append({"source": u, "target": v, "weight": float(w)})
json.dump({"format": "relgraph/graph@1", "nodes": [{"id": n} for n in sorted(nodes)], "edges": edges},
          open(sys.argv[2], "w"))
PY
    echo "$work/$g.json" > "$work/$g.rgpath"
    echo "(relgraph cannot read $g.csv yet: timing it on the same graph as relgraph JSON)"
  fi
done
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== igraph $($py -c 'import igraph; print(igraph.__version__)'), networkx $($py -c 'import networkx; print(networkx.__version__)'), $(go version)"
$py bench/compare.py "$rg" "$work" --graphs "$graphs" --inprocess "$work/centrality.test" "$@"
