package formats

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// sharedData is ../shared/data seen from this package's directory.
var sharedData = filepath.Join("..", "..", "..", "shared", "data")

func needShared(t testing.TB) {
	t.Helper()
	if _, err := os.Stat(sharedData); err != nil {
		t.Skipf("skipping: the shared test data (%s) is absent: %v", sharedData, err)
	}
}

// reference is the part of a ../shared/data/*/reference/*.json file this
// package checks: the node set, and edge_list, the exact graph NetworkX
// measured as [u, v, weight].
type reference struct {
	Graph        string               `json:"graph"`
	Nodes        int                  `json:"nodes"`
	Edges        int                  `json:"edges"`
	TotalWeight  float64              `json:"total_weight"`
	Construction string               `json:"construction"`
	PerNode      map[string]any       `json:"per_node"`
	EdgeList     [][3]json.RawMessage `json:"edge_list"`
}

func loadReference(t *testing.T, path string) reference {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var r reference
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return r
}

// compareWithReference checks that g has exactly the reference's nodes,
// edges and weights.
func compareWithReference(t *testing.T, g *graph.Graph, ref reference) {
	t.Helper()
	if len(g.Nodes) != ref.Nodes || len(g.Nodes) != len(ref.PerNode) {
		t.Errorf("%d nodes, reference %d", len(g.Nodes), ref.Nodes)
	}
	for _, n := range g.Nodes {
		if _, ok := ref.PerNode[n.ID]; !ok {
			t.Errorf("node %q is not in the reference", n.ID)
		}
	}
	if len(g.Edges) != ref.Edges || len(ref.EdgeList) != ref.Edges {
		t.Errorf("%d edges, reference %d", len(g.Edges), ref.Edges)
	}
	want := map[[2]string]float64{}
	for _, e := range ref.EdgeList {
		var u, v string
		var w float64
		if json.Unmarshal(e[0], &u) != nil || json.Unmarshal(e[1], &v) != nil || json.Unmarshal(e[2], &w) != nil {
			t.Fatalf("bad reference edge %s", e)
		}
		if u > v {
			u, v = v, u
		}
		want[[2]string{u, v}] = w
	}
	total := 0.0
	for _, e := range g.Edges {
		total += e.Weight
		w, ok := want[[2]string{e.Source, e.Target}]
		if !ok {
			t.Errorf("edge %s–%s is not in the reference", e.Source, e.Target)
			continue
		}
		if w != e.Weight {
			t.Errorf("edge %s–%s: weight %v, reference %v", e.Source, e.Target, e.Weight, w)
		}
	}
	if total != ref.TotalWeight {
		t.Errorf("total weight %v, reference %v", total, ref.TotalWeight)
	}
}

// TestDatasets reads every dataset of ../shared/data in its own format and
// checks node set, edge set and weights against its reference file
// (computed with NetworkX by ../shared/tools/reference_values.py). The
// gerdracor TEI plays are extracted by graph/extract (--unit tei) and are
// not a graph file format, so they are left to that package.
func TestDatasets(t *testing.T) {
	needShared(t)
	type dataset struct {
		ref, file, nodes, chapters string
	}
	var sets []dataset
	refs, _ := filepath.Glob(filepath.Join(sharedData, "starwars", "reference", "*.json"))
	for _, r := range refs {
		if strings.HasSuffix(r, "crosscheck.json") {
			continue
		}
		sets = append(sets, dataset{ref: r, file: filepath.Join(sharedData, "starwars", filepath.Base(r))})
	}
	for i := 1; i <= 5; i++ {
		dir := filepath.Join(sharedData, "asoiaf")
		sets = append(sets, dataset{
			ref:   filepath.Join(dir, "reference", fmt.Sprintf("asoiaf-book%d.json", i)),
			file:  filepath.Join(dir, fmt.Sprintf("asoiaf-book%d-edges.csv", i)),
			nodes: filepath.Join(dir, fmt.Sprintf("asoiaf-book%d-nodes.csv", i)),
		})
	}
	lm := filepath.Join(sharedData, "lesmis")
	sets = append(sets,
		dataset{ref: filepath.Join(lm, "reference", "miserables.json"), file: filepath.Join(lm, "miserables.json")},
		dataset{ref: filepath.Join(lm, "reference", "jean-sgb.json"), file: filepath.Join(lm, "jean.dat")})
	for p := 1; p <= 5; p++ {
		sets = append(sets, dataset{ref: filepath.Join(lm, "reference", fmt.Sprintf("jean-sgb-part%d.json", p)), file: filepath.Join(lm, "jean.dat"), chapters: fmt.Sprintf("%d.", p)})
	}
	if len(sets) != 15+5+2+5 {
		t.Fatalf("found %d datasets, want 27", len(sets))
	}
	for _, ds := range sets {
		ref := loadReference(t, ds.ref)
		t.Run(ref.Graph, func(t *testing.T) {
			data, err := os.ReadFile(ds.file)
			if err != nil {
				t.Fatal(err)
			}
			opt := ReadOptions{Chapters: ds.chapters}
			if ds.nodes != "" {
				if opt.Nodes, err = os.ReadFile(ds.nodes); err != nil {
					t.Fatal(err)
				}
				opt.NodesName = ds.nodes
			}
			g, warns, err := Read(ds.file, data, opt)
			if err != nil {
				t.Fatal(err)
			}
			compareWithReference(t, g, ref)
			for _, w := range warns {
				t.Logf("warning: %s", w)
			}
		})
	}
}

// BenchmarkRead reads real files of ../shared/data, and GEXF and GraphML
// written from the largest of them (asoiaf book 3: 317 nodes, 1008 edges).
func BenchmarkRead(b *testing.B) {
	needShared(b)
	book3 := filepath.Join(sharedData, "asoiaf", "asoiaf-book3-edges.csv")
	nodes, err := os.ReadFile(filepath.Join(sharedData, "asoiaf", "asoiaf-book3-nodes.csv"))
	if err != nil {
		b.Fatal(err)
	}
	files := map[string]string{
		"csv-asoiaf3":     book3,
		"sgb-jean":        filepath.Join(sharedData, "lesmis", "jean.dat"),
		"nodelink-sw-all": filepath.Join(sharedData, "starwars", "starwars-full-interactions-allCharacters.json"),
	}
	for _, name := range []string{"csv-asoiaf3", "sgb-jean", "nodelink-sw-all"} {
		data, err := os.ReadFile(files[name])
		if err != nil {
			b.Fatal(err)
		}
		opt := ReadOptions{}
		if name == "csv-asoiaf3" {
			opt.Nodes = nodes
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, _, err := Read(files[name], data, opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	data, _ := os.ReadFile(book3)
	g, _, err := Read(book3, data, ReadOptions{Nodes: nodes})
	if err != nil {
		b.Fatal(err)
	}
	for _, format := range []string{GEXF, GraphML, GML} {
		var buf bytes.Buffer
		if err := Write(&buf, g, format); err != nil {
			b.Fatal(err)
		}
		b.Run(format+"-asoiaf3", func(b *testing.B) {
			b.SetBytes(int64(buf.Len()))
			for b.Loop() {
				if _, _, err := Read("x", buf.Bytes(), ReadOptions{From: format}); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("write-"+format+"-asoiaf3", func(b *testing.B) {
			for b.Loop() {
				if err := Write(io.Discard, g, format); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
