package centrality

import (
	"math"
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
// an indexed binary heap for Inverse lengths. It is not safe for concurrent
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
	heap    indexHeap
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
		s.heap = indexHeap{items: make([]heapItem, 0, a.n), pos: make([]int32, a.n)}
		for i := range s.heap.pos {
			s.heap.pos[i] = -1
		}
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
	s.dist[src] = 0
	s.heap.push(src, 0)
	for s.heap.len() > 0 {
		v := s.heap.pop()
		s.settled[v] = true
		s.order = append(s.order, v)
		dv := s.dist[v]
		lo, hi := off[v], off[v+1]
		if wantSigma {
			// The predecessors of v are its settled neighbours u with
			// d(u) + l(u,v) = d(v) within tieTol; all of them were settled
			// before v because lengths are positive.
			if v == src {
				s.sigma[v] = 1
			} else {
				var sg float64
				for k := lo; k < hi; k++ {
					u := adj[k]
					if s.settled[u] && tied(s.dist[u]+length[k], dv) {
						sg += s.sigma[u]
					}
				}
				s.sigma[v] = sg
			}
		}
		for k := lo; k < hi; k++ {
			u := adj[k]
			if s.settled[u] {
				continue
			}
			if alt := dv + length[k]; alt < s.dist[u] {
				inHeap := !math.IsInf(s.dist[u], 1)
				s.dist[u] = alt
				if inHeap {
					s.heap.decrease(u, alt)
				} else {
					s.heap.push(u, alt)
				}
			}
		}
	}
}

// accumulate adds the dependencies of the last run's source on every other
// node to cb (Brandes 2001, eq. 6: δ(v) = Σ_{w: v∈P(w)} σ(v)/σ(w)·(1+δ(w))),
// walking the settled nodes from the farthest back to the source.
// Predecessors are found again from the distances instead of being stored.
func (s *search) accumulate(cb []float64) {
	off, adj, length := s.a.off, s.a.adj, s.length
	for _, v := range s.order {
		s.delta[v] = 0
	}
	for i := len(s.order) - 1; i > 0; i-- {
		w := s.order[i]
		c := (1 + s.delta[w]) / s.sigma[w]
		dw := s.dist[w]
		lo, hi := off[w], off[w+1]
		if length == nil {
			for _, v := range adj[lo:hi] {
				if s.dist[v] == dw-1 {
					s.delta[v] += s.sigma[v] * c
				}
			}
		} else {
			for k := lo; k < hi; k++ {
				v := adj[k]
				if s.settled[v] && tied(s.dist[v]+length[k], dw) {
					s.delta[v] += s.sigma[v] * c
				}
			}
		}
		cb[w] += s.delta[w]
	}
}

// indexHeap is a binary min-heap of nodes keyed on their tentative
// distance (ties by index, so the settling order is fully determined). Each
// entry carries its key, for locality; pos holds each node's heap position
// (-1 when absent) for decrease-key.
type indexHeap struct {
	items []heapItem
	pos   []int32
}

type heapItem struct {
	d float64
	v int32
}

func (it heapItem) less(o heapItem) bool { return it.d < o.d || (it.d == o.d && it.v < o.v) }

func (h *indexHeap) len() int { return len(h.items) }

// push adds node v with key d.
func (h *indexHeap) push(v int32, d float64) {
	h.items = append(h.items, heapItem{d, v})
	h.up(int32(len(h.items)-1), heapItem{d, v})
}

// decrease lowers the key of node v, which is in the heap, to d.
func (h *indexHeap) decrease(v int32, d float64) {
	h.up(h.pos[v], heapItem{d, v})
}

// pop removes and returns the node with the least key.
func (h *indexHeap) pop() int32 {
	top := h.items[0].v
	h.pos[top] = -1
	last := len(h.items) - 1
	it := h.items[last]
	h.items = h.items[:last]
	if last > 0 {
		h.down(0, it)
	}
	return top
}

// up places it at position i or above, moving larger parents down.
func (h *indexHeap) up(i int32, it heapItem) {
	items := h.items
	for i > 0 {
		p := (i - 1) / 2
		if !it.less(items[p]) {
			break
		}
		items[i] = items[p]
		h.pos[items[i].v] = i
		i = p
	}
	items[i] = it
	h.pos[it.v] = i
}

// down places it at position i or below, moving smaller children up.
func (h *indexHeap) down(i int32, it heapItem) {
	items := h.items
	n := int32(len(items))
	for {
		l := 2*i + 1
		if l >= n {
			break
		}
		m := l
		if r := l + 1; r < n && items[r].less(items[l]) {
			m = r
		}
		if !items[m].less(it) {
			break
		}
		items[i] = items[m]
		h.pos[items[i].v] = i
		i = m
	}
	items[i] = it
	h.pos[it.v] = i
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
