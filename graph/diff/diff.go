package diff

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/centrality"
	"github.com/relgraph/relgraph/internal/stats"
)

// FormatID is the value of the "format" field of a diff document.
const FormatID = "relgraph/diff@1"

// Result is the comparison of graph A (before) with graph B (after). All
// lists are sorted by id, or by (source, target) for edges; Measures by id,
// then in the order of Options.Measures. The JSON keys are those of the
// relgraph/diff@1 document of DESIGN.md plus measures, similarity, summary,
// normalized and match.
type Result struct {
	Format string    `json:"format"`
	A      Side      `json:"a"`
	B      Side      `json:"b"`
	Nodes  NodeDiff  `json:"nodes"`
	Edges  EdgeDiff  `json:"edges"`
	Ranks  []RankRow `json:"ranks"`
	// Measures has one row per kept character and measure.
	Measures []MeasureRow `json:"measures"`
	// Similarity scores the two graphs as wholes.
	Similarity Similarity `json:"similarity"`
	// Summary is a short English paragraph on the main changes
	// (deterministic: the same result gives the same words).
	Summary string `json:"summary"`
	// Normalized is true when weights were divided by each episode's units.
	Normalized bool `json:"normalized"`
	// Match is how characters were matched: "id" or "name".
	Match string `json:"match"`
}

// Side summarises one of the two graphs: its name and its size in counts.
// Units is the episode's number of units (0 when unknown).
type Side struct {
	ID    string `json:"id"`
	Nodes int    `json:"nodes"`
	Edges int    `json:"edges"`
	Units int    `json:"units,omitempty"`
}

// NodeDiff lists character ids present only in B (Added), only in A
// (Removed) and in both (Kept).
type NodeDiff struct {
	Added   []string `json:"added"`
	Removed []string `json:"removed"`
	Kept    []string `json:"kept"`
}

// EdgeDiff lists interactions present only in B (Added, with B's weight),
// only in A (Removed, with A's weight), and in both with different weights
// (Changed). Edges of equal weight in both graphs are not listed.
type EdgeDiff struct {
	Added   []EdgeWeight `json:"added"`
	Removed []EdgeWeight `json:"removed"`
	Changed []EdgeChange `json:"changed"`
}

// EdgeWeight is an edge of one graph with its weight (an interaction count,
// or interactions per unit with Options.Normalize).
type EdgeWeight struct {
	Source string  `json:"source"`
	Target string  `json:"target"`
	Weight float64 `json:"weight"`
}

// EdgeChange is an edge of both graphs whose weight differs.
// Delta = WeightB − WeightA (> 0: the tie strengthens); Relative = Delta /
// WeightA (−0.75: the tie lost three quarters of its weight).
type EdgeChange struct {
	Source   string  `json:"source"`
	Target   string  `json:"target"`
	WeightA  float64 `json:"weight_a"`
	WeightB  float64 `json:"weight_b"`
	Delta    float64 `json:"delta"`
	Relative float64 `json:"relative"`
}

// RankRow is a character's rank by strength in A and in B (1 = strongest;
// competition ranks, see SharedRanks: tied characters share the best rank
// of their group, strengths 6, 4, 4, 4 rank 1, 2, 2, 2). RankA is nil for a
// character only in B, RankB nil for one only in A, and Delta = RankB −
// RankA is nil unless both exist: a negative Delta means the character
// moved up, 0 that its (shared) rank stayed, whatever the id order within
// a tie.
// Name is the display name in B, or in A for a character only in A.
type RankRow struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	RankA *int   `json:"rank_a"`
	RankB *int   `json:"rank_b"`
	Delta *int   `json:"delta"`
}

// MeasureRow is the value of one measure (see centrality.AllMeasures) for
// one kept character in A and in B; Delta = B − A.
type MeasureRow struct {
	ID      string  `json:"id"`
	Measure string  `json:"measure"`
	A       float64 `json:"a"`
	B       float64 `json:"b"`
	Delta   float64 `json:"delta"`
}

// Similarity scores how alike the two graphs are; each is in [0, 1] (or
// [−1, 1] for StrengthSpearman) and nil (JSON null) when undefined.
//
//   - NodeJaccard = |V_A ∩ V_B| / |V_A ∪ V_B|; nil when both graphs have
//     no character.
//   - EdgeJaccard = |E_A ∩ E_B| / |E_A ∪ E_B| over undirected pairs of
//     matched characters; nil when neither graph has an edge.
//   - WeightedJaccard = Σ_e min(w_A(e), w_B(e)) / Σ_e max(w_A(e), w_B(e))
//     over the union of the edges, a missing edge weighing 0: graph-tool's
//     Jaccard adjacency similarity with edge weights
//     (graph_tool.topology.similarity(g1, g2, eweight1, eweight2) with the
//     default norm=True, p=1; https://graph-tool.skewed.de/static/doc/autosummary/graph_tool.topology.similarity.html).
//     nil when neither graph has an edge.
//   - StrengthSpearman is Spearman's rank correlation of the kept
//     characters' strength in A and in B: the Pearson correlation of their
//     ranks, tied values sharing the average of the ranks they span
//     (C. Spearman, "The proof and measurement of association between two
//     things", Am. J. Psychol. 15, 1904, doi:10.2307/1412159). nil with
//     fewer than two kept characters, or when the strengths on one side
//     are all equal (the correlation is 0/0).
type Similarity struct {
	NodeJaccard      *float64 `json:"node_jaccard"`
	EdgeJaccard      *float64 `json:"edge_jaccard"`
	WeightedJaccard  *float64 `json:"weighted_jaccard"`
	StrengthSpearman *float64 `json:"strength_spearman"`
}

// Options says how Compare matches, weighs and measures.
type Options struct {
	// Measures lists the measures of Result.Measures (names from
	// centrality.AllMeasures); nil or empty means all of them.
	Measures []string
	// Distance is the edge length of the path measures (betweenness,
	// closeness, harmonic); the zero value is centrality.Inverse. Betweenness
	// is normalised as by the command line (× 2/((n−1)(n−2))).
	Distance centrality.Distance
	// Normalize divides every weight by the Episode.Units of its graph; a
	// graph without a unit count is an error.
	Normalize bool
	// Match is "id" (or "") to match characters by id, "name" to match them
	// by display name (graph.Node.Label). With "name", a kept or removed
	// character is reported under its id in A, an added one under its id in
	// B — prefixed "b:" when that id names another character of A; a name
	// carried by two characters of one graph is an error.
	Match string
}

// Compare compares a (before) with b (after), matching characters by id,
// with all measures and inverse distances. Both graphs must be undirected
// and valid (graph.Graph.Validate). The result is deterministic.
func Compare(a, b *graph.Graph) (*Result, error) {
	return CompareWith(a, b, Options{})
}

// CompareWith compares a (before) with b (after) as opt says. Errors: an
// unknown measure or Match, a graph without units under Normalize, a name
// shared by two characters under Match "name".
func CompareWith(a, b *graph.Graph, opt Options) (*Result, error) {
	if a == nil || b == nil {
		return nil, fmt.Errorf("diff: nil graph")
	}
	match := cmp.Or(opt.Match, "id")
	var err error
	switch match {
	case "id":
	case "name":
		if a, b, err = matchByName(a, b); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("diff: unknown match %q (valid: id, name)", opt.Match)
	}
	if opt.Normalize {
		if a, err = Normalize(a); err != nil {
			return nil, err
		}
		if b, err = Normalize(b); err != nil {
			return nil, err
		}
	}
	va, err := Measure(a, opt)
	if err != nil {
		return nil, err
	}
	vb, err := Measure(b, opt)
	if err != nil {
		return nil, err
	}
	r := compare(a, b, va, vb, opt)
	r.Normalized = opt.Normalize
	r.Match = match
	return r, nil
}

// Values holds measures of one graph: measure name → values indexed like
// g.Nodes.
type Values map[string][]float64

// pathMeasures need shortest-path searches; centrality.Rank computes them
// in one sweep.
var pathMeasures = []string{"betweenness", "closeness", "harmonic"}

// MeasureNames returns opt.Measures, or centrality.AllMeasures when it is
// empty, after checking every name; it is an error to name an unknown
// measure or one twice.
func MeasureNames(opt Options) ([]string, error) {
	ms := opt.Measures
	if len(ms) == 0 {
		return slices.Clone(centrality.AllMeasures), nil
	}
	for i, m := range ms {
		if !slices.Contains(centrality.AllMeasures, m) {
			return nil, fmt.Errorf("diff: unknown measure %q (valid: %s)", m, strings.Join(centrality.AllMeasures, ", "))
		}
		if slices.Contains(ms[:i], m) {
			return nil, fmt.Errorf("diff: measure %q listed twice", m)
		}
	}
	return slices.Clone(ms), nil
}

// Measure computes the measures of opt (all when empty) and strength on g,
// with opt.Distance and normalised betweenness, as the command line does.
// The values are those of centrality.Rank; without a path measure the
// cheaper per-measure functions are called directly.
func Measure(g *graph.Graph, opt Options) (Values, error) {
	ms, err := MeasureNames(opt)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(ms, "strength") {
		ms = append(ms, "strength")
	}
	out := make(Values, len(ms))
	if slices.ContainsFunc(ms, func(m string) bool { return slices.Contains(pathMeasures, m) }) {
		rk, err := centrality.Rank(g, centrality.Options{By: "strength", Measures: ms, Distance: opt.Distance, Normalized: true})
		if err != nil {
			return nil, err
		}
		idx := g.NodeIndex()
		for _, m := range ms {
			out[m] = make([]float64, len(g.Nodes))
		}
		for _, row := range rk.Rows {
			i := idx[row.ID]
			for _, m := range ms {
				out[m][i] = row.Values[m]
			}
		}
		return out, nil
	}
	for _, m := range ms {
		switch m {
		case "degree":
			out[m] = centrality.Degree(g)
		case "strength":
			out[m] = centrality.Strength(g)
		case "eigenvector":
			out[m] = centrality.Eigenvector(g)
		case "pagerank":
			out[m] = centrality.PageRank(g, centrality.DefaultDamping)
		}
	}
	return out, nil
}

// CompareValues is Compare for callers that have measured both graphs
// already (a series measures every episode once): va and vb must come from
// Measure(a, opt) and Measure(b, opt). Characters are matched by id;
// opt.Normalize and a Match other than "id" are errors here (transform the
// graphs first, e.g. with Normalize).
func CompareValues(a, b *graph.Graph, va, vb Values, opt Options) (*Result, error) {
	if opt.Normalize || (opt.Match != "" && opt.Match != "id") {
		return nil, fmt.Errorf("diff: CompareValues matches by id on the graphs as given")
	}
	ms, err := MeasureNames(opt)
	if err != nil {
		return nil, err
	}
	for _, m := range append(ms, "strength") {
		if len(va[m]) != len(a.Nodes) || len(vb[m]) != len(b.Nodes) {
			return nil, fmt.Errorf("diff: CompareValues: measure %q missing or not indexed like the nodes", m)
		}
	}
	r := compare(a, b, va, vb, opt)
	r.Match = "id"
	return r, nil
}

// Ranks returns the position of every node of g in centrality.Rank's order
// by the values v (indexed like g.Nodes): 1..n without gaps, ties broken by
// id (centrality.Ranks). It is the row order of a ranking; the ranks a diff
// reports and compares are SharedRanks, which do not depend on ids.
func Ranks(g *graph.Graph, v []float64) []int { return centrality.Ranks(g, v) }

// Normalize returns a copy of g whose edge weights are divided by
// g.Episode.Units (interactions per unit). It is an error when g has no
// unit count.
func Normalize(g *graph.Graph) (*graph.Graph, error) {
	if g.Episode.Units <= 0 {
		return nil, fmt.Errorf("diff: graph %s has no unit count (episode.units); normalising divides weights by it", g.Name())
	}
	c := *g
	c.Edges = slices.Clone(g.Edges)
	u := float64(g.Episode.Units)
	for i := range c.Edges {
		c.Edges[i].Weight /= u
	}
	return &c, nil
}

// matchByName returns copies of a and b whose node ids are replaced so that
// characters of the same display name share an id (see Options.Match).
func matchByName(a, b *graph.Graph) (*graph.Graph, *graph.Graph, error) {
	byName := func(g *graph.Graph, side string) (map[string]string, error) {
		m := make(map[string]string, len(g.Nodes))
		for _, n := range g.Nodes {
			if other, dup := m[n.Label()]; dup {
				return nil, fmt.Errorf("diff: matching by name: graph %s (%s) has two characters named %q (ids %q and %q)", side, g.Name(), n.Label(), other, n.ID)
			}
			m[n.Label()] = n.ID
		}
		return m, nil
	}
	na, err := byName(a, "A")
	if err != nil {
		return nil, nil, err
	}
	if _, err := byName(b, "B"); err != nil {
		return nil, nil, err
	}
	idsA := make(map[string]bool, len(a.Nodes))
	for _, n := range a.Nodes {
		idsA[n.ID] = true
	}
	rename := make(map[string]string, len(b.Nodes))
	for _, n := range b.Nodes {
		if id, ok := na[n.Label()]; ok {
			rename[n.ID] = id
			continue
		}
		id := n.ID
		for idsA[id] {
			id = "b:" + id
		}
		rename[n.ID] = id
	}
	c := *b
	c.Nodes = slices.Clone(b.Nodes)
	for i := range c.Nodes {
		c.Nodes[i].ID = rename[c.Nodes[i].ID]
	}
	c.Edges = slices.Clone(b.Edges)
	for i := range c.Edges {
		c.Edges[i].Source, c.Edges[i].Target = rename[c.Edges[i].Source], rename[c.Edges[i].Target]
	}
	c.Canonicalize()
	return a, &c, nil
}

type pair struct{ s, t string }

func edgeKey(e graph.Edge) pair {
	if e.Source > e.Target {
		return pair{e.Target, e.Source}
	}
	return pair{e.Source, e.Target}
}

// compare builds the Result from the two graphs and their measures.
func compare(a, b *graph.Graph, va, vb Values, opt Options) *Result {
	r := &Result{
		Format:   FormatID,
		A:        Side{ID: a.Name(), Nodes: len(a.Nodes), Edges: len(a.Edges), Units: a.Episode.Units},
		B:        Side{ID: b.Name(), Nodes: len(b.Nodes), Edges: len(b.Edges), Units: b.Episode.Units},
		Nodes:    NodeDiff{Added: []string{}, Removed: []string{}, Kept: []string{}},
		Edges:    EdgeDiff{Added: []EdgeWeight{}, Removed: []EdgeWeight{}, Changed: []EdgeChange{}},
		Ranks:    []RankRow{},
		Measures: []MeasureRow{},
	}
	names := map[string]string{}
	inA := make(map[string]bool, len(a.Nodes))
	for _, n := range a.Nodes {
		inA[n.ID] = true
		names[n.ID] = n.Label()
	}
	inB := make(map[string]bool, len(b.Nodes))
	for _, n := range b.Nodes {
		inB[n.ID] = true
		names[n.ID] = n.Label()
		if inA[n.ID] {
			r.Nodes.Kept = append(r.Nodes.Kept, n.ID)
		} else {
			r.Nodes.Added = append(r.Nodes.Added, n.ID)
		}
	}
	for _, n := range a.Nodes {
		if !inB[n.ID] {
			r.Nodes.Removed = append(r.Nodes.Removed, n.ID)
		}
	}
	// The lists follow node order, which is by id in canonical graphs; sort
	// anyway so that hand-built graphs give the same answer.
	slices.Sort(r.Nodes.Added)
	slices.Sort(r.Nodes.Removed)
	slices.Sort(r.Nodes.Kept)

	wa := make(map[pair]float64, len(a.Edges))
	for _, e := range a.Edges {
		wa[edgeKey(e)] += e.Weight
	}
	wb := make(map[pair]float64, len(b.Edges))
	for _, e := range b.Edges {
		wb[edgeKey(e)] += e.Weight
	}
	var sumMin, sumMax float64
	common := 0
	for k, w := range wb {
		old, ok := wa[k]
		if !ok {
			r.Edges.Added = append(r.Edges.Added, EdgeWeight{k.s, k.t, w})
			sumMax += w
			continue
		}
		common++
		sumMin += min(old, w)
		sumMax += max(old, w)
		if old != w {
			d := w - old
			r.Edges.Changed = append(r.Edges.Changed, EdgeChange{k.s, k.t, old, w, d, d / old})
		}
	}
	for k, w := range wa {
		if _, ok := wb[k]; !ok {
			r.Edges.Removed = append(r.Edges.Removed, EdgeWeight{k.s, k.t, w})
			sumMax += w
		}
	}
	byPair := func(s1, t1, s2, t2 string) int { return cmp.Or(cmp.Compare(s1, s2), cmp.Compare(t1, t2)) }
	slices.SortFunc(r.Edges.Added, func(x, y EdgeWeight) int { return byPair(x.Source, x.Target, y.Source, y.Target) })
	slices.SortFunc(r.Edges.Removed, func(x, y EdgeWeight) int { return byPair(x.Source, x.Target, y.Source, y.Target) })
	slices.SortFunc(r.Edges.Changed, func(x, y EdgeChange) int { return byPair(x.Source, x.Target, y.Source, y.Target) })

	// Similarity.
	if union := len(r.Nodes.Added) + len(r.Nodes.Removed) + len(r.Nodes.Kept); union > 0 {
		r.Similarity.NodeJaccard = ptr(float64(len(r.Nodes.Kept)) / float64(union))
	}
	if union := len(wa) + len(wb) - common; union > 0 {
		r.Similarity.EdgeJaccard = ptr(float64(common) / float64(union))
		if sumMax > 0 {
			r.Similarity.WeightedJaccard = ptr(sumMin / sumMax)
		}
	}

	idxA, idxB := a.NodeIndex(), b.NodeIndex()
	rankA, rankB := SharedRanks(a, va["strength"]), SharedRanks(b, vb["strength"])
	ids := make([]string, 0, len(names))
	for id := range names {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		row := RankRow{ID: id, Name: names[id]}
		if i, ok := idxA[id]; ok {
			row.RankA = ptr(rankA[i])
		}
		if i, ok := idxB[id]; ok {
			row.RankB = ptr(rankB[i])
		}
		if row.RankA != nil && row.RankB != nil {
			row.Delta = ptr(*row.RankB - *row.RankA)
		}
		r.Ranks = append(r.Ranks, row)
	}

	ms, _ := MeasureNames(opt) // checked by the callers
	sa := make([]float64, 0, len(r.Nodes.Kept))
	sb := make([]float64, 0, len(r.Nodes.Kept))
	for _, id := range r.Nodes.Kept {
		i, j := idxA[id], idxB[id]
		for _, m := range ms {
			x, y := va[m][i], vb[m][j]
			r.Measures = append(r.Measures, MeasureRow{ID: id, Measure: m, A: x, B: y, Delta: y - x})
		}
		sa = append(sa, va["strength"][i])
		sb = append(sb, vb["strength"][j])
	}
	r.Similarity.StrengthSpearman = Spearman(sa, sb)
	r.Summary = summarize(r, names)
	return r
}

func ptr[T any](v T) *T { return &v }

// Spearman returns Spearman's rank correlation of x and y (equal lengths):
// the Pearson correlation of their ranks, where tied values get the
// average of the ranks they span (1-based). It returns nil when the
// correlation is undefined: fewer than two values, or all values of x or
// of y equal.
func Spearman(x, y []float64) *float64 {
	rho := stats.Spearman(x, y)
	if math.IsNaN(rho) {
		return nil
	}
	return ptr(rho)
}

// AverageRanks returns the 1-based ascending ranks of v, indexed like v;
// equal values share the mean of the ranks they occupy ([10, 20, 20, 30] →
// [1, 2.5, 2.5, 4]).
func AverageRanks(v []float64) []float64 { return stats.AverageRanks(v) }
