package metrics_test

import (
	"fmt"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/metrics"
)

// A triangle with a pendant character, and one character who meets nobody:
// the graph is disconnected, so diameter and average path length are
// undefined (nil).
func ExampleCompute() {
	g := &graph.Graph{
		Nodes: []graph.Node{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}, {ID: "loner"}},
		Edges: []graph.Edge{
			{Source: "a", Target: "b", Weight: 1}, {Source: "b", Target: "c", Weight: 2},
			{Source: "a", Target: "c", Weight: 1}, {Source: "c", Target: "d", Weight: 3},
		},
	}
	g.Canonicalize()
	st := metrics.Compute(g)
	fmt.Println("components:", st.ConnectedComponents, "largest:", st.LargestComponent)
	fmt.Println("diameter defined:", st.Diameter != nil)
	fmt.Printf("transitivity %.4f, max degree %d %v\n", *st.Transitivity, *st.MaxDegree, st.MaxDegreeIDs)
	// Output:
	// components: 2 largest: 4
	// diameter defined: false
	// transitivity 0.6000, max degree 3 [c]
}
