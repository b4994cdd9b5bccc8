package formats_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/relgraph/relgraph/graph"
	"github.com/relgraph/relgraph/graph/formats"
)

// bond is a small graph with a number-like id, a display name, an
// attribute and an integer weight.
func bond() *graph.Graph {
	return &graph.Graph{
		Nodes: []graph.Node{{ID: "007", Name: "Bond", Attributes: map[string]any{"agency": "MI6"}}, {ID: "m", Name: "M"}, {ID: "q"}, {ID: "r"}},
		Edges: []graph.Edge{{Source: "007", Target: "m", Weight: 3}, {Source: "m", Target: "q", Weight: 1.5}},
		// r is isolated: in the story, but in no scene with another character.
	}
}

// Write a graph as GEXF 1.3 for Gephi.
func ExampleWrite_gexf() {
	g := &graph.Graph{
		Nodes: []graph.Node{{ID: "007", Name: "Bond"}, {ID: "m"}},
		Edges: []graph.Edge{{Source: "007", Target: "m", Weight: 3}},
	}
	if err := formats.Write(os.Stdout, g, formats.GEXF); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">
	//   <meta>
	//     <creator>relgraph</creator>
	//   </meta>
	//   <graph defaultedgetype="undirected" mode="static">
	//     <nodes>
	//       <node id="007" label="Bond" />
	//       <node id="m" />
	//     </nodes>
	//     <edges>
	//       <edge id="0" source="007" target="m" weight="3" />
	//     </edges>
	//   </graph>
	// </gexf>
}

// Write a graph as GraphML with typed keys, as yEd, Cytoscape and NetworkX
// read it: the integer weight is declared "long".
func ExampleWrite_graphml() {
	g := &graph.Graph{
		Nodes: []graph.Node{{ID: "007", Name: "Bond"}, {ID: "m"}},
		Edges: []graph.Edge{{Source: "007", Target: "m", Weight: 3}},
	}
	if err := formats.Write(os.Stdout, g, formats.GraphML); err != nil {
		fmt.Println(err)
	}
	// Output:
	// <?xml version="1.0" encoding="UTF-8"?>
	// <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
	//   <key id="d0" for="node" attr.name="name" attr.type="string" />
	//   <key id="d1" for="edge" attr.name="weight" attr.type="long" />
	//   <graph id="G" edgedefault="undirected">
	//     <node id="007">
	//       <data key="d0">Bond</data>
	//     </node>
	//     <node id="m" />
	//     <edge source="007" target="m">
	//       <data key="d1">3</data>
	//     </edge>
	//   </graph>
	// </graphml>
}

// Read a plain CSV edge list, the way ezlinavis or a spreadsheet writes
// it: the delimiter (here ";") and the header's spelling are detected.
func ExampleRead_csv() {
	data := "source;target;weight\nAnna;Ben;2\nBen;Cara;1.5\n"
	g, _, err := formats.Read("net.csv", []byte(data), formats.ReadOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, e := range g.Edges {
		fmt.Println(e.Source, e.Target, e.Weight)
	}
	// Output:
	// Anna Ben 2
	// Ben Cara 1.5
}

// Write a graph in every format Read understands and read it back with the
// same format: ids (even number-like ones), names, attributes, isolated
// characters and weights survive the trip, except that a bare CSV edge
// list (written without its -nodes.csv table) keeps only the ids and
// weights of characters with an edge, and Pajek keeps ids and weights.
func Example_roundTrip() {
	for _, f := range formats.WriteFormats() {
		if f == formats.Neo4j {
			continue // write only: formats.WriteNeo4j
		}
		var buf bytes.Buffer
		if err := formats.Write(&buf, bond(), f); err != nil {
			fmt.Println(f, err)
			continue
		}
		g, _, err := formats.Read("bond", buf.Bytes(), formats.ReadOptions{From: f})
		if err != nil {
			fmt.Println(f, err)
			continue
		}
		var parts []string
		for _, n := range g.Nodes {
			parts = append(parts, n.ID+"="+n.Label())
		}
		for _, e := range g.Edges {
			parts = append(parts, fmt.Sprintf("%s–%s:%g", e.Source, e.Target, e.Weight))
		}
		parts = append(parts, fmt.Sprint("agency=", g.Nodes[0].Attributes["agency"]))
		fmt.Printf("%-8s %s\n", f, strings.Join(parts, " "))
	}
	// Output:
	// csv      007=007 m=m q=q 007–m:3 m–q:1.5 agency=<nil>
	// dot      007=Bond m=M q=q r=r 007–m:3 m–q:1.5 agency=MI6
	// gexf     007=Bond m=M q=q r=r 007–m:3 m–q:1.5 agency=MI6
	// gml      007=Bond m=M q=q r=r 007–m:3 m–q:1.5 agency=MI6
	// graphml  007=Bond m=M q=q r=r 007–m:3 m–q:1.5 agency=MI6
	// json     007=Bond m=M q=q r=r 007–m:3 m–q:1.5 agency=MI6
	// nodelink 007=Bond m=M q=q r=r 007–m:3 m–q:1.5 agency=MI6
	// pajek    007=007 m=m q=q r=r 007–m:3 m–q:1.5 agency=<nil>
}
