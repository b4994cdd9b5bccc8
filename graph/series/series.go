package series

import (
	"fmt"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/centrality"
	"github.com/relgraph/relgraph/graph/diff"
)

// Kind names a Mode.
type Kind int

// The modes of a series (see the package doc).
const (
	Episodes Kind = iota
	Cumulative
	Window
	Smoothed
)

// Mode says which graph stands for each episode: Kind, and K (≥ 1) for
// Window.
type Mode struct {
	Kind Kind
	K    int
}

// ParseMode reads "episodes" (or ""), "cumulative", "window:K" with K ≥ 1,
// or "smoothed".
func ParseMode(s string) (Mode, error) {
	switch s {
	case "", "episodes":
		return Mode{Kind: Episodes}, nil
	case "cumulative":
		return Mode{Kind: Cumulative}, nil
	case "smoothed":
		return Mode{Kind: Smoothed}, nil
	}
	if k, ok := strings.CutPrefix(s, "window:"); ok {
		n, err := strconv.Atoi(k)
		if err != nil || n < 1 {
			return Mode{}, fmt.Errorf("series: mode %q: K must be a whole number ≥ 1", s)
		}
		return Mode{Kind: Window, K: n}, nil
	}
	return Mode{}, fmt.Errorf("series: unknown mode %q (valid: episodes, cumulative, window:K, smoothed)", s)
}

// String returns the spelling ParseMode reads.
func (m Mode) String() string {
	switch m.Kind {
	case Cumulative:
		return "cumulative"
	case Window:
		return "window:" + strconv.Itoa(m.K)
	case Smoothed:
		return "smoothed"
	}
	return "episodes"
}

// Check returns an error when the episodes cannot form a series: a nil or
// directed graph, or two episodes of one name (graph.Graph.Name), which
// would make the rows of the long table ambiguous.
func Check(eps []*graph.Graph) error {
	seen := make(map[string]int, len(eps))
	for i, g := range eps {
		if g == nil {
			return fmt.Errorf("series: episode %d is nil", i+1)
		}
		if j, dup := seen[g.Name()]; dup {
			return fmt.Errorf("series: episodes %d and %d are both named %q (give each graph its own episode id)", j+1, i+1, g.Name())
		}
		seen[g.Name()] = i
	}
	return nil
}

// Frames calls yield with the graph of every episode under m, in episode
// order (index t from 0), until yield returns false. The graphs of the
// Cumulative, Window and Smoothed modes are new: each carries the Episode
// of its episode and may be kept by yield; the Episodes mode yields the
// inputs. See the package doc for the rules.
func Frames(eps []*graph.Graph, m Mode, yield func(t int, g *graph.Graph) bool) {
	switch m.Kind {
	case Cumulative:
		var acc accumulator
		for t, g := range eps {
			acc.add(g)
			if !yield(t, acc.graph(g.Episode)) {
				return
			}
		}
	case Window:
		for t, g := range eps {
			var acc accumulator
			for _, h := range eps[max(0, t-m.K+1) : t+1] {
				acc.add(h)
			}
			if !yield(t, acc.graph(g.Episode)) {
				return
			}
		}
	case Smoothed:
		smooth(eps, yield)
	default:
		for t, g := range eps {
			if !yield(t, g) {
				return
			}
		}
	}
}

type pair struct{ s, t string }

func key(e graph.Edge) pair {
	if e.Source > e.Target {
		return pair{e.Target, e.Source}
	}
	return pair{e.Source, e.Target}
}

// accumulator sums graphs: nodes and edges in order of first appearance,
// names from the latest graph, weights summed.
type accumulator struct {
	nodes []graph.Node
	nodeI map[string]int
	edges []graph.Edge
	edgeI map[pair]int
}

func (a *accumulator) add(g *graph.Graph) {
	if a.nodeI == nil {
		a.nodeI = map[string]int{}
		a.edgeI = map[pair]int{}
	}
	for _, n := range g.Nodes {
		if i, ok := a.nodeI[n.ID]; ok {
			a.nodes[i].Name = n.Name
			continue
		}
		a.nodeI[n.ID] = len(a.nodes)
		a.nodes = append(a.nodes, graph.Node{ID: n.ID, Name: n.Name})
	}
	for _, e := range g.Edges {
		k := key(e)
		if i, ok := a.edgeI[k]; ok {
			a.edges[i].Weight += e.Weight
			continue
		}
		a.edgeI[k] = len(a.edges)
		a.edges = append(a.edges, graph.Edge{Source: k.s, Target: k.t, Weight: e.Weight})
	}
}

// graph returns a copy of the sum so far, labelled ep (units dropped: a sum
// of episodes has no single unit count).
func (a *accumulator) graph(ep graph.Episode) *graph.Graph {
	ep.Units = 0
	return &graph.Graph{Episode: ep, Nodes: slices.Clone(a.nodes), Edges: slices.Clone(a.edges)}
}

// smooth yields the narratively smoothed graph of every episode (see the
// package doc for the rule).
func smooth(eps []*graph.Graph, yield func(int, *graph.Graph) bool) {
	T := len(eps)
	// Per character: strength prefix sums S[t+1] = Σ_{u≤t} s(u).
	type char struct {
		prefix []float64 // length T+1
	}
	chars := map[string]*char{}
	strength := func(id string) *char {
		c := chars[id]
		if c == nil {
			c = &char{prefix: make([]float64, T+1)}
			chars[id] = c
		}
		return c
	}
	type activation struct {
		t int
		w float64
	}
	type tie struct {
		p    pair
		acts []activation
	}
	var ties []*tie
	tieI := map[pair]*tie{}
	for t, g := range eps {
		for _, e := range g.Edges {
			k := key(e)
			tt := tieI[k]
			if tt == nil {
				tt = &tie{p: k}
				tieI[k] = tt
				ties = append(ties, tt)
			}
			if n := len(tt.acts); n > 0 && tt.acts[n-1].t == t {
				tt.acts[n-1].w += e.Weight // a repeated pair sums
			} else {
				tt.acts = append(tt.acts, activation{t, e.Weight})
			}
			strength(k.s).prefix[t+1] += e.Weight
			strength(k.t).prefix[t+1] += e.Weight
		}
	}
	for _, c := range chars {
		for t := 1; t <= T; t++ {
			c.prefix[t] += c.prefix[t-1]
		}
	}
	// sum(id, a, b) = Σ_{u=a..b} s_id(u), 0-based inclusive.
	sum := func(c *char, a, b int) float64 {
		if b < a {
			return 0
		}
		return c.prefix[b+1] - c.prefix[a]
	}
	at := func(c *char, u int) float64 { return sum(c, u, u) }
	next := make([]int, len(ties)) // index into acts of the first activation ≥ t
	var names accumulator          // the cast so far, for names and order
	for t, g := range eps {
		names.add(&graph.Graph{Nodes: g.Nodes})
		present := make(map[string]bool, len(g.Nodes))
		for _, n := range g.Nodes {
			present[n.ID] = true
		}
		var edges []graph.Edge
		inFrame := map[string]bool{}
		for i, tt := range ties {
			for next[i] < len(tt.acts) && tt.acts[next[i]].t < t {
				next[i]++
			}
			k := next[i]
			var w float64
			switch {
			case k < len(tt.acts) && tt.acts[k].t == t:
				w = tt.acts[k].w
			case k == 0 || k == len(tt.acts):
				continue // before the first or after the last activation
			default:
				ci, cj := chars[tt.p.s], chars[tt.p.t]
				prev, nxt := tt.acts[k-1], tt.acts[k]
				back := prev.w * math.Exp(-(sum(ci, prev.t+1, t)+sum(cj, prev.t+1, t))/(at(ci, prev.t)+at(cj, prev.t)))
				fwd := nxt.w * math.Exp(-(sum(ci, t, nxt.t-1)+sum(cj, t, nxt.t-1))/(at(ci, nxt.t)+at(cj, nxt.t)))
				w = max(back, fwd)
			}
			if !(w >= graph.MinWeight) {
				continue // faded below what a graph can hold
			}
			edges = append(edges, graph.Edge{Source: tt.p.s, Target: tt.p.t, Weight: w})
			inFrame[tt.p.s], inFrame[tt.p.t] = true, true
		}
		var nodes []graph.Node
		for _, n := range names.nodes {
			if present[n.ID] || inFrame[n.ID] {
				nodes = append(nodes, n)
			}
		}
		ep := g.Episode
		ep.Units = 0
		if !yield(t, &graph.Graph{Episode: ep, Nodes: nodes, Edges: edges}) {
			return
		}
	}
}

// Options says what Run measures.
type Options struct {
	// Mode picks the graph of each episode.
	Mode Mode
	// Measures are the measures of every frame (names from
	// centrality.AllMeasures); nil or empty means all.
	Measures []string
	// Distance is the edge length of the path measures; the zero value is
	// centrality.Inverse. Betweenness is normalised.
	Distance centrality.Distance
	// Diffs makes Run compare every frame with the one before it
	// (Frame.Diff).
	Diffs bool
	// Graphs makes every Frame.Graph carry its edges. Without it (and
	// without Diffs) a Cumulative run whose measures are among degree,
	// strength, eigenvector and pagerank takes the incremental path: one
	// growing graph, PageRank and eigenvector restarted from the previous
	// episode's vectors (checked against package centrality in the tests),
	// and frames whose Graph holds the nodes only.
	Graphs bool
	// Workers bounds the frames measured at once; 0 means GOMAXPROCS.
	Workers int
	// Progress, if set, is called after each frame with the number of
	// frames done and the total.
	Progress func(done, total int)
}

// Frame is the graph of one episode under the mode, with its measures.
type Frame struct {
	// Index is the episode's position, from 0.
	Index int
	// Graph is the frame graph (see Frames; without its edges on the
	// incremental path, see Options.Graphs).
	Graph *graph.Graph
	// Ties counts the frame's edges (also when Graph does not carry them).
	Ties int
	// Measures are the measures of Options, in order.
	Measures []string
	// Values holds each measure's values, indexed like Graph.Nodes; it also
	// holds "strength" when not asked for.
	Values diff.Values
	// Ranks holds each measure's ranks (1 = highest; ties by id, as
	// centrality.Rank), indexed like Graph.Nodes.
	Ranks map[string][]int
	// Diff compares the previous frame's graph with this one (nil for the
	// first frame or without Options.Diffs).
	Diff *diff.Result
}

// Run measures every frame of the series and calls emit with each, in
// episode order; emit's error stops the run and is returned. Frames are
// measured in parallel, Options.Workers at a time; a frame passed to emit
// is not used by Run afterwards except as the previous frame of the next
// diff. Errors: a bad measure, episodes that fail Check.
func Run(eps []*graph.Graph, opt Options, emit func(*Frame) error) error {
	if err := Check(eps); err != nil {
		return err
	}
	dopt := diff.Options{Measures: opt.Measures, Distance: opt.Distance}
	measures, err := diff.MeasureNames(dopt)
	if err != nil {
		return err
	}
	if opt.Mode.Kind == Cumulative && !opt.Diffs && !opt.Graphs &&
		!slices.ContainsFunc(measures, func(m string) bool { return !slices.Contains(incrementalMeasures, m) }) {
		return runGrowing(eps, measures, opt, emit)
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	batch := make([]*Frame, 0, 2*workers)
	var prev *Frame
	done := 0
	flush := func() error {
		errs := make([]error, len(batch))
		var wg sync.WaitGroup
		sem := make(chan struct{}, workers)
		for i, f := range batch {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer func() { <-sem; wg.Done() }()
				errs[i] = measure(f, dopt)
			}()
		}
		wg.Wait()
		for i, f := range batch {
			if errs[i] != nil {
				return errs[i]
			}
			if opt.Diffs && prev != nil {
				d, err := diff.CompareValues(prev.Graph, f.Graph, prev.Values, f.Values, dopt)
				if err != nil {
					return err
				}
				f.Diff = d
			}
			if err := emit(f); err != nil {
				return err
			}
			prev = f
			done++
			if opt.Progress != nil {
				opt.Progress(done, len(eps))
			}
		}
		batch = batch[:0]
		return nil
	}
	var runErr error
	Frames(eps, opt.Mode, func(t int, g *graph.Graph) bool {
		batch = append(batch, &Frame{Index: t, Graph: g, Ties: len(g.Edges), Measures: measures})
		if len(batch) == cap(batch) {
			if runErr = flush(); runErr != nil {
				return false
			}
		}
		return true
	})
	if runErr != nil {
		return runErr
	}
	return flush()
}

// measure fills f.Values and f.Ranks.
func measure(f *Frame, opt diff.Options) error {
	v, err := diff.Measure(f.Graph, opt)
	if err != nil {
		return fmt.Errorf("series: episode %s: %w", f.Graph.Name(), err)
	}
	f.Values = v
	f.Ranks = make(map[string][]int, len(f.Measures))
	for _, m := range f.Measures {
		f.Ranks[m] = diff.Ranks(f.Graph, v[m])
	}
	return nil
}

// Row is one line of the long table: the value and rank (1 = highest,
// ties broken by id) of one measure for one character in one episode.
type Row struct {
	Episode string  `json:"episode"`
	ID      string  `json:"id"`
	Name    string  `json:"name"`
	Measure string  `json:"measure"`
	Value   float64 `json:"value"`
	Rank    int     `json:"rank"`
}

// Rows returns the long-table rows of f: for each measure in f.Measures
// order, the characters by rank.
func (f *Frame) Rows() []Row {
	rows := make([]Row, 0, len(f.Measures)*len(f.Graph.Nodes))
	order := make([]int, len(f.Graph.Nodes))
	for _, m := range f.Measures {
		rk := f.Ranks[m]
		for i, r := range rk {
			order[r-1] = i
		}
		for _, i := range order {
			n := f.Graph.Nodes[i]
			rows = append(rows, Row{Episode: f.Graph.Name(), ID: n.ID, Name: n.Label(), Measure: m, Value: f.Values[m][i], Rank: rk[i]})
		}
	}
	return rows
}

// runGrowing is Run's incremental path for the Cumulative mode.
func runGrowing(eps []*graph.Graph, measures []string, opt Options, emit func(*Frame) error) error {
	c := newGrowing()
	for t, g := range eps {
		c.add(g)
		ep := g.Episode
		ep.Units = 0
		f := &Frame{Index: t, Graph: &graph.Graph{Episode: ep, Nodes: c.nodes()}, Ties: c.edges, Measures: measures}
		f.Values = c.measure(append(slices.Clone(measures), "strength"), ep)
		f.Ranks = c.ranks(measures, f.Values)
		if err := emit(f); err != nil {
			return err
		}
		if opt.Progress != nil {
			opt.Progress(t+1, len(eps))
		}
	}
	return nil
}
