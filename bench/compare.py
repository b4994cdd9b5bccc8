#!/usr/bin/python3
"""Times relgraph against python-igraph and NetworkX on the same graphs.

Called by bench/compare.sh, which builds relgraph and generates the
graphs; see docs/performance.md for the figures and how to read them.

    compare.py RELGRAPH WORKDIR [--repeat N] [--graphs G,…] [--tasks T,…] [--inprocess CENTRALITY_TEST_BINARY]

For every graph (WORKDIR/<name>.csv, a source,target,weight edge list) and
task it prints the seconds each tool took and the ratios
relgraph/igraph and relgraph/NetworkX. relgraph is timed as a whole
process (start, read the file, compute, write CSV to /dev/null): what a
user waits for. igraph and NetworkX are timed in-process after the graph
is loaded. Each time is the best of --repeat runs (default 3; NetworkX
runs that take over 20 s run once). Peak resident memory of the relgraph
process is reported too (from one more run under GNU time). With --inprocess (a test binary of
graph/centrality, as compare.sh builds it), relgraph's kernels are also
timed in-process after loading, like igraph's (BenchmarkFile), in the
column "rg in-proc".
"""
import argparse, csv, json, os, re, subprocess, sys, tempfile, time, warnings

warnings.simplefilter("ignore")

import igraph as ig
import networkx as nx

TASKS = ["betweenness", "closeness", "pagerank", "eigenvector", "louvain"]


def read_edges(path):
    with open(path, newline="") as f:
        r = csv.reader(f)
        next(r)
        return [(u, v, float(w)) for u, v, w in r]


def relgraph_args(task, path):
    if task == "louvain":
        return ["communities", path, "--format", "csv", "--seed", "1"]
    return ["rank", path, "--measures", task, "--by", task, "--format", "csv"]


def run_relgraph(binary, task, path):
    """Wall-clock seconds of one relgraph run."""
    t0 = time.perf_counter()
    p = subprocess.run([binary] + relgraph_args(task, path), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit("relgraph %s failed: %s" % (task, p.stderr.decode()))
    return dt


def relgraph_rss(binary, task, path):
    """Peak resident memory (MiB) of one relgraph run, or None.

    Measured by GNU time (/usr/bin/time), whose own small process starts
    relgraph: the ru_maxrss of a child of this Python process would count
    the pages of the Python process it was forked from (Linux keeps the
    high-water mark across exec), which grows with the graphs loaded here.
    """
    if not os.path.exists("/usr/bin/time"):
        return None
    with tempfile.NamedTemporaryFile("r") as f:
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", f.name, binary] + relgraph_args(task, path),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            return int(f.read().split()[-1]) / 1024  # KiB → MiB
        except (ValueError, IndexError):
            return None


def igraph_task(h, task):
    if task == "betweenness":
        return lambda: h.betweenness(weights="dist", directed=False)
    if task == "closeness":
        return lambda: h.closeness(weights="dist")
    if task == "pagerank":
        return lambda: h.pagerank(weights="weight", directed=False)
    if task == "eigenvector":
        return lambda: h.eigenvector_centrality(weights="weight", directed=False)
    return lambda: h.community_multilevel(weights="weight")


def nx_task(G, task):
    if task == "betweenness":
        return lambda: nx.betweenness_centrality(G, weight="dist")
    if task == "closeness":
        return lambda: nx.closeness_centrality(G, distance="dist")
    if task == "pagerank":
        return lambda: nx.pagerank(G, weight="weight")
    if task == "eigenvector":
        return lambda: nx.eigenvector_centrality_numpy(G, weight="weight")
    return lambda: nx.community.louvain_communities(G, weight="weight", seed=1)


def best(f, repeat, slow=20.0):
    times = []
    for i in range(repeat):
        t0 = time.perf_counter()
        f()
        times.append(time.perf_counter() - t0)
        if times[-1] > slow:
            break
    return min(times)


def inprocess(binary, path, repeat, tasks):
    """Seconds per task (of tasks) of BenchmarkFile on path."""
    out = subprocess.run([binary, "-test.run", "^$", "-test.bench", "^BenchmarkFile$/^(%s)$" % "|".join(tasks),
                          "-test.benchtime", "%dx" % repeat], env=dict(os.environ, RELGRAPH_BENCH_GRAPH=path),
                         capture_output=True, text=True, check=True).stdout
    return {m.group(1): float(m.group(2)) / 1e9
            for m in re.finditer(r"BenchmarkFile/(\w+)(?:-\d+)?\s+\d+\s+([\d.]+) ns/op", out)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("relgraph")
    ap.add_argument("workdir")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--graphs", default="asoiaf-all,ba-2000,er-10000")
    ap.add_argument("--networkx-skip", default="er-10000", help="graphs NetworkX is not run on")
    ap.add_argument("--tasks", default=",".join(TASKS),
                    help="comma-separated subset of %s (e.g. pagerank,eigenvector)" % ",".join(TASKS))
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--inprocess", help="graph/centrality test binary for in-process kernel times")
    a = ap.parse_args()
    tasks = [t for t in a.tasks.split(",") if t]
    if not tasks or any(t not in TASKS for t in tasks):
        ap.error("--tasks: want a comma-separated subset of %s" % ",".join(TASKS))
    results = []
    print("%-12s %-12s %9s %9s %10s %8s %8s %9s %11s %8s" % ("graph", "task", "relgraph", "igraph", "networkx",
                                                              "rg/ig", "rg/nx", "rg MiB", "rg in-proc", "in/ig"))
    for name in a.graphs.split(","):
        csvpath = os.path.join(a.workdir, name + ".csv")
        rgpath = os.path.join(a.workdir, name + ".rgpath")
        rgfile = open(rgpath).read().strip() if os.path.exists(rgpath) else csvpath
        edges = read_edges(csvpath)
        h = ig.Graph.TupleList(((u, v, w) for u, v, w in edges), weights=True)
        h.es["dist"] = [1 / w for w in h.es["weight"]]
        G = nx.Graph()
        G.add_weighted_edges_from(edges)
        for u, v, d in G.edges(data=True):
            d["dist"] = 1 / d["weight"]
        inproc = inprocess(a.inprocess, rgfile, a.repeat, tasks) if a.inprocess else {}
        for task in tasks:
            rg = (min(run_relgraph(a.relgraph, task, rgfile) for _ in range(a.repeat)),
                  relgraph_rss(a.relgraph, task, rgfile))
            igt = best(igraph_task(h, task), a.repeat)
            nxt = None
            if name not in a.networkx_skip.split(","):
                nxt = best(nx_task(G, task), a.repeat)
            row = {"graph": name, "nodes": G.number_of_nodes(), "edges": G.number_of_edges(), "task": task,
                   "relgraph_s": rg[0], "relgraph_maxrss_mib": rg[1], "igraph_s": igt, "networkx_s": nxt,
                   "relgraph_inprocess_s": inproc.get(task)}
            results.append(row)
            ip = inproc.get(task)
            print("%-12s %-12s %9.3f %9.3f %10s %8.3f %8s %9.1f %11s %8s" % (
                name, task, rg[0], igt, "%.3f" % nxt if nxt is not None else "-", rg[0] / igt,
                "%.4f" % (rg[0] / nxt) if nxt else "-", rg[1] if rg[1] is not None else float("nan"),
                "%.4f" % ip if ip is not None else "-", "%.3f" % (ip / igt) if ip is not None else "-"), flush=True)
        if "louvain" in tasks:
            q = subprocess.run([a.relgraph, "communities", rgfile, "--format", "json", "--seed", "1"],
                               capture_output=True, check=True)
            ours = json.loads(q.stdout)["modularity"]
            theirs = max(h.community_multilevel(weights="weight").modularity for _ in range(5))
            print("%-12s louvain modularity: relgraph %.4f, igraph (best of 5) %.4f, ratio %.4f" % (
                name, ours, theirs, ours / theirs), flush=True)
            results.append({"graph": name, "task": "louvain-modularity", "relgraph": ours, "igraph_best5": theirs})
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
