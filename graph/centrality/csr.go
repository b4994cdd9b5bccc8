package centrality

import (
	"cmp"
	"math"
	"slices"

	"github.com/relgraph/relgraph/graph"
)

// adjacency is a compressed sparse row (CSR) copy of an undirected graph:
// node i's neighbours are adj[off[i]:off[i+1]], sorted by index, with the
// edge weights in w and the Inverse lengths 1/w in inv at the same
// positions. Every edge appears twice, once per end.
type adjacency struct {
	n   int
	off []int32
	adj []int32
	w   []float64
	inv []float64
}

// newAdjacency builds the CSR form of g, indexed like g.Nodes. It ignores
// self-loops, edges with an unknown end and edges whose weight is not a
// positive finite number, and merges parallel edges by summing their weights
// (see the package documentation). A nil g gives an empty adjacency.
func newAdjacency(g *graph.Graph) *adjacency {
	a := &adjacency{}
	if g == nil {
		a.off = []int32{0}
		return a
	}
	a.n = len(g.Nodes)
	a.off = make([]int32, a.n+1)
	if a.n > math.MaxInt32 {
		panic("centrality: graph too large")
	}
	idx := g.NodeIndex()
	type half struct {
		u, v int32
		w    float64
	}
	halves := make([]half, 0, 2*len(g.Edges))
	for _, e := range g.Edges {
		u, ok1 := idx[e.Source]
		v, ok2 := idx[e.Target]
		if !ok1 || !ok2 || u == v || !(e.Weight > 0) || math.IsInf(e.Weight, 1) {
			continue
		}
		halves = append(halves, half{int32(u), int32(v), e.Weight}, half{int32(v), int32(u), e.Weight})
	}
	slices.SortFunc(halves, func(x, y half) int {
		return cmp.Or(cmp.Compare(x.u, y.u), cmp.Compare(x.v, y.v))
	})
	// Merge parallel edges in place (they are adjacent after sorting).
	m := 0
	for i, h := range halves {
		if i > 0 && h.u == halves[m-1].u && h.v == halves[m-1].v {
			halves[m-1].w += h.w
			continue
		}
		halves[m] = h
		m++
	}
	halves = halves[:m]
	a.adj = make([]int32, m)
	a.w = make([]float64, m)
	a.inv = make([]float64, m)
	for i, h := range halves {
		a.off[h.u+1]++
		a.adj[i] = h.v
		a.w[i] = h.w
		a.inv[i] = 1 / h.w
	}
	for i := 0; i < a.n; i++ {
		a.off[i+1] += a.off[i]
	}
	return a
}

// lengths returns the edge lengths for d, aligned with a.adj: a.inv for
// Inverse, nil for Unit (every edge has length 1).
func (a *adjacency) lengths(d Distance) []float64 {
	if d == Unit {
		return nil
	}
	return a.inv
}

// components labels the connected components of a: comp[i] is the number of
// node i's component, numbered 0, 1, … in order of their smallest node
// index. It returns the labels and the members of each component, ascending.
func (a *adjacency) components() (comp []int32, members [][]int32) {
	comp = make([]int32, a.n)
	for i := range comp {
		comp[i] = -1
	}
	queue := make([]int32, 0, a.n)
	for s := 0; s < a.n; s++ {
		if comp[s] >= 0 {
			continue
		}
		c := int32(len(members))
		comp[s] = c
		queue = append(queue[:0], int32(s))
		for h := 0; h < len(queue); h++ {
			v := queue[h]
			for _, u := range a.adj[a.off[v]:a.off[v+1]] {
				if comp[u] < 0 {
					comp[u] = c
					queue = append(queue, u)
				}
			}
		}
		ms := slices.Clone(queue)
		slices.Sort(ms)
		members = append(members, ms)
	}
	return comp, members
}
