package community_test

import (
	"fmt"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/community"
)

// Two households that meet once: Louvain finds them (NetworkX gives the
// same partition modularity 0.46).
func ExampleDetect() {
	g := &graph.Graph{
		Nodes: []graph.Node{{ID: "anna"}, {ID: "ben"}, {ID: "cleo"}, {ID: "dora"}, {ID: "emil"}, {ID: "fritz"}},
		Edges: []graph.Edge{
			{Source: "anna", Target: "ben", Weight: 5}, {Source: "ben", Target: "cleo", Weight: 4},
			{Source: "anna", Target: "cleo", Weight: 3}, {Source: "dora", Target: "emil", Weight: 6},
			{Source: "emil", Target: "fritz", Weight: 2}, {Source: "dora", Target: "fritz", Weight: 4},
			{Source: "cleo", Target: "dora", Weight: 1},
		},
	}
	g.Canonicalize()
	r, err := community.Detect(g, community.Options{Seed: 1})
	if err != nil {
		panic(err)
	}
	fmt.Printf("modularity %.4f\n", r.Modularity)
	for _, c := range r.Communities {
		fmt.Println(c.ID, c.Members)
	}
	// Output:
	// modularity 0.4600
	// 1 [anna ben cleo]
	// 2 [dora emil fritz]
}
