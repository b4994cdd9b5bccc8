package formats

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

func episodes() []*graph.Graph {
	e1 := &graph.Graph{Episode: graph.Episode{ID: "e01"},
		Nodes: []graph.Node{{ID: "anna", Name: "Anna", Mentions: 3}, {ID: "ben", Mentions: 1}},
		Edges: []graph.Edge{{Source: "anna", Target: "ben", Weight: 2}}}
	e2 := &graph.Graph{Episode: graph.Episode{ID: "e02"},
		Nodes: []graph.Node{{ID: "anna", Name: "Anna", Mentions: 1}, {ID: "ben", Mentions: 2}, {ID: "cara", Mentions: 4}},
		Edges: []graph.Edge{{Source: "ben", Target: "anna", Weight: 1}, {Source: "ben", Target: "cara", Weight: 3}}}
	return []*graph.Graph{e1, e2}
}

// TestWriteGEXFDynamic: one spell per episode (1..k), dynamic weights and
// mentions per episode, the static weight the series total; the file reads
// back as the whole series.
func TestWriteGEXFDynamic(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteGEXFDynamic(&buf, episodes()); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	for _, want := range []string{
		`<graph defaultedgetype="undirected" mode="dynamic" timeformat="integer" start="1" end="2">`,
		`<description>episodes: 1=e01 2=e02</description>`,
		`<edge id="0" source="anna" target="ben" weight="3">`,
		`<attvalue for="weight" value="2" start="1" end="1" />`,
		`<attvalue for="weight" value="1" start="2" end="2" />`,
		`<attvalue for="episode" value="e02" start="2" end="2" />`,
		`<attvalue for="mentions" value="4" start="2" end="2" />`,
		`<spell start="1" end="1" />`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %s:\n%s", want, s)
		}
	}
	// cara appears in episode 2 only: one spell.
	cara := s[strings.Index(s, `<node id="cara"`):]
	cara = cara[:strings.Index(cara, "</node>")]
	if strings.Count(cara, "<spell ") != 1 || !strings.Contains(cara, `<spell start="2" end="2" />`) {
		t.Errorf("cara's spells:\n%s", cara)
	}
	g, _, err := ReadGEXF("series.gexf", buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) != 3 || len(g.Edges) != 2 || g.Edges[0].Weight != 3 || g.Edges[1].Weight != 3 {
		t.Errorf("static reading: %+v", g)
	}
	var again bytes.Buffer
	if err := WriteGEXFDynamic(&again, episodes()); err != nil || !bytes.Equal(again.Bytes(), buf.Bytes()) {
		t.Errorf("not deterministic (err %v)", err)
	}
	if err := WriteGEXFDynamic(&again, nil); err == nil {
		t.Error("no error for no episodes")
	}
}

// TestNetworkXReadsDynamicGEXF: NetworkX's read_gexf takes our dynamic file
// and sees each node's spells.
func TestNetworkXReadsDynamicGEXF(t *testing.T) {
	needNetworkX(t)
	var buf bytes.Buffer
	if err := WriteGEXFDynamic(&buf, episodes()); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "series.gexf")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	script := `
import sys, networkx as nx
G = read_gexf(sys.argv[1])
print(G.number_of_nodes(), G.number_of_edges(), G.nodes["cara"]["spells"], sorted(G.edges["anna", "ben"]["weight"]) if isinstance(G.edges["anna", "ben"]["weight"], list) else G.edges["anna", "ben"]["weight"])
`
	out, err := exec.Command("python3", "-c", nxCompat+script, p).CombinedOutput()
	if err != nil {
		t.Fatalf("networkx: %v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(out)); !strings.HasPrefix(got, "3 2 [(2, 2)]") {
		t.Errorf("networkx saw %q", got)
	}
}
