package centrality

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/relgraph/relgraph/graph"
)

// EdgeRankingFormat is the value of the "format" field of an edge ranking
// document (relgraph rank --edges).
const EdgeRankingFormat = "relgraph/edge-ranking@1"

// EdgeBetweenness returns the shortest-path betweenness of every edge,
// indexed like g.Edges:
//
//	C_B(e) = Σ_{s<t} σ_st(e) / σ_st
//
// where σ_st is the number of shortest s–t paths and σ_st(e) the number of
// those using e; each unordered pair {s, t} counts once (M. Girvan and
// M. E. J. Newman, "Community structure in social and biological networks",
// PNAS 99, 2002, doi:10.1073/pnas.122653799; computed with Brandes'
// accumulation). With normalized it is multiplied by 2/(n(n−1)), the number
// of pairs, so values lie in [0, 1] (0 for n ≤ 1): NetworkX's
// edge_betweenness_centrality(G, normalized=normalized), with weight=1/w for
// Inverse. Lengths follow d as in Betweenness, with the same tolerance for
// ties. An edge the kernels ignore (a self-loop, a weight that is not a
// positive finite number, an unknown end) gets 0; two edges between the same
// pair both get the value of their merged edge.
//
// The betweenness of a node v relates to its edges' by
// Σ_{e∋v} C_B(e) = 2 C_B(v) + r_v (unnormalised; r_v = nodes reachable from
// v), which the tests check.
//
// EdgeBetweenness panics if d is not Inverse or Unit.
func EdgeBetweenness(g *graph.Graph, d Distance, normalized bool) []float64 {
	d.mustValid()
	a := newAdjacency(g)
	res := sweep(a, d, normalized, wantEdges)
	return edgeValues(g, a, res.edges)
}

// edgeValues maps values indexed by a's edge ids to g.Edges.
func edgeValues(g *graph.Graph, a *adjacency, byID []float64) []float64 {
	if g == nil {
		return nil
	}
	out := make([]float64, len(g.Edges))
	if len(byID) == 0 {
		return out
	}
	eid, _ := a.edgeIDs()
	idx := g.NodeIndex()
	for i, e := range g.Edges {
		u, ok1 := idx[e.Source]
		v, ok2 := idx[e.Target]
		if !ok1 || !ok2 || u == v {
			continue
		}
		if k := a.find(int32(u), int32(v)); k >= 0 {
			out[i] = byID[eid[k]]
		}
	}
	return out
}

// EdgeRow is one edge of an EdgeRanking.
type EdgeRow struct {
	// Rank is the 1-based position after sorting by Betweenness
	// descending, ties by (Source, Target).
	Rank int
	// Source and Target are the node ids of the edge's ends, Source < Target.
	Source, Target string
	// Weight is the edge's weight (interactions).
	Weight float64
	// Betweenness is the edge betweenness (see EdgeBetweenness).
	Betweenness float64
}

// EdgeRanking is the edges of a graph ordered by edge betweenness; its JSON
// form is the "relgraph/edge-ranking@1" document.
type EdgeRanking struct {
	// Graph names the graph (graph.Graph.Name).
	Graph string
	// Distance and Normalized are the settings EdgeBetweenness used.
	Distance   Distance
	Normalized bool
	// Rows are the edges, highest betweenness first (truncated to Top).
	Rows []EdgeRow
}

// RankEdges computes the edge betweenness of g with opt.Distance and
// opt.Normalized and sorts the edges by it, descending, ties broken by
// (source, target) ascending; values that agree to 12 significant digits
// count as tied. Edges the kernels ignore (see the package documentation)
// are left out; opt.Top keeps the first rows. opt.By and opt.Measures are
// not used. It returns an error for an invalid Distance or a negative Top.
func RankEdges(g *graph.Graph, opt Options) (*EdgeRanking, error) {
	if g == nil {
		return nil, fmt.Errorf("centrality: RankEdges of a nil graph")
	}
	if !opt.Distance.valid() {
		return nil, fmt.Errorf("centrality: invalid distance %v (valid: inverse, unit)", opt.Distance)
	}
	if opt.Top < 0 {
		return nil, fmt.Errorf("centrality: negative top %d (0 keeps all rows)", opt.Top)
	}
	a := newAdjacency(g)
	res := sweep(a, opt.Distance, opt.Normalized, wantEdges)
	eid, _ := a.edgeIDs()
	var rows []EdgeRow
	for u := range a.n {
		for k := a.off[u]; k < a.off[u+1]; k++ {
			v := a.adj[k]
			if int(v) < u {
				continue
			}
			s, t := g.Nodes[u].ID, g.Nodes[v].ID
			if s > t {
				s, t = t, s
			}
			rows = append(rows, EdgeRow{Source: s, Target: t, Weight: a.w[k], Betweenness: res.edges[eid[k]]})
		}
	}
	slices.SortFunc(rows, func(x, y EdgeRow) int {
		return cmp.Or(cmp.Compare(RankKey(y.Betweenness), RankKey(x.Betweenness)),
			cmp.Compare(x.Source, y.Source), cmp.Compare(x.Target, y.Target))
	})
	for i := range rows {
		rows[i].Rank = i + 1
	}
	if opt.Top > 0 && opt.Top < len(rows) {
		rows = rows[:opt.Top]
	}
	if rows == nil {
		rows = []EdgeRow{}
	}
	return &EdgeRanking{Graph: g.Name(), Distance: opt.Distance, Normalized: opt.Normalized, Rows: rows}, nil
}

// MarshalJSON writes the "relgraph/edge-ranking@1" document:
//
//	{"format":"relgraph/edge-ranking@1","graph":…,"distance":"inverse",
//	 "normalized":true,"rows":[{"rank":1,"source":…,"target":…,
//	 "weight":…,"betweenness":…}]}
func (r *EdgeRanking) MarshalJSON() ([]byte, error) {
	type row struct {
		Rank        int     `json:"rank"`
		Source      string  `json:"source"`
		Target      string  `json:"target"`
		Weight      float64 `json:"weight"`
		Betweenness float64 `json:"betweenness"`
	}
	doc := struct {
		Format     string `json:"format"`
		Graph      string `json:"graph"`
		Distance   string `json:"distance"`
		Normalized bool   `json:"normalized"`
		Rows       []row  `json:"rows"`
	}{EdgeRankingFormat, r.Graph, r.Distance.String(), r.Normalized, make([]row, len(r.Rows))}
	for i, e := range r.Rows {
		doc.Rows[i] = row(e)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("centrality: edge ranking: %w", err)
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}
