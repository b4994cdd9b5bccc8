package community

import (
	"cmp"
	"math"
	"slices"

	"github.com/relgraph/relgraph/graph"
)

// wgraph is a weighted undirected graph in compressed sparse row form, as
// Louvain's levels need it: node i's neighbours j ≠ i are
// adj[off[i]:off[i+1]] with weights w; loop[i] is Σ A_ii, the weight inside
// node i counted from both ends (0 on the input graph; an aggregated
// community's internal weight ×2); k[i] = Σ_j A_ij + loop[i] is its
// strength, and m2 = Σ_i k[i] is twice the total weight.
type wgraph struct {
	n    int
	off  []int32
	adj  []int32
	w    []float64
	loop []float64
	k    []float64
	m2   float64
}

// newWGraph builds the wgraph of g, indexed like g.Nodes.
func newWGraph(g *graph.Graph) *wgraph {
	n := len(g.Nodes)
	idx := g.NodeIndex()
	type half struct {
		v int32
		w float64
	}
	rows := make([][]half, n)
	for _, e := range g.Edges {
		u, ok1 := idx[e.Source]
		v, ok2 := idx[e.Target]
		if !ok1 || !ok2 || u == v || !(e.Weight > 0) || math.IsInf(e.Weight, 1) {
			continue
		}
		rows[u] = append(rows[u], half{int32(v), e.Weight})
		rows[v] = append(rows[v], half{int32(u), e.Weight})
	}
	wg := &wgraph{n: n, off: make([]int32, n+1), loop: make([]float64, n), k: make([]float64, n)}
	for i, r := range rows {
		slices.SortFunc(r, func(a, b half) int { return cmp.Compare(a.v, b.v) })
		for j, h := range r {
			if j > 0 && h.v == wg.adj[len(wg.adj)-1] {
				wg.w[len(wg.w)-1] += h.w
				continue
			}
			wg.adj = append(wg.adj, h.v)
			wg.w = append(wg.w, h.w)
		}
		wg.off[i+1] = int32(len(wg.adj))
	}
	wg.finish()
	return wg
}

// finish computes k and m2 from the rows and loops.
func (g *wgraph) finish() {
	g.m2 = 0
	for i := range g.n {
		s := g.loop[i]
		for _, w := range g.w[g.off[i]:g.off[i+1]] {
			s += w
		}
		g.k[i] = s
		g.m2 += s
	}
}

// modularity returns Newman's modularity of the partition comm (community
// label per node, any non-negative integers) at resolution gamma:
// Q = Σ_c [ in_c/2m − γ (tot_c/2m)² ], with in_c the weight inside c from
// both ends and tot_c the strength of c. It returns NaN when the graph has
// no edges (m = 0).
func (g *wgraph) modularity(comm []int32, gamma float64) float64 {
	if g.m2 == 0 {
		return math.NaN()
	}
	nc := int32(0)
	for _, c := range comm {
		nc = max(nc, c+1)
	}
	in := make([]float64, nc)
	tot := make([]float64, nc)
	for i := range g.n {
		c := comm[i]
		tot[c] += g.k[i]
		in[c] += g.loop[i]
		for p := g.off[i]; p < g.off[i+1]; p++ {
			if comm[g.adj[p]] == c {
				in[c] += g.w[p]
			}
		}
	}
	var q float64
	for c := range nc {
		f := tot[c] / g.m2
		q += in[c]/g.m2 - gamma*f*f
	}
	return q
}
