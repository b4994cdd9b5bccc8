package generate

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
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

// TestChecks: sizes beyond the limits, or undefined, are errors naming the
// flag and the limit (issue 7: --model ba --nodes 100000000 --m 1000 and
// --model er --nodes 3000000000 ran out of memory); the generators panic
// with the same message rather than allocate.
func TestChecks(t *testing.T) {
	for _, c := range []struct {
		name string
		err  error
		want string // "" for no error
	}{
		{"ba smallest", CheckBarabasiAlbert(2, 1), ""},
		// m·(n−m) = 1·(10^7 − 1) edges: just within both limits.
		{"ba at the limits", CheckBarabasiAlbert(MaxNodes, 1), ""},
		{"ba issue 7", CheckBarabasiAlbert(100_000_000, 1000), "--nodes 100000000: Barabási–Albert needs 2 to 10000000 nodes"},
		{"ba too many edges", CheckBarabasiAlbert(1_000_000, 11), "--m 11 with --nodes 1000000 makes 10999879 edges, above the limit of 10000000"},
		{"ba m = n", CheckBarabasiAlbert(5, 5), "--m 5: Barabási–Albert needs 1 ≤ m < nodes (5)"},
		{"ba m = 0", CheckBarabasiAlbert(5, 0), "--m 0"},
		{"ba one node", CheckBarabasiAlbert(1, 1), "--nodes 1"},
		// m·(n−m) overflows int64 if computed without the n limit first.
		{"ba huge", CheckBarabasiAlbert(math.MaxInt, math.MaxInt/2), "--nodes 9223372036854775807"},
		{"er empty", CheckErdosRenyi(1, 0), ""},
		{"er complete", CheckErdosRenyi(5, 10), ""},
		{"er at the limits", CheckErdosRenyi(MaxNodes, MaxEdges), ""},
		{"er issue 7", CheckErdosRenyi(3_000_000_000, 10), "--nodes 3000000000: Erdős–Rényi needs 1 to 10000000 nodes"},
		{"er too many edges", CheckErdosRenyi(100_000, MaxEdges+1), "--edges 10000001: Erdős–Rényi needs 0 to 10000000 edges"},
		{"er more than the pairs", CheckErdosRenyi(5, 11), "--edges 11: 5 nodes have only 10 pairs"},
		{"er negative edges", CheckErdosRenyi(5, -1), "--edges -1"},
		{"er no nodes", CheckErdosRenyi(0, 0), "--nodes 0"},
	} {
		t.Run(c.name, func(t *testing.T) {
			switch {
			case c.want == "" && c.err != nil:
				t.Errorf("unexpected error %v", c.err)
			case c.want != "" && (c.err == nil || !strings.Contains(c.err.Error(), c.want)):
				t.Errorf("error %v, want it to contain %q", c.err, c.want)
			}
		})
	}
	for name, f := range map[string]func(){
		"ba": func() { BarabasiAlbert(100_000_000, 1000, rand.New(rand.NewPCG(1, 0))) },
		"er": func() { ErdosRenyi(3_000_000_000, 10, rand.New(rand.NewPCG(1, 0))) },
	} {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(fmt.Sprint(r), "--nodes") {
					t.Errorf("%s: recovered %v, want a panic naming --nodes", name, r)
				}
			}()
			f()
		}()
	}
}
