package centrality

import (
	"fmt"
	"math"
	"runtime"
	"slices"

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
	// Large graphs compute each iteration's rows in two halves on two
	// goroutines (an iteration over 2^15 entries takes tens of
	// microseconds, a goroutine about one).
	parallel := len(a.adj) >= 1<<15 && runtime.GOMAXPROCS(0) > 1
	var diff []float64 // |next[v] − x[v]| of the last iteration
	if parallel {
		diff = make([]float64, n)
	}
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
		if parallel {
			// Two halves of the rows side by side; each next[v] is the
			// same sum as in one pass, and the change is summed in node
			// order afterwards (diff holds |next[v] − x[v]|), so the result
			// is bit-identical to the serial loop whatever GOMAXPROCS is.
			half := int(a.off[n] / 2) // first row past half of the entries
			mid, _ := slices.BinarySearch(a.off[:n], int32(half))
			done := make(chan struct{})
			go func() {
				pagerankRows(a, share, x, next, diff, damping, base, mid, n)
				close(done)
			}()
			pagerankRows(a, share, x, next, diff, damping, base, 0, mid)
			<-done
			for _, d := range diff {
				change += d
			}
		} else {
			for v := range n {
				next[v] = damping*rowSum(a, share, v) + base
				change += math.Abs(next[v] - x[v])
			}
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

// pagerankRows computes next[v] = damping·Σ share[u]·w_uv + base and
// diff[v] = |next[v] − x[v]| for the rows lo ≤ v < hi of a: one part of
// a PageRank iteration, the same arithmetic as the serial loop.
func pagerankRows(a *adjacency, share, x, next, diff []float64, damping, base float64, lo, hi int) {
	for v := lo; v < hi; v++ {
		next[v] = damping*rowSum(a, share, v) + base
		diff[v] = math.Abs(next[v] - x[v])
	}
}

// rowSum is Σ share[u]·w_vu over v's row, in row order.
func rowSum(a *adjacency, share []float64, v int) float64 {
	lo, hi := a.off[v], a.off[v+1]
	adj, w := a.adj[lo:hi], a.w[lo:hi]
	w = w[:len(adj)] // one bounds check for the loop
	var in float64
	for j, u := range adj {
		in += share[u] * w[j]
	}
	return in
}
