package centrality

import "github.com/relgraph/relgraph/graph"

// Closeness returns the closeness centrality of every node, indexed like
// g.Nodes, in the form NetworkX's closeness_centrality(G) computes by
// default (wf_improved=True):
//
//	C(u) = (r−1)/Σ_v d(u,v) · (r−1)/(n−1)
//
// where the sum runs over the r−1 nodes v ≠ u reachable from u (r counts u
// itself) and n is the number of nodes. On a connected graph this is
// (n−1)/Σd, the inverse of the mean distance (L. C. Freeman, "Centrality in
// social networks: conceptual clarification", Social Networks 1, 1979,
// doi:10.1016/0378-8733(78)90021-7); the second factor is the
// Wasserman–Faust scaling for disconnected graphs (S. Wasserman and
// K. Faust, Social Network Analysis: Methods and Applications, Cambridge
// University Press 1994), which weighs a node by the share of the graph it
// can reach. A node that reaches no other node (isolated, or n = 1) gets 0.
//
// Distances d follow dist: hop counts for Unit, sums of 1/weight for
// Inverse, so the values are inverse distances (1/hops or weight-like). For
// Inverse this matches closeness_centrality(G, distance=1/w). gonum's
// network.Closeness is 1/Σd instead: it lacks both factors and gives +Inf
// to an isolated node.
//
// Closeness panics if dist is not Inverse or Unit.
func Closeness(g *graph.Graph, dist Distance) []float64 {
	n := float64(len(nodesOf(g)))
	return pathSums(g, dist, func(s *search) float64 {
		var sum float64
		for _, v := range s.order[1:] {
			sum += s.dist[v]
		}
		r := float64(len(s.order) - 1)
		if sum <= 0 || n < 2 {
			return 0
		}
		return r / sum * r / (n - 1)
	})
}

// Harmonic returns the harmonic centrality of every node, indexed like
// g.Nodes:
//
//	H(u) = Σ_{v≠u} 1/d(u,v)
//
// with 1/∞ = 0 for nodes v that u cannot reach, so disconnected graphs and
// isolated nodes (H = 0) need no special case (M. Marchiori and V. Latora,
// "Harmony in the small-world", Physica A 285, 2000,
// doi:10.1016/S0378-4371(00)00311-3). The value is not
// normalised: divide by n−1 for a value in [0, 1] with Unit distances.
// Distances d follow dist: hop counts for Unit, sums of 1/weight for
// Inverse. This is NetworkX's harmonic_centrality(G) (Unit) and
// harmonic_centrality(G, distance=1/w) (Inverse), and gonum's
// network.Harmonic.
//
// Harmonic panics if dist is not Inverse or Unit.
func Harmonic(g *graph.Graph, dist Distance) []float64 {
	return pathSums(g, dist, func(s *search) float64 {
		var sum float64
		for _, v := range s.order[1:] {
			sum += 1 / s.dist[v]
		}
		return sum
	})
}

// nodesOf returns g.Nodes, or nil for a nil g.
func nodesOf(g *graph.Graph) []graph.Node {
	if g == nil {
		return nil
	}
	return g.Nodes
}

// pathSums runs one shortest-path search from every node and stores
// f(search) for it; f sees the distances of that search only.
func pathSums(g *graph.Graph, dist Distance, f func(s *search) float64) []float64 {
	dist.mustValid()
	a := newAdjacency(g)
	out := make([]float64, a.n)
	length := a.lengths(dist)
	runBlocks(a.n, func() *search { return newSearch(a, length) }, func(s *search, _, lo, hi int) {
		for src := lo; src < hi; src++ {
			s.run(int32(src), false)
			out[src] = f(s)
		}
	})
	return out
}
