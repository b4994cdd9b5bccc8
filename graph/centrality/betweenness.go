package centrality

import "github.com/relgraph/relgraph/graph"

// Betweenness returns the shortest-path betweenness centrality of every
// node, indexed like g.Nodes:
//
//	C_B(v) = Σ_{s<t, s≠v≠t} σ_st(v) / σ_st
//
// where σ_st is the number of shortest s–t paths and σ_st(v) the number of
// those passing through v. Each unordered pair {s, t} is counted once.
// With normalized, C_B is multiplied by 2/((n−1)(n−2)), the number of
// pairs not containing v, so values lie in [0, 1]; on graphs with n ≤ 2 every
// value is 0. Pairs in different components contribute nothing.
//
// Path lengths follow d: hop counts for Unit (breadth-first search), sums of
// 1/weight for Inverse (Dijkstra). Two Inverse path lengths within a
// relative 1e-10 of each other count as equal, so that 1/10 + 1/5 ties with
// 3/10 as it does in exact arithmetic (see tieTol).
//
// The algorithm is Brandes' (U. Brandes, "A faster algorithm for betweenness
// centrality", J. Math. Sociol. 25(2), 2001, doi:10.1080/0022250X.2001.9990249):
// O(nm) time for Unit, O(nm + n² log n) for Inverse, O(n + m) memory per
// worker. The values equal NetworkX's betweenness_centrality(G,
// normalized=normalized) for Unit and betweenness_centrality(G,
// normalized=normalized, weight=1/w) for Inverse, except where NetworkX's
// exact float comparison misses a tie; igraph's betweenness agrees with
// ours. gonum's network.Betweenness counts each undirected pair twice, so it
// is twice the unnormalised value.
//
// Betweenness panics if d is not Inverse or Unit.
func Betweenness(g *graph.Graph, d Distance, normalized bool) []float64 {
	d.mustValid()
	a := newAdjacency(g)
	n := a.n
	out := make([]float64, n)
	if n <= 2 {
		return out
	}
	length := a.lengths(d)
	partial := make([][]float64, min(n, maxBlocks))
	nb := runBlocks(n, func() *search { return newSearch(a, length) }, func(s *search, b, lo, hi int) {
		cb := make([]float64, n)
		for src := lo; src < hi; src++ {
			s.run(int32(src), true)
			s.accumulate(cb)
		}
		partial[b] = cb
	})
	// Brandes' sum runs over ordered pairs (s, t): halve it for the
	// undirected count.
	scale := 0.5
	if normalized {
		scale = 1 / float64((n-1)*(n-2))
	}
	for b := range nb {
		for v, x := range partial[b] {
			out[v] += x
		}
	}
	for v := range out {
		out[v] *= scale
	}
	return out
}
