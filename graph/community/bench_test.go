package community

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// baGraph returns a seeded Barabási–Albert graph: n nodes, each new node
// joined to m distinct earlier ones in proportion to degree, integer
// weights 1..10.
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
				g.Edges = append(g.Edges, graph.Edge{Source: id(u), Target: id(v), Weight: float64(1 + rng.IntN(10))})
				ends = append(ends, u, v)
			}
		}
	}
	g.Canonicalize()
	return g
}

func benchDetect(b *testing.B, method string) {
	for _, n := range []int{100, 1000, 10000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			g := baGraph(n, 5, 1)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := Detect(g, Options{Method: method, Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkLouvain(b *testing.B)          { benchDetect(b, Louvain) }
func BenchmarkLabelPropagation(b *testing.B) { benchDetect(b, LabelPropagation) }
