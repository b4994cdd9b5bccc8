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
// positions (inv is filled by lengths, on first use: PageRank and
// eigenvector never read it). Every edge appears twice, once per end.
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
	// Resolve the ends once, keeping the edges the kernels read.
	us := make([]int32, 0, len(g.Edges))
	vs := make([]int32, 0, len(g.Edges))
	ws := make([]float64, 0, len(g.Edges))
	// Canonical edges come sorted by source: look each source up once.
	lastSource, lastU, lastOK := "", 0, false
	for _, e := range g.Edges {
		if e.Source != lastSource || lastSource == "" {
			lastSource = e.Source
			lastU, lastOK = idx[e.Source]
		}
		u, ok1 := lastU, lastOK
		v, ok2 := idx[e.Target]
		if !ok1 || !ok2 || !kept(u, v, e.Weight) {
			continue
		}
		us, vs, ws = append(us, int32(u)), append(vs, int32(v)), append(ws, e.Weight)
		a.off[u+1]++
		a.off[v+1]++
	}
	a.fill(us, vs, ws)
	return a
}

// kept reports whether newAdjacency keeps an edge between the nodes at
// positions u and v of weight w: distinct ends and a positive finite
// weight.
func kept[T int | int32](u, v T, w float64) bool { return u != v && w > 0 && !math.IsInf(w, 1) }

// fill sets a.adj and a.w from the edges us[k]–vs[k] of weight ws[k]
// (every one kept), given a.n and a.off[i+1] = the number of edges with an
// end at node i: rows sorted by neighbour, parallel edges merged by
// summing their weights (in edge order).
func (a *adjacency) fill(us, vs []int32, ws []float64) {
	for i := 0; i < a.n; i++ {
		a.off[i+1] += a.off[i]
	}
	// Counting sort by row, then sort each (short) row by neighbour and
	// merge parallel edges by summing their weights.
	m := int(a.off[a.n])
	a.adj = make([]int32, m)
	a.w = make([]float64, m)
	next := slices.Clone(a.off[:a.n])
	vs, ws = vs[:len(us)], ws[:len(us)]
	for k, u := range us {
		v, w := vs[k], ws[k]
		a.adj[next[u]], a.w[next[u]] = v, w
		next[u]++
		a.adj[next[v]], a.w[next[v]] = u, w
		next[v]++
	}
	type half struct {
		v int32
		w float64
	}
	var row []half
	k := int32(0) // write position after merging
	for i := 0; i < a.n; i++ {
		lo, hi := a.off[i], a.off[i+1]
		// Rows of a canonical undirected graph come out of the fill above
		// already strictly ascending (sources before targets, both in id
		// order): copy them as they are.
		strict := true
		for j := lo + 1; j < hi; j++ {
			if a.adj[j] <= a.adj[j-1] {
				strict = false
				break
			}
		}
		if strict {
			a.off[i] = k
			copy(a.adj[k:], a.adj[lo:hi])
			copy(a.w[k:], a.w[lo:hi])
			k += hi - lo
			continue
		}
		row = row[:0]
		for j := lo; j < hi; j++ {
			row = append(row, half{a.adj[j], a.w[j]})
		}
		slices.SortFunc(row, func(x, y half) int { return cmp.Compare(x.v, y.v) })
		a.off[i] = k
		for j, h := range row {
			if j > 0 && h.v == a.adj[k-1] {
				a.w[k-1] += h.w
				continue
			}
			a.adj[k], a.w[k] = h.v, h.w
			k++
		}
	}
	a.off[a.n] = k
	a.adj, a.w = a.adj[:k:k], a.w[:k:k]
}

// lengths returns the edge lengths for d, aligned with a.adj: a.inv for
// Inverse (computed on the first call; not safe for concurrent first
// calls), nil for Unit (every edge has length 1).
func (a *adjacency) lengths(d Distance) []float64 {
	if d == Unit {
		return nil
	}
	if a.inv == nil {
		a.inv = make([]float64, len(a.w))
		for j, w := range a.w {
			a.inv[j] = 1 / w
		}
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

// edgeIDs numbers the undirected edges of a 0..m−1 in the order of their
// first appearance in the rows (so by (smaller end, larger end)) and returns
// the id of every position of a.adj (both halves of an edge share it) and
// m.
func (a *adjacency) edgeIDs() (eid []int32, m int) {
	eid = make([]int32, len(a.adj))
	for u := range a.n {
		for k := a.off[u]; k < a.off[u+1]; k++ {
			v := a.adj[k]
			if int(v) > u {
				eid[k] = int32(m)
				m++
			} else {
				eid[k] = eid[a.find(v, int32(u))]
			}
		}
	}
	return eid, m
}

// find returns the position of v in u's row, or -1 when they are not
// joined (binary search: rows are sorted).
func (a *adjacency) find(u, v int32) int32 {
	lo, hi := a.off[u], a.off[u+1]
	row := a.adj[lo:hi]
	i, ok := slices.BinarySearch(row, v)
	if !ok {
		return -1
	}
	return lo + int32(i)
}
