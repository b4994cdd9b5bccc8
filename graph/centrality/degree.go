package centrality

import "github.com/relgraph/relgraph/graph"

// Degree returns the number of distinct neighbours of each node, indexed like
// g.Nodes (a count; self-loops are not counted). This is NetworkX's
// G.degree() on a simple graph; it is not normalised (NetworkX's
// degree_centrality would divide by n−1).
func Degree(g *graph.Graph) []float64 { return degree(newAdjacency(g)) }

func degree(a *adjacency) []float64 {
	out := make([]float64, a.n)
	for i := range out {
		out[i] = float64(a.off[i+1] - a.off[i])
	}
	return out
}

// Strength returns the sum of the weights of the edges at each node, indexed
// like g.Nodes (a count of interactions; self-loops are not counted). This
// is NetworkX's G.degree(weight="weight"), the weighted degree of Barrat et
// al. 2004 (doi:10.1073/pnas.0400087101).
func Strength(g *graph.Graph) []float64 { return strength(newAdjacency(g)) }

func strength(a *adjacency) []float64 {
	out := make([]float64, a.n)
	for i := range out {
		var s float64
		for _, w := range a.w[a.off[i]:a.off[i+1]] {
			s += w
		}
		out[i] = s
	}
	return out
}
