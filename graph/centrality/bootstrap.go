package centrality

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/relgraph/relgraph/graph"
)

// BootstrapLevel is the coverage of the intervals Bootstrap reports.
const BootstrapLevel = 0.95

// MinBootstrapSamples is the fewest resamples Bootstrap accepts. A 95%
// percentile interval's ends are the ⌊0.025(N−1)⌋-th and ⌈0.975(N−1)⌉-th
// of the N sorted sample values: below 41 samples these are the smallest
// and the largest, so the coverage is set by N rather than by the level
// (the range of N draws covers a new draw with probability (N−1)/(N+1):
// 33% for N = 2, 90% for N = 20), and a single sample gives an "interval"
// that is one resample and need not contain the full graph's value. From
// 100 samples each end is the 3rd value from its side; Efron and
// Tibshirani (An Introduction to the Bootstrap, 1993, §13.3 and §19.3)
// advise about 1000 for percentile intervals, the number the command line
// suggests.
const MinBootstrapSamples = 100

// BootstrapOptions says how Bootstrap resamples.
type BootstrapOptions struct {
	// Samples is the number of resampled graphs, at least
	// MinBootstrapSamples (100); a thousand give stable 95% intervals.
	Samples int
	// Seed seeds the random source (math/rand/v2's PCG): the same graph,
	// options and seed give the same intervals.
	Seed uint64
}

// BootstrapInfo records how a Ranking's intervals were made.
type BootstrapInfo struct {
	// Samples and Seed are those of BootstrapOptions.
	Samples int
	Seed    uint64
	// Level is the coverage of the intervals (BootstrapLevel).
	Level float64
	// Units is the number of distinct interaction units resampled.
	Units int
}

// Bootstrap ranks g as Rank does and adds to every row a 95% interval for
// each measure and for the rank, by resampling the interaction units the
// graph was built from (B. Efron, "Bootstrap methods: another look at the
// jackknife", Ann. Statist. 7, 1979, doi:10.1214/aos/1176344552).
//
// The units are the distinct unit numbers listed in the edges' Units (the
// sentences or scenes in which two characters interact; units without any
// interaction cannot change a measure and are not drawn). Each sample draws
// as many units as there are, uniformly with replacement, and rebuilds
// every edge with weight = (its weight / its number of units) × (number of
// draws of its units) — for an extracted graph, the number of drawn units
// in which the pair interacts; an edge none of whose units is drawn
// disappears. All nodes are kept. The sample's measures are computed with
// opt (its ranks by opt.By, ties by id, as in Rank).
//
// Intervals are percentile intervals: of the sorted sample values
// x_(0) ≤ … ≤ x_(N−1), the low end is x_(⌊0.025(N−1)⌋) and the high end
// x_(⌈0.975(N−1)⌉) — always observed values, slightly wider than
// interpolated ones. They are stored in Row.Values under "<measure>_low"
// and "<measure>_high" for every measure in Measures, and in Row.RankLow
// and Row.RankHigh; Ranking.Bootstrap says how they were made. The point
// values and the order are those of the full graph.
//
// Sample i draws from PCG(Seed, i), so samples run in parallel and the
// result does not depend on GOMAXPROCS. Time is Samples × the time of Rank.
//
// The interval of a measure is that of the resamples and need not contain
// the full graph's value (a skewed measure, or a value that few resamples
// reach); the value is reported beside it (Row.Values[measure]).
//
// Bootstrap returns Rank's errors, an error for Samples <
// MinBootstrapSamples, and an error
// naming the edge when an edge lists no units (a graph read from a format
// without units cannot be resampled), or when g has no edges.
func Bootstrap(g *graph.Graph, opt Options, bo BootstrapOptions) (*Ranking, error) {
	if bo.Samples < MinBootstrapSamples {
		return nil, fmt.Errorf("centrality: bootstrap needs at least %d samples for %g%% percentile intervals, got %d", MinBootstrapSamples, 100*BootstrapLevel, bo.Samples)
	}
	top := opt.Top
	opt.Top = 0
	base, err := Rank(g, opt)
	if err != nil {
		return nil, err
	}
	if len(g.Edges) == 0 {
		return nil, fmt.Errorf("centrality: bootstrap: the graph has no edges, so no interaction units to resample")
	}
	// Index the distinct units and each edge's draws.
	unitIdx := map[int]int32{}
	for i, e := range g.Edges {
		if len(e.Units) == 0 {
			return nil, fmt.Errorf("centrality: bootstrap: edges[%d] (%s–%s) lists no units; resampling needs a graph made by relgraph extract, whose edges list the units they come from", i, e.Source, e.Target)
		}
		for _, u := range e.Units {
			if _, ok := unitIdx[u]; !ok {
				unitIdx[u] = 0
			}
		}
	}
	units := make([]int, 0, len(unitIdx))
	for u := range unitIdx {
		units = append(units, u)
	}
	slices.Sort(units)
	for i, u := range units {
		unitIdx[u] = int32(i)
	}
	edgeUnits := make([][]int32, len(g.Edges))
	perUnit := make([]float64, len(g.Edges))
	for i, e := range g.Edges {
		for _, u := range e.Units {
			edgeUnits[i] = append(edgeUnits[i], unitIdx[u])
		}
		perUnit[i] = e.Weight / float64(len(e.Units))
	}

	measures := base.Measures
	by := base.By
	need := measures
	if !slices.Contains(need, by) {
		need = append(slices.Clip(need), by)
	}
	n, k := len(g.Nodes), len(units)
	// vals[m][i*Samples+b] is measure m of node i in sample b; ranks alike.
	vals := make([][]float64, len(measures))
	for m := range vals {
		vals[m] = make([]float64, n*bo.Samples)
	}
	ranks := make([]float64, n*bo.Samples)
	var firstErr error
	var errOnce sync.Once
	sample := func(b int, counts []int32, sg *graph.Graph) {
		rng := rand.New(rand.NewPCG(bo.Seed, uint64(b)))
		clear(counts)
		for range k {
			counts[rng.IntN(k)]++
		}
		for i, eu := range edgeUnits {
			var c int32
			for _, u := range eu {
				c += counts[u]
			}
			sg.Edges[i].Weight = perUnit[i] * float64(c) // 0: dropped by newAdjacency
		}
		v, err := compute(newAdjacency(sg), need, opt)
		if err != nil {
			errOnce.Do(func() { firstErr = fmt.Errorf("centrality: bootstrap sample %d: %w", b, err) })
			return
		}
		for m, name := range measures {
			for i, x := range v[name] {
				vals[m][i*bo.Samples+b] = x
			}
		}
		for r, i := range rankOrder(sg, v[by]) {
			ranks[i*bo.Samples+b] = float64(r + 1)
		}
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), bo.Samples) {
		wg.Go(func() {
			counts := make([]int32, k)
			sg := &graph.Graph{Nodes: g.Nodes, Edges: make([]graph.Edge, len(g.Edges))}
			for i, e := range g.Edges {
				sg.Edges[i] = graph.Edge{Source: e.Source, Target: e.Target}
			}
			for {
				b := int(next.Add(1) - 1)
				if b >= bo.Samples {
					return
				}
				sample(b, counts, sg)
			}
		})
	}
	wg.Wait()
	if firstErr != nil {
		return nil, firstErr
	}

	lo := int(math.Floor((1 - BootstrapLevel) / 2 * float64(bo.Samples-1)))
	hi := int(math.Ceil((1 + BootstrapLevel) / 2 * float64(bo.Samples-1)))
	idx := g.NodeIndex()
	interval := func(xs []float64) (float64, float64) {
		slices.Sort(xs)
		return xs[lo], xs[hi]
	}
	for r := range base.Rows {
		row := &base.Rows[r]
		i := idx[row.ID]
		for m, name := range measures {
			row.Values[name+"_low"], row.Values[name+"_high"] = interval(vals[m][i*bo.Samples : (i+1)*bo.Samples])
		}
		l, h := interval(ranks[i*bo.Samples : (i+1)*bo.Samples])
		row.RankLow, row.RankHigh = int(l), int(h)
	}
	if top > 0 && top < len(base.Rows) {
		base.Rows = base.Rows[:top]
	}
	base.Bootstrap = &BootstrapInfo{Samples: bo.Samples, Seed: bo.Seed, Level: BootstrapLevel, Units: k}
	return base, nil
}
