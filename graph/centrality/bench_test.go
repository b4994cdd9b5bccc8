package centrality

import (
	"path/filepath"
	"testing"

	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"

	"github.com/relgraph/relgraph/graph"
)

// benchGraph is one benchmark input.
type benchGraph struct {
	name string
	load func(b *testing.B) *graph.Graph
}

// benchGraphs: A Song of Ice and Fire book 5 (317 nodes, 760 edges, from
// the reference file's edge list; skipped without the shared data) and
// seeded preferential-attachment graphs of 100, 1,000 and 10,000 nodes (3
// edges per new node, heavy-tailed integer weights).
var benchGraphs = []benchGraph{
	{"asoiaf-book5", func(b *testing.B) *graph.Graph {
		referenceFiles(b) // skips without the shared data
		g, _ := loadReference(b, filepath.Join(sharedData, "asoiaf", "reference", "asoiaf-book5.json"))
		return g
	}},
	{"random-100", func(*testing.B) *graph.Graph { return randomGraph(100, 3, 1) }},
	{"random-1000", func(*testing.B) *graph.Graph { return randomGraph(1000, 3, 1) }},
	{"random-10000", func(*testing.B) *graph.Graph { return randomGraph(10000, 3, 1) }},
}

func benchMeasure(b *testing.B, f func(g *graph.Graph)) {
	for _, bg := range benchGraphs {
		b.Run(bg.name, func(b *testing.B) {
			g := bg.load(b)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				f(g)
			}
		})
	}
}

func BenchmarkBetweennessUnit(b *testing.B) {
	benchMeasure(b, func(g *graph.Graph) { Betweenness(g, Unit, true) })
}

func BenchmarkBetweenness(b *testing.B) {
	benchMeasure(b, func(g *graph.Graph) { Betweenness(g, Inverse, true) })
}

func BenchmarkCloseness(b *testing.B) {
	benchMeasure(b, func(g *graph.Graph) { Closeness(g, Inverse) })
}

func BenchmarkHarmonic(b *testing.B) {
	benchMeasure(b, func(g *graph.Graph) { Harmonic(g, Inverse) })
}

func BenchmarkEigenvector(b *testing.B) {
	benchMeasure(b, func(g *graph.Graph) { Eigenvector(g) })
}

func BenchmarkPageRank(b *testing.B) {
	benchMeasure(b, func(g *graph.Graph) { PageRank(g, DefaultDamping) })
}

func BenchmarkStrength(b *testing.B) {
	benchMeasure(b, func(g *graph.Graph) { Strength(g) })
}

func BenchmarkRankAll(b *testing.B) {
	benchMeasure(b, func(g *graph.Graph) {
		if _, err := Rank(g, Options{Normalized: true}); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkGonumBetweennessWeighted is gonum's weighted betweenness
// (all-pairs Dijkstra, O(n²) memory) on the same inputs, for comparison
// with BenchmarkBetweenness; the 10,000-node graph is left out.
func BenchmarkGonumBetweennessWeighted(b *testing.B) {
	for _, bg := range benchGraphs[:3] {
		b.Run(bg.name, func(b *testing.B) {
			gg := toGonum(bg.load(b), inverseLength)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				network.BetweennessWeighted(gg, path.DijkstraAllPaths(gg))
			}
		})
	}
}

func BenchmarkEdgeBetweenness(b *testing.B) {
	benchMeasure(b, func(g *graph.Graph) { EdgeBetweenness(g, Inverse, true) })
}

func BenchmarkKatz(b *testing.B) {
	benchMeasure(b, func(g *graph.Graph) {
		if _, err := Katz(g, 0); err != nil {
			b.Fatal(err)
		}
	})
}

func BenchmarkClusteringWeighted(b *testing.B) {
	benchMeasure(b, func(g *graph.Graph) { ClusteringWeighted(g) })
}

func BenchmarkCoreness(b *testing.B) {
	benchMeasure(b, func(g *graph.Graph) { Coreness(g) })
}

// BenchmarkBootstrap100 is 100 bootstrap samples of strength, betweenness
// and PageRank on the graphs up to 1,000 nodes, each edge's weight split
// into as many units.
func BenchmarkBootstrap100(b *testing.B) {
	for _, bg := range benchGraphs[:3] {
		b.Run(bg.name, func(b *testing.B) {
			g := bg.load(b)
			unit := 1
			for i := range g.Edges {
				g.Edges[i].Units = nil
				for range int(g.Edges[i].Weight) {
					g.Edges[i].Units = append(g.Edges[i].Units, unit)
					unit++
				}
			}
			opt := Options{Measures: []string{"strength", "betweenness", "pagerank"}, Normalized: true}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if _, err := Bootstrap(g, opt, BootstrapOptions{Samples: 100, Seed: 1}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
