package centrality_test

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/centrality"
)

// A small household: Anna talks to everyone, Ben and Cleo often talk to
// each other, Dora only to Anna.
func household() *graph.Graph {
	g := &graph.Graph{
		Episode: graph.Episode{ID: "e01"},
		Nodes: []graph.Node{
			{ID: "anna", Name: "Anna"}, {ID: "ben", Name: "Ben"},
			{ID: "cleo", Name: "Cleo"}, {ID: "dora", Name: "Dora"},
		},
		Edges: []graph.Edge{
			{Source: "anna", Target: "ben", Weight: 2},
			{Source: "anna", Target: "cleo", Weight: 1},
			{Source: "anna", Target: "dora", Weight: 3},
			{Source: "ben", Target: "cleo", Weight: 5},
		},
	}
	g.Canonicalize()
	return g
}

func ExampleBetweenness() {
	g := household()
	// Unit: every edge one hop. Inverse: an edge of weight w is 1/w long,
	// so the strong ben–cleo tie pulls the anna–cleo paths through ben.
	unit := centrality.Betweenness(g, centrality.Unit, false)
	inverse := centrality.Betweenness(g, centrality.Inverse, false)
	for i, n := range g.Nodes {
		fmt.Printf("%-4s unit %.1f  inverse %.1f\n", n.ID, unit[i], inverse[i])
	}
	// Output:
	// anna unit 2.0  inverse 2.0
	// ben  unit 0.0  inverse 2.0
	// cleo unit 0.0  inverse 0.0
	// dora unit 0.0  inverse 0.0
}

func ExampleRank() {
	r, err := centrality.Rank(household(), centrality.Options{
		By:         "strength",
		Measures:   []string{"degree", "strength", "betweenness"},
		Distance:   centrality.Inverse,
		Normalized: true,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, row := range r.Rows {
		fmt.Printf("%d %-4s degree %v strength %v betweenness %.3f\n",
			row.Rank, row.Name, row.Values["degree"], row.Values["strength"], row.Values["betweenness"])
	}
	enc := json.NewEncoder(os.Stdout)
	r.Rows = r.Rows[:1]
	if err := enc.Encode(r); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 1 Ben  degree 2 strength 7 betweenness 0.667
	// 2 Anna degree 3 strength 6 betweenness 0.667
	// 3 Cleo degree 2 strength 6 betweenness 0.000
	// 4 Dora degree 1 strength 3 betweenness 0.000
	// {"format":"relgraph/ranking@1","graph":"e01","by":"strength","distance":"inverse","normalized":true,"measures":["degree","strength","betweenness"],"rows":[{"rank":1,"id":"ben","name":"Ben","degree":2,"strength":7,"betweenness":0.6666666666666666}]}
}

// Bootstrap tells whether a ranking survives the noise of the text: here
// Anna and Ben share most scenes, Cleo appears in three.
func ExampleBootstrap() {
	g := &graph.Graph{
		Nodes: []graph.Node{{ID: "anna"}, {ID: "ben"}, {ID: "cleo"}},
		Edges: []graph.Edge{
			{Source: "anna", Target: "ben", Weight: 6, Units: []int{1, 2, 3, 4, 5, 6}},
			{Source: "anna", Target: "cleo", Weight: 2, Units: []int{7, 8}},
			{Source: "ben", Target: "cleo", Weight: 1, Units: []int{9}},
		},
	}
	r, err := centrality.Bootstrap(g, centrality.Options{Measures: []string{"strength"}},
		centrality.BootstrapOptions{Samples: 1000, Seed: 1})
	if err != nil {
		panic(err)
	}
	for _, row := range r.Rows {
		fmt.Printf("%d %-4s strength %2.0f [%2.0f, %2.0f]  rank %d–%d\n", row.Rank, row.ID,
			row.Values["strength"], row.Values["strength_low"], row.Values["strength_high"], row.RankLow, row.RankHigh)
	}
	// Output:
	// 1 anna strength  8 [ 6,  9]  rank 1–2
	// 2 ben  strength  7 [ 4,  9]  rank 1–3
	// 3 cleo strength  3 [ 1,  6]  rank 2–3
}

// RankEdges lists the ties that hold the network together.
func ExampleRankEdges() {
	r, err := centrality.RankEdges(household(), centrality.Options{Distance: centrality.Unit})
	if err != nil {
		panic(err)
	}
	for _, e := range r.Rows {
		fmt.Printf("%d %s–%s %.1f\n", e.Rank, e.Source, e.Target, e.Betweenness)
	}
	// Unit distances, pairs counted (not normalised): dora reaches everyone
	// through anna–dora (3 pairs).
	// Output:
	// 1 anna–dora 3.0
	// 2 anna–ben 2.0
	// 3 anna–cleo 2.0
	// 4 ben–cleo 1.0
}
