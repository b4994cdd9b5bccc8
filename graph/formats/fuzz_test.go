package formats

import (
	"bytes"
	"io"
	"testing"
)

// Fuzz targets, one per reader. Run each with e.g.
//
//	go test ./graph/formats -run '^$' -fuzz '^FuzzReadGEXF$' -fuzztime 60s
//
// Crashers are kept under testdata/fuzz/<target>/ and replayed by every
// plain `go test`. The property: a reader never panics, and a graph it
// returns is valid and can be written in every format.
func fuzzReader(f *testing.F, format string, seeds ...string) {
	var buf bytes.Buffer
	if format != SGB {
		if err := Write(&buf, rich(), format); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		opt := ReadOptions{From: format}
		if format == CSV && len(data) > 0 && data[0]&1 == 1 {
			opt.Nodes = []byte("Id,Label\na,A\nb,B\n")
		}
		g, _, err := Read("fuzz", data, opt)
		if err != nil {
			if g != nil {
				t.Fatal("graph returned with an error")
			}
			return
		}
		if err := g.Validate(); err != nil {
			t.Fatalf("invalid graph accepted: %v", err)
		}
		if len(g.Nodes) > 10000 {
			return // a big graph from a small input (Pajek "*Vertices N"): writing it only costs time
		}
		for _, out := range WriteFormats() {
			if out == Neo4j {
				if err := WriteNeo4j(io.Discard, io.Discard, g); err != nil && !bytes.Contains([]byte(err.Error()), []byte("attribute name")) {
					t.Fatalf("neo4j: %v", err)
				}
				continue
			}
			if err := Write(io.Discard, g, out); err != nil && out != GML {
				t.Fatalf("write %s: %v", out, err)
			}
		}
	})
}

func FuzzReadJSON(f *testing.F) {
	fuzzReader(f, JSON, `{"format": "relgraph/graph@1", "nodes": [{"id": "a"}]}`)
}

func FuzzReadNodeLink(f *testing.F) {
	fuzzReader(f, NodeLink,
		`{"nodes": [{"name": "A"}, {"name": "B"}], "links": [{"source": 0, "target": 1, "value": 2}]}`,
		`{"directed": true, "nodes": [{"id": 1}, {"id": "1"}], "edges": [{"source": 1, "target": "1"}]}`,
		`{"nodes": [{"name": "A", "index": 0}, {"name": "B"}], "links": [{"source": {"index": 0}, "target": {"index": 1}}]}`)
}

func FuzzReadCSV(f *testing.F) {
	fuzzReader(f, CSV, "Source,Target,Weight\ra,b,1\rb,c,2\r", "\ufeffsource;target;type;weight\na;b;Directed;1.5\n", "From\tTo\na\tb\n")
}

func FuzzReadGEXF(f *testing.F) {
	fuzzReader(f, GEXF, `<gexf><graph defaultedgetype="directed"><attributes class="edge"><attribute id="u" title="units" type="string"><default>[1]</default></attribute></attributes><nodes><node id="a"/><node id="b"/></nodes><edges><edge source="a" target="b" weight="2"/></edges></graph></gexf>`)
}

func FuzzReadGraphML(f *testing.F) {
	fuzzReader(f, GraphML, `<graphml><key id="k" for="all" attr.name="weight" attr.type="int"><default>2</default></key><graph><node id="a"/><node id="b"/><edge source="a" target="b"/></graph></graphml>`)
}

func FuzzReadGML(f *testing.F) {
	fuzzReader(f, GML, "Creator \"igraph\"\ngraph [ directed 1 node [ id 0 name \"a\" ] node [ id 1 name \"b\" ] edge [ source 0 target 1 weight 2.5 ] ]")
}

func FuzzReadDOT(f *testing.F) {
	fuzzReader(f, DOT, "digraph { a -> {b c} -> d [weight=2]; subgraph s { e } }", `graph { "a\"b" -- c [label="x\ny"] }`)
}

func FuzzReadPajek(f *testing.F) {
	fuzzReader(f, Pajek, "*Network n\n*Vertices 3\n1 \"a b\" 0.1 0.2\n2 c\n*Arcs\n1 2 3\n*Edgeslist\n1 2 3\n")
}

func FuzzReadSGB(f *testing.F) {
	fuzzReader(f, SGB, "* comment\nAA Anna, a \\'el\\`eve\nBB Ben\nCC \\c cat\n\n1.1:AA,BB;BB,CC\n&:AA,CC\n2.1\n")
}
