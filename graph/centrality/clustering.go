package centrality

import (
	"math"

	"github.com/relgraph/relgraph/graph"
)

// Clustering returns the local clustering coefficient of every node,
// indexed like g.Nodes: the share of pairs of its neighbours that are
// themselves joined,
//
//	C(v) = 2 T(v) / (k(k−1)),
//
// where k is the degree of v and T(v) the number of triangles through v
// (D. J. Watts and S. H. Strogatz, "Collective dynamics of 'small-world'
// networks", Nature 393, 1998, doi:10.1038/30918). Weights are ignored. A
// node with fewer than two neighbours gets 0, as in NetworkX's
// clustering(G), which these values equal.
func Clustering(g *graph.Graph) []float64 {
	c, _ := clustering(newAdjacency(g), false)
	return c
}

// ClusteringWeighted returns Onnela's weighted local clustering coefficient
// of every node, indexed like g.Nodes:
//
//	C_w(v) = 1/(k(k−1)) Σ_{u,w} (ŵ_vu ŵ_vw ŵ_uw)^{1/3}
//
// summed over ordered pairs of neighbours u ≠ w of v, where ŵ = weight /
// (largest weight in the graph) (J.-P. Onnela, J. Saramäki, J. Kertész and
// K. Kaski, "Intensity and coherence of motifs in weighted complex
// networks", Phys. Rev. E 71, 2005, doi:10.1103/PhysRevE.71.065103). It lies
// in [0, 1] and equals Clustering when every weight is the same. A node with
// fewer than two neighbours gets 0. This is NetworkX's clustering(G,
// weight="weight").
func ClusteringWeighted(g *graph.Graph) []float64 {
	_, c := clustering(newAdjacency(g), true)
	return c
}

// Triangles returns the number of triangles through every node, indexed
// like g.Nodes (NetworkX's triangles(G)).
func Triangles(g *graph.Graph) []float64 {
	a := newAdjacency(g)
	t, _ := triangles(a, false)
	return t
}

// clustering returns the unweighted and (with weighted) Onnela clustering
// of every node of a.
func clustering(a *adjacency, weighted bool) (plain, onnela []float64) {
	t, wt := triangles(a, weighted)
	plain = make([]float64, a.n)
	if weighted {
		onnela = make([]float64, a.n)
	}
	for v := range a.n {
		k := float64(a.off[v+1] - a.off[v])
		if k < 2 {
			continue
		}
		plain[v] = 2 * t[v] / (k * (k - 1))
		if weighted {
			onnela[v] = 2 * wt[v] / (k * (k - 1))
		}
	}
	return plain, onnela
}

// triangles counts the triangles through every node of a and, with
// weighted, sums (ŵ_vu ŵ_vw ŵ_uw)^{1/3} over them (each unordered triangle
// once per corner). It marks v's neighbours and, for each neighbour u,
// scans u's neighbours w > u: O(Σ_u k_u²) time, O(n) memory.
func triangles(a *adjacency, weighted bool) (count, wsum []float64) {
	n := a.n
	count = make([]float64, n)
	var maxW float64
	if weighted {
		wsum = make([]float64, n)
		for _, w := range a.w {
			maxW = max(maxW, w)
		}
	}
	// mark[w] is 1 + the position of w in v's row while v is processed.
	mark := make([]int32, n)
	for v := range n {
		lo, hi := a.off[v], a.off[v+1]
		for k := lo; k < hi; k++ {
			mark[a.adj[k]] = k + 1
		}
		var c, ws float64
		for k := lo; k < hi; k++ {
			u := a.adj[k]
			for j := a.off[u]; j < a.off[u+1]; j++ {
				w := a.adj[j]
				if w <= u || mark[w] == 0 {
					continue
				}
				c++
				if weighted {
					ws += math.Cbrt(a.w[k] / maxW * a.w[j] / maxW * a.w[mark[w]-1] / maxW)
				}
			}
		}
		for k := lo; k < hi; k++ {
			mark[a.adj[k]] = 0
		}
		count[v] = c
		if weighted {
			wsum[v] = ws
		}
	}
	return count, wsum
}
