package formats

import (
	"strings"
	"testing"
)

// TestBadInput: for each reader, truncated files, wrong encodings,
// missing columns or attributes, unknown nodes, bad weights and XML
// entities give an error naming the file, the line (or element or field)
// and what was expected — never a panic or a graph.
func TestBadInput(t *testing.T) {
	const gexfHead = `<?xml version="1.0" encoding="UTF-8"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="undirected">`
	const gmlHead = "graph [\n node [ id 0 label \"a\" ]\n node [ id 1 label \"b\" ]\n"
	const gmlHeadDefault = "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n<graph edgedefault=\"undirected\">\n<node id=\"a\"/><node id=\"b\"/>\n"
	tests := []struct {
		name, file, in string
		opt            ReadOptions
		want           []string // substrings of the error
	}{
		// CSV
		{"csv no target column", "e.csv", "Source,Weight\na,1\n", ReadOptions{}, []string{"e.csv:1:", "want a Source and a Target column"}},
		{"csv negative weight", "e.csv", "Source,Target,Weight\na,b,2\nb,c,-1\n", ReadOptions{}, []string{"e.csv:3:", "column 3", "want a positive number"}},
		{"csv NaN weight", "e.csv", "Source,Target,Weight\r\na,b,NaN\r\n", ReadOptions{}, []string{"e.csv:2:", "finite"}},
		{"csv text weight", "e.csv", "Source;Target;Weight\na;b;viele\n", ReadOptions{}, []string{"e.csv:2:", `weight "viele": want a number`}},
		{"csv zero weight", "e.csv", "Source,Target,Weight\na,b,0\n", ReadOptions{}, []string{"e.csv:2:", "positive"}},
		{"csv missing weight", "e.csv", "Source,Target,Weight\na,b\n", ReadOptions{}, []string{"e.csv:2:", "weight", "missing"}},
		{"csv latin1", "e.csv", "Source,Target\nJos\xe9,b\n", ReadOptions{}, []string{"e.csv:2:", "invalid UTF-8"}},
		{"csv unknown node", "e-edges.csv", "Source,Target\na,z\n", ReadOptions{Nodes: []byte("Id,Label\na,A\nb,B\n"), NodesName: "e-nodes.csv"}, []string{"e-edges.csv: line 2", `target "z" is not a declared node`}},
		{"csv node table without Id", "e.csv", "Source,Target\na,b\n", ReadOptions{Nodes: []byte("Name2,Label\na,A\n"), NodesName: "n.csv"}, []string{"n.csv:1:", "want an Id column"}},
		{"csv unclosed quote", "e.csv", "Source,Target\n\"a,b\n", ReadOptions{}, []string{"e.csv:2:", "invalid CSV"}},
		{"csv empty", "e.csv", "", ReadOptions{}, []string{"e.csv: empty file"}},
		{"csv extra field", "e.csv", "Source,Target,Weight\na,b,1\nb,c,2,extra\n", ReadOptions{}, []string{"e.csv:3:", "4 fields, but the header names 3 columns"}},
		// node-link JSON
		{"nodelink truncated", "n.json", `{"nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "ta`, ReadOptions{}, []string{"n.json:1:", "unexpected end of file"}},
		{"nodelink unknown node", "n.json", `{"nodes": [{"id": "a"}], "links": [{"source": "a", "target": "b"}]}`, ReadOptions{}, []string{"n.json: field links[0].target", `unknown node "b"`}},
		{"nodelink bad index", "n.json", `{"nodes": [{"name": "a"}], "links": [{"source": 0, "target": 3}]}`, ReadOptions{}, []string{"field links[0].target", "not a node index (0..0)"}},
		{"nodelink string weight", "n.json", `{"nodes": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b", "value": "3"}]}`, ReadOptions{}, []string{"field links[0].value", "want a number"}},
		{"nodelink no id", "n.json", `{"nodes": [{"group": 1}]}`, ReadOptions{}, []string{"field nodes[0]", `"id" or a "name"`}},
		{"nodelink no nodes", "n.json", `{"links": []}`, ReadOptions{From: NodeLink}, []string{"field nodes: missing"}},
		{"nodelink negative", "n.json", `{"nodes": [{"id": "a"}, {"id": "b"}], "edges": [{"source": "a", "target": "b", "weight": -2}]}`, ReadOptions{}, []string{"field edges[0].weight", "positive"}},
		// GEXF
		{"gexf truncated", "g.gexf", gexfHead + `<nodes><node id="a"/>`, ReadOptions{}, []string{"g.gexf:1:", "truncated"}},
		{"gexf entity", "g.gexf", `<?xml version="1.0"?><!DOCTYPE gexf [<!ENTITY x SYSTEM "file:///etc/passwd">]><gexf><graph><nodes><node id="&x;"/></nodes></graph></gexf>`, ReadOptions{}, []string{"g.gexf:1:", "never expands or fetches"}},
		{"gexf billion laughs", "g.gexf", "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n<!ENTITY lol2 \"&lol;&lol;\">\n]>\n<gexf><graph/></gexf>", ReadOptions{}, []string{"g.gexf:", "entities"}},
		{"gexf undefined entity", "g.gexf", gexfHead + `<nodes><node id="&foo;"/></nodes></graph></gexf>`, ReadOptions{}, []string{"g.gexf:1:", "invalid XML"}},
		{"gexf unknown node", "g.gexf", gexfHead + "<nodes><node id=\"a\"/></nodes>\n<edges><edge id=\"e1\" source=\"a\" target=\"b\"/></edges></graph></gexf>", ReadOptions{}, []string{"g.gexf: line 2: <edge> id=\"e1\"", `target "b" is not a declared node`}},
		{"gexf NaN weight", "g.gexf", gexfHead + "<nodes><node id=\"a\"/><node id=\"b\"/></nodes>\n<edges><edge source=\"a\" target=\"b\" weight=\"NaN\"/></edges></graph></gexf>", ReadOptions{}, []string{"g.gexf: line 2: <edge>", "finite"}},
		{"gexf missing id", "g.gexf", gexfHead + "<nodes>\n<node label=\"x\"/></nodes></graph></gexf>", ReadOptions{}, []string{"g.gexf: line 2: <node>: missing id"}},
		{"gexf bad attvalue", "g.gexf", gexfHead + "<attributes class=\"node\"><attribute id=\"0\" title=\"age\" type=\"integer\"/></attributes><nodes>\n<node id=\"a\"><attvalues><attvalue for=\"0\" value=\"old\"/></attvalues></node></nodes></graph></gexf>", ReadOptions{}, []string{"g.gexf: line 2: <attvalue>", "age", "want an integer"}},
		{"gexf wrong root", "g.gexf", `<graphml/>`, ReadOptions{}, []string{"want <gexf>"}},
		{"gexf utf16 declared", "g.gexf", `<?xml version="1.0" encoding="UTF-16"?><gexf/>`, ReadOptions{}, []string{"g.gexf:1:", "UTF-16"}},
		{"gexf invalid utf8", "g.gexf", gexfHead + "<nodes><node id=\"Jos\xe9\"/></nodes></graph></gexf>", ReadOptions{}, []string{"g.gexf:1:", "UTF-8"}},
		// GraphML
		{"graphml unknown node", "g.graphml", gmlHeadDefault + "<edge source=\"a\" target=\"c\"/></graph></graphml>", ReadOptions{}, []string{"g.graphml: line 6: <edge>", `target "c"`}},
		{"graphml bad weight", "g.graphml", gmlHeadDefault + "<edge source=\"a\" target=\"b\"><data key=\"w\">heavy</data></edge></graph></graphml>", ReadOptions{}, []string{"g.graphml: line 6: <data>", "want a number"}},
		{"graphml zero weight", "g.graphml", gmlHeadDefault + "<edge source=\"a\" target=\"b\"><data key=\"w\">0</data></edge></graph></graphml>", ReadOptions{}, []string{"g.graphml: line 6: <edge>", "positive"}},
		{"graphml truncated", "g.graphml", gmlHeadDefault + "<edge source=\"a\" ", ReadOptions{}, []string{"g.graphml:6:", "truncated"}},
		{"graphml external entity", "g.graphml", "<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [ <!ENTITY ext SYSTEM \"http://example.com/x\"> ]>\n<graphml/>", ReadOptions{}, []string{"g.graphml:", "never expands or fetches"}},
		{"graphml no graph", "g.graphml", `<graphml xmlns="http://graphml.graphdrawing.org/xmlns"></graphml>`, ReadOptions{}, []string{"has no <graph> element"}},
		// GML
		{"gml truncated", "g.gml", gmlHead + " edge [ source 0 target", ReadOptions{}, []string{"g.gml:4:", "truncated"}},
		{"gml unknown node", "g.gml", gmlHead + " edge [ source 0 target 7 ]\n]\n", ReadOptions{}, []string{"g.gml:4:", "target 7: no node has this id"}},
		{"gml string weight", "g.gml", gmlHead + " edge [ source 0 target 1 weight \"3\" ]\n]\n", ReadOptions{}, []string{"g.gml:4:", "want a number"}},
		{"gml NaN weight", "g.gml", gmlHead + " edge [ source 0 target 1 weight NAN ]\n]\n", ReadOptions{}, []string{"g.gml:4:", "finite"}},
		{"gml no id", "g.gml", "graph [\n node [ label \"a\" ]\n]\n", ReadOptions{}, []string{"g.gml:2:", "node without id"}},
		{"gml unclosed string", "g.gml", "graph [\n node [ id 0 label \"a ]\n]\n", ReadOptions{}, []string{"g.gml:2:", "string not closed"}},
		{"gml latin1", "g.gml", "graph [\n node [ id 0 label \"Jos\xe9\" ]\n]\n", ReadOptions{}, []string{"g.gml:2:", "invalid UTF-8"}},
		// DOT
		{"dot syntax", "g.dot", "graph {\n a -- \n", ReadOptions{}, []string{"g.dot", "invalid DOT"}},
		{"dot bad weight", "g.dot", "graph { a -- b [weight=-3] }", ReadOptions{}, []string{"g.dot: edge 1 (a–b)", "positive"}},
		// Pajek
		{"pajek bad vertex", "g.net", "*Vertices 2\n1 \"a\"\n2 \"b\"\n*Edges\n1 3 1\n", ReadOptions{}, []string{"g.net:5:", `vertex "3": want a number 1..2`}},
		{"pajek bad weight", "g.net", "*Vertices 2\n*Edges\n1 2 x\n", ReadOptions{}, []string{"g.net:3:", "want a number"}},
		{"pajek matrix", "g.net", "*Vertices 2\n*Matrix\n0 1\n1 0\n", ReadOptions{}, []string{"g.net:2:", "*Matrix is not supported"}},
		{"pajek duplicate label", "g.net", "*Vertices 2\n1 \"a\"\n2 \"a\"\n", ReadOptions{}, []string{"g.net: vertex 2", `duplicate node id "a"`}},
		// SGB
		{"sgb unknown character", "j.dat", "AA Anna\nBB Ben\n\n1.1:AA,CC\n", ReadOptions{}, []string{"j.dat:4:", `"CC" is not a listed character`}},
		{"sgb no chapters match", "j.dat", "AA Anna\nBB Ben\n\n1.1:AA,BB\n", ReadOptions{Chapters: "7."}, []string{"j.dat: no chapter starts with 7."}},
		{"sgb bad header", "j.dat", "AAA Anna\n", ReadOptions{}, []string{"j.dat:1:", "two-character code"}},
		{"sgb continuation first", "j.dat", "AA Anna\n\n&:AA,AA\n", ReadOptions{}, []string{"j.dat:3:", "before any chapter"}},
		// Relgraph JSON and the dispatcher
		{"relgraph wrong format", "g.json", `{"format": "relgraph/roster@1"}`, ReadOptions{}, []string{"g.json: field format"}},
		{"unknown from", "g.x", "", ReadOptions{From: "yaml"}, []string{`unknown format "yaml"`}},
		{"neo4j is write only", "g.csv", "", ReadOptions{From: Neo4j}, []string{"write-only"}},
		{"cannot sniff", "g", "Lukas trifft Kathrin.", ReadOptions{}, []string{"g: cannot tell the graph format"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			g, _, err := Read(tc.file, []byte(tc.in), tc.opt)
			if err == nil {
				t.Fatalf("no error; graph %+v", g)
			}
			if g != nil {
				t.Errorf("a graph came with the error")
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

// TestImportRules: duplicates are summed, a reversed duplicate in
// undirected input is the same edge, a self-loop is dropped — each with a
// warning naming the line; in directed input a reversed pair is another
// edge.
func TestImportRules(t *testing.T) {
	g, warns, err := Read("e.csv", []byte("Source,Target,Weight\na,b,2\nb,a,3\na,a,1\nb,c,1\nb,c,4\n"), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Edges) != 2 || g.Edges[0].Weight != 5 || g.Edges[1].Weight != 5 {
		t.Errorf("edges %+v, want a–b 5 and b–c 5", g.Edges)
	}
	want := []string{"e.csv: line 3: duplicate edge a–b: weights summed to 5", `e.csv: line 4: self-loop on "a" dropped`, "e.csv: line 6: duplicate edge b–c"}
	for _, w := range want {
		if !strings.Contains(strings.Join(warns, "\n"), w) {
			t.Errorf("warnings %q lack %q", warns, w)
		}
	}
	d, _, err := Read("d.csv", []byte("Source,Target,Type,Weight\na,b,Directed,2\nb,a,Directed,3\n"), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !d.Directed || len(d.Edges) != 2 {
		t.Errorf("directed input: %+v", d)
	}
	// Many duplicates: five are listed, then a count.
	var sb strings.Builder
	sb.WriteString("Source,Target\n")
	for range 8 {
		sb.WriteString("a,b\n")
	}
	_, warns, err = Read("m.csv", []byte(sb.String()), ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 6 || warns[5] != "… and 2 more duplicate warnings" {
		t.Errorf("warnings %q", warns)
	}
}

// TestSniff: the content tells the format when the name does not.
func TestSniff(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"format": "relgraph/graph@1", "nodes": []}`, JSON},
		{`{"nodes": [], "links": []}`, NodeLink},
		{"\ufeff<?xml version=\"1.0\"?>\n<gexf xmlns=\"http://gexf.net/1.3\">", GEXF},
		{`<?xml version="1.0"?><!-- c --><graphml>`, GraphML},
		{"Creator \"igraph\"\ngraph\n[\n", GML},
		{"# comment\ngraph [\n", GML},
		{"strict digraph G {", DOT},
		{"/* x */ graph {", DOT},
		{"*Vertices 3\n", Pajek},
		{"*Network x\n*Vertices 3\n", Pajek},
		{"* File \"jean.dat\" from the Stanford GraphBase\n", SGB},
		{"source;target;weight\r", CSV},
		{"Lukas trifft Kathrin.\n", ""},
		{"{Lukas} trifft Kathrin.", ""},
		{"", ""},
	}
	for _, tc := range tests {
		if got := Sniff([]byte(tc.in)); got != tc.want {
			t.Errorf("Sniff(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFormatFromPath(t *testing.T) {
	for path, want := range map[string]string{"a.GEXF": GEXF, "x/y.graphml": GraphML, "b.gv": DOT, "c.net": Pajek, "jean.dat": SGB, "e.tsv": CSV, "g.json": JSON} {
		if got, err := FormatFromPath(path); err != nil || got != want {
			t.Errorf("FormatFromPath(%q) = %q, %v; want %q", path, got, err, want)
		}
	}
	for _, path := range []string{"a.yaml", "noext"} {
		if _, err := FormatFromPath(path); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("FormatFromPath(%q): err = %v", path, err)
		}
	}
}

func TestNodesBeside(t *testing.T) {
	for in, want := range map[string]string{
		"data/asoiaf-book1-edges.csv": "data/asoiaf-book1-nodes.csv",
		"x_Edges.csv":                 "x_nodes.csv",
		"edges.csv":                   "",
		"a.csv":                       "",
	} {
		if got := NodesBeside(in); got != want {
			t.Errorf("NodesBeside(%q) = %q, want %q", in, got, want)
		}
	}
}
