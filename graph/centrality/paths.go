package centrality

import (
	"math"
	"math/bits"
	"runtime"
	"sync"
	"sync/atomic"
)

// tieTol is the relative tolerance under which two path lengths count as
// equal. With Inverse distances, equal rational lengths often differ in the
// last bits once summed in floating point (1/10 + 1/5 ≠ 3/10); comparing
// exactly, as NetworkX does, then misses shortest paths. Distinct sums of
// reciprocals of interaction counts differ by far more than 1e-10 relative.
// igraph likewise compares with a tolerance; the exact-rational reference
// (betweenness_weighted_exact) agrees with ours.
const tieTol = 1e-10

// tied reports whether the path length x equals the shortest distance d > 0
// within tieTol.
func tied(x, d float64) bool { return math.Abs(x-d) <= tieTol*d }

// search is the reusable workspace of one single-source shortest-path
// search over an adjacency: breadth-first for Unit lengths, Dijkstra with
// a radix heap for Inverse lengths. It is not safe for concurrent
// use; each worker owns one.
type search struct {
	a      *adjacency
	length []float64 // edge lengths aligned with a.adj; nil: every edge 1
	// dist is the shortest distance from the source (+Inf: unreached),
	// sigma the number of shortest paths, delta Brandes' dependency.
	dist, sigma, delta []float64
	// order holds the reached nodes in the order they were settled, so by
	// non-decreasing distance; order[0] is the source.
	order   []int32
	settled []bool
	heap    radixHeap
	// With Inverse lengths and sigma, preds[pstart[i]:pstart[i+1]] are the
	// positions in a.adj (in order[i]'s row) of the edges to order[i]'s
	// predecessors on shortest paths, recorded when it is settled.
	preds  []int32
	pstart []int32
}

func newSearch(a *adjacency, length []float64) *search {
	s := &search{
		a:       a,
		length:  length,
		dist:    make([]float64, a.n),
		sigma:   make([]float64, a.n),
		delta:   make([]float64, a.n),
		order:   make([]int32, 0, a.n),
		settled: make([]bool, a.n),
	}
	for i := range s.dist {
		s.dist[i] = math.Inf(1)
	}
	if length != nil {
		s.pstart = make([]int32, a.n+1)
	}
	return s
}

// run finds the shortest distances from src and, with wantSigma, the number
// of shortest paths to each reached node.
func (s *search) run(src int32, wantSigma bool) {
	for _, v := range s.order {
		s.dist[v] = math.Inf(1)
		s.sigma[v] = 0
		s.settled[v] = false
	}
	s.order = s.order[:0]
	if s.length == nil {
		s.bfs(src, wantSigma)
	} else {
		s.dijkstra(src, wantSigma)
	}
}

func (s *search) bfs(src int32, wantSigma bool) {
	off, adj := s.a.off, s.a.adj
	s.dist[src] = 0
	s.sigma[src] = 1
	s.order = append(s.order, src)
	for h := 0; h < len(s.order); h++ {
		v := s.order[h]
		dv := s.dist[v] + 1
		for _, u := range adj[off[v]:off[v+1]] {
			if math.IsInf(s.dist[u], 1) {
				s.dist[u] = dv
				s.order = append(s.order, u)
			}
			if wantSigma && s.dist[u] == dv {
				s.sigma[u] += s.sigma[v]
			}
		}
	}
}

func (s *search) dijkstra(src int32, wantSigma bool) {
	off, adj, length := s.a.off, s.a.adj, s.length
	dist, sigma, settled := s.dist, s.sigma, s.settled
	s.preds = s.preds[:0]
	dist[src] = 0
	h := &s.heap
	h.reset()
	h.push(0, src)
	for h.size > 0 {
		key, v := h.pop()
		if settled[v] || key != math.Float64bits(dist[v]) {
			continue // a stale entry: v was reached again by a shorter path
		}
		settled[v] = true
		if wantSigma {
			s.pstart[len(s.order)] = int32(len(s.preds))
		}
		s.order = append(s.order, v)
		dv := dist[v]
		// One pass over the neighbours: a settled neighbour u with
		// d(u) + l(u,v) = d(v) within tieTol is a predecessor (all
		// predecessors are settled before v because lengths are
		// positive); an unsettled one is relaxed.
		if !wantSigma {
			// A settled neighbour u has d(u) ≤ d(v) < d(v) + l, so the
			// test below skips it without looking at settled.
			for k := off[v]; k < off[v+1]; k++ {
				u := adj[k]
				if alt := dv + length[k]; alt < dist[u] {
					dist[u] = alt
					h.push(math.Float64bits(alt), u)
				}
			}
			continue
		}
		var sg float64
		if v == src {
			sg = 1
		}
		for k := off[v]; k < off[v+1]; k++ {
			u := adj[k]
			if settled[u] {
				if tied(dist[u]+length[k], dv) {
					sg += sigma[u]
					s.preds = append(s.preds, k)
				}
				continue
			}
			if alt := dv + length[k]; alt < dist[u] {
				dist[u] = alt
				h.push(math.Float64bits(alt), u)
			}
		}
		sigma[v] = sg
	}
	if wantSigma {
		s.pstart[len(s.order)] = int32(len(s.preds))
	}
}

// accumulate adds the dependencies of the last run's source on every other
// node to cb (Brandes 2001, eq. 6: δ(v) = Σ_{w: v∈P(w)} σ(v)/σ(w)·(1+δ(w))),
// walking the settled nodes from the farthest back to the source. With Unit
// lengths the predecessors are found again from the hop counts; with
// Inverse lengths they were recorded by dijkstra (no tolerance test twice).
func (s *search) accumulate(cb []float64) {
	off, adj := s.a.off, s.a.adj
	delta, sigma, dist := s.delta, s.sigma, s.dist
	for _, v := range s.order {
		delta[v] = 0
	}
	for i := len(s.order) - 1; i > 0; i-- {
		w := s.order[i]
		c := (1 + delta[w]) / sigma[w]
		if s.length == nil {
			dw := dist[w]
			for _, v := range adj[off[w]:off[w+1]] {
				if dist[v] == dw-1 {
					delta[v] += sigma[v] * c
				}
			}
		} else {
			for _, k := range s.preds[s.pstart[i]:s.pstart[i+1]] {
				v := adj[k]
				delta[v] += sigma[v] * c
			}
		}
		cb[w] += delta[w]
	}
}

// accumulateEdges is accumulate that also adds each edge's share
// σ(v)/σ(w)·(1+δ(w)) of the last run's dependencies to ce, indexed by the
// edge ids eid (aligned with a.adj); cb may be nil.
func (s *search) accumulateEdges(cb, ce []float64, eid []int32) {
	off, adj := s.a.off, s.a.adj
	delta, sigma, dist := s.delta, s.sigma, s.dist
	for _, v := range s.order {
		delta[v] = 0
	}
	for i := len(s.order) - 1; i > 0; i-- {
		w := s.order[i]
		c := (1 + delta[w]) / sigma[w]
		if s.length == nil {
			dw := dist[w]
			for k := off[w]; k < off[w+1]; k++ {
				if v := adj[k]; dist[v] == dw-1 {
					share := sigma[v] * c
					delta[v] += share
					ce[eid[k]] += share
				}
			}
		} else {
			for _, k := range s.preds[s.pstart[i]:s.pstart[i+1]] {
				v := adj[k]
				share := sigma[v] * c
				delta[v] += share
				ce[eid[k]] += share
			}
		}
		if cb != nil {
			cb[w] += delta[w]
		}
	}
}

// radixHeap is a monotone priority queue of nodes keyed on their tentative
// distance (R. K. Ahuja, K. Mehlhorn, J. B. Orlin and R. E. Tarjan, "Faster
// algorithms for the shortest path problem", J. ACM 37, 1990,
// doi:10.1145/77600.77615). Keys are the IEEE-754 bits of non-negative
// distances, which order like the distances; Dijkstra never pushes a key
// below the last one popped, which is what a radix heap needs. Bucket b > 0
// holds the keys whose highest bit differing from the last popped key is
// bit b−1; bucket 0 the keys equal to it. A push is O(1); a pop empties the
// lowest non-empty bucket into lower ones when bucket 0 is empty, so each
// entry moves at most 64 times and in practice once or twice. Decrease-key
// is a new push; the stale entry is skipped when popped. The order of
// equal keys is fixed by the sequence of pushes, so runs are reproducible.
type radixHeap struct {
	last uint64
	size int
	// full has bit b set when buckets[b] is not empty.
	full    uint64
	buckets [64][]radixEntry
}

type radixEntry struct {
	key uint64
	v   int32
}

func (h *radixHeap) reset() {
	h.last, h.size, h.full = 0, 0, 0
	for i := range h.buckets {
		h.buckets[i] = h.buckets[i][:0]
	}
}

// bucket returns the bucket of key: the bit length of key XOR last, at
// most 63 because the sign bit of a non-negative distance is 0.
func (h *radixHeap) bucket(key uint64) int {
	return bits.Len64(key ^ h.last)
}

// push adds v with key ≥ the last popped key.
func (h *radixHeap) push(key uint64, v int32) {
	b := h.bucket(key)
	h.buckets[b] = append(h.buckets[b], radixEntry{key, v})
	h.full |= 1 << b
	h.size++
}

// pop removes and returns an entry of least key; h.size must be > 0.
func (h *radixHeap) pop() (uint64, int32) {
	if h.full&1 == 0 {
		i := bits.TrailingZeros64(h.full)
		b := h.buckets[i]
		m := b[0].key
		for _, e := range b[1:] {
			m = min(m, e.key)
		}
		h.last = m
		for _, e := range b {
			j := h.bucket(e.key)
			h.buckets[j] = append(h.buckets[j], e)
			h.full |= 1 << j
		}
		h.buckets[i] = b[:0]
		h.full &^= 1 << i
	}
	b0 := h.buckets[0]
	e := b0[len(b0)-1]
	h.buckets[0] = b0[:len(b0)-1]
	if len(b0) == 1 {
		h.full &^= 1
	}
	h.size--
	return e.key, e.v
}

// maxBlocks bounds the number of source blocks of the path measures; it
// fixes the summation order, so it must not depend on the machine.
const maxBlocks = 32

// parallelMin is the node count from which the blocks run in parallel.
const parallelMin = 128

// runBlocks splits the sources 0..n-1 into nb = min(n, maxBlocks)
// contiguous blocks and calls fn(w, b, lo, hi) once per block b covering
// sources lo..hi-1, where w is a worker state made by newWorker and used by
// one goroutine at a time. Blocks run in parallel on large graphs; callers
// that combine per-block results do so in block order, so the result does
// not depend on scheduling. It returns nb.
func runBlocks[W any](n int, newWorker func() W, fn func(w W, b, lo, hi int)) int {
	nb := min(n, maxBlocks)
	bounds := func(b int) (int, int) { return b * n / nb, (b + 1) * n / nb }
	workers := 1
	if n >= parallelMin {
		workers = min(runtime.GOMAXPROCS(0), nb)
	}
	if workers <= 1 {
		if nb > 0 {
			w := newWorker()
			for b := range nb {
				lo, hi := bounds(b)
				fn(w, b, lo, hi)
			}
		}
		return nb
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			w := newWorker()
			for {
				b := int(next.Add(1) - 1)
				if b >= nb {
					return
				}
				lo, hi := bounds(b)
				fn(w, b, lo, hi)
			}
		})
	}
	wg.Wait()
	return nb
}
