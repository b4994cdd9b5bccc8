package centrality

import "github.com/relgraph/relgraph/graph"

// Coreness returns the core number of every node, indexed like g.Nodes: the
// largest k such that the node belongs to the k-core, the largest subgraph
// in which every node has at least k neighbours (S. B. Seidman, "Network
// structure and minimum degree", Social Networks 5, 1983,
// doi:10.1016/0378-8733(83)90028-X). Weights are ignored; an isolated node
// has core number 0. The algorithm is Batagelj and Zaversnik's O(n + m)
// bucket peeling ("An O(m) algorithm for cores decomposition of networks",
// 2003, arXiv:cs/0310049), as in NetworkX's core_number(G), which these
// values equal.
func Coreness(g *graph.Graph) []float64 { return coreness(newAdjacency(g)) }

func coreness(a *adjacency) []float64 {
	n := a.n
	deg := make([]int32, n)
	maxDeg := int32(0)
	for v := range n {
		deg[v] = a.off[v+1] - a.off[v]
		maxDeg = max(maxDeg, deg[v])
	}
	// Bucket sort the nodes by degree: vert is the order, pos each node's
	// place in it, bin[d] the first place of degree d.
	bin := make([]int32, maxDeg+2)
	for _, d := range deg {
		bin[d+1]++
	}
	for d := int32(1); d <= maxDeg+1; d++ {
		bin[d] += bin[d-1]
	}
	vert := make([]int32, n)
	pos := make([]int32, n)
	next := append([]int32(nil), bin...)
	for v := range n {
		p := next[deg[v]]
		next[deg[v]]++
		pos[v], vert[p] = p, int32(v)
	}
	for i := range n {
		v := vert[i]
		for _, u := range a.adj[a.off[v]:a.off[v+1]] {
			if deg[u] > deg[v] {
				du, pu := deg[u], pos[u]
				pw := bin[du]
				w := vert[pw]
				if u != w {
					pos[u], vert[pu] = pw, w
					pos[w], vert[pw] = pu, u
				}
				bin[du]++
				deg[u]--
			}
		}
	}
	out := make([]float64, n)
	for v, d := range deg {
		out[v] = float64(d)
	}
	return out
}
