package centrality_test

import (
	"os"
	"testing"

	"github.com/relgraph/relgraph/graph/centrality"
	"github.com/relgraph/relgraph/graph/community"
	"github.com/relgraph/relgraph/graph/formats"
)

// BenchmarkFile times the kernels that bench/compare.sh compares with igraph
// and NetworkX, in-process after loading, on the graph file named by
// $RELGRAPH_BENCH_GRAPH (any format relgraph reads):
//
//	RELGRAPH_BENCH_GRAPH=ba-2000.csv go test ./graph/centrality -run '^$' -bench '^BenchmarkFile$'
func BenchmarkFile(b *testing.B) {
	path := os.Getenv("RELGRAPH_BENCH_GRAPH")
	if path == "" {
		b.Skip("set RELGRAPH_BENCH_GRAPH to a graph file (bench/compare.sh does)")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	g, _, err := formats.Read(path, data, formats.ReadOptions{})
	if err != nil {
		b.Fatal(err)
	}
	for _, task := range []string{"betweenness", "closeness", "pagerank", "eigenvector"} {
		b.Run(task, func(b *testing.B) {
			for b.Loop() {
				if _, err := centrality.Rank(g, centrality.Options{Measures: []string{task}, By: task, Normalized: true}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("louvain", func(b *testing.B) {
		for b.Loop() {
			if _, err := community.Detect(g, community.Options{Seed: 1}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
