package centrality

import (
	"encoding/json"
	"runtime"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// unitGraph builds a graph whose edges list units: each edge is
// (source, target, units).
func unitGraph(ids []string, edges ...struct {
	s, t  string
	units []int
}) *graph.Graph {
	g := &graph.Graph{Episode: graph.Episode{ID: "u"}}
	for _, id := range ids {
		g.Nodes = append(g.Nodes, graph.Node{ID: id})
	}
	for _, e := range edges {
		g.Edges = append(g.Edges, graph.Edge{Source: e.s, Target: e.t, Weight: float64(len(e.units)), Units: e.units})
	}
	g.Canonicalize()
	return g
}

type ue = struct {
	s, t  string
	units []int
}

func seq(lo, hi int) []int {
	var out []int
	for i := lo; i <= hi; i++ {
		out = append(out, i)
	}
	return out
}

func TestBootstrapBinomial(t *testing.T) {
	// a–b made by units 1..10, b–c by unit 11. A sample draws 11 units;
	// a's strength is Binomial(11, 10/11): P(X ≤ 7) = 0.013,
	// P(X ≤ 8) = 0.071, so its 2.5% quantile is 8; P(X = 11) = 0.35, so the
	// 97.5% quantile is 11. c's strength is Binomial(11, 1/11):
	// P(X = 0) = 0.35, P(X ≤ 2) = 0.93, P(X ≤ 3) = 0.987: interval [0, 3].
	g := unitGraph([]string{"a", "b", "c"}, ue{"a", "b", seq(1, 10)}, ue{"b", "c", []int{11}})
	r, err := Bootstrap(g, Options{Measures: []string{"strength", "degree"}}, BootstrapOptions{Samples: 2000, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	// When all 11 draws fall on a–b (35% of samples) a ties with b at 11
	// and goes first by id, so both ranks span [1, 2].
	want := map[string][4]float64{ // strength low, high; rank low, high
		"b": {11, 11, 1, 2},
		"a": {8, 11, 1, 2},
		"c": {0, 3, 3, 3},
	}
	for _, row := range r.Rows {
		w := want[row.ID]
		if row.Values["strength_low"] != w[0] || row.Values["strength_high"] != w[1] ||
			float64(row.RankLow) != w[2] || float64(row.RankHigh) != w[3] {
			t.Errorf("%s: strength [%v, %v] rank [%d, %d], want %v", row.ID,
				row.Values["strength_low"], row.Values["strength_high"], row.RankLow, row.RankHigh, w)
		}
	}
	// c loses its only edge in 35% of samples: degree interval [0, 1].
	if row := r.Rows[2]; row.Values["degree_low"] != 0 || row.Values["degree_high"] != 1 {
		t.Errorf("c degree interval [%v, %v], want [0, 1]", row.Values["degree_low"], row.Values["degree_high"])
	}
	if r.Bootstrap == nil || r.Bootstrap.Units != 11 || r.Bootstrap.Samples != 2000 {
		t.Errorf("bootstrap info %+v", r.Bootstrap)
	}
}

func TestBootstrapOneEdge(t *testing.T) {
	// With one edge every draw lands on it: the intervals are the values.
	g := unitGraph([]string{"a", "b"}, ue{"a", "b", []int{3, 5, 9}})
	r, err := Bootstrap(g, Options{Measures: EveryMeasure, Normalized: true}, BootstrapOptions{Samples: 100, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range r.Rows {
		for _, m := range EveryMeasure {
			if row.Values[m+"_low"] != row.Values[m] || row.Values[m+"_high"] != row.Values[m] {
				t.Errorf("%s %s: [%v, %v], value %v", row.ID, m, row.Values[m+"_low"], row.Values[m+"_high"], row.Values[m])
			}
		}
		if row.RankLow != row.Rank || row.RankHigh != row.Rank {
			t.Errorf("%s: rank interval [%d, %d], rank %d", row.ID, row.RankLow, row.RankHigh, row.Rank)
		}
	}
}

func TestBootstrapDeterministic(t *testing.T) {
	g := randomGraph(60, 2, 3)
	unit := 1
	for i := range g.Edges {
		for range int(g.Edges[i].Weight) {
			g.Edges[i].Units = append(g.Edges[i].Units, unit)
			unit++
		}
	}
	opt := Options{Measures: EveryMeasure, Normalized: true, By: "betweenness", Top: 10}
	run := func(procs int) string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		r, err := Bootstrap(g, opt, BootstrapOptions{Samples: 100, Seed: 42})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Rows) != 10 {
			t.Fatalf("%d rows, want 10 (Top)", len(r.Rows))
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	one, two, again := run(1), run(4), run(4)
	if one != two || two != again {
		t.Error("bootstrap output depends on GOMAXPROCS or the run")
	}
	for _, key := range []string{`"bootstrap":{"samples":100,"seed":42,"level":0.95,`, `"katz_low":`, `"rank_low":`, `"rank_high":`} {
		if !strings.Contains(one, key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
	r, _ := Bootstrap(g, opt, BootstrapOptions{Samples: 100, Seed: 43})
	if b, _ := json.Marshal(r); string(b) == one {
		t.Error("another seed gave the same intervals")
	}
}

func TestBootstrapErrors(t *testing.T) {
	noUnits := build([]string{"a", "b"}, edge{"a", "b", 2})
	for _, c := range []struct {
		name string
		g    *graph.Graph
		opt  Options
		bo   BootstrapOptions
		want string
	}{
		{"no units", noUnits, Options{}, BootstrapOptions{Samples: 100}, "edges[0] (a–b) lists no units"},
		{"no edges", build([]string{"a"}), Options{}, BootstrapOptions{Samples: 100}, "no edges"},
		{"no samples", noUnits, Options{}, BootstrapOptions{}, "at least 100 samples for 95% percentile intervals, got 0"},
		// One resample was accepted before: its "interval" was that sample.
		{"one sample", noUnits, Options{}, BootstrapOptions{Samples: 1}, "at least 100 samples"},
		{"99 samples", noUnits, Options{}, BootstrapOptions{Samples: 99}, "got 99"},
		{"bad measure", noUnits, Options{Measures: []string{"fame"}}, BootstrapOptions{Samples: 100}, `unknown measure "fame"`},
	} {
		_, err := Bootstrap(c.g, c.opt, c.bo)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err %v, want %q", c.name, err, c.want)
		}
	}
}
