package community

import "math/rand/v2"

// labelPropagation returns the label of every node of g after asynchronous
// weighted label propagation (U. N. Raghavan, R. Albert and S. Kumara,
// "Near linear time algorithm to detect community structures in large-scale
// networks", Phys. Rev. E 76, 2007, doi:10.1103/PhysRevE.76.036106): every
// node starts with its own label; in each round the nodes are visited in a
// fresh random order and each takes the label with the largest total edge
// weight among its neighbours, keeping its own label when that is among the
// best and otherwise choosing uniformly among the best with rng. It stops
// after a round in which no label changed, or after 1000 rounds.
func labelPropagation(g *wgraph, rng *rand.Rand) []int32 {
	n := g.n
	label := make([]int32, n)
	for i := range label {
		label[i] = int32(i)
	}
	wl := make([]float64, n)
	var touched, best []int32
	for range 1000 {
		changed := false
		for _, ii := range rng.Perm(n) {
			i := int32(ii)
			if g.off[i] == g.off[i+1] {
				continue
			}
			touched = touched[:0]
			for p := g.off[i]; p < g.off[i+1]; p++ {
				l := label[g.adj[p]]
				if wl[l] == 0 {
					touched = append(touched, l)
				}
				wl[l] += g.w[p]
			}
			var top float64
			for _, l := range touched {
				top = max(top, wl[l])
			}
			best = best[:0]
			keep := false
			for _, l := range touched {
				if wl[l] >= top*(1-1e-12) {
					best = append(best, l)
					keep = keep || l == label[i]
				}
			}
			for _, l := range touched {
				wl[l] = 0
			}
			if keep {
				continue
			}
			sortInt32(best)
			label[i] = best[rng.IntN(len(best))]
			changed = true
		}
		if !changed {
			break
		}
	}
	return label
}
