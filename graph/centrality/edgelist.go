package centrality

import (
	"fmt"
	"math"
)

// EdgeList is a weighted undirected graph as plain arrays, for callers
// that read an edge list straight into numbers (relgraph rank on a CSV
// edge list) without building a graph.Graph: node i has the id IDs[i]
// (which is also its label), edge k joins the nodes at positions Source[k]
// and Target[k] with weight Weight[k]. IDs must be strictly ascending, as
// the nodes of a canonical graph.Graph are, so that RankEdgeList numbers
// and breaks ties exactly as Rank does on that graph.
type EdgeList struct {
	// Name is the graph's name, as graph.Graph.Name gives it.
	Name string
	// IDs are the node ids, strictly ascending.
	IDs []string
	// Source, Target and Weight are the edges, one entry each.
	Source, Target []int32
	Weight         []float64
}

// RankEdgeList is Rank on the graph el describes: the same ranking as Rank
// on the graph.Graph with nodes IDs (no names) and one edge per entry,
// to the last bit when no pair of nodes has two entries (a valid
// graph.Graph has none; here their weights are summed in entry order).
// Self-loops and edges whose weight is not a positive finite number are
// skipped, as Rank skips them. It returns Rank's errors for bad options, and an error when the
// IDs are not strictly ascending, the slices differ in length or an end is
// out of range.
func RankEdgeList(el *EdgeList, opt Options) (*Ranking, error) {
	measures, by, err := opt.check()
	if err != nil {
		return nil, err
	}
	a, err := el.adjacency()
	if err != nil {
		return nil, err
	}
	return rankAdjacency(a, el.Name, func(i int) (string, string) { return el.IDs[i], el.IDs[i] }, measures, by, opt)
}

// adjacency builds the CSR form of el, as newAdjacency builds it for the
// equivalent graph.Graph.
func (el *EdgeList) adjacency() (*adjacency, error) {
	n := len(el.IDs)
	if n > math.MaxInt32 {
		return nil, fmt.Errorf("centrality: edge list of %d nodes is too large", n)
	}
	for i := 1; i < n; i++ {
		if el.IDs[i-1] >= el.IDs[i] {
			return nil, fmt.Errorf("centrality: edge list ids not strictly ascending at %d (%q, %q)", i, el.IDs[i-1], el.IDs[i])
		}
	}
	m := len(el.Source)
	if len(el.Target) != m || len(el.Weight) != m {
		return nil, fmt.Errorf("centrality: edge list of %d sources, %d targets and %d weights", m, len(el.Target), len(el.Weight))
	}
	a := &adjacency{n: n, off: make([]int32, n+1)}
	all := true // every edge kept: fill reads el's slices as they are
	for k := range m {
		u, v := el.Source[k], el.Target[k]
		if u < 0 || int(u) >= n || v < 0 || int(v) >= n {
			return nil, fmt.Errorf("centrality: edge list edge %d joins %d and %d, outside 0..%d", k, u, v, n-1)
		}
		if !kept(u, v, el.Weight[k]) {
			all = false
			continue
		}
		a.off[u+1]++
		a.off[v+1]++
	}
	us, vs, ws := el.Source, el.Target, el.Weight
	if !all {
		us, vs, ws = nil, nil, nil
		for k := range m {
			if kept(el.Source[k], el.Target[k], el.Weight[k]) {
				us, vs, ws = append(us, el.Source[k]), append(vs, el.Target[k]), append(ws, el.Weight[k])
			}
		}
	}
	a.fill(us, vs, ws)
	return a, nil
}
