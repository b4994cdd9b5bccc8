package series

import (
	"sync"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

var (
	benchOnce sync.Once
	benchEps  []*graph.Graph
)

// benchSeries is the series of the performance target: 1,000
// episodes of 50–200 characters from a pool of 2,000 (seed 1).
func benchSeries() []*graph.Graph {
	benchOnce.Do(func() { benchEps = generate(1, 1000, 50, 200, 2000) })
	return benchEps
}

// BenchmarkEpisodes is every episode's seven measures plus the diff of
// every consecutive pair (target: under 10 s on two cores).
func BenchmarkEpisodes(b *testing.B) {
	eps := benchSeries()
	b.ResetTimer()
	for b.Loop() {
		n := 0
		if err := Run(eps, Options{Diffs: true}, func(f *Frame) error { n += len(f.Graph.Nodes); return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCumulative is the cumulative series with strength, degree,
// PageRank and eigenvector (target: under 10 s on two cores).
func BenchmarkCumulative(b *testing.B) {
	eps := benchSeries()
	b.ResetTimer()
	for b.Loop() {
		if err := Run(eps, Options{Mode: Mode{Kind: Cumulative}, Measures: []string{"strength", "degree", "pagerank", "eigenvector"}}, func(f *Frame) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}
