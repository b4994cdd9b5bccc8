package diff

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// mk builds a graph from "a-b:w" edge specs plus extra isolated ids.
func mk(id string, edges []string, isolated ...string) *graph.Graph {
	g := &graph.Graph{Episode: graph.Episode{ID: id}}
	seen := map[string]bool{}
	node := func(n string) {
		if !seen[n] {
			seen[n] = true
			g.Nodes = append(g.Nodes, graph.Node{ID: n, Name: strings.ToUpper(n)})
		}
	}
	for _, e := range edges {
		var a, b string
		var w float64
		pair, weight, _ := strings.Cut(e, ":")
		a, b, _ = strings.Cut(pair, "-")
		json.Unmarshal([]byte(weight), &w)
		node(a)
		node(b)
		g.Edges = append(g.Edges, graph.Edge{Source: a, Target: b, Weight: w})
	}
	for _, n := range isolated {
		node(n)
	}
	g.Canonicalize()
	return g
}

func ip(v int) *int { return &v }

func TestCompare(t *testing.T) {
	tests := []struct {
		name                 string
		a, b                 *graph.Graph
		added, removed, kept []string
		eAdded, eRemoved     []EdgeWeight
		eChanged             []EdgeChange
		ranks                []RankRow
	}{
		{
			// Worked by hand: ben leaves, cara enters; anna–ben disappears
			// (weight 2), anna–cara appears (1), anna–dan goes 4 → 1.
			// Strength in A: anna 2+4=6, dan 4, ben 2 → ranks anna 1, dan 2, ben 3.
			// Strength in B: anna 1+1=2, cara 1, dan 1 → anna 1, cara and dan
			// share rank 2 (competition ranks): dan's rank 2 → 2 did not change.
			name:  "one leaves, one enters, a tie weakens",
			a:     mk("a", []string{"anna-ben:2", "anna-dan:4"}),
			b:     mk("b", []string{"anna-cara:1", "anna-dan:1"}),
			added: []string{"cara"}, removed: []string{"ben"}, kept: []string{"anna", "dan"},
			eAdded:   []EdgeWeight{{"anna", "cara", 1}},
			eRemoved: []EdgeWeight{{"anna", "ben", 2}},
			eChanged: []EdgeChange{{"anna", "dan", 4, 1, -3, -0.75}},
			ranks: []RankRow{
				{ID: "anna", Name: "ANNA", RankA: ip(1), RankB: ip(1), Delta: ip(0)},
				{ID: "ben", Name: "BEN", RankA: ip(3)},
				{ID: "cara", Name: "CARA", RankB: ip(2)},
				{ID: "dan", Name: "DAN", RankA: ip(2), RankB: ip(2), Delta: ip(0)},
			},
		},
		{
			// Strengths x 3, y 3, z 0 on both sides → ranks 1, 1, 3.
			name: "identical graphs: nothing changes",
			a:    mk("a", []string{"x-y:3"}, "z"),
			b:    mk("b", []string{"x-y:3"}, "z"),
			kept: []string{"x", "y", "z"},
			ranks: []RankRow{
				{ID: "x", Name: "X", RankA: ip(1), RankB: ip(1), Delta: ip(0)},
				{ID: "y", Name: "Y", RankA: ip(1), RankB: ip(1), Delta: ip(0)},
				{ID: "z", Name: "Z", RankA: ip(3), RankB: ip(3), Delta: ip(0)},
			},
		},
		{
			// p, q tie at strength 1 in A, r, s at 2 in B: all rank 1.
			name:    "disjoint graphs: everything replaced",
			a:       mk("a", []string{"p-q:1"}),
			b:       mk("b", []string{"r-s:2"}),
			added:   []string{"r", "s"},
			removed: []string{"p", "q"},
			eAdded:  []EdgeWeight{{"r", "s", 2}}, eRemoved: []EdgeWeight{{"p", "q", 1}},
			ranks: []RankRow{
				{ID: "p", Name: "P", RankA: ip(1)}, {ID: "q", Name: "Q", RankA: ip(1)},
				{ID: "r", Name: "R", RankB: ip(1)}, {ID: "s", Name: "S", RankB: ip(1)},
			},
		},
		{
			name: "empty graphs",
			a:    mk("a", nil),
			b:    mk("b", nil),
		},
		{
			// Reversed edge ends are the same undirected edge; u and v tie
			// on both sides (rank 1).
			name:     "reversed edge is the same edge",
			a:        &graph.Graph{Nodes: []graph.Node{{ID: "u"}, {ID: "v"}}, Edges: []graph.Edge{{Source: "v", Target: "u", Weight: 1}}},
			b:        mk("b", []string{"u-v:2"}),
			kept:     []string{"u", "v"},
			eChanged: []EdgeChange{{"u", "v", 1, 2, 1, 1}},
			ranks: []RankRow{
				{ID: "u", Name: "U", RankA: ip(1), RankB: ip(1), Delta: ip(0)},
				{ID: "v", Name: "V", RankA: ip(1), RankB: ip(1), Delta: ip(0)},
			},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Compare(tc.a, tc.b)
			if err != nil {
				t.Fatal(err)
			}
			eq := func(what string, got, want []string) {
				if want == nil {
					want = []string{}
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s = %q, want %q", what, got, want)
				}
			}
			eq("added", r.Nodes.Added, tc.added)
			eq("removed", r.Nodes.Removed, tc.removed)
			eq("kept", r.Nodes.Kept, tc.kept)
			if !slices.Equal(r.Edges.Added, orEmpty(tc.eAdded)) {
				t.Errorf("edges added = %v, want %v", r.Edges.Added, tc.eAdded)
			}
			if !slices.Equal(r.Edges.Removed, orEmpty(tc.eRemoved)) {
				t.Errorf("edges removed = %v, want %v", r.Edges.Removed, tc.eRemoved)
			}
			if !slices.Equal(r.Edges.Changed, orEmpty(tc.eChanged)) {
				t.Errorf("edges changed = %v, want %v", r.Edges.Changed, tc.eChanged)
			}
			got, _ := json.Marshal(r.Ranks)
			want, _ := json.Marshal(orEmpty(tc.ranks))
			if string(got) != string(want) {
				t.Errorf("ranks =\n%s\nwant\n%s", got, want)
			}
		})
	}
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// TestJSONShape checks the keys DESIGN.md fixes for relgraph/diff@1,
// including null ranks for characters present on one side only (anna and
// ben tie at strength 2 in A: both rank 1).
func TestJSONShape(t *testing.T) {
	r, err := Compare(mk("e01", []string{"anna-ben:2"}), mk("e02", []string{"anna-cara:1"}))
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{
		`"format":"relgraph/diff@1"`,
		`"a":{"id":"e01","nodes":2,"edges":1}`,
		`"nodes":{"added":["cara"],"removed":["ben"],"kept":["anna"]}`,
		`"edges":{"added":[{"source":"anna","target":"cara","weight":1}],"removed":[{"source":"anna","target":"ben","weight":2}],"changed":[]}`,
		`{"id":"ben","name":"BEN","rank_a":1,"rank_b":null,"delta":null}`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("JSON lacks %s\n%s", want, s)
		}
	}
}
