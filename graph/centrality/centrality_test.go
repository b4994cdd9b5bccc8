package centrality

import (
	"maps"
	"math"
	"runtime"
	"slices"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

var (
	sqrt2 = math.Sqrt2
	sqrt3 = math.Sqrt(3)
	sqrt6 = math.Sqrt(6)
)

// handCases are small graphs whose values are worked out by hand; each
// want comment gives the derivation. nil want slices are not checked.
var handCases = []struct {
	name string
	g    *graph.Graph

	degree, strength         []float64
	betwUnitNorm, betwInvRaw []float64
	closeUnit, closeInv      []float64
	harmUnit, harmInv        []float64
	eigen, pagerank          []float64
}{
	{
		name: "empty",
		g:    build(nil),
		// Every measure of a graph without nodes is an empty slice.
		degree: []float64{}, strength: []float64{},
		betwUnitNorm: []float64{}, betwInvRaw: []float64{},
		closeUnit: []float64{}, closeInv: []float64{},
		harmUnit: []float64{}, harmInv: []float64{},
		eigen: []float64{}, pagerank: []float64{},
	},
	{
		name: "single node",
		g:    build([]string{"a"}),
		// No other node: no paths; NetworkX gives closeness 0. Eigenvector:
		// the one-node graph has eigenvalue 0 and unit vector (1).
		// PageRank: the only node holds all the probability.
		degree: []float64{0}, strength: []float64{0},
		betwUnitNorm: []float64{0}, betwInvRaw: []float64{0},
		closeUnit: []float64{0}, closeInv: []float64{0},
		harmUnit: []float64{0}, harmInv: []float64{0},
		eigen: []float64{1}, pagerank: []float64{1},
	},
	{
		name: "two nodes",
		g:    build([]string{"a", "b"}, edge{"a", "b", 3}),
		// d(a,b) = 1 hop or 1/3; closeness (n−1)/Σd = 1 or 3; harmonic the
		// same. n ≤ 2: betweenness 0 (NetworkX). Eigenvector of [[0,3],[3,0]]:
		// (1,1)/√2. PageRank: symmetric, 1/2 each.
		degree: []float64{1, 1}, strength: []float64{3, 3},
		betwUnitNorm: []float64{0, 0}, betwInvRaw: []float64{0, 0},
		closeUnit: []float64{1, 1}, closeInv: []float64{3, 3},
		harmUnit: []float64{1, 1}, harmInv: []float64{3, 3},
		eigen: []float64{1 / sqrt2, 1 / sqrt2}, pagerank: []float64{0.5, 0.5},
	},
	{
		name: "path a-b-c",
		g:    build([]string{"a", "b", "c"}, edge{"a", "b", 2}, edge{"b", "c", 1}),
		// Betweenness: only the pair (a,c) has an inner node, b, on its
		// single path: raw 1, normalised 1·2/((n−1)(n−2)) = 1.
		// Unit closeness: a: 2/(1+2) = 2/3; b: 2/(1+1) = 1.
		// Inverse lengths ab = 1/2, bc = 1: a: Σd = 1/2+3/2 = 2 → 1;
		// b: Σd = 3/2 → 4/3; c: Σd = 1+3/2 → 4/5.
		// Unit harmonic: a: 1+1/2; b: 2. Inverse: a: 2+2/3; b: 2+1; c: 1+2/3.
		// Eigenvector of [[0,2,0],[2,0,1],[0,1,0]]: λ = √5,
		// x ∝ (2, √5, 1), norm √10.
		// PageRank (strengths 2, 3, 1): x_a = 0.05 + 0.85·(2/3)x_b,
		// x_c = 0.05 + 0.85·(1/3)x_b, x_b = 0.05 + 0.85(x_a + x_c).
		degree: []float64{1, 2, 1}, strength: []float64{2, 3, 1},
		betwUnitNorm: []float64{0, 1, 0}, betwInvRaw: []float64{0, 1, 0},
		closeUnit: []float64{2.0 / 3, 1, 2.0 / 3}, closeInv: []float64{1, 4.0 / 3, 0.8},
		harmUnit: []float64{1.5, 2, 1.5}, harmInv: []float64{8.0 / 3, 3, 5.0 / 3},
		eigen: []float64{2 / math.Sqrt(10), math.Sqrt(5) / math.Sqrt(10), 1 / math.Sqrt(10)},
		// x_b = 0.05 + 0.85(0.1 + 0.85 x_b) → x_b = 0.135/0.2775 = 18/37;
		// x_a = 0.05 + 0.85·(2/3)·18/37, x_c = 0.05 + 0.85·(1/3)·18/37.
		pagerank: []float64{0.05 + 0.85*2.0/3*18/37, 18.0 / 37, 0.05 + 0.85/3*18/37},
	},
	{
		name: "star c with four leaves",
		g: build([]string{"c", "l1", "l2", "l3", "l4"},
			edge{"c", "l1", 1}, edge{"c", "l2", 1}, edge{"c", "l3", 1}, edge{"c", "l4", 1}),
		// Betweenness of c: all C(4,2) = 6 leaf pairs pass through it;
		// normalised 6·2/(4·3) = 1. Closeness: c 4/4 = 1; a leaf 4/(1+3·2)
		// = 4/7. Harmonic: c 4; a leaf 1 + 3/2. Eigenvector: λ = √4 = 2,
		// x_leaf = x_c/2, x_c² (1 + 4/4) = 1 → x_c = 1/√2, x_leaf = 1/(2√2)
		// (a bipartite graph: power iteration would oscillate).
		// PageRank: x_l = 0.03 + 0.85 x_c/4, x_c = 0.03 + 0.85·4x_l →
		// x_l = 0.036375/0.2775 = 97/740, x_c = 1 − 4x_l = 88/185.
		degree: []float64{4, 1, 1, 1, 1}, strength: []float64{4, 1, 1, 1, 1},
		betwUnitNorm: []float64{1, 0, 0, 0, 0}, betwInvRaw: []float64{6, 0, 0, 0, 0},
		closeUnit: []float64{1, 4.0 / 7, 4.0 / 7, 4.0 / 7, 4.0 / 7},
		closeInv:  []float64{1, 4.0 / 7, 4.0 / 7, 4.0 / 7, 4.0 / 7},
		harmUnit:  []float64{4, 2.5, 2.5, 2.5, 2.5}, harmInv: []float64{4, 2.5, 2.5, 2.5, 2.5},
		eigen:    []float64{1 / sqrt2, 0.5 / sqrt2, 0.5 / sqrt2, 0.5 / sqrt2, 0.5 / sqrt2},
		pagerank: []float64{88.0 / 185, 97.0 / 740, 97.0 / 740, 97.0 / 740, 97.0 / 740},
	},
	{
		name: "triangle",
		g:    build([]string{"a", "b", "c"}, edge{"a", "b", 1}, edge{"a", "c", 1}, edge{"b", "c", 1}),
		// Complete graph: every pair adjacent, no inner nodes; everything
		// symmetric: eigenvector 1/√3, PageRank 1/3.
		degree: []float64{2, 2, 2}, strength: []float64{2, 2, 2},
		betwUnitNorm: []float64{0, 0, 0}, betwInvRaw: []float64{0, 0, 0},
		closeUnit: []float64{1, 1, 1}, closeInv: []float64{1, 1, 1},
		harmUnit: []float64{2, 2, 2}, harmInv: []float64{2, 2, 2},
		eigen:    []float64{1 / sqrt3, 1 / sqrt3, 1 / sqrt3},
		pagerank: []float64{1.0 / 3, 1.0 / 3, 1.0 / 3},
	},
	{
		name: "inverse tie 1/10+1/5 = 1/4+1/20",
		// Cycle a–b–c–d–a with lengths ab 1/10, bc 1/5, cd 1/20, da 1/4.
		// a→c: via b 0.1+0.2 = 0.30000000000000004 in floating point, via d
		// 0.25+0.05 = 0.3: equal in exact arithmetic, so b and d get 1/2
		// each. b→d: via a 0.35, via c 0.25: c gets 1. Other pairs are
		// adjacent with a shorter direct edge. Raw betweenness (0, ½, 1, ½).
		g: build([]string{"a", "b", "c", "d"},
			edge{"a", "b", 10}, edge{"b", "c", 5}, edge{"c", "d", 20}, edge{"a", "d", 4}),
		degree: []float64{2, 2, 2, 2}, strength: []float64{14, 15, 25, 24},
		// Unit: a 4-cycle, every opposite pair has two paths: ½ each to
		// the two others; normalised ×2/(3·2).
		betwUnitNorm: []float64{1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6},
		betwInvRaw:   []float64{0, 0.5, 1, 0.5},
		closeUnit:    []float64{0.75, 0.75, 0.75, 0.75},
		// a: d(b)=.1, d(c)=.3, d(d)=.25 → 3/.65; b: .1, .2, .25(via c) → 3/.55;
		// c: .3, .2, .05 → 3/.55; d: .25, .25, .05 → 3/.55.
		closeInv: []float64{3 / 0.65, 3 / 0.55, 3 / 0.55, 3 / 0.55},
		harmUnit: []float64{2.5, 2.5, 2.5, 2.5},
		harmInv:  []float64{10 + 1/0.3 + 4, 10 + 5 + 4, 1/0.3 + 5 + 20, 4 + 4 + 20},
	},
	{
		name: "disconnected: triangle, edge, isolated",
		g: build([]string{"a", "b", "c", "d", "e", "f"},
			edge{"a", "b", 1}, edge{"a", "c", 1}, edge{"b", "c", 1}, edge{"d", "e", 1}),
		// n = 6. Closeness (Wasserman–Faust): triangle r = 3, Σd = 2 →
		// 2/2·2/5 = 0.4; edge r = 2, Σd = 1 → 1·1/5 = 0.2; isolated f → 0.
		// Eigenvector: the triangle's λ = 2 beats the edge's λ = 1, so the
		// triangle holds the whole unit vector and everyone else is 0.
		// PageRank: f is dangling; x_f = 0.025 + 0.85 x_f/6 → 3/103; by
		// symmetry the five others share 1 − 3/103 equally: 20/103.
		degree: []float64{2, 2, 2, 1, 1, 0}, strength: []float64{2, 2, 2, 1, 1, 0},
		betwUnitNorm: []float64{0, 0, 0, 0, 0, 0}, betwInvRaw: []float64{0, 0, 0, 0, 0, 0},
		closeUnit: []float64{0.4, 0.4, 0.4, 0.2, 0.2, 0},
		closeInv:  []float64{0.4, 0.4, 0.4, 0.2, 0.2, 0},
		harmUnit:  []float64{2, 2, 2, 1, 1, 0}, harmInv: []float64{2, 2, 2, 1, 1, 0},
		eigen:    []float64{1 / sqrt3, 1 / sqrt3, 1 / sqrt3, 0, 0, 0},
		pagerank: []float64{20.0 / 103, 20.0 / 103, 20.0 / 103, 20.0 / 103, 20.0 / 103, 3.0 / 103},
	},
	{
		name: "two equal triangles share the top eigenvalue",
		g: build([]string{"a", "b", "c", "d", "e", "f"},
			edge{"a", "b", 2}, edge{"a", "c", 2}, edge{"b", "c", 2},
			edge{"d", "e", 2}, edge{"d", "f", 2}, edge{"e", "f", 2}),
		// Both components have λ = 4: each contributes its unit vector
		// 1/√3 with equal weight; renormalised, every node gets 1/√6.
		eigen: []float64{1 / sqrt6, 1 / sqrt6, 1 / sqrt6, 1 / sqrt6, 1 / sqrt6, 1 / sqrt6},
	},
	{
		name: "no edges",
		g:    build([]string{"a", "b", "c", "d"}),
		// Documented choice: every node is a component with eigenvalue 0,
		// all tie, so each gets 1/√n. PageRank: all dangling, uniform.
		degree: []float64{0, 0, 0, 0}, closeUnit: []float64{0, 0, 0, 0},
		harmInv: []float64{0, 0, 0, 0}, betwUnitNorm: []float64{0, 0, 0, 0},
		eigen:    []float64{0.5, 0.5, 0.5, 0.5},
		pagerank: []float64{0.25, 0.25, 0.25, 0.25},
	},
}

func TestHandWorked(t *testing.T) {
	const tol = 1e-12
	for _, c := range handCases {
		g := c.g
		t.Run(c.name, func(t *testing.T) {
			check := func(name string, want []float64, f func() []float64) {
				t.Helper()
				if want != nil {
					checkSlice(t, name, f(), want, tol)
				}
			}
			// PageRank stops when the L1 change falls below n·1e-12 (as
			// NetworkX): the remaining error is a few times that.
			checkPR := func(want []float64) {
				t.Helper()
				if want != nil {
					checkSlice(t, "PageRank", PageRank(g, 0.85), want, 1e-10)
				}
			}
			check("Degree", c.degree, func() []float64 { return Degree(g) })
			check("Strength", c.strength, func() []float64 { return Strength(g) })
			check("Betweenness(Unit, normalized)", c.betwUnitNorm, func() []float64 { return Betweenness(g, Unit, true) })
			check("Betweenness(Inverse, raw)", c.betwInvRaw, func() []float64 { return Betweenness(g, Inverse, false) })
			check("Closeness(Unit)", c.closeUnit, func() []float64 { return Closeness(g, Unit) })
			check("Closeness(Inverse)", c.closeInv, func() []float64 { return Closeness(g, Inverse) })
			check("Harmonic(Unit)", c.harmUnit, func() []float64 { return Harmonic(g, Unit) })
			check("Harmonic(Inverse)", c.harmInv, func() []float64 { return Harmonic(g, Inverse) })
			check("Eigenvector", c.eigen, func() []float64 { return Eigenvector(g) })
			checkPR(c.pagerank)
		})
	}
}

// TestBetweennessNormalization pins the relation raw ↔ normalised
// (×2/((n−1)(n−2)), NetworkX _rescale) on the star: raw 6, normalised 1.
func TestBetweennessNormalization(t *testing.T) {
	g := handCases[4].g
	for _, d := range []Distance{Unit, Inverse} {
		raw := Betweenness(g, d, false)
		norm := Betweenness(g, d, true)
		checkSlice(t, "raw "+d.String(), raw, []float64{6, 0, 0, 0, 0}, 1e-12)
		checkSlice(t, "normalized "+d.String(), norm, []float64{1, 0, 0, 0, 0}, 1e-12)
	}
}

// TestIgnoredEdges checks the documented reading of non-canonical input:
// self-loops, unknown ends and non-positive weights are ignored, parallel
// edges merged by summing, and nothing panics.
func TestIgnoredEdges(t *testing.T) {
	clean := build([]string{"a", "b", "c"}, edge{"a", "b", 2}, edge{"b", "c", 1})
	dirty := &graph.Graph{
		Nodes: slices.Clone(clean.Nodes),
		Edges: []graph.Edge{
			{Source: "a", Target: "a", Weight: 5},          // self-loop
			{Source: "a", Target: "b", Weight: 1},          // parallel pair, merged: 1+1 = 2
			{Source: "b", Target: "a", Weight: 1},          // reversed end order
			{Source: "b", Target: "c", Weight: 1},          //
			{Source: "c", Target: "zz", Weight: 1},         // unknown node
			{Source: "a", Target: "c", Weight: 0},          // non-positive weight
			{Source: "a", Target: "c", Weight: math.NaN()}, // not a number
		},
	}
	for _, m := range measureFuncs {
		checkSlice(t, m.name, m.f(dirty), m.f(clean), 1e-12)
	}
}

// measureFuncs calls every measure with fixed settings.
var measureFuncs = []struct {
	name string
	f    func(*graph.Graph) []float64
}{
	{"degree", Degree},
	{"strength", Strength},
	{"betweenness unit", func(g *graph.Graph) []float64 { return Betweenness(g, Unit, true) }},
	{"betweenness inverse", func(g *graph.Graph) []float64 { return Betweenness(g, Inverse, true) }},
	{"closeness unit", func(g *graph.Graph) []float64 { return Closeness(g, Unit) }},
	{"closeness inverse", func(g *graph.Graph) []float64 { return Closeness(g, Inverse) }},
	{"harmonic unit", func(g *graph.Graph) []float64 { return Harmonic(g, Unit) }},
	{"harmonic inverse", func(g *graph.Graph) []float64 { return Harmonic(g, Inverse) }},
	{"eigenvector", Eigenvector},
	{"pagerank", func(g *graph.Graph) []float64 { return PageRank(g, 0.85) }},
	{"katz", func(g *graph.Graph) []float64 { k, _ := Katz(g, 0); return k }},
	{"clustering", Clustering},
	{"clustering weighted", ClusteringWeighted},
	{"coreness", Coreness},
}

func TestNilGraph(t *testing.T) {
	for _, m := range measureFuncs {
		if got := m.f(nil); len(got) != 0 {
			t.Errorf("%s(nil) = %v, want empty", m.name, got)
		}
	}
	if _, err := Rank(nil, Options{}); err == nil {
		t.Error("Rank(nil) succeeded, want error")
	}
}

func TestPanics(t *testing.T) {
	g := handCases[3].g
	for _, c := range []struct {
		name string
		f    func()
	}{
		{"Betweenness(Distance(7))", func() { Betweenness(g, Distance(7), true) }},
		{"Closeness(Distance(-1))", func() { Closeness(g, Distance(-1)) }},
		{"Harmonic(Distance(2))", func() { Harmonic(g, Distance(2)) }},
		{"PageRank(1.5)", func() { PageRank(g, 1.5) }},
		{"PageRank(NaN)", func() { PageRank(g, math.NaN()) }},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s did not panic", c.name)
				}
			}()
			c.f()
		}()
	}
}

func TestParseDistance(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Distance
		ok   bool
	}{
		{"inverse", Inverse, true},
		{"unit", Unit, true},
		{" Unit ", Unit, true},
		{"hops", 0, false},
		{"", 0, false},
	} {
		got, err := ParseDistance(c.in)
		if (err == nil) != c.ok || (c.ok && got != c.want) {
			t.Errorf("ParseDistance(%q) = %v, %v; want %v, ok=%v", c.in, got, err, c.want, c.ok)
		}
		if c.ok && got.String() != c.want.String() {
			t.Errorf("String() = %q", got.String())
		}
	}
	if s := Distance(9).String(); s != "Distance(9)" {
		t.Errorf("Distance(9).String() = %q", s)
	}
	var d Distance
	if err := d.UnmarshalText([]byte("unit")); err != nil || d != Unit {
		t.Errorf("UnmarshalText(unit) = %v, %v", d, err)
	}
	if b, err := Inverse.MarshalText(); err != nil || string(b) != "inverse" {
		t.Errorf("MarshalText = %s, %v", b, err)
	}
}

// TestPageRankSumsToOne checks the probability invariant on a graph with a
// dangling node, for several damping factors including the extremes.
func TestPageRankSumsToOne(t *testing.T) {
	g := handCases[7].g
	for _, d := range []float64{0, 0.5, 0.85, 1} {
		var sum float64
		for _, v := range PageRank(g, d) {
			sum += v
		}
		if !near(sum, 1, 1e-12) {
			t.Errorf("damping %v: sum %v", d, sum)
		}
	}
	// damping 0: pure teleportation, uniform.
	checkSlice(t, "damping 0", PageRank(g, 0), []float64{1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6}, 1e-15)
}

// TestEigenvectorLanczos compares the two solvers behind Eigenvector: all
// components dense (mat.EigenSym) against all components by Lanczos, on
// seeded random graphs, a long path (small spectral gap), stars
// (bipartite) and two equal stars (tied top eigenvalue).
func TestEigenvectorLanczos(t *testing.T) {
	graphs := map[string]*graph.Graph{
		"random 300": randomGraph(300, 3, 7),
		"random 400": randomGraph(400, 1, 8),
		"path 400":   pathGraph(400),
		"star 200":   starGraph(200),
		"two stars":  disjoint(starGraph(50), starGraph(50)),
		"two nodes":  handCases[2].g,
	}
	for _, name := range slices.Sorted(maps.Keys(graphs)) {
		a := newAdjacency(graphs[name])
		dense := eigenvector(a, math.MaxInt)
		sparse := eigenvector(a, 1)
		checkSlice(t, name, sparse, dense, 1e-8)
	}
}

// TestDeterministic runs each measure twice on a graph large enough to run
// in parallel and demands bit-identical results.
func TestDeterministic(t *testing.T) {
	g := randomGraph(400, 3, 11)
	for _, m := range measureFuncs {
		a, b := m.f(g), m.f(g)
		if !slices.Equal(a, b) {
			t.Errorf("%s differs between runs", m.name)
		}
	}
}

// TestGOMAXPROCS: the parallel kernels give bit-identical results on one
// core and on several (sources are summed in fixed blocks).
func TestGOMAXPROCS(t *testing.T) {
	g := randomGraph(400, 3, 11)
	run := func(procs int) [][]float64 {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		var out [][]float64
		for _, m := range measureFuncs {
			out = append(out, m.f(g))
		}
		return append(out, EdgeBetweenness(g, Unit, true), EdgeBetweenness(g, Inverse, true))
	}
	one, four := run(1), run(4)
	for i := range one {
		name := "edge betweenness"
		if i < len(measureFuncs) {
			name = measureFuncs[i].name
		}
		if !slices.Equal(one[i], four[i]) {
			t.Errorf("%s (#%d): GOMAXPROCS 1 and 4 differ", name, i)
		}
	}
}
