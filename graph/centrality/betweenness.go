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
	return sweep(newAdjacency(g), d, normalized, wantBetweenness).betweenness
}

// Which measures a sweep computes.
const (
	wantBetweenness = 1 << iota
	wantCloseness
	wantHarmonic
)

// sweepResult holds the path measures a sweep computed (nil if not asked).
type sweepResult struct {
	betweenness, closeness, harmonic []float64
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
	if !betw && want&^wantBetweenness == 0 {
		return res
	}
	length := a.lengths(d)
	var partial [][]float64
	if betw {
		partial = make([][]float64, min(n, maxBlocks))
	}
	nb := runBlocks(n, func() *search { return newSearch(a, length) }, func(s *search, b, lo, hi int) {
		var cb []float64
		if betw {
			cb = make([]float64, n)
			partial[b] = cb
		}
		for src := lo; src < hi; src++ {
			s.run(int32(src), betw)
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
			if betw {
				s.accumulate(cb)
			}
		}
	})
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
