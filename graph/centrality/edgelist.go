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
	measures, by, a, err := el.prepare(opt)
	if err != nil {
		return nil, err
	}
	return rankAdjacency(a, el.Name, func(i int) (string, string) { return el.IDs[i], el.IDs[i] }, measures, by, opt)
}

// prepare checks opt (Rank's option errors first) and builds the
// adjacency of el.
func (el *EdgeList) prepare(opt Options) (measures []string, by string, a *adjacency, err error) {
	if measures, by, err = opt.check(); err != nil {
		return nil, "", nil, err
	}
	a, err = el.adjacency()
	return measures, by, a, err
}

// RankColumns is a ranking held by columns, as RankEdgeListColumns
// returns it: the Ranking that RankEdgeList gives without a Row (and a
// map of values) per node, for writers that need none (relgraph rank's CSV
// output, where the rows' maps were a tenth of the time on a 10,000-node
// edge list).
type RankColumns struct {
	// Graph, By and Measures are Ranking's.
	Graph, By string
	Measures  []string
	// Order holds the node indices (positions in the EdgeList's IDs), best
	// first: Order[r] is the node of Ranking.Rows[r] (rank r+1), whose id
	// and name are both IDs[Order[r]].
	Order []int
	// Values holds the values of every measure of Measures and of By,
	// keyed by measure name, each indexed by node (not by rank).
	Values map[string][]float64
}

// RankEdgeListColumns is RankEdgeList with the ranking as columns: the same
// order and values to the last bit, and the same errors.
func RankEdgeListColumns(el *EdgeList, opt Options) (*RankColumns, error) {
	measures, by, a, err := el.prepare(opt)
	if err != nil {
		return nil, err
	}
	_, values, order, err := rankValues(a, func(i int) string { return el.IDs[i] }, measures, by, opt)
	if err != nil {
		return nil, err
	}
	return &RankColumns{Graph: el.Name, By: by, Measures: measures, Order: order, Values: values}, nil
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
