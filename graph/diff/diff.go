// Package diff provides the comparison of two character graphs — typically
// two episodes of a series: characters added and removed, interactions
// added, removed and changed in weight, and the change of each character's
// rank by strength. One Result feeds the table, JSON and CSV outputs.
package diff

import (
	"cmp"
	"slices"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/centrality"
)

// FormatID is the value of the "format" field of a diff document.
const FormatID = "relgraph/diff@1"

// Result is the comparison of graph A (before) with graph B (after). All
// lists are sorted by id, or by (source, target) for edges.
type Result struct {
	Format string    `json:"format"`
	A      Side      `json:"a"`
	B      Side      `json:"b"`
	Nodes  NodeDiff  `json:"nodes"`
	Edges  EdgeDiff  `json:"edges"`
	Ranks  []RankRow `json:"ranks"`
}

// Side summarises one of the two graphs: its name and its size in counts.
type Side struct {
	ID    string `json:"id"`
	Nodes int    `json:"nodes"`
	Edges int    `json:"edges"`
}

// NodeDiff lists character ids present only in B (Added), only in A
// (Removed) and in both (Kept). Characters are matched by id.
type NodeDiff struct {
	Added   []string `json:"added"`
	Removed []string `json:"removed"`
	Kept    []string `json:"kept"`
}

// EdgeDiff lists interactions present only in B (Added, with B's weight),
// only in A (Removed, with A's weight), and in both with different weights
// (Changed). Edges of equal weight in both graphs are not listed.
type EdgeDiff struct {
	Added   []EdgeWeight `json:"added"`
	Removed []EdgeWeight `json:"removed"`
	Changed []EdgeChange `json:"changed"`
}

// EdgeWeight is an edge of one graph with its weight (an interaction count).
type EdgeWeight struct {
	Source string  `json:"source"`
	Target string  `json:"target"`
	Weight float64 `json:"weight"`
}

// EdgeChange is an edge of both graphs whose weight differs.
// Delta = WeightB − WeightA; Relative = Delta / WeightA.
type EdgeChange struct {
	Source   string  `json:"source"`
	Target   string  `json:"target"`
	WeightA  float64 `json:"weight_a"`
	WeightB  float64 `json:"weight_b"`
	Delta    float64 `json:"delta"`
	Relative float64 `json:"relative"`
}

// RankRow is a character's rank by strength in A and in B (1 = strongest;
// ties broken by id, as centrality.Rank does). RankA is nil for a character
// only in B, RankB nil for one only in A, and Delta = RankB − RankA is nil
// unless both exist: a negative Delta means the character moved up.
// Name is the display name in B, or in A for a character only in A.
type RankRow struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	RankA *int   `json:"rank_a"`
	RankB *int   `json:"rank_b"`
	Delta *int   `json:"delta"`
}

// Compare compares a (before) with b (after). Both graphs must be
// undirected and valid (graph.Graph.Validate); nodes are matched by id.
// The result is deterministic.
func Compare(a, b *graph.Graph) (*Result, error) {
	r := &Result{
		Format: FormatID,
		A:      Side{ID: a.Name(), Nodes: len(a.Nodes), Edges: len(a.Edges)},
		B:      Side{ID: b.Name(), Nodes: len(b.Nodes), Edges: len(b.Edges)},
		Nodes:  NodeDiff{Added: []string{}, Removed: []string{}, Kept: []string{}},
		Edges:  EdgeDiff{Added: []EdgeWeight{}, Removed: []EdgeWeight{}, Changed: []EdgeChange{}},
		Ranks:  []RankRow{},
	}
	names := map[string]string{}
	inA := map[string]bool{}
	for _, n := range a.Nodes {
		inA[n.ID] = true
		names[n.ID] = n.Label()
	}
	inB := map[string]bool{}
	for _, n := range b.Nodes {
		inB[n.ID] = true
		names[n.ID] = n.Label()
		if inA[n.ID] {
			r.Nodes.Kept = append(r.Nodes.Kept, n.ID)
		} else {
			r.Nodes.Added = append(r.Nodes.Added, n.ID)
		}
	}
	for _, n := range a.Nodes {
		if !inB[n.ID] {
			r.Nodes.Removed = append(r.Nodes.Removed, n.ID)
		}
	}

	type key struct{ s, t string }
	norm := func(e graph.Edge) key {
		if e.Source > e.Target {
			return key{e.Target, e.Source}
		}
		return key{e.Source, e.Target}
	}
	wa := make(map[key]float64, len(a.Edges))
	for _, e := range a.Edges {
		wa[norm(e)] += e.Weight
	}
	wb := make(map[key]float64, len(b.Edges))
	for _, e := range b.Edges {
		wb[norm(e)] += e.Weight
	}
	for k, w := range wb {
		if old, ok := wa[k]; !ok {
			r.Edges.Added = append(r.Edges.Added, EdgeWeight{k.s, k.t, w})
		} else if old != w {
			d := w - old
			r.Edges.Changed = append(r.Edges.Changed, EdgeChange{k.s, k.t, old, w, d, d / old})
		}
	}
	for k, w := range wa {
		if _, ok := wb[k]; !ok {
			r.Edges.Removed = append(r.Edges.Removed, EdgeWeight{k.s, k.t, w})
		}
	}
	byPair := func(s1, t1, s2, t2 string) int { return cmp.Or(cmp.Compare(s1, s2), cmp.Compare(t1, t2)) }
	slices.SortFunc(r.Edges.Added, func(x, y EdgeWeight) int { return byPair(x.Source, x.Target, y.Source, y.Target) })
	slices.SortFunc(r.Edges.Removed, func(x, y EdgeWeight) int { return byPair(x.Source, x.Target, y.Source, y.Target) })
	slices.SortFunc(r.Edges.Changed, func(x, y EdgeChange) int { return byPair(x.Source, x.Target, y.Source, y.Target) })

	ranks := func(g *graph.Graph) (map[string]int, error) {
		rk, err := centrality.Rank(g, centrality.Options{By: "strength", Measures: []string{"strength"}})
		if err != nil {
			return nil, err
		}
		m := make(map[string]int, len(rk.Rows))
		for _, row := range rk.Rows {
			m[row.ID] = row.Rank
		}
		return m, nil
	}
	ra, err := ranks(a)
	if err != nil {
		return nil, err
	}
	rb, err := ranks(b)
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(names))
	for id := range names {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		row := RankRow{ID: id, Name: names[id]}
		if v, ok := ra[id]; ok {
			row.RankA = &v
		}
		if v, ok := rb[id]; ok {
			row.RankB = &v
		}
		if row.RankA != nil && row.RankB != nil {
			d := *row.RankB - *row.RankA
			row.Delta = &d
		}
		r.Ranks = append(r.Ranks, row)
	}
	return r, nil
}
