package centrality

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// expectedFile is testdata/expected.json, written by
// testdata/make_expected.py with NetworkX 2.8.8: Katz, clustering,
// clustering_weighted, coreness, triangles and unweighted edge betweenness
// of every shared reference graph (by file name) and of small graphs whose
// edges it lists.
type expectedFile struct {
	Reference map[string]expectedValues `json:"reference"`
	Small     []struct {
		Name   string         `json:"name"`
		Nodes  []string       `json:"nodes"`
		Edges  [][3]any       `json:"edges"`
		Values expectedValues `json:"values"`
	} `json:"small"`
}

type expectedValues struct {
	Katz               map[string]float64 `json:"katz"`
	Clustering         map[string]float64 `json:"clustering"`
	ClusteringWeighted map[string]float64 `json:"clustering_weighted"`
	Coreness           map[string]float64 `json:"coreness"`
	Triangles          map[string]float64 `json:"triangles"`
	LambdaMax          float64            `json:"lambda_max"`
	// EdgeBetweennessUnit holds [u, v, value] with u < v.
	EdgeBetweennessUnit [][3]any `json:"edge_betweenness_unit"`
}

func loadExpected(t *testing.T) *expectedFile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f expectedFile
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatalf("testdata/expected.json: %v", err)
	}
	return &f
}

// checkExpected compares our Katz, clustering, coreness, triangles and
// unit edge betweenness on g with NetworkX's values to tol.
func checkExpected(t *testing.T, g *graph.Graph, want expectedValues, tol float64) {
	t.Helper()
	katz, err := Katz(g, 0)
	if err != nil {
		t.Fatal(err)
	}
	a := newAdjacency(g)
	if got := spectralRadius(a); !near(got, want.LambdaMax, 1e-9) {
		t.Errorf("λmax = %.15g, want %.15g", got, want.LambdaMax)
	}
	for _, c := range []struct {
		name string
		got  []float64
		want map[string]float64
	}{
		{"katz", katz, want.Katz},
		{"clustering", Clustering(g), want.Clustering},
		{"clustering_weighted", ClusteringWeighted(g), want.ClusteringWeighted},
		{"coreness", Coreness(g), want.Coreness},
		{"triangles", Triangles(g), want.Triangles},
	} {
		if len(c.want) != len(g.Nodes) {
			t.Errorf("%s: expected data has %d nodes, graph %d", c.name, len(c.want), len(g.Nodes))
			continue
		}
		for i, n := range g.Nodes {
			w, ok := c.want[n.ID]
			if !ok {
				t.Fatalf("%s: no expected value for %q", c.name, n.ID)
			}
			if !near(c.got[i], w, tol) {
				t.Errorf("%s[%q] = %.12g, want %.12g", c.name, n.ID, c.got[i], w)
			}
		}
	}
	eb := EdgeBetweenness(g, Unit, true)
	wantEB := map[[2]string]float64{}
	for _, e := range want.EdgeBetweennessUnit {
		wantEB[[2]string{e[0].(string), e[1].(string)}] = e[2].(float64)
	}
	if len(wantEB) != len(g.Edges) {
		t.Errorf("edge betweenness: expected %d edges, graph has %d", len(wantEB), len(g.Edges))
	}
	for i, e := range g.Edges {
		if w := wantEB[[2]string{e.Source, e.Target}]; !near(eb[i], w, tol) {
			t.Errorf("edge betweenness %s–%s = %.12g, want %.12g", e.Source, e.Target, eb[i], w)
		}
	}
}

// TestExpectedSmall checks the measures without shared reference values on
// small graphs (empty, single node, a pair, isolated nodes, star, path, two
// components, weighted K4, bow tie, a 200-node preferential-attachment
// graph) against NetworkX (testdata/expected.json).
func TestExpectedSmall(t *testing.T) {
	for _, s := range loadExpected(t).Small {
		t.Run(s.Name, func(t *testing.T) {
			var es []edge
			for _, e := range s.Edges {
				es = append(es, edge{e[0].(string), e[1].(string), e[2].(float64)})
			}
			checkExpected(t, build(s.Nodes, es...), s.Values, 1e-9)
		})
	}
}

// TestExpectedReference checks them on every shared reference graph.
func TestExpectedReference(t *testing.T) {
	exp := loadExpected(t)
	for _, path := range referenceFiles(t) {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want, ok := exp.Reference[name]
			if !ok {
				t.Fatalf("testdata/expected.json has no values for %s: rerun testdata/make_expected.py", name)
			}
			g, _ := loadReference(t, path)
			checkExpected(t, g, want, 1e-6)
		})
	}
}

// TestEdgeNodeBetweenness checks Σ_{e∋v} C_B(e) = 2 C_B(v) + r_v
// (unnormalised), which ties edge betweenness to the node betweenness that
// the reference tests check, for both distances, on generated graphs with
// many equal-length weighted paths.
func TestEdgeNodeBetweenness(t *testing.T) {
	for _, g := range []*graph.Graph{randomGraph(300, 3, 7), disjoint(starGraph(6), pathGraph(9)), pathGraph(2), build(nil)} {
		for _, d := range []Distance{Unit, Inverse} {
			eb := EdgeBetweenness(g, d, false)
			nb := Betweenness(g, d, false)
			a := newAdjacency(g)
			comp, members := a.components()
			sum := make([]float64, len(g.Nodes))
			idx := g.NodeIndex()
			for i, e := range g.Edges {
				sum[idx[e.Source]] += eb[i]
				sum[idx[e.Target]] += eb[i]
			}
			for v := range g.Nodes {
				r := float64(len(members[comp[v]]) - 1)
				if want := 2*nb[v] + r; !near(sum[v], want, 1e-9) {
					t.Errorf("n=%d %v: node %d: Σ edge betweenness %.12g, want 2·%.12g + %g", len(g.Nodes), d, v, sum[v], nb[v], r)
				}
			}
		}
	}
}

// TestDegenerateAllMeasures: every measure on tiny and degenerate graphs is
// finite, and the ranking encodes as JSON.
func TestDegenerateAllMeasures(t *testing.T) {
	graphs := map[string]*graph.Graph{
		"empty":     build(nil),
		"single":    build([]string{"a"}),
		"pair":      build([]string{"a", "b"}, edge{"a", "b", 1}),
		"isolated":  build([]string{"a", "b", "c"}),
		"star":      starGraph(6),
		"path":      pathGraph(7),
		"two comps": disjoint(pathGraph(3), pathGraph(3)),
		"pendant":   build([]string{"a", "b", "c"}, edge{"a", "b", 1}),
	}
	for name, g := range graphs {
		for _, d := range []Distance{Inverse, Unit} {
			for _, norm := range []bool{true, false} {
				r, err := Rank(g, Options{Measures: EveryMeasure, Distance: d, Normalized: norm})
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				for _, row := range r.Rows {
					for m, v := range row.Values {
						if math.IsNaN(v) || math.IsInf(v, 0) {
							t.Errorf("%s %v: %s of %s = %v", name, d, m, row.ID, v)
						}
					}
				}
				if _, err := json.Marshal(r); err != nil {
					t.Errorf("%s: %v", name, err)
				}
				er, err := RankEdges(g, Options{Distance: d, Normalized: norm})
				if err != nil {
					t.Fatal(err)
				}
				if _, err := json.Marshal(er); err != nil {
					t.Errorf("%s edges: %v", name, err)
				}
			}
		}
	}
}

func TestKatzAlpha(t *testing.T) {
	g := pathGraph(4) // weights 2, 3, 1
	lmax := spectralRadius(newAdjacency(g))
	if _, err := Katz(g, 1/lmax); err == nil || !strings.Contains(err.Error(), "diverges") {
		t.Errorf("alpha = 1/λmax: err %v, want divergence", err)
	}
	if _, err := Katz(g, -0.1); err == nil {
		t.Error("negative alpha accepted")
	}
	// A small alpha approaches the uniform vector 1/√n.
	k, err := Katz(g, 1e-9)
	if err != nil {
		t.Fatal(err)
	}
	checkSlice(t, "katz small alpha", k, []float64{0.5, 0.5, 0.5, 0.5}, 1e-6)
	// Rank passes KatzAlpha on and reports its error.
	if _, err := Rank(g, Options{Measures: []string{"katz"}, KatzAlpha: 2 / lmax}); err == nil {
		t.Error("Rank accepted a divergent KatzAlpha")
	}
}
