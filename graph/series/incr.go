package series

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/centrality"
	"github.com/relgraph/relgraph/graph/diff"
)

// incrementalMeasures are the measures the cumulative series computes on
// a growing graph (cumulative): degree and strength are updated edge by edge,
// PageRank and eigenvector restart from the previous episode's vector.
var incrementalMeasures = []string{"degree", "strength", "eigenvector", "pagerank"}

// growing is the cumulative graph kept as adjacency lists that grow with
// each episode, indexed by order of first appearance.
type growing struct {
	ids, names []string
	idx        map[string]int32
	nbr        [][]int32
	w          [][]float64
	pos        map[[2]int32][2]int32 // (u, v) with u < v → positions in nbr[u], nbr[v]
	strength   []float64
	edges      int

	idRank []int32 // position of each node in id order (for rank ties)

	pr []float64 // PageRank of the previous frame
	ev []float64 // eigenvector of the previous frame
}

func newGrowing() *growing {
	return &growing{idx: map[string]int32{}, pos: map[[2]int32][2]int32{}}
}

func (c *growing) node(n graph.Node) int32 {
	if i, ok := c.idx[n.ID]; ok {
		if n.Name != "" {
			c.names[i] = n.Name
		}
		return i
	}
	i := int32(len(c.ids))
	c.idx[n.ID] = i
	c.ids = append(c.ids, n.ID)
	c.names = append(c.names, n.Name)
	c.nbr = append(c.nbr, nil)
	c.w = append(c.w, nil)
	c.strength = append(c.strength, 0)
	return i
}

// add adds episode g (valid: its edge ends are nodes of g).
func (c *growing) add(g *graph.Graph) {
	for _, n := range g.Nodes {
		c.node(n)
	}
	for _, e := range g.Edges {
		u, v := c.idx[e.Source], c.idx[e.Target]
		if u == v || !(e.Weight > 0) || math.IsInf(e.Weight, 1) {
			continue // as centrality reads such edges
		}
		if u > v {
			u, v = v, u
		}
		if p, ok := c.pos[[2]int32{u, v}]; ok {
			c.w[u][p[0]] += e.Weight
			c.w[v][p[1]] += e.Weight
		} else {
			c.pos[[2]int32{u, v}] = [2]int32{int32(len(c.nbr[u])), int32(len(c.nbr[v]))}
			c.nbr[u] = append(c.nbr[u], v)
			c.w[u] = append(c.w[u], e.Weight)
			c.nbr[v] = append(c.nbr[v], u)
			c.w[v] = append(c.w[v], e.Weight)
			c.edges++
		}
		c.strength[u] += e.Weight
		c.strength[v] += e.Weight
	}
}

// ranks ranks every measure as centrality.Ranks does (values by RankKey
// descending, ties by id), the measures side by side.
func (c *growing) ranks(measures []string, vals diff.Values) map[string][]int {
	n := len(c.ids)
	if len(c.idRank) != n {
		order := make([]int32, n)
		for i := range order {
			order[i] = int32(i)
		}
		slices.SortFunc(order, func(a, b int32) int { return strings.Compare(c.ids[a], c.ids[b]) })
		c.idRank = make([]int32, n)
		for r, i := range order {
			c.idRank[i] = int32(r)
		}
	}
	out := make(map[string][]int, len(measures))
	res := make([][]int, len(measures))
	var wg sync.WaitGroup
	for mi, m := range measures {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v := vals[m]
			key := make([]float64, n)
			for i, x := range v {
				key[i] = centrality.RankKey(x)
			}
			order := make([]int32, n)
			for i := range order {
				order[i] = int32(i)
			}
			slices.SortFunc(order, func(a, b int32) int {
				if key[a] != key[b] {
					if key[a] > key[b] {
						return -1
					}
					return 1
				}
				return cmp.Compare(c.idRank[a], c.idRank[b])
			})
			rk := make([]int, n)
			for r, i := range order {
				rk[i] = r + 1
			}
			res[mi] = rk
		}()
	}
	wg.Wait()
	for mi, m := range measures {
		out[m] = res[mi]
	}
	return out
}

// nodes returns the frame's nodes, in order of first appearance.
func (c *growing) nodes() []graph.Node {
	out := make([]graph.Node, len(c.ids))
	for i := range out {
		out[i] = graph.Node{ID: c.ids[i], Name: c.names[i]}
	}
	return out
}

// graph returns the whole cumulative graph as a graph.Graph (edges in
// order of first appearance of their pair).
func (c *growing) graph(ep graph.Episode) *graph.Graph {
	g := &graph.Graph{Episode: ep, Nodes: c.nodes(), Edges: make([]graph.Edge, 0, c.edges)}
	for u := range c.nbr {
		for k, v := range c.nbr[u] {
			if int32(u) < v {
				g.Edges = append(g.Edges, graph.Edge{Source: c.ids[u], Target: c.ids[v], Weight: c.w[u][k]})
			}
		}
	}
	return g
}

// measure computes the wanted measures of the current graph, indexed by
// node; PageRank and eigenvector run side by side.
func (c *growing) measure(want []string, ep graph.Episode) diff.Values {
	n := len(c.ids)
	out := diff.Values{}
	var wg sync.WaitGroup
	for _, m := range want {
		switch m {
		case "degree":
			d := make([]float64, n)
			for i := range d {
				d[i] = float64(len(c.nbr[i]))
			}
			out[m] = d
		case "strength":
			out[m] = slices.Clone(c.strength)
		}
	}
	var pr, ev []float64
	if slices.Contains(want, "pagerank") {
		wg.Add(1)
		go func() { defer wg.Done(); pr = c.pagerank() }()
	}
	if slices.Contains(want, "eigenvector") {
		wg.Add(1)
		go func() { defer wg.Done(); ev = c.eigenvector(ep) }()
	}
	wg.Wait()
	if pr != nil {
		out["pagerank"] = pr
	}
	if ev != nil {
		out["eigenvector"] = ev
	}
	return out
}

// pagerank is centrality.PageRank's iteration (same formula, damping,
// dangling rule and stopping rule: L1 change below n·1e-12), started from
// the previous frame's vector, extended by 1/n for new characters and
// rescaled to sum 1, instead of the uniform vector. It converges to the
// same fixed point; tests check it against centrality.PageRank.
func (c *growing) pagerank() []float64 {
	const (
		damping = centrality.DefaultDamping
		tol     = 1e-12
		maxIter = 1000
	)
	n := len(c.ids)
	x := make([]float64, n)
	if n == 0 {
		return x
	}
	nf := float64(n)
	copy(x, c.pr)
	for i := len(c.pr); i < n; i++ {
		x[i] = 1 / nf
	}
	normalize1(x)
	next := make([]float64, n)
	share := make([]float64, n)
	for range maxIter {
		var dangling float64
		for u, s := range c.strength {
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
			ws := c.w[v]
			for k, u := range c.nbr[v] {
				in += share[u] * ws[k]
			}
			next[v] = damping*in + base
			change += math.Abs(next[v] - x[v])
		}
		x, next = next, x
		if change < nf*tol {
			break
		}
	}
	normalize1(x)
	c.pr = slices.Clone(x)
	return x
}

func normalize1(x []float64) {
	var s float64
	for _, v := range x {
		s += v
	}
	if s > 0 {
		for i := range x {
			x[i] /= s
		}
	}
}

// eigenvector is centrality.Eigenvector's answer computed per connected
// component: a component of at most 128 nodes by centrality.Eigenvector on
// its subgraph (the dense solver), a larger one by shifted power iteration
// x ← (A + σI)x / ‖·‖₂ with σ = shift·λ (the shift keeps a bipartite part
// from oscillating) restricted to the component, started from the previous
// frame's vector plus a small positive amount, until no entry moves by more
// than 1e-12 (at most 2000 rounds). Each component's eigenvalue is its
// Rayleigh quotient; as in centrality.Eigenvector, the components of the
// largest eigenvalue (within a relative 1e-9) share the result with equal
// weight and all others are 0. Without edges, or when the iteration does
// not converge, it calls centrality.Eigenvector on the whole graph.
func (c *growing) eigenvector(ep graph.Episode) []float64 {
	const (
		tol      = 1e-12
		maxIter  = 2000
		denseMax = 128

		eigTol = 1e-9
	)
	n := len(c.ids)
	exact := func() []float64 {
		x := centrality.Eigenvector(c.graph(ep))
		c.ev = slices.Clone(x)
		return x
	}
	comps := c.components()
	if len(comps) == 0 {
		return exact()
	}
	x := make([]float64, n)
	lambdas := make([]float64, len(comps))
	next := make([]float64, n)
	for ci, members := range comps {
		if len(members) <= denseMax {
			sub := &graph.Graph{Nodes: make([]graph.Node, len(members))}
			for i, v := range members {
				sub.Nodes[i] = graph.Node{ID: c.ids[v]}
			}
			for _, u := range members {
				for k, v := range c.nbr[u] {
					if u < v {
						sub.Edges = append(sub.Edges, graph.Edge{Source: c.ids[u], Target: c.ids[v], Weight: c.w[u][k]})
					}
				}
			}
			vec := centrality.Eigenvector(sub)
			for i, v := range members {
				x[v] = vec[i]
			}
		} else {
			eps := 1e-3 / math.Sqrt(float64(len(members)))
			for _, v := range members {
				if int(v) < len(c.ev) {
					x[v] = c.ev[v]
				}
				x[v] += eps
			}
			normalizeAt(x, members)
			lambda := rayleigh(c, members, x)
			converged := false
			for range maxIter {
				sigma := eigShift * lambda
				for _, v := range members {
					next[v] = dot(c.nbr[v], c.w[v], x) + sigma*x[v]
				}
				norm := normalizeAt(next, members)
				lambda = norm - sigma
				var change float64
				for _, v := range members {
					change = max(change, math.Abs(next[v]-x[v]))
					x[v] = next[v]
				}
				if change < tol {
					converged = true
					break
				}
			}
			if !converged {
				return exact()
			}
		}
		lambdas[ci] = rayleigh(c, members, x)
	}
	lmax := slices.Max(lambdas)
	var top [][]int32
	for ci, l := range lambdas {
		if l >= lmax-eigTol*math.Abs(lmax) {
			top = append(top, comps[ci])
		} else {
			for _, v := range comps[ci] {
				x[v] = 0
			}
		}
	}
	scale := 1 / math.Sqrt(float64(len(top)))
	for _, ms := range top {
		// Perron–Frobenius: entries of one sign; clear round-off.
		for _, v := range ms {
			x[v] = max(x[v], 0)
		}
		normalizeAt(x, ms)
		for _, v := range ms {
			x[v] *= scale
		}
	}
	c.ev = slices.Clone(x)
	return x
}

// eigShift is σ/λ of the power iteration (a variable for tests).
var eigShift = 0.1

// rayleigh returns xᵀAx / xᵀx over the members.
func rayleigh(c *growing, members []int32, x []float64) float64 {
	var num, den float64
	for _, v := range members {
		num += x[v] * dot(c.nbr[v], c.w[v], x)
		den += x[v] * x[v]
	}
	if den == 0 {
		return 0
	}
	return num / den
}

func normalizeAt(x []float64, members []int32) float64 {
	var s float64
	for _, v := range members {
		s += x[v] * x[v]
	}
	s = math.Sqrt(s)
	if s > 0 {
		for _, v := range members {
			x[v] /= s
		}
	}
	return s
}

func dot(nbr []int32, w []float64, x []float64) float64 {
	var s float64
	for k, u := range nbr {
		s += w[k] * x[u]
	}
	return s
}

// components returns the connected components of more than one node,
// each as ascending node indices, in order of their first node.
func (c *growing) components() [][]int32 {
	n := len(c.ids)
	seen := make([]bool, n)
	var out [][]int32
	stack := make([]int32, 0, 64)
	for s := range n {
		if seen[s] || len(c.nbr[s]) == 0 {
			continue
		}
		seen[s] = true
		stack = append(stack[:0], int32(s))
		var members []int32
		for len(stack) > 0 {
			u := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			members = append(members, u)
			for _, v := range c.nbr[u] {
				if !seen[v] {
					seen[v] = true
					stack = append(stack, v)
				}
			}
		}
		slices.Sort(members)
		out = append(out, members)
	}
	return out
}
