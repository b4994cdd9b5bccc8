package generate

import (
	"math/rand/v2"
	"testing"
)

// TestSizes: BA with n nodes and m links per new node has m (the initial
// star) + m·(n−m−1) edges; ER has exactly e edges; both are valid and the
// same seed gives the same graph.
func TestSizes(t *testing.T) {
	ba := BarabasiAlbert(100, 3, rand.New(rand.NewPCG(1, 0)))
	if len(ba.Nodes) != 100 || len(ba.Edges) != 3+3*96 {
		t.Errorf("BA: %d nodes, %d edges; want 100, %d", len(ba.Nodes), len(ba.Edges), 3+3*96)
	}
	er := ErdosRenyi(50, 1000, rand.New(rand.NewPCG(1, 0)))
	if len(er.Nodes) != 50 || len(er.Edges) != 1000 {
		t.Errorf("ER: %d nodes, %d edges; want 50, 1000", len(er.Nodes), len(er.Edges))
	}
	if err := ba.Validate(); err != nil {
		t.Error(err)
	}
	if err := er.Validate(); err != nil {
		t.Error(err)
	}
	again := BarabasiAlbert(100, 3, rand.New(rand.NewPCG(1, 0)))
	for i := range again.Edges {
		if again.Edges[i].Source != ba.Edges[i].Source || again.Edges[i].Target != ba.Edges[i].Target || again.Edges[i].Weight != ba.Edges[i].Weight {
			t.Fatalf("edge %d differs between two runs with one seed", i)
		}
	}
	if ids := NodeIDs("c", 12, 1); ids[0] != "c01" || ids[11] != "c12" {
		t.Errorf("NodeIDs = %v, want c01..c12", ids)
	}
}
