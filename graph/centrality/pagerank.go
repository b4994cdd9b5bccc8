package centrality

import (
	"fmt"
	"math"

	"github.com/relgraph/relgraph/graph"
)

// DefaultDamping is the PageRank damping factor relgraph uses (DESIGN.md),
// NetworkX's default alpha.
const DefaultDamping = 0.85

// PageRank returns the weighted PageRank of every node, indexed like
// g.Nodes: the stationary distribution of a random surfer who, with
// probability damping, follows an edge chosen in proportion to its weight
// and otherwise jumps to a node chosen uniformly (S. Brin and L. Page, "The
// anatomy of a large-scale hypertextual Web search engine", Computer
// Networks and ISDN Systems 30, 1998, doi:10.1016/S0169-7552(98)00110-X):
//
//	x_v = damping · (Σ_u x_u·w_uv/s_u + Σ_{u dangling} x_u/n) + (1−damping)/n
//
// where s_u is the strength of u. A node without edges (dangling) spreads
// its rank uniformly over all nodes. The values are probabilities: each lies
// in [0, 1] (above 0 when damping < 1) and they sum to 1.
//
// The semantics are those of NetworkX's pagerank(G, alpha=damping,
// weight="weight"): start from the uniform vector, uniform personalisation
// and dangling distribution, and iterate until the L1 change between
// iterations is below n·1e-12 (at most 1000 iterations; the result after
// the last iteration is returned, where NetworkX would raise). Unlike
// gonum's network.PageRank, which starts from an unseeded random vector and
// stops on a 2-norm tolerance, the result is the same on every run.
//
// An empty graph gives an empty slice. PageRank panics if damping is not in
// [0, 1].
func PageRank(g *graph.Graph, damping float64) []float64 {
	if !(damping >= 0 && damping <= 1) {
		panic(fmt.Sprintf("centrality: PageRank damping %v outside [0, 1]", damping))
	}
	return pagerank(newAdjacency(g), damping)
}

func pagerank(a *adjacency, damping float64) []float64 {
	const (
		tol     = 1e-12
		maxIter = 1000
	)
	n := a.n
	x := make([]float64, n)
	if n == 0 {
		return x
	}
	nf := float64(n)
	strength := make([]float64, n)
	for u := range n {
		for _, w := range a.w[a.off[u]:a.off[u+1]] {
			strength[u] += w
		}
	}
	for i := range x {
		x[i] = 1 / nf
	}
	next := make([]float64, n)
	share := make([]float64, n) // x_u / s_u
	for range maxIter {
		var dangling float64
		for u, s := range strength {
			if s == 0 {
				dangling += x[u]
				share[u] = 0
			} else {
				share[u] = x[u] / s
			}
		}
		base := damping*dangling/nf + (1-damping)/nf
		var change float64
		for v := range n {
			var in float64
			for k := a.off[v]; k < a.off[v+1]; k++ {
				in += share[a.adj[k]] * a.w[k]
			}
			next[v] = damping*in + base
			change += math.Abs(next[v] - x[v])
		}
		x, next = next, x
		if change < nf*tol {
			break
		}
	}
	var sum float64
	for _, v := range x {
		sum += v
	}
	for i := range x {
		x[i] /= sum
	}
	return x
}
