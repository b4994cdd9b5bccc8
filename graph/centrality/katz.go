package centrality

import (
	"fmt"
	"math"

	"github.com/relgraph/relgraph/graph"
)

// DefaultKatzFactor is the share of the largest admissible attenuation
// factor that Katz uses when it is given none: α = 0.85/λ_max.
const DefaultKatzFactor = 0.85

// Katz returns the Katz centrality of every node, indexed like g.Nodes: the
// solution x of
//
//	x_u = α Σ_v A_uv x_v + β
//
// (L. Katz, "A new status index derived from sociometric analysis",
// Psychometrika 18, 1953, doi:10.1007/BF02289026), where A is the weighted
// adjacency matrix (A_uv = weight of edge uv), α the attenuation factor and
// β = 1 for every node, scaled to unit Euclidean norm. Because β is the same
// for every node and the result is normalised, β does not change the values.
// A walk of length k from v to u adds α^k times the product of its weights to
// x_u: Katz is eigenvector centrality that also credits the neighbourhood of
// low-degree nodes and is defined on disconnected graphs without a special
// case.
//
// alpha = 0 selects the default α = 0.85/λ_max, where λ_max is the largest
// eigenvalue of A (over all components; computed as for Eigenvector). The
// series converges only for 0 < α < 1/λ_max; any other alpha is an error
// that names the bound. A graph without edges has λ_max = 0: every node
// gets 1/√n whatever α is. An empty graph gives an empty slice.
//
// The values are NetworkX's katz_centrality_numpy(G, alpha=α, beta=1,
// weight="weight", normalized=True); the system is solved by Jacobi
// iteration from x = 0 until the largest change is below 1e-15 of the
// largest value (the error shrinks by α·λ_max per step: 0.85 with the default
// α, about 200 steps), at most 100,000 steps.
func Katz(g *graph.Graph, alpha float64) ([]float64, error) {
	return katz(newAdjacency(g), alpha)
}

func katz(a *adjacency, alpha float64) ([]float64, error) {
	n := a.n
	x := make([]float64, n)
	if n == 0 {
		return x, nil
	}
	lmax := spectralRadius(a)
	if lmax == 0 {
		for i := range x {
			x[i] = 1 / math.Sqrt(float64(n))
		}
		return x, nil
	}
	if alpha == 0 {
		alpha = DefaultKatzFactor / lmax
	}
	if !(alpha > 0 && alpha*lmax < 1) {
		return nil, fmt.Errorf("centrality: Katz alpha %v outside (0, 1/λmax = %.6g): the series diverges", alpha, 1/lmax)
	}
	const (
		tol     = 1e-15
		maxIter = 100000
	)
	next := make([]float64, n)
	for range maxIter {
		var change, top float64
		for v := range n {
			var s float64
			for k := a.off[v]; k < a.off[v+1]; k++ {
				s += a.w[k] * x[a.adj[k]]
			}
			nv := alpha*s + 1
			change = max(change, math.Abs(nv-x[v]))
			top = max(top, nv)
			next[v] = nv
		}
		x, next = next, x
		if change <= tol*top {
			break
		}
	}
	var norm float64
	for _, v := range x {
		norm += v * v
	}
	norm = math.Sqrt(norm)
	for i := range x {
		x[i] /= norm
	}
	return x, nil
}

// spectralRadius returns the largest eigenvalue of a's weighted adjacency:
// the largest of its components' top eigenvalues (0 without edges).
func spectralRadius(a *adjacency) float64 {
	_, members := a.components()
	local := make([]int32, a.n)
	var lmax float64
	for _, ms := range members {
		if len(ms) < 2 {
			continue
		}
		l, _ := componentTop(a, ms, local, denseMax)
		lmax = max(lmax, l)
	}
	return lmax
}
