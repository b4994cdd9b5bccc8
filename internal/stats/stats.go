// Package stats provides the rank statistics that several relgraph
// packages report: average ranks, and Pearson's and Spearman's
// correlation coefficients.
package stats

import (
	"cmp"
	"math"
	"slices"
)

// AverageRanks returns the 1-based ascending ranks of v, indexed like v;
// equal values share the mean of the ranks they occupy ([10, 20, 20, 30] →
// [1, 2.5, 2.5, 4]), as scipy.stats.rankdata(method="average").
func AverageRanks(v []float64) []float64 {
	idx := make([]int, len(v))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(i, j int) int { return cmp.Compare(v[i], v[j]) })
	out := make([]float64, len(v))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && v[idx[j+1]] == v[idx[i]] {
			j++
		}
		avg := float64(i+j)/2 + 1
		for k := i; k <= j; k++ {
			out[idx[k]] = avg
		}
		i = j + 1
	}
	return out
}

// Pearson returns the Pearson correlation coefficient of x and y (equal
// lengths), in [−1, 1], or NaN when it is undefined: fewer than two
// values, lengths that differ, or one list constant.
func Pearson(x, y []float64) float64 {
	n := len(x)
	if n < 2 || len(y) != n {
		return math.NaN()
	}
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(n)
	my /= float64(n)
	var sxy, sxx, syy float64
	for i := range x {
		dx, dy := x[i]-mx, y[i]-my
		sxy += dx * dy
		sxx += dx * dx
		syy += dy * dy
	}
	if sxx == 0 || syy == 0 {
		return math.NaN()
	}
	return max(-1, min(1, sxy/math.Sqrt(sxx*syy)))
}

// Spearman returns Spearman's rank correlation of x and y: Pearson's r of
// their average ranks (C. Spearman, "The proof and measurement of
// association between two things", Am. J. Psychol. 15, 1904), NaN where
// Pearson is undefined.
func Spearman(x, y []float64) float64 {
	if len(x) != len(y) {
		return math.NaN()
	}
	return Pearson(AverageRanks(x), AverageRanks(y))
}
