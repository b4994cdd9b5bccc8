package render

import (
	"cmp"
	"fmt"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// TestIDColour pins the hash: FNV-1a 64 of the id, mod 7, indexes Tol's
// palette. Values computed independently with the FNV-1a definition
// (offset 0xcbf29ce484222325, prime 0x100000001b3) in Python: kathrin 1,
// lukas 3, achim 0. A change of hash or palette, which would recolour
// every map, shows here.
func TestIDColour(t *testing.T) {
	for id, want := range map[string]string{"kathrin": "#EE8866", "lukas": "#FFAABB", "achim": "#77AADD"} {
		if got := idColour(id); got != want {
			t.Errorf("idColour(%s) = %s, want %s", id, got, want)
		}
	}
	seen := map[string]bool{}
	for _, n := range genGraph(40, 1, 3).Nodes {
		seen[idColour(n.ID)] = true
	}
	if len(seen) != len(palette) {
		t.Errorf("40 ids used %d of %d colours", len(seen), len(palette))
	}
}

func byID(a, b string) int { return cmp.Compare(a, b) }

func ident(id string) string { return id }

// nodes returns a graph with the given node ids.
func nodes(ids ...string) *graph.Graph {
	g := &graph.Graph{}
	for _, id := range ids {
		g.Nodes = append(g.Nodes, graph.Node{ID: id})
	}
	return g
}

// TestCommunityColoursStable: the colour of a community follows its
// member with the smallest hash, not its number, so renumbered
// communities and a newcomer (that does not have a smaller hash) keep the
// colours of the episode before — unlike v0, where a collision gave Lukas
// another colour in e02.
func TestCommunityColoursStable(t *testing.T) {
	e01 := colourNodes(nodes("achim", "friedrich", "kathrin", "lukas"), ColorCommunity,
		map[string]int{"kathrin": 1, "lukas": 1, "achim": 2, "friedrich": 2}, byID, ident)
	// Episode 2: numbers swapped, and a newcomer joins achim's community.
	// (FNV-1a 64, computed in Python: achim 5012990416666728909 <
	// friedrich 7278703028103009643 < winter 16542680111296307660.)
	e02 := colourNodes(nodes("achim", "friedrich", "winter", "kathrin", "lukas"), ColorCommunity,
		map[string]int{"kathrin": 2, "lukas": 2, "achim": 1, "friedrich": 1, "winter": 1}, byID, ident)
	anchor := func(ids ...string) string {
		best := ids[0]
		for _, id := range ids {
			if hash64(id) < hash64(best) {
				best = id
			}
		}
		return best
	}
	if a := anchor("achim", "friedrich", "winter"); a != "achim" {
		t.Fatalf("test premise: achim must have the smallest hash of his community, not %s", a)
	}
	for _, id := range []string{"achim", "friedrich", "kathrin", "lukas"} {
		if e01.fill[id] != e02.fill[id] {
			t.Errorf("%s: %s in e01, %s in e02", id, e01.fill[id], e02.fill[id])
		}
	}
	if e01.fill["kathrin"] == e01.fill["achim"] {
		t.Errorf("two communities share %s", e01.fill["kathrin"])
	}
	if e02.fill["winter"] != e02.fill["achim"] {
		t.Errorf("winter (%s) not in the community's colour (%s)", e02.fill["winter"], e02.fill["achim"])
	}
}

// TestCommunityColoursRule checks the rule's other parts: the largest
// community gets the colour its anchor hashes to; a smaller one whose
// colour is taken gets the next; groups of one, groups beyond seven
// colours and characters without a community are grey; the legend lists
// the colours largest group first.
func TestCommunityColoursRule(t *testing.T) {
	g := &graph.Graph{}
	comm := map[string]int{}
	// Community k has 12−k members c<k>-<i>; community 9 has one member;
	// "x" has none.
	for k := 1; k <= 9; k++ {
		size := 12 - k
		if k == 9 {
			size = 1
		}
		for i := range size {
			id := fmt.Sprintf("c%d-%d", k, i)
			g.Nodes = append(g.Nodes, graph.Node{ID: id})
			comm[id] = k
		}
	}
	g.Nodes = append(g.Nodes, graph.Node{ID: "x"})
	c := colourNodes(g, ColorCommunity, comm, byID, ident)
	// Largest community: its anchor's own colour.
	members := func(k int) []string {
		var ids []string
		for id, kk := range comm {
			if kk == k {
				ids = append(ids, id)
			}
		}
		return ids
	}
	first := members(1)
	a := first[0]
	for _, id := range first {
		if hash64(id) < hash64(a) || (hash64(id) == hash64(a) && id < a) {
			a = id
		}
	}
	if c.fill["c1-0"] != idColour(a) {
		t.Errorf("largest community: %s, want its anchor %s's colour %s", c.fill["c1-0"], a, idColour(a))
	}
	used := map[string]int{}
	for k := 1; k <= 7; k++ {
		col := c.fill[fmt.Sprintf("c%d-0", k)]
		if col == otherColour {
			t.Errorf("community %d is grey", k)
		}
		if j, dup := used[col]; dup {
			t.Errorf("communities %d and %d share %s", j, k, col)
		}
		used[col] = k
	}
	for _, id := range []string{"c8-0", "c9-0", "x"} {
		if c.fill[id] != otherColour {
			t.Errorf("%s: %s, want grey %s", id, c.fill[id], otherColour)
		}
	}
	if len(c.legend) != 8 || c.legend[0].colour != c.fill["c1-0"] || c.legend[7].colour != otherColour {
		t.Errorf("legend = %+v, want 7 communities largest first, then grey", c.legend)
	}
	if want := "smaller communities and loners (6)"; c.legend[7].text != want {
		t.Errorf("grey legend %q, want %q (4 + 1 + 1 characters)", c.legend[7].text, want)
	}
}

func TestAttributeColours(t *testing.T) {
	g := &graph.Graph{Nodes: []graph.Node{
		{ID: "a", Attributes: map[string]any{"gender": "f"}},
		{ID: "b", Attributes: map[string]any{"gender": "m"}},
		{ID: "c", Attributes: map[string]any{"gender": "f"}},
		{ID: "d"},
	}}
	c := colourNodes(g, "attribute:gender", nil, byID, ident)
	// The most frequent value, f, gets the colour its value hashes to.
	if c.fill["a"] != idColour("f") || c.fill["c"] != c.fill["a"] {
		t.Errorf("f: %s, %s, want %s", c.fill["a"], c.fill["c"], idColour("f"))
	}
	if c.fill["b"] == c.fill["a"] || c.fill["b"] == otherColour {
		t.Errorf("m: %s", c.fill["b"])
	}
	if c.fill["d"] != otherColour {
		t.Errorf("no gender: %s, want grey", c.fill["d"])
	}
	if c.title != "gender" || len(c.legend) != 3 || c.legend[0].text != "f (2)" || c.legend[2].text != "no gender (1)" {
		t.Errorf("legend %q %+v", c.title, c.legend)
	}
	none := colourNodes(g, ColorNone, nil, byID, ident)
	id := colourNodes(g, ColorID, nil, byID, ident)
	for _, n := range g.Nodes {
		if none.fill[n.ID] != plainColour || id.fill[n.ID] != idColour(n.ID) {
			t.Errorf("%s: none %s, id %s", n.ID, none.fill[n.ID], id.fill[n.ID])
		}
	}
}
