package extract

import (
	"cmp"
	"math"
	"slices"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/internal/stats"
)

// Scores compares an extracted graph with a gold network.
//
// Edges are compared by presence: an edge is the unordered pair of its
// node ids (direction is ignored). Precision = TP/(TP+FP), recall =
// TP/(TP+FN), F1 = 2TP/(2TP+FP+FN), where TP counts the pairs of both
// graphs, FP those of the extracted graph only, FN those of the gold graph
// only. Spearman and Pearson correlate the two weights of every pair of
// the union of both edge sets, a pair missing from one graph weighing 0
// there; Spearman is Pearson's r of the ranks (ties get their average
// rank). NodeRecall is the share of gold nodes that the extracted graph
// has (by id). An undefined value (no edges to divide by, fewer than two
// pairs, a constant weight list) is NaN.
type Scores struct {
	Precision  float64
	Recall     float64
	F1         float64
	Spearman   float64
	Pearson    float64
	NodeRecall float64
	// TP, FP and FN count edge pairs as above; Pairs is the union size.
	TP, FP, FN, Pairs int
	// GoldNodes and FoundNodes count the gold nodes and those found.
	GoldNodes, FoundNodes int
}

// Evaluate scores extracted against gold.
func Evaluate(extracted, gold *graph.Graph) Scores {
	key := func(e graph.Edge) [2]string {
		if e.Source > e.Target {
			return [2]string{e.Target, e.Source}
		}
		return [2]string{e.Source, e.Target}
	}
	wx, wg := map[[2]string]float64{}, map[[2]string]float64{}
	for _, e := range extracted.Edges {
		wx[key(e)] += e.Weight
	}
	for _, e := range gold.Edges {
		wg[key(e)] += e.Weight
	}
	var s Scores
	union := make([][2]string, 0, len(wx)+len(wg))
	for k := range wx {
		union = append(union, k)
		if _, ok := wg[k]; ok {
			s.TP++
		} else {
			s.FP++
		}
	}
	for k := range wg {
		if _, ok := wx[k]; !ok {
			s.FN++
			union = append(union, k)
		}
	}
	slices.SortFunc(union, func(a, b [2]string) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	s.Pairs = len(union)
	s.Precision = ratio(s.TP, s.TP+s.FP)
	s.Recall = ratio(s.TP, s.TP+s.FN)
	s.F1 = ratio(2*s.TP, 2*s.TP+s.FP+s.FN)
	x, y := make([]float64, len(union)), make([]float64, len(union))
	for i, k := range union {
		x[i], y[i] = wx[k], wg[k]
	}
	s.Pearson = Pearson(x, y)
	s.Spearman = Spearman(x, y)
	found := extracted.NodeIndex()
	s.GoldNodes = len(gold.Nodes)
	for _, n := range gold.Nodes {
		if _, ok := found[n.ID]; ok {
			s.FoundNodes++
		}
	}
	s.NodeRecall = ratio(s.FoundNodes, s.GoldNodes)
	return s
}

func ratio(a, b int) float64 {
	if b == 0 {
		return math.NaN()
	}
	return float64(a) / float64(b)
}

// Pearson returns the Pearson correlation coefficient of x and y (equal
// lengths), or NaN when it is undefined (fewer than two values, or one
// list constant).
func Pearson(x, y []float64) float64 { return stats.Pearson(x, y) }

// Spearman returns Spearman's rank correlation of x and y: Pearson's r of
// their ranks, tied values getting the average of their ranks (as
// scipy.stats.spearmanr).
func Spearman(x, y []float64) float64 { return stats.Spearman(x, y) }
