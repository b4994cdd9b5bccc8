package metrics

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// sharedData is ../shared/data beside the repository, seen from
// graph/metrics.
const sharedData = "../../../shared/data"

// expectedFile is testdata/expected.json, written by
// testdata/make_expected.py with NetworkX 2.8.8.
type expectedFile struct {
	Reference map[string]map[string]any `json:"reference"`
	Small     []struct {
		Name    string         `json:"name"`
		Nodes   []string       `json:"nodes"`
		Edges   [][3]any       `json:"edges"`
		Figures map[string]any `json:"figures"`
	} `json:"small"`
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

// compare checks every figure of got against NetworkX's: equal for
// integers, strings and nulls, within tol for fractions.
func compare(t *testing.T, got *Stats, want map[string]any, tol float64) {
	t.Helper()
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, f := range got.Fields() {
		k := f.Key
		w, ok := want[k]
		if !ok {
			t.Errorf("expected data lacks %q", k)
			continue
		}
		g := m[k]
		gf, gok := g.(float64)
		wf, wok := w.(float64)
		switch {
		case gok && wok:
			if math.Abs(gf-wf) > tol*math.Max(1, math.Abs(wf)) {
				t.Errorf("%s = %.15g, want %.15g", k, gf, wf)
			}
		case !reflect.DeepEqual(g, w):
			t.Errorf("%s = %v, want %v", k, g, w)
		}
	}
}

func TestExpectedSmall(t *testing.T) {
	for _, s := range loadExpected(t).Small {
		t.Run(s.Name, func(t *testing.T) {
			g := &graph.Graph{}
			for _, id := range s.Nodes {
				g.Nodes = append(g.Nodes, graph.Node{ID: id})
			}
			for _, e := range s.Edges {
				g.Edges = append(g.Edges, graph.Edge{Source: e[0].(string), Target: e[1].(string), Weight: e[2].(float64)})
			}
			g.Canonicalize()
			compare(t, Compute(g), s.Figures, 1e-12)
		})
	}
}

// loadReference builds the graph of a shared reference file: nodes from
// per_node (isolated ones included), edges from edge_list.
func loadReference(t *testing.T, path string) *graph.Graph {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var ref struct {
		Graph    string                     `json:"graph"`
		PerNode  map[string]json.RawMessage `json:"per_node"`
		EdgeList [][3]any                   `json:"edge_list"`
	}
	if err := json.Unmarshal(data, &ref); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	g := &graph.Graph{Episode: graph.Episode{ID: ref.Graph}}
	for id := range ref.PerNode {
		g.Nodes = append(g.Nodes, graph.Node{ID: id})
	}
	for _, e := range ref.EdgeList {
		g.Edges = append(g.Edges, graph.Edge{Source: e[0].(string), Target: e[1].(string), Weight: e[2].(float64)})
	}
	g.Canonicalize()
	return g
}

// TestExpectedReference checks every figure on every shared reference graph
// (Star Wars, asoiaf, Les Misérables, GerDraCor) against NetworkX.
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
			want, ok := exp.Reference[name]
			if !ok {
				t.Fatalf("testdata/expected.json has no figures for %s: rerun testdata/make_expected.py", name)
			}
			compare(t, Compute(loadReference(t, path)), want, 1e-10)
		})
	}
}

func TestDeterministicAndNil(t *testing.T) {
	// A 300-node ring with chords: connected, so the parallel searches run.
	g := &graph.Graph{}
	id := func(i int) string {
		return string(rune('A'+i/26/26%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i%26))
	}
	for i := range 300 {
		g.Nodes = append(g.Nodes, graph.Node{ID: id(i)})
		g.Edges = append(g.Edges, graph.Edge{Source: id(i), Target: id((i + 1) % 300), Weight: 1})
		if i%7 == 0 {
			g.Edges = append(g.Edges, graph.Edge{Source: id(i), Target: id((i * 13) % 300), Weight: 2})
		}
	}
	g.Canonicalize()
	run := func(p int) string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(p))
		b, err := json.Marshal(Compute(g))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if a, b := run(1), run(4); a != b {
		t.Errorf("GOMAXPROCS changes the figures:\n%s\n%s", a, b)
	}
	b, err := json.Marshal(Compute(nil))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"format":"relgraph/stats@1","graph":"graph","nodes":0,"edges":0,"density":null,"diameter":null,"average_path_length":null,"average_clustering":null,"transitivity":null,"average_degree":null,"max_degree":null,"max_degree_ids":[],"connected_components":0,"largest_component":0,"assortativity":null}`
	if string(b) != want {
		t.Errorf("nil graph:\n got %s\nwant %s", b, want)
	}
}
