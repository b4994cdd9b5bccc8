package centrality

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/relgraph/relgraph/graph"
)

// RankingFormat is the value of the "format" field of a ranking document.
const RankingFormat = "relgraph/ranking@1"

// AllMeasures lists the default measures of a ranking, in column order: the
// seven classic ones. (Its name predates EveryMeasure; it is kept for
// callers.)
var AllMeasures = []string{"degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank"}

// EveryMeasure lists every measure Rank knows, in column order: AllMeasures,
// then katz (Katz), clustering (Clustering), clustering_weighted
// (ClusteringWeighted) and coreness (Coreness). It is what the command
// line's --measures all selects.
var EveryMeasure = []string{"degree", "strength", "betweenness", "closeness", "harmonic", "eigenvector", "pagerank",
	"katz", "clustering", "clustering_weighted", "coreness"}

// Options says what Rank computes and how it orders the nodes.
type Options struct {
	// By names the measure the nodes are sorted on, descending; "" means
	// "strength". It need not be listed in Measures.
	By string
	// Measures are the columns of the ranking, in order; nil or empty means
	// AllMeasures. Each must be one of EveryMeasure, at most once.
	Measures []string
	// Distance is the edge length of the path measures (betweenness,
	// closeness, harmonic); the zero value is Inverse (1/weight).
	Distance Distance
	// Normalized multiplies betweenness by 2/((n−1)(n−2)) (see
	// Betweenness); it changes no other measure. The command line sets it by
	// default.
	Normalized bool
	// Top keeps only the first Top rows after ranking; 0 keeps all.
	Top int
	// KatzAlpha is Katz's attenuation factor; 0 means 0.85/λ_max (see Katz).
	KatzAlpha float64
}

// Row is one node of a Ranking.
type Row struct {
	// Rank is the 1-based position after sorting (1 = highest value).
	Rank int
	// ID is the node id; Name its display name (the ID when it has none).
	ID, Name string
	// Values holds the node's value of every measure in Ranking.Measures and
	// of Ranking.By, keyed by measure name; after Bootstrap also the
	// interval ends "<measure>_low" and "<measure>_high" of every measure in
	// Ranking.Measures.
	Values map[string]float64
	// RankLow and RankHigh are the ends of the rank's bootstrap interval
	// (best and worst rank; 0 without Bootstrap).
	RankLow, RankHigh int
}

// Ranking is the nodes of a graph ordered by one measure, with the values of
// several measures; its JSON form is the "relgraph/ranking@1" document.
type Ranking struct {
	// Graph names the graph (graph.Graph.Name: its episode id, or "graph").
	Graph string
	// By is the measure the rows are sorted on.
	By string
	// Distance and Normalized are the settings the path measures used.
	Distance   Distance
	Normalized bool
	// Measures are the columns, in order.
	Measures []string
	// Rows are the nodes, best first (truncated to Options.Top).
	Rows []Row
	// Bootstrap is set by Bootstrap: the rows then carry intervals.
	Bootstrap *BootstrapInfo
}

// Rank computes the requested measures (and opt.By) on g, sorts the nodes by
// opt.By descending, breaking ties by id ascending, and numbers them 1..n
// without gaps; then it keeps the first opt.Top rows. Values that agree to
// 12 significant digits count as tied, so floating-point noise (e.g. in the
// betweenness of two symmetric nodes, summed in different orders) does not
// decide an order. PageRank uses DefaultDamping.
//
// Rank returns an error, naming the bad value and listing the valid ones,
// for an unknown or repeated measure, an unknown By, an invalid Distance or
// a negative Top.
func Rank(g *graph.Graph, opt Options) (*Ranking, error) {
	if g == nil {
		return nil, fmt.Errorf("centrality: Rank of a nil graph")
	}
	measures, by, err := opt.check()
	if err != nil {
		return nil, err
	}
	return rankAdjacency(newAdjacency(g), g.Name(), func(i int) (string, string) {
		return g.Nodes[i].ID, g.Nodes[i].Label()
	}, measures, by, opt)
}

// check validates opt and returns the measures (AllMeasures when none)
// and the measure to rank by, with Rank's errors.
func (opt Options) check() (measures []string, by string, err error) {
	by = opt.By
	if by == "" {
		by = "strength"
	}
	valid := strings.Join(EveryMeasure, ", ")
	if !slices.Contains(EveryMeasure, by) {
		return nil, "", fmt.Errorf("centrality: unknown measure %q to rank by (valid: %s)", opt.By, valid)
	}
	measures = slices.Clone(opt.Measures)
	if len(measures) == 0 {
		measures = slices.Clone(AllMeasures)
	}
	for i, m := range measures {
		if !slices.Contains(EveryMeasure, m) {
			return nil, "", fmt.Errorf("centrality: unknown measure %q (valid: %s)", m, valid)
		}
		if slices.Contains(measures[:i], m) {
			return nil, "", fmt.Errorf("centrality: measure %q listed twice", m)
		}
	}
	if !opt.Distance.valid() {
		return nil, "", fmt.Errorf("centrality: invalid distance %v (valid: inverse, unit)", opt.Distance)
	}
	if opt.Top < 0 {
		return nil, "", fmt.Errorf("centrality: negative top %d (0 keeps all rows)", opt.Top)
	}
	return measures, by, nil
}

// rankAdjacency is Rank on the CSR form a of a graph named name, whose
// node i has the id and label node(i); measures and by come from
// Options.check.
func rankAdjacency(a *adjacency, name string, node func(i int) (id, label string), measures []string, by string, opt Options) (*Ranking, error) {
	need, values, order, err := rankValues(a, func(i int) string { id, _ := node(i); return id }, measures, by, opt)
	if err != nil {
		return nil, err
	}
	rows := make([]Row, len(order))
	for r, i := range order {
		vals := make(map[string]float64, len(need))
		for _, m := range need {
			vals[m] = values[m][i]
		}
		id, label := node(i)
		rows[r] = Row{Rank: r + 1, ID: id, Name: label, Values: vals}
	}
	return &Ranking{
		Graph:      name,
		By:         by,
		Distance:   opt.Distance,
		Normalized: opt.Normalized,
		Measures:   measures,
		Rows:       rows,
	}, nil
}

// rankValues computes the measures of a that a ranking by by needs
// (measures, and by when it is not among them: need) and the ranking's
// order: the node indices best first (see rankOrderOf; id(i) is node i's
// id), truncated to opt.Top. values holds each needed measure's values
// indexed by node, keyed by measure name.
func rankValues(a *adjacency, id func(i int) string, measures []string, by string, opt Options) (need []string, values map[string][]float64, order []int, err error) {
	need = measures
	if !slices.Contains(need, by) {
		need = append(slices.Clip(need), by)
	}
	values, err = compute(a, need, opt)
	if err != nil {
		return nil, nil, nil, err
	}
	order = rankOrderOf(a.n, id, values[by])
	if opt.Top > 0 && opt.Top < a.n {
		order = order[:opt.Top]
	}
	return need, values, order, nil
}

// rankOrder returns the node indices of g sorted by val descending (values
// rounded to 12 significant digits, see Rank), ties by id ascending.
func rankOrder(g *graph.Graph, val []float64) []int {
	return rankOrderOf(len(g.Nodes), func(i int) string { return g.Nodes[i].ID }, val)
}

// rankOrderOf is rankOrder for the n nodes whose ids are id(i).
func rankOrderOf(n int, id func(i int) string, val []float64) []int {
	// Sort (value, index) records, which sit side by side in memory,
	// rather than indices into g.Nodes. Ids are unique, so the order is
	// total and an unstable sort gives the same result as a stable one.
	//
	// RankKey (a decimal round trip, about 0.3 µs) is monotone in v, so
	// sorting by the values themselves puts the nodes in key order except
	// within runs of values whose keys may be equal, which are then sorted
	// again by (key, id). Values further apart than 1e-10 of the larger
	// have different keys (rounding to 12 significant digits moves a value
	// by at most 5e-12 of itself), so RankKey is computed only for values
	// closer than that to a neighbour.
	// Records of 16 bytes, ids looked up only for ties.
	type item struct {
		key float64 // the value, then its RankKey within a run
		i   int
	}
	items := make([]item, n)
	for i, v := range val {
		items[i] = item{v, i}
	}
	byKey := func(a, b item) int {
		if c := cmp.Compare(b.key, a.key); c != 0 {
			return c
		}
		return cmp.Compare(id(a.i), id(b.i))
	}
	slices.SortFunc(items, byKey)
	for lo := 0; lo < n; {
		hi := lo + 1
		for hi < n && !keysDiffer(items[hi-1].key, items[hi].key) {
			hi++
		}
		if hi-lo > 1 {
			run := items[lo:hi]
			for j := range run {
				run[j].key = RankKey(run[j].key)
			}
			slices.SortFunc(run, byKey)
		}
		lo = hi
	}
	order := make([]int, n)
	for r, it := range items {
		order[r] = it.i
	}
	return order
}

// keysDiffer reports whether RankKey(a) ≠ RankKey(b) is certain for a ≥ b
// (false when unsure: NaN, ±Inf, close values).
func keysDiffer(a, b float64) bool {
	return a-b > 1e-10*math.Max(math.Abs(a), math.Abs(b))
}

// compute returns the measures named in need (all from EveryMeasure) on a,
// keyed by name. The path measures share one sweep of searches, the
// clustering measures one triangle count. Its only error is a bad
// opt.KatzAlpha.
func compute(a *adjacency, need []string, opt Options) (map[string][]float64, error) {
	want := 0
	for _, m := range need {
		switch m {
		case "betweenness":
			want |= wantBetweenness
		case "closeness":
			want |= wantCloseness
		case "harmonic":
			want |= wantHarmonic
		}
	}
	paths := sweep(a, opt.Distance, opt.Normalized, want)
	var plain, onnela []float64
	if slices.Contains(need, "clustering") || slices.Contains(need, "clustering_weighted") {
		plain, onnela = clustering(a, slices.Contains(need, "clustering_weighted"))
	}
	out := make(map[string][]float64, len(need))
	for _, m := range need {
		switch m {
		case "katz":
			k, err := katz(a, opt.KatzAlpha)
			if err != nil {
				return nil, err
			}
			out[m] = k
		case "clustering":
			out[m] = plain
		case "clustering_weighted":
			out[m] = onnela
		case "coreness":
			out[m] = coreness(a)
		case "degree":
			out[m] = degree(a)
		case "strength":
			out[m] = strength(a)
		case "betweenness":
			out[m] = paths.betweenness
		case "closeness":
			out[m] = paths.closeness
		case "harmonic":
			out[m] = paths.harmonic
		case "eigenvector":
			out[m] = eigenvector(a, denseMax)
		case "pagerank":
			out[m] = pagerank(a, DefaultDamping)
		}
	}
	return out, nil
}

// RankKey is the value rankings sort on: v rounded to 12 significant
// digits, so that values equal up to floating-point noise (0.1+0.2 and 0.3)
// tie and are ordered by id. A whole number of at most 12 digits, NaN and
// ±Inf are their own key.
func RankKey(v float64) float64 {
	if v == math.Trunc(v) && math.Abs(v) < 1e12 || math.IsNaN(v) || math.IsInf(v, 0) {
		return v
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		return v
	}
	return r
}

// Ranks returns the rank of every node of g by the values v (indexed like
// g.Nodes), as Rank numbers them: 1 for the highest value, ties (by
// RankKey) broken by id ascending, 1..n without gaps. The result is indexed
// like g.Nodes.
func Ranks(g *graph.Graph, v []float64) []int {
	out := make([]int, len(g.Nodes))
	for r, i := range rankOrder(g, v) {
		out[i] = r + 1
	}
	return out
}

// Columns returns the value columns of the ranking's rows after rank, id
// and name: Measures, and with Bootstrap each measure followed by
// "<measure>_low" and "<measure>_high", then "rank_low" and "rank_high".
// They are the JSON keys and CSV columns of the command line.
func (r *Ranking) Columns() []string {
	if r.Bootstrap == nil {
		return slices.Clone(r.Measures)
	}
	var cols []string
	for _, m := range r.Measures {
		cols = append(cols, m, m+"_low", m+"_high")
	}
	return append(cols, "rank_low", "rank_high")
}

// MarshalJSON writes the "relgraph/ranking@1" document of DESIGN.md:
//
//	{"format":"relgraph/ranking@1","graph":…,"by":…,"distance":"inverse",
//	 "normalized":true,"measures":[…],"rows":[{"rank":1,"id":…,"name":…,
//	 "degree":…,…}]}
//
// Row keys come in a fixed order: rank, id, name, then Columns (the
// measures in Measures order, By only if listed there; with Bootstrap their
// interval ends and rank_low, rank_high, and a "bootstrap" object
// {"samples","seed","level","units"} before "rows"). Whole numbers print without a
// fraction (a degree of 3 is 3).
func (r *Ranking) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	put := func(key string, v any) error {
		k, _ := json.Marshal(key)
		b.Write(k)
		b.WriteByte(':')
		j, err := json.Marshal(v)
		if err != nil {
			return fmt.Errorf("centrality: ranking %s: %w", key, err)
		}
		b.Write(j)
		return nil
	}
	measures := r.Measures
	if measures == nil {
		measures = []string{}
	}
	b.WriteByte('{')
	for i, f := range []struct {
		k string
		v any
	}{
		{"format", RankingFormat},
		{"graph", r.Graph},
		{"by", r.By},
		{"distance", r.Distance.String()},
		{"normalized", r.Normalized},
		{"measures", measures},
	} {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := put(f.k, f.v); err != nil {
			return nil, err
		}
	}
	if bs := r.Bootstrap; bs != nil {
		b.WriteString(`,"bootstrap":{`)
		if err := put("samples", bs.Samples); err != nil {
			return nil, err
		}
		b.WriteByte(',')
		if err := put("seed", bs.Seed); err != nil {
			return nil, err
		}
		b.WriteByte(',')
		if err := put("level", bs.Level); err != nil {
			return nil, err
		}
		b.WriteByte(',')
		if err := put("units", bs.Units); err != nil {
			return nil, err
		}
		b.WriteByte('}')
	}
	b.WriteString(`,"rows":[`)
	for i, row := range r.Rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('{')
		if err := put("rank", row.Rank); err != nil {
			return nil, err
		}
		b.WriteByte(',')
		if err := put("id", row.ID); err != nil {
			return nil, err
		}
		b.WriteByte(',')
		if err := put("name", row.Name); err != nil {
			return nil, err
		}
		for _, m := range r.Columns() {
			b.WriteByte(',')
			var jv any
			if m == "rank_low" || m == "rank_high" {
				jv = row.RankLow
				if m == "rank_high" {
					jv = row.RankHigh
				}
			} else {
				v, ok := row.Values[m]
				if !ok {
					return nil, fmt.Errorf("centrality: ranking row %q has no value for %q", row.ID, m)
				}
				jv = v
				if math.IsNaN(v) || math.IsInf(v, 0) {
					jv = nil // undefined values are null, as DESIGN.md asks
				}
			}
			if err := put(m, jv); err != nil {
				return nil, err
			}
		}
		b.WriteByte('}')
	}
	b.WriteString("]}")
	return b.Bytes(), nil
}
