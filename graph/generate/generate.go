// Package generate provides seeded synthetic character graphs for tests,
// benchmarks and "relgraph generate": Barabási–Albert and Erdős–Rényi
// graphs with integer weights 1–10, so every tool reads the same file.
package generate

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"

	"github.com/relgraph/relgraph/graph"
)

// Size limits of the generators. A generated edge costs about 380 bytes
// at its peak in "relgraph generate" (the pair, the graph.Edge with its two
// id strings, the CSV row; measured: 1,000,000 edges take 380 MB and 3 s),
// so MaxEdges edges need about 4 GB and half a minute; a node costs about
// 100 bytes. Node indices are int32, far above MaxNodes.
const (
	MaxNodes = 10_000_000 // nodes of one graph (--nodes)
	MaxEdges = 10_000_000 // edges of one graph (--edges, or --m × (--nodes − --m))
)

// CheckBarabasiAlbert returns an error, naming the parameter and its limit,
// unless BarabasiAlbert(n, m, …) is defined and fits the limits: 1 ≤ m < n
// ≤ MaxNodes and m·(n − m) ≤ MaxEdges edges. The flag names of the command
// line (--nodes, --m) name the parameters.
func CheckBarabasiAlbert(n, m int) error {
	switch {
	case n < 2 || n > MaxNodes:
		return fmt.Errorf("--nodes %d: Barabási–Albert needs 2 to %d nodes", n, MaxNodes)
	case m < 1 || m >= n:
		return fmt.Errorf("--m %d: Barabási–Albert needs 1 ≤ m < nodes (%d)", m, n)
	case int64(m)*int64(n-m) > MaxEdges:
		return fmt.Errorf("--m %d with --nodes %d makes %d edges, above the limit of %d (--m × (--nodes − --m))", m, n, int64(m)*int64(n-m), MaxEdges)
	}
	return nil
}

// CheckErdosRenyi returns an error, naming the parameter and its limit,
// unless ErdosRenyi(n, e, …) is defined and fits the limits: 1 ≤ n ≤
// MaxNodes and 0 ≤ e ≤ min(MaxEdges, n(n − 1)/2).
func CheckErdosRenyi(n, e int) error {
	switch {
	case n < 1 || n > MaxNodes:
		return fmt.Errorf("--nodes %d: Erdős–Rényi needs 1 to %d nodes", n, MaxNodes)
	case e < 0 || e > MaxEdges:
		return fmt.Errorf("--edges %d: Erdős–Rényi needs 0 to %d edges", e, MaxEdges)
	case int64(e) > int64(n)*int64(n-1)/2:
		return fmt.Errorf("--edges %d: %d nodes have only %d pairs", e, n, int64(n)*int64(n-1)/2)
	}
	return nil
}

// NodeIDs returns prefix + i for i in 0..n-1, zero-padded to the width of
// n-1 (so ids sort like numbers).
func NodeIDs(prefix string, n, first int) []string {
	width := len(strconv.Itoa(max(n-1+first, 1)))
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("%s%0*d", prefix, width, i+first)
	}
	return ids
}

// newGenerated returns the canonical graph on ids with the given pairs of
// indices, each weighted uniformly from 1 to 10 in pair order.
func newGenerated(ids []string, pairs [][2]int32, rng *rand.Rand) *graph.Graph {
	g := &graph.Graph{Nodes: make([]graph.Node, len(ids)), Edges: make([]graph.Edge, len(pairs))}
	for i, id := range ids {
		g.Nodes[i] = graph.Node{ID: id}
	}
	for i, p := range pairs {
		g.Edges[i] = graph.Edge{Source: ids[p[0]], Target: ids[p[1]], Weight: float64(1 + rng.IntN(10))}
	}
	g.Canonicalize()
	return g
}

// BarabasiAlbert follows NetworkX's barabasi_albert_graph: a star on nodes
// 0..m, then each node v > m joins m distinct targets drawn uniformly from
// the list of all edge ends so far (so in proportion to degree). Weights
// are drawn uniformly from 1 to 10; rng makes it reproducible.
//
// BarabasiAlbert panics with CheckBarabasiAlbert's error when n and m
// fail it: callers taking sizes from users check them first.
func BarabasiAlbert(n, m int, rng *rand.Rand) *graph.Graph {
	if err := CheckBarabasiAlbert(n, m); err != nil {
		panic("generate: " + err.Error())
	}
	pairs := make([][2]int32, 0, m*(n-m))
	ends := make([]int32, 0, 2*m*(n-m))
	for v := 1; v <= m; v++ {
		pairs = append(pairs, [2]int32{0, int32(v)})
		ends = append(ends, 0, int32(v))
	}
	chosen := make([]int32, 0, m)
	for v := m + 1; v < n; v++ {
		chosen = chosen[:0]
		for len(chosen) < m {
			u := ends[rng.IntN(len(ends))]
			if !slices.Contains(chosen, u) {
				chosen = append(chosen, u)
			}
		}
		for _, u := range chosen {
			pairs = append(pairs, [2]int32{u, int32(v)})
			ends = append(ends, u, int32(v))
		}
	}
	return newGenerated(NodeIDs("n", n, 0), pairs, rng)
}

// ErdosRenyi draws e distinct pairs of n nodes uniformly: by rejection
// when e is at most half of the pairs, else by shuffling all pairs (at
// most 2e of them).
//
// ErdosRenyi panics with CheckErdosRenyi's error when n and e fail it:
// callers taking sizes from users check them first.
func ErdosRenyi(n, e int, rng *rand.Rand) *graph.Graph {
	if err := CheckErdosRenyi(n, e); err != nil {
		panic("generate: " + err.Error())
	}
	total := int64(n) * int64(n-1) / 2
	var pairs [][2]int32
	if int64(e)*2 <= total {
		seen := make(map[uint64]bool, e)
		for len(pairs) < e {
			u, v := int32(rng.IntN(n)), int32(rng.IntN(n))
			if u == v {
				continue
			}
			if u > v {
				u, v = v, u
			}
			k := uint64(u)<<32 | uint64(v)
			if !seen[k] {
				seen[k] = true
				pairs = append(pairs, [2]int32{u, v})
			}
		}
	} else {
		for u := int32(0); u < int32(n); u++ {
			for v := u + 1; v < int32(n); v++ {
				pairs = append(pairs, [2]int32{u, v})
			}
		}
		rng.Shuffle(len(pairs), func(i, j int) { pairs[i], pairs[j] = pairs[j], pairs[i] })
		pairs = pairs[:e]
	}
	return newGenerated(NodeIDs("n", n, 0), pairs, rng)
}
