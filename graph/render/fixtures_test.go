package render

import (
	"fmt"

	"github.com/relgraph/relgraph/graph"
)

// smallGraph is hand-made to exercise escaping and style: umlauts, a quote
// and backslashes in names and ids (one name ends in a backslash, which
// trips naive DOT escaping), an '&' that looks like an HTML entity, an
// isolated node, an edge with evidence and a relation, an edge with
// neither.
func smallGraph() *graph.Graph {
	g := &graph.Graph{
		Episode: graph.Episode{ID: "e01", Title: "Lukas sucht seinen Vater", Unit: "sentence", Units: 12},
		Nodes: []graph.Node{
			{ID: "achim", Name: "Dr. Achim Kreutzer", Mentions: 5},
			{ID: "back\\slash", Name: `C:\Users\Jürgen\`, Mentions: 1},
			{ID: "jürgen", Name: "Jürgen Weiß", Mentions: 3},
			{ID: "lukas", Name: `Lukas "der Kleine"`, Mentions: 7},
			{ID: "ömer & co", Name: "Ömer &auml; Co", Mentions: 2},
		},
		Edges: []graph.Edge{
			{Source: "achim", Target: "jürgen", Weight: 4, Relation: "enge Freunde",
				Units: []int{2, 5, 9, 11},
				Evidence: []graph.Evidence{
					{Unit: 2, Text: "Achim und Jürgen trinken Kaffee,\n\tbevor \"die Schicht\" beginnt."},
					{Unit: 5, Text: "Jürgen ruft Achim an."},
				}},
			{Source: "back\\slash", Target: "lukas", Weight: 1},
			{Source: "jürgen", Target: "lukas", Weight: 2, Relation: `Onkel\Neffe`,
				Units:    []int{3, 4},
				Evidence: []graph.Evidence{{Unit: 3, Text: "Lukas fragt Jürgen."}}},
		},
	}
	g.Canonicalize()
	return g
}

// smallSize is strength (sum of incident weights) of smallGraph.
var smallSize = map[string]float64{"achim": 4, "back\\slash": 1, "jürgen": 6, "lukas": 3, "ömer & co": 0}

// castGraph is the four characters of e01 of the seed series, with the
// roster's relation labels.
func castGraph() *graph.Graph {
	g := &graph.Graph{
		Episode: graph.Episode{ID: "e01", Title: "Lukas sucht seinen Vater", Unit: "sentence", Units: 14},
		Nodes: []graph.Node{
			{ID: "achim", Name: "Dr. Achim Kreutzer", Mentions: 6},
			{ID: "kathrin", Name: "Dr. Kathrin Globisch", Mentions: 9},
			{ID: "lukas", Name: "Lukas", Mentions: 8},
			{ID: "friedrich", Name: "Friedrich", Mentions: 4},
		},
		Edges: []graph.Edge{
			{Source: "achim", Target: "kathrin", Weight: 4, Relation: "enge Freunde", Units: []int{1, 2, 5, 9},
				Evidence: []graph.Evidence{{Unit: 1, Text: "Kathrin bittet Achim um Hilfe."}}},
			{Source: "kathrin", Target: "lukas", Weight: 6, Relation: "Mutter/Sohn", Units: []int{1, 3, 4, 6, 7, 12}},
			{Source: "achim", Target: "lukas", Weight: 2, Units: []int{3, 8}},
			{Source: "friedrich", Target: "lukas", Weight: 3, Relation: "Vater/Sohn", Units: []int{10, 11, 13}},
			{Source: "friedrich", Target: "kathrin", Weight: 1, Relation: "getrennte Eltern", Units: []int{13}},
		},
	}
	g.Canonicalize()
	return g
}

// strength returns the sum of incident weights of each node of g.
func strength(g *graph.Graph) map[string]float64 {
	s := make(map[string]float64, len(g.Nodes))
	for _, n := range g.Nodes {
		s[n.ID] = 0
	}
	for _, e := range g.Edges {
		s[e.Source] += e.Weight
		s[e.Target] += e.Weight
	}
	return s
}

// genGraph returns a seeded random graph of n characters: each character
// links to about k earlier ones, with weights 1–10; every third edge has
// a relation label. Nodes are named after invented German characters.
func genGraph(n, k int, seed uint64) *graph.Graph {
	first := []string{"Anna", "Ben", "Clara", "Dieter", "Elif", "Frank", "Greta", "Hans", "Ines", "Jörg", "Katja", "Lars", "Maren", "Nils", "Olga", "Paul", "Rita", "Sven", "Tanja", "Uwe"}
	last := []string{"Berg", "Müller", "Schäfer", "Wolf", "Yılmaz", "Krüger", "Hoffmann", "Weiß", "Öztürk", "Lange"}
	rels := []string{"Kollegen", "Ehepaar", "Geschwister", "Freunde", "Mutter/Tochter"}
	s := seed
	next := func(m int) int { // xorshift64*, enough for fixtures
		s ^= s >> 12
		s ^= s << 25
		s ^= s >> 27
		return int(((s * 2685821657736338717) >> 33) % uint64(m))
	}
	g := &graph.Graph{Episode: graph.Episode{ID: "gen", Unit: "paragraph"}}
	for i := 0; i < n; i++ {
		name := first[i%len(first)]
		if i%3 != 2 {
			name = "Dr. " + name + " " + last[(i*7)%len(last)]
		}
		g.Nodes = append(g.Nodes, graph.Node{ID: fmt.Sprintf("c%02d", i), Name: name, Mentions: 1 + next(20)})
	}
	seen := map[[2]int]bool{}
	for i := 1; i < n; i++ {
		for j := 0; j < k; j++ {
			t := next(i)
			if seen[[2]int{t, i}] {
				continue
			}
			seen[[2]int{t, i}] = true
			e := graph.Edge{Source: g.Nodes[t].ID, Target: g.Nodes[i].ID, Weight: float64(1 + next(10))}
			if len(g.Edges)%3 == 0 {
				e.Relation = rels[next(len(rels))]
			}
			g.Edges = append(g.Edges, e)
		}
	}
	g.Canonicalize()
	return g
}
