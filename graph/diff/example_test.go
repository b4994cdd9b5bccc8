package diff_test

import (
	"fmt"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/diff"
)

// Compare two episodes: who entered and left, which ties changed, how the
// ranks by strength moved, and the plain-language summary. By hand:
// strengths are anna 5, ben 4, cara 1 before and ben 6, dan 5, anna 1
// after; node Jaccard = |{anna, ben}| / |{anna, ben, cara, dan}| = 0.5.
func ExampleCompare() {
	e1 := &graph.Graph{
		Episode: graph.Episode{ID: "e01"},
		Nodes:   []graph.Node{{ID: "anna", Name: "Anna"}, {ID: "ben", Name: "Ben"}, {ID: "cara", Name: "Cara"}},
		Edges: []graph.Edge{
			{Source: "anna", Target: "ben", Weight: 4},
			{Source: "anna", Target: "cara", Weight: 1},
		},
	}
	e2 := &graph.Graph{
		Episode: graph.Episode{ID: "e02"},
		Nodes:   []graph.Node{{ID: "anna", Name: "Anna"}, {ID: "ben", Name: "Ben"}, {ID: "dan", Name: "Dan"}},
		Edges: []graph.Edge{
			{Source: "anna", Target: "ben", Weight: 1},
			{Source: "ben", Target: "dan", Weight: 5},
		},
	}
	r, err := diff.Compare(e1, e2)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("added:", r.Nodes.Added, "removed:", r.Nodes.Removed, "kept:", r.Nodes.Kept)
	for _, c := range r.Edges.Changed {
		fmt.Printf("%s–%s: %g → %g (%+.0f%%)\n", c.Source, c.Target, c.WeightA, c.WeightB, 100*c.Relative)
	}
	for _, row := range r.Ranks {
		if row.Delta != nil {
			fmt.Printf("%s: rank %d → %d\n", row.ID, *row.RankA, *row.RankB)
		}
	}
	fmt.Printf("node Jaccard %.2f\n", *r.Similarity.NodeJaccard)
	fmt.Println(r.Summary)
	// Output:
	// added: [dan] removed: [cara] kept: [anna ben]
	// anna–ben: 4 → 1 (-75%)
	// anna: rank 1 → 3
	// ben: rank 2 → 1
	// node Jaccard 0.50
	// Dan enters and becomes the second most central character. Cara leaves. Anna falls from first to third place; Ben rises from second to first place. The tie between Anna and Ben weakens from 4 to 1.
}
