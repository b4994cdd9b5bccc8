package centrality

// These tests compare our kernels with gonum.org/v1/gonum/graph/network on
// the same graphs and pin the places where relgraph's conventions differ
// from gonum's on purpose (the "gonum traps"): self-loops panic in gonum's
// simple graphs, its closeness is +Inf for an isolated node, it counts each
// undirected pair twice in betweenness, its PageRank starts from an unseeded
// random vector, and it has no eigenvector centrality.

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	gonumgraph "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/network"
	"gonum.org/v1/gonum/graph/path"
	"gonum.org/v1/gonum/graph/simple"
	"gonum.org/v1/gonum/mat"

	"github.com/relgraph/relgraph/graph"
)

// toGonum returns g as a gonum weighted undirected graph whose node i is
// g.Nodes[i] and whose edge weights are length(weight): 1/w to run gonum's
// path algorithms with Inverse distances, 1 for Unit.
func toGonum(g *graph.Graph, length func(w float64) float64) *simple.WeightedUndirectedGraph {
	gg := simple.NewWeightedUndirectedGraph(0, math.Inf(1))
	for i := range g.Nodes {
		gg.AddNode(simple.Node(i))
	}
	idx := g.NodeIndex()
	for _, e := range g.Edges {
		gg.SetWeightedEdge(gg.NewWeightedEdge(simple.Node(idx[e.Source]), simple.Node(idx[e.Target]), length(e.Weight)))
	}
	return gg
}

// toGonumDirected returns g with every edge in both directions, for gonum's
// PageRank, which takes a directed graph.
func toGonumDirected(g *graph.Graph) gonumgraph.WeightedDirected {
	gg := simple.NewWeightedDirectedGraph(0, 0)
	for i := range g.Nodes {
		gg.AddNode(simple.Node(i))
	}
	idx := g.NodeIndex()
	for _, e := range g.Edges {
		u, v := simple.Node(idx[e.Source]), simple.Node(idx[e.Target])
		gg.SetWeightedEdge(gg.NewWeightedEdge(u, v, e.Weight))
		gg.SetWeightedEdge(gg.NewWeightedEdge(v, u, e.Weight))
	}
	return gg
}

func unitLength(float64) float64      { return 1 }
func inverseLength(w float64) float64 { return 1 / w }

// gonumSlice turns a gonum result map keyed on node id into a slice indexed
// like g.Nodes; absent ids (gonum's betweenness omits zeros) are 0.
func gonumSlice(n int, m map[int64]float64) []float64 {
	out := make([]float64, n)
	for id, v := range m {
		out[id] = v
	}
	return out
}

// gonumCases are graphs on which gonum and we can both run: the hand-worked
// graphs (without ties that gonum's exact comparison would split), seeded
// random graphs with power-of-two weights (so 1/w sums are exact and ties
// are exact ties for gonum too), and miserables when the shared data is there.
func gonumCases(t *testing.T) map[string]*graph.Graph {
	t.Helper()
	cases := map[string]*graph.Graph{}
	for _, c := range handCases {
		if len(c.g.Nodes) > 0 && c.name != "inverse tie 1/10+1/5 = 1/4+1/20" {
			cases[c.name] = c.g
		}
	}
	for _, seed := range []uint64{1, 2, 3} {
		g := randomGraph(60, 2, seed)
		for i := range g.Edges {
			g.Edges[i].Weight = math.Exp2(float64(int(g.Edges[i].Weight) % 4))
		}
		cases[fmt.Sprint("random 60 seed ", seed)] = g
	}
	if _, err := os.Stat(sharedData); err == nil {
		cases["miserables"], _ = loadReference(t, filepath.Join(sharedData, "lesmis", "reference", "miserables.json"))
	}
	return cases
}

func sortedKeys(m map[string]*graph.Graph) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// TestGonumBetweennessCountsTwice: gonum's Betweenness and
// BetweennessWeighted sum over ordered pairs (s, t), so on an undirected
// graph they are exactly twice our unnormalised value (NetworkX's
// normalized=False, which halves Brandes' sum).
func TestGonumBetweennessCountsTwice(t *testing.T) {
	cases := gonumCases(t)
	for _, name := range sortedKeys(cases) {
		g := cases[name]
		n := len(g.Nodes)
		gu := toGonum(g, unitLength)
		theirs := gonumSlice(n, network.Betweenness(gu))
		ours := Betweenness(g, Unit, false)
		for i := range ours {
			if !near(theirs[i], 2*ours[i], 1e-9) {
				t.Errorf("%s unit [%s]: gonum %v, 2×ours %v", name, g.Nodes[i].ID, theirs[i], 2*ours[i])
			}
		}
		gi := toGonum(g, inverseLength)
		theirs = gonumSlice(n, network.BetweennessWeighted(gi, path.DijkstraAllPaths(gi)))
		ours = Betweenness(g, Inverse, false)
		for i := range ours {
			if !near(theirs[i], 2*ours[i], 1e-9) {
				t.Errorf("%s inverse [%s]: gonum %v, 2×ours %v", name, g.Nodes[i].ID, theirs[i], 2*ours[i])
			}
		}
	}
}

// TestGonumWeightedBetweennessMissesTies: gonum's Dijkstra compares path
// lengths exactly, so on the cycle with lengths 1/10, 1/5, 1/20, 1/4 it
// sees only the path a–d–c (0.3) and not a–b–c (0.30000000000000004):
// d gets the whole pair. We count both, as the exact-rational reference does.
func TestGonumWeightedBetweennessMissesTies(t *testing.T) {
	g := build([]string{"a", "b", "c", "d"},
		edge{"a", "b", 10}, edge{"b", "c", 5}, edge{"c", "d", 20}, edge{"a", "d", 4})
	gi := toGonum(g, inverseLength)
	theirs := gonumSlice(4, network.BetweennessWeighted(gi, path.DijkstraAllPaths(gi)))
	checkSlice(t, "gonum/2", []float64{theirs[0] / 2, theirs[1] / 2, theirs[2] / 2, theirs[3] / 2}, []float64{0, 0, 1, 1}, 1e-12)
	checkSlice(t, "ours", Betweenness(g, Inverse, false), []float64{0, 0.5, 1, 0.5}, 1e-12)
}

// TestGonumClosenessIsolatedInf: gonum's Closeness is 1/Σd over reachable
// nodes: +Inf for an isolated node (Σd = 0), and without the (r−1) and
// Wasserman–Faust factors. Ours is 0 for an isolated node and
// (r−1)²/((n−1)·Σd) otherwise, i.e. gonum × (r−1)²/(n−1); on a connected
// graph simply gonum × (n−1).
func TestGonumClosenessIsolatedInf(t *testing.T) {
	cases := gonumCases(t)
	for _, name := range sortedKeys(cases) {
		g := cases[name]
		n := len(g.Nodes)
		comp, members := newAdjacency(g).components()
		for _, d := range []Distance{Unit, Inverse} {
			length := unitLength
			if d == Inverse {
				length = inverseLength
			}
			gg := toGonum(g, length)
			theirs := gonumSlice(n, network.Closeness(gg, path.DijkstraAllPaths(gg)))
			ours := Closeness(g, d)
			for i := range ours {
				r := float64(len(members[comp[i]]))
				switch {
				case r == 1:
					if !math.IsInf(theirs[i], 1) || ours[i] != 0 {
						t.Errorf("%s %v isolated %s: gonum %v (want +Inf), ours %v (want 0)", name, d, g.Nodes[i].ID, theirs[i], ours[i])
					}
				default:
					want := theirs[i] * (r - 1) * (r - 1) / float64(n-1)
					if !near(ours[i], want, 1e-12) {
						t.Errorf("%s %v %s: ours %v, gonum×(r−1)²/(n−1) %v", name, d, g.Nodes[i].ID, ours[i], want)
					}
				}
			}
		}
	}
}

// TestGonumHarmonicAgrees: harmonic centrality has no convention to differ
// on; gonum's Harmonic and ours agree, isolated nodes included (0).
func TestGonumHarmonicAgrees(t *testing.T) {
	cases := gonumCases(t)
	for _, name := range sortedKeys(cases) {
		g := cases[name]
		for _, d := range []Distance{Unit, Inverse} {
			length := unitLength
			if d == Inverse {
				length = inverseLength
			}
			gg := toGonum(g, length)
			theirs := gonumSlice(len(g.Nodes), network.Harmonic(gg, path.DijkstraAllPaths(gg)))
			checkSlice(t, name+" "+d.String(), Harmonic(g, d), theirs, 1e-12)
		}
	}
}

// TestGonumSelfLoopPanics: gonum's simple graphs panic when given a
// self-loop; our kernels ignore it (documented in the package doc), so a
// graph with a loop measures like the same graph without it.
func TestGonumSelfLoopPanics(t *testing.T) {
	loop := &graph.Graph{
		Nodes: []graph.Node{{ID: "a"}, {ID: "b"}, {ID: "c"}},
		Edges: []graph.Edge{{Source: "a", Target: "a", Weight: 4}, {Source: "a", Target: "b", Weight: 1}, {Source: "b", Target: "c", Weight: 2}},
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("gonum accepted a self-loop; the trap this test documents is gone")
			}
		}()
		toGonum(loop, unitLength)
	}()
	clean := build([]string{"a", "b", "c"}, edge{"a", "b", 1}, edge{"b", "c", 2})
	for _, m := range measureFuncs {
		checkSlice(t, m.name, m.f(loop), m.f(clean), 0)
	}
}

// TestGonumPageRankRandomStart: gonum's PageRank starts from a vector of
// unseeded random normals (so two runs need not agree bit for bit) and stops
// on a 2-norm tolerance; ours starts from the uniform vector like NetworkX
// and is identical on every run. Both converge to the same distribution,
// dangling (isolated) nodes spread uniformly in both.
func TestGonumPageRankRandomStart(t *testing.T) {
	cases := gonumCases(t)
	for _, name := range sortedKeys(cases) {
		g := cases[name]
		n := len(g.Nodes)
		ours := PageRank(g, 0.85)
		if again := PageRank(g, 0.85); !slices.Equal(ours, again) {
			t.Errorf("%s: our PageRank differs between runs", name)
		}
		gd := toGonumDirected(g)
		a := gonumSlice(n, network.PageRank(gd, 0.85, 1e-13))
		b := gonumSlice(n, network.PageRank(gd, 0.85, 1e-13))
		checkSlice(t, name, ours, a, 1e-9)
		if !slices.Equal(a, b) {
			t.Logf("%s: gonum's two PageRank runs differ in the last bits (random start)", name)
		}
	}
}

// TestGonumNoEigenvector: gonum has no eigenvector centrality, so we check
// ours against gonum's dense symmetric eigensolver (mat.EigenSym) on the
// whole adjacency matrix of connected graphs (not per component as
// Eigenvector works), and check the eigen-equation residual.
func TestGonumNoEigenvector(t *testing.T) {
	graphs := map[string]*graph.Graph{
		"path":   handCases[3].g,
		"star":   handCases[4].g,
		"random": randomGraph(150, 3, 5),
		"star 9": starGraph(9),
	}
	for _, name := range sortedKeys(graphs) {
		g := graphs[name]
		n := len(g.Nodes)
		a := mat.NewSymDense(n, nil)
		idx := g.NodeIndex()
		for _, e := range g.Edges {
			a.SetSym(idx[e.Source], idx[e.Target], e.Weight)
		}
		var es mat.EigenSym
		if !es.Factorize(a, true) {
			t.Fatalf("%s: EigenSym failed", name)
		}
		lambda := es.Values(nil)[n-1]
		var vecs mat.Dense
		es.VectorsTo(&vecs)
		want := mat.Col(nil, n-1, &vecs)
		if floatsSum(want) < 0 {
			for i := range want {
				want[i] = -want[i]
			}
		}
		got := Eigenvector(g)
		checkSlice(t, name, got, want, 1e-10)
		var ax mat.VecDense
		ax.MulVec(a, mat.NewVecDense(n, got))
		for i := range got {
			if !near(ax.AtVec(i), lambda*got[i], 1e-9) {
				t.Errorf("%s: (Ax)[%d] = %v, λx = %v", name, i, ax.AtVec(i), lambda*got[i])
				break
			}
		}
	}
}

func floatsSum(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v
	}
	return s
}
