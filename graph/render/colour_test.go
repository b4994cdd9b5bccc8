package render

import (
	"fmt"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// TestNodeColoursDistinct: in the project's e02 cast, "hannah" and "lukas"
// hash to the same palette colour (mint); the more central Hannah keeps it
// and Lukas takes the next free one. Up to len(palette) characters never
// share a colour.
func TestNodeColoursDistinct(t *testing.T) {
	if fillColour("hannah") != fillColour("lukas") {
		t.Fatalf("test premise: hannah and lukas should collide in the hash")
	}
	g := &graph.Graph{Nodes: []graph.Node{{ID: "achim"}, {ID: "hannah"}, {ID: "kathrin"}, {ID: "lukas"}}}
	c := nodeColours(g, map[string]float64{"hannah": 6, "achim": 4, "kathrin": 4, "lukas": 4})
	if c["hannah"] != fillColour("hannah") {
		t.Errorf("hannah (most central) got %s, want her own %s", c["hannah"], fillColour("hannah"))
	}
	if c["lukas"] == c["hannah"] {
		t.Errorf("lukas and hannah share %s", c["lukas"])
	}
	for n := 1; n <= len(palette)+2; n++ {
		g := &graph.Graph{}
		for i := range n {
			g.Nodes = append(g.Nodes, graph.Node{ID: fmt.Sprintf("c%d", i)})
		}
		seen := map[string]string{}
		for id, col := range nodeColours(g, nil) {
			if other, dup := seen[col]; dup && n <= len(palette) {
				t.Errorf("n=%d: %s and %s share %s", n, id, other, col)
			}
			seen[col] = id
		}
	}
}
