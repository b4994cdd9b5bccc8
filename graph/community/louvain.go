package community

import (
	"math/rand/v2"
)

// louvain returns the community of every node of g found by the Louvain
// method at resolution gamma with the random source rng.
//
// Each level repeats local moving until no node moves: the nodes are
// visited in a random order (a fresh permutation each level) and each is
// moved to the neighbouring community with the largest modularity gain
// k_{i,C} − γ k_i tot_C / 2m (staying put unless another community gains
// strictly more; among equal gains the first community met in the node's
// neighbour order wins). The communities then become the nodes of the next
// level, with the weights between them summed and their internal weight kept
// as a loop. The method stops when a level moves no node.
func louvain(g *wgraph, gamma float64, rng *rand.Rand) []int32 {
	member := make([]int32, g.n) // original node → node of the current level
	for i := range member {
		member[i] = int32(i)
	}
	cur := g
	for {
		comm, moved := localMoving(cur, gamma, rng)
		if !moved {
			break
		}
		labels, nc := renumber(comm)
		for i, v := range member {
			member[i] = labels[v]
		}
		if int(nc) == cur.n {
			break
		}
		cur = aggregate(cur, labels, nc)
	}
	return member
}

// localMoving runs Louvain's first phase on g from singletons and returns
// each node's community and whether any node moved.
func localMoving(g *wgraph, gamma float64, rng *rand.Rand) ([]int32, bool) {
	n := g.n
	comm := make([]int32, n)
	tot := make([]float64, n)
	for i := range n {
		comm[i] = int32(i)
		tot[i] = g.k[i]
	}
	if g.m2 == 0 {
		return comm, false
	}
	order := rng.Perm(n)
	wc := make([]float64, n) // weight from the current node to each community
	touched := make([]int32, 0, 64)
	scale := gamma / g.m2
	// eps guards against moves that gain only round-off.
	eps := 1e-13 * g.m2
	anyMove := false
	for {
		moved := false
		for _, ii := range order {
			i := int32(ii)
			ki := g.k[i]
			old := comm[i]
			touched = touched[:0]
			for p := g.off[i]; p < g.off[i+1]; p++ {
				c := comm[g.adj[p]]
				if wc[c] == 0 {
					touched = append(touched, c)
				}
				wc[c] += g.w[p]
			}
			tot[old] -= ki
			best := old
			bestGain := wc[old] - scale*ki*tot[old]
			for _, c := range touched {
				if c == old {
					continue
				}
				if gain := wc[c] - scale*ki*tot[c]; gain > bestGain+eps {
					best, bestGain = c, gain
				}
			}
			for _, c := range touched {
				wc[c] = 0
			}
			tot[best] += ki
			if best != old {
				comm[i] = best
				moved = true
				anyMove = true
			}
		}
		if !moved {
			break
		}
	}
	return comm, anyMove
}

// renumber maps community labels to 0..nc−1 in order of their first node.
func renumber(comm []int32) ([]int32, int32) {
	m := make([]int32, len(comm))
	for i := range m {
		m[i] = -1
	}
	out := make([]int32, len(comm))
	nc := int32(0)
	for i, c := range comm {
		if m[c] < 0 {
			m[c] = nc
			nc++
		}
		out[i] = m[c]
	}
	return out, nc
}

// aggregate returns the graph whose nodes are the nc communities of g
// (labels[i] is node i's), with edge weights summed between communities
// and the weight inside each kept as its loop.
func aggregate(g *wgraph, labels []int32, nc int32) *wgraph {
	members := make([][]int32, nc)
	for i, c := range labels {
		members[c] = append(members[c], int32(i))
	}
	h := &wgraph{n: int(nc), off: make([]int32, nc+1), loop: make([]float64, nc), k: make([]float64, nc)}
	acc := make([]float64, nc)
	seen := make([]bool, nc)
	var touched []int32
	for c := range nc {
		touched = touched[:0]
		for _, i := range members[c] {
			h.loop[c] += g.loop[i]
			for p := g.off[i]; p < g.off[i+1]; p++ {
				d := labels[g.adj[p]]
				if d == c {
					h.loop[c] += g.w[p]
					continue
				}
				if !seen[d] {
					seen[d] = true
					touched = append(touched, d)
				}
				acc[d] += g.w[p]
			}
		}
		sortInt32(touched)
		for _, d := range touched {
			h.adj = append(h.adj, d)
			h.w = append(h.w, acc[d])
			acc[d], seen[d] = 0, false
		}
		h.off[c+1] = int32(len(h.adj))
	}
	h.finish()
	return h
}
