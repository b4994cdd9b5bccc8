package formats

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/relgraph/relgraph/graph"
)

// nxCompat is Python prepended to every NetworkX script: the CI machine has
// Debian bookworm's NetworkX 2.8, a developer may have 3.x. NetworkX 2.8
// reads and writes GEXF only up to 1.2draft, whose elements are the ones
// relgraph's 1.3 files use (graph, nodes, edges, attvalues, spells), so
// read_gexf retries a 1.3 file under the 1.2draft namespace; node-link's
// key argument is "link" before 3.4 and "edges" after.
const nxCompat = `
import networkx as nx
def read_gexf(path):
    try:
        return nx.read_gexf(path)
    except nx.NetworkXError:
        s = open(path, encoding="utf-8").read()
        s = s.replace("http://gexf.net/1.3/gexf.xsd", "http://www.gexf.net/1.2draft/gexf.xsd")
        s = s.replace("http://gexf.net/1.3", "http://www.gexf.net/1.2draft").replace('version="1.3"', 'version="1.2"')
        p12 = path + ".1.2draft.gexf"
        open(p12, "w", encoding="utf-8").write(s)
        return nx.read_gexf(p12)
def write_gexf13(G, path):
    try:
        nx.write_gexf(G, path, version="1.3")
    except nx.NetworkXError:
        nx.write_gexf(G, path)
def node_link_graph(data, key):
    try:
        return nx.node_link_graph(data, edges=key)
    except TypeError:
        return nx.node_link_graph(data, link=key)
def node_link_data(G, key):
    try:
        return nx.node_link_data(G, edges=key)
    except TypeError:
        return nx.node_link_data(G, link=key)
`

// nxScript reads the files named on its command line with NetworkX and
// prints, per file, the node ids with their attributes and the edges with
// their weights as JSON.
const nxScript = `
import json, sys
import networkx as nx
out = {}
for path in sys.argv[1:]:
    if path.endswith(".gexf"):
        G = read_gexf(path)
    elif path.endswith(".graphml"):
        G = nx.read_graphml(path)
    elif path.endswith(".gml"):
        G = nx.read_gml(path)
    elif path.endswith(".json"):
        G = node_link_graph(json.load(open(path, encoding="utf-8")), "links")
    nodes = {str(n): {k: v for k, v in d.items() if isinstance(v, (str, int, float, bool))} for n, d in G.nodes(data=True)}
    edges = [[str(u), str(v), d.get("weight", 1)] for u, v, d in G.edges(data=True)]
    out[path] = {"directed": G.is_directed(), "nodes": nodes, "edges": edges,
                 "types": sorted({type(d.get("weight", 1)).__name__ for _, _, d in G.edges(data=True)})}
json.dump(out, sys.stdout)
`

// needNetworkX skips unless python3 can import networkx (Debian package
// python3-networkx, which .ci/run installs).
func needNetworkX(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("skipping: python3 is not installed (apt-get install python3-networkx)")
	}
	if err := exec.Command("python3", "-c", "import networkx").Run(); err != nil {
		t.Skip("skipping: python3 cannot import networkx (apt-get install python3-networkx)")
	}
}

type nxGraph struct {
	Directed bool                      `json:"directed"`
	Nodes    map[string]map[string]any `json:"nodes"`
	Edges    [][3]any                  `json:"edges"`
	Types    []string                  `json:"types"`
}

// TestNetworkXReadsOurFiles writes GEXF, GraphML, GML and node-link JSON
// and reads them back with NetworkX, comparing nodes, edges, weights (an
// integer weight must reach NetworkX as an int) and, for the typed
// formats, node attributes.
func TestNetworkXReadsOurFiles(t *testing.T) {
	needNetworkX(t)
	graphs := map[string]*graph.Graph{"rich": rich()}
	if _, err := os.Stat(sharedData); err == nil {
		for name, file := range map[string]string{
			"miserables": filepath.Join(sharedData, "lesmis", "miserables.json"),
			"jean":       filepath.Join(sharedData, "lesmis", "jean.dat"),
		} {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			g, _, err := Read(file, data, ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			graphs[name] = g
		}
	} else {
		t.Logf("shared data absent: only the built-in graph is checked")
	}
	dir := t.TempDir()
	var paths []string
	want := map[string]*graph.Graph{}
	for name, g := range graphs {
		for _, format := range []string{GEXF, GraphML, GML, NodeLink} {
			p := filepath.Join(dir, name+"."+ext(format))
			if format == NodeLink {
				p = filepath.Join(dir, name+".nodelink.json")
			}
			var buf bytes.Buffer
			if err := Write(&buf, g, format); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			paths = append(paths, p)
			want[p] = g
		}
	}
	cmd := exec.Command("python3", append([]string{"-c", nxCompat + nxScript}, paths...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("networkx: %v\n%s", err, stderr.String())
	}
	var got map[string]nxGraph
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		g, nx := want[p], got[p]
		t.Run(filepath.Base(p), func(t *testing.T) {
			if nx.Directed != g.Directed {
				t.Errorf("directed = %v, want %v", nx.Directed, g.Directed)
			}
			if len(nx.Nodes) != len(g.Nodes) {
				t.Errorf("%d nodes, want %d", len(nx.Nodes), len(g.Nodes))
			}
			for _, n := range g.Nodes {
				attrs, ok := nx.Nodes[n.ID]
				if !ok {
					t.Errorf("node %q missing", n.ID)
					continue
				}
				for k, v := range n.Attributes {
					nv, ok := attrs[k]
					if !ok {
						t.Errorf("node %q: attribute %s missing", n.ID, k)
						continue
					}
					if b, isBool := v.(bool); isBool && filepath.Ext(p) == ".gml" {
						v = map[bool]float64{false: 0, true: 1}[b] // GML: NetworkX's 1/0
					}
					if nv != v {
						t.Errorf("node %q: attribute %s = %#v, want %#v", n.ID, k, nv, v)
					}
				}
			}
			weights := map[[2]string]float64{}
			for _, e := range g.Edges {
				weights[[2]string{e.Source, e.Target}] = e.Weight
			}
			if len(nx.Edges) != len(g.Edges) {
				t.Errorf("%d edges, want %d", len(nx.Edges), len(g.Edges))
			}
			for _, e := range nx.Edges {
				u, v := e[0].(string), e[1].(string)
				if u > v {
					u, v = v, u
				}
				w, ok := weights[[2]string{u, v}]
				if !ok {
					t.Errorf("edge %s–%s is not in the graph", u, v)
					continue
				}
				if e[2] != w {
					t.Errorf("edge %s–%s: weight %v, want %v", u, v, e[2], w)
				}
			}
			allInt := true
			for _, e := range g.Edges {
				allInt = allInt && kindOf(e.Weight) == typeLong
			}
			// GEXF's schema types the weight as xs:float and NetworkX's
			// read_gexf converts it with float(); the other formats carry
			// the integer through.
			if allInt && len(g.Edges) > 0 && filepath.Ext(p) != ".gexf" && (len(nx.Types) != 1 || nx.Types[0] != "int") {
				t.Errorf("integer weights reached NetworkX as %v", nx.Types)
			}
		})
	}
}

// TestReadNetworkXFiles: files NetworkX writes read into the graph it
// wrote (nodes, edges, weights, attributes).
func TestReadNetworkXFiles(t *testing.T) {
	needNetworkX(t)
	dir := t.TempDir()
	script := `
import networkx as nx, json, sys
G = nx.Graph()
G.add_node("007", name="Bond", age=42, agent=True)
G.add_node("1", name="One")
G.add_node("lonely")
G.add_edge("007", "1", weight=3, relation="rivals")
G.add_edge("1", "x y", weight=0.5)
d = sys.argv[1]
write_gexf13(G, d + "/nx.gexf")
nx.write_gexf(G, d + "/nx12.gexf")
nx.write_graphml(G, d + "/nx.graphml")
nx.write_gml(G, d + "/nx.gml")
json.dump(node_link_data(G, "links"), open(d + "/nx.json", "w"))
json.dump(node_link_data(G, "edges"), open(d + "/nx-edges.json", "w"))
nx.write_pajek(G, d + "/nx.net")
`
	if out, err := exec.Command("python3", "-c", nxCompat+script, dir).CombinedOutput(); err != nil {
		t.Fatalf("networkx: %v\n%s", err, out)
	}
	for _, f := range []string{"nx.gexf", "nx12.gexf", "nx.graphml", "nx.gml", "nx.json", "nx-edges.json", "nx.net"} {
		t.Run(f, func(t *testing.T) {
			p := filepath.Join(dir, f)
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			g, _, err := Read(p, data, ReadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			ids := []string{}
			for _, n := range g.Nodes {
				ids = append(ids, n.ID)
			}
			if want := []string{"007", "1", "lonely", "x y"}; !equalStrings(ids, want) {
				t.Errorf("nodes %q, want %q", ids, want)
			}
			if len(g.Edges) != 2 || g.Edges[0].Weight != 3 || g.Edges[1].Weight != 0.5 || g.Edges[0].Source != "007" || g.Edges[1].Target != "x y" {
				t.Errorf("edges %+v", g.Edges)
			}
			if f == "nx.net" {
				return
			}
			bond, _ := g.Node("007")
			if bond.Name != "Bond" && bond.Attributes["name"] != "Bond" {
				t.Errorf("007's name lost: %+v", bond)
			}
			if bond.Attributes["age"] != float64(42) {
				t.Errorf("007's age = %#v", bond.Attributes["age"])
			}
			if f != "nx.gml" && bond.Attributes["agent"] != true {
				t.Errorf("007's agent = %#v", bond.Attributes["agent"])
			}
			if g.Edges[0].Relation != "rivals" {
				t.Errorf("relation = %q", g.Edges[0].Relation)
			}
		})
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
