package centrality

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// edge is a test edge: two node ids and a weight.
type edge struct {
	s, t string
	w    float64
}

// build returns the canonical graph with the given node ids and edges.
func build(ids []string, edges ...edge) *graph.Graph {
	g := &graph.Graph{}
	for _, id := range ids {
		g.Nodes = append(g.Nodes, graph.Node{ID: id})
	}
	for _, e := range edges {
		g.Edges = append(g.Edges, graph.Edge{Source: e.s, Target: e.t, Weight: e.w})
	}
	g.Canonicalize()
	return g
}

// near reports whether got and want agree to tol, absolutely or relative to
// |want| when that is larger than 1.
func near(got, want, tol float64) bool {
	if math.IsInf(want, 0) || math.IsNaN(want) {
		return got == want || (math.IsNaN(got) && math.IsNaN(want))
	}
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

// checkSlice fails t unless got and want have the same length and agree
// element by element to tol.
func checkSlice(t *testing.T, name string, got, want []float64, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %d values %v, want %d %v", name, len(got), got, len(want), want)
		return
	}
	for i := range got {
		if !near(got[i], want[i], tol) {
			t.Errorf("%s[%d]: got %.15g, want %.15g (all: %v)", name, i, got[i], want[i], got)
			return
		}
	}
}

// nodeID names generated node i so that ids sort like indices.
func nodeID(i int) string { return fmt.Sprintf("n%05d", i) }

// randomGraph returns a seeded preferential-attachment graph (Barabási and
// Albert 1999): n nodes, each new node joined to m distinct earlier nodes
// chosen in proportion to their degree, with integer weights 1..20 drawn
// from a heavy-tailed distribution, as interaction counts are.
func randomGraph(n, m int, seed uint64) *graph.Graph {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	ids := make([]string, n)
	for i := range ids {
		ids[i] = nodeID(i)
	}
	var edges []edge
	var ends []int // every edge end once: sampling from it is by degree
	for v := 1; v < n; v++ {
		k := min(m, v)
		chosen := map[int]bool{}
		picks := make([]int, 0, k)
		for len(picks) < k {
			var u int
			if len(ends) == 0 || rng.IntN(4) == 0 {
				u = rng.IntN(v)
			} else {
				u = ends[rng.IntN(len(ends))]
			}
			if !chosen[u] {
				chosen[u] = true
				picks = append(picks, u)
			}
		}
		for _, u := range picks {
			w := float64(1 + int(20*math.Pow(rng.Float64(), 3)))
			edges = append(edges, edge{ids[u], ids[v], w})
			ends = append(ends, u, v)
		}
	}
	return build(ids, edges...)
}

// pathGraph returns the path n00000–n00001–…, weights cycling 1, 2, 3.
func pathGraph(n int) *graph.Graph {
	ids := make([]string, n)
	var edges []edge
	for i := range ids {
		ids[i] = nodeID(i)
		if i > 0 {
			edges = append(edges, edge{ids[i-1], ids[i], float64(1 + i%3)})
		}
	}
	return build(ids, edges...)
}

// starGraph returns the star with centre n00000 and n−1 leaves, weights
// cycling 1..4.
func starGraph(n int) *graph.Graph {
	ids := make([]string, n)
	var edges []edge
	for i := range ids {
		ids[i] = nodeID(i)
		if i > 0 {
			edges = append(edges, edge{ids[0], ids[i], float64(1 + i%4)})
		}
	}
	return build(ids, edges...)
}

// disjoint returns the union of a and b with b's ids prefixed by "z".
func disjoint(a, b *graph.Graph) *graph.Graph {
	g := &graph.Graph{Nodes: slices.Clone(a.Nodes), Edges: slices.Clone(a.Edges)}
	for _, n := range b.Nodes {
		g.Nodes = append(g.Nodes, graph.Node{ID: "z" + n.ID})
	}
	for _, e := range b.Edges {
		g.Edges = append(g.Edges, graph.Edge{Source: "z" + e.Source, Target: "z" + e.Target, Weight: e.Weight})
	}
	g.Canonicalize()
	return g
}
