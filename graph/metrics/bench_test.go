package metrics

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// baGraph returns a seeded Barabási–Albert graph: n nodes, each new node
// joined to m distinct earlier ones in proportion to degree (connected, so
// Compute runs its all-pairs searches).
func baGraph(n, m int, seed uint64) *graph.Graph {
	rng := rand.New(rand.NewPCG(seed, 1))
	g := &graph.Graph{}
	id := func(i int) string { return fmt.Sprintf("n%05d", i) }
	for i := range n {
		g.Nodes = append(g.Nodes, graph.Node{ID: id(i)})
	}
	var ends []int
	for v := 1; v < n; v++ {
		chosen := map[int]bool{}
		for len(chosen) < min(m, v) {
			u := rng.IntN(v)
			if len(ends) > 0 && rng.IntN(4) > 0 {
				u = ends[rng.IntN(len(ends))]
			}
			chosen[u] = true
		}
		for u := range v {
			if chosen[u] {
				g.Edges = append(g.Edges, graph.Edge{Source: id(u), Target: id(v), Weight: 1})
				ends = append(ends, u, v)
			}
		}
	}
	g.Canonicalize()
	return g
}

func BenchmarkCompute(b *testing.B) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			g := baGraph(n, 3, 1)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				Compute(g)
			}
		})
	}
}
