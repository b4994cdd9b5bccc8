package diff

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/extract"
	"github.com/relgraph/relgraph/graph/roster"
)

func fp(v float64) *float64 { return &v }

// TestSimilarityAndSummary checks the similarity scores, the measures and
// the summary of hand-made pairs. Every expected value is worked out by
// hand in the comment of its case.
func TestSimilarityAndSummary(t *testing.T) {
	tests := []struct {
		name                    string
		a, b                    *graph.Graph
		node, edge, wjac, spear *float64
		summary                 string
	}{
		{
			// Nodes {anna, ben, dan} vs {anna, cara, dan}: 2 kept of 4 → 0.5.
			// Edges {ab, ad} vs {ac, ad}: 1 common of 3 → 1/3.
			// Weighted: Σmin = min(4, 1) = 1; Σmax = 4 + 2 + 1 = 7 → 1/7.
			// Strength of kept: A anna 6, dan 4; B anna 2, dan 1: same order → ρ = 1.
			// Ranks by strength in B: anna 1 (2), cara and dan share rank 2
			// (strength 1 each); in A dan was second (4): unchanged, not told.
			name: "one leaves, one enters, a tie weakens",
			a:    mk("a", []string{"anna-ben:2", "anna-dan:4"}),
			b:    mk("b", []string{"anna-cara:1", "anna-dan:1"}),
			node: fp(0.5), edge: fp(1.0 / 3), wjac: fp(1.0 / 7), spear: fp(1),
			summary: "CARA enters and becomes the joint second most central character. BEN leaves. " +
				"The tie between ANNA and DAN weakens from 4 to 1.",
		},
		{
			// Same graph: every Jaccard is 1. Strengths x 3, y 3, z 0 on both
			// sides: average ranks (2.5, 2.5, 1) on both → ρ = 1.
			name: "identical graphs",
			a:    mk("a", []string{"x-y:3"}, "z"),
			b:    mk("b", []string{"x-y:3"}, "z"),
			node: fp(1), edge: fp(1), wjac: fp(1), spear: fp(1),
			summary: "Nothing changes: the same characters with the same ties.",
		},
		{
			// Nothing shared: 0 of 4 nodes, 0 of 2 edges, Σmin 0 / Σmax 3;
			// no kept character → Spearman undefined.
			name: "disjoint graphs",
			a:    mk("a", []string{"p-q:1"}),
			b:    mk("b", []string{"r-s:2"}),
			node: fp(0), edge: fp(0), wjac: fp(0),
			summary: "The two graphs share no character: P and Q leave, R and S enter.",
		},
		{
			// 0/0 everywhere: every score undefined.
			name:    "empty graphs",
			a:       mk("a", nil),
			b:       mk("b", nil),
			summary: "Both graphs are empty.",
		},
		{
			// A has one node and no edge, B is empty: 0 of 1 node; no edge on
			// either side → edge scores undefined.
			name:    "everyone leaves",
			a:       mk("a", nil, "solo"),
			b:       mk("b", nil),
			node:    fp(0),
			summary: "SOLO leaves.",
		},
		{
			// Kept u, v, w. A: u-v 1, v-w 5; B: u-v 4, u-w 2.
			// Edges: common uv; union {uv, vw, uw} → 1/3.
			// Weighted: Σmin = min(1,4) = 1; Σmax = 4 + 5 + 2 = 11 → 1/11.
			// Strength A: u 1, v 6, w 5 → ranks v 1, w 2, u 3.
			// Strength B: u 6, v 4, w 2 → ranks u 1, v 2, w 3.
			// Spearman (ascending ranks, no ties): A (u1, v3, w2), B (u3, v2, w1):
			// d = (−2, 1, 1), Σd² = 6 → ρ = 1 − 6·6/(3·8) = −0.5.
			// Ties by |delta|: v-w −5, u-v +3, u-w +2.
			name: "ties shift between kept characters",
			a:    mk("a", []string{"u-v:1", "v-w:5"}),
			b:    mk("b", []string{"u-v:4", "u-w:2"}),
			node: fp(1), edge: fp(1.0 / 3), wjac: fp(1.0 / 11), spear: fp(-0.5),
			summary: "U rises from third to first place; V falls from first to second place; W falls from second to third place. " +
				"V and W no longer interact (was 5); the tie between U and V strengthens from 1 to 4; a new tie joins U and W (2).",
		},
	}
	eqp := func(t *testing.T, what string, got, want *float64) {
		t.Helper()
		switch {
		case got == nil && want == nil:
		case got == nil || want == nil:
			t.Errorf("%s = %v, want %v", what, deref(got), deref(want))
		case math.Abs(*got-*want) > 1e-12:
			t.Errorf("%s = %v, want %v", what, *got, *want)
		}
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := Compare(tc.a, tc.b)
			if err != nil {
				t.Fatal(err)
			}
			eqp(t, "node_jaccard", r.Similarity.NodeJaccard, tc.node)
			eqp(t, "edge_jaccard", r.Similarity.EdgeJaccard, tc.edge)
			eqp(t, "weighted_jaccard", r.Similarity.WeightedJaccard, tc.wjac)
			eqp(t, "strength_spearman", r.Similarity.StrengthSpearman, tc.spear)
			if r.Summary != tc.summary {
				t.Errorf("summary =\n%s\nwant\n%s", r.Summary, tc.summary)
			}
			if want := len(r.Nodes.Kept) * 7; len(r.Measures) != want {
				t.Errorf("%d measure rows, want %d (7 measures × %d kept)", len(r.Measures), want, len(r.Nodes.Kept))
			}
		})
	}
}

func deref(p *float64) any {
	if p == nil {
		return "null"
	}
	return *p
}

// TestMeasures checks measure rows of the first hand-made pair: anna has
// degree 2 in both graphs and strength 2+4 = 6 in A, 1+1 = 2 in B; dan has
// degree 1 in both and strength 4 → 1.
func TestMeasures(t *testing.T) {
	r, err := CompareWith(mk("a", []string{"anna-ben:2", "anna-dan:4"}), mk("b", []string{"anna-cara:1", "anna-dan:1"}),
		Options{Measures: []string{"degree", "strength"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []MeasureRow{
		{"anna", "degree", 2, 2, 0}, {"anna", "strength", 6, 2, -4},
		{"dan", "degree", 1, 1, 0}, {"dan", "strength", 4, 1, -3},
	}
	if got, _ := json.Marshal(r.Measures); string(got) != mustJSON(want) {
		t.Errorf("measures = %s\nwant %s", got, mustJSON(want))
	}
	if _, err := CompareWith(mk("a", nil), mk("b", nil), Options{Measures: []string{"fame"}}); err == nil || !strings.Contains(err.Error(), `"fame"`) {
		t.Errorf("unknown measure: err = %v", err)
	}
}

func mustJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestMatchByName renames every id between the two graphs: by id nothing
// is shared, by name Anna and Ben are kept, their tie goes 2 → 3
// (relative +0.5) and Cara enters under her B id.
func TestMatchByName(t *testing.T) {
	a := &graph.Graph{Episode: graph.Episode{ID: "a"},
		Nodes: []graph.Node{{ID: "a1", Name: "Anna"}, {ID: "a2", Name: "Ben"}},
		Edges: []graph.Edge{{Source: "a1", Target: "a2", Weight: 2}}}
	b := &graph.Graph{Episode: graph.Episode{ID: "b"},
		Nodes: []graph.Node{{ID: "b1", Name: "Anna"}, {ID: "b2", Name: "Ben"}, {ID: "b3", Name: "Cara"}},
		Edges: []graph.Edge{{Source: "b1", Target: "b2", Weight: 3}, {Source: "b1", Target: "b3", Weight: 1}}}

	byID, err := Compare(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if len(byID.Nodes.Kept) != 0 || *byID.Similarity.NodeJaccard != 0 {
		t.Errorf("by id: kept %v, node_jaccard %v; want nothing shared", byID.Nodes.Kept, *byID.Similarity.NodeJaccard)
	}
	r, err := CompareWith(a, b, Options{Match: "name"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Match != "name" || mustJSON(r.Nodes) != `{"added":["b3"],"removed":[],"kept":["a1","a2"]}` {
		t.Errorf("by name: match %q, nodes %s", r.Match, mustJSON(r.Nodes))
	}
	if got := mustJSON(r.Edges); got != `{"added":[{"source":"a1","target":"b3","weight":1}],"removed":[],"changed":[{"source":"a1","target":"a2","weight_a":2,"weight_b":3,"delta":1,"relative":0.5}]}` {
		t.Errorf("by name: edges %s", got)
	}
	// Strength A: Anna 2, Ben 2 (joint first); B: Anna 4, Ben 3, Cara 1.
	if want := "Cara enters and becomes the third most central character. Ben falls from joint first to second place. " +
		"The tie between Anna and Ben strengthens from 2 to 3."; r.Summary != want {
		t.Errorf("summary = %q, want %q", r.Summary, want)
	}

	// An unmatched B id that is an A id of someone else is prefixed "b:".
	b2 := &graph.Graph{Nodes: []graph.Node{{ID: "a2", Name: "Dora"}, {ID: "x", Name: "Anna"}},
		Edges: []graph.Edge{{Source: "a2", Target: "x", Weight: 1}}}
	r, err = CompareWith(a, b2, Options{Match: "name"})
	if err != nil {
		t.Fatal(err)
	}
	if got := mustJSON(r.Nodes); got != `{"added":["b:a2"],"removed":["a2"],"kept":["a1"]}` {
		t.Errorf("collision: nodes %s", got)
	}

	// Two characters of one name cannot be matched.
	dup := &graph.Graph{Nodes: []graph.Node{{ID: "p", Name: "Anna"}, {ID: "q", Name: "Anna"}}}
	if _, err := CompareWith(a, dup, Options{Match: "name"}); err == nil || !strings.Contains(err.Error(), `two characters named "Anna"`) {
		t.Errorf("duplicate name: err = %v", err)
	}
	if _, err := CompareWith(a, b, Options{Match: "label"}); err == nil {
		t.Error("unknown match accepted")
	}
}

// TestNormalize divides by the units: A has 10 sentences and a–b 5 (0.5
// per sentence), B 20 sentences and a–b 5 (0.25): the tie halves although
// its count is unchanged.
func TestNormalize(t *testing.T) {
	a := mk("a", []string{"a-b:5"})
	b := mk("b", []string{"a-b:5"})
	a.Episode.Units, b.Episode.Units = 10, 20
	r, err := CompareWith(a, b, Options{Normalize: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := mustJSON(r.Edges.Changed); got != `[{"source":"a","target":"b","weight_a":0.5,"weight_b":0.25,"delta":-0.25,"relative":-0.5}]` {
		t.Errorf("changed = %s", got)
	}
	if !r.Normalized || a.Edges[0].Weight != 5 {
		t.Errorf("normalized = %v, input weight now %v (must stay 5)", r.Normalized, a.Edges[0].Weight)
	}
	if want := "The tie between A and B weakens from 0.5 to 0.25."; r.Summary != want {
		t.Errorf("summary = %q, want %q", r.Summary, want)
	}
	b.Episode.Units = 0
	if _, err := CompareWith(a, b, Options{Normalize: true}); err == nil || !strings.Contains(err.Error(), "no unit count") {
		t.Errorf("no units: err = %v", err)
	}
}

// TestSpearman: values worked by hand. x = (1,2,3,4), y = (1,3,2,4): no
// ties, Σd² = 2, ρ = 1 − 6·2/(4·15) = 0.8. x = (1,2,2,3), y = (1,2,3,4):
// average ranks (1, 2.5, 2.5, 4) against (1, 2, 3, 4): Σdxdy = 4.5,
// Σdx² = 4.5, Σdy² = 5 → ρ = 4.5/√22.5 = 3/√10 (scipy.stats.spearmanr
// gives 0.9486832980505138).
func TestSpearman(t *testing.T) {
	tests := []struct {
		x, y []float64
		want *float64
	}{
		{[]float64{1, 2, 3, 4}, []float64{1, 3, 2, 4}, fp(0.8)},
		{[]float64{1, 2, 2, 3}, []float64{1, 2, 3, 4}, fp(3 / math.Sqrt(10))},
		{[]float64{1, 2, 3}, []float64{3, 2, 1}, fp(-1)},
		{[]float64{5, 5, 5}, []float64{1, 2, 3}, nil}, // constant side: 0/0
		{[]float64{1}, []float64{2}, nil},             // one value
		{nil, nil, nil},
	}
	for _, tc := range tests {
		got := Spearman(tc.x, tc.y)
		if (got == nil) != (tc.want == nil) || (got != nil && math.Abs(*got-*tc.want) > 1e-12) {
			t.Errorf("Spearman(%v, %v) = %v, want %v", tc.x, tc.y, deref(got), deref(tc.want))
		}
	}
	if got := AverageRanks([]float64{10, 20, 20, 30}); mustJSON(got) != `[1,2.5,2.5,4]` {
		t.Errorf("AverageRanks = %v", got)
	}
}

func TestOrdinalAndAmount(t *testing.T) {
	for n, want := range map[int]string{1: "first", 3: "third", 10: "tenth", 11: "11th", 12: "12th", 21: "21st", 22: "22nd", 23: "23rd", 111: "111th"} {
		if got := ordinal(n); got != want {
			t.Errorf("ordinal(%d) = %q, want %q", n, got, want)
		}
	}
	for v, want := range map[float64]string{4: "4", 0.5: "0.5", 1.0 / 14: "0.0714", 2.0 / 3: "0.667", 1234.5: "1230"} {
		if got := amount(v); got != want {
			t.Errorf("amount(%v) = %q, want %q", v, got, want)
		}
	}
}

// TestSeedSummary diffs the project's two episodes, extracted from
// data/episodes with the roster. What the summary says was checked against
// the hand reading of the texts in graph/extract/seed_test.go and the
// README: Hannah enters at the top (strength 6), Friedrich leaves; Achim,
// Kathrin and Lukas all have strength 4 in e02 and share second place, so
// Lukas drops from first (13) to joint second and Achim rises from third (7)
// to joint second, while Kathrin (second with 12) keeps her shared rank and
// is not said to move; Kathrin–Lukas goes 6 → 1, Achim–Lukas (3)
// disappears, Achim–Kathrin 4 → 2.
func TestSeedSummary(t *testing.T) {
	path := filepath.Join("..", "..", "data", "characters.json")
	r, _, err := roster.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	var gs []*graph.Graph
	for _, e := range r.Episodes[:2] {
		text, err := os.ReadFile(r.EpisodePath(e))
		if err != nil {
			t.Fatal(err)
		}
		g, _, err := extract.Extract(string(text), extract.Options{Roster: r, Episode: graph.Episode{ID: e.ID}})
		if err != nil {
			t.Fatal(err)
		}
		gs = append(gs, g)
	}
	d, err := Compare(gs[0], gs[1])
	if err != nil {
		t.Fatal(err)
	}
	want := "Dr. Hannah Winter enters and becomes the most central character. Friedrich leaves. " +
		"Lukas falls from first to joint second place; Dr. Achim Kreutzer rises from third to joint second place. " +
		"The tie between Dr. Kathrin Globisch and Lukas weakens from 6 to 1; Dr. Achim Kreutzer and Lukas no longer interact (was 3); " +
		"the tie between Dr. Achim Kreutzer and Dr. Kathrin Globisch weakens from 4 to 2."
	if d.Summary != want {
		t.Errorf("summary =\n%s\nwant\n%s", d.Summary, want)
	}
	// Kept: achim, kathrin, lukas (3 of 5 characters); edges: achim–kathrin
	// and kathrin–lukas common, of 8 in the union (5 + 5 − 2).
	// Weighted: Σmin = 2 + 1 = 3; Σmax = 4 + 6 + 3 + 2 + 4 (A only) + 2 + 1 + 3 (B only) = 25.
	// Strength e01 → e02 of the kept: achim 7 → 4, kathrin 12 → 4, lukas 13 → 4:
	// all tied in e02 → Spearman undefined.
	s := d.Similarity
	if *s.NodeJaccard != 3.0/5 || *s.EdgeJaccard != 2.0/8 || *s.WeightedJaccard != 3.0/25 || s.StrengthSpearman != nil {
		t.Errorf("similarity = %s", mustJSON(s))
	}
}

// TestSummaryKeepsNamesAsWritten: a sentence that starts with a name keeps
// the name's case ("van Helsing" stays lower-case); only the summary's own
// words are capitalised.
func TestSummaryKeepsNamesAsWritten(t *testing.T) {
	a := &graph.Graph{Nodes: []graph.Node{{ID: "v", Name: "van Helsing"}, {ID: "x", Name: "Xa"}, {ID: "y", Name: "Ya"}},
		Edges: []graph.Edge{{Source: "x", Target: "y", Weight: 5}, {Source: "v", Target: "x", Weight: 1}}}
	b := &graph.Graph{Nodes: []graph.Node{{ID: "v", Name: "van Helsing"}, {ID: "x", Name: "Xa"}, {ID: "y", Name: "Ya"}},
		Edges: []graph.Edge{{Source: "v", Target: "y", Weight: 9}, {Source: "v", Target: "x", Weight: 1}}}
	r, err := Compare(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Summary, "van Helsing rises") {
		t.Errorf("summary %q: want the name as written", r.Summary)
	}
	if strings.Contains(r.Summary, "Van Helsing") {
		t.Errorf("summary %q capitalises a name", r.Summary)
	}
}
