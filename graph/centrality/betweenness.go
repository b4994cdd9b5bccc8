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
// O(nm) time for Unit; for Inverse, Dijkstra with a radix heap over the
// bits of the distances (at most 64 moves per entry, O(nm) in practice);
// O(n + m) memory per
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
	return sweep(newAdjacency(g), d, normalized, wantBetweenness).betweenness
}

// Which measures a sweep computes.
const (
	wantBetweenness = 1 << iota
	wantCloseness
	wantHarmonic
	wantEdges
)

// sweepResult holds the path measures a sweep computed (nil if not asked).
type sweepResult struct {
	betweenness, closeness, harmonic []float64
	// edges is the edge betweenness indexed by edge id (see
	// adjacency.edgeIDs).
	edges []float64
}

// sweep runs one single-source search from every node of a with lengths d
// and derives the measures in want from it, so that Rank pays for the
// searches once for betweenness, closeness and harmonic together.
func sweep(a *adjacency, d Distance, normalized bool, want int) sweepResult {
	n := a.n
	var res sweepResult
	if want&wantBetweenness != 0 {
		res.betweenness = make([]float64, n)
	}
	if want&wantCloseness != 0 {
		res.closeness = make([]float64, n)
	}
	if want&wantHarmonic != 0 {
		res.harmonic = make([]float64, n)
	}
	betw := res.betweenness != nil && n > 2 // n ≤ 2: no inner nodes
	var eid []int32
	nEdges := 0
	if want&wantEdges != 0 {
		eid, nEdges = a.edgeIDs()
		res.edges = make([]float64, nEdges)
	}
	edges := nEdges > 0 && n > 1
	if !betw && !edges && want&^(wantBetweenness|wantEdges) == 0 {
		return res
	}
	length := a.lengths(d)
	var partial, partialE [][]float64
	if betw {
		partial = make([][]float64, min(n, maxBlocks))
	}
	if edges {
		partialE = make([][]float64, min(n, maxBlocks))
	}
	nb := runBlocks(n, func() *search { return newSearch(a, length) }, func(s *search, b, lo, hi int) {
		var cb, ce []float64
		if betw {
			cb = make([]float64, n)
			partial[b] = cb
		}
		if edges {
			ce = make([]float64, nEdges)
			partialE[b] = ce
		}
		for src := lo; src < hi; src++ {
			s.run(int32(src), betw || edges)
			if res.closeness != nil || res.harmonic != nil {
				// Wasserman–Faust closeness and harmonic sums over the
				// reached nodes; see Closeness and Harmonic.
				var far, harm float64
				for _, v := range s.order[1:] {
					far += s.dist[v]
					harm += 1 / s.dist[v]
				}
				if res.closeness != nil && far > 0 && n > 1 {
					r := float64(len(s.order) - 1)
					res.closeness[src] = r / far * r / float64(n-1)
				}
				if res.harmonic != nil {
					res.harmonic[src] = harm
				}
			}
			switch {
			case edges:
				s.accumulateEdges(cb, ce, eid)
			case betw:
				s.accumulate(cb)
			}
		}
	})
	if edges {
		// As for nodes: ordered pairs, halved or normalised by the
		// n(n−1)/2 pairs of nodes (NetworkX's edge_betweenness_centrality).
		scale := 0.5
		if normalized {
			scale = 1 / float64(n*(n-1))
		}
		out := res.edges
		for b := range nb {
			for e, x := range partialE[b] {
				out[e] += x
			}
		}
		for e := range out {
			out[e] *= scale
		}
	}
	if betw {
		// Brandes' sum runs over ordered pairs (s, t): halve it for the
		// undirected count, or normalise by the (n−1)(n−2)/2 pairs
		// without v.
		scale := 0.5
		if normalized {
			scale = 1 / float64((n-1)*(n-2))
		}
		out := res.betweenness
		for b := range nb {
			for v, x := range partial[b] {
				out[v] += x
			}
		}
		for v := range out {
			out[v] *= scale
		}
	}
	return res
}
