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
// Inverse. The value is a reciprocal mean distance: per hop for Unit (at
// most 1), in the units of weight for Inverse (doubling every weight doubles
// it; it can exceed 1). For Inverse this is
// closeness_centrality(G, distance=1/w). gonum's
// network.Closeness is 1/Σd instead: it lacks both factors and gives +Inf
// to an isolated node.
//
// Closeness panics if dist is not Inverse or Unit.
func Closeness(g *graph.Graph, dist Distance) []float64 {
	dist.mustValid()
	return sweep(newAdjacency(g), dist, false, wantCloseness).closeness
}

// Harmonic returns the harmonic centrality of every node, indexed like
// g.Nodes:
//
//	H(u) = Σ_{v≠u} 1/d(u,v)
//
// with 1/∞ = 0 for nodes v that u cannot reach, so disconnected graphs and
// isolated nodes (H = 0) need no special case (M. Marchiori and V. Latora,
// "Harmony in the small-world", Physica A 285, 2000,
// doi:10.1016/S0378-4371(00)00311-3). The value is not normalised: divide
// by n−1 for a value in [0, 1] with Unit distances; with Inverse distances
// it is in the units of weight.
// Distances d follow dist: hop counts for Unit, sums of 1/weight for
// Inverse. This is NetworkX's harmonic_centrality(G) (Unit) and
// harmonic_centrality(G, distance=1/w) (Inverse), and gonum's
// network.Harmonic.
//
// Harmonic panics if dist is not Inverse or Unit.
func Harmonic(g *graph.Graph, dist Distance) []float64 {
	dist.mustValid()
	return sweep(newAdjacency(g), dist, false, wantHarmonic).harmonic
}
