package centrality

import (
	"cmp"
	"math"
	"math/rand/v2"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// edgeListOf is g as an EdgeList, its edges in a shuffled order (the order
// of rows in a file is arbitrary) with random ends first.
func edgeListOf(g *graph.Graph, seed uint64) *EdgeList {
	idx := g.NodeIndex()
	el := &EdgeList{Name: g.Name()}
	for _, n := range g.Nodes {
		el.IDs = append(el.IDs, n.ID)
	}
	rng := rand.New(rand.NewPCG(seed, 1))
	for _, k := range rng.Perm(len(g.Edges)) {
		e := g.Edges[k]
		s, t := int32(idx[e.Source]), int32(idx[e.Target])
		if rng.IntN(2) == 0 {
			s, t = t, s
		}
		el.Source, el.Target, el.Weight = append(el.Source, s), append(el.Target, t), append(el.Weight, e.Weight)
	}
	return el
}

// TestRankEdgeList checks that RankEdgeList gives Rank's ranking to the last
// bit, every measure, on graphs of every shape the package tests use.
func TestRankEdgeList(t *testing.T) {
	graphs := map[string]*graph.Graph{
		"empty":        build(nil),
		"one node":     build([]string{"a"}),
		"no edges":     build([]string{"a", "b", "c"}),
		"path":         pathGraph(7),
		"star":         starGraph(9),
		"two parts":    disjoint(pathGraph(5), starGraph(6)),
		"random-300":   randomGraph(300, 3, 1),
		"random-2000":  randomGraph(2000, 5, 2),
		"unsorted ids": build([]string{"b", "a", "c", "Z"}, edge{"b", "a", 2}, edge{"c", "Z", 1}, edge{"a", "c", 0.5}),
	}
	for name, g := range graphs {
		for _, opt := range []Options{
			{Measures: EveryMeasure, By: "pagerank", Normalized: true},
			{Measures: []string{"eigenvector"}, By: "eigenvector", Top: 3},
			{Measures: []string{"betweenness", "closeness"}, By: "betweenness", Distance: Unit},
		} {
			want, err := Rank(g, opt)
			if err != nil {
				t.Fatal(err)
			}
			got, err := RankEdgeList(edgeListOf(g, 7), opt)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %v: RankEdgeList differs from Rank:\n got %+v\nwant %+v", name, opt.Measures, got.Rows[:min(3, len(got.Rows))], want.Rows[:min(3, len(want.Rows))])
			}
			// The columns form: the same rows, rebuilt from the columns.
			el := edgeListOf(g, 7)
			cols, err := RankEdgeListColumns(el, opt)
			if err != nil {
				t.Fatalf("%s: columns: %v", name, err)
			}
			if cols.Graph != want.Graph || cols.By != want.By || !slices.Equal(cols.Measures, want.Measures) || len(cols.Order) != len(want.Rows) {
				t.Fatalf("%s, %v: RankEdgeListColumns graph %q by %q measures %v, %d rows; want %q, %q, %v, %d",
					name, opt.Measures, cols.Graph, cols.By, cols.Measures, len(cols.Order), want.Graph, want.By, want.Measures, len(want.Rows))
			}
			for r, i := range cols.Order {
				w := want.Rows[r]
				if el.IDs[i] != w.ID || len(w.Values) != len(cols.Values) {
					t.Fatalf("%s, %v: columns row %d is node %q with %d measures, want %q with %d", name, opt.Measures, r+1, el.IDs[i], len(cols.Values), w.ID, len(w.Values))
				}
				for m, v := range w.Values {
					if got := cols.Values[m][i]; math.Float64bits(got) != math.Float64bits(v) {
						t.Fatalf("%s: columns row %d %s = %v, want %v", name, r+1, m, got, v)
					}
				}
			}
		}
	}
}

func TestRankEdgeListErrors(t *testing.T) {
	ok := &EdgeList{IDs: []string{"a", "b"}, Source: []int32{0}, Target: []int32{1}, Weight: []float64{1}}
	for _, c := range []struct {
		name string
		el   *EdgeList
		opt  Options
		want string
	}{
		{"unknown measure", ok, Options{Measures: []string{"fame"}}, `unknown measure "fame"`},
		{"negative top", ok, Options{Top: -1}, "negative top"},
		{"ids out of order", &EdgeList{IDs: []string{"b", "a"}}, Options{}, "not strictly ascending"},
		{"repeated id", &EdgeList{IDs: []string{"a", "a"}}, Options{}, "not strictly ascending"},
		{"short slices", &EdgeList{IDs: []string{"a", "b"}, Source: []int32{0}, Target: []int32{1}}, Options{}, "1 sources, 1 targets and 0 weights"},
		{"end out of range", &EdgeList{IDs: []string{"a", "b"}, Source: []int32{0}, Target: []int32{2}, Weight: []float64{1}}, Options{}, "outside 0..1"},
	} {
		_, err := RankEdgeList(c.el, c.opt)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one containing %q", c.name, err, c.want)
		}
		if _, err := RankEdgeListColumns(c.el, c.opt); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: RankEdgeListColumns error %v, want one containing %q", c.name, err, c.want)
		}
	}
	// Self-loops and bad weights are skipped, as Rank skips them.
	el := &EdgeList{IDs: []string{"a", "b", "c"}, Source: []int32{0, 1, 2}, Target: []int32{0, 2, 0}, Weight: []float64{5, 2, -1}}
	rk, err := RankEdgeList(el, Options{Measures: []string{"degree"}, By: "degree"})
	if err != nil {
		t.Fatal(err)
	}
	var deg []float64
	for _, r := range rk.Rows {
		deg = append(deg, r.Values["degree"])
	}
	if !slices.Equal(deg, []float64{1, 1, 0}) {
		t.Errorf("degrees %v, want [1 1 0] (b–c only)", deg)
	}
}

// TestPageRankGOMAXPROCS: PageRank's two-halves iteration (graphs of
// 2^15 adjacency entries or more) gives bit-identical values on one core
// and on several.
func TestPageRankGOMAXPROCS(t *testing.T) {
	g := randomGraph(6000, 3, 5)
	if a := newAdjacency(g); len(a.adj) < 1<<15 {
		t.Fatalf("%d adjacency entries: below the parallel threshold, the test covers nothing", len(a.adj))
	}
	run := func(procs int) []float64 {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		return PageRank(g, DefaultDamping)
	}
	if one, two := run(1), run(2); !slices.Equal(one, two) {
		t.Error("PageRank: GOMAXPROCS 1 and 2 differ")
	}
}

// TestRankOrderRuns checks rankOrderOf, which computes RankKey only within
// runs of close values, against the plain definition: sort by (RankKey
// descending, id ascending).
func TestRankOrderRuns(t *testing.T) {
	vals := []float64{
		0.3, 0.1 + 0.2, 0.30000000000001, 0.3000000001, 5, 5 + 1e-13, 5 - 1e-13, 4.9999999999,
		0.999999999999, 1, 1.0000000000004, 0.9999999999996, 1e12, 1e12 + 1, 1e12 + 0.4, 123456789012345,
		123456789012344, 0, math.Copysign(0, -1), -1e-300, 1e-300, math.NaN(), math.NaN(), math.Inf(1),
		math.Inf(1), math.Inf(-1), -0.3, -0.1 - 0.2, 2.5e-7, 2.5e-7 * (1 + 1e-13),
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 50 {
		perm := rng.Perm(len(vals))
		v := make([]float64, len(vals))
		ids := make([]string, len(vals))
		for i, p := range perm {
			v[i] = vals[p]
			ids[i] = nodeID(rng.IntN(1000)*100 + i) // unique, in random order
		}
		want := make([]int, len(v))
		for i := range want {
			want[i] = i
		}
		slices.SortFunc(want, func(a, b int) int {
			if c := cmp.Compare(RankKey(v[b]), RankKey(v[a])); c != 0 {
				return c
			}
			return cmp.Compare(ids[a], ids[b])
		})
		if got := rankOrderOf(len(v), func(i int) string { return ids[i] }, v); !slices.Equal(got, want) {
			t.Fatalf("trial %d: rankOrderOf = %v, want %v (values %v)", trial, got, want, v)
		}
	}
}
