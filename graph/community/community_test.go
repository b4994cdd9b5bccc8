package community

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	gonumgraph "gonum.org/v1/gonum/graph"
	gcommunity "gonum.org/v1/gonum/graph/community"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/relgraph/relgraph/graph"
)

// sharedData is ../shared/data beside the repository, seen from
// graph/community.
const sharedData = "../../../shared/data"

// expectedEntry is one graph of testdata/expected.json (written by
// testdata/make_expected.py with NetworkX 2.8.8 and python-igraph 0.10.2).
type expectedEntry struct {
	Name       string   `json:"name"`
	Nodes      []string `json:"nodes"`
	Edges      [][3]any `json:"edges"`
	Partitions map[string]struct {
		Communities [][]string          `json:"communities"`
		Modularity  map[string]*float64 `json:"modularity"` // by resolution "0.5", "1.0", "2.0"
	} `json:"partitions"`
	Louvain *struct {
		NetworkXMean float64 `json:"networkx_mean"`
		IgraphMean   float64 `json:"igraph_mean"`
		IgraphMax    float64 `json:"igraph_max"`
	} `json:"louvain_modularity"`
}

type expectedFile struct {
	Reference map[string]expectedEntry `json:"reference"`
	Small     []expectedEntry          `json:"small"`
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

func build(ids []string, edges [][3]any) *graph.Graph {
	g := &graph.Graph{}
	for _, id := range ids {
		g.Nodes = append(g.Nodes, graph.Node{ID: id})
	}
	for _, e := range edges {
		g.Edges = append(g.Edges, graph.Edge{Source: e[0].(string), Target: e[1].(string), Weight: e[2].(float64)})
	}
	g.Canonicalize()
	return g
}

func loadReference(t *testing.T, path string) *graph.Graph {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		PerNode  map[string]json.RawMessage `json:"per_node"`
		EdgeList [][3]any                   `json:"edge_list"`
	}
	if err := json.Unmarshal(data, &ref); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var ids []string
	for id := range ref.PerNode {
		ids = append(ids, id)
	}
	return build(ids, ref.EdgeList)
}

// check compares Modularity with NetworkX on every stored partition and
// resolution, and our Louvain's modularity (mean over seeds 1..5) with
// igraph's and NetworkX's (each a mean over five seeds): within 1%.
func check(t *testing.T, g *graph.Graph, e expectedEntry) {
	t.Helper()
	for name, p := range e.Partitions {
		for res, want := range p.Modularity {
			gamma := map[string]float64{"0.5": 0.5, "1.0": 1, "2.0": 2}[res]
			got, err := Modularity(g, p.Communities, gamma)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			if want == nil {
				if !math.IsNaN(got) {
					t.Errorf("%s γ=%s: got %v, want undefined (NaN)", name, res, got)
				}
				continue
			}
			if math.Abs(got-*want) > 1e-10 {
				t.Errorf("%s γ=%s: modularity %.15g, want %.15g", name, res, got, *want)
			}
		}
	}
	if e.Louvain == nil {
		return
	}
	var sum float64
	for seed := uint64(1); seed <= 5; seed++ {
		r, err := Detect(g, Options{Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		sum += r.Modularity
	}
	mean := sum / 5
	if mean < 0.99*e.Louvain.IgraphMean || mean < 0.99*e.Louvain.NetworkXMean {
		t.Errorf("Louvain modularity %.4f (mean of 5 seeds); igraph %.4f, NetworkX %.4f", mean, e.Louvain.IgraphMean, e.Louvain.NetworkXMean)
	}
	t.Logf("Louvain Q: ours %.4f, igraph %.4f (max %.4f), NetworkX %.4f", mean, e.Louvain.IgraphMean, e.Louvain.IgraphMax, e.Louvain.NetworkXMean)
}

func TestExpectedSmall(t *testing.T) {
	for _, e := range loadExpected(t).Small {
		t.Run(e.Name, func(t *testing.T) { check(t, build(e.Nodes, e.Edges), e) })
	}
}

func TestExpectedReference(t *testing.T) {
	if _, err := os.Stat(sharedData); err != nil {
		t.Skip("../shared/data not found: reference tests need the shared data beside the repository")
	}
	files, _ := filepath.Glob(filepath.Join(sharedData, "*", "reference", "*.json"))
	files = slices.DeleteFunc(files, func(f string) bool { return filepath.Base(f) == "crosscheck.json" })
	if len(files) == 0 {
		t.Skip("no reference JSON under ../shared/data/*/reference")
	}
	exp := loadExpected(t)
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".json")
		t.Run(name, func(t *testing.T) {
			e, ok := exp.Reference[name]
			if !ok {
				t.Fatalf("testdata/expected.json has nothing for %s: rerun testdata/make_expected.py", name)
			}
			check(t, loadReference(t, path), e)
		})
	}
}

// TestGonumQ checks Modularity against gonum's community.Q on the karate
// club partition that Louvain finds, at three resolutions.
func TestGonumQ(t *testing.T) {
	var karate expectedEntry
	for _, e := range loadExpected(t).Small {
		if e.Name == "karate" {
			karate = e
		}
	}
	g := build(karate.Nodes, karate.Edges)
	r, err := Detect(g, Options{Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	gg := simple.NewWeightedUndirectedGraph(0, 0)
	idx := g.NodeIndex()
	for i := range g.Nodes {
		gg.AddNode(simple.Node(i))
	}
	for _, e := range g.Edges {
		gg.SetWeightedEdge(simple.WeightedEdge{F: simple.Node(idx[e.Source]), T: simple.Node(idx[e.Target]), W: e.Weight})
	}
	var parts [][]string
	var groups [][]gonumgraph.Node
	for _, c := range r.Communities {
		parts = append(parts, c.Members)
		var ns []gonumgraph.Node
		for _, id := range c.Members {
			ns = append(ns, simple.Node(idx[id]))
		}
		groups = append(groups, ns)
	}
	for _, gamma := range []float64{0.5, 1, 2} {
		got, err := Modularity(g, parts, gamma)
		if err != nil {
			t.Fatal(err)
		}
		want := gcommunity.Q(gg, groups, gamma)
		if math.Abs(got-want) > 1e-12 {
			t.Errorf("γ=%v: Modularity %.15g, gonum Q %.15g", gamma, got, want)
		}
	}
}

func TestDetectProperties(t *testing.T) {
	var karate expectedEntry
	for _, e := range loadExpected(t).Small {
		if e.Name == "karate" {
			karate = e
		}
	}
	g := build(karate.Nodes, karate.Edges)
	g.Nodes = append(g.Nodes, graph.Node{ID: "zz-alone"})
	g.Canonicalize()
	for _, method := range Methods {
		for _, res := range []float64{0, 0.5, 2} {
			opt := Options{Method: method, Seed: 7, Resolution: res}
			a, err := Detect(g, opt)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := Detect(g, opt)
			ja, _ := json.Marshal(a)
			jb, _ := json.Marshal(b)
			if string(ja) != string(jb) {
				t.Errorf("%s: two runs differ", method)
			}
			// Every node exactly once; ids by size then first member;
			// members sorted; the isolated node alone.
			seen := map[string]bool{}
			for i, c := range a.Communities {
				if c.ID != i+1 || !slices.IsSorted(c.Members) {
					t.Errorf("%s: community %d: id %d, members %v", method, i, c.ID, c.Members)
				}
				if i > 0 {
					p := a.Communities[i-1]
					if len(p.Members) < len(c.Members) || (len(p.Members) == len(c.Members) && p.Members[0] > c.Members[0]) {
						t.Errorf("%s: communities %d and %d out of order", method, i, i+1)
					}
				}
				for _, m := range c.Members {
					if seen[m] {
						t.Errorf("%s: %s twice", method, m)
					}
					seen[m] = true
				}
				if slices.Contains(c.Members, "zz-alone") && len(c.Members) != 1 {
					t.Errorf("%s: isolated node joined %v", method, c.Members)
				}
			}
			if len(seen) != len(g.Nodes) {
				t.Errorf("%s: %d nodes covered, want %d", method, len(seen), len(g.Nodes))
			}
			q, _ := Modularity(g, members(a), a.Resolution)
			if math.Abs(q-a.Modularity) > 1e-12 {
				t.Errorf("%s: reported Q %v, recomputed %v", method, a.Modularity, q)
			}
		}
	}
	// A higher resolution gives at least as many communities here.
	lo, _ := Detect(g, Options{Seed: 1, Resolution: 0.5})
	hi, _ := Detect(g, Options{Seed: 1, Resolution: 3})
	if len(hi.Communities) <= len(lo.Communities) {
		t.Errorf("resolution 3 gave %d communities, 0.5 gave %d", len(hi.Communities), len(lo.Communities))
	}
}

func members(r *Result) [][]string {
	var out [][]string
	for _, c := range r.Communities {
		out = append(out, c.Members)
	}
	return out
}

func TestDegenerate(t *testing.T) {
	for name, g := range map[string]*graph.Graph{
		"empty":    build(nil, nil),
		"single":   build([]string{"a"}, nil),
		"no edges": build([]string{"a", "b", "c"}, nil),
		"pair":     build([]string{"a", "b"}, [][3]any{{"a", "b", 2.0}}),
	} {
		for _, m := range Methods {
			r, err := Detect(g, Options{Method: m})
			if err != nil {
				t.Fatalf("%s %s: %v", name, m, err)
			}
			b, err := json.Marshal(r)
			if err != nil {
				t.Fatalf("%s %s: %v", name, m, err)
			}
			if len(g.Edges) == 0 && !strings.Contains(string(b), `"modularity":null`) {
				t.Errorf("%s %s: %s", name, m, b)
			}
			if len(r.Communities) != map[string]int{"empty": 0, "single": 1, "no edges": 3, "pair": 1}[name] {
				t.Errorf("%s %s: %d communities", name, m, len(r.Communities))
			}
		}
	}
	// The pair is one community of Q = 1 − (1/2)² − … = 0 at γ = 1.
	r, _ := Detect(build([]string{"a", "b"}, [][3]any{{"a", "b", 2.0}}), Options{})
	if math.Abs(r.Modularity) > 1e-15 {
		t.Errorf("pair modularity %v, want 0", r.Modularity)
	}
}

func TestErrors(t *testing.T) {
	g := build([]string{"a", "b"}, [][3]any{{"a", "b", 1.0}})
	for _, c := range []struct {
		opt  Options
		want string
	}{
		{Options{Method: "magic"}, `unknown method "magic"`},
		{Options{Resolution: -1}, "resolution -1"},
		{Options{Resolution: math.Inf(1)}, "resolution +Inf"},
		{Options{Resolution: math.NaN()}, "resolution NaN"},
	} {
		if _, err := Detect(g, c.opt); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: err %v, want %q", c.opt, err, c.want)
		}
	}
	for _, c := range []struct {
		parts [][]string
		want  string
	}{
		{[][]string{{"a"}}, `node "b" is in no community`},
		{[][]string{{"a", "b"}, {"b"}}, `node "b" is in communities 0 and 1`},
		{[][]string{{"a", "b", "x"}}, `unknown node "x"`},
	} {
		if _, err := Modularity(g, c.parts, 1); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: err %v, want %q", c.parts, err, c.want)
		}
	}
}
