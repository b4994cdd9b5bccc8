package centrality

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// sharedData is ../shared/data beside the repository, seen from this
// package's directory (graph/centrality).
const sharedData = "../../../shared/data"

// referenceFile is the part of a reference JSON written by
// ../shared/tools/reference_values.py (NetworkX 2.8.8, cross-checked with
// python-igraph 0.10.2) that these tests read.
type referenceFile struct {
	Graph    string                    `json:"graph"`
	Nodes    int                       `json:"nodes"`
	Edges    int                       `json:"edges"`
	PerNode  map[string]map[string]any `json:"per_node"`
	EdgeList [][3]json.RawMessage      `json:"edge_list"`
}

// referenceFiles returns every reference JSON under ../shared/data, sorted,
// or skips t when the shared data is absent.
func referenceFiles(t testing.TB) []string {
	t.Helper()
	if _, err := os.Stat(sharedData); err != nil {
		t.Skip("../shared/data not found: reference tests need the shared data beside the repository")
	}
	files, err := filepath.Glob(filepath.Join(sharedData, "*", "reference", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	files = slices.DeleteFunc(files, func(f string) bool { return filepath.Base(f) == "crosscheck.json" })
	slices.Sort(files)
	if len(files) == 0 {
		t.Skip("no reference JSON under ../shared/data/*/reference")
	}
	return files
}

// loadReference reads a reference file and builds the graph it measured:
// nodes from per_node's keys (so isolated nodes are kept, with their label
// as Name), edges from edge_list [u, v, weight].
func loadReference(t testing.TB, path string) (*graph.Graph, *referenceFile) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var ref referenceFile
	if err := json.Unmarshal(data, &ref); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	g := &graph.Graph{Episode: graph.Episode{ID: ref.Graph}}
	for id, vals := range ref.PerNode {
		label, _ := vals["label"].(string)
		g.Nodes = append(g.Nodes, graph.Node{ID: id, Name: label})
	}
	for i, e := range ref.EdgeList {
		var u, v string
		var w float64
		if err := json.Unmarshal(e[0], &u); err != nil {
			t.Fatalf("%s: edge_list[%d][0]: %v", path, i, err)
		}
		if err := json.Unmarshal(e[1], &v); err != nil {
			t.Fatalf("%s: edge_list[%d][1]: %v", path, i, err)
		}
		if err := json.Unmarshal(e[2], &w); err != nil {
			t.Fatalf("%s: edge_list[%d][2]: %v", path, i, err)
		}
		g.Edges = append(g.Edges, graph.Edge{Source: u, Target: v, Weight: w})
	}
	g.Canonicalize()
	if err := g.Validate(); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(g.Nodes) != ref.Nodes || len(g.Edges) != ref.Edges {
		t.Fatalf("%s: built %d nodes, %d edges; file says %d, %d", path, len(g.Nodes), len(g.Edges), ref.Nodes, ref.Edges)
	}
	return g, &ref
}

// referenceChecks pairs each reference key with our measure; see
// ../shared/data/README.md for the NetworkX call behind each key.
var referenceChecks = []struct {
	key, how string
	f        func(*graph.Graph) []float64
}{
	{"degree", "", Degree},
	{"strength", "", Strength},
	// betweenness_centrality(G, normalized=True), unweighted.
	{"betweenness", "unit", func(g *graph.Graph) []float64 { return Betweenness(g, Unit, true) }},
	// Exact-rational Brandes with distance 1/w (matches igraph to 1e-9);
	// NetworkX's own betweenness_weighted misses float ties, see the README.
	{"betweenness_weighted_exact", "inverse", func(g *graph.Graph) []float64 { return Betweenness(g, Inverse, true) }},
	{"closeness", "unit", func(g *graph.Graph) []float64 { return Closeness(g, Unit) }},
	{"harmonic", "unit", func(g *graph.Graph) []float64 { return Harmonic(g, Unit) }},
	{"closeness_weighted", "inverse", func(g *graph.Graph) []float64 { return Closeness(g, Inverse) }},
	{"harmonic_weighted", "inverse", func(g *graph.Graph) []float64 { return Harmonic(g, Inverse) }},
	// eigenvector_centrality_numpy(G, weight="weight"), with each of our
	// solvers for every component.
	{"eigenvector_weighted", "dense", func(g *graph.Graph) []float64 { return eigenvector(newAdjacency(g), math.MaxInt) }},
	{"eigenvector_weighted", "lanczos", func(g *graph.Graph) []float64 { return eigenvector(newAdjacency(g), 1) }},
	// pagerank(G, alpha=0.85, weight="weight", tol=1e-12).
	{"pagerank_weighted", "", func(g *graph.Graph) []float64 { return PageRank(g, 0.85) }},
}

// TestReferenceValues checks every measure on every reference graph
// (Star Wars, A Song of Ice and Fire, Les Misérables, GerDraCor plays)
// against NetworkX to 1e-6, and logs the largest difference per measure.
func TestReferenceValues(t *testing.T) {
	const tol = 1e-6
	for _, path := range referenceFiles(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			g, ref := loadReference(t, path)
			var summary []string
			for _, c := range referenceChecks {
				got := c.f(g)
				var maxDiff float64
				for i, n := range g.Nodes {
					want, ok := ref.PerNode[n.ID][c.key].(float64)
					if !ok {
						t.Fatalf("%s: per_node[%q] has no number %q", path, n.ID, c.key)
					}
					d := math.Abs(got[i] - want)
					maxDiff = max(maxDiff, d)
					if d > tol {
						t.Errorf("%s (%s) [%q]: got %.12g, want %.12g (diff %.2g)", c.key, c.how, n.ID, got[i], want, d)
					}
				}
				label := c.key
				if c.how != "" {
					label += "(" + c.how + ")"
				}
				summary = append(summary, fmt.Sprintf("%s %.1e", label, maxDiff))
			}
			t.Logf("n=%d m=%d max |ours − reference|: %s", len(g.Nodes), len(g.Edges), strings.Join(summary, ", "))
		})
	}
}

// TestReferenceNetworkXTieMisses documents the README caveat: NetworkX's
// own weighted betweenness (exact float comparison) differs from the exact
// value on some graphs, and ours follows the exact one.
func TestReferenceNetworkXTieMisses(t *testing.T) {
	for _, path := range referenceFiles(t) {
		g, ref := loadReference(t, path)
		ours := Betweenness(g, Inverse, true)
		var nxDiff, ourDiff float64
		for i, n := range g.Nodes {
			exact := ref.PerNode[n.ID]["betweenness_weighted_exact"].(float64)
			nx := ref.PerNode[n.ID]["betweenness_weighted"].(float64)
			nxDiff = max(nxDiff, math.Abs(nx-exact))
			ourDiff = max(ourDiff, math.Abs(ours[i]-exact))
		}
		if nxDiff > 1e-9 {
			t.Logf("%s: NetworkX weighted betweenness off the exact value by %.2g; ours by %.2g",
				filepath.Base(path), nxDiff, ourDiff)
		}
		if ourDiff > 1e-9 {
			t.Errorf("%s: ours off the exact weighted betweenness by %.2g", filepath.Base(path), ourDiff)
		}
	}
}
