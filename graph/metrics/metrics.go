package metrics

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/centrality"
)

// StatsFormat is the value of the "format" field of a stats document.
const StatsFormat = "relgraph/stats@1"

// Stats are the whole-graph figures of one graph. A nil pointer is a figure
// that is undefined for the graph (null in JSON).
type Stats struct {
	// Graph names the graph (graph.Graph.Name).
	Graph string
	// Nodes and Edges count characters and distinct joined pairs.
	Nodes, Edges int
	// Density is 2·Edges/(Nodes·(Nodes−1)), the share of possible pairs
	// that are joined; nil for fewer than two nodes (NetworkX says 0).
	Density *float64
	// Diameter is the largest hop distance between two nodes; nil when the
	// graph is empty or disconnected; 0 for one node.
	Diameter *int
	// AveragePathLength is the mean hop distance over ordered pairs of
	// distinct nodes (NetworkX's average_shortest_path_length); nil when
	// the graph is empty or disconnected; 0 for one node.
	AveragePathLength *float64
	// AverageClustering is the mean local clustering coefficient
	// (centrality.Clustering), nodes with fewer than two neighbours counted
	// as 0, as NetworkX's average_clustering; nil for an empty graph.
	AverageClustering *float64
	// Transitivity is 3 × triangles / connected triples (paths of two
	// edges): the global clustering coefficient, NetworkX's
	// transitivity; nil when the graph has no connected triple (NetworkX
	// says 0).
	Transitivity *float64
	// AverageDegree is 2·Edges/Nodes; nil for an empty graph.
	AverageDegree *float64
	// MaxDegree is the largest degree; nil for an empty graph.
	MaxDegree *int
	// MaxDegreeIDs are the ids of the nodes with MaxDegree, sorted.
	MaxDegreeIDs []string
	// ConnectedComponents counts the connected components (an isolated
	// node is one); 0 for an empty graph.
	ConnectedComponents int
	// LargestComponent is the number of nodes of the largest component.
	LargestComponent int
	// Assortativity is the degree assortativity coefficient: the Pearson
	// correlation of the degrees at the two ends of an edge, each edge
	// taken in both directions (M. E. J. Newman, "Mixing patterns in
	// networks", Phys. Rev. E 67, 2003, doi:10.1103/PhysRevE.67.026126;
	// NetworkX's degree_assortativity_coefficient). nil without edges or
	// when every edge end has the same degree (zero variance; NetworkX
	// gives NaN).
	Assortativity *float64
}

// Compute returns the figures of g; a nil g counts as empty. Distances come
// from one breadth-first search per node, run in parallel (O(n·m) time,
// O(n + m) memory per worker), and only when the graph is connected; the
// sums are integers, so the result does not depend on scheduling.
func Compute(g *graph.Graph) *Stats {
	if g == nil {
		g = &graph.Graph{}
	}
	a := newAdjacency(g)
	n := a.n
	st := &Stats{Graph: g.Name(), Nodes: n, Edges: len(a.adj) / 2, MaxDegreeIDs: []string{}}
	m := float64(st.Edges)
	if n >= 2 {
		st.Density = ptr(2 * m / (float64(n) * float64(n-1)))
	}
	if n > 0 {
		st.AverageDegree = ptr(2 * m / float64(n))
		maxDeg := 0
		for v := range n {
			maxDeg = max(maxDeg, a.degree(v))
		}
		st.MaxDegree = &maxDeg
		for v := range n {
			if a.degree(v) == maxDeg {
				st.MaxDegreeIDs = append(st.MaxDegreeIDs, g.Nodes[v].ID)
			}
		}
		slices.Sort(st.MaxDegreeIDs)
		cl := centrality.Clustering(g)
		var sum float64
		for _, c := range cl {
			sum += c
		}
		st.AverageClustering = ptr(sum / float64(n))
	}
	// Transitivity from the triangles through each node.
	tri := centrality.Triangles(g)
	var triangles, triples float64
	for v := range n {
		k := float64(a.degree(v))
		triangles += tri[v]
		triples += k * (k - 1) / 2
	}
	if triples > 0 {
		st.Transitivity = ptr(triangles / triples)
	}
	sizes := a.componentSizes()
	st.ConnectedComponents = len(sizes)
	for _, s := range sizes {
		st.LargestComponent = max(st.LargestComponent, s)
	}
	if n == 1 {
		st.Diameter, st.AveragePathLength = ptr(0), ptr(0.0)
	} else if n > 1 && len(sizes) == 1 {
		diam, sum := a.hopDistances()
		st.Diameter = &diam
		st.AveragePathLength = ptr(float64(sum) / (float64(n) * float64(n-1)))
	}
	st.Assortativity = a.assortativity()
	return st
}

func ptr[T any](v T) *T { return &v }

// assortativity is Newman's r over both directions of every edge:
// r = (Σ xy/M − (Σ x/M)²) / (Σ x²/M − (Σ x/M)²) with x, y the degrees at
// the ends and M = 2m (the ends' distributions are equal by symmetry).
func (a *adjacency) assortativity() *float64 {
	if len(a.adj) == 0 {
		return nil
	}
	var sx, sxx, sxy float64
	for u := range a.n {
		du := float64(a.degree(u))
		for _, v := range a.adj[a.off[u]:a.off[u+1]] {
			dv := float64(a.degree(int(v)))
			sx += du
			sxx += du * du
			sxy += du * dv
		}
	}
	mm := float64(len(a.adj))
	mean := sx / mm
	vari := sxx/mm - mean*mean
	if !(vari > 1e-12*math.Max(1, sxx/mm)) {
		return nil
	}
	return ptr((sxy/mm - mean*mean) / vari)
}

// MarshalJSON writes the "relgraph/stats@1" document of DESIGN.md, keys in
// this order: format, graph, nodes, edges, density, diameter,
// average_path_length, average_clustering, transitivity, average_degree,
// max_degree, max_degree_ids, connected_components, largest_component,
// assortativity; undefined figures are null.
func (s *Stats) MarshalJSON() ([]byte, error) {
	doc := struct {
		Format              string   `json:"format"`
		Graph               string   `json:"graph"`
		Nodes               int      `json:"nodes"`
		Edges               int      `json:"edges"`
		Density             *float64 `json:"density"`
		Diameter            *int     `json:"diameter"`
		AveragePathLength   *float64 `json:"average_path_length"`
		AverageClustering   *float64 `json:"average_clustering"`
		Transitivity        *float64 `json:"transitivity"`
		AverageDegree       *float64 `json:"average_degree"`
		MaxDegree           *int     `json:"max_degree"`
		MaxDegreeIDs        []string `json:"max_degree_ids"`
		ConnectedComponents int      `json:"connected_components"`
		LargestComponent    int      `json:"largest_component"`
		Assortativity       *float64 `json:"assortativity"`
	}{StatsFormat, s.Graph, s.Nodes, s.Edges, s.Density, s.Diameter, s.AveragePathLength,
		s.AverageClustering, s.Transitivity, s.AverageDegree, s.MaxDegree, s.MaxDegreeIDs,
		s.ConnectedComponents, s.LargestComponent, s.Assortativity}
	if doc.MaxDegreeIDs == nil {
		doc.MaxDegreeIDs = []string{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("metrics: stats: %w", err)
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// Field is one figure of Stats as a key (the JSON key) and its value, nil
// when undefined: an int, a float64 or a []string.
type Field struct {
	Key   string
	Value any
}

// Fields returns the figures in the JSON key order (without format and
// graph), for tables and CSV.
func (s *Stats) Fields() []Field {
	opt := func(p *float64) any {
		if p == nil {
			return nil
		}
		return *p
	}
	opti := func(p *int) any {
		if p == nil {
			return nil
		}
		return *p
	}
	return []Field{
		{"nodes", s.Nodes}, {"edges", s.Edges}, {"density", opt(s.Density)},
		{"diameter", opti(s.Diameter)}, {"average_path_length", opt(s.AveragePathLength)},
		{"average_clustering", opt(s.AverageClustering)}, {"transitivity", opt(s.Transitivity)},
		{"average_degree", opt(s.AverageDegree)}, {"max_degree", opti(s.MaxDegree)},
		{"max_degree_ids", s.MaxDegreeIDs}, {"connected_components", s.ConnectedComponents},
		{"largest_component", s.LargestComponent}, {"assortativity", opt(s.Assortativity)},
	}
}

// adjacency is an unweighted CSR copy of g (see package centrality for the
// weighted one): node i's neighbours are adj[off[i]:off[i+1]], sorted, each
// pair once per end.
type adjacency struct {
	n   int
	off []int32
	adj []int32
}

func newAdjacency(g *graph.Graph) *adjacency {
	idx := g.NodeIndex()
	n := len(g.Nodes)
	rows := make([][]int32, n)
	for _, e := range g.Edges {
		u, ok1 := idx[e.Source]
		v, ok2 := idx[e.Target]
		if !ok1 || !ok2 || u == v || !(e.Weight > 0) || math.IsInf(e.Weight, 1) {
			continue
		}
		rows[u] = append(rows[u], int32(v))
		rows[v] = append(rows[v], int32(u))
	}
	a := &adjacency{n: n, off: make([]int32, n+1)}
	for i, r := range rows {
		slices.Sort(r)
		r = slices.Compact(r)
		a.adj = append(a.adj, r...)
		a.off[i+1] = int32(len(a.adj))
	}
	return a
}

func (a *adjacency) degree(v int) int { return int(a.off[v+1] - a.off[v]) }

// componentSizes returns the sizes of the connected components, in order
// of their smallest node.
func (a *adjacency) componentSizes() []int {
	seen := make([]bool, a.n)
	var sizes []int
	queue := make([]int32, 0, a.n)
	for s := range a.n {
		if seen[s] {
			continue
		}
		seen[s] = true
		queue = append(queue[:0], int32(s))
		for h := 0; h < len(queue); h++ {
			v := queue[h]
			for _, u := range a.adj[a.off[v]:a.off[v+1]] {
				if !seen[u] {
					seen[u] = true
					queue = append(queue, u)
				}
			}
		}
		sizes = append(sizes, len(queue))
	}
	return sizes
}

// hopDistances runs a breadth-first search from every node of a connected
// graph and returns the largest distance and the sum of all distances over
// ordered pairs.
func (a *adjacency) hopDistances() (diameter int, sum int64) {
	var next atomic.Int64
	var mu sync.Mutex
	var wg sync.WaitGroup
	workers := max(1, min(runtime.GOMAXPROCS(0), a.n/64))
	for range workers {
		wg.Go(func() {
			dist := make([]int32, a.n)
			queue := make([]int32, 0, a.n)
			var d int32
			var s int64
			for {
				src := int(next.Add(1) - 1)
				if src >= a.n {
					break
				}
				for i := range dist {
					dist[i] = -1
				}
				dist[src] = 0
				queue = append(queue[:0], int32(src))
				for h := 0; h < len(queue); h++ {
					v := queue[h]
					dv := dist[v] + 1
					for _, u := range a.adj[a.off[v]:a.off[v+1]] {
						if dist[u] < 0 {
							dist[u] = dv
							s += int64(dv)
							d = max(d, dv)
							queue = append(queue, u)
						}
					}
				}
			}
			mu.Lock()
			diameter = max(diameter, int(d))
			sum += s
			mu.Unlock()
		})
	}
	wg.Wait()
	return diameter, sum
}
