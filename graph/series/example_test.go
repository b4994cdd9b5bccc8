package series_test

import (
	"fmt"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/series"
)

// episodes returns three small episodes: Anna and Ben in the first, Ben
// and Cara in the second, Anna and Cara in the third.
func episodes() []*graph.Graph {
	ep := func(id, a, b string, w float64) *graph.Graph {
		return &graph.Graph{
			Episode: graph.Episode{ID: id},
			Nodes:   []graph.Node{{ID: a}, {ID: b}},
			Edges:   []graph.Edge{{Source: a, Target: b, Weight: w}},
		}
	}
	return []*graph.Graph{ep("e01", "anna", "ben", 3), ep("e02", "ben", "cara", 2), ep("e03", "anna", "cara", 4)}
}

// Follow the characters' strength through a series, the story so far
// (cumulative mode: the graph of episode t sums episodes 1..t), with the
// change from the previous frame. By hand: strengths after e02 are ben
// 3+2 = 5, anna 3, cara 2; after e03 anna 3+4 = 7, cara 2+4 = 6, ben 5.
// Ties in strength are ranked by id (e01: anna before ben).
func ExampleRun() {
	mode, err := series.ParseMode("cumulative")
	if err != nil {
		fmt.Println(err)
		return
	}
	opt := series.Options{Mode: mode, Measures: []string{"strength"}, Diffs: true}
	err = series.Run(episodes(), opt, func(f *series.Frame) error {
		fmt.Printf("%s (%d ties):", f.Graph.Episode.ID, f.Ties)
		for i, n := range f.Graph.Nodes {
			fmt.Printf(" %s=%g (#%d)", n.ID, f.Values["strength"][i], f.Ranks["strength"][i])
		}
		if f.Diff != nil {
			fmt.Printf("; added %v", f.Diff.Nodes.Added)
		}
		fmt.Println()
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// e01 (1 ties): anna=3 (#1) ben=3 (#2)
	// e02 (2 ties): anna=3 (#2) ben=5 (#1) cara=2 (#3); added [cara]
	// e03 (3 ties): anna=7 (#1) ben=5 (#3) cara=6 (#2); added []
}

// The frames of a sliding window of two episodes: a tie fades out once it
// is two episodes old.
func ExampleFrames() {
	series.Frames(episodes(), series.Mode{Kind: series.Window, K: 2}, func(t int, g *graph.Graph) bool {
		fmt.Print(g.Episode.ID, ":")
		for _, e := range g.Edges {
			fmt.Printf(" %s–%s %g", e.Source, e.Target, e.Weight)
		}
		fmt.Println()
		return true
	})
	// Output:
	// e01: anna–ben 3
	// e02: anna–ben 3 ben–cara 2
	// e03: ben–cara 2 anna–cara 4
}
