package stats

import (
	"math"
	"slices"
	"testing"
)

func TestAverageRanks(t *testing.T) {
	// scipy.stats.rankdata([10, 20, 20, 30]) = [1, 2.5, 2.5, 4]
	if got := AverageRanks([]float64{10, 20, 20, 30}); !slices.Equal(got, []float64{1, 2.5, 2.5, 4}) {
		t.Errorf("AverageRanks = %v", got)
	}
	if got := AverageRanks(nil); len(got) != 0 {
		t.Errorf("AverageRanks(nil) = %v", got)
	}
}

func TestCorrelations(t *testing.T) {
	tests := []struct {
		x, y              []float64
		pearson, spearman float64
	}{
		// Worked by hand: perfectly linear, and reversed.
		{[]float64{1, 2, 3}, []float64{2, 4, 6}, 1, 1},
		{[]float64{1, 2, 3}, []float64{3, 2, 1}, -1, -1},
		// scipy.stats.spearmanr([1,2,2,3],[1,2,3,4]) = 0.9486832980505138;
		// pearsonr([1,2,2,3],[1,2,3,4]) = 0.9486832980505138 as well.
		{[]float64{1, 2, 2, 3}, []float64{1, 2, 3, 4}, 0.9486832980505138, 0.9486832980505138},
	}
	for _, tc := range tests {
		if got := Pearson(tc.x, tc.y); math.Abs(got-tc.pearson) > 1e-12 {
			t.Errorf("Pearson(%v, %v) = %v, want %v", tc.x, tc.y, got, tc.pearson)
		}
		if got := Spearman(tc.x, tc.y); math.Abs(got-tc.spearman) > 1e-12 {
			t.Errorf("Spearman(%v, %v) = %v, want %v", tc.x, tc.y, got, tc.spearman)
		}
	}
	for _, bad := range [][2][]float64{{{1}, {1}}, {{1, 1}, {1, 2}}, {{1, 2}, {1}}} {
		if !math.IsNaN(Pearson(bad[0], bad[1])) || !math.IsNaN(Spearman(bad[0], bad[1])) {
			t.Errorf("%v: want NaN (undefined)", bad)
		}
	}
}
