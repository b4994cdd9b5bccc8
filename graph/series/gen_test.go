package series

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/relgraph/relgraph/graph"
)

// generate returns a seeded synthetic series for benchmarks and property
// tests: episodes whose casts of castMin..castMax characters are drawn
// from a pool of pool characters with Zipf-like popularity (character k is
// picked with weight 1/(k+1)^0.8, so a few recur in most episodes, as
// leads do). Each episode is a set of scenes: the shuffled cast cut into
// groups of 2–5, plus cast/2 scenes of 2–5 characters drawn by popularity
// from the cast; every pair in a scene interacts once. Units = scenes.
// The same arguments give the same series.
func generate(seed uint64, episodes, castMin, castMax, pool int) []*graph.Graph {
	rng := rand.New(rand.NewPCG(seed, 0x5e7e5))
	cum := make([]float64, pool)
	var total float64
	for k := range cum {
		total += 1 / math.Pow(float64(k+1), 0.8)
		cum[k] = total
	}
	pick := func(cum []float64) int {
		x := rng.Float64() * cum[len(cum)-1]
		lo, hi := 0, len(cum)-1
		for lo < hi {
			mid := (lo + hi) / 2
			if cum[mid] < x {
				lo = mid + 1
			} else {
				hi = mid
			}
		}
		return lo
	}
	out := make([]*graph.Graph, episodes)
	for t := range out {
		n := castMin + rng.IntN(castMax-castMin+1)
		seen := map[int]bool{}
		var cast []int
		for len(cast) < n {
			if k := pick(cum); !seen[k] {
				seen[k] = true
				cast = append(cast, k)
			}
		}
		w := map[[2]int]float64{}
		scene := func(members []int) {
			for i := range members {
				for j := i + 1; j < len(members); j++ {
					a, b := members[i], members[j]
					if a == b {
						continue
					}
					if a > b { // ids are c%04d: numeric order is id order
						a, b = b, a
					}
					w[[2]int{a, b}]++
				}
			}
		}
		scenes := 0
		perm := rng.Perm(n)
		for i := 0; i < n; {
			size := min(2+rng.IntN(4), n-i)
			m := make([]int, size)
			for j := range m {
				m[j] = cast[perm[i+j]]
			}
			scene(m)
			scenes++
			i += size
		}
		// Popularity within the cast: the cast in pool order is already
		// sorted by popularity weight.
		castCum := make([]float64, n)
		var s float64
		for i, k := range cast {
			s += 1 / math.Pow(float64(k+1), 0.8)
			castCum[i] = s
		}
		for range n / 2 {
			size := 2 + rng.IntN(4)
			m := make([]int, size)
			for j := range m {
				m[j] = cast[pick(castCum)]
			}
			scene(m)
			scenes++
		}
		g := &graph.Graph{Episode: graph.Episode{ID: fmt.Sprintf("e%04d", t+1), Unit: "scene", Units: scenes}}
		for _, k := range cast {
			g.Nodes = append(g.Nodes, graph.Node{ID: fmt.Sprintf("c%04d", k), Name: fmt.Sprintf("Character %d", k)})
		}
		for p, x := range w {
			g.Edges = append(g.Edges, graph.Edge{Source: fmt.Sprintf("c%04d", p[0]), Target: fmt.Sprintf("c%04d", p[1]), Weight: x})
		}
		g.Canonicalize()
		out[t] = g
	}
	return out
}
