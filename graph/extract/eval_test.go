package extract_test

import (
	"math"
	"testing"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/extract"
)

func g(edges ...any) *graph.Graph {
	out := &graph.Graph{}
	seen := map[string]bool{}
	for i := 0; i < len(edges); i += 3 {
		a, b, w := edges[i].(string), edges[i+1].(string), edges[i+2].(int)
		for _, id := range []string{a, b} {
			if !seen[id] {
				seen[id] = true
				out.Nodes = append(out.Nodes, graph.Node{ID: id})
			}
		}
		out.Edges = append(out.Edges, graph.Edge{Source: a, Target: b, Weight: float64(w)})
	}
	return out
}

// TestEvaluate: a small case worked by hand.
//
// Extracted: a–b 3, a–c 1, c–d 2 (b–a reversed reads as a–b). Gold: a–b 2,
// b–c 1, c–d 4, plus the node e alone. TP = {a–b, c–d} = 2, FP = {a–c} = 1,
// FN = {b–c} = 1: precision 2/3, recall 2/3, F1 = 4/6. Union in id order
// a–b, a–c, b–c, c–d: x = (3, 1, 0, 2), y = (2, 0, 1, 4).
// Pearson: means 1.5 and 1.75; deviations x (1.5, −0.5, −1.5, 0.5), y (0.25,
// −1.75, −0.75, 2.25); Σdxdy = 0.375+0.875+1.125+1.125 = 3.5; Σdx² = 5;
// Σdy² = 0.0625+3.0625+0.5625+5.0625 = 8.75; r = 3.5/√43.75 = 0.52915….
// Spearman: ranks x (4, 2, 1, 3), y (3, 1, 2, 4); Σd² = 1+1+1+1 = 4;
// ρ = 1 − 6·4/(4·15) = 0.6 (no ties).
// Node recall: gold nodes a, b, c, d, e; found a, b, c, d: 4/5.
func TestEvaluate(t *testing.T) {
	x := g("b", "a", 3, "a", "c", 1, "c", "d", 2)
	gold := g("a", "b", 2, "b", "c", 1, "c", "d", 4)
	gold.Nodes = append(gold.Nodes, graph.Node{ID: "e"})
	s := extract.Evaluate(x, gold)
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"precision", s.Precision, 2.0 / 3},
		{"recall", s.Recall, 2.0 / 3},
		{"f1", s.F1, 2.0 / 3},
		{"pearson", s.Pearson, 3.5 / math.Sqrt(43.75)},
		{"spearman", s.Spearman, 0.6},
		{"node_recall", s.NodeRecall, 0.8},
	} {
		if math.Abs(c.got-c.want) > 1e-12 {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
	if s.TP != 2 || s.FP != 1 || s.FN != 1 || s.Pairs != 4 || s.GoldNodes != 5 || s.FoundNodes != 4 {
		t.Errorf("counts %+v", s)
	}
	// A graph against itself: everything 1.
	s = extract.Evaluate(gold, gold)
	if s.F1 != 1 || math.Abs(s.Spearman-1) > 1e-12 || math.Abs(s.Pearson-1) > 1e-12 || s.NodeRecall != 1 {
		t.Errorf("self: %+v", s)
	}
	// Nothing extracted: precision undefined, recall 0, F1 0.
	s = extract.Evaluate(&graph.Graph{}, gold)
	if !math.IsNaN(s.Precision) || s.Recall != 0 || s.F1 != 0 || s.NodeRecall != 0 {
		t.Errorf("empty: %+v", s)
	}
}

// TestSpearmanTies: ties get their average rank. x = (1, 2, 2, 3) has
// ranks (1, 2.5, 2.5, 4); y = (1, 2, 3, 4) ranks (1, 2, 3, 4). Pearson of
// the ranks: deviations (−1.5, 0, 0, 1.5) and (−1.5, −0.5, 0.5, 1.5);
// Σ = 4.5, Σdx² = 4.5, Σdy² = 5; ρ = 4.5/√22.5 = 0.948683… (as
// scipy.stats.spearmanr([1,2,2,3],[1,2,3,4]) = 0.9486832980505138).
func TestSpearmanTies(t *testing.T) {
	got := extract.Spearman([]float64{1, 2, 2, 3}, []float64{1, 2, 3, 4})
	if want := 0.9486832980505138; math.Abs(got-want) > 1e-12 {
		t.Errorf("Spearman = %v, want %v", got, want)
	}
	if !math.IsNaN(extract.Pearson([]float64{1, 1}, []float64{1, 2})) {
		t.Error("Pearson of a constant list should be NaN")
	}
}
